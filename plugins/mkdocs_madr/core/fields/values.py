"""A declared field's value as written, checked against its type."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from ..parse.dates import read_date
from ..parse.vocabulary import fold
from ..text import collapse, plain, split_list
from .declaration import FieldDeclaration, FieldType

_TRUE = frozenset({"true", "yes", "y", "on", "1"})
_FALSE = frozenset({"false", "no", "n", "off", "0"})
_WHOLE = re.compile(r"^[+-]?\d+$")
_NUMBER = re.compile(r"^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$")


@dataclass(frozen=True)
class Checked:
    """The typed value (None when the record states none, or it does not fit), and what is
    wrong with it."""

    value: object = None
    problem: str | None = None


def is_empty(raw: object) -> bool:
    return raw is None or (isinstance(raw, str | list | dict) and not _text_of(raw).strip())


def check_value(declared: FieldDeclaration, raw: object) -> Checked:
    """Read `raw` (a YAML value, or the text of a bullet or line) as `declared` wants it."""
    if is_empty(raw):
        return Checked()
    kind = declared.type
    if kind is FieldType.PERSON_LIST:
        return _people(raw)
    if isinstance(raw, dict) or (isinstance(raw, list) and kind is not FieldType.TEXT):
        return Checked(problem=f"must be a single {kind.value}, not a {_shape(raw)}")
    if kind is FieldType.DATE:
        reading = read_date(raw)
        if reading.iso is None:
            return Checked(problem=f"{_quoted(raw)} is not a date (write YYYY-MM-DD)")
        return Checked(reading.iso)
    if kind is FieldType.NUMBER:
        return _number(raw)
    if kind is FieldType.BOOLEAN:
        return _boolean(raw)
    text = _text_of(raw)
    if kind is FieldType.ENUM:
        for value in declared.values:
            if fold(value) == fold(text):
                return Checked(value)
        return Checked(problem=f"{_quoted(raw)} is not one of {', '.join(declared.values)}")
    if kind is FieldType.URL:
        return _url(text)
    if kind is FieldType.LONG_TEXT:
        return Checked(text.strip())
    return Checked(collapse(plain(text)))


def _people(raw: object) -> Checked:
    if isinstance(raw, list):
        if not all(isinstance(item, str | int | float) for item in raw):
            return Checked(problem="must list names")
        names = [collapse(plain(str(item))) for item in raw]
    elif isinstance(raw, str):
        names = split_list(raw)
    else:
        return Checked(problem=f"{_quoted(raw)} is not a list of names")
    return Checked([name for name in names if name])


def _number(raw: object) -> Checked:
    if isinstance(raw, bool):
        return Checked(problem=f"{_quoted(raw)} is not a number")
    if isinstance(raw, int | float):
        return Checked(raw) if math.isfinite(raw) else Checked(problem="must be a finite number")
    text = _text_of(raw).strip().replace("_", "")
    if not _NUMBER.match(text):
        return Checked(problem=f"{_quoted(raw)} is not a number")
    number = float(text)
    if not math.isfinite(number):
        return Checked(problem="must be a finite number")
    return Checked(int(text) if _WHOLE.match(text) else number)


def _boolean(raw: object) -> Checked:
    if isinstance(raw, bool):
        return Checked(raw)
    word = _text_of(raw).strip().lower()
    if word in _TRUE:
        return Checked(True)
    if word in _FALSE:
        return Checked(False)
    return Checked(problem=f"{_quoted(raw)} is not yes or no (true, false)")


def _url(text: str) -> Checked:
    address = text.strip().strip("<>")
    parts = urlsplit(address) if " " not in address else None
    if parts is None or parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return Checked(problem=f"{_quoted(text)} is not an http or https address")
    return Checked(address)


def _text_of(raw: object) -> str:
    if isinstance(raw, list):
        return ", ".join(_text_of(item) for item in raw)
    if isinstance(raw, dict):
        return ", ".join(str(key) for key in raw)
    return "" if raw is None else str(raw)


def _shape(raw: object) -> str:
    return "list" if isinstance(raw, list) else "mapping"


def _quoted(raw: object) -> str:
    text = _text_of(raw)
    return repr(text if len(text) <= 60 else text[:59] + "…")
