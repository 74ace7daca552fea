"""Read one decision record, in any dialect, into a `Decision`.

`parse_decision` never raises on content: whatever it cannot read becomes a diagnostic, and a
value the file does not state stays empty (a missing status is None, not "accepted").
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..diagnostics import Code, Diagnostic, diagnostic
from ..identity import FileIdentity, identify, is_folder_file
from ..model import (
    Consequences,
    Decision,
    Dialect,
    KeptSection,
    Line,
    Link,
    Option,
    Relation,
    RelationKind,
)
from ..text import (
    collapse,
    is_placeholder,
    links,
    plain,
    small_number,
    split_list,
    split_tags,
    strip_comments,
)
from .body import (
    CONSEQUENCE_SECTIONS,
    match_option,
    norm,
    read_arguments,
    read_chosen,
    read_consequences,
    read_inline_consequences,
    read_options,
)
from .dates import DateProblem, read_date
from .fields import (
    METADATA_SECTIONS,
    Field,
    fields_from_blocks,
    fields_from_front_matter,
    is_metadata_paragraph,
    preamble_facts,
    section_lines,
    split_key_value,
)
from .front_matter import FrontMatter, read_front_matter
from .headings import SECTION_NAMES
from .outline import Block, Part, parse_outline
from .status import leading_verb, read_status, relation_line, relation_targets, relation_verb
from .titles import strip_number, title_banner

MAX_CHARS = 1_000_000
"""Above this size only the head of a file is parsed (its metadata and first sections)."""

_COMMENT = re.compile(r"<!--.*?(?:-->|$)", re.DOTALL)
_LOCAL_TARGET = re.compile(r"^(?!https?:|mailto:|#)[^\s]*\.(?:md|markdown)(?:#.*)?$", re.IGNORECASE)


def parse_decision(data: bytes | str, file: str) -> Decision:
    """Parse the bytes (or text) of one file; `file` is the path used in diagnostics."""
    identity = identify(file)
    decision = Decision(file=file, id=identity.id, number=identity.number, slug=identity.slug)
    if isinstance(data, bytes):
        text = _decode(data, decision)
        if text is None:
            decision.is_record = False
            return decision
    else:
        text = data.removeprefix("\ufeff")
    _Reader(decision, text, identity).read()
    return decision


def _decode(data: bytes, decision: Decision) -> str | None:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        decision.diagnostics.append(
            diagnostic(
                Code.NOT_UTF8,
                decision.file,
                line,
                f"byte 0x{data[error.start]:02x} at offset {error.start} is not UTF-8; "
                "save the file as UTF-8",
            )
        )
        return None


class _Reader:
    """One parse: the state shared by the steps that fill in a `Decision`."""

    def __init__(self, decision: Decision, text: str, identity: FileIdentity) -> None:
        self.decision = decision
        self.identity = identity
        self.problems = decision.diagnostics
        if "\r" in text:
            text = text.replace("\r\n", "\n").replace("\r", "\n")
        self.text = text
        self.lines: list[str] = []
        self.parts: dict[str, Part] = {}
        self.fields: dict[str, Field] = {}
        self.relation_fields: list[Field] = []
        self.title_part: Part | None = None

    def report(self, code: Code, line: int | None, message: str) -> None:
        self.problems.append(diagnostic(code, self.decision.file, line, message))

    def read(self) -> None:
        if not self.text.strip():
            self.decision.is_record = False
            self.report(Code.EMPTY_FILE, None, "the file is empty")
            return
        text = self.text
        if len(text) > MAX_CHARS:
            text = text[: text.rfind("\n", 0, MAX_CHARS) + 1]
            self.report(
                Code.FILE_TOO_LARGE,
                None,
                f"the file has {len(self.text):,} characters; only the first "
                f"{len(text):,} are parsed",
            )
        self.lines = text.split("\n")
        front = read_front_matter(text, self.decision.file, self.problems)
        self.decision.front_matter = front.data
        root = parse_outline(front.body, front.body_offset)
        preamble = self._find_title(root, front)
        self._classify(root)
        self._collect_fields(front, preamble)
        self._read_metadata()
        self._read_body(preamble)
        self._read_relations()
        self._detect_dialect(front)
        self._decide_if_record(front)
        if self.decision.is_record:
            self._check()

    # --- title and sections ------------------------------------------------------------

    def _find_title(self, root: Part, front: FrontMatter) -> list[Block]:
        """Pick the title heading; return the blocks that sit above the first section."""
        decision = self.decision
        preamble = list(root.blocks)
        first = root.children[0] if root.children else None
        title_part: Part | None = None
        if (first is not None and first.level == 1) or (
            first is not None
            and not any(part.level == 1 for part in root.children)
            and first.key not in SECTION_NAMES
            and not isinstance(front.data.get("title"), str)
        ):
            title_part = first
        if title_part is not None:
            self.title_part = title_part
            preamble += title_part.blocks
            decision.lines[Line.TITLE] = title_part.line
            self._set_title(title_part.title, title_part.line)
        front_title = front.data.get("title")
        usable = isinstance(front_title, str) and front_title.strip()
        if usable and not is_placeholder(str(front_title)) and decision.title is None:
            decision.title = strip_number(plain(str(front_title)))
            decision.lines.setdefault(Line.TITLE, front.lines.get("title", 1))
        return preamble

    def _set_title(self, raw: str, line: int) -> None:
        text = strip_comments(raw).strip()
        banner = title_banner(text)
        if banner is not None:
            value, text = banner
            self.fields.setdefault("title-status", Field("status", value, line, "title"))
        if is_placeholder(text):
            self.report(Code.PLACEHOLDER, line, "the title is an unfilled template placeholder")
            return
        title = plain(text)
        stripped = strip_number(title)
        if stripped and stripped != title:
            self.fields.setdefault("title-number", Field("number", title, line, "title"))
            title = stripped
        self.decision.title = title or None

    def _classify(self, root: Part) -> None:
        for part in root.walk():
            if part is root or part is self.title_part:
                continue
            name = SECTION_NAMES.get(part.key)
            if name is None or name in self.parts:
                if name == "consequences":
                    self.parts.setdefault(f"consequences@{part.line}", part)
                continue
            self.parts[name] = part
            if name == "consequences":
                self.parts[f"consequences@{part.line}"] = part
        self.root = root

    # --- metadata ------------------------------------------------------------------------

    def _collect_fields(self, front: FrontMatter, preamble: list[Block]) -> None:
        collected = fields_from_front_matter(front.data, front.lines)
        collected += fields_from_blocks(preamble, self.lines)
        collected += preamble_facts(preamble)
        for part in self.root.walk():
            if SECTION_NAMES.get(part.key) == "metadata":
                collected += self._section_fields(part)
        for found in collected:
            if found.name in ("supersedes", "superseded-by", "amends", "amended-by", "relates-to"):
                self.relation_fields.append(found)
            elif found.name == "status" and found.source == "section":
                self.fields.setdefault("status", found)
            else:
                self.fields.setdefault(found.name, found)
        title_status = self.fields.pop("title-status", None)
        if title_status is not None:
            self.fields.setdefault("status", title_status)

    def _section_fields(self, part: Part) -> list[Field]:
        """A `## Status` section (Nygard) holds the status and relation lines; others a value."""
        name = METADATA_SECTIONS[part.key]
        found: list[Field] = []
        has_value = False
        for text, line in section_lines(part):
            pair = split_key_value(text)
            if pair is not None:
                found.append(Field(pair[0], pair[1], line, "bullet"))
                has_value = has_value or pair[0] == name
                continue
            kind = relation_line(text) if name == "status" else None
            if kind is not None and not (kind is RelationKind.SUPERSEDED_BY and not has_value):
                found.append(Field(kind.value, text, line, "section"))
            elif not has_value:
                found.append(Field(name, text, line, "section"))
                has_value = True
        if name == "status":
            self.decision.lines.setdefault(Line.STATUS_SECTION, part.line)
        return found

    def _read_metadata(self) -> None:
        decision = self.decision
        status = self.fields.get("status")
        if status is not None:
            self._read_status(status)
        date = self.fields.get("date") or self.fields.get("date_created")
        if date is not None:
            self._read_date(date)
        for name in ("deciders", "consulted", "informed", "tags", "c4"):
            found = self.fields.get(name)
            if found is not None:
                values = self._as_list(found, tags=name in ("tags", "c4"))
                setattr(decision, name, values)
                decision.lines[Line(name)] = found.line or 0
        story = self.fields.get("technical_story")
        if story is not None:
            text = self._as_text(story)
            if text and is_placeholder(text):
                self.report(Code.PLACEHOLDER, story.line, "the technical story is a placeholder")
            elif text and strip_comments(text).strip():
                decision.technical_story = collapse(strip_comments(text))
                decision.lines[Line.TECHNICAL_STORY] = story.line or 0
        self._read_number()

    def _read_status(self, found: Field) -> None:
        text = self._as_text(found)
        if text is None:
            return
        reading = read_status(text)
        if reading.placeholder:
            self.report(Code.PLACEHOLDER, found.line, "the status is an unfilled placeholder")
            return
        self._status_links(text, found.line)
        if reading.keyword is None:
            return
        self.decision.status = reading.keyword
        self.decision.status_text = reading.text
        self.decision.lines[Line.STATUS] = found.line or 0
        for kind, target in reading.targets:
            self.decision.relations.append(Relation(kind, target, found.line, "status"))

    def _status_links(self, text: str, line: int | None) -> None:
        verb = leading_verb(text)
        for label, href, _ in links(strip_comments(text)):
            self.decision.links.append(Link(label, href, verb, line))

    def _read_date(self, found: Field) -> None:
        value = found.value
        if isinstance(value, str):
            value = strip_comments(value)
            if is_placeholder(value):
                self.report(Code.PLACEHOLDER, found.line, "the date is an unfilled placeholder")
                return
            value = plain(value)
        if isinstance(value, dict):
            self._type_problem(found, "a date")
            return
        if value is None:
            return
        reading = read_date(value)
        self.decision.date = reading.iso
        self.decision.lines[Line.DATE] = found.line or 0
        if reading.problem is DateProblem.AMBIGUOUS:
            self.report(Code.AMBIGUOUS_DATE, found.line, f"'{value}' was read as {reading.iso}")
        elif reading.problem is DateProblem.PARTIAL:
            self.report(Code.INVALID_DATE, found.line, f"'{value}' has no day; write YYYY-MM-DD")
        elif reading.problem is DateProblem.INVALID:
            self.report(Code.INVALID_DATE, found.line, f"'{value}' is not a date; write YYYY-MM-DD")

    def _read_number(self) -> None:
        decision = self.decision
        if self.identity.from_name:
            return
        for name in ("id", "number"):
            found = self.fields.get(name)
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

    def _as_text(self, found: Field) -> str | None:
        value = found.value
        if value is None:
            return None
        if isinstance(value, bool):
            self._type_problem(found, "text")
            return None
        if isinstance(value, (str, int, float)):
            return str(value).strip() or None
        if isinstance(value, list) and all(isinstance(v, (str, int, float)) for v in value):
            return ", ".join(str(v) for v in value) or None
        self._type_problem(found, "text")
        return None

    def _as_list(self, found: Field, *, tags: bool) -> list[str]:
        value = found.value
        if value is None:
            return []
        if isinstance(value, str):
            if is_placeholder(value):
                self.report(
                    Code.PLACEHOLDER, found.line, f"{found.name} is an unfilled placeholder"
                )
                return []
            return split_tags(value) if tags else split_list(value)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return [str(value)]
        if isinstance(value, list):
            result: list[str] = []
            for entry in value:
                if isinstance(entry, (str, int, float)) and not isinstance(entry, bool):
                    text = plain(str(entry))
                    if text and not is_placeholder(str(entry)):
                        result.append(text)
                else:
                    self._type_problem(found, "a list of names")
                    return []
            return result
        self._type_problem(found, "a list of names")
        return []

    def _type_problem(self, found: Field, expected: str) -> None:
        value = found.value
        if isinstance(value, dict) and all(v is None for v in value.values()):
            self.report(Code.PLACEHOLDER, found.line, f"{found.name} is an unfilled placeholder")
            return
        self.report(
            Code.FRONT_MATTER_TYPE,
            found.line,
            f"{found.name} should be {expected}, not {type(value).__name__}",
        )

    # --- body -----------------------------------------------------------------------------

    def _read_body(self, preamble: list[Block]) -> None:
        decision = self.decision
        parts = self.parts
        if "context" in parts:
            decision.context = self._content(parts["context"])
        elif preamble:
            prose = [
                block.text
                for block in preamble
                if block.kind == "paragraph" and not is_metadata_paragraph(block.text)
            ]
            decision.context = "\n\n".join(prose).strip() or None
        if "drivers" in parts:
            decision.drivers = [
                plain(item.text)
                for item in parts["drivers"].items()
                if plain(item.text) and not is_placeholder(item.text)
            ]
        self._read_options()
        self._read_consequences()
        if "confirmation" in parts:
            decision.confirmation = self._content(parts["confirmation"])
        self._read_links()
        self._keep_other_sections()

    def _read_options(self) -> None:
        decision = self.decision
        parts = self.parts
        if "options" in parts:
            decision.options = read_options(parts["options"])
            decision.lines[Line.OPTIONS] = parts["options"].line
            decision.lines[Line.OPTIONS_END] = parts["options"].end
        pros = parts.get("pros")
        if pros is not None:
            decision.lines[Line.PROS] = pros.line
            derived = not decision.options
            for child in pros.children:
                title = plain(child.title)
                if not title or is_placeholder(child.title):
                    continue
                if derived:
                    decision.options.append(Option(title=title, line=child.line))
                    index: int | None = len(decision.options) - 1
                else:
                    index = match_option(title, [option.title for option in decision.options])
                if index is None:
                    self.report(
                        Code.UNKNOWN_OPTION,
                        child.line,
                        f"'{title}' under Pros and Cons is not among the considered options",
                    )
                    continue
                read_arguments(child, decision.options[index])
        seen: dict[str, int] = {}
        for option in decision.options:
            key = norm(option.title)
            if key in seen:
                self.report(
                    Code.DUPLICATE_OPTION,
                    option.line,
                    f"option '{option.title}' is listed twice (first on line {seen[key]})",
                )
            else:
                seen[key] = option.line or 0
        self._read_chosen()

    def _read_chosen(self) -> None:
        decision = self.decision
        outcome = self.parts.get("outcome")
        chosen = read_chosen(outcome) if outcome is not None else None
        if chosen is None:
            chosen = read_chosen(self.root)
        if chosen is None:
            return
        decision.chosen = chosen.title
        decision.justification = chosen.justification
        decision.lines[Line.CHOSEN] = chosen.line
        if not decision.options:
            return
        index = match_option(chosen.title, [option.title for option in decision.options])
        if index is None:
            self.report(
                Code.UNKNOWN_CHOSEN_OPTION,
                chosen.line,
                f"chosen option '{chosen.title}' is not among the considered options",
            )
        else:
            decision.options[index].chosen = True

    def _read_consequences(self) -> None:
        consequences = Consequences()
        for key, part in self.parts.items():
            if key.startswith("consequences@"):
                polarity = CONSEQUENCE_SECTIONS.get(part.key)
                read_consequences(part, polarity, consequences)
                self.decision.lines.setdefault(Line.CONSEQUENCES, part.line)
        outcome = self.parts.get("outcome")
        if outcome is not None and not consequences:
            read_inline_consequences(outcome, consequences)
        self.decision.consequences = consequences

    def _read_links(self) -> None:
        decision = self.decision
        for name in ("links", "more"):
            part = self.parts.get(name)
            if part is None:
                continue
            for text, line in _logical_lines(part):
                found = links(text)
                if name == "links" and not found and plain(text) and not is_placeholder(text):
                    decision.links.append(Link(plain(text), "", "", line))
                    self._relation_from_text(text, line, require_link=False)
                    continue
                for label, href, _ in found:
                    decision.links.append(Link(label, href, leading_verb(text), line))
                    if _LOCAL_TARGET.match(href):
                        kind = _verb_kind(text)
                        decision.relations.append(
                            Relation(kind, href, line, leading_verb(text) or kind.value)
                        )

    def _relation_from_text(self, text: str, line: int, *, require_link: bool) -> None:
        verb = relation_verb(text)
        if verb is None:
            return
        for target in relation_targets(text[len(verb[1]) :] if not require_link else text):
            self.decision.relations.append(Relation(verb[0], target, line, verb[1]))

    def _keep_other_sections(self) -> None:
        known = {id(part) for part in self.parts.values()}
        candidates = list(self.title_part.children) if self.title_part else []
        candidates += [part for part in self.root.children if part is not self.title_part]
        for part in candidates:
            if id(part) in known or SECTION_NAMES.get(part.key) is not None:
                continue
            self.decision.sections.append(
                KeptSection(plain(part.title), part.level, part.line, self._markdown(part))
            )

    def _content(self, part: Part) -> str | None:
        """A section's Markdown, or None when it is empty or an unfilled placeholder."""
        text = self._markdown(part)
        return None if not text or is_placeholder(text) else text

    def _markdown(self, part: Part) -> str:
        body = "\n".join(self.lines[part.line : part.end - 1])
        return strip_comments(body).strip()

    # --- relations, dialect, checks --------------------------------------------------------

    def _read_relations(self) -> None:
        decision = self.decision
        for found in self.relation_fields:
            kind = RelationKind(found.name)
            if found.source == "section" and isinstance(found.value, str):
                self._status_links(found.value, found.line)
            for target in self._relation_values(found):
                decision.relations.append(Relation(kind, target, found.line, found.source))

    def _relation_values(self, found: Field) -> list[str]:
        value = found.value
        values: Iterable[object] = value if isinstance(value, list) else [value]
        targets: list[str] = []
        for entry in values:
            if isinstance(entry, bool) or entry is None:
                continue
            if isinstance(entry, (int, float)):
                targets.append(str(entry))
            elif isinstance(entry, str) and not is_placeholder(entry):
                verb = relation_verb(entry) if found.source == "section" else None
                if verb is not None:
                    entry = entry[len(verb[1]) :]
                found_targets = relation_targets(entry)
                targets += found_targets or [t.strip() for t in entry.split(",") if t.strip()]
        return targets

    def _detect_dialect(self, front: FrontMatter) -> None:
        decision = self.decision
        keys = {key.lower() for key in front.data}
        status = self.fields.get("status")
        if keys & {"decision-makers", "decision_makers"}:
            decision.dialect = Dialect.MADR4
        elif keys & {"deciders", "consulted", "informed"}:
            decision.dialect = Dialect.MADR3
        elif status is not None and status.source == "front-matter":
            decision.dialect = Dialect.MADR3 if "validation" in self._headings() else Dialect.MADR4
        elif status is not None and status.source == "bullet" and not self._in_section(status):
            dashed = status.bullet == "-"
            log4brains = (
                self.identity.date_named or "tags" in self.fields or (decision.status == "draft")
            )
            decision.dialect = Dialect.LOG4BRAINS if dashed and log4brains else Dialect.MADR2
        elif Line.STATUS_SECTION in decision.lines or self.fields.get("title-number"):
            decision.dialect = Dialect.NYGARD
        elif self.parts.keys() & {"options", "outcome", "pros"} or status is not None:
            headings = self._headings()
            if "user story" in self._written_keys() or self._chosen_unquoted():
                decision.dialect = Dialect.MADR1
            elif "positive consequences" in headings or "negative consequences" in headings:
                decision.dialect = Dialect.MADR2
            elif (
                "context" in self.parts
                and "outcome" in self.parts
                and "options" not in (self.parts)
            ):
                decision.dialect = Dialect.NYGARD
            else:
                decision.dialect = Dialect.MADR4
        elif "context" in self.parts:
            decision.dialect = Dialect.NYGARD

    def _in_section(self, found: Field) -> bool:
        return Line.STATUS_SECTION in self.decision.lines and found.source != "bullet"

    def _headings(self) -> set[str]:
        return {part.key for part in self.root.walk() if part is not self.root}

    def _written_keys(self) -> set[str]:
        keys: set[str] = set()
        for line in self.lines[:40]:
            key, colon, _ = line.lstrip("*- ").partition(":")
            if colon:
                keys.add(key.strip("* _").lower())
        return keys

    def _chosen_unquoted(self) -> bool:
        line = self.decision.lines.get(Line.CHOSEN)
        if line is None:
            return False
        text = self.lines[line - 1]
        after = text.split(":", 1)[1].lstrip(" *_") if ":" in text else ""
        return bool(after) and after[0] not in "\"“'`"

    def _decide_if_record(self, front: FrontMatter) -> None:
        decision = self.decision
        expected = is_folder_file(decision.file)
        if expected:
            decision.is_record = False
        elif self._has_identity(front):
            decision.is_record = True
        else:
            body = self.parts.keys() & {"options", "outcome", "pros", "drivers"}
            decision.is_record = bool(body) and (
                len(body) >= 2 or "context" in self.parts or decision.chosen is not None
            )
        if not decision.is_record:
            self.problems.clear()
        if not decision.is_record and not expected:
            self.report(
                Code.NOT_A_RECORD,
                None,
                "not read as a decision record (no number in the name, no status, "
                "no decision sections)",
            )

    def _has_identity(self, front: FrontMatter) -> bool:
        """A number in the name, a status, or record keys in front matter make a record."""
        if self.identity.from_name or self.fields.get("status") is not None:
            return True
        return bool(front.data.keys() & {"id", "number", "decision-makers", "deciders"})

    def _check(self) -> None:
        decision = self.decision
        if decision.title is None and not any(
            problem.code is Code.PLACEHOLDER and problem.line == decision.lines.get(Line.TITLE)
            for problem in self.problems
        ):
            self.report(Code.MISSING_TITLE, 1, "no H1 title and no `title` in front matter")
        if decision.status is None:
            line = decision.lines.get(Line.TITLE, 1)
            self.report(Code.MISSING_STATUS, line, "no status is stated")


def _logical_lines(part: Part) -> list[tuple[str, int]]:
    found: list[tuple[str, int]] = []
    for section in part.walk():
        for block in section.blocks:
            if block.kind == "paragraph":
                found.extend(
                    (text, block.line + offset)
                    for offset, text in enumerate(_blank_comments(block.text).split("\n"))
                )
            elif block.kind == "list":
                stack = list(reversed(block.items))
                while stack:
                    item = stack.pop()
                    found.append((strip_comments(item.text), item.line))
                    stack.extend(reversed(item.children))
    return found


def _blank_comments(text: str) -> str:
    """Remove HTML comments but keep their line breaks, so line numbers stay right."""
    if "<!--" not in text:
        return text
    return _COMMENT.sub(lambda match: "\n" * match[0].count("\n"), text)


def _verb_kind(text: str) -> RelationKind:
    verb = relation_verb(text)
    return verb[0] if verb else RelationKind.RELATES_TO


__all__ = ["MAX_CHARS", "Diagnostic", "parse_decision"]
