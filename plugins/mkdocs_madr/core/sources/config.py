"""The `sources:` setting: other decision folders and sites whose records the log includes.

Each entry names a source and says where its records are: `path` (a folder on disk: a sibling
checkout, a Git submodule) or `url` (another mkdocs-madr site's `decisions.json`, at a `file:`
or `http(s):` address). The name is the source's category and the prefix of its ids
(`workflows:0005`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

DEFAULT_TIMEOUT = 10.0
"""Seconds a fetch of a remote `decisions.json` may take in all."""
DEFAULT_MAX_SIZE = 16 * 1024 * 1024
"""Bytes of a remote `decisions.json` read at most."""
_NAME = re.compile(r"[a-z0-9][a-z0-9_-]{0,63}")
_KEYS = frozenset({"name", "path", "url", "edit_uri", "site_url", "timeout", "max_size"})


@dataclass(frozen=True)
class Source:
    """One entry of `sources:`, checked; `path` is as written (relative to mkdocs.yml)."""

    name: str
    path: str | None = None
    url: str | None = None
    edit_uri: str | None = None
    """For a folder: the address its files are edited at (`…/edit/main/decisions/`), to which
    a record's path within the folder is added."""
    site_url: str | None = None
    """For a `decisions.json`: where relative record URLs in it are relative to (by default
    the address of the file itself)."""
    timeout: float = DEFAULT_TIMEOUT
    max_size: int = DEFAULT_MAX_SIZE


def check_sources(value: object) -> tuple[Source, ...]:
    """The entries checked; raises ValueError saying which entry is wrong and why. Checking
    is idempotent: checked entries pass as they are."""
    if isinstance(value, tuple) and all(isinstance(entry, Source) for entry in value):
        return value
    if not isinstance(value, list):
        raise ValueError(
            f"must be a list of {{name, path}} or {{name, url}} entries, not {value!r}"
        )
    found: list[Source] = []
    for position, entry in enumerate(value, start=1):
        source = entry if isinstance(entry, Source) else _entry(entry, position)
        if any(other.name == source.name for other in found):
            raise ValueError(f"entry {position}: the name {source.name!r} is used twice")
        found.append(source)
    return tuple(found)


def _entry(entry: object, position: int) -> Source:
    where = f"entry {position}"
    if not isinstance(entry, Mapping):
        raise ValueError(f"{where} must be a mapping such as {{name: x, path: ../x/decisions}}")
    unknown = sorted(str(key) for key in entry if key not in _KEYS)
    if unknown:
        raise ValueError(f"{where}: unknown key {unknown[0]!r} (known: {', '.join(sorted(_KEYS))})")
    name = entry.get("name")
    if not isinstance(name, str) or not _NAME.fullmatch(name):
        raise ValueError(
            f"{where}: name must be lower-case letters, digits, '-' or '_' (it becomes the "
            f"records' id prefix and folder), not {name!r}"
        )
    where = f"source {name!r}"
    path, url = entry.get("path"), entry.get("url")
    if (path is None) == (url is None):
        raise ValueError(f"{where} needs exactly one of path and url")
    if path is not None and (not isinstance(path, str) or not path.strip() or "\x00" in path):
        raise ValueError(f"{where}: path must be a folder's path, not {path!r}")
    if url is not None and not _is_url(url, ("file", "http", "https")):
        raise ValueError(f"{where}: url must be a file:, http: or https: address, not {url!r}")
    edit_uri, site_url = entry.get("edit_uri"), entry.get("site_url")
    for key, text in (("edit_uri", edit_uri), ("site_url", site_url)):
        if text is not None and not _is_url(text, ("http", "https")):
            raise ValueError(f"{where}: {key} must be an http: or https: address, not {text!r}")
    if edit_uri is not None and url is not None:
        raise ValueError(f"{where}: edit_uri is for a path; a site's records link to its pages")
    timeout = entry.get("timeout", DEFAULT_TIMEOUT)
    if isinstance(timeout, bool) or not isinstance(timeout, int | float) or not 0 < timeout <= 300:
        raise ValueError(f"{where}: timeout must be a number of seconds up to 300, not {timeout!r}")
    max_size = entry.get("max_size", DEFAULT_MAX_SIZE)
    if isinstance(max_size, bool) or not isinstance(max_size, int) or max_size < 1:
        raise ValueError(f"{where}: max_size must be a number of bytes, not {max_size!r}")
    return Source(
        name=name,
        path=path,
        url=url,
        edit_uri=_with_slash(edit_uri),
        site_url=_with_slash(site_url),
        timeout=float(timeout),
        max_size=max_size,
    )


def _is_url(value: object, schemes: tuple[str, ...]) -> bool:
    if not isinstance(value, str) or any(char.isspace() or char == "\x00" for char in value):
        return False
    parts = urlsplit(value)
    return parts.scheme in schemes and (parts.scheme == "file" or bool(parts.netloc))


def _with_slash(url: object) -> str | None:
    if not isinstance(url, str):
        return None
    return url if url.endswith("/") else url + "/"
