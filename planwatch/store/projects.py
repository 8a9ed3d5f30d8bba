"""Key projects in the store: written with the facts, linked, corrected.

The store's part of the key projects (``planwatch.projects`` extracts them from a document;
``planwatch.monitor.projects`` asks questions of what is stored here).

Project mentions are written in the same per-document transaction as the document's facts
(``Store.ingest_document`` calls ``store_projects``), so they share its provenance (document
version, offsets, quote), its atomicity (a crash leaves neither) and its versioning (a new
version of the document supersedes the old mentions, which stay, not current).  An investment
or a list count that the indicator extractor also found as a fact points to that fact
(``investment_fact_id``, ``fact_id``), so a correction of the fact is what the project shows.

Linking is incremental (``ProjectLinker``): each new mention looks up the projects of its city
(``link.scope_of``) through ``project_keys`` (the first three and last six characters of every
key, the brand's last two) and joins the one it matches; a mention matching two projects merges
them (the younger gets ``merged_into``; nothing is deleted).  A project's name, stage and sector
are not stored: ``planwatch.monitor.projects`` computes them from its current mentions whenever
it is read, so they follow corrections and new versions.

Corrections (``ProjectCorrections.correct``/``confirm``/``reject``/``link``) are kept in
``project_corrections`` with keys that find the mention again after a re-ingest, applied at once
and again to the new mentions of each new version (``reapply``, in the ingest transaction — why
they live in the store, as the corrections of facts do), and logged in ``audit_log`` (object
``project_mention``).
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any

from planwatch.errors import PlanWatchError
from planwatch.gazetteer import Region
from planwatch.model import Document
from planwatch.projects.extract import extract_projects
from planwatch.projects.link import regions_compatible, scope_of
from planwatch.projects.model import ProjectExtraction, ProjectMention
from planwatch.projects.names import (
    NameKeys,
    brand_core,
    is_generic_key,
    name_keys,
    same_project,
    squash,
    strip_region,
)
from planwatch.projects.taxonomy import ProjectTaxonomy, load_project_taxonomy
from planwatch.store.records import parse_period
from planwatch.store.schema import now

if TYPE_CHECKING:  # pragma: no cover
    from planwatch.store.core import Store

MENTION_FIELDS = (
    "name", "owner", "sector", "stage", "kind", "period", "region", "investment_value", "investment_unit",
    "investment_type",
)  # fmt: skip
ACTIONS = ("confirm", "correct", "reject", "link")
_NULLS = ("", "null", "none", "-")
LOOSE_CONTEXT = 8
_QUOTE_STOPS = "。！？；;!?"


class ProjectError(PlanWatchError):
    """A project question or correction that cannot be answered or applied."""


_MENTION_COLUMNS = (
    "document_id", "seq", "mention_key", "loose_key", "doc", "start_offset", "end_offset", "text", "name", "key",
    "aliases", "owner", "sector", "sector_source", "stage", "stage_start", "stage_end", "stage_text", "kind",
    "period", "period_start", "period_end", "region", "region_id", "investment_value", "investment_unit",
    "investment_type", "investment_qualifier", "investment_start", "investment_end", "investment_text",
    "investment_fact_id", "capacities", "list_id", "pattern", "segment", "heading", "quote", "extracted",
)  # fmt: skip
_INSERT_MENTION = (
    f"INSERT INTO project_mentions (project_id, {', '.join(_MENTION_COLUMNS)}) "
    f"VALUES ({', '.join('?' * (len(_MENTION_COLUMNS) + 1))})"
)


# -- ingest hook ---------------------------------------------------------------------------
@dataclass
class PreparedMention:
    """What storing a mention needs that depends on its document alone (``prepare_projects``)."""

    mention_key: str
    loose_key: str
    quote: str
    aliases: str
    capacities: str
    #: The mention as extracted, as JSON: stored only when its columns do not say it already.
    extracted: str
    period: tuple[int | None, int | None]
    keys: NameKeys
    #: The spellings of its name that can link it to a project (``_linkable_variants``).
    variants: list[str]


@dataclass
class PreparedProjects:
    """A document's key projects, each with its ``PreparedMention``.

    Made before the document's transaction, in the extraction worker when there is one
    (``store.parallel``): keys, quotes and JSON are functions of the document, and the one
    writer that every worker waits on should only link and write.
    """

    extraction: ProjectExtraction
    mentions: list[PreparedMention]


def prepare_projects(doc: Document, doc_key: str) -> PreparedProjects | None:
    """Extract a document's projects before its transaction opens (``None`` if extraction fails).

    A failure of the project extractor must not cost the document its facts, so it is reported
    on stderr and the document is stored without projects (``PLANWATCH_DEBUG=1`` raises).
    ``doc_key``: the document's identity in the store (``Store.ingest_document``), which the
    mentions' keys include.
    """
    try:
        extraction = extract_projects(doc)
    except Exception as e:  # pragma: no cover - a bug in the project extractor
        if os.environ.get("PLANWATCH_DEBUG", "") not in ("", "0"):
            raise
        print(f"planwatch: warning: project extraction failed for {doc.name}: {type(e).__name__}: {e}",
              file=sys.stderr)
        return None
    prepared = []
    for m, (strict, loose) in zip(extraction.mentions, mention_keys(doc_key, extraction.mentions, doc.text),
                                  strict=True):
        keys = NameKeys(m.key, tuple(m.aliases), brand_core(m.key))
        prepared.append(PreparedMention(
            strict, loose, mention_quote(doc.text, m.start, m.end), _json(list(m.aliases)),
            _json([asdict(c) for c in m.capacities]), _json(_extracted(m)), parse_period(m.period), keys,
            _linkable_variants(keys),
        ))  # fmt: skip
    return PreparedProjects(extraction, prepared)


def store_projects(
    store: Store,
    prepared: PreparedProjects | None,
    *,
    doc: Document,
    document_id: int,
    doc_key: str,
    previous_id: int | None,
    doc_region: Region | None,
) -> None:
    """Write a document's project mentions and counts (inside the caller's transaction)."""
    db = store.db
    if previous_id is not None:
        db.execute("UPDATE project_mentions SET is_current = 0 WHERE document_id = ?", (previous_id,))
        db.execute("UPDATE project_counts SET is_current = 0 WHERE document_id = ?", (previous_id,))
    if prepared is None:
        return
    extraction = prepared.extraction
    facts = db.query("SELECT id, start_offset, end_offset, value FROM facts WHERE document_id = ?", (document_id,))
    linker = ProjectLinker(store)
    codes: set[str] = set()
    mention_rows: list[tuple[Any, ...]] = []
    places = [store.resolver.region(m.region, doc_region) if m.region else (doc_region, None)
              for m in extraction.mentions]  # fmt: skip
    linker.prefetch([(pm, region or parent or doc_region)
                     for pm, (region, parent) in zip(prepared.mentions, places, strict=True)])  # fmt: skip
    for seq, (m, pm, (region, parent)) in enumerate(zip(extraction.mentions, prepared.mentions, places, strict=True)):
        if region is not None:
            codes.add(region.code)
        fact_id = _overlapping_fact(facts, m.investment.span.start, m.investment.span.end) if m.investment else None
        inv = m.investment
        region_name = m.region or (doc_region.name if doc_region else "")
        values = (
            document_id, seq, pm.mention_key, pm.loose_key, m.doc or doc.name, m.start, m.end, m.text, m.name, m.key,
            pm.aliases, m.owner, m.sector, m.sector_source, m.stage,
            m.stage_span.start if m.stage_span else None, m.stage_span.end if m.stage_span else None,
            m.stage_span.text if m.stage_span else None, m.kind, m.period, *pm.period,
            region_name, region.code if region else None,
            inv.value if inv else None, inv.unit if inv else None, inv.type if inv else None,
            inv.qualifier if inv else None, inv.span.start if inv else None, inv.span.end if inv else None,
            inv.span.text if inv else None, fact_id, pm.capacities, m.list_id,
            m.pattern, m.segment, m.heading, pm.quote,
            # the columns say what was extracted unless the region came from the document: keep it apart
            pm.extracted if region_name != m.region else "",
        )  # fmt: skip
        # the project first (matched or new), so that the mention is written once, with its project
        link = linker.project_for(pm, region or parent or doc_region)
        linker.add_keys(link, seq)
        mention_rows.append((link.project_id, *values))
    if mention_rows:
        # All at once, in order (the ids are those one statement a mention gave), each with the project
        # it lives in now: a later mention of the document may have merged its project into another.
        db.executemany(_INSERT_MENTION, [(linker.live(row[0]), *row[1:]) for row in mention_rows])
        ids = [int(r["id"]) for r in db.query(
            "SELECT id FROM project_mentions WHERE document_id = ? ORDER BY seq", (document_id,))]
        linker.write_keys(ids)
    count_rows = []
    for seq, c in enumerate(extraction.counts):
        region, _ = store.resolver.region(c.region, doc_region) if c.region else (doc_region, None)
        fact_id = _overlapping_fact(facts, c.start, c.end, float(c.value))
        count_rows.append((
            document_id, seq, c.doc or doc.name, c.start, c.end, c.text, c.value, c.noun, c.stage, c.sector,
            c.kind, c.period, c.region, region.code if region else None,
            c.investment.value if c.investment else None, c.investment.unit if c.investment else None,
            _json(c.members), c.role, c.list_id, fact_id,
        ))
    if count_rows:
        db.executemany(
            "INSERT INTO project_counts (document_id, seq, doc, start_offset, end_offset, text, value, noun, stage, "
            "sector, kind, period, region, region_id, investment_value, investment_unit, members, role, list_id, "
            "fact_id) VALUES (" + ", ".join(["?"] * 20) + ")",
            count_rows,
        )
    store._ensure_regions(codes)
    ProjectCorrections(store).reapply(doc_key, document_id)


def mention_quote(text: str, start: int, end: int, radius: int = 30) -> str:
    """The sentence around a mention, whitespace squashed, at most ``radius`` characters each side.

    Unlike a fact's quote it does not stop at line breaks: the PDF text of a report breaks its
    sentences, and a project list often runs over several lines.
    """
    lo = max(0, start - radius)
    cut = max(text.rfind(ch, lo, start) for ch in _QUOTE_STOPS)
    begin = cut + 1 if cut >= 0 else lo
    hi = min(len(text), end + radius)
    stops = [i for i in (text.find(ch, end, hi) for ch in _QUOTE_STOPS) if i >= 0]
    finish = min(stops) + 1 if stops else hi
    return squash(text[begin:finish])


def _extracted_of(row: dict[str, Any]) -> dict[str, Any]:
    """A mention as extracted, read from its row's columns.

    As for facts (``store.records.extracted_of``): a mention whose columns say exactly what was
    extracted is stored with ``extracted = ''`` (the region a mention did not name, taken from
    its document, is the usual exception), and the first correction writes it out.
    """
    return {k: row[k] for k in MENTION_FIELDS}


def _extracted(m: ProjectMention) -> dict[str, Any]:
    """The mention's correctable fields as extracted (kept when a correction changes them)."""
    return {
        "name": m.name, "owner": m.owner, "sector": m.sector, "stage": m.stage, "kind": m.kind, "period": m.period,
        "region": m.region, "investment_value": m.investment.value if m.investment else None,
        "investment_unit": m.investment.unit if m.investment else None,
        "investment_type": m.investment.type if m.investment else None,
    }  # fmt: skip


def _overlapping_fact(facts: list[dict[str, Any]], start: int, end: int, value: float | None = None) -> int | None:
    for f in facts:
        if f["start_offset"] < end and f["end_offset"] > start and (value is None or float(f["value"]) == value):
            return int(f["id"])
    return None


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _digest(*parts: object) -> str:
    joined = "\x1f".join("" if p is None else str(p) for p in parts)
    return hashlib.sha1(joined.encode("utf-8")).hexdigest()[:20]


def mention_keys(doc_key: str, mentions: Sequence[ProjectMention], text: str) -> list[tuple[str, str]]:
    """(strict, loose) identities of mentions that survive a re-extraction of their document.

    As ``records.fact_keys``: the strict key hashes the name as written, stage and period (with
    an occurrence number); the loose key the name and a few characters either side, to find the
    mention again when a better extractor changed its stage or period.
    """
    strict_seen: Counter[tuple[str, ...]] = Counter()
    loose_seen: Counter[tuple[str, ...]] = Counter()
    out: list[tuple[str, str]] = []
    for m in mentions:
        name = squash(m.text)
        strict = (name, m.stage or "", m.period)
        strict_seen[strict] += 1
        before = squash(text[max(0, m.start - 3 * LOOSE_CONTEXT):m.start])[-LOOSE_CONTEXT:]
        after = squash(text[m.end:m.end + 3 * LOOSE_CONTEXT])[:LOOSE_CONTEXT]
        loose = (name, before, after)
        loose_seen[loose] += 1
        out.append((_digest(doc_key, *strict, strict_seen[strict]), _digest(doc_key, *loose, loose_seen[loose])))
    return out


# -- linking ---------------------------------------------------------------------------------
@dataclass
class _Link:
    """A new mention's project, and the keys it may add to it."""

    project_id: int
    keys: NameKeys
    variants: list[str]
    region: Region | None
    scope: str


class ProjectLinker:
    """Finds or creates the project of each new mention (see the module docstring)."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.db = store.db
        self.gazetteer = store.gazetteer
        # What this linker read or wrote in its transaction (one document's; the projects lock is
        # held meanwhile, so no other writer changes them): the keys of each project it touched
        # and where merged projects went, so that each is read from the database once.
        self._known: dict[int, set[tuple[str, str | None]]] = {}
        self._merged: dict[int, int | None] = {}
        # The keys a document's mentions can match, read in one query per (scope, region) before
        # its first mention is linked (``prefetch``), by (column, value); and the keys written
        # since, by scope.  One query a mention was most of the writer's time for projects.
        self._fetched: dict[tuple[str, str | None], dict[tuple[str, str], list[dict[str, Any]]]] = {}
        # (by scope, then by (column, value) as ``_fetched``: a document of 200 mentions would
        # otherwise test each new mention against every key written before it)
        self._added: dict[str, dict[tuple[str, str], list[dict[str, Any]]]] = {}
        # Keys of this document's mentions, written with them (``write_keys``): (project id,
        # mention seq, scope, key, core, region id, p3, s6, c2).
        self._pending: list[tuple[Any, ...]] = []

    def prefetch(self, mentions: Sequence[tuple[PreparedMention, Region | None]]) -> None:
        """Read the keys that ``mentions`` (each with the region it is linked in) can match."""
        wanted: dict[tuple[str, str | None], dict[str, set[str]]] = {}
        regions: dict[str | None, Region | None] = {}
        for pm, region in mentions:
            if not pm.variants:
                continue
            code = region.code if region else None
            regions[code] = region
            group = wanted.setdefault((scope_of(region, self.gazetteer), code), {"p3": set(), "s6": set(), "c2": set()})
            for column, values in _lookup_values(pm.keys, pm.variants):
                group[column].update(values)
        for (scope, code), columns in wanted.items():
            region = regions[code]
            index: dict[tuple[str, str], list[dict[str, Any]]] = {}
            seen: set[int] = set()
            for row in self._query(scope, region, [(c, sorted(v)) for c, v in columns.items()]):
                if row["id"] in seen:
                    continue
                seen.add(row["id"])
                for column in ("p3", "s6", "c2"):
                    index.setdefault((column, row[column]), []).append(row)
            self._fetched[(scope, code)] = index

    def project_for(self, prepared: PreparedMention, region: Region | None) -> _Link:
        """The project a new mention joins: the one its keys match (merging any others), else a new one."""
        keys, variants = prepared.keys, prepared.variants
        scope = scope_of(region, self.gazetteer)
        project_id = self._match(keys, variants, region, scope)
        if project_id is None:
            cur = self.db.execute(
                "INSERT INTO projects (scope, region, region_id, created_at) VALUES (?, ?, ?, ?) RETURNING id",
                (scope, region.name if region else "", region.code if region else None, now()),
            )
            project_id = int(cur.fetchone()[0])
            self._known[project_id] = set()  # a new project has no keys yet: nothing to look up
            self._merged[project_id] = None
        return _Link(project_id, keys, variants, region, scope)

    def add_keys(self, link: _Link, seq: int) -> None:
        """Keep the spellings of the ``seq``-th mention's name that its project did not have.

        They are written by ``write_keys`` once the document's mentions have ids; meanwhile the
        later mentions of the document see them here (``_added``, ``_known``).
        """
        code = link.region.code if link.region else None
        known = self._known.get(link.project_id)
        if known is None:
            known = {(r["key"], r["region_id"]) for r in self.db.query(
                "SELECT key, region_id FROM project_keys WHERE project_id = ?", (link.project_id,))}
            # and those of this document, not written yet (the project may have merged others)
            known |= {(row[3], row[5]) for row in self._pending if self.live(row[0]) == link.project_id}
            self._known[link.project_id] = known
        added = self._added.setdefault(link.scope, {})
        for key in link.variants:
            if (key, code) in known:
                continue
            known.add((key, code))
            core = brand_core(key) if key == link.keys.key else None
            row = (link.project_id, seq, link.scope, key, core, code, key[:3], key[-6:], (core or "")[-2:])
            self._pending.append(row)
            entry = {"project_id": row[0], "key": key, "core": core, "region_id": code,
                     "p3": row[6], "s6": row[7], "c2": row[8]}  # fmt: skip
            for column in ("p3", "s6", "c2"):
                added.setdefault((column, entry[column]), []).append(entry)

    def write_keys(self, mention_ids: Sequence[int]) -> None:
        """Write the keys ``add_keys`` kept, with their mentions' ids (by seq) and live projects."""
        if self._pending:
            self.db.executemany(
                "INSERT INTO project_keys (project_id, mention_id, scope, key, core, region_id, p3, s6, c2) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(self.live(row[0]), mention_ids[row[1]], *row[2:]) for row in self._pending],
            )
            self._pending.clear()

    def _match(self, keys: NameKeys, variants: list[str], region: Region | None, scope: str) -> int | None:
        if not variants:
            return None  # a generic name (体育公园, 污水处理厂) links to nothing
        lookups = _lookup_values(keys, variants)
        index = self._fetched.get((scope, region.code if region else None))
        if index is None:
            rows = self._query(scope, region, lookups)
        else:
            rows = [row for column, values in lookups for value in values for row in index.get((column, value), ())]
        near = _nearby(region, self.gazetteer)
        added = self._added.get(scope)
        if added:
            rows += [row for column, values in lookups for value in values
                     for row in added.get((column, value), ()) if near(row["region_id"])]  # fmt: skip
        matched: set[int] = set()
        for r in rows:
            if int(r["project_id"]) in matched:
                continue
            other = self.gazetteer.get(r["region_id"]) if r["region_id"] else None
            if not regions_compatible(region, other, self.gazetteer):
                continue
            if same_project(keys, NameKeys(r["key"], (), r["core"])):
                matched.add(self.live(int(r["project_id"])))
        if not matched:
            return None
        keep = min(matched)
        for other_id in sorted(matched - {keep}):
            self.merge(other_id, keep)
        return keep

    def _query(self, scope: str, region: Region | None, lookups: list[tuple[str, list[str]]]) -> list[dict[str, Any]]:
        """The keys of ``scope`` near ``region`` (``_nearby``) with any of the ``lookups`` values."""
        # One indexed look-up per short key, joined by UNION ALL: written as one OR, the planner
        # took the (scope) prefix of any index and read every key of the scope, which grew with
        # the data (4 ms a mention at 30,000 documents).
        nearby, near_params = "", []
        if region is not None:
            above, prefix = _near_codes(region, self.gazetteer)
            nearby = f" AND (region_id IS NULL OR region_id IN ({', '.join('?' * len(above))}) OR region_id LIKE ?)"
            near_params = [*above, prefix + "%"]
        parts, params = [], []
        for column, values in lookups:
            if values:
                parts.append(f"SELECT id, project_id, key, core, region_id, p3, s6, c2 FROM project_keys "
                             f"WHERE scope = ? AND {column} IN ({', '.join('?' * len(values))}){nearby}")  # fmt: skip
                params += [scope, *values, *near_params]
        return self.db.query(" UNION ALL ".join(parts), params) if parts else []

    def live(self, project_id: int) -> int:
        """The project a merged project now lives in."""
        seen = set()
        while project_id not in seen:
            seen.add(project_id)
            if project_id not in self._merged:
                row = self.db.query("SELECT merged_into FROM projects WHERE id = ?", (project_id,))
                into = row[0]["merged_into"] if row else None
                self._merged[project_id] = None if into is None else int(into)
            into = self._merged[project_id]
            if into is None:
                return project_id
            project_id = into
        return project_id

    def merge(self, source: int, target: int, actor: str = "ingest", note: str = "") -> None:
        self.db.execute("UPDATE project_mentions SET project_id = ? WHERE project_id = ?", (target, source))
        self.db.execute("UPDATE project_keys SET project_id = ? WHERE project_id = ?", (target, source))
        self.db.execute("UPDATE projects SET merged_into = ? WHERE id = ?", (target, source))
        self._merged[source] = target
        self._known.pop(source, None)
        self._known.pop(target, None)  # the source's keys are the target's now: read them again
        self.store._audit(actor, "project_merge", "project", source, before={"project_id": source},
                          after={"project_id": target}, note=note or "a new mention links both projects")


def _lookup_values(keys: NameKeys, variants: list[str]) -> list[tuple[str, list[str]]]:
    """The short keys a name is looked up by: first three and last six characters of each
    spelling, and the brand's last two (``project_keys`` columns p3, s6, c2)."""
    return [
        ("p3", sorted({k[:3] for k in variants})),
        ("s6", sorted({k[-6:] for k in variants if len(k) >= 6})),
        ("c2", [keys.core[-2:]] if keys.core else []),
    ]


def _near_codes(region: Region, gazetteer: Any) -> tuple[list[str], str]:
    """Regions that can hold the same project as ``region``: it and the units above it (codes),
    and the units inside it (a code prefix) — so that the same name in the other counties of a
    province is not read for every new mention."""
    above = [region.code, *(r.code for r in gazetteer.parents(region))]
    prefix = {"province": 2, "city": 4}.get(region.level, len(region.code))
    return above, region.code[:prefix]


def _nearby(region: Region | None, gazetteer: Any) -> Callable[[str | None], bool]:
    """``_near_codes`` as a test of a key's region code (None: a key of no region, always near)."""
    if region is None:
        return lambda code: True
    above, prefix = _near_codes(region, gazetteer)
    return lambda code: code is None or code in above or code.startswith(prefix)


def _variants(keys: NameKeys) -> list[str]:
    return sorted({k for k in (keys.key, *keys.aliases, strip_region(keys.key)) if k})


def _linkable_variants(keys: NameKeys) -> list[str]:
    """The spellings that can link: a generic one (only facility and common words) never does
    (``same_project``), so it is neither looked up nor kept — else every county's 体育公园 would
    be read again for each new mention."""
    return [k for k in _variants(keys) if not is_generic_key(k)]


def stage_named(tax: ProjectTaxonomy, name: str) -> str:
    """The stage a user names (an id, a label or an alias: ``竣工``), or a ``ProjectError`` listing them."""
    found = tax.stage_id(name)
    if found is None:
        labels = ", ".join(f"{s.id} ({s.label})" for s in tax.stages)
        raise ProjectError(f"unknown stage {name!r}: one of {labels}")
    return found


def sector_named(tax: ProjectTaxonomy, name: str) -> str:
    """The sector a user names (an id, a label or an alias: ``工业``), or a ``ProjectError`` listing them."""
    found = tax.sector_id(name)
    if found is None:
        labels = ", ".join(f"{s.id} ({s.label})" for s in tax.sectors)
        raise ProjectError(f"unknown sector {name!r}: one of {labels}")
    return found


# -- corrections -----------------------------------------------------------------------------
class ProjectCorrections:
    """Corrections of a ``Store``'s project mentions: ``ProjectCorrections(store).correct(7, by="li", stage="竣工")``.

    A class of the store, not of the questions above it: the ingest re-applies a document's
    corrections to its new mentions (``reapply``) inside the document's transaction.
    """

    def __init__(self, store: Store, taxonomy: ProjectTaxonomy | None = None) -> None:
        self.store = store
        self.db = store.db
        self.tax = taxonomy or load_project_taxonomy()

    def mention(self, mention_id: int) -> dict[str, Any]:
        """A mention's row, ``extracted`` filled in (what a correction changes and keeps)."""
        rows = self.db.query("SELECT * FROM project_mentions WHERE id = ?", (int(mention_id),))
        if not rows:
            raise ProjectError(f"no project mention with id {mention_id}")
        row = rows[0]
        if not row["extracted"]:
            row["extracted"] = _json(_extracted_of(row))  # its columns until corrected (_extracted_of)
        return row

    def correct(self, mention_id: int, *, by: str, note: str = "", **changes: Any) -> dict[str, Any]:
        """Change fields of a mention (``stage="completed"``, ``investment_value=56``)."""
        if not changes:
            raise ProjectError("nothing to correct: give at least one field=value")
        return self._act("correct", mention_id, by=by, note=note, changes=self._coerce(changes))

    def confirm(self, mention_id: int, *, by: str, note: str = "") -> dict[str, Any]:
        return self._act("confirm", mention_id, by=by, note=note, changes={})

    def reject(self, mention_id: int, *, by: str, note: str = "") -> dict[str, Any]:
        """Mark a mention as not a project mention (it stays, but no question uses it)."""
        return self._act("reject", mention_id, by=by, note=note, changes={})

    def link(self, mention_id: int, project_id: int | None, *, by: str, note: str = "") -> dict[str, Any]:
        """Move a mention to another project (``project_id``), or to a project of its own (``None``)."""
        if project_id is not None and not self.db.query("SELECT 1 FROM projects WHERE id = ?", (project_id,)):
            raise ProjectError(f"no project with id {project_id}")
        return self._act("link", mention_id, by=by, note=note, changes={"project_id": project_id})

    def _coerce(self, changes: dict[str, Any]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for field_name, raw in changes.items():
            if field_name not in MENTION_FIELDS:
                raise ProjectError(f"unknown field {field_name!r}: correctable are {', '.join(MENTION_FIELDS)}")
            value = None if raw is None or str(raw).strip().lower() in _NULLS else str(raw).strip()
            if field_name == "stage" and value is not None:
                value = stage_named(self.tax, value)
            elif field_name == "sector" and value is not None:
                value = sector_named(self.tax, value)
            elif field_name == "kind" and value not in ("actual", "estimate", "target"):
                raise ProjectError(f"kind must be actual, estimate or target, not {raw!r}")
            elif field_name == "investment_value" and value is not None:
                try:
                    value = float(value)  # type: ignore[assignment]
                except ValueError:
                    raise ProjectError(f"investment_value must be a number, not {raw!r}") from None
            elif field_name == "investment_type" and value not in (None, "total", "completed"):
                raise ProjectError(f"investment_type must be total or completed, not {raw!r}")
            elif field_name == "period" and value is not None and parse_period(value) == (None, None):
                raise ProjectError(f"period must be a year (2014) or a span (2021-2025), not {raw!r}")
            elif field_name == "name" and not value:
                raise ProjectError("name cannot be empty")
            out[field_name] = value
        return out

    def _act(self, action: str, mention_id: int, *, by: str, note: str, changes: dict[str, Any]) -> dict[str, Any]:
        if not by or not by.strip():
            raise ProjectError("say who makes the change (--by NAME)")
        with self.db.transaction(durable=True):
            row = self.mention(mention_id)
            doc = self.db.query("SELECT doc_key FROM documents WHERE id = ?", (row["document_id"],))[0]
            cur = self.db.execute(
                "INSERT INTO project_corrections (mention_id, doc_key, mention_key, loose_key, action, changes, by, "
                "note, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                (mention_id, doc["doc_key"], row["mention_key"], row["loose_key"], action, _json(changes), by.strip(),
                 note, now()),
            )
            correction_id = int(cur.fetchone()[0])
            before, after = self._apply(action, changes, row, by=by.strip(), note=note, correction_id=correction_id,
                                        audit_action=action)
            self.db.execute("UPDATE project_corrections SET before = ?, after = ? WHERE id = ?",
                            (_json(before), _json(after), correction_id))
        return self.mention(mention_id)

    def _apply(self, action: str, changes: dict[str, Any], row: dict[str, Any], *, by: str, note: str,
               correction_id: int, audit_action: str) -> tuple[dict[str, Any], dict[str, Any]]:
        before = {k: row.get(k) for k in (*MENTION_FIELDS, "project_id", "status")}
        new = dict(row)
        if action == "reject":
            new["status"] = "rejected"
        elif action == "confirm":
            new["status"] = "corrected" if row["status"] == "corrected" else "confirmed"
        elif action == "correct":
            new.update(changes)
            new["status"] = "corrected"
            if "period" in changes:
                new["period_start"], new["period_end"] = parse_period(new["period"] or "")
            if "region" in changes:
                region = self.store.region(new["region"] or "")
                new["region_id"] = region.code if region else None
            if "name" in changes:
                new["key"] = name_keys(new["name"], self.tax).key
        elif action == "link":
            target = changes.get("project_id")
            if target is None:
                region = self.store.gazetteer.get(row["region_id"]) if row["region_id"] else None
                cur = self.db.execute(
                    "INSERT INTO projects (scope, region, region_id, created_at) VALUES (?, ?, ?, ?) RETURNING id",
                    (scope_of(region, self.store.gazetteer), row["region"], row["region_id"], now()),
                )
                target = int(cur.fetchone()[0])
            new["project_id"] = ProjectLinker(self.store).live(int(target))
        # extracted: as read (self.mention), written out before the columns change (_extracted_of)
        columns = [*MENTION_FIELDS, "status", "period_start", "period_end", "region_id", "key", "project_id",
                   "extracted"]
        new["extracted"] = row["extracted"]
        self.db.execute(f"UPDATE project_mentions SET {', '.join(f'{c} = ?' for c in columns)} WHERE id = ?",
                        (*[new[c] for c in columns], row["id"]))
        after = {k: new.get(k) for k in (*MENTION_FIELDS, "project_id", "status")}
        self.store._audit(by, audit_action, "project_mention", row["id"], before=before, after=after,
                          note=f"project correction {correction_id}" + (f": {note}" if note else ""))
        return before, after

    def reapply(self, doc_key: str, document_id: int) -> tuple[int, int]:
        """Apply a document's project corrections to its new mentions; (applied, unmatched)."""
        corrections = self.db.query("SELECT * FROM project_corrections WHERE doc_key = ? ORDER BY id", (doc_key,))
        if not corrections:
            return 0, 0
        rows = self.db.query("SELECT * FROM project_mentions WHERE document_id = ? ORDER BY seq", (document_id,))
        by_key = {r["mention_key"]: r for r in rows}
        by_loose = {r["loose_key"]: r for r in rows}
        applied = unmatched = 0
        for c in corrections:
            target = by_key.get(c["mention_key"]) or by_loose.get(c["loose_key"])
            if target is None:
                unmatched += 1
                continue
            target = self.mention(target["id"])
            changes = json.loads(c["changes"])
            if c["action"] == "link" and changes.get("project_id") is None:
                # the mention was given a project of its own: the re-extracted one joins that project
                created = json.loads(c["after"] or "{}").get("project_id")
                if created is None:
                    continue
                changes = {"project_id": created}
            self._apply(c["action"], changes, target, by=c["by"], note=c["note"], correction_id=c["id"],
                        audit_action="reapply_" + c["action"])
            applied += 1
        return applied, unmatched

    def history(self, mention_id: int | None = None) -> list[dict[str, Any]]:
        """Audit entries of project mentions (of one when given), newest first."""
        sql, params = "SELECT * FROM audit_log WHERE object IN ('project_mention', 'project')", []
        if mention_id is not None:
            sql += " AND object = 'project_mention' AND object_id = ?"
            params.append(str(mention_id))
        rows = self.db.query(sql + " ORDER BY id DESC", params)
        for r in rows:
            for k in ("before", "after"):
                r[k] = json.loads(r[k]) if r[k] else None
        return rows
