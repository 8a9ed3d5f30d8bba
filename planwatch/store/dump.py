"""Backup and restore: ``planwatch dump FILE`` and ``planwatch restore FILE``.

A dump is **JSON Lines** (gzip-compressed when the file name ends in ``.gz``), one object or
array per line, UTF-8 with Chinese as is::

    {"format": "planwatch-dump", "format_version": 1, "schema_version": 3, "tables": [...], ...}
    {"table": "documents", "columns": ["id", "doc_key", ...]}
    [1, "/data/a.txt", ...]                      one array per row, in primary-key order
    {"end": "documents", "rows": 5}
    ...                                          every table, parents before children
    {"end_of_dump": true, "rows": {"documents": 5, ...}}

Why this format: it streams both ways (a dump of millions of facts never has to fit in
memory), any tool can read it (``jq``, pandas, a text editor), it does not depend on either
database engine's own format, so one file moves a database from SQLite to PostgreSQL and back,
and the trailing counts reveal a truncated file, which ``restore`` then refuses.

**Exact.**  Every table is dumped (the ones later migrations add included, found in the
database's catalog), every column, ids and timestamps as stored, numbers as Python's shortest
round-tripping ``repr``; ``restore`` writes them back verbatim into an empty database, so the
dump of a restored database is the same file (apart from the header's ``created_at`` and
``source``).  Not dumped: ``schema_version`` (the target records its own migrations).

**Versioned.**  ``format_version`` is the layout of the file; ``schema_version`` the database
schema the rows belong to.  ``restore`` builds the target schema up to the dump's version,
loads the rows, then applies the later migrations, exactly as an old database is upgraded;
a dump from a newer PlanWatch (a schema this one does not know) is refused.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from planwatch import __version__
from planwatch.store.backend import Backend, StoreError, open_backend, parse_url, quote_name
from planwatch.store.schema import LATEST_VERSION, MIGRATIONS, current_version, migrate, now

FORMAT = "planwatch-dump"
FORMAT_VERSION = 1
#: Tables that belong to the database's bookkeeping, not to its content.
NOT_DUMPED = frozenset({"schema_version"})
BATCH = 2000


class DumpError(StoreError):
    """A dump that cannot be written or a file that cannot be restored (the message says why)."""


@dataclass
class DumpSummary:
    """What a dump or a restore moved: rows per table, in the order written."""

    path: str
    schema_version: int
    rows: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.rows.values())

    def describe(self) -> str:
        main = ", ".join(f"{self.rows.get(t, 0)} {t}" for t in ("documents", "facts", "corrections", "audit_log"))
        return f"{self.total} rows in {len(self.rows)} tables ({main}), schema version {self.schema_version}"


def planwatch_tables() -> set[str]:
    """The tables the migrations create: a PostgreSQL schema may hold other applications' tables too."""
    return {
        name
        for m in MIGRATIONS
        for statement in m.statements
        for name in re.findall(r"CREATE\s+TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?(\w+)", statement, re.IGNORECASE)
    }


def table_order(db: Backend) -> list[str]:
    """The tables to dump, each after the tables its foreign keys point to (ties by name).

    A table's references to itself (``documents.superseded_by``) do not constrain the order;
    ``restore`` fills them in after the table's rows.  A cycle between tables (none exists)
    would fall back to name order, and the restore would report the foreign key it breaks.
    """
    ours = planwatch_tables()
    tables = [t for t in db.tables() if t in ours and t not in NOT_DUMPED]
    deps = {t: {ref for _, ref in db.foreign_keys(t) if ref != t and ref in tables} for t in tables}
    order: list[str] = []
    done: set[str] = set()
    while len(order) < len(tables):
        ready = sorted(t for t in tables if t not in done and deps[t] <= done)
        if not ready:  # pragma: no cover - a cycle between tables
            ready = sorted(t for t in tables if t not in done)[:1]
        for t in ready:
            order.append(t)
            done.add(t)
    return order


def _json_value(value: Any) -> Any:
    raise DumpError(f"cannot dump a value of type {type(value).__name__}: {value!r:.60}")


def _line(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"), default=_json_value) + "\n"


@contextmanager
def _open_out(path: str) -> Iterator[IO[str]]:
    """``path`` for writing (``-``: stdout); written to a temporary name and renamed when complete."""
    if path == "-":
        yield sys.stdout
        sys.stdout.flush()
        return
    target = Path(path)
    tmp = target.with_name(f".{target.name}.partial")
    try:
        raw: IO[bytes] = gzip.open(tmp, "wb", compresslevel=6) if target.suffix == ".gz" else open(tmp, "wb")
    except OSError as e:
        raise DumpError(f"cannot write {path}: {e.strerror or e}") from e
    try:
        with raw, io.TextIOWrapper(raw, encoding="utf-8", newline="\n") as out:
            yield out
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


@contextmanager
def _open_in(path: str) -> Iterator[IO[str]]:
    if path == "-":
        yield io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8")
        return
    try:
        with open(path, "rb") as probe:
            gz = probe.read(2) == b"\x1f\x8b"
        raw: IO[bytes] = gzip.open(path, "rb") if gz else open(path, "rb")
    except FileNotFoundError as e:
        raise DumpError(f"no such file: {path}") from e
    except OSError as e:
        raise DumpError(f"cannot read {path}: {e.strerror or e}") from e
    with raw, io.TextIOWrapper(raw, encoding="utf-8") as f:
        yield f


def dump(url_or_db: str | os.PathLike[str] | Backend | None, path: str) -> DumpSummary:
    """Write the database at ``url_or_db`` to ``path`` (``-``: stdout); one consistent snapshot.

    The snapshot is a read transaction: ingests and corrections may go on meanwhile (SQLite in
    WAL mode, PostgreSQL REPEATABLE READ) and the dump holds none of their half-done work.
    """
    if not isinstance(url_or_db, Backend):
        dialect, location = parse_url(url_or_db)
        if dialect == "sqlite" and location != ":memory:" and not Path(location).exists():
            raise DumpError(f"no database at {location}")
    db = url_or_db if isinstance(url_or_db, Backend) else open_backend(url_or_db)
    try:
        with db.snapshot():
            try:
                version = current_version(db)
            except Exception as e:  # the driver's "no such table"
                raise DumpError(f"{db.url} is not a PlanWatch database (it has no schema_version table)") from e
            order = table_order(db)
            summary = DumpSummary(path, version)
            with _open_out(path) as out:
                out.write(_line({
                    "format": FORMAT, "format_version": FORMAT_VERSION, "planwatch": __version__,
                    "schema_version": version, "source": db.dialect, "created_at": now(), "tables": order,
                }))  # fmt: skip
                for table in order:
                    columns = db.columns(table)
                    key = db.primary_key(table) or columns
                    out.write(_line({"table": table, "columns": columns}))
                    n = 0
                    sql = (
                        f"SELECT {', '.join(quote_name(c) for c in columns)} FROM {quote_name(table)} "
                        f"ORDER BY {', '.join(quote_name(c) for c in key)}"
                    )
                    for row in db.iterate(sql, (), BATCH):
                        out.write(_line(list(row)))
                        n += 1
                    out.write(_line({"end": table, "rows": n}))
                    summary.rows[table] = n
                out.write(_line({"end_of_dump": True, "rows": summary.rows}))
    finally:
        if not isinstance(url_or_db, Backend):
            db.close()
    return summary


class _Reader:
    """The lines of a dump, parsed, with the line number for messages."""

    def __init__(self, f: IO[str], path: str) -> None:
        self.f = f
        self.path = path
        self.lineno = 0

    def next(self) -> Any:
        line = self.f.readline()
        self.lineno += 1
        if not line or not line.endswith("\n"):
            raise DumpError(f"{self.path} ends before the dump does (line {self.lineno}): the file is incomplete")
        try:
            return json.loads(line)
        except ValueError as e:
            raise DumpError(f"{self.path}, line {self.lineno}: not a dump line ({e})") from e


def read_header(reader: _Reader) -> dict[str, Any]:
    try:
        header = reader.next()
    except DumpError as e:
        raise DumpError(f"{reader.path} is not a PlanWatch dump (made by `planwatch dump`)") from e
    if not isinstance(header, dict) or header.get("format") != FORMAT:
        raise DumpError(f"{reader.path} is not a PlanWatch dump (made by `planwatch dump`)")
    if header.get("format_version") != FORMAT_VERSION:
        raise DumpError(
            f"{reader.path} is a dump of format version {header.get('format_version')}; this PlanWatch reads "
            f"version {FORMAT_VERSION}: use the PlanWatch that wrote it, or a newer one"
        )
    version = header.get("schema_version")
    if not isinstance(version, int) or version > LATEST_VERSION:
        raise DumpError(
            f"{reader.path} holds schema version {version}, newer than this PlanWatch knows ({LATEST_VERSION}): "
            "upgrade PlanWatch"
        )
    return header


def _is_empty(db: Backend) -> list[str]:
    """The PlanWatch tables of ``db`` that hold rows (restore writes only into an empty database)."""
    ours = planwatch_tables() - NOT_DUMPED
    return [t for t in db.tables() if t in ours and db.query(f"SELECT 1 AS x FROM {quote_name(t)} LIMIT 1")]


def restore(url: str | os.PathLike[str] | None, path: str) -> DumpSummary:
    """Load the dump at ``path`` (``-``: stdin) into the empty database at ``url``, in one transaction.

    Either every row is restored or, on any error (a truncated file, a row that does not fit),
    none is.  The target may be a new file or an empty PostgreSQL database: its schema is built
    up to the dump's version first, and migrated to the latest after the rows are in.
    """
    with _open_in(path) as f:
        reader = _Reader(f, path)
        header = read_header(reader)
        version = int(header["schema_version"])
        db = open_backend(url)
        try:
            busy = _is_empty(db)
            if busy:
                raise DumpError(
                    f"the database {db.url} is not empty ({', '.join(busy)} hold rows): restore into a new "
                    "database file or an empty PostgreSQL database"
                )
            migrate(db, up_to=version)
            summary = DumpSummary(path, version)
            with db.transaction(durable=True):
                _load(db, reader, summary)
            migrate(db)
        finally:
            db.close()
    return summary


def _load(db: Backend, reader: _Reader, summary: DumpSummary) -> None:
    known = set(db.tables())
    while True:
        head = reader.next()
        if isinstance(head, dict) and head.get("end_of_dump"):
            expected = head.get("rows") or {}
            if expected != summary.rows:
                raise DumpError(f"{reader.path}: the row counts at its end do not match its rows: damaged file")
            return
        if not isinstance(head, dict) or "table" not in head:
            raise DumpError(f"{reader.path}, line {reader.lineno}: expected a table header")
        table, columns = str(head["table"]), [str(c) for c in head["columns"]]
        if table not in known:
            raise DumpError(f"{reader.path}: table {table!r} is not in this database's schema")
        missing = set(columns) - set(db.columns(table))
        if missing:
            raise DumpError(f"{reader.path}: table {table} has no column(s) {', '.join(sorted(missing))} here")
        summary.rows[table] = _load_table(db, reader, table, columns)


def _load_table(db: Backend, reader: _Reader, table: str, columns: list[str]) -> int:
    """Insert one table's rows (streamed from ``reader``); the number of rows."""
    key = db.primary_key(table)
    # References of a table to itself point at rows that may come later (a document's newer
    # version): insert NULL, then set them once every row of the table is in.
    self_refs = [columns.index(c) for c, ref in db.foreign_keys(table) if ref == table and c in columns]
    key_index = columns.index(key[0]) if len(key) == 1 and key[0] in columns else -1
    if self_refs and key_index < 0:  # pragma: no cover - no such table
        raise DumpError(f"{reader.path}: table {table} refers to itself but has no single-column key")
    later: list[tuple[int, Any, Any]] = []
    count = 0

    def rows() -> Iterator[list[Any]]:
        nonlocal count
        while True:
            row = reader.next()
            if isinstance(row, dict):
                if row.get("end") != table or row.get("rows") != count:
                    raise DumpError(f"{reader.path}, line {reader.lineno}: table {table} is incomplete")
                return
            if not isinstance(row, list) or len(row) != len(columns):
                raise DumpError(f"{reader.path}, line {reader.lineno}: a row of {table} with the wrong width")
            for i in self_refs:
                if row[i] is not None:
                    later.append((i, row[i], row[key_index]))
                    row[i] = None
            count += 1
            yield row

    db.bulk_insert(table, columns, rows())
    for i in self_refs:
        db.executemany(
            f"UPDATE {quote_name(table)} SET {quote_name(columns[i])} = ? WHERE {quote_name(key[0])} = ?",
            [(value, row_key) for j, value, row_key in later if j == i],
        )
    db.reset_identity(table)
    return count
