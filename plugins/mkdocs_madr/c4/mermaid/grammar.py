"""Mermaid 11's C4 grammar over the lexer's tokens: which diagrams it accepts, and their statements.

The grammar, in short: a header and a line break, then statements separated by line breaks.
A statement is a macro with at least one argument; a boundary or deployment node is followed
by `{` and a line break (or a line break and `{`), at least one statement, and `}`, which may
end the line of the statement before it. `title` and the accessibility lines are statements
too, but a block may not start with one. Mermaid stops at the first thing that does not fit;
here reading goes on at the next line, so every statement Mermaid would refuse is found.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

from .lexer import Kind, Lexer, LexError, Token
from .text import SPACE_CHARACTERS, Prepared, decode

BOUNDARY_MACROS = frozenset(
    {
        "Boundary",
        "Enterprise_Boundary",
        "System_Boundary",
        "Container_Boundary",
        "Deployment_Node",
        "Node",
        "Node_L",
        "Node_R",
    }
)
_OTHER_STATEMENTS = frozenset(
    {Kind.TITLE, Kind.ACC_DESCRIPTION, Kind.ACC_TITLE, Kind.ACC_DESCR, Kind.ACC_DESCR_BLOCK}
)


class Reason(enum.Enum):
    """Why Mermaid refuses a diagram at some point."""

    UNREADABLE = "text Mermaid's lexer cannot read"
    NO_HEADER = "no C4 header"
    AFTER_HEADER = "something after the header on its line"
    NO_STATEMENTS = "a header and nothing else"
    SAME_LINE = "a statement on the line of the one before it"
    NO_ARGUMENTS = "a macro without arguments"
    NAMED_WITHOUT_VALUE = "a `$name=` without a value"
    BLOCK_EXPECTED = "a boundary without `{`"
    BREAK_AFTER_BRACE = "something after `{` on its line"
    EMPTY_BLOCK = "an empty `{ }` block"
    BLOCK_STARTS_WITH_TEXT = "a block that starts with `title` or an accessibility line"
    UNBALANCED_CLOSE = "a `}` with no open block"
    UNCLOSED = "a `{` never closed"
    TEXT_RAN_OUT = "the text ends inside an argument list"
    DIRECTION = "a `direction` line"
    SECOND_HEADER = "a second header"
    UNEXPECTED = "an unexpected token"


@dataclass(frozen=True)
class Argument:
    """One argument as Mermaid passes it on.

    Attributes:
        value: The text, trimmed as JavaScript trims it ("" for an empty argument).
        key: For `$key="value"`, the key; None for a positional argument.
        quoted: Whether the text was written in double quotes (a named value always is).
        start: Offset of its first token in the prepared text.
        end: Offset after its last token.
    """

    value: str
    key: str | None
    quoted: bool
    start: int
    end: int


@dataclass(frozen=True)
class Statement:
    """A macro statement as Mermaid reads it.

    Attributes:
        macro: The macro name.
        arguments: Its arguments, in order.
        start: Offset of the macro name in the prepared text.
        end: Offset after its last argument or its `)`.
    """

    macro: str
    arguments: tuple[Argument, ...]
    start: int
    end: int

    @property
    def opens(self) -> bool:
        """Whether it opens a `{ … }` block (a boundary or deployment node)."""
        return self.macro in BOUNDARY_MACROS


@dataclass(frozen=True)
class Close:
    """The `}` at `position` that closes the innermost open block."""

    position: int


@dataclass(frozen=True)
class Failure:
    """A point where Mermaid refuses the diagram.

    Attributes:
        reason: What is wrong.
        position: Offset in the prepared text where Mermaid stops.
        token: The token it stopped at (None for text the lexer cannot read).
        statement: The statement being read, or just read, when it stopped (None if none).
        state: For unreadable text, the lexer state there.
        block: For an unclosed block, the statement that opened it.
    """

    reason: Reason
    position: int
    token: Token | None = None
    statement: Statement | None = None
    state: str = ""
    block: Statement | None = None


@dataclass
class Reading:
    """What Mermaid's grammar makes of a diagram.

    Attributes:
        prepared: The text read.
        kind: The header ("" if there is none).
        title: The last `title` or `accTitle` text ("" if none).
        events: Statements and block ends, in order.
        failures: Everything Mermaid refuses; empty when it accepts the diagram.
        comments: Trailing `%%` comments that took a line break with them.
    """

    prepared: Prepared
    kind: str = ""
    title: str = ""
    events: list[Statement | Close] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    comments: list[tuple[int, int]] = field(default_factory=list)

    @property
    def accepted(self) -> bool:
        return not self.failures


class _State(enum.Enum):
    START = "the first statement"
    FIRST = "the first statement of a block"
    AFTER_BREAK = "a statement after a line break"
    AFTER_TEXT = "after title or an accessibility line"
    AFTER_STATEMENT = "after a statement"


class _Recovered(Exception):
    """Raised inside a statement once its failure is recorded; reading goes on at the next
    line."""


def read(prepared: Prepared) -> Reading:
    """Check `prepared` against Mermaid's C4 grammar and collect its statements."""
    parser = _Parser(prepared)
    parser.run()
    parser.reading.comments = parser.lexer.comments
    return parser.reading


class _Parser:
    def __init__(self, prepared: Prepared) -> None:
        self.reading = Reading(prepared)
        self.lexer = Lexer(prepared.text)
        self.text = prepared.text
        self.blocks: list[Statement] = []
        self.braces = _BraceScan(self.text)
        self.statement: Statement | None = None
        """The statement being read, or the last one read."""
        self.restarted_at = -1

    def run(self) -> None:
        token: Token | LexError | None
        try:
            token = self._header()
        except _Recovered:
            token = None
        state = _State.START
        while True:
            try:
                if token is None:
                    token, state = self._recover(), _State.AFTER_BREAK
                    if token is None:
                        self._unclosed_at_the_end()
                        return
                token, state, done = self._step(token, state)
                if done:
                    return
            except _Recovered:
                token = None

    def _header(self) -> Token | LexError:
        token = self.lexer.next()
        if isinstance(token, Token) and token.kind is Kind.HEADER:
            self.reading.kind = token.text
            after = self.lexer.next()
            if isinstance(after, Token) and after.kind is Kind.NEWLINE:
                return self.lexer.next()
            raise self._fail(Reason.AFTER_HEADER, after)
        if isinstance(token, Token) and token.kind is Kind.HEADER:
            self.reading.kind = token.text
        raise self._fail(Reason.NO_HEADER, token)

    def _step(
        self, token: Token | LexError, state: _State
    ) -> tuple[Token | LexError | None, _State, bool]:
        """Take `token` in `state`: the next token, the next state, and whether reading ends."""
        if isinstance(token, LexError):
            raise self._fail(Reason.UNREADABLE, token)
        kind = token.kind
        if kind is Kind.MACRO:
            if state is _State.AFTER_STATEMENT:
                raise self._fail(Reason.SAME_LINE, token)
            return self._macro(token)
        if kind in _OTHER_STATEMENTS:
            if state is _State.FIRST:
                raise self._fail(Reason.BLOCK_STARTS_WITH_TEXT, token)
            if state in (_State.AFTER_TEXT, _State.AFTER_STATEMENT):
                raise self._fail(Reason.SAME_LINE, token)
            self._other_statement(token)
            return self.lexer.next(), _State.AFTER_TEXT, False
        if kind is Kind.NEWLINE and state in (_State.AFTER_TEXT, _State.AFTER_STATEMENT):
            return self.lexer.next(), _State.AFTER_BREAK, False
        if kind is Kind.RBRACE and self.blocks and state is not _State.FIRST:
            self.blocks.pop()
            self.reading.events.append(Close(token.start))
            return self.lexer.next(), _State.AFTER_STATEMENT, False
        if kind is Kind.EOF and state is not _State.START:
            for block in reversed(self.blocks):
                self._record(Reason.UNCLOSED, token, block=block)
            return None, state, True
        raise self._fail(self._reason_for(token, state), token)

    def _reason_for(self, token: Token, state: _State) -> Reason:
        kind = token.kind
        if kind is Kind.RBRACE:
            return Reason.EMPTY_BLOCK if state is _State.FIRST else Reason.UNBALANCED_CLOSE
        if kind is Kind.EOF:
            return Reason.NO_STATEMENTS
        if kind is Kind.END:
            return Reason.TEXT_RAN_OUT
        if kind is Kind.DIRECTION:
            return Reason.DIRECTION
        if kind is Kind.HEADER:
            return Reason.SECOND_HEADER
        if kind is Kind.LBRACE and state is _State.AFTER_STATEMENT:
            return Reason.BLOCK_EXPECTED
        return Reason.UNEXPECTED

    def _other_statement(self, token: Token) -> None:
        if token.kind is Kind.TITLE:
            self.reading.title = decode(token.text[6:]).strip(SPACE_CHARACTERS)
        elif token.kind in (Kind.ACC_TITLE, Kind.ACC_DESCR):
            value = self.lexer.next()
            if token.kind is Kind.ACC_TITLE and isinstance(value, Token):
                self.reading.title = decode(value.text).strip(SPACE_CHARACTERS)

    def _macro(self, macro: Token) -> tuple[Token | LexError | None, _State, bool]:
        statement, token = self._statement(macro)
        self.reading.events.append(statement)
        if not statement.opens:
            return token, _State.AFTER_STATEMENT, False
        if isinstance(token, Token) and token.kind is Kind.LBRACE:
            token = self.lexer.next()
            if not (isinstance(token, Token) and token.kind is Kind.NEWLINE):
                raise self._fail(Reason.BREAK_AFTER_BRACE, token)
            token = self.lexer.next()
        elif isinstance(token, Token) and token.kind is Kind.NEWLINE:
            token = self.lexer.next()
            if not (isinstance(token, Token) and token.kind is Kind.LBRACE):
                raise self._fail(Reason.BLOCK_EXPECTED, token)
            token = self.lexer.next()
            if isinstance(token, Token) and token.kind is Kind.NEWLINE:
                token = self.lexer.next()
        else:
            raise self._fail(Reason.BLOCK_EXPECTED, token)
        self.blocks.append(statement)
        return token, _State.FIRST, False

    def _statement(self, macro: Token) -> tuple[Statement, Token | LexError]:
        arguments: list[Argument] = []
        end = macro.end
        self.statement = Statement(macro.text, (), macro.start, end)
        token = self.lexer.next()
        while isinstance(token, Token):
            if token.kind is Kind.CALL_END:
                end = token.end
            elif token.kind in (Kind.STR, Kind.EMPTY):
                value = "" if token.kind is Kind.EMPTY else token.text
                arguments.append(_argument(value, None, token.quoted, token.start, token.end))
                end = token.end
            elif token.kind is Kind.STR_KEY:
                named = self.lexer.next()
                if not (isinstance(named, Token) and named.kind is Kind.STR_VALUE):
                    self.statement = Statement(macro.text, tuple(arguments), macro.start, end)
                    reason = Reason.UNREADABLE if isinstance(named, LexError) else None
                    raise self._fail(reason or Reason.NAMED_WITHOUT_VALUE, named)
                arguments.append(
                    _argument(named.text, token.text, True, token.start - 1, named.end + 1)
                )
                end = named.end + 1
            else:
                break
            token = self.lexer.next()
        self.statement = Statement(macro.text, tuple(arguments), macro.start, end)
        if not arguments:
            raise self._fail(Reason.NO_ARGUMENTS, token)
        return self.statement, token

    def _fail(self, reason: Reason, token: Token | LexError | None) -> _Recovered:
        """Record a failure; raising what comes back goes on at the next line."""
        block = self.blocks[-1] if reason is Reason.EMPTY_BLOCK and self.blocks else None
        self._record(reason, token, block=block)
        return _Recovered()

    def _record(
        self, reason: Reason, token: Token | LexError | None, *, block: Statement | None = None
    ) -> None:
        if isinstance(token, LexError):
            failure = Failure(
                reason, token.position, statement=self.statement, state=token.state, block=block
            )
        else:
            position = token.start if token is not None else len(self.text)
            failure = Failure(reason, position, token, self.statement, block=block)
        failures = self.reading.failures
        if not failures or (failures[-1].position, failures[-1].reason, failures[-1].block) != (
            failure.position,
            failure.reason,
            failure.block,
        ):
            failures.append(failure)

    def _recover(self) -> Token | LexError | None:
        """Read on after the last failure, in the initial state, with the blocks the braces
        written so far leave open: at the line of the failure when it starts a statement the
        line before broke, else at the next line."""
        failure = self.reading.failures[-1]
        text = self.text
        line_start = text.rfind("\n", 0, failure.position) + 1
        began = failure.statement.start if failure.statement is not None else -1
        if text[line_start : failure.position].strip() or line_start <= max(
            began, self.restarted_at
        ):
            line_end = text.find("\n", failure.position)
            if line_end < 0 or line_end + 1 >= len(text):
                return None
            line_start = line_end + 1
        self.restarted_at = line_start
        self._sync_blocks(line_start)
        self.statement = None
        self.lexer.restart(line_start)
        token = self.lexer.next()
        while isinstance(token, Token) and token.kind is Kind.NEWLINE:
            token = self.lexer.next()
        return token

    def _sync_blocks(self, position: int) -> None:
        braces = self.braces.up_to(position)
        del self.blocks[len(braces) :]
        for brace in braces[len(self.blocks) :]:
            # A block whose opening Mermaid could not read: known only by its brace.
            self.blocks.append(Statement("", (), brace, brace + 1))

    def _unclosed_at_the_end(self) -> None:
        """After a failure, the blocks the rest of the text leaves open."""
        end = len(self.text)
        self._sync_blocks(end)
        token = Token(Kind.EOF, "", end, end)
        for block in reversed(self.blocks):
            self._record(Reason.UNCLOSED, token, block=block)


class _BraceScan:
    """The `{` written so far (outside double quotes) that are not closed yet, read on from
    where the last question left off, so recovering from many failures stays linear."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.position = 0
        self.open: list[int] = []
        self.in_description = False
        """Inside an `accDescr { … }` block, whose braces are not a boundary's."""

    def up_to(self, end: int) -> list[int]:
        text, open_braces = self.text, self.open
        while self.position < end:
            line_end = text.find("\n", self.position, end)
            stop = end if line_end < 0 else line_end + 1
            quoted = False
            for offset in range(self.position, stop):
                character = text[offset]
                if self.in_description:
                    self.in_description = character != "}"
                elif character == '"':
                    quoted = not quoted
                elif quoted:
                    continue
                elif character == "{":
                    if text[self.position : offset].rstrip().endswith("accDescr"):
                        self.in_description = True
                    else:
                        open_braces.append(offset)
                elif character == "}" and open_braces:
                    open_braces.pop()
            self.position = stop
        return list(open_braces)


def _argument(value: str, key: str | None, quoted: bool, start: int, end: int) -> Argument:
    trimmed_key = decode(key).strip(SPACE_CHARACTERS) if key is not None else None
    return Argument(decode(value).strip(SPACE_CHARACTERS), trimmed_key, quoted, start, end)
