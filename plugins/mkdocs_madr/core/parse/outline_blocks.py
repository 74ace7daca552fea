"""The blocks of a record's outline (`outline.Part` holds them), whichever reader found them."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class Item:
    """A list item: the text of its first paragraph, later paragraphs, nested items."""

    text: str
    line: int
    children: list[Item] = field(default_factory=list)
    more: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Block:
    """A top-level block of a section.

    `kind` is the token family: paragraph, list, fence, code, html, table, blockquote, hr.
    `text` holds a paragraph's inline source or a fence's content; `rows` a table's cells.
    """

    kind: str
    line: int
    end: int
    text: str = ""
    items: list[Item] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)
    start: int | None = None
    """An ordered list's first number; None for a bullet list."""
