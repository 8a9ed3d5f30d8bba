"""Key-project questions over the store: the project library, a project's page, the counts.

A layer above the store, as the rest of ``planwatch.monitor``: ``ProjectQueries(store)`` reads
what ``planwatch.store.projects`` wrote (mentions, counts, links) and answers with summaries
the store does not keep — a project's name, region, stage, sector and investment are computed
from its current mentions whenever it is read, so they follow corrections and new versions.
Corrections of mentions are the store's (``planwatch.store.projects.ProjectCorrections``).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from planwatch.projects.names import NameKeys, brand_core, name_keys, same_project
from planwatch.projects.taxonomy import ProjectTaxonomy, load_project_taxonomy
from planwatch.store.projects import ProjectCorrections, ProjectError, ProjectLinker, sector_named, stage_named
from planwatch.store.records import parse_period

if TYPE_CHECKING:  # pragma: no cover
    from planwatch.store.core import Store

__all__ = ["ProjectDetail", "ProjectError", "ProjectHistoryRow", "ProjectQueries", "ProjectSummary"]

KIND_RANK = {"actual": 0, "estimate": 1, "target": 2}


@dataclass
class ProjectSummary:
    """One project as ``planwatch projects`` lists it."""

    id: int
    name: str
    region: str
    sector: str | None
    sector_label: str
    stage: str | None  # the latest stage stated (actual or estimate first; else the latest target)
    stage_label: str
    stage_kind: str | None
    stage_period: str
    investment: float | None
    investment_unit: str | None
    owner: str | None
    n_mentions: int
    n_documents: int
    first_period: str
    last_period: str
    names: list[str] = field(default_factory=list)


@dataclass
class ProjectHistoryRow:
    """One statement of a project's history (a current mention)."""

    mention_id: int
    period: str
    kind: str
    stage: str | None
    stage_label: str
    name: str
    doc: str
    document_id: int
    start: int
    end: int
    text: str
    investment: float | None
    investment_unit: str | None
    investment_type: str | None
    capacities: list[str]
    sector: str | None
    region: str
    status: str
    quote: str


@dataclass
class ProjectDetail:
    """A project's page: its summary, every statement in order, and other candidates."""

    summary: ProjectSummary
    history: list[ProjectHistoryRow]
    also_matching: list[ProjectSummary] = field(default_factory=list)

    def stage_sequence(self, kinds: Iterable[str] = ("actual", "estimate")) -> list[tuple[str, str]]:
        """(period, stage) of the stated stages of the given kinds, in history order."""
        wanted = set(kinds)
        return [(h.period, h.stage) for h in self.history if h.stage and h.kind in wanted]


def _inside(row: dict[str, Any], span: tuple[int, int]) -> bool:
    """Whether a mention's period lies inside ``span`` (a year of it, or a span within it)."""
    a, b = row.get("period_start"), row.get("period_end")
    return a is not None and b is not None and span[0] <= int(a) and int(b) <= span[1]


def _period_sort(period: str) -> tuple[int, int]:
    a, b = parse_period(period)
    return (a or 0, b or 0)


class ProjectQueries:
    """The key-project questions of a ``Store``: ``ProjectQueries(store).projects(region="锦州市")``."""

    def __init__(self, store: Store, taxonomy: ProjectTaxonomy | None = None) -> None:
        self.store = store
        self.db = store.db
        self.tax = taxonomy or load_project_taxonomy()

    # -- questions -----------------------------------------------------------------------
    def mentions(self, *, project_id: int | None = None, region: str | None = None, current: bool = True,
                 include_rejected: bool = False) -> list[dict[str, Any]]:
        """Project mention rows (with their document's name and year), in document order."""
        where, params = ["1 = 1"], []
        if current:
            where.append("m.is_current = 1")
        if not include_rejected:
            where.append("m.status <> 'rejected'")
        if project_id is not None:
            where.append("m.project_id = ?")
            params.append(project_id)
        if region:
            params += self._in_region("m", region, where)
        rows = self.db.query(
            f"SELECT m.* FROM project_mentions m WHERE {' AND '.join(where)} ORDER BY m.document_id, m.seq", params
        )
        return self.store.with_documents(rows, doc_name="name", doc_year="year", doc_type="doc_type")

    def projects(self, *, region: str | None = None, stage: str | None = None, sector: str | None = None,
                 within: tuple[int, int] | None = None) -> list[ProjectSummary]:
        """Every project with a current mention, filtered by region (and what lies in it), the
        project's latest stage and its sector (ids, labels or aliases: ``竣工``, ``工业``), and
        ``within`` a span of years (a plan's 2021-2025: a mention of the project has a period
        inside it)."""
        stage_id = stage_named(self.tax, stage) if stage else None
        sector_id = sector_named(self.tax, sector) if sector else None
        by_project: dict[int, list[dict[str, Any]]] = {}
        for row in self.mentions(region=region):
            if row["project_id"] is not None:
                by_project.setdefault(int(row["project_id"]), []).append(row)
        if within is not None:
            by_project = {pid: rows for pid, rows in by_project.items() if any(_inside(r, within) for r in rows)}
        out = [self._summary(pid, rows) for pid, rows in by_project.items()]
        if stage_id:
            out = [p for p in out if p.stage == stage_id]
        if sector_id:
            out = [p for p in out if p.sector == sector_id]
        out.sort(key=lambda p: (p.region, -p.n_documents, -p.n_mentions, p.name))
        return out

    def project(self, name_or_id: str | int) -> ProjectDetail:
        """A project's page, by id or by name (any spelling of it; the best match if several)."""
        candidates = self.find(name_or_id)
        if not candidates:
            raise ProjectError(f"no project named {name_or_id!r}")
        best = candidates[0]
        rows = self.mentions(project_id=best.id)
        history = sorted((self._history_row(r) for r in rows),
                         key=lambda h: (_period_sort(h.period), self.tax.order(h.stage), KIND_RANK.get(h.kind, 9),
                                        h.document_id, h.start))
        return ProjectDetail(best, history, candidates[1:])

    def find(self, name_or_id: str | int) -> list[ProjectSummary]:
        """Projects matching an id or a name, best first (exact spelling, then the same key,
        then linked spellings, then names containing the words asked for)."""
        text = str(name_or_id).strip()
        if text.isdigit():
            rows = self.mentions(project_id=self._live(int(text)))
            return [self._summary(self._live(int(text)), rows)] if rows else []
        keys = name_keys(text, self.tax)
        scored: dict[int, int] = {}
        for r in self.db.query(
            "SELECT m.project_id, m.name, m.key, m.aliases FROM project_mentions m "
            "WHERE m.is_current = 1 AND m.status <> 'rejected' AND m.project_id IS NOT NULL"
        ):
            pid = int(r["project_id"])
            score = 0
            if r["name"] == text:
                score = 4
            elif r["key"] == keys.key:
                score = 3
            elif same_project(keys, NameKeys(r["key"], tuple(json.loads(r["aliases"])), brand_core(r["key"]))):
                score = 2
            elif len(keys.key) >= 2 and keys.key in r["key"]:
                score = 1
            if score > scored.get(pid, 0):
                scored[pid] = score
        summaries = []
        for pid, score in scored.items():
            summary = self._summary(pid, self.mentions(project_id=pid))
            summaries.append((score, summary))
        summaries.sort(key=lambda x: (-x[0], -x[1].n_documents, -x[1].n_mentions, x[1].id))
        return [s for _, s in summaries]

    def counts(self, *, region: str | None = None) -> list[dict[str, Any]]:
        """List and portfolio counts (``等5个项目竣工``, ``工业项目99个``) of current documents."""
        where, params = ["c.is_current = 1"], []
        if region:
            params += self._in_region("c", region, where)
        rows = self.db.query(
            "SELECT c.*, f.value AS fact_value, f.status AS fact_status FROM project_counts c "
            f"LEFT JOIN facts f ON f.id = c.fact_id WHERE {' AND '.join(where)} ORDER BY c.document_id, c.seq",
            params,
        )
        for r in rows:
            r["members"] = json.loads(r["members"])
        return rows

    # -- summaries -------------------------------------------------------------------------
    def _summary(self, project_id: int, rows: list[dict[str, Any]]) -> ProjectSummary:
        names = Counter(r["name"] for r in rows)
        name = max(names, key=lambda n: (names[n], len(n)))
        sectors = Counter(r["sector"] for r in rows if r["sector"])
        regions = Counter(r["region"] for r in rows if r["region"])
        region = self._narrowest(list(regions)) if regions else ""
        owners = Counter(r["owner"] for r in rows if r["owner"])
        staged = [r for r in rows if r["stage"]]
        done = [r for r in staged if r["kind"] in ("actual", "estimate")]
        latest = max(done or staged, key=lambda r: (
            _period_sort(r["period"]), self.tax.order(r["stage"])), default=None)
        invested = [r for r in rows if r["investment_value"] is not None and r["investment_type"] == "total"]
        inv = max(invested, key=lambda r: (_period_sort(r["period"]), r["document_id"]), default=None)
        inv_value, inv_unit = self.investment(inv) if inv else (None, None)
        periods = sorted((r["period"] for r in rows if r["period"]), key=_period_sort)
        return ProjectSummary(
            id=project_id, name=name, region=region,
            sector=sectors.most_common(1)[0][0] if sectors else None,
            sector_label=self.tax.sector_label(sectors.most_common(1)[0][0]) if sectors else "",
            stage=latest["stage"] if latest else None,
            stage_label=self.tax.stage_label(latest["stage"]) if latest else "",
            stage_kind=latest["kind"] if latest else None, stage_period=latest["period"] if latest else "",
            investment=inv_value, investment_unit=inv_unit, owner=owners.most_common(1)[0][0] if owners else None,
            n_mentions=len(rows), n_documents=len({r["document_id"] for r in rows}),
            first_period=periods[0] if periods else "", last_period=periods[-1] if periods else "",
            names=sorted(names, key=lambda n: (-names[n], n)),
        )  # fmt: skip

    def investment(self, row: dict[str, Any]) -> tuple[float | None, str | None]:
        """The investment of a mention: its fact's (corrected) value when it is one, else as extracted."""
        if row.get("investment_fact_id"):
            fact = self.db.query("SELECT value, unit, status FROM facts WHERE id = ?", (row["investment_fact_id"],))
            if fact and fact[0]["status"] != "rejected":
                return float(fact[0]["value"]), str(fact[0]["unit"])
        return row["investment_value"], row["investment_unit"]

    def _history_row(self, r: dict[str, Any]) -> ProjectHistoryRow:
        inv_value, inv_unit = self.investment(r) if r["investment_value"] is not None else (None, None)
        caps = [c["text"] for c in json.loads(r["capacities"] or "[]")]
        return ProjectHistoryRow(
            mention_id=int(r["id"]), period=r["period"], kind=r["kind"], stage=r["stage"],
            stage_label=self.tax.stage_label(r["stage"]), name=r["name"], doc=r["doc"],
            document_id=int(r["document_id"]), start=int(r["start_offset"]), end=int(r["end_offset"]), text=r["text"],
            investment=inv_value, investment_unit=inv_unit, investment_type=r["investment_type"], capacities=caps,
            sector=r["sector"], region=r["region"], status=r["status"], quote=r["quote"],
        )  # fmt: skip

    def _narrowest(self, names: list[str]) -> str:
        """The most specific of a project's regions (凌河区 rather than 锦州市)."""
        resolved = [(n, self.store.region(n)) for n in names]
        levels = {"county": 0, "city": 1, "province": 2}
        return min(resolved, key=lambda p: (levels.get(p[1].level, 3) if p[1] else 3, p[0]))[0]

    def _in_region(self, alias: str, region: str, where: list[str]) -> list[str]:
        """Add to ``where`` the condition that a row of table ``alias`` is in ``region`` or a unit
        inside it (its code), or names it as written; the condition's parameters."""
        codes = self._region_codes(region)
        if not codes:
            where.append(f"{alias}.region = ?")
            return [region]
        where.append(f"({alias}.region_id IN ({', '.join('?' * len(codes))}) OR {alias}.region = ?)")
        return [*codes, region]

    def _region_codes(self, name: str) -> list[str]:
        """The region's code and those of every unit inside it."""
        region = self.store.region(name)
        if region is None:
            return []
        out, todo = [], [region]
        while todo:
            r = todo.pop()
            out.append(r.code)
            todo.extend(self.store.gazetteer.children(r))
        return out

    def _live(self, project_id: int) -> int:
        return ProjectLinker(self.store).live(project_id)

    def mention(self, mention_id: int) -> dict[str, Any]:
        """A mention's row (``ProjectCorrections.mention``: what its page and its corrections show)."""
        return ProjectCorrections(self.store, self.tax).mention(mention_id)
