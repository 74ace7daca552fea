"""A C4 diagram drawn as a Mermaid flowchart, from the model the reader built.

Mermaid's own C4 renderer places boxes in rows and draws straight arrows across them, so a
diagram of a dozen containers becomes a tangle of crossing arrows and overlapping labels of
about 7 px. A flowchart of the same model is laid out by rank with routed edges: boundaries are
subgraphs, each kind keeps the C4 colours, and every box has an id of ours, so the page can make
each box a link without guessing which shape is which.

Two sources are made: one with each relation's label on its arrow, and one with a number on the
arrow instead, for pages too narrow for the labels to stay readable; the numbers refer to the
list of relations under the diagram.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...c4 import Boundary, Diagram, Element
from ...core.labels import Labels
from .graph import flowchart_config, mermaid_label
from .views import kind_label

# C4's own palette, darkened where white text on it would not reach 4.5:1.
_STYLES = {
    "person": "fill:#08427b,stroke:#052e56,color:#fff",
    "system": "fill:#1168bd,stroke:#0b4884,color:#fff",
    "container": "fill:#2a6cb0,stroke:#1d4f82,color:#fff",
    "component": "fill:#85bbf0,stroke:#5d82a8,color:#000",
    "node": "fill:#fff0,stroke:#7a7a7a,color:inherit",
    "external": "fill:#666,stroke:#4d4d4d,color:#fff",
}
C4_CONFIG = flowchart_config(wrap=120, spacing=12, font=16)
_BOUNDARY_STYLE = "fill:#8881,stroke:#888,stroke-width:1px,stroke-dasharray:6 4"
_FAMILY_STYLE = {"person": "person", "system": "system", "container": "container"}


@dataclass(frozen=True)
class RelationLine:
    """A relation as the list under the diagram states it."""

    number: int
    source: str
    target: str
    label: str
    technology: str


@dataclass(frozen=True)
class C4Drawing:
    """A diagram as flowchart sources, and what the page needs to link its boxes."""

    source: str
    """Relation labels on the arrows."""
    numbered: str
    """Relation numbers on the arrows (the labels are in `relations`)."""
    nodes: dict[str, str]
    """Node id → element alias."""
    relations: list[RelationLine]


def c4_drawing(diagram: Diagram, labels: Labels) -> C4Drawing:
    drawer = _Drawer(diagram, labels)
    return C4Drawing(
        source=drawer.source(numbered=False),
        numbered=drawer.source(numbered=True),
        nodes={node: alias for alias, node in drawer.ids.items()},
        relations=drawer.relations,
    )


class _Drawer:
    def __init__(self, diagram: Diagram, labels: Labels) -> None:
        self.diagram = diagram
        self.labels = labels
        self.elements: dict[str, Element] = {}
        for element in diagram.elements:
            self.elements.setdefault(element.alias, element)
        self.boundaries: dict[str, Boundary] = {}
        for boundary in diagram.boundaries:
            self.boundaries.setdefault(boundary.alias, boundary)
        self.ids = {alias: f"c{index}" for index, alias in enumerate(self.elements)}
        self.relations = self._relations()

    def _relations(self) -> list[RelationLine]:
        lines: list[RelationLine] = []
        for relation in self.diagram.relations:
            if relation.source not in self.ids or relation.target not in self.ids:
                continue
            lines.append(
                RelationLine(
                    number=len(lines) + 1,
                    source=self._name(relation.source),
                    target=self._name(relation.target),
                    label=relation.label,
                    technology=relation.technology,
                )
            )
        return lines

    def _name(self, alias: str) -> str:
        return self.elements[alias].label or alias

    def source(self, *, numbered: bool) -> str:
        lines = [C4_CONFIG, "flowchart TB"]
        placed: set[str] = set()
        for element in self.elements.values():
            if element.boundary is None and element.alias not in placed:
                self._place(element.alias, "  ", lines, placed)
        lines += self._edges(numbered)
        for family, style in _STYLES.items():
            lines.append(f"  classDef {family} {style}")
        return "\n".join(lines)

    def _place(self, alias: str, indent: str, lines: list[str], placed: set[str]) -> None:
        placed.add(alias)
        boundary = self.boundaries.get(alias)
        if boundary is None:
            element = self.elements[alias]
            lines.append(f"{indent}{self.ids[alias]}{self._shape(element)}")
            lines.append(f"{indent}class {self.ids[alias]} {self._style(element)}")
            return
        node = self.ids[alias]
        lines.append(f'{indent}subgraph {node}["{self._boundary_label(boundary)}"]')
        for child in boundary.children:
            if child in self.elements and child not in placed:
                self._place(child, indent + "  ", lines, placed)
        lines.append(f"{indent}end")
        if boundary.kind in ("Deployment_Node", "Node", "Node_L", "Node_R"):
            lines.append(f"{indent}style {node} fill:#8881,stroke:#888,stroke-width:1px")
        else:
            lines.append(f"{indent}style {node} {_BOUNDARY_STYLE}")

    def _shape(self, element: Element) -> str:
        label = self._label(element)
        base = element.kind.removesuffix("_Ext")
        if base.startswith("Person"):
            return f'("{label}")'
        if base.endswith("Db"):
            return f'[("{label}")]'
        if base.endswith("Queue"):
            return f'@{{ shape: h-cyl, label: "{label}" }}'
        return f'["{label}"]'

    def _style(self, element: Element) -> str:
        if element.external:
            return "external"
        return _FAMILY_STYLE.get(element.family, "component")

    def _label(self, element: Element) -> str:
        kind = kind_label(element.kind, self.labels)
        detail = f"{kind}: {element.technology}" if element.technology else kind
        text = f"<b>{mermaid_label(element.label or element.alias)}</b>"
        text += f"<br/><i>[{mermaid_label(detail)}]</i>"
        if element.description:
            text += f"<br/>{mermaid_label(element.description)}"
        return text

    def _boundary_label(self, boundary: Boundary) -> str:
        kind = kind_label(boundary.kind, self.labels)
        detail = f"{kind}: {boundary.technology}" if boundary.technology else kind
        name = mermaid_label(boundary.label or boundary.alias)
        return f"<b>{name}</b> <i>[{mermaid_label(detail)}]</i>"

    def _edges(self, numbered: bool) -> list[str]:
        lines = []
        number = 0
        for relation in self.diagram.relations:
            if relation.source not in self.ids or relation.target not in self.ids:
                continue
            number += 1
            source, target = self.ids[relation.source], self.ids[relation.target]
            if relation.macro == "Rel_Back":
                source, target = target, source
            arrow = "<-->" if relation.macro == "BiRel" else "-->"
            if numbered:
                text = str(number)
            else:
                text = mermaid_label(relation.label)
                if relation.technology:
                    text += f"<br/><i>[{mermaid_label(relation.technology)}]</i>"
            lines.append(
                f'  {source} {arrow}|"{text}"| {target}' if text else f"  {source} {arrow} {target}"
            )
        return lines
