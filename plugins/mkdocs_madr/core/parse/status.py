"""Reading statuses and relation lines: `✅ Accepted`, `Superseded by [ADR-5](…)`, `Supercedes`."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import KNOWN_STATUSES, RelationKind
from ..text import is_placeholder, links, plain, strip_comments, strip_symbols

_SUPERSEDED = re.compile(r"^super[sc]e+ded\b", re.IGNORECASE)
_KEYWORD = re.compile(r"^([a-z]+)\b")
_SPELLINGS = {"depreciated": "deprecated", "accept": "accepted", "propose": "proposed"}
_ADR_REF = re.compile(r"\b(?:ADR|RFC|DR)[-_ #]?\d+\b|#\d+\b|\b\d{3,}\b", re.IGNORECASE)

_VERBS: tuple[tuple[re.Pattern[str], RelationKind], ...] = (
    (re.compile(r"^super[sc]e+ded\s+by\b|^replaced\s+by\b", re.I), RelationKind.SUPERSEDED_BY),
    (re.compile(r"^super[sc]e+(?:des?|ding)\b|^replaces\b", re.I), RelationKind.SUPERSEDES),
    (re.compile(r"^amended\s+by\b", re.I), RelationKind.AMENDED_BY),
    (re.compile(r"^amends?\b", re.I), RelationKind.AMENDS),
)


@dataclass
class StatusReading:
    """A status value taken apart.

    `keyword` is one of `KNOWN_STATUSES`, or the free text in lower case, or None when the
    value is empty or a placeholder. `targets` are the records named in it ("superseded by X").
    """

    keyword: str | None
    text: str
    placeholder: bool = False
    targets: list[tuple[RelationKind, str]] = field(default_factory=list)


def read_status(raw: str) -> StatusReading:
    """Read one status value, as found after `Status:`, in front matter or a Status section."""
    text = strip_comments(raw).strip()
    if is_placeholder(text):
        return StatusReading(None, text, placeholder=True)
    clean = strip_symbols(plain(text)).strip(" .,;:")
    lowered = clean.lower()
    if not lowered:
        return StatusReading(None, "")
    targets: list[tuple[RelationKind, str]] = []
    keyword: str | None = None
    superseded_at = re.search(r"\bsuper[sc]e+ded\b", lowered)
    if _SUPERSEDED.match(lowered) or (superseded_at and " by " in lowered[superseded_at.end() :]):
        keyword = "superseded"
        tail = text[text.lower().find("by") :] if " by" in text.lower() else ""
        targets.extend((RelationKind.SUPERSEDED_BY, target) for target in relation_targets(tail))
    else:
        match = _KEYWORD.match(lowered)
        word = _SPELLINGS.get(match[1], match[1]) if match else ""
        keyword = word if word in KNOWN_STATUSES else lowered
    return StatusReading(keyword, clean, targets=targets)


def relation_targets(text: str) -> list[str]:
    """The records a relation phrase points at: link targets first, else ids like `ADR-0005`."""
    found = [href or label for label, href, _ in links(text) if href or label]
    if found:
        return found
    return [match[0] for match in _ADR_REF.finditer(plain(text))]


def relation_verb(text: str) -> tuple[RelationKind, str] | None:
    """The relation a line starts with (`Supercedes`, `Amended by`, …), else None."""
    lowered = strip_symbols(plain(text)).lower()
    for pattern, kind in _VERBS:
        match = pattern.match(lowered)
        if match:
            return kind, match[0]
    return None


def relation_line(text: str) -> RelationKind | None:
    """The relation a status-section line states: a verb followed by what it names. A verb on
    its own (`Amend`, `Superseded by`) names nothing, so it is the status, not a relation."""
    found = relation_verb(text)
    if found is None:
        return None
    rest = strip_symbols(plain(text)).lower()[len(found[1]) :]
    return found[0] if any(char.isalnum() for char in rest) else None


def leading_verb(text: str) -> str:
    """The lower-case words before the first link in a line: `Refined by [x](y)` → `refined by`."""
    cut = text.find("[")
    if cut <= 0:
        return ""
    words = strip_symbols(plain(text[:cut])).strip(" :-–—").lower()
    return words if 0 < len(words.split()) <= 4 else ""
