"""Metadata tables, as the record reader reads them, and the cell that holds a field's value.

Two layouts are read, also inside a block quote:

* a key per row: `| Status | Accepted |`, the value in the cell after the key;
* the keys as the header row, the values in the first row below the delimiter row:

      | Status   | Date       |
      |----------|------------|
      | Accepted | 2025-01-10 |

A table is keyed by its header when at least two of its header cells are field names (the
rule of `core.parse.fields.fields_from_table`); `| Status | Accepted |` as a header row is then
still a key and its value.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ..core.parse.fields import split_key_value
from ..core.text import heading_key
from .document import Document

_PIPE = re.compile(r"(?<!\\)\|")
_DELIMITER_CELL = re.compile(r":?-+:?")
_QUOTE = " \t>"
"""Around a row: spaces and block-quote markers (`>| Status | Accepted |`)."""


@dataclass(frozen=True)
class Cell:
    """A table cell: its line (0-based) and its text's span, between the pipes around it."""

    line: int
    start: int
    end: int


def in_table(document: Document, index: int) -> bool:
    """Whether line `index` is a table row: it opens with a pipe, or its block of lines with
    pipes has a delimiter row second."""
    line = document.lines[index]
    if "|" not in line:
        return False
    if line.lstrip(_QUOTE).startswith("|"):
        return True
    first, last = _block(document, index)
    return last > first and _is_delimiter(document.lines[first + 1])


def field_cell(document: Document, index: int, field: str) -> Cell | None:
    """The cell that holds `field`'s value in the metadata table around line `index`, when
    that table states the field; None when line `index` is in no such table."""
    if not in_table(document, index):
        return None
    first, last = _block(document, index)
    header = _texts(document.lines[first])
    keyed_by_header = (
        last >= first + 2
        and _is_delimiter(document.lines[first + 1])
        and len(header) >= 2
        and sum(1 for text in header if field_of(text) is not None) >= 2
    )
    if keyed_by_header:
        columns = [column for column, text in enumerate(header) if field_of(text) == field]
        if not columns or index not in (first, first + 2):
            return None
        return _cell(document.lines[first + 2], first + 2, columns[0])
    if field_of(_texts(document.lines[index])[0]) != field:
        return None
    return _cell(document.lines[index], index, 1)


def _block(document: Document, index: int) -> tuple[int, int]:
    """The first and last lines of the run of lines with pipes around line `index`."""
    first = index
    while first > 0 and _is_row(document.lines[first - 1]):
        first -= 1
    last = index
    while last + 1 < len(document) and _is_row(document.lines[last + 1]):
        last += 1
    return first, last


def field_of(text: str) -> str | None:
    """The field a cell's text names (`**Status**` → `status`), or None."""
    pair = split_key_value(f"{heading_key(text)}: x")
    return pair[0] if pair is not None else None


def rewrite(document: Document, cell: Cell, value: Callable[[str], str]) -> None:
    """Replace the cell's text by `value(its text)`, keeping the spaces around it; a `|` in the
    new text is escaped."""
    line = document.lines[cell.line]
    text = line[cell.start : cell.end]
    inner = text.strip()
    left = text[: len(text) - len(text.lstrip())] or " "
    closed = cell.end < len(line.rstrip(" \t"))
    right = text[len(text.rstrip()) :] or (" " if closed else "")
    new = value(inner).replace("|", "\\|")
    document.replace(cell.line, line[: cell.start] + left + new + right + line[cell.end :])


def _cell(line: str, index: int, column: int) -> Cell | None:
    pipes = [match.start() for match in _PIPE.finditer(line)]
    leading = bool(pipes) and not line[: pipes[0]].strip(_QUOTE)
    edges = pipes if leading else [-1, *pipes]
    if column >= len(edges):
        return None
    start = edges[column] + 1
    end = edges[column + 1] if column + 1 < len(edges) else len(line.rstrip(" \t"))
    return Cell(index, start, end) if start <= end else None


def _texts(line: str) -> list[str]:
    return [text.strip() for text in _PIPE.split(line.lstrip(_QUOTE).strip().strip("|"))]


def _is_row(line: str) -> bool:
    return bool(line.strip()) and "|" in line


def _is_delimiter(line: str) -> bool:
    return all(_DELIMITER_CELL.fullmatch(text) for text in _texts(line))
