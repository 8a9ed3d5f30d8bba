"""Reading a PDF page as a person does: columns in order, tables as tables, page furniture dropped.

pdfminer's own layout analysis groups lines into boxes by their vertical distance; at the line
spacing of 公文 (1.5× and more) lines of two columns are not grouped and the boxes interleave line
by line.  Here the characters (from pdfplumber, with their positions) are cut into blocks by the
widest blank strip, as in recursive XY-cut: a column gutter (a vertical strip blank from the top
of the columns to their bottom) is wider than the space between lines, so columns are read one
after the other, and a title or table spanning the page separates bands above and below it.

Ruled tables (pdfplumber's table finder) become Markdown pipe tables in their place, so the table
extractor reads them as it reads HTML and Word tables.  Lines in the top and bottom margins that
repeat on several pages (running headers and footers, with their page numbers) are dropped, as
are page numbers alone in a margin.

Measured on the issue-13 forms (facts right of 53 / extra; 6 of the 53 are in the table):
pdfminer's default layout 46/1, 23/23, 19/28, 47/0 (one column, two columns, two columns with
furniture, one column with furniture); pdfminer with a wider line margin 46/1, 47/0, 47/0, 47/0;
pypdfium2's text 47/0 on all four (content-stream order, right only because these files draw
their columns in order); pdfplumber's extract_text 47/0, 19/27, 19/28, 47/0; none reads the
table; this module 53/0 on all four.  On a 13-page one-column PDF of a provincial report
(179 facts in its text): pdfminer 178/1, this module 179/0.  Speed on that PDF (a loaded 2-core
machine): pdfminer 0.55 s, pypdfium2 0.25 s, pdfplumber 0.8 s, this module 1.3 s, nearly all of
it pdfplumber turning pdfminer's objects into dicts; the layout itself costs a few percent.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

#: Share of the page height at its top and bottom where running headers and footers live.
MARGIN_SHARE = 0.09
#: A blank strip this many times the body font size wide, blank over the whole block, is a
#: column gutter; narrower vertical gaps (between words of a justified line) are not.
MIN_GUTTER = 1.2
#: Characters on one line further apart than this many font sizes are separate segments (the
#: two halves of a line across a gutter, a footer's left text and its page number).
SEGMENT_GAP = 1.5

_PAGE_NUMBER = re.compile(
    r"^[-—–\s]*(?:第\s*)?\d{1,4}(?:\s*页)?(?:\s*/\s*(?:共\s*)?\d{1,4}\s*页?)?[-—–\s]*$"
)


@dataclass
class Segment:
    """A run of text on one line (or a whole table), with its box in page coordinates."""

    x0: float
    x1: float
    top: float
    bottom: float
    text: str
    size: float
    table: bool = False


def page_segments(page: Any) -> list[Segment]:
    """The page's text segments and tables (as Markdown), in no particular order."""
    from planwatch.readers import _markdown_table

    tables = []
    if page.rects or page.lines:  # the table finder only looks at ruling lines: skip bare pages
        for table in page.find_tables():
            rows = [[_cell(c) for c in row] for row in table.extract()]
            rows = [r for r in rows if any(r)]
            if len(rows) >= 2 and max(len(r) for r in rows) >= 2:
                tables.append((table.bbox, rows))
    segments = [
        Segment(x0, x1, top, bottom, _markdown_table(rows), 10.0, table=True)
        for (x0, top, x1, bottom), rows in tables
    ]
    boxes = [bbox for bbox, _ in tables]
    chars = [
        c for c in page.chars
        if c["text"].strip() and not any(
            b[0] - 1 <= (c["x0"] + c["x1"]) / 2 <= b[2] + 1 and b[1] - 1 <= (c["top"] + c["bottom"]) / 2 <= b[3] + 1
            for b in boxes
        )
    ]
    segments.extend(_line_segments(chars))
    return segments


def _cell(value: str | None) -> str:
    text = "".join((value or "").split("\n"))  # a cell's text wraps only because the cell is narrow
    return text.strip().replace("|", "\\|")


def _line_segments(chars: list[dict[str, Any]]) -> list[Segment]:
    """Group characters into lines (by vertical overlap), then split lines at wide gaps."""
    chars = sorted(chars, key=lambda c: (round(c["top"], 1), c["x0"]))
    lines: list[list[dict[str, Any]]] = []
    for c in chars:
        mid = (c["top"] + c["bottom"]) / 2
        if lines:
            last = lines[-1]
            top = min(x["top"] for x in last[-3:])
            bottom = max(x["bottom"] for x in last[-3:])
            if top <= mid <= bottom:
                last.append(c)
                continue
        lines.append([c])
    out: list[Segment] = []
    for line in lines:
        line.sort(key=lambda c: c["x0"])
        run: list[dict[str, Any]] = [line[0]]
        for c in line[1:]:
            size = max(run[-1]["size"], c["size"], 1.0)
            if c["x0"] - run[-1]["x1"] > SEGMENT_GAP * size:
                out.append(_segment(run))
                run = []
            run.append(c)
        out.append(_segment(run))
    return out


def _segment(run: list[dict[str, Any]]) -> Segment:
    parts: list[str] = []
    for prev, c in zip([None, *run[:-1]], run, strict=True):
        if prev is not None and c["x0"] - prev["x1"] > 0.25 * max(c["size"], 1.0) and (
            prev["text"].isascii() and c["text"].isascii()
        ):
            parts.append(" ")  # a space between Latin words or numbers, drawn as a gap
        parts.append(c["text"])
    sizes = Counter(round(c["size"], 1) for c in run)
    return Segment(min(c["x0"] for c in run), max(c["x1"] for c in run), min(c["top"] for c in run),
                   max(c["bottom"] for c in run), "".join(parts), sizes.most_common(1)[0][0])


def furniture_keys(pages: list[tuple[float, list[Segment]]]) -> set[str]:
    """Texts (digits masked) of margin lines that recur on at least two pages and half of them."""
    if len(pages) < 2:
        return set()
    seen: Counter[str] = Counter()
    for height, segments in pages:
        seen.update({_mask(s.text) for s in segments if not s.table and _in_margin(s, height)})
    need = max(2, (len(pages) + 1) // 2)
    return {k for k, n in seen.items() if n >= need}


def _mask(text: str) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", text))


def _in_margin(s: Segment, height: float) -> bool:
    return s.bottom <= height * MARGIN_SHARE or s.top >= height * (1 - MARGIN_SHARE)


def drop_furniture(segments: list[Segment], height: float, keys: set[str]) -> list[Segment]:
    return [
        s for s in segments
        if s.table or not _in_margin(s, height) or (_mask(s.text) not in keys and not _PAGE_NUMBER.match(s.text))
    ]


@dataclass
class Placed:
    """A segment in reading order with the left and right edge of the column it is in."""

    segment: Segment
    left: float
    right: float


#: A line of at least two segments whose median width is under this many font sizes is a row of
#: table cells; a line of two text columns has segments a column wide (20 characters and more).
MAX_CELL_WIDTH = 8.0


def unruled_tables(segments: list[Segment]) -> list[Segment]:
    """``segments`` with runs of two or more table rows (cells set apart by blank space, no rules
    drawn, as in scans and many bulletins) replaced by one Markdown table segment each.

    Without this the XY-cut would take a table's columns for text columns and read it column by
    column.  Columns are the blank strips common to all rows of the run.
    """
    from planwatch.readers import _markdown_table

    rows: list[list[Segment]] = []
    for s in sorted(segments, key=lambda s: (s.top, s.x0)):
        if rows and not rows[-1][0].table and not s.table and s.top < _row_bottom(rows[-1]) - 0.3 * s.size:
            rows[-1].append(s)
        else:
            rows.append([s])
    out: list[Segment] = []
    run: list[list[Segment]] = []
    for row in [*rows, []]:
        if row and _is_table_row(row):
            run.append(row)
            continue
        if len(run) >= 2:
            out.append(_table_segment(run, _markdown_table))
        else:
            out.extend(s for r in run for s in r)
        run = []
        out.extend(row)
    return out


def _row_bottom(row: list[Segment]) -> float:
    return max(s.bottom for s in row)


def _is_table_row(row: list[Segment]) -> bool:
    if len(row) < 2 or any(s.table for s in row):
        return False
    widths = sorted((s.x1 - s.x0) / max(s.size, 1.0) for s in row)
    return widths[len(widths) // 2] < MAX_CELL_WIDTH


def _table_segment(run: list[list[Segment]], render: Any) -> Segment:
    cells = [s for row in run for s in row]
    size = sorted(s.size for s in cells)[len(cells) // 2]
    spans = sorted((s.x0, s.x1) for s in cells)
    bounds: list[float] = []  # x positions of the blank strips between columns
    reach = spans[0][1]
    for lo, hi in spans[1:]:
        if lo - reach > 0.5 * size:
            bounds.append((lo + reach) / 2)
        reach = max(reach, hi)
    grid = []
    for row in run:
        line = [""] * (len(bounds) + 1)
        for s in sorted(row, key=lambda s: s.x0):
            col = sum(b < s.x0 for b in bounds)
            line[col] = (line[col] + " " + s.text).strip().replace("|", "\\|")
        grid.append(line)
    return Segment(min(s.x0 for s in cells), max(s.x1 for s in cells), min(s.top for s in cells),
                   max(s.bottom for s in cells), render(grid), size, table=True)


def reading_order(segments: list[Segment]) -> list[Placed]:
    """The segments in reading order, by recursive XY-cut (iterative, widest gap first).

    A vertical cut makes two columns, each with its own edges; a horizontal cut keeps the edges
    of the block it cuts, so paragraph ends and indents are judged against the column.
    """
    out: list[Placed] = []
    if not segments:
        return out
    stack: list[tuple[list[Segment], float, float]] = [(segments, *_edges(segments))]
    while stack:
        block, left, right = stack.pop()
        parts = _cut(block)
        if parts is None:
            out.extend(Placed(s, left, right) for s in sorted(block, key=lambda s: (s.top, s.x0)))
            continue
        vertical, pieces = parts
        for piece in reversed(pieces):
            if vertical:
                stack.append((piece, *_edges(piece)))
            else:
                stack.append((piece, left, right))
    return out


def _edges(block: list[Segment]) -> tuple[float, float]:
    """Left and right edge of a column: its leftmost start, and the end most of its lines reach
    (the 75th percentile, so that one overlong line does not make every other line look short)."""
    ends = sorted(s.x1 for s in block if not s.table) or [max(s.x1 for s in block)]
    return min(s.x0 for s in block), ends[min(len(ends) - 1, (3 * len(ends)) // 4)]


def _cut(block: list[Segment]) -> tuple[bool, list[list[Segment]]] | None:
    """Split ``block`` at its widest blank strip: vertical (columns) or horizontal (bands)."""
    if len(block) < 2:
        return None
    size = sorted(s.size for s in block)[len(block) // 2]
    v_gap, v_at = _widest_gap([(s.x0, s.x1) for s in block])
    h_gap, h_at = _widest_gap([(s.top, s.bottom) for s in block])
    if v_gap >= MIN_GUTTER * size and v_gap > h_gap:
        left = [s for s in block if s.x1 <= v_at]
        return True, [left, [s for s in block if s.x1 > v_at]]
    if h_gap > 0:
        above = [s for s in block if s.bottom <= h_at]
        return False, [above, [s for s in block if s.bottom > h_at]]
    return None


def _widest_gap(spans: list[tuple[float, float]]) -> tuple[float, float]:
    """(width, position) of the widest blank stretch between the intervals ``spans``."""
    spans = sorted(spans)
    best, at = 0.0, 0.0
    reach = spans[0][1]
    for lo, hi in spans[1:]:
        if lo - reach > best:
            best, at = lo - reach, reach
        reach = max(reach, hi)
    return best, at


def paragraphs(placed: list[Placed]) -> list[str]:
    """Paragraphs from lines in reading order: joined where a paragraph runs on, split where it ends.

    A line ends its paragraph when it stops short of its column's right edge; the next starts a
    new one when it is indented, set in another size, or a blank line away.  A paragraph that
    reaches the bottom of a column or page runs on into the next.  Lines of a paragraph are
    joined with no space (Chinese, and a number cut by the line end), or a space between Latin words.
    """
    out: list[str] = []
    current = ""
    prev: Placed | None = None
    for p in placed:
        s = p.segment
        if s.table:
            if current:
                out.append(current)
            out.extend(["", s.text, ""])
            current, prev = "", None
            continue
        starts_new = prev is None or (
            prev.segment.x1 < prev.right - 2 * prev.segment.size  # the previous line stopped short
            or s.x0 > p.left + 1.0 * s.size  # this one is indented
            or (prev.right == p.right and s.top - prev.segment.bottom > 1.5 * s.size)  # a blank line between
            or abs(s.size - prev.segment.size) > 0.5  # a heading in another size
        )
        if starts_new:
            if current:
                out.append(current)
            current = s.text
        else:
            # Latin words wrap at spaces; Chinese, and numbers in it, wrap anywhere ("16" + "3公里")
            glue = " " if current[-1:].isascii() and current[-1:].isalpha() and s.text[:1].isascii() else ""
            current += glue + s.text
        prev = p
    if current:
        out.append(current)
    return out


#: Largest content stream of one page (decoded bytes).  A text page holds 10–100 KB; a 1.4 MB file
#: of a million tiny drawing operations decodes to 16 MB and would take minutes and gigabytes to
#: lay out, so it is refused before any of it is interpreted.
MAX_PAGE_CONTENT = 4 * 1024 * 1024


class PageTooComplex(Exception):
    """A page whose drawing instructions are too many to read (the reader turns it into a refusal)."""


def page_content_size(page: Any) -> int:
    """Decoded size of a page's content streams (cheap: no operator is interpreted)."""
    from pdfminer.pdftypes import resolve1

    total = 0
    for stream in page.page_obj.contents or []:
        data = resolve1(stream).get_data()
        total += len(data)
    return total


#: A page is a scan when images cover at least this share of it ...
SCAN_IMAGE_SHARE = 0.5
#: ... and its text layer holds fewer characters than this (a stamped page number, a file name).
SCAN_MAX_CHARS = 20


def pdf_pages(pdf: Any) -> tuple[list[tuple[float, list[Segment]]], list[int]]:
    """Each page of an open pdfplumber document as (height, segments), and the indexes of the
    pages that are scans: an image over most of the page and (almost) no text layer.  A PDF put
    together from typed and scanned pages (a signed cover, an annex scanned in) has both."""
    pages: list[tuple[float, list[Segment]]] = []
    scanned: list[int] = []
    for number, page in enumerate(pdf.pages, 1):
        size = page_content_size(page)
        if size > MAX_PAGE_CONTENT:
            raise PageTooComplex(
                f"page {number} holds {size / 1048576:.0f} MB of drawing instructions (the limit is "
                f"{MAX_PAGE_CONTENT / 1048576:.0f} MB): a drawing or a damaged file, not a document to read"
            )
        pages.append((float(page.height), page_segments(page)))
        if _is_scan(page):
            scanned.append(number - 1)
        page.flush_cache()
    return pages, scanned


def _is_scan(page: Any) -> bool:
    chars = sum(1 for c in page.chars if not c.get("text", "").isspace())
    if chars >= SCAN_MAX_CHARS or not page.images:
        return False
    area = float(page.width) * float(page.height)
    covered = sum(max(0.0, float(i["x1"]) - float(i["x0"])) * max(0.0, float(i["bottom"]) - float(i["top"]))
                  for i in page.images)
    return area > 0 and covered >= SCAN_IMAGE_SHARE * area


def pdf_text(pdf: Any) -> tuple[str, int]:
    """The text of an open pdfplumber document, and how many pages had no text at all."""
    return pages_text(pdf_pages(pdf)[0])


def pages_text(pages: list[tuple[float, list[Segment]]]) -> tuple[str, int]:
    """Text of pages given as (height, segments): furniture dropped, reading order, paragraphs.

    Shared by the text-layer reader and OCR (``planwatch.ocr`` gives its lines as segments).
    """
    keys = furniture_keys(pages)
    placed: list[Placed] = []
    empty = 0
    for height, segments in pages:
        segments = drop_furniture(segments, height, keys)
        if not segments:
            empty += 1
        placed.extend(reading_order(unruled_tables(segments)))
    lines: list[str] = []
    for paragraph in paragraphs(placed):
        if paragraph == "" and (not lines or lines[-1] == ""):
            continue
        lines.append(paragraph)
    return "\n".join(lines).strip("\n") + "\n" if lines else "", empty
