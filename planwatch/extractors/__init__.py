"""Extraction stages: structure → prose and tables → indicator resolution → original offsets."""

from __future__ import annotations

from planwatch.analysis import analyse_document
from planwatch.context import StatedContext
from planwatch.extractors.prose import RawFact, extract_prose
from planwatch.extractors.regions import RegionTracker
from planwatch.extractors.tables import extract_tables
from planwatch.model import Document, Fact, Segment
from planwatch.taxonomy import load_taxonomy


def run_extractors(doc: Document, stated: StatedContext | None = None) -> Document:
    # normalised text and layouts, made once and kept on the document for the other components
    # (the key-project extractor); the page's own metadata (title, date) is read there
    analysis = analyse_document(doc, stated)
    norm, layouts = analysis.norm, analysis.layouts
    taxonomy = load_taxonomy()
    facts: list[Fact] = []
    for index, layout in enumerate(layouts):
        s, e = norm.span_to_original(layout.start, layout.end)
        doc.segments.append(Segment(s, e, layout.title, layout.doc_type, layout.region_name, layout.year))
        tracker = RegionTracker(layout.region, layout.region_name, norm.text[layout.start:layout.end],
                                official=layout.doc_type in ("政府工作报告", "规划纲要", "规划评估", "统计公报"))
        raw: list[RawFact] = extract_prose(norm, layout, tracker)
        raw.extend(extract_tables(norm, layout))
        for r in raw:
            start, end = norm.span_to_original(r.start, r.end)
            text = doc.text[start:end]
            cut = text.find("\n")
            if cut > 0:
                end = start + cut
                text = text[:cut]
            text = text.rstrip()
            end = start + len(text)
            indicator = taxonomy.resolve(r.mention)
            facts.append(Fact(
                doc=doc.name, start=start, end=end, text=text,
                indicator=indicator.name if indicator else r.mention, mention=r.mention,
                measure=r.measure, value=r.value, unit=r.unit, kind=r.kind,  # type: ignore[arg-type]
                period=r.period, region=r.region, qualifier=r.qualifier,  # type: ignore[arg-type]
                indicator_id=indicator.id if indicator else None, segment=index,
                source=r.source,  # type: ignore[arg-type]
                value_high=r.value_high, evidence=r.evidence or {},
            ))
    facts.sort(key=lambda f: (f.start, f.end))
    doc.facts = facts
    if layouts:
        first = layouts[0]
        doc.title, doc.doc_type, doc.region, doc.year = first.title, first.doc_type, first.region_name, first.year
        doc.part = first.part
        if first.context is not None:
            doc.clues = [c for c in first.context.clues]
            # kept with the document (the store's metadata): what was found, and from which words
            doc.meta["context"] = {"region": doc.region, "year": doc.year, "part": doc.part, "type": doc.doc_type,
                                   "clues": [vars(c) for c in first.context.clues]}
        if stated is not None and not stated.empty:
            doc.meta["stated"] = stated.as_dict()
    return doc
