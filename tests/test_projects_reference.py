"""The hand-made reference set of project mentions, and the extractor's scores on it.

The reference (``tests/data/projects_reference.jsonl``, rules in ``docs/projects-reference.md``)
must itself be grounded like every fact; the scores are floors well below the figures
``python -m planwatch.projects.evaluate`` reports, so that a regression fails but an unrelated
change of the indicator extractor's scope does not.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import SAMPLE_DIR

from planwatch.projects.evaluate import DEFAULT_REFERENCE, Scores, evaluate, load_reference
from planwatch.projects.taxonomy import load_project_taxonomy

REFERENCE = Path(__file__).parent / "data" / "projects_reference.jsonl"


def test_reference_is_grounded_and_uses_the_taxonomy() -> None:
    assert Path(DEFAULT_REFERENCE).resolve() == REFERENCE.resolve()
    zones, mentions = load_reference(REFERENCE)
    tax = load_project_taxonomy()
    texts = {p.name: p.read_text(encoding="utf-8") for p in SAMPLE_DIR.glob("*.txt")}
    assert {z["doc"] for z in zones} == set(texts)  # all five documents
    assert len(mentions) >= 80
    assert sum(1 for m in mentions if m.get("list_count")) >= 40  # the lists are in
    for m in mentions:
        text = texts[m["doc"]]
        assert text[m["start"]:m["end"]] == m["text"]
        assert m["name"] == "".join(m["text"].split())
        assert m["stage"] is None or tax.stage(m["stage"]) is not None
        assert m["sector"] is None or tax.sector(m["sector"]) is not None
        assert m["kind"] in ("actual", "estimate", "target")
        assert any(z["doc"] == m["doc"] and z["start"] <= m["start"] < z["end"] for z in zones)


@pytest.fixture(scope="module")
def scores() -> dict:
    return {split: evaluate(REFERENCE, SAMPLE_DIR, split) for split in ("dev", "heldout")}


def test_scores_on_the_development_zones(scores: dict) -> None:
    dev = scores["dev"]
    assert dev.precision >= 0.9 and dev.recall >= 0.9
    summary = dev.summary()
    assert summary["stage_accuracy"] >= 0.95 and summary["investment_accuracy"] >= 0.95
    assert summary["list_count_recall"] >= 0.85


def test_scores_on_the_held_out_zones(scores: dict) -> None:
    held = scores["heldout"]
    assert held.n_reference >= 80
    assert held.precision >= 0.9 and held.recall >= 0.97


# -- documents the project rules were not written from ------------------------------------
UNSEEN = Path(__file__).parent / "data" / "projects_reference_unseen.jsonl"
CORPUS_DIR = Path(__file__).parent / "data" / "corpus"


def test_unseen_reference_is_grounded() -> None:
    """Three provincial 2026 reports and two 海拉尔区 reports, annotated by hand (docs/projects-reference.md)."""
    zones, mentions = load_reference(UNSEEN)
    tax = load_project_taxonomy()
    assert len(zones) == 5 and len(mentions) >= 130
    texts = {z["doc"]: (CORPUS_DIR / z["doc"]).read_text(encoding="utf-8") for z in zones}
    for m in mentions:
        assert texts[m["doc"]][m["start"]:m["end"]] == m["text"] == m["name"]
        assert m["stage"] is None or tax.stage(m["stage"]) is not None
        assert any(z["doc"] == m["doc"] and z["start"] <= m["start"] < z["end"] for z in zones)


def test_scores_on_unseen_documents() -> None:
    """Issue 11 §7 asks 0.90 / 0.90; reached 0.978 / 0.942 (first 0.734 / 0.755, then 0.854 / 0.928)."""
    unseen = evaluate(UNSEEN, CORPUS_DIR)
    assert unseen.n_reference >= 130
    assert unseen.precision >= 0.95 and unseen.recall >= 0.93


# -- a second held-out reference: the wider corpus, every document annotated whole -----------
WIDER = Path(__file__).parent / "data" / "projects_reference_wider.jsonl"
WIDER_DIR = Path(__file__).parent / "data" / "wider"
NEW = Path(__file__).parent / "data" / "projects_reference_new.jsonl"
ROUND4 = Path(__file__).parent / "data" / "projects_reference_round4.jsonl"
#: the ten documents added to the wider corpus for a fresh unseen figure of the fact extractor
#: (ranges-f … ranges-i), annotated whole for projects too, before the project extractor was run on them
ROUND6 = Path(__file__).parent / "data" / "projects_reference_round6.jsonl"
#: the three documents of the fifth unseen round (ranges-j), annotated whole before either extractor ran
ROUND7 = Path(__file__).parent / "data" / "projects_reference_round7.jsonl"
#: the three documents of the sixth unseen round (ranges-k), annotated whole before either extractor ran
ROUND8 = Path(__file__).parent / "data" / "projects_reference_round8.jsonl"
#: round 9 of issue 11 §7: 贵州 2022 major-project list and Q1 starts, 黑龙江/吉林 2022 report plans, 山西 2018
#: key-works progress, annotated whole before the extractor ran on them
ROUND9 = Path(__file__).parent / "data" / "projects_reference_round9.jsonl"
#: round 10 of issue 11 §7: the openings of six city, district and county work reports (金安 2018, 蔡甸 2018,
#: 君山 2020, 上杭 2020, 潞州 2023, 安居 2022), annotated whole before the extractor ran on them
ROUND10 = Path(__file__).parent / "data" / "projects_reference_round10.jsonl"
#: the three documents of the seventh unseen round (ranges-l), annotated whole before either extractor ran
ROUND_L = Path(__file__).parent / "data" / "projects_reference_round_l.jsonl"
#: the three documents of the eighth unseen round (ranges-m), annotated whole before either extractor ran
ROUND_M = Path(__file__).parent / "data" / "projects_reference_round_m.jsonl"
#: the three documents of the ninth unseen round (ranges-n), annotated whole before either extractor ran
ROUND_N = Path(__file__).parent / "data" / "projects_reference_round_n.jsonl"
#: the four documents of the tenth unseen round (ranges-o), annotated whole before either extractor ran
ROUND_O = Path(__file__).parent / "data" / "projects_reference_round_o.jsonl"
#: round 11 of issue 11 §7: the plan parts of city and district documents (咸安区 2023 report tasks, 厦门 2016,
#: 中山 2024 key-project plan, 武汉 2018 key works), annotated whole before the extractor ran on them
ROUND11 = Path(__file__).parent / "data" / "projects_reference_round11.jsonl"
#: round 12 of issue 11 §7: the plan parts of city reports and city transport news (洪湖 2018 report, 荆州 2018 and
#: 临沂 2019 reports as news, 高邮 2019 transport plan), annotated whole before the extractor ran on them
ROUND12 = Path(__file__).parent / "data" / "projects_reference_round12.jsonl"
#: the three documents of the eleventh unseen round (ranges-p), annotated whole before either extractor ran
ROUND_P = Path(__file__).parent / "data" / "projects_reference_round_p.jsonl"
#: the five documents of the twelfth unseen round (ranges-q): whole zones, annotated after the fact extractor
#: ran on them and before the project extractor did
ROUND_Q = Path(__file__).parent / "data" / "projects_reference_round_q.jsonl"
ROUND_R = Path(__file__).parent / "data" / "projects_reference_round_r.jsonl"
#: the three documents of the fourteenth unseen round (ranges-s): whole zones, annotated before either extractor ran
ROUND_S = Path(__file__).parent / "data" / "projects_reference_round_s.jsonl"
#: the four documents of the fifteenth unseen round (ranges-t): whole zones, none names a project
ROUND_T = Path(__file__).parent / "data" / "projects_reference_round_t.jsonl"
#: the four documents of the wider unseen round u (ranges-u): whole zones, annotated before either extractor ran
ROUND_U = Path(__file__).parent / "data" / "projects_reference_round_u.jsonl"
#: the four documents of the round v (ranges-v): whole zones, annotated before either extractor ran
ROUND_V = Path(__file__).parent / "data" / "projects_reference_round_v.jsonl"


def _assert_grounded(zones: list[dict], mentions: list[dict], *, names: bool = True) -> None:
    """Each zone a whole document of tests/data/wider, each mention's text its span there; with
    ``names``, each name the text without spaces and each stage one of the taxonomy's."""
    tax = load_project_taxonomy()
    texts = {z["doc"]: (WIDER_DIR / z["doc"]).read_text(encoding="utf-8") for z in zones}
    for z in zones:
        assert (z["start"], z["end"]) == (0, len(texts[z["doc"]]))
    for m in mentions:
        assert texts[m["doc"]][m["start"]:m["end"]] == m["text"]
        if names:
            assert m["name"] == "".join(m["text"].split())
            assert m["stage"] is None or tax.stage(m["stage"]) is not None


def _scored_round(reference: Path, n_zones: int, n_mentions: int) -> Scores:
    """A round's reference, checked to be grounded in its texts (``n_zones`` documents, ``n_mentions``
    mentions), then scored on the wider folder."""
    zones, mentions = load_reference(reference)
    assert len(zones) == n_zones and len(mentions) == n_mentions
    _assert_grounded(zones, mentions)
    return evaluate(reference, WIDER_DIR)


def _false_mentions(reference: Path, n_docs: int) -> dict[str, int]:
    """A reference of whole documents that name no project: the mentions found in each (all false)."""
    zones, mentions = load_reference(reference)
    assert len(zones) == n_docs and not mentions
    _assert_grounded(zones, [], names=False)
    scores = evaluate(reference, WIDER_DIR)
    found = {doc: n_pred for doc, (n_ref, n_pred, _) in scores.by_doc.items() if n_ref == 0}
    assert len(found) == n_docs
    return found


#: round 5 of issue 11 §7: 广西 2013, 合肥 2015, 云南 2014, annotated whole before the extractor ran on them
ROUND5 = Path(__file__).parent / "data" / "projects_reference_round5.jsonl"


def test_wider_reference_is_grounded() -> None:
    """Every stored excerpt of tests/data/wider, each a zone: most name no project, so any mention
    found in them is a false positive (statistics news, reviews without projects)."""
    zones, mentions = load_reference(WIDER)
    tax = load_project_taxonomy()
    docs = {str(p.relative_to(WIDER_DIR)) for p in WIDER_DIR.rglob("*.txt")}
    # the documents added later for a fresh held-out figure have their own reference (NEW, below)
    later = (NEW, ROUND4, ROUND5, ROUND6, ROUND7, ROUND8, ROUND9, ROUND10, ROUND_L, ROUND_M, ROUND_N, ROUND_O,
             ROUND11, ROUND12, ROUND_P, ROUND_Q, ROUND_R, ROUND_S, ROUND_T, ROUND_U, ROUND_V)
    new_docs = {z["doc"] for ref in later for z in load_reference(ref)[0]}
    assert {z["doc"] for z in zones} | new_docs == docs and len(mentions) >= 30
    assert not {z["doc"] for z in zones} & new_docs
    texts = {d: (WIDER_DIR / d).read_text(encoding="utf-8") for d in docs}
    for z in zones:
        assert (z["start"], z["end"]) == (0, len(texts[z["doc"]]))
    for m in mentions:
        assert texts[m["doc"]][m["start"]:m["end"]] == m["text"]
        assert m["stage"] is None or tax.stage(m["stage"]) is not None


def test_scores_on_the_wider_reference() -> None:
    """First measured 0.684 / 0.394 (before any change for it); reached 0.931 / 0.818, then 0.938 / 0.909."""
    wider = evaluate(WIDER, WIDER_DIR)
    assert wider.n_reference >= 30
    assert wider.precision >= 0.9 and wider.recall >= 0.88
    # documents without a project stay without a mention
    quiet = [d for d, (n_ref, n_pred, _) in wider.by_doc.items() if n_ref == 0 and n_pred]
    assert quiet == []


# -- a third held-out reference: four documents added after the rules above were written ------
def test_new_reference_is_grounded() -> None:
    """海南 2011 key-project digest, 莱州 2020, 平阴 2019 and 蠡县 2017 reports, annotated whole
    before the extractor was run on them (docs/projects-reference.md)."""
    zones, mentions = load_reference(NEW)
    assert len(zones) == 4 and len(mentions) >= 50
    _assert_grounded(zones, mentions)


def test_scores_on_the_new_reference() -> None:
    """First measured 0.929 / 0.481 (before any change for it: the held-out estimate); floors a little
    below the 0.961 / 0.907 reached after the fixes, then 0.964 / 0.981 after round 4's
    (docs/projects-reference.md)."""
    new = evaluate(NEW, WIDER_DIR)
    assert new.n_reference >= 50
    assert new.precision >= 0.97 and new.recall >= 0.96  # 0.981 / 0.981 since round 9 (电网新建工程 no mention)


# -- a fourth held-out reference: four news documents of four more provinces -------------------
def test_round4_reference_is_grounded() -> None:
    """西藏 2011 roads, 荆州 2011 water works, 甘肃 2011 expressways and the 江西 2018 key-project list,
    annotated whole before the extractor was run on them; 福建 2017 Q1 major projects, annotated after
    the round's first rules, before any change for it; the 茂名 2017 report, annotated after them and
    scored once before the rules it prompted; the 湖南 2017 key-project list and the 赤峰 2025 report,
    annotated after all those rules and scored once before the last few (docs/projects-reference.md)."""
    zones, mentions = load_reference(ROUND4)
    assert len(zones) == 8 and len(mentions) >= 125
    assert not {z["doc"] for z in zones} & {z["doc"] for z in load_reference(NEW)[0]}
    _assert_grounded(zones, mentions)


def test_scores_on_the_round4_reference() -> None:
    """First measured 0.714 / 0.323 on the four documents (before any change for them: the held-out
    estimate), 1.000 / 0.071 on the fifth after their rules, 1.000 / 0.500 on the sixth after those,
    0.750 / 0.500 on the last two after all the rules before them (the held-out estimate after the
    round); floors a little below the 0.991 / 0.889 of all eight after the rules they prompted
    (docs/projects-reference.md)."""
    round4 = evaluate(ROUND4, WIDER_DIR)
    assert round4.n_reference >= 125
    assert round4.precision >= 0.97 and round4.recall >= 0.90  # 0.991 / 0.913 after round 5's rules
    assert round4.summary()["stage_accuracy"] >= 0.95


def test_round6_reference_is_grounded_and_scored() -> None:
    """Ten statistics, plan and report excerpts, most without projects; first measured 0.500 / 0.571
    (four false mentions from a strategy's parts listed before 等…工程 in 锡林郭勒盟's plan, 两转双赢转人、
    减畜、增绿、增收战略; missed: a signed pair counted as 两个项目 without 等, and works named by a land
    acquisition statement); 0.600 / 0.857 once a count right after the names closes their list
    (A、B两个项目); 0.857 / 0.857 since round 9 (a strategy's parts before its head 战略 are dropped; left: the
    programme 京津风沙源治理 after it). The floors keep those figures from falling."""
    zones, mentions = load_reference(ROUND6)
    assert len(zones) == 10 and len(mentions) == 7
    _assert_grounded(zones, mentions, names=False)
    scores = evaluate(ROUND6, WIDER_DIR)
    assert scores.precision >= 0.85 and scores.recall >= 0.85


def test_round7_reference_is_grounded_and_scored() -> None:
    """黑龙江 2010H1 news, 河北 1至8月 2024 release news (no projects: any mention is false) and the 汉滨区
    2025 report (two works put into operation before 等99个项目); first measured 1.000 / 1.000, kept."""
    zones, mentions = load_reference(ROUND7)
    assert len(zones) == 3 and len(mentions) == 2
    _assert_grounded(zones, mentions, names=False)
    scores = evaluate(ROUND7, WIDER_DIR)
    assert scores.precision >= 1.0 and scores.recall >= 1.0
    assert [n_pred for n_ref, n_pred, _ in scores.by_doc.values() if n_ref == 0] == [0, 0]


def test_round8_reference_is_grounded_and_scored() -> None:
    """鲤城区 十三五 outline review, 海南 2021Q1 statistics news and 2010 bulletin opening: no project
    is named in any of them, so every project mention found there is a false positive. First measured:
    none in the two statistics documents (kept), six in 鲤城区's review (``围绕建设创新型和谐文化名城``, the
    sectors of ``以商贸、金融、电子商务、文化创意、文化旅游为代表的现代服务业``); none since round 9 (a clause of
    purpose names the aim; exemplars that are sectors name no project)."""
    assert sum(_false_mentions(ROUND8, 3).values()) == 0


def test_round5_reference_is_grounded_and_scored() -> None:
    """Round 5 of issue 11 §7: 广西 2013 supplementary major-project list, the 合肥 2015 report's industry
    paragraph and 云南 2014 transport news, annotated whole before the extractor was run on them; first
    measured 0.783 / 0.450 (the held-out estimate: 云南's lists of short railway names after 推进…建设 and
    its airports missed, 广西's 1、2号 split); 0.971 / 0.850 after the round's rules (stage 0.611 → 0.882).
    The floors keep the figures reached from falling."""
    scores = _scored_round(ROUND5, 3, 40)
    assert scores.precision >= 0.96 and scores.recall >= 0.84
    assert scores.summary()["stage_accuracy"] >= 0.85


def test_round9_reference_is_grounded_and_scored() -> None:
    """Round 9 of issue 11 §7: four news documents of provinces no project reference had (贵州 2022 list of
    provincial major projects by group and its Q1 collective start, the 黑龙江 and 吉林 parts of a digest of the
    2022 work reports, 山西 2018 key works completed early and not on time), annotated whole before the
    extractor was run on them, first measured 0.800 / 0.765; then three more (新疆 2022 1-8月 key projects,
    万州区 2022 half-year progress, 青海 2023 briefing) annotated after the round's rules and scored once,
    0.844 / 0.794; then two (交通运输部 2022 major transport works, 光明日报 2022 新疆) after all the round's
    rules, scored once, 1.000 / 0.357; then the 江阴 2023 report's review, 0.250 / 0.333; then two 上海 2023
    documents, 0.800 / 0.160 (docs/projects-reference.md). The floors keep the figures reached from falling.
    Kind 0.686 → 0.956 once a lead saying what follows is a plan (the digest's ``…进行了安排和部署``, the
    ministry's ``印发《…工作方案》``) and someone's words on what will be done (``龚正说，上海将…``) made targets."""
    scores = _scored_round(ROUND9, 12, 144)
    assert scores.precision >= 0.97 and scores.recall >= 0.94
    assert scores.summary()["stage_accuracy"] >= 0.97
    assert scores.summary()["kind_accuracy"] >= 0.95


def test_round10_reference_is_grounded_and_scored() -> None:
    """Round 10 of issue 11 §7: the openings of six city, district and county work reports of province-years no
    project reference had (金安区 2018, 蔡甸区 2018, 君山区 2020, 上杭县 2020, 潞州区 2023, 安居区 2022), annotated
    whole before the extractor was run on them and first measured 0.892 / 0.702 (stage 0.848): stage words it
    did not know (``全线动工``, ``正式铺轨``, ``主体结构完工``, ``主体竣工``, ``试运营``, ``获批``, ``全面实施``),
    a list of stations, parts of facilities (``…高速六安东出口``), a series of stages
    (``实现当年签约、当年开工、当年投产``); then two more (浔阳区 2011, 崇阳县 2016) annotated after those rules and
    scored once, 1.000 / 0.962 (docs/projects-reference.md).  The floors keep the figures reached from falling."""
    scores = _scored_round(ROUND10, 8, 73)
    assert scores.precision >= 0.98 and scores.recall >= 0.97
    summary = scores.summary()
    assert summary["stage_accuracy"] >= 0.99 and summary["kind_accuracy"] >= 0.8
    assert summary["list_count_recall"] >= 1.0
    # the second batch (浔阳区 2011, 崇阳县 2016), annotated after the round's rules and scored once: 1.000 / 0.962
    # (``西外环``: 外环, 内环, 环线 were then made facility words); its kind was low until the document's context
    # read the day in 崇阳's page header (``日期:2016/1/22``): the copy had been read as a report of 2015
    by_doc = scores.by_doc
    assert by_doc["reports/xunyang_2011.txt"][2] == 13 and by_doc["reports/chongyang_2016.txt"][2] == 13


def test_round_l_reference_is_grounded_and_scored() -> None:
    """涪陵区 2025 前三季度 release, 房县 2018 前三季度 news and 广州 十四五 outline news: no project is named in
    any of them (房县's ``5000万元以上项目投资`` is a category), so every project mention found there is a
    false positive. First measured: none in the two statistics documents (kept), two in 广州's goals
    (``建成国际消费中心和国际交流中心``: roles the city aims at read as two works completed); none since round 9
    (消费中心, 交流中心, 航运中心 are roles: non_project_heads)."""
    assert sum(_false_mentions(ROUND_L, 3).values()) == 0


def test_round_m_reference_is_grounded_and_scored() -> None:
    """襄城县 2020 bulletin, 安庆 1-8月 2022 release news and 万源 十四五 goals news: no project is named in any
    of them, so every project mention found there is a false positive.  First measured: none in the two
    statistics documents (kept), one in 万源's work plan (``重点抓好…打造宜居家园``: an aim read as a work under
    construction): a ceiling until fixed."""
    found = _false_mentions(ROUND_M, 3)
    assert sum(found.values()) <= 1
    assert [n for doc, n in sorted(found.items()) if "wanyuan" not in doc] == [0, 0]


def test_round_n_reference_is_grounded_and_scored() -> None:
    """大庆市统计局 analyses (2014 rural economy, 2016 上半年, 2017 一季度; the last two passages): one project named,
    ``杜尔伯特谷实公司生猪养殖项目`` in a bracketed note on what drove 一产投资 (``主要是大同棚室、…等带动``).  First
    measured: that mention missed (a floor of none found in the two later documents), and five false mentions in the
    2014 review, kinds of base a programme builds (``百亿斤粮食产能基地建设``, ``智能化浸种催芽基地``, ``规模养殖场``,
    ``现代农业示范区和畜牧水产养殖园区``): a ceiling until fixed."""
    zones, mentions = load_reference(ROUND_N)
    assert len(zones) == 3 and [m["name"] for m in mentions] == ["杜尔伯特谷实公司生猪养殖项目"]
    _assert_grounded(zones, mentions)
    scores = evaluate(ROUND_N, WIDER_DIR)
    assert scores.by_doc["releases/daqing_2016h1.txt"][1] == 0
    assert scores.by_doc["releases/daqing_2014_rural.txt"][1] <= 5
    assert scores.by_doc["releases/daqing_2017q1.txt"][0] == 1


def test_round_o_reference_is_grounded_and_scored() -> None:
    """兴隆台区 2008 report, 泉州 1—10月份 2022 release, 洞头区 2015 plan-execution report and 锡林浩特市 2008
    report: no project is named in any of them (``重点工业项目37项``, ``12个技改项目`` are unnamed counts), so every
    project mention found there is a false positive.  First measured: none in any of the four (a floor)."""
    assert sum(_false_mentions(ROUND_O, 4).values()) == 0


def test_round11_reference_is_grounded_and_scored() -> None:
    """Round 11 of issue 11 §7: the plan parts of city and district documents (咸安区 2023, the report's work items as
    its task plan repeats them; 厦门 2016 and 中山 2024, news of the year's works; 武汉 2018, a plan of key works to
    2019), annotated whole before the extractor was run on them and first measured 0.881 / 0.698 (kind 0.811, sector
    0.704): a year and an item number opening an item, numbered roads, ``城际``, ``过江通道``, stretches sharing a head,
    studies and plans as planning, an unquoted plan title as the lead, a portfolio group's field
    (docs/projects-reference.md).  The floors keep the figures reached from falling."""
    scores = _scored_round(ROUND11, 4, 53)
    assert scores.precision >= 0.94 and scores.recall >= 0.90
    summary = scores.summary()
    assert summary["stage_accuracy"] >= 0.99 and summary["kind_accuracy"] >= 0.99
    assert summary["sector_accuracy"] >= 0.8 and summary["list_count_recall"] >= 1.0
    # the two documents whose every mention is found, and 武汉's generic names of the city's airport works left
    # (``机场四期``, ``第三跑道``: five mentions)
    by_doc = scores.by_doc
    assert list(by_doc["reports/xianan_2023_tasks.txt"]) == [8, 8, 8]
    assert by_doc["news/zhongshan_2024_key_projects.txt"][2] == 7
    assert by_doc["news/wuhan_2018_key_works.txt"][2] >= 17


def test_round12_reference_is_grounded_and_scored() -> None:
    """Round 12 of issue 11 §7: the plan parts of city reports and city news of the year's works
    (洪湖 2018, a page of the report's plan; 荆州 2018 and 临沂 2019, the reports' plans as news; 高邮 2019,
    the transport plan), annotated whole before the extractor was run on them and first measured
    0.895 / 0.823 (kind 0.275: news of a report's plan read as its review); then 宿迁 2019 (the report's
    items as news), annotated after the round's rules and scored once, 0.933 / 0.737
    (docs/projects-reference.md).  The floors keep the figures reached from falling."""
    scores = _scored_round(ROUND12, 5, 81)
    assert scores.precision >= 0.96 and scores.recall >= 0.95
    summary = scores.summary()
    assert summary["stage_accuracy"] >= 0.98 and summary["kind_accuracy"] >= 0.85
    assert summary["sector_accuracy"] >= 0.99
    by_doc = scores.by_doc
    # 荆州's list run back over its commas (five items), 宿迁's second batch whole; 洪湖's page of a report without a
    # heading is still read as its review (7 kinds), 高邮's 通扬线航道整治工程 and 宁仪扬城际北延走廊 are left
    assert by_doc["news/jingzhou_2018_report_plan.txt"][2] == 17
    assert list(by_doc["news/suqian_2019_report_items.txt"]) == [19, 19, 19]
    assert list(by_doc["news/linyi_2019_report_transport.txt"]) == [16, 16, 16]
    assert by_doc["news/gaoyou_2019_transport.txt"][2] >= 18


def test_round_p_reference_is_grounded_and_scored() -> None:
    """赫章县 2021 bulletin, 北京市统计局's 1季度 2020 京津冀 note and 云南's 一季度 2023 news: no project is
    named in any of them (产业投资, 工业投资 are categories), so every project mention found there is a false
    positive.  First measured: none in any of the three (a floor)."""
    assert sum(_false_mentions(ROUND_P, 3).values()) == 0


def test_round_q_reference_is_grounded_and_scored() -> None:
    """泉州's 2012 report opening, 平遥县's 2017 bulletin, 丰泽区's 1-5月 2023 page, 安徽's 一季度 2019 news and
    安化县's 上半年 2021 page: no project is named in any (产业集群, 项目投资 are categories), so every project
    mention found there is a false positive.  First measured: none in any of the five (a floor)."""
    assert sum(_false_mentions(ROUND_Q, 5).values()) == 0


def test_round_r_reference_is_grounded_and_scored() -> None:
    """宜丰县's 2009 report opening (``宝成国际、欧尔玛陶瓷等7个投资上亿元的大项目成功落户宜丰``: two projects signed),
    江西's 上半年 2014 news, 旺苍县's goals to 2020 and 吉木萨尔县's 十三五 news (no project in the last three).
    Annotated after the extractor had run on them (a grounding, not a first-sight figure): both found, no false one."""
    scores = _scored_round(ROUND_R, 4, 2)
    assert scores.precision == 1.0 and scores.recall == 1.0


def test_round_s_reference_is_grounded_and_scored() -> None:
    """成都's 2014 report opening (``一汽大众三期扩能等159个项目竣工投产``,
    ``捷普基地、新筑轨道交通等266个项目进展顺利``: three listed projects), 天祝藏族自治县's 2015
    bulletin and 衡阳's 1-4月 2023 industry page (no project: 行业, 产业 and 百亿企业 are categories).
    Annotated before the project extractor ran on them; first sight: all three found with stage, kind
    and list count, no false one in any of the three documents (a floor)."""
    scores = _scored_round(ROUND_S, 3, 3)
    assert scores.precision == 1.0 and scores.recall == 1.0
    assert (scores.exact, scores.stage_right, scores.kind_right, scores.counts_found) == (3, 3, 3, 2)
    assert scores.by_doc["bulletins/tianzhu_2015.txt"][1] == 0
    assert scores.by_doc["releases/hengyang_2023m1m4.txt"][1] == 0


def test_round_t_reference_is_grounded_and_scored() -> None:
    """辽阳's 2018 bulletin, 安康's 上半年 2023 release, 包头's 2013 report opening and 长春's 一季度 2024 news: none
    names a project (钢铁、铝业、装备制造等五大支柱产业 and 煤化工、风力发电等战略性新兴产业 are industries, 七大产业
    and ``3转、4强、7新`` categories and a slogan, 动车组 and 城市轨道车辆 products).  Annotated before the project
    extractor ran on them; first sight: no mention found in any of the four (a floor)."""
    found = _false_mentions(ROUND_T, 4)
    assert found == {"bulletins/liaoyang_2018.txt": 0, "releases/ankang_2023h1.txt": 0,
                     "reports/baotou_2013.txt": 0, "news/changchun_2024q1.txt": 0}


def test_round_u_reference_is_grounded_and_scored() -> None:
    """重庆's 一季度 2022 news, 缙云县's 上半年 2023 page, 新县's 2019 report opening and 江州区's 2019 bulletin: no
    project is named in any (三个“一号工程”, 十项重大工程 and 乡村旅游富民工程 are programmes, 扶贫项目119个 a count
    of a category).  Annotated before the project extractor ran on them; first sight: one false mention
    (新县's ``推进乡村旅游富民工程``, read as a works under construction), none after the round's rule
    (projects.yaml ``non_project_heads``: 富民工程, 惠民工程, 民心工程)."""
    assert _false_mentions(ROUND_U, 4) == {"bulletins/jiangzhou_2019.txt": 0, "news/chongqing_2022q1.txt": 0,
                                           "news/jinyun_2023h1.txt": 0, "reports/xinxian_2019.txt": 0}


def test_round_v_reference_is_grounded_and_scored() -> None:
    """东西湖区's 2011 bulletin, 湘西州's 1-8月 2015 news, 兴文县's 2021 report opening and 黄冈's 2018 report news:
    none names a project (吴家山经济技术开发区 and 湘西经开区 are zones, ``3个百亿工业项目`` and ``引进招商项目95个``
    counts).  Annotated before the project extractor ran on them; first sight: one false mention, in 黄冈's news:
    ``如国地税收入双双突破百亿大关、市区实现3个百亿工业项目开工建设`` was read as a 、-list sharing 开工建设,
    its first item (a milestone passed, with its verb) taken for a project; a name holding a verb that passes
    a milestone's mark (lexicon ``milestones``: 突破…大关, 迈上…台阶) is now a clause, no project."""
    found = _false_mentions(ROUND_V, 4)
    assert sum(found.values()) == 0, found

