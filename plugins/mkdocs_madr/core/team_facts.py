"""What a team keeps about its decisions besides what the reader models: the declared fields
and the keys nobody declared, review dates, and the reviews due on a given day."""

from __future__ import annotations

import datetime

from .collection import Collection
from .fields.apply import apply_fields
from .review import REVIEW_CODES, read_reviews, review_diagnostics
from .settings import Settings


def add_team_facts(
    collection: Collection, settings: Settings, as_of: datetime.date | None = None
) -> None:
    """Fill each record's fields, extra keys and review dates, and report (in the collection's
    diagnostics) the reviews overdue or due soon as of `as_of` (default: today)."""
    apply_fields(collection.decisions, settings.fields)
    read_reviews(collection.decisions)
    due = review_diagnostics(
        collection.decisions, as_of or datetime.date.today(), settings.review_due_days
    )
    collection.diagnostics = [
        *(found for found in collection.diagnostics if found.code not in REVIEW_CODES),
        *due,
    ]
