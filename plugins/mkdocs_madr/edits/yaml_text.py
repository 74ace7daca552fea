"""Writing YAML scalars and flow lists by hand, and taking one `key: value` line apart.

Front matter is edited as text, so comments and layout survive; these helpers make sure a
value written into it reads back as the same string with PyYAML.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Plain (unquoted) scalars: start with a letter, no `: `, ` #`, quotes or leading indicators.
_BLOCK_PLAIN = re.compile(r"[^\W\d_][\w .,()/+\-\[\]]*", re.UNICODE)
_FLOW_PLAIN = re.compile(r"[^\W\d_][\w .()/+\-]*", re.UNICODE)
_RESERVED = frozenset({"y", "n", "yes", "no", "true", "false", "on", "off", "null", "nan", "inf"})
_KEY_LINE = re.compile(r"^(?P<key>[A-Za-z_][\w.-]*(?: [\w.-]+)*)(?P<colon>[ \t]*:)(?P<rest>.*)$")


def quoted(value: str) -> str:
    """A double-quoted YAML scalar; anything YAML cannot hold raw is escaped."""
    out = ['"']
    for char in value:
        if char in '"\\':
            out.append("\\" + char)
        elif _needs_escape(char):
            code = ord(char)
            out.append(f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}")
        else:
            out.append(char)
    out.append('"')
    return "".join(out)


def _needs_escape(char: str) -> bool:
    code = ord(char)
    if code < 0x20 or 0x7F <= code <= 0x9F or code in (0x2028, 0x2029, 0xFEFF, 0xFFFE, 0xFFFF):
        return True
    return unicodedata.category(char) in ("Cs", "Co", "Cn")


def scalar(value: str, *, flow: bool = False) -> str:
    """A scalar, plain when that is unambiguous, else double-quoted."""
    pattern = _FLOW_PLAIN if flow else _BLOCK_PLAIN
    plain = (
        pattern.fullmatch(value) is not None
        and value == value.strip()
        and value.lower() not in _RESERVED
    )
    return value if plain else quoted(value)


def flow_list(values: list[str]) -> str:
    """`[a, "b, c"]`."""
    return "[" + ", ".join(scalar(value, flow=True) for value in values) + "]"


@dataclass(frozen=True)
class KeyLine:
    """One front-matter line taken apart: `prefix` up to the value, the value, the rest.

    `style` is how the value is written: `"`, `'`, `plain` or `empty`; `block` is True when the
    value continues on the following lines (`|`, `>`, or nothing and an indented list below).
    """

    key: str
    prefix: str
    value: str
    suffix: str
    style: str


def split_key_line(line: str) -> KeyLine | None:
    """`status: "accepted"  # why` → key, `status: `, `"accepted"`, `  # why`, style `"`."""
    match = _KEY_LINE.match(line)
    if match is None:
        return None
    rest = match.group("rest")
    spaces = len(rest) - len(rest.lstrip(" \t"))
    if rest and spaces == 0:
        return None  # `key:value` is a plain scalar, not a mapping entry
    prefix = line[: match.end("colon")] + rest[:spaces]
    body = rest[spaces:]
    if not body or body.startswith("#"):
        return KeyLine(match.group("key"), prefix, "", body, "empty")
    if body[0] in "\"'":
        end = _closing_quote(body)
        if end is None:
            return None
        return KeyLine(match.group("key"), prefix, body[: end + 1], body[end + 1 :], body[0])
    comment = re.search(r"[ \t]+#", body)
    value_end = comment.start() if comment else len(body.rstrip(" \t"))
    return KeyLine(match.group("key"), prefix, body[:value_end], body[value_end:], "plain")


def _closing_quote(body: str) -> int | None:
    quote = body[0]
    index = 1
    while index < len(body):
        char = body[index]
        if quote == '"' and char == "\\":
            index += 2
            continue
        if char == quote:
            if quote == "'" and body[index + 1 : index + 2] == "'":
                index += 2
                continue
            return index
        index += 1
    return None


def single_quoted(value: str) -> str:
    if any(_needs_escape(char) for char in value):
        return quoted(value)
    return "'" + value.replace("'", "''") + "'"
