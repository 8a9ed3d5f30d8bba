"""Plan tables checked against themselves: a row's base level, target level and average growth."""

from __future__ import annotations

from pathlib import Path

import pytest

from planwatch import monitor
from planwatch.monitor.conflicts import table_checks
from planwatch.store import Store

REPO = Path(__file__).resolve().parents[1]
JINZHOU_14 = REPO / "planwatch" / "sample" / "004_9898a4a294c82fae.txt"

HEAD = """# 黑山县国民经济和社会发展第十四个五年规划纲要

## 主要指标

| 指标名称 | 单位 | 2020年 | | 2025年目标 | |
|---|---|---|---|---|---|
| | | 绝对量 | 增长(%) | 绝对量 | 年均增长(%) |
"""


def _store(tmp_path: Path, *files: Path) -> Store:
    store = Store(tmp_path / "t.db")
    assert store.ingest(list(files), actor="test").ok
    return store


def test_jinzhou_14th_plan_table_has_one_row_that_does_not_add_up(tmp_path: Path) -> None:
    # 1074 → 1500左右 at 6.5左右 (6.9% implied), 35566 → 48700 at 6.5 左右, 800 → 1600 at 14.6 and
    # 21 → 24 at 2.7 all hold; 每万人口发明专利拥有量 3.3 → 4.5 with 0.5 in the growth column does not.
    with _store(tmp_path, JINZHOU_14) as store:
        found = table_checks(store)
        [c] = found
        assert (c.region, c.indicator, c.period, c.severity) == (
            "锦州市",
            "每万人口发明专利拥有量",
            "2021-2025",
            "warning",
        )
        assert [s["text"] for s in c.sources] == ["3.3", "4.5", "0.5"]
        assert "+6.4% a year" in c.explanation
        assert any(x.type == "table_check" for x in monitor.conflicts(store, region="锦州市"))


def test_a_consistent_table_passes(tmp_path: Path) -> None:
    doc = tmp_path / "plan.md"
    doc.write_text(HEAD + "| 1.地区生产总值 | 亿元 | 200 | 3.1 | 280 | 7左右 |\n"
                   "| 2.城镇居民人均可支配收入 | 元 | 30000 | 5 | 40000 | 6 |\n"
                   "| 3.社会消费品零售总额 | 亿元 | 80 | 2 | 110 | 6.5 |\n", encoding="utf-8")  # fmt: skip
    with _store(tmp_path, doc) as store:
        assert len([f for f in store.facts(region="黑山县") if f["measure"] == "avg_growth"]) == 3
        assert table_checks(store) == []


@pytest.mark.parametrize(
    ("base", "target", "growth", "flagged"), [("20", "30", "12", True), ("20", "30", "8.5", False)]
)
def test_a_row_whose_growth_does_not_join_its_levels_is_a_warning(
    tmp_path: Path, base: str, target: str, growth: str, flagged: bool
) -> None:
    doc = tmp_path / "plan.md"
    doc.write_text(HEAD + f"| 1.一般公共预算收入 | 亿元 | {base} | 1 | {target} | {growth} |\n", encoding="utf-8")
    with _store(tmp_path, doc) as store:
        assert bool(table_checks(store, region="黑山县")) is flagged
