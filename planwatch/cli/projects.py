"""The key-project commands of ``planwatch``: projects, project, extract-projects and the
project corrections (project-correct, project-confirm, project-reject, project-link).

Like ``planwatch.cli.store`` each command is a thin layer over one library call
(``planwatch.monitor.projects.ProjectQueries``, ``planwatch.store.projects.ProjectCorrections``
or ``planwatch.projects.extract_projects``), with the same table/JSON/CSV output conventions and
the same one-line errors.
"""

from __future__ import annotations

import json
import sys
from dataclasses import asdict
from typing import Any

import click

from planwatch.cli.app import _utf8_stdout, db_option, main
from planwatch.cli.store import _num, _open, _parse_fields, emit, write_table
from planwatch.monitor.projects import ProjectDetail, ProjectQueries, ProjectSummary
from planwatch.store.projects import ProjectCorrections

PROJECT_COLUMNS = (
    "id", "name", "region", "sector", "sector_label", "stage", "stage_label", "stage_kind", "stage_period",
    "investment", "investment_unit", "owner", "n_mentions", "n_documents", "first_period", "last_period", "names",
)  # fmt: skip
KIND_MARK = {"actual": "", "estimate": " (预计)", "target": " (计划)"}


def _stage_cell(label: str, kind: str | None) -> str:
    return f"{label}{KIND_MARK.get(kind or '', '')}" if label else "-"


def _money(value: float | None, unit: str | None) -> str:
    return f"{_num(value)} {unit}" if value is not None else "-"


@main.command("projects")
@click.option("--region", default=None, help="only projects in this region or inside it (锦州市 includes 凌河区)")
@click.option("--stage", default=None, help="latest stage: 谋划 签约 开工 在建 主体封顶 竣工 投产 (or their ids)")
@click.option("--sector", default=None, help="sector: 工业 服务业 基础设施 农业 生态环保 社会事业 高新技术 (or ids)")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True,
              help="table: aligned columns for reading; json: an array of objects; csv: a header row.")
@db_option
def projects_cmd(region: str | None, stage: str | None, sector: str | None, fmt: str, db: str | None) -> None:
    """The key-project library: one row per project (its mentions linked across documents).

    The stage is the latest one stated as done or expected (else the latest planned one,
    marked 计划), with its period; the investment is the latest total investment stated.
    """
    found = ProjectQueries(_open(db)).projects(region=region, stage=stage, sector=sector)
    emit(
        found, fmt,
        ("id", "name", "region", "sector", "stage", "period", "investment", "mentions", "docs"),
        lambda p: (str(p.id), _short(p.name, 30), p.region, p.sector_label or "-",
                   _stage_cell(p.stage_label, p.stage_kind), p.stage_period or p.last_period or "-",
                   _money(p.investment, p.investment_unit), str(p.n_mentions), str(p.n_documents)),
        PROJECT_COLUMNS,
    )  # fmt: skip
    if fmt == "table":
        click.echo(f"planwatch: {len(found)} project{'' if len(found) == 1 else 's'}", err=True)


@main.command("project")
@click.argument("name")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True,
              help="table: the project and its history for reading; json: one object.")
@db_option
def project_cmd(name: str, fmt: str, db: str | None) -> None:
    """One project's page: its names, investment and every statement about it in order.

    NAME is any spelling of the project (茂业中心, 茂业中心项目) or its id.
    """
    detail = ProjectQueries(_open(db)).project(name)
    _utf8_stdout(strict=fmt != "table")
    if fmt == "json":
        json.dump(_detail_json(detail), sys.stdout, ensure_ascii=False, indent=1, default=str)
        sys.stdout.write("\n")
        return
    _show_detail(detail)


def _detail_json(detail: ProjectDetail) -> dict[str, Any]:
    return {
        **asdict(detail.summary),
        "history": [asdict(h) for h in detail.history],
        "stages": [{"period": p, "stage": s} for p, s in detail.stage_sequence()],
        "also_matching": [{"id": p.id, "name": p.name, "region": p.region} for p in detail.also_matching],
    }


def _show_detail(detail: ProjectDetail) -> None:
    p: ProjectSummary = detail.summary
    click.echo(f"project {p.id}: {p.name}")
    click.echo(f"  region {p.region or '-'}, sector {p.sector_label or '-'}, "
               f"stage {_stage_cell(p.stage_label, p.stage_kind)} {p.stage_period}".rstrip())
    if len(p.names) > 1:
        click.echo(f"  also written: {'、'.join(n for n in p.names if n != p.name)}")
    if p.owner:
        click.echo(f"  owner: {p.owner}")
    if p.investment is not None:
        click.echo(f"  investment: {_money(p.investment, p.investment_unit)}")
    click.echo(f"  {p.n_mentions} mentions in {p.n_documents} document{'' if p.n_documents == 1 else 's'}, "
               f"{p.first_period or '?'} … {p.last_period or '?'}")
    click.echo("")
    rows = [
        (h.period or "-", h.kind, h.stage_label or "-", _money(h.investment, h.investment_unit),
         "、".join(h.capacities) or "-", h.doc, f"{h.mention_id}", _short(h.quote, 70))
        for h in detail.history
    ]
    write_table(rows, ("period", "kind", "stage", "investment", "capacity", "doc", "mention", "quote"))
    if detail.also_matching:
        others = ", ".join(f"{o.name} ({o.id}, {o.region})" for o in detail.also_matching[:5])
        click.echo(f"planwatch: also matching: {others}", err=True)


def _short(text: str, limit: int = 50) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


@main.command("extract-projects")
@click.argument("file", type=click.Path(dir_okay=True, path_type=str))
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table", show_default=True,
              help="jsonl: one JSON object per project mention (then one per count); table: for reading.")
def extract_projects_cmd(file: str, fmt: str) -> None:
    """Extract the project mentions and counts of FILE, without a database."""
    from planwatch.pipeline import extract
    from planwatch.projects import extract_projects, load_project_taxonomy

    found = extract_projects(extract(file))
    _utf8_stdout(strict=fmt != "table")
    if fmt == "jsonl":
        for m in found.mentions:
            sys.stdout.write(json.dumps({"type": "mention", **m.to_dict()}, ensure_ascii=False) + "\n")
        for c in found.counts:
            sys.stdout.write(json.dumps({"type": "count", **c.to_dict()}, ensure_ascii=False) + "\n")
        return
    tax = load_project_taxonomy()
    rows = [
        (_short(m.name, 30), tax.stage_label(m.stage) or "-", m.kind, m.period or "-", m.region or "-",
         tax.sector_label(m.sector) or "-",
         _money(m.investment.value, m.investment.unit) if m.investment else "-", f"{m.start}-{m.end}")
        for m in found.mentions
    ]
    write_table(rows, ("name", "stage", "kind", "period", "region", "sector", "investment", "span"))
    click.echo(f"planwatch: {found.doc}: {len(found.mentions)} project mentions, {len(found.counts)} counts", err=True)


# -- corrections -----------------------------------------------------------------------------
def _show_mention(row: dict[str, Any]) -> None:
    click.echo(f"project mention {row['id']} [{row['status']}] of project {row['project_id']}: {row['name']} "
               f"{row['period']} {row['kind']} stage={row['stage'] or '-'}")


@main.command("project-correct")
@click.argument("mention_id", type=int)
@click.option("--field", "fields", multiple=True, required=True, metavar="FIELD=VALUE",
              help="e.g. stage=竣工, period=2014, investment_value=56, sector=工业 (repeatable)")
@click.option("--by", required=True, help="Who corrects (recorded with the correction).")
@click.option("--note", default="", help="Why (kept in the audit log).")
@db_option
def project_correct(mention_id: int, fields: tuple[str, ...], by: str, note: str, db: str | None) -> None:
    """Correct fields of a project mention; the correction survives re-ingest."""
    _show_mention(ProjectCorrections(_open(db)).correct(mention_id, by=by, note=note, **_parse_fields(fields)))


@main.command("project-confirm")
@click.argument("mention_id", type=int)
@click.option("--by", required=True, help="Who checked the mention.")
@click.option("--note", default="", help="Kept in the audit log.")
@db_option
def project_confirm(mention_id: int, by: str, note: str, db: str | None) -> None:
    """Record that a project mention was checked against its document."""
    _show_mention(ProjectCorrections(_open(db)).confirm(mention_id, by=by, note=note))


@main.command("project-reject")
@click.argument("mention_id", type=int)
@click.option("--by", required=True, help="Who rejects the mention.")
@click.option("--note", default="", help="Why (kept in the audit log).")
@db_option
def project_reject(mention_id: int, by: str, note: str, db: str | None) -> None:
    """Mark a project mention as not a project (kept, but left out of every question)."""
    _show_mention(ProjectCorrections(_open(db)).reject(mention_id, by=by, note=note))


@main.command("project-link")
@click.argument("mention_id", type=int)
@click.option("--to", "project_id", type=int, default=None, help="the project the mention belongs to")
@click.option("--new", "new", is_flag=True, help="give the mention a project of its own (unlink it)")
@click.option("--by", required=True, help="Who relinks the mention.")
@click.option("--note", default="", help="Why (kept in the audit log).")
@db_option
def project_link(mention_id: int, project_id: int | None, new: bool, by: str, note: str, db: str | None) -> None:
    """Move a project mention to another project (--to ID) or to a new one (--new)."""
    if (project_id is None) == (not new):
        raise click.UsageError("give either --to PROJECT_ID or --new")
    _show_mention(ProjectCorrections(_open(db)).link(mention_id, None if new else project_id, by=by, note=note))
