"""Read one decision record, in any dialect and language, into a `Decision`.

`parse_decision` never raises on content: whatever it cannot read becomes a diagnostic, and a
value the file does not state stays empty (a missing status is None, not "accepted"). Where a
value was found is kept in `Decision.found` (a key, a section, a changelog, the file name …).
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..diagnostics import Code, Diagnostic, diagnostic
from ..identity import identify, is_folder_file
from ..model import Consequences, Decision, Dialect, KeptSection, Line, RelationKind
from ..text import heading_key, is_placeholder, plain, strip_comments
from .arguments import read_consequences, read_inline_consequences
from .choice import read_options_and_chosen
from .fields import Field, fields_from_blocks, is_metadata_paragraph, split_key_value
from .front_matter import FrontMatter, read_front_matter
from .metadata import collect_fields, read_dates_elsewhere, read_metadata
from .outline import Part, parse_outline
from .outline_blocks import Block
from .relations import read_links, read_relations
from .state import ReadState
from .status import relation_line, relation_verb
from .titles import strip_number, title_banner
from .vocabulary import CONSEQUENCES, DEFAULT, Vocabulary

MAX_CHARS = 1_000_000
"""Above this size only the head of a file is parsed (its metadata and first sections)."""

_ONLY_A_TARGET = re.compile(
    r"[\s*_]*(?:\[[^\]]*\]\([^)\s]*\)|(?:ADR|RFC|DR|AD)[-_ #]?\d+)[\s*_]*[.!]?\s*", re.IGNORECASE
)
_IGNORE = re.compile(r"<!--\s*madr-ignore:([^>]*?)-->")
_BOLD_LINE = re.compile(r"\s*(\*\*|__)[^*_]+\1\s*(?::\s*)?")


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


def _shortened(heading: str, front_title: str) -> bool:
    """The heading is the start of the front matter's longer title."""
    short, full = " ".join(heading.split()).lower(), " ".join(front_title.split()).lower()
    return len(full) > len(short) + 3 and full.startswith(short) and not full[len(short)].isalnum()


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


class _Reader(ReadState):
    """One parse: the steps that fill in a `Decision`, in their order."""

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
        collect_fields(self, front, preamble)
        self._title_from_fields()
        self._read_banner()
        read_metadata(self)
        self._read_body(preamble)
        read_relations(self)
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
        children = root.children
        # (a stub whose only heading is `# Superseded by ADR-9` keeps it as its title)
        banner = children[0] if len(children) > 1 and self._is_banner_heading(children[0]) else None
        if banner is not None:
            self.banner = banner
            preamble += banner.blocks
            children = children[1:]
        first = children[0] if children else None
        title_part: Part | None = None
        if (
            first is not None
            and first.level == 1
            and not self._h1s_are_sections(children, root.blocks, front)
        ) or (
            first is not None
            and not any(part.level == 1 for part in children)
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

    def _is_banner_heading(self, part: Part) -> bool:
        """`# SUPERSEDED BY [RFC 12](./0012-x.md).`: a heading that only names a successor."""
        if part.level != 1 or relation_line(part.title) is not RelationKind.SUPERSEDED_BY:
            return False
        verb = relation_verb(part.title)
        rest = part.title.lstrip(" *_")[len(verb[1]) :] if verb is not None else part.title
        return _ONLY_A_TARGET.fullmatch(rest) is not None

    def _h1s_are_sections(
        self, children: list[Part], preamble: list[Block], front: FrontMatter
    ) -> bool:
        """`# Summary`, `# Motivation`, `# Alternatives`: sections written as H1s under a
        metadata table that names the record (`| Feature Name | Monitor Mode |`), as Rust-style
        RFC templates do; the first H1 is then no title."""
        known = [p for p in children if p.level == 1 and self.vocabulary.section(p.key)]
        if len(known) < 2 or known[0] is not children[0]:
            return False
        found = fields_from_blocks(preamble, self.lines, self.vocabulary)
        return isinstance(front.data.get("title"), str) or any(f.name == "title" for f in found)

    def _read_banner(self) -> None:
        """`# SUPERSEDED BY [RFC 12](…).` over a record kept for history: the status, unless a
        status is stated (`| State | **REJECTED** |`), then the relation only."""
        if self.banner is None:
            return
        found = Field("status", self.banner.title, self.banner.line, "banner")
        if "status" in self.fields:
            self.relation_fields.append(replace(found, name=RelationKind.SUPERSEDED_BY.value))
        else:
            self.fields["status"] = found

    def _title_from_fields(self) -> None:
        """No title heading: a `title` (`Feature Name`) of a metadata table or line."""
        found = self.fields.get("title")
        if self.decision.title is not None or found is None or found.source == "front-matter":
            return
        text = plain(str(found.value)).strip() if found.value is not None else ""
        if text and not is_placeholder(text):
            self.decision.title = self._strip_number(text)
            self.decision.lines[Line.TITLE] = found.line or 1
            self.decision.found["title"] = found.source

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
        read_options_and_chosen(self)
        self._read_consequences()
        if "confirmation" in parts:
            decision.confirmation = self._content(parts["confirmation"])
        read_links(self)
        read_dates_elsewhere(self)
        self._keep_other_sections()

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


_GENERIC_TITLE_WORDS = frozenset(
    {"architecture", "architectural", "decision", "decisions", "record", "records", "adr", "any"}
)


def _generic_title(title: str) -> bool:
    """`Architecture Decision Record (ADR)`: a heading every record of a folder shares."""
    words = re.findall(r"\w+", plain(title).lower())
    return bool(words) and all(word in _GENERIC_TITLE_WORDS for word in words)


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


__all__ = ["MAX_CHARS", "Diagnostic", "parse_decision"]
