"""Setting one metadata value the reader keeps as written (`review-by`, `reviewed`, a team's
field): replaced where the record states it, else added where its metadata is, in its form.

Only the value's characters change on an existing line; a new key is one new line, in front
matter, after the metadata bullets (with their marker) or after the `Key: value` lines.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..core.model import Decision, Line, MetadataEntry
from .document import Document
from .front_matter_value import FrontMatterText, check_others
from .layout import EditError, split_metadata_line
from .markdown_text import inline
from .yaml_text import scalar

KeyTest = Callable[[str], bool]
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _yaml(value: str) -> str:
    """A date plain, as people write it (YAML reads it as a date, the reader as text alike)."""
    return value if _ISO_DATE.fullmatch(value) else scalar(value)


def set_value(
    document: Document, decision: Decision, is_key: KeyTest, key: str, value: str
) -> list[int]:
    """Set the metadata value whose key passes `is_key` to `value` (writing the key as `key`
    when it is new); returns the 0-based lines changed."""
    stated = [entry for entry in decision.metadata if is_key(entry.key)]
    if len(stated) > 1:
        lines = ", ".join(str(entry.line) for entry in stated)
        raise EditError(f"the record states {key} {len(stated)} times (lines {lines})")
    if stated:
        return _replace(document, stated[0], is_key, value)
    return _add(document, decision, key, value)


def _replace(document: Document, entry: MetadataEntry, is_key: KeyTest, value: str) -> list[int]:
    if entry.source == "front-matter":
        front = FrontMatterText(document)
        before = front.text
        found = front.value_of(is_key, (entry.line or 1) - 1)
        if found.style not in ("plain", '"', "'", "empty"):
            raise EditError(f"{entry.key} is not a one-line value; set it by hand", entry.line)
        written = _yaml(value) if found.style != "empty" else " " + _yaml(value)
        changed = front.replace(found, written)
        check_others(before, FrontMatterText(document).text, found.key, entry.line or 1)
        return changed
    index = (entry.line or 0) - 1
    parts = split_metadata_line(document.lines[index]) if 0 <= index < len(document) else None
    if parts is None:
        raise EditError(f"cannot take the line of {entry.key} apart; set it by hand", entry.line)
    document.replace(index, parts.prefix + inline(value) + parts.suffix)
    return [index]


def _add(document: Document, decision: Decision, key: str, value: str) -> list[int]:
    front = document.front_matter()
    if front is not None:
        before = FrontMatterText(document).text
        at = front[1]
        document.insert(at, [f"{key}: {_yaml(value)}"])
        check_others(before, FrontMatterText(document).text, key, at + 1)
        return [at]
    anchor = decision.lines.get(Line.STATUS) or decision.lines.get(Line.DATE)
    if anchor is None or decision.found.get("status") not in (None, "bullet", "line"):
        anchor = decision.lines.get(Line.DATE)
    if anchor is None:
        raise EditError(f"the record has no metadata lines to add {key} to; add it by hand")
    index = anchor - 1
    line = document.lines[index]
    parts = split_metadata_line(line)
    if parts is None:
        raise EditError(f"the record has no metadata lines to add {key} to; add it by hand")
    lead = line[: len(line) - len(line.lstrip())]
    marker = line.lstrip()[:2] if line.lstrip()[:2] in ("* ", "- ", "+ ") else ""
    last = index
    while last + 1 < len(document) and split_metadata_line(document.lines[last + 1]) is not None:
        last += 1
    written = key.replace("-", " ").capitalize()  # `* Review by:` beside `* Status:`
    document.insert(last + 1, [f"{lead}{marker}{written}: {inline(value)}"])
    return [last + 1]
