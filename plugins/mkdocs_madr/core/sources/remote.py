"""A source given as the address of a `decisions.json`: fetched, checked, and cached, so that a
build without the network uses the last good copy (and says so)."""

from __future__ import annotations

import datetime as dt
import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..export import SCHEMA_VERSION
from .config import Source
from .fetch import FetchError, fetch


class DocumentError(Exception):
    """The fetched bytes are not a `decisions.json` this version can read."""


@dataclass(frozen=True)
class Remote:
    """What reading a source's `decisions.json` gave: the document, or why there is none.

    Attributes:
        document: The checked document, fresh or from the cache; None when neither is there.
        problem: Why the fresh copy could not be used, if it could not.
        cached: When the cached copy used was fetched, if one was used.
    """

    document: dict[str, Any] | None
    problem: str | None = None
    cached: dt.datetime | None = None


def read_remote(source: Source, cache_dir: Path) -> Remote:
    """The source's document: fetched and cached, or else the cached copy."""
    assert source.url is not None
    cache = cache_dir / f"{source.name}.json"
    try:
        data = fetch(source.url, timeout=source.timeout, max_size=source.max_size)
        document = check_document(data)
    except (FetchError, DocumentError) as error:
        problem = str(error)
    else:
        _keep(cache, data)
        return Remote(document)
    try:
        kept = cache.read_bytes()
        document = check_document(kept)
        stamp = dt.datetime.fromtimestamp(cache.stat().st_mtime, tz=dt.timezone.utc)
    except (OSError, DocumentError):
        return Remote(None, problem)
    return Remote(document, problem, stamp)


def check_document(data: bytes) -> dict[str, Any]:
    """The document, when it is a `decisions.json` of a format version this one reads."""
    try:
        document = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError) as error:
        raise DocumentError(f"it is not valid JSON ({error})") from None
    if not isinstance(document, dict):
        raise DocumentError("it is not a decisions.json (not a JSON object)")
    version = document.get("version")
    if isinstance(version, bool) or not isinstance(version, int):
        raise DocumentError("it is not a decisions.json (no format version)")
    if version > SCHEMA_VERSION:
        raise DocumentError(
            f"its format version is {version}, newer than {SCHEMA_VERSION}, the one this "
            "mkdocs-madr reads (upgrade mkdocs-madr)"
        )
    if not isinstance(document.get("decisions"), list):
        raise DocumentError("it is not a decisions.json (no list of decisions)")
    return document


def _keep(cache: Path, data: bytes) -> None:
    """Write the copy atomically: a build stopped half-way never leaves half a file."""
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=cache.parent, prefix=f".{cache.name}.")
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, cache)
    except OSError:
        pass  # a read-only project still builds; only the offline fallback is lost
