"""All C4 elements of a site, by alias.

The same element is normally drawn in several diagrams, and each level draws it its own way:
a system in the context diagram comes back opened up as a boundary of the container diagram,
an external system as a container, a container as a component; its label gains a version or
a process name ("PostgreSQL 17", "lizswap-postgres"). That is one element defined in several
places. Only definitions whose meaning really conflicts are reported: a person and something
else; at one level, labels neither of which holds the other's words ("PvP Context", "PvP
Systems"); across levels, labels without a word in common ("Event Platform", "Notification
Service"). Deployment diagrams name deployed instances, so their labels are compared only
with other deployment diagrams'.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..core.diagnostics import Code, Diagnostic, diagnostic
from .model import PERSON, Diagram, Element


class C4Index:
    """Elements of many diagrams by alias; build it with `C4Index.build`.

    Definitions are ordered by page, diagram index and line, whatever order the diagrams were
    given in, so "the first definition" is the same on every build.
    """

    def __init__(self, diagrams: Iterable[Diagram]) -> None:
        self._diagrams = sorted(diagrams, key=lambda diagram: (diagram.page, diagram.index))
        definitions = sorted(
            (element for diagram in self._diagrams for element in diagram.elements),
            key=lambda element: (element.page, element.diagram_index, element.line),
        )
        self._by_alias: dict[str, list[Element]] = {}
        for element in definitions:
            self._by_alias.setdefault(element.alias, []).append(element)
        self._alias_by_folded: dict[str, str] = {}
        for alias in self._by_alias:
            self._alias_by_folded.setdefault(alias.casefold(), alias)
        self._level = {(diagram.page, diagram.index): diagram.kind for diagram in self._diagrams}

    @classmethod
    def build(cls, diagrams: Iterable[Diagram]) -> tuple[C4Index, list[Diagnostic]]:
        """Index the elements of `diagrams` and check that each alias means one thing.

        Args:
            diagrams: Diagrams from any number of pages.

        Returns:
            The index and a `c4-duplicate-alias` diagnostic for every definition whose meaning
            conflicts with the alias's first definition (see the module's docstring). Labels
            are compared by their words, ignoring case, punctuation and numbers; an empty
            label agrees with any.
        """
        index = cls(diagrams)
        return index, index._conflicts()

    @property
    def diagrams(self) -> list[Diagram]:
        """The indexed diagrams, ordered by page and index."""
        return list(self._diagrams)

    def __contains__(self, alias: object) -> bool:
        return alias in self._by_alias

    def __len__(self) -> int:
        return len(self._by_alias)

    def aliases(self) -> list[str]:
        """Every defined alias, in order of first definition."""
        return list(self._by_alias)

    def get(self, alias: str) -> Element | None:
        """The first definition of `alias` (case-sensitive, as in Mermaid), None if undefined."""
        definitions = self._by_alias.get(alias)
        return definitions[0] if definitions else None

    def get_ignore_case(self, alias: str) -> Element | None:
        """Like `get`, but when no alias matches exactly, one differing only in case does.

        When several aliases differ from `alias` only in case, the first defined wins.
        """
        exact = self.get(alias)
        if exact is not None:
            return exact
        folded = self._alias_by_folded.get(alias.casefold())
        return self.get(folded) if folded is not None else None

    def definitions(self, alias: str) -> list[Element]:
        """Every definition of `alias` across all diagrams, first definition first."""
        return list(self._by_alias.get(alias, ()))

    def elements(self) -> list[Element]:
        """One element per alias, its first definition, in order of first definition."""
        return [definitions[0] for definitions in self._by_alias.values()]

    def _conflicts(self) -> list[Diagnostic]:
        found: list[Diagnostic] = []
        for alias, definitions in self._by_alias.items():
            first = definitions[0]
            for other in definitions[1:]:
                if self._disagree(first, other):
                    message = (
                        f"The alias `{alias}` is {_describe(first)} at {first.page}:{first.line} "
                        f"but {_describe(other)} here; give one of them another alias."
                    )
                    found.append(
                        diagnostic(Code.C4_DUPLICATE_ALIAS, other.page, other.line, message)
                    )
        return found

    def _disagree(self, first: Element, other: Element) -> bool:
        if (first.family == PERSON) != (other.family == PERSON):
            return True
        if not first.label or not other.label:
            return False
        level = self._level.get((first.page, first.diagram_index), "")
        other_level = self._level.get((other.page, other.diagram_index), "")
        if (first.page, first.diagram_index) == (other.page, other.diagram_index):
            return first.family != other.family or _normal(first.label) != _normal(other.label)
        if level == other_level:
            return not _one_holds_the_other(_words(first.label), _words(other.label))
        if _DEPLOYMENT in (level, other_level):
            return False
        return not _share_a_word(_words(first.label), _words(other.label))


_DEPLOYMENT = "C4Deployment"
_WORD = re.compile(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+|[0-9]+|[^\W\d_]+")
_COMMON_WORDS = frozenset(
    {
        *("the", "an", "of", "and", "or", "for", "to", "in", "on", "with", "by"),
        *("service", "services", "system", "systems", "server", "app", "application"),
    }
)
_SHORTEST_PREFIX = 4


def _words(label: str) -> set[str]:
    """The words of a label, split at punctuation and case changes, without numbers and single
    letters: `LizSwapFactory` has liz, swap and factory; `PostgreSQL 17` has postgre and sql."""
    return {
        word.casefold() for word in _WORD.findall(label) if len(word) > 1 and not word.isdigit()
    }


def _same_word(word: str, other: str) -> bool:
    if word == other:
        return True
    shorter, longer = sorted((word, other), key=len)
    return len(shorter) >= _SHORTEST_PREFIX and longer.startswith(shorter)


def _holds(words: set[str], other: set[str]) -> bool:
    return all(any(_same_word(word, mine) for mine in words) for word in other)


def _one_holds_the_other(words: set[str], other: set[str]) -> bool:
    return _holds(words, other) or _holds(other, words)


def _share_a_word(words: set[str], other: set[str]) -> bool:
    words, other = words - _COMMON_WORDS, other - _COMMON_WORDS
    if not words or not other:
        return True
    return any(_same_word(word, theirs) for word in words for theirs in other)


def _describe(element: Element) -> str:
    return f'{element.kind} "{element.label}"' if element.label else element.kind


def _normal(label: str) -> str:
    return " ".join(label.split()).casefold()
