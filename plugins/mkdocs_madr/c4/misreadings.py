"""Where Mermaid draws a C4 diagram otherwise than it is written, or not at all.

Mermaid accepts some statements and silently draws something else: a `$name=` argument takes
the place it stands in, `\\"` ends a string, a space after a closing quote adds an empty
argument, an unquoted argument runs on to the next comma and swallows the lines in between.
It keeps one box per alias and one arrow per pair of elements, and it fails to draw a diagram
at all when an arrow ends at something that is not an element box, or a sprite or tags stand
where text goes. Each of these is a diagnostic at the statement. The statements of a diagram
Mermaid refuses are checked too, so that every problem is said at once.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..core.diagnostics import Code, Diagnostic, diagnostic
from .arguments import Call, parse_call
from .intended import bind
from .macros import BOUNDARY_PARAMS, ELEMENT_PARAMS, RELATION_PARAMS
from .mermaid.db import Drawn, Meaning
from .mermaid.grammar import Reading, Statement
from .mermaid.text import Prepared, decode
from .model import family_of
from .runaway import runaway, statement_text, warning

_FIELD_NAMES = {
    "alias": "alias",
    "source": "source",
    "target": "target",
    "label": "label",
    "techn": "technology",
    "descr": "description",
    "type": "type",
}
_SPACE_AFTER_QUOTE = re.compile(r'"[ \t]+[,)]')


def misreadings(
    reading: Reading, drawn: Drawn, page: str, first_line: int
) -> tuple[list[Diagnostic], bool]:
    """The diagnostics of a diagram's statements, and whether Mermaid draws it.

    Repeated aliases and arrows, and arrows to what is not a box, are looked for only in a
    diagram Mermaid accepts, where the statements are the ones it keeps.
    """
    prepared = reading.prepared
    found: list[Diagnostic] = []

    def line(offset: int) -> int:
        return first_line + prepared.line_of(offset)

    def report(code: Code, statement: Statement, message: str) -> None:
        found.append(diagnostic(code, page, line(statement.start), message))

    broken = {breakage.statement for breakage in drawn.breakages}
    for meaning in drawn.meanings:
        statement = meaning.statement
        argument = runaway(prepared, statement)
        if argument is not None:
            report(Code.C4_SYNTAX, statement, warning(prepared, statement, argument, first_line))
            continue
        if "alias" in meaning.fields and not meaning.fields["alias"]:
            report(
                Code.C4_SYNTAX,
                statement,
                f"`{statement_text(prepared, statement)}` has no alias, so no decision can name "
                "what Mermaid draws for it; give it an alias as its first argument.",
            )
            continue
        difference = "" if statement in broken else _difference(prepared, meaning)
        if difference:
            report(Code.C4_SYNTAX, statement, difference)
    _breakages(drawn, prepared, report)
    if not reading.accepted:
        return sorted(found, key=lambda item: item.line or 0), False
    labels = {id(meaning.statement): meaning.fields.get("label", "") for meaning in drawn.meanings}
    for repeat in drawn.repeated_elements:
        first = repeat.first
        statement = repeat.statement
        label = labels.get(id(statement), "")
        if first is None or not _conflict(first.kind, first.label, statement.macro, label):
            continue
        alias = first.alias
        report(
            Code.C4_DUPLICATE_ALIAS,
            statement,
            f'The alias `{alias}` is already {first.kind} "{first.label}" on line '
            f"{repeat.first_line}; Mermaid draws one box for both, as this statement says. "
            "Give one of them another alias.",
        )
    for repeat in drawn.repeated_relations:
        statement = repeat.statement
        report(
            Code.C4_DUPLICATE_RELATION,
            statement,
            f"`{statement_text(prepared, statement)}` repeats the arrow between the same two "
            f"elements as line {repeat.first_line}; Mermaid draws one arrow, with this label, "
            f'and drops "{repeat.replaced_label}". Merge the two labels or drop one statement.',
        )
    for loose in dict.fromkeys(drawn.loose_ends):
        what = (
            "which is a boundary or deployment node"
            if loose.is_boundary
            else "but no element of this diagram has that alias"
        )
        report(
            Code.C4_SYNTAX,
            loose.statement,
            f"`{statement_text(prepared, loose.statement)}` connects `{loose.alias}`, {what}: "
            "Mermaid connects element boxes only, and draws nothing for this diagram.",
        )
    return sorted(found, key=lambda item: item.line or 0), drawn.drawable


def _breakages(
    drawn: Drawn, prepared: Prepared, report: Callable[[Code, Statement, str], None]
) -> None:
    for breakage in drawn.breakages:
        statement = breakage.statement
        if breakage.place == "label":
            cause = f"Mermaid takes `${breakage.name}=` as the label"
            advice = "Give the label first, in double quotes"
        else:
            cause = (
                f"`${breakage.name}=` stands in the {_FIELD_NAMES[breakage.place]}'s place, "
                f"where Mermaid keeps it in a form it cannot draw"
            )
            advice = (
                f'Give the arguments before it, even as `""`, so that `${breakage.name}=` '
                "stands after the description"
            )
        report(
            Code.C4_SYNTAX,
            statement,
            f"In `{statement_text(prepared, statement)}`: {cause}, and draws nothing for this "
            f"diagram. {advice}.",
        )


def _difference(prepared: Prepared, meaning: Meaning) -> str:
    """What Mermaid draws for the statement where it differs from what is written; "" if not."""
    statement = meaning.statement
    written = _written(prepared, statement)
    if written is None:
        return ""
    differences = [
        f'{_FIELD_NAMES[name]} "{meaning.fields.get(name, "")}" (written: "{value}")'
        for name, value in written.items()
        if meaning.fields.get(name, "") != value
    ]
    if not differences:
        return ""
    return (
        f"Mermaid reads `{statement_text(prepared, statement)}` with "
        f"{'; '.join(differences)}: {_cause(prepared, statement)}."
    )


def _written(prepared: Prepared, statement: Statement) -> dict[str, str] | None:
    """The fields of the statement as written; None when it cannot be read that way."""
    call = parse_call(prepared.text[statement.start : statement.end])
    if not isinstance(call, Call):
        return None
    macro = statement.macro
    if macro in ELEMENT_PARAMS:
        parameters: tuple[str, ...] = ("alias", *ELEMENT_PARAMS[macro])
    elif macro in BOUNDARY_PARAMS:
        parameters = ("alias", *BOUNDARY_PARAMS[macro])
    elif macro in RELATION_PARAMS:
        parameters = RELATION_PARAMS[macro]
    else:
        return None
    values = bind(call, parameters)
    names = [name for name in _FIELD_NAMES if name in parameters]
    return {name: decode(values.get(name, "")) for name in names}


def _cause(prepared: Prepared, statement: Statement) -> str:
    text = prepared.text[statement.start : statement.end]
    if '\\"' in text:
        return (
            'Mermaid has no `\\"` escape, a string ends at its first `"`; leave out the quotes '
            "inside the string, or use typographic ones (“ ”)"
        )
    if _SPACE_AFTER_QUOTE.search(text):
        return (
            "a space between a closing quote and `,` or `)` makes Mermaid read one more, empty "
            "argument, and the arguments after it move one place"
        )
    arguments = statement.arguments
    if any(argument.key is not None for argument in arguments):
        return (
            "Mermaid fills the fields in order and a `$name=` argument counts as the argument "
            "in its place, so a field it names can be overwritten by the place after it; write "
            "positional arguments first and named ones after them"
        )
    return "Mermaid splits the arguments otherwise"


def _conflict(first_kind: str, first_label: str, kind: str, label: str) -> bool:
    if family_of(first_kind) != family_of(kind):
        return True
    return bool(first_label and label and _normal(first_label) != _normal(label))


def _normal(label: str) -> str:
    return " ".join(label.split()).casefold()
