"""Placing generated fragments into a record's own Markdown, at the lines the parse found.

MkDocs hands the plugin the page without its front matter, so file lines are mapped onto
page lines first; when another plugin has changed the text, lines are found by content.
"""

from __future__ import annotations

from ..core.model import Decision, Line


def decorate(
    markdown: str, decision: Decision, file_lines: list[str], header: str, comparison: str
) -> str:
    """The page Markdown with the header after the H1 and the comparison after the options."""
    lines = markdown.split("\n")
    insertions: list[tuple[int, str]] = []
    title_at = _page_index(lines, file_lines, decision.lines.get(Line.TITLE))
    insertions.append((title_at + 1 if title_at is not None else 0, header))
    if comparison:
        insertions.append((_comparison_at(lines, file_lines, decision), comparison))
    for index, html in sorted(insertions, key=lambda pair: pair[0], reverse=True):
        lines[index:index] = ["", html, ""]
    return "\n".join(lines)


def _comparison_at(lines: list[str], file_lines: list[str], decision: Decision) -> int:
    end = decision.lines.get(Line.OPTIONS_END)
    if end is not None:
        at = _page_index(lines, file_lines, end) if end <= len(file_lines) else None
        if at is not None:
            return at
        if end > len(file_lines):
            return len(lines)
    pros = _page_index(lines, file_lines, decision.lines.get(Line.PROS))
    if pros is not None:
        return pros + 1
    return len(lines)


def _page_index(lines: list[str], file_lines: list[str], file_line: int | None) -> int | None:
    """The 0-based page index of 1-based `file_line`, checked against the line's text."""
    if file_line is None or not 0 < file_line <= len(file_lines):
        return None
    wanted = file_lines[file_line - 1]
    offset = len(file_lines) - len(lines)
    guess = file_line - 1 - offset
    if 0 <= guess < len(lines) and lines[guess].rstrip() == wanted.rstrip():
        return guess
    stripped = wanted.strip()
    if not stripped:
        return None
    for index, line in enumerate(lines):
        if line.strip() == stripped:
            return index
    return None
