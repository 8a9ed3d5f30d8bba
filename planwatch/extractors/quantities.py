"""Finding quantities in normalised text: a number with its unit, range and qualifier.

This stage only recognises the *shape* of a quantity (``近7倍``, ``2.6万余件``, ``4.5%—5%``,
``1500左右``); whether it is an indicator fact, and of what, is decided by the prose and
table extractors, which know the context.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from planwatch.lexicon import alternation, load_lexicon
from planwatch.numbers import ARABIC, CHINESE, parse_number


@dataclass
class Quantity:
    """A quantity in normalised text; ``start``/``end`` cover the fact's ``text``."""

    start: int
    end: int
    num_start: int  # where the digits begin
    num_end: int  # just after the unit (before a suffix qualifier)
    value: float
    unit: str
    unit_kind: str  # "percent" | "points" | "multiple" | "count" | "money" | "physical" | "magnitude" | ""
    qualifier: str | None
    is_range: bool
    chinese: bool  # written in Chinese numerals
    prefix_verb: str  # a qualifier verb set apart before the number ("突破", "超过"), or ""
    value_high: float | None = None  # the upper end of a range ("4.5%—5%", "7-8户"), FACTS.md


_MONEY = {"元", "美元", "欧元", "日元", "港元", "元人民币"}
# A number this large is not a measurement (an ID or a run of digits fused by normalisation); a
# float cannot hold it exactly, and scaled by a unit it overflows to inf, which JSON refuses.
MAX_VALUE = 1e15


@cache
def _pattern() -> re.Pattern[str]:
    lex = load_lexicon()
    q = lex["qualifiers"]
    units = alternation(lex["base_units"] + lex["count_words"] + lex["percent"] + lex["permille"]
                        + lex["points"] + lex["multiples"])
    mags = alternation(lex["magnitudes"])
    counted = alternation(lex["counted_magnitudes"])
    touching = alternation([w for ws in q["prefix_touching"].values() for w in ws])
    suffix = alternation([w for ws in q["suffix"].values() for w in ws])
    num = f"(?:{ARABIC}|{CHINESE})"
    return re.compile(
        rf"(?P<pre>{touching})?"
        rf"(?P<num>{num})"
        rf"(?:个(?=(?:余|多)?(?:{counted})(?![元级])))?"  # "增加1个亿" (lexicon counted_magnitudes)
        rf"(?:(?P<rsep>[-—–~～至到])(?P<num2>{ARABIC})(?=[万亿%％{alternation(lex['count_words'])}]|{units}|{mags}))?"
        rf"(?P<yu0>余|多)?(?P<mag>(?!千[瓦伏米克]|百分)(?:{mags}))?(?P<yu>余|多)?(?P<unit>{units})?"
        rf"(?:(?P<rsep2>[-—–~～至到])(?P<num3>{ARABIC})(?P<mag3>{mags})?(?P<unit3>{units})?)?"
        rf"(?P<post>{suffix})?"
    )


@cache
def _qualifier_words() -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    q = load_lexicon()["qualifiers"]
    touching = {w: k for k, ws in q["prefix_touching"].items() for w in ws}
    suffix = {w: k for k, ws in q["suffix"].items() for w in ws}
    verbs = {w: k for k, ws in q["prefix_verbs"].items() for w in ws}
    return touching, suffix, verbs


@cache
def _unit_kinds() -> dict[str, str]:
    lex = load_lexicon()
    kinds: dict[str, str] = {}
    for u in lex["base_units"]:
        kinds[u] = "money" if u in _MONEY else "physical"
    for u in lex["count_words"]:
        kinds.setdefault(u, "count")
    for u in lex["percent"]:
        kinds[u] = "percent"
    for u in lex["points"]:
        kinds[u] = "points"
    for u in lex["permille"]:
        kinds[u] = "permille"
    for u in lex["multiples"]:
        kinds[u] = "multiple"
    return kinds


_VERB_LINK = re.compile(r"(?:了|达到|达|到|为)$")
_STRONG_BEFORE_VERB = re.compile(r"(至少|不少于|不低于|不超过)[\u4e00-\u9fff]{1,2}$")


def _prefix_verb(text: str, pos: int) -> tuple[str, str | None]:
    """A qualifier verb just before ``pos`` (allowing 了/到/在 between): ``突破``, ``控制在``."""
    verbs = _qualifier_words()[2]
    window = _VERB_LINK.sub("", text[max(0, pos - 6):pos])
    for k in range(len(window), 0, -1):  # the longest verb the window ends with
        if (w := window[-k:]) in verbs:
            return w, verbs[w]
    # "至少打造1个", "不低于…的": a strong qualifier governs a verb placed between
    m = _STRONG_BEFORE_VERB.search(window)
    if m:
        return "", verbs[m.group(1)]
    return "", None


#: A magnitude word standing for one of itself: "过亿元", "近万场", "超万亿元", and after 突破 (which
#: stays outside the text as a qualifier verb) "突破万亿".
_FUSED = re.compile(
    r"(?:(?<![\d零〇一二两三四五六七八九十百千])(?P<lead>过|超|逾|近|(?<![线网以马晚早路场面身之迈登跨跃站])上)"
    r"|(?<=突破|首破|迈上|跨上|跃上|站上|跨过))"
    r"(?P<mag>万亿|亿|万)(?P<unit>元|美元|吨|斤|人次|人|户|千瓦|平方米|亩|标箱|场|家|个|项|名|件|套|辆|台|列|支)?(?![级\d])"
)


_DIGITS = "零〇一二两三四五六七八九十百千"
_COMPOUND = re.compile(
    rf"(?<![\d.,{_DIGITS}])(?P<a>\d{{1,3}}(?:,\d{{3}})+|\d+|[{_DIGITS}]+)亿零?"
    rf"(?P<b>\d+千?|[{_DIGITS}]+)万(?P<unit>美元|元|人次|人|吨|平方米|亩|户)?"
)


@cache
def _zero_pattern() -> re.Pattern[str]:
    return re.compile(rf"零(?={alternation(load_lexicon()['zero_nouns'])})")


def _compounds(text: str, start: int, end: int) -> list[Quantity]:
    """``三亿五千万元``, ``1亿5000万元``, ``3亿5千万元``: one amount with two magnitudes, in 亿."""
    out: list[Quantity] = []
    for m in _COMPOUND.finditer(text, start, end):
        b_text = m.group("b").lstrip("零〇")
        if b_text.endswith("千") and b_text[:-1].isdigit():
            b: float | None = float(b_text[:-1]) * 1000
        else:
            b = parse_number(b_text)
        a = parse_number(m.group("a"))
        if a is None or b is None or b >= 10000 or a >= MAX_VALUE:
            continue
        unit = "亿" + (m.group("unit") or "")
        kind = _unit_kinds().get(m.group("unit") or "", "magnitude")
        out.append(Quantity(m.start(), m.end(), m.start(), m.end(), a + b / 1e4, unit, kind, None, False,
                            not m.group("a")[0].isdigit(), ""))
    return out


def find_quantities(text: str, start: int = 0, end: int | None = None) -> list[Quantity]:
    """All quantities in ``text[start:end]`` (normalised text), left to right."""
    end = len(text) if end is None else end
    touching, suffix, _ = _qualifier_words()
    kinds = _unit_kinds()
    # The rarer shapes are looked for only where their marks occur: their patterns open with a
    # look-behind, which Python's re tries at every character of the text.
    span = text[start:end]
    magnitude = "万" in span or "亿" in span
    out: list[Quantity] = _compounds(text, start, end) if "亿" in span and "万" in span else []
    taken = [(q.start, q.end) for q in out]
    for m in _pattern().finditer(text, start, end):
        if any(m.start() < e and m.end() > s for s, e in taken):
            continue
        num = m.group("num")
        chinese = not num[0].isdigit()
        value = parse_number(num)
        # "增长-14.2%": a minus written before the number (not a range "1-2", not a date "2019-")
        signed = (not chinese and m.start("num") == m.start() and m.start() > start and text[m.start() - 1] in "-－−"
                  and m.start() > 1 and not text[m.start() - 2].isdigit()
                  and not (text[m.start() - 2].isascii() and text[m.start() - 2] not in "(["))  # "(-10.8%)"
        if value is None or not value < MAX_VALUE:  # also refuses inf and nan
            continue
        mag = m.group("mag") or ""
        unit_word = m.group("unit") or ""
        following = text[m.end("unit"):m.end("unit") + 1]
        cut = None  # where the quantity ends when its unit character turns out to start a word
        if following and following in _unit_word_starts().get(unit_word, ""):
            if not mag or m.group("num3") or m.group("post"):
                continue  # "3.0方案", "平台": the unit character starts a word
            # "迈上5万亿台阶": 台 starts 台阶, the quantity is the number and its magnitude
            unit_word, cut = "", max(m.end(g) for g in ("num", "mag", "yu0", "yu") if m.group(g))
        if m.group("num3") and m.group("unit3") and not unit_word:
            unit_word = m.group("unit3")
            mag = mag or (m.group("mag3") or "")
        unit = mag + unit_word
        if unit_word:
            unit_kind = kinds.get(unit_word, "")
        else:
            unit_kind = "magnitude" if mag else ""
        qualifier = None
        prefix_verb = ""
        start_at, end_at = m.start(), (m.end() if cut is None else cut)
        pre, post = m.group("pre"), m.group("post")
        if pre and text[max(0, start_at - 1):start_at + len(pre)] in _not_qualifiers():
            pre, start_at = None, m.start("num")  # 项目签约3543亿元: 约 belongs to 签约
        if post == "强" and "\u4e00" <= text[m.end():m.end() + 1] <= "\u9fff":
            post, end_at = None, m.start("post")  # 19轮强降雨, 15个强县: 强 belongs to the word after
        if pre:
            qualifier = touching[pre]
        else:
            prefix_verb, verb_q = _prefix_verb(text, m.start())
            qualifier = verb_q
        is_range = bool(m.group("num2") or m.group("num3"))
        if m.group("yu") or m.group("yu0") or is_range:
            qualifier = "at_least"
        if post:
            qualifier = suffix[post]
            if is_range:
                qualifier = "at_least"
        if unit_kind == "percent":
            unit = "%"
        elif unit_kind == "points":
            unit = "百分点"
        # the quantity proper ends after its (last) unit; a suffix qualifier may follow
        ends = [m.end(g) for g in ("num", "mag", "yu0", "yu", "unit", "num3", "unit3") if m.group(g)]
        num_end = max(ends) if cut is None else cut
        if not unit and not chinese and end_at == num_end and _is_duration(text, m.start(), num_end):
            unit, unit_kind, num_end = "年", "physical", num_end + 1  # "平均受教育年限达11.7年"
            end_at, after = _suffix_after(text, num_end)
            qualifier = after or qualifier
        high = parse_number(m.group("num2") or m.group("num3") or "") if is_range else None
        if chinese and unit == "元" and _is_cjk_at(text, end_at):
            continue  # "三元乳业": a name (amounts in 元 are written in digits)
        if signed:
            start_at, value = start_at - 1, -value
            high = -high if high is not None else None
        out.append(Quantity(start_at, end_at, m.start("num"), num_end, value, unit, unit_kind,
                            qualifier, is_range, chinese, prefix_verb, high))
    for m in _FUSED.finditer(text, start, end) if magnitude else ():
        if any(q.start <= m.start() < q.end for q in out):
            continue
        lead = m.group("lead")
        qualifier = "about" if lead == "近" else "at_least"  # 近万场 / 过万人, 突破万亿
        unit, stop = m.group("unit") or "", m.end()
        if unit and text[stop:stop + 1] and text[stop:stop + 1] in _unit_word_starts().get(unit, ""):
            unit, stop = "", m.end("mag")  # "跨上万亿台阶": 台 starts the word 台阶, it is no unit
        out.append(Quantity(m.start(), stop, m.start(), stop, 1.0, m.group("mag") + unit,
                            _unit_kinds().get(unit, "magnitude"), qualifier, False, True,
                            "" if lead else text[m.start() - 2:m.start()]))
    for m in _zero_pattern().finditer(text, start, end) if "零" in span else ():
        # "安全零事故": zero written as a word before what did not happen
        out = [q for q in out if not (q.start <= m.start() < q.end and not q.unit)]
        if not any(q.start <= m.start() < q.end for q in out):
            out.append(Quantity(m.start(), m.end(), m.start(), m.end(), 0.0, "", "count", None, False, True, ""))
    for m in _DOUBLING.finditer(text, start, end) if "翻" in span else ():
        # "人均地区生产总值比2020年翻一番": doubling n times, a growth of (2ⁿ − 1) × 100%
        if not any(q.start <= m.start() < q.end for q in out):
            times = {"": 1, "一": 1, "两": 2, "二": 2, "三": 3}[m.group(1) or ""]
            end_at, after = _suffix_after(text, m.end())  # "均比2006年翻一番以上": at least doubled
            out.append(Quantity(m.start(), end_at, m.start(), m.end(), float(times), "番", "doubling", after, False,
                                True, ""))
    fractions = _FRACTION.finditer(text, start, end) if ("/" in span or "分之" in span) else ()
    for m in fractions:
        # "占全国1/10以上", "三分之一": a fraction is its value (FACTS.md: 1/4 → 0.25)
        num, den = (parse_number(g) for g in m.group("num", "den")) if m.group("num") else (
            parse_number(m.group("cnum")), parse_number(m.group("cden")))
        if not num or not den or num >= den:
            continue
        out = [q for q in out if not (m.start() <= q.num_start < m.end())]
        end_at, after = _suffix_after(text, m.end())
        out.append(Quantity(m.start(), end_at, m.start(), m.end(), round(num / den, 10), "", "fraction", after, False,
                            False, ""))
    for m in _WORD_SHARE.finditer(text, start, end) if "分之" in span else ():
        # "增长百分之五", "千分之三": a share written in words, the number after its base
        value = parse_number(m.group("num"))
        if value is None:
            continue
        out = [q for q in out if not (m.start() <= q.num_start < m.end())]
        end_at, after = _suffix_after(text, m.end())
        percent = m.group("base") == "百分之"
        out.append(Quantity(m.start(), end_at, m.start(), m.end(), value, "%" if percent else "‰",
                            "percent" if percent else "permille", after, False, not m.group("num")[0].isdigit(), ""))
    for m in _RATIO.finditer(text, start, end) if ":" in span or "：" in span else ():
        # "城乡居民收入比从2.50:1缩小至2.27:1": a two-part ratio is one number
        out = [q for q in out if not (m.start() <= q.num_start < m.end())]
        end_at, after = _suffix_after(text, m.end())
        out.append(Quantity(m.start(), end_at, m.start(), m.end(), float(m.group(1)), "", "ratio", after, False,
                            False, ""))
    out.sort(key=lambda q: q.start)
    _share_units(text, out)
    return out


#: What joins two numbers that share the unit written after the second ("2.16和1.66个百分点").
_UNIT_SHARED = re.compile(r"\s*(?:和|、|及|与|或)\s*")


@cache
def _points_counters() -> frozenset[str]:
    """The counters a points unit begins with ("个" of "个百分点")."""
    words = load_lexicon()["points"]
    return frozenset(w[:i] for w in words for v in words if w.endswith(v) and w != v for i in [len(w) - len(v)])


def _share_units(text: str, quantities: list[Quantity]) -> None:
    """"分别回落2.16和1.66个百分点", "8.1、9.2%": a bare number joined to a number with a unit has that unit.

    So does a number with only the counter of a points unit ("分别收窄0.1个和4.6个百分点", "分别快于全国3.4个、1个
    百分点"): its "个" is the first word of the "个百分点" written once after the list, not a count.
    """
    for q in reversed(range(len(quantities) - 1)):  # from the end, so that "1、2和3个" chains
        this, after = quantities[q], quantities[q + 1]
        if not _UNIT_SHARED.fullmatch(text, this.end, after.start) or not after.unit:
            continue
        if not this.unit and not this.unit_kind and not this.chinese:
            this.unit, this.unit_kind = after.unit, after.unit_kind
        elif after.unit_kind == "points" and this.unit in _points_counters() and not this.chinese:
            this.unit, this.unit_kind = after.unit, after.unit_kind


def _is_cjk_at(text: str, pos: int) -> bool:
    return pos < len(text) and "\u4e00" <= text[pos] <= "\u9fff"


_DOUBLING = re.compile(r"翻(?:([一两二三])番|番)")
_WORD_SHARE = re.compile(rf"(?P<base>百分之|千分之)(?P<num>{ARABIC}|{CHINESE})")
_RATIO = re.compile(r"(?<![\d.:：])(\d{1,3}(?:\.\d+)?)[:：]1(?![\d.:：])")
#: "1/4", "1/10以上" after a word (not a date or a path), "三分之一" (not 百分之/千分之, which are rates)
_FRACTION = re.compile(
    r"(?<=[\u4e00-\u9fff])(?P<num>\d{1,2})/(?P<den>\d{1,3})(?![\d/.])"
    r"|(?P<cden>[二三四五六七八九十]+)分之(?P<cnum>[一二三四五六七八九]+)(?![十百千万])"
)


def _suffix_after(text: str, pos: int) -> tuple[int, str | None]:
    """A suffix qualifier right at ``pos`` ("2：1以内", "10.2年左右"): where the text ends, and the qualifier."""
    _, suffix, _ = _qualifier_words()
    word = next((w for w in _suffixes_longest_first() if text.startswith(w, pos)), None)
    return (pos + len(word), suffix[word]) if word else (pos, None)


@cache
def _suffixes_longest_first() -> tuple[str, ...]:
    return tuple(sorted(_qualifier_words()[1], key=len, reverse=True))


@cache
def _not_qualifiers() -> frozenset[str]:
    return frozenset(load_lexicon()["qualifiers"]["not_prefix"])


@cache
def _unit_word_starts() -> dict[str, str]:
    return load_lexicon()["unit_word_starts"]


@cache
def _duration_nouns() -> re.Pattern[str]:
    return re.compile(alternation(load_lexicon()["duration_nouns"]))


def _is_duration(text: str, num_start: int, num_end: int) -> bool:
    """``受教育年限…11.7年``: a number of years, not a date, after a noun measured in years."""
    if text[num_end:num_end + 1] != "年" or re.fullmatch(r"(?:1[89]|20)\d\d", text[num_start:num_end]):
        return False
    return bool(_duration_nouns().search(text, max(0, num_start - 30), num_start))
