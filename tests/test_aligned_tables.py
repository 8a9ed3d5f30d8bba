"""Plain-text tables aligned with spaces or tabs, and text laid out by a PDF page.

The excerpts under tests/data/tables/ are public statistical releases (SOURCES.md there).
"""

from __future__ import annotations

from pathlib import Path

import pytest

import planwatch
from planwatch.aligned import find_aligned_tables
from planwatch.model import Fact
from planwatch.normalize import normalize
from planwatch.pipeline import extract_text

DATA = Path(__file__).resolve().parent / "data" / "tables"


@pytest.fixture(scope="module")
def docs() -> dict[str, planwatch.Document]:
    return {p.stem: planwatch.extract(p) for p in sorted(DATA.glob("*.txt"))}


def cell(doc: planwatch.Document, text: str, indicator: str, **fields: object) -> Fact:
    hits = [f for f in doc.facts if f.text == text and f.indicator == indicator
            and all(getattr(f, k) == v for k, v in fields.items())]
    assert len(hits) == 1, [(f.text, f.indicator, f.source, f.period) for f in doc.facts if f.text == text]
    return hits[0]


def test_bulletin_table_padded_with_full_width_spaces(docs):
    doc = docs["nbs_2023_farm_products"]
    original = (DATA / "nbs_2023_farm_products.txt").read_text(encoding="utf-8")
    grain = cell(doc, "69541", "粮食", source="table")
    assert (grain.start, grain.end) == (247, 252) and original[247:252] == "69541"
    # the unit comes from the second header line "(万吨)", the year from the title "表3　2023年…"
    assert (grain.measure, grain.value, grain.unit) == ("level", 69541, "万吨")
    assert (grain.kind, grain.period) == ("actual", "2023")
    growth = cell(doc, "1.3", "粮食", source="table")  # header "比上年增长" / "(%)" over two lines
    assert (growth.start, growth.measure, growth.unit, growth.period) == (265, "growth", "%", "2023")
    summer = cell(doc, "-0.8", "夏粮", source="table")  # "　其中：夏粮": the sub-item names itself
    assert (summer.value, summer.measure) == (-0.8, "growth")
    early = cell(doc, "2834", "早稻", source="table")  # a sub-item indented with U+3000 only
    assert (early.start, early.unit) == (330, "万吨")
    assert len([f for f in doc.facts if f.source == "table"]) == 16


def test_table_rows_are_not_read_again_as_prose(docs):
    doc = docs["nbs_2023_farm_products"]
    table = find_aligned_tables(doc.text)[0]
    inside = [f for f in doc.facts if table.start <= f.start < table.end]
    assert inside and all(f.source == "table" for f in inside)
    # the prose around the table still gives its own facts
    assert cell(doc, "562万吨", "棉花产量").source != "table"


def test_tab_separated_table_with_group_rows_and_units_in_the_header(docs):
    doc = docs["nbs_2015_grain_table1"]
    maize = [f for f in doc.facts if f.indicator == "玉米" and f.source == "table"]  # "其中:玉米"
    assert [(f.text, f.unit) for f in maize] == [("38116.6", "千公顷"), ("5891.9", "公斤/公顷"), ("22458.0", "万吨")]
    assert all(f.period == "2015" and f.kind == "actual" for f in maize)
    tubers = cell(doc, "3330.1", "薯类")  # "3、薯类": the list number is no part of the name
    assert (tubers.start, tubers.end, tubers.unit) == (446, 452, "万吨")
    assert not any("分季节" in f.indicator or "分品种" in f.indicator for f in doc.facts)
    assert len([f for f in doc.facts if f.source == "table"]) == 30


def test_time_series_table_takes_its_periods_from_year_headers_and_unit_from_the_unit_line(docs):
    doc = docs["fujian_2015_yearbook_2_3"]
    industry = [f for f in doc.facts if f.indicator == "工业"]
    assert [(f.text, f.period) for f in industry] == [
        ("5447.13", "2000"), ("10065.44", "2005"), ("23152.34", "2010"), ("36617.43", "2013"), ("42673.43", "2014")]
    assert {f.unit for f in industry} == {"亿元"}  # "单位:亿元" above the table
    transport = cell(doc, "3018.21", "交通运输、仓储和邮政业")
    assert (transport.start, transport.end) == (609, 616)
    assert not any(f.text in ("2000", "2014") for f in doc.facts)  # the header of years is no fact


BULLETIN = "某县2019年国民经济和社会发展统计公报\n\n一、农业\n\n全年粮食总产量52.3万吨，比上年增长3.1%。\n\n"


def test_thousand_separators_missing_cells_and_a_unit_column():
    text = BULLETIN + (
        "表1  2019年主要农产品产量及其增长速度\n"
        "  产品名称          单位        绝对数        比上年增长(%)\n"
        "  粮食              万吨        52.3          3.1\n"
        "  棉花              吨          1,200         -5.2\n"
        "  油料              万吨        8.8\n"
        "  蔬菜              万吨                      12.0\n"
    )
    doc = extract_text(text)
    table = [f for f in doc.facts if f.source == "table"]
    assert [(f.text, f.indicator, f.measure, f.value, f.unit) for f in table] == [
        ("52.3", "粮食", "level", 52.3, "万吨"), ("3.1", "粮食", "growth", 3.1, "%"),
        ("1,200", "棉花", "level", 1200, "吨"), ("-5.2", "棉花", "growth", -5.2, "%"),
        ("8.8", "油料", "level", 8.8, "万吨"), ("12.0", "蔬菜", "growth", 12.0, "%")]
    assert all(text[f.start:f.end] == f.text and f.period == "2019" for f in table)


@pytest.mark.parametrize("lines", [
    # a sentence with two numbers apart from each other is one line, not a table
    ["全年粮食产量52.3万吨  比上年增长3.1%  其中小麦12万吨"],
    # prose lines with wide spaces (justified text copied from a PDF) carry punctuation
    ["全年  实现  地区生产总值  111.5  亿元，比上年  增长  6.1",
     "一般公共预算收入  8.5  亿元，增长  3.2  个百分点，其中",
     "税收收入  6.1  亿元，增长  2.0  个百分点。"],
    # cells that hold no bare number (names, numbers with their units) make no table rows
    ["张三      李四      王五", "赵六      钱七      孙八", "周九      吴十      郑一"],
    ["地区生产总值      111.5亿元", "一般公共预算收入  8.5亿元", "税收收入          6.1亿元"],
    # words that happen to stand apart without columns lining up
    ["项目建设  3  个  完成投资", "新开工项目        12     个", "竣工 项目  5 个     开工率  80"],
])
def test_lines_that_are_no_aligned_table(lines):
    assert find_aligned_tables("\n".join(lines) + "\n") == []


def test_pdf_layout_number_unit_and_indicator_on_other_lines(docs):
    doc = docs["fuling_2025q3_pdf"]
    original = (DATA / "fuling_2025q3_pdf.txt").read_text(encoding="utf-8")
    # "…全区实现地区\n生产总值1291.92亿元": an indicator broken across lines
    gdp = cell(doc, "1291.92亿元", "地区生产总值")
    assert original[gdp.start:gdp.end] == "1291.92亿元"
    # "同比增长\n6.2%": a growth broken from its verb
    assert cell(doc, "6.2%", "地区生产总值").measure == "growth"
    # "水果产量14.6\n万吨": the unit on the next line; the text ends at the line break
    fruit = cell(doc, "14.6", "水果产量")
    assert (fruit.unit, fruit.value) == ("万吨", 14.6)
    # "乡村消费品零售额89.31亿\n元": a unit broken inside
    rural = cell(doc, "89.31亿", "乡村消费品零售额")
    assert rural.unit == "亿元"
    # "…实现社会消费品零售总额\n440.96亿元": the indicator on one line, its number on the next
    retail = next(f for f in doc.facts if f.text == "440.96亿元")
    assert "社会消费品零售总额" in retail.indicator
    assert all(original[f.start:f.end] == f.text for f in doc.facts)


@pytest.mark.parametrize("above, below", [
    # a heading above a paragraph that opens on a year is no indicator of it
    ("主要农产品", "2019年全县粮食产量52.3万吨。"),
    # a list number opening a line is no number of the line above
    ("一、农业主要农产品", "1.全县粮食产量52.3万吨。"),
    # a date opening a line
    ("全县粮食生产情况", "10月底全县粮食产量52.3万吨。"),
])
def test_a_line_opening_on_a_year_date_or_list_number_is_not_joined_to_the_line_above(above, below):
    text = f"{BULLETIN}{above}\n{below}\n"
    assert f"{above}\n{below}" in normalize(text).text


def test_a_line_opening_on_a_number_with_its_unit_goes_on_the_indicator_above():
    text = BULLETIN + "全年一般公共预算收入\n70.11亿元，同口径下降19.4%。\n"
    assert "全年一般公共预算收入70.11亿元" in normalize(text).text
    fact = next(f for f in extract_text(text).facts if f.text == "70.11亿元")
    assert fact.indicator == "一般公共预算收入"


def test_a_table_printed_with_single_spaces_is_read_by_its_rows_shape():
    """安源区's 2010 bulletin prints 表2 with one space between cells ("粮食 21774 0.99"): two or more
    consecutive rows of a name and numbers, under a header of as many names, are a table; a lone
    such line, or a line whose later cells are words, is not."""
    doc = planwatch.extract(DATA.parent / "wider" / "bulletins" / "anyuan_2010.txt")
    rows = [(f.text, f.indicator, f.measure, f.unit) for f in doc.facts if f.text in ("21774", "0.99", "-1.7")]
    assert rows == [("21774", "粮食", "level", "吨"), ("0.99", "粮食", "growth", "%"), ("-1.7", "蔬菜", "growth", "%")]
    assert find_aligned_tables("粮食 21774 0.99\n全年 新增 12 个\n") == []
    assert find_aligned_tables("全年粮食产量 21774 0.99\n") == []


def test_a_table_flattened_one_cell_per_line_is_read_by_its_rows(docs):
    """宁德's yearbook table 3-11 as a web page's text prints it: each cell on its own line ending
    in ``|``, a bare ``|`` where a row ends (and for each empty cell), no corner cell above the row
    names.  The year headers date the cells, the row names give indicator and unit; group rows
    (``一、总户数和总人口 |``) are no rows."""
    doc = docs["ningde_yearbook_3_11"]
    original = (DATA / "ningde_yearbook_3_11.txt").read_text(encoding="utf-8")
    households = cell(doc, "63.82", "家庭户", source="table")
    assert original[households.start:households.end] == "63.82"
    assert (households.value, households.unit, households.period) == (63.82, "万户", "1990")
    assert cell(doc, "282.20", "总人口", source="table").period == "2010"
    # a row name that opens on a quantity ("65岁及…") keeps it: it is no list number
    assert cell(doc, "26.03", "65岁及65岁以上人口", source="table").unit == "万人"
    assert not [f for f in doc.facts if "总户数" in f.indicator]


def test_cell_lines_without_row_ends_are_split_into_rows():
    """Round m (襄城县's 2020 bulletin, 表1 居民消费价格指数): the page prints no ``|`` line at all, so the
    whole table is one run of cells (``项目名称 |`` ``上年同期=100 |`` ``居民消费价格总指数 |`` ``102.7 |`` …).
    From the name before its first number on, a run that tiles into rows of one name and as many
    numbers is read by those rows; the names before them are its header."""
    doc = planwatch.extract(DATA.parent / "wider" / "bulletins" / "xiangcheng_2020.txt")
    original = (DATA.parent / "wider" / "bulletins" / "xiangcheng_2020.txt").read_text(encoding="utf-8")
    index = cell(doc, "102.7", "居民消费价格总指数", source="table")
    assert original[index.start:index.end] == "102.7"
    assert (index.measure, index.unit, index.period) == ("level", "", "2020")
    assert len([f for f in doc.facts if f.source == "table"]) == 15
    # 龙岗区's 2009年8月 monthly (统计月报, a mirror of lg.gov.cn): row ends under the two header rows only
    monthly = ("类 别 |\n以上月价格 |\n以上年同期价格为100 |\n|\n为100 |\n本月 |\n至本月平均 |\n|\n"
               "居民消费价格总指数 |\n100.9 |\n98.5 |\n99.3 |\n服务项目价格指数 |\n100.0 |\n97.3 |\n98.6 |\n"
               "消费品价格指数 |\n101.2 |\n99.0 |\n99.6 |\n一、食品 |\n102.0 |\n99.8 |\n100.2 |\n")
    table = [f for f in extract_text(monthly).facts if f.source == "table"]
    assert [(f.text, f.indicator) for f in table[:3]] == [
        ("100.9", "居民消费价格总指数"), ("98.5", "居民消费价格总指数"), ("99.3", "居民消费价格总指数")]
    assert len(table) == 12
    # a tail that does not tile (a third number in the last row) is no table
    assert find_aligned_tables("名称 |\n金额 |\n甲 |\n1 |\n乙 |\n2 |\n3 |\n") == []


@pytest.mark.parametrize("text", [
    # a page's image caption and share links: cell lines without a header of names and rows of numbers
    "![]() |\n海南今年投资721.6亿元\n",
    "》》点击图片进入专题《《\n收藏\n|\n分享到:\n",
    "首页 |\n新闻 |\n|\n政务公开 |\n办事服务 |\n|\n",
    # a single row of numbers under a header is no table
    "指标 |\n数值 |\n|\n地区生产总值 |\n111.5 |\n|\n",
])
def test_cell_lines_that_are_no_table(text):
    assert find_aligned_tables(text) == []


def test_a_share_column_makes_its_cells_percentages():
    """``比重(%)`` over a column of bare numbers: the cells are percentages (国家统计局's 2023
    bulletin, 表1 2023年年末人口数及其构成, laid out with spaces)."""
    text = BULLETIN + (
        "表1  2023年年末人口数及其构成\n"
        "  指标            年末数(万人)    比重(%)\n"
        "  全国人口        140967          100.0\n"
        "  城镇            93267           66.16\n"
        "  乡村            47700           33.84\n"
    )
    table = [f for f in extract_text(text).facts if f.source == "table"]
    assert [(f.text, f.indicator, f.unit) for f in table if f.indicator == "城镇"] == [
        ("93267", "城镇", "万人"), ("66.16", "城镇", "%")]
