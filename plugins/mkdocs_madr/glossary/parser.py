"""Reading a glossary page into a `Glossary`, with diagnostics instead of exceptions."""

from __future__ import annotations

import re
from collections.abc import Sequence

from markdown_it import MarkdownIt
from markdown_it.token import Token

from ..core.diagnostics import Code, Diagnostic, diagnostic
from .forms import (
    Entry,
    bullet_entries,
    definition_list_entries,
    heading_entries,
    table_entries,
)
from .labels import split_label
from .model import Glossary, Term, make_anchor, term_key
from .plaintext import collapse

_FRONT_MATTER_END = re.compile(r"^(?:---|\.\.\.)[ \t]*$")

_MARKDOWN = MarkdownIt("commonmark").enable(["table", "strikethrough"])


def parse_glossary(markdown: str, page: str) -> tuple[Glossary, list[Diagnostic]]:
    """Read the terms of a glossary page.

    Definition lists, bold-term bullets, term headings and two-column tables are read, mixed
    freely on one page. A term or alias defined a second time is reported as
    `GLOSSARY_DUPLICATE_TERM` at the second definition's line and dropped; the first wins.

    Args:
        markdown: The page source; YAML front matter is skipped, line numbers still count it.
        page: The page path, used in the glossary and its diagnostics.

    Returns:
        The glossary, terms in page order, and the problems found.
    """
    lines = _without_front_matter(markdown.replace("\r\n", "\n").replace("\r", "\n"))
    tokens = _MARKDOWN.parse("\n".join(lines))
    entries = [
        *definition_list_entries(tokens, lines, _parse_inline),
        *bullet_entries(tokens),
        *table_entries(tokens),
    ]
    entries.extend(heading_entries(tokens, entries))
    entries.sort(key=lambda entry: entry.line)
    return _build_glossary(entries, page)


def _without_front_matter(text: str) -> list[str]:
    """The lines of `text`, with a leading YAML front-matter block blanked (lines kept)."""
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != "---":
        return lines
    for end, line in enumerate(lines[1:], start=1):
        if _FRONT_MATTER_END.match(line):
            return [""] * (end + 1) + lines[end + 1 :]
    return lines


def _parse_inline(text: str) -> list[Token]:
    inline = _MARKDOWN.parseInline(text)
    return inline[0].children or [] if inline else []


def _build_glossary(entries: Sequence[Entry], page: str) -> tuple[Glossary, list[Diagnostic]]:
    terms: list[Term] = []
    owners: dict[str, Term] = {}
    anchors: set[str] = set()
    problems: list[Diagnostic] = []
    for entry in entries:
        name, label_aliases = split_label(collapse(entry.label))
        if not name:
            continue
        first = owners.get(term_key(name))
        if first is not None:
            problems.append(_duplicate(page, entry.line, f'The term "{name}"', first))
            continue
        term = Term(name, [], entry.definition, make_anchor(name, anchors), entry.line, entry.form)
        owners[term_key(name)] = term
        for alias in _unique([*label_aliases, *entry.aliases], name):
            first = owners.get(term_key(alias))
            if first is not None:
                subject = f'The alias "{alias}" of "{name}"'
                problems.append(_duplicate(page, entry.line, subject, first))
                continue
            owners[term_key(alias)] = term
            term.aliases.append(alias)
        anchors.add(term.anchor)
        terms.append(term)
    return Glossary(page, terms), problems


def _unique(aliases: Sequence[str], name: str) -> list[str]:
    """Aliases without blanks, repeats or the name itself, in the order written."""
    seen = {term_key(name)}
    unique: list[str] = []
    for alias in aliases:
        alias = collapse(alias)
        if alias and term_key(alias) not in seen:
            seen.add(term_key(alias))
            unique.append(alias)
    return unique


def _duplicate(page: str, line: int, subject: str, first: Term) -> Diagnostic:
    message = f'{subject} is already defined by "{first.name}" on line {first.line}; it is ignored.'
    return diagnostic(Code.GLOSSARY_DUPLICATE_TERM, page, line, message)
