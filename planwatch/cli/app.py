"""The ``planwatch`` command line.

Other modules add their own commands to the ``main`` group (``from planwatch.cli import main``
then ``@main.command()``); they are imported at the bottom of this module so their commands
exist whenever the CLI runs.  Errors are reported here, once, for every command: a user sees
one line on stderr and a non-zero exit code, never a traceback (unless ``PLANWATCH_DEBUG=1``).
"""

from __future__ import annotations

import csv
import importlib
import io
import json
import os
import sys
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, NoReturn, TextIO

import click

from planwatch import __version__
from planwatch.context import StatedContext
from planwatch.errors import PlanWatchError
from planwatch.model import Document, Fact

EXIT_INPUT_ERROR = 2
EXIT_INTERNAL_ERROR = 70  # EX_SOFTWARE from sysexits.h
EXIT_BROKEN_PIPE = 1

# The fields FACTS.md defines, in its order; scoring tools read these.  Our own extra fields
# follow them so a CSV stays readable by tools that only know the spec.
FACT_FIELDS = (
    "doc", "start", "end", "text", "indicator", "mention", "measure", "value", "unit", "kind",
    "period", "region", "qualifier",
)  # fmt: skip
EXTRA_FIELDS = ("indicator_id", "segment", "source")
TABLE_COLUMNS = ("text", "indicator", "measure", "value", "unit", "kind", "period", "region", "qualifier")


def _debug() -> bool:
    return os.environ.get("PLANWATCH_DEBUG", "") not in ("", "0")


def _error(message: str) -> None:
    """Print one line on stderr, whatever the message holds."""
    line = " ".join(str(message).split()) or "(no message)"
    click.echo(f"planwatch: {line}", err=True)


def _silence_stdout() -> None:
    """After a broken pipe, point stdout at /dev/null so the interpreter's final flush is quiet."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


class PlanWatchGroup(click.Group):
    """A group that turns every failure of any subcommand into one line and an exit code."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            result = super().invoke(ctx)
            sys.stdout.flush()  # surface a broken pipe here, not at interpreter exit
            return result
        except (click.exceptions.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise  # click reports these itself (usage errors, --help, Ctrl-C)
        except PlanWatchError as e:
            if _debug():
                raise
            _error(f"error: {e}")
            ctx.exit(EXIT_INPUT_ERROR)
        except BrokenPipeError:
            _silence_stdout()
            ctx.exit(EXIT_BROKEN_PIPE)
        except Exception as e:
            if _debug():
                raise
            _error(f"internal error: {type(e).__name__}: {e} (set PLANWATCH_DEBUG=1 for a traceback)")
            ctx.exit(EXIT_INTERNAL_ERROR)


@click.group(cls=PlanWatchGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="planwatch")
def main() -> None:
    """PlanWatch: indicator facts from Chinese regional development documents."""


def context_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """``--region``, ``--date``, ``--type``, ``--manifest``: what the user states about documents.

    Shared by ``extract`` and ``ingest``.  Without ``--manifest``, a ``manifest.csv`` in the file's
    folder (or up to three folders above) is read; ``--no-manifest`` ignores it.
    """
    command = click.option("--no-manifest", is_flag=True,
                           help="Ignore a manifest.csv found beside the files.")(command)
    command = click.option("--manifest", type=click.Path(dir_okay=False, path_type=Path), default=None,
                           help="A CSV (path,region,date,type,title,url; paths relative to it) stating "
                           "each file's context.")(command)
    command = click.option("--type", "doc_type", default=None, metavar="TYPE",
                           help="The document's type: report, plan, bulletin, release, brief, news.")(command)
    command = click.option("--date", default=None, metavar="YYYY[-MM]",
                           help="The document's date: YYYY is the year it reports; YYYY-MM when it was "
                           "issued (a bulletin of March reports the year before).")(command)
    return click.option("--region", default=None,
                        help="The region the document is about (海拉尔区); wins over the text.")(command)


def context_finder(
    region: str | None, date: str | None, doc_type: str | None, manifest: Path | None, no_manifest: bool
) -> Callable[[Path], StatedContext | None]:
    """What is stated about each file (``planwatch.context.context_finder``); a bad statement is an error."""
    from planwatch.context import context_finder as finder

    try:
        stated = StatedContext(region=region, date=date, doc_type=doc_type) if (region or date or doc_type) else None
        find = finder(stated, manifest, discover=not no_manifest)
    except (ValueError, OSError) as e:
        raise PlanWatchError(str(e)) from e

    def context_for(file: Path) -> StatedContext | None:
        try:
            return find(file)
        except (ValueError, OSError) as e:
            raise PlanWatchError(str(e)) from e

    return context_for


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


def _utf8_stdout(strict: bool) -> None:
    """Make stdout able to print Chinese whatever the locale says.

    JSONL and CSV are data and must be UTF-8; a table is for a terminal, so on a non-UTF-8
    terminal unprintable characters become ``?`` rather than a crash.
    """
    stream = sys.stdout
    encoding = (getattr(stream, "encoding", None) or "").lower().replace("_", "-")
    if encoding in ("utf-8", "utf8") or not isinstance(stream, io.TextIOWrapper):
        return
    if strict:
        stream.reconfigure(encoding="utf-8")
    else:
        stream.reconfigure(errors="replace")


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


def _cell(value: Any) -> str:
    if value is None:
        return "-"
    return " ".join(str(value).split())  # a mention broken over lines stays on one row


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)


def _summary(doc: Document, n: int) -> str:
    parts = [f"{n} fact{'' if n == 1 else 's'}", f"read as {doc.reader}"]
    if doc.segments:
        parts.append(f"{len(doc.segments)} segment{'' if len(doc.segments) == 1 else 's'}")
    found = "; ".join(str(c) for c in doc.clues)
    return f"planwatch: {doc.name}: " + ", ".join(parts) + (f"; {found}" if found else "")


def run(argv: Sequence[str] | None = None) -> NoReturn:
    """Entry point for ``python -m planwatch``: the program is always called ``planwatch``."""
    main.main(args=list(argv) if argv is not None else None, prog_name="planwatch")
    raise SystemExit(0)  # click's standalone mode always exits; this only satisfies NoReturn


# Modules that add commands to ``main``.  A module that is not there yet is skipped; one that
# is there but fails to import is a bug and must be loud.
_PLUGIN_MODULES = ["planwatch.store_cli", "planwatch.report_cli", "planwatch.web_cli", "planwatch.projects_cli"]


def _load_plugins() -> None:
    for name in _PLUGIN_MODULES:
        try:
            importlib.import_module(name)
        except ModuleNotFoundError as e:
            if e.name != name:
                raise


if __name__ != "__main__":
    # Run as ``python -m planwatch.cli`` this file is ``__main__``, a second copy of the module;
    # loading the plugins from that copy would import ``planwatch.cli`` again half-way through
    # and leave a plugin half-initialised.  Only the real module loads them.
    _load_plugins()


if __name__ == "__main__":
    # Run as ``python -m planwatch.cli`` this file is ``__main__``, a second copy of the module:
    # plugins register on ``planwatch.cli.main``, so that is the group to run.
    from planwatch.cli import run as _run

    _run()
