"""Applying confirmations, corrections and rejections to fact rows.

A correction is stored once, in ``corrections``, with the keys that find its fact again
(``records.fact_keys``), and applied to the fact row itself, so queries read corrected values
with no join.  When a document is re-ingested, its new fact rows get every correction of the
document again, oldest first (``reapply``): that is how a correction survives a new version or
a re-extraction.  Nothing is ever deleted — a rejected fact is marked ``rejected`` and left out
of the questions, and the fact as first extracted stays in ``facts.extracted``.
"""

from __future__ import annotations

import json
import math
from typing import Any

from planwatch.errors import PlanWatchError
from planwatch.store.records import (
    CORRECTABLE_FIELDS,
    KINDS,
    MEASURES,
    QUALIFIERS,
    Resolver,
    normalised,
    parse_period,
)

ACTIONS = ("confirm", "correct", "reject")
_NULLS = ("", "null", "none", "-")


class CorrectionError(PlanWatchError):
    """A correction that cannot be applied: unknown fact, unknown field, invalid value."""


def coerce_changes(changes: dict[str, Any]) -> dict[str, Any]:
    """Validate and type the fields of a correction (CLI values arrive as strings)."""
    out: dict[str, Any] = {}
    for field, raw in changes.items():
        if field in ("doc", "start", "end", "text"):
            raise CorrectionError(
                f"{field!r} is where the fact stands in its document and cannot be corrected; "
                "reject the fact if the number is not a fact"
            )
        if field not in CORRECTABLE_FIELDS:
            raise CorrectionError(f"unknown field {field!r}: correctable are {', '.join(CORRECTABLE_FIELDS)}")
        value = raw
        if field == "value":
            try:
                value = float(raw)
            except (TypeError, ValueError):
                raise CorrectionError(f"value must be a number, not {raw!r}") from None
            if not math.isfinite(value):
                raise CorrectionError(f"value must be a finite number, not {raw!r}")
        elif field == "qualifier":
            value = None if raw is None or str(raw).strip().lower() in _NULLS else str(raw).strip()
            if value is not None and value not in QUALIFIERS:
                raise CorrectionError(f"qualifier must be one of {', '.join(QUALIFIERS)} or null, not {raw!r}")
        elif field in ("indicator_id", "region_id"):
            value = None if raw is None or str(raw).strip().lower() in _NULLS else str(raw).strip()
        else:
            value = "" if raw is None else str(raw).strip()
            if field == "measure" and value not in MEASURES:
                raise CorrectionError(f"measure must be one of {', '.join(MEASURES)}, not {raw!r}")
            if field == "kind" and value not in KINDS:
                raise CorrectionError(f"kind must be one of {', '.join(KINDS)}, not {raw!r}")
            if field == "period" and parse_period(value) == (None, None):
                raise CorrectionError(f"period must be a year (2020) or a span (2021-2025), not {raw!r}")
            if field in ("indicator", "region") and not value:
                raise CorrectionError(f"{field} cannot be empty")
        out[field] = value
    return out


def derived_columns(
    row: dict[str, Any], changes: dict[str, Any], resolver: Resolver, context_region: Any = None
) -> dict[str, Any]:
    """The new column values of ``row`` after ``changes``, derived columns recomputed."""
    new = dict(row)
    new.update(changes)
    if "indicator" in changes or "mention" in changes or "indicator_id" in changes:
        if changes.get("indicator_id") and resolver.taxonomy.get(changes["indicator_id"]) is None:
            raise CorrectionError(f"unknown indicator id {changes['indicator_id']!r}")
        given = changes.get("indicator_id", None if "indicator" in changes else row.get("indicator_id"))
        indicator = resolver.indicator(new["indicator"], new.get("mention") or "", given)
        new["indicator_id"] = indicator.id if indicator else None
        if indicator is not None and "indicator" not in changes:
            new["indicator"] = indicator.name
    indicator = resolver.taxonomy.get(new["indicator_id"]) if new.get("indicator_id") else None
    new["indicator_key"] = indicator.id if indicator else new["indicator"]
    if "region" in changes or "region_id" in changes:
        if changes.get("region_id"):
            region = resolver.gazetteer.get(changes["region_id"])
            if region is None:
                raise CorrectionError(f"unknown region code {changes['region_id']!r}")
            parent = None
            if "region" not in changes:
                new["region"] = region.name
        else:
            region, parent = resolver.region(new["region"], context_region)
        new["region_id"] = region.code if region else None
        new["region_parent_id"] = region.parent_code if region else (parent.code if parent else None)
        new["region_key"] = region.code if region else new["region"]
    if "period" in changes:
        new["period_start"], new["period_end"] = parse_period(new["period"])
    new["norm_value"], new["norm_unit"] = normalised(float(new["value"]), new["unit"], new["measure"], indicator)
    return new


SETTABLE = (
    "indicator", "mention", "measure", "value", "unit", "kind", "period", "region", "qualifier",
    "indicator_id", "region_id", "region_parent_id", "indicator_key", "region_key", "period_start",
    "period_end", "norm_value", "norm_unit", "status",
)  # fmt: skip

PUBLIC_FIELDS = (
    "indicator", "mention", "measure", "value", "unit", "kind", "period", "region", "qualifier",
    "indicator_id", "region_id", "status",
)  # fmt: skip


def public_state(row: dict[str, Any]) -> dict[str, Any]:
    """The part of a fact row an audit entry records as before/after."""
    return {k: row.get(k) for k in PUBLIC_FIELDS}


def next_status(action: str, current: str) -> str:
    """Status after ``action``: a correction implies a check, so confirming keeps ``corrected``."""
    if action == "reject":
        return "rejected"
    if action == "correct":
        return "corrected"
    return "corrected" if current == "corrected" else "confirmed"


def to_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
