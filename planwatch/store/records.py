"""From an extracted ``Document`` to database rows: resolution, keys, quotes and lists.

Everything here is a pure function of the document (plus the taxonomy and gazetteer), so the
same document always yields the same rows — the property idempotent ingest and the mapping of
corrections onto a re-extraction rely on.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

from planwatch.gazetteer import Gazetteer, Region
from planwatch.model import Document, Fact
from planwatch.numbers import convert, range_upper
from planwatch.structure import plan_span
from planwatch.taxonomy import Indicator, Taxonomy

_PERIOD_RE = re.compile(r"^\s*((?:19|20)\d{2})(?:\s*[-–—~至]\s*((?:19|20)\d{2}))?\s*$")
_SENTENCE_STOPS = "。！？!?；;\n"
QUOTE_RADIUS = 60  # characters of context either side of a number, at most
LOOSE_CONTEXT = 8  # characters either side that identify a number when its labels changed

# Fields of a fact that a correction may change.  The position fields (doc, start, end, text)
# are the fact's identity in its document, not claims about the world, so they are not among
# them; to say "this is not a fact", reject it.
CORRECTABLE_FIELDS: tuple[str, ...] = (
    "indicator", "mention", "measure", "value", "unit", "kind", "period", "region", "qualifier",
    "indicator_id", "region_id",
)  # fmt: skip
EXTRACTED_FIELDS = (
    "indicator", "mention", "measure", "value", "unit", "kind", "period", "region", "qualifier", "indicator_id",
    "segment", "source",
)  # fmt: skip
MEASURES = ("level", "growth", "avg_growth", "change_pp")
KINDS = ("actual", "estimate", "target")
QUALIFIERS = ("about", "at_least", "at_most")


def plan_of(text: str) -> tuple[int, int] | None:
    """The five-year plan a text names (``十四五``, ``第十四个五年规划``), as a year span."""
    return plan_span(text)


def parse_period(period: str) -> tuple[int | None, int | None]:
    """``2020`` → (2020, 2020); ``2021-2025`` → (2021, 2025); a plan name → its span; else Nones."""
    m = _PERIOD_RE.match(period or "")
    if m:
        a = int(m.group(1))
        b = int(m.group(2)) if m.group(2) else a
        return (a, b) if a <= b else (b, a)
    span = plan_of(period or "")
    return span if span else (None, None)


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _squash(text: str) -> str:
    return "".join(text.split())


def _digest(*parts: object) -> str:
    joined = "\x1f".join("" if p is None else str(p) for p in parts)
    return hashlib.sha1(joined.encode("utf-8")).hexdigest()[:20]


def quote_for(text: str, start: int, end: int) -> str:
    """The sentence around ``text[start:end]``, at most ``QUOTE_RADIUS`` characters each side.

    Sentences end at 。！？； and line breaks, so a table cell's quote is its row.
    """
    lo = max(0, start - QUOTE_RADIUS)
    cut = max(text.rfind(ch, lo, start) for ch in _SENTENCE_STOPS)
    begin = cut + 1 if cut >= 0 else lo
    hi = min(len(text), end + QUOTE_RADIUS)
    stops = [i for i in (text.find(ch, end, hi) for ch in _SENTENCE_STOPS) if i >= 0]
    finish = min(stops) + 1 if stops else hi
    return " ".join(text[begin:finish].split())


@dataclass
class Resolver:
    """Region and indicator resolution with per-run caches (an ingest sees few distinct names)."""

    taxonomy: Taxonomy
    gazetteer: Gazetteer

    def __post_init__(self) -> None:
        self._regions: dict[tuple[str, str | None], tuple[Region | None, Region | None]] = {}
        self._indicators: dict[tuple[str, str, str | None], Indicator | None] = {}
        #: Answers that depend on a name and this taxonomy and gazetteer alone, kept for the
        #: resolver's life (``planwatch.monitor.targets``: whether a target's name is a fragment,
        #: which indicators a compound name sets one goal for — a region restates the same
        #: names every year, and regions share them); bounded like ``projects.names.memoised``.
        self.memo: dict[tuple[str, str], Any] = {}

    # -- indicators ----------------------------------------------------------------------
    def indicator(self, name: str, mention: str = "", given_id: str | None = None) -> Indicator | None:
        """The canonical indicator of a fact: the extractor's id, else its name, else its mention."""
        key = (name, mention, given_id)
        if key not in self._indicators:
            found = self.taxonomy.get(given_id) if given_id else None
            if found is None:
                found = self.taxonomy.by_name(name) or self.taxonomy.resolve(name)
            if found is None and mention:
                found = self.taxonomy.resolve(mention)
            self._indicators[key] = found
        return self._indicators[key]

    def lookup_indicator(self, phrase: str) -> Indicator | None:
        """An indicator named by a user: its id (``gdp``), name, synonym or any phrase."""
        return self.taxonomy.get(phrase) or self.taxonomy.by_name(phrase) or self.taxonomy.resolve(phrase)

    # -- regions -------------------------------------------------------------------------
    def region(self, name: str, context: Region | None = None) -> tuple[Region | None, Region | None]:
        """(the region itself, the region a named group belongs to).

        ``锦州`` and ``锦州市`` give (锦州市, None).  A named group or zone that is not an
        administrative unit (``锦州市四县(市)``, ``沈阳都市圈``) gives (None, its parent): the
        longest leading part of the name that is a region, else a region named inside it.
        """
        key = (name, context.code if context else None)
        if key in self._regions:
            return self._regions[key]
        result: tuple[Region | None, Region | None] = (None, None)
        if name:
            exact = self.gazetteer.resolve(name, context=context)
            if exact is not None:
                result = (exact, None)
            else:
                parent = None
                for cut in range(len(name) - 1, 1, -1):
                    parent = self.gazetteer.resolve(name[:cut], context=context)
                    if parent is not None:
                        break
                if parent is None:
                    found = self.gazetteer.find_all(name, context=context)
                    parent = found[0][2] if found else None
                result = (None, parent)
        self._regions[key] = result
        return result

    def lookup_region(self, name: str) -> Region | None:
        """A region named by a user: a full name, a short name or a 6-digit code."""
        return self.gazetteer.get(name) or self.gazetteer.resolve(name)


def region_lineage(gazetteer: Gazetteer, region: Region) -> list[Region]:
    """The region and its ancestors, nearest first (what the ``regions`` table must hold)."""
    return [region, *gazetteer.parents(region)]


def fact_keys(doc_key: str, facts: list[Fact], text: str) -> list[tuple[str, str]]:
    """(fact_key, loose_key) of each fact: identities that survive a re-extraction.

    ``fact_key`` hashes the document identity, the mention text (whitespace removed), the
    indicator, measure and period as extracted, and an occurrence number among facts sharing
    all of these, so editing another part of the document does not move it.  ``loose_key``
    hashes the document identity, the mention text and a few characters of context either
    side: it finds the number again when a better extractor changed its labels (indicator,
    period, measure), which the strict key cannot.
    """
    strict_seen: Counter[tuple[str, ...]] = Counter()
    loose_seen: Counter[tuple[str, ...]] = Counter()
    keys: list[tuple[str, str]] = []
    for f in facts:
        mention = _squash(f.text)
        strict = (mention, f.indicator, f.measure, f.period)
        strict_seen[strict] += 1
        before = _squash(text[max(0, f.start - 3 * LOOSE_CONTEXT) : f.start])[-LOOSE_CONTEXT:]
        after = _squash(text[f.end : f.end + 3 * LOOSE_CONTEXT])[:LOOSE_CONTEXT]
        loose = (mention, before, after)
        loose_seen[loose] += 1
        keys.append(
            (
                _digest(doc_key, *strict, strict_seen[strict]),
                _digest(doc_key, *loose, loose_seen[loose]),
            )
        )
    return keys


def normalised(value: float, unit: str, measure: str, indicator: Indicator | None) -> tuple[float, str]:
    """The value in the indicator's unit where that is a pure change of magnitude.

    Only levels are converted (growth is always %); ``万美元`` → ``亿美元`` is safe, ``万人`` →
    ``%`` is not and keeps the unit as written (``planwatch.numbers.convert`` decides).
    """
    if indicator is None or measure != "level" or not indicator.unit or unit == indicator.unit:
        return value, unit
    converted = convert(value, unit, indicator.unit)
    if converted is None:
        return value, unit
    return round(converted, 10), indicator.unit


def compatible_units(a: str, b: str) -> bool:
    """Whether two units measure the same thing up to magnitude (万人 and 人; not 万人 and %)."""
    return a == b or convert(1.0, a, b) is not None


_TOTAL_CUE = re.compile(r"其中|包括|分别")


def find_lists(text: str, facts: list[Fact]) -> dict[int, tuple[int, str]]:
    """``分别`` lists with a stated total: {fact index: (list id, "total" | "part")}.

    A list is two or more facts after ``分别`` in one sentence, with the same measure and
    compatible units.  Its total is the nearest fact before them in the same sentence, a level
    in a compatible unit, when ``其中`` or ``包括`` stands between the total and ``分别``
    (``新增就业2.5万人，其中城镇、农村分别1.5万人、1万人``): only then do the parts add up to
    (at most) the total.  The list id is the index of its total.
    """
    roles: dict[int, tuple[int, str]] = {}
    order = sorted(range(len(facts)), key=lambda i: facts[i].start)
    for pos, i in enumerate(order):
        f = facts[i]
        sentence_start = max(text.rfind(ch, 0, f.start) for ch in "。！？；\n") + 1
        fenbie = text.rfind("分别", sentence_start, f.start)
        if fenbie < 0 or i in roles:
            continue
        # f is the first fact after 分别 in its sentence: collect the run of parts.
        prev_in_sentence = [j for j in order[:pos] if facts[j].start >= sentence_start]
        if prev_in_sentence and facts[prev_in_sentence[-1]].start > fenbie:
            continue
        sentence_end = min([k for k in (text.find(ch, f.end) for ch in "。！？；\n") if k >= 0] or [len(text)])
        parts = [
            j
            for j in order[pos:]
            if facts[j].start < sentence_end
            and facts[j].measure == f.measure
            and compatible_units(facts[j].unit, f.unit)
        ]
        if len(parts) < 2 or f.measure != "level" or not prev_in_sentence:
            continue
        total = prev_in_sentence[-1]
        t = facts[total]
        if t.measure != "level" or not compatible_units(t.unit, f.unit):
            continue
        if not _TOTAL_CUE.search(text[t.end : fenbie]):
            continue
        roles[total] = (total, "total")
        for j in parts:
            roles[j] = (total, "part")
    return roles


def fact_rows(
    doc: Document, doc_key: str, resolver: Resolver, doc_region: Region | None
) -> tuple[list[dict[str, Any]], set[str]]:
    """The ``facts`` rows of a document (without ``document_id``) and the region codes they use."""
    facts = sorted(doc.facts, key=lambda f: (f.start, f.end))
    keys = fact_keys(doc_key, facts, doc.text)
    lists = find_lists(doc.text, facts)
    seg_regions: dict[int, Region | None] = {}
    codes: set[str] = set()
    rows: list[dict[str, Any]] = []
    for i, f in enumerate(facts):
        if f.segment not in seg_regions:
            seg = doc.segments[f.segment] if 0 <= f.segment < len(doc.segments) else None
            ctx = resolver.region(seg.region, doc_region)[0] if seg and seg.region else None
            seg_regions[f.segment] = ctx or doc_region
        context = seg_regions[f.segment]
        region_name = f.region or (context.name if context else "")
        region, parent = resolver.region(region_name, context)
        if region is not None:
            codes.add(region.code)
            parent_code = region.parent_code
        else:
            parent_code = parent.code if parent else None
            if parent is not None:
                codes.add(parent.code)
        indicator = resolver.indicator(f.indicator, f.mention, f.indicator_id)
        norm_value, norm_unit = normalised(float(f.value), f.unit, f.measure, indicator)
        value_high = getattr(f, "value_high", None)
        if value_high is None and f.qualifier == "at_least":  # FACTS.md: a range reads at_least
            value_high = range_upper(f.text, float(f.value))
        p_start, p_end = parse_period(f.period)
        list_id, list_role = lists.get(i, (None, None))
        # What a correction can change, as extracted (the position fields are columns and never change).
        # (``Fact.to_dict`` without its ``dataclasses.asdict``, a deep copy that cost more than
        # the rest of this loop; the fields are all plain values)
        extracted = {k: getattr(f, k) for k in EXTRACTED_FIELDS}
        if float(f.value).is_integer():
            extracted["value"] = int(f.value)
        row = {
            "seq": i, "fact_key": keys[i][0], "loose_key": keys[i][1],
            "doc": f.doc or doc.name, "start_offset": f.start, "end_offset": f.end, "text": f.text,
            "indicator": f.indicator, "mention": f.mention, "measure": f.measure,
            "value": float(f.value), "value_high": value_high, "unit": f.unit, "kind": f.kind, "period": f.period,
            "region": region_name, "qualifier": f.qualifier,
            "indicator_id": indicator.id if indicator else None,
            "region_id": region.code if region else None, "region_parent_id": parent_code,
            "indicator_key": indicator.id if indicator else f.indicator,
            "region_key": region.code if region else region_name,
            "period_start": p_start, "period_end": p_end,
            "norm_value": norm_value, "norm_unit": norm_unit,
            "segment": f.segment, "source": f.source, "quote": quote_for(doc.text, f.start, f.end),
            "list_id": list_id, "list_role": list_role,
            "status": "extracted", "is_current": 1, "extracted": extracted,
        }  # fmt: skip
        if extracted == extracted_of(row):
            row["extracted"] = None  # stored as '': the columns say it (nearly always; see extracted_of)
        rows.append(row)
    return rows, codes


def extracted_of(row: Any) -> dict[str, Any]:
    """The fact as extracted, read from a row's own columns.

    A fact is stored with ``extracted = ''`` when its columns say exactly what was extracted
    (until a correction changes them, which first writes ``extracted`` out), so the most common
    case costs no second copy of every field (issue 14: it was a third of the ``facts`` table).
    The columns differ from the extraction only where the store resolved something the
    extractor left open (a region named by the segment, an indicator id from the taxonomy);
    such a fact keeps its JSON.
    """
    out = {k: row[k] for k in EXTRACTED_FIELDS}
    value = float(out["value"])
    out["value"] = int(value) if value.is_integer() else value
    return out


def extracted_json(extracted: dict[str, Any] | None) -> str:
    """The ``facts.extracted`` column of a row made by ``fact_rows``: '' when the columns say it."""
    if extracted is None:
        return ""
    from planwatch.store.corrections import to_json

    return to_json(extracted)


FACT_COLUMNS: tuple[str, ...] = (
    "document_id", "seq", "fact_key", "loose_key", "doc", "start_offset", "end_offset", "text",
    "indicator", "mention", "measure", "value", "unit", "kind", "period", "region", "qualifier",
    "indicator_id", "region_id", "region_parent_id", "indicator_key", "region_key", "period_start",
    "period_end", "norm_value", "norm_unit", "segment", "source", "quote", "list_id", "list_role",
    "status", "is_current", "extracted", "value_high",
)  # fmt: skip
