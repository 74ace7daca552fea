"""The Markdown decision log `adr index` writes between marker comments in a README."""

from __future__ import annotations

from dataclasses import dataclass

from .document import Document
from .layout import EditError
from .markdown_text import table_cell

START = "<!-- adr-index:start -->"
END = "<!-- adr-index:end -->"


@dataclass(frozen=True)
class Row:
    """One record in the log; `href` is relative to the file the log is written into."""

    id: str
    title: str
    href: str
    status: str
    date: str


def table(rows: list[Row]) -> list[str]:
    """A Markdown table: id, linked title, status, date. Cells cannot break the table."""
    lines = ["| ID | Decision | Status | Date |", "| --- | --- | --- | --- |"]
    for row in rows:
        href = row.href.replace("|", "%7C")
        cells = [
            table_cell(row.id),
            f"[{table_cell(row.title)}]({href})",
            table_cell(row.status),
            table_cell(row.date),
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return lines


def splice(document: Document, lines: list[str]) -> Document:
    """Put `lines` between the markers, or append the markers and lines at the end.

    Only the lines between the markers change. Markers inside fenced code are ignored.
    """
    code = document.code_lines()
    starts = [i for i, line in enumerate(document.lines) if line.strip() == START and not code[i]]
    ends = [i for i, line in enumerate(document.lines) if line.strip() == END and not code[i]]
    if not starts and not ends:
        block = [START, *lines, END]
        if document.lines and not document.is_blank(len(document) - 1):
            block.insert(0, "")
        document.insert(len(document), block)
        return document
    if not starts or not ends:
        missing, found = (START, ends[0]) if not starts else (END, starts[0])
        raise EditError(f"found one index marker but not '{missing}'", found + 1)
    start = starts[0]
    end = next((index for index in ends if index > start), None)
    if end is None:
        raise EditError(f"'{END}' must come after '{START}'", ends[0] + 1)
    document.replace_range(start + 1, end, lines)
    return document
