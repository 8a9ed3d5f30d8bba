"""Document structure: title, type, subject region, reference year, segments and sections.

All of it is inferred from the document's own text.  A file may hold several reports (a
city's report followed by a district's): each becomes a ``Segment`` with its own region and
year.  Section headings set the scope of what follows: ``2011年工作回顾`` makes the numbers
below it actuals of 2011, ``2012年工作安排`` or ``主要预期目标`` makes them targets of 2012.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from planwatch.context import YEAR, Clue, DocContext, StatedContext, find_context
from planwatch.gazetteer import Region, load_gazetteer
from planwatch.lexicon import alternation, load_lexicon
from planwatch.normalize import NormalizedText

FIVE_YEAR_PLANS = {"十一五": (2006, 2010), "十二五": (2011, 2015), "十三五": (2016, 2020),
                   "十四五": (2021, 2025), "十五五": (2026, 2030), "十六五": (2031, 2035)}
_ORDINAL_PLANS = {"第十一个五年": "十一五", "第十二个五年": "十二五", "第十三个五年": "十三五",
                  "第十四个五年": "十四五", "第十五个五年": "十五五"}

_REPORT_TITLE = re.compile(
    r"^[#】】\]\s]*(?:\d{4}年)?(?P<who>[^\s，。；：]{2,24}?)(?:人民)?(?:政府工作报告|国民经济和社会发展.{0,30}?(?:规划|纲要)"
    r"|国民经济和社会发展统计公报|\d{4}年经济数据)(?:[（(].{0,12}[)）])?$"
)
_HEADING = re.compile(
    r"^(?:#+\s*|第[一二三四五六七八九十百\d]+[章节篇部分]\s*|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|►)"
)


@dataclass
class Section:
    """Scope set by a heading: the kind and period of the numbers under it."""

    start: int  # normalised offsets
    end: int
    heading: str
    kind: str | None  # "actual" | "target" | None (inherit the default)
    year: int | None
    plan: tuple[int, int] | None  # a five-year span the heading names
    # "span", "year" or "this_year": a paragraph opening with 过去五年 / 过去一年 / 今年是; "plan": a lead
    # saying what follows is a plan (…进行了安排和部署, 印发《…方案》); "said": one paragraph of someone's
    # words about what will be done (龚正说，上海将…), closed by an "end" at the next line
    focus: str | None = None
    level: int = 5  # a heading's depth (heading_level); 5 for bare lines and focus paragraphs


@dataclass
class Layout:
    """Structure of one segment in normalised coordinates."""

    start: int
    end: int
    title: str
    doc_type: str
    region: Region | None
    region_name: str
    year: int | None
    plan: tuple[int, int] | None
    sections: list[Section]
    part: str | None = None  # the part of the year a release reports ("Q1-Q3"), see planwatch.context
    context: DocContext | None = None
    # scope.scope_at's memo: the sections' starts and the scope after each (derived, never set by hand)
    section_starts: list[int] = field(default_factory=list, repr=False)
    scopes: dict[int, Any] = field(default_factory=dict, repr=False)


def plan_span(text: str) -> tuple[int, int] | None:
    """The five-year span a text names (``十四五`` or ``第十四个五年规划``), if any."""
    for ordinal, short in _ORDINAL_PLANS.items():
        if ordinal in text:
            return FIVE_YEAR_PLANS[short]
    for short, span in FIVE_YEAR_PLANS.items():
        if short in text:
            return span
    return None


def _lines(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, str]]:
    end = len(text) if end is None else end
    out = []
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        stop = end if nl < 0 else nl
        out.append((pos, text[pos:stop]))
        pos = stop + 1
    return out


def _region_of(text: str, context: Region | None = None) -> Region | None:
    found = load_gazetteer().find_all(text, context=context)
    return found[-1][2] if found else None


_LEX = load_lexicon().raw
_SPAN_FOCUS = re.compile(
    rf"^(?:{alternation(_LEX['span_focus_openers'])}|《[^》]{{0,20}}纲要[^》]{{0,6}}》"
    r"|“?十[一二三四五]五”?(?:时期|期间|以来)|“?十[一二三四五]五”?规划实施)"
)
_YEAR_FOCUS = re.compile(
    rf"^(?:{alternation(_LEX['year_focus_openers'])}|(?:19|20)\d\d年[，,是]|刚刚过去的(?:19|20)\d\d年)"
)
#: A paragraph of a report turning to the year it plans: "今年是“十五五”开局之年", "今年全省…主要预期目标是".
_THIS_YEAR_FOCUS = re.compile(r"^今年(?:是|政府工作|(?:全省|全市|全区|全县)?(?:经济社会发展)?的?主要预期目标)")
#: A paragraph may open with a sentence about the plan's last year ("2025年是“十四五”收官之年。",
#: "2025年主要目标的完成，标志着“十四五”圆满收官。") and turn to the five years in the next one.
_SPAN_TURN = re.compile(r"^[“”\"]?(?:过去五年|过去的五年|五年来|这五年|回望|回首|经过五年|“?十[一二三四五]五”?的五年)")
#: A paragraph opening on a plan's goals: "（三）关于“十五五”时期发展的主要目标。"
_PLAN_GOALS = re.compile(
    r"(?:[（(][一二三四五六七八九十]+[)）])?(?:关于)?[“\"]?十[一二三四五六]五[”\"]?(?:时期|期间)?的?(?:发展的?)?(?:主要)?目标"
)
_ADDRESS = re.compile(r"^各位代表[！!，,、：:]\s*")
#: A paragraph opening on the year its goals are for: "到2020年,该县将…", "到2019年末,通过加快补齐短板…".
_GOAL_YEAR_OPENING = re.compile(r"^(?:到|至)((?:19|20)\d\d)年(?:底|末)?[，,]")
#: Words that report what follows ("报告指出：2010年，是…"): the paragraph turns where they end.
_REPORTING = re.compile(
    rf"^(?:{alternation(_LEX['reporting_leads'])}|[\u4e00-\u9fff]{{2,4}}在报告中(?:{alternation(_LEX['reporting_verbs'])}))"
    r"[：:，,]\s*")


_PLAN_LEADS = _LEX["plan_leads"]
#: ``对2022年的重点工作进行了安排和部署``, ``对2023年的工作进行了详细规划与部署``
_ARRANGED = re.compile(
    rf"(?:{alternation(_PLAN_LEADS['arrange_verbs'])})(?:{alternation(_PLAN_LEADS['arrange_manners'])})?的?"
    rf"(?:{alternation(_PLAN_LEADS['arrange_nouns'])})")
_REVIEWS = re.compile(alternation(_PLAN_LEADS["review_words"]))
#: ``对2022年的重点工作``, ``对今年工作``: the year whose work is arranged (group ``year``, none for 今年)
_ARRANGED_YEAR = re.compile(rf"对(?:(?P<year>(?:19|20)\d\d)年|{alternation(_PLAN_LEADS['arranged_years'])})")
#: ``印发《关于…的工作方案》``: a plan or programme issued; the title in group ``title``.
_ISSUED_PLAN = re.compile(
    rf"(?:{alternation(_PLAN_LEADS['issue_verbs'])})了?《(?P<title>[^《》]{{2,80}}?"
    rf"(?:{alternation(_PLAN_LEADS['plan_documents'])}))(?:[（(][^《》]{{0,12}}[)）])?》")
#: ``武汉市出台精准发力补短板十二大重点工程实施方案。``: a plan issued, its title unquoted but ending the clause
#: (not ``出台支持重建XX条政策措施``: no plan document; nor ``出台方案的同时…``: the title must end its clause).
_ISSUED_PLAN_BARE = re.compile(
    rf"(?:{alternation(_PLAN_LEADS['issue_verbs'])})了?(?P<title>[^《》“”，。；：,;:]{{4,40}}?"
    rf"(?:{alternation(_PLAN_LEADS['plan_documents'])}))(?=[，。；,;]|$)")
#: ``报告中提出,发展立体大交通,…``, ``政府工作报告提出，…``: what a report proposes (not ``报告提出,过去一年…``).
_PROPOSED = re.compile(
    rf"报告》?中?(?:{alternation(_PLAN_LEADS['propose_verbs'])})[，,：:]\s*(?!{alternation(_PLAN_LEADS['proposal_past'])})")
#: ``根据《政府工作报告》,2019年宿迁将实施…``: what will be done according to a report.
_ACCORDING_PLAN = re.compile(
    rf"(?:{alternation(_PLAN_LEADS['according_words'])})《?[^《》，,。]{{0,12}}报告》?[，,][^。]*?(?<!即)将(?!近|军)")
#: ``龚正说，上海将持续推进…``: someone's words about what will be done.
_SAID_PLAN = re.compile(
    rf"^[\u4e00-\u9fff]{{2,6}}?(?:{alternation(_LEX['speaker_verbs'])})[：:，,]\s*[\u4e00-\u9fff]{{1,6}}?(?<!即)将(?!近|军)")


def _plan_turn(paragraph: str) -> tuple[int | None, tuple[int, int] | None] | None:
    """Whether a lead paragraph says the text is a plan, and the year or plan period it names.

    ``政府工作报告对2022年的重点工作进行了安排和部署``: the report's plan for 2022 (the year the
    arranging sentence names); ``印发《关于扎实推动“十四五”规划…的工作方案》``: a plan over the
    period its title names (or the year it names).
    """
    for sentence in re.split(r"(?<=[。！？])", paragraph):
        if _REVIEWS.search(sentence):
            continue  # "报告回顾了2016年政府工作，对2017年工作作了总体部署": review and plan both
        arranged = _ARRANGED.search(sentence)
        whose = list(_ARRANGED_YEAR.finditer(sentence, 0, arranged.start())) if arranged else []
        if whose:
            year = whose[-1].group("year")
            return (int(year) if year else None), None
        if _PROPOSED.search(sentence) or _ACCORDING_PLAN.search(sentence):
            return None, None  # "报告中提出,发展立体大交通,…": the report's plan (the document's year)
        issued = _ISSUED_PLAN.search(sentence) or _ISSUED_PLAN_BARE.search(sentence)
        if issued:
            title = issued.group("title")
            span = plan_span(title)
            year = re.search(r"((?:19|20)\d\d)年", title)
            return (None if span or not year else int(year.group(1))), span
    return None


def _focus(line: str) -> tuple[str, int | None] | None:
    """Whether a paragraph turns to the whole plan period (``span``) or to one year, and that year."""
    line = _REPORTING.sub("", _ADDRESS.sub("", line))
    first, _, rest = line.partition("。")
    year = re.search(r"((?:19|20)\d\d)年", first)
    if _SPAN_FOCUS.match(line) or (
        ("收官" in first or "五年" in first or _YEAR_FOCUS.match(line)) and _SPAN_TURN.match(rest)
    ) or re.match(r"^经过五年", line):
        return "span", None
    if _YEAR_FOCUS.match(line):
        return "year", int(year.group(1)) if year else None
    if _THIS_YEAR_FOCUS.match(line):
        return "this_year", None
    return None


@cache
def _heading_cues() -> tuple[re.Pattern[str], re.Pattern[str]]:
    kinds = load_lexicon()["section_kinds"]
    at_end = rf"(?:{alternation(kinds['target_at_end'])})[)）]?\s*$"
    return re.compile(alternation(kinds["actual"])), re.compile(f"{alternation(kinds['target'])}|{at_end}")


def _heading_kind(line: str) -> str | None:
    """``2011年工作回顾`` reviews (actuals); ``2012年工作安排``, ``主要预期目标`` plan (targets)."""
    actual, target = _heading_cues()
    if actual.search(line):
        return "actual"
    if target.search(line):
        return "target"
    return None


def heading_level(heading: str) -> int:
    """Depth of a heading from its numbering: 第X章 1, 一、 2, （一） 3, 1. 4; a bare line 5."""
    h = heading.strip()
    if h.startswith("#"):
        return len(h) - len(h.lstrip("#"))
    if re.match(r"第[一二三四五六七八九十百\d]+[章篇部]", h):
        return 1
    if re.match(r"第[一二三四五六七八九十百\d]+节", h):
        return 2
    if re.match(r"[一二三四五六七八九十]+、", h):
        return 2
    if re.match(r"[（(][一二三四五六七八九十]+[)）]|►", h):
        return 3
    if re.match(r"\d+[.、．]", h):
        return 4
    return 5


def _is_mixed(heading: str) -> bool:
    """``一、过去五年工作回顾和今后五年目标任务``: a heading over both a review and a plan."""
    actual, target = _heading_cues()
    return bool(actual.search(heading) and target.search(heading))


def _is_heading(line: str) -> bool:
    """A short line that is not a sentence: numbered, Markdown, or bare (``主要预期目标``)."""
    if not line or len(line) > 60 or line.endswith("。"):
        return False
    if _HEADING.match(line):
        return True
    if len(line) <= 20 and "，" not in line:
        return True
    # "“十四五”时期发展成就和2025年工作回顾": an unnumbered heading that names a review or a plan
    return len(line) <= 40 and not re.search(r"[，。；：]", line) and _heading_kind(line) is not None


#: A heading over a term of five years ("赶超发展的五年", "过去五年工作回顾", "今后五年的重点目标"); the
#: words that make it the five years ahead rather than those just past.
_TERM = re.compile(r"五年")
_TERM_AHEAD = re.compile(alternation(_LEX["term_ahead_words"]))


def _term_span(heading: str, year: int | None) -> tuple[int, int] | None:
    """The five years a heading names without a plan's name: those before the document's year
    (a report's review), or from it on (its goals for the term)."""
    if year is None or not _TERM.search(heading) or plan_span(heading):
        return None
    return (year, year + 4) if _TERM_AHEAD.search(heading) else (year - 5, year - 1)


def _sections(text: str, start: int, end: int, report_year: int | None = None,
              table_lines: frozenset[int] = frozenset(), doc_year: int | None = None) -> list[Section]:
    sections: list[Section] = []
    focus_plan: tuple[int, int] | None = None  # the plan period the paragraphs under a heading turned to
    lead_left = int(_PLAN_LEADS["lead_paragraphs"])  # paragraphs of the lead still to come
    for pos, line in _lines(text, start, end):
        if pos in table_lines:
            continue  # a row of a plain-text table ("粮食万吨52.3 3.1") is no heading
        stripped = line.strip()
        if _is_heading(stripped):
            focus_plan = None
            years = [int(y) for y in YEAR.findall(stripped)]
            kind = _heading_kind(stripped)
            level = heading_level(stripped)
            if kind is None and report_year and years and level <= 2:
                # a report's "三、关于2026年工作": its own year is planned, an earlier one reviewed
                kind = "target" if years[-1] >= report_year else "actual"
            term = None if plan_span(stripped) else _term_span(stripped, doc_year)
            if kind is None and term is not None:
                kind = "target" if doc_year is not None and term[0] >= doc_year else "actual"  # "赶超发展的五年"
            sections.append(Section(pos, end, stripped, kind, years[-1] if years else None,
                                    plan_span(stripped) or term, level=level))
            if kind is not None:
                lead_left = 0  # the lead ends at the first heading of a kind
            continue
        paragraph = _ADDRESS.sub("", stripped)
        turn = _focus(stripped)
        if turn is None and stripped and lead_left > 0:
            planned = _plan_turn(paragraph)
            if planned is not None:
                # the lead says what follows is a plan: its figures and works are targets
                sections.append(Section(pos, end, stripped[:20], None, planned[0], planned[1], "plan"))
                lead_left = 0
                continue
        if stripped:
            lead_left -= 1
        goal_year = _GOAL_YEAR_OPENING.match(paragraph) if turn is None and report_year is None else None
        if goal_year and doc_year is not None and int(goal_year.group(1)) > doc_year:
            # news of goals: "到2020年,该县将通过实施…实现四大具体目标:" (an item of 2016), "到2019年末,通过加快补齐
            # 短板…" (of 2018): a paragraph opening on a year still ahead turns to what is to be reached by then
            # (its totals over the years up to it); a report's own year plan is read by its headings
            by = int(goal_year.group(1))
            sections.append(Section(pos, end, stripped[:20], None, by, (doc_year, by) if by - doc_year <= 5 else None,
                                    "plan"))
            continue
        if turn is None and _SAID_PLAN.match(paragraph):
            # "龚正说，上海将…": a plan for this paragraph only; the next line turns back
            sections.append(Section(pos, end, stripped[:20], None, None, None, "said"))
            after = pos + len(line) + 1
            if after < end:
                sections.append(Section(after, end, "", None, None, None, "end"))
            continue
        named: tuple[int, int] | None = None
        if turn is None and report_year:
            # "（三）关于“十五五”时期发展的主要目标。《纲要（草案）》提出…", "…编制了“十五五”规划纲要（草案）"
            first = paragraph.partition("。")[0]
            outline = "纲要" in first and not re.search(r"今年|开局|年度", first)
            about_plan = outline or _PLAN_GOALS.match(first)
            upcoming = plan_span(first) if about_plan else None
            if upcoming and upcoming[0] >= report_year:
                turn, named = ("span", None), upcoming
        if turn:
            # a paragraph that turns to the whole plan period, or to one year ("2026年是…开局之年")
            if turn[0] == "span":
                # "“十五五”时期是…" names its plan; "《纲要草案》明确了今后五年…" after it goes on with it
                named = named or plan_span(paragraph[:12]) or focus_plan
                short = re.match(r"(?:过去|这)?([三四])年(?:来|间)?", paragraph)
                if named is None and short and report_year:
                    # "四年来，…" in a report closing a four-year term: the years before the report's
                    n = "三四".index(short.group(1)) + 3
                    named = (report_year - n, report_year - 1)
                focus_plan = named
            sections.append(Section(pos, end, stripped[:20], None, turn[1], named, turn[0]))
    for a, b in zip(sections, sections[1:], strict=False):
        a.end = b.start
    _defer_to_parent_kind(sections)
    # A sub-heading of the same kind ("主要目标" under "二、“十五五”时期的主要目标") keeps the
    # year and plan period of the heading above it.
    previous: Section | None = None
    for section in sections:
        if not section.kind:
            continue
        if previous and previous.kind == section.kind and section.year is None and section.plan is None:
            section.year, section.plan = previous.year, previous.plan
        previous = section
    return sections


@cache
def _breadcrumb() -> re.Pattern[str]:
    """A saved page's navigation path (lexicon ``breadcrumbs``): ``您当前所在位置: 首页>…>政府工作报告``.

    Why: it may end on the name of the page's column, which would make it pass for the title and hide
    the real one (``2009年政府工作报告`` two lines below) with its year.
    """
    crumbs = _LEX["breadcrumbs"]
    seps = "".join(re.escape(s) for s in crumbs["separators"])
    return re.compile(rf"(?:{alternation(crumbs['openers'])})\s*[:：]|(?:{alternation(crumbs['roots'])})\s*[{seps}]")


@cache
def _review_heading() -> re.Pattern[str]:
    return re.compile(alternation(load_lexicon()["section_kinds"]["review"]))


def _defer_to_parent_kind(sections: list[Section]) -> None:
    """A numbered sub-heading does not turn a review into a plan, or a plan into a review.

    ``（二）聚力落实国家重大战略任务`` under ``一、2025年工作回顾`` names the tasks carried out, not
    tasks ahead: a cue word in a sub-heading that names no year and no plan period of its own
    yields to the kind of the enclosing heading, unless that heading covers both (``过去五年工作
    回顾和今后五年目标任务``), or the sub-heading names a review outright (lexicon
    ``section_kinds.review``: ``第一节 发展基础和面临形势`` under ``第一章 指导思想和发展目标``).
    """
    open_headings: list[tuple[int, Section]] = []  # the enclosing headings, outermost first
    for section in sections:
        if section.focus:
            continue
        level = section.level
        while open_headings and open_headings[-1][0] >= level:
            open_headings.pop()
        parent = next((s for _, s in reversed(open_headings) if s.kind), None)
        if (section.kind and parent is not None and parent.kind != section.kind and level < 5
                and section.year is None and section.plan is None and not _is_mixed(parent.heading)
                and not (section.kind == "actual" and _review_heading().search(section.heading))):
            section.kind = None
        open_headings.append((level, section))


def analyse(
    norm: NormalizedText, stated: StatedContext | None = None, page: dict[str, str] | None = None
) -> list[Layout]:
    """Split a document into segments and find their context (``planwatch.context``) and sections."""
    text = norm.text
    lines = _lines(text)
    titles = [(i, pos, line) for i, (pos, line) in enumerate(lines) if _REPORT_TITLE.match(line.strip())]

    # A new segment starts at a report title naming another region than the one before.
    starts: list[tuple[int, int, str, Region | None]] = []
    for i, pos, line in titles:
        who = _REPORT_TITLE.match(line.strip()).group("who")  # type: ignore[union-attr]
        region = _region_of(who)
        if region is None:
            continue
        if starts and starts[-1][3] is not None and starts[-1][3].code == region.code:
            continue
        starts.append((i, pos, line.strip(), region))
    if stated is not None and not stated.empty:
        starts = starts[:1]  # what the user states is about the whole file
    if not starts:
        first = next(((i, line.strip().lstrip("#").strip()) for i, (_, line) in enumerate(lines)
                      if line.strip() and not _breadcrumb().match(line.strip())), (0, ""))
        starts = [(first[0], 0, first[1], None)]
    else:
        starts[0] = (starts[0][0], 0, starts[0][2], starts[0][3])

    layouts: list[Layout] = []
    for k, (i, pos, title, _region) in enumerate(starts):
        seg_end = starts[k + 1][1] if k + 1 < len(starts) else len(text)
        context = find_context(lines, text, pos, seg_end, title, i, stated if k == 0 else None,
                               page if k == 0 else None)
        seg_head = text[pos:pos + 3000]
        plan = plan_span(title) or (plan_span(seg_head[:600]) if context.doc_type == "规划纲要" else None)
        if context.year is None and plan is not None:
            context.year = plan[0]
            context.clues.append(Clue("year", str(plan[0]), title[:30], "plan"))
        year = context.year
        sections = _sections(text, pos, seg_end, year if context.doc_type == "政府工作报告" else None,
                             norm.table_lines, year if context.doc_type != "规划纲要" else None)
        layouts.append(Layout(pos, seg_end, title, context.doc_type, context.region, context.region_name,
                              year, plan, sections, part=context.part, context=context))
    return layouts
