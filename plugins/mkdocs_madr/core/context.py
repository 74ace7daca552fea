"""Which decisions govern a file or folder, a topic or an architecture element, in force first,
as compact Markdown ready to paste into a prompt or a review, or as data.

A record governs a path when one of its `paths:` patterns (front matter, `.gitignore`-style:
`llm-workflows/src/retrieval/`, `**/*.sops.yaml`) matches it, when a file there cites it, or when
it names an architecture element whose `paths` (the `c4_paths` option) match it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from pathspec import GitIgnoreSpec

from .citations.finder import Citation
from .collection import Collection
from .in_force import in_force, replaced_in_part, superseded_whole
from .model import Decision

_WORD = re.compile(r"[\w][\w.+#-]*")
_GLOB = re.compile(r"[*?\[]")


@dataclass
class Governing:
    """A record that governs the target, and why."""

    decision: Decision
    reasons: list[str] = field(default_factory=list)
    score: int = 0


def paths_of(decision: Decision) -> list[str]:
    """The record's `paths:` patterns (a list, or one pattern as text)."""
    value = decision.front_matter.get("paths")
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        return []
    return [str(item).strip() for item in value if isinstance(item, str) and item.strip()]


def governs(patterns: Sequence[str], path: str, *, folder: bool = False) -> str | None:
    """The first pattern that matches `path` (POSIX, relative to the repository), or, for a
    folder, that names it or something inside it; None when none does."""
    for pattern in patterns:
        spec = GitIgnoreSpec.from_lines([pattern])
        if spec.match_file(path) or (folder and spec.match_file(path.rstrip("/") + "/")):
            return pattern
        if folder and _inside(pattern, path):
            return pattern
    return None


def _inside(pattern: str, folder: str) -> bool:
    """Whether a pattern names something inside `folder`: its fixed start lies under it."""
    fixed = _GLOB.split(pattern.lstrip("/"), 1)[0]
    prefix = folder.strip("/") + "/"
    return bool(folder.strip("/")) and fixed.startswith(prefix)


def for_path(
    collection: Collection,
    path: str,
    *,
    folder: bool = False,
    citations: Iterable[Citation] = (),
    element_paths: Mapping[str, Sequence[str]] | None = None,
) -> list[Governing]:
    """The records that govern `path` (a file, or with `folder` everything under it)."""
    found: dict[str, Governing] = {}

    def add(decision: Decision, reason: str, score: int) -> None:
        entry = found.setdefault(decision.key, Governing(decision))
        if reason not in entry.reasons:
            entry.reasons.append(reason)
        entry.score += score

    for decision in collection.decisions:
        pattern = governs(paths_of(decision), path, folder=folder)
        if pattern is not None:
            add(decision, f"paths: {pattern}", 3)
    for alias, patterns in (element_paths or {}).items():
        pattern = governs(patterns, path, folder=folder)
        if pattern is None:
            continue
        for decision in collection.decisions:
            if alias in decision.c4:
                add(decision, f"element {alias} ({pattern})", 2)
    for citation in citations:
        cited = collection.by_key.get(citation.key)
        if cited is not None:
            add(cited, f"cited at {citation.path}:{citation.line}", 1)
    return ordered(found.values())


def for_element(collection: Collection, alias: str) -> list[Governing]:
    """The records that name the architecture element `alias` (any case)."""
    wanted = alias.lower()
    return ordered(
        Governing(decision, [f"element {name}"], 1)
        for decision in collection.decisions
        for name in decision.c4
        if name.lower() == wanted
    )


def element_names(collection: Collection) -> set[str]:
    """Every architecture element a record names, lower-cased."""
    return {alias.lower() for decision in collection.decisions for alias in decision.c4}


def for_topic(collection: Collection, topic: str) -> list[Governing]:
    """The records whose title, tags, options, chosen option, drivers or elements hold every
    word of `topic`; words in the title count most."""
    words = [word.lower() for word in _WORD.findall(topic)]
    if not words:
        return []
    found = []
    for decision in collection.decisions:
        title = _words(decision.title or decision.slug)
        tags = _words(" ".join(decision.tags))
        rest = _words(
            " ".join(
                [
                    *(option.title for option in decision.options),
                    decision.chosen or "",
                    *decision.drivers,
                    *decision.c4,
                    decision.category,
                ]
            )
        )
        if not all(word in title or word in tags or word in rest for word in words):
            continue
        score = sum(3 * (w in title) + 2 * (w in tags) + (w in rest) for w in words)
        where = [
            name
            for name, bag in (("title", title), ("tags", tags), ("options", rest))
            if any(word in bag for word in words)
        ]
        found.append(Governing(decision, [f"topic in {', '.join(where)}"], score))
    return ordered(found)


def _words(text: str) -> set[str]:
    found = {word.lower() for word in _WORD.findall(text)}
    return found | {part for word in found for part in re.split(r"[-_./]", word) if part}


def ordered(found: Iterable[Governing]) -> list[Governing]:
    """In force first, then the strongest reasons, then the log's order."""
    entries = list(found)
    position = {id(entry): index for index, entry in enumerate(entries)}
    return sorted(
        entries,
        key=lambda e: (not in_force(e.decision), -e.score, _number(e.decision), position[id(e)]),
    )


def _number(decision: Decision) -> tuple[str, int]:
    return decision.category, decision.number if decision.number is not None else 1 << 62


# --- output ------------------------------------------------------------------------------------


def name_of(decision: Decision) -> str:
    """`ADR-0005` (`platform/ADR-0001` in a category), or the record's key without a number."""
    number = f"ADR-{decision.id}" if decision.number is not None else decision.key
    return f"{decision.category}/{number}" if decision.category and decision.number else number


def to_data(entry: Governing, collection: Collection) -> dict[str, Any]:
    """One governing record as JSON-ready data."""
    decision = entry.decision

    def named(keys: Iterable[str]) -> list[str]:
        return [name_of(collection.by_key[key]) for key in keys if key in collection.by_key]

    return {
        "id": decision.id,
        "key": decision.key,
        "name": name_of(decision),
        "title": decision.title,
        "status": decision.status,
        "in_force": in_force(decision),
        "date": decision.date,
        "chosen": decision.chosen,
        "justification": decision.justification,
        "rules_out": [o.title for o in decision.options if not o.chosen]
        if decision.chosen_options
        else [],
        "superseded_by": named(superseded_whole(decision)),
        "partly_superseded_by": named(replaced_in_part(decision)),
        "tags": decision.tags,
        "c4": decision.c4,
        "paths": paths_of(decision),
        "file": decision.file,
        "why": entry.reasons,
    }


def as_markdown(
    title: str,
    entries: Sequence[Governing],
    collection: Collection,
    record_path: Callable[[str], str] = str,
) -> str:
    """The governing records as compact Markdown: what holds, what it rules out, and why it
    applies; records no longer in force are listed last, with what replaced them."""
    lines = [f"# {title}", ""]
    if not entries:
        return "\n".join([*lines, "No decision record governs this."]) + "\n"
    for entry in entries:
        data = to_data(entry, collection)
        state = "in force" if data["in_force"] else "not in force"
        lines.append(f"## {data['name']}: {_one_line(data['title'] or data['key'])} ({state})")
        lines.append("")
        status = data["status"] or "no status"
        lines.append(f"- Status: {status}" + (f", {data['date']}" if data["date"] else ""))
        if data["superseded_by"]:
            lines.append(f"- Superseded by: {', '.join(data['superseded_by'])}")
        if data["partly_superseded_by"]:
            lines.append(f"- Partly superseded by: {', '.join(data['partly_superseded_by'])}")
        if data["chosen"]:
            why = data["justification"]
            because = f", because {_one_line(why)}" if why else ""
            lines.append(f"- Chosen: {_one_line(data['chosen'])}{because}")
        if data["rules_out"]:
            lines.append(f"- Rules out: {'; '.join(_one_line(o) for o in data['rules_out'])}")
        lines.append(f"- Applies because: {'; '.join(data['why'])}")
        lines.append(f"- Record: {record_path(data['file'])}")
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def _one_line(text: str) -> str:
    return " ".join(str(text).split())
