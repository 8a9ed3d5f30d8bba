"""The readers return exactly the text later stages index into, for every supported format."""

from __future__ import annotations

import codecs
import re
from pathlib import Path

import pytest
from conftest import CHINESE_LINE, SAMPLE_FILES

from planwatch.errors import InputError
from planwatch.readers import MAX_BYTES, decode_text, read_file


def test_sample_corpus_is_present() -> None:
    assert len(SAMPLE_FILES) >= 5


@pytest.mark.parametrize("path", SAMPLE_FILES, ids=lambda p: p.name)
def test_sample_text_is_the_file_decoded_unmodified(path: Path) -> None:
    source = read_file(path)
    assert source.reader == "text:utf-8"
    # Offsets of facts index this string: it must be byte-for-byte the file, decoded.
    assert source.text == path.read_bytes().decode("utf-8")


@pytest.mark.parametrize("path", SAMPLE_FILES[:2], ids=lambda p: p.name)
def test_gb18030_copy_decodes_to_the_identical_string(path: Path, tmp_path: Path) -> None:
    text = path.read_bytes().decode("utf-8")
    copy = tmp_path / "gb.txt"
    copy.write_bytes(text.encode("gb18030"))
    source = read_file(copy)
    assert source.reader == "text:gb18030"
    assert source.text == text


def test_gbk_encoded_markdown_is_detected(tmp_path: Path) -> None:
    text = "# 锦州市2012年政府工作报告\n\n地区生产总值1243.8亿元，增长9.8%。\n"
    f = tmp_path / "report.md"
    f.write_bytes(text.encode("gbk"))
    assert read_file(f).text == text


def test_utf8_bom_is_stripped_so_offsets_start_at_the_text(tmp_path: Path) -> None:
    f = tmp_path / "bom.txt"
    f.write_bytes(codecs.BOM_UTF8 + CHINESE_LINE.encode("utf-8"))
    source = read_file(f)
    assert source.text == CHINESE_LINE
    assert source.reader == "text:utf-8"
    assert source.meta["bom"] is True


def test_crlf_newlines_are_kept(tmp_path: Path) -> None:
    text = "第一行 12.5亿元\r\n第二行 3.4%\r\n"
    f = tmp_path / "crlf.txt"
    f.write_bytes(text.encode("utf-8"))
    assert read_file(f).text == text


def test_utf16_with_bom(tmp_path: Path) -> None:
    f = tmp_path / "u16.txt"
    f.write_bytes(CHINESE_LINE.encode("utf-16"))
    source = read_file(f)
    assert source.text == CHINESE_LINE
    assert source.reader == "text:utf-16"


def test_big5_is_not_misread_as_gbk() -> None:
    text = "臺灣經濟發展規劃，國民生產總值增長百分之五。"
    decoded, encoding, _ = decode_text(text.encode("big5"))
    assert (decoded, encoding) == (text, "big5")


HTML = """<!DOCTYPE html>
<html><head><meta charset="{charset}"><title>凌河区经济数据</title>
<style>body {{ color: red }}</style>
<script>var secret = "脚本里的数字 999.9";</script></head>
<body><!-- 注释 123 -->
<h1>凌河区 2014 年经济数据</h1>
<p>全年实现地区生产总值 111.5 亿元，
同比增长<b>7.6%</b>。</p>
<noscript>请启用脚本</noscript>
<table>
<tr><th rowspan="2">指标</th><th colspan="2">2020年</th></tr>
<tr><th>目标</th><th>实际</th></tr>
<tr><td>地区生产总值<br>（亿元）</td><td><b>1100</b></td><td>1050</td></tr>
<tr><td>常住人口（万人）</td><td colspan="2">32</td></tr>
</table>
<p>结束语</p>
</body></html>
"""


@pytest.mark.parametrize("charset", ["utf-8", "gbk"])
def test_html_text_has_the_table_as_pipes_and_no_script(tmp_path: Path, charset: str) -> None:
    f = tmp_path / "page.html"
    f.write_bytes(HTML.format(charset=charset).encode(charset))
    source = read_file(f)
    text = source.text
    assert source.reader == "html"
    for hidden in ("secret", "999.9", "color", "请启用脚本", "注释"):
        assert hidden not in text
    assert "凌河区 2014 年经济数据\n" in text
    # A line break in the source between two Chinese characters is no word break.
    assert "全年实现地区生产总值 111.5 亿元，同比增长7.6%。" in text
    assert (
        "| 指标 | 2020年 | 2020年 |\n"
        "| --- | --- | --- |\n"
        "|  | 目标 | 实际 |\n"
        "| 地区生产总值<br>（亿元） | <b>1100</b> | 1050 |\n"
        "| 常住人口（万人） | 32 |  |\n"
    ) in text
    assert text.index("111.5") < text.index("| 指标") < text.index("结束语")
    assert source.meta["title"] == "凌河区经济数据"


def test_html_without_charset_declaration_is_detected(tmp_path: Path) -> None:
    f = tmp_path / "page.htm"
    f.write_bytes(f"<html><body><p>{CHINESE_LINE}</p></body></html>".encode("gb18030"))
    assert CHINESE_LINE in read_file(f).text


def test_html_cell_pipes_are_escaped(tmp_path: Path) -> None:
    f = tmp_path / "p.html"
    f.write_text("<table><tr><td>a|b</td><td>1</td></tr></table>", encoding="utf-8")
    assert "| a\\|b | 1 |" in read_file(f).text


def test_deeply_nested_html_does_not_crash(tmp_path: Path) -> None:
    depth = 20000
    html = "<html><body>" + "<div><span>" * depth + "地区生产总值 12 亿元" + "</span></div>" * depth
    f = tmp_path / "deep.html"
    f.write_text(html + "</body></html>", encoding="utf-8")
    assert "地区生产总值 12 亿元" in read_file(f).text


def test_deeply_nested_tables_do_not_crash(tmp_path: Path) -> None:
    depth = 3000
    html = "<table><tr><td>" * depth + "x" + "</td><td>7</td></tr></table>" * depth
    f = tmp_path / "tables.html"
    f.write_text(html, encoding="utf-8")
    assert "| x | 7 |" in read_file(f).text


def test_pdf_text_layer_is_read(chinese_pdf: Path) -> None:
    source = read_file(chinese_pdf)
    assert source.reader == "pdf"
    assert CHINESE_LINE in source.text
    assert "凌河区2014年经济数据" in source.text


def test_image_only_pdf_needs_ocr(image_only_pdf: Path) -> None:
    with pytest.raises(InputError, match="OCR"):
        read_file(image_only_pdf)


def test_docx_paragraphs_and_table_in_document_order(sample_docx: Path) -> None:
    source = read_file(sample_docx)
    assert source.reader == "docx"
    assert source.text == (
        "凌河区国民经济和社会发展第十四个五年规划\n"
        "\n"
        "| 指标 | 2020年 | 2025年目标 |\n"
        "| --- | --- | --- |\n"
        "| 地区生产总值（亿元） | 111.5 | 150左右 |\n"
        "| 常住人口（万人） | 30 |  |\n"
        "\n"
        f"{CHINESE_LINE}\n"
    )


def test_extension_is_case_insensitive(tmp_path: Path) -> None:
    f = tmp_path / "UPPER.TXT"
    f.write_text(CHINESE_LINE, encoding="utf-8")
    assert read_file(f).text == CHINESE_LINE


def test_size_limit_is_checked_before_reading(tmp_path: Path) -> None:
    f = tmp_path / "huge.txt"
    with f.open("wb") as fh:
        fh.truncate(MAX_BYTES + 1)  # sparse: costs no disk and is never read
    with pytest.raises(InputError, match="too large"):
        read_file(f)


def test_custom_size_limit(tmp_path: Path) -> None:
    f = tmp_path / "small.txt"
    f.write_text(CHINESE_LINE, encoding="utf-8")
    with pytest.raises(InputError, match="too large"):
        read_file(f, max_bytes=10)


def test_portal_page_is_read_without_navigation_and_keeps_its_metadata(tmp_path: Path) -> None:
    """Issue 13: a sidebar's city-wide headline or a visitor counter is not content; <sup> is no digit."""
    article = "".join(f"<p>{line}</p>" for line in SAMPLE_FILES[0].read_text(encoding="utf-8").splitlines()[:40]
                      if line.strip())
    page = (
        '<html><head><meta charset="utf-8"><title>凌河区经济数据_凌河区人民政府</title>'
        '<meta name="SiteName" content="凌河区人民政府"><meta name="PubDate" content="2015-03-01 10:00"></head>'
        '<body><ul class="nav"><li><a href="/">首页</a></li><li><a href="/a">政务公开</a></li></ul>'
        '<div class="side"><h3>要闻</h3><ul><li><a href="/n">全省地区生产总值增长9.9%</a></li></ul>'
        "<p>本站访问量：1234567次</p></div>"
        f"<div class='article'><h1>凌河区经济数据</h1>{article}"
        "<p>全年城镇新增就业5487<sup>2</sup>人。</p></div>"
        "<div class='footer'>主办：凌河区人民政府办公室 联系电话：0416-1234567</div></body></html>"
    )
    f = tmp_path / "portal.html"
    f.write_text(page, encoding="utf-8")
    source = read_file(f)
    assert source.meta["main_content"] is True
    assert source.meta["page_site"] == "凌河区人民政府"
    assert source.meta["page_date"].startswith("2015-03-01")
    for boilerplate in ("首页", "9.9%", "访问量", "0416-1234567"):
        assert boilerplate not in source.text
    assert "5487²人" in source.text
    assert "凌河区经济数据\n" in source.text


def test_docx_reads_all_the_text_word_shows(tmp_path: Path) -> None:
    """Issue 13: insertions (not deletions), text boxes (once), content controls, smart tags, hidden
    text left out, superscript marks apart from digits, notes after the body, merged units filled."""
    from forms import _docx_table, _p, _package, _r, _textbox

    body = (
        _p('<w:ins w:id="1" w:author="a"><w:r><w:t>全年实现地区生产总值111.5亿元，</w:t></w:r></w:ins>'
           '<w:del w:id="2" w:author="a"><w:r><w:delText>增长9.9%，</w:delText></w:r></w:del>'
           + _r("同比增长7.6") + _r("1", '<w:vertAlign w:val="superscript"/>') + _r("%。")
           + '<w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏文字</w:t></w:r>')
        + _p(_textbox(_p(_r("社会消费品零售总额50.2亿元。")), 7))
        + '<w:sdt><w:sdtContent>' + _p('<w:smartTag w:element="x">' + _r("常住人口32万人。") + "</w:smartTag>")
        + "</w:sdtContent></w:sdt>"
        + _p(_r("城镇新增就业") + _r("5487") + '<w:r><w:footnoteReference w:id="1"/></w:r>' + _r("人。"))
        + _docx_table([["指标", "单位", "2014年"], ["地区生产总值", "亿元", "111.5"], ["固定资产投资", "亿元", "80.1"]],
                      merged=True)
    )
    notes = '<w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r>' + _r("快报数。") + "</w:p></w:footnote>"
    f = tmp_path / "edited.docx"
    f.write_bytes(_package(body, footnotes=notes))
    text = read_file(f).text
    assert text.startswith(
        "全年实现地区生产总值111.5亿元，同比增长7.6¹%。\n社会消费品零售总额50.2亿元。\n\n常住人口32万人。\n"
    )
    assert "9.9" not in text and "隐藏" not in text
    assert text.count("社会消费品零售总额") == 1
    assert "城镇新增就业5487¹人。" in text
    assert "| 固定资产投资 | 亿元 | 80.1 |" in text
    assert text.endswith("注释：\n¹快报数。\n")


def test_pdf_columns_are_read_in_order_without_running_headers(tmp_path: Path) -> None:
    """Issue 13: two columns at 1.8× line spacing, a running header and page numbers on each page."""
    from forms import _wrap
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    text = SAMPLE_FILES[1].read_text(encoding="utf-8")
    paragraphs = [p.strip() for p in text.splitlines() if len(p.strip()) > 60 and "|" not in p][:16]
    f = tmp_path / "columns.pdf"
    c = canvas.Canvas(str(f), pagesize=(595, 842))
    page, column, y = 1, 0, 760.0

    def furnish() -> None:
        c.setFont("STSong-Light", 9)
        c.drawCentredString(297, 800, "凌河区统计局统计分析")
        c.drawRightString(535, 40, f"第 {page} 页")

    furnish()
    for p in paragraphs:
        for i, line in enumerate(_wrap(p, 210 - 21, 10.5)):
            if y < 80:
                column += 1
                if column == 2:
                    c.showPage()
                    page, column = page + 1, 0
                    furnish()
                y = 760.0
            c.setFont("STSong-Light", 10.5)
            c.drawString(60 + column * 250 + (21 if i == 0 else 0), y, line)
            y -= 10.5 * 1.8
    c.showPage()
    c.save()
    assert page >= 2
    got = read_file(f).text
    assert "统计分析" not in got and "第 1 页" not in got
    flat = re.sub(r"\s", "", got)
    # (a glyph the PDF font lacks, "·", is not drawn)
    positions = [flat.find(re.sub(r"[\s·]", "", p)) for p in paragraphs]
    assert -1 not in positions, [p[:20] for p, at in zip(paragraphs, positions, strict=True) if at < 0]
    assert positions == sorted(positions)
    assert got.count("\n") < 2 * len(paragraphs) + 5  # lines of a paragraph are joined


def test_a_scan_without_the_ocr_engine_is_refused_in_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from forms import pdf_scan

    from planwatch import ocr

    monkeypatch.setattr(ocr, "engine", lambda: None)
    f = tmp_path / "scan.pdf"
    f.write_bytes(pdf_scan(dpi=50))
    with pytest.raises(InputError, match="no text layer.*install tesseract-ocr") as info:
        read_file(f)
    assert "\n" not in str(info.value)


def test_ocr_rules_are_removed_but_not_strokes() -> None:
    """A table rule (a long straight run) is painted out; the strokes of a character are not."""
    from PIL import Image, ImageDraw, ImageFont

    from planwatch.ocr import remove_rules

    image = Image.new("L", (800, 200), 255)
    draw = ImageDraw.Draw(image)
    draw.line((20, 150, 780, 150), fill=0, width=2)
    draw.line((400, 10, 400, 190), fill=0, width=2)
    font = ImageFont.truetype("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 40, index=2)
    draw.text((40, 60), "一二三十卅丨", font=font, fill=0)
    cleaned = remove_rules(image)
    assert cleaned.crop((20, 145, 780, 155)).getextrema()[0] > 128
    assert cleaned.crop((395, 10, 405, 50)).getextrema()[0] > 128
    assert cleaned.crop((40, 60, 300, 110)).tobytes() == image.crop((40, 60, 300, 110)).tobytes()


def test_pdf_table_without_rules_is_read_as_a_table(tmp_path: Path) -> None:
    """Cells set apart by blank space only (many bulletins): a table, not text columns."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    f = tmp_path / "bulletin.pdf"
    c = canvas.Canvas(str(f), pagesize=(595, 842))
    c.setFont("STSong-Light", 10.5)
    c.drawString(60, 760, "凌河区2014年国民经济和社会发展统计公报")
    rows = [["指标", "单位", "绝对数", "比上年增长（%）"], ["地区生产总值", "亿元", "111.5", "7.6"],
            ["社会消费品零售总额", "亿元", "50.2", "8.1"]]
    for r, row in enumerate(rows):
        for x, cell in zip((60, 230, 320, 420), row, strict=True):
            c.drawString(x, 720 - 22 * r, cell)
    c.drawString(60, 640, "全年城镇新增就业5487人。")
    c.showPage()
    c.save()
    text = read_file(f).text
    assert "| 社会消费品零售总额 | 亿元 | 50.2 | 8.1 |" in text
    assert text.index("统计公报") < text.index("| 指标") < text.index("5487")


def _indicator_table(rows: list[list[str]], *, header_rows: int = 1, spans: dict[int, list[int]] | None = None) -> str:
    """A Word table whose first ``header_rows`` rows repeat on each page (``w:tblHeader``);
    ``spans``: row index → grid span of each cell.  A row starting with ``\\f`` opens a new page."""
    from forms import _p, _r

    out = ["<w:tbl><w:tblGrid>" + "<w:gridCol/>" * 4 + "</w:tblGrid>"]
    for i, row in enumerate(rows):
        trpr = "<w:trPr><w:tblHeader/></w:trPr>" if i < header_rows else ""
        cells = []
        for c, text in enumerate(row):
            span = (spans or {}).get(i, [1] * len(row))[c]
            tcpr = f'<w:tcPr><w:gridSpan w:val="{span}"/></w:tcPr>' if span > 1 else ""
            brk = '<w:r><w:br w:type="page"/></w:r>' if text.startswith("\f") else ""
            cells.append(f"<w:tc>{tcpr}{_p(brk + (_r(text.lstrip(chr(12))) if text.strip() else ''))}</w:tc>")
        out.append(f"<w:tr>{trpr}{''.join(cells)}</w:tr>")
    return "".join(out) + "</w:tbl>"


PLAN_HEAD = ["指标名称", "单位", "2020年", "2025年"]
PLAN_ROWS = [
    ["地区生产总值", "亿元", "1074", "1500"], ["一般公共预算收入", "亿元", "91.3", "120"],
    ["城镇居民人均可支配收入", "元", "35566", "48700"], ["农村居民人均可支配收入", "元", "18246", "25000"],
    ["常住人口城镇化率", "%", "61.4", "66"], ["森林覆盖率", "%", "35.6", "36.2"],
]  # fmt: skip
PLAN_FACTS = {
    (r[0], float(v), str(year)) for r in PLAN_ROWS for v, year in ((r[2], 2020), (r[3], 2025))
}  # fmt: skip


def _plan_docx(tmp_path: Path, name: str, tables: str) -> Path:
    from forms import _p, _package, _r

    f = tmp_path / f"{name}.docx"
    f.write_bytes(_package(_p(_r("表1 “十四五”时期锦州市经济社会发展主要指标")) + tables))
    return f


@pytest.mark.parametrize(
    "form",
    [
        "marked header, repeated by Word",  # w:tblHeader: in the XML once
        "header retyped after a page break",  # the same table goes on with the header as a real row
        "header retyped, spaced",  # 指标 名称: the copy need not be spaced as the first
        "table split in two",  # two tables, each with its header
    ],
)
def test_docx_table_header_repeated_on_each_page_is_read_once(tmp_path: Path, form: str) -> None:
    from planwatch.pipeline import extract

    first, rest = PLAN_ROWS[:3], PLAN_ROWS[3:]
    again = ["\f" + PLAN_HEAD[0], *PLAN_HEAD[1:]]
    spaced = ["指标 名称", "单 位", "2020 年", "2025年"]
    tables = {
        "marked header, repeated by Word": _indicator_table([PLAN_HEAD, *PLAN_ROWS]),
        "header retyped after a page break": _indicator_table([PLAN_HEAD, *first, again, *rest]),
        "header retyped, spaced": _indicator_table([PLAN_HEAD, *first, spaced, *rest], header_rows=0),
        "table split in two": _indicator_table([PLAN_HEAD, *first]) + _indicator_table([again, *rest]),
    }[form]
    f = _plan_docx(tmp_path, "plan", tables)
    text = read_file(f).text
    assert text.count("| 指标名称 | 单位 | 2020年 | 2025年 |") == (2 if form == "table split in two" else 1)
    for row in PLAN_ROWS:  # the rows after the repeated header are all there, in order
        assert f"| {' | '.join(row)} |" in text
    assert text.index("城镇居民人均可支配收入") < text.index("农村居民人均可支配收入") < text.index("森林覆盖率")
    facts = extract(f).facts
    assert {(x.indicator, x.value, x.period) for x in facts} == PLAN_FACTS
    assert not [x for x in facts if x.value in (2020, 2025) or "指标" in x.indicator]


def test_docx_two_header_rows_repeated_are_dropped_together(tmp_path: Path) -> None:
    head = [["指标", "单位", "规划目标"], ["", "", "2020年", "2025年"]]
    spans = {0: [1, 1, 2], 5: [1, 1, 2]}
    rows = [*head, *PLAN_ROWS[:3], *head, *PLAN_ROWS[3:]]
    text = read_file(_plan_docx(tmp_path, "two", _indicator_table(rows, header_rows=2, spans=spans))).text
    assert text.count("2020年") == 1 and text.count("规划目标") == 2  # the first row's span, shown twice
    assert all(f"| {' | '.join(row)} |" in text for row in PLAN_ROWS)


def test_docx_equal_rows_of_a_table_without_header_are_kept(tmp_path: Path) -> None:
    # A first row with a bare number is data, not a header: a row equal to it is the document's.
    rows = [["粮食产量", "万吨", "12.5", "13"], ["粮食产量", "万吨", "12.5", "13"], ["油料产量", "万吨", "1.2", "1.3"]]
    text = read_file(_plan_docx(tmp_path, "data", _indicator_table(rows, header_rows=0))).text
    assert text.count("| 粮食产量 | 万吨 | 12.5 | 13 |") == 2


def test_html_table_header_repeated_as_a_row_is_read_once(tmp_path: Path) -> None:
    """A page pasting a plan table page by page repeats its header as a <tr>: read as data, its years
    would be values of an indicator named 指标名称; equal data rows under a numeric first row stay."""
    from planwatch.pipeline import extract

    def tr(cells: list[str], tag: str = "td") -> str:
        return "<tr>" + "".join(f"<{tag}>{c}</{tag}>" for c in cells) + "</tr>"

    head = tr(PLAN_HEAD, "th")
    rows = [tr(r) for r in PLAN_ROWS]
    again = tr(["指标 名称", *PLAN_HEAD[1:]])
    page = ("<html><body><h1>锦州市“十四五”规划纲要</h1><p>表1 主要指标</p><table>" + head + "".join(rows[:3])
            + again + "".join(rows[3:]) + "</table></body></html>")
    f = tmp_path / "plan.html"
    f.write_text(page, encoding="utf-8")
    text = read_file(f).text
    assert text.count("指标名称") == 1 and "指标 名称" not in text
    facts = extract(f).facts
    assert {(x.indicator, x.value, x.period) for x in facts} == PLAN_FACTS
    numeric = "<html><body><table>" + tr(["粮食", "21774"]) * 2 + "</table></body></html>"
    g = tmp_path / "numeric.html"
    g.write_text(numeric, encoding="utf-8")
    assert read_file(g).text.count("21774") == 2
