"""Scanning a repository for citations of records, and reporting those that lean on a record
the team replaced or dropped (`cites-superseded`)."""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..collection import Collection
from ..diagnostics import Code, Diagnostic, diagnostic
from ..in_force import ended, superseded_whole
from ..model import Decision
from .files import repository_files
from .finder import MAX_BYTES, Citation, RecordIndex, find_citations

if TYPE_CHECKING:
    from ..settings import Settings


@dataclass(frozen=True)
class CitationScope:
    """What to scan: `root` and the `.gitignore`-style `include` and `exclude` patterns
    relative to it; `skip` are folders never read (the decisions folder, the built site)."""

    root: Path
    include: Sequence[str] = ()
    exclude: Sequence[str] = ()
    skip: Sequence[Path] = ()


@dataclass
class CitationScan:
    """What a scan found: citations in file and line order, and the problems with them."""

    citations: list[Citation] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def by_record(self) -> dict[str, list[Citation]]:
        """Record key → the places that cite it."""
        found: dict[str, list[Citation]] = {}
        for citation in self.citations:
            found.setdefault(citation.key, []).append(citation)
        return found


def citation_scope(
    settings: Settings, site_dir: Path | None = None, decisions: Path | None = None
) -> CitationScope:
    """Where the project's citations are looked for: the folder of mkdocs.yml, without the
    decisions folders (the configured one, the one read if another, and the sources' folders:
    records cite each other, and their index pages and templates cite them all) and the built
    site."""
    options = settings.citations
    sources = [settings.base / source.path for source in settings.sources if source.path]
    skip = [settings.decisions_dir, *sources]
    if decisions is not None:
        skip.append(decisions)
    built = site_dir if site_dir is not None else settings.site_dir
    if built is not None:
        skip.append(built)
    return CitationScope(settings.base, options.include, options.exclude, tuple(skip))


def scan_repository(
    scope: CitationScope, collection: Collection, paths: Iterable[str] | None = None
) -> CitationScan:
    """Citations in the files of `scope` (or in `paths`, relative to its root), checked
    against the records of `collection`."""
    root = scope.root
    listed = (
        list(paths)
        if paths is not None
        else repository_files(root, include=scope.include, exclude=scope.exclude, skip=scope.skip)
    )
    index = RecordIndex(collection.decisions)
    citations: list[Citation] = []
    base = str(root)
    for path in listed:
        data = _read(os.path.join(base, path))
        if data is not None:
            citations += find_citations(data, path, index)
    return CitationScan(citations, superseded_citations(citations, collection))


def _read(path: str) -> bytes | None:
    try:
        with open(path, "rb") as handle:
            if os.fstat(handle.fileno()).st_size > MAX_BYTES:
                return None
            return handle.read()
    except OSError:  # a folder (a submodule), a file deleted since Git listed it, no access
        return None


def superseded_citations(citations: Iterable[Citation], collection: Collection) -> list[Diagnostic]:
    """`cites-superseded` for each citation of a record superseded as a whole, deprecated or
    rejected, naming what replaced it where a record says so."""
    found = []
    for citation in citations:
        decision = collection.by_key.get(citation.key)
        if decision is None or citation.silenced or not ended(decision):
            continue
        message = f"cites {_name(decision)}, {_why(decision, collection)}"
        found.append(diagnostic(Code.CITES_SUPERSEDED, citation.path, citation.line, message))
    return found


def _name(decision: Decision) -> str:
    number = f"ADR-{decision.id}" if decision.number is not None else decision.key
    name = f"{decision.category}/{number}" if decision.category else number
    return f"{name} ({decision.title})" if decision.title else name


def _why(decision: Decision, collection: Collection) -> str:
    successors = [collection.by_key[key] for key in superseded_whole(decision)]
    if successors:
        named = ", ".join(_name(successor) for successor in successors)
        return f"which is superseded by {named}"
    stage = decision.lifecycle or decision.status or ""
    if stage == "superseded":
        return "which is superseded (no record says by which)"
    return "which was rejected" if stage == "rejected" else f"which is {stage}"
