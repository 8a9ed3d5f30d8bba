"""Verdicts against a hand-made key: 海拉尔区's annual targets 2012–2018 and the next year's results.

The key (tests/data/keys/hailaer_annual.csv) was made by reading the eight work reports in
planwatch/sample/hailaer: each report's 主要预期目标 (levels and growth of GDP, budget revenue,
investment, retail sales, urban and rural incomes) and the results the next report gives for that
year.  A row whose result no report gives (or gives on another basis: 农民人均纯收入 against the
later 农村常住居民人均可支配收入) is ``no data``.  A verdict is right when the status is the key's
and the result comes from the document the key names.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from planwatch import monitor
from planwatch.store import Store

REPO = Path(__file__).resolve().parents[1]
KEY = REPO / "tests" / "data" / "keys" / "hailaer_annual.csv"
HAILAER = REPO / "planwatch" / "sample" / "hailaer"

# All 52 comparable rows are right: the 2019 report's results are 海拉尔区's (its dateline names the
# district with its city), and a goal set for 城乡居民… or for "城镇…、农村…均增长" is judged per part.
CURRENT_FLOOR = 52


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    db = tmp_path_factory.mktemp("keys") / "hailaer.db"
    s = Store(db)
    assert s.ingest([HAILAER], actor="test").ok
    yield s
    s.close()


def key_rows() -> list[dict[str, str]]:
    with KEY.open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


def judge(store: Store) -> tuple[list[dict[str, str]], list[tuple[dict[str, str], str]]]:
    """(right rows, wrong rows with what was found) over the rows with a comparable result."""
    assessed = monitor.targets(store, region="海拉尔区")
    right, wrong = [], []
    for row in key_rows():
        key = store.indicator_key(row["indicator"])
        found = [
            a
            for a in assessed
            if a.target_year == int(row["year"])
            and a.measure == row["measure"]
            and a.doc == row["target_doc"]
            and store.indicator_key(a.indicator) == key
        ]
        if row["verdict"] == "no data":
            if all(a.status == "no data" for a in found):
                right.append(row)
            else:
                wrong.append((row, ", ".join(f"{a.status} on {a.latest} ({a.latest_year})" for a in found)))
            continue
        ok = [a for a in found if a.status == row["verdict"] and a.result_doc == row["result_doc"]]
        if ok:
            right.append(row)
        else:
            wrong.append((row, ", ".join(f"{a.status} from {a.result_doc or '-'}" for a in found) or "no target"))
    return right, wrong


def test_key_is_what_the_issue_describes() -> None:
    rows = key_rows()
    comparable = [r for r in rows if r["verdict"] != "no data"]
    assert len(comparable) == 52
    assert {r["year"] for r in comparable} == {str(y) for y in range(2012, 2019)}
    # every result comes from the report after the target's
    for r in comparable:
        assert r["result_doc"] == f"hailaer_{int(r['year']) + 1}.txt"


def test_verdicts_match_the_key_at_least_as_well_as_now(store: Store) -> None:
    right, wrong = judge(store)
    comparable_right = [r for r in right if r["verdict"] != "no data"]
    no_data_wrong = [(r, w) for r, w in wrong if r["verdict"] == "no data"]
    assert not no_data_wrong, f"verdicts where no result exists: {no_data_wrong}"
    assert len(comparable_right) >= CURRENT_FLOOR, "\n".join(f"{r} -> {w}" for r, w in wrong)


def test_verdicts_meet_the_issue_threshold(store: Store) -> None:
    right, _ = judge(store)
    assert sum(r["verdict"] != "no data" for r in right) >= 48


def test_a_goal_for_town_and_country_is_judged_for_each(store: Store) -> None:
    by_indicator = {a.indicator: a for a in monitor.targets(store, region="海拉尔区")
                    if a.target_year == 2013 and a.measure == "growth" and a.doc == "hailaer_2013.txt"}
    assert by_indicator["城镇居民人均可支配收入"].target == by_indicator["农村居民人均可支配收入"].target == 18
    assert "居民人均可支配收入" not in by_indicator  # the compound itself is no third target


def test_no_annual_target_is_judged_on_another_years_value(store: Store) -> None:
    assessed = monitor.targets(store, region="海拉尔区")
    judged = [a for a in assessed if a.annual and a.status in ("achieved", "not achieved")]
    assert len(judged) >= 30
    for a in judged:
        assert a.latest_year == a.target_year, a
        assert a.result_doc and a.result_doc != a.doc or a.result_doc == a.doc and a.latest_kind != "target"


def test_a_verdict_names_the_document_of_the_target_and_of_the_result(store: Store) -> None:
    [gdp] = [
        a
        for a in monitor.targets(store, region="海拉尔区", indicator="地区生产总值")
        if a.period == "2014" and a.measure == "level"
    ]
    assert (gdp.target, gdp.doc, gdp.status) == (282, "hailaer_2014.txt", "not achieved")
    assert (gdp.latest, gdp.latest_year, gdp.result_doc) == (274.4, 2014, "hailaer_2015.txt")


def test_a_level_target_is_never_judged_on_a_value_from_before_its_year(store: Store) -> None:
    # 2017: 全社会固定资产投资增长10%,达到110.7亿元 — the 2018 report gives no investment result; the
    # only levels are from earlier years (155.4 in 2011), which once made it "achieved".
    [fai] = [
        a
        for a in monitor.targets(store, region="海拉尔区", indicator="固定资产投资")
        if a.period == "2017" and a.measure == "level"
    ]
    assert fai.status == "no data" and fai.latest is None
    assert fai.direction == "up"
    assert "2016" in fai.note


def test_qualified_names_resolve_to_the_plain_indicator(store: Store) -> None:
    # 区本级固定资产投资 (target, 2014 report) and 区本级固定资产投资完成121.1亿元 (result, 2015 report)
    [fai] = [
        a
        for a in monitor.targets(store, region="海拉尔区", indicator="固定资产投资")
        if a.period == "2014" and a.measure == "level"
    ]
    assert (fai.indicator, fai.status, fai.latest, fai.direction) == ("固定资产投资", "achieved", 121.1, "up")


def test_a_growth_target_is_judged_from_levels_when_no_rate_is_reported(store: Store) -> None:
    # 2015: 社会消费品零售总额增长11.5%; the 2016 report gives only the level 136.3 (2015 report: 123.4 for 2014)
    [retail] = [
        a
        for a in monitor.targets(store, region="海拉尔区", indicator="社会消费品零售总额")
        if a.period == "2015" and a.measure == "growth"
    ]
    assert retail.status == "not achieved"
    assert retail.latest == pytest.approx(100 * (136.3 / 123.4 - 1))
    assert retail.result_doc == "hailaer_2016.txt"


def test_jinzhou_14th_plan_takes_its_own_baseline_and_judges_nothing_from_before_it(tmp_path: Path) -> None:
    with Store(tmp_path / "jz.db") as s:
        assert s.ingest(sorted((REPO / "planwatch" / "sample").glob("*.txt")), actor="test").ok
        rows = monitor.targets(s, region="锦州市", plan="十四五")
    jobs = [a for a in rows if a.indicator == "城镇新增就业" and a.period == "2025"]
    assert jobs and all((a.baseline, a.baseline_year) == (1.76, 2020) for a in jobs)
    assert jobs[0].baseline_doc == jobs[0].doc == "004_9898a4a294c82fae.txt"
    assert not [a for a in rows if a.status in ("achieved", "not achieved")]
    assert any(a.note.startswith("latest value before the plan period") for a in rows)


def test_demo_shows_verdicts_in_one_screen(tmp_path: Path) -> None:
    from conftest import run_planwatch

    result = run_planwatch("demo", "--db", str(tmp_path / "demo.db"), timeout=120)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) <= 80
    verdicts = sum(line.count("已完成") + line.count("未完成") for line in lines)
    no_data = sum(line.count("无数据") for line in lines)
    assert verdicts >= 10 and verdicts > no_data
    assert "2014  地区生产总值            282亿元 / 11%    274.4 / 9.1%   未完成 / 未完成" in result.stdout
    assert any("城镇新增就业" in line and "1.76 (2020)" in line for line in lines)
