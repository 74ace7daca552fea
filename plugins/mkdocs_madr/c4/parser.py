"""Read Mermaid C4 diagrams out of Markdown pages, as Mermaid 11 reads them.

A diagram is read twice over. `mermaid` works out what Mermaid itself makes of it, token by
token: whether it draws it at all, and if so which elements, boundaries and arrows it keeps.
When Mermaid draws it, that is the diagram, and `misreadings` reports the statements it draws
otherwise than they are written (and an arrow to something that is not a box, which stops the
drawing after all). When Mermaid refuses it, `refusals` says why at the statement to fix, and
the diagram's elements are read as the author meant them (`intended`), so that the element
table under the undrawn diagram still lists them.

Mermaid's C4 syntax, in short: a header (`C4Context`, `C4Container`, `C4Component`,
`C4Dynamic`, `C4Deployment`) alone on its line; one statement per line; macros written
`Name(` with no space, their arguments split at commas, in double quotes or bare (a bare one
runs to the next comma, whatever it crosses); `$name="value"` arguments; boundaries and
deployment nodes followed by `{` and a non-empty block closed by `}`; `title`, `accTitle:`,
`accDescr`; `%%` comments on lines of their own (a trailing one swallows the line break).
"""

from __future__ import annotations

from ..core.blocks import block_tokens, fence_language
from ..core.diagnostics import Diagnostic
from .intended import HEADER, front_matter_end, read_intended, split_lines
from .mermaid import draw, prepare, read
from .misreadings import misreadings
from .model import Diagram
from .refusals import refusals


def parse_c4(
    source: str, *, page: str, first_line: int, index: int = 0
) -> tuple[Diagram, list[Diagnostic]]:
    """Read one Mermaid C4 diagram.

    Args:
        source: The code block's content, without the fences.
        page: The page path, used in elements and diagnostics.
        first_line: 1-based page line of the content's first line.
        index: 0-based index of this diagram among the page's C4 diagrams.

    Returns:
        The diagram (its `line` is the line before `first_line`, where the opening fence is;
        `drawn` says whether Mermaid draws it) and a diagnostic for every statement Mermaid
        refuses or draws otherwise than it is written.
    """
    prepared = prepare(source)
    reading = read(prepared)
    if reading.accepted and not prepared.front_matter_error:
        drawn = draw(
            reading, page=page, index=index, line=lambda at: first_line + prepared.line_of(at)
        )
        problems, drawable = misreadings(reading, drawn, page, first_line)
        diagram = Diagram(
            kind=reading.kind,
            page=page,
            index=index,
            line=max(first_line - 1, 1),
            title=drawn.title or prepared.title,
            elements=drawn.elements,
            boundaries=drawn.boundaries,
            relations=drawn.relations,
            drawn=drawable,
        )
        return diagram, problems
    diagram = read_intended(source, page=page, first_line=first_line, index=index)
    diagram.drawn = False
    problems = refusals(reading, page, first_line)
    said = {problem.line for problem in problems}
    drawn = draw(reading, page=page, index=index, line=lambda at: first_line + prepared.line_of(at))
    statements, _ = misreadings(reading, drawn, page, first_line)
    problems += [problem for problem in statements if problem.line not in said]
    return diagram, sorted(problems, key=lambda problem: problem.line or 0)


def find_c4_diagrams(
    markdown: str, page: str, *, first_line: int = 1
) -> tuple[list[Diagram], list[Diagnostic]]:
    """Find and read every Mermaid C4 diagram on a page.

    A diagram is a fenced code block whose info string starts with `mermaid` and whose first
    meaningful line is a C4 header; blocks nested in lists and block quotes count. Indented code
    blocks and other languages do not.

    Args:
        markdown: The page's Markdown.
        page: The page path, used in elements and diagnostics.
        first_line: 1-based page line of `markdown`'s first line, for callers that pass the page
            without its front matter.

    Returns:
        The diagrams in page order, each with its `index`, and the diagnostics from reading them.
    """
    if "C4" not in markdown:
        return [], []
    diagrams: list[Diagram] = []
    diagnostics: list[Diagnostic] = []
    for token in block_tokens(markdown):
        if token.type != "fence" or token.map is None or fence_language(token) != "mermaid":
            continue
        if not is_c4_source(token.content):
            continue
        diagram, found = parse_c4(
            token.content,
            page=page,
            first_line=first_line + token.map[0] + 1,
            index=len(diagrams),
        )
        diagrams.append(diagram)
        diagnostics.extend(found)
    return diagrams, diagnostics


def is_c4_source(source: str) -> bool:
    """Whether a Mermaid block's first meaningful line is a C4 diagram header.

    Blank lines, `%%` comments and directives, and a leading `---` front-matter block are
    skipped, as Mermaid does when it detects a diagram's type.
    """
    lines = split_lines(source)
    for line in lines[front_matter_end(lines) or 0 :]:
        text = line.strip()
        if text and not text.startswith("%%"):
            return HEADER.match(text) is not None
    return False
