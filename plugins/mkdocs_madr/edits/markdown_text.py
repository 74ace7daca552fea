"""Putting plain text into Markdown so that it reads back as the same text."""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import quote

_ENTITY = re.compile(r"&(?=#?\w+;)")
_TRAILING_HASHES = re.compile(r"(\s)(#+)$")
_TABLE_SPECIAL = re.compile(r"([\\`*_\[\]<>|#!~&])")
_LINK_TEXT_SPECIAL = re.compile(r"([\\\[\]<`])")
_HREF_SPECIAL = re.compile(r"[\s()<>]")


def one_line(value: str) -> str:
    """Control characters (newlines, tabs, NUL, …) become spaces; runs of space collapse."""
    cleaned = "".join(
        " " if unicodedata.category(char) in ("Cc", "Zl", "Zp") else char for char in value
    )
    return " ".join(cleaned.split())


def inline(value: str) -> str:
    """A value for a heading or a metadata line: one line, raw HTML and closing `#`s escaped.

    `<` becomes `&lt;` (the reader drops tags before it undoes backslash escapes) and `&` only
    where it would start an entity.

    Emphasis and code spans stay: an author who types backticks into a title means them.
    """
    text = _ENTITY.sub("&amp;", one_line(value)).replace("<", "&lt;")
    return _TRAILING_HASHES.sub(lambda match: match.group(1) + "\\" + match.group(2), text)


def inline_list(values: list[str]) -> str:
    """Values for a `Key: a, b` metadata line. A line that opens with `[` or `{` reads as a
    YAML-style list or a template placeholder, so that bracket is escaped."""
    text = inline(", ".join(values))
    return "\\" + text if text.startswith(("[", "{")) else text


def link_text(value: str) -> str:
    """Text inside `[...]`: brackets, backslashes, `<` and backticks escaped."""
    return _LINK_TEXT_SPECIAL.sub(r"\\\1", one_line(value))


def table_cell(value: str) -> str:
    """Text for a table cell: `|` and every inline markup character escaped."""
    return _TABLE_SPECIAL.sub(r"\\\1", one_line(value))


def href(path: str) -> str:
    """A relative POSIX path as a link destination.

    Only what would end the destination early (space, parentheses, angle brackets) is
    percent-encoded; letters of every script stay as they are, as the parser reads them.
    """
    return _HREF_SPECIAL.sub(lambda match: quote(match.group(0)), path)
