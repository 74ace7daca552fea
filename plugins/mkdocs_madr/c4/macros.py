"""The statement macros Mermaid's C4 grammar knows, and the order of their positional arguments.

The orders follow Mermaid's parser (checked against mermaid 11), which differs from C4-PlantUML
in one place: `Enterprise_Boundary`, `System_Boundary` and `Container_Boundary` take no positional
`type`; their third positional argument is `tags`. `RelIndex` takes the step index first and then
`Rel`'s arguments.
"""

from __future__ import annotations

DIAGRAM_KINDS: tuple[str, ...] = (
    "C4Context",
    "C4Container",
    "C4Component",
    "C4Dynamic",
    "C4Deployment",
)

_PERSON_OR_SYSTEM = ("label", "descr", "sprite", "tags", "link")
_CONTAINER_OR_COMPONENT = ("label", "techn", "descr", "sprite", "tags", "link")
_DEPLOYMENT_NODE = ("label", "type", "descr", "sprite", "tags", "link")
_GENERIC_BOUNDARY = ("label", "type", "tags", "link")
_TYPED_BOUNDARY = ("label", "tags", "link")
_REL = ("source", "target", "label", "techn", "descr", "sprite", "tags", "link")

# Positional parameters after the alias, by macro.
ELEMENT_PARAMS: dict[str, tuple[str, ...]] = {
    **dict.fromkeys(
        (
            "Person",
            "Person_Ext",
            "System",
            "SystemDb",
            "SystemQueue",
            "System_Ext",
            "SystemDb_Ext",
            "SystemQueue_Ext",
        ),
        _PERSON_OR_SYSTEM,
    ),
    **dict.fromkeys(
        (
            "Container",
            "ContainerDb",
            "ContainerQueue",
            "Container_Ext",
            "ContainerDb_Ext",
            "ContainerQueue_Ext",
            "Component",
            "ComponentDb",
            "ComponentQueue",
            "Component_Ext",
            "ComponentDb_Ext",
            "ComponentQueue_Ext",
        ),
        _CONTAINER_OR_COMPONENT,
    ),
}

# Positional parameters after the alias, by macro; these open a `{ … }` block.
BOUNDARY_PARAMS: dict[str, tuple[str, ...]] = {
    "Boundary": _GENERIC_BOUNDARY,
    "Enterprise_Boundary": _TYPED_BOUNDARY,
    "System_Boundary": _TYPED_BOUNDARY,
    "Container_Boundary": _TYPED_BOUNDARY,
    **dict.fromkeys(("Deployment_Node", "Node", "Node_L", "Node_R"), _DEPLOYMENT_NODE),
}

# All positional parameters, by macro.
RELATION_PARAMS: dict[str, tuple[str, ...]] = {
    **dict.fromkeys(
        (
            "Rel",
            "BiRel",
            "Rel_U",
            "Rel_Up",
            "Rel_D",
            "Rel_Down",
            "Rel_L",
            "Rel_Left",
            "Rel_R",
            "Rel_Right",
            "Rel_Back",
        ),
        _REL,
    ),
    "RelIndex": ("index", *_REL),
}

# Styling statements: they change how a diagram looks, never what it says. Mermaid 11 knows
# only these three.
STYLE_MACROS: frozenset[str] = frozenset(
    {"UpdateElementStyle", "UpdateRelStyle", "UpdateLayoutConfig"}
)

# C4-PlantUML statements that Mermaid 11 does not know: a diagram holding one is not drawn.
PLANTUML_ONLY: frozenset[str] = frozenset(
    {
        *("AddElementTag", "AddRelTag", "AddBoundaryTag", "AddNodeTag"),
        *("AddPersonTag", "AddExternalPersonTag", "AddSystemTag", "AddExternalSystemTag"),
        *("AddContainerTag", "AddExternalContainerTag"),
        *("AddComponentTag", "AddExternalComponentTag"),
        *("UpdateBoundaryStyle", "UpdateSystemBoundaryStyle"),
        *("UpdateContainerBoundaryStyle", "UpdateEnterpriseBoundaryStyle", "UpdateLegendTitle"),
        *("SHOW_LEGEND", "SHOW_FLOATING_LEGEND", "HIDE_STEREOTYPE"),
        *("LAYOUT_TOP_DOWN", "LAYOUT_LEFT_RIGHT", "LAYOUT_LANDSCAPE"),
        *("LAYOUT_WITH_LEGEND", "LAYOUT_AS_SKETCH"),
        *("SHOW_PERSON_SPRITE", "HIDE_PERSON_SPRITE", "SHOW_PERSON_PORTRAIT"),
        *("SHOW_PERSON_OUTLINE",),
        *("Lay_U", "Lay_Up", "Lay_D", "Lay_Down", "Lay_L", "Lay_Left", "Lay_R", "Lay_Right"),
        *("Lay_Distance", "Rel_Neighbor", "BiRel_Neighbor"),
        *("BiRel_U", "BiRel_Up", "BiRel_D", "BiRel_Down"),
        *("BiRel_L", "BiRel_Left", "BiRel_R", "BiRel_Right"),
        *("SetPropertyHeader", "WithoutPropertyHeader", "AddProperty"),
        *("Deployment_Node_L", "Deployment_Node_R"),
    }
)

_ALL_MACROS: tuple[str, ...] = (
    *ELEMENT_PARAMS,
    *BOUNDARY_PARAMS,
    *RELATION_PARAMS,
    *sorted(STYLE_MACROS),
)
_MACRO_BY_FOLDED_NAME: dict[str, str] = {name.casefold(): name for name in _ALL_MACROS}


def spelling_hint(name: str) -> str | None:
    """The correctly cased macro when `name` differs from one only by case, else None."""
    return _MACRO_BY_FOLDED_NAME.get(name.casefold())
