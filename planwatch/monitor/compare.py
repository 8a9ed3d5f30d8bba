"""``planwatch compare``: one indicator across regions, one row per region.

Each row is the preferred fact (``series.preference_rank``) of a region for the indicator and,
when not fixed by the filters, each period, measure and kind class — so
``compare 地区生产总值 --period 2026 --kind target --measure growth`` puts the 2026 GDP growth
targets of all provinces side by side.  ``level`` keeps the regions of one administrative
level (``province``/``省``, ``city``/``市``, ``county``/``县``); named groups have no level
and are left out when a level is asked for.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any

from planwatch.monitor.series import FACT_SELECT, LIVE, kind_class, preference_rank

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
) -> list[CompareRow]:
    """Preferred value per region (library of ``planwatch compare``)."""
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
        "FROM facts f JOIN documents d ON d.id = f.document_id ",
        ", r.level AS region_level FROM facts f JOIN documents d ON d.id = f.document_id "
        "LEFT JOIN regions r ON r.code = f.region_id ",
    )
    rows = store.db.query(select + "WHERE " + " AND ".join(where), params)
    groups: dict[tuple[str, str, str, str], list[dict[str, Any]]] = defaultdict(list)
    for r in rows:
        if want_level and r["region_level"] != want_level:
            continue
        groups[(r["region_key"], r["period"], r["measure"], kind_class(r["kind"]))].append(r)
    out: list[CompareRow] = []
    for members in groups.values():
        best = max(members, key=preference_rank)
        out.append(CompareRow(
            region=store.region_name(best["region_key"]) if best["region_id"] else best["region"],
            region_id=best["region_id"], level=best["region_level"], period=best["period"],
            measure=best["measure"], kind=best["kind"],
            value=best["norm_value"] if best["norm_value"] is not None else best["value"],
            unit=best["norm_unit"], qualifier=best["qualifier"], text=best["text"], doc=best["doc_name"],
            start=best["start_offset"], quote=best["quote"], fact_id=best["id"], n_sources=len(members),
        ))  # fmt: skip
    if sort == "region":
        out.sort(key=lambda c: (c.region_id or "~", c.region, c.period, c.measure))
    else:
        out.sort(key=lambda c: (-c.value, c.region_id or "~", c.period, c.measure))
    return out
