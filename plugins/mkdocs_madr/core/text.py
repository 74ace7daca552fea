"""Small helpers for the short strings the parser pulls out of a record.

These work on one heading, one list item or one metadata value at a time, never on a whole
document: document structure always comes from markdown-it-py.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache

_COMMENT = re.compile(r"<!--.*?(?:-->|$)", re.DOTALL)
_WIKI = re.compile(r"\[\[([^\[\]|]+)(?:\|([^\[\]]+))?\]\]")
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(
    r"\[((?:[^\[\]]|\[[^\[\]]*\])*)\]\(\s*<?([^)\s>]*)>?(?:\s+[\"'][^\"']*[\"'])?\s*\)"
)
_ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])")
"""A backslash escape, which a link's address may hold (`0003-\\[Superseded\\]x.md`)."""
_REF_LINK = re.compile(r"\[((?:[^\[\]]|\[[^\[\]]*\])*)\]\[[^\]]*\]")
_AUTOLINK = re.compile(r"<((?:https?|mailto):[^>\s]+)>")
_TAG = re.compile(r"</?[A-Za-z][^<>]*>")
_BACKTICKS = re.compile(r"`+")
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1", re.DOTALL)
_EMPHASIS = re.compile(r"(?<![\w*])([*_])(?=\S)(.+?)(?<=\S)\1(?![\w*])", re.DOTALL)
_STRIKE = re.compile(r"~~(.+?)~~", re.DOTALL)
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_SPAN = re.compile("\x00(\\d+)\x00")
_MARKUP_CHARS = frozenset("*_`[]<>!\\&~")
_DATE_TEMPLATE = re.compile(r"\byyyy\b|\bdd[/.-]mm\b|\bmm[/.-]dd\b", re.IGNORECASE)
LONG_TEXT = 2000
"""Longer strings get a cheap markup removal in `plain` instead of the exact one."""
CACHED_TEXT = 500
"""Strings up to this length keep their `plain` and `is_placeholder` answers: the reader asks
about the same title or item many times over (half of its calls). The last 1,024 of each are
kept, at most a few megabytes."""

_PLACEHOLDER_WORDS = (
    "short title",
    "title of option",
    "option 1",
    "option 2",
    "option 3",
    "alternative 1",
    "alternative 2",
    "alternative 3",
    "list everyone",
    "yyyy-mm-dd",
    "when the decision was",
    "description | ticket",
    "ticket/issue url",
    "justification",
    "decision driver",
    "positive consequence",
    "negative consequence",
    "neutral consequence",
    "argument a",
    "argument b",
    "argument c",
    "argument d",
    "link type",
    "link to adr",
    "describe context",
    "e.g.,",
)


def small_number(digits: str) -> int | None:
    """`digits` as a number when it is a plausible one (up to 18 decimal digits), else None:
    Python refuses to convert strings of more than 4,300 digits, and none names a record."""
    return int(digits) if 0 < len(digits) <= 18 and digits.isdecimal() else None


def strip_comments(value: str) -> str:
    """Remove HTML comments, including an unclosed one that runs to the end."""
    if "<!--" not in value:
        return value
    return _COMMENT.sub("", value)


_STRUCK = re.compile(r"~~~?[^~\n]{1,200}?~~")


def without_struck(value: str) -> str:
    """The text without what it strikes out: `~~accepted~~ rejected` is rejected."""
    return _STRUCK.sub("", value) if "~~" in value else value


def collapse(value: str) -> str:
    """Runs of whitespace as one space, none at the ends."""
    return " ".join(value.split())


NON_ASCII_HYPHENS = str.maketrans({"\u2010": "-", "\u2011": "-"})
"""Hyphens that editors put for `-` (U+2010, and the non-breaking U+2011)."""


def plain(value: str) -> str:
    """Inline Markdown to plain text: links keep their text, emphasis and tags go.

    Code spans are literal in Markdown, so what they hold survives as written.
    """
    return _cached_plain(value) if len(value) <= CACHED_TEXT else _plain(value)


def _plain(value: str) -> str:
    value = strip_comments(value)
    if not _MARKUP_CHARS.intersection(value):
        return collapse(value)
    if len(value) > LONG_TEXT:
        # Emphasis and link patterns backtrack on long runs of `*` or `[`; such text is prose,
        # never a title or name, so markers are dropped without pairing them.
        return collapse(html.unescape(_TAG.sub("", value)).replace("*", "").replace("`", ""))
    spans: list[str] = []
    if "`" in value:

        def keep(code: str) -> str:
            spans.append(code.strip())
            return f"\x00{len(spans) - 1}\x00"

        value = replace_code_spans(value, keep)
    # Each pattern needs a literal the `in` test looks for; the test is far cheaper than a
    # search that fails, and most values hold one or two kinds of markup.
    if "[[" in value:
        value = _WIKI.sub(lambda match: match[2] or match[1], value)
    if "![" in value:
        value = _IMAGE.sub(r"\1", value)
    if "](" in value:
        value = _LINK.sub(r"\1", value)
    if "][" in value:
        value = _REF_LINK.sub(r"\1", value)
    if "<" in value:
        value = _TAG.sub("", _AUTOLINK.sub(r"\1", value))
    if "**" in value or "__" in value:
        value = _STRONG.sub(r"\2", value)
    if "*" in value or "_" in value:
        value = _EMPHASIS.sub(r"\2", value)
    if "~~" in value:
        value = _STRIKE.sub(r"\1", value)
    if "\\" in value:
        value = _ESCAPE.sub(r"\1", value)
    if "&" in value:
        value = html.unescape(value)
    if spans:
        value = _SPAN.sub(lambda match: spans[int(match.group(1))], value)
    return collapse(value)


_cached_plain = lru_cache(maxsize=1024)(_plain)


def replace_code_spans(value: str, replace: Callable[[str], str]) -> str:
    """Each code span replaced by `replace(its content)`, in one pass.

    As in CommonMark, a span opens at a run of backticks and closes at the next run of the same
    length; a run that is never closed stays literal. (A backreference pattern such as
    ``(`+)(.+?)\\1`` does the same in cubic time on a long run of backticks.)
    """
    runs = [(match.start(), match.end()) for match in _BACKTICKS.finditer(value)]
    closer: list[int | None] = [None] * len(runs)
    later: dict[int, int] = {}
    for index in range(len(runs) - 1, -1, -1):
        start, end = runs[index]
        closer[index] = later.get(end - start)
        later[end - start] = index
    parts: list[str] = []
    position = index = 0
    while index < len(runs):
        match = closer[index]
        if match is None:
            index += 1
            continue
        parts += [value[position : runs[index][0]], replace(value[runs[index][1] : runs[match][0]])]
        position = runs[match][1]
        index = match + 1
    parts.append(value[position:])
    return "".join(parts)


def links(value: str) -> list[tuple[str, str, int]]:
    """The inline links in a string: (plain text, href, offset of the link)."""
    if "](" not in value or len(value) > LONG_TEXT:
        return []  # see LONG_TEXT: a relation is never written in such a line
    return [
        (plain(m.group(1)), _ESCAPED.sub(r"\1", m.group(2)), m.start())
        for m in _LINK.finditer(value)
    ]


def is_placeholder(value: str) -> bool:
    """True for unfilled template text: `{…}`, `[a | b]`, or known template phrases."""
    if len(value) <= CACHED_TEXT:
        return _cached_is_placeholder(value)
    return _is_placeholder(value)


def _is_placeholder(value: str) -> bool:
    text = strip_comments(value).strip()
    if len(text) > 2 and text[0] == text[-1] and text[0] in "*_":
        text = text.strip("*_").strip()  # `_[alternative 1]_`
    if not text:
        return False
    if text in ("…", "...", "[…]", "{…}", "[...]", "{...}"):
        return True
    lowered = text.lower()
    if ("yyyy" in lowered or "dd" in lowered) and _DATE_TEMPLATE.search(lowered):
        return True  # `dd/mm/YYYY when the decision was last updated`, `RFC by dd/mm/yyyy`
    if text[0] == "{" and text[-1] == "}":
        return True
    if text[0] == "{" and "|" in text:
        return True  # MADR 4.0.0's status placeholder lacks its closing brace
    if text[0] == "[" and text[-1] == "]" and _LINK.fullmatch(text) is None:
        inner = text[1:-1].lower()
        return "|" in inner or "…" in inner or "..." in inner or _has_template_words(inner)
    return text[0] == "[" and "|" in text and text.count("[") > text.count("]")


_cached_is_placeholder = lru_cache(maxsize=1024)(_is_placeholder)


def _has_template_words(lowered: str) -> bool:
    return any(word in lowered for word in _PLACEHOLDER_WORDS)


def unbracket(value: str) -> str:
    """`[a, b]` written as a list in a bullet becomes `a, b`; links are left alone."""
    text = value.strip()
    if len(text) > 1 and text[0] == "[" and text[-1] == "]" and _LINK.fullmatch(text) is None:
        return text[1:-1]
    return text


_PEOPLE_SPLIT = re.compile(r"\s*(?:[,;、，；]|\s&\s|\b(?:and|et|und|y|e|en)\b)\s*", re.IGNORECASE)
_HANDLES = re.compile(r"^@[\w.-]+(?:\s+@[\w.-]+)+$")
_NOBODY = frozenset({"tbd", "tba", "todo", "n/a", "na", "none", "-", "?", "..."})


_SHORT_ANDS = frozenset({"y", "e", "en"})
"""Words that are "and" in one language (Spanish, Portuguese and Italian, Dutch) and something
else in another (French "en", a letter): they join two names only between names."""
_NAME_PARTICLES = frozenset(
    {"van", "de", "der", "den", "ten", "ter", "von", "la", "le", "da", "di", "du", "dos", "das"}
    | {"del", "bin", "al"}
)


def _looks_like_a_name(text: str) -> bool:
    """`Jan de Vries`, `@jan`, `ana`; not `équipe technique Codeurs`."""
    words = text.split()
    if len(words) == 1:
        return True  # `ana y pedro`: a word each side, names or handles
    return bool(words) and all(
        word[:1].isupper() or word[:1] == "@" or word.lower() in _NAME_PARTICLES for word in words
    )


def split_list(value: str) -> list[str]:
    """Split a written list of people: commas, semicolons, "and" (in the languages records
    are written in), "&", space-separated `@handles`; never inside parentheses."""
    text = plain(unbracket(unbrace(value)))
    if _HANDLES.match(text.strip()):
        return text.split()
    parts: list[str] = []
    start = counted = depth = 0
    for match in _PEOPLE_SPLIT.finditer(text):
        between = text[counted : match.start()]
        depth += between.count("(") - between.count(")")
        counted = match.start()
        if depth > 0:
            continue  # "Bob (and others, I forget who)" is one name
        if match[0].strip().lower() in _SHORT_ANDS and not (
            _looks_like_a_name(text[start : match.start()])
            and _looks_like_a_name(re.split(r"[,;、，；]", text[match.end() :], maxsplit=1)[0])
        ):
            continue  # "équipe Codeurs en Seine": French "en", not Dutch "and"
        parts.append(text[start : match.start()])
        start = match.end()
        depth = 0
    parts.append(text[start:])
    cleaned = (part.strip(" .`'\"") for part in parts)
    return [part for part in cleaned if part and part.lower() not in _NOBODY]


def unbrace(value: str) -> str:
    """`{ Ann Lee, Bo Chen }`: template braces left around real values."""
    text = value.strip()
    if (
        len(text) > 2
        and text[0] == "{"
        and text[-1] == "}"
        and "|" not in text
        and "…" not in text
        and "..." not in text
        and not _has_template_words(text.lower())
    ):
        return text[1:-1]
    return text


def split_tags(value: str) -> list[str]:
    """Tags also come space-separated with hashes: `#gpu #infra`."""
    text = plain(unbracket(value))
    if "," not in text and ";" not in text and "#" in text:
        return [tag.lstrip("#") for tag in text.split() if tag.lstrip("#")]
    parts = (part.strip(" .`'\"#") for part in re.split(r"[,;]", text))
    return [part for part in parts if part]


_NUMBERING = re.compile(r"^(?:\d+(?:\.\d+)*[.)]?|[a-z][.)])\s+", re.IGNORECASE)
_SYMBOLS = re.compile(r"^[^\w\[(\"'“‘`]+", re.UNICODE)


def without_attributes(heading: str) -> str:
    """A heading without the attribute list Pandoc, kramdown and attr_list put after it
    (`Use a queue {#adr-0007}`, `Context {: .note }`)."""
    text = heading.rstrip()
    if not text.endswith("}"):
        return heading
    start = text.rfind("{")
    inside = text[start + 1 : -1].strip()
    if start <= 0 or not inside.startswith(("#", ".", ":")) or "}" in inside:
        return heading
    return text[:start].rstrip() or heading


def heading_key(value: str) -> str:
    """Normalise a heading for matching: no comments, markup, numbering, emoji or accents; lower
    case (`## 2. État` → `etat`)."""
    text = without_accents(plain(value).casefold())
    text = _SYMBOLS.sub("", text)
    text = _NUMBERING.sub("", text)
    return text.rstrip(" :.").strip()


def without_accents(value: str) -> str:
    if value.isascii():
        return value
    decomposed = unicodedata.normalize("NFKD", value)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def strip_symbols(value: str) -> str:
    """Drop leading emoji and punctuation, as in `✅ Accepted`."""
    return _SYMBOLS.sub("", value).strip()


def slugify(value: str, max_length: int = 80) -> str:
    """A URL- and file-name-safe slug that keeps letters of every script."""
    text = unicodedata.normalize("NFKC", value).casefold()
    out: list[str] = []
    dash = False
    for char in text:
        if char.isalnum():
            out.append(char)
            dash = False
        elif not dash and out:
            out.append("-")
            dash = True
    slug = "".join(out).strip("-")
    if len(slug) > max_length:
        slug = slug[:max_length].rsplit("-", 1)[0] or slug[:max_length]
    return slug.strip("-")
