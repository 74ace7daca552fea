"""Each record's history from Git: when it was first recorded, each change of its status with
the commit's date and author, and when it last changed.

The whole folder's history is read in one pass, whatever the number of records: one `git log`
lists every commit that touched the folder with the files it changed (renames followed), and
one `git cat-file --batch` hands over each version of each record, whose status is read by a
quick reader of status lines. Without Git, outside a checkout, in a shallow clone (whose first
commits are missing) or for a file no commit holds, a record has no history: nothing is
guessed.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from .model import Decision, StatusChange
from .parse.status import read_status
from .parse.vocabulary import DEFAULT, METADATA_SECTIONS, Vocabulary
from .text import heading_key

EXTENSIONS = (".md", ".markdown")
TIMEOUT = 120
"""Seconds a Git command may take before the history is given up (a hung credential prompt,
a network file system)."""
_FIELD = re.compile(
    r"^\s{0,3}(?:[*+-]\s+)?(?:\*\*|__)?([^\W\d_][\w '’-]{0,30}?)\s*(?:(?:\*\*|__)\s*)?[:：]"
    r"(?:\*\*|__)?[ \t]*(.*)$"
)
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$")
_QUIET = {"GIT_TERMINAL_PROMPT": "0", "GIT_OPTIONAL_LOCKS": "0", "LC_ALL": "C"}


@dataclass(frozen=True)
class Repository:
    """A Git checkout: its top folder and the commit checked out."""

    top: Path
    head: str


@dataclass
class FileHistory:
    """One file's commits, oldest first: (date, status or None, author, commit)."""

    commits: list[tuple[str, str | None, str, str]] = field(default_factory=list)

    def changes(self) -> list[StatusChange]:
        """The first commit, then each commit that changed the status."""
        found: list[StatusChange] = []
        for date, status, author, commit in self.commits:
            if not found or (status is not None and status != found[-1].status):
                found.append(StatusChange(date, status, author, commit))
        return found


def find_repository(folder: Path) -> Repository | None:
    """The checkout `folder` is in, or None (no Git, no checkout, no commit, a shallow clone)."""
    if shutil.which("git") is None:
        return None
    found = _git(folder, "rev-parse", "--show-toplevel", "--is-shallow-repository", "HEAD")
    if found is None:
        return None
    lines = found.decode("utf-8", "replace").splitlines()
    if len(lines) != 3 or lines[1] != "false":
        return None
    return Repository(Path(lines[0]), lines[2])


def read_histories(
    repository: Repository, folder: Path, vocabulary: Vocabulary = DEFAULT
) -> dict[str, FileHistory]:
    """Every Markdown file's history under `folder`, by its path relative to `folder`."""
    try:
        inside = PurePosixPath(folder.resolve().relative_to(repository.top.resolve()).as_posix())
    except ValueError:
        return {}
    log = _git(
        repository.top,
        "-c", "core.quotePath=false",
        "log", "--reverse", "-M", "--raw", "-z", "--no-abbrev",
        "--format=%x1e%H%x1f%as%x1f%an",
        "HEAD", "--", str(inside) if str(inside) != "." else ".",
    )  # fmt: skip
    if log is None:
        return {}
    commits = list(_commits(log))
    wanted = {blob for _, _, _, changes in commits for _, _, blob in changes if blob}
    statuses = _statuses(repository.top, wanted, vocabulary)
    histories: dict[str, FileHistory] = {}
    for sha, date, author, changes in commits:
        for old, new, blob in changes:
            history = histories.pop(old, None) if old is not None else None
            if new is None:
                continue  # deleted: a file added there later starts anew
            history = history or FileHistory()
            history.commits.append((date, statuses.get(blob or ""), author, sha))
            histories[new] = history
    prefix = "" if str(inside) == "." else f"{inside}/"
    return {
        path[len(prefix) :]: history
        for path, history in histories.items()
        if path.startswith(prefix) and path.lower().endswith(EXTENSIONS)
    }


def attach_history(decisions: Iterable[Decision], histories: dict[str, FileHistory]) -> None:
    """Give each record the history of its file; a record no commit holds gets none."""
    for decision in decisions:
        history = histories.get(decision.file)
        if history is None or not history.commits:
            decision.history, decision.recorded, decision.changed = [], None, None
            continue
        decision.history = history.changes()
        decision.recorded = history.commits[0][0]
        decision.changed = history.commits[-1][0]


def _commits(
    log: bytes,
) -> Iterator[tuple[str, str, str, list[tuple[str | None, str | None, str | None]]]]:
    """(sha, date, author, [(old path, new path, new blob)]) of each commit in `git log -z
    --raw` output; a new file has no old path, a deleted one no new path."""
    for record in log.split(b"\x1e")[1:]:
        head, _, raw = record.partition(b"\x00")  # no name holds a NUL
        sha, date, author = head.strip(b"\n").decode("utf-8", "replace").split("\x1f", 2)
        fields = raw.strip(b"\n\x00").split(b"\x00")
        changes: list[tuple[str | None, str | None, str | None]] = []
        at = 0
        while at < len(fields):
            meta = fields[at].decode("ascii", "replace").lstrip("\n")
            if not meta.startswith(":"):
                at += 1
                continue
            parts = meta.split()
            blob, kind = parts[3], parts[4][:1]
            first = fields[at + 1].decode("utf-8", "surrogateescape")
            if kind in ("R", "C"):
                second = fields[at + 2].decode("utf-8", "surrogateescape")
                changes.append((first if kind == "R" else None, second, blob))
                at += 3
                continue
            if kind == "D":
                changes.append((first, None, None))
            else:
                changes.append((first if kind != "A" else None, first, blob))
            at += 2
        yield sha, date, author, changes


def _statuses(top: Path, blobs: set[str], vocabulary: Vocabulary) -> dict[str, str | None]:
    """The status each version of a record states, read from one `git cat-file --batch`."""
    if not blobs:
        return {}
    ordered = sorted(blobs)
    out = _git(top, "cat-file", "--batch", given=("\n".join(ordered) + "\n").encode())
    if out is None:
        return {}
    found: dict[str, str | None] = {}
    keywords: dict[str, str | None] = {}  # most versions state one of a few values
    at = 0
    while at < len(out):
        end = out.index(b"\n", at)
        header = out[at:end].split()
        at = end + 1
        if len(header) < 3 or header[1] != b"blob":
            continue
        size = int(header[2])
        text = out[at : at + size].decode("utf-8", "replace")
        at += size + 1
        found[header[0].decode()] = quick_status(text, vocabulary, keywords)
    return found


def quick_status(
    text: str, vocabulary: Vocabulary = DEFAULT, keywords: dict[str, str | None] | None = None
) -> str | None:
    """The status keyword a record's text states in a front-matter key, a metadata line or
    bullet, or the first line of a Status section; None when it states none. `keywords`
    remembers the keyword of each value read."""
    known = {} if keywords is None else keywords
    lines = text.replace("\r\n", "\n").split("\n")
    section = False
    for line in lines[:400]:
        if section:
            if _HEADING.match(line):
                section = False
            elif line.strip() and not line.lstrip().startswith(("<!--", ">")):
                return _keyword(line, vocabulary, known)
            continue
        heading = _HEADING.match(line)
        if heading is not None:
            section = METADATA_SECTIONS.get(heading_key(heading[1])) == "status"
            continue
        found = _FIELD.match(line)
        if found is not None and found[2].strip() and vocabulary.field(found[1]) == "status":
            return _keyword(found[2].strip(), vocabulary, known)
    return None


def _keyword(value: str, vocabulary: Vocabulary, known: dict[str, str | None]) -> str | None:
    if value not in known:
        known[value] = read_status(value.strip().strip("'\""), vocabulary).keyword
    return known[value]


def _git(folder: Path, *args: str, given: bytes | None = None) -> bytes | None:
    try:
        done = subprocess.run(
            ["git", "-C", str(folder), *args],
            input=given,
            capture_output=True,
            timeout=TIMEOUT,
            env={**os.environ, **_QUIET},
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout if done.returncode == 0 else None
