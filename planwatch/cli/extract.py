"""``planwatch extract``: the indicator facts of one file, as JSONL, CSV or a table.

The one command that needs no database: it runs ``planwatch.pipeline.extract`` and writes the
facts with the FACTS.md fields first, so scoring tools read its output directly.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, TextIO

import click

from planwatch.cli.app import _cell, _utf8_stdout, _width, context_finder, context_options, main
from planwatch.model import Document, Fact

# The fields FACTS.md defines, in its order; scoring tools read these.  Our own extra fields
# follow them so a CSV stays readable by tools that only know the spec.
FACT_FIELDS = (
    "doc", "start", "end", "text", "indicator", "mention", "measure", "value", "unit", "kind",
    "period", "region", "qualifier",
)  # fmt: skip
EXTRA_FIELDS = ("indicator_id", "segment", "source")
TABLE_COLUMNS = ("text", "indicator", "measure", "value", "unit", "kind", "period", "region", "qualifier")


@main.command()
@click.argument("file", type=click.Path(dir_okay=True, path_type=str))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "jsonl", "csv"]),
    default="table",
    show_default=True,
    help="jsonl: one JSON object per fact (the FACTS.md fields); csv: the same with a header row; "
    "table: aligned columns for reading.",
)
@click.option("--explain", is_flag=True,
              help="Say for each fact the words that set its kind, period and region (table: a line under "
              "each fact; jsonl/csv: the evidence field).")
@context_options
def extract(file: str, fmt: str, region: str | None, date: str | None, doc_type: str | None,
            manifest: Path | None, no_manifest: bool, explain: bool) -> None:
    """Extract the indicator facts of FILE (.txt, .md, .html, .htm, .pdf, .docx).

    The document's region, year and type are read from its title, dateline and first lines;
    --region/--date/--type state them instead (they win).  The summary line on stderr says what
    was found and from which words.
    """
    from planwatch.pipeline import extract as run_pipeline

    stated = context_finder(region, date, doc_type, manifest, no_manifest)(Path(file))
    doc = run_pipeline(file, stated) if stated is not None else run_pipeline(file)
    facts = sorted(doc.facts, key=lambda f: (f.start, f.end))
    _utf8_stdout(strict=fmt != "table")
    out = sys.stdout
    if fmt == "jsonl":
        write_jsonl(facts, out, explain)
    elif fmt == "csv":
        write_csv(facts, out, explain)
    else:
        write_table(facts, out, explain)
        click.echo(_summary(doc, len(facts)), err=True)


def _summary(doc: Document, n: int) -> str:
    parts = [f"{n} fact{'' if n == 1 else 's'}", f"read as {doc.reader}"]
    if doc.segments:
        parts.append(f"{len(doc.segments)} segment{'' if len(doc.segments) == 1 else 's'}")
    found = "; ".join(str(c) for c in doc.clues)
    return f"planwatch: {doc.name}: " + ", ".join(parts) + (f"; {found}" if found else "")


def _fact_dict(fact: Fact, explain: bool) -> dict[str, Any]:
    d = fact.to_dict()
    if not explain:
        d.pop("evidence", None)
    return d


def write_jsonl(facts: Iterable[Fact], out: TextIO, explain: bool = False) -> None:
    """One fact per line, UTF-8 kept readable (``ensure_ascii=False``) for Chinese text.

    ``explain``: with an ``evidence`` object, the words that set the fact's kind, period and region.
    """
    for fact in facts:
        out.write(json.dumps(_fact_dict(fact, explain), ensure_ascii=False) + "\n")


def write_csv(facts: Iterable[Fact], out: TextIO, explain: bool = False) -> None:
    """The FACTS.md fields, then our own, with a header row; ``null`` becomes an empty cell."""
    evidence = ("evidence_kind", "evidence_period", "evidence_region") if explain else ()
    fields = [*FACT_FIELDS, *EXTRA_FIELDS, *evidence]
    writer = csv.DictWriter(out, fieldnames=fields, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for fact in facts:
        row = _fact_dict(fact, explain)
        for key, words in (row.pop("evidence", None) or {}).items():
            row[f"evidence_{key}"] = words
        writer.writerow({k: "" if row.get(k) is None else row.get(k) for k in fields})


def write_table(facts: Sequence[Fact], out: TextIO, explain: bool = False) -> None:
    """Aligned columns, measured in terminal cells so that Chinese text lines up.

    ``explain``: under each fact, the words that set its kind, period and region.
    """
    rows = [list(TABLE_COLUMNS)]
    notes: list[str] = [""]
    for fact in facts:
        d = fact.to_dict()
        rows.append([_cell(d.get(col)) for col in TABLE_COLUMNS])
        ev = fact.evidence
        notes.append(f"    ↳ kind: {ev.get('kind', '')}; period: {ev.get('period', '')}; region: {ev.get('region', '')}"
                     if explain and ev else "")
    widths = [max(_width(r[i]) for r in rows) for i in range(len(TABLE_COLUMNS))]
    for row, note in zip(rows, notes, strict=True):
        padded = [c + " " * (w - _width(c)) for c, w in zip(row, widths, strict=True)]
        out.write("  ".join(padded).rstrip() + "\n")
        if note:
            out.write(note + "\n")
