"""Server-rendered pages in Chinese (``?lang=en`` for English), each over one ``WebService`` call.

Pages are plain HTML forms and links — no client-side framework — so every state has a URL
(a filtered plan, a fact inside its document) that can be shared, bookmarked and tested with
any HTTP client.  JavaScript is used for the charts only (ECharts, served from ``/static``),
and reads its data from a ``<script type="application/json">`` block, so the strict
Content-Security-Policy needs no inline script.

Writes (confirm / correct / reject, log out) are POST forms that carry the session's CSRF
token; after a write the browser is redirected (POST/redirect/GET) to the fact in its document
with a one-time message, so a reload never repeats a correction.
"""

from __future__ import annotations

import functools
import json
import math
import os
import re
from collections.abc import Callable
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from typing import Annotated, Any
from urllib.parse import quote, urlencode
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from fastapi import APIRouter, Form, HTTPException, Path, Query, Request
from fastapi.responses import RedirectResponse, Response
from markupsafe import Markup, escape

from planwatch.errors import PlanWatchError
from planwatch.projects.taxonomy import load_project_taxonomy
from planwatch.store.records import parse_period
from planwatch.web import auth
from planwatch.web.highlight import Focus, fact_spans, render
from planwatch.web.labels import STATUS_CLASS, STATUS_ORDER, label, pick_lang, project_en, value_label
from planwatch.web.mdview import layout, plain
from planwatch.web.search import MAX_MARKED, find_hits, parse_query
from planwatch.web.service import NotFound, WebService, changed_fields, clean

MAX_ID = 2**63 - 1
router = APIRouter(include_in_schema=False)
QUALIFIER_WORDS = {"about": "左右", "at_least": "以上", "at_most": "以内"}
CORRECTABLE = ("indicator", "measure", "value", "unit", "kind", "period", "region", "qualifier")
FactId = Annotated[int, Path(ge=1, le=MAX_ID)]
PROJECTS_PER_PAGE = 100
PROJECT_SORTS = ("investment", "name", "region", "mentions")


# -- helpers available to every template ---------------------------------------------------
def fmt_num(value: Any) -> str:
    """A number as a person writes it: ``1500``, ``1.76``, ``0.0259`` (no float noise)."""
    if value is None:
        return "–"
    if isinstance(value, bool) or not isinstance(value, int | float):
        return str(value)
    if isinstance(value, float) and not math.isfinite(value):
        return "–"
    if float(value).is_integer():
        return str(int(value))
    return f"{value:.4f}".rstrip("0").rstrip(".") if abs(value) < 1000 else f"{value:.1f}"


def fmt_pct(value: Any) -> str:
    return "–" if value is None else f"{value:.1f}%"


def seg(value: Any) -> str:
    """One path segment, percent-encoded (region names hold parentheses, indicators slashes)."""
    return quote(str(value), safe="")


def sparkline(points: list[list[float]], target: tuple[float, float] | None = None) -> Markup:
    """A small inline SVG line of (year, value) points and the target as a dot.

    Server-side SVG rather than a chart per card: no script, and it prints and screenshots
    the same everywhere.
    """
    if not points:
        return Markup('<svg class="spark empty" viewBox="0 0 120 32" aria-hidden="true"></svg>')
    xs = [p[0] for p in points] + ([target[0]] if target else [])
    ys = [p[1] for p in points] + ([target[1]] if target else [])
    x0, x1 = min(xs), max(xs)
    y0, y1 = min(ys), max(ys)
    sx = (lambda x: 4 + (x - x0) / (x1 - x0) * 112) if x1 > x0 else (lambda x: 60.0)
    sy = (lambda y: 28 - (y - y0) / (y1 - y0) * 24) if y1 > y0 else (lambda y: 16.0)
    coords = " ".join(f"{sx(x):.1f},{sy(y):.1f}" for x, y in points)
    parts = ['<svg class="spark" viewBox="0 0 120 32" aria-hidden="true">']
    if target:
        lx, ly = sx(points[-1][0]), sy(points[-1][1])
        tx, ty = sx(target[0]), sy(target[1])
        parts.append(f'<line class="spark-path" x1="{lx:.1f}" y1="{ly:.1f}" x2="{tx:.1f}" y2="{ty:.1f}"/>')
    if len(points) > 1:
        parts.append(f'<polyline class="spark-line" points="{coords}"/>')
    for x, y in points:
        parts.append(f'<circle class="spark-dot" cx="{sx(x):.1f}" cy="{sy(y):.1f}" r="1.8"/>')
    if target:
        parts.append(f'<circle class="spark-target" cx="{sx(target[0]):.1f}" cy="{sy(target[1]):.1f}" r="2.6"/>')
    parts.append("</svg>")
    return Markup("".join(parts))


class Page:
    """What every template gets: the language, words, links that keep the language, the user."""

    def __init__(self, request: Request) -> None:
        self.request = request
        self.lang = pick_lang(request.query_params.get("lang"))
        self.user = auth.current_user(request)
        self._flash: dict[str, str] | None = None
        self._flash_taken = False

    @property
    def flash(self) -> dict[str, str] | None:
        """The one-time message, taken off the session only when a page shows it (not by redirects)."""
        if not self._flash_taken:
            self._flash = self.request.session.pop("flash", None)
            self._flash_taken = True
        return self._flash

    def t(self, key: str) -> str:
        return label(key, self.lang)

    def v(self, value: str | None) -> str:
        return value_label(value, self.lang)

    def link(self, path: str, **params: Any) -> str:
        """``path`` with the query ``params`` (``None`` dropped) and, in English, ``lang=en``."""
        query = {k: v for k, v in params.items() if v is not None and v != ""}
        if self.lang == "en":
            query["lang"] = "en"
        return path + ("?" + urlencode(query) if query else "")

    def switch_lang(self) -> str:
        """This page in the other language."""
        params = dict(self.request.query_params)
        if self.lang == "en":
            params.pop("lang", None)
        else:
            params["lang"] = "en"
        return self.request.url.path + ("?" + urlencode(params) if params else "")

    def csrf(self) -> str:
        return auth.csrf_token(self.request)

    def qualifier(self, q: str | None) -> str:
        if not q:
            return ""
        return QUALIFIER_WORDS.get(q, "") if self.lang == "zh" else " (" + value_label(q, "en") + ")"

    def status_class(self, status: str) -> str:
        return STATUS_CLASS.get(status, "none")

    def stage(self, stage_id: str | None) -> str:
        """A project stage in the page's language (``construction``: 在建, under construction)."""
        if not stage_id:
            return self.t("not_stated")
        if self.lang == "en":
            return project_en(stage_id)
        return load_project_taxonomy().stage_label(stage_id) or stage_id

    def sector(self, sector_id: str | None) -> str:
        """A project sector in the page's language (``industry``: 工业, industry)."""
        if not sector_id:
            return self.t("not_stated")
        if self.lang == "en":
            return project_en(sector_id)
        return load_project_taxonomy().sector_label(sector_id) or sector_id

    def stage_kind(self, kind: str | None) -> str:
        """`` (计划)`` after a planned stage, `` (预计)`` after an expected one, nothing after a done one."""
        word = {"target": "stage_planned", "estimate": "stage_expected"}.get(kind or "")
        return f" ({self.t(word)})" if word else ""

    def source(self, doc: str | None) -> str:
        """A source as a reader names it: ``《title》（2021年）`` (not the file's name)."""
        if not doc:
            return ""
        title, year = _svc(self.request).document_titles().get(doc, (doc, None))
        if not year:
            return f"《{title}》"
        return f"《{title}》（{year}年）" if self.lang == "zh" else f"《{title}》 ({year})"

    def when(self, iso: str | None) -> Markup:
        """A stored UTC time as local time (``PLANWATCH_TIMEZONE``, default Asia/Shanghai), in a
        ``<time>`` element that keeps the exact instant."""
        if not iso:
            return Markup("")
        try:
            at = datetime.fromisoformat(str(iso))
        except ValueError:
            return Markup(escape(iso))
        if at.tzinfo is None:
            at = at.replace(tzinfo=UTC)
        local = at.astimezone(_local_zone())
        return Markup(f'<time datetime="{escape(at.isoformat())}">{local:%Y-%m-%d %H:%M}</time>')

    def audit_note(self, entry: dict[str, Any]) -> str:
        """An audit note as a reader may see it: a document by its title, never a path on the server."""
        note = str(entry.get("note") or "")
        if not _PATH.search(note):
            return note
        after = entry.get("after") or {}
        name = after.get("name") if isinstance(after, dict) else None
        name = name or note.replace("\\", "/").rsplit("/", 1)[-1]
        title, year = _svc(self.request).document_titles().get(name, (name, None))
        return f"《{title}》" + (f"（{year}年）" if year and self.lang == "zh" else f" ({year})" if year else "")

    def field(self, name: str) -> str:
        """A fact field's name in the page's language (value: 数值)."""
        word = self.t(name)
        return word if word != name else name

    def downloads(self, table: str, **params: Any) -> Markup:
        """The CSV and Excel links of a table, with the page's filters."""
        from planwatch.web.downloads import download_url

        links = "".join(
            f'<a class="download" data-format="{fmt}" href="{escape(download_url(table, fmt, **params))}" '
            f'download>{label}</a>'
            for fmt, label in (("csv", "CSV"), ("xlsx", "Excel"))
        )
        return Markup(f'<span class="downloads" data-table="{escape(table)}">{self.t("download")}: {links}</span>')

    def mention_link(self, document_id: int, mention_id: int) -> str:
        """A project mention's link: its document, scrolled to the mention's name, marked."""
        return self.link(f"/documents/{int(document_id)}", mention=int(mention_id)) + f"#mention-{int(mention_id)}"


#: A note that is a file path: absolute (/…, C:\…) or with folders.
_PATH = re.compile(r"^(?:[A-Za-z]:[\\/]|/|~/)|[\\/][^\\/\s]+[\\/]")


@functools.lru_cache(maxsize=1)
def _local_zone() -> tzinfo:
    """The time zone pages show times in: ``PLANWATCH_TIMEZONE`` (an IANA name), else Asia/Shanghai."""
    name = os.environ.get("PLANWATCH_TIMEZONE", "Asia/Shanghai")
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return timezone(timedelta(hours=8), "CST")


def page_of(request: Request) -> Page:
    """The ``Page`` of this request, made once (it takes the one-time message off the session)."""
    p = getattr(request.state, "page", None)
    if p is None:
        p = Page(request)
        request.state.page = p
    return p


def page(request: Request, template: str, status_code: int = 200, **context: Any) -> Response:
    p = page_of(request)
    templates = request.app.state.templates
    return templates.TemplateResponse(  # type: ignore[no-any-return]
        request,
        template,
        {
            "p": p,
            "t": p.t,
            "v": p.v,
            "link": p.link,
            "seg": seg,
            "num": fmt_num,
            "pct": fmt_pct,
            "plain": plain,
            "lang": p.lang,
            "statuses": STATUS_ORDER,
            "nav_region": context.pop("nav_region", None) or _nav_region(request),
            **context,
        },
        status_code=status_code,
    )


def _svc(request: Request) -> WebService:
    return request.app.state.service  # type: ignore[no-any-return]


def _nav_region(request: Request) -> str | None:
    try:
        return _svc(request).default_region()
    except Exception:  # the navigation must never break a page, not even an error page
        return None


def _lang_of(request: Request) -> str:
    return pick_lang(request.query_params.get("lang"))


def _chart_json(data: Any) -> Markup:
    """JSON for a ``<script type="application/json">`` block; ``<``, ``>``, ``&`` escaped as \\u."""
    text = json.dumps(clean(data), ensure_ascii=False, allow_nan=False)  # NaN/∞ as null, not a 500
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(text)


# -- read pages ----------------------------------------------------------------------------
@router.get("/")
def home(
    request: Request,
    region: Annotated[str | None, Query(max_length=100)] = None,
    plan: Annotated[str | None, Query(max_length=40)] = None,
) -> Response:
    """The dashboard: the overview of ``region``, else of the region with the most targets."""
    region = (region or "").strip() or _svc(request).default_region()
    if region is None:
        return page(request, "empty.html")
    return overview(request, region, plan)


@router.get("/regions/{region}")
def overview(request: Request, region: str, plan: Annotated[str | None, Query(max_length=40)] = None) -> Response:
    svc = _svc(request)
    data = svc.overview(region, plan, lang=_lang_of(request))
    for card in data["cards"]:
        target = card["target"]
        point = (target["target_year"], target["target"]) if target["measure"] == "level" else None
        card["svg"] = sparkline(card["sparkline"], point if card["sparkline"] else None)
    return page(request, "overview.html", d=data, regions=svc.regions(), nav_region=data["region"])


@router.get("/regions/{region}/plans/{plan}")
def plan_page(
    request: Request,
    region: str,
    plan: str,
    status: Annotated[str | None, Query(max_length=20)] = None,
    field: Annotated[str | None, Query(max_length=40)] = None,
    key: Annotated[str | None, Query(max_length=1)] = None,
) -> Response:
    if status and status not in STATUS_ORDER:
        raise HTTPException(400, f"unknown status {status!r}: one of {', '.join(STATUS_ORDER)}")
    data = _svc(request).plan_view(
        region, None if plan == "-" else plan, status=status, field=field, taxonomy_only=key == "1",
        lang=_lang_of(request),
    )  # fmt: skip
    return page(request, "plan.html", d=data, nav_region=data["region"])


@router.get("/indicators/{indicator}")
def indicator_page(
    request: Request,
    indicator: str,
    region: Annotated[str | None, Query(max_length=100)] = None,
    measure: Annotated[str | None, Query(pattern="^(level|growth|avg_growth|change_pp)$")] = None,
) -> Response:
    data = _svc(request).indicator_view(indicator, region, measure, lang=_lang_of(request))
    p = page_of(request)
    chart = {
        **data["chart"],
        "labels": {
            "actual": p.t("actual"),
            "estimate": p.t("estimate"),
            "target": p.t("target"),
            "other": p.t("other_sources"),
            "path": p.t("target_path"),
        },
        "measure": data["measure"],
        "factUrl": p.link("/facts/{id}"),
    }
    return page(request, "indicator.html", d=data, chart=_chart_json(chart), nav_region=data["region"])


@router.get("/compare")
def compare_page(
    request: Request,
    indicator: Annotated[str | None, Query(max_length=100)] = None,
    period: Annotated[str | None, Query(max_length=20)] = None,
    kind: Annotated[str | None, Query(pattern="^(actual|estimate|target)?$")] = None,
    measure: Annotated[str | None, Query(pattern="^(level|growth|avg_growth|change_pp)?$")] = None,
    level: Annotated[str | None, Query(pattern="^(province|city|county)?$")] = None,
    sort: Annotated[str, Query(pattern="^(value|region)$")] = "value",
) -> Response:
    svc = _svc(request)
    if period and parse_period(period) == (None, None):
        raise HTTPException(400, f"period must be a year (2020) or a span (2021-2025), not {period!r}")
    indicator = indicator or "地区生产总值"
    data = svc.compare_view(
        indicator, period=period or None, kind=kind or None, measure=measure or None, level=level or None, sort=sort
    )
    p = page_of(request)
    chart = {
        "unit": data["unit"],
        "rows": [
            {"region": r["region"], "value": r["value"], "fact": r["fact_id"], "text": r["text"]} for r in data["rows"]
        ],
        "factUrl": p.link("/facts/{id}"),
    }
    indicators = [i for i in svc.indicators() if i["n_facts"]]
    return page(request, "compare.html", d=data, chart=_chart_json(chart), indicators=indicators)


@router.get("/conflicts")
def conflicts_page(request: Request, region: Annotated[str | None, Query(max_length=100)] = None) -> Response:
    items = _svc(request).conflicts(region or None)
    return page(request, "conflicts.html", items=items, region=region or "")


@router.get("/documents")
def documents_page(request: Request) -> Response:
    return page(request, "documents.html", docs=_svc(request).documents(include_superseded=True))


@router.get("/documents/{document_id}")
def document_page(
    request: Request,
    document_id: Annotated[int, Path(ge=1, le=MAX_ID)],
    fact: Annotated[int | None, Query(ge=1, le=MAX_ID)] = None,
    q: Annotated[str | None, Query(max_length=200)] = None,
    mention: Annotated[int | None, Query(ge=1, le=MAX_ID)] = None,
) -> Response:
    svc = _svc(request)
    doc = svc.document(document_id)
    facts = svc.document_facts(document_id)
    p = page_of(request)
    project_mention = None
    if mention is not None:
        project_mention = svc.project_mention(mention)
        if project_mention["document_id"] != document_id:
            raise NotFound(f"project mention {mention} is not in document {document_id}")
    selected = None
    history: list[dict[str, Any]] = []
    if fact is not None:
        selected = next((f for f in facts if f["id"] == fact), None)
        if selected is None:
            raise NotFound(f"fact {fact} is not in document {document_id}")
        selected = svc.fact(fact)
        history = svc.history(fact)
    terms = parse_query(q) if q and q.strip() else []
    hits = find_hits(doc["text"], terms, limit=MAX_MARKED) if terms else []

    def describe(f: dict[str, Any]) -> str:
        return f"#{f['id']} {f['indicator']} · {fmt_num(f['value'])}{f['unit']} · {p.v(f['kind'])} · {f['period']}"

    spans = fact_spans(doc["text"], facts, describe)
    focus = None
    if project_mention is not None:
        m = project_mention
        focus = Focus(m["start"], m["end"], f"mention-{m['id']}", "focus project-mention",
                      f"{m['project'] or m['name']} · {p.stage(m['stage'])} · {p.v(m['kind'])} · {m['period']}")
    body = render(
        doc["text"],
        spans,
        hits,
        href=lambda fid: p.link(f"/documents/{document_id}", fact=fid, q=q or None) + f"#fact-{fid}",
        selected=fact,
        focus=focus,
        layout=layout(doc["text"]),  # Markdown tables as tables, no ** # <b> marks
    )
    return page(
        request,
        "document.html",
        doc=doc,
        body=body,
        facts=facts,
        selected=selected,
        history=history,
        q=q or "",
        n_hits=len(hits),
        correctable=CORRECTABLE,
        mention=project_mention,
    )


@router.get("/facts/{fact_id}")
def fact_page(request: Request, fact_id: FactId) -> Response:
    """A fact's link: its document, scrolled to it, with its fields shown."""
    row = _svc(request).fact(fact_id)
    p = page_of(request)
    url = p.link(f"/documents/{row['document_id']}", fact=fact_id) + f"#fact-{fact_id}"
    return RedirectResponse(url, status_code=303)


@router.get("/projects")
def projects_page(
    request: Request,
    region: Annotated[str | None, Query(max_length=100)] = None,
    stage: Annotated[str | None, Query(max_length=20)] = None,
    sector: Annotated[str | None, Query(max_length=20)] = None,
    plan: Annotated[str | None, Query(max_length=40)] = None,
    q: Annotated[str | None, Query(max_length=100)] = None,
    sort: Annotated[str, Query(pattern="^(investment|name|region|mentions)$")] = "investment",
    page_no: Annotated[int, Query(alias="page", ge=1, le=100_000)] = 1,
) -> Response:
    """The key-project library: filters, totals by sector and stage (with a chart), one page of rows."""
    svc = _svc(request)
    data = svc.projects_view(
        region=region or None, stage=stage or None, sector=sector or None, plan=plan or None, q=q or None,
        sort=sort, limit=PROJECTS_PER_PAGE, offset=(page_no - 1) * PROJECTS_PER_PAGE,
    )  # fmt: skip
    p = page_of(request)
    tax = load_project_taxonomy()
    filters = {"region": data["filters"]["region"], "stage": stage or None, "sector": sector or None,
               "plan": plan or None, "q": q or None, "sort": None if sort == "investment" else sort}  # fmt: skip
    totals = data["totals"]
    chart = {
        "buckets": [
            {"label": p.sector(b["key"]), "n": b["n"], "investment": b["investment"],
             "url": p.link("/projects", **{**filters, "sector": b["key"] or "none"})}
            for b in totals["by_sector"]
        ],
        "labels": {"n": p.t("n_projects"), "investment": f"{p.t('investment_sum')}（亿元）"},
    }  # fmt: skip
    pages = max(1, -(-data["total"] // PROJECTS_PER_PAGE))
    return page(
        request,
        "projects.html",
        d=data,
        chart=_chart_json(chart),
        filters=filters,
        selected_stage=_chosen(stage, tax.stage_id),
        selected_sector=_chosen(sector, tax.sector_id),
        regions=svc.project_regions(),
        plans=svc.project_plans(),
        stages=[s.id for s in tax.stages],
        sectors=[s.id for s in tax.sectors],
        sorts=PROJECT_SORTS,
        page_no=page_no,
        pages=pages,
        nav_region=data["filters"]["region"],
    )


def _chosen(value: str | None, resolve: Callable[[str], str | None]) -> str | None:
    """The option a stage or sector filter selects: its id, ``none``, or nothing."""
    if not value or not value.strip():
        return None
    return "none" if value.strip().lower() == "none" else resolve(value)


@router.get("/projects/{project_id}")
def project_page(request: Request, project_id: Annotated[int, Path(ge=1, le=MAX_ID)]) -> Response:
    """One project: what it is, the path of its stages, and every statement about it with its source."""
    data = _svc(request).project_view(project_id)
    if data["id"] != project_id:  # merged into another project: its page is the other's
        return RedirectResponse(page_of(request).link(f"/projects/{data['id']}"), status_code=303)
    return page(request, "project.html", d=data)


@router.get("/search")
def search_page(request: Request, q: Annotated[str | None, Query(max_length=200)] = None) -> Response:
    terms: list[str] = []
    results: list[Any] = []
    total, capped = 0, False
    if q and q.strip():
        found = _svc(request).search(q)
        terms, results, total, capped = found.terms, found.hits, found.total, found.capped
    return page(request, "search.html", q=q or "", terms=terms, results=results, total=total, capped=capped,
                short=any(len(t) < 3 for t in terms))  # fmt: skip


@router.get("/audit")
def audit_page(request: Request, limit: Annotated[int, Query(ge=1, le=5000)] = 200) -> Response:
    svc = _svc(request)
    return page(request, "audit.html", corrections=svc.corrections(), log=svc.history(limit=limit), limit=limit)


@router.get("/apidocs")
def api_docs_page(request: Request) -> Response:
    """The endpoints of the OpenAPI schema as a plain page (Swagger UI would load a CDN)."""
    schema = request.app.openapi()
    endpoints = [
        {"method": method.upper(), "path": path, "summary": op.get("summary", ""), "params": op.get("parameters", [])}
        for path, ops in schema.get("paths", {}).items()
        for method, op in ops.items()
    ]
    return page(request, "apidocs.html", endpoints=endpoints)


# -- login ---------------------------------------------------------------------------------
def _safe_next(target: str | None) -> str:
    """Only a path on this server (no scheme, no //host): no open redirect after login."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "/"
    return target


@router.get("/login")
def login_form(request: Request, next: Annotated[str | None, Query(max_length=500)] = None) -> Response:
    return page(request, "login.html", next=_safe_next(next), error=None)


@router.post("/login")
def login(
    request: Request,
    token: Annotated[str, Form(max_length=500)] = "",
    name: Annotated[str, Form(max_length=100)] = "",
    csrf: Annotated[str, Form(max_length=200)] = "",
    next: Annotated[str, Form(max_length=500)] = "/",
) -> Response:
    authn = request.app.state.auth
    client = auth.client_of(request)
    if not auth.csrf_ok(request, csrf):
        raise HTTPException(403, "the form expired or did not come from this site: reload the page and try again")
    if authn.blocked(client):
        return page(request, "login.html", 429, next=_safe_next(next), error="too_many_logins")
    if not authn.check(token):
        authn.failed(client)
        return page(request, "login.html", 401, next=_safe_next(next), error="bad_login")
    authn.succeeded(client)
    auth.log_in(request, " ".join(name.split()) or "admin")
    request.session["flash"] = {"kind": "ok", "text": "welcome"}
    return RedirectResponse(_safe_next(next), status_code=303)


@router.post("/logout")
def logout(request: Request, csrf: Annotated[str, Form(max_length=200)] = "") -> Response:
    if not auth.csrf_ok(request, csrf):
        raise HTTPException(403, "the form expired or did not come from this site: reload the page and try again")
    auth.log_out(request)
    request.session["flash"] = {"kind": "ok", "text": "logged_out"}
    return RedirectResponse(page_of(request).link("/"), status_code=303)


# -- corrections ---------------------------------------------------------------------------
def _require_writer(request: Request, csrf: str) -> str:
    user = auth.current_user(request)
    if user is None:
        raise HTTPException(401, "log in first: corrections need the admin token")
    if not auth.csrf_ok(request, csrf):
        raise HTTPException(403, "the form expired or did not come from this site: reload the page and try again")
    return user


def _after_action(request: Request, row: dict[str, Any], kind: str, text: str) -> Response:
    request.session["flash"] = {"kind": kind, "text": text}
    fid = row["id"]
    url = page_of(request).link(f"/documents/{row['document_id']}", fact=fid) + f"#fact-{fid}"
    return RedirectResponse(url, status_code=303)


@router.post("/facts/{fact_id}/confirm")
def confirm_form(
    request: Request,
    fact_id: FactId,
    csrf: Annotated[str, Form(max_length=200)] = "",
    note: Annotated[str, Form(max_length=2000)] = "",
) -> Response:
    user = _require_writer(request, csrf)
    row = _svc(request).act("confirm", fact_id, by=user, note=note)
    return _after_action(request, row, "ok", "flash_confirm")


@router.post("/facts/{fact_id}/reject")
def reject_form(
    request: Request,
    fact_id: FactId,
    csrf: Annotated[str, Form(max_length=200)] = "",
    note: Annotated[str, Form(max_length=2000)] = "",
) -> Response:
    user = _require_writer(request, csrf)
    row = _svc(request).act("reject", fact_id, by=user, note=note)
    return _after_action(request, row, "ok", "flash_reject")


@router.post("/facts/{fact_id}/correct")
def correct_form(
    request: Request,
    fact_id: FactId,
    csrf: Annotated[str, Form(max_length=200)] = "",
    note: Annotated[str, Form(max_length=2000)] = "",
    indicator: Annotated[str | None, Form(max_length=200)] = None,
    measure: Annotated[str | None, Form(max_length=20)] = None,
    value: Annotated[str | None, Form(max_length=50)] = None,
    unit: Annotated[str | None, Form(max_length=20)] = None,
    kind: Annotated[str | None, Form(max_length=20)] = None,
    period: Annotated[str | None, Form(max_length=20)] = None,
    region: Annotated[str | None, Form(max_length=100)] = None,
    qualifier: Annotated[str | None, Form(max_length=20)] = None,
) -> Response:
    user = _require_writer(request, csrf)
    svc = _svc(request)
    row = svc.fact(fact_id)
    submitted = {
        "indicator": indicator, "measure": measure, "value": value, "unit": unit, "kind": kind,
        "period": period, "region": region, "qualifier": qualifier,
    }  # fmt: skip
    changes = changed_fields(row, [(k, v) for k, v in submitted.items() if v is not None])
    if "qualifier" in changes and changes["qualifier"] == "" and not row.get("qualifier"):
        changes.pop("qualifier")
    if not changes:
        return _after_action(request, row, "error", "nothing to correct: change at least one field")
    try:
        row = svc.act("correct", fact_id, by=user, note=note, changes=changes)
    except NotFound:
        raise
    except PlanWatchError as e:  # a bad value: say so next to the form, keep the page
        return _after_action(request, row, "error", str(e))
    return _after_action(request, row, "ok", "flash_correct")
