"""The `citations` option: whether to look for citations of records, and where."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class CitationOptions:
    """`citations: false`, `true`, or `{include: [...], exclude: [...]}` (`.gitignore`-style
    patterns relative to the folder of mkdocs.yml)."""

    enabled: bool = True
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()


def read_citation_options(value: object) -> CitationOptions:
    """The option checked; raises ValueError saying what is wrong."""
    if isinstance(value, CitationOptions):
        return value
    if isinstance(value, bool):
        return CitationOptions(enabled=value)
    if not isinstance(value, Mapping):
        wanted = "true, false or {include: [...], exclude: [...]}"
        raise ValueError(f"must be {wanted}, not {value!r}")
    unknown = sorted(str(key) for key in value if key not in ("include", "exclude"))
    if unknown:
        raise ValueError(f"unknown key {unknown[0]!r}; known: include, exclude")
    return CitationOptions(True, _patterns(value, "include"), _patterns(value, "exclude"))


def _patterns(value: Mapping[object, object], key: str) -> tuple[str, ...]:
    found = value.get(key)
    if found is None:
        return ()
    if isinstance(found, str):
        found = [found]
    if not isinstance(found, list) or not all(isinstance(p, str) and p.strip() for p in found):
        raise ValueError(f"{key}: must list .gitignore-style patterns, not {found!r}")
    return tuple(pattern.strip() for pattern in found)
