"""The report as one self-contained HTML page (and the page the PDF is printed from).

Self-contained means it opens offline and leaks nothing: styles are inline, charts are SVG
embedded as ``data:`` URIs, and the page requests no URL at all.  The template is kept in this
module (not a separate file) so that it ships with the code in any kind of install.
"""

from __future__ import annotations

import base64
from functools import lru_cache
from typing import Any

from planwatch.report import fmt
from planwatch.report.markdown import (
    DOCUMENT_HEADER,
    LARGEST_HEADER,
    NARRATIVE,
    PROJECTS_HEADING,
    PROJECTS_NOTE,
    SOURCE_HEADER,
    STATED_HEADER,
    document_cells,
    document_line,
    group_title,
    meta_lines,
)
from planwatch.report.model import Report

#: Fonts for Chinese text, in order; the PDF renderer puts the font it found first.
FONT_STACK = (
    '"Noto Sans CJK SC", "Source Han Sans SC", "Source Han Sans CN", "WenQuanYi Micro Hei", '
    '"Microsoft YaHei", "PingFang SC", "Hiragino Sans GB", "SimHei", sans-serif'
)

TEMPLATE = """<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="PlanWatch">
<title>{{ r.title }}</title>
<style>
body { font-family: {{ font_stack }}; color: #1c1c1c; line-height: 1.6; margin: 2em auto; max-width: 1100px;
       padding: 0 1.5em; font-size: 15px; }
h1 { font-size: 1.7em; text-align: center; margin-bottom: .2em; }
h2 { font-size: 1.3em; border-bottom: 2px solid #1f5fa8; padding-bottom: .15em; margin-top: 1.6em; }
h3 { font-size: 1.1em; margin-top: 1.2em; }
.meta { text-align: center; color: #555; font-size: .9em; margin-bottom: 1.5em; }
table { border-collapse: collapse; width: 100%; margin: .6em 0 1em; font-size: .85em; }
th, td { border: 1px solid #b8c2cc; padding: .3em .45em; vertical-align: top; text-align: left; }
th { background: #eaf0f7; font-weight: bold; }
td.num, th.num { text-align: right; white-space: nowrap; }
table.counts { width: auto; min-width: 50%; }
table.counts td, table.counts th { padding: .25em 1.2em; }
table.project-counts { width: auto; min-width: 40%; }
table.project-counts td, table.project-counts th { padding: .25em 1.2em; }
table.largest td:nth-child(n+3):nth-child(-n+7), table.stated td { white-space: nowrap; }
table.targets td:nth-child(3), table.targets td:nth-child(4), table.others td:nth-child(3),
table.others td:nth-child(4) { white-space: nowrap; }
thead { display: table-header-group; }
tr { page-break-inside: avoid; }
sup.ref { font-size: .75em; color: #1f5fa8; white-space: nowrap; }
sup.ref a { color: inherit; text-decoration: none; }
.status { white-space: nowrap; font-weight: bold; }
.s-achieved, .s-on-track { color: #2e7d32; }
.s-moderate { color: #b37400; }
.s-insufficient { color: #d35400; }
.s-moving-away, .s-not-achieved { color: #c0392b; }
.s-no-data { color: #7f8c8d; }
figure { margin: 1em 0 1.4em; page-break-inside: avoid; }
figure img { width: 100%; max-width: 760px; display: block; }
figcaption { font-size: .85em; color: #444; }
table.sources, table.documents { font-size: .8em; }
ol.narrative li { margin-bottom: .3em; }
.quote { color: #444; }
.note { color: #555; font-size: .9em; }
{{ print_css }}
</style>
</head>
<body>
<h1>{{ r.title }}</h1>
<div class="meta">{% for k, v in meta %}{{ k }}：{{ v }}{% if not loop.last %}　·　{% endif %}{% endfor %}</div>

<h2>一、总体情况</h2>
<p>{{ r.summary() }}</p>
<table class="counts">
<thead><tr><th>评估状态</th><th>主要指标</th><th>其他目标</th><th>合计</th></tr></thead>
<tbody>
{% for label, key, other, total in r.status_table() %}<tr><td>{{ label }}</td><td class="num">{{ key }}</td>
<td class="num">{{ other }}</td><td class="num">{{ total }}</td></tr>
{% endfor %}<tr><th>合计</th><th class="num">{{ r.key_rows|length }}</th><th class="num">{{ r.other_rows|length }}</th>
<th class="num">{{ r.rows|length }}</th></tr>
</tbody>
</table>

{% for heading, method, empty in narrative %}
<h2>{{ heading }}</h2>
{% set items = r[method]() %}
{% if items %}<ol class="narrative">
{% for parts in items %}<li>{% for words, numbers in parts %}{{ words }}{{ refs(numbers) }}{% endfor %}</li>
{% endfor %}</ol>{% else %}<p>{{ empty }}</p>{% endif %}
{% endfor %}

<h2>五、主要指标目标完成情况</h2>
<p class="note">每个数字后的上标编号指向文末“数据来源”（文件与位置）；增速的计算方法见“评估方法”。</p>
{% set ns = namespace(i=0) %}
{% for category, rows in r.key_groups() %}
{% if category %}<h3>{{ group_title(loop.index, category) }}</h3>{% endif %}
<table class="targets">
<colgroup><col style="width:3.5%"><col style="width:15%"><col style="width:7%"><col style="width:8.5%">
<col style="width:12%"><col style="width:15%"><col style="width:15%"><col style="width:8%"><col style="width:8%">
<col style="width:8%"></colgroup>
<thead><tr><th>序号</th><th>指标</th><th>类型</th><th>目标期</th><th>目标值</th><th>基期值</th><th>最新值</th>
<th>所需年均增速</th><th>实际年均增速</th><th>状态</th></tr></thead>
<tbody>
{% for t in rows %}{% set ns.i = ns.i + 1 %}<tr data-fact="{{ t.fact_id }}"><td class="num">{{ ns.i }}</td>
<td>{{ t.indicator }}</td>
<td>{{ t.measure_label }}</td><td>{{ t.period }}</td><td>{{ t.target_text }}{{ refs([t.target_ref]) }}</td>
<td>{{ t.baseline_text }}{{ refs(t.baseline_refs) }}</td><td>{{ t.latest_text }}{{ refs(t.latest_refs) }}</td>
<td class="num">{{ t.required_text }}</td><td class="num">{{ t.observed_text }}</td>
<td class="status {{ css(t.status) }}">{{ t.status_label }}</td></tr>
{% endfor %}</tbody>
</table>
{% endfor %}

<h2>六、重点指标走势</h2>
{% if not r.charts %}<p>主要指标均无可作图的观测数据。</p>{% endif %}
{% for c in r.charts %}<figure>
<img alt="{{ c.indicator }}走势图" src="{{ chart_uri(c) }}">
<figcaption>图{{ loop.index }}　{{ c.indicator }}（{{ c.unit or '—' }}）：
{%- for words, numbers in c.caption_parts() -%}
{% if not loop.first and not words.startswith('（') %}；{% endif %}{{ words }}{{ refs(numbers) }}
{%- endfor %}。</figcaption>
</figure>
{% endfor %}

<h2>七、数据矛盾</h2>
{% if not r.conflicts %}<p>未发现不同来源之间的数据矛盾。</p>{% else %}
<table class="conflicts">
<thead><tr><th>指标</th><th>时期</th><th>类型</th><th>问题</th><th>各来源数值</th></tr></thead>
<tbody>
{% for c in r.conflicts %}<tr><td>{{ c.indicator }}</td><td>{{ c.period }}</td><td>{{ c.measure }}</td>
<td>{{ c.label }}：{{ c.explanation }}</td>
<td>
{%- for v in c.values -%}
{{ v.text }}（{{ v.kind }}）{{ refs([v.ref]) }}{% if not loop.last %}<br>{% endif %}
{%- endfor -%}
</td></tr>
{% endfor %}</tbody>
</table>{% endif %}

<h2>八、数据缺口</h2>
<h3>（一）无法判断进展的主要指标目标</h3>
{% if r.gap_rows %}<table class="gaps">
<thead><tr><th>指标</th><th>类型</th><th>目标期</th><th>目标值</th><th>原因</th></tr></thead>
<tbody>
{% for t in r.gap_rows %}<tr><td>{{ t.indicator }}</td><td>{{ t.measure_label }}</td><td>{{ t.period }}</td>
<td>{{ t.target_text }}{{ refs([t.target_ref]) }}</td><td>{{ t.gap }}</td></tr>
{% endfor %}</tbody>
</table>{% else %}<p>无。</p>{% endif %}
<h3>（二）基期以来无实际数据的主要指标</h3>
{% if r.stale %}<table class="stale">
<thead><tr><th>指标</th><th>最新观测</th><th>说明</th></tr></thead>
<tbody>
{% for s in r.stale %}<tr><td>{{ s.indicator }}</td><td>{{ s.latest_text }}{{ refs(s.refs) }}</td>
<td>{{ s.note }}</td></tr>
{% endfor %}</tbody>
</table>{% else %}<p>无。</p>{% endif %}
{% if other_gaps %}<p>另有{{ other_gaps }}项其他目标（主要为重点项目投资等）无进展数据，见附表。</p>{% endif %}

<h2>{{ projects_heading }}</h2>
{% set pr = r.projects %}
{% if pr is none %}<p>本报告未统计重点项目。</p>{% else %}
<p class="projects-summary">{{ pr.summary(r.region, r.plan_label) }}</p>
{% if pr.n_projects or pr.stated %}
<h3>（一）文件所述项目数与逐项列出的项目</h3>
{% if pr.stated %}<table class="stated">
<thead><tr>{% for h in stated_header %}<th>{{ h }}</th>{% endfor %}</tr></thead>
<tbody>
{% for s in pr.stated %}<tr><td>{{ s.category }}</td><td>{{ s.text }}</td>
<td class="num">{{ s.value }}{{ refs(s.refs[:1]) }}</td>
<td class="num">{{ s.investment_text }}{{ refs(s.refs[1:]) }}</td><td class="num">{{ s.listed_text }}</td>
<td class="num">{{ s.listed_investment_text }}</td><td class="num">{{ s.share_text }}</td></tr>
{% endfor %}</tbody>
</table>{% else %}<p>文件未给出该时期重点项目的总数。</p>{% endif %}
{% for title, first, buckets, css in (('（二）按阶段统计', '最新阶段', pr.by_stage, 'by-stage'),
                                      ('（三）按领域统计', '领域', pr.by_sector, 'by-sector')) %}
<h3>{{ title }}</h3>
<table class="project-counts {{ css }}">
<thead><tr><th>{{ first }}</th><th>项目数</th><th>标明投资的项目</th><th>投资合计</th></tr></thead>
<tbody>
{% for b in buckets %}<tr><td>{{ b.label }}</td><td class="num">{{ b.n }}</td><td class="num">{{ b.n_invested }}</td>
<td class="num">{{ b.investment_text }}</td></tr>
{% endfor %}</tbody>
</table>
{% endfor %}
<h3>（四）投资规模最大的重点项目</h3>
{% if pr.largest %}<table class="largest">
<thead><tr>{% for h in largest_header %}<th>{{ h }}</th>{% endfor %}</tr></thead>
<tbody>
{% for x in pr.largest %}<tr data-project="{{ x.project_id }}"><td class="num">{{ loop.index }}</td>
<td>{{ x.name }}</td><td>{{ x.region }}</td><td>{{ x.sector }}</td><td>{{ x.stage }}</td><td>{{ x.period }}</td>
<td class="num">{{ x.investment_text }}{{ refs(x.refs) }}</td></tr>
{% endfor %}</tbody>
</table>{% else %}<p>逐项列出的项目均未标明总投资。</p>{% endif %}
<p class="note">{{ projects_note }}</p>
{% endif %}{% endif %}

<h2>附表　其他规划目标（重点项目投资等）</h2>
{% if r.other_rows %}<table class="others">
<thead><tr><th>序号</th><th>目标名称</th><th>类型</th><th>目标期</th><th>目标值</th><th>最新值</th><th>状态</th></tr>
</thead>
<tbody>
{% for t in r.other_rows %}<tr data-fact="{{ t.fact_id }}"><td class="num">{{ loop.index }}</td>
<td>{{ t.indicator }}</td><td>{{ t.measure_label }}</td><td>{{ t.period }}</td>
<td>{{ t.target_text }}{{ refs([t.target_ref]) }}</td><td>{{ t.latest_text }}{{ refs(t.latest_refs) }}</td>
<td class="status {{ css(t.status) }}">{{ t.status_label }}</td></tr>
{% endfor %}</tbody>
</table>{% else %}<p>无。</p>{% endif %}

<h2>附录　评估方法</h2>
<ul>
{% for note in method %}<li>{{ note }}</li>
{% endfor %}
{%- for s, label in statuses %}<li><span class="status {{ css(s) }}">{{ label }}</span>：{{ meanings[s] }}。</li>
{% endfor %}</ul>

<h2>资料来源</h2>
<h3>文件</h3>
<table class="documents">
<thead><tr>{% for h in document_header %}<th>{{ h }}</th>{% endfor %}</tr></thead>
<tbody>
{% for d in r.documents %}<tr>{% for c in document_cells(d) %}<td>{{ c }}</td>{% endfor %}</tr>
{% endfor %}</tbody>
</table>
<h3>数据来源</h3>
<table class="sources">
<thead><tr>{% for h in source_header %}<th>{{ h }}</th>{% endfor %}</tr></thead>
<tbody>
{% for s in r.sources %}<tr id="src-{{ s.n }}"><td class="num">[{{ s.n }}]</td><td>{{ s.document }}</td>
<td>{{ s.place or '—' }}</td><td title="{{ s.short_quote }}">{{ s.text }}</td></tr>
{% endfor %}</tbody>
</table>
</body>
</html>
"""

PRINT_CSS = """
@page { size: A4; margin: 16mm 13mm 18mm; font-family: {family};
        @bottom-center { content: "第 " counter(page) " 页 / 共 " counter(pages) " 页"; font-size: 8pt; color: #666; } }
body { max-width: none; margin: 0; padding: 0; font-size: 10pt; }
table { font-size: 8pt; }
table.sources { font-size: 7pt; }
figure img { width: 88%; max-width: 88%; margin: 0 auto; }
h2 { page-break-after: avoid; }
"""


@lru_cache(maxsize=1)
def _template() -> Any:
    from jinja2 import Environment, StrictUndefined

    env = Environment(autoescape=True, undefined=StrictUndefined, trim_blocks=False, lstrip_blocks=False)
    return env.from_string(TEMPLATE)


def _refs(numbers: list[int]) -> Any:
    from markupsafe import Markup

    if not numbers:
        return Markup("")
    links = "".join(f'<a href="#src-{int(n)}">[{int(n)}]</a>' for n in numbers)
    return Markup(f'<sup class="ref">{links}</sup>')


def _css(status: str) -> str:
    return "s-" + status.replace(" ", "-")


def page(report: Report, *, for_print: bool = False, font_family: str | None = None) -> str:
    """The HTML text; ``for_print`` adds page size, margins and page numbers for the PDF."""
    from markupsafe import Markup

    from planwatch.report.charts import draw

    def chart_uri(chart: Any) -> str:
        return "data:image/svg+xml;base64," + base64.b64encode(draw(chart, "svg")).decode("ascii")

    stack = f'"{font_family}", {FONT_STACK}' if font_family else FONT_STACK
    return str(
        _template().render(
            r=report,
            refs=_refs,
            css=_css,
            chart_uri=chart_uri,
            document_line=document_line,
            document_cells=document_cells,
            document_header=DOCUMENT_HEADER,
            source_header=SOURCE_HEADER,
            narrative=NARRATIVE,
            group_title=group_title,
            meta=meta_lines(report),
            method=fmt.METHOD_NOTES,
            statuses=list(fmt.STATUS_LABELS.items()),
            meanings=fmt.STATUS_MEANINGS,
            other_gaps=sum(r.status == "no data" for r in report.other_rows),
            projects_heading=PROJECTS_HEADING,
            projects_note=PROJECTS_NOTE,
            stated_header=STATED_HEADER,
            largest_header=LARGEST_HEADER,
            font_stack=Markup(stack),  # CSS, written by us: not to be HTML-escaped
            print_css=Markup(PRINT_CSS.replace("{family}", stack) if for_print else ""),
        )
    )


def render_html(report: Report) -> bytes:
    return page(report).encode("utf-8")
