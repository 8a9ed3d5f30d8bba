"""Plain-text tables whose columns are aligned with spaces or tabs.

A statistical bulletin's ``表1`` and text copied from a PDF print tables without pipes or tags:

    表1  2019年主要农产品产量及其增长速度
      产品名称          单位        绝对数        比上年增长(%)
      粮食              万吨        52.3          3.1
      棉花              吨          1200          -5.2

Such a block is found by its *alignment*, never by its words: on several consecutive lines the
same screen columns are blank (a "river" of whitespace), so the columns are the runs of screen
positions that the data rows occupy.  A sentence that happens to hold two numbers apart from
each other is one line, and prose lines carry sentence punctuation, so neither forms a table.
Positions are counted on screen (a CJK character or U+3000 is two columns wide) because that is
how the text was laid out; tab-separated lines count one column per tab.

This module works on the *original* text (its offsets are original offsets): normalisation
removes exactly the spaces that carry the layout.  ``normalize`` uses it to keep the table's
lines apart, and the table extractor reads the cells.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

_SPACE = " \u3000\u00a0\u2002\u2003"
#: A cell: a number as a statistics table prints it ("52.3", "-5.2", "1,200", "12.5%").
_NUMBER = re.compile(r"^[-−—－+]?\s?\d[\d,，]*(?:[.．]\d+)?\s?[%％]?$")
_YEAR_CELL = re.compile(r"^(?:19|20)\d\d年?")
#: Sentence punctuation: a line with it is prose, not a table row.
_PROSE = re.compile(r"[，。；！？]|[,;](?!\d)")
_TITLE = re.compile(r"^表\s*[\d一二三四五六七八九十]+")
_UNIT_LINE = re.compile(r"(?:计量)?单位[:：]\s*([^\s)）]{1,8})")
_HEADING = re.compile(r"^(?:[一二三四五六七八九十]+、|第[一二三四五六七八九十\d]+[章节]|#)")
_TAB_WIDTH = 1000  # a tab-separated field occupies its own screen range, far from the next


@dataclass(frozen=True)
class Token:
    """A run of text on one line between column gaps, with its screen range and original span."""

    text: str
    x0: int  # screen columns [x0, x1)
    x1: int
    start: int  # original offsets
    end: int

    @property
    def numeric(self) -> bool:
        return bool(_NUMBER.match(self.text))


@dataclass(frozen=True)
class AlignedCell:
    text: str
    start: int  # original offsets of the cell's content
    end: int


@dataclass
class AlignedTable:
    """One aligned table: header rows and body rows, one entry per column, original offsets."""

    start: int
    end: int
    title: str
    unit: str  # a unit stated for the whole table ("单位：亿元")
    header_rows: list[list[str]]
    rows: list[list[AlignedCell | None]]
    lines: list[int] = field(default_factory=list)  # original offsets of the first token of each line


def _width(ch: str) -> int:
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def tokens(line: str, offset: int = 0) -> list[Token]:
    """Split a line at its column gaps: a tab, or two or more spaces (one space or one U+3000 is
    spacing inside a cell, as in ``粮　食``)."""
    if "\t" in line:
        out = []
        pos = 0
        for index, part in enumerate(line.split("\t")):
            content = part.strip(_SPACE)
            if content:
                lead = len(part) - len(part.lstrip(_SPACE))
                x0 = index * _TAB_WIDTH
                out.append(Token(content, x0, x0 + 1, offset + pos + lead, offset + pos + lead + len(content)))
            pos += len(part) + 1
        return out
    out = []
    x = 0
    i = 0
    n = len(line)
    while i < n:
        if line[i] in _SPACE:
            j = i
            while j < n and line[j] in _SPACE:
                x += _width(line[j])
                j += 1
            i = j
            continue
        # a token runs until a gap of two or more space characters
        j, x0 = i, x
        end, x_end = i, x
        while j < n:
            if line[j] in _SPACE:
                k = j
                while k < n and line[k] in _SPACE:
                    k += 1
                if k - j >= 2 or k == n:
                    break
                x += sum(_width(c) for c in line[j:k])
                j = k
                continue
            x += _width(line[j])
            j += 1
            end, x_end = j, x
        out.append(Token(line[i:end], x0, x_end, offset + i, offset + end))
        x = x_end
        i = end
    return out


def _is_data_row(toks: list[Token]) -> bool:
    return len(toks) >= 2 and any(t.numeric for t in toks[1:]) and not toks[0].numeric


def _is_year_row(toks: list[Token]) -> bool:
    """A header of years (``项目  2000  2005  2010``): its numbers are all years."""
    numbers = [t.text for t in toks[1:] if t.numeric]
    return bool(numbers) and all(re.fullmatch(r"(?:19|20)\d\d", n) for n in numbers)


def _may_continue(line: str, toks: list[Token]) -> bool:
    """A line that can stand inside a table: no sentence punctuation, and several cells or one
    short cell (a group row such as ``按产业分``, or the second line of a header)."""
    stripped = line.strip()
    if not toks or _PROSE.search(stripped) or _TITLE.match(stripped) or _HEADING.match(stripped):
        return False
    if len(toks) == 1 and _UNIT_LINE.match(stripped):
        return False  # "单位：亿元" above a table states its unit; it is no header cell
    return len(toks) >= 2 or len(stripped) <= 16


def _segments(rows: list[list[Token]]) -> list[tuple[int, int]]:
    """Screen ranges that data rows occupy: where (nearly) no row prints is a column gap.

    One row in seven may overflow a gap (a long name running into the unit column) without
    merging two columns.
    """
    counts: dict[int, int] = {}
    for toks in rows:
        for t in toks:
            for x in range(t.x0, t.x1):
                counts[x] = counts.get(x, 0) + 1
    threshold = len(rows) // 7
    xs = sorted(x for x, c in counts.items() if c > threshold)
    segments: list[tuple[int, int]] = []
    for x in xs:
        if segments and x <= segments[-1][1]:
            segments[-1] = (segments[-1][0], x + 1)
        else:
            segments.append((x, x + 1))
    return segments


def _overlap(t: Token, seg: tuple[int, int]) -> int:
    return max(0, min(t.x1, seg[1]) - max(t.x0, seg[0]))


def _column_of(t: Token, segments: list[tuple[int, int]], first: bool = False) -> int:
    """The column of a row's cell: a row's first cell is its name; a value goes to the value
    column it overlaps most, else the nearest one."""
    if first and not t.numeric:
        return 0
    best = max(range(1, len(segments)), key=lambda i: _overlap(t, segments[i]))
    if _overlap(t, segments[best]) > 0:
        return best
    return min(range(1, len(segments)), key=lambda i: min(abs(t.x0 - segments[i][0]), abs(t.x1 - segments[i][1])))


def _header_columns(t: Token, segments: list[tuple[int, int]], group_line: bool) -> list[int]:
    """The columns a header cell names: the one it overlaps most; on an upper header line, every
    column it covers at least half of (a group header such as ``2019年`` over two columns)."""
    covered = [i for i, (a, b) in enumerate(segments) if _overlap(t, (a, b)) * 2 >= min(b - a, t.x1 - t.x0)]
    if group_line and len(covered) > 1:
        return covered
    best = max(range(len(segments)), key=lambda i: _overlap(t, segments[i]))
    if _overlap(t, segments[best]) > 0:
        return [best]
    return [min(range(len(segments)), key=lambda i: min(abs(t.x0 - segments[i][0]), abs(t.x1 - segments[i][1])))]


def _lines(text: str) -> list[tuple[int, str]]:
    out = []
    pos = 0
    for line in text.split("\n"):
        out.append((pos, line.rstrip("\r")))
        pos += len(line) + 1
    return out


def _context(lines: list[tuple[int, str]], first: int) -> tuple[str, str]:
    """The title and the table-wide unit from the lines just above a table."""
    title, unit = "", ""
    seen = 0
    for k in range(first - 1, max(-1, first - 4), -1):
        line = lines[k][1].strip(_SPACE + "\t")
        if not line:
            continue
        if _PROSE.search(line) and not _TITLE.match(line):
            break
        m = _UNIT_LINE.search(line)
        if m and not unit:
            unit = m.group(1)
        if _TITLE.match(line) or (not title and seen == 0 and not m):
            title = line
        seen += 1
        if _TITLE.match(line):
            break
    if not unit and title:
        m = _UNIT_LINE.search(title)
        unit = m.group(1) if m else ""
    return title, unit


def _build(lines: list[tuple[int, str]], block: list[int], toks: dict[int, list[Token]]) -> AlignedTable | None:
    data = [k for k in block if _is_data_row(toks[k])]
    while data and _is_year_row(toks[data[0]]):
        data.pop(0)  # the header row of a time series
    if len(data) < 2 or len(block) < 3:
        return None
    first, last = data[0], data[-1]
    header = [k for k in block if k < first]
    body = [k for k in block if first <= k <= last]
    # The names in the first column vary in width and indent (``其中：夏粮``, ``　　早稻``): the
    # columns are found from the cells right of the name, and the name column is all that lies left.
    values = _segments([toks[k][1:] for k in data])
    if not values:
        return None
    left = min(toks[k][0].x0 for k in data)
    if left >= values[0][0]:
        return None
    segments = [(left, values[0][0])] + values
    # Alignment holds: a data row puts at most one cell into each column, and its values fall
    # into columns right of the names.
    aligned = 0
    for k in data:
        cols = [_column_of(t, segments, j == 0) for j, t in enumerate(toks[k])]
        if len(set(cols)) == len(cols) and all(c > 0 for c, t in zip(cols, toks[k], strict=True) if t.numeric):
            aligned += 1
    if aligned < max(2, 0.8 * len(data)):
        return None
    width = len(segments)
    header_rows: list[list[str]] = []
    for index, k in enumerate(header):
        row = [""] * width
        group_line = index < len(header) - 1  # an upper header line may span several columns
        for t in toks[k]:
            for i in _header_columns(t, segments, group_line):
                row[i] = (row[i] + t.text).strip()
        header_rows.append(row)
    rows: list[list[AlignedCell | None]] = []
    for k in body:
        row_cells: list[AlignedCell | None] = [None] * width
        for j, t in enumerate(toks[k]):
            i = _column_of(t, segments, j == 0)
            if row_cells[i] is None:
                row_cells[i] = AlignedCell(t.text, t.start, t.end)
        rows.append(row_cells)
    title, unit = _context(lines, block[0])
    used = header + body
    start = lines[used[0]][0]
    end = lines[used[-1]][0] + len(lines[used[-1]][1])
    return AlignedTable(start, end, title, unit, header_rows, rows, [toks[k][0].start for k in used])


#: A row of a table printed with single spaces ("粮食 21774 0.99"): a name and two or more numbers.
_SINGLE_SPACED_ROW = re.compile(r"(?m)^[^\s\d，。；,;]+(?: [-−]?\d[\d,]*(?:\.\d+)?%?){2,}[ \t]*$")


def _single_spaced(line: str, offset: int) -> list[Token] | None:
    """A line whose cells are separated by one space each, as a tab-separated line would be
    (its columns are its cells' positions, not screen columns): only a table's row or header."""
    body = line.strip(" ")
    if not body or "\t" in body or "  " in body or _PROSE.search(body):
        return None
    parts = body.split(" ")
    if not 2 <= len(parts) <= 8:
        return None
    out, pos = [], offset + (len(line) - len(line.lstrip(" ")))
    for index, part in enumerate(parts):
        out.append(Token(part, index * _TAB_WIDTH, index * _TAB_WIDTH + 1, pos, pos + len(part)))
        pos += len(part) + 1
    return out


def _single_spaced_tables(lines: list[tuple[int, str]], toks: dict[int, list[Token]]) -> None:
    """Read runs of two or more single-spaced rows (and the header of as many names above them)
    as table lines: the same name-and-numbers shape on consecutive lines is no prose."""
    single = {k: _single_spaced(line, pos) for k, (pos, line) in enumerate(lines) if _SINGLE_SPACED_ROW.match(line)}
    rows = {k for k, t in single.items() if t and all(x.numeric for x in t[1:]) and not t[0].numeric}
    for k in sorted(rows):
        if k - 1 not in rows and k + 1 not in rows:
            continue
        toks[k] = single[k]  # type: ignore[assignment]
        if k - 1 not in rows and k > 0:
            header = _single_spaced(*reversed(lines[k - 1]))
            if header and len(header) == len(single[k] or ()) and not any(t.numeric for t in header):
                toks[k - 1] = header


#: A table flattened one cell per line, as text taken from a web page prints an HTML table: each
#: cell on a line of its own that ends in `` |``, and a line holding only ``|`` where a row ends.
_CELL_LINE = re.compile(r"^[ \t\u3000]*([^\s|](?:.*[^\s|])?)[ \t\u3000]*\|[ \t]*$")
_ROW_END = re.compile(r"^[ \t]*\|[ \t]*$")


def _split_rows(run: list[tuple[int, re.Match[str] | None]]) -> list[list[tuple[int, re.Match[str] | None]]]:
    """A run of cell lines with no ``|`` line between its rows, split into them: some pages print
    only the header's row ends, or none (襄城县's 2020 bulletin: ``项目名称 |`` ``上年同期=100 |``
    ``居民消费价格总指数 |`` ``102.7 |`` ``一、食品烟酒 |`` ``107.5 |`` …).  Where the run, from the
    name before its first number on, tiles into two or more rows of one name and the same count of
    numbers, those are its rows and the names before them its header; any other run is kept whole."""
    cells = [m.group(1) if m else "" for _, m in run]
    first = next((k for k, c in enumerate(cells) if _NUMBER.match(c)), None)
    if first is None or first == 0 or _NUMBER.match(cells[first - 1]):
        return [run]
    width = next((k for k, c in enumerate(cells[first:]) if not _NUMBER.match(c)), len(cells) - first) + 1
    body = cells[first - 1:]
    if len(body) % width or len(body) // width < 2 or not all(
            not _NUMBER.match(body[r]) and all(_NUMBER.match(c) for c in body[r + 1:r + width])
            for r in range(0, len(body), width)):
        return [run]
    head = [run[:first - 1]] if first > 1 else []
    return head + [run[r:r + width] for r in range(first - 1, len(run), width)]


def _cell_per_line_tables(lines: list[tuple[int, str]]) -> list[AlignedTable]:
    """Tables printed one cell per line (``指标 |`` / ``年末数(人) |`` / ``|`` / ``全市总人口 |`` /
    ``506427 |`` …).  The rows are the runs of cell lines between ``|`` lines.  The shape alone makes
    it a table: a header run of two or more names (the corner cell above the row names may be
    left out), then at least two rows as wide as the header, each a name followed by numbers.
    An empty cell prints as a bare ``|`` and would shift a row: rows of another width (a group row
    such as ``一、总户数和总人口 |``, a row with a gap) are left out."""
    tables: list[AlignedTable] = []
    k, n = 0, len(lines)
    while k < n:
        if not _CELL_LINE.match(lines[k][1]):
            k += 1
            continue
        groups: list[list[int]] = [[]]
        j = k
        while j < n and (_CELL_LINE.match(lines[j][1]) or _ROW_END.match(lines[j][1])):
            if _ROW_END.match(lines[j][1]):
                groups.append([])
            else:
                groups[-1].append(j)
            j += 1
        k = j
        runs = [part for g in groups if g
                for part in _split_rows([(i, _CELL_LINE.match(lines[i][1])) for i in g])]
        texts = [[m.group(1) for _, m in run if m] for run in runs]
        head = next((h for h, t in enumerate(texts) if len(t) >= 2 and not any(_NUMBER.match(x) for x in t)), None)
        if head is None:
            continue
        header = texts[head]
        rows: list[list[AlignedCell | None]] = []
        used = [i for run in runs[head:] for i, _ in run]
        for run, row in zip(runs[head + 1:], texts[head + 1:], strict=True):
            if len(row) not in (len(header), len(header) + 1) or _NUMBER.match(row[0]) or not any(
                    _NUMBER.match(x) for x in row[1:]):
                continue
            rows.append([AlignedCell(m.group(1), lines[i][0] + m.start(1), lines[i][0] + m.end(1))
                         for i, m in run if m])
        width = max((len(r) for r in rows), default=0)
        rows = [r for r in rows if len(r) == width]
        if len(rows) < 2:
            continue
        if len(header) < width:
            header = [""] + header  # the corner cell above the row names was left out
        title, unit = _context(lines, runs[head][0][0])
        start, end = lines[used[0]][0], lines[used[-1]][0] + len(lines[used[-1]][1])
        tables.append(AlignedTable(start, end, title, unit, [header], rows, [lines[i][0] for i in used]))
    return tables


def find_aligned_tables(text: str) -> list[AlignedTable]:
    """Every aligned plain-text table in ``text`` (original offsets), in document order; tables
    printed one cell per line (``_cell_per_line_tables``) among them."""
    cell_tables = _cell_per_line_tables(_lines(text)) if " |\n" in text else []
    spaced = "  " in text or "\t" in text or "\u3000\u3000" in text
    single = _SINGLE_SPACED_ROW.search(text) is not None
    if not spaced and not single:
        return cell_tables
    lines = _lines(text)
    toks = {k: tokens(line, pos) for k, (pos, line) in enumerate(lines)}
    if single:
        _single_spaced_tables(lines, toks)
    tables: list[AlignedTable] = []
    k = 0
    while k < len(lines):
        line = lines[k][1]
        if not _is_data_row(toks[k]) or not _may_continue(line, toks[k]) or line.lstrip().startswith(("|", "<")):
            k += 1
            continue
        # grow a block around a data row: header lines above it, rows (and blank lines) below
        lo = k
        while lo > 0 and _may_continue(lines[lo - 1][1], toks[lo - 1]) and not lines[lo - 1][1].lstrip().startswith(
                ("|", "<")) and (len(toks[lo - 1]) >= 2 or lines[lo - 1][1][:1] in _SPACE + "\t"):
            lo -= 1
        hi = k
        while hi + 1 < len(lines):
            nxt = lines[hi + 1][1]
            if not nxt.strip():
                if hi + 2 < len(lines) and _is_data_row(toks[hi + 2]) and _may_continue(lines[hi + 2][1], toks[hi + 2]):
                    hi += 1
                    continue
                break
            if nxt.lstrip().startswith(("|", "<")):
                break
            if not _may_continue(nxt, toks[hi + 1]):
                # a group row numbered like a heading ("一、分季节") when table rows go on below it
                group = _HEADING.match(nxt.strip()) and len(nxt.strip()) <= 16 and not _PROSE.search(nxt)
                if not (group and hi + 2 < len(lines) and _is_data_row(toks[hi + 2])):
                    break
            hi += 1
        block = [j for j in range(lo, hi + 1) if lines[j][1].strip()]
        table = _build(lines, block, toks)
        if table is not None:
            tables.append(table)
        k = hi + 1
    if cell_tables:
        tables = sorted(tables + [t for t in cell_tables if not any(
            t.start <= o.end and o.start <= t.end for o in tables)], key=lambda t: t.start)
    return tables
