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
_DASHED_DATE = re.compile(r"^((?:19|20)\d\d)([-_])(\d\d)\2(\d\d)(?=$|[-_. ])")
_NUMBER_AFTER_DATE = re.compile(r"_(\d{1,4})(?=$|[-_. ])|[-_]adr[-_]?(\d{1,5})(?=$|[-_. ])", re.I)
"""`2022-03-28_017-slug`, `20240509-adr-0007-slug`: a number after the date."""

_TEMPLATE_NAME = re.compile(
    r"^_?(?:adr[-_ ]?)?(?:(?:0+|n+|x+)[-_ ])?(?:adr[-_])?(?:(?:short|long|minimal|bare|full)[-_ ])?"
    r"(?:template(?:[-_. ].*)?|(?:vorlage|mod[eè]le|plantilla|modelo|sjabloon|шаблон|テンプレート|"
    r"模板|템플릿)(?:[-_ ]adrs?)?)$",
    re.IGNORECASE,
)
"""`template`, `_template`, `adr-template-minimal`, `0000-template`, `NNNN-adr-template`,
`adr-000 template`, `adr-short-template`, `0000-adr-vorlage` (and the word in other languages)
are templates; `0017-…-template` is not."""
_FOLDER_PAGES = frozenset({"readme", "index"})
"""The folder's own index page, which adr-tools, log4brains and `adr index` write."""
_OTHER_PAGES = frozenset({"agents", "claude", "gemini", "contributing", "changelog"})
"""Pages kept beside the records that are none: for coding agents (`AGENTS.md`), for
contributors, the folder's change log."""


def is_folder_file(path: str) -> bool:
    """The folder's README or index page, a guide beside the records (`AGENTS.md`), or a record
    template: never a record. A README in a folder named like a record
    (`2022-02-07-tracing/README.md`) is that record."""
    stem = path.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    if stem.lower() in _FOLDER_PAGES:
        return not is_folder_record(path)
    return stem.lower() in _OTHER_PAGES or _TEMPLATE_NAME.match(stem) is not None


def is_folder_record(path: str) -> bool:
    """`2022-02-07-tracing/README.md`, `003-release/index.md`: a record kept as a folder (with
    its images), named by the folder."""
    parts = path.replace("\\", "/").split("/")
    stem = parts[-1].rsplit(".", 1)[0].lower()
    return stem in _FOLDER_PAGES and len(parts) >= 2 and _named(parts[-2]) is not None


def record_folder(path: str) -> str:
    """The folder a record belongs to (its category): a folder record's is its parent's."""
    folder = path.replace("\\", "/").rpartition("/")[0]
    return folder.rpartition("/")[0] if is_folder_record(path) else folder


@dataclass(frozen=True)
class FileIdentity:
    """`id` is the number as written (`0005`), a `yyyymmdd` date, or the stem if unnumbered."""

    id: str
    number: int | None
    slug: str
    from_name: bool
    date_named: bool


def identify(path: str) -> FileIdentity:
    """Read the identity of a record from its path (only the last component counts, or the
    folder's name for a record kept as a folder)."""
    parts = path.replace("\\", "/").split("/")
    name = parts[-1]
    stem = name.rsplit(".", 1)[0] if "." in name else name
    if stem.lower() in _FOLDER_PAGES and len(parts) >= 2:
        named = _named(parts[-2])
        if named is not None:
            return named
    return _named(stem) or FileIdentity(stem, None, stem, from_name=False, date_named=False)


def _named(stem: str) -> FileIdentity | None:
    """The identity a numbered or dated name gives, or None."""
    dated = _DASHED_DATE.match(stem)
    digits = "".join(dated.group(1, 3, 4)) if dated is not None else ""
    if dated is not None and _is_date(digits):  # `2022-03-28-slug`, `2020_03_03_slug`
        numbered = _NUMBER_AFTER_DATE.match(stem, dated.end())
        if numbered is not None:  # `2022-03-28_017-slug`: dated, and numbered
            found = numbered[1] or numbered[2]
            return FileIdentity(found, int(found), stem, True, date_named=True)
        return FileIdentity(dated[0], int(digits), stem, True, date_named=True)
    match = _NUMBERED.match(stem)
    if match is None:
        return None
    digits = match[1] or match[2]
    if _is_date(digits) and (numbered := _NUMBER_AFTER_DATE.match(stem, match.end())) is not None:
        found = numbered[1] or numbered[2]  # `20240509-adr-0007-slug`
        return FileIdentity(found, int(found), stem, True, date_named=True)
    return FileIdentity(digits, int(digits), stem, from_name=True, date_named=_is_date(digits))


def _is_date(digits: str) -> bool:
    if len(digits) != 8 or not digits.startswith(("19", "20")):
        return False
    try:
        dt.date(int(digits[:4]), int(digits[4:6]), int(digits[6:]))
    except ValueError:
        return False
    return True


_SERIES_ID = re.compile(r"\s*([A-Za-z]+(?:[-_][A-Za-z]+)*)[-_ ]#?(\d+)(?!\d)")
_RECORD_PREFIXES = frozenset({"adr", "add", "ad", "dr", "rfc", "madr", "decision", "record"})
"""The letters before a number that name records of any folder (`ADR-7`, `RFC 12`)."""


def series_id(text: str) -> tuple[str, int] | None:
    """The id a name or reference opens with, as letters and a number, however it is written:
    `DD-GATEWAY-007-x`, `dd_gateway_7` → ("dd-gateway", 7); `API-003` → ("api", 3)."""
    found = _SERIES_ID.match(text)
    return (found[1].lower().replace("_", "-"), int(found[2])) if found else None


_ID_FORM = re.compile(r"^((?:[a-z]+[-_ ]?)*?)#?\d", re.IGNORECASE)


def id_form(text: str) -> str:
    """How a name or reference writes its id before the number: `""` for `0001-x` or `#1`,
    `"adr"` for `ADR-001-x` or `adr_1`; a folder that keeps `001-x` beside `ADR-001-y` keeps two
    series, told apart by this."""
    found = _ID_FORM.match(text.strip())
    return re.sub(r"[-_ ]", "", found[1]).lower() if found else ""


def own_series(text: str) -> tuple[str, int] | None:
    """`series_id`, for a team's own series only (`DD-RO-002`, not `ADR-0002`)."""
    found = series_id(text)
    return found if found is not None and found[0] not in _RECORD_PREFIXES else None
