"""``planwatch conflicts``: sources that disagree, and arithmetic that does not add up.

**Disagreements** (``type="disagreement"``): facts about the same quantity — region,
indicator, period, measure and kind (an estimate is compared with estimates, an actual with
actuals, a target with targets: an actual replacing last year's estimate is a revision, not a
conflict) — whose values differ beyond rounding.  Values are compared in the indicator's unit.
Two values agree when

* their difference is within half a unit of the last digit of the less precise one *and*
  within ``REL_TOLERANCE`` (1%) of the larger: ``0.22`` agrees with ``0.2217``, but ``1.8``
  does not with ``1.76`` — at two significant digits a rounding could hide a 2% discrepancy,
  and that is exactly what the two tables of the 锦州 十四五 plan disagree by; or
* a qualifier reconciles them: ``30以上`` agrees with ``32``, ``6以内`` with ``4.8``, and
  ``1500左右`` with anything within 1% of 1500.

**Warnings** (``type="growth_check"``, ``"sum_check"``): a level that does not follow from
the previous year's level and the stated growth (beyond ``max(1 pp, 20% of the growth)``;
growth of GDP-like quantities is stated at comparable prices, so a gap of the size of the
inflation rate is expected and the explanation says so); and the parts of a ``分别`` list that
add up to more than the total stated before them (``records.find_lists``).

**Plan tables** (``type="table_check"``, a warning): a plan's indicator table states, on one
row, the base-year level, the target level and the average annual growth between them
(``地区生产总值 | 1074 | … | 1500左右 | 6.5左右``).  The row is its own arithmetic: the growth
compounds the base into the target, ``base × (1 + g)^years``.  A row whose stated growth differs
from the one its levels imply by more than the growth check's tolerance is a warning — a typing
slip in the plan, or a column that is no growth rate (``每万人发明专利拥有量 3.3 → 4.5 | 0.5``
is an increase per year, not 0.5% a year).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

from planwatch.monitor.growth import ABOUT_TOLERANCE
from planwatch.monitor.series import FACT_SELECT, LIVE, fact_query, mark_preferred
from planwatch.numbers import convert
from planwatch.store.records import compatible_units

if TYPE_CHECKING:  # pragma: no cover
    from planwatch.store.core import Store

REL_TOLERANCE = 0.01
GROWTH_TOLERANCE_PP = 1.0
GROWTH_TOLERANCE_REL = 0.2
PRICE_SENSITIVE = ("gdp", "services_va", "primary_industry_va", "secondary_industry_va", "industry_va")


@dataclass
class Conflict:
    """A disagreement between sources or a failed arithmetic check, with its sources."""

    type: str  # disagreement | growth_check | sum_check | table_check
    severity: str  # conflict | warning
    region: str
    indicator: str
    period: str
    measure: str
    kind: str
    explanation: str
    sources: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def decimals(value: float) -> int:
    """Decimal places of a value as written (``1.76`` → 2, ``1074.0`` → 0)."""
    text = f"{value:.10f}".rstrip("0")
    return len(text.split(".")[1]) if "." in text else 0


def agree(a: float, b: float, *, qa: str | None = None, qb: str | None = None) -> bool:
    """Whether two values of one quantity are consistent (module docstring)."""
    if a == b:
        return True
    for (x, qx), (y, _qy) in (((a, qa), (b, qb)), ((b, qb), (a, qa))):
        if qx == "at_least" and y >= x:
            return True
        if qx == "at_most" and y <= x:
            return True
        if qx == "about" and abs(x - y) <= ABOUT_TOLERANCE * abs(x) + 1e-12:
            return True
    diff = abs(a - b)
    half_ulp = 0.5 * 10 ** -min(decimals(a), decimals(b)) + 1e-9
    return diff <= half_ulp and diff <= REL_TOLERANCE * max(abs(a), abs(b))


def _source(r: dict[str, Any], value: float | None = None, unit: str | None = None) -> dict[str, Any]:
    return {
        "fact_id": r["id"], "value": r["norm_value"] if value is None else value,
        "unit": r["norm_unit"] if unit is None else unit, "qualifier": r["qualifier"], "text": r["text"],
        "kind": r["kind"], "doc": r["doc_name"], "start": r["start_offset"], "quote": r["quote"],
        "status": r["status"],
    }  # fmt: skip


def _region_filter(store: Store, region: str | None, alias: str = "f") -> tuple[str, list[Any]]:
    if not region:
        return "", []
    return f" AND {alias}.region_key = ?", [store.region_key(region)]


def disagreements(store: Store, region: str | None = None, all_indicators: bool = False) -> list[Conflict]:
    where, params = _region_filter(store, region)
    inner_where, inner_params = _region_filter(store, region, "x")
    if not all_indicators:
        inner_where += " AND x.indicator_id IS NOT NULL"
    rows = fact_query(
        store,
        FACT_SELECT + "JOIN (SELECT x.region_key, x.indicator_key, x.period, x.measure, x.kind FROM facts x "
        f"WHERE x.is_current = 1 AND x.status <> 'rejected'{inner_where} "
        "GROUP BY x.region_key, x.indicator_key, x.period, x.measure, x.kind "
        "HAVING COUNT(DISTINCT x.norm_value) > 1) g ON g.region_key = f.region_key "
        "AND g.indicator_key = f.indicator_key AND g.period = f.period AND g.measure = f.measure "
        f"AND g.kind = f.kind WHERE {LIVE}{where} ORDER BY f.document_id, f.seq",
        (*inner_params, *params),
    )
    groups: dict[tuple[str, ...], list[dict[str, Any]]] = defaultdict(list)
    for r in rows:
        groups[(r["region_key"], r["indicator_key"], r["period"], r["measure"], r["kind"])].append(r)
    out: list[Conflict] = []
    for (_rk, _ik, period, measure, kind), members in groups.items():
        # Split by unit family first: 万人 and % under one name are two quantities.
        families: list[list[dict[str, Any]]] = []
        for r in members:
            for fam in families:
                if compatible_units(fam[0]["norm_unit"], r["norm_unit"]):
                    fam.append(r)
                    break
            else:
                families.append([r])
        for fam in families:
            unit = fam[0]["norm_unit"]
            values = []
            for r in fam:
                v = r["norm_value"] if r["norm_unit"] == unit else convert(r["norm_value"], r["norm_unit"], unit)
                values.append((v, r))
            clashing: dict[int, tuple[float, dict[str, Any]]] = {}
            for i in range(len(values)):
                for j in range(i + 1, len(values)):
                    (a, ra), (b, rb) = values[i], values[j]
                    if not agree(a, b, qa=ra["qualifier"], qb=rb["qualifier"]):
                        clashing[ra["id"]] = (a, ra)
                        clashing[rb["id"]] = (b, rb)
            if not clashing:
                continue
            shown = sorted(clashing.values(), key=lambda x: (x[1]["document_id"], x[1]["seq"]))
            distinct = sorted({round(v, 9) for v, _ in shown})
            first = shown[0][1]
            out.append(Conflict(
                type="disagreement", severity="conflict", region=first["region"],
                indicator=first["indicator"], period=period, measure=measure, kind=kind,
                explanation=f"{len(shown)} sources give {len(distinct)} different values "
                f"({', '.join(f'{v:g}' for v in distinct)} {unit}) beyond rounding",
                sources=[_source(r, v, unit) for v, r in shown],
            ))  # fmt: skip
    return out


def growth_checks(store: Store, region: str | None = None, all_indicators: bool = False) -> list[Conflict]:
    where, params = _region_filter(store, region, "gr")
    if not all_indicators:
        where += " AND gr.indicator_id IS NOT NULL"
    rows = fact_query(
        store,
        FACT_SELECT.replace(
            "FROM facts f",
            "FROM facts gr JOIN facts f ON f.region_key = gr.region_key "
            "AND f.indicator_key = gr.indicator_key "
            "AND f.period_start >= gr.period_start - 1 AND f.period_start <= gr.period_start "
            "AND f.period_end = f.period_start AND (f.measure = 'level' OR f.id = gr.id)",
        )
        + f"WHERE gr.measure = 'growth' AND gr.kind <> 'target' AND gr.is_current = 1 "
        "AND gr.status <> 'rejected' AND gr.period_start = gr.period_end "
        f"AND f.kind <> 'target' AND {LIVE}{where}",
        params,
    )
    by_series: dict[tuple[str, str], dict[int, dict[str, Any]]] = defaultdict(dict)
    for r in rows:
        by_series[(r["region_key"], r["indicator_key"])][r["id"]] = r
    out: list[Conflict] = []
    for (_rk, ik), members in by_series.items():
        best = mark_preferred(members.values())
        levels = {r["period_start"]: r for (_p, m, _c), r in best.items() if m == "level"}
        grows = {r["period_start"]: r for (_p, m, _c), r in best.items() if m == "growth"}
        for year, gr in grows.items():
            cur, prev = levels.get(year), levels.get(year - 1)
            if cur is None or prev is None or prev["norm_value"] <= 0:
                continue
            implied = _implied_growth(prev, cur)
            stated = gr["value"]
            if implied is None or _agrees(implied, stated):
                continue
            why = (
                f"{year - 1}: {prev['norm_value']:g} → {year}: {cur['norm_value']:g} {cur['norm_unit']} is "
                f"{implied:+.1f}%, but the growth stated for {year} is {stated:+g}%"
            )
            if ik in PRICE_SENSITIVE:
                why += " (growth is usually at comparable prices and levels at current prices: "
                why += "a gap the size of inflation is expected)"
            out.append(Conflict(
                type="growth_check", severity="warning", region=cur["region"], indicator=cur["indicator"],
                period=str(year), measure="growth", kind=gr["kind"], explanation=why,
                sources=[_source(prev), _source(cur), _source(gr)],
            ))  # fmt: skip
    return out


def sum_checks(store: Store, region: str | None = None) -> list[Conflict]:
    where, params = _region_filter(store, region)
    rows = fact_query(
        store,
        FACT_SELECT + f"WHERE f.list_id IS NOT NULL AND {LIVE}{where} ORDER BY f.document_id, f.seq", params
    )
    lists: dict[tuple[int, int], list[dict[str, Any]]] = defaultdict(list)
    for r in rows:
        lists[(r["document_id"], r["list_id"])].append(r)
    out: list[Conflict] = []
    for members in lists.values():
        totals = [r for r in members if r["list_role"] == "total"]
        parts = [r for r in members if r["list_role"] == "part"]
        if len(totals) != 1 or len(parts) < 2:
            continue
        total = totals[0]
        unit = total["unit"]
        converted = [convert(p["value"], p["unit"], unit) for p in parts]
        if any(v is None for v in converted):
            continue
        s = sum(v for v in converted if v is not None)
        if s <= total["value"] or agree(s, total["value"]):
            continue
        out.append(Conflict(
            type="sum_check", severity="warning", region=total["region"], indicator=total["indicator"],
            period=total["period"], measure="level", kind=total["kind"],
            explanation=f"the parts listed with 分别 add up to {s:g} {unit}, "
            f"more than the total {total['value']:g} {unit}",
            sources=[_source(total, total["value"], unit),
                     *(_source(x, x["value"], x["unit"]) for x in parts)],
        ))  # fmt: skip
    return out


def _row_of(text: str, start: int) -> int:
    """The offset of the line holding ``start``: the facts of one table row share it."""
    return text.rfind("\n", 0, start) + 1


def table_checks(store: Store, region: str | None = None) -> list[Conflict]:
    """Plan-table rows whose levels do not follow from their own average growth (module docstring)."""
    where, params = _region_filter(store, region)
    rows = fact_query(
        store,
        FACT_SELECT + f"WHERE f.source = 'table' AND {LIVE}{where} "
        "AND f.measure IN ('level', 'avg_growth') ORDER BY f.document_id, f.seq",
        params,
    )
    texts: dict[int, str] = {}
    by_row: dict[tuple[int, int, str], list[dict[str, Any]]] = defaultdict(list)
    for r in rows:
        doc_id = r["document_id"]
        if doc_id not in texts:
            found = store.db.query("SELECT text FROM documents WHERE id = ?", (doc_id,))
            texts[doc_id] = found[0]["text"] if found else ""
        by_row[(doc_id, _row_of(texts[doc_id], r["start_offset"]), r["indicator_key"])].append(r)
    out: list[Conflict] = []
    for members in by_row.values():
        growths = [r for r in members if r["measure"] == "avg_growth" and r["kind"] == "target"]
        for gr in growths:
            first, last = gr["period_start"], gr["period_end"]
            if first is None or last is None or last <= first:
                continue
            base = next((r for r in members if r["measure"] == "level" and r["kind"] != "target"
                         and r["period_start"] == r["period_end"] == first - 1), None)  # fmt: skip
            end = next((r for r in members if r["measure"] == "level" and r["kind"] == "target"
                        and r["period_start"] == r["period_end"] == last), None)  # fmt: skip
            if base is None or end is None or base["norm_value"] <= 0 or end["norm_value"] <= 0:
                continue
            implied = _implied_growth(base, end, years=last - first + 1)
            stated = gr["value"]
            if implied is None or _agrees(implied, stated):
                continue
            why = (
                f"the plan table's own row: {first - 1}: {base['norm_value']:g} → {last}: "
                f"{end['norm_value']:g} {end['norm_unit']} is {implied:+.1f}% a year, but its average "
                f"growth column says {stated:+g}%"
            )
            out.append(Conflict(
                type="table_check", severity="warning", region=end["region"], indicator=end["indicator"],
                period=gr["period"], measure="avg_growth", kind="target", explanation=why,
                sources=[_source(base), _source(end), _source(gr)],
            ))  # fmt: skip
    return out


def conflicts(store: Store, *, region: str | None = None, all_indicators: bool = False) -> list[Conflict]:
    """Disagreements first, then arithmetic warnings (library of ``planwatch conflicts``).

    Only indicators of the taxonomy are compared unless ``all_indicators``: facts whose
    indicator is a name as written (``项目``, ``投资``, ``产值``) group unrelated quantities, and
    their "disagreements" are noise.  ``分别`` sums are checked for every indicator, since the
    list itself says that its parts belong to its total.
    """
    return [
        *disagreements(store, region, all_indicators),
        *growth_checks(store, region, all_indicators),
        *sum_checks(store, region),
        *table_checks(store, region),
    ]


def _implied_growth(start: dict[str, Any], end: dict[str, Any], years: int = 1) -> float | None:
    """The average yearly growth (%) from level ``start`` to level ``end`` over ``years``, in ``end``'s unit."""
    base = convert(start["norm_value"], start["norm_unit"], end["norm_unit"])
    if base is None or base <= 0:
        return None
    return ((end["norm_value"] / base) ** (1 / years) - 1) * 100


def _agrees(implied: float, stated: float) -> bool:
    """A stated growth agrees with the one the levels imply within rounding (points or relative)."""
    return abs(implied - stated) <= max(GROWTH_TOLERANCE_PP, GROWTH_TOLERANCE_REL * abs(stated))
