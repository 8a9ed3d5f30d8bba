"""What a set of key projects adds up to: counts and summed investment by sector and by stage,
and the portfolio counts the documents state (``重点项目库共530个，总投资规模3563亿元``).

The dashboard's project list and the evaluation report's 重点项目 section both total projects
here, so the two cannot disagree about a sum.  Investments are summed in 亿元: 万元 is
converted, an amount written without a currency (``投资5亿``) is taken as yuan, and an amount in
another currency (``5000万美元``) is not converted — no exchange rate is assumed — but counted
apart (``n_other_currency``), so a total never silently mixes currencies.

A project's investment is the one ``ProjectQueries`` gives it (its latest stated total
investment, a corrected fact's value where the mention is a fact).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from planwatch.monitor.projects import ProjectError, ProjectQueries, ProjectSummary
from planwatch.numbers import convert
from planwatch.projects.names import squash
from planwatch.projects.taxonomy import ProjectTaxonomy
from planwatch.store.records import parse_period

SUM_UNIT = "亿元"
NONE = "none"  # the filter value for "no stage / no sector stated"
NONE_WORDS = (NONE, "未说明", "未分类", "-")
SORTS = ("investment", "name", "region", "mentions")
NOT_STATED = "未说明"


def investment_yi(value: float | None, unit: str | None) -> float | None:
    """An investment in 亿元, or ``None`` when there is none or it is in another currency."""
    if value is None or not unit:
        return None
    unit = unit.strip()
    if not unit.endswith(("元", "美元", "欧元", "港元", "日元")):
        unit += "元"  # 投资5亿: the documents' amounts without a currency are yuan
    return convert(float(value), unit, SUM_UNIT)


@dataclass
class Bucket:
    """Projects of one sector or stage (or all of them): how many, and their summed investment."""

    key: str | None  # the sector or stage id; None: not stated (or the grand total)
    label: str
    n: int = 0
    n_invested: int = 0  # projects with an investment in yuan (what ``investment`` sums)
    investment: float = 0.0  # 亿元

    def add(self, amount: float | None) -> None:
        self.n += 1
        if amount is not None:
            self.n_invested += 1
            self.investment += amount

    def to_dict(self) -> dict[str, Any]:
        return {"key": self.key, "label": self.label, "n": self.n, "n_invested": self.n_invested,
                "investment": round(self.investment, 4), "unit": SUM_UNIT}  # fmt: skip


@dataclass
class Totals:
    """A set of projects totalled: all of them, by sector and by stage (taxonomy order)."""

    total: Bucket
    by_sector: list[Bucket] = field(default_factory=list)
    by_stage: list[Bucket] = field(default_factory=list)
    n_other_currency: int = 0  # projects whose investment is in another currency (not summed)

    def to_dict(self) -> dict[str, Any]:
        return {
            "total": self.total.to_dict(),
            "by_sector": [b.to_dict() for b in self.by_sector],
            "by_stage": [b.to_dict() for b in self.by_stage],
            "n_other_currency": self.n_other_currency,
            "unit": SUM_UNIT,
        }


def totals(projects: Iterable[ProjectSummary], tax: ProjectTaxonomy) -> Totals:
    """Counts and summed investment (亿元) of ``projects``, by sector and by stage.

    Only the sectors and stages that occur are listed, in taxonomy order, with "not stated"
    last; a project counts under its latest stage whatever its kind (done or planned).
    """
    total = Bucket(None, "合计")
    sectors: dict[str | None, Bucket] = {}
    stages: dict[str | None, Bucket] = {}
    other = 0
    for p in projects:
        amount = investment_yi(p.investment, p.investment_unit)
        if amount is None and p.investment is not None:
            other += 1
        total.add(amount)
        sector = sectors.setdefault(p.sector, Bucket(p.sector, tax.sector_label(p.sector) or NOT_STATED))
        sector.add(amount)
        stage = stages.setdefault(p.stage, Bucket(p.stage, tax.stage_label(p.stage) or NOT_STATED))
        stage.add(amount)
    sector_order = {s.id: i for i, s in enumerate(tax.sectors)}
    stage_order = {s.id: i for i, s in enumerate(tax.stages)}
    return Totals(
        total=total,
        by_sector=sorted(sectors.values(), key=lambda b: sector_order.get(b.key or "", 99)),
        by_stage=sorted(stages.values(), key=lambda b: stage_order.get(b.key or "", 99)),
        n_other_currency=other,
    )


def _is_none(value: str | None) -> bool:
    return value is not None and value.strip().lower() in NONE_WORDS


def select(
    ps: ProjectQueries,
    *,
    region: str | None = None,
    stage: str | None = None,
    sector: str | None = None,
    within: tuple[int, int] | None = None,
    q: str | None = None,
    sort: str = "region",
) -> list[ProjectSummary]:
    """The projects matching every filter, sorted.

    ``stage``/``sector`` take what ``ProjectQueries.projects`` takes (ids, labels, aliases) or
    ``none`` for projects that state none; ``q`` keeps projects one of whose names contains it;
    ``sort`` is one of ``SORTS`` (``investment``: the largest first, in 亿元).
    """
    if sort not in SORTS:
        raise ProjectError(f"unknown sort {sort!r}: one of {', '.join(SORTS)}")
    found = ps.projects(
        region=region or None,
        stage=None if _is_none(stage) else (stage or None),
        sector=None if _is_none(sector) else (sector or None),
        within=within,
    )
    if _is_none(stage):
        found = [p for p in found if p.stage is None]
    if _is_none(sector):
        found = [p for p in found if p.sector is None]
    words = squash(q or "").lower()
    if words:
        found = [p for p in found if any(words in squash(n).lower() for n in p.names or [p.name])]
    if sort == "investment":
        found.sort(key=lambda p: (_largest_first(p), p.region, p.name))
    elif sort == "name":
        found.sort(key=lambda p: (p.name, p.id))
    elif sort == "mentions":
        found.sort(key=lambda p: (-p.n_documents, -p.n_mentions, p.name))
    return found


def _largest_first(p: ProjectSummary) -> tuple[int, float]:
    """Sort key: the largest investment (亿元) first, then those in another currency, then none."""
    amount = investment_yi(p.investment, p.investment_unit)
    if amount is not None:
        return (0, -amount)
    return (1, -(p.investment or 0.0)) if p.investment is not None else (2, 0.0)


def stated_counts(
    ps: ProjectQueries,
    *,
    region: str | None = None,
    within: tuple[int, int] | None = None,
) -> list[dict[str, Any]]:
    """The portfolio counts of the documents (``重点项目库共530个``, ``工业项目99个``), in document
    order, of ``region`` (and what lies in it) and with a period inside ``within``.

    Each row is a ``project_counts`` row with ``investment_yi`` (亿元) and the labels of its
    stage and sector added.
    """
    out = []
    for c in ps.counts(region=region):
        if c["role"] != "portfolio":
            continue
        if within is not None:
            a, b = parse_period(c["period"] or "")
            if a is None or b is None or not (within[0] <= a and b <= within[1]):
                continue
        c = dict(c)
        if c.get("fact_value") is not None and c.get("fact_status") != "rejected":
            c["value"] = int(c["fact_value"])  # the count is a fact: a correction of it counts
        c["investment_yi"] = investment_yi(c["investment_value"], c["investment_unit"])
        c["stage_label"] = ps.tax.stage_label(c["stage"])
        c["sector_label"] = ps.tax.sector_label(c["sector"])
        out.append(c)
    return out


def headline(stated: Sequence[dict[str, Any]], region_ids: Sequence[str] = ()) -> dict[str, Any] | None:
    """The stated count of the whole portfolio: no sector, no stage, the region's own (when
    ``region_ids`` are given, else any), the largest such count."""
    whole = [c for c in stated if not c["sector"] and not c["stage"]]
    if region_ids:
        whole = [c for c in whole if c["region_id"] in region_ids] or whole
    return max(whole, key=lambda c: (c["investment_yi"] is not None, c["value"]), default=None)
