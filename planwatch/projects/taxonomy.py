"""The project taxonomy (``data/projects.yaml``): stages, sectors and the extractor's word lists.

Stages are ordered (谋划 → 签约 → 开工 → 在建 → 主体封顶 → 竣工 → 投产/运营), so a project's
history can be checked for order and its latest stage found.  Users name stages and sectors
by id (``completed``), label (``竣工``) or any alias (``建成``); ``stage_id``/``sector_id``
resolve them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, cached_property
from importlib import resources
from typing import Any

import yaml

from planwatch.lexicon import alternation


@dataclass(frozen=True)
class Stage:
    id: str
    label: str
    order: int
    names: tuple[str, ...]
    after: tuple[str, ...]
    before: tuple[str, ...]
    circumfix: tuple[str, ...]
    list: tuple[str, ...]


@dataclass(frozen=True)
class Sector:
    id: str
    label: str
    heading: tuple[str, ...]
    name: tuple[str, ...]


@dataclass
class ProjectTaxonomy:
    """Stages, sectors and word lists, with the regular expressions built from them."""

    stages: list[Stage]
    sectors: list[Sector]
    raw: dict[str, Any] = field(repr=False)

    # -- lookups -------------------------------------------------------------------------
    def stage(self, stage_id: str | None) -> Stage | None:
        return self._stages_by_id.get(stage_id or "")

    def sector(self, sector_id: str | None) -> Sector | None:
        return self._sectors_by_id.get(sector_id or "")

    def stage_id(self, name: str) -> str | None:
        """The stage a user means: an id, a label or an alias (``竣工``, ``建成``, ``completed``)."""
        name = name.strip()
        for s in self.stages:
            if name in (s.id, s.label) or name in s.names:
                return s.id
        for s in self.stages:
            if name in s.after or name in s.list:
                return s.id
        return None

    def sector_id(self, name: str) -> str | None:
        """The sector a user means: an id, a label or a heading word (``工业``, ``物流``)."""
        name = name.strip()
        for s in self.sectors:
            if name in (s.id, s.label):
                return s.id
        for s in self.sectors:
            if name in s.heading:
                return s.id
        return None

    def stage_label(self, stage_id: str | None) -> str:
        s = self.stage(stage_id)
        return s.label if s else ""

    def sector_label(self, sector_id: str | None) -> str:
        s = self.sector(sector_id)
        return s.label if s else ""

    def order(self, stage_id: str | None) -> int:
        s = self.stage(stage_id)
        return s.order if s else -1

    def words(self, key: str) -> list[str]:
        return list(self.raw.get(key) or [])

    def longest_first(self, key: str) -> tuple[str, ...]:
        """A word list, longest first (suffixes are stripped longest first): sorted once, as the
        names of every mention are keyed with them."""
        found = self._longest_first.get(key)
        if found is None:
            found = self._longest_first[key] = tuple(sorted(self.words(key), key=len, reverse=True))
        return found

    # -- derived tables ------------------------------------------------------------------
    @cached_property
    def _longest_first(self) -> dict[str, tuple[str, ...]]:
        return {}

    @cached_property
    def name_key_memo(self) -> dict[str, object]:
        """Keys already computed for a name with this taxonomy (``names.name_keys``, ``names.memoised``)."""
        return {}

    @cached_property
    def _stages_by_id(self) -> dict[str, Stage]:
        return {s.id: s for s in self.stages}

    @cached_property
    def _sectors_by_id(self) -> dict[str, Sector]:
        return {s.id: s for s in self.sectors}

    @cached_property
    def after_cues(self) -> dict[str, str]:
        """Stage phrase → stage id (a phrase in two stages belongs to the first listed)."""
        out: dict[str, str] = {}
        for s in self.stages:
            for cue in s.after:
                out.setdefault(cue, s.id)
        # 进入<phase>阶段 (进入铺轨阶段, 进入勘察设计招标阶段): the phase says the stage
        for stage_id, phases in (self.raw.get("phase_stages") or {}).items():
            for phase in phases:
                out.setdefault(f"进入{phase}阶段", stage_id)
        return out

    @cached_property
    def before_cues(self) -> dict[str, str]:
        out: dict[str, str] = {}
        for s in self.stages:
            for cue in s.before:
                out.setdefault(cue, s.id)
        return out

    @cached_property
    def circumfix_cues(self) -> dict[str, str]:
        out: dict[str, str] = {}
        for s in self.stages:
            for cue in s.circumfix:
                out.setdefault(cue, s.id)
        return out

    @cached_property
    def list_cues(self) -> dict[str, str]:
        out: dict[str, str] = {}
        for s in self.stages:
            for cue in s.list:
                out.setdefault(cue, s.id)
        return out

    @cached_property
    def after_re(self) -> re.Pattern[str]:
        return re.compile(alternation(list(self.after_cues)))

    @cached_property
    def before_re(self) -> re.Pattern[str]:
        return re.compile(alternation(list(self.before_cues)))

    @cached_property
    def list_re(self) -> re.Pattern[str]:
        return re.compile(alternation(list(self.list_cues)))

    @cached_property
    def filler_re(self) -> re.Pattern[str]:
        """Manner, time and certainty words between a name and its stage phrase."""
        words = alternation(self.words("stage_fillers"))
        # 10月份, 在旅游旺季前: a time before the stage phrase
        date = r"在[^，。；、]{1,8}?前|\d{1,2}月份?"
        date += r"(?:\d{1,2}日)?(?:前|底|初|中旬|下旬|上旬)?|(?:19|20)\d\d年(?:\d{1,2}月)?(?:底|末|初)?"
        # (the time first: 在旅游旺季前 is one time, though 在 alone is a filler too: 将在今年建成)
        return re.compile(rf"(?:{date}|{words})*")

    @cached_property
    def leading_re(self) -> re.Pattern[str]:
        # (a word before 性 is an adjective's stem, no verb: 保障性住房 is a kind of housing, 保障 a verb)
        return re.compile(rf"(?:(?:{alternation(self.words('leading_words'))})(?!性))+")

    @cached_property
    def trailing_re(self) -> re.Pattern[str]:
        return re.compile(rf"(?:{alternation(self.words('trailing_words'))})$")

    @cached_property
    def facility_heads(self) -> tuple[str, ...]:
        return tuple(sorted(set(self.words("facility_heads")), key=len, reverse=True))

    @cached_property
    def non_project_heads(self) -> tuple[str, ...]:
        return tuple(sorted(set(self.words("non_project_heads")), key=len, reverse=True))

    @cached_property
    def blocker_re(self) -> re.Pattern[str]:
        return re.compile(alternation(self.words("cue_blockers")) or r"(?!)")

    @cached_property
    def negation_re(self) -> re.Pattern[str]:
        """A negation right before a stage cue, a manner word between (未按期竣工, 尚未开工)."""
        fillers = alternation(self.words("negation_fillers"))
        return re.compile(rf"(?:{alternation(self.words('stage_negations'))})(?:{fillers})?$")

    def blocked(self, text: str, start: int, end: int) -> bool:
        """Whether the cue at ``text[start:end]`` is part of a longer word (经营业态, 建成区), or negated
        (``未按期竣工4项``: those works are not completed, so the cue states no stage)."""
        lo = max(0, start - 4)
        for m in self.blocker_re.finditer(text, lo, min(len(text), end + 4)):
            if m.start() < end and m.end() > start:
                return True
        return self.negation_re.search(text[lo:start]) is not None

    @cached_property
    def kind_estimate_re(self) -> re.Pattern[str]:
        return re.compile(alternation(self.raw["kind_cues"]["estimate"]))

    @cached_property
    def kind_target_re(self) -> re.Pattern[str]:
        return re.compile(alternation(self.raw["kind_cues"]["target"]))


def _strings(value: Any) -> tuple[str, ...]:
    return tuple(str(v) for v in (value or []))


def parse_taxonomy(raw: dict[str, Any]) -> ProjectTaxonomy:
    stages = [
        Stage(
            id=str(s["id"]),
            label=str(s["label"]),
            order=i,
            names=_strings(s.get("names")),
            after=_strings(s.get("after")),
            before=_strings(s.get("before")),
            circumfix=_strings(s.get("circumfix")),
            list=_strings(s.get("list")),
        )
        for i, s in enumerate(raw["stages"])
    ]
    sectors = [
        Sector(id=str(s["id"]), label=str(s["label"]), heading=_strings(s.get("heading")), name=_strings(s.get("name")))
        for s in raw["sectors"]
    ]
    return ProjectTaxonomy(stages, sectors, raw)


@cache
def load_project_taxonomy() -> ProjectTaxonomy:
    """The bundled taxonomy, parsed once per process."""
    text = resources.files("planwatch").joinpath("data/projects.yaml").read_text(encoding="utf-8")
    return parse_taxonomy(yaml.safe_load(text))
