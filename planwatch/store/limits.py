"""Per-file limits of an ingest: one file that takes too long or too much memory is reported as
failed and skipped, and the ingest goes on with the rest.

The readers refuse what they can recognise as hopeless cheaply (a page of millions of drawing
operations, a zip bomb); these limits catch the rest, whatever the cause.  Time is limited with
``SIGALRM`` wherever extraction runs in a process's main thread (the CLI's ingest, each worker of
``--workers N``).  Memory is limited while the file is extracted, not only measured after it
(``FileMemory``): a watchdog thread samples the resident set every ``SAMPLE_SECONDS`` and stops
the file the moment it rises past the limit; in a worker process, whose allocations are the
file's own, the address space is also capped for the file just above the limit (``RLIMIT_AS``),
so an allocation that would go further fails there and then, even inside a C library.  The
writer process's address space is never capped (its database connection must not fail).

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
from typing import Any

DEFAULT_SECONDS = 300.0
DEFAULT_MEMORY_MB = 2048


class FileTimeLimit(BaseException):  # not an Exception: the extractors' broad handlers must not catch it
    """Raised in the extracting thread when the file's time is up."""


class FileMemoryLimit(BaseException):  # like FileTimeLimit: passes through the extractors' handlers
    """Raised in the extracting thread when the file's memory is over its limit."""


#: How often the watchdog reads the resident set: at the rate a reader can fill memory (a few
#: hundred MB a second in Python code), a file goes at most some tens of MB over before it stops.
SAMPLE_SECONDS = 0.02
#: The signal the watchdog stops the extracting (main) thread with.
_MEMORY_SIGNAL = getattr(signal, "SIGUSR2", None)


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

    A worker's backstop between files (``FileMemory`` caps each file tighter, and restores this
    cap after it): an allocation over it raises ``MemoryError`` in Python code (a C library that
    cannot allocate may end the process, which the parallel ingest reports as a worker that
    died).  Set at twice the per-file limit, so that sending a large result back never hits it.
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


def hard_cap_mb(mb: float) -> float:
    """The address space a worker's file may add: the limit and a small margin (a quarter, at
    least 64 MB) for what is reserved but never touched (thread stacks, malloc arenas)."""
    return mb + max(64.0, mb / 4)


class FileMemory:
    """The memory limit of one file, enforced while it is extracted (``with FileMemory(mb):``).

    On entry the resident set is noted and a watchdog thread starts; when the resident set has
    risen more than ``mb`` MB, ``tripped`` is set and, where the file is extracted in the main
    thread, ``FileMemoryLimit`` is raised there (by a signal, so it interrupts between two
    bytecodes, not after the file).  Off the main thread (a web server's ingest thread) the file
    runs on and ``tripped`` tells the caller to refuse it.  With ``cap_address_space`` (worker
    processes only) ``RLIMIT_AS`` is also lowered for the file to ``hard_cap_mb`` above the
    present size, and restored after it.  On exit ``rise_mb`` is the rise of the peak resident set.
    """

    def __init__(self, mb: float, *, cap_address_space: bool = False) -> None:
        self.mb = mb
        self.cap_address_space = cap_address_space
        self.tripped = False
        self.rise_mb = 0.0
        self._armed = False
        self._start: int | None = None
        self._stop = threading.Event()
        self._closed = False
        self._thread: threading.Thread | None = None
        self._previous_handler: Any = None
        self._previous_cap: tuple[int, int] | None = None
        self._main = (threading.current_thread() is threading.main_thread() and _MEMORY_SIGNAL is not None
                      and hasattr(signal, "pthread_kill"))

    def __enter__(self) -> FileMemory:
        self._start = reset_peak()
        if self._start is None:  # no /proc (not Linux): nothing to watch
            return self
        if self._main:
            self._previous_handler = signal.signal(_MEMORY_SIGNAL, self._interrupt)  # type: ignore[arg-type]
        self._armed = True
        ready = threading.Event()
        self._thread = threading.Thread(target=self._watch, args=(threading.main_thread().ident, ready),
                                        daemon=True, name="planwatch-memory-watch")
        self._thread.start()  # before the cap: its stack is reserved outside the file's share
        ready.wait()  # (and its first reading done, so its malloc arena too)
        if self.cap_address_space:
            self._previous_cap = _lower_address_space(hard_cap_mb(self.mb))
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """End the watch: the address-space cap, the watchdog and the signal handler as they were.

        Idempotent, and called again by the code around ``with`` (``finally: memory.close()``):
        the watchdog's signal can land at the very start of ``__exit__``, before anything here
        runs, and the file's ``FileMemoryLimit`` then leaves ``__exit__`` at once — a worker kept
        the file's low cap for every later file (seen once in CI).  The handler disarms itself
        before it raises, so by then no second signal can cut this short.
        """
        if self._start is None or self._closed:
            return
        self._armed = False  # a signal still on its way now does nothing
        if self._previous_cap is not None:
            _set_address_space(self._previous_cap)
            self._previous_cap = None
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
        if self._main:
            signal.signal(_MEMORY_SIGNAL, self._previous_handler)  # type: ignore[arg-type]
        self.rise_mb = peak_since(self._start)
        if self.rise_mb > self.mb:
            self.tripped = True
        self._closed = True

    def _watch(self, main_ident: int | None, ready: threading.Event) -> None:
        """Read the resident set until the file is done or over its limit.

        Under the address-space cap this thread must not need new memory from the system: glibc
        gives a thread its own malloc arena (64 MB of address space) at its first allocation, and
        a worker was seen to hang for good with this thread spinning in ``malloc`` — holding the
        GIL, so the main thread never ran the signal's handler — when it ended right after its
        signal, with the process at its cap.  So its first reading is made before the cap (its
        arena then exists), and after its signal it waits, ending only once ``close`` has
        restored the address space.
        """
        assert self._start is not None
        limit = self.mb * 1048576
        try:
            try:
                _status_kb("VmRSS")
            except (OSError, ValueError):
                return
            finally:
                ready.set()
            while not self._stop.wait(SAMPLE_SECONDS):
                try:
                    rss = _status_kb("VmRSS") * 1024
                except (OSError, ValueError, MemoryError):
                    return
                if rss - self._start > limit:
                    self.tripped = True
                    if self._main and main_ident is not None:
                        signal.pthread_kill(main_ident, _MEMORY_SIGNAL)  # type: ignore[arg-type]
                    return
        finally:
            self._stop.wait()

    def _interrupt(self, _signum: int, _frame: object) -> None:
        if self._armed:
            self._armed = False
            raise FileMemoryLimit


def _lower_address_space(extra_mb: float) -> tuple[int, int] | None:
    """Lower ``RLIMIT_AS`` to the present size plus ``extra_mb`` (never raise it); the previous
    limits, to restore, or None where it cannot be done."""
    try:
        import resource

        with open("/proc/self/statm", encoding="ascii") as f:
            now = int(f.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
        previous = resource.getrlimit(resource.RLIMIT_AS)
        cap = now + int(extra_mb * 1048576)
        soft, hard = previous
        if soft != resource.RLIM_INFINITY:
            cap = min(cap, soft)
        resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
        return previous
    except (ImportError, OSError, ValueError):
        return None


def _set_address_space(limits: tuple[int, int]) -> None:
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, limits)
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
