"""The relation graph as Mermaid flowchart source, with a plain list for readers without JS."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ...core.collection import Collection
from ...core.labels import Labels, catalogue
from ...core.model import Decision, RelationKind
from .colours import text_colour
from .views import StatusStyle, reference

_EDGES: tuple[tuple[RelationKind, str, str], ...] = (
    (RelationKind.SUPERSEDES, "verb_supersedes", "==>"),
    (RelationKind.AMENDS, "verb_amends", "-.->"),
    (RelationKind.RELATES_TO, "verb_relates_to", "---"),
)


def flowchart_config(wrap: int, spacing: int, font: int) -> str:
    """Front matter setting a flowchart's layout: text wrapped at `wrap` px and `spacing` px
    between boxes keep a diagram narrow, and a larger `font` lets it shrink further while its
    text stays readable (the page scales the drawing to its width)."""
    return (
        f"---\nconfig:\n  themeVariables:\n    fontSize: {font}px\n  flowchart:\n"
        f"    wrappingWidth: {wrap}\n    nodeSpacing: {spacing}\n    rankSpacing: 32\n"
        "    padding: 8\n---"
    )


GRAPH_CONFIG = flowchart_config(wrap=150, spacing=20, font=15)


@dataclass(frozen=True)
class Edge:
    source: Decision
    target: Decision
    kind: RelationKind
    verb: str
    arrow: str


def relation_edges(
    decisions: Sequence[Decision], collection: Collection, labels: Labels | None = None
) -> list[Edge]:
    """Each relation once, drawn from the newer record (supersedes, amends, relates to)."""
    labels = labels if labels is not None else catalogue(None)
    keys = {decision.key for decision in decisions}
    edges: list[Edge] = []
    related: set[frozenset[str]] = set()
    for decision in decisions:
        for kind, verb_key, arrow in _EDGES:
            verb = labels[verb_key]
            for key in decision.related(kind):
                target = collection.by_key.get(key)
                if target is None or key not in keys:
                    continue
                if kind is RelationKind.RELATES_TO:
                    pair = frozenset((decision.key, key))
                    if pair in related:
                        continue
                    related.add(pair)
                edges.append(Edge(decision, target, kind, verb, arrow))
    return edges


def mermaid_label(text: str) -> str:
    """Text made safe inside a quoted Mermaid label: entity codes for what Mermaid would parse."""
    replaced = (
        text.replace("#", "#35;")
        .replace("%", "#37;")  # `%%{init: …}%%` would reconfigure Mermaid
        .replace('"', "#quot;")
        .replace("<", "#lt;")
        .replace(">", "#gt;")
        .replace("&", "#amp;")
        .replace("`", "#96;")
        .replace("\n", " ")
    )
    return " ".join(replaced.split())


def edge_kinds(labels: Labels) -> list[tuple[str, str]]:
    """Each kind of edge the graph draws, with its verb: what its legend explains."""
    return [(kind.value, labels[verb]) for kind, verb, _ in _EDGES]


def mermaid_graph(
    decisions: Sequence[Decision], edges: Sequence[Edge], style: StatusStyle, *, site: bool = False
) -> tuple[str, dict[str, Decision]]:
    """Flowchart source and the node id of each record (ids are ours: n0, n1, …).

    For the site (`site`), each node also says its status in words (colour alone would not),
    and the source opens with the site's layout settings.
    """
    involved: list[Decision] = []
    seen: set[str] = set()
    for edge in edges:
        for decision in (edge.source, edge.target):
            if decision.key not in seen:
                seen.add(decision.key)
                involved.append(decision)
    order = {decision.key: index for index, decision in enumerate(decisions)}
    involved.sort(key=lambda decision: order.get(decision.key, 0))
    nodes = {decision.key: f"n{index}" for index, decision in enumerate(involved)}
    lines = [GRAPH_CONFIG, "flowchart LR"] if site else ["flowchart LR"]
    classes: dict[str, str] = {}
    for decision in involved:
        status = style.of(decision.status)
        css = "st_" + status.css.replace("-", "_")
        classes[css] = (
            status.colour if status.colour[:1] == "#" or status.colour.isalpha() else "#546e7a"
        )
        title = decision.title or decision.slug
        label = mermaid_label(
            f"{reference(decision)}: {title}" if decision.number is not None else title
        )
        if site:
            label += f"<br/><i>{mermaid_label(status.label)}</i>"
        lines.append(f'  {nodes[decision.key]}["{label}"]:::{css}')
    for edge in edges:
        lines.append(
            f"  {nodes[edge.source.key]} {edge.arrow}|{edge.verb}| {nodes[edge.target.key]}"
        )
    for css, colour in classes.items():
        text = text_colour(colour) or "#fff"
        lines.append(f"  classDef {css} fill:{colour},stroke:{colour},color:{text}")
    return "\n".join(lines), {nodes[d.key]: d for d in involved}
