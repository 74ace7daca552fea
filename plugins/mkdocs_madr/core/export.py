"""The JSON form of records, shared by `adr list --format json` and the site's decisions.json."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from typing import Any, TextIO

from .collection import Collection
from .diagnostics import Diagnostic
from .in_force import in_force
from .model import Decision, RelationKind
from .slim import slim
from .terminal import json_for_terminal

SCHEMA_VERSION = 1


def decision_to_dict(decision: Decision, collection: Collection) -> dict[str, Any]:
    """One record as plain JSON-ready data; `file` is relative to the decisions folder."""
    return {**record_fields(decision), **cross_fields(decision, collection)}


def cross_fields(decision: Decision, collection: Collection) -> dict[str, Any]:
    """What only the whole collection knows about a record: relations both ways, diagnostics."""
    return {
        "supersedes": decision.related(RelationKind.SUPERSEDES),
        "superseded_by": decision.related(RelationKind.SUPERSEDED_BY),
        "amends": decision.related(RelationKind.AMENDS),
        "amended_by": decision.related(RelationKind.AMENDED_BY),
        "relates_to": decision.related(RelationKind.RELATES_TO),
        "partly": [{"kind": kind.value, "key": key} for kind, key in decision.partly],
        "in_force": in_force(decision),
        "diagnostics": [d.to_dict() for d in collection.diagnostics_for(decision)],
        **team_fields(decision),
    }


def team_fields(decision: Decision) -> dict[str, Any]:
    """What the team keeps besides the model: declared fields, undeclared keys, review dates,
    and the history from Git (empty, and `recorded` null, without one)."""
    found: dict[str, Any] = {
        "fields": decision.fields,
        "extra": decision.extra,
        "review_by": decision.review_by,
        "revisit_when": decision.revisit_when,
        "reviewed": decision.reviewed,
    }
    found["recorded"] = decision.recorded
    found["changed"] = decision.changed
    found["history"] = [
        {"date": c.date, "status": c.status, "author": c.author, "commit": c.commit}
        for c in decision.history
    ]
    return found


def record_fields(decision: Decision) -> dict[str, Any]:
    """What one file says, without anything that needs the other records."""
    return {
        "id": decision.qualified_id,
        "key": decision.key,
        "source": decision.source,
        "number": decision.number,
        "category": decision.category,
        "file": decision.file,
        "slug": decision.slug,
        "title": decision.title,
        "status": decision.status,
        "status_text": decision.status_text,
        "lifecycle": decision.lifecycle,
        "date": decision.date,
        "deciders": decision.deciders,
        "consulted": decision.consulted,
        "informed": decision.informed,
        "tags": decision.tags,
        "c4": decision.c4,
        "technical_story": decision.technical_story,
        "format": decision.dialect.value,
        "context": decision.context,
        "drivers": decision.drivers,
        "options": [
            {
                "title": option.title,
                "description": option.description,
                "good": option.good,
                "neutral": option.neutral,
                "bad": option.bad,
                "chosen": option.chosen,
                "number": option.number,
                "line": option.line,
            }
            for option in decision.options
        ],
        "chosen": decision.chosen,
        "chosen_options": [option.title for option in decision.chosen_options],
        "justification": decision.justification,
        "consequences": {
            "good": decision.consequences.good,
            "neutral": decision.consequences.neutral,
            "bad": decision.consequences.bad,
        },
        "confirmation": decision.confirmation,
        "relations": [
            {
                "kind": relation.kind.value,
                "target": relation.target,
                "line": relation.line,
                "partial": relation.partial,
            }
            for relation in decision.relations
            if relation.stated
        ],
        "links": [
            {"text": link.text, "href": link.href, "verb": link.verb, "line": link.line}
            for link in decision.links
        ],
        "sections": [
            {"title": section.title, "line": section.line} for section in decision.sections
        ],
        "lines": decision.lines,
        "found": decision.found,
    }


def collection_to_dict(
    collection: Collection, decisions: list[Decision] | None = None
) -> dict[str, Any]:
    """`{"decisions": [...], "diagnostics": [...]}` for the given (default: all) records."""
    chosen = collection.decisions if decisions is None else decisions
    return {
        "version": SCHEMA_VERSION,
        "decisions": [decision_to_dict(decision, collection) for decision in chosen],
        "diagnostics": [d.to_dict() for d in collection.all_diagnostics()],
    }


def to_json(value: object) -> str:
    """`value` as JSON text, non-ASCII characters as they are."""
    return json.dumps(value, ensure_ascii=False)


def write_json(
    collection: Collection,
    out: TextIO,
    extra: Callable[[Decision], dict[str, Any]] | None = None,
    own_fields: Callable[[Decision], str] | None = None,
    decisions: Sequence[Decision] | None = None,
    diagnostics: Sequence[Diagnostic] | None = None,
) -> None:
    """Write `json_pieces` to `out`."""
    for piece in json_pieces(collection, extra, own_fields, decisions, diagnostics):
        out.write(piece if isinstance(piece, str) else piece.decode())


def json_pieces(
    collection: Collection,
    extra: Callable[[Decision], dict[str, Any]] | None = None,
    own_fields: Callable[[Decision], str | bytes] | None = None,
    decisions: Sequence[Decision] | None = None,
    diagnostics: Sequence[Diagnostic] | None = None,
    dumps: Callable[[object], str] = to_json,
) -> Iterator[str | bytes]:
    """`collection_to_dict` as JSON, in pieces, one record at a time, so thousands of records
    never sit in memory as one document; `extra` adds fields per record (such as its URL), and
    `own_fields` may supply `record_fields` already encoded (a JSON object, as `dumps` would
    encode it, as text or UTF-8). `decisions` and `diagnostics` default to all of the
    collection's; `dumps` encodes everything else."""
    yield f'{{"version": {SCHEMA_VERSION}, "decisions": ['
    chosen = collection.decisions if decisions is None else decisions
    for index, decision in enumerate(chosen):
        added = cross_fields(decision, collection)
        if extra is not None:
            added.update(extra(decision))
        if index:
            yield ","
        if own_fields is None or decision.ambiguous_date is not None:
            # An ambiguous date is settled by the folder, after the record was encoded.
            yield dumps({**record_fields(decision), **added})
        else:
            yield from _merged(own_fields(decision).rstrip(), dumps(added) if added else "{}")
    found = collection.all_diagnostics() if diagnostics is None else diagnostics
    listed = dumps([d.to_dict() for d in found])
    yield f'], "diagnostics": {listed}}}\n'


def _merged(first: str | bytes, second: str) -> Iterator[str | bytes]:
    """Two encoded JSON objects as one, without decoding them, nor joining them into a third
    string (a record's text is kilobytes)."""
    if first in ("{}", b"{}"):
        yield second
    elif second == "{}":
        yield first
    else:
        yield first[:-1]
        yield ", "
        yield second[1:]


def encode(decision: Decision, data: bytes = b"") -> tuple[Decision, str]:
    """`record_fields` as JSON, and the record slimmed: for `read_collection(after_parse=…)`, so
    records are encoded where they are parsed and travel back small (`data`, the file's bytes,
    adds nothing to what the record says)."""
    return slim(decision), json.dumps(record_fields(decision), ensure_ascii=False)


def encode_for_terminal(decision: Decision, data: bytes = b"") -> tuple[Decision, str | bytes]:
    """`encode`, with the JSON as `adr` prints it (`terminal.json_for_terminal`), in UTF-8:
    escaped and encoded where the record is parsed, and kept so in the cache, it is neither
    scanned, decoded nor encoded again by each `adr list`. Text that UTF-8 cannot hold (a lone
    surrogate, from a YAML escape) stays text, and fails where it is printed."""
    kept, text = encode(decision)
    printable = json_for_terminal(text)
    try:
        return kept, printable.encode()
    except UnicodeEncodeError:
        return kept, printable


def metadata_only(decision: Decision, data: bytes = b"") -> tuple[Decision, None]:
    """The record slimmed, for readers of the metadata alone (`read_collection(after_parse=…)`;
    `data`, the file's bytes, is not kept)."""
    return slim(decision), None


def metadata_and_references(decision: Decision, data: bytes) -> tuple[Decision, str | None]:
    """The record slimmed, and its text if it may hold a glossary reference: what `adr lint`
    checks, which then reads no record again (most hold none)."""
    return slim(decision), text_with_references(data)


def text_with_references(data: bytes) -> str | None:
    """A record's text if it holds a `[[` (a glossary reference, maybe); None when it holds none
    or is not UTF-8 (a problem the record reports itself)."""
    if b"[[" not in data:
        return None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None
