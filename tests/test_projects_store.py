"""Key projects in the store: linked across documents, tracked, corrected, and the commands.

The sample documents are ingested once per module into a temporary SQLite file; corrections
are made on a copy so that the other tests see the documents as extracted.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from conftest import SAMPLE_DIR, run_planwatch

from planwatch.monitor.projects import ProjectQueries
from planwatch.store import Store
from planwatch.store.projects import ProjectCorrections, ProjectError

# The 锦州 documents (the project reference is about them; the sample's 海拉尔区 reports are not).
JINZHOU = sorted(SAMPLE_DIR.glob("*.txt"))

STAGE_ORDER = ["planning", "signed", "started", "construction", "topped_out", "completed", "operating"]


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("projects") / "sample.db"
    with Store(db) as store:
        report = store.ingest(JINZHOU)
        assert report.ok and report.count("added") == 5
    return db


@pytest.fixture
def store_copy(sample_db: Path, tmp_path: Path) -> Store:
    copy = tmp_path / "copy.db"
    shutil.copy(sample_db, copy)
    return Store(copy)


def test_maoye_center_is_one_project_across_three_documents(sample_db: Path) -> None:
    with Store(sample_db) as store:
        detail = ProjectQueries(store).project("茂业中心")
    assert detail.summary.name == "茂业中心"
    assert {"茂业中心", "茂业中心项目", "茂业百货"} <= set(detail.summary.names)
    docs = {h.doc[:3] for h in detail.history}
    assert docs == {"000", "001", "003"}  # 2011/2012 report, 2014 data, the district plan
    assert detail.summary.region == "凌河区"
    # the stages stated as done or expected, in order of time, never go back
    stages = detail.stage_sequence()
    assert stages == [("2011", "construction"), ("2014", "construction"), ("2014", "topped_out"),
                      ("2015", "operating")]
    orders = [STAGE_ORDER.index(s) for _, s in stages]
    assert orders == sorted(orders)
    # the history is in time order and ends with the plan's review of 2016-2020
    assert [h.period for h in detail.history][0] == "2011"
    assert detail.history[-1].period == "2016-2020" and detail.history[-1].doc.startswith("003")
    # each statement keeps its provenance
    for h in detail.history:
        with Store(sample_db) as store:
            assert store.document_text(h.document_id)[h.start:h.end] == h.text


def test_other_spellings_find_the_same_project(sample_db: Path) -> None:
    with Store(sample_db) as store:
        ps = ProjectQueries(store)
        assert ps.project("茂业中心项目").summary.id == ps.project("茂业百货").summary.id
        sk = ps.project("思凯农副产品国际物流园")
        assert {h.doc[:3] for h in sk.history} == {"000", "003", "004"}
        assert (sk.summary.investment, sk.summary.investment_unit) == (4.5, "亿元")  # the plan's 二期
        with pytest.raises(ProjectError):
            ps.project("不存在的项目名称")


def test_projects_filtered_by_region_stage_and_sector(sample_db: Path) -> None:
    with Store(sample_db) as store:
        ps = ProjectQueries(store)
        industry = {p.name: p for p in ps.projects(region="锦州市", sector="工业")}
        motor = industry["莱茵动力（锦州）公司高集成化三合一动力总成系统"]
        assert (motor.investment, motor.investment_unit, motor.owner) == (56, "亿元", "莱茵动力（锦州）公司")
        # 锦州市 includes its counties and districts
        assert "义县辉山国大乳业" in industry and "凌河区" in {p.region for p in ps.projects(region="锦州市")}
        building = {p.name for p in ps.projects(region="凌河区", stage="在建")}
        assert "凌河紫荆圣泉度假山庄" in building and "茂业中心" not in building  # 茂业中心 is past that
        done = ps.projects(region="凌河区", stage="completed")
        assert all(p.stage == "completed" for p in done)
        with pytest.raises(ProjectError, match="unknown stage"):
            ps.projects(stage="finished-ish")


def test_investments_and_counts_point_to_facts(sample_db: Path) -> None:
    with Store(sample_db) as store:
        row = [r for r in ProjectQueries(store).mentions() if r["name"].startswith("莱茵动力（锦州）公司")][0]
        fact = store.fact(row["investment_fact_id"])
        assert (fact["value"], fact["unit"], fact["text"]) == (56, "亿元", "56 亿元")
        counts = ProjectQueries(store).counts(region="凌河区")
        five = [c for c in counts if c["members"] == ["北苑新城", "沈铁锦州物流基地"]][0]
        assert (five["value"], five["stage"], five["fact_value"]) == (5, "completed", 5)


def test_a_corrected_fact_is_the_investment_the_project_shows(store_copy: Store) -> None:
    ps = ProjectQueries(store_copy)
    row = [r for r in ps.mentions() if r["name"].startswith("莱茵动力（锦州）公司")][0]
    store_copy.correct(row["investment_fact_id"], by="li", value=60)
    assert ps.project(row["project_id"]).summary.investment == 60


def test_mention_corrections_survive_reingest_and_are_audited(store_copy: Store, tmp_path: Path) -> None:
    ps, fix = ProjectQueries(store_copy), ProjectCorrections(store_copy)
    topped = [r for r in ps.mentions() if r["name"] == "茂业中心项目" and r["stage"] == "topped_out"][0]
    fix.correct(topped["id"], by="wang", note="see the 2015 report", stage="竣工", period="2014")
    assert ps.mention(topped["id"])["stage"] == "completed"
    assert ps.mention(topped["id"])["status"] == "corrected"
    bad = [r for r in ps.mentions() if r["name"] == "金融中心" and r["doc"].startswith("000")][0]
    fix.reject(bad["id"], by="wang", note="a district, not a project")
    assert "金融中心" not in {p.name for p in ps.projects(region="凌河区")}
    # a new extraction of every document: the corrections find their mentions again
    report = store_copy.ingest(JINZHOU, reextract=True)
    assert report.ok
    stages = {(r["stage"], r["status"]) for r in ps.mentions() if r["name"] == "茂业中心项目"}
    assert ("completed", "corrected") in stages and ("topped_out", "extracted") not in stages
    assert "金融中心" not in {r["name"] for r in ps.mentions() if r["doc"].startswith("000")}
    again = [r for r in ps.mentions(include_rejected=True) if r["name"] == "金融中心" and r["doc"].startswith("000")]
    assert [r["status"] for r in again] == ["rejected"]
    # the old version's mentions stay, not current
    assert len(ps.mentions(current=False)) > len(ps.mentions())
    actions = [h["action"] for h in fix.history()]
    assert {"correct", "reject", "reapply_correct", "reapply_reject"} <= set(actions)
    with pytest.raises(ProjectError, match="unknown field"):
        fix.correct(topped["id"], by="wang", colour="red")
    with pytest.raises(ProjectError, match="--by"):
        fix.confirm(topped["id"], by=" ")


def test_relinking_a_mention(store_copy: Store) -> None:
    ps, fix = ProjectQueries(store_copy), ProjectCorrections(store_copy)
    maoye = ps.project("茂业中心").summary
    baihuo = [r for r in ps.mentions(project_id=maoye.id) if r["name"] == "茂业百货"][0]
    moved = fix.link(baihuo["id"], None, by="zhao", note="the department store is its own project")
    assert moved["project_id"] != maoye.id
    assert ps.project(maoye.id).summary.n_mentions == maoye.n_mentions - 1
    assert [r["id"] for r in ps.mentions(project_id=moved["project_id"])] == [baihuo["id"]]
    back = fix.link(baihuo["id"], maoye.id, by="zhao")
    assert back["project_id"] == maoye.id
    assert ps.project(maoye.id).summary.n_mentions == maoye.n_mentions


def test_unchanged_documents_add_no_mentions(sample_db: Path, tmp_path: Path) -> None:
    copy = tmp_path / "again.db"
    shutil.copy(sample_db, copy)
    with Store(copy) as store:
        before = len(ProjectQueries(store).mentions(current=False))
        store.ingest(JINZHOU)
        assert len(ProjectQueries(store).mentions(current=False)) == before


def test_commands(sample_db: Path) -> None:
    out = run_planwatch("projects", "--region", "凌河区", "--stage", "在建", "--format", "json", "--db", str(sample_db))
    assert out.returncode == 0, out.stderr
    rows = json.loads(out.stdout)
    assert "凌河紫荆圣泉度假山庄" in {r["name"] for r in rows} and all(r["stage"] == "construction" for r in rows)
    page = run_planwatch("project", "茂业中心", "--format", "json", "--db", str(sample_db))
    assert page.returncode == 0, page.stderr
    detail = json.loads(page.stdout)
    assert [s["stage"] for s in detail["stages"]] == ["construction", "construction", "topped_out", "operating"]
    table = run_planwatch("project", "茂业中心", "--db", str(sample_db))
    assert "主体封顶" in table.stdout and "003_821d0610ff899f65.txt" in table.stdout
    csv = run_planwatch("projects", "--sector", "工业", "--format", "csv", "--db", str(sample_db))
    assert csv.stdout.splitlines()[0].startswith("id,name,region,sector")
    bad = run_planwatch("projects", "--stage", "nonsense", "--db", str(sample_db))
    assert bad.returncode == 2 and bad.stderr.startswith("planwatch: error: unknown stage")
    missing = run_planwatch("project", "没有这个项目", "--db", str(sample_db))
    assert missing.returncode == 2 and "no project named" in missing.stderr


def test_extract_projects_command() -> None:
    out = run_planwatch("extract-projects", str(SAMPLE_DIR / "000_6cc6ed5f7fc9b850.txt"), "--format", "jsonl")
    assert out.returncode == 0, out.stderr
    rows = [json.loads(line) for line in out.stdout.splitlines()]
    mentions = [r for r in rows if r["type"] == "mention"]
    assert {"北苑新城", "茂业中心项目"} <= {m["name"] for m in mentions}
    assert any(r["type"] == "count" and r["value"] == 28 for r in rows)


def test_the_linking_index_stays_small(sample_db: Path) -> None:
    """Generic names link to nothing, so they are not kept as keys (and other counties' keys are not read).

    With 100,000 generated documents the key look-up of each new mention had come to read ~800 rows
    of the same generic name in other units (5.7 ms a mention); without them it reads a handful.
    """
    from planwatch.projects.names import is_generic_key

    store = Store(sample_db)
    keys = [r["key"] for r in store.db.query("SELECT key FROM project_keys")]
    assert len(keys) > 100 and not [k for k in keys if is_generic_key(k)]
    mentions = store.db.query("SELECT key, project_id FROM project_mentions")
    generic = [m for m in mentions if is_generic_key(m["key"])]
    assert len(generic) >= 3 and len({m["project_id"] for m in generic}) == len(generic)  # each its own project


def test_a_mention_that_links_two_projects_of_its_own_document_merges_them(tmp_path: Path) -> None:
    """Mentions and keys are written after the document's linking: a later mention that joins two
    projects made by earlier mentions of the same document (宝地城 and 茂业中心, through the alias in
    brackets) merges them, and the earlier mention and its key end up in the project that lives on."""
    import planwatch

    text = ("锦州市2020年政府工作报告\n今年，茂业中心项目开工建设，宝地城项目竣工投产，锦州港三期工程开工建设。"
            "宝地城购物中心项目投入运营。茂业中心（宝地城购物中心）二期主体封顶。")
    doc = planwatch.extract_text(text, context=planwatch.StatedContext(region="锦州市"))
    with Store(tmp_path / "merge.db") as store:
        assert store.ingest_document(doc, doc_key="report").status == "added"
        projects = {r["id"]: r["merged_into"] for r in store.db.query("SELECT id, merged_into FROM projects")}
        assert projects == {1: None, 2: 1, 3: None}
        mentions = store.db.query("SELECT id, seq, name, project_id FROM project_mentions ORDER BY seq")
        assert [(m["name"], m["project_id"]) for m in mentions] == [
            ("茂业中心项目", 1), ("宝地城项目", 1), ("锦州港三期工程", 3), ("宝地城购物中心项目", 1),
            ("茂业中心（宝地城购物中心）二期", 1)]
        keys = store.db.query("SELECT project_id, mention_id, key FROM project_keys ORDER BY id")
        by_seq = {m["id"]: m["seq"] for m in mentions}
        assert [(k["project_id"], by_seq[k["mention_id"]], k["key"]) for k in keys] == [
            (1, 0, "茂业中心"), (1, 1, "宝地城"), (3, 2, "锦州港"), (1, 3, "宝地城购物中心")]
        assert [r["action"] for r in store.db.query("SELECT action FROM audit_log ORDER BY id")] == [
            "project_merge", "ingest"]
