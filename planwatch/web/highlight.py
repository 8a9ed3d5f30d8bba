"""A document's text as HTML: every fact a link, every search hit marked, the project mention a
project page links to marked (``Focus``), everything else escaped.

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


@dataclass(frozen=True)
class Focus:
    """One more span to mark, not a fact: a project mention opened from its project's page."""

    start: int
    end: int
    anchor: str  # the id of its (first) element, the URL fragment that scrolls to it
    css: str = "focus"
    title: str = ""


@dataclass(frozen=True)
class Chunk:
    """A visible stretch ``text[start:end]`` of a laid-out document, with the markup written
    around it (``<td>``…``</td>``, ``<h3>``…``</h3>``).  What lies between chunks is not shown:
    the Markdown and HTML marks of the source (``|``, ``**``, ``#``, ``<b>``)."""

    start: int
    end: int
    before: str = ""
    after: str = ""


def render(
    text: str,
    spans: Sequence[Span],
    hits: Sequence[tuple[int, int]] = (),
    *,
    href: Callable[[int], str],
    selected: int | None = None,
    focus: Focus | None = None,
    layout: Sequence[Chunk] | None = None,
) -> Markup:
    """The text with ``<a class="fact">`` around each span and ``<mark>`` around each hit.

    Hits may cross fact boundaries; a hit is then split so that tags nest properly.  The first
    piece of hit *n* carries ``id="hit-n"`` so a results page can link to it.  ``focus`` is
    marked with ``<mark class="focus">`` between the fact links and the hits (split, like a
    hit, where a fact link starts or ends inside it; the first piece has ``id=focus.anchor``).
    ``layout`` (``planwatch.web.mdview``) shows only its chunks, each inside its own markup; a
    link or mark is closed at a chunk's end and opened again in the next (the id only once).
    """
    if layout is None:
        return _render_chunk(text, spans, hits, 0, len(text), href, selected, focus, _State())
    state = _State()
    out = []
    for c in layout:
        out.append(c.before)
        if c.end > c.start:
            out.append(_render_chunk(text, spans, hits, c.start, c.end, href, selected, focus, state))
        out.append(c.after)
    return Markup("".join(out))


@dataclass
class _State:
    """What the chunks of one document share: which ids were already written."""

    hits: set[int] | None = None
    facts: set[int] | None = None
    focus_started: bool = False

    def __post_init__(self) -> None:
        self.hits, self.facts = set(), set()


def _render_chunk(
    text: str,
    spans: Sequence[Span],
    hits: Sequence[tuple[int, int]],
    start: int,
    end: int,
    href: Callable[[int], str],
    selected: int | None,
    focus: Focus | None,
    state: _State,
) -> Markup:
    assert state.hits is not None and state.facts is not None
    cuts = {start, end}
    for s in spans:
        cuts.update((s.start, s.end))
    for a, b in hits:
        cuts.update((a, b))
    if focus is not None and 0 <= focus.start < focus.end <= len(text):
        cuts.update((focus.start, focus.end))
    else:
        focus = None
    points = sorted(c for c in cuts if start <= c <= end)
    out: list[str] = []
    si = hi = 0
    open_span: Span | None = None
    hit_started = state.hits
    focus_open = False
    for a, b in zip(points, points[1:], strict=False):
        while si < len(spans) and spans[si].end <= a:
            si += 1
        while hi < len(hits) and hits[hi][1] <= a:
            hi += 1
        span = spans[si] if si < len(spans) and spans[si].start <= a < spans[si].end else None
        in_focus = focus is not None and focus.start <= a < focus.end
        if focus_open and (span is not open_span or not in_focus):
            out.append("</mark>")
            focus_open = False
        if span is not open_span:
            if open_span is not None:
                out.append("</a>")
            if span is not None:
                css = span.css + (" selected" if span.fact_id == selected else "")
                anchor = "" if span.fact_id in state.facts else f' id="fact-{span.fact_id}"'
                state.facts.add(span.fact_id)
                out.append(
                    f'<a class="{escape(css)}"{anchor} data-fact="{span.fact_id}" '
                    f'href="{escape(href(span.fact_id))}" title="{escape(span.title)}">'
                )
            open_span = span
        if in_focus and not focus_open and focus is not None:
            attr = "" if state.focus_started else f' id="{escape(focus.anchor)}"'
            title = f' title="{escape(focus.title)}"' if focus.title else ""
            out.append(f'<mark class="{escape(focus.css)}"{attr}{title}>')
            focus_open = state.focus_started = True
        piece = escape(text[a:b])
        if hi < len(hits) and hits[hi][0] <= a < hits[hi][1]:
            attr = ""
            if hi not in hit_started:
                hit_started.add(hi)
                attr = f' id="hit-{hi + 1}"'
            out.append(f'<mark class="hit"{attr}>{piece}</mark>')
        else:
            out.append(str(piece))
    if focus_open:
        out.append("</mark>")
    if open_span is not None:
        out.append("</a>")
    return Markup("".join(out))
