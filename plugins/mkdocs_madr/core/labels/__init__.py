"""The words the site writes, in the languages it speaks.

Every catalogue has the keys of the English one (a test checks it). A team picks a language with
the plugin's `language` option, or by default the theme's `language`, and may replace any label
with `labels`. Labels with `{name}` placeholders keep their placeholders, so a replacement can
move them but not lose or invent one.
"""

from __future__ import annotations

import string
from collections.abc import Mapping

from . import de, en, es, fr, it, nl, pt

DEFAULT_LANGUAGE = "en"
CATALOGUES: dict[str, dict[str, str]] = {
    "en": en.LABELS,
    "fr": fr.LABELS,
    "de": de.LABELS,
    "es": es.LABELS,
    "pt": pt.LABELS,
    "it": it.LABELS,
    "nl": nl.LABELS,
}
Labels = Mapping[str, str]


def language_of(code: str | None) -> str | None:
    """The catalogue for a language code (`pt-BR` and `pt_BR` are `pt`), None without one."""
    if not code:
        return None
    base = code.replace("_", "-").split("-", 1)[0].lower()
    return base if base in CATALOGUES else None


def placeholders(text: str) -> set[str]:
    """The `{name}` fields of a label; raises ValueError when its braces do not pair up."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def check_override(key: str, text: str) -> str | None:
    """Why `text` cannot replace the label `key`, or None when it can."""
    if key not in en.LABELS:
        return f"unknown label '{key}'"
    try:
        found = placeholders(text)
    except ValueError:
        return f"{key}: unbalanced braces (write {{{{ and }}}} for literal ones)"
    wanted = placeholders(en.LABELS[key])
    if found != wanted:
        names = ", ".join(f"{{{name}}}" for name in sorted(wanted)) or "no placeholders"
        return f"{key}: must use {names}"
    if key == "months" and len(text.split("|")) != 12:
        return "months: must name twelve months separated by |"
    return None


def catalogue(language: str | None, overrides: Mapping[str, str] | None = None) -> dict[str, str]:
    """The labels of `language` (English when it has none), with the team's `overrides`."""
    labels = dict(CATALOGUES[language_of(language) or DEFAULT_LANGUAGE])
    labels.update(overrides or {})
    return labels


__all__ = [
    "CATALOGUES",
    "DEFAULT_LANGUAGE",
    "Labels",
    "catalogue",
    "check_override",
    "language_of",
    "placeholders",
]
