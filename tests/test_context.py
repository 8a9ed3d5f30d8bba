"""A document's own region, year, part of the year and type: found once, from the places that state them."""

from __future__ import annotations

import pytest
from conftest import CORPUS, WIDER, run_planwatch

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




def test_a_title_names_a_unit_too_common_to_trust_in_prose() -> None:
    """``2019年交城县…统计公报`` (山西) and ``2020年襄城县…统计公报`` (河南) read without their manifest: a
    county name ending in ``城县`` hides in prose (``城县一体``), but right after the title's year and
    before what the title reports it is the document's unit.  The same words elsewhere name no unit."""
    for path, region in (("bulletins/jiaocheng_2019.txt", "交城县"), ("bulletins/xiangcheng_2020.txt", "襄城县")):
        doc = planwatch.extract(WIDER / path)
        assert (doc.region, doc.year, doc.doc_type) == (region, int(path[-8:-4]), "统计公报")
        assert {f.region for f in doc.facts} == {region}
        assert ("region", "title") in {(c.field, c.source) for c in doc.clues}
    titles = ("沿海城市国民经济和社会发展统计公报", "示范县国民经济和社会发展统计公报", "2019年全县国民经济运行情况")
    for title in titles:
        assert planwatch.extract_text(title + "\n" + BODY).region == "", title
    from planwatch.context import _title_subject

    # a release's title may name its year and part of the year first, bracketed or not
    released = ("【2022年1-5月】城厢区经济运行情况", "2022年前三季度城厢区经济运行情况",
                "城厢区2022年1-5月经济运行情况")
    for title in released:
        assert getattr(_title_subject(title), "name", None) == "城厢区", title
    assert _title_subject("2022年前三季度全区经济运行情况") is None


def test_a_unit_written_after_its_city_or_province_is_that_unit() -> None:
    """泉州市鲤城区 (a title broken over two lines, 福建) and 四川万源 (a news headline) name the district
    and the county-level city, not the city or province before them; alone, ``鲤城区域`` or ``厨房县城``
    name nothing."""
    from planwatch.gazetteer import load_gazetteer

    licheng = planwatch.extract(WIDER / "plans/licheng_13th_plan_2015.txt")
    assert (licheng.region, licheng.doc_type) == ("鲤城区", "规划纲要")
    wanyuan = planwatch.extract(WIDER / "news/wanyuan_14th_plan_2021.txt")
    assert wanyuan.region == "万源市" and {f.region for f in wanyuan.facts} == {"万源市"}
    names = lambda text: [r.name for _, _, r in load_gazetteer().find_all(text)]  # noqa: E731
    assert names("许昌市襄城县统计局") == ["许昌市", "襄城县"]
    assert names("湖北十堰房县") == ["湖北省", "十堰市", "房县"]
    assert names("鲤城区域") == names("厨房县城") == names("沿海城市") == []
    assert names("四川大学") == ["四川省"]  # 大学 is no county after its province


def test_a_pages_header_date_dates_a_release_that_names_no_year() -> None:
    """News of a statistics release that names its part of the year but not the year: the day in the
    page's header (``王菲菲 2022年07月03日09:22``, 人民网 青海; ``2021-04-21 中国发展网``, 海南;
    ``发布时间：2011-03-24``, 西藏) gives it.  A month without its day opening a sentence
    (``2019年1月至10月``) is a period, not the day of issue."""
    qinghai = planwatch.extract(WIDER / "releases/qinghai_2022m1m5.txt")
    assert (qinghai.year, qinghai.part) == (2022, "M1-M5")
    assert ("year", "header date", "2022年07月03日") in {(c.field, c.source, c.words) for c in qinghai.clues}
    hainan = planwatch.extract(WIDER / "releases/hainan_2021q1_news.txt")
    assert (hainan.region, hainan.year, hainan.part) == ("海南省", 2021, "Q1")
    assert planwatch.extract(WIDER / "news/xizang_2011_roads.txt").year == 2011
    from planwatch.context import _issue_date

    assert _issue_date("2019年1月至10月，全省规模以上工业增加值") is None
    assert _issue_date("发布时间：2020/3/5 来源：") == ("2020-03-05", "2020/3/5")


def test_the_congress_and_the_publisher_name_the_unit_whole() -> None:
    """The unit before ``第N届人民代表大会`` in a dateline, or before ``人民政府``/``统计局`` in a page's
    source line, is named whole there, even a two-character county (蠡县, 河北: the dateline beats the
    province in brackets before the title) or one ending in 城区 that prose alone would not trust.  A
    newspaper or a national office in the source line names no unit."""
    lixian = planwatch.extract(WIDER / "reports/lixian_2017.txt")
    assert (lixian.region, lixian.year) == ("蠡县", 2017)
    assert ("region", "dateline", "蠡县") in {(c.field, c.source, c.words) for c in lixian.clues}
    dateline = "政府工作报告\n——2021年1月6日在城厢区第八届人民代表大会第五次会议上\n各位代表：\n2020年，"
    assert planwatch.extract_text(dateline + BODY).region == "城厢区"
    release = "前三季度全县经济运行稳中有进\n2019-10-28 来源：{}\n前三季度，"
    assert planwatch.extract_text(release.format("房县人民政府") + BODY).region == "房县"
    # a county's own news site (崇阳新闻网, 湖北 2016): its short name, held by no other unit
    chongyang = planwatch.extract(WIDER / "reports/chongyang_2016.txt")
    assert (chongyang.region, chongyang.year) == ("崇阳县", 2016)
    for paper in ("河北日报", "国家统计局", "人民网", "朝阳新闻网"):
        clues = planwatch.extract_text(release.format(paper) + BODY).clues
        assert "source line" not in {c.source for c in clues}, paper


def test_a_plans_evaluation_reports_results_up_to_the_year_before_it() -> None:
    """A mid-term evaluation (甘肃 2013, of the 十二五 outline; a 遂宁 2023 one of the 十四五 outline) is
    read as what it is: results of the plan's years up to the one before the report, not a plan whose
    figures are the base year's or its goals; a target it restates keeps its own year."""
    gansu = planwatch.extract(WIDER / "plans/gansu_12th_midterm_2013.txt")
    assert (gansu.doc_type, gansu.region, gansu.year) == ("规划评估", "甘肃省", 2013)
    evaluation = planwatch.extract_text(
        "关于遂宁市国民经济和社会发展第十四个五年规划纲要实施情况的中期评估报告\n"
        "2023年8月22日在遂宁市第八届人民代表大会常务委员会第十二次会议上\n一、主要指标完成情况\n"
        "2021—2022年，全市地区生产总值年均增长6.3%；2022年地区生产总值达到1614.5亿元。"
        "研发经费投入强度为1.1%，低于预期进度。全市常住人口城镇化率2022年达到54.6%。\n"
        "到2025年，全市地区生产总值力争达到2000亿元。\n")
    assert evaluation.doc_type == "规划评估"
    assert [(f.text, f.mention, f.kind, f.period) for f in evaluation.facts] == [
        ("6.3%", "地区生产总值", "actual", "2021-2022"), ("1614.5亿元", "地区生产总值", "actual", "2022"),
        ("1.1%", "研发经费投入强度", "actual", "2022"), ("54.6%", "常住人口城镇化率", "actual", "2022"),
        ("2000亿元", "地区生产总值", "target", "2025")]
    plan = planwatch.extract_text("遂宁市国民经济和社会发展第十四个五年规划纲要\n" + BODY)
    assert plan.doc_type == "规划纲要"


def test_news_of_a_report_takes_its_year_from_the_pages_day() -> None:
    """News of a city's report that names no year (``过去一年…``, ``今年…``) under a page header
    ``2021-01-12 08:30 来源：宜宾日报``: the report is 2021's, its review 2020's.  Without the header
    nothing dates it, and the periods stay empty."""
    body = ("政府工作报告解读：过去一年成绩亮眼 今年目标明确\n{}1月11日，宜宾市第五届人民代表大会第六次会议开幕。"
            "市长代表市人民政府作政府工作报告。\n报告指出，过去一年，全市实现地区生产总值2802.12亿元，增长4.6%。\n"
            "报告提出，今年全市经济社会发展的主要预期目标是：地区生产总值增长8%以上。\n")
    dated = planwatch.extract_text(body.format("2021-01-12 08:30 来源：宜宾日报\n"))
    assert (dated.region, dated.year, dated.doc_type) == ("宜宾市", 2021, "政府工作报告")
    assert [(f.text, f.kind, f.period) for f in dated.facts] == [
        ("2802.12亿元", "actual", "2020"), ("4.6%", "actual", "2020"), ("8%以上", "target", "2021")]
    assert {f.period for f in planwatch.extract_text(body.format("")).facts} == {""}


def test_a_unit_found_only_by_mentions_is_of_the_kind_the_text_calls_its_own() -> None:
    """黑河's news (``我市一季度…``, ``全市…``) names only a district, once, in a list of projects
    (``爱辉区北丰进口大豆加工等7个项目``): the text's own unit is a city, the district's city; 山西's 1-11月
    key works (``全省…``) name a city's works, not the city.  A county's ``增速全市第一`` is a rank in its
    city, not a word for its own unit (房县's news: 县)."""
    from planwatch.context import _own_unit

    heihe = planwatch.extract(WIDER / "news/heihe_2016q1.txt")
    assert heihe.region == "黑河市" and {f.region for f in heihe.facts} == {"黑河市"}
    assert planwatch.extract(WIDER / "news/shanxi_2018m11_key_works.txt").region == "山西省"
    assert _own_unit((WIDER / "news/fangxian_2018q1q3.txt").read_text(encoding="utf-8")) == "县"
    assert _own_unit("全省经济运行平稳，全市增速居全省第一。") is None  # two kinds, neither dominant


def test_a_reports_sentence_naming_this_year_turns_again() -> None:
    """News of a report putting the review and the year's goals in one paragraph (``过去一年，…。今年…主要
    预期目标是：…``): the second sentence is the report's own year; ``比去年`` and ``去年同期`` are bases, not
    the sentence's year."""
    news = planwatch.extract_text(
        "（2023年1月10日）\n毕节市人民政府市长吴东来作政府工作报告\n过去一年，全市地区生产总值完成2200亿元，增长1.5%。"
        "今年全市经济社会发展的主要预期目标是：地区生产总值增长6%左右。\n")
    assert [(f.text, f.kind, f.period) for f in news.facts] == [
        ("2200亿元", "actual", "2022"), ("1.5%", "actual", "2022"), ("6%左右", "target", "2023")]
    from planwatch.extractors.scope import _THIS_OR_LAST_YEAR

    assert _THIS_OR_LAST_YEAR.search("全市社会消费品零售总额比去年增长") is None
    assert _THIS_OR_LAST_YEAR.search("，与去年同期相比") is None


def test_a_work_report_is_the_year_after_the_one_it_reviews() -> None:
    """News of 长春's 2019 report (``…作《政府工作报告》 2018年长春六方面工作受到国务院通报表扬`` as its title,
    ``刘忻首先回顾了2018年工作``) was dated by its title's 2018, so every result fell in 2017.  A report
    reviews the year before the one it plans: ``回顾了2018年工作`` or ``2018年工作回顾`` make it 2019's.
    Accepted on 闽清县's 2019 report read without its manifest (``一、2018年工作回顾``; before, its lead's
    ``2018年，在市委…`` made it 2018's and its results targets).  Rejected: a report with a dateline keeps the
    dateline's year (海拉尔区 2016), and a plan is no work report."""
    changchun = planwatch.extract_text((WIDER / "news/changchun_2019_report_news.txt").read_text(encoding="utf-8"))
    assert changchun.year == 2019
    assert [(f.kind, f.period) for f in changchun.facts if f.text == "478亿元"] == [("actual", "2018")]
    minqing = planwatch.extract_text((WIDER / "reports/minqing_2019.txt").read_text(encoding="utf-8"))
    assert minqing.year == 2019 and any(c.source == "review" for c in minqing.clues)
    hailaer = planwatch.extract(CORPUS / "hailaer" / "hailaer_2016.txt")
    assert hailaer.year == 2016 and not any(c.source == "review" for c in hailaer.clues)
    plan = planwatch.extract_text("某县国民经济和社会发展第十三个五年规划纲要\n"
                                  "回顾了2015年工作。到2020年，地区生产总值达到100亿元。")
    assert not any(c.source == "review" for c in plan.clues)


def test_a_unit_compared_with_is_not_the_texts_own() -> None:
    """房县's news of 前三季度 2018 names no unit of its own (``全县…``) and four others, each as the one it is
    compared with (``位居郧阳区、丹江口市、茅箭区之后``, ``与比拼对象保康县比``): before, the only county of them,
    保康县, became the region of every figure; now the region stays unknown, as FACTS.md wants.  Rejected:
    黑河's news, whose district is named as a place of its projects, keeps its city."""
    fangxian = planwatch.extract_text((WIDER / "news/fangxian_2018q1q3.txt").read_text(encoding="utf-8"))
    assert fangxian.region in (None, "") and {f.region for f in fangxian.facts} == {""}
    heihe = planwatch.extract_text((WIDER / "news/heihe_2016q1.txt").read_text(encoding="utf-8"))
    assert heihe.region == "黑河市"


@pytest.mark.parametrize(("name", "region", "year", "part"), [
    ("2026_上海市_政府工作报告.txt", "上海市", 2026, None),  # ../shared's provinces-2026 names its files so
    ("hailaer_2012.txt", "海拉尔区", 2012, None),  # ../shared's hailaer series: a place in Pinyin
    ("fangxian_2018q1q3.txt", "房县", 2018, "Q1-Q3"),  # the full name in Pinyin; FACTS.md's code, lower case
    ("hebei_2024m1m8_news.txt", "河北省", 2024, "M1-M8"),
    ("sichuan_2022m1m6_fdi.txt", "四川省", 2022, "H1"),  # 1—6月 is H1, as in the text
    ("2019年前三季度丹寨县经济运行.txt", "丹寨县", 2019, "Q1-Q3"),
    ("yueyang_county_13th_plan.txt", "岳阳县", None, None),  # the English word says which 岳阳
    ("quanzhou_2012.txt", "泉州市", 2012, None),  # 泉州市 and 全州县 read alike: the bare name is the larger
    # rejected: a hash, two years, a year inside a word, units that read alike at one level, English words
    ("000_6cc6ed5f7fc9b850.txt", None, None, None),
    ("a_2015_2016.txt", None, None, None),
    ("x2015.txt", None, None, None),
    ("tianzhu_county_2015.txt", None, 2015, None),  # 天祝 and 天柱 are both counties
    ("report_news_plan_bulletin_rural_major_works.txt", None, None, None),
    # a folder by place or year (../shared's jinzhou/ and provinces-2026/) where the name itself is silent
    ("jinzhou/000_6cc6ed5f7fc9b850.txt", "锦州市", None, None),
    ("provinces-2026/report.txt", None, 2026, None),
    ("hailaer/2016_锦州市_公报.txt", "锦州市", 2016, None),  # the file's own name first
    ("/tmp/pytest-3/test_a_file0/a.txt", None, None, None),
])
def test_a_file_name_states_a_region_year_and_part(name: str, region: str | None, year: int | None,
                                                  part: str | None) -> None:
    from planwatch.context import file_name_context

    named = file_name_context(name)
    assert (named.region.name if named.region else None, named.year, named.part) == (region, year, part)


def test_a_file_name_fills_only_what_the_text_leaves_unknown(tmp_path) -> None:
    """涪陵区's release names neither its district nor its year (``前三季度,全区实现地区生产总值…``): named
    ``fuling_2025q1q3.txt``, as a user files it, its facts are 涪陵区's of 2025Q1-Q3, and the summary says
    it is the file name that says so; named ``doc1.txt`` they stay unknown.  The text's own year and
    unit win: 海拉尔区's report of 2019 saved as ``2013_锦州市_公报.txt`` is still 海拉尔区's 2019 report."""
    import json
    import shutil

    release = (WIDER / "releases/fuling_2025q1q3.txt").read_text(encoding="utf-8")
    for name, expected in (("fuling_2025q1q3.txt", {("涪陵区", "2025Q1-Q3")}), ("doc1.txt", {("", "")})):
        (tmp_path / name).write_text(release, encoding="utf-8")
        result = run_planwatch("extract", str(tmp_path / name), "--format", "jsonl")
        facts = [json.loads(line) for line in result.stdout.splitlines()]
        assert {(f["region"], f["period"]) for f in facts} == expected
    summary = run_planwatch("extract", str(tmp_path / "fuling_2025q1q3.txt")).stderr
    assert "year 2025 (file name “fuling_2025q1q3.txt”)" in summary
    assert "region 涪陵区 (file name “fuling_2025q1q3.txt”)" in summary
    shutil.copy(CORPUS / "hailaer" / "hailaer_2019.txt", tmp_path / "2013_锦州市_公报.txt")
    report = planwatch.extract(tmp_path / "2013_锦州市_公报.txt")
    assert (report.region, report.year) == ("海拉尔区", 2019)


def test_the_pinyin_table_matches_the_gazetteer_and_needs_no_dictionary_at_run_time() -> None:
    """``data/region_pinyin.csv`` is what ``scripts/make_region_pinyin.py`` makes from this gazetteer (so a new
    division table cannot leave it behind), and reading ``hailaer_2012.txt`` loads no Pinyin dictionary: one
    costs a process some 55 MB, over a small ``PLANWATCH_FILE_MEMORY_MB``."""
    import importlib.util
    import subprocess
    import sys

    from conftest import REPO

    spec = importlib.util.spec_from_file_location("make_region_pinyin", REPO / "scripts" / "make_region_pinyin.py")
    maker = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(maker)  # type: ignore[union-attr]
    assert maker.TABLE.read_text(encoding="utf-8") == maker.table_text()
    probe = ("import sys; from planwatch.context import file_name_context as f; "
             "print(f('hailaer_2012.txt').region.name, 'pypinyin' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=REPO)
    assert out.stdout.split() == ["海拉尔区", "False"]


def test_a_title_line_that_runs_on_into_the_text_is_cut_at_its_dateline_or_first_stop(tmp_path) -> None:
    # 新县's report copied onto one line ("2019年新县政府工作报告 ——2019年2月16日在县十四届人大…获评河南省…示范县")
    # was read whole as its title, so the province the text names was the document's region; the title is cut
    # where its dateline or first sentence mark begins, when what comes before names a kind of document
    from planwatch.context import _title_proper

    # accepted: 崇阳县's report news flattened the same way is dated by its header day (2016), not by the
    # review heading's "2015年工作总结" further along the line (before: 2015; its manifest row says 2016)
    text = (WIDER / "reports" / "chongyang_2016.txt").read_text(encoding="utf-8")
    (tmp_path / "page.txt").write_text(" ".join(line.strip() for line in text.splitlines() if line.strip())[:3000],
                                       encoding="utf-8")
    flat = planwatch.extract(tmp_path / "page.txt", StatedContext())
    assert (flat.region, flat.year) == ("崇阳县", 2016)
    assert _title_proper("2019年新县政府工作报告 ——2019年2月16日在县十四届人大三次会议上 新县人民政府县长 夏明夫 "
                         "各位代表: 现在,我代表县人民政府,向大会报告工作,请予审议") == "2019年新县政府工作报告"
    # rejected: a long first line of prose (平遥县's bulletin) names no kind before its first stop: kept whole
    pingyao = (WIDER / "bulletins" / "pingyao_2017.txt").read_text(encoding="utf-8").splitlines()[0]
    assert len(pingyao) > 60 and _title_proper(pingyao) == pingyao
    short = "2015年天祝藏族自治县国民经济和社会发展统计公报"
    assert _title_proper(short) == short


def test_a_unit_named_by_its_short_name_before_the_word_for_its_whole(tmp_path) -> None:
    # 缙云县's 上半年 page names its county only as "上半年,缙云全县上下…": the short name with 全县 after it is
    # one full name (before: no region without the manifest or the file name)
    from planwatch.context import _short_whole

    # accepted: 万源's news of its plan, read from the paragraph that names it so ("到“十四五”末,万源全市…")
    text = (WIDER / "news" / "wanyuan_14th_plan_2021.txt").read_text(encoding="utf-8")
    (tmp_path / "page.txt").write_text(text[text.index("到“十四五”末,万源全市"):], encoding="utf-8")
    assert planwatch.extract(tmp_path / "page.txt", StatedContext()).region == "万源市"
    assert _short_whole("今年以来,石家庄全市上下") is not None
    # rejected: a short name several units have (鼓楼区 in 福州, 南京, 徐州, 开封), and a whole named past the
    # opening (the sub-provincial cities' news: "上半年，杭州全市…" in its middle names no subject of the item)
    assert _short_whole("上半年,鼓楼全区上下") is None
    assert _short_whole("带动全县经济") is None
    cities = (WIDER / "news" / "sub_provincial_cities_2021h1.txt").read_text(encoding="utf-8")
    assert "杭州全市" in cities and _short_whole(cities[:300]) is None


def test_a_year_after_a_statistics_office_s_opening_words_opens_the_sentence(tmp_path) -> None:
    # 缙云县's page: "据初步核算,2023年上半年全县实现生产总值…" dates the release (before: no year, 36 facts undated)
    # accepted: 天祝's bulletin read from its first section ("一、综合 初步核算,2015年,全县实现…")
    text = (WIDER / "bulletins" / "tianzhu_2015.txt").read_text(encoding="utf-8")
    (tmp_path / "body.txt").write_text(text[text.index("一、综合"):], encoding="utf-8")
    assert planwatch.extract(tmp_path / "body.txt", StatedContext()).year == 2015
    # rejected: a year that only opens a "since" (据统计,2018年以来…) dates nothing
    since = planwatch.extract_text("一、就业\n据统计，2018年以来全县累计新增就业1.2万人。", context=StatedContext())
    assert since.year is None


def test_a_report_known_by_its_opening_and_dated_by_its_first_estimate(tmp_path) -> None:
    """包头's 2013 report (round t) is copied without title or dateline
    (``包头市人民政府市长 孙炜东`` / ``各位代表:`` / ``现在,我代表市人民政府,向大会报告工作``) and its review
    says ``预计2012年全市生产总值完成3440亿元左右``: read alone it is a work report (lexicon
    ``report_openings``) of 2013, the year after the one it estimates (before: type unknown, no year,
    its review undated).  Accepted on 锡林浩特's 2008 report and 吉林's 2026 report cut to their
    opening (``我代表市人民政府向大会作工作报告``; ``预计2007年,地区生产总值完成75亿元`` → 2008);
    rejected on 宿迁's news (``王昊代表市人民政府向大会作工作报告``: no 我代表) and for a goal
    (``预计到2015年``)."""
    def read(name: str, text: str) -> planwatch.Document:
        (tmp_path / name).write_text(text, encoding="utf-8")
        return planwatch.extract(tmp_path / name, StatedContext())

    baotou = read("doc0.txt", (WIDER / "reports" / "baotou_2013.txt").read_text(encoding="utf-8"))
    assert (baotou.doc_type, baotou.region, baotou.year) == ("政府工作报告", "包头市", 2013)
    assert {f.period for f in baotou.facts if f.text in ("3440亿元左右", "326.8亿元")} == {"2012"}
    xilinhot = (WIDER / "reports" / "xilinhot_2008.txt").read_text(encoding="utf-8")
    opened = read("doc1.txt", xilinhot[xilinhot.index("各位代表:\n"):])
    assert (opened.doc_type, opened.year) == ("政府工作报告", 2008)
    jilin = (CORPUS / "provinces-2026" / "2026_吉林省_政府工作报告.txt").read_text(encoding="utf-8")
    assert read("doc2.txt", jilin[jilin.index("各位代表"):]).doc_type == "政府工作报告"
    from planwatch.context import _report_opening

    suqian = (WIDER / "news" / "suqian_2019_report_items.txt").read_text(encoding="utf-8")
    assert "代表市人民政府向大会作工作报告" in suqian and _report_opening().search(suqian) is None
    goal = read("doc4.txt", "各位代表：\n现在，我代表县人民政府，向大会报告工作。\n"
                            "预计到2015年，全县地区生产总值达到100亿元。\n")
    assert (goal.doc_type, goal.year) == ("政府工作报告", None)
