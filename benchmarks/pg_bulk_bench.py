"""PostgreSQL ingest with and without ``--bulk``: wall time, and the CPU of the client and of the server.

    python benchmarks/pg_bulk_bench.py FOLDER                  # a throwaway cluster, plain then bulk
    python benchmarks/pg_bulk_bench.py FOLDER --order bulk,plain --pg postgresql://USER@HOST/DB

Each run ingests FOLDER (``planwatch ingest FOLDER --workers 2``, as a user would) into a new schema
of one server. The server's CPU is the sum of user and system time of the processes named
``postgres`` on this machine, read from ``/proc`` before and after. It covers the final index
build of ``--bulk``, and also any other database on that server, so use a server of its own.
``--bulk`` drops the ``pg_trgm`` index for the load and builds it once at the end
(``planwatch.store.search.bulk_load``). The row-by-row index grows costlier as the table grows, so
compare sizes of a few thousand documents: ``benchmarks/scale_bench.py`` writes generated ones
(``--corpus FOLDER --keep``).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
import uuid
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "benchmarks"))
sys.path.insert(0, str(REPO / "tests"))

from pg_server import with_schema  # noqa: E402
from scale_bench import pg_server_url  # noqa: E402


def server_cpu_seconds() -> float:
    """User + system CPU seconds of every ``postgres`` process of this machine (and its reaped children)."""
    ticks = 0
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            stat = Path(f"/proc/{pid}/stat").read_text()
        except OSError:
            continue  # the process ended meanwhile
        name = stat[stat.index("(") + 1:stat.rindex(")")]
        if name.startswith("postgres"):
            fields = stat[stat.rindex(")") + 2:].split()
            ticks += sum(int(f) for f in fields[11:15])  # utime, stime, cutime, cstime
    return ticks / os.sysconf("SC_CLK_TCK")


def run(folder: Path, url: str, bulk: bool, workers: int) -> dict[str, float]:
    import psycopg

    schema = f"bulk_bench_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    target = with_schema(url, schema)
    cmd = [sys.executable, "-m", "planwatch", "ingest", str(folder), "--db", target, "--workers", str(workers), "-q"]
    server0, client0, t0 = server_cpu_seconds(), os.times(), time.monotonic()
    subprocess.run([*cmd, *(["--bulk"] if bulk else [])], check=True, cwd=REPO)
    wall, server1, client1 = time.monotonic() - t0, server_cpu_seconds(), os.times()
    with psycopg.connect(target, autocommit=True) as conn:
        n = conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
    client = (client1.children_user + client1.children_system) - (client0.children_user + client0.children_system)
    return {"documents": n, "wall_s": wall, "docs_per_s": n / wall, "client_ms_per_doc": client / n * 1000,
            "server_ms_per_doc": (server1 - server0) / n * 1000}  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--order", default="plain,bulk", help="runs in this order (default plain,bulk)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--pg", default=None, help="server URL (default $PLANWATCH_TEST_PG or a throwaway cluster)")
    args = parser.parse_args()
    url, cluster = pg_server_url(args.pg)
    try:
        for label in args.order.split(","):
            r = run(args.folder, url, label.strip() == "bulk", args.workers)
            print(f"{label}: {r['documents']} documents, {r['wall_s']:.0f} s wall, {r['docs_per_s']:.1f} documents/s, "
                  f"CPU a document: client {r['client_ms_per_doc']:.0f} ms, server {r['server_ms_per_doc']:.0f} ms",
                  flush=True)  # fmt: skip
    finally:
        if cluster is not None:
            cluster.stop()


if __name__ == "__main__":
    main()
