"""`adr mcp`: a Model Context Protocol server over stdio, on the official `mcp` SDK (the
optional extra `mkdocs-madr[mcp]`), so that coding agents read the team's decisions before they
change code.

Every tool reads the folder afresh (records change while an agent works), through the same code
as the commands: `adr list`, `adr show`, `adr context`, `adr lint`, and, when started with
`--allow-write`, `adr new` (a proposed record, never overwriting a file). Nothing here may write
to standard output: it carries the protocol.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, ParamSpec, TypeVar
from urllib.parse import quote

from ..core.collection import Collection
from ..core.context import for_topic, to_data
from ..core.export import decision_to_dict
from ..core.in_force import decisions_in_force, in_force
from ..core.model import Decision
from .context_command import decisions_for_path as governing_path
from .errors import CliError, NotFound
from .project import Project, check_folder, open_project, read_collection
from .read_commands import lint_diagnostics

if TYPE_CHECKING:
    from mcp.server.mcpserver import MCPServer

INSTRUCTIONS = (
    "The architecture decision records of this repository. Before changing code, call "
    "decisions_for_path for the files you will touch, and follow the decisions in force; a "
    "record that is not in force (superseded, deprecated, rejected, proposed) does not bind. "
    "To propose a change of direction, write a new record (create_decision) instead of "
    "editing an accepted one."
)
RESOURCE_SCHEME = "adr://decisions/"
_P = ParamSpec("_P")
_T = TypeVar("_T")


def run_mcp(directory: Path | None, config_file: Path | None, allow_write: bool) -> None:
    try:
        from mcp.server.mcpserver import MCPServer  # noqa: F401
    except ImportError:
        raise CliError("adr mcp needs the MCP SDK: pip install 'mkdocs-madr[mcp]'") from None
    project = open_project(directory, config_file)
    check_folder(project.root)
    build_server(project, allow_write=allow_write).run("stdio")


class Decisions:
    """What the tools answer, from the project's folder as it is now."""

    def __init__(self, project: Project) -> None:
        self.project = project

    def collection(self) -> Collection:
        return read_collection(self.project)

    def summary(self, decision: Decision) -> dict[str, Any]:
        return {
            "id": decision.id,
            "key": decision.key,
            "title": decision.title,
            "status": decision.status,
            "in_force": in_force(decision),
            "date": decision.date,
            "tags": decision.tags,
            "c4": decision.c4,
            "chosen": decision.chosen,
            "file": decision.file,
            "uri": RESOURCE_SCHEME + quote(decision.key, safe=""),
        }

    def listed(
        self,
        status: str | None = None,
        tag: str | None = None,
        element: str | None = None,
        category: str | None = None,
        only_in_force: bool = False,
    ) -> list[dict[str, Any]]:
        found = []
        for decision in self.collection().decisions:
            if status and (decision.status or "").lower() != status.lower():
                continue
            if tag and tag.lower() not in {t.lower() for t in decision.tags}:
                continue
            if element and element.lower() not in {a.lower() for a in decision.c4}:
                continue
            if category is not None and decision.category != category:
                continue
            if only_in_force and not in_force(decision):
                continue
            found.append(self.summary(decision))
        return found

    def get(self, reference: str) -> dict[str, Any]:
        collection = self.collection()
        decision = collection.find(reference)
        if decision is None:
            raise NotFound(f"no record '{reference}'")
        return {**decision_to_dict(decision, collection), "markdown": self.source(decision)}

    def source(self, decision: Decision) -> str:
        data = (self.project.root / decision.file).read_bytes()
        return data.decode("utf-8-sig", errors="replace")

    def search(self, query: str) -> list[dict[str, Any]]:
        collection = self.collection()
        return [to_data(entry, collection) for entry in for_topic(collection, query)]

    def for_path(self, path: str) -> list[dict[str, Any]]:
        collection = self.collection()
        relative = path.strip().replace("\\", "/")
        while relative.startswith("./"):
            relative = relative[2:]
        folder = relative.endswith("/")
        relative = relative.strip("/") or "."
        base = self.project.settings.base.resolve()
        if relative.startswith("/") or not (base / relative).resolve().is_relative_to(base):
            raise CliError(f"{path}: outside the project (paths are relative to {base})")
        found = governing_path(self.project, collection, relative, folder=folder)
        return [to_data(entry, collection) for entry in found]

    def holding(self) -> list[dict[str, Any]]:
        return [self.summary(d) for d in decisions_in_force(self.collection().decisions)]

    def lint(self) -> list[dict[str, Any]]:
        project = self.project
        found = lint_diagnostics(project, read_collection(project))
        return [{**d.to_dict(), "file": project.display(d.file)} for d in found]

    def create(
        self, title: str, tags: list[str], elements: list[str], deciders: list[str]
    ) -> dict[str, Any]:
        from .new_command import NewRecord, create_record

        request = NewRecord(
            title,
            status="proposed",
            tags=tuple(tags),
            c4=tuple(elements),
            deciders=tuple(deciders),
        )
        path = create_record(self.project, request)
        relative = path.relative_to(self.project.root).as_posix()
        created = self.collection().by_file.get(relative)
        return {
            "file": self.project.display(relative),
            "key": created.key if created is not None else None,
            "status": "proposed",
        }


def build_server(project: Project, *, allow_write: bool = False) -> MCPServer:
    """The server with its tools, and each record as a resource."""
    from mcp.server.mcpserver import MCPServer
    from mcp.server.mcpserver.resources import FunctionResource
    from mcp.types import ToolAnnotations

    decisions = Decisions(project)
    server: MCPServer = MCPServer("adr", instructions=INSTRUCTIONS)
    reading = ToolAnnotations(read_only_hint=True, open_world_hint=False)

    @server.tool(annotations=reading)
    def list_decisions(
        status: str | None = None,
        tag: str | None = None,
        element: str | None = None,
        category: str | None = None,
        in_force: bool = False,
    ) -> list[dict[str, Any]]:
        """List decision records, optionally only those with a status, tag, architecture
        element or category, or only those in force (accepted, not superseded entirely)."""
        return _answer(decisions.listed, status, tag, element, category, in_force)

    @server.tool(annotations=reading)
    def get_decision(id: str) -> dict[str, Any]:
        """One record by id as people write it (7, 0007, ADR-0007, platform/0001): every
        field, its relations both ways, whether it is in force, and its Markdown."""
        return _answer(decisions.get, id)

    @server.tool(annotations=reading)
    def search_decisions(query: str) -> list[dict[str, Any]]:
        """Records whose title, tags, options, chosen option, drivers or architecture elements
        hold every word of the query, in force first."""
        return _answer(decisions.search, query)

    @server.tool(annotations=reading)
    def decisions_for_path(path: str) -> list[dict[str, Any]]:
        """The records that govern a file or folder of the repository (relative to the folder
        of mkdocs.yml; end a folder with /), in force first, with why each applies: its
        paths patterns, its architecture element's paths, or a citation in the files."""
        return _answer(decisions.for_path, path)

    @server.tool(annotations=reading)
    def decisions_in_force() -> list[dict[str, Any]]:
        """Every record in force: accepted, and not superseded entirely."""
        return _answer(decisions.holding)

    @server.tool(annotations=reading)
    def lint() -> list[dict[str, Any]]:
        """What adr lint reports: problems in the records, the docs and citations of
        superseded records, each with file, line, code, severity and message."""
        return _answer(decisions.lint)

    if allow_write:

        @server.tool(annotations=ToolAnnotations(read_only_hint=False, destructive_hint=False))
        def create_decision(
            title: str,
            tags: list[str] | None = None,
            elements: list[str] | None = None,
            deciders: list[str] | None = None,
        ) -> dict[str, Any]:
            """Create the next record, status proposed, from the project's template, as
            adr new does (it never overwrites a file); returns its file and id."""
            return _answer(decisions.create, title, tags or [], elements or [], deciders or [])

    for decision in decisions.collection().decisions:
        server.add_resource(_resource(FunctionResource, decisions, decision))
    return server


def _answer(method: Callable[_P, _T], *args: _P.args, **kwargs: _P.kwargs) -> _T:
    """The method's answer; a failure (no such record, a title `adr new` refuses) becomes the
    tool error the agent reads, instead of an internal error."""
    from mcp.server.mcpserver.exceptions import ToolError

    try:
        return method(*args, **kwargs)
    except CliError as error:
        raise ToolError(error.format_message()) from None


def _resource(kind: Any, decisions: Decisions, decision: Decision) -> Any:
    key = decision.key

    def read() -> str:
        found = decisions.collection().by_key.get(key)
        if found is None:
            raise NotFound(f"record {key} is gone")
        return decisions.source(found)

    title = f"{key}: {decision.title}" if decision.title else key
    return kind(
        uri=RESOURCE_SCHEME + quote(key, safe=""),
        name=key,
        title=title,
        description=f"{decision.status or 'no status'}; the record as written",
        mime_type="text/markdown",
        fn=read,
    )
