"""The block structure of plain Markdown, read line by line: what markdown-it's block rules
make of it (as `outline` configures them), several times faster.

Most records use a small part of Markdown: ATX headings, paragraphs (rules among them: the
outline's markdown-it reads no thematic breaks), lists whose items start with text, fences and
HTML comments at the left margin. `scan` reads a document made only of these, and answers None
for anything else (tabs, other HTML, indented code, setext headings, a list item that opens
with a block, a sibling item indented differently, …), which `outline` then gives to
markdown-it. Where it answers, the blocks are the ones markdown-it's tokens give, line numbers
included: `tests/test_plain_markdown.py` compares the two on every fixture, on the generated
records and on random documents.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from markdown_it.common.utils import mdTrim

from .outline_blocks import Block, Item


@dataclass(frozen=True, slots=True)
class Heading:
    level: int
    title: str
    line: int


Entry = Block | Heading


class _Unsupported(Exception):
    """Something outside the subset: markdown-it reads the document."""


_MARKER = re.compile(r"([*+-]|(\d{1,9})([.)]))( {1,4})(?=[^ ])")
"""A list marker, its spaces and the start of its text (at most four spaces: with more, the
text would be indented code)."""
_BARE_MARKER = re.compile(r"(?:[*+-]|\d{1,9}[.)])(?: |$)")
"""Any list marker, also of an empty item."""
_UNDERLINE = re.compile(r"(?:-+|=+) *")
"""Under a paragraph's line, this makes it a setext heading."""
_HEADING = re.compile(r"(#{1,6})(?: |$)")
_DEEPEST = 8
"""Lists nested deeper than this are left to markdown-it, far from where its nesting limit (40
levels: each list and each item is one) makes it drop the rest of a document."""


def scan(source: str, offset: int = 0) -> list[Entry] | None:
    """The headings and top-level blocks of `source`, lines shifted by `offset`, or None."""
    if "\t" in source or "\r" in source or "\0" in source:
        return None
    lines = source.split("\n")
    last_broken = True  # whether the last line kept ends with a line break
    if source.endswith("\n"):
        lines.pop()
    elif not lines[-1].strip(" "):
        lines.pop()  # markdown-it keeps no last line of spaces without a line break
    else:
        last_broken = False
    try:
        return _Scanner(lines, last_broken, offset).document()
    except _Unsupported:
        return None


class _Scanner:
    def __init__(self, lines: list[str], final_break: bool, offset: int) -> None:
        self.lines = lines
        self.count = len(lines)
        self.final_break = final_break
        self.offset = offset
        self.indents = [len(line) - len(line.lstrip(" ")) for line in lines]

    # -- lines

    def blank(self, at: int) -> bool:
        return self.indents[at] == len(self.lines[at])

    def checked_text(self, at: int) -> str:
        """The line from its first character; raises `_Unsupported` (markdown-it reads the
        document) for HTML other than a comment."""
        text = self.lines[at][self.indents[at] :]
        if text.startswith("<") and not text.startswith("<!--"):
            raise _Unsupported
        return text

    def source(self, start: int, end: int) -> str:
        """Lines `start` to `end` (excluded) as the file has them, line breaks included."""
        text = "".join(self.lines[line] + "\n" for line in range(start, end))
        if end == self.count and end > start and not self.final_break:
            text = text[:-1]  # the last line of a file without a final line break
        return text

    def skip_blank(self, at: int) -> int:
        while at < self.count and self.blank(at):
            at += 1
        return at

    # -- the document

    def document(self) -> list[Entry]:
        entries: list[Entry] = []
        at = self.skip_blank(0)
        while at < self.count:
            if self.indents[at]:
                raise _Unsupported  # indented code, or a paragraph or list off the margin
            text = self.checked_text(at)
            heading = _HEADING.match(text)
            if heading is not None:
                entries.append(self.heading(at, text, len(heading[1])))
                at += 1
            elif _fence_opening(text) is not None:
                block, at = self.fence(at, text)
                entries.append(block)
            elif text.startswith("<!--"):
                block, at = self.comment(at)
                entries.append(block)
            elif _BARE_MARKER.match(text):
                block, at = self.list(at, outer=0)
                entries.append(block)
            else:
                end = self.paragraph_end(at, indent=0, list_indent=-1)
                entries.append(
                    Block(
                        "paragraph",
                        at + 1 + self.offset,
                        end + self.offset,
                        self.paragraph_text(at, end, 0, text),
                    )
                )
                at = end
            at = self.skip_blank(at)
        return entries

    def heading(self, at: int, text: str, level: int) -> Heading:
        rest = text[level:].rstrip(" ")
        unclosed = rest.rstrip("#")
        if unclosed and unclosed[-1] == " ":
            rest = unclosed  # `## Title ##`: the closing sequence is no part of it
        return Heading(level, mdTrim(rest), at + 1 + self.offset)

    def fence(self, at: int, text: str) -> tuple[Block, int]:
        marker, length, info = _fence_opening(text)  # type: ignore[misc]
        end, closed = at + 1, False
        while end < self.count:
            line = self.lines[end]
            indent = self.indents[end]
            if indent < 4:
                run = len(line) - indent - len(line[indent:].lstrip(marker))
                if run >= length and not line[indent + run :].strip(" "):
                    closed = True
                    break
            end += 1
        after = end + 1 if closed else end
        block = Block("fence", at + 1 + self.offset, after + self.offset, self.source(at + 1, end))
        block.rows = [[info.strip()]]
        return block, after

    def comment(self, at: int) -> tuple[Block, int]:
        """An HTML comment at the margin, to the line that closes it (or the end)."""
        end = at
        while end < self.count and "-->" not in self.lines[end]:
            end += 1
        after = min(end + 1, self.count)
        return Block(
            "html", at + 1 + self.offset, after + self.offset, self.source(at, after)
        ), after

    # -- paragraphs

    def paragraph_end(self, at: int, indent: int, list_indent: int) -> int:
        """The line after a paragraph starting at `at`, in a block indented `indent` (the item's
        content column, or 0), in a list whose parent is indented `list_indent` (-1: none)."""
        end = at + 1
        while end < self.count and not self.blank(end):
            if self.indents[end] - indent > 3:
                end += 1  # indented code cannot interrupt a paragraph: its text goes on
                continue
            if self.ends_paragraph(end, indent, list_indent):
                break
            end += 1
        return end

    def ends_paragraph(self, at: int, indent: int, list_indent: int) -> bool:
        spaces = self.indents[at]
        text = self.checked_text(at)
        if spaces >= indent and _UNDERLINE.fullmatch(text):
            raise _Unsupported  # a setext heading
        if _fence_opening(text) is not None or _HEADING.match(text) or text.startswith("<"):
            return True
        if not _BARE_MARKER.match(text):
            return False
        if list_indent >= 0 and spaces - list_indent >= 4 and spaces < indent:
            return False
        marker = _MARKER.match(text)
        if marker is None:
            raise _Unsupported  # an empty item, or text five spaces or more after its marker
        if spaces < indent:
            return True
        # A list may interrupt a paragraph if its first item is numbered 1, or not numbered.
        return marker[2] is None or int(marker[2]) == 1

    def paragraph_text(self, at: int, end: int, indent: int, first: str) -> str:
        lines = [first]
        for line in range(at + 1, end):
            lines.append(self.lines[line][min(self.indents[line], indent) :])
        return mdTrim("\n".join(lines))

    # -- lists

    def list(self, at: int, outer: int, depth: int = 1) -> tuple[Block, int]:
        """A list whose first item is at `at`, in a block indented `outer`, `depth` lists deep."""
        if depth > _DEEPEST:
            raise _Unsupported
        first = self.item_marker(at)
        ordered, character = first[2] is not None, first[3] or first[1]
        block = Block("list", at + 1 + self.offset, 0)
        if ordered:
            block.start = int(first[2])
        margin = self.indents[at]
        marker = first
        while True:
            item, at = self.item(at, marker, outer, depth)
            block.items.append(item)
            if at >= self.count:
                break
            spaces = self.indents[at]
            if spaces < outer or spaces - outer >= 4:
                break
            text = self.checked_text(at)
            if _fence_opening(text) is not None or not _BARE_MARKER.match(text):
                break
            marker = self.item_marker(at)
            if (marker[2] is not None) != ordered or (marker[3] or marker[1]) != character:
                break
            if spaces != margin:
                raise _Unsupported  # a sibling indented otherwise
        block.end = at + self.offset
        return block, at

    def item_marker(self, at: int) -> re.Match[str]:
        marker = _MARKER.match(self.lines[at], self.indents[at])
        if marker is None:
            raise _Unsupported  # an empty item, or text after five spaces or more
        return marker

    def item(self, at: int, marker: re.Match[str], outer: int, depth: int) -> tuple[Item, int]:
        """An item and the line after it (past blank lines, as markdown-it counts)."""
        indent = marker.end()
        first = self.lines[at][indent:]
        if (
            first.startswith("<")
            or _HEADING.match(first)
            or _fence_opening(first) is not None
            or _BARE_MARKER.match(first)
        ):
            raise _Unsupported  # an item that opens with a block other than a paragraph
        item = Item("", at + 1 + self.offset)
        end = self.paragraph_end(at, indent, outer)
        item.text = self.paragraph_text(at, end, indent, first)
        at = end
        while True:
            at = self.skip_blank(at)
            if at >= self.count or self.indents[at] < indent:
                return item, at
            if self.indents[at] - indent >= 4:
                raise _Unsupported  # indented code in an item
            text = self.checked_text(at)
            if _HEADING.match(text) or _fence_opening(text) is not None or text.startswith("<"):
                raise _Unsupported  # a block other than paragraphs and lists in an item
            if _BARE_MARKER.match(text):
                nested, at = self.list(at, outer=indent, depth=depth + 1)
                item.children.extend(nested.items)
            else:
                end = self.paragraph_end(at, indent, outer)
                item.more.append(self.paragraph_text(at, end, indent, text))
                at = end


def _fence_opening(text: str) -> tuple[str, int, str] | None:
    """`` ``` `` or `~~~` (three or more) opening a fence: the marker, its length, the info."""
    marker = text[:1]
    if marker not in ("`", "~") or not text.startswith(marker * 3):
        return None
    length = len(text) - len(text.lstrip(marker))
    info = text[length:]
    if marker == "`" and "`" in info:
        return None
    return marker, length, info
