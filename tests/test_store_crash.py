"""Crash safety: ``planwatch ingest`` killed with SIGKILL at random points, again and again.

Each round starts from an empty database and kills the ingest several times — at a random
moment (during start-up and migrations, extraction, a transaction or a commit), or while a
document's transaction is open (the fault-injection pause before COMMIT) — and after every kill
checks that the database is consistent (``store_checks.consistent``).  Then an ingest runs to
the end and the database must hold exactly what a clean, uninterrupted ingest gives.

With ``--workers 2`` the whole process group is killed, or only the writer: its extraction
workers must then exit by themselves.  The PostgreSQL variant kills a client in the middle of
its transactions; the server must roll them back.

Bounded in time: each variant stops killing after ``BUDGET`` seconds.  The seed is printed in
any failure; ``PLANWATCH_TEST_SEED=N`` replays a run.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import SAMPLE_FILES
from store_checks import canonical, clean_env, consistent, ingest_command, kill_group, start, wait_gone

from planwatch.store.core import FAULT_PAUSE_ENV

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL and process groups")

BUDGET = 5.0  # seconds of killing per variant
MAX_ROUNDS = 3
KILLS_PER_ROUND = 3
PAUSE = "0.08"  # seconds each document's transaction stays open before COMMIT


def _docs(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for src in SAMPLE_FILES:
        shutil.copy(src, folder / src.name)
    return folder


@pytest.fixture(params=["sqlite-1", "sqlite-2", "postgresql-1"])
def variant(request: pytest.FixtureRequest, tmp_path: Path) -> tuple[str, int, object]:
    """(backend, workers, a factory of fresh database URLs)."""
    backend, workers = request.param.split("-")
    if backend == "sqlite":
        counter = iter(range(1000))
        return backend, int(workers), lambda: str(tmp_path / f"pw{next(counter)}.db")
    server = request.getfixturevalue("pg_server")
    from pg_server import fresh_schema

    stack: list[object] = []

    def factory() -> str:
        ctx = fresh_schema(server)
        stack.append(ctx)
        return ctx.__enter__()

    request.addfinalizer(lambda: [c.__exit__(None, None, None) for c in reversed(stack)])  # type: ignore[attr-defined]
    return backend, int(workers), factory


def _run_to_end(folder: Path, db: str, workers: int) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ingest_command(folder, db, "--workers", str(workers)),
        capture_output=True, text=True, encoding="utf-8", env=clean_env(), timeout=120,
    )  # fmt: skip


def _kill_mid_transaction(proc: subprocess.Popen[str], rng: random.Random, nth: int) -> bool:
    """Kill after the ``nth`` "pausing before commit" line (inside a transaction); False if it ended first."""
    assert proc.stderr is not None
    seen = 0
    while seen < nth:
        line = proc.stderr.readline()
        if not line:
            return False
        seen += "pausing before commit" in line
    time.sleep(rng.uniform(0, float(PAUSE) * 0.8))
    return True


def test_ingest_killed_at_random_points_always_recovers(tmp_path: Path, variant: tuple[str, int, object]) -> None:
    backend, workers, new_db = variant
    seed = int(os.environ.get("PLANWATCH_TEST_SEED", time.time_ns() % 2**32))
    rng = random.Random(seed)
    folder = _docs(tmp_path / "docs")
    clean_db = new_db()  # type: ignore[operator]
    t0 = time.monotonic()
    clean = _run_to_end(folder, clean_db, workers)
    clean_seconds = time.monotonic() - t0
    assert clean.returncode == 0, clean.stderr
    expected = canonical(clean_db)
    assert expected["documents"] and expected["facts"]

    deadline = time.monotonic() + BUDGET
    hard_deadline = time.monotonic() + 6 * BUDGET  # a slow machine may need more rounds to land 2 kills
    kills = rounds = 0
    log: list[str] = []

    def more() -> bool:
        """Within the budget, or still short of the kills that make the test mean something."""
        if time.monotonic() < deadline:
            return True
        return kills < 2 and time.monotonic() < hard_deadline

    while rounds < MAX_ROUNDS * (1 if kills >= 2 else 3) and more():
        rounds += 1
        db = new_db()  # type: ignore[operator]
        previous = {"documents": 0, "facts": 0}
        for attempt in range(KILLS_PER_ROUND):
            if not more():
                break
            proc = start(ingest_command(folder, db, "--workers", str(workers)), clean_env(**{FAULT_PAUSE_ENV: PAUSE}))
            mode = rng.choice(["time", "transaction"])
            if mode == "transaction":
                killed = _kill_mid_transaction(proc, rng, rng.randint(1, 3))
            else:
                try:
                    proc.wait(timeout=rng.uniform(0.0, clean_seconds + 0.5))
                    killed = False
                except subprocess.TimeoutExpired:
                    killed = True
            if not killed:  # the ingest got to the end first: nothing left to interrupt this round
                proc.communicate(timeout=60)
                log.append(f"round {rounds}: run {attempt} finished before the kill ({mode})")
                break
            leader_only = workers > 1 and rng.random() < 0.3
            if leader_only:
                # Only the writer dies; its extraction workers must notice and exit by themselves.
                os.kill(proc.pid, signal.SIGKILL)
                proc.communicate(timeout=30)
                wait_gone(proc.pid, timeout=10)
                try:
                    os.killpg(proc.pid, 0)
                    orphans = True
                except ProcessLookupError:
                    orphans = False
                if orphans:
                    kill_group(proc)
                assert not orphans, f"seed {seed}: extraction workers outlived their killed writer"
            else:
                kill_group(proc)
            kills += 1
            counts = consistent(db)
            log.append(f"round {rounds}: killed ({mode}{', writer only' if leader_only else ''}) at {counts}")
            # nothing committed is ever lost: each run starts where the last one got
            assert counts["documents"] >= previous["documents"], f"seed {seed}: {log}"
            assert counts["facts"] >= previous["facts"], f"seed {seed}: {log}"
            previous = counts
        rerun = _run_to_end(folder, db, workers)
        assert rerun.returncode == 0, f"seed {seed}: {rerun.stderr}"
        consistent(db)
        assert canonical(db) == expected, f"seed {seed}: the resumed ingest differs from a clean one: {log}"
    print(f"seed {seed}: {kills} kills in {rounds} rounds", *log, sep="\n  ")
    assert kills >= 2, f"seed {seed}: too few kills to mean anything ({log})"
