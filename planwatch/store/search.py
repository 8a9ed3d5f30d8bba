"""Full-text search over the current documents, answered by the database's own index.

Chinese has no spaces between words, so the index is of character trigrams (every window of
three characters): on SQLite the FTS5 ``trigram`` table ``documents_fts`` (migration 4), on
PostgreSQL a ``pg_trgm`` GIN index.  A term of three characters or more is then an index
look-up; a term of one or two characters has no trigram and is checked by scanning the text of
the documents the other terms leave (or of every current document).

The index lives in the database, kept in step by the ingest's own transaction, so a dashboard
neither rebuilds it at start nor holds it in memory: with 100,000 documents (2·10⁹
characters) an index per process would not fit.  For the same reason a search never reads the
text of every matching document: it counts the matches (up to ``count_cap``) and returns the ids
of the best ``limit`` — on SQLite ranked by bm25 inside the index; on PostgreSQL, which has no
such rank for substrings, the most recent documents first.
"""

from __future__ import annotations

from dataclasses import dataclass

from planwatch.store.backend import Backend

#: A term of fewer characters has no trigram to look up.
MIN_INDEXED = 3


@dataclass
class DocumentMatches:
    """The ids of the best matching current documents, and how many match in all."""

    ids: list[int]
    total: int
    #: ``total`` stopped counting at the cap: there are at least that many.
    capped: bool


def _fts_phrase(term: str) -> str:
    """An FTS5 phrase matching ``term`` as a substring (quotes doubled, nothing else special)."""
    return '"' + term.replace('"', '""') + '"'


def _like_pattern(term: str) -> str:
    """An ``ILIKE`` pattern for ``term`` as a substring, its own ``%``, ``_`` and ``\\`` escaped."""
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def find_documents(db: Backend, terms: list[str], *, limit: int = 50, count_cap: int = 10_000) -> DocumentMatches:
    """The current documents containing every term (case-insensitively)."""
    terms = [t for t in terms if t]
    if not terms:
        return DocumentMatches([], 0, False)
    if db.dialect == "sqlite":
        return _sqlite(db, terms, limit, count_cap)
    return _postgresql(db, terms, limit, count_cap)


def _sqlite(db: Backend, terms: list[str], limit: int, count_cap: int) -> DocumentMatches:
    # A NUL ends an FTS5 query string: such a term is checked by scanning (it matches nothing).
    indexed = [t for t in terms if len(t) >= MIN_INDEXED and "\x00" not in t]
    short = [t for t in terms if t not in indexed]
    scan = " AND ".join("instr(lower(d.text), lower(?)) > 0" for _ in short)
    if indexed:
        match = " AND ".join(_fts_phrase(t) for t in indexed)
        base = (
            "FROM documents_fts JOIN documents d ON d.id = documents_fts.rowid "
            "WHERE documents_fts MATCH ? AND d.is_current = 1" + (f" AND {scan}" if scan else "")
        )
        params: list[object] = [match, *short]
        order = "ORDER BY documents_fts.rank, d.id"
    else:
        base = f"FROM documents d WHERE d.is_current = 1 AND {scan}"
        params = list(short)
        order = "ORDER BY d.year DESC, d.id DESC"
    return _run(db, base, params, order, limit, count_cap)


def _postgresql(db: Backend, terms: list[str], limit: int, count_cap: int) -> DocumentMatches:
    if any("\x00" in t for t in terms):  # PostgreSQL text holds no NUL: nothing can contain it
        return DocumentMatches([], 0, False)
    where = " AND ".join("d.text ILIKE ?" for _ in terms)
    base = f"FROM documents d WHERE d.is_current = 1 AND {where}"
    return _run(db, base, [_like_pattern(t) for t in terms], "ORDER BY d.year DESC NULLS LAST, d.id DESC", limit,
                count_cap)  # fmt: skip


def _run(db: Backend, base: str, params: list[object], order: str, limit: int, count_cap: int) -> DocumentMatches:
    rows = db.query(f"SELECT d.id AS id {base} {order} LIMIT ?", [*params, limit])
    if len(rows) < limit:
        total = len(rows)
    else:
        counted = db.query(f"SELECT COUNT(*) AS n FROM (SELECT 1 AS x {base} LIMIT ?) t", [*params, count_cap + 1])
        total = int(counted[0]["n"])
    capped = total > count_cap
    return DocumentMatches([int(r["id"]) for r in rows], min(total, count_cap), capped)


def index_kind(db: Backend) -> str:
    """How searches are answered: ``fts5-trigram``, ``pg_trgm`` or ``scan`` (no index could be made)."""
    if db.dialect == "sqlite":
        return "fts5-trigram"
    rows = db.query(
        "SELECT 1 AS x FROM pg_indexes WHERE schemaname = current_schema() AND indexname = 'ix_documents_text_trgm'"
    )
    return "pg_trgm" if rows else "scan"
