"""``planwatch report``: a mid-term evaluation report of a region's plan, as HTML, PDF, DOCX or Markdown.

A thin layer over ``planwatch.report`` (``build_report`` then ``write_report``), like the other
database commands over ``Store``.  Everything that can be checked before the work starts is
checked first (the suffix, the folder, the database), so a bad call fails at once, in one line,
and writes nothing.
"""

from __future__ import annotations

from pathlib import Path

import click

from planwatch.cli import main
from planwatch.store.backend import default_db_path

# Declared here rather than imported from ``store_cli``: under ``python -m planwatch.cli`` the
# plugins are imported while ``store_cli`` is still half-initialised, so importing a name from
# it at module level would fail.
_DB_HELP = (
    "database: a SQLite file path, sqlite:///FILE or postgresql://USER:PASSWORD@HOST:PORT/DB "
    f"(default: $PLANWATCH_DB or {default_db_path()})"
)


def _existing_db(db: str | None) -> str:
    """The database location; a report never creates an empty database by mistake."""
    from planwatch.report import ReportError
    from planwatch.store.backend import parse_url

    _dialect, location = parse_url(db)
    if location != ":memory:" and not Path(location).is_file():
        raise ReportError(f"no database at {location}: ingest documents first (planwatch ingest PATH --db …)")
    return db if db is not None else location


@main.command()
@click.option("--region", required=True, help="Region name (锦州市, 锦州), code, or a named group as written.")
@click.option("--plan", required=True, help="The plan to evaluate: 十四五, 十五五 …, or a span such as 2021-2025.")
@click.option(
    "--out",
    "out",
    required=True,
    metavar="FILE",
    help="Output file; its suffix chooses the format: .html, .pdf, .docx or .md.",
)
@click.option("--db", "db", metavar="URL", default=None, help=_DB_HELP)
def report(region: str, plan: str, out: str, db: str | None) -> None:
    """Write a mid-term evaluation report (规划实施中期评估) of a region's plan.

    In Chinese: status counts, every target with its baseline, latest value, required growth
    and status, a chart per key indicator, contradictions between sources, data gaps, and the
    source (document, offset, quote) of every number.  The file is written only when complete.
    """
    from planwatch.report import build_report, format_for, write_report
    from planwatch.store import Store

    fmt = format_for(out)
    folder = Path(out).parent
    if not folder.is_dir():
        from planwatch.report import ReportError

        raise ReportError(f"cannot write {out}: the folder {folder} does not exist")
    with Store(_existing_db(db)) as store:
        model = build_report(store, region=region, plan=plan)
    path = write_report(model, out, fmt)
    click.echo(
        f"planwatch: wrote {path} ({fmt}: {len(model.rows)} targets, {len(model.charts)} charts, "
        f"{len(model.conflicts)} contradictions, {len(model.sources)} sources)",
        err=True,
    )
