"""The four ways a glossary page writes an entry, read from markdown-it block tokens.

Each reader returns `Entry` candidates with their 1-based line; `parser` orders them, splits
labels into names and aliases, and reports duplicates.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from markdown_it.token import Token

from .labels import clean_label, parse_alias_line
from .model import TermForm
from .plaintext import definition_and_aliases, plain_text

_DEFINITION_LINE = re.compile(r"^ {0,3}:[ \t]+(?P<text>.*)$")
_BULLET_SEPARATOR = re.compile(r"^\s*(?P<paren>\([^()]*\))?\s*(?P<sep>:|[-–—](?=\s|$))?\s*")
_ALPHABET_DIVIDER = re.compile(r"^(?:\S|\w\s*[-–—]\s*\w)$")
_ALIAS_HEADER = re.compile(r"^(?:aliases|alias|also|also known as|aka|synonyms?)$", re.IGNORECASE)

InlineParser = Callable[[str], list[Token]]
"""Parses one string of inline Markdown into its child tokens."""


@dataclass
class Entry:
    """A glossary entry as written: the label still carries any parenthesised aliases."""

    label: str
    definition: str
    line: int
    form: TermForm
    aliases: list[str] = field(default_factory=list)


@dataclass
class _DefinitionGroup:
    terms: list[tuple[str, int]]
    definition_lines: list[str]
    collecting: bool = True


def definition_list_entries(
    tokens: Sequence[Token], lines: Sequence[str], parse_inline: InlineParser
) -> list[Entry]:
    """Entries of `Term` / `: definition` lists written at the top level of the page.

    markdown-it (without the deflist plugin) reads these as paragraphs, so the raw source lines
    of each top-level paragraph are split the way Python-Markdown's `def_list` splits them.
    """
    entries: list[Entry] = []
    pending: list[tuple[str, int]] = []
    for token in tokens:
        if token.level != 0 or token.nesting == -1:
            continue
        if token.type != "paragraph_open" or token.map is None:
            pending = []
            continue
        start, end = token.map
        groups, pending = _split_definition_paragraph(lines[start:end], start, pending)
        for group in groups:
            definition, aliases = definition_and_aliases(
                parse_inline("\n".join(line.strip() for line in group.definition_lines))
            )
            for source_label, line in group.terms:
                label = plain_text(parse_inline(source_label))
                entries.append(
                    Entry(label, definition, line, TermForm.DEFINITION_LIST, list(aliases))
                )
    return entries


def _split_definition_paragraph(
    raw_lines: Sequence[str], first_line: int, carried_terms: list[tuple[str, int]]
) -> tuple[list[_DefinitionGroup], list[tuple[str, int]]]:
    """Groups of terms with their first definition, and the terms a following paragraph takes.

    Lines before a `: ` line are terms (each line one term); with none, the terms are the
    previous paragraph's lines (a blank line between term and definition). After a definition,
    unindented lines directly before another `: ` line start a new group; other lines continue
    the definition.
    """
    groups: list[_DefinitionGroup] = []
    current: _DefinitionGroup | None = None
    run: list[tuple[str, int]] = []
    for offset, line in enumerate(raw_lines):
        number = first_line + offset + 1
        match = _DEFINITION_LINE.match(line)
        if match is None:
            run.append((line, number))
            continue
        if current is None:
            terms = [(text.strip(), n) for text, n in run] if run else carried_terms
            current = _DefinitionGroup(terms, [match["text"]])
        else:
            split = len(run)
            while split and not run[split - 1][0][:1].isspace():
                split -= 1
            if current.collecting:
                current.definition_lines.extend(text for text, _ in run[:split])
            if split < len(run):
                groups.append(current)
                terms = [(text.strip(), n) for text, n in run[split:]]
                current = _DefinitionGroup(terms, [match["text"]])
            else:
                current.collecting = False
        run = []
    if current is None:
        return [], [(text.strip(), n) for text, n in run]
    if current.collecting:
        current.definition_lines.extend(text for text, _ in run)
    groups.append(current)
    return [group for group in groups if group.terms], []


def bullet_entries(tokens: Sequence[Token]) -> list[Entry]:
    """Entries of list items that open with a bold term: `- **Term**: definition`.

    The separator after the bold term may be `:`, `-`, `–` or `—`, or a colon inside the bold
    text; a parenthesis between term and separator holds aliases. Items without a definition
    (group headers over nested lists) are not entries.
    """
    entries: list[Entry] = []
    for index, token in enumerate(tokens[:-2]):
        if token.type != "list_item_open" or token.map is None:
            continue
        paragraph, inline = tokens[index + 1], tokens[index + 2]
        if paragraph.type != "paragraph_open" or inline.type != "inline":
            continue
        entry = _bullet_entry(inline.children or [], token.map[0] + 1)
        if entry is not None:
            entries.append(entry)
    return entries


def _bullet_entry(children: Sequence[Token], line: int) -> Entry | None:
    first = 0
    while first < len(children) and children[first].type == "text":
        if children[first].content.strip():
            return None
        first += 1
    if first >= len(children) or children[first].type != "strong_open":
        return None
    close = _matching_close(children, first)
    if close is None:
        return None
    label = plain_text(children[first + 1 : close])
    rest = list(children[close + 1 :])
    head = rest[0].content if rest and rest[0].type == "text" else ""
    separator = _BULLET_SEPARATOR.match(head)
    if separator is None or (not label.endswith(":") and separator["sep"] is None):
        return None
    if separator["paren"]:
        label = f"{label.rstrip(':')} {separator['paren']}"
    if rest and rest[0].type == "text":
        rest[0] = Token("text", "", 0, content=head[separator.end() :])
    definition, aliases = definition_and_aliases(rest)
    if not definition:
        return None
    return Entry(label, definition, line, TermForm.BULLET, aliases)


def _matching_close(tokens: Sequence[Token], open_index: int) -> int | None:
    depth = 0
    for index in range(open_index, len(tokens)):
        depth += tokens[index].nesting
        if depth == 0:
            return index
    return None


def table_entries(tokens: Sequence[Token]) -> list[Entry]:
    """Entries of tables whose first column is the term and second the definition.

    The header row is skipped; a further column headed `Aliases` (or `Also`, `Synonyms`) lists
    aliases separated by commas.
    """
    entries: list[Entry] = []
    header: list[str] = []
    row: list[Sequence[Token]] = []
    row_line = 0
    in_table = in_body = False
    for token in tokens:
        if token.type in ("table_open", "table_close"):
            header, in_table, in_body = [], token.type == "table_open", False
        elif not in_table:
            continue
        elif token.type == "tbody_open":
            in_body = True
        elif token.type == "tr_open":
            row, row_line = [], (token.map[0] + 1 if token.map else 0)
        elif token.type == "inline":
            if in_body:
                row.append(token.children or [])
            else:
                header.append(plain_text(token.children or []))
        elif token.type == "tr_close" and in_body:
            entry = _table_entry(header, row, row_line)
            if entry is not None:
                entries.append(entry)
    return entries


def _table_entry(header: Sequence[str], row: Sequence[Sequence[Token]], line: int) -> Entry | None:
    if len(header) < 2 or len(row) < 2:
        return None
    label = plain_text(row[0])
    if not label:
        return None
    definition, aliases = definition_and_aliases(row[1])
    for column, title in enumerate(header[2:], start=2):
        if column < len(row) and _ALIAS_HEADER.match(title):
            cell = plain_text(row[column])
            aliases.extend(parse_alias_line(f"Aliases: {cell}") or [])
    return Entry(label, definition, line, TermForm.TABLE, aliases)


@dataclass
class _Heading:
    index: int
    level: int
    label: str
    line: int


def heading_entries(tokens: Sequence[Token], other_entries: Sequence[Entry]) -> list[Entry]:
    """Entries written as a heading (level 2 to 6) followed by its definition paragraph.

    A heading is a grouping, not a term, when it is a single letter or a range such as `A–C`,
    when no paragraph follows it directly, when the next heading is deeper (it has
    subsections), or when its section holds entries of another form.
    """
    headings = _top_level_headings(tokens)
    entries: list[Entry] = []
    for position, heading in enumerate(headings):
        following = headings[position + 1] if position + 1 < len(headings) else None
        section_end = following.line if following else float("inf")
        if (
            heading.level < 2
            or not heading.label
            or _ALPHABET_DIVIDER.match(heading.label)
            or (following is not None and following.level > heading.level)
            or any(heading.line < entry.line < section_end for entry in other_entries)
        ):
            continue
        entry = _heading_entry(tokens, heading)
        if entry is not None:
            entries.append(entry)
    return entries


def _top_level_headings(tokens: Sequence[Token]) -> list[_Heading]:
    headings: list[_Heading] = []
    for index, token in enumerate(tokens[:-1]):
        if token.type == "heading_open" and token.level == 0 and token.map is not None:
            label = clean_label(plain_text(tokens[index + 1].children or []))
            level = int(token.tag[1:]) if token.tag[1:].isdigit() else 1
            headings.append(_Heading(index, level, label, token.map[0] + 1))
    return headings


def _heading_entry(tokens: Sequence[Token], heading: _Heading) -> Entry | None:
    paragraph = heading.index + 3
    if not _is_top_level_paragraph(tokens, paragraph):
        return None
    definition, aliases = definition_and_aliases(tokens[paragraph + 1].children or [])
    after = paragraph + 3
    if _is_top_level_paragraph(tokens, after):
        aliases.extend(parse_alias_line(plain_text(tokens[after + 1].children or [])) or [])
    return Entry(heading.label, definition, heading.line, TermForm.HEADING, aliases)


def _is_top_level_paragraph(tokens: Sequence[Token], index: int) -> bool:
    return (
        index + 1 < len(tokens)
        and tokens[index].type == "paragraph_open"
        and tokens[index].level == 0
        and tokens[index + 1].type == "inline"
    )
