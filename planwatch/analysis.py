"""The analysed document: what every extractor reads, computed once per document.

Like a spaCy ``Doc`` carries its tokens and sentences for every pipeline component, a
``Document`` carries an ``Analysis``: the normalised text (``planwatch.normalize``), its
layouts (``planwatch.structure.analyse``: segments, sections, context) and, per layout, its
clauses and sentences.  The fact extractor and the key-project extractor are components that
read it; neither normalises, segments or splits the text again (issue 14: re-doing these cost
the project extractor a fifth of its time).

The analysis is a working object of one process: it is not pickled with its ``Document`` (a
parallel ingest sends documents from worker to writer, and the normalised text with its offset
maps would double what crosses the pipe); a component that finds none makes it again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from planwatch.context import StatedContext, front_matter
from planwatch.normalize import NormalizedText, normalize
from planwatch.structure import Layout, analyse

if TYPE_CHECKING:  # pragma: no cover
    from planwatch.model import Document

#: A clause ends at one of these outside brackets and quotes (``。`` and a line end always; any
#: of them when a bracket has been open for more than 60 characters: an unclosed bracket).
CLAUSE_SEPS = frozenset("，；：。！？\n")
#: ... and a sentence at one of these.
SENTENCE_SEPS = frozenset("。！？；\n")
OPEN = "（(“"
CLOSE = "）)”"
_MARKS = re.compile("[" + re.escape(OPEN + CLOSE + "".join(sorted(CLAUSE_SEPS))) + "]")
#: How long an open bracket may hold clause separators before it is taken as unclosed.
UNCLOSED_AFTER = 60


@dataclass
class Clause:
    """A clause of the normalised text, ``[start, end)``, and the number of its sentence in its layout."""

    start: int
    end: int
    sentence: int


def split_clauses(text: str, start: int, end: int) -> list[Clause]:
    """The clauses of ``text[start:end]`` (separators excluded; empty clauses dropped).

    Only brackets, quotes and separators change the state, so the scan visits those characters
    alone (a regular expression finds them), not every character of the text.
    """
    out: list[Clause] = []
    depth, opened, cs, sentence = 0, -1, start, 0
    for m in _MARKS.finditer(text, start, end):
        i = m.start()
        ch = text[i]
        if depth == 0 and ch in CLAUSE_SEPS:  # (the common case first: a separator outside brackets)
            if i > cs:
                out.append(Clause(cs, i, sentence))
            cs = i + 1
            if ch in SENTENCE_SEPS:
                sentence += 1
            continue
        if ch in OPEN:
            if depth == 0:
                opened = i
            depth += 1
            continue
        if ch in CLOSE:
            depth = max(0, depth - 1)
            continue
        if depth == 0 or ch in "。\n" or i - opened > UNCLOSED_AFTER:
            if i > cs:
                out.append(Clause(cs, i, sentence))
            cs = i + 1
            if ch in SENTENCE_SEPS:
                sentence += 1
                depth = 0
    if cs < end:
        out.append(Clause(cs, end, sentence))
    return out


@dataclass
class Analysis:
    """A document's normalised text, layouts and clauses (clauses split on first use, then kept)."""

    norm: NormalizedText
    layouts: list[Layout]
    _clauses: dict[int, list[Clause]] = field(default_factory=dict, repr=False)

    def clauses(self, index: int) -> list[Clause]:
        """The clauses of layout ``index`` (normalised offsets)."""
        found = self._clauses.get(index)
        if found is None:
            layout = self.layouts[index]
            found = self._clauses[index] = split_clauses(self.norm.text, layout.start, layout.end)
        return found


def page_metadata(doc: Document) -> dict[str, str]:
    """The file's own metadata: a reader's (an HTML page's title and date) or a saved page's front matter."""
    found = {**front_matter(doc.text), **{k: str(doc.meta[k]) for k in ("title", "date") if doc.meta.get(k)}}
    return {**found, "file": doc.path} if doc.path else found


def analyse_document(doc: Document, stated: StatedContext | None = None) -> Analysis:
    """Normalise and analyse ``doc`` once, and keep the result on it (``doc.analysis``)."""
    norm = normalize(doc.text)
    analysis = Analysis(norm, analyse(norm, stated, page_metadata(doc)))
    doc.analysis = analysis
    return analysis


def analysis_of(doc: Document) -> Analysis:
    """``doc``'s analysis, made now (with what was stated about it, ``meta["stated"]``) if it has none."""
    if doc.analysis is not None:
        return doc.analysis  # type: ignore[no-any-return]
    return analyse_document(doc, _stated(doc.meta.get("stated")))


def _stated(d: object) -> StatedContext | None:
    """The ``StatedContext`` a document's metadata recorded (``StatedContext.as_dict``), if any."""
    if not isinstance(d, dict) or not d:
        return None
    try:
        return StatedContext(region=d.get("region"), date=d.get("date"), doc_type=d.get("type"),
                             title=d.get("title"), url=d.get("url"))
    except ValueError:
        return None
