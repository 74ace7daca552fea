"""Metadata fields, wherever a dialect keeps them.

Front matter (MADR 3/4), `* Status:` bullets (MADR 2, `-` in log4brains), `Key: value` lines
(Nygard's `Date:`, MADR 1's `User Story:`), bold keys, tables (a key per row, or keys as the
header row, also inside a block quote) and `## Status` sections all end up as one list of
`Field`s with their source lines. Keys are read in every language of the vocabulary.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..model import RelationKind
from ..text import links, plain
from .dates import read_date
from .outline import Part, parse_table
from .outline_blocks import Block
from .status import is_partial, statements
from .vocabulary import DEFAULT, TEAM_WORDS, Vocabulary, fold

# Keys that only count in front matter, as bullets or in tables, never as a stray prose line.
_PROSE_UNSAFE = frozenset({"title", "id", "number", "decided", "introduced", "data", "issue"})

SUPERSEDED_LINE = re.compile(
    r"\bsuper[sc]e+ded\b|\bremplac[ée]e?s?\s+par\b|\bersetzt\s+durch\b|\babgel[öo]st\b|"
    r"\breemplazad[oa]\s+por\b|\bsubstitu[ií]d[oa]\s+por\b|\bvervangen\s+door\b",
    re.IGNORECASE,
)
"""A banner saying this record was superseded (not that it supersedes another)."""
_KEY_VALUE = re.compile(
    r"^\s*(?:>\s*)?(?:(?:\*\*|__|\*|_)\s*)?([^\W\d_][\w .'’/&()-]{0,40}?)\s*"
    r"(?:(?:\*\*|__|\*|_)\s*)?[:：]"
    r"(?!//)(.*)$",
    re.DOTALL,
)
_HTML_BOLD = re.compile(r"\s*<(b|strong)>(.*?)</\1>\s*$", re.DOTALL | re.IGNORECASE)
_KEY_DATE = re.compile(
    r"^\s*(?:\*\*|__)?(date|datum|fecha|data)(?:\*\*|__)?\s+(\d[\d./ -]{5,}\d|\[[\d./ -]+\])\s*$",
    re.IGNORECASE,
)


@dataclass
class Field:
    """One metadata value as written, with where it came from."""

    name: str
    value: object
    line: int | None
    source: str  # "front-matter", "bullet", "line", "table", "section" or "name"
    bullet: str = ""
    partial: bool = False
    """A relation said to concern part of the record (`type: partially-supersedes`)."""


def split_key_value(text: str, vocabulary: Vocabulary = DEFAULT) -> tuple[str, str] | None:
    """`Status: accepted`, `**Status**: accepted`, `**Status:** accepted`, `Statut : Accepté`,
    `Status:accepted` → (field name, value); None when the key is not a metadata key."""
    if text.lstrip().startswith("<") and (bold := _HTML_BOLD.match(text)) is not None:
        text = bold[2]  # `<b>Date: 2025-01-02</b>`
    # Most text has no colon; the pattern, which needs one, would try every key length first.
    match = _KEY_VALUE.match(text) if ":" in text or "：" in text else None
    if match is None:
        dated = _KEY_DATE.match(text)
        if dated is None:
            return None
        return "date", dated[2]
    key = match[1].strip(" *_")
    name = vocabulary.field(key)
    qualified = _IN_PART.search(key) if name is None else None
    if qualified is not None:  # `**Supersedes (in part):** [0008](…)`
        name = vocabulary.field(key[: qualified.start()].rstrip(" *_"))
    if name is None:
        return None
    value = match[2].strip()
    if qualified is not None:
        value = f"{value} (in part)"
    if value.endswith("\\") and not value.endswith("\\\\"):
        value = value[:-1].rstrip()  # `* Status: proposed\`: a hard line break, not the value's
    if value.startswith(("**", "__")) and value.count(value[:2]) == 1:
        value = value[2:].strip()  # `**Status:** accepted` leaves no closing marker
    elif value.endswith(("**", "__")) and value.count(value[-2:]) == 1:
        value = value[:-2].strip()  # `**Status: Active**`: the bold holds key and value
    return name, value


_IN_PART = re.compile(r"\s*\((?:in part|partially|partial|partly)\)$", re.IGNORECASE)


def fields_from_front_matter(
    data: dict[str, object], lines: dict[str, int], vocabulary: Vocabulary = DEFAULT
) -> list[Field]:
    found = []
    for key, value in data.items():
        name = vocabulary.field(key.strip())
        if name is not None:
            found.append(Field(name, value, lines.get(key), "front-matter"))
        elif key.strip().lower() == "relations" and isinstance(value, list):
            found += _typed_relations(value, lines.get(key), vocabulary)
    return found


RELATION_FIELDS = ("supersedes", "superseded-by", "amends", "amended-by", "relates-to")
"""The fields that state a relation to another record."""
_PARTIALLY = re.compile(r"^(?:partially|partly|in[-_ ]part)[-_ ]", re.IGNORECASE)


def _typed_relations(
    entries: list[object], line: int | None, vocabulary: Vocabulary
) -> list[Field]:
    """`relations:` as a list of `{type: partially-supersedes, target: ADR-0071}`."""
    found: list[Field] = []
    for entry in entries:
        if not isinstance(entry, dict):
            continue
        kind = entry.get("type", entry.get("kind", entry.get("rel")))
        target = entry.get("target", entry.get("id", entry.get("adr")))
        if not isinstance(kind, str) or not isinstance(target, (str, int)):
            continue
        partial = _PARTIALLY.match(kind) is not None
        words = _PARTIALLY.sub("", kind).replace("-", " ").replace("_", " ").strip()
        name = vocabulary.field(words) or vocabulary.field(words.replace(" ", "-"))
        if name in RELATION_FIELDS:
            found.append(Field(name, target, line, "front-matter", partial=partial))
    return found


_LIST_FIELDS = frozenset({"deciders", "consulted", "informed", "tags", "c4"})


def fields_from_blocks(
    blocks: list[Block], source_lines: list[str], vocabulary: Vocabulary = DEFAULT
) -> list[Field]:
    """Metadata written in the blocks before the first section: bullets, lines, tables."""
    found: list[Field] = []
    for block in blocks:
        if block.kind == "list":
            for item in block.items:
                pair = split_key_value(item.text, vocabulary)
                if pair is not None:
                    marker = _bullet_marker(source_lines, item.line)
                    value: object = pair[1]
                    if not pair[1] and item.children:  # `- Deciders:` over a list of names
                        nested = [child.text for child in item.children]
                        value = nested if pair[0] in _LIST_FIELDS else nested[0]
                    found.append(Field(pair[0], value, item.line, "bullet", marker))
        elif block.kind == "paragraph":
            if block.text.lstrip().startswith(">") and "|" in block.text:
                rows = parse_table(re.sub(r"(?m)^\s*>\s?", "", block.text))
                found.extend(fields_from_table(rows, block.line, vocabulary))
                continue
            lines = block.text.split("\n")
            last: Field | None = None  # the key line just above, whose value may go on
            for offset, line in enumerate(lines):
                at = offset
                pair = split_key_value(line, vocabulary)
                if pair is None and last is not None and line.strip() and not _KEY_LIKE.match(line):
                    # `**Status:** Accepted — supersedes the dispatch decision of` then
                    # `[ADR 0006](…)`: the value wrapped onto the next line.
                    found[-1] = last = replace(last, value=f"{last.value} {line.strip()}".strip())
                    continue
                if pair is None and offset + 1 < len(lines):
                    pair = _label_over_value(line, lines[offset + 1], vocabulary)
                    at = offset + 1  # the value's line, where an edit rewrites it
                accepted = _ACCEPTED_ON.fullmatch(line) if pair is None else None
                if accepted is not None:  # `**Accepté :** 2026-07-10`: the day it was accepted
                    pair = ("date", accepted[1])
                last = None
                if pair is not None and pair[0] not in _PROSE_UNSAFE:
                    found.append(Field(pair[0], pair[1], block.line + at, "line"))
                    if at == offset and pair[0] in _WRAPPING:
                        last = found[-1]
        elif block.kind == "table":
            found.extend(fields_from_table(block.rows, block.line, vocabulary))
        elif block.kind == "html" and "<t" in block.text:
            found.extend(_fields_from_html_table(block, vocabulary))
    return found


_ACCEPTED_ON = re.compile(
    r"[^\w:：]{0,4}(?:accepted|approved|accepté|acceptée|approuvée?|aceptad[oa]|aprobad[oa]|"
    r"aceit[oa]|aprovad[oa]|akzeptiert|angenommen|accettat[oa]|geaccepteerd)[^\w:：]{0,4}[:：]"
    r"[^\w:：]{0,6}(\d{4}-\d\d-\d\d)[^\w:：]{0,4}",
    re.IGNORECASE,
)
"""A status word as the key of a day (`**Accepted:** 2024-03-01`): the record's date."""
_HTML_ROW_END = re.compile(r"</tr\s*>", re.IGNORECASE)
_HTML_CELL = re.compile(r"<t[hd]\b[^<>]*>", re.IGNORECASE)
_HTML_CELL_END = re.compile(r"</t[hd]\s*>", re.IGNORECASE)


def _fields_from_html_table(block: Block, vocabulary: Vocabulary) -> list[Field]:
    """`<tr><th>status</th><td>accepted</td></tr>`: MADR's metadata as an HTML table, a row per
    key (the value's line, for a diagnostic; `adr status` leaves such a table to the author).
    Read by splitting at the tags, not by a pattern that could backtrack over a long block."""
    text = block.text
    lowered = text.lower()
    found = []
    begin = 0
    line, counted = block.line, 0  # lines counted up to `counted`, once over the text
    for row_end in [*_HTML_ROW_END.finditer(text), None]:
        end = row_end.start() if row_end is not None else len(text)
        row_at = lowered.rfind("<tr", begin, end)
        cells = list(_HTML_CELL.finditer(text, row_at, end)) if row_at >= 0 else []
        begin = row_end.end() if row_end is not None else end
        if len(cells) < 2:
            continue
        key = text[cells[0].end() : cells[1].start()]
        value = text[cells[1].end() : cells[2].start() if len(cells) > 2 else end]
        name = vocabulary.field(plain(_HTML_CELL_END.split(key)[0]).strip(" *_:"))
        shown = plain(re.sub(r"<[^<>]*>", " ", _HTML_CELL_END.split(value)[0])).strip()
        if name is not None and shown:
            line += text.count("\n", counted, cells[1].end())
            counted = cells[1].end()
            found.append(Field(name, shown, line, "html table"))
    return found


_KEY_LIKE = re.compile(
    r"\s*(?:[-*+>]\s*)?(?:\*\*|__)?[^\s:：*_\[][^:：*_\[]{0,40}(?:\*\*|__)?\s*[:：]"
)
"""`Autor: Oliver`, `> Revize: …`: a key of its own (one the vocabulary does not know)."""
_WRAPPING = frozenset({*RELATION_FIELDS, "status"})
"""Fields whose value, in a paragraph of `Key: value` lines, may wrap onto the next line."""


_BOLD_LABEL = re.compile(r"^\s*(\*\*|__)([^*_:]{1,40}?)\s*:?\s*\1\s*:?\s*$")


def _label_over_value(
    line: str, below: str, vocabulary: Vocabulary = DEFAULT
) -> tuple[str, str] | None:
    """`**Status**` alone on its line, the value on the next: (field name, value)."""
    label = _BOLD_LABEL.match(line)
    if label is None or not below.strip() or split_key_value(below, vocabulary) is not None:
        return None
    name = vocabulary.field(label[2].strip())
    return (name, below.strip()) if name is not None else None


def fields_from_table(
    rows: list[list[str]], first_line: int, vocabulary: Vocabulary = DEFAULT
) -> list[Field]:
    """A metadata table: a key in the first cell of each row (`| Status | Accepted |`), or the
    keys as its header row and their values in the row below (`| Created | Status |`)."""
    if not rows:
        return []

    def key(cell: str) -> str | None:
        return vocabulary.field(plain(cell).strip(" *_:"))

    header = rows[0]
    keyed = [key(cell) for cell in header]
    # Row lines: the header, then the delimiter row, then one line per row.
    # One row of values under a header of three or more cells is read across even when only
    # one header is a key we know (`| 날짜 | 작성자 | 저장소 |` over `| 2025-12-04 | … |`).
    one_row = len(rows) == 2 and len(header) >= 3 and rows[1] and key(rows[1][0]) is None
    known = sum(1 for name in keyed if name)
    if len(rows) > 1 and len(header) >= 2 and (known >= 2 or (known and one_row)):
        values = rows[1]
        return [
            Field(name, values[index], first_line + 2, "table")
            for index, name in enumerate(keyed)
            if name is not None and index < len(values) and plain(values[index])
        ]
    found = []
    for index, row in enumerate(rows):
        if len(row) >= 2:
            name = key(row[0])
            if name is not None:
                line = first_line + (index + 1 if index else 0)
                found.append(Field(name, row[1], line, "table"))
    return found


def _bullet_marker(source_lines: list[str], line: int) -> str:
    if 0 < line <= len(source_lines):
        stripped = source_lines[line - 1].lstrip()
        return stripped[:1]
    return ""


def section_lines(section: Part) -> list[tuple[str, int]]:
    """Every logical line of a metadata section: paragraph lines and list items. Template
    guidance quoted above the value (`> A decision may be proposed if …`) is not one."""
    lines: list[tuple[str, int]] = []
    for block in section.blocks:
        if block.kind == "paragraph":
            for offset, text in enumerate(block.text.split("\n")):
                if text.strip() and not (text.lstrip().startswith(">") and len(text.split()) > 6):
                    lines.append((_attribute_value(text), block.line + offset))
        elif block.kind == "list":
            lines.extend((item.text, item.line) for item in block.items if item.text.strip())
        elif block.kind == "table":
            lines.extend(
                (f"{row[0]}: {row[1]}", block.line + index + (1 if index else 0))
                for index, row in enumerate(block.rows)
                if len(row) >= 2
            )
        elif block.kind == "html" and _STATUS_ELEMENT.match(block.text):
            lines.append((_attribute_value(block.text), block.line))
    return lines


_STATUS_ELEMENT = re.compile(
    r"""\s*<[a-z][\w-]{0,40}\s[^<>]{0,200}?\b(?:data-)?status\s*=\s*(["'])([^"'<>]{1,60})\1""",
    re.IGNORECASE,
)
"""A documentation site's status component, `<adr-status status='accepted'></adr-status>`."""


def _attribute_value(text: str) -> str:
    """The line itself, or the status attribute of a status component (its value)."""
    match = _STATUS_ELEMENT.match(text)
    return match.group(2).strip() if match else text.lstrip(" >")


def preamble_facts(preamble: list[Block], vocabulary: Vocabulary = DEFAULT) -> list[Field]:
    """Unlabelled facts above the first section: a line that is only a date, and a banner
    such as `**This ADR is superseded by [ADR 9](…)**`. They count only when nothing else
    states them, as fields found earlier win."""
    found: list[Field] = []
    for block in preamble:
        if block.kind != "paragraph":
            continue
        text = plain(block.text)
        banner = _superseded_banner(block.text) if SUPERSEDED_LINE.search(text) else None
        if banner is not None:
            found.append(Field("status", banner, block.line, "banner"))
        elif SUPERSEDED_LINE.search(text) and is_partial(block.text):
            # `This ADR is valid … the example used here is superseded. See [ADR-25](…)`: the
            # record stays in force, superseded in part by what the banner links.
            targets = [href for _, href, _ in links(block.text) if href]
            if targets:
                named = ", ".join(f"[{target}]({target})" for target in targets)
                found.append(Field("superseded-by", f"{named} (in part)", block.line, "banner"))
        elif _RUN_IN.search(block.text.lstrip().split("\n", 1)[0]):
            found.extend(_run_in_facts(block, vocabulary))
        elif _ON_A_DAY.match(text):
            for offset, line in enumerate(block.text.split("\n")):
                dated = _ON_A_DAY.match(plain(line))
                if dated is not None:
                    name = (
                        "date_updated" if dated[1].lower().endswith("updated") else "date_created"
                    )
                    found.append(Field(name, dated[2], block.line + offset, "line"))
        elif "\n" not in block.text.strip() and 6 <= len(text) <= 30 and _has_digit(text):
            reading = read_date(text)
            if reading.iso is not None and reading.problem is None:
                found.append(Field("date", text, block.line, "line"))
    return found


_ON_A_DAY = re.compile(
    r"^\s*(created|written|drafted|updated|last updated)\s+(?:on\s+)?"
    r"(\d{4}-\d\d-\d\d)\b(?:\s+by\b[^\n]*|\.)?\s*(?:\n|$)",
    re.IGNORECASE,
)
"""`Created on 2018-01-18 by Ann (@ann).` under the title: the day the record was written."""
RUN_IN_SEPARATOR = r"\s[·•|]\s"
_RUN_IN = re.compile(RUN_IN_SEPARATOR)
"""`**Accepted** · 2026-01-01 · Related [ADR-2](…)`: facts in one line, between dots."""


def _run_in_facts(block: Block, vocabulary: Vocabulary) -> list[Field]:
    """A line of facts between dots whose first is a bold status word: the status, and a
    segment that is only a date."""
    segments = [segment.strip() for segment in _RUN_IN.split(" ".join(block.text.split()))]
    bold = re.fullmatch(r"(\*\*|__)([^*_]+)\1", segments[0])
    if bold is None or len(bold[2].split()) > 4:
        return []
    found: list[Field] = []
    for segment in segments[1:]:
        reading = read_date(plain(segment))
        if reading.iso is not None and reading.problem is None:
            found.append(Field("date", plain(segment), block.line, "line"))
            break
    word = fold(bold[2].strip(" ."))
    if word in vocabulary.status_words or word in TEAM_WORDS or vocabulary.lifecycle(word):
        found.insert(0, Field("status", bold[2].strip(), block.line, "line"))
        return found
    return []  # `**Jane Doe** · 2024-03-01 · 5 min read`: a byline, not a status


def _has_digit(text: str) -> bool:
    return any(char.isdigit() for char in text)


def _superseded_banner(text: str) -> str | None:
    """`This has been superseded by [ADR 9](…)`, `**This ADR is superceded** (see [ADR16](…))`
    above the first section: the status value it states, or None (a partial supersession
    leaves the record in force; `statements` reads it as a relation)."""
    stated = statements(text)
    said = [found for found in stated if found[0] is RelationKind.SUPERSEDED_BY]
    if any(partial for _, _, partial in said) or is_partial(text):
        return None
    if stated and not said:
        return None  # `Replaces [ADR-3](…), now marked superseded`: this record supersedes
    targets = [target for _, target, _ in said] or [href for _, href, _ in links(text) if href]
    if not targets:
        return None
    return "superseded by " + ", ".join(f"[{target}]({target})" for target in targets)


def is_metadata_paragraph(text: str, vocabulary: Vocabulary = DEFAULT) -> bool:
    return all(
        split_key_value(line, vocabulary) is not None for line in text.split("\n") if line.strip()
    )
