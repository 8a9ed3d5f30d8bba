"""Text repaired where the repair is certain, refused with the reason where it is not (issue 13),
and numbers as Chinese writes them: reference marks, 点, 百分之/千分之, full-width grouping.

Examples are from the sample corpus and from sentences shaped like other reports, not from the
海拉尔区 excerpt that ``test_forms.py`` uses.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from conftest import SAMPLE_FILES

from planwatch import extract_text
from planwatch.errors import InputError
from planwatch.quality import check_plausible_chinese, looks_like_utf8_read_as_gbk, repeated_bigram_share
from planwatch.readers import read_file


@pytest.mark.parametrize("path", SAMPLE_FILES, ids=lambda p: p.name)
def test_real_reports_are_plausible_chinese(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    check_plausible_chinese(text, path.name)  # does not raise
    share = repeated_bigram_share(text)
    assert share is not None and share > 0.15
    assert not looks_like_utf8_read_as_gbk(text)


def test_scrambled_characters_are_not_plausible() -> None:
    text = SAMPLE_FILES[0].read_text(encoding="utf-8")
    chars = list(text)
    random.Random(5).shuffle(chars)
    with pytest.raises(InputError, match="not plausible Chinese"):
        check_plausible_chinese("".join(chars), "shuffled.txt")


def test_a_short_note_is_not_judged_by_repetition() -> None:
    check_plausible_chinese("凌河区2015年地区生产总值111.5亿元，同比增长7.6%。", "note.txt")


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("地区生产总值" + "(cid:1234)(cid:77)" * 50, "Unicode map"),
        ("".join(chr(0xE000 + i % 500) for i in range(400)) + "2015年", "private-use"),
        ("全年" + "\ufffd" * 200 + "111.5亿元", "replacement character"),
    ],
)
def test_unreadable_text_is_refused_with_the_reason(text: str, reason: str) -> None:
    with pytest.raises(InputError, match=reason):
        check_plausible_chinese(text, "x.txt")


def test_utf8_read_as_gbk_is_recognised_and_refused(tmp_path: Path) -> None:
    text = SAMPLE_FILES[1].read_text(encoding="utf-8")[:3000]
    f = tmp_path / "mojibake.txt"
    f.write_bytes(text.encode("utf-8").decode("gbk", errors="replace").encode("utf-8"))
    with pytest.raises(InputError, match="mojibake"):
        read_file(f)


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_read(tmp_path: Path, encoding: str) -> None:
    text = SAMPLE_FILES[2].read_text(encoding="utf-8")
    f = tmp_path / "report.txt"
    f.write_bytes(text.encode(encoding))
    source = read_file(f)
    assert source.text == text
    assert source.reader == f"text:{encoding}"


def test_stray_nuls_are_removed_and_recorded(tmp_path: Path) -> None:
    text = SAMPLE_FILES[3].read_text(encoding="utf-8")
    data = text.encode()
    f = tmp_path / "report.txt"
    f.write_bytes(data[:100] + b"\x00" + data[100:] + b"\x00\x00")
    source = read_file(f)
    assert source.text == text
    assert source.meta["removed_nul_bytes"] == 3


@pytest.mark.parametrize("wrong", ["latin-1", "cp1252"])
def test_utf8_read_as_latin1_is_reversed(tmp_path: Path, wrong: str) -> None:
    text = SAMPLE_FILES[4].read_text(encoding="utf-8")
    raw = text.encode()
    seen = "".join(bytes([b]).decode(wrong, errors="ignore") or chr(b) for b in raw)
    f = tmp_path / "report.txt"
    f.write_bytes(seen.encode())
    source = read_file(f)
    assert source.text == text
    assert "mojibake" in source.meta["repaired"]


def test_latin_text_is_not_repaired(tmp_path: Path) -> None:
    f = tmp_path / "note.txt"
    f.write_text("Café résumé naïve — 2015年地区生产总值111.5亿元。", encoding="utf-8")
    assert read_file(f).text.startswith("Café")


# --- numbers ---------------------------------------------------------------------------------


def _facts(text: str) -> list[tuple[str, float, str, str]]:
    return [(f.indicator, f.value, f.unit, f.text) for f in extract_text(text).facts]


@pytest.mark.parametrize(
    ("sentence", "value", "unit", "span"),
    [
        ("全市地区生产总值达到274.4¹亿元。", 274.4, "亿元", "274.4¹亿元"),
        ("年末常住人口5487²人。", 5487, "人", "5487²人"),
        ("全年接待游客1200[3]万人次。", 1200, "万人次", "1200[3]万人次"),
        ("城镇新增就业6③万人。", 6, "万人", "6③万人"),
        ("全年地区生产总值十四点六亿元。", 14.6, "亿元", "十四点六亿元"),
        ("城镇登记失业率控制在百分之四点五以内。", 4.5, "%", "百分之四点五以内"),
        ("居民消费价格涨幅控制在百分之三左右。", 3, "%", "百分之三左右"),
        ("人口自然增长率控制在千分之六以内。", 6, "‰", "千分之六以内"),
        ("城镇居民人均可支配收入２１，６１８元。", 21618, "元", "２１，６１８元"),
    ],
)
def test_numbers_as_chinese_writes_them(sentence: str, value: float, unit: str, span: str) -> None:
    facts = _facts(sentence)
    assert [(v, u, t) for _, v, u, t in facts] == [(value, unit, span)]


@pytest.mark.parametrize(
    ("sentence", "values"),
    [
        ("建成面积3km²的园区，地区生产总值增长7.2%。", [7.2]),  # an exponent is not a mark: no 32
        ("完成投资21，618个项目增长5%。", [5.0]),  # ASCII digits with ， are a list, not 21,618
        ("实现收入１，２，３元。", []),  # full-width digits not grouped in threes: no 123
    ],
)
def test_what_is_not_a_mark_or_a_separator(sentence: str, values: list[float]) -> None:
    got = [v for _, v, _, _ in _facts(sentence)]
    assert not set(got) & {32, 21618, 123}, got
    assert all(v in got for v in values), got
