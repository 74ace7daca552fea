"""One object that renders every generated fragment for a build."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from markupsafe import Markup, escape

from ...c4 import Diagram
from ...core.collection import Collection
from ...core.fields.declaration import FieldDeclaration
from ...core.labels import Labels, catalogue
from ...core.model import Decision
from ..architecture import CoverageRow
from .c4_drawing import c4_drawing
from .environment import make_environment
from .field_columns import log_columns
from .graph import edge_kinds, mermaid_graph, relation_edges
from .in_force import in_force_view
from .views import (
    DiagramProblem,
    ElementLink,
    ElementRow,
    Link,
    Neighbour,
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
INDEX_SCRIPT_LABELS = (
    "decisions_count",
    "showing_count",
    "sorted_by",
    "sort_by",
    "ascending",
    "descending",
    "not_found_value",
    "clear_filters",
)
DIAGRAM_SCRIPT_LABELS = ("diagram_failed", "zoom_in", "zoom_out", "zoom_fit", "zoom_legible")
"""The labels madr.js writes, handed to it in the fragment that needs them."""


class Renderer:
    """HTML fragments for records, indexes, timelines and graphs; all output is escaped."""

    def __init__(
        self,
        collection: Collection | None,
        statuses: dict[str, str],
        templates_dir: Path | None = None,
        labels: Labels | None = None,
    ) -> None:
        self.collection = collection
        self.labels = labels if labels is not None else catalogue(None)
        self.style = StatusStyle(statuses, self.labels)
        self.env = make_environment(templates_dir)

    def _render(self, name: str, **values: object) -> str:
        return self.env.get_template(name).render(t=self.labels, **values).strip()

    def _script_labels(self, names: tuple[str, ...], *extra: str) -> dict[str, str]:
        return {name: self.labels[name] for name in (*names, *extra)}

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

    def banners(
        self,
        decision: Decision,
        link: Link,
        neighbours: tuple[Neighbour | None, Neighbour | None] = (None, None),
    ) -> str:
        """Superseded by / Supersedes / Amends … banners, and links to the records before and
        after; empty when there are none."""
        html = ""
        if self.collection is not None and any(decision.resolved.values()):
            found = banners(decision, self.collection, self.style, link)
            html = self._render("banners.html", banners=found) if found else ""
        return "\n".join(part for part in (html, self._pager(*neighbours)) if part)

    def _pager(self, previous: Neighbour | None, following: Neighbour | None) -> str:
        """Links to the records before and after; written here rather than by a template
        because every record page has them: a template render each adds up at thousands."""
        if previous is None and following is None:
            return ""
        labels = self.labels
        links = []
        for neighbour, kind, rel, label in (
            (previous, "previous", "prev", labels["previous_record"]),
            (following, "next", "next", labels["next_record"]),
        ):
            if neighbour is not None:
                name = neighbour.ref
                if neighbour.title != neighbour.ref:
                    name = f"{name}: {neighbour.title}"
                links.append(
                    f'<a class="madr-pager__{kind}" href="{escape(neighbour.url)}" rel="{rel}">'
                    f'<span class="madr-pager__label">{escape(label)}</span> {escape(name)}</a>'
                )
        aria = escape(labels["record_neighbours"])
        return f'<nav class="madr-pager" aria-label="{aria}">{"".join(links)}</nav>'

    def comparison(self, decision: Decision) -> str:
        """The options side by side, for the record's own page: the record says which option
        was chosen and why, and lists its drivers, so the comparison does not repeat them."""
        view = comparison_view(decision)
        if view is None:
            return ""
        return self._render("comparison.html", view=view)

    def justification(self, decision: Decision) -> str:
        """`Chosen option: X, because …`, for a comparison shown away from its record."""
        if not decision.chosen:
            return ""
        return self._render("justification.html", decision=decision)

    def index(
        self,
        decisions: Sequence[Decision],
        link: Link,
        timeline_url: str | None = None,
        graph_url: str | None = None,
        element_label: Callable[[str], str] = str,
        json_url: str | None = None,
        fields: Mapping[str, FieldDeclaration] | None = None,
    ) -> str:
        """The decision log; `fields` (the team's declared fields) become columns."""
        view = index_view(
            decisions, self.style, link, timeline_url, graph_url, element_label, json_url
        )
        columns = log_columns(decisions, fields, self.labels) if fields else []
        return self._render(
            "index.html",
            view=view,
            columns=columns,
            js_labels=self._script_labels(INDEX_SCRIPT_LABELS),
        )

    def timeline(
        self, decisions: Sequence[Decision], link: Link, feed_url: str | None = None
    ) -> str:
        months = timeline_view(decisions, self.style, link)
        return self._render("timeline.html", months=months, feed_url=feed_url)

    def graph(self, decisions: Sequence[Decision], link: Link, mermaid_url: str) -> str:
        assert self.collection is not None, "the graph needs the whole collection"
        edges = relation_edges(decisions, self.collection, self.labels)
        source, nodes = mermaid_graph(decisions, edges, self.style, site=True)
        involved = list(nodes.values())
        shown = sorted({d.status or "" for d in involved}, key=lambda s: (self.style.rank(s), s))
        return self._render(
            "graph.html",
            edges=edges,
            source=source,
            mermaid_url=mermaid_url,
            links={node: link(decision) for node, decision in nodes.items()},
            urls={decision.key: link(decision) for decision in involved},
            titles={decision.key: _titled(decision) for decision in involved},
            statuses=[self.style.of(status) for status in shown],
            verbs=edge_kinds(self.labels),
            js_labels=self._script_labels(DIAGRAM_SCRIPT_LABELS, "diagram_failed_graph"),
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
        """The diagram, drawn by Mermaid in the page as a flowchart of the model read from it,
        with each box a link to its row in the table of elements below it; when Mermaid's own C4
        renderer could not draw the source as written, why, above the table."""
        drawing = c4_drawing(diagram, self.labels)
        anchors = {row.alias: row.anchor for row in rows}
        links = {
            node: {"url": f"#{anchors[alias]}", "alias": alias}
            for node, alias in drawing.nodes.items()
            if alias in anchors
        }
        return self._render(
            "c4_diagram.html",
            diagram=diagram,
            source=source,
            drawing=drawing,
            rows=rows,
            links=links,
            table_id=f"madr-c4-{diagram.index}",
            mermaid_url=mermaid_url,
            index_url=index_url,
            problems=problems,
            js_labels=self._script_labels(DIAGRAM_SCRIPT_LABELS, "diagram_failed_c4"),
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

    def in_force(
        self,
        decisions: Sequence[Decision],
        link: Link,
        index_url: str | None,
        element_label: Callable[[str], str],
        element_url: Callable[[str], str | None],
    ) -> str:
        """The records in force (`decisions`), then again by category, tag and element."""
        assert self.collection is not None, "what replaced a part needs the whole collection"
        view = in_force_view(
            decisions,
            self.collection,
            self.style,
            link,
            labels=self.labels,
            index_url=index_url,
            element_label=element_label,
            element_url=element_url,
        )
        return self._render("in_force.html", view=view)

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


def _titled(decision: Decision) -> str:
    """`ADR-0005: Title`, or the title alone for a record without a number."""
    ref = reference(decision)
    title = decision.title or decision.slug
    return f"{ref}: {title}" if decision.number is not None else title
