"""Dashboard and API response times on an existing database (say, one ``scale_bench.py --keep`` made).

    python benchmarks/web_bench.py --db /big/disk/sqlite_10000_w2.db
    python benchmarks/web_bench.py --db postgresql://…  --repeat 20

Every page and API route a user opens first is requested ``--repeat`` times in process (FastAPI's
``TestClient``: the application's own time, no network), for a region and an indicator that
have data; printed: p50 / p95 / max in milliseconds, and the server's peak RSS.  The first
request of each route is reported apart ("cold"): it includes caches filling.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import quote

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from planwatch.store import Store  # noqa: E402


def _busiest(store: Store) -> tuple[str, str, int]:
    """A region with targets, an indicator it has a series of, and a document id."""
    region = store.db.query(
        "SELECT region_key, COUNT(*) AS n FROM facts WHERE kind = 'target' AND region_id IS NOT NULL "
        "AND is_current = 1 GROUP BY region_key ORDER BY n DESC LIMIT 1"
    )[0]["region_key"]
    indicator = store.db.query(
        "SELECT indicator_key, COUNT(*) AS n FROM facts WHERE region_key = ? AND indicator_id IS NOT NULL "
        "AND is_current = 1 GROUP BY indicator_key ORDER BY n DESC LIMIT 1",
        (region,),
    )[0]["indicator_key"]
    doc = store.db.query("SELECT MAX(id) AS id FROM documents WHERE is_current = 1")[0]["id"]
    return str(region), str(indicator), int(doc)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", required=True, help="database URL or SQLite file")
    parser.add_argument("--repeat", type=int, default=10)
    args = parser.parse_args(argv)

    from fastapi.testclient import TestClient

    from planwatch.web import create_app

    t0 = time.perf_counter()
    store = Store(args.db)
    stats = store.stats()
    region, indicator, doc = _busiest(store)
    print(f"database: {stats['documents']:,} documents, {stats['facts']:,} facts "
          f"(opened in {time.perf_counter() - t0:.1f} s); region {region}, indicator {indicator}")  # fmt: skip
    r, i = quote(region), quote(indicator)
    routes = [
        "/", f"/regions/{r}", f"/regions/{r}/plans/" + quote("十四五"), "/api/stats", "/api/regions",
        f"/api/overview?region={r}", f"/api/targets?region={r}", f"/api/series?indicator={i}&region={r}",
        f"/indicators/{i}?region={r}", f"/api/conflicts?region={r}", f"/api/compare?indicator={i}",
        f"/api/facts?region={r}&limit=50", "/conflicts", "/documents", f"/documents/{doc}",
        "/api/search?q=" + quote("地区生产总值"), "/search?q=" + quote("一般公共预算收入"),
        "/api/search?q=" + quote("总值"), "/api/projects?limit=50", "/audit",
    ]  # fmt: skip
    print(f"{'route':58} {'cold':>8} {'p50':>8} {'p95':>8} {'max':>8}  (ms)")
    with TestClient(create_app(store, token="bench-token-0123456789")) as client:
        for route in routes:
            times = []
            for _ in range(args.repeat + 1):
                t = time.perf_counter()
                response = client.get(route)
                times.append((time.perf_counter() - t) * 1000)
                if response.status_code != 200:
                    print(f"{route}: HTTP {response.status_code} {response.text[:200]}")
                    break
            cold, warm = times[0], sorted(times[1:]) or times
            p95 = warm[min(len(warm) - 1, int(round(0.95 * (len(warm) - 1))))]
            print(f"{route[:58]:58} {cold:8.1f} {statistics.median(warm):8.1f} {p95:8.1f} {max(warm):8.1f}")
    print(f"peak RSS of this process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
