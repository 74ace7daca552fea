"""The glossary model: terms with their aliases, tooltip text and a stable anchor."""

from __future__ import annotations

import enum
import re
import unicodedata
from collections.abc import Container, Sequence
from dataclasses import dataclass, field

_NOT_ID_CHARACTERS = re.compile(r"[^\w]+")


class TermForm(str, enum.Enum):
    """The Markdown construct a term was written in; it decides which element gets the anchor."""

    DEFINITION_LIST = "definition-list"
    BULLET = "bullet"
    HEADING = "heading"
    TABLE = "table"
    DETAILS = "details"
    """An HTML `<details>` block whose summary is the term."""
    DIRECTIVE = "directive"
    """A Sphinx/MyST `glossary` directive, shown as code in MkDocs: its terms get no anchor."""


@dataclass
class Term:
    """One glossary entry.

    Attributes:
        name: The term as written, without its parenthesised aliases.
        aliases: Other spellings that mean the same term.
        definition: Plain text of the first definition paragraph (markup stripped, whitespace
            collapsed); used as the tooltip.
        anchor: HTML id of the entry on the glossary page, unique within the glossary.
        line: 1-based line of the entry in the glossary page.
        form: The construct the entry was written in.
    """

    name: str
    aliases: list[str] = field(default_factory=list)
    definition: str = ""
    anchor: str = ""
    line: int = 1
    form: TermForm = TermForm.DEFINITION_LIST

    @property
    def spellings(self) -> list[str]:
        """The name followed by every alias."""
        return [self.name, *self.aliases]


@dataclass
class Glossary:
    """The terms of one glossary page, in page order.

    The lookup index is built on construction; build a new `Glossary` rather than changing
    `terms` afterwards.

    Attributes:
        page: Path of the glossary page, as diagnostics name it.
        terms: The entries, in the order the page defines them.
    """

    page: str
    terms: Sequence[Term] = ()
    _index: dict[str, Term] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.terms = tuple(self.terms)
        self._index = {}
        for term in self.terms:
            for spelling in term.spellings:
                self._index.setdefault(term_key(spelling), term)

    def find(self, text: str) -> Term | None:
        """The term whose name or alias is `text`, ignoring case and runs of whitespace."""
        return self._index.get(term_key(text))

    def names(self) -> list[str]:
        """Every name and alias, in page order."""
        return [spelling for term in self.terms for spelling in term.spellings]

    def __len__(self) -> int:
        return len(self.terms)

    def __bool__(self) -> bool:
        return bool(self.terms)


def term_key(text: str) -> str:
    """The lookup form of a term: case-folded, whitespace runs collapsed to one space."""
    return " ".join(text.split()).casefold()


def make_anchor(name: str, taken: Container[str] = frozenset()) -> str:
    """A stable HTML id for `name`, such as `term-nats-jetstream`, not among `taken`.

    Accents are dropped so ids stay ASCII for Latin names; other scripts keep their letters.
    """
    decomposed = unicodedata.normalize("NFKD", name)
    without_marks = "".join(c for c in decomposed if not unicodedata.combining(c))
    slug = _NOT_ID_CHARACTERS.sub("-", without_marks.casefold()).strip("-_")
    base = f"term-{slug}" if slug else "term"
    anchor, counter = base, 1
    while anchor in taken:
        counter += 1
        anchor = f"{base}-{counter}"
    return anchor
