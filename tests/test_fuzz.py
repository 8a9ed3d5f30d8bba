"""Fuzzing the number and table parsers with Hypothesis.

The inputs are built from the pieces real documents are made of — numbers in every notation
(grouped, decimal, full-width, Chinese numerals, digit runs longer than any float), the
lexicon's magnitudes, units and qualifiers, indicator names, region names and years — mixed
with arbitrary text, and assembled into prose, Markdown pipe tables and raw HTML tables.

Properties, for every example:

* ``find_quantities`` and ``normalize`` never raise; every span lies within its bounds; every
  value is a finite number; the normalised text maps back, character by character, onto the
  original (each character is the original one or its documented 1:1 substitute).
* ``planwatch.extract_text`` never raises on prose or tables; every fact's span lies within the
  document and ``doc.text[start:end] == fact.text``, its value is finite, its text non-empty.
* Every example finishes within ``DEADLINE`` (Hypothesis fails an example that is slower,
  consistently, than that).

``PLANWATCH_FUZZ_EXAMPLES=5000 pytest tests/test_fuzz.py`` runs a longer campaign.
"""

from __future__ import annotations

import math
import os
import tempfile
from datetime import timedelta
from pathlib import Path

import cn2an
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planwatch import Document, extract, extract_text
from planwatch.errors import InputError
from planwatch.extractors.quantities import find_quantities
from planwatch.lexicon import load_lexicon
from planwatch.normalize import _ASCII_PUNCT, _TRANSLATE, normalize

EXAMPLES = int(os.environ.get("PLANWATCH_FUZZ_EXAMPLES", "150"))
DEADLINE = timedelta(seconds=2)  # per example; typical examples take a few milliseconds
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=DEADLINE,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

# Warm every cache (lexicon, taxonomy, gazetteer, compiled patterns) so that loading them does
# not count against the first example's deadline.
extract_text("凌河区2015年经济数据\n全年实现地区生产总值111.5亿元，同比增长7.6%。\n")
LEX = load_lexicon()

# -- pieces of documents --------------------------------------------------------------------------
_FULLWIDTH_DIGITS = str.maketrans("0123456789.%", "０１２３４５６７８９．％")

arabic = st.one_of(
    st.integers(0, 10**12).map(str),
    st.builds(lambda a, b: f"{a}.{b}", st.integers(0, 99_999), st.integers(0, 9_999)),
    st.integers(1_000, 10**13).map(lambda n: f"{n:,}"),
    st.text("0123456789", min_size=17, max_size=400),  # more digits than a float holds
    st.text("0123456789,.", min_size=1, max_size=14),  # misplaced separators
)
chinese = st.one_of(
    st.integers(0, 10**9).map(lambda n: cn2an.an2cn(n)),
    st.text("零〇一二两三四五六七八九十百千万亿", min_size=1, max_size=10),
)
number = st.one_of(arabic, arabic.map(lambda s: s.translate(_FULLWIDTH_DIGITS)), chinese)

_UNITS = sorted(
    set(LEX["base_units"]) | set(LEX["count_words"]) | set(LEX["percent"]) | set(LEX["permille"])
    | set(LEX["points"]) | set(LEX["multiples"])
)  # fmt: skip
_QUALIFIERS = LEX["qualifiers"]
_PREFIXES = sorted(
    {w for ws in _QUALIFIERS["prefix_touching"].values() for w in ws}
    | {w for ws in _QUALIFIERS["prefix_verbs"].values() for w in ws}
)
_SUFFIXES = sorted({w for ws in _QUALIFIERS["suffix"].values() for w in ws})
_RANGE_SEPARATORS = ["-", "—", "–", "~", "～", "至", "到"]

quantity = st.builds(
    lambda pre, num, rng, mag, unit, suf: pre + num + rng + mag + unit + suf,
    st.sampled_from(["", "", *_PREFIXES]),
    number,
    st.one_of(st.just(""), st.builds(lambda s, n: s + n, st.sampled_from(_RANGE_SEPARATORS), arabic)),
    st.sampled_from(["", "", "余", "多", *LEX["magnitudes"]]),
    st.sampled_from(["", *_UNITS]),
    st.sampled_from(["", "", *_SUFFIXES]),
)

INDICATORS = [
    "地区生产总值", "GDP", "一般公共预算收入", "社会消费品零售总额", "固定资产投资", "城镇新增就业",
    "常住人口", "城镇化率", "规模以上工业增加值", "进出口总额", "实际利用外资", "研发经费投入强度",
    "单位GDP能耗", "PM2.5平均浓度", "粮食产量", "城镇居民人均可支配收入", "森林覆盖率",
]  # fmt: skip
REGIONS = ["锦州市", "锦州", "凌河区", "古塔区", "辽宁省", "义县", "北镇市", "四县(市)", "三城区"]
CUES = [
    "实现", "完成", "达到", "增长", "同比增长", "比上年增长", "年均增长", "下降", "提高到", "分别为", "累计",
    "预计", "目标", "力争", "确保", "其中", "全年", "新增", "到2025年", "2020年", "十四五", "十五五",
    "左右", "以上", "以内", "，", "。", "、", "；", "：", "（", "）", "\n", "\n\n", " ", "　", "\r\n", "|",
    "<b>", "</b>", "<br>", "**", "第一章", "一、", "（二）", "— 3 —", "第 2 页", "百分点", "个百分点",
]  # fmt: skip
word = st.one_of(st.sampled_from(INDICATORS), st.sampled_from(REGIONS), st.sampled_from(CUES))
noise = st.text(max_size=4)

prose = st.lists(st.one_of(quantity, word, word, noise), max_size=40).map("".join)
TITLES = [
    "凌河区2015年经济数据", "锦州市国民经济和社会发展第十四个五年规划纲要", "2021年锦州市政府工作报告",
    "辽宁省2020年国民经济和社会发展统计公报", "",
]  # fmt: skip


# -- tables ----------------------------------------------------------------------------------------
header_cell = st.one_of(
    st.sampled_from(["指标", "指标名称", "项目", "单位", "计量单位", "2020年", "2020年预计", "2025年目标",
                     "2025年", "年均增长(%)", "年均增长（%）", "属性", "十四五目标", "完成情况", "增速", ""]),
    st.builds(lambda y, s: f"{y}年{s}", st.integers(1990, 2040), st.sampled_from(["", "目标", "预计", "实际"])),
    noise,
)  # fmt: skip
name_cell = st.one_of(
    st.builds(lambda n, i, u: f"{n}{i}{u}", st.sampled_from(["", "1.", "（3）", "12、", "二、"]),
              st.sampled_from(INDICATORS), st.sampled_from(["", "（亿元）", "(%)", "（万人）", "（PM2.5）"])),
    st.sampled_from(["<b>一、经济发展</b>", "", "合计"]),
    noise,
)  # fmt: skip
value_cell = st.one_of(
    quantity,
    number,
    st.builds(lambda a: f"-{a}", arabic),
    st.sampled_from(["--", "—", "/", "待省反馈", "省目标", "持平", "19:26:55", "<br>", "<b>5.2</b>",
                     "6.5<br>左右", "\\|", "&lt;b&gt;", "&amp;", "累计30", "＞5", "≥80"]),
    noise,
)  # fmt: skip


@st.composite
def markdown_table(draw: st.DrawFn) -> str:
    width = draw(st.integers(1, 7))
    header = [draw(header_cell) for _ in range(width)]
    rows = [header]
    if draw(st.booleans()):
        rows.append([draw(header_cell) for _ in range(width)])  # a second header row
    body = draw(st.lists(st.tuples(name_cell, st.lists(value_cell, max_size=width + 1)), max_size=6))
    rows.extend([name, *values] for name, values in body)
    separator = draw(st.sampled_from(["| --- |", "|:---:|", "|---|", "---", "| :-- |", ""]))
    lead = draw(st.sampled_from(["| ", "|", ""]))
    tail = draw(st.sampled_from([" |", "|", ""]))
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    lines = [lead + " | ".join(r) + tail for r in rows]
    if separator:
        sep = separator * width if separator.startswith("|") else "|".join([separator] * width)
        lines.insert(draw(st.integers(0, min(2, len(lines)))), sep)
    return newline.join(lines)


_TAGS = ["td", "th", "TD", "Th"]


@st.composite
def html_table(draw: st.DrawFn) -> str:
    rows = draw(st.lists(st.lists(st.one_of(header_cell, name_cell, value_cell), min_size=1, max_size=6), max_size=6))
    parts = ["<table" + draw(st.sampled_from(["", ' border="1"', " class=x"])) + ">"]
    for r, row in enumerate(rows):
        parts.append(draw(st.sampled_from(["<tr>", "<TR>", '<tr class="a">', ""])))
        for cell in row:
            tag = "th" if r == 0 and draw(st.booleans()) else draw(st.sampled_from(_TAGS))
            attrs = draw(st.sampled_from(["", ' colspan="2"', " colspan=3", ' rowspan="2"', ' colspan="99999"',
                                          ' colspan="x"', ' colspan="-1"', ' style="a"']))  # fmt: skip
            close = draw(st.sampled_from([f"</{tag}>", f"</{tag}>", ""]))
            parts.append(f"<{tag}{attrs}>{cell}{close}")
        parts.append(draw(st.sampled_from(["</tr>", "</tr>", ""])))
    if draw(st.booleans()):
        parts.append(draw(html_table_flat))
    parts.append(draw(st.sampled_from(["</table>", "</table>", ""])))
    return draw(st.sampled_from(["", "\n"])).join(parts)


html_table_flat = st.lists(value_cell, min_size=1, max_size=3).map(
    lambda cells: "<table><tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr></table>"
)


@st.composite
def document(draw: st.DrawFn, table: st.SearchStrategy[str]) -> str:
    parts = [draw(st.sampled_from(TITLES)), draw(prose)]
    for _ in range(draw(st.integers(1, 3))):
        parts.append(draw(table))
        parts.append(draw(prose))
    return draw(st.sampled_from(["\n\n", "\n", "\r\n\r\n"])).join(parts)


# -- the properties ----------------------------------------------------------------------------------
def assert_exact_facts(doc: Document, text: str) -> None:
    assert doc.text == text
    n = len(text)
    for f in doc.facts:
        assert 0 <= f.start < f.end <= n, (f.start, f.end, n, f.text)
        assert text[f.start : f.end] == f.text, (f.start, f.end, f.text)
        assert isinstance(f.value, float | int) and math.isfinite(f.value), (f.text, f.value)
    for s in doc.segments:
        assert 0 <= s.start <= s.end <= n
    assert [(f.start, f.end) for f in doc.facts] == sorted((f.start, f.end) for f in doc.facts)


def _allowed(original: str) -> set[str]:
    """What one original character may become in the normalised text (1:1 substitutions only)."""
    c = original.translate(_TRANSLATE)
    out = {c, _ASCII_PUNCT.get(c, c)}
    if c in "\r\n":
        out.add("\n")
    if c == ",":
        out.add("，")
    return out


@FUZZ
@given(st.one_of(prose, document(markdown_table()), st.text(max_size=200)))
def test_normalize_maps_every_character_back_onto_the_original(original: str) -> None:
    norm = normalize(original)
    assert len(norm.text) <= len(original)
    previous = -1
    for i, ch in enumerate(norm.text):
        j = norm.to_original(i)
        assert previous < j < len(original), (i, j)
        assert ch in _allowed(original[j]), (i, ch, original[j])
        previous = j
    assert norm.span_to_original(0, len(norm.text))[1] <= len(original)


@FUZZ
@given(prose, st.data())
def test_find_quantities_never_raises_and_stays_in_bounds(raw: str, data: st.DataObject) -> None:
    for text in (raw, normalize(raw).text):
        start = data.draw(st.integers(0, len(text)))
        end = data.draw(st.integers(start, len(text)))
        found = find_quantities(text, start, end)
        for q in found:
            assert start <= q.start <= q.num_start < q.num_end <= q.end <= end, (q, start, end)
            # negative only where a minus sign is written before the number ("增长-14.2%")
            signed = text[q.start] in "-－−"
            assert math.isfinite(q.value) and (q.value >= 0 or signed), (text[q.start : q.end], q.value)
            assert q.qualifier in (None, "about", "at_least", "at_most")
        assert [q.start for q in found] == sorted(q.start for q in found)


@FUZZ
@given(quantity)
def test_a_lone_quantity_is_found_where_it_is(token: str) -> None:
    text = f"全年实现地区生产总值{token}。"
    for q in find_quantities(text):
        assert 0 <= q.start < q.end <= len(text) and math.isfinite(q.value)


@FUZZ
@given(st.one_of(prose, st.text(max_size=300)))
def test_extract_text_on_prose(text: str) -> None:
    assert_exact_facts(extract_text(text), text)


@FUZZ
@given(document(markdown_table()))
def test_extract_text_on_markdown_tables(text: str) -> None:
    assert_exact_facts(extract_text(text), text)


@FUZZ
@given(document(html_table()))
def test_extract_text_on_raw_html_tables(text: str) -> None:
    """Raw ``<table>`` markup in a text document goes through the table extractor's HTML parser."""
    assert_exact_facts(extract_text(text), text)


@settings(FUZZ, max_examples=max(20, EXAMPLES // 3))
@given(document(html_table()))
def test_html_files_render_tables_the_extractor_reads_exactly(body: str) -> None:
    """An .html file: the reader renders its tables as pipe tables; facts are exact in that text."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "page.html"
        path.write_text(f"<html><body>{body}</body></html>", encoding="utf-8")
        try:
            doc = extract(path)
        except InputError as e:  # e.g. a page with no text at all: a clear one-line refusal
            assert "\n" not in str(e)
            return
    assert_exact_facts(doc, doc.text)


@pytest.mark.parametrize(
    "text",
    [
        "全年实现地区生产总值" + "9" * 400 + "亿元。",
        "| 指标 | 2020年 |\n| --- | --- |\n| 地区生产总值 | " + "9" * 400 + " |\n",
        "<table><tr><th>指标</th><th>2020年</th></tr><tr><td>地区生产总值</td><td>" + "1" * 320 + "</td></tr></table>",
    ],
    ids=["prose", "markdown", "html"],
)
def test_numbers_beyond_float_range_are_not_facts(text: str) -> None:
    """A 400-digit "number" overflows a float to inf, which no JSON or chart can hold (found by
    the fuzzer): it is not a quantity."""
    doc = extract_text("凌河区2015年经济数据\n" + text)
    assert all(math.isfinite(f.value) for f in doc.facts)
    assert not find_quantities("9" * 400 + "亿元")


@pytest.mark.parametrize(
    "text",
    [
        "凌河区2015年经济数据---|---\n||指标|\n",
        "凌河区2015年经济数据\n\n|| 2015年 |\n|| 2016年 |\n| 地区生产总值（亿元） | 111.5 |\n",
    ],
    ids=["only-header-rows", "header-rows-before-a-body"],
)
def test_pipe_tables_without_separator_whose_rows_start_empty(text: str) -> None:
    """Found by the fuzzer: rows with an empty name cell, in a table without a separator line,
    were taken off the table's row list itself (an alias of its body), leaving it empty: a crash."""
    doc = extract_text(text)
    assert_exact_facts(doc, text)
    if "111.5" in text:
        assert [f.text for f in doc.facts] == ["111.5"]
