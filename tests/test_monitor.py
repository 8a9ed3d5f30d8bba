"""Series, targets, conflicts and compare on facts inserted by hand (no extractor involved)."""

from __future__ import annotations

import pytest
from test_store_helpers import F, add, fact_id

from planwatch import monitor
from planwatch.store import Store


@pytest.fixture
def store() -> Store:
    return Store(":memory:")


# -- series ---------------------------------------------------------------------------------
def test_series_prefers_actual_then_later_document_then_correction(store: Store) -> None:
    add(store, "plan2021.txt", "锦州市", 2021, [F("1074亿元", "地区生产总值", 1074, "亿元", kind="estimate")])
    add(store, "bulletin2021.txt", "锦州市", 2021, [F("1073.5亿元", "地区生产总值", 1073.5, "亿元")])
    points = monitor.series(store, "地区生产总值", region="锦州市")
    assert [(p.value, p.kind, p.preferred) for p in points] == [
        (1073.5, "actual", True),
        (1074, "estimate", False),
    ]
    # a later document's actual wins over an earlier one's
    add(store, "bulletin2022.txt", "锦州市", 2022, [F("1075亿元", "地区生产总值", 1075, "亿元")])
    preferred = [p for p in monitor.series(store, "gdp", region="锦州") if p.preferred]
    assert [p.value for p in preferred] == [1075]
    # a correction wins over all
    fid = fact_id(store, doc="plan2021.txt")
    store.correct(fid, by="tester", kind="actual", value=1076)
    preferred = [p for p in monitor.series(store, "地区生产总值", region="锦州市") if p.preferred]
    assert [(p.value, p.status, p.doc) for p in preferred] == [(1076, "corrected", "plan2021.txt")]
    # every source is still there, with its quote and offset
    points = monitor.series(store, "地区生产总值", region="锦州市")
    assert len(points) == 3
    for p in points:
        assert p.quote and p.text in p.quote


def test_series_normalises_units_where_safe(store: Store) -> None:
    add(store, "a.txt", "锦州市", 2015, [
        F("2217万美元", "实际利用外资", 2217, "万美元", period="2014"),
        F("0.3亿美元", "实际利用外资", 0.3, "亿美元", period="2015"),
        F("12%", "实际利用外资", 12, "%", measure="growth", period="2015"),
    ])  # fmt: skip
    points = monitor.series(store, "实际利用外资", region="锦州市")
    levels = [
        (p.period, p.value, p.unit, p.value_as_written, p.unit_as_written) for p in points if p.measure == "level"
    ]
    assert levels == [
        ("2014", pytest.approx(0.2217), "亿美元", 2217, "万美元"),
        ("2015", 0.3, "亿美元", 0.3, "亿美元"),
    ]
    assert [p.unit for p in points if p.measure == "growth"] == ["%"]


def test_series_by_named_group_and_unknown_indicator(store: Store) -> None:
    add(store, "a.txt", "锦州市", 2020, [F("86万人", "常住人口数", 86, "万人", region="锦州市四县(市)"),
                                         F("12个", "特色小镇样板", 12, "个")])  # fmt: skip
    rows = store.facts()
    group = next(r for r in rows if r["region"] == "锦州市四县(市)")
    assert group["region_id"] is None and group["region_parent_id"] == "210700"
    unknown = next(r for r in rows if r["indicator"] == "特色小镇样板")
    assert unknown["indicator_id"] is None
    assert [p.value for p in monitor.series(store, "特色小镇样板", region="锦州市")] == [12]
    assert [p.region for p in monitor.series(store, "常住人口数", region="锦州市四县(市)")] == ["锦州市四县(市)"]
    assert monitor.series(store, "常住人口数", region="锦州市") == []


# -- targets --------------------------------------------------------------------------------
def _plan(store: Store, *targets: F) -> None:
    add(store, "plan.txt", "锦州市", 2021, list(targets), title="锦州市国民经济和社会发展第十四个五年规划纲要",
        doc_type="规划纲要")  # fmt: skip


def _target(store: Store, indicator: str, measure: str = "level") -> object:
    found = [t for t in monitor.targets(store, region="锦州市", plan="十四五") if t.indicator == indicator
             and t.measure == measure]  # fmt: skip
    assert len(found) == 1, found
    return found[0]


def test_level_target_against_baseline_and_latest(store: Store) -> None:
    _plan(store,
          F("1074亿元", "地区生产总值", 1074, "亿元", kind="estimate", period="2020"),
          F("1500亿元左右", "地区生产总值", 1500, "亿元", kind="target", period="2025", qualifier="about"))  # fmt: skip
    add(store, "b2023.txt", "锦州市", 2024, [F("1300亿元", "地区生产总值", 1300, "亿元", period="2023"),
                                              F("1200亿元", "地区生产总值", 1200, "亿元", period="2021")])  # fmt: skip
    t = _target(store, "地区生产总值")
    assert (t.target, t.qualifier, t.target_year) == (1500, "about", 2025)  # type: ignore[attr-defined]
    assert (t.baseline, t.baseline_year, t.latest, t.latest_year) == (1074, 2020, 1300, 2023)  # type: ignore[attr-defined]
    # hand-computed in test_monitor_growth: required 7.42 %, observed 6.57 %, ratio 0.886
    assert t.required_growth == pytest.approx(7.4172, abs=1e-3)  # type: ignore[attr-defined]
    assert t.observed_growth == pytest.approx(6.5728, abs=1e-3)  # type: ignore[attr-defined]
    assert t.status == "moderate"  # type: ignore[attr-defined]
    # trend: the earliest level within 5 years before 2023 is 2020's 1074, growth 6.5728 %/year;
    # 1300 × 1.065728^2 = 1300 × 1.135776 = 1476.51
    assert t.projection == pytest.approx(1476.51, abs=0.01)  # type: ignore[attr-defined]
    # as of 2021 the latest is 1200: observed (1200/1074) − 1 = 11.73 %, required (1500/1200)^(1/4) − 1 = 5.74 %
    early = monitor.targets(store, region="锦州市", plan="十四五", as_of=2021)[0]
    assert early.latest == 1200 and early.status == "on track"
    assert early.required_growth == pytest.approx(5.7371, abs=1e-3)


def test_lower_is_better_targets(store: Store) -> None:
    _plan(store,
          F("46微克/立方米", "细颗粒物(PM2.5)浓度", 46, "微克/立方米", kind="estimate", period="2020"),
          F("35微克/立方米", "细颗粒物(PM2.5)浓度", 35, "微克/立方米", kind="target", period="2025"),
          F("4.8%", "城镇登记失业率", 4.8, "%", kind="estimate", period="2020"),
          F("6%以内", "城镇登记失业率", 6, "%", kind="target", period="2025", qualifier="at_most"))  # fmt: skip
    add(
        store,
        "b.txt",
        "锦州市",
        2024,
        [F("40微克/立方米", "细颗粒物(PM2.5)浓度", 40, "微克/立方米", period="2023")],
    )
    pm = _target(store, "细颗粒物(PM2.5)浓度")
    assert pm.direction == "down"  # type: ignore[attr-defined]
    assert pm.required_growth == pytest.approx(-6.4586, abs=1e-3)  # type: ignore[attr-defined]
    assert pm.observed_growth == pytest.approx(-4.5519, abs=1e-3)  # type: ignore[attr-defined]
    assert pm.status == "moderate"  # type: ignore[attr-defined]
    unemployment = _target(store, "城镇登记失业率")
    # Only the 2020 baseline is known: no verdict from before the plan period (issue 12).
    assert (unemployment.direction, unemployment.status) == ("down", "no data")  # type: ignore[attr-defined]
    assert unemployment.note == "latest value before the plan period: 4.8 (2020)"  # type: ignore[attr-defined]


def test_growth_rate_target(store: Store) -> None:
    _plan(store, F("6.5%左右", "地区生产总值", 6.5, "%", kind="target", period="2021-2025", measure="avg_growth",
                   qualifier="about"))  # fmt: skip
    for year, rate in ((2021, 7), (2022, 5), (2023, 4)):
        add(store, f"b{year}.txt", "锦州市", year + 1, [F(f"{rate}%", "地区生产总值", rate, "%", measure="growth",
                                                          period=str(year))])  # fmt: skip
    t = _target(store, "地区生产总值", "avg_growth")
    # hand-computed in test_monitor_growth: observed 5.33 %, ratio 0.819, still needed 8.29 %
    assert t.observed_growth == pytest.approx(5.3260, abs=1e-3)  # type: ignore[attr-defined]
    assert t.ratio == pytest.approx(0.8194, abs=1e-3)  # type: ignore[attr-defined]
    assert t.required_growth == pytest.approx(8.2857, abs=1e-3)  # type: ignore[attr-defined]
    assert t.status == "moderate"  # type: ignore[attr-defined]
    assert t.latest_year == 2023  # type: ignore[attr-defined]


def test_annual_growth_target_of_a_work_report(store: Store) -> None:
    add(
        store,
        "report2026.txt",
        "辽宁省",
        2026,
        [
            F(
                "4.5%左右",
                "地区生产总值",
                4.5,
                "%",
                kind="target",
                period="2026",
                measure="growth",
                qualifier="about",
            )
        ],
        doc_type="政府工作报告",
    )
    t = monitor.targets(store, region="辽宁省")[0]
    assert (t.status, t.target_year) == ("no data", 2026)
    add(store, "report2027.txt", "辽宁省", 2027, [F("4.45%", "地区生产总值", 4.45, "%", measure="growth",
                                                    period="2026")], doc_type="政府工作报告")  # fmt: skip
    t = monitor.targets(store, region="辽宁省")[0]
    assert t.status == "achieved"  # 4.45 is 4.5左右 (within 0.1 pp)


def test_targets_list_other_values_and_plan_filter(store: Store) -> None:
    _plan(store, F("1500亿元左右", "地区生产总值", 1500, "亿元", kind="target", period="2025", qualifier="about"),
          F("2000亿元", "地区生产总值", 2000, "亿元", kind="target", period="2030"))  # fmt: skip
    add(store, "update.txt", "锦州市", 2023, [F("1450亿元", "地区生产总值", 1450, "亿元", kind="target",
                                                period="2025")])  # fmt: skip
    rows = monitor.targets(store, region="锦州市", plan="十四五")
    assert len(rows) == 1
    assert rows[0].target == 1450  # the later document
    assert [o["value"] for o in rows[0].other_values] == [1500]
    assert {t.target_year for t in monitor.targets(store, region="锦州市")} == {2025, 2030}


# -- conflicts ------------------------------------------------------------------------------
def test_conflicts_beyond_rounding(store: Store) -> None:
    add(store, "t1.txt", "锦州市", 2021, [
        F("1.8万人", "城镇新增就业", 1.8, "万人", kind="estimate"),
        F("0.22亿美元", "实际利用外资", 0.22, "亿美元"),
        F("30万人以上", "城镇新增就业", 30, "万人", kind="target", period="2025", qualifier="at_least"),
    ])  # fmt: skip
    add(store, "t2.txt", "锦州市", 2021, [
        F("1.76万人", "城镇新增就业", 1.76, "万人", kind="estimate"),
        F("2217万美元", "实际利用外资", 2217, "万美元"),
        F("32万人", "城镇新增就业", 32, "万人", kind="target", period="2025"),
        F("1.8万人", "城镇新增就业", 1.8, "万人", kind="actual"),  # an actual revises an estimate: no conflict
    ])  # fmt: skip
    found = [c for c in monitor.conflicts(store) if c.type == "disagreement"]
    assert len(found) == 1
    c = found[0]
    assert (c.region, c.indicator, c.period, c.kind) == ("锦州市", "城镇新增就业", "2020", "estimate")
    assert sorted(s["value"] for s in c.sources) == [1.76, 1.8]
    assert all(s["quote"] for s in c.sources)
    assert monitor.conflicts(store, region="凌河区") == []


def test_growth_and_sum_checks(store: Store) -> None:
    add(store, "b.txt", "锦州市", 2021, [
        F("1000亿元", "地区生产总值", 1000, "亿元", period="2019"),
        F("1100亿元", "地区生产总值", 1100, "亿元", period="2020"),
        F("2%", "地区生产总值", 2, "%", measure="growth", period="2020"),
        F("50亿元", "一般公共预算收入", 50, "亿元", period="2019"),
        F("51亿元", "一般公共预算收入", 51, "亿元", period="2020"),
        F("2.1%", "一般公共预算收入", 2.1, "%", measure="growth", period="2020"),
    ])  # fmt: skip
    warnings = [c for c in monitor.conflicts(store) if c.type == "growth_check"]
    assert len(warnings) == 1
    assert warnings[0].indicator == "地区生产总值" and "+10.0%" in warnings[0].explanation
    assert "comparable prices" in warnings[0].explanation

    text = "全年新增就业2.5万人，其中城镇、农村分别新增1.8万人、1万人。"
    from planwatch.model import Document, Fact

    facts = []
    for mention, ind, value in (("2.5万人", "新增就业", 2.5), ("1.8万人", "城镇新增就业", 1.8),
                                ("1万人", "农村新增就业", 1.0)):  # fmt: skip
        start = text.index(mention)
        facts.append(Fact("s.txt", start, start + len(mention), mention, ind, ind, "level", value, "万人",
                          "actual", "2020", "锦州市"))  # fmt: skip
    store.ingest_document(Document("", "s.txt", text, "text", region="锦州市", facts=facts), doc_key="s.txt")
    sums = [c for c in monitor.conflicts(store) if c.type == "sum_check"]
    assert len(sums) == 1 and "2.8" in sums[0].explanation and len(sums[0].sources) == 3


# -- compare --------------------------------------------------------------------------------
def test_compare_one_row_per_region(store: Store) -> None:
    for i, (region, value, q) in enumerate((("辽宁省", 4.5, "about"), ("广东省", 4.5, "at_least"),
                                             ("西藏自治区", 7, "at_least"), ("锦州市", 6, None))):  # fmt: skip
        add(store, f"r{i}.txt", region, 2026, [F(f"{value}%", "地区生产总值", value, "%", kind="target",
                                                 period="2026", measure="growth", qualifier=q)])  # fmt: skip
    add(store, "old.txt", "辽宁省", 2025, [F("5%左右", "地区生产总值", 5, "%", kind="target", period="2026",
                                           measure="growth", qualifier="about")])  # fmt: skip
    rows = monitor.compare(store, "地区生产总值", period="2026", kind="target", measure="growth", level="province")
    assert [(r.region, r.value, r.qualifier) for r in rows] == [
        ("西藏自治区", 7, "at_least"),
        ("辽宁省", 4.5, "about"),
        ("广东省", 4.5, "at_least"),
    ]
    assert rows[1].n_sources == 2 and rows[1].doc == "r0.txt"
    # without a level, 锦州市 (a city of 辽宁省) is not ranked against the province that holds it
    regions = {r.region for r in monitor.compare(store, "地区生产总值", period="2026")}
    assert regions == {"辽宁省", "广东省", "西藏自治区"}
    assert [r.region for r in monitor.compare(store, "gdp", level="市")] == ["锦州市"]


def test_cumulative_target_over_a_span(store: Store) -> None:
    _plan(store, F("2440亿元", "固定资产投资", 2440, "亿元", kind="target", period="2021-2025"),
          F("360.3亿元", "固定资产投资", 360.3, "亿元", kind="estimate", period="2020"))  # fmt: skip
    t = _target(store, "固定资产投资")
    assert (t.status, t.required_growth) == ("no data", None)  # type: ignore[attr-defined]
    assert "0 of 5" in t.note  # type: ignore[attr-defined]
    for year, value in ((2021, 400), (2022, 450), (2023, 500), (2024, 520), (2025, 560)):
        add(
            store,
            f"b{year}.txt",
            "锦州市",
            year + 1,
            [F(f"{value}亿元", "固定资产投资", value, "亿元", period=str(year))],
        )
    t = _target(store, "固定资产投资")
    # 400 + 450 + 500 + 520 + 560 = 2430 < 2440
    assert (t.latest, t.status) == (2430, "not achieved")  # type: ignore[attr-defined]
