"""A document's text as HTML: every fact a link, every search hit marked, everything else escaped.

Documents are untrusted input (a page of a government website may contain ``<script>``), so
the text is never handed to the template engine as markup: it is cut at fact and hit
boundaries and every piece goes through ``markupsafe.escape``; the only tags in the output are
the ones written here.  Offsets are those of the stored text, so ``text[start:end]`` of a fact
is exactly what its link encloses.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup, escape


@dataclass(frozen=True)
class Span:
    """A fact to link: its id, offsets, and the attributes of its link."""

    fact_id: int
    start: int
    end: int
    css: str
    title: str


def fact_spans(text: str, facts: Sequence[dict[str, Any]], describe: Callable[[dict[str, Any]], str]) -> list[Span]:
    """The facts that can be linked: inside the text and not overlapping an earlier one.

    Facts do not overlap by construction (the extractor guarantees it); a stray overlap is left
    unlinked rather than producing broken nesting.
    """
    spans: list[Span] = []
    last_end = 0
    for f in sorted(facts, key=lambda f: (f["start"], -f["end"])):
        a, b = int(f["start"]), int(f["end"])
        if a < last_end or a >= b or b > len(text):
            continue
        css = f"fact st-{f.get('status') or 'extracted'} kind-{f.get('kind') or 'actual'}"
        spans.append(Span(int(f["id"]), a, b, css, describe(f)))
        last_end = b
    return spans


def render(
    text: str,
    spans: Sequence[Span],
    hits: Sequence[tuple[int, int]] = (),
    *,
    href: Callable[[int], str],
    selected: int | None = None,
) -> Markup:
    """The text with ``<a class="fact">`` around each span and ``<mark>`` around each hit.

    Hits may cross fact boundaries; a hit is then split so that tags nest properly.  The first
    piece of hit *n* carries ``id="hit-n"`` so a results page can link to it.
    """
    cuts = {0, len(text)}
    for s in spans:
        cuts.update((s.start, s.end))
    for a, b in hits:
        cuts.update((a, b))
    points = sorted(c for c in cuts if 0 <= c <= len(text))
    out: list[str] = []
    si = hi = 0
    open_span: Span | None = None
    hit_started: set[int] = set()
    for a, b in zip(points, points[1:], strict=False):
        while si < len(spans) and spans[si].end <= a:
            si += 1
        while hi < len(hits) and hits[hi][1] <= a:
            hi += 1
        span = spans[si] if si < len(spans) and spans[si].start <= a < spans[si].end else None
        if span is not open_span:
            if open_span is not None:
                out.append("</a>")
            if span is not None:
                css = span.css + (" selected" if span.fact_id == selected else "")
                out.append(
                    f'<a class="{escape(css)}" id="fact-{span.fact_id}" data-fact="{span.fact_id}" '
                    f'href="{escape(href(span.fact_id))}" title="{escape(span.title)}">'
                )
            open_span = span
        piece = escape(text[a:b])
        if hi < len(hits) and hits[hi][0] <= a < hits[hi][1]:
            attr = ""
            if hi not in hit_started:
                hit_started.add(hi)
                attr = f' id="hit-{hi + 1}"'
            out.append(f'<mark class="hit"{attr}>{piece}</mark>')
        else:
            out.append(str(piece))
    if open_span is not None:
        out.append("</a>")
    return Markup("".join(out))
