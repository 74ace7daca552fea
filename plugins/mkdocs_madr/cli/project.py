"""Opening the project the CLI works on: settings from mkdocs.yml, then the folder.

The reader (parser, markdown-it) is imported only when a command reads records, so that
`adr new` starts fast.
"""

from __future__ import annotations

import datetime
import gc
import os
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from ..core.diagnostics import Diagnostic
from ..core.settings import Settings, SettingsError, load_settings
from .errors import CliError

if TYPE_CHECKING:
    from ..core.collection import Collection
    from ..core.sources.read import SourceRecords
    from ..parallel.folder import AfterParse


@dataclass
class Project:
    settings: Settings
    root: Path
    as_of: datetime.date | None = None
    """The day reviews are due against (`adr lint --as-of`); None for today."""
    cache: bool = True
    """Whether records are read through the cache of parsed records (unless `cache: false`)."""

    def display(self, file: str = "") -> str:
        """A record's path (or the folder's) as the user can open it from the current folder."""
        return shown(self.root / file if file else self.root)


def shown(path: Path) -> str:
    """`path` relative to the current folder, the way the user would type it."""
    try:
        return os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)


def open_project(
    directory: Path | None, config_file: Path | None, *, cache: bool = True
) -> Project:
    if config_file is not None and not config_file.is_file():
        raise CliError(f"{config_file}: no such configuration file")
    try:
        settings = load_settings(config_file)
    except SettingsError as error:
        raise CliError(str(error)) from None
    root = directory if directory is not None else settings.decisions_dir
    return Project(settings, root, cache=cache)


def check_folder(root: Path) -> None:
    """The decisions folder must exist and be readable."""
    if not root.exists():
        raise CliError(
            f"{shown(root)}: no such folder (run `adr init`, set decisions_dir in mkdocs.yml "
            "or pass --dir)"
        )
    if not root.is_dir():
        raise CliError(f"{shown(root)}: not a folder")
    if not os.access(root, os.R_OK | os.X_OK):
        raise CliError(f"{shown(root)}: permission denied")


def read_collection(
    project: Project, after_parse: AfterParse | None = None, *, history: bool = False
) -> Collection:
    """The records of the project's folder with the team's fields and review dates, and with
    `history`, their history from Git (unless the `history` setting is off)."""
    from ..core.cache import no_gc
    from ..core.collection import FolderError
    from ..parallel.folder import read_collection as read_folder

    root = project.root
    check_folder(root)
    from ..core.team_facts import add_team_facts

    settings = project.settings
    with no_gc():
        try:
            collection = read_folder(
                root,
                statuses=settings.statuses,
                after_parse=after_parse,
                vocabulary=settings.vocabulary,
                links=settings.links(root),
                cache_dir=settings.cache_dir() if project.cache else None,
                sources=_sources(project),
            )
        except FolderError as error:
            raise CliError(str(error)) from None
        add_team_facts(collection, settings, project.as_of)
        if history and settings.history:
            from ..core.git_history import attach_history, find_repository, read_histories

            repository = find_repository(root)
            if repository is not None:
                found = read_histories(repository, root, settings.vocabulary)
                attach_history(collection.decisions, found)
        # The records live as long as the command and hold no cycles: the collector's full
        # passes would walk them all again (a fifth of a warm `adr lint` at 5,000 records), and
        # its first pass once enabled again would walk every object made meanwhile.
        gc.freeze()
    return collection


def _sources(project: Project) -> SourceRecords | None:
    """The records of the sources mkdocs.yml names (`sources:`), read as the site reads them;
    none for a folder given with `--dir` that is not the site's: the sources are the site's."""
    from ..core.sources.read import read_sources

    settings = project.settings
    if not settings.sources or project.root.resolve() != settings.decisions_dir.resolve():
        return None
    return read_sources(
        settings.sources,
        base=settings.base,
        root=project.root.resolve(),
        config_file=settings.config_file,
        vocabulary=settings.vocabulary,
        follow=settings.follow_symlinks,
    )


def effective(diagnostics: list[Diagnostic], settings: Settings) -> list[Diagnostic]:
    """Diagnostics at the severities the project chose; ignored codes dropped."""
    result = []
    for found in diagnostics:
        severity = settings.severity(found.code, found.severity)
        if severity is not None:
            result.append(
                found if severity is found.severity else replace(found, severity=severity)
            )
    return result
