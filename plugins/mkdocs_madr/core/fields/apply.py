"""Each record's declared fields, checked and typed, and the keys nobody declared."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from ..diagnostics import Code, Diagnostic, diagnostic
from ..model import Decision, Line
from .declaration import FieldDeclaration, key_form
from .values import check_value

FIELD_CODES = frozenset({Code.FIELD_INVALID, Code.FIELD_MISSING})


def apply_fields(
    decisions: Iterable[Decision], declarations: Mapping[str, FieldDeclaration]
) -> None:
    """Fill `fields` (every declared field, None where the record states none) and `extra` of
    each record, and report values that do not fit and required fields that are missing.
    Running it again on the same records replaces what it did."""
    by_form = {
        key_form(key): declared
        for declared in declarations.values()
        for key in (declared.name, declared.label)
        if key
    }
    for decision in decisions:
        fields: dict[str, object] = dict.fromkeys(declarations)
        extra: dict[str, object] = {}
        problems: list[Diagnostic] = []
        stated: set[str] = set()
        invalid: set[str] = set()
        for entry in decision.metadata:
            declared = by_form.get(key_form(entry.key))
            if declared is None:
                extra.setdefault(entry.key, entry.value)
                continue
            if declared.name in stated:
                continue  # front matter comes first, and the first statement wins
            stated.add(declared.name)
            checked = check_value(declared, entry.value)
            if checked.problem is not None:
                invalid.add(declared.name)
                message = f"{declared.title}: {checked.problem}"
                problems.append(diagnostic(Code.FIELD_INVALID, decision.file, entry.line, message))
            fields[declared.name] = checked.value
        for declared in declarations.values():
            if fields[declared.name] not in (None, []) or declared.name in invalid:
                continue
            if declared.required and declared.required_for(decision.status, decision.lifecycle):
                problems.append(_missing(decision, declared))
        decision.fields, decision.extra = fields, extra
        decision.diagnostics[:] = [
            *(found for found in decision.diagnostics if found.code not in FIELD_CODES),
            *(found for found in problems if found.code.value not in decision.ignored),
        ]


def _missing(decision: Decision, declared: FieldDeclaration) -> Diagnostic:
    line = decision.lines.get(Line.STATUS) or decision.lines.get(Line.TITLE) or 1
    status = decision.status or "any status"
    message = f"{declared.title} is required for {status} records but is not stated"
    return diagnostic(Code.FIELD_MISSING, decision.file, line, message)
