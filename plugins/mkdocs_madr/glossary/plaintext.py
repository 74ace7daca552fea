"""Plain text out of markdown-it inline tokens: what a tooltip can show."""

from __future__ import annotations

import re
from collections.abc import Sequence

from markdown_it.token import Token

from .labels import parse_alias_line

_TEXT_TOKENS = frozenset({"text", "text_special", "code_inline"})
_LINE_BREAKS = frozenset({"softbreak", "hardbreak"})
_EMPHASIS_CLOSE = frozenset({"em_close", "strong_close"})
# Control characters include Python-Markdown's stash markers (\x02, \x03); a definition that
# smuggled them into a title attribute could splice raw HTML back in.
_CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def collapse(text: str) -> str:
    """`text` without control characters and with whitespace runs collapsed to one space."""
    return " ".join(_CONTROL_CHARACTERS.sub(" ", text).split())


def plain_text(tokens: Sequence[Token]) -> str:
    """The visible text of inline tokens: markup and inline HTML tags dropped."""
    parts: list[str] = []
    for token in tokens:
        if token.type in _TEXT_TOKENS:
            parts.append(token.content)
        elif token.type in _LINE_BREAKS:
            parts.append(" ")
        elif token.type == "image":
            parts.append(plain_text(token.children or []))
    return collapse("".join(parts))


def definition_and_aliases(tokens: Sequence[Token]) -> tuple[str, list[str]]:
    """The plain definition and the aliases it declares.

    An alias declaration is a whole line such as `*Aliases: x, y*` or `Also: x`, or an
    emphasised `*Aliases: x*` ending a line; it is removed from the definition.
    """
    kept: list[Token] = []
    aliases: list[str] = []
    for line in _lines(tokens):
        names = parse_alias_line(plain_text(line))
        if names is not None:
            aliases.extend(names)
            continue
        line, names = _without_trailing_alias_emphasis(line)
        aliases.extend(names)
        kept.extend(line)
        kept.append(Token("softbreak", "br", 0))
    return plain_text(kept), aliases


def _lines(tokens: Sequence[Token]) -> list[list[Token]]:
    lines: list[list[Token]] = [[]]
    for token in tokens:
        if token.type in _LINE_BREAKS:
            lines.append([])
        else:
            lines[-1].append(token)
    return lines


def _without_trailing_alias_emphasis(line: list[Token]) -> tuple[list[Token], list[str]]:
    end = len(line)
    while end and line[end - 1].type == "text" and not line[end - 1].content.strip():
        end -= 1
    if not end or line[end - 1].type not in _EMPHASIS_CLOSE:
        return line, []
    start = _matching_open(line, end - 1)
    if start is None:
        return line, []
    names = parse_alias_line(plain_text(line[start + 1 : end - 1]))
    if names is None:
        return line, []
    return line[:start], names


def _matching_open(tokens: Sequence[Token], close_index: int) -> int | None:
    depth = 0
    for index in range(close_index, -1, -1):
        depth += tokens[index].nesting
        if depth == 0:
            return index
    return None
