"""`<!-- madr:… -->` directives: where they are in a page and what they ask for.

Directives are found among markdown-it's block tokens, so one written inside a code block is
shown as code and never expanded.
"""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass, field

from markdown_it import MarkdownIt

from .diagnostics import Code, Diagnostic, diagnostic

NAMES = frozenset({"index", "compare", "timeline", "graph", "c4-coverage", "c4-elements"})
_DIRECTIVE = re.compile(r"^\s*<!--\s*madr:([\w-]+)(.*?)-->\s*$", re.DOTALL)
_MD = MarkdownIt("commonmark").disable(["inline", "text_join", "reference"])


@dataclass
class Directive:
    """One directive: its name, positional and keyword arguments, and the lines it spans."""

    name: str
    line: int
    end: int
    positional: list[str] = field(default_factory=list)
    options: dict[str, str] = field(default_factory=dict)

    def values(self, key: str, *, lower: bool = True) -> frozenset[str]:
        """A comma-separated option as a set of values (lower case unless told otherwise)."""
        raw = self.options.get(key, "")
        values = (value.strip() for value in raw.split(","))
        return frozenset(value.lower() if lower else value for value in values if value)


def find_directives(markdown: str, page: str) -> tuple[list[Directive], list[Diagnostic]]:
    """Every directive that stands alone as an HTML block; problems as diagnostics."""
    if "madr:" not in markdown:
        return [], []
    found: list[Directive] = []
    problems: list[Diagnostic] = []
    for token in _MD.parse(markdown):
        if token.type != "html_block" or token.map is None or "madr:" not in token.content:
            continue
        match = _DIRECTIVE.match(token.content)
        if match is None:
            continue
        line = token.map[0] + 1
        name = match[1]
        if name not in NAMES:
            problems.append(
                diagnostic(
                    Code.UNKNOWN_DIRECTIVE,
                    page,
                    line,
                    f"unknown directive madr:{name}; known: {', '.join(sorted(NAMES))}",
                )
            )
            continue
        try:
            words = shlex.split(match[2])
        except ValueError as error:
            problems.append(diagnostic(Code.UNKNOWN_DIRECTIVE, page, line, f"madr:{name}: {error}"))
            continue
        directive = Directive(name, line, token.map[1])
        for word in words:
            key, equals, value = word.partition("=")
            if equals:
                directive.options[key.strip().lower()] = value
            else:
                directive.positional.append(word)
        found.append(directive)
    return found, problems


def replace_lines(markdown: str, replacements: list[tuple[int, int, str]]) -> str:
    """Replace 1-based line ranges [start, end] (end exclusive, 0-based map end) with HTML."""
    lines = markdown.split("\n")
    for start, end, html in sorted(replacements, reverse=True):
        lines[start - 1 : end] = ["", html, ""]
    return "\n".join(lines)
