"""Database backends behind one small interface: SQLite (embedded) and PostgreSQL (shared).

The store speaks portable SQL (``?`` placeholders, ``INSERT … ON CONFLICT``, ``RETURNING``, no
``AUTOINCREMENT``, no SQLite-only functions), so the queries are the same text on both
databases.  What differs is kept here:

* **Paramstyle.**  PostgreSQL's driver (psycopg 3) takes ``%s``: ``?`` outside string literals
  and quoted names becomes ``%s`` and a literal ``%`` becomes ``%%`` (cached per statement).
* **DDL words.**  The migrations use ``{pk}``, ``{float}``, ``{text}``, ``{int}``, ``{json}``
  from ``Backend.ddl``.  On PostgreSQL the plain words of ``CREATE``/``ALTER TABLE`` are also
  mapped to what SQLite means by them: ``INTEGER`` is 64-bit there (``BIGINT``) and ``TEXT``
  compares byte by byte (``TEXT COLLATE "C"``), so ``ORDER BY``, ``MIN`` and unique keys over
  text give the same answers on both, whatever the server's locale.
* **Concurrency.**  SQLite has one writer at a time per file (``BEGIN IMMEDIATE``); readers
  never wait in WAL mode.  PostgreSQL lets many ingests write at once: ``lock(keys)`` takes
  transaction-scoped advisory locks so that two writers of the *same* document (or the same
  content under two paths) queue, while different documents proceed in parallel; errors a
  retry cures (serialization failure, deadlock, a unique key taken meanwhile) are recognised
  by ``is_retryable``.  Migrations run under a session advisory lock, so concurrent first
  connections to an empty database do not race to create the tables.
* **Catalog and bulk access** (``tables``, ``columns``, ``iterate``, ``bulk_insert`` …) for
  ``planwatch dump`` / ``restore``, which must stream any table, including ones added by later
  migrations, without knowing them in advance.

Why plain ``sqlite3`` and psycopg rather than SQLAlchemy: the surface the store needs (execute,
executemany, one transaction at a time, a few catalog queries) is small enough to wrap by
hand, and both drivers are fast at the bulk inserts of an ingest.
"""

from __future__ import annotations

import functools
import hashlib
import os
import re
import sqlite3
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from planwatch.errors import PlanWatchError

ENV_DB = "PLANWATCH_DB"


class StoreError(PlanWatchError):
    """A database problem the user can act on (bad URL, unreachable server, locked file)."""


def default_db_path() -> Path:
    """Where the database lives when no ``--db`` is given.

    ``$PLANWATCH_DB`` if set; otherwise one per-user file under the XDG data directory
    (``~/.local/share/planwatch/planwatch.db``), so every command finds the same database from
    any working directory, as one expects of an embedded index.
    """
    env = os.environ.get(ENV_DB)
    if env:
        return Path(env).expanduser()
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "planwatch" / "planwatch.db"


def parse_url(url: str | os.PathLike[str] | None) -> tuple[str, str]:
    """Split a database URL into (dialect, location).

    Accepted: a filesystem path, ``sqlite:///relative.db``, ``sqlite:////absolute.db``,
    ``sqlite://`` or ``:memory:`` (in memory), and ``postgresql://user:password@host:port/db``
    (also ``postgres://`` and SQLAlchemy's ``postgresql+psycopg://``), whose location is the
    URL libpq understands.  ``$PLANWATCH_DB`` may hold any of these.
    """
    if url is None:
        env = os.environ.get(ENV_DB)
        if env and "://" in env:
            return parse_url(env)
        return "sqlite", str(default_db_path())
    text = os.fspath(url)
    if text in (":memory:", "sqlite://", "sqlite:///:memory:"):
        return "sqlite", ":memory:"
    if text.startswith("sqlite:///"):
        return "sqlite", text[len("sqlite:///") :]
    m = re.match(r"^(postgresql|postgres)(\+[A-Za-z0-9_]+)?://", text)
    if m:
        return "postgresql", "postgresql://" + text[m.end() :]
    if "://" in text:
        scheme = text.split("://", 1)[0]
        raise StoreError(
            f"unsupported database URL scheme {scheme!r}: use a file path, sqlite:///FILE or postgresql://HOST/DB"
        )
    return "sqlite", text


def masked_url(url: str) -> str:
    """``url`` with its password replaced by ``***`` (for messages and ``Store.url``)."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    user = parts.username or ""
    host = parts.hostname or ""
    if parts.port:
        host += f":{parts.port}"
    return urlunsplit((parts.scheme, f"{user}:***@{host}", parts.path, parts.query, parts.fragment))


def lock_key(text: str) -> int:
    """A signed 64-bit advisory-lock key for ``text`` (the first 8 bytes of its SHA-256)."""
    return int.from_bytes(hashlib.sha256(text.encode("utf-8")).digest()[:8], "big", signed=True)


def quote_name(name: str) -> str:
    """An SQL identifier, double-quoted (catalog names reach statements only through this)."""
    return '"' + name.replace('"', '""') + '"'


class Backend:
    """What the store needs from a database: statements, transactions, locks and its catalog."""

    dialect = "abstract"
    #: DDL words that differ between databases, substituted into the migration scripts.
    ddl: dict[str, str] = {}
    url = ""

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:  # pragma: no cover - interface
        raise NotImplementedError

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:  # pragma: no cover
        raise NotImplementedError

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:  # pragma: no cover
        raise NotImplementedError

    def query_tuples(self, sql: str, params: Sequence[Any] = ()) -> tuple[list[str], list[tuple[Any, ...]]]:
        """(column names, rows as tuples): for a reader of thousands of rows that makes no dict of
        most of them (the targets of a region, ordered before a page of them is judged)."""
        rows = self.query(sql, params)
        names = list(rows[0]) if rows else []
        return names, [tuple(r.values()) for r in rows]

    #: Ids bound in one ``IN (…)`` of ``query_ids`` (SQLite allows 32,766 parameters; a page of a
    #: region's targets, or the documents of its facts, are a few hundred).
    IDS_PER_QUERY = 500

    def query_ids(self, sql: str, ids: Sequence[Any]) -> list[dict[str, Any]]:
        """The rows of ``sql`` — a query ending in ``IN`` — for ``ids``, queried a slice at a time."""
        rows: list[dict[str, Any]] = []
        for i in range(0, len(ids), self.IDS_PER_QUERY):
            part = list(ids[i:i + self.IDS_PER_QUERY])
            rows.extend(self.query(f"{sql} ({', '.join('?' * len(part))})", part))
        return rows

    _depth = 0  # nesting of transaction(): only the outermost call begins and ends one

    @contextmanager
    def transaction(self, *, durable: bool = False) -> Iterator[None]:
        """One write transaction; nested calls join the outer one.

        ``durable=True`` for what a person entered (corrections, a restore): its commit is on
        disk before the call returns, even where the backend trades that for speed during an
        ingest, which can simply be run again.  The engines differ only in the hooks below.
        """
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        self._begin(durable)
        self._depth = 1
        try:
            yield
        except BaseException:
            self._depth = 0
            self._end(durable, commit=False)
            raise
        self._depth = 0
        self._end(durable, commit=True)

    def _begin(self, durable: bool) -> None:  # pragma: no cover - interface
        raise NotImplementedError

    def _end(self, durable: bool, *, commit: bool) -> None:  # pragma: no cover - interface
        raise NotImplementedError

    @property
    def in_transaction(self) -> bool:
        return self._depth > 0

    def lock(self, *keys: str) -> None:
        """Inside a write transaction: wait until no other transaction holds any of ``keys``.

        Only needed where several writers can run at once (PostgreSQL); the lock ends with the
        transaction.
        """

    @contextmanager
    def migration_lock(self) -> Iterator[None]:
        """Held while migrations are checked and applied (one migrating process at a time)."""
        yield

    def is_retryable(self, error: BaseException) -> bool:
        """Whether ``error`` aborted a transaction that can simply be run again."""
        return False

    def snapshot(self) -> Any:  # pragma: no cover - interface
        """A read-only transaction: every query inside sees the same committed state."""
        raise NotImplementedError

    def iterate(self, sql: str, params: Sequence[Any] = (), size: int = 2000) -> Iterator[tuple[Any, ...]]:
        """Rows as tuples, fetched ``size`` at a time (inside ``snapshot()`` for large tables)."""
        raise NotImplementedError  # pragma: no cover - interface

    def tables(self) -> list[str]:  # pragma: no cover - interface
        """The tables of the database (not the engine's own)."""
        raise NotImplementedError

    def columns(self, table: str) -> list[str]:  # pragma: no cover - interface
        """The columns of ``table`` in their declared order."""
        raise NotImplementedError

    def primary_key(self, table: str) -> list[str]:  # pragma: no cover - interface
        raise NotImplementedError

    def foreign_keys(self, table: str) -> list[tuple[str, str]]:  # pragma: no cover - interface
        """(column, referenced table) of each foreign key of ``table``."""
        raise NotImplementedError

    def bulk_insert(self, table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
        """Insert many rows with explicit values (restore); inside a transaction."""
        sql = (
            f"INSERT INTO {quote_name(table)} ({', '.join(quote_name(c) for c in columns)}) "
            f"VALUES ({', '.join('?' for _ in columns)})"
        )
        self.executemany(sql, rows)

    def reset_identity(self, table: str) -> None:
        """After inserting explicit ids: make the next generated id follow the largest one."""

    def close(self) -> None:  # pragma: no cover - interface
        raise NotImplementedError


class SQLiteBackend(Backend):
    """SQLite in WAL mode: readers never wait for a writer; every ingest step is one transaction.

    ``isolation_level=None`` puts the driver in autocommit mode so that ``transaction()`` is the
    only place a transaction begins or ends — no implicit BEGIN from the driver can widen or
    split the one-document-one-transaction rule.
    """

    dialect = "sqlite"
    ddl = {"pk": "INTEGER PRIMARY KEY", "float": "REAL", "text": "TEXT", "int": "INTEGER", "json": "TEXT"}

    def __init__(self, location: str) -> None:
        self.location = location
        self.url = location if location == ":memory:" else str(Path(location).resolve())
        if location != ":memory:":
            parent = Path(location).expanduser().resolve().parent
            try:
                parent.mkdir(parents=True, exist_ok=True)
            except OSError as e:
                raise StoreError(f"cannot create the database folder {parent}: {e.strerror or e}") from e
        try:
            self.conn = sqlite3.connect(location, isolation_level=None, timeout=60, check_same_thread=False)
        except sqlite3.Error as e:
            raise StoreError(f"cannot open the database {location}: {e}") from e
        self.conn.row_factory = sqlite3.Row
        try:
            if location != ":memory:":
                # WAL: a dashboard (or any reader) keeps answering while an ingest writes; a
                # reader sees the last committed document, never half of one.
                self._while_locked(lambda: self.conn.execute("PRAGMA journal_mode=WAL"), location)
            # NORMAL in WAL mode: a commit survives a crash or SIGKILL of the process (it is in the
            # WAL file), and every transaction stays atomic; only a power cut can lose the last few
            # commits — which a re-run of the idempotent ingest restores.  FULL would fsync every
            # document and double ingest time on a slow disk.
            self.conn.execute("PRAGMA synchronous=NORMAL")
            self.conn.execute("PRAGMA foreign_keys=ON")
            # 64 MB of page cache: an ingest updates several indexes per fact, and with the
            # default 2 MB their pages are re-read from disk as the database grows.
            self.conn.execute("PRAGMA cache_size=-65536")
        except sqlite3.DatabaseError as e:
            raise StoreError(f"{location} is not a PlanWatch database (or is damaged): {e}") from e
        self._depth = 0

    #: How long opening waits for another process that holds the new database's lock.
    OPEN_WAIT = 60.0

    @staticmethod
    def _while_locked(step: Any, location: str) -> Any:
        """Run ``step``, again while the database is locked by another process.

        Two processes creating one new database at once both switch it to WAL; SQLite answers the
        second "database is locked" at once, without waiting (the busy timeout does not cover a
        journal-mode change), which was reported as a damaged database.  It is only a wait.
        """
        deadline = time.monotonic() + SQLiteBackend.OPEN_WAIT
        pause = 0.005
        while True:
            try:
                return step()
            except sqlite3.OperationalError as e:
                if not any(w in str(e) for w in ("locked", "busy")):
                    raise
                if time.monotonic() > deadline:
                    raise StoreError(f"{location} is locked by another process (waited "
                                     f"{SQLiteBackend.OPEN_WAIT:.0f} s); try again when it is done") from e
                time.sleep(pause)
                pause = min(pause * 2, 0.25)

    def execute(self, sql: str, params: Sequence[Any] = ()) -> sqlite3.Cursor:
        return self.conn.execute(sql, tuple(params))

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        self.conn.executemany(sql, rows)

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        # Plain tuples zipped with the column names: building dicts from ``sqlite3.Row`` costs
        # about 40% more, which the monitor pays on every row it reads (thousands per region);
        # ``strict=True`` 25% more, and a row always has as many values as the cursor has columns.
        cur = self.conn.cursor()
        cur.row_factory = None
        cur.execute(sql, tuple(params))
        if cur.description is None:
            return []
        names = [d[0] for d in cur.description]
        return [dict(zip(names, r, strict=False)) for r in cur.fetchall()]

    def query_tuples(self, sql: str, params: Sequence[Any] = ()) -> tuple[list[str], list[tuple[Any, ...]]]:
        cur = self.conn.cursor()
        cur.row_factory = None
        cur.execute(sql, tuple(params))
        return ([d[0] for d in cur.description] if cur.description else []), cur.fetchall()

    def _begin(self, durable: bool) -> None:
        """``BEGIN IMMEDIATE`` takes the write lock at the start, so two concurrent ingests queue
        instead of failing half-way with "database is locked" at their first write.  A durable
        transaction commits with ``synchronous=FULL`` (the WAL is fsynced at its commit): the
        connection's ``NORMAL`` could lose it to a power cut, and a correction, unlike an
        ingest, cannot be made again by re-running a command.
        """
        if durable:
            self.conn.execute("PRAGMA synchronous=FULL")
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except BaseException:
            if durable:
                self.conn.execute("PRAGMA synchronous=NORMAL")
            raise

    def _end(self, durable: bool, *, commit: bool) -> None:
        try:
            self.conn.execute("COMMIT" if commit else "ROLLBACK")
        finally:
            if durable:
                self.conn.execute("PRAGMA synchronous=NORMAL")

    def is_retryable(self, error: BaseException) -> bool:
        # The busy timeout (60 s) ran out behind another writer: running again is all one can do.
        return isinstance(error, sqlite3.OperationalError) and any(
            w in str(error) for w in ("database is locked", "database is busy")
        )

    @contextmanager
    def snapshot(self) -> Iterator[None]:
        """A deferred read transaction: in WAL mode it sees one commit, and blocks no writer."""
        self.conn.execute("BEGIN")
        self._depth = 1
        try:
            self.conn.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchall()  # starts the read now
            yield
        finally:
            self._depth = 0
            self.conn.execute("COMMIT")

    def iterate(self, sql: str, params: Sequence[Any] = (), size: int = 2000) -> Iterator[tuple[Any, ...]]:
        cur = self.conn.cursor()
        cur.row_factory = None  # plain tuples
        cur.execute(sql, tuple(params))
        while True:
            rows = cur.fetchmany(size)
            if not rows:
                return
            yield from rows

    def tables(self) -> list[str]:
        rows = self.query(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"
        )
        return sorted(r["name"] for r in rows)

    def columns(self, table: str) -> list[str]:
        return [r["name"] for r in self.query(f"PRAGMA table_info({quote_name(table)})")]

    def primary_key(self, table: str) -> list[str]:
        rows = [r for r in self.query(f"PRAGMA table_info({quote_name(table)})") if r["pk"]]
        return [r["name"] for r in sorted(rows, key=lambda r: r["pk"])]

    def foreign_keys(self, table: str) -> list[tuple[str, str]]:
        return [(r["from"], r["table"]) for r in self.query(f"PRAGMA foreign_key_list({quote_name(table)})")]

    def close(self) -> None:
        self.conn.close()


# -- PostgreSQL ---------------------------------------------------------------------------------
_PG_DDL_WORDS = re.compile(r"\b(INTEGER|TEXT)\b")
_PG_IS_NOT = re.compile(r"\bIS\s+NOT\s+\x00", re.IGNORECASE)
_PG_IS = re.compile(r"\bIS\s+\x00", re.IGNORECASE)
_PG_TYPES = {"INTEGER": "BIGINT", "TEXT": 'TEXT COLLATE "C"'}
#: Session advisory lock held while migrating (an arbitrary constant: "planwatch schema").
MIGRATION_LOCK_KEY = lock_key("planwatch:schema")


@functools.lru_cache(maxsize=1024)
def pg_sql(sql: str) -> str:
    """``sql`` for psycopg: ``?`` → ``%s`` and ``%`` → ``%%`` outside quotes; table DDL types mapped.

    ``x IS ?`` / ``x IS NOT ?`` (SQLite's null-safe comparisons) become ``IS [NOT] DISTINCT FROM``.
    A ``?`` inside a string literal (``'?'``) or a quoted name stays as it is.  In ``CREATE`` and
    ``ALTER TABLE`` statements the bare words ``INTEGER`` and ``TEXT`` become ``BIGINT`` and
    ``TEXT COLLATE "C"`` (see the module docstring); column names are lower case, so only the
    type words match.
    """
    head = sql.lstrip()[:12].upper()
    out: list[str] = []
    quote = ""
    for ch in sql:
        if quote:
            out.append("%%" if ch == "%" else ch)
            if ch == quote:
                quote = ""
            continue
        if ch in ("'", '"'):
            quote = ch
            out.append(ch)
        elif ch == "?":
            out.append("\x00")
        elif ch == "%":
            out.append("%%")
        else:
            out.append(ch)
    # SQLite's null-safe ``a IS ?`` is the standard's ``IS NOT DISTINCT FROM``, which PostgreSQL
    # (unlike SQLite) requires when the right side is a parameter.
    text = _PG_IS_NOT.sub("IS DISTINCT FROM \x00", "".join(out))
    text = _PG_IS.sub("IS NOT DISTINCT FROM \x00", text).replace("\x00", "%s")
    if head.startswith(("CREATE TABLE", "ALTER TABLE")):
        text = _PG_DDL_WORDS.sub(lambda m: _PG_TYPES[m.group(1)], text)
    return text


class PostgresBackend(Backend):
    """PostgreSQL through psycopg 3, in autocommit mode with explicit ``BEGIN``/``COMMIT``.

    Autocommit outside ``transaction()`` means a read never leaves a transaction open (no idle
    session holding back vacuum, no stale snapshot in a long-running dashboard); inside it, the
    isolation level is the server's default, READ COMMITTED, with the advisory locks of
    ``lock()`` ordering the writers of one document.
    """

    dialect = "postgresql"
    ddl = {
        "pk": "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY",
        "float": "DOUBLE PRECISION",
        "text": 'TEXT COLLATE "C"',
        "int": "BIGINT",
        "json": 'TEXT COLLATE "C"',  # kept as written (key order, spacing): a dump round-trips exactly
    }

    def __init__(self, url: str) -> None:
        try:
            import psycopg
            from psycopg.rows import dict_row
            from psycopg.types.numeric import FloatLoader
        except ImportError as e:  # pragma: no cover - psycopg is a dependency
            raise StoreError("PostgreSQL needs the psycopg driver: pip install 'psycopg[binary]'") from e
        self._psycopg = psycopg
        self._dict_row = dict_row
        self._float_loader = FloatLoader
        self._conninfo = url
        self.url = masked_url(url)
        self.conn = self._connect()
        self._depth = 0

    def _connect(self) -> Any:
        try:
            conn = self._psycopg.connect(
                self._conninfo, autocommit=True, application_name="planwatch",
                connect_timeout=int(os.environ.get("PGCONNECT_TIMEOUT", "10")),
            )  # fmt: skip
        except self._psycopg.Error as e:
            message = " ".join(str(e).split())
            raise StoreError(f"cannot connect to PostgreSQL at {self.url}: {message}") from e
        # SUM/AVG over integers give numeric: read it as float, as SQLite gives it.
        conn.adapters.register_loader("numeric", self._float_loader)
        return conn

    def _lost(self, error: BaseException) -> bool:
        """Whether ``error`` means the connection is gone (a server restart, an idle timeout)
        outside a transaction: then a long-running process (the dashboard) opens a new one and
        runs the statement again, instead of failing every request from then on."""
        if self._depth or not isinstance(error, self._psycopg.OperationalError) or not self.conn.closed:
            return False
        self.conn = self._connect()
        return True

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        try:
            return self.conn.execute(pg_sql(sql), tuple(params))
        except self._psycopg.OperationalError as e:
            if not self._lost(e):
                raise
            return self.conn.execute(pg_sql(sql), tuple(params))

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        batch = [tuple(r) for r in rows]
        if batch:
            with self.conn.cursor() as cur:
                cur.executemany(pg_sql(sql), batch)

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        try:
            return self._query(sql, params)
        except self._psycopg.OperationalError as e:
            if not self._lost(e):
                raise
            return self._query(sql, params)

    def _query(self, sql: str, params: Sequence[Any]) -> list[dict[str, Any]]:
        with self.conn.cursor(row_factory=self._dict_row) as cur:
            cur.execute(pg_sql(sql), tuple(params))
            return cur.fetchall() if cur.description else []

    def _begin(self, durable: bool) -> None:
        """Durable: ``synchronous_commit`` is forced on for this transaction, whatever the server
        or the role is configured with."""
        self.execute("BEGIN")  # (a lost connection is replaced here, before anything is written)
        if durable:
            try:
                self.conn.execute("SET LOCAL synchronous_commit = on")
            except BaseException:
                self._end(durable, commit=False)
                raise

    def _end(self, durable: bool, *, commit: bool) -> None:
        if commit:
            self.conn.execute("COMMIT")
            return
        try:
            self.conn.execute("ROLLBACK")
        except self._psycopg.Error:  # the connection is gone: the server rolls back itself
            pass

    def lock(self, *keys: str) -> None:
        """Transaction advisory locks, always taken in ascending key order (no lock cycles)."""
        if not self._depth:
            raise RuntimeError("Backend.lock() is only meaningful inside a transaction")
        for key in sorted({lock_key(k) for k in keys}):
            self.conn.execute("SELECT pg_advisory_xact_lock(%s)", (key,))

    @contextmanager
    def migration_lock(self) -> Iterator[None]:
        self.conn.execute("SELECT pg_advisory_lock(%s)", (MIGRATION_LOCK_KEY,))
        try:
            yield
        finally:
            try:
                self.conn.execute("SELECT pg_advisory_unlock(%s)", (MIGRATION_LOCK_KEY,))
            except self._psycopg.Error:  # pragma: no cover - connection lost: the lock went with it
                pass

    def is_retryable(self, error: BaseException) -> bool:
        errors = self._psycopg.errors
        return isinstance(error, errors.SerializationFailure | errors.DeadlockDetected | errors.UniqueViolation)

    @contextmanager
    def snapshot(self) -> Iterator[None]:
        self.conn.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
        self._depth = 1
        try:
            yield
        finally:
            self._depth = 0
            self.conn.execute("COMMIT")

    def iterate(self, sql: str, params: Sequence[Any] = (), size: int = 2000) -> Iterator[tuple[Any, ...]]:
        """A server-side cursor: the table never has to fit in this process's memory."""
        if not self._depth:
            with self.snapshot():
                yield from self.iterate(sql, params, size)
            return
        with self.conn.cursor(name=f"planwatch_iter_{id(self)}_{self._depth}") as cur:
            cur.itersize = size
            cur.execute(pg_sql(sql), tuple(params))
            yield from cur

    def tables(self) -> list[str]:
        rows = self.query(
            "SELECT table_name AS name FROM information_schema.tables "
            "WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'"
        )
        return sorted(r["name"] for r in rows)

    def columns(self, table: str) -> list[str]:
        rows = self.query(
            "SELECT column_name AS name FROM information_schema.columns "
            "WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position",
            (table,),
        )
        return [r["name"] for r in rows]

    def primary_key(self, table: str) -> list[str]:
        rows = self.query(
            "SELECT a.attname AS name FROM pg_index i "
            "JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey) "
            "WHERE i.indrelid = to_regclass(?) AND i.indisprimary ORDER BY array_position(i.indkey, a.attnum)",
            (quote_name(table),),
        )
        return [r["name"] for r in rows]

    def foreign_keys(self, table: str) -> list[tuple[str, str]]:
        rows = self.query(
            "SELECT a.attname AS col, c.confrelid::regclass::text AS ref FROM pg_constraint c "
            "JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1] "
            "WHERE c.contype = 'f' AND c.conrelid = to_regclass(?)",
            (quote_name(table),),
        )
        return [(r["col"], r["ref"].strip('"')) for r in rows]

    def bulk_insert(self, table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
        """``COPY … FROM STDIN``: an order of magnitude faster than INSERTs for a restore."""
        names = ", ".join(quote_name(c) for c in columns)
        with self.conn.cursor() as cur, cur.copy(f"COPY {quote_name(table)} ({names}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)

    def reset_identity(self, table: str) -> None:
        rows = self.query(
            "SELECT column_name AS name FROM information_schema.columns WHERE table_schema = current_schema() "
            "AND table_name = ? AND is_identity = 'YES'",
            (table,),
        )
        for r in rows:
            col = quote_name(r["name"])
            self.query(
                f"SELECT setval(pg_get_serial_sequence(?, ?), COALESCE(MAX({col}), 0) + 1, false) "
                f"FROM {quote_name(table)}",
                (quote_name(table), r["name"]),
            )

    def close(self) -> None:
        self.conn.close()


def open_backend(url: str | os.PathLike[str] | None) -> Backend:
    """The backend for ``url`` (see ``parse_url``)."""
    dialect, location = parse_url(url)
    if dialect == "sqlite":
        return SQLiteBackend(location)
    if dialect == "postgresql":
        return PostgresBackend(location)
    raise StoreError(f"unsupported database {dialect}")  # pragma: no cover - parse_url refuses first
