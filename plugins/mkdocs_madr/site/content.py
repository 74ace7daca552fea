"""The HTML the site shows for records, directives, diagrams and glossary entries.

Pure: it knows the records, the architecture and where pages are published (`Urls`), and
returns HTML fragments. The plugin decides when each fragment goes into which page.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from urllib.parse import quote

from markupsafe import escape

from ..c4 import parse_c4
from ..core.collection import Collection
from ..core.diagnostics import Diagnostic
from ..core.in_force import decisions_in_force
from ..core.model import Decision
from ..core.slim import SlimDecision
from ..core.text import small_number
from .architecture import Architecture, coverage
from .cited_in import CitedIn
from .directives import Directive, reference_problems
from .fragments import BANNERS, ElementInfo, element_link
from .render.facts import FactsRenderer
from .render.renderer import Renderer
from .render.views import (
    ElementLink,
    Filters,
    Link,
    Neighbour,
    diagram_problems,
    element_rows,
    neighbours,
    reference,
)


@dataclass
class Urls:
    """Where things are published, as site-relative URLs, and how to point from one to another.

    Attributes:
        records: Record key → URL of its page.
        pages: Generated page name ("index", "timeline", "graph", "coverage") → URL.
        relative: `relative(target, page)`: the link from page URL `page` to URL `target`.
        mermaid: Where Mermaid comes from: a full URL, or a site-relative one when local.
        mermaid_local: Whether `mermaid` is site-relative.
        data: Site-relative URL of `decisions.json`, when the site has one.
        feed: Site-relative URL of the Atom feed, when the site has one.
    """

    records: dict[str, str]
    pages: dict[str, str]
    relative: Callable[[str, str], str]
    mermaid: str
    mermaid_local: bool
    data: str | None = None
    feed: str | None = None


class SiteContent:
    """Renders fragments for one build, relative to the page they go into."""

    def __init__(
        self,
        collection: Collection,
        architecture: Architecture,
        renderer: Renderer,
        urls: Urls,
        elements: dict[str, ElementInfo],
        comparisons: Callable[[Decision], tuple[str, str] | None] = lambda decision: None,
        cited: CitedIn | None = None,
        facts: FactsRenderer | None = None,
    ) -> None:
        """`elements` is what headers say of each C4 element (`fragments.element_info`);
        `comparisons` gives a record's pre-rendered comparison and justification, when there
        are; `cited`, where the repository cites each record."""
        self.cited = cited
        self.elements = elements
        self.comparisons = comparisons
        self.facts = facts
        """What the team keeps: a header's fields, review dates and history; the Due for
        review and Health pages."""
        """The header's fields, review dates and history (`render.facts.FactsRenderer`)."""
        self.collection = collection
        self.architecture = architecture
        self.renderer = renderer
        self.urls = urls
        self._positions: dict[int, int] | None = None

    def link(self, page_url: str) -> Link:
        records = self.urls.records
        relative = self.urls.relative

        def to(decision: Decision) -> str:
            url = records.get(decision.key)
            return relative(url, page_url) if url is not None else "#"

        return to

    def page(self, name: str, page_url: str) -> str | None:
        url = self.urls.pages.get(name)
        return self.urls.relative(url, page_url) if url is not None else None

    def mermaid(self, page_url: str) -> str:
        urls = self.urls
        return urls.relative(urls.mermaid, page_url) if urls.mermaid_local else urls.mermaid

    # --- record pages ---------------------------------------------------------------------

    def header(self, decision: Decision, page_url: str, prerendered: str | None = None) -> str:
        """The record's header with its relation banners and its neighbours in the log;
        `prerendered` saves the rest."""
        link = self.link(page_url)
        banners = self.renderer.banners(decision, link, self.neighbours(decision, link))
        if self.cited is not None:
            banners = "\n".join(part for part in (self.cited.html(decision.key), banners) if part)
        facts = self.facts(decision) if self.facts is not None else ""
        if facts:
            banners = facts + "\n" + banners
        if prerendered is not None:
            return prerendered.replace(BANNERS, banners)
        elements = [self.element_link(alias, page_url) for alias in decision.c4]
        return self.renderer.header(decision, self.page("index", page_url), elements, banners)

    def neighbours(
        self, decision: Decision, link: Link
    ) -> tuple[Neighbour | None, Neighbour | None]:
        if self._positions is None:
            self._positions = {id(d): i for i, d in enumerate(self.collection.decisions)}
        position = self._positions.get(id(decision))
        if position is None:
            return None, None
        return neighbours(decision, self.collection, position, link)

    def summary(self, decision: Decision) -> str:
        """The header's facts as one hidden line of text, for the search index: with the
        record's number, so that searching "ADR-0007" finds it."""
        labels = self.renderer.labels
        status = self.renderer.style.of(decision.status).label
        facts = [f"{labels['status']}: {status}"]
        if decision.number is not None:
            facts.insert(0, reference(decision))
        if decision.date:
            facts.append(f"{labels['date']}: {decision.date}")
        for key, names in (
            ("decision_makers", decision.deciders),
            ("consulted", decision.consulted),
            ("informed", decision.informed),
            ("tags", decision.tags),
            ("architecture_elements", decision.c4),
        ):
            if names:
                facts.append(f"{labels[key]}: {', '.join(names)}")
        return f'<p class="madr-summary" hidden>{escape(" · ".join(facts))}</p>'

    def comparison(self, decision: Decision, prerendered: str | None = None) -> str:
        if prerendered is not None:
            return prerendered
        assert not isinstance(decision, SlimDecision), "compared from its pre-rendered fragments"
        return self.renderer.comparison(decision)

    def fold(self, opening: bool) -> str:
        """Where the author's pros and cons fold open under the comparison, or close."""
        if not opening:
            return "</details>"
        summary = escape(self.renderer.labels["pros_and_cons_as_written"])
        return f'<details class="madr-pros"><summary>{summary}</summary>'

    def element_label(self, alias: str) -> str:
        found = self.elements.get(alias)
        return found[0] if found is not None else alias

    def element_link(self, alias: str, page_url: str) -> ElementLink:
        return element_link(alias, self.elements, page_url, self.urls.relative)

    # --- directives -------------------------------------------------------------------------

    def directive(
        self, directive: Directive, page_url: str, page: str
    ) -> tuple[str, list[Diagnostic]]:
        """The HTML of one directive, and problems with what its arguments name (the page's
        scan reports the others)."""
        return self._html(directive, page_url), reference_problems(directive, self.collection, page)

    def _html(self, directive: Directive, page_url: str) -> str:
        renderer = self.renderer
        link = self.link(page_url)
        decisions = filters_of(directive).apply(self.collection.decisions)
        if directive.name == "index":
            data = self.urls.data
            return renderer.index(
                decisions,
                link,
                self.page("timeline", page_url),
                self.page("graph", page_url),
                self.element_label,
                self.urls.relative(data, page_url) if data is not None else None,
                self.facts.declarations if self.facts is not None else None,
            )
        if directive.name == "timeline":
            feed = self.urls.feed
            return renderer.timeline(
                decisions, link, self.urls.relative(feed, page_url) if feed is not None else None
            )
        if directive.name == "graph":
            return renderer.graph(decisions, link, self.mermaid(page_url))
        if directive.name == "in-force":
            return renderer.in_force(
                decisions_in_force(decisions),
                link,
                self.page("index", page_url),
                self.element_label,
                lambda alias: self.element_link(alias, page_url).url,
            )
        if directive.name in ("review", "health") and self.facts is not None:
            if directive.name == "review":
                return self.facts.review_page(decisions, link)
            cited = self.cited.citations if self.cited is not None else None
            return self.facts.health_page(decisions, link, cited)
        if directive.name == "c4-coverage":
            wanted = {id(decision) for decision in decisions}
            unnamed = [d for d in self.architecture.unnamed if id(d) in wanted]
            return renderer.coverage(
                coverage(self.architecture),
                unnamed,
                link,
                lambda alias: self.element_link(alias, page_url).url,
            )
        return self._compare(directive, page_url)

    def _compare(self, directive: Directive, page_url: str) -> str:
        reference = directive.positional[0] if directive.positional else ""
        decision = self.collection.find(reference) if reference else None
        if decision is None:
            return ""
        labels = self.renderer.labels
        title = escape(
            labels["options_considered_in"].format(title=decision.title or decision.slug)
        )
        heading = f'<p class="madr-compare__title"><strong>{title}</strong></p>'
        prerendered = self.comparisons(decision)
        if prerendered is not None:
            comparison, justification = prerendered
        else:
            comparison = self.comparison(decision)
            justification = self.renderer.justification(decision)
        html = heading + "\n" + comparison + ("\n" + justification if justification else "")
        url = self.urls.records.get(decision.key)
        if url is not None:
            target = escape(self.urls.relative(url, page_url))
            text = escape(labels["read_the_decision"])
            html += f'\n<p class="madr-compare__source"><a href="{target}">{text}</a></p>'
        return html

    # --- diagrams and glossary ------------------------------------------------------------

    def diagram(
        self, source: str, position: int, page: str, page_url: str, anchors: set[str]
    ) -> str:
        """A C4 diagram drawn in the page, with its element table; anchors stay unique. When
        Mermaid cannot draw it, the reasons come above the table."""
        diagram, problems = parse_c4(source, page=page, first_line=1, index=position)

        def anchor(alias: str) -> str:
            name = f"c4-{alias}"
            if name in anchors:
                name = f"c4-{alias}-{position + 1}"
            anchors.add(name)
            return name

        rows = element_rows(
            diagram.elements,
            self.architecture.affecting,
            self.renderer.style,
            self.link(page_url),
            anchor,
        )
        refusals = [] if diagram.drawn else diagram_problems(problems)
        return self.renderer.c4_diagram(
            diagram,
            source,
            rows,
            self.mermaid(page_url),
            self.page("index", page_url),
            refusals,
        )

    def term_usage(self, decisions: Iterable[Decision], page_url: str, term: str) -> str:
        index = self.page("index", page_url)
        more = f"{index}?q={quote(term)}" if index is not None else None
        return self.renderer.term_usage(list(decisions), self.link(page_url), more)


def filters_of(directive: Directive) -> Filters:
    """The record filters a directive's options ask for."""
    limit = directive.options.get("limit", "")
    return Filters(
        statuses=directive.values("status"),
        tags=directive.values("tag"),
        categories=directive.values("category", lower=False),
        deciders=directive.values("decider"),
        c4=directive.values("c4", lower=False),
        limit=small_number(limit),
        sources=directive.values("source", lower=False),
    )
