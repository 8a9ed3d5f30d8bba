"""Reading numbers as Chinese documents write them.

Arabic numerals (``1,234.5``), Chinese numerals (``十四``, ``两``, ``一百二十``, ``百``) and
their mixtures with magnitude words are turned into floats here, so the extractor can treat
every number alike.  Magnitude words (万, 亿) are kept as part of the unit, as FACTS.md wants
(``2.6 万件`` has value 2.6 and unit ``万件``).
"""

from __future__ import annotations

import re
from functools import lru_cache

import cn2an

ARABIC = r"\d+(?:,\d{3})*(?:\.\d+)?"
# Chinese numerals without the magnitudes 万/亿, which belong to the unit.
CHINESE_DIGITS = "零〇一二两三四五六七八九十百千"
# 万/亿 inside a numeral ("一万二千") belong to it; at its end ("十万亩") they are the unit's.
# 点 with digits after it is the decimal point ("十四点六亿元" is 14.6 亿元).
CHINESE = f"[{CHINESE_DIGITS}]+(?:[万亿][{CHINESE_DIGITS}]+)*(?:点[零〇一二三四五六七八九]+)?"

_ARABIC_RE = re.compile(rf"^{ARABIC}$")
_SIMPLE = {"百": 100.0, "千": 1000.0, "十": 10.0, "零": 0.0, "〇": 0.0}


@lru_cache(maxsize=4096)
def parse_number(token: str) -> float | None:
    """Return the value of an Arabic or Chinese numeral, or None when it is not one."""
    token = token.strip()
    if not token:
        return None
    if _ARABIC_RE.match(token):
        return float(token.replace(",", ""))
    if token in _SIMPLE:
        return _SIMPLE[token]
    if all(c in CHINESE_DIGITS or c in "万亿点" for c in token) and token[0] not in "万亿点" and token[-1] != "点":
        # 百/千 with no leading digit ("百亿", "千余") mean one hundred / one thousand.
        if token[0] in "百千":
            token = "一" + token
        try:
            return float(cn2an.cn2an(token.replace("〇", "零"), "smart"))
        except (ValueError, KeyError, IndexError):
            return None
    return None


MAGNITUDES = {"万亿": 1e12, "千亿": 1e11, "百亿": 1e10, "亿": 1e8, "千万": 1e7, "百万": 1e6,
              "十万": 1e5, "万": 1e4, "千": 1e3, "百": 1e2}


def unit_scale(unit: str) -> tuple[float, str]:
    """Split a unit into its magnitude factor and base unit: ``万美元`` → (1e4, ``美元``)."""
    if unit.startswith("百分") or unit.startswith(("千瓦", "千伏", "千米", "千克")):
        return 1.0, unit  # 百分点 and 千瓦 are units of their own, not magnitudes
    for prefix in sorted(MAGNITUDES, key=len, reverse=True):
        if unit.startswith(prefix):
            return MAGNITUDES[prefix], unit[len(prefix):]
    return 1.0, unit


def convert(value: float, unit: str, to_unit: str) -> float | None:
    """Convert ``value`` from ``unit`` to ``to_unit`` when they differ only in magnitude."""
    fs, base = unit_scale(unit)
    ts, to_base = unit_scale(to_unit)
    if base != to_base:
        return None
    return value * fs / ts


#: ``4.5%—5%``, ``5%-5.5%``, ``4.5-5%``, ``7-8户``, ``10至15亿元``: a range written as one mention — its
#: lower end, optional unit, a dash or 至/到, then the upper end.  Only the whole mention counts, so
#: a stray dash (``2021-2025年``) in longer text is no range.
_RANGE = re.compile(
    rf"^\D{{0,4}}?(?P<lo>{ARABIC})\s*(?:[%％]|[^\d\s—–~～至到\-]{{0,4}}?)\s*[-—–~～至到]\s*(?P<hi>{ARABIC})\D{{0,6}}$"
)


def range_upper(text: str, value: float | None = None) -> float | None:
    """The upper end of a range mention (``4.5%—5%`` → 5), None when ``text`` is no range.

    Why here: a range is one fact whose ``value`` is the lower end (FACTS.md); its upper end is
    written in the same mention, so it can be read back from the mention's text wherever the
    extractor did not keep it.  The upper end must exceed the lower, and be the fact's ``value``
    when one is given (so a mention that is no range of that value is left alone).
    """
    m = _RANGE.match(text.strip())
    if not m:
        return None
    lo, hi = float(m.group("lo").replace(",", "")), float(m.group("hi").replace(",", ""))
    if value is not None and abs(lo - value) > 1e-9:
        return None
    return hi if hi > lo else None
