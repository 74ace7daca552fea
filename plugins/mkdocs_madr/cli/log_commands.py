"""`adr index` (a Markdown decision log for READMEs) and `adr graph` (Mermaid or DOT)."""

from __future__ import annotations

import os
import posixpath
from pathlib import Path

from ..edits.decision_log import Row, splice, table
from ..edits.document import Document
from ..edits.layout import EditError
from ..edits.markdown_text import href
from .errors import CliError
from .files import create_file, folder_lock, replace_file
from .output import say
from .project import Project, open_project, read_collection
from .record_edits import load_document


def run_index(
    output: Path | None, directory: Path | None, config_file: Path | None, *, cache: bool = True
) -> None:
    project = open_project(directory, config_file, cache=cache)
    collection = read_collection(project)
    base = output.parent if output is not None else Path.cwd()
    rows = [
        Row(
            decision.key,
            decision.title or decision.slug,
            _link(project, decision.file, base),
            decision.status or "",
            decision.date or "",
        )
        for decision in collection.decisions
    ]
    lines = table(rows)
    if output is None:
        say("\n".join(lines))
        return
    with folder_lock(project.root):
        _write_index(output, lines)


def _link(project: Project, file: str, base: Path) -> str:
    target = os.path.abspath(project.root / file)
    try:
        relative = os.path.relpath(target, os.path.abspath(base))
    except ValueError:  # another drive on Windows
        relative = target
    return href(posixpath.join(*relative.split(os.sep)))


def _write_index(output: Path, lines: list[str]) -> None:
    if output.is_dir():
        raise CliError(f"{output}: is a folder; name a Markdown file such as README.md")
    if not output.exists():
        document = Document()
        splice(document, lines)
        if not create_file(output, document.to_bytes()):
            raise CliError(f"{output}: created by someone else meanwhile; run again")
        say(f"{output}: decision log written")
        return
    snapshot, document = load_document(output)
    try:
        splice(document, lines)
    except EditError as error:
        raise CliError(f"{output}:{error.line}: {error}; nothing changed") from None
    data = document.to_bytes()
    if data == snapshot.data:
        say(f"{output}: decision log already up to date")
        return
    replace_file(snapshot, data)
    say(f"{output}: decision log updated")


def run_graph(
    output: str, directory: Path | None, config_file: Path | None, *, cache: bool = True
) -> None:
    from ..site.render.graph import mermaid_graph, relation_edges
    from ..site.render.views import StatusStyle

    project = open_project(directory, config_file, cache=cache)
    collection = read_collection(project)
    edges = relation_edges(collection.decisions, collection)
    style = StatusStyle(project.settings.statuses)
    if output == "dot":
        from .dot import dot_graph

        say(dot_graph(collection.decisions, edges, style))
    else:
        say(mermaid_graph(collection.decisions, edges, style)[0])
