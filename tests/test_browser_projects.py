"""The key-project pages in a real headless Chromium, with ``test_browser.py``'s fixtures.

The same rules hold as there: every request the browser makes is intercepted and anything not
addressed to the test server fails the test, as does a console error or a JavaScript dialog;
each page is saved under ``artifacts/screenshots/`` (``projects*.png``, ``project*.png``).
"""

from __future__ import annotations

import re
from typing import Any

# The fixtures and helpers of the browser tests; importing the module skips this one too where
# Debian's chromium or Playwright is missing.
import test_browser
from test_browser import Server, Tab, in_viewport

server = test_browser.server  # the app over a copy of the sample database, on a random port
browser = test_browser.browser  # /usr/bin/chromium, headless
tab = test_browser.tab  # a page whose every request is checked (nothing leaves the server)

MAOYE = "茂业中心"


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def project_id(server: Server, name: str) -> int:
    found = server.api.get("/api/projects", params={"q": name, "limit": 50}).json()["projects"]
    return next(p["id"] for p in found if p["name"] == name)


def test_project_list_filter_open_a_project_and_its_source(tab: Tab, server: Server) -> None:
    tab.go("/projects?region=锦州市&plan=十四五")
    page = tab.page
    page.wait_for_selector('#chart[data-ready="1"] canvas')
    rows = page.locator("#projects tbody tr")
    assert rows.count() == 100  # the first page of the 锦州市 十四五 projects, largest investment first
    first = rows.first.inner_text()
    assert "东北商用车及二手车贸易物流产业基地" in first and "150" in first and "亿元" in first
    assert "工业" in page.locator("#totals-sector").inner_text()
    assert "530" in page.locator("#stated").inner_text()
    tab.shot("projects")

    # filter by stage: the form submits itself
    tab.go("/projects")
    page.select_option("select[name=stage]", "operating")
    page.wait_for_url(re.compile(r"stage=operating"))
    stages = page.locator("#projects tbody tr").evaluate_all("rows => rows.map(r => r.dataset.stage)")
    assert stages and set(stages) == {"operating"}
    assert page.locator("#totals-stage tbody tr").count() == 1
    tab.shot("projects-operating")

    # open 茂业中心: its stages in order
    page.locator("#projects a.project", has_text=MAOYE).first.click()
    page.wait_for_url(re.compile(r"/projects/\d+$"))
    assert page.locator("h1").inner_text().startswith(MAOYE)
    path = page.locator("#stage-path li b").all_inner_texts()
    assert path == ["在建", "主体封顶", "投产"]
    timeline = [s for s in page.locator("#timeline td.stage").all_inner_texts() if s != "–"]
    assert timeline.index("主体封顶") > timeline.index("在建") and timeline.index("投产") > timeline.index("主体封顶")
    tab.shot("project")

    # its source: the document, scrolled to the name, marked
    row = page.locator("#timeline tbody tr", has=page.locator("td.stage", has_text="主体封顶"))
    row.locator("a.src").click()
    page.wait_for_url(re.compile(r"/documents/\d+\?mention=\d+#mention-\d+$"))
    mention_id = int(page.url.rsplit("-", 1)[1])
    mark = page.locator(f"mark#mention-{mention_id}")
    assert mark.count() == 1 and squash(mark.inner_text()) == "茂业中心项目"
    page.wait_for_function(
        f"() => {{ const r = document.getElementById('mention-{mention_id}').getBoundingClientRect(); "
        "return r.top >= 0 && r.bottom <= innerHeight; }"
    )
    assert in_viewport(mark)
    assert mark.evaluate("e => getComputedStyle(e).backgroundColor") == "rgb(185, 240, 200)"
    panel = page.locator("#mention-panel").inner_text()
    assert "主体封顶" in panel and MAOYE in panel and "2014" in panel
    tab.shot("project-source")
    page.locator("#mention-panel a.project").click()
    page.wait_for_url(re.compile(r"/projects/\d+$"))


def test_a_chart_bar_filters_the_list_by_sector(tab: Tab) -> None:
    tab.go("/projects")
    page = tab.page
    page.wait_for_selector('#chart[data-ready="1"] canvas')
    data: dict[str, Any] = page.evaluate("() => JSON.parse(document.getElementById('chart-data').textContent)")
    index = next(i for i, b in enumerate(data["buckets"]) if b["label"] == "工业")
    bar = page.evaluate(  # the rectangle of the count bar of 工业
        "i => echarts.getInstanceByDom(document.getElementById('chart'))"
        ".getModel().getSeriesByIndex(0).getData().getItemLayout(i)",
        index,
    )
    box = page.locator("#chart").bounding_box()
    page.mouse.click(box["x"] + bar["x"] + bar["width"] / 2, box["y"] + bar["y"] + bar["height"] / 2)
    page.wait_for_url(re.compile(r"sector=industry"))
    sectors = page.locator("#projects tbody tr").evaluate_all("rows => rows.map(r => r.dataset.sector)")
    assert sectors and set(sectors) == {"industry"}


def test_projects_in_english(tab: Tab, server: Server) -> None:
    pid = project_id(server, MAOYE)
    tab.go(f"/projects/{pid}?lang=en")
    page = tab.page
    assert page.locator("#stage-path li b").all_inner_texts() == ["under construction", "topped out", "in operation"]
    assert "Timeline" in page.locator("main").inner_text()
    tab.shot("project-en")
    page.locator("header nav a", has_text="Key projects").click()
    page.wait_for_url(re.compile(r"/projects\?lang=en$"))
    page.wait_for_selector('#chart[data-ready="1"] canvas')
    assert "By sector" in page.locator("#totals-sector").inner_text()
