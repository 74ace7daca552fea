"""A record's own Markdown made into its page: generated fragments placed at the lines the
parse found, and each fact said once.

The header says the status, date, people, tags, elements and technical story, so the author's
lines that say them are left out of the page (never out of the file); the title gets the
record's number; the option comparison goes after the considered options, and the author's
pros and cons, which it sums up, are folded under it.

MkDocs hands the plugin the page without its front matter, so file lines are mapped onto page
lines first; when another plugin has changed the text, lines are found by content.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from html import escape

from ..core.model import Decision, Line, MetadataEntry
from ..core.parse.titles import strip_number
from .render.views import reference

HEADER_FIELDS = (
    Line.STATUS,
    Line.DATE,
    Line.DECIDERS,
    Line.CONSULTED,
    Line.INFORMED,
    Line.TAGS,
    Line.C4,
    Line.TECHNICAL_STORY,
)
"""Fields the header shows: the author's lines stating them are not shown again."""
_FIELD_LINE = re.compile(r"^(\s*)(?:[*+-]\s+)?(?:\*\*|__)?[^\W\d][\w ()/-]*?(?:\*\*|__)?\s*:")
_ATX = re.compile(r"^( {0,3})(#{1,6})(\s+)(.*?)(\s+#+)?\s*$")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)\s*$")
_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
_LINK = re.compile(r"\[[^\]]*\]\([^)]*\)")


@dataclass(frozen=True)
class Marks:
    """The Markdown lines that mark where generated HTML goes (see `plugin.slots`)."""

    header: str
    comparison: str = ""
    fold_open: str = ""
    fold_close: str = ""


def decorate(
    markdown: str,
    decision: Decision,
    file_lines: list[str],
    marks: Marks,
    shown: Callable[[MetadataEntry], bool] | None = None,
) -> str:
    """The page Markdown with the marks placed, the title numbered and the header's facts
    said once; `shown` tells which of the record's other metadata lines the header shows."""
    lines = markdown.split("\n")
    insertions: list[tuple[int, int, str]] = []  # page index, order at that index, line
    title_at = _page_index(lines, file_lines, decision.lines.get(Line.TITLE))
    if title_at is not None:
        lines[title_at] = _numbered(lines[title_at], decision)
    insertions.append((_after_title(lines, title_at), 0, marks.header))
    if marks.comparison:
        at = _comparison_at(lines, file_lines, decision)
        insertions.append((at, 1, marks.comparison))
        pros = _page_index(lines, file_lines, decision.lines.get(Line.PROS))
        if marks.fold_open and pros is not None and _heading_level(lines, pros):
            start = pros + 1 if at == pros + 1 else pros
            insertions.append((start, 2, marks.fold_open))
            insertions.append((_section_end(lines, pros), -1, marks.fold_close))
    dropped = _said_by_header(lines, file_lines, decision, shown)
    for index, _, html in sorted(insertions, reverse=True):
        lines[index:index] = ["", html, ""]
        dropped = {line + 3 if line >= index else line for line in dropped}
    return "\n".join(line for index, line in enumerate(lines) if index not in dropped)


def _numbered(line: str, decision: Decision) -> str:
    """The title line with the record's number first: `# ADR-0007 Title`."""
    if decision.number is None:
        return line
    number = f'<span class="madr-number">{escape(reference(decision))}</span> '
    match = _ATX.match(line)
    if match is not None:
        indent, hashes, space, text, _ = match.groups()
        return f"{indent}{hashes}{space}{number}{strip_number(text)}"
    if line.strip() and not _SETEXT.match(line):
        return number + strip_number(line.strip())
    return line


def _after_title(lines: list[str], title_at: int | None) -> int:
    if title_at is None:
        return 0
    following = title_at + 1
    underlined = following < len(lines) and _SETEXT.match(lines[following]) is not None
    return following + 1 if underlined and not _ATX.match(lines[title_at]) else following


def _said_by_header(
    lines: list[str],
    file_lines: list[str],
    decision: Decision,
    shown: Callable[[MetadataEntry], bool] | None = None,
) -> set[int]:
    """Page indexes of the author's lines that state what the header shows."""
    dropped: set[int] = set()
    offset = len(file_lines) - len(lines)  # the front matter MkDocs took off
    others = [
        entry.line
        for entry in decision.metadata
        if shown is not None and entry.source != "front-matter" and shown(entry)
    ]
    for file_line in [*(decision.lines.get(key) for key in HEADER_FIELDS), *others]:
        at = _exactly_at(lines, file_lines, file_line, offset)
        if at is None or at in dropped:
            continue
        match = _FIELD_LINE.match(lines[at])
        if match is None:
            continue
        dropped.add(at)
        indent = len(match[1])
        for following in range(at + 1, len(lines)):
            text = lines[following]
            if not text.strip() or len(text) - len(text.lstrip()) <= indent:
                break
            dropped.add(following)  # a wrapped value, or its own list of names
    dropped |= _status_section(lines, file_lines, decision)
    return dropped


def _status_section(lines: list[str], file_lines: list[str], decision: Decision) -> set[int]:
    """A `## Status` section that says nothing but the status and relations (which the
    header's badge and banners say): its heading and lines."""
    heading = _page_index(lines, file_lines, decision.lines.get(Line.STATUS_SECTION))
    if heading is None or not _heading_level(lines, heading) or not decision.status:
        return set()
    offset = len(file_lines) - len(lines)
    relations = {_exactly_at(lines, file_lines, r.line, offset) for r in decision.relations}
    end = _section_end(lines, heading)
    body = [index for index in range(heading + 1, end) if lines[index].strip()]
    for index in body:
        words = _LINK.sub("", lines[index]).strip(" \t*_.:;-").lower()
        if words == decision.status:
            continue
        if index in relations and _LINK.search(lines[index]) and len(words.split()) <= 3:
            continue  # "Superseded by [ADR-0005](…)": a banner says it
        return set()
    return {heading, *body} if body else set()


def _heading_level(lines: list[str], index: int) -> int:
    """The level of the ATX or setext heading at `index`, 0 when it is none."""
    match = _ATX.match(lines[index])
    if match is not None:
        return len(match[2])
    following = lines[index + 1] if index + 1 < len(lines) else ""
    underline = _SETEXT.match(following)
    if underline is not None and lines[index].strip():
        return 1 if underline[1].startswith("=") else 2
    return 0


def _section_end(lines: list[str], heading: int) -> int:
    """The index of the first heading after `heading` at its level or above (or the end)."""
    level = _heading_level(lines, heading)
    fence = ""
    index = heading + (2 if not _ATX.match(lines[heading]) else 1)
    while index < len(lines):
        text = lines[index]
        opening = _FENCE.match(text)
        if fence:
            if opening is not None and opening[1][0] == fence[0] and len(opening[1]) >= len(fence):
                fence = ""
        elif opening is not None:
            fence = opening[1]
        elif 0 < _heading_level(lines, index) <= level:
            return index
        index += 1
    return len(lines)


def _comparison_at(lines: list[str], file_lines: list[str], decision: Decision) -> int:
    end = decision.lines.get(Line.OPTIONS_END)
    if end is not None:
        at = _page_index(lines, file_lines, end) if end <= len(file_lines) else None
        if at is not None:
            return at
        if end > len(file_lines):
            return len(lines)
    pros = _page_index(lines, file_lines, decision.lines.get(Line.PROS))
    if pros is not None:
        return pros + 1
    return len(lines)


def _exactly_at(
    lines: list[str], file_lines: list[str], file_line: int | None, offset: int
) -> int | None:
    """The page index of `file_line` when the page has it where the file does (its front
    matter aside), else None: a line is left out of the page only when it is surely that line
    (and a field read from the front matter is on no line of the page)."""
    if file_line is None or not offset < file_line <= len(file_lines):
        return None
    at = file_line - 1 - offset
    same = at < len(lines) and lines[at].rstrip() == file_lines[file_line - 1].rstrip()
    return at if same else None


def _page_index(lines: list[str], file_lines: list[str], file_line: int | None) -> int | None:
    """The 0-based page index of 1-based `file_line`, checked against the line's text."""
    if file_line is None or not 0 < file_line <= len(file_lines):
        return None
    wanted = file_lines[file_line - 1]
    offset = len(file_lines) - len(lines)
    guess = file_line - 1 - offset
    if 0 <= guess < len(lines) and lines[guess].rstrip() == wanted.rstrip():
        return guess
    stripped = wanted.strip()
    if not stripped:
        return None
    for index, line in enumerate(lines):
        if line.strip() == stripped:
            return index
    return None
