"""Full-text search from the database's own trigram index (``Store.find_documents``).

The answers are checked against the plainest possible reference: Python's ``in`` over the
text of every current document.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import SAMPLE_FILES

from planwatch.store import Store
from planwatch.store.search import index_kind


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    s = Store(tmp_path_factory.mktemp("search") / "pw.db")
    assert s.ingest(SAMPLE_FILES).ok
    return s


def _reference(store: Store, terms: list[str]) -> set[int]:
    rows = store.db.query("SELECT id, text FROM documents WHERE is_current = 1")
    return {int(r["id"]) for r in rows if all(t.lower() in str(r["text"]).lower() for t in terms)}


@pytest.mark.parametrize(
    "terms",
    [["地区生产总值"], ["锦州港"], ["总值"], ["地区生产总值", "锦州港"], ["茂业中心", "凌河"], ["GDP"], ["gdp"],
     ["火星殖民地"], ["一般公共预算收入", "万元"], ['"引号"'], ["100%"], ["a_b"], ["a\x00bc"]],
)  # fmt: skip
def test_finds_exactly_the_documents_containing_every_term(store: Store, terms: list[str]) -> None:
    want = _reference(store, terms)
    found = store.find_documents(terms, limit=50)
    assert set(found.ids) == want and found.total == len(want) and not found.capped


def test_counts_every_match_but_returns_only_the_best(store: Store) -> None:
    everything = _reference(store, ["发展"])
    assert len(everything) == 5
    found = store.find_documents(["发展"], limit=2)
    assert len(found.ids) == 2 and set(found.ids) <= everything and found.total == 5 and not found.capped
    capped = store.find_documents(["发展"], limit=2, count_cap=3)
    assert (capped.total, capped.capped) == (3, True)


def test_the_index_follows_new_versions(tmp_path: Path) -> None:
    """A changed file's new text is found at once; the superseded text no longer is."""
    doc = tmp_path / "report.txt"
    doc.write_text("2024年，全市实现地区生产总值100亿元，增长5%。甲乙丙丁独有词。", encoding="utf-8")
    s = Store(tmp_path / "pw.db")
    s.ingest([doc])
    assert len(s.find_documents(["甲乙丙丁独有词"]).ids) == 1
    doc.write_text("2024年，全市实现地区生产总值101亿元，增长5%。戊己庚辛新写法。", encoding="utf-8")
    s.ingest([doc])
    assert s.find_documents(["甲乙丙丁独有词"]).ids == []
    (new,) = s.find_documents(["戊己庚辛新写法"]).ids
    assert s.db.query("SELECT version FROM documents WHERE id = ?", (new,))[0]["version"] == 2


def test_an_older_database_gets_its_index_when_opened(tmp_path: Path) -> None:
    """Migration 4 indexes the documents a database already holds (here: index and version removed)."""
    db = tmp_path / "old.db"
    s = Store(db)
    s.ingest(SAMPLE_FILES[:2])
    before = set(s.find_documents(["地区生产总值"]).ids)
    for trigger in ("insert", "delete", "update"):
        s.db.execute(f"DROP TRIGGER documents_fts_{trigger}")
    s.db.execute("DROP TABLE documents_fts")
    # (a database from before migration 4 has none of the later ones either: 5 added facts.value_high,
    # 6 the targets' covering index, 7 the documents' short columns' index)
    s.db.execute("ALTER TABLE facts DROP COLUMN value_high")
    s.db.execute("DROP INDEX ix_facts_targets")
    s.db.execute("DROP INDEX ix_documents_head")
    s.db.execute("DELETE FROM schema_version WHERE version >= 4")
    s.close()
    shutil.copy(db, tmp_path / "copy.db")
    again = Store(tmp_path / "copy.db")
    assert set(again.find_documents(["地区生产总值"]).ids) == before and len(before) == 2
    assert index_kind(again.db) == "fts5-trigram"
