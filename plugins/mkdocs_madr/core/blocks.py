"""The block structure of a documentation page, for every reader that looks for something in
pages: Mermaid fences (C4 diagrams), HTML blocks (directives) and inline runs (`[[Term]]`
references). One scanner, so all of them agree on what is a code block.

Records have their own, faster outline (`parse.outline`).
"""

from __future__ import annotations

from markdown_it import MarkdownIt
from markdown_it.token import Token

# Only block structure is needed; inline parsing is most of the cost, and done on demand.
_BLOCKS = MarkdownIt("commonmark").disable(["inline", "text_join"], ignoreInvalid=True)
_INLINE = MarkdownIt("commonmark")


def block_tokens(markdown: str) -> list[Token]:
    """markdown-it's block tokens; `inline` tokens hold their source, not yet parsed."""
    return _BLOCKS.parse(markdown)


def inline_tokens(source: str) -> list[Token]:
    """The inline tokens of one `inline` block token's source."""
    (found,) = _INLINE.parseInline(source)
    return found.children or []


def fence_language(token: Token) -> str:
    """The language a fence names first in its info string (`mermaid` for ```` ```mermaid ````)."""
    words = token.info.split(maxsplit=1)
    return words[0] if words else ""
