"""Project names: owner, capacities, the normalised key, and when two names are one project.

Documents name one project in many ways: ``茂业中心项目`` and ``茂业中心``; ``莱茵动力（锦州）公司
高集成化三合一动力总成系统`` and ``莱茵动力高集成化三合一动力总成系统``; ``思凯农副产品国际物流园``,
``思凯农副产品国际物流园一期`` and ``凌河思凯农副产品国际物流园二期``; a brand with another facility
word (``茂业中心``, ``茂业百货``).  The key removes what varies (spaces, quotes, brackets, legal
forms, ``项目``/``工程``/phase suffixes); ``same_project`` then links keys that are equal, one a
prefix of the other, one containing the other (long enough not to be generic), or the same
brand before a facility word.  Regions are checked by the caller (``link``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import TypeVar

from planwatch.gazetteer import Region, load_gazetteer
from planwatch.lexicon import alternation, load_lexicon
from planwatch.numbers import ARABIC, CHINESE, parse_number
from planwatch.projects.taxonomy import ProjectTaxonomy, load_project_taxonomy

_QUOTES = "“”\"'‘’《》「」『』〈〉"
_BRACKETED = re.compile(r"[(（]([^()（）]*)[)）]")
_SPACE = re.compile(r"\s+")
MIN_PREFIX = 3  # a key at least this long may be the start of another key of the same project
MIN_CONTAINED = 6  # a key at least this long may stand anywhere inside another
_MEMO_SIZE = 50_000  # answers kept per memo (a few MB); then the memo starts again

_K = TypeVar("_K")
_V = TypeVar("_V")


def memoised(memo: dict[_K, _V], key: _K, compute: Callable[[], _V]) -> _V:
    """``memo[key]``, computed once: a document and its neighbours ask about the same names many
    times, and each answer costs dozens of string passes.  Bounded by ``_MEMO_SIZE``."""
    found = memo.get(key)
    if found is None:
        if len(memo) >= _MEMO_SIZE:
            memo.clear()
        found = memo[key] = compute()
    return found


def squash(text: str) -> str:
    """The text without whitespace (line breaks of a PDF inside a name included)."""
    return _SPACE.sub("", text)


def _nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


@dataclass(frozen=True)
class NameKeys:
    """The keys of a name: the main key, aliases and the brand core (for linking)."""

    key: str
    aliases: tuple[str, ...]
    core: str | None


def _strip_suffixes(text: str, suffixes: Sequence[str]) -> str:
    changed = True
    while changed and text:
        changed = False
        for s in suffixes:
            if text.endswith(s) and len(text) > len(s) + 1:
                text = text[: -len(s)]
                changed = True
                break
    return text


def _clean_key(text: str, tax: ProjectTaxonomy) -> str:
    text = _nfkc(squash(text)).lower()
    text = "".join(ch for ch in text if ch not in _QUOTES)
    for variant, canonical in (tax.raw.get("key_synonyms") or {}).items():
        text = text.replace(_nfkc(str(variant)), _nfkc(str(canonical)))
    for suffix in tax.longest_first("company_suffixes"):
        text = text.replace("分" + suffix, "").replace(suffix, "")
    text = text.replace("·", "").replace("#", "")
    text = re.sub(r"(?<!\d)\.|\.(?!\d)", "", text)  # a decimal point stays (1.5万吨 is not 15万吨)
    text = re.sub(r"[(（][^()（）]*$", "", text)  # an unclosed bracket: the list it opens is not the name
    text = text.rstrip("等、，,")
    return _strip_suffixes(text, tax.longest_first("key_suffixes"))


def name_keys(name: str, tax: ProjectTaxonomy | None = None) -> NameKeys:
    """The normalised key of a project name, its bracketed aliases and its brand core."""
    tax = tax or load_project_taxonomy()
    return memoised(tax.name_key_memo, name, lambda: _name_keys(name, tax))  # type: ignore[arg-type]


def _name_keys(name: str, tax: ProjectTaxonomy) -> NameKeys:
    text = _nfkc(squash(name))
    aliases: list[str] = []
    for m in _BRACKETED.finditer(text):
        inner = m.group(1)
        if len(inner) >= 3 and not re.search(r"[、，,：:]", inner) and not re.fullmatch(r"[\w]{0,2}型?", inner):
            alias = _clean_key(inner, tax)
            if len(alias) >= 3:
                aliases.append(alias)
    key = _clean_key(_BRACKETED.sub("", text), tax) or _clean_key(text, tax)
    return NameKeys(key, tuple(a for a in aliases if a != key), brand_core(key, tax))


def brand_core(key: str, tax: ProjectTaxonomy | None = None) -> str | None:
    """``茂业中心`` → ``茂业``: the brand before a facility word, if it is not a generic word."""
    tax = tax or load_project_taxonomy()
    for suffix in tax.longest_first("brand_suffixes"):
        if key.endswith(suffix) and len(key) > len(suffix):
            core = key[: -len(suffix)]
            if len(core) < 2 or core.isdigit() or _is_generic(core, tax) or _is_region(core):
                return None
            return core
    return None


def _is_generic(text: str, tax: ProjectTaxonomy) -> bool:
    rest = text
    for word in tax.longest_first("generic_cores"):
        rest = rest.replace(word, "")
    return len(rest) <= 1


@cache
def _is_region(text: str) -> bool:
    return load_gazetteer().resolve(text) is not None


@cache
def strip_region(key: str, context: Region | None = None) -> str:
    """The key without a leading county-level region (``凌河思凯…`` → ``思凯…``), if enough remains."""
    found = load_gazetteer().find_all(key[:8], context=context)
    if found and found[0][0] == 0 and found[0][2].level == "county" and len(key) - found[0][1] >= 4:
        return key[found[0][1]:]
    return key


def same_project(a: NameKeys, b: NameKeys) -> bool:
    """Whether two names (their keys) denote one project (regions are the caller's business).

    * equal keys (or aliases, or keys without a leading county: ``凌河思凯…`` = ``思凯…``);
    * one key the start of the other (at least 3 characters) when what follows is only a facility
      or phase word (``安乐里`` → ``安乐里城市综合体``, ``中环路`` → ``中环路三期``), or when the
      shorter is a name of its own (4 characters or more, not a street or river: ``台湾百脑汇`` →
      ``台湾百脑汇IT总部大厦``; but ``中央南街`` is not ``中央南街光彩立交桥``);
    * one key the end of the other (at least 6 characters): an owner or place written before it
      (``40万千瓦风电`` → ``国电投40万千瓦风电``);
    * the same brand before a facility word (``茂业中心``, ``茂业百货``).

    Generic names (``污水处理厂``, ``金融中心``: only facility and common words) link to nothing,
    since two of them in two documents are rarely known to be one project.
    """
    tax = load_project_taxonomy()
    keys_a = {a.key, *a.aliases, strip_region(a.key)} - {""}
    keys_b = {b.key, *b.aliases, strip_region(b.key)} - {""}
    for x in keys_a:
        for y in keys_b:
            short, long = (x, y) if len(x) <= len(y) else (y, x)
            if _is_generic_name(short, tax):
                continue
            if short == long:
                return True
            if len(short) >= MIN_PREFIX and long.startswith(short):
                rest = long[len(short):]
                if _is_generic_name(rest, tax, empty=True) or (len(short) >= 4 and not _PLACE_LIKE.search(short)):
                    return True
            if len(short) >= MIN_CONTAINED and long.endswith(short):
                return True
    if a.core and b.core:
        short, long = sorted((a.core, b.core), key=len)
        return short == long or (len(short) >= 3 and long.endswith(short))
    return False


_PLACE_LIKE = re.compile(r"(?:街|路|大道|河|山|桥|湖|村|里|镇|线)$")


def is_generic_name(text: str) -> bool:
    """A name made only of facility, phase and common words: a kind of project, not one project."""
    return is_generic_key(name_keys(text).key)


def is_generic_key(key: str) -> bool:
    """``is_generic_name`` of a key already normalised: such a key links to nothing (``same_project``)."""
    return _is_generic_name(key, load_project_taxonomy())


def _is_generic_name(text: str, tax: ProjectTaxonomy, empty: bool = False) -> bool:
    """A key made only of facility, phase and common words (``客运枢纽``, ``二期工程``)."""
    if not text:
        return empty
    return _generic_rest(text) <= (0 if empty else 1)


@cache
def _generic_words() -> re.Pattern[str]:
    tax = load_project_taxonomy()
    words = [*tax.words("generic_cores"), *tax.words("facility_heads"), *tax.words("brand_suffixes"),
             *tax.words("key_suffixes"), *tax.words("works_nouns"), *tax.words("generic_names"),
             *(w for sec in tax.sectors for w in sec.name)]
    return re.compile(alternation(words))


@cache
def _generic_rest(text: str) -> int:
    return len(_generic_words().sub("", text))


# -- owners and capacities -------------------------------------------------------------
_OWNER_RE_CACHE: dict[int, re.Pattern[str]] = {}


def _owner_re(tax: ProjectTaxonomy) -> re.Pattern[str]:
    pattern = _OWNER_RE_CACHE.get(id(tax))
    if pattern is None:
        legal = alternation(tax.words("company_suffixes"))
        pattern = re.compile(rf"^(?P<owner>.{{2,18}}?(?:{legal})(?:[(（][^()（）]{{1,8}}[)）])?)(?P<rest>.{{2,}})$")
        _OWNER_RE_CACHE[id(tax)] = pattern
    return pattern


def owner_of(name: str, tax: ProjectTaxonomy | None = None) -> str | None:
    """The company written before the project (``莱茵动力（锦州）公司`` of its 动力总成系统 project)."""
    tax = tax or load_project_taxonomy()
    m = _owner_re(tax).match(name)
    if m and not re.match(r"^(?:建设|新建|改建|扩建)?$", m.group("rest")):
        return m.group("owner")
    return None


@cache
def _capacity_re() -> re.Pattern[str]:
    units = list(load_lexicon()["capacity_units"]) + ["MW", "GW", "kW", "KW", "万千瓦", "头", "羽", "片", "台",
                                                      "亩", "辆", "千克", "标准箱"]
    number = rf"(?:{ARABIC}|{CHINESE})"
    return re.compile(
        rf"(?P<prefix>年产|年处理|日处理|年加工|年吞吐|年屠宰|日产)?(?:约)?(?P<num>{number})"
        rf"(?P<unit>(?:万|千|亿)?(?:{alternation(units)}))(?P<suffix>级|/年)?"
    )


@dataclass(frozen=True)
class CapacityMatch:
    start: int  # offsets inside the name
    end: int
    value: float
    unit: str


def capacities(name: str) -> list[CapacityMatch]:
    """Capacity and scale figures inside a name: ``年产40万吨``, ``30万吨级``, ``1.3GW``."""
    out: list[CapacityMatch] = []
    for m in _capacity_re().finditer(name):
        value = parse_number(m.group("num"))
        if value is None:
            continue
        unit = (m.group("prefix") or "") + m.group("unit") + (m.group("suffix") or "")
        out.append(CapacityMatch(m.start(), m.end(), value, unit))
    return out
