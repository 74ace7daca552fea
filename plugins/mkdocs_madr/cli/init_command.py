"""`adr init`: a decisions folder, its first record, and the `madr` plugin in mkdocs.yml."""

from __future__ import annotations

import os
import posixpath
from pathlib import Path

import yaml

from ..core.settings import (
    CONFIG_NAMES,
    DEFAULT_DECISIONS_DIR,
    SettingsError,
    _TolerantLoader,
    find_config,
    load_settings,
    plugin_options,
)
from ..edits.layout import EditError
from ..edits.mkdocs_config import add_madr_plugin, has_madr, minimal_config
from .errors import CliError
from .files import Snapshot, create_file, replace_file
from .new_command import NewRecord, create_record
from .output import say
from .project import Project
from .record_edits import load_document

FIRST_TITLE = "Record architecture decisions"


def first_record_content(folder: str) -> dict[str, object]:
    """What the first record says, in any template."""
    return {
        "context": (
            "We need to record the architecturally significant decisions made on this project,"
            " with their context and reasons, so that people who join later (and tools that"
            " work on the code) can see why things are the way they are."
        ),
        "drivers": [
            "Decisions must be findable and reviewable next to the code",
            "Newcomers (and tools) must learn the reasons, not only the outcome",
        ],
        "options": [
            "Architecture decision records in the repository",
            "Design notes in a wiki",
            "No written record",
        ],
        "chosen": "Architecture decision records in the repository",
        "because": (
            "they live next to the code, are reviewed in pull requests, and `adr` and the"
            " madr MkDocs plugin can list, check and publish them"
        ),
        "good": ["every significant decision has a reviewable record with its reasons"],
        "bad": ["each decision takes a little time to write down"],
        "decision": (
            f"We will keep architecture decision records in `{folder}`, one Markdown file per"
            " decision, created with `adr new` and published by the madr MkDocs plugin."
        ),
        "consequences": (
            "Decisions and their reasons are written down where the code lives. Writing a"
            " record takes a little time for each significant decision."
        ),
        "more": 'Run `adr new "Title"` to record the next decision.',
    }


def run_init(directory: Path | None, config_file: Path | None, template: str | None) -> None:
    cwd = Path.cwd()
    config = config_file or find_config(cwd) or cwd / CONFIG_NAMES[0]
    try:
        settings = load_settings(config if config.is_file() else None, cwd=config.parent)
    except SettingsError as error:
        raise CliError(str(error)) from None
    folder = directory if directory is not None else settings.decisions_dir
    _check_empty(folder)
    relative = _relative(folder, config.parent)
    wanted = None if relative == DEFAULT_DECISIONS_DIR else relative
    plan = _plan_config(config, wanted, relative)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise CliError(f"{folder}: cannot create the folder: {error.strerror}") from None
    project = Project(settings, folder)
    path = create_record(
        project,
        NewRecord(
            FIRST_TITLE,
            template=template,
            status="accepted",
            content=first_record_content(relative),
        ),
    )
    say(project.display(str(path.relative_to(folder))))
    if plan is not None:
        _write_config(config, *plan)


def _check_empty(folder: Path) -> None:
    if not folder.exists():
        return
    if not folder.is_dir():
        raise CliError(f"{folder}: exists and is not a folder")
    from ..core.collection import FolderError, load_collection

    try:
        collection = load_collection(folder)
    except FolderError as error:
        raise CliError(str(error)) from None
    if collection.decisions:
        count = len(collection.decisions)
        raise CliError(
            f"{folder}: already holds {count} decision record{'s' if count > 1 else ''}; "
            "nothing changed (use `adr new` to add one)"
        )


def _relative(folder: Path, base: Path) -> str:
    try:
        relative = os.path.relpath(os.path.abspath(folder), os.path.abspath(base))
    except ValueError:
        return str(folder)
    return posixpath.join(*relative.split(os.sep))


def _plan_config(
    config: Path, wanted: str | None, relative: str
) -> tuple[Snapshot | None, bytes, str] | None:
    """The new mkdocs.yml bytes and what to say, or None when it needs no change."""
    if not config.exists():
        name = Path.cwd().name or "Decisions"
        text = minimal_config(name, wanted)
        return None, text.encode("utf-8"), "created with the madr plugin"
    snapshot, document = load_document(config)
    loaded = _load(document.text(), config)
    if has_madr(loaded):
        configured = str(plugin_options(loaded).get("decisions_dir", DEFAULT_DECISIONS_DIR))
        if posixpath.normpath(configured) != posixpath.normpath(relative):
            say(
                f"adr: warning: {config}: the madr plugin reads decisions from "
                f"'{configured}'; set decisions_dir: {relative} to publish this folder",
                err=True,
            )
        return None
    try:
        add_madr_plugin(document, wanted)
    except EditError as error:
        say(f"adr: warning: {config}:{error.line}: {error}", err=True)
        return None
    if not has_madr(_load(document.text(), config)):
        say(
            f"adr: warning: {config}: could not add the madr plugin safely; add it by hand",
            err=True,
        )
        return None
    return snapshot, document.to_bytes(), "madr plugin added"


def _load(text: str, config: Path) -> object:
    try:
        return yaml.load(text, Loader=_TolerantLoader)  # a SafeLoader subclass
    except yaml.YAMLError:
        raise CliError(f"{config}: not valid YAML; nothing changed") from None


def _write_config(config: Path, snapshot: Snapshot | None, data: bytes, message: str) -> None:
    if snapshot is None:
        if not create_file(config, data):
            raise CliError(f"{config}: created by someone else meanwhile; add the madr plugin")
        docs = config.parent / "docs"
        if not docs.exists():
            docs.mkdir()
            create_file(docs / "index.md", f"# {config.parent.name or 'Home'}\n".encode())
    else:
        replace_file(snapshot, data)
    say(f"{config}: {message}")
