"""Titles as people write them: `# 12. Title`, `# ADR-0012: Title`, `# [Superseded by …] Title`."""

from __future__ import annotations

import re

from ..text import plain

# `12. Title`, `ADR-0012: Title`, `ADR 12 Title`, `0012 - Title`; not `60 FPS target`.
TITLE_NUMBER = re.compile(
    r"^(?:(?:ADR|RFC|DR)[-_ ]?\d+(?:\s*[.:)\-–—]\s*|\s+)|\d+(?:\s*[.:)]\s+|\s+[-–—:]\s+))",
    re.IGNORECASE,
)
_BANNER_STATUS = re.compile(
    r"^\s*(?:super[sc]e+ded|deprecated|rejected|accepted|proposed|draft)\b", re.IGNORECASE
)


def strip_number(title: str) -> str:
    """The title without an adr-tools or ADR-id prefix; unchanged when nothing is left."""
    return TITLE_NUMBER.sub("", title, count=1).strip() or title


def title_banner(text: str) -> tuple[str, str] | None:
    """`# [Superseded by [ADR-9](9-x.md)] Title` → (status value, title); brackets may nest."""
    end = closing_bracket(text)
    if end is None:
        return None
    inner, rest = text[1:end], text[end + 1 :]
    if not _BANNER_STATUS.match(plain(inner)):
        return None
    href = ""
    if rest.startswith("(") and ")" in rest:
        close = rest.index(")")
        href = rest[1:close].split()[0] if rest[1:close].split() else ""
        rest = rest[close + 1 :]
    # The link around the banner names the successor when the banner's text does not.
    value = f"{inner} [{plain(inner)}]({href})" if href and "](" not in inner else inner
    return value, rest.strip()


def closing_bracket(text: str) -> int | None:
    """The index of the `]` that closes the `[` at the start of `text`."""
    if not text.startswith("["):
        return None
    depth = 0
    for index, char in enumerate(text):
        depth += (char == "[") - (char == "]")
        if depth == 0:
            return index
    return None
