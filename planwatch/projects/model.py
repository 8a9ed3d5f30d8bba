"""What the project extractor yields: project mentions and list/portfolio counts.

Every piece is grounded like an indicator fact: ``start``/``end`` are offsets into the
document text as read (``Document.text``), so ``text == doc_text[start:end]`` holds for the
mention's name, its investment, its capacity figures, its stage phrase and a list's count.
A mention is one statement about one project: the same name with two stages
(``茂业中心项目主体封顶，预计明年营业``) gives two mentions sharing the name span.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

Kind = Literal["actual", "estimate", "target"]


@dataclass
class Span:
    """A piece of the document: ``text == doc_text[start:end]``."""

    start: int
    end: int
    text: str


@dataclass
class Investment:
    """Money tied to a project: ``total`` planned/total investment or ``completed`` spending."""

    value: float
    unit: str
    type: Literal["total", "completed"]
    span: Span
    qualifier: str | None = None  # "about" (约/近), "at_least" (余/以上)


@dataclass
class Capacity:
    """A capacity or scale figure written with the project (``年产40万吨``, ``30万吨级``)."""

    value: float
    unit: str
    text: str
    span: Span


@dataclass
class ProjectMention:
    """One statement about one project, with the name as written and what is said of it."""

    doc: str
    start: int  # the name's span (as written, in the original text)
    end: int
    text: str
    name: str  # the name cleaned: no spaces or line breaks, quotes and leading verbs stripped
    key: str  # the normalised key that links mentions of one project
    aliases: tuple[str, ...] = ()  # more keys (a bracketed alias: 中央大街地下商城(地一大道) → 地一大道)
    owner: str | None = None  # company or owner written with the name
    sector: str | None = None  # taxonomy id (industry, services, …)
    sector_source: str | None = None  # "list", "heading", "name"
    stage: str | None = None  # taxonomy id (planning … operating)
    stage_span: Span | None = None
    kind: Kind = "actual"
    period: str = ""
    region: str = ""
    investment: Investment | None = None
    capacities: list[Capacity] = field(default_factory=list)
    list_id: int | None = None  # mentions of one list share it (the count's index)
    pattern: str = ""  # which pattern found it: list, verb, stage, investment, nominal, exemplar
    segment: int = 0
    heading: str = ""  # the heading the sector came from, if any

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["aliases"] = list(self.aliases)
        return d


@dataclass
class ProjectCount:
    """A count of projects: a list's ``等5个项目竣工`` or a portfolio's ``工业项目99个``."""

    doc: str
    start: int  # the count's span (``5 个项目``)
    end: int
    text: str
    value: int
    noun: str  # what is counted, as written (项目, 洽谈签约项目, 工业项目)
    stage: str | None = None
    sector: str | None = None
    kind: Kind = "actual"
    period: str = ""
    region: str = ""
    investment: Investment | None = None
    members: list[str] = field(default_factory=list)  # names listed before 等
    list_id: int | None = None
    role: Literal["list", "portfolio"] = "list"
    segment: int = 0

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class ProjectExtraction:
    """The project mentions and counts of one document."""

    doc: str
    mentions: list[ProjectMention] = field(default_factory=list)
    counts: list[ProjectCount] = field(default_factory=list)
