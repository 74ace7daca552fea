"""Relations a record states to other records: in relation fields and Status lines, in
links sections, in sentences (`This ADR in part supersedes [0003](…)`), and by links to or
mentions of other records (`see ADR-0004`), which relate to them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..identity import identify
from ..model import Line, Link, Relation, RelationKind
from ..text import (
    NON_ASCII_HYPHENS,
    is_placeholder,
    links,
    plain,
    replace_code_spans,
    strip_comments,
)
from .fields import Field, split_key_value
from .outline import Part
from .outline_blocks import Block
from .state import ReadState
from .status import is_partial, leading_verb, read_status, relation_targets, relation_verb
from .status import statements as relation_statements
from .vocabulary import ANY_VERB, Vocabulary, fold

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


_REFERENCE_DEFINITION = re.compile(r"^ {0,3}\[[^\]]+\]:[ \t]*<?([^\s>]+)>?", re.MULTILINE)


_MENTION = re.compile(
    r"(?<![0-9A-Za-z_/.-])(?:ADR|ADD|AD|DR)(?:[-_ ]|:(?=\d))?#?(\d{1,5})"
    r"(?![0-9A-Za-z_]|\s?[〜～~]\s?\d)"
)
"""`ADR-0005`, `ADR:0011`, also in text that runs on without spaces (`ADR-018により`); not the
first of a range (`ADR-001〜009`, the records written so far)."""


def _is_record_link(href: str) -> bool:
    if _RECORD_LINK.match(href):
        return True
    if _WEB_RECORD.match(href) is None:
        return False
    name = href.split("#", 1)[0].rstrip("/").rsplit("/", 1)[-1]
    return identify(name).number is not None


_NOTHING = re.compile(
    r"\s*(?:nothing|none|n/a|nil|keine|aucune?|rien|ninguno|nenhum|nessuno|geen)\b", re.IGNORECASE
)
"""A relation field that names no record, whatever numbers its remark mentions."""


_RENUMBERED = re.compile(r"\brenumbered from\b", re.IGNORECASE)
"""`Renumbered from ADR-010 to ADR-011`: a note on the record's own number, no relation."""


def _template_line(text: str, vocabulary: Vocabulary) -> bool:
    """`* Status: [proposed | … | superseded by [ADR-0005](0005-example.md)]`, a template's line
    left in a section: its example relation is none."""
    pair = split_key_value(text.strip().lstrip("-*+ "), vocabulary)
    return pair is not None and is_placeholder(strip_comments(pair[1]).strip())


_NAME_WORDS = 3
"""At most this many words in one record's name in a relation value (`ADR 5`, `0005-x.md`)."""


def _names_record(text: str) -> bool:
    """Whether a relation value names a record (`0005`, `ADR-5`, `platform/0001`, a file) and
    not a placeholder, a pull request or a feature (`N/A`, `https://…/pull/23`)."""
    value = plain(text).strip()
    if not value or re.fullmatch(r"(?:n/?a|none|-+|tbd|—)", value, re.I):
        return False
    if value.startswith(("http://", "https://")):
        return bool(re.search(r"\.(?:md|markdown)(?:#.*)?$", value))
    return bool(re.search(r"\d", value)) or value.lower().endswith((".md", ".markdown"))


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
                found.extend(_item_lines(block))
    return found


def _item_lines(block: Block) -> list[tuple[str, int]]:
    """Every item of a list, nested ones too, in document order, with its line."""
    found: list[tuple[str, int]] = []
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
                found.extend(_item_lines(block))
    return found


def _blank_comments(text: str) -> str:
    """Remove HTML comments but keep their line breaks, so line numbers stay right."""
    if "<!--" not in text:
        return text
    return _COMMENT.sub(lambda match: "\n" * match[0].count("\n"), text)


def _verb_kind(text: str, vocabulary: Vocabulary) -> RelationKind:
    verb = relation_verb(text, vocabulary)
    return verb[0] if verb else RelationKind.RELATES_TO


def read_links(state: ReadState) -> None:
    decision = state.decision
    for name in ("links", "more"):
        part = state.parts.get(name)
        if part is None:
            continue
        for text, line in _logical_lines(part):
            found = links(text)
            if name == "links" and not found and plain(text) and not is_placeholder(text):
                decision.links.append(Link(plain(text), "", "", line))
                _relation_from_text(state, text, line, require_link=False)
                continue
            for label, href, _ in found:
                decision.links.append(Link(label, href, leading_verb(text), line))
                if _LOCAL_TARGET.match(href):
                    kind = _verb_kind(text, state.vocabulary)
                    decision.relations.append(
                        Relation(kind, href, line, leading_verb(text) or kind.value)
                    )


def _relation_from_text(state: ReadState, text: str, line: int, *, require_link: bool) -> None:
    verb = relation_verb(text, state.vocabulary)
    if verb is None:
        return
    for target in relation_targets(text[len(verb[1]) :] if not require_link else text):
        state.decision.relations.append(Relation(verb[0], target, line, verb[1]))


def read_relations(state: ReadState) -> None:
    decision = state.decision
    for found in state.relation_fields:
        kind = RelationKind(found.name)
        if found.source == "section" and isinstance(found.value, str):
            status_links(state, found.value, found.line)
        partial = found.partial or (isinstance(found.value, str) and is_partial(found.value))
        for target in _relation_values(state, found):
            decision.relations.append(Relation(kind, target, found.line, found.source, partial))
    _read_prose_relations(state)


def _read_prose_relations(state: ReadState) -> None:
    """Relations stated in sentences (`This ADR in part supersedes [0003](…)`, `We decided
    to supersede [ADR-1](…)`), and links or mentions of other records (`see ADR-0004`),
    which relate to them. Mentions that name no record are dropped when the records are
    joined (`Relation.stated` is False)."""
    decision = state.decision
    stated = {(r.kind, r.target) for r in decision.relations}
    linked = {r.target for r in decision.relations}
    for text, line in _prose_runs(state.root, state.title_part):
        if line in state.field_lines or (text.lstrip()[:1] in "[{" and is_placeholder(text)):
            continue
        if "|" in text and _template_line(text, state.vocabulary):
            continue
        if "`" in text:  # code is quoted, not stated: `superseded by [ADR-5](5-example.md)`
            text = replace_code_spans(text, lambda _: " ")
        if ANY_VERB.search(text.lower()) is not None:
            # A line that starts with a verb states a relation (`Remplace l'[ADR #18](…)`);
            # in a sentence, only a supersede verb does.
            prose = relation_verb(text, state.vocabulary) is None
            said = relation_statements(text, state.vocabulary, prose=prose)
            for kind, target, partial in said:
                if (kind, target) not in stated:
                    decision.relations.append(Relation(kind, target, line, "prose", partial))
                    stated.add((kind, target))
                    linked.add(target)
                superseded = kind is RelationKind.SUPERSEDED_BY and not partial
                if superseded and not prose and decision.status is None:
                    _superseded_line(state, text, line)
        found = [(shown, href) for shown, href, _ in links(text)]
        if "]:" in text:
            found += [("", href) for href in _REFERENCE_DEFINITION.findall(text)]
        for shown, href in found:
            if href and href not in linked and _is_record_link(href):
                label = "numbered link" if _same_number(shown, href) else "link"
                decision.relations.append(
                    Relation(RelationKind.RELATES_TO, href, line, label, stated=False)
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


def _same_number(shown: str, href: str) -> bool:
    """`[ADR-103 Fees](adr-103-fees-gas.md)`: the link's text names the number its file has."""
    named = _MENTION.search(shown)
    digits = re.findall(r"\d+", href.split("#", 1)[0].rsplit("/", 1)[-1])
    return named is not None and len(digits) == 1 and int(digits[0]) == int(named[1])


def _superseded_line(state: ReadState, text: str, line: int) -> None:
    """`SUPERSEDED BY [ADR: Styling](…)` on a line of its own, in a record that states no
    status: the status it states."""
    decision = state.decision
    decision.status = "superseded"
    decision.status_text = read_status(text, state.vocabulary).text
    decision.lifecycle = state.vocabulary.lifecycle("superseded")
    decision.lines[Line.STATUS] = line
    decision.found["status"] = "prose"


def _relation_values(state: ReadState, found: Field) -> list[str]:
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
            verb = relation_verb(entry, state.vocabulary) if found.source == "section" else None
            if verb is not None:
                entry = entry[len(verb[1]) :]
            found_targets = relation_targets(entry)
            if found_targets:
                targets += found_targets
            else:
                # `0005, 0007`: names alone (not a sentence about a thing that holds a number)
                named = [t.strip() for t in entry.split(",") if len(t.split()) <= _NAME_WORDS]
                targets += [t for t in named if _names_record(t)]
    return targets


def status_links(state: ReadState, text: str, line: int | None) -> None:
    verb = leading_verb(text)
    for label, href, _ in links(strip_comments(text)):
        state.decision.links.append(Link(label, href, verb, line))
