"""Records of another site, from its `decisions.json`: metadata and relations, no body.

Only the site's own records are taken (`source` null): the records it took from its own
sources are theirs to publish. Keys in the document are the other site's; here they get the
source's name in front (`0003` → `workflows:0003`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from urllib.parse import urljoin, urlsplit

from ..model import Decision, Dialect, Relation, RelationKind

_FORWARD = (RelationKind.SUPERSEDES, RelationKind.AMENDS, RelationKind.RELATES_TO)
_DIALECTS = {dialect.value: dialect for dialect in Dialect}
_SCHEMES = frozenset({"http", "https"})


def site_records(
    document: Mapping[str, Any], name: str, base_url: str
) -> tuple[list[Decision], dict[str, str]]:
    """The records, and each one's page URL (absolute, by key); entries that are not records
    of the site itself, or lack an id, are left out."""
    decisions: list[Decision] = []
    urls: dict[str, str] = {}
    for entry in document.get("decisions", []):
        if not isinstance(entry, dict) or entry.get("source") is not None:
            continue
        decision = _record(entry, name)
        if decision is None:
            continue
        decisions.append(decision)
        url = entry.get("url")
        if isinstance(url, str) and url:
            address = urljoin(base_url, url)
            # A page address, never a script: `javascript:` in a link would run in the site.
            if urlsplit(address).scheme in _SCHEMES | {urlsplit(base_url).scheme}:
                urls[decision.key] = address
    return decisions, urls


def _record(entry: dict[str, Any], name: str) -> Decision | None:
    ident, category = _text(entry.get("id")), _text(entry.get("category")) or ""
    if not ident:
        return None
    number = entry.get("number")
    own_key = f"{category}/{ident}" if category else ident
    decision = Decision(
        file=f"{name}:{_text(entry.get('file')) or own_key}",
        id=ident,
        number=number if isinstance(number, int) and not isinstance(number, bool) else None,
        category=f"{name}/{category}" if category else name,
        slug=_text(entry.get("slug")) or ident,
        title=_text(entry.get("title")),
        dialect=_DIALECTS.get(str(entry.get("format")), Dialect.UNKNOWN),
        status=_text(entry.get("status")),
        status_text=_text(entry.get("status_text")),
        lifecycle=_text(entry.get("lifecycle")),
        date=_text(entry.get("date")),
        deciders=_texts(entry.get("deciders")),
        consulted=_texts(entry.get("consulted")),
        informed=_texts(entry.get("informed")),
        tags=_texts(entry.get("tags")),
        c4=_texts(entry.get("c4")),
        technical_story=_text(entry.get("technical_story")),
        chosen=_text(entry.get("chosen")),
        source=name,
    )
    partly = {
        (item.get("kind"), item.get("key"))
        for item in entry.get("partly") or []
        if isinstance(item, dict)
    }
    for kind in _FORWARD:
        for key in _texts(entry.get(kind.value.replace("-", "_"))):
            if ":" in key:
                continue  # a record of the other site's own sources
            decision.relations.append(
                Relation(kind, f"{name}:{key}", partial=(kind.value, key) in partly)
            )
    return decision


def _text(value: object) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def _texts(value: object) -> list[str]:
    return [item for item in value if isinstance(item, str)] if isinstance(value, list) else []
