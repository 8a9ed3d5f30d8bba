"""Choose a renderer by the output file's suffix and write the file atomically."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from planwatch.report.model import Report, ReportError

#: Output suffix → format name.
FORMATS: dict[str, str] = {
    ".md": "md", ".markdown": "md", ".html": "html", ".htm": "html", ".pdf": "pdf", ".docx": "docx",
}  # fmt: skip


def format_for(path: str | os.PathLike[str]) -> str:
    """The format of an output path by its suffix; ``ReportError`` naming the supported ones."""
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        shown = suffix or "no suffix"
        raise ReportError(f"unsupported report format ({shown}): name the file .html, .pdf, .docx or .md")
    return FORMATS[suffix]


def _renderer(fmt: str) -> Callable[[Report], bytes]:
    # Imported on demand: WeasyPrint, python-docx and Jinja2 load only for the format asked for.
    if fmt == "md":
        from planwatch.report.markdown import render_markdown

        return render_markdown
    if fmt == "html":
        from planwatch.report.html import render_html

        return render_html
    if fmt == "pdf":
        from planwatch.report.pdf import render_pdf

        return render_pdf
    if fmt == "docx":
        from planwatch.report.word import render_docx

        return render_docx
    raise ReportError(f"unsupported report format {fmt!r}")


def render(report: Report, fmt: str) -> bytes:
    """The report in ``fmt`` (``md``, ``html``, ``pdf`` or ``docx``) as bytes."""
    return _renderer(fmt)(report)


def write_report(report: Report, out: str | os.PathLike[str], fmt: str | None = None) -> Path:
    """Render and write ``out``: to a temporary file beside it, renamed only once complete.

    A failure while rendering or writing leaves neither a partial report nor the temporary
    file, and an existing file at ``out`` is kept until the new one replaces it whole.
    """
    path = Path(out)
    fmt = fmt or format_for(path)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise ReportError(f"cannot write {path}: the folder {folder} does not exist")
    if path.is_dir():
        raise ReportError(f"cannot write {path}: it is a folder")
    data = render(report, fmt)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=folder)
    except OSError as e:
        raise ReportError(f"cannot write {path}: {e.strerror or e}") from e
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, 0o644)  # mkstemp makes it private; a report is an ordinary document
        os.replace(tmp, path)
    except BaseException as e:
        Path(tmp).unlink(missing_ok=True)
        if isinstance(e, OSError):
            raise ReportError(f"cannot write {path}: {e.strerror or e}") from e
        raise
    return path
