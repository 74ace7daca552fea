"""Glossary entries written as list items: a bold term (or several) and its definition, or a
plain `Term - definition` list.

A bold-led item may name several terms: `**A** (X) and **B** (Y) – …` defines two terms that
share the definition, `**A** or **B** – …` and `**A**, also called **B** – …` one term and a
synonym. The separator after the term (`:`, `-`, `–`, `—`) may be missing (`**Bow** is the
front of a ship`). Bold items whose label is a field name (`**Definition**:`,
`**Abbreviation**:`) are not terms: they describe the heading term above them, and come back
as `Field`s.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from markdown_it.token import Token

from .forms import Entry
from .model import TermForm
from .plaintext import collapse, definition_and_aliases, plain_text

FIELD_NAMES = frozenset(
    {
        *("definition", "meaning", "description", "explanation", "summary"),
        *("abbreviation", "abbreviations", "acronym", "abbr", "short form", "long form"),
        *("alias", "aliases", "synonym", "synonyms", "also known as", "aka", "expansion"),
        *("see also", "related", "related terms", "example", "examples", "usage", "notes"),
        *("note", "source", "sources", "reference", "references", "owner", "type"),
        *("category", "status", "context", "internals", "link", "links", "plural"),
    }
)
"""Bold labels that name a field of the entry above, not a term of their own."""
ALIAS_FIELDS = frozenset(
    {
        *("abbreviation", "abbreviations", "acronym", "abbr", "short form", "long form"),
        *("alias", "aliases", "synonym", "synonyms", "also known as", "aka", "expansion"),
    }
)
DEFINITION_FIELDS = frozenset({"definition", "meaning", "description", "explanation", "summary"})
_CALLOUTS = frozenset({"note", "notes", "important", "warning", "tip", "caution", "todo", "nb"})

_BOLD_OPEN, _BOLD_CLOSE = "\x01", "\x02"
_GROUP = r"\x01(?P<label>[^\x01\x02]+)\x02[ \t]*(?P<paren>\([^()\x01\x02]*\))?"
_FIRST = re.compile(rf"[ \t]*{_GROUP}")
_NEXT = re.compile(
    rf"[ \t]*(?P<joint>,[ \t]*(?:also called|also known as|aka)|\bor\b|\band\b|,|/)[ \t]*{_GROUP}",
    re.IGNORECASE,
)
_SEPARATOR = re.compile(r"[ \t]*(?P<sep>:|[-–—](?=\s|$))?[ \t]*")
_PLAIN_ITEM = re.compile(
    r"^(?P<term>[^\s:–—][^:–—]{0,59}?)[ \t]*(?::|[ \t][-–—])[ \t]+(?P<definition>\S.*)$", re.DOTALL
)
_LONGEST_PLAIN_TERM = 6


@dataclass(frozen=True)
class Field:
    """A `**Name**: value` item describing the entry above it.

    Attributes:
        name: The field name, lower case, without its colon.
        value: The value as plain text.
        line: 1-based line of the item.
    """

    name: str
    value: str
    line: int


def bullet_entries(tokens: Sequence[Token]) -> tuple[list[Entry], list[Field]]:
    """Entries of list items that open with a bold term, and the field items of entries."""
    entries: list[Entry] = []
    fields: list[Field] = []
    for index, token in enumerate(tokens[:-2]):
        if token.type != "list_item_open" or token.map is None:
            continue
        paragraph, inline = tokens[index + 1], tokens[index + 2]
        if paragraph.type != "paragraph_open" or inline.type != "inline":
            continue
        line = token.map[0] + 1
        found = _bold_item(inline.children or [], line)
        if isinstance(found, Field):
            fields.append(found)
        elif found is not None:
            entries.extend(found)
    return entries, fields


def plain_list_entries(tokens: Sequence[Token]) -> list[Entry]:
    """Entries of top-level lists whose every item reads `Term - definition` or `Term:
    definition`, with no bold: a glossary written as plain bullets."""
    entries: list[Entry] = []
    items: list[tuple[Sequence[Token], int]] = []
    depth = 0
    for index, token in enumerate(tokens):
        if token.type in ("bullet_list_open", "ordered_list_open"):
            depth += 1
            if depth == 1:
                items = []
        elif token.type in ("bullet_list_close", "ordered_list_close"):
            depth -= 1
            if depth == 0:
                found = [_plain_item(children, line) for children, line in items]
                if found and all(entry is not None for entry in found):
                    entries.extend(entry for entry in found if entry is not None)
        elif token.type == "list_item_open" and depth == 1 and token.map is not None:
            inline = tokens[index + 2] if index + 2 < len(tokens) else None
            children = inline.children or [] if inline and inline.type == "inline" else []
            items.append((children, token.map[0] + 1))
    return entries


def _plain_item(children: Sequence[Token], line: int) -> Entry | None:
    if any(child.type == "strong_open" for child in children):
        return None
    match = _PLAIN_ITEM.match(plain_text(children))
    if match is None:
        return None
    term = match["term"].strip()
    if len(term.split()) > _LONGEST_PLAIN_TERM or term[-1:] in ".!?,;":
        return None
    return Entry(term, match["definition"].strip(), line, TermForm.BULLET)


def _bold_item(children: Sequence[Token], line: int) -> list[Entry] | Field | None:
    text, places = _marked(children)
    first = _FIRST.match(text)
    if first is None:
        return None
    groups = [(first["label"], first["paren"] or "", "")]
    end = first.end()
    while (more := _NEXT.match(text, end)) is not None:
        groups.append((more["label"], more["paren"] or "", more["joint"].casefold()))
        end = more.end()
    separator = _SEPARATOR.match(text, end)
    assert separator is not None  # every part of the pattern is optional
    first_label = collapse(groups[0][0])
    name = first_label.rstrip(":").strip().casefold()
    rest = _tokens_after(children, places, separator.end())
    if name in FIELD_NAMES and len(groups) == 1:
        return Field(name, plain_text(rest), line)
    definition, aliases = definition_and_aliases(rest)
    if not definition:
        return None
    if separator["sep"] is None and not first_label.endswith(":"):
        if name in _CALLOUTS:
            return None
        if definition[:1].islower():  # `**Bow** is the front of a ship.`
            definition = f"{first_label} {definition}"
    return _entries(groups, definition, aliases, line)


def _entries(
    groups: list[tuple[str, str, str]], definition: str, aliases: list[str], line: int
) -> list[Entry]:
    """One entry per group joined by `and`; `or`, `also called` and commas join synonyms."""
    entries: list[Entry] = []
    for label, paren, joint in groups:
        label = collapse(label).rstrip(":").strip()
        if entries and joint != "and":
            entries[-1].aliases.extend([label, *_parenthesis_names(paren)])
            continue
        written = f"{label} {paren}" if paren else label
        entries.append(Entry(written, definition, line, TermForm.BULLET, list(aliases)))
    return entries


def _parenthesis_names(paren: str) -> list[str]:
    inner = paren.strip()[1:-1] if paren else ""
    return [part.strip() for part in re.split(r"[,;]", inner) if part.strip()]


def _marked(children: Sequence[Token]) -> tuple[str, list[tuple[int, int]]]:
    """The item as text with bold runs between \\x01 and \\x02, and for each character the
    token it comes from and its offset there (-1 for characters of no token's text)."""
    pieces: list[str] = []
    places: list[tuple[int, int]] = []
    depth = 0
    for index, token in enumerate(children):
        if token.type == "strong_open":
            depth += 1
            if depth == 1:
                pieces.append(_BOLD_OPEN)
                places.append((index, -1))
        elif token.type == "strong_close":
            depth -= 1
            if depth == 0:
                pieces.append(_BOLD_CLOSE)
                places.append((index, -1))
        elif token.type in ("text", "code_inline"):
            pieces.append(token.content)
            places.extend((index, offset) for offset in range(len(token.content)))
        elif token.type in ("softbreak", "hardbreak"):
            pieces.append(" ")
            places.append((index, -1))
    return "".join(pieces), places


def _tokens_after(children: Sequence[Token], places: list[tuple[int, int]], at: int) -> list[Token]:
    """The item's tokens from character `at` of its marked text on."""
    if at >= len(places):
        last = places[-1][0] if places else -1
        return list(children[last + 1 :])
    index, offset = places[at]
    if offset < 0:
        skip = 1 if children[index].type == "strong_close" else 0
        return list(children[index + skip :])
    token = children[index]
    head = Token(token.type, token.tag, token.nesting, content=token.content[offset:])
    return [head, *children[index + 1 :]]
