"""One compiled regular expression that finds every glossary term in a text in a single pass.

The spellings are merged into a prefix tree before they become a pattern, so the expression
is one alternation whose branches share prefixes: at each position of the text the engine
follows at most one branch per character, and the cost stays linear in the text rather than
growing with the number of terms. Deeper branches are tried before a term may end, so the
longest spelling wins ("NATS JetStream" over "NATS").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from .model import Glossary

LONGEST_LINKED_SPELLING = 100
"""Longer spellings are still found by `[[…]]` references but never linked automatically."""

_STASH = r"(?P<stash>\x02[^\x02\x03]*\x03)"
_EXPLICIT = r"(?P<explicit>\[\[(?P<ref>[^\[\]|\x02\x03]+)(?:\|(?P<shown>[^\[\]\x02\x03]+))?\]\])"
EXPLICIT_REFERENCE = re.compile(_EXPLICIT)
"""`[[Term]]` or `[[Term|shown text]]`."""
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
        self._anchors: dict[str, str | None] = {}
        spellings = [s for s in glossary.names() if _linkable(s)]
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
        """The anchors of the terms that occur in `text`."""
        anchors = set()
        for spelling in self.spellings_in(text):
            if spelling not in self._anchors:
                term = self._glossary.find(spelling)
                self._anchors[spelling] = term.anchor if term is not None else None
            anchor = self._anchors[spelling]
            if anchor is not None:
                anchors.add(anchor)
        return anchors

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
