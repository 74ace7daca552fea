"""What a file's name says about a record: its number, its id, its slug."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

# `0005-x`, else `ADR-0005-x`, `adr_5`, `ODH-ADR-0003-x` (letters before the ADR prefix only).
_NUMBERED = re.compile(
    r"^(\d+)(?=$|[-_. ])|^(?:[a-z]+[-_])*?(?:adr|rfc|dr|decision)[-_ ]?(\d+)(?=$|[-_. ])",
    re.IGNORECASE,
)
_DASHED_DATE = re.compile(r"^((?:19|20)\d\d)-(\d\d)-(\d\d)(?=$|[-_. ])")

_TEMPLATE_NAME = re.compile(r"^(?:0+[-_])?(?:adr[-_])?template(?:[-_.].*)?$", re.IGNORECASE)
"""`template`, `adr-template-minimal`, `0000-template` are templates; `0017-…-template` is not."""
_FOLDER_PAGES = frozenset({"readme", "index"})
"""The folder's own index page, which adr-tools, log4brains and `adr index` write."""


def is_folder_file(path: str) -> bool:
    """The folder's README or index page, or a record template: never a record."""
    stem = path.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    return stem.lower() in _FOLDER_PAGES or _TEMPLATE_NAME.match(stem) is not None


@dataclass(frozen=True)
class FileIdentity:
    """`id` is the number as written (`0005`), a `yyyymmdd` date, or the stem if unnumbered."""

    id: str
    number: int | None
    slug: str
    from_name: bool
    date_named: bool


def identify(path: str) -> FileIdentity:
    """Read the identity of a record from its path (only the last component counts)."""
    name = path.replace("\\", "/").rsplit("/", 1)[-1]
    stem = name.rsplit(".", 1)[0] if "." in name else name
    dated = _DASHED_DATE.match(stem)
    if dated is not None and _is_date("".join(dated.groups())):
        return FileIdentity(dated[0], int("".join(dated.groups())), stem, True, date_named=True)
    match = _NUMBERED.match(stem)
    if match is None:
        return FileIdentity(stem, None, stem, from_name=False, date_named=False)
    digits = match[1] or match[2]
    return FileIdentity(digits, int(digits), stem, from_name=True, date_named=_is_date(digits))


def _is_date(digits: str) -> bool:
    if len(digits) != 8 or not digits.startswith(("19", "20")):
        return False
    try:
        dt.date(int(digits[:4]), int(digits[4:6]), int(digits[6:]))
    except ValueError:
        return False
    return True
