"""The view of the In force page: what holds today, as a table and by category, tag and
architecture element."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from urllib.parse import quote

from ...core.collection import Collection
from ...core.in_force import replaced_in_part
from ...core.labels import Labels
from ...core.model import Decision
from .views import Link, StatusStyle, TimelineEntry, entries


@dataclass
class InForceRow:
    entry: TimelineEntry
    chosen: str
    partly: list[TimelineEntry]
    """The records that supersede a part of it."""


@dataclass
class InForceGroup:
    label: str
    url: str | None
    entries: list[TimelineEntry]
    alias: str = ""


@dataclass
class InForceView:
    rows: list[InForceRow]
    groupings: list[tuple[str, list[InForceGroup]]] = field(default_factory=list)
    """(heading, groups): by category, by tag, by architecture element; empty ones left out."""


def in_force_view(
    decisions: Sequence[Decision],
    collection: Collection,
    style: StatusStyle,
    link: Link,
    *,
    labels: Labels,
    index_url: str | None,
    element_label: Callable[[str], str],
    element_url: Callable[[str], str | None],
) -> InForceView:
    """`decisions` are the records in force, in the log's order."""

    def listed(chosen: Sequence[Decision]) -> list[TimelineEntry]:
        return entries(chosen, style, link)

    rows = []
    for decision in decisions:
        successors = [collection.by_key[key] for key in replaced_in_part(decision)]
        rows.append(InForceRow(listed([decision])[0], decision.chosen or "", listed(successors)))
    groupings: list[tuple[str, list[InForceGroup]]] = []
    categorised = any(decision.category for decision in decisions)
    categories = _grouped(decisions, lambda d: [d.category]) if categorised else []
    if categories:
        groups = [
            InForceGroup(name or labels["no_category"], None, listed(found))
            for name, found in categories
        ]
        groupings.append((labels["by_category"], groups))
    tags = _grouped(decisions, lambda d: d.tags, fold=True)
    if tags:
        groups = [
            InForceGroup(name, _tag_url(index_url, name), listed(found)) for name, found in tags
        ]
        groupings.append((labels["by_tag"], groups))
    elements = _grouped(decisions, lambda d: d.c4)
    if elements:
        groups = [
            InForceGroup(element_label(alias), element_url(alias), listed(found), alias)
            for alias, found in elements
        ]
        groups.sort(key=lambda group: (group.label.lower(), group.alias))
        groupings.append((labels["by_element"], groups))
    return InForceView(rows, groupings)


def _grouped(
    decisions: Sequence[Decision], names: Callable[[Decision], list[str]], *, fold: bool = False
) -> list[tuple[str, list[Decision]]]:
    """(name, records) for every name the records carry, sorted by name; with `fold`, names
    that differ only in case are one, spelt as first seen."""
    groups: dict[str, tuple[str, list[Decision]]] = {}
    for decision in decisions:
        for name in dict.fromkeys(names(decision)):
            key = name.lower() if fold else name
            groups.setdefault(key, (name, []))[1].append(decision)
    return [groups[key] for key in sorted(groups, key=lambda key: (key.lower(), key))]


def _tag_url(index_url: str | None, tag: str) -> str | None:
    """The decision log filtered by the tag."""
    return f"{index_url}?tag={quote(tag)}" if index_url is not None else None
