"""The decision record model: plain data, no behaviour beyond small helpers.

One `Decision` per file. Every field is what the file says, normalised; a field the file does
not state is empty or None, never a guessed default.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

from .diagnostics import Diagnostic

KNOWN_STATUSES: tuple[str, ...] = (
    "proposed",
    "accepted",
    "rejected",
    "deprecated",
    "superseded",
    "draft",
)


class Dialect(str, enum.Enum):
    """The template family a record was written in, as detected."""

    MADR1 = "madr1"
    MADR2 = "madr2"
    MADR3 = "madr3"
    MADR4 = "madr4"
    LOG4BRAINS = "log4brains"
    NYGARD = "nygard"
    UNKNOWN = "unknown"


class RelationKind(str, enum.Enum):
    """A typed link between two records. Each kind has an inverse."""

    SUPERSEDES = "supersedes"
    SUPERSEDED_BY = "superseded-by"
    AMENDS = "amends"
    AMENDED_BY = "amended-by"
    RELATES_TO = "relates-to"

    @property
    def inverse(self) -> RelationKind:
        return _INVERSE[self]


_INVERSE = {
    RelationKind.SUPERSEDES: RelationKind.SUPERSEDED_BY,
    RelationKind.SUPERSEDED_BY: RelationKind.SUPERSEDES,
    RelationKind.AMENDS: RelationKind.AMENDED_BY,
    RelationKind.AMENDED_BY: RelationKind.AMENDS,
    RelationKind.RELATES_TO: RelationKind.RELATES_TO,
}


@dataclass(slots=True)
class Option:
    """A considered option, with the arguments from its Pros and Cons section."""

    title: str
    line: int | None = None
    description: str = ""
    good: list[str] = field(default_factory=list)
    neutral: list[str] = field(default_factory=list)
    bad: list[str] = field(default_factory=list)
    chosen: bool = False
    number: int | None = None
    """The number the record gives it (`Option 2:`, `2.`), if any."""


@dataclass(slots=True)
class Consequences:
    good: list[str] = field(default_factory=list)
    neutral: list[str] = field(default_factory=list)
    bad: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.good or self.neutral or self.bad)


@dataclass(slots=True)
class Link:
    """A link from the Links / More Information list or a status line.

    `verb` is the lower-case words before the link ("refined by"), empty when there are none.
    """

    text: str
    href: str
    verb: str = ""
    line: int | None = None


@dataclass(slots=True)
class Relation:
    """A relation as stated in the file; `target` is the raw reference (file, id or "ADR-5")."""

    kind: RelationKind
    target: str
    line: int | None = None
    label: str = ""
    partial: bool = False
    """The record says only part of the other is meant (`in part supersedes`)."""
    stated: bool = True
    """False for a link or mention in prose (`see ADR-4`): it relates the two records if it
    names one, and is dropped without a word if it names none."""


class Line(str, enum.Enum):
    """What a line number in `Decision.lines` points at."""

    TITLE = "title"
    STATUS = "status"
    STATUS_SECTION = "status-section"
    DATE = "date"
    DECIDERS = "deciders"
    CONSULTED = "consulted"
    INFORMED = "informed"
    TAGS = "tags"
    C4 = "c4"
    TECHNICAL_STORY = "technical_story"
    OPTIONS = "options"
    OPTIONS_END = "options_end"
    """The first line after the considered options."""
    PROS = "pros"
    CHOSEN = "chosen"
    CONSEQUENCES = "consequences"


@dataclass(slots=True)
class KeptSection:
    """A part of the body the model does not interpret, kept as Markdown."""

    title: str
    level: int
    line: int
    markdown: str


@dataclass(slots=True)
class MetadataEntry:
    """A metadata key the reader does not read itself (`owner: ana`, `* Review by: 2026-01-01`),
    as written: the key, its value as plain data (dates as ISO text), where it is."""

    key: str
    value: object
    line: int | None = None
    source: str = "front-matter"


@dataclass(slots=True)
class StatusChange:
    """A commit that changed a record's status (or added the record), from Git."""

    date: str
    status: str | None
    author: str
    commit: str


@dataclass(eq=False, slots=True)
class Decision:
    """One architecture decision record.

    `id` is unique within a category; `key` (category and id) is unique within a collection.
    Records compare by identity: two files are two records even when they say the same.
    Relations are stated ones in `relations`; the resolved, two-way view is in `links_out`,
    filled by the collection.
    """

    file: str
    id: str
    number: int | None = None
    category: str = ""
    slug: str = ""
    title: str | None = None
    dialect: Dialect = Dialect.UNKNOWN
    status: str | None = None
    status_text: str | None = None
    lifecycle: str | None = None
    """The stage of the lifecycle the status means (`approved` → `accepted`), if known."""
    date: str | None = None
    date_order: str | None = None
    """How the record's own slashed dates are written when one of them shows it: `month-first`
    (`02/17/2023`) or `day-first` (`17/02/2023`). The folder reads its ambiguous dates so."""
    ambiguous_date: tuple[str, str, str] | None = None
    """A slashed date that reads both ways (`10/06/2023`): as written, read day first, read
    month first. The collection picks one by the other dates of the folder."""
    deciders: list[str] = field(default_factory=list)
    consulted: list[str] = field(default_factory=list)
    informed: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    c4: list[str] = field(default_factory=list)
    technical_story: str | None = None
    context: str | None = None
    drivers: list[str] = field(default_factory=list)
    options: list[Option] = field(default_factory=list)
    chosen: str | None = None
    justification: str | None = None
    consequences: Consequences = field(default_factory=Consequences)
    confirmation: str | None = None
    links: list[Link] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    sections: list[KeptSection] = field(default_factory=list)
    lines: dict[Line, int] = field(default_factory=dict)
    """Where each part of the record is, as 1-based line numbers of its file."""
    front_matter: dict[str, object] = field(default_factory=dict)
    found: dict[str, str] = field(default_factory=dict)
    """How each field was found: `front-matter`, `bullet`, `section`, `heading`, `table`,
    `changelog`, `file-name`, `prose`, `marked`, … (a stated key is certain; a file name or a
    sentence is read, not stated)."""
    diagnostics: list[Diagnostic] = field(default_factory=list)
    ignored: frozenset[str] = frozenset()
    """Diagnostic codes the record silences (`<!-- madr-ignore: missing-status -->`)."""
    is_record: bool = True
    resolved: dict[RelationKind, list[str]] = field(default_factory=dict)
    partly: list[tuple[RelationKind, str]] = field(default_factory=list)
    """The resolved relations that concern only part of a record (`in part supersedes`)."""
    metadata: list[MetadataEntry] = field(default_factory=list)
    """Keys the reader does not read itself, as the file states them (parsed)."""
    fields: dict[str, object] = field(default_factory=dict)
    """The team's declared fields (`fields:` setting) the record states, checked and typed."""
    extra: dict[str, object] = field(default_factory=dict)
    """Keys nobody declared, with their values as written."""
    review_by: str | None = None
    """When the decision is due for review (ISO date), from `review-by` and its spellings."""
    revisit_when: str | None = None
    """The condition under which to revisit the decision, in the author's words."""
    reviewed: str | None = None
    """When the decision was last reviewed (ISO date), as `adr review` records it."""
    history: list[StatusChange] = field(default_factory=list)
    """Commits that added the record or changed its status, oldest first (from Git)."""
    recorded: str | None = None
    """The ISO date of the first commit that added the record (from Git)."""
    changed: str | None = None
    """The ISO date of the last commit that changed the record (from Git)."""
    source: str | None = None
    """The name of the source (`sources:`) the record comes from; None for the site's own.
    A source's records have `category` starting with its name."""
    translation_of: str | None = None
    """The id of the record this file translates (`0001-x.es.md` beside `0001-x.md`, as
    mkdocs-static-i18n names translations); None for a record in its own right."""

    @property
    def key(self) -> str:
        """The collection-wide identity: `category/id`, or `id` at the top level; a source's
        record is `source:id` (`source:folder/id` in a folder of the source)."""
        if self.source is not None:
            inner = self.category[len(self.source) + 1 :]
            return f"{self.source}:{inner}/{self.id}" if inner else f"{self.source}:{self.id}"
        return f"{self.category}/{self.id}" if self.category else self.id

    @property
    def qualified_id(self) -> str:
        """The id as other sites and tools know it: `source:id` for a source's record."""
        return f"{self.source}:{self.id}" if self.source is not None else self.id

    @property
    def chosen_option(self) -> Option | None:
        return next((option for option in self.options if option.chosen), None)

    @property
    def chosen_options(self) -> list[Option]:
        return [option for option in self.options if option.chosen]

    def related(self, kind: RelationKind) -> list[str]:
        """Keys of the records related by `kind`, stated on either side."""
        return self.resolved.get(kind, [])
