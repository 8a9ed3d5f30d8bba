"""Check the wider corpus's reference facts against the documents they point into.

Why: a reference fact whose offsets drift from its text scores the extractor wrongly without
anyone noticing. Checks: text == document[start:end], the fact lies inside its range, every range
of ranges-*.json is in ranges.json (and nothing else is), every jsonl row names a known range.
Usage: python tests/data/wider/check_gold.py   (exit 1 and one line per problem on failure)
"""
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
GOLD = HERE / "gold"


def main() -> int:
    problems: list[str] = []
    ranges = json.loads((GOLD / "ranges.json").read_text(encoding="utf-8"))
    by_name = {r["name"]: r for r in ranges}
    partial = [r for p in sorted(GOLD.glob("ranges-*.json"))
               for r in json.loads(p.read_text(encoding="utf-8"))]
    if [r["name"] for r in partial] != [r["name"] for r in ranges] or partial != ranges:
        problems.append("ranges.json is not the concatenation of ranges-*.json")
    docs: dict[str, str] = {}
    for path in sorted(GOLD.glob("*.jsonl")):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            g = json.loads(line)
            r = by_name.get(g["range"])
            if r is None:
                problems.append(f"{path.name}:{n}: unknown range {g['range']}")
                continue
            text = docs.setdefault(r["file"], (HERE / r["file"]).read_text(encoding="utf-8"))
            if Path(r["file"]).name != g["doc"]:
                problems.append(f"{path.name}:{n}: doc {g['doc']} is not {r['file']}")
            if text[g["start"]:g["end"]] != g["text"]:
                problems.append(f"{path.name}:{n}: {g['text']!r} != {text[g['start']:g['end']]!r}")
            if not (r["start"] <= g["start"] and g["end"] <= r["end"]):
                problems.append(f"{path.name}:{n}: {g['text']!r} outside range {r['name']}")
    for p in problems:
        print(p)
    print(f"{len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
