"""Kind and period of a number from where it stands: document type, section, sentence.

A government work report reviews last year (actuals) and plans this year (targets); a
five-year plan reviews the previous plan period and sets targets for its end year; a data
brief reports actuals of its year.  Headings refine this (``2011年工作回顾``), and cue words
in the sentence refine it again (``预计`` → estimate, ``力争`` → target, ``到2025年`` → 2025).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace
from functools import cache
from typing import Literal

from planwatch.context import CURRENT_MONTH, last_month_of
from planwatch.lexicon import alternation, load_lexicon
from planwatch.structure import FIVE_YEAR_PLANS, Layout, Section, plan_span


@dataclass(frozen=True)
class Scope:
    kind: str
    year: int | None  # the period of a level
    span: str | None  # the period of averages and totals over several years
    multi_year: bool = False  # the text reviews a whole plan period: counts of things done get the span
    part: str | None = None  # the part of the year the document reports ("Q1-Q3"), for a release
    why: str = ""  # where the default kind and period come from (a heading, a paragraph, the document)


def _span(a: int, b: int) -> str:
    return f"{a}-{b}"


def _section_at(layout: Layout, pos: int) -> list[Section]:
    """Sections that start before ``pos``, nearest last."""
    return [s for s in layout.sections if s.start <= pos]


def scope_at(layout: Layout, pos: int) -> Scope:
    """The default kind and period of a number at normalised position ``pos``.

    It depends only on which sections start before ``pos``, so it is computed once per section
    and kept on the layout (a sentence's numbers ask for it many times over).
    """
    starts = layout.section_starts
    if len(starts) != len(layout.sections):
        starts[:] = [s.start for s in layout.sections]
        layout.scopes.clear()
    k = bisect_right(starts, pos)
    scope = layout.scopes.get(k)
    if scope is None:
        at = starts[k - 1] if k else -1
        scope = _scope_at(layout, at)
        # the part of the year a release reports is a part of its own year, not of another year a
        # paragraph turns to ("2021年天津地区生产总值1.57万亿元" in news on 2022Q1)
        own = scope.year is None or layout.year is None or scope.year == layout.year
        scope = replace(scope, part=layout.part if own else None, why=_why(layout, at))
        layout.scopes[k] = scope
    return scope


def _why(layout: Layout, pos: int) -> str:
    """The words that set a position's default kind and period: the paragraph turn or heading in force."""
    before = _turns_in_force(_section_at(layout, pos))
    turn = next((s for s in reversed(before) if s.focus), None)
    section = next((s for s in reversed(before) if s.kind), None)
    if turn is not None and (section is None or turn.start > section.start):
        return f"paragraph “{turn.heading}”"
    if section is not None:
        return f"heading “{section.heading[:30]}”"
    what = layout.doc_type if layout.doc_type != "other" else "document"
    return f"{what} of {layout.year}" if layout.year else what


def _turns_in_force(sections: list[Section]) -> list[Section]:
    """The sections before a position without a paragraph's ``said`` turn that has ended, nor its ``end``."""
    out: list[Section] = []
    for s in sections:
        if s.focus == "end":
            if out and out[-1].focus == "said":
                out.pop()
            continue
        out.append(s)
    return out


def _scope_at(layout: Layout, pos: int) -> Scope:
    before = _turns_in_force(_section_at(layout, pos))
    kinded = [s for s in before if s.kind]
    section = kinded[-1] if kinded else None
    # A paragraph's turn to one year or to the plan period ("过去一年…", "五年来…") holds through
    # the numbered sub-headings below it, until a heading names a year or a period of its own.
    anchor = next((s for s in reversed(kinded) if s.level <= 2 or _names_period(s.heading)), None)
    focused = [s for s in before if s.focus and (anchor is None or s.start > anchor.start)]
    focus = focused[-1].focus if focused else None
    scope = _scope(layout, section)
    turn = focused[-1] if focused else None
    if (turn is not None and turn.focus in ("plan", "said") and scope.kind == "actual"
            and (section is None or section.start < turn.start)):
        # a lead saying what follows is a plan ("…对2022年的重点工作进行了安排和部署", "印发《…方案》"),
        # or someone's words on what will be done ("龚正说，上海将…"): targets of the year or period named
        year = turn.year or (turn.plan[1] if turn.plan else layout.year)
        return Scope("target", year, _span(*turn.plan) if turn.plan else None, False)
    lead = next((s for s in reversed(focused) if s.focus == "plan"), None)
    if (lead is not None and turn is not None and turn is not lead and turn.focus == "span" and turn.plan
            and lead.plan and turn.plan[0] >= lead.plan[0] and scope.kind == "actual"
            and (section is None or section.start < lead.start)):
        # "《纲要》提出“十四五”时期…" after a lead on the plan issued ("发布《…十四五…纲要》"): its goals
        return Scope("target", turn.plan[1], _span(*turn.plan), False)
    if turn is not None and turn.focus in ("year", "this_year") and layout.year and layout.doc_type == "政府工作报告":
        year = layout.year if turn.focus == "this_year" else turn.year
        if year and year >= layout.year:
            # "2026年是“十五五”开局之年…", "今年是…": a report turning to its own year is planning it
            return Scope("target", year, None, False)
    if turn is not None and turn.focus == "year" and scope.kind == "actual" and scope.span is not None:
        # "过去一年…" under "2025年和“十四五”时期工作回顾": the figures are that year's; a paragraph
        # of the span's last year ("2010年，全市生产总值495.8亿元，年均增长12.1%") closes the span,
        # so its averages and totals stay over it
        closes = turn.year is not None and scope.span.endswith(str(turn.year))
        return Scope("actual", turn.year or scope.year, scope.span if closes else None, False)
    report = layout.doc_type == "政府工作报告" and layout.year is not None
    if (turn is not None and turn.focus == "year" and turn.year and not report and layout.doc_type != "规划纲要"
            and scope.kind == "actual" and scope.span is None):
        # a news item or release of 2011 with "报告指出：2010年，是…": the paragraph's figures are 2010's
        return Scope("actual", turn.year, None, False)
    if (turn is not None and turn.focus == "year" and report and scope.kind == "actual" and scope.span is None
            and turn.year == layout.year - 1 and any(s.focus == "span" and not s.plan for s in focused[:-1])):  # type: ignore[operator]
        # "五年来，…" then "2012年，全市生产总值12885亿元，…年均增长16.1%": the last year of the five
        # closes their review; its levels are that year's, averages and totals the five years'
        return Scope("actual", turn.year, _span(layout.year - 5, layout.year - 1), False)  # type: ignore[operator]
    if turn is not None and turn.focus == "span" and turn.plan and report and turn.plan[0] >= layout.year:  # type: ignore[operator]
        # "“十五五”时期是…" under "“十四五”时期发展成就和“十五五”时期主要目标任务": the new plan's goals
        return Scope("target", turn.plan[1], _span(*turn.plan), False)
    if (turn is not None and turn.focus == "span" and turn.plan and layout.year and not report
            and layout.doc_type != "规划纲要" and scope.kind == "actual" and turn.plan[0] >= layout.year
            and "以来" not in turn.heading):
        # news of a plan just adopted: "《纲要》提出“十四五”时期(2021年至2025年)…的确切目标:" opens the
        # plan's goals, as the same turn does in a report (a plan not yet begun has no results)
        return Scope("target", turn.plan[1], _span(*turn.plan), False)
    if turn is not None and turn.focus == "span" and scope.kind == "actual" and scope.span is None and report:
        # "五年来，…" under a heading that names no period: the five years before the report (or the
        # term the paragraph names: "四年来")
        term = turn.plan or (layout.year - 5, layout.year - 1)  # type: ignore[operator]
        return Scope("actual", scope.year, _span(*term), True)
    if turn is not None and turn.focus == "span" and scope.kind == "target" and scope.span is not None:
        # "《纲要（草案）》明确了…" under "“十五五”时期目标任务和2026年工作安排": the plan's goals
        return Scope("target", int(scope.span[-4:]), scope.span, False)
    # a review of a whole period: a plan's review chapter, a paragraph turning to the period, or in
    # news and briefs a heading over the period ("赶超发展的五年")
    named_period = section is not None and section.plan is not None and layout.doc_type != "政府工作报告"
    multi = scope.kind == "actual" and scope.span is not None and (
        focus == "span" or (focus is None and (layout.doc_type == "规划纲要" or named_period)))
    return Scope(scope.kind, scope.year, scope.span, multi)


#: "过去一年，…。今年全市…主要预期目标是：…": a sentence of a report naming its year as 今年 or 去年
#: (as its time, not as a base: 比去年, 去年同期)
_THIS_OR_LAST_YEAR = re.compile(r"(?:^|[，,。；;：:\s])(今年|去年)(?!同期|同月|底|末)")


def sentence_turn(scope: Scope, layout: Layout, sentence: str) -> Scope:
    """The scope of a report's sentence that says which year it is about (``今年``, ``去年``).

    A paragraph's turn (``过去一年，…``) holds for the paragraph, but a later sentence of it may turn
    again: ``过去一年，全市地区生产总值完成2200亿元…。今年全市经济社会发展的主要预期目标是：…`` (news of a
    report putting both in one paragraph).  Only in a report, whose year is the year it plans.
    """
    if layout.doc_type != "政府工作报告" or layout.year is None or "年" not in sentence:
        return scope
    found = list(_THIS_OR_LAST_YEAR.finditer(sentence))
    if not found:
        return scope
    year = layout.year if found[-1].group(1) == "今年" else layout.year - 1
    return scope if scope.year == year else replace(scope, year=year, span=None, multi_year=False)


def _names_period(heading: str) -> bool:
    return bool(re.search(r"(?:19|20)\d\d年", heading) or plan_span(heading))


def _scope(layout: Layout, section: Section | None) -> Scope:
    year = layout.year
    doc_type = layout.doc_type

    if doc_type == "规划纲要" and layout.plan:
        a, b = layout.plan
        kind = section.kind if section else "actual"
        if kind == "actual":
            y = section.year if section and section.year else a - 1
            return Scope("actual", y, _span(a - 5, a - 1))
        return Scope("target", section.year if section and section.year else b, _span(a, b))

    if doc_type == "规划评估" and layout.plan:
        # a plan's evaluation (``…纲要实施情况的中期评估报告``, delivered in 2023) reports the plan's
        # years up to the one before it: its levels are that year's, its averages run from the plan's start
        a, b = layout.plan
        kind = section.kind if section else "actual"
        if kind == "actual":
            y = section.year if section and section.year else (year - 1 if year else None)
            return Scope("actual", y, _span(a, y) if y and a < y <= b else None)
        return Scope("target", section.year if section and section.year else b, _span(a, b))

    if doc_type == "政府工作报告":
        kind = section.kind if section else "actual"
        if kind == "actual":
            y = section.year if section and section.year else (year - 1 if year else None)
            plan = section.plan if section else None
            span = _span(*plan) if plan else None
            return Scope("actual", y, span)
        plan = section.plan if section else None
        # "二、“十五五”时期主要目标任务": a level the plan sets is for its end year, as in a plan outline
        y = section.year if section and section.year else (plan[1] if plan else year)
        return Scope("target", y, _span(*plan) if plan else None)

    kind = section.kind if section else "actual"
    plan = (section.plan if section else None) or layout.plan
    y = section.year if section and section.year else year
    if kind == "target" and plan and not (section and section.year):
        y = plan[1]
    if kind == "actual" and section and section.plan and not section.year:
        y = section.plan[1]  # "赶超发展的五年" in news of a 2017 report: levels are those its last year reached
    return Scope(kind, y, _span(*plan) if plan else None)


@cache
def cue_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The estimate and target cue words (lexicon ``kind_cues``) as patterns."""
    cues = load_lexicon()["kind_cues"]
    return re.compile(alternation(cues["estimate"])), re.compile(alternation(cues["target"]))


@cache
def _not_cues() -> re.Pattern[str]:
    return re.compile(alternation(load_lexicon()["kind_cues"]["not_cues"]))


@cache
def _current_cue() -> re.Pattern[str]:
    return re.compile(alternation(load_lexicon()["kind_cues"]["current"]))


_FUTURE = re.compile(r"将|力争|确保|争取|到20\d\d年|计划|预期|目标|达到")


def states_current(sentence_before: str, clause_before: str) -> bool:
    """``全市多年平均水资源总量为14.03亿立方米``: in a target chapter, how things stand now.

    The cue must open the sentence or sit in the number's own clause, and nothing in the
    sentence may look ahead (``现有超载区逐步退出，森林覆盖率超过24.1%`` is a goal).
    """
    cue = _current_cue()
    opens = cue.match(sentence_before.lstrip("，、 ")[:12].lstrip("全市区县省") or "")
    if not (opens or cue.search(clause_before)):
        return False
    return not _FUTURE.search(re.sub(r"“[^”]*”", "", sentence_before))  # not inside names (“万人计划”)


@cache
def _goals_head() -> re.Pattern[str]:
    """``…主要预期目标是：``, ``…的确切目标:``: a colon opening a list of goals (lexicon ``goals_intro``)."""
    return re.compile(rf"(?:{alternation(load_lexicon()['kind_cues']['goals_intro'])})\s*[：:]")


def kind_in_sentence(default: str, sentence_before: str, clause_before: str, year: int | None = None) -> str:
    """Refine the section's kind with cue words before the number.

    An estimate cue (``初步预计，全市实现…``) governs its whole sentence; a target cue in a review
    (``力争``, ``确保``) only its own clause, since review prose also says ``确保了…``.  In a review
    of ``year``, ``到2025年`` up to that year tells when a past result was reached, not a goal.
    """
    estimate, target = cue_patterns()
    if default == "target":
        return "target"
    sentence_before, clause_before = _not_cues().sub("", sentence_before), _not_cues().sub("", clause_before)
    if _goals_head().search(sentence_before):
        return "target"  # "今年…主要预期目标是：地区生产总值增长5%左右"
    if estimate.search(sentence_before):
        return "estimate"
    for cue in target.finditer(clause_before):
        reached = re.match(r"((?:19|20)\d\d)年", clause_before[cue.end() - 2:])
        if not (year and reached and int(reached.group(1)) <= year):
            return "target"
    return default




@cache
def period_cues() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Words of things done over a period (新增, 建成…) and of a level reached (达到, 总量…)."""
    cues = load_lexicon()["period_cues"]
    return re.compile(alternation(cues["flow"])), re.compile(alternation(cues["stock"]))


# A year after 由/从 ("由2020年的7.2%提升至7.4%") dates only the value it starts from; one after 比/较
# ("比2020年增加五成") is the base of a comparison.
_YEAR_AT = re.compile(
    r"(?:到|至|截至|截止)?(?<![由从比较])((?:19|20)\d{2})年(?:末|底|全年|前)?(?!以来|的基础|起|开始|比)"
)
#: The year a change starts from: "从2020年的" (prose.py's from-to pairs use it too).
STARTING_YEAR = r"(?:从|由)((?:19|20)\d\d)年(?:底|末)?的?"
_FROM_YEAR = re.compile(STARTING_YEAR + r"(?:[\d.]+[^\d，。；、]{0,6}[、和及])*$")
_SINCE = re.compile(r"((?:19|20)\d{2})年以来")
#: "比2020年的73129亿元", "相比2020年广东GDP总量110760.94亿元": the base of a comparison given as a value is
#: that year's (not "比2010年增长116.4%", a change over it)
_BASE_VALUE = re.compile(
    r"(?:比|较|相比|相较于?|对比)((?:19|20)\d\d)年(?:末|底|同期)?的?"
    r"(?![^，。；\d]*?(?:增|减|提高|提升|下降|降低|高|低|多|少|快|慢|翻))[^\d，。；]{0,10}$")
_TOTALS = re.compile(r"累计|累积|五年|共计|合计|总计|总投资|期间完成|期间共")
#: A comparison with an earlier plan period ("比“十二五”期间", "较“十三五”末"): it does not date the number.
COMPARED_PLAN = re.compile(
    r"(?:比|较|相比|同比|高于|低于|是)[“”\"]?(?:十[一二三四五六]五|第十[一二三四五六]个五年)[”\"]?(?:时期|期间|同期|期末|末)?"
)


#: "提前两年完成“十一五”目标", "粮油储备规模提前完成“十四五”目标任务": a plan's goals named as met, which
#: dates what was met (the year reviewed), not the numbers after it
_PLAN_MET = re.compile(
    r"(?:完成|实现|达到|达成)[^，。；,;]{0,8}?[“”\"]?(?:十[一二三四五六]五|第十[一二三四五六]个五年)[”\"]?"
    r"(?:规划)?(?:确定的|的)?(?:各项|主要)?(?:目标|任务)"
)
#: "在“十五五”基础上再奋斗五年，…比2020年翻一番": a plan period built on is no time of what follows
_PLAN_BUILT_ON = re.compile(
    r"在[“”\"]?(?:十[一二三四五六]五|第十[一二三四五六]个五年)[”\"]?(?:规划|时期|期末|末)?的?基础上"
)
#: "较“十三五”末的9323.1亿元": the number is the earlier period's
_COMPARED_BASE = re.compile(COMPARED_PLAN.pattern + "的$")
#: "五年增长30.8%", "比“十三五”时期增长19.1%": a change over a whole plan period
_OVER_FIVE_YEARS = re.compile(r"五年|" + COMPARED_PLAN.pattern)
_CHANGED = re.compile(r"(?:增加|减少|增长|提高|下降|降低)$")
_INVESTED = re.compile(r"(?:新增|计划|总)?投资(?:额|规模)?(?:约|近|超过?)?$")


@cache
def _span_totals() -> tuple[re.Pattern[str], re.Pattern[str]]:
    words = load_lexicon()["span_totals"]
    return re.compile(alternation(words["verbs"])), re.compile(alternation(words["leads"]))


@cache
def _review_done() -> re.Pattern[str]:
    """Words of an amount done or won (lexicon ``period_cues.review_done``): in a sentence reviewing the
    years, such an amount is their total."""
    return re.compile(alternation(load_lexicon()["period_cues"]["review_done"]))


def _sums_five_years(clause: str, before: str) -> bool:
    """``五年共实施重点工业项目141个，…，完成规模以上工业总产值745亿元``: the sentence's ``五年共`` sums what each of
    its clauses did (lexicon ``span_totals``)."""
    done, sentence_total = _span_totals()
    return bool(done.match(clause) and sentence_total.search(before))


def period_for(scope: Scope, kind: str, measure: str, before: str, clause: str = "", mention: str = "",
               rate: bool = False, part: tuple[int | None, str] | None = None, after: str = "") -> str:
    """The period of a number: its year or span (``_year_or_span``), narrowed to a part of that year.

    ``part``: the part of a year the paragraph names before the number (``前三季度`` → ``Q1-Q3``,
    ``planwatch.context.part_in_effect``), else the part the whole document reports (a release
    for the first five months), except for a target, which is for the year unless it says so.
    FACTS.md: a flow or change over the first three quarters is ``2021Q1-Q3``, and so is a level
    at their end (``9月末``).
    """
    period = _year_or_span(scope, kind, measure, before, clause, mention, rate, after)
    # the document's part of the year holds for its own year, and for another year's same part
    # ("2020年同期…下降23.2%" in a release on 2021M1-M2: a sentence comparing 同期), not for another
    # year named ("2021年天津地区生产总值1.57万亿元" in news on 2022Q1)
    other_year = (re.fullmatch(r"\d{4}", period) is not None and scope.year is not None
                  and period != str(scope.year) and "同期" not in before)
    if part is None and scope.part and kind != "target" and not other_year:
        part = (None, scope.part)
    if part is None:
        return period
    year, code = part
    if code == CURRENT_MONTH:
        if not scope.part:
            return period
        code = f"M{last_month_of(scope.part)}"  # "当月" in a release for the first three quarters: September
    if re.fullmatch(r"\d{4}", period) and (year is None or str(year) == period):
        return period + code
    if not period and year is not None:
        return f"{year}{code}"
    return period


NumberClass = Literal["stock", "flow", "change", "rate"]


@dataclass(frozen=True)
class Reading:
    """What a number is, read once from its measure and the words around it.

    ``cls``: a *stock* is a level at a point (``公路里程达到1.1万公里``), a *flow* an amount over a
    period (``新增就业1.5万人``, ``完成投资3500亿元``), a *change* a growth or change in points, a
    *rate* a percentage level.  The last cue word before the number decides between stock and
    flow (``新增1700公里、突破7000公里``: the second is a stock); a verb after a count placed before
    its noun counts too (``建档立卡户11户16人全部脱贫``).
    """

    cls: NumberClass
    flowing: bool  # a word of things done anywhere before it (培训…达到2000人 is done over a plan period)
    total: bool  # summed over a period: 累计, 五年, 共计 (not a running total: 累计达到)
    held: bool  # held through a period: 稳定在, 保持在, 年均, 连续N年
    changed: bool  # a change verb right before the number: …将增加2.3亿立方米


@cache
def _held_cue() -> re.Pattern[str]:
    return re.compile(alternation(load_lexicon()["period_cues"]["held"]))


@cache
def _average_cue() -> re.Pattern[str]:
    """An amount per year over the years reviewed (``年均增加349亿元``; lexicon ``period_cues.average``)."""
    return re.compile(alternation(load_lexicon()["period_cues"]["average"]))


#: "连续9年稳定在…", "连续7年保持98%以上": a level held for years (not "连续迈上4个台阶", milestones passed)
_STREAK_HELD = re.compile(r"连续[\d一二两三四五六七八九十]+年")
_RUNNING_TOTAL = re.compile(r"累计(?:达到|达|超过|超|突破|增至)")


def classify(measure: str, clause: str, described: str, rate: bool, before: str, after: str = "") -> Reading:
    """The ``Reading`` of a number: ``clause`` is its clause up to it, ``described`` its indicator
    phrase (with the words after a count before its noun), ``after`` the rest of its clause."""
    flow, stock = period_cues()
    words = clause + described
    # "国内航线累计达到15条" is a running total reached, "五年累计达到1792亿元" a sum over the five years
    total = bool(_TOTALS.search(words)) and not (_RUNNING_TOTAL.search(clause) and not _OVER_FIVE_YEARS.search(words))
    # "五年共实施重点工业项目141个，…，完成规模以上工业总产值745亿元": the sentence's 五年共 sums what each of its
    # clauses did (完成/实施), not a level one reached (达到)
    total = total or _sums_five_years(clause, before)
    held = bool(_held_cue().search(clause) or _STREAK_HELD.search(clause))
    changed = bool(_CHANGED.search(before))
    flowing = bool(flow.search(words))
    if measure in ("growth", "avg_growth", "change_pp"):
        return Reading("change", flowing, total, held, changed)
    if rate:
        return Reading("rate", flowing, total, held, changed)
    last_flow = max((m.end() for m in flow.finditer(clause)), default=-1)
    last_stock = max((m.end() for m in stock.finditer(clause)), default=-1)
    if last_flow > last_stock and not stock.search(clause[-6:]):
        cls: NumberClass = "flow"
    elif last_stock < 0 and (flow.search(described) or flow.search(after)):
        cls = "flow"
    else:
        cls = "stock"
    return Reading(cls, flowing, total, held, changed)


@dataclass(frozen=True)
class TimeWords:
    """The time phrases before a number in its sentence, read once (bases of comparison removed)."""

    starting: int | None  # 从2021年的46503元: the year a change starts from
    plan: tuple[int, int] | None  # a plan period or a span of years named, not as a comparison base
    plan_end: bool  # “十四五”末期: the plan's last year (not 到…末, by then)
    during: bool  # “十四五”期间/时期内
    years: tuple[int, ...]  # years named, not as bases
    since: int | None  # 2018年以来
    earlier: tuple[tuple[int, int], bool] | None  # 较“十三五”末的X: X is that period's (end)
    over_span: bool  # 五年增长, 比“十三五”时期增长, 比2010年增加 (the year before a span): over the span
    base_year: int | None  # 比2010年, 是2010年的: a year only compared with
    base_value: int | None = None  # 比2020年的73129亿元: the base given as a value is that year's
    review_years: int | None = None  # 五年来, 过去三年: the years up to the one reviewed, in the sentence


#: A span of years written out ("2016—2020年", "2011-2015年"; groups: first year, last year as
#: written), and one that dates what follows it, not as the base of a comparison ("比2011-2015年增长").
YEAR_SPAN = r"((?:19|20)\d\d)\s*[-—–~～至到]\s*((?:19|20)?\d\d)年"
_WRITTEN_SPAN = re.compile(rf"(?<![比较与]){YEAR_SPAN}(?!的|末|底|度)")


def _written_span(before: str) -> tuple[int, int] | None:
    """The span of years written out last in ``before``, unless a year follows it, read like a plan
    period (``TimeWords.plan``)."""
    found = list(_WRITTEN_SPAN.finditer(before))
    if not found:
        return None
    last = found[-1]
    if _YEAR_AT.search(before, last.end()):
        return None  # "2013-2018年…7.35%，2019年增速变缓至3%": a later year dates what follows it
    a, b = last.groups()
    end = int(b) if len(b) == 4 else int(a[:2] + b)
    start = int(a)
    return (start, end) if start < end <= start + 20 else None


_PLAN_END = re.compile(r"(到)?[“\"]?十[一二三四五六]五[”\"]?末")
_DURING = re.compile(r"五[”\"]?(?:期间|时期内|内)")
#: a year only compared with: 比2010年, 是2010年的, and one opened by 与/同/和 and closed by 相比 a few
#: characters on (与2008年同期相比, 同2019年相比): the year of the base, not of the number after it
_BASE_YEAR = re.compile(
    r"(?:比|较|是|为|相当于|(?:与|同|和|跟)(?=(?:19|20)\d{2}年[^，。；,;！!]{0,6}?(?:相比|比较|对比)))"
    r"((?:19|20)\d{2})年(?:末|底)?的?"
)


#: "五年来，完成街巷硬化134.6公里", "过去三年…": the sentence looks back over the last N years (not 十五年来)
_REVIEW_YEARS = re.compile(r"(?<![十\d])([三四五])年(?:来|间|以来)|过去的?([三四五])年")
_YEARS_NUMBER = {"三": 3, "四": 4, "五": 5}


def read_time(before: str, clause: str) -> TimeWords:
    starting = _FROM_YEAR.search(before)
    base_value = _BASE_VALUE.search(before)
    plan = plan_span(_PLAN_MET.sub("", _PLAN_BUILT_ON.sub("", COMPARED_PLAN.sub("", before)))) or _written_span(before)
    at_end = _PLAN_END.search(before) if "五" in before else None
    earlier = _COMPARED_BASE.search(before)
    earlier_span = plan_span(earlier.group()) if earlier else None
    since = _SINCE.search(before)
    base = _BASE_YEAR.search(clause)
    years = tuple(int(y) for y in _YEAR_AT.findall(_BASE_YEAR.sub("", before)))
    return TimeWords(
        starting=int(starting.group(1)) if starting else None,
        plan=plan,
        plan_end=bool(at_end and not at_end.group(1)),
        during=bool(_DURING.search(before)) if "五" in before else False,
        years=years,
        since=int(since.group(1)) if since else None,
        earlier=(earlier_span, earlier.group().endswith("末的")) if earlier and earlier_span else None,
        over_span=bool(_OVER_FIVE_YEARS.search(clause)),
        base_year=int(base.group(1)) if base else None,
        base_value=int(base_value.group(1)) if base_value else None,
        review_years=_review_years(before),
    )


def _review_years(before: str) -> int | None:
    found = _REVIEW_YEARS.search(before) if "年" in before else None
    return _YEARS_NUMBER[found.group(1) or found.group(2)] if found else None


def _year_or_span(scope: Scope, kind: str, measure: str, before: str, clause: str = "", mention: str = "",
                  rate: bool = False, after: str = "") -> str:
    """The year or span of a number, from what it is (``classify``) and the time words before it.

    FACTS.md: levels at the end of a period get its end year; averages, totals, counts of things
    done over it and levels held through it (``稳定在95%以上``) get the span; a year or plan period
    named only as the base of a comparison (``比“十二五”期间增加``, ``是2010年的2.6倍``) dates nothing.
    """
    r = classify(measure, clause, mention, rate, before, after)
    t = read_time(before, clause)
    over_period = r.cls == "flow" or r.total
    if t.starting is not None:
        return str(t.starting)  # 从2021年的46503元: the value the change starts from
    if t.base_value is not None and measure == "level":
        return str(t.base_value)  # 比2020年的73129亿元: the base of the comparison
    if t.plan:
        a, b = t.plan
        if t.plan_end and not r.total:
            return str(b)  # "“十四五”末期，城镇新增就业1.5万人": the last year ("到…末" is by then)
        # "“十四五”期间，力争职业技能培训达到2000人", "…总蓄水量将增加2.3亿立方米": done over the period
        # (not "港口货物吞吐量达到2亿吨", a yearly level)
        during = t.during and r.cls in ("stock", "flow") and (r.flowing or r.changed)
        # "“十三五”时期，是兴文经济总量实现翻番…的五年": a change whose time is the plan period is over all of it
        if measure in ("avg_growth", "growth") or over_period or during:
            return _span(a, b)
        return str(b)
    if t.since and measure == "avg_growth":
        return _span(t.since, scope.year or t.since)
    if t.earlier:
        (a, b), at_end = t.earlier
        return str(b) if at_end else _span(a, b)  # "较“十三五”末的9323.1亿元"
    if t.review_years and kind in ("actual", "estimate") and scope.span is None and scope.year:
        # "…工程，五年来，完成街巷硬化134.6公里" in a paragraph that does not open on the five years:
        # the sentence reviews them, as a paragraph opening on 五年来 would (its estimates too:
        # "五年来，…预计完成469亿元" in a report delivered before the last year closed)
        scope = replace(scope, span=_span(scope.year - t.review_years + 1, scope.year), multi_year=True)
    if (t.review_years and scope.span and scope.multi_year and measure == "level" and not rate and not t.years
            and _review_done().search(clause) and not period_cues()[1].search(clause)):
        # "五年来，全社会固定资产投资预计完成469亿元", "…援助资金31.08亿元": what the sentence's years did
        return scope.span
    if scope.span:
        start = int(scope.span[:4])
        over = t.over_span or (scope.multi_year and t.base_year == start - 1)
        if over and (r.cls == "change" or r.changed):
            # "居民人均可支配收入五年增长30.8%", "投资比“十三五”时期增长19.1%", "比2010年增加13480元"
            return scope.span
    if r.total and measure == "level" and scope.span and (scope.multi_year or kind == "target"):
        return scope.span  # "五年累计完成固定资产投资1792亿元"
    # (in a plan's own chapters, where levels are for the plan's end year, not in a report's year plan)
    planned = kind == "target" and measure == "level" and scope.span and not t.years and scope.span.endswith(
        str(scope.year))
    if planned and (_INVESTED.search(clause) or re.search(r"项目$", mention) or r.cls == "flow"):
        return scope.span  # a plan's project list ("投资 15 亿元三溢科技公司…", "…等 17 个项目") and work to do
    if t.years:
        if measure == "avg_growth" and scope.span:
            return scope.span
        if measure == "level" and scope.multi_year and scope.span and _average_cue().search(clause):
            # "预计2012年全市生产总值完成3440亿元…；固定资产投资五年累计完成9091亿元，年均增加349亿元": an amount
            # per year over the years reviewed is their average, however late in the sentence its year was named
            return scope.span
        bases = [int(y) for y in _BASE_YEAR.findall(before)] if measure == "avg_growth" else []
        if bases and bases[-1] < t.years[-1]:
            # "2011年，全县实现地区生产总值218亿元，是2007年的1.7倍，年均增长13.5%": the average runs
            # from the year after the base compared with to the year named
            return _span(bases[-1] + 1, t.years[-1])
        if r.total and r.cls == "change" and scope.span and scope.span.endswith(str(t.years[-1])):
            return scope.span  # "2012年，…万元生产总值能耗累计下降21%": over the span that year closes
        if (kind == "target" and measure == "growth" and t.base_year is None and scope.span
                and scope.span.endswith(str(t.years[-1]))):
            # a plan's goal for a change by its last year ("未来5年…到2010年…；万元地区生产总值能耗、水耗
            # 分别降低15%和20%") is a change over the plan period (one against a base year stays the year's)
            return scope.span
        return str(t.years[-1])
    if scope.span and (measure == "avg_growth" or (r.total and measure == "level")):
        return scope.span
    if scope.multi_year and scope.span and (r.cls == "flow" or r.cls == "change" or r.held):
        # "五年来，新增…", "全省刑事案件总量下降35.9%", "基本医保参保率稳定在95%以上": over the period
        return scope.span
    return str(scope.year) if scope.year else ""


__all__ = ["COMPARED_PLAN", "FIVE_YEAR_PLANS", "STARTING_YEAR", "Scope", "kind_in_sentence", "period_cues",
           "period_for", "scope_at", "sentence_turn", "states_current"]
