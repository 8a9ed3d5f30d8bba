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

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from planwatch.store.backend import Backend, lock_key

#: A term of fewer characters has no trigram to look up.
MIN_INDEXED = 3

#: The PostgreSQL index (migration 4, and again after a bulk load).  pg_trgm's GIN index answers
#: ILIKE '%phrase%'.  Installing the extension needs a privilege a role may lack, and pg_trgm
#: finds trigrams in Chinese only where the database's LC_CTYPE is a UTF-8 locale (under C, CJK
#: characters are not letters and the index would hold nothing): in either case there is no
#: index and search scans, with the same answers.
PG_TRIGRAM_INDEX = """DO $$
DECLARE ext_schema text; cjk_trigrams text[];
BEGIN
    BEGIN
        CREATE EXTENSION IF NOT EXISTS pg_trgm;
    EXCEPTION WHEN OTHERS THEN
        NULL;
    END;
    SELECT n.nspname INTO ext_schema FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
    WHERE e.extname = 'pg_trgm';
    IF ext_schema IS NOT NULL THEN
        EXECUTE 'SELECT ' || quote_ident(ext_schema) || '.show_trgm(''地区生产总值'')' INTO cjk_trigrams;
    END IF;
    IF cardinality(cjk_trigrams) > 0 THEN
        SET LOCAL maintenance_work_mem = '256MB';
        EXECUTE 'CREATE INDEX IF NOT EXISTS ix_documents_text_trgm ON documents USING gin (text '
            || quote_ident(ext_schema) || '.gin_trgm_ops)';
    END IF;
END $$"""
PG_INDEX_NAME = "ix_documents_text_trgm"
#: Held (shared) by every bulk load of one database while it runs; the exclusive form is taken
#: to build the index, so it is built once, by the last bulk load to finish.  Advisory locks are
#: the server's, not the schema's: the key names the schema too.
BULK_LOAD_LOCK = "planwatch:bulk-load:{schema}"


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
    """How searches are answered: ``fts5-trigram``, ``pg_trgm`` or ``scan`` (no index could be
    made, or a bulk load is running)."""
    if db.dialect == "sqlite":
        return "fts5-trigram"
    return "pg_trgm" if _pg_index_exists(db) else "scan"


def _bulk_load_key(db: Backend) -> int:
    return lock_key(BULK_LOAD_LOCK.format(schema=db.query("SELECT current_schema() AS s")[0]["s"]))


def _pg_index_exists(db: Backend) -> bool:
    return bool(db.query("SELECT 1 AS x FROM pg_indexes WHERE schemaname = current_schema() AND indexname = ?",
                         (PG_INDEX_NAME,)))  # fmt: skip


@contextmanager
def bulk_load(db: Backend) -> Iterator[None]:
    """Load documents into PostgreSQL without its trigram index, then build the index once.

    The GIN index over every document's text, kept row by row, made the server the bottleneck of
    a large ingest (2,000 documents: 135 s without it, 195 s with it and falling as the table
    grew).  So a bulk load drops it while it runs, and ``ensure_index`` after it builds it in one
    pass.  Several bulk loads may run at once (``--shard`` on N machines): each holds the shared
    form of one advisory lock, and the index is built by the one that can then take the exclusive
    form, the last to finish.  A load that fails or is killed leaves the index to the next ingest
    to end.  Searches meanwhile scan the text, with the same answers.  SQLite's FTS5 index costs
    little beside the rest of an ingest and stays as it is.
    """
    if db.dialect != "postgresql":
        yield
        return
    key = _bulk_load_key(db)
    db.execute("SELECT pg_advisory_lock_shared(?)", (key,))
    try:
        db.execute(f"DROP INDEX IF EXISTS {PG_INDEX_NAME}")
        yield
    finally:
        db.execute("SELECT pg_advisory_unlock_shared(?)", (key,))


def ensure_index(db: Backend) -> bool:
    """Build the PostgreSQL trigram index if it is missing and no bulk load is running; whether
    this call built it.  Cheap when the index is there (one catalog query)."""
    if db.dialect != "postgresql" or _pg_index_exists(db):
        return False
    key = _bulk_load_key(db)
    if not db.query("SELECT pg_try_advisory_lock(?) AS ok", (key,))[0]["ok"]:
        return False  # a bulk load is running: the last one to finish builds it
    try:
        if _pg_index_exists(db):
            return False
        db.execute(PG_TRIGRAM_INDEX)
        return _pg_index_exists(db)
    finally:
        db.execute("SELECT pg_advisory_unlock(?)", (key,))
