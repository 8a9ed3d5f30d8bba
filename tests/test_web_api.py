"""The JSON API under /api: every endpoint on the sample database, bad parameters, and auth.

Reads run against one copy of the sample database for the module; tests that write get their
own copy (``writable``), so the order of tests never matters.  Every bad parameter must be a
4xx with a message — never a 500, never a traceback.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("httpx")

from conftest_web import PLAN_DOC, TOKEN, sample_db  # noqa: E402
from fastapi.testclient import TestClient  # noqa: E402

from planwatch.web import create_app  # noqa: E402

AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    db = sample_db(tmp_path_factory.mktemp("api"))
    with TestClient(create_app(db, token=TOKEN), raise_server_exceptions=False) as c:
        yield c


@pytest.fixture
def writable(tmp_path: Path) -> Iterator[TestClient]:
    with TestClient(create_app(sample_db(tmp_path), token=TOKEN), raise_server_exceptions=False) as c:
        yield c


def fact_of(client: TestClient, text: str, **filters: str) -> dict:
    """The first current fact whose mention is ``text``."""
    r = client.get("/api/facts", params={"limit": 5000, **filters})
    assert r.status_code == 200
    found = [f for f in r.json()["facts"] if f["text"] == text]
    assert found, f"no fact {text!r}"
    return found[0]


# -- reads ---------------------------------------------------------------------------------
def test_stats(client: TestClient) -> None:
    body = client.get("/api/stats").json()
    assert body["documents"] == 5 and body["facts"] > 1000
    assert body["search"] == "fts5-trigram"


def test_regions_most_targets_first(client: TestClient) -> None:
    regions = client.get("/api/regions").json()
    assert regions[0]["name"] == "锦州市" and regions[0]["code"] == "210700"
    assert {"凌河区", "古塔区"} <= {r["name"] for r in regions}
    assert all(r["n_facts"] > 0 for r in regions)


def test_indicators_are_the_taxonomy_with_counts(client: TestClient) -> None:
    inds = client.get("/api/indicators").json()
    gdp = next(i for i in inds if i["id"] == "gdp")
    assert gdp["name"] == "地区生产总值" and gdp["en"] and gdp["n_facts"] > 5


def test_overview_cards_of_jinzhou(client: TestClient) -> None:
    body = client.get("/api/overview", params={"region": "锦州"}).json()
    assert body["region"] == "锦州市" and body["plan"] == "十四五"
    cards = {c["indicator_id"]: c for c in body["cards"]}
    gdp = cards["gdp"]
    assert gdp["target"]["target"] == 1500 and gdp["target"]["qualifier"] == "about"
    assert gdp["latest"]["value"] == 1074 and gdp["latest"]["year"] == 2020
    assert gdp["sparkline"] == [[2011, 1100], [2020, 1074]]
    assert any(o["measure"] == "avg_growth" for o in gdp["others"])
    # 锦州's only values are from 2020, before the plan period: no card is judged (issue 12)
    assert not any(c["target"]["status"] in ("achieved", "not achieved") for c in body["cards"])
    assert sum(body["status_counts"].values()) == body["n_targets"]


def test_overview_in_english_uses_english_names(client: TestClient) -> None:
    body = client.get("/api/overview", params={"region": "锦州市", "lang": "en"}).json()
    gdp = next(c for c in body["cards"] if c["indicator_id"] == "gdp")
    assert gdp["label"] == "Gross regional product"


def test_series(client: TestClient) -> None:
    points = client.get("/api/series", params={"indicator": "地区生产总值", "region": "锦州市"}).json()
    levels = {(p["period"], p["value"]) for p in points if p["measure"] == "level" and p["preferred"]}
    assert ("2011", 1100) in levels and ("2020", 1074) in levels and ("2025", 1500) in levels
    only = client.get("/api/series", params={"indicator": "gdp", "region": "锦州市", "kind": "target"}).json()
    assert only and all(p["kind"] == "target" for p in only)


def test_indicator_view_has_chart_points_linked_to_facts(client: TestClient) -> None:
    body = client.get("/api/indicator", params={"indicator": "gdp", "region": "锦州市"}).json()
    assert body["measure"] == "level" and body["chart"]["unit"] == "亿元"
    assert [p["value"] for p in body["chart"]["observed"]] == [[2011, 1100], [2020, 1074]]
    assert body["chart"]["paths"][0]["points"] == [[2020, 1074], [2025, 1500]]
    assert all(isinstance(p["fact"], int) for p in body["chart"]["observed"] + body["chart"]["targets"])


def test_targets_with_filters(client: TestClient) -> None:
    body = client.get("/api/targets", params={"region": "锦州市", "plan": "十四五"}).json()
    assert body["plan"] == "十四五" and len(body["targets"]) > 40
    gdp = next(t for t in body["targets"] if t["indicator_id"] == "gdp" and t["measure"] == "level")
    assert gdp["baseline"] == 1074 and gdp["baseline_year"] == 2020 and round(gdp["required_growth"], 1) == 6.9
    no_data = client.get("/api/targets", params={"region": "锦州市", "status": "no data"}).json()["targets"]
    assert no_data and all(t["status"] == "no data" for t in no_data)
    field = client.get("/api/targets", params={"region": "锦州市", "field": "民生福祉"}).json()["targets"]
    assert field and all(t["field"] == "民生福祉" for t in field)
    one = client.get("/api/targets", params={"region": "锦州市", "indicator": "gdp"}).json()["targets"]
    assert one and {t["indicator_id"] for t in one} == {"gdp"}


def test_conflicts(client: TestClient) -> None:
    items = client.get("/api/conflicts").json()
    jobs = next(c for c in items if c["indicator"] == "城镇新增就业")
    assert sorted(s["value"] for s in jobs["sources"]) == [1.76, 1.8]
    assert client.get("/api/conflicts", params={"region": "古塔区"}).json() == []


def test_compare_defaults_to_the_widest_comparison(client: TestClient) -> None:
    body = client.get("/api/compare", params={"indicator": "地区生产总值"}).json()
    assert body["measure"] == "level" and body["unit"] == "亿元"
    regions = [r["region"] for r in body["rows"]]
    # a region is not ranked against its own parts (issue 12): 锦州市, not its districts and counties
    assert regions == ["锦州市"]
    assert "2011" in body["periods"] and "2025" in body["periods"]
    parts = client.get("/api/compare", params={"indicator": "gdp", "level": "county", "period": "2011"}).json()
    assert [(r["region"], r["value"]) for r in parts["rows"]] == [("古塔区", 151)]
    counties = client.get("/api/compare", params={"indicator": "gdp", "level": "county", "period": "2014"}).json()
    assert [r["region"] for r in counties["rows"]] == ["凌河区"]


def test_documents_and_their_facts(client: TestClient) -> None:
    docs = client.get("/api/documents").json()
    assert len(docs) == 5 and "text" not in docs[0]
    plan = next(d for d in docs if d["name"] == PLAN_DOC)
    one = client.get(f"/api/documents/{plan['id']}", params={"text": True}).json()
    facts = client.get(f"/api/documents/{plan['id']}/facts").json()
    assert len(facts) == plan["n_facts"]
    for f in facts[:50]:
        assert one["text"][f["start"] : f["end"]] == f["text"]
    assert "text" not in client.get(f"/api/documents/{plan['id']}").json()


def test_facts_filters_and_paging(client: TestClient) -> None:
    page1 = client.get("/api/facts", params={"region": "锦州市", "kind": "target", "limit": 10}).json()
    assert page1["total"] > 100 and len(page1["facts"]) == 10
    assert all(f["kind"] == "target" and f["region"] == "锦州市" for f in page1["facts"])
    page2 = client.get("/api/facts", params={"region": "锦州市", "kind": "target", "limit": 10, "offset": 10}).json()
    assert {f["id"] for f in page1["facts"]}.isdisjoint({f["id"] for f in page2["facts"]})
    gdp = client.get("/api/facts", params={"indicator": "gdp", "period": "2014"}).json()["facts"]
    assert {f["value"] for f in gdp} >= {111.5}


def test_fact_and_history(client: TestClient) -> None:
    fact = fact_of(client, "1500 亿元左右", region="锦州市")
    one = client.get(f"/api/facts/{fact['id']}").json()
    assert one["value"] == 1500 and one["extracted"]["value"] == 1500 and one["status"] == "extracted"
    assert client.get(f"/api/facts/{fact['id']}/history").json() == []
    log = client.get("/api/history", params={"limit": 3}).json()
    assert len(log) == 3 and log[0]["action"] in ("ingest", "new_version", "add")
    assert client.get("/api/corrections").json() == []


def test_search_chinese(client: TestClient) -> None:
    body = client.get("/api/search", params={"q": "地区生产总值"}).json()
    assert body["total"] == 5 and body["terms"] == ["地区生产总值"]
    first = body["results"][0]
    assert first["hits"] >= first["snippets"][0]["text"].count("地区生产总值") >= 1
    assert "<mark>地区生产总值</mark>" in first["snippets"][0]["html"]
    # 2 characters: no trigram, answered by a scan; several terms must all occur.
    assert client.get("/api/search", params={"q": "总值"}).json()["total"] == 5
    both = client.get("/api/search", params={"q": "地区生产总值 锦州港"}).json()
    assert 0 < both["total"] < 5
    assert client.get("/api/search", params={"q": "火星殖民地"}).json()["total"] == 0


# -- key projects ----------------------------------------------------------------------------
LARGEST = "东北商用车及二手车贸易物流产业基地"  # 投资150亿元 in the 锦州市 十四五 plan


def project_of(client: TestClient, name: str) -> dict:
    found = client.get("/api/projects", params={"q": name}).json()["projects"]
    return next(p for p in found if p["name"] == name)


def test_projects_of_the_jinzhou_plan_with_totals(client: TestClient) -> None:
    body = client.get("/api/projects", params={"region": "锦州", "plan": "十四五"}).json()
    assert body["filters"]["region"] == "锦州市" and body["filters"]["within"] == [2021, 2025]
    rows, totals = body["projects"], body["totals"]
    assert body["total"] == len(rows) == totals["total"]["n"] > 300
    first = rows[0]  # the largest investment first
    assert (first["name"], first["investment"], first["investment_unit"]) == (LARGEST, 150, "亿元")
    amounts = [r["investment_yi"] for r in rows if r["investment_yi"] is not None]
    assert amounts == sorted(amounts, reverse=True)
    assert totals["total"]["investment"] == pytest.approx(sum(amounts), abs=1e-3)
    assert totals["total"]["n_invested"] == len(amounts)
    assert sum(b["n"] for b in totals["by_sector"]) == sum(b["n"] for b in totals["by_stage"]) == body["total"]
    harbour = next(r for r in rows if r["name"] == "锦州港航道改扩建工程")
    assert (harbour["investment"], harbour["sector"], harbour["region"]) == (46.3, "infrastructure", "锦州市")
    # the counts the plan states, set against the listed projects
    whole = next(c for c in body["stated"] if c["value"] == 530)
    assert whole["investment_yi"] == 3563 and whole["text"].endswith("重点项目库共530个") and whole["fact_id"]
    assert whole["listed"]["n"] == body["total"]
    industry = next(c for c in body["stated"] if c["sector"] == "industry")
    assert (industry["value"], industry["investment"]) == (99, 942)


def test_project_filters_and_paging(client: TestClient) -> None:
    built = client.get("/api/projects", params={"stage": "在建"}).json()
    assert built["total"] > 50 and {p["stage"] for p in built["projects"]} == {"construction"}
    assert [b["key"] for b in built["totals"]["by_stage"]] == ["construction"]
    none = client.get("/api/projects", params={"stage": "none"}).json()["projects"]
    assert none and all(p["stage"] is None for p in none)
    industry = client.get("/api/projects", params={"sector": "工业", "region": "黑山县"}).json()["projects"]
    assert industry and all(p["sector"] == "industry" and p["region"] == "黑山县" for p in industry)
    page1 = client.get("/api/projects", params={"limit": 5, "sort": "name"}).json()
    page2 = client.get("/api/projects", params={"limit": 5, "offset": 5, "sort": "name"}).json()
    assert len(page1["projects"]) == len(page2["projects"]) == 5 and page1["total"] == page2["total"]
    names = [p["name"] for p in page1["projects"] + page2["projects"]]
    assert names == sorted(names)
    assert [p["name"] for p in client.get("/api/projects", params={"q": "茂业"}).json()["projects"]] == ["茂业中心"]
    # an investment in another currency is not summed (no exchange rate), but listed after the yuan ones
    operating = client.get("/api/projects", params={"stage": "投产"}).json()
    kinds = [0 if p["investment_yi"] is not None else 1 if p["investment"] is not None else 2
             for p in operating["projects"]]  # fmt: skip
    assert kinds == sorted(kinds) and kinds.count(1) == operating["totals"]["n_other_currency"] == 1
    mall = next(p for p in operating["projects"] if p["investment_unit"] == "万美元")
    assert (mall["name"], mall["investment"], mall["investment_yi"]) == ("地下商城项目", 5000, None)


def test_project_detail_of_maoye(client: TestClient) -> None:
    pid = project_of(client, "茂业中心")["id"]
    body = client.get(f"/api/projects/{pid}").json()
    assert body["id"] == pid and body["name"] == "茂业中心" and body["region"] == "凌河区"
    assert body["sector"] == "services" and "茂业中心项目" in body["aliases"]
    assert [s["label"] for s in body["stage_path"]] == ["在建", "主体封顶", "投产"]
    history = body["history"]
    assert len(history) == body["n_mentions"] >= 5
    periods = [int(h["period"][:4]) for h in history]
    assert periods == sorted(periods)
    topped = next(h for h in history if h["stage"] == "topped_out")
    assert (topped["period"], topped["kind"]) == ("2014", "actual")
    assert next(h for h in history if h["stage"] == "operating")["kind"] == "estimate"
    texts: dict[int, str] = {}
    for h in history:  # every statement points into its document
        if h["document_id"] not in texts:
            texts[h["document_id"]] = client.get(f"/api/documents/{h['document_id']}", params={"text": True}).json()[
                "text"
            ]
        assert texts[h["document_id"]][h["start"] : h["end"]] == h["text"]
        assert h["doc_title"]


def test_project_investment_and_capacity(client: TestClient) -> None:
    pid = project_of(client, LARGEST)["id"]
    body = client.get(f"/api/projects/{pid}").json()
    assert body["investment"] == 150 and body["investment_unit"] == "亿元" and body["investment_yi"] == 150
    assert body["history"][0]["investment"] == 150 and body["history"][0]["investment_type"] == "total"
    pigs = client.get("/api/projects", params={"q": "100万头猪"}).json()["projects"]
    detail = client.get(f"/api/projects/{pigs[0]['id']}").json()
    assert any("100万头" in c for h in detail["history"] for c in h["capacities"])


def test_openapi_schema(client: TestClient) -> None:
    schema = client.get("/api/openapi.json").json()
    paths = schema["paths"]
    for p in ("/api/targets", "/api/series", "/api/compare", "/api/search", "/api/facts/{fact_id}/correct"):
        assert p in paths
    assert not any(not p.startswith("/api") for p in paths)  # pages stay out of the schema
    assert "HTTPBearer" in schema["components"]["securitySchemes"]
    assert client.get("/api/docs").status_code == 404  # Swagger UI would load a CDN


def test_security_headers(client: TestClient) -> None:
    r = client.get("/api/stats")
    assert "default-src 'self'" in r.headers["content-security-policy"]
    assert r.headers["x-content-type-options"] == "nosniff"


# -- bad parameters ------------------------------------------------------------------------
BAD = [
    ("/api/targets?region=火星市", 404, "unknown region"),
    ("/api/targets", 422, "region"),
    ("/api/targets?region=锦州市&plan=abc", 400, "unknown plan"),
    ("/api/targets?region=锦州市&status=great", 422, "status"),
    ("/api/targets?region=锦州市&as_of=abc", 422, "as_of"),
    ("/api/overview?region=%20", 400, "region"),
    ("/api/overview?region=Atlantis", 404, "unknown region"),
    ("/api/series?indicator=gdp&region=火星市", 404, "unknown region"),
    ("/api/series?indicator=火星人口&region=锦州市", 404, "unknown indicator"),
    ("/api/series?indicator=gdp&region=锦州市&measure=speed", 422, "measure"),
    ("/api/series?indicator=gdp", 422, "region"),
    ("/api/indicator?indicator=不存在的指标", 404, "unknown indicator"),
    ("/api/indicator?indicator=gdp&region=火星市", 404, "unknown region"),
    ("/api/indicator?indicator=gdp&measure=ratio", 422, "measure"),
    ("/api/overview?region=锦州市&lang=fr", 422, "lang"),
    ("/api/compare?indicator=gdp&kind=bad", 422, "kind"),
    ("/api/compare?indicator=gdp&level=planet", 422, "level"),
    ("/api/compare?indicator=gdp&period=last-year", 422, "period"),
    ("/api/compare?indicator=", 422, "indicator"),
    ("/api/conflicts?region=火星市", 404, "unknown region"),
    ("/api/documents/abc", 422, "document_id"),
    ("/api/documents/0", 422, "document_id"),
    ("/api/documents/999999", 404, "no document"),
    ("/api/documents/99999999999999999999999", 422, "document_id"),
    ("/api/documents/999999/facts", 404, "no document"),
    ("/api/facts/abc", 422, "fact_id"),
    ("/api/facts/-1", 422, "fact_id"),
    ("/api/facts/1.5", 422, "fact_id"),
    ("/api/facts/9223372036854775808", 422, "fact_id"),
    ("/api/facts/9223372036854775807", 404, "no fact"),
    ("/api/facts/999999/history", 404, "no fact"),
    ("/api/facts?limit=0", 422, "limit"),
    ("/api/facts?limit=100000", 422, "limit"),
    ("/api/facts?offset=-5", 422, "offset"),
    ("/api/facts?region=火星市", 404, "unknown region"),
    ("/api/facts?kind=guess", 422, "kind"),
    ("/api/history?fact_id=zero", 422, "fact_id"),
    ("/api/search", 422, "q"),
    ("/api/search?q=", 422, "q"),
    ("/api/search?q=%20%20", 400, "empty query"),
    ("/api/search?q=" + "长" * 201, 422, "q"),
    ("/api/search?q=地区&limit=0", 422, "limit"),
    ("/api/nothing-here", 404, "no such page"),
    ("/api/projects?region=火星市", 404, "unknown region"),
    ("/api/projects?stage=finished-ish", 400, "unknown stage"),
    ("/api/projects?sector=太空", 400, "unknown sector"),
    ("/api/projects?plan=第九九", 400, "unknown plan"),
    ("/api/projects?sort=biggest", 422, "sort"),
    ("/api/projects?limit=0", 422, "limit"),
    ("/api/projects?limit=5001", 422, "limit"),
    ("/api/projects?offset=-1", 422, "offset"),
    ("/api/projects?q=" + "长" * 101, 422, "q"),
    ("/api/projects?stage=" + "x" * 21, 422, "stage"),
    ("/api/projects/abc", 422, "project_id"),
    ("/api/projects/0", 422, "project_id"),
    ("/api/projects/1.5", 422, "project_id"),
    ("/api/projects/9223372036854775808", 422, "project_id"),
    ("/api/projects/9223372036854775807", 404, "no project"),
    ("/api/projects/999999", 404, "no project"),
]


@pytest.mark.parametrize(("url", "status", "words"), BAD, ids=[u for u, _, _ in BAD])
def test_bad_parameters_are_4xx_with_a_message(client: TestClient, url: str, status: int, words: str) -> None:
    r = client.get(url)
    assert r.status_code == status, r.text
    body = r.json()
    assert words in body["detail"]
    assert "Traceback" not in r.text


def test_internal_errors_are_generic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = create_app(sample_db(tmp_path), token=TOKEN)

    def boom(*a: object, **k: object) -> None:
        raise RuntimeError("secret internals /etc/passwd")

    monkeypatch.setattr(app.state.service, "stats", boom)
    with TestClient(app, raise_server_exceptions=False) as c:
        r = c.get("/api/stats")
    assert r.status_code == 500
    assert r.json() == {"detail": "internal error: the server log has the details"}
    assert "secret" not in r.text


# -- writes --------------------------------------------------------------------------------
def test_writes_need_the_token(client: TestClient) -> None:
    fact = fact_of(client, "1500 亿元左右")
    url = f"/api/facts/{fact['id']}/confirm"
    r = client.post(url, json={"by": "li"})
    assert r.status_code == 401 and r.headers["www-authenticate"] == "Bearer"
    assert "Bearer" in r.json()["detail"]
    r = client.post(url, json={"by": "li"}, headers={"Authorization": "Bearer wrong"})
    assert r.status_code == 401 and r.json()["detail"] == "invalid admin token"
    r = client.post(url, json={"by": "li"}, headers={"Authorization": f"Basic {TOKEN}"})
    assert r.status_code == 401
    assert client.get(f"/api/facts/{fact['id']}").json()["status"] == "extracted"


def test_correct_confirm_reject_and_the_audit_trail(writable: TestClient) -> None:
    c = writable
    fact = fact_of(c, "1.76", region="锦州市", indicator="城镇新增就业", kind="estimate")
    fid = fact["id"]
    r = c.post(f"/api/facts/{fid}/correct", json={"by": "li", "note": "表2", "changes": {"value": 1.8}}, headers=AUTH)
    assert r.status_code == 200, r.text
    assert r.json()["value"] == 1.8 and r.json()["status"] == "corrected"
    assert c.get(f"/api/facts/{fid}").json()["value"] == 1.8
    entry = c.get(f"/api/facts/{fid}/history").json()[0]
    assert entry["actor"] == "li" and entry["before"]["value"] == 1.76 and entry["after"]["value"] == 1.8
    correction = c.get("/api/corrections").json()[0]
    assert correction["action"] == "correct" and correction["changes"] == {"value": 1.8} and correction["note"] == "表2"
    # The conflict is resolved by the correction.
    assert not [x for x in c.get("/api/conflicts").json() if x["indicator"] == "城镇新增就业"]

    other = fact_of(c, "1500 亿元左右")["id"]
    assert c.post(f"/api/facts/{other}/confirm", json={"by": "wang"}, headers=AUTH).json()["status"] == "confirmed"
    assert (
        c.post(f"/api/facts/{other}/reject", json={"by": "wang", "note": "x"}, headers=AUTH).json()["status"]
        == "rejected"
    )
    actions = [h["action"] for h in c.get(f"/api/facts/{other}/history").json()]
    assert actions == ["reject", "confirm"]


WRITE_BAD = [
    ("correct", {"by": "li", "changes": {"value": "many"}}, 400, "value must be a number"),
    ("correct", {"by": "li", "changes": {"colour": "red"}}, 400, "unknown field"),
    ("correct", {"by": "li", "changes": {"start": 3}}, 400, "cannot be corrected"),
    ("correct", {"by": "li", "changes": {"kind": "maybe"}}, 400, "kind must be one of"),
    ("correct", {"by": "li", "changes": {"period": "soon"}}, 400, "period must be"),
    ("correct", {"by": "li", "changes": {}}, 422, "changes"),
    ("correct", {"by": "li"}, 422, "changes"),
    ("confirm", {"note": "who?"}, 422, "by"),
    ("confirm", {"by": ""}, 422, "by"),
    ("confirm", {"by": "   "}, 400, "say who"),
]


@pytest.mark.parametrize(("action", "body", "status", "words"), WRITE_BAD)
def test_bad_writes_are_4xx(client: TestClient, action: str, body: dict, status: int, words: str) -> None:
    fid = fact_of(client, "1500 亿元左右")["id"]
    r = client.post(f"/api/facts/{fid}/{action}", json=body, headers=AUTH)
    assert r.status_code == status, r.text
    assert words in r.json()["detail"]
    assert client.get(f"/api/facts/{fid}").json()["status"] == "extracted"


def test_bad_write_targets(client: TestClient) -> None:
    assert client.post("/api/facts/999999/confirm", json={"by": "li"}, headers=AUTH).status_code == 404
    assert client.post("/api/facts/abc/confirm", json={"by": "li"}, headers=AUTH).status_code == 422
    r = client.post("/api/facts/1/confirm", content=b"{not json", headers={**AUTH, "Content-Type": "application/json"})
    assert r.status_code == 422 and "detail" in r.json()
    assert client.get("/api/facts/1/confirm").status_code == 405
