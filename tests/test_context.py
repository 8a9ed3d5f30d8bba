"""A document's own region, year, part of the year and type: found once, from the places that state them."""

from __future__ import annotations

import pytest
from conftest import CORPUS, run_planwatch

import planwatch
from planwatch.context import StatedContext, part_of_year


def test_a_district_written_with_its_city_is_the_district() -> None:
    doc = planwatch.extract(CORPUS / "hailaer" / "hailaer_2019.txt")
    assert (doc.region, doc.year, doc.doc_type) == ("海拉尔区", 2019, "政府工作报告")
    assert {(c.field, c.source, c.words) for c in doc.clues} >= {
        ("region", "dateline", "呼伦贝尔市海拉尔区"), ("year", "dateline", "2019年3月4日")}
    gdp = [f for f in doc.facts if f.text == "192.3亿元"]
    assert [(f.indicator, f.region, f.period, f.kind) for f in gdp] == [("地区生产总值", "海拉尔区", "2018", "actual")]


def test_a_report_without_a_title_is_known_by_its_dateline() -> None:
    """hailaer_2017 opens straight with its dateline; a portal page (云南) puts a menu before it."""
    doc = planwatch.extract(CORPUS / "hailaer" / "hailaer_2017.txt")
    assert (doc.region, doc.year, doc.doc_type) == ("海拉尔区", 2017, "政府工作报告")
    yunnan = planwatch.extract(CORPUS / "provinces-2026" / "2026_云南省_政府工作报告.txt")
    assert (yunnan.region, yunnan.year) == ("云南省", 2026)


#: A bulletin's body: paragraphs much longer than its header lines (which are therefore not joined).
BODY = ("初步核算，全年全县实现地区生产总值85.6亿元，比上年增长8.1%。其中，第一产业增加值12.3亿元，增长5.2%；"
        "第二产业增加值30.1亿元，增长9.0%；第三产业增加值43.2亿元，增长8.4%。\n") * 4


def test_a_bulletin_reports_the_year_in_its_title_not_its_release_date() -> None:
    head = "首页 > 统计数据\n长顺县2019年国民经济和社会发展统计公报\n长顺县统计局\n2020年4月10日\n"
    doc = planwatch.extract_text(head + BODY)
    assert (doc.region, doc.year, doc.doc_type) == ("长顺县", 2019, "统计公报")
    assert [(f.text, f.period) for f in doc.facts][:2] == [("85.6亿元", "2019"), ("8.1%", "2019")]
    undated = planwatch.extract_text("长顺县国民经济和社会发展统计公报\n长顺县统计局 2020年4月10日\n" + BODY)
    assert undated.year == 2019  # issued in April: the year before


def test_a_year_named_only_in_passing_is_not_the_document_year() -> None:
    """A news item whose only year is a starting point (``2018年以来``) has no year of its own."""
    doc = planwatch.extract(CORPUS / "jinzhou" / "002_c76068c0fa3bff33.txt")
    assert doc.year is None and doc.region == "锦州市"
    stated = planwatch.extract(CORPUS / "jinzhou" / "002_c76068c0fa3bff33.txt",
                               StatedContext(date="2022-02", doc_type="news"))
    assert (stated.year, stated.doc_type) == (2022, "新闻报道")


def test_a_release_for_part_of_a_year() -> None:
    doc = planwatch.extract_text("2021年前三季度全市经济运行情况\n"
                                 "前三季度，全市实现地区生产总值1520.3亿元，同比增长9.8%。\n")
    assert (doc.year, doc.part, doc.doc_type) == (2021, "Q1-Q3", "经济数据")


@pytest.mark.parametrize(("phrase", "part"), [
    ("前三季度", "Q1-Q3"), ("一季度", "Q1"), ("上半年", "H1"), ("1—5月", "M1-M5"), ("1-9月份", "Q1-Q3"),
    ("1至6月", "H1"), ("3月份", "M3"), ("6月末", "H1"), ("11月末", "M1-M11"), ("1—12月", None), ("全年", None),
    ("13个月", None), ("2019年", None), ("从4月份起", None), ("6月份以来", None),
])
def test_parts_of_a_year(phrase: str, part: str | None) -> None:
    assert part_of_year(phrase) == part


def test_this_month_in_a_release_is_its_last_month() -> None:
    """"当月进出口…" in a release for the first three quarters is September's (2021M9)."""
    doc = planwatch.extract_text("2021年前三季度全省经济运行情况\n前三季度，全省进出口6.03万亿元，同比增长18.6%。"
                                 "当月进出口总量创历史新高，全省进出口0.78万亿元，同比增长12.1%。\n" * 2)
    assert [f.period for f in doc.facts][:4] == ["2021Q1-Q3", "2021Q1-Q3", "2021M9", "2021M9"]


def test_stated_context_wins_and_is_checked() -> None:
    assert StatedContext(region="海拉尔", date="2019-03").region == "海拉尔"
    with pytest.raises(ValueError, match="not a known"):
        StatedContext(region="火星")
    with pytest.raises(ValueError, match="YYYY"):
        StatedContext(date="2019-13")
    doc = planwatch.extract_text("全年实现地区生产总值111.5亿元。", context=StatedContext(region="凌河区", date="2014"))
    assert [(f.region, f.period) for f in doc.facts] == [("凌河区", "2014")]


def test_extract_says_what_it_found_and_refuses_a_bad_statement() -> None:
    path = str(CORPUS / "hailaer" / "hailaer_2019.txt")
    result = run_planwatch("extract", path)
    assert "region 海拉尔区 (dateline “呼伦贝尔市海拉尔区”)" in result.stderr
    result = run_planwatch("extract", path, "--region", "火星")
    assert result.returncode == 2 and result.stderr.strip() == (
        "planwatch: error: region '火星' is not a known administrative unit")


def test_a_manifest_states_each_files_context(tmp_path) -> None:
    """A folder's manifest.csv (paths relative to it) is read by extract and ingest; flags win over it."""
    import json

    from planwatch.store import Store

    folder = tmp_path / "news"
    folder.mkdir()
    text = "上半年我县经济实现稳中提质\n上半年，全县实现地区生产总值400.61亿元，同比增长6.1%。\n" * 3
    (folder / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "manifest.csv").write_text(
        "path,region,date,type,title,url\nnews/a.txt,岱山县,2025-08,news,上半年 我县经济实现稳中提质,http://example.org/a\n",
        encoding="utf-8")
    result = run_planwatch("extract", str(folder / "a.txt"), "--format", "jsonl")
    facts = [json.loads(line) for line in result.stdout.splitlines()]
    assert {(f["region"], f["period"]) for f in facts} == {("岱山县", "2025H1")}
    overridden = run_planwatch("extract", str(folder / "a.txt"), "--format", "jsonl", "--date", "2024-08")
    assert {json.loads(line)["period"] for line in overridden.stdout.splitlines()} == {"2024H1"}
    ignored = run_planwatch("extract", str(folder / "a.txt"), "--format", "jsonl", "--no-manifest")
    assert {json.loads(line)["region"] for line in ignored.stdout.splitlines()} == {""}

    db = tmp_path / "pw.db"
    assert run_planwatch("ingest", str(tmp_path), "--db", str(db)).returncode == 0
    with Store(db) as store:
        (meta,) = [json.loads(r["meta"]) for r in store.db.query("SELECT meta FROM documents")]
    assert meta["stated"]["region"] == "岱山县" and meta["context"]["part"] == "H1"


def test_a_bad_manifest_row_is_one_line_naming_it(tmp_path) -> None:
    (tmp_path / "a.txt").write_text("全年实现地区生产总值111.5亿元。\n", encoding="utf-8")
    (tmp_path / "manifest.csv").write_text("path,region,date\na.txt,火星,2019\n", encoding="utf-8")
    result = run_planwatch("extract", str(tmp_path / "a.txt"))
    assert result.returncode == 2
    assert result.stderr.strip().endswith("line 2: region '火星' is not a known administrative unit")
    assert len(result.stderr.strip().splitlines()) == 1


def test_news_early_in_a_year_about_the_year_before() -> None:
    """A news item of 2022-01 whose sentences open with 2021年 reports 2021; one of 2022-08 about
    上半年 keeps its own year; a report (not news) keeps the year its date gives."""
    from conftest import REPO

    from planwatch.context import find_manifest

    wider = REPO / "tests" / "data" / "wider" / "news"
    path = wider / "yue_su_lu_2021_gdp.txt"
    doc = planwatch.extract(path, find_manifest(path).get(path))
    assert doc.year == 2021 and ("year", "lead") in {(c.field, c.source) for c in doc.clues}
    path = wider / "daishan_2025h1.txt"
    assert planwatch.extract(path, find_manifest(path).get(path)).year == 2025


def test_a_stated_issue_date_does_not_outrank_the_year_a_bulletins_title_reports():
    """A manifest gives when a bulletin was issued (长顺县's 2019 bulletin: 2020-07); its title names the
    year reported.  A bulletin whose title names no year reports the year before its issue, however
    late in the year it is issued; a stated year alone (2019) is the year reported."""
    def periods(text: str, date: str) -> set[str]:
        return {f.period for f in planwatch.extract_text(text, context=StatedContext(date=date)).facts}

    text = "长顺县2019年国民经济和社会发展统计公报\n\n全县地区生产总值155864万元，增长8.6%。\n"
    for date in ("2020-03", "2020-07", "2020-10"):
        assert periods(text, date) == {"2019"}, date
    untitled = "长顺县国民经济和社会发展统计公报\n\n全县地区生产总值155864万元，增长8.6%。\n"
    assert periods(untitled, "2020-09") == {"2019"}
    assert periods(untitled, "2019") == {"2019"}
