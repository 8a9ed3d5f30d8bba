"""Extraction speed: characters per second, against jieba word segmentation, and scaling.

Usage::

    .venv/bin/python benchmarks/extract_bench.py [--corpus DIR] [--repeat N] [--scales 1,4,16]

What it measures (all times are ``time.perf_counter``, best of ``--repeat`` runs, on text already
read into memory, so file I/O is not timed):

1. Whole corpus, one document at a time: ``planwatch.extract_text`` versus ``jieba.lcut`` on the
   same strings in the same process.  Goal: extraction_time / jieba_time ≤ 1.0.
2. Linearity: the corpus repeated 1×, 4×, 16× (a) concatenated into one big document per scale and
   (b) as a replicated list of documents extracted one by one.  Per-character time should stay
   flat: the 16×/1× ratio of per-char time should be ≈ 1.
3. Peak traced memory (tracemalloc) of one extraction of the largest concatenated document,
   in a separate, untimed run (tracing slows Python down).

Lazy loads (taxonomy, gazetteer, lexicon, compiled patterns) and jieba's dictionary are warmed
up before anything is timed.
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
import tracemalloc
from collections.abc import Callable, Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED_CORPUS = REPO.parent / "shared" / "corpus"
SAMPLE_DIR = REPO / "planwatch" / "sample"
DOC_SEPARATOR = "\n\n"
GOAL_RATIO = 1.0


def default_corpus() -> Path:
    return SHARED_CORPUS if SHARED_CORPUS.is_dir() else SAMPLE_DIR


def load_texts(corpus: Path) -> list[tuple[str, str]]:
    """(name, text) of every ``*.txt`` under ``corpus``, decoded as the pipeline decodes them."""
    from planwatch.readers import read_file

    paths = sorted(corpus.glob("**/*.txt"))
    return [(str(p.relative_to(corpus)), read_file(p).text) for p in paths]


def best_of(repeat: int, fn: Callable[[], object]) -> tuple[float, object]:
    """Best wall time of ``repeat`` calls of ``fn`` and the result of the last call."""
    best = float("inf")
    result: object = None
    for _ in range(repeat):
        gc.collect()
        t0 = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - t0)
    return best, result


def warm_up() -> None:
    import jieba

    from planwatch import extract_text
    from planwatch.gazetteer import load_gazetteer
    from planwatch.lexicon import load_lexicon
    from planwatch.taxonomy import load_taxonomy

    jieba.setLogLevel(60)  # silence "Building prefix dict" on stderr
    jieba.initialize()
    jieba.lcut("全年实现地区生产总值111.5亿元，同比增长7.6%。")
    load_lexicon()
    load_taxonomy()
    load_gazetteer()
    sample = "锦州市2014年政府工作报告\n\n全年实现地区生产总值111.5亿元，同比增长7.6%。新增就业1.2万人。\n"
    for _ in range(3):
        extract_text(sample)


def extract_all(texts: Sequence[str]) -> int:
    from planwatch import extract_text

    return sum(len(extract_text(t).facts) for t in texts)


def segment_all(texts: Sequence[str]) -> int:
    import jieba

    return sum(len(jieba.lcut(t)) for t in texts)


def fmt_rate(chars: int, seconds: float) -> str:
    return f"{chars / seconds:,.0f}" if seconds > 0 else "inf"


def print_table(headers: Sequence[str], rows: Sequence[Sequence[str]], right: Sequence[bool]) -> None:
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(headers)]

    def line(cells: Sequence[str]) -> str:
        padded = (c.rjust(w) if r else c.ljust(w) for c, w, r in zip(cells, widths, right, strict=True))
        return "  ".join(padded)

    print(line(headers))
    print("  ".join("-" * w for w in widths))
    for row in rows:
        print(line(row))


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--corpus", type=Path, default=None,
                   help=f"directory searched for **/*.txt (default {SHARED_CORPUS}, else {SAMPLE_DIR})")
    p.add_argument("--repeat", type=int, default=3, help="repetitions per measurement; the best is kept")
    p.add_argument("--scales", default="1,4,16", help="corpus replication factors for the scaling table")
    p.add_argument("--no-memory", action="store_true", help="skip the tracemalloc run")
    p.add_argument("--check", action="store_true", help="exit 1 when the speed goal is not met")
    return p.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    corpus: Path = args.corpus or default_corpus()
    if not corpus.is_dir():
        print(f"extract_bench: corpus directory not found: {corpus}", file=sys.stderr)
        return 2
    scales = sorted({int(s) for s in args.scales.split(",") if s.strip()})
    repeat = max(1, args.repeat)

    docs = load_texts(corpus)
    if not docs:
        print(f"extract_bench: no *.txt files under {corpus}", file=sys.stderr)
        return 2
    texts = [t for _, t in docs]
    chars = sum(len(t) for t in texts)

    import jieba

    print(f"corpus: {corpus}  ({len(texts)} documents, {chars:,} characters)")
    print(f"python {sys.version.split()[0]}, jieba {jieba.__version__}, best of {repeat}")
    t0 = time.perf_counter()
    warm_up()
    print(f"warm-up (taxonomy, gazetteer, lexicon, jieba dictionary): {time.perf_counter() - t0:.2f} s")

    # 1. planwatch vs jieba, document by document -------------------------------------------------
    t_pw, n_facts = best_of(repeat, lambda: extract_all(texts))
    t_jb, n_words = best_of(repeat, lambda: segment_all(texts))
    ratio = t_pw / t_jb
    print("\n== Speed against jieba.lcut (same texts, same run) ==")
    print_table(
        ["engine", "time (s)", "chars/s", "output"],
        [["planwatch.extract_text", f"{t_pw:.3f}", fmt_rate(chars, t_pw), f"{n_facts:,} facts"],
         ["jieba.lcut", f"{t_jb:.3f}", fmt_rate(chars, t_jb), f"{n_words:,} words"]],
        [False, True, True, True],
    )
    ok = ratio <= GOAL_RATIO
    verdict = "PASS" if ok else "FAIL"
    print(f"extraction_time / jieba_time = {ratio:.2f}   (goal ≤ {GOAL_RATIO:.1f}: {verdict})")

    # 2. linearity --------------------------------------------------------------------------------
    print("\n== Scaling with document size ==")
    rows: list[list[str]] = []
    per_char: dict[tuple[str, int], float] = {}
    biggest = ""
    for k in scales:
        big = DOC_SEPARATOR.join(texts * k)
        replicated = texts * k
        n_rep = chars * k
        t_big, f_big = best_of(repeat, lambda big=big: extract_all([big]))
        t_rep, f_rep = best_of(repeat, lambda rep=replicated: extract_all(rep))
        per_char[("concat", k)] = t_big / len(big)
        per_char[("list", k)] = t_rep / n_rep
        rows.append([f"{k}×", "one concatenated document", f"{len(big):,}", f"{t_big:.3f}",
                     fmt_rate(len(big), t_big), f"{f_big:,}"])
        rows.append([f"{k}×", f"{len(replicated)} documents, one by one", f"{n_rep:,}", f"{t_rep:.3f}",
                     fmt_rate(n_rep, t_rep), f"{f_rep:,}"])
        biggest = big
    print_table(["scale", "mode", "chars", "time (s)", "chars/s", "facts"], rows,
                [False, False, True, True, True, True])
    lo, hi = scales[0], scales[-1]
    if hi != lo:
        for mode, label in (("concat", "concatenated"), ("list", "per-document")):
            r = per_char[(mode, hi)] / per_char[(mode, lo)]
            verdict = "linear" if r <= 1.25 else "SUPERLINEAR"
            print(f"per-char time {hi}× / {lo}×, {label:>12}: {r:.2f}   (≈1 expected: {verdict})")

    # 3. memory -----------------------------------------------------------------------------------
    if not args.no_memory and biggest:
        from planwatch import extract_text

        gc.collect()
        tracemalloc.start()
        t0 = time.perf_counter()
        extract_text(biggest)
        elapsed = time.perf_counter() - t0
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        print(f"\npeak traced memory, {hi}× concatenated ({len(biggest):,} chars): {peak / 2**20:,.1f} MiB "
              f"({peak / len(biggest):.0f} bytes/char; run took {elapsed:.1f} s under tracemalloc)")

    return 1 if args.check and not ok else 0


if __name__ == "__main__":
    sys.exit(main())
