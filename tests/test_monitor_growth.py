"""Growth arithmetic and target statuses against values worked out by hand.

Each expected number below was computed by hand (logarithms to 6 digits), not by the code
under test; the comments show the working.
"""

from __future__ import annotations

import pytest

from planwatch.monitor import growth as g

APPROX = pytest.approx


def test_required_growth_of_the_jinzhou_gdp_target() -> None:
    # (1500 / 1074) = 1.396648; ln = 0.334067; / 5 = 0.0668134; e^ = 1.069096 → 6.91 %
    assert g.required_growth(1074, 2020, 1500, 2025) == APPROX(0.069096, abs=1e-5)


def test_observed_growth_since_baseline() -> None:
    # (1300 / 1074) = 1.210428; ln = 0.190974; / 3 = 0.063658; e^ = 1.065728 → 6.57 %
    assert g.observed_growth(1074, 2020, 1300, 2023) == APPROX(0.065728, abs=1e-5)


def test_growth_is_undefined_without_time_or_positive_values() -> None:
    assert g.cagr(100, 120, 0) is None
    assert g.cagr(0, 120, 3) is None
    assert g.cagr(100, -5, 3) is None


def test_chain_growth_is_the_geometric_mean() -> None:
    # 1.07 × 1.05 × 1.04 = 1.168440; ln = 0.155670; / 3 = 0.051890; e^ = 1.053260 → 5.33 %
    assert g.chain_growth([7, 5, 4]) == APPROX(0.053260, abs=1e-5)


@pytest.mark.parametrize(
    ("ratio", "status"),
    [(1.2, "on track"), (0.95, "on track"), (0.9499, "moderate"), (0.6, "moderate"), (0.5999, "insufficient"),
     (0.0, "insufficient"), (-0.01, "moving away"), (None, "no data")],
)  # fmt: skip
def test_status_thresholds(ratio: float | None, status: str) -> None:
    assert g.status_from_ratio(ratio) == status


def _level(**kw: object) -> tuple[str, float | None, float | None, float | None]:
    base = dict(target=1500.0, target_year=2025, direction="up", qualifier=None, latest=1300.0,
                latest_year=2023, baseline=1074.0, baseline_year=2020)  # fmt: skip
    base.update(kw)
    return g.assess_level(**base)  # type: ignore[arg-type]


def test_level_target_moderate() -> None:
    # required: (1500/1300) = 1.153846; ln = 0.143101; / 2 = 0.0715505; e^ = 1.074172 → 7.42 %
    # observed: 6.57 % (above); ratio = 0.065728 / 0.074172 = 0.8862 → moderate
    status, required, observed, ratio = _level()
    assert required == APPROX(0.074172, abs=1e-5)
    assert observed == APPROX(0.065728, abs=1e-5)
    assert ratio == APPROX(0.8862, abs=1e-3)
    assert status == "moderate"


def test_level_target_on_track_insufficient_and_moving_away() -> None:
    # latest 1380 in 2023: required (1500/1380)^(1/2) − 1 = 1.086957^0.5 − 1 = 4.26 %;
    # observed (1380/1074)^(1/3) − 1 = 1.284916^(1/3) − 1 = 8.71 %; ratio 2.04 → on track
    assert _level(latest=1380.0)[0] == "on track"
    # latest 1100: observed (1100/1074)^(1/3) − 1: 1.024209, ln 0.023920, / 3 = 0.007973 → 0.80 %;
    # required (1500/1100)^(1/2) − 1 = 16.77 %;
    # ratio 0.048 → insufficient
    status, required, observed, _ratio = _level(latest=1100.0)
    assert required == APPROX(0.167748, abs=1e-5)
    assert observed == APPROX(0.008005, abs=1e-5)
    assert status == "insufficient"
    # latest 1000 < baseline: observed negative → moving away
    assert _level(latest=1000.0)[0] == "moving away"


def test_level_target_achieved_not_achieved_and_no_data() -> None:
    assert _level(latest=1510.0)[0] == "achieved"
    # 左右: 1490 is within 1 % of 1500
    assert _level(latest=1490.0, qualifier="about")[0] == "achieved"
    assert _level(latest=1490.0)[0] != "achieved"
    # the target year is reached and the value is short of it
    assert _level(latest=1400.0, latest_year=2025)[0] == "not achieved"
    # only the baseline itself: no progress to judge
    status, required, observed, _ = _level(latest=1074.0, latest_year=2020)
    assert status == "no data"
    assert required == APPROX(0.069096, abs=1e-5)
    assert observed is None
    assert _level(latest=None, latest_year=None)[0] == "no data"


def test_lower_is_better_target() -> None:
    # PM2.5 46 (2020) → target 35 (2025), latest 40 (2023)
    # required (35/40)^(1/2) − 1 = 0.935414 − 1 = −6.46 %; observed (40/46)^(1/3) − 1 = 0.954481 − 1 = −4.55 %
    # ratio = −0.045519 / −0.064586 = 0.7048 → moderate
    status, required, observed, ratio = g.assess_level(
        target=35, target_year=2025, direction="down", qualifier=None, latest=40, latest_year=2023,
        baseline=46, baseline_year=2020,
    )  # fmt: skip
    assert required == APPROX(-0.064586, abs=1e-5)
    assert observed == APPROX(-0.045519, abs=1e-5)
    assert ratio == APPROX(0.7048, abs=1e-3)
    assert status == "moderate"
    worse = g.assess_level(target=35, target_year=2025, direction="down", qualifier=None, latest=48,
                           latest_year=2023, baseline=46, baseline_year=2020)  # fmt: skip
    assert worse[0] == "moving away"
    better = g.assess_level(target=35, target_year=2025, direction="down", qualifier=None, latest=34,
                            latest_year=2023, baseline=46, baseline_year=2020)  # fmt: skip
    assert better[0] == "achieved"


def test_ceiling_target_at_most() -> None:
    # 城镇登记失业率 6%以内: 4.8 is within the ceiling
    assert g.assess_level(target=6, target_year=2025, direction="down", qualifier="at_most", latest=4.8,
                          latest_year=2020, baseline=4.8, baseline_year=2020)[0] == "achieved"  # fmt: skip
    # 6.5 in 2023 from 4.8 in 2020: rising away from a ceiling it has crossed
    assert g.assess_level(target=6, target_year=2025, direction="down", qualifier="at_most", latest=6.5,
                          latest_year=2023, baseline=4.8, baseline_year=2020)[0] == "moving away"  # fmt: skip


def test_growth_rate_target() -> None:
    # 年均增长6.5%左右 over 2021-2025; observed 7, 5, 4 % in 2021-2023 → 5.33 %; ratio 0.053260/0.065 = 0.8194
    observed = g.chain_growth([7, 5, 4])
    status, ratio = g.assess_rate(target_rate=0.065, direction="up", qualifier="about", observed=observed,
                                  complete=False)  # fmt: skip
    assert ratio == APPROX(0.8194, abs=1e-3)
    assert status == "moderate"
    # still needed in 2024-2025: (1.065^5 / 1.168440)^(1/2) − 1; 1.065^5 = 1.370087; / 1.168440 = 1.172579;
    # sqrt = 1.082857 → 8.29 %
    assert g.required_rate(0.065, 5, observed, 3) == APPROX(0.082857, abs=1e-5)  # type: ignore[arg-type]
    # complete span: achieved within 0.1 pp for 左右, else not achieved
    assert (
        g.assess_rate(target_rate=0.065, direction="up", qualifier="about", observed=0.0645, complete=True)[0]
        == "achieved"
    )
    assert (
        g.assess_rate(target_rate=0.065, direction="up", qualifier=None, observed=0.06, complete=True)[0]
        == "not achieved"
    )
    # a reduction target (单位GDP能耗下降3%): −4 % observed is better than −3 %
    assert (
        g.assess_rate(target_rate=-0.03, direction="down", qualifier=None, observed=-0.04, complete=False)[0]
        == "on track"
    )
    assert (
        g.assess_rate(target_rate=-0.03, direction="down", qualifier=None, observed=0.01, complete=False)[0]
        == "moving away"
    )
    # 持平 (0 %)
    assert (
        g.assess_rate(target_rate=0.0, direction="up", qualifier=None, observed=0.01, complete=False)[0] == "on track"
    )


def test_projection() -> None:
    # 1074 × 1.021^5 = 1074 × 1.109503 = 1191.61
    assert g.project(1074, 2020, 0.021, 2025) == APPROX(1191.61, abs=0.01)
    assert g.project(1074, 2020, None, 2025) is None
