"""CSV and Excel downloads of every table the pages show: ``/download/{table}?format=csv|xlsx&…``.

Each download asks the same ``WebService`` method as its page, with the page's own filters, so
the file holds what the table shows (all of it: a paged table's download is not cut to a page).
Nested values (a contradiction's sources) become one row each.  CSV is written with a UTF-8 byte
order mark so that Excel opens Chinese text as such; Excel files are written by openpyxl.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from typing import Annotated, Any
from urllib.parse import quote, urlencode

from fastapi import APIRouter, HTTPException, Query, Request, Response

from planwatch.web.service import WebService, clean

router = APIRouter(include_in_schema=False)

TABLES = ("series", "targets", "compare", "facts", "projects", "conflicts")
MAX_ROWS = 100_000

#: The columns of each table, in order (others a row may have are left out: ids of internal use,
#: the chart's drawing data).
COLUMNS: dict[str, tuple[str, ...]] = {
    "series": ("indicator", "region", "period", "measure", "kind", "value", "unit", "qualifier", "preferred",
               "status", "text", "doc_title", "doc_year", "quote", "fact_id"),
    "targets": ("category", "indicator", "measure", "period", "target", "unit", "qualifier", "baseline",
                "baseline_year", "latest", "latest_year", "required_growth", "observed_growth", "status", "text",
                "doc_title", "quote", "fact_id"),
    "compare": ("region", "level", "period", "measure", "kind", "value", "value_high", "unit", "qualifier", "text",
                "doc_title", "quote", "fact_id"),
    "facts": ("id", "indicator", "mention", "measure", "value", "unit", "kind", "period", "region", "qualifier",
              "status", "text", "start", "end", "quote"),
    "projects": ("name", "region", "sector", "stage", "stage_kind", "first_period", "last_period", "investment",
                 "investment_unit", "n_mentions", "n_documents", "id"),
    "conflicts": ("severity", "type", "region", "indicator", "period", "measure", "kind", "explanation", "value",
                  "unit", "qualifier", "text", "doc_title", "quote", "fact_id"),
}  # fmt: skip


def _titled(svc: WebService, rows: list[dict[str, Any]], doc_key: str = "doc") -> list[dict[str, Any]]:
    """Rows with their document named by title and year (``doc_title``, ``doc_year``), not by file."""
    titles = svc.document_titles()
    for r in rows:
        name = r.get(doc_key)
        if name is not None:
            title, year = titles.get(name, (name, None))
            r.setdefault("doc_title", title)
            r.setdefault("doc_year", year)
    return rows


def _series(svc: WebService, q: dict[str, str]) -> list[dict[str, Any]]:
    data = svc.indicator_view(_need(q, "indicator"), q.get("region") or None, q.get("measure") or None)
    return _titled(svc, [{**p, "indicator": data["indicator"], "region": data["region"]} for p in data["points"]])


def _targets(svc: WebService, q: dict[str, str]) -> list[dict[str, Any]]:
    plan = q.get("plan") or None
    data = svc.plan_view(
        _need(q, "region"), None if plan == "-" else plan, status=q.get("status") or None,
        field=q.get("field") or None, taxonomy_only=q.get("key") == "1",
    )  # fmt: skip
    return _titled(svc, [dict(t) for t in data["targets"]])


def _compare(svc: WebService, q: dict[str, str]) -> list[dict[str, Any]]:
    data = svc.compare_view(
        q.get("indicator") or "地区生产总值", period=q.get("period") or None, kind=q.get("kind") or None,
        measure=q.get("measure") or None, level=q.get("level") or None, sort=q.get("sort") or "value",
    )  # fmt: skip
    return _titled(svc, [dict(r) for r in data["rows"]])


def _facts(svc: WebService, q: dict[str, str]) -> list[dict[str, Any]]:
    if q.get("document"):
        if not q["document"].isdigit():
            raise HTTPException(400, "document must be a document id")
        return [dict(f) for f in svc.document_facts(int(q["document"]))]
    filters = {k: q[k] for k in ("region", "indicator", "kind", "measure", "period", "status") if q.get(k)}
    return [dict(f) for f in svc.facts(limit=MAX_ROWS, offset=0, **filters)["facts"]]


def _projects(svc: WebService, q: dict[str, str]) -> list[dict[str, Any]]:
    data = svc.projects_view(
        region=q.get("region") or None, stage=q.get("stage") or None, sector=q.get("sector") or None,
        plan=q.get("plan") or None, q=q.get("q") or None, sort=q.get("sort") or "investment", limit=MAX_ROWS,
    )  # fmt: skip
    return [dict(p) for p in data["projects"]]


def _conflicts(svc: WebService, q: dict[str, str]) -> list[dict[str, Any]]:
    rows = []
    for c in svc.conflicts(q.get("region") or None):
        head = {k: v for k, v in c.items() if k != "sources"}
        rows += [{**head, **s} for s in c["sources"]]
    return _titled(svc, rows)


SOURCES: dict[str, Callable[[WebService, dict[str, str]], list[dict[str, Any]]]] = {
    "series": _series, "targets": _targets, "compare": _compare, "facts": _facts, "projects": _projects,
    "conflicts": _conflicts,
}  # fmt: skip


def _need(q: dict[str, str], name: str) -> str:
    if not q.get(name):
        raise HTTPException(400, f"{name} is required for this table")
    return q[name]


def _cell(v: Any) -> Any:
    if v is None:
        return ""
    if isinstance(v, list | dict):
        return json.dumps(clean(v), ensure_ascii=False)
    if isinstance(v, float) and v.is_integer():
        return int(v)  # 1500, as the document writes it, not 1500.0
    return v


def table_rows(svc: WebService, table: str, params: dict[str, str]) -> tuple[tuple[str, ...], list[list[Any]]]:
    """The header and rows of one table's download."""
    if table not in SOURCES:
        raise HTTPException(404, f"no table {table!r}: one of {', '.join(TABLES)}")
    rows = SOURCES[table](svc, params)
    columns = COLUMNS[table]
    return columns, [[_cell(clean(r.get(c))) for c in columns] for r in rows]


def download_url(table: str, fmt: str, **params: Any) -> str:
    """The link of a table's download, with the page's filters (empty ones left out)."""
    kept = {k: v for k, v in params.items() if v not in (None, "")}
    return f"/download/{table}?" + urlencode({"format": fmt, **kept})


@router.get("/download/{table}")
def download(
    request: Request,
    table: str,
    fmt: Annotated[str, Query(alias="format", pattern="^(csv|xlsx)$")] = "csv",
) -> Response:
    svc: WebService = request.app.state.service
    params = {k: v[:200] for k, v in request.query_params.items() if k not in ("format", "lang")}
    header, rows = table_rows(svc, table, params)
    name = f"planwatch-{table}.{fmt}"
    disposition = f"attachment; filename=\"{name}\"; filename*=UTF-8''{quote(name)}"
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\r\n")
        writer.writerow(header)
        writer.writerows(rows)
        body = ("\ufeff" + buf.getvalue()).encode("utf-8")
        return Response(body, media_type="text/csv; charset=utf-8", headers={"Content-Disposition": disposition})
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet(table)
    ws.append(list(header))
    for r in rows:
        ws.append(r)
    out = io.BytesIO()
    wb.save(out)
    return Response(
        out.getvalue(),
        media_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        headers={"Content-Disposition": disposition},
    )
