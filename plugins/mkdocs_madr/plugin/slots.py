"""Placeholders for generated HTML, put into page Markdown and filled in after rendering.

Generated fragments are HTML already. Handing them to Python-Markdown would only make it parse
them again, so a page gets a one-line comment per fragment and the fragment replaces the comment
in the rendered page. A random token per build means page content cannot forge a slot.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from dataclasses import dataclass, field

from ..site.directives import Directive


@dataclass(frozen=True)
class HeaderSlot:
    """A record's header (status, dates, people, banners), after its title."""

    record: str
    marker: str


@dataclass(frozen=True)
class CompareSlot:
    """A record's option comparison, after its considered options."""

    record: str
    marker: str


@dataclass(frozen=True)
class FoldSlot:
    """Where the author's pros and cons, which the comparison sums up, fold open or close."""

    opening: bool
    marker: str


@dataclass(frozen=True)
class DirectiveSlot:
    """A `<!-- madr:… -->` directive: the log, timeline, graph, coverage or a comparison."""

    directive: Directive
    marker: str


@dataclass(frozen=True)
class DiagramSlot:
    """A Mermaid C4 diagram, drawn with its element table; `position` among the page's."""

    source: str
    position: int
    marker: str


Slot = HeaderSlot | CompareSlot | FoldSlot | DirectiveSlot | DiagramSlot


@dataclass
class Slots:
    """The placeholders of every page in one build."""

    token: str = field(default_factory=lambda: secrets.token_hex(6))
    pages: dict[str, list[Slot]] = field(default_factory=dict)

    def add(self, page: str, make: Callable[[str], Slot]) -> str:
        """Register on `page` the slot `make(marker)`; returns the Markdown line that marks
        its place."""
        slots = self.pages.setdefault(page, [])
        marker = f"<!--madr-slot:{self.token}:{len(slots)}-->"
        slots.append(make(marker))
        return marker

    def clear(self, page: str) -> None:
        self.pages.pop(page, None)

    def fill(self, page: str, html: str, render: Callable[[Slot], str | None]) -> str:
        """Replace the page's markers whose slot `render` handles (None leaves it in place).

        A marker Python-Markdown wrapped in a paragraph takes the paragraph with it.
        """
        slots = self.pages.get(page)
        prefix = f"<!--madr-slot:{self.token}:"
        if not slots or prefix not in html:
            return html
        parts: list[str] = []
        position = 0
        while (start := html.find(prefix, position)) != -1:
            end = html.find("-->", start)
            number = html[start + len(prefix) : end]
            if end == -1 or not number.isdigit() or int(number) >= len(slots):
                break
            result = render(slots[int(number)])
            cut, after = start, end + 3
            if result is not None:
                if html.endswith("<p>", position, start) and html.startswith("</p>", after):
                    cut, after = start - 3, after + 4
                parts += [html[position:cut], result]
            else:
                parts.append(html[position:after])
            position = after
        parts.append(html[position:])
        return "".join(parts)
