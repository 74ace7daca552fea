"""The *Decision log* section the plugin adds to a site's navigation."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from ..core.identity import record_folder
from ..site.page_titles import title_html
from .host import File, Navigation, Page, Section


def add_decision_log(
    nav: Navigation, title: str, pages: Sequence[File], records: Mapping[str, File]
) -> None:
    """Append a section with the generated `pages` then the `records` (by path, in order),
    subfolders as sub-sections; nothing when there is nothing to list."""
    children: list[Any] = [file.page for file in pages if isinstance(file.page, Page)]
    children += _record_entries(records)
    if not children:
        return
    section = Section(title_html(title), children)  # themes print section titles as HTML
    nav.items.append(section)
    _link_parents(section)
    nav.pages = _pages_of(nav.items)
    _link_siblings(nav.pages)


def _record_entries(records: Mapping[str, File]) -> list[Any]:
    entries: list[Any] = []
    sections: dict[str, Section] = {}
    for path, file in records.items():
        if not isinstance(file.page, Page):
            continue
        category = record_folder(path)
        if not category:
            entries.append(file.page)
            continue
        if category not in sections:
            name = category.rsplit("/", 1)[-1].replace("-", " ").capitalize()
            sections[category] = Section(title_html(name), [])
            entries.append(sections[category])
        sections[category].children.append(file.page)
    return entries


def _pages_of(items: list[Any]) -> list[Page]:
    pages: list[Page] = []
    for item in items:
        if isinstance(item, Page):
            pages.append(item)
        elif getattr(item, "children", None):
            pages.extend(_pages_of(item.children))
    return pages


def _link_parents(section: Section) -> None:
    for child in section.children:
        child.parent = section
        if isinstance(child, Section):
            _link_parents(child)


def _link_siblings(pages: list[Page]) -> None:
    for index, page in enumerate(pages):
        page.previous_page = pages[index - 1] if index > 0 else None
        page.next_page = pages[index + 1] if index + 1 < len(pages) else None
