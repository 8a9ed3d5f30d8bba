"""``planwatch compare``: one indicator across regions, one row per region.

Each row is the preferred fact (``series.preference_rank``) of a region for the indicator and,
when not fixed by the filters, each period, measure and kind class — so
``compare 地区生产总值 --period 2026 --kind target --measure growth`` puts the 2026 GDP growth
targets of all provinces side by side.  ``level`` keeps the regions of one administrative
level (``province``/``省``, ``city``/``市``, ``county``/``县``); named groups have no level
and are left out when a level is asked for.

Three rules make the rows comparable:

* **An exact value beats a bound of the same quantity.**  ``突破3万亿元、达3.6万亿元`` gives two
  facts for one level; the bound (``at_least``/``at_most``) only says where the value lies, so
  the exact one (``about`` included) is the region's value when one document gives both.
* **A region is not ranked against its own parts.**  A provincial report names its cities and
  zones (泸州市, 成都平原经济区, 大湾区); without a level filter they would stand in the ranking
  next to the province that contains them.  A row whose region lies inside another row's region
  (through the gazetteer's parents; a named group through the region it was resolved under, else
  the region of the document that names it) is left out.
* **No period asked: the latest period with data.**  Regions are compared for one period: the
  latest that at least half of the regions report (a period only a few report yet, such as an
  early release, would hide the rest), per measure and target/observed class; a year counts as
  later than a span ending in it and than its own months and quarters.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any

from planwatch.monitor.series import FACT_SELECT, LIVE, fact_query, kind_class, preference_rank

BOUNDS = ("at_least", "at_most")

if TYPE_CHECKING:  # pragma: no cover
    from planwatch.store.core import Store

LEVELS = {
    "province": "province",
    "省": "province",
    "省级": "province",
    "city": "city",
    "市": "city",
    "地级": "city",
    "county": "county",
    "县": "county",
    "区县": "county",
    "县级": "county",
}


@dataclass
class CompareRow:
    """The value a region gives, with its source."""

    region: str
    region_id: str | None
    level: str | None
    period: str
    measure: str
    kind: str
    value: float
    value_high: float | None
    unit: str
    qualifier: str | None
    text: str
    doc: str
    start: int
    quote: str
    fact_id: int
    n_sources: int

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def compare(
    store: Store,
    indicator: str,
    *,
    period: str | None = None,
    kind: str | None = None,
    measure: str | None = None,
    level: str | None = None,
    sort: str = "value",
    latest: bool = True,
) -> list[CompareRow]:
    """Preferred value per region (library of ``planwatch compare``); ``latest=False`` keeps
    every period when none is asked (a page that offers the periods to choose from)."""
    where, params = ["f.indicator_key = ?", LIVE], [store.indicator_key(indicator)]
    for col, val in (("period", period), ("kind", kind), ("measure", measure)):
        if val:
            where.append(f"f.{col} = ?")
            params.append(val)
    want_level = None
    if level:
        want_level = LEVELS.get(level.strip())
        if want_level is None:
            from planwatch.store.corrections import CorrectionError

            raise CorrectionError(f"unknown level {level!r}: use province, city or county")
    select = FACT_SELECT.replace(
        "FROM facts f ",
        ", f.region_parent_id, r.level AS region_level FROM facts f LEFT JOIN regions r ON r.code = f.region_id ",
    )
    rows = fact_query(store, select + "WHERE " + " AND ".join(where), params, doc_region_id="region_id")
    groups: dict[tuple[str, str, str, str], list[dict[str, Any]]] = defaultdict(list)
    for r in rows:
        if want_level and r["region_level"] != want_level:
            continue
        groups[(r["region_key"], r["period"], r["measure"], kind_class(r["kind"]))].append(r)
    best_rows = [max(members, key=compare_rank) | {"n_sources": len(members)} for members in groups.values()]
    if not want_level:
        best_rows = _without_parts(store, best_rows)
    if not period and latest:
        best_rows = _latest_period(best_rows)
    out = [_row(store, best) for best in best_rows]
    if sort == "region":
        out.sort(key=lambda c: (c.region_id or "~", c.region, c.period, c.measure))
    else:
        out.sort(key=lambda c: (-c.value, c.region_id or "~", c.period, c.measure))
    return out


def compare_rank(row: dict[str, Any]) -> tuple[int, ...]:
    """``series.preference_rank``, with an exact value over a bound from the same document.

    The bound ranks below only within one document and year, so a later document's bound
    still replaces an earlier document's figure (a revision is a revision).
    """
    verified, kind, year, document, seq = preference_rank(row)
    return (verified, kind, year, document, 0 if row["qualifier"] in BOUNDS else 1, seq)


def _row(store: Store, best: dict[str, Any]) -> CompareRow:
    value = best["norm_value"] if best["norm_value"] is not None else best["value"]
    high = best["value_high"]
    if high is not None and best["value"]:
        high = round(high * value / best["value"], 10)  # in the unit of ``value``
    return CompareRow(
        region=store.region_name(best["region_key"]) if best["region_id"] else best["region"],
        region_id=best["region_id"], level=best["region_level"], period=best["period"],
        measure=best["measure"], kind=best["kind"], value=value, value_high=high,
        unit=best["norm_unit"], qualifier=best["qualifier"], text=best["text"], doc=best["doc_name"],
        start=best["start_offset"], quote=best["quote"], fact_id=best["id"], n_sources=best["n_sources"],
    )  # fmt: skip


def _without_parts(store: Store, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The rows whose region is not inside another row's region."""
    parents = {r["code"]: r["parent_code"] for r in store.db.query("SELECT code, parent_code FROM regions")}
    present = {r["region_id"] for r in rows if r["region_id"]}

    def inside_another(row: dict[str, Any]) -> bool:
        if row["region_id"]:
            code = parents.get(row["region_id"])
        else:  # a named group: inside the region it was resolved under, else its document's
            code = row["region_parent_id"] or row["doc_region_id"]
        seen: set[str] = set()
        while code and code not in seen:
            if code in present:
                return True
            seen.add(code)
            code = parents.get(code)
        return False

    return [r for r in rows if not inside_another(r)]


_PART = re.compile(r"^(\d{4})(?:Q(\d)(?:-Q(\d))?|H([12])|M(\d{1,2})(?:-M(\d{1,2}))?)$")
_SPAN = re.compile(r"^(\d{4})-(\d{4})$")


def period_order(period: str) -> tuple[int, int, int]:
    """(end year, end month, whole year or not): later periods sort higher; a year before a span
    ending in it (2025 before 2021-2025), a year after its parts (2025 after 2025Q1-Q3)."""
    if period.isdigit():
        return int(period), 12, 1
    m = _PART.match(period)
    if m:
        year, q1, q2, half, m1, m2 = m.groups()
        month = 3 * int(q2 or q1) if q1 else 6 * int(half) if half else int(m2 or m1)
        return int(year), month, 0
    m = _SPAN.match(period)
    if m:
        return int(m.group(2)), 12, 0
    return -1, 0, 0


def _latest_period(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Per measure and kind class, the rows of the latest period that at least half the regions report."""
    by_class: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for r in rows:
        by_class[(r["measure"], kind_class(r["kind"]))].append(r)
    out: list[dict[str, Any]] = []
    for members in by_class.values():
        periods: dict[str, set[str]] = defaultdict(set)
        for r in members:
            periods[r["period"]].add(r["region_key"])
        n_regions = len({r["region_key"] for r in members})
        enough = [p for p, regions in periods.items() if 2 * len(regions) >= n_regions]
        chosen = max(enough or periods, key=period_order)
        out.extend(r for r in members if r["period"] == chosen)
    return out
