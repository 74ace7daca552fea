"""The C4 model read from Mermaid diagrams: plain data, no parsing.

A `Diagram` is one Mermaid C4 code block. Everything in it that has an alias is an `Element`
(people, systems, containers, components, deployment nodes and boundaries alike), so a decision
can name any of them. Boundaries and deployment nodes are additionally recorded as `Boundary`
objects, which carry the nesting. Relations are `C4Relation` objects.
"""

from __future__ import annotations

from dataclasses import dataclass, field

PERSON = "person"
SYSTEM = "system"
CONTAINER = "container"
COMPONENT = "component"
NODE = "node"
BOUNDARY = "boundary"

# System_Boundary and Container_Boundary are a system or container drawn opened up; a context
# diagram commonly shows `System(platform, …)` and the container diagram
# `System_Boundary(platform, …)` for the same thing, so they share the family of what they open.
_FAMILY_BY_KIND: dict[str, str] = {
    "Person": PERSON,
    "Person_Ext": PERSON,
    "System": SYSTEM,
    "SystemDb": SYSTEM,
    "SystemQueue": SYSTEM,
    "System_Ext": SYSTEM,
    "SystemDb_Ext": SYSTEM,
    "SystemQueue_Ext": SYSTEM,
    "System_Boundary": SYSTEM,
    "Container": CONTAINER,
    "ContainerDb": CONTAINER,
    "ContainerQueue": CONTAINER,
    "Container_Ext": CONTAINER,
    "ContainerDb_Ext": CONTAINER,
    "ContainerQueue_Ext": CONTAINER,
    "Container_Boundary": CONTAINER,
    "Component": COMPONENT,
    "ComponentDb": COMPONENT,
    "ComponentQueue": COMPONENT,
    "Component_Ext": COMPONENT,
    "ComponentDb_Ext": COMPONENT,
    "ComponentQueue_Ext": COMPONENT,
    "Deployment_Node": NODE,
    "Node": NODE,
    "Node_L": NODE,
    "Node_R": NODE,
    "Boundary": BOUNDARY,
    "Enterprise_Boundary": BOUNDARY,
}


def family_of(kind: str) -> str:
    """The coarse category of a macro name, used to tell whether two definitions mean the same.

    Args:
        kind: The macro name as written, for example "ContainerDb_Ext".

    Returns:
        One of "person", "system", "container", "component", "node", "boundary"; an unknown
        kind maps to its own lower-cased name so it only ever matches itself.
    """
    return _FAMILY_BY_KIND.get(kind, kind.casefold())


@dataclass(frozen=True)
class Element:
    """Anything in a diagram that has an alias.

    Attributes:
        alias: The identifier relations and decisions use; case-sensitive, as in Mermaid.
        kind: The macro name as written ("Person", "SystemDb_Ext", "Deployment_Node", …).
        label: The display name ("" when the statement gives only an alias).
        page: The page the diagram is on.
        line: 1-based line of the statement in the page.
        diagram_index: 0-based index of the diagram among the page's C4 diagrams.
        technology: `$techn`, or a deployment node's or boundary's type ("" if none).
        description: `$descr` ("" if none).
        boundary: Alias of the innermost enclosing boundary or node, None at the top level.
        tags: The `$tags` argument ("" if none).
        link: The `$link` argument ("" if none).
        external: Whether the kind ends with `_Ext`; derived, not passed in.
    """

    alias: str
    kind: str
    label: str
    page: str
    line: int
    diagram_index: int = 0
    technology: str = ""
    description: str = ""
    boundary: str | None = None
    tags: str = ""
    link: str = ""
    external: bool = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "external", self.kind.endswith("_Ext"))

    @property
    def family(self) -> str:
        """The coarse category of `kind` (see `family_of`)."""
        return family_of(self.kind)


@dataclass
class Boundary:
    """A boundary or deployment node: a box that encloses other elements.

    Attributes:
        alias: The boundary's alias.
        kind: "Boundary", "Enterprise_Boundary", "System_Boundary", "Container_Boundary",
            "Deployment_Node", "Node", "Node_L" or "Node_R".
        label: The display name.
        page: The page the diagram is on.
        line: 1-based page line of the statement that opens it.
        diagram_index: 0-based index of the diagram among the page's C4 diagrams.
        technology: The `type` argument when the statement gives one ("" otherwise).
        description: A deployment node's `descr` ("" if none).
        parent: Alias of the enclosing boundary, None at the top level.
        children: Aliases of the elements and boundaries directly inside, in source order.
    """

    alias: str
    kind: str
    label: str
    page: str
    line: int
    diagram_index: int = 0
    technology: str = ""
    description: str = ""
    parent: str | None = None
    children: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class C4Relation:
    """One arrow between two aliases.

    Attributes:
        macro: The macro as written: "Rel", "BiRel", "Rel_U", "Rel_Up", … "Rel_Back", "RelIndex".
        source: Alias the arrow starts at.
        target: Alias the arrow points to.
        label: The arrow's text.
        line: 1-based page line of the statement.
        technology: `$techn` ("" if none).
        description: `$descr` ("" if none).
        index: RelIndex's first argument, the step number in a C4Dynamic diagram ("" if none).
        tags: The `$tags` argument ("" if none).
        link: The `$link` argument ("" if none).
    """

    macro: str
    source: str
    target: str
    label: str
    line: int
    technology: str = ""
    description: str = ""
    index: str = ""
    tags: str = ""
    link: str = ""


@dataclass
class Diagram:
    """One Mermaid C4 code block.

    Attributes:
        kind: "C4Context", "C4Container", "C4Component", "C4Dynamic" or "C4Deployment"; "" when
            the source has no recognisable header.
        page: The page the diagram is on.
        index: 0-based index of the diagram among the page's C4 diagrams.
        line: 1-based page line of the opening fence (of the first content line when the
            diagram was parsed from bare source).
        title: From a `title …` line or the block's front matter ("" if none).
        elements: Everything with an alias, boundaries and nodes included, in source order.
        boundaries: Boundaries and deployment nodes, in the order they open.
        relations: Relations in source order.
        drawn: Whether Mermaid draws the diagram. When it does, the elements are what it draws;
            when it does not, they are read as the author meant them.
    """

    kind: str
    page: str
    index: int
    line: int
    title: str = ""
    elements: list[Element] = field(default_factory=list)
    boundaries: list[Boundary] = field(default_factory=list)
    relations: list[C4Relation] = field(default_factory=list)
    drawn: bool = True
