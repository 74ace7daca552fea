"""A record's own fragments, rendered where it is parsed (in a worker during a build).

The header (without relation banners, which need the other records) and the option comparison
depend only on the record, on where its page is published and on the C4 elements. Rendering
them next to the parse keeps the templates off the build's critical path.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..c4 import C4Index
from ..core.export import record_fields
from ..core.labels import Labels, catalogue
from ..core.model import Decision
from .render.renderer import Renderer
from .render.views import ElementLink, kind_label
from .urls import relative_url

BANNERS = "<!--madr-banners-->"
"""Marks the place of relation banners in a pre-rendered header."""


ElementInfo = tuple[str, str, str | None]
"""What a record's header says of a C4 element: label, kind, site-relative URL of its page."""


@dataclass(frozen=True)
class PagePlan:
    """What rendering a record's fragments needs to know, in a form a worker can receive.

    Attributes:
        statuses: Status vocabulary and colours.
        templates_dir: The user's template overrides, if any.
        pages: Record path → site-relative URL of its page.
        index_url: Site-relative URL of the decision log, if there is one.
        elements: C4 alias → (label, kind, site-relative URL of its diagram page or None).
        labels: The labels the site writes, as (name, text) pairs.
    """

    statuses: tuple[tuple[str, str], ...]
    templates_dir: Path | None = None
    labels: tuple[tuple[str, str], ...] = ()
    pages: dict[str, str] = field(default_factory=dict, hash=False, compare=False)
    index_url: str | None = None
    elements: dict[str, ElementInfo] = field(default_factory=dict, hash=False, compare=False)

    @functools.cached_property
    def fingerprint(self) -> tuple[object, ...]:
        """Equal for plans that render the same fragments, page URLs aside (serve cache)."""
        return (
            self.statuses,
            self.labels,
            str(self.templates_dir),
            self.index_url,
            tuple(sorted(self.elements.items())),
        )


@dataclass(frozen=True, slots=True)
class Fragments:
    """A record's pre-rendered header and comparison, and its own fields as JSON."""

    header: str
    comparison: str
    record_json: str
    """The record's own fields (`export.record_fields`) as a JSON object."""
    justification: str = ""
    """`Chosen option: …, because …`, for the comparison shown on other pages."""


def prerender(decision: Decision, plan: PagePlan) -> Fragments | None:
    """The header (with `BANNERS` where relations go) and the comparison of one record."""
    page = plan.pages.get(decision.file)
    if page is None or not decision.is_record:
        return None
    renderer = _renderer(plan.statuses, plan.templates_dir, plan.labels)
    index = relative_url(plan.index_url, page) if plan.index_url is not None else None
    elements = [element_link(alias, plan.elements, page) for alias in decision.c4]
    header = renderer.header(decision, index, elements, banners=BANNERS)
    record_json = json.dumps(record_fields(decision), ensure_ascii=False)
    return Fragments(
        header, renderer.comparison(decision), record_json, renderer.justification(decision)
    )


def element_info(
    index: C4Index, url_of: Callable[[str], str | None], labels: Labels | None = None
) -> dict[str, ElementInfo]:
    """Every element of the architecture by alias; `url_of` gives a docs page's URL."""
    return {
        element.alias: (
            element.label or element.alias,
            kind_label(element.kind, labels),
            url_of(element.page),
        )
        for element in index.elements()
    }


def element_link(
    alias: str,
    elements: dict[str, ElementInfo],
    page: str,
    relative: Callable[[str, str], str] = relative_url,
) -> ElementLink:
    """The link from the page at URL `page` to the element's row under its diagram."""
    found = elements.get(alias)
    if found is None:
        return ElementLink(alias, alias, "not in any diagram", None)
    label, kind, url = found
    href = f"{relative(url, page)}#c4-{alias}" if url is not None else None
    return ElementLink(alias, label, kind, href)


@functools.lru_cache(maxsize=4)
def _renderer(
    statuses: tuple[tuple[str, str], ...],
    templates_dir: Path | None,
    labels: tuple[tuple[str, str], ...],
) -> Renderer:
    return Renderer(None, dict(statuses), templates_dir, dict(labels) or catalogue(None))
