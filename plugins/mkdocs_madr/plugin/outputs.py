"""What the build writes beside the pages: `decisions.json` and the Atom feed."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from ..core.collection import Collection
from ..core.export import write_json
from ..core.model import Decision
from ..site.render.feed import FEED_FILE, atom_feed
from ..site.render.views import StatusStyle
from .host import File

JSON_FILE = "decisions.json"


def write_decisions_json(
    collection: Collection,
    site_dir: Path,
    records: Mapping[str, File],
    own_fields: Callable[[Decision], str],
    *,
    site_url: str | None = None,
    elsewhere: Mapping[str, str] | None = None,
) -> None:
    """`decisions.json`: every record as `adr list --format json` gives it, with its URL:
    absolute when the site has a `site_url`, for tools that read the file on its own; a record
    published by another site (`elsewhere`, by key) has that site's address."""
    base = site_url.rstrip("/") + "/" if site_url else ""
    published = elsewhere or {}

    def url(decision: Decision) -> dict[str, Any]:
        file = records.get(decision.file)
        if file is None:
            return {"url": published.get(decision.key)}
        return {"url": base + file.url}

    with (site_dir / JSON_FILE).open("w", encoding="utf-8") as out:
        write_json(collection, out, url, own_fields)


def write_feed(
    collection: Collection,
    site_dir: Path,
    records: Mapping[str, File],
    *,
    site_url: str,
    title: str,
    style: StatusStyle,
    due: Sequence[tuple[Decision, str, str]] = (),
) -> None:
    text = atom_feed(
        collection.decisions,
        site_url=site_url,
        title=title,
        url_of=lambda decision: found.url if (found := records.get(decision.file)) else None,
        status_label=lambda decision: style.of(decision.status).label,
        due=due,
    )
    (site_dir / FEED_FILE).write_text(text, encoding="utf-8")


__all__ = ["FEED_FILE", "JSON_FILE", "feed_url", "write_decisions_json", "write_feed"]


def feed_url(enabled: bool, site_url: str | None) -> str | None:
    """The feed's absolute URL (feed readers need one), or None without `site_url`."""
    if not enabled or not site_url:
        return None
    return site_url.rstrip("/") + "/" + FEED_FILE
