"""Reading the dates people write into decision records."""

from __future__ import annotations

import datetime as dt
import enum
import re
import unicodedata
from dataclasses import dataclass

from ..text import NON_ASCII_HYPHENS, without_struck

_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
# Other languages records are written in, without accents (`fold`).
_MONTHS.update(
    {
        name: number
        for number, names in enumerate(
            [
                ("janvier", "januar", "jan", "enero", "janeiro", "gennaio", "januari", "janv"),
                (
                    "fevrier",
                    "februar",
                    "feb",
                    "febrero",
                    "fevereiro",
                    "febbraio",
                    "februari",
                    "fevr",
                ),
                ("mars", "marz", "maerz", "marzo", "marco", "maart"),
                ("avril", "april", "abril", "aprile", "avr"),
                ("mai", "mayo", "maio", "maggio", "mei"),
                ("juin", "juni", "junio", "junho", "giugno"),
                ("juillet", "juli", "julio", "julho", "luglio", "juil"),
                ("aout", "august", "agosto", "augustus"),
                ("septembre", "september", "septiembre", "setembro", "settembre", "sept"),
                ("octobre", "oktober", "octubre", "outubro", "ottobre", "okt"),
                ("novembre", "november", "noviembre", "novembro"),
                ("decembre", "dezember", "diciembre", "dezembro", "dicembre", "dez"),
            ],
            start=1,
        )
        for name in names
    }
)

_ISO = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ][\d:.]+(?:Z|[+-][\d:]+)?)?")
_ISO_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})")
_DAY_FIRST = re.compile(r"(\d{1,2})[./-](\d{1,2})[./-](\d{4})")
_SHORT_YEAR = re.compile(r"(\d{1,2})([./-])(\d{1,2})[./-](\d{2})")
_LOCAL_DAY_MONTH = re.compile(
    r"(\d{1,2})(?:er|\.|º|°)?\s+(?:de\s+)?([^\W\d_]+)\.?,?\s+(?:de\s+)?(\d{4})"
)
_MONTH_NAME_FIRST = re.compile(r"([A-Za-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})")
_DAY_MONTH_NAME = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?\.?\s+(?:of\s+)?([A-Za-z]+)\.?,?\s+(\d{4})")
_YEAR_MONTH_NAME_DAY = re.compile(r"(\d{4})[-/ ]([A-Za-z]+)\.?[-/ ](\d{1,2})")
_DAY_MONTH_NAME_YEAR = re.compile(r"(\d{1,2})[-/]([A-Za-z]+)\.?[-/](\d{4})")
_PARTIAL_MONTH = re.compile(r"(\d{4})[-/](\d{1,2})|([A-Za-z]+)\.?\s+(\d{4})")
_YEAR = re.compile(r"\d{4}")


class DateProblem(enum.Enum):
    INVALID = "invalid"
    AMBIGUOUS = "ambiguous"
    PARTIAL = "partial"


@dataclass(frozen=True)
class DateReading:
    """The ISO date read from a value, or None, and what was wrong with it."""

    iso: str | None
    problem: DateProblem | None = None


def read_date(value: object) -> DateReading:
    """Read a date from YAML (`datetime.date`) or text in the forms seen in real records.

    ISO dates, ISO date-times, `yyyymmdd`, day-first dotted or slashed dates (`20.09.2024`,
    `20/09/2024`), and prose (`September 20, 2024`, `20 Sep 2024`). A slashed date that could be
    either way round is read day-first, as adr-tools wrote it, and flagged as ambiguous.
    A month without a day, or anything else, is no date: partial and invalid are reported.
    """
    if isinstance(value, dt.datetime):
        return DateReading(value.date().isoformat())
    if isinstance(value, dt.date):
        return DateReading(value.isoformat())
    if isinstance(value, int) and 19000101 <= value <= 29991231:
        value = str(value)
    if not isinstance(value, str):
        return DateReading(None, DateProblem.INVALID)
    text = without_struck(value).translate(NON_ASCII_HYPHENS).strip().strip("*_`\"'{}").strip()
    if not text:
        return DateReading(None)
    if _HOLOCENE.match(text):
        text = text[1:]  # `12026-06-23`, the Holocene (Human Era) year: 2026 + 10,000
    return _read_text(text)


_HOLOCENE = re.compile(r"^1(?:19|20)\d\d-\d\d-\d\d(?:$|[T ])")


def slash_order(text: str) -> str | None:
    """`month-first` for `02/17/2023` or `6/13/23`, `day-first` for `17/02/2023`: how a slashed
    date that reads only one way is written; None for any other text."""
    match = _DAY_FIRST.fullmatch(text) or _SHORT_YEAR.fullmatch(text)
    if match is None or "/" not in text:
        return None
    first, second = int(match[1]), int(match[match.re.groups - 1])
    if first <= 12 < second <= 31:
        return "month-first"
    if second <= 12 < first <= 31:
        return "day-first"
    return None


def month_first(iso: str) -> str | None:
    """The other reading of a date read day first (`2023-06-10` → `2023-10-06`), if valid."""
    day = dt.date.fromisoformat(iso)
    try:
        return dt.date(day.year, day.day, day.month).isoformat()
    except ValueError:
        return None


def _month(name: str) -> int | None:
    folded = unicodedata.normalize("NFKD", name.casefold())
    return _MONTHS.get("".join(char for char in folded if not unicodedata.combining(char)))


def _read_text(text: str) -> DateReading:
    match = _ISO.fullmatch(text)
    if match:
        year, month, day = int(match[1]), int(match[2]), int(match[3])
        if month > 12 >= day:  # `2024-14-02`: the only reading is year, day, month
            swapped = _checked(year, day, month)
            return DateReading(swapped.iso, DateProblem.AMBIGUOUS) if swapped.iso else swapped
        return _checked(year, month, day)
    match = _ISO_COMPACT.fullmatch(text)
    if match:
        return _checked(int(match[1]), int(match[2]), int(match[3]))
    match = _DAY_FIRST.fullmatch(text)
    if match:
        first, second, year = int(match[1]), int(match[2]), int(match[3])
        if first > 12 or match[0][len(match[1])] == ".":
            return _checked(year, second, first)
        if second > 12:
            return _checked(year, first, second)
        reading = _checked(year, second, first)
        ambiguous = first != second and reading.iso is not None
        return DateReading(reading.iso, DateProblem.AMBIGUOUS) if ambiguous else reading
    match = _SHORT_YEAR.fullmatch(text)
    if match:  # `04/03/21`, `23.08.22`: day first, as the day-first forms above
        first, second, year = int(match[1]), int(match[3]), 2000 + int(match[4])
        if match[2] != "." and first <= 12 < second:
            return _checked(year, first, second)  # `6/13/23`
        if first > 31 or second > 12:
            return DateReading(None, DateProblem.INVALID)
        reading = _checked(year, second, first)
        ambiguous = match[2] != "." and first != second <= 12 and first <= 12
        return (
            DateReading(reading.iso, DateProblem.AMBIGUOUS)
            if ambiguous and reading.iso
            else reading
        )
    match = _LOCAL_DAY_MONTH.fullmatch(text)
    if match and _month(match[2]) is not None:
        return _checked(int(match[3]), _month(match[2]) or 0, int(match[1]))
    match = _MONTH_NAME_FIRST.fullmatch(text)
    if match and match[1].lower() in _MONTHS:
        return _checked(int(match[3]), _MONTHS[match[1].lower()], int(match[2]))
    match = _DAY_MONTH_NAME.fullmatch(text)
    if match and match[2].lower() in _MONTHS:
        return _checked(int(match[3]), _MONTHS[match[2].lower()], int(match[1]))
    match = _YEAR_MONTH_NAME_DAY.fullmatch(text)
    if match and match[2].lower() in _MONTHS:
        return _checked(int(match[1]), _MONTHS[match[2].lower()], int(match[3]))
    match = _DAY_MONTH_NAME_YEAR.fullmatch(text)
    if match and match[2].lower() in _MONTHS:
        return _checked(int(match[3]), _MONTHS[match[2].lower()], int(match[1]))
    match = _ISO.match(text)
    if match and not text[match.end() :].strip()[:1].isdigit():
        return _checked(int(match[1]), int(match[2]), int(match[3]))
    match = _PARTIAL_MONTH.fullmatch(text)
    if match and (match[1] or (match[3] or "").lower() in _MONTHS):
        return DateReading(None, DateProblem.PARTIAL)
    if _YEAR.fullmatch(text):
        return DateReading(None, DateProblem.PARTIAL)
    return DateReading(None, DateProblem.INVALID)


def _checked(year: int, month: int, day: int) -> DateReading:
    try:
        return DateReading(dt.date(year, month, day).isoformat())
    except ValueError:
        return DateReading(None, DateProblem.INVALID)
