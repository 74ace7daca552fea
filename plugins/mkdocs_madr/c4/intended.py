"""What a C4 diagram's author meant, read forgivingly line by line.

Mermaid reads some statements otherwise than they look (see `mermaid`), and refuses some
diagrams outright. This reader takes each line for what it plainly says: arguments split at
commas outside quotes and parentheses, `\\"` as a quote, named arguments apart from the
positional ones, `}` wherever it stands. Its reading is what the element table shows for a
diagram Mermaid cannot draw, and what a statement Mermaid reads otherwise is compared with.
It reports nothing: what is wrong is Mermaid's to say.
"""

from __future__ import annotations

import re

from .arguments import Call, parse_call, strip_comment
from .macros import BOUNDARY_PARAMS, DIAGRAM_KINDS, ELEMENT_PARAMS, RELATION_PARAMS
from .model import Boundary, C4Relation, Diagram, Element

HEADER = re.compile(r"(" + "|".join(DIAGRAM_KINDS) + r")\b(.*)\Z")
_TITLE = re.compile(r"title(?:\s+(.*))?\Z")
_ACCESSIBILITY_BLOCK = re.compile(r"accDescr\s*\{")
_FRONT_MATTER_TITLE = re.compile(r"\s*title\s*:\s*(.*?)\s*\Z")


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


def bind(call: Call, parameters: tuple[str, ...]) -> dict[str, str]:
    """Positional arguments by parameter name, then named arguments over them."""
    values = dict(zip(parameters, call.positional, strict=False))
    values.update(call.named)
    return values


def read_intended(source: str, *, page: str, first_line: int, index: int) -> Diagram:
    """The diagram as its author meant it.

    Args:
        source: The code block's content, without the fences.
        page: The page, for the elements.
        first_line: 1-based page line of the content's first line.
        index: 0-based index of this diagram among the page's C4 diagrams.
    """
    reader = _Reader(page, first_line, index)
    reader.read(split_lines(source))
    return reader.diagram


class _Reader:
    def __init__(self, page: str, first_line: int, index: int) -> None:
        self.page = page
        self.first_line = first_line
        self.index = index
        self.diagram = Diagram(kind="", page=page, index=index, line=max(first_line - 1, 1))
        self._open: list[Boundary | None] = []
        self._awaiting: Boundary | None = None
        self._in_accessibility_block = False

    def read(self, lines: list[str]) -> None:
        start = front_matter_end(lines)
        if start is not None:
            for line in lines[1 : start - 1]:
                match = _FRONT_MATTER_TITLE.match(line)
                if match:
                    self.diagram.title = match.group(1).strip("\"'")
        for offset in range(start or 0, len(lines)):
            self._read_line(lines[offset], self.first_line + offset)

    def _read_line(self, raw: str, line: int) -> None:
        if self._in_accessibility_block:
            self._in_accessibility_block = "}" not in raw
            return
        text = strip_comment(raw).strip()
        if not text:
            return
        awaiting, self._awaiting = self._awaiting, None
        header = HEADER.match(text)
        if header is not None:
            self.diagram.kind = self.diagram.kind or header.group(1)
        elif text.startswith("{"):
            self._open.append(awaiting or self._current())
        elif text.startswith("}"):
            del self._open[len(self._open) - text.count("}") :]
        elif (title := _TITLE.match(text)) is not None:
            self.diagram.title = (title.group(1) or "").strip()
        elif _ACCESSIBILITY_BLOCK.match(text):
            self._in_accessibility_block = "}" not in text
        else:
            call = parse_call(text)
            if isinstance(call, Call):
                self._read_call(call, line)
            elif text.endswith("{"):
                self._open.append(self._current())

    def _read_call(self, call: Call, line: int) -> None:
        if call.name in ELEMENT_PARAMS:
            values = bind(call, ("alias", *ELEMENT_PARAMS[call.name]))
            if values.get("alias"):
                self._add(self._element(call.name, values, line))
        elif call.name in BOUNDARY_PARAMS:
            self._boundary(call, line)
        elif call.name in RELATION_PARAMS:
            values = bind(call, RELATION_PARAMS[call.name])
            if values.get("source") and values.get("target"):
                self.diagram.relations.append(_relation(call.name, values, line))
        if call.name not in BOUNDARY_PARAMS and call.rest.startswith("{"):
            self._open.append(self._current())
        if call.rest.rstrip().endswith("}"):
            del self._open[len(self._open) - call.rest.count("}") :]

    def _boundary(self, call: Call, line: int) -> None:
        values = bind(call, ("alias", *BOUNDARY_PARAMS[call.name]))
        if not values.get("alias"):
            self._open.append(self._current())
            return
        technology = values.get("type", "") or values.get("techn", "")
        element = self._element(call.name, {**values, "techn": technology}, line)
        boundary = Boundary(
            alias=element.alias,
            kind=call.name,
            label=element.label,
            page=self.page,
            line=line,
            diagram_index=self.index,
            technology=element.technology,
            description=element.description,
            parent=element.boundary,
        )
        self._add(element)
        self.diagram.boundaries.append(boundary)
        if call.rest.startswith("{"):
            self._open.append(boundary)
        elif not call.rest:
            self._awaiting = boundary

    def _element(self, kind: str, values: dict[str, str], line: int) -> Element:
        return Element(
            alias=values["alias"],
            kind=kind,
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

    def _add(self, element: Element) -> None:
        self.diagram.elements.append(element)
        parent = self._current()
        if parent is not None:
            parent.children.append(element.alias)

    def _current(self) -> Boundary | None:
        return self._open[-1] if self._open else None

    def _current_alias(self) -> str | None:
        current = self._current()
        return current.alias if current is not None else None


def _relation(macro: str, values: dict[str, str], line: int) -> C4Relation:
    return C4Relation(
        macro=macro,
        source=values["source"],
        target=values["target"],
        label=values.get("label", ""),
        line=line,
        technology=values.get("techn", ""),
        description=values.get("descr", ""),
        index=values.get("index", ""),
        tags=values.get("tags", ""),
        link=values.get("link", ""),
    )
