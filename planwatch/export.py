"""Export: the store's facts, series and targets as pandas DataFrames, CSV, JSON or Excel.

The frames are built from the same library calls the CLI uses (``Store.facts``,
``planwatch.monitor.series``, ``planwatch.monitor.targets``), so a frame and a command's output
always agree.  pandas
is imported only here and only when a frame is asked for: ingest and the questions do not pay
its start-up time.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from planwatch.errors import PlanWatchError

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from planwatch.store.core import Store

FORMATS = ("csv", "json", "xlsx")
WHATS = ("facts", "series", "targets", "documents", "corrections")

# Facts are exported with the FACTS.md fields first, in its order, then ours.
FACT_EXPORT_COLUMNS: tuple[str, ...] = (
    "id", "doc", "start", "end", "text", "indicator", "mention", "measure", "value", "unit", "kind",
    "period", "region", "qualifier", "indicator_id", "region_id", "region_parent_id", "norm_value",
    "norm_unit", "status", "is_current", "source", "quote", "document_id", "doc_year", "doc_type",
    "doc_version",
)  # fmt: skip


class ExportError(PlanWatchError):
    """An export that cannot be written as asked."""


def _pandas() -> Any:
    try:
        import pandas
    except ImportError as e:  # pragma: no cover - pandas is a dependency
        raise ExportError("pandas is needed for DataFrames and Excel export: pip install pandas openpyxl") from e
    return pandas


def facts_frame(store: Store, **filters: Any) -> pd.DataFrame:
    """Every fact matching ``filters`` (``Store.facts`` arguments), one row each."""
    rows = store.facts(**filters)
    return _pandas().DataFrame(rows, columns=list(FACT_EXPORT_COLUMNS))


def series_frame(store: Store, indicator: str, *, region: str, **kw: Any) -> pd.DataFrame:
    """``monitor.series`` as a frame: one row per value and source, ``preferred`` marked."""
    from planwatch.monitor.series import SeriesPoint, series

    points = series(store, indicator, region=region, **kw)
    columns = list(SeriesPoint.__dataclass_fields__)
    return _pandas().DataFrame([p.to_dict() for p in points], columns=columns)


def targets_frame(store: Store, *, region: str, **kw: Any) -> pd.DataFrame:
    """``monitor.targets`` as a frame (growth rates in percent; ``other_values`` as JSON text)."""
    from planwatch.monitor.targets import TargetAssessment, targets

    rows = []
    for t in targets(store, region=region, **kw):
        d = t.to_dict()
        d["other_values"] = json.dumps(d["other_values"], ensure_ascii=False) if d["other_values"] else ""
        rows.append(d)
    return _pandas().DataFrame(rows, columns=list(TargetAssessment.__dataclass_fields__))


def rows_for(
    store: Store, what: str, *, region: str | None = None, indicator: str | None = None, **filters: Any
) -> list[dict[str, Any]]:
    """The rows of one export table as plain dicts (what CSV and JSON write)."""
    if what == "facts":
        rows = store.facts(region=region, indicator=indicator, **filters)
        return [{c: r.get(c) for c in FACT_EXPORT_COLUMNS} for r in rows]
    if what == "series":
        if not indicator or not region:
            raise ExportError("exporting a series needs --indicator and --region")
        from planwatch.monitor.series import series

        return [p.to_dict() for p in series(store, indicator, region=region, **_only(filters, "measure", "kind"))]
    if what == "targets":
        if not region:
            raise ExportError("exporting targets needs --region")
        from planwatch.monitor.targets import targets

        return [t.to_dict() for t in targets(store, region=region, indicator=indicator, **_only(filters, "plan"))]
    if what == "documents":
        return store.documents(current=False)
    if what == "corrections":
        return store.corrections()
    raise ExportError(f"unknown export {what!r}: choose one of {', '.join(WHATS)}")


def _only(filters: dict[str, Any], *names: str) -> dict[str, Any]:
    return {k: v for k, v in filters.items() if k in names and v is not None}


def write_csv(rows: Sequence[dict[str, Any]], out: TextIO, columns: Sequence[str] | None = None) -> None:
    """A header row and one line per row; ``None`` is an empty cell, lists and dicts are JSON."""
    cols = list(columns or (rows[0].keys() if rows else []))
    writer = csv.DictWriter(out, fieldnames=cols, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for r in rows:
        writer.writerow({c: _cell(r.get(c)) for c in cols})


def _cell(v: Any) -> Any:
    if v is None:
        return ""
    if isinstance(v, list | dict):
        return json.dumps(v, ensure_ascii=False)
    return v


def write_json(rows: Sequence[dict[str, Any]], out: TextIO) -> None:
    """A JSON array, UTF-8 readable (Chinese not escaped)."""
    json.dump(list(rows), out, ensure_ascii=False, indent=1, default=str)
    out.write("\n")


def write_xlsx(
    store: Store,
    path: str | Path,
    *,
    region: str | None = None,
    indicator: str | None = None,
    what: str = "facts",
    **filters: Any,
) -> list[str]:
    """An Excel workbook: the chosen table, plus documents and corrections for a full dump.

    Returns the sheet names written.
    """
    pd = _pandas()
    sheets: dict[str, list[dict[str, Any]]] = {
        what: rows_for(store, what, region=region, indicator=indicator, **filters)
    }
    if what == "facts":
        sheets["documents"] = rows_for(store, "documents")
        sheets["corrections"] = rows_for(store, "corrections")
    try:
        with pd.ExcelWriter(path, engine="openpyxl") as writer:
            for name, rows in sheets.items():
                frame = pd.DataFrame([{k: _cell(v) for k, v in r.items()} for r in rows])
                frame.to_excel(writer, sheet_name=name, index=False)
    except ImportError as e:  # pragma: no cover - openpyxl is a dependency
        raise ExportError("Excel export needs openpyxl: pip install openpyxl") from e
    except OSError as e:
        raise ExportError(f"cannot write {path}: {e.strerror or e}") from e
    return list(sheets)
