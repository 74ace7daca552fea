"""`adr review`: record that a decision was reviewed today, and when to review it next."""

from __future__ import annotations

import datetime
from functools import partial
from pathlib import Path

from ..core.fields.declaration import key_form
from ..core.model import Decision
from ..core.review import REVIEW_BY, REVIEWED
from ..edits.document import Document
from ..edits.metadata_value import set_value
from .edit_commands import find_record
from .errors import CliError
from .files import folder_lock
from .output import say
from .project import open_project, read_collection
from .record_edits import apply, prepare


def run_review(
    record: str,
    next_date: datetime.date | None,
    today: datetime.date | None,
    directory: Path | None,
    config_file: Path | None,
) -> None:
    day = today or datetime.date.today()
    if next_date is not None and next_date <= day:
        raise CliError(f"--next {next_date.isoformat()}: the next review must come after {day}")
    project = open_project(directory, config_file)
    names = {key_form(name): name for name in project.settings.fields}
    review_key = next((names[form] for form in names if form in REVIEW_BY), "review-by")
    with folder_lock(project.root):
        collection = read_collection(project)
        decision = find_record(project, collection, record)
        change = partial(_review, day=day.isoformat(), next_date=next_date, review_key=review_key)
        apply(prepare(project.root, decision, change))
    said = f"reviewed {day.isoformat()}"
    if next_date is not None:
        said += f", next review by {next_date.isoformat()}"
    say(f"{project.display(decision.file)}: {said}")


def _review(
    document: Document,
    decision: Decision,
    *,
    day: str,
    next_date: datetime.date | None,
    review_key: str,
) -> list[int]:
    changed = set_value(document, decision, _is_reviewed, "reviewed", day)
    if next_date is not None:
        # The first edit may have added a line: read the record's metadata lines again.
        from ..core.parse.record import parse_decision

        fresh = parse_decision(document.text(), decision.file)
        changed += set_value(document, fresh, _is_review_by, review_key, next_date.isoformat())
    return changed


def _is_reviewed(key: str) -> bool:
    return key_form(key) in REVIEWED


def _is_review_by(key: str) -> bool:
    return key_form(key) in REVIEW_BY
