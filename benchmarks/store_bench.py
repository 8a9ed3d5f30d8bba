"""Store benchmark: ingest throughput and query latency on a generated corpus.

    python benchmarks/store_bench.py                 # quick: 300 documents
    python benchmarks/store_bench.py --docs 10000    # the issue's size
    python benchmarks/store_bench.py --docs 2000 --json

The corpus documents (``planwatch/sample`` and ``../shared/corpus/**`` when present) are
extracted once with the real pipeline; then ``--docs`` documents are generated from them: each
copy gets another region (a gazetteer name of the same length, so every offset stays valid),
its years shifted, and every fact's number perturbed (±15%, written back into the text so that
``text[start:end] == fact.text`` still holds).  The generated documents are stored with
``Store.ingest_document`` — the store's own work, measured apart from the extractor, whose
throughput is measured on ``--extract`` of them.

Reported: ingest documents/s and characters/s, overall and per tenth of the run (flat tenths
mean ingest time is linear in the number of documents); p50/p95/max latency of ``series`` and
``targets`` queries on random regions that have data.  Goal: p95 ≤ 50 ms.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from planwatch import monitor  # noqa: E402
from planwatch.gazetteer import load_gazetteer  # noqa: E402
from planwatch.model import Document, Fact, Segment  # noqa: E402
from planwatch.pipeline import extract, extract_text  # noqa: E402
from planwatch.store import Store  # noqa: E402

YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")
NUMBER = re.compile(r"\d+(?:\.\d+)?")


def corpus_files() -> list[Path]:
    files = sorted((REPO / "planwatch" / "sample").glob("*.txt"))
    shared = REPO.parent / "shared" / "corpus"
    if shared.is_dir():
        seen = {f.name for f in files}
        files += [f for f in sorted(shared.rglob("*.txt")) if f.name not in seen]
    return files


def shift_years(text: str, delta: int) -> str:
    return YEAR.sub(lambda m: str(int(m.group(1)) + delta), text)


def perturb(fact: Fact, rng: random.Random) -> tuple[str, float]:
    """The fact's text with its number changed by up to ±15% (same length), and the new value."""
    m = NUMBER.search(fact.text)
    if not m:
        return fact.text, fact.value  # Chinese numerals: left as they are
    token = m.group(0)
    base = float(token)
    if base == 0:
        return fact.text, fact.value
    ratio = fact.value / base  # 下降9.5% → −1; 增长2倍 → 100
    decimals = len(token.split(".")[1]) if "." in token else 0
    for _ in range(5):
        new = round(base * (1 + rng.uniform(-0.15, 0.15)), decimals)
        new_token = f"{new:.{decimals}f}"
        if len(new_token) == len(token) and new > 0:
            text = fact.text[: m.start()] + new_token + fact.text[m.end() :]
            return text, new * ratio
    return fact.text, fact.value


def generate(base: Document, i: int, names_by_len: dict[int, list[str]], rng: random.Random) -> Document:
    """A renamed, year-shifted, perturbed copy of ``base`` (offsets unchanged)."""
    delta = rng.randint(-6, 6)
    old_region = base.region
    pool = names_by_len.get(len(old_region)) or [old_region]
    new_region = pool[(i * 7919) % len(pool)] if old_region else old_region
    text = shift_years(base.text, delta)
    if old_region:
        text = text.replace(old_region, new_region)
    chars = list(text)
    facts = []
    for f in base.facts:
        new_text, value = perturb(f, rng)
        chars[f.start : f.end] = new_text
        period = shift_years(f.period, delta)
        region = new_region if f.region == old_region else f.region
        facts.append(replace(f, text=new_text, value=value, period=period, region=region, doc=f"g{i}_{base.name}"))
    text = "".join(chars)
    segments = [Segment(s.start, s.end, s.title.replace(old_region, new_region) if old_region else s.title,
                        s.doc_type, new_region if s.region == old_region else s.region,
                        s.year + delta if s.year else None) for s in base.segments]  # fmt: skip
    return Document(
        path="", name=f"g{i}_{base.name}", text=text, reader=base.reader, meta={"generated_from": base.name},
        title=base.title.replace(old_region, new_region) if old_region else base.title, doc_type=base.doc_type,
        region=new_region, year=base.year + delta if base.year else None, segments=segments, facts=facts,
    )  # fmt: skip


def percentiles(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)

    def at(q: float) -> float:
        return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]

    return {"p50_ms": at(0.5) * 1000, "p95_ms": at(0.95) * 1000, "max_ms": ordered[-1] * 1000,
            "mean_ms": statistics.fmean(ordered) * 1000}  # fmt: skip


def main(argv: list[str] | None = None) -> dict[str, object]:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=300, help="documents to generate and ingest (default 300)")
    parser.add_argument("--queries", type=int, default=200, help="queries of each kind (default 200)")
    parser.add_argument("--extract", type=int, default=10, help="generated documents run through the extractor")
    parser.add_argument("--db", default=None, help="database file (default: a temporary file)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)

    t0 = time.perf_counter()
    bases = [extract(p) for p in corpus_files()]
    bases = [b for b in bases if b.facts]
    base_seconds = time.perf_counter() - t0
    gazetteer = load_gazetteer()
    names_by_len: dict[int, list[str]] = {}
    for r in gazetteer:
        names_by_len.setdefault(len(r.name), []).append(r.name)

    tmp = None
    if args.db is None:
        tmp = tempfile.TemporaryDirectory(prefix="pw-bench-")
        db_path = Path(tmp.name) / "bench.db"
    else:
        db_path = Path(args.db)
        if db_path.exists():
            sys.exit(f"{db_path} exists: the benchmark needs a new database")
    store = Store(db_path)

    docs_chars = 0
    tenth = max(1, args.docs // 10)
    chunk_times: list[float] = []
    chunk_start = time.perf_counter()
    ingest_start = chunk_start
    store_seconds = 0.0
    n_facts = 0
    for i in range(args.docs):
        doc = generate(bases[i % len(bases)], i, names_by_len, rng)
        t = time.perf_counter()
        result = store.ingest_document(doc, doc_key=f"bench/{i:06d}/{doc.name}")
        store_seconds += time.perf_counter() - t
        n_facts += result.n_facts
        docs_chars += len(doc.text)
        if (i + 1) % tenth == 0:
            now = time.perf_counter()
            chunk_times.append(now - chunk_start)
            chunk_start = now
    ingest_seconds = time.perf_counter() - ingest_start

    # the extractor on a few generated documents, for the end-to-end rate
    t = time.perf_counter()
    extract_chars = 0
    for i in range(min(args.extract, args.docs)):
        doc = generate(bases[i % len(bases)], i, names_by_len, rng)
        extract_text(doc.text, name=doc.name)
        extract_chars += len(doc.text)
    extract_seconds = time.perf_counter() - t

    # queries on regions that have data
    series_keys = store.db.query(
        "SELECT DISTINCT indicator_key, region_key FROM facts WHERE indicator_id IS NOT NULL AND region_id IS NOT NULL "
        "AND is_current = 1"
    )
    target_regions = [r["region_key"] for r in store.db.query(
        "SELECT DISTINCT region_key FROM facts WHERE kind = 'target' AND region_id IS NOT NULL")]  # fmt: skip
    series_lat: list[float] = []
    for _ in range(args.queries):
        k = rng.choice(series_keys)
        t = time.perf_counter()
        monitor.series(store, k["indicator_key"], region=k["region_key"])
        series_lat.append(time.perf_counter() - t)
    targets_lat: list[float] = []
    for _ in range(args.queries):
        region = rng.choice(target_regions)
        t = time.perf_counter()
        monitor.targets(store, region=region)
        targets_lat.append(time.perf_counter() - t)

    figures: dict[str, object] = {
        "documents": args.docs,
        "facts": n_facts,
        "characters": docs_chars,
        "corpus_documents": len(bases),
        "corpus_extract_seconds": round(base_seconds, 2),
        "ingest_seconds": round(ingest_seconds, 2),
        "store_seconds": round(store_seconds, 2),
        "ingest_docs_per_s": round(args.docs / store_seconds, 1),
        "ingest_chars_per_s": round(docs_chars / store_seconds),
        "ingest_seconds_per_tenth": [round(x, 2) for x in chunk_times],
        "extract_docs_per_s": round(min(args.extract, args.docs) / extract_seconds, 2) if extract_seconds else None,
        "extract_chars_per_s": round(extract_chars / extract_seconds) if extract_seconds else None,
        "series": {k: round(v, 2) for k, v in percentiles(series_lat).items()},
        "targets": {k: round(v, 2) for k, v in percentiles(targets_lat).items()},
        "db_bytes": db_path.stat().st_size,
    }
    store.close()
    if args.json:
        print(json.dumps(figures, ensure_ascii=False, indent=1))
    else:
        print(
            f"generated {args.docs} documents ({docs_chars:,} characters, {n_facts:,} facts) "
            f"from {len(bases)} corpus documents"
        )
        print(
            f"ingest (store): {figures['ingest_docs_per_s']} docs/s, {figures['ingest_chars_per_s']:,} chars/s; "
            f"seconds per tenth of the run: {figures['ingest_seconds_per_tenth']}"
        )
        print(
            f"extractor: {figures['extract_docs_per_s']} docs/s, {figures['extract_chars_per_s']:,} chars/s "
            f"(on {min(args.extract, args.docs)} documents)"
        )
        for name in ("series", "targets"):
            f = figures[name]
            assert isinstance(f, dict)
            verdict = "ok" if f["p95_ms"] <= 50 else "OVER the 50 ms goal"
            print(f"{name}: p50 {f['p50_ms']:.1f} ms, p95 {f['p95_ms']:.1f} ms, max {f['max_ms']:.1f} ms ({verdict})")
        print(f"database: {figures['db_bytes'] / 1e6:.1f} MB")
    if tmp is not None:
        tmp.cleanup()
    return figures


if __name__ == "__main__":
    main()
