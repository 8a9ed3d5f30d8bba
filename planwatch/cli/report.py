"""``planwatch report``: an evaluation report of a region's plan or year, as HTML, PDF, DOCX or Markdown.

A thin layer over ``planwatch.report`` (``build_report`` then ``write_report``), like the other
database commands over ``Store``.  Everything that can be checked before the work starts is
checked first (the suffix, the folder, the database), so a bad call fails at once, in one line,
and writes nothing.
"""

from __future__ import annotations

from pathlib import Path

import click

from planwatch.cli.app import db_option, main


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
@click.option("--plan", default=None, help="The plan to evaluate: 十四五, 十五五 …, or a span such as 2021-2025.")
@click.option("--year", type=int, default=None, help="Instead of a plan: one year's targets and their results.")
@click.option(
    "--as-of",
    "as_of",
    type=int,
    default=None,
    help="Evaluate with the data up to this year (default: this year): 中期评估 before the plan's last "
    "year, 总结评估 from it on.",
)
@click.option(
    "--out",
    "out",
    required=True,
    metavar="FILE",
    help="Output file; its suffix chooses the format: .html, .pdf, .docx or .md.",
)
@db_option
def report(region: str, plan: str | None, year: int | None, as_of: int | None, out: str, db: str | None) -> None:
    """Write an evaluation report of a region's plan (规划实施中期/总结评估) or of one year (年度评估).

    In Chinese: 总体情况, 主要成效, 存在问题 and 下一步建议 as sentences whose every number
    cites its source; the main indicators under the plan's categories, in its order; charts,
    contradictions, data gaps; the sources as a table (document title, paragraph).  The file is
    written only when complete.
    """
    from planwatch.report import ReportError, build_report, format_for, write_report
    from planwatch.store import Store

    if (plan is None) == (year is None):
        raise ReportError("give either --plan (十四五, 2021-2025 …) or --year (2016 …)")
    fmt = format_for(out)
    folder = Path(out).parent
    if not folder.is_dir():
        raise ReportError(f"cannot write {out}: the folder {folder} does not exist")
    with Store(_existing_db(db)) as store:
        model = build_report(store, region=region, plan=plan, year=year, as_of=as_of)
    path = write_report(model, out, fmt)
    click.echo(
        f"planwatch: wrote {path} ({model.evaluation}, {fmt}: {len(model.rows)} targets, {len(model.charts)} charts, "
        f"{len(model.conflicts)} contradictions, {len(model.sources)} sources)",
        err=True,
    )
