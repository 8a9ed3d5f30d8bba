"""Corrections: confirm, correct and reject, the audit log, and survival across re-ingest."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from conftest import SAMPLE_DIR, run_planwatch
from test_store_helpers import F, add, fact_id

from planwatch import monitor
from planwatch.model import Fact
from planwatch.store import CorrectionError, Store
from planwatch.store.records import fact_keys

PLAN = SAMPLE_DIR / "004_9898a4a294c82fae.txt"


@pytest.fixture
def store() -> Store:
    s = Store(":memory:")
    add(s, "a.txt", "锦州市", 2021, [F("1.8万人", "城镇新增就业", 1.8, "万人", kind="estimate"),
                                     F("12个", "项目", 12, "个")])  # fmt: skip
    return s


def test_correct_records_who_when_before_and_after(store: Store) -> None:
    fid = fact_id(store, text="1.8万人")
    row = store.correct(fid, by="li", note="the 十四五 table says 1.76", value="1.76")
    assert (row["value"], row["norm_value"], row["status"]) == (1.76, 1.76, "corrected")
    assert row["extracted"]["value"] == 1.8  # the fact as extracted is kept
    (entry,) = store.history(fid)
    assert (entry["actor"], entry["action"], entry["note"].endswith("the 十四五 table says 1.76")) == (
        "li",
        "correct",
        True,
    )
    assert entry["before"]["value"] == 1.8 and entry["after"]["value"] == 1.76 and entry["at"]
    (c,) = store.corrections()
    assert (c["by"], c["action"], c["changes"], c["before"]["value"], c["after"]["value"]) == (
        "li",
        "correct",
        {"value": 1.76},
        1.8,
        1.76,
    )


def test_correct_any_field_recomputes_what_depends_on_it(store: Store) -> None:
    fid = fact_id(store, text="12个")
    row = store.correct(fid, by="li", indicator="一般公共预算收入", region="凌河区", period="2021", kind="target",
                        qualifier="about")  # fmt: skip
    assert row["indicator_id"] is not None and row["indicator_key"] == row["indicator_id"]
    assert (row["region_id"], row["region_key"], row["region_parent_id"]) == ("210703", "210703", "210700")
    assert (row["period_start"], row["period_end"], row["kind"], row["qualifier"]) == (
        2021,
        2021,
        "target",
        "about",
    )


@pytest.mark.parametrize(
    ("changes", "message"),
    [({"start": "3"}, "cannot be corrected"), ({"colour": "red"}, "unknown field"), ({"value": "many"}, "number"),
     ({"measure": "size"}, "measure"), ({"kind": "hope"}, "kind"), ({"period": "soon"}, "period"),
     ({"qualifier": "roughly"}, "qualifier"), ({"indicator_id": "no_such"}, "unknown indicator")],
)  # fmt: skip
def test_invalid_corrections_are_refused(store: Store, changes: dict[str, str], message: str) -> None:
    fid = fact_id(store, text="1.8万人")
    with pytest.raises(CorrectionError, match=message):
        store.correct(fid, by="li", **changes)
    assert store.corrections() == []
    with pytest.raises(CorrectionError, match="no fact"):
        store.confirm(99999, by="li")
    with pytest.raises(CorrectionError, match="who"):
        store.confirm(fid, by=" ")


def test_confirm_and_reject_delete_nothing(store: Store) -> None:
    fid = fact_id(store, text="12个")
    assert store.confirm(fid, by="wang")["status"] == "confirmed"
    assert store.reject(fid, by="wang", note="a list number")["status"] == "rejected"
    assert all(r["id"] != fid for r in store.facts())
    assert any(r["id"] == fid for r in store.facts(include_rejected=True))
    assert monitor.series(store, "项目", region="锦州市") == []
    # confirming again brings it back
    assert store.confirm(fid, by="wang")["status"] == "confirmed"
    assert [e["action"] for e in store.history(fid)] == ["confirm", "reject", "confirm"]


def test_keys_survive_edits_elsewhere_and_relabelling() -> None:
    text = "全年实现地区生产总值111.5亿元，增长7.6%。"
    start = text.index("111.5")
    fact = Fact("x.txt", start, start + 7, "111.5亿元", "地区生产总值", "地区生产总值", "level", 111.5, "亿元",
                "actual", "2014", "凌河区")  # fmt: skip
    ((strict, loose),) = fact_keys("x.txt", [fact], text)
    # text added before the sentence: both keys unchanged
    moved = Fact(**{**fact.__dict__, "start": fact.start + 10, "end": fact.end + 10})
    assert fact_keys("x.txt", [moved], "前言前言前言前言前言" + text) == [(strict, loose)]
    # a better extractor relabels the fact: the strict key changes, the loose key does not
    relabelled = Fact(**{**fact.__dict__, "period": "2015", "indicator": "GDP"})
    ((strict2, loose2),) = fact_keys("x.txt", [relabelled], text)
    assert strict2 != strict and loose2 == loose


def test_a_correction_survives_a_new_version_and_reextraction(tmp_path: Path) -> None:
    doc = tmp_path / PLAN.name
    shutil.copy(PLAN, doc)
    db = tmp_path / "pw.db"
    store = Store(db)
    store.ingest([doc])
    gdp = [p for p in monitor.series(store, "地区生产总值", region="锦州市", measure="level") if p.period == "2020"]
    fid = gdp[0].fact_id
    store.correct(fid, by="li", value=1074.5, note="bulletin figure")
    other = [p for p in monitor.series(store, "地区生产总值", region="锦州市") if p.kind == "target"][0].fact_id
    store.reject(other, by="li")
    # same content again: nothing changes
    assert store.ingest([doc]).results[0].status == "unchanged"
    # a new version (the file changed elsewhere): the correction and the rejection follow their facts
    with doc.open("a", encoding="utf-8") as f:
        f.write("\n附：本纲要由市发展改革委负责解释。\n")
    result = store.ingest([doc]).results[0]
    assert (result.status, result.reapplied, result.orphaned) == ("updated", 2, 0)
    new = [r for r in store.facts(indicator="地区生产总值", region="锦州市", include_rejected=True)
           if r["start"] == gdp[0].start]  # fmt: skip
    assert len(new) == 1 and new[0]["id"] != fid
    assert (new[0]["value"], new[0]["status"], new[0]["is_current"]) == (1074.5, "corrected", 1)
    assert any(r["status"] == "rejected" and r["is_current"] for r in store.facts(include_rejected=True))
    # the old fact is still there, not current, corrected
    old = store.fact(fid)
    assert (old["is_current"], old["value"]) == (0, 1074.5)
    # a re-extraction of the same content: the correction is applied again
    store.ingest([doc], reextract=True)
    levels = monitor.series(store, "地区生产总值", region="锦州市", measure="level")
    current = [p for p in levels if p.start == gdp[0].start]
    assert [(p.value, p.status) for p in current] == [(1074.5, "corrected")]
    assert len(store.corrections()) == 2  # nothing was deleted or duplicated
    store.close()
    # and through the CLI on the same database
    again = run_planwatch("series", "地区生产总值", "--region", "锦州市", "--format", "json", "--db", str(db))
    assert again.returncode == 0, again.stderr
    assert any(p["value"] == 1074.5 and p["status"] == "corrected" for p in json.loads(again.stdout))


def test_cli_correct_confirm_reject(tmp_path: Path) -> None:
    db = tmp_path / "pw.db"
    s = Store(db)
    add(s, "a.txt", "锦州市", 2021, [F("1.8万人", "城镇新增就业", 1.8, "万人", kind="estimate")])
    fid = str(fact_id(s, text="1.8万人"))
    s.close()
    ok = run_planwatch("correct", fid, "--field", "value=1.76", "--field", "qualifier=about", "--by", "li",
                       "--note", "table 2", "--db", str(db))  # fmt: skip
    assert ok.returncode == 0, ok.stderr
    assert "corrected" in ok.stdout and "1.76" in ok.stdout
    bad = run_planwatch("correct", fid, "--field", "start=3", "--by", "li", "--db", str(db))
    assert bad.returncode == 2 and bad.stderr.count("\n") == 1 and "cannot be corrected" in bad.stderr
    missing = run_planwatch("reject", "424242", "--by", "li", "--db", str(db))
    assert missing.returncode == 2 and "no fact with id 424242" in missing.stderr
    assert run_planwatch("confirm", fid, "--by", "wang", "--db", str(db)).returncode == 0
    assert run_planwatch("reject", fid, "--by", "wang", "--db", str(db)).returncode == 0
    log = run_planwatch("history", fid, "--format", "json", "--db", str(db))
    assert [e["action"] for e in json.loads(log.stdout)] == ["reject", "confirm", "correct"]


def test_a_correction_is_committed_durably_and_an_ingest_is_not_slowed(tmp_path: Path) -> None:
    """A correction commits with ``synchronous=FULL`` (fsync of the WAL); an ingest keeps NORMAL.

    A power cut may cost an ingest its last few documents (a re-run restores them), never a
    person's correction.  Checked on the statements SQLite really runs, in order.
    """
    s = Store(tmp_path / "pw.db")
    statements: list[str] = []
    s.db.conn.set_trace_callback(statements.append)  # type: ignore[attr-defined]
    add(s, "a.txt", "锦州市", 2021, [F("1.8万人", "城镇新增就业", 1.8, "万人", kind="estimate")])
    assert not any("synchronous=FULL" in x for x in statements)
    statements.clear()
    s.correct(fact_id(s, text="1.8万人"), by="li", value="1.76")
    flow = [x for x in statements if x.startswith(("PRAGMA synchronous", "BEGIN", "COMMIT", "INSERT INTO corrections"))]
    assert flow == ["PRAGMA synchronous=FULL", "BEGIN IMMEDIATE", flow[2], "COMMIT", "PRAGMA synchronous=NORMAL"]
    assert flow[2].startswith("INSERT INTO corrections")
    assert s.db.query("PRAGMA synchronous")[0]["synchronous"] == 1  # NORMAL again for what follows
