"""Is this text Chinese a person could read?  Checked once, after any reader, before extraction.

A reader can succeed and still return nonsense: a PDF font without a Unicode map gives glyph
codes (``(cid:123)``) or private-use characters, a file decoded with the wrong encoding gives
mojibake, a lossy conversion leaves replacement characters.  Extracting facts from such text
stores wrong numbers silently, so it is refused here with the reason, in one line.

Each check is a cheap count over at most the first ``_SAMPLE`` characters, so the plain-text
path stays as fast as before.  Repairs that are certain (mojibake that ftfy reverses exactly) are
done by the text reader; what reaches this module is only judged, never changed.
"""

from __future__ import annotations

import re
from collections import Counter

from planwatch.errors import InputError

_SAMPLE = 50_000
_HANZI_RUN = re.compile(r"[\u4e00-\u9fff]{2,}")
_HANZI = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
_PRIVATE_USE = re.compile(r"[\ue000-\uf8ff]")
_CID = re.compile(r"\(cid:\d+\)")
_REPLACEMENT = "\ufffd"
_NON_ASCII_RUN = re.compile(r"[^\x00-\x7f\ufffd]+")
#: Characters the mojibake test looks at: a few thousand decide it either way.
_GBK_SAMPLE = 5000

#: Share of private-use glyphs / replacement characters (among non-ASCII characters) that makes
#: a text unreadable.  Real documents hold a few (a logo glyph, one damaged byte), never this many.
MAX_PRIVATE_USE = 0.05
MAX_REPLACEMENT = 0.05
#: Share of glyph codes ``(cid:N)`` among glyphs that marks a font without a Unicode map.
MAX_CID = 0.05
#: Below this many two-hanzi pairs the repetition test says nothing (a short note is allowed).
MIN_BIGRAMS = 300
#: Real Chinese repeats its words: in every report of the visible corpus, 15 % or more of the
#: hanzi pairs of its first 300 pairs occur twice or more.  Common characters drawn at random
#: repeat almost none (0 % on 3,000 characters).  Half of the lowest real share is the limit.
MIN_REPEATED_BIGRAMS = 0.05


def check_plausible_chinese(text: str, name: str) -> None:
    """Raise ``InputError`` when ``text`` is not text a person could read as Chinese."""
    sample = text[:_SAMPLE]
    # Counted without building lists: this runs on every document, so it must stay cheap.
    non_ascii = len(sample) - len(sample.encode("ascii", "ignore"))
    if not non_ascii:
        return
    cids = sample.count("(cid:") and len(_CID.findall(sample))
    if cids and cids / (cids + non_ascii) > MAX_CID:
        raise InputError(
            f"{name} uses a font without a Unicode map: its text layer holds glyph codes ((cid:N)), not "
            "characters; run OCR on it or ask for a PDF with embedded Unicode fonts"
        )
    private = len(_PRIVATE_USE.findall(sample)) if _PRIVATE_USE.search(sample) else 0
    if private / non_ascii > MAX_PRIVATE_USE:
        raise InputError(
            f"{name} is not readable text: {100 * private / non_ascii:.0f}% of its characters are private-use "
            "glyphs (a font without a Unicode map); run OCR on it or ask for the original"
        )
    replaced = sample.count(_REPLACEMENT)
    if replaced / non_ascii > MAX_REPLACEMENT:
        if looks_like_utf8_read_as_gbk(sample):
            raise InputError(
                f"{name} is mojibake: UTF-8 text that was read as GBK and saved again, with bytes lost "
                "(replacement characters); it cannot be repaired, ask for the original file"
            )
        raise InputError(
            f"{name} is damaged: {100 * replaced / non_ascii:.0f}% of its characters are the replacement character "
            "U+FFFD (it was decoded with the wrong encoding and saved); ask for the original file"
        )
    if looks_like_utf8_read_as_gbk(sample):
        raise InputError(
            f"{name} is mojibake: UTF-8 text that was read as GBK and saved again; ask for the original file"
        )
    share = repeated_bigram_share(sample)
    if share is not None and share < MIN_REPEATED_BIGRAMS:
        raise InputError(
            f"{name} is not plausible Chinese: its characters do not form words ({100 * share:.0f}% of its "
            "character pairs repeat; real text repeats far more) — it is scrambled or wrongly decoded"
        )


def repeated_bigram_share(text: str) -> float | None:
    """Share of the first ``MIN_BIGRAMS`` hanzi pairs of ``text`` that occur twice or more in them.

    None when the text has fewer pairs than that.  Measured on a fixed number of pairs so that the
    share does not depend on the document's length.
    """
    pairs: list[str] = []
    for run in _HANZI_RUN.finditer(text):
        word = run.group()
        pairs.extend(word[i : i + 2] for i in range(len(word) - 1))
        if len(pairs) >= MIN_BIGRAMS:
            break
    if len(pairs) < MIN_BIGRAMS:
        return None
    counts = Counter(pairs[:MIN_BIGRAMS])
    return sum(c for c in counts.values() if c > 1) / MIN_BIGRAMS


def looks_like_utf8_read_as_gbk(text: str) -> bool:
    """Whether the hanzi of ``text`` are UTF-8 bytes shown as GBK characters (``鏀垮簻`` for ``政府``).

    Encoding such text back to GBK gives valid UTF-8 for most of it; real Chinese re-encoded the
    same way gives almost none (GBK's byte pairs are rarely valid UTF-8 sequences).
    """
    good = bad = 0
    for run in _NON_ASCII_RUN.finditer(text[:_GBK_SAMPLE]):
        try:
            raw = run.group().encode("gbk")
        except UnicodeEncodeError:
            continue
        decoded = raw.decode("utf-8", errors="replace")
        good += len(_HANZI.findall(decoded))
        bad += decoded.count(_REPLACEMENT)
    return good >= 20 and good > 3 * bad
