"""The report as a Word document: real Word tables (editable, not pictures) and PNG charts.

Officials edit a mid-term evaluation before it is issued, so the DOCX is the format to keep
editable: headings use Word's heading styles (the navigation pane and a table of contents
work), tables are Word tables in the built-in "Table Grid" style, and charts are PNG (Word's
SVG support varies by version).  Chinese text gets an East Asian font name (``w:eastAsia``)
so Word does not fall back to a Western font's missing glyphs.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from typing import Any

from planwatch.report import fmt
from planwatch.report.markdown import (
    BUCKET_HEADER,
    DOCUMENT_HEADER,
    KEY_HEADER,
    LARGEST_HEADER,
    NARRATIVE,
    OTHER_HEADER,
    PROJECTS_HEADING,
    PROJECTS_NOTE,
    SOURCE_HEADER,
    STATED_HEADER,
    STATUS_HEADER,
    bucket_cells,
    document_cells,
    group_title,
    key_row_cells,
    largest_cells,
    meta_lines,
    other_row_cells,
    sentence,
    source_cells,
    stated_cells,
)
from planwatch.report.model import Report

#: The East Asian font asked of Word; Word substitutes an installed one if it is missing.
EAST_ASIAN_FONT = "宋体"
LATIN_FONT = "Times New Roman"
HEADING_FONT = "黑体"


def _set_fonts(style_or_run: Any, east_asian: str, latin: str | None = None) -> None:
    from docx.oxml.ns import qn

    font = style_or_run.font
    if latin:
        font.name = latin
    rpr = style_or_run.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.append(fonts)
    fonts.set(qn("w:eastAsia"), east_asian)


def _table(doc: Any, header: Sequence[str], rows: Iterable[Sequence[object]], *, font_pt: float = 8) -> Any:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    rows = [list(r) for r in rows]
    table = doc.add_table(rows=1 + len(rows), cols=len(header))
    table.style = "Table Grid"
    # Repeat the header row on every page, as a printed statistical table does.
    tr_pr = table.rows[0]._tr.get_or_add_trPr()
    repeat = OxmlElement("w:tblHeader")
    repeat.set(qn("w:val"), "true")
    tr_pr.append(repeat)
    for i, row in enumerate([list(header), *rows]):
        cells = table.rows[i].cells
        for j, value in enumerate(row):
            cell = cells[j]
            cell.text = str(value)
            for paragraph in cell.paragraphs:
                for run in paragraph.runs:
                    run.font.size = Pt(font_pt)
                    run.font.bold = i == 0
    return table


def _projects(doc: Any, report: Report) -> None:
    """六、重点项目: the same paragraphs and tables as the Markdown and HTML reports."""
    doc.add_heading(PROJECTS_HEADING, level=1)
    section = report.projects
    if section is None:
        doc.add_paragraph("本报告未统计重点项目。")
        return
    doc.add_paragraph(section.summary(report.region, report.plan_label))
    if not section.n_projects and not section.stated:
        return
    doc.add_heading("（一）文件所述项目数与逐项列出的项目", level=2)
    if section.stated:
        _table(doc, STATED_HEADER, [stated_cells(s) for s in section.stated])
    else:
        doc.add_paragraph("文件未给出该时期重点项目的总数。")
    doc.add_heading("（二）按阶段统计", level=2)
    _table(doc, [h.format("最新阶段") for h in BUCKET_HEADER], [bucket_cells(b) for b in section.by_stage], font_pt=9)
    doc.add_heading("（三）按领域统计", level=2)
    _table(doc, [h.format("领域") for h in BUCKET_HEADER], [bucket_cells(b) for b in section.by_sector], font_pt=9)
    doc.add_heading("（四）投资规模最大的重点项目", level=2)
    if section.largest:
        _table(doc, LARGEST_HEADER, [largest_cells(i, r) for i, r in enumerate(section.largest, 1)])
    else:
        doc.add_paragraph("逐项列出的项目均未标明总投资。")
    doc.add_paragraph(PROJECTS_NOTE)


def _page_numbers(section: Any) -> None:
    """``第 N 页`` centred in the footer: a PAGE field, which Word fills in on every page."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    p = section.footer.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.add_run("第 ")
    run = p.add_run()
    for kind, text in (("begin", None), (None, "PAGE"), ("separate", None), (None, "1"), ("end", None)):
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        elif text == "PAGE":
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = " PAGE "
        else:
            el = OxmlElement("w:t")
            el.text = text
        run._r.append(el)
    p.add_run(" 页")


def render_docx(report: Report) -> bytes:
    import docx
    from docx.enum.section import WD_ORIENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    from planwatch.report.charts import draw

    doc = docx.Document()
    section = doc.sections[0]
    # Landscape A4: the main table has ten columns.
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(1.8))
    normal = doc.styles["Normal"]
    normal.font.size = Pt(10.5)
    _set_fonts(normal, EAST_ASIAN_FONT, LATIN_FONT)
    for name in ("Title", "Heading 1", "Heading 2"):
        _set_fonts(doc.styles[name], HEADING_FONT)
    props = doc.core_properties
    props.title = report.title
    props.subject = report.plan_label
    props.author = "PlanWatch"
    props.language = "zh-CN"

    _page_numbers(section)
    title = doc.add_heading(report.title, level=0)
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    meta = doc.add_paragraph("　".join(f"{k}：{v}" for k, v in meta_lines(report)))
    meta.alignment = WD_ALIGN_PARAGRAPH.CENTER

    doc.add_heading("一、总体情况", level=1)
    doc.add_paragraph(report.summary())
    counts = [(label, key, other, total) for label, key, other, total in report.status_table()]
    counts.append(("合计", len(report.key_rows), len(report.other_rows), len(report.rows)))
    _table(doc, STATUS_HEADER, counts, font_pt=9)

    for heading, method, empty in NARRATIVE:
        doc.add_heading(heading, level=1)
        items = getattr(report, method)()
        for parts in items:
            doc.add_paragraph(sentence(parts), style="List Number")
        if not items:
            doc.add_paragraph(empty)

    doc.add_heading("五、主要指标目标完成情况", level=1)
    doc.add_paragraph("每个数字后的编号指向文末“数据来源”（文件与位置）；增速的计算方法见“评估方法”。")
    n = 0
    for g, (category, rows) in enumerate(report.key_groups(), 1):
        if category:
            doc.add_heading(group_title(g, category), level=2)
        _table(doc, KEY_HEADER, [key_row_cells(n + j, r) for j, r in enumerate(rows, 1)])
        n += len(rows)

    doc.add_heading("六、重点指标走势", level=1)
    if not report.charts:
        doc.add_paragraph("主要指标均无可作图的观测数据。")
    for i, chart in enumerate(report.charts, 1):
        doc.add_picture(io.BytesIO(draw(chart, "png")), width=Cm(15))
        doc.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.CENTER
        caption = doc.add_paragraph(f"图{i}　{chart.caption()}")
        caption.runs[0].font.size = Pt(9)

    doc.add_heading("七、数据矛盾", level=1)
    if not report.conflicts:
        doc.add_paragraph("未发现不同来源之间的数据矛盾。")
    else:
        _table(
            doc,
            ("指标", "时期", "类型", "问题", "各来源数值"),
            [
                (c.indicator, c.period, c.measure, f"{c.label}：{c.explanation}",
                 "；".join(f"{v.text}（{v.kind}）{fmt.refs([v.ref])}" for v in c.values))
                for c in report.conflicts
            ],
        )  # fmt: skip

    doc.add_heading("八、数据缺口", level=1)
    doc.add_heading("（一）无法判断进展的主要指标目标", level=2)
    if report.gap_rows:
        _table(
            doc,
            ("指标", "类型", "目标期", "目标值", "原因"),
            [(r.indicator, r.measure_label, r.period, f"{r.target_text} {fmt.refs([r.target_ref])}", r.gap)
             for r in report.gap_rows],
        )  # fmt: skip
    else:
        doc.add_paragraph("无。")
    doc.add_heading("（二）基期以来无实际数据的主要指标", level=2)
    if report.stale:
        _table(
            doc,
            ("指标", "最新观测", "说明"),
            [(s.indicator, f"{s.latest_text} {fmt.refs(s.refs)}".strip(), s.note) for s in report.stale],
        )
    else:
        doc.add_paragraph("无。")
    other_gaps = sum(r.status == "no data" for r in report.other_rows)
    if other_gaps:
        doc.add_paragraph(f"另有{other_gaps}项其他目标（主要为重点项目投资等）无进展数据，见附表。")

    _projects(doc, report)

    doc.add_heading("附表　其他规划目标（重点项目投资等）", level=1)
    if report.other_rows:
        _table(doc, OTHER_HEADER, [other_row_cells(i, r) for i, r in enumerate(report.other_rows, 1)])
    else:
        doc.add_paragraph("无。")

    doc.add_heading("附录　评估方法", level=1)
    for note in fmt.METHOD_NOTES:
        doc.add_paragraph(note, style="List Bullet")
    for status, label in fmt.STATUS_LABELS.items():
        doc.add_paragraph(f"{label}：{fmt.STATUS_MEANINGS[status]}。", style="List Bullet")

    doc.add_heading("资料来源", level=1)
    doc.add_heading("文件", level=2)
    _table(doc, DOCUMENT_HEADER, [document_cells(d) for d in report.documents], font_pt=8)
    doc.add_heading("数据来源", level=2)
    _table(doc, SOURCE_HEADER, [source_cells(s) for s in report.sources], font_pt=7.5)

    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()
