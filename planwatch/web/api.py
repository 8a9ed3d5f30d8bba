"""The JSON API under ``/api``: the ``Store`` questions over HTTP, with their OpenAPI schema.

Parameters mirror the CLI options (``/api/targets?region=锦州市&plan=十四五`` is
``planwatch targets --region 锦州市 --plan 十四五``), and each endpoint calls the same
``WebService`` method as the page that shows it.  Enumerated parameters are typed, so a bad
``kind`` or a non-numeric id is a 422 with a message before any query runs; an unknown region,
indicator, document or fact is a 404; ids are bounded to SQLite's integer range so that no
value can overflow the driver into a 500.

Writes need ``Authorization: Bearer <token>`` (``planwatch.web.auth``) and say who makes
them in ``by``, which the audit log records.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Body, Depends, HTTPException, Path, Query, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, Field

from planwatch.web.service import WebService, clean

MAX_ID = 2**63 - 1
Kind = Literal["actual", "estimate", "target"]
Measure = Literal["level", "growth", "avg_growth", "change_pp"]
Status = Literal["achieved", "on track", "moderate", "insufficient", "moving away", "not achieved", "no data"]


class ErrorBody(BaseModel):
    """What every error answers: one line saying what is wrong (never a traceback)."""

    detail: str = Field(description="What is wrong, in one line")


class ValidationErrorBody(ErrorBody):
    errors: list[dict[str, Any]] = Field(description="Each invalid parameter: loc, msg, type")


# The error answers the app really gives (planwatch.web.app), so that the schema is a contract
# a client (or schemathesis) can check every response against.
ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorBody, "description": "A parameter that makes no sense (unknown plan, empty query)"},
    404: {"model": ErrorBody, "description": "Unknown region, indicator, document or fact"},
    422: {"model": ValidationErrorBody, "description": "A parameter of the wrong type, or out of range"},
}
WRITE_ERRORS: dict[int | str, dict[str, Any]] = {
    401: {"model": ErrorBody, "description": "No admin token, or a wrong one"},
    413: {"model": ErrorBody, "description": "A request body over 1 MB"},
}
router = APIRouter(prefix="/api", tags=["api"], responses=ERRORS)
bearer = HTTPBearer(auto_error=False, description="The operator's admin token")

FactId = Annotated[int, Path(ge=1, le=MAX_ID, description="A fact id (as in `planwatch facts`)")]
DocId = Annotated[int, Path(ge=1, le=MAX_ID, description="A document id")]
Region = Annotated[str, Query(min_length=1, max_length=100, description="Region name (锦州市, 锦州) or code")]
OptRegion = Annotated[str | None, Query(max_length=100, description="Region name or code")]
Indicator = Annotated[str, Query(min_length=1, max_length=100, description="Indicator name, synonym or id")]
OptIndicator = Annotated[str | None, Query(max_length=100, description="Indicator name, synonym or id")]
Plan = Annotated[str | None, Query(max_length=40, description="Five-year plan: 十四五, 十五五, or 2021-2025")]
ProjectId = Annotated[int, Path(ge=1, le=MAX_ID, description="A project id (as in `planwatch projects`)")]
ProjectSort = Literal["investment", "name", "region", "mentions"]
Stage = Annotated[
    str | None, Query(max_length=20, description="Latest stage: 谋划 签约 开工 在建 主体封顶 竣工 投产, or none")
]
Sector = Annotated[
    str | None, Query(max_length=20, description="Sector: 农业 工业 高新技术 服务业 基础设施 生态环保 社会事业")
]
PlanPeriod = Annotated[str | None, Query(max_length=40, description="Only projects mentioned for this plan's period")]


def service(request: Request) -> WebService:
    return request.app.state.service  # type: ignore[no-any-return]


Service = Annotated[WebService, Depends(service)]


def writer(request: Request, credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]) -> None:
    """Let the request through only with the operator token as a Bearer credential."""
    if credentials is None:
        raise HTTPException(401, "writing needs the admin token: send Authorization: Bearer <token>")
    if not request.app.state.auth.check(credentials.credentials):
        raise HTTPException(401, "invalid admin token")


class Action(BaseModel):
    """Who confirms or rejects a fact, and why."""

    by: str = Field(min_length=1, max_length=100, description="Who makes the change (kept in the audit log)")
    note: str = Field("", max_length=2000, description="Why")


class Correction(Action):
    """Fields to change, e.g. ``{"value": 1.76, "unit": "万人"}``."""

    changes: dict[str, str | float | int | None] = Field(
        min_length=1,
        description="Correctable fields: indicator, mention, measure, value, unit, kind, period, region, "
        "qualifier, indicator_id, region_id",
    )


# -- reads ---------------------------------------------------------------------------------
@router.get("/stats", summary="Counts of documents, facts and corrections")
def stats(svc: Service) -> dict[str, Any]:
    return svc.stats()


@router.get("/regions", summary="Regions that facts are about, most targets first")
def regions(svc: Service) -> list[dict[str, Any]]:
    return svc.regions()


@router.get("/indicators", summary="The indicator taxonomy with fact counts")
def indicators(svc: Service) -> list[dict[str, Any]]:
    return svc.indicators()


@router.get("/overview", summary="Key indicators of a region: latest value, target, status, sparkline")
def overview(svc: Service, region: Region, plan: Plan = None, lang: Literal["zh", "en"] = "zh") -> dict[str, Any]:
    return svc.overview(region, plan, lang=lang)


@router.get("/series", summary="Values of an indicator in a region by period, every source kept")
def series(
    svc: Service, indicator: Indicator, region: Region, measure: Measure | None = None, kind: Kind | None = None
) -> list[dict[str, Any]]:
    return svc.series(indicator, region, measure=measure, kind=kind)


@router.get("/indicator", summary="An indicator page's data: series of one measure, targets, chart points")
def indicator_view(
    svc: Service, indicator: Indicator, region: OptRegion = None, measure: Measure | None = None
) -> dict[str, Any]:
    return svc.indicator_view(indicator, region, measure)


@router.get("/targets", summary="Every target of a region's plan with baseline, latest, growth, status, progress")
def targets(
    svc: Service,
    region: Region,
    plan: Plan = None,
    indicator: OptIndicator = None,
    as_of: Annotated[int | None, Query(ge=1900, le=2200, description="Use observations up to this year")] = None,
    status: Status | None = None,
    field: Annotated[str | None, Query(max_length=40, description="Plan field (经济发展 …) or 'other'")] = None,
) -> dict[str, Any]:
    return svc.plan_view(region, plan, status=status, field=field, indicator=indicator, as_of=as_of)


@router.get("/conflicts", summary="Sources that disagree, and arithmetic that does not add up")
def conflicts(svc: Service, region: OptRegion = None, all_indicators: bool = False) -> list[dict[str, Any]]:
    return svc.conflicts(region, all_indicators=all_indicators)


@router.get("/compare", summary="One indicator across regions for one period")
def compare(
    svc: Service,
    indicator: Indicator,
    period: Annotated[str | None, Query(max_length=20, pattern=r"^\d{4}(-\d{4})?$")] = None,
    kind: Kind | None = None,
    measure: Measure | None = None,
    level: Literal["province", "city", "county"] | None = None,
    sort: Literal["value", "region"] = "value",
) -> dict[str, Any]:
    return svc.compare_view(indicator, period=period, kind=kind, measure=measure, level=level, sort=sort)


@router.get("/documents", summary="Documents (without their text)")
def documents(svc: Service, include_superseded: bool = False) -> list[dict[str, Any]]:
    return svc.documents(include_superseded)


@router.get("/documents/{document_id}", summary="One document; its text with text=true")
def document(svc: Service, document_id: DocId, text: bool = False) -> dict[str, Any]:
    doc = svc.document(document_id)
    if not text:
        doc.pop("text", None)
    return doc


@router.get("/documents/{document_id}/facts", summary="Every fact of one document, in document order")
def document_facts(svc: Service, document_id: DocId) -> list[dict[str, Any]]:
    return svc.document_facts(document_id)


@router.get("/facts", summary="Stored facts, filtered")
def facts(
    svc: Service,
    region: OptRegion = None,
    indicator: OptIndicator = None,
    kind: Kind | None = None,
    measure: Measure | None = None,
    period: Annotated[str | None, Query(max_length=20)] = None,
    include_all: Annotated[bool, Query(alias="all", description="Include rejected and superseded facts")] = False,
    limit: Annotated[int, Query(ge=1, le=5000)] = 500,
    offset: Annotated[int, Query(ge=0, le=MAX_ID)] = 0,
) -> dict[str, Any]:
    return svc.facts(
        limit=limit,
        offset=offset,
        region=region,
        indicator=indicator,
        kind=kind,
        measure=measure,
        period=period,
        current=not include_all,
        include_rejected=include_all,
    )


@router.get("/facts/{fact_id}", summary="One fact with its extracted state")
def fact(svc: Service, fact_id: FactId) -> dict[str, Any]:
    return svc.fact(fact_id)


@router.get("/facts/{fact_id}/history", summary="The audit entries of one fact, newest first")
def fact_history(svc: Service, fact_id: FactId) -> list[dict[str, Any]]:
    return svc.history(fact_id)


@router.get("/history", summary="The audit log, newest first")
def history(
    svc: Service,
    fact_id: Annotated[int | None, Query(ge=1, le=MAX_ID)] = None,
    limit: Annotated[int, Query(ge=1, le=10000)] = 200,
) -> list[dict[str, Any]]:
    return svc.history(fact_id, limit=limit)


@router.get("/corrections", summary="Every confirmation, correction and rejection")
def corrections(svc: Service) -> list[dict[str, Any]]:
    return svc.corrections()


@router.get("/search", summary="Full-text search over the current documents (Chinese-aware)")
def search(
    svc: Service,
    q: Annotated[str, Query(min_length=1, max_length=200, description="Terms separated by spaces; all must occur")],
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
) -> dict[str, Any]:
    found = svc.search(q, limit)
    return {
        "query": q,
        "terms": found.terms,
        "total": found.total,  # documents matching in all (``results`` holds the best ``limit``)
        "total_capped": found.capped,  # counting stopped at 10,000: at least ``total``
        "results": [h.to_dict() for h in found.hits],
    }


@router.get("/projects", summary="Key projects, filtered, with totals by sector and stage and the stated counts")
def projects(
    svc: Service,
    region: OptRegion = None,
    stage: Stage = None,
    sector: Sector = None,
    plan: PlanPeriod = None,
    q: Annotated[str | None, Query(max_length=100, description="Part of a project's name")] = None,
    sort: ProjectSort = "investment",
    limit: Annotated[int, Query(ge=1, le=5000)] = 500,
    offset: Annotated[int, Query(ge=0, le=MAX_ID)] = 0,
) -> dict[str, Any]:
    return svc.projects_view(
        region=region, stage=stage, sector=sector, plan=plan, q=q, sort=sort, limit=limit, offset=offset
    )


@router.get("/projects/{project_id}", summary="One key project: names, stages, investment, every statement in order")
def project(svc: Service, project_id: ProjectId) -> dict[str, Any]:
    return svc.project_view(project_id)


# -- writes --------------------------------------------------------------------------------
@router.post(
    "/facts/{fact_id}/confirm",
    summary="Confirm a fact (needs the token)",
    dependencies=[Depends(writer)],
    responses=WRITE_ERRORS,
)
def confirm(svc: Service, fact_id: FactId, body: Annotated[Action, Body()]) -> dict[str, Any]:
    return clean(svc.act("confirm", fact_id, by=body.by, note=body.note))


@router.post(
    "/facts/{fact_id}/reject",
    summary="Reject a fact (needs the token)",
    dependencies=[Depends(writer)],
    responses=WRITE_ERRORS,
)
def reject(svc: Service, fact_id: FactId, body: Annotated[Action, Body()]) -> dict[str, Any]:
    return clean(svc.act("reject", fact_id, by=body.by, note=body.note))


@router.post(
    "/facts/{fact_id}/correct",
    summary="Correct fields of a fact (needs the token)",
    dependencies=[Depends(writer)],
    responses=WRITE_ERRORS,
)
def correct(svc: Service, fact_id: FactId, body: Annotated[Correction, Body()]) -> dict[str, Any]:
    return clean(svc.act("correct", fact_id, by=body.by, note=body.note, changes=dict(body.changes)))
