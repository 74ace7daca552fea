"""Reading one statement line: comments, the macro call and its arguments.

Each function here looks at one line once, left to right, so reading a diagram stays linear in
its size whatever the lines contain.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_CALL_START = re.compile(r"([A-Za-z_][A-Za-z0-9_]*)\s*\(")
# One token of an argument list: a quoted string (a backslash-escaped quote does not end it),
# a run of plain text, a punctuation mark, or a quote that is never closed.
_ARGUMENT_TOKEN = re.compile(r'"((?:\\"|[^"])*)"|([^"(),]+)|([(),])|(")')
_ESCAPED_QUOTE = '\\"'


@dataclass(frozen=True)
class Argument:
    """One argument of a macro call.

    Attributes:
        value: The text, quotes removed and surrounding whitespace trimmed.
        name: For `$name="value"` the name without the dollar sign; None for a positional one.
    """

    value: str
    name: str | None = None


@dataclass(frozen=True)
class Call:
    """A macro call such as `Container(api, "API", "Go")`.

    Attributes:
        name: The macro name as written.
        arguments: The arguments in order.
        rest: What follows the closing parenthesis, trimmed ("{" for a boundary opening).
        problems: Non-fatal complaints, for example a `$name` without `=`.
    """

    name: str
    arguments: tuple[Argument, ...]
    rest: str
    problems: tuple[str, ...] = ()

    @property
    def positional(self) -> list[str]:
        """Values of the positional arguments, in order."""
        return [argument.value for argument in self.arguments if argument.name is None]

    @property
    def named(self) -> dict[str, str]:
        """Values of the `$name=` arguments by name; a repeated name keeps its last value."""
        return {
            argument.name: argument.value
            for argument in self.arguments
            if argument.name is not None
        }


@dataclass(frozen=True)
class CallError:
    """Why a line could not be read as a macro call.

    Attributes:
        message: What is wrong, as a sentence fragment ("a quoted string is never closed").
        not_a_call: True when the line does not even start like `Name(`.
    """

    message: str
    not_a_call: bool = False


def strip_comment(line: str) -> str:
    """The line without a trailing `%%` comment; a `%%` inside double quotes is kept."""
    if "%%" not in line:
        return line
    in_quotes = False
    position = 0
    end = len(line)
    while position < end:
        char = line[position]
        if in_quotes:
            if line.startswith(_ESCAPED_QUOTE, position):
                position += 2
                continue
            if char == '"':
                in_quotes = False
        elif char == '"':
            in_quotes = True
        elif line.startswith("%%", position):
            return line[:position]
        position += 1
    return line


def parse_call(text: str) -> Call | CallError:
    """Read `Name(arg, "quoted, arg", $named="value") {` into a `Call`.

    Arguments are split at commas that are outside double quotes and outside nested
    parentheses. A quoted string may contain commas, parentheses and `\\"`; text glued to a
    quoted string (`"a"b`) joins it. An argument starting with `$` is named: `$techn="Go"`.

    Args:
        text: One statement, comment already removed, without leading whitespace.

    Returns:
        The call, or a `CallError` saying why the text is not one.
    """
    start = _CALL_START.match(text)
    if start is None:
        return CallError("not a macro call", not_a_call=True)
    arguments: list[Argument] = []
    problems: list[str] = []
    pieces: list[tuple[str, bool]] = []
    depth = 0
    position = start.end()
    while position < len(text):
        token = _ARGUMENT_TOKEN.match(text, position)
        if token is None:  # pragma: no cover - the pattern matches any character
            break
        position = token.end()
        quoted, plain, mark, stray_quote = token.groups()
        if quoted is not None:
            pieces.append((quoted.replace(_ESCAPED_QUOTE, '"'), True))
        elif plain is not None:
            pieces.append((plain, False))
        elif stray_quote is not None:
            return CallError("a quoted string is never closed")
        elif mark == "(":
            depth += 1
            pieces.append((mark, False))
        elif mark == ")" and depth > 0:
            depth -= 1
            pieces.append((mark, False))
        elif mark == ",":
            if depth > 0:
                pieces.append((mark, False))
            else:
                arguments.append(_argument(pieces, problems))
                pieces = []
        else:  # the closing parenthesis of the call
            if arguments or _has_content(pieces):
                arguments.append(_argument(pieces, problems))
            return Call(start.group(1), tuple(arguments), text[position:].strip(), tuple(problems))
    return CallError("the closing parenthesis is missing")


def _has_content(pieces: list[tuple[str, bool]]) -> bool:
    return any(quoted or text.strip() for text, quoted in pieces)


def _argument(pieces: list[tuple[str, bool]], problems: list[str]) -> Argument:
    if pieces and not pieces[0][1]:
        head = pieces[0][0].lstrip()
        if head.startswith("$"):
            name, equals, value_start = head[1:].partition("=")
            if not equals:
                problems.append(f"the named argument `${name.strip()}` has no `=`")
            value = value_start + "".join(text for text, _ in pieces[1:])
            return Argument(value.strip(), name.strip())
    return Argument("".join(text for text, _ in pieces).strip())
