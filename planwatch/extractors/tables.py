"""Indicator facts from tables: Markdown pipe tables, HTML tables and aligned plain-text tables.

A plan's indicator table says what each number is through its headers, not its words: the
row names the indicator (``1.地区生产总值``), a unit column its unit, and the column headers
its kind, period and measure (``2020年预计`` / ``2025年目标`` / ``年均增长(%)``).  Plans often
print one table in pieces with repeated (or blank) headers and two header rows, with ``<br>``
and ``<b>`` inside cells; cells such as ``--``, ``待省反馈`` or ``省目标`` hold no fact.  A
statistical bulletin's plain-text ``表1`` (found by ``planwatch.aligned``) goes through the same
header reading; its title dates it (``表1 2019年主要农产品产量…``) and a ``单位：亿元`` line above
it gives the unit of cells that state none.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from functools import cache

from planwatch.extractors.prose import RawFact, range_high
from planwatch.extractors.quantities import find_quantities
from planwatch.extractors.scope import scope_at
from planwatch.lexicon import alternation, load_lexicon
from planwatch.normalize import NormalizedText
from planwatch.structure import FIVE_YEAR_PLANS, Layout, plan_span


@dataclass
class Cell:
    text: str  # cell content with markup removed (for reading headers and names)
    start: int  # normalised offsets of the raw cell content
    end: int


Row = list[Cell]


@dataclass
class Table:
    header: list[str]  # one composed header per column ("2025年目标 年均增长(%)")
    rows: list[Row]
    unit: str = ""  # a unit stated for the whole table ("单位：亿元")
    year: int | None = None  # the year its title names ("表1 2019年主要农产品产量…")


_MARKUP = re.compile(r"<[^>]{0,40}>")
_SEPARATOR = re.compile(r"^\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")
_NUMBERING = re.compile(
    r"^(?:[（(]?\d{1,3}[)）.、．]|[（(]?[一二三四五六七八九十]+[)）、.]|\d{1,3}(?=[\u4e00-\u9fff]))\s*"
)
_UNIT_HEADER = re.compile(r"^(?:计量)?单位$")
#: A column header that states its cells are percentages ("比重(%)", "构成（%）", "占比%").
_PERCENT_HEADER = re.compile(r"[（(][%％][)）]|[%％]$")
_NO_FACT = re.compile(r"^(?:[-—–－]+|/|待.*|.*目标|省.*|完成.*|不低于.*|不高于.*|持平|无|—)$")


def _clean(cell: str) -> str:
    return _MARKUP.sub("", html.unescape(cell)).replace("\\|", "|").strip()


def _split_pipes(text: str, start: int, end: int) -> Row:
    cells: Row = []
    line = text[start:end]
    # positions of unescaped pipes
    bars = [m.start() for m in re.finditer(r"(?<!\\)\|", line)]
    if line.strip().startswith("|"):
        pass
    else:
        bars = [-1] + bars
    if not line.rstrip().endswith("|"):
        bars.append(len(line))
    for a, b in zip(bars, bars[1:], strict=False):
        raw = line[a + 1:b]
        lead = len(raw) - len(raw.lstrip())
        content = raw.strip()
        cells.append(Cell(_clean(content), start + a + 1 + lead, start + a + 1 + lead + len(content)))
    return cells


def _markdown_blocks(text: str, start: int, end: int) -> list[list[tuple[int, int]]]:
    """Runs of consecutive lines that start with a pipe."""
    blocks: list[list[tuple[int, int]]] = []
    current: list[tuple[int, int]] = []
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        stop = end if nl < 0 else nl
        if text.startswith("|", pos):
            current.append((pos, stop))
        elif current:
            blocks.append(current)
            current = []
        pos = stop + 1
    if current:
        blocks.append(current)
    return blocks


def _compose_header(header_rows: list[list[str]], width: int) -> list[str]:
    composed = [""] * width
    for row in header_rows:
        filled = list(row) + [""] * (width - len(row))
        last = ""
        for i in range(width):
            if filled[i]:
                last = filled[i]
            elif i >= 2 and last and row is header_rows[0]:
                filled[i] = last  # a group header spans the empty cells to its right
        for i in range(width):
            if filled[i]:
                composed[i] = (composed[i] + " " + filled[i]).strip()
    return composed


def _pieces(text: str, block: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """Split a run of pipe lines where a new header starts (the line before each separator)."""
    seps = [i for i, (s, e) in enumerate(block) if _SEPARATOR.match(text[s:e])]
    cuts = sorted({0} | {i - 1 for i in seps if i >= 1})
    return [block[a:b] for a, b in zip(cuts, cuts[1:] + [len(block)], strict=True)]


def _markdown_tables(text: str, start: int, end: int) -> list[Table]:
    tables: list[Table] = []
    previous_header: list[str] | None = None
    pieces = [p for block in _markdown_blocks(text, start, end) for p in _pieces(text, block)]
    for block in pieces:
        rows = [r for r in (_split_pipes(text, s, e) for s, e in block) if r]
        if not rows:
            continue
        sep = next((i for i, (s, e) in enumerate(block) if _SEPARATOR.match(text[s:e])), None)
        if sep is None:
            header_rows, body = [], list(rows)  # a copy: header rows are popped off body below
        else:
            header_rows, body = rows[:sep], rows[sep + 1:]
        # rows whose name cell is empty right after the separator are further header rows
        while body and not body[0][0].text and any(c.text for c in body[0][1:]) and not any(
                find_quantities(c.text) for c in body[0][1:]):
            header_rows.append(body.pop(0))
        width = max(len(r) for r in rows)
        header = _compose_header([[c.text for c in r] for r in header_rows], width)
        if not any(header[1:]) and previous_header and len(previous_header) == width:
            header = previous_header  # a continued table whose header is left blank
        if any(header[1:]):
            previous_header = header
        tables.append(Table(header, body))
    return tables


_HTML_TABLE = re.compile(r"<table\b.*?</table>", re.S | re.I)
_HTML_ROW = re.compile(r"<tr\b[^>]*>(.*?)</tr>", re.S | re.I)
_HTML_CELL = re.compile(r"<(t[hd])\b([^>]*)>(.*?)</t[hd]>", re.S | re.I)
_COLSPAN = re.compile(r"colspan\s*=\s*[\"']?(\d+)", re.I)


def _html_tables(text: str, start: int, end: int) -> list[Table]:
    tables: list[Table] = []
    for tm in _HTML_TABLE.finditer(text, start, end):
        header_rows: list[list[str]] = []
        body: list[Row] = []
        for rm in _HTML_ROW.finditer(text, tm.start(), tm.end()):
            row: Row = []
            is_header = True
            for cm in _HTML_CELL.finditer(text, rm.start(1), rm.end(1)):
                span = int(_COLSPAN.search(cm.group(2)).group(1)) if _COLSPAN.search(cm.group(2)) else 1
                is_header = is_header and cm.group(1).lower() == "th"
                cell = Cell(_clean(cm.group(3)), cm.start(3), cm.end(3))
                row.append(cell)
                row.extend(Cell("", cm.end(3), cm.end(3)) for _ in range(min(span, 50) - 1))
            if not row:
                continue
            if is_header or (not body and not any(find_quantities(c.text) for c in row[1:])):
                header_rows.append([c.text for c in row])
            else:
                body.append(row)
        width = max([len(r) for r in body] + [len(r) for r in header_rows] + [0])
        tables.append(Table(_compose_header(header_rows, width), body))
    return tables


def _aligned_tables(norm: NormalizedText, start: int, end: int) -> list[Table]:
    """Plain-text tables of the segment ``[start, end)``, their cells in normalised offsets."""
    tables: list[Table] = []
    text = norm.text
    for aligned in norm.aligned:
        first = norm.from_original(aligned.start)
        if not start <= first < end:
            continue
        rows: list[Row] = []
        for aligned_row in aligned.rows:
            row: Row = []
            for cell in aligned_row:
                if cell is None:
                    pos = norm.from_original(aligned_row[0].start) if aligned_row[0] else first
                    row.append(Cell("", pos, pos))
                    continue
                s, e = norm.from_original(cell.start), norm.from_original(cell.end - 1) + 1
                row.append(Cell(_clean(text[s:e]), s, e))
            rows.append(row)
        years = re.findall(r"((?:19|20)\d{2})年", aligned.title)
        header = _compose_header(aligned.header_rows, len(rows[0]) if rows else 0)
        tables.append(Table(header, rows, aligned.unit, int(years[-1]) if years else None))
    return tables


def _stacked_tables(norm: NormalizedText, start: int, end: int) -> list[Table]:
    """Tables printed one cell a line (``planwatch.stacked``) of the segment ``[start, end)``, their cells in
    normalised offsets; the title line dates them (``1  2021 年全县生产总值``)."""
    tables: list[Table] = []
    for stacked in norm.stacked:
        if not start <= norm.from_original(stacked.start) < end:
            continue
        rows: list[Row] = []
        for row in stacked.rows:
            cells = []
            for s, e, content in row:
                ns, ne = norm.from_original(s), norm.from_original(e - 1) + 1
                # a cell normalisation changed or dropped is left empty rather than read from what follows
                cells.append(Cell(_clean(norm.text[ns:ne]), ns, ne) if norm.text[ns:ne] == content or not cells
                             else Cell("", ns, ns))
            rows.append(cells)
        years = re.findall(r"((?:19|20)\d{2})\s*年", stacked.title)
        tables.append(Table(stacked.header, rows, year=int(years[-1]) if years else None))
    return tables


@dataclass
class Column:
    kind: str
    measure: str
    period: str




def _column(header: str, layout: Layout, default_kind: str, default_year: int | None) -> Column:
    plan = plan_span(header)
    years = [int(y) for y in re.findall(r"((?:19|20)\d{2})", header)]
    if re.search(r"年均|平均", header):
        measure = "avg_growth"
    elif re.search(r"增长|增速|增幅|增减", header):
        measure = "growth"
    else:
        measure = "level"
    if re.search(r"目标|规划|预期|计划", header):
        kind = "target"
    elif "预计" in header:
        kind = "estimate"
    elif re.search(r"完成|实际|现状|基期|基数|实绩", header):
        kind = "actual"
    elif years and layout.plan:
        kind = "target" if years[-1] >= layout.plan[0] else "actual"
    else:
        kind = default_kind
    if plan is None and years and measure == "avg_growth":
        y = years[-1]
        plan = next((span for span in FIVE_YEAR_PLANS.values() if span[1] == y), None)
    if measure == "avg_growth" and plan:
        period = f"{plan[0]}-{plan[1]}"
    elif years:
        period = str(years[-1])
    elif plan:
        period = str(plan[1])
    else:
        period = str(default_year) if default_year else ""
    return Column(kind, measure, period)


@cache
def _sub_item() -> re.Pattern[str]:
    return re.compile(rf"^(?:{alternation(load_lexicon()['table_sub_items'])})\s*")


def _header_unit(header: str) -> str:
    """A unit a column header states in brackets (``产量(万吨)``); percentages are the measure's."""
    m = re.search(r"[（(]([^()（）]{1,8})[)）]$", header)
    if not m or "%" in m.group(1):
        return ""
    unit = m.group(1)
    probe = "1" + unit  # a unit is what the quantity reader reads as one ("千公顷", "公斤/公顷")
    return unit if any(q.unit == unit and q.end == len(probe) for q in find_quantities(probe)) else ""


def _row_name(cell: Cell) -> tuple[str, str]:
    """The indicator named by a row, and a unit written in it (``地区生产总值（亿元）``).

    A sub-item row (``其中：小麦``, ``#小麦``) names its own indicator.
    """
    numbering = _NUMBERING.match(cell.text)
    if numbering and numbering.group()[-1:].isdigit() and any(
            q.start == 0 and q.unit for q in find_quantities(cell.text, 0, len(cell.text))):
        numbering = None  # "60周岁及以上", "10万吨以上企业": a quantity that names the row, not its number
    name = _sub_item().sub("", cell.text[numbering.end():] if numbering else cell.text).strip()
    unit = ""
    m = re.search(r"[（(]([^()（）]{1,8})[)）]$", name)
    if m and not re.search(r"PM|[\u4e00-\u9fff]{3,}", m.group(1)):
        unit = m.group(1)
        name = name[:m.start()].strip()
    return name, unit


def _unit(raw: str) -> str:
    return raw.replace(" ", "").replace("<sup>", "").replace("</sup>", "")


def extract_tables(norm: NormalizedText, layout: Layout, region: str | None = None) -> list[RawFact]:
    text = norm.text
    facts: list[RawFact] = []
    tables = (_markdown_tables(text, layout.start, layout.end) + _html_tables(text, layout.start, layout.end)
              + _aligned_tables(norm, layout.start, layout.end)
              + _stacked_tables(norm, layout.start, layout.end))
    for table in tables:
        if not table.rows:
            continue
        scope = scope_at(layout, table.rows[0][0].start)
        header = table.header
        unit_col = next((i for i, h in enumerate(header) if _UNIT_HEADER.match(h)), None)
        columns = {i: _column(h, layout, scope.kind, table.year or scope.year) for i, h in enumerate(header)
                   if i > 0 and i != unit_col}
        for row in table.rows:
            if not row or not row[0].text:
                continue
            name, row_unit = _row_name(row[0])
            if not name or not any(c.text for c in row[1:]):
                continue  # a section row such as <b>一、经济发展</b>
            unit_text = _unit(row[unit_col].text) if unit_col is not None and unit_col < len(row) else row_unit
            for i, cell in enumerate(row):
                if i not in columns or not cell.text or _NO_FACT.match(cell.text):
                    continue
                raw = text[cell.start:cell.end]
                if re.search(r"\d[:：]\d", raw):
                    continue  # a three-part ratio such as 19:26:55
                quantities = [q for q in find_quantities(text, cell.start, cell.end)]
                if not quantities:
                    continue
                q = quantities[0]
                col = columns[i]
                value = q.value
                if text[q.num_start - 1:q.num_start] in "-—－" and q.num_start > cell.start:
                    value = -value
                    start = q.num_start - 1
                else:
                    start = q.start
                measure = col.measure
                if measure != "level":
                    unit = "%"
                else:  # written in the cell, the unit column or the row, the column header, the table
                    unit = q.unit or unit_text or (_header_unit(header[i]) if i < len(header) else "") or table.unit
                    if not q.unit and i < len(header) and _PERCENT_HEADER.search(header[i]):
                        unit = "%"  # a share column "比重(%)": its cells are percentages
                period = col.period
                if re.search(r"累计", cell.text) and layout.plan:
                    period = f"{layout.plan[0]}-{layout.plan[1]}" if col.kind == "target" else period
                # a cell's measure is its column's (FACTS.md): "化学需氧量减少 | % | 13.4" under "2020年目标"
                # is the level of the row's indicator, the reduction, as the table states it
                column = f"column “{header[i]}”" if i < len(header) and header[i] else "the table's column"
                facts.append(RawFact(start, q.end, name, measure, value, unit, col.kind, period,
                                     region or layout.region_name, q.qualifier, source="table",
                                     value_high=range_high(q, value),
                                     evidence={"kind": column, "period": column,
                                               "region": f"document region {layout.region_name}"}))
    return facts
