"""The files of a repository that may cite records: what Git tracks (and what it would track),
or, outside a Git checkout, every file that no `.gitignore` on the way excludes.

`include` and `exclude` are `.gitignore`-style patterns relative to the root; `skip` are folders
never read (the decisions folder, whose records relate to each other, and the built site).
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from pathspec import GitIgnoreSpec

IGNORE_FILE = ".gitignore"
ALWAYS_SKIPPED = frozenset({".git", ".hg", ".svn"})
SITE_MARKER = "sitemap.xml.gz"
"""MkDocs writes it beside the `index.html` of every site it builds."""


def repository_files(
    root: Path,
    *,
    include: Sequence[str] = (),
    exclude: Sequence[str] = (),
    skip: Iterable[Path] = (),
) -> list[str]:
    """The files under `root` worth reading for citations, as sorted POSIX paths relative to
    it."""
    listed = _git_files(root)
    found = listed if listed is not None else list(_walk(root))
    skipped = [prefix for prefix in (_inside(root, folder) for folder in skip) if prefix]
    skipped += _built_sites(found)
    wanted = GitIgnoreSpec.from_lines(include) if include else None
    unwanted = GitIgnoreSpec.from_lines(exclude) if exclude else None
    kept = [
        path
        for path in found
        if not any(path == prefix or path.startswith(prefix + "/") for prefix in skipped)
        and (wanted is None or wanted.match_file(path))
        and (unwanted is None or not unwanted.match_file(path))
    ]
    return sorted(kept)


def _built_sites(paths: list[str]) -> list[str]:
    """Folders that hold a built MkDocs site (`mkdocs build -d public` of an earlier build):
    its pages repeat the records' text, so they cite whatever the records cite."""
    listed = set(paths)
    return [
        path[: -len(SITE_MARKER) - 1]
        for path in paths
        if path.endswith("/" + SITE_MARKER) and path[: -len(SITE_MARKER)] + "index.html" in listed
    ]


def _inside(root: Path, folder: Path) -> str | None:
    """`folder` as a path relative to `root`, or None when it is not inside it (or is it)."""
    try:
        relative = Path(os.path.abspath(folder)).relative_to(os.path.abspath(root))
    except ValueError:
        return None
    text = relative.as_posix()
    return None if text in ("", ".") else text


def _git_files(root: Path) -> list[str] | None:
    """Tracked files and untracked ones Git does not ignore, or None outside a checkout (or
    without Git)."""
    try:
        done = subprocess.run(
            ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
            cwd=root,
            capture_output=True,
            timeout=60,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    if done.returncode != 0:
        return None
    names = done.stdout.decode("utf-8", errors="surrogateescape").split("\0")
    return list(dict.fromkeys(name for name in names if name))


def _walk(root: Path) -> Iterator[str]:
    """Files under `root` that no `.gitignore` of their folder or a folder above excludes."""
    rules: list[tuple[str, GitIgnoreSpec]] = []
    for folder, folders, files in os.walk(root):
        here = Path(folder).relative_to(root).as_posix()
        here = "" if here == "." else here
        rules = [(base, spec) for base, spec in rules if _within(here, base)]
        if IGNORE_FILE in files:
            spec = _read_rules(Path(folder) / IGNORE_FILE)
            if spec is not None:
                rules.append((here, spec))
        folders[:] = sorted(
            name
            for name in folders
            if name not in ALWAYS_SKIPPED
            and not _ignored(_join(here, name) + "/", rules)
            and not os.path.islink(os.path.join(folder, name))
        )
        for name in sorted(files):
            path = _join(here, name)
            if not _ignored(path, rules):
                yield path


def _read_rules(path: Path) -> GitIgnoreSpec | None:
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    return GitIgnoreSpec.from_lines(text.splitlines())


def _within(path: str, base: str) -> bool:
    return not base or path == base or path.startswith(base + "/")


def _join(folder: str, name: str) -> str:
    return f"{folder}/{name}" if folder else name


def _ignored(path: str, rules: list[tuple[str, GitIgnoreSpec]]) -> bool:
    ignored = False
    for base, spec in rules:
        relative = path[len(base) + 1 :] if base else path
        result = spec.check_file(relative)
        if result.include is not None:
            ignored = result.include
    return ignored
