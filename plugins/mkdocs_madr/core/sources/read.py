"""Reading every configured source, and joining their records to the site's own."""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

from ..collection import Collection, FolderError, build_collection
from ..diagnostics import Code, Diagnostic, diagnostic
from ..model import KNOWN_STATUSES, Decision
from ..parse.vocabulary import DEFAULT, Vocabulary
from ..walk import Links
from .config import Source
from .folder import read_folder_source
from .site_records import site_records

_Report = Callable[[Code, str], None]
CACHE_DIR = Path(".cache") / "mkdocs-madr" / "sources"
"""Where fetched `decisions.json` files are kept, relative to mkdocs.yml's folder."""


@dataclass
class SourceRecords:
    """Every source's records, and where they are published and edited.

    Attributes:
        names: Every configured source's name, read or not.
        decisions: The records of all sources (`Decision.source` says whose).
        folders: The folder of each source given as a path, by name.
        inner: A folder source's record `file` → its path within the source's folder.
        urls: A site source's record key → the absolute URL of its page on that site.
        edit_urls: A folder source's record `file` → where it is edited, when the source says.
        remote_files: The `file` of each record read from a `decisions.json`.
        problems: Diagnostics about the sources themselves, naming mkdocs.yml (relative to the
            site's decisions folder, as every diagnostic of the collection is).
        record_problems: Problems of the walks of the source folders, relative to the site's
            decisions folder.
    """

    names: tuple[str, ...] = ()
    decisions: list[Decision] = field(default_factory=list)
    folders: dict[str, Path] = field(default_factory=dict)
    inner: dict[str, str] = field(default_factory=dict)
    urls: dict[str, str] = field(default_factory=dict)
    edit_urls: dict[str, str] = field(default_factory=dict)
    remote_files: set[str] = field(default_factory=set)
    problems: list[Diagnostic] = field(default_factory=list)
    record_problems: list[Diagnostic] = field(default_factory=list)

    _by_file: dict[str, Decision] | None = field(default=None, repr=False)

    def record(self, file: str) -> Decision | None:
        """The source's record whose `file` this is, if any."""
        if self._by_file is None:
            self._by_file = {decision.file: decision for decision in self.decisions}
        return self._by_file.get(file)


def read_sources(
    sources: Sequence[Source],
    *,
    base: Path,
    root: Path,
    config_file: Path | None = None,
    vocabulary: Vocabulary = DEFAULT,
    follow: str = "project",
) -> SourceRecords:
    """Read every source: folders relative to `base` (mkdocs.yml's folder), records' files
    relative to `root` (the site's decisions folder). Never raises on a source that cannot be
    read: it becomes a diagnostic naming the source, and the others are read."""
    read = SourceRecords(names=tuple(source.name for source in sources))
    config_text = _text_of(config_file)
    config = config_file if config_file is not None else base / "mkdocs.yml"
    config_name = Path(os.path.relpath(config, root)).as_posix()
    for source in sources:
        line = _line_of(source.name, config_text)

        def report(
            code: Code, message: str, source: Source = source, line: int | None = line
        ) -> None:
            read.problems.append(
                diagnostic(code, config_name, line, f"source '{source.name}': {message}")
            )

        if source.path is not None:
            _read_folder(source, base, root, vocabulary, follow, read, report)
        else:
            _read_site(source, base, read, report)
    return read


def join_sources(
    root: Path,
    parsed: Iterable[Decision],
    problems: Iterable[Diagnostic],
    read: SourceRecords,
    *,
    statuses: Iterable[str] = KNOWN_STATUSES,
) -> Collection:
    """`build_collection` over the site's records and the sources' ones. What the collection
    finds wrong within another site's records is that site's to report, not this one's."""
    collection = build_collection(
        root,
        [*parsed, *read.decisions],
        [*problems, *read.record_problems, *read.problems],
        statuses=statuses,
        sources=read.names,
    )
    if read.remote_files:
        collection.diagnostics = [
            found for found in collection.diagnostics if found.file not in read.remote_files
        ]
    return collection


def _read_folder(
    source: Source,
    base: Path,
    root: Path,
    vocabulary: Vocabulary,
    follow: str,
    read: SourceRecords,
    report: _Report,
) -> None:
    assert source.path is not None
    folder = (base / source.path).resolve()
    try:
        found = read_folder_source(
            source.name, folder, root, vocabulary, Links.within(base, folder, follow=follow)
        )
    except FolderError:
        report(
            Code.SOURCE_UNREADABLE, f"the folder {source.path} does not exist (looked for {folder})"
        )
        return
    read.folders[source.name] = folder
    read.decisions += found.decisions
    read.inner.update(found.inner)
    read.record_problems += found.problems
    if source.edit_uri is not None:
        for file, inner in found.inner.items():
            read.edit_urls[file] = source.edit_uri + quote(inner)


def _read_site(source: Source, base: Path, read: SourceRecords, report: _Report) -> None:
    from .remote import read_remote  # urllib and ssl: only for a site's sources

    assert source.url is not None
    remote = read_remote(source, base / CACHE_DIR)
    if remote.document is None:
        report(Code.SOURCE_UNREADABLE, f"cannot read {source.url}: {remote.problem}")
        return
    if remote.cached is not None:
        when = remote.cached.strftime("%Y-%m-%d %H:%M UTC")
        report(
            Code.SOURCE_OFFLINE,
            f"cannot read {source.url}: {remote.problem}; using the copy fetched on {when}",
        )
    decisions, urls = site_records(remote.document, source.name, source.site_url or source.url)
    read.decisions += decisions
    read.urls.update(urls)
    read.remote_files.update(decision.file for decision in decisions)


def _text_of(config_file: Path | None) -> str:
    if config_file is None:
        return ""
    try:
        return config_file.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return ""


def _line_of(name: str, text: str) -> int | None:
    """The line of mkdocs.yml that names the source (`- name: workflows`), if there is one."""
    pattern = re.compile(rf"(?<![\w-])name:\s*['\"]?{re.escape(name)}['\"]?(?=\s*(?:[,}}#]|$))")
    for number, line in enumerate(text.splitlines(), start=1):
        if pattern.search(line):
            return number
    return None
