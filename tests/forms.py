"""One text saved in the forms users bring: builders for ``test_forms.py``.

The text is seven paragraphs of the 海拉尔区 2016 government work report and a small table
(``data/forms/hailaer_2016_excerpt.txt``, public).  Each builder writes the same content in one
form — a PDF as governments lay it out, a Word file as people edit it, a saved portal page, a
text file in a broken encoding — so the test can ask that every form give the plain text's facts.
Binary forms are generated here rather than checked in, so what the reader is fed is visible.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

EXCERPT = Path(__file__).parent / "data" / "forms" / "hailaer_2016_excerpt.txt"
CJK_FONT = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")


def excerpt() -> tuple[list[str], list[str], list[list[str]]]:
    """(header lines, paragraphs, table rows) of the excerpt."""
    blocks = [b for b in EXCERPT.read_text(encoding="utf-8").split("\n\n") if b.strip()]
    header = [b.strip() for b in blocks[:3]]
    paragraphs = [b.strip() for b in blocks[3:] if not b.strip().startswith("|")]
    table_lines = [line for b in blocks if b.strip().startswith("|") for line in b.strip().splitlines()]
    rows = [[c.strip() for c in line.strip("|").split("|")] for line in table_lines if "---" not in line]
    return header, paragraphs, rows


# Reference marks glued to a number, as editors type them: after the digits, before the unit.
_MARKABLE = re.compile(r"(?<![\d.])\d+(?:\.\d+)?(?=[万亿个项户座所元])")


def with_marks(paragraphs: list[str], marks: list[str]) -> list[str]:
    """Glue ``marks[i]`` to the first number of every other paragraph (``6¹万人``)."""
    out = list(paragraphs)
    for i, mark in enumerate(marks):
        k = (2 * i) % len(out)
        m = _MARKABLE.search(out[k])
        assert m, out[k]
        out[k] = out[k][: m.end()] + mark + out[k][m.end():]
    return out


# --------------------------------------------------------------------------------------------- text


def plain_text() -> str:
    return EXCERPT.read_text(encoding="utf-8")


def text_forms() -> dict[str, bytes]:
    t = plain_text()
    utf8 = t.encode("utf-8")
    nul = bytearray()
    for i, line in enumerate(utf8.split(b"\n")):
        nul += line + (b"\x00" if i % 3 == 0 else b"") + b"\n"
    return {
        "txt-utf8.txt": utf8,
        "txt-gb18030.txt": t.encode("gb18030"),
        "txt-utf16le-nobom.txt": t.encode("utf-16-le"),
        "txt-utf16be-nobom.txt": t.encode("utf-16-be"),
        "txt-utf8-nuls.txt": bytes(nul[:-1]),
        # UTF-8 bytes read as Latin-1 / Windows-1252 and saved again as UTF-8.
        "txt-mojibake-latin1.txt": utf8.decode("latin-1").encode("utf-8"),
        "txt-mojibake-cp1252.txt": _sloppy_cp1252(utf8).encode("utf-8"),
        # UTF-8 bytes read as GBK (lossy: odd byte runs become U+FFFD) and saved as UTF-8.
        "txt-mojibake-gbk.txt": utf8.decode("gbk", errors="replace").encode("utf-8"),
        # GBK bytes read as UTF-8 with replacement: nothing true is left.
        "txt-replacement.txt": t.encode("gbk").decode("utf-8", errors="replace").encode("utf-8"),
        "md-marks.md": _marked_markdown().encode("utf-8"),
        "txt-random-hanzi.txt": _random_hanzi(len(t)).encode("utf-8"),
        "txt-private-use.txt": "".join(chr(0xE000 + ord(c) % 6000) if c > "\u4e00" else c for c in t).encode("utf-8"),
    }


def _random_hanzi(n: int) -> str:
    """Common characters in random order with the punctuation and digits of a report: no text."""
    import random

    rng = random.Random(13)
    pool = [bytes([0xB0 + rng.randrange(39), 0xA1 + rng.randrange(94)]).decode("gb2312") for _ in range(3000)]
    out = []
    for i in range(n):
        out.append("。" if i % 60 == 59 else "，" if i % 17 == 16 else str(rng.randrange(10)) if i % 23 == 0
                   else rng.choice(pool))
    return "".join(out)


def _sloppy_cp1252(data: bytes) -> str:
    """Decode as Windows-1252 the way Windows does, undefined bytes passed through as C1."""
    return "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in data)


def _marked_markdown() -> str:
    header, paragraphs, rows = excerpt()
    marked = with_marks(paragraphs, ["¹", "[2]", "③", "⁴"])
    notes = ["[^1]: 按现价计算。", "[2] 数据来源：区统计局。", "③ 含续建项目。", "⁴ 快报数。"]
    return "\n\n".join([*header, *marked, _markdown_table(rows), *notes]) + "\n"


def _markdown_table(rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(rows[0]) + " |", "|" + "|".join([" --- "] * len(rows[0])) + "|"]
    lines += ["| " + " | ".join(r) + " |" for r in rows[1:]]
    return "\n".join(lines)


# --------------------------------------------------------------------------------------------- HTML


def html_portal() -> bytes:
    """A saved district portal page: navigation, a sidebar of city news, a footer, ``<sup>`` marks."""
    header, paragraphs, rows = excerpt()
    marked = with_marks(paragraphs, ["<sup>1</sup>", "<sup>2</sup>", "<sup>[3]</sup>"])
    # A number split over spans, as rich-text editors leave it.
    marked[1] = re.sub(r"(\d)\.(\d)", r"\1<span>.</span><span>\2</span>", marked[1], count=1)
    body = "\n".join(f"<p>{p}</p>" for p in marked)
    table = "<table border=1>" + "".join(
        "<tr>" + "".join(f"<{'th' if r == 0 else 'td'}>{c}</{'th' if r == 0 else 'td'}>" for c in row) + "</tr>"
        for r, row in enumerate(rows)
    ) + "</table>"
    return f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>海拉尔区2016年政府工作报告_海拉尔区人民政府</title>
<meta name="PubDate" content="2016-02-25 09:30">
<meta name="SiteName" content="海拉尔区人民政府"></head>
<body>
<div class="top"><ul class="nav"><li><a href="/">首页</a></li><li><a href="/zw">政务公开</a></li>
<li><a href="/bs">办事服务</a></li><li><a href="/hd">互动交流</a></li></ul></div>
<div class="container">
<div class="sidebar"><h3>要闻动态</h3><ul>
<li><a href="/n1">呼伦贝尔市地区生产总值达到1595.96亿元，增长8.1%</a></li>
<li><a href="/n2">全市旅游接待人数突破1500万人次</a></li>
<li><a href="/n3">全市新增就业2.1万人</a></li></ul>
<div class="count">本站访问量：3268915次</div></div>
<div class="article"><h1>{header[0]}</h1><div class="info">发布时间：2016-02-25 来源：区政府办</div>
<p>{header[1]}</p><p>{header[2]}</p>
{body}
{table}
<div class="notes"><p>注：1.按现价计算。2.区统计局快报数。3.含续建项目。</p></div>
</div></div>
<div class="footer"><p>主办：海拉尔区人民政府办公室 蒙ICP备05000021号 联系电话：0470-8222345</p>
<p>网站标识码1507020001 今日访问12580次</p></div>
</body></html>""".encode()


# --------------------------------------------------------------------------------------------- DOCX

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_NS = (
    f'xmlns:w="{_W}" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml" mc:Ignorable="wps"'
)


_SUPERSCRIPT = '<w:vertAlign w:val="superscript"/>'


def _r(text: str, rpr: str = "") -> str:
    return f'<w:r>{f"<w:rPr>{rpr}</w:rPr>" if rpr else ""}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def _p(inner: str) -> str:
    return f"<w:p>{inner}</w:p>"


def _split_runs(text: str) -> str:
    """A paragraph as Word saves it after editing: many runs, numbers split across them."""
    pieces = re.split(r"(\d+)", text)
    return "".join(_r(p) for p in pieces if p)


def _docx_table(rows: list[list[str]], merged: bool) -> str:
    """The table; with ``merged``, a header cell spans two columns and the unit column is merged down."""
    out = ["<w:tbl><w:tblGrid>" + "<w:gridCol/>" * len(rows[0]) + "</w:tblGrid>"]
    for r, row in enumerate(rows):
        cells = []
        for c, text in enumerate(row):
            tcpr = ""
            if merged and c == 1 and r >= 1:
                same = r >= 2 and rows[r - 1][1] == text
                restart = "" if same else ' w:val="restart"'
                tcpr = f"<w:tcPr><w:vMerge{restart}/></w:tcPr>"
                if same:
                    text = ""
            cells.append(f"<w:tc>{tcpr}{_p(_r(text) if text else '')}</w:tc>")
        out.append("<w:tr>" + "".join(cells) + "</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)


def _textbox(paragraph_xml: str, n: int) -> str:
    """A floating text box as Word writes it: a DrawingML shape with a VML fallback (same text)."""
    return (
        "<w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><wp:anchor>"
        f"<wp:docPr id=\"{n}\" name=\"Text Box {n}\"/><a:graphic><a:graphicData><wps:wsp><wps:txbx>"
        f"<w:txbxContent>{paragraph_xml}</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic>"
        "</wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>"
        f"<w:txbxContent>{paragraph_xml}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>"
        "</mc:AlternateContent></w:r>"
    )


def docx_forms() -> dict[str, bytes]:
    header, paragraphs, rows = excerpt()
    table = _docx_table(rows, merged=False)
    head = "".join(_p(_r(h)) for h in header)
    forms: dict[str, bytes] = {}

    forms["docx-plain.docx"] = _package(head + "".join(_p(_split_runs(p)) for p in paragraphs) + table)

    # Tracked changes: a sentence inserted (shown), a figure deleted (not shown), a figure replaced.
    tracked = []
    for i, p in enumerate(paragraphs):
        first, _, rest = p.partition("。")
        if i % 2 == 0:
            body = (f'<w:ins w:id="{i}" w:author="王"><w:r><w:t>{escape(first)}。</w:t></w:r></w:ins>'
                    f'<w:del w:id="{100 + i}" w:author="王"><w:r><w:delText>全年完成投资999亿元，'
                    f"增长88.8%。</w:delText></w:r></w:del>" + _split_runs(rest))
        else:
            body = _split_runs(first + "。") + f'<w:ins w:id="{i}" w:author="李">{_split_runs(rest)}</w:ins>'
        tracked.append(_p(body))
    forms["docx-tracked.docx"] = _package(head + "".join(tracked) + table)

    # Everything in text boxes, as PDF-to-Word converters write it.
    boxed = "".join(_p(_textbox(_p(_split_runs(p)), i)) for i, p in enumerate([*header, *paragraphs]))
    forms["docx-textboxes.docx"] = _package(boxed + table)

    # Content controls (block and inline) and smart tags around runs.
    sdt = []
    for i, p in enumerate(paragraphs):
        if i % 2 == 0:
            sdt.append(f"<w:sdt><w:sdtPr><w:alias w:val=\"正文{i}\"/></w:sdtPr><w:sdtContent>"
                       f"{_p(_split_runs(p))}</w:sdtContent></w:sdt>")
        else:
            m = re.search(r"\d+(?:\.\d+)?", p)
            assert m
            inner = (_split_runs(p[: m.start()])
                     + f'<w:smartTag w:uri="urn:schemas-microsoft-com:office:smarttags" w:element="chmetcnv">'
                     f"{_r(m.group())}</w:smartTag>"
                     + f"<w:sdt><w:sdtContent>{_split_runs(p[m.end():])}</w:sdtContent></w:sdt>")
            sdt.append(_p(inner))
    forms["docx-controls.docx"] = _package(head + "".join(sdt) + table)

    # Footnotes: a reference after a number, a typed superscript mark, notes in footnotes.xml.
    noted = []
    for i, p in enumerate(paragraphs):
        m = _MARKABLE.search(p)
        if i % 2 == 0 and m:
            mark = ('<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/><w:vertAlign w:val="superscript"/></w:rPr>'
                    f'<w:footnoteReference w:id="{i // 2 + 1}"/></w:r>')
            noted.append(_p(_split_runs(p[: m.end()]) + mark + _split_runs(p[m.end():])))
        elif m:
            sup = _r(str(i), '<w:vertAlign w:val="superscript"/>')
            noted.append(_p(_split_runs(p[: m.end()]) + sup + _split_runs(p[m.end():])))
        else:
            noted.append(_p(_split_runs(p)))
    notes = "".join(
        f'<w:footnote w:id="{k}"><w:p>{_r(str(k), _SUPERSCRIPT)}'
        f"{_r('按现价计算，数据来源于区统计局。')}</w:p></w:footnote>"
        for k in range(1, 5)
    )
    forms["docx-footnotes.docx"] = _package(head + "".join(noted) + table, footnotes=notes)

    forms["docx-merged.docx"] = _package(
        head + "".join(_p(_split_runs(p)) for p in paragraphs) + _docx_table(rows, merged=True)
    )
    return forms


def _package(body: str, footnotes: str = "") -> bytes:
    """A minimal but complete .docx package around ``body`` (the children of ``w:body``)."""
    document = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {_NS}>'
                f"<w:body>{body}</w:body></w:document>")
    overrides = ('<Override PartName="/word/document.xml" ContentType="application/'
                 'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>')
    rels = ""
    if footnotes:
        overrides += ('<Override PartName="/word/footnotes.xml" ContentType="application/'
                      'vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>')
        rels = ('<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                'relationships/footnotes" Target="footnotes.xml"/>')
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml",
                   '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
                   'package/2006/content-types"><Default Extension="rels" ContentType="application/'
                   'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" '
                   f'ContentType="application/xml"/>{overrides}</Types>')
        z.writestr("_rels/.rels",
                   '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
                   'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
                   'officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
        z.writestr("word/_rels/document.xml.rels",
                   '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
                   f'package/2006/relationships">{rels}</Relationships>')
        z.writestr("word/document.xml", document)
        if footnotes:
            z.writestr("word/footnotes.xml", f'<?xml version="1.0" encoding="UTF-8"?><w:footnotes {_NS}>'
                       f'<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
                       f"{footnotes}</w:footnotes>")
    return buf.getvalue()


# --------------------------------------------------------------------------------------------- PDF

_FONT = "STSong-Light"
_PAGE_W, _PAGE_H = 595.0, 842.0


def _wrap(text: str, width: float, size: float) -> list[str]:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    lines, line = [], ""
    for ch in text:
        if stringWidth(line + ch, _FONT, size) > width:
            lines.append(line)
            line = ""
        line += ch
    if line:
        lines.append(line)
    return lines


def pdf_form(columns: int = 1, leading: float = 1.5, furniture: bool = False, size: float = 10.5) -> bytes:
    """The excerpt as a 公文-style PDF: ``columns`` columns, line spacing ``leading``×, a ruled table,
    and with ``furniture`` a running header, a footer and a page number on every page."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont(_FONT))
    header, paragraphs, rows = excerpt()
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(_PAGE_W, _PAGE_H))
    margin, gap = 60.0, 24.0
    col_w = (_PAGE_W - 2 * margin - gap * (columns - 1)) / columns
    top, bottom = _PAGE_H - 80, 80.0
    step = size * leading
    page = [1]

    def furnish() -> None:
        if furniture:
            c.setFont(_FONT, 9)
            c.drawCentredString(_PAGE_W / 2, _PAGE_H - 45, "海拉尔区人民政府工作报告（2016年）")
            c.line(margin, _PAGE_H - 52, _PAGE_W - margin, _PAGE_H - 52)
            c.drawString(margin, 40, "海拉尔区人民政府办公室印发")
            c.drawRightString(_PAGE_W - margin, 40, f"— {page[0]} —")

    def new_page() -> None:
        c.showPage()
        page[0] += 1
        furnish()

    furnish()
    y = top
    c.setFont(_FONT, 16)
    c.drawCentredString(_PAGE_W / 2, y, header[0])
    y -= 30
    c.setFont(_FONT, size)
    for h in header[1:]:
        c.drawCentredString(_PAGE_W / 2, y, h)
        y -= step
    y -= step / 2
    col, col_top = 0, y
    for p in paragraphs:
        for i, line in enumerate(_wrap(p, col_w - (2 * size), size)):
            if y < bottom:
                col += 1
                if col >= columns:
                    new_page()
                    col, col_top = 0, top
                y = col_top
            c.setFont(_FONT, size)
            c.drawString(margin + col * (col_w + gap) + (2 * size if i == 0 else 0), y, line)
            y -= step
    # The table, full width, below everything.
    row_h = 20.0
    if columns > 1 or y - row_h * (len(rows) + 1) < bottom:
        new_page()
        y = top
    widths = [170.0, 70.0, 90.0, 130.0]
    x0 = margin
    y -= row_h
    for row in rows:
        x = x0
        for w, cell in zip(widths, row, strict=True):
            c.rect(x, y, w, row_h)
            c.setFont(_FONT, 10)
            c.drawString(x + 4, y + 6, cell)
            x += w
        y -= row_h
    c.showPage()
    c.save()
    return buf.getvalue()


def pdf_no_unicode_map() -> bytes:
    """The excerpt in an embedded subset font whose ToUnicode map was dropped (glyph ids only)."""
    from fpdf import FPDF

    _, paragraphs, _ = excerpt()
    pdf = FPDF()
    pdf.add_font("noto", fname=str(CJK_FONT), collection_font_number=2)
    pdf.add_page()
    pdf.set_font("noto", size=11)
    for p in paragraphs:
        pdf.multi_cell(0, 8, p, new_x="LMARGIN", new_y="NEXT")
    data = bytes(pdf.output())
    # Same length, so the cross-reference offsets stay valid: the font keeps no Unicode map.
    return data.replace(b"/ToUnicode", b"/XoUnicode")


def pdf_scan(dpi: int = 200) -> bytes:
    """The excerpt as a scan: each page one image (no text layer), with a stamped page number; the
    table ruled as printed."""
    from reportlab.pdfgen import canvas

    header, paragraphs, rows = excerpt()
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(_PAGE_W, _PAGE_H))
    _draw_scans(c, _scan_images([*header], paragraphs, rows, dpi))
    c.save()
    return buf.getvalue()


def pdf_mixed(dpi: int = 200) -> bytes:
    """The excerpt as a PDF put together from typed and scanned pages: the title and the first
    paragraphs typed (a text layer), the rest and the table a scanned page (an image)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont(_FONT))
    header, paragraphs, rows = excerpt()
    typed, scanned = paragraphs[:3], paragraphs[3:]
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(_PAGE_W, _PAGE_H))
    y, size, margin = _PAGE_H - 80, 10.5, 60.0
    c.setFont(_FONT, 16)
    c.drawCentredString(_PAGE_W / 2, y, header[0])
    y -= 30
    c.setFont(_FONT, size)
    for h in header[1:]:
        c.drawCentredString(_PAGE_W / 2, y, h)
        y -= size * 1.5
    for para in typed:
        for i, line in enumerate(_wrap(para, _PAGE_W - 2 * margin - 2 * size, size)):
            assert y > 60, "the typed part must fit its page"
            c.drawString(margin + (2 * size if i == 0 else 0), y, line)
            y -= size * 1.5
    c.showPage()
    _draw_scans(c, _scan_images([], scanned, rows, dpi, first_number=2))
    c.save()
    return buf.getvalue()


def _scan_images(head: list[str], paragraphs: list[str], rows: list[list[str]], dpi: int,
                 first_number: int = 1) -> list:
    """Page images of ``head`` lines, ``paragraphs`` and the ruled table ``rows``, as a scanner
    gives them: one image a page, a stamped page number."""
    from PIL import Image, ImageDraw, ImageFont

    scale = dpi / 72
    w_px, h_px = int(_PAGE_W * scale), int(_PAGE_H * scale)
    size = int(11 * scale)
    font = ImageFont.truetype(str(CJK_FONT), size, index=2)
    margin = int(60 * scale)
    lines: list[str | list[str]] = [*head]
    chars_per_line = (w_px - 2 * margin) // size
    for p in paragraphs:
        lines += [p[i : i + chars_per_line] for i in range(0, len(p), chars_per_line)]
    lines += rows  # the table, ruled, a row per line
    pages: list[Image.Image] = []
    img = draw = None
    y = h_px
    for line in lines:
        if y > h_px - margin - size * 3:
            img = Image.new("L", (w_px, h_px), 255)
            draw = ImageDraw.Draw(img)
            pages.append(img)
            number = first_number + len(pages) - 1
            draw.text((w_px // 2, h_px - margin // 2), f"- {number} -", font=font, fill=0, anchor="mm")
            y = margin
        assert draw is not None
        if isinstance(line, list):
            widths = [int(w * scale) for w in (170, 70, 90, 130)]
            x = margin
            for w, cell in zip(widths, line, strict=True):
                draw.rectangle((x, y - size // 3, x + w, y + size + size // 3), outline=0, width=2)
                draw.text((x + size // 3, y), cell, font=font, fill=0)
                x += w
            y += int(size * 1.67)
            continue
        draw.text((margin, y), line, font=font, fill=0)
        y += int(size * 1.6)
    return pages


def _draw_scans(c: object, pages: list) -> None:
    """Each image a full page of the reportlab canvas ``c``."""
    from reportlab.lib.utils import ImageReader

    for page in pages:
        png = io.BytesIO()
        page.save(png, format="PNG")
        png.seek(0)
        c.drawImage(ImageReader(png), 0, 0, _PAGE_W, _PAGE_H)  # type: ignore[attr-defined]
        c.showPage()  # type: ignore[attr-defined]


def pdf_forms() -> dict[str, bytes]:
    return {
        "pdf-one-column.pdf": pdf_form(columns=1, leading=1.5),
        "pdf-two-columns.pdf": pdf_form(columns=2, leading=1.5),
        "pdf-two-columns-furniture.pdf": pdf_form(columns=2, leading=1.8, furniture=True),
        "pdf-one-column-furniture.pdf": pdf_form(columns=1, leading=2.0, furniture=True),
        "pdf-no-unicode-map.pdf": pdf_no_unicode_map(),
        "pdf-scan.pdf": pdf_scan(),
        "pdf-mixed-scan.pdf": pdf_mixed(),
    }


def all_forms() -> dict[str, bytes]:
    return {**text_forms(), "html-portal.html": html_portal(), **docx_forms(), **pdf_forms()}


def write_forms(directory: Path) -> dict[str, Path]:
    directory.mkdir(parents=True, exist_ok=True)
    out = {}
    for name, data in all_forms().items():
        path = directory / name
        path.write_bytes(data)
        out[name] = path
    return out
