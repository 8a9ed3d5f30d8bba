"""CSV and Excel downloads of every table the pages show (issue 12, §4)."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from html import unescape

import pytest

pytest.importorskip("fastapi")

from conftest_web import PLAN_DOC, TOKEN, sample_db  # noqa: E402
from fastapi.testclient import TestClient  # noqa: E402

from planwatch.web import create_app  # noqa: E402


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    with TestClient(create_app(sample_db(tmp_path_factory.mktemp("dl")), token=TOKEN)) as c:
        yield c


def _plan_doc_id(c: TestClient) -> int:
    return next(d["id"] for d in c.get("/api/documents").json() if d["name"] == PLAN_DOC)


PAGES = {
    "targets": "/regions/锦州市/plans/十四五",
    "series": "/indicators/gdp?region=锦州市",
    "compare": "/compare?indicator=gdp&level=county&period=2011",
    "conflicts": "/conflicts",
    "projects": "/projects?region=锦州市&plan=十四五",
}


def _links(html: str, table: str) -> dict[str, str]:
    block = re.search(rf'<span class="downloads" data-table="{table}">(.*?)</span>', html, re.S)
    assert block, f"no download links for {table}"
    return {m[0]: unescape(m[1]) for m in re.findall(r'data-format="(\w+)" href="([^"]+)"', block.group(1))}


def _csv(c: TestClient, url: str) -> list[dict[str, str]]:
    r = c.get(url)
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert r.headers["content-disposition"].startswith("attachment;")
    assert r.content.startswith("\ufeff".encode())  # Excel reads the UTF-8 Chinese as such
    return list(csv.DictReader(io.StringIO(r.content.decode("utf-8-sig"))))


@pytest.mark.parametrize("table", sorted(PAGES) + ["facts"])
def test_every_table_downloads_as_csv_and_excel(client: TestClient, table: str) -> None:
    from openpyxl import load_workbook

    page = PAGES.get(table) or f"/documents/{_plan_doc_id(client)}"
    links = _links(client.get(page).text, table)
    assert set(links) == {"csv", "xlsx"}
    rows = _csv(client, links["csv"])
    assert rows
    r = client.get(links["xlsx"])
    assert r.status_code == 200 and "spreadsheetml" in r.headers["content-type"]
    sheet = load_workbook(io.BytesIO(r.content), read_only=True).active
    values = list(sheet.values)
    assert len(values) == 1 + len(rows) and list(values[0]) == list(rows[0].keys())


def test_downloads_hold_what_the_page_shows(client: TestClient) -> None:
    targets = _csv(client, _links(client.get(PAGES["targets"]).text, "targets")["csv"])
    gdp = next(r for r in targets if r["indicator"] == "地区生产总值" and r["measure"] == "level")
    assert (gdp["target"], gdp["baseline"], gdp["status"]) == ("1500", "1074", "no data")
    assert gdp["doc_title"] == "锦州市国民经济和社会发展第十四个五年规划纲要"  # the title, not the file
    compare = _csv(client, _links(client.get(PAGES["compare"]).text, "compare")["csv"])
    assert [(r["region"], r["value"]) for r in compare] == [("古塔区", "151")]
    filtered = client.get("/regions/锦州市/plans/十四五", params={"status": "no data", "field": "民生福祉"}).text
    only = _csv(client, _links(filtered, "targets")["csv"])
    assert only and {r["status"] for r in only} == {"no data"} and len(only) < len(targets)
    facts = _csv(client, f"/download/facts?format=csv&document={_plan_doc_id(client)}")
    assert any(r["text"] == "1500 亿元左右" and r["indicator"] == "地区生产总值" for r in facts)
    conflicts = _csv(client, "/download/conflicts?format=csv")
    assert {"1.76", "1.8"} <= {r["value"] for r in conflicts if r["indicator"] == "城镇新增就业"}


def test_bad_downloads_are_one_line_errors(client: TestClient) -> None:
    assert client.get("/download/secrets?format=csv").status_code == 404
    assert client.get("/download/targets?format=csv").status_code == 400  # no region
    assert client.get("/download/targets?format=pdf&region=锦州市").status_code in (400, 422)
    assert client.get("/download/facts?format=csv&document=x").status_code == 400


# -- the document viewer renders the text's Markdown -----------------------------------------
def test_the_document_viewer_shows_tables_as_tables_and_no_marks(client: TestClient) -> None:
    from bs4 import BeautifulSoup

    doc_id = _plan_doc_id(client)
    html = client.get(f"/documents/{doc_id}").text
    soup = BeautifulSoup(html, "lxml")
    text = client.get(f"/api/documents/{doc_id}", params={"text": True}).json()["text"]
    body = soup.select_one("#doctext")
    tables = body.select("table.md")
    assert len(tables) >= 4  # the 十三五 review table and the 十四五 table (each broken across pages)
    cells = [td.get_text() for td in body.select("table.md td")]
    assert "1.地区生产总值" in cells and "1500左右" in cells and "一、经济发展" in cells
    shown = body.get_text()
    for mark in ("**", "<b>", "</b>", "<br>", "| 1.地区生产总值"):
        assert mark not in shown, mark  # neither shown as text nor left as the source's own tags
    assert not body.select("b")
    assert not [h for h in body.select("h3.md, h4.md, h5.md, h6.md") if h.get_text().startswith("#")]
    assert body.select_one("h3.md").get_text().startswith("锦州市国民经济和社会发展")
    # every fact link still encloses its text (less the marks not shown), inside the table cells too
    facts = {f["id"]: f for f in client.get(f"/api/documents/{doc_id}/facts").json()}
    links = body.select("a.fact[id]")
    assert len(links) == len(facts)
    for a in links:
        f = facts[int(a["data-fact"])]
        pieces = "".join(x.get_text() for x in body.select(f'a.fact[data-fact="{f["id"]}"]'))
        assert pieces == re.sub(r"\*\*|__|<[^<>]+>", "", text[f["start"] : f["end"]]), f
    assert soup.select_one("h1").get_text().startswith("锦州市国民经济和社会发展")
    assert "#" not in soup.select_one("h1").get_text()


# -- Chinese pages: Chinese explanations, local times, no server paths ------------------------
def test_chinese_pages_explain_in_chinese_with_local_times_and_no_paths(client: TestClient) -> None:
    from bs4 import BeautifulSoup

    conflicts = BeautifulSoup(client.get("/conflicts").text, "lxml")
    explanations = [p.get_text() for p in conflicts.select("p.explanation")]
    jobs = next(e for e in explanations if "1.76" in e and "1.8" in e)
    assert jobs.startswith("来源不一致：") and "个来源" in jobs and "sources give" not in jobs
    assert not [e for e in explanations if re.search(r"[A-Za-z]{4,}", e)]  # no English sentence left
    english = BeautifulSoup(client.get("/conflicts", params={"lang": "en"}).text, "lxml")
    assert any("sources give" in p.get_text() for p in english.select("p.explanation"))
    audit = client.get("/audit").text
    soup = BeautifulSoup(audit, "lxml")
    cells = [td.get_text() for td in soup.select("#history td")]
    assert cells and not [c for c in cells if "/" in c and ("planwatch" in c or c.startswith("/"))]  # no paths
    assert any(c.startswith("《锦州市国民经济和社会发展第十四个五年规划纲要》") for c in cells)
    times = soup.select("#history time[datetime]")
    assert times and all(re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d", t.get_text()) for t in times)
    from datetime import datetime, timedelta

    first = times[0]
    utc = datetime.fromisoformat(first["datetime"])
    assert first.get_text() == (utc + timedelta(hours=8)).strftime("%Y-%m-%d %H:%M")  # Asia/Shanghai
