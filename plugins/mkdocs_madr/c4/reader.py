"""The line-by-line reader behind `parse_c4`: a small state machine over one diagram's lines.

Each line is looked at once; open `{` blocks are kept on a stack, so reading is linear in the
size of the diagram.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..core.diagnostics import Code, Diagnostic, diagnostic
from .arguments import Call, CallError, parse_call, strip_comment
from .macros import (
    BOUNDARY_PARAMS,
    DIAGRAM_KINDS,
    ELEMENT_PARAMS,
    RELATION_PARAMS,
    STYLE_MACROS,
    spelling_hint,
)
from .model import Boundary, C4Relation, Diagram, Element

HEADER = re.compile(r"(" + "|".join(DIAGRAM_KINDS) + r")\b(.*)\Z")
_TITLE = re.compile(r"title(?:\s+(.*))?\Z")
_ACCESSIBILITY_LINE = re.compile(r"(?:accTitle|accDescr)\s*:")
_ACCESSIBILITY_BLOCK = re.compile(r"accDescr\s*\{")
_DIRECTION = re.compile(r"direction\s+(?:TB|BT|RL|LR)\Z")
_FRONT_MATTER_TITLE = re.compile(r"\s*title\s*:\s*(.*?)\s*\Z")
_EXCERPT_LENGTH = 60


def split_lines(source: str) -> list[str]:
    # Only \n, \r\n and \r end a line, as in Markdown; str.splitlines would also split at form
    # feeds and Unicode separators and shift every later line number.
    return source.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def front_matter_end(lines: list[str]) -> int | None:
    """Index of the first line after a leading `---` … `---` block, None if there is none."""
    if not lines or lines[0].strip() != "---":
        return None
    for position in range(1, len(lines)):
        if lines[position].strip() == "---":
            return position + 1
    return None


def _excerpt(text: str) -> str:
    if len(text) <= _EXCERPT_LENGTH:
        return text
    return text[: _EXCERPT_LENGTH - 1] + "…"


@dataclass
class _Frame:
    """One open `{`.

    Attributes:
        boundary: The boundary elements inside belong to; for a stray `{` the enclosing one.
        line: Page line of the `{`.
        stray: Whether the `{` follows no boundary; it is kept only so its `}` still matches.
    """

    boundary: Boundary | None
    line: int
    stray: bool = False


class DiagramReader:
    """Reads a diagram line by line, keeping the open blocks on a stack."""

    def __init__(self, *, page: str, first_line: int, index: int) -> None:
        self.page = page
        self.first_line = first_line
        self.index = index
        self.diagram = Diagram(kind="", page=page, index=index, line=max(first_line - 1, 1))
        self.diagnostics: list[Diagnostic] = []
        self._frames: list[_Frame] = []
        self._awaiting_brace: Boundary | None = None
        self._header_seen = False
        self._accessibility_block_line: int | None = None

    def read(self, lines: list[str]) -> None:
        start = front_matter_end(lines)
        if start is not None:
            self._read_front_matter(lines[1 : start - 1])
        for offset in range(start or 0, len(lines)):
            self._read_line(lines[offset], self.first_line + offset)
        self._finish()

    def _report(self, line: int, message: str) -> None:
        self.diagnostics.append(diagnostic(Code.C4_SYNTAX, self.page, line, message))

    def _read_front_matter(self, lines: list[str]) -> None:
        for line in lines:
            match = _FRONT_MATTER_TITLE.match(line)
            if match:
                self.diagram.title = match.group(1).strip("\"'")

    def _read_line(self, raw: str, line: int) -> None:
        if self._accessibility_block_line is not None:
            if "}" in raw:
                self._accessibility_block_line = None
            return
        text = strip_comment(raw).strip()
        if not text:
            return
        header = HEADER.match(text)
        if not self._header_seen:
            self._header_seen = True
            if header is not None:
                self.diagram.kind = header.group(1)
                if header.group(2).strip():
                    self._report(line, f"Unexpected text after `{header.group(1)}`.")
                return
            self._report(
                line,
                f"The diagram does not start with a C4 header ({', '.join(DIAGRAM_KINDS)}).",
            )
        elif header is not None:
            self._report(line, f"A second diagram header `{header.group(1)}`; only one is allowed.")
            return
        if self._awaiting_brace is not None:
            boundary, self._awaiting_brace = self._awaiting_brace, None
            if text.startswith("{"):
                self._open(boundary, line)
                self._check_nothing_after_brace(text, line)
                return
            self._report_missing_block(boundary)
        self._read_statement(text, line)

    def _check_nothing_after_brace(self, text: str, line: int) -> None:
        """Report what follows the `{` that `text` starts with."""
        rest = text[1:].strip()
        if rest:
            self._report(line, f"Unexpected text after `{{`: `{_excerpt(rest)}`.")

    def _read_statement(self, text: str, line: int) -> None:
        if text.startswith("}"):
            self._close_braces(text, line)
        elif text.startswith("{"):
            self._report(line, "This `{` does not follow a boundary or deployment node.")
            self._open_stray(line)
        elif (title := _TITLE.match(text)) is not None:
            self.diagram.title = (title.group(1) or "").strip()
        elif _ACCESSIBILITY_BLOCK.match(text):
            if "}" not in text:
                self._accessibility_block_line = line
        elif _ACCESSIBILITY_LINE.match(text) or _DIRECTION.match(text):
            pass
        else:
            self._read_call(text, line)

    def _close_braces(self, text: str, line: int) -> None:
        braces = text.replace(" ", "").replace("\t", "")
        if braces.strip("}"):
            self._report(line, f"Unexpected text after `}}`: `{_excerpt(text)}`.")
            braces = "}"
        for _ in braces:
            if not self._frames:
                self._report(line, "Unbalanced `}`: no boundary is open here.")
                return
            self._frames.pop()

    def _read_call(self, text: str, line: int) -> None:
        call = parse_call(text)
        if isinstance(call, CallError):
            if call.not_a_call:
                self._report(line, f"Cannot read `{_excerpt(text)}` as a C4 statement.")
            else:
                self._report(line, f"In `{_excerpt(text)}`: {call.message}.")
            if text.endswith("{"):
                self._open_stray(line)
            return
        if call.name in STYLE_MACROS:
            self._check_nothing_follows(call, line)
            return
        for problem in call.problems:
            self._report(line, f"In `{_excerpt(text)}`: {problem}.")
        if call.name in ELEMENT_PARAMS:
            self._read_element(call, line)
        elif call.name in BOUNDARY_PARAMS:
            self._read_boundary(call, line)
        elif call.name in RELATION_PARAMS:
            self._read_relation(call, line)
        else:
            hint = spelling_hint(call.name)
            advice = f"; macro names are case-sensitive, did you mean `{hint}`?" if hint else "."
            self._report(line, f"Unknown C4 statement `{call.name}`{advice}")
            if call.rest.startswith("{"):
                self._open_stray(line)

    def _check_nothing_follows(self, call: Call, line: int) -> None:
        if call.rest == "{":
            self._report(line, f"`{call.name}` cannot open a `{{` block.")
            self._open_stray(line)
        elif call.rest:
            self._report(line, f"Unexpected text after `{call.name}(…)`: `{_excerpt(call.rest)}`.")

    def _read_element(self, call: Call, line: int) -> None:
        values = _bind(call, ("alias", *ELEMENT_PARAMS[call.name]))
        alias = values.get("alias", "")
        if alias:
            element = Element(
                alias=alias,
                kind=call.name,
                label=values.get("label", ""),
                page=self.page,
                line=line,
                diagram_index=self.index,
                technology=values.get("techn", ""),
                description=values.get("descr", ""),
                boundary=self._current_alias(),
                tags=values.get("tags", ""),
                link=values.get("link", ""),
            )
            self._add_element(element)
        else:
            self._report(line, f"`{call.name}` needs an alias as its first argument.")
        self._check_nothing_follows(call, line)

    def _read_boundary(self, call: Call, line: int) -> None:
        values = _bind(call, ("alias", *BOUNDARY_PARAMS[call.name]))
        alias = values.get("alias", "")
        if not alias:
            self._report(line, f"`{call.name}` needs an alias as its first argument.")
            self._open_or_await(None, call, line)
            return
        technology = values.get("type", "") or values.get("techn", "")
        description = values.get("descr", "")
        boundary = Boundary(
            alias=alias,
            kind=call.name,
            label=values.get("label", ""),
            page=self.page,
            line=line,
            diagram_index=self.index,
            technology=technology,
            description=description,
            parent=self._current_alias(),
        )
        self._add_element(
            Element(
                alias=alias,
                kind=call.name,
                label=boundary.label,
                page=self.page,
                line=line,
                diagram_index=self.index,
                technology=technology,
                description=description,
                boundary=boundary.parent,
                tags=values.get("tags", ""),
                link=values.get("link", ""),
            )
        )
        self.diagram.boundaries.append(boundary)
        self._open_or_await(boundary, call, line)

    def _open_or_await(self, boundary: Boundary | None, call: Call, line: int) -> None:
        if call.rest.startswith("{"):
            if boundary is None:
                self._open_stray(line)
            else:
                self._open(boundary, line)
            self._check_nothing_after_brace(call.rest, line)
        elif call.rest:
            self._report(line, f"Unexpected text after `{call.name}(…)`: `{_excerpt(call.rest)}`.")
        elif boundary is not None:
            self._awaiting_brace = boundary

    def _read_relation(self, call: Call, line: int) -> None:
        values = _bind(call, RELATION_PARAMS[call.name])
        source, target = values.get("source", ""), values.get("target", "")
        if not source or not target:
            self._report(line, f"`{call.name}` needs the aliases it connects.")
        elif "label" not in values:
            self._report(
                line, f"`{call.name}({source}, {target})` has no label; Mermaid does not draw it."
            )
        else:
            self.diagram.relations.append(
                C4Relation(
                    macro=call.name,
                    source=source,
                    target=target,
                    label=values["label"],
                    line=line,
                    technology=values.get("techn", ""),
                    description=values.get("descr", ""),
                    index=values.get("index", ""),
                    tags=values.get("tags", ""),
                    link=values.get("link", ""),
                )
            )
        self._check_nothing_follows(call, line)

    def _add_element(self, element: Element) -> None:
        self.diagram.elements.append(element)
        parent = self._current_boundary()
        if parent is not None:
            parent.children.append(element.alias)

    def _open(self, boundary: Boundary, line: int) -> None:
        self._frames.append(_Frame(boundary, line))

    def _open_stray(self, line: int) -> None:
        # A `{` that cannot be attributed (already reported) still pairs with its `}`, so one
        # mistake yields one diagnostic rather than a second "unbalanced }" further down.
        self._frames.append(_Frame(self._current_boundary(), line, stray=True))

    def _current_boundary(self) -> Boundary | None:
        return self._frames[-1].boundary if self._frames else None

    def _current_alias(self) -> str | None:
        current = self._current_boundary()
        return current.alias if current is not None else None

    def _report_missing_block(self, boundary: Boundary) -> None:
        self._report(
            boundary.line,
            f"`{boundary.kind}({boundary.alias})` must be followed by a `{{ … }}` block.",
        )

    def _finish(self) -> None:
        if self._awaiting_brace is not None:
            self._report_missing_block(self._awaiting_brace)
        if self._accessibility_block_line is not None:
            self._report(self._accessibility_block_line, "`accDescr {` is never closed by `}`.")
        for frame in self._frames:
            owner = "" if frame.stray or frame.boundary is None else f" of `{frame.boundary.alias}`"
            self._report(frame.line, f"The `{{`{owner} is never closed by `}}`.")
        if not self._header_seen:
            self._report(self.first_line, "The diagram is empty: it has no C4 header.")
        self.diagnostics.sort(key=lambda item: item.line or 0)


def _bind(call: Call, parameters: tuple[str, ...]) -> dict[str, str]:
    """Positional arguments by parameter name, then named arguments over them."""
    values = dict(zip(parameters, call.positional, strict=False))
    values.update(call.named)
    return values
