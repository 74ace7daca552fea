"""Opening the project the CLI works on: settings from mkdocs.yml, then the folder.

The reader (parser, markdown-it) is imported only when a command reads records, so that
`adr new` starts fast.
"""

from __future__ import annotations

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
    from ..parallel.folder import AfterParse


@dataclass
class Project:
    settings: Settings
    root: Path
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
    return Project(settings, root, cache)


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


def read_collection(project: Project, after_parse: AfterParse | None = None) -> Collection:
    from ..core.collection import FolderError
    from ..parallel.folder import read_collection as read_folder
    from ..parallel.packing import no_gc

    root = project.root
    check_folder(root)
    try:
        settings = project.settings
        with no_gc():
            collection = read_folder(
                root,
                statuses=settings.statuses,
                after_parse=after_parse,
                vocabulary=settings.vocabulary,
                links=settings.links(root),
                cache_dir=settings.cache_dir() if project.cache else None,
            )
    except FolderError as error:
        raise CliError(str(error)) from None
    # The records live as long as the command and hold no cycles: the collector's full passes
    # would walk them all again (a fifth of a warm `adr lint` at 5,000 records).
    gc.freeze()
    return collection


def effective(diagnostics: list[Diagnostic], settings: Settings) -> list[Diagnostic]:
    """Diagnostics at the severities the project chose; ignored codes dropped."""
    result = []
    for found in diagnostics:
        severity = settings.severity(found.code)
        if severity is not None:
            result.append(
                found if severity is found.severity else replace(found, severity=severity)
            )
    return result
