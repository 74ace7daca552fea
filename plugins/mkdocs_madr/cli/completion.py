"""Shell completion of record ids (`_ADR_COMPLETE=bash_source adr`), from file names only.

Imported by every `adr` run, so the settings reader is only loaded when completing.
"""

from __future__ import annotations

import posixpath
from pathlib import Path

import click
from click.shell_completion import CompletionItem

from ..core.identity import identify, is_folder_file

EXTENSIONS = (".md", ".markdown")


def complete_record(
    ctx: click.Context, param: click.Parameter, incomplete: str
) -> list[CompletionItem]:
    """Ids of the records in the folder (`0005`, `platform/0002`), the slug as help text.

    Typing the start of a slug (`use-re`) offers the id of the matching records.
    """
    from ..core.settings import SettingsError

    try:
        folder = _folder(ctx)
    except (SettingsError, OSError):
        return []
    items: list[CompletionItem] = []
    for category, name in _names(folder):
        identity = identify(name)
        if is_folder_file(name):
            continue
        key = f"{category}/{identity.id}" if category else identity.id
        words = identity.slug.removeprefix(identity.id).lstrip("-_ ")
        by_slug = incomplete[:1].isalpha() and words.startswith(incomplete)
        if key.startswith(incomplete) or by_slug:
            items.append(CompletionItem(key, help=identity.slug))
    return items


def complete_template(
    ctx: click.Context, param: click.Parameter, incomplete: str
) -> list[CompletionItem]:
    from ..core.settings import SettingsError, load_settings
    from .record_templates import BUILTIN

    names = list(BUILTIN)
    try:
        settings = load_settings(_param(ctx, "config_file"))
        if settings.templates_dir is not None:
            records = settings.templates_dir / "records"
            names += [path.stem for path in records.glob("*.md") if path.stem not in names]
    except (SettingsError, OSError):
        pass
    return [CompletionItem(name) for name in names if name.startswith(incomplete)]


def _param(ctx: click.Context, name: str) -> Path | None:
    value = ctx.params.get(name)
    return Path(value) if value else None


def _folder(ctx: click.Context) -> Path:
    from ..core.settings import load_settings

    directory = _param(ctx, "directory")
    if directory is not None:
        return directory
    return load_settings(_param(ctx, "config_file")).decisions_dir


def _names(folder: Path) -> list[tuple[str, str]]:
    """(category, file name) of the Markdown files under `folder`, as `adr list` finds them."""
    from ..core.walk import walk

    if not folder.is_dir():
        return []
    return [posixpath.split(path) for path in walk(folder, extensions=EXTENSIONS).files]
