"""The database schema as an ordered list of migrations.

A database records the migrations it has had in ``schema_version``; opening it applies the
missing ones in order, each in its own transaction, so an old database is brought up to date
and a new one is built by the same path (there is no separate "create" script that could drift
from the migrations).  Never edit a released migration: append a new one.

Tables (see ``README.md``, "Store"):

* ``documents``: one row per *version* of a document.  ``doc_key`` is the document's
  content-independent identity (its resolved path); ``content_hash`` the SHA-256 of its bytes.
  A changed file becomes a new row with ``version + 1``; the old row stays, with
  ``is_current = 0`` and ``superseded_by`` set.
* ``segments``: the reports inside a document (a file may hold a city's and a district's).
* ``facts``: every ``FACTS.md`` field (``start``/``end`` are ``start_offset``/``end_offset``,
  since ``END`` is an SQL keyword), the canonical ``indicator_id`` and ``region_id``, grouping
  keys, the value normalised to the indicator's unit, the quote around the number, the
  correction status and the fact as first extracted (``extracted``, JSON).
* ``indicators``, ``regions``: the taxonomy and the part of the gazetteer facts refer to.
* ``corrections``: confirmations, corrections and rejections, keyed so that they find their
  fact again after a re-ingest.
* ``audit_log``: who did what when, with the state before and after.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime

from planwatch.store.backend import Backend, StoreError
from planwatch.store.search import PG_TRIGRAM_INDEX


@dataclass(frozen=True)
class Migration:
    version: int
    description: str
    statements: tuple[str, ...]
    #: Statements for one database only (``Backend.dialect`` → statements), run after the
    #: common ones: indexes that only one engine has, such as a full-text index.
    dialect_statements: dict[str, tuple[str, ...]] = field(default_factory=dict)


#: Migration 7's index: SQLite is told to read the documents' short columns from it (``INDEXED BY``).
#: (Frozen with the migration: a later change of columns is a new migration.)
DOCUMENT_HEAD_INDEX = "ix_documents_head"
DOCUMENT_HEAD_COLUMNS = ("id", "is_current", "year", "name", "title", "doc_type", "version", "plan_start", "plan_end",
                         "region_id", "n_facts")

MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        1,
        "documents, segments, facts, indicators, regions, corrections, audit log",
        (
            """CREATE TABLE documents (
            id {pk},
            doc_key TEXT NOT NULL,
            version INTEGER NOT NULL,
            name TEXT NOT NULL,
            path TEXT NOT NULL,
            content_hash TEXT NOT NULL,
            reader TEXT NOT NULL,
            text TEXT NOT NULL,
            n_chars INTEGER NOT NULL,
            title TEXT NOT NULL DEFAULT '',
            doc_type TEXT NOT NULL DEFAULT 'other',
            region TEXT NOT NULL DEFAULT '',
            region_id TEXT,
            year INTEGER,
            plan_start INTEGER,
            plan_end INTEGER,
            meta TEXT NOT NULL DEFAULT '{{}}',
            extractor TEXT NOT NULL,
            n_facts INTEGER NOT NULL,
            ingested_at TEXT NOT NULL,
            is_current INTEGER NOT NULL DEFAULT 1,
            superseded_by INTEGER REFERENCES documents(id),
            UNIQUE (doc_key, version)
        )""",
            "CREATE INDEX ix_documents_hash ON documents (content_hash, is_current)",
            "CREATE INDEX ix_documents_key ON documents (doc_key, is_current)",
            """CREATE TABLE segments (
            id {pk},
            document_id INTEGER NOT NULL REFERENCES documents(id),
            seq INTEGER NOT NULL,
            start_offset INTEGER NOT NULL,
            end_offset INTEGER NOT NULL,
            title TEXT NOT NULL DEFAULT '',
            doc_type TEXT NOT NULL DEFAULT 'other',
            region TEXT NOT NULL DEFAULT '',
            region_id TEXT,
            year INTEGER
        )""",
            "CREATE INDEX ix_segments_document ON segments (document_id)",
            """CREATE TABLE indicators (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            en TEXT NOT NULL DEFAULT '',
            unit TEXT NOT NULL DEFAULT '',
            direction TEXT NOT NULL DEFAULT 'none',
            field TEXT NOT NULL DEFAULT '',
            synonyms TEXT NOT NULL DEFAULT '[]'
        )""",
            """CREATE TABLE regions (
            code TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            level TEXT NOT NULL,
            parent_code TEXT,
            short TEXT NOT NULL DEFAULT ''
        )""",
            """CREATE TABLE facts (
            id {pk},
            document_id INTEGER NOT NULL REFERENCES documents(id),
            seq INTEGER NOT NULL,
            fact_key TEXT NOT NULL,
            loose_key TEXT NOT NULL,
            doc TEXT NOT NULL,
            start_offset INTEGER NOT NULL,
            end_offset INTEGER NOT NULL,
            text TEXT NOT NULL,
            indicator TEXT NOT NULL,
            mention TEXT NOT NULL,
            measure TEXT NOT NULL,
            value {float} NOT NULL,
            unit TEXT NOT NULL,
            kind TEXT NOT NULL,
            period TEXT NOT NULL,
            region TEXT NOT NULL,
            qualifier TEXT,
            indicator_id TEXT,
            region_id TEXT,
            region_parent_id TEXT,
            indicator_key TEXT NOT NULL,
            region_key TEXT NOT NULL,
            period_start INTEGER,
            period_end INTEGER,
            norm_value {float},
            norm_unit TEXT NOT NULL,
            segment INTEGER NOT NULL DEFAULT 0,
            source TEXT NOT NULL DEFAULT 'prose',
            quote TEXT NOT NULL DEFAULT '',
            list_id INTEGER,
            list_role TEXT,
            status TEXT NOT NULL DEFAULT 'extracted',
            is_current INTEGER NOT NULL DEFAULT 1,
            extracted TEXT NOT NULL
        )""",
            "CREATE INDEX ix_facts_document ON facts (document_id)",
            """CREATE TABLE corrections (
            id {pk},
            fact_id INTEGER NOT NULL REFERENCES facts(id),
            doc_key TEXT NOT NULL,
            fact_key TEXT NOT NULL,
            loose_key TEXT NOT NULL,
            action TEXT NOT NULL,
            changes TEXT NOT NULL DEFAULT '{{}}',
            before TEXT NOT NULL DEFAULT '{{}}',
            after TEXT NOT NULL DEFAULT '{{}}',
            by TEXT NOT NULL,
            note TEXT NOT NULL DEFAULT '',
            at TEXT NOT NULL
        )""",
            "CREATE INDEX ix_corrections_doc_key ON corrections (doc_key)",
            """CREATE TABLE audit_log (
            id {pk},
            at TEXT NOT NULL,
            actor TEXT NOT NULL,
            action TEXT NOT NULL,
            object TEXT NOT NULL,
            object_id TEXT NOT NULL,
            before TEXT,
            after TEXT,
            note TEXT NOT NULL DEFAULT ''
        )""",
            "CREATE INDEX ix_audit_object ON audit_log (object, object_id)",
        ),
    ),  # fmt: skip
    Migration(
        2,
        "query indexes for series, targets and compare",
        (
            # series: one indicator in one region; targets: one region's facts by kind;
            # compare: one indicator and period across regions.  is_current last: nearly all rows
            # are current, so it filters little and must not split the ranges above.
            "CREATE INDEX ix_facts_series ON facts (indicator_key, region_key, is_current)",
            "CREATE INDEX ix_facts_region_kind ON facts (region_key, kind, is_current)",
            "CREATE INDEX ix_facts_compare ON facts (indicator_key, period, is_current)",
        ),
    ),  # fmt: skip
    # -- key projects (planwatch.projects, issue 5) ------------------------------------------
    Migration(
        3,
        "key projects: projects, project keys, project mentions and counts, project corrections",
        (
            # A project is a cluster of linked mentions; its name, stage and sector are computed
            # from its current mentions.  merged_into: set when a new mention joined two projects.
            """CREATE TABLE projects (
            id {pk},
            scope TEXT NOT NULL,
            region TEXT NOT NULL DEFAULT '',
            region_id TEXT,
            created_at TEXT NOT NULL,
            merged_into INTEGER REFERENCES projects(id)
        )""",
            "CREATE INDEX ix_projects_scope ON projects (scope)",
            """CREATE TABLE project_mentions (
            id {pk},
            document_id INTEGER NOT NULL REFERENCES documents(id),
            project_id INTEGER REFERENCES projects(id),
            seq INTEGER NOT NULL,
            mention_key TEXT NOT NULL,
            loose_key TEXT NOT NULL,
            doc TEXT NOT NULL,
            start_offset INTEGER NOT NULL,
            end_offset INTEGER NOT NULL,
            text TEXT NOT NULL,
            name TEXT NOT NULL,
            key TEXT NOT NULL,
            aliases TEXT NOT NULL DEFAULT '[]',
            owner TEXT,
            sector TEXT,
            sector_source TEXT,
            stage TEXT,
            stage_start INTEGER,
            stage_end INTEGER,
            stage_text TEXT,
            kind TEXT NOT NULL,
            period TEXT NOT NULL DEFAULT '',
            period_start INTEGER,
            period_end INTEGER,
            region TEXT NOT NULL DEFAULT '',
            region_id TEXT,
            investment_value {float},
            investment_unit TEXT,
            investment_type TEXT,
            investment_qualifier TEXT,
            investment_start INTEGER,
            investment_end INTEGER,
            investment_text TEXT,
            investment_fact_id INTEGER REFERENCES facts(id),
            capacities TEXT NOT NULL DEFAULT '[]',
            list_id INTEGER,
            pattern TEXT NOT NULL DEFAULT '',
            segment INTEGER NOT NULL DEFAULT 0,
            heading TEXT NOT NULL DEFAULT '',
            quote TEXT NOT NULL DEFAULT '',
            status TEXT NOT NULL DEFAULT 'extracted',
            is_current INTEGER NOT NULL DEFAULT 1,
            extracted TEXT NOT NULL
        )""",
            "CREATE INDEX ix_project_mentions_document ON project_mentions (document_id)",
            "CREATE INDEX ix_project_mentions_project ON project_mentions (project_id, is_current)",
            "CREATE INDEX ix_project_mentions_region ON project_mentions (region_id, is_current)",
            # Every spelling a project is known by, with the short keys that find candidates for a
            # new mention without reading all projects: first 3 and last 6 characters, brand end.
            """CREATE TABLE project_keys (
            id {pk},
            project_id INTEGER NOT NULL REFERENCES projects(id),
            mention_id INTEGER REFERENCES project_mentions(id),
            scope TEXT NOT NULL,
            key TEXT NOT NULL,
            core TEXT,
            region_id TEXT,
            p3 TEXT NOT NULL,
            s6 TEXT NOT NULL,
            c2 TEXT NOT NULL DEFAULT ''
        )""",
            "CREATE INDEX ix_project_keys_p3 ON project_keys (scope, p3)",
            "CREATE INDEX ix_project_keys_s6 ON project_keys (scope, s6)",
            "CREATE INDEX ix_project_keys_c2 ON project_keys (scope, c2)",
            "CREATE INDEX ix_project_keys_project ON project_keys (project_id)",
            """CREATE TABLE project_counts (
            id {pk},
            document_id INTEGER NOT NULL REFERENCES documents(id),
            seq INTEGER NOT NULL,
            doc TEXT NOT NULL,
            start_offset INTEGER NOT NULL,
            end_offset INTEGER NOT NULL,
            text TEXT NOT NULL,
            value INTEGER NOT NULL,
            noun TEXT NOT NULL,
            stage TEXT,
            sector TEXT,
            kind TEXT NOT NULL,
            period TEXT NOT NULL DEFAULT '',
            region TEXT NOT NULL DEFAULT '',
            region_id TEXT,
            investment_value {float},
            investment_unit TEXT,
            members TEXT NOT NULL DEFAULT '[]',
            role TEXT NOT NULL,
            list_id INTEGER,
            fact_id INTEGER REFERENCES facts(id),
            is_current INTEGER NOT NULL DEFAULT 1
        )""",
            "CREATE INDEX ix_project_counts_document ON project_counts (document_id)",
            """CREATE TABLE project_corrections (
            id {pk},
            mention_id INTEGER NOT NULL REFERENCES project_mentions(id),
            doc_key TEXT NOT NULL,
            mention_key TEXT NOT NULL,
            loose_key TEXT NOT NULL,
            action TEXT NOT NULL,
            changes TEXT NOT NULL DEFAULT '{{}}',
            before TEXT NOT NULL DEFAULT '{{}}',
            after TEXT NOT NULL DEFAULT '{{}}',
            by TEXT NOT NULL,
            note TEXT NOT NULL DEFAULT '',
            at TEXT NOT NULL
        )""",
            "CREATE INDEX ix_project_corrections_doc_key ON project_corrections (doc_key)",
        ),
    ),  # fmt: skip
    Migration(
        4,
        "full-text index of the documents' text",
        (),
        {
            # FTS5 with the trigram tokenizer: Chinese has no word spaces, so every three-character
            # window is a term and any phrase of three characters or more is an index look-up.
            # External content (the text stays in ``documents`` only) kept in step by triggers in
            # the ingest's own transaction; detail=full keeps positions, so a phrase is verified
            # and ranked (bm25) inside the index without reading the documents.
            "sqlite": (
                "CREATE VIRTUAL TABLE documents_fts USING fts5(text, content='documents', content_rowid='id', "
                "tokenize='trigram')",
                "CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN "
                "INSERT INTO documents_fts (rowid, text) VALUES (new.id, new.text); END",
                "CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN "
                "INSERT INTO documents_fts (documents_fts, rowid, text) VALUES ('delete', old.id, old.text); END",
                "CREATE TRIGGER documents_fts_update AFTER UPDATE OF text ON documents BEGIN "
                "INSERT INTO documents_fts (documents_fts, rowid, text) VALUES ('delete', old.id, old.text); "
                "INSERT INTO documents_fts (rowid, text) VALUES (new.id, new.text); END",
                "INSERT INTO documents_fts (documents_fts) VALUES ('rebuild')",
            ),
            # pg_trgm's GIN index, where the extension can be made (see ``search.PG_TRIGRAM_INDEX``).
            "postgresql": (PG_TRIGRAM_INDEX,),
        },
    ),
    Migration(
        5,
        "the upper end of a range (value_high)",
        # A range (``4.5%—5%``) is one fact: ``value`` its lower end, ``value_high`` its upper end
        # (FACTS.md).  Null for every other fact and for facts stored before this migration until
        # they are extracted again.
        ("ALTER TABLE facts ADD COLUMN value_high {float}",),
    ),
    Migration(
        6,
        "a covering index of the targets",
        # ``planwatch targets --limit`` orders all of a region's targets and judges only a page:
        # the ordering reads these columns of every target row, which at 100,000 documents were
        # 3,000-4,000 random table rows a region (p95 56 ms for the read alone; 18 ms from this
        # index).  Partial: targets are a fraction of the facts.  ``kind`` is a column too, so that
        # SQLite sees the index cover a query that names it.
        (
            "CREATE INDEX ix_facts_targets ON facts (region_key, kind, is_current, period_end, indicator_key, "
            "measure, period, status, document_id, seq, indicator_id, source, start_offset, period_start, "
            "indicator, mention) WHERE kind = 'target'",
        ),
    ),
    Migration(
        7,
        "a covering index of the documents' short columns",
        # A monitor answer gives each fact its document's year and name (``Store.with_documents``).
        # SQLite keeps a row's columns in order and ``text`` comes before ``year``: reading the year
        # from the table walks the whole text's overflow pages, some 50 KB a document, so a region's
        # targets over a few hundred documents read megabytes for a few bytes each.  This index
        # (led by ``id``, so that a look-up by id can use it) holds the short columns alone.
        # PostgreSQL keeps a long text out of line (TOAST): its rows need no such index.
        (),
        {"sqlite": (f"CREATE INDEX {DOCUMENT_HEAD_INDEX} ON documents ({', '.join(DOCUMENT_HEAD_COLUMNS)})",)},
    ),
)

LATEST_VERSION = MIGRATIONS[-1].version


def now() -> str:
    """UTC time as ISO 8601 text: portable, sortable and unambiguous in the audit log."""
    return datetime.now(UTC).isoformat(timespec="seconds")


def current_version(db: Backend) -> int:
    """The schema version of ``db``; 0 for an empty database (``schema_version`` must exist)."""
    row = db.query("SELECT MAX(version) AS v FROM schema_version")
    return int(row[0]["v"] or 0)


def migrate(db: Backend, *, up_to: int | None = None) -> list[int]:
    """Apply the migrations ``db`` lacks, in order, up to ``up_to`` (default: all); return the versions applied.

    An up-to-date database is only read (no write lock, no advisory lock).  Otherwise the work
    runs under the backend's migration lock — on PostgreSQL a session advisory lock, because
    two first connections to an empty database would otherwise race to create the same tables
    (``CREATE TABLE IF NOT EXISTS`` is not safe against a concurrent creator there) — and each
    migration re-checks the version inside its own transaction, so none is applied twice.
    ``up_to`` lets ``restore`` build the schema a dump was taken at, load it, then migrate on.
    """
    target = LATEST_VERSION if up_to is None else min(up_to, LATEST_VERSION)
    try:
        version = current_version(db)  # a plain read: an up-to-date database takes no write lock
    except Exception:  # no schema_version table yet (the driver's own error type)
        version = -1
    if version > LATEST_VERSION:
        raise StoreError(
            f"the database has schema version {version}, newer than this PlanWatch knows "
            f"({LATEST_VERSION}): upgrade PlanWatch"
        )
    if version >= target:
        return []
    with db.migration_lock():
        return _apply_migrations(db, target)


def _apply_migrations(db: Backend, target: int) -> list[int]:
    applied: list[int] = []
    try:
        version = current_version(db)
    except Exception:  # no schema_version table yet
        version = -1
    if version < 0:
        with db.transaction():
            db.execute(
                "CREATE TABLE IF NOT EXISTS schema_version ("
                "version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TEXT NOT NULL)"
            )
        version = current_version(db)
    for migration in MIGRATIONS:
        if migration.version <= version or migration.version > target:
            continue
        with db.transaction():
            # Re-check inside the write lock: another process may have migrated meanwhile.
            if current_version(db) >= migration.version:
                continue
            for statement in migration.statements:
                db.execute(statement.format(**db.ddl))
            for statement in migration.dialect_statements.get(db.dialect, ()):
                db.execute(statement)
            db.execute(
                "INSERT INTO schema_version (version, description, applied_at) VALUES (?, ?, ?)",
                (migration.version, migration.description, now()),
            )
        applied.append(migration.version)
    return applied
