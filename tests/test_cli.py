"""The CLI plumbing: output formats, error reporting and the command modules of ``planwatch.cli``.

Output formats are checked on facts made here (the extractor is tested elsewhere); the real
pipeline is run end to end on a bundled sample only for what the CLI itself promises.
"""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
import textwrap
from pathlib import Path

import click
import pytest
from click.testing import CliRunner
from conftest import REPO, SAMPLE_FILES, run_planwatch

from planwatch import __version__
from planwatch.cli import main
from planwatch.cli.extract import FACT_FIELDS
from planwatch.model import Document, Fact

FACTS = [
    Fact(
        doc="x.txt", start=30, end=34, text="7.6%", indicator="地区生产总值", mention="地区生产总值",
        measure="growth", value=7.6, unit="%", kind="actual", period="2014", region="凌河区",
    ),
    Fact(
        doc="x.txt", start=10, end=18, text="111.5 亿元", indicator="地区生产总值", mention="地区生产总值",
        measure="level", value=111.5, unit="亿元", kind="actual", period="2014", region="凌河区",
    ),
    Fact(
        doc="x.txt", start=50, end=56, text="1500左右", indicator="新增就业", mention="新增就业",
        measure="level", value=1500.0, unit="", kind="target", period="2025", region="凌河区",
        qualifier="about",
    ),
]  # fmt: skip


@pytest.fixture
def fake_pipeline(monkeypatch: pytest.MonkeyPatch) -> None:
    def fake_extract(path: str | Path, context: object = None) -> Document:
        return Document(path=str(path), name=Path(path).name, text="", reader="text:utf-8", facts=list(FACTS))

    monkeypatch.setattr("planwatch.pipeline.extract", fake_extract)


def invoke(*args: str) -> click.testing.Result:
    return CliRunner().invoke(main, list(args), prog_name="planwatch")


def test_version() -> None:
    result = run_planwatch("--version")
    assert result.returncode == 0
    assert __version__ in result.stdout


def test_help_lists_extract() -> None:
    result = invoke("--help")
    assert result.exit_code == 0
    assert "extract" in result.stdout


def test_jsonl_one_object_per_fact_in_document_order(fake_pipeline: None) -> None:
    result = invoke("extract", "x.txt", "--format", "jsonl")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert len(lines) == 3
    objects = [json.loads(line) for line in lines]
    assert [o["start"] for o in objects] == [10, 30, 50]
    assert "111.5 亿元" in lines[0]  # Chinese kept readable, not \\u-escaped
    assert objects[2]["value"] == 1500 and isinstance(objects[2]["value"], int)
    assert objects[0]["qualifier"] is None
    assert set(FACT_FIELDS) <= set(objects[0])
    assert result.stderr == ""


def test_csv_has_the_facts_md_header(fake_pipeline: None) -> None:
    result = invoke("extract", "x.txt", "--format", "csv")
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert tuple(rows[0][: len(FACT_FIELDS)]) == FACT_FIELDS
    assert len(rows) == 4
    record = dict(zip(rows[0], rows[3], strict=True))
    assert record["text"] == "1500左右"
    assert record["value"] == "1500"
    assert record["qualifier"] == "about"
    assert dict(zip(rows[0], rows[1], strict=True))["qualifier"] == ""


def test_table_is_aligned_and_summarised_on_stderr(fake_pipeline: None) -> None:
    result = invoke("extract", "x.txt")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].split() == [
        "text", "indicator", "measure", "value", "unit", "kind", "period", "region", "qualifier",
    ]  # fmt: skip
    assert len(lines) == 4
    # Columns line up in terminal cells: "measure" starts at the same display column on every row.
    from planwatch.cli.app import _width

    words = ["measure", "level", "growth", "level"]
    columns = {_width(line[: line.index(word)]) for line, word in zip(lines, words, strict=True)}
    assert len(columns) == 1
    assert "3 facts" in result.stderr and "x.txt" in result.stderr


def test_real_pipeline_on_a_sample_file() -> None:
    sample = SAMPLE_FILES[0]
    result = run_planwatch("extract", str(sample), "--format", "jsonl")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    for line in result.stdout.splitlines():
        assert set(FACT_FIELDS) <= set(json.loads(line))


def test_real_pipeline_table_format_on_a_sample_file() -> None:
    result = run_planwatch("extract", str(SAMPLE_FILES[0]))
    assert result.returncode == 0, result.stderr
    assert result.stdout.split("\n", 1)[0].split()[0] == "text"
    assert SAMPLE_FILES[0].name in result.stderr


def test_bad_format_is_a_usage_error() -> None:
    result = invoke("extract", str(SAMPLE_FILES[0]), "--format", "xml")
    assert result.exit_code == 2
    assert "xml" in result.stderr


def _run_script(script: str, env: dict[str, str] | None = None, **kw: object) -> subprocess.Popen:
    import os

    full_env = {k: v for k, v in os.environ.items() if k != "PLANWATCH_DEBUG"}
    full_env.update(env or {})
    return subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(script)],
        cwd=REPO,
        env=full_env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        **kw,  # type: ignore[arg-type]
    )


CRASHING_PIPELINE = """
    import sys, planwatch.pipeline
    def boom(path, context=None):
        raise RuntimeError("something unexpected")
    planwatch.pipeline.extract = boom
    from planwatch.cli import run
    run(["extract", "whatever.txt"])
"""


def test_unexpected_error_is_one_line_exit_70() -> None:
    proc = _run_script(CRASHING_PIPELINE)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 70
    assert out == b""
    text = err.decode()
    assert "Traceback" not in text
    assert text.splitlines() == [
        "planwatch: internal error: RuntimeError: something unexpected"
        " (set PLANWATCH_DEBUG=1 for a traceback)"
    ]


def test_debug_mode_shows_the_traceback() -> None:
    proc = _run_script(CRASHING_PIPELINE, env={"PLANWATCH_DEBUG": "1"})
    _out, err = proc.communicate(timeout=60)
    assert proc.returncode != 0
    assert "Traceback" in err.decode()
    assert "something unexpected" in err.decode()


def test_broken_pipe_is_quiet() -> None:
    # Like `planwatch extract … | head -1`: the reader goes away while we are still writing.
    script = """
        import planwatch.pipeline
        from planwatch.model import Document, Fact
        fact = Fact(doc="x", start=0, end=4, text="7.6%", indicator="地区生产总值" * 5,
                    mention="m", measure="growth", value=7.6, unit="%", kind="actual",
                    period="2014", region="凌河区")
        planwatch.pipeline.extract = lambda path, context=None: Document(
            path=str(path), name="x", text="", reader="text", facts=[fact] * 20000)
        from planwatch.cli import run
        run(["extract", "x.txt", "--format", "jsonl"])
    """
    proc = _run_script(script)
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.readline()
    proc.stdout.close()
    err = proc.stderr.read().decode()
    proc.wait(timeout=60)
    assert "Traceback" not in err
    assert "Exception ignored" not in err
    assert err == ""
    assert proc.returncode == 1


def test_every_command_module_adds_its_commands_to_main() -> None:
    # ``planwatch.cli`` imports each command module of the package; a command of each is there,
    # and the group knows nothing else (a command added elsewhere would be a layer leak).
    from planwatch.cli import extract, projects, report, store, web

    modules = {extract: "extract", store: "ingest", projects: "projects", report: "report", web: "serve"}
    for module, command in modules.items():
        assert main.commands[command].callback.__module__ == module.__name__
    assert {c.callback.__module__ for c in main.commands.values()} == {m.__name__ for m in modules}


def test_python_m_planwatch_runs_the_whole_group() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "planwatch", "--help"], capture_output=True, text=True, cwd=REPO, timeout=60
    )
    assert result.returncode == 0, result.stderr
    listed = {line.split()[0] for line in result.stdout.split("Commands:", 1)[1].splitlines() if line.strip()}
    assert {"extract", "ingest", "targets", "projects", "report", "serve", "demo"} <= listed


def test_python_m_planwatch_cli_runs_the_same_group() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "planwatch.cli", "extract", "/no/such/file.txt"],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=60,
    )
    assert result.returncode == 2
    assert result.stderr.strip() == "planwatch: error: file not found: /no/such/file.txt"
