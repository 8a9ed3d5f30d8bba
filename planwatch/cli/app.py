"""The ``planwatch`` group and what its commands share: errors, options, terminal output.

Each command module of ``planwatch.cli`` adds its commands to ``main`` here
(``from planwatch.cli.app import main`` then ``@main.command()``); ``planwatch.cli`` imports
them all.  Errors are reported here, once, for every command: a user sees one line on stderr
and a non-zero exit code, never a traceback (unless ``PLANWATCH_DEBUG=1``).
"""

from __future__ import annotations

import io
import os
import sys
import unicodedata
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NoReturn

import click

from planwatch import __version__
from planwatch.context import StatedContext
from planwatch.errors import PlanWatchError
from planwatch.store.backend import default_db_path

EXIT_INPUT_ERROR = 2
EXIT_INTERNAL_ERROR = 70  # EX_SOFTWARE from sysexits.h
EXIT_BROKEN_PIPE = 1

FORMAT = click.Choice(["table", "json", "csv"])

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
        except OSError as e:
            # what the system refused (a name too long, no permission, a full disk) is the input's or
            # the machine's problem, not a bug: say it in the system's words, on one line
            if _debug():
                raise
            name = str(e.filename or "")
            shown = name if len(name) <= 80 else name[:60] + "…" + name[-12:]
            _error(f"error: {e.strerror or e}" + (f": {shown}" if shown else ""))
            ctx.exit(EXIT_INPUT_ERROR)
        except Exception as e:
            if _debug():
                raise
            _error(f"internal error: {type(e).__name__}: {e} (set PLANWATCH_DEBUG=1 for a traceback)")
            ctx.exit(EXIT_INTERNAL_ERROR)


@click.group(cls=PlanWatchGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="planwatch")
def main() -> None:
    """PlanWatch: indicator facts from Chinese regional development documents."""


def db_option(f: Callable[..., Any]) -> Callable[..., Any]:
    """``--db``: every database command names its database the same way."""
    return click.option(
        "--db", "db", metavar="URL", default=None,
        help="database: a SQLite file path, sqlite:///FILE or postgresql://USER:PASSWORD@HOST:PORT/DB "
        f"(default: $PLANWATCH_DB or {default_db_path()})",
    )(f)  # fmt: skip


def format_option(f: Callable[..., Any]) -> Callable[..., Any]:
    """``--format``: a table for reading, JSON or CSV for tools."""
    return click.option(
        "--format",
        "fmt",
        type=FORMAT,
        default="table",
        show_default=True,
        help="table: aligned columns for reading; json: an array of objects; csv: a header row.",
    )(f)


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
                           help="The document's type: report, plan, evaluation, bulletin, release, brief, "
                                "news.")(command)
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


def _cell(value: Any) -> str:
    if value is None:
        return "-"
    return " ".join(str(value).split())  # a mention broken over lines stays on one row


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)


def run(argv: Sequence[str] | None = None) -> NoReturn:
    """Entry point for ``python -m planwatch``: the program is always called ``planwatch``.

    Import it from ``planwatch.cli``, which loads every command module first.
    """
    main.main(args=list(argv) if argv is not None else None, prog_name="planwatch")
    raise SystemExit(0)  # click's standalone mode always exits; this only satisfies NoReturn
