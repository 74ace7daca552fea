"""Setting a record's status in its own dialect, changing only the line(s) that state it.

Where a status is written decides how it is rewritten:

* front matter (MADR 3/4): the value of `status:`, keeping its quoting and any `# comment`;
  MADR 4 names a successor by identifier only (`"superseded by ADR-0005"`), MADR 3 by link;
* a metadata line or bullet (`* Status:`, `- Status:`, `**Status**:`): only the value, keeping
  the bullet, the key's spelling, bold, `<!-- comments -->` and trailing spaces;
* a metadata table row: only the value cell;
* a Nygard `## Status` section: the status line (`Superseded by [5. Title](0005-x.md)`);
* a status badge in the title (`# [Superseded by ADR-0019](…) Title`, `# Draft: Title`): the
  badge;
* a dated status line (`Accepted — 2025-03-02. Scope: …`, `2020-03-25 accepted`) whose date is
  the record's: the status word, keeping the date and the remark; the last line of a dated
  history (`2017-11-24 完成`): the status, dated today.

A record that states no status gets one line (or a front-matter block) in its dialect's place.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from ..core.model import Decision, Dialect, Line
from ..core.parse.fields import RUN_IN_SEPARATOR, split_key_value
from ..core.parse.status import read_status, relation_verb
from ..core.text import plain, strip_comments
from .document import Document, section_end
from .front_matter_value import YAML_ONLY_BREAKS, FrontMatterText, Unscannable, check_others
from .layout import (
    EditError,
    body_start,
    find_section,
    first_section,
    is_comment_line,
    split_metadata_line,
    split_value,
    title_heading,
)
from .markdown_text import link_text, one_line
from .metadata_table import field_cell, in_table, rewrite
from .references import Reference
from .yaml_text import KeyLine, quoted, scalar, single_quoted, split_key_line

_BADGE = re.compile(
    r"^(?P<lead> {0,3}#{1,6}[ \t]+| {0,3})"
    r"(?P<badge>\[(?:super[sc]e+ded|deprecated|rejected|accepted|proposed|draft)[^\]]*\]"
    r"(?:\([^)]*\))?"
    r"|(?:super[sc]e+ded|deprecated|rejected|accepted|proposed|draft)[ \t]*:(?=[ \t]))"
    r"(?P<gap>[ \t]*)",
    re.IGNORECASE,
)
_SUFFIX_BADGE = re.compile(
    r"[ \t](?P<badge>\[(?:(?:super[sc]e+ded|deprecated|rejected|accepted|proposed|draft)\b"
    r"|(?-i:(?=[A-Z -]{4})[A-Z]{2,}(?:[ -][A-Z]{2,})*)\b)[^\[\]]{0,60}\])"
    r"(?P<end>[ \t]*(?:#+[ \t]*)?)$",
    re.IGNORECASE,
)
"""`# ADR-12: Title [ACCEPTED]`: the status after the title (see `titles.title_banner`)."""
_DATE_LEAD = re.compile(
    r"\s*(?:\d{4}[-/.]\d\d?[-/.]\d\d?|\d{1,2}[./]\d{1,2}[./]\d{4})\s*[:,\-–—]?\s+"
)
_CLAUSE_END = re.compile(r"\s*(?:[.;:(\[—–|]|\s-\s|,)")
_BADGE_WORDS = re.compile(
    r"^(?:super[sc]e+ded|deprecated|rejected|accepted|proposed|draft)\b", re.IGNORECASE
)
_WRAPPER = re.compile(r"^(\*\*|__|\*|_|`)(.+)\1$")
_LEADING_SYMBOLS = re.compile(r"^[^\w\[(\"'`*_]+", re.UNICODE)
_SECTION_LINE = re.compile(r"^(?P<prefix>[ \t]*(?:[-*+][ \t]+)?)(?P<rest>.*)$")
_RUN_IN_LINE = re.compile(
    rf"^(?P<prefix>[ \t]*(\*\*|__))(?P<value>[^*_]+)(?P<suffix>\2{RUN_IN_SEPARATOR}.*)$"
)
"""`**Aceita** · 2026-09-02 · …`: the status in bold, then other facts between dots."""
_STATUS_SECTIONS = {"status"}
_STATUS_HEADING = re.compile(
    r"^(?P<prefix> {0,3}#{1,6}[ \t]+(?:\*\*|__)?status(?:\*\*|__)?[ \t]*[:：](?:\*\*|__)?[ \t]*)"
    r"(?P<value>.*?)(?P<suffix>[ \t]+#+)?[ \t]*$",
    re.IGNORECASE,
)
"""`### Status: **Approved**`: a heading that holds the status itself."""


@dataclass(frozen=True)
class NewStatus:
    """The status to write: free text, or "superseded by" a successor."""

    text: str
    successor: Reference | None = None

    @property
    def keyword(self) -> str | None:
        return "superseded" if self.successor else read_status(self.text).keyword


def set_status(document: Document, decision: Decision, status: NewStatus) -> list[int]:
    """Write `status` into `document` (the text `decision` was parsed from).

    Returns the 0-based indexes of the lines changed or inserted. Raises `EditError` when the
    status is written in a way that cannot be changed one line at a time.
    """
    writer = _StatusWriter(document, decision, status)
    changed = writer.write()
    verify_status(document, decision, status)
    return changed


def verify_status(document: Document, decision: Decision, status: NewStatus) -> None:
    """Parse the edited text again; the edit stands only if the parser reads what was meant."""
    from ..core.parse.record import parse_decision

    again = parse_decision(document.to_bytes(), decision.file)
    if again.status != status.keyword:
        raise EditError(
            f"the status would read as {again.status!r}, not {status.keyword!r}; set it by hand",
            decision.lines.get(Line.STATUS),
        )


class _StatusWriter:
    def __init__(self, document: Document, decision: Decision, status: NewStatus) -> None:
        self.document = document
        self.decision = decision
        self.status = status
        self.nygard = decision.dialect is Dialect.NYGARD

    def write(self) -> list[int]:
        changed: list[int] = []
        title = title_heading(self.document, self.decision)
        length = len(self.document)
        for index in sorted(self._places(), reverse=True):  # the last first: earlier ones
            if title is None or index != title.index:  # may change the lines after them
                before = len(self.document)
                at = self._rewrite(index)
                shift = len(self.document) - before
                changed = [line + shift if line > at else line for line in changed] + [at]
        stated = bool(changed)
        # A value over several lines of front matter becomes one line, above the title.
        heading = title.index - (length - len(self.document)) if title is not None else None
        if heading is not None and _BADGE.match(self.document.lines[heading]):
            stated = self._rewrite_badge(heading) or stated
            changed.append(heading)
        elif heading is not None and _SUFFIX_BADGE.search(self.document.lines[heading]):
            stated = self._rewrite_suffix_badge(heading) or stated
            changed.append(heading)
        if not stated:
            inserted = self._insert()
            shift = len(inserted) if inserted[0] <= min(changed, default=inserted[0]) else 0
            changed = [index + shift for index in changed] + inserted
        return sorted(changed)

    # --- finding the status -------------------------------------------------------------

    def _places(self) -> list[int]:
        line = self.decision.lines.get(Line.STATUS)
        if line is not None and 0 < line <= len(self.document):
            # `status: active` in front matter over a `## Status` the reader took instead: both
            # state the status, and both must say the new one.
            front = self.document.front_matter()
            stated = FrontMatterText(self.document).key_line(_is_status_key) if front else None
            also = [stated] if stated is not None and stated != line - 1 else []
            return [line - 1, *also]
        found = self._unread_status()
        return [] if found is None else [found]

    def _unread_status(self) -> int | None:
        """A status line the parser skipped: empty, a placeholder, or a template leftover."""
        document = self.document
        front = document.front_matter()
        if front is not None:
            line = FrontMatterText(document).key_line(_is_status_key)
            if line is not None:
                return line  # where YAML reads the key, after a NEL or U+2028 too
            for index in range(front[0] + 1, front[1]):
                key = split_key_line(document.lines[index])
                if key is not None and key.key.lower() == "status":
                    return index
        start = body_start(document, self.decision)
        code = document.code_lines()
        for index in range(start, first_section(document, start)):
            if not code[index] and _states_status(document, index):
                return index
        section = find_section(document, _STATUS_SECTIONS)
        if section is not None:
            end = section_end(document, document.headings(), section)
            for index in range(section.last + 1, end):
                text = document.lines[index]
                if text.strip() and not is_comment_line(text) and relation_verb(text) is None:
                    return index
        return None

    # --- rewriting one line ---------------------------------------------------------------

    def _rewrite(self, index: int) -> int:
        """Rewrite the status stated on line `index`; returns the line it is on afterwards."""
        document = self.document
        line = document.lines[index]
        front = document.front_matter()
        if front is not None and front[0] < index < front[1]:
            return self._rewrite_front_matter(index)
        if (heading := _STATUS_HEADING.match(line)) is not None:
            value = self._styled(heading["value"], self._text())
            document.replace(index, heading["prefix"] + value + (heading["suffix"] or ""))
            return index
        if in_table(document, index):
            cell = field_cell(document, index, "status")
            if cell is None:
                raise EditError(
                    "the status is in a table adr cannot edit; set it by hand", index + 1
                )
            rewrite(document, cell, lambda old: self._styled(old, self._text()))
            return cell.line
        if (run_in := _RUN_IN_LINE.match(line)) is not None:
            value = self._styled(run_in["value"], self._text())
            document.replace(index, run_in["prefix"] + value + run_in["suffix"])
            return index
        if (pair := split_key_value(_unbullet(line))) is not None and pair[0] == "status":
            parts = split_metadata_line(line)
            if parts is None:
                raise EditError("the status line has a form adr cannot rewrite", index + 1)
            lead, old, remark = self._dated(parts.value)
            value = lead + self._styled(old, self._text()) + remark
            document.replace(index, parts.prefix + value + parts.suffix)
        else:
            match = _SECTION_LINE.match(line)
            assert match is not None
            value, suffix = split_value(match["rest"])
            lead, old, remark = self._dated(value)
            styled = lead + self._styled(old, self._text()) + remark
            document.replace(index, match["prefix"] + styled + suffix)
        return index

    def _dated(self, value: str) -> tuple[str, str, str]:
        """`Accepted — 2025-03-02. Scope: …` or `2020-03-25 accepted`, where the record's date
        is read from: the status word is replaced, the date and the remark are kept."""
        lead = _DATE_LEAD.match(value)
        if self.decision.found.get("date") != "status":
            if lead is None:
                return "", value, ""
            # `2017-11-24 完成`, the last line of a status history: the new status, dated today
            return f"{datetime.date.today().isoformat()} ", value[lead.end() :], ""
        start = lead.end() if lead else 0
        clause = _CLAUSE_END.search(value, start)
        end = clause.start() if clause else len(value)
        return value[:start], value[start:end], value[end:]

    def _rewrite_front_matter(self, index: int) -> int:
        """The status's value, where YAML reads it (see `front_matter_value`), replaced; every
        other key must read as before."""
        front = FrontMatterText(self.document)
        before = front.text
        try:
            value = front.value_of(_is_status_key, index)
        except Unscannable:
            # YAML the scanner stops on (an unedited template): the line, when it is one.
            if any(char in before for char in YAML_ONLY_BREAKS):
                raise EditError(
                    "the front matter is not valid YAML and holds line breaks of YAML's own "
                    "(NEL, U+2028, U+2029); set the status by hand",
                    index + 1,
                ) from None
            self.document.replace(index, self._front_matter_line(index))
            return index
        text = self._styled(value.text, self._front_matter_text(), markdown=False)
        if value.style == '"':
            written = quoted(text)
        elif value.style == "'":
            written = single_quoted(text)
        elif self.decision.dialect is Dialect.MADR4 or value.style in ("block", "flow"):
            written = quoted(text)  # MADR 4 quotes the status
        else:
            written = scalar(text)
        if value.style == "empty":
            written = " " + written
        (line,) = front.replace(value, written)
        check_others(before, FrontMatterText(self.document).text, value.key, line + 1)
        return line

    def _front_matter_line(self, index: int) -> str:
        line = self.document.lines[index]
        key = split_key_line(line)
        if key is None or line[:1].isspace():
            raise EditError("the status in front matter is not a simple `status:` line", index + 1)
        if _continues(key, self.document, index):
            raise EditError(
                "the status in front matter spans several lines; set it by hand", index + 1
            )
        text = self._styled(_unquote(key), self._front_matter_text(), markdown=False)
        if key.style == '"':
            value = quoted(text)
        elif key.style == "'":
            value = single_quoted(text)
        elif self.decision.dialect is Dialect.MADR4:
            value = quoted(text)  # MADR 4 quotes the status
        else:
            value = scalar(text)
        prefix = key.prefix if key.prefix[-1:].isspace() else key.prefix + " "
        suffix = key.suffix if not key.suffix or key.suffix[0].isspace() else " " + key.suffix
        return prefix + value + suffix

    def _rewrite_badge(self, index: int) -> bool:
        """Rewrite the title's status badge; False when the new status cannot be one."""
        line = self.document.lines[index]
        match = _BADGE.match(line)
        assert match is not None
        badge = self._badge()
        if badge and match["badge"].endswith(":") and self.status.successor is None:
            badge = badge[1:-1] + ":"  # `# Draft: Title` stays a word before a colon
        rest = line[match.end() :]
        if badge:
            self.document.replace(index, match["lead"] + badge + match["gap"] + rest)
            return True
        self.document.replace(index, match["lead"] + rest)
        return False

    def _rewrite_suffix_badge(self, index: int) -> bool:
        """`# ADR-12: Title [ACCEPTED]`: the status in brackets after the title, rewritten in
        its case; False (and the badge dropped) when the new status cannot be one."""
        line = self.document.lines[index]
        match = _SUFFIX_BADGE.search(line)
        assert match is not None
        successor = self.status.successor
        if successor is not None:
            text = f"superseded by {successor.label}"
        else:
            text = one_line(self.status.text)
        if "[" in text or "]" in text:
            self.document.replace(index, line[: match.start()] + match["end"])
            return False
        old = match["badge"][1:-1]
        new = text.upper() if old.isupper() else _capitalised(text)
        self.document.replace(index, f"{line[: match.start('badge')]}[{new}]{match['end']}")
        return True

    def _badge(self) -> str:
        successor = self.status.successor
        if successor is not None:
            return f"[Superseded by {successor.label}]({successor.href})"
        text = one_line(self.status.text)
        if _BADGE_WORDS.match(text) and "]" not in text:
            return f"[{_capitalised(text)}]"
        return ""

    # --- the value, in the form each place wants ------------------------------------------

    def _text(self) -> str:
        successor = self.status.successor
        if successor is None:
            return one_line(self.status.text)
        if self.nygard:
            return f"Superseded by [{link_text(successor.numbered_title)}]({successor.href})"
        return f"superseded by [{link_text(successor.label)}]({successor.href})"

    def _front_matter_text(self) -> str:
        successor = self.status.successor
        if successor is None:
            return one_line(self.status.text)
        if self.decision.dialect is Dialect.MADR4 and successor.identifier:
            return f"superseded by {successor.identifier}"
        return f"superseded by [{link_text(successor.label)}]({successor.href})"

    def _styled(self, old: str, new: str, *, markdown: bool = True) -> str:
        """`new` dressed like `old`: same bold or code wrapper, same capital first letter."""
        inner = old.strip()
        wrapper = ""
        match = _WRAPPER.match(inner) if markdown else None
        if match and not inner.startswith("[") and "](" not in inner:
            wrapper, inner = match[1], match[2]
        words = _LEADING_SYMBOLS.sub("", plain(strip_comments(inner)))
        letter = next((char for char in words if char.isalpha()), "")
        capital = letter.isupper() if letter else self.nygard
        first_word = new.split(" ", 1)[0]
        if capital and first_word == first_word.lower():
            new = _capitalised(new)
        return f"{wrapper}{new}{wrapper}"

    # --- a record without a status --------------------------------------------------------

    def _insert(self) -> list[int]:
        document = self.document
        dialect = self.decision.dialect
        front = document.front_matter()
        if front is not None:
            value = self._front_matter_value()
            document.insert(front[0] + 1, [f"status: {value}"])
            return [front[0] + 1]
        if dialect in (Dialect.MADR2, Dialect.LOG4BRAINS, Dialect.MADR1):
            return self._insert_bullet()
        if dialect is Dialect.NYGARD:
            return self._insert_status_section()
        document.insert(0, ["---", f"status: {self._front_matter_value()}", "---"])
        return [0, 1, 2]

    def _front_matter_value(self) -> str:
        text = self._front_matter_text()
        return quoted(text) if self.decision.dialect is Dialect.MADR4 else scalar(text)

    def _insert_bullet(self) -> list[int]:
        document = self.document
        start = body_start(document, self.decision)
        code = document.code_lines()
        marker = "-" if self.decision.dialect is Dialect.LOG4BRAINS else "*"
        for index in range(start, first_section(document, start)):
            line = document.lines[index]
            if code[index] or split_key_value(_unbullet(line)) is None:
                continue
            if _unbullet(line) != line:
                bullet = line[: len(line) - len(_unbullet(line))]
                document.insert(index, [f"{bullet}Status: {self._styled('', self._text())}"])
                return [index]
        line = f"{marker} Status: {self._styled('', self._text())}"
        if start == 0:
            document.insert(0, [line, ""])
            return [0, 1]
        document.insert(start, ["", line])
        return [start, start + 1]

    def _insert_status_section(self) -> list[int]:
        document = self.document
        value = self._styled("", self._text())
        section = find_section(document, _STATUS_SECTIONS)
        if section is not None:
            at = section.last + 1
            lines = ["", value]
            if at < len(document) and not document.is_blank(at):
                lines.append("")
            document.insert(at, lines)
            return list(range(at, at + len(lines)))
        return insert_section(document, self.decision, "Status", [value])


def insert_section(
    document: Document, decision: Decision, title: str, body: list[str]
) -> list[int]:
    """A new `## title` section before the first section after the title (or at the end)."""
    start = body_start(document, decision)
    at = first_section(document, start)
    if at == len(document):
        lines = ["", f"## {title}", "", *body]
        if at == 0 or document.is_blank(at - 1):
            lines = lines[1:]
    else:
        lines = [f"## {title}", "", *body, ""]
        if at > 0 and not document.is_blank(at - 1):
            lines.insert(0, "")
    document.insert(at, lines)
    return list(range(at, at + len(lines)))


def _states_status(document: Document, index: int) -> bool:
    if in_table(document, index):
        return field_cell(document, index, "status") is not None
    pair = split_key_value(_unbullet(document.lines[index]))
    return pair is not None and pair[0] == "status"


def _is_status_key(key: str) -> bool:
    pair = split_key_value(f"{key}: x")
    return pair is not None and pair[0] == "status"


def _unbullet(line: str) -> str:
    return re.sub(r"^[ \t]*[-*+][ \t]+", "", line)


def _unquote(key: KeyLine) -> str:
    value = key.value
    if key.style in ('"', "'") and len(value) >= 2:
        return value[1:-1]
    return value


def _continues(key: KeyLine, document: Document, index: int) -> bool:
    """True for `status: |`, `status: >-` or `status:` followed by an indented block."""
    if key.style == "plain" and key.value[:1] in "|>":
        return True
    if key.style == "plain" and key.value[:1] in "[{":
        opener, closer = key.value[0], "]" if key.value[0] == "[" else "}"
        return key.value.count(opener) > key.value.count(closer)
    if key.style == "empty" and index + 1 < len(document):
        following = document.lines[index + 1]
        return bool(following.strip()) and (following[:1].isspace() or following[:1] == "-")
    return False


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]
