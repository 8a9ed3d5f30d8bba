"""Chinese labels and number formatting shared by every renderer.

The four formats must say the same thing in the same words, so a number is turned into text
here once (``number``, ``percent``, ``target_text``) and every renderer calls these.
"""

from __future__ import annotations

import math

#: The Store's target statuses (``planwatch.monitor.growth.STATUSES``) in Chinese, in the order
#: a reader scans them: done, good, middling, bad, worse, failed, unknown.
STATUS_LABELS: dict[str, str] = {
    "achieved": "已实现",
    "on track": "进展顺利",
    "moderate": "进展一般",
    "insufficient": "进展不足",
    "moving away": "偏离目标",
    "not achieved": "未实现",
    "no data": "无数据",
}

#: What each status means, for the method note (thresholds of ``planwatch.monitor.growth``).
STATUS_MEANINGS: dict[str, str] = {
    "achieved": "最新值已达到目标值",
    "on track": "实际年均增速达到所需年均增速的95%及以上",
    "moderate": "实际年均增速为所需年均增速的60%—95%",
    "insufficient": "实际年均增速为所需年均增速的0—60%",
    "moving away": "指标朝目标的反方向变化",
    "not achieved": "目标年份已到而未达到目标",
    "no data": "缺少判断进展所需的数据（基期值、基期后的新数据或增速）",
}

MEASURE_LABELS: dict[str, str] = {
    "level": "水平值",
    "growth": "增速",
    "avg_growth": "年均增速",
    "change_pp": "百分点变化",
    "cumulative": "期间累计",
}

QUALIFIER_WORDS: dict[str, str] = {"about": "左右", "at_least": "以上", "at_most": "以内"}

KIND_LABELS: dict[str, str] = {"actual": "实际", "estimate": "预计", "target": "目标"}

#: A project's stage as done, expected or planned: 在建, 在建（预计）, 在建（计划）.
PROJECT_KIND_MARK: dict[str, str] = {"actual": "", "estimate": "（预计）", "target": "（计划）"}

CONFLICT_LABELS: dict[str, str] = {
    "disagreement": "来源数值不一致",
    "growth_check": "增速与水平值不符",
    "sum_check": "分项之和超过总数",
    "table_check": "规划表内增速与水平值不符",
}

PERCENT_UNITS = ("%", "％")


def number(value: float | None) -> str:
    """A value as a person writes it: no trailing zeros, no exponent, sensible precision.

    Large values keep one decimal (``1191.6``), middling two (``4.65``), small four
    (``0.0259``), because the documents themselves write numbers this way.
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "—"
    if float(value).is_integer():
        return str(int(value))
    magnitude = abs(value)
    digits = 1 if magnitude >= 100 else 2 if magnitude >= 1 else 4
    text = f"{value:.{digits}f}".rstrip("0").rstrip(".")
    return text if text not in ("", "-0") else "0"


def percent(value: float | None, *, signed: bool = False) -> str:
    """A growth rate given in percent (``6.909…`` → ``6.9%``)."""
    if value is None or math.isnan(value):
        return "—"
    return f"{value:+.1f}%" if signed else f"{value:.1f}%"


def with_unit(value: float | None, unit: str) -> str:
    """``1074 亿元``, ``80.1%``: percent signs stick to the number, other units follow a space."""
    if value is None:
        return "—"
    if unit in PERCENT_UNITS or unit == "‰":
        return f"{number(value)}{unit}"
    return f"{number(value)} {unit}".rstrip()


def target_text(value: float, unit: str, qualifier: str | None) -> str:
    """``1500左右 亿元``: the qualifier word stays with the number as the plan writes it."""
    word = QUALIFIER_WORDS.get(qualifier or "", "")
    if unit in PERCENT_UNITS or unit == "‰":
        return f"{number(value)}{unit}{word}"
    return f"{number(value)}{word} {unit}".rstrip()


def at_year(text: str, year: int | None, kind: str | None = None) -> str:
    """``1074 亿元（2020年，预计）``: a value with the year it refers to and, if not actual, its kind."""
    if text == "—" or year is None:
        return text
    extra = f"，{KIND_LABELS[kind]}" if kind and kind != "actual" and kind in KIND_LABELS else ""
    return f"{text}（{year}年{extra}）"


def refs(numbers: list[int]) -> str:
    """``[3][7]``: the source references of a cell, as in the notes of a printed report."""
    return "".join(f"[{n}]" for n in numbers)


def clip_quote(quote: str, mention: str, limit: int = 120) -> str:
    """A quote cut to ``limit`` characters around the mention, so the number is always shown."""
    text = " ".join((quote or "").split())
    if len(text) <= limit:
        return text
    at = text.find(" ".join(mention.split())) if mention else -1
    if at < 0:
        return text[: limit - 1] + "…"
    start = max(0, min(at - limit // 3, len(text) - limit))
    piece = text[start : start + limit]
    return ("…" if start > 0 else "") + piece + ("…" if start + limit < len(text) else "")


def plan_label(plan: str, span: tuple[int, int] | None) -> str:
    """``十四五`` → ``“十四五”规划（2021—2025年）``; a span → ``2021—2025年规划``."""
    name = plan.strip().strip("“”\"'")
    if span is None:
        return name
    if name.endswith("五"):
        return f"“{name}”规划（{span[0]}—{span[1]}年）"
    return f"{span[0]}—{span[1]}年规划"


#: How the numbers are obtained, for the method appendix of every format.
METHOD_NOTES: tuple[str, ...] = (
    "基期值：规划期开始前一年（“十四五”为2020年）的观测值（实际数优先于预计数；同一数值有多个来源时，"
    "经人工核对或更正的优先，其次为较新的文件）；该年无数据时取此前3年内最近的值。",
    "最新值：目标年份之前（含）最近一年的观测值。",
    "所需年均增速 =（目标值 ÷ 最新值）^(1 ÷ (目标年份 − 最新值年份)) − 1。",
    "实际年均增速 =（最新值 ÷ 基期值）^(1 ÷ (最新值年份 − 基期年份)) − 1；增速类目标比较实际年均增速与目标增速。",
    "进展判断参照欧盟统计局（Eurostat）评估量化目标的方法，以实际年均增速与所需年均增速之比划分状态。",
    "“左右”类目标在1%（增速为0.1个百分点）以内视为达到；“以内”类及越低越好的指标按下降方向判断。",
    "每个数字后的方括号编号指向文末“数据来源”，列明文件、字符偏移和原文；计算所得数字的来源为其所用数值的来源。",
)


_ORDINALS = "一二三四五六七八九十"


def chinese_ordinal(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二 (headings: （一）经济发展)."""
    if 1 <= n <= 10:
        return _ORDINALS[n - 1]
    if n < 20:
        return "十" + _ORDINALS[n - 11]
    return str(n)
