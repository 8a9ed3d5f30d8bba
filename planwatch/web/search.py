"""Full-text search over the current documents that works for Chinese.

Chinese has no spaces between words, so a word tokenizer (SQLite's ``unicode61``) would make a
whole sentence one token and find nothing.  SQLite's FTS5 ``trigram`` tokenizer indexes every
three-character window instead, which makes ``LIKE '%地区生产总值%'`` an index look-up for any
query of three characters or more, in any script, without a segmentation dictionary.  A query
of one or two characters has no trigram to look up, so it is a plain scan (``instr``) — over a
few thousand documents that is still well under a second.

The index lives in its own in-memory SQLite connection, not in the PlanWatch database: the
database schema belongs to ``planwatch.store`` (and must stay portable to PostgreSQL), and a
search index is a cache that can always be rebuilt from ``documents.text``.  It is refreshed
lazily: before a search, the ids of the current documents are compared with the indexed ones,
and only the difference is added or removed.

Hits are located again in Python with a case-insensitive regular expression on the original
text, so the offsets used for highlighting are offsets into the document text as stored.
"""

from __future__ import annotations

import re
import sqlite3
import threading
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


def _trigram_available() -> bool:
    """Whether this SQLite has FTS5 with the trigram tokenizer (SQLite ≥ 3.34)."""
    try:
        con = sqlite3.connect(":memory:")
        con.execute("CREATE VIRTUAL TABLE t USING fts5(x, tokenize='trigram')")
        con.close()
        return True
    except sqlite3.Error:
        return False


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


class SearchIndex:
    """An FTS5 trigram index of the current documents' text, kept in memory."""

    def __init__(self) -> None:
        self.trigram = _trigram_available()
        self._con = sqlite3.connect(":memory:", check_same_thread=False)
        self._lock = threading.Lock()
        if self.trigram:
            # detail=none: substring (LIKE) queries need no positions, and the index is ~3× smaller.
            self._con.execute("CREATE VIRTUAL TABLE docs USING fts5(text, tokenize='trigram', detail='none')")
        else:  # pragma: no cover - SQLite older than 3.34
            self._con.execute("CREATE TABLE docs (rowid INTEGER PRIMARY KEY, text TEXT)")
        self._indexed: set[int] = set()

    def refresh(self, store: Store) -> None:
        """Index documents that became current and drop those that were superseded."""
        current = {int(r["id"]) for r in store.db.query("SELECT id FROM documents WHERE is_current = 1")}
        with self._lock:
            gone = self._indexed - current
            new = current - self._indexed
            for doc_id in gone:
                self._con.execute("DELETE FROM docs WHERE rowid = ?", (doc_id,))
            for doc_id in sorted(new):
                self._con.execute("INSERT INTO docs (rowid, text) VALUES (?, ?)", (doc_id, store.document_text(doc_id)))
            self._indexed = current

    def candidates(self, terms: list[str]) -> list[tuple[int, str]]:
        """(document id, text) of the indexed documents containing every term."""
        where: list[str] = []
        params: list[str] = []
        for term in terms:
            if self.trigram and len(term) >= 3 and not any(c in term for c in "%_\\"):
                where.append("text LIKE ?")  # answered from the trigram index
                params.append(f"%{term}%")
            else:
                where.append("instr(lower(text), lower(?)) > 0")
                params.append(term)
        sql = "SELECT rowid, text FROM docs WHERE " + " AND ".join(where) + " ORDER BY rowid"
        with self._lock:
            return [(int(r[0]), str(r[1])) for r in self._con.execute(sql, params)]

    def search(self, store: Store, query: str, limit: int = 50) -> tuple[list[str], list[SearchHit]]:
        """(terms, documents with every term), most hits first."""
        terms = parse_query(query)
        self.refresh(store)
        found = self.candidates(terms)
        if not found:
            return terms, []
        meta = {
            int(r["id"]): r
            for r in store.db.query(
                "SELECT id, title, name, doc_type, region, year FROM documents WHERE id IN ("
                + ", ".join("?" for _ in found)
                + ")",
                [doc_id for doc_id, _ in found],
            )
        }
        results: list[SearchHit] = []
        for doc_id, text in found:
            hits = find_hits(text, terms)
            if not hits:  # pragma: no cover - the index and the pattern agree on every term
                continue
            m = meta.get(doc_id, {})
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
        results.sort(key=lambda h: (-h.hits, h.document_id))
        return terms, results[:limit]
