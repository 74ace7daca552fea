"""What a record's header says besides the reader's model: the team's declared fields, its
review dates, and its lifecycle as Git recorded it."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass, field

import jinja2

from ...core.fields.declaration import FieldDeclaration, FieldType, key_form
from ...core.labels import Labels
from ...core.model import Decision
from ...core.review import REVIEW_BY, REVIEWED, REVISIT_WHEN, is_chased
from .views import Status, StatusStyle

SHOWN_AS_REVIEW = REVIEW_BY | REVISIT_WHEN | REVIEWED


@dataclass(frozen=True)
class FieldFact:
    label: str
    kind: str
    value: object


@dataclass(frozen=True)
class Step:
    status: Status | None
    date: str
    author: str


@dataclass
class Facts:
    fields: list[FieldFact] = field(default_factory=list)
    long: list[FieldFact] = field(default_factory=list)
    review_by: str | None = None
    review_state: str = ""
    """`overdue`, `due-soon` or empty."""
    revisit_when: str | None = None
    reviewed: str | None = None
    steps: list[Step] = field(default_factory=list)
    recorded: str | None = None
    changed: str | None = None

    def __bool__(self) -> bool:
        return bool(
            self.fields
            or self.long
            or self.review_by
            or self.revisit_when
            or self.reviewed
            or self.steps
        )


def facts_view(
    decision: Decision,
    declarations: Mapping[str, FieldDeclaration],
    style: StatusStyle,
    today: datetime.date,
    due_days: int,
) -> Facts:
    found = Facts()
    for name, declared in declarations.items():
        value = decision.fields.get(name)
        if value is None or value == [] or key_form(declared.name) in SHOWN_AS_REVIEW:
            continue  # a review date is shown as one, declared or not
        fact = FieldFact(declared.title, declared.type.value.replace(" ", "-"), value)
        (found.long if declared.type is FieldType.LONG_TEXT else found.fields).append(fact)
    if decision.review_by is not None:
        found.review_by = decision.review_by
        if is_chased(decision):
            soon = (today + datetime.timedelta(days=due_days)).isoformat()
            if decision.review_by < today.isoformat():
                found.review_state = "overdue"
            elif decision.review_by <= soon:
                found.review_state = "due-soon"
    found.revisit_when = decision.revisit_when
    found.reviewed = decision.reviewed
    found.steps = [
        Step(style.of(change.status) if change.status else None, change.date, change.author)
        for change in decision.history
    ]
    found.recorded, found.changed = decision.recorded, decision.changed
    return found


class FactsRenderer:
    """Renders the facts of a record's header, for the place of its banners."""

    def __init__(
        self,
        env: jinja2.Environment,
        labels: Labels,
        style: StatusStyle,
        declarations: Mapping[str, FieldDeclaration],
        due_days: int,
        today: datetime.date | None = None,
    ) -> None:
        self.template = env.get_template("record_facts.html")
        self.labels = labels
        self.style = style
        self.declarations = declarations
        self.due_days = due_days
        self.today = today or datetime.date.today()

    def __call__(self, decision: Decision) -> str:
        view = facts_view(decision, self.declarations, self.style, self.today, self.due_days)
        if not view:
            return ""
        return self.template.render(t=self.labels, view=view).strip()
