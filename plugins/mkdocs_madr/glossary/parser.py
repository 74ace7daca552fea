"""Reading a glossary page into a `Glossary`, with diagnostics instead of exceptions.

A page may define terms in any mix of forms (`forms`, `bullets`, `headings`, `embedded`). When
the glossary is only a section of a larger page (a `## Glossary` or `## Terminology` heading
under a title that is not itself a glossary), only that section is read. An entry whose whole
definition points to another term (`See Widget.`, `Synonym of Widget`) makes its name an alias
of that term; so does an expansion (`RWP (Remote Widget Protocol) is …`, or an acronym defined
as just the words it stands for).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from markdown_it import MarkdownIt
from markdown_it.token import Token

from ..core.diagnostics import Code, Diagnostic, diagnostic
from .bullets import bullet_entries, plain_list_entries
from .embedded import details_entries, directive_entries
from .forms import Entry, definition_list_entries, table_entries
from .headings import GLOSSARY_TITLES, heading_entries
from .labels import clean_label, split_label, synonym
from .model import Glossary, Term, make_anchor, term_key
from .plaintext import collapse, plain_text

_FRONT_MATTER_END = re.compile(r"^(?:---|\.\.\.)[ \t]*$")
_REDIRECT = re.compile(
    r"^(?:see(?:\s+also)?|synonym\s+(?:of|for)|same\s+as|another\s+name\s+for|"
    r"(?:an\s+)?abbreviation\s+(?:of|for)|short\s+for|alias\s+(?:of|for))\s*:?\s+"
    r"(?P<target>[^.;]+?)\s*\.?$",
    re.IGNORECASE,
)
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9]{1,7}s?$")
_CODE_BLOCKS = frozenset({"fence", "code_block"})

_MARKDOWN = MarkdownIt("commonmark").enable(["table", "strikethrough"])


def parse_glossary(markdown: str, page: str) -> tuple[Glossary, list[Diagnostic]]:
    """Read the terms of a glossary page.

    A term or alias defined a second time is reported as `GLOSSARY_DUPLICATE_TERM` at the
    second definition's line and dropped; the first wins. A page that yields no term at all is
    reported as `GLOSSARY_EMPTY`.

    Args:
        markdown: The page source; YAML front matter is skipped, line numbers still count it.
        page: The page path, used in the glossary and its diagnostics.

    Returns:
        The glossary, terms in page order, and the problems found.
    """
    lines = _without_front_matter(markdown.replace("\r\n", "\n").replace("\r", "\n"))
    tokens = _MARKDOWN.parse("\n".join(lines))
    bullets, fields = bullet_entries(tokens)
    text = "\n".join(lines)
    details, collapsed = details_entries(text, _code_lines(tokens))
    entries = [
        *definition_list_entries(tokens, lines, _parse_inline),
        *bullets,
        *table_entries(tokens),
        *directive_entries(tokens, lines),
    ]
    entries = [entry for entry in entries if not any(a < entry.line < b for a, b in collapsed)]
    entries += details
    entries.extend(heading_entries(tokens, entries, fields))
    if not entries:  # plain `Term - definition` lists, when nothing else defines terms
        entries = plain_list_entries(tokens)
    section = _glossary_section(tokens)
    if section is not None:
        entries = [entry for entry in entries if section[0] < entry.line < section[1]]
    entries.sort(key=lambda entry: entry.line)
    glossary, problems = _build_glossary(entries, page)
    if not glossary:
        problems.append(_empty(page))
    return glossary, problems


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
    redirects: list[tuple[Entry, str, list[str]]] = []
    for entry in entries:
        name, label_aliases = split_label(collapse(entry.label))
        if not name:
            continue
        redirect = _REDIRECT.match(entry.definition)
        if redirect is not None:
            redirects.append((entry, name, [*label_aliases, *entry.aliases]))
            continue
        first = owners.get(term_key(name))
        if first is not None:
            problems.append(_duplicate(page, entry.line, f'The term "{name}"', first))
            continue
        term = Term(name, [], entry.definition, make_anchor(name, anchors), entry.line, entry.form)
        owners[term_key(name)] = term
        aliases = [*label_aliases, *entry.aliases, *_expansions(name, entry.definition)]
        problems += _add_aliases(term, aliases, owners, page, entry.line)
        anchors.add(term.anchor)
        terms.append(term)
    for entry, name, aliases in redirects:
        target = owners.get(term_key(_target(entry.definition)))
        if target is None:  # a "See …" to nothing known: a term of its own
            term = Term(
                name, [], entry.definition, make_anchor(name, anchors), entry.line, entry.form
            )
            if term_key(name) in owners:
                problems.append(
                    _duplicate(page, entry.line, f'The term "{name}"', owners[term_key(name)])
                )
                continue
            owners[term_key(name)] = term
            problems += _add_aliases(term, aliases, owners, page, entry.line)
            anchors.add(term.anchor)
            terms.append(term)
        else:
            problems += _add_aliases(target, [name, *aliases], owners, page, entry.line)
    terms.sort(key=lambda term: term.line)
    return Glossary(page, terms), problems


def _add_aliases(
    term: Term, aliases: Sequence[str], owners: dict[str, Term], page: str, line: int
) -> list[Diagnostic]:
    problems: list[Diagnostic] = []
    for alias in _unique(aliases, term.name):
        first = owners.get(term_key(alias))
        if first is term:
            continue
        if first is not None:
            subject = f'The alias "{alias}" of "{term.name}"'
            problems.append(_duplicate(page, line, subject, first))
            continue
        owners[term_key(alias)] = term
        term.aliases.append(alias)
    return problems


def _target(definition: str) -> str:
    match = _REDIRECT.match(definition)
    return clean_label(match["target"]) if match else ""


def _expansions(name: str, definition: str) -> list[str]:
    """What an abbreviation stands for, when the definition spells it out: `RWP (Remote Widget
    Protocol) is …`, or a definition that is just the words whose initials make the name."""
    if definition.startswith(f"{name} ("):
        inner = definition[len(name) + 2 :].split(")", 1)[0]
        return [synonym(inner)] if inner else []
    if not _ACRONYM.match(name):
        return []
    words = [word for word in re.split(r"[\s-]+", definition.rstrip(".")) if word]
    initials = "".join(word[0] for word in words if word[:1].isupper())
    if len(words) == len(name.rstrip("s")) and initials == name.rstrip("s"):
        return [" ".join(words)]
    return []


def _glossary_section(tokens: Sequence[Token]) -> tuple[int, float] | None:
    """The lines (exclusive bounds) of a glossary section inside a page that is not a glossary
    as a whole; None when the whole page is the glossary."""
    headings = [
        (int(token.tag[1:]), clean_label(plain_text(tokens[index + 1].children or [])), token)
        for index, token in enumerate(tokens[:-1])
        if token.type == "heading_open" and token.level == 0 and token.map is not None
    ]
    titles = [label for level, label, _ in headings if level == 1]
    if not headings or (titles and GLOSSARY_TITLES.match(titles[0])):
        return None
    for position, (level, label, token) in enumerate(headings):
        if level > 1 and GLOSSARY_TITLES.match(label) and token.map is not None:
            end = next(
                (
                    other.map[0] + 1
                    for other_level, _, other in headings[position + 1 :]
                    if other_level <= level and other.map is not None
                ),
                float("inf"),
            )
            return token.map[0] + 1, end
    return None


def _code_lines(tokens: Sequence[Token]) -> set[int]:
    return {
        line
        for token in tokens
        if token.type in _CODE_BLOCKS and token.map is not None
        for line in range(*token.map)
    }


def _empty(page: str) -> Diagnostic:
    message = (
        "The glossary yields no term: write entries as headings with a definition under them, "
        "`**Term**: definition` or `Term - definition` list items, `Term` / `: definition` "
        "definition lists, a two-column table, or a `glossary` directive."
    )
    return diagnostic(Code.GLOSSARY_EMPTY, page, 1, message)


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
