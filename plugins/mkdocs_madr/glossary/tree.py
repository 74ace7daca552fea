"""Small ElementTree helpers shared by the linker and the glossary-page pass."""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

STASH_PLACEHOLDER = re.compile(r"\x02[^\x02\x03]*\x03")


def visible_text(element: etree.Element) -> str:
    """The element's text content with Python-Markdown placeholders removed."""
    return STASH_PLACEHOLDER.sub("", "".join(element.itertext()))


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
