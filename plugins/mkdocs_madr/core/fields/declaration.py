"""A `fields` setting: each field's name, type, label and the statuses that require it."""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass

from ..parse.vocabulary import DEFAULT, fold


class FieldType(str, enum.Enum):
    TEXT = "text"
    LONG_TEXT = "long text"
    DATE = "date"
    PERSON_LIST = "person list"
    ENUM = "enum"
    URL = "url"
    NUMBER = "number"
    BOOLEAN = "boolean"


_TYPE_SPELLINGS = {
    **{kind.value: kind for kind in FieldType},
    "long-text": FieldType.LONG_TEXT,
    "long_text": FieldType.LONG_TEXT,
    "person-list": FieldType.PERSON_LIST,
    "person_list": FieldType.PERSON_LIST,
    "people": FieldType.PERSON_LIST,
    "bool": FieldType.BOOLEAN,
}
_LOG_FILTERS = frozenset({"tag", "decider", "category", "q", "text", "limit", "key", "number"})
"""Names the decision log's address already uses for its own filters."""
_PARTS = frozenset({"type", "label", "required", "values"})


@dataclass(frozen=True)
class FieldDeclaration:
    """One declared field.

    Attributes:
        name: The key as declared (`review-by`); also the key in `decisions.json`.
        type: What its values must be.
        label: What the site calls it (default: the name).
        required: The statuses for which a record must state it; `("*",)` for every status.
        values: An enum's values, as declared.
    """

    name: str
    type: FieldType = FieldType.TEXT
    label: str = ""
    required: tuple[str, ...] = ()
    values: tuple[str, ...] = ()

    @property
    def title(self) -> str:
        return self.label or self.name

    def matches(self, key: str) -> bool:
        """Whether a record's key names this field: its name or label, in any case, with
        `-`, `_` and spaces alike (`Review by`, `review_by`, `reviewBy` for `review-by`)."""
        wanted = key_form(key)
        return wanted in (key_form(self.name), key_form(self.label))

    def required_for(self, status: str | None, lifecycle: str | None) -> bool:
        if "*" in self.required:
            return True
        said = {fold(word) for word in (status, lifecycle) if word}
        return any(fold(word) in said for word in self.required)


def key_form(key: str) -> str:
    """A key as compared with declared names: folded, without separators."""
    return "".join(char for char in fold(key) if char.isalnum())


def read_declarations(value: object) -> dict[str, FieldDeclaration]:
    """`{name: {type, label, required, values}}` (or `{name: type}`), checked; raises
    ValueError with a message naming the field and what is wrong."""
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise ValueError("must map field names to their declarations ({owner: {type: text}})")
    found: dict[str, FieldDeclaration] = {}
    for raw_name, raw in value.items():
        name = str(raw_name).strip()
        if not name or "\x00" in name:
            raise ValueError(f"{raw_name!r}: a field needs a name")
        if key_form(name) in _LOG_FILTERS:
            raise ValueError(f"{name}: the decision log already filters by '{name}'")
        read_as = DEFAULT.field(name)
        if read_as is not None:
            raise ValueError(f"{name}: the reader already reads this key as the record's {read_as}")
        found[name] = _declaration(name, raw)
    forms: dict[str, str] = {}
    for declared in found.values():
        for key in {declared.name, declared.label} - {""}:
            other = forms.setdefault(key_form(key), declared.name)
            if other != declared.name:
                raise ValueError(f"{declared.name}: '{key}' also names the field {other}")
    return found


def _declaration(name: str, raw: object) -> FieldDeclaration:
    if raw is None:
        return FieldDeclaration(name)
    if isinstance(raw, str):
        raw = {"type": raw}
    if not isinstance(raw, Mapping):
        raise ValueError(f"{name}: must be a type or a mapping of type, label, required, values")
    unknown = sorted(str(key) for key in set(raw) - _PARTS)
    if unknown:
        raise ValueError(f"{name}: unknown part '{unknown[0]}' (type, label, required, values)")
    kind = _TYPE_SPELLINGS.get(fold(str(raw.get("type") or "text")))
    if kind is None:
        choices = ", ".join(kind.value for kind in FieldType)
        raise ValueError(f"{name}: type must be one of {choices}, not {raw.get('type')!r}")
    label = raw.get("label") or ""
    if not isinstance(label, str):
        raise ValueError(f"{name}: label must be a text, not {label!r}")
    values = raw.get("values") or []
    if kind is FieldType.ENUM:
        if (
            not isinstance(values, list)
            or not values
            or not all(
                isinstance(item, str | int | float) and not isinstance(item, bool)
                for item in values
            )
        ):
            raise ValueError(f"{name}: an enum needs a list of values")
    elif values:
        raise ValueError(f"{name}: only an enum has values")
    return FieldDeclaration(
        name,
        kind,
        label.strip(),
        _required(name, raw.get("required")),
        tuple(str(item).strip() for item in values),
    )


def _required(name: str, value: object) -> tuple[str, ...]:
    if value is None or value is False:
        return ()
    if value is True:
        return ("*",)
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ValueError(f"{name}: required must be true, or a list of statuses")
    return tuple(item.strip().lower() for item in value if item.strip())
