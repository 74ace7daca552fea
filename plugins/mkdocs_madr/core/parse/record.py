"""Read one decision record, in any dialect and language, into a `Decision`.

`parse_decision` never raises on content: whatever it cannot read becomes a diagnostic, and a
value the file does not state stays empty (a missing status is None, not "accepted"). Where a
value was found is kept in `Decision.found` (a key, a section, a changelog, the file name …).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import replace

from ..diagnostics import Code, Diagnostic, Severity, diagnostic
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
    NON_ASCII_HYPHENS,
    collapse,
    heading_key,
    is_placeholder,
    links,
    plain,
    replace_code_spans,
    small_number,
    split_list,
    split_tags,
    strip_comments,
    unbrace,
    unbracket,
)
from .arguments import (
    label_polarity,
    read_arguments,
    read_consequences,
    read_inline_consequences,
)
from .changelog import changelog_date, changelog_status
from .chosen import Chosen, chosen_in_prose, chosen_in_title, is_undecided, read_chosen
from .dates import DateProblem, DateReading, month_first, read_date, slash_order
from .fields import (
    Field,
    fields_from_blocks,
    fields_from_front_matter,
    fields_from_table,
    is_metadata_paragraph,
    preamble_facts,
    section_lines,
    split_key_value,
)
from .front_matter import FrontMatter, read_front_matter
from .option_names import OPTION_WORD, clean_option_title, match_option, norm, shares_words
from .options import NOT_AN_OPTION, options_outside, pick_options, read_options
from .other_keys import other_keys
from .outline import Block, Part, parse_outline, parse_table
from .status import (
    is_partial,
    leading_verb,
    read_status,
    relation_line,
    relation_targets,
    relation_verb,
)
from .status import statements as relation_statements
from .titles import strip_number, title_banner
from .vocabulary import (
    ANY_VERB,
    CONSEQUENCES,
    DEFAULT,
    METADATA_SECTIONS,
    TEAM_WORDS,
    Vocabulary,
    fold,
)

MAX_CHARS = 1_000_000
"""Above this size only the head of a file is parsed (its metadata and first sections)."""

_COMMENT = re.compile(r"<!--.*?(?:-->|$)", re.DOTALL)
_LOCAL_TARGET = re.compile(r"^(?!https?:|mailto:|#)[^\s]*\.(?:md|markdown)(?:#.*)?$", re.IGNORECASE)
_RECORD_LINK = re.compile(
    r"^(?:(?!https?:|mailto:|#)[^\s]*\.(?:md|markdown)(?:#.*)?|/[\w/-]*?\d+/?|\.{1,2}/[\w./-]+"
    r"|\d+[-_][\w-]+(?:\.html?)?(?:#.*)?)$",  # `20240102-use-a-queue`, `0014-x.html`: a
    # sibling named without `.md`, or by the page a site makes of it
    re.IGNORECASE,
)
_WEB_RECORD = re.compile(
    r"^https?://[^\s?#]+/(?:blob|tree|raw|src)/[^\s?#]+/[\w.-]*\d[\w.-]*\.(?:md|markdown)(?:#.*)?$",
    re.IGNORECASE,
)
"""A record linked by its address on a forge (`https://github.com/o/r/blob/main/adr/0009-x.md`);
unless it names a record of the folder, it is dropped when the records are joined."""
_QUOTE_MARKS = frozenset('"“”')
"""In a chosen title, the seam of several quoted names (`"A" with "B"`)."""
_REFERENCE_DEFINITION = re.compile(r"^ {0,3}\[[^\]]+\]:[ \t]*<?([^\s>]+)>?", re.MULTILINE)
_MENTION = re.compile(r"(?<![\w/.-])(?:ADR|ADD|AD|DR)[-_ ]?#?(\d{1,5})\b")
_IGNORE = re.compile(r"<!--\s*madr-ignore:([^>]*?)-->")
_ALL_OPTIONS = frozenset(
    {
        "all considered options",
        "all options",
        "all of them",
        "all of the above",
        "all three",
        "toutes les options",
        "alle optionen",
        "todas las opciones",
        "todas as opções",
    }
)
# Where a record written as a request for comments says what it takes, when it has no outcome.
_PROPOSAL_HEADINGS = frozenset(
    {"proposal", "the proposal", "proposed solution", "proposed decision"}
)
_BOLD_LINE = re.compile(r"\s*(\*\*|__)[^*_]+\1\s*(?::\s*)?")
_RELATION_FIELDS = ("supersedes", "superseded-by", "amends", "amended-by", "relates-to")


def _is_record_link(href: str) -> bool:
    if _RECORD_LINK.match(href):
        return True
    if _WEB_RECORD.match(href) is None:
        return False
    name = href.split("#", 1)[0].rstrip("/").rsplit("/", 1)[-1]
    return identify(name).number is not None


_OPTIONS_GROUP = re.compile(r"\b(?:considered options|options considered)$")


def _undecided(outcome: Part | None) -> bool:
    """An outcome that says nothing is decided yet (`To be done.`, `TBD`)."""
    if outcome is None:
        return False
    texts = [block.text for part in outcome.walk() for block in part.blocks]
    return len(texts) == 1 and is_undecided(texts[0])


def parse_decision(data: bytes | str, file: str, vocabulary: Vocabulary = DEFAULT) -> Decision:
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
    _Reader(decision, text, identity, vocabulary).read()
    return decision


_SLASHED_DATE = re.compile(r"(?<![\w/])\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})(?![\w/])")
_ISO_DAY = re.compile(r"(?<![\w/-])(?:19|20)\d\d-\d\d-\d\d(?![\w/-])")
_NOTHING = re.compile(
    r"\s*(?:nothing|none|n/a|nil|keine|aucune?|rien|ninguno|nenhum|nessuno|geen)\b", re.IGNORECASE
)
"""A relation field that names no record, whatever numbers its remark mentions."""


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


def _shortened(heading: str, front_title: str) -> bool:
    """The heading is the start of the front matter's longer title."""
    short, full = " ".join(heading.split()).lower(), " ".join(front_title.split()).lower()
    return len(full) > len(short) + 3 and full.startswith(short) and not full[len(short)].isalnum()


def _swapped(day: dt.date) -> dt.date | None:
    try:
        return dt.date(day.year, day.day, day.month)
    except ValueError:
        return None


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

    def __init__(
        self, decision: Decision, text: str, identity: FileIdentity, vocabulary: Vocabulary
    ) -> None:
        self.decision = decision
        self.identity = identity
        self.vocabulary = vocabulary
        self.problems = decision.diagnostics
        if "\r" in text:
            text = text.replace("\r\n", "\n").replace("\r", "\n")
        self.text = text
        self.lines: list[str] = []
        self.parts: dict[str, Part] = {}
        self.fields: dict[str, Field] = {}
        self.relation_fields: list[Field] = []
        self.field_lines: set[int] = set()
        """Lines that hold metadata: their relations are read as fields, not as prose."""
        self.title_part: Part | None = None
        self.root = Part("", 0, 1, 1)

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
        _promote_bold_headings(root, self.vocabulary)
        self.root = root
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
        self._read_ignored()

    def _read_ignored(self) -> None:
        """`<!-- madr-ignore: missing-status, unknown-status -->` silences codes for this file."""
        if "madr-ignore" not in self.text:
            return
        known = {code.value for code in Code}
        ignored: set[str] = set()
        for match in _IGNORE.finditer(self.text):
            line = self.text.count("\n", 0, match.start()) + 1
            for name in re.split(r"[\s,]+", match[1].strip()):
                if name in known:
                    ignored.add(name)
                elif name:
                    self.report(Code.UNKNOWN_DIRECTIVE, line, f"madr-ignore: unknown code '{name}'")
        self.decision.ignored = frozenset(ignored)
        self.problems[:] = [found for found in self.problems if found.code.value not in ignored]

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
            and self.vocabulary.section(first.key) is None
            and not isinstance(front.data.get("title"), str)
            and split_key_value(first.title, self.vocabulary) is None
        ):
            title_part = first
        if title_part is not None:
            self.title_part = title_part
            preamble += title_part.blocks
            decision.lines[Line.TITLE] = title_part.line
            self._set_title(title_part.title, title_part.line)
            inner = title_part.children[0] if title_part.children else None
            if inner is not None and inner.key == title_part.key:
                preamble += inner.blocks  # `# Tooling` then `## Tooling` over the metadata
            named = self._title_section(title_part)
            if named is not None and _generic_title(title_part.title):
                self._set_title(named.text, named.line)  # `# ADR` then `## Title` and the title
        front_title = front.data.get("title")
        usable = isinstance(front_title, str) and front_title.strip()
        if usable and decision.title and _shortened(decision.title, plain(str(front_title))):
            decision.title = None  # `# ADR 3 — Use X` under `title: Use X, with a plan for Y`
        if usable and not is_placeholder(str(front_title)) and decision.title is None:
            decision.title = self._strip_number(plain(str(front_title)))
            decision.lines.setdefault(Line.TITLE, front.lines.get("title", 1))
            decision.found["title"] = "front-matter"
        return preamble

    def _title_section(self, title_part: Part) -> Block | None:
        """The paragraph of a `## Title` section below the title heading."""
        for part in title_part.children:
            if self.vocabulary.field(part.key) == "title":
                return next(part.paragraphs(), None)
        return None

    def _strip_number(self, title: str) -> str:
        return strip_number(title, self.identity.number, self.identity.slug)

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
        stripped = self._strip_number(title)
        if stripped and stripped != title:
            self.fields.setdefault("title-number", Field("number", title, line, "title"))
            title = stripped
            banner = title_banner(title) if banner is None and title.startswith("(") else None
            if banner is not None:  # `# DR 007: (INVALID) Title`: the status after the number
                self.fields.setdefault("title-status", Field("status", banner[0], line, "title"))
                title = banner[1]
        self.decision.title = title or None
        self.decision.found["title"] = "heading"

    def _classify(self, root: Part) -> None:
        for part in root.walk():
            if part is root or part is self.title_part:
                continue
            name = self.vocabulary.section(part.key)
            known = self.parts.get(name) if name is not None else None
            if name == "outcome" and known is not None and known.line < part.line < known.end:
                known = None  # `## Decision` holding `### Outcome`: the outcome is the inner one
            if name is None or known is not None:
                if name == "consequences":
                    self.parts.setdefault(f"consequences@{part.line}", part)
                continue
            self.parts[name] = part
            if name == "consequences":
                self.parts[f"consequences@{part.line}"] = part

    # --- metadata ------------------------------------------------------------------------

    def _collect_fields(self, front: FrontMatter, preamble: list[Block]) -> None:
        vocabulary = self.vocabulary
        collected = fields_from_front_matter(front.data, front.lines, vocabulary)
        collected += fields_from_blocks(preamble, self.lines, vocabulary)
        for part in self.root.walk():
            if part is self.root:
                continue
            if vocabulary.section(part.key) == "metadata":
                collected += self._section_fields(part)
                tables = [block for block in part.blocks if block.text.lstrip().startswith("|")]
                for block in tables:  # `## Decision log` over `| Status | Accepted on … |`
                    collected += fields_from_table(parse_table(block.text), block.line, vocabulary)
            elif (pair := split_key_value(part.title, vocabulary)) is not None and pair[1]:
                # `### Status: **Approved**`: a heading that holds its own value.
                collected.append(Field(pair[0], pair[1], part.line, "heading"))
        collected += preamble_facts(preamble, vocabulary)
        self.decision.metadata = other_keys(front, preamble, vocabulary)
        self.field_lines = {found.line for found in collected if found.line is not None}
        for found in collected:
            if found.name in _RELATION_FIELDS:
                self.relation_fields.append(found)
            elif found.name == "status" and found.source == "banner":
                self.fields["status"] = found  # `This has been superseded by …` over an old status
            elif found.name == "status" and found.source == "section":
                current = self.fields.get("status")
                # `status: active` over a `## Status` of `Akzeptiert`: the word the lifecycle
                # knows is the one the body states; a team's own word stays where it is alone.
                if current is None or (
                    current.source == "front-matter"
                    and not self._known_status(current)
                    and self._known_status(found)
                ):
                    self.fields["status"] = found
            else:
                self.fields.setdefault(found.name, found)
        title_status = self.fields.pop("title-status", None)
        if title_status is not None:
            self.fields.setdefault("status", title_status)
        if front.data.get("draft") is True and "status" not in self.fields:
            # `draft: true`, a Hugo or Jekyll page not yet published: a draft record.
            self.fields["status"] = Field("status", "draft", None, "front-matter")

    def _section_fields(self, part: Part) -> list[Field]:
        """A `## Status` section (Nygard) holds the status and relation lines; others a value."""
        name = METADATA_SECTIONS.get(part.key) or "status"
        found: list[Field] = []
        has_value = False
        dangling: Field | None = None  # `Superseded by` whose link is on the next line
        for text, line in section_lines(part):
            if name == "status" and self._lists_statuses(text):
                # `列表：提议/通过/完成`: the template's list of statuses, not one, unless one is
                # marked: `Vorgeschlagen | **Akzeptiert** | Abgelehnt`.
                marked = re.findall(r"\*\*([^*|/]+)\*\*|__([^_|/]+)__", text)
                if len(marked) != 1:
                    continue
                text = marked[0][0] or marked[0][1]
            if dangling is not None and relation_targets(text):
                found.append(replace(dangling, value=f"{dangling.value} {text}"))
            dangling = None
            pair = split_key_value(text, self.vocabulary)
            if pair is not None:
                found.append(Field(pair[0], pair[1], line, "bullet"))
                has_value = has_value or pair[0] == name
                continue
            verb = relation_verb(text, self.vocabulary) if name == "status" else None
            if verb is not None and relation_line(text, self.vocabulary) is None:
                dangling = Field(verb[0].value, text, line, "section")
            kind = relation_line(text, self.vocabulary) if name == "status" else None
            if kind is not None and not (kind is RelationKind.SUPERSEDED_BY and not has_value):
                found.append(Field(kind.value, text, line, "section"))
            elif not has_value and name != "metadata" and not _is_reference_definition(text):
                found.append(Field(name, text, line, "section"))
                has_value = True
        if name == "status":
            self.decision.lines.setdefault(Line.STATUS_SECTION, part.line)
            found = _latest_of_a_history(found, section_lines(part))
            found = _superseded_below(found)
        return found

    def _known_status(self, found: Field) -> bool:
        text = self._as_text(found)
        keyword = read_status(text, self.vocabulary).keyword if text else None
        return keyword is not None and keyword in self.vocabulary.status_words.values()

    def _lists_statuses(self, text: str) -> bool:
        """`Proposed / Accepted / Deprecated`, after a label or not: three or more status words
        that a template lists for the author to pick from."""
        words = re.split(r"\s*[/|]\s*", re.sub(r"^[^:：]{1,20}[:：]\s*", "", plain(text).strip()))
        known = self.vocabulary.status_words
        return len(words) >= 3 and all(
            fold(word) in known or fold(word) in TEAM_WORDS for word in words
        )

    def _read_metadata(self) -> None:
        decision = self.decision
        orders = {slash_order(written) for written in _slashed_dates(self.text)} - {None}
        decision.date_order = orders.pop() if len(orders) == 1 else None
        status = self.fields.get("status")
        if status is not None:
            self._read_status(status)
        changelog = self.parts.get("changelog")
        if self.decision.status is None and changelog is not None:
            stated = changelog_status(changelog, self.vocabulary)
            if stated is not None:
                self._read_status(Field("status", stated[0], stated[1], "changelog"))
        for key in ("date", "date_created", "date_updated"):
            date = self.fields.get(key)
            if date is not None and self._read_date(date):
                break
        for name in ("deciders", "consulted", "informed", "tags", "c4"):
            found = self.fields.get(name)
            if found is not None:
                values = self._as_list(found, tags=name in ("tags", "c4"))
                setattr(decision, name, values)
                decision.lines[Line(name)] = found.line or 0
        story = self.fields.get("technical_story")
        if story is not None:
            text = self._as_text(story)
            if text and _is_unfilled(text):
                self.report(Code.PLACEHOLDER, story.line, "the technical story is a placeholder")
            elif text and strip_comments(text).strip():
                decision.technical_story = collapse(unbracket(strip_comments(text)))
                decision.lines[Line.TECHNICAL_STORY] = story.line or 0
        self._read_number()

    def _read_status(self, found: Field) -> None:
        text = self._as_text(found)
        if text is None:
            return
        reading = read_status(text, self.vocabulary)
        if reading.placeholder:
            self.report(Code.PLACEHOLDER, found.line, "the status is an unfilled placeholder")
            return
        self._status_links(text, found.line)
        decision = self.decision
        for kind, target, partial in reading.targets:
            decision.relations.append(Relation(kind, target, found.line, "status", partial))
        if reading.keyword is None:
            return
        decision.status = reading.keyword
        decision.status_text = reading.text
        decision.lifecycle = self.vocabulary.lifecycle(reading.keyword)
        decision.lines[Line.STATUS] = found.line or 0
        decision.found["status"] = found.source

    def _status_links(self, text: str, line: int | None) -> None:
        verb = leading_verb(text)
        for label, href, _ in links(strip_comments(text)):
            self.decision.links.append(Link(label, href, verb, line))

    def _read_date(self, found: Field) -> bool:
        """Read the date; False when the field holds none (try the next one)."""
        value = found.value
        if isinstance(value, dict) and value and all(v is None for v in value.values()):
            value = "{" + ", ".join(str(key) for key in value) + "}"  # `date: { 2022-02-03 }`
        if isinstance(value, list) and len(value) == 1:
            value = value[0]  # `- Date: [2021-07-08]`
        if isinstance(value, str):
            value = strip_comments(value)
            if _is_unfilled(value):
                self.report(Code.PLACEHOLDER, found.line, "the date is an unfilled placeholder")
                return False
            value = plain(unbrace(value)).strip("[] ")
        if isinstance(value, dict):
            self._type_problem(found, "a date")
            return False
        if value is None or value in ("", "-", "--"):
            return False
        reading = read_date(value)
        if (
            reading.iso is None
            and reading.problem is DateProblem.INVALID
            and isinstance(value, str)
        ):
            head = re.match(r"^\s*(\S+(?:\s+\S+){0,3})", value)  # `2024-05-22 (back dated)`
            retry = read_date(re.split(r"\s[(,;]|,\s", value, maxsplit=1)[0]) if head else reading
            reading = retry if retry.iso is not None else reading
        if reading.problem is DateProblem.AMBIGUOUS and reading.iso is not None:
            reading = self._settled_by_name(reading.iso)
        read = reading.iso
        other = month_first(read) if read and reading.problem is DateProblem.AMBIGUOUS else None
        if read is not None and other is not None and isinstance(value, str):
            if self.decision.date_order is not None:
                # `10/06/2023` where the same record writes `7/23/2023`: it writes month first.
                reading = DateReading(other if self.decision.date_order == "month-first" else read)
            else:
                self.decision.ambiguous_date = (value, read, other)
        self.decision.date = reading.iso
        self.decision.lines[Line.DATE] = found.line or 0
        self.decision.found["date"] = found.source
        if reading.problem is DateProblem.AMBIGUOUS:
            self.report(Code.AMBIGUOUS_DATE, found.line, f"'{value}' was read as {reading.iso}")
        elif reading.problem is DateProblem.PARTIAL:
            self.report(Code.INVALID_DATE, found.line, f"'{value}' has no day; write YYYY-MM-DD")
        elif reading.problem is DateProblem.INVALID:
            self.report(Code.INVALID_DATE, found.line, f"'{value}' is not a date; write YYYY-MM-DD")
        return True

    def _date_line_below(self) -> Field | None:
        """`**Created**: 2025-01-27` or `- **決定日**: 2025-01-27` at the end of the record, where
        some teams keep the metadata: the decision's date first, else the creation date."""
        found: dict[str, Field] = {}
        for number, line in enumerate(self.lines, start=1):
            if (":" not in line and "：" not in line) or number in self.field_lines:
                continue  # a date field already read, valid or not, is not read twice
            pair = split_key_value(line.strip().lstrip("-*+ "), self.vocabulary)
            if pair is None or pair[0] not in ("date", "date_created"):
                continue
            if _ISO_DAY.search(pair[1]) and read_date(pair[1].strip(" *_")).iso is not None:
                found.setdefault(pair[0], Field(pair[0], pair[1], number, "line"))
        return found.get("date") or found.get("date_created")

    def _name_date(self) -> dt.date | None:
        named = re.match(r"((?:19|20)\d\d)[-_]?(\d\d)[-_]?(\d\d)(?!\d)", self.identity.slug)
        if named is None or not (self.identity.date_named or "-" in named[0]):
            return None
        try:
            return dt.date(*(int(part) for part in named.groups()))
        except ValueError:
            return None

    def _settled_by_name(self, iso: str) -> DateReading:
        """`Date: 7/12/2022` in `20220713-x.md`: of the two readings, the one within a week of
        the file's date is meant, and nothing is ambiguous."""
        named = self._name_date()
        read = dt.date.fromisoformat(iso)
        if named is not None:
            for candidate in (read, _swapped(read)):
                if candidate is not None and abs((candidate - named).days) <= 7:
                    return DateReading(candidate.isoformat(), None)
        return DateReading(iso, DateProblem.AMBIGUOUS)

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
            return unbrace(str(value)).strip() or None
        if isinstance(value, list) and all(isinstance(v, (str, int, float)) for v in value):
            return ", ".join(str(v) for v in value) or None
        if isinstance(value, dict) and value and all(v is None for v in value.values()):
            joined = ", ".join(str(key) for key in value)  # `status: {accepted}`
            if not _is_unfilled("{" + joined + "}") and "|" not in joined:
                return joined
        self._type_problem(found, "text")
        return None

    def _as_list(self, found: Field, *, tags: bool) -> list[str]:
        value = found.value
        if value is None:
            return []
        if isinstance(value, dict) and value and all(v is None for v in value.values()):
            keys = [str(key) for key in value]
            if not any(_is_unfilled("{" + key + "}") for key in keys):
                value = keys  # `deciders: { Ann Lee, Bo Chen }`
        if isinstance(value, str):
            if _is_unfilled(value):
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
                if block.kind == "paragraph"
                and not is_metadata_paragraph(block.text, self.vocabulary)
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
        self._read_dates_elsewhere()
        self._keep_other_sections()

    def _read_options(self) -> None:
        decision = self.decision
        parts = self.parts
        vocabulary = self.vocabulary
        chosen = self._find_chosen()
        pros = parts.get("pros")
        pros_titles = [
            plain(child.title)
            for child in (pros.children if pros is not None else [])
            if plain(child.title) and not is_placeholder(child.title)
        ]
        if "options" in parts:
            candidates = read_options(self._options_section(parts["options"]), vocabulary)
            decision.options = pick_options(candidates, pros_titles, chosen)
            decision.lines[Line.OPTIONS] = parts["options"].line
            decision.lines[Line.OPTIONS_END] = parts["options"].end
        if not decision.options and pros is None:
            skipped = [
                part
                for name, part in parts.items()
                if name.split("@")[0]
                in ("drivers", "consequences", "confirmation", "links", "more", "metadata")
            ]
            decision.options = options_outside(self.root, vocabulary, skipped)
        if pros is not None:
            decision.lines[Line.PROS] = pros.line
            derived = not decision.options
            titles = [option.title for option in decision.options]
            previous: Option | None = None
            for child in pros.children:
                title = plain(child.title)
                if not title or is_placeholder(child.title) or NOT_AN_OPTION.match(title):
                    continue
                if vocabulary.section(child.key) == "pros":
                    continue  # `### Pros and Cons`: a summary of them all, not an option's
                if label_polarity(title) is not None:
                    # `#### Pros` beside `#### X` (not under it): the arguments of the option
                    # above it, not an option.
                    if previous is not None:
                        holder = Part(previous.title, child.level, child.line, child.end)
                        holder.children.append(child)
                        read_arguments(holder, previous, vocabulary)
                    continue
                if derived:
                    decision.options.append(Option(title=title, line=child.line))
                    index: int | None = len(decision.options) - 1
                else:
                    index = match_option(title, titles)
                    if index is None:
                        index = _numbered(title, decision.options)
                    if index is None:  # `### Formless — No conventions …` for `Formless`
                        index = match_option(clean_option_title(child.title)[0], titles)
                if index is None:
                    self.report(
                        Code.UNKNOWN_OPTION,
                        child.line,
                        f"'{title}' under Pros and Cons is not among the considered options",
                    )
                    previous = None
                    continue
                previous = decision.options[index]
                read_arguments(child, previous, vocabulary)
        seen: dict[str, int] = {}
        for option in decision.options:
            key = " ".join(option.title.casefold().split()).strip(" .,;:")  # `%` and `&` differ
            if key in seen:
                self.report(
                    Code.DUPLICATE_OPTION,
                    option.line,
                    f"option '{option.title}' is listed twice (first on line {seen[key]})",
                )
            else:
                seen[key] = option.line or 0
        self._resolve_chosen(chosen)

    def _options_section(self, first: Part) -> Part:
        """The options section, with the sections after it that repeat its heading
        (`## Optionen` once per option) and the option headings beside it joined to it."""
        repeats: list[Part] = []
        beside: list[Part] = []
        for part in self.root.walk():
            if part is not first and part.key == first.key and part.level == first.level:
                repeats.append(part)
            for at, child in enumerate(part.children):
                if child is first:
                    beside = _options_beside(first, part.children[at + 1 :])
        if not repeats and not beside:
            return first
        joined = replace(first, blocks=list(first.blocks), children=list(first.children))
        for part in repeats:
            joined.blocks += part.blocks
            joined.children += part.children
        joined.children += beside
        return joined

    def _find_chosen(self) -> Chosen | None:
        outcome = self.parts.get("outcome")
        chosen = read_chosen(outcome, self.vocabulary) if outcome is not None else None
        if chosen is None:
            chosen = read_chosen(self.root, self.vocabulary)
        return chosen

    def _rejected_alternatives(self) -> bool:
        """`## Betrachtete Alternativen` after the decision: the ones not taken, so a sentence
        of the decision that sounds like one of them does not choose it."""
        listed = self.parts.get("options")
        outcome = self.parts.get("outcome")
        return (
            listed is not None
            and outcome is not None
            and listed.line > outcome.line
            and (
                "alternativ" in listed.key
                or listed.key.startswith("other")
                or any(word in listed.key for word in _ALTERNATIVES_WORDS)
            )
        )

    def _proposal(self) -> Part | None:
        """`## Proposal` in a record written as a request for comments: where it says which
        option it takes when the record has no outcome section."""
        return next(
            (part for part in self.root.walk() if part.level and part.key in _PROPOSAL_HEADINGS),
            None,
        )

    def _resolve_chosen(self, chosen: Chosen | None) -> None:
        decision = self.decision
        options = decision.options
        titles = [option.title for option in options]
        marked = [index for index, option in enumerate(options) if option.chosen]
        if chosen is not None and chosen.unfilled:
            # `Chosen option: "[option 3]"` where the options are written `[option 3]: X`.
            labelled = [i for n in chosen.numbers for i, o in enumerate(options) if o.number == n]
            if len(labelled) == 1:
                options[labelled[0]].chosen = True
                decision.chosen = options[labelled[0]].title
                decision.lines[Line.CHOSEN] = chosen.line
                decision.found["chosen"] = "stated"
            return
        if chosen is None:
            outcome = self.parts.get("outcome") or self._proposal()
            found = marked
            how = "marked"
            if not found and options:
                found, how = self._decision_line(titles), "stated"
            if not found and outcome is not None and options:
                found, how = chosen_in_prose(outcome, titles, [o.number for o in options]), "prose"
            if not found and decision.title and len(options) >= 2 and not _undecided(outcome):
                found, how = chosen_in_title(decision.title, titles), "title"
            if how != "marked" and self._rejected_alternatives():
                found = []
            for index in found:
                options[index].chosen = True
            if found:
                decision.chosen = _chosen_text([options[index].title for index in found])
                decision.found["chosen"] = how
            return
        decision.justification = chosen.justification
        decision.lines[Line.CHOSEN] = chosen.line
        decision.found["chosen"] = "stated"
        if not options:
            decision.chosen = chosen.title or None
            return
        numbered = (_index_of(number, options) for number in chosen.numbers)
        indexes = [index for index in numbered if index is not None]
        spanned = [_exact(span, titles) for span in chosen.spans]
        named = [index for index in spanned if index is not None]
        if not indexes and len(named) >= 2 and len(set(named)) == len(spanned):
            indexes = named
        if not indexes:
            for name in [chosen.title, *chosen.names]:
                matched = match_option(name, titles) if name else None
                if matched is not None:
                    indexes = [matched]
                    break
        if not indexes and norm(chosen.title) in _ALL_OPTIONS:
            indexes = list(range(len(options)))  # `Chosen option: "All considered options"`
        if not indexes and marked:
            indexes = marked
        unquoted = not chosen.quoted
        for index in indexes:
            options[index].chosen = True
        if len(indexes) == 1:
            decision.chosen = options[indexes[0]].title
        elif indexes:
            written = chosen.title if not _QUOTE_MARKS.intersection(chosen.title) else ""
            decision.chosen = written or _chosen_text([options[i].title for i in indexes])
        elif chosen.quoted and chosen.title and self._decision_first():
            # log4brains' decision first: `Chosen option: "X"`, then only the alternatives that
            # were not chosen. X is an option too.
            options.insert(0, Option(title=chosen.title, line=chosen.line, chosen=True))
            decision.chosen = chosen.title
        else:
            decision.chosen = chosen.title or None
            message = f"chosen option '{chosen.title}' is not among the considered options"
            # Written in other words than the option's (unquoted, or sharing words with one):
            # a reading, not a fact.
            uncertain = unquoted or shares_words(chosen.title, titles)
            # `## Scoping Considered Options`, `## Naming Considered Options`: several sets of
            # options, of which the reader took one.
            groups = [p for p in self.root.walk() if p.level and _OPTIONS_GROUP.search(p.key)]
            uncertain = uncertain or len(groups) >= 2
            if uncertain:
                message += " (it may name one in other words)"
            problem = diagnostic(Code.UNKNOWN_CHOSEN_OPTION, decision.file, chosen.line, message)
            self.problems.append(replace(problem, severity=Severity.INFO) if uncertain else problem)

    def _decision_line(self, titles: list[str]) -> list[int]:
        """`Entscheid: **Falcon mit Commits**` under the title: the option it names."""
        blocks = list(self.root.blocks)
        if self.title_part is not None:
            blocks += self.title_part.blocks
        for block in blocks:
            if block.kind != "paragraph":
                continue
            for line in block.text.split("\n"):
                labelled = _DECISION_LINE.match(line)
                index = match_option(plain(labelled[1].rstrip()), titles) if labelled else None
                if index is not None:
                    return [index]
        return []

    def _decision_first(self) -> bool:
        """The outcome comes before the considered options."""
        outcome = self.parts.get("outcome")
        listed = self.decision.lines.get(Line.OPTIONS)
        return outcome is not None and listed is not None and outcome.line < listed

    def _read_consequences(self) -> None:
        consequences = Consequences()
        for key, part in self.parts.items():
            if key.startswith("consequences@"):
                polarity = CONSEQUENCES.get(part.key)
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
                        kind = _verb_kind(text, self.vocabulary)
                        decision.relations.append(
                            Relation(kind, href, line, leading_verb(text) or kind.value)
                        )

    def _relation_from_text(self, text: str, line: int, *, require_link: bool) -> None:
        verb = relation_verb(text, self.vocabulary)
        if verb is None:
            return
        for target in relation_targets(text[len(verb[1]) :] if not require_link else text):
            self.decision.relations.append(Relation(verb[0], target, line, verb[1]))

    def _read_dates_elsewhere(self) -> None:
        """No date field: a changelog's first entry, else the date in the file's name."""
        decision = self.decision
        if decision.date is not None:
            return
        changelog = self.parts.get("changelog")
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
                    self.report(Code.AMBIGUOUS_DATE, line, f"'{ambiguous}' was read as {iso}")
                return
        status = self.fields.get("status")
        # `Accepted — 2026-05-18` dates the decision; `Superseded by … (2026-05-29)` and a
        # banner's `UPDATE (2026-07-11)` date something that happened to it later.
        stated = (
            status is not None and status.source != "banner" and decision.status != "superseded"
        )
        written = self.lines[status.line - 1] if status and status.line and stated else ""
        said = _ISO_DAY.search(written)
        if status is not None and said is not None and read_date(said[0]).iso is not None:
            decision.date = read_date(said[0]).iso  # `Status: Accepted — 2026-05-18`
            decision.lines[Line.DATE] = status.line or 0
            decision.found["date"] = "status"
            return
        closing = self._date_line_below()
        if closing is not None and self._read_date(closing):
            return
        named = self._name_date()  # `2023-01-25-x`, or `20230125-x` as log4brains names
        if named is not None:
            decision.date = named.isoformat()
            decision.found["date"] = "file-name"

    def _keep_other_sections(self) -> None:
        known = {id(part) for part in self.parts.values()}
        candidates = list(self.title_part.children) if self.title_part else []
        candidates += [part for part in self.root.children if part is not self.title_part]
        for part in candidates:
            if id(part) in known or self.vocabulary.section(part.key) is not None:
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
            partial = isinstance(found.value, str) and is_partial(found.value)
            for target in self._relation_values(found):
                decision.relations.append(Relation(kind, target, found.line, found.source, partial))
        self._read_prose_relations()

    def _read_prose_relations(self) -> None:
        """Relations stated in sentences (`This ADR in part supersedes [0003](…)`, `We decided
        to supersede [ADR-1](…)`), and links or mentions of other records (`see ADR-0004`),
        which relate to them. Mentions that name no record are dropped when the records are
        joined (`Relation.stated` is False)."""
        decision = self.decision
        stated = {(r.kind, r.target) for r in decision.relations}
        linked = {r.target for r in decision.relations}
        for text, line in _prose_runs(self.root, self.title_part):
            if line in self.field_lines or (text.lstrip()[:1] in "[{" and is_placeholder(text)):
                continue
            if "`" in text:  # code is quoted, not stated: `superseded by [ADR-5](5-example.md)`
                text = replace_code_spans(text, lambda _: " ")
            if ANY_VERB.search(text.lower()) is not None:
                # A line that starts with a verb states a relation (`Remplace l'[ADR #18](…)`);
                # in a sentence, only a supersede verb does.
                prose = relation_verb(text, self.vocabulary) is None
                said = relation_statements(text, self.vocabulary, prose=prose)
                for kind, target, partial in said:
                    if (kind, target) not in stated:
                        decision.relations.append(Relation(kind, target, line, "prose", partial))
                        stated.add((kind, target))
                        linked.add(target)
                    superseded = kind is RelationKind.SUPERSEDED_BY and not partial
                    if superseded and not prose and decision.status is None:
                        self._superseded_line(text, line)
            hrefs = [href for _, href, _ in links(text)]
            if "]:" in text:
                hrefs += _REFERENCE_DEFINITION.findall(text)
            for href in hrefs:
                if href and href not in linked and _is_record_link(href):
                    decision.relations.append(
                        Relation(RelationKind.RELATES_TO, href, line, "link", stated=False)
                    )
                    linked.add(href)
            if "](" in text:
                text = re.sub(r"\[[^\[\]]*\]\([^)]*\)", " ", text)
            text = text.translate(NON_ASCII_HYPHENS)  # `ADR‑0004` (U+2011) names record 4
            renumbered = _RENUMBERED.search(text) is not None  # its own former number
            mentions = "AD" in text or "DR" in text
            for match in _MENTION.finditer(text) if mentions and not renumbered else ():
                target = f"ADR-{match[1]}"
                if target not in linked:
                    decision.relations.append(
                        Relation(RelationKind.RELATES_TO, target, line, "mention", stated=False)
                    )
                    linked.add(target)

    def _superseded_line(self, text: str, line: int) -> None:
        """`SUPERSEDED BY [ADR: Styling](…)` on a line of its own, in a record that states no
        status: the status it states."""
        decision = self.decision
        decision.status = "superseded"
        decision.status_text = read_status(text, self.vocabulary).text
        decision.lifecycle = self.vocabulary.lifecycle("superseded")
        decision.lines[Line.STATUS] = line
        decision.found["status"] = "prose"

    def _relation_values(self, found: Field) -> list[str]:
        value = found.value
        values: Iterable[object] = value if isinstance(value, list) else [value]
        targets: list[str] = []
        for entry in values:
            if isinstance(entry, bool) or entry is None:
                continue
            if isinstance(entry, (int, float)):
                targets.append(str(entry))
            elif isinstance(entry, str) and re.fullmatch(r"[\w./:#-]*\w[\w./:#-]*", entry.strip()):
                if _names_record(entry):  # `platform/0001`, `../platform/0001-x.md`, `0005`
                    targets.append(entry.strip())
            elif isinstance(entry, str) and _NOTHING.match(plain(entry).lstrip("*_ ")):
                continue  # `Supersedes: nothing.`, `N/A (merges 0041 and 0043)`
            elif isinstance(entry, str) and not is_placeholder(entry):
                verb = relation_verb(entry, self.vocabulary) if found.source == "section" else None
                if verb is not None:
                    entry = entry[len(verb[1]) :]
                found_targets = relation_targets(entry)
                if found_targets:
                    targets += found_targets
                else:
                    targets += [t.strip() for t in entry.split(",") if _names_record(t)]
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
        if line is None or self.decision.found.get("chosen") != "stated":
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
        # `Status: extended by [ADR-16](…)` states a relation where the status goes: not a
        # missing status, though no status word is read from it.
        stated = any(relation.label == "status" for relation in decision.relations)
        if decision.status is None and not stated:
            line = decision.lines.get(Line.TITLE, 1)
            self.report(Code.MISSING_STATUS, line, "no status is stated")


_OPTION_HEADING = re.compile(rf"^{OPTION_WORD}\s*#?(?:\d+[a-z]?|[a-z])\b", re.IGNORECASE)
"""`Option 2:`, `Option 2A`, `Solution B`: a heading that numbers an option."""


def _options_beside(first: Part, after: list[Part]) -> list[Part]:
    """`## Solutions considered`, then `## Option 1: X`, `## Option 2: Y` beside it (`after`):
    the options, written at the level of their section, as sections under it."""
    found: list[Part] = []
    for part in after:
        if not _OPTION_HEADING.match(plain(part.title)):
            break
        found.append(replace(part, level=first.level + 1))
    # One is enough after options written one level down: `## Alternative 3` for `###`.
    numbered = sum(1 for child in first.children if _OPTION_HEADING.match(plain(child.title)))
    return found if len(found) >= 2 or (found and numbered >= 2) else []


_RENUMBERED = re.compile(r"\brenumbered from\b", re.IGNORECASE)
"""`Renumbered from ADR-010 to ADR-011`: a note on the record's own number, no relation."""


_DECISION_LINE = re.compile(
    r"^\s*(?:\*\*|__)?(?:entscheid|entscheidung)(?:\*\*|__)?\s*:\s*(\S.*)$", re.IGNORECASE
)
"""`Entscheid: **X**`, a line of the preamble that states the decision (it chooses only an
option it names)."""


_ALTERNATIVES_WORDS = ("代替案", "备选方案", "대안")
"""`Alternatives` in other scripts (`alternativ` covers the Latin ones)."""


_GENERIC_TITLE_WORDS = frozenset(
    {"architecture", "architectural", "decision", "decisions", "record", "records", "adr", "any"}
)


def _generic_title(title: str) -> bool:
    """`Architecture Decision Record (ADR)`: a heading every record of a folder shares."""
    words = re.findall(r"\w+", plain(title).lower())
    return bool(words) and all(word in _GENERIC_TITLE_WORDS for word in words)


_PLANNED = re.compile(r"\b(?:once|when|will|planned|pending|after|until|later)\b", re.IGNORECASE)
"""`Superseded by [12](…) once the migration finishes`: not yet."""


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
        and not _PLANNED.search(str(field.value))
    ]
    if not later or is_placeholder(str(status.value)):
        return found  # a template's `{proposed | accepted}` over its example relation
    return [
        replace(later[0], name="status") if field is status else field
        for field in found
        if field is not later[0]
    ]


def _promote_bold_headings(root: Part, vocabulary: Vocabulary) -> None:
    """`**Considered Options**` alone on a line, where a heading would be: a section."""
    for part in list(root.walk()):
        cuts = [
            index
            for index, block in enumerate(part.blocks)
            if block.kind == "paragraph"
            and ("**" in block.text or "__" in block.text)
            and "\n" not in block.text.strip()
            and _BOLD_LINE.fullmatch(block.text)
            and vocabulary.section(heading_key(block.text)) not in (None, "metadata")
        ]
        if not cuts:
            continue
        first_child = part.children[0].line if part.children else part.end
        made = []
        for number, cut in enumerate(cuts):
            block = part.blocks[cut]
            upto = cuts[number + 1] if number + 1 < len(cuts) else len(part.blocks)
            end = part.blocks[upto].line if upto < len(part.blocks) else first_child
            title = plain(block.text).strip(" :")
            made.append(
                Part(
                    title,
                    part.level + 1,
                    block.line,
                    end,
                    part.blocks[cut + 1 : upto],
                    [],
                    heading_key(title),
                )
            )
        part.blocks = part.blocks[: cuts[0]]
        part.children = made + part.children


def _chosen_text(titles: list[str]) -> str:
    return titles[0] if len(titles) == 1 else " and ".join(titles)


def _exact(name: str, titles: list[str]) -> int | None:
    wanted = norm(name)
    return next((index for index, title in enumerate(titles) if norm(title) == wanted), None)


def _index_of(number: int, options: list[Option]) -> int | None:
    """The option a number names: the one that carries it, else the one at that place."""
    for index, option in enumerate(options):
        if option.number == number:
            return index
    if any(option.number is not None for option in options):
        return None
    return number - 1 if 0 < number <= len(options) else None


def _numbered(title: str, options: list[Option]) -> int | None:
    """`[option 2] - shortened title`, `Option 2: …`, `2. …` under Pros and Cons."""
    match = re.match(r"^\[?\s*(?:option|alternative)?\s*(\d+)\s*\]?\s*[-–—:.)]", title, re.I)
    if match is None:
        return None
    number = small_number(match[1])
    return _index_of(number, options) if number is not None else None


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


def _names_record(text: str) -> bool:
    """Whether a relation value names a record (`0005`, `ADR-5`, `platform/0001`, a file) and
    not a placeholder, a pull request or a feature (`N/A`, `https://…/pull/23`)."""
    value = plain(text).strip()
    if not value or re.fullmatch(r"(?:n/?a|none|-+|tbd|—)", value, re.I):
        return False
    if value.startswith(("http://", "https://")):
        return bool(re.search(r"\.(?:md|markdown)(?:#.*)?$", value))
    return bool(re.search(r"\d", value)) or value.lower().endswith((".md", ".markdown"))


def _is_reference_definition(text: str) -> bool:
    """`[0021]: ./0021-x.md`, a link definition in a Status section, is not its value."""
    return re.match(r"^\s*\[[^\]]+\]:\s*\S+", text) is not None


def _prose_runs(root: Part, title: Part | None) -> list[tuple[str, int]]:
    """Every paragraph, list item and table row of the body, with its line (code is not
    prose)."""
    found: list[tuple[str, int]] = []
    for part in root.walk():
        for block in part.blocks:
            if block.kind == "paragraph":
                found.append((_blank_comments(block.text), block.line))
            elif block.kind == "table" and not _lists_alternatives(block):
                # `| final | 2024/07/17 | Deprecated for ADR-37 |`
                found.extend(
                    (" ; ".join(row), block.line + index + (1 if index else 0))
                    for index, row in enumerate(block.rows)
                )
            elif block.kind == "list":
                stack = list(reversed(block.items))
                while stack:
                    item = stack.pop()
                    found.append((strip_comments(item.text), item.line))
                    stack.extend(reversed(item.children))
    return found


def _lists_alternatives(table: Block) -> bool:
    """`| Alternative | Why rejected |`: its rows name what was not done (`Amend ADR-2`)."""
    header = table.rows[0][0] if table.rows and table.rows[0] else ""
    return fold(plain(header)).rstrip("s") in ("alternative", "option", "rejected alternative")


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


def _verb_kind(text: str, vocabulary: Vocabulary) -> RelationKind:
    verb = relation_verb(text, vocabulary)
    return verb[0] if verb else RelationKind.RELATES_TO


__all__ = ["MAX_CHARS", "Diagnostic", "parse_decision"]
