"""Metadata fields, wherever a dialect keeps them.

Front matter (MADR 3/4), `* Status:` bullets (MADR 2, `-` in log4brains), `Key: value` lines
(Nygard's `Date:`, MADR 1's `User Story:`), bold keys, two-column tables and `## Status`
sections all end up as one list of `Field`s with their source lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..text import links, plain
from .dates import read_date
from .outline import Block, Part

# Written key (normalised) → canonical field name.
FIELD_NAMES: dict[str, str] = {
    "status": "status",
    "state": "status",
    "current status": "status",
    "adr status": "status",
    "decision status": "status",
    "date": "date",
    "decision date": "date",
    "date decided": "date",
    "last updated": "date",
    "updated": "date",
    "updated on": "date",
    "last modified": "date",
    "last-modified": "date",
    "modified": "date",
    "created": "date_created",
    "created on": "date_created",
    "date created": "date_created",
    "creation date": "date_created",
    "deciders": "deciders",
    "decider": "deciders",
    "decision-makers": "deciders",
    "decision makers": "deciders",
    "decision maker": "deciders",
    "decision_makers": "deciders",
    "decided by": "deciders",
    "consulted": "consulted",
    "informed": "informed",
    "technical story": "technical_story",
    "technical-story": "technical_story",
    "technical_story": "technical_story",
    "user story": "technical_story",
    "story": "technical_story",
    "ticket": "technical_story",
    "issue": "technical_story",
    "tracking issue": "technical_story",
    "tags": "tags",
    "tag": "tags",
    "labels": "tags",
    "keywords": "tags",
    "c4": "c4",
    "c4 elements": "c4",
    "c4-elements": "c4",
    "c4_elements": "c4",
    "elements": "c4",
    "title": "title",
    "id": "id",
    "number": "number",
    "supersedes": "supersedes",
    "supercedes": "supersedes",
    "replaces": "supersedes",
    "superseded by": "superseded-by",
    "superseded-by": "superseded-by",
    "superseded_by": "superseded-by",
    "supersededby": "superseded-by",
    "superceded by": "superseded-by",
    "replaced by": "superseded-by",
    "amends": "amends",
    "amended by": "amended-by",
    "amended-by": "amended-by",
    "amended_by": "amended-by",
    "related": "relates-to",
    "relates to": "relates-to",
    "relates-to": "relates-to",
    "related to": "relates-to",
    "related decisions": "relates-to",
    "see also": "relates-to",
}

# Keys that only count in front matter or as bullets, never as a stray prose line.
_PROSE_UNSAFE = frozenset({"title", "id", "number"})

SUPERSEDED_LINE = re.compile(r"\bsuper[sc]e+ded\s+by\b", re.IGNORECASE)
_KEY_VALUE = re.compile(
    r"^\s*(?:\*\*|__)?([A-Za-z][A-Za-z0-9 _-]{0,30}?)(?:\*\*|__)?\s*:\s*(?:\*\*|__)?(?:\s+|$)(.*)$",
    re.DOTALL,
)


@dataclass
class Field:
    """One metadata value as written, with where it came from."""

    name: str
    value: object
    line: int | None
    source: str  # "front-matter", "bullet", "line", "table" or "section"
    bullet: str = ""


def split_key_value(text: str) -> tuple[str, str] | None:
    """`Status: accepted`, `**Status**: accepted` or `**Status:** accepted` → (name, value)."""
    match = _KEY_VALUE.match(text)
    if match is None:
        return None
    name = FIELD_NAMES.get(match[1].strip().lower())
    if name is None:
        return None
    return name, match[2].strip()


def fields_from_front_matter(data: dict[str, object], lines: dict[str, int]) -> list[Field]:
    found = []
    for key, value in data.items():
        name = FIELD_NAMES.get(key.strip().lower())
        if name is not None:
            found.append(Field(name, value, lines.get(key), "front-matter"))
    return found


def fields_from_blocks(blocks: list[Block], source_lines: list[str]) -> list[Field]:
    """Metadata written in the blocks before the first section: bullets, lines, tables."""
    found: list[Field] = []
    for block in blocks:
        if block.kind == "list":
            for item in block.items:
                pair = split_key_value(item.text)
                if pair is not None:
                    marker = _bullet_marker(source_lines, item.line)
                    found.append(Field(pair[0], pair[1], item.line, "bullet", marker))
        elif block.kind == "paragraph":
            for offset, line in enumerate(block.text.split("\n")):
                pair = split_key_value(line)
                if pair is not None and pair[0] not in _PROSE_UNSAFE:
                    found.append(Field(pair[0], pair[1], block.line + offset, "line"))
        elif block.kind == "table":
            found.extend(_fields_from_table(block))
    return found


def _fields_from_table(block: Block) -> list[Field]:
    found = []
    for index, row in enumerate(block.rows):
        if len(row) >= 2:
            name = FIELD_NAMES.get(row[0].strip().strip("*_").strip(" :").lower())
            if name is not None:
                line = block.line + (index + 1 if index else 0)  # the delimiter row sits between
                found.append(Field(name, row[1], line, "table"))
    return found


def _bullet_marker(source_lines: list[str], line: int) -> str:
    if 0 < line <= len(source_lines):
        stripped = source_lines[line - 1].lstrip()
        return stripped[:1]
    return ""


METADATA_SECTIONS: dict[str, str] = {
    "status": "status",
    "date": "date",
    "deciders": "deciders",
    "decision makers": "deciders",
    "decision-makers": "deciders",
    "technical story": "technical_story",
    "user story": "technical_story",
    "tags": "tags",
}


def section_lines(section: Part) -> list[tuple[str, int]]:
    """Every logical line of a metadata section: paragraph lines and list items."""
    lines: list[tuple[str, int]] = []
    for block in section.blocks:
        if block.kind == "paragraph":
            lines.extend(
                (text, block.line + offset)
                for offset, text in enumerate(block.text.split("\n"))
                if text.strip()
            )
        elif block.kind == "list":
            lines.extend((item.text, item.line) for item in block.items if item.text.strip())
    return lines


def preamble_facts(preamble: list[Block]) -> list[Field]:
    """Unlabelled facts above the first section: a line that is only a date, and a banner
    such as `**This ADR is superseded by [ADR 9](…)**`. They count only when nothing else
    states them, as fields found earlier win."""
    found: list[Field] = []
    for block in preamble:
        if block.kind != "paragraph" or "\n" in block.text.strip():
            continue
        text = plain(block.text)
        if SUPERSEDED_LINE.search(text) and links(block.text):
            found.append(Field("status", block.text, block.line, "line"))
        elif 6 <= len(text) <= 30 and any(c.isdigit() for c in text):
            reading = read_date(text)
            if reading.iso is not None and reading.problem is None:
                found.append(Field("date", text, block.line, "line"))
    return found


def is_metadata_paragraph(text: str) -> bool:
    return all(split_key_value(line) is not None for line in text.split("\n") if line.strip())
