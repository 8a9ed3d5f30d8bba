"""OCR of scanned PDF pages, offline, with Debian's Tesseract and its simplified-Chinese model.

Used automatically on the pages of a PDF that have no text layer (all of them, or some: see
``pdflayout.pdf_pages``).  Each page is rendered by pdfium at the resolution of a typical scan
and read by the ``tesseract`` program (packages ``tesseract-ocr`` and ``tesseract-ocr-chi-sim``);
its word boxes (TSV) become line segments for the same layout
code as a text layer (``planwatch.pdflayout``), so stamped page numbers and running headers are
dropped and wrapped lines joined the same way.  Without the program the reader keeps refusing
scans with a one-line message.

Tesseract's LSTM models ignore ``--user-words`` (measured: no change), so the indicator vocabulary
is applied after it: a character it was unsure of that keeps a name of the taxonomy from being
spelt right, and only one, is put right (``森林履盖率`` → ``森林覆盖率``; see ``VocabularyFix``).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterable, Sequence
from functools import cache
from typing import Any

from planwatch.errors import InputError
from planwatch.pdflayout import SEGMENT_GAP, Segment

LANGUAGE = "chi_sim"
#: Resolution pages are rendered at.  On the 200-dpi scan of the forms test, rendering at 300 dpi
#: reads one more character right (友谊, not 友这) for 10 % more time (one thread: about 7 s a page).
DPI = 300
#: Pages read at most (about 5 s each on one core): a scanned book is refused, not read for hours.
MAX_PAGES = 60
PAGE_TIMEOUT = 120.0
#: Tesseract's word confidence (0-100) under which a character may be put right by the vocabulary.
#: On the forms test's scan the misread characters score 0-46 and 94 % of all words score over 60.
UNSURE = 50.0
#: Shortest vocabulary word used to put a character right: in a word of four characters or more,
#: three read with confidence fix the fourth; in a shorter one a single character is too much.
FIX_MIN_LENGTH = 4


@cache
def engine() -> str | None:
    """``tesseract <version> <language>`` when Tesseract with the Chinese model is installed, else None."""
    exe = shutil.which("tesseract")
    if exe is None:
        return None
    try:
        langs = subprocess.run([exe, "--list-langs"], capture_output=True, text=True, timeout=30).stdout
        version = subprocess.run([exe, "--version"], capture_output=True, text=True, timeout=30).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    if LANGUAGE not in langs.split():
        return None
    first = version.splitlines()[0] if version else "tesseract"
    return f"{first} {LANGUAGE}"


def ocr_pages(data: bytes, name: str, only: Sequence[int] | None = None) -> list[tuple[float, list[Segment]]]:
    """Each page's (height, line segments) in PDF points, read by Tesseract; with ``only``, the
    pages of those indexes (the scanned pages of a partly typed PDF), in that order."""
    import pypdfium2

    exe = shutil.which("tesseract")
    if exe is None:
        raise InputError(f"{name} has no text layer and the OCR engine is not installed")
    try:
        document = pypdfium2.PdfDocument(data)
    except Exception as e:  # pdfminer read it, pdfium cannot: nothing to render
        raise InputError(f"{name} has no text layer and its pages cannot be rendered for OCR ({e})") from e
    try:
        indexes = list(range(len(document))) if only is None else list(only)
        if len(indexes) > MAX_PAGES:
            raise InputError(
                f"{name} has {len(indexes)} scanned pages; OCR reads at most {MAX_PAGES}: split it or OCR it first"
            )
        pages = []
        for index in indexes:
            try:
                page = document[index]
                height = float(page.get_height())
                image = page.render(scale=DPI / 72, grayscale=True).to_pil()
            except Exception as e:  # pdfium's errors on a damaged page
                raise InputError(f"{name} is a damaged PDF: page {index + 1} cannot be rendered for OCR ({e})") from e
            pages.append((height, _read_image(exe, image, name)))
        return pages
    finally:
        document.close()


def remove_rules(image: Any) -> Any:
    """The page image with table rules (long straight dark runs) painted white.

    Tesseract takes a ruled table for a picture and skips it; without its rules the cells are read
    as words set apart by blank space, which ``pdflayout.unruled_tables`` puts back into a table.
    A run counts as a rule when it is longer than four text heights at ``DPI`` (10.5 pt): no
    stroke of a character is.
    """
    import numpy as np
    from PIL import Image

    gray = np.asarray(image.convert("L"))
    dark = gray < 224  # rules of a rendered scan are thin and grey, not black
    length = int(DPI / 72 * 10.5 * 4)
    rules = np.zeros_like(dark)
    for axis in (0, 1):
        if dark.shape[axis] <= length:
            continue
        starts = np.zeros_like(dark)  # a full run of dark pixels starts here
        runs = _sliding_sum(dark, length, axis) == length
        if axis == 0:
            starts[: runs.shape[0]] = runs
        else:
            starts[:, : runs.shape[1]] = runs
        covered = _sliding_sum(starts, length, axis, pad=True) > 0  # pixels within such a run
        rules |= covered
    if not rules.any():
        return image
    return Image.fromarray(np.where(rules, 255, gray).astype(np.uint8))


def _sliding_sum(a: Any, n: int, axis: int, pad: bool = False) -> Any:
    """Sums of ``n`` consecutive values along ``axis``: at each window start, or (``pad``) at each
    window end, padded so that the result has the shape of ``a``."""
    import numpy as np

    c = np.cumsum(a, axis=axis, dtype=np.int32)
    c = np.concatenate([np.zeros_like(np.take(c, [0], axis=axis)), c], axis=axis)
    size = a.shape[axis]
    if pad:  # window ending at i: c[i+1] - c[max(0, i+1-n)]
        hi = np.take(c, range(1, size + 1), axis=axis)
        lo = np.take(c, [max(0, i + 1 - n) for i in range(size)], axis=axis)
        return hi - lo
    return np.take(c, range(n, size + 1), axis=axis) - np.take(c, range(0, size + 1 - n), axis=axis)


def _read_image(exe: str, image: Any, name: str) -> list[Segment]:
    import io

    image = remove_rules(image)
    png = io.BytesIO()
    image.save(png, format="PNG")
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}  # Tesseract's threads only fight on a small machine
    try:
        result = subprocess.run([exe, "stdin", "stdout", "-l", LANGUAGE, "--psm", "3", "tsv"], input=png.getvalue(),
                                capture_output=True, timeout=PAGE_TIMEOUT, env=env)
    except subprocess.TimeoutExpired as e:
        raise InputError(f"{name}: OCR of a page took longer than {PAGE_TIMEOUT:.0f} s") from e
    except OSError as e:
        raise InputError(f"{name}: the OCR engine could not be run ({e.strerror or e})") from e
    return tsv_segments(result.stdout.decode("utf-8", errors="replace"), 72 / DPI, indicator_fix())


Word = tuple[int, int, int, int, str, float]  # left, top, width, height (pixels), text, confidence


def tsv_segments(tsv: str, scale: float, fix: VocabularyFix | None = None) -> list[Segment]:
    """Tesseract's TSV words grouped into its lines, as segments in points (``scale`` per pixel).

    A line is split where its words are further apart than ``pdflayout.SEGMENT_GAP`` text heights,
    as a text layer's lines are: table cells and the halves of a two-column line stay apart.
    With ``fix``, unsure characters of each segment are put right by the vocabulary.
    """
    lines: dict[tuple[str, str, str, str], list[Word]] = {}
    for row in tsv.splitlines()[1:]:
        cols = row.split("\t")
        if len(cols) < 12 or cols[0] != "5" or not cols[11].strip():
            continue
        left, top, width, height = (int(c) for c in cols[6:10])
        try:
            conf = float(cols[10])
        except ValueError:
            conf = 0.0
        words = lines.setdefault((cols[1], cols[2], cols[3], cols[4]), [])
        words.append((left, top, width, height, cols[11].strip(), conf))
    out = []
    for words in lines.values():
        words.sort()
        heights = sorted(w[3] for w in words)
        size = heights[len(heights) // 2]
        run = [words[0]]
        for prev, word in zip(words, words[1:], strict=False):
            if word[0] - (prev[0] + prev[2]) > SEGMENT_GAP * size:
                out.append(_segment(run, size, scale, fix))
                run = []
            run.append(word)
        out.append(_segment(run, size, scale, fix))
    return out


def _segment(words: list[Word], size: int, scale: float, fix: VocabularyFix | None) -> Segment:
    text, confs = words[0][4], [words[0][5]] * len(words[0][4])
    for prev, word in zip(words, words[1:], strict=False):
        if prev[4][-1:].isascii() and word[4][:1].isascii():
            text += " "
            confs.append(min(prev[5], word[5]))
        text += word[4]
        confs += [word[5]] * len(word[4])
    if fix is not None:
        text = fix(text, confs)
    return Segment(min(w[0] for w in words) * scale, max(w[0] + w[2] for w in words) * scale,
                   min(w[1] for w in words) * scale, max(w[1] + w[3] for w in words) * scale, text, size * scale)



class VocabularyFix:
    """Puts right the characters Tesseract was unsure of where the vocabulary says what they are.

    A window of the line that differs from one vocabulary word (length ``FIX_MIN_LENGTH`` or
    more) in exactly one character inside it, that character read with a confidence under
    ``UNSURE``, and that no other word fits with another character, takes the word's character:
    ``森林履盖率`` (履 unsure) → ``森林覆盖率``.  The character must stand inside the word, the
    word's characters read on both sides of it: at an end, the line may simply go on with another
    word (``污水处理厂二期`` read ``污水处理三二期`` is not ``污水处理率``).  A window already
    spelling a word is left alone, and a character read with confidence is never changed, so a
    misreading the vocabulary cannot tell stays as read (marked as OCR in the store like the rest).
    """

    def __init__(self, words: Iterable[str]) -> None:
        self._keys: dict[tuple[str, int], set[str]] = {}  # (word with one hole, hole) → characters
        self._words: set[str] = set()
        for word in words:
            if len(word) < FIX_MIN_LENGTH or not all(_is_han(c) for c in word):
                continue
            self._words.add(word)
            for i in range(1, len(word) - 1):
                self._keys.setdefault((word[:i] + "\0" + word[i + 1 :], i), set()).add(word[i])
        self._lengths = sorted({len(w) for w in self._words})

    def __call__(self, text: str, confs: list[float]) -> str:
        unsure = [i for i, c in enumerate(confs) if c < UNSURE and i < len(text) and _is_han(text[i])]
        if not unsure:
            return text
        chars = list(text)
        for i in unsure:
            choices: set[str] = set()
            for n in self._lengths:
                for start in range(max(0, i - n + 1), min(i, len(chars) - n) + 1):
                    window = "".join(chars[start : start + n])
                    if window in self._words:
                        choices.add(chars[i])  # it already spells a word: keep it
                        continue
                    hole = i - start
                    choices |= self._keys.get((window[:hole] + "\0" + window[hole + 1 :], hole), set())
            if len(choices) == 1 and chars[i] not in choices:
                chars[i] = choices.pop()
        return "".join(chars)


def _is_han(c: str) -> bool:
    return "\u4e00" <= c <= "\u9fff"


@cache
def indicator_fix() -> VocabularyFix:
    """The fix for the taxonomy's indicator names and synonyms (``planwatch/data/indicators.yaml``)."""
    from planwatch.taxonomy import load_taxonomy

    return VocabularyFix(form for indicator in load_taxonomy() for form in indicator.forms)
