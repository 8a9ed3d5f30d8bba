"""The extraction pipeline: read → normalise → structure → extract → resolve.

Each stage is a small module with one job; this module only wires them together.
"""

from __future__ import annotations

from pathlib import Path

from planwatch.context import StatedContext
from planwatch.extractors import run_extractors
from planwatch.model import Document, SourceText
from planwatch.readers import read_file


def extract(path: str | Path, context: StatedContext | None = None) -> Document:
    """Read the file at ``path`` and return its ``Document`` with segments and facts.

    ``context``: what the user states about the document (region, date, type); it wins over
    what the text says.
    """
    path = Path(path)
    return extract_text(read_file(path), name=path.name, path=str(path), context=context)


def extract_text(
    source: SourceText | str, name: str = "<text>", path: str = "", context: StatedContext | None = None
) -> Document:
    """Run the pipeline on text already read (a ``SourceText`` or a plain string)."""
    if isinstance(source, str):
        source = SourceText(text=source, reader="text")
    doc = Document(path=path, name=name, text=source.text, reader=source.reader, meta=dict(source.meta))
    return run_extractors(doc, context)
