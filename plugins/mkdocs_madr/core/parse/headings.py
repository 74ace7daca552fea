"""The sections of a decision record, by the names authors give them.

Headings are matched after `text.heading_key` (lower case, no numbering, comments or emoji),
at any level, so `## Considered Alternatives`, `### Considered options <!-- optional -->` and
`# 3. Options` all find the options.
"""

from __future__ import annotations

from .body import CONSEQUENCE_SECTIONS
from .fields import METADATA_SECTIONS

SECTION_NAMES: dict[str, str] = {
    "context and problem statement": "context",
    "context & problem statement": "context",
    "context and problem": "context",
    "context": "context",
    "problem statement": "context",
    "problem": "context",
    "background": "context",
    "context and motivation": "context",
    "motivation": "context",
    "decision drivers": "drivers",
    "drivers": "drivers",
    "decision criteria": "drivers",
    "decision factors": "drivers",
    "forces": "drivers",
    "considered options": "options",
    "considered alternatives": "options",
    "options considered": "options",
    "alternatives considered": "options",
    "options": "options",
    "alternatives": "options",
    "considered solutions": "options",
    "decision outcome": "outcome",
    "decision": "outcome",
    "outcome": "outcome",
    "the decision": "outcome",
    "validation": "confirmation",
    "confirmation": "confirmation",
    "pros and cons of the options": "pros",
    "pros and cons of the alternatives": "pros",
    "pros and cons of options": "pros",
    "pros and cons": "pros",
    "pros and cons of the considered options": "pros",
    "links": "links",
    "references": "links",
    "related decisions": "links",
    "related adrs": "links",
    "see also": "links",
    "more information": "more",
    "additional information": "more",
}
SECTION_NAMES.update(dict.fromkeys(CONSEQUENCE_SECTIONS, "consequences"))
SECTION_NAMES.update(dict.fromkeys(METADATA_SECTIONS, "metadata"))
