"""The analysed document (planwatch.analysis): made once by the pipeline, read by every component."""

from __future__ import annotations

import pickle

import pytest

import planwatch.analysis as analysis_mod
from planwatch.analysis import Clause, split_clauses
from planwatch.pipeline import extract
from planwatch.projects import extract_projects
from tests.conftest import CORPUS

HAILAER = CORPUS / "hailaer" / "hailaer_2013.txt"


def _clauses_by_char(t: str, start: int, end: int) -> list[Clause]:
    """The definition, one character at a time (the project extractor's former splitter)."""
    out: list[Clause] = []
    depth, opened, cs, sentence = 0, -1, start, 0
    for i in range(start, end):
        ch = t[i]
        if ch in "（(“":
            if depth == 0:
                opened = i
            depth += 1
        elif ch in "）)”":
            depth = max(0, depth - 1)
        if ch in "，；：。！？\n" and (depth == 0 or ch in "。\n" or i - opened > 60):
            if i > cs:
                out.append(Clause(cs, i, sentence))
            cs = i + 1
            if ch in "。！？；\n":
                sentence += 1
                depth = 0
    if cs < end:
        out.append(Clause(cs, end, sentence))
    return out


def test_clauses_keep_brackets_and_number_sentences() -> None:
    text = "开工建设锦州港（含航道、码头，二期）等3个项目，预计明年竣工。滨海路建成；全力推进“两城”建设"
    got = [(text[c.start:c.end], c.sentence) for c in split_clauses(text, 0, len(text))]
    assert got == [
        ("开工建设锦州港（含航道、码头，二期）等3个项目", 0),  # the comma inside brackets does not split
        ("预计明年竣工", 0),
        ("滨海路建成", 1),
        ("全力推进“两城”建设", 2),
    ]


def test_an_unclosed_bracket_stops_holding_clauses_together() -> None:
    text = "（" + "甲" * 70 + "，乙项目竣工。"
    assert [text[c.start:c.end] for c in split_clauses(text, 0, len(text))] == ["（" + "甲" * 70, "乙项目竣工"]
    short = "（甲，乙）项目竣工。"  # within 60 characters the bracket holds
    assert [short[c.start:c.end] for c in split_clauses(short, 0, len(short))] == ["（甲，乙）项目竣工"]


@pytest.mark.parametrize("path", sorted(CORPUS.rglob("*.txt"))[::4], ids=lambda p: p.name)
def test_clauses_match_the_character_definition_on_corpus_documents(path) -> None:
    doc = extract(path)
    assert doc.analysis is not None
    t = doc.analysis.norm.text
    for index, layout in enumerate(doc.analysis.layouts):
        assert doc.analysis.clauses(index) == _clauses_by_char(t, layout.start, layout.end)


def test_projects_read_the_pipeline_analysis(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []
    real = analysis_mod.normalize
    monkeypatch.setattr(analysis_mod, "normalize", lambda text: calls.append(len(text)) or real(text))
    doc = extract(HAILAER)
    found = extract_projects(doc)
    assert calls == [len(doc.text)]  # normalised once, for both extractors
    assert any(m.name == "公路客运总站" for m in found.mentions)
    # a document without its analysis (unpickled in another process) is analysed again, same answer
    again = pickle.loads(pickle.dumps(doc))
    assert again.analysis is None and again.text == doc.text and again.facts == doc.facts
    assert extract_projects(again).mentions == found.mentions
    assert len(calls) == 2
