"""A text file as lines that remember their own line endings, so edits keep every other byte."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

BOM = b"\xef\xbb\xbf"
_LINE = re.compile(r"([^\r\n]*)(\r\n|\n|\r|)")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_FRONT_MATTER_FENCE = re.compile(r"^-{3,}\s*$")
_ATX = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+|$)")
_CLOSING = re.compile(r"(?:^|[ \t]+)#+[ \t]*$")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_BLOCK_START = re.compile(r"^ {0,3}(?:[-*+>]|\d{1,9}[.)])(?:[ \t]|$)")


@dataclass
class Document:
    """Lines without their endings, the ending of each line, and whether a BOM leads the file.

    The last line's ending is empty when the file does not end with a newline. Line numbers in
    the methods are 0-based indexes; the parser's 1-based `Decision.lines` are `index + 1`.
    """

    lines: list[str] = field(default_factory=list)
    endings: list[str] = field(default_factory=list)
    bom: bool = False

    @classmethod
    def from_bytes(cls, data: bytes) -> Document:
        """Decode UTF-8 (raising `UnicodeDecodeError`), remembering a BOM."""
        bom = data.startswith(BOM)
        return cls.from_text(data[len(BOM) :].decode("utf-8") if bom else data.decode("utf-8"), bom)

    @classmethod
    def from_text(cls, text: str, bom: bool = False) -> Document:
        document = cls(bom=bom)
        for match in _LINE.finditer(text):
            if not match.group(0):
                break
            document.lines.append(match.group(1))
            document.endings.append(match.group(2))
        return document

    def text(self) -> str:
        return "".join(line + ending for line, ending in zip(self.lines, self.endings, strict=True))

    def to_bytes(self) -> bytes:
        return (BOM if self.bom else b"") + self.text().encode("utf-8")

    def newline(self, near: int | None = None) -> str:
        """The ending for a new line: that of line `near` if it has one, else the commonest."""
        if near is not None and 0 <= near < len(self.endings) and self.endings[near]:
            return self.endings[near]
        counts = Counter(ending for ending in self.endings if ending)
        return counts.most_common(1)[0][0] if counts else "\n"

    def replace(self, index: int, line: str) -> None:
        """Replace the content of one line; its ending stays."""
        self.lines[index] = line

    def insert(self, index: int, lines: list[str]) -> None:
        """Insert lines before `index` (`len(self)` appends), ended like the line above.

        Appending to a file without a final newline ends the old last line and leaves the new
        last line unended, as the file was.
        """
        if not lines:
            return
        ending = self.newline(index - 1 if index > 0 else index)
        endings = [ending] * len(lines)
        if index == len(self.lines) and self.lines and not self.endings[-1]:
            self.endings[-1] = ending
            endings[-1] = ""
        self.lines[index:index] = lines
        self.endings[index:index] = endings

    def replace_range(self, start: int, end: int, lines: list[str]) -> None:
        """Replace lines `start` to `end` (exclusive) with `lines`, ended like line `start`."""
        ending = self.newline(start - 1 if start > 0 else start)
        at_end = end == len(self.lines) and end > 0 and not self.endings[-1]
        endings = [ending] * len(lines)
        if at_end and endings:
            endings[-1] = ""
        self.lines[start:end] = lines
        self.endings[start:end] = endings

    def __len__(self) -> int:
        return len(self.lines)

    def is_blank(self, index: int) -> bool:
        return not self.lines[index].strip()

    def front_matter(self) -> tuple[int, int] | None:
        """Indexes of the opening and closing `---` of YAML front matter, if the file has any."""
        if not self.lines or not _FRONT_MATTER_FENCE.match(self.lines[0]):
            return None
        for index in range(1, len(self.lines)):
            if _FRONT_MATTER_FENCE.match(self.lines[index]):
                return 0, index
        return None

    def code_lines(self) -> list[bool]:
        """For each line, whether it lies inside (or opens or closes) a fenced code block."""
        flags: list[bool] = []
        fence: str | None = None
        for line in self.lines:
            if fence is None:
                match = _FENCE.match(line)
                if match:
                    fence = match.group(1)
                flags.append(fence is not None)
            else:
                flags.append(True)
                stripped = line.strip()
                if stripped.startswith(fence) and set(stripped) == {fence[0]}:
                    fence = None
        return flags

    def headings(self) -> list[Heading]:
        """ATX and setext headings outside code blocks and front matter, in order."""
        code = self.code_lines()
        front = self.front_matter()
        start = front[1] + 1 if front else 0
        found: list[Heading] = []
        for index in range(start, len(self.lines)):
            if code[index]:
                continue
            line = self.lines[index]
            match = _ATX.match(line)
            if match:
                title = _CLOSING.sub("", line[match.end() :]).strip()
                found.append(Heading(index, len(match.group(1)), title, index))
                continue
            underline = _SETEXT.match(line)
            if underline and index > start and self._setext_text(index - 1, code):
                level = 1 if underline.group(1)[0] == "=" else 2
                found.append(Heading(index - 1, level, self.lines[index - 1].strip(), index))
        return found

    def _setext_text(self, index: int, code: list[bool]) -> bool:
        line = self.lines[index]
        return (
            bool(line.strip())
            and not code[index]
            and _ATX.match(line) is None
            and _BLOCK_START.match(line) is None
            and not line.startswith(("    ", "\t"))
        )


@dataclass(frozen=True)
class Heading:
    """A heading: the index of its text line, level, text and the index of its last line."""

    index: int
    level: int
    title: str
    last: int


def section_end(document: Document, headings: list[Heading], heading: Heading) -> int:
    """The index just after the section that `heading` opens (the next heading of its rank)."""
    for other in headings:
        if other.index > heading.index and other.level <= heading.level:
            return other.index
    return len(document)
