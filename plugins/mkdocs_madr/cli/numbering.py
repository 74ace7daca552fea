"""Choosing the id and file name of a new record from the names already in its folder."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ..core.identity import identify
from ..core.text import slugify

EXTENSIONS = (".md", ".markdown")
MAX_NAME_BYTES = 200
"""File names stay well below the 255-byte limit of common file systems."""
MAX_SLUG_CHARS = 80
FALLBACK_SLUG = "decision"


@dataclass(frozen=True)
class Numbering:
    """How the folder numbers its records: `0042`-style, or log4brains' `yyyymmdd` dates."""

    next_number: int
    width: int
    dated: bool

    def id_for(self, today: dt.date) -> str:
        if self.dated:
            return today.strftime("%Y%m%d")
        return str(self.next_number).zfill(self.width)


def record_names(folder: Path) -> list[str]:
    """The Markdown file names directly in `folder`."""
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return []
    return [
        entry.name
        for entry in entries
        if entry.name.lower().endswith(EXTENSIONS) and not entry.name.startswith((".", "_"))
    ]


def numbering(names: Iterable[str], default_width: int) -> Numbering:
    """The next number after the highest in use, padded like the newest numbered file."""
    highest = -1
    width = default_width
    numbered = dated = 0
    for name in names:
        identity = identify(name)
        if identity.number is None:
            continue
        if identity.date_named:
            dated += 1
            continue
        numbered += 1
        if identity.number > highest:
            highest = identity.number
            width = len(identity.id) if identity.id.startswith("0") else 1
    if numbered == 0 and dated == 0:
        return Numbering(1, default_width, dated=False)
    if dated > numbered:
        return Numbering(0, 8, dated=True)
    return Numbering(highest + 1, width, dated=False)


def file_slug(title: str) -> str:
    """A slug for a file name: letters and digits of any script, dashes, bounded in length."""
    slug = slugify(title, MAX_SLUG_CHARS)
    while len(slug.encode("utf-8")) > MAX_NAME_BYTES - 20:
        slug = slug[: len(slug) - 1].rstrip("-")
    return slug or FALLBACK_SLUG


def file_name(record_id: str, slug: str, suffix: str = "", extension: str = ".md") -> str:
    return f"{record_id}-{slug}{suffix}{extension}"
