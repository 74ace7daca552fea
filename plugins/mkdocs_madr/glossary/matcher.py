"""One compiled regular expression that finds every glossary term in a text in a single pass.

The spellings are merged into a prefix tree before they become a pattern, so the expression
is one alternation whose branches share prefixes: at each position of the text the engine
follows at most one branch per character, and the cost stays linear in the text rather than
growing with the number of terms. Deeper branches are tried before a term may end, so the
longest spelling wins ("NATS JetStream" over "NATS").

Each spelling is also found in its plural (`Pods`, `policies`, `APIs`; a possessive such as
`KServe's` links the term before the `'s`). Matching ignores case, but a spelling that could be
an everyday word (one plain word, in lower case or with only its first letter capitalised:
`Instance`, `age`) is a term only where the text writes it as the glossary does, or, for one
written in lower case, with a capital at the start of a sentence: "Each Instance" links, "For
instance" does not.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from .model import Glossary, Term, term_key

LONGEST_LINKED_SPELLING = 100
"""Longer spellings are still found by `[[…]]` references but never linked automatically."""

_STASH = r"(?P<stash>\x02[^\x02\x03]*\x03)"
_EXPLICIT = (
    r"(?P<explicit>\[\[(?!\s*(?:[A-Za-z][A-Za-z0-9+.-]*://|[wW]{3}\.))"
    r"(?P<ref>[^\[\]|\x02\x03]+)(?:\|(?P<shown>[^\[\]\x02\x03]+))?\]\](?![\[(]))"
)
EXPLICIT_REFERENCE = re.compile(_EXPLICIT)
"""`[[Term]]` or `[[Term|shown text]]`; never `[[ https://… | text ]]`, a wiki's link, nor
`[[1]][label]` or `[[1]](…)`, a link whose text is in brackets (what Markdown left of one it
could not resolve, such as a label wrapped onto the next line)."""
_WHITESPACE = " "
_WORD_BEFORE = r"(?<!\w)"
_WORD_AFTER = r"(?!\w)"


@dataclass
class _Node:
    children: dict[str, _Node] = field(default_factory=dict)
    patterns: dict[str, str] = field(default_factory=dict)
    terminal: bool = False


class TermMatcher:
    """Finds stash placeholders, `[[…]]` references and glossary spellings.

    Matches carry the group `stash` (a Python-Markdown placeholder, to be left alone),
    `explicit` with `ref` and optional `shown`, or `term`.
    """

    def __init__(self, glossary: Glossary) -> None:
        self._glossary = glossary
        self._anchors: dict[str, set[str]] = {}
        self._forms: dict[str, list[tuple[str | None, Term]]] = {}
        """Each form (spelling or inflection), case-folded: the exact text it must have (None
        when any case will do) and its term, spellings before inflections."""
        for inflect in (False, True):
            for term in glossary.terms:
                for spelling in term.spellings:
                    if not _linkable(spelling):
                        continue
                    bound = spelling if _could_be_an_everyday_word(spelling) else None
                    for form in _inflections(spelling) if inflect else [spelling]:
                        exact = None if bound is None else " ".join(form.split())
                        self._forms.setdefault(term_key(form), []).append((exact, term))
        spellings = list(dict.fromkeys(form for form in self._forms))
        alternatives = [_STASH, _EXPLICIT]
        if spellings:
            alternatives.append(f"{_WORD_BEFORE}(?P<term>{_trie_pattern(spellings)})")
        self._everything = re.compile("|".join(alternatives), re.IGNORECASE)
        self._references = re.compile(f"{_STASH}|{_EXPLICIT}")
        lowered = [spelling.lower() for spelling in spellings]
        # Case-folded text against case-folded terms is much cheaper than IGNORECASE, and most
        # text holds neither placeholders nor references.
        self._terms = (
            re.compile(f"{_WORD_BEFORE}(?P<term>{_trie_pattern(lowered)})") if lowered else None
        )

    def all_matches(self, text: str) -> Iterator[re.Match[str] | TermMatch]:
        """Placeholders, references and terms in `text`, left to right, not overlapping."""
        if self._terms is None or "\x02" in text or "[[" in text:
            return self._everything.finditer(text)
        lowered = text.lower()
        if len(lowered) != len(text):  # a few characters change length when lowered
            return self._everything.finditer(text)
        return (
            TermMatch(text, found.start(), found.end()) for found in self._terms.finditer(lowered)
        )

    def spellings_in(self, text: str) -> set[str]:
        """The glossary spellings that occur in `text`, case-folded."""
        if self._terms is None:
            return set()
        lowered = text.lower()
        if len(lowered) != len(text):
            return {m["term"].lower() for m in self._everything.finditer(text) if m["term"]}
        return set(self._terms.findall(lowered))  # the only capturing group is the term

    def anchors_in(self, text: str) -> set[str]:
        """The anchors of the terms that may occur in `text` (case aside)."""
        anchors: set[str] = set()
        for spelling in self.spellings_in(text):
            if spelling not in self._anchors:
                candidates = self._forms.get(term_key(spelling), [])
                self._anchors[spelling] = {term.anchor for _, term in candidates}
            anchors |= self._anchors[spelling]
        return anchors

    def term_for(self, text: str) -> Term | None:
        """The term a matched text stands for, None when its case rules it out."""
        written = " ".join(text.split())
        for exact, term in self._forms.get(term_key(text), []):
            if exact is None or written in (exact, exact.capitalize() if exact.islower() else ""):
                return term
        return None

    def references(self, text: str) -> Iterator[re.Match[str]]:
        """Placeholders and `[[…]]` references only."""
        return self._references.finditer(text)


class TermMatch:
    """A term found in case-folded text, read back from the original: the `re.Match` calls
    the linker uses (`m["term"]`, `groupdict()`, `start()`, `end()`)."""

    __slots__ = ("_end", "_start", "_text")

    def __init__(self, text: str, start: int, end: int) -> None:
        self._text, self._start, self._end = text, start, end

    def __getitem__(self, group: str) -> str | None:
        return self._text[self._start : self._end] if group == "term" else None

    def groupdict(self) -> dict[str, str | None]:
        return {"stash": None, "explicit": None, "term": self._text[self._start : self._end]}

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end


def _linkable(spelling: str) -> bool:
    return len(spelling) <= LONGEST_LINKED_SPELLING and any(c.isalnum() for c in spelling)


def _could_be_an_everyday_word(spelling: str) -> bool:
    """One plain word in lower case or capitalised: it may mean something else in prose."""
    return (
        len(spelling) > 1
        and spelling.isalpha()
        and (spelling.islower() or (spelling[0].isupper() and spelling[1:].islower()))
    )


def _inflections(spelling: str) -> list[str]:
    """The plural of a spelling: `Pod` → Pods, `Policy` → Policies, `Bus` → Buses."""
    if not spelling[-1:].isalpha():
        return []
    if spelling[-1:] in "sxzSXZ" or spelling.lower().endswith(("ch", "sh")):
        plural = spelling + ("ES" if spelling.isupper() and len(spelling) > 3 else "es")
    elif spelling[-1:] in "yY" and spelling[-2:-1].lower() not in "aeiou":
        plural = spelling[:-1] + ("IES" if spelling.isupper() else "ies")
    else:
        plural = spelling + "s"
    return [plural]


def _trie_pattern(spellings: Iterable[str]) -> str:
    root = _Node()
    for spelling in spellings:
        node = root
        for token in _tokens(spelling):
            key = token.lower() if len(token.lower()) == 1 else token
            node.patterns.setdefault(key, r"\s+" if token == _WHITESPACE else re.escape(token))
            node = node.children.setdefault(key, _Node())
        node.terminal = True
    return _node_pattern(root)


def _tokens(spelling: str) -> list[str]:
    """Characters of the spelling, with each whitespace run as one token."""
    tokens: list[str] = []
    for word in spelling.split():
        if tokens:
            tokens.append(_WHITESPACE)
        tokens.extend(word)
    return tokens


def _node_pattern(node: _Node) -> str:
    branches = [
        node.patterns[key] + _node_pattern(child) for key, child in sorted(node.children.items())
    ]
    if node.terminal:
        branches.append(_WORD_AFTER)
    if len(branches) == 1:
        return branches[0]
    return "(?:" + "|".join(branches) + ")"
