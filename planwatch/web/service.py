"""What the web pages and the JSON API ask of the database: a thin layer over ``Store``.

Every page and its ``/api`` twin call the same method here, so the dashboard and the API
cannot disagree (the same parity the CLI keeps with the library).  The monitoring questions —
series, targets, conflicts, comparisons — are ``planwatch.monitor`` calls over the ``Store``,
corrections are ``Store`` calls; what is added is only presentation: choosing the key
indicators of a region, a progress fraction, a chart's points, a default period.  A few reads
the store does not offer yet (the facts of one document, one document row, the regions that
have facts) are plain SELECTs over its tables through ``store.db``, read-only, like
``planwatch.monitor`` does.  Key projects are ``ProjectQueries`` questions, totalled by
``planwatch.monitor.portfolio`` (as the report does).

One ``Store`` (one SQLite connection) serves the whole app; web frameworks run handlers in a
thread pool, and a ``sqlite3`` connection must not be used by two threads at once, so every
call takes ``self.lock``.  Each question is milliseconds, so serialising them costs nothing a
dashboard user could notice, and it keeps writes (corrections) and reads strictly ordered.
"""

from __future__ import annotations

import functools
import json
import math
import re
import threading
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import asdict, is_dataclass
from typing import Any, ParamSpec, TypeVar

from planwatch import __version__, monitor
from planwatch.errors import PlanWatchError
from planwatch.monitor import portfolio
from planwatch.monitor.projects import ProjectError, ProjectQueries
from planwatch.monitor.series import kind_class
from planwatch.monitor.targets import TargetAssessment, plan_span
from planwatch.store import Store
from planwatch.store.records import parse_period
from planwatch.store.search import index_kind as search_index_kind
from planwatch.structure import FIVE_YEAR_PLANS
from planwatch.taxonomy import Indicator
from planwatch.web.labels import note_text
from planwatch.web.search import SearchResults, search

P = ParamSpec("P")
R = TypeVar("R")

MEASURE_PREFERENCE = ("level", "change_pp", "avg_growth", "growth")
LIVE = "f.is_current = 1 AND f.status <> 'rejected'"


class NotFound(PlanWatchError):
    """A region, indicator, document or fact that does not exist (answered with 404)."""


class BadRequest(PlanWatchError):
    """A parameter that makes no sense (answered with 400)."""


def locked(method: Callable[P, R]) -> Callable[P, R]:
    """Run a ``WebService`` method while holding the store lock (see the module docstring)."""

    @functools.wraps(method)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        self = args[0]
        with self.lock:  # type: ignore[attr-defined]
            return method(*args, **kwargs)

    return wrapper


def assessment(a: TargetAssessment, lang: str) -> dict[str, Any]:
    """A target's judgement as JSON-safe data, its ``note`` said in ``lang`` (``notes`` kept as said)."""
    d: dict[str, Any] = clean(a)
    d["note"] = note_text(a.notes, lang)
    return d


def clean(value: Any) -> Any:
    """JSON-safe data: dataclasses as dicts, and NaN/∞ (which JSON cannot hold) as ``None``."""
    if is_dataclass(value) and not isinstance(value, type):
        value = asdict(value)
    if isinstance(value, dict):
        return {str(k): clean(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [clean(v) for v in value]
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def progress(a: dict[str, Any]) -> float | None:
    """How far from the baseline to the target the latest value is, in percent (0–100).

    Levels: ``(latest − baseline) / (target − baseline)``, which also works for targets where
    lower is better.  Rates: observed / target rate.  An achieved target is 100; a target with
    no baseline or no observation has no progress (``None``) rather than a misleading 0.
    """
    if a["status"] == "achieved":
        return 100.0
    if a["status"] == "no data":
        return None
    target = a["target"]
    if a["measure"] in ("growth", "avg_growth"):
        observed = a["observed_growth"]
        if observed is None or not target:
            return None
        p = observed / target * 100
    else:
        base, latest = a["baseline"], a["latest"]
        if base is None or latest is None or target == base:
            return None
        p = (latest - base) / (target - base) * 100
    if not math.isfinite(p):
        return None
    return max(0.0, min(100.0, p))


def plans_containing(year: int) -> list[str]:
    return [name for name, (a, b) in FIVE_YEAR_PLANS.items() if a <= year <= b]


class WebService:
    """The questions of the web layer, each one call on ``Store`` under a lock."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.lock = threading.RLock()
        self._order = {ind.id: i for i, ind in enumerate(store.taxonomy)}
        self._regions: tuple[tuple[Any, ...], list[dict[str, Any]]] | None = None

    # -- names -------------------------------------------------------------------------------
    def indicator_label(self, ind_id: str | None, name: str, lang: str) -> str:
        """The indicator's English name for ``lang=en`` where the taxonomy has one."""
        if lang == "en" and ind_id:
            ind = self.store.taxonomy.get(ind_id)
            if ind is not None and ind.en:
                return ind.en
        return name

    @locked
    def resolve_region(self, name: str | None) -> tuple[str, str]:
        """(grouping key, shown name) of a region a user typed; ``NotFound`` when there is none.

        A gazetteer region is known even without facts (its pages are then empty); a named
        group (``锦州市四县(市)``) is known when facts use it.
        """
        name = (name or "").strip()
        if not name:
            raise BadRequest("give a region, e.g. region=锦州市")
        region = self.store.region(name)
        if region is not None:
            return region.code, region.name
        rows = self.store.db.query("SELECT 1 FROM facts WHERE region_key = ? LIMIT 1", (name,))
        if rows:
            return name, name
        raise NotFound(f"unknown region {name!r}: use a region name such as 锦州市, or a code such as 210700")

    @locked
    def resolve_indicator(self, phrase: str | None) -> tuple[str, str, Indicator | None]:
        """(grouping key, shown name, taxonomy entry) of an indicator a user typed."""
        phrase = (phrase or "").strip()
        if not phrase:
            raise BadRequest("give an indicator, e.g. indicator=地区生产总值")
        ind = self.store.indicator(phrase)
        if ind is not None:
            return ind.id, ind.name, ind
        rows = self.store.db.query("SELECT indicator FROM facts WHERE indicator_key = ? LIMIT 1", (phrase,))
        if rows:
            return phrase, str(rows[0]["indicator"]), None
        raise NotFound(f"unknown indicator {phrase!r}: use a name such as 地区生产总值 or an id such as gdp")

    # -- lists -------------------------------------------------------------------------------
    @locked
    def stats(self) -> dict[str, Any]:
        return {
            "version": __version__,
            **self.store.stats(),
            "search": search_index_kind(self.store.db),
        }

    @locked
    def regions(self) -> list[dict[str, Any]]:
        """The regions facts are about, most targets first, with their counts.

        Every page's navigation needs the default region, and counting over all facts is the
        slowest query a page makes, so the answer is cached until a document is added or
        superseded (a cheap look at the small documents table) or a correction is made.
        """
        version = tuple(
            self.store.db.query("SELECT MAX(id) AS m, COUNT(*) AS n FROM documents WHERE is_current = 1")[0].values()
        )
        if self._regions is not None and self._regions[0] == version:
            return [dict(r) for r in self._regions[1]]
        out = self._count_regions()
        self._regions = (version, out)
        return [dict(r) for r in out]

    def _count_regions(self) -> list[dict[str, Any]]:
        rows = self.store.db.query(
            "SELECT f.region_key AS key, MIN(f.region) AS region, MAX(f.region_id) AS code, COUNT(*) AS n_facts, "
            "SUM(CASE WHEN f.kind = 'target' THEN 1 ELSE 0 END) AS n_targets "
            f"FROM facts f WHERE {LIVE} GROUP BY f.region_key"
        )
        # Targets with an observed value of their own indicator and period: the ones a verdict
        # can be given on (a count, not the verdicts themselves: assessing every region's
        # targets would make the navigation slow).
        judged = {
            r["key"]: int(r["n"])
            for r in self.store.db.query(
                "SELECT t.region_key AS key, COUNT(DISTINCT t.indicator_key || '|' || t.period || '|' || t.measure) "
                "AS n FROM facts t JOIN facts o ON o.indicator_key = t.indicator_key AND o.region_key = t.region_key "
                "AND o.period = t.period AND o.kind <> 'target' AND o.is_current = 1 AND o.status <> 'rejected' "
                "WHERE t.kind = 'target' AND t.indicator_id IS NOT NULL AND t.is_current = 1 "
                "AND t.status <> 'rejected' GROUP BY t.region_key"
            )
        }
        out = []
        for r in rows:
            region = self.store.gazetteer.get(r["code"]) if r["code"] else None
            parent = self.store.gazetteer.get(region.parent_code) if region and region.parent_code else None
            out.append(
                {
                    "key": r["key"],
                    "name": region.name if region else r["region"],
                    "code": r["code"],
                    "level": region.level if region else None,
                    "parent": parent.name if parent else None,
                    "n_facts": int(r["n_facts"]),
                    "n_targets": int(r["n_targets"] or 0),
                    "n_judged": judged.get(r["key"], 0),
                }
            )
        out.sort(key=lambda r: (-r["n_targets"], -r["n_facts"], r["key"]))
        return out

    def default_region(self) -> str | None:
        """The region the dashboard opens on: the one with the most targets that can be judged
        (a target with a result of its own period), then the most targets — a page of verdicts,
        not of "no data" (with the sample: 海拉尔区's annual targets and results)."""
        regions = self.regions()
        if not regions:
            return None
        return max(regions, key=lambda r: (r["n_judged"], r["n_targets"], -regions.index(r)))["name"]

    @locked
    def indicators(self) -> list[dict[str, Any]]:
        """The taxonomy, with how many live facts each indicator has (in taxonomy order)."""
        counts = {
            r["k"]: int(r["n"])
            for r in self.store.db.query(
                f"SELECT f.indicator_id AS k, COUNT(*) AS n FROM facts f WHERE {LIVE} "
                "AND f.indicator_id IS NOT NULL GROUP BY f.indicator_id"
            )
        }
        return [
            {
                "id": ind.id,
                "name": ind.name,
                "en": ind.en,
                "unit": ind.unit,
                "direction": ind.direction,
                "field": ind.field,
                "n_facts": counts.get(ind.id, 0),
            }
            for ind in self.store.taxonomy
        ]

    # -- overview ----------------------------------------------------------------------------
    @locked
    def plans_of(self, region_key: str) -> list[dict[str, Any]]:
        """The five-year plans a region has targets for, with their counts (most first)."""
        counts: Counter[str] = Counter()
        # (counted by year in SQL: a region holds thousands of targets, a few dozen distinct years)
        for r in self.store.db.query(
            f"SELECT f.period_end AS y, COUNT(*) AS n FROM facts f WHERE f.region_key = ? AND f.kind = 'target' "
            f"AND {LIVE} AND f.period_end IS NOT NULL GROUP BY f.period_end",
            (region_key,),
        ):
            for name in plans_containing(int(r["y"])):
                counts[name] += int(r["n"])
        return [
            {"plan": name, "start": FIVE_YEAR_PLANS[name][0], "end": FIVE_YEAR_PLANS[name][1], "n_targets": n}
            for name, n in sorted(counts.items(), key=lambda kv: (-kv[1], -FIVE_YEAR_PLANS[kv[0]][0]))
        ]

    def _plan(self, region_key: str, plan: str | None) -> tuple[str | None, list[dict[str, Any]]]:
        plans = self.plans_of(region_key)
        if plan:
            return plan.strip(), plans
        return (plans[0]["plan"] if plans else None), plans

    @locked
    def overview(self, region: str, plan: str | None = None, lang: str = "zh") -> dict[str, Any]:
        """Key-indicator cards of a region: latest value, target, status, a sparkline's points.

        The key indicators are the targets whose indicator is in the taxonomy (plan outlines'
        main indicator tables); one card per indicator, showing its level target where there
        is one (the others, such as the average growth, are listed on the card).
        """
        key, name = self.resolve_region(region)
        plan, plans = self._plan(key, plan)
        assessments = monitor.targets(self.store, region=key, plan=plan) if plan else []
        groups: dict[str, list[Any]] = {}
        for a in assessments:
            if a.indicator_id:
                groups.setdefault(a.indicator_id, []).append(a)
        cards = []
        for ind_id, items in groups.items():
            items.sort(
                key=lambda a: (
                    a.status == "no data",  # a target that can be judged before one that cannot
                    MEASURE_PREFERENCE.index(a.measure) if a.measure in MEASURE_PREFERENCE else 9,
                    "-" in a.period,  # a single-year target before a span total
                    -a.target_year,
                )
            )
            main = items[0]
            spark, latest = self._sparkline(ind_id, key, main.unit if main.measure == "level" else None)
            cards.append(
                {
                    "indicator_id": ind_id,
                    "indicator": main.indicator,
                    "label": self.indicator_label(ind_id, main.indicator, lang),
                    "field": getattr(self.store.taxonomy.get(ind_id), "field", ""),
                    "target": assessment(main, lang),
                    "progress": progress(clean(main)),
                    "others": [assessment(a, lang) for a in items[1:]],
                    "latest": latest,
                    "sparkline": spark,
                }
            )
        cards.sort(key=lambda c: self._order.get(c["indicator_id"], 10**6))
        counts = Counter(a.status for a in assessments)
        return {
            "region": name,
            "region_key": key,
            "plan": plan,
            "plans": plans,
            "cards": cards,
            "n_targets": len(assessments),
            "status_counts": dict(counts),
        }

    def _sparkline(
        self, indicator_key: str, region_key: str, unit: str | None
    ) -> tuple[list[list[float]], dict[str, Any] | None]:
        """Preferred observed single-year levels (year, value) in one unit, and the latest one."""
        points = [
            p
            for p in monitor.series(self.store, indicator_key, region=region_key, measure="level")
            if p.preferred and kind_class(p.kind) == "observed"
        ]
        by_year: dict[int, Any] = {}
        for p in points:
            a, b = parse_period(p.period)
            if a is not None and a == b:
                by_year[a] = p
        if not by_year:
            return [], None
        if unit is None:
            unit = Counter(p.unit for p in by_year.values()).most_common(1)[0][0]
        chosen = {y: p for y, p in by_year.items() if p.unit == unit}
        if not chosen:
            return [], None
        years = sorted(chosen)
        last = chosen[years[-1]]
        latest = {
            "year": years[-1],
            "value": last.value,
            "unit": last.unit,
            "kind": last.kind,
            "qualifier": last.qualifier,
            "fact_id": last.fact_id,
        }
        return [[y, chosen[y].value] for y in years], latest

    # -- indicator ---------------------------------------------------------------------------
    @locked
    def indicator_view(
        self, indicator: str, region: str | None = None, measure: str | None = None, lang: str = "zh"
    ) -> dict[str, Any]:
        """A series of one indicator in one region, with the target path and chart data."""
        ind_key, ind_name, ind = self.resolve_indicator(indicator)
        if not region:
            rows = self.store.db.query(
                f"SELECT f.region_key AS k, COUNT(*) AS n FROM facts f WHERE f.indicator_key = ? AND {LIVE} "
                "GROUP BY f.region_key ORDER BY n DESC, k LIMIT 1",
                (ind_key,),
            )
            if not rows:
                raise NotFound(f"no facts of {ind_name} in any region")
            region = str(rows[0]["k"])
        reg_key, reg_name = self.resolve_region(region)
        points = monitor.series(self.store, ind_key, region=reg_key)
        measures = [m for m in MEASURE_PREFERENCE if any(p.measure == m for p in points)]
        if measure is None:
            measure = measures[0] if measures else "level"
        chosen = [p for p in points if p.measure == measure]
        targets = [t for t in monitor.targets(self.store, region=reg_key, indicator=ind_key) if t.measure == measure]
        other_regions = self.store.db.query(
            f"SELECT f.region_key AS k, COUNT(*) AS n FROM facts f WHERE f.indicator_key = ? AND {LIVE} "
            "GROUP BY f.region_key ORDER BY n DESC",
            (ind_key,),
        )
        return {
            "indicator": ind_name,
            "indicator_key": ind_key,
            "indicator_id": ind.id if ind else None,
            "label": self.indicator_label(ind.id if ind else None, ind_name, lang),
            "field": ind.field if ind else "",
            "unit": ind.unit if ind else "",
            "region": reg_name,
            "region_key": reg_key,
            "regions": [self.store.region_name(r["k"]) for r in other_regions],
            "measure": measure,
            "measures": measures,
            "points": [clean(p) for p in chosen],
            "targets": [assessment(t, lang) for t in targets],
            "chart": self._chart(chosen, targets, measure),
        }

    @staticmethod
    def _chart(points: list[Any], targets: list[Any], measure: str) -> dict[str, Any]:
        """Points for ECharts: preferred actuals and estimates, targets, other sources, target path.

        x is the last year of a point's period (a span's average is drawn at its end); values
        in another unit than the most common one (a share among counts) are left off the chart
        but stay in the table.
        """
        units = Counter(p.unit for p in points)
        unit = units.most_common(1)[0][0] if units else ""

        def item(p: Any) -> dict[str, Any]:
            _, end = parse_period(p.period)
            return {
                "value": [end, p.value],
                "fact": p.fact_id,
                "period": p.period,
                "kind": p.kind,
                "text": p.text,
                "status": p.status,
            }

        drawn = [p for p in points if p.unit == unit and parse_period(p.period)[1] is not None]
        observed = sorted(
            (item(p) for p in drawn if p.preferred and kind_class(p.kind) == "observed"), key=lambda d: d["value"][0]
        )
        target_pts = [item(p) for p in drawn if p.preferred and p.kind == "target"]
        others = [item(p) for p in drawn if not p.preferred]
        paths = []
        for t in targets:
            if t.unit != unit and measure == "level":
                continue
            if measure in ("growth", "avg_growth"):
                a, b = parse_period(t.period)
                if a is not None and b is not None:
                    paths.append({"fact": t.fact_id, "points": [[a, t.target], [b, t.target]]})
            elif t.baseline is not None and t.baseline_year is not None:
                paths.append({"fact": t.fact_id, "points": [[t.baseline_year, t.baseline], [t.target_year, t.target]]})
        return {
            "unit": unit,
            "observed": observed,
            "estimates": [d for d in observed if d["kind"] == "estimate"],
            "targets": target_pts,
            "others": others,
            "paths": paths,
        }

    # -- plan --------------------------------------------------------------------------------
    @locked
    def plan_view(
        self,
        region: str,
        plan: str | None = None,
        *,
        status: str | None = None,
        field: str | None = None,
        indicator: str | None = None,
        as_of: int | None = None,
        taxonomy_only: bool = False,
        lang: str = "zh",
    ) -> dict[str, Any]:
        """Every target of a region's plan with baseline, latest, growth, status and progress."""
        key, name = self.resolve_region(region)
        plan, plans = self._plan(key, plan)
        ind_key = self.resolve_indicator(indicator)[0] if indicator else None
        assessments = monitor.targets(self.store, region=key, plan=plan, indicator=ind_key, as_of=as_of) if plan else []
        rows = []
        for a in assessments:
            d = assessment(a, lang)
            ind = self.store.taxonomy.get(a.indicator_id) if a.indicator_id else None
            d["field"] = ind.field if ind else ""
            d["label"] = self.indicator_label(a.indicator_id, a.indicator, lang)
            d["progress"] = progress(d)
            rows.append(d)
        fields = sorted({r["field"] for r in rows if r["field"]}, key=lambda f: (f == "", f))
        all_counts = Counter(r["status"] for r in rows)
        if taxonomy_only:
            rows = [r for r in rows if r["indicator_id"]]
        if field:
            rows = [r for r in rows if r["field"] == ("" if field == "other" else field)]
        if status:
            rows = [r for r in rows if r["status"] == status]
        return {
            "region": name,
            "region_key": key,
            "plan": plan,
            "plans": plans,
            "fields": fields,
            "status_counts": dict(all_counts),
            "filters": {"status": status, "field": field, "taxonomy_only": taxonomy_only},
            "targets": rows,
        }

    # -- compare -----------------------------------------------------------------------------
    @locked
    def compare_view(
        self,
        indicator: str,
        *,
        period: str | None = None,
        kind: str | None = None,
        measure: str | None = None,
        level: str | None = None,
        sort: str = "value",
    ) -> dict[str, Any]:
        """One indicator across regions for one period, measure and kind (chosen when not given).

        Without a period, the period, measure and kind class with the most regions is shown
        (ties: levels first, then the latest period), so the page opens on a real comparison.
        """
        ind_key, ind_name, ind = self.resolve_indicator(indicator)
        everything = monitor.compare(
            self.store, ind_key, kind=kind, measure=measure, level=level, sort=sort, latest=False
        )
        periods = sorted({r.period for r in everything}, key=lambda p: (parse_period(p)[1] or 0, p), reverse=True)
        rows = [r for r in everything if period is None or r.period == period]
        if period is None or measure is None or kind is None:
            groups: Counter[tuple[str, str, str]] = Counter((r.period, r.measure, kind_class(r.kind)) for r in rows)
            if groups:
                best = max(
                    groups,
                    key=lambda g: (
                        groups[g],
                        g[1] == "level",
                        g[2] == "observed",
                        parse_period(g[0])[1] or 0,
                    ),
                )
                period, measure = best[0], best[1]
                rows = [r for r in rows if (r.period, r.measure, kind_class(r.kind)) == best]
        units = Counter(r.unit for r in rows)
        unit = units.most_common(1)[0][0] if units else ""
        shown = [r for r in rows if r.unit == unit]
        return {
            "indicator": ind_name,
            "indicator_key": ind_key,
            "indicator_id": ind.id if ind else None,
            "period": period,
            "measure": measure,
            "kind": kind,
            "level": level,
            "sort": sort,
            "unit": unit,
            "periods": periods,
            "rows": [clean(r) for r in shown],
            "left_out": [clean(r) for r in rows if r.unit != unit],
        }

    # -- conflicts, documents, facts ---------------------------------------------------------
    @locked
    def conflicts(self, region: str | None = None, all_indicators: bool = False) -> list[dict[str, Any]]:
        key = self.resolve_region(region)[0] if region else None
        from planwatch.report.model import explain_zh

        return [
            {**clean(c), "explanation_zh": explain_zh(c)}
            for c in monitor.conflicts(self.store, region=key, all_indicators=all_indicators)
        ]

    @locked
    def document_titles(self) -> dict[str, tuple[str, int | None]]:
        """{file name: (title, year)} of every document: sources are named by what a reader knows
        them as (a title and a year), not by the name of a file on the server."""
        out: dict[str, tuple[str, int | None]] = {}
        for r in self.store.db.query("SELECT name, title, year FROM documents ORDER BY is_current, id"):
            title = display_title(r["title"] or "") or r["name"]
            out[r["name"]] = (title, r["year"])
        return out

    @locked
    def documents(self, include_superseded: bool = False) -> list[dict[str, Any]]:
        docs = self.store.documents(current=not include_superseded)
        for d in docs:
            d["display_title"] = display_title(d.get("title") or "") or d["name"]
        return docs

    @locked
    def document(self, document_id: int) -> dict[str, Any]:
        """One document row (any version) with its text."""
        rows = self.store.db.query(
            "SELECT id, doc_key, version, name, path, content_hash, reader, n_chars, title, doc_type, region, "
            "region_id, year, plan_start, plan_end, extractor, n_facts, ingested_at, is_current, superseded_by "
            "FROM documents WHERE id = ?",
            (document_id,),
        )
        if not rows:
            raise NotFound(f"no document with id {document_id}")
        doc = rows[0]
        doc["text"] = self.store.document_text(document_id)
        doc["display_title"] = display_title(doc["title"] or "") or doc["name"]
        return doc

    @locked
    def document_facts(self, document_id: int) -> list[dict[str, Any]]:
        """Every fact of one document version, rejected ones included, in document order."""
        self.document(document_id)
        return self.store.db.query(
            'SELECT f.id, f.doc, f.start_offset AS start, f.end_offset AS "end", f.text, f.indicator, f.mention, '
            "f.measure, f.value, f.unit, f.kind, f.period, f.region, f.qualifier, f.indicator_id, f.region_id, "
            "f.norm_value, f.norm_unit, f.status, f.is_current, f.quote, f.source, f.document_id "
            "FROM facts f WHERE f.document_id = ? ORDER BY f.seq",
            (document_id,),
        )

    @locked
    def fact(self, fact_id: int) -> dict[str, Any]:
        rows = self.store.db.query("SELECT 1 FROM facts WHERE id = ?", (fact_id,))
        if not rows:
            raise NotFound(f"no fact with id {fact_id}")
        row = self.store.fact(fact_id)
        row["start"], row["end"] = row["start_offset"], row["end_offset"]
        return row

    @locked
    def facts(self, *, limit: int, offset: int, **filters: Any) -> dict[str, Any]:
        if filters.get("region"):
            filters["region"] = self.resolve_region(filters["region"])[0]
        if filters.get("indicator"):
            filters["indicator"] = self.resolve_indicator(filters["indicator"])[0]
        rows = self.store.facts(**filters)
        return {"total": len(rows), "offset": offset, "limit": limit, "facts": rows[offset : offset + limit]}

    @locked
    def history(self, fact_id: int | None = None, limit: int | None = 200) -> list[dict[str, Any]]:
        if fact_id is not None:
            self.fact(fact_id)
        return self.store.history(fact_id, limit=limit)

    @locked
    def corrections(self) -> list[dict[str, Any]]:
        return self.store.corrections()

    @locked
    def series(
        self, indicator: str, region: str, measure: str | None = None, kind: str | None = None
    ) -> list[dict[str, Any]]:
        ind_key = self.resolve_indicator(indicator)[0]
        reg_key = self.resolve_region(region)[0]
        return [clean(p) for p in monitor.series(self.store, ind_key, region=reg_key, measure=measure, kind=kind)]

    # -- key projects ------------------------------------------------------------------------
    def _projects(self) -> ProjectQueries:
        return ProjectQueries(self.store)

    @locked
    def project_regions(self) -> list[dict[str, Any]]:
        """The regions key projects are in, most mentions first (the list page's region filter)."""
        rows = self.store.db.query(
            "SELECT region, COUNT(DISTINCT project_id) AS n FROM project_mentions WHERE is_current = 1 "
            "AND status <> 'rejected' AND project_id IS NOT NULL AND region <> '' GROUP BY region"
        )
        return sorted(({"name": r["region"], "n": int(r["n"])} for r in rows), key=lambda r: (-r["n"], r["name"]))

    @locked
    def project_plans(self) -> list[dict[str, Any]]:
        """The five-year plans that projects are mentioned for, with how many projects each."""
        out = []
        for name, (a, b) in FIVE_YEAR_PLANS.items():
            n = self.store.db.query(
                "SELECT COUNT(DISTINCT project_id) AS n FROM project_mentions WHERE is_current = 1 "
                "AND status <> 'rejected' AND period_start >= ? AND period_end <= ?",
                (a, b),
            )[0]["n"]
            if n:
                out.append({"plan": name, "start": a, "end": b, "n": int(n)})
        return out

    def _project_region(self, name: str) -> str:
        """A region a user typed, as the project store names it; ``NotFound`` when nothing is there."""
        name = name.strip()
        region = self.store.region(name)
        if region is not None:
            return region.name
        if self.store.db.query("SELECT 1 FROM project_mentions WHERE region = ? LIMIT 1", (name,)):
            return name
        raise NotFound(f"unknown region {name!r}: use a region name such as 锦州市, or a code such as 210700")

    @locked
    def projects_view(
        self,
        *,
        region: str | None = None,
        stage: str | None = None,
        sector: str | None = None,
        plan: str | None = None,
        q: str | None = None,
        sort: str = "investment",
        limit: int = 500,
        offset: int = 0,
    ) -> dict[str, Any]:
        """Key projects matching the filters (one page of them), with their totals by sector and
        stage over every match, and the project counts the documents state for the region."""
        ps = self._projects()
        region_name = self._project_region(region) if region and region.strip() else None
        within = plan_span(plan) if plan and plan.strip() else None
        found = portfolio.select(ps, region=region_name, stage=stage, sector=sector, within=within, q=q, sort=sort)
        sums = portfolio.totals(found, ps.tax)
        stated = portfolio.stated_counts(ps, region=region_name, within=within) if region_name else []
        rows = []
        for p in found[offset : offset + limit]:
            d = clean(p)
            d["investment_yi"] = portfolio.investment_yi(p.investment, p.investment_unit)
            rows.append(d)
        return {
            "filters": {"region": region_name, "stage": stage or None, "sector": sector or None,
                        "plan": plan or None, "within": list(within) if within else None, "q": q or None,
                        "sort": sort},
            "total": len(found),
            "offset": offset,
            "limit": limit,
            "totals": sums.to_dict(),
            "stated": [_stated_row(c, sums) for c in stated],
            "projects": rows,
        }  # fmt: skip

    @locked
    def project_view(self, project_id: int) -> dict[str, Any]:
        """One project: its summary, aliases, the path of its stages and every statement about it
        in order of period, each with the document and offsets to open it at."""
        ps = self._projects()
        try:
            detail = ps.project(int(project_id))
        except ProjectError:
            raise NotFound(f"no project with id {project_id}") from None
        summary = detail.summary
        mentions = ps.mentions(project_id=summary.id)
        aliases = [n for n in summary.names if n != summary.name]
        for r in mentions:
            for key in json.loads(r["aliases"] or "[]"):
                if key not in aliases and key != summary.name:
                    aliases.append(key)
        doc_ids = sorted({h.document_id for h in detail.history})
        titles = {
            int(d["id"]): d
            for d in self.store.db.query(
                f"SELECT id, title, year FROM documents WHERE id IN ({', '.join('?' * len(doc_ids))})", doc_ids
            )
        } if doc_ids else {}
        history = []
        for h in detail.history:
            d = clean(h)
            doc = titles.get(h.document_id, {})
            d["doc_title"] = (doc.get("title") or "").strip().lstrip("#").strip()
            d["doc_year"] = doc.get("year")
            d["sector_label"] = ps.tax.sector_label(h.sector)
            d["investment_yi"] = portfolio.investment_yi(h.investment, h.investment_unit)
            history.append(d)
        path: list[dict[str, Any]] = []
        for h in detail.history:
            if h.stage and (not path or path[-1]["stage"] != h.stage):
                path.append({"stage": h.stage, "label": h.stage_label, "period": h.period, "kind": h.kind})
        out = clean(summary)
        out.update({
            "investment_yi": portfolio.investment_yi(summary.investment, summary.investment_unit),
            "aliases": aliases,
            "stage_path": path,
            "history": history,
            "also_matching": [{"id": o.id, "name": o.name, "region": o.region} for o in detail.also_matching],
        })  # fmt: skip
        return out

    @locked
    def project_mention(self, mention_id: int) -> dict[str, Any]:
        """One project mention (any version) with its project's name, for the document page."""
        ps = self._projects()
        try:
            row = ps.mention(int(mention_id))
        except ProjectError:
            raise NotFound(f"no project mention with id {mention_id}") from None
        inv_value, inv_unit = ps.investment(row) if row["investment_value"] is not None else (None, None)
        project = ps.find(int(row["project_id"])) if row["project_id"] is not None else []
        return {
            "id": int(row["id"]),
            "document_id": int(row["document_id"]),
            "start": int(row["start_offset"]),
            "end": int(row["end_offset"]),
            "text": row["text"],
            "name": row["name"],
            "project_id": project[0].id if project else None,
            "project": project[0].name if project else None,
            "stage": row["stage"],
            "stage_label": ps.tax.stage_label(row["stage"]),
            "stage_text": row["stage_text"],
            "kind": row["kind"],
            "period": row["period"],
            "region": row["region"],
            "sector": row["sector"],
            "sector_label": ps.tax.sector_label(row["sector"]),
            "owner": row["owner"],
            "investment": inv_value,
            "investment_unit": inv_unit,
            "investment_type": row["investment_type"],
            "capacities": [c["text"] for c in json.loads(row["capacities"] or "[]")],
            "status": row["status"],
            "is_current": bool(row["is_current"]),
            "quote": row["quote"],
        }

    # -- search ------------------------------------------------------------------------------
    @locked
    def search(self, query: str, limit: int = 50) -> SearchResults:
        return search(self.store, query, limit=limit)

    # -- corrections -------------------------------------------------------------------------
    @locked
    def act(
        self, action: str, fact_id: int, *, by: str, note: str = "", changes: dict[str, Any] | None = None
    ) -> dict[str, Any]:
        """Confirm, correct or reject a fact (``Store.confirm`` / ``correct`` / ``reject``)."""
        self.fact(fact_id)
        self._regions = None  # a rejection or a new region changes the counts
        if action == "confirm":
            row = self.store.confirm(fact_id, by=by, note=note)
        elif action == "reject":
            row = self.store.reject(fact_id, by=by, note=note)
        elif action == "correct":
            row = self.store.correct(fact_id, by=by, note=note, **(changes or {}))
        else:
            raise BadRequest(f"unknown action {action!r}: confirm, correct or reject")
        row["start"], row["end"] = row["start_offset"], row["end_offset"]
        return row


def _stated_row(c: dict[str, Any], sums: portfolio.Totals) -> dict[str, Any]:
    """A stated project count as the API and the list page show it, with the listed projects
    it can be set against (``listed``: those of its sector, or its stage, or all of them)."""
    if c["sector"]:
        listed = next((b for b in sums.by_sector if b.key == c["sector"]), portfolio.Bucket(c["sector"], ""))
    elif c["stage"]:
        listed = next((b for b in sums.by_stage if b.key == c["stage"]), portfolio.Bucket(c["stage"], ""))
    else:
        listed = sums.total
    return {
        "listed": {"n": listed.n, "n_invested": listed.n_invested, "investment": round(listed.investment, 4)},
        "text": c["text"], "value": c["value"], "noun": c["noun"], "stage": c["stage"],
        "stage_label": c["stage_label"], "sector": c["sector"], "sector_label": c["sector_label"],
        "kind": c["kind"], "period": c["period"], "region": c["region"],
        "investment": c["investment_value"], "investment_unit": c["investment_unit"],
        "investment_yi": c["investment_yi"], "document_id": c["document_id"], "doc": c["doc"],
        "start": c["start_offset"], "end": c["end_offset"], "fact_id": c["fact_id"],
    }  # fmt: skip


def changed_fields(row: dict[str, Any], submitted: Iterable[tuple[str, str]]) -> dict[str, str]:
    """The form fields whose value differs from the fact's (a correction form posts them all)."""
    out: dict[str, str] = {}
    for field, raw in submitted:
        value = raw.strip()
        current = row.get(field)
        if field == "value":
            try:
                if current is not None and float(value) == float(current):
                    continue
            except ValueError:
                pass  # not a number: let the store say so
        elif (current or "") == value:
            continue
        out[field] = value
    return out


_TITLE_MARKUP = re.compile(r"<[^>]+>|\*\*|__|^#+\s*|`")


def display_title(title: str) -> str:
    """A document title without Markdown or HTML marks (``# 锦州市…纲要``, ``<b>…</b>``, ``**…**``)."""
    return " ".join(_TITLE_MARKUP.sub("", title.strip()).split())
