"""Citations of records in any text: `ADR-0007`, `ADR 7`, `adr_7`, `ADR #7`, a category's
`platform/ADR-0001` or `platform ADR-0001`, and links or paths that name a record's file
(`decisions/0007-gitops.md`, `…/decisions/0007-gitops/`).

Files are searched as bytes, with one pattern: a file without a match costs one pass of the
regular expression engine, and only what matches is decoded.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Decision

MAX_BYTES = 2 * 1024 * 1024
"""Larger files (bundles, data, lock files) are not read."""
_SNIFF = 8192
# Each pattern begins with a literal, which the engine finds by a fast search: a file is read
# at the speed of a substring search, not of a regular expression tried at every byte.
_NUMBERED = re.compile(rb"adr(?P<separator>[-_ ]?#?)0*(?P<number>\d{1,9})(?!\w)")
"""`ADR-0007`, `ADR 7`, `ADR_7`, `ADR #7`, `ADR7`, searched in the lower-cased text."""
_IN_PATH = re.compile(rb"/(?P<stem>\d{1,14}-[A-Za-z0-9][\w-]*)")
"""A record's file or page in a path or link: `decisions/0007-gitops.md`, `…/0007-gitops/`."""
_FILE_NAME = re.compile(rb"\.(?:md|markdown)(?!\w)")
_NAME_BEFORE = re.compile(rb"(?<![\w-])(?P<stem>\d{1,14}-[A-Za-z0-9][\w-]*)$")
"""A record's file name on its own (`0007-gitops.md`), found from its extension back."""
_WORD = re.compile(rb"[\w-]")
_QUALIFIER = re.compile(rb"(?:^|[^\w-])([A-Za-z][\w-]*)[/: ]$")
IGNORE_MARK = b"madr-ignore: cites-superseded"
"""On a line, keeps a citation from being reported as `cites-superseded` (it stays listed)."""


@dataclass(frozen=True)
class Citation:
    """A place that cites a record: `path` relative to the scanned root, 1-based `line`."""

    path: str
    line: int
    key: str
    text: str
    """What was written, as found (`ADR-0007`, `0007-gitops-with-flux-cd`)."""
    silenced: bool = False
    """The line says `madr-ignore: cites-superseded`."""


class RecordIndex:
    """The records by number (per category) and by file stem, to resolve what a file cites."""

    def __init__(self, decisions: list[Decision]) -> None:
        self.numbers: dict[int, list[Decision]] = {}
        self.stems: dict[str, Decision] = {}
        self.categories: frozenset[str] = frozenset(d.category for d in decisions if d.category)
        for decision in decisions:
            if decision.number is not None:
                self.numbers.setdefault(decision.number, []).append(decision)
            self.stems.setdefault(decision.slug.lower(), decision)

    def by_number(self, number: int, category: str | None) -> Decision | None:
        found = self.numbers.get(number, [])
        if category is not None:
            found = [d for d in found if d.category == category]
        elif len(found) > 1:
            found = [d for d in found if not d.category]  # unqualified: the top level's
        return found[0] if len(found) == 1 else None


def find_citations(data: bytes, path: str, index: RecordIndex) -> list[Citation]:
    """Each record `data` cites, once per line, in order."""
    if b"\0" in data[:_SNIFF]:
        return []  # a binary file
    hits = sorted(_numbered(data, index) + _named(data, index))
    found: list[Citation] = []
    seen: set[tuple[int, str]] = set()
    line, counted = 1, 0
    for start, end, decision in hits:
        line += data.count(b"\n", counted, start)
        counted = start
        if (line, decision.key) in seen:
            continue
        seen.add((line, decision.key))
        begin = data.rfind(b"\n", 0, start) + 1
        stop = data.find(b"\n", start)
        silenced = IGNORE_MARK in data[begin : stop if stop >= 0 else len(data)]
        text = data[start:end].decode("utf-8", errors="replace")
        found.append(Citation(path, line, decision.key, text, silenced))
    return found


_Hit = tuple[int, int, Decision]


def _numbered(data: bytes, index: RecordIndex) -> list[_Hit]:
    lowered = data.lower()
    if b"adr" not in lowered:
        return []
    hits = []
    for match in _NUMBERED.finditer(lowered):
        start = match.start()
        if start and _WORD.match(data, start - 1):
            continue  # inside a word: `radr-1`, `x-adr-1`
        if not match.group("separator") and data[start : start + 3] != b"ADR":
            continue  # `adr1` is a name in code; `ADR7` and `adr-7` cite
        category = _qualifier(data, start, index)
        decision = index.by_number(int(match.group("number")), category)
        if decision is not None:
            hits.append((start, match.end(), decision))
    return hits


def _named(data: bytes, index: RecordIndex) -> list[_Hit]:
    hits = []
    for match in _IN_PATH.finditer(data):
        decision = _by_stem(match.group("stem"), index)
        if decision is not None:
            hits.append((match.start("stem"), match.end(), decision))
    for match in _FILE_NAME.finditer(data):
        before = _NAME_BEFORE.search(data, max(0, match.start() - 200), match.start())
        if before is not None and (before.start() == 0 or data[before.start() - 1] != 47):
            decision = _by_stem(before.group("stem"), index)  # not after `/`: _IN_PATH has it
            if decision is not None:
                hits.append((before.start(), match.end(), decision))
    return hits


def _by_stem(stem: bytes, index: RecordIndex) -> Decision | None:
    text = stem.decode("ascii", errors="replace").lower()
    decision = index.stems.get(text)
    if decision is None and text.endswith(".html"):
        decision = index.stems.get(text[:-5])
    return decision


def _qualifier(data: bytes, start: int, index: RecordIndex) -> str | None:
    """The category written before a number (`platform/ADR-0001`), when it is one."""
    if not index.categories:
        return None
    before = _QUALIFIER.search(data, max(0, start - 64), start)
    if before is None:
        return None
    name = before.group(1).decode("ascii", errors="replace")
    return name if name in index.categories else None
