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
from ...core.model import Decision, Option, RelationKind
from ...core.text import slugify

Link = Callable[[Decision], str]

_BANNERS: tuple[tuple[RelationKind, str], ...] = (
    (RelationKind.SUPERSEDED_BY, "Superseded by"),
    (RelationKind.SUPERSEDES, "Supersedes"),
    (RelationKind.AMENDED_BY, "Amended by"),
    (RelationKind.AMENDS, "Amends"),
    (RelationKind.RELATES_TO, "Related to"),
)
_COLOUR = re.compile(
    r"#[0-9a-fA-F]{3,8}|[a-zA-Z]{3,20}|(?:rgb|rgba|hsl|hsla)\([\d\s.,%/]+\)|var\(--[\w-]+\)"
)
_FALLBACK_COLOUR = "#607d8b"


def safe_colour(value: str) -> str:
    """A CSS colour from the configuration, or a neutral grey when it is not plainly one."""
    value = value.strip()
    return value if _COLOUR.fullmatch(value) else _FALLBACK_COLOUR


@dataclass(frozen=True)
class Status:
    """A status as shown: its keyword, label, CSS class suffix and colour."""

    name: str
    label: str
    css: str
    colour: str


class StatusStyle:
    """Labels and colours for statuses, from the configured vocabulary."""

    def __init__(self, colours: dict[str, str]) -> None:
        self.colours = {name.lower(): safe_colour(colour) for name, colour in colours.items()}

    def of(self, status: str | None) -> Status:
        if not status:
            return Status("", "Unknown", "unknown", _FALLBACK_COLOUR)
        colour = self.colours.get(status, _FALLBACK_COLOUR)
        return Status(status, status[:1].upper() + status[1:], slugify(status) or "other", colour)


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
    people = [
        (label, names)
        for label, names in (
            ("Decision-makers", decision.deciders),
            ("Consulted", decision.consulted),
            ("Informed", decision.informed),
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
            found.append(Banner(kind.value, label, targets))
    return found


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


@dataclass(frozen=True)
class Filters:
    """Which records a directive shows; every given field must match."""

    statuses: frozenset[str] = frozenset()
    tags: frozenset[str] = frozenset()
    categories: frozenset[str] = frozenset()
    deciders: frozenset[str] = frozenset()
    c4: frozenset[str] = frozenset()
    limit: int | None = None

    def keep(self, decision: Decision) -> bool:
        lowered_tags = {tag.lower() for tag in decision.tags}
        return (
            (not self.statuses or (decision.status or "") in self.statuses)
            and (not self.tags or bool(self.tags & lowered_tags))
            and (not self.categories or decision.category in self.categories)
            and (not self.deciders or bool(self.deciders & {d.lower() for d in decision.deciders}))
            and (not self.c4 or bool(self.c4 & set(decision.c4)))
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
) -> IndexView:
    rows = [
        IndexRow(
            decision=decision,
            ref=reference(decision) if decision.number is not None else decision.id,
            url=link(decision),
            status=style.of(decision.status),
            chosen=decision.chosen or "",
        )
        for decision in decisions
    ]
    counts = Counter(decision.status or "" for decision in decisions)
    ordered = sorted(counts, key=lambda name: (_status_rank(name, style), name))
    return IndexView(
        rows=rows,
        counts=[(style.of(name), counts[name]) for name in ordered],
        tags=sorted({tag for d in decisions for tag in d.tags}, key=str.lower),
        deciders=sorted({name for d in decisions for name in d.deciders}, key=str.lower),
        categories=sorted({d.category for d in decisions if d.category}),
        statuses=[style.of(name) for name in ordered],
        timeline_url=timeline_url,
        graph_url=graph_url,
    )


def _status_rank(name: str, style: StatusStyle) -> int:
    names = list(style.colours)
    return names.index(name) if name in names else len(names)


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
    months: list[TimelineMonth] = []
    for decision in dated:
        key = (decision.date or "")[:7]
        if not months or months[-1].key != key:
            year, month = int(key[:4]), int(key[5:7])
            label = dt.date(year, month, 1).strftime("%B %Y")
            months.append(TimelineMonth(label, key, []))
        months[-1].entries.append(_entry(decision, style, link))
    undated = [d for d in decisions if not d.date]
    if undated:
        months.append(
            TimelineMonth("Undated", "undated", [_entry(d, style, link) for d in undated])
        )
    return months


def _entry(decision: Decision, style: StatusStyle, link: Link) -> TimelineEntry:
    return TimelineEntry(decision, reference(decision), link(decision), style.of(decision.status))


_KIND_WORDS = {
    "Person": "Person",
    "System": "System",
    "Container": "Container",
    "Component": "Component",
    "Deployment_Node": "Deployment node",
    "Node": "Deployment node",
    "Node_L": "Deployment node",
    "Node_R": "Deployment node",
    "Boundary": "Boundary",
    "Enterprise_Boundary": "Enterprise boundary",
    "System_Boundary": "System boundary",
    "Container_Boundary": "Container boundary",
}


def kind_label(kind: str) -> str:
    """`ContainerQueue_Ext` → `External container (queue)`."""
    base = kind.removesuffix("_Ext")
    flavour = ""
    for suffix, word in (("Db", "database"), ("Queue", "queue")):
        if base.endswith(suffix) and base != suffix:
            base, flavour = base[: -len(suffix)], word
    label = _KIND_WORDS.get(base, base.replace("_", " "))
    if kind.endswith("_Ext"):
        label = f"External {label[:1].lower()}{label[1:]}"
    return f"{label} ({flavour})" if flavour else label


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
            kind=kind_label(element.kind),
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
            kind=kind_label(row.element.kind),
            url=element_url(row.element.alias),
            decisions=[_entry(d, style, link) for d in row.decisions],
        )
        for row in rows
    ]


def entries(decisions: Iterable[Decision], style: StatusStyle, link: Link) -> list[TimelineEntry]:
    """Records as linked references with their status, for short lists."""
    return [_entry(decision, style, link) for decision in decisions]
