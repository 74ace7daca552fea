"""`adr context TARGET`: the decisions that govern a file or folder, a topic or an
architecture element, in force first, as Markdown for a prompt or a review, or as JSON."""

from __future__ import annotations

import json
import os
from pathlib import Path, PurePosixPath

from ..core.citations.files import repository_files
from ..core.citations.scan import citation_scope, scan_repository
from ..core.collection import Collection
from ..core.context import (
    Governing,
    as_markdown,
    element_names,
    for_element,
    for_path,
    for_topic,
    governs,
    paths_of,
    to_data,
)
from .output import json_out, say
from .project import Project, open_project, read_collection


def run_context(target: str, directory: Path | None, config_file: Path | None, output: str) -> None:
    project = open_project(directory, config_file)
    collection = read_collection(project)
    title, found = governing(project, collection, target)
    if output == "json":
        data = {"decisions": [to_data(entry, collection) for entry in found]}
        json_out().write(json.dumps(data, ensure_ascii=False, indent=1) + "\n")
        return
    base = project.settings.base

    def record_path(file: str) -> str:
        return Path(os.path.relpath(project.root / file, base)).as_posix()

    say(as_markdown(title, found, collection, record_path).rstrip("\n"))


def governing(project: Project, collection: Collection, target: str) -> tuple[str, list[Governing]]:
    """What `target` is (a path, an element or a topic), and the records that govern it."""
    path = _as_path(project, collection, target)
    if path is not None:
        relative, folder = path
        return f"Decisions for `{relative}`", decisions_for_path(
            project, collection, relative, folder=folder
        )
    if target.strip().lower() in element_names(collection):
        return f"Decisions for the element `{target.strip()}`", for_element(collection, target)
    return f"Decisions about {target.strip()}", for_topic(collection, target)


def decisions_for_path(
    project: Project, collection: Collection, relative: str, *, folder: bool = False
) -> list[Governing]:
    """The records that govern `relative` (POSIX, from the folder of mkdocs.yml): by their
    `paths:`, the elements' `c4_paths`, and the citations in the file or the folder's files."""
    settings = project.settings
    scope = citation_scope(settings, decisions=project.root)
    where = scope.root / relative
    if where.is_dir():
        inside = repository_files(where, skip=scope.skip)
        files = [str(PurePosixPath(relative) / name) for name in inside]
    else:
        files = [relative] if where.is_file() else []
    citations = scan_repository(scope, collection, files).citations
    return for_path(
        collection,
        relative,
        folder=folder or where.is_dir(),
        citations=citations,
        element_paths=settings.c4_paths,
    )


def _as_path(project: Project, collection: Collection, target: str) -> tuple[str, bool] | None:
    """`target` as a path relative to the folder of mkdocs.yml, and whether it is a folder,
    when it names one: an existing file or folder, or something written as a path that a
    record's `paths:` or an element's patterns cover."""
    base = project.settings.base
    candidate = Path(target)
    if candidate.exists():
        relative = Path(os.path.relpath(candidate.resolve(), base.resolve())).as_posix()
        if not relative.startswith("../"):
            return relative.removeprefix("./") or ".", candidate.is_dir()
    written = target.strip().replace("\\", "/")
    if "/" not in written and "." not in written:
        return None
    folder = written.endswith("/")
    relative = written.strip("/")
    patterns = [p for d in collection.decisions for p in paths_of(d)]
    patterns += [p for listed in project.settings.c4_paths.values() for p in listed]
    if "/" in written or governs(patterns, relative, folder=folder) is not None:
        return relative, folder
    return None
