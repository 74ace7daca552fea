"""What the plugin expands in a page: `<!-- madr:… -->` directives and Mermaid C4 fences.

Both are found among markdown-it's block tokens, so a directive written inside a code block is
shown as code and never expanded.
"""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass, field

from ..c4 import is_c4_source
from ..core.blocks import block_tokens, fence_language
from ..core.collection import Collection
from ..core.diagnostics import Code, Diagnostic, diagnostic
from ..core.text import small_number

NAMES = frozenset(
    {"index", "compare", "timeline", "graph", "c4-coverage", "in-force", "review", "health"}
)
FILTERS = ("status", "tag", "category", "decider", "c4", "limit", "source")
"""The `key=value` arguments of every directive but `compare`, which takes one record id."""
_DIRECTIVE = re.compile(r"^\s*<!--\s*madr:([\w-]+)(.*?)-->\s*$", re.DOTALL)
_DIRECTIVE_START = re.compile(r"<!--\s*madr:")
_MERMAID_FENCE = re.compile(r"^[ \t>*+-]*(?:```|~~~)\s*mermaid", re.MULTILINE)


@dataclass
class Directive:
    """One directive: its name, positional and keyword arguments, and the lines it spans."""

    name: str
    line: int
    end: int
    positional: list[str] = field(default_factory=list)
    options: dict[str, str] = field(default_factory=dict)
    shown_line: int = 0
    """The line to name in diagnostics: in the page's source file, front matter included."""

    def values(self, key: str, *, lower: bool = True) -> frozenset[str]:
        """A comma-separated option as a set of values (lower case unless told otherwise)."""
        raw = self.options.get(key, "")
        values = (value.strip() for value in raw.split(","))
        return frozenset(value.lower() if lower else value for value in values if value)


@dataclass
class Fence:
    """A Mermaid C4 code block: its lines in the page (1-based, end inclusive) and content."""

    line: int
    end: int
    content: str


@dataclass
class PageScan:
    """What the plugin expands on a page, found in one markdown-it pass."""

    directives: list[Directive] = field(default_factory=list)
    c4_fences: list[Fence] = field(default_factory=list)
    problems: list[Diagnostic] = field(default_factory=list)


def scan_page(markdown: str, page: str, *, line_offset: int = 0) -> PageScan:
    """Directives standing alone as HTML blocks, and Mermaid C4 fences, with their lines.

    Pages that mention neither skip parsing. `line_offset` shifts reported lines (front matter).
    """
    scan = PageScan()
    if _DIRECTIVE_START.search(markdown) is None and _MERMAID_FENCE.search(markdown) is None:
        return scan
    for token in block_tokens(markdown):
        if token.map is None:
            continue
        if token.type == "fence" and fence_language(token) == "mermaid":
            if is_c4_source(token.content):
                scan.c4_fences.append(Fence(token.map[0] + 1, token.map[1], token.content))
        elif token.type == "html_block" and "madr:" in token.content:
            _read_directive(token.content, token.map, page, line_offset, scan)
    return scan


def _read_directive(
    content: str, span: list[int], page: str, line_offset: int, scan: PageScan
) -> None:
    match = _DIRECTIVE.match(content)
    if match is None:
        return
    line = span[0] + 1
    name = match[1]
    if name not in NAMES:
        known = ", ".join(sorted(NAMES))
        scan.problems.append(
            diagnostic(
                Code.UNKNOWN_DIRECTIVE,
                page,
                line + line_offset,
                f"unknown directive madr:{name}; known: {known}",
            )
        )
        return
    try:
        words = shlex.split(match[2])
    except ValueError as error:
        scan.problems.append(
            diagnostic(Code.UNKNOWN_DIRECTIVE, page, line + line_offset, f"madr:{name}: {error}")
        )
        return
    directive = Directive(name, line, span[1], shown_line=line + line_offset)
    for word in words:
        key, equals, value = word.partition("=")
        if equals:
            directive.options[key.strip().lower()] = value
        else:
            directive.positional.append(word)
    for problem in _argument_problems(directive, words):
        scan.problems.append(
            diagnostic(Code.UNKNOWN_DIRECTIVE, page, directive.shown_line, problem)
        )
    scan.directives.append(directive)


def _argument_problems(directive: Directive, words: list[str]) -> list[str]:
    """What is wrong with the arguments; an argument in error is dropped, the rest stands."""
    name, options = directive.name, directive.options
    found: list[str] = []
    keys = [word.partition("=")[0].strip().lower() for word in words if "=" in word]
    for key in dict.fromkeys(key for key in keys if keys.count(key) > 1):
        found.append(f"madr:{name}: {key}= is given twice; the last one counts")
    if name == "compare":
        found += _compare_arguments(directive)
        return found
    if directive.positional:
        left = ", ".join(repr(word) for word in directive.positional)
        found.append(f"madr:{name} takes no record id, only key=value filters; left over: {left}")
        directive.positional.clear()
    for key in list(options):
        if key not in FILTERS:
            known = ", ".join(sorted(FILTERS))
            found.append(f"madr:{name}: unknown argument '{key}'; known: {known}")
            del options[key]
        elif not options[key].strip():
            found.append(f"madr:{name}: {key}= has no value")
            del options[key]
    limit = options.get("limit")
    if limit is not None and not small_number(limit.strip()):
        found.append(f"madr:{name}: limit must be a number of records, 1 or more, not {limit!r}")
        del options["limit"]
    return found


def _compare_arguments(directive: Directive) -> list[str]:
    found: list[str] = []
    if directive.options:
        found.append("madr:compare takes a record id, not key=value arguments")
        directive.options.clear()
    ids = directive.positional
    if not ids or not ids[0].strip():
        found.append("madr:compare needs a record id, as in <!-- madr:compare 0005 -->")
        ids.clear()
    elif len(ids) > 1:
        left = ", ".join(repr(word) for word in ids[1:])
        found.append(f"madr:compare takes one record id; left over: {left}")
        del ids[1:]
    return found


def reference_problems(directive: Directive, collection: Collection, page: str) -> list[Diagnostic]:
    """Arguments that name what the records do not have: the record to compare, categories."""
    found: list[str] = []
    if directive.name == "compare":
        reference = directive.positional[0] if directive.positional else ""
        if reference and collection.find(reference) is None:
            found.append(f"madr:compare: no record '{reference}'")
    categories = {decision.category for decision in collection.decisions}
    for category in sorted(directive.values("category", lower=False) - categories):
        named = sorted(category for category in categories if category)
        known = f"categories: {', '.join(named)}" if named else "the records have no subfolders"
        found.append(f"madr:{directive.name}: no category '{category}' ({known})")
    sources = {".", *collection.sources}
    for source in sorted(directive.values("source", lower=False) - sources):
        listed = ", ".join(sorted(collection.sources)) or "none in mkdocs.yml"
        found.append(
            f"madr:{directive.name}: no source '{source}' (sources: {listed}; `.` is the site's "
            "own)"
        )
    return [
        diagnostic(Code.UNKNOWN_DIRECTIVE, page, directive.shown_line, problem) for problem in found
    ]


def replace_lines(markdown: str, replacements: list[tuple[int, int, str]]) -> str:
    """Replace 1-based line ranges [start, end] (end exclusive, 0-based map end) with HTML."""
    lines = markdown.split("\n")
    for start, end, html in sorted(replacements, reverse=True):
        lines[start - 1 : end] = ["", html, ""]
    return "\n".join(lines)
