"""Reading a term label and an alias line; shared by the parser and the glossary-page pass.

A label names a term and may list its synonyms: in a trailing parenthesis (`Architecture
Decision Record (ADR)`, `Writer (also called a sender)`), separated by commas (`message broker,
broker`) or by a slash (`Reader / Consumer`, `Node/Nodes`). A slash between two words that
share no stem (`CI/CD`, `TCP/IP`) is part of the name. A bracketed qualifier (`Release [a
package]`) is not part of the name.
"""

from __future__ import annotations

import re

_ATTRIBUTE_LIST = re.compile(r"\s*\{:?\s*[#.][^{}]*\}\s*$")
_QUALIFIER = re.compile(r"\s*\[[^\[\]]*\]\s*$")
_TRAILING_PARENTHESES = re.compile(r"^(?P<name>.*?\S)\s*\((?P<inner>[^()]*)\)$")
_ALIAS_LINE = re.compile(
    r"^\s*(?:aliases|alias|also\s+known\s+as|also|aka|a\.k\.a\.)\s*:\s*(?P<names>.*?)\s*$",
    re.IGNORECASE,
)
_ALIAS_SENTENCE = re.compile(
    r"^\s*(?:also\s+known\s+as|also\s+called|a\.k\.a\.|aka)\s+(?P<names>[^.;:]+?)\s*\.?\s*$",
    re.IGNORECASE,
)
_ALIAS_SEPARATORS = re.compile(r"[,;]")
_SYNONYM_PHRASE = re.compile(
    r"^(?:also\s+called|also\s+known\s+as|a\.k\.a\.|aka|or|formerly|plural)\s*:?\s+(?:an?\s+|the\s+)?",
    re.IGNORECASE,
)
_SPACED_SLASH = re.compile(r"\s+/\s+")
_COMMA = re.compile(r"\s*,\s+")
_LONGEST_ALIAS = 80
_LONGEST_SYNONYM_WORDS = 5
_SHORTEST_STEM = 3


def clean_label(label: str) -> str:
    """The label with whitespace collapsed and a trailing colon, `{#id}` list or `[qualifier]`
    removed."""
    label = _ATTRIBUTE_LIST.sub("", label)
    label = " ".join(label.split()).rstrip(":").rstrip()
    return _QUALIFIER.sub("", label) or label


def split_label(label: str) -> tuple[str, list[str]]:
    """Name and aliases of a label (see the module's docstring)."""
    label = clean_label(label)
    aliases: list[str] = []
    match = _TRAILING_PARENTHESES.match(label)
    if match is not None:
        aliases = [synonym(alias) for alias in _split_names(match["inner"]) if alias]
        label = match["name"].rstrip(":").rstrip()
    names = _synonyms_in(label)
    return names[0], [*names[1:], *aliases]


def synonym(text: str) -> str:
    """An alias as written in a parenthesis, without `also called`, `or` and an article."""
    return _SYNONYM_PHRASE.sub("", text.strip()).strip()


def parse_alias_line(text: str) -> list[str] | None:
    """The aliases named by a line such as `Aliases: x, y`, `Also: x` or `Also known as x.`;
    None if it is not one.

    A line whose items are empty or too long to be a name is prose, not an alias list.
    """
    match = _ALIAS_LINE.match(text) or _ALIAS_SENTENCE.match(text)
    if match is None:
        return None
    names = _split_names(match["names"].rstrip("."))
    if not names or any(not name or len(name) > _LONGEST_ALIAS for name in names):
        return None
    return names


def _synonyms_in(label: str) -> list[str]:
    """`message broker, broker` → both; `Node/Nodes` → both; `CI/CD` stays one name."""
    for separator in (_COMMA, _SPACED_SLASH):
        parts = [part.strip() for part in separator.split(label)]
        if len(parts) > 1 and all(_short_name(part) for part in parts):
            return parts
    if label.count("/") == 1 and " " not in label:
        first, second = label.split("/")
        if _same_stem(first, second):
            return [first, second]
    return [label]


def _short_name(part: str) -> bool:
    words = part.split()
    return 0 < len(words) <= _LONGEST_SYNONYM_WORDS and words[0].casefold() not in ("and", "or")


def _same_stem(first: str, second: str) -> bool:
    """`Node`/`Nodes`, `App`/`Application`: one begins with the other."""
    shorter, longer = sorted((first.casefold(), second.casefold()), key=len)
    return len(shorter) >= _SHORTEST_STEM and longer.startswith(shorter)


def _split_names(text: str) -> list[str]:
    return [" ".join(part.split()).strip("\"'“”‘’") for part in _ALIAS_SEPARATORS.split(text)]
