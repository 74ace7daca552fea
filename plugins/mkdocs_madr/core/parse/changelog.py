"""The date a changelog gives a record: cosmos-style ADRs keep no date field, only entries such
as `- 2022-08-01: Initial draft` (oldest or newest first), in many date forms."""

from __future__ import annotations

import re

from ..text import plain
from .dates import read_date
from .outline import Part

_LEAD = re.compile(
    r"^\s*(?:\*\*|__)?\s*([^:(\n]{4,40}?)\s*(?:\*\*|__)?\s*(?:[:(]|\s[-–—]\s|\s[-–—]$|$)"
)


def changelog_date(part: Part) -> tuple[str, int] | None:
    """The earliest dated entry of a changelog section: (ISO date, line), or None."""
    found: list[tuple[str, int]] = []
    for text, line in _entries(part):
        iso = _leading_date(plain(text))
        if iso is not None:
            found.append((iso, line))
    return min(found) if found else None


def _entries(part: Part) -> list[tuple[str, int]]:
    entries: list[tuple[str, int]] = []
    for section in part.walk():
        if section is not part:
            entries.append((section.title, section.line))
        for block in section.blocks:
            if block.kind == "list":
                entries.extend((item.text, item.line) for item in block.items)
            elif block.kind == "paragraph":
                entries.extend(
                    (text, block.line + offset)
                    for offset, text in enumerate(block.text.split("\n"))
                )
    return entries


def _leading_date(text: str) -> str | None:
    """`2022-08-01: Initial draft`, `03.08.2022 - init`, `January 28th, 2022: …`."""
    text = text.lstrip("-*+ ").strip()
    match = _LEAD.match(text)
    candidates = [match[1]] if match else []
    words = text.split()
    candidates += [" ".join(words[:count]).rstrip(":,") for count in (1, 2, 3, 4)]
    for candidate in candidates:
        reading = read_date(candidate)
        if reading.iso is not None:
            return reading.iso
    return None
