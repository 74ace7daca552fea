"""One value of YAML front matter, found as YAML reads it and replaced in place.

Front matter is edited as text, so comments and layout survive. Where a value begins and ends
is YAML's to say, not the lines': a key may follow a NEL (U+0085) or U+2028 on the same line, a
plain value may go on over indented lines, a value may carry an anchor (`&s`) that other keys
use (`*s`). PyYAML's scanner gives every token with its place in the text; the edit replaces
exactly the value's characters, then loads the result and checks that every other key reads as
before. What it cannot do safely (an alias, a block list, YAML it cannot scan) it refuses.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import yaml

from .document import Document
from .layout import EditError

YAML_ONLY_BREAKS = "\x85\u2028\u2029"
"""Line breaks to YAML (NEL, LS, PS) that are none to Markdown, nor to a `Document`."""
_BREAKS = "\r\n" + YAML_ONLY_BREAKS
_OPEN = (yaml.FlowMappingStartToken, yaml.FlowSequenceStartToken)
_CLOSE = (yaml.FlowMappingEndToken, yaml.FlowSequenceEndToken)
_BLOCK = (yaml.BlockMappingStartToken, yaml.BlockSequenceStartToken)


@dataclass(frozen=True)
class Value:
    """A top-level key's value: its characters in the front matter, how it is written, and what
    it says.

    Attributes:
        key: The key as written.
        start: Offset of the value's first character in the front matter's text.
        end: Offset just after its last character (an empty value: `start == end`).
        style: `"`, `'`, `plain`, `block` (`|` or `>`), `flow` (`[…]`, `{…}`) or `empty`.
        text: The value as YAML reads it, for a scalar ("" otherwise).
    """

    key: str
    start: int
    end: int
    style: str
    text: str


class Unscannable(EditError):
    """The front matter is not YAML the scanner can take apart."""


class FrontMatterText:
    """The front matter of a document (between its `---` lines) as one text, with the way back
    from a character of that text to a line of the document."""

    def __init__(self, document: Document) -> None:
        front = document.front_matter()
        if front is None:
            raise EditError("the record has no front matter")
        self.document = document
        self.first = front[0] + 1
        self.last = front[1]  # the closing `---`, excluded
        self.starts: list[int] = []
        pieces: list[str] = []
        offset = 0
        for index in range(self.first, self.last):
            self.starts.append(offset)
            piece = document.lines[index] + document.endings[index]
            pieces.append(piece)
            offset += len(piece)
        self.text = "".join(pieces)

    def line_of(self, offset: int) -> int:
        """The document line (0-based) holding the character at `offset`."""
        return self.first + bisect.bisect_right(self.starts, offset) - 1

    def value_of(self, is_wanted: Callable[[str], bool], line: int | None = None) -> Value:
        """The value of the one top-level key for which `is_wanted(key)` holds, wherever YAML
        reads it (`line`, where the reader saw it, names the place in errors); raises
        `EditError` when there is none, more than one, or one that cannot be edited."""
        where = line + 1 if line is not None else None
        tokens = self._tokens(where)
        keys = [(name, at) for name, at in _top_level_keys(tokens) if is_wanted(name)]
        if len(keys) > 1:
            names = ", ".join(name for name, _ in keys)
            message = f"the front matter states the status {len(keys)} times ({names})"
            raise EditError(message + "; set it by hand", where)
        if not keys:
            raise EditError("YAML reads no status in the front matter", where)
        name, at = keys[0]
        return self._value(name, tokens, at + 2)

    def key_line(self, is_wanted: Callable[[str], bool]) -> int | None:
        """The document line of the one top-level key for which `is_wanted(key)` holds."""
        try:
            tokens = self._tokens(None)
        except Unscannable:
            return None
        keys = [at for name, at in _top_level_keys(tokens) if is_wanted(name)]
        return self.line_of(tokens[keys[0]].start_mark.index) if len(keys) == 1 else None

    def replace(self, value: Value, written: str) -> list[int]:
        """Put `written` in place of the value; returns the document line it is now on. The
        lines the value spanned become one line, which keeps the last one's ending."""
        first, last = self.line_of(value.start), self.line_of(max(value.end - 1, value.start))
        document = self.document
        head = document.lines[first][: value.start - self.starts[first - self.first]]
        tail_at = value.end - self.starts[last - self.first]
        tail = document.lines[last][tail_at:] if tail_at <= len(document.lines[last]) else ""
        document.lines[first : last + 1] = [head + written + tail]
        document.endings[first : last + 1] = [document.endings[last]]
        return [first]

    # --- reading the tokens -----------------------------------------------------------------

    def _tokens(self, line: int | None) -> list[Any]:
        try:
            return list(yaml.scan(self.text, Loader=yaml.SafeLoader))
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None)
            where = self.line_of(mark.index) + 1 if mark is not None else line
            raise Unscannable(
                "the front matter is not YAML adr can take apart; set the status by hand", where
            ) from None

    def _value(self, key: str, tokens: list[Any], at: int) -> Value:
        """The value after the `ValueToken` at `at`."""
        colon = tokens[at]
        index = at + 1
        while isinstance(tokens[index], (yaml.AnchorToken, yaml.TagToken)):
            index += 1  # an anchor or a tag stays: only what follows is replaced
        token: Any = tokens[index]
        line = self.line_of(token.start_mark.index) + 1
        if isinstance(token, yaml.AliasToken):
            raise EditError(
                f"the status is an alias (*{token.value}) of another value; set it by hand", line
            )
        if isinstance(token, yaml.ScalarToken):
            style = {None: "plain", "|": "block", ">": "block"}.get(token.style) or token.style
            end = self._trimmed(token.end_mark.index)
            return Value(key, token.start_mark.index, end, style, str(token.value))
        if isinstance(token, _OPEN):
            depth, close = 0, index
            for close in range(index, len(tokens)):
                if isinstance(tokens[close], _OPEN):
                    depth += 1
                elif isinstance(tokens[close], _CLOSE):
                    depth -= 1
                    if depth == 0:
                        break
            return Value(key, token.start_mark.index, tokens[close].end_mark.index, "flow", "")
        if isinstance(token, (*_BLOCK, yaml.BlockEntryToken)):
            raise EditError("the status in front matter is a list; set it by hand", line)
        end = colon.end_mark.index  # nothing: the next key, or the end of the mapping
        return Value(key, end, end, "empty", "")

    def _trimmed(self, end: int) -> int:
        """A block scalar's end, before the line breaks and spaces that end it."""
        while end > 0 and self.text[end - 1] in _BREAKS + " \t":
            end -= 1
        return end


def _top_level_keys(tokens: list[Any]) -> list[tuple[str, int]]:
    """The keys of the top-level mapping, each with the index of its `KeyToken`."""
    found: list[tuple[str, int]] = []
    block = flow = 0
    for index, token in enumerate(tokens):
        if isinstance(token, _BLOCK):
            block += 1
        elif isinstance(token, yaml.BlockEndToken):
            block -= 1
        elif isinstance(token, _OPEN):
            flow += 1
        elif isinstance(token, _CLOSE):
            flow -= 1
        elif (
            isinstance(token, yaml.KeyToken)
            and (block, flow) == (1, 0)
            and index + 2 < len(tokens)
            and isinstance(tokens[index + 1], yaml.ScalarToken)
            and isinstance(tokens[index + 2], yaml.ValueToken)
        ):
            found.append((str(tokens[index + 1].value), index))
    return found


class _Comparable(yaml.SafeLoader):
    """Safe loading for comparing values: dates stay the text they are written as."""


_Comparable.add_constructor(
    "tag:yaml.org,2002:timestamp",
    lambda loader, node: loader.construct_scalar(node),  # type: ignore[arg-type]
)


def load(text: str) -> dict[str, Any] | None:
    """The front matter's keys, or None when it does not load as a mapping."""
    try:
        loaded = yaml.load(text, Loader=_Comparable)  # a safe loader
    except (yaml.YAMLError, ValueError, TypeError, AttributeError, RecursionError):
        return None
    return {str(key): value for key, value in loaded.items()} if isinstance(loaded, dict) else None


def check_others(before: str, after: str, key: str, line: int) -> None:
    """Refuse an edit of `key` that changed any other key, or broke YAML that loaded; a key that
    was an alias of the old value may follow it to the new one."""
    old = load(before)
    if old is None:
        return  # it did not load before: the reader salvages it line by line, as before
    new = load(after)
    if new is None:
        raise EditError("the edited front matter would not be valid YAML; set it by hand", line)
    for name in sorted(set(old) | set(new)):
        if name == key:
            continue
        was, now = old.get(name), new.get(name)
        if was != now and not (was == old.get(key) and now == new.get(key)):
            raise EditError(
                f"the edit would change '{name}' in the front matter too; set it by hand", line
            )
