"""Indicator facts from tables (placeholder until the table stage lands)."""

from __future__ import annotations

from planwatch.normalize import NormalizedText
from planwatch.structure import Layout


def extract_tables(norm: NormalizedText, layout: Layout) -> list:
    return []
