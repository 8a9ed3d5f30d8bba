"""Quantity recognition on normalised text: number, unit, range and qualifier."""

from __future__ import annotations

import cn2an
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planwatch.extractors.quantities import Quantity, find_quantities
from planwatch.lexicon import load_lexicon
from planwatch.normalize import normalize
from planwatch.numbers import unit_scale

FAST = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def quantities(original: str) -> tuple[str, list[Quantity]]:
    """Normalise ``original`` and find its quantities, as the pipeline does."""
    text = normalize(original).text
    return text, find_quantities(text)


def only(original: str) -> tuple[str, Quantity]:
    text, qs = quantities(original)
    assert len(qs) == 1, [(text[q.start:q.end], q.value, q.unit) for q in qs]
    return text, qs[0]


# --- examples ----------------------------------------------------------------------------------


def test_money_level() -> None:
    text, q = only("实现地区生产总值111.5亿元")
    assert (q.value, q.unit, q.unit_kind, q.qualifier) == (111.5, "亿元", "money", None)
    assert text[q.start:q.end] == "111.5亿元"
    assert not q.is_range and not q.chinese


@pytest.mark.parametrize("dash", ["—", "-", "~", "～", "–"])
def test_percent_range_is_one_quantity(dash: str) -> None:
    text, q = only(f"增长4.5%{dash}5%")
    assert q.value == 4.5
    assert q.unit == "%"
    assert q.qualifier == "at_least"
    assert q.is_range
    assert text[q.start:q.end] == f"4.5%{dash}5%".replace("～", "~")


def test_count_range() -> None:
    text, q = only("新增7-8户")
    assert (q.value, q.unit, q.qualifier, q.is_range) == (7, "户", "at_least", True)
    assert text[q.start:q.end] == "7-8户"


@pytest.mark.parametrize(
    ("original", "span", "value", "unit", "qualifier"),
    [
        ("达到1500左右", "1500左右", 1500, "", "about"),
        ("控制在6以内", "6以内", 6, "", "at_most"),
        ("6以内", "6以内", 6, "", "at_most"),
        ("增长近7倍", "近7倍", 7, "倍", "about"),
        ("办理2.6万余件", "2.6万余件", 2.6, "万件", "at_least"),
        ("投资400余万元", "400余万元", 400, "万元", "at_least"),
        ("帮扶千余名群众", "千余名", 1000, "名", "at_least"),
        ("新增45万人以上", "45万人以上", 45, "万人", "at_least"),
        ("约3.5万人", "约3.5万人", 3.5, "万人", "about"),
        ("增长5%左右", "5%左右", 5, "%", "about"),
        ("提高2个百分点", "2个百分点", 2, "百分点", None),
        ("建设66千伏变电站", "66千伏", 66, "千伏", None),
        ("装机100万千瓦", "100万千瓦", 100, "万千瓦", None),
        ("里程1.2万千米", "1.2万千米", 1.2, "万千米", None),
        ("增长１２％", "12%", 12, "%", None),
        ("完成111.5 亿元", "111.5亿元", 111.5, "亿元", None),
        ("两个", "两个", 2, "个", None),
        ("十四个", "十四个", 14, "个", None),
        ("一百二十项", "一百二十项", 120, "项", None),
        ("1,234.5万元", "1,234.5万元", 1234.5, "万元", None),
        ("项目签约3543亿元", "3543亿元", 3543, "亿元", None),  # 约 of 签约 is no qualifier
        ("科学应对19轮强降雨", "19轮", 19, "轮", None),  # 强 of 强降雨 neither
        ("食品抽检6.6批次", "6.6批次", 6.6, "批次", None),
        ("开行4000班次", "4000班次", 4000, "班次", None),
        ("算力规模突破160EFLOPS", "160EFLOPS", 160, "EFLOPS", "at_least"),
        ("产能达55GWh", "55GWh", 55, "GWh", None),
        ("无人机产量占全国9成", "9成", 9, "成", None),
        ("城乡居民收入比收窄至2：1以内", "2：1以内", 2, "", "at_most"),
        ("平均受教育年限达10.2年左右", "10.2年左右", 10.2, "年", "about"),
    ],
)
def test_quantity_examples(original: str, span: str, value: float, unit: str, qualifier: str | None) -> None:
    text, q = only(original)
    assert text[q.start:q.end] == span
    assert q.value == value
    assert q.unit == unit
    assert q.qualifier == qualifier


def test_units_kinds() -> None:
    assert only("提高2个百分点")[1].unit_kind == "points"
    assert only("增长近7倍")[1].unit_kind == "multiple"
    assert only("办理2.6万余件")[1].unit_kind == "count"
    assert only("建设66千伏变电站")[1].unit_kind == "physical"
    assert only("增长5%")[1].unit_kind == "percent"
    assert only("帮扶千余名群众")[1].chinese


@pytest.mark.parametrize(
    ("original", "verb"), [("收入突破5亿元", "突破"), ("超过60%", "超过"), ("超7亿元", "超")]
)
def test_qualifier_verb_stays_outside_span(original: str, verb: str) -> None:
    text, q = only(original)
    assert q.qualifier == "at_least"
    assert q.prefix_verb == verb
    assert verb not in text[q.start:q.end]
    assert text[q.start - len(verb):q.start] == verb


def test_fused_magnitude() -> None:
    text, q = only("营业收入过亿元")
    assert text[q.start:q.end] == "过亿元"
    assert (q.value, q.unit, q.qualifier) == (1, "亿元", "at_least")


# Regression (fixed in ba17cef): '一万二千人' was split into (1, '万') and (2000, '人').
@pytest.mark.parametrize(("original", "amount"), [("新增就业一万二千人", 12000), ("三万五千元", 35000),
                                                  ("十二万五千亩", 125000)])
def test_chinese_numeral_across_wan_is_one_quantity(original: str, amount: float) -> None:
    text, q = only(original)
    scale = {"万": 1e4, "亿": 1e8}.get(q.unit[:1], 1)
    assert q.value * scale == amount


# Regression (fixed in ce570e0): after ba17cef '投资三亿五千万元' gave no quantity at all.
@pytest.mark.parametrize(("original", "span", "total"), [("投资三亿五千万元", "三亿五千万元", 3.5e8),
                                                         ("投资一亿二千万元", "一亿二千万元", 1.2e8),
                                                         ("两亿三千万元", "两亿三千万元", 2.3e8),
                                                         ("投资1亿5000万元", "1亿5000万元", 1.5e8),
                                                         ("收入12亿5000万元", "12亿5000万元", 12.5e8)])
def test_yi_followed_by_wan_is_one_quantity(original: str, span: str, total: float) -> None:
    text, q = only(original)
    assert text[q.start:q.end] == span
    assert q.value * unit_scale(q.unit)[0] == pytest.approx(total)
    assert unit_scale(q.unit)[1] == "元"


@pytest.mark.parametrize(("original", "span", "total", "base"), [
    ("投资3亿5千万元", "3亿5千万元", 3.5e8, "元"),
    ("投资1亿零500万元", "1亿零500万元", 1.05e8, "元"),
    ("投资三亿零五百万元", "三亿零五百万元", 3.05e8, "元"),
    ("总额1,234亿5000万元", "1,234亿5000万元", 1234.5e8, "元"),
    ("客流2亿3000万人次", "2亿3000万人次", 2.3e8, "人次"),
])
def test_compound_amount_spellings(original: str, span: str, total: float, base: str) -> None:
    text, q = only(original)
    assert text[q.start:q.end] == span
    assert q.value * unit_scale(q.unit)[0] == pytest.approx(total)
    assert unit_scale(q.unit)[1] == base


@pytest.mark.parametrize("text", ["总额1.2亿5000万元", "总额1,234亿5000万元", "增长2.5亿3000万人次"])
def test_quantities_do_not_overlap(text: str) -> None:
    qs = find_quantities(text)
    for a, b in zip(qs, qs[1:], strict=False):
        assert a.end <= b.start, (text[a.start:a.end], text[b.start:b.end])


@FAST
@given(st.integers(min_value=0, max_value=99_999_999), st.sampled_from(["人", "元", "亩", "户"]))
def test_chinese_numeral_quantity_value(n: int, unit: str) -> None:
    text = f"全年新增{cn2an.an2cn(n)}{unit}，"
    q = find_quantities(text)
    assert len(q) == 1, [(text[x.start:x.end], x.value, x.unit) for x in q]
    assert q[0].chinese
    assert q[0].value * unit_scale(q[0].unit)[0] == n


# Regression (fixed in ba17cef): the (?![瓦伏米克]) guard applied to 万/亿 too, so '3.5万米'
# lost its unit (span '3.5', unit '').
@pytest.mark.parametrize(("original", "span", "unit"), [("铺设管网3.5万米", "3.5万米", "万米"),
                                                        ("铺设管线十万米", "十万米", "万米")])
def test_wan_before_mi_keeps_unit(original: str, span: str, unit: str) -> None:
    text, q = only(original)
    assert text[q.start:q.end] == span
    assert q.unit == unit


# Regression (fixed in ba17cef): '提高0.5百分点' gave span '0.5百', unit '百'.
def test_points_without_ge() -> None:
    text, q = only("提高0.5百分点")
    assert text[q.start:q.end] == "0.5百分点"
    assert (q.value, q.unit, q.unit_kind) == (0.5, "百分点", "points")


# --- properties --------------------------------------------------------------------------------

_LEX = load_lexicon()
_AMOUNT_UNITS = {u for key in ("base_units", "count_words") for u in _LEX.raw.get(key, [])}
_RATIO_UNITS = {u for key in ("percent", "permille", "points", "multiples") for u in _LEX.raw.get(key, [])}
_UNITS = sorted((_AMOUNT_UNITS | _RATIO_UNITS) - {"余人"})  # 余 is a qualifier: "7余人" is 人, at_least
_PREFIXES = ["全年共计", "其中", "新增", "全市累计建成", "实现", "、"]
_SUFFIXES = ["，比上年", "。", "的", "，其中", "；", ""]


def _expected_unit(mag: str, unit: str) -> str:
    if unit in _LEX["percent"]:
        return "%"
    if unit in _LEX["points"]:
        return "百分点"
    return mag + unit


numbers = st.one_of(
    st.integers(min_value=0, max_value=10**9).map(str),
    st.integers(min_value=1000, max_value=10**9).map(lambda n: f"{n:,}"),
    st.decimals(min_value=0, max_value=10**6, places=2, allow_nan=False, allow_infinity=False).map(str),
    st.floats(min_value=0, max_value=1e6, allow_nan=False, allow_infinity=False).map(lambda x: f"{x:.3f}"),
)


@FAST
@given(numbers, st.sampled_from(["", "万", "亿"]), st.sampled_from(_UNITS),
       st.sampled_from(_PREFIXES), st.sampled_from(_SUFFIXES))
def test_number_with_lexicon_unit_is_one_quantity(num: str, mag: str, unit: str, pre: str, suf: str) -> None:
    if unit in _RATIO_UNITS:
        mag = ""  # magnitudes scale amounts, not rates ("7万%" is not written)
    written = f"{num}{mag}{unit}"
    text = f"{pre}{written}{suf}"
    qs = find_quantities(text)
    assert len(qs) == 1, [(text[q.start:q.end], q.value, q.unit) for q in qs]
    q = qs[0]
    assert q.value == float(num.replace(",", ""))
    assert q.unit == _expected_unit(mag, unit)
    assert text[q.start:q.end] == written


_ALPHABET = st.sampled_from(
    list("0123456789%％万亿千百十一二两三五七九零〇余多近约以上下内左右倍个户元吨人"
         "增长提高到至—-~～.,，。、；：（）() \n\t年月日第是为达突破超过控制在")
)
arbitrary_text = st.one_of(
    st.text(alphabet=_ALPHABET, max_size=80),
    st.text(max_size=40),
    st.lists(st.one_of(st.text(alphabet=_ALPHABET, max_size=10), st.text(max_size=5)), max_size=8)
    .map("".join),
)


@FAST
@given(arbitrary_text)
def test_find_quantities_total_and_in_bounds(raw: str) -> None:
    for text in (raw, normalize(raw).text):
        qs = find_quantities(text)
        for q in qs:
            assert 0 <= q.start <= q.num_start < q.num_end <= q.end <= len(text)
            assert q.value >= 0 or text[q.start] in "-－−"  # negative only where a minus is written
        assert [q.start for q in qs] == sorted(q.start for q in qs)


@FAST
@given(arbitrary_text, st.data())
def test_find_quantities_window_stays_in_window(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(min_value=0, max_value=len(text)))
    end = data.draw(st.integers(min_value=start, max_value=len(text)))
    for q in find_quantities(text, start, end):
        assert start <= q.start < q.end <= end


def test_long_line_of_numbers_completes() -> None:
    line = "、".join(f"{i}.5万元" if i % 3 else str(i) for i in range(100_000))
    qs = find_quantities(line)
    assert len(qs) == 100_000


def test_years_are_dates_unless_a_noun_measured_in_years_precedes() -> None:
    """"2025年的10.2年": the first is a date, the second a number of years (lexicon duration_nouns)."""
    text, qs = quantities("受教育年限从2020年的9.6年提升至2025年的10.2年")
    assert [(text[q.start:q.end], q.unit) for q in qs] == [
        ("2020", ""), ("9.6年", "年"), ("2025", ""), ("10.2年", "年")]  # fmt: skip
    text, qs = quantities("建设周期3年")
    assert [q.unit for q in qs] == [""]


def test_a_two_part_ratio_is_one_number_a_three_part_one_is_not() -> None:
    text, qs = quantities("城乡居民收入比从2.50:1缩小至2.27:1")
    assert [(text[q.start:q.end], q.value, q.unit_kind) for q in qs] == [
        ("2.50:1", 2.5, "ratio"), ("2.27:1", 2.27, "ratio")]  # fmt: skip
    _, qs = quantities("三次产业结构为19:26:55")
    assert all(q.unit_kind != "ratio" for q in qs)


def test_a_unit_character_starting_a_word_is_no_unit() -> None:
    """"服务业扩大开放3.0方案", "从5方面提出": 方 begins 方案/方面 here."""
    assert [q.unit for q in find_quantities("推动出台服务业扩大开放3.0方案")] == []
    assert [q.unit for q in find_quantities("建成2万平方米")] == ["万平方米"]


def test_doubling_words_are_quantities() -> None:
    text, qs = quantities("人均地区生产总值比2020年翻一番，利润翻三番，产值实现翻番")
    assert [(text[q.start:q.end], q.value, q.unit_kind) for q in qs if q.unit == "番"] == [
        ("翻一番", 1, "doubling"), ("翻三番", 3, "doubling"), ("翻番", 1, "doubling")]  # fmt: skip


def test_ranges_carry_their_upper_end() -> None:
    """FACTS.md: a range is one fact, ``value`` its lower end and ``value_high`` its upper end."""
    import planwatch

    doc = planwatch.extract_text("地区生产总值增长4.5%—5%，新增企业7-8户，能耗下降2—3%，引进项目2至3个。")
    assert [(f.text, f.value, f.value_high, f.qualifier) for f in doc.facts] == [
        ("4.5%—5%", 4.5, 5, "at_least"), ("7-8户", 7, 8, "at_least"), ("2—3%", -2, -3, "at_least"),
        ("2至3个", 2, 3, "at_least")]
    single = planwatch.extract_text("新增企业7户。").facts[0]
    assert single.value_high is None and "value_high" not in single.to_dict()
