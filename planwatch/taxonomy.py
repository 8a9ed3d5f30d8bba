"""The canonical indicator taxonomy and the resolver from document phrases to indicators.

Documents name the same quantity in many ways (``公共财政预算收入``, ``地方财政一般预算收入`` and
``一般公共预算收入`` are one series across years), so facts carry a canonical ``indicator_id`` that
lets the database line up a plan target with the bulletins that report on it.  The taxonomy
lives in ``planwatch/data/indicators.yaml``; this module loads it once and answers
``Taxonomy.resolve(phrase)`` for every extracted fact, so resolution is dictionary look-ups and
one Aho-Corasick scan of a short phrase.

The resolution rule (kept deliberately simple so that a wrong answer can be explained):

1. Normalise: NFKC (full-width → ASCII, ``（）`` → ``()``, ``Ⅲ`` → ``III``), drop whitespace and
   quotes, upper-case Latin letters (``pm2.5`` → ``PM2.5``).
2. Exact match of the whole phrase against names, synonyms and ``exact`` forms.
3. Strip leading fillers that are never part of a name (``全年``, ``全市``, ``预计``, ``其中`` …) and
   trailing growth words (``年均增长``, ``增速``, ``分别`` …) and try the exact match again.
4. Otherwise take the longest name or synonym *contained* in the phrase (``exact`` forms are
   never used here; on equal length the one ending later wins, since Chinese noun phrases put
   their head last).  Accept it only if

   * the text after it is empty, a growth word, or a neutral measure word (``额``, ``量``,
     ``总量``, ``规模`` …) — anything else (``率``, ``比重``, ``用水量``, ``能耗``, ``利润`` …) makes
     it a different quantity: ``万元地区生产总值用水量`` is not ``地区生产总值``;
   * the text before it only says *where* or *when*: nothing, fillers, years (``2025年``),
     scope words (``规模以上``, ``全社会``), region names (``辽宁省``, ``张家界``, via the
     gazetteer), or a place ending in 省/市/区/县/州/盟/旗/镇/乡/港/机场/口岸
     (``锦州港货物吞吐量``, ``锦州机场年旅客吞吐量``, ``城区空气质量优良率``, ``四县(市)城镇化率``).
     Any other head makes it another quantity: a ratio (``人均``, ``万元``, ``占``), a flow
     (``新增高新技术企业``), a subset (``高新技术产品出口额``, ``海洋生产总值``,
     ``软件和信息技术服务业增加值``) or half of a coordination (``城镇和农村居民…``, which the
     extractor splits).

   Otherwise the phrase does not resolve (``None``): an unknown indicator is better than a
   wrong one, because the extractor then keeps the document's own name.
"""

from __future__ import annotations

import functools
import importlib.resources
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import ahocorasick
import yaml

Direction = Literal["up", "down", "none"]
DIRECTIONS: tuple[str, ...] = ("up", "down", "none")

# Words that precede an indicator name in running text but are never the start of one.
# (新增 is NOT here: 新增就业, 新增贷款, 新增建设用地 are names.)
LEADING_FILLERS: tuple[str, ...] = (
    "初步预计", "预计", "全年", "全市", "全区", "全省", "全县", "全州", "全盟", "全旗", "全国",
    "全自治区", "今年", "当年", "本年", "年末", "年底", "实现", "完成", "累计", "其中", "力争",
    "确保", "争取", "共计", "共", "推动", "推进", "提出", "包括", "达到", "保持", "带动",
)  # fmt: skip

# Words that follow an indicator name when a growth or a list is reported
# (``地区生产总值年均增长``, ``城镇和农村居民人均可支配收入分别``).
TRAILING_FILLERS: tuple[str, ...] = (
    "年均增长率", "年均增长", "年均增速", "年均", "增长率", "增长", "增速", "增幅", "涨幅", "分别",
    "同比", "比上年", "达到", "达", "为", "实现", "完成", "累计", "下降率", "降低率", "减少率", "下降", "降低",
    "减少", "提高",
    "提升", "增加", "上涨", "上升", "回落", "控制在", "保持在", "预计", "力争", "确保", "均", "实际",
    "名义",
)  # fmt: skip


def _lexicon_words(key: str) -> tuple[str, ...]:
    """A word list of ``data/lexicon.yaml``, longest first (so 区本级 goes before 本级)."""
    from planwatch.lexicon import load_lexicon

    return tuple(sorted(load_lexicon().raw.get(key, []), key=len, reverse=True))


# Accounting-basis words after a name (一般公共财政预算收入按可比口径) change no quantity.
TRAILING_FILLERS = _lexicon_words("indicator_basis_words") + TRAILING_FILLERS

# What may follow a contained synonym without changing the quantity it denotes.
NEUTRAL_TAILS: frozenset[str] = frozenset(
    {"", "额", "量", "数", "值", "总额", "总量", "总值", "总数", "数量", "规模", "金额", "人数", "个数",
     "完成额", "完成值", "完成量"}
)  # fmt: skip

# Words before a contained synonym that only delimit its scope (规模以上高技术制造业增加值).
SCOPE_WORDS: tuple[str, ...] = ("规模以上", "规上", "限额以上", "限上", "全社会", "全体", "地级及以上", "的")
# ... and budget levels (区本级固定资产投资): lexicon indicator_scope_words.
SCOPE_WORDS = _lexicon_words("indicator_scope_words") + SCOPE_WORDS

# A head ending in one of these names a place: 锦州港, 锦州机场, 城区, 四县(市), 沈阳经济区.
PLACE_SUFFIXES: tuple[str, ...] = (
    "省", "市", "区", "县", "州", "盟", "旗", "镇", "乡", "港", "机场", "口岸",
)  # fmt: skip

_TIME_NUM = r"(?:截至|到|至)?(?:\d{2,4}|[〇零一二三四五六七八九十两]+)?年(?:末|底|度|初)?"
_TIME_START_RE = re.compile("^" + _TIME_NUM)
_TIME_END_RE = re.compile(_TIME_NUM + "$")
_PAREN_RE = re.compile(r"\([^()]*\)")

_QUOTES_RE = re.compile(r"[\s\"'“”‘’「」『』《》〈〉]+")


def normalize(phrase: str) -> str:
    """Canonical form of a phrase for matching (see the module docstring, step 1)."""
    text = unicodedata.normalize("NFKC", phrase)
    text = _QUOTES_RE.sub("", text)
    return text.upper()


def _strip_leading(text: str) -> str:
    changed = True
    while changed and text:
        changed = False
        for word in LEADING_FILLERS:
            if text.startswith(word) and len(text) > len(word):
                text = text[len(word) :]
                changed = True
                break
    return text


def _strip_scope(text: str) -> str:
    """Remove fillers, scope words and time expressions from both ends of a head."""
    words = LEADING_FILLERS + SCOPE_WORDS
    changed = True
    while changed and text:
        changed = False
        for word in words:
            if text.startswith(word):
                text, changed = text[len(word) :], True
            if text.endswith(word):
                text, changed = text[: -len(word)], True
        for pattern, at_start in ((_TIME_START_RE, True), (_TIME_END_RE, False)):
            m = pattern.search(text)
            if m and m.group(0):
                text = text[m.end() :] if at_start else text[: m.start()]
                changed = True
    return text


def _head_is_scope(head: str) -> bool:
    """Whether the text before a contained synonym only says where or when (module doc)."""
    head = _strip_scope(_PAREN_RE.sub("", head))
    if not head or head.endswith(PLACE_SUFFIXES):
        return True
    from planwatch.gazetteer import load_gazetteer  # lazy: most heads are empty

    spans = load_gazetteer().find_all(head)
    if not spans:
        return False
    parts, last = [], 0
    for start, end, _region in spans:
        parts.append(head[last:start])
        last = end
    parts.append(head[last:])
    rest = _strip_scope("".join(parts))
    return not rest or rest.endswith(PLACE_SUFFIXES)


def _strip_trailing(text: str) -> str:
    changed = True
    while changed and text:
        changed = False
        for word in TRAILING_FILLERS:
            if text.endswith(word):
                text = text[: -len(word)]
                changed = True
                break
    return text


@dataclass(frozen=True)
class Indicator:
    """One canonical indicator.

    ``synonyms`` are matched exactly and as substrings of a phrase; ``exact`` holds short or
    ambiguous forms (``出口``, ``物价``) that only match a whole phrase.
    """

    id: str
    name: str
    en: str
    unit: str
    direction: Direction
    field: str
    synonyms: tuple[str, ...] = ()
    exact: tuple[str, ...] = ()

    @property
    def forms(self) -> tuple[str, ...]:
        """The name and every synonym (the forms used for substring matching)."""
        return (self.name, *self.synonyms)


class Taxonomy:
    """The set of canonical indicators, with look-ups by id, name and free phrase."""

    _CACHE_LIMIT = 100_000

    def __init__(self, indicators: Iterable[Indicator]) -> None:
        self._indicators: list[Indicator] = list(indicators)
        self._by_id: dict[str, Indicator] = {}
        self._by_name: dict[str, Indicator] = {}
        self._exact: dict[str, Indicator] = {}
        contained: dict[str, Indicator] = {}
        for ind in self._indicators:
            if ind.id in self._by_id:
                raise ValueError(f"duplicate indicator id {ind.id!r}")
            if ind.direction not in DIRECTIONS:
                raise ValueError(f"indicator {ind.id!r}: direction must be one of {DIRECTIONS}")
            self._by_id[ind.id] = ind
            self._by_name[ind.name] = ind
            for form in (*ind.forms, *ind.exact):
                key = normalize(form)
                other = self._exact.get(key)
                if other is not None and other is not ind:
                    # Two indicators claiming one phrase would make resolution arbitrary.
                    raise ValueError(f"{form!r} is claimed by both {other.id!r} and {ind.id!r}")
                self._exact[key] = ind
            for form in ind.forms:
                contained[normalize(form)] = ind
        self._automaton = ahocorasick.Automaton()
        for key, ind in contained.items():
            self._automaton.add_word(key, (key, ind))
        if contained:
            self._automaton.make_automaton()
        self._has_automaton = bool(contained)
        self._cache: dict[str, Indicator | None] = {}

    # -- collection protocol -------------------------------------------------------------
    def __iter__(self) -> Iterator[Indicator]:
        return iter(self._indicators)

    def __len__(self) -> int:
        return len(self._indicators)

    def __contains__(self, indicator_id: object) -> bool:
        return indicator_id in self._by_id

    def get(self, indicator_id: str) -> Indicator | None:
        """The indicator with this id, or ``None``."""
        return self._by_id.get(indicator_id)

    def by_name(self, name: str) -> Indicator | None:
        """The indicator whose canonical Chinese name is ``name`` (exactly), or ``None``."""
        return self._by_name.get(name)

    # -- resolution ----------------------------------------------------------------------
    def resolve(self, phrase: str) -> Indicator | None:
        """The indicator a document phrase denotes, or ``None`` (rule: module docstring)."""
        cached = self._cache.get(phrase, self)
        if cached is not self:
            return cached  # type: ignore[return-value]
        result = self._resolve(phrase)
        if len(self._cache) >= self._CACHE_LIMIT:
            self._cache.clear()
        self._cache[phrase] = result
        return result

    def _resolve(self, phrase: str) -> Indicator | None:
        text = normalize(phrase)
        if not text:
            return None
        hit = self._exact.get(text)
        if hit is not None:
            return hit
        lead = _strip_leading(text)
        for candidate in (lead, _strip_trailing(lead), _strip_trailing(text)):
            if candidate:
                hit = self._exact.get(candidate)
                if hit is not None:
                    return hit
        found = self._contained(lead)
        if found is None and "全年" in text[1:]:
            # "粮食全年总产量": 全年 says when, inside a name as before it
            return self._resolve(text.replace("全年", ""))
        return found

    def _contained(self, text: str) -> Indicator | None:
        if not self._has_automaton:
            return None
        best: tuple[int, int, str, Indicator] | None = None  # (length, end, key, indicator)
        for end_index, (key, ind) in self._automaton.iter(text):
            cand = (len(key), end_index, key, ind)
            if best is None or cand[:2] > best[:2]:
                best = cand
        if best is None:
            return None
        length, end_index, _key, ind = best
        start, end = end_index + 1 - length, end_index + 1
        if _strip_trailing(text[end:]) not in NEUTRAL_TAILS:
            return None
        if not _head_is_scope(text[:start]):
            return None
        return ind


def _indicator_from_dict(raw: dict) -> Indicator:
    def strings(value: object) -> tuple[str, ...]:
        if value is None:
            return ()
        if not isinstance(value, list):
            raise ValueError(f"expected a list, got {value!r}")
        return tuple(str(v) for v in value)

    return Indicator(
        id=str(raw["id"]),
        name=str(raw["name"]),
        en=str(raw.get("en", "")),
        unit=str(raw.get("unit", "")),
        direction=raw.get("direction", "none"),
        field=str(raw.get("field", "")),
        synonyms=strings(raw.get("synonyms")),
        exact=strings(raw.get("exact")),
    )


def _read_default_yaml() -> str:
    resource = importlib.resources.files("planwatch") / "data" / "indicators.yaml"
    return resource.read_text(encoding="utf-8")


@functools.cache
def _load_cached(path: str | None) -> Taxonomy:
    text = Path(path).read_text(encoding="utf-8") if path else _read_default_yaml()
    entries = yaml.safe_load(text) or []
    return Taxonomy(_indicator_from_dict(raw) for raw in entries)


def load_taxonomy(path: str | Path | None = None) -> Taxonomy:
    """Load (once per path) the taxonomy from ``path`` or the packaged ``indicators.yaml``."""
    return _load_cached(str(path) if path is not None else None)
