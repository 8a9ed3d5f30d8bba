"""Indicator facts from running text.

For every quantity in a sentence we decide whether it is an indicator fact (years, ordinals,
names, slogans, thresholds and ratios are not), then read its measure from the words before it
(``增长`` → growth, ``年均增长`` → avg_growth, ``提高N个百分点`` → change_pp), its indicator
from the phrase it qualifies (before it, or the counted noun after it), its kind and period
from the section and the sentence (see ``scope``), and its region from the segment or a
region named as the subject of the sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from planwatch.context import part_in_effect
from planwatch.extractors.quantities import Quantity, find_quantities
from planwatch.extractors.regions import COUNTY_GROUP, RegionTracker, value_of_another
from planwatch.extractors.scope import (
    COMPARED_PLAN,
    STARTING_YEAR,
    YEAR_SPAN,
    Scope,
    kind_in_sentence,
    period_cues,
    period_for,
    scope_at,
    sentence_turn,
    states_current,
)
from planwatch.extractors.scope import (
    cue_patterns as _kind_cue_patterns,
)
from planwatch.gazetteer import load_gazetteer
from planwatch.lexicon import alternation, load_lexicon
from planwatch.normalize import NormalizedText
from planwatch.structure import Layout
from planwatch.taxonomy import load_taxonomy


@dataclass
class RawFact:
    """A fact in normalised coordinates, before indicator resolution and offset mapping."""

    start: int
    end: int
    mention: str
    measure: str
    value: float
    unit: str
    kind: str
    period: str
    region: str
    qualifier: str | None
    source: str = "prose"
    value_high: float | None = None  # the upper end of a range, in the same unit and sign as ``value``
    evidence: dict[str, str] | None = None  # the words that set kind, period and region (``--explain``)


_HEAD_CUE = re.compile(
    r"^(?:[^，；。：]{0,16}：)?"
    r"(?:(?:到|至|截至)?\s*(?:19|20)\d\d\s*年[^，；]{0,4}[，,])?[^，；]{0,5}(?:预计|初步预计|初步统计|初步核算)"
)  # "到2020年末，预计…" too: a time phrase before the cue does not end the sentence's head, nor does the
# introduction of what follows ("这份“成绩单”显示：2017年，预计全市实现…；…")
_WINDOW = 400
_SENTENCE_END = re.compile(r"[。！？!?]|\n")
_CLAUSE_BOUNDARY = "，；。：！？\n,;:（(）)"
_PUNCT = set("，；。：、！？,;:!?\n（）()“”\"《》【】")


@cache
def _cues() -> dict[str, re.Pattern[str]]:
    lex = load_lexicon()
    m = lex["measure_cues"]
    verbs = [w for ws in lex["qualifiers"]["prefix_verbs"].values() for w in ws]  # 超过, 不低于, 控制在…
    gap = (rf"(?:了|分别|分别为|均|为|达到|达|同比|比上年|比去年|较上年|约|近|以上|保持在|稳定在|幅度"
           rf"|{alternation(verbs)})*")
    return {
        "avg": re.compile(rf"(?:{alternation(m['avg_growth'])}){gap}$"),
        "avg_anywhere": re.compile(r"年均|年平均"),
        "up": re.compile(rf"(?:{alternation(m['growth_up'])}){gap}$"),
        "down": re.compile(rf"(?:{alternation(m['growth_down'])}){gap}$"),
        "down_word": re.compile(alternation(m["growth_down"])),
        "level_after": re.compile(rf"(?:{alternation(m['growth_up'] + m['growth_down'])})(?:到|至|为)$"),
        "growth_tail": re.compile(
            rf"(?:同比|比上年末?|比去年|较上年|[比较](?:上年)?同期)?(?:持续|稳步|不断|大幅|快速|明显|稳定)?(?:{alternation(m['avg_growth'])}"
            rf"|(?:年均|(?<![全每\d一二两三四五六七八九十])年)?(?:{alternation(m['growth_up'] + m['growth_down'])}))$"),
        "rate_noun": re.compile(
            rf"(?:(?P<down>{alternation(m['rate_nouns_down'])})|{alternation(m['rate_nouns_up'])})"
            r"(?![^，；。]*?(?:比重|占比|比例|份额|率|指数))[^，；。\d%]{0,12}(?:为|至|到|达|是|的|了)?$"),
        "narrowed": re.compile(
            rf"(?:(?P<down>{alternation(m['rate_nouns_down'])})|{alternation(m['rate_nouns_up'])})"
            rf"[^，；。%]{{0,10}}?(?:{alternation(m['narrowing'])})了?$"),
        "avg_with_span": re.compile(
            rf"{YEAR_SPAN}[^，；。]*(?:{alternation(m['avg_with_span'])})"),
        "linking_tail": re.compile(rf"(?:{alternation(lex['linking_verbs'])})+$"),
        "leading": re.compile(
            rf"^(?:(?!{alternation(lex['not_conjunction_starts'])})"
            rf"(?:{alternation(lex['leading_fillers'])}|[、和及与并，])|(?:19|20)\d\d年)+"),
        "compound_tail": re.compile(rf"(?:{alternation(lex['tail_compounds'])})$"),
    }


@cache
def _latin_indicator_names() -> frozenset[str]:
    """The indicators' names written in Latin letters alone (``GDP``, ``CPI``: indicators.yaml synonyms)."""
    return frozenset(form.upper() for ind in load_taxonomy() for form in ind.forms
                     if form.isascii() and form.isalpha())


def _latin_indicator_before(text: str, at: int) -> bool:
    """True when the Latin letters right before ``at`` (a space between allowed) are an indicator's
    whole name: ``一季度重庆实现GDP 6398亿元``, ``成都上半年实现GDP9602.72亿元``.  Letters glued to a
    number are otherwise part of a name (``5G``, ``PM2.5``, ``G5京昆高速``): only a number with its unit
    after such a name is its amount."""
    m = _LATIN_BEFORE.search(text, max(0, at - 12), at)
    return m is not None and m.group(1).upper() in _latin_indicator_names()


_LATIN_BEFORE = re.compile(r"(?<![A-Za-z0-9])([A-Za-z]{2,6})[ \t\u3000]?$")


@cache
def _counted_programme() -> re.Pattern[str]:
    return re.compile(alternation(load_lexicon()["counted_programmes"]))


@cache
def _classification_whole() -> re.Pattern[str]:
    """``40个行业大类中``, ``37个工业行业大类中``: a count of a classification's classes, then 中."""
    return re.compile(rf"[\u4e00-\u9fff]{{0,4}}?(?:{alternation(load_lexicon()['classification_wholes'])})中")


@cache
def _ranked_field() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """``在16个县市区…排名中``: the places a ranking runs over (lexicon ``ranked_fields``), and its words."""
    fields = load_lexicon()["ranked_fields"]
    return re.compile(alternation(fields["places"])), re.compile(alternation(fields["ranking"]))


def _ranking_field(text: str, q: Quantity, sent_start: int, sent_end: int) -> bool:
    """A count of places after 在/对 (``在陕西省83个县中``) with a ranking word later in its sentence, or right
    after a ranking word with the rank after its noun (``排名35个农产品主产区县第5位``)."""
    places, ranking = _ranked_field()
    if (q.unit == "个" and ranking.search(text[max(sent_start, q.num_start - 4):q.num_start])
            and re.match(r"[^，。；、\d]{1,12}?第[\d一二三四五六七八九十]+[位名]", text[q.end:q.end + 20])):
        return True
    if q.unit != "个" or not re.search(r"[在对](?:全国|全省|全市|[\u4e00-\u9fff]{2,4}[省市])?$",
                                      text[max(sent_start, q.num_start - 6):q.num_start]):
        return False
    return bool(places.match(text, q.end)) and bool(ranking.search(text, q.end, min(sent_end, q.end + 40)))


@cache
def _general_experience() -> re.Pattern[str]:
    """``按照国际经验,``: the sentence it opens states a rule of thumb, not the region's figures."""
    return re.compile(alternation(load_lexicon()["general_experience"]))


@cache
def _page_counter() -> re.Pattern[str]:
    """A web page's counter label and its colon right before a number (``点击:4582次``, ``浏览次数：12``):
    how often the page was read, page furniture (lexicon ``page_counters``).  Prose about clicks has no
    colon there (``服务点击量超过 200 余万次``, ``相关报道总点击量超610亿次``) and stays a fact."""
    return re.compile(rf"(?:{alternation(load_lexicon()['page_counters'])})\s*[:：]\s*$")


@cache
def _capacity_units() -> frozenset[str]:
    return frozenset(load_lexicon()["capacity_units"])


def _is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def _inside_quotes(text: str, start: int, end: int, lo: int) -> bool:
    """Numbers inside a short quotation (“两个不低于”, 《2011年…方案》) are parts of names."""
    for open_, close, limit in (("“", "”", 16), ("《", "》", 40), ('"', '"', 16)):
        o = text.rfind(open_, lo, start)
        if o < 0:
            continue
        c = text.find(close, end, end + limit)
        if c < 0 or c - o > limit:
            continue
        if text.rfind(close, o + 1, start) >= 0:
            continue
        return True
    return False


#: The kinds of a plan's own indicators ("13个预期性指标", "8个一级指标"): counting them counts no fact.
_INDICATOR_KIND = r"(?:主要|预期性|约束性|量化|核心|[一二三]级)"
_OWNER = re.compile(r"(?:公司|集团|年产|年加工|年出栏|年屠宰|年处理)\s*$")
_COUNTIES = re.compile(rf"(?:{COUNTY_GROUP})(城)?")
_LIST_END = re.compile(r"等(?:\d|[一二两三四五六七八九十百]+[个家项批户]|一批|多个|多家|项目|重点项目|重大项目)")


def _enumerated_names(text: str, clause_start: int, q: Quantity, clause_end: int, sent_end: int) -> bool:
    """``A 460台起重机、B等24个项目``: quantities in the names listed before 等N are names.

    A capacity inside a longer list of projects (``…中间体3万吨，…等17个项目``) is part of its
    project's description too, though the list runs over several clauses.
    """
    invested = re.search(r"(?:总?投资|投入)(?:额|总额)?(?:约|近|超)?$", text[max(0, q.start - 6):q.start])
    if q.unit_kind == "money" and invested:
        return False  # "投资10亿元中信钛业…等17个项目": the investment of the list, not part of a name
    # (not "解决了6.27万户业主办证难等57项…": the people a listed item concerns are counted, nor
    # "地区生产总值年均增长5%左右…等16个预期性指标": listed goals are goals)
    end = None if _counts_people(q) else _LIST_END.search(text, q.end, clause_end)
    if end and not re.match(rf"等\d+[个项]{_INDICATOR_KIND}?指标", text[end.start():end.start() + 12]):
        return True
    if q.unit_kind == "physical" and q.unit.lstrip("万亿千") in _capacity_units():
        return bool(re.search(r"等\d+个(?:重点|重大)?项目", text[q.end:sent_end]))
    return False


#: The part of an identifier before its slash: a code with letters, or a run of digits too long for a
#: fraction's numerator ("11152500011662413F/", "000014349/").
_ID_BEFORE_SLASH = re.compile(r"(?:[A-Za-z][A-Za-z0-9]*|\d{5,})[/／]$")


@cache
def _thresholds() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A count and the measure a threshold after it is of (``11个投资超``, ``2个产值``), and the same words right
    after a count (``11个投资超10亿元工业项目``: the count's noun opens with its bound).  The amount that follows
    defines the kind of thing counted (FACTS.md: thresholds that define a category are no facts); lexicon
    ``count_thresholds``."""
    words = load_lexicon()["count_thresholds"]
    bounded_by = f"(?:{alternation(words['measures'])})(?:{alternation(words['bounds'])})?"
    count_before = re.compile(rf"(?<![\d.])\d+\s*(?:{alternation(words['counters'])}){bounded_by}$")
    return count_before, re.compile(bounded_by)


def _excluded(text: str, q: Quantity, sent_start: int, clause_start: int, clause_end: int, sent_end: int) -> bool:
    """True when the quantity is not an indicator fact (FACTS.md: what does not count)."""
    prev = text[q.num_start - 1] if q.num_start > 0 else ""
    prev2 = text[max(0, q.num_start - 2):q.num_start]
    nxt = text[q.end] if q.end < len(text) else ""
    nxt2 = text[q.end:q.end + 2]
    if prev == "第" or prev2 in ("No", "NO"):
        return True
    if (prev.isascii() and prev.isalpha() and not (q.unit and _latin_indicator_before(text, q.num_start))
            or (nxt.isascii() and nxt.isalpha() and not q.unit)):
        return True  # 5G, PM2.5, CR400BF (but "实现GDP 6398亿元": an indicator's name, then its amount)
    if prev in "/／" and _ID_BEFORE_SLASH.search(text, max(0, q.num_start - 24), q.num_start):
        return True  # part of an identifier: 索引号 11152500011662413F/2012-00116, 000014349/2021-00123
    after_colon = text[q.end + 1:q.end + 2]
    if (prev and prev in ":：" and prev2[:1].isdigit()) or (nxt and nxt in ":：" and after_colon.isdigit()):
        return True  # 16:49:35
    if prev == "." or (nxt == "." and text[q.end + 1:q.end + 2].isdigit()):
        return True
    if not q.unit and ((not q.chinese and nxt and nxt in "年月日时号届期") or nxt2 in ("周年", "世纪")):
        return True
    if not q.unit and re.fullmatch(r"(?:19|20)\d\d", text[q.num_start:q.end]):
        return True
    if q.chinese and q.value == 0 and q.unit_kind == "count" and not q.unit:
        return False  # 零事故: see quantities._zero_pattern
    token = re.match(r"[零〇一二两三四五六七八九十百千]+", text[q.num_start:q.end]) if q.chinese else None
    # "办好十件民生实事": a programme's count, not a slogan (but "一项民生工程" is just "a")
    programme = token and token.group() != "一" and _counted_programme().match(text, q.end)
    if token and not programme:  # a Chinese numeral (the fused "过万人" has none and is a plain quantity)
        tok = token.group()
        if re.search(r"十[一二三四五六]五|[一二三四五六七八九十]五", tok) or tok in ("零", "〇"):
            return True
        approx = q.qualifier is not None or q.prefix_verb
        # a count after its noun, closing the clause ("列入…保护单位的文化遗址三处。") is a count;
        # one before a noun ("三大攻坚战", "两个维护") is a slogan or a name
        # (not a phase, class or place: "二期", "二类", "前六名")
        closing = (tok != "一" and q.unit not in ("期", "类", "名", "届", "批", "轮", "代")
                   and ((not nxt or nxt in "。，；、）)") and _is_cjk(text[q.start - 1:q.start])
                        or (text[q.start - 1:q.start] == "等" and q.unit not in ("项", "条", "种"))))
        # ("哈克、团结、谢尔塔拉等三处文化遗址"; not "…等六项主要经济指标", "等十条支持措施": lists of measures)
        if (q.unit_kind == "count" and not (tok[0] in "百千" and approx) and "万" not in q.unit
                and "亿" not in q.unit and not closing):
            return True
        if not q.unit:
            return True
        if len(tok) == 1 and q.unit in ("方", "度", "米", "平", "天", "面", "种", "次", "周", "小时", "分钟"):
            return True  # idioms and durations: 四面八方, 一度, 三天两头, 提前两周
        if tok in ("百", "千", "万") and not approx:
            return True  # "千方百计": a bare round Chinese figure only counts when approximate
        if q.unit_kind == "magnitude" and _is_cjk(nxt) and not approx:
            return True  # "百万风场", "千亿产业": a round Chinese figure in a name
        if tok == "一" and not approx and "万" not in q.unit and "亿" not in q.unit:
            return True
    slogan = nxt == "大" and (not q.unit or q.unit_kind == "count") and not re.match(
        r"大(?:型|中型|中小|宗|学|项目|数据|病)", text[q.end:q.end + 3])  # 三大攻坚战, not 3个大型热电联产项目
    if slogan or nxt in ("+", "＋") or nxt2 in ("连冠", "连胜"):
        return True
    if text[max(sent_start, q.start - 2):q.start] == "连续" or text[max(0, q.start - 2):q.start].endswith("连续"):
        return True
    if _bound_of_count().search(text, clause_start, q.start):
        return True  # "4个县区规模工业增加值增速均超过20%": the bound the counted units passed, not a figure
    if q.unit == "个" and nxt == "月" and text[max(0, q.num_start - 1):q.num_start] == "前":
        return True  # "前8个月", "提前4个月完成": a time phrase or how far ahead, not a count
    if _inside_quotes(text, q.num_start, q.end, max(0, q.start - 40)):
        return True
    if nxt == "级" or nxt2 in ("级泊", "吨级") or re.match(r"及以[上下][\u4e00-\u9fff]", text[q.end:q.end + 4]):
        return True
    suffix_post = text[q.num_end:q.end]
    stated = re.search(r"(?:达到|达|为|是|提高到|提升到|增加到|超过)$", text[max(clause_start, q.start - 3):q.start])
    # 新增50家以上先进智能工厂, 覆盖九成以上城乡社区: a count or a share, not a category (but
    # "100人以上企业": a size per unit is one)
    counted = (q.unit_kind == "count" and q.unit not in ("人", "名", "户")) or q.unit == "成"
    if suffix_post in ("以上", "以下") and q.unit_kind != "percent" and nxt and nxt not in _PUNCT and not stated \
            and not counted:
        return True  # a threshold that defines a category: 10亿元以上企业 (not "达到200平方米以上标准")
    if (q.prefix_verb in ("超", "超过", "逾", "过") and nxt == "的") or (
            q.chinese and q.value == 1 and text[q.start] in "过超逾" and _is_cjk(nxt)):
        return True  # a threshold: 超百亿元的产业集群, 超过亿元企业
    if (q.unit_kind in ("money", "magnitude") and nxt and (nxt in "、的" or _is_cjk(nxt))
            and _thresholds()[0].search(text, max(clause_start, q.start - 12), q.start)):
        return True  # between a count and its noun: "11个投资超10亿元工业项目"
    base = q.unit[1:] if q.unit[:1] in "万亿" else q.unit
    capacity = base in _capacity_units() or q.unit in _capacity_units()
    if q.unit_kind == "physical" and capacity and nxt and _is_cjk(nxt):
        stop = text[q.end:q.end + 6]
        named = r"[\u4e00-\u9fff]{0,3}(?:量|能力|规模|负荷)(?:[的，。；、提]|$)"  # 105亿千瓦时发电量的能力
        if not re.match(rf"[的，。；、和与及]|增长|下降|以上|左右|{named}", stop):
            return True  # capacity used as a name: 15万吨高碳铬铁 (not "105亿千瓦时发电量的能力")
    if q.unit[:1] and q.unit[:1] in "万亿" and _is_cjk(text[q.end:q.end + 2].strip()[:1]) and _OWNER.search(
            text, max(clause_start, q.start - 8), q.start):
        return True  # a capacity in a project's name: 东旭三宝公司5万台智能服务机器人, 年产4000万肉鸡宰杀
    if prev == "_":
        return True  # PM_2.5
    counties = _COUNTIES.match(text, q.end, q.end + 7) if q.unit == "个" else None
    if counties and (counties.group(1) or text[max(0, q.start - 2):q.start] in ("全市", "全省", "全区")):
        return True  # all the counties as a scope: "全市9个县（市、区）全域划分…", "4个县（市）城集中供暖率"
    if q.unit_kind == "doubling" and re.match(r"\**[：:]|是指", text[q.end:q.end + 3]):
        return True  # a glossary's term: "总量翻番：", "总量翻番是指…"
    if q.unit in ("米", "公里", "千米") and re.match(r"\s*(?:覆盖|内[\u4e00-\u9fff]|范围内)", text[q.end:q.end + 4]):
        return True  # a radius that defines a rate: 站点500米覆盖率
    if re.search(r"连续[一二两三四五六七八九十\d]+年$", text[max(0, q.start - 8):q.start]):
        return True  # a streak: 连续四年超亿吨
    if q.unit_kind in ("", "magnitude") and not q.unit and not q.chinese:
        # a bare number is a fact only as a stated value: "指数为102.5，"
        before = text[max(clause_start, q.start - 3):q.start]
        starts_change = re.search(r"[从由]$", before) and re.match(
            r"(?:提高|缩小|下降|增加|扩大|降低|减少|提升|上升|收窄)(?:到|至)\d", text[q.end:q.end + 6])
        if starts_change:
            return False  # "城乡居民收入比值由3.27缩小至2.93": the level the change starts from
        if not (nxt in "，。；、）)" or nxt == "") or not re.search(r"(?:为|达到|达|是|至|到)$", before):
            return True
    if q.unit in ("天", "小时", "分钟", "周") and (re.match(r"时间|内|就|之内", text[q.end:q.end + 2])
                                                  or re.search(r"(?:短短|仅用|仅|用了|用)$", text[sent_start:q.start])):
        return True  # the duration of one operation told as an anecdote
    policy = re.match(r"(?:[、和][^，。；]{0,16})?等?(?:政策|措施|举措|意见)", text[q.end:clause_end])
    issued = re.search(r"(?:出台|制定|印发|发布)$", text[max(clause_start, q.start - 2):q.start])
    if q.unit == "条" and policy and not issued:
        return True  # a policy package's name: 稳增长27条、…12条等政策举措
    if q.unit == "周" and nxt == "年":
        return True  # an anniversary
    if q.unit == "位" and (re.search(r"排名|位次|名次|排位|居", text[clause_start:q.start]) or prev == "前"):
        return True  # a rank: 排名提升4位, 居全国前10位
    if (prev == "每" and q.unit.endswith("人")) or prev2 == "时速":
        return True  # a denominator (每10万人刑事案件数) or a speed class (时速350公里)
    if q.prefix_verb in ("超", "超过", "过", "逾") and q.unit_kind in ("money", "magnitude") and re.match(
            r"[\u4e00-\u9fff]{1,8}\d+(?:\.\d+)?[个家项户座所]", text[q.end:q.end + 14]):
        return True  # 新增经济总量超200亿元县2个: only the count counts
    if q.unit in ("小时", "分钟") and _is_cjk(nxt) and not re.match(r"内|以|左右|之|不间断|运行|服务|值守",
                                                                    text[q.end:q.end + 3]):
        return True  # a duration in a name: 24小时开放, 15分钟社区生活圈, 240小时过境免签
    if q.unit == "人" and nxt == "制" and not re.match(r"制[度造定]", text[q.end:q.end + 2]):
        return True  # 3人制篮球场
    if q.unit in ("岁", "周岁") and not re.search(r"寿命|年龄|岁以", text[max(clause_start, q.start - 30):q.end + 3]):
        return True  # ages in anecdotes
    own_indicators = re.match(rf"(?:项|个|大类)?{_INDICATOR_KIND}?指标|方面|领域的?(?:重点|主要)?任务",
                              text[q.end:q.end + 8])
    named_before = re.search(rf"{_INDICATOR_KIND}指标(?:共|有)?$", text[max(clause_start, q.start - 8):q.start])
    if (own_indicators or named_before) and q.unit in ("项", "个", "类", ""):
        return True  # a plan's own indicator count: "13个预期性指标", "其中预期性指标19项"
    if q.unit in ("个", "类", "种") and _classification_whole().match(text, q.end, clause_end):
        return True  # the size of a classification: 在统计的40个行业大类中 (the 27个 that grew count)
    if _ranking_field(text, q, sent_start, sent_end):
        return True  # "在16个县市区…综合排名中": the field of a ranking, as the rank itself is no fact
    if _enumerated_names(text, clause_start, q, clause_end, sent_end):
        return True
    if _page_counter().search(text, max(sent_start, q.start - 12), q.start):
        return True  # "来源：辽阳市统计局 作者： 点击:4582次": how often the page was read
    if _general_experience().search(text, sent_start, q.start):
        return True  # "按照国际经验,人均GDP超过3000美元,标志着…": a threshold of countries in general
    return False


def _measure(text: str, q: Quantity, pre: str, prev: tuple[Quantity, str, float] | None) -> tuple[str, float, str]:
    """Measure, signed value and unit of a quantity given the words before it."""
    cues = _cues()
    value, unit = q.value, q.unit
    tail = pre[-10:]
    if q.unit_kind == "points":
        narrowed = cues["narrowed"].search(pre[-16:])
        if narrowed:  # "降幅比同期收窄2.2个百分点": the rate moved toward zero
            return "change_pp", (value if narrowed.group("down") else -value), "百分点"
        sign = -1 if cues["down_word"].search(tail) else 1
        return "change_pp", sign * value, "百分点"
    if q.unit_kind == "multiple":
        if cues["up"].search(tail):
            return "growth", round(value * 100, 9), "%"  # 4.9倍 → 490, not 490.00000000000006
        return "level", value, unit
    if q.unit_kind == "doubling":
        return "growth", (2 ** value - 1) * 100, "%"
    if q.unit == "成" and (cues["up"].search(tail) or cues["down"].search(tail)):
        sign = -1 if cues["down"].search(tail) else 1  # "比2020年增加五成": a growth of 50%
        return "growth", round(sign * value * 10, 9), "%"
    if q.unit_kind != "percent":
        return "level", value, unit
    after = re.match(r"(?:以上|左右)?的?(?P<sign>[正负])?(?:增长|增速|涨幅)", text[q.end:q.end + 7])
    if after:  # "保持20%以上增长", "GDP实现1.5%的正增长"
        return "growth", -value if after.group("sign") == "负" else value, "%"
    if cues["avg_with_span"].search(pre):
        sign = -1 if cues["down"].search(tail) else 1
        return "avg_growth", sign * value, "%"
    rate = cues["rate_noun"].search(pre[-16:])
    if rate and not re.search(r"年均|平均", pre[-16:]):
        return "growth", -abs(value) if rate.group("down") else value, "%"
    if cues["level_after"].search(tail):
        return "level", value, "%"
    moves = cues["up"].search(tail) or cues["down"].search(tail)
    if cues["avg"].search(tail) or (cues["avg_anywhere"].search(tail) and moves):
        sign = -1 if cues["down"].search(tail) else 1
        return "avg_growth", sign * value, "%"
    if cues["down"].search(tail):
        return "growth", -value, "%"
    if cues["up"].search(tail):
        return "growth", value, "%"
    if prev is not None and re.fullmatch(r"[、和及与，]|[、，]?和|到", text[prev[0].end:q.start]):
        pq, pmeasure, pvalue = prev  # "分别增长3.5%左右、6%左右": the list shares its verb
        if pq.unit_kind == "percent" and pmeasure in ("growth", "avg_growth"):
            sign = -1 if pvalue < 0 else 1
            return pmeasure, sign * value, "%"
    return "level", value, "%"


_SECTOR = re.compile(
    r"(?:第[一二三]产业|农业|工业|服务业|建筑业|制造业)(?![\u4e00-\u9fff]{0,2}(?:增加值|产值|投资|企业))")
#: A clause giving an attribute of what the clause before counted ("，面积为1433万平方米").
_ATTRIBUTE = re.compile(r"\s*(?:总?面积|建筑面积|总?里程|长度|总?规模|总?投资|总?容量)(?:为|达|约|共)?\s*")


def _counts_people(q: Quantity) -> bool:
    """``12万人``, ``312户``, ``50名``: people or households, which a threshold or a list item may count."""
    return q.unit.endswith(("人", "名", "户"))


#: A time named between two numbers ("…突破5500公里；“十二五”末，甘肃将打通…13条"): the second has its own date,
#: so it does not continue the first's list.
_NEW_TIME = re.compile(r"(?:19|20)\d\d年|十[一二三四五六]五[”\"]?(?:末|期间|时期)|今年|明年|年底|年末")


def _continues_list(clause: str, q: Quantity) -> bool:
    """A clause with a noun and a count but no verb or date of its own continues the list before it."""
    if q.unit_kind != "count" or _counts_people(q):
        return False
    flow, stock = period_cues()
    dated_or_total = re.search(r"(?:19|20)\d\d年|累计|共计|合计|总计|总数", clause)
    return not (stock.search(clause) or flow.search(clause) or dated_or_total)


_LEADING_TIME = re.compile(
    r"^(?:连续[一二两三四五六七八九十\d]+年|(?:未来|今后|过去)的?[一二两三四五六七八九十\d]年|[^，]{0,6}(?:以来|期间|时期|年末|年底)"
    rf"|{YEAR_SPAN}(?:间|期间|同期)?"  # "2016—2020年全市地区生产总值年均增长…"
    r"|(?:到|至|截至|截止|相比|相较于?|对比)?(?:19|20)\d\d年(?:末|底)?"
    r"|(?:截至|截止|到|至)?(?:今年)?(?:前三季度|[上下]半年|第?[一二三四]季度|1[—\-－~～至]\d{1,2}月份?|\d{1,2}月份?(?:末|底)?"
    r"|前[\d一二三四五六七八九十]{1,2}个月))"  # "前8个月全州…货运量": the months from January
)
#: A name that is only the base of a comparison ("比2019年1-7月增长20.5%", "比1-6月加快0.3个百分点"): the
#: change is of the indicator before it.
@cache
def _comparison_only() -> re.Pattern[str]:
    """A name that is only the base of a comparison, or the basis a change is measured on
    ("比上年名义增长5.3%", "扣除价格因素实际增长5.1%"; lexicon ``change_bases``).  A part of a year compared
    with the whole of the year before ("比上年全年加快1.8个百分点") is such a base too."""
    bases = alternation(load_lexicon()["change_bases"])
    return re.compile(
        rf"^(?=.)(?:{bases})*(?:(?:上年|去年)?同期(?:相比|比较)|(?:比|较|同比|环比|相比|与|同)"
        r"(?:上年|去年|(?:19|20)\d\d年|年初|上月|上个月|上季度|上季|上一季度)?(?:同期|全年|末|底)?"
        r"(?:前三季度|[上下]半年|第?[一二三四]季度|1[—\-－~～至]\d{1,2}月份?|\d{1,2}月份?(?:末|底)?)?(?:相比|比较)?)?"
        rf"(?:{bases})*(?:增速|增幅)?(?:加快|放缓|回落|提高|提升|下降|增长|增加|减少|收窄|扩大|高|低|快|慢)?$"
    )  # ("比1-7月份高0.3个百分点", "比1至7月增速高0.2个百分点": of the growth just told)


@cache
def _rate_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """From the lexicon's nouns naming a rate of change (measure_cues.rate_nouns_*), one list for
    every rule that reads them: a phrase naming only the rate or turn of what came before
    ("增速变缓至3%", "降幅由谷底的-14.2%收窄至-11.6%": the indicator is the one just measured), and a
    sentence naming a rate and no share ("…7省份的增速超过6%": what its bracketed figures are)."""
    m = load_lexicon()["measure_cues"]
    nouns = alternation(m["rate_nouns_up"] + m["rate_nouns_down"])
    only = re.compile(rf"^(?:(?:{nouns})[^，。；]{{0,12}}|收窄|扩大|回落|回升|加快|放缓|变缓|提速)$")
    named = re.compile(rf"{nouns}|(?<!年)均?增长(?![的]?(?:比重|占比))")
    return only, named


#: "…共5个，按责任单位（主管单位）划分分别是：": a total broken down by owner, item by item.
_BY_OWNER = re.compile(r"按[^，。；：]{1,24}?(?:划分|分)[，,]?分别(?:是|为)[：:]")
#: A frame naming what the figures after it are about, carried over paragraphs until the next one
#: ("从GDP同比增速来看，…", "从人均可支配收入的增速来看，…", "增速方面，…"), and how far back it is looked for.
_FRAME = re.compile(r"从(?P<topic>[^，,。；：\n从]{2,14}?)(?:上)?(?:来看|看)[，,：:]"
                    r"|(?<=[\n。　\s])(?P<aspect>[^，,。；：\n]{2,10})方面[，,：:]")
_FRAME_REACH = 1500


@cache
def _topic_words() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """What a frame's topic says of its indicator beside naming it: its rate of change, or its size
    (lexicon ``frame_topics``)."""
    words = load_lexicon()["frame_topics"]
    rate = re.compile(f"的?(?:{alternation(words['rate_bases'])})?(?:{alternation(words['rate'])})$")
    return rate, re.compile(f"的?(?:{alternation(words['size'])})$")


@cache
def _unit_words() -> re.Pattern[str]:
    """The words that name units and how many of them, not what is measured (``目前已公布的省份中，江西（``;
    lexicon ``unit_names``)."""
    words = load_lexicon()["unit_names"]
    return re.compile(rf"[\d一二三四五六七八九十]*个?(?:{alternation(words['units'])})|{alternation(words['fillers'])}")


@lru_cache(maxsize=8192)
def _unnamed(mention: str) -> bool:
    """A name that says nothing of what is measured: none, a rate alone (``名义增速``), or units only."""
    rest = _unit_words().sub("", mention).lstrip("的")
    if rest and len(rest) <= 8:
        for a, b, _ in reversed(load_gazetteer().find_all(rest)):
            rest = rest[:a] + rest[b:]
        rest = _unit_words().sub("", rest).lstrip("的")
    return not rest or bool(_rate_patterns()[0].match(rest) or _comparison_only().match(rest))


def _framed_topic(text: str, pos: int) -> tuple[str, bool] | None:
    """The indicator of the last frame before ``pos`` (``从GDP同比增速来看``) and whether it names its rate,
    where the topic is an indicator the taxonomy knows (not ``从区域来看``)."""
    window = text[max(0, pos - _FRAME_REACH):pos]
    if "看" not in window and "方面" not in window:
        return None
    found = list(_FRAME.finditer(window))
    if not found:
        return None
    topic = found[-1].group("topic") or found[-1].group("aspect")
    rate, size = _topic_words()
    names_rate = rate.search(topic) is not None
    base = size.sub("", rate.sub("", topic))
    if not base or load_taxonomy().resolve(base) is None:
        return None
    return base, names_rate


#: "按2019年平均汇率计算为5686美元": the same figure on another basis, of the indicator just measured.
_BASIS_ONLY = re.compile(r"^按[^，。；]{1,14}?(?:计算|折算|核算)$")
#: "从GDP总量来看，广东…为124369.67亿元": the topic a paragraph's figures are about.
_TOPIC = re.compile(r"从(?P<topic>[^，。；从]{2,14}?)(?:上)?(?:来看|看)")

#: A name that is only a time phrase or a verb reaching one ("增加到2015年", "是2010年"): no indicator.
_TIME_FRAGMENT = re.compile(
    r"(?:(?:19|20)\d\d年(?:的|末|底)?|^是|^为)$|^(?:增加|提高|提升|增长|下降|减少|达到)(?:到|至)"
    r"|^提前[一两二三四五\d]年(?:实现|完成)?$"  # "财政总收入3.12亿元,增长37%,提前两年实现翻番目标"
)


# "有效发明专利比2020年", "死亡人数较“十三五”同期": the base of a comparison is not part of the name
_PLAN_COMPARISON = re.compile(
    rf"(?:{COMPARED_PLAN.pattern}|(?:比|较)(?:19|20)\d\d年(?:末|底|同期)?|连续[一二两三四五六七八九十\d]+年)的?$"
)


#: "常住人口城镇化率2022年达到54.6%", "地区生产总值2022年末…": a year written between the name and its
#: number dates the number (scope reads it) and is no part of the name
_TRAILING_YEAR = re.compile(r"(?<=[\u4e00-\u9fff])(?<![于比较是为到至])在?(?:19|20)\d\d年(?:末|底)?$")


# "（间）、累计达到": a unit's aside left over from the number before; "四县(市)完成…": the region's group
_LEADING_ASIDE = re.compile(rf"^(?:[（(][^）)]{{0,8}}[）)][、，]?|[一二两三四五六七八九十\d]+个?(?:{COUNTY_GROUP}))")


def _leading_region(phrase: str) -> str:
    """``深圳上半年GDP`` → ``GDP``: the unit and the time a name starts with are the fact's region and
    period, not part of what is measured (kept when nothing would be left)."""
    found = load_gazetteer().find_all(phrase[:12])
    if not found or found[0][0] != 0:
        return phrase
    rest = _LEADING_TIME.sub("", phrase[found[0][1]:]).lstrip("的")
    return rest if len(rest) >= 2 else phrase


#: A numbered section heading run into its first sentence ("二、农业全年全县农作物种植面积…", a page
#: flattened): the heading ends where a sentence's scope or time word begins.
_FUSED_HEADING = re.compile(
    r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d{1,2}[、.．])[\u4e00-\u9fff]{1,10}?"
    r"(?=全年|全县|全市|全区|全省|全州|全旗|全盟|年末|年初|年内|全社会)")


#: The time words of a whole period a bulletin's sentence opens on before its unit (``全年江州区生产总值``).
_LEADING_PERIOD_WORD = re.compile(r"(?:全年|当年|年末|年底)")


def _clean_mention(phrase: str) -> str:
    cues = _cues()
    phrase = _MARKUP.sub("", phrase.replace("*", "").replace("#", ""))
    phrase = _FUSED_HEADING.sub("", phrase)
    phrase = _milestones()[0].sub("", phrase).strip("，、；：。 '\"")
    phrase = _leading_region(phrase)
    for _ in range(3):
        new = cues["leading"].sub("", phrase)
        if new in ("新增", "净增", "新增加", "净增加"):
            return new  # a bare "新增": the caller knows what it adds to ("人数达到12700人，新增1119人")
        new = cues["compound_tail"].sub("", new)
        new = cues["growth_tail"].sub("", new)
        new = cues["linking_tail"].sub("", new)
        new = _LEADING_TIME.sub("", new)
        new = _PLAN_COMPARISON.sub("", new)
        new = _TRAILING_YEAR.sub("", new)
        new = _LEADING_ASIDE.sub("", new)
        new = new.strip("，、；：。 的")
        if new != phrase and (_years_ahead_words().match(phrase) or _LEADING_PERIOD_WORD.match(phrase)):
            # "未来五年吉木萨尔县地区生产总值", "全年江州区生产总值": the unit after the time words
            new = _leading_region(new)
        if new == phrase:
            break
        phrase = new
    return phrase


@cache
def _milestones() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A milestone passed on the way (``连续迈上4个万亿元台阶``): no part of what is measured; and a name that
    is only the verb of a milestone or only the size of what came before (``…人均生产总值23644元，…，登上了
    3000美元的新台阶``, ``地区生产总值增长7%，总量迈上7000亿元台阶``): the indicator just measured.  Lexicon
    ``milestones``."""
    words = load_lexicon()["milestones"]
    verbs = f"(?:{alternation(words['verbs'])})"
    milestone = re.compile(rf"(?:{alternation(words['leads'])})?(?:历史性)?{verbs}[^，。；]{{0,16}}?"
                           rf"(?:{alternation(words['marks'])})|(?:{alternation(words['dangling'])})$")
    verb_or_total = re.compile(rf"(?:{alternation(words['adverbs'])})*(?:{verbs}了?|{alternation(words['totals'])})")
    return milestone, verb_or_total


@cache
def _milestone_count() -> re.Pattern[str]:
    """The count of milestones closing a list of the levels passed (``…5万亿元、6万亿元两个台阶``, the list's later
    items before it: ``跨越7万亿、8万亿、9万亿三个大台阶``)."""
    marks = alternation(load_lexicon()["milestones"]["marks"])
    return re.compile(rf"(?:[、和及与][\d.一二两三四五六七八九十百千万亿元]{{1,10}})*"
                      rf"[\d一二两三四五六七八九十]+个(?:大|新)?(?:{marks})")
#: Markup left in text saved with its HTML (a tag, or a tag cut by the window): never part of a name.
_MARKUP = re.compile(r"<[^<>]*>|^[^<>]*>|<[^<>]*$|&[a-z]+;")
_BARE_VERBS = {"新增", "增加", "净增", "减少", "新建", "累计", "完成", "其中"}
#: A share named with what it is a share of ("规上工业总产值占全市规上工业总产值的比重"): its numerator first.
_SHARE_OF = re.compile(r"(?P<part>[^占]{2,}?)占[^占]{1,30}?(?:比重|比例|份额)")
_AFTER_NOUN = re.compile(
    r"(?:[^，；。：、！？\n《》（(]|[（(][^）)\n]{0,10}[）)])(?:[^，；。：、！？\n《》\d（(]|[（(][^）)\n]{0,10}[）)]){0,19}"
)
_NOT_A_NOUN = re.compile(
    r"^(?:增长|下降|提高|降低|减少|增加|同比|比上年|比去年|占|为|是|达|用于|以上|以下|左右|上下|时间|以来|之间|之内|内|后|前"
    r"|完成|实现|建成|开展|实施|推进|全部|均|和|及|与|或|的[^\u4e00-\u9fffA-Za-z]|[）)%]"
    r"|的?(?:数据|数字|数值)(?=[，。；、]|$)"  # "110760.94亿元的数据": the figure, not what it measures
    r"|新?台阶|大关|关口|新高)"  # "迈上3万亿元台阶", "跨过5000亿元大关": a milestone, not what is measured
)
# Where a noun after a count ends; not inside words (太和区, 普及, 参与, 公共, 合并)
_NOUN_CUT = re.compile(
    r"(?:以及|和(?![区县市镇乡平])|(?<!普)及|(?<!参)与|不断|正在|即将|已经|已|全部|均为|均已|均达|分别|被|(?<![合归])并|(?<!公)共)"
)


def _noun_after(text: str, q: Quantity, limit: int, next_q: Quantity | None) -> str:
    """The noun a count qualifies when it stands before it: ``9户规模以上工业企业`` → 规模以上工业企业.

    A second count right behind (``323户451人的住房租赁补贴``) shares the noun after it.
    """
    pos = q.end
    if next_q is not None and next_q.unit and not next_q.chinese and text[next_q.end:next_q.end + 1] != "级" and (
            next_q.start == q.end or (next_q.start == q.end + 1 and text[q.end] in "和、及与")):
        pos = next_q.end  # "35万亩和15万亩高标准农田": both count the noun after the second
    m = _AFTER_NOUN.match(text, pos, limit)
    if not m:
        return ""
    modified = _MODIFIED_HEAD.match(text, pos, limit)
    if modified and text.startswith("、", m.end()):
        # "5个主业突出、具有核心竞争力、营业收入超亿元的重点骨干企业": the head after the modifiers
        return modified.group(1)
    noun = m.group().lstrip("的")
    latin = m.group().startswith("的") and "A" <= noun[:1] <= "Z"  # "102719亿元的GDP" (not "300万P算力")
    if not noun or _NOT_A_NOUN.match(noun) or not (_is_cjk(noun[0]) or noun[0].isdigit() or noun[0] == "“" or latin):
        return ""
    if noun[0].isdigit() and not re.match(r"[\d.]+[万亿千]?[^\d，。、；]{0,3}级", noun):
        return ""
    cut = _NOUN_CUT.search(noun, 1)
    if cut:
        noun = noun[:cut.start()]
    return noun.rstrip("的")


_MODIFIED_HEAD = re.compile(r"[^，；。：！？\n]{2,40}的([\u4e00-\u9fff“”]{2,16})(?=[，；。：！？\n]|$)")


@cache
def _compound_subjects() -> dict[str, list[str]]:
    return load_lexicon()["compound_subjects"]


#: The running totals of a year's quarters in order (the fourth is the whole year).
_RUNNING_QUARTERS = ("Q1", "H1", "Q1-Q3", "")


@cache
def _since_list() -> tuple[re.Pattern[str], dict[str, int], re.Pattern[str]]:
    """``2010年以来,我省年度GDP分别增长14%、12.5%…``, ``2013年一季度以来,GDP累计增速分别为10.3%、10.2%…``: a list of
    successive years, or of the running totals of successive quarters, from the one named.  The running
    totals are named as ``parts_of_year`` names them; a list of years says so (lexicon ``yearly_words``)."""
    lexicon = load_lexicon()
    starts = {word: _RUNNING_QUARTERS.index(code) for code, words in lexicon["parts_of_year"]["named"].items()
              if code in _RUNNING_QUARTERS for word in words}
    since = re.compile(rf"((?:19|20)\d\d)年({alternation(list(starts))})?以来[，,]\s*$")
    return since, starts, re.compile(alternation(lexicon["yearly_words"]))


def _date_successive(since: re.Match[str], listed: str, facts: list[RawFact]) -> None:
    """Date each number of a ``…以来…分别`` list by its place in the run: years from the one named, or the
    running totals (``累计``) of quarters from the one named, into the years after."""
    _, starts, yearly = _since_list()
    year = int(since.group(1))
    start = since.group(2)
    if start:
        if "累计" not in listed:
            return
        index = starts[start]
        for fact in facts:
            fact.period = f"{year + index // 4}{_RUNNING_QUARTERS[index % 4]}"
            index += 1
    elif yearly.search(listed):  # not "2018年以来，GDP和财政收入分别增长…" (since then)
        for offset, fact in enumerate(facts):
            fact.period = str(year + offset)


#: A list's subject opening with its years: "2015和2016年同期增速", "2019年、2020年".
_LISTED_YEARS = re.compile(r"(?P<years>(?:19|20)\d\d年?(?:[、和与及](?:19|20)\d\d年?)+)(?P<rest>.*)")
#: The part of a year a period names after its year (``2017Q1`` → ``Q1``), kept for years listed as 同期.
_PART_OF_YEAR = re.compile(r"[QHM][\dQM-]*")


@cache
def _listed_zone() -> re.Pattern[str]:
    """A zone in a list of units (lexicon ``zone_subjects.suffixes``): ``湘西经开区``."""
    suffixes = alternation(load_lexicon()["zone_subjects"]["suffixes"])
    return re.compile(rf"[\u4e00-\u9fff]{{2,8}}?(?:{suffixes})(?=[、和与及])")


@cache
def _units_count() -> re.Pattern[str]:
    """``4个县区`` after a list of units: their count and group noun (lexicon ``listed_unit_groups``), no name."""
    groups = alternation(load_lexicon()["listed_unit_groups"])
    return re.compile(rf"^(?:等|这|共)?[\d一二三四五六七八九十]+个(?:{groups})")


@cache
def _bound_of_count() -> re.Pattern[str]:
    """``4个县区…增速均超过`` right before a number: the bound a count of units passed (FACTS.md: thresholds
    that define a category)."""
    groups = alternation(load_lexicon()["listed_unit_groups"])
    return re.compile(rf"[\d一二三四五六七八九十]+个(?:{groups})[^，。；]{{0,24}}均(?:超过|超|高于|在|达到|达)$")


#: "…增速均超过20%": what the listed units all passed, a threshold before their own figures
_SHARED_BOUND = re.compile(r"均(?:超过|超|高于|在|达到|达)[\d.]+%?(?:以上)?$")


def _units_before(text: str, clause_start: int, n: int) -> tuple[list[str], str] | None:
    """``湘西经开区、泸溪县、凤凰县和保靖县4个县区规模工业增加值增速均超过20%，分别达到34.4%、…``: a 分别 clause
    with no subject of its own, right after a clause that opens on as many units, is about those units; returns
    them and the indicator that clause names."""
    prev_end = clause_start - 1
    if prev_end <= 0 or text[prev_end] not in "，,":
        return None
    prev_start = max(text.rfind(c, max(0, prev_end - 120), prev_end) for c in "，；。：！？\n,;:") + 1
    places = _listed_places(text[prev_start:prev_end], n)
    if places is None:
        return None
    units, rest = places
    rest = _SHARED_BOUND.sub("", _units_count().sub("", rest))
    return units, rest


def _listed_places(subject: str, n: int) -> tuple[list[str], str] | None:
    """``广州、深圳地铁线网单日最高客运量`` over two numbers → ([广州市, 深圳市], 地铁线网单日最高客运量):
    a subject that opens with as many units as the list has numbers, joined by 、/和/与/及."""
    found = {start: (end, region.name) for start, end, region in load_gazetteer().find_all(subject[:60])}
    units: list[str] = []
    pos = 0
    while True:
        # a zone written as named among them ("湘西经开区、泸溪县…", FACTS.md), over the unit its name opens on
        zone = _listed_zone().match(subject, pos)
        if zone is not None and zone.end() > found.get(pos, (pos, ""))[0]:
            end, name = zone.end(), zone.group()
        elif pos in found:
            end, name = found[pos]
        else:
            break
        units.append(name)
        pos = end
        if pos < len(subject) and subject[pos] in "、和与及":
            pos += 1
        else:
            break
    if len(units) != n or n < 2:
        return None
    return units, subject[pos:].lstrip("的")


@cache
def _list_predicate() -> re.Pattern[str]:
    """Where a comment on listed things begins (lexicon ``list_predicates``), or a count of the list."""
    words = alternation(load_lexicon()["list_predicates"])
    return re.compile(rf"(?:两|[二三四五六七八九十]|\d+)(?:大|个|类|项)|{words}")


def _listed_before(text: str, clause_start: int, n: int) -> list[str] | None:
    """The ``n`` things the clause before a subjectless ``分别`` list names, when that clause lists as many
    and then comments on them: ``汽车制造业、电气机械及器材制造业两大行业对工业增长贡献最为突出,分别增长16.8%和25.4%``
    → 汽车制造业, 电气机械及器材制造业.  Without such a comment (a predicate word after the last item), or with
    numbers in it, the clause is no list of names, and the caller's naming stands."""
    prior = re.split(r"[，,；;。：:\n]", text[max(0, clause_start - 80):clause_start].rstrip("，, "))[-1]
    items = re.split(r"[、和]", prior)
    if len(items) != n or n < 2 or re.search(r"\d", prior):
        return None  # (a clause with numbers is a list of amounts: "城镇居民人均可支配收入29913元、农民…")
    comment = _list_predicate().search(items[-1], 2)
    if comment is None:
        return None
    items[-1] = items[-1][:comment.start()]
    names = [_clean_mention(item) for item in items]
    return names if all(len(name) >= 2 for name in names) else None


def _distribute(subject: str, n: int) -> list[str] | None:
    """``城镇和农村居民人均可支配收入`` over two numbers → the two full indicator names.

    A word standing for several subjects (``城乡``, ``一二三产``; lexicon ``compound_subjects``)
    gives one name per part when the list has as many numbers.
    """
    for word in sorted(_compound_subjects(), key=len, reverse=True):
        at = subject.find(word)
        parts = _compound_subjects()[word]
        # (a subject listing other things besides is a list of its own; the word itself may hold a 、)
        if at >= 0 and len(parts) == n and not re.search(r"[、和及与]", subject.replace(word, "", 1)):
            return [subject[:at] + part + subject[at + len(word):] for part in parts]
    # try the plainest separators first: 及/与 also sit inside words (普及率, 参与率)
    for separators in ("、", "[、和]", "[、和及与]|以及"):
        items = [i for i in re.split(separators, subject) if i]
        if len(items) == n:
            break
    else:
        return None
    last = items[-1]
    head = next((h for h in _shared_heads() if last.endswith(h) and len(last) > len(h)), "")
    if any(re.search(r"[值额量数率]$|人次$|收入$|投资$|产业$", item) for item in items[:-1]):
        head = ""  # "进口货值、免签入境游客、…、离岛免税销售额": items that name their own quantities
    out = []
    for item in items[:-1]:
        if len(item) <= 2 and len(last) > len(item) + 2:
            out.append(item + last[len(item):])  # "城镇、农村居民人均可支配收入": 城镇 in place of 农村
        elif head and not item.endswith(head) and len(item) <= 10:
            out.append(item + head)  # "服务器、3D打印设备产量": 服务器产量
        elif len(item) <= 3 and len(last) > len(item) + 2:
            out.append(item + last[len(item):])
        else:
            out.append(item)
    out.append(last)
    return out


@cache
def _shared_heads() -> tuple[str, ...]:
    return tuple(sorted(load_lexicon()["shared_heads"], key=len, reverse=True))


def _sibling_measure(mention: str, before: RawFact | None) -> str:
    """``夏粮播种面积121.23万亩,产量24.88万吨``, ``农林牧渔业总产值147.21亿元,增长3.5%,实现增加值86.48亿元``: a bare
    measure word (lexicon ``shared_heads``) right after another measure of a named subject in the sentence is that
    subject's (``夏粮产量``, ``农林牧渔业增加值``), not a measure of everything."""
    bare = mention.removeprefix("总")
    if before is None or before.measure != "level" or bare not in _shared_heads() or _ATTRIBUTE.fullmatch(mention):
        return mention  # (a project's 建筑面积…,总投资…: attributes of the project, not of 建筑)
    head = next((h for h in _shared_heads() if before.mention.endswith(h)), "")
    subject = re.sub(rf"总?{head}$", "", before.mention) if head and head != bare else ""
    if len(subject) < 2 or subject.endswith(("的", "和", "、")) or _unnamed(subject) or subject in _BARE_VERBS:
        return mention  # (新增投资400亿元，实现产值700亿元: no subject)
    return subject + mention


def extract_prose(norm: NormalizedText, layout: Layout, regions: RegionTracker) -> list[RawFact]:
    text = norm.text
    facts: list[RawFact] = []
    pos = layout.start
    while pos < layout.end:
        nl = text.find("\n", pos, layout.end)
        para_end = layout.end if nl < 0 else nl
        if not text.startswith("|", pos) and pos not in norm.table_lines:  # table rows: extract_tables
            facts.extend(_paragraph(text, pos, para_end, layout, regions))
        pos = para_end + 1
    _estimated_below(text, layout, facts)
    return facts


#: A note that the figures from here on are estimates: "生产总值(预计,下同)", "年均增长9.8%（预计数，下同）",
#: "（2015年为预计数，下同）" (the year it is of, when it says).
_ESTIMATE_NOTE = re.compile(
    r"[（(](?:以下|以上)?(?:(?P<year>(?:19|20)\d\d)年)?(?:均为|均|为)?(?:初步)?预计(?:数|值)?[，,]\s*下同[）)]")


def _end_year(period: str) -> int | None:
    return int(period[-4:]) if "-" in period and period[-4:].isdigit() else (
        int(period[:4]) if period[:4].isdigit() else None)


def _estimated_below(text: str, layout: Layout, facts: list[RawFact]) -> None:
    """``五年来，我市生产总值(预计，下同)、…`` makes the results reported after it estimates, in the
    paragraphs after it too (下同: "the same below") — the results of the year it notes: the year it
    names, else the last year of the figure it stands after (``“十二五”期间年均增长9.8%(预计数,下同)``: 2015),
    else any year before the document's.  Goals stay goals, and a year already closed stays actual
    (``2014年，全县粮食产量50万吨`` after a note on 2015)."""
    note = _ESTIMATE_NOTE.search(text, layout.start, layout.end)
    if note is None:
        return
    # the note's own clause too ("年均增长9.8%(预计数,下同)")
    clause = _clause_start(text, layout.start, note.start())
    noted = [f for f in facts if clause <= f.start < note.start() and _end_year(f.period)]
    year = int(note.group("year")) if note.group("year") else (_end_year(noted[-1].period) if noted else None)
    for fact in facts:
        end = _end_year(fact.period)
        if fact.start < clause or fact.kind != "actual" or end is None:
            continue
        if (end == year) if year is not None else (layout.year is None or end < layout.year):
            fact.kind = "estimate"
            if fact.evidence is not None:
                fact.evidence["kind"] = f"“{note.group()}”"


def _paragraph(text: str, start: int, end: int, layout: Layout, regions: RegionTracker) -> list[RawFact]:
    out: list[RawFact] = []
    regions.start_paragraph()
    # "**(二) 产业结构优化升级。**到 2020 年末，预计…。…，预计工业总产值完成800亿元；…粮食总产能完成46亿斤":
    # in a paragraph opening with an estimated year end, a sentence with 预计 estimates all of it
    estimates = bool(_ESTIMATED_YEAR_END.match(_LEAD_IN.sub("", text[start:min(end, start + 80)])))
    s = start
    before = (start, start)  # the sentence before, whose time words a breakdown carries
    previous: list[RawFact] = []
    while s < end:
        m = _SENTENCE_END.search(text, s, end)
        e = m.end() if m else end
        breakdown = _BREAKDOWN_OPENING.match(text, s) is not None and not _NEW_TIME.search(text, s, e)
        carried = _last_time_phrase(text, *before) if breakdown else ""
        facts = _sentence(text, s, e, layout, regions, out[-1] if out else None, carried)
        if breakdown:
            _date_as_total(facts, previous)
        before, previous = (s, e), facts
        if estimates and "预计" in text[s:e]:
            for fact in facts:
                fact.kind = "estimate" if fact.kind == "actual" else fact.kind
        if out and facts and _COMPARISON_OPENING.match(text, s):
            _name_comparisons(facts, out[-1])
        out.extend(facts)
        s = e
    return out


@cache
def _years_ahead_words() -> re.Pattern[str]:
    """``未来五年``, ``今后五年``: the years ahead of the text, a plan's period (lexicon ``years_ahead``)."""
    return re.compile(alternation(load_lexicon()["years_ahead"]))


def _years_ahead(layout: Layout, scope: Scope, sentence: str) -> str:
    """The span a sentence's ``未来五年`` means, written out (``2016—2020年，``) for the period reading, or "".

    The plan period of the goals in force, or the plan the text names when it is still ahead of the text's
    year (news of a 十三五 outline issued in November 2015: 2016—2020), else the five years from the text's
    own."""
    if "年" not in sentence or not _years_ahead_words().search(sentence):
        return ""
    if scope.kind == "target" and scope.span:
        return f"{scope.span.replace('-', '—')}年，"  # a plan's goals already over its period
    if layout.plan and (layout.year is None or layout.plan[0] >= layout.year):
        a, b = layout.plan
    elif layout.year:
        a, b = layout.year, layout.year + 4
    else:
        return ""
    return f"{a}—{b}年，"


#: A sentence that breaks down the one before it (``其中，一产业年均增速保持在2.6%以上``) is about the time
#: that sentence names (``到“十四五”末，…地区生产总值要达到300亿元。``), not the document's year.
_BREAKDOWN_OPENING = re.compile(r"\s*其中")
#: A time phrase dating what follows it: a year, a span of years or a plan period, with its by-word and
#: end word (``到“十四五”末``), not one compared with (``比2015年``, ``是2010年的``).
_TIME_PHRASE = re.compile(
    r"(?<![比较与是同和跟])(?:到|至|截至)?\s*(?:(?:19|20)\d\d\s*年(?:[-—–至到](?:19|20)?\d\d年)?"
    r"|[“\"]?十[一二三四五六]五[”\"]?)(?:末|底|期间|时期)?")


def _last_time_phrase(text: str, start: int, end: int) -> str:
    """The last time phrase of ``text[start:end]`` with a comma after it (to be read before a breakdown), or ""."""
    if "年" not in text[start:end] and "五" not in text[start:end]:
        return ""
    phrases = list(_TIME_PHRASE.finditer(text, start, end))
    return phrases[-1].group() + "，" if phrases else ""


def _date_as_total(parts: list[RawFact], totals: list[RawFact]) -> None:
    """``纳入“十四五”时期重点项目库共530个…。其中：农业项目32个…``: the parts of a total are of its period, where
    the sentence of the parts names no time of its own; a part measured otherwise than any total
    (``其中，一产业年均增速保持在2.6%以上`` after levels) is dated by the time words carried over."""
    for fact in parts:
        total = next((t for t in totals if t.measure == fact.measure and t.kind == fact.kind and t.period), None)
        if total is not None and fact.period != total.period:
            fact.period = total.period
            if fact.evidence is not None:
                fact.evidence["period"] = f"part of “{total.mention}” ({total.period})"


#: A sentence that opens with a comparison and no subject ("。比全国高0.3个百分点，较2022年全年增长0.5个百分点").
_COMPARISON_OPENING = re.compile(r"\s*(?:比|较)(?:全国|全省|全市|全区|上年|去年|20\d\d年|一季度|上半年|前三季度|同期)")


def _name_comparisons(facts: list[RawFact], before: RawFact) -> None:
    """``…地区生产总值…同比增长4.8%。比全国高0.3个百分点，较2022年全年增长0.5个百分点``: a sentence with no
    subject that opens with a comparison compares the number just before it; its changes in points are named
    by that number's indicator and the comparison (as a difference after a list is: ``…比全国高``)."""
    if before.measure not in ("growth", "avg_growth", "level") or not before.mention:
        return
    for fact in facts:
        if fact.measure != "change_pp" or not re.match(r"(?:比|较)", fact.mention):
            break
        fact.mention = before.mention + fact.mention


#: How far back in its paragraph a number looks for the part of a year it is about ("前三季度，…").
_PART_WINDOW = 400
_NOT_A_SUBJECT = re.compile(
    r"(?:稳居|位居|跃居|居全国|居全省|居中部|居西部|跻身|排名|位列|同口径|可比口径|按可比价|双双)|(?:折合|约合)$")
_LEAD_IN = re.compile(r"^\s*(?:\*\*)?(?:[（(][一二三四五六七八九十\d]+[)）])?[^。，*]{0,20}。(?:\*\*)?\s*")
_ESTIMATED_YEAR_END = re.compile(r"(?:到|至|截至)\s*(?:19|20)\d\d\s*年(?:末|底)[，,]\s*(?:预计|初步预计)")


def _sentence(text: str, start: int, end: int, layout: Layout, regions: RegionTracker,
              total: RawFact | None = None, carried: str = "") -> list[RawFact]:
    """The facts of one sentence; ``total`` is the paragraph's fact just before it, whose parts a
    breakdown (``其中北京、天津、河北分别为…``) may list; ``carried`` the time phrase the sentence it breaks
    down opens on, read before its own words."""
    quantities = find_quantities(text, start, end)
    if not quantities:
        regions.observe(text, start, end)
        return []
    facts: list[RawFact] = []
    prev: tuple[Quantity, str, float] | None = None
    prev_fact: RawFact | None = None
    list_members: list[tuple[RawFact, int]] = []  # facts of the current 分别 list with their clause start
    last_names: list[str] | None = None
    for index, q in enumerate(quantities):
        # Look no further than a window around the number: sentences are short in real prose, and
        # a pathological one-line "sentence" must not make the work quadratic.
        lo, hi = max(start, q.start - _WINDOW), min(end, q.end + _WINDOW)
        clause_start = _clause_start(text, lo, q.start)
        clause_end = min([i for i in (text.find(c, q.end, hi) for c in "，；。：\n") if i >= 0] + [hi])
        if _excluded(text, q, lo, clause_start, clause_end, hi):
            continue
        # "低于全国（49.5%）" is the country's value; "高于全国8.5个百分点" the gap, the region's own
        # (a number opening a bracket starts its own clause: "江西（6.9%）" is read with the name before it)
        opens_bracket = text[clause_start - 1:clause_start] in ("（", "(")
        named_from = max(lo, clause_start - 24) if opens_bracket else clause_start
        other = value_of_another(text[named_from:q.start], regions.segment_name) if q.unit_kind != "points" else None
        region = other or regions.region_at(text, start, q.start, lo)
        seg_start = max(clause_start, prev[0].end if prev and prev[0].end <= q.start else clause_start)
        pre_full = text[clause_start:q.start]
        pre = text[seg_start:q.start]
        # the bound's verb, with its aspect ("跨越了两千亿元"), is no part of the name
        verb = next((v for v in (q.prefix_verb + "了", q.prefix_verb) if q.prefix_verb and pre.endswith(v)), "")
        if verb:
            pre = pre[: -len(verb)]
            pre_full = pre_full[: -len(verb)]
        measure, value, unit = _measure(text, q, text[clause_start:q.start], prev)
        if measure == "level" and q.unit_kind == "percent" and value < 0:
            measure = "growth"  # "降幅由-14.2%收窄至-11.6%": a share or rate is never below zero, a change is
        mention = _clean_mention(pre)
        if _NOT_A_SUBJECT.match(mention):
            mention = ""  # "5.53万亿元、稳居全国前十强、增长4.8%": the growth is of the same thing
        in_list = prev is not None and prev_fact is not None and re.fullmatch(r"[、和及与]?|[、，]?和", pre) is not None
        next_q = quantities[index + 1] if index + 1 < len(quantities) else None
        after = _noun_after(text, q, clause_end, next_q) if q.unit_kind not in ("multiple", "doubling") else ""
        threshold = _thresholds()[1].match(text, q.end) if q.unit_kind == "count" and next_q is not None else None
        if threshold and next_q is not None and next_q.start == threshold.end() and next_q.unit_kind == "money":
            # "11个投资超10亿元工业项目竣工投产": the amount is part of what is counted (_excluded drops it)
            named = _AFTER_NOUN.match(text, next_q.end, clause_end)
            noun = re.sub(r"^(?:以上|及以上|左右)?的?", "", named.group()) if named else ""
            if noun and _is_cjk(noun[0]) and not _NOT_A_NOUN.match(noun):
                after = text[q.end:named.end()]  # the bound stays in the name, as the text counts it
        if after and q.unit_kind == "percent" and mention:
            after = ""  # "比重 55%" : a rate follows its name
        if after and re.match(r".*(?:率|比例|比重|占比)$", after) and next_q and next_q.start == q.end + len(after):
            continue  # "4条河流断面监测达标率100%": the count only qualifies the rate
        if after and after.endswith(("台阶", "大关", "关口")):
            if q.unit_kind == "count":
                continue  # "连续迈上4个万亿元台阶": a count of milestones passed, no quantity of the region
            after = ""  # "连跨5万亿元、6万亿元两个台阶": the levels passed are the region's, the count names nothing
        if after:
            mention = after
        elif mention in _BARE_VERBS and prev_fact is not None:
            mention += prev_fact.mention  # "人数达到12700人，新增1119人": 新增 of the same thing
        elif pre.lstrip("、，和").startswith(("占", "高于", "低于", "快于", "慢于", "比全国", "比全省")) and prev_fact:
            mention = prev_fact.mention + _clean_mention(pre)  # "增长5.4%、高于全国0.4个百分点"
            if q.unit_kind == "percent" and not re.search(r"比重|比例|份额|比$", mention):
                mention += "比重"
        elif not mention and prev_fact is not None and "；" not in text[prev_fact.end:clause_start]:
            mention = prev_fact.mention
            share = _SHARE_OF.fullmatch(mention)
            if share and measure in ("growth", "avg_growth"):
                # "产值…占全市…的比重为69.3%，同比增长5.4%": a share changes in points, so a percent
                # growth after it is of the amount the share is of
                mention = share.group("part")
            if "累计" in pre:  # "新建绿道137公里、累计达到2136公里": the running total of 绿道, not of 新建
                flow, _ = period_cues()
                mention = re.sub(rf"^(?:{flow.pattern})+", "", mention) or mention
        elif not mention:
            # "合理使用“三公”经费，同比减少51%": the subject is in the clause before (its own ；-part:
            # "农业全面升级，年均增长3%以上；…；服务业提速提质，年均增长5%以上")
            part_start = max(start, text.rfind("；", start, clause_start) + 1)
            earlier = _clean_mention(text[part_start:clause_start])
            topic = _TOPIC.search(earlier)
            earlier = _clean_mention(topic.group("topic")) if topic else earlier[-16:]
            sector = _SECTOR.match(earlier)
            verb = re.sub(r"[^\u4e00-\u9fff]", "", pre)[-4:]
            if sector and measure != "level":
                mention = f"{sector.group()}增加值"  # "农业全面升级，年均增长3%以上": the sector's value added
            else:
                mention = earlier or (prev_fact.mention if prev_fact is not None else verb)
        by_owner = _BY_OWNER.search(text, start, clause_start) if q.unit_kind == "count" else None
        if by_owner and len(mention) <= 16 and not _cues()["up"].search(mention):
            # "未开工项目共5个，按责任单位划分分别是：银川市2个，…；吴忠市1个": what the total counted
            total = text[start:by_owner.start()].rstrip("，, ")
            counted = re.sub(r"(?:共|合计|总计)?[\d一二三四五六七八九十]*个?$", "", total)
            mention = _clean_mention(counted) or mention
        # (not from a difference itself unnamed yet, "比全国高0.3个百分点,较2022年全年增长0.5个百分点": each is named
        # with its own base by the sentence before, _name_comparisons)
        if prev_fact is not None and not re.match(r"(?:比|较)", prev_fact.mention) and (
                _TIME_FRAGMENT.search(mention) or _comparison_only().match(mention)
                or _rate_patterns()[0].match(mention) or _BASIS_ONLY.match(mention)
                or _milestones()[1].fullmatch(mention)):
            size = mention.endswith("总量")
            mention = prev_fact.mention  # "增加到2015年的23.53亿元，年均增长23.53%": the same indicator
            if size:
                # "新增上市公司48家、总量达122家": the stock of what was added, not the addition
                flow, _ = period_cues()
                stock = re.sub(rf"^(?:累计)?(?:{flow.pattern})+", "", mention)
                mention = stock + "总量" if stock and stock != mention else mention
        named_unit = other is not None and text[q.start - 1:q.start] in "（("  # "江西（6.9%）、福建（6.7%）"
        if other and prev_fact is not None and (q.unit_kind == "percent" or named_unit):
            # "增长46.9%，高于全国同期1.7%的两年平均增速": the other unit's figure of the same indicator
            mention = prev_fact.mention
            if re.match(r"的?(?:两年|三年)?(?:平均|年均)增[速长]", text[q.end:clause_end]):
                measure = "avg_growth"
            elif measure == "level":
                measure = prev_fact.measure
        if _unnamed(mention):
            # "从GDP同比增速来看，…其中江西（6.9%）、福建（6.7%）…": no name of its own, the frame's topic
            framed = _framed_topic(text, q.start)
            if framed is not None:
                mention, names_rate = framed
                if names_rate and q.unit_kind == "percent" and measure == "level":
                    measure = "growth"
        rate_named = named_unit and measure == "level" and q.unit_kind == "percent"
        if rate_named and _rate_patterns()[1].search(text, start, end):
            # "江西（6.9%）、福建（6.7%）…7省份的增速超过6%": units' figures in brackets, of the rate the sentence names
            measure = "growth"
        sentence_before = text[lo:q.start]
        scope = sentence_turn(scope_at(layout, q.start), layout, sentence_before)
        # an estimate cue at the head of a sentence governs all of it, elsewhere only its ；-part
        semi = text.rfind("；", lo, q.start)
        estimate_window = sentence_before if not semi >= 0 or _HEAD_CUE.match(sentence_before) else text[semi:q.start]
        kind = kind_in_sentence(scope.kind, estimate_window, text[clause_start:q.start], scope.year)
        if kind == "target" and scope.kind == "target" and states_current(sentence_before, text[clause_start:q.start]):
            # "目前储备高精尖人才7人" in a plan's work chapter: the level the plan starts from
            kind = "actual"
            base = layout.plan[0] - 1 if layout.plan else (layout.year - 1 if layout.year else None)
            scope = Scope("actual", base, None)
        # a count before its noun may have its verb after it: "14公里百股河滨河路完成路基建设"
        described = mention + text[q.end:clause_end] if after else mention
        para_start = text.rfind("\n", max(0, q.start - _PART_WINDOW), q.start) + 1
        # (a change in points is read with its own text: "1-4月提高5.0个百分点" compares with 1-4月)
        own_text = text[q.start:q.end] if measure == "change_pp" else ""
        part = part_in_effect(text[max(para_start, q.start - _PART_WINDOW):q.start] + own_text)
        ahead = _years_ahead(layout, scope, sentence_before)
        if ahead and kind == "actual":
            kind = "target"  # "依据该规划，未来五年…地区生产总值年均递增14%，将达260亿元": what the years ahead hold
        period = period_for(scope, kind, measure, ahead + carried + sentence_before, text[clause_start:q.start],
                            described, rate=q.unit_kind == "percent", part=part)
        if kind == "target" and _ended_year_estimate(estimate_window, period, layout):
            # "…定下目标" over a news item, then "2020年,万源预计全年实现地区生产总值140亿元": the expected
            # result of a year already over when the item was written is an estimate, not a goal
            kind = "estimate"
        if (prev_fact is not None and scope.span and prev_fact.period == scope.span and period == str(scope.year)
                and not _NEW_TIME.search(text, prev_fact.end, q.start)
                and measure == prev_fact.measure == "level" and (_continues_list(text[clause_start:q.start], q)
                                                                 or _ATTRIBUTE.fullmatch(text[clause_start:q.start]))):
            # "组建省重点实验室24个，省专业技术创新中心34个", "改造566个小区，面积为1433万平方米": the span goes on
            period = scope.span
        qualifier = q.qualifier
        sibling = next((f for f in reversed(facts) if f.measure == "level"), None)
        if measure == "level" and sibling is not None and not re.search(r"[；;。]", text[sibling.end:q.start]):
            # (the level before in the same part of the sentence: "总产值147.21亿元,增长3.5%,实现增加值86.48亿元";
            # not "人均道路面积达到18.99平方米…；五年累计投资5.1亿元")
            mention = _sibling_measure(mention, sibling)
        if qualifier is None and in_list and prev is not None and prev_fact is not None:
            shared = text[max(0, prev[0].start - 12):prev[0].start]
            if prev[0].prefix_verb and re.search(r"(?:分别|均|接连|先后)" + re.escape(prev[0].prefix_verb), shared):
                qualifier = prev_fact.qualifier  # "分别突破10000个、7000个": the verb governs the list
            elif prev_fact.qualifier == "at_least" and _milestone_count().match(text, q.end, clause_end):
                # so does a milestone verb whose list closes on the count of milestones ("跨越了两千亿元和三千亿元两个
                # 台阶", "连续跨越7万亿、8万亿、9万亿三个大台阶")
                qualifier = prev_fact.qualifier
        fact = RawFact(q.start, q.end, mention, measure, value, unit, kind, period, region, qualifier,
                       value_high=range_high(q, value),
                       evidence=_evidence(scope, kind, estimate_window, sentence_before, part, region, regions,
                                          period))
        joined_next = next_q is not None and text[q.end:next_q.start] in ("、", "和")
        # "年均分别增长14.1%、…和26.8%，达4270亿元、…和1573亿元": a run after a bare verb is a list of its own
        # (named after the list before it, _assign_list)
        bare_run = joined_next and not in_list and not _clean_mention(pre) and bool(last_names or list_members)
        listed_subject = ("、" in pre and joined_next) or bare_run
        if ("分别" in pre or listed_subject) and not in_list:
            last_names = _assign_list(text, list_members, last_names, facts, total)
            list_members = [(fact, clause_start)]
        elif in_list and list_members:
            list_members.append((fact, clause_start))
        else:
            last_names = _assign_list(text, list_members, last_names, facts, total)
            list_members = []
        facts.append(fact)
        prev = (q, measure, value)
        prev_fact = fact
    if not facts:
        regions.note_opening(text, start, end)  # its numbers were years or names: its subject still counts
        return facts
    _assign_list(text, list_members, last_names, facts, total)
    _paired_differences(text, facts)
    _from_to(text, facts, scope_at(layout, start))
    return facts


#: What stands between a ``分别`` list and a list of its differences: a comparison with no subject of
#: its own ("，比7月份高", "，高于全省", "，增速分别快于全部投资").
_DIFFERENCE_LEAD = re.compile(
    r"^[，,]\s*(?:增速|增幅|涨幅|降幅)?(?:分别|均)?(?:(?:比|较)[^，,。；;、]{1,10}?)?(?:分别|均)?"
    r"(?:高于|低于|快于|慢于|高出|低出|提高|加快|回落|提升|下降|放缓|收窄|扩大|回升|高|低|快|慢)[^，,。；;、\d]{0,8}$"
)


def _joined(text: str, facts: list[RawFact]) -> bool:
    """Numbers written as one list: only ``、`` or ``和`` between them."""
    return all(text[a.end:b.start].strip() in ("、", "和", "及") for a, b in zip(facts, facts[1:], strict=False))


def _paired_differences(text: str, facts: list[RawFact]) -> None:
    """``…分别增长29.7%、22.1%、19.6%，比7月份高8.4、17.5、7.8个百分点``: a list of as many numbers right
    after a ``分别`` list, led by a comparison with no subject of its own, gives each difference the name
    of the number it compares, in order (the comparison kept, as for one number: ``…增加值比7月份高``)."""
    i = 0
    while i < len(facts):
        n = 1
        while i + n < len(facts) and _joined(text, facts[i + n - 1:i + n + 1]):
            n += 1
        head = facts[i - n:i] if i >= n >= 2 else []
        lead = text[head[-1].end:facts[i].start] if head else ""
        if (head and i + n <= len(facts) and _DIFFERENCE_LEAD.match(lead) and _joined(text, head)
                and "分别" in text[max(0, head[0].start - 12):head[0].start]
                and (len({f.mention for f in head}) == n or len({f.region for f in head}) == n)
                and _joined(text, facts[i:i + n])):
            words = re.sub(r"^[，,\s]*(?:增速|增幅|涨幅|降幅)?(?:分别|均)?", "", lead).replace("分别", "")
            units = len({f.region for f in head}) == n  # "天津、河北…分别下降16.0%和4.8%，降幅…分别收窄…"
            for before, fact in zip(head, facts[i:i + n], strict=True):
                fact.mention = before.mention + words
                if units:
                    fact.region = before.region
        i += n


def _ended_year_estimate(window: str, period: str, layout: Layout) -> bool:
    """An estimate cue (``预计``) before a number dated to a year, or a part of one, before the year the
    document was issued in (else the year it is about): a result expected for a period already over,
    which no goal can be.  (News of January about last year is dated by that year, so the issue wins.)"""
    issued = layout.context.issued if layout.context is not None else None
    year = int(issued[:4]) if issued and issued[:4].isdigit() else layout.year
    ended = re.match(r"((?:19|20)\d\d)(?:$|Q|H|M)", period or "")
    return bool(year and ended and int(ended.group(1)) < year and _kind_cue_patterns()[0].search(window))


_TIME_WORDS = re.compile(
    r"(?:从|由|到|至|截至)?(?:(?:19|20)\d\d年(?:末|底|以来)?|[“\"]?十[一二三四五六]五[”\"]?(?:期间|时期|末期?|以来)?|五年来|今年|去年)"
)


def _evidence(scope: Scope, kind: str, window: str, before: str, part: tuple[int | None, str] | None,
              region: str, regions: RegionTracker, period: str = "") -> dict[str, str]:
    """The words that set a fact's kind, period and region, for a user to check (``extract --explain``)."""
    estimate, target = _kind_cue_patterns()
    cue = None
    if kind != scope.kind:
        found = list((estimate if kind == "estimate" else target).finditer(window)) if kind != "actual" else []
        cue = f"“{found[-1].group()}”" if found else None
    times = list(_TIME_WORDS.finditer(before))
    if times and "-" in period and not re.search(r"五|以来|期间|时期", times[-1].group()):
        when = f"{scope.why}: over the period {period}"
    elif times:
        when = f"“{times[-1].group()}”"
    elif part:
        when = f"part of the year {part[1]}"
    else:
        when = scope.why
    where = (f"subject “{region}”" if region != regions.segment_name else
             f"document region {regions.segment_name}" if regions.segment_name else "")
    return {"kind": cue or scope.why, "period": when, "region": where}


def range_high(q: Quantity, value: float) -> float | None:
    """The upper end of a range in the fact's terms: scaled and signed as ``value`` was from ``q.value``
    (``下降2—3%`` is −2 to −3)."""
    if q.value_high is None or not q.value:
        return None
    return round(q.value_high * value / q.value, 10)


def _clause_start(text: str, lo: int, pos: int) -> int:
    """Where the clause holding ``pos`` starts; a short aside in brackets does not end a clause
    ("新增高速（一级）公路2600公里")."""
    start = max(max(text.rfind(c, lo, pos) for c in _CLAUSE_BOUNDARY) + 1, lo)
    while start > lo and text[start - 1] in "）)":
        opening = max(text.rfind("（", lo, start - 1), text.rfind("(", lo, start - 1))
        aside = text[opening + 1:start - 1]
        # a note on how the figures are given ("生产总值（预计，下同）、财政总收入…") is an aside too
        if opening < 0 or len(aside) > 8 or (re.search(r"[\d，。；]", aside) and not aside.endswith("下同")):
            break
        start = max(max(text.rfind(c, lo, opening) for c in _CLAUSE_BOUNDARY) + 1, lo)
    return start


_FROM = re.compile(rf"(?:{STARTING_YEAR}|从|由)(?:每[^，。；\d]{{0,4}})?$")
_TO = re.compile(
    r"^(?:分别)?(?:[\u4e00-\u9fff]?(?:提高|增加|增长|提升|上调|扩大|调整|降低|下降|减少|压减|缩减|缩小|上升|下调|跃升|拓展"
    r"|扩展|发展|增|升|降))(?:到|至|为)(?:(?:19|20)\d\d年(?:底|末)?的?)?$"
)
_LIST_SEPARATOR = re.compile(r"[、和及与]|，?和")


def _from_to(text: str, facts: list[RawFact], scope: Scope) -> None:
    """``标准从每人每月1536元提高到1567元``: X is the level before, Y the level after.

    Both get the subject before 从; X gets the year before Y's (the plan's base year for a
    five-year target) and, where Y is a target, is the actual level it starts from.  Lists pair
    up in order: ``城乡居民人均可支配收入从2021年的46503元和16935元分别提高到58794元和23184元``.
    """
    for j in range(1, len(facts)):
        if not _TO.match(text[facts[j - 1].end:facts[j].start]):
            continue
        i = j - 1  # the first X of a list of them
        while i > 0 and _LIST_SEPARATOR.fullmatch(text[facts[i - 1].end:facts[i].start]):
            i -= 1
        n = j - i
        ys = facts[j:j + n]
        joined = all(_LIST_SEPARATOR.fullmatch(text[p.end:q.start]) for p, q in zip(ys, ys[1:], strict=False))
        if len(ys) < n or not joined:
            continue
        before = text[max(0, facts[i].start - 30):facts[i].start]
        cut = _FROM.search(before)
        if not cut:
            continue
        subject = _clean_mention(re.split(r"[，；。：\n！？]", before[:cut.start()])[-1].removesuffix("分别"))
        names = [subject] if n == 1 else _distribute(subject, n)
        for k, (a, b) in enumerate(zip(facts[i:j], ys, strict=True)):
            if names and names[k]:
                inherited = b.mention
                a.mention = b.mention = names[k]
                # "…增加到2015年的287.9亿元，年均增长12.1%": the growth after the pair took Y's name
                for later in facts[j + n:]:
                    if later.mention != inherited or later.measure == "level":
                        break
                    later.mention = names[k]
            _date_from_to(a, b, cut.group(1), scope)


def _date_from_to(a: RawFact, b: RawFact, from_year: str | None, scope: Scope) -> None:
    """Date a from-to pair: Y keeps its period, X gets the one before it (its own ``从2020年的``)."""
    span = next((p for p in (b.period, a.period) if re.fullmatch(r"\d{4}-\d{4}", p)), None)
    if span:
        # "认定…分别从771家、481家增加到1076家、636家" over a five-year review: levels at both ends
        first, last = span.split("-")
        b.period = last
        a.period = from_year or str(int(first) - 1)
    elif from_year:  # 由2020年的7.2%: X has its own year
        a.period = from_year
    elif a.period == b.period and b.period.isdigit():
        # Y at the end of a plan period (a five-year target, or the end level of a review of
        # the whole period): X is the level of the year before the period began.
        at_plan_end = bool(scope.span and len(b.period) == 4 and scope.span.endswith(b.period)
                           and (b.kind == "target" or scope.multi_year))
        a.period = str(int(scope.span[:4]) - 1) if at_plan_end and scope.span else str(int(b.period) - 1)
    if b.kind == "target" and a.period != b.period:
        a.kind = "actual"


@cache
def _breakdown_leads() -> tuple[str, ...]:
    return tuple(load_lexicon()["breakdown_leads"])


#: A short note in brackets with a comma ("(预计,下同)") inside the subject of a list (a bracket without
#: one is part of a name: "执业（助理）医师数").
_BRACKET_NOTE = re.compile(r"[（(][^（）()，,]{0,8}[，,][^（）()]{0,8}[）)]")


def _assign_list(text: str, members: list[tuple[RawFact, int]], last: list[str] | None,
                 earlier: list[RawFact], total: RawFact | None = None) -> list[str] | None:
    """Give each number of a ``分别`` list its own indicator from the shared subject.

    A list with no subject of its own refers back to the numbers just before it
    (``实名制安置就业8736人，劳务输出11100人，分别为市下达指标的168%、111%``) or repeats the
    previous list's names (``年均分别增长7%、7.7%``).  Returns the names given, for the next list.
    """
    if len(members) < 2:
        return last
    first, clause_start = members[0]
    # a note in brackets inside the names ("我市生产总值(预计,下同)、财政总收入、…年均分别增长") is none of them
    before = _BRACKET_NOTE.sub("", text[clause_start:first.start])
    idx = before.find("分别")
    subject = _clean_mention(before[:idx] if idx >= 0 else before)
    if idx < 0 and not subject and last is not None and len(last) == len(members):
        # "…分别增长14.1%、22.1%和26.8%，达4270亿元、500.36亿元和1573亿元": a bare run of as many numbers
        # right after a list is of the same things, in the same order
        for (fact, _), name in zip(members, last, strict=True):
            fact.mention = name
        return last
    if idx < 0 and "、" not in subject:
        return last  # without 分别 only a subject listing its items ("每千人床位数、执业医师数增至…") distributes
    if idx >= 0 and not subject and (listed_before := _listed_before(text, clause_start, len(members))):
        # "禽蛋产量、水果和蔬菜增长较快,增速分别达9.1%、7.5%、5.5%": the things the clause before lists, in order
        for (fact, _), name in zip(members, listed_before, strict=True):
            fact.mention = name
        return listed_before
    subject = re.sub(r"(?:年均)?(?:增长|增速|增幅|涨幅)$", "", subject)
    listed = _MARKUP.sub("", before[:idx] if idx >= 0 else before)  # a page's <p> before its first words
    listed = listed.strip("，、；：。 \u3000")
    lead = next((w for w in sorted(_breakdown_leads(), key=len, reverse=True) if listed.startswith(w)), "")
    places = _listed_places(listed[len(lead):], len(members))
    position = next((i for i, f in enumerate(earlier) if f is first), len(earlier))
    rate_named = False
    if places is None and not listed:
        places = _units_before(text, clause_start, len(members))
        rate_named = places is not None and bool(re.search(r"(?:增速|增幅|增长率)$", places[1]))
    if places is not None:
        # "广州、深圳地铁线网单日最高客运量分别达1409万、1305万人次": one unit per number, one indicator
        units, rest = places
        if rate_named:
            rest = re.sub(r"(?:增速|增幅|增长率)$", "", rest)
            for fact, _ in members:
                if fact.unit == "%" and fact.measure == "level":
                    fact.measure = "growth"  # "…增速均超过20%，分别达到34.4%、…": the growths of the units
        subject = _clean_mention(rest)
        for (fact, _), unit in zip(members, units, strict=True):
            fact.region = unit
        prior = earlier[position - 1] if position > 0 else total
        if not subject and lead and prior is not None and prior.measure == first.measure:
            # "京津冀地区生产总值17746.7亿元。其中北京、天津、河北分别为…": the parts of the total just before
            subject = prior.mention
        if not subject:
            return last
        for fact, _ in members:
            fact.mention = subject
        return [subject] * len(members)
    since = _since_list()[0].search(text, max(0, clause_start - 16), clause_start)
    if since is not None:
        _date_successive(since, listed, [fact for fact, _ in members])
    years = _LISTED_YEARS.match(listed)
    if years is not None and len(found_years := re.findall(r"(?:19|20)\d\d", years.group("years"))) == len(members):
        # "（2015和2016年同期增速分别为3.3%、0.5%）": one year per number, of the indicator just before the list
        prior = earlier[position - 1] if position > 0 else total
        same_part = years.group("rest").lstrip("的").startswith("同期")  # the same part of those years
        subject = _clean_mention(re.sub(r"^的?同期", "", years.group("rest")))
        if (not subject or _unnamed(subject)) and prior is not None:
            subject = prior.mention
        for (fact, _), year in zip(members, found_years, strict=True):
            part = fact.period[4:] if same_part and _PART_OF_YEAR.fullmatch(fact.period[4:]) else ""
            fact.period = year + part
            if subject:
                fact.mention = subject
        return [subject] * len(members) if subject else last
    names = _distribute(subject, len(members))
    n = len(members)
    preceding = earlier[max(0, position - n):position]
    fresh = (not subject and len(preceding) == n and len({f.mention for f in preceding}) == n
             and all(f.measure == "level" for f in preceding) and last is not None
             and [f.mention for f in preceding] != last)
    if names is None and last is not None and len(last) == n and len(subject) <= 4 and not fresh:
        names = last  # "…增速分别为…，总量分别达到…": the same indicators again (not where other things were
        # named since: "夏粮播种面积…,产量…,分别增长0.1%和0.7%;油菜籽播种面积…,产量…,分别增长4.6%和4.9%")
        preceding = earlier[max(0, position - n):position]
        if (len(preceding) == n and [f.mention for f in preceding] == last
                and len({f.region for f in preceding}) == n):
            # "北京、天津、河北分别为…亿元…，同比分别下降6.6%、9.5%和6.2%": the same units again, in order
            for (fact, _), before_fact in zip(members, preceding, strict=True):
                fact.region = before_fact.region
    if names is None and (not subject or re.search(r"指标|任务|计划", subject)):
        preceding = earlier[max(0, position - n):position]
        if len(preceding) == n and len({f.mention for f in preceding}) == n:
            names = [f.mention for f in preceding]
    if names:
        for (fact, _), name in zip(members, names, strict=True):
            fact.mention = name
    return names or last
