"""The extractor's word lists, loaded once from ``data/lexicon.yaml``."""

from __future__ import annotations

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
    """A regex alternation of ``words``, longest first so the longest match wins."""
    import re

    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))
