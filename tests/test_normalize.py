"""Normalisation keeps a faithful map from normalised positions back to the original text."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planwatch.normalize import NormalizedText, normalize

SAMPLE_FILES = sorted((Path(__file__).resolve().parents[1] / "planwatch" / "sample").glob("*.txt"))
FAST = settings(max_examples=300, deadline=None)

# The 1:1 substitutions normalisation may make: full-width → ASCII, and ASCII clause
# punctuation → full-width (outside numbers).
FULLWIDTH = {chr(0xFF10 + i): str(i) for i in range(10)}
FULLWIDTH.update({chr(0xFF21 + i): chr(0x41 + i) for i in range(26)})
FULLWIDTH.update({chr(0xFF41 + i): chr(0x61 + i) for i in range(26)})
FULLWIDTH.update({"％": "%", "﹪": "%", "．": ".", "﹒": ".", "～": "~", "－": "-", "﹣": "-", "＋": "+",
                  "／": "/", "∶": ":"})
ASCII_TO_CJK = {",": "，", ";": "；", ":": "：", "!": "！", "?": "？"}


def char_maps(original: str, normalised: str) -> bool:
    """Whether normalised char ``normalised`` may stand for original char ``original``."""
    if normalised == original:
        return True
    if normalised == "\n":
        return original in "\r\n"  # the one kept newline of a newline run
    candidates = {FULLWIDTH.get(original, original)}
    candidates |= {ASCII_TO_CJK.get(c, c) for c in set(candidates)}
    return normalised in candidates


def assert_offsets_faithful(norm: NormalizedText) -> None:
    prev = -1
    for i, c in enumerate(norm.text):
        j = norm.to_original(i)
        assert 0 <= j < len(norm.original), (i, j)
        assert j > prev, f"to_original not increasing at {i}: {prev} → {j}"
        prev = j
        assert char_maps(norm.original[j], c), (i, c, norm.original[j], norm.text[max(0, i - 10):i + 10])


def read(path: Path) -> str:
    with path.open(encoding="utf-8", newline="") as f:  # keep \r\n: offsets are into the file's text
        return f.read()


def test_sample_files_present() -> None:
    assert SAMPLE_FILES, "planwatch/sample/*.txt missing: the offset tests below would be skipped"


@pytest.mark.parametrize("path", SAMPLE_FILES, ids=lambda p: p.name)
def test_sample_offsets_map_back(path: Path) -> None:
    original = read(path)
    norm = normalize(original)
    assert norm.text
    assert_offsets_faithful(norm)


@pytest.mark.parametrize("path", SAMPLE_FILES[:2], ids=lambda p: p.name)
def test_sample_offsets_map_back_with_crlf(path: Path) -> None:
    original = read(path).replace("\r\n", "\n").replace("\n", "\r\n")
    assert_offsets_faithful(normalize(original))


def test_number_split_from_unit_by_blank_line_is_joined() -> None:
    original = "2217\n\n万美元"
    norm = normalize(original)
    assert norm.text == "2217万美元"
    assert norm.span_to_original(0, len(norm.text)) == (0, len(original))
    assert original[slice(*norm.span_to_original(0, len(norm.text)))] == original


def test_joined_number_inside_sentence_maps_back() -> None:
    original = "全年实际利用外资2217\n\n万美元，增长5%。"
    norm = normalize(original)
    i = norm.text.index("2217万美元")
    s, e = norm.span_to_original(i, i + len("2217万美元"))
    assert original[s:e] == "2217\n\n万美元"
    j = norm.text.index("5%")
    assert original[slice(*norm.span_to_original(j, j + 2))] == "5%"


def test_fullwidth_digits_and_percent() -> None:
    original = "增长１２３％"
    norm = normalize(original)
    assert norm.text == "增长123%"
    assert original[slice(*norm.span_to_original(2, 6))] == "１２３％"


def test_space_inside_quantity_removed() -> None:
    original = "实现地区生产总值111.5 亿元"
    norm = normalize(original)
    assert norm.text == "实现地区生产总值111.5亿元"
    i = norm.text.index("111.5亿元")
    assert original[slice(*norm.span_to_original(i, i + 7))] == "111.5 亿元"


def test_space_between_latin_words_kept() -> None:
    assert normalize("建设Smart City项目").text == "建设Smart City项目"


def test_newline_run_keeps_one_newline() -> None:
    original = "一、总体要求\n\n\n二、主要目标"
    norm = normalize(original)
    assert norm.text == "一、总体要求\n二、主要目标"
    assert_offsets_faithful(norm)


def test_empty_and_blank() -> None:
    for original in ["", " ", "\n", "\n\n \n"]:
        norm = normalize(original)
        assert norm.text == ""
        s, e = norm.span_to_original(0, 0)
        assert 0 <= s <= e <= len(original)


# Regression (fixed in ba17cef): the space after "3," was deleted, fusing a list into 3,500.
def test_comma_space_list_not_fused_into_thousands() -> None:
    norm = normalize("分别新增3, 500户")
    assert norm.text != "分别新增3,500户"
    assert "3,500" not in norm.text
    assert_offsets_faithful(norm)
    assert normalize("总计1,234户").text == "总计1,234户"  # a real thousands separator stays


# --- properties --------------------------------------------------------------------------------

_ALPHABET = st.sampled_from(
    list("0123456789０１２３％%万亿元。，,;:!?　 \t\r\n—-·．第页共/|#*_"
         "一二、（）(){}abcAZ全市增长地区生产总值")
)
arbitrary_text = st.one_of(
    st.text(alphabet=_ALPHABET, max_size=120),
    st.text(max_size=60),
    st.lists(st.sampled_from(["2217", "\n\n", "万美元", " ", "\r\n", "— 3 —", "第 2 页", "**", "１２％",
                              "。", "增长", "\n", "111.5 亿元", "  \n  ", "|", "一、", "x"]),
             max_size=25).map("".join),
)


@FAST
@given(arbitrary_text)
def test_span_to_original_in_bounds(original: str) -> None:
    norm = normalize(original)
    n = len(norm.text)
    s, e = norm.span_to_original(0, n)
    assert 0 <= s <= e <= len(original)
    if n:
        assert original[s:e]  # a non-empty normalised text comes from a non-empty original span


@FAST
@given(arbitrary_text, st.data())
def test_to_original_monotonic_and_faithful(original: str, data: st.DataObject) -> None:
    norm = normalize(original)
    positions = [norm.to_original(i) for i in range(len(norm.text) + 1)]
    assert positions == sorted(positions)
    assert all(0 <= p <= len(original) for p in positions)
    assert_offsets_faithful(norm)
    if norm.text:
        a = data.draw(st.integers(min_value=0, max_value=len(norm.text)))
        b = data.draw(st.integers(min_value=a, max_value=len(norm.text)))
        s, e = norm.span_to_original(a, b)
        assert 0 <= s <= e <= len(original)
