"""Full-text search for the pages and the API: query parsing, hit location, snippets.

The documents are found by the database's trigram index (``Store.find_documents``, see
``planwatch.store.search``); this module turns the best of them into results.  Hits are located
again in Python with a case-insensitive regular expression on the original text, so the offsets
used for highlighting are offsets into the document text as stored.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from markupsafe import Markup, escape

if TYPE_CHECKING:  # pragma: no cover
    from planwatch.store import Store

MAX_QUERY_CHARS = 200
MAX_TERMS = 8
SNIPPET_RADIUS = 40
MAX_SNIPPETS = 3
MAX_MARKED = 500  # hits highlighted in one document page


class SearchError(ValueError):
    """A query that cannot be run (empty, too long); the message says why."""


def parse_query(query: str) -> list[str]:
    """The terms of a query: whitespace separates terms, all of which must occur.

    Raises ``SearchError`` for an empty or overlong query, so the caller answers 400.
    """
    query = (query or "").strip()
    if not query:
        raise SearchError("empty query: give at least one character to search for")
    if len(query) > MAX_QUERY_CHARS:
        raise SearchError(f"query too long: at most {MAX_QUERY_CHARS} characters")
    terms: list[str] = []
    for term in query.split():
        if term not in terms:
            terms.append(term)
    if len(terms) > MAX_TERMS:
        raise SearchError(f"too many terms: at most {MAX_TERMS}")
    return terms


def term_pattern(terms: Iterable[str]) -> re.Pattern[str]:
    """One case-insensitive pattern matching any term, longest first (so 生产总值 beats 生产)."""
    alternatives = sorted({t for t in terms if t}, key=len, reverse=True)
    return re.compile("|".join(re.escape(t) for t in alternatives), re.IGNORECASE)


def find_hits(text: str, terms: Iterable[str], limit: int | None = None) -> list[tuple[int, int]]:
    """Non-overlapping (start, end) of every term in ``text``, in order."""
    terms = [t for t in terms if t]
    if not terms:
        return []
    out: list[tuple[int, int]] = []
    for m in term_pattern(terms).finditer(text):
        out.append((m.start(), m.end()))
        if limit is not None and len(out) >= limit:
            break
    return out


@dataclass
class Snippet:
    """A window of a document around hits; offsets of the hits are relative to ``start``."""

    start: int
    text: str
    highlights: list[tuple[int, int]]

    def html(self) -> Markup:
        """The window with ``<mark>`` around hits, everything else escaped."""
        parts: list[str] = []
        pos = 0
        for a, b in self.highlights:
            parts.append(str(escape(self.text[pos:a])))
            parts.append(f"<mark>{escape(self.text[a:b])}</mark>")
            pos = b
        parts.append(str(escape(self.text[pos:])))
        return Markup("".join(parts))


def snippets(text: str, hits: list[tuple[int, int]], radius: int = SNIPPET_RADIUS) -> list[Snippet]:
    """Up to ``MAX_SNIPPETS`` windows around the first hits, merged where they overlap."""
    windows: list[list[int]] = []
    for a, b in hits:
        lo, hi = max(0, a - radius), min(len(text), b + radius)
        if windows and lo <= windows[-1][1]:
            windows[-1][1] = max(windows[-1][1], hi)
        elif len(windows) < MAX_SNIPPETS:
            windows.append([lo, hi])
        else:
            break
    out: list[Snippet] = []
    for lo, hi in windows:
        inside = [(a - lo, b - lo) for a, b in hits if a >= lo and b <= hi]
        raw = text[lo:hi]
        # Line breaks inside a snippet become spaces (same length, so offsets hold).
        out.append(Snippet(lo, raw.replace("\r", " ").replace("\n", " "), inside))
    return out


@dataclass
class SearchHit:
    """One document that contains every term."""

    document_id: int
    title: str
    name: str
    doc_type: str
    region: str
    year: int | None
    hits: int
    snippets: list[Snippet] = field(default_factory=list)

    def to_dict(self) -> dict[str, object]:
        return {
            "document_id": self.document_id,
            "title": self.title,
            "name": self.name,
            "doc_type": self.doc_type,
            "region": self.region,
            "year": self.year,
            "hits": self.hits,
            "snippets": [
                {"start": s.start, "text": s.text, "highlights": [list(h) for h in s.highlights], "html": str(s.html())}
                for s in self.snippets
            ],
        }


@dataclass
class SearchResults:
    """The documents of one query: the best ``hits`` and how many documents match in all."""

    terms: list[str]
    hits: list[SearchHit]
    total: int
    capped: bool  # ``total`` is a lower bound: counting stopped there


def search(store: Store, query: str, limit: int = 50) -> SearchResults:
    """The current documents containing every term of ``query``, best first.

    Only the ``limit`` documents shown are read; the others are only counted.
    """
    terms = parse_query(query)
    found = store.find_documents(terms, limit=limit)
    if not found.ids:
        return SearchResults(terms, [], found.total, found.capped)
    rows = store.db.query(
        "SELECT id, title, name, doc_type, region, year, text FROM documents WHERE id IN ("
        + ", ".join("?" for _ in found.ids)
        + ")",
        found.ids,
    )
    by_id = {int(r["id"]): r for r in rows}
    results: list[SearchHit] = []
    for doc_id in found.ids:
        m = by_id[doc_id]
        text = str(m["text"])
        hits = find_hits(text, terms)
        results.append(
            SearchHit(
                document_id=doc_id,
                title=str(m.get("title") or m.get("name") or doc_id),
                name=str(m.get("name") or ""),
                doc_type=str(m.get("doc_type") or ""),
                region=str(m.get("region") or ""),
                year=m.get("year"),
                hits=len(hits),
                snippets=snippets(text, hits),
            )
        )
    return SearchResults(terms, results, found.total, found.capped)
