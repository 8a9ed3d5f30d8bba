"""A target's note says why it is judged as it is, in the language of the page or report.

The monitor says each note once, as a gettext message (an English msgid with ``{fields}``) and
its arguments (``planwatch.monitor.targets._say``); the CLI shows the English, the Chinese
pages look the msgid up in the zh catalog (msgctxt ``note``).  Checked on the bundled 锦州市
and 海拉尔区 documents: the Chinese pages and reports show no English note, the English pages
do, and every message the monitor can say has its Chinese form with the same fields.
"""

from __future__ import annotations

import ast
import string
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import SAMPLE_DIR

from planwatch import monitor
from planwatch.store import Store
from planwatch.web.labels import catalog, note_text

TARGETS_PY = Path(monitor.__file__).parent / "targets.py"
TOKEN = "test-admin-token-notes-1"


def said() -> list[str]:
    """Every msgid ``planwatch.monitor.targets`` passes to ``_say`` (read with ast)."""
    tree = ast.parse(TARGETS_PY.read_text(encoding="utf-8"))
    msgids = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "_say":
            msg = node.args[1]
            assert isinstance(msg, ast.Constant) and isinstance(msg.value, str), ast.unparse(node)
            msgids.append(msg.value)
    return msgids


def fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def english_phrases() -> set[str]:
    """The fixed words of every English note ("latest value before the plan period"), which a
    Chinese page must never show; one-word parts (``levels``) are too common in markup to test."""
    parts = set()
    for msgid in said():
        for literal, *_ in string.Formatter().parse(msgid):
            words = literal.strip(" :;()=+-")
            if " " in words:
                parts.add(words)
    return parts


def test_every_note_the_monitor_says_has_its_chinese_form() -> None:
    msgids = said()
    assert len(msgids) >= 15 and "latest value before the plan period: {value:g} ({year})" in msgids
    zh = catalog("zh")
    for msgid in msgids:
        assert ("note", msgid) in zh, msgid
        assert fields(zh[("note", msgid)]) == fields(msgid), msgid
        assert not english_phrases() & {zh[("note", msgid)]}


def test_a_note_is_filled_after_translation() -> None:
    notes = [
        {"msgid": "latest value before the plan period: {value:g} ({year})", "args": {"value": 1074.0, "year": 2020}},
        {"msgid": "stale: latest value is from {year} (as of {as_of})", "args": {"year": 2020, "as_of": 2026}},
    ]
    assert note_text(notes, "zh") == "规划期前最新值：1074（2020年）；数据陈旧：最新值为2020年（截至2026年）"
    assert note_text(notes, "en") == (
        "latest value before the plan period: 1074 (2020); stale: latest value is from 2020 (as of 2026)"
    )
    unknown = [{"msgid": "a message no catalog has {n}", "args": {"n": 1}}]
    assert note_text(unknown, "zh") == "a message no catalog has 1"  # readable, never an error page


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("notes") / "planwatch.db"
    with Store(path) as store:
        files = sorted(SAMPLE_DIR.glob("*.txt")) + sorted((SAMPLE_DIR / "hailaer").glob("*.txt"))
        assert store.ingest(files, actor="test").ok
    return path


def test_the_cli_notes_stay_english_with_their_messages(db: Path) -> None:
    with Store(db) as store:
        gdp = next(
            a for a in monitor.targets(store, region="锦州市", plan="十四五")
            if a.indicator == "地区生产总值" and a.measure == "level"
        )  # fmt: skip
    assert gdp.note == "latest value before the plan period: 1074 (2020)"
    assert gdp.notes == [
        {"msgid": "latest value before the plan period: {value:g} ({year})", "args": {"value": 1074.0, "year": 2020}}
    ]


@pytest.fixture(scope="module")
def client(db: Path) -> Iterator[object]:
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient

    from planwatch.web import create_app

    with TestClient(create_app(db, token=TOKEN), raise_server_exceptions=False) as c:
        yield c


PAGES = [
    "/regions/锦州市/plans/十四五",
    "/regions/锦州市",
    "/regions/海拉尔区/plans/十三五",
    "/regions/海拉尔区/plans/十二五",
    "/indicators/地区生产总值?region=海拉尔区",
]


@pytest.mark.parametrize("url", PAGES)
def test_chinese_pages_show_no_english_note(client: object, url: str) -> None:
    r = client.get(url)  # type: ignore[attr-defined]
    assert r.status_code == 200, r.text[:300]
    leaked = sorted(p for p in english_phrases() if p in r.text)
    assert not leaked


def test_the_plan_page_says_its_notes_in_the_page_language(client: object) -> None:
    zh = client.get("/regions/锦州市/plans/十四五").text  # type: ignore[attr-defined]
    en = client.get("/regions/锦州市/plans/十四五", params={"lang": "en"}).text  # type: ignore[attr-defined]
    assert 'title="规划期前最新值：1074（2020年）"' in zh
    assert 'title="latest value before the plan period: 1074 (2020)"' in en
    hailaer = client.get("/regions/海拉尔区/plans/十三五").text  # type: ignore[attr-defined]
    assert "依据公布的年度增速" in hailaer or "年无观测增速" in hailaer


def test_the_api_keeps_the_messages_beside_the_said_note(client: object) -> None:
    r = client.get("/api/overview", params={"region": "锦州市", "lang": "en"})  # type: ignore[attr-defined]
    assert r.status_code == 200, r.text[:300]
    card = next(c for c in r.json()["cards"] if c["indicator"] == "地区生产总值")
    assert card["target"]["note"].startswith("latest value before the plan period")
    assert card["target"]["notes"][0]["args"] == {"value": 1074.0, "year": 2020}


@pytest.mark.parametrize(("region", "kw"), [("锦州市", {"plan": "十四五"}), ("海拉尔区", {"year": 2016})])
def test_chinese_reports_show_no_english_note(db: Path, tmp_path: Path, region: str, kw: dict) -> None:
    from planwatch.report import build_report, write_report

    with Store(db) as store:
        report = build_report(store, region=region, **kw)
    for suffix in (".md", ".html"):
        text = write_report(report, tmp_path / f"r{suffix}").read_text(encoding="utf-8")
        assert region in text
        assert not sorted(p for p in english_phrases() if p in text)
