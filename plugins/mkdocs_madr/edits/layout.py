"""Where things are in a record's text: its title, metadata block, sections and key lines."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..core.model import Decision, Line
from ..core.text import heading_key
from .document import Document, Heading, section_end

_KEY = re.compile(
    r"^(?P<lead>[ \t]*(?:>[ \t]*)?(?:[-*+][ \t]+)?)(?P<open>\*\*|__)?"
    # Keys in any language: `Situação:`, `Décideurs:`
    r"(?P<key>[^\W\d_][\w '’-]{0,30}?)(?P<close>\*\*|__)?[ \t]*:"
)
_VALUE_SUFFIX = re.compile(r"(?P<value>.*?)(?P<suffix>(?:[ \t]*<!--.*?-->)*[ \t]*)")
_BULLET = re.compile(r"^(?P<indent>[ \t]{0,3})(?P<marker>[-*+])[ \t]+\S")
_COMMENT_LINE = re.compile(r"^\s*<!--.*-->\s*$")


class EditError(Exception):
    """The edit cannot be made safely; `line` (1-based) says where, when known."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.line = line


@dataclass(frozen=True)
class KeyValue:
    """A `* **Status**: value <!-- c -->  ` line split into prefix, key, value and suffix."""

    prefix: str
    key: str
    value: str
    suffix: str


def split_metadata_line(line: str) -> KeyValue | None:
    """Take apart a metadata line (bullet, bold key or plain `Key: value`)."""
    match = _KEY.match(line)
    if match is None:
        return None
    end = match.end()
    opener = match.group("open")
    spanning = False  # `**Status: Active**`: the bold holds the key and the value
    if opener and not match.group("close") and line.startswith(opener, end):
        end += len(opener)  # `**Status:** value`
    elif opener and not match.group("close"):
        spanning = split_value(line[end:])[0].endswith(opener)
        if not spanning or line.count(opener) != 2:
            return None
    elif bool(opener) != bool(match.group("close")):
        return None
    spaces = len(line[end:]) - len(line[end:].lstrip(" \t"))
    if spaces == 0 and line[end:]:
        return None
    end += spaces
    value, suffix = split_value(line[end:])
    if spanning:
        value, suffix = value[: -len(opener)].rstrip(), value[-len(opener) :] + suffix
        if not value:
            return None
    return KeyValue(line[:end], match.group("key").strip(), value, suffix)


def split_value(text: str) -> tuple[str, str]:
    """A line's value and what follows it: comments, whitespace, and a backslash that ends the
    line (a hard line break in Markdown, which is no part of the value)."""
    match = _VALUE_SUFFIX.fullmatch(text)
    assert match is not None
    value, suffix = match["value"], match["suffix"]
    if not suffix and value.endswith("\\"):
        run = len(value) - len(value.rstrip("\\"))
        if run % 2:  # an odd run: the last backslash escapes the line break
            kept = value[:-1].rstrip(" \t")
            return kept, value[len(kept) :]
    return value, suffix


def title_heading(document: Document, decision: Decision) -> Heading | None:
    line = decision.lines.get(Line.TITLE)
    if line is None:
        return None
    return next((h for h in document.headings() if h.index == line - 1), None)


def body_start(document: Document, decision: Decision) -> int:
    """The first line after the title (or after front matter when the title is not a heading)."""
    title = title_heading(document, decision)
    if title is not None:
        return title.last + 1
    front = document.front_matter()
    return front[1] + 1 if front else 0


def first_section(document: Document, start: int) -> int:
    """The index of the first heading at or after `start` (the end of the metadata block)."""
    return next((h.index for h in document.headings() if h.index >= start), len(document))


def find_section(document: Document, names: set[str]) -> Heading | None:
    """The first heading whose normalised text is one of `names`."""
    return next((h for h in document.headings() if heading_key(h.title) in names), None)


def content_end(document: Document, heading: Heading) -> int:
    """Where the section's own text ends: its first subheading, or the section's end."""
    headings = document.headings()
    end = section_end(document, headings, heading)
    child = next((h.index for h in headings if heading.index < h.index < end), None)
    return child if child is not None else end


def last_content(document: Document, heading: Heading) -> int:
    """The last line of the section's text, not counting blank lines and the comments that
    introduce the next heading (`<!-- This is an optional element. -->`); the heading's own
    last line when the section is empty."""
    end = content_end(document, heading)
    index = end - 1
    while index > heading.last and document.is_blank(index):
        index -= 1
    if end < len(document):
        probe = index
        while probe > heading.last and (
            document.is_blank(probe) or _COMMENT_LINE.match(document.lines[probe])
        ):
            probe -= 1
        if probe < index and _COMMENT_LINE.match(document.lines[index]):
            index = probe
    return index


def bullet_of_block(document: Document, last: int, floor: int) -> str | None:
    """The bullet (`* ` with its indent) of the list that ends at `last`, if one does."""
    start = last
    while start - 1 > floor and not document.is_blank(start - 1):
        start -= 1
    match = _BULLET.match(document.lines[start])
    if match is None:
        return None
    return match["indent"] + match["marker"]


def is_comment_line(line: str) -> bool:
    return _COMMENT_LINE.match(line) is not None
