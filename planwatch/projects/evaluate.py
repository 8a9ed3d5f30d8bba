"""Precision and recall of project extraction on the hand-made reference set.

``python -m planwatch.projects.evaluate`` runs the project extractor on the bundled sample
documents and compares its mentions with ``tests/data/projects_reference.jsonl`` (rules in
``docs/projects-reference.md``).  The reference covers *zones* of the documents (whole
documents, or chapters and key-project columns of the long 锦州市 plan); predictions outside
the zones are not counted.

A predicted mention matches a reference mention when their name spans overlap (as the
indicator scorer matches facts); pairs are made one to one, preferring the same stage and
the larger overlap.  Reported: precision, recall and F1 of mentions, the same with exact
spans, and over matched pairs the accuracy of stage, kind, investment (value in the same
unit after magnitude conversion) and sector (where the reference gives one); and the recall
of list counts (``等5个项目``).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from planwatch.numbers import convert
from planwatch.projects.extract import extract_projects
from planwatch.projects.model import ProjectMention

PACKAGE_DIR = Path(__file__).resolve().parents[1]
DEFAULT_REFERENCE = PACKAGE_DIR.parent / "tests" / "data" / "projects_reference.jsonl"
DEFAULT_DOCS = PACKAGE_DIR / "sample"
SPLITS = ("dev", "heldout")
_CACHE: dict[str, Any] = {}


@dataclass
class Scores:
    """The evaluation's numbers, and the unmatched mentions for inspection."""

    n_reference: int = 0
    n_predicted: int = 0
    matched: int = 0
    exact: int = 0
    stage_right: int = 0
    kind_right: int = 0
    investment_total: int = 0
    investment_right: int = 0
    sector_total: int = 0
    sector_right: int = 0
    counts_total: int = 0
    counts_found: int = 0
    missed: list[dict[str, Any]] = field(default_factory=list)
    spurious: list[ProjectMention] = field(default_factory=list)
    wrong_stage: list[tuple[dict[str, Any], ProjectMention]] = field(default_factory=list)
    wrong_kind: list[tuple[dict[str, Any], ProjectMention]] = field(default_factory=list)
    #: document → [reference, predicted, matched] (a reference's figure can hide one bad document)
    by_doc: dict[str, list[int]] = field(default_factory=dict)

    @property
    def precision(self) -> float:
        return self.matched / self.n_predicted if self.n_predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.n_reference if self.n_reference else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def strict_precision(self) -> float:
        return self.exact / self.n_predicted if self.n_predicted else 0.0

    @property
    def strict_recall(self) -> float:
        return self.exact / self.n_reference if self.n_reference else 0.0

    def summary(self) -> dict[str, Any]:
        def ratio(a: int, b: int) -> float:
            return round(a / b, 3) if b else 0.0

        return {
            "reference_mentions": self.n_reference,
            "predicted_mentions": self.n_predicted,
            "matched": self.matched,
            "precision": round(self.precision, 3),
            "recall": round(self.recall, 3),
            "f1": round(self.f1, 3),
            "strict_precision": round(self.strict_precision, 3),
            "strict_recall": round(self.strict_recall, 3),
            "stage_accuracy": ratio(self.stage_right, self.matched),
            "kind_accuracy": ratio(self.kind_right, self.matched),
            "investment_accuracy": ratio(self.investment_right, self.investment_total),
            "investment_pairs": self.investment_total,
            "sector_accuracy": ratio(self.sector_right, self.sector_total),
            "sector_pairs": self.sector_total,
            "list_count_recall": ratio(self.counts_found, self.counts_total),
            "list_counts": self.counts_total,
        }


def load_reference(path: str | Path = DEFAULT_REFERENCE) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(zones, mentions) of the reference file."""
    zones: list[dict[str, Any]] = []
    mentions: list[dict[str, Any]] = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            rec = json.loads(line)
            (zones if rec["type"] == "zone" else mentions).append(rec)
    return zones, mentions


def _same_investment(ref: dict[str, Any], m: ProjectMention) -> bool:
    if m.investment is None:
        return False
    value = convert(m.investment.value, m.investment.unit, ref["unit"])
    if value is None and m.investment.unit.rstrip("元") == ref["unit"].rstrip("元"):
        value = m.investment.value
    return value is not None and abs(value - float(ref["value"])) < 1e-6 * max(1.0, abs(float(ref["value"])))


def evaluate(reference: str | Path = DEFAULT_REFERENCE, docs: str | Path = DEFAULT_DOCS,
             split: str | None = None) -> Scores:
    """Score the extractor against the reference set (``split``: only the ``dev`` or ``heldout`` zones)."""
    from planwatch.pipeline import extract

    zones, refs = load_reference(reference)
    if split is not None:
        zones = [z for z in zones if z.get("split", "dev") == split]
        refs = [r for r in refs if any(z["doc"] == r["doc"] and z["start"] <= r["start"] < z["end"] for z in zones)]
    scores = Scores()
    by_doc: dict[str, list[dict[str, Any]]] = {}
    for r in refs:
        by_doc.setdefault(r["doc"], []).append(r)
    zones_by_doc: dict[str, list[tuple[int, int]]] = {}
    for z in zones:
        zones_by_doc.setdefault(z["doc"], []).append((z["start"], z["end"]))
    for name, doc_zones in sorted(zones_by_doc.items()):
        if name not in _CACHE:
            doc = extract(Path(docs) / name)
            _CACHE[name] = extract_projects(doc)
        found = _CACHE[name]
        preds = [m for m in found.mentions if any(m.start < e and m.end > s for s, e in doc_zones)]
        doc_refs = by_doc.get(name, [])
        scores.n_reference += len(doc_refs)
        scores.n_predicted += len(preds)
        used: set[int] = set()
        for r in sorted(doc_refs, key=lambda r: (r["start"], r["end"])):
            best, best_key = None, None
            for i, m in enumerate(preds):
                if i in used or not (m.start < r["end"] and m.end > r["start"]):
                    continue
                overlap = min(m.end, r["end"]) - max(m.start, r["start"])
                key = (m.stage == r["stage"], overlap)
                if best_key is None or key > best_key:
                    best, best_key = i, key
            if best is None:
                scores.missed.append(r)
                continue
            used.add(best)
            m = preds[best]
            scores.matched += 1
            scores.exact += int(m.start == r["start"] and m.end == r["end"])
            scores.stage_right += int(m.stage == r["stage"])
            if m.stage != r["stage"]:
                scores.wrong_stage.append((r, m))
            scores.kind_right += int(m.kind == r["kind"])
            if m.kind != r["kind"]:
                scores.wrong_kind.append((r, m))
            if r.get("investment"):
                scores.investment_total += 1
                scores.investment_right += int(_same_investment(r["investment"], m))
            if r.get("sector"):
                scores.sector_total += 1
                scores.sector_right += int(m.sector == r["sector"])
        scores.spurious.extend(m for i, m in enumerate(preds) if i not in used)
        scores.by_doc[name] = [len(doc_refs), len(preds), len(used)]
        # list counts: each reference list (members with one count, close together) against the counts found
        groups: list[list[dict[str, Any]]] = []
        for r in sorted((x for x in doc_refs if x.get("list_count")), key=lambda x: x["start"]):
            last = groups[-1][-1] if groups else None
            if last is not None and last["list_count"] == r["list_count"] and r["start"] - last["end"] <= 120:
                groups[-1].append(r)
            else:
                groups.append([r])
        for members in groups:
            scores.counts_total += 1
            lo, hi = members[0]["start"], max(r["end"] for r in members)
            value = members[0]["list_count"]
            if any(c.value == value and lo - 40 <= c.start <= hi + 80 for c in found.counts):
                scores.counts_found += 1
    return scores


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m planwatch.projects.evaluate", description=__doc__.split("\n")[0])
    parser.add_argument("--reference", default=str(DEFAULT_REFERENCE), help="the reference JSONL file")
    parser.add_argument("--docs", default=str(DEFAULT_DOCS), help="folder of the documents it refers to")
    parser.add_argument("-v", "--verbose", action="store_true", help="list missed and spurious mentions")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    parser.add_argument("--per-doc", action="store_true", help="also print precision and recall of each document")
    args = parser.parse_args(argv)
    if not Path(args.reference).exists():
        print(f"reference file not found: {args.reference}", file=sys.stderr)
        return 2
    _CACHE.clear()
    results = {split: evaluate(args.reference, args.docs, split) for split in (*SPLITS, None)}
    scores = results[None]
    if args.json:
        print(json.dumps({split or "all": r.summary() for split, r in results.items()}, ensure_ascii=False, indent=2))
    else:
        for split, r in results.items():
            summary = r.summary()
            label = {"dev": "development zones", "heldout": "held-out zones", None: "all zones"}[split]
            print(f"{label}: reference {summary['reference_mentions']}, predicted {summary['predicted_mentions']}, "
                  f"matched {summary['matched']}")
            print(f"  precision {summary['precision']:.3f}  recall {summary['recall']:.3f}  F1 {summary['f1']:.3f}  "
                  f"(exact spans: precision {summary['strict_precision']:.3f}, recall {summary['strict_recall']:.3f})")
            print(f"  on matched mentions: stage {summary['stage_accuracy']:.3f}, kind {summary['kind_accuracy']:.3f}, "
                  f"investment {summary['investment_accuracy']:.3f} (of {summary['investment_pairs']}), "
                  f"sector {summary['sector_accuracy']:.3f} (of {summary['sector_pairs']})")
            print(f"  list counts found: {summary['list_count_recall']:.3f} (of {summary['list_counts']})")
    if args.per_doc:
        for name, (n_ref, n_pred, n_match) in sorted(scores.by_doc.items()):
            p = f"{n_match / n_pred:.3f}" if n_pred else "  -  "
            r = f"{n_match / n_ref:.3f}" if n_ref else "  -  "
            print(f"DOC {name}: reference {n_ref}, predicted {n_pred}, matched {n_match}, precision {p}, recall {r}")
    if args.verbose:
        for r in scores.missed:
            print(f"MISSED   {Path(r['doc']).stem} {r['name']} [{r['stage']}]")
        for m in scores.spurious:
            print(f"SPURIOUS {Path(m.doc).stem} {m.name} [{m.stage}] ({m.pattern})")
        for r, m in scores.wrong_stage:
            print(f"STAGE    {Path(r['doc']).stem} {r['name']}: reference {r['stage']}, found {m.stage} ({m.pattern})")
        for r, m in scores.wrong_kind:
            print(f"KIND     {Path(r['doc']).stem} {r['name']}: reference {r['kind']}, found {m.kind} ({m.pattern})")
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
