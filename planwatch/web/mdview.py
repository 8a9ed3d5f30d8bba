"""The layout of a document's text for reading: its Markdown tables as tables, its headings as
headings, and the marks of the source (``|``, ``**``, ``#``, ``<b>``, ``<br>``) not shown.

The text itself is never changed or re-parsed into new text: the layout is a list of
``highlight.Chunk`` — stretches of the stored text with the markup to write around them — so
every fact link still encloses exactly ``text[start:end]`` and every character shown is escaped
by ``highlight.render``.  Only marks between chunks are dropped.
"""

from __future__ import annotations

import re

from planwatch.web.highlight import Chunk

_HEADING = re.compile(r"^(#{1,6})[ \t]+")
_SEPARATOR = re.compile(r"^\|?[\s:|-]*-{2,}[\s:|-]*$")
#: Inline marks of the source: bold and italic markers, and the few HTML tags saved pages carry.
_INLINE = re.compile(r"\*\*|__|</?(?:b|strong|i|em|u|span|font|sup|sub|small)\b[^<>]{0,80}>|<br\s*/?>", re.I)


def _inline(text: str, start: int, end: int, before: str = "", after: str = "") -> list[Chunk]:
    """``text[start:end]`` without its inline marks; ``<br>`` becomes a line break."""
    chunks: list[Chunk] = []
    pos = start
    pending = before
    bold = False
    for m in _INLINE.finditer(text, start, end):
        if m.start() > pos:
            chunks.append(Chunk(pos, m.start(), pending))
            pending = ""
        mark = m.group(0).lower()
        if mark in ("**", "__"):
            pending += "</strong>" if bold else "<strong>"
            bold = not bold
        elif mark.startswith("<br"):
            pending += "<br>"
        pos = m.end()
    if pos < end or not chunks:
        chunks.append(Chunk(pos, max(pos, end), pending))
        pending = ""
    # close what was opened (an unclosed ** runs to the end of its line or cell)
    last = chunks[-1]
    closing = pending + ("</strong>" if bold else "") + after
    chunks[-1] = Chunk(last.start, last.end, last.before, last.after + closing)
    return chunks


def _cells(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The cells of a table row ``text[start:end]`` as (start, end), stripped of spaces."""
    bars = [m.start() for m in re.finditer(r"(?<!\\)\|", text[start:end])]
    line = text[start:end]
    edges = [-1, *bars, len(line)]
    cells: list[tuple[int, int]] = []
    for a, b in zip(edges, edges[1:], strict=False):
        seg = line[a + 1 : b]
        if a == -1 and not seg.strip() and bars and bars[0] == len(line) - len(line.lstrip()):
            continue  # before the leading |
        if b == len(line) and not seg.strip():
            continue  # after the trailing |
        lead = len(seg) - len(seg.lstrip())
        trail = len(seg.rstrip())
        cells.append((start + a + 1 + lead, start + a + 1 + max(lead, trail)))
    return cells


def layout(text: str) -> list[Chunk]:
    """The chunks of ``text``: table rows as ``<tr>`` of cells, headings as ``<h3>``…``<h6>``, the
    lines between them as one run each (the page keeps their line breaks, and a phrase broken
    across lines stays one stretch of text)."""
    chunks: list[Chunk] = []
    lines = text.splitlines(keepends=True)
    offsets = []
    pos = 0
    for line in lines:
        offsets.append(pos)
        pos += len(line)
    run = 0  # where the current run of plain lines starts
    i = 0
    while i < len(lines):
        line, start = lines[i], offsets[i]
        stripped = line.strip()
        is_table = stripped.startswith("|") and stripped.count("|") >= 2
        m = None if is_table else _HEADING.match(line)
        if not is_table and not m:
            i += 1
            continue
        if start > run:
            chunks += _inline(text, run, start)
        if is_table:
            j = i
            while j < len(lines) and lines[j].strip().startswith("|"):
                j += 1
            chunks += _table(text, lines[i:j], offsets[i:j])
            i = j
        else:
            assert m is not None
            level = min(3 + len(m.group(1)) - 1, 6)
            body_end = start + len(line.rstrip("\r\n"))
            chunks += _inline(text, start + m.end(), body_end, f'<h{level} class="md">', f"</h{level}>")
            i += 1
        run = offsets[i] if i < len(lines) else len(text)
    if run < len(text):
        chunks += _inline(text, run, len(text))
    return chunks


def _table(text: str, lines: list[str], offsets: list[int]) -> list[Chunk]:
    rows = [(o, o + len(line.rstrip("\r\n"))) for line, o in zip(lines, offsets, strict=True)]
    has_header = len(rows) > 1 and bool(_SEPARATOR.match(text[rows[1][0] : rows[1][1]].strip()))
    out = [Chunk(rows[0][0], rows[0][0], '<table class="md">')]
    for n, (a, b) in enumerate(rows):
        if _SEPARATOR.match(text[a:b].strip()):
            continue
        tag = "th" if has_header and n == 0 else "td"
        out.append(Chunk(a, a, "<tr>"))
        for ca, cb in _cells(text, a, b):
            out += _inline(text, ca, cb, f"<{tag}>", f"</{tag}>")
        out.append(Chunk(b, b, "", "</tr>"))
    out.append(Chunk(rows[-1][1], rows[-1][1], "", "</table>"))
    return out


_PLAIN = re.compile(r"\*\*|__|</?[a-zA-Z][^<>]{0,80}>|^#{1,6}\s+|\|", re.M)


def plain(text: str | None) -> str:
    """A quote or title without Markdown or HTML marks, table bars read as spaces."""
    if not text:
        return ""
    return " ".join(_PLAIN.sub(" ", text).split())
