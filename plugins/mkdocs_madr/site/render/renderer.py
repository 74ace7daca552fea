"""One object that renders every generated fragment for a build."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from markupsafe import Markup

from ...c4 import Diagram
from ...core.collection import Collection
from ...core.model import Decision
from ..architecture import CoverageRow
from .environment import make_environment
from .graph import mermaid_graph, relation_edges
from .views import (
    DiagramProblem,
    ElementLink,
    ElementRow,
    Link,
    StatusStyle,
    banners,
    comparison_view,
    coverage_lines,
    entries,
    header_view,
    index_view,
    reference,
    timeline_view,
)

USAGE_LIMIT = 12
"""Decisions listed under a glossary term before the list links to the decision log instead."""


class Renderer:
    """HTML fragments for records, indexes, timelines and graphs; all output is escaped."""

    def __init__(
        self,
        collection: Collection | None,
        statuses: dict[str, str],
        templates_dir: Path | None = None,
    ) -> None:
        self.collection = collection
        self.style = StatusStyle(statuses)
        self.env = make_environment(templates_dir)

    def _render(self, name: str, **values: object) -> str:
        return self.env.get_template(name).render(**values).strip()

    def header(
        self,
        decision: Decision,
        index_url: str | None,
        elements: Sequence[ElementLink] = (),
        banners: str = "",
    ) -> str:
        """The record's own header; `banners` (HTML, from `banners`) goes inside it."""
        view = header_view(decision, self.style, index_url, elements)
        return self._render("header.html", view=view, banners=Markup(banners))

    def banners(self, decision: Decision, link: Link) -> str:
        """Superseded by / Supersedes / Amends … banners; empty without relations."""
        if self.collection is None or not any(decision.resolved.values()):
            return ""
        found = banners(decision, self.collection, self.style, link)
        return self._render("banners.html", banners=found) if found else ""

    def comparison(self, decision: Decision, heading: str | None = None) -> str:
        view = comparison_view(decision)
        if view is None:
            return ""
        return self._render("comparison.html", view=view, heading=heading, show_drivers=True)

    def index(
        self,
        decisions: Sequence[Decision],
        link: Link,
        timeline_url: str | None = None,
        graph_url: str | None = None,
    ) -> str:
        view = index_view(decisions, self.style, link, timeline_url, graph_url)
        return self._render("index.html", view=view)

    def timeline(self, decisions: Sequence[Decision], link: Link) -> str:
        return self._render("timeline.html", months=timeline_view(decisions, self.style, link))

    def graph(self, decisions: Sequence[Decision], link: Link, mermaid_url: str) -> str:
        assert self.collection is not None, "the graph needs the whole collection"
        edges = relation_edges(decisions, self.collection)
        source, nodes = mermaid_graph(decisions, edges, self.style)
        involved = list(nodes.values())
        return self._render(
            "graph.html",
            edges=edges,
            source=source,
            mermaid_url=mermaid_url,
            links={node: link(decision) for node, decision in nodes.items()},
            urls={decision.key: link(decision) for decision in involved},
            refs={decision.key: reference(decision) for decision in involved},
        )

    def c4_diagram(
        self,
        diagram: Diagram,
        source: str,
        rows: Sequence[ElementRow],
        mermaid_url: str,
        index_url: str | None,
        problems: Sequence[DiagramProblem] = (),
    ) -> str:
        """The diagram, drawn by Mermaid in the page, and its elements as a table below it;
        when Mermaid cannot draw it, why, above the table."""
        shapes = [{"alias": r.alias, "label": r.label, "url": f"#{r.anchor}"} for r in rows]
        return self._render(
            "c4_diagram.html",
            diagram=diagram,
            source=source,
            rows=rows,
            shapes=shapes,
            mermaid_url=mermaid_url,
            index_url=index_url,
            problems=problems,
        )

    def coverage(
        self,
        rows: Sequence[CoverageRow],
        unnamed: Sequence[Decision],
        link: Link,
        element_url: Callable[[str], str | None],
    ) -> str:
        lines = coverage_lines(rows, self.style, link, element_url)
        return self._render(
            "coverage.html",
            rows=lines,
            covered=sum(1 for line in lines if line.decisions),
            unnamed=entries(unnamed, self.style, link),
        )

    def term_usage(
        self,
        decisions: Sequence[Decision],
        link: Link,
        more_url: str | None = None,
        limit: int = USAGE_LIMIT,
    ) -> str:
        """The decisions using a term, newest first; past `limit`, a link to the rest."""
        if not decisions:
            return ""
        newest = sorted(decisions, key=lambda d: d.date or "", reverse=True)
        shown = newest if more_url is None else newest[:limit]
        return self._render(
            "term_usage.html",
            entries=entries(shown, self.style, link),
            more=len(newest) - len(shown),
            more_url=more_url,
        )
