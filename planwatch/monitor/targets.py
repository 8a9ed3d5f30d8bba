"""``planwatch targets``: every target of a region, its baseline, latest value and status.

For each target (one row per indicator, measure and target period; when sources disagree the
preferred one is shown and the others listed in ``other_values``):

* **baseline** — the region's observed level (actual or estimate, preferred source) in the
  year before the target's span: ``2020`` for a ``十四五`` (2021-2025) target; for a single-year
  target, the year before the start of the plan that set it (the plan named with ``--plan``,
  else the plan of the target's document), else the year before the document's own year (a
  2026 work report sets 2026 targets against 2025).  When that year has no value, the nearest
  earlier value within ``BASELINE_WINDOW`` years is used.
* **latest** — the most recent observed level not after the target year (and not after
  ``as_of`` when given).
* **required / observed growth, status** — ``planwatch.monitor.growth`` (the formulas and
  every edge case are documented there).  Values are in percent.
* **projection** — where the recent trend leads by the target year: the latest value grown at
  the first available of (1) the average growth of levels over the ``TREND_WINDOW`` years
  before the latest, (2) a reported average growth over a span ending at the latest year
  (``十三五`` average), (3) the reported growth of the latest year, (4) the average growth
  since the most recent earlier level, however old.

Growth-rate targets (``年均增长6.5%左右``; an annual ``增长4.5%左右``) are assessed on rates:
the observed average growth over the part of the span already past comes from (a) a reported
average growth over exactly the span, else (b) the reported annual growth rates, chained
(GDP growth targets are at comparable prices, and so are these rates), else (c) the levels at
both ends; it is compared with the target rate.  ``required`` is then the average rate still
needed in the remaining years for the whole span to average the target rate.

``change_pp`` targets (``提高2个百分点``) become level targets: baseline + the change.  A level
target over a span (``2440亿元(累计)`` for 2021-2025) is a total, compared with the sum of the
annual values (``_assess_cumulative``).

**Notes** say why a judgement is what it is (``latest value before the plan period: 1074
(2020)``).  Each is said once through ``_say`` as a gettext message: an English msgid with
``str.format`` fields, and its arguments.  ``note`` is the English text (the CLI shows it);
``notes`` keeps each message and its arguments, so a page or report in another language looks
the msgid up in its catalog (msgctxt ``note``, ``planwatch/web/locale``) and fills in the same
arguments.  The store and this layer know no language but the msgid's.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from planwatch.lexicon import load_lexicon
from planwatch.monitor import growth as g
from planwatch.monitor.series import DOCUMENT_FIELDS, KIND_RANK, LIVE, VERIFIED, rank_of
from planwatch.numbers import convert
from planwatch.projects.names import memoised
from planwatch.store.records import parse_period
from planwatch.structure import FIVE_YEAR_PLANS

if TYPE_CHECKING:  # pragma: no cover
    from planwatch.store.core import Store

#: What judging a target reads of each observation of its indicator (``_observations``): a
#: region's targets read thousands of them, and their texts and quotes, which only a shown
#: target needs, were most of the time of ``targets`` at 100,000 documents.  They are read as
#: tuples (``OBS``: each column's place): a dict of each of a plan's 1,000-3,000 observations,
#: most of them sources that lose to another of their period, cost more than judging its targets.
OBSERVATION_COLUMNS = ("id", "document_id", "seq", "start_offset", "indicator_key", "measure", "value", "norm_value",
                       "norm_unit", "kind", "period", "period_start", "period_end", "status")  # fmt: skip
OBSERVATION_SELECT = f"SELECT {', '.join('f.' + c for c in OBSERVATION_COLUMNS)} FROM facts f "
OBS = {name: i for i, name in enumerate(OBSERVATION_COLUMNS)}
(_O_ID, _O_DOC, _O_SEQ, _O_START, _O_KEY, _O_MEASURE, _O_VALUE, _O_NORM, _O_UNIT, _O_KIND, _O_PERIOD, _O_A, _O_B,
 _O_STATUS) = range(len(OBSERVATION_COLUMNS))  # fmt: skip
#: What ordering a region's targets reads of each target row (``_target_groups``), all of it in the
#: covering index ``ix_facts_targets`` (migration 6); a page then reads its targets' whole rows.
TARGET_ORDER_COLUMNS = ("id", "document_id", "seq", "status", "kind", "indicator_key", "measure", "period",
                        "period_end", "period_start", "indicator", "indicator_id", "mention", "source",
                        "start_offset")  # fmt: skip
TARGET_ORDER_SELECT = f"SELECT {', '.join('f.' + c for c in TARGET_ORDER_COLUMNS)} FROM facts f "
#: The places in ``TARGET_ORDER_COLUMNS`` of what judging reads of a target's other mentions.
_T_ID, _T_DOC, _T_START = (TARGET_ORDER_COLUMNS.index(c) for c in ("id", "document_id", "start_offset"))
#: What a target reads besides its ordering columns once the targets are ordered (``_read_values``):
#: its value and what is shown of it.  The other mentions of a target read only ``OTHER_VALUE_SELECT``
#: (their values are listed in ``other_values``): at 100,000 documents a region's list reads 3,000-4,000
#: target rows, and making a Python object of each column read was most of the cost of reading them.
TARGET_VALUE_SELECT = (
    "SELECT f.id, f.value, f.norm_value, f.norm_unit, f.qualifier, f.region, f.text, f.quote FROM facts f "
)
OTHER_VALUE_SELECT = "SELECT f.id, f.value, f.norm_value, f.qualifier FROM facts f "
BASELINE_WINDOW = 3
TREND_WINDOW = 5
STALE_YEARS = 2  # a latest value more than this many years before the as-of year is marked stale


@dataclass(slots=True)  # (a list makes hundreds of them: slots are quicker to fill)
class TargetAssessment:
    """One target and how far the region has come (growth rates in percent)."""

    indicator: str
    indicator_id: str | None
    region: str
    measure: str
    period: str
    target_year: int
    target: float
    unit: str
    qualifier: str | None
    text: str
    direction: str
    baseline: float | None = None
    baseline_year: int | None = None
    latest: float | None = None
    latest_year: int | None = None
    latest_kind: str | None = None
    required_growth: float | None = None
    observed_growth: float | None = None
    ratio: float | None = None
    status: str = "no data"
    projection: float | None = None
    fact_id: int = 0
    doc: str = ""
    start: int = 0
    quote: str = ""
    note: str = ""
    #: The note as gettext messages: ``[{"msgid": "no baseline value for {year}", "args": {"year": 2020}}]``.
    notes: list[dict[str, Any]] = field(default_factory=list)
    other_values: list[dict[str, Any]] = field(default_factory=list)
    annual: bool = False
    result_doc: str = ""
    result_start: int = 0
    result_fact_id: int = 0
    baseline_doc: str = ""
    stale: bool = False
    #: ``main``: a row of the plan's own indicator table (主要指标), listed first in the table's
    #: order (``order``) under its category row (``category``: 经济发展, 民生福祉 …); the other
    #: quantified commitments follow.
    main: bool = False
    category: str = ""
    order: int = 0

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def plan_span(plan: str | None) -> tuple[int, int] | None:
    """``十四五`` → (2021, 2025); ``2021-2025`` works too; ``None`` → no filter."""
    if not plan:
        return None
    plan = plan.strip().strip("“”\"'")
    if plan in FIVE_YEAR_PLANS:
        return FIVE_YEAR_PLANS[plan]
    a, b = parse_period(plan)
    if a is None or b is None:
        from planwatch.store.corrections import CorrectionError

        raise CorrectionError(f"unknown plan {plan!r}: use 十四五, 十五五 … or a span such as 2021-2025")
    return a, b


@dataclass
class _Preferred:
    """The observations of one indicator (rows of ``OBSERVATION_SELECT``, not after ``as_of``)
    and the preferred of each (period, measure) in the order ``mark_preferred`` gives them — the
    same for every unit the indicator is read in, so chosen once per indicator."""

    observed: list[tuple[Any, ...]]
    best: list[tuple[Any, ...]]
    #: ``observed``'s one-year levels by (document, year), made when a target first asks.
    own_levels: dict[tuple[int, int], list[tuple[Any, ...]]] | None = None


@dataclass
class _Obs:
    """The preferred observations of one indicator, by measure, converted to one unit.

    Each value is a small dict: ``v`` (the value in ``unit``), ``kind`` and where it is from
    (``id``, ``doc_name``, ``start_offset``).  ``preferred``: every observation (not only the
    preferred), in which ``_own_baseline`` looks a target's own document's levels up, which
    only a few targets need, instead of a converted copy of every level row.
    """

    levels: dict[int, dict[str, Any]]
    growth: dict[int, dict[str, Any]]
    avg_growth: dict[tuple[int, int], dict[str, Any]]
    preferred: _Preferred
    unit: str = ""
    docs: dict[int, dict[str, Any]] = field(default_factory=dict)


def _converted(r: tuple[Any, ...], unit: str) -> float | None:
    """A level row's value in ``unit`` (``None``: another quantity under the same name)."""
    value = r[_O_NORM] if r[_O_NORM] is not None else r[_O_VALUE]
    return value if r[_O_UNIT] == unit else convert(value, r[_O_UNIT], unit)


def _entry(r: tuple[Any, ...], v: float, docs: dict[int, dict[str, Any]]) -> dict[str, Any]:
    """What judging reads of a preferred observation: its value ``v`` and where it is from."""
    doc = docs.get(r[_O_DOC])
    return {"v": v, "kind": r[_O_KIND], "id": r[_O_ID], "start_offset": r[_O_START],
            "doc_name": doc["doc_name"] if doc else None}  # fmt: skip


def _preferred(rows: list[tuple[Any, ...]], years: dict[int, int], as_of: int | None) -> _Preferred:
    """``mark_preferred`` of an indicator's observations as tuples: the same rank (``rank_of``,
    written out: it is computed for each of thousands of rows), the first of equal ranks in the
    order read; ``years`` their documents' years, -1 for none."""
    # (the query reads no targets: every row is an observation, of one kind class)
    obs = rows if as_of is None else [r for r in rows if r[_O_B] is not None and r[_O_B] <= as_of]
    best: dict[tuple[str, str], tuple[Any, ...]] = {}
    ranks: dict[tuple[str, str], tuple[int, int, int, int, int]] = {}
    kind_rank, year_of = KIND_RANK.get, years.get
    for r in obs:
        key = (r[_O_PERIOD], r[_O_MEASURE])
        doc = r[_O_DOC]
        rank = (1 if r[_O_STATUS] in VERIFIED else 0, kind_rank(r[_O_KIND], 0), year_of(doc, -1), doc, -r[_O_SEQ])
        cur = ranks.get(key)
        if cur is None or rank > cur:
            best[key], ranks[key] = r, rank
    return _Preferred(obs, list(best.values()))


def _observations(pref: _Preferred, unit: str, docs: dict[int, dict[str, Any]]) -> _Obs:
    levels: dict[int, dict[str, Any]] = {}
    grow: dict[int, dict[str, Any]] = {}
    avg: dict[tuple[int, int], dict[str, Any]] = {}
    for r in pref.best:
        a, b = r[_O_A], r[_O_B]
        if a is None or b is None:
            continue
        measure = r[_O_MEASURE]
        if measure == "level" and a == b:
            converted = _converted(r, unit)
            if converted is None:
                continue  # another quantity under the same name (万人 against %)
            levels[a] = _entry(r, converted, docs)
        elif measure == "growth" and a == b:
            grow[a] = _entry(r, r[_O_VALUE], docs)
        elif measure == "avg_growth" and a < b:
            avg[(a, b)] = _entry(r, r[_O_VALUE], docs)
    return _Obs(levels, grow, avg, pref, unit, docs)


def _direction(
    target_row: dict[str, Any],
    value: float,
    indicator_direction: str | None,
    reference: float | None,
    rate: bool,
) -> str:
    q = target_row["qualifier"]
    if q == "at_most":
        return "down"
    if q == "at_least":
        # 下降15%以上 is a growth of −15 "at least" in size: lower is better.
        return "down" if rate and value < 0 else "up"
    if indicator_direction in ("up", "down"):
        return indicator_direction
    if rate:
        return "down" if value < 0 else "up"
    if reference is not None and value < reference:
        return "down"
    return "up"


def _base_year(t: dict[str, Any], span: tuple[int, int] | None) -> int:
    a, b = t["period_start"], t["period_end"]
    if a < b:
        return a - 1
    for plan in (span, (t["plan_start"], t["plan_end"]) if t["plan_start"] else None):
        if plan and plan[0] <= b <= plan[1]:
            return plan[0] - 1
    if t["doc_year"] and t["doc_year"] <= b:
        return t["doc_year"] - 1
    return b - 1


def _trend(obs: _Obs, latest_year: int) -> float | None:
    """Recent annual growth (a fraction), by the order in the module docstring."""
    earlier = sorted(y for y in obs.levels if y < latest_year)
    latest = obs.levels[latest_year]["v"]
    window = [y for y in earlier if y >= latest_year - TREND_WINDOW]
    if window:
        return g.cagr(obs.levels[window[0]]["v"], latest, latest_year - window[0])
    spans = [s for s in obs.avg_growth if s[1] == latest_year]
    if spans:
        return obs.avg_growth[max(spans, key=lambda s: s[1] - s[0])]["v"] / 100
    if latest_year in obs.growth:
        return obs.growth[latest_year]["v"] / 100
    if earlier:
        return g.cagr(obs.levels[earlier[-1]]["v"], latest, latest_year - earlier[-1])
    return None


def _is_annual(t: dict[str, Any]) -> bool:
    """A one-year target set in a document that is no plan (a work report's 今年…增长8%).

    It is judged on that year's result alone, as reported later; a plan's target for one of its
    years is judged like the plan's others (progress since the plan's base year).
    """
    return t["period_start"] == t["period_end"] and not t.get("plan_start")


def _own_baseline(t: dict[str, Any], obs: _Obs, base: int) -> dict[str, Any] | None:
    """The base-year level the target's own document gives (the plan table's 2020 column).

    The plan's own baseline is the one its target was set against, so it goes before a later
    revision from another source; within the document, the mention nearest the target wins
    (the same table row or sentence).
    """
    pref = obs.preferred
    if pref.own_levels is None:
        pref.own_levels = {}
        for r in pref.observed:
            if r[_O_MEASURE] == "level" and r[_O_A] is not None and r[_O_A] == r[_O_B]:
                pref.own_levels.setdefault((r[_O_DOC], r[_O_A]), []).append(r)
    seq = t["seq"]
    candidates = pref.own_levels.get((t["document_id"], base), [])
    own = [(r, v) for r in candidates if (v := _converted(r, obs.unit)) is not None]
    if not own:
        return None
    r, v = min(own, key=lambda rv: abs(rv[0][_O_SEQ] - seq))
    return _entry(r, v, obs.docs)


def _level_unit(rows: list[tuple[Any, ...]], preferred: str | None) -> str:
    """The unit to read an indicator's levels in: the taxonomy's, if any level has it, else the most used."""
    units = [r[_O_UNIT] for r in rows if r[_O_MEASURE] == "level" and r[_O_UNIT]]
    if preferred and preferred in units:
        return preferred
    return max(set(units), key=units.count) if units else (preferred or "")


def _result_source(a: TargetAssessment, row: dict[str, Any]) -> None:
    a.result_doc, a.result_start, a.result_fact_id = row["doc_name"], row["start_offset"], row["id"]


def _say(a: TargetAssessment, msgid: str, **args: Any) -> None:
    """Add a note to ``a``: ``msgid`` (English, a ``str.format`` template) filled with ``args``.

    ``msgid`` must be a literal at the call: the catalog test reads every ``_say`` call of this
    module to check that each message has its translation.
    """
    a.notes.append({"msgid": msgid, "args": args})
    text = msgid.format(**args)
    a.note = f"{a.note}; {text}" if a.note else text


def _pct(x: float | None) -> float | None:
    return None if x is None else x * 100


def _assess_cumulative(a: TargetAssessment, t: dict[str, Any], obs: _Obs, ind_dir: str | None) -> None:
    """A level over a span (``2440亿元(累计)`` for 2021-2025) is a total: the sum of the annual values.

    Judged only when every year of the span has a value (achieved / not achieved), or as
    ``achieved`` early when the years so far already add up to it; otherwise ``no data``.
    """
    start, end = t["period_start"], t["period_end"]
    a.direction = _direction(t, a.target, ind_dir, None, rate=False)
    years = [y for y in range(start, end + 1) if y in obs.levels]
    total = sum(obs.levels[y]["v"] for y in years)
    if years:
        a.latest, a.latest_year = total, max(years)
    complete = len(years) == end - start + 1
    if years and (complete or (a.direction == "up" and g.meets(total, a.target, "up", a.qualifier))):
        a.status = "achieved" if g.meets(total, a.target, a.direction, a.qualifier) else "not achieved"
        _say(a, "total of {n} annual values", n=len(years))
    else:
        _say_incomplete_total(a, start, end, len(years))


def _say_incomplete_total(a: TargetAssessment, start: int, end: int, known: int) -> None:
    _say(a, "a total over {start}-{end}: needs the value of every year ({known} of {years} known)",
         start=start, end=end, known=known, years=end - start + 1)  # fmt: skip


def _say_no_value(a: TargetAssessment) -> None:
    """The note of a level target with no observed value in its period nor before it."""
    if a.annual:
        _say(a, "no observed value of {indicator} for {year}", indicator=a.indicator, year=a.target_year)
    else:
        _say(a, "no observed value of {indicator} up to {year}", indicator=a.indicator, year=a.target_year)


def _say_no_growth(a: TargetAssessment, start: int, end: int) -> None:
    """The note of a rate target with no observed growth over ``start``-``end``."""
    if end > start:
        _say(a, "no observed growth for {start}-{end}", start=start, end=end)
    else:
        _say(a, "no observed growth for {year}", year=start)


def _assess_unobserved(a: TargetAssessment, t: dict[str, Any], base: int, ind_dir: str | None) -> None:
    """What ``_assess_level`` and ``_assess_rate`` conclude of a target whose indicator the region
    has no live observation of at all: status ``no data``, the direction, and the note saying what
    is missing, with nothing to convert, rank or look up.  At 100,000 documents two thirds of a
    plan's targets are such (4,469 of 6,872 on the ten regions with the slowest plans), named by
    their own documents only; judging each against empty observations was a tenth of a plan's time.
    ``test_unobserved_targets`` checks it against the general judging on a real plan."""
    measure, start, end = t["measure"], t["period_start"], t["period_end"]
    if measure in ("growth", "avg_growth"):
        a.direction = _direction(t, a.target, ind_dir, None, rate=True)
        # (an annual growth target is about its own year only, as in ``_assess_rate``)
        _say_no_growth(a, end if measure == "growth" and start == end else base + 1, end)
    elif measure == "level" and start < end:
        a.direction = _direction(t, a.target, ind_dir, None, rate=False)
        _say_incomplete_total(a, start, end, 0)
    elif measure == "change_pp":
        _say(a, "a change in percentage points needs the baseline level, which is missing")
        a.direction = _direction(t, a.target, ind_dir, None, rate=True)
    else:
        a.direction = _direction(t, a.target, ind_dir, None, rate=False)
        _say_no_value(a)


def _assess_level(a: TargetAssessment, t: dict[str, Any], obs: _Obs, base: int, ind_dir: str | None) -> None:
    if t["measure"] == "level" and t["period_start"] < t["period_end"]:
        _assess_cumulative(a, t, obs, ind_dir)
        return
    target_year = a.target_year
    own = _own_baseline(t, obs, base)
    if own is not None:
        baseline_year, baseline = base, own["v"]
        a.baseline_doc = own["doc_name"]
    else:
        window = 0 if a.annual else BASELINE_WINDOW  # an annual target's baseline is the year before
        baseline_year = next((y for y in range(base, base - window - 1, -1) if y in obs.levels), None)
        baseline = obs.levels[baseline_year]["v"] if baseline_year is not None else None
        if baseline_year is not None:
            a.baseline_doc = obs.levels[baseline_year]["doc_name"]
    # Only values inside the target's own period judge it: after the base year (and, for an annual
    # target, of the target year itself).  A value from before is context, never a result.
    first = target_year if a.annual else base + 1
    candidates = [y for y in obs.levels if first <= y <= target_year]
    latest_year = max(candidates) if candidates else None
    latest = obs.levels[latest_year]["v"] if latest_year is not None else None
    before = [y for y in obs.levels if y < first]
    target = a.target
    if t["measure"] == "change_pp":
        if baseline is None:
            _say(a, "a change in percentage points needs the baseline level, which is missing")
            a.direction = _direction(t, a.target, ind_dir, None, rate=True)
            return
        target = baseline + a.target
        _say(a, "target level {target:g} = baseline {baseline:g} {change:+g} percentage points",
             target=target, baseline=baseline, change=a.target)  # fmt: skip
        a.target = target
    # The reference is the baseline only: the latest value is the outcome being judged, and a target
    # below it is no sign that lower is better (an investment target met early is still a level to reach).
    a.direction = _direction(t, target, ind_dir, baseline, rate=False)
    a.baseline, a.baseline_year, a.latest, a.latest_year = baseline, baseline_year, latest, latest_year
    if latest_year is not None:
        a.latest_kind = obs.levels[latest_year]["kind"]
        _result_source(a, obs.levels[latest_year])
    status, required, observed, ratio = g.assess_level(
        target=target, target_year=target_year, direction=a.direction, qualifier=a.qualifier,
        latest=latest, latest_year=latest_year, baseline=baseline, baseline_year=baseline_year,
    )  # fmt: skip
    a.status, a.required_growth, a.observed_growth, a.ratio = status, _pct(required), _pct(observed), ratio
    if latest_year is not None:
        a.projection = g.project(latest, latest_year, _trend(obs, latest_year), target_year)
    elif before and not a.annual:
        # No verdict yet, but what the plan asks is known: the growth needed from the last value
        # before the period, and where the trend up to it leads.
        y = max(before)
        a.required_growth = _pct(g.required_growth(obs.levels[y]["v"], y, target, target_year))
        a.projection = g.project(obs.levels[y]["v"], y, _trend(obs, y), target_year)
    if not a.note:
        if latest is None and before:
            y = max(before)
            shown = baseline if y == baseline_year and baseline is not None else obs.levels[y]["v"]
            if a.annual:
                _say(a, "no result for {target_year}; latest value before it: {value:g} ({year})",
                     target_year=target_year, value=obs.levels[y]["v"], year=y)  # fmt: skip
            else:
                _say(a, "latest value before the plan period: {value:g} ({year})", value=shown, year=y)
        elif latest is None:
            _say_no_value(a)
        elif status == "no data" and latest_year == baseline_year:
            _say(a, "no value after the baseline year {year} yet", year=baseline_year)
        elif status == "no data" and baseline is None:
            _say(a, "no baseline value for {year}", year=base)


def _assess_rate(a: TargetAssessment, t: dict[str, Any], obs: _Obs, base: int, ind_dir: str | None) -> None:
    start, end = base + 1, a.target_year
    if t["measure"] == "growth" and t["period_start"] == t["period_end"]:
        start, base = end, end - 1  # an annual growth target is about its own year only
    n = end - start + 1
    rate = a.target / 100
    a.direction = _direction(t, a.target, ind_dir, None, rate=True)
    observed: float | None = None
    years = 0
    recent: float | None = None
    basis = ""  # where the observed rate comes from: "average", "annual" or "levels"
    if (start, end) in obs.avg_growth and n > 1:
        observed, years, basis = obs.avg_growth[(start, end)]["v"] / 100, n, "average"
        a.latest_kind = obs.avg_growth[(start, end)]["kind"]
        _result_source(a, obs.avg_growth[(start, end)])
    else:
        chain: list[float] = []
        y = start
        while y <= end and y in obs.growth:
            chain.append(obs.growth[y]["v"])
            y += 1
        level_years = [y for y in obs.levels if start <= y <= end]
        level_span = (max(level_years) - base) if level_years and base in obs.levels else 0
        if chain and len(chain) >= level_span:
            observed, years, basis = g.chain_growth(chain), len(chain), "annual"
            recent = chain[-1] / 100
            a.latest_kind = obs.growth[start + len(chain) - 1]["kind"]
            _result_source(a, obs.growth[start + len(chain) - 1])
        elif level_span:
            last = max(level_years)
            observed = g.cagr(obs.levels[base]["v"], obs.levels[last]["v"], last - base)
            years, basis = last - base, "levels"
            a.baseline, a.baseline_year = obs.levels[base]["v"], base
            a.baseline_doc = obs.levels[base]["doc_name"]
            a.latest_kind = obs.levels[last]["kind"]
            _result_source(a, obs.levels[last])
    if years:
        a.latest_year = start + years - 1
        a.latest = _pct(observed)
    complete = years >= n
    status, ratio = g.assess_rate(
        target_rate=rate, direction=a.direction, qualifier=a.qualifier, observed=observed, complete=complete
    )
    a.status, a.ratio, a.observed_growth = status, ratio, _pct(observed)
    if observed is not None and not complete:
        a.required_growth = _pct(g.required_rate(rate, n, observed, years))
        trend = recent if recent is not None else observed
        a.projection = _pct(((1 + observed) ** years * (1 + trend) ** (n - years)) ** (1 / n) - 1)
    elif observed is not None:
        a.projection = _pct(observed)
    if observed is None:
        _say_no_growth(a, start, end)
    elif years > 1 or end > start:
        span = {"start": start, "end": a.latest_year}
        if basis == "average":
            _say(a, "observed over {start}-{end} from reported average growth", **span)
        elif basis == "annual":
            _say(a, "observed over {start}-{end} from reported annual growth", **span)
        else:
            _say(a, "observed over {start}-{end} from levels", **span)
    elif basis == "average":
        _say(a, "reported average growth")
    elif basis == "annual":
        _say(a, "reported annual growth")
    else:
        _say(a, "levels")


def _mark_stale(a: TargetAssessment, as_of: int) -> None:
    """A judgement still open whose latest value is years old says so instead of passing as current."""
    if a.latest_year is None or a.status in ("achieved", "not achieved") or a.latest_year >= a.target_year:
        return
    if as_of - a.latest_year > STALE_YEARS:
        a.stale = True
        _say(a, "stale: latest value is from {year} (as of {as_of})", year=a.latest_year, as_of=as_of)


def _compound_indicators(store: Store, mention: str) -> tuple[Any, ...]:
    """The taxonomy indicators a compound name sets one goal for (``_compound_part``), else ``()``;
    once a name for the store's life (``Resolver.memo``): a region's targets repeat their names."""
    return memoised(store.resolver.memo, ("compound", mention), lambda: _split_compound(store, mention))


def _split_compound(store: Store, mention: str) -> tuple[Any, ...]:
    names = [n for n in re.split(r"[、和及与]", mention) if n]
    if len(names) < 2:
        names = []
        for compound, parts in load_lexicon()["compound_subjects"].items():
            if compound in mention:
                names = [mention.replace(compound, part, 1) for part in parts]
                break
    if len(names) < 2:
        return ()
    found = [store.indicator(n) for n in names]
    if any(ind is None for ind in found) or len({ind.id for ind in found if ind}) != len(found):
        return ()
    return tuple(found)


def is_fragment(store: Store, name: str) -> bool:
    """Whether a target's name is a fragment, not a quantity (lexicon ``target_fragment_*``).

    A taxonomy indicator is never one.  Otherwise: a name of fewer than two characters, a bare
    head (产值, 投资), a bare place (北镇市), or a name that starts or ends on a function word or on
    a verb cut off from its object (…公司新建年产, 在各县（市）新建).
    """
    return memoised(store.resolver.memo, ("fragment", name), lambda: _is_fragment(store, name.strip()))


def _is_fragment(store: Store, name: str) -> bool:
    if store.indicator(name) is not None:
        return False
    lex = load_lexicon().raw
    if len(name) < 2 or name in lex.get("target_bare_heads", []):
        return True
    if name.startswith(tuple(lex.get("target_fragment_starts", []))):
        return True
    if name.endswith(tuple(lex.get("target_fragment_ends", []))) or re.search(r"[A-Za-z0-9]$", name):
        return True
    region = store.gazetteer.resolve(name)
    return region is not None and name in (region.name, region.short)


def _table_place(store: Store, t: dict[str, Any], cache: dict[int, Any]) -> Any:
    """The plan-table row (``plan_table.TableRow``) of a target read from a plan's table, else None."""
    from planwatch.monitor.plan_table import row_of, table_rows

    if t["source"] != "table" or not t["plan_start"]:
        return None
    doc_id = t["document_id"]
    if doc_id not in cache:
        found = store.db.query("SELECT text FROM documents WHERE id = ?", (doc_id,))
        text = found[0]["text"] if found else ""
        cache[doc_id] = (text, table_rows(text))
    text, rows = cache[doc_id]
    return row_of(rows, text, t["start_offset"])


@dataclass
class TargetPage:
    """A slice of a region's assessed targets (``limit``/``offset``) and how many there are in all."""

    items: list[TargetAssessment]
    total: int
    offset: int = 0


@dataclass
class _TargetGroup:
    """The mentions of one target (indicator, measure, target period), the preferred first, with
    what orders it among the region's targets — known before the target is judged, so that a page
    of a region with thousands of targets judges only its own.  ``members`` are rows of
    ``TARGET_ORDER_SELECT`` as tuples; a shown target's first (preferred) member becomes the dict
    ``target`` (``_member_dict``) that judging reads, the others stay tuples (their values are
    read by id, ``_read_values``), since making a dict of each of a region's 3,000-4,000 rows was
    most of the cost of a page at 100,000 documents, and of a plan's 1,500-2,000 a tenth of it."""

    members: list[Any]
    indicator: Any  # the taxonomy's Indicator, or None
    target: dict[str, Any] = field(default_factory=dict)
    main: bool = False
    category: str = ""
    order: int = 0
    key: tuple[Any, ...] = ()  # the order of ``targets``: main indicators in table order, then year, name


def targets(
    store: Store,
    *,
    region: str,
    plan: str | None = None,
    indicator: str | None = None,
    as_of: int | None = None,
    fragments: bool = False,
) -> list[TargetAssessment]:
    """Assess every live target of ``region`` (library of ``planwatch targets``).

    Order: the plan's main indicators first (its indicator table's rows, in the table's order),
    then the other quantified commitments by year and name.  Fragments (``is_fragment``) are left
    out unless ``fragments``.
    """
    return target_page(store, region=region, plan=plan, indicator=indicator, as_of=as_of, fragments=fragments).items


def target_page(
    store: Store,
    *,
    region: str,
    plan: str | None = None,
    indicator: str | None = None,
    as_of: int | None = None,
    fragments: bool = False,
    limit: int | None = None,
    offset: int = 0,
) -> TargetPage:
    """``targets`` in pages: the ``limit`` targets after the first ``offset``, in the same order,
    and the total.  Only the page's targets are judged and only their indicators' observations
    read: at 100,000 documents a region holds up to 2,500 targets, and judging all of them took
    most of the time of a whole answer."""
    region_key, span = store.region_key(region), plan_span(plan)
    groups, columns, docs = _target_groups(store, region_key, span, indicator, fragments)
    page = groups[offset:] if limit is None else groups[offset:offset + limit]
    for group in page:
        group.target = _member_dict(columns, group.members[0], docs)
    values = _read_values(store, page)
    return TargetPage(_assess(store, region_key, page, span, as_of, values, docs), len(groups), offset)


def _read_values(store: Store, groups: list[_TargetGroup]) -> dict[int, tuple[Any, ...]]:
    """Give each group's ``target`` (its first member, read with ``TARGET_ORDER_SELECT``) what judging
    and showing it reads, ``TARGET_VALUE_SELECT``; the values of the other members, ``OTHER_VALUE_SELECT``
    as tuples by id (by id, once the targets are ordered: a page reads only its own)."""
    first = sorted({group.target["id"] for group in groups})
    others = sorted({m[_T_ID] for group in groups for m in group.members[1:]})
    shown = {row["id"]: row for row in store.db.query_ids(TARGET_VALUE_SELECT + "WHERE f.id IN", first)}
    values: dict[int, tuple[Any, ...]] = {}
    step = store.db.IDS_PER_QUERY
    for i in range(0, len(others), step):
        part = others[i:i + step]
        _, rows = store.db.query_tuples(f"{OTHER_VALUE_SELECT}WHERE f.id IN ({', '.join('?' * len(part))})", part)
        values.update((r[0], r) for r in rows)
    for group in groups:
        group.target.update(shown[group.target["id"]])
    return values


#: What a target row carries of its document (``Store.with_documents``'s fields).
TARGET_DOCUMENT_FIELDS = {"doc_year": "year", "doc_name": "name", "plan_start": "plan_start", "plan_end": "plan_end"}


def _member_dict(columns: list[str], row: tuple[Any, ...], docs: dict[int, dict[str, Any]]) -> dict[str, Any]:
    """A target row of ``_target_groups`` (a tuple of ``columns``) as the dict ``_assess`` reads,
    with its document's fields (``TARGET_DOCUMENT_FIELDS``)."""
    member = dict(zip(columns, row, strict=True))
    member.update(docs.get(member["document_id"]) or dict.fromkeys(TARGET_DOCUMENT_FIELDS))
    return member


def _target_groups(
    store: Store, region_key: str, span: tuple[int, int] | None, indicator: str | None, fragments: bool
) -> tuple[list[_TargetGroup], list[str], dict[int, dict[str, Any]]]:
    """The region's targets, one group per target, in the order ``targets`` lists them, their
    members rows of ``TARGET_ORDER_SELECT`` (from an index) as tuples; with the rows' column names
    and their documents' fields (``_member_dict``)."""
    # The plan and the indicator narrow the query itself: a dashboard asks one plan of a region
    # that holds thousands of targets over the years.
    where = f"WHERE f.region_key = ? AND f.kind = 'target' AND {LIVE} AND f.period_end IS NOT NULL"
    params: list[Any] = [region_key]
    if span is not None:
        where += " AND f.period_end BETWEEN ? AND ?"
        params += span
    if indicator:
        where += " AND f.indicator_key = ?"
        params.append(store.indicator_key(indicator))
    columns, rows = store.db.query_tuples(TARGET_ORDER_SELECT + where, params)
    if not rows:
        return [], columns, {}
    at = {name: i for i, name in enumerate(columns)}
    i_id, i_doc, i_seq, i_status, i_kind = at["id"], at["document_id"], at["seq"], at["status"], at["kind"]
    i_key, i_measure, i_period, i_end = at["indicator_key"], at["measure"], at["period"], at["period_end"]
    i_name, i_ind, i_mention, i_source = at["indicator"], at["indicator_id"], at["mention"], at["source"]
    docs = store.document_columns({r[i_doc] for r in rows}, **TARGET_DOCUMENT_FIELDS)
    years = {doc: fields["doc_year"] for doc, fields in docs.items()}
    by_target: dict[tuple[str, str, str], list[tuple[Any, ...]]] = {}
    # What becomes of a row depends on its names alone: split (a compound: one row per indicator it
    # names), kept, or left out (a fragment); decided once per distinct names, as the region's
    # thousands of rows repeat them.
    verdicts: dict[tuple[str, str, str | None], tuple[Any, ...] | bool] = {}
    for r in rows:
        names = (r[i_mention], r[i_name], r[i_ind])
        verdict = verdicts.get(names)
        if verdict is None:
            compound = _compound_indicators(store, r[i_mention] or r[i_name] or "")
            verdict = verdicts[names] = compound or fragments or bool(r[i_ind]) or not is_fragment(store, r[i_name])
        if verdict is False:
            continue
        # (a compound's parts are indicators of the taxonomy: never fragments)
        for part in (r,) if verdict is True else (_compound_part(r, ind, i_name, i_ind, i_key) for ind in verdict):
            key = (part[i_key], part[i_measure], part[i_period])
            found = by_target.get(key)
            if found is None:
                by_target[key] = [part]
            else:
                found.append(part)

    def rank(r: tuple[Any, ...]) -> tuple[int, int, int, int, int]:
        return rank_of(r[i_status], r[i_kind], years.get(r[i_doc]), r[i_doc], r[i_seq])

    texts: dict[int, Any] = {}
    groups = []
    taxonomy = store.taxonomy
    for members in by_target.values():
        if len(members) > 1:
            members.sort(key=rank, reverse=True)
        t = members[0]
        group = _TargetGroup(members, taxonomy.get(t[i_ind]) if t[i_ind] else None)
        # A quantity the plan's table lists is a main indicator, whichever mention states it best.
        place = None
        for m in members:
            if m[i_source] == "table" and (
                place := _table_place(store, _member_dict(columns, m, docs), texts)
            ) is not None:
                break
        if place is not None:
            group.main, group.category, group.order = True, place.category, place.table * 1000 + place.order
        name = group.indicator.name if group.indicator else t[i_name]
        group.key = (not group.main, group.order, t[i_end], t[i_ind] is None, name, t[i_measure] != "level",
                     t[i_id])  # fmt: skip
        groups.append(group)
    groups.sort(key=lambda group: group.key)
    return groups, columns, docs


def _compound_part(row: tuple[Any, ...], ind: Any, i_name: int, i_ind: int, i_key: int) -> tuple[Any, ...]:
    """``row`` as the target of ``ind``, one of the indicators its compound name names:
    ``城乡居民人均可支配收入增长8%`` and ``城镇常住…、农村常住…均增长8%`` set the same goal for each
    part (FACTS.md keeps one fact for the one number; a goal is judged per indicator).  A row is
    split only when every part resolves to an indicator of the taxonomy, each a different one
    (``_compound_indicators``)."""
    part = list(row)
    part[i_name], part[i_ind], part[i_key] = ind.name, ind.id, ind.id
    return tuple(part)


def _assess(
    store: Store,
    region_key: str,
    groups: list[_TargetGroup],
    span: tuple[int, int] | None,
    as_of: int | None,
    values: dict[int, tuple[Any, ...]],
    target_docs: dict[int, dict[str, Any]],
) -> list[TargetAssessment]:
    """Judge each group's preferred target against the region's observations of its indicator;
    ``values``: the other members' (id, value, norm_value, qualifier) by id, ``target_docs`` the
    targets' documents' fields (``_read_values``, ``_target_groups``)."""
    keys = sorted({g.target["indicator_key"] for g in groups})
    by_indicator: dict[str, list[tuple[Any, ...]]] = defaultdict(list)  # (no key: no observation)
    docs: dict[int, dict[str, Any]] = {}
    if keys:
        marks = ", ".join("?" for _ in keys)
        _, rows = store.db.query_tuples(
            OBSERVATION_SELECT
            + f"WHERE f.region_key = ? AND f.indicator_key IN ({marks}) AND f.kind <> 'target' AND {LIVE}",
            (region_key, *keys),
        )
        for r in rows:
            by_indicator[r[_O_KEY]].append(r)
        docs = store.document_columns({r[_O_DOC] for r in rows}, **DOCUMENT_FIELDS)
    years = {doc: fields["doc_year"] for doc, fields in docs.items() if fields["doc_year"] is not None}
    out: list[TargetAssessment] = []
    preferred: dict[str, _Preferred] = {}
    obs_cache: dict[tuple[str, str], _Obs] = {}
    level_units: dict[tuple[str, str | None], str] = {}
    this_year = as_of if as_of is not None else date.today().year
    for group in groups:
        members, indicator_obj = group.members, group.indicator
        t = group.target
        ind_key, measure = t["indicator_key"], t["measure"]
        value = t["norm_value"] if t["norm_value"] is not None else t["value"]
        a = TargetAssessment(
            indicator=indicator_obj.name if indicator_obj else t["indicator"], indicator_id=t["indicator_id"],
            region=t["region"], measure=measure, period=t["period"], target_year=t["period_end"],
            target=value, unit=t["norm_unit"], qualifier=t["qualifier"], text=t["text"], direction="up",
            fact_id=t["id"], doc=t["doc_name"], start=t["start_offset"], quote=t["quote"],
            main=group.main, category=group.category, order=group.order,
        )  # fmt: skip
        seen = {round(value, 9)}
        for other in members[1:]:
            _, other_value, other_norm, other_qualifier = values[other[_T_ID]]
            v = other_norm if other_norm is not None else other_value
            if round(v, 9) not in seen:
                seen.add(round(v, 9))
                doc = target_docs.get(other[_T_DOC])
                a.other_values.append(
                    {
                        "value": v,
                        "qualifier": other_qualifier,
                        "fact_id": other[_T_ID],
                        "doc": doc["doc_name"] if doc else None,
                        "start": other[_T_START],
                    }
                )
        a.annual = _is_annual(t)
        base = t["period_end"] - 1 if a.annual else _base_year(t, span)
        ind_dir = indicator_obj.direction if indicator_obj else None
        if ind_key not in by_indicator:
            _assess_unobserved(a, t, base, ind_dir)  # (no observation: nothing to judge against)
            out.append(a)
            continue
        unit = t["norm_unit"]
        if measure == "change_pp":
            unit = "%"
        elif measure in ("growth", "avg_growth"):
            # A rate is judged on rates, or on the levels in their own unit (not the target's %).
            preferred_unit = indicator_obj.unit if indicator_obj else None
            if (ind_key, preferred_unit) not in level_units:
                level_units[ind_key, preferred_unit] = _level_unit(by_indicator[ind_key], preferred_unit)
            unit = level_units[ind_key, preferred_unit]
        cache_key = (ind_key, unit)
        if cache_key not in obs_cache:
            if ind_key not in preferred:
                preferred[ind_key] = _preferred(by_indicator[ind_key], years, as_of)
            obs_cache[cache_key] = _observations(preferred[ind_key], unit, docs)
        obs = obs_cache[cache_key]
        if measure in ("growth", "avg_growth"):
            _assess_rate(a, t, obs, base, ind_dir)
        else:
            _assess_level(a, t, obs, base, ind_dir)
        _mark_stale(a, this_year)
        out.append(a)
    return out
