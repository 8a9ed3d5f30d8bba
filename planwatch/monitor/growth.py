"""Growth arithmetic and the assessment of quantified targets (pure functions, no database).

The status follows Eurostat's method for quantified targets (as in its SDG monitoring
reports): compare the growth a region has achieved with the growth it needs, and classify the
ratio.  Here, as the issue defines it:

* required growth — average annual growth still needed from the latest value to the target:
  ``(target / latest) ** (1 / (target_year - latest_year)) - 1``;
* observed growth — average annual growth since the baseline:
  ``(latest / baseline) ** (1 / (latest_year - baseline_year)) - 1``;
* ratio = observed / required, and

  ========================  =========================================
  status                    when
  ========================  =========================================
  ``achieved``              the latest value already meets the target
  ``on track``              ratio ≥ 0.95
  ``moderate``              0.60 ≤ ratio < 0.95
  ``insufficient``          0 ≤ ratio < 0.60
  ``moving away``           ratio < 0
  ``not achieved``          the target year is reached and it is not met
  ``no data``               a value needed for the ratio is missing
  ========================  =========================================

Edge cases, decided once here:

* "Meets the target" is directional: ``up`` targets are met when latest ≥ target, ``down``
  (lower is better: the taxonomy's direction, or an ``at_most`` qualifier such as ``6%以内``)
  when latest ≤ target.  A target qualified ``about`` (``左右``) is met within
  ``ABOUT_TOLERANCE`` of the target (1%; 0.1 percentage point for growth rates), because
  ``1500左右`` is not missed by 1495.
* For a down target the required and the observed growth are both negative when things go
  well, so their ratio is positive and the same thresholds apply; an observed rise gives a
  negative ratio: ``moving away``.
* Required growth is undefined when the latest value is in or after the target year (then the
  target is ``achieved`` or ``not achieved``) or when a value is not positive (then ``no data``).
* Observed growth needs a value after the baseline year; with only the baseline (the latest
  value *is* the baseline) the status is ``no data`` — there is no progress to judge yet.
* An observed growth of exactly 0 gives ratio 0: ``insufficient``, not ``moving away``.
* Growth-rate targets (``年均增长6.5%左右``) compare rates directly: ratio = observed average
  growth / target rate; when the target rate is 0 (``持平``) the status is ``on track`` if the
  observed rate is on the right side of 0, else ``moving away``.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

ON_TRACK = 0.95
MODERATE = 0.60
ABOUT_TOLERANCE = 0.01  # relative, for levels qualified 左右/约
ABOUT_TOLERANCE_PP = 0.1  # percentage points, for growth rates qualified 左右

STATUSES = ("achieved", "on track", "moderate", "insufficient", "moving away", "not achieved", "no data")


def cagr(start: float, end: float, years: float) -> float | None:
    """Compound average annual growth from ``start`` to ``end`` over ``years`` (a fraction: 0.05).

    ``None`` when it is undefined: no time elapsed, or a value that is not positive.
    """
    if years <= 0 or start is None or end is None or start <= 0 or end <= 0:
        return None
    return (end / start) ** (1.0 / years) - 1.0


def required_growth(latest: float, latest_year: int, target: float, target_year: int) -> float | None:
    """Average annual growth still needed from the latest value to the target (a fraction)."""
    return cagr(latest, target, target_year - latest_year)


def observed_growth(baseline: float, baseline_year: int, latest: float, latest_year: int) -> float | None:
    """Average annual growth observed since the baseline (a fraction)."""
    return cagr(baseline, latest, latest_year - baseline_year)


def chain_growth(rates_percent: Sequence[float]) -> float | None:
    """Average annual growth of consecutive annual growth rates given in percent (a fraction).

    ``[7, 5]`` → ``sqrt(1.07 × 1.05) − 1``: the geometric mean, so that two years of 7% and 5%
    equal two years of the returned rate.
    """
    if not rates_percent:
        return None
    product = 1.0
    for r in rates_percent:
        factor = 1.0 + r / 100.0
        if factor <= 0:
            return None
        product *= factor
    return product ** (1.0 / len(rates_percent)) - 1.0


def meets(value: float, target: float, direction: str, qualifier: str | None, *, rate: bool = False) -> bool:
    """Whether ``value`` meets ``target`` in the target's direction (see module docstring)."""
    if qualifier == "about":
        slack = ABOUT_TOLERANCE_PP if rate else abs(target) * ABOUT_TOLERANCE
    else:
        slack = 1e-9 * max(1.0, abs(target))
    if direction == "down":
        return value <= target + slack
    return value >= target - slack


def status_from_ratio(ratio: float | None) -> str:
    """The Eurostat class of observed/required."""
    if ratio is None or math.isnan(ratio):
        return "no data"
    if ratio >= ON_TRACK:
        return "on track"
    if ratio >= MODERATE:
        return "moderate"
    if ratio >= 0:
        return "insufficient"
    return "moving away"


def assess_level(
    *,
    target: float,
    target_year: int,
    direction: str,
    qualifier: str | None,
    latest: float | None,
    latest_year: int | None,
    baseline: float | None,
    baseline_year: int | None,
) -> tuple[str, float | None, float | None, float | None]:
    """(status, required, observed, ratio) of a level target; growths are fractions."""
    if latest is None or latest_year is None:
        return "no data", None, None, None
    if meets(latest, target, direction, qualifier):
        observed = (
            observed_growth(baseline, baseline_year, latest, latest_year)
            if baseline is not None and baseline_year is not None
            else None
        )
        return "achieved", None, observed, None
    if latest_year >= target_year:
        observed = (
            observed_growth(baseline, baseline_year, latest, latest_year)
            if baseline is not None and baseline_year is not None
            else None
        )
        return "not achieved", None, observed, None
    required = required_growth(latest, latest_year, target, target_year)
    observed = None
    if baseline is not None and baseline_year is not None and latest_year > baseline_year:
        observed = observed_growth(baseline, baseline_year, latest, latest_year)
    if required is None or observed is None:
        return "no data", required, observed, None
    ratio = observed / required if required != 0 else None
    return status_from_ratio(ratio), required, observed, ratio


def assess_rate(
    *,
    target_rate: float,
    direction: str,
    qualifier: str | None,
    observed: float | None,
    complete: bool,
) -> tuple[str, float | None]:
    """(status, ratio) of a growth-rate target; rates are fractions (0.065).

    ``complete``: the observation covers the whole target span (then achieved / not achieved).
    """
    if observed is None:
        return "no data", None
    if complete:
        met = meets(observed * 100, target_rate * 100, direction, qualifier, rate=True)
        return ("achieved" if met else "not achieved"), (observed / target_rate if target_rate else None)
    if target_rate == 0:
        good = observed <= 0 if direction == "down" else observed >= 0
        return ("on track" if good else "moving away"), None
    ratio = observed / target_rate
    return status_from_ratio(ratio), ratio


def required_rate(target_rate: float, span_years: int, observed_chain: float, observed_years: int) -> float | None:
    """Average growth needed in the remaining years so the whole span averages ``target_rate``.

    ``observed_chain`` is the average over the ``observed_years`` already past (fractions).
    """
    remaining = span_years - observed_years
    if remaining <= 0:
        return None
    needed = (1 + target_rate) ** span_years / (1 + observed_chain) ** observed_years
    if needed <= 0:
        return None
    return needed ** (1.0 / remaining) - 1.0


def project(latest: float, latest_year: int, rate: float | None, target_year: int) -> float | None:
    """The value ``latest`` reaches in ``target_year`` if it keeps growing at ``rate``."""
    if rate is None or latest is None or target_year < latest_year:
        return None
    return latest * (1.0 + rate) ** (target_year - latest_year)
