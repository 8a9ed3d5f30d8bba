"""The plan's main indicators as the default target list: its table's order and categories first."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from planwatch import monitor
from planwatch.monitor.plan_table import table_rows
from planwatch.monitor.targets import is_fragment
from planwatch.store import Store

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "planwatch" / "sample"
JINZHOU_14 = SAMPLE / "004_9898a4a294c82fae.txt"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    s = Store(tmp_path_factory.mktemp("plan") / "s.db")
    assert s.ingest([SAMPLE], actor="test").ok
    yield s
    s.close()


def test_main_indicators_come_first_in_the_tables_order_and_categories(store: Store) -> None:
    rows = monitor.targets(store, region="锦州市", plan="十四五")
    main = [a for a in rows if a.main]
    assert rows[: len(main)] == main  # the table first, then the other commitments
    names = list(dict.fromkeys(a.indicator for a in main))
    assert names[:4] == ["地区生产总值", "固定资产投资", "工业总产值", "研究与试验发展经费支出"]
    assert names[-2:] == ["粮食综合生产能力", "能源综合生产能力"]
    assert list(dict.fromkeys(a.category for a in main)) == ["经济发展", "创新能力", "民生福祉", "生态环境", "安全保障"]
    by = {(a.indicator, a.measure): a for a in main}
    assert by[("城镇新增就业", "level")].category == "民生福祉"
    # the GDP target the prose states first is still the table's main indicator
    assert by[("地区生产总值", "level")].category == "经济发展"
    # prose commitments are the second list
    assert any(not a.main and a.indicator == "人均公园绿地面积" for a in rows)


def test_fragments_are_never_targets(store: Store) -> None:
    names = {a.indicator for a in monitor.targets(store, region="锦州市", plan="十四五")}
    assert not names & {"中信钛业股份公司新建年产", "产值", "北镇市", "在各县（市）新建", "投资"}
    with_fragments = {a.indicator for a in monitor.targets(store, region="锦州市", plan="十四五", fragments=True)}
    assert "中信钛业股份公司新建年产" in with_fragments


@pytest.mark.parametrize(
    ("name", "fragment"),
    [
        ("宝钛华神公司新建年产", True),  # cut where 年产 10 万吨 was interrupted by its number
        ("桑德环境公司年处理", True),
        ("产值", True),  # a bare head
        ("北镇市", True),  # a bare place
        ("基础上推进300米覆盖、公共交通机动化分担率", True),
        ("危旧房屋的新建", True),  # 海拉尔区 2016: a verb without its object
        ("公交车进场率", False),
        ("各类养老床位", False),
        ("在全省乃至全国叫得响的艺术作品", False),  # a count of works is a commitment
        ("锦州港第二港池集装箱码头二期扩建", False),  # a project's name
        ("地区生产总值", False),
    ],
)
def test_is_fragment(store: Store, name: str, fragment: bool) -> None:
    assert is_fragment(store, name) is fragment


def test_category_rows_and_a_category_column_are_read() -> None:
    rows = table_rows(JINZHOU_14.read_text(encoding="utf-8"))
    assert {r.category for r in rows.values()} >= {"经济发展", "创新能力", "民生福祉", "生态环境", "安全保障"}
    text = (
        "| 类别 | 指标 | 2025年 |\n|---|---|---|\n| 经济发展 | 地区生产总值增长(%) | 6 |\n"
        "| | 全员劳动生产率(万元/人) | 20 |\n| 创新驱动 | 研发投入强度(%) | 2.5 |\n"
    )
    cats = [r.category for _, r in sorted(table_rows(text).items())]
    assert cats == ["", "经济发展", "经济发展", "创新驱动"]


def test_targets_json_carries_main_and_category(store: Store, tmp_path: Path) -> None:
    from conftest import run_planwatch

    db = tmp_path / "t.db"
    assert run_planwatch("ingest", str(JINZHOU_14), "--db", str(db)).returncode == 0
    out = run_planwatch("targets", "--region", "锦州市", "--plan", "十四五", "--format", "json", "--db", str(db))
    rows = json.loads(out.stdout)
    assert rows[0]["main"] and rows[0]["category"] == "经济发展" and rows[0]["indicator"] == "地区生产总值"
    assert not rows[-1]["main"]


def test_pages_of_targets_are_slices_of_the_whole_list(store: Store) -> None:
    """``target_page`` judges only its slice; the slices, in order, are the whole answer."""
    from planwatch.monitor.targets import target_page

    whole = [a.to_dict() for a in monitor.targets(store, region="锦州市")]
    assert len(whole) > 100
    pages, offset = [], 0
    while True:
        page = target_page(store, region="锦州市", limit=40, offset=offset)
        assert page.total == len(whole) and page.offset == offset
        if not page.items:
            break
        assert len(page.items) == min(40, len(whole) - offset)
        pages += [a.to_dict() for a in page.items]
        offset += len(page.items)
    assert pages == whole  # same order, same judgements (a page reads only its indicators' values)
    main = target_page(store, region="锦州市", plan="十四五", limit=3)
    assert [a.indicator for a in main.items] == ["地区生产总值", "地区生产总值", "固定资产投资"]
    assert all(a.main for a in main.items) and main.total > 3


def test_targets_command_pages_and_says_how_many_there_are(store: Store, tmp_path: Path) -> None:
    from conftest import run_planwatch

    db = tmp_path / "t.db"
    assert run_planwatch("ingest", str(JINZHOU_14), "--db", str(db)).returncode == 0
    whole = json.loads(run_planwatch("targets", "--region", "锦州市", "--format", "json", "--db", str(db)).stdout)
    out = run_planwatch("targets", "--region", "锦州市", "--format", "json", "--limit", "5", "--offset", "2",
                        "--db", str(db))  # fmt: skip
    assert out.returncode == 0 and json.loads(out.stdout) == whole[2:7]
    assert f"targets 3–7 of {len(whole)} (--offset 7 for more)" in out.stderr
    last = run_planwatch("targets", "--region", "锦州市", "--format", "json", "--limit", "5",
                         "--offset", str(len(whole) - 2), "--db", str(db))  # fmt: skip
    assert json.loads(last.stdout) == whole[-2:] and "for more" not in last.stderr
    bad = run_planwatch("targets", "--region", "锦州市", "--limit", "0", "--db", str(db))
    assert bad.returncode == 2 and "Traceback" not in bad.stderr


def test_ordering_a_page_reads_the_target_index_only(store: Store) -> None:
    """The columns that order a region's targets are all in ix_facts_targets (migration 6): SQLite
    reads the index, not thousands of table rows, before a page reads its own targets' rows."""
    from planwatch.monitor.series import LIVE
    from planwatch.monitor.targets import TARGET_ORDER_SELECT

    where = f"WHERE f.region_key = ? AND f.kind = 'target' AND {LIVE} AND f.period_end IS NOT NULL"
    narrowed = (("", ()), (" AND f.period_end BETWEEN ? AND ?", (2021, 2025)), (" AND f.indicator_key = ?", ("gdp",)))
    for extra, params in narrowed:
        plan = store.db.query("EXPLAIN QUERY PLAN " + TARGET_ORDER_SELECT + where + extra, ("210700", *params))
        assert any("COVERING INDEX ix_facts_targets" in r["detail"] for r in plan), plan


def test_rows_as_tuples_are_the_rows_as_dicts(store: Store) -> None:
    """``query_tuples`` (what orders a region's targets without a dict per row) gives the columns
    and values of ``query``, in order, and no columns for no rows."""
    from planwatch.monitor.targets import TARGET_ORDER_SELECT

    sql = TARGET_ORDER_SELECT + "WHERE f.region_key = ? AND f.kind = 'target' ORDER BY f.id"
    dicts = store.db.query(sql, ("210700",))
    names, rows = store.db.query_tuples(sql, ("210700",))
    assert len(rows) > 100 and names[:3] == ["id", "document_id", "seq"]
    assert [dict(zip(names, r, strict=True)) for r in rows] == dicts
    assert store.db.query_tuples(sql, ("no such region",))[1] == []


def test_documents_short_columns_come_from_their_index(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    """A fact row's document year and name (``with_documents``) are read from ix_documents_head
    (migration 7), not from the table, whose rows hold each document's whole text before them;
    the answer is the table's."""
    rows = store.db.query("SELECT MIN(id) AS id, document_id FROM facts WHERE kind = 'target' GROUP BY document_id")
    assert len({r["document_id"] for r in rows}) >= 2
    seen: list[str] = []
    real = store.db.query
    monkeypatch.setattr(store.db, "query", lambda sql, params=(): seen.append(sql) or real(sql, params))
    got = store.with_documents([dict(r) for r in rows], doc_year="year", doc_name="name", plan_start="plan_start")
    monkeypatch.undo()
    plan = store.db.query("EXPLAIN QUERY PLAN " + seen[0], sorted({r["document_id"] for r in rows}))
    assert any("COVERING INDEX ix_documents_head" in r["detail"] for r in plan), plan
    for row in got:
        table = store.db.query("SELECT year, name, plan_start FROM documents WHERE id = ?", (row["document_id"],))[0]
        assert (row["doc_year"], row["doc_name"], row["plan_start"]) == (table["year"], table["name"],
                                                                          table["plan_start"])
    # a column the index does not hold is read from the table
    typed = store.with_documents([dict(r) for r in rows[:3]], reader="reader")
    assert all(r["reader"] for r in typed)


def test_unobserved_targets_are_judged_as_before(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    """A target whose indicator the region has no observation of is given its verdict by
    ``_assess_unobserved``, without observations to rank or convert; the verdicts are those of the
    general judging run on no observations (what every target went through before), and what a
    reader works out by hand: nothing observed, so no data, and the note says what is missing."""
    import importlib

    targets_module = importlib.import_module("planwatch.monitor.targets")
    fast = targets_module._assess_unobserved
    seen: list[int] = []

    def spy(a: Any, t: dict[str, Any], base: int, ind_dir: str | None) -> None:
        seen.append(t["id"])
        fast(a, t, base, ind_dir)

    monkeypatch.setattr(targets_module, "_assess_unobserved", spy)
    quick = [a.to_dict() for a in monitor.targets(store, region="锦州市", plan="十四五")]
    assert len(seen) > 100 and len(quick) > len(seen)  # most, not all, of the plan's targets

    def general(a: Any, t: dict[str, Any], base: int, ind_dir: str | None) -> None:
        none = targets_module._Obs({}, {}, {}, targets_module._Preferred([], []), t["norm_unit"] or "")
        rate = t["measure"] in ("growth", "avg_growth")
        (targets_module._assess_rate if rate else targets_module._assess_level)(a, t, none, base, ind_dir)
        targets_module._mark_stale(a, date.today().year)

    monkeypatch.setattr(targets_module, "_assess_unobserved", general)
    assert [a.to_dict() for a in monitor.targets(store, region="锦州市", plan="十四五")] == quick

    by_name = {(a["indicator"], a["measure"], a["period"]): a for a in quick if a["fact_id"] in seen}
    expected = {  # (status, direction, note), by hand from the plan's text and the taxonomy
        ("保险业保费收入", "avg_growth", "2021-2025"): ("no data", "up", "no observed growth for 2021-2025"),
        ("金融业增加值占第三产业增加值比重", "change_pp", "2025"): (
            "no data", "up", "a change in percentage points needs the baseline level, which is missing"),
        ("“智慧校园”示范学校", "level", "2021-2025"): (
            "no data", "up", "a total over 2021-2025: needs the value of every year (0 of 5 known)"),
        ("新增建设用地规模", "level", "2021-2025"): (  # (the taxonomy says lower is better)
            "no data", "down", "a total over 2021-2025: needs the value of every year (0 of 5 known)"),
        ("人均公园绿地面积", "level", "2025"): ("no data", "up", "no observed value of 人均公园绿地面积 up to 2025"),
    }  # fmt: skip
    for key, (status, direction, note) in expected.items():
        a = by_name[key]
        assert (a["status"], a["direction"], a["note"]) == (status, direction, note), key
        assert a["latest"] is None and a["baseline"] is None and a["projection"] is None


def test_a_plans_table_rows_are_shared_read_only() -> None:
    """``table_rows`` keeps its answer for the next caller (a region's targets ask it of each plan): a caller
    that changed it would change every later answer, so it cannot."""
    from planwatch.monitor.plan_table import table_rows

    text = "| 指标 | 2020年 | 2025年 |\n|---|---|---|\n| 地区生产总值（亿元） | 1000 | 1500 |\n"
    rows = table_rows(text)
    assert table_rows(text) is rows and rows[text.index("| 地区")].order == 2
    with pytest.raises(TypeError):
        rows[0] = rows[next(iter(rows))]  # type: ignore[index]
