"""What a changelog tells about a record: cosmos-style ADRs keep no date field, only entries
such as `- 2022-08-01: Initial draft` (oldest or newest first), in many date forms; and some
say the status there only (`- 2020-05-19: First draft. Accepted`)."""

from __future__ import annotations

import re

from ..text import plain
from .dates import DateProblem, month_first, read_date
from .outline import Part
from .vocabulary import Vocabulary, fold

_DAY_FIRST_DIGITS = re.compile(r"(?:0[1-9]|[12]\d|3[01])(?:0[1-9]|1[0-2])(?:19|20)\d\d")
_WORD = re.compile(r"[^\W\d_]+(?:[-'][^\W\d_]+)*")

_LEAD = re.compile(
    r"^\s*(?:\*\*|__)?\s*([^:(\n]{4,40}?)\s*(?:\*\*|__)?\s*(?:[:(]|\s[-–—]\s|\s[-–—]$|$)"
)


def changelog_date(part: Part, order: str | None = None) -> tuple[str, int, str | None] | None:
    """The earliest dated entry of a changelog section: (ISO date, line, the date as written
    when it reads both ways), or None. Such a date is read as `order` says (`month-first`),
    else day first."""
    found: list[tuple[str, int, str | None]] = []
    for text, line in _entries(part):
        dated = _leading_date(plain(text), order)
        if dated is not None:
            found.append((dated[0], line, dated[1]))
    return min(found) if found else None


def changelog_status(part: Part, vocabulary: Vocabulary) -> tuple[str, int] | None:
    """The status word of the newest dated entry that gives one (`Accepted`, `Proposed`):
    (the word as written, line), or None. Only the vocabulary's status words count, so that
    `Initial draft` is a draft but `Added a diagram` is nothing."""
    dated: list[tuple[str, int, str]] = []
    for text, line in _entries(part):
        words = plain(text)
        leading = _leading_date(words)
        if leading is None:
            continue
        iso = leading[0]
        found = [
            word
            for word in _WORD.findall(words)
            if fold(word) in vocabulary.status_words and vocabulary.lifecycle(word) != "draft"
        ]
        if found:
            dated.append((iso, line, found[-1]))
    if not dated:
        return None
    _, line, word = max(dated)
    return word, line


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


def _leading_date(text: str, order: str | None = None) -> tuple[str, str | None] | None:
    """`2022-08-01: Initial draft`, `03.08.2022 - init`, `January 28th, 2022: …`: the ISO
    date, and the date as written if it reads both ways and `order` does not settle it."""
    text = text.lstrip("-*+ ").strip()
    match = _LEAD.match(text)
    candidates = [match[1]] if match else []
    words = text.split()
    candidates += [" ".join(words[:count]).rstrip(":,") for count in (1, 2, 3, 4)]
    for candidate in candidates:
        reading = read_date(candidate)
        if reading.iso is None and _DAY_FIRST_DIGITS.fullmatch(candidate):
            # `30042020: Initial Version`: day, month, year without separators (never a
            # year first: 3004 is no year these records were written in).
            reading = read_date(f"{candidate[:2]}/{candidate[2:4]}/{candidate[4:]}")
        if reading.iso is None:
            continue
        other = month_first(reading.iso) if reading.problem is DateProblem.AMBIGUOUS else None
        if other is None:
            return reading.iso, None
        if order is not None:
            return (other if order == "month-first" else reading.iso), None
        return reading.iso, candidate
    return None
