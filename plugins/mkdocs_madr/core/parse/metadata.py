"""A record's metadata: fields gathered from front matter, metadata lines, tables and a
Status section, then read into the status, the date, the people, the tags and the number.

Which key or section holds a value is `fields`' job; here the fields found are weighed against
each other (a banner over an old status, the body's status word over a team's own) and their
values read, each problem reported where it was written.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from ..diagnostics import Code
from ..model import Line, Relation, RelationKind
from ..text import (
    collapse,
    is_placeholder,
    plain,
    small_number,
    split_list,
    split_tags,
    strip_comments,
    unbrace,
    unbracket,
    without_struck,
)
from .changelog import changelog_date, changelog_status
from .dates import DateProblem, DateReading, month_first, read_date, slash_order
from .fields import (
    RELATION_FIELDS,
    Field,
    fields_from_blocks,
    fields_from_front_matter,
    fields_from_table,
    preamble_facts,
    section_lines,
    split_key_value,
)
from .front_matter import FrontMatter
from .other_keys import other_keys
from .outline import Part, parse_table
from .outline_blocks import Block
from .relations import status_links
from .state import ReadState
from .status import (
    PLANNED,
    is_partial,
    read_status,
    relation_line,
    relation_targets,
    relation_verb,
)
from .vocabulary import METADATA_SECTIONS, TEAM_WORDS, fold

_SLASHED_DATE = re.compile(r"(?<![\w/])\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})(?![\w/])")


_ISO_DAY = re.compile(r"(?<![\w/-])(?:19|20)\d\d-\d\d-\d\d(?:(?=T\d)|(?![\w/-]))")


def _slashed_dates(text: str) -> list[str]:
    """Every `d/m/y` or `m/d/y` date written in `text`."""
    # Each has a digit before a slash. Looking for one with `str.find` costs a fraction of a
    # search over the whole record, and most records have none (`\d` is `str.isdecimal`).
    position = text.find("/", 1)
    while position > 0 and not text[position - 1].isdecimal():
        position = text.find("/", position + 1)
    return _SLASHED_DATE.findall(text) if position > 0 else []


_DATED_LINE = re.compile(r"\s*(?:19|20)\d\d[-/.]\d\d?[-/.]\d\d?\s+\S")


def _latest_of_a_history(found: list[Field], lines: list[tuple[str, int]]) -> list[Field]:
    """A Status section kept as a history (`2017-11-22 提议` then `2017-11-24 完成`, as phodal's
    adr tool writes it): the status is the last line, not the first."""
    dated = [(text, line) for text, line in lines if _DATED_LINE.match(text)]
    first = next((field for field in found if field.name == "status"), None)
    if len(dated) < 2 or first is None or first.line != dated[0][1]:
        return found
    text, line = dated[-1]
    return [Field("status", text, line, "section") if f is first else f for f in found]


def _swapped(day: dt.date) -> dt.date | None:
    try:
        return dt.date(day.year, day.day, day.month)
    except ValueError:
        return None


def _superseded_below(found: list[Field]) -> list[Field]:
    """`Accepted` and, on a line below it, `Superseded by [16](…)` in whole: the status it
    came to have is the later line's."""
    status = next((field for field in found if field.name == "status"), None)
    if status is None:
        return found
    later = [
        field
        for field in found
        if field.name == RelationKind.SUPERSEDED_BY.value
        and (field.line or 0) > (status.line or 0)
        and not is_partial(str(field.value))
        and not PLANNED.search(str(field.value))
        and relation_targets(str(field.value))  # `- superseded by: -` names no record
    ]
    if not later or is_placeholder(str(status.value)):
        return found  # a template's `{proposed | accepted}` over its example relation
    return [
        _as_status(later[0]) if field is status else field
        for field in found
        if field is not later[0]
    ]


def _as_status(relation: Field) -> Field:
    """`Superseded by [16](…)` as the status; `**Superseded By**: [ADR-053](…)`, a key and its
    value, says the same."""
    value = str(relation.value)
    stated = value if relation_verb(value) is not None else f"Superseded by {value}"
    return replace(relation, name="status", value=stated)


def _is_unfilled(value: str) -> bool:
    """A placeholder, or a bracketed placeholder word (`[TBD]`, `{N/A}`). A real value in the
    template's brackets is a value: `{accepted}`, `[2021-07-08]`, `[summary | URL]`."""
    text = strip_comments(value).strip()
    if not text:
        return False
    if re.fullmatch(r"[\[{(]\s*(?:tbd|tba|todo|n/?a|none|-+|\.\.\.|…)\s*[\]})]", text, re.I):
        return True
    if text[0] in "[{" and text[-1] in "]}" and "|" in text:
        return not _has_real_words(text)
    if text[0] in "[{" and text[-1] in "]}" and unbrace(text) != text:
        return False
    if text[0] == "[" and text[-1] == "]" and not is_placeholder(text):
        return False
    return is_placeholder(text)


def _has_real_words(text: str) -> bool:
    """`[External IAM provider integration | https://…]`: a filled-in template value."""
    inner = text.strip("[]{} ")
    parts = [part.strip() for part in inner.split("|")]
    return any(part.startswith(("http://", "https://")) for part in parts) or (
        len(parts) == 2 and all(len(part.split()) >= 2 for part in parts) and "…" not in inner
    )


def _is_reference_definition(text: str) -> bool:
    """`[0021]: ./0021-x.md`, a link definition in a Status section, is not its value."""
    return re.match(r"^\s*\[[^\]]+\]:\s*\S+", text) is not None


def collect_fields(state: ReadState, front: FrontMatter, preamble: list[Block]) -> None:
    vocabulary = state.vocabulary
    collected = fields_from_front_matter(front.data, front.lines, vocabulary)
    # `- status: accepted` and, below it, `- superseded by: [0010](…)`: as in a Status section.
    collected += _superseded_below(fields_from_blocks(preamble, state.lines, vocabulary))
    for part in state.root.walk():
        if part is state.root:
            continue
        if vocabulary.section(part.key) == "metadata":
            collected += _section_fields(state, part)
            tables = [block for block in part.blocks if block.text.lstrip().startswith("|")]
            for block in tables:  # `## Decision log` over `| Status | Accepted on … |`
                collected += fields_from_table(parse_table(block.text), block.line, vocabulary)
        elif (pair := split_key_value(part.title, vocabulary)) is not None and pair[1]:
            # `### Status: **Approved**`: a heading that holds its own value.
            collected.append(Field(pair[0], pair[1], part.line, "heading"))
    collected += preamble_facts(preamble, vocabulary)
    state.decision.metadata = other_keys(front, preamble, vocabulary)
    state.field_lines = {found.line for found in collected if found.line is not None}
    for found in collected:
        if found.name in RELATION_FIELDS:
            state.relation_fields.append(found)
        elif found.name == "status" and found.source == "banner":
            state.fields["status"] = found  # `This has been superseded by …` over an old status
        elif found.name == "status" and found.source == "section":
            current = state.fields.get("status")
            # `status: active` over a `## Status` of `Akzeptiert`: the word the lifecycle
            # knows is the one the body states; a team's own word stays where it is alone.
            if current is None or (
                current.source == "front-matter"
                and not _known_status(state, current)
                and _known_status(state, found)
            ):
                state.fields["status"] = found
        else:
            state.fields.setdefault(found.name, found)
    title_status = state.fields.pop("title-status", None)
    if title_status is not None:
        state.fields.setdefault("status", title_status)
    if front.data.get("draft") is True and "status" not in state.fields:
        # `draft: true`, a Hugo or Jekyll page not yet published: a draft record.
        state.fields["status"] = Field("status", "draft", None, "front-matter")
    stage = front.data.get("stage")
    if "status" not in state.fields and isinstance(stage, str) and _lifecycle_word(state, stage):
        # `stage: draft` in a note's front matter: its stage, when it is a lifecycle's word.
        state.fields["status"] = Field("status", stage, front.lines.get("stage"), "front-matter")


def _lifecycle_word(state: ReadState, word: str) -> bool:
    folded = fold(word.strip())
    return folded in state.vocabulary.status_words or state.vocabulary.lifecycle(folded) is not None


def _section_fields(state: ReadState, part: Part) -> list[Field]:
    """A `## Status` section (Nygard) holds the status and relation lines; others a value."""
    name = METADATA_SECTIONS.get(part.key) or "status"
    found: list[Field] = []
    has_value = False
    dangling: Field | None = None  # `Superseded by` whose link is on the next line
    for text, line in section_lines(part):
        if name == "status" and _lists_statuses(state, text):
            # `列表：提议/通过/完成`: the template's list of statuses, not one, unless one is
            # marked: `Vorgeschlagen | **Akzeptiert** | Abgelehnt`.
            marked = re.findall(r"\*\*([^*|/]+)\*\*|__([^_|/]+)__", text)
            if len(marked) != 1:
                continue
            text = marked[0][0] or marked[0][1]
        if dangling is not None and relation_targets(text):
            found.append(replace(dangling, value=f"{dangling.value} {text}"))
        dangling = None
        pair = split_key_value(text, state.vocabulary)
        if pair is not None:
            found.append(Field(pair[0], pair[1], line, "bullet"))
            has_value = has_value or pair[0] == name
            continue
        verb = relation_verb(text, state.vocabulary) if name == "status" else None
        if verb is not None and relation_line(text, state.vocabulary) is None:
            dangling = Field(verb[0].value, text, line, "section")
        kind = relation_line(text, state.vocabulary) if name == "status" else None
        if kind is not None and not (kind is RelationKind.SUPERSEDED_BY and not has_value):
            found.append(Field(kind.value, text, line, "section"))
        elif not has_value and name != "metadata" and not _is_reference_definition(text):
            found.append(Field(name, text, line, "section"))
            has_value = True
    if name == "status":
        state.decision.lines.setdefault(Line.STATUS_SECTION, part.line)
        found = _latest_of_a_history(found, section_lines(part))
        found = _superseded_below(found)
    return found


def _known_status(state: ReadState, found: Field) -> bool:
    text = _as_text(state, found)
    keyword = read_status(text, state.vocabulary).keyword if text else None
    return keyword is not None and keyword in state.vocabulary.status_words.values()


def _lists_statuses(state: ReadState, text: str) -> bool:
    """`Proposed / Accepted / Deprecated`, after a label or not: three or more status words
    that a template lists for the author to pick from."""
    words = re.split(r"\s*[/|]\s*", re.sub(r"^[^:：]{1,20}[:：]\s*", "", plain(text).strip()))
    known = state.vocabulary.status_words
    return len(words) >= 3 and all(
        fold(word) in known or fold(word) in TEAM_WORDS for word in words
    )


def read_metadata(state: ReadState) -> None:
    decision = state.decision
    orders = {slash_order(written) for written in _slashed_dates(state.text)} - {None}
    decision.date_order = orders.pop() if len(orders) == 1 else None
    status = state.fields.get("status")
    if status is not None:
        _read_status(state, status)
    changelog = state.parts.get("changelog")
    if state.decision.status is None and changelog is not None:
        stated = changelog_status(changelog, state.vocabulary)
        if stated is not None:
            _read_status(state, Field("status", stated[0], stated[1], "changelog"))
    for key in ("date", "date_created", "date_updated"):
        date = state.fields.get(key)
        if date is not None and _read_date(state, date):
            break
    if "deciders" not in state.fields:
        below = _deciders_line(state)
        if below is not None:
            state.fields["deciders"] = below
    for name in ("deciders", "consulted", "informed", "tags", "c4"):
        found = state.fields.get(name)
        if found is not None:
            values = _as_list(state, found, tags=name in ("tags", "c4"))
            setattr(decision, name, values)
            decision.lines[Line(name)] = found.line or 0
    story = state.fields.get("technical_story")
    if story is not None:
        text = _as_text(state, story)
        if text and _is_unfilled(text):
            state.report(Code.PLACEHOLDER, story.line, "the technical story is a placeholder")
        elif text and strip_comments(text).strip():
            decision.technical_story = collapse(unbracket(strip_comments(text)))
            decision.lines[Line.TECHNICAL_STORY] = story.line or 0
    _read_number(state)


def _read_status(state: ReadState, found: Field) -> None:
    text = _as_text(state, found)
    if text is None:
        return
    reading = read_status(text, state.vocabulary)
    if reading.placeholder:
        state.report(Code.PLACEHOLDER, found.line, "the status is an unfilled placeholder")
        return
    status_links(state, text, found.line)
    decision = state.decision
    for kind, target, partial in reading.targets:
        decision.relations.append(Relation(kind, target, found.line, "status", partial))
    if reading.keyword is None:
        return
    decision.status = reading.keyword
    decision.status_text = reading.text
    decision.lifecycle = state.vocabulary.lifecycle(reading.keyword)
    decision.lines[Line.STATUS] = found.line or 0
    decision.found["status"] = found.source


def _read_date(state: ReadState, found: Field) -> bool:
    """Read the date; False when the field holds none (try the next one)."""
    value = found.value
    if isinstance(value, dict) and value and all(v is None for v in value.values()):
        value = "{" + ", ".join(str(key) for key in value) + "}"  # `date: { 2022-02-03 }`
    if isinstance(value, list) and len(value) == 1:
        value = value[0]  # `- Date: [2021-07-08]`
    if isinstance(value, str):
        value = without_struck(strip_comments(value))  # `~~2019-02-12~~ 2019-07-30`
        if _is_unfilled(value):
            state.report(Code.PLACEHOLDER, found.line, "the date is an unfilled placeholder")
            return False
        value = plain(unbrace(value)).strip("[] ")
    if isinstance(value, dict):
        _type_problem(state, found, "a date")
        return False
    if value is None or value in ("", "-", "--"):
        return False
    reading = read_date(value)
    if reading.iso is None and reading.problem is DateProblem.INVALID and isinstance(value, str):
        head = re.match(r"^\s*(\S+(?:\s+\S+){0,3})", value)  # `2024-05-22 (back dated)`
        retry = read_date(re.split(r"\s[(,;]|,\s", value, maxsplit=1)[0]) if head else reading
        reading = retry if retry.iso is not None else reading
    if reading.problem is DateProblem.AMBIGUOUS and reading.iso is not None:
        reading = _settled_by_name(state, reading.iso)
    read = reading.iso
    other = month_first(read) if read and reading.problem is DateProblem.AMBIGUOUS else None
    if read is not None and other is not None and isinstance(value, str):
        if state.decision.date_order is not None:
            # `10/06/2023` where the same record writes `7/23/2023`: it writes month first.
            reading = DateReading(other if state.decision.date_order == "month-first" else read)
        else:
            state.decision.ambiguous_date = (value, read, other)
    state.decision.date = reading.iso
    state.decision.lines[Line.DATE] = found.line or 0
    state.decision.found["date"] = found.source
    if reading.problem is DateProblem.AMBIGUOUS:
        state.report(Code.AMBIGUOUS_DATE, found.line, f"'{value}' was read as {reading.iso}")
    elif reading.problem is DateProblem.PARTIAL:
        state.report(Code.INVALID_DATE, found.line, f"'{value}' has no day; write YYYY-MM-DD")
    elif reading.problem is DateProblem.INVALID:
        state.report(Code.INVALID_DATE, found.line, f"'{value}' is not a date; write YYYY-MM-DD")
    return True


def _date_line_below(state: ReadState) -> Field | None:
    """`**Created**: 2025-01-27` or `- **決定日**: 2025-01-27` at the end of the record, where
    some teams keep the metadata: the decision's date first, else the creation date, else the
    last edit's (`**Last modified:** 2023-02-10T11:51:49+00:00`, the only date some keep)."""
    found: dict[str, Field] = {}
    for number, line in enumerate(state.lines, start=1):
        if (":" not in line and "：" not in line) or number in state.field_lines:
            continue  # a date field already read, valid or not, is not read twice
        pair = split_key_value(line.strip().lstrip("-*+ "), state.vocabulary)
        if pair is None or pair[0] not in ("date", "date_created", "date_updated"):
            continue
        if _ISO_DAY.search(pair[1]) and read_date(pair[1].strip(" *_")).iso is not None:
            found.setdefault(pair[0], Field(pair[0], pair[1], number, "line"))
    return found.get("date") or found.get("date_created") or found.get("date_updated")


_OPTIONAL = re.compile(r"\s*(?:[-–—]\s*optional|\(optional\))\s*$", re.IGNORECASE)


_HINT_WORDS = 4
"""A bracketed value of this many words and no comma is a template's hint, not names."""
_RULE = re.compile(r" {0,3}(?:(?:-\s*){3,}|(?:\*\s*){3,}|(?:_\s*){3,})")
_NOT_ABOUT_THE_RECORD = frozenset({"drivers", "options", "outcome", "pros", "consequences"})
"""Sections whose `Deciders:` lines speak of something else (a driver, an option, what
follows), not of who decided."""


def _deciders_line(state: ReadState) -> Field | None:
    """`**Decision Makers:** Votecatcher Team` in a footer below the record, or a template's
    `* Deciders: …` line left in a section: the deciders, where no metadata states them."""
    rules = [
        at
        for at, line in enumerate(state.lines, start=1)
        if line.lstrip()[:1] in ("-", "*", "_") and _RULE.fullmatch(line)
    ]
    footer = rules[-1] if rules else len(state.lines) + 1  # below the last `---`
    for part in state.root.walk():
        # `## Decision Drivers` / `* Decision makers: need one place to see costs`
        aside = state.vocabulary.section(part.key) in _NOT_ABOUT_THE_RECORD
        for text, line in section_lines(part):
            if line in state.field_lines or (":" not in text and "：" not in text):
                continue
            if aside and line < footer:
                continue
            pair = split_key_value(text.strip().lstrip("-*+ "), state.vocabulary)
            if pair is None or pair[0] != "deciders" or is_placeholder(pair[1]):
                continue
            value = _OPTIONAL.sub("", pair[1]).strip()  # the template's `- optional` kept
            if value.startswith("[") and value.endswith("]") and "](" not in value:
                value = value[1:-1]  # `[Ann Lee, Bo Chen]`, not `[Who was involved in this]`
                if "," not in value and len(value.split()) >= _HINT_WORDS:
                    continue
            if value and not _is_unfilled(value) and not is_placeholder(value):
                return Field("deciders", value, line, "line")
    return None


def _name_date(state: ReadState) -> dt.date | None:
    named = re.match(r"((?:19|20)\d\d)[-_]?(\d\d)[-_]?(\d\d)(?!\d)", state.identity.slug)
    if named is None or not (state.identity.date_named or "-" in named[0]):
        return None
    try:
        return dt.date(*(int(part) for part in named.groups()))
    except ValueError:
        return None


def _settled_by_name(state: ReadState, iso: str) -> DateReading:
    """`Date: 7/12/2022` in `20220713-x.md`: of the two readings, the one within a week of
    the file's date is meant, and nothing is ambiguous."""
    named = _name_date(state)
    read = dt.date.fromisoformat(iso)
    if named is not None:
        for candidate in (read, _swapped(read)):
            if candidate is not None and abs((candidate - named).days) <= 7:
                return DateReading(candidate.isoformat(), None)
    return DateReading(iso, DateProblem.AMBIGUOUS)


def _read_number(state: ReadState) -> None:
    decision = state.decision
    if state.identity.from_name:
        return
    for name in ("id", "number"):
        found = state.fields.get(name)
        if found is None or found.source != "front-matter":
            continue
        value = found.value
        if isinstance(value, bool) or not isinstance(value, (int, str)):
            continue
        text = str(value).strip()
        digits = re.search(r"\d+", text)
        if not text:
            continue
        decision.id = text if name == "id" else decision.id
        number = small_number(digits[0]) if digits else None
        if number is not None:
            decision.number = number
            if name == "number":
                decision.id = text
        return


def _as_text(state: ReadState, found: Field) -> str | None:
    value = found.value
    if value is None:
        return None
    if isinstance(value, bool):
        _type_problem(state, found, "text")
        return None
    if isinstance(value, (str, int, float)):
        return unbrace(str(value)).strip() or None
    if isinstance(value, list) and all(isinstance(v, (str, int, float)) for v in value):
        return ", ".join(str(v) for v in value) or None
    if isinstance(value, dict) and value and all(v is None for v in value.values()):
        joined = ", ".join(str(key) for key in value)  # `status: {accepted}`
        if not _is_unfilled("{" + joined + "}") and "|" not in joined:
            return joined
    _type_problem(state, found, "text")
    return None


def _as_list(state: ReadState, found: Field, *, tags: bool) -> list[str]:
    value = found.value
    if value is None:
        return []
    if isinstance(value, dict) and value and all(v is None for v in value.values()):
        keys = [str(key) for key in value]
        if not any(_is_unfilled("{" + key + "}") for key in keys):
            value = keys  # `deciders: { Ann Lee, Bo Chen }`
    if isinstance(value, str):
        if _is_unfilled(value):
            state.report(Code.PLACEHOLDER, found.line, f"{found.name} is an unfilled placeholder")
            return []
        return split_tags(value) if tags else split_list(value)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return [str(value)]
    if isinstance(value, list):
        result: list[str] = []
        for entry in value:
            if isinstance(entry, str) and found.source == "bullet" and not tags:
                # nested under `- Deciders:`: `Team A: ann, bo` names ann and bo
                label, colon, rest = plain(entry).partition(":")
                names = rest if colon and len(label.split()) <= 3 else plain(entry)
                result += [n for n in split_list(names) if not is_placeholder(n)]
            elif isinstance(entry, (str, int, float)) and not isinstance(entry, bool):
                text = plain(str(entry))
                if text and not is_placeholder(str(entry)):
                    result.append(text)
            elif isinstance(entry, dict) and isinstance(entry.get("name"), str):
                result.append(plain(entry["name"]))  # `- name: Ann Lee`
            else:
                _type_problem(state, found, "a list of names")
                return []
        return result
    _type_problem(state, found, "a list of names")
    return []


def _type_problem(state: ReadState, found: Field, expected: str) -> None:
    value = found.value
    if isinstance(value, dict) and all(v is None for v in value.values()):
        state.report(Code.PLACEHOLDER, found.line, f"{found.name} is an unfilled placeholder")
        return
    state.report(
        Code.FRONT_MATTER_TYPE,
        found.line,
        f"{found.name} should be {expected}, not {type(value).__name__}",
    )


def read_dates_elsewhere(state: ReadState) -> None:
    """No date field: a changelog's first entry, else the date in the file's name."""
    decision = state.decision
    if decision.date is not None:
        return
    changelog = state.parts.get("changelog")
    if changelog is not None:
        found = changelog_date(changelog, decision.date_order)
        if found is not None:
            iso, line, ambiguous = found
            decision.date = iso
            decision.lines[Line.DATE] = line
            decision.found["date"] = "changelog"
            other = month_first(iso) if ambiguous is not None else None
            if ambiguous is not None and other is not None:
                decision.ambiguous_date = (ambiguous, iso, other)
                state.report(Code.AMBIGUOUS_DATE, line, f"'{ambiguous}' was read as {iso}")
            return
    status = state.fields.get("status")
    # `Accepted — 2026-05-18` dates the decision; `Superseded by … (2026-05-29)` and a
    # banner's `UPDATE (2026-07-11)` date something that happened to it later.
    stated = status is not None and status.source != "banner" and decision.status != "superseded"
    written = state.lines[status.line - 1] if status and status.line and stated else ""
    said = _ISO_DAY.search(written)
    if status is not None and said is not None and read_date(said[0]).iso is not None:
        decision.date = read_date(said[0]).iso  # `Status: Accepted — 2026-05-18`
        decision.lines[Line.DATE] = status.line or 0
        decision.found["date"] = "status"
        return
    closing = _date_line_below(state)
    if closing is not None and _read_date(state, closing):
        return
    named = _name_date(state)  # `2023-01-25-x`, or `20230125-x` as log4brains names
    if named is not None:
        decision.date = named.isoformat()
        decision.found["date"] = "file-name"
