"""Where a plan's indicator table puts a fact: which table, which row, under which category.

A 规划纲要 states its main indicators (主要指标) in a table whose rows are grouped by category
rows — ``| <b>一、经济发展</b> | | | |`` — or by a first column named 类别/领域.  That table is
the plan's own list of what it will be judged on, so its rows are the default targets, in the
table's order and under its categories (``targets``); a table broken across pages (two blocks
separated by blank lines only) is one table.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType

_MARKUP = re.compile(r"<[^>]+>|\*\*|__")
#: ``一、经济发展``, ``（二）创新驱动``, ``3. 民生福祉``: a numbered category heading in one cell.
_CATEGORY = re.compile(r"^(?:[（(]?[一二三四五六七八九十]+[)）、.．]|\d+[、.．])\s*(?P<name>[\u4e00-\u9fff]{2,10})$")
_CATEGORY_COLUMN = ("类别", "领域", "分类", "类型", "维度")
_SEPARATOR = re.compile(r"^\|?\s*:?-{2,}")


@dataclass(frozen=True)
class TableRow:
    """A row of a Markdown table: its table's number in the document, its order there, its category."""

    table: int
    order: int
    category: str


def _cells(line: str) -> list[str]:
    inner = line.strip()
    inner = inner[1:] if inner.startswith("|") else inner
    inner = inner[:-1] if inner.endswith("|") else inner
    return [" ".join(_MARKUP.sub("", c).split()) for c in inner.split("|")]


@lru_cache(maxsize=64)
def table_rows(text: str) -> Mapping[int, TableRow]:
    """{offset of a table line's start: its TableRow} for every Markdown table row of ``text``.

    Kept for the last 64 texts (keyed by the text itself, so an edited document is parsed again):
    each list of a region's targets asks it of the region's plans, and parsing a plan's hundreds of
    table lines was about a twentieth of a plan's answer at 100,000 documents.  The answer is shared
    by every caller, so it is a read-only view: a caller that changed it would change the next one's.
    """
    out: dict[int, TableRow] = {}
    table, order, blanks, category, category_col = -1, 0, 99, "", -1
    offset = 0
    for line in text.splitlines(keepends=True):
        start, offset = offset, offset + len(line)
        stripped = line.strip()
        if not stripped:
            blanks += 1
            continue
        if not stripped.startswith("|"):
            blanks = 99  # prose ends the table
            continue
        if blanks > 2:  # a new table (a page break leaves blank lines only)
            table, order, category, category_col = table + 1, 0, "", -1
        blanks = 0
        if _SEPARATOR.match(stripped):
            continue
        cells = _cells(stripped)
        if category_col < 0:
            category_col = next((i for i, c in enumerate(cells) if c in _CATEGORY_COLUMN), -1)
        filled = [c for c in cells if c]
        m = _CATEGORY.match(filled[0]) if len(filled) == 1 else None
        if m:
            category = m.group("name")
            continue
        if 0 <= category_col < len(cells) and cells[category_col] and cells[category_col] not in _CATEGORY_COLUMN:
            category = cells[category_col]
        order += 1
        out[start] = TableRow(table, order, category)
    return MappingProxyType(out)


def row_of(rows: Mapping[int, TableRow], text: str, start: int) -> TableRow | None:
    """The table row holding offset ``start`` of ``text``, if it is in one."""
    return rows.get(text.rfind("\n", 0, start) + 1)
