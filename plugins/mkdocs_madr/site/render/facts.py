"""What a record's header says besides the reader's model: the team's declared fields, its
review dates, and its lifecycle as Git recorded it."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

import jinja2

from ...core.citations.finder import Citation
from ...core.collection import Collection
from ...core.fields.declaration import FieldDeclaration, FieldType, key_form
from ...core.fields.values import check_value, is_empty
from ...core.labels import Labels
from ...core.model import Decision, MetadataEntry
from ...core.parse.dates import read_date
from ...core.review import REVIEW_BY, REVIEWED, REVISIT_WHEN, due_reviews, review_state
from ...core.settings import Settings
from .health import health_view, review_view
from .health_chart import chart_svg, status_chart
from .views import Link, Status, StatusStyle, reference

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
    found.review_by = decision.review_by
    found.review_state = review_state(decision, today, due_days)
    found.revisit_when = decision.revisit_when
    found.reviewed = decision.reviewed
    found.steps = [
        Step(style.of(change.status) if change.status else None, change.date, change.author)
        for change in decision.history
    ]
    found.recorded, found.changed = decision.recorded, decision.changed
    return found


class FactsRenderer:
    """Renders what the team keeps about records: the facts of a record's header (for the
    place of its banners), the Due for review page and the Health page."""

    def __init__(
        self,
        env: jinja2.Environment,
        labels: Labels,
        style: StatusStyle,
        settings: Settings,
        today: datetime.date | None = None,
    ) -> None:
        self.env = env
        self.template = env.get_template("record_facts.html")
        self.labels = labels
        self.style = style
        self.declarations = settings.fields
        self.due_days = settings.review_due_days
        self.proposed_days = settings.proposed_days
        self.today = today or datetime.date.today()

    def __call__(self, decision: Decision) -> str:
        view = facts_view(decision, self.declarations, self.style, self.today, self.due_days)
        if not view:
            return ""
        return self.template.render(t=self.labels, view=view).strip()

    def review_page(self, decisions: Sequence[Decision], link: Link) -> str:
        view = review_view(decisions, self.style, link, self.today, self.due_days)
        return self._render("review.html", view=view)

    def health_page(
        self,
        decisions: Sequence[Decision],
        link: Link,
        citations: Mapping[str, Sequence[Citation]] | None = None,
    ) -> str:
        chart = status_chart(decisions, self.style, self.today)
        view = health_view(decisions, self.style, link, self.today, self.proposed_days, citations)
        svg = chart_svg(chart, self.labels["statuses_over_time"])
        return self._render(
            "health.html", chart=chart, svg=svg, view=view, proposed_days=self.proposed_days
        )

    def _render(self, name: str, **values: object) -> str:
        return self.env.get_template(name).render(t=self.labels, **values).strip()


def review_entries(
    collection: Collection, settings: Settings, labels: Labels, today: datetime.date | None = None
) -> list[tuple[Decision, str, str]]:
    """The feed's entries for reviews due: (record, title, the day it became due)."""
    day = today or datetime.date.today()
    entries = []
    for due in due_reviews(collection.decisions, day, settings.review_due_days):
        decision = due.decision
        name = decision.title or decision.slug
        ref = reference(decision)
        title = labels["feed_due_for_review"].format(
            title=f"{ref}: {name}" if ref != name else name
        )
        review_by = datetime.date.fromisoformat(decision.review_by or day.isoformat())
        since = (
            review_by
            if due.overdue
            else review_by - datetime.timedelta(days=settings.review_due_days)
        )
        entries.append((decision, title, min(since, day).isoformat()))
    return entries


def header_shows(
    declarations: Mapping[str, FieldDeclaration],
) -> Callable[[MetadataEntry], bool]:
    """Whether the header shows what a metadata line states (a declared field's valid value,
    a review date, a condition to revisit), so that the page need not say it again."""

    def shows(entry: MetadataEntry) -> bool:
        form = key_form(entry.key)
        if form in REVIEW_BY or form in REVIEWED:
            return read_date(entry.value).iso is not None
        if form in REVISIT_WHEN:
            return not is_empty(entry.value)
        declared = next((d for d in declarations.values() if d.matches(entry.key)), None)
        if declared is None or is_empty(entry.value):
            return False
        return check_value(declared, entry.value).problem is None

    return shows
