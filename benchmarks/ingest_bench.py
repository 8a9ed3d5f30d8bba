"""Ingest benchmark: what storing costs beside extracting, and what the database weighs beside the text.

    python benchmarks/ingest_bench.py                              # the corpus and 300 generated documents, SQLite
    python benchmarks/ingest_bench.py --generated 2000 --backends sqlite,postgresql
    python benchmarks/ingest_bench.py --workers 1,2 --generated 1000   # does --workers 2 double the rate?
    python benchmarks/ingest_bench.py --json-out ingest.jsonl

For each set of documents — the corpus (``tests/data/corpus`` and ``planwatch/sample``, as a user
would ingest them, duplicates included) and ``--generated`` documents (``scale_bench``'s
generator: corpus documents with other regions, shifted years, perturbed numbers) — in one
process and one run:

* **extraction CPU**: ``planwatch.pipeline.extract`` of every distinct file (reading,
  normalising, structure, facts) and, apart, the key projects of each extracted document
  (``projects.extract_projects``, reading the pipeline's analysis);
* **ingest CPU**: ``Store.ingest`` of the same files into a new database, with ``--workers 1``
  (everything in this process), split into its parts by timing the functions it calls:
  extraction, key projects, fact rows (resolution, keys, quotes), writing (the document's
  transaction: rows, full-text index, project linking) and the rest (walking, reading,
  hashing, the check for stored content);
* **bytes**: the database (SQLite: the file and its WAL after closing; PostgreSQL: every table
  with its indexes and TOAST) against the UTF-8 bytes of the documents' text; on SQLite the
  largest tables and indexes (``dbstat``).

``--workers 1,2``: the wall-clock rate of each ``--workers`` value on a new database, and how
busy the machine was meanwhile with other work (``/proc/stat`` minus this process tree), since
a rate measured on a shared machine is only as good as that figure.

Warm-up first (taxonomies, gazetteer, regular expressions), so that one-time loading is not
counted as per-document cost.  CPU is ``time.process_time`` (plus reaped children for
``--workers``), which does not depend on what else the machine runs.  The 100,000-document
runs (documents/s over the run, peak memory, query p95) are ``scale_bench.py --docs 100000``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import resource
import shutil
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(REPO / "tests"))

import planwatch.store.core as core  # noqa: E402
import planwatch.store.projects as project_store  # noqa: E402
from planwatch.pipeline import extract  # noqa: E402
from planwatch.projects import extract_projects  # noqa: E402
from planwatch.projects.taxonomy import load_project_taxonomy  # noqa: E402
from planwatch.store import Store  # noqa: E402
from planwatch.store.core import iter_files  # noqa: E402

#: The data folder of the throwaway PostgreSQL cluster this benchmark started (its CPU is measured).
SERVER_DATA: Path | None = None
CORPUS_PATHS = [REPO / "tests" / "data" / "corpus", REPO / "planwatch" / "sample"]


def cpu() -> float:
    """CPU seconds of this process and of its reaped children (extraction workers)."""
    c = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + c.ru_utime + c.ru_stime


def machine_busy() -> tuple[float, float]:
    """(busy, total) jiffies of the whole machine so far (``/proc/stat``)."""
    with open("/proc/stat") as f:
        parts = [float(x) for x in f.readline().split()[1:]]
    idle = parts[3] + (parts[4] if len(parts) > 4 else 0.0)
    return sum(parts) - idle, sum(parts)


def distinct_files(paths: list[Path]) -> list[Path]:
    """The files an ingest would extract: each content once (the first path in walk order)."""
    seen: set[str] = set()
    out = []
    for p in iter_files(paths):
        digest = hashlib.sha256(p.read_bytes()).hexdigest()
        if digest not in seen:
            seen.add(digest)
            out.append(p)
    return out


def warm_up(files: list[Path]) -> None:
    doc = extract(files[0])
    extract_projects(doc)
    with Store(":memory:") as s:
        s.ingest([files[0]])


def extraction_cpu(files: list[Path]) -> dict[str, float]:
    facts = projects = 0.0
    n_facts = n_mentions = 0
    for path in files:
        t0 = time.process_time()
        doc = extract(path)
        t1 = time.process_time()
        found = extract_projects(doc)
        t2 = time.process_time()
        facts += t1 - t0
        projects += t2 - t1
        n_facts += len(doc.facts)
        n_mentions += len(found.mentions)
    return {"facts_cpu": facts, "projects_cpu": projects, "facts": n_facts, "mentions": n_mentions}


@contextmanager
def timed_parts(parts: Counter[str]) -> Iterator[None]:
    """Time (CPU) the functions ``Store.ingest`` calls, by part, while the block runs."""
    patches: list[tuple[Any, str, Any]] = []

    def wrap(owner: Any, name: str, part: str) -> None:
        real = getattr(owner, name)

        def timed(*a: Any, **k: Any) -> Any:
            t0 = time.process_time()
            try:
                return real(*a, **k)
            finally:
                parts[part] += time.process_time() - t0

        patches.append((owner, name, real))
        setattr(owner, name, timed)

    wrap(core, "extract_document", "extraction")
    wrap(project_store, "prepare_projects", "projects")
    wrap(core, "fact_rows", "fact rows")
    wrap(core.Store, "_write_document", "write")
    # wall time, not CPU: how long each document holds the one lock every writer queues on
    # (project linking, "planwatch:projects"), from taking it to the end of its transaction
    real_store = project_store.store_projects

    def linked(*a: Any, **k: Any) -> Any:
        t0 = time.perf_counter()
        try:
            return real_store(*a, **k)
        finally:
            parts["~linking (wall, under the projects lock)"] += time.perf_counter() - t0

    patches.append((project_store, "store_projects", real_store))
    project_store.store_projects = linked  # type: ignore[assignment]
    try:
        yield
    finally:
        for owner, name, real in reversed(patches):
            setattr(owner, name, real)


# -- databases ------------------------------------------------------------------------------
class Database:
    """A new database for one run: a SQLite file, or a schema of its own on a PostgreSQL server."""

    def __init__(self, backend: str, workdir: Path, pg: str | None, label: str) -> None:
        from scale_bench import new_target

        self.target = new_target(backend, workdir, pg, label)
        self.url = self.target.url
        self.backend = backend

    def server_cpu(self) -> float | None:
        """CPU seconds of the local PostgreSQL server's processes so far (``None``: not local, or SQLite)."""
        if self.backend != "postgresql" or SERVER_DATA is None:
            return None
        from scale_bench import _children

        try:
            postmaster = int((SERVER_DATA / "postmaster.pid").read_text().split()[0])
        except (OSError, ValueError, IndexError):
            return None
        total, stack = 0.0, [postmaster]
        tick = os.sysconf("SC_CLK_TCK")
        while stack:
            pid = stack.pop()
            try:
                with open(f"/proc/{pid}/stat") as f:
                    fields = f.read().rsplit(")", 1)[1].split()
                total += (int(fields[11]) + int(fields[12]) + int(fields[13]) + int(fields[14])) / tick
            except (OSError, IndexError, ValueError):
                pass
            stack += _children(pid)
        return total

    def sizes(self) -> dict[str, Any]:
        out: dict[str, Any] = {"db_bytes": self.target.size()}
        with Store(self.url) as s:
            expr = "LENGTH(CAST(text AS BLOB))" if self.backend == "sqlite" else "octet_length(text)"
            out["text_bytes"] = int(s.db.query(f"SELECT COALESCE(SUM({expr}), 0) AS n FROM documents")[0]["n"])
            if self.backend == "sqlite":
                try:
                    rows = s.db.query("SELECT name, SUM(pgsize) AS n FROM dbstat GROUP BY name ORDER BY n DESC LIMIT 8")
                    out["largest"] = {r["name"]: int(r["n"]) for r in rows}
                except Exception:  # SQLite built without dbstat
                    pass
        return out

    def drop(self) -> None:
        for f in self.target.cleanup:
            f()


# -- one set of documents -------------------------------------------------------------------
def measure(label: str, paths: list[Path], backend: str, workdir: Path, pg: str | None) -> dict[str, Any]:
    files = distinct_files(paths)
    ext = extraction_cpu(files)
    db = Database(backend, workdir, pg, f"{label}-ingest")
    parts: Counter[str] = Counter()
    try:
        store = Store(db.url)
        store._sync_taxonomy()  # once per database, not per document
        # The ingest reads the same files again: what the extraction above memoised would make
        # the ingest's key projects look cheaper than a first reading is.
        load_project_taxonomy().name_key_memo.clear()
        s0 = db.server_cpu()
        with timed_parts(parts):
            c0 = cpu()
            report = store.ingest(paths, keep_results=False)
            ingest_cpu = cpu() - c0
        s1 = db.server_cpu()
        store.close()
        if not report.ok:
            raise SystemExit(f"ingest_bench: {len(report.failures)} files failed: {report.failures[0].message}")
        sizes = db.sizes()
    finally:
        db.drop()
    parts["rest"] = ingest_cpu - sum(v for k, v in parts.items() if not k.startswith("~"))
    n = len(files)
    return {
        "set": label, "backend": backend, "documents": n, "files": report.n_files, "facts": ext["facts"],
        "mentions": ext["mentions"],
        "facts_cpu_s": round(ext["facts_cpu"], 3), "projects_cpu_s": round(ext["projects_cpu"], 3),
        "projects_vs_facts": round(ext["projects_cpu"] / ext["facts_cpu"], 2),
        "ingest_cpu_s": round(ingest_cpu, 3), "ingest_vs_facts": round(ingest_cpu / ext["facts_cpu"], 2),
        "ingest_ms_per_doc": round(ingest_cpu / n * 1000, 1),
        "parts_ms_per_doc": {k: round(v / n * 1000, 1) for k, v in parts.most_common()},
        "db_bytes": sizes["db_bytes"], "text_bytes": sizes["text_bytes"],
        "db_vs_text": round(sizes["db_bytes"] / max(1, sizes["text_bytes"]), 2),
        "largest": sizes.get("largest", {}),
        "server_ms_per_doc": round((s1 - s0) / n * 1000, 1) if s0 is not None and s1 is not None else None,
    }  # fmt: skip


def scaling(paths: list[Path], workers: list[int], backend: str, workdir: Path, pg: str | None) -> list[dict[str, Any]]:
    out = []
    n = sum(1 for _ in iter_files(paths))
    for w in workers:
        db = Database(backend, workdir, pg, f"w{w}")
        try:
            store = Store(db.url)
            store._sync_taxonomy()
            busy0, total0 = machine_busy()
            c0, t0 = cpu(), time.perf_counter()
            report = store.ingest(paths, workers=w, keep_results=False)
            wall, own = time.perf_counter() - t0, cpu() - c0
            busy1, total1 = machine_busy()
            store.close()
        finally:
            db.drop()
        ncpu = os.cpu_count() or 1
        machine = (busy1 - busy0) / max(1.0, total1 - total0) * ncpu  # cores busy, all processes
        out.append({
            "workers": w, "files": n, "stored": report.count("added"), "seconds": round(wall, 2),
            "docs_per_s": round(n / wall, 1), "cpu_s": round(own, 2),
            "other_load_cores": round(max(0.0, machine - own / wall), 2),
        })  # fmt: skip
    base = out[0]["docs_per_s"]
    for r in out:
        r["speedup"] = round(r["docs_per_s"] / base, 2)
    return out


def show(r: dict[str, Any]) -> None:
    print(f"\n== {r['set']} on {r['backend']}: {r['documents']} documents ({r['files']} files), "
          f"{r['facts']:,} facts, {r['mentions']:,} project mentions")
    print(f"  fact extraction   {r['facts_cpu_s']:8.2f} s CPU")
    print(f"  key projects      {r['projects_cpu_s']:8.2f} s CPU   ({r['projects_vs_facts']:.2f}× fact extraction)")
    print(f"  ingest            {r['ingest_cpu_s']:8.2f} s CPU   ({r['ingest_vs_facts']:.2f}× fact extraction; "
          f"{r['ingest_ms_per_doc']} ms a document)")
    print("  ingest by part (ms a document): "
          + ", ".join(f"{k} {v}" for k, v in r["parts_ms_per_doc"].items()))
    print(f"  database          {r['db_bytes'] / 1e6:8.2f} MB for {r['text_bytes'] / 1e6:.2f} MB of text "
          f"({r['db_vs_text']:.2f}×)")
    if r["server_ms_per_doc"] is not None:
        print(f"  PostgreSQL server {r['server_ms_per_doc']:8.1f} ms CPU a document (its own processes)")
    if r["largest"]:
        print("  largest: " + ", ".join(f"{k} {v / 1e6:.2f} MB" for k, v in r["largest"].items()))


def main(argv: list[str] | None = None) -> list[dict[str, Any]]:
    global SERVER_DATA
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--generated", type=int, default=300, help="generated documents (0: none; default 300)")
    parser.add_argument("--backends", default="sqlite", help="comma-separated: sqlite,postgresql (default sqlite)")
    parser.add_argument("--workers", default="", help="comma-separated --workers values to compare (e.g. 1,2)")
    parser.add_argument("--scaling-set", choices=("corpus", "generated"), default="generated",
                        help="the documents the --workers comparison ingests (default generated)")
    parser.add_argument("--pg", default=None, help="PostgreSQL server URL (default $PLANWATCH_TEST_PG or a throwaway)")
    parser.add_argument("--corpus", type=Path, default=None, help="folder for the generated files (kept, reused)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--json-out", type=Path, default=None, help="append the figures (JSON Lines)")
    args = parser.parse_args(argv)
    backends = [b.strip() for b in args.backends.split(",") if b.strip()]
    tmp = Path(tempfile.mkdtemp(prefix="pw-ingest-"))
    cluster = None
    pg = None
    results: list[dict[str, Any]] = []
    try:
        if "postgresql" in backends:
            from scale_bench import pg_server_url

            pg, cluster = pg_server_url(args.pg)
            SERVER_DATA = cluster.data if cluster is not None else None
        sets: list[tuple[str, list[Path]]] = [("corpus", CORPUS_PATHS)]
        if args.generated:
            from scale_bench import ensure_corpus

            folder = args.corpus or tmp / f"generated-{args.generated}"
            ensure_corpus(folder, args.generated, args.seed)
            sets.append((f"generated-{args.generated}", [folder]))
        warm_up(distinct_files(CORPUS_PATHS))
        for backend in backends:
            for label, paths in sets:
                r = measure(label, paths, backend, tmp, pg)
                show(r)
                results.append(r)
            if args.workers:
                workers = [int(w) for w in args.workers.split(",") if w.strip()]
                paths = dict(sets).get(args.scaling_set if args.scaling_set == "corpus" else sets[-1][0], CORPUS_PATHS)
                rows = scaling(paths, workers, backend, tmp, pg)
                print(f"\n== --workers on {backend} ({rows[0]['files']} files; load: cores busy with other work)")
                for row in rows:
                    print(f"  --workers {row['workers']}: {row['seconds']:7.2f} s, {row['docs_per_s']:6.1f} files/s, "
                          f"{row['speedup']:.2f}× ; CPU {row['cpu_s']} s ; other load {row['other_load_cores']} cores")
                results.append({"set": "scaling", "backend": backend, "runs": rows, "load": os.getloadavg()})
        if args.json_out:
            with args.json_out.open("a", encoding="utf-8") as f:
                for r in results:
                    f.write(json.dumps(r, ensure_ascii=False) + "\n")
    finally:
        if cluster is not None:
            cluster.stop()
        shutil.rmtree(tmp, ignore_errors=True)
    return results


if __name__ == "__main__":
    main()
