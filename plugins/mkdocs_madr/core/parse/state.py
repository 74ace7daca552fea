"""The state one parse of a record shares between the steps that read it: the `Decision`
being filled in, the file's text and lines, its outline, and the fields found so far.

`record._Reader` is this state with the steps that drive the parse; the readers of metadata
(`metadata`), relations (`relations`) and options (`choice`) are functions of it.
"""

from __future__ import annotations

from ..diagnostics import Code, diagnostic
from ..identity import FileIdentity
from ..model import Decision
from .fields import Field
from .outline import Part
from .vocabulary import Vocabulary


class ReadState:
    """One parse: the state shared by the steps that fill in a `Decision`."""

    def __init__(
        self, decision: Decision, text: str, identity: FileIdentity, vocabulary: Vocabulary
    ) -> None:
        self.decision = decision
        self.identity = identity
        self.vocabulary = vocabulary
        self.problems = decision.diagnostics
        if "\r" in text:
            text = text.replace("\r\n", "\n").replace("\r", "\n")
        self.text = text
        self.lines: list[str] = []
        self.parts: dict[str, Part] = {}
        """The sections found, by the name the vocabulary gives them (`options`, `outcome` …)."""
        self.fields: dict[str, Field] = {}
        self.relation_fields: list[Field] = []
        self.field_lines: set[int] = set()
        """Lines that hold metadata: their relations are read as fields, not as prose."""
        self.title_part: Part | None = None
        self.banner: Part | None = None
        """A heading over the title that says the record was superseded."""
        self.root = Part("", 0, 1, 1)

    def report(self, code: Code, line: int | None, message: str) -> None:
        self.problems.append(diagnostic(code, self.decision.file, line, message))
