"""Titles as people write them: `# 12. Title`, `# ADR-0012: Title`, `# [Superseded by …] Title`."""

from __future__ import annotations

import re

from ..identity import series_id
from ..text import NON_ASCII_HYPHENS, plain

_ID = r"(?:ADR|ADD|AD|DR|RFC|MADR|DEC|ADL|DD)"
_LABEL = (
    r"(?:decisi[oó]n de \w+|design decision|architecture decision|"
    r"architectural decision|d[ée]cision|entscheidung)"
)
# `12. Title`, `ADR-0012: Title`, `ADR #4: Title`, `ADR 12 Title`, `0012 - Title`, `ADR-XXX: Title`,
# `Nr. 001: Title`, `Decisión de Diseño ADD-07: Title`, `ADR: Title`,
# `Architecture Decision Record: Title`, `2020-03-12. Title`, `[ADR-001] Title`;
# not `60 FPS target`.
TITLE_NUMBER = re.compile(
    rf"^(?:(?:{_LABEL}\s+)?{_ID}[-_ ]?#?\s?(?:\d+|X{{2,}}|N{{2,}})(?:\s*[.:：)\-–—]\s*|\s+)"
    rf"|{_ID}\s+[A-Z][A-Z0-9]+-\d+\s*[:.\-–—]?\s+"
    rf"|{_ID}\s*[:\-–—›»]\s+"  # `ADR › Title`: a breadcrumb
    r"|(?:architecture|architectural|any)?\s?decision\s+record\s*[:\-–—]\s+"
    r"|nr\.?\s*\d+\s*[:.)\-–—]\s+"
    r"|\d+(?:\s*[.:)]\s+|\s+[-–—:]\s+)"
    r"|n\.\s+"
    r"|(?:19|20)\d\d-\d\d-\d\d\s*[.:\-–—]\s+"  # `2020-03-12. Title` (the day it was written)
    rf"|\[{_ID}[-_ ]?#?\d+\]\s*[:.\-–—]?\s*)",  # `[ADR-001] Amplitude model`
    re.IGNORECASE,
)
_LEADING_NUMBER = re.compile(r"^(\d+)\s+(?=\S)")
_NAMED_NUMBER = re.compile(
    r"^(?:design\s+doc(?:ument)?|design\s+note|tech(?:nical)?\s+note|proposal|spec(?:ification)?"
    r"|decision(?:\s+record)?|record)\s+#?(\d+)\s*[:.\-–—]\s+",
    re.IGNORECASE,
)
"""`Design Doc 001: Title`: a name for a folder's records, then the record's number (not
`Python 3: Drop …` or `Windows 10 - Keep …`)."""
_ACRONYM_NUMBER = re.compile(r"^[A-Z]{2,6}-(\d+)\s*[:.\-–—]\s+")
"""`TEP-0012: Title` in `0012-x.md`: a project's own letters for its records, and the number."""
_LEADING_TOKEN = re.compile(r"^([A-Za-z]+(?:[-_][A-Za-z]+)*[-_]?\d+)\s*[:.\-–—]\s+")
_BANNER_STATUS = re.compile(
    r"^\s*(?:super[sc]e+ded|deprecated|rejected|accepted|proposed|draft)\b", re.IGNORECASE
)


_EMOJI = "".join(
    chr(code)
    for start, end in ((0x1F300, 0x1FAFF), (0x2600, 0x27BF), (0xFE0F, 0xFE0F), (0x200D, 0x200D))
    for code in range(start, end + 1)
)
"""Emoji (and their joiner and variation selector) a title may open with."""


def strip_number(title: str, number: int | None = None, stem: str = "") -> str:
    """The title without an adr-tools or ADR-id prefix; unchanged when nothing is left.

    `# 5 Sync issues` loses its `5` only in record 5, and `# API-003: Title` its `API-003`
    only in a file named `API-003-…`: elsewhere the number may be part of the title."""
    title = title.translate(NON_ASCII_HYPHENS)  # `ADR‑0002:` (U+2011) is `ADR-0002:`
    emoji = len(title) - len(title.lstrip(_EMOJI))
    if emoji and TITLE_NUMBER.match(title[emoji:].lstrip()):
        title = title[emoji:].lstrip()  # `📄 ADR-001: Title` (not `$5 - Budget cap`)
    stripped = TITLE_NUMBER.sub("", title, count=1).strip()
    if stripped != title.strip():
        return stripped.strip('"“”') if stripped.startswith(('"', "“")) else (stripped or title)
    leading = _LEADING_NUMBER.match(title)
    if leading is not None and number is not None and int(leading[1]) == number:
        return title[leading.end() :].strip() or title
    named = _NAMED_NUMBER.match(title) or _ACRONYM_NUMBER.match(title)
    if named is not None and number is not None and int(named[1]) == number:
        return title[named.end() :].strip() or title
    token = _LEADING_TOKEN.match(title)
    if token is not None and _same_id(token[1], stem):
        return title[token.end() :].strip() or title
    return title


def _same_id(token: str, stem: str) -> bool:
    """`API-003` in a title and `API-003-x` (or `api_3_x`) as its file name; `DD-GATEWAY-007`
    and `DD-GATEWAY-007-fallback`."""
    written = series_id(token)
    return written is not None and written == series_id(stem)


_STATUS_PREFIX = re.compile(
    r"^\s*(?:(super[sc]e+ded|deprecated|rejected|accepted|proposed|draft)\s*:"
    r"|\((?-i:(INVALID|OBSOLETE|DEPRECATED|SUPERSEDED|REJECTED|DRAFT|PROPOSED|ACCEPTED|WIP|"
    r"RETIRED|ARCHIVED|WITHDRAWN))\))\s+(?=\S)",  # `# (INVALID) Title`, not `# (AWS) Title`
    re.IGNORECASE,
)


_STATUS_SUFFIX = re.compile(
    r"\s\[((?:super[sc]e+ded|deprecated|rejected|accepted|proposed|draft)\b[^\[\]]{0,40}"
    r"|(?-i:(?=[A-Z -]{4})[A-Z]{2,}(?:[ -][A-Z]{2,})*)\b[^\[\]]{0,60})\]\s*$",  # `[PLANNED]`
    re.IGNORECASE,
)


def title_banner(text: str) -> tuple[str, str] | None:
    """`# [Superseded by [ADR-9](9-x.md)] Title` → (status value, title); brackets may nest.
    `# Draft: Title`, a status before a colon, `# (INVALID) Title`, one in capitals in
    parentheses, and `# Title [ACCEPTED]`, one in brackets after it, are read the same way."""
    prefix = _STATUS_PREFIX.match(text)
    if prefix is not None:
        return prefix[1] or prefix[2], text[prefix.end() :].strip()
    suffix = _STATUS_SUFFIX.search(text) if text.rstrip().endswith("]") else None
    if suffix is not None:  # `# ADR-012: Title [ACCEPTED]`
        return suffix[1], text[: suffix.start()].strip()
    end = closing_bracket(text)
    if end is None:
        return None
    inner, rest = text[1:end], text[end + 1 :]
    if not _BANNER_STATUS.match(plain(inner)):
        return None
    href = ""
    if rest.startswith("(") and ")" in rest:
        close = rest.index(")")
        href = rest[1:close].split()[0] if rest[1:close].split() else ""
        rest = rest[close + 1 :]
    # The link around the banner names the successor when the banner's text does not.
    value = f"{inner} [{plain(inner)}]({href})" if href and "](" not in inner else inner
    return value, rest.strip()


def closing_bracket(text: str) -> int | None:
    """The index of the `]` that closes the `[` at the start of `text`."""
    if not text.startswith("["):
        return None
    depth = 0
    for index, char in enumerate(text):
        depth += (char == "[") - (char == "]")
        if depth == 0:
            return index
    return None
