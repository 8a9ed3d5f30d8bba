"""Shared fixtures: the bundled sample documents and generated PDF/DOCX/HTML inputs.

Binary inputs are generated in each test's tmp_path rather than checked in, so that what a
test feeds the reader is visible in the test code itself.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from pg_server import pg_server, pg_url  # noqa: F401  (fixtures: a PostgreSQL server, a schema per test)

REPO = Path(__file__).resolve().parents[1]
SAMPLE_DIR = REPO / "planwatch" / "sample"
SAMPLE_FILES = sorted(SAMPLE_DIR.glob("*.txt"))
# The public documents the tests read, shipped with the tests (a copy of ../shared/corpus), so a
# clone with nothing beside it runs every test.
CORPUS = REPO / "tests" / "data" / "corpus"
PROVINCES = CORPUS / "provinces-2026"
# The reference facts and their scorer are not ours to ship: they live in ../shared.  A test that
# needs them skips where they are absent, unless $PLANWATCH_TEST_REQUIRE_SHARED=1 (CI), where it fails.
SHARED = REPO.parent / "shared"


def require_shared() -> Path:
    """``../shared``, or a skip (a failure on CI) saying why it is needed."""
    if (SHARED / "gold").is_dir() and (SHARED / "tools" / "score.py").is_file():
        return SHARED
    message = "../shared (reference facts and scorer) is not beside the repository"
    if os.environ.get("PLANWATCH_TEST_REQUIRE_SHARED") == "1":
        pytest.fail(message + " and $PLANWATCH_TEST_REQUIRE_SHARED=1")
    pytest.skip(message)

WIDER = REPO / "tests" / "data" / "wider"


def score_wider_round(tmp_path: Path, letter: str, *, manifest: bool) -> dict:
    """The shared scorer's figures (``--json``) for one round of the wider folder (``ranges-<letter>.json``
    and its ``w<letter>_*.jsonl``), with the folder's manifest or — as the hidden documents may be read,
    from their text alone — on a copy without it, each file renamed ``doc<k>.txt`` so that the year and
    place our own file names carry (``hebei_2024m1m8_news.txt``) say nothing either."""
    import json
    import shutil

    scorer = require_shared() / "tools" / "score.py"
    gold = tmp_path / "gold"
    gold.mkdir(parents=True)
    ranges = json.loads((WIDER / "gold" / f"ranges-{letter}.json").read_text(encoding="utf-8"))
    for path in (WIDER / "gold").glob(f"w{letter}_*.jsonl"):
        shutil.copy(path, gold / path.name)
    corpus = WIDER
    if not manifest:
        corpus = tmp_path / "bare" / "wider"
        corpus.mkdir(parents=True)
        bare = {name: f"doc{k}{Path(name).suffix}" for k, name in enumerate(sorted({r["file"] for r in ranges}))}
        for name, new_name in bare.items():
            shutil.copy(WIDER / name, corpus / new_name)
        ranges = [{**r, "file": bare[r["file"]]} for r in ranges]
    (gold / "ranges.json").write_text(json.dumps(ranges, ensure_ascii=False), encoding="utf-8")
    cmd = f"{sys.executable} -m planwatch extract {{file}} --format jsonl"
    out = subprocess.run([sys.executable, str(scorer), str(gold), str(corpus), "--json", "--cmd", cmd],
                         capture_output=True, text=True, check=True, cwd=REPO)
    return json.loads(out.stdout.strip().splitlines()[-1])



def score_wider_round_both(tmp_path: Path, letter: str, *, floor: float | None = 0.99) -> tuple[dict, dict]:
    """A round scored with its manifest and — as the hidden documents are read, from their text alone —
    without it: (stated, unstated).  Neither may have a bad span, and with ``floor`` both keep precision
    and recall at least that."""
    stated = score_wider_round(tmp_path / "a", letter, manifest=True)
    unstated = score_wider_round(tmp_path / "b", letter, manifest=False)
    for score in (stated, unstated):
        assert score["bad_spans"] == 0
        if floor is not None:
            assert score["precision"] >= floor and score["recall"] >= floor, score
    return stated, unstated

# Text used in generated documents: a real sentence of the kind PlanWatch reads.
CHINESE_LINE = "全年实现地区生产总值111.5亿元，同比增长7.6%。"


def run_planwatch(
    *args: str, env: dict[str, str] | None = None, timeout: float = 60
) -> subprocess.CompletedProcess:
    """Run the CLI as a user would: a separate process, so exit codes and stderr are real."""
    full_env = {k: v for k, v in os.environ.items() if k != "PLANWATCH_DEBUG"}
    full_env.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "planwatch", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=full_env,
        cwd=REPO,
        timeout=timeout,
    )


@pytest.fixture
def cli() -> Callable[..., subprocess.CompletedProcess]:
    return run_planwatch


def make_pdf(path: Path, lines: list[str]) -> Path:
    """A real PDF with a text layer, in the CID font every PDF reader knows for Chinese."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    c = canvas.Canvas(str(path))
    c.setFont("STSong-Light", 12)
    y = 760
    for line in lines:
        c.drawString(72, y, line)
        y -= 20
    c.showPage()
    c.save()
    return path


def make_image_only_pdf(path: Path) -> Path:
    """A PDF whose page holds only a drawing, like a scan: there is no text to extract."""
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path))
    c.rect(72, 72, 300, 400, fill=1)
    c.showPage()
    c.save()
    return path


def make_encrypted_pdf(path: Path) -> Path:
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), encrypt="secret")
    c.drawString(72, 720, "locked")
    c.showPage()
    c.save()
    return path


def make_docx(path: Path) -> Path:
    """A Word file with a heading paragraph, a 3×3 table and a closing paragraph."""
    import docx

    d = docx.Document()
    d.add_paragraph("凌河区国民经济和社会发展第十四个五年规划")
    table = d.add_table(rows=3, cols=3)
    for r, row in enumerate([["指标", "2020年", "2025年目标"], ["地区生产总值（亿元）", "111.5", "150左右"]]):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    table.cell(2, 0).text = "常住人口（万人）"
    table.cell(2, 1).merge(table.cell(2, 2)).text = "30"
    d.add_paragraph(CHINESE_LINE)
    d.save(str(path))
    return path


@pytest.fixture
def chinese_pdf(tmp_path: Path) -> Path:
    return make_pdf(tmp_path / "report.pdf", ["凌河区2014年经济数据", CHINESE_LINE])


@pytest.fixture
def image_only_pdf(tmp_path: Path) -> Path:
    return make_image_only_pdf(tmp_path / "scan.pdf")


@pytest.fixture
def sample_docx(tmp_path: Path) -> Path:
    return make_docx(tmp_path / "plan.docx")
