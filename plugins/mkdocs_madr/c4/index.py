"""All C4 elements of a site, by alias.

The same element is normally drawn in several diagrams (a system in the context diagram and
again, opened up, in the container diagram). That is one element defined in several places; only
definitions that disagree on what the alias means are reported.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..core.diagnostics import Code, Diagnostic, diagnostic
from .model import Diagram, Element


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

    @classmethod
    def build(cls, diagrams: Iterable[Diagram]) -> tuple[C4Index, list[Diagnostic]]:
        """Index the elements of `diagrams` and check that each alias means one thing.

        Args:
            diagrams: Diagrams from any number of pages.

        Returns:
            The index and a `c4-duplicate-alias` diagnostic for every definition whose family
            (person, system, container, …) or label differs from the alias's first definition.
            Labels are compared ignoring case and runs of whitespace; an empty label agrees
            with any.
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
                if _disagree(first, other):
                    message = (
                        f"The alias `{alias}` is {_describe(first)} at {first.page}:{first.line} "
                        f"but {_describe(other)} here; give one of them another alias."
                    )
                    found.append(
                        diagnostic(Code.C4_DUPLICATE_ALIAS, other.page, other.line, message)
                    )
        return found


def _disagree(first: Element, other: Element) -> bool:
    if first.family != other.family:
        return True
    return bool(first.label and other.label and _normal(first.label) != _normal(other.label))


def _describe(element: Element) -> str:
    return f'{element.kind} "{element.label}"' if element.label else element.kind


def _normal(label: str) -> str:
    return " ".join(label.split()).casefold()
