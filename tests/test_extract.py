"""End-to-end extraction on the real documents: specific facts, exact spans, structure."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import CORPUS, PROVINCES, WIDER, require_shared

import planwatch
from planwatch.model import Fact

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "planwatch" / "sample"
LINGHE_2014 = SAMPLE / "000_6cc6ed5f7fc9b850.txt"
REPORTS_2012 = SAMPLE / "001_a4dd6afc1d6d7e9f.txt"
NEWS = SAMPLE / "002_c76068c0fa3bff33.txt"
LINGHE_PLAN = SAMPLE / "003_821d0610ff899f65.txt"
JINZHOU_PLAN = SAMPLE / "004_9898a4a294c82fae.txt"


@pytest.fixture(scope="module")
def docs() -> dict[str, planwatch.Document]:
    return {p.name: planwatch.extract(p) for p in sorted(SAMPLE.glob("*.txt"))}


def find(doc: planwatch.Document, text: str, **fields: object) -> Fact:
    """The one fact whose text is ``text`` and whose fields match ``fields``."""
    hits = [f for f in doc.facts if f.text == text and all(getattr(f, k) == v for k, v in fields.items())]
    assert len(hits) == 1, f"{text} {fields}: {[(f.text, f.indicator, f.period) for f in doc.facts if f.text == text]}"
    return hits[0]


def test_linghe_2014_gdp_level_and_growth(docs):
    doc = docs[LINGHE_2014.name]
    gdp = find(doc, "111.5 亿元")
    assert (gdp.start, gdp.end) == (32, 40)
    assert (gdp.indicator, gdp.measure, gdp.value, gdp.unit) == ("地区生产总值", "level", 111.5, "亿元")
    assert (gdp.kind, gdp.period, gdp.region, gdp.qualifier) == ("actual", "2014", "凌河区", None)
    growth = find(doc, "7.6%")
    assert (growth.indicator, growth.measure, growth.value, growth.unit) == ("地区生产总值", "growth", 7.6, "%")


def test_synonym_resolves_to_canonical_indicator(docs):
    revenue = find(docs[LINGHE_2014.name], "12.4 亿元")
    assert revenue.mention == "公共财政预算收入"
    assert revenue.indicator == "一般公共预算收入"
    assert revenue.indicator_id is not None


def test_number_split_from_unit_by_pdf_line_break(docs):
    doc = docs[LINGHE_2014.name]
    exports = find(doc, "2217")  # '2217\n\n万美元' in the file: the text stops at the break
    assert doc.text[exports.end:exports.end + 5] == "\n\n万美元"
    assert (exports.value, exports.unit) == (2217, "万美元")


def test_qualifiers(docs):
    doc = docs[LINGHE_2014.name]
    assert find(doc, "400 余万元").qualifier == "at_least"
    assert find(doc, "近百家").value == 100 and find(doc, "近百家").qualifier == "about"
    over = find(doc, "过亿元")
    assert (over.value, over.unit, over.qualifier) == (1, "亿元", "at_least")
    share = find(doc, "60%")  # 服务业项目投资比重超过60%: the verb stays outside the text
    assert share.qualifier == "at_least" and share.measure == "level"


def test_negative_growth_and_counts_before_nouns(docs):
    doc = docs[LINGHE_2014.name]
    cut = find(doc, "51%")  # “三公”经费，同比减少51%
    assert (cut.measure, cut.value) == ("growth", -51)
    assert "三公" in cut.indicator
    firms = find(doc, "9 户")  # 等 9 户规模以上工业企业
    assert firms.mention == "规模以上工业企业"


def test_report_collection_is_split_into_segments(docs):
    doc = docs[REPORTS_2012.name]
    assert [(s.region, s.year, s.doc_type) for s in doc.segments] == [
        ("锦州市", 2012, "政府工作报告"), ("古塔区", 2012, "政府工作报告")]
    city = find(doc, "1100亿元")
    assert (city.kind, city.period, city.region) == ("estimate", "2011", "锦州市")
    district = find(doc, "151亿元")
    assert (district.indicator, district.kind, district.period, district.region) == (
        "地区生产总值", "estimate", "2011", "古塔区")


def test_section_scope_makes_targets(docs):
    doc = docs[REPORTS_2012.name]
    target = find(doc, "13.5%", kind="target")
    assert (target.indicator, target.measure, target.period) == ("地区生产总值", "growth", "2012")
    unemployment = find(doc, "3.6%以内")
    assert (unemployment.kind, unemployment.qualifier, unemployment.period) == ("target", "at_most", "2012")


def test_named_groups_of_counties_get_their_own_region(docs):
    doc = docs[REPORTS_2012.name]
    assert find(doc, "560 亿元").region == "锦州市四县(市)"
    assert find(doc, "370 亿元").region == "锦州市三城区"
    assert find(doc, "50 亿斤").region == "锦州市"  # the next paragraph is the city's again


def test_fenbie_lists_pair_indicators_with_numbers(docs):
    doc = docs[LINGHE_PLAN.name]
    urban, rural = find(doc, "38490元"), find(doc, "18246元")
    assert urban.indicator == "城镇居民人均可支配收入"
    assert rural.indicator == "农村居民人均可支配收入"
    growth = find(doc, "7.7%")
    assert (growth.indicator, growth.measure, growth.period) == ("农村居民人均可支配收入", "avg_growth", "2016-2020")
    three = [find(doc, t, kind="target") for t in ("6.5%", "10%", "25%")]
    assert [f.indicator for f in three] == ["地区生产总值", "固定资产投资", "规模以上工业总产值"]
    levels = [find(doc, t, kind="target") for t in ("170亿元", "54亿元", "34亿元")]
    assert [f.indicator for f in levels] == ["地区生产总值", "固定资产投资", "规模以上工业总产值"]
    assert {f.period for f in levels} == {"2025"}


def test_plan_review_counts_get_the_span_levels_the_end_year(docs):
    doc = docs[LINGHE_PLAN.name]
    assert find(doc, "124亿元").period == "2020"
    assert find(doc, "13家").period == "2016-2020"  # 新增高新技术企业13家


def test_plan_table_2025_targets(docs):
    doc = docs[JINZHOU_PLAN.name]
    gdp = find(doc, "1500左右", source="table")
    assert (gdp.indicator, gdp.measure, gdp.value, gdp.unit) == ("地区生产总值", "level", 1500, "亿元")
    assert (gdp.kind, gdp.period, gdp.qualifier, gdp.region) == ("target", "2025", "about", "锦州市")
    avg = find(doc, "6.5左右", source="table")
    assert (avg.measure, avg.period, avg.kind) == ("avg_growth", "2021-2025", "target")
    base = [f for f in doc.facts if f.source == "table" and f.text == "1074"]
    assert {(f.kind, f.period) for f in base} == {("estimate", "2020")}


def test_plan_table_cells(docs):
    doc = docs[JINZHOU_PLAN.name]
    table = [f for f in doc.facts if f.source == "table"]
    investment = find(doc, "2440", source="table")  # '2440<br>(累计)': a five-year total
    assert (investment.period, investment.kind) == ("2021-2025", "target")
    # the second piece of the table has a blank header: it inherits the first piece's
    output = find(doc, "1600", source="table")
    assert (output.indicator, output.kind, output.period) == ("工业总产值", "target", "2025")
    # cells without a fact
    assert not any(f.indicator.startswith("三次产业结构") for f in table)  # 19:26:55
    assert not any(f.text in ("待省反馈", "省目标", "--", "—") for f in table)
    unemployment = find(doc, "6 以内", source="table")
    assert (unemployment.qualifier, unemployment.value) == ("at_most", 6)
    # two header rows: group header 2020年预计完成情况 over 年均增长(%)
    employment = [f for f in table if f.indicator.startswith("城镇新增就业") and f.period == "2020"]
    assert sorted(f.value for f in employment if f.kind == "estimate") == [1.76, 1.8]


def test_table_rows_that_state_a_reduction_keep_their_columns_measure(docs):
    """"化学需氧量减少 | % | 13.4" under "2020年目标": a cell's measure is its column's (FACTS.md), so the
    row states the level of the reduction, 13.4 (%), as the table writes it."""
    doc = docs[JINZHOU_PLAN.name]
    cod = find(doc, "13.4", source="table", period="2020")
    assert (cod.mention, cod.measure, cod.value, cod.unit, cod.kind) == ("化学需氧量减少", "level", 13.4, "%", "target")
    energy = find(doc, "8", source="table", period="2025")  # 万元地区生产总值能源消耗下降率 | % | 12 | -- | 8
    assert (energy.mention, energy.measure, energy.value) == ("万元地区生产总值能源消耗下降率", "level", 8)
    gdp = [f for f in doc.facts if f.source == "table" and f.text == "1074"]  # ordinary rows keep their level
    assert {(f.measure, f.value) for f in gdp} == {("level", 1074)}


def test_things_that_are_not_facts(docs):
    texts = {f.text for d in docs.values() for f in d.facts}
    doc = docs[REPORTS_2012.name]
    ratio_start = doc.text.index("16:49:35")
    assert not any(f.start <= ratio_start < f.end for f in doc.facts)
    assert not any(f.text.startswith(("2011", "2012")) and f.unit == "" for f in doc.facts)
    names = docs[REPORTS_2012.name]
    # capacities inside project names listed before 等N个项目
    assert not any(f.text in ("460 台", "25 万吨", "1500 吨", "5 万吨") for f in names.facts)
    assert "2 个" in texts  # 2 个 5 万吨级泊位: the count is a fact, the class is not


def test_spans_are_exact_on_every_sample(docs):
    for doc in docs.values():
        for f in doc.facts:
            assert doc.text[f.start:f.end] == f.text


def test_spans_are_exact_on_the_whole_corpus():
    files = sorted(CORPUS.glob("*/*.txt"))
    assert len(files) == 44
    for path in files:
        doc = planwatch.extract(path)
        assert doc.facts, path.name
        bad = [f for f in doc.facts if doc.text[f.start:f.end] != f.text]
        assert not bad, (path.name, bad[:3])


def test_province_reports_state_their_2026_growth_target():
    corpus = PROVINCES
    liaoning = planwatch.extract(corpus / "2026_辽宁省_政府工作报告.txt")
    assert (liaoning.region, liaoning.year, liaoning.doc_type) == ("辽宁省", 2026, "政府工作报告")
    target = [f for f in liaoning.facts if f.indicator == "地区生产总值" and f.kind == "target"
              and f.measure == "growth" and f.period == "2026"]
    assert [(f.text, f.value, f.qualifier) for f in target] == [("4.5%左右", 4.5, "about")]
    guangdong = planwatch.extract(corpus / "2026_广东省_政府工作报告.txt")
    target = [f for f in guangdong.facts if f.indicator == "地区生产总值" and f.kind == "target"
              and f.measure == "growth" and f.period == "2026"]
    assert [(f.text, f.value, f.qualifier) for f in target] == [("4.5%—5%", 4.5, "at_least")]
    incomes = [f for f in liaoning.facts if f.text in ("4.3%", "5.3%") and f.period == "2025"]
    assert [f.indicator for f in incomes] == ["城镇居民人均可支配收入", "农村居民人均可支配收入"]


def test_html_table_in_text():
    text = ("某市国民经济和社会发展第十四个五年规划纲要\n"
            "<table><tr><th>指标</th><th>单位</th><th>2020年</th><th>2025年目标</th></tr>"
            "<tr><td>1.地区生产总值</td><td>亿元</td><td>800</td><td>1,100左右</td></tr>"
            "<tr><td>2.森林覆盖率</td><td>%</td><td>--</td><td>35</td></tr></table>\n")
    doc = planwatch.extract_text(text)
    facts = [(f.text, f.indicator, f.value, f.unit, f.kind, f.period, f.qualifier) for f in doc.facts]
    assert facts == [
        ("800", "地区生产总值", 800, "亿元", "actual", "2020", None),
        ("1,100左右", "地区生产总值", 1100, "亿元", "target", "2025", "about"),
        ("35", "森林覆盖率", 35, "%", "target", "2025", None),
    ]


def test_score_on_the_visible_reference_facts_does_not_fall():
    shared = require_shared()
    cmd = f"{sys.executable} -m planwatch extract {{file}} --format jsonl"
    out = subprocess.run(
        [sys.executable, str(shared / "tools" / "score.py"), str(shared / "gold"), str(CORPUS),
         "--json", "--cmd", cmd],
        capture_output=True, text=True, check=True, cwd=ROOT,
    )
    score = json.loads(out.stdout.strip().splitlines()[-1])
    assert score["bad_spans"] == 0
    assert score["f1"] >= 0.97
    assert score["strict_f1"] >= 0.89  # 0.903 at the end of stop 11


def test_from_to_pairs_and_plan_subheadings():
    text = ("2026年某省政府工作报告\n——2026年1月20日在某省第十四届人民代表大会第五次会议上\n"
            "二、“十五五”时期的主要目标\n“十五五”时期经济社会发展的\n主要目标\n是：地区生产总值年均增长5%左右。\n"
            "三、2026年工作安排\n城乡居民收入分别增长5%和6%。"
            "集中供养孤儿基本生活保障省定最低标准从每人每月2375元提高到2423元。\n")
    doc = planwatch.extract_text(text)
    facts = {(f.text, f.indicator, f.kind, f.period, f.measure) for f in doc.facts}
    assert ("5%左右", "地区生产总值", "target", "2026-2030", "avg_growth") in facts
    assert ("5%", "城镇居民人均可支配收入", "target", "2026", "growth") in facts
    assert ("6%", "农村居民人均可支配收入", "target", "2026", "growth") in facts
    assert ("2375元", "集中供养孤儿基本生活保障省定最低标准", "actual", "2025", "level") in facts
    assert ("2423元", "集中供养孤儿基本生活保障省定最低标准", "target", "2026", "level") in facts


def test_names_slogans_and_idioms_are_not_facts():
    text = ("2025年某市政府工作报告\n一、2024年工作回顾\n制定实施稳增长27条、稳就业12条等政策举措。"
            "重点抓好以下14个方面的工作。欢迎四面八方的客商。千方百计扩大就业。"
            "建成66千伏及以上变电站22座，新建5G基站1332个。\n")
    doc = planwatch.extract_text(text)
    assert [f.text for f in doc.facts] == ["22座", "1332个"]
    assert doc.facts[0].mention.endswith("66千伏及以上变电站")


def test_zero_as_a_word_and_stated_minimums(docs):
    doc = planwatch.extract_text("实现食品安全零事故，对腐败零容忍。汽车零部件产值增长5%。"
                                 "社区办公用房全部达到200平方米以上标准，新增10亿元以上企业7户。")
    facts = [(f.text, f.value, f.qualifier) for f in doc.facts]
    assert facts == [("零", 0, None), ("5%", 5, None), ("200平方米以上", 200, "at_least"), ("7户", 7, None)]


def test_numbers_at_the_edges_of_the_text():
    assert [f.text for f in planwatch.extract_text("12个项目开工，地区生产总值增长5%").facts] == ["12个", "5%"]


def test_fused_magnitudes_with_count_units():
    doc = planwatch.extract_text("全年接待游客超万人次，带动就业过万人。")
    assert [(f.text, f.value, f.unit, f.qualifier) for f in doc.facts] == [
        ("超万人次", 1, "万人次", "at_least"), ("过万人", 1, "万人", "at_least")]


def _province(name: str) -> planwatch.Document:
    return planwatch.extract(PROVINCES / f"2026_{name}_政府工作报告.txt")


def test_a_report_turning_between_the_plan_period_and_its_last_year():
    """新疆 reviews 十四五 first, then "刚刚过去的2025年…": counts of things done there are 2025's.

    广东 and 山东 open their five-year review with a sentence about 2025 ("2025年是“十四五”收官之年。
    五年来…", "经过五年接续奋斗…收官。五年来…"): what follows is the whole period.
    """
    xinjiang = _province("新疆维吾尔自治区")
    assert find(xinjiang, "48.81万人", indicator="城镇新增就业").period == "2025"
    assert find(xinjiang, "53个").period == "2025"
    assert find(xinjiang, "239.2万人").period == "2021-2025"  # the five-year total, in the first part
    guangdong = _province("广东省")
    gdp = find(guangdong, "11.37万亿元", indicator="地区生产总值")  # 从2020年的11.37万亿元…: the base year
    assert (gdp.period, gdp.kind) == ("2020", "actual")


def test_from_to_pairs_in_a_five_year_review_date_both_ends():
    """"占全国比重由2020年的7.2%提升至7.4%，在北方地区占比由20.5%提升至21.1%": 2020 → 2025."""
    shandong = _province("山东省")
    start = shandong.text.index("占全国比重由2020年的7.2%")
    review = [f for f in shandong.facts if start < f.start < start + 75]
    assert [(f.text, f.period) for f in review] == [
        ("7.2%", "2020"), ("7.4%", "2025"), ("20.5%", "2020"), ("21.1%", "2025"), ("7.34万元", "2020"),
        ("10.26万元", "2025")]  # fmt: skip
    guizhou = _province("贵州省")  # 城乡低保平均标准分别从2020年的645元/月、4318元/年提高到…
    assert [(f.unit, f.period, f.indicator) for f in (find(guizhou, "645元/月"), find(guizhou, "4318元/年"))] == [
        ("元/月", "2020", "城镇低保平均标准"), ("元/年", "2020", "农村低保平均标准")]  # fmt: skip


def test_the_investment_of_a_project_list_is_a_fact(docs):
    """"投资10亿元中信钛业…年产6万吨氯化法钛白粉等17个项目": 10亿元 counts, the 6万吨 in the name does not."""
    doc = docs[JINZHOU_PLAN.name]
    start = doc.text.index("投资 10 亿元中信钛业")
    listed = [f for f in doc.facts if start <= f.start < start + 45]
    assert [(f.text, f.kind, f.unit) for f in listed] == [("10 亿元", "target", "亿元"), ("17 个", "target", "个")]


def test_an_estimate_after_a_time_phrase_governs_its_whole_sentence(docs):
    """"到2020年末，预计全市地区生产总值达到1074亿元，…；固定资产投资五年累计达到1792亿元；…": all estimates."""
    doc = docs[JINZHOU_PLAN.name]
    assert find(doc, "1792 亿元").kind == "estimate"
    assert find(doc, "104.1 亿元", source="prose").kind == "estimate"


def test_a_named_zone_as_subject_is_the_region_of_its_clause():
    """FACTS.md: a named zone is the region as named ("成都平原经济区经济总量达到4万亿元"), for its clause."""
    sichuan = _province("四川省")
    assert find(sichuan, "4万亿元").region == "成都平原经济区"
    assert find(sichuan, "9000亿元").region == "川东北经济区"
    after = [f for f in sichuan.facts if f.start > find(sichuan, "9000亿元").end][:3]
    assert {f.region for f in after} == {"四川省"}


def test_how_things_stand_now_in_a_plan_chapter_is_actual(docs):
    """"全市多年平均水资源总量为14.03亿立方米" and "目前储备…高精尖人才7人" sit in the plan's work
    chapters but state the present: actuals of the base year, not 2025 targets."""
    doc = docs[JINZHOU_PLAN.name]
    assert [(f.kind, f.period) for f in (find(doc, "14.03 亿立方米"), find(doc, "7 人"))] == [
        ("actual", "2020"), ("actual", "2020")]  # fmt: skip
    storage = find(doc, "2.3 亿立方米")  # "“十四五”期间，总蓄水量将增加2.3亿立方米": the plan again
    assert storage.kind == "target"


def test_a_numbered_sub_heading_does_not_turn_a_review_into_a_plan():
    """上海: "（二）聚力落实国家重大战略任务" under "一、2025年工作回顾" names tasks carried out."""
    shanghai = _province("上海市")
    assert (find(shanghai, "1813家").kind, find(shanghai, "1813家").period) == ("actual", "2025")
    assert find(shanghai, "5506.3万标准箱").kind == "actual"
    assert find(shanghai, "5506.3万标准箱").indicator == "集装箱吞吐量"


def test_the_year_part_of_a_combined_review_dates_running_totals_by_that_year():
    """天津 "一、2025年和“十四五”时期工作回顾" opens with "过去一年…": "累计注册科技型企业超4500家" there
    is the count at the end of 2025; "五年来…年均增长11.1%" later is the whole period."""
    tianjin = _province("天津市")
    assert find(tianjin, "4500家").period == "2025"
    assert find(tianjin, "11.1%", indicator="市属国企利润").period == "2021-2025"


def test_from_to_lists_pair_in_order_and_a_past_end_year_is_not_a_goal():
    """西藏 "城乡居民人均可支配收入从2021年的46503元和16935元分别提高到58794元和23184元";
    贵州 "…提高到2025年的801元/月、7226元/年" in the review: results of 2025, not targets."""
    xizang = _province("西藏自治区")
    pairs = [(f.indicator, f.period) for f in (find(xizang, t) for t in ("46503元", "16935元", "58794元", "23184元"))]
    assert pairs == [("城镇居民人均可支配收入", "2021"), ("农村居民人均可支配收入", "2021"),
                     ("城镇居民人均可支配收入", "2025"), ("农村居民人均可支配收入", "2025")]  # fmt: skip
    guizhou = _province("贵州省")
    low = find(guizhou, "801元/月")
    assert (low.indicator, low.kind, low.period) == ("城镇低保平均标准", "actual", "2025")
    shanghai = _province("上海市")  # "跨部门综合监管事项从39个拓展到91个"
    assert find(shanghai, "39个").indicator == find(shanghai, "91个").indicator == "跨部门综合监管事项"


def test_five_year_flows_and_comparisons_with_the_previous_plan_get_the_span():
    """河南 "过去的五年…城镇新增就业603.7万人": the five-year total (its 2025 figure is 121.7万人);
    辽宁 "投资分别比“十三五”时期增长19.1%、120%、41.5%"; 甘肃 "较“十三五”末的9323.1亿元" is 2020's."""
    henan = _province("河南省")
    assert find(henan, "603.7万人").period == "2021-2025"
    assert find(henan, "121.7万人").period == "2025"
    liaoning = _province("辽宁省")
    assert [find(liaoning, t).period for t in ("19.1%", "120%", "41.5%")] == ["2021-2025"] * 3
    gansu = _province("甘肃省")
    base = find(gansu, "9323.1亿元")
    assert (base.indicator, base.period) == ("地区生产总值", "2020")
    assert find(gansu, "13697.5亿元").period == "2025"


def test_goals_of_the_new_plan_period_are_for_its_end_year():
    """贵州 "二、“十五五”时期主要目标任务": "常住人口城镇化率达63%左右" is a 2030 level; 辽宁's heading covers
    the plan and 2026: "《纲要（草案）》明确了…城镇调查失业率5.5%左右" is 2030's, then "今年是“十五五”开局之年…
    主要预期目标是：…城镇调查失业率5.5%左右" 2026's.  The plan's own indicator counts are not facts."""
    guizhou = _province("贵州省")
    urban = find(guizhou, "63%左右")
    assert (urban.kind, urban.period) == ("target", "2030")
    liaoning = _province("辽宁省")
    jobless = [(f.period, f.kind) for f in liaoning.facts if f.text == "5.5%左右" and f.indicator == "城镇调查失业率"]
    assert jobless == [("2030", "target"), ("2026", "target")]
    assert find(liaoning, "5%左右", measure="avg_growth").period == "2026-2030"
    assert not [f for f in liaoning.facts if f.text in ("19项", "9项", "5项", "1项", "18个")]
    hunan = _province("湖南省")  # "三、关于2026年工作" plans the report's year
    assert find(hunan, "5%左右", indicator="地区生产总值", kind="target").period == "2026"


def test_a_list_shares_its_verb_and_a_compound_subject_names_each_item():
    """贵州 "一二三产增加值分别增长3.5%左右、6%左右、5%左右": three growth facts, one per sector."""
    guizhou = _province("贵州省")
    start = guizhou.text.index("其中一二三产增加值分别增长")
    sectors = [f for f in guizhou.facts if start < f.start < start + 40]
    assert [(f.mention, f.measure, f.value) for f in sectors] == [
        ("第一产业增加值", "growth", 3.5), ("第二产业增加值", "growth", 6), ("第三产业增加值", "growth", 5)]


def test_counts_with_a_floor_before_their_noun_are_goals_not_category_thresholds():
    """河南 "实施1000个以上省重点项目" counts projects; "20户以上自然村" (a village size) stays a threshold."""
    henan = _province("河南省")
    assert find(henan, "1000个以上").qualifier == "at_least"
    assert not [f for f in henan.facts if f.text == "20户以上"]
    guangxi = _province("广西壮族自治区")  # "全部工业增加值超8千亿元、比2020年增加五成以上"
    half = find(guangxi, "五成以上")
    assert (half.measure, half.value, half.unit, half.period) == ("growth", 50, "%", "2021-2025")  # five years on


def test_durations_and_sizes_inside_names_are_not_facts():
    """"15分钟社区生活圈", "240小时过境免签政策", "3人制篮球场", "8个一级指标" name things; "7项制度创新成果" counts."""
    shanghai = _province("上海市")
    assert not [f for f in shanghai.facts if f.text in ("15分钟", "24小时")]
    assert find(shanghai, "7项").indicator == "制度创新成果"
    guizhou = _province("贵州省")
    assert not [f for f in guizhou.facts if f.text in ("240小时", "3人")]
    heilongjiang = _province("黑龙江省")
    assert not [f for f in heilongjiang.facts if f.text in ("8个", "28个") and "指标" in f.indicator]


def test_a_verb_shared_down_a_comma_list_gives_every_count_the_span(docs):
    """"组建省重点实验室24个，省专业技术创新中心34个，市产业技术创新研究院2个": all built over 2016-2020."""
    doc = docs[JINZHOU_PLAN.name]
    start = doc.text.index("组建省重点实验室24个")
    listed = [f for f in doc.facts if start <= f.start < start + 60]
    assert [(f.text, f.period) for f in listed] == [
        ("24个", "2016-2020"), ("34个", "2016-2020"), ("2个", "2016-2020"), ("51个", "2016-2020")]  # fmt: skip


def test_a_streak_is_not_part_of_the_indicator_and_a_fused_trillion_counts():
    """"粮食总产量连续9年稳定在1300亿斤以上" is about 粮食总产量; "旅游总收入超万亿元" is 1 万亿元, at least."""
    henan = _province("河南省")
    # held through the five years reviewed (连续…稳定在), like 四川's "粮食年产量稳定在700亿斤以上"
    assert find(henan, "1300亿斤以上", period="2021-2025").mention == "粮食总产量"
    trillion = find(henan, "超万亿元")
    assert (trillion.value, trillion.unit, trillion.qualifier) == (1, "万亿元", "at_least")


def test_a_zone_opening_a_sentence_is_the_region_of_that_sentence():
    """四川 "成渝地区双城经济圈建设走深走实，经济总量超9万亿元，占全国比重升至6.5%左右";
    辽宁 "沈阳都市圈跨域通办事项260项。": the zone, as named; the next sentence is the province's again."""
    sichuan = _province("四川省")
    assert find(sichuan, "9万亿元", indicator="地区生产总值").region == "成渝地区双城经济圈"
    assert find(sichuan, "6.5%左右", period="2025").region == "成渝地区双城经济圈"
    liaoning = _province("辽宁省")
    assert find(liaoning, "260项").region == "沈阳都市圈"
    marine = find(liaoning, "6%左右", indicator="海洋生产总值")  # "沿海经济带协同效应显现，海洋生产总值增长6%左右"
    assert marine.region == "辽宁省"


def test_a_qualifier_verb_before_a_list_governs_every_item_and_project_capacities_are_names(docs):
    """"家庭农场、农民合作社分别突破 10000 个、7000 个": both at least.
    "投资 10 亿元东旭三宝公司 5 万台智能服务机器人": the 5 万台 names the project;
    "将具备约 105 亿千瓦时发电量的能力" is a quantity; "站点 500 米覆盖率" defines a rate."""
    doc = docs[JINZHOU_PLAN.name]
    assert [find(doc, t).qualifier for t in ("10000 个", "7000 个")] == ["at_least", "at_least"]
    assert not [f for f in doc.facts if f.text in ("5 万台", "100 万头", "500 米", "300 米")]
    power = find(doc, "约 105 亿千瓦时")
    assert (power.value, power.qualifier) == (105, "about")
    assert find(doc, "10 亿元", indicator="东旭三宝公司").kind == "target"  # the investment stays


def test_indicator_names_keep_what_is_measured():
    """黑龙江 "数字经济核心产业营收增长10.9%" is revenue, not value added; 辽宁 "粮食综合生产能力" is capacity, not
    output; 上海 "新建绿道137公里、累计达到2136公里": the running total is of 绿道, not of 新建绿道."""
    heilongjiang = _province("黑龙江省")
    revenue = find(heilongjiang, "10.9%", mention="数字经济核心产业营收")
    assert revenue.indicator == "数字经济核心产业营收"
    liaoning = _province("辽宁省")
    assert find(liaoning, "526亿斤左右").indicator == "粮食综合生产能力"
    shanghai = _province("上海市")
    assert (find(shanghai, "137公里").indicator, find(shanghai, "2136公里").indicator) == ("新建绿道", "绿道")


def test_names_after_a_number_are_not_cut_inside_words(docs):
    """"投资 4.5 亿元太和区城乡农副产品冷链物流园区项目": the 和 of 太和区 joins nothing."""
    doc = docs[JINZHOU_PLAN.name]
    assert find(doc, "4.5 亿元", indicator="太和区城乡农副产品冷链物流园区项目").kind == "target"
    assert not [f for f in doc.facts if f.indicator in ("太", "县级公", "户外公")]


def test_life_expectancy_in_a_review_is_a_result():
    """"人均预期寿命提高到80岁以上" holds 预期 but is no goal; 北京 "从2020年的82.4岁提升至83.9岁": both ends."""
    guangdong = _province("广东省")
    assert find(guangdong, "80岁以上").kind == "actual"
    beijing = _province("北京市")
    assert [(f.indicator, f.period, f.kind) for f in (find(beijing, "82.4岁"), find(beijing, "83.9岁"))] == [
        ("人均预期寿命", "2020", "actual"), ("人均预期寿命", "2025", "actual")]  # fmt: skip


def test_counts_before_large_things_are_not_slogans(docs):
    """"重点建设投运 3 个大型热电联产项目" counts projects ("三大攻坚战" stays a slogan); 款 and 标台 are units."""
    doc = docs[JINZHOU_PLAN.name]
    assert find(doc, "3 个", indicator="大型热电联产项目").kind == "target"
    assert find(doc, "14 标台以上").qualifier == "at_least"
    assert find(doc, "20 款").unit == "款"


def test_a_paragraph_opening_with_an_estimated_year_end_states_estimates(docs):
    """"(二)产业结构优化升级。到2020年末，预计三次产业结构比重19:26:55…。工业形成…，预计工业总产值完成800亿元；
    农业…粮食总产能完成46亿斤左右": all expected values of the year end."""
    doc = docs[JINZHOU_PLAN.name]
    assert find(doc, "800 亿元", indicator="工业总产值").kind == "estimate"
    assert find(doc, "46 亿斤左右").kind == "estimate"
    guangdong = _province("广东省")  # "预计大湾区经济总量突破15万亿元。湾区标准…": only its own sentence
    assert find(guangdong, "198项").kind == "actual"


def test_changes_and_things_done_in_a_five_year_review_are_the_periods():
    """浙江 "五年来，全省刑事案件总量下降35.9%": a change over 2021-2025; 山东 "提请…审议地方性法规…，
    发布重大行政决策事项2964件": done over the period; 江苏 "海洋生产总值突破万亿": 1 万亿, at least."""
    zhejiang = _province("浙江省")
    assert find(zhejiang, "35.9%").period == "2021-2025"
    shandong = _province("山东省")
    assert find(shandong, "2964件").period == "2021-2025"
    jiangsu = _province("江苏省")
    marine = find(jiangsu, "万亿")
    assert (marine.value, marine.unit, marine.qualifier, marine.mention) == (1, "万亿", "at_least", "海洋生产总值")


def test_paragraphs_turning_to_a_plan_period_set_kind_and_period():
    """北京 "二、“十四五”时期发展成就和“十五五”时期主要目标任务": after "“十五五”时期是…", "《纲要草案》明确了…
    全员劳动生产率…58万元/人左右" is a 2030 goal.  福建's review heading names no period, yet "五年来，…
    研发经费投入年均增长10.5%" is 2021-2025's, and "地区生产总值年均增长5%左右…等16个预期性指标" a 十五五 goal.
    上海 "认定跨国公司地区总部…分别从771家、481家增加到1076家、636家": levels of 2020 and 2025."""
    beijing = _province("北京市")
    productivity = find(beijing, "58万元/人左右")
    assert (productivity.kind, productivity.period) == ("target", "2030")
    fujian = _province("福建省")
    assert find(fujian, "10.5%").period == "2021-2025"
    goal = find(fujian, "5%左右", measure="avg_growth")
    assert (goal.kind, goal.period) == ("target", "2026-2030")
    shanghai = _province("上海市")
    assert [find(shanghai, t).period for t in ("771家", "481家", "1076家", "636家")] == ["2020", "2020", "2025", "2025"]


def test_shares_in_tenths_radii_and_underscored_names():
    """北京 "养老助餐点覆盖九成以上城乡社区" is a share, "公交与轨道50米内换乘比例达91%" counts only the 91%;
    福建 "PM_2.5平均浓度" holds no fact of its own, "促消费活动近万场" is about 1 万场."""
    beijing = _province("北京市")
    assert find(beijing, "九成以上").qualifier == "at_least"
    assert not [f for f in beijing.facts if f.text == "50米"]
    assert find(beijing, "91%").indicator == "公交与轨道50米内换乘比例"
    fujian = _province("福建省")
    assert not [f for f in fujian.facts if f.text.startswith("2.5")]
    events = find(fujian, "近万场")
    assert (events.value, events.unit, events.qualifier) == (1, "万场", "about")


def test_a_place_outside_the_province_is_a_topic_and_a_named_subject_limits_its_estimate():
    """福建 "台湾农民创业园…，累计出台326项两岸共通标准" is 福建省's; "数字经济增加值预计达3.4万亿元，…；
    …清洁能源装机比重达66.1%": the 预计 is the 数字经济 clause's, not the sentence's."""
    fujian = _province("福建省")
    assert find(fujian, "326项").region == "福建省"
    assert find(fujian, "66.1%").kind == "actual"
    assert find(fujian, "3.4万亿元").kind == "estimate"


def test_a_paragraph_led_by_a_zone_name_is_about_the_zone(docs):
    """"**滨海新区(国家级经济技术开发区)。**…到 2025 年末，经济总量占全市比重 10%以上": 滨海新区's goal;
    a kind of zone ("开发区…", "千亿级开发区") names no region."""
    doc = docs[JINZHOU_PLAN.name]
    share = [f for f in doc.facts if f.indicator == "经济总量占全市比重"]
    assert [f.region for f in share] == ["滨海新区", "松山新区", "锦州大有经济开发区"]
    shanxi = _province("山西省")  # "开发区规模以上工业增加值增长5.9%"
    assert find(shanxi, "5.9%", indicator="规模以上工业增加值").region == "山西省"


def test_doubling_is_a_growth_of_100_percent_and_a_glossary_term_is_no_fact(docs):
    """上海 "人均地区生产总值比2020年翻一番" (a 十五五 goal): growth 100%; 吉林 "利润翻三番": 700%."""
    shanghai = _province("上海市")
    double = find(shanghai, "翻一番")
    assert (double.measure, double.value, double.unit, double.indicator) == ("growth", 100, "%", "人均地区生产总值")
    assert find(_province("吉林省"), "翻三番").value == 700
    assert not [f for f in docs[JINZHOU_PLAN.name].facts if f.text == "翻番" and f.indicator.endswith("总量")]


def test_ranks_stages_and_computing_power():
    """湖南 "总算力1.3万PF…智能算力4800PF": computing power in PF; "迈上5万亿台阶" is no 台 count;
    云南 "区域创新能力全国排名提升4位" is a rank; 安徽 "办理时限压缩65%" a fall of 65%; 4.9倍 is 490%."""
    hunan = _province("湖南省")
    assert find(hunan, "4800PF").unit == "PF"
    assert not [f for f in hunan.facts if f.unit.endswith("台") and "万亿" in f.unit]
    assert not [f for f in _province("云南省").facts if f.text == "4位"]
    anhui = _province("安徽省")
    assert (find(anhui, "65%").measure, find(anhui, "65%").value) == ("growth", -65)
    assert find(anhui, "4.9倍").value == 490


def test_a_paragraph_on_the_new_plan_outline_states_its_goals():
    """广西 "…我们编制了“十五五”规划纲要（草案）…提出地区生产总值年均增长5%左右"; 江西 "（三）关于“十五五”时期
    发展的主要目标。《纲要（草案）》提出了…其中地区生产总值年均增长5%左右": goals for 2026-2030."""
    for province in ("广西壮族自治区", "江西省"):
        goal = find(_province(province), "5%左右", indicator="地区生产总值", measure="avg_growth")
        assert (goal.kind, goal.period) == ("target", "2026-2030"), province


def test_brackets_inside_a_name_and_listed_subjects_without_fenbie():
    """甘肃 "新增高速（一级）公路2600公里" keeps its verb across the aside; 陕西 "每千人床位数、执业（助理）医师数
    增至7.83张、3.57个": one indicator per number even without 分别."""
    gansu = _province("甘肃省")
    road = find(gansu, "2600公里")
    assert (road.indicator, road.period) == ("新增高速（一级）公路", "2021-2025")
    shaanxi = _province("陕西省")
    assert find(shaanxi, "3.57个").indicator == "执业（助理）医师数"
    assert find(shaanxi, "7.83张").mention == "每千人床位数"


def test_thresholds_denominators_ranks_and_unitless_starts():
    """陕西 "新增经济总量超200亿元县2个": only 2个; "每10万人刑事案件数下降36.9％": no 10万人; 甘肃 "居全国前10位"
    is a rank; "城乡居民收入比值由3.27缩小至2.93": 3.27 is 2020's; "庆阳、张掖、天水3个…" is the province's."""
    shaanxi = _province("陕西省")
    assert not [f for f in shaanxi.facts if f.text == "10万人" or f.start == shaanxi.text.index("200亿元县")]
    assert find(shaanxi, "2个", indicator="新增经济总量超200亿元县").kind == "actual"
    gansu = _province("甘肃省")
    assert not [f for f in gansu.facts if f.text == "10位"]
    start = find(gansu, "3.27")
    assert (start.period, start.indicator) == ("2020", find(gansu, "2.93").indicator)
    assert find(gansu, "3个", indicator="省级区域医疗中心加快建设").region == "甘肃省"


def test_a_programme_counted_in_chinese_numerals_is_a_fact_a_slogan_is_not():
    """广东 "十件民生实事全面完成" counts; "一项民生工程", "两个维护", "“八项民生工程”" do not."""
    guangdong = _province("广东省")
    ten = [f for f in guangdong.facts if f.text == "十件"]
    assert ten and all(f.value == 10 and f.unit == "件" for f in ten)
    assert not [f for f in _province("宁夏回族自治区").facts if f.text == "八项"]


def test_a_plans_project_lists_and_attributes_are_totals_over_the_period(docs):
    """锦州 004's "“十四五”时期…重点项目" columns: "投资 15 亿元三溢科技公司精细化工产业园" is spent over 2021-2025;
    "五年累计改造 566 个小区，面积为 1433 万平方米": both over the period; a rate reached is the end year's."""
    doc = docs[JINZHOU_PLAN.name]
    assert find(doc, "15 亿元", indicator="三溢科技公司精细化工产业园").period == "2021-2025"
    assert [find(doc, t).period for t in ("566 个", "1433 万平方米")] == ["2021-2025", "2021-2025"]
    jiangxi = _province("江西省")  # "绿地率分别达46.84%、43.46%" in the five-year review
    assert find(jiangxi, "43.46%").period == "2025"


def test_all_counties_as_a_scope_is_no_count_and_a_load_is_a_quantity(docs):
    """"全市 9 个县（市、区）全域划分基础网格 3967 个": only 3967 counts ("11个县（市、区）通过…评估认定" would);
    "为锦州地区新增35.6万千瓦负荷提供…" is a quantity; "解决了6.27万户业主办证难等57项…" counts households."""
    doc = docs[JINZHOU_PLAN.name]
    assert not [f for f in doc.facts if f.text in ("9 个", "4个") and "县（" in f.indicator]
    assert find(doc, "3967 个").kind == "actual"
    assert find(doc, "35.6万千瓦").period == "2016-2020"
    assert find(doc, "6.27万户").unit == "万户"
    counties = find(_province("云南省"), "11个", indicator="县（市、区）通过国家义务教育优质均衡县评估认定")
    assert counties.kind == "actual"


def test_a_sectors_growth_and_a_converted_amount_keep_their_subject(docs):
    """"农业全面升级，年均增长 3%以上；…；服务业提速提质，年均增长 5%以上": each sector's value added;
    "人均 GDP 达到 35466 元，折合 5433 美元": the same per-capita GDP."""
    doc = docs[JINZHOU_PLAN.name]
    assert find(doc, "5%以上", mention="服务业增加值").measure == "avg_growth"
    assert find(doc, "3%以上", mention="农业增加值").period == "2021-2025"
    assert find(doc, "5433 美元").indicator == find(doc, "35466 元").indicator == "人均地区生产总值"


def test_work_to_do_over_a_plan_period_is_the_period_a_yearly_level_its_end(docs):
    """"“十四五”期间，全市新增建设用地力争达到 1500 公顷", "总蓄水量将增加 2.3 亿立方米": over 2021-2025;
    河南 "城镇新增就业500万人以上" in the 十五五 goals: 2026-2030."""
    doc = docs[JINZHOU_PLAN.name]
    assert find(doc, "2.3 亿立方米").period == "2021-2025"
    assert find(doc, "4 条").period == "2021-2025"  # "新开通 4 条国内航线"
    assert find(_province("河南省"), "500万人以上").period == "2026-2030"


def test_a_count_before_its_noun_takes_the_verb_after_it(docs):
    """"18.5公里女儿河滨河路、14公里百股河滨河路完成路基建设" (the 十三五 review): built over 2016-2020."""
    doc = docs[JINZHOU_PLAN.name]
    assert [find(doc, t).period for t in ("18.5公里", "14公里")] == ["2016-2020", "2016-2020"]


def test_a_plan_periods_last_year_and_by_its_end(docs):
    """"“十四五”末期，城镇新增就业 1.5 万人" is 2025's yearly figure; "到“十四五”末期，新增投资 400 亿元" is
    invested by then, over 2021-2025; "“十三五”末…,五年累计“个转企、小升规”600余家" a five-year total."""
    doc = docs[JINZHOU_PLAN.name]
    assert find(doc, "1.5 万人", source="prose").period == "2025"
    assert find(doc, "400 亿元", indicator="新增投资").period == "2021-2025"
    assert find(docs[LINGHE_PLAN.name], "600余家").period == "2016-2020"


def test_a_count_names_the_head_after_its_modifiers(docs):
    """"建设 5 个主业突出、具有核心竞争力、营业收入超亿元的重点骨干企业": 5 重点骨干企业."""
    doc = docs[JINZHOU_PLAN.name]
    assert find(doc, "5 个", indicator="重点骨干企业").kind == "target"


def test_a_compound_subject_names_its_parts_in_the_order_written():
    """"中小学专任教师分别达到…": 中学 first, then 小学 (lexicon compound_subjects)."""
    doc = planwatch.extract_text("2025年，全市中小学专任教师分别达到1.2万人、2.3万人。")
    assert [f.mention for f in doc.facts] == ["中学专任教师", "小学专任教师"]


def test_preliminary_statistics_are_actuals_and_forecasts_estimates():
    """FACTS.md: 初步核算/初步统计 are a statistics office's preliminary results (actual); 预计 is an estimate."""
    from planwatch.context import find_manifest

    path = ROOT / "tests" / "data" / "wider" / "news" / "daishan_2025h1.txt"
    daishan = planwatch.extract(path, find_manifest(path).get(path))  # region and date: its manifest
    gdp = find(daishan, "400.61亿元")
    assert (gdp.kind, gdp.period, gdp.region) == ("actual", "2025H1", "岱山县")
    linghe = planwatch.extract(CORPUS / "jinzhou" / "003_821d0610ff899f65.txt")
    assert find(linghe, "124亿元").kind == "actual"  # 据初步统计，到2020年末…
    forecast = planwatch.extract_text("2025年工作回顾\n初步预计，全年地区生产总值增长5.2%。\n")
    assert [f.kind for f in forecast.facts] == ["estimate"]


def test_a_number_is_classified_before_it_is_dated():
    """Stock, flow, change or rate (scope.classify), then the period from that class and the time words.

    In a five-year review: things done and levels held are the span's, levels reached the end year's;
    a running total reached (累计达到) is a level; a multiple of an earlier year's level is the end
    year's (是2010年的2.6倍), a change from the year before the span is the span's (比2010年增加).
    """
    from planwatch.extractors.scope import classify

    assert classify("level", "铁路运营里程新增1700公里、突破", "铁路运营里程", False, "").cls == "stock"
    assert classify("level", "铁路运营里程新增", "铁路运营里程", False, "").cls == "flow"
    assert classify("level", "建档立卡户", "建档立卡户", False, "", after="16人全部脱贫").cls == "flow"
    assert classify("level", "国内航线累计达到", "国内航线", False, "").total is False
    assert classify("level", "固定资产投资五年累计达到", "固定资产投资", False, "").total is True
    assert classify("level", "基本医保参保率稳定在", "基本医保参保率", True, "").held is True
    hailaer = planwatch.extract(CORPUS / "hailaer" / "hailaer_2016.txt")
    assert find(hailaer, "2.6倍").period == "2015"  # 2015年旅游收入达到69亿元，是2010年的2.6倍
    assert find(hailaer, "13480元").period == "2011-2015"  # 比2010年增加13480元
    assert find(hailaer, "60条").period == "2015"  # 国内外航线累计达到60条
    assert find(hailaer, "615亿元").period == "2011-2015"  # “十二五”期间，累积完成…615亿元
    sichuan = _province("四川省")
    assert find(sichuan, "65%以上").period == "2021-2025"  # 民生支出占比稳定在65%以上
    assert find(sichuan, "1.1万公里").period == "2025"  # 新增3000公里、突破1.1万公里


def test_a_unit_leading_a_clause_or_list_item_is_its_subject_until_the_text_turns_back():
    """A city in a province's report, a county in a region's release: the unit opening a clause is
    what its numbers are about — for that clause when only a name follows it (沈阳浑南科技城…), for
    its ；-part when an indicator or work word does (吴忠市计划投资…，完成…) — until 全省/全市 turns back.
    An office or a paper of a unit (江苏省统计局分析称, 南方日报报道) is no subject."""
    liaoning = _province("辽宁省")
    assert find(liaoning, "87个").region == "沈阳市"  # 沈阳浑南科技城落户87个项目
    assert find(liaoning, "300多个").region == "大连市"  # ，大连英歌石科学城汇聚300多个科研团队
    assert find(liaoning, "20只").region == "辽宁省"  # 沈阳地铁险资项目成功落地，引入新基金20只
    guangdong = _province("广东省")
    assert find(guangdong, "1.8亿人次").region == "广东省"  # 揭阳潮汕机场成为…，全省机场旅客吞吐量…
    path = ROOT / "tests" / "data" / "wider" / "releases" / "ningxia_2021m1m7_projects.txt"
    ningxia = planwatch.extract(path)
    # (the year's planned investment is the year's; its completion rate the first seven months')
    assert [(f.region, f.kind, f.period) for f in ningxia.facts if f.text in ("232亿元", "63.5%")] == [
        ("吴忠市", "target", "2021"), ("吴忠市", "actual", "2021M1-M7")]
    # the office opens no subject of its own, but the 全省 after it is the province it named
    news = planwatch.extract_text("江苏省统计局分析称，2021年，全省GDP迈上11万亿元新台阶。\n" * 3,
                                  context=planwatch.StatedContext(region="广东省"))
    assert {f.region for f in news.facts} == {"江苏省"}
    paper = planwatch.extract_text("南方日报报道，2021年，地区生产总值增长8%。\n",
                                   context=planwatch.StatedContext(region="广东省"))
    assert {f.region for f in paper.facts} == {"广东省"}


def test_a_value_given_for_another_unit_is_that_units():
    """"低于全国（49.5%）", "也高于广东省同期的2%，全国的2.5%" are those units' values; the gap itself
    ("高于全国8.5个百分点", "分别快于全国3.4个、…百分点") and a share ("占全国23.9%") stay the region's own."""
    from planwatch.extractors.regions import value_of_another

    assert value_of_another("大幅低于全国（", "广东省") == "全国"
    assert value_of_another("也高于广东省同期的", "深圳市") == "广东省"
    assert value_of_another("，全国的", "深圳市") == "全国"
    assert value_of_another("高于全国", "四川省") is None
    assert value_of_another("、占全国", "四川省") is None
    assert value_of_another("增速分别快于全国", "山西省") is None
    assert value_of_another("增速高于4.8%的全国水平，其中江西（") == "江西省"  # a unit's figure in brackets
    assert value_of_another("其中，广东（") == "广东省" and value_of_another("发展（") is None
    shenzhen = planwatch.extract(ROOT / "tests" / "data" / "wider" / "releases" / "sz_2022h1_news.txt")
    assert [(f.text, f.region, f.period) for f in shenzhen.facts if f.text in ("2%", "2.5%")][:3] == [
        ("2%", "深圳市", "2022Q1"), ("2%", "广东省", "2022H1"), ("2.5%", "全国", "2022H1")]
    assert find(_province("四川省"), "8.5个百分点").region == "四川省"


def test_numbers_written_in_other_ways():
    """Declines named by their verb (精简30.5% is −30.5), fractions (1/4 → 0.25), a minus sign, ℅ for %,
    milestones (迈上…台阶) as lower bounds of the subject, 两年平均增长 as an average growth of the subject;
    a numeral inside a name (三元乳业) is no fact."""
    hailaer = planwatch.extract(CORPUS / "hailaer" / "hailaer_2016.txt")
    cut = find(hailaer, "30.5%")
    assert (cut.measure, cut.value) == ("growth", -30.5)
    assert not [f for f in hailaer.facts if f.text == "三元"]
    share = find(planwatch.extract(CORPUS / "hailaer" / "hailaer_2019.txt"), "1/4")
    assert (share.value, share.unit, share.measure) == (0.25, "", "level")
    jobs = find(_province("江苏省"), "1/10以上")
    assert (jobs.value, jobs.qualifier) == (0.1, "at_least")
    sansui = planwatch.extract(ROOT / "tests" / "data" / "wider" / "news" / "sansui_2011_congress.txt")
    assert (find(sansui, "15℅").measure, find(sansui, "15℅").unit) == ("growth", "%")
    signed = planwatch.extract_text("全市社会消费品零售总额增长-14.2%，利润1-2亿元。")
    assert [(f.text, f.value) for f in signed.facts] == [("-14.2%", -14.2), ("1-2亿元", 1)]
    zhuhai = planwatch.extract(ROOT / "tests" / "data" / "wider" / "reports" / "zhuhai_2013.txt")
    assert {f.measure for f in zhuhai.facts if f.text in ("-14.2%", "-11.6%")} == {"growth"}  # 降幅由…收窄至…
    assert find(zhuhai, "1.5万美元").qualifier == "about"  # 人均生产总值9.5万元,约合1.5万美元
    gdp = [f for f in _province("江苏省").facts if f.text == "14.2万亿元"][0]  # 连续迈上4个万亿元台阶、达14.2万亿元
    assert gdp.indicator == "地区生产总值"
    milestone = planwatch.extract_text("全省地区生产总值迈上3万亿元台阶，跨过5000亿元大关。").facts
    assert [(f.text, f.indicator, f.qualifier) for f in milestone] == [
        ("3万亿元", "地区生产总值", "at_least"), ("5000亿元", "地区生产总值", "at_least")]
    average = planwatch.extract_text("1-2月，全省固定资产投资同比增长46.9%，两年平均增长7.5%。").facts
    assert [(f.text, f.indicator, f.measure) for f in average] == [
        ("46.9%", "固定资产投资", "growth"), ("7.5%", "固定资产投资", "avg_growth")]


def test_extract_explains_each_fact_and_names_are_never_time_fragments():
    """--explain: the words that set kind, period and region (a user checks them); "由2010年的8亿元增加到
    2015年的23.53亿元，年均增长23.53%" names the growth after the from-to pair's subject, not "增加到2015年"."""
    import json

    from conftest import run_planwatch

    hailaer = planwatch.extract(CORPUS / "hailaer" / "hailaer_2016.txt")
    growth = find(hailaer, "23.53%")
    assert (growth.indicator, growth.period) == ("一般公共预算收入", "2011-2015")
    assert growth.evidence["period"].endswith("over the period 2011-2015")
    level = [f for f in hailaer.facts if f.text == "15.07亿元"][0]  # (the review of the five years)
    assert level.evidence == {"kind": "paragraph ““十二五”时期，是我区发展极不平凡的五年”",
                              "period": "“到2015年”", "region": "document region 海拉尔区"}
    shown = run_planwatch("extract", str(CORPUS / "hailaer" / "hailaer_2016.txt"), "--explain")
    assert "↳ kind: paragraph" in shown.stdout
    plain = run_planwatch("extract", str(CORPUS / "hailaer" / "hailaer_2016.txt"), "--format", "jsonl")
    assert "evidence" not in json.loads(plain.stdout.splitlines()[0])
    explained = run_planwatch("extract", str(CORPUS / "hailaer" / "hailaer_2016.txt"), "--format", "jsonl",
                              "--explain")
    assert set(json.loads(explained.stdout.splitlines()[0])["evidence"]) == {"kind", "period", "region"}


def test_a_count_in_chinese_numerals_after_its_noun_counts_before_it_is_a_slogan():
    """"…保护单位的文化遗址三处。", "谢尔塔拉等三处文化遗址" count; "三大攻坚战", "两个维护", "二期" do not."""
    hailaer = planwatch.extract(CORPUS / "hailaer" / "hailaer_2016.txt")
    assert find(hailaer, "三处").value == 3
    facts = planwatch.extract_text("列入全国重点文物保护单位的文化遗址三处。打好三大攻坚战，做到两个维护，"
                                   "推进机场二期，等十条支持措施。").facts
    assert [(f.text, f.value) for f in facts] == [("三处", 3)]


def test_a_list_of_units_gives_each_number_its_unit():
    """"广州、深圳地铁线网单日最高客运量分别达1409万、1305万人次": one unit per number, one indicator;
    "城镇和农村居民…分别" lists indicators, not units."""
    guangdong = _province("广东省")
    assert [(f.text, f.region, f.mention) for f in guangdong.facts if f.text in ("1409万", "1305万人次")] == [
        ("1409万", "广州市", "地铁线网单日最高客运量"), ("1305万人次", "深圳市", "地铁线网单日最高客运量")]
    text = "湖北、安徽和上海分别以10804.66亿元、10347.7亿元和10010.25亿元进入万亿俱乐部。"
    listed = planwatch.extract_text(text).facts
    assert [f.region for f in listed] == ["湖北省", "安徽省", "上海市"]


def test_a_change_against_a_base_is_of_the_indicator_before_it():
    """"规模以上工业增加值增长5.9%，比1-6月加快0.3个百分点": the change is of 规模以上工业增加值, never of
    "比1-6月" (a comparison base names nothing)."""
    xian = planwatch.extract(ROOT / "tests" / "data" / "wider" / "releases" / "xa_2021m1m7_news.txt")
    assert {f.indicator for f in xian.facts if f.text in ("0.3个百分点", "0.7个百分点")} == {"规模以上工业增加值"}
    assert not [f for f in xian.facts if f.indicator.startswith("比")]


def test_units_named_before_bracketed_figures_and_examples_before_a_count():
    """"江西（6.9%）、福建（6.7%）…黑龙江（5.4%）": each bracketed figure is the unit's named just before
    it, names ending like a river or sea (上海, 黑龙江, 浙江) included; "石嘴山先进材料等3个平台": a unit
    naming the example before 等 is no subject, the count is the whole's."""
    from planwatch.gazetteer import load_gazetteer

    gaz = load_gazetteer()
    assert [r.name for _, _, r in gaz.find_all("上海")] == ["上海市"]
    assert [r.name for _, _, r in gaz.find_all("黑龙江（5.4%）")] == ["黑龙江省"]
    assert gaz.find_all("小凌河") == [] and gaz.find_all("沿大凌河") == []  # rivers stay rivers
    news = planwatch.extract(ROOT / "tests" / "data" / "wider" / "news" / "jiangxi_2022q1_provinces.txt")
    start = news.text.index("目前已公布的省份中")
    listed = [(f.text, f.region) for f in news.facts if start < f.start < start + 200][:4]
    assert listed == [("6.9%", "江西省"), ("6.7%", "福建省"), ("6.7%", "湖北省"), ("6.6%", "贵州省")]
    start = news.text.index("还包括内蒙古")
    assert [f.region for f in news.facts if start < f.start < start + 40][:2] == ["内蒙古自治区", "黑龙江省"]
    examples = [("宁夏回族自治区", "3个", "平台入选国家重点培育"), ("广西壮族自治区", "7个", "港航项目"),
                ("广东省", "23个", "投资额百亿元以上")]
    for province, number, after in examples:
        doc = _province(province)
        counted = [f for f in doc.facts if f.text == number and doc.text.startswith(after, f.end)]
        assert [f.region for f in counted] == [province], (province, number)


def test_a_percent_after_a_noun_naming_a_rate_of_change_is_that_rate():
    """"规模以上工业增加值增速完成9.7%", "增速变缓至3%", "增速高于深圳今年第一季度的2%": growth rates;
    "降幅收窄至3.2%" a decline; "2013-2018年…平均增速为7.35%" an average over the span. Not a share
    named between ("增速较快…占…比重为30.1%"), nor an average growth ("年均增速6.5%" stays avg_growth)."""
    hailaer = planwatch.extract(CORPUS / "hailaer" / "hailaer_2016.txt")
    assert find(hailaer, "9.7%").measure == "growth"
    text = ("2013-2018年同期规模以上工业增加值平均增速为7.35%，2019年增速变缓至3%。社会消费品零售总额降幅收窄至3.2%。"
            "高技术制造业增速较快，占规模以上工业比重为30.1%。地区生产总值年均增速6.5%。")
    measures = [(f.text, f.measure, f.value) for f in planwatch.extract_text(text).facts]
    assert measures == [("7.35%", "avg_growth", 7.35), ("3%", "growth", 3), ("3.2%", "growth", -3.2),
                        ("30.1%", "level", 30.1), ("6.5%", "avg_growth", 6.5)]
    shenzhen = planwatch.extract(ROOT / "tests" / "data" / "wider" / "releases" / "sz_2022h1_news.txt")
    assert {f.measure for f in shenzhen.facts if f.text in ("2%", "2.5%")} == {"growth"}
    zhuhai = planwatch.extract(ROOT / "tests" / "data" / "wider" / "reports" / "zhuhai_2013.txt")
    assert [f.value for f in zhuhai.facts if f.text == "-14.2%"] == [-14.2]


def test_a_rate_or_turn_of_what_came_before_and_a_topic_name_the_indicator():
    """"增幅比1-4月提高1.6个百分点", "较一季度(-10.8%)回升2.1个百分点", "降幅由谷底的-14.2%收窄至-11.6%":
    the rate or turn of the indicator just measured, never "增幅比1-4月" or "收窄"; "从GDP总量来看，广东…为
    124369.67亿元": the topic is what is measured, and a figure with its own name keeps it."""
    wider = ROOT / "tests" / "data" / "wider"
    ruyuan = planwatch.extract(wider / "releases" / "ruyuan_m1m5.txt")
    assert find(ruyuan, "1.6个百分点").indicator == "规模以上工业增加值"
    liulin = planwatch.extract(next((wider / "news").glob("liulin_*.txt")))
    assert [(f.indicator, f.measure, f.value) for f in liulin.facts if f.text in ("-10.8%", "2.1个百分点")] == [
        ("地区生产总值", "growth", -10.8), ("地区生产总值", "change_pp", 2.1)]
    zhuhai = planwatch.extract(wider / "reports" / "zhuhai_2013.txt")
    assert {f.indicator for f in zhuhai.facts if f.text in ("-14.2%", "-11.6%")} == {"进出口总额"}
    news = planwatch.extract(wider / "news" / "yue_su_lu_2021_gdp.txt")
    assert find(news, "124369.67亿元").indicator == "地区生产总值"
    shenzhen = planwatch.extract(wider / "releases" / "sz_2022h1_news.txt")
    assert find(shenzhen, "14.7%").indicator == "固定资产投资"


def test_the_base_of_a_comparison_given_as_a_value_is_that_years():
    """"比2020年的73129亿元增加了9966.9亿元", "相比2020年广东GDP总量110760.94亿元的数据": the base value is 2020's
    (and "的数据" names nothing); an increase over a base year ("比2010年增加13480元", "比2020年增加超7400亿元")
    is never dated by it."""
    news = planwatch.extract(ROOT / "tests" / "data" / "wider" / "news" / "yue_su_lu_2021_gdp.txt")
    assert [(f.period, f.indicator) for f in news.facts if f.text in ("73129亿元", "110760.94亿元")] == [
        ("2020", "地区生产总值"), ("2020", "地区生产总值")]
    assert find(news, "9966.9亿元").period == "2021"
    hailaer = planwatch.extract(CORPUS / "hailaer" / "hailaer_2016.txt")
    assert find(hailaer, "13480元").period != "2010"
    guangxi = _province("广西壮族自治区")
    assert {f.period for f in guangxi.facts if f.text.endswith("7400亿元")} - {"2020"}
    assert "2020" not in {f.period for f in guangxi.facts if f.text.endswith("7400亿元")}


def test_numbers_joined_before_one_unit_share_it():
    """"分别提高15、22个百分点" (云南), "分别比上半年提高6.8、2.0个百分点", "分别回落2.16和1.66个百分点" (丹寨县):
    the bare number before the unit has it too; a year joined to a year ("2019和2020年") is no number."""
    yunnan = _province("云南省")
    assert [(f.text, f.unit, f.value) for f in yunnan.facts if f.text in ("15", "22个百分点")] == [
        ("15", "百分点", 15), ("22个百分点", "百分点", 22)]
    wider = ROOT / "tests" / "data" / "wider"
    news = planwatch.extract(wider / "news" / "yunnan_2022m1m7.txt")
    assert find(news, "6.8").unit == "百分点"
    danzhai = planwatch.extract(wider / "bulletins" / "danzhai_2015.txt")
    assert [f.value for f in danzhai.facts if f.text in ("2.16", "1.66个百分点")] == [-2.16, -1.66]
    years = planwatch.extract_text("2019和2020年地区生产总值分别增长5%和6%。").facts
    assert [f.text for f in years] == ["5%", "6%"]


def test_a_figure_on_another_basis_and_a_heading_run_into_its_text_keep_the_indicator():
    """交城县 2019: "人均地区生产总值38214元，按2019年平均汇率计算为5686美元" is the same indicator on
    another basis, and "二、农业全年全县农作物种植面积8521.9公顷" (heading run into its first sentence)
    is 农作物种植面积; 内蒙古's numbered item "4.为全区低收入…实施免费手术2000例" loses its number too."""
    jiaocheng = planwatch.extract(ROOT / "tests" / "data" / "wider" / "bulletins" / "jiaocheng_2019.txt")
    assert find(jiaocheng, "5686美元").indicator == "人均地区生产总值"
    assert find(jiaocheng, "8521.9公顷").indicator == "农作物种植面积"
    mongolia = _province("内蒙古自治区")
    assert not [f for f in mongolia.facts if f.indicator.startswith("4.")]


def test_units_figures_in_brackets_are_of_the_rate_the_sentence_names():
    """"江西（6.9%）、福建（6.7%）…7省份的增速超过或等于6%": growth rates of each unit; "湖北、安徽和上海分别以
    10804.66亿元、…" after a page's <p>: one unit per number. Bracketed shares stay levels."""
    news = planwatch.extract(ROOT / "tests" / "data" / "wider" / "news" / "jiangxi_2022q1_provinces.txt")
    start = news.text.index("目前已公布的省份中")
    assert [(f.region, f.measure) for f in news.facts if start < f.start < start + 40][:2] == [
        ("江西省", "growth"), ("福建省", "growth")]
    assert [f.region for f in news.facts if f.text in ("10804.66亿元", "10347.7亿元", "10010.25亿元")][:3] == [
        "湖北省", "安徽省", "上海市"]
    shares = planwatch.extract_text("其中，广东（35.2%）、江苏（30.1%）的比重较高。").facts
    assert [(f.region, f.measure) for f in shares] == [("广东省", "level"), ("江苏省", "level")]


def test_all_of_a_level_in_a_news_item_is_the_unit_of_that_level_it_last_named():
    """A news item on three provinces: "江苏省统计局分析称，2021年，全省GDP迈上11万亿元新台阶，其中制造业增加值
    突破4万亿元" is 江苏's, not the item's first province; in a government's own report 全市 is always its own."""
    news = planwatch.extract(ROOT / "tests" / "data" / "wider" / "news" / "yue_su_lu_2021_gdp.txt")
    assert {f.region for f in news.facts if f.text in ("11万亿元", "35.8%")} == {"江苏省"}
    report = planwatch.extract_text("锦州市政府工作报告\n\n学习深圳市经验，全市地区生产总值增长6%。\n")
    assert [f.region for f in report.facts] == ["锦州市"]


def test_a_total_broken_down_item_by_item_names_each_items_count():
    """宁夏's project release: "截至7月底未开工项目共5个，按责任单位（主管单位）划分分别是：银川市2个，…；吴忠市1个"
    — each owner's count is of 未开工项目 (the owner is its region, not its indicator); a list with no
    breakdown ("新建学校3个、医院2个") keeps its own names."""
    path = ROOT / "tests" / "data" / "wider" / "releases" / "ningxia_2021m1m7_projects.txt"
    ningxia = planwatch.extract(path)
    start = ningxia.text.index("截至7月底未开工项目")
    counted = [(f.text, f.indicator, f.region) for f in ningxia.facts if start <= f.start < start + 120][:3]
    assert counted == [("5个", "未开工项目", "宁夏回族自治区"), ("2个", "未开工项目", "银川市"),
                       ("1个", "未开工项目", "吴忠市")]
    plain = planwatch.extract_text("全年新建学校3个、医院2个。").facts
    assert [f.indicator for f in plain] == ["新建学校", "医院"]


def test_a_news_paragraph_opening_on_one_unit_is_about_it():
    """News on several units: "…显示，2021年山东省抢抓发展机遇，…，山东家底越来越厚。全年地区生产总值突破8万亿元"
    and "上半年，厦门市“三驾马车”有力拉动发展，…。其中，111个省重点在建项目…452.5亿元" are that unit's
    figures; a government's own report keeps its region (a group named later holds for its part)."""
    wider = ROOT / "tests" / "data" / "wider" / "news"
    news = planwatch.extract(wider / "yue_su_lu_2021_gdp.txt")
    assert {f.region for f in news.facts if f.text in ("8.3万亿元", "7284.5亿元", "33714.5亿元")} == {"山东省"}
    cities = planwatch.extract(wider / "sub_provincial_cities_2021h1.txt")
    assert {f.region for f in cities.facts if f.text in ("452.5亿元", "1415.4亿元")} == {"厦门市"}
    report = planwatch.extract(CORPUS / "jinzhou" / "001_a4dd6afc1d6d7e9f.txt")
    assert {f.region for f in report.facts if f.text in ("26.2 亿元", "140 亿元")} == {"锦州市三城区"}


def test_things_done_over_a_five_year_review_are_the_span_whatever_the_verb():
    """In a review of the plan period, what was done (修建, 铺设, 封停, 削减, 流转, 处置, 完成投资 …) is the
    span's: 海拉尔区 2016 "修建村村通道路23条、163公里", 广东 2026 "处置批而未供土地171.6万亩", 辽宁 2026
    "完成投资3500亿元"; the same verb in one year's results is that year's."""
    hailaer = planwatch.extract(CORPUS / "hailaer" / "hailaer_2016.txt")
    assert {f.period for f in hailaer.facts if f.text in ("23条", "163公里", "52辆")} == {"2011-2015"}
    assert find(_province("广东省"), "171.6万亩").period == "2021-2025"
    assert find(_province("辽宁省"), "3500亿元").period == "2021-2025"
    year = planwatch.extract_text("海拉尔区2017年政府工作报告\n\n2016年，修建村村通道路23条，铺设自来水管道85公里。\n")
    assert {f.period for f in year.facts} == {"2016"}


def test_a_head_written_once_after_a_list_is_each_items():
    """"工业机器人、新能源汽车、服务器、3D打印设备产量分别增长…" (广东 release): each item's 产量, never
    "服务器印设备产量". A list whose items name their
    own quantities ("进口货值、免签入境游客、…、离岛免税销售额", 海南) shares nothing; "城镇、农村居民人均可支配
    收入" still puts 城镇 in place of 农村."""
    wider = ROOT / "tests" / "data" / "wider"
    gd = planwatch.extract(wider / "releases" / "gd_2021m1m2_news.txt")
    assert find(gd, "100.3%").indicator == "服务器产量"
    hainan = _province("海南省")
    assert find(hainan, "64%").indicator == "免签入境游客"
    towns = planwatch.extract_text("城镇、农村居民人均可支配收入分别增长5%、7%。").facts
    assert [f.indicator for f in towns] == ["城镇居民人均可支配收入", "农村居民人均可支配收入"]


def test_a_unit_held_for_its_clause_holds_for_the_change_of_its_figure():
    """A unit named for one clause only (全国…, a place without a subject word after it) also holds
    for the clauses that go on about that clause's figure — its change, on another basis — and for
    no clause that names its own unit or says something else."""
    news = planwatch.extract(ROOT / "tests" / "data" / "wider" / "news" / "jiangxi_2022q1_provinces.txt")
    start = news.text.index("全国居民人均可支配收入10345元")
    national = [(f.text, f.region) for f in news.facts if start <= f.start < start + 60]
    assert national == [("10345元", "全国"), ("6.3%", "全国"), ("5.1%", "全国")]
    start = news.text.index("江苏为27859亿元")
    assert [(f.text, f.region) for f in news.facts if start <= f.start < start + 25] == [
        ("27859亿元", "江苏省"), ("4.6%", "江苏省")]
    release = planwatch.extract_text(
        "根据国家统计局数据，1-8月，全国规模以上工业企业实现利润总额56051.4亿元，同比增长49.5%，"
        "比2019年1—8月份增长42.9%。广东规模以上工业增加值增长12.1%。全国工业增加值增长8%，我省增长9.1%，"
        "投资增长5%。", context=planwatch.StatedContext(region="广东省"))
    assert [(f.text, f.region) for f in release.facts] == [
        ("56051.4亿元", "全国"), ("49.5%", "全国"), ("42.9%", "全国"), ("12.1%", "广东省"),
        ("8%", "全国"), ("9.1%", "广东省"), ("5%", "广东省")]


def test_a_change_on_a_named_basis_is_of_the_indicator_before_it():
    """比上年名义增长, 扣除价格因素实际增长, 名义增长 (lexicon ``change_bases``) name how a change is
    measured, not what changed: the growth is of the indicator before it. From the national
    statistical bulletin of 2023 (国家统计局, 2023年国民经济和社会发展统计公报) and the 江西 news item
    of the wider corpus; an indicator named before its change keeps its own name."""
    bulletin = planwatch.extract_text(
        "全年全国居民人均可支配收入41314元，比上年名义增长5.3%，扣除价格因素实际增长5.1%。按常住地分，"
        "城镇居民人均可支配收入54188元，名义增长4.6%；农村居民人均可支配收入23119元，增长6.6%。"
        "全年货物进出口总额438468亿元，比上年增长5.0%。其中，出口254545亿元，实际增长7.1%。")
    assert [(f.text, f.indicator, f.measure) for f in bulletin.facts] == [
        ("41314元", "居民人均可支配收入", "level"), ("5.3%", "居民人均可支配收入", "growth"),
        ("5.1%", "居民人均可支配收入", "growth"), ("54188元", "城镇居民人均可支配收入", "level"),
        ("4.6%", "城镇居民人均可支配收入", "growth"), ("23119元", "农村居民人均可支配收入", "level"),
        ("6.6%", "农村居民人均可支配收入", "growth"), ("438468亿元", "进出口总额", "level"),
        ("5.0%", "进出口总额", "growth"), ("254545亿元", "出口总额", "level"), ("7.1%", "出口总额", "growth")]
    news = planwatch.extract(ROOT / "tests" / "data" / "wider" / "news" / "jiangxi_2022q1_provinces.txt")
    start = news.text.index("全国居民人均可支配收入10345元")
    assert {f.indicator for f in news.facts if start <= f.start < start + 60} == {"居民人均可支配收入"}


def test_a_change_against_the_start_of_the_year_or_last_month_is_of_the_indicator_before_it():
    """``比年初增加``, ``较上月``, ``环比``, ``与上年同期相比``, ``同增`` name the base of a change, not what
    changed: a county's banking paragraph of 2009 (``各项存款余额349458万元，比年初增加62104万元，增幅
    21.6%``, a public county yearbook page) and 江苏's 1-8月 2021 trade news of the wider corpus
    (``同增17.1%``).  A name before the base keeps its own words (``住户贷款比年初增加``)."""
    banking = planwatch.extract_text(
        "截至2009年末，各项存款余额349458万元，比年初增加62104万元，增幅21.6%。各项贷款余额300318万元，"
        "比年初增加49886万元，增幅19.9%。6月末，住户存款余额3.2万亿元，较上月增加210亿元，环比增长0.7%，"
        "与上年同期相比增加2100亿元。住户贷款比年初增加980亿元。")
    assert [(f.text, f.mention) for f in banking.facts] == [
        ("349458万元", "各项存款余额"), ("62104万元", "各项存款余额"), ("21.6%", "各项存款余额"),
        ("300318万元", "各项贷款余额"), ("49886万元", "各项贷款余额"), ("19.9%", "各项贷款余额"),
        ("3.2万亿元", "住户存款余额"), ("210亿元", "住户存款余额"), ("0.7%", "住户存款余额"),
        ("2100亿元", "住户存款余额"), ("980亿元", "住户贷款")]
    trade = planwatch.extract(ROOT / "tests" / "data" / "wider" / "releases" / "js_2021m1m8_trade_news.txt")
    start = trade.text.index("同期，加工贸易和保税物流进出口")
    assert {f.indicator for f in trade.facts if start <= f.start < start + 60} == {"加工贸易和保税物流进出口"}


def test_a_span_of_years_written_out_dates_averages_and_is_no_part_of_the_name():
    """"2016—2020年全市地区生产总值年均增长6.5%" (no comma after the span): the span is no part of the
    indicator, and dates the average; a year written after the span dates what follows it
    (广东 news: "2013-2018年同期…平均增速为7.35%，2019年增速变缓至3%"); a span named only in a plan's
    title ("《…规划（2021-2035年）》提出，到2025年…") dates nothing."""
    facts = planwatch.extract_text(
        "2016—2020年全市地区生产总值年均增长6.5%。2011-2015年间城镇居民人均可支配收入年均增长9.1%，"
        "2016年增长7.8%。").facts
    assert [(f.text, f.indicator, f.measure, f.period) for f in facts] == [
        ("6.5%", "地区生产总值", "avg_growth", "2016-2020"),
        ("9.1%", "城镇居民人均可支配收入", "avg_growth", "2011-2015"),
        ("7.8%", "城镇居民人均可支配收入", "growth", "2016")]
    news = planwatch.extract(ROOT / "tests" / "data" / "wider" / "releases" / "gd_2021m1m2_news.txt")
    start = news.text.index("2013-2018年同期")
    assert [(f.text, f.indicator, f.period) for f in news.facts if start <= f.start < start + 60] == [
        ("7.35%", "规模以上工业增加值", "2013-2018"), ("3%", "规模以上工业增加值", "2019M1-M2")]
    plan = planwatch.extract_text("《辽宁省国土空间规划（2021-2035年）》提出，到2025年森林覆盖率达到42%。").facts
    assert [(f.text, f.period) for f in plan] == [("42%", "2025")]


def test_a_growth_verb_before_jun_and_a_bound_is_still_a_growth():
    """"旅游人次和花费增长均超20%" (青海 2026 report), "工业、投资、消费同比增长均超三成" (广东 news:
    三成 a growth of 30%): 均 (each of them) between the verb and the number keeps the growth; a
    rate's level stays a level ("入驻率均超过90%", "失业率均为3%")."""
    qinghai = _province("青海省")
    start = qinghai.text.index("旅游人次和花费增长均超20%")
    tourism = [f for f in qinghai.facts if start <= f.start < start + 20]
    assert [(f.text, f.measure, f.value, f.qualifier) for f in tourism] == [("20%", "growth", 20, "at_least")]
    news = planwatch.extract(ROOT / "tests" / "data" / "wider" / "releases" / "gd_2021m1m2_news.txt")
    assert [(f.measure, f.value, f.unit) for f in news.facts if f.text == "三成"][0] == ("growth", 30, "%")
    levels = planwatch.extract_text("两个园区的入驻率均超过90%。农村和城镇的失业率均为3%。").facts
    assert [(f.text, f.measure) for f in levels] == [("90%", "level"), ("3%", "level")]


#: A report that reviews a five-year term and then closes the review with its last year
#: (濮阳's review of 2013-2017 as 濮阳日报 printed it, http://pyrb.pyxww.com/content/201809/27/c22465.html;
#: the energy sentence from the 2026 report of 内蒙古 in the shared corpus).
FIVE_YEAR_REVIEW = (
    "2018年濮阳市政府工作报告\n\n一、过去五年工作回顾\n\n五年来，我们坚持稳中求进工作总基调，圆满完成了本届政府目标任务。\n\n"
    "{year}年，一般公共预算收入完成81.1亿元，是2013年的1.3倍，年均增长11%；单位GDP能耗累计下降18%。"
    "居民人均可支配收入18197元，年均增长10.2%。\n"
)


def test_a_five_year_review_closed_by_its_last_year_averages_over_the_five_years():
    """``五年来…`` then ``2017年，…年均增长11%``: the paragraph of the term's last year gives its
    levels that year and its averages the five years; a paragraph of an earlier year does not
    close the term, and its averages stay with the year it names."""
    doc = planwatch.extract_text(FIVE_YEAR_REVIEW.format(year=2017))
    assert find(doc, "81.1亿元").period == "2017"
    assert (find(doc, "11%").measure, find(doc, "11%").period) == ("avg_growth", "2013-2017")
    assert find(doc, "10.2%").period == "2013-2017"
    assert find(doc, "18197元").period == "2017"
    assert (find(doc, "18%").value, find(doc, "18%").period) == (-18, "2013-2017")  # a total over the term
    earlier = planwatch.extract_text(FIVE_YEAR_REVIEW.format(year=2015))
    assert find(earlier, "81.1亿元").period == "2015"
    assert find(earlier, "11%").period != "2013-2017"


def test_a_section_named_a_review_keeps_its_kind_under_a_goals_chapter():
    """``第一节 发展基础和面临形势`` under ``第一章 指导思想和发展目标`` reviews the last plan period
    (乐清's 十二五 outline reviewed 十一五 with these figures, https://xueke.org/wenku/51897_5.html);
    a sub-heading with a weaker cue (锦州's ``(五) 改革开放取得新进展``) under a heading of plans
    still yields to it."""
    plan = planwatch.extract_text(
        "乐清市国民经济和社会发展第十二个五年规划纲要\n\n第一章 指导思想和发展目标\n\n第一节 发展基础和面临形势\n\n"
        "2010年，全市生产总值495.8亿元，年均增长12.1%。社会消费品零售总额165.8亿元，年均增长19.0%。\n\n"
        "第二节 发展目标\n\n全市生产总值年均增长10%。\n")
    assert (find(plan, "495.8亿元").kind, find(plan, "495.8亿元").period) == ("actual", "2010")
    assert (find(plan, "12.1%").kind, find(plan, "12.1%").period) == ("actual", "2006-2010")
    assert (find(plan, "10%").kind, find(plan, "10%").period) == ("target", "2011-2015")
    # a paragraph of an earlier year does not close the span: its figures are that year's
    earlier = planwatch.extract_text(
        "乐清市国民经济和社会发展第十二个五年规划纲要\n\n第一章 指导思想和发展目标\n\n第一节 发展基础和面临形势\n\n"
        "2009年，全市生产总值增长12.1%。\n")
    assert (find(earlier, "12.1%").kind, find(earlier, "12.1%").period) == ("actual", "2009")
    report = planwatch.extract_text(
        "2012年某市政府工作报告\n\n二、2012年工作安排\n\n(五) 改革开放取得新进展\n\n全市实际利用外资增长10%。\n")
    assert find(report, "10%").kind == "target"


def test_a_milestone_crossed_is_the_magnitude_after_the_verb_not_a_vague_figure():
    """``跨上万亿元台阶`` (天津's 2026 report) passes the mark of one 万亿元: the verb stays outside
    the text and makes it at least that; ``上万`` in ``跨上万…`` is no vague "over ten thousand",
    and the 台 of 台阶 is no unit (天津's 2013 report breaks the line inside: ``跨上万 亿台阶``)."""
    services = planwatch.extract_text("服务业增加值跨上万亿元台阶，居民人均可支配收入增长4.5%。")
    assert [(f.text, f.value, f.unit, f.qualifier) for f in services.facts][0] == ("万亿元", 1, "万亿元", "at_least")
    tianjin = planwatch.extract(ROOT / "tests" / "data" / "wider" / "reports" / "tianjin_2013.txt")
    trillion = find(tianjin, "万 亿")
    assert (trillion.unit, trillion.qualifier, trillion.indicator) == ("万亿", "at_least", "地区生产总值")
    # 湖南's 2026 report: "迈上5万亿台阶" is at least 5万亿 (台 starts 台阶), and the milestone's noun
    # does not lead the next indicator; a unit character that starts a word after a bare number
    # ("3.0方案") still makes no quantity
    hunan = planwatch.extract_text("地区生产总值迈上5万亿台阶、五年增量超1.36万亿元。")
    assert [(f.text, f.unit, f.qualifier, f.indicator) for f in hunan.facts] == [
        ("5万亿", "万亿", "at_least", "地区生产总值"), ("1.36万亿元", "万亿元", "at_least", "五年增量")]
    assert planwatch.extract_text("推进数字政府建设3.0方案。").facts == []


def test_a_number_inside_an_identifier_is_no_fact():
    """A page's 索引号 (正蓝旗's 十三五 outline: ``11152530MB16339695/2019-00206``, in the usual
    disclosure-page layout where 所属主题 follows and its 所 would read as a count) names a document;
    a fraction written with a slash (``占全国1/4``, 内蒙古's 2026 report) is a number."""
    for index in ("11152530MB16339695/2019-00206", "000014349/2021-00123"):  # the second: digits-only form
        assert planwatch.extract_text(f"索引号:{index}\n所属主题:统计信息\n").facts == []
    share = planwatch.extract_text("全年缉毒量占自治区年度缉毒总量的1/4。")
    assert [(f.text, f.value) for f in share.facts] == [("1/4", 0.25)]


#: 张家川回族自治县's 2013 congress as a news site told it
#: (http://www.glencoetuneup.com/news/zjc/2013022011443333561.htm, first paragraphs).
CONGRESS_NEWS = (
    "张家川回族自治县第十五届人民代表大会第二次会议隆重开幕\n"
    "2月20日上午9时,张家川回族自治县第十五届人民代表大会第二次会议在雄壮的国歌声中隆重开幕。\n"
    "{lead}2012年,是我县经济社会快速发展、基础条件显著改善、民生问题得到较好解决的一年。在市委、市政府和县委的"
    "正确领导下,我们圆满完成了各项目标任务。预计实现生产总值20.37亿元,同比增长15.3%;固定资产投资完成33.68亿元,"
    "同比增长40%。\n"
)


def test_news_of_a_work_report_dates_a_paragraph_by_the_year_it_opens_with():
    """``政府工作报告指出,2012年,是…`` in news of the 2013 congress: the paragraph's figures are 2012's,
    whatever reporting words lead it; without such an opening the news item does not tell the year."""
    for lead in ("政府工作报告指出,", "马中奇在报告中指出,", ""):
        doc = planwatch.extract_text(CONGRESS_NEWS.format(lead=lead))
        assert [(f.text, f.kind, f.period) for f in doc.facts[:2]] == [
            ("20.37亿元", "estimate", "2012"), ("15.3%", "estimate", "2012")], lead
    unled = planwatch.extract_text(CONGRESS_NEWS.format(lead="会议听取了政府工作报告。").replace("2012年,是", "去年是"))
    assert find(unled, "20.37亿元").period != "2012"


def test_a_release_part_of_the_year_is_not_given_to_another_year():
    """News on 深圳's first half of 2022: ``深圳GDP在2021年突破3万亿元`` is the year 2021, not its
    first half; a comparison with the same part of another year keeps the part (广东's 1-2月 2021:
    ``2020年同期…同比下降23.2%`` is 2020M1-M2)."""
    wider = ROOT / "tests" / "data" / "wider"
    shenzhen = planwatch.extract(wider / "releases" / "sz_2022h1_news.txt")
    assert find(shenzhen, "3万亿元").period == "2021"
    guangdong = planwatch.extract(wider / "releases" / "gd_2021m1m2_news.txt")
    assert find(guangdong, "23.2%").period == "2020M1-M2"


def test_a_headline_with_indicators_in_its_sentence_sets_no_targets():
    """``1-5月乳源县主要经济指标运行情况`` over a release reports; only a heading that ends on what it
    names (锦州's plan: ``专栏：“十四五”时期经济社会发展主要指标``) introduces goals."""
    release = planwatch.extract(ROOT / "tests" / "data" / "wider" / "releases" / "ruyuan_m1m5.txt")
    body = (ROOT / "tests" / "data" / "wider" / "releases" / "ruyuan_m1m5.txt").read_text(encoding="utf-8")
    # the page's title over the release, set apart from it by its source line (www.ruyuan.gov.cn)
    titled = planwatch.extract_text("1-5月乳源县主要经济指标运行情况\n\n来源：乳源瑶族自治县人民政府网\n\n" + body)
    assert find(release, "17.46亿元").kind == "actual" and find(titled, "17.46亿元").kind == "actual"
    plan = planwatch.extract_text("锦州市国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要\n\n"
                                  "### 专栏：“十四五”时期经济社会发展主要指标\n\n地区生产总值年均增长6%。\n")
    assert (find(plan, "6%").kind, find(plan, "6%").period) == ("target", "2021-2025")


def test_progress_against_a_plan_or_goal_is_an_actual():
    """吉林's 2011 report on its first three quarters (www.gov.cn, 2011-11-03) measures what was done
    by the year's goals: ``完成年度目标的75.9%``, ``超出全年目标25.3亿元`` are results, not goals."""
    doc = planwatch.extract_text(
        "吉林省前三季度经济运行情况\n1-9月,全省规模以上工业累计实现增加值3370.2亿元,同比增长20%,绝对值完成年度目标的75.9%,"
        "增幅高于目标5个百分点;完成产值12682.4亿元,完成目标的82.4%;实现利润785.3亿元,超出全年目标25.3亿元。\n"
        "力争全年规模以上工业增加值增长18%。\n")
    assert [find(doc, t).kind for t in ("75.9%", "5个百分点", "82.4%", "25.3亿元")] == ["actual"] * 4
    assert find(doc, "18%").kind == "target"


def test_a_plan_goal_for_a_change_by_its_last_year_is_over_the_plan():
    """锦州's 十四五 plan: ``到2025年，全市文化产业增加值年增速不低于20%`` is a change over 2021-2025;
    a work report's goal for its year stays that year (安徽's 2026 report)."""
    plan = planwatch.extract(JINZHOU_PLAN)
    culture = find(plan, "20%", indicator="文化产业增加值")
    assert (culture.kind, culture.period) == ("target", "2021-2025")
    report = planwatch.extract_text("安徽省2026年政府工作报告\n\n三、2026年重点工作\n\n"
                                    "经济社会发展的主要预期目标是：全省地区生产总值增长5%—5.5%。\n")
    assert find(report, "5%—5.5%").period == "2026"


def test_a_heading_over_five_years_in_a_digest_of_a_report_is_the_term_before_it():
    """广州's 2017 report as a news digest printed it (https://www.cmstop.net/2017/0107/20960.shtml):
    under ``过去五年发展成绩`` averages are over 2012-2016 and levels are 2016's, X of a from-to pair
    is 2011's; without the document's date the term cannot be told and nothing is dated by it."""
    text = ("过去五年发展成绩\n经济综合实力迈上新台阶\n"
            "地区生产总值由2011年的1.24万亿元预计提高到2016年的1.95万亿元,年均增长9.4%。人均地区生产总值达到2.14万美元。\n"
            "产业结构继续优化\n高新企业由1253家发展到4700多家。\n")
    stated = planwatch.StatedContext(region="广州市", date="2017-01", doc_type="新闻报道")
    doc = planwatch.extract_text(text, context=stated)
    assert [(t, find(doc, t).period) for t in ("9.4%", "2.14万美元", "1253家", "4700多家")] == [
        ("9.4%", "2012-2016"), ("2.14万美元", "2016"), ("1253家", "2011"), ("4700多家", "2016")]
    assert find(planwatch.extract_text(text), "2.14万美元").period == ""


def test_an_average_after_a_multiple_of_a_base_year_runs_from_that_base():
    """雷山县's 2011 report as the 黔东南 news site told it (http://www.zhxpm.cn/html/2011/ls_1211/11160.shtml):
    ``2011年,全县地区生产总值完成11亿元,是2006年的2.6倍,年均增长14.2%`` averages over 2007-2011,
    the level and the multiple are 2011's; an average with no base compared with keeps its year."""
    doc = planwatch.extract_text(
        "雷山县第十六届人民代表大会第一次会议隆重开幕\n"
        "报告指出:五年来,全县经济社会取得了好于预期的发展成果。2011年,全县地区生产总值完成11亿元(预计数,下同),"
        "是2006年的2.6倍,年均增长14.2%;财政总收入完成1.5亿元,是2006年的4.6倍,年均增长35.6%。\n")
    assert [(t, find(doc, t).period) for t in ("11亿元", "2.6倍", "14.2%", "35.6%")] == [
        ("11亿元", "2011"), ("2.6倍", "2011"), ("14.2%", "2007-2011"), ("35.6%", "2007-2011")]
    plain = planwatch.extract_text("雷山县经济运行情况\n2011年,全县地区生产总值完成11亿元,年均增长14.2%。\n")
    assert find(plain, "14.2%").period == "2011"


def test_a_unit_renamed_since_the_document_keeps_the_name_the_document_gives_it():
    """株洲县's 2006 report (the county is 渌口区 since 2018) on the county portal, whose title the
    page furniture hides: the facts are 株洲县's, under 株洲市; a document whose title names a unit
    of today is not moved by a former name in its text (data: planwatch/data/former_regions.csv)."""
    doc = planwatch.extract(ROOT / "tests" / "data" / "wider" / "reports" / "zhuzhou_county_2006.txt")
    assert doc.region == "株洲县" and {f.region for f in doc.facts} == {"株洲县"}
    today = planwatch.extract_text(
        "2020年济南市国民经济和社会发展统计公报\n\n全年全市（含原莱芜市区域）地区生产总值10140.9亿元。\n")
    assert today.region == "济南市"


def test_a_review_of_a_four_year_term_spans_four_years():
    """五莲县's 2012 report reviewed the four years since its congress's first session (the 日照日报
    account, https://m.yybnet.net/rizhao/wulian/201202/3288138.html): ``四年来`` opens a span of
    2008-2011; ``五年来`` would open 2007-2011."""
    text = ("2012年五莲县政府工作报告\n\n一、过去四年政府工作回顾\n\n"
            "{term}，全县经济增长不断加快、人民生活水平大幅提高。累计完成规模以上固定资产投资258亿元，年均增长21.1%。\n")
    four = planwatch.extract_text(text.format(term="四年来"))
    assert (find(four, "258亿元").period, find(four, "21.1%").period) == ("2008-2011", "2008-2011")
    five = planwatch.extract_text(text.format(term="五年来"))
    assert find(five, "258亿元").period == "2007-2011"


def test_a_year_opened_by_yu_and_closed_by_xiangbi_is_a_comparison_base():
    """The 2024 五一 tourism figures of 文化和旅游部 (a forum post quoting them): ``与2019年同期相比，
    更是增长了28.2%`` is this year's growth over 2019, not a figure of 2019; the year that opens the
    sentence still dates it, and one not compared with stays a date."""
    stated = planwatch.StatedContext(date="2024-05", doc_type="新闻报道")
    doc = planwatch.extract_text("文化和旅游部发布\n五一假期,全国国内旅游出游人次2.95亿,较去年同期增长7.6%,"
                                 "与2019年同期相比,更是增长了28.2%。\n", context=stated)
    assert [(t, find(doc, t).period) for t in ("7.6%", "28.2%")] == [("7.6%", "2024"), ("28.2%", "2024")]
    plain = planwatch.extract_text("文化和旅游部发布\n2019年五一假期,全国国内旅游出游人次1.95亿,增长13.7%。\n",
                                   context=stated)
    assert find(plain, "13.7%").period == "2019"


def test_target_inside_a_noun_is_no_target_cue():
    """西乡县's spring investment drive (西部网, 2023-03-01): ``目标区域涉及10余个省``, ``40余家目标企业``
    name whom the work was aimed at and report what was done; a goal stays a goal (咸阳's 2023 plan)."""
    stated = planwatch.StatedContext(region="西乡县", date="2023-03", doc_type="新闻报道")
    doc = planwatch.extract_text(
        "汉中西乡吹响招商引资冲锋号\n目前,多支招商小分队已先后外出分赴各地开展各类投资洽谈活动,目标区域涉及10余个省、"
        "36个地市,对接线索项目58个,内容涵盖城市建设、文化旅游、科技创新、绿色能源等方面,40余家目标企业已应邀来县考察交流。\n",
        context=stated)
    assert [find(doc, t).kind for t in ("10余个", "36个", "58个", "40余家")] == ["actual"] * 4
    plan = planwatch.extract_text("咸阳市2023年国民经济和社会发展计划\n主要预期目标是:生产总值增长6%左右,"
                                  "规模以上工业增加值增长7%左右。\n")
    assert [find(plan, t).kind for t in ("6%左右", "7%左右")] == ["target"] * 2


def test_the_size_of_a_statistical_classification_is_no_fact():
    """A city's 2023 Q1 release (queens-hat.com copy, city not named in the excerpt): ``38个行业大类中有21个
    行业增加值实现增长,增长面达55.3%``: the 38 classes are the classification, the same everywhere; the 21
    that grew, the share, and the 7 of the ten largest that grew count. 深圳's 2021H1 figures in the wider
    corpus say the same with 工业行业大类."""
    doc = planwatch.extract_text(
        "一季度全市经济运行情况\n工业生产平稳运行。一季度,全市规模以上工业增加值同比增长6.1%,多数重点行业保持增长态势,"
        "38个行业大类中有21个行业增加值实现增长,增长面达55.3%,较1-2月份提高15.8个百分点。累计增加值排名前10的行业中,"
        "有7个行业增加值实现增长。\n",
        context=planwatch.StatedContext(date="2023-04", doc_type="新闻报道"))
    texts = [f.text for f in doc.facts]
    assert "38个" not in texts and all(t in texts for t in ("21个", "55.3%", "7个"))
    shenzhen = planwatch.extract(ROOT / "tests" / "data" / "wider" / "news" / "sub_provincial_cities_2021h1.txt")
    texts = [f.text for f in shenzhen.facts]
    assert "37个" not in texts and "33个" in texts


def test_transport_work_units_are_one_unit():
    """The national 2017 bulletin as 第一专用车网 quoted it (2018-03-02): ``货物运输周转量196130亿吨公里,增长5.1%``
    is one level in 亿吨公里 and its growth; passengers' work (``旅客周转量``, 2013 transport bulletin) is in
    人公里, not a head count of 人 followed by the word 公里. A plain distance keeps 公里."""
    doc = planwatch.extract_text(
        "统计公报显示,2017全年货物运输总量479亿吨,比上年增长9.3%。货物运输周转量196130亿吨公里,增长5.1%。"
        "全年完成旅客周转量27573.40亿人公里,增长5.9%,平均运距60.70公里。\n",
        context=planwatch.StatedContext(date="2018-02", doc_type="新闻报道"))
    ton_km = find(doc, "196130亿吨公里")
    assert (ton_km.value, ton_km.unit, ton_km.measure) == (196130, "亿吨公里", "level")
    assert "货物运输周转量" in find(doc, "5.1%").indicator
    person_km = find(doc, "27573.40亿人公里")
    assert (person_km.unit, person_km.indicator) == ("亿人公里", "旅客周转量")
    assert find(doc, "60.70公里").unit == "公里" and find(doc, "479亿吨").unit == "亿吨"


def test_a_rule_of_thumb_about_countries_is_no_fact():
    """A 2003 commentary (dccchina.com, 中国人均GDP超过1000美元意味着什么): ``按照国际经验,人均GDP超过1000美元,
    消费结构将…升级`` names a threshold of countries in general, no figure of a region; the headline's claim
    about China stays a fact, and so do the figures of the 2003-12-24 Xinhua item on the same threshold
    (quoted here in simplified characters) that has no such lead-in."""
    doc = planwatch.extract_text(
        "中国人均GDP超过1000美元意味着什么\n按照国际经验,人均GDP超过1000美元,消费结构将向发展型、享受型升级,"
        "过去的奢侈品将转化为居民的必需品。\n",
        context=planwatch.StatedContext(date="2003-12", doc_type="新闻报道"))
    assert [f.text for f in doc.facts if "1000" in f.text] == ["1000美元"]  # the headline's own claim only
    xinhua = planwatch.extract_text(
        "记者从国家统计局了解到,今年我国人均GDP将超过1000美元。高技术产业对工业增长的贡献率预计达23.7%。\n",
        context=planwatch.StatedContext(date="2003-12", doc_type="新闻报道"))
    assert {f.text for f in xinhua.facts} >= {"1000美元", "23.7%"}


def _wider(rel: str) -> planwatch.Document:
    """A wider-corpus document read with its manifest row (region, date, type), as the CLI reads it."""
    from planwatch.context import find_manifest

    path = ROOT / "tests" / "data" / "wider" / rel
    manifest = find_manifest(path)
    return planwatch.extract(path, context=manifest.get(path) if manifest else None)


def test_a_colon_after_goals_opens_them_for_the_whole_sentence():
    """Round l (广州 十四五 news: ``“八个新”的确切目标: 经济发展进入全新阶段,年均增长6%左右``): a colon after
    目标 (lexicon ``kind_cues.goals_intro``) opens a list of goals for its whole sentence, whatever the
    clause.  Accepted from the 2026 reports of 辽宁 and 北京 (news quoting them reads the same); a review's
    completion ratio (``完成年度目标的75.9%``, a not-cue) and a review sentence without the colon stay actual."""
    from planwatch.extractors.scope import kind_in_sentence

    liaoning = "《纲要（草案）》提出了经济社会发展奋斗目标：全省经济实力显著增强，"
    beijing = "《纲要草案》明确了今后五年的发展目标：一是首都功能持续提升，二是高质量发展迈上新台阶，"
    assert kind_in_sentence("actual", liaoning, "") == "target"
    assert kind_in_sentence("actual", beijing, "") == "target"
    assert kind_in_sentence("actual", "全年完成年度目标的", "全年完成年度目标的") == "actual"
    assert kind_in_sentence("actual", "围绕年初确定的目标，全市地区生产总值增长", "全市地区生产总值增长") == "actual"
    guangzhou = _wider("news/guangzhou_14th_plan_2021.txt")
    assert {(f.kind, f.period) for f in guangzhou.facts if f.text == "6%左右"} == {("target", "2021-2025")}


def test_news_of_a_plan_not_yet_begun_states_its_goals():
    """A paragraph of a news item opening on a plan period that starts in the item's year or later
    (``“十二五”期间，甘肃将开建17条高速公路`` in April 2011, ``“十二五”期间，西藏将实现60％的乡镇通油路`` in
    March 2011) is about the plan's goals, as the same turn is in a report.  One opening on a plan period
    already under way or past (湖南's 2026 report, ``“十四五”时期是我们感恩奋进、阔步向前的五年``, read as a
    news item of 2026) reviews it: its figures stay actuals."""
    gansu = _wider("news/gansu_2011_highways.txt")
    assert find(gansu, "17条", start=50).kind == "target"
    # "…突破5500公里；“十二五”末，甘肃将打通…13条“接头”高速公路": a time named between two numbers gives the
    # second its own date, so it does not continue the first's list (prose._NEW_TIME): the plan's end year
    assert (find(gansu, "13条", start=111).kind, find(gansu, "13条", start=111).period) == ("target", "2015")
    assert find(_wider("news/xizang_2011_roads.txt"), "60％").kind == "target"
    # 2015-11 news of two provinces' 十三五 transport plans (贵州, 中国日报 2015-11-20; 云南, a trade site's copy
    # of the 省交通运输厅 news of 11月3日), quoted as stored: the goals after the turn, before actuals (and
    # 云南's dated 2011-2015 from the 十二五 named in the opening line)
    news = planwatch.StatedContext(date="2015-11", doc_type="新闻报道")
    guizhou = planwatch.extract_text(
        "本报讯记者从贵州省交通运输厅获悉,根据初步规划,“十三五”期间贵州交通建设预计投入5000亿元,环贵州高速公路将建成。\n"
        "“十三五”期间,我省将建成环贵州高速公路,贵州南部三自治州的通道建设取得重大突破,国省道二级公路比例进一步提高,"
        "农村公路实现村村通油路、村村通客运。到2020年,全省公路网总里程将达20万公里,其中高速公路将突破7000公里。\n",
        context=news.over(planwatch.StatedContext(region="贵州省")))
    assert (find(guizhou, "20万公里").kind, find(guizhou, "20万公里").period) == ("target", "2020")
    yunnan = planwatch.extract_text(
        "11月3日,记者从云南省交通运输厅获悉,在确保“十二五”规划圆满收官的同时,省交通运输厅将进一步做好“十三五”规划。\n"
        "“十三五”期间,全省公路水路建设拟完成投资4900亿元。其中:高速公路建设拟完成投资3700亿元,拟建成高速公路2000公里以上;"
        "“七出省、五出境”通道基本建成。\n"
        "到2020年底,力争高速公路通车里程达到6000公里,在建高速公路项目里程达到2000公里,普通国省道二级公路以上比例达到40%,"
        "100%建制村实现通硬化路,航道通航里程达到5000公里。\n",
        context=news.over(planwatch.StatedContext(region="云南省")))
    assert (find(yunnan, "3700亿元").kind, find(yunnan, "3700亿元").period) == ("target", "2016-2020")
    goals = {(f.kind, f.period) for f in yunnan.facts if f.text in ("2000公里", "40%", "5000公里")}
    assert goals == {("target", "2020")}
    hunan = (PROVINCES / "2026_湖南省_政府工作报告.txt").read_text(encoding="utf-8")
    opening = ("“十四五”时期是我们", "这五年，综合经济")
    review = "\n".join(line for line in hunan.splitlines() if line.startswith(opening))
    doc = planwatch.extract_text(review, context=planwatch.StatedContext(
        region="湖南省", date="2026-01", doc_type="新闻报道"))
    assert find(doc, "1.36万亿元").kind == "actual" and find(doc, "1.19万美元").kind == "actual"


def test_the_field_of_a_ranking_is_no_fact():
    """Round l (房县 2018 前三季度: ``在16个县市区(含其他县市区比拼对象)经济指标综合排名中,我县由…第12位上升到
    第6位``): the number of places a ranking runs over (lexicon ``ranked_fields``) is no fact, as the rank is
    none.  Accepted from a 2016 榆林 news item on 陕西's county ranking (``在陕西省83个县中,县域城乡发展一体化
    排名前十位的依次为``); rejected from 甘肃's 2026 report, where a count of places after 在 names where work
    was done (``在14个市州城区和兰州新区增补义务教育学位2万个``: no ranking word, a fact)."""
    news = planwatch.extract_text(
        "报告显示,在陕西省83个县中,县域城乡发展一体化排名前十位的依次为:神木、府谷、高陵、凤县、黄陵。\n",
        context=planwatch.StatedContext(region="陕西省", date="2016-12", doc_type="新闻报道"))
    assert not [f for f in news.facts if f.text.startswith("83")]
    gansu = planwatch.extract_text(
        "所普通高中改善办学条件、提升办学能力，在14个市州城区和兰州新区增补义务教育学位2万个。\n",
        context=planwatch.StatedContext(region="甘肃省", date="2026-01", doc_type="政府工作报告"))
    assert {f.text for f in gansu.facts} >= {"14个", "2万个"}
    fangxian = _wider("news/fangxian_2018q1q3.txt")
    assert not [f for f in fangxian.facts if f.text == "16个"]
    assert {f.text for f in fangxian.facts} >= {"56.7亿", "18687元", "9.2%"}


def test_an_estimate_of_a_year_already_over_is_no_goal():
    """Round m (万源 2021-01, under the headline ``…为自己新的五年征程定下目标``: ``2020年,万源预计全年实现地区
    生产总值140亿元、增长4%``): in a goals section, an estimate cue before a number of a year earlier than the
    document's is an estimate, not a goal.  Accepted on 中国新闻网's 2020-01-16 item on the provinces' 2020
    goals (``初步预计2019年广东地区生产总值10.5万亿元以上``, before read as targets); rejected where the
    estimated year is the document's or later: 海拉尔区's 2016 work plan (``预计全年旅游接待人数达到700万人次``)
    and 锦州's 十四五 water plan (``“十四五”期间全市年均总供水量预计 9 亿立方米``) keep their targets."""
    wanyuan = _wider("news/wanyuan_14th_plan_2021.txt")
    assert [(f.kind, f.period) for f in wanyuan.facts if f.text in ("140亿元", "4%")] == [
        ("estimate", "2020"), ("estimate", "2020")]
    assert {f.kind for f in wanyuan.facts if f.period in ("2025", "2035")} == {"target"}
    news = planwatch.extract_text(
        "中国首迎10万亿GDP省份 26省份今年GDP目标出炉\n"
        "  2020年省级地方两会密集召开,在晒出2019年成绩单的同时,各省份今年经济社会发展预期目标也陆续出炉。\n\n"
        "  1月14日,广东省政府工作报告指出,初步预计2019年广东地区生产总值10.5万亿元以上,同比增长6.3%左右。\n",
        context=planwatch.StatedContext(date="2020-01", doc_type="新闻报道"))
    assert [(f.text, f.kind, f.period) for f in news.facts if f.text in ("10.5万亿元以上", "6.3%左右")] == [
        ("10.5万亿元以上", "estimate", "2019"), ("6.3%左右", "estimate", "2019")]
    hailaer = planwatch.extract(CORPUS / "hailaer" / "hailaer_2016.txt")
    assert [(f.kind, f.period) for f in hailaer.facts if f.text == "700万人次"] == [("target", "2016")]
    jinzhou = planwatch.extract(CORPUS / "jinzhou" / "004_9898a4a294c82fae.txt")
    assert [(f.kind, f.period) for f in jinzhou.facts if f.text == "9 亿立方米"] == [("target", "2025")]


def test_a_list_of_differences_takes_the_names_of_the_list_before_it():
    """Round m (安庆 1-8月 2022: ``战略性新兴产业产值、高技术产业增加值、高新技术产业增加值分别增长29.7%、22.1%、19.6%,
    比7月份高8.4、17.5、7.8个百分点``): a list of as many numbers right after a ``分别`` list, led by a comparison
    with no subject of its own, pairs with it in order (all three were ``比7月份高``).  Accepted on a 2022-09
    provincial note on high-tech industry (stored in traditional characters; quoted here in simplified:
    ``环保产业、生物、电子信息和新能源领域分别增长…,高于全省12.2、5.7、3.9和2.2个百分点``, before all four
    named by the whole list) and 青海's 2018H1 news (``…分别增长29.1%和21.7%,分别快于规模以上工业增速20.5和13.1
    个百分点``); rejected where the comparison has its own subject and no list precedes it (丹寨县 2015:
    ``第二、第三产业占地区生产总值的比重分别回落2.16和1.66个百分点`` keeps its own names)."""
    anqing = _wider("releases/anqing_2022m1m8_news.txt")
    assert [f.indicator for f in anqing.facts if f.text in ("8.4", "17.5", "7.8个百分点")] == [
        "战略性新兴产业产值比7月份高", "高技术产业增加值比7月份高", "高新技术产业增加值比7月份高"]
    note = planwatch.extract_text(
        "高新技术产业七大领域稳步增长,航空航天领域增加值同比增长25.8%,增速居首位,高于全省18.0个百分点;"
        "环保产业、生物、电子信息和新能源领域分别增长20.0%、13.5%、11.7%和10.0%,高于全省12.2、5.7、3.9和2.2个百分点;"
        "新材料领域和高端技术装备制造领域分别增长6.4%和2.7%。\n",
        context=planwatch.StatedContext(date="2022-09", doc_type="新闻报道"))
    assert [f.indicator for f in note.facts if f.text in ("12.2", "2.2个百分点")] == [
        "环保产业高于全省", "新能源领域高于全省"]
    qinghai = _wider("releases/qinghai_2018h1_news.txt")
    assert [f.indicator for f in qinghai.facts if f.text in ("20.5", "13.1个百分点")] == [
        "规模以上工业高技术制造业快于规模以上工业增速", "装备制造业增加值快于规模以上工业增速"]
    danzhai = _wider("bulletins/danzhai_2015.txt")
    assert [f.indicator for f in danzhai.facts if f.text in ("2.16", "1.66个百分点")] == [
        "第二产业占地区生产总值的比重", "第三产业占地区生产总值的比重"]


def test_a_part_of_the_year_every_figure_paragraph_opens_on_is_the_documents():
    """Round n (大庆市统计局 2017, titled ``大庆市经济运行开局良好``, lead ``年初以来``): every figure paragraph opens
    on ``一季度`` (``一季度全市实现地区生产总值626.9亿元``), and the sentences that do not repeat it
    (``其中，一产实现增加值16.9亿元``, ``全市实现社会消费品零售总额290亿元``) were dated the whole year.  A part of
    the year that opens two or more sentences, and no other part opening any, is now the document's
    (``context.opening_part``).  Accepted on 广西日报's 2018H1 news (infographic captions after the lead,
    ``服务业对经济增长的贡献率为66.0%``, before dated 2018); rejected where openings name two parts (安庆's
    1-8月 2022 news opens on ``8月份`` and ``1-8月份``) or one opening only."""
    from planwatch.context import opening_part

    daqing = _wider("releases/daqing_2017q1.txt")
    assert [f.period for f in daqing.facts if f.text in ("16.9亿元", "290亿元", "24.5亿元")] == ["2017Q1"] * 3
    guangxi = _wider("news/guangxi_2018h1.txt")
    assert [f.period for f in guangxi.facts if f.text in ("66.0%", "10.2%")] == ["2018H1"] * 5
    anqing = (ROOT / "tests" / "data" / "wider" / "releases" / "anqing_2022m1m8_news.txt").read_text(encoding="utf-8")
    assert opening_part(anqing) is None
    assert opening_part("一季度全市实现地区生产总值626.9亿元。其中，一产16.9亿元。") is None


def test_a_decline_that_narrows_is_a_rise_in_points():
    """Round n (大庆 2016H1: ``中直经济实现增加值384.8亿元，同比下降1.2%，降幅比同期收窄2.2个百分点``): the change
    in points was read as negative, 降幅 being a word of decline.  A rate that narrows (lexicon
    ``measure_cues.narrowing``) moves toward zero: a decline's narrowing is a rise, a growth's a fall.
    Accepted on 乳源's 1-5月 release (``同比下降18.9%,降幅比1-4月收窄2.4个百分点``), 深圳's 2022H1 news
    (``降幅比一季度虽收窄5.9个百分点``) and 南都's 2020-07 item on the national half year
    (``降幅比一季度收窄7.1个百分点``, and a list ``降幅分别比一季度收窄0.6、8.8、4.3个百分点``); its
    ``增速比5月份加快0.4个百分点`` stays a rise."""
    daqing = _wider("releases/daqing_2016h1.txt")
    assert [f.value for f in daqing.facts if f.text in ("2.2个百分点", "1.9个百分点")] == [2.2, 1.9]
    ruyuan = _wider("releases/ruyuan_m1m5.txt")
    assert [f.value for f in ruyuan.facts if f.text == "2.4个百分点"] == [2.4]
    shenzhen = _wider("releases/sz_2022h1_news.txt")
    assert [f.value for f in shenzhen.facts if f.text == "5.9个百分点"] == [5.9]
    nandu = planwatch.extract_text(
        "上半年 , 全国规模以上工业增加值同比下降1.3% , 降幅比一季度收窄7.1个百分点;其中 , 二季度增长4.4% , "
        "一季度为下降8.4% 。 6月份 , 规模以上工业增加值同比增长4.8% , 增速比5月份加快0.4个百分点 , 连续3个月增长。\n"
        "分三大门类看 , 采矿业增加值下降1.1% , 制造业下降1.4% , 电力、热力、燃气及水生产和供应业下降0.9% , "
        "降幅分别比一季度收窄0.6、8.8、4.3个百分点 。\n",
        context=planwatch.StatedContext(date="2020-07", doc_type="新闻报道"))
    assert [(f.text, f.value) for f in nandu.facts if f.measure == "change_pp"] == [
        ("7.1个百分点", 7.1), ("0.4个百分点", 0.4), ("0.6", 0.6), ("8.8", 8.8), ("4.3个百分点", 4.3)]


def test_the_products_a_release_tracks_are_no_count_of_the_region():
    """Round n (大庆 2017 一季度: ``纳入统计的82种工业产品中，产量同比增长的有45种``): the number of products a
    statistics office tracks is the size of a classification, as ``40个行业大类`` is (lexicon
    ``classification_wholes``: ``工业产品``, ``产品``; unit ``种``); the part that grew is the fact.  Accepted on
    广东's 2026 report (``国家公布产量的104种工业产品中，我省在全国占比超过10%的有44种、超过20%的有23种``, 104种
    absent from the shared reference and before a false fact); rejected where no ``中`` closes the count
    (锦州 ``开发新产品580种`` stays a fact)."""
    daqing = _wider("releases/daqing_2017q1.txt")
    assert [f.text for f in daqing.facts if f.unit == "种"] == ["45种"]
    guangdong = planwatch.extract(PROVINCES / "2026_广东省_政府工作报告.txt")
    assert [f.text for f in guangdong.facts if f.unit == "种"] == ["44种", "23种", "11种"]
    jinzhou = planwatch.extract(CORPUS / "jinzhou" / "001_a4dd6afc1d6d7e9f.txt")
    assert "580种" in {f.text for f in jinzhou.facts}


def test_a_percent_of_positive_growth_is_a_growth():
    """Round n (大庆 2016 上半年: ``全市经济运行呈现“八增长两收窄”特点（GDP实现1.5%的正增长、…）``): a percent
    followed by ``的正增长`` was a level; ``的增长`` already made a growth (``保持20%以上增长``), and now ``的正增长``
    and ``的负增长`` (negative) do.  Accepted on a 2021 commentary on the trade war (``2020年中国GDP仍实现了2.3%的
    正增长，成为全球唯一实现正增长的主要经济体``); a share before ``的格局`` stays a level."""
    daqing = _wider("releases/daqing_2016h1.txt")
    assert [(f.measure, f.value) for f in daqing.facts if f.start == 209] == [("growth", 1.5)]
    commentary = planwatch.extract_text(
        "2020年中国GDP仍实现了2.3%的正增长，成为全球唯一实现正增长的主要经济体。\n"
        "全市服务业增加值占比为45.2%的格局基本形成。\n",
        context=planwatch.StatedContext(date="2021-03", doc_type="新闻报道"))
    assert [(f.text, f.measure) for f in commentary.facts] == [("2.3%", "growth"), ("45.2%", "level")]


def test_a_lead_saying_what_follows_is_a_plan_makes_targets():
    """Round 9 (docs/projects-reference.md): a digest of the 2022 work reports (``政府工作报告对2022年的重点工作
    进行了安排和部署，…主要内容汇总如下``), a ministry's programme (``交通运输部印发《关于扎实推动“十四五”规划…
    的工作方案》``) and a 上海 news item (``龚正说，上海将持续推进重大工程建设，全年完成投资2150亿元``) were read as
    reviews: their plans became actuals.  A lead that says what follows is a plan (lexicon ``plan_leads``) makes
    targets of the year or plan period it names; someone's words on what will be done (``speaker_verbs``) make
    their own paragraph a plan.  Accepted on a 宁夏 2023 item on a plan just issued (华兴时报: ``印发了《2023年
    自治区重点项目投资计划》``) and a 上海 2021 item (``龚正说，今年上海将启动建设嘉闵线…``); rejected on a lead
    that reviews as well (youth.cn 2017: ``报告回顾了2016年政府工作，对2017年工作作了总体部署``), on the 上海 2022
    item's words on last year (``龚正说，去年全市重大工程投资完成1957.5亿元``), on a meeting that arranged tasks,
    not a year's work (a 2016 district news: ``…并对各项任务的落实进行了安排部署``), on a plan adopted years before
    (甘肃's 十二五 midterm review: ``审议通过《…规划纲要》``) and on a plan issued deep in a review (古塔区 2011:
    ``出台了《2011年古塔区经济工作考核评比方案》``)."""
    from planwatch.structure import _plan_turn

    digest = _wider("news/heilongjiang_jilin_2022_reports_transport.txt")
    assert {(f.kind, f.period) for f in digest.facts if f.text in ("500个", "722公里", "307公里")} == {
        ("target", "2022")}
    shanghai = _wider("reports/shanghai_2023_major_works.txt")
    assert [(f.kind, f.period) for f in shanghai.facts if f.text in ("2150亿元", "15平方公里")] == [
        ("target", "2023"), ("target", "2023")]
    ministry = _wider("news/mot_2022_transport_key_projects.txt")
    assert find(ministry, "11项").kind == "target"
    # 广州's 十四五 news read without its manifest row is a plan outline by its header; after the lead on the
    # outline issued, "《纲要》提出“十四五”时期…" opens its goals, not the review of 十三五
    guangzhou = planwatch.extract(ROOT / "tests" / "data" / "wider" / "news" / "guangzhou_14th_plan_2021.txt")
    assert [(f.kind, f.period) for f in guangzhou.facts if f.text in ("6%左右", "88%")][-2:] == [
        ("target", "2021-2025"), ("target", "2025")]
    ningxia = planwatch.extract_text(
        "2023年自治区本级“155”重点项目计划“出炉”\n"
        "本报讯 近日，记者获悉，为充分发挥重点项目建设对扩大有效投资“压舱石”作用，近期，经自治区政府同意，"
        "自治区发展改革委印发了《2023年自治区重点项目投资计划》。\n"
        "2023年度，自治区确定“155”自治区本级重点项目投资计划，包括101个重点建设项目、52个重点预备开工项目、"
        "51个重点前期项目。其中，自治区本级重点建设项目101个，总投资4049亿元。\n",
        context=planwatch.StatedContext(region="宁夏回族自治区", doc_type="news"))
    assert {(f.kind, f.period) for f in ningxia.facts} == {("target", "2023")}
    said = "上海市第十五届人大五次会议1月24日上午在世博中心开幕。上海市市长龚正作政府工作报告。\n{}\n"
    context = planwatch.StatedContext(region="上海市", date="2021-01", doc_type="news")
    ahead = planwatch.extract_text(said.format(
        "龚正说，今年上海将启动建设嘉闵线、两港快线等轨道交通线，建成14号线、18号线部分区段共61公里轨道交通线。"),
        context=context)
    assert [(f.text, f.kind, f.period) for f in ahead.facts] == [("61公里", "target", "2021")]
    done = planwatch.extract_text(said.format("龚正说，去年全市重大工程投资完成1957.5亿元，增长14.6%。"
                                              "\n全年建成61公里轨道交通线。"), context=context)
    assert {f.kind for f in done.facts} == {"actual"}
    # the paragraph of someone's words ends the plan: the next paragraph is read as before
    after = planwatch.extract_text(said.format(
        "龚正说，今年上海将启动建设嘉闵线。\n2020年，全市重大工程投资完成1957.5亿元。"), context=context)
    assert [(f.text, f.kind) for f in after.facts] == [("1957.5亿元", "actual")]
    assert _plan_turn("报告回顾了2016年政府工作，对2017年工作作了总体部署，还明确了重点工作任务。") is None
    # a meeting on a quarter's figures arranges tasks, not a year's work (区政府 2016-03-30 news)
    assert _plan_turn("会议通报了2016年一季度全区经济运行情况，分析了当前存在的问题，分析预判了一季度全区经济形势，"
                      "并对各项任务的落实进行了安排部署。") is None
    assert _plan_turn("《政府工作报告》对2023年的工作进行了详细规划与部署，明确了新一年的主要目标。") == (2023, None)
    assert _plan_turn("2011年1月省十一届人大四次会议审议通过《甘肃省国民经济和社会发展第十二个五年规划纲要》。") is None
    assert _plan_turn("4月20日，市统计局发布《2022年锦州市国民经济和社会发展统计公报》。") is None
    gutaqu = planwatch.extract(CORPUS / "jinzhou" / "001_a4dd6afc1d6d7e9f.txt")
    assert "出台了《2011" in gutaqu.text.replace(" ", "")
    assert not [s for layout in planwatch.analysis.analysis_of(gutaqu).layouts for s in layout.sections
                if s.focus in ("plan", "said")]


def test_a_year_between_a_name_and_its_number_dates_it_and_is_no_part_of_the_name():
    """山西's 2026 report: ``非常规天然气产量2030年达到300亿立方米``, ``技术合同成交额2030年达到600亿元``; 深圳's
    2022 news: ``深圳GDP在2021年突破3万亿元``.  A year compared with (``快于2024年1.8个百分点``) is no such
    year: the change stays with GDP."""
    shanxi = planwatch.extract(CORPUS / "provinces-2026" / "2026_山西省_政府工作报告.txt")
    def at(words: str, number: str) -> tuple[str, str, str]:
        start = shanxi.text.index(words) + words.index(number)
        found = next(f for f in shanxi.facts if f.start == start)
        return found.mention, found.indicator, found.period

    assert at("非常规天然气产量2030年达到300亿立方米", "300") == ("非常规天然气产量", "非常规天然气产量", "2030")
    assert at("技术合同成交额2030年达到600亿元", "600") == ("技术合同成交额", "技术合同成交额", "2030")
    assert [f.mention for f in shanxi.facts if f.text == "1.8个百分点"] == ["GDP"]
    news = planwatch.extract(ROOT / "tests" / "data" / "wider" / "releases" / "sz_2022h1_news.txt")
    assert [(f.mention, f.period) for f in news.facts if f.text == "3万亿元"] == [("GDP", "2021")]


def test_a_sentence_looking_back_over_n_years_dates_what_was_done_over_them():
    """``五年来``/``四年来`` inside a sentence, in a paragraph that does not open on them, review those years as
    a paragraph opening on them would: counts of things done and averages get the span, levels reached the
    last year.  海拉尔区 2016 (``…工程，五年来，完成街巷硬化134.6公里、新建文化活动室17所…农村人均住房面积达到
    46平方米``), 株洲县 2006 (``五年来,全县GDP年均增长10%``), 苍山县 2012 (``四年来,全县累计新上…项目95个``)."""
    hailaer = planwatch.extract(CORPUS / "hailaer" / "hailaer_2016.txt")
    periods = {f.text: f.period for f in hailaer.facts if "十个全覆盖" in hailaer.text[max(0, f.start - 120):f.start]}
    assert periods["17所"] == periods["85公里"] == "2011-2015"
    assert periods["46平方米"] == "2015"
    zhuzhou = planwatch.extract(ROOT / "tests" / "data" / "wider" / "reports" / "zhuzhou_county_2006.txt")
    assert {f.period for f in zhuzhou.facts if f.text in ("10%", "15.21%", "22.91%")} == {"2001-2005"}
    cangshan = planwatch.extract(ROOT / "tests" / "data" / "wider" / "reports" / "cangshan_2012.txt")
    assert [f.period for f in cangshan.facts if f.text == "95个"] == ["2008-2011"]
    from planwatch.extractors.scope import read_time

    assert read_time("十五年来，全县", "全县").review_years is None


def test_the_parts_of_a_total_are_of_its_time():
    """万源's news of its 十四五 goals, read from its own text (no manifest, no year in it): ``到“十四五”末,万源全市
    地区生产总值要达到300亿元…。其中,一产业年均增速保持在2.6%以上、增加值总量冲刺63.3亿元`` — the sentence of the
    parts names no time, so its averages are over the plan period and its levels at its end (before: no period).
    Accepted on 锦州's 十四五 plan (``纳入全市“十四五”时期重点项目库共530个…。其中：…农业项目32个``: the parts of the
    plan's project list are over the period, as the total is).  Rejected where the parts' sentence names its own
    year (山东's 2021 news: ``其中,山东2021年全年服务业对经济增长的贡献率达59.5%``) and in a bulletin's breakdown
    of the year's product (赫章县 2021: the parts are of the bulletin's year, as before)."""
    path = ROOT / "tests" / "data" / "wider" / "news" / "wanyuan_14th_plan_2021.txt"
    wanyuan = planwatch.extract_text(path.read_text(encoding="utf-8"))
    assert [(f.text, f.measure, f.period) for f in wanyuan.facts if f.text in ("2.6%以上", "63.3亿元")] == [
        ("2.6%以上", "avg_growth", "2021-2025"), ("63.3亿元", "level", "2025")]
    jinzhou = planwatch.extract(CORPUS / "jinzhou" / "004_9898a4a294c82fae.txt")
    parts = [f for f in jinzhou.facts if f.text in ("32个", "120亿元") and f.indicator in ("农业项目", "投资")]
    assert [(f.text, f.period) for f in parts][:2] == [("32个", "2021-2025"), ("120亿元", "2021-2025")]
    assert parts[0].evidence["period"].startswith("part of “")
    shandong = planwatch.extract_text(
        "2021年,山东生产总值为83095.9亿元,比2020年的73129亿元增加了9966.9亿元。"
        "其中,山东2021年全年服务业对经济增长的贡献率达59.5%。", context=planwatch.StatedContext(date="2022-01"))
    assert [(f.text, f.period) for f in shandong.facts if f.text == "59.5%"] == [("59.5%", "2021")]
    hezhang = _wider("bulletins/hezhang_2021.txt")
    assert {f.period for f in hezhang.facts if f.text in ("54.91亿元", "27.28亿元", "80.6亿元")} == {"2021"}


def test_figures_without_a_name_of_their_own_take_the_frame_they_are_read_under():
    """News ranking provinces (新浪财经 on 2022Q1: ``从GDP同比增速来看，共有21个省份增速高于4.8%的全国水平，其中
    江西（6.9%）…``, and paragraphs later ``目前已公布的省份中，江西（6.9%）…``): a figure whose clause names only units
    (``省份``, ``江西（``), a rate alone (``名义增速``) or nothing is of the last frame's indicator
    (``从X来看``, ``X方面``), and a percent under a frame naming a rate is its growth (before: 41 figures named
    ``省份``, ``广东（``, ``名义``; 广东（3.3%） read as a level).  Rejected where the frame names no
    indicator (``从区域来看``) and where the clause names its own (大庆's 2016H1 release: ``从公有与非公有看，…
    公有制经济实现增加值833亿元``; 云南's 2022 news: ``从三大工业门类看,采矿业增加值同比增长11.8%,制造业增长8.3%``)."""
    news = _wider("news/jiangxi_2022q1_provinces.txt")
    by_region = {(f.text, f.region): f for f in news.facts}
    assert (by_region["3.3%", "广东省"].indicator, by_region["3.3%", "广东省"].measure) == ("地区生产总值", "growth")
    assert by_region["5.8%", "内蒙古自治区"].indicator == "地区生产总值"
    assert by_region["10804.66亿元", "湖北省"].indicator == "地区生产总值"
    assert [f.indicator for f in news.facts if f.text == "7%"] == ["居民人均可支配收入"]
    ranked = [f for f in news.facts if f.unit == "%" and f.start < 2000 and f.region != "全国"]
    assert len(ranked) >= 20 and {f.indicator for f in ranked} == {"地区生产总值"}
    framed = planwatch.extract_text("从区域来看，一季度东部地区增速相对放缓。\n其中，江西（6.9%）位列第一。",
                                    context=planwatch.StatedContext(region="江西省", date="2022-04"))
    assert [f.indicator for f in framed.facts] != ["地区生产总值"]
    daqing = _wider("releases/daqing_2016h1.txt")
    assert [f.indicator for f in daqing.facts if f.text == "833亿元"] == ["公有制经济实现增加值"]
    yunnan = _wider("news/yunnan_2022m1m7.txt")
    assert [(f.text, f.indicator) for f in yunnan.facts if f.text in ("11.8%", "8.3%")][:2] == [
        ("11.8%", "采矿业增加值"), ("8.3%", "制造业")]


def test_an_estimate_note_said_once_holds_for_the_rest_of_the_paragraph():
    """鲤城区's 十三五 plan, written in December 2015: ``“十二五”期间年均增长9.8%(预计数,下同);…一般公共预算收入
    12.09亿元…,年均增长11.7%,高于GDP增幅1.9个百分点。…服务业增加值占GDP比重达57%`` — the note makes the figures
    after it estimates too (before: actual).  Accepted in the other wording a plan uses (``（2015年为预计数，下同）``);
    rejected for a note of another kind (广州's 十四五 news: ``3.5万亿元(人民币,下同)`` stays a target, 西藏's 2017H1
    news keeps its actuals)."""
    licheng = _wider("plans/licheng_13th_plan_2015.txt")
    assert {f.kind for f in licheng.facts if f.text in ("12.09亿元", "11.7%", "57%")} == {"estimate"}
    other = planwatch.extract_text(
        "“十二五”时期，全县地区生产总值达到120亿元（2015年为预计数，下同），年均增长9%；财政总收入10亿元。\n"
        "2014年，全县粮食产量50万吨。",
        context=planwatch.StatedContext(region="岳阳县", date="2015-12", doc_type="规划纲要"))
    assert [(f.text, f.kind) for f in other.facts] == [
        ("120亿元", "estimate"), ("9%", "estimate"), ("10亿元", "estimate"), ("50万吨", "actual")]
    guangzhou = _wider("news/guangzhou_14th_plan_2021.txt")
    assert {f.kind for f in guangzhou.facts if f.text == "3.5万亿元"} == {"target"}
    tibet = _wider("news/tibet_2017h1.txt")
    assert "estimate" not in {f.kind for f in tibet.facts}


def test_a_list_led_by_its_years_dates_each_number_by_its_year():
    """大庆's 2017Q1 release: ``地方工业实现增加值116.1亿元，同比增长6.8%（2015和2016年同期增速分别为3.3%、0.5%）`` —
    before, the years were taken for names (``2015``, ``2016年同期``) and both dated 2016Q1; now each number is its
    year's (the same quarter: 同期) and of the indicator just before the list.  Accepted in a report's wording
    (``2019年、2020年分别增长7.2%和3.6%``); rejected where the list leads with places (``广州、深圳…分别``) or the
    years list no numbers (山东's 2026 report: ``…突破3400公里，2027年、2028年分别建成津潍、潍宿高铁``)."""
    daqing = _wider("releases/daqing_2017q1.txt")
    listed = [(f.text, f.period) for f in daqing.facts if f.indicator == "地方工业实现增加值" and f.measure == "growth"]
    assert listed == [("6.8%", "2017Q1"), ("3.3%", "2015Q1"), ("0.5%", "2016Q1")]
    report = planwatch.extract_text("2021年，全县地区生产总值增长8.5%，2019年、2020年分别增长7.2%和3.6%。",
                                    context=planwatch.StatedContext(region="岳阳县", date="2022-02"))
    assert [(f.text, f.indicator, f.period) for f in report.facts] == [
        ("8.5%", "地区生产总值", "2021"), ("7.2%", "地区生产总值", "2019"), ("3.6%", "地区生产总值", "2020")]
    places = planwatch.extract_text("2021年，广州、深圳地铁线网单日最高客运量分别达1409万、1305万人次。",
                                    context=planwatch.StatedContext(region="广东省", date="2022-02"))
    assert [(f.region, f.period) for f in places.facts] == [("广州市", "2021"), ("深圳市", "2021")]
    railways = planwatch.extract_text("政府工作报告\n"
                                      "今年建成雄商、济滨高铁，高铁里程突破3400公里，2027年、2028年分别建成津潍、潍宿高铁。",
                                      context=planwatch.StatedContext(region="山东省", date="2026-01"))
    assert [(f.text, f.period) for f in railways.facts] == [("3400公里", "2026")]


def test_a_planned_sowing_is_a_target():
    """大庆's 2017Q1 release: ``全市计划播种面积1128万亩`` is the year's plan, a target of 2017 (before: an actual of
    2017Q1).  Accepted in ``计划种植``; rejected where the sowing is done (``已播种面积``)."""
    daqing = _wider("releases/daqing_2017q1.txt")
    assert [(f.kind, f.period) for f in daqing.facts if f.text == "1128万亩"] == [("target", "2017")]
    release = planwatch.extract_text("一季度，全县计划种植水稻5万亩。截至3月末，已播种面积0.8万亩。",
                                     context=planwatch.StatedContext(region="岳阳县", date="2017-04",
                                                                     doc_type="经济数据"))
    assert [(f.text, f.kind) for f in release.facts] == [("5万亩", "target"), ("0.8万亩", "actual")]


def test_a_milestone_verb_or_a_bare_total_is_of_the_indicator_just_measured():
    """``2010年全省人均生产总值23644元,…,登上了3000美元的新台阶`` (海南's 2010 bulletin) and
    ``预计地区生产总值增长7%以上,总量迈上7000亿元台阶`` (长春's 2019 report news) were named ``登上`` and ``总量``;
    they are the indicator just measured, at least the milestone.  A total after an addition is the stock of what
    was added (广东's 2026 report: ``新登记经营主体320万户、增长13%，总量达2037.7万户`` → 经营主体总量, the
    reference's name).  Rejected: a total
    named with its own noun (``信访总量下降9.6%``) keeps it."""
    hainan = _wider("bulletins/hainan_2010.txt")
    milestone = [(f.indicator, f.qualifier) for f in hainan.facts if f.text == "3000美元"]
    assert milestone == [("人均地区生产总值", "at_least")]
    changchun = _wider("news/changchun_2019_report_news.txt")
    assert {f.indicator for f in changchun.facts if f.text == "7000亿元"} == {"地区生产总值"}
    report = planwatch.extract_text(
        "新登记经营主体320万户、增长13%，总量达2037.7万户。新增境内外上市公司45家、总量达1224家。信访总量下降9.6%。",
        context=planwatch.StatedContext(region="广东省", date="2026-01", doc_type="政府工作报告"))
    assert [(f.text, f.mention) for f in report.facts] == [
        ("320万户", "新登记经营主体"), ("13%", "新登记经营主体"), ("2037.7万户", "经营主体总量"),
        ("45家", "新增境内外上市公司"), ("1224家", "境内外上市公司总量"), ("9.6%", "信访总量")]


def test_an_amount_of_a_latin_named_indicator_after_it_takes_that_name():
    """``相比2020年102719亿元的GDP，也增加了约1.36万亿元`` (粤苏鲁 news of 2021): the amount is of the GDP named after
    it with 的 (before: ``相比年``, the remains of its comparison).  Rejected without 的: a unit written in Latin
    letters right after a number (甘肃's 2026 report: ``算力规模…万P``) is no name."""
    news = _wider("news/yue_su_lu_2021_gdp.txt")
    assert {f.indicator for f in news.facts if f.text == "102719亿元"} == {"地区生产总值"}
    report = planwatch.extract_text("全省算力规模达到3.3万P。",
                                    context=planwatch.StatedContext(region="甘肃省", date="2026-01",
                                                                    doc_type="政府工作报告"))
    assert [f.indicator for f in report.facts] != ["P"]


def test_an_amount_bounding_a_counted_noun_is_part_of_its_name():
    """``奥迪Q工厂、中粮聚乳酸等11个投资超10亿元工业项目竣工投产`` (长春's 2019 report news): the count is of
    ``投资超10亿元工业项目``, and the 10亿元 no fact of its own (before: the count named ``投资超`` and a false
    10亿元).  Accepted on 锦州's 2022 report (``8个投资10亿元以上重大农产品加工项目建设``: before ``投资``).
    Rejected where the amount is a figure of its own (``新签约项目15个，投资额32亿元``)."""
    changchun = _wider("news/changchun_2019_report_news.txt")
    assert [f.indicator for f in changchun.facts if f.text == "11个"] == ["投资超10亿元工业项目竣工投产"]
    assert not [f for f in changchun.facts if f.text == "10亿元"]
    jinzhou = planwatch.extract(CORPUS / "jinzhou" / "001_a4dd6afc1d6d7e9f.txt")
    assert "投资10亿元以上重大农产品加工项目建设" in {f.indicator for f in jinzhou.facts if f.text == "8个"}
    report = planwatch.extract_text("全市新签约项目15个，投资额32亿元。",
                                    context=planwatch.StatedContext(region="长春市", date="2019-01",
                                                                    doc_type="政府工作报告"))
    assert [(f.text, f.indicator) for f in report.facts] == [("15个", "新签约项目"), ("32亿元", "投资额")]


def test_the_years_ahead_are_a_plan_period_of_goals():
    """吉木萨尔县's news of its 十三五 outline, issued in November 2015: ``依据该规划,未来五年吉木萨尔县地区生产总值
    年均递增14%,将达260亿元`` — goals over 2016—2020 (before: results of 2011—2015, or of 2015).  Accepted in a
    news item of a county congress that names no plan (``今后五年，全县地区生产总值年均增长8%，达到300亿元`` in
    2021: 2021—2025); rejected where the goals' plan is already in force (福建's 2026 report: ``今后五年…地区生产
    总值年均增长5%左右`` stays 2026—2030) and where the text does not look ahead (旺苍县's goals keep theirs)."""
    text = (WIDER / "plans/jimsar_13th_plan_news_2015.txt").read_text(encoding="utf-8")
    for jimsar in (_wider("plans/jimsar_13th_plan_news_2015.txt"), planwatch.extract_text(text)):
        assert [(f.text, f.kind, f.period) for f in jimsar.facts if f.text in ("14%", "260亿元")][:2] == [
            ("14%", "target", "2016-2020"), ("260亿元", "target", "2020")]
    news = planwatch.extract_text("今后五年，全县地区生产总值年均增长8%，达到300亿元。",
                                  context=planwatch.StatedContext(region="岳阳县", date="2021-02",
                                                                  doc_type="新闻报道"))
    assert [(f.text, f.kind, f.period) for f in news.facts] == [
        ("8%", "target", "2021-2025"), ("300亿元", "target", "2025")]
    fujian = planwatch.extract(PROVINCES / "2026_福建省_政府工作报告.txt")
    assert {f.period for f in fujian.facts if f.text == "5%左右" and f.measure == "avg_growth"} == {"2026-2030"}


def test_a_list_since_a_year_runs_over_the_years_after_it():
    """江西's 2014H1 news: ``2010年以来,我省年度GDP分别增长14%、12.5%、11%、10.1%`` is 2010…2013, and
    ``2013年一季度以来,GDP累计增速分别为10.3%、10.2%、10.1%、10.1%、9.3%`` the running totals 2013Q1, 2013H1,
    2013Q1-Q3, 2013, 2014Q1 (before: all the release's 2014H1, or 2013Q1).  Accepted in a county's wording
    (``2016年以来，全县历年财政收入分别增长…``); rejected where the list names several indicators since a year
    (``2018年以来，全市地区生产总值和财政收入分别增长20%、15%``: one period) or quarters without 累计."""
    jiangxi = _wider("news/jiangxi_2014h1.txt")
    since = (WIDER / "news/jiangxi_2014h1.txt").read_text(encoding="utf-8").index("2010年以来")
    periods = [f.period for f in jiangxi.facts if f.start > since][:9]
    assert periods == ["2010", "2011", "2012", "2013", "2013Q1", "2013H1", "2013Q1-Q3", "2013", "2014Q1"]
    context = planwatch.StatedContext(region="岳阳县", date="2019-02", doc_type="新闻报道")
    county = planwatch.extract_text("2016年以来，全县历年财政收入分别增长8%、9%、10%。", context=context)
    assert [f.period for f in county.facts] == ["2016", "2017", "2018"]
    several = planwatch.extract_text("2018年以来，全县地区生产总值和财政收入分别增长20%、15%。", context=context)
    assert len({f.period for f in several.facts}) == 1
    quarters = planwatch.extract_text("2018年一季度以来，全县GDP增速分别为8%、7%。", context=context)
    assert "2018H1" not in {f.period for f in quarters.facts}


def test_a_zone_right_after_its_sentences_time_is_the_region_of_that_part():
    """江西's 2014H1 news: ``上半年,昌九经济体累计实现规模以上工业增加值998.9亿元,占全省的34.2%,同比提高0.6个百分点;…``
    — the zone (lexicon ``zone_subjects``: 经济体 now a suffix, 规模以上工业 a head, its verb may come first)
    after the sentence's time words is the subject of its ；-part, as a zone opening a sentence is (before: the
    province).  Accepted on a city group (``2021年，长株潭都市圈实现地区生产总值1.8万亿元，增长8%``); rejected where
    the sentence goes on with an action (``上半年，加快建设湘江新区，完成投资120亿元``: not_openings)."""
    jiangxi = _wider("news/jiangxi_2014h1.txt")
    assert [f.region for f in jiangxi.facts if f.text in ("998.9亿元", "34.2%", "0.6个百分点")] == ["昌九经济体"] * 3
    context = planwatch.StatedContext(region="湖南省", date="2022-01", doc_type="新闻报道")
    group = planwatch.extract_text("2021年，长株潭都市圈实现地区生产总值1.8万亿元，增长8%。", context=context)
    assert [f.region for f in group.facts] == ["长株潭都市圈", "长株潭都市圈"]
    action = planwatch.extract_text("上半年，加快建设湘江新区，完成投资120亿元。", context=context)
    assert [f.region for f in action.facts] == ["湖南省"]


def test_ahead_of_time_is_no_name():
    """宜丰县's 2009 report: ``财政总收入3.12亿元,增长37%,提前两年实现翻番目标`` — the doubling is of 财政总收入, not of
    ``提前两年`` (before).  Accepted in another wording (``…增长12%，提前一年完成翻番``); rejected where the clause
    names its own subject after the words (``提前两年实现农村贫困人口脱贫1.2万人``)."""
    yifeng = _wider("reports/yifeng_2009.txt")
    assert [f.indicator for f in yifeng.facts if f.text == "翻番"] == ["财政总收入"]
    context = planwatch.StatedContext(region="宜丰县", date="2010-02", doc_type="政府工作报告")
    other = planwatch.extract_text("全县地区生产总值36.8亿元，增长12%，提前一年完成翻番。", context=context)
    assert {f.indicator for f in other.facts if f.text == "翻番"} == {"地区生产总值"}
    own = planwatch.extract_text("全县提前两年实现农村贫困人口脱贫1.2万人。", context=context)
    assert "农村贫困人口脱贫" in own.facts[0].indicator


def test_a_sentences_five_year_total_sums_what_each_clause_did():
    """海拉尔区's 2016 report: ``五年共实施重点工业项目141个，累计完成工业固定资产投资196亿元，完成规模以上工业总产值
    745亿元`` — the 745亿元 is the five years' output, 2011–2015 (before: 2015's, which the demo then showed as
    a conflict with 2015's 188亿元).  Accepted in a county's review (``五年累计…，完成规模以上工业总产值800亿元``);
    rejected for a level reached in the same sentence (``规模以上工业企业达到62户`` stays 2015's)."""
    hailaer = planwatch.extract(CORPUS / "hailaer" / "hailaer_2016.txt")
    assert [(f.text, f.period) for f in hailaer.facts if f.text in ("62户", "745亿元")] == [
        ("62户", "2015"), ("745亿元", "2011-2015")]
    review = planwatch.extract_text(
        "政府工作报告\n一、“十三五”时期工作回顾\n五年累计新建公路300公里，完成规模以上工业总产值800亿元，城镇化率达到55%。",
        context=planwatch.StatedContext(region="岳阳县", date="2021-02", doc_type="政府工作报告"))
    assert [(f.text, f.period) for f in review.facts] == [
        ("300公里", "2016-2020"), ("800亿元", "2016-2020"), ("55%", "2020")]


def test_an_indicator_named_in_latin_letters_is_followed_by_its_amount():
    """重庆's 2022Q1 news: ``一季度重庆实现GDP 6398亿元,同比增长5.2%`` — letters glued to a number are a name
    (``5G``, ``PM2.5``), but an indicator's own Latin name (indicators.yaml: GDP, CPI) with a number and its unit
    after it is that indicator's amount (before: missed, and the growth after it named ``重庆实现GDP6398亿元``).
    Accepted in the news of the sub-provincial cities (``成都上半年实现GDP9602.72亿元``); rejected for names with
    digits (上海's ``PM2.5年均浓度``, 吉林's ``G331通车``, 内蒙古's ``5G基站``)."""
    cities = _wider("news/sub_provincial_cities_2021h1.txt")
    assert [(f.indicator, f.measure) for f in cities.facts if f.text in ("9602.72亿元", "13.1%")] == [
        ("地区生产总值", "level"), ("地区生产总值", "growth")]
    for name, kept in (("上海市", "26.3微克/"), ("吉林省", None), ("内蒙古自治区", "9.5万座")):
        doc = planwatch.extract(PROVINCES / f"2026_{name}_政府工作报告.txt")
        texts = [f.text for f in doc.facts]
        assert not any(t in ("2.5", "331", "334", "5", "60") for t in texts), name
        assert kept is None or any(t.startswith(kept) for t in texts), name


def test_a_count_of_yi_said_aloud_is_an_amount_in_yi():
    """新县's 2019 report: ``地方公共财政预算收入6.06亿元,…连续三年每年增加1个亿`` — ``1个亿`` is 1亿 (lexicon
    ``counted_magnitudes``), not a count ``1个`` named ``亿`` (before).  Accepted in 厦门's 2016 news
    (``这10个亿准备怎么花呢``, back to the year's 10亿元 of investment) and ``一个多亿``; rejected before 元 or 级,
    where the count is of things of that size (``新开工5个亿元以上项目``: 5个)."""
    xiamen = _wider("news/xiamen_2016_plan.txt")
    assert [(f.text, f.value, f.unit) for f in xiamen.facts if f.start == 82] == [("10个亿", 10, "亿")]
    context = planwatch.StatedContext(region="新县", date="2019", doc_type="政府工作报告")
    said = planwatch.extract_text("全年引进一个多亿的投资，新开工5个亿元以上项目。", context=context)
    assert [(f.text, f.value, f.unit, f.qualifier) for f in said.facts] == [
        ("一个多亿", 1, "亿", "at_least"), ("5个", 5, "个", None)]


def test_a_subjectless_fenbie_list_takes_the_things_the_clause_before_lists():
    """A ``分别`` list with no subject of its own after a clause that lists things and comments on them names
    the numbers after those things, in order (lexicon ``list_predicates``; a count of the list, ``两大行业``, ends
    the names too).  Two unseen documents of round u, each the other's example: 重庆's 2022Q1 news
    (``汽车制造业、电气机械及器材制造业两大行业对工业增长贡献最为突出,分别增长16.8%和25.4%``) and 缙云县's 2023H1 page
    (``禽蛋产量、水果和蔬菜增长较快,增速分别达9.1%、7.5%、5.5%``); before, every number was named by the
    clause's last sixteen characters (``业两大行业对工业增长贡献最为突出``).  Rejected where the clause before holds
    amounts (成都's 2014 report: ``城镇居民人均可支配收入29913元、农民人均纯收入12880元,分别增长10%和12%``; 云南's
    1-7月 news: ``有色金属冶炼和压延加工业增长13.4%,分别比上半年提高6.8、2.0个百分点``): both keep their names."""
    chongqing = _wider("news/chongqing_2022q1.txt")
    named = [f.indicator for f in chongqing.facts if f.text in ("16.8%", "25.4%")]
    assert named == ["汽车制造业", "电气机械及器材制造业"]
    jinyun = _wider("news/jinyun_2023h1.txt")
    assert [f.indicator for f in jinyun.facts if f.start in (439, 444, 449)] == ["禽蛋产量", "水果", "蔬菜"]
    chengdu = _wider("reports/chengdu_2014.txt")
    assert [f.indicator for f in chengdu.facts if f.start in (370, 374)] == ["城镇居民人均可支配收入", "农民人均纯收入"]
    yunnan = _wider("news/yunnan_2022m1m7.txt")
    assert [f.indicator for f in yunnan.facts if f.start in (340, 344)] == ["装备制造业", "高技术制造业"]


def test_a_unit_named_after_a_bulletin_s_time_words_is_no_part_of_the_name():
    """江州区's 2019 bulletin: ``初步核算，全年江州区生产总值[2](GDP)1975798万元``, ``年末江州区农业机械总动力…``
    — the unit after 全年/年末 is the fact's region, not part of the indicator (before: ``江州区生产总值(GDP)``,
    ``江州区农业机械总动力``), as after ``未来五年`` (吉木萨尔县's news, still so); ``生产总值(GDP)`` is
    地区生产总值 (indicators.yaml).  Accepted on 广西's 2018H1 news (``上半年全区生产总值(GDP)8762.63亿元``, before
    named ``生产总值(GDP)``) and on a county bulletin's line of the same shape (no other document of the corpora
    writes its unit after 全年)."""
    guangxi = _wider("news/guangxi_2018h1.txt")
    assert [f.indicator for f in guangxi.facts if f.text in ("8762.63亿元", "6.2%")] == ["地区生产总值"] * 2
    context = planwatch.StatedContext(region="丹寨县", date="2016-04", doc_type="统计公报")
    line = planwatch.extract_text("年末丹寨县常住人口13.2万人，全年丹寨县生产总值(GDP)41.9亿元。", context=context)
    assert [f.indicator for f in line.facts] == ["常住人口", "地区生产总值"]
    jimsar = _wider("plans/jimsar_13th_plan_news_2015.txt")
    assert all("吉木萨尔县" not in f.indicator for f in jimsar.facts)


def test_an_ordinal_written_once_for_three_industries():
    """江州区's 2019 bulletin: ``第一、二、三产业增加值占生产总值的比重分别为16.1%、29.0%、54.9%`` — the ordinal 第 is
    written once for three (lexicon ``compound_subjects``; the 、 inside that word no longer makes the subject a list
    of other things): 第一产业…, 第二产业…, 第三产业… (before: ``第一业…``, ``二产业…``, ``三产业…``).  Accepted on
    黑龙江's 2018Q1 news (``第一、二、三产业增加值分别增长4.3%、4.0%和6.6%``); a subject listing other things besides
    the word is still a list of its own (锦州's ``城镇和农村居民人均可支配收入分别…``, test above)."""
    hlj = _wider("news/heilongjiang_2018q1.txt")
    assert [f.indicator for f in hlj.facts if f.start in (152, 157, 162)] == [
        "第一产业增加值", "第二产业增加值", "服务业增加值"]


def test_a_pages_counter_is_furniture_clicks_in_prose_are_facts():
    """辽阳's 2018 bulletin (round t), copied with its header ``来源:辽阳市统计局 作者: 点击:4582次``: a counter's label
    and colon right before the number mark how often the page was read (lexicon ``page_counters``; before: a fact
    ``4582次``).  Rejected in another portal's header of the same shape; accepted in prose about clicks and visits,
    which has no colon there: 锦州's ``服务点击量超过 200 余万次``, 广东 2026 ``相关报道总点击量超610亿次``, 湖南 2026
    ``月访问量稳定在2000万人次``."""
    context = planwatch.StatedContext(region="安康市", date="2023-07", doc_type="经济数据")
    header = planwatch.extract_text(
        "发布时间：2023-07-31 17:55 浏览次数：1532次\n上半年，全市生产总值593.11亿元。", context=context)
    assert [f.text for f in header.facts] == ["593.11亿元"]
    jinzhou = planwatch.extract(CORPUS / "jinzhou" / "004_9898a4a294c82fae.txt")
    assert any(f.text == "200 余万次" and f.indicator == "服务点击量" for f in jinzhou.facts)
    for province, text, indicator in (("广东省", "610亿次", "相关报道总点击量"), ("湖南省", "2000万人次", "月访问量")):
        doc = planwatch.extract(PROVINCES / f"2026_{province}_政府工作报告.txt")
        assert any(f.text == text and f.indicator == indicator for f in doc.facts), province


def test_the_levels_a_milestone_list_passes_are_facts_the_count_is_not():
    """包头's 2013 report (round t): ``经济总量跨越了两千亿元和三千亿元两个台阶`` — both levels are the economy's,
    each a lower bound (before: the second was dropped with the count after it, and the first named ``经济总量跨越``).
    Accepted in 福建 2026 (``经济总量连跨5万亿元、6万亿元两个台阶``: 连跨 a milestone verb, lexicon) and 北京 2026
    (``经济总量连续迈上4万亿、5万亿两个台阶``) and 浙江 2026 (``连续跨越7万亿、8万亿、9万亿三个大台阶``: the bound runs
    along the list); the count of milestones alone stays no fact (江苏 2026
    ``连续迈上4个万亿元台阶``, 吉林 2026 ``跨越3个千亿元台阶``)."""
    for province, texts in (("福建省", ("5万亿元", "6万亿元")), ("北京市", ("4万亿", "5万亿")),
                            ("浙江省", ("7万亿", "8万亿", "9万亿"))):
        doc = planwatch.extract(PROVINCES / f"2026_{province}_政府工作报告.txt")
        passed = [(f.indicator, f.qualifier) for f in doc.facts if f.text in texts and f.indicator == "地区生产总值"]
        assert passed == [("地区生产总值", "at_least")] * len(texts), province
    for province, words in (("江苏省", "连续迈上4个万亿元台阶"), ("吉林省", "跨越3个千亿元台阶")):
        doc = planwatch.extract(PROVINCES / f"2026_{province}_政府工作报告.txt")
        text = (PROVINCES / f"2026_{province}_政府工作报告.txt").read_text(encoding="utf-8")
        at = text.index(words)
        assert not [f for f in doc.facts if at <= f.start < at + len(words)], province


def test_a_comparison_with_the_whole_year_before_names_nothing():
    """长春's 一季度 2024 news (round t): ``全市规上工业总产值增长10.7%,比上年全年加快1.8个百分点``
    — the change is of the output's growth (before: named ``比上年全年加快``).  Accepted in 大庆's
    2016H1 analysis (``…比一季度提高0.3个百分点，比去年全年提高3.8个百分点``: was ``比去年全年``);
    a name with its own subject after the base stays (``比上年全年工业投资``)."""
    from planwatch.extractors.prose import _comparison_only

    daqing = _wider("releases/daqing_2016h1.txt")
    assert [f.indicator for f in daqing.facts if f.text in ("0.9个百分点", "0.3个百分点", "3.8个百分点")][:3] == [
        "地区生产总值"] * 3
    assert _comparison_only().match("比去年全年提高") and _comparison_only().match("较2022年全年")
    assert not _comparison_only().match("比上年全年工业投资")


def test_an_amount_per_year_in_a_review_is_the_spans_average():
    """包头's 2013 report (round t): ``预计2012年全市生产总值完成3440亿元左右,…;固定资产投资五年累计完成9091亿元,
    年均增加349亿元`` — the amount per year averages the five years reviewed, 2008–2012, however the sentence named 2012
    before it (before: 2012; lexicon ``period_cues.average``).  Accepted as it was where no year is named (上海 2026
    ``年均新增就业岗位61.4万个``, 2021–2025); a year's level in the same review sentence stays the year's
    (``预计2012年…3440亿元``), and an amount per year in a one-year plan is that year's."""
    baotou = _wider("reports/baotou_2013.txt")
    assert [(f.text, f.period) for f in baotou.facts if f.text in ("3440亿元左右", "9091亿元", "349亿元")] == [
        ("3440亿元左右", "2012"), ("9091亿元", "2008-2012"), ("349亿元", "2008-2012")]
    shanghai = planwatch.extract(PROVINCES / "2026_上海市_政府工作报告.txt")
    assert [f.period for f in shanghai.facts if f.text == "61.4万个"] == ["2021-2025"]
    review = planwatch.extract_text(
        "政府工作报告\n一、过去五年工作回顾\n五年来，2015年全县地区生产总值达到120亿元，年均新增城镇就业3000人。",
        context=planwatch.StatedContext(region="岳阳县", date="2016-02", doc_type="政府工作报告"))
    assert [(f.text, f.period) for f in review.facts] == [("120亿元", "2015"), ("3000人", "2011-2015")]
    plan = planwatch.extract_text(
        "政府工作报告\n二、2016年工作安排\n今年，全县年均新增城镇就业3000人。",
        context=planwatch.StatedContext(region="岳阳县", date="2016-02", doc_type="政府工作报告"))
    assert [(f.text, f.period) for f in plan.facts] == [("3000人", "2016")]


def test_a_bare_measure_after_a_named_one_is_of_the_same_subject():
    """安康's 上半年 2023 release (round t): ``全市夏粮播种面积121.23万亩,产量24.88万吨`` and
    ``农林牧渔业总产值147.21亿元,增长3.5%,实现增加值86.48亿元``: the bare 产量 and 增加值 are
    夏粮's and 农林牧渔业's (lexicon ``shared_heads``; before: ``产量``, ``增加值``).  Accepted in
    平遥's 2017 bulletin (``油料面积333.3公顷,产量693吨`` → 油料产量) and 大庆's 2014 rural analysis
    (``棚室果蔬类播种面积18.9万亩，产量43万吨``); rejected where the measure before names no subject of
    its own (``播种面积12万亩，产量5万吨`` stays 产量), for a project's attributes (锦州's ``建筑面积 108 万平方米,
    总投资 41 亿元``), after a bare verb (``新增投资 400 亿元，实现产值 700 亿元``) and past a ``；``
    (海拉尔区 2016: ``人均道路面积达到18.99平方米，…；五年累计投资5.1亿元``)."""
    pingyao = _wider("bulletins/pingyao_2017.txt")
    assert {f.text: f.indicator for f in pingyao.facts if f.text in ("693吨", "911吨")} == {
        "693吨": "油料产量", "911吨": "中草药材产量"}
    daqing = _wider("releases/daqing_2014_rural.txt")
    assert [f.indicator for f in daqing.facts if f.text == "43万吨"] == ["棚室果蔬类产量"]
    context = planwatch.StatedContext(region="平遥县", date="2017", doc_type="统计公报")
    bare = planwatch.extract_text("全年播种面积12万亩，产量5万吨。", context=context)
    assert [f.indicator for f in bare.facts if f.text == "5万吨"] == ["产量"]
    # a project's attributes, an amount after a bare verb and one past a ；-part keep their own names
    jinzhou = planwatch.extract(CORPUS / "jinzhou" / "001_a4dd6afc1d6d7e9f.txt")
    assert {f.indicator for f in jinzhou.facts if f.text in ("41 亿元", "24.36 亿元")} == {"总投资"}
    plan = planwatch.extract(CORPUS / "jinzhou" / "004_9898a4a294c82fae.txt")
    assert "新增产值" not in {f.indicator for f in plan.facts}
    hailaer = planwatch.extract(CORPUS / "hailaer" / "hailaer_2016.txt")
    assert [f.indicator for f in hailaer.facts if f.text == "5.1亿元"] == ["投资"]


def test_a_second_fenbie_list_takes_the_names_given_since_the_first():
    """安康's 上半年 2023 release (round t): ``夏粮播种面积…,产量…,分别增长0.1%和0.7%;油菜籽播种面积90.77万亩,
    产量12.35万吨,分别增长4.6%和4.9%`` — the second list is of the rapeseed figures just named (before: 4.6% was named
    ``夏粮播种面积``, the first list's).  Accepted on a county's wording of the same shape; rejected where nothing new
    was named between the lists: 广东's ``汽车、电气、电子和电力累计增速分别为…，两年平均增速分别为…`` and 凌河区's
    ``…年均增速分别为6.5%、10%和25%,总量分别达到170亿元、54亿元和34亿元`` keep the first list's names."""
    context = planwatch.StatedContext(region="平遥县", date="2017", doc_type="统计公报")
    crops = planwatch.extract_text("全年小麦播种面积10万亩，产量4万吨，分别增长1.2%和2.1%；玉米播种面积8万亩，"
                                   "产量5万吨，分别增长3.0%和4.1%。", context=context)
    assert [(f.text, f.indicator) for f in crops.facts if f.text.endswith("%")] == [
        ("1.2%", "小麦播种面积"), ("2.1%", "小麦产量"), ("3.0%", "玉米播种面积"), ("4.1%", "玉米产量")]
    guangdong = _wider("releases/gd_2021m1m2_news.txt")
    assert [f.indicator for f in guangdong.facts if f.text in ("7.3%", "12.1%", "5.2%", "3.7%")][:4] == [
        "汽车", "电气", "电子", "电力"]
    linghe = planwatch.extract(CORPUS / "jinzhou" / "003_821d0610ff899f65.txt")
    assert [f.indicator for f in linghe.facts if f.text in ("54亿元", "34亿元") and f.kind == "target"] == [
        "固定资产投资", "规模以上工业总产值"]


def test_an_amount_done_in_the_years_a_sentence_reviews_is_their_total():
    """兴文县's 2021 report: ``五年来,全社会固定资产投资预计完成469亿元、…,成功对上争取无偿资金54.7亿元`` — what the
    sentence's five years did or won is their total, 2016–2020, estimate or not (before: 2020's; lexicon
    ``period_cues.review_done``).  Accepted in 甘肃's 2026 report (``五年来，…；37家中央定点帮扶单位援助资金31.08亿元``,
    was 2025) and 海拉尔区's 2016 report (``五年来，完成街巷硬化134.6公里``, was 2015, as its reference has it);
    rejected for a level the sentence names (``城镇化率达到55%`` stays the year's)."""
    gansu = planwatch.extract(PROVINCES / "2026_甘肃省_政府工作报告.txt")
    assert {f.period for f in gansu.facts if f.text in ("161.15亿元", "31.08亿元")} == {"2021-2025"}
    hailaer = planwatch.extract(CORPUS / "hailaer" / "hailaer_2016.txt")
    assert [f.period for f in hailaer.facts if f.text == "134.6公里"] == ["2011-2015"]
    review = planwatch.extract_text(
        "政府工作报告\n一、2020年工作回顾\n五年来，全县固定资产投资预计完成300亿元，城镇化率达到55%。",
        context=planwatch.StatedContext(region="岳阳县", date="2021-02", doc_type="政府工作报告"))
    assert [(f.text, f.period) for f in review.facts] == [("300亿元", "2016-2020"), ("55%", "2020")]
    assert review.facts[0].kind == "estimate"


def test_a_change_over_a_plan_period_spans_it_and_one_built_on_dates_nothing():
    """兴文县's report: ``“十三五”时期,是兴文经济总量实现翻番…的五年`` — a change whose time is the plan period is over
    all of it (2016–2020; before 2020).  Accepted in 贵州's 2026 report
    (``“十四五”时期…分别较“十三五”时期下降67.5%、58.5%``,
    was 2025); a plan period only built on (``在“十五五”基础上再奋斗五年，…人均地区生产总值比2020年翻一番``, 上海
    2026) dates nothing: the doubling is the 2035 goal the sentence opens on (was 2030)."""
    guizhou = planwatch.extract(PROVINCES / "2026_贵州省_政府工作报告.txt")
    assert {f.period for f in guizhou.facts if f.text in ("67.5%", "58.5%")} == {"2021-2025"}
    shanghai = planwatch.extract(PROVINCES / "2026_上海市_政府工作报告.txt")
    assert [(f.kind, f.period) for f in shanghai.facts if f.text == "翻一番"] == [("target", "2035")]


def test_an_estimate_cue_after_a_statements_introduction_governs_the_sentence():
    """黄冈's 2018 report news: ``这份“成绩单”显示:2017年,预计全市实现地区生产总值…;规模以上工业增加值增长8.5%;…`` —
    the introduction before the colon does not end the sentence's head, so the 预计 holds through its ；-parts
    (before: 11 facts actual).  Accepted in another wording (``报告指出：预计全年…；…``) with 锦州's
    ``按可比口径初步预计，全市实现地区生产总值1100亿元…；固定资产投资660亿元…`` unchanged; rejected where the
    cue stands in a
    later ；-part (``报告显示：地区生产总值增长6%；预计财政收入…``: the first part stays actual)."""
    context = planwatch.StatedContext(region="黄冈市", date="2018-01", doc_type="新闻报道")
    news = planwatch.extract_text("报告指出：预计全年地区生产总值增长7%；固定资产投资增长8%。", context=context)
    assert [f.kind for f in news.facts] == ["estimate", "estimate"]
    later = planwatch.extract_text("报告显示：地区生产总值增长6%；预计财政收入增长5%。", context=context)
    assert [f.kind for f in later.facts] == ["actual", "estimate"]
    jinzhou = planwatch.extract(CORPUS / "jinzhou" / "001_a4dd6afc1d6d7e9f.txt")
    assert {f.kind for f in jinzhou.facts if f.text in ("1100亿元", "660亿元")} == {"estimate"}


def test_the_first_months_and_how_far_ahead_are_no_counts():
    """湘西州's 1-8月 news: ``前8个月全州各种运输方式共完成货运量1950万吨`` — ``前8个月`` is the months from January
    (``context.part_of_year``: M1-M8), not a count of 8, and no part of the name.  Accepted in 西安's 1-7月 news
    (``前7个月，西安市生产稳中有升``, was a fact ``7个`` named ``月``) and 新疆's key projects
    (``提前4个月完成年度新开工目标任务``); rejected for a count of things (``前5个项目已开工`` keeps ``5个``)."""
    from planwatch.context import part_of_year

    assert part_of_year("前8个月") == "M1-M8" and part_of_year("提前4个月") is None
    xian = _wider("releases/xa_2021m1m7_news.txt")
    assert "7个" not in {f.text for f in xian.facts}
    xinjiang = _wider("news/xinjiang_2022m1m8_key_projects.txt")
    assert "4个" not in {f.text for f in xinjiang.facts}
    county = planwatch.StatedContext(region="泸溪县", date="2015")
    counted = planwatch.extract_text("全县前5个项目已开工。", context=county)
    assert [f.text for f in counted.facts] == ["5个"]


def test_a_list_of_units_in_the_clause_before_a_bare_list_is_its_subject():
    """湘西州's news: ``湘西经开区、泸溪县、凤凰县和保靖县4个县区规模工业增加值增速均超过20%,分别达到34.4%、22.2%、
    34.9%和29.5%`` — the bare 分别 clause is about the units that open the clause before it, a zone written as
    named among them; its figures are growths (the clause names 增速), and ``20%`` is the bound the counted units
    passed, not a figure (lexicon ``listed_unit_groups``).  No other document of the corpora has the shape: tested
    on a county-level wording; rejected where the clause before names no units (``规模工业增加值增速加快，分别达到…``
    keeps the document's region)."""
    context = planwatch.StatedContext(region="黔东南苗族侗族自治州", date="2015-09", doc_type="新闻报道")
    listed = planwatch.extract_text(
        "8月份，凯里经开区、锦屏县和黎平县3个县市规模工业增加值增速均超过15%，分别达到18.2%、16.1%和15.5%。",
        context=context)
    assert [(f.text, f.region, f.measure) for f in listed.facts] == [
        ("3个", "黔东南苗族侗族自治州", "level"), ("18.2%", "凯里经开区", "growth"),
        ("16.1%", "锦屏县", "growth"), ("15.5%", "黎平县", "growth")]
    bare = planwatch.extract_text("8月份，规模工业增加值增速加快，分别达到18.2%、16.1%。", context=context)
    assert {f.region for f in bare.facts} == {"黔东南苗族侗族自治州"}


def test_a_comparison_of_the_rate_just_told_names_that_growth():
    """湘西州's news: ``同比增长5.2%,比1至7月增速高0.2个百分点`` — a name that is only the comparison
    (``比1至7月增速高``)
    is of the growth just told (before: named ``比1至7月增速高``).  Accepted in 安庆's 1-8月 news (``比1-7月份高0.3个
    百分点``, ``比7月份高``: now 规模以上工业增加值, as its reference has it); rejected where the clause names its own
    subject (``工业投资比上年高2个百分点`` keeps 工业投资)."""
    anqing = _wider("releases/anqing_2022m1m8_news.txt")
    assert {f.indicator for f in anqing.facts if f.text == "0.3个百分点"} == {"规模以上工业增加值"}
    context = planwatch.StatedContext(region="安庆市", date="2022-09", doc_type="新闻报道")
    own = planwatch.extract_text("地区生产总值增长5%，工业投资比上年高2个百分点。", context=context)
    assert [f.indicator for f in own.facts][-1].startswith("工业投资")


def test_the_field_of_a_rank_after_its_ranking_word_is_no_count():
    """兴文县's report: ``在全省县域经济考核中排名35个农产品主产区县第5位`` — the 35 units are the field the rank runs
    over, as ``在16个县市区…排名中`` is (before: a fact ``35个``).  No other document of the corpora has the shape:
    tested on another wording (``位列12个县市区第3位``); rejected for a count after a rank (``排名第3位，
    建成12个示范村``
    keeps ``12个``)."""
    context = planwatch.StatedContext(region="兴文县", date="2020-12", doc_type="政府工作报告")
    field = planwatch.extract_text("全县地区生产总值增长8%，位列12个县市区第3位。", context=context)
    assert [f.text for f in field.facts] == ["8%"]
    after = planwatch.extract_text("全县综合考核排名第3位，建成12个示范村。", context=context)
    assert [f.text for f in after.facts] == ["12个"]


def test_a_comparison_with_the_same_period_is_no_part_of_the_name():
    """大庆's 2017Q1 release: ``现价总量比同期增加73.5亿元，同比增长2%，比同期增速高0.8个百分点`` —
    ``比同期`` before the change verb is its base (growth_tail), and ``现价总量`` the size of the GDP just told
    (lexicon ``milestones.totals``): all three are 地区生产总值 (before: ``现价总量比同期``, which round v's
    ``比…增速高`` rule had carried to the 0.8).
    Accepted in 青海's 2018H1 news (``规模以上工业增加值比上年同期增长8.6%``) and 黑龙江's 2018Q1 news (``新能源汽车
    产量比上年同期增长7.1倍``); rejected where 同期 names what a share is of (``占同期全省的比重``)."""
    daqing = _wider("releases/daqing_2017q1.txt")
    assert {f.indicator for f in daqing.facts if f.text in ("73.5亿元", "2%", "0.8个百分点")} == {"地区生产总值"}
    qinghai = _wider("releases/qinghai_2018h1_news.txt")
    assert {f.indicator for f in qinghai.facts if f.text == "8.6%"} == {"规模以上工业增加值"}
    heilongjiang = _wider("news/heilongjiang_2018q1.txt")
    assert {f.indicator for f in heilongjiang.facts if f.text == "7.1倍"} == {"新能源汽车产量"}
    context = planwatch.StatedContext(region="大庆市", date="2017-04", doc_type="经济数据")
    share = planwatch.extract_text("一季度，全市地区生产总值占同期全省的比重为12%。", context=context)
    assert [f.indicator for f in share.facts] == ["地区生产总值占同期全省的比重"]
