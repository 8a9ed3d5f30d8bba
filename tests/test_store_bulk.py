"""``planwatch ingest --bulk`` on PostgreSQL: its trigram index is dropped for a load and built
once at the end, by the last of the bulk loads running at once (``search.bulk_load``)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import SAMPLE_FILES

from planwatch.store.core import Store
from planwatch.store.search import bulk_load, ensure_index, index_kind

TERMS = (["地区生产总值"], ["总值"], ["地区生产总值", "锦州港"], ["GDP"], ["100%"], ["火星殖民地"])


def _built(store: Store) -> str:
    """What searches use once the index is there: pg_trgm, or a scan where the server's LC_CTYPE
    gives Chinese no trigrams (migration 4)."""
    utf8 = "UTF" in str(store.db.query("SHOW lc_ctype")[0]["lc_ctype"]).upper()
    return "pg_trgm" if utf8 else "scan"


def test_a_bulk_load_runs_without_the_index_and_ends_with_it(tmp_path: Path, pg_url: str) -> None:
    store, watcher = Store(pg_url), Store(pg_url)
    built = _built(store)
    assert index_kind(store.db) == built  # made by migration 4 on the empty table
    seen: list[str] = []
    report = store.ingest(SAMPLE_FILES, bulk=True, progress=lambda _r: seen.append(index_kind(watcher.db)))
    assert report.ok and len(seen) == len(SAMPLE_FILES)
    assert (report.index_seconds is not None) == (built == "pg_trgm")
    assert set(seen) == {"scan"}  # another connection saw the load run without it
    assert index_kind(store.db) == built
    # the same answers as a database loaded row by row (SQLite's FTS5)
    reference = Store(tmp_path / "pw.db")
    assert reference.ingest(SAMPLE_FILES).ok
    for terms in TERMS:
        a, b = reference.find_documents(terms, limit=100), store.find_documents(terms, limit=100)
        assert (sorted(a.ids), a.total) == (sorted(b.ids), b.total), terms
    for s in (store, watcher, reference):
        s.close()


def test_the_last_of_two_bulk_loads_builds_the_index_and_an_ingest_meanwhile_does_not(pg_url: str) -> None:
    first, second, plain = Store(pg_url), Store(pg_url), Store(pg_url)
    built = _built(first)
    with bulk_load(first.db):
        with bulk_load(second.db):
            assert index_kind(plain.db) == "scan"
        assert not ensure_index(second.db)  # the first is still loading: the second leaves it
        report = plain.ingest(SAMPLE_FILES[:1])  # an ordinary ingest does not build it either
        assert report.ok and report.index_seconds is None
        assert index_kind(plain.db) == "scan"
    assert ensure_index(first.db) == (built == "pg_trgm")
    assert index_kind(plain.db) == built
    assert plain.find_documents(["地区生产总值"]).total == 1
    for s in (first, second, plain):
        s.close()


def test_a_failed_bulk_load_leaves_the_index_to_the_next_ingest(pg_url: str) -> None:
    store = Store(pg_url)
    built = _built(store)
    with pytest.raises(RuntimeError), bulk_load(store.db):
        raise RuntimeError("killed half-way")
    assert index_kind(store.db) == "scan"
    report = store.ingest(SAMPLE_FILES[:1])  # its lock went with it: the next ingest builds it
    assert report.ok and index_kind(store.db) == built
    assert (report.index_seconds is not None) == (built == "pg_trgm")
    assert ("search index built in" in report.summary()) == (built == "pg_trgm")
    store.close()


def test_bulk_has_no_effect_on_sqlite(tmp_path: Path) -> None:
    store = Store(tmp_path / "pw.db")
    assert store.ingest(SAMPLE_FILES, bulk=True).ok
    assert index_kind(store.db) == "fts5-trigram"
    assert store.find_documents(["地区生产总值"]).total == store.stats()["documents"]
    assert store.ingest(SAMPLE_FILES[:1]).index_seconds is None
    store.close()
