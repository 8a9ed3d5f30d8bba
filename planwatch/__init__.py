"""PlanWatch (规划监测): indicator facts from Chinese regional development documents."""

from planwatch.context import StatedContext
from planwatch.model import Document, Fact, Segment
from planwatch.pipeline import extract, extract_text

__all__ = ["Document", "Fact", "Segment", "StatedContext", "extract", "extract_text"]
__version__ = "0.1.0"
