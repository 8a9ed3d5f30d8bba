"""Database backends behind one small interface.

The store speaks portable SQL (``?`` placeholders, ``INSERT … ON CONFLICT``, ``RETURNING``, no
``AUTOINCREMENT``, no SQLite-only functions) so that a PostgreSQL backend can be added later as
a second implementation of ``Backend`` without touching the queries: it only has to translate
``?`` into its own paramstyle and the few DDL type words in ``Backend.ddl`` (``{pk}``,
``{float}``).  Today only SQLite is implemented; ``open_backend`` says so plainly for any
other URL instead of failing somewhere deep inside a driver.

Why plain ``sqlite3`` rather than SQLAlchemy: it is in the standard library, it is fast for the
bulk inserts of an ingest, and the surface the store needs (execute, executemany, one
transaction at a time) is small enough to wrap by hand.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from planwatch.errors import PlanWatchError

ENV_DB = "PLANWATCH_DB"


class StoreError(PlanWatchError):
    """A database problem the user can act on (bad URL, unsupported backend, locked file)."""


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
    ``sqlite://`` or ``:memory:`` (in memory); ``postgresql://…`` is recognised but refused
    until its backend exists.
    """
    if url is None:
        return "sqlite", str(default_db_path())
    text = os.fspath(url)
    if text in (":memory:", "sqlite://", "sqlite:///:memory:"):
        return "sqlite", ":memory:"
    if text.startswith("sqlite:///"):
        return "sqlite", text[len("sqlite:///") :]
    if text.startswith(("postgresql:", "postgres:", "postgresql+")):
        raise StoreError("PostgreSQL is not supported yet (it comes in a later release); use a SQLite file path")
    if "://" in text:
        scheme = text.split("://", 1)[0]
        raise StoreError(f"unsupported database URL scheme {scheme!r}: use a file path or sqlite:///FILE")
    return "sqlite", text


class Backend:
    """What the store needs from a database: statements, transactions and its DDL dialect."""

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

    def transaction(self) -> Any:  # pragma: no cover - interface
        raise NotImplementedError

    def close(self) -> None:  # pragma: no cover - interface
        raise NotImplementedError


class SQLiteBackend(Backend):
    """SQLite in WAL mode: readers never wait for a writer; every ingest step is one transaction.

    ``isolation_level=None`` puts the driver in autocommit mode so that ``transaction()`` is the
    only place a transaction begins or ends — no implicit BEGIN from the driver can widen or
    split the one-document-one-transaction rule.
    """

    dialect = "sqlite"
    ddl = {"pk": "INTEGER PRIMARY KEY", "float": "REAL", "text": "TEXT", "int": "INTEGER"}

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
                self.conn.execute("PRAGMA journal_mode=WAL")
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

    def execute(self, sql: str, params: Sequence[Any] = ()) -> sqlite3.Cursor:
        return self.conn.execute(sql, tuple(params))

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        self.conn.executemany(sql, rows)

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        cur = self.conn.execute(sql, tuple(params))
        return [dict(r) for r in cur.fetchall()]

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One write transaction; nested calls join the outer one.

        ``BEGIN IMMEDIATE`` takes the write lock at the start, so two concurrent ingests queue
        instead of failing half-way with "database is locked" at their first write.
        """
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        self.conn.execute("BEGIN IMMEDIATE")
        self._depth = 1
        try:
            yield
        except BaseException:
            self._depth = 0
            self.conn.execute("ROLLBACK")
            raise
        self._depth = 0
        self.conn.execute("COMMIT")

    def close(self) -> None:
        self.conn.close()


def open_backend(url: str | os.PathLike[str] | None) -> Backend:
    """The backend for ``url`` (see ``parse_url``)."""
    dialect, location = parse_url(url)
    if dialect == "sqlite":
        return SQLiteBackend(location)
    raise StoreError(f"unsupported database {dialect}")  # pragma: no cover - parse_url refuses first
