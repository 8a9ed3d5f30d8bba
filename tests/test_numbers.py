"""Number parsing: Chinese and Arabic numerals, magnitudes in units, unit conversion."""

from __future__ import annotations

import math

import cn2an
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planwatch.numbers import MAGNITUDES, convert, parse_number, unit_scale

FAST = settings(max_examples=150, deadline=None)

BASES = ["元", "美元", "吨", "人", "户", "亩", "公顷", "人次", "标箱", "平方米"]
PREFIXES = ["", *MAGNITUDES]


def _grouped(n: int) -> str:
    return f"{n:,}"


# --- examples ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("token", "value"),
    [
        ("两", 2),
        ("十四", 14),
        ("百", 100),
        ("千", 1000),
        ("一百二十", 120),
        ("1,234.5", 1234.5),
        ("十", 10),
        ("零", 0),
        ("〇", 0),
        ("一百零一", 101),
        ("两百", 200),
        ("两千", 2000),
        ("三千零五", 3005),
        ("1,234", 1234),
        ("12,345,678.25", 12345678.25),
        ("0.5", 0.5),
        (" 42 ", 42),
    ],
)
def test_parse_number_examples(token: str, value: float) -> None:
    assert parse_number(token) == value


@pytest.mark.parametrize("token", ["", " ", "abc", "亿", "万", "1,23", "1.2.3", "%", "十十"])
def test_parse_number_rejects_non_numbers(token: str) -> None:
    assert parse_number(token) is None


# --- Chinese numerals ----------------------------------------------------------------------------


@FAST
@given(st.integers(min_value=0, max_value=9999))
def test_chinese_numerals_below_wan_round_trip(n: int) -> None:
    assert parse_number(cn2an.an2cn(n)) == n


@FAST
@given(st.integers(min_value=0, max_value=9999))
def test_liang_for_two_as_leading_digit(n: int) -> None:
    cn = cn2an.an2cn(n)
    if cn.startswith("二") and len(cn) > 1 and cn[1] in "百千":
        assert parse_number("两" + cn[1:]) == n


@FAST
@given(st.integers(min_value=10_000, max_value=99_999_999))
def test_chinese_numerals_with_wan_round_trip(n: int) -> None:
    assert parse_number(cn2an.an2cn(n)) == n


# --- Arabic numerals -------------------------------------------------------------------------------


@FAST
@given(st.integers(min_value=0, max_value=10**15))
def test_arabic_with_thousands_separators_round_trip(n: int) -> None:
    assert parse_number(_grouped(n)) == n
    assert parse_number(str(n)) == n


@FAST
@given(
    st.integers(min_value=0, max_value=10**9),
    st.text(alphabet="0123456789", min_size=1, max_size=6),
    st.booleans(),
)
def test_decimals_round_trip(whole: int, frac: str, grouped: bool) -> None:
    token = f"{_grouped(whole) if grouped else whole}.{frac}"
    assert parse_number(token) == float(f"{whole}.{frac}")


@FAST
@given(st.floats(min_value=0, max_value=1e9, allow_nan=False, allow_infinity=False))
def test_float_repr_round_trips(x: float) -> None:
    token = f"{x:.6f}"
    assert parse_number(token) == float(token)


# --- unit_scale and convert ------------------------------------------------------------------------


def test_unit_scale_examples() -> None:
    assert unit_scale("万美元") == (1e4, "美元")
    assert unit_scale("亿元") == (1e8, "元")
    assert unit_scale("万亿元") == (1e12, "元")
    assert unit_scale("万") == (1e4, "")
    assert unit_scale("户") == (1.0, "户")
    assert unit_scale("%") == (1.0, "%")
    assert unit_scale("") == (1.0, "")


def test_convert_examples() -> None:
    assert convert(2217, "万美元", "亿美元") == pytest.approx(0.2217)
    assert convert(1, "亿元", "万元") == pytest.approx(1e4)
    assert convert(111.5, "亿元", "亿元") == 111.5
    assert convert(3, "万", "") == pytest.approx(3e4)
    assert convert(1, "万吨", "亿元") is None
    assert convert(5, "%", "户") is None


# Regression (fixed in ba17cef): 百 of 百分点 was read as a magnitude, (100.0, '分点').
@pytest.mark.parametrize("unit", ["百分点", "百分比"])
def test_unit_scale_keeps_percentage_words_whole(unit: str) -> None:
    assert unit_scale(unit) == (1.0, unit)


@FAST
@given(st.sampled_from(PREFIXES), st.sampled_from(BASES))
def test_unit_scale_splits_prefix(prefix: str, base: str) -> None:
    scale, rest = unit_scale(prefix + base)
    assert rest == base
    assert scale == (MAGNITUDES[prefix] if prefix else 1.0)


@FAST
@given(
    st.floats(min_value=1e-6, max_value=1e9, allow_nan=False, allow_infinity=False),
    st.sampled_from(PREFIXES),
    st.sampled_from(PREFIXES),
    st.sampled_from(BASES),
)
def test_convert_round_trips(value: float, p1: str, p2: str, base: str) -> None:
    there = convert(value, p1 + base, p2 + base)
    assert there is not None
    back = convert(there, p2 + base, p1 + base)
    assert back is not None
    assert math.isclose(back, value, rel_tol=1e-9)
    # and scaling is consistent: value·scale is the same amount in both units
    assert math.isclose(there * unit_scale(p2 + base)[0], value * unit_scale(p1 + base)[0], rel_tol=1e-9)


@FAST
@given(
    st.floats(min_value=0, max_value=1e9, allow_nan=False, allow_infinity=False),
    st.sampled_from(PREFIXES),
    st.sampled_from(PREFIXES),
    st.sampled_from(BASES),
    st.sampled_from(BASES),
)
def test_convert_incompatible_bases_is_none(value: float, p1: str, p2: str, b1: str, b2: str) -> None:
    if b1 != b2:
        assert convert(value, p1 + b1, p2 + b2) is None


@pytest.mark.parametrize(
    ("text", "value", "high"),
    [
        ("4.5%—5%", 4.5, 5),  # 广东 2026 target
        ("5%-5.5%", 5, 5.5),
        ("4.5-5%", 4.5, 5),  # 黑龙江: the unit after the upper end only
        ("7-8户", 7, 8),  # 锦州 2012 work plan
        ("2-3 个", 2, 3),
        ("10至15亿元", 10, 15),
        ("5%左右", 5, None),  # no range
        ("45万人以上", 45, None),
        ("8-7户", 8, None),  # the upper end must be higher
        ("7-8户", 8, None),  # and the lower end the fact's value
    ],
)
def test_range_upper_reads_the_upper_end_of_a_range_mention(text: str, value: float, high: float | None) -> None:
    from planwatch.numbers import range_upper

    assert range_upper(text, value) == high
