"""The lean writer (issue 14): what is not stored twice is still answered the same."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import SAMPLE_DIR

from planwatch.store import Store

PLAN = SAMPLE_DIR / "004_9898a4a294c82fae.txt"


def _raw(store: Store, fact_id: int) -> str:
    return store.db.query("SELECT extracted FROM facts WHERE id = ?", (fact_id,))[0]["extracted"]


def test_a_fact_as_extracted_is_its_columns_until_corrected(tmp_path: Path) -> None:
    doc = tmp_path / "plan.txt"
    shutil.copy(PLAN, doc)
    store = Store(tmp_path / "pw.db")
    store.ingest([doc])
    row = store.db.query("SELECT id, value FROM facts WHERE text = '2.1%' AND indicator_id IS NOT NULL LIMIT 1")[0]
    fid = int(row["id"])
    assert _raw(store, fid) == ""  # not stored a second time
    assert store.fact(fid)["extracted"]["value"] == row["value"]
    store.correct(fid, by="li", value=9.9)
    assert _raw(store, fid) != ""  # written out before the columns changed
    assert store.fact(fid)["extracted"]["value"] == row["value"] and store.fact(fid)["value"] == 9.9
    # a new version of the document: the correction is applied to the new fact, which keeps its
    # own extracted state
    doc.write_text(doc.read_text(encoding="utf-8") + "\n附注。\n", encoding="utf-8")
    store.ingest([doc])
    new = store.db.query(
        "SELECT f.id FROM facts f WHERE f.is_current = 1 AND f.status = 'corrected' AND f.value = 9.9")
    assert len(new) == 1
    assert store.fact(int(new[0]["id"]))["extracted"]["value"] == row["value"]


def test_a_project_mention_as_extracted_is_its_columns_until_corrected(tmp_path: Path) -> None:
    import json

    from planwatch.store.projects import ProjectCorrections

    store = Store(tmp_path / "pw.db")
    store.ingest([PLAN])
    row = store.db.query("SELECT id, name, stage FROM project_mentions WHERE name = '锦州市文化艺术中心' LIMIT 1")[0]
    mid = int(row["id"])
    raw = store.db.query("SELECT extracted FROM project_mentions WHERE id = ?", (mid,))[0]["extracted"]
    assert raw == ""
    fix = ProjectCorrections(store)
    assert json.loads(fix.mention(mid)["extracted"])["stage"] == row["stage"] == "completed"
    fix.correct(mid, by="li", stage="construction")
    raw = store.db.query("SELECT extracted, stage FROM project_mentions WHERE id = ?", (mid,))[0]
    assert raw["stage"] == "construction" and json.loads(raw["extracted"])["stage"] == "completed"
