"""Small ElementTree helpers shared by the linker and the glossary-page pass."""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree
from collections.abc import Sequence

# Python-Markdown keeps raw HTML and entities as `\x02wzxhzdk:N\x03` until serialising, and
# backslash-escaped characters as `\x02<code point>\x03` until its last tree pass.
_PLACEHOLDER = re.compile(r"\x02(?:wzxhzdk:(?P<stash>[0-9]+)|(?P<escaped>[0-9]+)|[^\x02\x03]*)\x03")
_ENTITY = re.compile(r"^&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);$")


def visible_text(element: etree.Element, stash: Sequence[object] = ()) -> str:
    """The element's text content as a reader sees it.

    Escaped characters and stashed entities (looked up in `stash`, Python-Markdown's
    `htmlStash.rawHtmlBlocks`) are restored; other placeholders (raw tags) are dropped.
    """

    def restore(placeholder: re.Match[str]) -> str:
        if placeholder["escaped"]:
            return chr(int(placeholder["escaped"]) % 0x110000)
        if placeholder["stash"] and int(placeholder["stash"]) < len(stash):
            stored = stash[int(placeholder["stash"])]
            if isinstance(stored, str) and _ENTITY.match(stored):
                return html.unescape(stored)
        return ""

    return _PLACEHOLDER.sub(restore, "".join(element.itertext()))


def append_inside(element: etree.Element, text: str) -> None:
    """Add `text` as the last content of `element`, after any children."""
    if len(element):
        last = element[-1]
        last.tail = (last.tail or "") + text
    else:
        element.text = (element.text or "") + text


def append_after(element: etree.Element, text: str) -> None:
    """Add `text` directly after `element`'s closing tag."""
    element.tail = text + (element.tail or "")
