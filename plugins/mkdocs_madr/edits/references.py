"""How one record names another in a status or relation line."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass

from ..core.model import Decision
from .markdown_text import href as link_href


@dataclass(frozen=True)
class Reference:
    """Another record as seen from the file being edited.

    Attributes:
        label: `ADR-0005`, or the title of a record without a number.
        numbered_title: `5. Title`, as adr-tools names records in link text.
        href: The target's path relative to the edited file's folder.
        identifier: `ADR-0005` when that alone finds the record from the edited file (same
            category, numbered); MADR 4 states a successor by identifier only.
    """

    label: str
    numbered_title: str
    href: str
    identifier: str | None


def reference(target: Decision, from_file: str) -> Reference:
    """A reference to `target` from the record at `from_file` (both relative to one root)."""
    folder = posixpath.dirname(from_file)
    path = posixpath.relpath(target.file, folder or ".")
    title = target.title or target.slug
    if target.number is None:
        return Reference(title, title, link_href(path), None)
    label = f"ADR-{target.id}"
    same_category = posixpath.dirname(target.file) == folder
    return Reference(
        label, f"{target.number}. {title}", link_href(path), label if same_category else None
    )
