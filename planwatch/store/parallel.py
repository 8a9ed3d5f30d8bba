"""Parallel ingest: extraction in worker processes, one writer, memory bounded by a window.

Extraction (reading, segmenting, finding facts and key projects) is nearly all of an ingest's
CPU time and needs no database, so ``planwatch ingest --workers N`` runs it in N processes and
keeps every database write in the calling process — one writer per ingest, which SQLite
requires and which keeps the one-transaction-per-document rule exactly as in a plain ingest.
(Several *ingests* may still write to one PostgreSQL at once; ``Store`` makes that safe.)

* **Same result as ``--workers 1``.**  Files are taken in the same order and results are
  written and reported in that order, whatever order the workers finish in; the writer checks
  each file against the database (``Store.prepare_file``) before sending it out, so stored
  content is never extracted, and again inside the document's transaction.
* **Flat memory.**  Files come from a generator; at most ``window`` files (2 per worker) are
  between "sent to a worker" and "written", so the number of ``Document`` objects alive is
  bounded however many files there are.  (``multiprocessing.Pool.imap`` would read the whole
  input ahead and let results pile up behind a slow writer.)
* **Robust.**  A worker that dies (killed, out of memory, a crash in a C library) breaks the
  pool; it is replaced and the files in flight are sent again — a file that kills a worker
  twice is reported as failed, and the ingest goes on.  Workers are started with ``spawn`` (no
  copy of the writer's database connection in a child) and exit when the writer dies, so a
  ``kill -9`` of ``planwatch ingest`` leaves no orphaned processes extracting for nobody.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from planwatch.context import StatedContext
from planwatch.model import Document
from planwatch.store import limits
from planwatch.store.backend import StoreError
from planwatch.store.records import Resolver, fact_rows

if TYPE_CHECKING:  # pragma: no cover
    from planwatch.store.core import FactRows, IngestResult, PendingFile, Store

#: Files in flight per worker: enough that a worker never waits for the writer to hand it the
#: next file, few enough that memory does not depend on the number of files.
IN_FLIGHT_PER_WORKER = 2


@dataclass
class Extracted:
    """What a worker sends back: the document (or why it failed), its key projects and fact rows."""

    document: Document | str
    projects: Any
    rows: FactRows | None
    seconds: float


_resolver: Resolver | None = None


def _worker_resolver() -> Resolver:
    """This worker's resolver (default taxonomy and gazetteer), made once and cached."""
    global _resolver
    if _resolver is None:
        from planwatch.gazetteer import load_gazetteer
        from planwatch.taxonomy import load_taxonomy

        _resolver = Resolver(load_taxonomy(), load_gazetteer())
    return _resolver


def _watch_parent(parent: int) -> None:
    while True:
        time.sleep(1.0)
        if os.getppid() != parent:
            os._exit(1)  # the writer is gone: nobody will read what this worker extracts


def _init_worker(parent: int) -> None:
    """Runs once in each worker: exit when the writer process dies (even by SIGKILL), and cap the
    memory a file may take (``limits``)."""
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True, name="planwatch-parent-watch").start()
    # Load the extractors' data (lexicon, taxonomy, gazetteer) now, so that a file's time and
    # memory limits measure the file, not the worker's start.
    from planwatch.context import file_name_context
    from planwatch.pipeline import extract_text

    extract_text("凌河区2015年地区生产总值111.5亿元，增长7.6%。")
    file_name_context("hailaer/hailaer_2015.txt")  # the Pinyin table, read for file names (not by extract_text)
    _worker_resolver()
    limits.limit_memory(2 * limits.file_memory_mb())


def extract_job(path: str, doc_key: str, resolve: bool, context: StatedContext | None = None) -> Extracted:
    """The work of one file in a worker process: everything that needs no database.

    ``extract_document``, the key projects, and — when the writer's ``Store`` resolves with
    the default taxonomy and gazetteer (``resolve``) — the fact rows (``records.fact_rows``:
    region and indicator resolution, keys, quotes), which would otherwise cost the single
    writer as much time as the database work itself.
    """
    from planwatch.store.core import extract_document
    from planwatch.store.projects import prepare_projects

    t0 = time.perf_counter()
    seconds = limits.file_seconds()
    memory = limits.FileMemory(limits.file_memory_mb(), cap_address_space=True)
    over_memory = limits.over_memory(Path(path).name, memory.mb)
    try:
        with limits.time_limit(seconds), memory:
            doc = extract_document(Path(path), context)
            if isinstance(doc, Document):
                projects = prepare_projects(doc, doc_key)
                rows = None
                if resolve:
                    resolver = _worker_resolver()
                    doc_region = resolver.region(doc.region)[0] if doc.region else None
                    rows = fact_rows(doc, doc_key, resolver, doc_region)
                    # the rows say everything the writer stores of the facts: do not send them twice
                    # (about 40% of the pickle, unpickled by the one writer every worker waits on)
                    doc.facts = []
    except limits.FileTimeLimit:
        return Extracted(limits.over_time(Path(path).name, seconds), None, None, time.perf_counter() - t0)
    except (limits.FileMemoryLimit, MemoryError):
        return Extracted(over_memory, None, None, time.perf_counter() - t0)
    except Exception:
        if memory.tripped:  # the watchdog's MemoryError surfaced in C code as another error (a SystemError)
            return Extracted(over_memory, None, None, time.perf_counter() - t0)
        raise
    finally:
        memory.close()  # (again: the watchdog's signal may have cut its __exit__ short)
    if memory.tripped:  # over the limit, though a reader's own handler turned it into another failure
        return Extracted(over_memory, None, None, time.perf_counter() - t0)
    if not isinstance(doc, Document):
        return Extracted(doc, None, None, time.perf_counter() - t0)
    return Extracted(doc, projects, rows, time.perf_counter() - t0)


def _backstop() -> float:
    """How long the writer waits for the file at the head before it ends the workers: the file's
    limit twice (it may have queued behind another file in its worker) and a minute."""
    return 2 * limits.file_seconds() + 60


def _pool(workers: int) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(
        max_workers=workers,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=_init_worker,
        initargs=(os.getpid(),),
    )


@dataclass
class _Slot:
    """One file between the generator and the writer, in file order."""

    pending: PendingFile | None
    result: IngestResult | None = None
    future: Future[Extracted] | None = None
    attempts: int = 0


def ingest_parallel(
    store: Store,
    files: Iterable[Path],
    *,
    workers: int,
    reextract: bool = False,
    actor: str = "",
    window: int | None = None,
    context_for: Callable[[Path], StatedContext | None] | None = None,
) -> Iterator[IngestResult]:
    """Ingest ``files`` with ``workers`` extraction processes; results in file order."""
    from planwatch.store.core import IngestResult

    window = window or max(2, IN_FLIGHT_PER_WORKER * workers)
    source = iter(files)
    slots: deque[_Slot] = deque()
    pool = _pool(workers)

    def submit(slot: _Slot) -> None:
        assert slot.pending is not None
        slot.attempts += 1
        slot.future = pool.submit(extract_job, str(slot.pending.path), slot.pending.doc_key, store.default_resolution,
                                  slot.pending.context)

    breaks = 0  # pools broken since the last file extracted: workers that cannot even start
    try:
        exhausted = False
        while True:
            while not exhausted and sum(1 for s in slots if s.future is not None) < window and len(slots) < 4 * window:
                path = next(source, None)
                if path is None:
                    exhausted = True
                    break
                prepared = store.prepare_file(path, reextract=reextract,
                                              context=context_for(path) if context_for else None)
                if isinstance(prepared, IngestResult):
                    slots.append(_Slot(None, result=prepared))
                else:
                    slot = _Slot(prepared)
                    submit(slot)
                    slots.append(slot)
            if not slots:
                return
            head = slots.popleft()
            if head.result is not None:
                yield head.result
                continue
            assert head.future is not None and head.pending is not None
            try:
                extracted = head.future.result(timeout=_backstop())
            except FutureTimeout:
                # The worker's own alarm did not fire (stuck in C code): end the workers, report
                # the file and send the others again.
                for process in list(getattr(pool, "_processes", {}).values()):
                    process.kill()
                pool.shutdown(wait=False, cancel_futures=True)
                pool = _pool(workers)
                yield IngestResult(head.pending.shown, "failed",
                                   message=limits.over_time(head.pending.path.name, limits.file_seconds()),
                                   seconds=time.perf_counter() - head.pending.started)
                for slot in slots:
                    if slot.pending is not None and slot.result is None:
                        submit(slot)
                continue
            except MemoryError:
                # Over the worker's memory cap outside the extraction itself (sending the result back)
                yield IngestResult(head.pending.shown, "failed",
                                   message=limits.over_memory(head.pending.path.name, limits.file_memory_mb()),
                                   seconds=time.perf_counter() - head.pending.started)
                continue
            except BrokenProcessPool as e:
                # A worker died.  Every file in flight is lost with the pool: start a new one
                # and send them again; the head, if it broke the pool twice, is the culprit.
                breaks += 1
                if breaks > 3:
                    raise StoreError(
                        "the extraction worker processes keep dying before extracting anything; "
                        "run the ingest with --workers 1 (PLANWATCH_DEBUG=1 shows why)"
                    ) from e
                pool.shutdown(wait=False, cancel_futures=True)
                pool = _pool(workers)
                if head.attempts >= 2:
                    yield IngestResult(
                        head.pending.shown,
                        "failed",
                        message="the extraction worker died on this file (out of memory, or a crash in a reader)",
                        seconds=time.perf_counter() - head.pending.started,
                    )
                else:
                    slots.appendleft(head)
                for slot in slots:
                    if slot.pending is not None and slot.result is None:
                        submit(slot)
                continue
            breaks = 0
            yield store.store_extracted(
                head.pending,
                extracted.document,
                reextract=reextract,
                actor=actor,
                prepared_projects=extracted.projects,
                prepared_rows=extracted.rows,
            )
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
