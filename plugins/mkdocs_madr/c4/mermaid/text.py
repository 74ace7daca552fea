"""The text Mermaid's C4 lexer reads, made from a diagram's source as Mermaid makes it.

Before a diagram reaches its lexer, Mermaid normalises line ends, rewrites double-quoted HTML
attributes to single quotes, takes off a `---` front-matter block, removes `%%{…}%%`
directives and every line that is only a `%%` comment, trims the start, encodes `#name;`
entities and adds a line break. What is left is what the lexer sees, so a `%%` comment after a
statement reaches it while one on its own line does not. Every character kept remembers
where it came from, so what goes wrong is reported at its line in the page.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, field

import yaml

SPACE_CHARACTERS = "".join(
    [
        "\t\n\x0b\x0c\r \xa0\u1680",
        *map(chr, range(0x2000, 0x200B)),
        "\u2028\u2029\u202f\u205f\u3000\ufeff",
    ]
)
"""What JavaScript's `\\s` and `trim()` take as white space."""
SPACE = f"[{SPACE_CHARACTERS}]"
_INLINE_SPACE = f"[{SPACE_CHARACTERS.replace(chr(10), '').replace(chr(13), '')}]"
_LINE_CHARACTER = "[^\n\r\u2028\u2029]"
_WORD = "[A-Za-z0-9_]"

_HTML_TAG = re.compile(r"<(\w+)([^>]*)>", re.ASCII)
_DOUBLE_QUOTED_ATTRIBUTE = re.compile(r'="([^"]*)"')
_FRONT_MATTER = re.compile(
    rf"({_INLINE_SPACE}*)-{{3}}{SPACE}*[\n\r](.*?)[\n\r]\1-{{3}}{SPACE}*[\n\r]+", re.DOTALL
)
_DIRECTIVE = re.compile(
    rf"%%\{{{SPACE}*(?:{_WORD}+{SPACE}*:|{_WORD}+){SPACE}*"
    rf"(?:{_WORD}+|(?:(?!\}}%%){_LINE_CHARACTER}|\r?\n)*)?{SPACE}*(?:\}}%%)?"
)
_COMMENT_LINE = re.compile(rf"(?:^|(?<=[\u2028\u2029])){SPACE}*%%(?!\{{)[^\n]+\n?", re.MULTILINE)
_LEADING_SPACE = re.compile(f"{SPACE}+")
_STYLE_RULES = tuple(
    re.compile(rf"{word}{_LINE_CHARACTER}*:[^{SPACE_CHARACTERS}]*#{_LINE_CHARACTER}*;")
    for word in ("style", "classDef")
)
_ENTITY = re.compile(rf"#{_WORD}+;")
_ENCODED_ENTITY = re.compile(rf"ﬂ°°?({_WORD}+)¶ß")


@dataclass(frozen=True)
class Prepared:
    """A diagram's source as Mermaid's lexer reads it.

    Attributes:
        text: What the lexer reads.
        origin: For each character of `text`, its offset in the source.
        source: The source as given (line ends normalised).
        title: The front matter's `title`, "" if none.
        front_matter_error: Why the front matter does not parse as YAML ("" if it does);
            Mermaid then draws nothing.
    """

    text: str
    origin: tuple[int, ...]
    source: str
    title: str = ""
    front_matter_error: str = ""
    _line_starts: list[int] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        starts = [0]
        starts.extend(match.end() for match in re.finditer("\n", self.source))
        object.__setattr__(self, "_line_starts", starts)

    def line_of(self, offset: int) -> int:
        """0-based source line of the character at `offset` of `text` (the end maps to the
        last line)."""
        if not self.origin:
            return 0
        where = self.origin[min(max(offset, 0), len(self.origin) - 1)]
        return bisect.bisect_right(self._line_starts, where) - 1

    def source_line(self, line: int) -> str:
        """The text of a 0-based source line."""
        starts = self._line_starts
        if not 0 <= line < len(starts):
            return ""
        end = starts[line + 1] - 1 if line + 1 < len(starts) else len(self.source)
        return self.source[starts[line] : end]


def prepare(source: str) -> Prepared:
    """The text Mermaid reads for `source` (one C4 diagram, without its fences)."""
    source = source.replace("\r\n", "\n").replace("\r", "\n")
    text = _HTML_TAG.sub(_single_quoted_attributes, source)
    origin = list(range(len(text)))
    title, error = "", ""
    front = _FRONT_MATTER.match(text)
    if front is not None:
        title, error = _front_matter_title(front[1], front[2])
        text, origin = text[front.end() :], origin[front.end() :]
    text, origin = _delete(text, origin, _DIRECTIVE)
    text, origin = _delete(text, origin, _COMMENT_LINE)
    leading = _LEADING_SPACE.match(text)
    if leading is not None:
        text, origin = text[leading.end() :], origin[leading.end() :]
    text, origin = _drop_style_semicolons(text, origin)
    text, origin = _replace(text, origin, _ENTITY, _encode_entity)
    return Prepared(text + "\n", (*origin, len(source)), source, title, error)


def decode(text: str) -> str:
    """A value read from prepared text with its `#name;` entities as the source wrote them."""
    return _ENCODED_ENTITY.sub(r"#\1;", text) if "¶ß" in text else text


def _single_quoted_attributes(tag: re.Match[str]) -> str:
    # The same length as the tag it replaces, so offsets keep their place.
    attributes = _DOUBLE_QUOTED_ATTRIBUTE.sub(r"='\1'", tag[2])
    return f"<{tag[1]}{attributes}>"


def _front_matter_title(indent: str, body: str) -> tuple[str, str]:
    if indent:
        body = "\n".join(
            line[len(indent) :] if line.startswith(indent) else line for line in body.split("\n")
        )
    try:
        data = yaml.safe_load(body)
    except yaml.YAMLError as error:
        return "", str(error).split("\n")[0]
    if isinstance(data, dict) and data.get("title"):
        return str(data["title"]), ""
    return "", ""


def _delete(text: str, origin: list[int], pattern: re.Pattern[str]) -> tuple[str, list[int]]:
    return _replace(text, origin, pattern, lambda match: "")


def _replace(
    text: str, origin: list[int], pattern: re.Pattern[str], new: Callable[[re.Match[str]], str]
) -> tuple[str, list[int]]:
    pieces: list[str] = []
    origins: list[int] = []
    done = 0
    for match in pattern.finditer(text):
        pieces.append(text[done : match.start()])
        origins.extend(origin[done : match.start()])
        replacement = new(match)
        pieces.append(replacement)
        if match[0].startswith(replacement):  # a cut: what is kept keeps its origin
            origins.extend(origin[match.start() : match.start() + len(replacement)])
        else:
            origins.extend([origin[match.start()]] * len(replacement))
        done = match.end()
    if not done:
        return text, origin
    pieces.append(text[done:])
    origins.extend(origin[done:])
    return "".join(pieces), origins


def _drop_style_semicolons(text: str, origin: list[int]) -> tuple[str, list[int]]:
    """Mermaid drops the last `;` of a `style …: …#…;` run before reading."""
    for rule in _STYLE_RULES:
        if rule.pattern[:5] in text:
            text, origin = _replace(text, origin, rule, lambda match: match[0][:-1])
    return text, origin


def _encode_entity(entity: re.Match[str]) -> str:
    inner = entity[0][1:-1]
    return f"ﬂ°°{inner}¶ß" if inner.isdigit() else f"ﬂ°{inner}¶ß"
