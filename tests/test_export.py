"""Export: DataFrames from the library, CSV / JSON / Excel from the CLI, in agreement."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from conftest import run_planwatch
from test_store_helpers import F, add

from planwatch.export import FACT_EXPORT_COLUMNS, facts_frame, series_frame, targets_frame
from planwatch.store import Store


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "pw.db"
    s = Store(path)
    add(s, "plan.txt", "锦州市", 2021, [
        F("1074亿元", "地区生产总值", 1074, "亿元", kind="estimate", period="2020"),
        F("1500亿元左右", "地区生产总值", 1500, "亿元", kind="target", period="2025", qualifier="about"),
        F("2217万美元", "实际利用外资", 2217, "万美元", period="2020"),
    ], title="锦州市国民经济和社会发展第十四个五年规划纲要", doc_type="规划纲要")  # fmt: skip
    s.close()
    return path


def test_frames(db: Path) -> None:
    store = Store(db)
    facts = facts_frame(store)
    assert list(facts.columns) == list(FACT_EXPORT_COLUMNS)
    assert len(facts) == 3
    assert list(facts.columns[:13]) == ["id", "doc", "start", "end", "text", "indicator", "mention", "measure",
                                        "value", "unit", "kind", "period", "region"]  # fmt: skip
    series = series_frame(store, "实际利用外资", region="锦州市")
    assert series.loc[0, "value"] == pytest.approx(0.2217) and series.loc[0, "unit"] == "亿美元"
    targets = targets_frame(store, region="锦州市")
    row = targets.iloc[0]
    assert (row["target"], row["baseline"], round(row["required_growth"], 2)) == (1500, 1074, 6.91)
    assert len(facts_frame(store, kind="target")) == 1


def test_cli_csv_and_json_match_the_library(db: Path) -> None:
    out = run_planwatch("export", "--format", "csv", "--db", str(db))
    assert out.returncode == 0, out.stderr
    rows = list(csv.DictReader(io.StringIO(out.stdout)))
    assert len(rows) == 3 and list(rows[0]) == list(FACT_EXPORT_COLUMNS)
    targets = run_planwatch("export", "--format", "json", "--what", "targets", "--region", "锦州市", "--db", str(db))
    assert targets.returncode == 0, targets.stderr
    (t,) = json.loads(targets.stdout)
    assert (t["indicator"], t["target"], t["status"]) == ("地区生产总值", 1500, "no data")
    bad = run_planwatch("export", "--what", "targets", "--db", str(db))
    assert bad.returncode == 2 and "needs --region" in bad.stderr


def test_cli_xlsx(db: Path, tmp_path: Path) -> None:
    import openpyxl

    target = tmp_path / "facts.xlsx"
    out = run_planwatch("export", "--format", "xlsx", "-o", str(target), "--db", str(db))
    assert out.returncode == 0, out.stderr
    book = openpyxl.load_workbook(target)
    assert book.sheetnames == ["facts", "documents", "corrections"]
    sheet = book["facts"]
    assert [c.value for c in sheet[1]][:5] == ["id", "doc", "start", "end", "text"]
    assert sheet.max_row == 4
    no_file = run_planwatch("export", "--format", "xlsx", "--db", str(db))
    assert no_file.returncode == 2 and "-o FILE" in no_file.stderr
