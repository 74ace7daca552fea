"""The decision log's columns for the team's declared fields: what each cell shows, the value
it sorts by, and the choices of its filter."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from ...core.fields.declaration import FieldDeclaration, FieldType
from ...core.labels import Labels
from ...core.model import Decision

FILTERED = frozenset({FieldType.ENUM, FieldType.BOOLEAN, FieldType.PERSON_LIST, FieldType.TEXT})
"""Types whose values are few enough to choose from; the others are sorted and searched."""
MAX_CHOICES = 60
"""A text field with more distinct values than this gets no filter (it is searched instead)."""


@dataclass(frozen=True)
class FieldCell:
    texts: tuple[str, ...]
    """What the cell shows: one text, or one per name of a person list."""
    sort: str
    """What it sorts by: ISO dates and texts as they are, numbers zero-padded."""


@dataclass(frozen=True)
class FieldColumn:
    name: str
    label: str
    kind: str
    choices: tuple[tuple[str, str], ...] | None
    """(value, label) of the filter's options, None when the column has no filter."""
    cells: Mapping[int, FieldCell]
    """The cell of each record (by `id`) that states the field."""

    @property
    def links(self) -> bool:
        """Whether each value links to the log filtered by it."""
        return self.choices is not None

    def cell(self, decision: Decision) -> FieldCell | None:
        return self.cells.get(id(decision))


def log_columns(
    decisions: Sequence[Decision], declarations: Mapping[str, FieldDeclaration], labels: Labels
) -> list[FieldColumn]:
    """A column per declared field the records state, but long texts."""
    columns = []
    for name, declared in declarations.items():
        if declared.type is FieldType.LONG_TEXT:
            continue
        cells = {}
        for decision in decisions:
            value = decision.fields.get(name)
            if value is not None and value != []:
                cells[id(decision)] = _cell(declared.type, value, labels)
        if not cells:
            continue
        choices = _choices(declared, cells.values(), labels)
        kind = declared.type.value.replace(" ", "-")
        columns.append(FieldColumn(name, declared.title, kind, choices, cells))
    return columns


def _cell(kind: FieldType, value: object, labels: Labels) -> FieldCell:
    if isinstance(value, list):
        names = tuple(str(item) for item in value)
        return FieldCell(names, ", ".join(names).lower())
    if isinstance(value, bool):
        return FieldCell((labels["yes"] if value else labels["no"],), "1" if value else "0")
    if kind is FieldType.NUMBER and isinstance(value, int | float):
        shown = f"{value:g}" if isinstance(value, float) else str(value)
        return FieldCell((shown,), _sortable(value))
    return FieldCell((str(value),), str(value).lower())


def _sortable(number: float) -> str:
    """A number as text that sorts as the number does (negative ones first)."""
    if number < 0:
        return f"0{1e15 + number:020.4f}"
    return f"1{number:020.4f}"


def _choices(
    declared: FieldDeclaration, cells: Iterable[FieldCell], labels: Labels
) -> tuple[tuple[str, str], ...] | None:
    if declared.type not in FILTERED:
        return None
    if declared.type is FieldType.ENUM:
        return tuple((value, value) for value in declared.values)
    if declared.type is FieldType.BOOLEAN:
        return ((labels["yes"], labels["yes"]), (labels["no"], labels["no"]))
    first: dict[str, str] = {}
    for cell in cells:
        for text in cell.texts:
            first.setdefault(text.lower(), text)
    if len(first) > MAX_CHOICES:
        return None
    return tuple((text, text) for text in sorted(first.values(), key=str.lower))
