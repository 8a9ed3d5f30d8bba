"""Checks shared by the crash, concurrency and backend tests: is a database consistent, and
does it hold exactly what another one holds?

``consistent`` is what must hold after any crash: every stored document complete, no row
without its document, one current version per path, one audit entry per stored version.
``canonical`` is a database's content without what legitimately differs between two runs that
store the same documents (row ids, timestamps, the order projects were created in), so two
databases can be compared with ``==`` — a clean ingest against one that was killed and resumed,
or one fed by two concurrent ingests.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from conftest import REPO

from planwatch.store.backend import Backend, open_backend

#: Columns that are row ids, or times, or that refer to rows by id: they differ between runs.
VOLATILE = frozenset({
    "id", "document_id", "project_id", "fact_id", "investment_fact_id", "mention_id", "superseded_by",
    "merged_into", "ingested_at", "created_at", "at", "applied_at",
})  # fmt: skip
#: Tables whose rows belong to one document version (compared by doc_key, version, then columns).
PER_DOCUMENT = ("facts", "segments", "project_mentions", "project_counts")


def _tables(db: Backend) -> set[str]:
    return set(db.tables())


def consistent(url: str) -> dict[str, int]:
    """Assert the invariants a crash must not break; return row counts."""
    db = open_backend(url)
    try:
        tables = _tables(db)
        if "documents" not in tables:  # killed before the first migration committed
            return {"documents": 0, "facts": 0}
        if db.dialect == "sqlite":
            assert db.query("PRAGMA integrity_check")[0]["integrity_check"] == "ok"
            assert db.query("PRAGMA foreign_key_check") == []
        docs = db.query("SELECT id, doc_key, version, n_facts, is_current FROM documents ORDER BY id")
        ids = {d["id"] for d in docs}
        counted = db.query("SELECT document_id, COUNT(*) AS n FROM facts GROUP BY document_id")
        stored = {r["document_id"]: r["n"] for r in counted}
        for d in docs:
            assert stored.get(d["id"], 0) == d["n_facts"], f"document {d['id']} is incomplete"
        for table in PER_DOCUMENT:
            if table in tables:
                refs = {r["document_id"] for r in db.query(f"SELECT DISTINCT document_id FROM {table}")}
                assert refs <= ids, f"{table} rows without their document"
        by_key: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for d in docs:
            by_key[d["doc_key"]].append(d)
        for key, versions in by_key.items():
            assert sum(v["is_current"] for v in versions) == 1, f"{key}: not exactly one current version"
            assert sorted(v["version"] for v in versions) == list(range(1, len(versions) + 1))
        audited = Counter(
            r["object_id"]
            for r in db.query(
                "SELECT object_id FROM audit_log WHERE object = 'document' AND action IN ('ingest', 'new_version')"
            )
        )
        assert audited == Counter(str(d["id"]) for d in docs), "audit entries do not match the stored versions"
        return {"documents": len(docs), "facts": sum(stored.values())}
    finally:
        db.close()


def canonical(url: str) -> dict[str, Any]:
    """The content of a database, comparable across runs (see the module docstring)."""
    db = open_backend(url)
    try:
        tables = _tables(db)
        out: dict[str, Any] = {}
        doc_cols = [c for c in db.columns("documents") if c not in VOLATILE]
        out["documents"] = sorted(tuple(r.values()) for r in db.query(f"SELECT {', '.join(doc_cols)} FROM documents"))
        for table in PER_DOCUMENT:
            if table not in tables:
                continue
            cols = [c for c in db.columns(table) if c not in VOLATILE]
            rows = db.query(
                f"SELECT d.doc_key AS _k, d.version AS _v, {', '.join('t.' + c for c in cols)} "
                f"FROM {table} t JOIN documents d ON d.id = t.document_id"
            )
            out[table] = sorted((tuple(r.values()) for r in rows), key=repr)
        out["regions"] = sorted(tuple(r.values()) for r in db.query("SELECT * FROM regions"))
        out["corrections"] = sorted(
            tuple(r.values())
            for r in db.query(
                "SELECT doc_key, fact_key, loose_key, action, changes, before, after, by, note FROM corrections"
            )
        )
        if "project_mentions" in tables:
            groups: dict[Any, set[tuple[Any, ...]]] = defaultdict(set)
            for r in db.query(
                "SELECT m.project_id AS p, d.doc_key AS k, d.version AS v, m.seq AS s FROM project_mentions m "
                "JOIN documents d ON d.id = m.document_id WHERE m.project_id IS NOT NULL"
            ):
                groups[r["p"]].add((r["k"], r["v"], r["s"]))
            out["project_partition"] = sorted(sorted(g) for g in groups.values())
        return out
    finally:
        db.close()


def ingest_command(folder: Path | str, db: str, *extra: str) -> list[str]:
    return [sys.executable, "-m", "planwatch", "ingest", str(folder), "--db", db, "-q", *extra]


def clean_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PLANWATCH_DEBUG"}
    env.update(extra)
    return env


def start(cmd: list[str], env: dict[str, str]) -> subprocess.Popen[str]:
    """A command in its own process group, so that a kill reaches its worker processes too."""
    return subprocess.Popen(
        cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8", env=env, cwd=REPO,
        start_new_session=True,
    )  # fmt: skip


def kill_group(proc: subprocess.Popen[str]) -> None:
    """SIGKILL the process and everything it started; wait until the leader is gone."""
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    proc.communicate(timeout=30)


def wait_gone(pgid: int, timeout: float = 10) -> None:
    """Wait until no process of group ``pgid`` is left (killed workers are reaped by init)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            os.killpg(pgid, 0)
        except ProcessLookupError:
            return
        time.sleep(0.05)
