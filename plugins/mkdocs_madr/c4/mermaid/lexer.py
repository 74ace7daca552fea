"""Mermaid 11's C4 lexer: the tokens its parser sees, rule by rule and state by state.

Mermaid's lexer tries its rules in a fixed order and takes the first that matches where it
stands; some rules switch state. After a macro name only `(` may follow; between the
parentheses an argument is a double-quoted string, a `$name="value"` pair, or any run of text
up to the next comma (across `)` and line ends); a `%%` comment takes the line breaks after it
along. Those states and that order are kept here, so text is cut exactly where Mermaid cuts
it, and whatever Mermaid cannot read is an error at the same place.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass

from .text import SPACE

MACROS: tuple[str, ...] = (
    *("Person", "Person_Ext"),
    *("System", "SystemDb", "SystemQueue", "System_Ext", "SystemDb_Ext", "SystemQueue_Ext"),
    *("Boundary", "Enterprise_Boundary", "System_Boundary", "Container_Boundary"),
    *("Container", "ContainerDb", "ContainerQueue"),
    *("Container_Ext", "ContainerDb_Ext", "ContainerQueue_Ext"),
    *("Component", "ComponentDb", "ComponentQueue"),
    *("Component_Ext", "ComponentDb_Ext", "ComponentQueue_Ext"),
    *("Deployment_Node", "Node", "Node_L", "Node_R"),
    *("Rel", "BiRel", "Rel_Up", "Rel_U", "Rel_Down", "Rel_D", "Rel_Left", "Rel_L"),
    *("Rel_Right", "Rel_R", "Rel_Back", "RelIndex"),
    *("UpdateElementStyle", "UpdateRelStyle", "UpdateLayoutConfig"),
)
"""Every statement macro Mermaid 11.17 knows; nothing else is a statement."""

HEADERS: tuple[str, ...] = ("C4Context", "C4Container", "C4Component", "C4Dynamic", "C4Deployment")


class Kind(enum.Enum):
    """What a token is; the names follow Mermaid's grammar where it has one."""

    HEADER = "header"
    NEWLINE = "line break"
    EOF = "end of the diagram"
    END = "end of the text"
    """The input ran out where Mermaid's lexer has no end rule (inside an argument list)."""
    EOF_IN_CALL = "end of the text after a macro"
    TITLE = "title"
    ACC_DESCRIPTION = "accDescription"
    ACC_TITLE = "accTitle"
    ACC_TITLE_VALUE = "accTitle text"
    ACC_DESCR = "accDescr"
    ACC_DESCR_VALUE = "accDescr text"
    ACC_DESCR_BLOCK = "accDescr block"
    DIRECTION = "direction"
    MACRO = "statement"
    CALL_END = ")"
    """Not a token of Mermaid's grammar: the `)` that ends an argument list, kept for where
    a statement ends."""
    LBRACE = "{"
    RBRACE = "}"
    STR = "argument"
    STR_KEY = "argument name"
    STR_VALUE = "argument value"
    EMPTY = "empty argument"


@dataclass(frozen=True)
class Token:
    """One token.

    Attributes:
        kind: What it is.
        text: The text it covers.
        start: Offset of its first character in the prepared text.
        end: Offset after its last character.
        quoted: For an argument, whether it was written in double quotes.
    """

    kind: Kind
    text: str
    start: int
    end: int
    quoted: bool = False


@dataclass(frozen=True)
class LexError:
    """Text Mermaid's lexer cannot read.

    Attributes:
        position: Offset in the prepared text where no rule matches.
        state: The lexer state there: "initial", "call" (right after a macro name), "key"
            (after a `$name` that `="` should follow), or another state's name.
    """

    position: int
    state: str


_INITIAL, _CALL, _ARGUMENTS, _STRING = "initial", "call", "arguments", "string"
_NAMED, _KEY, _VALUE = "named", "key", "value"
_ACC_TITLE, _ACC_DESCR, _ACC_BLOCK = "acc_title", "acc_descr", "acc_block"

_WORD_END = "(?![A-Za-z0-9_])"
_DIRECTION = re.compile(rf"[^\n\r\u2028\u2029]*direction{SPACE}+(?:TB|BT|RL|LR)[^\n]*")
_TITLE = re.compile(rf"title{SPACE}[^#\n;]+")
_ACC_DESCRIPTION = re.compile(rf"accDescription{SPACE}[^#\n;]+")
_ACC_TITLE_START = re.compile(rf"accTitle{SPACE}*:{SPACE}*")
_ACC_DESCR_START = re.compile(rf"accDescr{SPACE}*:{SPACE}*")
_ACC_BLOCK_START = re.compile(rf"accDescr{SPACE}*\{{{SPACE}*")
_COMMENT = re.compile(r"%%[^\n]*[\r\n]*")
_NEWLINE = re.compile(rf"{SPACE}*(?:\r?\n)+")
_WHITESPACE = re.compile(f"{SPACE}+")
_HEADER = re.compile(f"(?:{'|'.join(HEADERS)}){_WORD_END}")
_MACRO = re.compile(f"(?:{'|'.join(sorted(MACROS, key=len, reverse=True))}){_WORD_END}")
_EMPTY_FIRST = re.compile(r"\([ ]*,")
_EMPTY_QUOTES = re.compile(r'[ ]*""')
_QUOTE = re.compile(r'[ ]*"')
_DOLLAR = re.compile(r"[ ]*\$")
_UNQUOTED = re.compile(r"[^,]+")
_CLOSING_QUOTE = re.compile('"')
_QUOTED_TEXT = re.compile(r'[^"]*')
_NAME = re.compile(r"[^=]*")
_EQUALS_QUOTE = re.compile(r'=[ ]*"')
_VALUE_TEXT = re.compile(r'[^"]+')
_REST_OF_LINE = re.compile(r"[^\n]*")
_BLOCK_TEXT = re.compile(r"[^}]*")


class Lexer:
    """Mermaid's C4 lexer over prepared text; `next` gives one token at a time.

    Attributes:
        comments: (start, end) of each `%%` comment the lexer skipped together with the line
            break after it, in order: Mermaid then reads the next line as part of this one.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.position = 0
        self.comments: list[tuple[int, int]] = []
        self._states = [_INITIAL]
        self._done = False
        self._has_direction = "direction" in text

    @property
    def state(self) -> str:
        return self._states[-1]

    def restart(self, position: int) -> None:
        """Go on reading at `position` in the initial state (after an error)."""
        self.position = position
        self._states = [_INITIAL]
        self._done = False

    def next(self) -> Token | LexError:
        """The next token; `Kind.END` once the text is used up."""
        while True:
            if self._done:
                return Token(Kind.END, "", len(self.text), len(self.text))
            if self.position >= len(self.text):
                self._done = True
            found = self._step()
            if found is not None:
                return found

    def _step(self) -> Token | LexError | None:
        """Apply the first rule of the current state that matches; None when it skips."""
        state = self.state
        if state == _INITIAL:
            return self._initial()
        if state == _CALL:
            return self._call()
        if state == _ARGUMENTS:
            return self._arguments()
        if state == _STRING:
            if self._take(_CLOSING_QUOTE):
                self._pop()
                return None
            return self._token(_QUOTED_TEXT, Kind.STR, quoted=True)
        if state == _NAMED:
            token = self._token(_NAME, Kind.STR_KEY)
            self._push(_KEY)
            return token
        if state == _KEY:
            if self._take(_EQUALS_QUOTE):
                self._pop()
                self._push(_VALUE)
                return None
            return self._nothing_matches()
        if state == _VALUE:
            if self.text.startswith('"', self.position):
                self.position += 1
                self._pop(2)
                return None
            return self._token(_VALUE_TEXT, Kind.STR_VALUE) or self._nothing_matches()
        if state in (_ACC_TITLE, _ACC_DESCR):
            kind = Kind.ACC_TITLE_VALUE if state == _ACC_TITLE else Kind.ACC_DESCR_VALUE
            token = self._token(_REST_OF_LINE, kind)
            self._pop()
            return token
        # _ACC_BLOCK
        if self.text.startswith("}", self.position):
            self.position += 1
            self._pop()
            return None
        return self._token(_BLOCK_TEXT, Kind.ACC_DESCR_BLOCK)

    def _initial(self) -> Token | LexError | None:
        if self._has_direction and (token := self._token(_DIRECTION, Kind.DIRECTION)):
            return token
        for pattern, kind in ((_TITLE, Kind.TITLE), (_ACC_DESCRIPTION, Kind.ACC_DESCRIPTION)):
            if token := self._token(pattern, kind):
                return token
        if token := self._token(_ACC_TITLE_START, Kind.ACC_TITLE):
            self._push(_ACC_TITLE)
            return token
        if token := self._token(_ACC_DESCR_START, Kind.ACC_DESCR):
            self._push(_ACC_DESCR)
            return token
        if self._take(_ACC_BLOCK_START):
            self._push(_ACC_BLOCK)
            return None
        start = self.position
        if self._take(_COMMENT):
            if "\n" in self.text[start : self.position]:
                self.comments.append((start, self.position))
            return None
        if token := self._token(_NEWLINE, Kind.NEWLINE):
            return token
        if self._take(_WHITESPACE):
            return None
        if token := self._token(_HEADER, Kind.HEADER):
            return token
        if token := self._token(_MACRO, Kind.MACRO):
            self._push(_CALL)
            return token
        for brace, kind in (("{", Kind.LBRACE), ("}", Kind.RBRACE)):
            if self.text.startswith(brace, self.position):
                self.position += 1
                return Token(kind, brace, start, start + 1)
        if self.position >= len(self.text):
            return Token(Kind.EOF, "", start, start)
        return LexError(start, _INITIAL)

    def _call(self) -> Token | LexError | None:
        start = self.position
        if start >= len(self.text):
            return Token(Kind.EOF_IN_CALL, "", start, start)
        if token := self._token(_EMPTY_FIRST, Kind.EMPTY):
            self._push(_ARGUMENTS)
            return token
        if self.text.startswith("(", start):
            self.position += 1
            self._push(_ARGUMENTS)
            return None
        if self.text.startswith(")", start):
            return self._close_call()
        return LexError(start, _CALL)

    def _arguments(self) -> Token | LexError | None:
        start = self.position
        if self.text.startswith(")", start):
            return self._close_call()
        if self.text.startswith(",,", start):
            self.position += 2
            return Token(Kind.EMPTY, ",,", start, start + 2)
        if self.text.startswith(",", start):
            self.position += 1
            return None
        if token := self._token(_EMPTY_QUOTES, Kind.EMPTY, quoted=True):
            return token
        if self._take(_QUOTE):
            self._push(_STRING)
            return None
        if self._take(_DOLLAR):
            self._push(_NAMED)
            return None
        return self._token(_UNQUOTED, Kind.STR) or self._nothing_matches()

    def _close_call(self) -> Token:
        start = self.position
        self.position += 1
        self._pop(2)
        return Token(Kind.CALL_END, ")", start, start + 1)

    def _nothing_matches(self) -> Token | LexError:
        if self.position >= len(self.text):
            return Token(Kind.END, "", self.position, self.position)
        return LexError(self.position, self.state)

    def _take(self, pattern: re.Pattern[str]) -> bool:
        match = pattern.match(self.text, self.position)
        if match is None:
            return False
        self.position = match.end()
        return True

    def _token(self, pattern: re.Pattern[str], kind: Kind, *, quoted: bool = False) -> Token | None:
        match = pattern.match(self.text, self.position)
        if match is None:
            return None
        self.position = match.end()
        return Token(kind, match[0], match.start(), match.end(), quoted)

    def _push(self, state: str) -> None:
        self._states.append(state)

    def _pop(self, count: int = 1) -> None:
        for _ in range(count):
            if len(self._states) > 1:
                self._states.pop()
