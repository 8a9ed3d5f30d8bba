"""PostgreSQL as the second backend: same schema, same answers, and dump/restore across both.

Every test here runs against a real server (``pg_server.py``: ``$PLANWATCH_TEST_PG`` or a
throwaway cluster), each in a schema of its own.  "Same behaviour" is checked the strongest
way available: the same operations on a SQLite file and on PostgreSQL must give equal answers
from every question of the store (row ids included), the same CLI output and the same API
responses; and a dump must round-trip byte for byte SQLite → SQLite → PostgreSQL → SQLite.
"""

from __future__ import annotations

import dataclasses
import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from conftest import REPO, SAMPLE_FILES, run_planwatch
from store_checks import canonical, clean_env, consistent

from planwatch import monitor
from planwatch.store import Store, StoreError
from planwatch.store.backend import masked_url, open_backend, pg_sql
from planwatch.store.dump import DumpError, dump, restore
from planwatch.store.schema import LATEST_VERSION, MIGRATIONS

TIMES = ("ingested_at", "at", "applied_at", "created_at")


# -- the SQL translation (no server needed) -----------------------------------------------------
def test_sql_translation() -> None:
    assert pg_sql("SELECT a FROM t WHERE b = ? AND c LIKE '%?%'") == "SELECT a FROM t WHERE b = %s AND c LIKE '%%?%%'"
    assert pg_sql('SELECT "?" FROM t WHERE x IS ? AND y IS NOT ?') == (
        'SELECT "?" FROM t WHERE x IS NOT DISTINCT FROM %s AND y IS DISTINCT FROM %s'
    )
    assert pg_sql("CREATE TABLE t (text TEXT NOT NULL, n INTEGER)") == (
        'CREATE TABLE t (text TEXT COLLATE "C" NOT NULL, n BIGINT)'
    )
    assert pg_sql("SELECT text FROM t WHERE n IS NULL") == "SELECT text FROM t WHERE n IS NULL"
    assert masked_url("postgresql://li:secret@db.example:5433/pw?sslmode=require") == (
        "postgresql://li:***@db.example:5433/pw?sslmode=require"
    )


# -- schema ---------------------------------------------------------------------------------
def test_schema_and_migrations(pg_url: str) -> None:
    Store(pg_url).close()
    Store(pg_url).close()  # an up-to-date database is left alone
    db = open_backend(pg_url)
    versions = [r["version"] for r in db.query("SELECT version FROM schema_version ORDER BY version")]
    assert versions == [m.version for m in MIGRATIONS] == list(range(1, LATEST_VERSION + 1))
    assert {"documents", "segments", "facts", "indicators", "regions", "corrections", "audit_log"} <= set(db.tables())
    types = {
        (r["table_name"], r["column_name"]): (r["data_type"], r["collation_name"], r["is_identity"])
        for r in db.query(
            "SELECT table_name, column_name, data_type, collation_name, is_identity FROM information_schema.columns "
            "WHERE table_schema = current_schema()"
        )
    }
    assert types[("facts", "value")][0] == "double precision"
    assert types[("facts", "id")] == ("bigint", None, "YES")
    assert types[("facts", "document_id")][0] == "bigint"  # SQLite's INTEGER is 64-bit
    assert types[("facts", "indicator_key")][:2] == ("text", "C")  # byte order, as SQLite compares
    db.close()


def test_concurrent_first_connections_migrate_once(pg_url: str) -> None:
    """Four processes open an empty database at the same moment: the advisory lock orders them."""
    code = "import sys; from planwatch.store import Store; Store(sys.argv[1]).close()"
    procs = [
        subprocess.Popen([sys.executable, "-c", code, pg_url], stderr=subprocess.PIPE, text=True, env=clean_env())
        for _ in range(4)
    ]
    for p in procs:
        _, err = p.communicate(timeout=60)
        assert p.returncode == 0, err
    db = open_backend(pg_url)
    assert [r["version"] for r in db.query("SELECT version FROM schema_version ORDER BY version")] == list(
        range(1, LATEST_VERSION + 1)
    )
    db.close()


def test_unreachable_server_is_one_line(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="cannot connect to PostgreSQL"):
        Store("postgresql://nobody:secret@127.0.0.1:1/none")
    result = run_planwatch("facts", "--db", "postgresql://nobody:secret@127.0.0.1:1/none")
    assert result.returncode == 2
    assert result.stderr.startswith("planwatch: error: cannot connect to PostgreSQL at postgresql://nobody:***@")
    assert "secret" not in result.stderr and "Traceback" not in result.stderr


# -- same behaviour -------------------------------------------------------------------------
def _scenario(store: Store, folder: Path) -> None:
    """Ingest, correct, confirm, reject, change a file (new version, corrections re-applied)."""
    assert store.ingest([folder], actor="test").ok
    facts = {f["text"]: f for f in store.facts(region="锦州市")}
    some = sorted(facts.values(), key=lambda f: f["id"])
    store.correct(some[0]["id"], by="li", note="table 2", value=some[0]["value"] + 1)
    store.confirm(some[1]["id"], by="wang")
    store.reject(some[2]["id"], by="wang", note="not a fact")
    with (folder / some[0]["doc"]).open("a", encoding="utf-8") as f:  # the corrected fact's document
        f.write("\n全年实现地区生产总值120亿元，增长8%。\n")
    assert store.ingest([folder], actor="test").ok


def _without_times(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{k: v for k, v in r.items() if k not in TIMES} for r in rows]


def _answers(store: Store) -> dict[str, Any]:
    def plain(items: list[Any]) -> list[Any]:
        return [dataclasses.asdict(i) if dataclasses.is_dataclass(i) else i for i in items]

    return {
        "facts": store.facts(current=False, include_rejected=True),
        "documents": _without_times(store.documents(current=False)),
        "series": plain(monitor.series(store, "地区生产总值", region="锦州市")),
        "targets": plain(monitor.targets(store, region="锦州市", plan="十四五")),
        "conflicts": plain(monitor.conflicts(store)),
        "compare": plain(monitor.compare(store, "地区生产总值")),
        "history": _without_times(store.history()),
        "corrections": _without_times(store.corrections()),
        "stats": store.stats(),
        "regions": store.db.query("SELECT * FROM regions ORDER BY code"),
    }


def _folder(path: Path) -> Path:
    """``path`` holding a fresh copy of the sample documents (paths are part of fact keys)."""
    shutil.rmtree(path, ignore_errors=True)
    path.mkdir(parents=True)
    for src in SAMPLE_FILES:
        shutil.copy(src, path / src.name)
    return path


def test_same_answers_as_sqlite(tmp_path: Path, pg_url: str) -> None:
    sqlite_store = Store(tmp_path / "pw.db")
    _scenario(sqlite_store, _folder(tmp_path / "docs"))
    pg_store = Store(pg_url)
    _scenario(pg_store, _folder(tmp_path / "docs"))  # the same paths again, as they are in fact keys
    a, b = _answers(sqlite_store), _answers(pg_store)
    for key in a:
        assert a[key] == b[key], key
    assert a["stats"]["versions"] == 6 and a["stats"]["corrections"] == 3
    assert any(e["action"].startswith("reapply_") for e in b["history"])
    consistent(pg_url)
    sqlite_store.close()
    pg_store.close()


def test_cli_and_api_answer_the_same_on_postgresql(tmp_path: Path, pg_url: str) -> None:
    folder = _folder(tmp_path / "docs")
    sqlite_db = str(tmp_path / "pw.db")
    for db in (sqlite_db, pg_url):
        result = run_planwatch("ingest", str(folder), "--db", db)
        assert result.returncode == 0, result.stderr
    assert "database postgresql://postgres@" in result.stderr
    for args in (("targets", "--region", "锦州市", "--plan", "十四五"), ("facts", "--all", "--format", "csv")):
        want = run_planwatch(*args, "--db", sqlite_db)
        got = run_planwatch(*args, "--db", pg_url)
        assert got.returncode == want.returncode == 0, got.stderr
        assert got.stdout == want.stdout, args

    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient

    from planwatch.web import create_app

    urls = [
        "/api/stats", "/api/regions", "/api/overview?region=锦州市", "/api/targets?region=锦州市&plan=十四五",
        "/api/series?indicator=gdp&region=锦州市", "/api/conflicts", "/api/compare?indicator=gdp",
        "/api/documents", "/api/facts?region=锦州市&limit=50", "/api/search?q=地区生产总值", "/api/history",
        "/api/projects",
    ]  # fmt: skip
    with TestClient(create_app(sqlite_db, token="t")) as a, TestClient(create_app(pg_url, token="t")) as b:
        for url in urls:
            ra, rb = a.get(url), b.get(url)
            assert ra.status_code == rb.status_code == 200, (url, rb.text[:300])
            ja, jb = ra.json(), rb.json()
            if url.startswith("/api/search"):  # the same documents, each engine's order (bm25 / newest)
                ja, jb = ({**j, "results": sorted(j["results"], key=lambda h: h["document_id"])} for j in (ja, jb))
            assert _without_volatile(ja) == _without_volatile(jb), url


def _without_volatile(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _without_volatile(v) for k, v in value.items() if k not in (*TIMES, "db", "search")}
    if isinstance(value, list):
        return [_without_volatile(v) for v in value]
    return value


# -- dump and restore -----------------------------------------------------------------------
def _body(path: Path) -> list[str]:
    """A dump without its header line (which holds the time and the source engine)."""
    import gzip

    raw = path.read_bytes()
    if raw[:2] == b"\x1f\x8b":
        raw = gzip.decompress(raw)
    return raw.decode("utf-8").splitlines()[1:]


def test_dump_round_trips_exactly_between_sqlite_and_postgresql(tmp_path: Path, pg_server: str) -> None:
    from pg_server import fresh_schema

    source = tmp_path / "source.db"
    with Store(source) as store:
        _scenario(store, _folder(tmp_path / "docs"))
    d1 = tmp_path / "d1.jsonl"
    summary = dump(source, str(d1))
    assert summary.rows["documents"] == 6 and summary.rows["corrections"] == 3
    assert summary.rows["audit_log"] > 6 and summary.rows["facts"] > 1000

    # SQLite -> SQLite
    copy = tmp_path / "copy.db"
    restore(copy, str(d1))
    d2 = tmp_path / "d2.jsonl"
    dump(copy, str(d2))
    assert _body(d2) == _body(d1)
    with fresh_schema(pg_server) as pg, fresh_schema(pg_server) as pg2:
        # SQLite -> PostgreSQL (CLI, gzip) -> SQLite
        result = run_planwatch("restore", str(d1), "--db", pg)
        assert result.returncode == 0, result.stderr
        assert "restored" in result.stderr
        d3 = tmp_path / "d3.jsonl.gz"
        assert run_planwatch("dump", str(d3), "--db", pg).returncode == 0
        assert _body(d3) == _body(d1)
        back = tmp_path / "back.db"
        assert run_planwatch("restore", str(d3), "--db", str(back)).returncode == 0
        d4 = tmp_path / "d4.jsonl"
        dump(back, str(d4))
        assert _body(d4) == _body(d1)
        # PostgreSQL -> PostgreSQL
        restore(pg2, str(d3))
        assert canonical(pg2) == canonical(str(source))

        # the restored database is a working one: answers as the source, and new ids follow the old
        with Store(source) as a, Store(pg) as b:
            assert _answers(a) == _answers(b)
            last = b.db.query("SELECT MAX(id) AS m FROM documents")[0]["m"]
            extra = tmp_path / "extra" / "new.txt"
            extra.parent.mkdir()
            extra.write_text("锦州市2030年经济数据\n全年实现地区生产总值150亿元，增长6%。\n", encoding="utf-8")
            result = b.ingest([extra]).results[0]
            assert result.status == "added" and result.document_id == last + 1
            fact = b.facts(region="锦州市", period="2030")[0]
            b.confirm(fact["id"], by="li")
            consistent(pg)


def test_restore_refuses_what_it_cannot_restore_exactly(tmp_path: Path, pg_url: str) -> None:
    source = tmp_path / "source.db"
    with Store(source) as store:
        assert store.ingest([SAMPLE_FILES[0]]).ok
    d1 = tmp_path / "d1.jsonl"
    dump(source, str(d1))
    lines = d1.read_text(encoding="utf-8").splitlines(keepends=True)

    # a database that holds rows
    with pytest.raises(DumpError, match="not empty"):
        restore(source, str(d1))
    # a truncated dump restores nothing, on either engine
    cut = tmp_path / "cut.jsonl"
    cut.write_text("".join(lines[: len(lines) // 2]), encoding="utf-8")
    for target in (str(tmp_path / "cut.db"), pg_url):
        with pytest.raises(DumpError, match="incomplete"):
            restore(target, str(cut))
        db = open_backend(target)
        assert db.query("SELECT COUNT(*) AS n FROM documents")[0]["n"] == 0
        db.close()
    # a row changed by hand so that the counts do not add up
    bad = tmp_path / "bad.jsonl"
    bad.write_text("".join(lines[:3] + lines[4:]), encoding="utf-8")
    with pytest.raises(DumpError, match="incomplete"):
        restore(tmp_path / "bad.db", str(bad))
    # not a dump; a dump from a newer PlanWatch
    with pytest.raises(DumpError, match="not a PlanWatch dump"):
        restore(tmp_path / "x.db", str(SAMPLE_FILES[0]))
    header = json.loads(lines[0])
    header["schema_version"] = LATEST_VERSION + 1
    newer = tmp_path / "newer.jsonl"
    newer.write_text(json.dumps(header) + "\n" + "".join(lines[1:]), encoding="utf-8")
    result = run_planwatch("restore", str(newer), "--db", str(tmp_path / "y.db"))
    assert result.returncode == 2 and "upgrade PlanWatch" in result.stderr
    assert "Traceback" not in result.stderr


def test_restore_of_an_older_schema_migrates_after_loading(tmp_path: Path) -> None:
    """A dump taken at schema version 2 is loaded at version 2, then migrated to the latest."""
    from planwatch.store.backend import SQLiteBackend
    from planwatch.store.schema import migrate

    old = tmp_path / "old.db"
    db = SQLiteBackend(str(old))
    migrate(db, up_to=2)
    db.execute(
        "INSERT INTO documents (doc_key, version, name, path, content_hash, reader, text, n_chars, extractor, "
        "n_facts, ingested_at) VALUES ('k', 1, 'a.txt', 'a.txt', 'h', 'text', 'x', 1, 'planwatch 0', 0, 't')"
    )
    db.close()
    d = tmp_path / "old.jsonl"
    assert dump(old, str(d)).schema_version == 2
    new = tmp_path / "new.db"
    restore(new, str(d))
    with Store(new) as store:
        assert [doc["doc_key"] for doc in store.documents()] == ["k"]
        assert store.db.query("SELECT MAX(version) AS v FROM schema_version")[0]["v"] == LATEST_VERSION


def test_dump_to_stdout_and_from_stdin(tmp_path: Path) -> None:
    source = tmp_path / "source.db"
    with Store(source) as store:
        assert store.ingest([SAMPLE_FILES[0]]).ok
    out = run_planwatch("dump", "-", "--db", str(source))
    assert out.returncode == 0 and out.stdout.startswith('{"format":"planwatch-dump"')
    target = tmp_path / "target.db"
    proc = subprocess.run(
        [sys.executable, "-m", "planwatch", "restore", "-", "--db", str(target)],
        input=out.stdout, capture_output=True, text=True, encoding="utf-8", cwd=REPO, env=clean_env(),
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert canonical(str(target)) == canonical(str(source))


def test_a_lost_connection_is_opened_again(pg_url: str) -> None:
    """A dashboard outlives server restarts: outside a transaction, a dropped connection is replaced."""
    import psycopg

    store = Store(pg_url)
    assert store.stats()["documents"] == 0
    pid = store.db.conn.info.backend_pid  # type: ignore[attr-defined]
    with psycopg.connect(pg_url, autocommit=True) as admin:
        admin.execute("SELECT pg_terminate_backend(%s)", (pid,))
    assert store.stats()["documents"] == 0
    assert store.db.conn.info.backend_pid != pid  # type: ignore[attr-defined]
    assert store.ingest([SAMPLE_FILES[0]]).ok
    store.close()


def test_dump_of_a_missing_or_foreign_database_is_one_line(tmp_path: Path, pg_url: str) -> None:
    result = run_planwatch("dump", str(tmp_path / "out.jsonl"), "--db", str(tmp_path / "missing.db"))
    assert result.returncode == 2 and "no database at" in result.stderr
    assert not (tmp_path / "missing.db").exists() and not (tmp_path / "out.jsonl").exists()
    result = run_planwatch("dump", str(tmp_path / "out.jsonl"), "--db", pg_url)
    assert result.returncode == 2 and "not a PlanWatch database" in result.stderr
    assert not (tmp_path / "out.jsonl").exists()


def test_a_durable_transaction_commits_synchronously_whatever_the_session_says(pg_url: str) -> None:
    """Corrections and restores force ``synchronous_commit`` on for their own transaction only."""
    db = open_backend(pg_url)
    try:
        db.execute("SET synchronous_commit = off")  # as a server tuned for bulk loading might be
        with db.transaction(durable=True):
            assert db.query("SHOW synchronous_commit")[0]["synchronous_commit"] == "on"
        with db.transaction():
            assert db.query("SHOW synchronous_commit")[0]["synchronous_commit"] == "off"
        assert db.query("SHOW synchronous_commit")[0]["synchronous_commit"] == "off"
    finally:
        db.close()


def test_search_finds_the_same_documents_as_on_sqlite(tmp_path: Path, pg_url: str) -> None:
    """pg_trgm ILIKE and FTS5 MATCH agree, wildcards and quotes in terms included."""
    sqlite_store, pg_store = Store(tmp_path / "pw.db"), Store(pg_url)
    for s in (sqlite_store, pg_store):
        assert s.ingest(SAMPLE_FILES).ok
    from planwatch.store.search import index_kind

    utf8 = "UTF" in str(pg_store.db.query("SHOW lc_ctype")[0]["lc_ctype"]).upper()
    assert index_kind(pg_store.db) == ("pg_trgm" if utf8 else "scan")
    for terms in (["地区生产总值"], ["总值"], ["地区生产总值", "锦州港"], ["GDP"], ["100%"], ["a_b"], ['"引号"'],
                  ["\\"], ["a\x00bc"], ["火星殖民地"]):  # fmt: skip
        a = sqlite_store.find_documents(terms, limit=100)
        b = pg_store.find_documents(terms, limit=100)
        assert (sorted(a.ids), a.total) == (sorted(b.ids), b.total), terms
    pg_store.close()
