"""Arguments that run on past their line, and how a statement is quoted in a message.

Mermaid ends an unquoted argument at the next comma and a quoted one at the next double quote,
wherever they are: a missing quote, a space before `)`, a tab before `"` or a `\\"` lets an
argument run over the line break and take the statements after it along.
"""

from __future__ import annotations

from .mermaid.grammar import Argument, Statement
from .mermaid.text import Prepared

_EXCERPT_LENGTH = 60


def excerpt(text: str) -> str:
    """`text` on one line, shortened to a readable length."""
    text = " ".join(text.split())
    if len(text) <= _EXCERPT_LENGTH:
        return text
    return text[: _EXCERPT_LENGTH - 1] + "…"


def statement_text(prepared: Prepared, statement: Statement) -> str:
    """The statement as written on its first line, shortened."""
    text = prepared.text[statement.start : statement.end]
    first, _, rest = text.partition("\n")
    return excerpt(first) + (" …" if rest.strip() else "")


def runaway(prepared: Prepared, statement: Statement) -> Argument | None:
    """The first positional argument of `statement` that runs over a line break."""
    for argument in statement.arguments:
        if argument.key is None and "\n" in prepared.text[argument.start : argument.end].rstrip():
            return argument
    return None


def cause(prepared: Prepared, statement: Statement, argument: Argument) -> str:
    """Why `argument` runs on past its line, in words."""
    return _cause_and_advice(prepared, statement, argument)[0]


def advice(prepared: Prepared, statement: Statement, argument: Argument) -> str:
    """What to write instead."""
    return _cause_and_advice(prepared, statement, argument)[1]


def _cause_and_advice(
    prepared: Prepared, statement: Statement, argument: Argument
) -> tuple[str, str]:
    text = prepared.text
    raw = text[argument.start : text.find("\n", argument.start)]
    if argument.quoted:
        return (
            "the quoted string opened here is closed only by a quote on a later line",
            "Close the quote on the line it opens",
        )
    if '\\"' in text[statement.start : argument.start]:
        return (
            'Mermaid has no `\\"` escape, so a string ends at its `\\"` and the rest is unquoted',
            "Leave out the quotes inside the string, or use typographic ones (“ ”)",
        )
    if raw.startswith("\t") and raw.lstrip().startswith('"'):
        return (
            'a tab before `"` makes the argument unquoted (only spaces may stand there)',
            "Replace the tab with a space",
        )
    if raw.strip().startswith(")"):
        return (
            "the space before `)` starts one more, unquoted argument",
            "Remove the space before `)`",
        )
    shown = excerpt(raw.split(")")[0] if ")" in raw else raw)
    return (
        f"`{shown}` is not quoted, and unquoted text runs to the next comma",
        "Write the argument in double quotes",
    )


def runs_to(prepared: Prepared, argument: Argument) -> int:
    """Where `argument` ends: the quote or comma after it, or the end of the text."""
    end = prepared.text.find('"' if argument.quoted else ",", argument.start)
    return end if end >= 0 else len(prepared.text) - 1


def warning(prepared: Prepared, statement: Statement, argument: Argument, first_line: int) -> str:
    """The message for a statement whose argument takes the lines after it along."""
    end_line = first_line + prepared.line_of(runs_to(prepared, argument))
    return (
        f"In `{statement_text(prepared, statement)}`: {cause(prepared, statement, argument)}, "
        f"so Mermaid reads on to line {end_line} as part of this statement: what stands in "
        f"between is not drawn. {advice(prepared, statement, argument)}."
    )
