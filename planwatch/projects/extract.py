"""Find project mentions in a document: names, stages, investments, capacities, lists.

The extractor reads the normalised text (``planwatch.normalize``: spaces and PDF line breaks
removed, offsets mapped back) clause by clause — a clause ends at ``，；：。`` outside brackets
and quotes — and recognises a few general shapes of statement:

* **list**: ``A、B等5个项目竣工``, ``开工建设A、B等项目``, ``加快A、B等在建项目建设进程`` — each
  item is a mention with the list's stage; the count is a ``ProjectCount`` (a list of
  intangible-heritage items, research topics or enterprises is not a project list);
* **stage**: ``<name>(项目)主体封顶``, ``<name>明年9月竣工``, ``<name>建成并投入使用`` — the
  name is what precedes the stage phrase, after manner and time words;
* **verb**: ``开工建设<A>、<B>和<C>``, ``建成<name>``, ``加快<name>建设`` — a stage verb with
  the project as its object;
* **investment**: ``投资56亿元<name>``, ``总投资10亿元的<name>项目开工建设``, ``<name>项目总投资30亿元``;
* **nominal**: ``A和B的开通``, ``完成<name>的签约落地``;
* **exemplar**: ``以<name>等为龙头的…``, ``以<name>为代表的…项目顺利推进``;
* **enumeration**: ``开工建设一大批…项目。其中包括A、B，C``, ``开工建设3段，分别是，A、B、C``,
  ``建成3条高速公路（A、B、C）``: names after ``包括``/``分别是`` (or in a bracket after a count of works)
  take the stage of the statement about the class of projects before them.

A clause without a name but with a stage (``预计明年营业``, ``现已全面开工建设``, ``主体工程已完工``)
continues the single project named earlier in the same sentence.  Names are bounded by
punctuation and list separators, stripped of leading verbs and of a relative clause before
``的``; outside a list (or a key-project column) a name must end in a facility word, carry a
capacity, or say ``项目``/``工程``, and must not end in a word of things that are not projects
(企业, 平台, 规划, …).  All word lists are in ``data/projects.yaml``.

Kind and period come from the indicator extractor's scope (``extractors.scope``): the
section a statement stands in, refined by cue words (``预计`` → estimate, ``明年``/``力争`` →
target, ``明年`` → the next year).  The region is the segment's, or a county-level region the
name starts with (``义县辉山国大乳业`` → 义县).  The sector comes from a list's head noun
(``等重大服务业项目``), else the enclosing headings, else the paragraph's lead label, else
words in the name.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache

from planwatch.analysis import CLOSE as _CLOSE
from planwatch.analysis import OPEN as _OPEN
from planwatch.analysis import Clause as _Clause
from planwatch.analysis import analysis_of, split_clauses
from planwatch.extractors.scope import scope_at
from planwatch.gazetteer import Region, load_gazetteer
from planwatch.lexicon import alternation, load_lexicon
from planwatch.model import Document
from planwatch.normalize import NormalizedText
from planwatch.numbers import ARABIC, CHINESE, parse_number
from planwatch.projects.model import Capacity, Investment, ProjectCount, ProjectExtraction, ProjectMention, Span
from planwatch.projects.names import capacities, is_generic_name, memoised, name_keys, owner_of
from planwatch.projects.taxonomy import ProjectTaxonomy, load_project_taxonomy
from planwatch.structure import Layout, analyse

_NUM = rf"(?:{ARABIC}|{CHINESE})"

_LIST_HEAD_FORM = (
    r"(?:(?<![甲乙丙一二三特初高中低平同相均对])等|为主的)(?:(?P<n>\d+|[一二两三四五六七八九十百]+)(?P<clf>个|项|条|座|所|家|处))?(?P<batch>一大批|一批|多个|若干|一系列)?"
    r"(?P<mods>[^、，。；：等]{{0,24}}?)(?P<noun>{nouns})(?:项目|工程)?"
)
# A count right after the last name, without 等 (A、B两个项目): a list only when it counts the names
_COUNTED_HEAD_FORM = (
    r"(?<=[\u4e00-\u9fff）)》”])(?P<n>\d+|[两三四五六七八九十])(?P<clf>个|项|座|条|所)(?P<mods>[^、，。；：等]{{0,12}}?)"
    r"(?P<noun>{nouns})(?:项目|工程)?"
)
_EXEMPLAR = re.compile(r"以(?P<obj>[^，。；：]{2,40}?)(?:等)?为(?:龙头|代表)的(?P<cls>[^，。；：]{1,30})")
_NOMINAL = re.compile(
    r"(?P<obj>[^，。；：]{2,40}?)的(?P<cue>开通|建成|竣工|投产|签约落地|开工建设|开工|落成|启用|通车)(?=$|[、，。；])"
)
_NOMINAL_CUT = re.compile(r".*(?:完成|实现|推动|加快|随着|经过)")
_COUNT_START = re.compile(
    # (a scope before the count too: 全市30所中小学幼儿园 is a counted class of the city's schools)
    r"^(?:全[省市区县州旗]|各[省市区县])?(?:\d+|[一二两三四五六七八九十百千]+)(?:多|余)?(?:个|所|座|条|段|户|家|套|项|栋|处|名|人|台|辆|批|块)"
)
_QUANTITY = re.compile(
    rf"{_NUM}(?:万|亿|千)?(?:平方米|平方公里|公里|米|亩|公顷|元|万元|亿元|户|个|套|人次|人|栋|座|块|处|项|标箱|%|％)$"
)  # (设计年吞吐能力为100万人次, 占工业投资的61.4%: a figure ends it, so it is a statement, not a name)
_QUANTITY_ENDS = frozenset("米里亩顷元户个套次人栋座块处项箱%％")  # (the last characters _QUANTITY can end with)
_SLOGAN = re.compile(
    r"[一二三四五六七八九十两\d]+大(?:中心|工程|产业|基地|集群)|双千亿|千亿级|百亿级"
    # numbered sets of facilities (三基地一枢纽, 一区两基地, “三基地两中心”): a programme's slogan
    r"|[一二两三四五六七八九十]+(?:区|基地|中心|枢纽|园|港)[一二两三四五六七八九十]+(?:区|基地|中心|枢纽|园|港)"
)
_ALL_QUOTED = re.compile(r"(?:“[^“”]{1,12}”)+")  # “蓝色粮仓”“海上花园”: slogans, not names
@cache
def _milestone_clause() -> re.Pattern[str]:
    """A verb passing a milestone and its mark (``突破百亿大关``, ``迈上新台阶``): a statement, not a name."""
    m = load_lexicon()["milestones"]
    return re.compile(rf"(?:{alternation(m['verbs'] + m['bounds'])})[^，。；]{{0,8}}(?:{alternation(m['marks'])})")


_CLAUSE_VERBS = re.compile(
    r"实现|达到|提高|增长|形成|成为|提升|促进|带动|推广|完善|加强|优化|扩大|开展|举办|获得|评为|列入|争取|积累"
)
_PART_WORDS = frozenset({"基础设施", "主体工程", "主体", "项目", "工程", "该项目", "工人们", "现场"})
_OBJECT_TAKING = frozenset({"建成", "完成", "建设完成", "打通", "开工", "贯通", "开工建设", "启动建设",
                            "获批", "成功获批", "全面实施"})
_INLINE_LABEL = re.compile(r"(?:[（(][一二三四五六七八九十\d]+[)）])?(?P<label>[^，。；：、\n]{2,20})[：。]")
_PLACE_ONLY = re.compile(r"^(?![^至]*至)[\u4e00-\u9fff]{2,6}[河山湖江]$")  # (not a stretch: 五大连池至嫩江)
_RELATIVE = re.compile(r"关注|落户|位于|投资|建设|实施|引进|相依|具有|形成|打造|承接|面向|为|是|有|达到|设在")
_AND_SPLIT = re.compile(r"以及|和|及")
#: The characters ``_split_and`` reads: brackets and the first characters of ``_AND_SPLIT``.
_AND_MARKS = re.compile("[" + re.escape(_OPEN + _CLOSE) + "以和及]")
#: ``_cut_outside_brackets``' scans, one per set of separators: brackets and the separators.
_CUT_MARKS: dict[str, re.Pattern[str]] = {}
_CHAIN = re.compile(r"(?:并|和|及|、)?")
#: a stretch named by its two ends and nothing else (武汉至福州): it may share the head of the next item
_BARE_STRETCH = re.compile(r"[\u4e00-\u9fff]{2,4}至[\u4e00-\u9fff]{2,4}")
_PHASE_ONLY = re.compile(r"(?:[一二三四五六七八九十]+|首)期$")
_PORTFOLIO_AMOUNT = re.compile(r"固定资产|新增|社会|房地产|工业|园区|基础设施建设|年度|累计$")
# a numbered road opening a name (S356横沟至黄沙铺改扩建二期, G98环岛高速提档扩容工程): a named facility
_ROAD_NUMBER = re.compile(r"[GSXYgsxy]\d{1,4}(?![\dA-Za-z])")
# an item number opening a line (12.启动…, 3．推进…): no part of what follows
_ITEM_NUMBER = re.compile(r"\s*\d{1,3}[.．](?!\d)\s*")
_PLACE_MARK = re.compile(r"[\u4e00-\u9fff]{1,4}(?:街|路|河|山|湖|村|里|镇|港|湾|桥|大道)")
_CLASS_WORDS = re.compile(r"(?:[^、，]{0,4}?)(?:一大批|一批|一些|若干|多个|各类|部分|一系列)")
_INTENT = re.compile(r"加快|推动|推进|确保|力促|启动|开工建设|新建|建设|完成|抓好|实施")
_DONE = re.compile(r"正在|已经|已|了")
_PLAN_VERBS = re.compile(r"着力|力争|推动|加快|确保|将|要|计划")
# (literal patterns used per clause or per name, compiled once: re.search(r"…") looks its
# pattern up in re's cache on every call, a tenth of the extractor's time)
_PROJECT_WORD = re.compile(r"项目|工程")
_YEAR_WORD = re.compile(r"((?:19|20)\d\d)年")
#: What ``_listed_in`` ends with: a clause without one of these needs no search for it (its lead is tried everywhere).
_LISTED_END = re.compile(r"项目|名单|计划")
#: The counters of ``_COUNTED_HEAD_FORM`` (its look-behind is tried at every character): none, no search.
_COUNTED_HEAD_MARK = re.compile(r"[个项座条所]")
_BATCH_WORDS = re.compile(r"一大批|一批|一些|若干|各类|一系列")
_BATCH_START = re.compile(r"各类|各种|一大批|一批|若干")
_LIST_CONJ = re.compile(r"和|及|以及|、")
_ETC_AND = re.compile(r"等[^、]{0,8}?(?:和|及|以及)")
_UNCLOSED = re.compile(r"[（(][^）)]*$")
_ETC_TAIL = re.compile(r"等(?![\d一二三四五六七八九十两]+[个项条座所家处])[^、，等]{1,10}$")
_BRACKET_OR_LIST = re.compile(r"[（(、]")
_ETC_COUNT = re.compile(r"等\d|等[一二三四五六七八九十]+个")
_TRAILING_BRACKET = re.compile(r"[(（][^()（）]*[)）]$")
_ENDS_PROJECT = re.compile(r"项目$|工程$")
_BARE_PROJECT = re.compile(r"(.{0,2})(?:项目|工程)")
_SCOPED_PORTFOLIO = re.compile(r"(?:全?[省市区县州盟旗]|[省市县区]级)(?:重点|重大)(?:建设)?(?:项目|工程)(?:建设项目)?")
# a second works joined to the first (保护修缮与提升): the name's head is the first
_JOINED_WORKS = re.compile(r"(.{4,}?)(?:与|和|及|并)(?:提升|完善|美化|亮化|绿化|提质)")
# an unquoted numbered slogan (两新一重, 四新设施) and a programme named by a code number (新基建761工程)
_BARE_SLOGAN = re.compile(r"(?P<pairs>(?:[一二两三四五六七八九十][\u4e00-\u9fff]){2,3})(?:设施|工程|项目|建设)?"
                          r"|(?P<pair>[一二两三四五六七八九十][\u4e00-\u9fff])(?:设施|工程|项目|建设)")
_COUNTED_PROJECTS = re.compile(r"(?:\d+|[两三四五六七八九十]+)(?:个|项)[^、，。]{0,6}(?:项目|工程)$")
_MEASURED = re.compile(r"(?:运量|吞吐量|产量|销量|发电量|用电量|客流量|周转量)(?:为|达|达到)?\d")
_CODE_PROGRAMME = re.compile(r"(?<![A-Za-z\d.])\d{3,}(?:工程|行动|计划)$")
_SLOGAN_PROGRAMME = re.compile(r"“[^”]{2,12}”(?:工程|行动|计划)")
# a short quoted name that opens with a number is a slogan (“两重”, “五个一”, “2+N”), not a project's name
_NUMBERED_SLOGAN = re.compile(r"“[一二两三四五六七八九十百千万\d][^“”]{0,3}”")
_CATEGORY_JOINS = re.compile(r"[和及与、的“”\"（）()]")
_AMBITION = re.compile(r"(?:重要|领先|一流|知名|最大|先进)的")
_RATING = re.compile(r"[1-5１-５][AＡ]级")
_BUILD_CLAUSE = re.compile(r"建设.{3,}")
#: 马鞍岭1、2号旅游码头, 一期二、三阶段: a 、 between two numbers of one name's berths, units or phases
_NUMBERED_PARTS = re.compile(r"[0-9一二三四五六七八九十]{1,3}(?:号|期|#|＃|标段|阶段)")
_NUMERAL = "0123456789一二三四五六七八九十"
_PHASE_SUFFIX = re.compile(r"(?:一期|二期|三期|续建|扩建|新建|改建)$")
_PROJECT_END = re.compile(r"(?:项目|工程)(?:[(（][^()（）]*[)）])?$")
# a count by owner closing a clause (宁东基地3个，A、B；): the next clause may list the projects counted
_OWNER_COUNT = re.compile(r"(?:\d+|[一二两三四五六七八九十]+)个$")
_COUNTED = re.compile(r"\d+(?:个|对|家|项|所|座)")  # 与39个国家缔结118对友城: counts, not a name
# a count of works (开工建设3段, 建成1圈, 两条…高速公路): what an enumeration after it names
_WORKS_COUNT = re.compile(r"(?:\d+|[一二两三四五六七八九十]+)(?:个|条|段|座|项|处|圈)")
_WORKS_COUNT_END = re.compile(r"(?:\d+|[一二两三四五六七八九十]+)(?:个|条|段|座|项|处)[，,]\s*$")
_FIGURE = re.compile(r"\d[\d.]*\s*[%％‰]|^[\d.]+$")
_TIME_OPENING = re.compile(r"(?:^|[。；;\n])(?:目前|当前|现在|今年|去年|此外|同时|其中)[，,]$")
_AMOUNT_LEAD = re.compile(r"(?:该|本)?(?:项目|工程)?(?:计划|预计|概算)?")
_LEADING_DATE = re.compile(r"(?:19|20)\d\d年(?:\d{1,2}月|[元正]月)?(?:份|底|初|末|中旬|上旬|下旬)?")
# a bracket after a count of works encloses their names (打通2条重要通道瓶颈路段（A、B）)
_COUNT_BRACKET = re.compile(r"(?:\d+|[一二两三四五六七八九十]+)(?:个|条|段|座|项|处|圈)[^，。；、（()]{0,12}[（(]")
_SHARED_COUNT = re.compile(r"[^、，]{2,6}?(\d+|[两三四五六七八九十])(?:条|个|座|所|家|处)")
# (a year opening a plan's item: 2019年开工建设X, 2025年底前建成Y)
_LEAD_TIME = re.compile(r"(?:(?:19|20)\d\d年(?:\d{1,2}月份?)?(?:底前|底|初|末|前|内)?|\d{1,2}月份?(?:\d{1,2}日)?"
                        r"(?:底|初|末|中旬|上旬|下旬|前)?|明年底|明年初|年底前|年底|明年)")
_TRAILING_LENGTH = re.compile(rf"(?<=[段线路桥道])(?:{ARABIC})(?:公里|千米|米)$")
# an ASCII comma, colon or semicolon between Chinese words (not in 1,000 or 3:1)
_ASCII_SEP = re.compile(r"(?<=[\u4e00-\u9fff）)”%])\s*[,;:.]\s*(?=[\u4e00-\u9fff（(“])")
_DIRECTION_SUFFIX = re.compile(r"(?<=[路道街桥线])[东南西北](?:延伸段|延长线|段)?$")
_ASCII_STOP_END = re.compile(r"(?<=[\u4e00-\u9fff）)”])\s*\.\s*$")
#: An ASCII mark not before a digit (not 3.5 or 1,000): where _ASCII_SEP or _ASCII_STOP_END can match,
#: found by a scan that starts at the mark (theirs start with a look behind, tried at every character).
_ASCII_CANDIDATE = re.compile(r"[,;:.](?!\d)")
_WORD_END = re.compile(r"[\u4e00-\u9fff）)”%]")
#: Characters a clause can end at (``planwatch.analysis`` and ``_ascii_split``), which no cue word holds.
_CLAUSE_BOUNDARY = frozenset("，；：。！？\n,;:. \t\u3000")


def _after_word(t: str, pos: int) -> bool:
    """Whether the last character before ``pos`` that is not a space ends a Chinese word or a bracket."""
    q = pos - 1
    while q >= 0 and t[q].isspace():
        q -= 1
    return q >= 0 and _WORD_END.match(t, q) is not None
_SUBJECT_COUNT = re.compile(r"\d|[一二两三四五六七八九十百]+个")
_FIELD_LABEL = re.compile(r"(?![另一这那各多两])[\u4e00-\u9fff]{1,6}?方面")  # (not 另一方面: a discourse marker)
_MID_VERB = re.compile(r"全力加快|加快推进|加快|开工建设|重点推进|重点建设|推动|力促|确保|完成了|完成|启动了|启动|依托")


#: How far back from a statement its cue words (预计, 计划, a year) are looked for.  A clause is far
#: shorter in real text; the bound keeps a line of megabytes without punctuation linear.
_LOOKBACK = 2000


@dataclass
class _Statement:
    """What one clause says about its projects before names are made into mentions."""

    items: list[tuple[int, int]]  # normalised spans of the names
    stage: str | None = None
    stage_span: tuple[int, int] | None = None
    cue_pos: int | None = None  # where the stage phrase or the name's end is (for kind cues)
    pattern: str = ""
    mode: str = "free"  # "list" (items certified by a list head), "free", "investment"
    investment: Investment | None = None
    count: ProjectCount | None = None
    list_sector: str | None = None
    lead_end: int | None = None  # an enumeration's: where its enumerator is (the lead is the statement before)


@dataclass
class _Subject:
    mention: ProjectMention
    sentence: int


def _opened(t: str, s: int, e: int) -> int:
    """Opening minus closing round brackets in ``t[s:e]`` (negative: a bracket closes unopened)."""
    return t.count("（", s, e) + t.count("(", s, e) - t.count("）", s, e) - t.count(")", s, e)


class ProjectExtractor:
    """Extracts the project mentions of one document (see the module docstring)."""

    def __init__(self, taxonomy: ProjectTaxonomy | None = None) -> None:
        self.tax = taxonomy or load_project_taxonomy()
        self.gazetteer = load_gazetteer()
        tax = self.tax
        inv = tax.raw["investment"]
        words = alternation(list(inv["total"]) + list(inv["completed"]))
        self._inv_completed = set(inv["completed"])
        self._inv_re = re.compile(
            rf"(?P<word>{words})(?P<q>约|近|达|超过|逾)?(?P<num>{_NUM})(?P<more1>余|多)?(?P<unit>{alternation(inv['units'])})"
            rf"(?P<more>余|多|以上|左右)?(?P<de>的)?"
        )
        self._sector_heading_re = {s.id: re.compile(alternation(s.heading)) for s in tax.sectors if s.heading}
        self._valid_memo: dict[tuple[str, str], bool] = {}  # (_valid: names judged, kept across documents)
        self._region_memo: dict[tuple[str, str, str], str] = {}  # (_region: a name's opening region)
        self._sector_name_words = [(w, s.id) for s in tax.sectors for w in s.name]
        self._sector_name_words.sort(key=lambda p: len(p[0]), reverse=True)
        self._sector_name_rank: dict[str, int] = {}
        for rank, (word, _) in enumerate(self._sector_name_words):
            self._sector_name_rank.setdefault(word, rank)
        # (every position's longest word: a look-ahead, so that words overlapping one another are all seen)
        self._sector_name_re = re.compile(rf"(?=({alternation([w for w, _ in self._sector_name_words if w])}))")
        self._non_lists = re.compile(alternation(tax.words("non_project_lists")))
        verbs = [v for v in tax.before_cues if len(v) >= 2]
        triggers = {*tax.after_cues, *tax.before_cues, *tax.list_cues, "项目", "工程", "投资", "投入", "等", "龙头",
                    "代表", *tax.words("capacity_words")}
        self._trigger = re.compile(alternation(triggers))
        # Where a clause can start anything: a trigger, an enumerator (包括, 分别是) or an open bracket (a
        # bracket after a count of works encloses names).  Found in one pass over each layout; a clause
        # holding none of them, and no colon after it or 是/为 opening it, is skipped whole (most clauses).
        # Exact because no word holds a character a clause ends at: a match cannot cross into the next clause.
        cue_words = {*triggers, *tax.words("enumerators")}
        # (the brackets as words of the one trie: a character class beside it makes the search five times slower)
        self._cue_re: re.Pattern[str] | None = re.compile(alternation(cue_words | {"（", "("}))
        if any(set(w) & _CLAUSE_BOUNDARY or any(ch.isspace() for ch in w) for w in cue_words):
            self._cue_re = None  # (a word that could cross a clause's end: every clause read as before)
        self._chunk_re = re.compile(rf"[、并](?={alternation(verbs)})")
        self._generic_names = frozenset(tax.words("generic_names"))
        self._sector_words = frozenset(w for sec in tax.sectors for w in sec.heading)
        self._works_re = re.compile(rf"(?:{alternation(tax.words('works_nouns'))})$")
        self._category_marker = re.compile(alternation(tax.words("category_markers")))
        self._category_prefix = re.compile(rf"^(?:{alternation(tax.words('category_prefixes'))})+")
        # words of kinds of works, sectors and facilities: a name made only of them is a category
        category = {*tax.words("category_words"), *tax.words("generic_cores"), *tax.words("facility_heads"),
                    *tax.words("generic_names"), *tax.words("works_nouns"), *tax.words("key_suffixes"),
                    *(w for sec in tax.sectors for w in (*sec.name, *sec.heading))}
        self._category_words = re.compile(alternation(sorted((w for w in category if len(w) >= 2), key=len,
                                                             reverse=True)))
        self._physical_heads = tuple(w for w in tax.facility_heads if w not in set(tax.words("works_nouns")))
        self._list_head = re.compile(_LIST_HEAD_FORM.format(nouns=alternation(tax.words("list_nouns"))))
        self._closer_re = re.compile(alternation(tax.words("circumfix_closers")))
        self._counted_head = re.compile(_COUNTED_HEAD_FORM.format(nouns=alternation(tax.words("list_nouns"))))
        self._list_noun_re = re.compile(alternation(tax.words("list_nouns")))
        self._subject_end = re.compile(rf"(?:{alternation(tax.words('subject_zones'))})$")
        self._bracket_qualifier = re.compile(alternation(tax.words("bracket_qualifiers")))
        self._whole_project = tuple(tax.words("whole_project_nouns"))
        self._part_heads = tuple(tax.words("facility_part_heads"))
        self._kind_project = (*self._whole_project, "工程")
        self._part_owners = tuple(w for w in tax.facility_heads if len(w) >= 2)
        self._list_noun_end = re.compile(rf"(?:{alternation(tax.words('list_nouns'))})$")
        self._enumerator_re = re.compile(rf"(?:{alternation(tax.words('enumerators'))})[：:，,]?")
        self._capacity_re = re.compile(
            rf"(?:{alternation(tax.words('capacity_words'))})(?:为|达到|达|约|共)?{_NUM}")
        self._label_copula = re.compile(alternation(tax.words("label_copulas")))
        self._listed_in = re.compile(
            rf"被?(?:{alternation(tax.words('listing_verbs'))})[^，。；,;]{{0,24}}?(?:项目|名单|计划)")
        self._colon_enumerator_re = re.compile(rf"(?:{alternation(tax.words('colon_enumerators'))})[：:]$")
        self._part_prefixes = tuple(tax.words("part_prefixes"))
        self._class_prefix = re.compile(alternation(tax.words("class_prefixes")))
        self._not_conjunction = tuple(load_lexicon()["not_conjunction_starts"])
        self._purpose_re = re.compile(alternation(tax.words("purpose_openers")))
        count_enumerators = [w for w in tax.words("colon_enumerators") if w not in ("有", "如下")]
        self._count_enumerator_re = re.compile(alternation(count_enumerators))
        self._count_enumerator_first = frozenset(w[0] for w in count_enumerators if w)
        self._list_rejected_heads = tuple(tax.words("list_rejected_heads"))
        self._own_head_nouns = frozenset(tax.words("list_nouns_own_heads"))
        self._etc_non_project = re.compile(
            rf"等(?:{_NUM}[个项条座所家处])?[^、，。；等]{{0,8}}?(?:{alternation(tax.non_project_heads)})")
        self._portfolio_re = re.compile(
            rf"(?P<adj>[\u4e00-\u9fff]{{0,12}}?)项目(?:库)?(?:共|共计|总数)?(?P<n>\d+)个(?:项目)?"
            rf"(?:，(?:总投资(?:额|规模)?|投资)(?:达|为)?(?P<inv>{ARABIC})(?P<unit>亿元|万元))?"
        )

    # -- entry point ---------------------------------------------------------------------
    def extract(self, doc: Document, norm: NormalizedText | None = None,
                layouts: list[Layout] | None = None) -> ProjectExtraction:
        analysis = None
        if norm is None:
            # the pipeline's analysis of the document: its normalised text, layouts and clauses
            analysis = analysis_of(doc)
            norm = analysis.norm
            if layouts is None or layouts is analysis.layouts:
                layouts = analysis.layouts
            else:
                analysis = None  # other layouts: their clauses are split here
        elif layouts is None:
            layouts = analyse(norm)
        self.doc, self.norm, self.t = doc, norm, norm.text
        # Line and sentence starts, found by bisection: searching back from every statement
        # (``rfind``) is quadratic on a long line without breaks (a 5 MB unpunctuated line).
        self._newlines = [m.start() for m in re.finditer("\n", norm.text)]
        self._stops = [m.start() for m in re.finditer("[。！？；\n]", norm.text)]
        self._plan_lines: dict[int, bool] = {}
        self._items_memo: dict[tuple[int, int, bool, bool, int, bool], list[tuple[int, int]]] = {}
        self._heading_hits: dict[str, list[tuple[int, str]]] = {}
        out = ProjectExtraction(doc=doc.name)
        self._out = out
        self._lists = 0
        self._column_line: int = -2
        self._column_items: list[ProjectMention] = []
        for index, layout in enumerate(layouts):
            self.layout, self.segment = layout, index
            self._sections = layout.sections
            self._section_starts = sorted(s.start for s in layout.sections)
            self._heading_chains: dict[int, list[str]] = {}
            self._subject: _Subject | None = None
            self._pending: ProjectMention | None = None
            self._pending_clause: _Clause | None = None
            self._column_line, self._column_items = -2, []
            clauses = analysis.clauses(index) if analysis else split_clauses(self.t, layout.start, layout.end)
            clauses = self._ascii_split(clauses)
            after_count = False  # the clause before ends in 个 (a quick test before _roster)
            previous = None
            self._enum_items: list[tuple[int, int, _Statement, int]] = []
            quiet = self._quiet_clauses(layout, clauses)
            for k, clause in enumerate(clauses):
                if after_count and self._roster(previous, clause):  # type: ignore[arg-type]
                    pass
                elif quiet[k] and (not self._enum_items or self._enum_items[0][0] >= clause.end):
                    # (what _enumerated_clause does with a clause holding no cue: a new sentence ends the subject)
                    if self._subject is not None and self._subject.sentence != clause.sentence:
                        self._subject = None
                else:
                    self._enumerated_clause(clause)
                previous = clause
                after_count = self.t[clause.end - 1] == "个"
            self._portfolio_counts(layout.start, layout.end)
        out.mentions.sort(key=lambda m: (m.start, m.end))
        out.counts.sort(key=lambda c: (c.start, c.end))
        return out

    # -- clauses (split by planwatch.analysis) ------------------------------------------
    def _quiet_clauses(self, layout: Layout, clauses: list[_Clause]) -> list[bool]:
        """For each clause, whether it holds nothing the extractor reads: no trigger word (so ``_clause``
        finds nothing), no enumerator, no open bracket (``_COUNT_BRACKET``), no colon right after it
        (``_colon_enumerator_re``) and no 是/为 opening it (``_count_enumerator``).  One regex pass over
        the layout and a walk along its clauses, instead of five searches in every clause."""
        if self._cue_re is None:
            return [False] * len(clauses)
        t = self.t
        hits = [m.start() for m in self._cue_re.finditer(t, layout.start, layout.end)]
        out: list[bool] = []
        k, n, size = 0, len(hits), len(t)
        for c in clauses:
            k = bisect_left(hits, c.start, k)
            out.append((k == n or hits[k] >= c.end) and t[c.start] not in self._count_enumerator_first
                       and (c.end >= size or t[c.end] not in "：:"))
        return out

    def _ascii_split(self, clauses: list[_Clause]) -> list[_Clause]:
        """Clauses also cut at ASCII commas, colons, semicolons and full stops between Chinese words
        (pages that write ``兴泉铁路泉州段总投资153亿元,南山…``, ``大项目有:A、B`` or ``升级.交通网,…``): the
        project statements are read clause by clause as in text with full-width marks (``1,000``,
        ``3:1`` and ``3.5`` stay whole); a semicolon or a full stop ends a sentence, as ``；``/``。`` do."""
        t = self.t
        if not clauses:
            return clauses
        # (one look over the whole stretch first: most documents write no ASCII mark between Chinese
        # words, and a mark a clause has is one the stretch has)
        lo, hi = min(c.start for c in clauses), max(c.end for c in clauses)
        if not any(_after_word(t, m.start()) for m in _ASCII_CANDIDATE.finditer(t, lo, hi)):
            return clauses
        if not any(_ASCII_SEP.search(t, c.start, c.end) or _ASCII_STOP_END.search(t, c.start, c.end) for c in clauses):
            return clauses
        out: list[_Clause] = []
        shift = 0
        for c in clauses:
            s = c.start
            for m in _ASCII_SEP.finditer(t, c.start, c.end):
                if _opened(t, c.start, m.start()) > 0:
                    continue  # inside brackets: (其中:…) stays whole
                if m.start() > s:
                    out.append(_Clause(s, m.start(), c.sentence + shift))
                s = m.end()
                if m.group().strip() in (";", "."):
                    shift += 1
            end = c.end
            if (stop := _ASCII_STOP_END.search(t, s, end)) is not None:
                end = stop.start()  # …武冈机场建设.⏎: a full stop ending the line
            if end > s:
                out.append(_Clause(s, end, c.sentence + shift))
        return out


    def _roster(self, previous: _Clause, c: _Clause) -> bool:
        """``…项目…分别是：银川市2个，A项目和B项目；吴忠市1个，C项目``: after a count by owner, in a
        paragraph about projects, a clause made only of names lists the projects counted (no stage)."""
        t = self.t
        if previous.sentence != c.sentence:
            return False
        if not _OWNER_COUNT.search(t, max(previous.start, previous.end - 12), previous.end):
            return False
        line = self._line_start(previous.start)
        if not _PROJECT_WORD.search(t, line, previous.start):
            return False
        items = self._split_items(c.start, c.end)
        names = [self._clean_name(a, b, "free") for a, b in items]
        if not items or any(x is None or x != it or not self._valid(t[x[0]:x[1]], "free")
                            or _COUNTED.search(t, x[0], x[1])
                            for x, it in zip(names, items, strict=True)):
            return False  # not only names: an ordinary clause
        self._emit(_Statement(items, None, None, c.start, "roster", "free"), c)
        return True

    # -- enumerations: a statement about projects, then 包括/分别是 and their names --------------
    def _enumerated_clause(self, c: _Clause) -> None:
        """A clause, with the names of a pending enumeration in it emitted in place (so that a clause
        after a name continues that name) and the rest read as usual."""
        pos = c.start
        if not self._enum_items or self._enum_items[0][0] >= c.end:
            m = self._enumerator_re.search(self.t, c.start, c.end)
            if m is None and c.end < len(self.t) and self.t[c.end] in "：:":
                # (…的大项目有：A、B等: a verb of being before a colon ending the clause)
                m = self._colon_enumerator_re.search(self.t, max(c.start, c.end - 4), c.end + 1)
            if m is None:
                # (…提前竣工4项,为A,B,C: a verb of being opening the clause after a count of works)
                m = self._count_enumerator(c)
            bracket = (_COUNT_BRACKET.search(self.t, c.start, c.end)
                       if self.t.find("（", c.start, c.end) >= 0 or self.t.find("(", c.start, c.end) >= 0 else None)
            if bracket is not None and (m is None or bracket.start() < m.start()):
                m = bracket
            if m is not None and m is not bracket and self._inclusive_list(m, c):
                return
            if m is None or not self._plan_enumeration(m, c, bracket=m is bracket):
                self._clause(c)
                return
            if m.start() > c.start:
                self._clause(_Clause(c.start, m.start(), c.sentence))  # the statement before 包括
            pos = self._enum_items[0][0] if self._enum_items else m.end()
        while self._enum_items and self._enum_items[0][0] < c.end:
            s, e, st, ctx = self._enum_items.pop(0)
            if s > pos and self.t[pos:s].strip("，,；;：: "):
                self._clause(_Clause(pos, s, c.sentence))
            made = self._emit(st, _Clause(ctx, e, c.sentence))
            self._subject = _Subject(made[0], c.sentence) if len(made) == 1 else None
            pos = max(pos, e)
        if pos < c.end and self.t[pos:c.end].strip("，,；;：: 等"):
            self._clause(_Clause(pos, c.end, c.sentence))  # what follows the names (its own stage)

    def _inclusive_list(self, m: re.Match[str], c: _Clause) -> bool:
        """``包括A、B在内的6个重点公路项目集中开工``: the names before 在内的 are members of the counted list
        after it, with the stage phrase that closes it (a list, not an enumeration of what came before)."""
        t = self.t
        inner = t.find("在内的", m.end(), c.end)
        if inner < 0:
            return False
        head = self._counted_head.match(t, inner + 3, c.end)
        if head is None:
            return False
        items = self._named_items(self._split_items(m.end(), inner, in_list=True))
        if not items:
            return False
        cue = self._predicate_cue(head.end(), c.end)
        stage, span = cue if cue else (None, None)
        sector = self._sector_in(head.group("mods") + head.group("noun"))
        self._emit(_Statement(items, stage, span, head.start(), "list", "list", None, self._list_count(head, c),
                              sector), c)
        return True

    def _count_enumerator(self, c: _Clause) -> re.Match[str] | None:
        """``其中提前竣工4项，为A，B，C，D；``: a verb of being (``colon_enumerators``) opening a clause right
        after a count of works opens an enumeration as a colon does (not ``项目数为``, no count before)."""
        t = self.t
        m = self._count_enumerator_re.match(t, c.start, c.end)  # (the rarer of the two: tested first)
        if m is None or m.end() >= c.end or not _WORKS_COUNT_END.search(t[max(0, c.start - 6):c.start]):
            return None
        return m

    def _plan_enumeration(self, m: re.Match[str], c: _Clause, bracket: bool = False) -> bool:
        """``开工建设一大批重点公路建设项目。其中包括A、B，C以及D等``, ``开工建设3段，分别是，A、B、C``,
        ``建成通车的高速公路分别是：A，…；B，…``, ``在计划新开工的项目中，基础设施项目有29个，包括A、B等``:
        the statement before the enumerator speaks of a class of projects (项目, a list noun or a
        count) and may give their stage; the names after it, up to the end of the sentence part
        (of the sentence after a colon), are those projects.  A clause that is not only names ends
        the enumeration; if it closes the list (``…D、E等重点项目竣工``), its stage is the list's.
        A bracket after a count of works (``打通2条重要通道瓶颈路段（A、B）``) encloses such names too.
        Queues the names as statements for ``_enumerated_clause``; False if this is no enumeration."""
        t = self.t
        lo = max(self.layout.start, m.start() - _LOOKBACK)  # (bounded: a line without stops stays linear)
        hi = min(self.layout.end, m.end() + _LOOKBACK)
        start = m.end()
        if bracket:
            close = self._closing_bracket(m.end() - 1, c.end)
            if close is None:
                return False
            ante = (max(t.rfind(ch, lo, m.start()) for ch in "。；;！？\n，,") + 1, m.end() - 1)
            cue = self._last_cue(*ante)
            if self._bracket_qualifier.match(t, start, close) or not self._names_only(start, close):
                return False  # 危旧桥梁180座（含“渡改桥”工程）: a bracket that qualifies, no names
            items = self._named_items(self._split_items(start, close, in_list=True))
            spans = [self._clean_name(a, b, "list") for a, b in items]
            names = [t[x[0]:x[1]] if x else "" for x in spans]
            # after a list noun (3条高速公路（寻乌至全南、…）) the items are of that kind; else each must
            # name a facility of its own (or share the next one's head)
            certified = self._list_noun_end.search(t[max(0, ante[1] - 12):ante[1]]) is not None
            if not items or any(
                    n in self.tax.facility_heads or not (self._valid(n, "list") if certified else (
                        self._valid(n, "free") or self._shares_head(n, spans[k + 1:k + 2], "free")))
                    for k, n in enumerate(names)):
                return False  # 5座总部（楼宇）: another word for the noun, not the names of the works
            if not certified and not any(self._has_head(n) for n in names):
                return False
            stage, span = cue if cue else (None, None)
            st = _Statement(items, stage, span, start, "enumeration", "list", None, None, None, m.start())
            self._enum_items = [(start, close, st, min(cue[1][0], ante[0]) if cue else ante[0])]
            return True
        while start < hi and t[start] in "：:，, ":
            start += 1
        colon = any(ch in "：:" for ch in t[m.start():start])
        part_start = max(t.rfind(ch, lo, m.start()) for ch in "。；;！？\n") + 1
        sent_start = max(t.rfind(ch, lo, m.start()) for ch in "。！？\n") + 1
        ante = (part_start, m.start())
        lead = self.tax.leading_re.match(t, part_start, m.start())
        if not t[lead.end() if lead else part_start:m.start()].strip("，, "):
            # 其中包括 opening a sentence: the sentence before is the statement
            prev_end = part_start - 1
            while prev_end > lo and t[prev_end - 1] in "。；;！？\n ":
                prev_end -= 1  # (…予以重点推进。⏎其中包括A、B: the sentence before ends a paragraph)
            if prev_end <= lo:
                return False
            ante = (max(t.rfind(ch, lo, prev_end) for ch in "。；;！？\n") + 1, prev_end)
        ante = (self._past_purpose(*ante), ante[1])
        frame = None
        if sent_start < ante[0]:
            # the sentence's opening statement (在计划新开工的项目中，…包括A；B项目86个，包括C), up to its first list
            first = self._enumerator_re.search(t, sent_start, ante[0])
            frame = (self._past_purpose(sent_start, ante[0]), first.start() if first else ante[0])
        if not self._project_class(*ante) and not (frame and self._project_class(*frame)):
            return False
        if self._non_lists.search(t, ante[0], ante[1]):
            return False  # 包括辽晶电子等企业: not projects
        cue = self._last_cue(*ante)
        ctx = min(cue[1][0] if cue else ante[0], ante[0])
        if cue is None and frame and not self._negated_cue(*ante):
            cue = self._last_cue(*frame)  # (not past a negated stage: 实际竣工22项；…未按期竣工4项，为…)
            if cue is not None:
                ctx = frame[0]  # the frame's kind cue with its stage: 在计划新开工的项目中

        seps = "。\n" if colon else "。；;\n"
        end = min([k for k in (t.find(ch, start, hi) for ch in seps) if k >= 0] or [hi])
        parts = self._sub_parts(start, end, "；;") if colon else [(start, end)]
        planned: list[tuple[int, int, _Statement, int]] = []
        for ps, pe in parts:
            for s, e in self._sub_parts(ps, pe, "，,"):
                if not self._names_only(s, e):
                    head = self._list_head.search(t, s, e)
                    close = self._predicate_cue(head.end(), e) if head else None
                    if close and not colon:
                        for k, (a, b, st, x) in enumerate(planned):
                            st.stage, st.stage_span = close
                            planned[k] = (a, b, st, min(x, b))
                    break
                head = self._list_head.search(t, s, e)
                item_end = head.start() if head and self._strip_trailing(head.end(), e) <= head.end() else e
                items = self._named_items(self._split_items(s, item_end, cut_at_list=True, in_list=True))
                if not items:
                    continue
                stage, span = cue if cue else (None, None)
                count = self._list_count(head, c) if head and item_end < e else None
                st = _Statement(items, stage, span, s, "enumeration", "list", None, count,
                                # (the list's own head first: …等地铁项目 under 新型城镇化项目)
                                (self._sector_in(head.group("mods") + head.group("noun")) if head else None)
                                or self._sector_in(t[ante[0]:ante[1]]), m.start())
                planned.append((s, e, st, ctx))
                if colon:
                    break  # after a colon, one name opens each part; the rest of the part is about it
        names = [self._clean_name(a, b, "list") for _, _, st, _ in planned for a, b in st.items]
        if not any(x and self._has_head(t[x[0]:x[1]]) for x in names):
            return False  # no item is a facility or works: not an enumeration of projects
        self._enum_items = planned
        return True

    def _closing_bracket(self, open_pos: int, end: int) -> int | None:
        """The position of the bracket closing the one at ``open_pos`` (None if it is not closed by ``end``)."""
        depth = 0
        for i in range(open_pos, end):
            ch = self.t[i]
            if ch in "（(":
                depth += 1
            elif ch in "）)":
                depth -= 1
                if depth == 0:
                    return i
        return None

    def _sub_parts(self, start: int, end: int, seps: str) -> list[tuple[int, int]]:
        """``[start, end)`` cut at ``seps`` outside brackets (ASCII commas too: some pages use them)."""
        t = self.t
        return [(a, b) for a, b in self._cut_outside_brackets(start, end, seps) if t[a:b].strip(" ：:")]

    def _cut_outside_brackets(self, start: int, end: int, seps: str) -> list[tuple[int, int]]:
        """``[start, end)`` cut at each of ``seps`` outside brackets, not between the numbers of one
        name (``1、2号``); empty parts kept."""
        t = self.t
        out, depth, s = [], 0, start
        marks = _CUT_MARKS.get(seps)
        if marks is None:
            marks = _CUT_MARKS[seps] = re.compile("[" + re.escape(_OPEN + _CLOSE + seps) + "]")
        for mark in marks.finditer(t, start, end):  # (only brackets and separators change anything)
            i, ch = mark.start(), mark.group()
            if ch in _OPEN:
                depth += 1
            elif ch in _CLOSE:
                depth = max(0, depth - 1)
            elif ch in seps and depth == 0 and not self._numbered_parts(i):
                out.append((s, i))
                s = i + 1
        out.append((s, end))
        return out

    def _portfolio_stage(self, start: int, end: int) -> tuple[str, tuple[int, int]] | None:
        """``…等19个项目列入今年开工预备项目``: a list put into a portfolio takes the portfolio's last stage word
        (预备 after 开工: planning); ``列入省高质量发展项目`` names none."""
        m = self._listed_in.match(self.t, start, end)
        if m is None:
            return None
        last = None
        for lm in self.tax.list_re.finditer(self.t, m.start(), m.end()):
            last = lm
        return (self.tax.list_cues[last.group()], last.span()) if last is not None else None

    def _numbered_parts(self, i: int) -> bool:
        """Whether the 、 at ``i`` joins two numbers of one name's parts (``马鞍岭1、2号旅游码头``, ``一期二、三阶段``)
        rather than two items: a number right before it, and after it a number with its counter."""
        t = self.t
        return i > 0 and t[i - 1] in _NUMERAL and _NUMBERED_PARTS.match(t, i + 1) is not None

    def _project_class(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` speaks of a class of projects: 项目/工程, a list noun, a count of works."""
        t = self.t
        return bool(_PROJECT_WORD.search(t, start, end) or self._list_noun_re.search(t, start, end)
                    or _WORKS_COUNT.search(t, start, end))

    def _last_cue(self, start: int, end: int) -> tuple[str, tuple[int, int]] | None:
        """The last stage word of ``[start, end)`` (a stage verb, a list's stage word or a stage phrase)."""
        t, tax = self.t, self.tax
        best: tuple[str, tuple[int, int]] | None = None
        for regex, table in ((tax.before_re, tax.before_cues), (tax.list_re, tax.list_cues),
                             (tax.after_re, tax.after_cues)):
            for cm in regex.finditer(t, start, end):
                if tax.blocked(t, cm.start(), cm.end()) or _PROJECT_WORD.match(t, cm.end()):
                    continue  # (公路建设项目: 建设 before 项目 is a noun, no stage verb)
                stage, span = table[cm.group()], cm.span()
                if table is tax.after_cues:
                    chained = self._predicate_cue(cm.start(), end)
                    if chained:
                        stage, span = chained
                if best is None or span[0] > best[1][0] or (span[0] == best[1][0] and span[1] > best[1][1]):
                    best = (stage, span)
        return best

    def _chained_list_stage(self, pos: int) -> tuple[str, tuple[int, int]] | None:
        """``A、B等重大产业项目，C、D等基础设施项目，以及E、F等重大民生工程开工建设``: a list closed at the comma at
        ``pos`` without a stage of its own, followed in its sentence only by other lists (the last maybe joined
        by 以及/和/及), shares the stage phrase that closes the last one."""
        t = self.t
        if pos >= len(t) or t[pos] not in "，,":
            return None
        stops = [k for k in (t.find(ch, pos, pos + _LOOKBACK) for ch in "。；;！？\n") if k >= 0]
        if not stops:
            return None
        stop = min(stops)
        k = pos
        while k < stop:
            start = k + 1
            commas = [x for x in (t.find(ch, start, stop) for ch in "，,") if x >= 0]
            ce = min(commas) if commas else stop
            heads = list(self._list_head.finditer(t, start, ce))
            if not heads or "、" not in t[start:heads[-1].start()]:
                return None  # not a list of names
            head = heads[-1]
            if ce == stop:
                return self._predicate_cue(head.end(), ce)
            if head.end() != ce:
                return None  # a clause saying more than a list
            k = ce
        return None

    def _past_purpose(self, start: int, end: int) -> int:
        """Where the statement of ``[start, end)`` begins after a clause of purpose that opens it
        (``purpose_openers``: ``围绕深入实施“六网会战”、加快补齐民生短板，安排重大基础设施项目436个``): its verbs
        and sectors are the aim, not the stage or the sector of the projects."""
        if self._purpose_re.match(self.t, start, end) is None:
            return start
        cut = min([k for k in (self.t.find(ch, start, end) for ch in "，,") if k >= 0] or [start - 1])
        return cut + 1 if cut >= start else start

    def _negated_cue(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` holds a stage cue that a negation blocks (``未按期竣工4项``)."""
        t, tax = self.t, self.tax
        return any(tax.negation_re.search(t[max(0, cm.start() - 4):cm.start()])
                   for regex in (tax.before_re, tax.after_re) for cm in regex.finditer(t, start, end))

    def _names_only(self, start: int, end: int) -> bool:
        """A stretch made only of names (``A、B以及C等``): no stage phrase, amount or leading verb."""
        t, tax = self.t, self.tax
        s = start
        while s < end and t[s] in " ：:，,":
            s += 1
        if s >= end or tax.leading_re.match(t, s, end) or self._inv_re.search(t, s, end):
            return False
        if any(not tax.blocked(t, a.start(), a.end()) and _opened(t, s, a.start()) == 0
               for a in tax.after_re.finditer(t, s, end)):
            return False  # (a stage word inside a bracket qualifies a name: …项目(“十四五”…首个开工项目))
        head = self._list_head.search(t, s, end)
        item_end = head.start() if head else end
        spans = [self._clean_name(a, b, "list") for a, b in self._split_items(s, item_end, in_list=True)]
        for k, span in enumerate(spans):
            if span is None or _COUNTED.search(t, *span) or _FIGURE.search(t, *span):
                return False  # 比重分别为99.3%、93.8%: figures, not names
            name = t[span[0]:span[1]]
            if self._rejected_end(name) and not _QUANTITY.search(name):
                continue  # (商汤人工智能算力平台, …功能提升: names of no project, dropped later; the list goes on)
            if not (self._valid(name, "list") or self._place_shares_head(name, spans[k + 1:k + 2])) or (
                    _CLAUSE_VERBS.search(name) and not self._has_head(name)):
                return False
        return True

    def _clause(self, c: _Clause) -> None:
        if self._subject is not None and self._subject.sentence != c.sentence:
            self._subject = None
        t = self.t
        if t.startswith("把", c.start) or (t.startswith("将", c.start) and not self._future(c.start + 1, c.end)):
            return  # 把锦州古玩城建成…第一城: making one thing into another, not a stage
        if self._is_label(c):
            return  # 建设军民融合产业基地。全力推进…: a paragraph's lead label is a heading
        if self._purpose_re.match(t, c.start, c.end):
            return  # 围绕建设创新型和谐文化名城，…: a clause of purpose names the aim, not a project's stage
        if not self._trigger.search(t, c.start, c.end):
            return  # no stage word, no 项目/工程, no amount, no list: nothing to find (most clauses)
        for chunk in self._chunks(c):
            self._chunk(chunk)

    def _future(self, pos: int, end: int) -> bool:
        """``将推进A、B等续建项目``, ``将重点支持…``: 将 directly before a verb or a manner word marks the
        future; before an object (``将新镇区建设成为…``) it makes one thing into another."""
        return bool(self.tax.leading_re.match(self.t, pos, end) or self.tax.before_re.match(self.t, pos, end))

    def _chunks(self, c: _Clause) -> list[_Clause]:
        """A clause split before each further verb phrase: ``申报综合保税区、加快…中心建设``."""
        t = self.t
        if t.find("、", c.start, c.end) < 0 and t.find("并", c.start, c.end) < 0:
            return [c]  # (no mark to cut at: most clauses)
        cuts = [m.start() + 1 for m in self._chunk_re.finditer(t, c.start, c.end) if not self._chained(m.start())]
        bounds = [c.start, *cuts, c.end]
        return [_Clause(a, b, c.sentence) for a, b in zip(bounds, bounds[1:], strict=False) if b > a]

    def _chained(self, pos: int) -> bool:
        """``完成核准并开工建设``: 并 after a stage phrase chains a second stage to the same name (the later
        one wins), it does not open a new statement."""
        if self.t[pos] != "并":
            return False
        return any(m.end() == pos for m in self.tax.after_re.finditer(self.t, max(0, pos - 8), pos))

    def _chunk(self, c: _Clause) -> None:
        t = self.t
        # (the exemplar and nominal patterns need 为 and 的: tested here before the calls)
        statements = (
            (t.find("为", c.start, c.end) >= 0 and self._exemplar(c)) or self._investment(c)
            or (t.find("的", c.start, c.end) >= 0 and self._nominal(c)) or self._general(c, c.start)
        )
        made: list[ProjectMention] = []
        for st in statements:
            made.extend(self._emit(st, c))
        if len(made) == 1:
            self._subject = _Subject(made[0], c.sentence)
        elif made:
            self._subject = None
        elif not statements:
            if not ((self._subject is not None and self._subject.sentence == c.sentence and self._amount_of_subject(c))
                    or self._capacity_statement(c)):
                self._topic(c)
        elif self._opening_topic(c, next_clause=True):
            # 洞庭湖区…综合整治工程，水利部…对可研报告进行了复审: the clause right after a sentence's opening
            # clause that is only a project's name states that project's stage, though its subject is an actor
            staged = next((st for st in statements if st.stage and st.pattern == "stage"), None)
            if staged is not None and not any(_PROJECT_WORD.search(self.t, a, b) for a, b in staged.items):
                self._continuation(_Statement([], staged.stage, staged.stage_span, staged.cue_pos,
                                              "continuation", "free"), c)

    def _opening_topic(self, c: _Clause, next_clause: bool) -> bool:
        """Whether a topic clause (only a project's name) is pending that opens the sentence of ``c`` (after
        a time word at most: ``目前，``), and (``next_clause``) ends right before ``c``."""
        topic = self._pending_clause
        if self._pending is None or topic is None or topic.sentence != c.sentence:
            return False
        if next_clause and self.t[topic.end:c.start].strip("，,") != "":
            return False
        before = self.t[max(self._line_start(topic.start), topic.start - 4):topic.start]
        opening = before == "" or before[-1] in "。；;\n" or _TIME_OPENING.search(before) is not None
        return opening and not _WORKS_COUNT.search(self._pending.name)

    def _capacity_statement(self, c: _Clause) -> bool:
        """``<name>项目总装机规模为300兆瓦``; ``<name>项目，涉海面积…，规划装机容量203兆瓦``: a project's
        capacity, stated of a name before it or of the name opening the sentence, makes it a mention
        (without a stage)."""
        t = self.t
        m = self._capacity_re.search(t, c.start, c.end)
        if m is None:
            return False
        if m.start() > c.start:
            span = self._clean_name(c.start, m.start(), "free")
            if span is None or not t.endswith(("项目", "工程"), *span) or not self._valid(t[span[0]:span[1]], "free"):
                return False
            st = _Statement([span], None, None, m.start(), "capacity", "free")
            made = self._emit(st, c)
            if len(made) == 1:
                self._subject = _Subject(made[0], c.sentence)
            return bool(made)
        if self._pending is None or not self._opening_topic(c, next_clause=False):
            return False
        base = self._pending
        self._pending = None
        base.pattern = "capacity"
        self._out.mentions.append(base)
        return True

    def _amount_of_subject(self, c: _Clause) -> bool:
        """``<name>工程，…，总投资达52亿元``: an amount alone in a clause (nothing named before it) is the
        investment of the project the sentence is about (its topic clause, or its one mention)."""
        if self._subject is None or self._subject.sentence != c.sentence:
            return False
        if self._subject.mention is self._pending and not self._opening_topic(c, next_clause=False):
            return False
        t = self.t
        start = c.start
        lead = _AMOUNT_LEAD.match(t, start, c.end)
        if lead:
            start = lead.end()
        m = self._inv_re.match(t, start, c.end)
        if m is None or m.end() < c.end or m.group("more") == "以上":
            return False
        base = self._subject.mention
        if base.investment is not None or base.pattern == "list":
            return False  # (…推进A等精细化工项目，投资250亿元: the amount of the class the list names, not A's)
        base.investment = self._make_investment(m)
        if base is self._pending:
            self._pending = None
            self._out.mentions.append(base)  # an investment statement: a mention without a stage
        return True

    # -- patterns ------------------------------------------------------------------------
    def _exemplar(self, c: _Clause) -> list[_Statement] | None:
        if self.t.find("为", c.start, c.end) < 0:
            return None  # the pattern needs 以…为龙头/代表: most clauses have no 为 (a quick test first)
        m = _EXEMPLAR.search(self.t, c.start, c.end)
        if not m:
            return None
        cls_start, cls_end = m.span("cls")
        stage, stage_span = None, None
        if _PROJECT_WORD.search(self.t[cls_start:cls_end]):
            cue = self.tax.after_re.search(self.t, cls_start, cls_end)
            if cue:
                stage, stage_span = self.tax.after_cues[cue.group()], cue.span()
        # (以商贸、金融、电子商务…为代表的现代服务业: sectors exemplify a sector, no project is named)
        items = [(a, b) for a, b in self._split_items(*m.span("obj")) if not self._is_category(self.t[a:b])]
        return [_Statement(items, stage, stage_span, m.end("obj"), "exemplar", "list")] if items else []

    def _nominal(self, c: _Clause) -> list[_Statement] | None:
        if self.t.find("的", c.start, c.end) < 0:
            return None  # the pattern needs <name>的<stage>: a quick test before the slow search
        out: list[_Statement] = []
        for m in _NOMINAL.finditer(self.t, c.start, c.end):
            s, e = m.span("obj")
            cut = _NOMINAL_CUT.match(self.t, s, e)
            if cut:
                s = cut.end()
            stage = self.tax.after_cues.get(m.group("cue")) or self.tax.stage_id(m.group("cue"))
            out.append(_Statement(self._split_items(s, e), stage, m.span("cue"), m.start("cue"), "nominal", "free"))
        return out or None

    def _investment(self, c: _Clause) -> list[_Statement] | None:
        t = self.t
        matches = [m for m in self._inv_re.finditer(t, c.start, c.end) if self._is_project_investment(m, c)]
        if not matches:
            return None
        out: list[_Statement] = []
        first = matches[0]
        lead = t[c.start:first.start()]
        if lead and self._strip_lead(c.start, first.start())[0] < first.start() and not self._lead_allows_investment(
                c.start, first.start()):
            # <name>项目总投资30亿元: the investment follows the project it belongs to; and so in a list
            # of such pairs (A总投资153亿元、B总投资80亿元、…)
            stmts = []
            start = c.start
            for k, m in enumerate(matches):
                if k and not (t.startswith("、", matches[k - 1].end()) and m.start() - matches[k - 1].end() > 2):
                    break
                found = self._general(c, start, end=m.start(), allow_bare=True)
                inv = self._make_investment(m)
                for st in found:
                    st.investment = inv
                    st.pattern = "investment"
                stmts.extend(found)
                start = m.end() + 1
            return stmts or None
        for i, m in enumerate(matches):
            end = matches[i + 1].start() if i + 1 < len(matches) else c.end
            stmts = self._general(c, m.end(), end=end, allow_bare=True, investment=self._make_investment(m))
            before = self.tax.before_re.search(t, c.start, m.start())
            for st in stmts:
                st.pattern = "investment"
                if st.stage is None and before and i == 0:
                    st.stage = self.tax.before_cues[before.group()]
                    st.stage_span = before.span()
            out.extend(stmts)
        return out

    def _lead_allows_investment(self, start: int, inv_start: int) -> bool:
        """Whether what precedes an investment is a lead-in (``凌海市与兵器集团签署``, ``国电``)."""
        text = self.t[start:inv_start]
        if self.tax.before_re.search(text) or text.endswith("的"):
            return True
        return len(text) <= 4 and not _PROJECT_WORD.search(text)

    def _is_project_investment(self, m: re.Match[str], c: _Clause) -> bool:
        t = self.t
        if m.group("more") == "以上" or t.startswith(("以上", "及以上"), m.end()):
            return False  # 投资10亿元以上的…项目: a threshold, not an amount
        before = t[max(c.start, m.start() - 6):m.start()]
        # (力争完成年度投资10亿元: a year's amount of a field or portfolio, no project's)
        if _PORTFOLIO_AMOUNT.search(before) and not m.group("de"):
            return False
        return not (m.end() >= c.end and not before.strip())  # 投资50亿元， with nothing named

    def _make_investment(self, m: re.Match[str]) -> Investment:
        value = parse_number(m.group("num")) or 0.0
        word = m.group("word")
        qualifier = {"约": "about", "近": "about", "超过": "at_least", "逾": "at_least"}.get(m.group("q") or "")
        if m.group("more") in ("余", "多") or m.group("more1"):
            qualifier = "at_least"
        elif m.group("more") == "左右":
            qualifier = "about"
        kind = "completed" if word in self._inv_completed else "total"
        s, e = m.start("num"), m.end("more") if m.group("more") else m.end("unit")
        return Investment(value, m.group("unit"), kind, self._span(s, e), qualifier)  # type: ignore[arg-type]

    def _general(self, c: _Clause, start: int, end: int | None = None, allow_bare: bool = False,
                 investment: Investment | None = None) -> list[_Statement]:
        """Lists, stage phrases and stage verbs in ``[start, end)`` of a clause."""
        t, tax = self.t, self.tax
        end = c.end if end is None else end
        lead_end, before_stage, before_span, circumfix = self._lead(start, end)
        if (_CLASS_WORDS.match(t, start, lead_end) or _BATCH_WORDS.search(t, start, lead_end)
                or _BATCH_START.match(t, lead_end, end)):
            return []  # 一批精细化工项目落户, 启动各类化工品…泊位建设: a class of projects, none named
        if t.startswith("以", lead_end):
            return []  # 建设以大型海港…为依托的…格局: a description, not a project
        # (a list's head opens with 等 or 为主的: most clauses have neither, and are not searched)
        head = (self._list_head.search(t, lead_end, end)
                if t.find("等", lead_end, end) >= 0 or t.find("为主的", lead_end, end) >= 0 else None)
        if head is None and t.find("、", lead_end, end) >= 0:
            head = self._counted_list_head(lead_end, end)
        stage, stage_span = None, None
        statements: list[_Statement] = []
        if head is not None and before_stage is None and investment is None:
            # 集聚区正在全力加快A、B等多个项目建设: a subject, then the verb that takes the list
            first_sep = t.find("、", lead_end, head.start())
            limit = first_sep if first_sep >= 0 else head.start()
            last = None
            for m in tax.before_re.finditer(t, lead_end, limit):
                if not _PROJECT_WORD.match(t, m.end()):  # (建设项目, 新建工程: nouns inside a name, no verb)
                    last = m
            if last is not None and last.start() - lead_end >= 2 and limit - last.end() >= 2:
                lead_end = last.end()
                before_stage, before_span = tax.before_cues[last.group()], last.span()
                circumfix = last.group() in tax.circumfix_cues
        if head is not None:
            mods = head.group("mods")
            just_before = t[max(lead_end, head.start() - 3):head.start()]
            # (its noun too: 联动青少年服务中心、…妇女维权服务站等服务站点 are service points)
            dropped = (bool(self._non_lists.search(mods + head.group("noun")))
                       or bool(self._non_lists.search(just_before)))
            # (等7大领域新型基础设施项目: the items are fields, not projects)
            dropped = dropped or self._category_marker.search(mods) is not None
            rest_start = head.end()
            cont_items: list[tuple[int, int]] = []
            conj = _LIST_CONJ.match(t[rest_start:end])
            pred_start = rest_start
            if conj:
                cue, obj_end = self._after_cue(rest_start + conj.end(), end)
                cont_end = obj_end if cue else end
                cont_start = rest_start + conj.end()
                cont_items = self._split_items(cont_start, self._strip_trailing(cont_start, cont_end))
                pred_start = cont_end
            cue = self._predicate_cue(pred_start, end) or self._portfolio_stage(pred_start, end)
            series: list[tuple[str, tuple[int, int]]] = []
            if cue is not None:
                stage, stage_span = cue
                series = self._stage_series(stage_span[1], end)
            elif (lm := tax.list_re.search(mods)) is not None:
                stage = tax.list_cues[lm.group()]
                stage_span = (head.start("mods") + lm.start(), head.start("mods") + lm.end())
            elif before_stage:
                stage, stage_span = before_stage, before_span
            elif head.end() == end and (chained := self._chained_list_stage(end)) is not None:
                stage, stage_span = chained
            if not dropped and investment is None:
                raw = [t[a:b] for a, b in self._split_items(lead_end, head.start(), cut_at_list=True)]
                dropped = any(x.strip("、和及") in self._sector_words for x in raw)  # 交通、能源等…项目: categories
            if not dropped:
                count = self._list_count(head, c)
                if investment is not None:
                    # 投资9.5亿元的A、B等项目: one amount, one project (its parts listed)
                    items = self._split_items(lead_end, head.start(), single=True)
                else:
                    expected = count.value if count else self._count_in_last_item(lead_end, head.start())
                    items = self._split_items(lead_end, head.start(), cut_at_list=True,
                                              expected=expected, in_list=True)
                    items = self._named_items(self._past_shared_programme(items))
                    if (lead_end == start and before_stage is None and stage is None
                            and t[head.end():end].strip() in ("", "建设") and "、" in t[start:head.start()]
                            and (back := self._list_run_back(start))):
                        # 加快推进A、B,C、D,E、F等项目建设: the list runs back over commas to its verb
                        back_items, (verb_stage, verb_span) = back
                        items = self._named_items(back_items) + items
                        if stage is None and (t[verb_span[0]:verb_span[1]] not in tax.circumfix_cues
                                              or t.startswith("建设", head.end())
                                              or head.group().endswith("建设")):
                            stage, stage_span = verb_stage, verb_span
                    if not items:
                        return []  # 双千兆网络、量子通信等项目: kinds of works, no project named
                    if head.group("noun") in self._own_head_nouns and 2 * sum(
                            self._ends_with_head(t[a:b]) for a, b in items) <= len(items):
                        return []  # 黑山庞河、北镇沟帮子等省级飞地园区: places and sectors, zones not projects
                # (the list's own noun says it too: A至B、C至D等高速公路)
                sector = self._sector_in(mods) or self._sector_in(head.group("noun"))
                statements.append(_Statement(items, stage, stage_span, head.start(), "list",
                                             "investment" if investment is not None else "list",
                                             investment, count, sector))
                # (…等项目实现当年签约、当年开工、当年投产: one statement for each stage, the count once)
                statements.extend(_Statement(items, more, more_span, head.start(), "list", "list", None, None, sector)
                                  for more, more_span in series)
                if cont_items:
                    statements.append(_Statement(cont_items, stage, stage_span, head.end(), "verb", "free"))
            return statements
        if before_stage is None and investment is None and head is None:
            # 长沙高新区新开工建设A、B以及C: a zone or place as subject, then the stage verb and its objects
            first_sep = t.find("、", lead_end, end)
            seg_end = first_sep if first_sep >= 0 else end
            for m in tax.before_re.finditer(t, lead_end, seg_end):
                subject = t[lead_end:m.start()]
                # (在30个县建设…: where and how many, not who)
                if (2 <= len(subject) <= 12 and self._subject_end.search(subject) and not subject.startswith("在")
                        and not _SUBJECT_COUNT.search(subject)):
                    # (only when the verb has a name for object: 紫荆产业园筹建工作进展顺利 is the park's stage)
                    obj, _ = self._strip_lead(m.start(), seg_end)
                    obj_end = self._strip_trailing(obj, seg_end)
                    if obj > m.start() and self._valid(t[obj:obj_end], "free"):
                        return self._general(c, m.start(), end, allow_bare, investment)
                break
        if head is None and before_stage is None and investment is None:
            # X项目入选国家eod项目库, X工程列入省重点项目: a project put into a portfolio (its stage word, if any)
            listed = self._listed_in.search(t, lead_end, end) if _LISTED_END.search(t, lead_end, end) else None
            if listed is not None and _PROJECT_END.search(t, lead_end, listed.start()) \
                    and self._valid(t[lead_end:listed.start()], "free"):
                cue = self._portfolio_stage(listed.start(), end)
                stage, stage_span = cue if cue else (None, None)
                return [_Statement([(lead_end, listed.start())], stage, stage_span, listed.start(), "listed", "free")]
        obj_start = lead_end
        while True:
            cue_info = self._after_cue(obj_start, end)
            if cue_info[0] is None:
                break
            (stage, stage_span), obj_end = cue_info
            obj_end = self._strip_trailing(obj_start, obj_end)
            if obj_end <= obj_start or self._is_part_word(obj_start, obj_end):
                if self._subject is not None or investment is not None:
                    return [_Statement([], stage, stage_span, stage_span[0], "continuation", "free", investment)]
                obj_start = stage_span[1]  # 落户开发区…的龙宇新材料项目即将投产: look further
                continue
            items = self._split_items(obj_start, obj_end, single=investment is not None)
            mode = "investment" if investment else self._shared_head_mode(items)
            out = [_Statement(items, stage, stage_span, stage_span[0], "stage", mode, investment)]
            if investment is None and t.startswith("、", stage_span[1]) and stage_span[1] + 1 < end:
                # 大兴寨水库大坝封顶、椒花水库下闸蓄水: a second name and its stage after 、
                out.extend(self._general(c, stage_span[1] + 1, end))
            return out
        obj_end = self._strip_trailing(lead_end, end)
        # (实施A项目、B项目: objects that all say they are projects need no 建设 after them; both tests
        # split the objects, so they are made only for a verb that needs them)
        if before_stage and (not circumfix or obj_end < end and self._closer_re.search(t, obj_end, end) is not None
                             or self._single_works(lead_end, obj_end)
                             or circumfix and self._all_projects(lead_end, obj_end)):
            items = self._split_items(lead_end, obj_end, single=investment is not None)
            mode = "investment" if investment else self._shared_head_mode(items)
            return [_Statement(items, before_stage, before_span, before_span[0], "verb", mode, investment)]
        if allow_bare and investment is not None:
            items = self._split_items(lead_end, obj_end, single=True)
            return [_Statement(items[:1], None, None, lead_end, "investment", "investment", investment)]
        if allow_bare:
            items = self._split_items(lead_end, obj_end, single=True)
            return [_Statement(items[:1], None, None, lead_end, "investment", "free", investment)]
        return []

    def _list_run_back(self, start: int) -> tuple[list[tuple[int, int]], tuple[str, tuple[int, int]]] | None:
        """``加快推进A、B,C、D,E、F等项目建设``: a list closed by its head in a clause that opens with no verb runs
        back across the commas of its sentence, over stretches made only of names, to the stage verb opening the
        first of them: their names are the list's items (the verb's clause, its objects not closed by 建设, made
        none), that verb the list's stage.  Anything else on the way (a category, a figure, a verb of another
        statement, the sentence's start) stops it: the list is only what its own clause holds."""
        t = self.t
        items: list[tuple[int, int]] = []
        end = start - 1
        for _ in range(8):
            if end < 0 or t[end] not in "，,":
                return None
            lo = max(0, end - 200)
            stop = max(t.rfind(ch, lo, end) for ch in "。；;！？\n，,")
            ps = stop + 1 if stop >= 0 else lo
            if end - ps < 2 or self._list_head.search(t, ps, end):
                return None
            lead_end, before_stage, before_span, _ = self._lead(ps, end)
            if lead_end >= end or not self._names_only(lead_end, end):
                return None
            items = self._split_items(lead_end, end, cut_at_list=True, in_list=True) + items
            if before_stage is not None and before_span is not None:
                first = self.norm.to_original(ps)
                if any(m.end > first for m in self._out.mentions[-8:]):
                    return None  # (开工建设A、B,C、D等项目: the verb's clause named its own objects)
                return items, (before_stage, before_span)
            if lead_end != ps or stop < 0:
                return None
            end = stop
        return None

    def _single_works(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` names one project (``…项目``) or only works on named facilities."""
        t = self.t
        if "等" in t[start:end]:
            return False
        items = self._split_items(start, end)
        return (len(items) == 1 and t.endswith("项目", start, end)
                or all(self._named_works(t[a:b]) for a, b in items or [(0, 0)]))

    def _named_works(self, name: str) -> bool:
        """Works on one named facility (``漠河机场改扩建``, ``哈尔滨机场二期扩建``, ``X路改造``), which a verb
        needing 建设 takes without it: the works noun ends the name, and a place word marks it, or it opens
        with a place and names a facility before the works (not ``城镇老旧小区改造``, a kind of works)."""
        w = self._works_re.search(_PHASE_ONLY.sub("", name))  # (改扩建二期: the works' phase)
        if w is None:
            return False
        if _PLACE_MARK.search(name) is not None or _ROAD_NUMBER.match(name) is not None:
            return True
        return self._place_at(name, 0) and self._ends_with_head(name[:w.start()].rstrip("改"))

    def _all_projects(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` lists several names that each end in 项目 (``昆明长水机场“9+2”项目、腾冲机场
        改扩建项目``), each opening with its place (not ``实施重大科技项目、重点民生项目``: programmes); not 工程, which
        ends programmes as often (``实施新产业标准化领航工程、质量强基赋能工程``)."""
        if "等" in self.t[start:end]:
            return False
        items = self._split_items(start, end)
        if len(items) >= 2 and all(
                self.t[a:b].endswith("项目") and self._place_at(self.t[a:b], 0) and self._valid(self.t[a:b], "free")
                for a, b in items):
            return True
        # (推进青年公园、楚风公园、虞姬公园项目: the last item's 项目 is the list's, and every item is a facility)
        names = [self.t[a:b] for a, b in items]
        return len(names) >= 2 and names[-1].endswith("项目") and all(
            self._ends_with_head(n.removesuffix("项目")) and self._valid(n, "free") for n in names)

    def _counted_list_head(self, start: int, end: int) -> re.Match[str] | None:
        """``现场签约A、B两个项目``: a count right after the last of several names closes their list
        like ``等…项目`` when it counts exactly the names before it and each is a facility of its own
        (``中尼友谊工业园、尼泊尔·中国西藏文化产业园两个项目``; not ``环卫保洁、绿化养护两个PPP项目``, services,
        nor a count alone, ``建设3个项目``, nor one that counts something else)."""
        if self.t.find("、", start, end) < 0:
            return None
        m = self._counted_head.search(self.t, start, end) if _COUNTED_HEAD_MARK.search(self.t, start, end) else None
        if m is None:
            return None
        value = parse_number(m.group("n"))
        items = self._split_items(start, m.start(), cut_at_list=True, in_list=True)
        if value is None or not 2 <= value == len(items):
            return None
        names = [self._clean_name(a, b, "list") for a, b in items]
        return m if all(x and self._has_head(self.t[x[0]:x[1]]) for x in names) else None

    # -- pieces of a clause --------------------------------------------------------------
    def _lead(self, start: int, end: int) -> tuple[int, str | None, tuple[int, int] | None, bool]:
        """Skip leading intent, manner and verb words; return the stage verb among them."""
        t, tax = self.t, self.tax
        lead_end, _ = self._strip_lead(start, end)
        before_stage, before_span, circumfix = None, None, False
        if t.startswith(("成为", "成"), lead_end):
            return start, None, None, False  # 建设成为…: becoming something, not building it
        for m in tax.before_re.finditer(t, start, lead_end):
            if m.end() == lead_end or t[m.end():lead_end] in ("", "了"):
                before_stage = tax.before_cues[m.group()]
                before_span = m.span()
                circumfix = m.group() in tax.circumfix_cues
        if before_stage is None and lead_end == start and (label := _FIELD_LABEL.match(t, start, end)) is not None and (
                copula := self._label_copula.match(t, label.end(), end)) is not None and copula.end() < end:
            # 机场建设方面主要是A、B机场建设: the field's work is what follows, so the word of being stands for a
            # verb that needs 建设 after its objects (推进)
            return copula.end(), tax.before_cues["建设"], copula.span(), True
        return lead_end, before_stage, before_span, circumfix

    def _strip_lead(self, start: int, end: int) -> tuple[int, str]:
        if (start == 0 or self.t[start - 1] == "\n") and (num := _ITEM_NUMBER.match(self.t, start, end)) is not None:
            start = num.end()  # 12.启动A建设: the item's number, then its verb
        m = self.tax.leading_re.match(self.t, start, end)
        pos = m.end() if m else start
        while pos < end and (self.t[pos].isdecimal() or self.t[pos] in "明年") and (
                when := _LEAD_TIME.match(self.t, pos, end)) is not None:  # (its first characters tested first)
            # 预计11月底贯通X, 明年底贯通Y: a time between (or before) leading words
            more = self.tax.leading_re.match(self.t, when.end(), end)
            if more is None:
                break
            m, pos = more, more.end()
        if m is None and self.t.find("方面", start, min(end, start + 8)) >= 0 and (
                label := _FIELD_LABEL.match(self.t, start, end)) is not None:
            # 铁路方面抓好…, 民航方面推进…: the field a sentence speaks of, then its verb (after a word of
            # being: 铁路建设方面主要是推进…)
            verb_at = label.end()
            if (copula := self._label_copula.match(self.t, verb_at, end)) is not None:
                verb_at = copula.end()
            more = self.tax.leading_re.match(self.t, verb_at, end)
            if more is not None:
                m, pos = more, more.end()
        if m and self.t.startswith("了", pos):
            pos += 1  # 重点实施了X, 完成了X: the aspect particle of the verb stripped
        # a leading word that is the whole name is not a leading word (建设 alone)
        return (pos if pos < end else start), self.t[start:pos]

    def _after_cue(self, start: int, end: int) -> tuple[tuple[str, tuple[int, int]] | None, int]:
        """The first stage phrase after a name in ``[start, end)``: ((stage, span), object end)."""
        t, tax = self.t, self.tax
        pos = start
        while True:
            m = tax.after_re.search(t, pos, end)
            if m is None:
                return None, end
            stage, s, e = tax.after_cues[m.group()], m.start(), m.end()
            if tax.blocked(t, s, e):
                pos = s + 1
                continue
            # chained cues: 建成并投入使用, 竣工投产, 落成启用
            while True:
                n = _CHAIN.match(t, e, end)
                k = n.end() if n else e
                m2 = tax.after_re.match(t, k, end)
                if not m2:
                    break
                stage2 = tax.after_cues[m2.group()]
                if tax.order(stage2) > tax.order(stage):
                    stage = stage2
                e = m2.end()
            rest = t[e:end]
            if (m.group() in _OBJECT_TAKING and rest and rest[0] not in "、，；…"
                    and not re.fullmatch(r"[了的。]*|成功|工作", rest)):
                pos = m.end()
                continue
            if (rest and rest[0] not in "、，；…。" and rest.rstrip("。；")[-1:] in _QUANTITY_ENDS
                    and _QUANTITY.search(rest.rstrip("。；"))):
                # 集中示范园区新建续建道路41.3公里: the verb of a measured class of works, not a stage of the name
                pos = m.end()
                continue
            # the name ends before the manner/time words that precede the stage phrase
            obj_end = s
            fill = self._trailing_fillers(start, s)
            obj_end = s - fill
            return (stage, (s, e)), obj_end

    def _predicate_cue(self, start: int, end: int) -> tuple[str, tuple[int, int]] | None:
        """A stage phrase right at ``start`` (after manner and time words): ``…等5个项目竣工``."""
        t, tax = self.t, self.tax
        if t.startswith("的", start) and start + 1 < end:
            start += 1  # 启动A等项目的前期工作: the stage of the list, after 的
        m = tax.after_re.match(t, start, end)
        pos = start
        if not m:
            f = tax.filler_re.match(t, start, end)
            pos = f.end() if f else start
            m = tax.after_re.match(t, pos, end)
        if not m:
            # 等在建项目建设进程, 等项目建设工作全面展开: the activity word, then the stage
            pos += len(re.match(r"(?:建设进程|建设工作|建设|工作)?", t[pos:end]).group())  # type: ignore[union-attr]
            f = tax.filler_re.match(t, pos, end)
            pos = f.end() if f else pos
            m = tax.after_re.match(t, pos, end)
        if not m:
            return None
        stage, e = tax.after_cues[m.group()], m.end()
        n = _CHAIN.match(t, e, end)
        m2 = tax.after_re.match(t, n.end() if n else e, end)
        if m2 and tax.order(tax.after_cues[m2.group()]) > tax.order(stage):
            stage, e = tax.after_cues[m2.group()], m2.end()
        return stage, (m.start(), e)

    def _stage_series(self, pos: int, end: int) -> list[tuple[str, tuple[int, int]]]:
        """The stages after a list's stage phrase ending at ``pos`` when each comes after ``、`` and a time or
        manner word of its own (``实现当年签约、当年开工、当年投产``): each a statement of its own.  Without such
        a word the phrases are one chained stage (``建成、投产``: the later wins), read by the callers."""
        t, tax = self.t, self.tax
        out: list[tuple[str, tuple[int, int]]] = []
        while t.startswith("、", pos) and pos + 1 < end:
            f = tax.filler_re.match(t, pos + 1, end)
            if f is None or f.end() == pos + 1:
                break
            m = tax.after_re.match(t, f.end(), end)
            if m is None:
                break
            out.append((tax.after_cues[m.group()], m.span()))
            pos = m.end()
        return out

    def _trailing_fillers(self, start: int, end: int) -> int:
        """How many characters of manner/time words end ``[start, end)``."""
        text = self.t[start:end]
        best = 0
        for i in range(len(text) - 1, -1, -1):
            f = self.tax.filler_re.fullmatch(text, i)
            if f:
                best = len(text) - i
        return best

    def _strip_trailing(self, start: int, end: int) -> int:
        t = self.t
        while end > start:
            m = self.tax.trailing_re.search(t, start, end)
            if m and m.end() == end and m.start() > start:
                end = m.start()
                continue
            if t[end - 1] in "等、和及的":
                end -= 1
                continue
            break
        return end

    def _is_part_word(self, start: int, end: int) -> bool:
        date = _LEADING_DATE.match(self.t, start, end)
        if date and date.end() < end:
            start = date.end()  # 2011年元月工程可研报告已通过审查: the works (of the project named before)
        return self.t[start:end] in _PART_WORDS or (end - start <= 4 and self._subject is not None
                                                    and not self._has_head(self.t[start:end]))

    def _split_items(self, start: int, end: int, cut_at_list: bool = False, single: bool = False,
                     expected: int = 0, in_list: bool = False) -> list[tuple[int, int]]:
        """The names in ``[start, end)``: split at 、 (and 和/以及 between long items) outside brackets.

        A function of the text and the arguments: answers are kept for the document (a clause's objects
        are split by each test that reads them), and a copy is returned."""
        key = (start, end, cut_at_list, single, expected, in_list)
        found = self._items_memo.get(key)
        if found is None:
            found = self._items_memo[key] = self._split_items_now(start, end, cut_at_list, single, expected, in_list)
        return list(found)

    def _split_items_now(self, start: int, end: int, cut_at_list: bool, single: bool, expected: int,
                         in_list: bool) -> list[tuple[int, int]]:
        t = self.t
        if single:
            return [(start, end)] if end > start else []
        parts = self._cut_outside_brackets(start, end, "、")
        if cut_at_list:
            # 汽车及零部件、农产品加工等产业和中北石化润滑油等…项目: only what follows 等…和 is listed
            # (unless the first list is one of projects too: A、B等新兴产业项目和C、D等转型升级项目 lists all four)
            for k in range(len(parts) - 1, -1, -1):
                ps, pe = parts[k]
                m = _ETC_AND.search(t[ps:pe])
                if m:
                    head = t[ps + m.start():ps + m.end()].rstrip("以及和")
                    if self._list_noun_end.search(head) and not self._is_rejected_item(head[1:]):
                        parts = [*parts[:k], (ps, ps + m.start()), (ps + m.end(), pe), *parts[k + 1:]]
                    else:
                        parts = [(ps + m.end(), pe)] + parts[k + 1:]
                    break
        out: list[tuple[int, int]] = []
        for ps, pe in parts:
            out.extend(self._split_and(ps, pe, in_list=in_list))
        if expected and len(out) < expected:
            # 义县万华秸秆板材和水产养殖加工等4个…项目: the count says 和 joins two items
            out = [p for ps, pe in out for p in self._split_and(ps, pe, force=True)]
        # a bare natural place (小凌河、百股河污染综合治理工程) names the works that follow it
        merged: list[tuple[int, int]] = []
        k = 0
        while k < len(out):
            ps, pe = out[k]
            # (not before a short bare name: 泸沽湖、沧源、澜沧、红河蒙自机场 is a run of names sharing one head)
            nxt = t[out[k + 1][0]:out[k + 1][1]] if k + 1 < len(out) else ""
            if (k + 1 < len(out) and _PLACE_ONLY.match(t[ps:pe]) and not self._has_head(t[ps:pe])
                    and not (len(nxt) <= 4 and not self._has_head(nxt) and _PLACE_ONLY.match(nxt) is None)):
                merged.append((ps, out[k + 1][1]))
                k += 2
                continue
            merged.append((ps, pe))
            k += 1
        return [p for p in merged if p[1] > p[0]]

    def _split_and(self, start: int, end: int, force: bool = False, in_list: bool = False) -> list[tuple[int, int]]:
        t = self.t
        text = t[start:end]
        depth = 0
        for mark in _AND_MARKS.finditer(text):  # (only brackets and 以/和/及 change anything)
            i, ch = mark.start(), mark.group()
            if ch in _OPEN:
                depth += 1
            elif ch in _CLOSE:
                depth = max(0, depth - 1)
            elif depth == 0:
                m = _AND_SPLIT.match(text, i)
                # (以及 in a list separates items however short: 省道301线供加至班戈以及革吉、洛扎…; a count
                # forces 和 between short names: 安九和赣深三条…)
                short_right = in_list and m is not None and m.group() in ("以及", "和") and len(text) - m.end() >= 2
                if m and (i >= 3 or force and i >= 2) and (len(text) - m.end() >= 3 or short_right):
                    left, right = text[:i], text[m.end():]
                    both = self._ends_with_head(left) and self._ends_with_head(right)
                    # (a count asking for more items splits at 及 too: G207、G325及S280、S370等15条国省道; not
                    # before works on the first part: 四十军军部及周边改造)
                    counted = force and self._works_re.search(right) is None
                    # (nor after works done in full on the left: 珍酒改扩建及盘江新光电厂 are two projects)
                    if m.group() == "及" and not counted and not (
                            both and (len(right) >= 7 or len(right) >= 4 and self._works_re.search(left))
                            and not right.startswith(self._part_prefixes)
                            and not right.endswith(self._whole_project)):
                        continue  # 四十军军部及周边改造, 辽西北锦州供水及配套管网, A基地及B研究院建设项目: one project
                    # two long items of a list, unless only the right one ends in a facility word: then
                    # the left one qualifies it (惠普亚太能源和软件外包研究院: one institute)
                    long_items = (in_list and m.group() == "和" and len(left) >= 4 and len(right) >= 4
                                  and not (self._ends_with_head(right) and not self._has_head(left)))
                    if force and len(right) >= 2 and self._ends_with_head(left):
                        return [(start, start + i), *self._split_and(start + m.end(), end, force, in_list)]
                    # (和 before a place alone: 定安塔岭工业园和儋州、三亚国家农业科技园, the place's own park)
                    place = (in_list and m.group() == "和" and self._ends_with_head(left)
                             and self.gazetteer.resolve(right) is not None)
                    # (a counted class after 和 is an item of its own, dropped later: 魏井邻里中心和6个城市之家)
                    counted_right = _COUNT_START.match(right) is not None and self._ends_with_head(left)
                    if force or both or long_items or _COUNT_START.match(left) or counted_right or place or (
                            in_list and m.group() == "以及"):
                        return [(start, start + i), *self._split_and(start + m.end(), end, force, in_list)]
        return [(start, end)]

    def _count_in_last_item(self, start: int, end: int) -> int:
        """``昌吉赣、安九和赣深三条客运专线江西段等项目``: a count after the last short name, before the head the
        names share, says how many items the list has (so 和 separates two of them)."""
        last = self.t[self.t.rfind("、", start, end) + 1 if "、" in self.t[start:end] else start:end]
        m = _SHARED_COUNT.match(last)
        return int(parse_number(m.group(1)) or 0) if m else 0

    def _list_count(self, head: re.Match[str], c: _Clause) -> ProjectCount | None:
        n = head.group("n")
        if not n:
            return None
        value = parse_number(n)
        if value is None:
            return None
        s, e = head.start("n"), head.end("noun")
        span = self._span(s, e)
        return ProjectCount(doc=self.doc.name, start=span.start, end=span.end, text=span.text, value=int(value),
                            noun=head.group("mods") + head.group("noun"), segment=self.segment)

    # -- names to mentions ---------------------------------------------------------------
    def _emit(self, st: _Statement, c: _Clause) -> list[ProjectMention]:
        t = self.t
        if not st.items:
            if st.pattern == "continuation" and self._subject is not None and st.stage:
                return [self._continuation(st, c)]
            return []
        kind, period = self._kind_period(c, st)
        verb = t[st.stage_span[0]:st.stage_span[1]] if st.stage_span else ""
        if st.pattern == "verb" and verb == "新建" and kind == "actual":
            st.stage = "completed"  # 新建 in a review: built
        if st.mode != "investment" and st.pattern in ("verb", "stage") and len(st.items) > 1:
            first = self._clean_name(*st.items[0], st.mode)
            last_s, last_e = st.items[-1]
            if (first and _COUNT_START.match(t[first[0]:first[1]])) or self._etc_non_project.search(
                    t[last_s:self._strip_trailing(last_s, last_e)]):
                return []  # 新建200个智能车间、智能工厂; 完成道路、供水等基础设施建设: classes, none named
        made: list[ProjectMention] = []
        list_id = None
        if st.count is not None or len(st.items) > 1:
            self._lists += 1
            list_id = self._lists
        spans = [self._clean_name(s, e, st.mode) for s, e in st.items]
        for k, span in enumerate(spans):
            if span is None:
                continue
            ns, ne = span
            name = t[ns:ne]
            if not self._valid(name, st.mode) and not self._shares_head(name, spans[k + 1:], st.mode) and not (
                    st.mode == "list" and self._place_shares_head(name, spans[k + 1:k + 2])):
                continue
            made.append(self._mention(ns, ne, st, kind, period, list_id))
        line = self._line_start(c.start) - 1
        if st.mode == "investment":
            # 投资56亿元A，投资1.2亿元B…等8个项目: a column's items are one list, its count at the end
            if line != self._column_line:
                self._column_line, self._column_items = line, []
            self._column_items.extend(made)
        if st.count is not None and made:
            cnt = st.count
            members = made
            if st.mode == "investment":
                label = t.rfind("：", max(line + 1, c.start - _LOOKBACK), c.start)
                members = [m for m in self._column_items if m.start >= self.norm.to_original(label + 1)]
                for m in members:
                    m.list_id = list_id
                self._column_items = []
            cnt.stage, cnt.kind, cnt.period = st.stage, kind, period  # type: ignore[assignment]
            cnt.region = self._region(None)
            cnt.members = [m.name for m in members]
            sectors = [m.sector for m in members if m.sector]
            # the most frequent sector, the first named on a tie (a set's order would change with the hash seed)
            cnt.sector = st.list_sector or (max(sectors, key=sectors.count) if sectors else None)
            cnt.list_id = list_id
            self._out.counts.append(cnt)
        self._out.mentions.extend(made)
        return made

    def _continuation(self, st: _Statement, c: _Clause) -> ProjectMention:
        base = self._subject.mention  # type: ignore[union-attr]
        kind, period = self._kind_period(c, st)
        if base is self._pending:
            # the topic clause's name gets its stage now
            self._pending = None
            base.stage = st.stage
            base.stage_span = self._span(*st.stage_span) if st.stage_span else None
            base.kind, base.period, base.pattern = kind, period, "stage"  # type: ignore[assignment]
            self._out.mentions.append(base)
            return base
        if base.stage is None and base.kind == kind and base.pattern != "continuation":
            # 地下商城项目总投资5000万美元，…主体工程已完工: one statement told in two clauses
            base.stage = st.stage
            base.stage_span = self._span(*st.stage_span) if st.stage_span else None
            return base
        m = ProjectMention(**{**base.__dict__})
        m.stage = st.stage
        m.stage_span = self._span(*st.stage_span) if st.stage_span else None
        m.kind, m.period = kind, period  # type: ignore[assignment]
        m.investment = st.investment or base.investment
        m.capacities = list(base.capacities)
        m.pattern = "continuation"
        m.list_id = None
        self._out.mentions.append(m)
        return m

    def _mention(self, ns: int, ne: int, st: _Statement, kind: str, period: str, list_id: int | None) -> ProjectMention:
        t = self.t
        name = t[ns:ne]
        span = self._span(ns, ne)
        keys = name_keys(name, self.tax)
        caps = [
            Capacity(cm.value, cm.unit, name[cm.start:cm.end], self._span(ns + cm.start, ns + cm.end))
            for cm in capacities(name)
        ]
        sector, source, heading = self._sector(ns, name, st.list_sector)
        return ProjectMention(
            doc=self.doc.name, start=span.start, end=span.end, text=span.text, name=name, key=keys.key,
            aliases=keys.aliases, owner=owner_of(name, self.tax), sector=sector, sector_source=source,
            stage=st.stage, stage_span=self._span(*st.stage_span) if st.stage_span else None,
            kind=kind, period=period, region=self._region(name),  # type: ignore[arg-type]
            investment=st.investment, capacities=caps, list_id=list_id, pattern=st.pattern,
            segment=self.segment, heading=heading,
        )

    def _clean_name(self, s: int, e: int, mode: str) -> tuple[int, int] | None:
        t = self.t
        if _CLASS_WORDS.match(t, s, e):
            return None  # 一批精细化工项目落户: a class of projects, none named
        if mode != "investment":
            # 百股…集聚区正在全力加快思凯农副产品国际物流园: a subject and its verb before the name
            last = None
            for m in _MID_VERB.finditer(t, s, e):
                last = m
            if last is not None and last.start() - s >= 2 and e - last.end() >= 2:
                s = last.end()
        for _ in range(4):
            while s < e and t[s] in "、，和及与并 ":
                if t[s] in "和及与并" and (self._place_at(t, s) or t.startswith(self._not_conjunction, s)
                                          or s > 0 and t[s - 1] == "、"):
                    break  # 和田至若羌铁路, 和静机场, 、和山巨力…项目: a name, not a conjunction
                s += 1
            s2, word = self._strip_lead(s, e)
            if s2 == s or (word == "将" and not self._future(s + 1, e)):
                break  # (将军庙至淖毛湖铁路: 将 before no verb is no future, but a name)
            s = s2
        if _CLASS_WORDS.match(t, s, e):
            return None  # 开工建设一大批重点项目: the class, once the verb is stripped
        date = _LEADING_DATE.match(t, s, e)
        if date and e - date.end() >= 2:
            s = date.end()  # 2011年元月工程可研报告…: a date opens the clause, not the name
        # a relative clause before 的 is not part of the name (落户开发区…园区的龙宇新材料及配套项目)
        de = t.rfind("的", s, e)
        if de >= 0 and de - s >= 2 and e - de - 1 >= 2 and _RELATIVE.search(t, s, de):
            s = de + 1
        # an unclosed bracket at the end ((其中：) and what follows a closed list
        cut = _UNCLOSED.search(t[s:e])
        if cut and cut.start() > 0:
            e = s + cut.start()
        lead_len = re.match(rf"{_NUM}(?:公里|千米|米)", t[s:e])
        if lead_len and e - s - lead_len.end() >= 3:
            s += lead_len.end()  # 18.5公里女儿河滨河路
        tail_len = _TRAILING_LENGTH.search(t, s, e)
        if tail_len and tail_len.start() - s >= 3 and t.find("至", s, tail_len.start()) > s:
            # 贯通徐家磨至乌鞘岭路段100公里: the length built, not the name of the stretch (but 改造城市道路
            # 120公里 names no stretch: a kind of road and its length)
            e = tail_len.start()
        etc = _ETC_TAIL.search(t[s:e])
        if etc and etc.start() >= 2 and mode != "investment":
            e = s + etc.start()  # 珠恩嘎达布其国际物流园等专业物流园区
        e = self._strip_trailing(s, e)
        while e > s and t[e - 1] in "）)" and _opened(t, s, e) < 0:
            e -= 1
            e = self._strip_trailing(s, e)
        if mode == "investment":
            # 40万千瓦风电项目现场车辆穿梭: the name ends with its 项目
            m = _PROJECT_WORD.search(t[s:e])
            if m and s + m.end() < e and not _BRACKET_OR_LIST.match(t[s + m.end():e]):
                e = s + m.end()
        if e - s >= 2 and t[s] == "“" and t[e - 1] == "”" and "“" not in t[s + 1:e - 1]:
            if _NUMBERED_SLOGAN.match(t, s):
                return None  # “两重”: a slogan
            s, e = s + 1, e - 1
        return (s, e) if e - s >= 2 else None

    def _valid(self, name: str, mode: str) -> bool:
        """Whether ``name`` can name one project read in ``mode`` (a function of the two alone:
        answers are kept, as a document asks about the same names many times)."""
        return memoised(self._valid_memo, (name, mode), lambda: self._judge_name(name, mode))

    def _judge_name(self, name: str, mode: str) -> bool:
        core = _TRAILING_BRACKET.sub("", name)  # (a bracket after a name, a note on it, is no part of its length)
        if len(core) < 2 or len(core) > (70 if mode == "investment" else 40):
            return False
        if _COUNT_START.match(name) or _QUANTITY.search(name) or _SLOGAN.search(name):
            return False
        if _milestone_clause().search(name):
            return False  # 如国地税收入双双突破百亿大关: a milestone passed, a clause (lexicon ``milestones``)
        if (de := name.rfind("的")) >= 0 and _COUNT_START.match(name[de + 1:]):
            return False  # 与6省区的13条“接头路”: a counted class after its qualifier, no name
        if _ETC_COUNT.search(name) or _ALL_QUOTED.fullmatch(name) or _NUMBERED_SLOGAN.match(name):
            return False  # “两重”项目: a programme named by a numbered slogan
        if self._bare_numbered_slogan(name) or _CODE_PROGRAMME.search(name):
            return False  # 两新一重, 四新设施 (unquoted), 新基建761工程: programmes, not projects
        if (num := re.match(r"\d+", name)) and _PROJECT_END.search(name) and self._is_category(name[num.end():]):
            return False  # 27工业项目 (a count that lost its 个): a counted class
        if (mode != "investment" and _COUNTED_PROJECTS.search(name)) or _MEASURED.search(name):
            # 武汉大学…中心首批10个重点项目, 货物吞吐量3.5亿吨: a counted class, a measure (but a column's amount
            # introduces one project with its count: 投资50亿元锦州石化公司…转型升级2个项目)
            return False
        bare = _TRAILING_BRACKET.sub("", name)
        if self.gazetteer.resolve(bare) is not None or bare in self._generic_names:
            return False
        if mode != "investment" and _ENDS_PROJECT.search(bare) and self._non_lists.search(bare):
            return False  # 重大公共卫生项目, 科技项目: programmes, not construction
        if _SCOPED_PORTFOLIO.fullmatch(bare):
            return False  # 全省重点工程完成投资238.7亿元: a region's portfolio of key works, no project
        if mode == "investment":
            return not bare.endswith(("企业", "公司"))
        if _BARE_PROJECT.fullmatch(bare):
            return False  # 优质项目, 重大项目, 三期工程: no project named
        if bare.endswith(self.tax.non_project_heads):
            if mode == "list" and not self._rejected_end(bare):
                return True
            return False
        if mode == "list":
            # a list item needs a name of its own: 景观提升 in a list of works is a kind of works; and a class
            # of works opened by a word of scale is none (大中型病险水库除险加固工程, 县城基础设施补短板)
            if (prefix := self._class_prefix.match(bare)) is not None and self._is_category(bare[prefix.end():]):
                return False
            return not self._rejected_end(bare)
        if _SLOGAN_PROGRAMME.fullmatch(bare):
            return False  # “北义闾山会师”工程: a programme named by its slogan
        generic = _BARE_PROJECT.fullmatch(bare)
        if generic:
            return False  # 优质项目, 重大项目: no project named
        if (marker := self._category_marker.search(bare)) is not None and not self._place_at(bare, marker.end()):
            return False  # 农业领域人工智能应用中试基地: a field's facilities (but 绿色低碳领域重庆实验室 is one)
        if "以上" in bare or ((prefix := self._category_prefix.match(bare)) is not None
                               and (is_generic_name(bare[prefix.end():]) or self._is_category(bare[prefix.end():]))):
            return False  # 省级物流园区, 高水平县级医院: a kind of facility, no particular one
        if _AMBITION.search(name):
            return False  # 全国重要的新能源装备制造基地: an ambition, not a project
        if _RATING.search(name):
            return False  # 老牛湾黄河大峡谷5A级景区(获批): a grade given to a place, not a project
        if _BUILD_CLAUSE.search(name):
            return False  # 小区配套建设幼儿园: a clause, not a name
        return self._has_head(name) and not _CLAUSE_VERBS.search(name)

    def _bare_numbered_slogan(self, name: str) -> bool:
        """``两新一重``, ``四新设施``: a slogan written without quotes, made only of numbers each with one word
        (one such pair only before a generic noun: ``九绵`` is a road), none of them a place (``三亚``, ``九江``)."""
        m = _BARE_SLOGAN.fullmatch(name)
        if m is None:
            return False
        pairs = m.group("pairs") or m.group("pair")  # (one pair only before a noun: 九绵 is a road's short name)
        return not any(self.gazetteer.resolve(pairs[k:k + 2]) is not None for k in range(0, len(pairs), 2))

    def _shares_head(self, name: str, following: list[tuple[int, int] | None], mode: str) -> bool:
        """``西康、西十高铁``, ``府谷、定边机场``: a short bare name before a named facility shares its head."""
        if mode != "free" or not following or following[0] is None or not (
                2 <= len(name) <= 4 or _BARE_STRETCH.fullmatch(name)):  # (武汉至福州、武汉至贵阳高铁: a stretch)
            return False
        if self.tax.leading_re.match(name) or _COUNT_START.match(name) or not re.fullmatch(r"[\u4e00-\u9fff]+", name):
            return False
        if self._ends_with_head(name) or _PROJECT_WORD.search(name):
            return False  # 校安工程: a name with a head of its own, rejected for itself
        if is_generic_name(name) or self.gazetteer.resolve(name) is not None:
            return False  # 国家医疗、…基地; 义县、…: a category or a place, not a name
        nxt = self.t[following[0][0]:following[0][1]]
        if self._works_re.search(nxt) or _PROJECT_END.search(nxt):
            return False  # 校安工程、…改造: programmes and works share no facility word
        if self._ends_with_head(nxt):
            return self._valid(nxt, mode) and not is_generic_name(nxt)
        # 玉磨、祥临、弥蒙、隆黄铁路: a run of short bare names all share the head that ends the run
        return not self._valid(nxt, mode) and self._shares_head(nxt, following[1:], mode)

    def _place_shares_head(self, name: str, following: list[tuple[int, int] | None]) -> bool:
        """``吉安市、乐平市生活垃圾焚烧发电项目``, ``儋州、三亚国家农业科技园``: in a list, a place alone before an
        item that is another place's facility names that facility of its own place."""
        if not following or following[0] is None or self.gazetteer.resolve(name) is None:
            return False
        nxt = self.t[following[0][0]:following[0][1]]
        for n in (4, 3, 2):
            if n < len(nxt) and self.gazetteer.resolve(nxt[:n]) is not None:
                rest = nxt[n:]
                return len(rest) >= 3 and self._has_head(rest) and self._valid(nxt, "free")
        return False

    def _shared_head_mode(self, items: list[tuple[int, int]]) -> str:
        """``针状焦、稀土顺丁橡胶、石化催化裂解项目``: a 项目 ending the last item heads them all (a bare
        项目 does not: 确保政策落实、项目开工 lists no projects)."""
        last = self.t[items[-1][0]:items[-1][1]] if items else ""
        if len(items) > 1 and last.endswith("项目") and not _BARE_PROJECT.fullmatch(last):
            return "list"
        return "free"

    def _ends_with_head(self, name: str) -> bool:
        bare = _TRAILING_BRACKET.sub("", name).rstrip("”\"")
        if bare.endswith(self.tax.facility_heads):
            return True
        bare = _PHASE_SUFFIX.sub("", bare)
        if bare.endswith(self.tax.facility_heads):
            return True
        if bare.endswith(self._part_heads):
            # 沪陕高速六安东出口, 沈海高速鳌头出口, 吉宝物流园仓储冷库区: a part of the facility named before it (not
            # 外贸出口: no facility before)
            rest = bare[:-max(len(h) for h in self._part_heads if bare.endswith(h))]
            if any(h in rest for h in self._part_owners):
                return True
        core = _DIRECTION_SUFFIX.sub("", bare)  # 工业大道南, 迎宾路东延伸段 (but 公路东、西外环: 公路 names none)
        return core != bare and len(core) >= 3 and core not in self._generic_names and core.endswith(
            self.tax.facility_heads)

    def _has_head(self, name: str) -> bool:
        if self._ends_with_head(name) or _PROJECT_END.search(name):
            return True
        if (m := _JOINED_WORKS.fullmatch(name)) is not None and self._ends_with_head(m.group(1)):
            return True  # 安顺古城历史文化街区保护修缮与提升: the first works is the head
        return bool(capacities(name))

    def _place_at(self, text: str, pos: int) -> bool:
        """Whether a region's name (重庆, 长沙市) starts at ``pos``."""
        return any(self.gazetteer.resolve(text[pos:pos + n]) is not None for n in (2, 3, 4) if pos + n <= len(text))

    def _is_category(self, name: str) -> bool:
        """A name made only of words of kinds of works, sectors and facilities (量子通信, 次干道路,
        棚户区改造): no place, brand, number or other word of its own that would make it one project."""
        bare = _TRAILING_BRACKET.sub("", name)
        return not _CATEGORY_JOINS.sub("", self._category_words.sub("", bare)) and not any(
            ch.isdigit() for ch in bare)

    def _is_kind(self, name: str) -> bool:
        """A category that is a kind of works or of sector (景观提升, 饮水安全, 危房改造), not a facility
        (金融中心, 五星级酒店 name one facility of the place the document speaks of)."""
        bare = _TRAILING_BRACKET.sub("", name)
        return self._is_category(bare) and (not bare.endswith(self._physical_heads) or self._works_re.search(bare)
                                             is not None)

    def _category_list(self, names: list[str]) -> bool:
        """A list of categories (双千兆网络、量子通信等项目; 棚户区改造、景观提升、市容市貌整治和东山组团
        建设等5项工程): every item a category, or most items and one of them a kind of works."""
        if len(names) < 2:
            return False
        generic = [n for n in names if self._is_category(n) or self._is_rejected_item(n)]
        if len(generic) == len(names):
            return True
        return len(generic) * 2 > len(names) and any(self._is_kind(n) or self._is_rejected_item(n) for n in generic)

    def _named_items(self, items: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """The items of a list of categories that name a project of their own (伊敏河沿岸景观改造工程 among
        沿街建筑立面美化、主要街区亮化); all items of any other list."""
        if len(items) < 2:
            return items
        cleaned = [self._clean_name(a, b, "list") for a, b in items]
        names = [self.t[x[0]:x[1]] if x else "" for x in cleaned]
        if not self._category_list(names):
            # (building a kind of works among named projects names none: 电网建设工程 between 海榆西线 and
            # 东方高排风电场; but 供热管网改造 among a city's works is that city's renovation)
            return [it for it, name in zip(items, names, strict=True)
                    if not (name.endswith(self._kind_project) and self._is_kind(name))]
        return [it for it, name in zip(items, names, strict=True)
                if not (self._is_category(name) or self._is_rejected_item(name))]

    def _past_shared_programme(self, items: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """``两转双赢转人、减畜、增绿、增收战略和京津风沙源治理等…工程``: an item whose part before 和/及 ends in a
        head no project has (战略, 行动, 计划) closes a run of bare words sharing that head (a strategy's parts);
        they are dropped with it, and the list goes on after the 和."""
        t = self.t
        for k, (a, b) in enumerate(items):
            if k == 0:
                continue
            m = _AND_SPLIT.search(t, a, b)
            left_end = m.start() if m is not None and m.start() - a >= 2 else b
            if not t[a:left_end].endswith(self.tax.non_project_heads):
                continue
            if any(self._has_head(t[x:y]) for x, y in items[:k]):
                return items  # (the items before have heads of their own: not one strategy's parts)
            return [(m.end(), b), *items[k + 1:]] if left_end < b else items[k + 1:]
        return items

    def _is_rejected_item(self, name: str) -> bool:
        return not name or self._rejected_end(name)

    def _rejected_end(self, name: str) -> bool:
        """Whether a list item ends in a head no project has (企业, 地块, 提升), unless that head is a second
        works joined to the works of a named place (``安顺古城历史文化街区保护修缮与提升``)."""
        if not name.endswith(self._list_rejected_heads):
            return False
        m = _JOINED_WORKS.fullmatch(name)
        return m is None or not self._ends_with_head(m.group(1))

    # -- context -------------------------------------------------------------------------
    def _kind_period(self, c: _Clause, st: _Statement) -> tuple[str, str]:
        t, tax, layout = self.t, self.tax, self.layout
        pos = st.cue_pos if st.cue_pos is not None else c.start
        scope = scope_at(layout, c.start)
        kind = scope.kind
        # cue words in the clause up to the stage phrase, and an estimate cue opening the sentence
        stop = st.stage_span[0] if st.stage_span else max(pos, c.start)
        first = max(c.start, stop - _LOOKBACK)  # cues stand near the statement, not megabytes before it
        chars = list(t[first:stop])
        for s, e in st.items:  # cue words inside a name (重要, 主要) are not cues
            for k in range(max(s, first), min(e, stop)):
                chars[k - first] = " "
        before = "".join(chars)
        k = bisect_left(self._stops, c.start)
        sentence_start = self._stops[k - 1] + 1 if k else 0
        if kind != "target":
            # (an enumeration's lead is the statement before its enumerator, not the names before this one)
            lead_end = st.lead_end if st.lead_end is not None else (st.items[0][0] if st.items else c.start)
            lead = t[c.start:max(c.start, lead_end)]
            if tax.kind_estimate_re.search(before) or tax.kind_estimate_re.match(t, sentence_start):
                kind = "estimate"
            elif tax.kind_target_re.search(before) or self._plan_paragraph(c.start):
                kind = "target"
            elif layout.doc_type in ("新闻报道", "other") and not _DONE.search(lead) and any(
                    not _PROJECT_WORD.match(lead, im.end()) for im in _INTENT.finditer(lead)):
                # (建设 before 项目/工程 is a noun, no intent: 为A开发保护建设项目，B…)
                # a news report's "加快X建设", "开工建设X": what is planned (what was done reads "X开工建设")
                kind = "target"
        year = scope.year
        m = _YEAR_WORD.search(before)
        if m:
            return kind, m.group(1)
        if "明年" in before and year:
            return kind, str(year + 1)
        if "今年" in before and layout.year:
            return kind, str(layout.year)
        if kind == "target" and layout.doc_type == "规划纲要" and scope.span:
            return kind, scope.span
        if scope.multi_year and scope.span:
            return kind, scope.span
        return kind, str(year) if year else ""

    def _topic(self, c: _Clause) -> None:
        """A clause that is only a project's name (``梯子沟…填埋场项目，已建成投入使用``) is the subject
        of the stage phrase that opens the next clause."""
        t = self.t
        if not t.endswith(("项目", "工程"), c.start, c.end):
            return
        span = self._clean_name(c.start, c.end, "free")
        if span is None or span[0] != c.start or span[1] != c.end:
            return
        name = t[span[0]:span[1]]
        if re.search(r"(?:项目|工程)$", name) and self._valid(name, "free"):
            st = _Statement([span], None, None, c.end, "topic", "free")
            kind, period = self._kind_period(c, st)
            self._subject = _Subject(self._mention(span[0], span[1], st, kind, period, None), c.sentence)
            self._pending = self._subject.mention
            self._pending_clause = c

    def _is_label(self, c: _Clause) -> bool:
        t = self.t
        if c.start > 0 and t[c.start - 1] != "\n":
            return False
        short = c.end - c.start <= 12 and c.end < len(t) and t[c.end] == "。"
        return short and t[c.end + 1:c.end + 2] not in ("", "\n")

    def _plan_paragraph(self, pos: int) -> bool:
        """A paragraph opening with ``今年，`` that says what will be done is a plan, not a review."""
        t = self.t
        line_start = self._line_start(pos)
        if not t.startswith("今年，", line_start):
            return False
        if line_start not in self._plan_lines:  # once per paragraph, not once per statement in it
            line_end = t.find("\n", pos)
            paragraph = t[line_start:line_end if line_end >= 0 else len(t)]
            self._plan_lines[line_start] = bool(_PLAN_VERBS.search(paragraph))
        return self._plan_lines[line_start]

    def _line_start(self, pos: int) -> int:
        """Start of the line holding ``pos`` (``t.rfind("\\n", 0, pos) + 1``, by bisection)."""
        k = bisect_left(self._newlines, pos)
        return self._newlines[k - 1] + 1 if k else 0

    def _region(self, name: str | None) -> str:
        seg = self.layout.region
        default = self.layout.region_name or (seg.name if seg else "")
        if not name or seg is None:
            return default
        # (a function of the name's first four characters and the segment's region: kept across documents)
        head = name[:4]
        return memoised(self._region_memo, (head, seg.code, default), lambda: self._region_opening(head, seg, default))

    def _region_opening(self, name: str, seg: Region, default: str) -> str:
        """The county-level unit of ``seg`` that opens ``name`` (义县辉山国大乳业, 凌海宏基园菊苣), else ``default``."""
        for k in (4, 3, 2):
            region: Region | None = self.gazetteer.resolve(name[:k], context=seg)
            if region is not None and region.code != seg.code and self.gazetteer.contains(seg, region):
                return region.name
        return default

    def _sector(self, pos: int, name: str, list_sector: str | None) -> tuple[str | None, str | None, str]:
        if list_sector:
            return list_sector, "list", ""
        for heading in self._enclosing_headings(pos):
            found = self._sector_of_heading(heading, name)
            if found:
                return found, "heading", heading
        label = self._paragraph_label(pos)
        if label:
            found = self._sector_of_heading(label, name)
            if found:
                return found, "heading", label
        field = self._field_label(pos)
        if field:
            # (the field a label names is its head noun, its last sector word: 农村公路方面 is roads)
            hits = self._sector_hits(field)
            if hits:
                return max(hits)[1], "heading", field
        group = self._group_label(pos)
        if group:
            found = self._sector_of_heading(group, name)
            if found:
                return found, "heading", group
        found = self._sector_of_name(name)
        return (found, "name", "") if found else (None, None, "")

    def _enclosing_headings(self, pos: int) -> list[str]:
        # (the chain depends only on which sections start at or before pos: kept by their number)
        rank = bisect_right(self._section_starts, pos)
        found = self._heading_chains.get(rank)
        if found is None:
            found = self._heading_chains[rank] = self._heading_chain(pos)
        return found

    def _heading_chain(self, pos: int) -> list[str]:
        before = [s for s in self._sections if s.start <= pos and s.focus is None]
        chain: list[str] = []
        level = 99
        for section in reversed(before):
            if section.level < level:
                chain.append(section.heading)
                level = section.level
        return chain

    def _group_label(self, pos: int) -> str:
        """``其中基础设施项目82个，总投资2905亿元，重点推进A、B…；民生工程项目25个，…启动建设C、D…``: a group of a
        portfolio counted earlier in the same sentence part is the field of the names after it (the last such count)."""
        t = self.t
        if not _PROJECT_WORD.search(t, max(0, pos - _GROUP_WINDOW), pos):
            return ""  # (no 项目/工程 in the window: no group count in it, and the lazy label is tried everywhere)
        part_start = max(t.rfind(sep, max(0, pos - _GROUP_WINDOW), pos) for sep in "；;。\n") + 1
        if part_start <= 0:
            part_start = max(0, pos - _GROUP_WINDOW)
        last = None
        for m in _GROUP_COUNT.finditer(t, part_start, pos):
            last = m
        return last.group("label") if last else ""

    def _field_label(self, pos: int) -> str:
        """``…。干线公路方面,继续推进S333高邮东段建设,…;全力推进G344、S125等项目前期工作。农村公路方面,…``: a field
        label opening a sentence of a run-together paragraph is the field of the names after it, up to the next
        label (the last one before ``pos`` on its line, at most ``_FIELD_WINDOW`` back); not 方面 inside a clause
        (``在城市建设、商贸物流等方面发挥引领作用``)."""
        t = self.t
        lo = max(self._line_start(pos), pos - _FIELD_WINDOW)
        if t.find("方面", lo, pos) < 0:
            return ""  # (the pattern opens with a look-behind, tried at every character: most lines have no 方面)
        last = None
        for m in _SENTENCE_FIELD_LABEL.finditer(t, lo, pos):
            last = m
        return last.group("label") if last else ""

    def _paragraph_label(self, pos: int) -> str:
        t = self.t
        line_start = self._line_start(pos)
        m = _INLINE_LABEL.match(t, line_start, min(len(t), line_start + 40))
        return m.group("label") if m else ""

    def _sector_of_heading(self, heading: str, name: str) -> str | None:
        hits = self._heading_hits.get(heading)
        if hits is None:
            # (every mention of a section asks about the same headings: each is read once a document)
            hits = self._heading_hits[heading] = self._sector_hits(heading)
        if not hits:
            return None
        if len(hits) > 1:
            by_name = self._sector_of_name(name)
            if by_name in {h[1] for h in hits}:
                return by_name
        return min(hits)[1]

    def _sector_of_name(self, name: str) -> str | None:
        """The sector of the first of ``_sector_name_words`` (longest first) that ``name`` holds.

        One search of all the words instead of a substring test for each: the first word in the list
        that the name holds is the longest word starting where it starts (a longer word starting there
        would come before it), so it is among the longest matches at each position, and the one of them
        first in the list wins."""
        best = None
        for m in self._sector_name_re.finditer(name):
            rank = self._sector_name_rank[m.group(1)]
            if best is None or rank < best:
                best = rank
        return self._sector_name_words[best][1] if best is not None else None

    def _sector_in(self, text: str) -> str | None:
        hits = self._sector_hits(text)
        return min(hits)[1] if hits else None

    def _sector_hits(self, text: str) -> list[tuple[int, str]]:
        """Where each sector's heading words first occur in ``text``."""
        hits = []
        for sector_id, pattern in self._sector_heading_re.items():
            m = pattern.search(text)
            if m:
                hits.append((m.start(), sector_id))
        return hits

    def _span(self, s: int, e: int) -> Span:
        os_, oe = self.norm.span_to_original(s, e)
        return Span(os_, oe, self.doc.text[os_:oe])

    # -- portfolio counts ----------------------------------------------------------------
    def _portfolio_matches(self, start: int, end: int) -> Iterator[re.Match[str]]:
        """``_portfolio_re.finditer`` over [start, end), searched only near its anchor (``项目…N个``).

        The pattern's lazy lead (up to 12 characters before 项目) made the regex engine try it at
        every character of the text; a match starts at most 12 characters before its anchor, so
        the same matches, in the same order, come from searching from there.
        """
        t, last = self.t, start
        for anchor in _PORTFOLIO_ANCHOR.finditer(t, start, end):
            if anchor.start() < last:
                continue  # inside the match before
            m = self._portfolio_re.search(t, max(last, anchor.start() - 12), end)
            if m is not None and m.start() <= anchor.start():  # (else its anchor is a later one)
                yield m
                last = m.end()

    def _portfolio_counts(self, start: int, end: int) -> None:
        """``重点项目库共530个，总投资规模3563亿元``, ``工业项目99个，投资942亿元``: counts of projects."""
        taken = {(c.start, c.end) for c in self._out.counts}
        for m in self._portfolio_matches(start, end):
            adj = m.group("adj")
            if self._non_lists.search(adj):
                continue
            value = parse_number(m.group("n"))
            if value is None:
                continue
            span = self._span(m.start("adj"), m.end("n") + 1)
            if (span.start, span.end) in taken:
                continue
            inv = None
            if m.group("inv"):
                s, e = m.start("inv"), m.end("unit")
                inv = Investment(parse_number(m.group("inv")) or 0.0, m.group("unit"), "total", self._span(s, e))
            scope = scope_at(self.layout, m.start())
            stage = None
            lm = self.tax.list_re.search(adj)
            if lm:
                stage = self.tax.list_cues[lm.group()]
            kind = scope.kind
            period = scope.span if (kind == "target" and self.layout.doc_type == "规划纲要" and scope.span) or (
                scope.multi_year and scope.span) else (str(scope.year) if scope.year else "")
            self._out.counts.append(ProjectCount(
                doc=self.doc.name, start=span.start, end=span.end, text=span.text, value=int(value),
                noun=adj + "项目", stage=stage, sector=self._sector_in(adj), kind=kind,  # type: ignore[arg-type]
                period=period or "", region=self._region(None), investment=inv, role="portfolio",
                segment=self.segment,
            ))


#: A portfolio's group and its count (基础设施项目82个, 民生工程项目25个) opening a sentence part: its field.
_GROUP_COUNT = re.compile(r"(?P<label>[\u4e00-\u9fff]{2,8}?)(?:项目|工程)(?:共|共计)?\d+(?:个|项|宗)")
#: a field label opening a sentence (``。高速公路方面,``; ``具体为:铁路方面,``), its field in group ``label``
_SENTENCE_FIELD_LABEL = re.compile(
    r"(?:^|(?<=[。；;：:]))\s*(?P<label>(?![另一这那各多两])[\u4e00-\u9fff]{1,6}?)方面[，,：:]", re.M)
_FIELD_WINDOW = 600  # (how far back in its paragraph a field label is looked for)
_GROUP_WINDOW = 160  # (how far back a sentence part is looked for: the count stands near its names)
#: What every ``_portfolio_re`` match holds after its lead (``ProjectExtractor._portfolio_matches``).
_PORTFOLIO_ANCHOR = re.compile(r"项目(?:库)?(?:共|共计|总数)?\d+个")


@dataclass
class _Cache:
    extractor: ProjectExtractor | None = None
    extra: dict[str, object] = field(default_factory=dict)


_CACHE = _Cache()


def extract_projects(doc: Document, norm: NormalizedText | None = None,
                     layouts: list[Layout] | None = None) -> ProjectExtraction:
    """The project mentions and counts of an extracted ``Document`` (text and name are used)."""
    if _CACHE.extractor is None:
        _CACHE.extractor = ProjectExtractor()
    return _CACHE.extractor.extract(doc, norm, layouts)
