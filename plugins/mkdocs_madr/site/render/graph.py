"""The relation graph as Mermaid flowchart source, with a plain list for readers without JS."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ...core.collection import Collection
from ...core.model import Decision, RelationKind
from .views import StatusStyle, reference

_EDGES: tuple[tuple[RelationKind, str, str], ...] = (
    (RelationKind.SUPERSEDES, "supersedes", "==>"),
    (RelationKind.AMENDS, "amends", "-.->"),
    (RelationKind.RELATES_TO, "relates to", "---"),
)


@dataclass(frozen=True)
class Edge:
    source: Decision
    target: Decision
    kind: RelationKind
    verb: str
    arrow: str


def relation_edges(decisions: Sequence[Decision], collection: Collection) -> list[Edge]:
    """Each relation once, drawn from the newer record (supersedes, amends, relates to)."""
    keys = {decision.key for decision in decisions}
    edges: list[Edge] = []
    related: set[frozenset[str]] = set()
    for decision in decisions:
        for kind, verb, arrow in _EDGES:
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


def mermaid_graph(
    decisions: Sequence[Decision], edges: Sequence[Edge], style: StatusStyle
) -> tuple[str, dict[str, Decision]]:
    """Flowchart source and the node id of each record (ids are ours: n0, n1, …)."""
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
    lines = ["flowchart LR"]
    classes: dict[str, str] = {}
    for decision in involved:
        status = style.of(decision.status)
        css = "st_" + status.css.replace("-", "_")
        classes[css] = (
            status.colour if status.colour[:1] == "#" or status.colour.isalpha() else ("#607d8b")
        )
        title = decision.title or decision.slug
        label = mermaid_label(
            f"{reference(decision)}: {title}" if decision.number is not None else title
        )
        lines.append(f'  {nodes[decision.key]}["{label}"]:::{css}')
    for edge in edges:
        lines.append(
            f"  {nodes[edge.source.key]} {edge.arrow}|{edge.verb}| {nodes[edge.target.key]}"
        )
    for css, colour in classes.items():
        lines.append(f"  classDef {css} fill:{colour},stroke:{colour},color:#fff")
    return "\n".join(lines), {nodes[d.key]: d for d in involved}
