"""The report as plain Markdown: pipe tables, no images.

Markdown is the format to diff, paste into an issue or read in a terminal, so charts are given
as their data (year, value, kind, source) instead of pictures.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from planwatch.report import fmt
from planwatch.report.model import DocumentRef, Report, TargetRow


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


def document_line(d: DocumentRef) -> str:
    """``《title》（file，type，year年）`` for the list of documents."""
    year = f"{d.year}年" if d.year else "年份不详"
    return f"《{d.title or d.name}》（{d.name}，{d.doc_type}，{year}）"


def render_markdown(report: Report) -> bytes:
    out: list[str] = [f"# {report.title}", ""]
    out += [
        f"- 规划：{report.plan_label}",
        f"- 地区：{report.region}",
        f"- 生成日期：{report.generated.isoformat()}",
        f"- 数据库：{report.database}",
        "",
        "## 一、总体情况",
        "",
        report.summary(),
        "",
    ]
    out += _table(STATUS_HEADER, report.status_table())
    out += ["", "## 二、主要指标目标完成情况", ""]
    out += ["每个数字后的编号指向文末“数据来源”；增速的计算方法见“评估方法”。", ""]
    out += _table(KEY_HEADER, [key_row_cells(i, r) for i, r in enumerate(report.key_rows, 1)])
    out += ["", "## 三、重点指标走势", ""]
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
    out += ["## 四、数据矛盾", ""]
    if not report.conflicts:
        out += ["未发现不同来源之间的数据矛盾。", ""]
    for i, c in enumerate(report.conflicts, 1):
        values = "；".join(f"{v.text}（{v.kind}）{fmt.refs([v.ref])}" for v in c.values)
        out.append(f"{i}. **{c.indicator}** {c.period}年 {c.measure}（{c.label}）：{c.explanation}。各来源：{values}。")
    out += ["", "## 五、数据缺口", "", "### （一）无法判断进展的主要指标目标", ""]
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
    out += ["", "## 附表　其他规划目标（重点项目投资等）", ""]
    if report.other_rows:
        out += _table(OTHER_HEADER, [other_row_cells(i, r) for i, r in enumerate(report.other_rows, 1)])
    else:
        out.append("无。")
    out += ["", "## 附录　评估方法", ""]
    out += [f"- {note}" for note in fmt.METHOD_NOTES]
    out += [f"- {label}：{fmt.STATUS_MEANINGS[s]}。" for s, label in fmt.STATUS_LABELS.items()]
    out += ["", "## 资料来源", "", "### 文件", ""]
    out += [f"- {document_line(d)}" for d in report.documents]
    out += ["", "### 数据来源", ""]
    out += [f"- [{s.n}] {s.label}：“{_cell(s.short_quote)}”" for s in report.sources]
    out.append("")
    return "\n".join(out).encode("utf-8")
