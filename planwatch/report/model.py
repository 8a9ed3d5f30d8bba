"""The report model: everything a mid-term evaluation (规划实施中期评估) says, built once from a Store.

Every renderer (Markdown, HTML, DOCX, PDF) draws from one ``Report``, so the formats cannot
disagree about a number.  The model holds no formatting beyond the Chinese labels of
``planwatch.report.fmt``; it does hold, for every number it shows, the fact that number came
from (``Source``: document, character offset, quote), numbered in order of first use like the
notes of a printed report.  Derived numbers (required and observed growth) cite the facts they
are computed from.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from planwatch import monitor
from planwatch.errors import PlanWatchError
from planwatch.monitor.targets import TargetAssessment, plan_span
from planwatch.numbers import convert
from planwatch.report import fmt
from planwatch.store.records import parse_period
from planwatch.structure import FIVE_YEAR_PLANS

if TYPE_CHECKING:  # pragma: no cover
    from planwatch.monitor.conflicts import Conflict
    from planwatch.monitor.portfolio import Bucket, Totals
    from planwatch.monitor.projects import ProjectQueries
    from planwatch.monitor.series import SeriesPoint
    from planwatch.store.core import Store

OBSERVED = ("actual", "estimate")
LARGEST_PROJECTS = 10  # rows of the table of the largest key projects


class ReportError(PlanWatchError):
    """A report that cannot be made as asked (unknown region, no targets, unsupported format)."""


@dataclass
class Source:
    """Where one number comes from: a fact, its document and the sentence around it."""

    n: int
    fact_id: int | None  # None: a project mention that is not a fact (``mention_id``)
    doc: str
    title: str
    start: int
    end: int
    text: str
    quote: str
    kind: str
    period: str
    mention_id: int | None = None
    place: str = ""  # where in the document a reader finds it: 第12段
    year: int | None = None  # the document's year

    @property
    def document(self) -> str:
        """The document as a reader names it: ``《title》`` (the file name only when it has no title)."""
        return f"《{self.title}》" if self.title else self.doc

    @property
    def label(self) -> str:
        """``《锦州市…纲要》第12段``: the document by title and the place in it, no file or server path."""
        return f"{self.document}{self.place}"

    @property
    def short_quote(self) -> str:
        return fmt.clip_quote(self.quote, self.text)


@dataclass
class TargetRow:
    """One target of the plan and how far the region has come, with the sources of its numbers."""

    indicator: str
    indicator_id: str | None
    measure: str  # level, growth, avg_growth, change_pp, cumulative
    period: str
    target_year: int
    target: float
    unit: str
    qualifier: str | None
    baseline: float | None
    baseline_year: int | None
    baseline_kind: str | None
    latest: float | None
    latest_year: int | None
    latest_kind: str | None
    required_growth: float | None
    observed_growth: float | None
    status: str
    fact_id: int
    target_ref: int
    baseline_refs: list[int] = field(default_factory=list)
    latest_refs: list[int] = field(default_factory=list)
    gap: str = ""  # why the status is 无数据, in Chinese
    main: bool = False  # a row of the plan's own indicator table
    category: str = ""  # the table's category row above it: 经济发展, 民生福祉 …

    @property
    def key(self) -> bool:
        """A main indicator (the plan's table) or a target of a taxonomy indicator (主要指标);
        the others are mostly project investments."""
        return self.main or self.indicator_id is not None

    @property
    def is_rate(self) -> bool:
        return self.measure in ("growth", "avg_growth")

    @property
    def status_label(self) -> str:
        return fmt.STATUS_LABELS.get(self.status, self.status)

    @property
    def measure_label(self) -> str:
        return fmt.MEASURE_LABELS.get(self.measure, self.measure)

    @property
    def target_text(self) -> str:
        return fmt.target_text(self.target, self.unit, self.qualifier)

    @property
    def baseline_text(self) -> str:
        return fmt.at_year(fmt.with_unit(self.baseline, self.unit), self.baseline_year, self.baseline_kind)

    @property
    def latest_text(self) -> str:
        """The latest level; for a growth-rate target, the average growth observed so far."""
        if self.latest is None:
            return "—"
        if self.is_rate:
            start = parse_period(self.period)[0] or self.latest_year
            span = f"{start}—{self.latest_year}年" if start != self.latest_year else f"{self.latest_year}年"
            return f"{fmt.percent(self.latest)}（{span}）"
        if self.measure == "cumulative":
            return f"{fmt.with_unit(self.latest, self.unit)}（累计至{self.latest_year}年）"
        return fmt.at_year(fmt.with_unit(self.latest, self.unit), self.latest_year, self.latest_kind)

    @property
    def required_text(self) -> str:
        return fmt.percent(self.required_growth)

    @property
    def observed_text(self) -> str:
        return fmt.percent(self.observed_growth)


@dataclass
class ChartPoint:
    year: int
    value: float
    kind: str
    ref: int


@dataclass
class ChartTarget:
    year: int
    value: float
    qualifier: str | None
    ref: int
    status: str


@dataclass
class IndicatorChart:
    """The observed levels of one key indicator and its level targets (one chart each)."""

    indicator: str
    unit: str
    observed: list[ChartPoint]
    targets: list[ChartTarget]

    @property
    def refs(self) -> list[int]:
        return sorted({p.ref for p in self.observed} | {t.ref for t in self.targets})

    def caption_parts(self) -> list[tuple[str, list[int]]]:
        """The chart's numbers in words, each with its source: (text, refs) for every renderer."""
        parts: list[tuple[str, list[int]]] = []
        for p in self.observed:
            parts.append((f"{p.year}年 {fmt.number(p.value)}{'（预计）' if p.kind == 'estimate' else ''}", [p.ref]))
        for t in self.targets:
            status = fmt.STATUS_LABELS.get(t.status, t.status)
            parts.append((f"{t.year}年目标 {fmt.target_text(t.value, '', t.qualifier)}", [t.ref]))
            parts.append((f"（{status}）", []))
        return parts

    def caption(self) -> str:
        """The caption as plain text with bracketed references (Markdown, Word)."""
        text = ""
        for i, (words, numbers) in enumerate(self.caption_parts()):
            sep = "；" if i and not words.startswith("（") else ""
            text += sep + words + fmt.refs(numbers)
        return f"{self.indicator}（{self.unit or '—'}）：{text}。"


@dataclass
class ConflictValue:
    text: str
    kind: str
    ref: int


@dataclass
class ConflictItem:
    """Sources that disagree, or arithmetic that does not add up, in Chinese."""

    type: str
    severity: str
    indicator: str
    period: str
    measure: str
    explanation: str
    values: list[ConflictValue]

    @property
    def label(self) -> str:
        return fmt.CONFLICT_LABELS.get(self.type, self.type)


@dataclass
class StaleIndicator:
    """A key indicator with no actual value after the plan's base year."""

    indicator: str
    latest_text: str
    refs: list[int]
    note: str


@dataclass
class DocumentRef:
    name: str
    title: str
    doc_type: str
    year: int | None


@dataclass
class ProjectBucket:
    """Projects of one stage or sector: how many, how many state an investment, its sum (亿元)."""

    label: str
    n: int
    n_invested: int
    investment: float

    @property
    def investment_text(self) -> str:
        return fmt.with_unit(round(self.investment, 2), "亿元") if self.n_invested else "—"


@dataclass
class StatedProjects:
    """A count of projects a document states (``重点项目库共530个，总投资规模3563亿元``), set
    against the projects listed one by one that it covers (its sector, its stage, or all)."""

    category: str  # 全部 or the sector / stage label
    text: str  # the count as written, whitespace squashed
    region: str
    period: str
    value: int
    investment: float | None  # 亿元
    listed: int | None  # None: a count no listed set corresponds to (another region's whole portfolio)
    listed_invested: int = 0
    listed_investment: float = 0.0  # 亿元
    refs: list[int] = field(default_factory=list)

    @property
    def investment_text(self) -> str:
        return fmt.with_unit(self.investment, "亿元") if self.investment is not None else "—"

    @property
    def listed_text(self) -> str:
        return "—" if self.listed is None else str(self.listed)

    @property
    def listed_investment_text(self) -> str:
        return fmt.with_unit(round(self.listed_investment, 2), "亿元") if self.listed_invested else "—"

    @property
    def share_text(self) -> str:
        """The listed projects as a share of the stated count (and investment): ``68.5% / 38.7%``."""
        if self.listed is None or not self.value:
            return "—"
        n = fmt.percent(self.listed / self.value * 100)
        if self.investment and self.listed_invested:
            return f"{n} / {fmt.percent(self.listed_investment / self.investment * 100)}"
        return n


@dataclass
class ProjectRow:
    """One of the largest projects: what the documents say of it, with the source of its investment."""

    project_id: int
    name: str
    region: str
    sector: str
    stage: str  # 在建（计划）
    period: str
    investment: float  # 亿元
    investment_text: str  # as written: 9800 万元
    refs: list[int] = field(default_factory=list)


@dataclass
class ProjectSection:
    """重点项目: the plan period's key projects of the region (and what lies in it), totalled."""

    n_projects: int
    n_invested: int
    investment: float  # 亿元, of the n_invested projects
    n_other_currency: int
    stated: list[StatedProjects]
    by_stage: list[ProjectBucket]
    by_sector: list[ProjectBucket]
    largest: list[ProjectRow]

    @property
    def headline(self) -> StatedProjects | None:
        """The stated count of the whole portfolio (category 全部), if a document gives one."""
        return next((s for s in self.stated if s.category == PORTFOLIO), None)

    def summary(self, region: str, plan_label: str) -> str:
        if not self.n_projects:
            return f"数据库中没有{region}{plan_label}期间的重点项目。"
        invested = (
            f"其中标明总投资的{self.n_invested}个，合计{fmt.number(round(self.investment, 2))}亿元"
            if self.n_invested else "均未标明总投资"
        )  # fmt: skip
        text = f"各文件逐项列出{region}（含所辖县区）{plan_label}期间的重点项目{self.n_projects}个，{invested}。"
        if self.n_other_currency:
            text += f"另有{self.n_other_currency}个项目的投资以外币计，未计入合计。"
        head = self.headline
        if head is not None and head.listed is not None:
            stated = f"{head.value}个"
            if head.investment is not None:
                stated += f"、总投资{fmt.number(head.investment)}亿元"
            text += (
                f"文件所述{head.region}重点项目共{stated}{fmt.refs(head.refs)}，逐项列出的项目"
                f"个数占{fmt.percent(head.listed / head.value * 100) if head.value else '—'}"
            )
            if head.investment and head.listed_invested:
                text += f"，投资占{fmt.percent(head.listed_investment / head.investment * 100)}"
            text += "；其余项目文件未逐项列出，无法跟踪。"
        return text


PORTFOLIO = "全部"
#: The heading of taxonomy indicators' targets stated outside the plan's indicator table.
OTHER_KEY_TARGETS = "规划正文中的其他指标目标"


@dataclass
class Report:
    """A mid-term evaluation of one region's plan, ready for any renderer."""

    region: str
    plan: str
    plan_label: str
    span: tuple[int, int]
    generated: date
    database: str
    rows: list[TargetRow]
    sources: list[Source]
    charts: list[IndicatorChart]
    conflicts: list[ConflictItem]
    stale: list[StaleIndicator]
    documents: list[DocumentRef]
    projects: ProjectSection | None = None
    as_of: int | None = None  # the year the evaluation is made in: 中期 before the plan's end, 总结 after
    year: int | None = None  # an annual report: that year's targets and their results

    @property
    def evaluation(self) -> str:
        """中期评估 while the plan runs, 总结评估 once its last year is reached (``as_of``); 年度评估 for a year."""
        if self.year is not None:
            return "年度评估"
        return "总结评估" if self.as_of is not None and self.as_of >= self.span[1] else "中期评估"

    @property
    def title(self) -> str:
        if self.year is not None:
            return f"{self.region}{self.year}年度目标完成情况评估报告"
        name = self.plan.strip().strip("“”\"'")
        if name.endswith("五"):
            return f"{self.region}“{name}”规划实施{self.evaluation}报告"
        return f"{self.region}{self.span[0]}—{self.span[1]}年规划实施{self.evaluation}报告"

    def key_groups(self) -> list[tuple[str, list[TargetRow]]]:
        """The main indicators under the plan's categories, in the plan's order (one group "" when
        the plan has no category rows)."""
        groups: list[tuple[str, list[TargetRow]]] = []
        for r in self.key_rows:
            if not groups or groups[-1][0] != r.category:
                groups.append((r.category, []))
            groups[-1][1].append(r)
        if any(c for c, _ in groups):  # the plan's table has categories: the rest is named as such
            groups = [(c or OTHER_KEY_TARGETS, rows) for c, rows in groups]
        return groups

    # -- the sections a 发改委 writes, as sentences whose every number cites its fact ---------
    def _sentence(self, r: TargetRow) -> list[tuple[str, list[int]]]:
        """``地区生产总值2014年目标282亿元[3]，实际274.4亿元[4]``: target and result, each sourced."""
        when = f"{r.period}年" if "-" not in r.period else f"{r.period.replace('-', '—')}年"
        parts: list[tuple[str, list[int]]] = [
            (f"{r.indicator}{when}{r.measure_label}目标{r.target_text}", [r.target_ref])
        ]
        if r.latest is not None and r.latest_refs:
            parts.append((f"，实际{r.latest_text}", r.latest_refs))
        return parts

    def achievements(self) -> list[list[tuple[str, list[int]]]]:
        """主要成效: the main targets achieved or on track, one sentence each."""
        out = []
        for r in self.key_rows:
            if r.status in ("achieved", "on track"):
                out.append([*self._sentence(r), (f"，{r.status_label}。", [])])
        return out

    def problems(self) -> list[list[tuple[str, list[int]]]]:
        """存在问题: main targets missed or behind, contradictions between sources, data gaps."""
        out = []
        for r in self.key_rows:
            if r.status in ("not achieved", "moving away", "insufficient", "moderate"):
                out.append([*self._sentence(r), (f"，{r.status_label}。", [])])
        if self.conflicts:
            c = self.conflicts[0]
            parts: list[tuple[str, list[int]]] = [
                (f"数据存在{len(self.conflicts)}处矛盾或不一致，如{c.indicator}{c.period}年{c.label}：", [])
            ]
            for i, v in enumerate(c.values):
                parts.append((("、" if i else "") + v.text, [v.ref]))
            out.append([*parts, ("。", [])])
        if self.gap_rows:
            names = "、".join(dict.fromkeys(r.indicator for r in self.gap_rows[:6]))
            more = "等" if len({r.indicator for r in self.gap_rows}) > 6 else ""
            out.append([(f"{len(self.gap_rows)}项主要指标目标缺少评估所需数据（{names}{more}），无法判断进展。", [])])
        return out

    def suggestions(self) -> list[list[tuple[str, list[int]]]]:
        """下一步建议: what the numbers ask for — the growth still needed, the data to collect."""
        out = []
        for r in self.key_rows:
            if r.status in ("moderate", "insufficient", "moving away") and r.required_growth is not None:
                out.append([(f"{r.indicator}须在剩余年份保持年均增长{r.required_text}以上，方能实现目标", []),
                            (r.target_text, [r.target_ref]), ("。", [])])  # fmt: skip
        missed = [r for r in self.key_rows if r.status == "not achieved"]
        if missed:
            names = "、".join(dict.fromkeys(r.indicator for r in missed[:6]))
            out.append([(f"对未完成目标的{names}等指标分析原因，在下一阶段目标中予以衔接。", [])])
        if self.gap_rows:
            names = "、".join(dict.fromkeys(r.indicator for r in self.gap_rows[:6]))
            out.append([(f"补充{names}等指标的统计数据，使其进展可以评估。", [])])
        if self.conflicts:
            out.append([(f"核实{len(self.conflicts)}处来源不一致的数据，统一口径后再作判断。", [])])
        if not out:
            out.append([("各项主要指标目标均已完成或进展顺利，保持现有工作力度。", [])])
        return out

    @property
    def key_rows(self) -> list[TargetRow]:
        return [r for r in self.rows if r.key]

    @property
    def other_rows(self) -> list[TargetRow]:
        return [r for r in self.rows if not r.key]

    @property
    def gap_rows(self) -> list[TargetRow]:
        """Key targets whose progress cannot be judged (status 无数据)."""
        return [r for r in self.key_rows if r.status == "no data"]

    @property
    def data_year(self) -> int | None:
        """The most recent year any assessment uses."""
        years = [r.latest_year for r in self.rows if r.latest_year is not None]
        return max(years) if years else None

    def status_counts(self, rows: list[TargetRow] | None = None) -> dict[str, int]:
        """Targets per status, every status listed (zeros included) in ``fmt.STATUS_LABELS`` order."""
        counts = Counter(r.status for r in (self.rows if rows is None else rows))
        out = {s: counts.get(s, 0) for s in fmt.STATUS_LABELS}
        out.update({s: n for s, n in counts.items() if s not in out})
        return out

    def status_table(self) -> list[tuple[str, int, int, int]]:
        """(label, key, other, total) per status, for the summary table of every format."""
        key, other, total = self.status_counts(self.key_rows), self.status_counts(self.other_rows), self.status_counts()
        return [(fmt.STATUS_LABELS.get(s, s), key.get(s, 0), other.get(s, 0), total[s]) for s in total]

    def summary(self) -> str:
        """The opening paragraph: how many targets, how they stand, how recent the data is."""
        counts = self.status_counts()
        parts = [f"{fmt.STATUS_LABELS.get(s, s)}{n}项" for s, n in counts.items() if n]
        year = self.data_year
        recency = f"所用最新数据为{year}年数据。" if year else "数据库中尚无可用于评估的观测数据。"
        return (
            f"本报告依据数据库中{len(self.documents)}份文件，对{self.region}{self.plan_label}提出的"
            f"{len(self.rows)}项量化目标逐项评估，其中主要指标目标{len(self.key_rows)}项、"
            f"其他目标（主要为重点项目投资等）{len(self.other_rows)}项。"
            f"评估结果：{'、'.join(parts)}。{recency}"
            f"发现数据矛盾{len(self.conflicts)}处，主要指标中{len(self.gap_rows)}项目标因数据缺口无法判断进展。"
        )


# -- building -------------------------------------------------------------------------------
class _SourceBook:
    """Numbers the sources in order of first use, one number per fact."""

    def __init__(
        self, titles: dict[str, str], store: Store | None = None, years: dict[str, int | None] | None = None
    ) -> None:
        self.titles = titles
        self.store = store
        self.years = years or {}
        self._texts: dict[str, str] = {}
        self.items: list[Source] = []
        self._by_key: dict[tuple[str, int], int] = {}

    def add(
        self,
        *,
        fact_id: int | None,
        doc: str,
        start: int,
        text: str,
        quote: str,
        kind: str,
        period: str,
        mention_id: int | None = None,
        count_id: int | None = None,
    ) -> int:
        """The number of a source: a fact, or (``fact_id=None``) a project mention's or count's span."""
        if fact_id is not None:
            key = ("fact", fact_id)
        elif mention_id is not None:
            key = ("mention", mention_id)
        else:
            key = ("count", int(count_id or 0))
        if key in self._by_key:
            return self._by_key[key]
        n = len(self.items) + 1
        self.items.append(
            Source(
                n=n, fact_id=fact_id, doc=doc, title=self.titles.get(doc, ""), start=start,
                end=start + len(text), text=text, quote=quote or text, kind=kind, period=period,
                mention_id=mention_id, place=self.place(doc, start), year=self.years.get(doc),
            )
        )  # fmt: skip
        self._by_key[key] = n
        return n

    def place(self, doc: str, start: int) -> str:
        """``第12段``: the paragraph (non-empty line) of ``doc`` that holds offset ``start``."""
        if self.store is None:
            return ""
        if doc not in self._texts:
            found = self.store.db.query(
                "SELECT text FROM documents WHERE name = ? ORDER BY is_current DESC, id DESC LIMIT 1", (doc,)
            )
            self._texts[doc] = found[0]["text"] if found else ""
        text = self._texts[doc]
        if not text:
            return ""
        n = sum(1 for line in text[:start].split("\n")[:-1] if line.strip()) + 1
        return f"第{n}段"

    def fact(self, store: Store, fact_id: int) -> int:
        f = store.fact(fact_id)
        return self.add(fact_id=fact_id, doc=f["doc"], start=int(f["start_offset"]), text=f["text"],
                        quote=f["quote"], kind=f["kind"], period=f["period"])  # fmt: skip

    def point(self, p: SeriesPoint) -> int:
        return self.add(
            fact_id=p.fact_id, doc=p.doc, start=p.start, text=p.text, quote=p.quote, kind=p.kind, period=p.period
        )


def _clean_title(title: str) -> str:
    return title.strip().lstrip("#").strip()


def _years(period: str) -> tuple[int | None, int | None]:
    return parse_period(period)


def _observed(points: list[SeriesPoint], measure: str) -> list[SeriesPoint]:
    """The preferred observed values of one measure (what the monitor itself uses)."""
    return [p for p in points if p.measure == measure and p.kind in OBSERVED and p.preferred]


def _level_at(points: list[SeriesPoint], year: int | None, unit: str) -> SeriesPoint | None:
    if year is None:
        return None
    for p in _observed(points, "level"):
        if _years(p.period) == (year, year) and convert(p.value, p.unit, unit) is not None:
            return p
    return None


class _Builder:
    def __init__(self, store: Store, region: str, span: tuple[int, int]) -> None:
        self.store = store
        self.region = region
        self.span = span
        titles: dict[str, str] = {}
        self.documents: dict[str, DocumentRef] = {}
        for d in store.documents():
            title = _clean_title(d["title"] or "")
            titles.setdefault(d["name"], title)
            self.documents.setdefault(
                d["name"], DocumentRef(name=d["name"], title=title, doc_type=d["doc_type"] or "", year=d["year"])
            )
        self.book = _SourceBook(titles, store, {n: d.year for n, d in self.documents.items()})
        self._series: dict[str, list[SeriesPoint]] = {}

    def series(self, a: TargetAssessment) -> list[SeriesPoint]:
        key = a.indicator_id or a.indicator
        if key not in self._series:
            self._series[key] = monitor.series(self.store, key, region=self.region)
        return self._series[key]

    # -- targets ---------------------------------------------------------------------------
    def row(self, a: TargetAssessment) -> TargetRow:
        start, end = _years(a.period)
        measure = "cumulative" if a.measure == "level" and start is not None and start != end else a.measure
        target_ref = self.book.add(
            fact_id=a.fact_id, doc=a.doc, start=a.start, text=a.text, quote=a.quote, kind="target", period=a.period
        )
        row = TargetRow(
            indicator=a.indicator, indicator_id=a.indicator_id, measure=measure, period=a.period,
            target_year=a.target_year, target=a.target, unit=a.unit, qualifier=a.qualifier,
            baseline=a.baseline, baseline_year=a.baseline_year, baseline_kind=None, latest=a.latest,
            latest_year=a.latest_year, latest_kind=a.latest_kind, required_growth=a.required_growth,
            observed_growth=a.observed_growth, status=a.status, fact_id=a.fact_id, target_ref=target_ref,
            main=a.main, category=a.category,
        )  # fmt: skip
        if a.baseline is not None or a.latest is not None or a.status == "no data":
            points = self.series(a)
            self._cite(row, a, points, start)
            if a.status == "no data":
                row.gap = self._gap(row, a, points, start, end)
        return row

    def _cite(self, row: TargetRow, a: TargetAssessment, points: list[SeriesPoint], start: int | None) -> None:
        """Attach the facts behind the baseline and latest values (and so behind the growths)."""
        if row.measure == "cumulative":
            span_start = start if start is not None else a.target_year
            row.latest_refs = [
                self.book.point(p)
                for p in _observed(points, "level")
                if _years(p.period)[0] == _years(p.period)[1]
                and span_start <= (_years(p.period)[0] or 0) <= a.target_year
                and convert(p.value, p.unit, a.unit) is not None
            ]
            return
        if not row.is_rate:
            base = _level_at(points, a.baseline_year, a.unit)
            latest = _level_at(points, a.latest_year, a.unit)
            row.baseline_refs = [self.book.point(base)] if base else []
            row.baseline_kind = base.kind if base else None
            row.latest_refs = [self.book.point(latest)] if latest else []
            return
        if a.latest is None or a.latest_year is None:
            return
        first = start if a.measure == "avg_growth" and start is not None else a.target_year
        if a.baseline is not None:  # observed from the levels at both ends
            ends = (_level_at(points, y, _unit_of(points, y)) for y in (a.baseline_year, a.latest_year))
            row.latest_refs = [self.book.point(p) for p in ends if p is not None]
            return
        avg = [p for p in _observed(points, "avg_growth") if _years(p.period) == (first, a.latest_year)]
        if avg:
            row.latest_refs = [self.book.point(avg[0])]
            return
        row.latest_refs = [
            self.book.point(p)
            for p in _observed(points, "growth")
            if _years(p.period)[0] == _years(p.period)[1] and first <= (_years(p.period)[0] or 0) <= a.latest_year
        ]

    def _gap(
        self, row: TargetRow, a: TargetAssessment, points: list[SeriesPoint], start: int | None, end: int | None
    ) -> str:
        """Why a target cannot be judged, in words a planning official acts on."""
        base_year = self.span[0] - 1
        if row.measure == "cumulative":
            known = len(row.latest_refs)
            return f"期间累计目标，需{start}—{end}年逐年数据（现有{known}年）"
        if row.is_rate:
            first = start if a.measure == "avg_growth" and start is not None else a.target_year
            return f"{first}年以来无增速或水平值数据"
        if a.measure == "change_pp" and a.baseline is None:
            return f"缺少基期（{base_year}年）值，无法换算目标水平"
        if a.latest is None and a.baseline is not None:
            return f"基期（{a.baseline_year}年）后尚无新数据"  # a value before the period judges nothing
        if a.latest is None:
            return "无任何观测值" if not [p for p in points if p.kind in OBSERVED] else "规划期及基期均无观测值"
        if a.baseline is None:
            return f"缺少基期（{base_year}年）前后的值，最新值为{a.latest_year}年"
        if a.latest_year is not None and a.baseline_year is not None and a.latest_year <= a.baseline_year:
            return f"基期（{a.baseline_year}年）后尚无新数据"
        return "数据不足以计算增速"

    # -- charts ----------------------------------------------------------------------------
    def charts(self, rows: list[TargetRow], assessments: dict[int, TargetAssessment]) -> list[IndicatorChart]:
        """One chart per key indicator with a level target and at least one observed level."""
        by_indicator: dict[str, list[TargetRow]] = {}
        for r in rows:
            if r.key and r.measure in ("level", "change_pp"):
                by_indicator.setdefault(r.indicator, []).append(r)
        out: list[IndicatorChart] = []
        for indicator, targets in by_indicator.items():
            unit = targets[0].unit
            points = self.series(assessments[targets[0].fact_id])
            observed: list[ChartPoint] = []
            for p in _observed(points, "level"):
                a, b = _years(p.period)
                value = convert(p.value, p.unit, unit)
                if a is None or a != b or value is None:
                    continue
                observed.append(ChartPoint(year=a, value=value, kind=p.kind, ref=self.book.point(p)))
            if not observed:
                continue
            observed.sort(key=lambda c: c.year)
            out.append(
                IndicatorChart(
                    indicator=indicator,
                    unit=unit,
                    observed=observed,
                    targets=[
                        ChartTarget(t.target_year, t.target, t.qualifier, t.target_ref, t.status) for t in targets
                    ],
                )
            )
        return out

    # -- conflicts and gaps ----------------------------------------------------------------
    def conflict(self, c: Conflict) -> ConflictItem:
        values = []
        for s in c.sources:
            ref = self.book.add(
                fact_id=s["fact_id"], doc=s["doc"], start=s["start"], text=s["text"], quote=s["quote"],
                kind=s["kind"], period=c.period,
            )  # fmt: skip
            text = fmt.target_text(s["value"], s["unit"], s["qualifier"])
            values.append(ConflictValue(text=text, kind=fmt.KIND_LABELS.get(s["kind"], s["kind"]), ref=ref))
        return ConflictItem(
            type=c.type, severity=c.severity, indicator=c.indicator, period=c.period,
            measure=fmt.MEASURE_LABELS.get(c.measure, c.measure), explanation=explain_zh(c), values=values,
        )  # fmt: skip

    def stale(self, rows: list[TargetRow], assessments: dict[int, TargetAssessment]) -> list[StaleIndicator]:
        """Key indicators with no actual value after the base year (the year before the plan)."""
        base_year = self.span[0] - 1
        out: list[StaleIndicator] = []
        seen: set[str] = set()
        for r in rows:
            if not r.key or r.indicator in seen:
                continue
            seen.add(r.indicator)
            points = [p for p in self.series(assessments[r.fact_id]) if p.kind in OBSERVED and p.preferred]
            later_actual = [p for p in points if p.kind == "actual" and (_years(p.period)[1] or 0) > base_year]
            if later_actual:
                continue
            if not points:
                out.append(StaleIndicator(r.indicator, "—", [], "无任何观测值"))
                continue
            latest = max(points, key=lambda p: (_years(p.period)[1] or 0, p.measure == "level"))
            year = _years(latest.period)[1]
            if latest.measure == "level":
                value = fmt.with_unit(latest.value, latest.unit)
            else:
                value = f"{fmt.MEASURE_LABELS.get(latest.measure, latest.measure)}{fmt.percent(latest.value)}"
            note = (
                f"基期（{base_year}年）后仅有预计数"
                if (year or 0) > base_year
                else f"基期（{base_year}年）后无实际数据"
            )
            text = f"{value}（{latest.period}年，{fmt.KIND_LABELS.get(latest.kind, latest.kind)}）"
            out.append(StaleIndicator(r.indicator, text, [self.book.point(latest)], note))
        return out

    # -- key projects ----------------------------------------------------------------------
    def projects(self, largest: int = LARGEST_PROJECTS) -> ProjectSection:
        """The plan period's key projects of the region: totals, stated counts, the largest."""
        from planwatch.monitor import portfolio
        from planwatch.monitor.projects import ProjectQueries

        ps = ProjectQueries(self.store)
        found = portfolio.select(ps, region=self.region, within=self.span, sort="investment")
        sums = portfolio.totals(found, ps.tax)
        known = self.store.region(self.region)
        stated_rows = portfolio.stated_counts(ps, region=self.region, within=self.span)
        whole = portfolio.headline(stated_rows, [known.code] if known else [])
        stated = [self._stated(c, sums, whole) for c in stated_rows]
        stated.sort(key=lambda s: s.category != PORTFOLIO)  # the whole portfolio first
        rows = []
        for p in found[:largest]:
            amount = portfolio.investment_yi(p.investment, p.investment_unit)
            if amount is None:
                break  # sorted by investment: the rest state none (or another currency)
            rows.append(
                ProjectRow(
                    project_id=p.id, name=p.name, region=p.region, sector=p.sector_label or "—",
                    stage=(p.stage_label + fmt.PROJECT_KIND_MARK.get(p.stage_kind or "", "")) if p.stage else "—",
                    period=p.stage_period or p.last_period or "—", investment=amount,
                    investment_text=fmt.with_unit(p.investment, p.investment_unit or ""),
                    refs=self._investment_refs(ps, p.id),
                )
            )  # fmt: skip

        def buckets(items: list[Bucket]) -> list[ProjectBucket]:
            return [ProjectBucket(b.label, b.n, b.n_invested, b.investment) for b in items]

        return ProjectSection(
            n_projects=sums.total.n, n_invested=sums.total.n_invested, investment=sums.total.investment,
            n_other_currency=sums.n_other_currency, stated=stated, by_stage=buckets(sums.by_stage),
            by_sector=buckets(sums.by_sector), largest=rows,
        )  # fmt: skip

    def _stated(self, c: dict[str, Any], sums: Totals, whole: dict[str, Any] | None) -> StatedProjects:
        from planwatch.monitor.portfolio import Bucket

        bucket: Bucket | None
        if c["sector"]:
            category = c["sector_label"]
            bucket = next((b for b in sums.by_sector if b.key == c["sector"]), Bucket(c["sector"], category))
        elif c["stage"]:
            category = c["stage_label"]
            bucket = next((b for b in sums.by_stage if b.key == c["stage"]), Bucket(c["stage"], category))
        else:
            category = PORTFOLIO if c is whole else "其他口径"
            bucket = sums.total if c is whole else None
        refs = []
        if c["fact_id"]:
            refs.append(self.book.fact(self.store, int(c["fact_id"])))
        else:
            text = self.store.document_text(int(c["document_id"]))
            refs.append(self.book.add(
                fact_id=None, count_id=int(c["id"]), doc=c["doc"], start=int(c["start_offset"]), text=c["text"],
                quote=_quote(text, int(c["start_offset"]), int(c["end_offset"])), kind=c["kind"], period=c["period"],
            ))  # fmt: skip
        if c["investment_value"] is not None:
            near = self.store.db.query(
                "SELECT id FROM facts WHERE document_id = ? AND value = ? AND start_offset >= ? AND start_offset <= ? "
                "AND status <> 'rejected' ORDER BY start_offset LIMIT 1",
                (c["document_id"], c["investment_value"], c["end_offset"], c["end_offset"] + 40),
            )
            if near:
                refs.append(self.book.fact(self.store, int(near[0]["id"])))
        return StatedProjects(
            category=category, text=" ".join(c["text"].split()).replace(" ", ""), region=c["region"] or "",
            period=c["period"], value=int(c["value"]), investment=c["investment_yi"],
            listed=bucket.n if bucket else 0, listed_invested=bucket.n_invested if bucket else 0,
            listed_investment=bucket.investment if bucket else 0.0, refs=refs,
        )  # fmt: skip

    def _investment_refs(self, ps: ProjectQueries, project_id: int) -> list[int]:
        """The source of a project's investment: the mention that states it (its fact, if it is one)."""
        detail = ps.project(project_id)
        stated = [h for h in detail.history if h.investment is not None and h.investment_type == "total"]
        if not stated:
            return []
        h = max(stated, key=lambda h: (_years(h.period)[0] or 0, _years(h.period)[1] or 0, h.document_id))
        row = ps.mention(h.mention_id)
        if row["investment_fact_id"]:
            fact = self.store.db.query("SELECT status FROM facts WHERE id = ?", (row["investment_fact_id"],))
            if fact and fact[0]["status"] != "rejected":
                return [self.book.fact(self.store, int(row["investment_fact_id"]))]
        start = row["investment_start"] if row["investment_start"] is not None else row["start_offset"]
        text = row["investment_text"] if row["investment_start"] is not None else row["text"]
        return [self.book.add(fact_id=None, mention_id=int(row["id"]), doc=row["doc"], start=int(start), text=text,
                              quote=row["quote"], kind=row["kind"], period=row["period"])]  # fmt: skip


def _quote(text: str, start: int, end: int) -> str:
    from planwatch.store.projects import mention_quote

    return mention_quote(text, start, end)


def _unit_of(points: list[SeriesPoint], year: int | None) -> str:
    for p in _observed(points, "level"):
        if _years(p.period) == (year, year):
            return p.unit
    return ""


def explain_zh(c: Conflict) -> str:
    """The monitor's explanation, said in Chinese from the numbers of the conflict's sources."""
    s = c.sources
    if c.type == "disagreement":
        distinct = sorted({round(x["value"], 9) for x in s})
        unit = s[0]["unit"] if s else ""
        values = "、".join(fmt.number(v) for v in distinct)
        return f"{len(s)}个来源对同一数值给出{len(distinct)}个不同值（{values} {unit}），差异超出四舍五入范围"
    if c.type == "growth_check" and len(s) == 3:
        prev, cur, gr = s
        implied = (cur["value"] / convert(prev["value"], prev["unit"], cur["unit"]) - 1) * 100 if prev["value"] else 0
        return (
            f"由{int(c.period) - 1}年水平值{fmt.number(prev['value'])}与{c.period}年水平值"
            f"{fmt.with_unit(cur['value'], cur['unit'])}推算增长{fmt.percent(implied, signed=True)}，"
            f"而文件所述{c.period}年增速为{fmt.percent(gr['value'], signed=True)}"
            "（增速通常按可比价格、水平值按现价计算，相差幅度接近物价涨幅属正常）"
        )
    if c.type == "table_check" and len(s) == 3:
        base, end, gr = s
        first, last = (int(y) for y in c.period.split("-"))
        ratio = end["value"] / (convert(base["value"], base["unit"], end["unit"]) or end["value"])
        implied = (ratio ** (1 / (last - first + 1)) - 1) * 100 if ratio > 0 else 0
        return (
            f"规划表同一行：由{first - 1}年{fmt.with_unit(base['value'], base['unit'])}到{last}年"
            f"{fmt.with_unit(end['value'], end['unit'])}推算年均增长{fmt.percent(implied, signed=True)}，"
            f"而表中年均增长栏为{fmt.percent(gr['value'], signed=True)}"
        )
    if c.type == "sum_check" and s:
        total, parts = s[0], s[1:]
        unit = total["unit"]
        added = sum(convert(p["value"], p["unit"], unit) or 0 for p in parts)
        return f"“分别”列出的各分项合计{fmt.with_unit(added, unit)}，超过所述总数{fmt.with_unit(total['value'], unit)}"
    return c.explanation


def build_report(
    store: Store,
    *,
    region: str,
    plan: str | None = None,
    year: int | None = None,
    as_of: int | None = None,
    generated: date | None = None,
) -> Report:
    """Assess every target of ``region``'s ``plan`` (or of one ``year``) and gather what the report shows.

    ``as_of`` (default: the year the report is generated) limits the observations used and
    makes the report a 中期评估 while the plan runs and a 总结评估 from its last year on.  With
    ``year``, the report is that year's: its annual targets and their results.
    Raises ``ReportError`` for an unknown region or a plan with no targets in the database,
    so that the command fails before any file is written.
    """
    generated = generated or date.today()
    if year is not None:
        span: tuple[int, int] | None = (year, year)
    else:
        try:
            span = plan_span(plan)
        except PlanWatchError as e:
            raise ReportError(str(e)) from e
    if span is None:
        raise ReportError("give the plan to evaluate: --plan 十四五 (or a span such as 2021-2025), or a --year")
    known = store.region(region)
    key = store.region_key(region)
    if known is None and not store.db.query("SELECT 1 AS x FROM facts WHERE region_key = ? LIMIT 1", (key,)):
        raise ReportError(
            f"unknown region {region!r}: it is not in the gazetteer and no stored fact is about it "
            "(check the name, or ingest its documents first)"
        )
    name = known.name if known else region.strip()
    if as_of is None:
        as_of = generated.year
    if year is not None:
        assessments = [a for a in monitor.targets(store, region=region, as_of=as_of) if a.period == str(year)]
        what = f"{year}"
    else:
        assessments = monitor.targets(store, region=region, plan=plan, as_of=as_of)
        what = f"{plan} ({span[0]}-{span[1]})"
    if not assessments:
        raise ReportError(
            f"no targets of {name} for {what} in the database {store.url}: "
            "ingest the plan or work report first (planwatch ingest FILE)"
        )
    builder = _Builder(store, region, span)
    by_fact = {a.fact_id: a for a in assessments}
    # Sources are numbered in reading order: the main table, its charts, contradictions and
    # gaps first; the appendix of other targets (project investments) last.
    # (keyed by position: a goal set for 城乡居民… is one fact assessed for each of its parts)
    key_rows = {i: builder.row(a) for i, a in enumerate(assessments) if a.indicator_id is not None or a.main}
    charts = builder.charts(list(key_rows.values()), by_fact)
    conflicts = [builder.conflict(c) for c in monitor.conflicts(store, region=region)]
    if year is not None:
        conflicts = [c for c in conflicts if str(year) in c.period]
    stale = builder.stale(list(key_rows.values()), by_fact) if year is None else []
    projects = builder.projects() if year is None else None
    other_rows = {i: builder.row(a) for i, a in enumerate(assessments) if i not in key_rows}
    rows = [key_rows.get(i) or other_rows[i] for i in range(len(assessments))]
    used = {s.doc for s in builder.book.items}
    documents = [d for n, d in builder.documents.items() if n in used]
    # A span that is a five-year plan is named as one: 2021-2025 → 十四五.
    if year is not None:
        plan_name, plan_label = f"{year}年", f"{year}年度目标"
    else:
        plan_name = next((n for n, s in FIVE_YEAR_PLANS.items() if s == span), (plan or "").strip())
        plan_label = fmt.plan_label(plan_name, span)
    return Report(
        region=name,
        plan=plan_name,
        plan_label=plan_label,
        span=span,
        generated=generated,
        database=store.url,
        rows=rows,
        sources=builder.book.items,
        charts=charts,
        conflicts=conflicts,
        stale=stale,
        documents=documents,
        projects=projects,
        as_of=as_of,
        year=year,
    )
