"""Glossary entries written in another language inside the Markdown: a Sphinx/MyST `glossary`
directive, or HTML `<details><summary>Term</summary>…</details>` blocks.

A MyST directive is a fenced block (```` ```{glossary} ````, `~~~`, or `:::`) whose lines are
terms, each followed by its definition indented under it; consecutive term lines share one
definition, as synonyms. A `<details>` entry's summary is the term and its first paragraph (or
its text) the definition.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

from markdown_it.token import Token

from .forms import Entry
from .model import TermForm
from .plaintext import collapse

_DIRECTIVE_INFO = re.compile(r"^\{glossary\}")
_COLON_FENCE = re.compile(r"^(?P<fence>:{3,})\s*\{glossary\}")
_OPTION = re.compile(r"^\s*:[\w-]+:")
_CLASSIFIER = re.compile(r"\s+:\s+.*$")
_DETAILS = re.compile(
    r"<details\b[^>]*>\s*<summary\b[^>]*>(?P<summary>.*?)</summary>(?P<body>.*?)</details\s*>",
    re.IGNORECASE | re.DOTALL,
)
_PARAGRAPH = re.compile(r"<p\b[^>]*>(?P<text>.*?)</p\s*>", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"<[^>]*>")
_MARKDOWN_BLOCK = re.compile(r"^[ \t]*(?:[-*+][ \t]|\d+\.[ \t]|\|)", re.MULTILINE)
_HEADING_TAG = re.compile(r"<h[1-6]\b[^>]*>.*?</h[1-6]\s*>", re.IGNORECASE | re.DOTALL)


def directive_entries(tokens: Sequence[Token], lines: Sequence[str]) -> list[Entry]:
    """Entries of `glossary` directives, fenced with backticks, tildes or colons."""
    entries: list[Entry] = []
    for token in tokens:
        if token.type == "fence" and token.map and _DIRECTIVE_INFO.match(token.info.strip()):
            entries.extend(_directive(token.content.split("\n"), token.map[0] + 2))
    index = 0
    while index < len(lines):
        opening = _COLON_FENCE.match(lines[index].strip())
        if opening is None:
            index += 1
            continue
        fence = opening["fence"]
        end = index + 1
        while end < len(lines) and lines[end].strip() != fence:
            end += 1
        entries.extend(_directive(list(lines[index + 1 : end]), index + 2))
        index = end + 1
    return entries


def _directive(body: list[str], first_line: int) -> list[Entry]:
    entries: list[Entry] = []
    terms: list[tuple[str, int]] = []
    definition: list[str] = []

    def flush() -> None:
        if terms and definition:
            (name, line), synonyms = terms[0], [term for term, _ in terms[1:]]
            entries.append(
                Entry(name, collapse(" ".join(definition)), line, TermForm.DIRECTIVE, synonyms)
            )

    for offset, line in enumerate(body):
        if not line.strip() or (_OPTION.match(line) and not terms):
            if definition:
                flush()
                terms, definition = [], []
            continue
        if line[:1].isspace():
            if terms:
                definition.append(line.strip())
        else:
            if definition:
                flush()
                terms, definition = [], []
            terms.append((_CLASSIFIER.sub("", line.strip()), first_line + offset))
    flush()
    return entries


def details_entries(text: str, code_lines: set[int]) -> tuple[list[Entry], list[tuple[int, int]]]:
    """Entries of HTML `<details>` blocks outside code (`code_lines`: 0-based lines of code),
    and the 1-based lines (exclusive bounds) of the other `<details>` blocks: those that fold
    Markdown (a list, a table of examples) away, whose content is not the glossary's."""
    if "<details" not in text.lower():
        return [], []
    entries: list[Entry] = []
    collapsed: list[tuple[int, int]] = []
    for match in _DETAILS.finditer(text):
        line = text.count("\n", 0, match.start())
        if line in code_lines:
            continue
        if _MARKDOWN_BLOCK.search(match["body"]):
            collapsed.append((line + 1, text.count("\n", 0, match.end()) + 2))
            continue
        label = _plain_html(match["summary"])
        body = _HEADING_TAG.sub(" ", match["body"])
        paragraph = _PARAGRAPH.search(body)
        definition = _plain_html(paragraph["text"] if paragraph else body)
        if label and definition:
            summary_line = text.count("\n", 0, match.start("summary")) + 1
            entries.append(Entry(label, definition, summary_line, TermForm.DETAILS))
    return entries, collapsed


def _plain_html(fragment: str) -> str:
    return collapse(html.unescape(_TAG.sub(" ", fragment)))
