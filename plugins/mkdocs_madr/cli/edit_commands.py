"""`adr status`, `adr supersede` and `adr link`: edits to existing records, in their dialect."""

from __future__ import annotations

from pathlib import Path

from ..core.collection import Collection
from ..core.identity import identify
from ..core.model import Decision, RelationKind
from ..core.parse.status import relation_verb
from ..edits.references import reference
from ..edits.relation_edit import add_relation
from ..edits.status_edit import NewStatus, set_status
from .errors import CliError, NotFound
from .files import folder_lock
from .output import say
from .project import Project, open_project, read_collection
from .record_edits import apply, prepare
from .values import clean_status, warn_unknown_status

REVERSE_VERBS = {
    "amends": "Amended by",
    "amended by": "Amends",
    "supersedes": "Superseded by",
    "superseded by": "Supersedes",
    "relates to": "Relates to",
}
DEFAULT_REVERSE = "Linked from"


def find_record(project: Project, collection: Collection, reference_text: str) -> Decision:
    """The record a user named, or a one-line error that says why there is none."""
    decision = collection.find(reference_text)
    if decision is not None:
        return decision
    for skipped in collection.skipped:
        identity = identify(skipped.file)
        digits = "".join(char for char in reference_text if char.isdigit())
        same_number = identity.number is not None and digits and int(digits) == identity.number
        if (same_number or identity.slug == reference_text) and skipped.diagnostics:
            problem = skipped.diagnostics[0]
            raise CliError(f"{project.root / skipped.file}: {problem.message}")
    raise NotFound(f"{project.display()}: no record '{reference_text}'")


def run_status(
    record: str,
    value: str,
    directory: Path | None,
    config_file: Path | None,
    *,
    cache: bool = True,
) -> None:
    status = clean_status(value)
    project = open_project(directory, config_file, cache=cache)
    with folder_lock(project.root):
        collection = read_collection(project)
        decision = find_record(project, collection, record)
        change = NewStatus(status)
        apply(prepare(project.root, decision, lambda doc, fresh: set_status(doc, fresh, change)))
    warn_unknown_status(status, project.settings)
    say(f"{project.display(decision.file)}: status {status}")


def run_supersede(
    old: str, new: str, directory: Path | None, config_file: Path | None, *, cache: bool = True
) -> None:
    project = open_project(directory, config_file, cache=cache)
    with folder_lock(project.root):
        collection = read_collection(project)
        older = find_record(project, collection, old)
        newer = find_record(project, collection, new)
        supersede(project, older, newer)
    say(f"{project.display(older.file)}: superseded by {project.display(newer.file)}")


def supersede(project: Project, older: Decision, newer: Decision) -> None:
    """Mark `older` superseded by `newer` and make `newer` say it supersedes `older`."""
    if older.key == newer.key:
        raise CliError(f"{project.display(older.file)}: a record cannot supersede itself")
    status = NewStatus("superseded", reference(newer, older.file))
    backward = reference(older, newer.file)
    edits = [
        prepare(project.root, older, lambda doc, fresh: set_status(doc, fresh, status)),
        prepare(
            project.root,
            newer,
            lambda doc, fresh: add_relation(doc, fresh, "Supersedes", backward),
        ),
    ]
    for edit in edits:
        apply(edit)


def run_link(
    source: str,
    verb: str,
    target: str,
    reverse: str | None,
    directory: Path | None,
    config_file: Path | None,
    *,
    cache: bool = True,
) -> None:
    verb = clean_status(verb) if verb.strip() else ""
    if not verb:
        raise CliError("the link text is empty")
    back = clean_status(reverse) if reverse else reverse_of(verb)
    project = open_project(directory, config_file, cache=cache)
    with folder_lock(project.root):
        collection = read_collection(project)
        first = find_record(project, collection, source)
        second = find_record(project, collection, target)
        if first.key == second.key:
            raise CliError(f"{project.display(first.file)}: a record cannot link to itself")
        kind = relation_verb(verb + " ")
        if kind is not None and kind[0] in (RelationKind.SUPERSEDES, RelationKind.SUPERSEDED_BY):
            # Superseding changes the older record's status too, not only its links.
            if kind[0] is RelationKind.SUPERSEDES:
                supersede(project, second, first)
                verb, back = "Supersedes", "Superseded by"
            else:
                supersede(project, first, second)
                verb, back = "Superseded by", "Supersedes"
        else:
            forward = reference(second, first.file)
            backward = reference(first, second.file)
            edits = [
                prepare(
                    project.root,
                    first,
                    lambda doc, fresh: add_relation(doc, fresh, verb, forward),
                ),
                prepare(
                    project.root,
                    second,
                    lambda doc, fresh: add_relation(doc, fresh, back, backward),
                ),
            ]
            for edit in edits:
                apply(edit)
    say(f"{project.display(first.file)}: {verb} {project.display(second.file)}")
    say(f"{project.display(second.file)}: {back} {project.display(first.file)}")


def reverse_of(verb: str) -> str:
    """adr-tools' pairs: Amends / Amended by, Supersedes / Superseded by, Relates to."""
    return REVERSE_VERBS.get(" ".join(verb.lower().split()), DEFAULT_REVERSE)
