"""The report as plain Markdown: pipe tables, no images.

Markdown is the format to diff, paste into an issue or read in a terminal, so charts are given
as their data (year, value, kind, source) instead of pictures.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from planwatch.report import fmt
from planwatch.report.model import DocumentRef, ProjectBucket, ProjectRow, Report, StatedProjects, TargetRow


def _cell(text: object) -> str:
    """A table cell on one line with its pipes escaped (quotes may hold table rows)."""
    return " ".join(str(text).split()).replace("|", "\\|") or " "


def _table(header: Sequence[str], rows: Iterable[Sequence[object]]) -> list[str]:
    lines = ["| " + " | ".join(_cell(h) for h in header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(_cell(c) for c in r) + " |" for r in rows]
    return lines


def _with_refs(text: str, numbers: list[int]) -> str:
    return f"{text} {fmt.refs(numbers)}" if numbers and text != "—" else text


def key_row_cells(i: int, r: TargetRow) -> list[str]:
    """The cells of one row of the main table (shared with the DOCX renderer)."""
    return [
        str(i),
        r.indicator,
        r.measure_label,
        r.period,
        _with_refs(r.target_text, [r.target_ref]),
        _with_refs(r.baseline_text, r.baseline_refs),
        _with_refs(r.latest_text, r.latest_refs),
        r.required_text,
        r.observed_text,
        r.status_label,
    ]


KEY_HEADER = ("序号", "指标", "类型", "目标期", "目标值", "基期值", "最新值", "所需年均增速", "实际年均增速", "状态")
OTHER_HEADER = ("序号", "目标名称", "类型", "目标期", "目标值", "最新值", "状态")
STATUS_HEADER = ("评估状态", "主要指标", "其他目标", "合计")


def other_row_cells(i: int, r: TargetRow) -> list[str]:
    return [
        str(i),
        r.indicator,
        r.measure_label,
        r.period,
        _with_refs(r.target_text, [r.target_ref]),
        _with_refs(r.latest_text, r.latest_refs),
        r.status_label,
    ]


PROJECTS_HEADING = "九、重点项目"
STATED_HEADER = (
    "类别", "原文", "所述项目数", "所述总投资", "逐项列出项目数", "列出项目投资合计", "列出占比（个数 / 投资）",
)  # fmt: skip
BUCKET_HEADER = ("{}", "项目数", "标明投资的项目", "投资合计")
LARGEST_HEADER = ("序号", "项目", "地区", "领域", "最新阶段", "时期", "总投资")
PROJECTS_NOTE = (
    "项目为各文件逐项列出、所述时期在规划期内的项目（同一项目在不同文件中的提及已合并）；阶段为文件所述的最新阶段，"
    "“（计划）”“（预计）”为规划中或预计的阶段；投资合计以亿元计（万元已换算），只计标明总投资的项目。"
)


def stated_cells(s: StatedProjects) -> list[str]:
    """The cells of one row of the stated-counts table (shared with the DOCX renderer)."""
    return [
        s.category, s.text, _with_refs(str(s.value), s.refs[:1]), _with_refs(s.investment_text, s.refs[1:]),
        s.listed_text, s.listed_investment_text, s.share_text,
    ]  # fmt: skip


def bucket_cells(b: ProjectBucket) -> list[str]:
    return [b.label, str(b.n), str(b.n_invested), b.investment_text]


def largest_cells(i: int, r: ProjectRow) -> list[str]:
    return [str(i), r.name, r.region, r.sector, r.stage, r.period, _with_refs(r.investment_text, r.refs)]


def _projects(report: Report) -> list[str]:
    out = ["", f"## {PROJECTS_HEADING}", ""]
    section = report.projects
    if section is None:
        return [*out, "本报告未统计重点项目。", ""]
    out += [section.summary(report.region, report.plan_label), ""]
    if not section.n_projects and not section.stated:
        return out
    out += ["### （一）文件所述项目数与逐项列出的项目", ""]
    if section.stated:
        out += _table(STATED_HEADER, [stated_cells(s) for s in section.stated])
    else:
        out.append("文件未给出该时期重点项目的总数。")
    out += ["", "### （二）按阶段统计", ""]
    out += _table([h.format("最新阶段") for h in BUCKET_HEADER], [bucket_cells(b) for b in section.by_stage])
    out += ["", "### （三）按领域统计", ""]
    out += _table([h.format("领域") for h in BUCKET_HEADER], [bucket_cells(b) for b in section.by_sector])
    out += ["", "### （四）投资规模最大的重点项目", ""]
    if section.largest:
        out += _table(LARGEST_HEADER, [largest_cells(i, r) for i, r in enumerate(section.largest, 1)])
    else:
        out.append("逐项列出的项目均未标明总投资。")
    out += ["", PROJECTS_NOTE, ""]
    return out


def document_line(d: DocumentRef) -> str:
    """``《title》（type，year年）`` for the list of documents (by title, not by file)."""
    year = f"{d.year}年" if d.year else "年份不详"
    return f"《{d.title or d.name}》（{d.doc_type}，{year}）"


def sentence(parts: list[tuple[str, list[int]]]) -> str:
    """A generated sentence with each number's source numbers after it: ``…目标282亿元[3]，实际…``."""
    return "".join(words + fmt.refs(numbers) for words, numbers in parts)


#: The sections a planning office writes first, each a list of generated sentences.
NARRATIVE = (
    ("二、主要成效", "achievements", "暂无已完成或进展顺利的主要指标目标。"),
    ("三、存在问题", "problems", "未发现未完成的主要指标目标、数据矛盾或数据缺口。"),
    ("四、下一步建议", "suggestions", ""),
)
SOURCE_HEADER = ("编号", "文件", "位置", "原文")
DOCUMENT_HEADER = ("文件", "类型", "年份")


def meta_lines(report: Report) -> list[tuple[str, str]]:
    """The report's particulars: what is evaluated, as of when (no database path: a report leaves the server)."""
    return [
        ("评估类型", f"{report.evaluation}（数据截至{report.as_of}年）" if report.as_of else report.evaluation),
        ("规划" if report.year is None else "年度", report.plan_label),
        ("地区", report.region),
        ("生成日期", report.generated.isoformat()),
    ]


def source_cells(s: Any) -> list[str]:
    return [f"[{s.n}]", s.document, s.place or "—", s.text]


def document_cells(d: DocumentRef) -> list[str]:
    return [f"《{d.title or d.name}》", d.doc_type or "—", f"{d.year}年" if d.year else "—"]


def group_title(i: int, category: str) -> str:
    """``（一）经济发展`` for the i-th category (1-based)."""
    return f"（{fmt.chinese_ordinal(i)}）{category}"


def render_markdown(report: Report) -> bytes:
    out: list[str] = [f"# {report.title}", ""]
    out += [f"- {k}：{v}" for k, v in meta_lines(report)]
    out += ["", "## 一、总体情况", "", report.summary(), ""]
    out += _table(STATUS_HEADER, report.status_table())
    for heading, method, empty in NARRATIVE:
        out += ["", f"## {heading}", ""]
        items = getattr(report, method)()
        out += [f"{i}. {sentence(parts)}" for i, parts in enumerate(items, 1)] if items else [empty]
    out += ["", "## 五、主要指标目标完成情况", ""]
    out += ["每个数字后的编号指向文末“数据来源”；增速的计算方法见“评估方法”。", ""]
    i = 0
    for g, (category, rows) in enumerate(report.key_groups(), 1):
        if category:
            out += [f"### {group_title(g, category)}", ""]
        out += _table(KEY_HEADER, [key_row_cells(i + j, r) for j, r in enumerate(rows, 1)])
        out.append("")
        i += len(rows)
    out += ["## 六、重点指标走势", ""]
    if not report.charts:
        out += ["主要指标均无可作图的观测数据。", ""]
    out += ["（HTML、PDF、Word 版以图表呈现，此处列出作图数据。）", ""] if report.charts else []
    for chart in report.charts:
        out += [f"### {chart.indicator}（{chart.unit or '—'}）", ""]
        rows = [
            (str(p.year), fmt.number(p.value), fmt.KIND_LABELS.get(p.kind, p.kind), fmt.refs([p.ref]))
            for p in chart.observed
        ]
        rows += [
            (str(t.year), fmt.target_text(t.value, "", t.qualifier), f"目标（{fmt.STATUS_LABELS[t.status]}）",
             fmt.refs([t.ref]))
            for t in chart.targets
        ]  # fmt: skip
        out += _table(("年份", "数值", "类别", "来源"), rows)
        out.append("")
    out += ["## 七、数据矛盾", ""]
    if not report.conflicts:
        out += ["未发现不同来源之间的数据矛盾。", ""]
    for i, c in enumerate(report.conflicts, 1):
        values = "；".join(f"{v.text}（{v.kind}）{fmt.refs([v.ref])}" for v in c.values)
        out.append(f"{i}. {c.indicator} {c.period}年 {c.measure}（{c.label}）：{c.explanation}。各来源：{values}。")
    out += ["", "## 八、数据缺口", "", "### （一）无法判断进展的主要指标目标", ""]
    if report.gap_rows:
        out += _table(
            ("指标", "类型", "目标期", "目标值", "原因"),
            [(r.indicator, r.measure_label, r.period, _with_refs(r.target_text, [r.target_ref]), r.gap)
             for r in report.gap_rows],
        )  # fmt: skip
    else:
        out.append("无。")
    out += ["", "### （二）基期以来无实际数据的主要指标", ""]
    if report.stale:
        stale = [(s.indicator, _with_refs(s.latest_text, s.refs), s.note) for s in report.stale]
        out += _table(("指标", "最新观测", "说明"), stale)
    else:
        out.append("无。")
    n_other_gaps = sum(r.status == "no data" for r in report.other_rows)
    if n_other_gaps:
        out += ["", f"另有{n_other_gaps}项其他目标（主要为重点项目投资等）无进展数据，见附表。"]
    out += _projects(report)
    out += ["", "## 附表　其他规划目标（重点项目投资等）", ""]
    if report.other_rows:
        out += _table(OTHER_HEADER, [other_row_cells(i, r) for i, r in enumerate(report.other_rows, 1)])
    else:
        out.append("无。")
    out += ["", "## 附录　评估方法", ""]
    out += [f"- {note}" for note in fmt.METHOD_NOTES]
    out += [f"- {label}：{fmt.STATUS_MEANINGS[s]}。" for s, label in fmt.STATUS_LABELS.items()]
    out += ["", "## 资料来源", "", "### 文件", ""]
    out += _table(DOCUMENT_HEADER, [document_cells(d) for d in report.documents])
    out += ["", "### 数据来源", ""]
    out += _table(SOURCE_HEADER, [source_cells(s) for s in report.sources])
    out.append("")
    return "\n".join(out).encode("utf-8")
