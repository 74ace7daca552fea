"""Review dates: when a decision is due for review (`review-by` and the spellings teams use),
the condition for revisiting it (`revisit-when`), when it was last reviewed, and whether a
review is overdue or due soon on a given day."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from .diagnostics import Code, Diagnostic, diagnostic
from .fields.declaration import key_form
from .model import Decision, MetadataEntry
from .parse.dates import read_date
from .text import collapse, plain

REVIEW_BY = frozenset(
    key_form(key)
    for key in (
        "review-by",
        "review by date",
        "review date",
        "review on",
        "review due",
        "review after",
        "next review",
        "next review date",
        "next-review-by",
        "revisit by",
        "revisit date",
        "revisit on",
        "reevaluate by",
        "re-evaluate by",
        "stale by",
        "stale after",
        "expires",
        "expiry date",
    )
)
"""Keys that say when a decision is due for review, compared as `key_form` does."""
REVISIT_WHEN = frozenset(
    key_form(key)
    for key in (
        "revisit-when",
        "revisit if",
        "review when",
        "review if",
        "reconsider when",
        "reconsider if",
        "revisit trigger",
        "review trigger",
    )
)
REVIEWED = frozenset(
    key_form(key) for key in ("reviewed", "last reviewed", "reviewed on", "last review")
)
NOT_REVIEWED = frozenset({"rejected", "superseded", "deprecated"})
"""Lifecycle stages whose records are out of force: their review dates are not chased."""
DEFAULT_DUE_DAYS = 30
REVIEW_CODES = frozenset({Code.REVIEW_OVERDUE, Code.REVIEW_DUE_SOON})


def review_entry(decision: Decision, keys: frozenset[str]) -> MetadataEntry | None:
    """The first metadata entry whose key is one of `keys`."""
    return next((entry for entry in decision.metadata if key_form(entry.key) in keys), None)


def read_reviews(decisions: Iterable[Decision]) -> None:
    """Fill `review_by`, `revisit_when` and `reviewed` of each record from what it states; a
    review date that is no date is `field-invalid`. Running it again replaces what it did."""
    for decision in decisions:
        decision.review_by = _date(decision, review_entry(decision, REVIEW_BY))
        decision.reviewed = _date(decision, review_entry(decision, REVIEWED))
        revisit = review_entry(decision, REVISIT_WHEN)
        text = collapse(plain(str(revisit.value))) if revisit and revisit.value else ""
        decision.revisit_when = text or None


def _date(decision: Decision, entry: MetadataEntry | None) -> str | None:
    if entry is None or entry.value in (None, ""):
        return None
    reading = read_date(entry.value)
    if reading.iso is None:
        if not any(
            found.code is Code.FIELD_INVALID and found.line == entry.line
            for found in decision.diagnostics
        ):
            message = f"{entry.key}: {str(entry.value)[:60]!r} is not a date (write YYYY-MM-DD)"
            if Code.FIELD_INVALID.value not in decision.ignored:
                decision.diagnostics.append(
                    diagnostic(Code.FIELD_INVALID, decision.file, entry.line, message)
                )
        return None
    return reading.iso


def is_chased(decision: Decision) -> bool:
    """Whether the record's review date matters: it has one, the record is in force, and it
    was not reviewed on or after that date."""
    due = decision.review_by
    if due is None or decision.lifecycle in NOT_REVIEWED:
        return False
    return decision.reviewed is None or decision.reviewed < due


@dataclass(frozen=True)
class Due:
    """A record in force whose review is overdue or due within the days given."""

    decision: Decision
    overdue: bool

    @property
    def since(self) -> str:
        """The day it was reported first: its review date, or the day it became due soon."""
        return self.decision.review_by or ""


def review_state(decision: Decision, as_of: datetime.date, due_days: int) -> str:
    """`overdue`, `due-soon` (within `due_days` of `as_of`) or empty."""
    if not is_chased(decision) or decision.review_by is None:
        return ""
    if decision.review_by < as_of.isoformat():
        return "overdue"
    if decision.review_by <= (as_of + datetime.timedelta(days=due_days)).isoformat():
        return "due-soon"
    return ""


def due_reviews(
    decisions: Iterable[Decision], as_of: datetime.date, due_days: int = DEFAULT_DUE_DAYS
) -> list[Due]:
    """The reviews overdue or due soon as of `as_of`, the most overdue first."""
    states = ((decision, review_state(decision, as_of, due_days)) for decision in decisions)
    found = [Due(decision, state == "overdue") for decision, state in states if state]
    return sorted(found, key=lambda due: (due.decision.review_by or "", due.decision.key))


def review_diagnostics(
    decisions: Iterable[Decision], as_of: datetime.date, due_days: int = DEFAULT_DUE_DAYS
) -> list[Diagnostic]:
    """`review-overdue` for each record in force whose review date is before `as_of`, and
    `review-due-soon` for one due within `due_days` of it."""
    found = []
    for due in due_reviews(decisions, as_of, due_days):
        decision = due.decision
        entry = review_entry(decision, REVIEW_BY)
        line = entry.line if entry is not None else None
        if due.overdue:
            code, said = Code.REVIEW_OVERDUE, f"was due for review on {decision.review_by}"
        else:
            code, said = Code.REVIEW_DUE_SOON, f"is due for review on {decision.review_by}"
        if code.value not in decision.ignored:
            found.append(diagnostic(code, decision.file, line, f"the decision {said}"))
    return found
