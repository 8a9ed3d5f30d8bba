"""OCR's vocabulary fix (``planwatch.ocr.VocabularyFix``): which unsure characters it puts right
and which it must leave as read.  Examples are sentences of the jinzhou and provinces-2026
corpora with one character misread, not the forms test's scan that prompted the fix."""

from __future__ import annotations

from pathlib import Path

import pytest

from planwatch.ocr import UNSURE, indicator_fix, tsv_segments

SURE, DOUBT = 95.0, 10.0


def _fix(text: str, unsure: str) -> str:
    """``text`` with the characters of ``unsure`` (each's first occurrence) read with doubt."""
    confs = [SURE] * len(text)
    for ch in unsure:
        confs[text.index(ch)] = DOUBT
    return indicator_fix()(text, confs)


@pytest.mark.parametrize(("read", "unsure", "right"), [
    ("一般公共预箅收入达到 104.1 亿元", "箅", "一般公共预算收入达到 104.1 亿元"),
    ("规模以上工业增如值增长7.5%左右", "如", "规模以上工业增加值增长7.5%左右"),
    ("社会消费品零害总额374亿元", "害", "社会消费品零售总额374亿元"),
    ("城镇居民人均可支酉收入增长7%左右", "酉", "城镇居民人均可支配收入增长7%左右"),
])
def test_an_unsure_character_inside_an_indicator_name_is_put_right(read: str, unsure: str, right: str) -> None:
    assert _fix(read, unsure) == right


@pytest.mark.parametrize(("read", "unsure", "why"), [
    ("一般公共预箅收入达到 104.1 亿元", "", "read with confidence: never changed"),
    ("锦州市第四污水处理三一期工程", "三", "at the end of a name the line may go on with another word (处理厂)"),
    ("社会消费品零售总额374亿元", "售", "already a name"),
    ("城市建成区绿地率达到40.4%", "城", "in no name"),
    ("第口产业增加值增长3.1%", "口", "第一/第二/第三产业增加值 all fit: which one cannot be told"),
    ("规模以上工业增加值增长7.5%左右", "7", "not a Chinese character"),
])
def test_a_character_the_vocabulary_cannot_tell_is_left_as_read(read: str, unsure: str, why: str) -> None:
    assert _fix(read, unsure) == read, why


def test_tesseract_word_confidences_reach_the_fix() -> None:
    """A TSV line whose unsure word (confidence under ``UNSURE``) is one character of a name."""
    head = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext"
    rows = [("森林", 96.0), ("履", UNSURE - 1), ("盖率", 91.0), ("达到", 95.0), ("42%", 93.0)]
    lines = [head] + [f"5\t1\t1\t1\t1\t{i}\t{100 + 40 * i}\t100\t38\t40\t{c}\t{t}" for i, (t, c) in enumerate(rows)]
    assert [s.text for s in tsv_segments("\n".join(lines), 0.24, indicator_fix())] == ["森林覆盖率达到42%"]
    sure = [line.replace(f"\t{UNSURE - 1}\t", "\t99.0\t") for line in lines]
    assert [s.text for s in tsv_segments("\n".join(sure), 0.24, indicator_fix())] == ["森林履盖率达到42%"]


def _pdf_with_image(tmp_path: Path, text: str, image_box: tuple[float, float, float, float]) -> Path:
    """A one-page PDF: ``text`` as a text layer over a grey image drawn at ``image_box`` (x, y, w, h)."""
    from PIL import Image
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    path = tmp_path / "page.pdf"
    c = canvas.Canvas(str(path), pagesize=(595, 842))
    c.drawImage(ImageReader(Image.new("L", (60, 80), 200)), *image_box)
    c.setFont("STSong-Light", 10.5)
    c.drawString(60, 700, text)
    c.showPage()
    c.save()
    return path


@pytest.mark.parametrize(("text", "box", "why"), [
    ("全年地区生产总值完成1234.5亿元，比上年增长6.5%。", (0, 0, 595, 842),
     "a searchable scan: its text layer (from an earlier OCR) is read, not OCR'd again"),
    ("地区生产总值", (40, 760, 60, 60), "a typed page with a logo: the image covers little of it"),
])
def test_a_page_with_a_text_layer_is_not_ocrd(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                             text: str, box: tuple[float, float, float, float], why: str) -> None:
    from planwatch import ocr
    from planwatch.readers import read_file

    def no_ocr(*args: object, **kwargs: object) -> None:
        raise AssertionError(why)

    monkeypatch.setattr(ocr, "ocr_pages", no_ocr)
    monkeypatch.setattr(ocr, "engine", lambda: "tesseract test chi_sim")
    source = read_file(_pdf_with_image(tmp_path, text, box))
    assert source.reader == "pdf" and text in source.text.replace("\n", "")
