"""Walking a folder for Markdown files without trusting what is in it.

A folder of records comes from a repository, and a repository can hold anything a file system
can: symbolic links into a loop, to a file that is not there, to `/proc/self/environ` or to
`/etc`, and folders nested thousands deep. The walk lists what it reads and reports the rest:

* a link is followed only as `Links.follow` allows: by default only when its target lies inside
  the project (`Links.inside`), never (`never`), or wherever it points (`always`);
* a link into a loop of links, or back to a folder already walked, is not followed;
* a link that cannot be resolved or stat'ed (missing target, permissions) is reported;
* folders deeper than `MAX_DEPTH` are not entered;
* anything that is not a regular file or a folder (a named pipe, a socket) is never opened.

Every problem is a diagnostic naming the path as found in the folder (the link, not its target).
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .diagnostics import Code, Diagnostic, diagnostic

MAX_DEPTH = 16
"""Folders this many levels below the walked folder are read; deeper ones are reported."""
FOLLOW_CHOICES = ("project", "never", "always")
"""The values of the `follow_symlinks` option: where a link may lead for the walk to follow it."""
SKIPPED_DIRS = frozenset({"node_modules", "__pycache__", "site"})
"""Folders never read for records or pages, besides hidden ones (`.git`) and `_`-prefixed ones."""


@dataclass(frozen=True)
class Links:
    """Which symbolic links a walk follows.

    Attributes:
        follow: `project` (links whose target lies under one of `inside`), `never` or `always`.
        inside: The folders a link may lead into under `project`: the project's folder and the
            walked folder itself.
    """

    follow: str = "project"
    inside: tuple[str, ...] = ()

    @classmethod
    def within(cls, *folders: Path, follow: str = "project") -> Links:
        return cls(follow, tuple(os.path.realpath(folder) for folder in folders))

    def allows(self, target: str) -> bool:
        if self.follow == "always":
            return True
        if self.follow == "never":
            return False
        return any(
            target == folder or target.startswith(folder.rstrip(os.sep) + os.sep)
            for folder in self.inside
        )


@dataclass
class Walk:
    """What a walk found: Markdown files (relative POSIX paths, in folder order), problems, and
    the links it refused (relative paths), so a caller can drop what another walker listed."""

    files: list[str] = field(default_factory=list)
    problems: list[Diagnostic] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)


def walk(
    root: Path,
    links: Links | None = None,
    *,
    extensions: Iterable[str] = (".md",),
    hidden: tuple[str, ...] = (".", "_"),
) -> Walk:
    """The files under `root` whose names end with one of `extensions` (case-insensitive).

    `root` itself is trusted (a setting named it); everything below it is checked. Without
    `links`, a link is followed only into `root`. Names starting with one of `hidden` are
    skipped, as are `SKIPPED_DIRS`. Real folders are read first and followed
    links after them, so a link to a folder of the tree is reported, not read in its place.
    """
    walker = _Walker(links if links is not None else Links.within(root), extensions, hidden)
    walker.read(root)
    found = walker.found
    found.files.sort(key=lambda path: path.split("/"))
    return found


class _Walker:
    def __init__(self, links: Links, extensions: Iterable[str], hidden: tuple[str, ...]) -> None:
        self.links = links
        self.hidden = hidden
        self.suffixes = tuple(extension.lower() for extension in extensions)
        self.found = Walk()
        self.seen: set[str] = set()

    def read(self, root: Path) -> None:
        top = os.path.realpath(root)
        self.seen.add(top)
        pending: list[tuple[str, int, str]] = [("", 0, top)]
        linked: list[tuple[str, int, str]] = []
        while pending or linked:
            if not pending:  # every real folder is read: now the links, in the order met
                path, depth, link = linked.pop(0)
                real = os.path.realpath(link)
                if real in self.seen:
                    message = "a link to a folder already read (a loop, or a second way in)"
                    self._refuse(Code.SYMLINK_LOOP, path, message + "; not followed")
                    continue
                self.seen.add(real)
                pending.append((path, depth, real))
            relative, depth, real = pending.pop()
            subfolders: list[tuple[str, int, str]] = []
            for entry, path, kind in self._entries(root, relative):
                if kind == "file":
                    self.found.files.append(path)
                elif depth + 1 > MAX_DEPTH:
                    message = f"more than {MAX_DEPTH} folders deep; nothing in it is read"
                    self._problem(Code.FOLDER_TOO_DEEP, path, message)
                elif kind == "link":
                    linked.append((path, depth + 1, entry.path))
                else:  # a real folder: its real path is its parent's and its name
                    inner = os.path.join(real, entry.name)
                    self.seen.add(inner)
                    subfolders.append((path, depth + 1, inner))
            pending.extend(reversed(subfolders))

    def _entries(self, root: Path, relative: str) -> list[tuple[os.DirEntry[str], str, str]]:
        folder = os.path.join(root, relative) if relative else os.fspath(root)
        try:
            with os.scandir(folder) as listing:
                entries = sorted(listing, key=lambda entry: entry.name)
        except OSError as error:
            self._problem(Code.UNREADABLE_FILE, relative or ".", f"cannot list: {_why(error)}")
            return []
        found = []
        for entry in entries:
            name = entry.name
            if name.startswith(self.hidden) or name in SKIPPED_DIRS:
                continue
            path = f"{relative}/{name}" if relative else name
            kind = self._kind(entry, path)
            if kind is not None:
                found.append((entry, path, kind))
        return found

    def _kind(self, entry: os.DirEntry[str], path: str) -> str | None:
        """`file` (a wanted one), `folder`, `link` (to a folder, to follow), or None."""
        try:
            if entry.is_symlink():
                return self._link(entry, path)
            if entry.is_dir(follow_symlinks=False):
                return "folder"
            if entry.is_file(follow_symlinks=False):
                return "file" if self._wanted(path) else None
        except OSError as error:
            self._problem(Code.UNREADABLE_FILE, path, f"cannot read: {_why(error)}")
            return None
        if self._wanted(path):
            # A named pipe would block the read for ever; a socket cannot be read.
            self._problem(Code.UNREADABLE_FILE, path, "not a regular file; it is never opened")
        return None

    def _link(self, entry: os.DirEntry[str], path: str) -> str | None:
        """`file` or `link` (to a folder) when the link is to be followed; else reports why
        not, unless it is a link the walk would never read anyway (to an image, say)."""
        wanted = self._wanted(path)
        try:
            mode = os.stat(entry.path).st_mode
        except OSError as error:
            if error.errno == errno.ELOOP:
                self._refuse(Code.SYMLINK_LOOP, path, "a link into a loop of links; not followed")
            elif wanted or "." not in entry.name:  # a file the walk wants, or maybe a folder
                code, message = self._unfollowable(entry, error)
                self._refuse(code, path, message)
            return None
        folder = stat.S_ISDIR(mode)
        if not folder and not wanted:
            return None
        if self.links.follow == "never":
            self._refuse(Code.SYMLINK_IGNORED, path, _IGNORED)
        elif not self.links.allows(os.path.realpath(entry.path)):
            message = f"a link to {_target(entry.path)}, outside the project; not followed"
            self._refuse(Code.SYMLINK_OUTSIDE, path, message + " (see follow_symlinks)")
        elif folder:
            return "link"
        elif stat.S_ISREG(mode):
            return "file"
        else:
            self._refuse(Code.UNREADABLE_FILE, path, "a link to something that is not a file")
        return None

    def _unfollowable(self, entry: os.DirEntry[str], error: OSError) -> tuple[Code, str]:
        if self.links.follow == "never":
            return Code.SYMLINK_IGNORED, _IGNORED
        if error.errno == errno.ENOENT:
            return Code.UNREADABLE_FILE, f"a link to {_target(entry.path)}, which does not exist"
        return Code.UNREADABLE_FILE, f"cannot follow the link: {_why(error)}"

    def _wanted(self, path: str) -> bool:
        return path.lower().endswith(self.suffixes)

    def _refuse(self, code: Code, path: str, message: str) -> None:
        """A link not followed: reported, and remembered (`Walk.refused`)."""
        self.found.refused.append(path)
        self._problem(code, path, message)

    def _problem(self, code: Code, path: str, message: str) -> None:
        self.found.problems.append(diagnostic(code, path, None, message))


_IGNORED = "a symbolic link; not followed (follow_symlinks: never)"


def _target(path: str) -> str:
    try:
        return repr(os.readlink(path))
    except OSError:
        return "a target that cannot be read"


def _why(error: OSError) -> str:
    return error.strerror or type(error).__name__
