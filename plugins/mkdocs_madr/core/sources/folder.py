"""Records of a source given as a folder on disk: read as the site's own are, named after it.

A record's `file` is its path relative to the site's decisions folder (`../../workflows/
decisions/0003-x.md`), so that every diagnostic names the real file; its category is the
source's name (and the folder within the source, if any).
"""

from __future__ import annotations

import os
import posixpath
from dataclasses import dataclass, field
from pathlib import Path

from ..collection import read_folder, read_record
from ..diagnostics import Diagnostic
from ..identity import is_folder_file, record_folder
from ..model import Decision
from ..parse.vocabulary import Vocabulary
from ..walk import Links


@dataclass
class FolderRecords:
    """A folder source's records and what the walk of its folder found wrong.

    Attributes:
        decisions: Every Markdown file read, records or not.
        inner: A record's `file` → its path within the source's folder.
        problems: Problems of the walk, relative to the site's decisions folder.
    """

    decisions: list[Decision] = field(default_factory=list)
    inner: dict[str, str] = field(default_factory=dict)
    problems: list[Diagnostic] = field(default_factory=list)


def read_folder_source(
    name: str, folder: Path, root: Path, vocabulary: Vocabulary, links: Links
) -> FolderRecords:
    """Read `folder` (raises `FolderError` when it is no folder); paths relative to `root`."""
    found = read_folder(folder, links)
    offset = Path(os.path.relpath(folder, root)).as_posix()
    read = FolderRecords()
    for problem in found.problems:
        read.problems.append(_moved(problem, offset))
    for inner in found.files:
        if is_folder_file(inner):
            continue
        file = posixpath.join(offset, inner)
        decision = read_record(root, file, vocabulary)
        folder_of = record_folder(inner)
        decision.category = f"{name}/{folder_of}" if folder_of else name
        decision.source = name
        read.decisions.append(decision)
        read.inner[file] = inner
    return read


def _moved(problem: Diagnostic, offset: str) -> Diagnostic:
    return Diagnostic(
        problem.code,
        problem.severity,
        posixpath.join(offset, problem.file),
        problem.line,
        problem.message,
    )
