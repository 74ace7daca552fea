"""`adr new`: the next free number, a file named after the title, filled from a template.

Nothing on this path imports the reader (markdown-it) unless `--supersedes` asks for the old
records, so the command returns in a few tens of milliseconds.
"""

from __future__ import annotations

import datetime as dt
import os
import shlex
import subprocess
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..core.settings import Settings
from .errors import CliError, NotFound
from .field_values import add_fields, complete_fields, read_sets, written_keys
from .files import create_file, describe, folder_lock
from .numbering import file_name, file_slug, numbering, record_names
from .output import say
from .project import Project, check_folder, open_project
from .record_templates import Template, find_template, render
from .values import clean_status, clean_title, split_values, warn_unknown_status

if TYPE_CHECKING:
    from ..core.model import Decision
    from ..edits.document import Document
    from ..edits.status_edit import NewStatus

DEFAULT_STATUS = "proposed"
_ATTEMPTS = 50


@dataclass
class NewRecord:
    """What `adr new` was asked for."""

    title: str
    template: str | None = None
    status: str | None = None
    supersedes: tuple[str, ...] = ()
    deciders: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    c4: tuple[str, ...] = ()
    edit: bool = False
    directory: Path | None = None
    config_file: Path | None = None
    cache: bool = True
    content: dict[str, Any] = field(default_factory=dict)
    sets: tuple[str, ...] = ()
    """`key=value` pairs for the team's fields (`--set`)."""


def run_new(request: NewRecord) -> Path:
    """Create the record and print its path; returns the path."""
    project = open_project(request.directory, request.config_file, cache=request.cache)
    path = create_record(project, request)
    say(project.display(str(path.relative_to(project.root))))
    if request.edit:
        open_editor(path)
    return path


def create_record(project: Project, request: NewRecord) -> Path:
    settings = project.settings
    title = clean_title(request.title)
    status = clean_status(request.status or DEFAULT_STATUS)
    folder = project.root
    check_folder(folder)
    if not os.access(folder, os.W_OK):
        raise CliError(f"{folder}: permission denied")
    if request.edit:
        editor_command()
    template = find_template(request.template or settings.template, settings.templates_dir)
    warn_unknown_status(status, settings)
    fields = complete_fields(
        read_sets(request.sets), settings.fields, status, settings.vocabulary.lifecycle(status)
    )
    values: dict[str, Any] = {
        "title": title,
        "status": status,
        "deciders": split_values(request.deciders),
        "tags": split_values(request.tags),
        "c4": split_values(request.c4),
        **request.content,
    }
    superseded = _superseded(project, request.supersedes)
    with folder_lock(folder):
        path, text = _create(folder, settings, template, values, superseded, fields)
        if superseded:
            _mark_superseded(project, path, text, superseded)
    return path


def _create(
    folder: Path,
    settings: Settings,
    template: Template,
    values: dict[str, Any],
    superseded: list[Decision],
    fields: dict[str, str],
) -> tuple[Path, str]:
    """Choose the number and create the file; the caller holds the folder's lock."""
    today = dt.date.today()
    names = record_names(folder)
    scheme = numbering(names, settings.number_width)
    slug = file_slug(values["title"])
    taken = {name.lower() for name in names}
    number = scheme.next_number
    for attempt in range(_ATTEMPTS):
        record_id = scheme.id_for(today) if scheme.dated else str(number).zfill(scheme.width)
        suffix = f"-{attempt + 1}" if scheme.dated and attempt else ""
        name = file_name(record_id, slug, suffix)
        if name.lower() not in taken:
            text = render(
                template,
                {
                    **values,
                    "id": record_id,
                    "number": None if scheme.dated else number,
                    "date": today.isoformat(),
                    "file": name,
                    "slug": slug,
                },
            )
            if fields:
                text = _with_fields(text, name, fields, settings)
            if superseded:
                text = _with_supersedes(text, name, superseded)
            if create_file(folder / name, text.encode("utf-8")):
                return folder / name, text
        taken.add(name.lower())
        if not scheme.dated:
            number += 1
    raise CliError(f"{folder}: could not find a free file name for the record")


def _with_fields(text: str, name: str, fields: dict[str, str], settings: Settings) -> str:
    from ..core.parse.record import parse_decision

    text = add_fields(text, fields, settings.fields)
    metadata = parse_decision(text, name, settings.vocabulary).metadata
    astray = written_keys([entry.key for entry in metadata], fields)
    if astray:
        raise CliError(
            f"the template has no place where {', '.join(astray)} would be read; nothing written"
        )
    return text


def _superseded(project: Project, references: tuple[str, ...]) -> list[Decision]:
    if not references:
        return []
    from .project import read_collection

    collection = read_collection(project)
    found: list[Decision] = []
    for reference in references:
        decision = collection.find(reference)
        if decision is None:
            raise NotFound(f"{project.display()}: no record '{reference}' to supersede")
        if decision not in found:
            found.append(decision)
    return found


def _with_supersedes(text: str, name: str, superseded: list[Decision]) -> str:
    from ..core.parse.record import parse_decision
    from ..edits.document import Document
    from ..edits.layout import EditError
    from ..edits.references import reference
    from ..edits.relation_edit import add_relation

    document = Document.from_text(text)
    for old in superseded:
        new = parse_decision(document.text(), name)
        try:
            add_relation(document, new, "Supersedes", reference(old, name))
        except EditError as error:
            raise CliError(f"{name}: the template has no place for 'Supersedes': {error}") from None
    return document.text()


def _mark_superseded(project: Project, path: Path, text: str, superseded: list[Decision]) -> None:
    from ..core.parse.record import parse_decision
    from ..edits.references import reference
    from ..edits.status_edit import NewStatus
    from .record_edits import apply, prepare

    new = parse_decision(text, path.name)
    for old in superseded:
        status = NewStatus("superseded", reference(new, old.file))
        try:
            apply(prepare(project.root, old, partial(_set, status=status)))
        except CliError as error:
            shown = project.display(path.name)
            message = error.format_message()
            raise CliError(f"{message} (the new record {shown} was created)") from None


def _set(document: Document, decision: Decision, *, status: NewStatus) -> list[int]:
    from ..edits.status_edit import set_status

    return set_status(document, decision, status)


def editor_command() -> list[str]:
    """The editor from $VISUAL or $EDITOR, split as a shell would."""
    value = os.environ.get("VISUAL") or os.environ.get("EDITOR")
    if not value or not value.strip():
        raise CliError("--edit: set the VISUAL or EDITOR environment variable to your editor")
    try:
        return shlex.split(value, posix=os.name != "nt")
    except ValueError as error:
        raise CliError(f"--edit: cannot read the editor command '{value}': {error}") from None


def open_editor(path: Path) -> None:
    command = editor_command()
    try:
        code = subprocess.call([*command, str(path)])
    except OSError as error:
        raise CliError(f"{command[0]}: cannot start the editor: {describe(error)}") from None
    if code != 0:
        raise CliError(f"{command[0]}: the editor exited with status {code}; {path} is kept")
