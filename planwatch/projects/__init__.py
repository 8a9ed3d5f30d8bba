"""Key projects (重点项目库) read from a document: mentions, counts, names, stages, sectors.

Pure functions of a ``Document``, below the store (no database): ``planwatch.store.projects``
stores, links and corrects what is extracted here, ``planwatch.monitor.projects`` asks about it.
"""

from planwatch.projects.extract import ProjectExtractor, extract_projects
from planwatch.projects.model import Capacity, Investment, ProjectCount, ProjectExtraction, ProjectMention, Span
from planwatch.projects.taxonomy import ProjectTaxonomy, load_project_taxonomy

__all__ = [
    "Capacity",
    "Investment",
    "ProjectCount",
    "ProjectExtraction",
    "ProjectExtractor",
    "ProjectMention",
    "ProjectTaxonomy",
    "Span",
    "extract_projects",
    "load_project_taxonomy",
]
