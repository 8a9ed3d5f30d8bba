"""The PlanWatch web application: server-rendered pages, a JSON API under ``/api``, static assets.

``create_app`` wires the pieces: one ``WebService`` over one ``Store``, the auth of
``planwatch.web.auth``, the page and API routers, and the rules every response follows:

* **Nothing leaves the server.**  Scripts, styles and ECharts are served from ``/static``;
  the Content-Security-Policy allows only this origin, so even a document that smuggled in a
  reference to another host could not make the browser fetch it.  The interactive OpenAPI
  viewers (Swagger UI, ReDoc) load their code from a CDN and are therefore off; the schema is
  at ``/api/openapi.json`` and ``/apidocs`` lists the endpoints as a plain page.
* **No stack traces to clients.**  Every error becomes a short message — JSON under ``/api``,
  an error page elsewhere — with a 4xx status for bad input (unknown region, malformed id)
  and a generic 500 for our own bugs, whose traceback goes only to the server log.
* **Small bodies only.**  A request body over ``MAX_BODY_BYTES`` is refused with 413 before any
  handler (or the authentication that runs with it) reads it into memory; there are no uploads.
"""

from __future__ import annotations

import logging
import os
import secrets
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.sessions import SessionMiddleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from planwatch import __version__
from planwatch.errors import PlanWatchError
from planwatch.store import Store
from planwatch.web.auth import (
    ENV_SECRET,
    SESSION_COOKIE,
    SESSION_MAX_AGE,
    AdminAuth,
    check_production_token,
    production_mode,
)
from planwatch.web.labels import label, pick_lang
from planwatch.web.search import SearchError
from planwatch.web.service import NotFound, WebService

HERE = Path(__file__).resolve().parent
TEMPLATES = HERE / "templates"
STATIC = HERE / "static"
log = logging.getLogger("planwatch.web")

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
}
MAX_BODY_BYTES = 1024 * 1024
"""Largest request body (bytes).  A write carries a name, a note and a few fields."""
TOO_LARGE = f"request body too large (the limit is {MAX_BODY_BYTES // 1024} KB)"


class BodyLimit:
    """Refuse a request body over ``limit`` bytes with 413, declared or streamed, before it is read.

    Without it a route reads the whole body before its dependencies run, so even a request that
    authentication refuses could make the server hold gigabytes.
    """

    def __init__(self, app: ASGIApp, limit: int = MAX_BODY_BYTES) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = next((v for k, v in scope["headers"] if k == b"content-length"), None)
        if declared is not None and (not declared.strip().isdigit() or int(declared) > self.limit):
            response = error_response(Request(scope), 413, TOO_LARGE)
            await response(scope, receive, send)
            return
        received = 0

        async def limited_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.limit:  # a chunked body that did not declare its length
                    raise StarletteHTTPException(413, TOO_LARGE)
            return message

        await self.app(scope, limited_receive, send)


def create_app(
    store: Store | str | os.PathLike[str] | None = None,
    *,
    token: str,
    session_secret: str | None = None,
    https_only: bool = False,
    production: bool | None = None,
) -> FastAPI:
    """The ASGI app over ``store`` (a ``Store`` or a database URL, as ``--db`` takes).

    ``token`` is the operator's write token (only its digest is kept); ``session_secret``
    signs session cookies — by default ``$PLANWATCH_SESSION_SECRET`` or a random secret, so
    sessions end when the server restarts.  ``https_only`` marks the cookie ``Secure`` (set it
    behind a TLS proxy).  ``production`` (default: ``$PLANWATCH_ENV=production``) refuses a
    missing or short token with ``AuthConfigError``.
    """
    if production is None:
        production = production_mode()
    if production:
        check_production_token(token)
    if not isinstance(store, Store):
        store = Store(store)
    service = WebService(store)
    app = FastAPI(
        title="PlanWatch",
        version=__version__,
        description="Indicator facts of Chinese regional development documents and the monitoring of "
        "plan targets. Reads are public; writes need `Authorization: Bearer <token>`.",
        openapi_url="/api/openapi.json",
        docs_url=None,
        redoc_url=None,
    )
    app.state.service = service
    app.state.auth = AdminAuth(token)
    templates = Jinja2Templates(directory=str(TEMPLATES))
    templates.env.autoescape = True  # every template, whatever its extension
    app.state.templates = templates
    secret = session_secret or os.environ.get(ENV_SECRET) or secrets.token_urlsafe(32)
    app.add_middleware(BodyLimit, limit=MAX_BODY_BYTES)  # innermost: its 413s get the headers below
    app.add_middleware(
        SessionMiddleware,
        secret_key=secret,
        session_cookie=SESSION_COOKIE,
        max_age=SESSION_MAX_AGE,
        same_site="lax",
        https_only=https_only,
    )

    @app.middleware("http")
    async def security_headers(request: Request, call_next: Any) -> Response:
        response: Response = await call_next(request)
        for k, v in SECURITY_HEADERS.items():
            response.headers.setdefault(k, v)
        if request.url.path.startswith("/api") or request.method != "GET":
            response.headers.setdefault("Cache-Control", "no-store")
        return response

    from planwatch.web.api import router as api_router
    from planwatch.web.downloads import router as download_router
    from planwatch.web.pages import router as page_router

    app.include_router(api_router)
    app.include_router(page_router)
    app.include_router(download_router)
    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")
    _install_error_handlers(app)
    return app


def _is_api(request: Request) -> bool:
    return request.url.path.startswith("/api")


def _validation_message(exc: RequestValidationError) -> str:
    """'query parameter kind: Input should be …' — where the problem is, and what it is."""
    parts = []
    for err in exc.errors():
        loc = [str(x) for x in err.get("loc", ())]
        where = loc[0] if loc else "request"
        name = ".".join(loc[1:]) if len(loc) > 1 else ""
        place = {"query": "query parameter", "path": "path parameter", "body": "body field"}.get(where, where)
        parts.append(f"{place} {name}: {err.get('msg', 'invalid')}".replace("  ", " ").strip())
    return "; ".join(parts) or "invalid request"


def error_response(request: Request, status: int, message: str, extra: dict[str, Any] | None = None) -> Response:
    """The error as JSON (``{"detail": message}``) under ``/api``, else as an error page."""
    if _is_api(request):
        body: dict[str, Any] = {"detail": message}
        if extra:
            body.update(extra)
        headers = dict(SECURITY_HEADERS)
        if status == 401:
            headers["WWW-Authenticate"] = "Bearer"
        return JSONResponse(body, status_code=status, headers=headers)
    lang = pick_lang(request.query_params.get("lang"))
    templates: Jinja2Templates = request.app.state.templates
    return templates.TemplateResponse(
        request,
        "error.html",
        {
            "status": status,
            "message": message,
            "lang": lang,
            "t": lambda key: label(key, lang),
            "home": "/?lang=en" if lang == "en" else "/",
        },
        status_code=status,
        headers=SECURITY_HEADERS,
    )


def _install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        message = exc.detail if isinstance(exc.detail, str) else "error"
        if exc.status_code == 404 and message == "Not Found":
            message = f"no such page: {request.url.path}"
        response = error_response(request, exc.status_code, message)
        for k, v in (exc.headers or {}).items():
            response.headers[k] = v
        return response

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        errors = [
            {"loc": list(e.get("loc", ())), "msg": e.get("msg", ""), "type": e.get("type", "")} for e in exc.errors()
        ]
        status = 422 if _is_api(request) else 400
        return error_response(request, status, _validation_message(exc), {"errors": errors})

    @app.exception_handler(PlanWatchError)
    async def planwatch_error(request: Request, exc: PlanWatchError) -> Response:
        status = 404 if isinstance(exc, NotFound) else 400
        return error_response(request, status, str(exc))

    @app.exception_handler(SearchError)
    async def search_error(request: Request, exc: SearchError) -> Response:
        return error_response(request, 400, str(exc))

    @app.exception_handler(Exception)
    async def internal_error(request: Request, exc: Exception) -> Response:
        log.exception("internal error on %s %s", request.method, request.url.path)
        return error_response(request, 500, "internal error: the server log has the details")
