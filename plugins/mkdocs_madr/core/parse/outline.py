"""The structure of a Markdown document: `plain_markdown` reads the plain Markdown most records
are written in, markdown-it-py's block tokens anything else.

Only block rules run (no inline parsing), which is what makes reading thousands of records
cheap. The result is a tree of `Part`s, each holding its top-level `Block`s with their
1-based source lines; lists keep their nesting as `Item`s.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from types import FunctionType
from typing import cast

from markdown_it import MarkdownIt
from markdown_it.parser_block import RuleFuncBlockType
from markdown_it.rules_block import StateBlock
from markdown_it.rules_core import StateCore, normalize
from markdown_it.token import Token

from ..text import heading_key, without_attributes
from .outline_blocks import Block, Item
from .plain_markdown import Entry, Heading, scan


def _block_parser(tables: bool) -> MarkdownIt:
    md = MarkdownIt("commonmark", {"maxNesting": 40})
    # Structure needs neither inline parsing nor reference definitions, thematic breaks or
    # block quotes (their text stays paragraphs); each rule costs time on every line.
    md.disable(["inline", "text_join", "reference", "hr", "blockquote"])
    if tables:
        md.enable("table")
    for rule in md.block.ruler.__rules__:
        fn = _quiet(rule.fn)
        if rule.name in _OPENERS:
            fn = _opening(_OPENERS[rule.name], fn)
        md.block.ruler.at(rule.name, fn, {"alt": rule.alt})
    md.core.ruler.at("normalize", _normalize)
    return md


def _normalize(state: StateCore) -> None:
    # markdown-it's rule rewrites every line break, `\n` to `\n` included, in every document.
    if "\r" in state.src or "\0" in state.src:
        normalize(state)


class _Silent:
    def debug(self, *args: object) -> None:
        pass


def _quiet(rule: RuleFuncBlockType) -> RuleFuncBlockType:
    """A copy of `rule` whose `LOGGER.debug` does nothing.

    markdown-it logs every rule it tries at debug level (hundreds of calls a record); the copy
    differs from `rule` only in the logger its module's globals name, so this parser's results
    are the same and every other markdown-it parser in the process still logs.
    """
    module = {**rule.__globals__, "LOGGER": _Silent()}
    copy = FunctionType(rule.__code__, module, rule.__name__, rule.__defaults__, rule.__closure__)
    return cast(RuleFuncBlockType, copy)


_OPENERS = {"fence": "`~", "list": "*+-0123456789", "html_block": "<", "heading": "#"}
"""The characters a line must start with for each rule to match it.

Every block rule is tried at the start of every block, and again (as a terminator) on every
line of a paragraph; each rule fails on any other first character, without touching the state.
"""


def _opening(chars: str, rule: RuleFuncBlockType) -> RuleFuncBlockType:
    """`rule`, answering False at once for a line that starts with none of `chars`."""

    def guarded(state: StateBlock, start: int, end: int, silent: bool) -> bool:
        position = state.bMarks[start] + state.tShift[start]
        if state.src[position : position + 1] not in chars:
            return False
        return rule(state, start, end, silent)

    return guarded


_MD = _block_parser(tables=False)
_TABLE_ROW = re.compile(r"^[ >]*\|", re.MULTILINE)
_MD_TABLES = _block_parser(tables=True)


@dataclass(slots=True)
class Part:
    """A heading and everything under it up to the next heading of the same or higher rank.

    The root of a document is a section with level 0 and no title. `end` is the first line
    after the section (exclusive).
    """

    title: str
    level: int
    line: int
    end: int
    blocks: list[Block] = field(default_factory=list)
    children: list[Part] = field(default_factory=list)
    key: str = ""
    """The heading normalised for matching (see `text.heading_key`)."""

    def walk(self) -> Iterator[Part]:
        """This section and every section below it, in document order."""
        yield self
        for child in self.children:
            yield from child.walk()

    def paragraphs(self) -> Iterator[Block]:
        return (block for block in self.blocks if block.kind == "paragraph")

    def items(self) -> list[Item]:
        """Top-level items of every list directly in this section."""
        return [item for block in self.blocks if block.kind == "list" for item in block.items]


def parse_table(text: str) -> list[list[str]]:
    """The cells of the first table in `text` (its header row first), or no rows."""
    tokens = _MD_TABLES.parse(text)
    for index, token in enumerate(tokens):
        if token.type == "table_open":
            return _read_table(tokens, index, 0)[0].rows
    return []


def parse_outline(body: str, line_offset: int = 0) -> Part:
    """Parse `body` into a section tree; `line_offset` shifts lines (front matter above)."""
    # The table rule costs time on every line: only records with a table above their first
    # section (their metadata) pay it; `parse_table` reads a table found elsewhere.
    head = body[: body.find("\n## ")] if "\n## " in body else body
    tables = _TABLE_ROW.search(head) is not None
    entries = None if tables else scan(body, line_offset)
    if entries is None:
        entries = _entries((_MD_TABLES if tables else _MD).parse(body), line_offset)
    total = body.count("\n") + 1
    root = Part("", 0, 1 + line_offset, total + line_offset + 1)
    stack = [root]
    for entry in entries:
        if isinstance(entry, Heading):
            while stack[-1].level >= entry.level:
                stack.pop().end = entry.line
            title = without_attributes(entry.title)
            section = Part(
                title, entry.level, entry.line, total + line_offset + 1, key=heading_key(title)
            )
            stack[-1].children.append(section)
            stack.append(section)
        else:
            stack[-1].blocks.append(entry)
    return root


def _entries(tokens: list[Token], offset: int) -> list[Entry]:
    """The headings and top-level blocks of markdown-it's tokens."""
    entries: list[Entry] = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if token.type == "heading_open":
            content = tokens[index + 1].content
            entries.append(Heading(int(token.tag[1]), content, _line(token, offset)))
            index += 3
            continue
        block, index = _read_block(tokens, index, offset)
        if block is not None:
            entries.append(block)
    return entries


def _line(token: Token, offset: int) -> int:
    return (token.map[0] if token.map else 0) + 1 + offset


def _end(token: Token, offset: int) -> int:
    return (token.map[1] if token.map else 0) + offset


def _read_block(tokens: list[Token], index: int, offset: int) -> tuple[Block | None, int]:
    token = tokens[index]
    kind = token.type
    if kind == "paragraph_open":
        inline = tokens[index + 1]
        block = Block("paragraph", _line(token, offset), _end(token, offset), inline.content)
        return block, index + 3
    if kind in ("bullet_list_open", "ordered_list_open"):
        items, after = _read_list(tokens, index + 1, offset)
        block = Block("list", _line(token, offset), _end(token, offset), items=items)
        if kind == "ordered_list_open":
            block.start = int(str(token.attrs.get("start", 1)))
        return block, after
    if kind == "fence":
        block = Block("fence", _line(token, offset), _end(token, offset), token.content)
        block.rows = [[token.info.strip()]]
        return block, index + 1
    if kind in ("code_block", "html_block", "hr"):
        name = {"code_block": "code", "html_block": "html", "hr": "hr"}[kind]
        return Block(name, _line(token, offset), _end(token, offset), token.content), index + 1
    if kind == "table_open":
        return _read_table(tokens, index, offset)
    if kind == "blockquote_open":
        close = _matching_close(tokens, index)
        return Block("blockquote", _line(token, offset), _end(token, offset)), close + 1
    return None, index + 1


def _matching_close(tokens: list[Token], index: int) -> int:
    depth = 0
    for position in range(index, len(tokens)):
        depth += tokens[position].nesting
        if depth == 0:
            return position
    return len(tokens) - 1


def _read_list(tokens: list[Token], index: int, offset: int) -> tuple[list[Item], int]:
    items: list[Item] = []
    while index < len(tokens):
        token = tokens[index]
        if token.type in ("bullet_list_close", "ordered_list_close"):
            return items, index + 1
        if token.type == "list_item_open":
            item, index = _read_item(tokens, index + 1, _line(token, offset), offset)
            items.append(item)
            continue
        index += 1
    return items, index


def _read_item(tokens: list[Token], index: int, line: int, offset: int) -> tuple[Item, int]:
    item = Item("", line)
    first = True
    while index < len(tokens):
        token = tokens[index]
        kind = token.type
        if kind == "list_item_close":
            return item, index + 1
        if kind == "paragraph_open":
            content = tokens[index + 1].content
            if first:
                item.text = content
            else:
                item.more.append(content)
            first = False
            index += 3
        elif kind in ("bullet_list_open", "ordered_list_open"):
            children, index = _read_list(tokens, index + 1, offset)
            item.children.extend(children)
            first = False
        else:
            index = _matching_close(tokens, index) + 1 if token.nesting == 1 else index + 1
    return item, index


def _read_table(tokens: list[Token], index: int, offset: int) -> tuple[Block, int]:
    block = Block("table", _line(tokens[index], offset), _end(tokens[index], offset))
    row: list[str] = []
    while index < len(tokens):
        token = tokens[index]
        if token.type == "tr_open":
            row = []
        elif token.type == "inline":
            row.append(token.content)
        elif token.type == "tr_close":
            block.rows.append(row)
        elif token.type == "table_close":
            return block, index + 1
        index += 1
    return block, index
