"""End to end on the real pipeline: the bundled 锦州 documents and the 2026 provincial reports.

The samples are ingested once per session into a temporary SQLite file; the commands are run
as a user runs them (a separate process, JSON output).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from conftest import PROVINCES, SAMPLE_DIR, run_planwatch

from planwatch.store import Store


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("store") / "sample.db"
    result = run_planwatch("ingest", str(SAMPLE_DIR), "--db", str(db))
    assert result.returncode == 0, result.stderr
    return db


def _json(*args: str, db: Path) -> Any:
    result = run_planwatch(*args, "--format", "json", "--db", str(db))
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_ingesting_everything_twice_changes_nothing(sample_db: Path) -> None:
    before = Store(sample_db).stats()
    assert before["documents"] == 13 and before["facts"] > 0  # 5 about 锦州, 8 海拉尔区 work reports
    again = run_planwatch("ingest", str(SAMPLE_DIR), "--db", str(sample_db))
    assert again.returncode == 0, again.stderr
    assert "13 unchanged" in again.stderr
    assert Store(sample_db).stats() == before


def test_series_of_jinzhou_gdp_holds_2011_and_2020(sample_db: Path) -> None:
    points = _json("series", "地区生产总值", "--region", "锦州市", db=sample_db)
    levels = {p["period"]: p for p in points if p["measure"] == "level" and p["preferred"]}
    assert {"2011", "2020"} <= set(levels)
    assert levels["2020"]["value"] == 1074 and levels["2020"]["unit"] == "亿元"
    for p in points:  # every value points back into its document
        assert p["doc"] and p["quote"] and p["text"] in p["quote"]


def _targets(db: Path) -> list[dict[str, Any]]:
    return _json("targets", "--region", "锦州市", "--plan", "十四五", db=db)


def _one(rows: list[dict[str, Any]], indicator: str, measure: str = "level") -> dict[str, Any]:
    found = [t for t in rows if t["indicator"] == indicator and t["measure"] == measure and t["target_year"] == 2025]
    assert found, f"no 2025 {measure} target of {indicator}"
    return found[0]


def test_jinzhou_14th_plan_gdp_target(sample_db: Path) -> None:
    gdp = _one(_targets(sample_db), "地区生产总值")
    assert (gdp["target"], gdp["qualifier"], gdp["unit"]) == (1500, "about", "亿元")
    assert (gdp["baseline"], gdp["baseline_year"]) == (1074, 2020)
    # (1500 / 1074) ** (1 / 5) − 1 = 6.91 %
    assert gdp["required_growth"] == pytest.approx(6.91, abs=0.01)
    assert gdp["status"] in ("no data", "achieved", "on track", "moderate", "insufficient", "moving away")
    assert gdp["projection"] is not None


def test_jinzhou_14th_plan_table_targets(sample_db: Path) -> None:
    rows = _targets(sample_db)
    income = _one(rows, "城镇居民人均可支配收入")
    assert (income["target"], income["baseline"], income["baseline_year"]) == (48700, 35566, 2020)
    forest = _one(rows, "森林覆盖率")
    assert (forest["target"], forest["baseline"]) == (24, 21)
    unemployment = _one(rows, "城镇登记失业率")
    # the table's 2020 column is the only value: no verdict from before the plan period (issue 12)
    assert (unemployment["target"], unemployment["qualifier"], unemployment["status"]) == (
        6,
        "at_most",
        "no data",
    )
    assert unemployment["note"].startswith("latest value before the plan period")
    growth = _one(rows, "地区生产总值", "avg_growth")
    assert (growth["target"], growth["qualifier"]) == (6.5, "about")
    assert all(t["status"] for t in rows)


def test_conflicting_2020_urban_jobs(sample_db: Path) -> None:
    found = [c for c in _json("conflicts", db=sample_db)
             if c["indicator"] == "城镇新增就业" and c["period"] == "2020" and c["type"] == "disagreement"]  # fmt: skip
    assert len(found) == 1
    values = sorted(s["value"] for s in found[0]["sources"])
    assert values == [1.76, 1.8] and all(s["unit"] == "万人" for s in found[0]["sources"])
    assert all(s["quote"] for s in found[0]["sources"])


def test_conflicts_command_runs_on_the_samples(sample_db: Path) -> None:
    result = run_planwatch("conflicts", "--db", str(sample_db))
    assert result.returncode == 0, result.stderr
    assert "conflicts" in result.stderr


@pytest.fixture(scope="module")
def provinces_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("provinces") / "provinces.db"
    result = run_planwatch("ingest", str(PROVINCES), "--db", str(db), timeout=300)
    assert result.returncode == 0, result.stderr
    return db


def test_compare_2026_gdp_growth_targets_of_the_provinces(provinces_db: Path) -> None:
    rows = _json("compare", "地区生产总值", "--period", "2026", "--kind", "target", "--measure", "growth",
                 "--level", "province", db=provinces_db)  # fmt: skip
    by_region = {r["region"]: r for r in rows}
    assert len(rows) == len(by_region) == 31  # every province states one, one row each
    assert (by_region["辽宁省"]["value"], by_region["辽宁省"]["qualifier"]) == (4.5, "about")
    guangdong = by_region["广东省"]
    assert (guangdong["value"], guangdong["qualifier"]) == (4.5, "at_least")
    assert guangdong["text"].startswith("4.5%") and guangdong["text"].endswith("5%")
    for r in rows:
        assert r["doc"].startswith("2026_") and r["quote"] and r["level"] == "province"
    values = [r["value"] for r in rows]
    assert values == sorted(values, reverse=True)
