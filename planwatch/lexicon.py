"""The extractor's word lists, loaded once from ``data/lexicon.yaml``."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml


@dataclass(frozen=True)
class Lexicon:
    raw: dict[str, Any]

    def __getitem__(self, key: str) -> Any:
        return self.raw[key]

    @property
    def magnitudes(self) -> list[str]:
        return sorted(self.raw["magnitudes"], key=len, reverse=True)

    @property
    def base_units(self) -> list[str]:
        return sorted(self.raw["base_units"], key=len, reverse=True)

    @property
    def count_words(self) -> list[str]:
        return sorted(set(self.raw["count_words"]), key=len, reverse=True)


@cache
def load_lexicon() -> Lexicon:
    text = resources.files("planwatch").joinpath("data/lexicon.yaml").read_text(encoding="utf-8")
    return Lexicon(yaml.safe_load(text))


def alternation(words: list[str] | set[str]) -> str:
    """A regex alternation of ``words`` in which the longest match wins.

    Written as a trie (``建(?:设|成)|推进``), not as the words one after another: Python's ``re``
    tries the alternatives of a flat list one by one at every position, and the word lists of the
    lexicon hold hundreds of words, read at every character of every document.  The trie matches
    what the flat list, longest first, matches, and backtracks the same way: at one position only
    words that are prefixes of one another can both match, and a greedy optional part tries the
    longer first."""
    unique = sorted(set(words), key=len, reverse=True)
    if "" in unique:
        return "|".join(re.escape(w) for w in unique)
    trie: dict[str, dict] = {}
    for word in unique:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[_END] = {}
    return _branches(trie)


_END = ""  # the key that marks the end of a word in the trie (no word's character is empty)


def _branches(node: dict[str, dict]) -> str:
    return "|".join(re.escape(ch) + _rest(child) for ch, child in node.items() if ch != _END)


def _rest(node: dict[str, dict]) -> str:
    more = [ch for ch in node if ch != _END]
    if not more:
        return ""
    inner = _branches(node)
    if _END in node:
        return f"(?:{inner})?"
    return inner if len(more) == 1 else f"(?:{inner})"
