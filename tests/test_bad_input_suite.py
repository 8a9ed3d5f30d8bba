"""Hostile and broken inputs: each ends in a clear error or a correct result, in bounded time and memory.

Every case runs in a separate Python process (``_run_worker``) so that a hang is cut off by the
subprocess timeout and memory is measured for the case alone: the worker warms every cache
first (lexicon, taxonomy, gazetteer), then reports, for each case, the growth of its peak
resident set (``VmHWM``, reset before each case) over its resident set before the case.  The
bounds are safety bounds — several times what the cases use today — not benchmarks.

"Clear error" means an ``InputError`` with a one-line message (what the CLI prints after
``planwatch: error:``); "correct result" means every fact's ``text`` is ``doc.text[start:end]``
within the text and its value is finite.  Anything else (another exception) is a crash and fails.

A refused file must leave the database exactly as it was: refused files are ingested through
``Store`` (and a few through ``planwatch ingest``) into a copy of a seeded SQLite database, and
a snapshot of every table (schema and rows) is compared before and after.
"""

from __future__ import annotations

import io
import json
import os
import random
import sqlite3
import subprocess
import sys
import tracemalloc
import zipfile
from pathlib import Path
from typing import Any

import pytest
from conftest import REPO, SAMPLE_FILES, make_docx, make_pdf, run_planwatch

from planwatch.errors import InputError
from planwatch.readers import MAX_BYTES, read_file

GOOD_LINES = ["凌河区2014年经济数据", "全年实现地区生产总值111.5亿元，同比增长7.6%。"]
GOOD_TEXT = "\n".join(GOOD_LINES) + "\n"

# Safety bounds (generous: today's cases use a tenth of them or less).
CASE_SECONDS = 20.0  # one input, read and extracted
BATCH_TIMEOUT = 120.0  # one worker process, whatever it holds
SMALL_INPUT_MB = 300.0  # peak RSS growth for a batch of small files (≤ 100 KB each)
LARGE_INPUT_MB = 1000.0  # peak RSS growth for one pathological file of a few MB

# The worker: warm caches, then read/extract each file, check every span, and (optionally)
# ingest it into its own database.  Prints one JSON object.
WORKER = r"""
import json, math, sys, time, tracemalloc
spec = json.loads(sys.argv[1])
from planwatch import extract, extract_text
from planwatch.errors import InputError
from planwatch.readers import read_file
from planwatch.store import Store
extract_text("凌河区2015年经济数据\n全年实现地区生产总值111.5亿元，同比增长7.6%。\n")

def rss_mb(field):
    # From /proc, not getrusage: ru_maxrss of a child starts at its parent's RSS (it survives
    # fork and exec), so it would measure pytest; VmHWM is this process's own peak.
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024

def reset_peak():
    try:
        with open("/proc/self/clear_refs", "w") as f:
            f.write("5")  # VmHWM := VmRSS (Linux >= 4.0)
    except OSError:
        pass

if spec.get("trace"):
    tracemalloc.start()
results = {}
for case in spec["cases"]:
    reset_peak()
    before = rss_mb("VmRSS")
    t0 = time.perf_counter()
    try:
        if spec["mode"] == "read":
            source = read_file(case["path"])
            r = {"outcome": "ok", "chars": len(source.text), "text_head": source.text[:200], "facts": 0,
                 "bad": []}
        else:
            doc = extract(case["path"])
            bad = [f.to_dict() for f in doc.facts
                   if not (0 <= f.start <= f.end <= len(doc.text) and doc.text[f.start:f.end] == f.text
                           and math.isfinite(f.value))]
            r = {"outcome": "ok", "chars": len(doc.text), "text_head": doc.text[:200], "facts": len(doc.facts),
                 "bad": bad[:5], "values": [f.value for f in doc.facts[:5]]}
    except InputError as e:
        r = {"outcome": "error", "message": str(e)}
    except BaseException as e:
        r = {"outcome": "crash", "message": (type(e).__name__ + ": " + str(e))[:500]}
    r["seconds"] = time.perf_counter() - t0
    r["growth_mb"] = rss_mb("VmHWM") - before
    if spec.get("trace"):
        r["traced_mb"] = tracemalloc.get_traced_memory()[1] / 1048576
        tracemalloc.reset_peak()
    if case.get("db") and (r["outcome"] == "error" or case.get("ingest") == "always"):
        with Store(case["db"]) as store:
            report = store.ingest([case["path"]])
        r["ingest"] = [{"status": x.status, "message": x.message} for x in report.results]
        if spec.get("trace"):
            r["ingest_traced_mb"] = tracemalloc.get_traced_memory()[1] / 1048576
            tracemalloc.reset_peak()
    results[case["id"]] = r
print(json.dumps({"results": results}, ensure_ascii=False))
"""


def _run_worker(
    cases: dict[str, dict[str, Any]], *, mode: str = "extract", timeout: float = BATCH_TIMEOUT, trace: bool = False
) -> dict:
    """Run the cases in a fresh process, one after the other.

    Each result has ``growth_mb``: the peak resident set while reading/extracting that case over
    the resident set before it; the run's ``growth_mb`` is the largest of them.

    A case with a ``db`` is ingested into that database when it was refused (or always, with
    ``"ingest": "always"``).  ``trace``: also measure each case's allocations with tracemalloc
    (``traced_mb`` for reading and extracting, ``ingest_traced_mb`` for the ingest).
    """
    env = {k: v for k, v in os.environ.items() if k != "PLANWATCH_DEBUG"}
    spec = {"mode": mode, "trace": trace, "cases": [{"id": k, **v} for k, v in cases.items()]}
    try:
        proc = subprocess.run(
            [sys.executable, "-c", WORKER, json.dumps(spec)],
            capture_output=True, text=True, encoding="utf-8", env=env, cwd=REPO, timeout=timeout,
        )  # fmt: skip
    except subprocess.TimeoutExpired:
        raise AssertionError(f"{', '.join(cases)}: not finished within {timeout:.0f}s") from None
    assert proc.returncode == 0, proc.stderr[-3000:]
    out: dict = json.loads(proc.stdout)
    out["growth_mb"] = max(r["growth_mb"] for r in out["results"].values())
    return out


def assert_clear_or_correct(case: str, r: dict[str, Any], *, must_fail: bool = False, words: str = "") -> None:
    """The outcome is a one-line InputError or a result whose every fact span is exact."""
    assert r["outcome"] != "crash", f"{case}: {r['message']}"
    assert r["seconds"] < CASE_SECONDS, f"{case}: took {r['seconds']:.1f}s"
    if r["outcome"] == "error":
        message = r["message"]
        assert message.strip() and "\n" not in message and "Traceback" not in message, message
        assert words.lower() in message.lower(), f"{case}: {message!r} does not say {words!r}"
    else:
        assert not must_fail, f"{case}: was read as {r['text_head']!r}"
        assert r["bad"] == [], f"{case}: facts whose text is not doc.text[start:end]: {r['bad']}"


# -- databases ------------------------------------------------------------------------------
def copy_db(src: Path, dst: Path) -> Path:
    """A consistent copy of a (WAL-mode) SQLite database, through SQLite's backup API."""
    with sqlite3.connect(src) as a, sqlite3.connect(dst) as b:
        a.backup(b)
    a.close()
    b.close()
    return dst


def snapshot(db: Path) -> dict[str, list[str]]:
    """Every table's rows (and the schema), in a comparable form."""
    con = sqlite3.connect(db)
    try:
        schema = con.execute("SELECT type, name, tbl_name, sql FROM sqlite_master")
        snap = {"sqlite_master": sorted(repr(r) for r in schema)}
        tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        for table in tables:
            snap[table] = sorted(repr(r) for r in con.execute(f'SELECT * FROM "{table}"'))
        return snap
    finally:
        con.close()


def assert_same_db(before: dict[str, list[str]], after: dict[str, list[str]]) -> None:
    assert before.keys() == after.keys(), "tables were added or removed"
    changed = [t for t in before if before[t] != after[t]]
    assert not changed, f"a refused file changed tables {changed}"


@pytest.fixture(scope="module")
def seeded_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database that already holds one sample document (so 'unchanged' is a strong claim)."""
    from planwatch.store import Store

    path = tmp_path_factory.mktemp("seed") / "seed.db"
    with Store(path) as store:
        assert store.ingest([SAMPLE_FILES[0]], actor="test").ok
    return path


# -- inputs -----------------------------------------------------------------------------------
def _truncations(data: bytes) -> dict[str, bytes]:
    fractions = (0.02, 0.1, 0.3, 0.5, 0.7, 0.9, 0.97)
    out = {f"{int(f * 100)}pct": data[: int(len(data) * f)] for f in fractions}
    out["minus1"] = data[:-1]
    out["header-only"] = data[:8]
    return out


def _corruptions(data: bytes, seed: int) -> dict[str, bytes]:
    rng = random.Random(seed)
    out: dict[str, bytes] = {}
    for k, flips in enumerate((1, 4, 16, 64, 256)):
        b = bytearray(data)
        for _ in range(flips):
            b[rng.randrange(len(b))] = rng.randrange(256)
        out[f"flip{flips}-{k}"] = bytes(b)
    for k in range(3):
        b = bytearray(data)
        i = rng.randrange(len(b) // 4, len(b) * 3 // 4)
        b[i : i + 512] = bytes(len(b[i : i + 512]))
        out[f"zeroed-{k}"] = bytes(b)
    middle = len(data) // 2
    out["shuffled-halves"] = data[middle:] + data[:middle]
    out["doubled"] = data + data
    return out


def _pdf(objs: list[bytes]) -> bytes:
    """A minimal hand-built PDF with a correct xref table around the given objects."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, obj in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return bytes(out)


_CONTENT = b"BT /F1 12 Tf 72 720 Td (GDP 100) Tj ET"
_FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
_PAGE = (
    b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>"
)


def _stream(content: bytes) -> bytes:
    return b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream"


HOSTILE_PDFS: dict[str, bytes] = {
    "page-tree-cycle": _pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 1 >>",
                             _PAGE, _stream(_CONTENT), _FONT]),
    "nested-arrays-200k": _pdf([b"<< /Type /Catalog /Pages 2 0 R /X " + b"[" * 200_000 + b"]" * 200_000 + b" >>",
                                b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>", _PAGE, _stream(_CONTENT), _FONT]),
    "self-referencing-length": _pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                                     _PAGE, b"<< /Length 4 0 R >>\nstream\n" + _CONTENT + b"\nendstream", _FONT]),
    "xobject-drawing-itself": _pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /XObject << /X1 6 0 R >> /Font << /F1 5 0 R >> >> >>",
        _stream(b"/X1 Do " + _CONTENT), _FONT,
        b"<< /Type /XObject /Subtype /Form /BBox [0 0 10 10] /Resources << /XObject << /X1 6 0 R >> >> /Length 6 >>"
        b"\nstream\n/X1 Do\nendstream",
    ]),
    "no-xref-garbage-tail": b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n" + bytes(range(256)) * 8,
}  # fmt: skip


def _zip_with(base: bytes, replace: dict[str, bytes | None]) -> bytes:
    """A copy of the ZIP package ``base`` with members replaced (``None``: removed)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(base)) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            if info.filename in replace:
                if replace[info.filename] is not None:
                    zout.writestr(info.filename, replace[info.filename])  # type: ignore[arg-type]
            else:
                zout.writestr(info, zin.read(info.filename))
    return out.getvalue()


def _docx_variants(base: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(base)) as z:
        xml = z.read("word/document.xml")
    return {
        "broken-xml": _zip_with(base, {"word/document.xml": xml[: len(xml) // 2]}),
        "no-document-part": _zip_with(base, {"word/document.xml": None}),
        "no-content-types": _zip_with(base, {"[Content_Types].xml": None}),
        "xml-bomb-entities": _zip_with(base, {"word/document.xml": (
            b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa">'
            + b"".join(b'<!ENTITY %s "%s">' % (bytes([98 + i]), (b"&%s;" % bytes([97 + i])) * 10) for i in range(8))
            + b']><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
            b"<w:body><w:p><w:r><w:t>&i;</w:t></w:r></w:p></w:body></w:document>")}),
        "empty-zip": _empty_zip(),
    }  # fmt: skip


def _empty_zip() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w"):
        pass
    return out.getvalue()


def _binaries(seed_db: Path) -> dict[str, bytes]:
    rng = random.Random(7)
    return {
        "random-bytes": rng.randbytes(64 * 1024),
        "random-bytes-no-nul": bytes(b or 1 for b in rng.randbytes(64 * 1024)),
        "png": b"\x89PNG\r\n\x1a\n" + rng.randbytes(4096),
        "elf": b"\x7fELF\x02\x01\x01" + bytes(9) + rng.randbytes(4096),
        "gzip": b"\x1f\x8b\x08\x00" + rng.randbytes(4096),
        "sqlite-database": seed_db.read_bytes()[:65536],
        "jpeg": b"\xff\xd8\xff\xe0" + rng.randbytes(4096),
        "control-characters": bytes(range(1, 32)) * 200,
        # NULs at every other byte like UTF-16, but no plausible text in either byte order.
        "wasm": b"\x00asm\x01\x00\x00\x00"
        + bytes(b for pair in zip(rng.randbytes(2048), bytes(2048), strict=True) for b in pair),
    }


_A = "凌河区2015年经济数据\n全年实现地区生产总值111.5亿元，同比增长7.6%。\n"
_B = "全年实现社会消费品零售总额50.2亿元，增长8.1%。\n"
MIXED: dict[str, tuple[str, bytes]] = {
    "utf8-then-gbk": (".txt", _A.encode() + _B.encode("gbk")),
    "gbk-then-utf8": (".txt", _A.encode("gbk") + _B.encode()),
    "utf8-then-big5": (".txt", _A.encode() + "全年實現地區生產總值111.5億元".encode("big5")),
    "utf8-bom-then-gbk": (".txt", b"\xef\xbb\xbf" + _A.encode() + _B.encode("gbk")),
    "latin1-then-utf8": (".txt", "café résumé\n".encode("latin-1") + _A.encode()),
    "utf8-then-cp1252": (".txt", _A.encode() + "“quoted” – dash".encode("cp1252")),
    "gbk-one-stray-byte": (".txt", _A.encode("gbk") + b"\xff" + _B.encode("gbk")),
    "utf16-bom-then-utf8": (".txt", _A.encode("utf-16") + _B.encode()),
    # Repaired with certainty (issue 13): read, every fact exact.
    "utf16le-without-bom": (".txt", (_A + _B).encode("utf-16-le")),
    "utf16be-without-bom": (".txt", (_A + _B).encode("utf-16-be")),
    "utf8-stray-nuls": (".txt", _A.encode() + b"\x00" + _B.encode()),
    "utf8-read-as-latin1": (".txt", (_A + _B).encode().decode("latin-1").encode()),
    "html-meta-gbk-mixed": (".html", b'<html><head><meta charset="gbk"></head><body><p>'
                            + _A.encode() + b"</p><p>" + _B.encode("gbk") + b"</p></body></html>"),
    "html-meta-utf8-mixed": (".html", b'<html><head><meta charset="utf-8"></head><body><p>'
                             + _A.encode("gbk") + b"</p><p>" + _B.encode() + b"</p></body></html>"),
    "html-meta-latin1-mixed": (".html", b'<html><head><meta charset="iso-8859-1"></head><body><p>'
                               + _A.encode() + b"</p><p>" + _B.encode("gbk") + b"</p></body></html>"),
}  # fmt: skip


# -- the small formats: one worker for all of them ----------------------------------------------
@pytest.fixture(scope="module")
def small_cases(tmp_path_factory: pytest.TempPathFactory, seeded_db: Path) -> dict[str, Any]:
    """Truncated and corrupt PDF/DOCX, binaries named .txt and mixed encodings, run in one worker.

    Each file is also ingested into its own copy of the seeded database; the snapshots of the
    copies before the run are kept for the comparison.
    """
    folder = tmp_path_factory.mktemp("small")
    pdf = make_pdf(folder / "good.pdf", GOOD_LINES).read_bytes()
    docx = make_docx(folder / "good.docx").read_bytes()
    files: dict[str, tuple[str, bytes]] = {}
    for name, data in _truncations(pdf).items():
        files[f"pdf-truncated-{name}"] = (".pdf", data)
    for name, data in _corruptions(pdf, seed=11).items():
        files[f"pdf-corrupt-{name}"] = (".pdf", data)
    for name, data in HOSTILE_PDFS.items():
        files[f"pdf-hostile-{name}"] = (".pdf", data)
    for name, data in _truncations(docx).items():
        files[f"docx-truncated-{name}"] = (".docx", data)
    for name, data in _corruptions(docx, seed=12).items():
        files[f"docx-corrupt-{name}"] = (".docx", data)
    for name, data in _docx_variants(docx).items():
        files[f"docx-{name}"] = (".docx", data)
    for name, data in _binaries(seeded_db).items():
        files[f"binary-as-txt-{name}"] = (".txt", data)
        files[f"binary-as-md-{name}"] = (".md", data)
    for name, (ext, data) in MIXED.items():
        files[f"mixed-{name}"] = (ext, data)
    cases: dict[str, dict[str, Any]] = {}
    before: dict[str, dict[str, list[str]]] = {}
    seed_snapshot = snapshot(seeded_db)
    for case, (ext, data) in files.items():
        path = folder / f"{case}{ext}"
        path.write_bytes(data)
        db = copy_db(seeded_db, folder / f"{case}.db")
        before[case] = seed_snapshot
        cases[case] = {"path": str(path), "db": str(db)}
    run = _run_worker(cases)
    return {"run": run, "cases": cases, "before": before}


def _small_ids(small: dict[str, Any], prefix: str) -> list[str]:
    return [c for c in small["cases"] if c.startswith(prefix)]


@pytest.mark.parametrize(
    "prefix", ["pdf-truncated", "pdf-corrupt", "pdf-hostile", "docx-truncated", "docx-corrupt", "docx-", "mixed"]
)
def test_broken_documents_end_in_a_clear_error_or_a_correct_result(small_cases: dict[str, Any], prefix: str) -> None:
    ids = _small_ids(small_cases, prefix)
    assert ids
    for case in ids:
        assert_clear_or_correct(case, small_cases["run"]["results"][case])


def test_truncated_documents_are_refused_as_damaged(small_cases: dict[str, Any]) -> None:
    """Cut anywhere before its end, a PDF or DOCX is not silently read as something else."""
    results = small_cases["run"]["results"]
    for fmt, word in (("pdf", "pdf"), ("docx", "docx")):
        for cut in ("2pct", "10pct", "30pct", "50pct", "70pct", "header-only"):
            r = results[f"{fmt}-truncated-{cut}"]
            assert r["outcome"] == "error", f"{fmt} truncated at {cut}: {r}"
            assert word in r["message"].lower()


def test_binary_files_named_as_text_are_refused(small_cases: dict[str, Any]) -> None:
    results = small_cases["run"]["results"]
    ids = _small_ids(small_cases, "binary-as-")
    assert len(ids) >= 18
    for case in ids:
        assert_clear_or_correct(case, results[case], must_fail=True)
    assert "not a text file" in results["binary-as-txt-png"]["message"]
    assert "binary" in results["binary-as-txt-random-bytes"]["message"]


def test_mixed_encodings_are_never_decoded_into_garbage_facts(small_cases: dict[str, Any]) -> None:
    """A file mixing encodings is refused, or read with every fact exact — never a crash."""
    results = small_cases["run"]["results"]
    for case in _small_ids(small_cases, "mixed-"):
        r = results[case]
        assert_clear_or_correct(case, r)
        if r["outcome"] == "ok":  # whatever was read, no mojibake of the numbers themselves
            assert all(v in (111.5, 7.6, 50.2, 8.1) for v in r["values"]), (case, r["values"])


def test_repairable_encodings_are_read_with_every_fact(small_cases: dict[str, Any]) -> None:
    """UTF-16 without a BOM, stray NULs, Latin-1 mojibake: repaired, not refused as binary (issue 13)."""
    results = small_cases["run"]["results"]
    for case in ("utf16le-without-bom", "utf16be-without-bom", "utf8-stray-nuls", "utf8-read-as-latin1"):
        r = results[f"mixed-{case}"]
        assert r["outcome"] == "ok", (case, r)
        assert sorted(r["values"]) == [7.6, 8.1, 50.2, 111.5], (case, r["values"])


def test_small_broken_inputs_use_bounded_memory(small_cases: dict[str, Any]) -> None:
    run = small_cases["run"]
    assert len(run["results"]) >= 70
    assert run["growth_mb"] < SMALL_INPUT_MB, f"peak RSS grew by {run['growth_mb']:.0f} MB"


def test_refused_files_leave_the_database_unchanged(small_cases: dict[str, Any]) -> None:
    refused = 0
    for case, spec in small_cases["cases"].items():
        r = small_cases["run"]["results"][case]
        if r["outcome"] == "error":
            refused += 1
            [ingest] = r["ingest"]
            assert ingest["status"] == "failed", (case, ingest)
            assert r["message"] in ingest["message"], (case, ingest)
            assert_same_db(small_cases["before"][case], snapshot(Path(spec["db"])))
    assert refused >= 50


def test_an_accepted_file_does_change_the_snapshot(seeded_db: Path, tmp_path: Path) -> None:
    """The snapshot comparison can see a change (else 'unchanged' above would prove nothing)."""
    from planwatch.store import Store

    db = copy_db(seeded_db, tmp_path / "copy.db")
    before = snapshot(db)
    good = tmp_path / "good.txt"
    good.write_text(GOOD_TEXT, encoding="utf-8")
    with Store(db) as store:
        assert store.ingest([good]).ok
    after = snapshot(db)
    assert before["documents"] != after["documents"] and before["facts"] != after["facts"]


def test_cli_ingest_of_refused_files_exits_2_and_changes_nothing(seeded_db: Path, tmp_path: Path) -> None:
    """``planwatch ingest`` with a good file and refused ones: the good one added, nothing else."""
    db = copy_db(seeded_db, tmp_path / "cli.db")
    bad_pdf = tmp_path / "broken.pdf"
    bad_pdf.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 4)
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    before = snapshot(db)
    result = run_planwatch("ingest", str(bad_pdf), str(binary), "--db", str(db), "-q")
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    for name in ("broken.pdf", "image.txt"):  # one line each, saying which file and why
        [line] = [line for line in result.stderr.splitlines() if name in line]
        assert line.startswith("planwatch: ") and ("damaged" in line or "not a text file" in line), line
    assert_same_db(before, snapshot(db))


# -- a docx that unpacks to gigabytes ---------------------------------------------------------------
def _docx_bomb(base: bytes, unpacked: int) -> bytes:
    """A valid .docx whose document.xml inflates to ``unpacked`` bytes (a few hundred KB packed)."""
    with zipfile.ZipFile(io.BytesIO(base)) as zin:
        xml = zin.read("word/document.xml").decode()
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
            for info in zin.infolist():
                if info.filename != "word/document.xml":
                    zout.writestr(info, zin.read(info.filename))
                    continue
                i = xml.index("<w:body>") + len("<w:body>")
                block = ("<w:p><w:r><w:t>" + "地" * 1000 + "</w:t></w:r></w:p>").encode() * 100
                with zout.open("word/document.xml", "w", force_zip64=True) as f:
                    f.write(xml[:i].encode())
                    for _ in range(unpacked // len(block)):
                        f.write(block)
                    f.write(xml[i:].encode())
    return out.getvalue()


def test_docx_zip_bomb_is_refused_quickly(tmp_path: Path, seeded_db: Path) -> None:
    bomb = tmp_path / "bomb.docx"
    bomb.write_bytes(_docx_bomb(make_docx(tmp_path / "base.docx").read_bytes(), 400_000_000))
    assert bomb.stat().st_size < MAX_BYTES // 10
    db = copy_db(seeded_db, tmp_path / "bomb.db")
    before = snapshot(db)
    run = _run_worker({"bomb": {"path": str(bomb), "db": str(db)}}, timeout=60)
    r = run["results"]["bomb"]
    assert_clear_or_correct("bomb", r, must_fail=True, words="unpack")
    assert run["growth_mb"] < SMALL_INPUT_MB, f"peak RSS grew by {run['growth_mb']:.0f} MB"
    assert_same_db(before, snapshot(db))


# -- a 100 MB file ----------------------------------------------------------------------------------
HUNDRED_MB = 100 * 1024 * 1024


def _hundred_mb(path: Path) -> Path:
    """A 100 MB file, made at once: sparse (reads as zeros), so creating it costs nothing."""
    with path.open("wb") as f:
        f.write(b"%PDF-1.4\n" if path.suffix == ".pdf" else "地区生产总值".encode())
        f.truncate(HUNDRED_MB)
    return path


@pytest.mark.parametrize("ext", [".txt", ".html", ".pdf", ".docx"])
def test_a_100mb_file_is_refused_by_size_without_being_read(tmp_path: Path, ext: str) -> None:
    path = _hundred_mb(tmp_path / f"huge{ext}")
    tracemalloc.start()
    try:
        with pytest.raises(InputError, match="too large") as info:
            read_file(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert "100.0 MB" in str(info.value) and "\n" not in str(info.value)
    assert peak < 1024 * 1024, f"read_file allocated {peak / 1e6:.1f} MB to refuse a file by its size"


def test_cli_refuses_a_100mb_file_quickly(tmp_path: Path) -> None:
    path = _hundred_mb(tmp_path / "huge.txt")
    run = _run_worker({"huge": {"path": str(path)}}, timeout=30, trace=True)
    r = run["results"]["huge"]
    assert_clear_or_correct("huge", r, must_fail=True, words="too large")
    assert r["seconds"] < 1.0 and r["traced_mb"] < 1, r
    result = run_planwatch("extract", str(path), timeout=30)
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.startswith("planwatch: error: huge.txt is too large (100.0 MB")


def test_ingesting_a_100mb_file_leaves_the_database_unchanged(tmp_path: Path, seeded_db: Path) -> None:
    path = _hundred_mb(tmp_path / "huge.txt")
    db = copy_db(seeded_db, tmp_path / "huge.db")
    before = snapshot(db)
    result = run_planwatch("ingest", str(path), "--db", str(db), "-q", timeout=60)
    assert result.returncode == 2 and "too large" in result.stderr and "Traceback" not in result.stderr
    assert_same_db(before, snapshot(db))


def test_store_ingest_refuses_a_100mb_file_without_reading_it(tmp_path: Path, seeded_db: Path) -> None:
    path = _hundred_mb(tmp_path / "huge.txt")
    db = copy_db(seeded_db, tmp_path / "huge.db")
    run = _run_worker({"huge": {"path": str(path), "db": str(db), "ingest": "always"}}, timeout=60, trace=True)
    r = run["results"]["huge"]
    assert r["ingest"][0]["status"] == "failed"
    assert r["ingest_traced_mb"] < 10, f"ingest allocated {r['ingest_traced_mb']:.0f} MB to refuse a file by its size"


# -- a large legitimate text: memory proportional to the text --------------------------------------
def test_a_large_gbk_text_is_decoded_in_bounded_memory(tmp_path: Path) -> None:
    """8 MB of GBK: the encoding checks must not hold one object per character (was ~40× the file)."""
    line = "全年实现地区生产总值111.5亿元，同比增长7.6%。主要经济指标保持平稳增长，结构持续优化。\n"
    data = (line * (8_000_000 // len(line.encode("gbk")))).encode("gbk")
    path = tmp_path / "big.txt"
    path.write_bytes(data)
    run = _run_worker({"big": {"path": str(path)}}, mode="read", timeout=60)
    r = run["results"]["big"]
    assert r["outcome"] == "ok" and r["text_head"].startswith("全年实现地区生产总值"), r
    assert run["growth_mb"] < 12 * len(data) / 1e6, f"peak RSS grew by {run['growth_mb']:.0f} MB for 8 MB"


# -- deeply nested HTML ----------------------------------------------------------------------------
def _nested(open_tag: str, close_tag: str, depth: int, inner: str = "全年实现地区生产总值111.5亿元。") -> str:
    return (
        "<html><head><title>凌河区2015年经济数据</title></head><body><p>凌河区2015年经济数据</p>"
        + open_tag * depth
        + inner
        + close_tag * depth
        + "</body></html>"
    )


NESTED_HTML: dict[str, str] = {
    "div-100k": _nested("<div>", "</div>", 100_000),
    "unclosed-div-100k": _nested("<div>", "", 100_000),
    "tables-20k": _nested("<table><tr><td>", "</td></tr></table>", 20_000),
    "bold-in-cell-100k": "<html><body><p>凌河区2015年经济数据</p><table><tr><th>指标</th><th>2015年</th></tr>"
    "<tr><td>地区生产总值（亿元）</td><td>" + "<b>" * 100_000 + "111.5" + "</b>" * 100_000 + "</td></tr></table>"
    "</body></html>",
    "comments-100k": "<html><body><p>凌河区2015年经济数据</p>" + "<!--<div>-->" * 100_000
    + "<p>全年实现地区生产总值111.5亿元。</p></body></html>",
}  # fmt: skip


def test_deeply_nested_html_ends_in_a_clear_error_or_the_text(tmp_path: Path, seeded_db: Path) -> None:
    cases: dict[str, dict[str, Any]] = {}
    befores: dict[str, dict[str, list[str]]] = {}
    for name, html in NESTED_HTML.items():
        path = tmp_path / f"{name}.html"
        path.write_text(html, encoding="utf-8")
        db = copy_db(seeded_db, tmp_path / f"{name}.db")
        befores[name] = snapshot(db)
        cases[name] = {"path": str(path), "db": str(db)}
    run = _run_worker(cases)
    for name, r in run["results"].items():
        assert_clear_or_correct(name, r, words="nested")
        if r["outcome"] == "ok":
            assert "111.5" in r["text_head"], f"{name}: the deepest text was lost: {r['text_head']!r}"
            if name != "bold-in-cell-100k":  # a 700 KB cell is read as text, not as a data table
                assert 111.5 in r["values"], f"{name}: no fact from {r['text_head']!r}"
        else:
            assert_same_db(befores[name], snapshot(Path(cases[name]["db"])))
    assert run["growth_mb"] < LARGE_INPUT_MB, f"peak RSS grew by {run['growth_mb']:.0f} MB"


# -- 10^5 numbers on one line ----------------------------------------------------------------------
def test_100k_numbers_on_one_line(tmp_path: Path) -> None:
    """10^5 numbers on one line, between the separators Chinese text uses (spaces: see below)."""
    rng = random.Random(3)
    parts = []
    for _ in range(100_000):
        parts.append(str(rng.randint(1, 99_999)) + rng.choice([",", "、", "，", "；", "。"]))
    path = tmp_path / "numbers.txt"
    path.write_text("凌河区2015年经济数据\n主要数据：" + "".join(parts) + "\n", encoding="utf-8")
    run = _run_worker({"numbers": {"path": str(path)}}, timeout=60)
    r = run["results"]["numbers"]
    assert r["outcome"] == "ok", r
    assert_clear_or_correct("numbers", r)
    assert run["growth_mb"] < LARGE_INPUT_MB, f"peak RSS grew by {run['growth_mb']:.0f} MB"


def test_100k_space_separated_numbers_on_one_line(tmp_path: Path) -> None:
    rng = random.Random(4)
    path = tmp_path / "spaces.txt"
    path.write_text(" ".join(str(rng.randint(1, 999)) for _ in range(100_000)) + "\n", encoding="utf-8")
    run = _run_worker({"spaces": {"path": str(path)}}, timeout=5)
    assert_clear_or_correct("spaces", run["results"]["spaces"])


# -- a table with 10^4 columns ---------------------------------------------------------------------
COLS = 10_000


def _wide_rows() -> tuple[list[str], list[list[str]]]:
    header = ["指标"] + [f"{2000 + i % 25}年" for i in range(COLS - 1)]
    rows = [
        ["地区生产总值（亿元）"] + [f"{i}.5" for i in range(COLS - 1)],
        ["常住人口（万人）"] + [str(i % 90 + 10) for i in range(COLS - 1)],
    ]
    return header, rows


def _wide_markdown() -> str:
    header, rows = _wide_rows()
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join([" --- "] * COLS) + "|"]
    lines += ["| " + " | ".join(r) + " |" for r in rows]
    return "凌河区十四五规划纲要\n\n" + "\n".join(lines) + "\n"


def _wide_html_table() -> str:
    header, rows = _wide_rows()
    head = "<tr>" + "".join(f"<th>{h}</th>" for h in header) + "</tr>"
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in rows)
    return f"<table>{head}{body}</table>"


def _wide_docx(path: Path) -> Path:
    import docx
    from docx.table import _Cell

    document = docx.Document()
    document.add_paragraph("凌河区十四五规划纲要")
    header, rows = _wide_rows()
    table = document.add_table(rows=3, cols=COLS)
    for tr, values in zip(table._tbl.tr_lst, [header, *rows], strict=True):
        for tc, value in zip(tr.tc_lst, values, strict=True):
            _Cell(tc, table).text = value
    document.save(str(path))
    return path


def test_a_table_with_10k_columns(tmp_path: Path) -> None:
    """Markdown, HTML (rendered by the reader), raw HTML in text (the table extractor's own HTML
    parser) and Word: every cell's number becomes a fact with an exact span."""
    files = {
        "markdown": tmp_path / "wide.md",
        "html": tmp_path / "wide.html",
        "html-in-text": tmp_path / "wide_raw.md",
        "docx": _wide_docx(tmp_path / "wide.docx"),
    }
    files["markdown"].write_text(_wide_markdown(), encoding="utf-8")
    page = f"<html><body><p>凌河区十四五规划纲要</p>{_wide_html_table()}</body></html>"
    files["html"].write_text(page, encoding="utf-8")
    files["html-in-text"].write_text("凌河区十四五规划纲要\n\n" + _wide_html_table() + "\n", encoding="utf-8")
    run = _run_worker({k: {"path": str(p)} for k, p in files.items()})
    for name, r in run["results"].items():
        assert r["outcome"] == "ok", (name, r)
        assert_clear_or_correct(name, r)
        assert r["facts"] >= COLS - 1, f"{name}: only {r['facts']} facts from a {COLS}-column table"
    assert run["growth_mb"] < LARGE_INPUT_MB, f"peak RSS grew by {run['growth_mb']:.0f} MB"


# -- the worker itself ------------------------------------------------------------------------------
def test_the_worker_sees_results_errors_and_hangs(tmp_path: Path) -> None:
    """The harness cannot pass by accident: a good file is 'ok' with its facts, a FIFO (which
    would block a reader forever) is refused, and a worker over its time is reported."""
    good = tmp_path / "good.txt"
    good.write_text(GOOD_TEXT, encoding="utf-8")
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    results = _run_worker({"good": {"path": str(good)}, "fifo": {"path": str(fifo)}})["results"]
    assert results["good"]["outcome"] == "ok" and results["good"]["facts"] >= 2 and results["good"]["bad"] == []
    assert results["fifo"]["outcome"] == "error" and "not a regular file" in results["fifo"]["message"]
    with pytest.raises(AssertionError, match="not finished within"):
        _run_worker({"good": {"path": str(good)}}, timeout=0.05)
