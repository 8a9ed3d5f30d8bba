"""Helpers for the store and monitor tests: documents whose facts are written by hand.

The monitoring logic is tested on facts inserted directly (``Store.ingest_document``), so a
test states exactly the numbers it reasons about and does not depend on the extractor.  Each
fact's mention is written into the document text, so offsets, quotes and keys are real.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from planwatch.model import Document, Fact, Segment
from planwatch.store import Store


@dataclass
class F:
    """A fact to write: the mention text and the FACTS.md fields that matter to a test."""

    text: str
    indicator: str
    value: float
    unit: str
    kind: str = "actual"
    period: str = "2020"
    measure: str = "level"
    qualifier: str | None = None
    region: str = ""


def make_doc(
    name: str,
    region: str,
    year: int | None,
    facts: list[F],
    *,
    title: str = "",
    doc_type: str = "统计公报",
    path: str = "",
) -> Document:
    """A document whose text is one sentence per fact, the facts pointing into it."""
    text = f"{title or name}\n"
    out: list[Fact] = []
    for f in facts:
        sentence = f"{f.region or region}{f.indicator}为"
        start = len(text) + len(sentence)
        text += sentence + f.text + "。\n"
        out.append(Fact(
            doc=name, start=start, end=start + len(f.text), text=f.text, indicator=f.indicator,
            mention=f.indicator, measure=f.measure, value=f.value, unit=f.unit, kind=f.kind,  # type: ignore[arg-type]
            period=f.period, region=f.region or region, qualifier=f.qualifier,  # type: ignore[arg-type]
        ))  # fmt: skip
    doc = Document(
        path=path,
        name=name,
        text=text,
        reader="text:utf-8",
        title=title or name,
        doc_type=doc_type,
        region=region,
        year=year,
        facts=out,
    )
    doc.segments = [Segment(0, len(text), doc.title, doc_type, region, year)]
    return doc


def add(store: Store, name: str, region: str, year: int | None, facts: list[F], **kw: Any) -> int:
    """Ingest a hand-made document; returns its document id."""
    result = store.ingest_document(make_doc(name, region, year, facts, **kw), doc_key=name)
    assert result.status == "added", result
    assert result.document_id is not None
    return result.document_id


def fact_id(store: Store, **where: Any) -> int:
    """The id of the single current fact matching ``where`` (column = value)."""
    rows = [r for r in store.facts(include_rejected=True) if all(r.get(k) == v for k, v in where.items())]
    assert len(rows) == 1, rows
    return int(rows[0]["id"])
