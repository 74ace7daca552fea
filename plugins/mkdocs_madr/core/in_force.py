"""Which decisions hold today.

A record is in force when its status means accepted (`accepted`, or a team's word for it such
as `approved` or `implemented`) and no record supersedes it entirely. A record that another
supersedes only in part (`in part superseded by ADR-0012`) stays in force; the records that
replaced a part of it are named by `replaced_in_part`.
"""

from __future__ import annotations

from collections.abc import Iterable

from .model import Decision, RelationKind

ACCEPTED = "accepted"
ENDED = frozenset({"superseded", "deprecated", "rejected"})
"""The stages of the lifecycle after which a record no longer holds."""
SUPERSEDED_BY = RelationKind.SUPERSEDED_BY


def in_force(decision: Decision) -> bool:
    """Whether the record holds today: accepted, and not superseded as a whole."""
    accepted = decision.status == ACCEPTED or decision.lifecycle == ACCEPTED
    return decision.is_record and accepted and not superseded_whole(decision)


def superseded_whole(decision: Decision) -> list[str]:
    """Keys of the records that supersede this one entirely."""
    partly = {key for kind, key in decision.partly if kind is SUPERSEDED_BY}
    return [key for key in decision.related(SUPERSEDED_BY) if key not in partly]


def replaced_in_part(decision: Decision) -> list[str]:
    """Keys of the records that supersede a part of this one, which stays in force."""
    return list(dict.fromkeys(key for kind, key in decision.partly if kind is SUPERSEDED_BY))


def ended(decision: Decision) -> bool:
    """Whether the record was replaced or dropped: superseded (as a whole), deprecated or
    rejected; a citation of it leans on a decision the team no longer holds."""
    stage = decision.lifecycle or decision.status
    return stage in ENDED or bool(superseded_whole(decision))


def decisions_in_force(decisions: Iterable[Decision]) -> list[Decision]:
    """The records in force, in the order given."""
    return [decision for decision in decisions if in_force(decision)]
