"""The files the plugin adds to a build: records as pages, the generated pages, its assets.

Records outside `docs_dir` become virtual pages (`File.generated`), records inside it keep
their own files; either way they are left out of the navigation, which lists them only when the
plugin adds its section (see `navigation`).
"""

from __future__ import annotations

import html
import posixpath
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

from ..core.diagnostics import Code, Diagnostic, diagnostic
from ..core.identity import identify, is_folder_file, record_folder
from ..core.settings import Settings, SettingsError
from .host import File, Files, InclusionLevel, MkDocsConfig, PluginError

ASSETS = Path(__file__).parent.parent / "assets"
ASSET_URI = "assets/madr"
MERMAID_URI = f"{ASSET_URI}/mermaid.min.js"
GENERATED = {
    "index": "index.md",
    "timeline": "timeline.md",
    "graph": "graph.md",
    "coverage": "c4-coverage.md",
    "in_force": "in-force.md",
    "review": "review.md",
    "health": "health.md",
}
TITLES = {
    "index": "decision_log",
    "timeline": "timeline",
    "graph": "relation_graph",
    "coverage": "architecture_coverage",
    "in_force": "in_force",
    "review": "due_for_review",
    "health": "health",
}
"""Each generated page's title, as a label."""


@dataclass
class SiteFiles:
    """Where each record and generated page is, in one build."""

    settings: Settings
    root: Path
    """The decisions folder, resolved."""
    docs_dir: Path
    labels: Mapping[str, str]
    records: dict[str, File] = field(default_factory=dict)
    """Record path (relative to `root`) → its file, in the order MkDocs renders them."""
    sources: dict[str, str] = field(default_factory=dict)
    """A record file's `src_uri` → the record's path."""
    pages: dict[str, File] = field(default_factory=dict)
    """Generated page name (`GENERATED`) → its file (or the author's page at that address)."""
    problems: list[Diagnostic] = field(default_factory=list)
    """What adding the files found wrong, relative to `root`."""
    generated: list[File] = field(default_factory=list)
    """The pages the plugin generated."""

    @property
    def inside_docs(self) -> bool:
        return self.root == self.docs_dir or self.docs_dir in self.root.parents

    @property
    def prefix(self) -> str:
        """Where records and generated pages are published, relative to the site."""
        if self.inside_docs:
            prefix = self.root.relative_to(self.docs_dir).as_posix().strip(".")
        else:
            prefix = self.settings.url_prefix
        # The settings refuse `..`; checked again here, where the paths are made, since a page
        # outside the site would be written outside site_dir.
        if posixpath.isabs(prefix) or posixpath.normpath(prefix or ".").startswith(".."):
            raise PluginError(f"madr: url_prefix {prefix!r} is outside the site")
        return prefix

    def add_records(self, paths: list[str], files: Files, config: MkDocsConfig) -> None:
        for path in sorted(paths, key=file_order):
            file = self._record_file(path, files, config)
            if file is not None:
                self.records[path] = file
                self.sources[file.src_uri] = path

    def drop_refused(self, refused: list[str], files: Files) -> None:
        """Take out of the site what MkDocs found through links the folder walk refused (in a
        decisions folder inside `docs_dir`, MkDocs lists files itself, following every link)."""
        if not self.inside_docs or not refused:
            return
        for path in refused:
            uri = posixpath.join(self.prefix, path)
            for file in list(files):
                if file.src_uri == uri or file.src_uri.startswith(uri + "/"):
                    files.remove(file)

    def generated_pages(self) -> list[File]:
        """The pages the plugin made (the log, timeline…), not the author's at their place."""
        return [file for file in self.pages.values() if file in self.generated]

    def is_ours(self, file: File) -> bool:
        """Whether the plugin publishes this page: a record's, or one it generated."""
        return self.record_path(file) is not None or file in self.generated

    def record_path(self, file: File) -> str | None:
        """The record a page's file is, or None for other pages."""
        path = self.sources.get(file.src_uri)
        return path if path is not None and self.records[path] is file else None

    def _record_file(self, path: str, files: Files, config: MkDocsConfig) -> File | None:
        if is_folder_file(path):
            return None
        source = self.root / path
        if self.inside_docs:
            existing = files.get_file_from_path(source.relative_to(self.docs_dir).as_posix())
            if existing is not None:
                existing.inclusion = InclusionLevel.NOT_IN_NAV
            return existing
        src_uri = posixpath.join(self.prefix, path)
        if files.get_file_from_path(src_uri) is not None:
            message = (
                f"the page {src_uri} in docs_dir has this record's address, so the record is "
                "not published (rename one of them, or change url_prefix)"
            )
            self.problems.append(diagnostic(Code.DUPLICATE_URL, path, None, message))
            return None
        file = File.generated(
            config, src_uri, abs_src_path=str(source), inclusion=InclusionLevel.NOT_IN_NAV
        )
        # Relative to docs_dir, so `edit_uri` + this resolves to the real file in the repository.
        file.edit_uri = quote(posixpath.relpath(source.as_posix(), self.docs_dir.as_posix()))
        files.append(file)
        return file

    def add_generated(self, has_diagrams: bool, files: Files, config: MkDocsConfig) -> None:
        """The log, timeline, graph and coverage pages the settings ask for."""
        settings = self.settings
        wanted = {
            "index": settings.index,
            "timeline": settings.timeline,
            "graph": settings.graph,
            "coverage": settings.c4_coverage and has_diagrams,
            "in_force": settings.in_force,
            "review": settings.health,
            "health": settings.health,
        }
        for name, target in GENERATED.items():
            if wanted[name]:
                self._generated_page(name, target, files, config)

    def _generated_page(self, name: str, target: str, files: Files, config: MkDocsConfig) -> None:
        uri = posixpath.join(self.prefix, target)
        existing = files.get_file_from_path(uri)
        if existing is not None:
            self.pages[name] = existing  # the author's own page wins
            return
        title = self.labels[TITLES[name]]
        if name == "index" and self.settings.index_title:
            title = self.settings.index_title
        directive = {"coverage": "c4-coverage", "in_force": "in-force"}.get(name, name)
        # Summaries repeat what the records say; keeping them out of search keeps it sharp.
        # They have no headings, so Material's table of contents would only narrow the table.
        front = "search:\n  exclude: true\nhide:\n  - toc\n"
        heading = html.escape(title, quote=False)
        content = f"---\n{front}---\n\n# {heading}\n\n<!-- madr:{directive} -->\n"
        page_file = File.generated(
            config, uri, content=content, inclusion=InclusionLevel.NOT_IN_NAV
        )
        files.append(page_file)
        self.pages[name] = page_file
        self.generated.append(page_file)

    def add_assets(self, files: Files, config: MkDocsConfig) -> None:
        for name in ("madr.css", "madr.js"):
            uri = f"{ASSET_URI}/{name}"
            files.append(File.generated(config, uri, abs_src_path=str(ASSETS / name)))
        try:
            source = self.settings.mermaid_file()
        except SettingsError as error:
            raise PluginError(str(error)) from None
        if source is not None:
            files.append(File.generated(config, MERMAID_URI, abs_src_path=str(source)))


def file_order(path: str) -> tuple[str, int, str]:
    """Records by folder, then number, then name: the order of the log and of the build."""
    identity = identify(path)
    number = identity.number if identity.number is not None else 1 << 62
    return record_folder(path), number, path
