"""Glossary entries written as definition lists and tables, and the `Entry` every form gives.

Each reader returns `Entry` candidates with their 1-based line; `parser` orders them, splits
labels into names and aliases, and reports duplicates. Bullets are read in `bullets`,
headings in `headings`, directives and HTML in `embedded`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from markdown_it.token import Token

from .labels import parse_alias_line
from .model import TermForm
from .plaintext import definition_and_aliases, plain_text

_DEFINITION_LINE = re.compile(r"^ {0,3}:[ \t]+(?P<text>.*)$")
_ALIAS_HEADER = re.compile(r"^(?:aliases|alias|also|also known as|aka|synonyms?)$", re.IGNORECASE)
_EXAMPLE_HEADER = re.compile(r"^(?:examples?|sample|samples|illustration)$", re.IGNORECASE)
"""A second column of examples: the table shows terms in use, it does not define them."""

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
    if len(header) < 2 or len(row) < 2 or _EXAMPLE_HEADER.match(header[1]):
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
