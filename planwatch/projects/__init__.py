"""Key-project library (重点项目库): project mentions extracted, linked across documents, tracked."""

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
