"""A document's own context — its region, reference year, part of the year and type — found once.

Everything downstream dates and places numbers from this context, so a wrong year or region here
silently corrupts every series built on the document.  It is therefore read only from the places
a document states it (FACTS.md): a user's statement first, then the dateline of a report
(``——2019年3月4日在呼伦贝尔市海拉尔区第十五届人民代表大会…``), its title (``XX县2019年国民经济和
社会发展统计公报``, ``2019年前三季度全县经济运行情况``), the signature line (``海拉尔区人民政府区长``)
and the opening sentence (``2019年，全县…``).  Only the region may fall back to the one the text
names most; a year no such place states stays unknown rather than being taken from a stray year.

Each finding keeps its ``Clue``: the words that set it, so that ``extract`` can say why and a user
can correct what they see.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from planwatch.gazetteer import Region, load_gazetteer
from planwatch.lexicon import alternation, load_lexicon

#: Document types, as recognised from a title or the first lines (order matters: first wins).
_DOC_TYPES = [
    # a review of how a plan is carried out (its mid-term or final evaluation) reports results, not goals
    ("规划评估", re.compile(
        r"(?:规划|纲要)[^，。；\n]{0,12}?(?:中期评估|终期评估|总结评估|实施情况|执行情况|评估报告)")),
    ("规划纲要", re.compile(r"五年规划|规划纲要|远景目标纲要|发展规划")),
    ("政府工作报告", re.compile(r"政府工作报告")),
    ("统计公报", re.compile(r"统计公报")),
    ("经济数据", re.compile(r"经济数据|经济运行|经济简报|主要经济指标|统计数据|统计月报|经济形势")),
    ("新闻报道", re.compile(r"本报记者|记者|新华社|通讯员|日报|晚报|新闻")),
]
#: Stated types (``--type``, a manifest's ``type`` column) and the internal names they stand for.
TYPE_NAMES = {"report": "政府工作报告", "plan": "规划纲要", "evaluation": "规划评估", "bulletin": "统计公报",
              "release": "经济数据", "brief": "经济数据", "news": "新闻报道", "other": "other"}

#: ``——2019年3月4日在呼伦贝尔市海拉尔区第十五届人民代表大会第三次会议上``: date and body of a report.
_DATELINE = re.compile(
    r"(?P<date>(?:19|20)\d\d年\d{1,2}月(?:\d{1,2}日)?)[^\n]{0,6}?在(?P<who>[^\s，。；、]{2,30}?)"
    r"(?:第?[一二三四五六七八九十\d]+届)?\s?(?:人民代表大会|人大常委会|人大)"
)
_DATE = re.compile(r"((?:19|20)\d\d)年(\d{1,2})月")
#: ``海拉尔区人民政府区长  杜联合``: the government that signs the report.
_SIGNATURE = re.compile(r"(?P<who>[^\s，。；、]{2,24}?)人民政府(?:代理?)?(?:区长|市长|县长|省长|主席|旗长)")
#: ``来源：房县人民政府``, ``来源: XX市统计局``: the government or statistics office that published a page.
_PUBLISHER = re.compile(
    r"(?:来源|来源单位|发布机构|信息来源|发布单位)[:：]\s*(?P<who>[^\s，。；、:：]{2,16}?)"
    r"(?:人民政府(?:办公室|办公厅)?|统计局|政府办公室|政府办|发展和改革委员会|发改委|新闻网|融媒体中心|政府网)"
)
#: ``记者从旺苍县第十二次代表大会上获悉``, ``记者从安庆市统计局了解到``: the office or meeting a news item
#: reports from; the unit it names (in full) is the item's subject, whatever region its headline names.
_REPORTED_FROM = re.compile(r"记者[^，。；\n]{0,8}?从(?P<who>[^，。；\n]{2,30}?)(?:获悉|了解到|得知)")
#: A year as written ("2019年"); structure.py reads headings with it too.
YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)年")
#: A year that opens a sentence as its time ("2019年，全县…", "2019年前三季度，…", "2019年1—5月，…").
#: (A statistics office's opening words may come first: "据初步核算,2023年上半年…", lexicon ``accounting_leads``.)
_LEAD_YEAR = re.compile(
    r"(?:^|[。！\n>])[\s\u3000]*(?:[一二三四五六七八九十]+、)?(?:在)?"
    rf"(?:[\u4e00-\u9fff]{{0,12}}?(?:{alternation(load_lexicon()['accounting_leads'])})[，,]\s*)?((?:19|20)\d\d)年"
    r"(?=[，,]|全年|[上下前一二三四]|\d{1,2}[—\-－~至到]|\d{1,2}月(?!\d{1,2}日))"
)
#: The year a work report reviews, as its first estimate names it ("预计2012年全市生产总值…", "预计2007年，…").
_ESTIMATED_YEAR = re.compile(r"(?:初步)?预计((?:19|20)\d\d)年(?:全年)?(?![底末前内]|以来|将|要)")
#: A page saved with YAML front matter (Hexo, Jekyll, Hugo): ``---\ntitle: '…'\ndate: …\n---``.
_FRONT_MATTER = re.compile(r"\A\s*---\n(?P<body>(?:[^\n]*\n){1,40}?)---\n")
#: A date with its day, as a page's header prints the day it was issued.
_FULL_DATE = re.compile(
    r"(?<!\d)(?P<y>(?:19|20)\d\d)(?:年(?P<m1>\d{1,2})月(?P<d1>\d{1,2})日|(?P<sep>[-/.])(?P<m2>\d{1,2})(?P=sep)(?P<d2>\d{1,2})(?!\d))"
)
#: A page header's day written day first, with its time (``23.07.2014  23:04``, ``18.11.2015 14:44``): the
#: time after it tells it from a version number or a list of decimals.
_DMY_DATE = re.compile(r"(?<![\d.])(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>(?:19|20)\d\d)(?=[ \t\u3000]+\d{1,2}:\d\d)")
#: Sentence punctuation: a line holding it is prose, not a piece of a title.
_SENTENCE_MARK = re.compile(r"[。，；：！？,;:!?]")
_CJK_SPACED = re.compile(r"(?<=[\u4e00-\u9fff])[ \u3000]+(?=[\u4e00-\u9fff])")


@dataclass(frozen=True)
class Clue:
    """Why the context says what it says: the words that set one of its fields, and where."""

    field: str  # "region" | "year" | "part" | "type"
    value: str
    words: str
    source: str  # "stated" | "dateline" | "title" | "signature" | "lead" | "mentions" | "plan" | "file name" …

    def __str__(self) -> str:
        said = f"{self.source} “{self.words}”" if self.words else self.source
        return f"{self.field} {self.value} ({said})"


@dataclass
class StatedContext:
    """What a user states about a document (``--region``, ``--date``, ``--type``; a manifest row).

    ``date`` is the document's own date: ``2019`` names its reference year; ``2019-03`` is when it
    was issued, so a bulletin issued in March reports the year before, a report issued in December
    plans the next one.
    """

    region: str | None = None
    date: str | None = None
    doc_type: str | None = None
    title: str | None = None
    url: str | None = None

    def __post_init__(self) -> None:
        if self.date and not re.fullmatch(r"(?:19|20)\d\d(?:-(?:0?[1-9]|1[0-2])(?:-\d{1,2})?)?", self.date.strip()):
            raise ValueError(f"date {self.date!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
        if self.doc_type and self.doc_type not in TYPE_NAMES and self.doc_type not in TYPE_NAMES.values():
            raise ValueError(f"type {self.doc_type!r} is not one of {', '.join(TYPE_NAMES)}")
        if self.region and resolve_region(self.region) is None:
            raise ValueError(f"region {self.region!r} is not a known administrative unit")

    @property
    def empty(self) -> bool:
        return not (self.region or self.date or self.doc_type or self.title)

    def over(self, other: StatedContext | None) -> StatedContext:
        """This statement with the fields it leaves empty taken from ``other`` (a manifest row)."""
        if other is None:
            return self
        return StatedContext(self.region or other.region, self.date or other.date, self.doc_type or other.doc_type,
                             self.title or other.title, self.url or other.url)

    def as_dict(self) -> dict[str, str]:
        return {k: v for k, v in (("region", self.region), ("date", self.date), ("type", self.doc_type),
                                  ("title", self.title), ("url", self.url)) if v}


@dataclass
class DocContext:
    """A document's (or segment's) region, reference year, part of the year and type, with clues."""

    title: str
    doc_type: str
    region: Region | None
    region_name: str
    year: int | None
    part: str | None = None  # "Q1", "H1", "Q1-Q3", "M3", "M1-M5": a release for part of the year
    clues: list[Clue] = field(default_factory=list)
    issued: str | None = None  # when the document was issued (stated, or its page's front matter)


def resolve_region(name: str) -> Region | None:
    """A stated region name (海拉尔区, 锦州, 呼伦贝尔市海拉尔区) as a unit: the most specific one named."""
    found = _deepest(name.strip()) or load_gazetteer().resolve(name.strip())
    if found is None:
        candidates = load_gazetteer().candidates(name.strip())
        found = candidates[0] if len(candidates) == 1 else None  # 海拉尔: one unit has that short name
    return found


@cache
def _former_regions() -> dict[str, tuple[str, str]]:
    """Former unit names (``data/former_regions.csv``): name → (successor, its parent)."""
    import csv

    text = (Path(__file__).parent / "data" / "former_regions.csv").read_text(encoding="utf-8")
    rows = csv.DictReader(line for line in text.splitlines() if line and not line.startswith("#"))
    return {r["former"]: (r["successor"], r["parent"]) for r in rows}


def _former(text: str) -> tuple[Region, str] | None:
    """A unit ``text`` names by a name it no longer has (``2012年苍山县两会…``): the unit today, for
    its place in the hierarchy, and the name as written, which the document's facts carry."""
    gazetteer = load_gazetteer()
    for name, (successor, parent) in _former_regions().items():
        if name in text:
            region = gazetteer.resolve(successor, gazetteer.resolve(parent))
            if region is not None:
                return region, name
    return None


def _deepest(text: str) -> Region | None:
    """The most specific region ``text`` names: ``呼伦贝尔市海拉尔区`` is 海拉尔区, its city only qualifying it."""
    gazetteer = load_gazetteer()
    found = gazetteer.find_all(text)
    if not found:
        return None
    best: Region | None = None
    for _, _, region in found:
        if best is None or (gazetteer.contains(best, region) and best.code != region.code):
            best = region
    return best


@cache
def _report_opening() -> re.Pattern[str]:
    """How a work report opens (``我代表市人民政府，向大会报告工作``; lexicon ``report_openings``): a
    representative of the government, then the words for reporting to the congress, in one sentence."""
    words = "|".join(map(re.escape, load_lexicon()["report_openings"]))
    return re.compile(rf"我代表[^。；\n]{{0,20}}?(?:人民政府|政府)[^。；\n]{{0,4}}?(?:{words})")


def detect_doc_type(head: str) -> str:
    head = _CJK_SPACED.sub("", head)
    for name, pattern in _DOC_TYPES:
        if pattern.search(head):
            return name
    return "other"


@cache
def _parts_of_year() -> list[tuple[re.Pattern[str], str]]:
    """Phrases naming part of a year (lexicon ``parts_of_year``), longest first, as patterns."""
    parts = load_lexicon()["parts_of_year"]
    out: list[tuple[re.Pattern[str], str]] = []
    for code, phrases in parts["named"].items():
        for phrase in phrases:
            out.append((re.compile(re.escape(phrase)), code))
    out.sort(key=lambda p: -len(p[0].pattern))
    return out


_MONTH = r"(1[0-2]|[1-9]|一|二|三|四|五|六|七|八|九|十|十一|十二)"
_MONTHS = {name: n for n, name in enumerate("一 二 三 四 五 六 七 八 九 十 十一 十二".split(), start=1)}
#: "1—5月", "1-9月份", "1至11月", "前8个月": months from January; "3月份", "6月末": one month (a level at its end).
_MONTH_RANGE = re.compile(rf"(?:(?<!\d)1[—\-－~～至到]|(?<!提)前){_MONTH}(?:个)?月(?:份)?")
_ONE_MONTH = re.compile(rf"(?<![\d—\-－~～至到]){_MONTH}月(?:份|末|底)(?![\d、起开以至到])")


#: A month that ends a part releases name by quarter or half ("1—6月" is H1); 12 is the whole year.
_PART_ENDING = {3: "Q1", 6: "H1", 9: "Q1-Q3", 12: None}


def _month(text: str) -> int:
    return int(text) if text.isdigit() else _MONTHS[text]


def part_of_year(phrase: str) -> str | None:
    """The part of a year a time phrase names, as FACTS.md codes it: ``前三季度`` → ``Q1-Q3``.

    Months from January map onto quarters and halves where they coincide (``1—6月`` is ``H1``,
    ``1—3月`` is ``Q1``), since releases use both for the same period.  ``12月末`` and ``1—12月``
    are the whole year (``None``).
    """
    for pattern, code in _parts_of_year():
        if pattern.search(phrase):
            return code
    m = _MONTH_RANGE.search(phrase)
    if m:
        last = _month(m.group(1))
        return _PART_ENDING.get(last, f"M1-M{last}")
    m = _ONE_MONTH.search(phrase)
    if m:
        month = _month(m.group(1))
        if m.group(0).endswith(("末", "底")):
            return _PART_ENDING.get(month, f"M1-M{month}")
        return f"M{month}"
    return None


@cache
def _time_marker() -> re.Pattern[str]:
    """A phrase that sets the time of what follows: a part of a year, or the whole year again."""
    named = sorted((phrase for phrases in load_lexicon()["parts_of_year"]["named"].values() for phrase in phrases),
                   key=len, reverse=True)
    part = "|".join([*map(re.escape, named), _MONTH_RANGE.pattern, _ONE_MONTH.pattern])
    whole = r"全年|年末|年底|(?:19|20)\d\d年(?![\d前上下一二三四第])"
    return re.compile(rf"(?:(?P<year>(?:19|20)\d\d)年)?(?P<part>{part})|(?P<whole>{whole})")


@cache
def _base_marker() -> re.Pattern[str]:
    return re.compile(rf"(?:{_time_marker().pattern})的$")


#: The base of a comparison ("比2019年1—7月增长", "较一季度提高", "高于深圳今年第一季度的"): it dates
#: nothing but the value right after it (a part touching a change in points with its 较 left out:
#: ``_bare_base``).
_BASE_PART = r"(?:前三季度|[上下]半年|第?[一二三四1-4]季度|1[—\-－~～至到]\d{1,2}月份?|\d{1,2}月份?(?:末|底)?)"
_COMPARED = re.compile(
    rf"(?:比|较|相比|对比|与|同比|是)(?:上年|去年|(?:19|20)\d\d年)?(?:同期)?{_BASE_PART}?"
    rf"|[高低快慢]于[\u4e00-\u9fff]{{0,6}}?(?:上年|去年|今年|(?:19|20)\d\d年)?{_BASE_PART}"
)


@cache
def _bare_base() -> re.Pattern[str]:
    """A part of a year touching a change in points, its 比/较 left out (``同比增长22.6%,1-4月提高5.0个百分点``).

    Why: a change in percentage points is always against some base, so the part of the year right before
    its verb is that base, and it must not become the time of the sentences after it (``其中,项目投资…``).
    A growth in % after a part (``1-4月下降5.0%``) may be that part's own and is left alone (``prose``
    passes a change in points with its own text, so that the change itself is dated by the part before).
    """
    cues = load_lexicon()["measure_cues"]
    verbs = sorted({*cues["growth_up"], *cues["growth_down"], *cues["narrowing"],
                    *load_lexicon()["parts_of_year"]["change_verbs"]}, key=len, reverse=True)
    return re.compile(rf"{_BASE_PART}(?=(?:{'|'.join(map(re.escape, verbs))})[\d.]+个?百分点)")


def reported_part(words: str) -> str | None:
    """The part of a year a title or lead says a document reports: ``part_of_year`` of its words once the
    bases of comparison are set aside.  ``全县经济较上半年增幅回落明显`` in a bulletin's opening compares the
    year with its first half; the bulletin reports no half (a year's figures filed under 2017H1 otherwise).
    """
    return part_of_year(_COMPARED.sub(lambda m: "#" * len(m.group()), words))


#: ``part_in_effect``'s code for 当月/本月: the last month of the part of the year in force.
CURRENT_MONTH = "M"


def last_month_of(part: str) -> int:
    """The last month a part of a year covers: ``Q1-Q3`` → 9, ``M1-M5`` → 5, ``H1`` → 6."""
    return _last_month(part)


def part_in_effect(text: str) -> tuple[int | None, str] | None:
    """The part of a year the last time phrase of ``text`` names, with its year if written.

    ``text`` is what precedes a number in its paragraph; ``前三季度，…`` makes what follows
    ``Q1-Q3``, until ``全年`` or a year turns back to the whole year.  The base of a comparison
    (``比2019年1—7月``) is no time phrase.
    """
    if "季" not in text and "月" not in text and "半年" not in text:
        return None  # (most numbers: no part of a year named before them)
    base = _base_marker().search(text)
    if base and base.group("part"):
        part = part_of_year(base.group("part"))  # "高于今年第一季度的2%": the value of that quarter
        return ((int(base.group("year")) if base.group("year") else None), part) if part else None
    masked = _bare_base().sub(lambda m: "#" * len(m.group()), _COMPARED.sub(lambda m: "#" * len(m.group()), text))
    markers = list(_time_marker().finditer(masked))
    last = markers[-1] if markers else None
    this_month = max(text.rfind("当月"), text.rfind("本月"))
    if this_month >= 0 and (last is None or this_month > last.start()):
        return None, CURRENT_MONTH  # "当月进出口…": the last month of the period the text reports
    if last is None or last.group("whole"):
        return None
    part = part_of_year(last.group("part"))
    if part is None:
        return None
    return (int(last.group("year")) if last.group("year") else None), part


@cache
def _reviewed_year() -> re.Pattern[str]:
    """The year a work report reviews, as its review names it: ``回顾了2018年工作``, ``2018年工作回顾``
    (lexicon ``review_verbs``)."""
    verbs = "|".join(map(re.escape, load_lexicon()["review_verbs"]))
    return re.compile(rf"(?:{verbs})了?\s*((?:19|20)\d\d)年的?(?:政府)?工作|((?:19|20)\d\d)年(?:政府)?工作(?:{verbs})")


def find_context(
    lines: list[tuple[int, str]],
    text: str,
    start: int,
    end: int,
    title: str,
    title_index: int = 0,
    stated: StatedContext | None = None,
    page: dict[str, str] | None = None,
) -> DocContext:
    """The context of the text ``text[start:end]`` whose title line is ``lines[title_index]``.

    ``page``: the ``title`` and ``date`` (``YYYY-MM-DD``) the file's own metadata states (a web
    page's, a saved page's front matter), weaker than the text's dateline but stronger than a guess;
    and its ``file`` path, whose name is read only where the text is silent (``file_name_context``).
    """
    clues: list[Clue] = []
    page = page or {}
    named = file_name_context(page.get("file", ""))
    if page.get("title"):
        title = page["title"]
    elif detect_doc_type(title) == "other":
        # a saved page or a cover may come first: the title is the first short line naming a type
        window = [line.strip() for _, line in lines[title_index:title_index + 15]]
        at = next((k for k, line in enumerate(window)
                   if 4 <= len(line) <= 60 and detect_doc_type(line) not in ("other", "新闻报道")), None)
        if at is not None:
            # a title broken over lines ("泉州市鲤城区国民经济和社会发展" / "第十三个五年规划纲要"): the
            # short unpunctuated lines right above the line naming the type are its beginning
            first = at
            while first > 0 and 0 < len(window[first - 1]) <= 30 and not _SENTENCE_MARK.search(window[first - 1]):
                first -= 1
            title = "".join(window[first:at + 1])
    title = _title_proper(title)
    # the header: a saved portal page may put a menu and a source line before the dateline
    head = "\n".join(line for _, line in lines[title_index:title_index + 40] if line.strip())[:1500]
    seg_text = text[start:end]

    # -- type ---------------------------------------------------------------------------------
    doc_type = None
    if stated and stated.doc_type:
        doc_type = TYPE_NAMES.get(stated.doc_type, stated.doc_type)
        clues.append(Clue("type", doc_type, stated.doc_type, "stated"))
    elif _DATELINE.search(head) and detect_doc_type(title) in ("other", "政府工作报告"):
        # "——2017年2月11日在海拉尔区第十四届人民代表大会第六次会议上": a report to the congress
        doc_type = "政府工作报告"
        clues.append(Clue("type", doc_type, _DATELINE.search(head).group(0), "dateline"))  # type: ignore[union-attr]
    else:
        # "各位代表：现在，我代表市人民政府，向大会报告工作": a report to the congress, whatever its copy is titled;
        # its opening says more than a type's word somewhere in its first pages ("经济运行")
        opening = _report_opening().search(seg_text[:1500])
        for words, source in ((title, "title"), (head[:400], "header"), ("", "opening"), (seg_text[:3000], "text")):
            kind = ("政府工作报告" if opening else "other") if source == "opening" else detect_doc_type(words)
            if kind != "other":
                doc_type = kind
                said = opening.group(0) if source == "opening" and opening else ""
                clues.append(Clue("type", kind, title.strip()[:30] if source == "title" else said, source))
                break
    doc_type = doc_type or "other"

    # -- region -------------------------------------------------------------------------------
    region: Region | None = None
    former_name = ""  # the name a renamed unit had when the document was written
    dateline = _DATELINE.search(head)
    if stated and stated.region:
        region = resolve_region(stated.region)
        clues.append(Clue("region", region.name if region else stated.region, stated.region, "stated"))
    else:
        signature = _SIGNATURE.search(head)
        publisher = _PUBLISHER.search(head[:400])
        reported = _REPORTED_FROM.search(head[:600])
        for match, source in ((dateline, "dateline"), (reported, "reported from"), (_title_match(title), "title"),
                              (signature, "signature"), (publisher, "source line")):
            if match is None:
                continue
            who = match.group("who") if source != "title" else match
            found = _deepest(_CJK_SPACED.sub("", who))
            if source == "reported from":
                if found is None:
                    continue  # "记者从省统计局获悉", "从国家统计局": no unit named in full
            elif found is None and source == "title":
                found = _title_subject(who)
            elif found is None:
                # the congress, the government or the office is the unit's own: its whole name stands
                # there, however common (义县, 交城县, 城厢区 need a city beside them in prose)
                whole = _CJK_SPACED.sub("", who)
                exact = resolve_region(whole)
                found = exact if exact is not None and exact.name == whole else None
                if found is None and source == "source line":
                    found = load_gazetteer().unique_short(whole)  # "来源:崇阳新闻网": the county's own site
            former = _former(_CJK_SPACED.sub("", who)) if found is None else None
            if former is not None:
                found, former_name = former
            if found is not None:
                region = found
                clues.append(Clue("region", former_name or found.name, who, source))
                break
        former = _former(_CJK_SPACED.sub("", head[:600])) if region is None else None
        if former is not None:  # "2012年苍山县两会《政府工作报告》" under a news site's furniture
            region, former_name = former
            clues.append(Clue("region", former_name, former_name, "former name"))
        whole = _short_whole(seg_text[:_LEAD_CHARS]) if region is None else None
        if whole is not None:  # "上半年,缙云全县上下…": the unit the text opens on, as its own
            region = whole[0]
            clues.append(Clue("region", region.name, whole[1], "lead"))
        if region is None and named.region is not None:
            region = named.region
            clues.append(Clue("region", region.name, named.region_from, "file name"))
        if region is None:
            own = _own_unit(seg_text)
            region = _main_region(seg_text[:2000], own) or _main_region(seg_text, own)
            if region is not None:
                clues.append(Clue("region", region.name, "", "mentions"))

    # -- year and part of the year ------------------------------------------------------------
    year: int | None = None
    part: str | None = None
    title_flat = _CJK_SPACED.sub("", title)
    if stated and stated.date:
        pieces = stated.date.strip().split("-")
        # YYYY names the year reported; YYYY-MM(-DD) is when it was issued, and a title naming the
        # year it reports ("长顺县2019年国民经济和社会发展统计公报", issued 2020-07) says more
        titled = _title_years(title_flat, doc_type) if len(pieces) > 1 else []
        if doc_type == "政府工作报告" and dateline is not None:
            # a report's title may name the year it reviews ("泉州人民政府2011年工作报告" delivered
            # "2012年1月5日在泉州市第十五届人民代表大会…"): the day it was delivered dates it
            titled = []
        if titled:
            year = int(titled[0])
            clues.append(Clue("year", str(year), title.strip()[:30], "title"))
        else:
            year = int(pieces[0]) if len(pieces) == 1 else _year_of_issue(stated.date.strip(), doc_type, None)
            clues.append(Clue("year", str(year), stated.date, "stated"))
    if doc_type in ("统计公报", "经济数据", "新闻报道", "other"):
        for words, source in ((title_flat, "title"), (_lead_sentence(seg_text), "lead")):
            part = reported_part(words)
            if part:
                clues.append(Clue("part", part, words[:30], source))
                break
        if part is None and doc_type in ("经济数据", "新闻报道"):
            opened = opening_part(seg_text)
            if opened:
                part, words = opened
                clues.append(Clue("part", part, words, "openings"))
    if year is None and dateline is not None and doc_type in ("政府工作报告", "other", "规划纲要", "规划评估"):
        y, m = (int(g) for g in _DATE.match(dateline.group("date")).groups())  # type: ignore[union-attr]
        # a report delivered in December plans the next year; an evaluation reports on the years before
        year = y + 1 if m >= 11 and doc_type != "规划评估" else y
        clues.append(Clue("year", str(year), dateline.group("date"), "dateline"))
    if year is None and doc_type == "政府工作报告":
        # "报告中，刘忻首先回顾了2018年工作", "一、2018年工作回顾": a work report reviews the year before the
        # one it is delivered in and plans (news of it may title the year reviewed: "2018年长春…受到表扬")
        reviewed = _reviewed_year().search(seg_text[:4000])
        if reviewed:
            year = int(reviewed.group(1) or reviewed.group(2)) + 1
            clues.append(Clue("year", str(year), reviewed.group(), "review"))
    if year is None:
        years = _title_years(title_flat, doc_type)
        if years:
            year = int(years[0])
            clues.append(Clue("year", str(year), title.strip()[:30], "title"))
    if year is None and doc_type == "政府工作报告":
        month = _header_month(head)
        if month:
            y, m, words = month
            year = y + 1 if m >= 11 else y
            clues.append(Clue("year", str(year), words, "header"))
    if year is None and doc_type == "政府工作报告":
        # "预计2012年全市生产总值完成3440亿元左右": a report is written before the year it reviews is closed
        # and delivered in the next one, which it plans ("预计到2015年" is a goal, no year reviewed)
        estimated = _ESTIMATED_YEAR.search(seg_text[:4000])
        if estimated:
            year = int(estimated.group(1)) + 1
            clues.append(Clue("year", str(year), estimated.group(0), "estimate"))
    if year is None:
        lead = _LEAD_YEAR.search(seg_text[:1500])
        if lead:
            year = int(lead.group(1))
            clues.append(Clue("year", str(year), seg_text[lead.start(1):lead.end(1) + 8].strip(), "lead"))
    if year is None and doc_type in ("统计公报", "经济数据"):
        # a bulletin or release names the year it reports only in a date line: issued in the
        # first half of a year, it reports the year before (a release for part of a year, its own)
        date = _DATE.search(seg_text[:400]) or _DATE.search(seg_text[-300:])
        if date:
            y, m = int(date.group(1)), int(date.group(2))
            year = y - 1 if doc_type == "统计公报" and m <= 6 else y
            clues.append(Clue("year", str(year), date.group(0), "release date"))
    if year is None and doc_type in ("新闻报道", "经济数据", "other"):
        # a news page's or a release's header carries the day it was issued ("王菲菲 2022年07月03日09:22",
        # "2021-04-21 中国发展网"): the year of what it reports follows from that day and its part of the year
        issued_on = _issue_date(head[:300])
        if issued_on:
            year = _year_of_issue(issued_on[0], doc_type, part)
            clues.append(Clue("year", str(year), issued_on[1], "header date"))
    if year is None and page.get("date"):
        year = _year_of_issue(page["date"], doc_type, part)
        clues.append(Clue("year", str(year), page["date"], "front matter"))
    if named.year is not None and doc_type not in ("规划纲要", "规划评估"):
        # a plan's file names the year it was issued, not the first year it plans
        if part is None and named.part and doc_type in ("统计公报", "经济数据", "新闻报道", "other"):
            part = named.part
            clues.append(Clue("part", part, named.part_from, "file name"))
        if year is None:
            year = named.year
            clues.append(Clue("year", str(year), named.year_from, "file name"))
    issued = (stated.date if stated and stated.date else None) or page.get("date")
    if year is not None and issued and doc_type in ("新闻报道", "other") and not part:
        # news of January–March about last year's figures ("2021年，山东生产总值…" in an item of
        # 2022-01): the year its sentences open with, when that is the year before the issue
        leads = Counter(int(y) for y in _LEAD_YEAR.findall(seg_text))
        month = int(issued.split("-")[1]) if issued.count("-") else 12
        if month <= 3 and leads.get(year - 1, 0) >= 2 and not leads.get(year, 0):
            year -= 1
            clues.append(Clue("year", str(year), f"{year}年", "lead"))

    name = former_name or (region.name if region else "")
    return DocContext(title, doc_type, region, name, year, part, clues, issued)


#: A year in a file name, standing alone (``2026_上海市_政府工作报告``, ``hailaer_2012``,
#: ``hebei_2024m1m8_news``) and not inside a hash or a longer number (``6cc6ed5f7fc9b850``).
_FILE_YEAR = re.compile(
    r"(?<![0-9A-Za-z])(?P<year>(?:19|20)\d\d)(?:年度?)?"
    r"(?P<part>[qQ][1-4](?:-?[qQ][1-4])?|[hH][12]|[mM]\d{1,2}(?:-?[mM]\d{1,2})?)?(?![0-9A-Za-z])"
)


#: A word in Latin letters long enough to be a place's name in Pinyin (``hailaer``, ``hebei``).
_LATIN_WORD = re.compile(r"[A-Za-z]{4,}")


@dataclass(frozen=True)
class FileNamed:
    """What a file's name says of its document: users name files ``2019_海拉尔区_政府工作报告.txt`` or
    ``jiangxi_2014h1.txt``, and keep them in folders by place or year (``hailaer/``, ``provinces-2026/``).
    Weaker than anything the text states, so it is read only where the text is silent, and each field
    keeps the name it came from, so that a user sees where a year came from."""

    region: Region | None = None
    year: int | None = None
    part: str | None = None
    region_from: str = ""
    year_from: str = ""
    part_from: str = ""


def file_name_context(name: str) -> FileNamed:
    """The region, year and part of the year a file's name states, and failing that its folder's (region
    and year only): one year only (a name with two is a span or a comparison), FACTS.md's codes for a
    part of a year (``2018Q1-Q3``, ``2022m1m10``) or its words (``前三季度``), and a region by its full
    name (``_deepest``) or in Pinyin."""
    path = Path(name) if name and name not in ("-", "<stdin>") else None
    if path is None or not path.stem:
        return FileNamed()
    region, year, part = _named_in(path.stem, with_part=True)
    region_from, year_from, part_from = (path.name if region else ""), (path.name if year else ""), (
        path.name if part else "")
    folder = path.parent.name
    if folder and (region is None or year is None):
        up_region, up_year, _ = _named_in(folder, with_part=False)
        if region is None and up_region is not None:
            region, region_from = up_region, folder + "/"
        if year is None and up_year is not None:
            year, year_from = up_year, folder + "/"
    return FileNamed(region, year, part, region_from, year_from, part_from)


def _named_in(stem: str, *, with_part: bool) -> tuple[Region | None, int | None, str | None]:
    years = list(_FILE_YEAR.finditer(stem))
    year = int(years[0].group("year")) if len({m.group("year") for m in years}) == 1 else None
    part = None
    if with_part:
        code = next((m.group("part") for m in years if m.group("part")), None)
        part = _file_part(code) if code else reported_part(stem)
    region = _deepest(_CJK_SPACED.sub("", stem.replace("_", " ")))
    if region is None:  # hailaer_2012.txt, yueyang_county_13th_plan.txt: a place in Pinyin
        gazetteer, kinds = load_gazetteer(), load_lexicon()["file_name_units"]
        words = _LATIN_WORD.findall(stem)
        for word, after in zip(words, [*words[1:], ""], strict=False):
            region = gazetteer.romanised(word, tuple(kinds.get(after.lower(), ())))
            if region is not None:
                break
    return region, year, part


def _file_part(code: str) -> str | None:
    """FACTS.md's part of a year from a file name's code: ``q1q3`` → ``Q1-Q3``, ``m1m6`` → ``H1``."""
    kind, numbers = code[0].upper(), [int(n) for n in re.findall(r"\d+", code)]
    if kind == "H":
        return f"H{numbers[0]}"
    if kind == "Q":
        return f"Q{numbers[0]}" if len(numbers) == 1 else (f"Q1-Q{numbers[1]}" if numbers[0] == 1 else None)
    if any(not 1 <= n <= 12 for n in numbers):
        return None
    if len(numbers) == 1:
        return f"M{numbers[0]}"
    return _PART_ENDING.get(numbers[1], f"M1-M{numbers[1]}") if numbers[0] == 1 else None


def front_matter(text: str) -> dict[str, str]:
    """The ``title`` and ``date`` a page's front matter states (``date`` as ``YYYY-MM-DD``), if any."""
    m = _FRONT_MATTER.match(text)
    if not m:
        return {}
    out: dict[str, str] = {}
    for line in m.group("body").splitlines():
        key, sep, value = line.partition(":")
        value = value.strip().strip("'\"")
        if not sep or key.strip() not in ("title", "date") or not value:
            continue
        if key.strip() == "date":
            value = _iso_date(value) or ""
        if value:
            out[key.strip()] = value
    return out


def _iso_date(value: str) -> str | None:
    from datetime import datetime
    from email.utils import parsedate_to_datetime

    for parse in (lambda v: datetime.fromisoformat(v.replace("Z", "+00:00")), parsedate_to_datetime):
        try:
            return parse(value).date().isoformat()
        except (TypeError, ValueError, IndexError):
            continue
    return None


def _year_of_issue(date: str, doc_type: str, part: str | None) -> int:
    """The year a document issued on ``date`` (``YYYY-MM-DD``) reports: a release on the first two
    months issued in March is that year's; one on 1—12月 or an annual bulletin is the year before's."""
    year, month = (int(p) for p in date.split("-")[:2])
    last = _last_month(part) if part else None
    if last is not None:
        return year - 1 if last >= month else year
    if doc_type == "统计公报":
        return year - 1  # an annual bulletin reports a finished year, however late it is issued
    if doc_type in ("政府工作报告", "规划纲要") and month >= 11:
        return year + 1
    return year


def _last_month(part: str) -> int:
    m = re.search(r"(\d+)$", part)
    if part.startswith("M") and m:
        return int(m.group(1))
    return {"Q1": 3, "Q2": 6, "H1": 6, "Q3": 9, "Q1-Q3": 9, "Q4": 12, "H2": 12}.get(part, 12)


def _header_month(head: str) -> tuple[int, int, str] | None:
    """The first year and month a header names (``2020年1月8日``, or ``2021-01-12 08:30 来源：宜宾日报``)."""
    date = _DATE.search(head)
    if date:
        return int(date.group(1)), int(date.group(2)), date.group(0)
    issued_on = _issue_date(head[:300])
    if issued_on:
        return int(issued_on[0][:4]), int(issued_on[0][5:7]), issued_on[1]
    return None


def _issue_date(head: str) -> tuple[str, str] | None:
    """The first whole date (day included) of a page's header, as ``YYYY-MM-DD`` and as written.

    Only a date with its day: ``2019年1月`` opening a sentence is the start of a period
    (``2019年1月至10月``), not the day a page was issued.
    """
    m = _FULL_DATE.search(head)
    dmy = _DMY_DATE.search(head)
    if dmy is not None and (m is None or dmy.start() < m.start()):
        year, month, day = int(dmy.group("y")), int(dmy.group("m")), int(dmy.group("d"))
        if not (1 <= month <= 12 and 1 <= day <= 31):
            return None
        return f"{year:04d}-{month:02d}-{day:02d}", dmy.group(0)
    if m is None:
        return None
    year, month, day = int(m.group("y")), int(m.group("m1") or m.group("m2")), int(m.group("d1") or m.group("d2"))
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}", m.group(0)


#: Where a title stops on a line that runs on: its dateline's dash, or the first sentence mark.
_TITLE_END = re.compile(r"\s*——|[。，：；！？,:;!?]")
#: No title is longer (a window line naming a type is taken for the title up to this length too).
_TITLE_MAX = 60


def _title_proper(title: str) -> str:
    """The title alone, when its line runs on into the dateline and the text.

    A copy flattened onto one line (a forum's: ``2019年新县政府工作报告 ——2019年2月16日在县十四届人大
    三次会议上 新县人民政府县长 夏明夫 各位代表: …获评河南省旅游扶贫示范县…``) has its whole text on the
    title line; read as the title, any unit the text names (河南省) would be the document's.  A line
    longer than a title is cut at its dateline's dash or first sentence mark, when what comes before
    names a kind of document; a long first line of prose (``今年以来,全县…``) stays as it is.
    """
    if len(title.strip()) <= _TITLE_MAX:
        return title
    m = _TITLE_END.search(title)
    head = title[:m.start()] if m else title
    return head if m and 4 <= len(head.strip()) <= _TITLE_MAX and detect_doc_type(head) != "other" else title


#: A unit's short name right before the word for the whole of it: ``缙云全县上下``, ``万源全市地区生产总值``.
_SHORT_WHOLE = re.compile(r"(?P<short>[\u4e00-\u9fff]{2,4})全(?P<kind>[县区市旗])")
#: How far into a text its opening runs: where a unit it calls its own whole is the text's subject.
_LEAD_CHARS = 300


def _short_whole(lead: str) -> tuple[Region, str] | None:
    """The unit a text's opening names by its short name and the word for its whole (``缙云全县``).

    A county's release or news item may name its county only so (``上半年,缙云全县上下深入学习…``),
    a county's short name being too common in prose to be read alone (module ``gazetteer``); with
    ``全县`` after it the name and the kind make one full name, read when exactly one unit has it.
    """
    gazetteer = load_gazetteer()
    for m in _SHORT_WHOLE.finditer(lead):
        words = m.group("short")
        for k in range(len(words), 1, -1):  # the longest name first: 石家庄全市, 年缙云全县 → 缙云
            name = words[-k:] + m.group("kind")
            found = [r for r in gazetteer.candidates(name) if r.name == name]
            if len(found) == 1:
                return found[0], words[-k:] + "全" + m.group("kind")
    return None


def _title_subject(title: str) -> Region | None:
    """The unit a document title is about when its name is one too common to trust in running text.

    ``2019年交城县国民经济和社会发展统计公报``: a county-level name ending in ``城县`` or ``城区``, or of
    two characters, is found in prose only with its city beside it (``沿海城市`` holds 海城市); in a
    title, right after the year or at the start and right before the words a title names its
    subject with (lexicon ``document_titles.subject_words``), it is the document's unit.
    """
    m = _title_subject_pattern().match(_CJK_SPACED.sub("", title.strip().lstrip("#").strip()))
    if m is None:
        return None
    region = resolve_region(m.group("name"))
    return region if region is not None and region.name == m.group("name") else None


@cache
def _title_subject_pattern() -> re.Pattern[str]:
    words = load_lexicon()["document_titles"]["subject_words"]
    year = r"(?:(?:19|20)\d\d年度?)"
    # "2022年前三季度城厢区…", "【2022年1-5月】…": the year and part of the year a release names first
    part = r"(?:[一二三四]季度|[上下]半年|前三季度|(?:1[—\-－~至])?\d{1,2}月份?)"
    lead = rf"(?:关于)?[【\[（(]?{year}?{part}?[】\]）)]?"
    return re.compile(
        rf"{lead}(?P<name>[\u4e00-\u9fff]{{2,10}}?){year}?{part}?(?:{'|'.join(map(re.escape, words))})"
    )


#: ``2015年国民经济和社会发展计划执行情况与2016年国民经济和社会发展计划草案的报告``: a report on how one
#: year's plan went and on the next year's plan; the year after 与 is the one it plans.
_PLAN_EXECUTION = re.compile(r"执行情况(?:与|和|及)((?:19|20)\d\d)年")


def _title_years(title_flat: str, doc_type: str) -> list[str]:
    """The years a title names, the one it is about first.  Read as a work report (a report to the
    congress plans a year and reviews the one before), a plan-execution report is about the year it
    plans, not the year it reviews, which its title names first."""
    years = YEAR.findall(title_flat)
    planned = _PLAN_EXECUTION.search(title_flat) if doc_type == "政府工作报告" else None
    return [planned.group(1), *years] if planned else years


def _title_match(title: str) -> str | None:
    """The title as the region clues read it (spaces between characters and a Markdown ``#`` dropped)."""
    return _CJK_SPACED.sub("", title.strip().lstrip("#").strip()) or None


#: Where a sentence opens: the text's start, after a full stop or semicolon, or a new line.
_SENTENCE_OPENING = re.compile(r"(?:^|(?<=[。！；\n]))[\s\u3000]*")


def opening_part(text: str) -> tuple[str, str] | None:
    """The part of a year a release reports when neither its title nor its lead names it.

    A statistics office's analysis may be titled ``大庆市经济运行开局良好`` and open on ``年初以来``,
    and yet every figure paragraph opens on the same period (``一季度全市实现地区生产总值…``,
    ``一季度末，全市生猪出栏…``).  That period is the document's, so the figures of sentences that
    do not repeat it (``其中，一产实现增加值…``) are of that part of the year too.  Only a part
    that opens two or more sentences and is the only one opening any counts: a release that
    opens paragraphs on ``8月份`` and ``1—8月份`` alike leaves the part to each sentence.
    """
    marker = _time_marker()
    found: dict[str, str] = {}
    count = 0
    for opening in _SENTENCE_OPENING.finditer(text):
        m = marker.match(text, opening.end())
        if m is None or not m.group("part"):
            continue
        part = part_of_year(m.group("part"))
        if part is None:
            continue
        found.setdefault(part, m.group(0))
        count += 1
    if len(found) == 1 and count >= 2:
        part, words = next(iter(found.items()))
        return part, words
    return None


def _lead_sentence(text: str) -> str:
    body = text.lstrip()
    for line in body.splitlines()[:6]:
        if len(line.strip()) > 20:
            return re.split(r"[，。]", line.strip(), maxsplit=1)[0]
    return ""


#: How a text speaks of its own unit (全县, 我县, 县委, 县政府 …): the suffix that unit's name ends with.
#: (not a ranking within the unit above: a county's "增速全市第一")
_OWN_UNIT = re.compile(
    r"(?:全|我|本)(省|市|县|区|旗|盟|州)(?![第前首]|排名|领先)|(省|市|县|区|旗|盟|州)(?:委|政府|人大|政协)")


def _own_unit(text: str) -> str | None:
    """The kind of unit a text calls its own, when one kind clearly dominates (``全县``, ``我县``, ``县委``).

    A news item that never names its county (``本报讯…前三季度，全县…``) may name others in passing
    (``位居郧阳区、丹江口市、茅箭区之后``): a unit found only by mentions must be of the kind the text
    says it is about.
    """
    counts = Counter(a or b for a, b in _OWN_UNIT.findall(text[:4000]))
    if not counts:
        return None
    (kind, n), *rest = counts.most_common(2)
    return kind if n >= 2 and (not rest or n >= 2 * rest[0][1]) else None


def _main_region(text: str, own: str | None = None) -> Region | None:
    """The region a text is most about: the most mentioned one, preferring the earlier on ties.

    A unit written with its parent (``呼伦贝尔市海拉尔区``) counts as itself, not the parent.  With
    ``own`` (``_own_unit``), only units whose name ends with it count, a unit of another kind counting
    for the unit above it that is of that kind.
    """
    gazetteer = load_gazetteer()
    found = gazetteer.find_all(text)
    if not found:
        return None
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    by_code: dict[str, Region] = {}
    lex = load_lexicon()["region_subjects"]
    for i, (start, end, region) in enumerate(found):
        following = found[i + 1] if i + 1 < len(found) else None
        if following is not None and following[0] == end and gazetteer.contains(region, following[2]):
            continue  # the parent qualifying its child
        if text.endswith(tuple(lex["compared_before"]), 0, start) or text.startswith(tuple(lex["compared_after"]), end):
            continue  # "与比拼对象保康县比": what the text's own unit is measured against
        if own is not None and not region.name.endswith(own):
            # (全区: a district or an autonomous region, 广西壮族自治区, alike) a unit of another kind
            # stands for the unit above it that is of the text's kind (爱辉区 in news of 全市: 黑河市)
            above = next((p for p in gazetteer.parents(region) if p.name.endswith(own)), None)
            if above is None:
                continue
            region = above
        counts[region.code] += 1
        first.setdefault(region.code, start)
        by_code[region.code] = region
    if not counts:
        return None
    code = max(counts, key=lambda c: (counts[c], -first[c]))
    return by_code[code]


#: The name of a folder's manifest, found beside the files it describes (or in a folder above).
MANIFEST_NAME = "manifest.csv"
_MANIFEST_COLUMNS = ("path", "region", "date", "type", "title", "url")


class Manifest:
    """What a CSV (``path,region,date,type,title,url``) states about the files of a folder.

    Paths are relative to the manifest's folder.  A row that cannot be used (an unknown region,
    a malformed date) is an error naming the row, so a user never ingests a folder under a
    statement that was silently dropped.
    """

    def __init__(self, path: Path) -> None:
        import csv

        self.path = path
        self.root = path.parent.resolve()
        self.rows: dict[Path, StatedContext] = {}
        try:
            with path.open(encoding="utf-8-sig", newline="") as f:
                reader = csv.DictReader(f)
                if reader.fieldnames is None or "path" not in reader.fieldnames:
                    raise ValueError(f"manifest {path} has no 'path' column (columns: {', '.join(_MANIFEST_COLUMNS)})")
                for n, row in enumerate(reader, start=2):
                    try:
                        stated = StatedContext(
                            region=(row.get("region") or "").strip() or None,
                            date=(row.get("date") or "").strip() or None,
                            doc_type=(row.get("type") or "").strip() or None,
                            title=(row.get("title") or "").strip() or None,
                            url=(row.get("url") or "").strip() or None,
                        )
                    except ValueError as e:
                        raise ValueError(f"manifest {path}, line {n}: {e}") from None
                    self.rows[(self.root / (row.get("path") or "").strip()).resolve()] = stated
        except UnicodeDecodeError:
            raise ValueError(f"manifest {path} is not UTF-8 text") from None
        except csv.Error as e:
            raise ValueError(f"manifest {path} is not a readable CSV file: {e}") from None

    def get(self, file: Path) -> StatedContext | None:
        return self.rows.get(Path(file).resolve())


def find_manifest(file: Path, levels: int = 3) -> Manifest | None:
    """The manifest of the folder holding ``file`` or of one of its ``levels`` parents, if any."""
    folder = Path(file).resolve().parent
    for _ in range(levels + 1):
        candidate = folder / MANIFEST_NAME
        if candidate.is_file():
            return Manifest(candidate)
        if folder.parent == folder:
            break
        folder = folder.parent
    return None


def context_finder(stated: StatedContext | None, manifest: Path | None = None,
                   discover: bool = True) -> Callable[[Path], StatedContext | None]:
    """For each file, what is stated about it: the command line's statement over its manifest row.

    ``manifest``: a manifest named by the user; else, with ``discover``, the ``manifest.csv`` of the
    file's folder or a folder above (``find_manifest``).  Raises ``ValueError`` on a bad manifest.
    """
    named = Manifest(manifest) if manifest is not None else None
    found: dict[Path, Manifest | None] = {}

    def context_for(file: Path) -> StatedContext | None:
        book = named
        if book is None and discover:
            folder = Path(file).resolve().parent
            if folder not in found:
                found[folder] = find_manifest(file)
            book = found[folder]
        row = book.get(file) if book is not None else None
        if stated is None or stated.empty:
            return row
        return stated.over(row)

    return context_for
