"""Why Mermaid refuses a C4 diagram, said at the statement that causes it.

Mermaid names a token and a line of its own preprocessed text; the cause is often a line or
two earlier: a trailing `%%` comment that swallowed the line break, an unquoted argument that
ran on past `)` to the next comma. Each failure of the grammar becomes one diagnostic at the
page line of the statement to fix, saying what Mermaid makes of it and what to write instead.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..core.diagnostics import Code, Diagnostic, diagnostic
from .macros import PLANTUML_ONLY, spelling_hint
from .mermaid.grammar import Argument, Failure, Reading, Reason, Statement
from .mermaid.lexer import Kind
from .runaway import advice, cause, excerpt, runaway, runs_to, statement_text

_NOT_DRAWN = "Mermaid draws nothing for this diagram"
_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_PLANTUML_LINE = re.compile(r"[!@]\w+")


def refusals(reading: Reading, page: str, first_line: int) -> list[Diagnostic]:
    """One diagnostic per failure of `reading`, in line order."""
    explainer = _Explainer(reading, page, first_line)
    found: list[Diagnostic] = []
    for failure in reading.failures:
        explained = explainer.explain(failure)
        if explained not in found:
            found.append(explained)
    if reading.prepared.front_matter_error:
        found.append(
            diagnostic(
                Code.C4_SYNTAX,
                page,
                first_line,
                f"The front matter of this diagram is not valid YAML "
                f"({reading.prepared.front_matter_error}); {_NOT_DRAWN}.",
            )
        )
    return sorted(found, key=lambda item: item.line or 0)


class _Explainer:
    def __init__(self, reading: Reading, page: str, first_line: int) -> None:
        self.reading = reading
        self.prepared = reading.prepared
        self.page = page
        self.first_line = first_line

    def line(self, offset: int) -> int:
        return self.first_line + self.prepared.line_of(offset)

    def explain(self, failure: Failure) -> Diagnostic:
        code, line, message = self._explain(failure)
        return diagnostic(code, self.page, line, message)

    def _explain(self, failure: Failure) -> tuple[Code, int, str]:
        comment = self._comment_before(failure)
        if comment is not None:
            return (
                Code.C4_SYNTAX,
                self.line(comment),
                "The `%%` comment at the end of this line also swallows the line break, so "
                f"Mermaid reads the next line as part of this one: {_NOT_DRAWN}. Put the "
                "comment on a line of its own.",
            )
        culprit = self._swallowing(failure)
        if culprit is not None:
            return self._swallowed(*culprit)
        explain: dict[Reason, Callable[[Failure], tuple[Code, int, str]]] = {
            Reason.UNREADABLE: self._unreadable,
            Reason.NO_HEADER: self._no_header,
            Reason.AFTER_HEADER: self._after_header,
            Reason.NO_STATEMENTS: self._no_statements,
            Reason.SAME_LINE: self._same_line,
            Reason.NO_ARGUMENTS: self._no_arguments,
            Reason.NAMED_WITHOUT_VALUE: self._named_without_value,
            Reason.BLOCK_EXPECTED: self._block_expected,
            Reason.BREAK_AFTER_BRACE: self._break_after_brace,
            Reason.EMPTY_BLOCK: self._empty_block,
            Reason.BLOCK_STARTS_WITH_TEXT: self._block_starts_with_text,
            Reason.UNBALANCED_CLOSE: self._unbalanced_close,
            Reason.UNCLOSED: self._unclosed,
            Reason.TEXT_RAN_OUT: self._text_ran_out,
            Reason.DIRECTION: self._direction,
            Reason.SECOND_HEADER: self._second_header,
        }
        return explain.get(failure.reason, self._unexpected)(failure)

    def _comment_before(self, failure: Failure) -> int | None:
        """Start of a line-swallowing comment between the statement before and the failure."""
        after = failure.statement.end if failure.statement is not None else 0
        for start, _ in self.reading.comments:
            if after <= start < failure.position and self.line(start) < self.line(failure.position):
                return start
        return None

    def _swallowing(self, failure: Failure) -> tuple[Statement, Argument] | None:
        """The statement whose unquoted argument ran on over the line(s) where Mermaid fails."""
        if failure.reason is Reason.UNCLOSED:
            # A `}` swallowed by an argument leaves its block open.
            for event in self.reading.events:
                if isinstance(event, Statement):
                    found = runaway(self.prepared, event)
                    if found is not None and "}" in self.prepared.text[found.start : found.end]:
                        return event, found
            return None
        statement = failure.statement
        if statement is None:
            return None
        found = runaway(self.prepared, statement)
        if found is None or self.line(failure.position) > self.line(found.end) + 1:
            return None
        if self.line(failure.position) <= self.line(statement.start):
            return None
        return statement, found

    def _swallowed(self, statement: Statement, argument: Argument) -> tuple[Code, int, str]:
        prepared = self.prepared
        return (
            Code.C4_SYNTAX,
            self.line(statement.start),
            f"In `{statement_text(prepared, statement)}`: {cause(prepared, statement, argument)}, "
            f"so Mermaid reads on to line {self.line(runs_to(prepared, argument))} as part of "
            f"this statement: {_NOT_DRAWN}. {advice(prepared, statement, argument)}.",
        )

    def _source_line(self, offset: int) -> str:
        return excerpt(self.prepared.source_line(self.prepared.line_of(offset)))

    def _unreadable(self, failure: Failure) -> tuple[Code, int, str]:
        text, position = self.prepared.text, failure.position
        line = self.line(position)
        if failure.state == "call" and failure.statement is not None:
            macro = failure.statement.macro
            if text[position : position + 1].isspace():
                advice = f"write `{macro}(` with no space before the parenthesis"
            else:
                advice = f"`{macro}` must be followed by `(`"
            return (
                Code.C4_SYNTAX,
                line,
                f"In `{self._source_line(position)}`: {advice}; {_NOT_DRAWN}.",
            )
        if failure.state == "key":
            name = text[text.rfind("$", 0, position) + 1 : position].strip()
            return (
                Code.C4_SYNTAX,
                line,
                f"In `{self._source_line(position)}`: the value of `${name}` must be written in "
                f'double quotes, as `${name}="…"`; {_NOT_DRAWN}.',
            )
        word = _WORD.match(text, position)
        name = word[0] if word is not None else ""
        if name in PLANTUML_ONLY or _PLANTUML_LINE.match(text, position):
            shown = name or excerpt(text[position : text.find("\n", position)])
            return (
                Code.C4_UNSUPPORTED,
                line,
                f"`{shown}` is C4-PlantUML, not Mermaid: Mermaid 11 does not know it and draws "
                "nothing for this diagram. Remove it (Mermaid styles diagrams with "
                "`UpdateElementStyle`, `UpdateRelStyle` and `UpdateLayoutConfig`).",
            )
        hint = spelling_hint(name) if name else None
        if hint is not None:
            return (
                Code.C4_SYNTAX,
                line,
                f"`{name}` is not a Mermaid C4 statement; macro names are case-sensitive, did you "
                f"mean `{hint}`? {_NOT_DRAWN}.",
            )
        if word is not None and text[word.end() :].lstrip(" \t").startswith("("):
            return (
                Code.C4_SYNTAX,
                line,
                f"Mermaid does not know the statement `{name}`: {_NOT_DRAWN}.",
            )
        shown = excerpt(text[position : text.find("\n", position)])
        return Code.C4_SYNTAX, line, f"Mermaid cannot read `{shown}` here: {_NOT_DRAWN}."

    def _no_header(self, failure: Failure) -> tuple[Code, int, str]:
        if not self.prepared.text.strip():
            return Code.C4_SYNTAX, self.first_line, f"The diagram is empty: {_NOT_DRAWN}."
        return (
            Code.C4_SYNTAX,
            self.line(failure.position),
            "The diagram does not start with a C4 header (C4Context, C4Container, C4Component, "
            f"C4Dynamic or C4Deployment): {_NOT_DRAWN}.",
        )

    def _after_header(self, failure: Failure) -> tuple[Code, int, str]:
        header = self.reading.kind or "the header"
        return (
            Code.C4_SYNTAX,
            self.line(failure.position),
            f"Unexpected text after `{header}`: the header must be alone on its line; "
            f"{_NOT_DRAWN}.",
        )

    def _no_statements(self, failure: Failure) -> tuple[Code, int, str]:
        return (
            Code.C4_SYNTAX,
            self.first_line,
            f"The diagram has a header and nothing else: {_NOT_DRAWN}.",
        )

    def _same_line(self, failure: Failure) -> tuple[Code, int, str]:
        token, text = failure.token, self.prepared.text
        if token is not None and token.kind is Kind.ACC_DESCR_BLOCK and token.start >= len(text):
            start = text.rfind("accDescr", 0, token.start)
            return (
                Code.C4_SYNTAX,
                self.line(max(start, 0)),
                f"`accDescr {{` is never closed by `}}`: {_NOT_DRAWN}.",
            )
        shown = self._token_text(failure)
        return (
            Code.C4_SYNTAX,
            self.line(failure.position),
            f"`{shown}` must start a line of its own (Mermaid reads one statement per line): "
            f"{_NOT_DRAWN}.",
        )

    def _no_arguments(self, failure: Failure) -> tuple[Code, int, str]:
        statement = failure.statement
        macro = statement.macro if statement is not None else "The statement"
        start = statement.start if statement is not None else failure.position
        return Code.C4_SYNTAX, self.line(start), f"`{macro}()` has no arguments: {_NOT_DRAWN}."

    def _named_without_value(self, failure: Failure) -> tuple[Code, int, str]:
        text = self.prepared.text
        after = failure.statement.end if failure.statement is not None else 0
        dollar = text.find("$", after)
        line = self.line(dollar if dollar >= 0 else failure.position)
        shown = self._source_line(dollar if dollar >= 0 else failure.position)
        if dollar >= 0 and "=" not in text[dollar:]:
            name = excerpt(text[dollar + 1 :].split()[0] if text[dollar + 1 :].split() else "")
            message = (
                f"In `{shown}`: `${name}` has no `=`, so Mermaid reads everything after it as the "
                f'name: {_NOT_DRAWN}. Write `${name}="…"`.'
            )
        else:
            message = (
                f"In `{shown}`: a `$name=` argument with an empty value; {_NOT_DRAWN}. Leave the "
                "argument out."
            )
        return Code.C4_SYNTAX, line, message

    def _block_expected(self, failure: Failure) -> tuple[Code, int, str]:
        statement = failure.statement
        if statement is not None and not statement.opens:
            return (
                Code.C4_SYNTAX,
                self.line(failure.position),
                f"`{statement_text(self.prepared, statement)}` cannot open a `{{` block; only "
                f"boundaries and deployment nodes can: {_NOT_DRAWN}.",
            )
        shown = statement_text(self.prepared, statement) if statement is not None else "It"
        line = self.line(statement.start) if statement is not None else self.first_line
        return (
            Code.C4_SYNTAX,
            line,
            f"`{shown}` must be followed by a `{{ … }}` block: {_NOT_DRAWN}.",
        )

    def _break_after_brace(self, failure: Failure) -> tuple[Code, int, str]:
        return (
            Code.C4_SYNTAX,
            self.line(failure.position),
            f"Mermaid wants a line break after `{{`; `{self._token_text(failure)}` must go on "
            f"the next line: {_NOT_DRAWN}.",
        )

    def _empty_block(self, failure: Failure) -> tuple[Code, int, str]:
        owner = failure.block or failure.statement
        shown = f" of `{owner.arguments[0].value}`" if owner and owner.arguments else ""
        return (
            Code.C4_SYNTAX,
            self.line(failure.position),
            f"The `{{ }}` block{shown} is empty, and Mermaid refuses an empty boundary: "
            f"{_NOT_DRAWN}.",
        )

    def _block_starts_with_text(self, failure: Failure) -> tuple[Code, int, str]:
        return (
            Code.C4_SYNTAX,
            self.line(failure.position),
            f"A `{{ … }}` block must start with an element, not `{self._token_text(failure)}`: "
            f"{_NOT_DRAWN}.",
        )

    def _unbalanced_close(self, failure: Failure) -> tuple[Code, int, str]:
        return (
            Code.C4_SYNTAX,
            self.line(failure.position),
            f"Unbalanced `}}`: no boundary is open here; {_NOT_DRAWN}.",
        )

    def _unclosed(self, failure: Failure) -> tuple[Code, int, str]:
        block = failure.block
        alias = f" of `{block.arguments[0].value}`" if block and block.arguments else ""
        line = self.line(block.start) if block is not None else self.first_line
        return Code.C4_SYNTAX, line, f"The `{{`{alias} is never closed by `}}`: {_NOT_DRAWN}."

    def _text_ran_out(self, failure: Failure) -> tuple[Code, int, str]:
        statement = failure.statement
        if statement is None:
            return self._unexpected(failure)
        text = self.prepared.text[statement.start :]
        line = self.line(statement.start)
        shown = statement_text(self.prepared, statement)
        if text.count('"') % 2:
            return (
                Code.C4_SYNTAX,
                line,
                f"In `{shown}`: a quoted string is never closed: {_NOT_DRAWN}.",
            )
        if statement.macro.startswith(("Rel", "BiRel")) and len(statement.arguments) < 3:
            return (
                Code.C4_SYNTAX,
                line,
                f"`{shown}` has no label, and Mermaid then reads the unquoted last argument and "
                f"everything after it as one argument: {_NOT_DRAWN}. Give the arrow a label "
                'in double quotes, as `Rel(a, b, "…")`.',
            )
        unquoted = [argument for argument in statement.arguments if not argument.quoted]
        if not unquoted:
            return self._unexpected(failure)
        return (
            Code.C4_SYNTAX,
            line,
            f"In `{shown}`: {cause(self.prepared, statement, unquoted[-1])}, past `)` and on to "
            f"the end of the diagram: {_NOT_DRAWN}. "
            f"{advice(self.prepared, statement, unquoted[-1])}.",
        )

    def _direction(self, failure: Failure) -> tuple[Code, int, str]:
        source = self._source_line(failure.position)
        if source.startswith("direction"):
            message = (
                "`direction` is not part of Mermaid's C4 syntax: Mermaid 11 draws nothing for "
                "this diagram. Remove it (`UpdateLayoutConfig` sets how many shapes share a row)."
            )
        else:
            message = (
                f"Mermaid reads `{source}` as a `direction` statement, because its C4 reader "
                f"takes any line containing `direction` and TB, BT, LR or RL for one, labels "
                f"included: {_NOT_DRAWN}. Reword the line."
            )
        return Code.C4_UNSUPPORTED, self.line(failure.position), message

    def _second_header(self, failure: Failure) -> tuple[Code, int, str]:
        shown = self._token_text(failure)
        first = self.reading.failures[0]
        if first.reason is Reason.NO_HEADER and first.position < failure.position:
            message = f"The header `{shown}` must be the diagram's first line: {_NOT_DRAWN}."
        else:
            message = f"A second diagram header `{shown}`; only one is allowed: {_NOT_DRAWN}."
        return Code.C4_SYNTAX, self.line(failure.position), message

    def _unexpected(self, failure: Failure) -> tuple[Code, int, str]:
        token = failure.token
        if token is not None and token.kind is Kind.LBRACE:
            message = f"This `{{` does not follow a boundary or deployment node: {_NOT_DRAWN}."
        else:
            message = f"Mermaid cannot read `{self._source_line(failure.position)}`: {_NOT_DRAWN}."
        return Code.C4_SYNTAX, self.line(failure.position), message

    def _token_text(self, failure: Failure) -> str:
        token = failure.token
        if token is None or not token.text.strip():
            return self._source_line(failure.position)
        text = self.prepared.text
        return excerpt(text[token.start : max(text.find("\n", token.start), token.end)])
