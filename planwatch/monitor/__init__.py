"""Plan monitoring over the store: series, targets against actuals, conflicts, comparisons.

A layer above the store: each question is a function that takes a ``planwatch.store.Store``
and reads it (``series(store, "地区生产总值", region="锦州市")``); the store knows nothing of
them.  ``growth`` holds the arithmetic and the target statuses as pure functions.

Key projects likewise: ``ProjectQueries(store)`` lists them, gives a project's page and the
counts the documents state, and ``portfolio`` totals them by sector and stage.
"""

from planwatch.monitor.compare import CompareRow, compare
from planwatch.monitor.conflicts import Conflict, conflicts
from planwatch.monitor.projects import ProjectQueries
from planwatch.monitor.series import SeriesPoint, series
from planwatch.monitor.targets import TargetAssessment, targets

__all__ = [
    "CompareRow",
    "Conflict",
    "ProjectQueries",
    "SeriesPoint",
    "TargetAssessment",
    "compare",
    "conflicts",
    "series",
    "targets",
]
