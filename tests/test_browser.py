"""The dashboard in a real headless Chromium (Debian's ``chromium``, driven by Playwright).

A uvicorn server runs the app on 127.0.0.1 at a random port in a background thread, over a
copy of the sample database plus one document containing ``<script>``.  Every request the
browser makes is intercepted: anything not addressed to the test server is aborted and fails
the test, and so does any console error (a Content-Security-Policy violation, a missing asset)
or any JavaScript dialog (an injected script that ran).  Each page is saved as a screenshot
under ``artifacts/screenshots/``.  (The README's ``docs/screenshots/overview.png`` is not one of
them: it shows the demo database, 海拉尔区 with its verdicts, and the README says how it is made.)

The browser is never downloaded (``playwright install`` is not used): the tests launch
``/usr/bin/chromium`` and are skipped, with the reason, only where it is not installed.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path("/usr/bin/chromium")
if not CHROMIUM.exists():
    pytest.skip(
        "Debian's chromium is not installed (/usr/bin/chromium): apt-get install chromium fonts-noto-cjk",
        allow_module_level=True,
    )
playwright_sync = pytest.importorskip("playwright.sync_api", reason="pip install playwright (the [test] extra)")

import httpx  # noqa: E402
from conftest_web import ARTIFACTS, PLAN_DOC, TOKEN, running_server, sample_db  # noqa: E402

from planwatch.web import create_app  # noqa: E402

SHOTS = ARTIFACTS / "screenshots"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


@dataclass
class Server:
    base: str
    api: httpx.Client
    external: list[str] = field(default_factory=list)


@dataclass
class Tab:
    """A browser page with everything it did that a test must check afterwards."""

    page: Any
    base: str
    requests: list[str] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def go(self, path: str) -> None:
        self.page.goto(self.base + path)

    def shot(self, name: str, full_page: bool = False) -> Path:
        SHOTS.mkdir(parents=True, exist_ok=True)
        path = SHOTS / f"{name}.png"
        self.page.screenshot(path=str(path), full_page=full_page)
        assert path.stat().st_size > 10_000  # a real picture, not a blank page
        return path


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    db = sample_db(tmp_path_factory.mktemp("browser"), with_script_doc=True)
    app = create_app(db, token=TOKEN)
    with running_server(app) as base, httpx.Client(base_url=base, timeout=10) as api:
        yield Server(base, api)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with playwright_sync.sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


@pytest.fixture
def tab(browser: Any, server: Server) -> Iterator[Tab]:
    context = browser.new_context(viewport={"width": 1400, "height": 900}, locale="zh-CN")
    page = context.new_page()
    page.set_default_timeout(10_000)
    t = Tab(page, server.base)

    def route(r: Any) -> None:
        url = r.request.url
        t.requests.append(url)
        if url == server.base or url.startswith(server.base + "/"):
            r.continue_()
        else:
            t.blocked.append(url)
            r.abort()

    context.route("**/*", route)
    page.on("console", lambda m: t.errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: t.errors.append(str(e)))

    def dialog(d: Any) -> None:
        t.dialogs.append(d.message)
        d.dismiss()

    page.on("dialog", dialog)
    yield t
    context.close()
    assert t.requests, "the browser made no request at all"
    assert not t.blocked, f"requests left the server: {t.blocked}"
    assert all(u.startswith(server.base) for u in t.requests)
    assert not t.errors, f"console errors: {t.errors}"
    assert not t.dialogs, f"a script ran: {t.dialogs}"


def in_viewport(locator: Any) -> bool:
    return bool(
        locator.evaluate("e => { const r = e.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; }")
    )


def api_fact(server: Server, text: str, **filters: str) -> dict:
    facts = server.api.get("/api/facts", params={"limit": 5000, **filters}).json()["facts"]
    return next(f for f in facts if f["text"] == text)


# -- the pages -----------------------------------------------------------------------------
def test_overview_shows_jinzhou_targets(tab: Tab) -> None:
    tab.go("/")
    page = tab.page
    assert "锦州市" in page.locator("h1").inner_text()
    cards = page.locator("article.card")
    assert cards.count() >= 15
    gdp = page.locator('article.card[data-indicator="gdp"]')
    text = gdp.inner_text()
    assert "地区生产总值" in text and "1500" in text and "1074" in text and "暂无数据" in text
    # no verdict from values before the plan period (issue 12): the 十四五 targets have no result yet
    assert page.locator("article.card .badge", has_text="已实现").count() == 0
    assert page.locator("article.card svg.spark polyline").count() >= 5
    tab.shot("overview")
    tab.go("/?lang=en")
    assert "Key indicators" in page.locator("h1").inner_text()
    assert "Gross regional product" in page.locator('article.card[data-indicator="gdp"]').inner_text()
    tab.shot("overview-en")


def test_clicking_a_fact_opens_its_document_with_the_span_highlighted(tab: Tab, server: Server) -> None:
    tab.go("/")
    page = tab.page
    page.locator('article.card[data-indicator="gdp"] a.src').click()
    page.wait_for_url(re.compile(r"/documents/\d+\?fact=\d+#fact-\d+$"))
    fact_id = int(page.url.rsplit("-", 1)[1])
    fact = server.api.get(f"/api/facts/{fact_id}").json()
    selected = page.locator("a.fact.selected")
    assert selected.count() == 1
    assert selected.inner_text() == fact["text"] == "1500 亿元左右"
    assert selected.get_attribute("id") == f"fact-{fact_id}"
    page.wait_for_function(
        "() => { const e = document.querySelector('a.fact.selected'); "
        "const r = e.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; }"
    )
    assert in_viewport(selected)
    background = selected.evaluate("e => getComputedStyle(e).backgroundColor")
    assert background == "rgb(255, 229, 138)"  # the highlight of the selected fact
    fields = page.locator("#fact-fields").inner_text()
    assert "地区生产总值" in fields and "1500" in fields and "目标" in fields and "2025" in fields
    tab.shot("document")
    # another fact of the same document, by clicking its span
    other = page.locator("a.fact:not(.selected)").nth(40)
    other_id = other.get_attribute("data-fact")
    other.click()
    page.wait_for_url(re.compile(rf"fact={other_id}#fact-{other_id}$"))
    assert page.locator("a.fact.selected").get_attribute("id") == f"fact-{other_id}"
    assert f"#{other_id}" in page.locator("#factpanel h2").inner_text()


def test_indicator_chart_points_link_to_their_sources(tab: Tab) -> None:
    tab.go("/indicators/gdp?region=锦州市")
    page = tab.page
    page.wait_for_selector('#chart[data-ready="1"] canvas')
    assert page.locator("#points tbody tr").count() >= 5
    tab.shot("indicator")
    x, y = page.evaluate(
        "() => echarts.getInstanceByDom(document.getElementById('chart'))"
        ".convertToPixel({seriesIndex: 0}, [2011, 1100])"
    )
    box = page.locator("#chart").bounding_box()
    page.mouse.click(box["x"] + x, box["y"] + y)
    page.wait_for_url(re.compile(r"/documents/\d+\?fact=\d+#fact-\d+$"))
    assert page.locator("a.fact.selected").inner_text() == "1100亿元"


def test_plan_page_filters_by_status(tab: Tab) -> None:
    tab.go("/regions/锦州市/plans/十四五?key=1")
    page = tab.page
    assert page.locator("#targets tbody tr").count() > 30
    tab.shot("plan")
    page.select_option("select[name=status]", "no data")  # the form submits itself
    page.wait_for_url(re.compile(r"status=no"))
    statuses = page.locator("#targets tbody tr").evaluate_all("rows => rows.map(r => r.dataset.status)")
    assert statuses and set(statuses) == {"no data"}  # no verdict from pre-plan values (issue 12)
    page.select_option("select[name=field]", "民生福祉")
    page.wait_for_url(re.compile(r"field="))
    assert "城镇新增就业" in page.locator("#targets").inner_text()


def test_comparison_page(tab: Tab) -> None:
    tab.go("/compare?indicator=gdp&level=county&period=2014")
    page = tab.page
    page.wait_for_selector('#chart[data-ready="1"] canvas')
    names = page.locator("#compare tbody tr td:nth-child(2)").all_inner_texts()
    assert names == ["凌河区"]
    tab.go("/compare?indicator=gdp")
    page.wait_for_selector('#chart[data-ready="1"] canvas')
    # 锦州市's districts and 锦州市四县(市) are its parts: not ranked against it (issue 12)
    assert page.locator("#compare tbody tr td:nth-child(2)").all_inner_texts() == ["锦州市"]
    tab.shot("compare")


def test_contradictions_page(tab: Tab) -> None:
    tab.go("/conflicts")
    text = tab.page.locator("main").inner_text()
    assert "城镇新增就业" in text and "1.76" in text and "1.8" in text
    tab.shot("conflicts")


def test_search_finds_the_documents(tab: Tab) -> None:
    tab.go("/")
    page = tab.page
    page.fill("header form.search input[name=q]", "地区生产总值")
    page.press("header form.search input[name=q]", "Enter")
    page.wait_for_url(re.compile(r"/search\?q="))
    results = page.locator("#results li.result")
    assert results.count() == 6  # the five sample documents and the <script> one
    assert page.locator("#results mark", has_text="地区生产总值").count() >= 6
    titles = results.locator("a.title").all_inner_texts()
    assert any("十四五" in t for t in titles)
    tab.shot("search")
    results.first.locator("a.title").click()
    page.wait_for_url(re.compile(r"#hit-1$"))
    hit = page.locator("mark#hit-1")
    assert hit.inner_text() == "地区生产总值"
    page.wait_for_function(
        "() => { const r = document.getElementById('hit-1').getBoundingClientRect(); "
        "return r.top >= 0 && r.bottom <= innerHeight; }"
    )
    tab.shot("document-search-hits")


def test_a_document_with_a_script_shows_it_as_text(tab: Tab, server: Server) -> None:
    doc = next(d for d in server.api.get("/api/documents").json() if d["name"] == "script_doc.txt")
    tab.go(f"/documents/{doc['id']}")
    text = tab.page.locator("#doctext").inner_text()
    assert "<script>alert('pwned')</script>" in text
    assert tab.page.locator("#doctext script").count() == 0
    tab.shot("document-escaped")
    # the fixture asserts that no dialog opened


def test_a_correction_made_on_the_page_appears_in_the_api_and_the_audit_trail(tab: Tab, server: Server) -> None:
    fact = api_fact(server, "1.76", region="锦州市", indicator="城镇新增就业", kind="estimate")
    fid = fact["id"]
    tab.go(f"/facts/{fid}")
    page = tab.page
    page.get_by_text("登录后可确认、更正或驳回数据").click()
    page.wait_for_url(re.compile(r"/login\?next="))
    page.fill("input[name=name]", "李四")
    page.fill("input[name=token]", TOKEN)
    tab.shot("login")
    page.click("#login-form button[type=submit]")
    page.wait_for_url(re.compile(rf"fact={fid}#fact-{fid}$"))
    assert "登录成功" in page.locator(".flash").inner_text()
    form = page.locator("#correct-form")
    form.locator("input[name=value]").fill("1.8")
    form.locator("input[name=note]").fill("与表1核对")
    form.locator("button[type=submit]").click()
    page.wait_for_selector(".flash", state="visible")
    assert "已更正数据" in page.locator(".flash").inner_text()
    assert "1.8" in page.locator("#fact-fields .fact-value").inner_text()
    assert "李四" in page.locator("#history").inner_text()
    tab.shot("correction")

    api = server.api.get(f"/api/facts/{fid}").json()
    assert api["value"] == 1.8 and api["status"] == "corrected"
    history = server.api.get(f"/api/facts/{fid}/history").json()
    assert (
        history[0]["actor"] == "李四" and history[0]["before"]["value"] == 1.76 and history[0]["after"]["value"] == 1.8
    )
    corrections = server.api.get("/api/corrections").json()
    assert any(c["fact_id"] == fid and c["by"] == "李四" and c["note"] == "与表1核对" for c in corrections)

    tab.go("/audit")
    audit = page.locator("#corrections").inner_text()
    assert "李四" in audit and f"#{fid}" in audit and "1.8" in audit
    tab.shot("audit", full_page=True)


@pytest.mark.parametrize(
    ("name", "path"),
    [("documents", "/documents"), ("api-docs", "/apidocs"), ("not-found", "/regions/火星市")],
)
def test_other_pages(tab: Tab, name: str, path: str) -> None:
    tab.go(path)
    if name == "not-found":
        assert "unknown region" in tab.page.locator(".message").inner_text()
        tab.errors[:] = [e for e in tab.errors if "404" not in e]  # the page itself is the 404
    else:
        assert tab.page.locator("table.grid tbody tr").count() >= 5
    tab.shot(name)


def test_plan_document_has_every_fact_linked(tab: Tab, server: Server) -> None:
    doc = next(d for d in server.api.get("/api/documents").json() if d["name"] == PLAN_DOC)
    tab.go(f"/documents/{doc['id']}")
    assert tab.page.locator("#doctext a.fact[id]").count() == doc["n_facts"]


# -- downloads ------------------------------------------------------------------------------
DOWNLOAD_PAGES = {
    "targets": "/regions/锦州市/plans/十四五",
    "series": "/indicators/gdp?region=锦州市",
    "compare": "/compare?indicator=gdp",
    "conflicts": "/conflicts",
    "projects": "/projects?region=锦州市&plan=十四五",
    "facts": None,  # the document page: every fact of the document
}


@pytest.mark.parametrize("table", list(DOWNLOAD_PAGES))
def test_every_table_downloads_from_its_page(tab: Tab, server: Server, table: str) -> None:
    from openpyxl import load_workbook

    path = DOWNLOAD_PAGES[table]
    if path is None:
        doc = next(d for d in server.api.get("/api/documents").json() if d["name"] == PLAN_DOC)
        path = f"/documents/{doc['id']}"
    tab.go(path)
    page = tab.page
    links = page.locator(f'.downloads[data-table="{table}"] a.download')
    assert links.count() == 2
    with page.expect_download() as got:
        links.filter(has_text="CSV").click()
    csv_file = got.value
    assert csv_file.suggested_filename == f"planwatch-{table}.csv"
    text = Path(csv_file.path()).read_text(encoding="utf-8-sig")
    lines = text.splitlines()
    assert len(lines) >= 2 and "," in lines[0]
    with page.expect_download() as got:
        links.filter(has_text="Excel").click()
    xlsx = got.value
    assert xlsx.suggested_filename == f"planwatch-{table}.xlsx"
    rows = list(load_workbook(io.BytesIO(Path(xlsx.path()).read_bytes()), read_only=True).active.values)
    assert len(rows) == len(lines)  # the same table in both formats


def test_the_document_viewer_renders_the_texts_markdown(tab: Tab, server: Server) -> None:
    doc = next(d for d in server.api.get("/api/documents").json() if d["name"] == PLAN_DOC)
    tab.go(f"/documents/{doc['id']}")
    page = tab.page
    table = page.locator("#doctext table.md").filter(has_text="1.地区生产总值").last
    assert table.is_visible()
    assert table.locator("tr").count() >= 5  # the part of the 十四五 table before its page break
    shown = page.locator("#doctext").inner_text()
    assert "**" not in shown and "<b>" not in shown and "| 1.地区生产总值" not in shown
    assert page.locator("#doctext h3.md").first.inner_text().startswith("锦州市国民经济和社会发展")
    cell = table.locator("td a.fact", has_text="1500左右")
    cell.click()
    page.wait_for_url(re.compile(r"fact=\d+"))
    assert "1500" in page.locator("#fact-fields").inner_text()
    tab.shot("document-table")
