"""Reading a term label and an alias line; shared by the parser and the glossary-page pass."""

from __future__ import annotations

import re

_ATTRIBUTE_LIST = re.compile(r"\s*\{:?\s*[#.][^{}]*\}\s*$")
_TRAILING_PARENTHESES = re.compile(r"^(?P<name>.*?\S)\s*\((?P<inner>[^()]*)\)$")
_ALIAS_LINE = re.compile(
    r"^\s*(?:aliases|alias|also\s+known\s+as|also|aka|a\.k\.a\.)\s*:\s*(?P<names>.*?)\s*$",
    re.IGNORECASE,
)
_ALIAS_SEPARATORS = re.compile(r"[,;]")
_LONGEST_ALIAS = 80


def clean_label(label: str) -> str:
    """The label with whitespace collapsed and a trailing colon or `{#id}` list removed."""
    label = _ATTRIBUTE_LIST.sub("", label)
    return " ".join(label.split()).rstrip(":").rstrip()


def split_label(label: str) -> tuple[str, list[str]]:
    """Name and aliases of a label: `Architecture Decision Record (ADR)` gives the alias ADR.

    Any trailing parenthesis is read as a list of aliases separated by commas or semicolons.
    """
    label = clean_label(label)
    match = _TRAILING_PARENTHESES.match(label)
    if match is None:
        return label, []
    aliases = [alias for alias in _split_names(match["inner"]) if alias]
    return match["name"].rstrip(":").rstrip(), aliases


def parse_alias_line(text: str) -> list[str] | None:
    """The aliases named by a line such as `Aliases: x, y` or `Also: x`; None if it is not one.

    A line whose items are empty or too long to be a name is prose, not an alias list.
    """
    match = _ALIAS_LINE.match(text)
    if match is None:
        return None
    names = _split_names(match["names"].rstrip("."))
    if not names or any(not name or len(name) > _LONGEST_ALIAS for name in names):
        return None
    return names


def _split_names(text: str) -> list[str]:
    return [" ".join(part.split()).strip("\"'“”‘’") for part in _ALIAS_SEPARATORS.split(text)]
