"""Wider unseen round u (issue 11): four documents annotated by hand before the extractor ran on them.

重庆's 2022Q1 press-conference news, 缙云县's 2023H1 statistics page, 新县's 2019 work report (a forum copy
on one line) and 江州区's 2019 bulletin (an aggregator's copy).  The round's reference
(``tests/data/wider/gold/ranges-u.json`` and ``wu_*.jsonl``) is scored as the hidden set is, with and
without the manifest's region and date; the floors are just under the figures after the round's rules, and
the facts below pin what was read, right and wrong, so a change in either direction shows
(``docs/wider-unseen-rounds.md``, round u).
"""
from pathlib import Path

from conftest import WIDER, score_wider_round_both

import planwatch
from planwatch.context import StatedContext


def test_round_u_reference_is_scored_with_and_without_the_manifest(tmp_path: Path) -> None:
    # the hidden documents come with no manifest: only what the text says about region and date
    stated, unstated = score_wider_round_both(tmp_path, "u")
    # first sight: 0.977 with the manifest, 0.623 without (新县 filed under 河南省, 缙云县 undated and unplaced)
    assert stated["strict_f1"] >= 0.99
    assert unstated["strict_f1"] >= 0.99
    per_range = unstated["per_range"]
    assert per_range["wu_xx2019"]["all_fields"] == 14 and per_range["wu_jy2023h1"]["all_fields"] == 41


def _text_alone(tmp_path: Path, rel: str) -> planwatch.Document:
    """A round-u document read from its text alone: copied under a name that says nothing."""
    (tmp_path / "page.txt").write_text((WIDER / rel).read_text(encoding="utf-8"), encoding="utf-8")
    return planwatch.extract(tmp_path / "page.txt", StatedContext())


def test_a_report_copied_onto_one_line_is_known_by_its_own_title(tmp_path: Path) -> None:
    # "2019年新县政府工作报告 ——2019年2月16日在县十四届人大三次会议上 …获评河南省旅游扶贫示范县…": the title
    # ends at the dash; before, the whole line was the title and the province it names was the region
    xx = _text_alone(tmp_path, "reports/xinxian_2019.txt")
    assert (xx.region, xx.year) == ("新县", 2019)
    assert {(f.period, f.region) for f in xx.facts} == {("2018", "新县")}
    said = [(f.text, f.value, f.unit) for f in xx.facts if f.text.endswith("亿")]
    assert said == [("1个亿", 1, "亿")]  # "连续三年每年增加1个亿" (before: a count 1个 named 亿)
    # what is left: the increase is named after the revenue it adds to (the reference: its yearly increase)
    assert [f.indicator for f in xx.facts if f.text == "1个亿"] == ["一般公共预算收入"]


def test_a_county_page_that_names_its_county_once_by_its_short_name(tmp_path: Path) -> None:
    # "上半年,缙云全县上下…" and "据初步核算,2023年上半年全县实现生产总值…": region and year from the text
    jy = _text_alone(tmp_path, "news/jinyun_2023h1.txt")
    assert (jy.region, jy.year) == ("缙云县", 2023)
    assert {(f.period, f.region) for f in jy.facts} == {("2023H1", "缙云县")}
    kinds = {f.text: (f.measure, f.indicator) for f in jy.facts if f.start < 210}
    assert kinds["6.0%"] == ("avg_growth", "地区生产总值") and kinds["1.0个百分点"] == ("change_pp", "地区生产总值")
    # a rank and a three-part ratio are no facts
    assert not [f for f in jy.facts if f.text in ("2", "4.2", "46.7", "49.1")]


def test_a_headline_gdp_and_a_list_named_before_its_numbers(tmp_path: Path) -> None:
    cq = _text_alone(tmp_path, "news/chongqing_2022q1.txt")
    assert (cq.region, cq.year) == ("重庆市", 2022)
    # "开门稳!一季度重庆实现GDP 6398亿元,同比增长5.2%" (before: the level missed)
    assert [(f.text, f.indicator, f.period) for f in cq.facts][:2] == [
        ("6398亿元", "地区生产总值", "2022Q1"), ("5.2%", "地区生产总值", "2022Q1")]
    named = [f.indicator for f in cq.facts if f.text in ("16.8%", "25.4%")]
    assert named == ["汽车制造业", "电气机械及器材制造业"]
    rng = [f for f in cq.facts if f.text == "2.6%-16.4%"][0]
    assert (rng.value, rng.value_high, rng.qualifier) == (2.6, 16.4, "at_least")
    # the universe of a count is no fact ("39个大类行业中有29个行业增加值增长")
    assert [f.text for f in cq.facts if f.text in ("39个", "29个")] == ["29个"]
    # left as it was: the yield of the 涪优928 variety promoted in 涪陵、万州 is given the city (the reference too)
    assert {f.region for f in cq.facts if f.text in ("3000公斤", "2.6%-16.4%")} == {"重庆市"}


def test_an_aggregator_bulletin_with_a_footnote_mark_and_a_slip_in_its_unit(tmp_path: Path) -> None:
    jz = _text_alone(tmp_path, "bulletins/jiangzhou_2019.txt")
    assert (jz.region, jz.year) == ("江州区", 2019)
    gdp = [f for f in jz.facts if f.text == "1975798万元"][0]
    # "全年江州区生产总值[2](GDP)1975798万元" (before the round's rules: named 江州区生产总值(GDP))
    assert (gdp.indicator, gdp.value, gdp.period) == ("地区生产总值", 1975798, "2019")
    # the source's slip is kept as written (税收收入83518亿元): a value is what the text says
    assert [(f.value, f.unit) for f in jz.facts if f.indicator == "税收收入" and f.measure == "level"] == [
        (83518, "亿元")]
    # "第一、二、三产业增加值占生产总值的比重分别为16.1%、29.0%、54.9%" (before: 第一业…, 二产业…, 三产业…)
    shares = [f.indicator for f in jz.facts if f.start in (271, 277, 283)]
    assert shares == [f"第{n}产业增加值占生产总值的比重" for n in "一二三"]
    # left: "对经济增长的贡献率分别为10.1%、44.3%、45.6%" keeps no industry in its names, and "全年财政收入93492万元"
    # is standardised as the general budget's revenue, the name the next sentence's 45376万元 has too
    assert {f.indicator for f in jz.facts if f.text in ("10.1%", "44.3%", "45.6%")} == {"对经济增长的贡献率"}
    assert [f.indicator for f in jz.facts if f.text in ("93492万元", "45376万元")] == ["一般公共预算收入"] * 2
