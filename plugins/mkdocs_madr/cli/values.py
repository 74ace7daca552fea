"""Checking what the user typed before anything is written."""

from __future__ import annotations

import unicodedata

from ..core.settings import Settings
from ..core.terminal import BIDI_CONTROLS
from ..edits.markdown_text import one_line
from .errors import CliError
from .output import say


def clean_title(title: str) -> str:
    """One line of text: control characters become spaces, whitespace collapses;
    bidirectional controls are refused."""
    refuse_bidi(title, "title")
    cleaned = one_line(title)
    if not cleaned:
        raise CliError("the title is empty")
    return cleaned


def clean_status(value: str) -> str:
    """A status is one line of text; control characters are refused, not silently changed."""
    if any(unicodedata.category(char) in ("Cc", "Zl", "Zp") for char in value):
        raise CliError(f"invalid status {value!r}: a status is one line without control characters")
    refuse_bidi(value, "status")
    cleaned = " ".join(value.split())
    if not cleaned:
        raise CliError("the status is empty")
    if not any(char.isalnum() for char in cleaned):
        # `__` or `**` would be written as Markdown emphasis and read back as no status.
        raise CliError(f"invalid status '{cleaned}': a status needs a letter or a digit")
    from ..core.model import RelationKind
    from ..core.parse.status import read_status, relation_line

    if read_status(cleaned).placeholder:
        raise CliError(f"invalid status '{cleaned}': it reads as a template placeholder")
    relation = relation_line(cleaned)
    if relation is not None and relation is not RelationKind.SUPERSEDED_BY:
        # In a Nygard status section such a line is a relation, so it would not read back.
        raise CliError(
            f"invalid status '{cleaned}': it reads as a relation; use 'adr link' or 'adr supersede'"
        )
    return cleaned


def split_values(values: tuple[str, ...]) -> list[str]:
    """`--tags a,b --tags c` → [a, b, c]; blanks dropped, duplicates kept once."""
    found: list[str] = []
    for value in values:
        refuse_bidi(value, "value")
        for part in value.split(","):
            item = one_line(part)
            if item and item not in found:
                found.append(item)
    return found


def refuse_bidi(value: str, what: str) -> None:
    """Refuse text holding a bidirectional embedding, override or isolate (U+202A–U+202E,
    U+2066–U+2069): in a record it would show its words in another order than they read."""
    found = sorted({char for char in value if char in BIDI_CONTROLS})
    if found:
        codes = ", ".join(f"U+{ord(char):04X}" for char in found)
        raise CliError(
            f"the {what} holds a bidirectional control character ({codes}), which would show "
            "the text in another order than it reads; nothing written"
        )


def warn_unknown_status(status: str, settings: Settings) -> None:
    """A status outside the configured vocabulary is written, with a warning on stderr."""
    from ..core.parse.status import read_status

    keyword = read_status(status).keyword
    if keyword is not None and keyword not in settings.statuses:
        known = ", ".join(settings.statuses)
        say(
            f"adr: warning: status '{status}' is not one of the configured statuses ({known})",
            err=True,
        )
