"""The store: schema and migrations, idempotent ingest, versions, bad files, crash safety."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import REPO, SAMPLE_FILES, run_planwatch
from test_store_helpers import F, make_doc

from planwatch.store import Store, StoreError
from planwatch.store.backend import parse_url
from planwatch.store.core import FAULT_PAUSE_ENV
from planwatch.store.schema import LATEST_VERSION, MIGRATIONS


# -- schema ---------------------------------------------------------------------------------
def test_migrations_are_recorded_and_applied_once(tmp_path: Path) -> None:
    db = tmp_path / "pw.db"
    Store(db).close()
    Store(db).close()
    con = sqlite3.connect(db)
    versions = [r[0] for r in con.execute("SELECT version FROM schema_version ORDER BY version")]
    assert versions == [m.version for m in MIGRATIONS] == list(range(1, LATEST_VERSION + 1))
    tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"documents", "segments", "facts", "indicators", "regions", "corrections", "audit_log"} <= tables


def test_a_newer_database_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "pw.db"
    Store(db).close()
    con = sqlite3.connect(db)
    con.execute("INSERT INTO schema_version VALUES (999, 'future', 'now')")
    con.commit()
    with pytest.raises(StoreError, match="newer"):
        Store(db)


def test_database_urls() -> None:
    assert parse_url("sqlite:///x/pw.db") == ("sqlite", "x/pw.db")
    assert parse_url("sqlite:////abs/pw.db") == ("sqlite", "/abs/pw.db")
    assert parse_url(":memory:") == ("sqlite", ":memory:")
    assert parse_url("pw.db") == ("sqlite", "pw.db")
    assert parse_url("postgresql://u:p@localhost:5433/pw") == ("postgresql", "postgresql://u:p@localhost:5433/pw")
    assert parse_url("postgres://localhost/pw") == ("postgresql", "postgresql://localhost/pw")
    assert parse_url("postgresql+psycopg://localhost/pw") == ("postgresql", "postgresql://localhost/pw")
    with pytest.raises(StoreError, match="scheme"):
        parse_url("mysql://localhost/pw")


def test_default_database_path_is_printed(tmp_path: Path) -> None:
    doc = tmp_path / "a.txt"
    shutil.copy(SAMPLE_FILES[0], doc)
    db = tmp_path / "default.db"
    result = run_planwatch("ingest", str(doc), env={"PLANWATCH_DB": str(db)})
    assert result.returncode == 0, result.stderr
    assert f"database {db}" in result.stderr
    assert db.exists()


# -- ingest ---------------------------------------------------------------------------------
def _copy_samples(folder: Path, n: int | None = None) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for src in SAMPLE_FILES[:n]:
        dst = folder / src.name
        shutil.copy(src, dst)
        out.append(dst)
    return out


def test_regions_and_indicators_are_resolved(tmp_path: Path) -> None:
    store = Store(":memory:")
    store.ingest_document(make_doc("a.txt", "锦州市", 2014, [
        F("111.5亿元", "地区生产总值", 111.5, "亿元", region="凌河区"),
        F("30亿元", "地区生产总值", 30, "亿元", region="锦州"),
        F("86万人", "常住人口", 86, "万人", region="锦州市四县(市)"),
        F("3个", "星级农家乐", 3, "个"),
    ]), doc_key="a.txt")  # fmt: skip
    rows = {r["text"]: r for r in store.facts()}
    assert (rows["111.5亿元"]["region_id"], rows["111.5亿元"]["region_parent_id"]) == ("210703", "210700")
    assert rows["30亿元"]["region_id"] == "210700"  # 锦州 = 锦州市
    assert (rows["86万人"]["region"], rows["86万人"]["region_id"], rows["86万人"]["region_parent_id"]) == (
        "锦州市四县(市)",
        None,
        "210700",
    )
    assert rows["111.5亿元"]["indicator_id"] == "gdp"
    assert (rows["3个"]["indicator"], rows["3个"]["indicator_id"]) == ("星级农家乐", None)
    regions = {r["code"]: r for r in store.db.query("SELECT * FROM regions")}
    assert regions["210703"]["parent_code"] == "210700"  # 凌河区 → 锦州市 → 辽宁省
    assert regions["210700"]["parent_code"] == "210000"
    assert regions["210000"]["level"] == "province"
    assert store.db.query("SELECT COUNT(*) AS n FROM indicators")[0]["n"] == len(store.taxonomy)


def test_idempotent_and_versioned(tmp_path: Path) -> None:
    docs = _copy_samples(tmp_path / "docs", 2)
    store = Store(tmp_path / "pw.db")
    first = store.ingest([tmp_path / "docs"])
    assert [r.status for r in first.results] == ["added", "added"]
    n = store.stats()["facts"]
    again = store.ingest([tmp_path / "docs"])
    assert [r.status for r in again.results] == ["unchanged", "unchanged"]
    assert store.stats()["facts"] == n
    # the same content under another path changes nothing either
    dup = tmp_path / "copy.txt"
    shutil.copy(docs[0], dup)
    assert store.ingest([dup]).results[0].status == "duplicate"
    # a changed file becomes version 2; version 1 and its facts stay, not current
    with docs[0].open("a", encoding="utf-8") as f:
        f.write("\n全年实现地区生产总值120亿元，增长8%。\n")
    changed = store.ingest([docs[0]]).results[0]
    assert (changed.status, changed.version) == ("updated", 2)
    versions = store.documents(current=False)
    first_doc = [d for d in versions if d["name"] == docs[0].name]
    assert [(d["version"], d["is_current"]) for d in first_doc] == [(1, 0), (2, 1)]
    assert first_doc[0]["superseded_by"] == first_doc[1]["id"]
    stats = store.stats()
    assert stats["all_facts"] == n + changed.n_facts
    assert stats["facts"] == n - first.results[0].n_facts + changed.n_facts
    old = store.db.query("SELECT COUNT(*) AS n FROM facts WHERE document_id = ? AND is_current = 0",
                         (first_doc[0]["id"],))[0]["n"]  # fmt: skip
    assert old == first.results[0].n_facts
    log = store.history()
    assert {"ingest", "new_version"} <= {e["action"] for e in log}
    # --reextract runs the extractor again on stored content: a new version, same facts
    re = store.ingest([docs[1]], reextract=True).results[0]
    assert (re.status, re.version, re.n_facts) == ("updated", 2, first.results[1].n_facts)


def test_bad_files_are_reported_and_skipped(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    good = _copy_samples(folder, 1)[0]
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(b"%PDF-1.4\x00\x01\x02" * 50)
    (folder / "notes.csv").write_text("a,b\n")  # not a supported type: not taken from a folder
    db = tmp_path / "pw.db"
    result = run_planwatch("ingest", str(folder), str(tmp_path / "missing.txt"), "--db", str(db))
    assert result.returncode == 2
    errors = [line for line in result.stderr.splitlines() if "error:" in line]
    assert len(errors) == 3, result.stderr
    assert all(line.startswith("planwatch: error: ") for line in errors)
    assert "Traceback" not in result.stderr
    assert "empty.txt" in result.stderr and "binary.txt" in result.stderr and "missing.txt" in result.stderr
    store = Store(db)
    assert [d["name"] for d in store.documents()] == [good.name]
    assert "3 failed" in result.stderr and "1 added" in result.stderr


def test_a_failure_inside_the_transaction_leaves_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    store = Store(":memory:")
    doc = make_doc("a.txt", "锦州市", 2014, [F("111.5亿元", "地区生产总值", 111.5, "亿元")])

    def boom(*_a: object) -> tuple[int, int]:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(store, "_reapply", boom)
    with pytest.raises(RuntimeError):
        store.ingest_document(doc, doc_key="a.txt")
    assert store.stats()["versions"] == 0 and store.stats()["all_facts"] == 0
    monkeypatch.undo()
    assert store.ingest_document(doc, doc_key="a.txt").status == "added"


def _consistent(db: Path) -> dict[str, int]:
    """Integrity check and every stored document complete: returns counts."""
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    for doc_id, n_facts in con.execute("SELECT id, n_facts FROM documents"):
        stored = con.execute("SELECT COUNT(*) FROM facts WHERE document_id = ?", (doc_id,)).fetchone()[0]
        assert stored == n_facts
    orphans = con.execute("SELECT COUNT(*) FROM facts WHERE document_id NOT IN (SELECT id FROM documents)")
    assert orphans.fetchone()[0] == 0
    counts = {
        "documents": con.execute("SELECT COUNT(*) FROM documents").fetchone()[0],
        "facts": con.execute("SELECT COUNT(*) FROM facts").fetchone()[0],
    }
    con.close()
    return counts


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_killed_ingest_leaves_a_consistent_database(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    _copy_samples(folder, 3)
    db = tmp_path / "pw.db"
    env = {k: v for k, v in os.environ.items() if k != "PLANWATCH_DEBUG"}
    env[FAULT_PAUSE_ENV] = "0.5"
    proc = subprocess.Popen(
        [sys.executable, "-m", "planwatch", "ingest", str(folder), "--db", str(db), "-q"],
        stderr=subprocess.PIPE, text=True, encoding="utf-8", env=env, cwd=REPO,
    )  # fmt: skip
    assert proc.stderr is not None
    pauses = 0
    deadline = time.monotonic() + 60
    while pauses < 2 and time.monotonic() < deadline:
        line = proc.stderr.readline()
        if not line:
            break
        pauses += "pausing before commit" in line
    assert pauses == 2, "the ingest never reached its second document"
    proc.send_signal(signal.SIGKILL)  # in the middle of the second document's transaction
    proc.wait(timeout=30)
    after_kill = _consistent(db)
    assert after_kill["documents"] == 1
    # the re-run completes the job, and the result is what a clean ingest gives
    rerun = run_planwatch("ingest", str(folder), "--db", str(db))
    assert rerun.returncode == 0, rerun.stderr
    assert "1 unchanged" in rerun.stderr and "2 added" in rerun.stderr
    clean = tmp_path / "clean.db"
    assert run_planwatch("ingest", str(folder), "--db", str(clean)).returncode == 0
    assert _consistent(db) == _consistent(clean)
