"""Concurrency: readers during an ingest (SQLite WAL), concurrent ingests into PostgreSQL, and
``--workers`` extraction that stores exactly what one process stores, in bounded memory.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import REPO, SAMPLE_FILES
from store_checks import canonical, clean_env, consistent, ingest_command, start

from planwatch.store import Store
from planwatch.store.core import FAULT_PAUSE_ENV, PendingFile, iter_files

SMALL_DOC = "凌河区2015年经济数据\n全年，实现地区生产总值 120.5 亿元，同比增长 6.1%。\n"


def _copy(folder: Path, files: list[Path]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for src in files:
        shutil.copy(src, folder / src.name)
    return folder


# -- SQLite: the dashboard keeps serving while an ingest writes ---------------------------------
READER = r"""
import json, sys, time
from pathlib import Path
from planwatch import monitor
from planwatch.store import Store
db, stop = sys.argv[1], Path(sys.argv[2])
store = Store(db)
ok, errors, seen = 0, [], []
deadline = time.monotonic() + 60
while not stop.exists() and time.monotonic() < deadline:
    try:
        # a new connection each round too, as every CLI command opens one
        fresh = Store(db, taxonomy=store.taxonomy, gazetteer=store.gazetteer)
        monitor.series(fresh, "地区生产总值", region="锦州市")
        monitor.targets(fresh, region="锦州市")
        fresh.close()
        monitor.series(store, "地区生产总值", region="锦州市")
        monitor.targets(store, region="锦州市", plan="十四五")
        docs = store.db.query(
            "SELECT d.n_facts AS n, (SELECT COUNT(*) FROM facts f WHERE f.document_id = d.id) AS stored "
            "FROM documents d"
        )
        if any(d["n"] != d["stored"] for d in docs):
            errors.append("saw a half-written document")
        seen.append(len(docs))
        ok += 1
    except Exception as e:
        errors.append(f"{type(e).__name__}: {e}")
print(json.dumps({"ok": ok, "errors": errors[:5], "n_errors": len(errors), "seen": sorted(set(seen))}))
"""


URLS = ("/api/stats", "/api/targets?region=锦州市&plan=十四五", "/api/series?indicator=gdp&region=锦州市")


def test_readers_keep_answering_while_an_ingest_writes(tmp_path: Path) -> None:
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient

    from planwatch.web import create_app

    folder = _copy(tmp_path / "docs", SAMPLE_FILES)
    db = str(tmp_path / "pw.db")
    with Store(db) as store:
        assert store.ingest([folder / SAMPLE_FILES[-1].name]).ok  # the dashboard has something to show
    stop = tmp_path / "stop"
    reader = subprocess.Popen(
        [sys.executable, "-c", READER, db, str(stop)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env=clean_env(), cwd=REPO,
    )  # fmt: skip
    time.sleep(1.0)  # the reader is up
    # every document's transaction stays open (holding SQLite's write lock) for 0.3 s
    ingest = start(ingest_command(folder, db), clean_env(**{FAULT_PAUSE_ENV: "0.3"}))
    statuses: list[int] = []
    documents: list[int] = []
    with TestClient(create_app(db, token="t")) as web:
        while ingest.poll() is None:
            for url in URLS:
                r = web.get(url)
                statuses.append(r.status_code)
                if url == "/api/stats" and r.status_code == 200:
                    documents.append(r.json()["documents"])
            time.sleep(0.02)
    _, err = ingest.communicate(timeout=60)
    stop.touch()
    out, reader_err = reader.communicate(timeout=60)
    assert ingest.returncode == 0, err
    assert reader.returncode == 0, reader_err
    report = json.loads(out)
    assert report["n_errors"] == 0, report["errors"]  # never "database is locked", never half a document
    assert report["ok"] >= 5 and len(report["seen"]) >= 2  # it read while documents were being added
    assert statuses and set(statuses) == {200}
    assert documents == sorted(documents) and documents[0] < len(SAMPLE_FILES)  # served during the ingest
    assert consistent(db)["documents"] == len(SAMPLE_FILES)


# -- PostgreSQL: two ingests of overlapping folders at once -------------------------------------
def _summary_counts(stderr: str) -> dict[str, int]:
    line = next(x for x in stderr.splitlines() if " files, " in x or " file, " in x)
    return {status: int(n) for n, status in re.findall(r"(\d+) (added|updated|unchanged|duplicate|failed)", line)}


def test_two_concurrent_ingests_into_postgresql_store_each_document_once(tmp_path: Path, pg_server: str) -> None:
    from pg_server import fresh_schema

    shared = _copy(tmp_path / "shared", SAMPLE_FILES[:3])
    a = _copy(tmp_path / "a", SAMPLE_FILES[3:4])
    b = _copy(tmp_path / "b", SAMPLE_FILES[4:5])
    (a / "dup.txt").write_text(SMALL_DOC, encoding="utf-8")  # the same content under two paths
    (b / "dup.txt").write_text(SMALL_DOC, encoding="utf-8")
    with fresh_schema(pg_server) as concurrent, fresh_schema(pg_server) as clean:
        env = clean_env(**{FAULT_PAUSE_ENV: "0.15"})  # long transactions: the two ingests collide
        cmd1 = [sys.executable, "-m", "planwatch", "ingest", str(shared), str(a), "--db", concurrent, "--workers", "2"]
        cmd2 = [sys.executable, "-m", "planwatch", "ingest", str(shared), str(b), "--db", concurrent]
        p1, p2 = start(cmd1, env), start(cmd2, env)
        (_, err1), (_, err2) = p1.communicate(timeout=120), p2.communicate(timeout=120)
        assert p1.returncode == 0, err1
        assert p2.returncode == 0, err2
        c1, c2 = _summary_counts(err1), _summary_counts(err2)
        # each of the 6 distinct contents was added by exactly one of them; the rest was found stored
        assert c1.get("added", 0) + c2.get("added", 0) == 6, (err1, err2)
        assert c1.get("unchanged", 0) + c2.get("unchanged", 0) == 3  # the shared folder, by the slower one
        assert c1.get("duplicate", 0) + c2.get("duplicate", 0) == 1  # dup.txt, by whichever came second

        result = subprocess.run(
            ingest_command(shared, clean) + [str(a), str(b)], capture_output=True, text=True, env=clean_env()
        )
        assert result.returncode == 0, result.stderr
        consistent(concurrent)
        got, want = canonical(concurrent), canonical(clean)

        def without_dup(content: dict[str, object]) -> dict[str, object]:
            def keep(row: object) -> bool:
                return not any(isinstance(v, str) and v.endswith("dup.txt") for v in row)  # type: ignore[union-attr]

            return {k: sorted(filter(keep, v)) if k != "project_partition" else v for k, v in content.items()}  # type: ignore[call-overload]

        assert without_dup(got) == without_dup(want)  # no duplicate, no loss
        dup_docs = [d for d in got["documents"] if any(isinstance(v, str) and v.endswith("dup.txt") for v in d)]
        assert len(dup_docs) == 1  # stored under one of its two paths, once


# -- --workers ---------------------------------------------------------------------------------
def test_workers_store_exactly_what_one_process_stores(tmp_path: Path) -> None:
    folder = _copy(tmp_path / "docs", SAMPLE_FILES)
    shutil.copy(SAMPLE_FILES[0], folder / "zz_copy.txt")  # a duplicate
    (folder / "bad.txt").write_bytes(b"%PDF-1.4\x00\x01\x02" * 50)  # a failure
    one, two = tmp_path / "one.db", tmp_path / "two.db"
    with Store(one) as s1, Store(two) as s2:
        r1 = s1.ingest([folder])
        r2 = s2.ingest([folder], workers=2)
        statuses = [(r.path, r.status, r.n_facts, r.message) for r in r1.results]
        assert statuses == [(r.path, r.status, r.n_facts, r.message) for r in r2.results]
        assert {s for _, s, _, _ in statuses} == {"added", "duplicate", "failed"}
        assert r1.summary().split(" in ")[0] == r2.summary().split(" in ")[0]
        again = s2.ingest([folder], workers=2)  # nothing to extract: answered by the writer alone
        assert again.count("unchanged") == len(SAMPLE_FILES)
    assert canonical(str(one)) == canonical(str(two))


def test_parallel_ingest_keeps_a_bounded_number_of_documents_in_flight(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    for i in range(14):
        src = SAMPLE_FILES[i % 2]  # the two smallest-looking files, made distinct
        (folder / f"{i:02d}.txt").write_text(src.read_text(encoding="utf-8") + f"\n第{i}份。\n", encoding="utf-8")
    store = Store(tmp_path / "pw.db")
    outstanding = peak = 0
    prepare, write = store.prepare_file, store.store_extracted

    def counting_prepare(*a: object, **k: object) -> object:
        nonlocal outstanding, peak
        result = prepare(*a, **k)  # type: ignore[arg-type]
        if isinstance(result, PendingFile):
            outstanding += 1
            peak = max(peak, outstanding)
        return result

    def counting_write(*a: object, **k: object) -> object:
        nonlocal outstanding
        outstanding -= 1
        return write(*a, **k)  # type: ignore[arg-type]

    monkeypatch.setattr(store, "prepare_file", counting_prepare)
    monkeypatch.setattr(store, "store_extracted", counting_write)
    report = store.ingest([folder], workers=2, keep_results=False)
    assert report.count("added") == 14 and report.results == []
    assert 2 <= peak <= 4  # 2 per worker, however many files
    store.close()


def test_iter_files_streams_sorted_files_once(tmp_path: Path) -> None:
    root = tmp_path / "r"
    names = ("b.txt", "a/z.txt", "a/y.md", "a.txt", "a/.hidden/x.txt", ".h.txt", "c/notes.csv", "c/d/e.html", "c/d.pdf")
    for rel in names:
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x", encoding="utf-8")
    (root / "link").symlink_to(root / "c", target_is_directory=True)  # not followed, as rglob does not
    expected = sorted(
        p for p in root.rglob("*") if p.is_file() and p.suffix in (".txt", ".md", ".html", ".pdf")
        and not any(part.startswith(".") for part in p.relative_to(root).parts)
    )  # fmt: skip
    files = iter_files([root])
    assert not isinstance(files, list)
    assert list(files) == expected
    # overlapping paths give each file once: a file then its folder, a folder then its parent
    got = list(iter_files([root / "b.txt", root / "c", root, root / "a" / "z.txt", root / "missing.txt"]))
    assert got[:2] == [root / "b.txt", root / "c" / "d" / "e.html"]
    assert sorted(got[:-1]) == sorted(expected)
    assert len(got) == len(expected) + 1 and got[-1] == root / "missing.txt"
    # a hidden file inside a walked folder, named explicitly, is taken
    assert list(iter_files([root, root / "a" / ".hidden" / "x.txt"]))[-1] == root / "a" / ".hidden" / "x.txt"
