"""Decisions and C4 elements, joined: which decisions affect an element, and what is missing.

Built once per build from the collection and the C4 index; every lookup is a dictionary read,
so pages × elements × decisions never multiply.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..c4 import C4Index, Element
from ..core.collection import Collection
from ..core.diagnostics import Code, Diagnostic, diagnostic
from ..core.model import Decision, Line


@dataclass
class Architecture:
    """The C4 index plus, per alias, the decisions that name it."""

    index: C4Index
    decisions: dict[str, list[Decision]] = field(default_factory=dict)
    unnamed: list[Decision] = field(default_factory=list)

    def affecting(self, alias: str) -> list[Decision]:
        return self.decisions.get(alias, [])


def link_architecture(
    collection: Collection, index: C4Index
) -> tuple[Architecture, list[Diagnostic]]:
    """Join records to elements; a record naming an alias no diagram defines is reported."""
    architecture = Architecture(index)
    problems: list[Diagnostic] = []
    for decision in collection.decisions:
        if not decision.c4:
            architecture.unnamed.append(decision)
            continue
        for alias in decision.c4:
            architecture.decisions.setdefault(alias, []).append(decision)
            if alias in index:
                continue
            near = index.get_ignore_case(alias)
            hint = f" (did you mean '{near.alias}'?)" if near is not None else ""
            problems.append(
                diagnostic(
                    Code.C4_UNKNOWN_ELEMENT,
                    decision.file,
                    decision.lines.get(Line.C4),
                    f"C4 element '{alias}' is not defined in any diagram{hint}",
                )
            )
    return architecture, problems


@dataclass
class CoverageRow:
    element: Element
    decisions: list[Decision]


def coverage(architecture: Architecture) -> list[CoverageRow]:
    """Systems and containers we own (not external, not boundaries), least covered first."""
    rows = [
        CoverageRow(element, architecture.affecting(element.alias))
        for element in architecture.index.elements()
        if element.family in ("system", "container")
        and not element.external
        and "Boundary" not in element.kind
    ]
    return sorted(rows, key=lambda row: (len(row.decisions) > 0, row.element.label.lower()))
