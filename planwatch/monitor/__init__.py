"""Plan monitoring over the store: series, targets against actuals, conflicts, comparisons.

Each question is a function of a ``planwatch.store.Store`` (also reachable as a method of the
store); ``growth`` holds the arithmetic and the target statuses as pure functions.
"""

from planwatch.monitor.compare import CompareRow, compare
from planwatch.monitor.conflicts import Conflict, conflicts
from planwatch.monitor.series import SeriesPoint, series
from planwatch.monitor.targets import TargetAssessment, targets

__all__ = [
    "CompareRow",
    "Conflict",
    "SeriesPoint",
    "TargetAssessment",
    "compare",
    "conflicts",
    "series",
    "targets",
]
