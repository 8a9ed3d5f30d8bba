"""``planwatch report``: the mid-term evaluation report in every format, from the bundled documents.

The sample documents are ingested once per module, the report model is built once, and each
format is rendered once (the PDF is the slow one, about 10 s); the tests then read the files
back with the tools a user's software would use — BeautifulSoup for HTML, python-docx for
Word, pdfminer.six for the PDF text layer — and check what a reader must find: the GDP target
row (地区生产总值 1500左右, baseline 1074 in 2020, required ≈6.9% a year), status counts equal to
``monitor.targets()``, a source for every number, and Chinese text that is really text.
"""

from __future__ import annotations

import re
import warnings
from collections import Counter
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from conftest import SAMPLE_DIR, run_planwatch

from planwatch import monitor
from planwatch.report import ReportError, build_report, format_for, write_report
from planwatch.report.fmt import STATUS_LABELS
from planwatch.report.model import Report, TargetRow
from planwatch.store import Store

REGION, PLAN = "锦州市", "十四五"
GDP = "地区生产总值"


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("report-db") / "sample.db"
    with Store(path) as store:
        assert store.ingest([SAMPLE_DIR]).ok
    return path


@pytest.fixture(scope="module")
def store(db: Path) -> Iterator[Store]:
    s = Store(db)
    yield s
    s.close()


@pytest.fixture(scope="module")
def report(store: Store) -> Report:
    return build_report(store, region=REGION, plan=PLAN, generated=date(2026, 5, 1))


@pytest.fixture(scope="module")
def out_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("reports")


@pytest.fixture(scope="module")
def files(report: Report, out_dir: Path) -> dict[str, Path]:
    """Each format rendered once; HTML before PDF so the PDF reuses the drawn charts."""
    return {fmt: write_report(report, out_dir / f"report.{fmt}") for fmt in ("md", "html", "docx", "pdf")}


def _gdp_row(report: Report) -> TargetRow:
    rows = [r for r in report.rows if r.indicator == GDP and r.measure == "level" and r.target_year == 2025]
    assert len(rows) == 1
    return rows[0]


def _expected_counts(store: Store) -> dict[str, int]:
    return dict(Counter(a.status for a in monitor.targets(store, region=REGION, plan=PLAN)))


# -- the model ------------------------------------------------------------------------------
def test_gdp_target_row(report: Report) -> None:
    row = _gdp_row(report)
    assert (row.target, row.qualifier, row.unit) == (1500, "about", "亿元")
    assert (row.baseline, row.baseline_year) == (1074, 2020)
    assert row.required_growth == pytest.approx(6.91, abs=0.01)  # (1500/1074)^(1/5) − 1
    assert row.target_text == "1500左右 亿元"
    assert row.required_text == "6.9%"
    assert row.status_label == STATUS_LABELS[row.status]
    target = report.sources[row.target_ref - 1]
    assert "1500" in target.text and "1500" in target.quote
    assert target.title == "锦州市国民经济和社会发展第十四个五年规划纲要"
    baseline = report.sources[row.baseline_refs[0] - 1]
    assert "1074" in baseline.text


def test_status_counts_match_the_store(report: Report, store: Store) -> None:
    expected = _expected_counts(store)
    counts = report.status_counts()
    assert {s: n for s, n in counts.items() if n} == expected
    assert list(counts)[: len(STATUS_LABELS)] == list(STATUS_LABELS)  # every status shown, zeros too
    assert sum(counts.values()) == len(report.rows) == sum(expected.values())
    assert [total for *_, total in report.status_table()] == list(counts.values())


def test_every_number_has_a_source_that_points_into_its_document(report: Report, store: Store) -> None:
    n = len(report.sources)
    assert [s.n for s in report.sources] == list(range(1, n + 1))
    for row in report.rows:
        assert 1 <= row.target_ref <= n
        if row.baseline is not None and not row.is_rate:
            assert row.baseline_refs, row
        if row.latest is not None:
            assert row.latest_refs, row
    for chart in report.charts:
        assert chart.observed and chart.targets
        assert all(1 <= ref <= n for ref in chart.refs)
    for conflict in report.conflicts:
        assert all(1 <= v.ref <= n for v in conflict.values)
    texts = {d["name"]: store.document_text(d["id"]) for d in store.documents()}
    for s in report.sources:
        assert texts[s.doc][s.start : s.end] == s.text, s  # the offset finds the number
        assert s.quote and s.title


def test_contradictions_and_gaps(report: Report) -> None:
    # The plan gives 城镇新增就业 2020 as 1.8 in one table and 1.76 in another.
    assert any(c.indicator == "城镇新增就业" and c.period == "2020" for c in report.conflicts)
    gdp_gap = [r.gap for r in report.gap_rows if r.indicator == GDP and r.measure == "level"]
    assert gdp_gap == ["基期（2020年）后尚无新数据"]
    assert GDP in {s.indicator for s in report.stale}
    assert GDP in {c.indicator for c in report.charts}


def test_a_span_is_named_as_its_plan(store: Store) -> None:
    by_span = build_report(store, region="锦州", plan="2021-2025", as_of=2023)
    assert by_span.region == REGION and by_span.plan == PLAN
    assert by_span.title == "锦州市“十四五”规划实施中期评估报告"


def test_as_of_chooses_mid_term_or_final_evaluation(store: Store, report: Report) -> None:
    assert report.as_of == 2026 and report.evaluation == "总结评估"  # generated in 2026, after 2025
    assert build_report(store, region=REGION, plan=PLAN, as_of=2025).evaluation == "总结评估"
    mid = build_report(store, region=REGION, plan=PLAN, as_of=2024)
    assert mid.evaluation == "中期评估" and mid.title == "锦州市“十四五”规划实施中期评估报告"


# -- the formats ----------------------------------------------------------------------------
def test_markdown_has_the_tables(files: dict[str, Path], store: Store) -> None:
    text = files["md"].read_text(encoding="utf-8")
    assert text.startswith("# 锦州市“十四五”规划实施总结评估报告")
    assert "| 序号 | 指标 | 类型 | 目标期 | 目标值 | 基期值 | 最新值 | 所需年均增速 | 实际年均增速 | 状态 |" in text
    assert re.search(
        r"^\| \d+ \| 地区生产总值 \| 水平值 \| 2025 \| 1500左右 亿元 \[\d+\] \| 1074 亿元（2020年，预计） \[\d+\] \|"
        r" [^|]+ \| 6\.9% \| — \| 无数据 \|$",
        text,
        re.M,
    )
    for status, n in _expected_counts(store).items():
        assert re.search(rf"^\| {STATUS_LABELS[status]} \| \d+ \| \d+ \| {n} \|$", text, re.M)
    headings = re.findall(r"^## (.+)$", text, re.M)
    assert headings[:9] == [
        "一、总体情况", "二、主要成效", "三、存在问题", "四、下一步建议", "五、主要指标目标完成情况",
        "六、重点指标走势", "七、数据矛盾", "八、数据缺口", "九、重点项目",
    ]  # fmt: skip
    assert "## 资料来源" in text
    # the main indicators under the plan's own categories, in its order
    groups = re.findall(r"^### （[一二三四五六七]）(.+)$", text[text.index("## 五、") : text.index("## 六、")], re.M)
    assert groups == ["经济发展", "创新能力", "民生福祉", "生态环境", "安全保障", "规划正文中的其他指标目标"]
    # sources: a compact table of document title and place, no file names or server paths
    first = r"^\| \[1\] \| 《锦州市国民经济和社会发展第十四个五年规划纲要》 \| 第\d+段 \| 1500 亿元左右 \|$"
    assert re.search(first, text, re.M)
    assert ".txt" not in text and str(store.url) not in text and "数据库：" not in text


def test_html_is_self_contained_and_holds_the_gdp_row(files: dict[str, Path], report: Report, store: Store) -> None:
    from bs4 import BeautifulSoup

    html = files["html"].read_text(encoding="utf-8")
    assert "http://" not in html and "https://" not in html
    soup = BeautifulSoup(html, "lxml")
    assert soup.find("script") is None and soup.find("link") is None
    for tag in soup.find_all(src=True):
        assert tag["src"].startswith("data:image/svg+xml;base64,")
    ids = {tag["id"] for tag in soup.find_all(id=True)}
    for tag in soup.find_all(href=True):
        assert tag["href"].startswith("#src-") and tag["href"][1:] in ids  # links to its source note
    assert len(soup.select("figure img")) == len(report.charts) > 0
    rows = [[td.get_text(strip=True) for td in tr.find_all("td")] for tr in soup.select("table.targets tbody tr")]
    gdp = [r for r in rows if r[1] == GDP and r[2] == "水平值"]
    assert len(gdp) == 1
    assert gdp[0][4].startswith("1500左右 亿元[") and gdp[0][5].startswith("1074 亿元（2020年，预计）[")
    assert gdp[0][7] == "6.9%"
    counts = {
        tds[0].get_text(): int(tds[3].get_text())
        for tr in soup.select("table.counts tbody tr")
        if len(tds := tr.find_all("td")) == 4
    }
    assert counts == {STATUS_LABELS[s]: n for s, n in report.status_counts().items()}
    assert {k: v for k, v in counts.items() if v} == {STATUS_LABELS[s]: n for s, n in _expected_counts(store).items()}


def test_docx_has_real_tables_and_charts(files: dict[str, Path], report: Report, store: Store) -> None:
    import docx

    d = docx.Document(str(files["docx"]))
    tables = [[[c.text for c in row.cells] for row in t.rows] for t in d.tables]
    groups = [t for t in tables if t[0][:3] == ["序号", "指标", "类型"] and "基期值" in t[0]]
    main = [row for t in groups for row in t[1:]]
    assert len(groups) == 6 and len(main) == len(report.key_rows)
    gdp = [r for r in main if r[1] == GDP and r[2] == "水平值"]
    assert len(gdp) == 1
    assert gdp[0][4].startswith("1500左右 亿元 [") and "1074 亿元（2020年" in gdp[0][5] and gdp[0][7] == "6.9%"
    counts = next(t for t in tables if t[0] == ["评估状态", "主要指标", "其他目标", "合计"])
    shown = {r[0]: int(r[3]) for r in counts[1:] if r[0] != "合计"}
    assert {k: v for k, v in shown.items() if v} == {STATUS_LABELS[s]: n for s, n in _expected_counts(store).items()}
    assert len(d.inline_shapes) == len(report.charts)
    assert d.core_properties.title == report.title


def test_pdf_text_layer_holds_the_chinese(files: dict[str, Path], report: Report) -> None:
    from pdfminer.high_level import extract_text

    data = files["pdf"].read_bytes()
    assert data.startswith(b"%PDF")
    # The first pages hold the title, the counts and the main table (reading all 36 takes ~5 s).
    text = extract_text(str(files["pdf"]), page_numbers=[0, 1, 2])
    assert "(cid:" not in text  # glyphs without a Unicode mapping would be unreadable text
    for words in (GDP, "锦州市“十四五”规划实施总结评估报告", "1500左右", "1074", "6.9%", "已实现", "无数据"):
        assert words in text, words
    squashed = re.sub(r"\s+", "", text)
    assert f"对锦州市“十四五”规划（2021—2025年）提出的{len(report.rows)}项量化目标逐项评估" in squashed


# -- 九、重点项目 ------------------------------------------------------------------------------
LARGEST = "东北商用车及二手车贸易物流产业基地"  # 投资150亿元, the largest project of the 锦州 十四五 plan


def test_projects_section_sets_stated_counts_against_listed_projects(report: Report, store: Store) -> None:
    from planwatch.monitor.portfolio import investment_yi
    from planwatch.monitor.projects import ProjectQueries

    section = report.projects
    assert section is not None
    listed = ProjectQueries(store).projects(region=REGION, within=(2021, 2025))
    amounts = [investment_yi(p.investment, p.investment_unit) for p in listed]
    assert section.n_projects == len(listed) > 300
    assert section.n_invested == sum(a is not None for a in amounts) > 150
    assert section.investment == pytest.approx(sum(a for a in amounts if a is not None))
    # the stated portfolio (重点项目库共530个，总投资规模3563亿元) and its sector breakdown
    head = section.headline
    assert head is not None and (head.value, head.investment, head.region) == (530, 3563, REGION)
    assert head.listed == section.n_projects and head.listed_investment == pytest.approx(section.investment)
    by_category = {s.category: s for s in section.stated}
    assert (by_category["工业"].value, by_category["工业"].investment) == (99, 942)
    assert (by_category["基础设施"].value, by_category["基础设施"].investment) == (205, 1493)
    industry = next(b for b in section.by_sector if b.label == "工业")
    assert by_category["工业"].listed == industry.n and by_category["工业"].listed_invested == industry.n_invested
    sources = {s.n: s for s in report.sources}
    assert [sources[n].text for n in head.refs] == ["530个", "3563亿元"]
    assert "重点项目库共530个，总投资规模3563亿元" in sources[head.refs[0]].quote
    # counts by stage and sector cover every listed project once
    assert sum(b.n for b in section.by_stage) == sum(b.n for b in section.by_sector) == section.n_projects
    assert sum(b.investment for b in section.by_sector) == pytest.approx(section.investment)
    stages = [b.label for b in section.by_stage]
    assert stages.index("在建") < stages.index("竣工") < stages.index("未说明") == len(stages) - 1
    # the largest projects, largest first, each with the source of its investment
    largest = section.largest
    assert len(largest) == 10 and largest[0].name == LARGEST and largest[0].investment == 150
    assert [r.investment for r in largest] == sorted((r.investment for r in largest), reverse=True)
    for row in largest:
        assert row.refs and all(n in sources for n in row.refs)
        source = sources[row.refs[0]]
        assert row.investment_text.split()[0] in source.text.replace(" ", ""), (row, source)
    assert "530个" in section.summary(report.region, report.plan_label)


def test_projects_section_in_markdown(files: dict[str, Path]) -> None:
    text = files["md"].read_text(encoding="utf-8")
    assert text.index("## 八、数据缺口") < text.index("## 九、重点项目") < text.index("## 附表")
    section = text[text.index("## 九、重点项目") : text.index("## 附表")]
    assert re.search(r"文件所述锦州市重点项目共530个、总投资3563亿元\[\d+\]\[\d+\]，逐项列出的项目个数占\d", section)
    whole = r"^\| 全部 \| [^|]*530个 \| 530 \[\d+\] \| 3563 亿元 \[\d+\] \| \d+ \| [\d.]+ 亿元 \|"
    assert re.search(whole, section, re.M)
    assert re.search(r"^\| 工业 \| 工业项目99个 \| 99 \[\d+\] \| 942 亿元 \[\d+\] \|", section, re.M)
    for heading in ("（二）按阶段统计", "（三）按领域统计", "（四）投资规模最大的重点项目"):
        assert f"### {heading}" in section
    assert re.search(r"^\| 在建 \| \d+ \| \d+ \| [\d.]+ 亿元 \|$", section, re.M)
    first = rf"^\| 1 \| {LARGEST} \| 锦州市 \| 服务业 \| [^|]+ \| 2021-2025 \| 150 亿元 \[\d+\] \|$"
    assert re.search(first, section, re.M)


def test_projects_section_in_html(files: dict[str, Path], report: Report) -> None:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(files["html"].read_text(encoding="utf-8"), "lxml")
    assert "九、重点项目" in [h.get_text() for h in soup.find_all("h2")]
    stated = [[td.get_text(strip=True) for td in tr.find_all("td")] for tr in soup.select("table.stated tbody tr")]
    assert stated[0][0] == "全部" and stated[0][2].startswith("530[") and stated[0][3].startswith("3563 亿元[")
    assert stated[0][4] == str(report.projects.n_projects)
    largest = [[td.get_text(strip=True) for td in tr.find_all("td")] for tr in soup.select("table.largest tbody tr")]
    assert len(largest) == 10 and largest[0][1] == LARGEST and largest[0][6].startswith("150 亿元[")
    ids = {tag["id"] for tag in soup.find_all(id=True)}
    for a in soup.select("table.largest sup.ref a, table.stated sup.ref a"):
        assert a["href"][1:] in ids
    by_stage = {tr.find("td").get_text(): tr for tr in soup.select("table.by-stage tbody tr")}
    assert {"在建", "竣工", "未说明"} <= set(by_stage)


def test_projects_section_in_docx(files: dict[str, Path], report: Report) -> None:
    import docx

    from planwatch.report.markdown import LARGEST_HEADER, STATED_HEADER

    d = docx.Document(str(files["docx"]))
    headings = [p.text for p in d.paragraphs if p.style.name.startswith("Heading")]
    assert "九、重点项目" in headings and "（四）投资规模最大的重点项目" in headings
    tables = [[[c.text for c in row.cells] for row in t.rows] for t in d.tables]
    stated = next(t for t in tables if tuple(t[0]) == STATED_HEADER)
    assert stated[1][:2] == ["全部", "时期重点项目库共530个"] and stated[1][2].startswith("530 [")
    assert stated[1][3].startswith("3563 亿元 [") and stated[1][4] == str(report.projects.n_projects)
    largest = next(t for t in tables if tuple(t[0]) == LARGEST_HEADER)
    assert len(largest) == 11 and largest[1][1] == LARGEST and largest[1][6].startswith("150 亿元 [")
    by_sector = next(t for t in tables if t[0][0] == "领域" and t[0][1] == "项目数")
    assert sum(int(r[1]) for r in by_sector[1:]) == report.projects.n_projects


def test_projects_section_in_the_pdf_text_layer(files: dict[str, Path], report: Report) -> None:
    from pdfminer.high_level import extract_text
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser
    from pdfminer.pdftypes import resolve1

    # The PDF's bookmarks (one per heading) say on which pages the section is.
    with files["pdf"].open("rb") as f:
        doc = PDFDocument(PDFParser(f))
        pages = {page.pageid: i for i, page in enumerate(PDFPage.create_pages(doc))}
        marks = {title: pages[resolve1(dest)[0].objid] for _level, title, dest, _a, _se in doc.get_outlines() if dest}
    first, last = marks["九、重点项目"], marks["附表　其他规划目标（重点项目投资等）"]
    text = re.sub(r"\s+", "", extract_text(str(files["pdf"]), page_numbers=list(range(first, last + 1))))
    assert "(cid:" not in text
    assert "文件所述锦州市重点项目共530个、总投资3563亿元" in text
    assert f"逐项列出{REGION}（含所辖县区）" in text and f"重点项目{report.projects.n_projects}个" in text
    for words in ("按阶段统计", "按领域统计", "投资规模最大的重点项目", LARGEST, "150亿元", "工业项目99个", "942亿元"):
        assert words in text, words


# -- the command ----------------------------------------------------------------------------
def test_cli_writes_the_report(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "评估.md"
    result = run_planwatch("report", "--region", "锦州", "--plan", PLAN, "--out", str(out), "--db", str(db))
    assert result.returncode == 0, result.stderr
    assert "wrote" in result.stderr and result.stdout == ""
    assert "地区生产总值" in out.read_text(encoding="utf-8")
    assert list(tmp_path.iterdir()) == [out]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--region", "火星市", "--plan", PLAN, "--out", "{dir}/r.html"], "unknown region"),
        (["--region", REGION, "--plan", "十五五", "--out", "{dir}/r.html"], "no targets"),
        (["--region", REGION, "--plan", "第九九", "--out", "{dir}/r.html"], "unknown plan"),
        (["--region", REGION, "--plan", PLAN, "--out", "{dir}/r.txt"], "unsupported report format"),
        (["--region", REGION, "--plan", PLAN, "--out", "{dir}/missing/r.pdf"], "does not exist"),
    ],
)
def test_bad_input_is_one_line_and_writes_nothing(db: Path, tmp_path: Path, args: list[str], message: str) -> None:
    argv = [a.replace("{dir}", str(tmp_path)) for a in args]
    result = run_planwatch("report", *argv, "--db", str(db))
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("planwatch: error:") and message in lines[0], result.stderr
    assert list(tmp_path.iterdir()) == []


def test_missing_database_is_not_created(tmp_path: Path) -> None:
    db = tmp_path / "none.db"
    result = run_planwatch(
        "report", "--region", REGION, "--plan", PLAN, "--out", str(tmp_path / "r.md"), "--db", str(db)
    )
    assert result.returncode == 2 and "no database" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_a_failed_render_leaves_the_old_file_and_no_temporary(
    report: Report, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from planwatch.report import output as render_module

    out = tmp_path / "r.md"
    out.write_text("previous report", encoding="utf-8")

    def broken(_report: Report) -> bytes:
        raise RuntimeError("renderer crashed")

    monkeypatch.setattr(render_module, "_renderer", lambda _fmt: broken)
    with pytest.raises(RuntimeError):
        write_report(report, out)
    assert out.read_text(encoding="utf-8") == "previous report"

    monkeypatch.undo()

    def no_rename(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(render_module.os, "replace", no_rename)
    with pytest.raises(ReportError, match="No space left"):
        write_report(report, out)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.md"]
    assert out.read_text(encoding="utf-8") == "previous report"


def test_format_by_suffix() -> None:
    assert [format_for(f"a{s}") for s in (".html", ".HTM", ".pdf", ".docx", ".md")] == [
        "html",
        "html",
        "pdf",
        "docx",
        "md",
    ]
    with pytest.raises(ReportError, match=r"\.html, \.pdf, \.docx or \.md"):
        format_for("a.xlsx")


# -- fonts ----------------------------------------------------------------------------------
def test_charts_draw_chinese_without_missing_glyphs(report: Report) -> None:
    from planwatch.report import charts

    family, path = charts.cjk_font()
    assert charts._covers(path, charts.PROBE + GDP)
    chart = next(c for c in report.charts if c.indicator == GDP)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # matplotlib warns "Glyph … missing from font(s)" for tofu
        svg = charts._draw(chart, "svg", 72)
        png = charts._draw(chart, "png", 72)
    assert svg.lstrip().startswith(b"<?xml") and b"<text" not in svg  # glyphs are paths: no font needed
    assert png.startswith(b"\x89PNG")


def test_no_cjk_font_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    from planwatch.report import charts

    charts.cjk_font.cache_clear()
    monkeypatch.setattr(charts, "_covers", lambda _path, _text: False)
    try:
        with pytest.raises(ReportError, match="fonts-noto-cjk"):
            charts.cjk_font()
    finally:
        monkeypatch.undo()
        charts.cjk_font.cache_clear()


# -- the sections a planning office writes, an annual report, the DOCX page furniture --------
def _numbers(words: str) -> list[str]:
    """The data values in words: not the counts the report itself makes (2处, 5项)."""
    return re.findall(r"\d+(?:\.\d+)?(?![\d.]*[处项])", words)


def test_narrative_sentences_cite_every_number(store: Store) -> None:
    year = build_report(store, region="海拉尔区", year=2016, generated=date(2026, 5, 1))
    assert year.title == "海拉尔区2016年度目标完成情况评估报告" and year.evaluation == "年度评估"
    assert {r.period for r in year.rows} == {"2016"}
    achieved = year.achievements()
    problems = year.problems()
    assert len(achieved) == sum(r.status == "achieved" for r in year.key_rows) >= 4
    n = len(year.sources)
    for sentence in [*achieved, *problems, *year.suggestions()]:
        for words, refs in sentence:
            # a number other than the year is written only next to the facts it comes from
            if [x for x in _numbers(words) if x != "2016"]:
                assert refs and all(1 <= ref <= n for ref in refs), sentence
    gdp = next(s for s in problems if s[0][0].startswith("地区生产总值2016年水平值目标309"))
    assert [year.sources[r - 1].doc for r in gdp[0][1]] == ["hailaer_2016.txt"]
    assert [year.sources[r - 1].doc for r in gdp[1][1]] == ["hailaer_2017.txt"]  # the result: next year's report


def test_annual_report_from_the_command(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "2016.md"
    result = run_planwatch("report", "--region", "海拉尔区", "--year", "2016", "--out", str(out), "--db", str(db))
    assert result.returncode == 0, result.stderr
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# 海拉尔区2016年度目标完成情况评估报告")
    assert re.search(r"^1\. \S+2016年\S+目标[\d.]+ ?\S*\[\d+\]，实际.+\[\d+\]，已实现。$", text, re.M)
    both = run_planwatch("report", "--region", "海拉尔区", "--out", str(out), "--db", str(db))
    assert both.returncode == 2 and "--plan" in both.stderr and "Traceback" not in both.stderr


def test_docx_numbers_its_pages_and_repeats_table_headers(files: dict[str, Path]) -> None:
    import docx
    from docx.oxml.ns import qn

    d = docx.Document(str(files["docx"]))
    footer = d.sections[0].footer.paragraphs[0]
    assert "PAGE" in "".join(t.text or "" for t in footer._p.iter(qn("w:instrText")))
    for table in d.tables:
        header = table.rows[0]._tr
        assert header.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None
