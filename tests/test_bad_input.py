"""Every kind of bad input gets one clear line and a non-zero exit, never a traceback.

Each case is checked through a real ``planwatch`` process (the exit code, stdout and stderr a
user sees) and through ``read_file`` (the ``InputError`` a library caller sees).
"""

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path

import forms
import pytest
from conftest import make_encrypted_pdf, make_image_only_pdf, make_pdf, run_planwatch

from planwatch.errors import InputError
from planwatch.readers import MAX_BYTES, read_file


def _missing(tmp: Path) -> Path:
    return tmp / "no-such-file.txt"


def _directory(tmp: Path) -> Path:
    d = tmp / "folder.txt"
    d.mkdir()
    return d


def _write(name: str, data: bytes) -> Callable[[Path], Path]:
    def make(tmp: Path) -> Path:
        f = tmp / name
        f.write_bytes(data)
        return f

    return make


def _too_large(tmp: Path) -> Path:
    f = tmp / "huge.txt"
    with f.open("wb") as fh:
        fh.truncate(MAX_BYTES + 1)
    return f


def _truncated_pdf(tmp: Path) -> Path:
    good = make_pdf(tmp / "good.pdf", ["地区生产总值"])
    f = tmp / "truncated.pdf"
    f.write_bytes(good.read_bytes()[:400])
    return f


_rng = random.Random(1)
_RANDOM_HIGH_BYTES = bytes(_rng.randrange(0x80, 0x100) for _ in range(4000))

CASES: dict[str, tuple[Callable[[Path], Path], str]] = {
    "missing": (_missing, "not found"),
    "directory": (_directory, "directory"),
    "empty": (_write("empty.txt", b""), "empty"),
    "whitespace-only": (_write("blank.txt", " \r\n\t\n\u3000\n".encode()), "no text"),
    "bom-only": (_write("bom.txt", b"\xef\xbb\xbf\n"), "no text"),
    "nul-bytes": (_write("bin.txt", b"\x00\x01\x02\x03" * 100), "binary"),
    "control-chars": (_write("ctl.txt", bytes(range(1, 9)) * 200), "binary"),
    "pdf-named-txt": (_write("report.txt", b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\n"), "PDF"),
    "zip-named-md": (_write("notes.md", b"PK\x03\x04" + b"\x14" * 60), "ZIP"),
    "unsupported-extension": (_write("data.xlsx", b"PK\x03\x04"), "supported are .txt"),
    "no-extension": (_write("README", b"text"), "unsupported"),
    "undecodable": (_write("mojibake.txt", _RANDOM_HIGH_BYTES), "decode"),
    "too-large": (_too_large, "too large"),
    "name-too-long": (lambda tmp: tmp / ("规划" * 150 + ".txt"), "too long"),
    "image-only-pdf": (lambda tmp: make_image_only_pdf(tmp / "scan.pdf"), "OCR"),
    "encrypted-pdf": (lambda tmp: make_encrypted_pdf(tmp / "locked.pdf"), "password"),
    "corrupt-pdf": (_write("broken.pdf", b"%PDF-1.7\nthis is not really a pdf\n"), "damaged"),
    "truncated-pdf": (_truncated_pdf, "damaged"),
    "not-a-pdf": (_write("fake.pdf", "地区生产总值".encode()), "not a PDF"),
    "corrupt-docx": (_write("broken.docx", b"PK\x03\x04" + b"garbage" * 20), "damaged"),
    "doc-named-docx": (_write("old.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100), ".doc"),
    "text-named-docx": (_write("plain.docx", "地区生产总值".encode()), "not a .docx"),
    "empty-html": (_write("empty.html", b"<html><body><script>x=1</script></body></html>"), "no text"),
    # Read but not readable Chinese (issue 13): refused with the reason, not stored as junk facts.
    "private-use-glyphs": (_write("glyphs.txt", forms.text_forms()["txt-private-use.txt"]), "private-use"),
    "random-hanzi": (_write("random.txt", forms.text_forms()["txt-random-hanzi.txt"]), "not plausible Chinese"),
    "utf8-read-as-gbk": (_write("gbk.txt", forms.text_forms()["txt-mojibake-gbk.txt"]), "mojibake"),
    "replacement-chars": (_write("lossy.txt", forms.text_forms()["txt-replacement.txt"]), "replacement character"),
    "pdf-no-unicode-map": (lambda tmp: _write("glyphs.pdf", forms.pdf_no_unicode_map())(tmp), "Unicode map"),
}


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_reader_raises_input_error(case: str, tmp_path: Path) -> None:
    make, word = CASES[case]
    path = make(tmp_path)
    with pytest.raises(InputError) as info:
        read_file(path)
    message = str(info.value)
    assert word.lower() in message.lower()
    assert "\n" not in message


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_cli_reports_one_line_and_fails(case: str, tmp_path: Path) -> None:
    make, word = CASES[case]
    path = make(tmp_path)
    result = run_planwatch("extract", str(path), "--format", "jsonl")
    assert result.returncode == 2
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("planwatch: error: ")
    assert word.lower() in lines[0].lower()
