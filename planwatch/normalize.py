"""Normalisation with an offset map back to the original text.

The extractor reads a cleaned copy of the document: full-width digits and signs made ASCII,
spaces removed (``111.5 亿元`` → ``111.5亿元``), PDF line breaks that split a sentence, a word or
a number from its unit joined (``2217\\n\\n万美元``, ``微\\n\\n地形``), page furniture dropped.
Facts must point into the *original* text, so every normalised position maps back to the
position of the original character it came from.

The normalised text is built from the original by 1:1 character substitutions (which keep
offsets) and deletions; the map is a piece table of kept runs, so mapping costs a bisect
rather than a list the size of the document.
"""

from __future__ import annotations

import re
import statistics
from bisect import bisect_right
from dataclasses import dataclass, field

from planwatch.aligned import AlignedTable, find_aligned_tables
from planwatch.stacked import StackedTable, find_stacked_tables

# 1:1 substitutions: same length, so offsets are unchanged by them.
_FULLWIDTH = {chr(0xFF10 + i): str(i) for i in range(10)}
_FULLWIDTH.update({chr(0xFF21 + i): chr(0x41 + i) for i in range(26)})
_FULLWIDTH.update({chr(0xFF41 + i): chr(0x61 + i) for i in range(26)})
_FULLWIDTH.update({"％": "%", "﹪": "%", "．": ".", "﹒": ".", "：": "：", "～": "~", "－": "-",
                   "﹣": "-", "＋": "+", "／": "/", "∶": ":", "，": "，", "\u00b7": "·"})
_ASCII_PUNCT = {",": "，", ";": "；", ":": "：", "!": "！", "?": "？"}
_TRANSLATE = str.maketrans(_FULLWIDTH)

_HSPACE = "[ \t\u3000\u00a0\u2002\u2003\u2009\u200b\ufeff]"
_SPACES = re.compile(f"{_HSPACE}+")
_NEWLINES = re.compile(f"{_HSPACE}*(?:\\r?\\n{_HSPACE}*)+|{_HSPACE}*\\r(?!\\n){_HSPACE}*")
_FURNITURE = re.compile(
    r"^[ \t\u3000]*(?:[-—–]\s*\d{1,4}\s*[-—–]|第\s*\d{1,4}\s*页(?:\s*共\s*\d{1,4}\s*页)?|\d{1,3}"
    r"|\d{1,4}\s*/\s*\d{1,4})[ \t\u3000]*$",
    re.M,
)
_TERMINAL = set("。！？；：!?;:…】」』")
#: A line that closes an HTML block (text saved with its markup): the paragraph ends there.
_BLOCK_END = re.compile(r"</(?:p|div|li|h[1-6]|tr|td|table|section|article)>\s*$|<br\s*/?>\s*$", re.I)
#: A line that opens on a number with its unit ("440.96亿元，…") goes on the sentence above it when
#: that one stops on its indicator ("…实现社会消费品零售总额"); a year, a date or a list number does not.
_NUMBER_START = re.compile(r"^\d[\d.,]*(?![\d.,]|\s*[年月日号时、．.）)])")
_WORD_END = re.compile(r"[\u4e00-\u9fff]$")
_CONTINUATION = re.compile(r"^[%万亿元千百个户家项名人次件宗套台处条座所张对起吨米亩倍，。、；：）)”]")
_HEADING = re.compile(
    r"^(?:#|\||第[一二三四五六七八九十百\d]+[章节篇部分条]|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]"
    r"|\d+[.、．](?!\d)|——|附[表件录])"
)
_ASCII_WORD = re.compile(r"[A-Za-z0-9]")
_EMPHASIS = re.compile(r"\*\*|__")
_COMMA_SPACE = re.compile(r",(?=[ \t\u3000])")
# Reference marks glued to a number or word, as editors type them (``274.4¹亿元``, ``5487[2]人``,
# ``6③万人``; readers render HTML <sup> and Word superscript runs as superscript characters):
# never digits of the number.  Superscripts after a Latin letter are exponents (``m²``) and stay.
_REFERENCE_MARK = re.compile(
    r"[\u00b9\u00b2\u00b3\u2070\u2074-\u207e]+|[\[［]\d{1,2}[\]］]|[\u2460-\u2473\u2474-\u2487]"
)  # (a character class first: the scan for it is fast; what precedes is checked in ``_is_mark``)
#: The first characters of ``_REFERENCE_MARK``: one class, scanned at C speed, says whether the
#: text has any (the alternation of three classes is tried branch by branch at every character).
_REFERENCE_START = re.compile(r"[\u00b9\u00b2\u00b3\u2070\u2074-\u207e\[［\u2460-\u2487]")
_MARK_AFTER = re.compile(r"[\d\u4e00-\u9fff%％）)]")
# Full-width digits grouped by full-width commas (``２１，６１８元``): a thousands separator, since a
# list of such numbers would not group them in threes.  (ASCII digits with ``，`` stay a list.)
_FULLWIDTH_GROUPED = re.compile(r"(?<![０-９])[０-９]{1,3}(?:，[０-９]{3})+(?![０-９])")
_FULLWIDTH_DIGIT = re.compile(r"[０-９]")  # (a text without one needs no look for the groups)


@dataclass
class NormalizedText:
    """A normalised copy of ``original`` with the map from its positions back to the original."""

    original: str
    text: str
    _norm_starts: list[int] = field(repr=False)
    _orig_starts: list[int] = field(repr=False)
    #: plain-text tables aligned with spaces (original offsets), read by the table extractor
    aligned: list[AlignedTable] = field(default_factory=list, repr=False)
    #: normalised offsets of the lines of those tables: prose and headings skip them
    table_lines: frozenset[int] = field(default_factory=frozenset, repr=False)
    #: tables printed one cell a line (original offsets), read by the table extractor
    stacked: list[StackedTable] = field(default_factory=list, repr=False)

    def to_original(self, pos: int) -> int:
        """Original offset of the character at normalised position ``pos``."""
        if pos >= len(self.text):
            return len(self.original)
        i = bisect_right(self._norm_starts, pos) - 1
        return self._orig_starts[i] + (pos - self._norm_starts[i])

    def from_original(self, pos: int) -> int:
        """Normalised offset of original position ``pos`` (of the next kept character if it was deleted)."""
        i = bisect_right(self._orig_starts, pos) - 1
        if i < 0:
            return 0
        piece_end = self._norm_starts[i + 1] if i + 1 < len(self._norm_starts) else len(self.text)
        piece_len = piece_end - self._norm_starts[i]
        offset = pos - self._orig_starts[i]
        if offset < piece_len:
            return self._norm_starts[i] + offset
        return self._norm_starts[i] + piece_len  # deleted: the start of the next kept piece

    def span_to_original(self, start: int, end: int) -> tuple[int, int]:
        """Original ``(start, end)`` of the normalised span ``[start, end)``."""
        if end <= start:
            s = self.to_original(start)
            return s, s
        return self.to_original(start), self.to_original(end - 1) + 1


def _typical_line_width(text: str) -> int:
    lengths = [len(line.strip()) for line in text.splitlines() if len(line.strip()) > 4]
    if not lengths:
        return 0
    lengths.sort()
    return lengths[int(len(lengths) * 0.8)] if len(lengths) >= 5 else int(statistics.median(lengths))


def _line_at(text: str, end: int) -> str:
    """The line that ends at ``end`` (exclusive)."""
    return text[text.rfind("\n", 0, end) + 1:end]


def _should_join(text: str, run_start: int, run_end: int, width: int) -> bool:
    prev_line = _line_at(text, run_start).strip()
    nl = text.find("\n", run_end)
    next_line = text[run_end:nl if nl >= 0 else len(text)].strip()
    if not prev_line or not next_line:
        return False
    if _HEADING.match(next_line) or prev_line.startswith(("|", "#")):
        return False
    if _HEADING.match(prev_line) and len(prev_line) < 40:
        return False
    if _CONTINUATION.match(next_line) and prev_line[-1] not in "。！？":
        return True
    if _NUMBER_START.match(next_line) and _WORD_END.search(prev_line):
        return True
    if prev_line[-1] in _TERMINAL or _BLOCK_END.search(prev_line):
        return False
    return width > 0 and len(prev_line) >= min(0.75 * width, 40)


def normalize(original: str) -> NormalizedText:
    """Build the normalised text of ``original`` with its offset map."""
    text = original.translate(_TRANSLATE)
    deletions: list[tuple[int, int]] = []
    substitutions: dict[int, str] = {}

    for m in _FULLWIDTH_GROUPED.finditer(original) if _FULLWIDTH_DIGIT.search(original) else ():
        for k in range(m.start(), m.end()):
            if original[k] == "，":
                substitutions[k] = ","
    for m in _REFERENCE_MARK.finditer(text) if _REFERENCE_START.search(text) else ():
        if _is_mark(text, m):
            deletions.append(m.span())

    # tables printed one cell a line (planwatch.stacked): their whole-number cells are no page numbers
    stacked = find_stacked_tables(text)
    cell_starts = {s for table in stacked for row in table.rows for s, _, _ in row}
    for m in _FURNITURE.finditer(text):
        if m.start() + len(m.group()) - len(m.group().lstrip(" \t\u3000")) in cell_starts:
            continue
        end = m.end()
        if end < len(text) and text[end] == "\n":
            end += 1
        deletions.append((m.start(), end))

    aligned = find_aligned_tables(text)
    width = _typical_line_width(text)
    for m in _NEWLINES.finditer(text):
        s, e = m.span()
        in_table = (any(t.start <= e and s <= t.end for t in aligned)  # a table's lines stay apart
                    or any(t.start <= s and e <= t.end for t in stacked))
        if s == 0 or e == len(text):
            deletions.append((s, e))
        elif not in_table and _should_join(text, s, e, width):
            deletions.append((s, e))
        else:
            keep = text.index("\n", s) if "\n" in m.group() else s + m.group().index("\r")
            substitutions[keep] = "\n"
            if keep > s:
                deletions.append((s, keep))
            if keep + 1 < e:
                deletions.append((keep + 1, e))

    for m in _EMPHASIS.finditer(text):
        deletions.append(m.span())  # Markdown bold/italic markers are not text

    for m in _COMMA_SPACE.finditer(text):
        substitutions[m.start()] = "，"  # "3, 500户" is a list, not 3,500

    for m in _SPACES.finditer(text):
        s, e = m.span()
        before = text[s - 1] if s > 0 else ""
        after = text[e] if e < len(text) else ""
        if before.isascii() and after.isascii() and before.isalpha() and after.isalpha():
            continue  # keep the space of "Smart City"
        if before.isdigit() and after.isdigit():
            continue  # "2020 2025" are two numbers, not one
        deletions.append((s, e))

    # Merge deletions into kept pieces.
    deletions.sort()
    pieces: list[tuple[int, int]] = []
    pos = 0
    for s, e in deletions:
        if s > pos:
            pieces.append((pos, s))
        pos = max(pos, e)
    if pos < len(text):
        pieces.append((pos, len(text)))

    if substitutions:  # all 1:1, so they can be applied before cutting out the pieces
        parts: list[str] = []
        prev = 0
        for k in sorted(substitutions):
            parts.append(text[prev:k])
            parts.append(substitutions[k])
            prev = k + 1
        parts.append(text[prev:])
        text = "".join(parts)

    out: list[str] = []
    norm_starts: list[int] = []
    orig_starts: list[int] = []
    n = 0
    for s, e in pieces:
        chunk = text[s:e]
        norm_starts.append(n)
        orig_starts.append(s)
        out.append(chunk)
        n += len(chunk)
    normalized = "".join(out)
    normalized = _ascii_punct_to_cjk(normalized)
    norm = NormalizedText(original, normalized, norm_starts or [0], orig_starts or [0], aligned)
    norm.stacked = stacked
    starts = [norm.from_original(pos) for table in aligned for pos in table.lines]
    starts += [norm.from_original(s) for table in stacked for row in table.rows for s, _, _ in row]
    norm.table_lines = frozenset(normalized.rfind("\n", 0, p) + 1 for p in starts)
    return norm


def _is_mark(text: str, m: re.Match[str]) -> bool:
    """Whether a superscript, ``[n]`` or circled number found at ``m`` is a reference mark."""
    before = text[m.start() - 1] if m.start() else ""
    if m.group()[0] in "[［" or "\u2460" <= m.group()[0] <= "\u2487":
        return bool(before) and bool(_MARK_AFTER.match(before))  # glued to a number or word
    return not (before.isascii() and before.isalpha())  # m², km³ are exponents


_ASCII_PUNCT_RE = re.compile(r"[,;:!?]")


def _ascii_punct_to_cjk(text: str) -> str:
    """Make ASCII clause punctuation full-width except inside numbers (``1,234``, ``16:49``)."""

    def repl(m: re.Match[str]) -> str:
        i = m.start()
        if 0 < i < len(text) - 1 and _ASCII_WORD.match(text[i - 1]) and _ASCII_WORD.match(text[i + 1]):
            return m.group()
        return _ASCII_PUNCT[m.group()]

    return _ASCII_PUNCT_RE.sub(repl, text)
