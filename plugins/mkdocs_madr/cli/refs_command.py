"""`adr refs`: where the repository cites records, and citations of records the team replaced."""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from ..core.citations.files import repository_files
from ..core.citations.scan import CitationScan, citation_scope, scan_repository
from ..core.collection import Collection
from ..core.diagnostics import Diagnostic, Severity
from ..core.export import metadata_only
from .errors import CliError
from .output import json_out, say
from .project import Project, effective, open_project, read_collection, shown


def run_refs(
    paths: Sequence[Path],
    directory: Path | None,
    config_file: Path | None,
    output: str,
    strict: bool,
) -> int:
    project = open_project(directory, config_file)
    collection = read_collection(project, after_parse=metadata_only)
    scan, root = _scan(project, collection, paths)
    found = effective(scan.diagnostics, project.settings)
    if output == "json":
        data = {
            "citations": [
                {"path": shown(root / c.path), "line": c.line, "id": c.key} for c in scan.citations
            ],
            "diagnostics": [{**d.to_dict(), "file": shown(root / d.file)} for d in found],
        }
        json_out().write(json.dumps(data, ensure_ascii=False, indent=1) + "\n")
    else:
        for citation in scan.citations:
            decision = collection.by_key[citation.key]
            title = f" {decision.title}" if decision.title else ""
            status = f" ({decision.status})" if decision.status else ""
            say(f"{shown(root / citation.path)}:{citation.line}: {citation.key}{title}{status}")
        for problem in found:
            where = f"{shown(root / problem.file)}:{problem.line}"
            say(f"{where}: {problem.code.value}: {problem.message}")
    errors = sum(1 for d in found if d.severity is Severity.ERROR)
    warnings = sum(1 for d in found if d.severity is Severity.WARNING)
    files = len({citation.path for citation in scan.citations})
    records = len({citation.key for citation in scan.citations})
    say(
        f"{_count(len(scan.citations), 'citation')} of {_count(records, 'record')} "
        f"in {_count(files, 'file')}: {_count(warnings, 'warning')}",
        err=True,
    )
    return 1 if errors or (strict and warnings) else 0


def _scan(
    project: Project, collection: Collection, paths: Sequence[Path]
) -> tuple[CitationScan, Path]:
    """The scan of the project (without arguments) or of the files and folders named, and the
    folder its paths are relative to."""
    scope = citation_scope(project.settings, decisions=project.root)
    if not paths:
        return scan_repository(scope, collection), scope.root
    here = Path.cwd()
    listed: list[str] = []
    for path in paths:
        if path.is_file():
            listed.append(os.path.relpath(path, here))
        elif path.is_dir():
            inside = repository_files(path, skip=scope.skip)
            listed += [os.path.relpath(path / name, here) for name in inside]
        else:
            raise CliError(f"{shown(path)}: no such file or folder")
    named = [Path(name).as_posix() for name in dict.fromkeys(listed)]
    return scan_repository(replace(scope, root=here), collection, named), here


def citation_problems(project: Project, collection: Collection) -> list[Diagnostic]:
    """`cites-superseded` for `adr lint`, with absolute paths (lint shows them as the user
    would type them); none when the `citations` option is off."""
    if not project.settings.citations.enabled:
        return []
    scope = citation_scope(project.settings, decisions=project.root)
    scan = scan_repository(scope, collection)
    return [replace(d, file=str(scope.root / d.file)) for d in scan.diagnostics]


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"
