"""PlanWatch on the web: a dashboard and a JSON API over the indicator store.

``create_app(db_url, token=...)`` returns the ASGI application; ``planwatch serve`` runs it
with uvicorn.  Pages are server-rendered (Chinese by default, ``?lang=en`` for English), the
API lives under ``/api`` with its OpenAPI schema at ``/api/openapi.json``, and every asset —
ECharts included — is served by the app itself.
"""

from planwatch.web.app import create_app

__all__ = ["create_app"]
