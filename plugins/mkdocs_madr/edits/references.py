"""How one record names another in a status or relation line."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass

from ..core.identity import record_folder
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
    same_category = target.category == record_folder(from_file)
    label, numbered = f"ADR-{target.id}", f"{target.number}. {title}"
    # From another folder, `ADR-0001` may name that folder's own record 1: say whose it is.
    if not same_category and target.category:
        label, numbered = f"{target.category} ADR-{target.id}", f"{target.category} {numbered}"
    return Reference(label, numbered, link_href(path), label if same_category else None)
