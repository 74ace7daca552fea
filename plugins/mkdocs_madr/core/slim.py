"""A record without its body, for code that needs only its metadata from then on.

Once a record's page fragments and JSON are rendered (or when only its metadata is read, as by
`adr lint`), its text is dead weight: thousands of records then take their metadata, not their
text, to the code that joins them.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from .model import Consequences, Decision, Line, Option

SLIM_LINES = (
    Line.TITLE,
    Line.STATUS,
    Line.STATUS_SECTION,
    Line.DATE,
    Line.DECIDERS,
    Line.CONSULTED,
    Line.INFORMED,
    Line.TAGS,
    Line.C4,
    Line.TECHNICAL_STORY,
    Line.OPTIONS_END,
    Line.PROS,
)
"""The line numbers a slim record keeps: those that diagnostics and edits point at (title,
status, C4 elements), those that place the header and comparison in its page, and those of the
facts the header shows, which the page leaves out (`site.record_page`)."""


@dataclass(eq=False, slots=True)
class SlimDecision(Decision):
    """A record whose body (arguments, consequences, context, justification, kept sections,
    and the line numbers nothing reads any more) was dropped. Of the options, the chosen one
    stays (or the first, to tell that there were options), without its arguments."""


def slim(decision: Decision) -> SlimDecision:
    """The record's metadata as a `SlimDecision`; `decision` itself is left as it was."""
    if isinstance(decision, SlimDecision):
        return decision
    values = {field.name: getattr(decision, field.name) for field in fields(Decision)}
    kept = decision.chosen_option or next(iter(decision.options), None)
    values.update(
        options=([Option(title=kept.title, line=kept.line, chosen=kept.chosen)] if kept else []),
        context=None,
        confirmation=None,
        justification=None,
        lines={key: decision.lines[key] for key in SLIM_LINES if key in decision.lines},
        drivers=[],
        links=[],
        sections=[],
        consequences=Consequences(),
        front_matter={},
    )
    return SlimDecision(**values)
