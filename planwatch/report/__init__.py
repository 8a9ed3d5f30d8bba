"""Mid-term evaluation reports (规划实施中期评估) of a region's plan, in Markdown, HTML, DOCX and PDF.

``build_report`` assesses the plan's targets from a ``Store`` into one ``Report``;
``render`` turns it into the bytes of a format; ``write_report`` does both and writes the file
atomically (a temporary file renamed at the end, so a failure leaves nothing half-written).
"""

from planwatch.report.model import Report, ReportError, Source, TargetRow, build_report
from planwatch.report.output import FORMATS, format_for, render, write_report

__all__ = [
    "FORMATS",
    "Report",
    "ReportError",
    "Source",
    "TargetRow",
    "build_report",
    "format_for",
    "render",
    "write_report",
]
