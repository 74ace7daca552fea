"""Read Mermaid C4 diagrams out of Markdown pages.

Supported, per line (a statement never spans lines):

- The header `C4Context`, `C4Container`, `C4Component`, `C4Dynamic` or `C4Deployment`, after
  any blank lines, `%%` comments and a `---` front-matter block (whose `title:` is read).
- `title Some text`; `accTitle: …`, `accDescr: …` and `accDescr { … }` (ignored);
  `direction TB|BT|LR|RL` (ignored); `%%` comments, whole-line or trailing.
- Elements, positional arguments after the alias (named ones may come anywhere):
  `Person`, `Person_Ext`, `System`, `SystemDb`, `SystemQueue` and their `_Ext` forms:
  `(alias, label, ?descr, ?sprite, ?tags, ?link)`;
  `Container*` and `Component*` (plain, `Db`, `Queue`, each with `_Ext`):
  `(alias, label, ?techn, ?descr, ?sprite, ?tags, ?link)`.
- Blocks, each followed by `{` on the same or a later line and closed by `}`:
  `Boundary(alias, label, ?type, ?tags, ?link)`;
  `Enterprise_Boundary`, `System_Boundary`, `Container_Boundary`: `(alias, label, ?tags, ?link)`;
  `Deployment_Node`, `Node`, `Node_L`, `Node_R`: `(alias, label, ?type, ?descr, ?sprite, ?tags,
  ?link)`.
- Relations: `Rel`, `BiRel`, `Rel_U`/`Rel_Up`, `Rel_D`/`Rel_Down`, `Rel_L`/`Rel_Left`,
  `Rel_R`/`Rel_Right`, `Rel_Back`: `(from, to, label, ?techn, ?descr, ?sprite, ?tags, ?link)`;
  `RelIndex(index, from, to, label, …)` as in `Rel`.
- Named arguments `$techn`, `$descr`, `$type`, `$tags`, `$link`, `$label`, `$index` (others such
  as `$sprite` are accepted and dropped). A named argument wins over the positional one and does
  not take a positional slot.
- Styling: `UpdateElementStyle`, `UpdateRelStyle`, `UpdateLayoutConfig`, `UpdateBoundaryStyle`
  (and the system/container/enterprise variants), `AddElementTag`, `AddRelTag`,
  `AddBoundaryTag`: checked for balanced quotes and parentheses, otherwise ignored.

Anything else becomes a `c4-syntax` diagnostic on its page line and reading goes on.
"""

from __future__ import annotations

from ..core.blocks import block_tokens, fence_language
from ..core.diagnostics import Diagnostic
from .model import Diagram
from .reader import HEADER, DiagramReader, front_matter_end, split_lines


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
        The diagram (its `line` is the line before `first_line`, where the opening fence is)
        and a `c4-syntax` diagnostic for every statement that could not be read.
    """
    reader = DiagramReader(page=page, first_line=first_line, index=index)
    reader.read(split_lines(source))
    return reader.diagram, reader.diagnostics


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
