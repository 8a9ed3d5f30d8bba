"""``planwatch compare`` against a hand-made key: six headline figures of the 31 provincial 2026 reports.

The key (tests/data/keys/provinces_2026.csv) was made by reading each report in
tests/data/corpus/provinces-2026: the 2026 growth target of GDP, the 2025 GDP level and growth, the 2026
budget revenue target, the 2026 target for new urban jobs and the 2026 CPI target — 186 cells, of which
the reports state 163 (a row with an empty value is a figure the report does not give, e.g. no revenue
target in 11 reports).  A cell is right when ``compare`` gives the province a row whose value (in the
key's unit: 亿元, %, 万人), value_high, qualifier, period and kind are the key's.
"""

from __future__ import annotations

import csv
import math
from pathlib import Path

import pytest

from planwatch.monitor.compare import CompareRow, compare
from planwatch.monitor.series import kind_class
from planwatch.store import Store

REPO = Path(__file__).resolve().parents[1]
KEY = REPO / "tests" / "data" / "keys" / "provinces_2026.csv"
CORPUS = REPO / "tests" / "data" / "corpus" / "provinces-2026"

# field -> (indicator, measure, period, kind asked of compare)
FIELDS = {
    "gdp_target": ("地区生产总值", "growth", "2026", "target"),
    "gdp_level": ("地区生产总值", "level", "2025", None),
    "gdp_growth": ("地区生产总值", "growth", "2025", None),
    "revenue_target": ("一般公共预算收入", "growth", "2026", "target"),
    "jobs_target": ("城镇新增就业", "level", "2026", "target"),
    "cpi_target": ("居民消费价格", "growth", "2026", "target"),
}

# What compare gets right: 161 of 163 (the issue asks for 158).  The two misses are the
# extraction's: 浙江 gives its GDP only as thresholds passed in a list (连续跨越7万亿、8万亿、9万亿三个
# 大台阶: the last is the level, at least), and 陕西 names its 3万亿元 threshold in a sentence that
# the extractor gives to a nearer 1万亿元.
CURRENT_FLOOR = 161
EXTRACTION_MISSES = {
    ("浙江省", "gdp_level"),
    ("陕西省", "gdp_level"),
}


def key_rows() -> list[dict[str, str]]:
    with KEY.open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    s = Store(tmp_path_factory.mktemp("key") / "provinces.db")
    assert s.ingest([CORPUS], actor="test").ok
    yield s
    s.close()


def _num(text: str) -> float | None:
    return float(text) if text else None


def _same(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-6)


def found_rows(store: Store) -> dict[tuple[str, str], CompareRow]:
    """(region, field) -> the row compare gives for it."""
    out: dict[tuple[str, str], CompareRow] = {}
    for field, (indicator, measure, period, kind) in FIELDS.items():
        for row in compare(store, indicator, period=period, measure=measure, kind=kind, level="province"):
            if kind is None and kind_class(row.kind) != "observed":
                continue
            out[(row.region, field)] = row
    return out


def judge(store: Store) -> tuple[list[dict[str, str]], list[tuple[dict[str, str], str]]]:
    """(right rows, wrong rows with what compare gave) over the stated cells of the key."""
    found = found_rows(store)
    right, wrong = [], []
    for row in key_rows():
        if not row["value"]:
            continue
        got = found.get((row["region"], row["field"]))
        ok = (
            got is not None
            and _same(got.value, _num(row["value"]))
            and _same(got.value_high, _num(row["value_high"]))
            and (got.qualifier or "") == row["qualifier"]
            and got.period == row["period"]
            and got.kind == row["kind"]
        )
        if ok:
            right.append(row)
        else:
            wrong.append(
                (
                    row,
                    "nothing"
                    if got is None
                    else f"{got.value}-{got.value_high} {got.qualifier} {got.period} {got.kind} «{got.text}»",
                )
            )
    return right, wrong


def test_key_has_the_cells_the_issue_counts() -> None:
    rows = key_rows()
    assert len(rows) == 31 * 6
    assert sum(bool(r["value"]) for r in rows) == 163
    assert all(r["note"].startswith("not stated") for r in rows if not r["value"])


def test_compare_matches_the_key(store: Store) -> None:
    right, wrong = judge(store)
    report = "\n".join(
        f"{r['region']} {r['field']} want {r['value']}-{r['value_high']} {r['qualifier']} "
        f"{r['period']} {r['kind']} «{r['text']}» got {w}"
        for r, w in wrong
    )
    assert len(right) >= CURRENT_FLOOR, f"{len(right)} of 163 right:\n{report}"
    assert {(r["region"], r["field"]) for r, _ in wrong} <= EXTRACTION_MISSES, report


def test_compare_meets_the_issue_threshold(store: Store) -> None:
    right, _ = judge(store)
    assert len(right) >= 158


def test_an_exact_value_beats_a_bound_of_the_same_quantity(store: Store) -> None:
    # 江西: 地区生产总值突破3万亿元、达3.6万亿元; 贵州: 突破2万亿元、达到23562亿元
    rows = {r.region: r for r in compare(store, "地区生产总值", period="2025", measure="level", level="province")}
    assert (rows["江西省"].value, rows["江西省"].qualifier, rows["江西省"].text) == (36000, None, "3.6万亿元")
    assert (rows["贵州省"].value, rows["贵州省"].qualifier) == (23562, None)
    # a bound alone stays the region's value, with its qualifier (山西: 超过2.5万亿元)
    assert (rows["山西省"].value, rows["山西省"].qualifier) == (25000, "at_least")


def test_a_range_keeps_both_ends(store: Store) -> None:
    rows = {r.region: r for r in compare(store, "地区生产总值", period="2026", kind="target", measure="growth")}
    assert (rows["安徽省"].value, rows["安徽省"].value_high, rows["安徽省"].qualifier) == (5, 5.5, "at_least")
    assert (rows["黑龙江省"].value, rows["黑龙江省"].value_high) == (4.5, 5)  # 4.5-5%
    assert rows["四川省"].value_high is None  # 5.5%左右 is no range


def test_a_region_is_not_ranked_against_its_own_parts(store: Store) -> None:
    rows = compare(store, "地区生产总值", period="2025", measure="level")
    names = {r.region for r in rows}
    assert "四川省" in names and "广东省" in names
    # 四川's report names 泸州市 (a city of 四川) and 成都平原经济区 (a zone found in 四川's report)
    assert not names & {"泸州市", "成都平原经济区", "川东北经济区", "兰州新区", "大湾区", "成渝地区双城经济圈"}


def test_no_period_asked_means_the_latest_period_with_data(store: Store) -> None:
    rows = compare(store, "城镇新增就业", measure="level", level="province")
    observed = {r.period for r in rows if kind_class(r.kind) == "observed"}
    targets = {r.period for r in rows if r.kind == "target"}
    assert observed == {"2025"}  # not the 2021-2025 totals, not one report's older year
    assert targets == {"2026"}
    assert len([r for r in rows if r.kind == "target"]) >= 25
