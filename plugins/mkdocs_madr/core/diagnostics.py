"""Diagnostics: what the reader found wrong, as data with stable codes.

Nothing in the core raises on bad content. Every problem becomes a `Diagnostic` naming the
file, the line, a stable `Code` and a message; the plugin logs them and the CLI prints them.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass


class Severity(str, enum.Enum):
    """How bad a diagnostic is. `adr lint` fails on errors (and on warnings with `--strict`)."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


class Code(str, enum.Enum):
    """Every diagnostic code, with its default severity and meaning (see `CODE_INFO`)."""

    UNREADABLE_FILE = "unreadable-file"
    NOT_UTF8 = "not-utf8"
    EMPTY_FILE = "empty-file"
    FILE_TOO_LARGE = "file-too-large"
    NOT_A_RECORD = "not-a-record"
    INVALID_FRONT_MATTER = "invalid-front-matter"
    FRONT_MATTER_TYPE = "front-matter-type"
    PLACEHOLDER = "placeholder"
    MISSING_TITLE = "missing-title"
    MISSING_STATUS = "missing-status"
    UNKNOWN_STATUS = "unknown-status"
    INVALID_DATE = "invalid-date"
    AMBIGUOUS_DATE = "ambiguous-date"
    UNKNOWN_CHOSEN_OPTION = "unknown-chosen-option"
    UNKNOWN_OPTION = "unknown-option"
    DUPLICATE_OPTION = "duplicate-option"
    DUPLICATE_ID = "duplicate-id"
    DUPLICATE_URL = "duplicate-url"
    UNRESOLVED_RELATION = "unresolved-relation"
    ONE_SIDED_SUPERSEDE = "one-sided-supersede"
    MISSING_SUCCESSOR = "missing-successor"
    SUPERSEDE_CYCLE = "supersede-cycle"
    SYMLINK_LOOP = "symlink-loop"
    SYMLINK_OUTSIDE = "symlink-outside"
    SYMLINK_IGNORED = "symlink-ignored"
    FOLDER_TOO_DEEP = "folder-too-deep"
    C4_SYNTAX = "c4-syntax"
    C4_UNSUPPORTED = "c4-unsupported"
    C4_DUPLICATE_RELATION = "c4-duplicate-relation"
    C4_UNKNOWN_ELEMENT = "c4-unknown-element"
    C4_DUPLICATE_ALIAS = "c4-duplicate-alias"
    GLOSSARY_DUPLICATE_TERM = "glossary-duplicate-term"
    GLOSSARY_UNKNOWN_TERM = "glossary-unknown-term"
    GLOSSARY_NEEDS_DEF_LIST = "glossary-needs-def-list"
    GLOSSARY_EMPTY = "glossary-empty"
    UNKNOWN_DIRECTIVE = "unknown-directive"
    STATUS_COLOUR = "status-colour"
    CITES_SUPERSEDED = "cites-superseded"
    FIELD_INVALID = "field-invalid"
    FIELD_MISSING = "field-missing"
    REVIEW_OVERDUE = "review-overdue"
    REVIEW_DUE_SOON = "review-due-soon"
    UNKNOWN_SOURCE = "unknown-source"
    SOURCE_UNREADABLE = "source-unreadable"
    SOURCE_OFFLINE = "source-offline"

    @property
    def default_severity(self) -> Severity:
        return CODE_INFO[self][0]

    @property
    def meaning(self) -> str:
        return CODE_INFO[self][1]


_E, _W, _I = Severity.ERROR, Severity.WARNING, Severity.INFO

CODE_INFO: dict[Code, tuple[Severity, str]] = {
    Code.UNREADABLE_FILE: (_E, "The file could not be read (permissions, a vanished file)."),
    Code.NOT_UTF8: (_E, "The file's bytes are not valid UTF-8; it is skipped."),
    Code.EMPTY_FILE: (_W, "The file is empty or holds only whitespace."),
    Code.FILE_TOO_LARGE: (
        _W,
        "The file is larger than the parser reads; only its metadata is read.",
    ),
    Code.NOT_A_RECORD: (
        _I,
        "A Markdown file in the decisions folder that is not a decision record.",
    ),
    Code.INVALID_FRONT_MATTER: (
        _W,
        "The YAML front matter does not parse; keys are salvaged line by line.",
    ),
    Code.FRONT_MATTER_TYPE: (
        _W,
        "A front-matter value has the wrong type (for example a mapping).",
    ),
    Code.PLACEHOLDER: (_I, "A value is an unfilled template placeholder such as {…} or […]."),
    Code.MISSING_TITLE: (_W, "The record has neither an H1 heading nor a `title` in front matter."),
    Code.MISSING_STATUS: (_W, "The record states no status; it is shown as unknown."),
    Code.UNKNOWN_STATUS: (
        _W,
        "The status is not in the configured vocabulary and looks like a misspelling of a word "
        "that is; any other word is info.",
    ),
    Code.INVALID_DATE: (_W, "The date cannot be read as a calendar date."),
    Code.AMBIGUOUS_DATE: (_I, "A slashed date such as 03/04/2024 was read day-first."),
    Code.UNKNOWN_CHOSEN_OPTION: (
        _W,
        "The chosen option matches none of the considered options (info when it may name one "
        "in other words, when it is written in Latin letters over options in another script, "
        "as a translated record keeps it, or when the record has several sets of "
        "`… Considered Options`).",
    ),
    Code.UNKNOWN_OPTION: (
        _I,
        "A heading under Pros and Cons names none of the considered options (often a note, or "
        "two options argued together).",
    ),
    Code.DUPLICATE_OPTION: (_W, "Two considered options have the same title."),
    Code.DUPLICATE_ID: (_E, "Two records in one category have the same id."),
    Code.DUPLICATE_URL: (_E, "Two records, or a record and a page, would have the same URL."),
    Code.UNRESOLVED_RELATION: (
        _W,
        "A relation names a record that does not exist (info when two records share the number"
        " it names: `duplicate-id` is the error).",
    ),
    Code.ONE_SIDED_SUPERSEDE: (
        _W,
        "Only one of the two records states a supersede relation (not when the supersede is "
        "partial, nor when the older record names its successor beside a status word of its "
        "own such as `Anulado`).",
    ),
    Code.MISSING_SUCCESSOR: (
        _W,
        "The status is superseded but no successor is named (a successor that is named but not "
        "found is `unresolved-relation`).",
    ),
    Code.SUPERSEDE_CYCLE: (_W, "Records supersede each other in a cycle."),
    Code.SYMLINK_LOOP: (
        _W,
        "A symbolic link leads into a loop of links, or to a folder already read; it is not "
        "followed.",
    ),
    Code.SYMLINK_OUTSIDE: (
        _W,
        "A symbolic link leads outside the project; it is not followed (`follow_symlinks`).",
    ),
    Code.SYMLINK_IGNORED: (_I, "A symbolic link is not followed (`follow_symlinks: never`)."),
    Code.FOLDER_TOO_DEEP: (
        _W,
        "A folder lies more than 16 levels below the decisions folder; it is not read.",
    ),
    Code.C4_SYNTAX: (
        _W,
        "Mermaid cannot read a statement of a C4 diagram (so it draws nothing), or reads it "
        "otherwise than it is written.",
    ),
    Code.C4_UNSUPPORTED: (
        _W,
        "A C4 diagram uses a statement Mermaid does not support, such as a C4-PlantUML macro; "
        "Mermaid draws nothing for it.",
    ),
    Code.C4_DUPLICATE_RELATION: (
        _W,
        "A C4 diagram repeats an arrow between the same two elements; Mermaid draws only the last.",
    ),
    Code.C4_UNKNOWN_ELEMENT: (_W, "A decision names a C4 element that no diagram defines."),
    Code.C4_DUPLICATE_ALIAS: (_W, "One alias is defined with different meanings in two diagrams."),
    Code.GLOSSARY_DUPLICATE_TERM: (_W, "A term (or alias) is defined twice in the glossary."),
    Code.GLOSSARY_UNKNOWN_TERM: (
        _W,
        "An explicit `[[Term]]` reference names no glossary entry (without a glossary page, "
        "`[[…]]` is no reference and is left as written).",
    ),
    Code.GLOSSARY_NEEDS_DEF_LIST: (
        _W,
        "The glossary is written as definition lists but the `def_list` Markdown extension is "
        "off, so its terms get no anchors.",
    ),
    Code.GLOSSARY_EMPTY: (
        _W,
        "The glossary page yields no term: none of its entries is in a form the reader knows.",
    ),
    Code.UNKNOWN_DIRECTIVE: (_W, "A <!-- madr:… --> directive is unknown or has bad arguments."),
    Code.STATUS_COLOUR: (
        _W,
        "A status colour in `statuses` is not a hex, rgb() or hsl() colour, so the contrast of "
        "its badge's text cannot be checked (a value that is no colour at all is shown grey).",
    ),
    Code.CITES_SUPERSEDED: (
        _W,
        "A file of the repository (code, configuration, docs) cites a record that is "
        "superseded, deprecated or rejected; the message names the successor "
        "(`madr-ignore: cites-superseded` on the line keeps one from being reported).",
    ),
    Code.FIELD_INVALID: (
        _W,
        "A value of a field declared in `fields` does not fit its type (a date that is no "
        "date, a word outside an enum's values, …).",
    ),
    Code.FIELD_MISSING: (
        _W,
        "A field declared in `fields` as required for the record's status is absent or empty.",
    ),
    Code.REVIEW_OVERDUE: (
        _W,
        "The record's `review-by` date has passed (as of today, or `adr lint --as-of DATE`).",
    ),
    Code.REVIEW_DUE_SOON: (
        _I,
        "The record's `review-by` date falls within the next 30 days (`review_due_days`).",
    ),
    Code.UNKNOWN_SOURCE: (
        _W,
        "A relation names a record of a source (`name:id`) that is not among `sources`.",
    ),
    Code.SOURCE_UNREADABLE: (
        _W,
        "A source in `sources` cannot be read (a missing folder, an unreachable URL, bad JSON, a "
        "newer format version); the site is built without its records.",
    ),
    Code.SOURCE_OFFLINE: (
        _W,
        "A source's `decisions.json` could not be fetched; its last good copy, cached by an "
        "earlier build, is used instead.",
    ),
}


@dataclass(frozen=True)
class Diagnostic:
    """One problem found in one place.

    Attributes:
        code: The stable code; users silence or promote diagnostics by it.
        severity: Error, warning or info.
        file: The path as the user knows it (relative to the decisions folder or docs).
        line: 1-based line, or None when the problem concerns the whole file.
        message: One sentence a person can act on.
    """

    code: Code
    severity: Severity
    file: str
    line: int | None
    message: str

    def format(self) -> str:
        """`path:line: code: message`, the form editors and CI annotate."""
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        return f"{where}: {self.code.value}: {self.message}"

    def to_dict(self) -> dict[str, object]:
        return {
            "code": self.code.value,
            "severity": self.severity.value,
            "file": self.file,
            "line": self.line,
            "message": self.message,
        }


def diagnostic(code: Code, file: str, line: int | None, message: str) -> Diagnostic:
    """Build a diagnostic at the code's default severity."""
    return Diagnostic(code, code.default_severity, file, line, message)
