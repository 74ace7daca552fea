"""The Due for review and Health pages: which reviews are due, how the records' statuses moved
over time, old proposals, and records that name no decision-makers."""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from ...core.citations.finder import Citation
from ...core.in_force import ended
from ...core.model import Decision
from ...core.review import NOT_REVIEWED, review_state
from .views import Link, Status, StatusStyle, reference

LISTED = 100
"""Records listed under one heading of the Health page before the rest are only counted."""


@dataclass(frozen=True)
class RecordRow:
    ref: str
    title: str
    url: str
    status: Status
    date: str = ""
    note: str = ""


@dataclass(frozen=True)
class ReviewRow:
    record: RecordRow
    state: str = ""
    """`overdue`, `due-soon` or empty."""
    reviewed: str = ""
    revisit_when: str = ""


@dataclass
class ReviewView:
    dated: list[ReviewRow] = field(default_factory=list)
    conditions: list[ReviewRow] = field(default_factory=list)


@dataclass
class HealthView:
    old_proposals: list[RecordRow] = field(default_factory=list)
    old_count: int = 0
    no_deciders: list[RecordRow] = field(default_factory=list)
    no_deciders_count: int = 0
    still_cited: list[RecordRow] | None = None
    """Records replaced or dropped that files of the repository still cite (None: no scan)."""
    still_cited_count: int = 0


def _row(
    decision: Decision, style: StatusStyle, link: Link, date: str = "", note: str = ""
) -> RecordRow:
    ref = reference(decision) if decision.number is not None else decision.id
    title = decision.title or decision.slug
    return RecordRow(ref, title, link(decision), style.of(decision.status), date, note)


def review_view(
    decisions: Sequence[Decision],
    style: StatusStyle,
    link: Link,
    today: datetime.date,
    due_days: int,
) -> ReviewView:
    """Records in force with a review date, the earliest first; then those that only say
    when to revisit them."""
    view = ReviewView()
    for decision in decisions:
        if decision.lifecycle in NOT_REVIEWED:
            continue
        state = review_state(decision, today, due_days)
        row = ReviewRow(
            _row(decision, style, link, decision.review_by or ""),
            state=state,
            reviewed=decision.reviewed or "",
            revisit_when=decision.revisit_when or "",
        )
        if decision.review_by is not None:
            view.dated.append(row)
        elif decision.revisit_when:
            view.conditions.append(row)
    view.dated.sort(key=lambda row: (row.record.date, row.record.ref))
    return view


def proposed_since(decision: Decision) -> str | None:
    """When the record became proposed: its last change to proposed in Git, else its date."""
    for change in reversed(decision.history):
        if change.status is not None:
            return change.date if change.status == decision.status else None
    return decision.date or decision.recorded


def health_view(
    decisions: Sequence[Decision],
    style: StatusStyle,
    link: Link,
    today: datetime.date,
    proposed_days: int,
    citations: Mapping[str, Sequence[Citation]] | None = None,
) -> HealthView:
    view = HealthView()
    limit = (today - datetime.timedelta(days=proposed_days)).isoformat()
    old = []
    for decision in decisions:
        if decision.lifecycle == "proposed":
            since = proposed_since(decision)
            if since is not None and since[:10] < limit:
                old.append(_row(decision, style, link, since[:10]))
    old.sort(key=lambda row: (row.date, row.ref))
    view.old_proposals, view.old_count = old[:LISTED], len(old)
    missing = [
        _row(decision, style, link, decision.date or "")
        for decision in decisions
        if not decision.deciders and decision.lifecycle not in NOT_REVIEWED
    ]
    view.no_deciders, view.no_deciders_count = missing[:LISTED], len(missing)
    if citations is not None:
        cited = [
            _row(decision, style, link, note=_places(citations[decision.key]))
            for decision in decisions
            if citations.get(decision.key) and ended(decision)
        ]
        view.still_cited, view.still_cited_count = cited[:LISTED], len(cited)
    return view


PLACES = 3
"""Places named for each replaced record still cited; `adr refs` lists them all."""


def _places(found: Sequence[Citation]) -> str:
    named = ", ".join(f"{citation.path}:{citation.line}" for citation in found[:PLACES])
    return named + (f" (+{len(found) - PLACES})" if len(found) > PLACES else "")
