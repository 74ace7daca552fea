"""What Mermaid 11 keeps of a C4 diagram's statements, and so what it draws.

Mermaid's C4 database fills each element's fields in a fixed order: the alias, the label,
then the technology and description (or a boundary's type), then sprite, tags and link. A
`$name="value"` argument sets the field it names *in the place it stands*, and a later place
may overwrite it: `Container(a, "A", $descr="x")` has no description, because the empty
description slot after it resets it. A `$name=` in the sprite, tags or link place leaves a
bare value that is not drawn. A second statement with the same alias (or a second arrow between
the same two aliases) updates the first one instead of adding another. This module does the
same, so the element table shows what the picture shows.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

from ..model import Boundary, C4Relation, Element
from .grammar import Argument, Close, Reading, Statement

_PERSON_OR_SYSTEM = frozenset(
    {
        "Person",
        "Person_Ext",
        "System",
        "SystemDb",
        "SystemQueue",
        "System_Ext",
        "SystemDb_Ext",
        "SystemQueue_Ext",
    }
)
_CONTAINER_OR_COMPONENT = frozenset(
    f"{base}{flavour}{external}"
    for base in ("Container", "Component")
    for flavour in ("", "Db", "Queue")
    for external in ("", "_Ext")
)
_TYPED_BOUNDARIES = {
    "Enterprise_Boundary": "ENTERPRISE",
    "System_Boundary": "SYSTEM",
    "Container_Boundary": "CONTAINER",
}
_NODES = frozenset({"Deployment_Node", "Node", "Node_L", "Node_R"})
RELATION_MACROS = frozenset(
    {
        "Rel",
        "BiRel",
        "Rel_Up",
        "Rel_U",
        "Rel_Down",
        "Rel_D",
        "Rel_Left",
        "Rel_L",
        "Rel_Right",
        "Rel_R",
        "Rel_Back",
        "RelIndex",
    }
)
_TEXT_FIELDS = ("label", "techn", "descr", "type")
_OBJECT_TEXT = "[object Object]"
"""How JavaScript writes an object as text."""


@dataclass(frozen=True)
class _Text:
    """A field Mermaid draws as text (`{text: …}` in its database)."""

    value: str
    default: bool = False
    """Filled in by Mermaid, not by an argument."""


@dataclass(frozen=True)
class Meaning:
    """What one statement says, as Mermaid reads it.

    Attributes:
        statement: The statement.
        fields: "alias", "label", "techn", "descr", "type", "source", "target" as Mermaid
            takes them from this statement alone ("" where it draws nothing).
        named_in_place: Keys of `$name=` arguments that took the place of a positional one.
    """

    statement: Statement
    fields: dict[str, str]
    named_in_place: tuple[str, ...] = ()


@dataclass(frozen=True)
class Repeat:
    """A statement that updates what an earlier one defined.

    Attributes:
        statement: The later statement.
        first_line: Page line of the earlier definition.
        first: The earlier definition's drawn label ("" for a relation, whose label is in
            `replaced_label`).
        replaced_label: For a relation, the label Mermaid no longer draws.
    """

    statement: Statement
    first_line: int
    first: Element | None = None
    replaced_label: str = ""


@dataclass(frozen=True)
class LooseEnd:
    """A relation whose end is no element box; Mermaid then fails to draw the diagram."""

    statement: Statement
    alias: str
    is_boundary: bool


@dataclass(frozen=True)
class Breakage:
    """A statement Mermaid accepts but then fails to draw.

    Attributes:
        statement: The statement.
        name: The `$name=` argument Mermaid keeps in a form it cannot draw: a sprite or tags
            given in a text place (technology, description), or any named argument given as
            the label of a boundary or an arrow.
        place: The place it stands in ("label", "techn", "descr").
    """

    statement: Statement
    name: str
    place: str


@dataclass
class Drawn:
    """What Mermaid keeps of an accepted diagram.

    Attributes:
        elements: Every element and boundary, once per alias, in order of first definition,
            with the fields Mermaid ends up drawing.
        boundaries: Boundaries and deployment nodes, with their children.
        relations: One per (source, target), in order of first definition, as last written.
        title: The diagram's title.
        meanings: Each element and relation statement as Mermaid reads it.
        repeated_elements: Statements that redefined an alias of the same diagram.
        repeated_relations: Statements that repeated a (source, target) pair.
        loose_ends: Relations to an alias that is not an element box.
        breakages: Statements Mermaid fails to draw.
    """

    elements: list[Element] = field(default_factory=list)
    boundaries: list[Boundary] = field(default_factory=list)
    relations: list[C4Relation] = field(default_factory=list)
    title: str = ""
    meanings: list[Meaning] = field(default_factory=list)
    repeated_elements: list[Repeat] = field(default_factory=list)
    repeated_relations: list[Repeat] = field(default_factory=list)
    loose_ends: list[LooseEnd] = field(default_factory=list)
    breakages: list[Breakage] = field(default_factory=list)

    @property
    def drawable(self) -> bool:
        """Whether Mermaid draws the diagram."""
        return not self.loose_ends and not self.breakages


def draw(reading: Reading, *, page: str, index: int, line: Callable[[int], int]) -> Drawn:
    """What Mermaid draws for an accepted reading.

    Args:
        reading: The grammar's reading (its failures are not looked at).
        page: The page, for the elements.
        index: The diagram's index on the page.
        line: The page line of an offset in the prepared text.
    """
    return _Database(page, index, line).run(reading)


class _Database:
    def __init__(self, page: str, index: int, line: Callable[[int], int]) -> None:
        self.page, self.index, self.line = page, index, line
        self.drawn = Drawn()
        self.shapes: dict[str, Element] = {}
        self.boxes: dict[str, Element] = {}
        self.boundary_of: dict[str, Boundary] = {}
        self.order: list[tuple[str, str]] = []
        self.relations: dict[tuple[str, str], tuple[C4Relation, Statement]] = {}
        self.open: list[str | None] = []
        self.styles: dict[str, dict[str, Breakage | None]] = {}
        """For each shape, its sprite and tags: the breakage that left them undrawable."""

    def run(self, reading: Reading) -> Drawn:
        self.drawn.title = reading.title
        for event in reading.events:
            if isinstance(event, Close):
                if self.open:
                    self.open.pop()
            elif event.macro in RELATION_MACROS:
                self._relation(event)
            elif event.macro in _PERSON_OR_SYSTEM or event.macro in _CONTAINER_OR_COMPONENT:
                self._shape(event)
            elif event.opens:
                self._boundary(event)
        self._finish()
        return self.drawn

    def _parent(self) -> str | None:
        return next((alias for alias in reversed(self.open) if alias is not None), None)

    def _shape(self, statement: Statement) -> None:
        arguments = list(statement.arguments)
        bag: dict[str, _Text | str] = {}
        named = _fill(bag, arguments, statement.macro)
        meaning = _meaning(statement, bag, named)
        self.drawn.meanings.append(meaning)
        alias = _plain(arguments, 0)
        if alias is None:
            return
        element = Element(
            alias=alias,
            kind=statement.macro,
            label=_drawn(bag, "label"),
            page=self.page,
            line=self.line(statement.start),
            diagram_index=self.index,
            technology=_drawn(bag, "techn"),
            description=_drawn(bag, "descr"),
            boundary=self._parent(),
            tags=_bare(bag, "tags"),
            link=_bare(bag, "link"),
        )
        styles = self.styles.setdefault(alias, {})
        for name in ("sprite", "tags"):
            if name in bag:
                styles[name] = self._breakage(statement, bag, name)
        first = self.shapes.get(alias)
        if first is not None:
            self.drawn.repeated_elements.append(Repeat(statement, first.line, first))
            if statement.macro in _PERSON_OR_SYSTEM:
                # Mermaid leaves the technology a person or system statement does not set.
                element = replace(element, technology=first.technology)
            element = replace(
                element,
                line=first.line,
                tags=element.tags or first.tags,
                link=element.link or first.link,
            )
        else:
            self.order.append(("shape", alias))
        self.shapes[alias] = element

    def _boundary(self, statement: Statement) -> None:
        arguments: list[Argument | str | None] = list(statement.arguments)
        fixed = _TYPED_BOUNDARIES.get(statement.macro)
        if fixed is not None:
            arguments.insert(min(2, len(arguments)), fixed)
        bag: dict[str, _Text | str] = {}
        named = _fill(bag, arguments, statement.macro)
        self.drawn.meanings.append(_meaning(statement, bag, named))
        self._check_label(statement, arguments)
        alias = _plain(arguments, 0)
        parent = self._parent()
        self.open.append(alias)
        if alias is None:
            return
        technology = "" if fixed is not None else _drawn(bag, "type", given_only=True)
        element = Element(
            alias=alias,
            kind=statement.macro,
            label=_drawn(bag, "label"),
            page=self.page,
            line=self.line(statement.start),
            diagram_index=self.index,
            technology=technology,
            description=_drawn(bag, "descr") if statement.macro in _NODES else "",
            boundary=parent,
            tags=_bare(bag, "tags"),
            link=_bare(bag, "link"),
        )
        first = self.boxes.get(alias)
        if first is not None:
            element = replace(element, line=first.line)
        else:
            self.order.append(("box", alias))
        self.boxes[alias] = element

    def _relation(self, statement: Statement) -> None:
        arguments = list(statement.arguments)
        if statement.macro == "RelIndex":
            arguments = arguments[1:]
        bag: dict[str, _Text | str] = {}
        named = _fill(bag, arguments, statement.macro)
        self.drawn.meanings.append(_meaning(statement, bag, named))
        self._check_label(statement, arguments, position=2)
        source, target = _plain(arguments, 0), _plain(arguments, 1)
        if source is None or target is None or len(arguments) < 3:
            return
        relation = C4Relation(
            macro=statement.macro,
            source=source,
            target=target,
            label=_drawn(bag, "label"),
            line=self.line(statement.start),
            technology=_drawn(bag, "techn"),
            description=_drawn(bag, "descr"),
            index=_step_number(statement),
            tags=_bare(bag, "tags"),
            link=_bare(bag, "link"),
        )
        earlier = self.relations.get((source, target))
        if earlier is not None:
            first, _ = earlier
            self.drawn.repeated_relations.append(
                Repeat(statement, first.line, replaced_label=first.label)
            )
            relation = replace(
                relation, tags=relation.tags or first.tags, link=relation.link or first.link
            )
        self.relations[(source, target)] = (relation, statement)

    def _breakage(
        self, statement: Statement, bag: dict[str, _Text | str], name: str
    ) -> Breakage | None:
        if not isinstance(bag[name], _Text):
            return None
        place = next(
            (
                argument_place
                for argument, (argument_place, _) in zip(
                    statement.arguments, _places(statement.macro), strict=False
                )
                if argument.key == name
            ),
            "descr",
        )
        return Breakage(statement, name, place)

    def _check_label(
        self, statement: Statement, arguments: Sequence[Argument | str | None], position: int = 1
    ) -> None:
        """A boundary's or an arrow's label given as `$name=`: Mermaid cannot draw it."""
        label = arguments[position] if position < len(arguments) else None
        if isinstance(label, Argument) and label.key is not None:
            self.drawn.breakages.append(Breakage(statement, label.key, "label"))

    def _finish(self) -> None:
        drawn = self.drawn
        for styles in self.styles.values():
            drawn.breakages.extend(found for found in styles.values() if found is not None)
        for kind, alias in self.order:
            drawn.elements.append(self.shapes[alias] if kind == "shape" else self.boxes[alias])
        for alias, element in self.boxes.items():
            boundary = Boundary(
                alias=alias,
                kind=element.kind,
                label=element.label,
                page=self.page,
                line=element.line,
                diagram_index=self.index,
                technology=element.technology,
                description=element.description,
                parent=element.boundary,
            )
            self.boundary_of[alias] = boundary
            drawn.boundaries.append(boundary)
        for element in drawn.elements:
            owner = self.boundary_of.get(element.boundary) if element.boundary else None
            if owner is not None:
                owner.children.append(element.alias)
        for relation, statement in self.relations.values():
            drawn.relations.append(relation)
            for end in (relation.source, relation.target):
                if end not in self.shapes:
                    drawn.loose_ends.append(LooseEnd(statement, end, end in self.boxes))


_Place = tuple[str, "str | None"]
"""A parameter of a database function and the text Mermaid puts there when it is missing
(None where it leaves the field unset, or the parameter is not drawn as text)."""
_SHAPE_PLACES: tuple[_Place, ...] = (("alias", None), ("label", None))
_PLACES: dict[str, tuple[_Place, ...]] = {
    "person": (*_SHAPE_PLACES, ("descr", ""), ("sprite", None), ("tags", None), ("link", None)),
    "container": (
        *_SHAPE_PLACES,
        ("techn", ""),
        ("descr", ""),
        ("sprite", None),
        ("tags", None),
        ("link", None),
    ),
    "relation": (
        ("from", None),
        ("to", None),
        ("label", None),
        ("techn", ""),
        ("descr", ""),
        ("sprite", None),
        ("tags", None),
        ("link", None),
    ),
    # A deployment node's sprite is dropped: its function passes only tags and link on.
    "node": (
        *_SHAPE_PLACES,
        ("type", "node"),
        ("descr", ""),
        ("", None),
        ("tags", None),
        ("link", None),
    ),
    "boundary": (*_SHAPE_PLACES, ("type", "system"), ("tags", None), ("link", None)),
}


def _places(macro: str) -> tuple[_Place, ...]:
    if macro in _PERSON_OR_SYSTEM:
        return _PLACES["person"]
    if macro in _CONTAINER_OR_COMPONENT:
        return _PLACES["container"]
    if macro in RELATION_MACROS:
        return _PLACES["relation"]
    return _PLACES["node" if macro in _NODES else "boundary"]


def _fill(
    bag: dict[str, _Text | str], arguments: Sequence[Argument | str | None], macro: str
) -> tuple[str, ...]:
    """Fill `bag` from the arguments as Mermaid's database function for `macro` does; the keys
    of named arguments that stood in a positional place come back."""
    named: list[str] = []
    for position, (name, default) in enumerate(_places(macro)):
        argument = arguments[position] if position < len(arguments) else None
        if name in ("alias", "from", "to", ""):
            continue
        if name == "label":
            bag["label"] = _label(argument)
            continue
        if isinstance(argument, Argument) and argument.key is not None:
            named.append(argument.key)
        if default is not None:
            _explicit(bag, name, argument, default)
        else:
            _assign(bag, name, argument)
    return tuple(named)


def _label(argument: Argument | str | None) -> _Text:
    if argument is None:
        return _Text("", True)
    if isinstance(argument, Argument) and argument.key is not None:
        # Mermaid keeps the `{name: value}` pair as the label's text, and draws it as such.
        return _Text(_OBJECT_TEXT)
    return _Text(_value(argument))


def _explicit(
    bag: dict[str, _Text | str], name: str, argument: Argument | str | None, default: str
) -> None:
    """A place Mermaid fills with `{text: …}`: a named argument sets the field it names."""
    if argument is None:
        bag[name] = _Text(default, True)
    elif isinstance(argument, Argument) and argument.key is not None:
        bag[argument.key] = _Text(argument.value)
    else:
        bag[name] = _Text(_value(argument), isinstance(argument, str))


def _assign(bag: dict[str, _Text | str], name: str, argument: Argument | str | None) -> None:
    """A place Mermaid fills with the bare value (sprite, tags, link)."""
    if argument is None:
        return
    if isinstance(argument, Argument) and argument.key is not None:
        bag[argument.key] = argument.value
    else:
        bag[name] = _value(argument)


def _step_number(statement: Statement) -> str:
    if statement.macro != "RelIndex":
        return ""
    return _plain(list(statement.arguments), 0) or ""


def _value(argument: Argument | str) -> str:
    return argument if isinstance(argument, str) else argument.value


def _plain(arguments: Sequence[Argument | str | None], position: int) -> str | None:
    """A positional argument's text; None when it is missing, empty or named."""
    if position >= len(arguments):
        return None
    argument = arguments[position]
    if isinstance(argument, Argument):
        return argument.value if argument.key is None and argument.value else None
    return argument or None


def _drawn(bag: dict[str, _Text | str], name: str, *, given_only: bool = False) -> str:
    value = bag.get(name)
    if not isinstance(value, _Text) or (given_only and value.default):
        return ""
    return value.value


def _bare(bag: dict[str, _Text | str], name: str) -> str:
    value = bag.get(name)
    return value.value if isinstance(value, _Text) else (value or "")


def _meaning(statement: Statement, bag: dict[str, _Text | str], named: tuple[str, ...]) -> Meaning:
    arguments = list(statement.arguments)
    if statement.macro == "RelIndex":
        arguments = arguments[1:]
    fields = {name: _drawn(bag, name, given_only=name == "type") for name in _TEXT_FIELDS}
    if statement.macro in RELATION_MACROS:
        fields["source"] = _plain(arguments, 0) or ""
        fields["target"] = _plain(arguments, 1) or ""
    else:
        fields["alias"] = _plain(arguments, 0) or ""
    return Meaning(statement, fields, named)
