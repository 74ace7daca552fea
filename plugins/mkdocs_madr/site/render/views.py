"""View models: what each generated fragment shows, computed from the records.

Nothing here builds HTML; templates do, with autoescape. URLs come from a `link` callable the
caller provides, because only the caller knows where the current page is.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from ...core.collection import Collection
from ...core.in_force import in_force
from ...core.labels import Labels, catalogue
from ...core.model import Decision, Option, RelationKind
from ...core.text import slugify
from .colours import text_colour

Link = Callable[[Decision], str]

_BANNERS: tuple[tuple[RelationKind, str], ...] = (
    (RelationKind.SUPERSEDED_BY, "superseded_by"),
    (RelationKind.SUPERSEDES, "supersedes"),
    (RelationKind.AMENDED_BY, "amended_by"),
    (RelationKind.AMENDS, "amends"),
    (RelationKind.RELATES_TO, "related_to"),
)
LIFECYCLE = ("draft", "proposed", "accepted", "rejected", "deprecated", "superseded")
"""The order a record's status goes through; statuses of a team's own come after, in the
order the team lists them."""
_COLOUR = re.compile(
    r"#[0-9a-fA-F]{3,8}|[a-zA-Z]{3,20}|(?:rgb|rgba|hsl|hsla)\([\d\s.,%/]+\)|var\(--[\w-]+\)"
)
_FALLBACK_COLOUR = "#546e7a"


def safe_colour(value: str) -> str:
    """A CSS colour from the configuration, or a neutral grey when it is not plainly one."""
    value = value.strip()
    return value if _COLOUR.fullmatch(value) else _FALLBACK_COLOUR


@dataclass(frozen=True)
class Status:
    """A status as shown: its keyword, label, CSS class suffix, colour, and the colour of text
    on it when white would not be legible ("" otherwise)."""

    name: str
    label: str
    css: str
    colour: str
    text: str = ""


class StatusStyle:
    """Labels and colours for statuses, from the configured vocabulary, in lifecycle order."""

    def __init__(self, colours: dict[str, str], labels: Labels | None = None) -> None:
        self.colours = {name.lower(): safe_colour(colour) for name, colour in colours.items()}
        self.labels = labels if labels is not None else catalogue(None)
        configured = list(self.colours)
        known = [name for name in LIFECYCLE if name in self.colours]
        self.order = known + [name for name in configured if name not in known]
        self._shown: dict[str, Status] = {}

    def of(self, status: str | None) -> Status:
        shown = self._shown.get(status or "")
        if shown is None:
            shown = self._shown[status or ""] = self._status(status)
        return shown

    def _status(self, status: str | None) -> Status:
        if not status:
            return Status("", self.labels["status_unknown"], "unknown", _FALLBACK_COLOUR)
        colour = self.colours.get(status, _FALLBACK_COLOUR)
        label = self.labels.get(f"status_{status}") or status[:1].upper() + status[1:]
        text = text_colour(colour)
        return Status(
            status, label, slugify(status) or "other", colour, text if text == "#000" else ""
        )

    def rank(self, status: str | None) -> int:
        """Where a status comes in the lifecycle; unknown ones last."""
        return self.order.index(status) if status in self.order else len(self.order)


def reference(decision: Decision) -> str:
    """How a record is named in running text: `ADR-0005`, `platform ADR-0001`, or its title."""
    if decision.number is None:
        return decision.title or decision.slug
    label = f"ADR-{decision.id}"
    return f"{decision.category} {label}" if decision.category else label


@dataclass
class Banner:
    kind: str
    label: str
    targets: list[tuple[str, str, Status, str]]  # reference, title, status, url


@dataclass(frozen=True)
class Neighbour:
    """The record before or after one in the log's order."""

    ref: str
    title: str
    url: str


@dataclass(frozen=True)
class ElementLink:
    """An architecture element a record names: its label, kind and place on a diagram page."""

    alias: str
    label: str
    kind: str
    url: str | None


@dataclass
class Header:
    decision: Decision
    status: Status
    people: list[tuple[str, list[str]]]
    tags: list[str]
    index_url: str | None
    elements: Sequence[ElementLink] = ()


def header_view(
    decision: Decision,
    style: StatusStyle,
    index_url: str | None,
    elements: Sequence[ElementLink] = (),
) -> Header:
    """What a record's header shows about the record itself (relations come separately)."""
    labels = style.labels
    people = [
        (labels[key], names)
        for key, names in (
            ("decision_makers", decision.deciders),
            ("consulted", decision.consulted),
            ("informed", decision.informed),
        )
        if names
    ]
    return Header(
        decision=decision,
        status=style.of(decision.status),
        people=people,
        tags=decision.tags,
        index_url=index_url,
        elements=elements,
    )


def banners(
    decision: Decision, collection: Collection, style: StatusStyle, link: Link
) -> list[Banner]:
    found = []
    for kind, label in _BANNERS:
        targets = []
        for key in decision.related(kind):
            other = collection.by_key.get(key)
            if other is not None:
                targets.append(
                    (reference(other), other.title or "", style.of(other.status), link(other))
                )
        if targets:
            found.append(Banner(kind.value, style.labels[label], targets))
    return found


def neighbours(
    decision: Decision, collection: Collection, position: int, link: Link
) -> tuple[Neighbour | None, Neighbour | None]:
    """The records before and after `decision` (at `position` in the collection's order, the
    log's), in its folder: categories are numbered apart."""
    decisions = collection.decisions

    def at(index: int) -> Neighbour | None:
        if not 0 <= index < len(decisions):
            return None
        other = decisions[index]
        if other.category != decision.category or not other.is_record:
            return None
        return Neighbour(reference(other), other.title or other.slug, link(other))

    return at(position - 1), at(position + 1)


@dataclass
class OptionRow:
    option: Option
    drivers: dict[str, str] = field(default_factory=dict)


@dataclass
class Comparison:
    decision: Decision
    rows: list[OptionRow]
    show_neutral: bool
    drivers: list[str]
    matrix: list[tuple[str, list[str]]]


def comparison_view(decision: Decision) -> Comparison | None:
    """Options side by side; None when the record considered no options."""
    if not decision.options:
        return None
    rows = [OptionRow(option) for option in decision.options]
    matrix = driver_matrix(decision)
    return Comparison(
        decision=decision,
        rows=rows,
        show_neutral=any(option.neutral for option in decision.options),
        drivers=decision.drivers,
        matrix=matrix,
    )


_KEY_SPLIT = re.compile(r"\s+[-–—:]\s+|:\s+")
_STOP = frozenset({"the", "a", "an", "of", "for", "and", "to", "in", "on", "with", "is", "be"})


def driver_key(driver: str) -> str:
    """The short name a driver goes by: the part before a dash or colon, else its first words."""
    head = _KEY_SPLIT.split(driver, maxsplit=1)[0].strip()
    if head != driver.strip():
        return head
    words = [word for word in re.findall(r"[\w/+-]+", driver) if word.lower() not in _STOP]
    return " ".join(words[:2]) if len(words) > 3 else driver.strip()


def driver_matrix(decision: Decision) -> list[tuple[str, list[str]]]:
    """Drivers × options: `+`, `−`, `~` (or a mix) where an option's arguments name a driver.

    Shown only when at least two cells are filled, so one chance match does not make a table.
    """
    if not decision.drivers or not decision.options:
        return []
    keys = [(driver, driver_key(driver)) for driver in decision.drivers]
    patterns = [re.compile(rf"(?<!\w){re.escape(key)}(?!\w)", re.IGNORECASE) for _, key in keys]
    matrix: list[tuple[str, list[str]]] = []
    filled = 0
    for (driver, _), pattern in zip(keys, patterns, strict=False):
        cells = []
        for option in decision.options:
            marks = ""
            for sign, arguments in (("+", option.good), ("~", option.neutral), ("−", option.bad)):
                if any(pattern.search(argument) for argument in arguments):
                    marks += sign
            filled += bool(marks)
            cells.append(marks)
        matrix.append((driver, cells))
    return matrix if filled >= 2 else []


@dataclass
class IndexRow:
    decision: Decision
    ref: str
    url: str
    status: Status
    chosen: str
    in_force: bool = False


@dataclass
class IndexView:
    rows: list[IndexRow]
    counts: list[tuple[Status, int]]
    tags: list[str]
    deciders: list[str]
    categories: list[str]
    statuses: list[Status]
    timeline_url: str | None
    graph_url: str | None
    elements: list[tuple[str, str]] = field(default_factory=list)
    """(alias, label) of the architecture elements the records name."""
    json_url: str | None = None
    sources: list[str] = field(default_factory=list)
    """The names of the sources (`sources:`) the records come from; empty when all are the
    site's own."""


@dataclass(frozen=True)
class Filters:
    """Which records a directive shows; every given field must match."""

    statuses: frozenset[str] = frozenset()
    tags: frozenset[str] = frozenset()
    categories: frozenset[str] = frozenset()
    deciders: frozenset[str] = frozenset()
    c4: frozenset[str] = frozenset()
    limit: int | None = None
    sources: frozenset[str] = frozenset()
    """Source names (`sources:`); `.` is the site's own records."""

    def keep(self, decision: Decision) -> bool:
        lowered_tags = {tag.lower() for tag in decision.tags}
        return (
            (not self.statuses or (decision.status or "") in self.statuses)
            and (not self.tags or bool(self.tags & lowered_tags))
            and (not self.categories or decision.category in self.categories)
            and (not self.deciders or bool(self.deciders & {d.lower() for d in decision.deciders}))
            and (not self.c4 or bool(self.c4 & set(decision.c4)))
            and (not self.sources or (decision.source or ".") in self.sources)
        )

    def apply(self, decisions: Iterable[Decision]) -> list[Decision]:
        kept = [decision for decision in decisions if self.keep(decision)]
        return kept[: self.limit] if self.limit is not None else kept


def index_view(
    decisions: Sequence[Decision],
    style: StatusStyle,
    link: Link,
    timeline_url: str | None = None,
    graph_url: str | None = None,
    element_label: Callable[[str], str] = str,
    json_url: str | None = None,
) -> IndexView:
    rows = [
        IndexRow(
            decision=decision,
            ref=reference(decision) if decision.number is not None else decision.id,
            url=link(decision),
            status=style.of(decision.status),
            chosen=decision.chosen or "",
            in_force=in_force(decision),
        )
        for decision in decisions
    ]
    counts = Counter(decision.status or "" for decision in decisions)
    ordered = sorted(counts, key=lambda name: (style.rank(name), name))
    aliases = {alias for d in decisions for alias in d.c4}
    elements = sorted(((alias, element_label(alias)) for alias in aliases), key=_by_label)
    return IndexView(
        rows=rows,
        counts=[(style.of(name), counts[name]) for name in ordered],
        tags=_distinct(tag for d in decisions for tag in d.tags),
        deciders=_distinct(name for d in decisions for name in d.deciders),
        categories=sorted({d.category for d in decisions if d.category}),
        sources=sorted({d.source for d in decisions if d.source is not None}),
        statuses=[style.of(name) for name in ordered],
        timeline_url=timeline_url,
        graph_url=graph_url,
        elements=elements,
        json_url=json_url,
    )


def _by_label(element: tuple[str, str]) -> tuple[str, str]:
    return element[1].lower(), element[0]


def _distinct(values: Iterable[str]) -> list[str]:
    """Values once each, ignoring case (the filters do), the first spelling kept."""
    first: dict[str, str] = {}
    for value in values:
        first.setdefault(value.lower(), value)
    return sorted(first.values(), key=str.lower)


@dataclass
class TimelineEntry:
    decision: Decision
    ref: str
    url: str
    status: Status


@dataclass
class TimelineMonth:
    label: str
    key: str
    entries: list[TimelineEntry]


def timeline_view(
    decisions: Sequence[Decision], style: StatusStyle, link: Link
) -> list[TimelineMonth]:
    """Records by date, newest first, grouped by month; undated ones last."""
    dated = sorted(
        (d for d in decisions if d.date), key=lambda d: (d.date or "", d.key), reverse=True
    )
    names = style.labels["months"].split("|")
    months: list[TimelineMonth] = []
    for decision in dated:
        key = (decision.date or "")[:7]
        if not months or months[-1].key != key:
            day = dt.date(int(key[:4]), int(key[5:7]), 1)
            months.append(TimelineMonth(f"{names[day.month - 1]} {day.year}", key, []))
        months[-1].entries.append(_entry(decision, style, link))
    undated = [d for d in decisions if not d.date]
    if undated:
        label = style.labels["undated"]
        months.append(TimelineMonth(label, "undated", [_entry(d, style, link) for d in undated]))
    return months


def _entry(decision: Decision, style: StatusStyle, link: Link) -> TimelineEntry:
    return TimelineEntry(decision, reference(decision), link(decision), style.of(decision.status))


_KIND_LABELS = {
    "Person": "kind_person",
    "System": "kind_system",
    "Container": "kind_container",
    "Component": "kind_component",
    "Deployment_Node": "kind_node",
    "Node": "kind_node",
    "Node_L": "kind_node",
    "Node_R": "kind_node",
    "Boundary": "kind_boundary",
    "Enterprise_Boundary": "kind_enterprise_boundary",
    "System_Boundary": "kind_system_boundary",
    "Container_Boundary": "kind_container_boundary",
}
_EXTERNAL = frozenset({"Person", "System", "Container", "Component"})


def kind_label(kind: str, labels: Labels | None = None) -> str:
    """`ContainerQueue_Ext` → `External container (queue)`, in the labels' language."""
    labels = labels if labels is not None else catalogue(None)
    base = kind.removesuffix("_Ext")
    flavour = ""
    for suffix, key in (("Db", "flavour_database"), ("Queue", "flavour_queue")):
        if base.endswith(suffix) and base != suffix:
            base, flavour = base[: -len(suffix)], key
    found = _KIND_LABELS.get(base)
    if found is None:
        label = base.replace("_", " ")
    elif kind.endswith("_Ext") and base in _EXTERNAL:
        label = labels[f"{found}_ext"]
    else:
        label = labels[found]
    return labels[flavour].format(kind=label) if flavour else label


_LINE_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)
_CODE_SPAN = re.compile(r"`([^`]+)`")


def text_lines(text: str) -> list[str]:
    """`text` split where Mermaid breaks a C4 label's line: at `<br>` and `<br/>`, and nowhere
    else (every other tag stays text)."""
    return _LINE_BREAK.split(text)


def code_spans(text: str) -> list[tuple[str, bool]]:
    """`text` in pieces, each with whether it was a `code` span."""
    pieces: list[tuple[str, bool]] = []
    done = 0
    for span in _CODE_SPAN.finditer(text):
        pieces.append((text[done : span.start()], False))
        pieces.append((span[1], True))
        done = span.end()
    pieces.append((text[done:], False))
    return [piece for piece in pieces if piece[0]]


@dataclass
class ElementRow:
    alias: str
    anchor: str
    label: str
    kind: str
    technology: str
    description: str
    decisions: list[TimelineEntry]

    @property
    def label_lines(self) -> list[str]:
        return text_lines(self.label)

    @property
    def technology_lines(self) -> list[str]:
        return text_lines(self.technology)

    @property
    def description_lines(self) -> list[str]:
        return text_lines(self.description)


@dataclass(frozen=True)
class DiagramProblem:
    """Why Mermaid cannot draw a diagram, as said under it.

    Attributes:
        line: The line in the diagram (its first line is 1).
        parts: The message in pieces, each with whether it is code.
    """

    line: int | None
    parts: list[tuple[str, bool]]


def diagram_problems(problems: Iterable[Any]) -> list[DiagramProblem]:
    """What stops Mermaid drawing a diagram, from its diagnostics (lines counted from its
    first line)."""
    return [DiagramProblem(problem.line, code_spans(problem.message)) for problem in problems]


def element_rows(
    elements: Iterable[Any],
    affecting: Callable[[str], list[Decision]],
    style: StatusStyle,
    link: Link,
    anchor: Callable[[str], str],
) -> list[ElementRow]:
    """One row per element of a diagram, with the decisions that name it."""
    return [
        ElementRow(
            alias=element.alias,
            anchor=anchor(element.alias),
            label=element.label or element.alias,
            kind=kind_label(element.kind, style.labels),
            technology=element.technology,
            description=element.description,
            decisions=[_entry(d, style, link) for d in affecting(element.alias)],
        )
        for element in elements
    ]


@dataclass
class CoverageLine:
    alias: str
    label: str
    kind: str
    url: str | None
    decisions: list[TimelineEntry]


def coverage_lines(
    rows: Iterable[Any],
    style: StatusStyle,
    link: Link,
    element_url: Callable[[str], str | None],
) -> list[CoverageLine]:
    return [
        CoverageLine(
            alias=row.element.alias,
            label=row.element.label or row.element.alias,
            kind=kind_label(row.element.kind, style.labels),
            url=element_url(row.element.alias),
            decisions=[_entry(d, style, link) for d in row.decisions],
        )
        for row in rows
    ]


def entries(decisions: Iterable[Decision], style: StatusStyle, link: Link) -> list[TimelineEntry]:
    """Records as linked references with their status, for short lists."""
    return [_entry(decision, style, link) for decision in decisions]
