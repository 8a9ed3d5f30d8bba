"""The database commands of ``planwatch``: ingest, series, targets, conflicts, compare,
correct / confirm / reject, facts, history and export.

Each command is a thin layer over one library call (parity, as in sqlite-utils): a method of
``planwatch.store.Store`` for what is kept (ingest, correct, facts, history, export) or a function
of ``planwatch.monitor`` over a store for the questions (series, targets, conflicts, compare).  It
parses options, makes the call, and formats the result as an aligned table
(for reading), JSON or CSV (for tools).  Errors reach the user through ``PlanWatchGroup`` as one
line and a non-zero exit code.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Sequence
from dataclasses import asdict, is_dataclass
from pathlib import Path
from typing import Any

import click

from planwatch import monitor
from planwatch.cli.app import (
    EXIT_INPUT_ERROR,
    _cell,
    _error,
    _utf8_stdout,
    _width,
    context_finder,
    context_options,
    db_option,
    format_option,
    main,
)
from planwatch.store import Store

QUALIFIER_WORDS = {"about": "左右", "at_least": "以上", "at_most": "以内"}


def _open(db: str | None) -> Store:
    return Store(db)


# -- output ---------------------------------------------------------------------------------
def _num(v: Any, digits: int | None = None) -> str:
    if v is None:
        return "-"
    if isinstance(v, float):
        if digits is not None:
            return f"{v:.{digits}f}"
        return f"{v:.6g}" if not v.is_integer() else str(int(v))
    return str(v)


def _pct(v: float | None) -> str:
    return "-" if v is None else f"{v:.1f}%"


def write_table(rows: Sequence[Sequence[str]], header: Sequence[str], out: Any = None) -> None:
    """Aligned columns, measured in terminal cells so Chinese lines up (as ``planwatch extract``)."""
    out = out or sys.stdout
    table = [list(header), *[[_cell(c) for c in r] for r in rows]]
    widths = [max(_width(r[i]) for r in table) for i in range(len(header))]
    for r in table:
        out.write("  ".join(c + " " * (w - _width(c)) for c, w in zip(r, widths, strict=True)).rstrip() + "\n")


def _records(items: Sequence[Any]) -> list[dict[str, Any]]:
    return [asdict(i) if is_dataclass(i) else dict(i) for i in items]


def emit(
    items: Sequence[Any],
    fmt: str,
    header: Sequence[str],
    row: Callable[[Any], Sequence[Any]],
    csv_columns: Sequence[str] | None = None,
) -> None:
    """Write ``items`` as a table (``header``/``row``), a JSON array or CSV."""
    from planwatch.export import write_csv, write_json

    _utf8_stdout(strict=fmt != "table")
    if fmt == "json":
        write_json(_records(items), sys.stdout)
    elif fmt == "csv":
        write_csv(_records(items), sys.stdout, csv_columns)
    else:
        write_table([[_num(c) if not isinstance(c, str) else c for c in row(i)] for i in items], header)


# -- ingest ---------------------------------------------------------------------------------
@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=str))
@db_option
@click.option(
    "--reextract",
    is_flag=True,
    help="Extract files again even if their content is stored "
    "(after an extractor update); corrections are carried over.",
)
@click.option("--by", "actor", default="", help="Who ingests (recorded in the audit log).")
@click.option(
    "--workers",
    type=click.IntRange(min=0),
    default=1,
    show_default=True,
    help="Extraction processes (0: one per CPU).  This process stays the only writer; the result "
    "is the same as with 1.",
)
@click.option(
    "--shard",
    default=None,
    metavar="K/N",
    help="Only the K-th of N disjoint parts of the files (a stable hash of each path as walked): N "
    "machines, each with --shard K/N and the same path arguments, share one corpus and one database.",
)
@click.option(
    "--bulk",
    is_flag=True,
    help="A large load into PostgreSQL: its full-text index is dropped for the load and built once at the "
    "end (by the last of several --bulk ingests running at once); searches scan meanwhile.  No effect on SQLite.",
)
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no summary; failures are still reported.")
@context_options
def ingest(paths: tuple[str, ...], db: str | None, reextract: bool, actor: str, workers: int, shard: str | None,
           bulk: bool, quiet: bool, region: str | None, date: str | None, doc_type: str | None,
           manifest: Path | None, no_manifest: bool) -> None:
    """Ingest files and folders (recursively) into the database.

    Already stored content changes nothing; a changed file becomes a new version whose facts
    supersede the old ones.  A file that cannot be read is reported on one line and skipped;
    the exit code is then 2.  Files are streamed: memory does not grow with their number.
    """
    import os

    from planwatch.store.core import in_shard, iter_files, parse_shard

    context_for = context_finder(region, date, doc_type, manifest, no_manifest)
    try:
        part = parse_shard(shard) if shard else None
    except ValueError as e:
        raise click.BadParameter(str(e), param_hint="--shard") from None
    store = _open(db)
    workers = workers or os.cpu_count() or 1
    if not quiet:
        click.echo(f"planwatch: database {store.url}", err=True)
    # Counting the files walks the folders once more; only worth it for a visible progress bar.
    show_bar = not quiet and sys.stderr.isatty()
    n_files = sum(1 for _ in in_shard(iter_files(paths), part)) if show_bar else 0
    show_bar = show_bar and n_files > 1

    def report(result: Any) -> None:
        if result.status == "failed":
            _error(f"error: {result.path}: {result.message}")

    if show_bar:
        with click.progressbar(
            length=n_files,
            label="ingesting",
            file=sys.stderr,
            item_show_func=lambda r: r.path if r else None,
        ) as bar:

            def step(result: Any) -> None:
                report(result)
                bar.update(1, result)

            result = store.ingest(
                paths, reextract=reextract, actor=actor, progress=step, workers=workers, keep_results=False,
                context_for=context_for, shard=part, bulk=bulk,
            )
    else:
        result = store.ingest(
            paths, reextract=reextract, actor=actor, progress=report, workers=workers, keep_results=False,
            context_for=context_for, shard=part, bulk=bulk,
        )
    if not quiet:
        stats = store.stats()
        click.echo(f"planwatch: {result.summary()}", err=True)
        click.echo(
            f"planwatch: the database holds {stats['documents']} documents "
            f"({stats['versions']} versions) and {stats['facts']} current facts",
            err=True,
        )
    store.close()
    if not result.ok:
        raise click.exceptions.Exit(EXIT_INPUT_ERROR)


# -- questions ------------------------------------------------------------------------------
@main.command()
@click.argument("indicator")
@click.option("--region", required=True, help="Region name (锦州市, 锦州), code, or a named group as written.")
@click.option("--measure", type=click.Choice(["level", "growth", "avg_growth", "change_pp"]), default=None)
@click.option("--kind", type=click.Choice(["actual", "estimate", "target"]), default=None)
@format_option
@db_option
def series(indicator: str, region: str, measure: str | None, kind: str | None, fmt: str, db: str | None) -> None:
    """The values of INDICATOR in a region by period, each with its source.

    Values are in the indicator's unit where that is a change of magnitude (万美元 → 亿美元).
    When several sources give a period, all are listed and the preferred one is marked with *
    (corrected over all, actual over estimate, later document over earlier).
    """
    with _open(db) as store:
        points = monitor.series(store, indicator, region=region, measure=measure, kind=kind)
    emit(
        points,
        fmt,
        ("period", "measure", "kind", "value", "unit", "qual", "pref", "source", "quote"),
        lambda p: (
            p.period,
            p.measure,
            p.kind,
            _num(p.value),
            p.unit,
            QUALIFIER_WORDS.get(p.qualifier or "", ""),
            "*" if p.preferred else "",
            f"{p.doc}:{p.start}",
            _short(p.quote),
        ),
    )


@main.command()
@click.option("--region", required=True, help="Region name, code or named group.")
@click.option("--plan", default=None, help="Only targets for years of this plan: 十四五, 十五五, or 2021-2025.")
@click.option("--indicator", default=None, help="Only this indicator.")
@click.option("--as-of", "as_of", type=int, default=None, help="Use only observations up to this year.")
@click.option(
    "--fragments", is_flag=True, help="Also list targets whose name is a fragment (…公司新建年产, 产值, 北镇市)."
)
@click.option("--limit", type=click.IntRange(min=1), default=None, help="At most this many targets (a page).")
@click.option("--offset", type=click.IntRange(min=0), default=0, show_default=True, help="Skip this many first.")
@format_option
@db_option
def targets(
    region: str, plan: str | None, indicator: str | None, as_of: int | None, fragments: bool, limit: int | None,
    offset: int, fmt: str, db: str | None,
) -> None:
    """Every target of a region against its baseline and latest value, with a status.

    The plan's main indicators (its indicator table) come first, in the table's order and under
    its categories (main: 经济发展, 民生福祉 …); the other quantified commitments follow (-).
    required: average annual growth still needed from the latest value; observed: average
    annual growth since the baseline; status (as Eurostat assesses quantified targets):
    achieved, on track (observed/required ≥ 95%), moderate (60–95%), insufficient (0–60%),
    moving away (< 0), not achieved (target year passed), no data.
    """
    from planwatch.monitor.targets import target_page

    with _open(db) as store:
        page = target_page(store, region=region, plan=plan, indicator=indicator, as_of=as_of, fragments=fragments,
                           limit=limit, offset=offset)  # fmt: skip
    rows = page.items
    if limit is not None or offset:
        shown = f"{offset + 1}–{offset + len(rows)}" if rows else "none"
        more = f" (--offset {offset + len(rows)} for more)" if offset + len(rows) < page.total else ""
        click.echo(f"planwatch: targets {shown} of {page.total}{more}", err=True)
    emit(
        rows,
        fmt,
        (
            "main",
            "indicator",
            "measure",
            "period",
            "target",
            "qual",
            "unit",
            "baseline",
            "latest",
            "required",
            "observed",
            "status",
            "projection",
            "source",
        ),
        lambda t: (
            (t.category or "main") if t.main else "-",
            _short(t.indicator, 24),
            t.measure,
            t.period,
            _num(t.target),
            QUALIFIER_WORDS.get(t.qualifier or "", ""),
            t.unit,
            _at(t.baseline, t.baseline_year),
            _at(t.latest, t.latest_year),
            _pct(t.required_growth),
            _pct(t.observed_growth),
            t.status,
            _num(t.projection, 1)
            if t.projection is not None and t.measure == "level"
            else (_pct(t.projection) if t.projection is not None else "-"),
            f"{t.doc}:{t.start}",
        ),
    )


def _at(value: float | None, year: int | None) -> str:
    return "-" if value is None else f"{_num(value)} ({year})"


def _short(text: str, limit: int = 60) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


@main.command()
@click.option("--region", default=None, help="Only this region.")
@click.option(
    "--all-indicators",
    "all_indicators",
    is_flag=True,
    help="Also compare facts whose indicator is not in the taxonomy (names like 项目 or 投资 "
    "then group unrelated quantities, so this is noisy).",
)
@format_option
@db_option
def conflicts(region: str | None, all_indicators: bool, fmt: str, db: str | None) -> None:
    """Values of one quantity that sources give differently, and arithmetic warnings.

    A conflict is one region, indicator, period, measure and kind with values that differ beyond
    rounding; warnings check a level against the previous level and the stated growth, and the
    parts of a 分别 list against the total.
    """
    with _open(db) as store:
        items = monitor.conflicts(store, region=region, all_indicators=all_indicators)
    if fmt == "csv":
        flat = [
            {
                **{k: v for k, v in c.to_dict().items() if k != "sources"},
                **{f"source_{k}": v for k, v in s.items()},
            }
            for c in items
            for s in c.sources
        ]
        emit(flat, "csv", (), lambda r: ())
        return
    if fmt == "json":
        emit(items, "json", (), lambda r: ())
        return
    _utf8_stdout(strict=False)
    for c in items:
        click.echo(f"[{c.severity}] {c.region} {c.indicator} {c.period} {c.measure} {c.kind}: {c.explanation}")
        write_table(
            [
                [
                    _num(s["value"]) + (QUALIFIER_WORDS.get(s["qualifier"] or "", "")),
                    s["unit"],
                    f"#{s['fact_id']}",
                    f"{s['doc']}:{s['start']}",
                    _short(s["quote"], 80),
                ]
                for s in c.sources
            ],
            ("  value", "unit", "fact", "source", "quote"),
        )
    click.echo(
        f"planwatch: {sum(c.severity == 'conflict' for c in items)} conflicts, "
        f"{sum(c.severity == 'warning' for c in items)} warnings",
        err=True,
    )


@main.command()
@click.argument("indicator")
@click.option("--period", default=None, help="Period, e.g. 2026 or 2021-2025.")
@click.option("--kind", type=click.Choice(["actual", "estimate", "target"]), default=None)
@click.option("--measure", type=click.Choice(["level", "growth", "avg_growth", "change_pp"]), default=None)
@click.option("--level", "admin_level", default=None, help="Administrative level: province, city or county.")
@click.option("--sort", type=click.Choice(["value", "region"]), default="value", show_default=True)
@format_option
@db_option
def compare(
    indicator: str,
    period: str | None,
    kind: str | None,
    measure: str | None,
    admin_level: str | None,
    sort: str,
    fmt: str,
    db: str | None,
) -> None:
    """INDICATOR across regions: one row per region with its value, qualifier and source.

    Without --period, the latest period that at least half the regions report; a region's own
    parts (its cities, districts and zones) are left out unless --level asks for them; a range
    shows both ends (5–5.5).
    """
    with _open(db) as store:
        rows = monitor.compare(
            store, indicator, period=period, kind=kind, measure=measure, level=admin_level, sort=sort
        )
    emit(
        rows,
        fmt,
        ("region", "level", "period", "measure", "kind", "value", "qual", "unit", "text", "source", "quote"),
        lambda r: (
            r.region,
            r.level or "-",
            r.period,
            r.measure,
            r.kind,
            _num(r.value) + (f"–{_num(r.value_high)}" if r.value_high is not None else ""),
            QUALIFIER_WORDS.get(r.qualifier or "", "") if r.value_high is None else "",
            r.unit,
            r.text,
            f"{r.doc}:{r.start}",
            _short(r.quote),
        ),
    )


# -- facts and corrections -----------------------------------------------------------------
@main.command("facts")
@click.option("--region", default=None)
@click.option("--indicator", default=None)
@click.option("--kind", type=click.Choice(["actual", "estimate", "target"]), default=None)
@click.option("--measure", type=click.Choice(["level", "growth", "avg_growth", "change_pp"]), default=None)
@click.option("--period", default=None)
@click.option("--all", "include_all", is_flag=True, help="Include rejected and superseded facts.")
@format_option
@db_option
def facts_cmd(
    region: str | None,
    indicator: str | None,
    kind: str | None,
    measure: str | None,
    period: str | None,
    include_all: bool,
    fmt: str,
    db: str | None,
) -> None:
    """Stored facts with their ids (the FACT_ID that correct, confirm and reject take)."""
    with _open(db) as store:
        rows = store.facts(
            region=region,
            indicator=indicator,
            kind=kind,
            measure=measure,
            period=period,
            current=not include_all,
            include_rejected=include_all,
        )
    from planwatch.export import FACT_EXPORT_COLUMNS

    emit(
        rows,
        fmt,
        (
            "id",
            "text",
            "indicator",
            "measure",
            "value",
            "unit",
            "kind",
            "period",
            "region",
            "qual",
            "status",
            "source",
        ),
        lambda r: (
            str(r["id"]),
            r["text"],
            r["indicator"],
            r["measure"],
            _num(r["value"]),
            r["unit"],
            r["kind"],
            r["period"],
            r["region"],
            QUALIFIER_WORDS.get(r["qualifier"] or "", ""),
            r["status"],
            f"{r['doc']}:{r['start']}",
        ),
        csv_columns=FACT_EXPORT_COLUMNS,
    )


def _parse_fields(fields: Sequence[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for item in fields:
        if "=" not in item:
            raise click.BadParameter(f"{item!r}: write FIELD=VALUE, e.g. value=1.76", param_hint="--field")
        k, v = item.split("=", 1)
        out[k.strip()] = v
    return out


def _show_fact(row: dict[str, Any]) -> None:
    q = QUALIFIER_WORDS.get(row.get("qualifier") or "", "")
    click.echo(
        f"fact {row['id']} [{row['status']}]: {row['region']} {row['indicator']} {row['period']} "
        f"{row['measure']} {row['kind']} = {_num(row['value'])}{q} {row['unit']}"
    )


@main.command()
@click.argument("fact_id", type=int)
@click.option(
    "--field",
    "fields",
    multiple=True,
    required=True,
    metavar="FIELD=VALUE",
    help="A field to change (repeatable): value=1.76, unit=万人, period=2020, kind=actual, "
    "indicator=城镇新增就业, region=锦州市, qualifier=about|at_least|at_most|null …",
)
@click.option("--by", "by", required=True, help="Who makes the correction.")
@click.option("--note", default="", help="Why (kept in the audit log).")
@db_option
def correct(fact_id: int, fields: tuple[str, ...], by: str, note: str, db: str | None) -> None:
    """Correct fields of a fact; the correction survives re-ingest and is in the audit log."""
    with _open(db) as store:
        row = store.correct(fact_id, by=by, note=note, **_parse_fields(fields))
    _show_fact(row)


@main.command()
@click.argument("fact_id", type=int)
@click.option("--by", "by", required=True, help="Who checked the fact.")
@click.option("--note", default="")
@db_option
def confirm(fact_id: int, by: str, note: str, db: str | None) -> None:
    """Confirm a fact as checked against its document."""
    with _open(db) as store:
        row = store.confirm(fact_id, by=by, note=note)
    _show_fact(row)


@main.command()
@click.argument("fact_id", type=int)
@click.option("--by", "by", required=True, help="Who rejects the fact.")
@click.option("--note", default="")
@db_option
def reject(fact_id: int, by: str, note: str, db: str | None) -> None:
    """Reject a fact: it stays in the database but no question uses it."""
    with _open(db) as store:
        row = store.reject(fact_id, by=by, note=note)
    _show_fact(row)


@main.command()
@click.argument("fact_id", type=int, required=False)
@click.option("--limit", type=int, default=50, show_default=True)
@format_option
@db_option
def history(fact_id: int | None, limit: int, fmt: str, db: str | None) -> None:
    """The audit log (of one fact when FACT_ID is given), newest first."""
    with _open(db) as store:
        rows = store.history(fact_id, limit=limit)
    emit(
        rows,
        fmt,
        ("at", "actor", "action", "object", "before", "after", "note"),
        lambda r: (
            r["at"],
            r["actor"],
            r["action"],
            f"{r['object']} {r['object_id']}",
            _short(json.dumps(r["before"], ensure_ascii=False) if r["before"] else "-", 50),
            _short(json.dumps(r["after"], ensure_ascii=False) if r["after"] else "-", 50),
            r["note"],
        ),
    )


# -- export ---------------------------------------------------------------------------------
@main.command()
@click.option("--format", "fmt", type=click.Choice(["csv", "xlsx", "json"]), default="csv", show_default=True)
@click.option(
    "--what",
    type=click.Choice(["facts", "series", "targets", "documents", "corrections"]),
    default="facts",
    show_default=True,
)
@click.option("--region", default=None)
@click.option("--indicator", default=None)
@click.option("--kind", type=click.Choice(["actual", "estimate", "target"]), default=None)
@click.option("--plan", default=None, help="For --what targets: 十四五, 十五五 …")
@click.option("-o", "--output", default=None, help="Output file (required for xlsx; default stdout).")
@db_option
def export(
    fmt: str,
    what: str,
    region: str | None,
    indicator: str | None,
    kind: str | None,
    plan: str | None,
    output: str | None,
    db: str | None,
) -> None:
    """Export facts (default), a series, targets, documents or corrections as CSV, JSON or Excel."""
    from planwatch.export import ExportError, rows_for, write_csv, write_json, write_xlsx

    filters: dict[str, Any] = {}
    if what == "facts" and kind:
        filters["kind"] = kind
    if what == "series" and kind:
        filters["kind"] = kind
    if what == "targets" and plan:
        filters["plan"] = plan
    with _open(db) as store:
        if fmt == "xlsx":
            if not output:
                raise ExportError("Excel output is binary: give a file with -o FILE.xlsx")
            sheets = write_xlsx(store, output, region=region, indicator=indicator, what=what, **filters)
            click.echo(f"planwatch: wrote {output} (sheets: {', '.join(sheets)})", err=True)
            return
        rows = rows_for(store, what, region=region, indicator=indicator, **filters)
    if output:
        try:
            with open(output, "w", encoding="utf-8", newline="") as out:
                (write_json if fmt == "json" else write_csv)(rows, out)
        except OSError as e:
            raise ExportError(f"cannot write {output}: {e.strerror or e}") from e
        click.echo(f"planwatch: wrote {len(rows)} rows to {output}", err=True)
    else:
        _utf8_stdout(strict=True)
        (write_json if fmt == "json" else write_csv)(rows, sys.stdout)


STATUS_ZH = {"achieved": "已完成", "not achieved": "未完成", "no data": "无数据"}


# -- demo -----------------------------------------------------------------------------------
@main.command()
@db_option
@click.pass_context
def demo(ctx: click.Context, db: str | None) -> None:
    """Ingest the bundled sample and show targets judged against results, in one screen.

    The sample is public documents: five about 锦州市 and its districts (reports, a news
    feature, two 十四五 plans) and eight annual work reports of 海拉尔区 (2012–2019).  Shown:
    海拉尔区's annual targets judged on the next report's results, the 锦州市 十四五 main
    indicators with what is known and missing, and the sources that disagree.  Running it twice
    changes nothing: ingest is idempotent.
    """
    from importlib import resources

    sample = resources.files("planwatch") / "sample"
    with resources.as_file(sample) as folder:
        ctx.invoke(ingest, paths=(str(folder),), db=db, reextract=False, actor="demo", quiet=True)
    _utf8_stdout(strict=False)
    with _open(db) as store:
        annual = [
            a
            for a in monitor.targets(store, region="海拉尔区")
            if a.annual and a.indicator_id and a.status in ("achieved", "not achieved")
        ]
        # the plan's main indicators: its own indicator table, in its order and categories
        plan = [a for a in monitor.targets(store, region="锦州市", plan="十四五") if a.main]
        items = [c for c in monitor.conflicts(store) if c.severity == "conflict"]
    click.echo("\n== 海拉尔区 年度目标完成情况: each year's targets against the next report's results")
    click.echo("   (planwatch targets --region 海拉尔区; level / growth)")
    rows: dict[tuple[int, str], list[Any]] = {}
    for a in annual:
        rows.setdefault((a.target_year, a.indicator), []).append(a)

    def cell(items: list[Any], what: Callable[[Any], str]) -> str:
        by = {a.measure: what(a) for a in items}
        return " / ".join(by.get(m, "-") for m in ("level", "growth"))

    write_table(
        [
            [
                str(year),
                _short(name, 12),
                cell(items, lambda a: _num(a.target) + ("%" if a.measure == "growth" else a.unit)),
                cell(items, lambda a: _num(round(a.latest, 2)) + ("%" if a.measure == "growth" else "")),
                cell(items, lambda a: STATUS_ZH.get(a.status, a.status)),
                f"{items[0].doc} → {items[0].result_doc}",
            ]
            for (year, name), items in rows.items()
        ],  # fmt: skip
        ("year", "indicator", "target", "result", "verdict", "target → result document"),
    )
    click.echo(f"   {len(annual)} verdicts, {sum(a.status == 'achieved' for a in annual)} achieved")
    click.echo("\n== 锦州市 十四五 main indicators (planwatch targets --region 锦州市 --plan 十四五)")
    write_table(
        [
            [
                a.category if i == 0 or plan[i - 1].category != a.category else "",
                _short(a.indicator, 16),
                _num(a.target) + QUALIFIER_WORDS.get(a.qualifier or "", "") + a.unit,
                _at(a.baseline, a.baseline_year),
                STATUS_ZH.get(a.status, a.status),
                _short(a.note, 44),
            ]
            for i, a in enumerate(plan)
        ],  # fmt: skip
        ("category", "indicator", "2025 target", "baseline", "status", "known / missing"),
    )
    click.echo(f"\n== Sources that disagree: {len(items)} (planwatch conflicts); the first five:")
    for c in items[:5]:
        values = "、".join(sorted({_num(x["value"]) for x in c.sources}))
        click.echo(f"   {c.region} {c.indicator} {c.period} {c.measure}: {values}")


# -- backup ---------------------------------------------------------------------------------
@main.command()
@click.argument("file", type=click.Path(dir_okay=False, path_type=str))
@db_option
def dump(file: str, db: str | None) -> None:
    """Write the whole database to FILE (JSON Lines; gzip if FILE ends in .gz; - for stdout).

    Every document, fact, correction and audit entry, ids and timestamps included, from one
    consistent snapshot (ingests may go on meanwhile).  `planwatch restore FILE` loads it into
    an empty SQLite or PostgreSQL database.
    """
    from planwatch.store.dump import dump as run_dump

    if file == "-":
        _utf8_stdout(strict=True)  # the dump itself goes to stdout: UTF-8 whatever the locale
    summary = run_dump(db, file)
    if file != "-":
        click.echo(f"planwatch: wrote {file}: {summary.describe()}", err=True)


@main.command()
@click.argument("file", type=click.Path(dir_okay=False, path_type=str))
@db_option
def restore(file: str, db: str | None) -> None:
    """Load a dump made by `planwatch dump` into an empty database (one transaction).

    The database must hold no rows (a new file, or an empty PostgreSQL database); an incomplete
    or damaged dump restores nothing.
    """
    from planwatch.store.dump import restore as run_restore

    summary = run_restore(db, file)
    click.echo(f"planwatch: restored {file}: {summary.describe()}", err=True)
