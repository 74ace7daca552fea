"""Relative links between published pages, computed the way MkDocs does it."""

from __future__ import annotations

import posixpath


def relative_url(url: str, page: str) -> str:
    """The link from the page at `page` to `url`; both are site-relative paths.

    The last part of `page` is dropped when it names a file (has a dot), as with
    `use_directory_urls: false`; going above the root stays at the root.
    """
    folder, _, name = page.rpartition("/")
    if "." in name:
        page = folder
    here, there = _parts(page), _parts(url)
    common = 0
    for a, b in zip(here, there, strict=False):
        if a != b:
            break
        common += 1
    link = "/".join([".."] * (len(here) - common) + there[common:]) or "."
    return f"{link}/" if url.endswith("/") else link


def _parts(path: str) -> list[str]:
    normal = posixpath.normpath(path if path.startswith("/") else f"/{path}")[1:]
    return normal.split("/") if normal else []
