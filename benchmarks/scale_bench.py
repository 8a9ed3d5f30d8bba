"""Scale benchmark: ``planwatch ingest --workers N`` over 10,000 or 100,000 generated documents,
into SQLite and into PostgreSQL.

    python benchmarks/scale_bench.py                                  # quick: 500 documents
    python benchmarks/scale_bench.py --docs 10000 --backends sqlite,postgresql --workers 1,2
    python benchmarks/scale_bench.py --docs 100000 --backends sqlite --workers 2
    python benchmarks/scale_bench.py --docs 10000 --pg postgresql://USER:PASSWORD@HOST/DB --json-out results.jsonl
    python benchmarks/scale_bench.py --queries-only runs/sqlite_100000_w2.db   # series/targets p95 of a kept database

The documents are made by ``store_bench.generate`` (corpus documents with other regions,
shifted years and perturbed numbers) and written as ``.txt`` files under ``--corpus`` (kept and
reused: writing 100,000 files takes a while), then ingested exactly as a user would, by the
``planwatch ingest`` command in a child process — extraction, key projects, storage, all of it.
For each backend × workers configuration, on a new database:

* **documents/s**: files ÷ wall-clock seconds of the command (start-up included); the count of
  stored documents is sampled every few seconds, and the rate of the first and the last tenth of
  the run are shown (equal rates: ingest time is linear in the number of documents);
* **peak memory**: the largest sum of RSS over the ``planwatch ingest`` process and all its
  children (the extraction workers), sampled every 0.2 s from ``/proc`` — the whole tree, since
  with ``--workers`` the memory is in the children.  The PostgreSQL server's own memory is not
  in it (it is a separate, shared service);
* **CPU time per document**: user + system time of the command and its workers — unlike
  documents/s, it does not depend on what else the machine runs at the same time;
* **query p50/p95**: ``monitor.series`` and ``monitor.targets`` on random (indicator, region) pairs and
  regions that have data, after the ingest (``--queries`` of each).  Each ``targets`` figure also has
  ``cpu_p95_ms``, the p95 of the query's own CPU time (``time.process_time``): on a machine shared with
  other work the wall times wait for the cores, the CPU times do not (SQLite runs in the process).

PostgreSQL: ``--pg URL`` (or ``$PLANWATCH_TEST_PG``); without either, a throwaway cluster with
the server's default durability settings is started from Debian's ``postgresql`` package
(``initdb``/``pg_ctl`` under ``/usr/lib/postgresql/*/bin``).  Each configuration gets a schema of
its own, dropped afterwards (``--keep`` keeps databases).  PostgreSQL ingests run with ``--bulk``
(the trigram index built once, at the end of the timed command), as a large load should.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(REPO / "tests"))

from store_bench import corpus_files, generate, percentiles  # noqa: E402

from planwatch import monitor  # noqa: E402
from planwatch.gazetteer import load_gazetteer  # noqa: E402
from planwatch.monitor.targets import target_page  # noqa: E402
from planwatch.pipeline import extract  # noqa: E402
from planwatch.store import Store  # noqa: E402
from planwatch.store.backend import open_backend  # noqa: E402
from planwatch.web.service import WebService  # noqa: E402

FILES_PER_FOLDER = 1000


# -- the generated corpus -------------------------------------------------------------------
def ensure_corpus(folder: Path, n: int, seed: int) -> tuple[int, float]:
    """Write ``n`` generated documents under ``folder`` (reused when already there); (characters, seconds)."""
    marker = folder / ".complete.json"
    if marker.exists():
        info = json.loads(marker.read_text())
        if info.get("docs") == n and info.get("seed") == seed:
            return int(info["characters"]), 0.0
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    t0 = time.perf_counter()
    rng = random.Random(seed)
    bases = [b for b in (extract(p) for p in corpus_files()) if b.facts]
    names_by_len: dict[int, list[str]] = {}
    for r in load_gazetteer():
        names_by_len.setdefault(len(r.name), []).append(r.name)
    chars = 0
    for i in range(n):
        doc = generate(bases[i % len(bases)], i, names_by_len, rng)  # one at a time: nothing accumulates
        sub = folder / f"{i // FILES_PER_FOLDER:04d}"
        sub.mkdir(exist_ok=True)
        (sub / f"g{i:06d}.txt").write_text(doc.text, encoding="utf-8")
        chars += len(doc.text)
    marker.write_text(json.dumps({"docs": n, "seed": seed, "characters": chars}))
    return chars, time.perf_counter() - t0


# -- memory of a process tree ---------------------------------------------------------------
def _children(pid: int) -> list[int]:
    out: list[int] = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as f:
                out += [int(x) for x in f.read().split()]
    except OSError:
        pass
    return out


def _rss_bytes(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def tree_rss(pid: int) -> int:
    """Sum of RSS over ``pid`` and all its descendants (Linux ``/proc``)."""
    total, stack, seen = 0, [pid], set()
    while stack:
        p = stack.pop()
        if p in seen:
            continue
        seen.add(p)
        total += _rss_bytes(p)
        stack += _children(p)
    return total


# -- databases ------------------------------------------------------------------------------
@dataclass
class Target:
    backend: str
    url: str
    cleanup: list[Any] = field(default_factory=list)

    def size(self) -> int:
        if self.backend == "sqlite":
            return sum(p.stat().st_size for p in Path(self.url).parent.glob(Path(self.url).name + "*"))
        db = open_backend(self.url)
        try:
            rows = db.query(
                "SELECT COALESCE(SUM(pg_total_relation_size(quote_ident(table_name))), 0) AS n "
                "FROM information_schema.tables WHERE table_schema = current_schema()"
            )
            return int(rows[0]["n"])
        finally:
            db.close()


def pg_server_url(given: str | None) -> tuple[str, Any]:
    if given:
        return given, None
    if os.environ.get("PLANWATCH_TEST_PG"):
        return os.environ["PLANWATCH_TEST_PG"], None
    from pg_server import Cluster, find_pg_bin

    bindir = find_pg_bin()
    if bindir is None:
        sys.exit("scale_bench: no PostgreSQL: give --pg URL or install Debian's postgresql")
    cluster = Cluster(bindir)
    return cluster.start(durable=True), cluster


def new_target(backend: str, workdir: Path, pg: str | None, label: str) -> Target:
    if backend == "sqlite":
        path = workdir / f"{label}.db"
        for p in workdir.glob(path.name + "*"):
            p.unlink()
        return Target("sqlite", str(path))
    import psycopg
    from pg_server import with_schema

    assert pg is not None
    schema = f"bench_{label}_{uuid.uuid4().hex[:6]}"
    with psycopg.connect(pg, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    target = Target("postgresql", with_schema(pg, schema))
    target.cleanup.append(lambda: _drop_schema(pg, schema))
    return target


def _drop_schema(server: str, schema: str) -> None:
    import psycopg

    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')


def _count_documents(url: str) -> int | None:
    try:
        db = open_backend(url)
        try:
            return int(db.query("SELECT COUNT(*) AS n FROM documents")[0]["n"])
        finally:
            db.close()
    except Exception:  # the schema is not there yet (the ingest is migrating)
        return None


# -- one configuration ------------------------------------------------------------------------
def run(target: Target, corpus: Path, n: int, workers: int, queries: int, seed: int) -> dict[str, Any]:
    cmd = [sys.executable, "-m", "planwatch", "ingest", str(corpus), "--db", target.url, "--workers", str(workers)]
    cmd.append("-q")
    if target.backend == "postgresql":
        cmd.append("--bulk")  # the trigram index built once at the end (inside the timed ingest)
    env = {k: v for k, v in os.environ.items() if k != "PLANWATCH_DEBUG"}
    cpu0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.monotonic()
    proc = subprocess.Popen(cmd, cwd=REPO, env=env, stderr=subprocess.PIPE, text=True)
    peak = 0
    timeline: list[tuple[float, int]] = [(0.0, 0)]
    next_count = t0 + 5
    while proc.poll() is None:
        peak = max(peak, tree_rss(proc.pid))
        now = time.monotonic()
        if now >= next_count:
            count = _count_documents(target.url)
            if count is not None:
                timeline.append((now - t0, count))
            next_count = now + max(5.0, (now - t0) / 40)
        time.sleep(0.2)
    wall = time.monotonic() - t0
    cpu1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    # CPU time of the command and its workers (reaped children count in their parent's): a
    # figure that, unlike documents/s, does not depend on what else the machine is running.
    cpu = (cpu1.ru_utime - cpu0.ru_utime) + (cpu1.ru_stime - cpu0.ru_stime)
    err = proc.stderr.read() if proc.stderr else ""
    if proc.returncode != 0:
        raise SystemExit(f"scale_bench: ingest failed ({proc.returncode}): {err[-2000:]}")
    timeline.append((wall, n))

    def rate(a: float, b: float) -> float | None:
        """Documents per second between fractions a and b of the documents."""
        pts = [(t, c) for t, c in timeline]
        lo = next((p for p in pts if p[1] >= a * n), None)
        hi = next((p for p in pts if p[1] >= b * n), None)
        if lo is None or hi is None or hi[0] <= lo[0]:
            return None
        return round((hi[1] - lo[1]) / (hi[0] - lo[0]), 1)

    latencies = query_latencies(target.url, queries, seed)
    return {
        "docs": n, "backend": target.backend, "workers": workers, "seconds": round(wall, 1),
        "docs_per_s": round(n / wall, 1), "rate_first_tenth": rate(0.0, 0.1), "rate_last_tenth": rate(0.9, 1.0),
        "cpu_seconds": round(cpu, 1), "cpu_ms_per_doc": round(cpu / n * 1000, 1),
        "peak_rss_mb": round(peak / 2**20), **latencies, "db_mb": round(target.size() / 2**20),
    }  # fmt: skip


#: The page `planwatch targets --limit` is measured with.
PAGE = 50


def query_latencies(url: str, queries: int, seed: int) -> dict[str, Any]:
    """p50/p95 of ``series`` and ``targets`` on random (indicator, region) pairs and regions of ``url``."""
    rng = random.Random(seed)
    with Store(url) as store:
        service = WebService(store)
        stats = store.stats()
        series_keys = store.db.query(
            "SELECT DISTINCT indicator_key, region_key FROM facts WHERE indicator_id IS NOT NULL "
            "AND region_id IS NOT NULL AND is_current = 1"
        )
        regions = [r["region_key"] for r in store.db.query(
            "SELECT DISTINCT region_key FROM facts WHERE kind = 'target' AND region_id IS NOT NULL")]  # fmt: skip
        series_lat, targets_lat, plan_lat, page_lat = [], [], [], []
        cpu: dict[str, list[float]] = {"targets": [], "targets_plan": [], f"targets_first_{PAGE}": []}
        for _ in range(queries):
            k = rng.choice(series_keys)
            t = time.perf_counter()
            monitor.series(store, k["indicator_key"], region=k["region_key"])
            series_lat.append(time.perf_counter() - t)
        for _ in range(queries):
            region = rng.choice(regions)
            t, c = time.perf_counter(), time.process_time()
            monitor.targets(store, region=region)
            targets_lat.append(time.perf_counter() - t)
            cpu["targets"].append(time.process_time() - c)
            # what the dashboard asks: the targets of the region's plan with the most of them
            t, c = time.perf_counter(), time.process_time()
            plans = service.plans_of(region)
            if plans:
                monitor.targets(store, region=region, plan=plans[0]["plan"])
            plan_lat.append(time.perf_counter() - t)
            cpu["targets_plan"].append(time.process_time() - c)
            # what `planwatch targets --limit 50` asks: the first page of the whole list
            t, c = time.perf_counter(), time.process_time()
            target_page(store, region=region, limit=PAGE)
            page_lat.append(time.perf_counter() - t)
            cpu[f"targets_first_{PAGE}"].append(time.process_time() - c)
    figures: dict[str, Any] = {
        "documents": stats["documents"], "facts": stats["facts"],
        "series": {k: round(v, 2) for k, v in percentiles(series_lat).items()},
        "targets": {k: round(v, 2) for k, v in percentiles(targets_lat).items()},
        "targets_plan": {k: round(v, 2) for k, v in percentiles(plan_lat).items()},
        f"targets_first_{PAGE}": {k: round(v, 2) for k, v in percentiles(page_lat).items()},
    }  # fmt: skip
    for name, samples in cpu.items():
        figures[name]["cpu_p95_ms"] = round(percentiles(samples)["p95_ms"], 2)
    return figures


def main(argv: list[str] | None = None) -> list[dict[str, Any]]:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=500, help="generated documents (10000, 100000 …; default 500)")
    parser.add_argument("--backends", default="sqlite", help="comma-separated: sqlite,postgresql (default sqlite)")
    parser.add_argument("--workers", default="1,2", help="comma-separated --workers values (default 1,2)")
    parser.add_argument("--pg", default=None, help="PostgreSQL server URL (default $PLANWATCH_TEST_PG or a throwaway)")
    parser.add_argument("--corpus", type=Path, default=None, help="folder for the generated files (kept, reused)")
    parser.add_argument("--workdir", type=Path, default=None, help="folder for SQLite databases (default: temporary)")
    parser.add_argument("--queries", type=int, default=200, help="queries of each kind (default 200)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", action="store_true", help="keep the databases")
    parser.add_argument("--json-out", type=Path, default=None, help="append each configuration's figures (JSON Lines)")
    parser.add_argument("--queries-only", metavar="URL", default=None,
                        help="only the query latencies, on an existing database (a kept run's)")
    args = parser.parse_args(argv)
    if args.queries_only:
        figures = query_latencies(args.queries_only, args.queries, args.seed)
        print(json.dumps(figures, ensure_ascii=False), flush=True)
        return [figures]
    backends = [b.strip() for b in args.backends.split(",") if b.strip()]
    workers = [int(w) for w in args.workers.split(",") if w.strip()]

    tmp = Path(tempfile.mkdtemp(prefix="pw-scale-"))
    corpus = args.corpus or tmp / f"corpus-{args.docs}"
    workdir = args.workdir or tmp
    workdir.mkdir(parents=True, exist_ok=True)
    chars, gen_seconds = ensure_corpus(corpus, args.docs, args.seed)
    print(f"corpus: {args.docs:,} documents, {chars:,} characters in {corpus}"
          + (f" (generated in {gen_seconds:.0f} s)" if gen_seconds else " (reused)"), flush=True)  # fmt: skip
    pg, cluster = pg_server_url(args.pg) if "postgresql" in backends else (None, None)
    results = []
    try:
        for backend in backends:
            for w in workers:
                target = new_target(backend, workdir, pg, f"{backend}_{args.docs}_w{w}")
                try:
                    figures = run(target, corpus, args.docs, w, args.queries, args.seed)
                finally:
                    if not args.keep:
                        for fn in target.cleanup:
                            fn()
                        if backend == "sqlite":
                            for p in Path(target.url).parent.glob(Path(target.url).name + "*"):
                                p.unlink()
                figures["characters"] = chars
                results.append(figures)
                print(json.dumps(figures, ensure_ascii=False), flush=True)
                if args.json_out:
                    with args.json_out.open("a", encoding="utf-8") as f:
                        f.write(json.dumps(figures, ensure_ascii=False) + "\n")
    finally:
        if cluster is not None:
            cluster.stop()
        if args.corpus is None:
            shutil.rmtree(tmp, ignore_errors=True)
    print()
    print("| documents | database | workers | documents/s (first → last tenth) | CPU per document | "
          "peak RSS, process tree | series p95 | "
          f"targets p95 (whole; one plan; first {PAGE}) | database size |")  # fmt: skip
    print("|---:|---|---:|---:|---:|---:|---:|---:|---:|")
    for r in results:
        print(
            f"| {r['docs']:,} | {r['backend']} | {r['workers']} | {r['docs_per_s']} "
            f"({r['rate_first_tenth']} → {r['rate_last_tenth']}) | {r['cpu_ms_per_doc']:.0f} ms | "
            f"{r['peak_rss_mb']} MB | "
            f"{r['series']['p95_ms']:.1f} ms | {r['targets']['p95_ms']:.1f}; {r['targets_plan']['p95_ms']:.1f}; "
            f"{r[f'targets_first_{PAGE}']['p95_ms']:.1f} ms | {r['db_mb']:,} MB |"
        )
    return results


if __name__ == "__main__":
    main()
