"""Adding a relation line (`Supersedes …`, `Amends …`) to a record, in its own dialect.

* Nygard (adr-tools): a `Verb [5. Title](0005-x.md)` line at the end of the `## Status`
  section; a record that keeps its status on a `**Status**: …` line gets a `**Verb**: …` line
  under it, in the same style.
* MADR 1/2 and log4brains: a `* Verb [ADR-0005](0005-x.md)` item in `## Links`.
* MADR 3/4: a `* Verb [ADR-0005](0005-x.md)` item in `## More Information`.

A missing section is added at the end of the record (for Nygard, before the first section).
"""

from __future__ import annotations

from ..core.model import Decision, Dialect, Line, RelationKind
from ..core.parse.fields import split_key_value
from ..core.parse.status import relation_verb
from .document import Document
from .layout import (
    EditError,
    bullet_of_block,
    find_section,
    last_content,
    split_metadata_line,
    title_heading,
)
from .markdown_text import link_text
from .references import Reference
from .status_edit import insert_section

_LINKS = {"links", "references", "related decisions", "related adrs", "see also"}
_MORE = {"more information", "additional information"}
_STATUS = {"status"}


def add_relation(document: Document, decision: Decision, verb: str, target: Reference) -> list[int]:
    """Add `verb target` to the record; returns the inserted line indexes (none if present)."""
    if _already_stated(decision, verb, target):
        return []
    if decision.dialect is Dialect.NYGARD:
        inserted = _nygard(document, decision, verb, target)
    else:
        names = _LINKS if decision.dialect in _LINK_DIALECTS else _MORE
        title = "Links" if decision.dialect in _LINK_DIALECTS else "More Information"
        default = "-" if decision.dialect is Dialect.LOG4BRAINS else "*"
        inserted = _list_item(
            document, names, title, default, f"{verb} [{link_text(target.label)}]({target.href})"
        )
    _verify(document, decision, verb, target)
    return inserted


_LINK_DIALECTS = (Dialect.MADR1, Dialect.MADR2, Dialect.LOG4BRAINS)


def _already_stated(decision: Decision, verb: str, target: Reference) -> bool:
    kind = _kind(verb)
    names = {target.href, target.label, target.identifier}
    return any(
        relation.kind is kind and relation.target in names for relation in decision.relations
    )


def _kind(verb: str) -> RelationKind:
    found = relation_verb(verb + " ")
    if found is not None:
        return found[0]
    return RelationKind.RELATES_TO


def _nygard(document: Document, decision: Decision, verb: str, target: Reference) -> list[int]:
    line = f"{verb} [{link_text(target.numbered_title)}]({target.href})"
    section = find_section(document, _STATUS)
    if section is not None:
        last = last_content(document, section)
        lines = ["", line]
        if last + 1 < len(document) and not document.is_blank(last + 1):
            lines.append("")
        document.insert(last + 1, lines)
        return list(range(last + 1, last + 1 + len(lines)))
    status_line = decision.lines.get(Line.STATUS)
    title = title_heading(document, decision)
    if (
        status_line is not None
        and 0 < status_line <= len(document)
        and (title is None or status_line - 1 != title.index)
    ):
        parts = split_metadata_line(document.lines[status_line - 1])
        if parts is not None and _is_status(document.lines[status_line - 1]):
            key_at = parts.prefix.find(parts.key)
            prefix = parts.prefix[:key_at] + verb + parts.prefix[key_at + len(parts.key) :]
            value = f"[{link_text(target.numbered_title)}]({target.href})"
            document.insert(status_line, [prefix + value + parts.suffix])
            return [status_line]
    return insert_section(document, decision, "Status", [line])


def _is_status(line: str) -> bool:
    stripped = line.lstrip(" \t")
    if stripped[:1] in "-*+" and stripped[1:2] in (" ", "\t"):
        stripped = stripped[2:].lstrip(" \t")
    pair = split_key_value(stripped)
    return pair is not None and pair[0] == "status"


def _list_item(
    document: Document, names: set[str], title: str, default: str, text: str
) -> list[int]:
    section = find_section(document, names)
    if section is None:
        at = len(document)
        lines = [f"## {title}", "", f"{default} {text}"]
        if at > 0 and not document.is_blank(at - 1):
            lines.insert(0, "")
        document.insert(at, lines)
        return list(range(at, at + len(lines)))
    last = last_content(document, section)
    bullet = bullet_of_block(document, last, section.last) if last > section.last else None
    lines = [f"{bullet} {text}"] if bullet else ["", f"{default} {text}"]
    if last + 1 < len(document) and not document.is_blank(last + 1):
        lines.append("")
    document.insert(last + 1, lines)
    return list(range(last + 1, last + 1 + len(lines)))


def _verify(document: Document, decision: Decision, verb: str, target: Reference) -> None:
    """The record must read as before, with the new relation when the parser knows the verb."""
    from ..core.parse.record import parse_decision

    again = parse_decision(document.to_bytes(), decision.file)
    if again.status != decision.status or again.title != decision.title:
        raise EditError("adding the link would change how the record reads; add it by hand")
    if relation_verb(verb + " ") is not None and not _already_stated(again, verb, target):
        raise EditError(f"the parser would not read the new '{verb}' line; add it by hand")
