"""``planwatch series``: the values of one indicator in one region, period by period.

Every source is kept: when two documents give a value for the same period, both are rows, and
one of them is marked ``preferred`` (``preference_rank``):

1. a fact a person corrected or confirmed, over any other;
2. an actual over an estimate (``预计``) — the estimate was the best figure before the actual;
3. a later document over an earlier one (the document's own year, then ingest order), since
   statistics are revised and the later figure is the revised one;
4. within one document, the first mention.

Targets are grouped apart from observations (a target for 2025 does not compete with the
actual of 2025), and so are measures (a level and a growth of one year are both kept).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from planwatch.store.core import Store

MEASURE_ORDER = {"level": 0, "growth": 1, "avg_growth": 2, "change_pp": 3}
KIND_RANK = {"actual": 2, "estimate": 1, "target": 0}
VERIFIED = ("corrected", "confirmed")

FACT_SELECT = (
    "SELECT f.id, f.document_id, f.seq, f.doc, f.start_offset, f.end_offset, f.text, f.indicator, "
    "f.indicator_id, f.indicator_key, f.mention, f.measure, f.value, f.value_high, f.unit, f.kind, f.period, "
    "f.period_start, f.period_end, f.region, f.region_id, f.region_key, f.qualifier, f.norm_value, f.norm_unit, "
    "f.quote, "
    "f.status, f.source, f.list_id, f.list_role "
    "FROM facts f "
)
#: The columns of its document each fact row of the monitor carries (``Store.with_documents``).
DOCUMENT_FIELDS = {"doc_year": "year", "doc_name": "name"}
LIVE = "f.is_current = 1 AND f.status <> 'rejected'"


def kind_class(kind: str) -> str:
    """Observations (actual, estimate) compete with each other; targets only with targets."""
    return "target" if kind == "target" else "observed"


def preference_rank(row: dict[str, Any]) -> tuple[int, int, int, int, int]:
    """Sort key, higher is preferred (see the module docstring)."""
    return rank_of(row["status"], row["kind"], row["doc_year"], row["document_id"], row["seq"])


def rank_of(status: str, kind: str, doc_year: int | None, document_id: int, seq: int) -> tuple[int, int, int, int, int]:
    """``preference_rank`` of a row's columns, for a reader that keeps its rows as tuples."""
    return (1 if status in VERIFIED else 0, KIND_RANK.get(kind, 0), doc_year if doc_year is not None else -1,
            document_id, -seq)  # fmt: skip


def mark_preferred(rows: Iterable[dict[str, Any]]) -> dict[tuple[str, str, str], dict[str, Any]]:
    """The preferred row of each (period, measure, kind class); sets ``row["preferred"]``."""
    best: dict[tuple[str, str, str], dict[str, Any]] = {}
    ranks: dict[tuple[str, str, str], tuple[int, int, int, int, int]] = {}  # (each row's rank computed once)
    rows = list(rows)
    for row in rows:
        key = (row["period"], row["measure"], kind_class(row["kind"]))
        rank = preference_rank(row)
        cur = ranks.get(key)
        if cur is None or rank > cur:
            best[key], ranks[key] = row, rank
    chosen = {id(r) for r in best.values()}
    for row in rows:
        row["preferred"] = id(row) in chosen
    return best


def fact_query(store: Store, sql: str, params: Iterable[Any] = (), **document_fields: str) -> list[dict[str, Any]]:
    """The rows of a query on facts (``FACT_SELECT`` and its conditions), each with its document's
    year and name (``DOCUMENT_FIELDS``) and any other ``document_fields`` (``plan_start="plan_start"``)."""
    rows = store.db.query(sql, tuple(params))
    return store.with_documents(rows, **DOCUMENT_FIELDS, **document_fields)


def fetch(store: Store, indicator_key: str, region_key: str) -> list[dict[str, Any]]:
    """The live facts of one indicator in one region (one indexed look-up)."""
    return fact_query(store, FACT_SELECT + f"WHERE f.indicator_key = ? AND f.region_key = ? AND {LIVE}",
                      (indicator_key, region_key))


@dataclass
class SeriesPoint:
    """One value of a series, with where it comes from."""

    period: str
    measure: str
    kind: str
    value: float
    unit: str
    qualifier: str | None
    preferred: bool
    fact_id: int
    doc: str
    start: int
    end: int
    text: str
    quote: str
    status: str
    value_as_written: float
    unit_as_written: str
    indicator: str
    region: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def series(
    store: Store, indicator: str, *, region: str, measure: str | None = None, kind: str | None = None
) -> list[SeriesPoint]:
    """Every live value of ``indicator`` in ``region``, ordered by period (library of ``series``)."""
    rows = fetch(store, store.indicator_key(indicator), store.region_key(region))
    mark_preferred(rows)
    if measure:
        rows = [r for r in rows if r["measure"] == measure]
    if kind:
        rows = [r for r in rows if r["kind"] == kind]
    rows.sort(
        key=lambda r: (
            r["period_end"] if r["period_end"] is not None else 9999,
            r["period_start"] if r["period_start"] is not None else 9999,
            r["period"],
            MEASURE_ORDER.get(r["measure"], 9),
            kind_class(r["kind"]) == "target",
            not r["preferred"],
            [-x for x in preference_rank(r)],
        )
    )
    return [
        SeriesPoint(
            period=r["period"],
            measure=r["measure"],
            kind=r["kind"],
            value=r["norm_value"] if r["norm_value"] is not None else r["value"],
            unit=r["norm_unit"],
            qualifier=r["qualifier"],
            preferred=r["preferred"],
            fact_id=r["id"],
            doc=r["doc_name"],
            start=r["start_offset"],
            end=r["end_offset"],
            text=r["text"],
            quote=r["quote"],
            status=r["status"],
            value_as_written=r["value"],
            unit_as_written=r["unit"],
            indicator=r["indicator"],
            region=r["region"],
        )  # fmt: skip
        for r in rows
    ]
