"""The word lists' regular expressions: ``alternation`` builds a trie that must match exactly
what the flat list of the words, longest first, matched (every extractor is built on it)."""

from __future__ import annotations

import random
import re

from planwatch.lexicon import alternation, load_lexicon
from planwatch.projects.taxonomy import load_project_taxonomy


def _flat(words: list[str] | set[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def test_longest_word_wins_and_shorter_words_stay_reachable() -> None:
    pattern = re.compile(alternation(["建设", "建设项目", "建成", "推进", "等"]))
    found = [m.group() for m in pattern.finditer("推进建设项目建设，建成等")]
    assert found == ["推进", "建设项目", "建设", "建成", "等"]
    assert pattern.fullmatch("建") is None  # a shared first character is not a word of its own
    # backtracking: a shorter word is tried when what follows the longer one fails
    tail = re.compile(rf"(?:{alternation(['开工', '开工建设'])})建设")
    assert tail.fullmatch("开工建设") is not None


def test_special_characters_and_the_empty_word_are_kept_literal() -> None:
    assert re.fullmatch(alternation(["a.b", "(x)"]), "a.b")
    assert re.fullmatch(alternation(["a.b", "(x)"]), "axb") is None
    assert re.fullmatch(alternation(["", "亿"]), "")  # an empty word: the flat list, as before


def test_trie_matches_what_the_flat_list_matched_on_real_word_lists() -> None:
    """The project taxonomy's cue words and the lexicon's units over a corpus text: same matches."""
    tax = load_project_taxonomy()
    lists = [
        {*tax.after_cues, *tax.before_cues, *tax.list_cues, "项目", "工程"},
        set(load_lexicon().raw.get("base_units") or []),
    ]
    text = (
        "实现地区生产总值111.5亿元，同比增长7.6%；开工建设锦州港三期、渤海大学新校区等项目，"
        "货物运输周转量2353.88亿吨公里，竣工投产项目12个，续建项目全部完工。"
    )
    rng = random.Random(7)
    for words in lists:
        assert words
        trie, flat = re.compile(alternation(words)), re.compile(_flat(words))
        assert [m.span() for m in trie.finditer(text)] == [m.span() for m in flat.finditer(text)]
        for _ in range(200):  # text made of the words themselves, run together
            sample = "".join(rng.choice(sorted(words)) for _ in range(5))
            assert [m.span() for m in trie.finditer(sample)] == [m.span() for m in flat.finditer(sample)]
