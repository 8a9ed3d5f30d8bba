"""The document object that flows through the pipeline, and the facts it yields.

Like a spaCy ``Doc``, one ``Document`` is created by the reader and enriched by each stage
(structure → segments, extraction → facts).  Offsets everywhere refer to ``Document.text``,
the text exactly as the reader produced it, so ``text[f.start:f.end] == f.text`` is checkable
by anyone holding the file.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:  # pragma: no cover
    from planwatch.analysis import Analysis

Measure = Literal["level", "growth", "avg_growth", "change_pp"]
Kind = Literal["actual", "estimate", "target"]
Qualifier = Literal["about", "at_least", "at_most"]

# Document types recognised from a document's own text.
DOC_TYPES = ("规划纲要", "规划评估", "政府工作报告", "统计公报", "经济数据", "新闻报道", "other")


@dataclass
class SourceText:
    """What a reader returns: the document text and how it was obtained."""

    text: str
    reader: str  # e.g. "text:utf-8", "text:gb18030", "html", "pdf", "docx"
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass
class Segment:
    """A contiguous part of a document about one region (a file may hold several reports)."""

    start: int
    end: int
    title: str
    doc_type: str
    region: str
    year: int | None


@dataclass
class Fact:
    """One indicator fact, as ``FACTS.md`` defines it (plus a few fields of our own)."""

    doc: str
    start: int
    end: int
    text: str
    indicator: str
    mention: str
    measure: Measure
    value: float
    unit: str
    kind: Kind
    period: str
    region: str
    qualifier: Qualifier | None = None
    indicator_id: str | None = None  # canonical taxonomy id, None when not in the taxonomy
    segment: int = 0
    source: Literal["prose", "table"] = "prose"
    value_high: float | None = None  # the upper end of a range (FACTS.md); absent from output otherwise
    evidence: dict[str, str] = field(default_factory=dict)  # the words that set kind, period, region

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        for key in ("value", "value_high"):
            if d[key] is not None and float(d[key]).is_integer():
                d[key] = int(d[key])
        if d["value_high"] is None:
            del d["value_high"]
        if not d["evidence"]:
            del d["evidence"]
        return d


@dataclass
class Document:
    """A read document with its structure and facts."""

    path: str
    name: str
    text: str
    reader: str
    meta: dict[str, Any] = field(default_factory=dict)
    title: str = ""
    doc_type: str = "other"
    region: str = ""
    year: int | None = None
    part: str | None = None  # the part of the year a release reports ("Q1-Q3"), if any
    clues: list[Any] = field(default_factory=list)  # planwatch.context.Clue: why region, year and type
    segments: list[Segment] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    #: The normalised text, layouts and clauses every extractor reads (``planwatch.analysis``):
    #: made once by the pipeline, not pickled (a worker process sends the document without it).
    analysis: Analysis | None = field(default=None, repr=False, compare=False)

    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        state["analysis"] = None
        return state
