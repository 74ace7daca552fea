"""Glossary entries written as a heading and the definition under it.

A heading (level 2 to 6) is a term when what follows it defines it: a paragraph, a block
quote, a plain list, or field items (`**Definition**: …`, `**Abbreviation**: TG`). Its
section may go on with bold-bullet entries of its own (sub-terms) and with sub-headings such
as `### Example`, which belong to the term and are not terms themselves. A heading is a
grouping, not a term, when it is a single letter or a range (`A–C`), names the glossary itself
(`Glossary`, `Terminology`), has sub-headings that are terms, or is followed directly by
entries of another form or by an introduction (`The following terms…`, a sentence ending in
`:`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from markdown_it.token import Token

from .bullets import ALIAS_FIELDS, DEFINITION_FIELDS, Field
from .forms import Entry
from .labels import clean_label, parse_alias_line
from .model import TermForm
from .plaintext import definition_and_aliases, plain_text

_ALPHABET_DIVIDER = re.compile(r"^(?:\S|\w\s*[-–—]\s*\w)$")
GLOSSARY_TITLES = re.compile(
    r"^(?:(?:a\s+)?glossary|terminology|terms|key\s+terms|definitions|vocabulary|"
    r"abbreviations|acronyms|abbreviations\s+and\s+acronyms|glossary\s+of\s+terms)$",
    re.IGNORECASE,
)
_SUBSECTIONS = re.compile(
    r"^(?:examples?|usage|notes?|see\s+also|references?|related(?:\s+terms)?|details|sources?)$",
    re.IGNORECASE,
)
_INTRODUCTION = re.compile(
    r"(?::\s*$|^(?:these|the\s+following|below|this\s+section|here\s+are)\b|"
    r"\b(?:are\s+grouped|listed\s+below|following\s+terms)\b)",
    re.IGNORECASE,
)


@dataclass
class _Heading:
    index: int
    level: int
    label: str
    line: int


def heading_entries(
    tokens: Sequence[Token], other_entries: Sequence[Entry], fields: Sequence[Field]
) -> list[Entry]:
    """Entries written as a heading followed by what defines it (see the module's docstring)."""
    headings = _top_level_headings(tokens)
    entry_lines = {entry.line for entry in other_entries}
    table_lines = [entry.line for entry in other_entries if entry.form is TermForm.TABLE]
    entries: list[Entry] = []
    term_sections: list[tuple[int, float]] = []
    for position, heading in enumerate(headings):
        if not _may_be_a_term(heading) or (
            _SUBSECTIONS.match(heading.label)
            and any(start < heading.line < end for start, end in term_sections)
        ):
            continue
        later = headings[position + 1 :]
        section_end = next((h.line for h in later if h.level <= heading.level), float("inf"))
        inner = [h for h in later if h.line < section_end]
        if any(not _SUBSECTIONS.match(h.label) for h in inner):
            continue  # its sub-headings are terms: a grouping
        if any(heading.line < line < section_end for line in table_lines):
            continue  # a table of terms under it: a grouping
        own_end = later[0].line if later else float("inf")
        own_fields = [field for field in fields if heading.line < field.line < own_end]
        entry = _heading_entry(tokens, heading, own_fields, entry_lines)
        if entry is not None:
            entries.append(entry)
            term_sections.append((heading.line, section_end))
    return entries


def _may_be_a_term(heading: _Heading) -> bool:
    return (
        heading.level >= 2
        and bool(heading.label)
        and not _ALPHABET_DIVIDER.match(heading.label)
        and not GLOSSARY_TITLES.match(heading.label)
    )


def _top_level_headings(tokens: Sequence[Token]) -> list[_Heading]:
    headings: list[_Heading] = []
    for index, token in enumerate(tokens[:-1]):
        if token.type == "heading_open" and token.level == 0 and token.map is not None:
            label = clean_label(plain_text(tokens[index + 1].children or []))
            level = int(token.tag[1:]) if token.tag[1:].isdigit() else 1
            headings.append(_Heading(index, level, label, token.map[0] + 1))
    return headings


def _heading_entry(
    tokens: Sequence[Token], heading: _Heading, fields: Sequence[Field], entry_lines: set[int]
) -> Entry | None:
    block = heading.index + 3
    if block >= len(tokens) or tokens[block].level != 0:
        return None
    first = tokens[block]
    if first.map is not None and first.map[0] + 1 in entry_lines:
        return None  # an entry of another form: the heading groups them
    definition, aliases = _definition(tokens, block, fields)
    if not (definition or aliases) or _introduces(tokens, block, definition, entry_lines):
        return None
    for field in fields:
        if field.name in ALIAS_FIELDS:
            aliases.extend(parse_alias_line(f"Aliases: {field.value}") or [])
    if first.type == "paragraph_open":
        after = _next_block(tokens, block)
        if after is not None and tokens[after].type == "paragraph_open":
            alias_line = plain_text(tokens[after + 1].children or [])
            aliases.extend(parse_alias_line(alias_line) or [])
    return Entry(heading.label, definition, heading.line, TermForm.HEADING, aliases)


def _definition(
    tokens: Sequence[Token], block: int, fields: Sequence[Field]
) -> tuple[str, list[str]]:
    """The definition and aliases given by the block at `block` (or by a definition field)."""
    given = next((field.value for field in fields if field.name in DEFINITION_FIELDS), "")
    kind = tokens[block].type
    if kind == "paragraph_open":
        return definition_and_aliases(tokens[block + 1].children or [])
    if kind == "blockquote_open":
        inline = next((t for t in tokens[block:] if t.type == "inline"), None)
        return definition_and_aliases(inline.children or []) if inline else ("", [])
    if kind in ("bullet_list_open", "ordered_list_open"):
        if fields:
            return given, []
        inline = tokens[block + 3] if block + 3 < len(tokens) else None
        if inline is not None and inline.type == "inline":
            return definition_and_aliases(inline.children or [])
    return given, []


def _introduces(
    tokens: Sequence[Token], block: int, definition: str, entry_lines: set[int]
) -> bool:
    """Whether the paragraph at `block` introduces the entries right after it rather than
    defining the heading (`These are grouped under operations.`, `The terms:`)."""
    if tokens[block].type != "paragraph_open" or not _INTRODUCTION.search(definition):
        return False
    after = _next_block(tokens, block)
    following = tokens[after] if after is not None else None
    if following is None or following.map is None:
        return False
    if following.type in ("bullet_list_open", "ordered_list_open"):
        return following.map[0] + 1 in entry_lines or (
            after is not None
            and after + 1 < len(tokens)
            and tokens[after + 1].map is not None
            and (tokens[after + 1].map or [0])[0] + 1 in entry_lines
        )
    return following.map[0] + 1 in entry_lines


def _next_block(tokens: Sequence[Token], block: int) -> int | None:
    """Index of the top-level block after the one opening at `block`."""
    depth = 0
    for index in range(block, len(tokens)):
        depth += tokens[index].nesting
        if depth <= 0:
            return index + 1 if index + 1 < len(tokens) else None
    return None
