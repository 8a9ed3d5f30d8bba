"""Per-file limits of an ingest: one file that takes too long or too much memory is reported as
failed and skipped, and the ingest goes on with the rest.

The readers refuse what they can recognise as hopeless cheaply (a page of millions of drawing
operations, a zip bomb); these limits catch the rest, whatever the cause.  Time is limited with
``SIGALRM`` wherever extraction runs in a process's main thread (the CLI's ingest, each worker of
``--workers N``); memory in the worker processes only, where a file's allocations are the
process's own (the writer process is never limited): the rise of the worker's peak resident set
while it extracts the file is measured, and ``RLIMIT_AS`` at twice the limit stops a runaway.

Both limits are read from the environment so an operator can widen them for a huge plan:
``PLANWATCH_FILE_SECONDS`` (default 300) and ``PLANWATCH_FILE_MEMORY_MB`` (default 2048, memory a
file may use beyond what the worker held before it).
"""

from __future__ import annotations

import contextlib
import os
import signal
import threading
from collections.abc import Iterator

DEFAULT_SECONDS = 300.0
DEFAULT_MEMORY_MB = 2048


class FileTimeLimit(BaseException):  # not an Exception: the extractors' broad handlers must not catch it
    """Raised in the extracting thread when the file's time is up."""


def file_seconds() -> float:
    return _env_number("PLANWATCH_FILE_SECONDS", DEFAULT_SECONDS)


def file_memory_mb() -> float:
    return _env_number("PLANWATCH_FILE_MEMORY_MB", DEFAULT_MEMORY_MB)


def _env_number(name: str, default: float) -> float:
    try:
        value = float(os.environ.get(name, "") or default)
    except ValueError:
        return default
    return value if value > 0 else default


@contextlib.contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise ``FileTimeLimit`` in this thread after ``seconds``; a no-op off the main thread or
    without ``SIGALRM`` (a web server's worker thread, Windows), where signals cannot be used."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return

    def expire(_signum: int, _frame: object) -> None:
        raise FileTimeLimit

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def limit_memory(extra_mb: float) -> None:
    """Cap this process's address space at its present size plus ``extra_mb`` (Linux; else a no-op).

    The hard stop for a runaway file: an allocation over the cap raises ``MemoryError`` in Python
    code (a C library that cannot allocate may end the process, which the parallel ingest reports
    as a worker that died).  The per-file limit itself is measured (``peak_since``) and the cap set
    at twice it, so that a file just over the limit is reported, not failed half-way through
    sending its result back (which can leave a worker spinning).
    """
    try:
        import resource

        with open("/proc/self/statm", encoding="ascii") as f:
            pages = int(f.read().split()[0])
        now = pages * os.sysconf("SC_PAGE_SIZE")
        cap = now + int(extra_mb * 1024 * 1024)
        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard != resource.RLIM_INFINITY:
            cap = min(cap, hard)
        resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
    except (ImportError, OSError, ValueError):
        return


def reset_peak() -> int | None:
    """Reset this process's peak resident set (Linux ``clear_refs``); its present size in bytes, or
    None where that cannot be done."""
    try:
        with open("/proc/self/clear_refs", "w", encoding="ascii") as f:
            f.write("5")
        return _status_kb("VmRSS") * 1024
    except (OSError, ValueError):
        return None


def peak_since(start: int | None) -> float:
    """MB the peak resident set rose above ``start`` (from ``reset_peak``); 0 when unknown."""
    if start is None:
        return 0.0
    try:
        return max(0.0, (_status_kb("VmHWM") * 1024 - start) / 1048576)
    except (OSError, ValueError):
        return 0.0


def _status_kb(field: str) -> int:
    with open("/proc/self/status", encoding="ascii") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    raise ValueError(field)


def over_time(name: str, seconds: float) -> str:
    return (f"{name} took longer than {seconds:.0f} s to extract (the limit per file, "
            "PLANWATCH_FILE_SECONDS): skipped")


def over_memory(name: str, mb: float) -> str:
    return (f"{name} needs more than {mb:.0f} MB of memory to extract (the limit per file, "
            "PLANWATCH_FILE_MEMORY_MB): skipped")
