"""The relation graph in Graphviz DOT, for `adr graph --format dot`."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..core.model import Decision, RelationKind
from ..site.render.graph import Edge
from ..site.render.views import StatusStyle, reference

_STYLES = {
    RelationKind.SUPERSEDES: "style=bold",
    RelationKind.AMENDS: "style=dashed",
    RelationKind.RELATES_TO: "dir=none, style=dotted",
}
_DOT_COLOUR = re.compile(r"#[0-9a-fA-F]{6}(?:[0-9a-fA-F]{2})?|[a-zA-Z]{3,20}")
_FALLBACK = "#607d8b"


def quote(text: str) -> str:
    """A DOT double-quoted string: backslashes and quotes escaped, line breaks as spaces."""
    cleaned = " ".join(text.replace("\\", "\\\\").replace('"', '\\"').split())
    return f'"{cleaned}"'


def dot_graph(decisions: Sequence[Decision], edges: Sequence[Edge], style: StatusStyle) -> str:
    """`digraph decisions { … }` with one node per related record, coloured by status."""
    involved: dict[str, Decision] = {}
    for edge in edges:
        involved.setdefault(edge.source.key, edge.source)
        involved.setdefault(edge.target.key, edge.target)
    order = {decision.key: index for index, decision in enumerate(decisions)}
    lines = [
        "digraph decisions {",
        "  rankdir=LR;",
        '  node [shape=box, style="rounded,filled", fontcolor="white"];',
    ]
    for decision in sorted(involved.values(), key=lambda d: order.get(d.key, 0)):
        colour = style.of(decision.status).colour
        colour = colour if _DOT_COLOUR.fullmatch(colour) else _FALLBACK
        title = decision.title or decision.slug
        label = f"{reference(decision)}: {title}" if decision.number is not None else title
        lines.append(
            f"  {quote(decision.key)} [label={quote(label)}, fillcolor={quote(colour)}, "
            f"tooltip={quote(decision.status or 'no status')}];"
        )
    for edge in edges:
        lines.append(
            f"  {quote(edge.source.key)} -> {quote(edge.target.key)} "
            f"[label={quote(edge.verb)}, {_STYLES[edge.kind]}];"
        )
    lines.append("}")
    return "\n".join(lines)
