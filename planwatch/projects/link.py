"""Linking mentions of one project across documents and years.

Two mentions are one project when their names are (``names.same_project``) and their regions
are compatible: the same region, or one inside the other (``茂业中心`` of the 凌河区 report and
``茂业百货`` of the 锦州市 report), never two sibling districts.  Projects are looked up within
a *scope*, the prefecture-level city (or the province, for a provincial mention) of the
mention's region, so linking a new document only reads the projects of its city.
"""

from __future__ import annotations

from dataclasses import dataclass

from planwatch.gazetteer import Gazetteer, Region, load_gazetteer
from planwatch.projects.names import NameKeys, same_project


def scope_of(region: Region | None, gazetteer: Gazetteer | None = None) -> str:
    """The code of the prefecture-level unit a region belongs to (the province for a province)."""
    if region is None:
        return ""
    gazetteer = gazetteer or load_gazetteer()
    if region.level in ("province", "city"):
        return region.code
    for parent in gazetteer.parents(region):
        if parent.level == "city":
            return parent.code
    return region.province_code


def regions_compatible(a: Region | None, b: Region | None, gazetteer: Gazetteer | None = None) -> bool:
    """The same region, or one containing the other; an unknown region is compatible with any."""
    if a is None or b is None:
        return True
    gazetteer = gazetteer or load_gazetteer()
    return a.code == b.code or gazetteer.contains(a, b) or gazetteer.contains(b, a)


@dataclass
class Linkable:
    """What linking needs of a mention or a project: its keys and its region."""

    keys: NameKeys
    region: Region | None


def links(a: Linkable, b: Linkable, gazetteer: Gazetteer | None = None) -> bool:
    """Whether two mentions (or a mention and a project's mention) denote one project."""
    return regions_compatible(a.region, b.region, gazetteer) and same_project(a.keys, b.keys)


def cluster(items: list[Linkable], gazetteer: Gazetteer | None = None) -> list[int]:
    """Union-find over ``items``: the cluster index of each item (linking is transitive)."""
    parent = list(range(len(items)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(len(items)):
        for j in range(i):
            if find(i) != find(j) and links(items[i], items[j], gazetteer):
                parent[find(i)] = find(j)
    roots: dict[int, int] = {}
    return [roots.setdefault(find(i), len(roots)) for i in range(len(items))]
