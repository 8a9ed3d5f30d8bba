"""``planwatch serve``: the web dashboard and JSON API over a PlanWatch database.

A thin command over ``planwatch.web.create_app`` and uvicorn.  The write token comes from
``--token``, else ``$PLANWATCH_ADMIN_TOKEN``; when neither is set a random one is generated
and printed once on stderr, so a demo is writable by whoever started it and by nobody who
merely reaches the port.  ``--demo`` ingests the bundled sample (锦州市, 海拉尔区) first (idempotent), so
``planwatch serve --demo`` is a complete first run.  ``--production`` (or
``$PLANWATCH_ENV=production``) never generates a token: without ``--token`` /
``$PLANWATCH_ADMIN_TOKEN`` (16+ characters) the command stops with exit code 2.
"""

from __future__ import annotations

import os

import click

from planwatch.cli.app import db_option, main


@main.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (0.0.0.0: every interface).")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="Port to listen on.")
@click.option(
    "--token",
    default=None,
    metavar="TOKEN",
    help="Admin token for corrections (default: $PLANWATCH_ADMIN_TOKEN, else a random one printed at start).",
)
@click.option("--demo", is_flag=True, help="Ingest the bundled sample documents (锦州市, 海拉尔区) before serving.")
@click.option("--https-only", "https_only", is_flag=True, help="Mark the session cookie Secure (behind a TLS proxy).")
@click.option(
    "--production",
    is_flag=True,
    help="Refuse to start without an explicitly set admin token of 16+ characters (also $PLANWATCH_ENV=production).",
)
def serve(
    db: str | None, host: str, port: int, token: str | None, demo: bool, https_only: bool, production: bool
) -> None:
    """Serve the dashboard (pages in Chinese, ?lang=en for English) and the JSON API under /api.

    Reading is public; confirming, correcting and rejecting facts need the admin token: log in
    on the pages, or send Authorization: Bearer TOKEN to the API.
    """
    import uvicorn

    from planwatch.store import Store
    from planwatch.web import create_app
    from planwatch.web.auth import ENV_TOKEN, check_production_token, generate_token, production_mode

    token = (token or os.environ.get(ENV_TOKEN) or "").strip()
    production = production_mode(production)
    if production:
        check_production_token(token)  # before anything else: no default token, no half-started server
    store = Store(db)
    if demo:
        from importlib import resources

        with resources.as_file(resources.files("planwatch") / "sample") as folder:
            report = store.ingest([folder], actor="demo")
        click.echo(f"planwatch: sample ingested: {report.summary()}", err=True)
    generated = not token
    if generated:
        token = generate_token()
    app = create_app(store, token=token, https_only=https_only, production=production)
    shown_host = f"[{host}]" if ":" in host else host
    click.echo(f"planwatch: database {store.url}", err=True)
    click.echo(f"planwatch: serving on http://{shown_host}:{port}/  (API: /api, schema: /api/openapi.json)", err=True)
    if generated:
        click.echo(f"planwatch: admin token for corrections (this run only): {token}", err=True)
    else:
        click.echo("planwatch: admin token: as set by --token / $PLANWATCH_ADMIN_TOKEN", err=True)
    uvicorn.run(app, host=host, port=port, log_level="info", server_header=False, proxy_headers=False)
