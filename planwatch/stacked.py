"""Tables printed one cell a line, as web copies of a bulletin's tables keep them.

A county bulletin's ``表1`` copied from its page reads::

    1  2021 年全县生产总值
    指标名称
    完成值(亿元)
    比上年增长(%)
    地区生产总值
    162.78
    5.7

no pipes, no aligned columns, bare numbers that prose cannot place.  A line naming the name column
(lexicon ``table_name_headers``) opens the table; the short lines up to the first row name are its
column headers (k of them); then each row is a name line and k number lines.  A group of k numbers
without a name (a row whose label the copy lost) is passed over; anything else ends the table.  A
table needs two rows, so a lone ``项目`` line in prose opens nothing.  The line before the header is
the table's title, which dates it.

Like ``planwatch.aligned`` this works on the *original* text (original offsets): ``normalize`` uses
it to keep the table's lines apart and to keep a whole-number cell (``100``, ``728``) that would
otherwise be taken for a page number; the table extractor reads the cells.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from planwatch.lexicon import load_lexicon

_NUMBER = re.compile(r"^[-—－]?\d+(?:\.\d+)?[%％]?$")
_SENTENCE_MARK = re.compile(r"[，,。；;：:！？]")
_SUB_ITEM = re.compile(r"^其中[:：]")

Line = tuple[int, int, str]  # start and end of a line's stripped content, and the content


@dataclass
class StackedTable:
    start: int  # the header line's start
    end: int  # the last cell's end
    title: str  # the line before the header ("" when none)
    header: list[str]  # the name column's header, then one per value column
    rows: list[list[Line]] = field(default_factory=list)  # each: the name, then k cells


def _lines(text: str) -> list[Line]:
    lines = []
    for m in re.finditer(r"[^\n]+", text):
        content = m.group().strip()
        if content:
            s = m.start() + m.group().index(content)
            lines.append((s, s + len(content), content))
    return lines


def find_stacked_tables(text: str) -> list[StackedTable]:
    if "\n" not in text:
        return []
    names = {w.replace(" ", "") for w in load_lexicon()["table_name_headers"]}
    lines = _lines(text)
    tables: list[StackedTable] = []
    i = 0
    while i < len(lines):
        if lines[i][2].replace(" ", "").replace("\u3000", "") not in names:
            i += 1
            continue
        first_number = next((j for j in range(i + 1, min(len(lines), i + 9)) if _NUMBER.match(lines[j][2])), None)
        if first_number is None or first_number - i < 3:
            i += 1
            continue
        columns = [c for _, _, c in lines[i + 1:first_number - 1]]
        if any(_NUMBER.match(c) or _SENTENCE_MARK.search(c) or len(c) > 16 for c in columns):
            i += 1
            continue
        # a bracket the copy left open ("绝对数(亿元") is closed, so the header's unit reads
        columns = [c.replace(" ", "") + (")" if c.count("(") > c.count(")") else "") for c in columns]
        k = len(columns)
        rows: list[list[Line]] = []
        j = first_number - 1
        while j < len(lines):
            group = lines[j + 1:j + 1 + k]
            numbers = len(group) == k and all(_NUMBER.match(c) for _, _, c in group)
            name = lines[j][2]
            if _NUMBER.match(name):
                if len(lines[j:j + k]) == k and all(_NUMBER.match(c) for _, _, c in lines[j:j + k]):
                    j += k  # a row whose label the copy lost: k numbers, no name
                    continue
                break
            if not numbers or _SENTENCE_MARK.search(_SUB_ITEM.sub("", name)) or len(name) > 30:
                break
            rows.append([lines[j], *group])
            j += 1 + k
        if len(rows) >= 2:
            title = lines[i - 1][2] if i > 0 and len(lines[i - 1][2]) <= 40 else ""
            end = max(e for row in rows for _, e, _ in row)
            tables.append(StackedTable(lines[i][0], end, title, [lines[i][2], *columns], rows))
            i = j
        else:
            i += 1
    return tables
