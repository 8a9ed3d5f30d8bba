"""OCR of scanned PDF pages, offline, with Debian's Tesseract and its simplified-Chinese model.

Used automatically when a PDF has no text layer at all.  Each page is rendered by pdfium at the
resolution of a typical scan and read by the ``tesseract`` program (packages ``tesseract-ocr``
and ``tesseract-ocr-chi-sim``); its word boxes (TSV) become line segments for the same layout
code as a text layer (``planwatch.pdflayout``), so stamped page numbers and running headers are
dropped and wrapped lines joined the same way.  Without the program the reader keeps refusing
scans with a one-line message.
"""

from __future__ import annotations

import os
import shutil
import subprocess
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


def ocr_pages(data: bytes, name: str) -> list[tuple[float, list[Segment]]]:
    """Each page's (height, line segments) in PDF points, read by Tesseract."""
    import pypdfium2

    exe = shutil.which("tesseract")
    if exe is None:
        raise InputError(f"{name} has no text layer and the OCR engine is not installed")
    try:
        document = pypdfium2.PdfDocument(data)
    except Exception as e:  # pdfminer read it, pdfium cannot: nothing to render
        raise InputError(f"{name} has no text layer and its pages cannot be rendered for OCR ({e})") from e
    try:
        if len(document) > MAX_PAGES:
            raise InputError(
                f"{name} is a scan of {len(document)} pages; OCR reads at most {MAX_PAGES}: split it or OCR it first"
            )
        pages = []
        for index in range(len(document)):
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
    return tsv_segments(result.stdout.decode("utf-8", errors="replace"), 72 / DPI)


def tsv_segments(tsv: str, scale: float) -> list[Segment]:
    """Tesseract's TSV words grouped into its lines, as segments in points (``scale`` per pixel).

    A line is split where its words are further apart than ``pdflayout.SEGMENT_GAP`` text heights,
    as a text layer's lines are: table cells and the halves of a two-column line stay apart.
    """
    lines: dict[tuple[str, str, str, str], list[tuple[int, int, int, int, str]]] = {}
    for row in tsv.splitlines()[1:]:
        cols = row.split("\t")
        if len(cols) < 12 or cols[0] != "5" or not cols[11].strip():
            continue
        left, top, width, height = (int(c) for c in cols[6:10])
        lines.setdefault((cols[1], cols[2], cols[3], cols[4]), []).append((left, top, width, height, cols[11].strip()))
    out = []
    for words in lines.values():
        words.sort()
        heights = sorted(w[3] for w in words)
        size = heights[len(heights) // 2]
        run = [words[0]]
        for prev, word in zip(words, words[1:], strict=False):
            if word[0] - (prev[0] + prev[2]) > SEGMENT_GAP * size:
                out.append(_segment(run, size, scale))
                run = []
            run.append(word)
        out.append(_segment(run, size, scale))
    return out


def _segment(words: list[tuple[int, int, int, int, str]], size: int, scale: float) -> Segment:
    text = words[0][4]
    for prev, word in zip(words, words[1:], strict=False):
        text += (" " if prev[4][-1:].isascii() and word[4][:1].isascii() else "") + word[4]
    return Segment(min(w[0] for w in words) * scale, max(w[0] + w[2] for w in words) * scale,
                   min(w[1] for w in words) * scale, max(w[1] + w[3] for w in words) * scale, text, size * scale)

