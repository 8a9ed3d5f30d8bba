"""The indicator store: ingest documents, keep their versions, correct facts, read them back.

``Store`` is persistence only.  The monitoring questions (series, targets, conflicts,
comparisons) are a layer above it, ``planwatch.monitor``, whose functions take a ``Store``; the
store imports nothing from that layer or from the report, web and CLI layers over it
(``tests/test_layers.py`` holds it to that).  Writing follows three rules:

* **One transaction per document.**  Extraction runs first, outside any transaction; the
  document row, its segments, its facts, the superseding of its previous version, the
  re-application of its corrections and the audit entry are then written in one transaction.
  A crash, a SIGKILL or a bad file leaves the database as it was before that document.
* **Idempotent.**  A file whose bytes were already ingested changes nothing.  A changed file at
  a known path becomes version N+1 of that document; the facts of version N stay, marked not
  current, and the corrections made on them are applied to the new facts.
* **Nothing is deleted.**  Rejecting a fact marks it; correcting it keeps the extracted fact in
  ``facts.extracted`` and both states in the audit log.
"""

from __future__ import annotations

import hashlib
import json
import operator
import os
import random
import stat
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, TypeVar

from planwatch import __version__
from planwatch.context import StatedContext
from planwatch.errors import PlanWatchError
from planwatch.gazetteer import Gazetteer, Region, load_gazetteer
from planwatch.model import Document
from planwatch.readers import MAX_BYTES
from planwatch.store.backend import Backend, open_backend, quote_name
from planwatch.store.corrections import (
    ACTIONS,
    SETTABLE,
    CorrectionError,
    coerce_changes,
    derived_columns,
    next_status,
    public_state,
    to_json,
)
from planwatch.store.records import (
    FACT_COLUMNS,
    Resolver,
    extracted_json,
    extracted_of,
    fact_rows,
    plan_of,
    region_lineage,
    sha256_bytes,
)
from planwatch.store.schema import DOCUMENT_HEAD_COLUMNS, DOCUMENT_HEAD_INDEX, migrate, now
from planwatch.store.search import DocumentMatches, bulk_load, ensure_index, find_documents
from planwatch.taxonomy import Indicator, Taxonomy, load_taxonomy

Status = Literal["added", "updated", "unchanged", "duplicate", "failed"]

#: Fault injection for the crash test: seconds to sleep inside the transaction, just before
#: COMMIT, after printing a line on stderr.  Never set it outside tests.
FAULT_PAUSE_ENV = "PLANWATCH_TEST_PAUSE_BEFORE_COMMIT"


def supported_extensions() -> tuple[str, ...]:
    from planwatch.readers import SUPPORTED_EXTENSIONS

    return tuple(SUPPORTED_EXTENSIONS)


def iter_files(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Path]:
    """The files to ingest, one at a time: files as given, folders walked (sorted; hidden entries skipped).

    Inside folders only supported extensions are taken, so a folder's README.pdf is read but
    its .csv is not; a file named explicitly is always tried (and reported if unreadable).
    Missing paths are kept so that ingest reports them as failures.  A file is given once even
    when the paths overlap (a folder and a file in it, a folder and its parent).

    A generator, and a walk that holds one directory listing per level, so that ingesting a
    million files needs no list of a million paths (``ingest`` streams).  The order is that of
    ``sorted(folder.rglob("*"))``: names compared component by component; symbolic links to
    folders are not followed.
    """
    exts = supported_extensions()
    walked: list[Path] = []  # folders already walked (resolved)
    named: set[Path] = set()  # files given by name (resolved): as many as the command line holds
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            root = path.resolve()
            if any(_walk_covers(w, root) for w in walked):
                continue
            yield from _walk(path, exts, walked, named)
            walked.append(root)
        else:
            exists = path.exists()
            key = path.resolve() if exists else path
            if key in named or (exists and key.suffix.lower() in exts and any(_walk_covers(w, key) for w in walked)):
                continue
            named.add(key)
            yield path


def _walk_covers(root: Path, path: Path) -> bool:
    """Whether walking ``root`` reaches ``path`` (inside it, with no hidden part on the way)."""
    if path == root:
        return True
    if not path.is_relative_to(root):
        return False
    return not any(part.startswith(".") for part in path.relative_to(root).parts)


def _walk(folder: Path, exts: tuple[str, ...], walked: list[Path], named: set[Path]) -> Iterator[Path]:
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError:
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        child = folder / entry.name
        try:
            if entry.is_dir(follow_symlinks=False):
                if walked and child.resolve() in walked:
                    continue  # given earlier as a folder of its own, and walked then
                yield from _walk(child, exts, walked, named)
            elif entry.is_file() and child.suffix.lower() in exts:
                if named and child.resolve() in named:
                    continue
                yield child
        except OSError:
            continue


def parse_shard(text: str) -> tuple[int, int]:
    """``"K/N"`` → ``(K, N)`` with 1 ≤ K ≤ N (``--shard``); a ``ValueError`` says what is wrong."""
    k, sep, n = text.strip().partition("/")
    if not sep or not k.strip().isdigit() or not n.strip().isdigit():
        raise ValueError(f"shard {text!r} is not K/N (for example 1/4)")
    shard = int(k), int(n)
    if not 1 <= shard[0] <= shard[1]:
        raise ValueError(f"shard {text!r}: K must be between 1 and N")
    return shard


def shard_of(path: Path, n: int) -> int:
    """Which of ``n`` shards (1…n) a file belongs to: a stable hash of its path as walked.

    BLAKE2 of the path's text (not Python's ``hash``, which changes with every process), so
    that every machine running ``--shard K/N`` with the same path arguments agrees on the split.
    """
    digest = hashlib.blake2b(path.as_posix().encode("utf-8", "surrogateescape"), digest_size=8).digest()
    return int.from_bytes(digest, "big") % n + 1


def in_shard(files: Iterable[Path], shard: tuple[int, int] | None) -> Iterator[Path]:
    """The files of shard ``(K, N)`` (all files when ``shard`` is ``None``), in their order."""
    if shard is None or shard[1] == 1:
        yield from files
        return
    k, n = shard
    for path in files:
        if shard_of(path, n) == k:
            yield path


def collect_files(paths: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """``iter_files`` as a list (for callers that need the count first)."""
    return list(iter_files(paths))


@dataclass
class IngestResult:
    """What happened to one file."""

    path: str
    status: Status
    document_id: int | None = None
    version: int | None = None
    n_facts: int = 0
    n_chars: int = 0
    message: str = ""
    reapplied: int = 0
    orphaned: int = 0
    seconds: float = 0.0


@dataclass
class IngestReport:
    """What happened to every file of one ingest call.

    Counts are kept as results arrive (``add``); the results themselves are kept in ``results``
    only with ``keep_results`` (the default, for the library), so that the command line,
    which needs only the counts and the failures, ingests any number of files in flat memory.
    """

    db: str
    results: list[IngestResult] = field(default_factory=list)
    seconds: float = 0.0
    keep_results: bool = True
    failures: list[IngestResult] = field(default_factory=list)
    counts: Counter[str] = field(default_factory=Counter)
    totals: Counter[str] = field(default_factory=Counter)
    #: Seconds spent building PostgreSQL's search index at the end (``bulk``, or one an earlier
    #: bulk load left missing); None when this call built none.
    index_seconds: float | None = None

    def add(self, result: IngestResult) -> None:
        self.counts[result.status] += 1
        self.totals["files"] += 1
        if result.status in ("added", "updated"):
            self.totals["facts"] += result.n_facts
            self.totals["chars"] += result.n_chars
        self.totals["reapplied"] += result.reapplied
        self.totals["orphaned"] += result.orphaned
        if result.status == "failed":
            self.failures.append(result)
        if self.keep_results:
            self.results.append(result)

    def count(self, status: Status) -> int:
        return self.counts[status]

    @property
    def n_files(self) -> int:
        return self.totals["files"]

    @property
    def failed(self) -> list[IngestResult]:
        return list(self.failures)

    @property
    def ok(self) -> bool:
        return not self.failures

    @property
    def n_facts(self) -> int:
        return self.totals["facts"]

    @property
    def n_chars(self) -> int:
        return self.totals["chars"]

    def summary(self) -> str:
        parts = [f"{self.n_files} file{'' if self.n_files == 1 else 's'}"]
        for status in ("added", "updated", "unchanged", "duplicate", "failed"):
            n = self.count(status)  # type: ignore[arg-type]
            if n:
                parts.append(f"{n} {status}")
        parts.append(f"{self.n_facts} new facts")
        reapplied = self.totals["reapplied"]
        orphaned = self.totals["orphaned"]
        if reapplied:
            parts.append(f"{reapplied} corrections re-applied")
        if orphaned:
            parts.append(f"{orphaned} corrections without a matching fact (kept)")
        if self.index_seconds is not None:
            parts.append(f"search index built in {self.index_seconds:.1f}s")
        return ", ".join(parts) + f" in {self.seconds:.1f}s"


@dataclass
class PendingFile:
    """A file read and hashed whose content is not stored yet: it goes to the extractor."""

    path: Path
    shown: str
    doc_key: str
    content_hash: str
    started: float
    context: StatedContext | None = None  # what the user states about the file (planwatch.context)


def extract_document(path: Path, context: StatedContext | None = None) -> Document | str:
    """Run the pipeline on one file: the ``Document``, or why it failed (one line).

    A module-level function, so that ``planwatch.store.parallel`` runs exactly the same code in
    its worker processes.
    """
    from planwatch.pipeline import extract

    try:
        return extract(path, context) if context is not None else extract(path)
    except PlanWatchError as e:
        return str(e)
    except MemoryError:  # the file's memory limit (``limits.FileMemory``), not an extractor bug
        raise
    except Exception as e:  # an extractor bug must not stop a long ingest
        if os.environ.get("PLANWATCH_DEBUG", "") not in ("", "0"):
            raise
        return f"internal error while extracting {path.name}: {type(e).__name__}: {e}"


#: How often a document transaction is tried when the database asks for a retry (a
#: serialization failure or deadlock between concurrent PostgreSQL writers, SQLite busy).
WRITE_ATTEMPTS = 8
_T = TypeVar("_T")
#: A document's fact rows and the region codes they use (``records.fact_rows``).
FactRows = tuple[list[dict[str, Any]], set[str]]
#: ``ingest_document(prepared_projects=...)`` default: not prepared, extract them here.
NOT_PREPARED: Any = object()
assert FACT_COLUMNS[0] == "document_id"
_FACT_GETTER = operator.itemgetter(*FACT_COLUMNS[1:])
_EXTRACTED = FACT_COLUMNS.index("extracted") - 1


def _fact_values(row: dict[str, Any]) -> tuple[Any, ...]:
    """A fact row's values after ``document_id``, in ``FACT_COLUMNS`` order (itemgetter: this runs
    for every fact in the one writer)."""
    values = _FACT_GETTER(row)
    return (*values[:_EXTRACTED], extracted_json(values[_EXTRACTED]), *values[_EXTRACTED + 1:])


class Store:
    """A PlanWatch database.  ``Store(url)``: a SQLite path, ``sqlite:///…``, ``:memory:`` or ``postgresql://…``."""

    def __init__(
        self,
        url: str | os.PathLike[str] | None = None,
        *,
        taxonomy: Taxonomy | None = None,
        gazetteer: Gazetteer | None = None,
    ) -> None:
        self.db: Backend = open_backend(url)
        self.url = self.db.url
        migrate(self.db)
        self.taxonomy = taxonomy or load_taxonomy()
        self.gazetteer = gazetteer or load_gazetteer()
        self.resolver = Resolver(self.taxonomy, self.gazetteer)
        #: Facts can be resolved in another process (``--workers``) only with the taxonomy and
        #: gazetteer every process loads by default.
        self.default_resolution = taxonomy is None and gazetteer is None
        self._known_regions: set[str] = set()
        self._taxonomy_synced = False

    # -- lifecycle -----------------------------------------------------------------------
    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- ingest --------------------------------------------------------------------------
    def ingest(
        self,
        paths: Iterable[str | os.PathLike[str]],
        *,
        reextract: bool = False,
        actor: str = "",
        progress: Callable[[IngestResult], None] | None = None,
        workers: int = 1,
        keep_results: bool = True,
        context_for: Callable[[Path], StatedContext | None] | None = None,
        shard: tuple[int, int] | None = None,
        bulk: bool = False,
    ) -> IngestReport:
        """Ingest files and folders; one result per file, failures included (never raised).

        ``reextract``: run the extractor again on files whose content is already stored (after
        the extractor improved); the new extraction becomes a new version like a changed file.
        ``workers`` > 1: extract in that many processes while this one writes (see
        ``planwatch.store.parallel``); the result is the same as with one.  ``keep_results=False``:
        keep only counts and failures in the report (flat memory for any number of files).
        ``shard=(K, N)``: only the K-th of N disjoint parts of the files (``shard_of``), so that N
        processes or machines share one corpus and one database with nothing else between them.
        ``bulk``: on PostgreSQL, load without the full-text index and build it once at the end
        (``search.bulk_load``; several bulk loads may run at once).  Every ingest on PostgreSQL
        ends by building that index if an earlier bulk load left it missing.
        """
        started = time.perf_counter()
        report = IngestReport(db=self.url, keep_results=keep_results)
        with bulk_load(self.db) if bulk else nullcontext():
            results = self.ingest_iter(paths, reextract=reextract, actor=actor, workers=workers,
                                       context_for=context_for, shard=shard)  # fmt: skip
            for result in results:
                report.add(result)
                if progress is not None:
                    progress(result)
        loaded = time.perf_counter()
        if ensure_index(self.db):
            report.index_seconds = time.perf_counter() - loaded
        report.seconds = time.perf_counter() - started
        return report

    def ingest_iter(
        self,
        paths: Iterable[str | os.PathLike[str]],
        *,
        reextract: bool = False,
        actor: str = "",
        workers: int = 1,
        context_for: Callable[[Path], StatedContext | None] | None = None,
        shard: tuple[int, int] | None = None,
    ) -> Iterator[IngestResult]:
        """``ingest`` as a stream of results, in file order; nothing is held for past files.

        ``context_for``: what is stated about each file (``planwatch.context.context_finder``);
        ``shard``: only the K-th of N parts of the files (``in_shard``).
        """
        files = in_shard(iter_files(paths), shard)
        if workers <= 1:
            for path in files:
                yield self.ingest_file(path, reextract=reextract, actor=actor,
                                       context=context_for(path) if context_for else None)
            return
        from planwatch.store.parallel import ingest_parallel

        yield from ingest_parallel(self, files, workers=workers, reextract=reextract, actor=actor,
                                   context_for=context_for)

    def ingest_file(self, path: str | os.PathLike[str], *, reextract: bool = False, actor: str = "",
                    context: StatedContext | None = None) -> IngestResult:
        """Ingest one file.  A file that cannot be read or extracted is a ``failed`` result."""
        pending = self.prepare_file(path, reextract=reextract, context=context)
        if isinstance(pending, IngestResult):
            return pending
        from planwatch.store import limits

        seconds = limits.file_seconds()
        memory = limits.FileMemory(limits.file_memory_mb())  # this process writes: no address-space cap
        extracted: Document | str
        try:
            with limits.time_limit(seconds), memory:
                extracted = extract_document(pending.path, pending.context)
        except limits.FileTimeLimit:
            extracted = limits.over_time(pending.path.name, seconds)
        except (limits.FileMemoryLimit, MemoryError):
            extracted = limits.over_memory(pending.path.name, memory.mb)
        finally:
            memory.close()  # (again: the watchdog's signal may have cut its __exit__ short)
        if memory.tripped:
            extracted = limits.over_memory(pending.path.name, memory.mb)
        return self.store_extracted(pending, extracted, reextract=reextract, actor=actor)

    def prepare_file(self, path: str | os.PathLike[str], *, reextract: bool = False,
                     context: StatedContext | None = None) -> IngestResult | PendingFile:
        """Read and hash a file: its final result when it needs no extraction, else a ``PendingFile``.

        Content already stored is answered here, before any extraction; this is cheap (one
        hash, one indexed query), so the parallel ingest does it in the writer and sends only
        new content to its workers.
        """
        t0 = time.perf_counter()
        p = Path(path)
        shown = str(path)
        try:
            # Refuse what the reader would refuse before reading it: a device such as /dev/zero
            # never ends, and a 100 MB file would be read whole just to be hashed.
            info = p.stat()
            if p.is_dir():
                return IngestResult(shown, "failed", message=f"{p} is a directory")
            if not stat.S_ISREG(info.st_mode):
                return IngestResult(shown, "failed", message=f"{p} is not a regular file")
            if info.st_size > MAX_BYTES:
                size, limit = info.st_size / 1048576, MAX_BYTES / 1048576
                message = f"{p.name} is too large ({size:.1f} MB; the limit is {limit:.0f} MB)"
                return IngestResult(shown, "failed", message=message)
            data = p.read_bytes()
        except FileNotFoundError:
            return IngestResult(shown, "failed", message=f"file not found: {p}")
        except IsADirectoryError:
            return IngestResult(shown, "failed", message=f"{p} is a directory")
        except OSError as e:
            return IngestResult(shown, "failed", message=f"cannot read {p}: {e.strerror or e}")
        doc_key = str(p.resolve())
        content_hash = sha256_bytes(data)
        if context is not None and not context.empty:
            # the same bytes under another statement (region, date) are another reading of them
            stated = json.dumps(context.as_dict(), sort_keys=True, ensure_ascii=False).encode()
            content_hash = sha256_bytes(data + b"\0" + stated)
        if not reextract:
            same = self._unchanged(doc_key, content_hash)
            if same is not None:
                same.path, same.seconds = shown, time.perf_counter() - t0
                return same
        return PendingFile(p, shown, doc_key, content_hash, t0, context)

    def store_extracted(
        self,
        pending: PendingFile,
        extracted: Document | str,
        *,
        reextract: bool = False,
        actor: str = "",
        prepared_projects: Any = NOT_PREPARED,
        prepared_rows: FactRows | None = None,
    ) -> IngestResult:
        """Write what ``extract_document`` made of a ``PendingFile`` (a failure message is a result)."""
        if isinstance(extracted, str):
            return IngestResult(
                pending.shown, "failed", message=extracted, seconds=time.perf_counter() - pending.started
            )
        result = self.ingest_document(
            extracted,
            doc_key=pending.doc_key,
            content_hash=pending.content_hash,
            reextract=reextract,
            actor=actor,
            prepared_projects=prepared_projects,
            prepared_rows=prepared_rows,
        )
        result.path, result.seconds = pending.shown, time.perf_counter() - pending.started
        return result

    def _unchanged(self, doc_key: str, content_hash: str) -> IngestResult | None:
        """The result for content already stored (at this path or another), else ``None``."""
        rows = self.db.query(
            "SELECT id, version, n_facts, doc_key FROM documents WHERE content_hash = ? AND is_current = 1",
            (content_hash,),
        )
        if not rows:
            return None
        mine = [r for r in rows if r["doc_key"] == doc_key]
        if mine:
            r = mine[0]
            return IngestResult(doc_key, "unchanged", r["id"], r["version"], message="already ingested")
        own = self.db.query("SELECT 1 FROM documents WHERE doc_key = ? AND is_current = 1", (doc_key,))
        if own:
            return None  # this path holds other content: the file changed into a copy of another
        r = rows[0]
        return IngestResult(doc_key, "duplicate", r["id"], r["version"], message=f"same content as {r['doc_key']}")

    def ingest_document(
        self,
        doc: Document,
        *,
        doc_key: str | None = None,
        content_hash: str | None = None,
        reextract: bool = False,
        actor: str = "",
        prepared_projects: Any = NOT_PREPARED,
        prepared_rows: FactRows | None = None,
    ) -> IngestResult:
        """Store an extracted ``Document`` in one transaction (the benchmark calls this directly).

        ``doc_key`` defaults to the document's path (else its name); ``content_hash`` to the
        SHA-256 of its text.  ``prepared_projects`` and ``prepared_rows`` (``records.fact_rows``):
        the document's key projects and fact rows when a worker process already made them
        (``planwatch.store.parallel``).  Fact rows are a pure function of the document, so they
        are made before the transaction opens: the write lock is held only for writing.

        The transaction is retried when the database says a retry will do (concurrent
        PostgreSQL writers: a serialization failure, a deadlock, a key taken meanwhile); each
        attempt starts from scratch, so a retried document is written exactly once.
        """
        doc_key = doc_key or (str(Path(doc.path).resolve()) if doc.path else doc.name)
        content_hash = content_hash or sha256_bytes(doc.text.encode("utf-8"))
        self._sync_taxonomy()
        doc_region = self.resolver.region(doc.region)[0] if doc.region else None
        # -- key projects (planwatch.store.projects): extracted here, stored in the transaction below --
        from planwatch.store.projects import prepare_projects

        projects = prepare_projects(doc, doc_key) if prepared_projects is NOT_PREPARED else prepared_projects
        # -- end key projects --
        rows, codes = prepared_rows if prepared_rows is not None else fact_rows(doc, doc_key, self.resolver, doc_region)
        return self._retrying(
            lambda: self._write_document(
                doc, doc_key, content_hash, doc_region, projects, reextract, actor, rows, set(codes)
            )
        )

    def _write_document(
        self,
        doc: Document,
        doc_key: str,
        content_hash: str,
        doc_region: Region | None,
        projects: Any,
        reextract: bool,
        actor: str,
        rows: list[dict[str, Any]],
        codes: set[str],
    ) -> IngestResult:
        """One attempt at a document's transaction (``ingest_document`` retries it)."""
        from planwatch.store.projects import store_projects

        with self.db.transaction():
            # Writers of the same path or the same content queue here (PostgreSQL advisory
            # locks; SQLite has one writer anyway), so the checks below cannot be outdated by a
            # concurrent ingest: no second version 1, no copy stored twice under two paths.
            self.db.lock(f"doc:{doc_key}", f"content:{content_hash}")
            if not reextract:
                same = self._unchanged(doc_key, content_hash)
                if same is not None:
                    return same
            previous = self.db.query(
                "SELECT id, version FROM documents WHERE doc_key = ? AND is_current = 1", (doc_key,)
            )
            version_row = self.db.query("SELECT MAX(version) AS v FROM documents WHERE doc_key = ?", (doc_key,))
            version = int(version_row[0]["v"] or 0) + 1
            if doc_region is not None:
                codes.add(doc_region.code)
            seg_regions = [self.resolver.region(s.region, doc_region)[0] if s.region else None for s in doc.segments]
            codes.update(r.code for r in seg_regions if r is not None)
            self._ensure_regions(codes)
            plan = plan_of(doc.title or "")
            if plan is None and doc.doc_type == "规划纲要":
                plan = plan_of(doc.text[:2000])
            cur = self.db.execute(
                "INSERT INTO documents (doc_key, version, name, path, content_hash, reader, text, n_chars, "
                "title, doc_type, region, region_id, year, plan_start, plan_end, meta, extractor, n_facts, "
                "ingested_at, is_current) VALUES (" + ", ".join(["?"] * 19) + ", 1) "
                "RETURNING id",
                (
                    doc_key,
                    version,
                    doc.name,
                    doc.path or doc.name,
                    content_hash,
                    doc.reader,
                    doc.text,
                    len(doc.text),
                    doc.title or "",
                    doc.doc_type or "other",
                    doc.region or "",
                    doc_region.code if doc_region else None,
                    doc.year,
                    plan[0] if plan else None,
                    plan[1] if plan else None,
                    to_json(_jsonable(doc.meta)),
                    f"planwatch {__version__}",
                    len(rows),
                    now(),
                ),
            )
            document_id = int(cur.fetchone()[0])
            # (``bulk_insert``: one executemany on SQLite, ``COPY`` on PostgreSQL, which parses and
            # plans nothing per row — the facts are most of what a document writes)
            self.db.bulk_insert(
                "segments", ("document_id", "seq", "start_offset", "end_offset", "title", "doc_type", "region",
                             "region_id", "year"),
                [
                    (
                        document_id,
                        i,
                        s.start,
                        s.end,
                        s.title or "",
                        s.doc_type or "other",
                        s.region or "",
                        seg_regions[i].code if seg_regions[i] else None,
                        s.year,
                    )
                    for i, s in enumerate(doc.segments)
                ],
            )
            self.db.bulk_insert("facts", FACT_COLUMNS, [(document_id, *_fact_values(r)) for r in rows])
            if previous:
                prev_id = previous[0]["id"]
                self.db.execute(
                    "UPDATE documents SET is_current = 0, superseded_by = ? WHERE id = ?",
                    (document_id, prev_id),
                )
                self.db.execute("UPDATE facts SET is_current = 0 WHERE document_id = ?", (prev_id,))
            reapplied, orphaned = self._reapply(doc_key, document_id)
            # Project linking reads every project of the scope: one linker at a time (PostgreSQL).
            self.db.lock("planwatch:projects")
            # -- key projects: mentions and counts with the facts, one transaction --
            store_projects(self, projects, doc=doc, document_id=document_id, doc_key=doc_key,
                           previous_id=previous[0]["id"] if previous else None, doc_region=doc_region)
            # -- end key projects --
            status: Status = "updated" if previous else "added"
            self._audit(
                actor or "ingest",
                "ingest" if not previous else "new_version",
                "document",
                document_id,
                before={"document_id": previous[0]["id"]} if previous else None,
                after={
                    "name": doc.name,
                    "version": version,
                    "content_hash": content_hash,
                    "n_facts": len(rows),
                },
                note=doc_key,
            )
            pause = os.environ.get(FAULT_PAUSE_ENV)
            if pause:
                print(f"planwatch: test: pausing before commit of {doc.name}", file=sys.stderr, flush=True)
                time.sleep(float(pause))
        return IngestResult(
            doc_key,
            status,
            document_id,
            version,
            len(rows),
            len(doc.text),
            message="new version" if previous else "",
            reapplied=reapplied,
            orphaned=orphaned,
        )

    def _retrying(self, attempt: Callable[[], _T]) -> _T:
        """Run a write transaction, again (after a short random pause) when the backend says so.

        The per-Store cache of regions known to be in the table is cleared after any failed
        attempt: the rows it remembers may have been rolled back with it.
        """
        for n in range(1, WRITE_ATTEMPTS + 1):
            try:
                return attempt()
            except Exception as e:
                self._known_regions.clear()
                if n == WRITE_ATTEMPTS or self.db.in_transaction or not self.db.is_retryable(e):
                    raise
                time.sleep(random.uniform(0.01, 0.05) * n)
        raise AssertionError("unreachable")  # pragma: no cover

    def _sync_taxonomy(self) -> None:
        """Copy the taxonomy into ``indicators`` (once per Store: it changes with the code)."""
        if self._taxonomy_synced:
            return
        self._retrying(self._write_taxonomy)
        self._taxonomy_synced = True

    def _write_taxonomy(self) -> None:
        with self.db.transaction():
            self.db.executemany(
                "INSERT INTO indicators (id, name, en, unit, direction, field, synonyms) "
                "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET name = excluded.name, "
                "en = excluded.en, unit = excluded.unit, "
                "direction = excluded.direction, field = excluded.field, synonyms = excluded.synonyms",
                [(i.id, i.name, i.en, i.unit, i.direction, i.field, to_json(list(i.synonyms))) for i in self.taxonomy],
            )

    def _ensure_regions(self, codes: Iterable[str]) -> None:
        """Insert the regions (and their ancestors) that facts refer to; the table grows lazily."""
        missing = [c for c in codes if c not in self._known_regions]
        if not missing:
            return
        rows: dict[str, Region] = {}
        for code in missing:
            region = self.gazetteer.get(code)
            if region is None:
                continue
            for r in region_lineage(self.gazetteer, region):
                rows[r.code] = r
        self.db.executemany(
            "INSERT INTO regions (code, name, level, parent_code, short) VALUES (?, ?, ?, ?, ?) "
            "ON CONFLICT (code) DO NOTHING",
            # in code order: concurrent PostgreSQL writers then wait on each other's new regions
            # in one order, never in a cycle
            [(r.code, r.name, r.level, r.parent_code, r.short) for _, r in sorted(rows.items())],
        )
        self._known_regions.update(rows)

    # -- corrections ---------------------------------------------------------------------
    def correct(self, fact_id: int, *, by: str, note: str = "", **changes: Any) -> dict[str, Any]:
        """Change fields of a fact (``store.correct(12, by="li", value=1.76)``); returns the new row."""
        if not changes:
            raise CorrectionError("nothing to correct: give at least one field=value")
        return self._act("correct", fact_id, by=by, note=note, changes=coerce_changes(changes))

    def confirm(self, fact_id: int, *, by: str, note: str = "") -> dict[str, Any]:
        """Record that a person checked the fact against its document and found it right."""
        return self._act("confirm", fact_id, by=by, note=note, changes={})

    def reject(self, fact_id: int, *, by: str, note: str = "") -> dict[str, Any]:
        """Mark a fact as not a fact (it stays, but no question uses it)."""
        return self._act("reject", fact_id, by=by, note=note, changes={})

    def _act(self, action: str, fact_id: int, *, by: str, note: str, changes: dict[str, Any]) -> dict[str, Any]:
        assert action in ACTIONS
        if not by or not by.strip():
            raise CorrectionError("say who makes the change (--by NAME)")
        with self.db.transaction(durable=True):
            row = self._fact_row(fact_id)
            doc = self.db.query("SELECT doc_key FROM documents WHERE id = ?", (row["document_id"],))[0]
            # Queue behind a concurrent ingest of the same document, then read the fact again:
            # a new version committed meanwhile must receive this correction too.
            self.db.lock(f"doc:{doc['doc_key']}")
            row = self._fact_row(fact_id)
            cur = self.db.execute(
                "INSERT INTO corrections (fact_id, doc_key, fact_key, loose_key, action, changes, before, "
                "after, by, note, at) VALUES (?, ?, ?, ?, ?, ?, '{}', '{}', ?, ?, ?) RETURNING id",
                (
                    fact_id,
                    doc["doc_key"],
                    row["fact_key"],
                    row["loose_key"],
                    action,
                    to_json(changes),
                    by.strip(),
                    note,
                    now(),
                ),
            )
            correction_id = int(cur.fetchone()[0])
            targets = [row]
            if not row["is_current"]:
                # Correcting a superseded fact also corrects its counterpart in the current version.
                targets += [
                    r
                    for r in self.db.query(
                        "SELECT f.* FROM facts f JOIN documents d ON d.id = f.document_id "
                        "WHERE d.doc_key = ? AND f.is_current = 1 AND f.fact_key = ?",
                        (doc["doc_key"], row["fact_key"]),
                    )
                ]
            for target in targets:
                before, after_row = self._apply(
                    action,
                    changes,
                    target,
                    by=by.strip(),
                    note=note,
                    correction_id=correction_id,
                    audit_action=action,
                )
                if target is row:
                    self.db.execute(
                        "UPDATE corrections SET before = ?, after = ? WHERE id = ?",
                        (to_json(before), to_json(public_state(after_row)), correction_id),
                    )
        return self.fact(fact_id)

    def _apply(
        self,
        action: str,
        changes: dict[str, Any],
        row: dict[str, Any],
        *,
        by: str,
        note: str,
        correction_id: int,
        audit_action: str,
    ) -> tuple[dict[str, Any], dict[str, Any]]:
        """Apply one correction to one fact row (inside the caller's transaction)."""
        context = self._context_region(row)
        new = derived_columns(row, changes, self.resolver, context) if changes else dict(row)
        if new.get("region_id"):
            self._ensure_regions([new["region_id"]])
        new["status"] = next_status(action, row["status"])
        assignments = ", ".join(f"{c} = ?" for c in SETTABLE)
        values = [new[c] for c in SETTABLE]
        if not row["extracted"]:
            # the columns were the fact as extracted (records.extracted_of): keep it before they change
            assignments += ", extracted = ?"
            values.append(to_json(extracted_of(row)))
        self.db.execute(f"UPDATE facts SET {assignments} WHERE id = ?", (*values, row["id"]))
        before = public_state(row)
        self._audit(
            by,
            audit_action,
            "fact",
            row["id"],
            before=before,
            after=public_state(new),
            note=f"correction {correction_id}" + (f": {note}" if note else ""),
        )
        return before, new

    def _context_region(self, row: dict[str, Any]) -> Region | None:
        doc = self.db.query("SELECT region_id FROM documents WHERE id = ?", (row["document_id"],))
        code = doc[0]["region_id"] if doc else None
        return self.gazetteer.get(code) if code else None

    def _reapply(self, doc_key: str, document_id: int) -> tuple[int, int]:
        """Apply a document's corrections to its freshly inserted facts; (applied, unmatched)."""
        corrections = self.db.query("SELECT * FROM corrections WHERE doc_key = ? ORDER BY id", (doc_key,))
        if not corrections:
            return 0, 0
        facts = self.db.query("SELECT * FROM facts WHERE document_id = ? ORDER BY seq", (document_id,))
        by_key = {f["fact_key"]: f for f in facts}
        by_loose = {f["loose_key"]: f for f in facts}
        applied = unmatched = 0
        for c in corrections:
            target = by_key.get(c["fact_key"]) or by_loose.get(c["loose_key"])
            if target is None:
                unmatched += 1
                continue
            target = self._fact_row(target["id"])
            self._apply(
                c["action"],
                json.loads(c["changes"]),
                target,
                by=c["by"],
                note=c["note"],
                correction_id=c["id"],
                audit_action="reapply_" + c["action"],
            )
            applied += 1
        return applied, unmatched

    def _fact_row(self, fact_id: int) -> dict[str, Any]:
        rows = self.db.query("SELECT * FROM facts WHERE id = ?", (int(fact_id),))
        if not rows:
            raise CorrectionError(f"no fact with id {fact_id}")
        return rows[0]

    def _audit(
        self,
        actor: str,
        action: str,
        obj: str,
        obj_id: Any,
        *,
        before: Any = None,
        after: Any = None,
        note: str = "",
    ) -> None:
        self.db.execute(
            "INSERT INTO audit_log (at, actor, action, object, object_id, before, after, note) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                now(),
                actor,
                action,
                obj,
                str(obj_id),
                None if before is None else to_json(before),
                None if after is None else to_json(after),
                note,
            ),
        )

    # -- reading -------------------------------------------------------------------------
    def fact(self, fact_id: int) -> dict[str, Any]:
        """One fact as a dict: its columns, the extracted fact and its document's name."""
        row = self._fact_row(fact_id)
        row["extracted"] = json.loads(row["extracted"]) if row["extracted"] else extracted_of(row)
        return row

    def facts(
        self,
        *,
        region: str | None = None,
        indicator: str | None = None,
        kind: str | None = None,
        measure: str | None = None,
        period: str | None = None,
        current: bool = True,
        include_rejected: bool = False,
    ) -> list[dict[str, Any]]:
        """Facts filtered by region, indicator (any name, synonym or id), kind, measure, period."""
        where, params = ["1 = 1"], []
        if current:
            where.append("f.is_current = 1")
        if not include_rejected:
            where.append("f.status <> 'rejected'")
        if region:
            where.append("f.region_key = ?")
            params.append(self.region_key(region))
        if indicator:
            where.append("f.indicator_key = ?")
            params.append(self.indicator_key(indicator))
        for col, val in (("kind", kind), ("measure", measure), ("period", period)):
            if val:
                where.append(f"f.{col} = ?")
                params.append(val)
        rows = self.db.query(
            'SELECT f.id, f.doc, f.start_offset AS start, f.end_offset AS "end", f.text, f.indicator, '
            "f.mention, f.measure, f.value, f.unit, f.kind, f.period, f.region, f.qualifier, f.indicator_id, "
            "f.region_id, f.region_parent_id, f.norm_value, f.norm_unit, f.status, f.is_current, f.quote, "
            f"f.source, f.document_id FROM facts f WHERE {' AND '.join(where)} ORDER BY f.document_id, f.seq",
            params,
        )
        return self.with_documents(rows, doc_year="year", doc_type="doc_type", doc_version="version")

    def with_documents(self, rows: list[dict[str, Any]], **fields: str) -> list[dict[str, Any]]:
        """Give each row (with a ``document_id``) columns of its document: ``doc_year="year"``.

        One query per distinct document instead of a join per row: a document keeps its text in
        its row before ``year`` and ``name``, so SQLite reads past the whole text to reach them,
        and a join did that once per fact — 7,410 facts of one region took 140 ms joined and
        36 ms without (100,000 documents); an index on the columns is not used for the join, and
        since migration 7 this query reads no text at all.
        """
        found = self.document_columns({r["document_id"] for r in rows}, **fields)
        for row in rows:
            row.update(found.get(row["document_id"], dict.fromkeys(fields)))
        return rows

    def document_columns(self, ids: Iterable[int], **fields: str) -> dict[int, dict[str, Any]]:
        """{document id: {name: column}} for ``fields`` (``doc_year="year"``) of documents ``ids``:
        the look-up of ``with_documents``, for rows that are not dicts."""
        found: dict[int, dict[str, Any]] = {}
        columns = ", ".join(f"{column} AS {quote_name(name)}" for name, column in fields.items())
        table = "documents"
        if self.db.dialect == "sqlite" and set(fields.values()) <= set(DOCUMENT_HEAD_COLUMNS):
            # (the planner prefers the table's own key, which reads through the text: migration 7)
            table = f"documents INDEXED BY {DOCUMENT_HEAD_INDEX}"
        for doc in self.db.query_ids(f"SELECT id, {columns} FROM {table} WHERE id IN", sorted(ids)):
            found[doc.pop("id")] = doc
        return found

    def documents(self, *, current: bool = True) -> list[dict[str, Any]]:
        """The documents (without their text)."""
        return self.db.query(
            "SELECT id, doc_key, version, name, path, content_hash, reader, n_chars, title, doc_type, "
            "region, region_id, year, plan_start, plan_end, extractor, n_facts, ingested_at, is_current, "
            "superseded_by "
            "FROM documents" + (" WHERE is_current = 1" if current else "") + " ORDER BY id"
        )

    def find_documents(self, terms: list[str], *, limit: int = 50, count_cap: int = 10_000) -> DocumentMatches:
        """Current documents containing every term, best first, from the database's full-text index."""
        return find_documents(self.db, terms, limit=limit, count_cap=count_cap)

    def document_text(self, document_id: int) -> str:
        rows = self.db.query("SELECT text FROM documents WHERE id = ?", (document_id,))
        if not rows:
            raise PlanWatchError(f"no document with id {document_id}")
        return str(rows[0]["text"])

    def history(self, fact_id: int | None = None, *, limit: int | None = None) -> list[dict[str, Any]]:
        """Audit log entries, newest first; of one fact when ``fact_id`` is given."""
        sql, params = "SELECT * FROM audit_log", []
        if fact_id is not None:
            sql += " WHERE object = 'fact' AND object_id = ?"
            params.append(str(fact_id))
        sql += " ORDER BY id DESC"
        if limit:
            sql += f" LIMIT {int(limit)}"
        rows = self.db.query(sql, params)
        for r in rows:
            for k in ("before", "after"):
                r[k] = json.loads(r[k]) if r[k] else None
        return rows

    def corrections(self) -> list[dict[str, Any]]:
        rows = self.db.query("SELECT * FROM corrections ORDER BY id")
        for r in rows:
            for k in ("changes", "before", "after"):
                r[k] = json.loads(r[k]) if r[k] else {}
        return rows

    def stats(self) -> dict[str, int]:
        """Counts for a summary line."""
        q = self.db.query
        return {
            "documents": q("SELECT COUNT(*) AS n FROM documents WHERE is_current = 1")[0]["n"],
            "versions": q("SELECT COUNT(*) AS n FROM documents")[0]["n"],
            "facts": q("SELECT COUNT(*) AS n FROM facts WHERE is_current = 1")[0]["n"],
            "all_facts": q("SELECT COUNT(*) AS n FROM facts")[0]["n"],
            "corrections": q("SELECT COUNT(*) AS n FROM corrections")[0]["n"],
            "regions": q("SELECT COUNT(*) AS n FROM regions")[0]["n"],
        }

    # -- names a user types --------------------------------------------------------------
    def indicator(self, phrase: str) -> Indicator | None:
        """The taxonomy indicator a user means by ``phrase`` (id, name or synonym)."""
        return self.resolver.lookup_indicator(phrase.strip())

    def indicator_key(self, phrase: str) -> str:
        """The grouping key of an indicator: its id, or the phrase itself when unknown."""
        ind = self.indicator(phrase)
        return ind.id if ind else phrase.strip()

    def region(self, name: str) -> Region | None:
        return self.resolver.lookup_region(name.strip())

    def region_key(self, name: str) -> str:
        """The grouping key of a region: its code, or the name as written (named groups)."""
        r = self.region(name)
        return r.code if r else name.strip()

    def region_name(self, key: str) -> str:
        r = self.gazetteer.get(key)
        return r.name if r else key


def _jsonable(meta: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k, v in meta.items():
        try:
            json.dumps(v)
            out[str(k)] = v
        except (TypeError, ValueError):
            out[str(k)] = str(v)
    return out


def open_store(url: str | os.PathLike[str] | None = None) -> Store:
    """Open (creating and migrating as needed) the database at ``url`` or the default path."""
    return Store(url)


__all__: Sequence[str] = ("IngestReport", "IngestResult", "Store", "collect_files", "iter_files", "open_store")
