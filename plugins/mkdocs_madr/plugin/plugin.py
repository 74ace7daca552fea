"""The `madr` MkDocs plugin: a thin layer that feeds MkDocs pages from the pure core.

Order of work in a build: `on_files` lists the records (from their names alone); `on_nav`
starts parsing, and rendering, them in the background; `on_page_markdown` marks where generated
fragments go and hands MkDocs a record page the workers rendered;
`on_env`, once every page is rendered, joins the parsed records into a collection; the marks are
filled in `on_page_context` (what search should index) and `on_post_page` (the rest). Search
reads a page without its glossary links, and the content MkDocs keeps of a written page has
none either; only the written page has them.
"""

from __future__ import annotations

import gc
import json
import logging
import os
import pickle
import posixpath
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

from markupsafe import escape

from ..c4 import C4Index, Diagram
from ..core.collection import Collection, FolderError, ParseCache, build_collection, scan_folder
from ..core.diagnostics import Code, Diagnostic, Severity, diagnostic
from ..core.export import record_fields, write_json
from ..core.identity import identify, is_folder_file
from ..core.model import Decision
from ..core.settings import SettingsError, parse_levels
from ..glossary import (
    USAGE_PLACEHOLDER,
    Glossary,
    GlossaryExtension,
    Term,
    TermForm,
    parse_glossary,
    without_term_links,
)
from ..parallel.job import FragmentCache, ParseJob, Spooled
from ..site.architecture import Architecture, link_architecture
from ..site.checks import GLOSSARY_PAGES, DocPage, read_architecture
from ..site.content import SiteContent, Urls
from ..site.directives import replace_lines, scan_page
from ..site.fragments import PagePlan
from ..site.record_page import decorate
from ..site.render.feed import FEED_FILE, atom_feed
from ..site.render.renderer import Renderer
from ..site.render.views import StatusStyle, kind_label
from .config import MadrConfig
from .host import (
    BasePlugin,
    CombinedEvent,
    File,
    Files,
    InclusionLevel,
    MkDocsConfig,
    Navigation,
    Page,
    PluginError,
    event_priority,
    get_plugin_logger,
    get_relative_url,
    split_front_matter,
)
from .navigation import add_decision_log
from .slots import Slot, Slots
from .worker_pages import RenderedPage, captured_logs, render_in_worker, render_with

log = get_plugin_logger("madr")

ASSETS = Path(__file__).parent.parent / "assets"
ASSET_URI = "assets/madr"
GENERATED = {
    "index": "index.md",
    "timeline": "timeline.md",
    "graph": "graph.md",
    "coverage": "c4-coverage.md",
}
FREEZE_ABOVE = 500
"""From this many records on, the collector skips long-lived objects during a build (`_freeze`)."""
_LOG_LEVELS = {
    Severity.ERROR: logging.WARNING,
    Severity.WARNING: logging.WARNING,
    Severity.INFO: logging.INFO,
}


@dataclass(frozen=True)
class _Versions:
    """The content of the page being built, in the versions the plugin hands out in turn."""

    page: Page
    searched: str
    """What search indexes: the terms' text without their links, and each record header's
    one-line summary."""
    linked: str
    """What the page shows: with the term links."""
    kept: str
    """What MkDocs keeps once the page is written: the text without the links."""


class MadrPlugin(BasePlugin[MadrConfig]):
    """Publishes a folder of decision records as pages, with an index, timeline and graph."""

    def __init__(self) -> None:
        self.cache = ParseCache()
        self.fragment_cache = FragmentCache()
        self.command = "build"
        self.slots = Slots()
        self.job: ParseJob | None = None
        self.frozen = False
        self.record_paths: list[str] = []
        self.plan: PagePlan | None = None
        self.worker_pages = 0
        self.render_context: tuple[MkDocsConfig, Files] | None = None
        self.directives_ahead: Future[bytes] | None = None
        self.directives_done: dict[tuple[str, str], tuple[Spooled, list[Diagnostic]]] = {}
        """(page, mark) → where the worker's HTML waits in the job's spool, and its
        diagnostics."""
        self.scan_problems: list[Diagnostic] = []
        self.collection: Collection | None = None
        self.content: SiteContent | None = None
        self.architecture = Architecture(C4Index([]))
        self.record_files: dict[str, File] = {}
        self.record_sources: dict[str, str] = {}
        self.pages: dict[str, File] = {}
        self.glossary_file: File | None = None
        self.term_usage: dict[str, dict[str, None]] = {}  # term → record paths, in order
        self._glossary_paths: dict[str, str] = {}
        self.current_page: Page | None = None
        self.current_record: str | None = None
        self.rendered: dict[str, str] = {}
        self.versions: _Versions | None = None
        self.source: tuple[str, str] = ("", "")
        self.glossary_extension = GlossaryExtension(
            Glossary(page="", terms=()),
            href_for=self._term_href,
            on_use=self._term_used,
            diagnostics=self._glossary_problem,
        )
        # After MkDocs' own link resolution (priority 0): term links need no checking.
        self.glossary_extension.link_priority = -10

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Defining on_startup keeps this instance across `mkdocs serve` rebuilds, and with it
        # the parse cache.
        self.command = command

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        # MkDocs keeps this instance between builds (see on_startup): start each one clean.
        self._reset()
        self.job = None
        if not self.config.enabled:
            return None
        self.base = Path(config.config_file_path or ".").parent
        self.root = (self.base / self.config.decisions_dir).resolve()
        if not self.root.is_dir():
            raise PluginError(
                f"madr: decisions_dir '{self.config.decisions_dir}' is not a folder "
                f"(looked for {self.root})"
            )
        try:
            self.levels = parse_levels(self.config.diagnostics, "mkdocs.yml")
        except SettingsError as error:
            raise PluginError(str(error)) from None
        self.docs_dir = Path(config.docs_dir).resolve()
        self.inside_docs = self.root == self.docs_dir or self.docs_dir in self.root.parents
        templates = self.config.templates_dir
        self.templates_dir = (self.base / templates).resolve() if templates else None
        self.mermaid_local = "://" not in self.config.mermaid_js and not str(
            self.config.mermaid_js
        ).startswith("//")
        self.mermaid_uri = f"{ASSET_URI}/mermaid.min.js" if self.mermaid_local else ""
        for name, target in (("madr.css", config.extra_css), ("madr.js", config.extra_javascript)):
            uri = f"{ASSET_URI}/{name}"
            if uri not in [str(entry) for entry in target]:
                target.append(uri)
        self.def_list = any(str(name).endswith("def_list") for name in config.markdown_extensions)
        # Material's improved tooltips read `title` as HTML: definitions must then be escaped.
        features = config.theme.get("features") or []
        self.glossary_extension.tooltip_markup = "content.tooltips" in features
        if self.glossary_extension not in config.markdown_extensions:
            config.markdown_extensions.append(self.glossary_extension)
        return config

    # --- files -------------------------------------------------------------------------------

    def on_files(self, files: Files, config: MkDocsConfig) -> Files | None:
        if not self.config.enabled:
            return None
        try:
            paths, self.scan_problems = scan_folder(self.root)
        except FolderError as error:
            raise PluginError(f"madr: {error}") from None
        for path in sorted(paths, key=_file_order):
            file = self._record_file(path, files, config)
            if file is not None:
                self.record_files[path] = file
                self.record_sources[file.src_uri] = path
        self._read_glossary(files)
        diagrams = self._read_diagrams(files)
        for name, target in GENERATED.items():
            wanted = (
                self.config.c4_coverage and bool(diagrams)
                if name == "coverage"
                else (bool(getattr(self.config, name)))
            )
            if wanted:
                self._generated_page(name, target, files, config)
        self.record_paths = sorted(paths, key=_file_order)  # the order MkDocs renders them
        self.plan = self._plan(files)
        self._add_assets(files, config)
        return files

    def _start_job(self, config: MkDocsConfig, files: Files) -> None:
        """Parse, and render, records in the background, now that the files are final."""
        serving = self.command == "serve"  # caches only pay off across serve rebuilds
        # Rendering pages in forked workers is for builds: a serve process runs threads.
        render = self.config.parallel and not serving
        # Forked workers keep their copy of this; the build itself no longer needs it.
        self.render_context = (config, files) if render else None
        self.job = ParseJob(
            self.root,
            self.record_paths,
            self.cache if serving else None,
            plan=self.plan,
            rendered=self.fragment_cache if serving else None,
            workers=None if self.config.parallel else 0,
            pages=self._render_in_worker if render else None,
            later=self._render_directives_in_worker if render else None,
        )
        self.render_context = None
        count, parsed = len(self.record_paths), len(self.job.parsed)
        log.debug(f"{count} records ({parsed} parsed, {count - parsed} from cache)")

    def _plan(self, files: Files) -> PagePlan:
        """What workers need to render each record's own header and comparison."""
        elements = {}
        for element in self.architecture.index.elements():
            page = files.get_file_from_path(element.page)
            label = element.label or element.alias
            elements[element.alias] = (label, kind_label(element.kind), page.url if page else None)
        index = self.pages.get("index")
        return PagePlan(
            statuses=tuple((str(k), str(v)) for k, v in self.config.statuses.items()),
            templates_dir=self.templates_dir,
            pages={path: file.url for path, file in self.record_files.items()},
            index_url=index.url if index is not None else None,
            elements=elements,
        )

    def _reset(self) -> None:
        self.slots = Slots()
        self.record_paths = []
        self.plan = None
        self.worker_pages = 0
        self.directives_ahead = None
        self.directives_done = {}
        self.collection = None
        self.content = None
        self.architecture = Architecture(self.architecture.index)  # without its decisions
        self.record_files = {}
        self.record_sources = {}
        self.pages = {}
        self.term_usage = {}
        self._glossary_paths = {}
        self.rendered = {}
        self.versions = None

    def _prefix(self) -> str:
        if self.inside_docs:
            return self.root.relative_to(self.docs_dir).as_posix().strip(".")
        return str(self.config.url_prefix).strip("/")

    def _record_file(self, path: str, files: Files, config: MkDocsConfig) -> File | None:
        if is_folder_file(path):
            return None
        source = self.root / path
        if self.inside_docs:
            existing = files.get_file_from_path(source.relative_to(self.docs_dir).as_posix())
            if existing is not None:
                existing.inclusion = InclusionLevel.NOT_IN_NAV
            return existing
        src_uri = posixpath.join(self._prefix(), path)
        if files.get_file_from_path(src_uri) is not None:
            message = (
                f"the page {src_uri} in docs_dir has this record's address, so the record is "
                "not published (rename one of them, or change url_prefix)"
            )
            self._report([diagnostic(Code.DUPLICATE_URL, path, None, message)], self.root)
            return None
        file = File.generated(
            config, src_uri, abs_src_path=str(source), inclusion=InclusionLevel.NOT_IN_NAV
        )
        # Relative to docs_dir, so `edit_uri` + this resolves to the real file in the repository.
        file.edit_uri = quote(posixpath.relpath(source.as_posix(), self.docs_dir.as_posix()))
        files.append(file)
        return file

    def _generated_page(self, name: str, target: str, files: Files, config: MkDocsConfig) -> None:
        uri = posixpath.join(self._prefix(), target)
        existing = files.get_file_from_path(uri)
        if existing is not None:
            self.pages[name] = existing  # the author's own page wins
            return
        title = {
            "index": str(self.config.index_title),
            "timeline": "Timeline",
            "graph": "Relation graph",
            "coverage": "Architecture coverage",
        }[name]
        directive = "c4-coverage" if name == "coverage" else name
        # Summaries repeat what the records say; keeping them out of search keeps it sharp.
        # They have no headings, so Material's table of contents would only narrow the table.
        front = "search:\n  exclude: true\nhide:\n  - toc\n"
        content = f"---\n{front}---\n\n# {title}\n\n<!-- madr:{directive} -->\n"
        feed = self._feed_url(config) if name == "timeline" else None
        if feed is not None:
            content += f"\n[Follow new decisions: Atom feed]({feed})\n"
        page_file = File.generated(
            config, uri, content=content, inclusion=InclusionLevel.NOT_IN_NAV
        )
        files.append(page_file)
        self.pages[name] = page_file

    def _add_assets(self, files: Files, config: MkDocsConfig) -> None:
        for name in ("madr.css", "madr.js"):
            uri = f"{ASSET_URI}/{name}"
            files.append(File.generated(config, uri, abs_src_path=str(ASSETS / name)))
        if self.mermaid_local:
            source = (self.base / self.config.mermaid_js).resolve()
            if not source.is_file():
                raise PluginError(f"madr: mermaid_js '{self.config.mermaid_js}' is not a file")
            files.append(File.generated(config, self.mermaid_uri, abs_src_path=str(source)))

    def _read_glossary(self, files: Files) -> None:
        self.glossary_file = None
        wanted = self.config.glossary
        for name in [wanted] if wanted else GLOSSARY_PAGES:
            self.glossary_file = files.get_file_from_path(name)
            if self.glossary_file is not None:
                break
        if self.glossary_file is None:
            if wanted:
                raise PluginError(f"madr: glossary '{wanted}' is not a page in docs_dir")
            self.glossary_extension.use_glossary(Glossary(page="", terms=()))
            return
        glossary, problems = parse_glossary(
            self.glossary_file.content_string, self.glossary_file.src_uri
        )
        self.glossary_extension.use_glossary(glossary)
        self._report(problems, self.docs_dir)
        listed = [t for t in glossary.terms if t.form is TermForm.DEFINITION_LIST]
        if listed and not self.def_list:
            message = (
                "the glossary is written as definition lists, but the def_list Markdown "
                "extension is off, so its terms get no anchors; add `def_list` to "
                "markdown_extensions"
            )
            problem = diagnostic(
                Code.GLOSSARY_NEEDS_DEF_LIST, self.glossary_file.src_uri, listed[0].line, message
            )
            self._report([problem], self.docs_dir)

    def _read_diagrams(self, files: Files) -> list[Diagram]:
        records = {id(file) for file in self.record_files.values()}
        pages = (
            DocPage(file.src_uri, file.src_uri, file.content_string)
            for file in files.documentation_pages()
            if id(file) not in records and file.generated_by is None
        )
        index, problems = read_architecture(pages)
        self.architecture = Architecture(index)
        self._report(problems, self.docs_dir)
        return index.diagrams

    # --- navigation -----------------------------------------------------------------------

    def on_nav(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation | None:
        if not self.config.enabled:
            return None
        self._start_job(config, files)
        ours = {id(file) for file in [*self.record_files.values(), *self.pages.values()]}
        if any(id(page.file) in ours for page in nav.pages):
            return nav  # the author placed the decisions in the nav; respect that
        mode, count = self.config.nav, len(self.record_files)
        listed = mode == "all" or (mode == "auto" and count <= self.config.nav_threshold)
        records = self.record_files if listed else {}
        add_decision_log(nav, str(self.config.index_title), list(self.pages.values()), records)
        return nav

    # --- page content ---------------------------------------------------------------------

    @event_priority(-50)  # late: plugins that evaluate templates (macros) never see our marks
    def on_page_markdown(
        self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        if not self.config.enabled:
            return None
        record = self._record_path(page)
        decision = self.job.result(record) if record is not None and self.job else None
        markdown = self._page_markdown(markdown, page, record, decision)
        rendered = self.job.page_of(record) if record is not None and self.job else None
        if isinstance(rendered, RenderedPage):
            render_with(page, rendered, self._rendered_in_worker)
        return markdown

    def _page_markdown(
        self, markdown: str, page: Page, record: str | None, decision: Decision | None
    ) -> str:
        src = page.file.src_uri
        self.current_page, self.current_record = page, record
        links = self.config.glossary_links
        self.glossary_extension.for_page(
            src,
            is_glossary_page=page.file is self.glossary_file,
            auto_link=links == "all" or (links == "decisions" and record is not None),
        )
        self.slots.clear(src)
        if decision is not None and decision.is_record:
            page.meta.pop("status", None)  # Material would badge it in every sidebar entry
            if "title" not in page.meta and (decision.title or "title" not in decision.lines):
                # The record's title without its number ("1. Use X" in Nygard's style), as the
                # log shows it; MkDocs would take the H1 as written, or without one the file
                # name, and use the text unescaped.
                page.meta["title"] = str(escape(decision.title or decision.slug))
            markdown = self._mark_record(markdown, decision, src)
        markdown = self._mark_page(markdown, page)
        self.rendered = {src: markdown}  # only the page being rendered can report lines
        return markdown

    def on_page_read_source(self, /, *, page: Page, config: MkDocsConfig) -> str | None:
        """Records are read here so that bytes which are not UTF-8 or an unreadable file give
        a page and a diagnostic instead of stopping the build."""
        path = self._record_path(page) if self.config.enabled else None
        return self._read_record(path) if path is not None else None

    def _read_record(self, path: str) -> str:
        try:
            data = (self.root / path).read_bytes()
        except OSError as error:
            return f"# {path}\n\nThis record could not be read: {error.strerror}.\n"
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = data.decode("utf-8", errors="replace")
        self.source = (path, text)
        return text

    def _render_in_worker(self, path: str, decision: Decision) -> RenderedPage | None:
        """In a forked worker: what the build would do to the record's page from reading its
        source to rendering it, with this plugin's own steps only."""
        file = self.record_files.get(path)
        if file is None or file.page is None or self.render_context is None:
            return None
        config, files = self.render_context
        page = file.page
        kept = dict(vars(page))
        try:
            page.markdown, page.meta = split_front_matter(self._read_record(path))
            with captured_logs():  # the build reports these itself, when it marks the page
                page.markdown = self._page_markdown(page.markdown, page, path, decision)
            self.term_usage = {}
            return render_in_worker(page, config, files, lambda: iter(self.term_usage))
        finally:
            # The worker never needs the page again: what rendering left on it would stay.
            vars(page).clear()
            vars(page).update(kept)
            self.slots.clear(file.src_uri)
            self.rendered, self.source = {}, ("", "")

    def _rendered_in_worker(self, rendered: RenderedPage) -> None:
        self.worker_pages += 1
        if self.current_record is not None:
            for anchor in rendered.terms:
                self.term_usage.setdefault(anchor, {})[self.current_record] = None

    def _record_path(self, page: Page) -> str | None:
        path = self.record_sources.get(page.file.src_uri)
        return path if path is not None and self.record_files[path] is page.file else None

    def _mark_record(self, markdown: str, decision: Decision, src: str) -> str:
        if self.source[0] != decision.file:
            return markdown  # read_source did not run for it: another plugin supplied the text
        text = self.source[1]
        lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        header = self.slots.add(src, "header", decision.file)
        compare = self.slots.add(src, "compare", decision.file) if decision.options else ""
        return decorate(markdown, decision, lines, header, compare)

    def _mark_page(self, markdown: str, page: Page) -> str:
        src = page.file.src_uri
        scan = scan_page(markdown, src)
        for problem in scan.problems:
            line = _source_line(page, markdown, problem.line) if problem.line else None
            self._report([diagnostic(problem.code, src, line, problem.message)], self.docs_dir)
        replacements = []
        for directive in scan.directives:
            replacements.append(
                (directive.line, directive.end, self.slots.add(src, "directive", directive))
            )
        for position, fence in enumerate(scan.c4_fences):
            marker = self.slots.add(src, "diagram", (fence.content, position))
            replacements.append((fence.line, fence.end, marker))
        return replace_lines(markdown, replacements) if replacements else markdown

    def on_env(self, env: Any, /, *, config: MkDocsConfig, files: Files) -> Any:
        if not self.config.enabled or self.job is None:
            return env
        parsed = self.job.results()
        self._freeze()
        rendered, count = self.worker_pages, len(self.record_files)
        log.debug(f"{rendered} of {count} record pages rendered by workers")
        collection = build_collection(
            self.root, parsed, self.scan_problems, statuses=self.config.statuses
        )
        self.collection = collection
        self.architecture, link_problems = link_architecture(collection, self.architecture.index)
        self._report(collection.all_diagnostics() + link_problems, self.root)
        self.content = self._site_content(collection, self.architecture, files)
        self.job.prerender()
        self.directives_ahead = self._directives_in_worker(collection, files)
        self.job.settle()
        return env

    def _freeze(self) -> None:
        """Let Python's cycle collector skip what exists now until the build ends.

        What MkDocs has read before rendering pages, and the rendered pages and parsed records
        before writing them, all live until the build ends, yet each full pass of the collector
        walks all of it again; the plugin's records make those passes longer and more frequent
        (about a second in all at 5,000 records). Young objects are collected first, so little
        garbage is kept.
        """
        if len(self.record_files) >= FREEZE_ABOVE:
            gc.collect(1)
            gc.freeze()
            self.frozen = True

    def _unfreeze(self) -> None:
        if self.frozen:
            gc.unfreeze()
            self.frozen = False

    def _site_content(
        self, collection: Collection, architecture: Architecture, files: Files
    ) -> SiteContent:
        by_file = {decision.file: decision for decision in collection.decisions}
        urls = Urls(
            records={
                by_file[path].key: file.url
                for path, file in self.record_files.items()
                if path in by_file
            },
            pages={name: file.url for name, file in self.pages.items()},
            source=lambda src: found.url if (found := files.get_file_from_path(src)) else None,
            relative=get_relative_url,
            mermaid=self.mermaid_uri if self.mermaid_local else str(self.config.mermaid_js),
            mermaid_local=self.mermaid_local,
        )
        renderer = Renderer(collection, self.config.statuses, self.templates_dir)
        return SiteContent(collection, architecture, renderer, urls, self._prerendered_comparison)

    def _directives_in_worker(self, collection: Collection, files: Files) -> Future[bytes] | None:
        """Hand the directives that list records (the log, timeline, graph, coverage) to a
        worker, idle once pages are rendered: their pages are written last, and at thousands of
        records each is a large table."""
        wanted = []
        for src, slots in self.slots.pages.items():
            page = files.get_file_from_path(src)
            for slot in slots:
                if page is not None and slot.kind == "directive" and slot.data.name != "compare":
                    wanted.append((src, page.url, slot.marker, slot.data))
        if not wanted or self.job is None:
            return None
        return self.job.later(pickle.dumps((collection, self.architecture, wanted)))

    def _render_directives_in_worker(self, arguments: bytes) -> bytes:
        """In a forked worker: `_directives_in_worker`'s directives, as `_late` renders them."""
        assert self.render_context is not None
        collection, architecture, wanted = pickle.loads(arguments)
        content = self._site_content(collection, architecture, self.render_context[1])
        done = {
            (src, marker): content.directive(directive, url, src)
            for src, url, marker, directive in wanted
        }
        return pickle.dumps(done, pickle.HIGHEST_PROTOCOL)

    @event_priority(50)  # before search, so record headers and diagram tables are indexed
    def _before_search(
        self, context: Any, /, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> Any:
        self._take_directives(wait=False)
        if self.job is not None:
            self.job.poll()
        if self.content is not None and page.content:
            src, url, anchors = page.file.src_uri, page.url, set[str]()
            summaries: dict[str, str] = {}
            page.content = self.slots.fill(
                src, page.content, lambda slot: self._early(slot, src, url, anchors, summaries)
            )
            # Search indexes a term's text, never its link: each link tag would cost its HTML
            # parser on every page. The links come back once search has read the page.
            linked = page.content
            searched = kept = without_term_links(linked)
            # A record's header is filled in after indexing, since every tag in it would cost
            # the same parser; search reads a one-line summary of it instead, kept nowhere else.
            for marker, summary in summaries.items():
                searched = searched.replace(marker, summary + marker, 1)
            page.content = searched
            self.versions = _Versions(page, searched, linked, kept)
        else:
            self.versions = None
        return context

    @event_priority(-100)  # after search
    def _after_search(
        self, context: Any, /, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> Any:
        versions = self.versions
        if versions is not None and versions.page is page and page.content is versions.searched:
            page.content = versions.linked
        else:
            self.versions = None  # a plugin changed the page since: its version stands
        return context

    on_page_context = CombinedEvent(_before_search, _after_search)

    def _early(
        self, slot: Slot, src: str, page_url: str, anchors: set[str], summaries: dict[str, str]
    ) -> str | None:
        assert self.content is not None
        if slot.kind == "header":
            decision = self._decision(slot.data)
            if decision is None:
                return ""
            summaries[slot.marker] = self.content.summary(decision)
            return None
        if slot.kind == "diagram":
            source, position = slot.data
            return self.content.diagram(source, position, src, page_url, anchors)
        return None

    def _fill_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str | None:
        if self.content is None:
            return None
        src, url = page.file.src_uri, page.url
        output = self.slots.fill(src, output, lambda slot: self._late(slot, src, url))
        self.slots.clear(src)  # a build of thousands of pages would keep them all
        if page.file is self.glossary_file:
            output = self._usage_lists(output, url)
        return output

    @event_priority(-100)  # late: plugins before it read `page.content` with its links
    def _page_written(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str | None:
        # MkDocs keeps every page's content until the build ends; the written page has the
        # term links, and what is kept need not. At 5,000 records the links take ~15 MiB, and
        # leaving them out lowers the build's peak by ~10 MiB.
        versions, self.versions = self.versions, None
        if versions is not None and versions.page is page and page.content is versions.linked:
            page.content = versions.kept
        return None

    on_post_page = CombinedEvent(_fill_page, _page_written)

    def _late(self, slot: Slot, src: str, page_url: str) -> str | None:
        assert self.content is not None
        if slot.kind == "header":
            decision = self._decision(slot.data)
            if decision is None:
                return ""
            fragments = self.job.fragments_of(slot.data) if self.job is not None else None
            return self.content.header(decision, page_url, fragments.header if fragments else None)
        if slot.kind == "compare":
            decision = self._decision(slot.data)
            if decision is None:
                return ""
            fragments = self.job.fragments_of(slot.data) if self.job is not None else None
            return self.content.comparison(decision, fragments.comparison if fragments else None)
        if slot.kind == "directive":
            self._take_directives(wait=True)
            done = self.directives_done.pop((src, slot.marker), None)
            if done is not None and self.job is not None:
                (html,), problems = self.job.spool.get(done[0]), done[1]
            else:
                html, problems = self.content.directive(slot.data, page_url, src)
            self._report(problems, self.docs_dir)
            return html
        return None

    def _take_directives(self, *, wait: bool) -> None:
        """Take the directives a worker rendered, and let the workers go: it was their last
        task, and each holds memory."""
        future = self.directives_ahead
        if future is None or not (wait or future.done()):
            return
        self.directives_ahead = None
        job = self.job
        if job is None:
            return
        if not job.failed(future):  # otherwise `_late` renders them
            done: dict[tuple[str, str], tuple[str, list[Diagnostic]]]
            done = pickle.loads(future.result())
            # Tables of thousands of records, for pages written last: they wait on disk.
            self.directives_done = {
                key: (job.spool.put([html]), problems) for key, (html, problems) in done.items()
            }
        job.settle(future)

    def _decision(self, file: str) -> Decision | None:
        assert self.collection is not None
        return self.collection.by_file.get(file)

    def _usage_lists(self, output: str, page_url: str) -> str:
        assert self.content is not None
        for term in self.glossary_extension.glossary.terms:
            placeholder = USAGE_PLACEHOLDER.format(anchor=term.anchor)
            if placeholder in output:
                found = (self._decision(path) for path in self.term_usage.get(term.anchor, {}))
                used = [decision for decision in found if decision is not None]
                output = output.replace(
                    placeholder, self.content.term_usage(used, page_url, term.name)
                )
        return output

    @event_priority(50)  # before search writes its index, the build's largest allocation
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        self._unfreeze()
        if self.collection is None:
            return
        if self.config.json_export:
            self._write_json(self.collection, config)
        if self._feed_url(config) is not None:
            self._write_feed(self.collection, config)
        # Every page is written: what the plugin holds about thousands of records can go.
        if self.job is not None:
            if errors := self.job.errors:
                count = "a worker task" if len(errors) == 1 else f"{len(errors)} worker tasks"
                log.info(f"{count} failed ({errors[0]!r}); the build did the work itself")
            self.job.release()
        self.job = None
        self._reset()

    def _feed_url(self, config: MkDocsConfig) -> str | None:
        if not self.config.feed or not config.site_url:
            return None
        return config.site_url.rstrip("/") + "/" + FEED_FILE

    def _write_feed(self, collection: Collection, config: MkDocsConfig) -> None:
        style, files = StatusStyle(self.config.statuses), self.record_files
        text = atom_feed(
            collection.decisions,
            site_url=str(config.site_url),
            title=f"{config.site_name}: decisions",
            url_of=lambda decision: found.url if (found := files.get(decision.file)) else None,
            status_label=lambda decision: style.of(decision.status).label,
        )
        (Path(config.site_dir) / FEED_FILE).write_text(text, encoding="utf-8")

    def _write_json(self, collection: Collection, config: MkDocsConfig) -> None:
        files = self.record_files

        def url(decision: Decision) -> dict[str, Any]:
            file = files.get(decision.file)
            return {"url": file.url if file is not None else None}

        target = Path(config.site_dir) / "decisions.json"
        with target.open("w", encoding="utf-8") as out:
            write_json(collection, out, url, self._own_fields)

    def _prerendered_comparison(self, decision: Decision) -> str | None:
        fragments = self.job.fragments_of(decision.file) if self.job is not None else None
        return fragments.comparison if fragments is not None else None

    def _own_fields(self, decision: Decision) -> str:
        fragments = self.job.fragments_of(decision.file) if self.job is not None else None
        if fragments is not None:
            return fragments.record_json
        return json.dumps(record_fields(decision), ensure_ascii=False)

    def on_build_error(self, *, error: Exception) -> None:
        self._unfreeze()
        if self.job is not None:
            self.job.release()

    # --- glossary callbacks -------------------------------------------------------------------

    def _term_href(self, term: Term) -> str:
        file, page = self.glossary_file, self.current_page
        if file is None or page is None:
            return f"#{term.anchor}"
        # Linking runs after MkDocs resolved the page's links, so the URL must be final.
        target = self._glossary_paths.get(page.url)
        if target is None:
            target = self._glossary_paths[page.url] = get_relative_url(file.url, page.url)
        return f"{target}#{term.anchor}"

    def _term_used(self, term: Term) -> None:
        if self.current_record is None:
            return
        self.term_usage.setdefault(term.anchor, {})[self.current_record] = None

    def _glossary_problem(self, problem: Diagnostic) -> None:
        page, line = self.current_page, problem.line
        if page is not None and line is not None:
            line = _source_line(page, self.rendered.get(page.file.src_uri, ""), line)
        if self.current_record is not None:
            found = diagnostic(problem.code, self.current_record, line, problem.message)
            self._report([found], self.root)
        else:
            self._report(
                [diagnostic(problem.code, problem.file, line, problem.message)], self.docs_dir
            )

    def _report(self, diagnostics: list[Diagnostic], where: Path) -> None:
        for found in diagnostics:
            level = self.levels.get(found.code)
            if level == "ignore":
                continue
            severity = Severity(level) if level else found.severity
            path = _relative(where / found.file, self.base)
            line = f":{found.line}" if found.line is not None else ""
            log.log(_LOG_LEVELS[severity], f"{path}{line}: {found.code.value}: {found.message}")

    # --- serve -------------------------------------------------------------------------------

    def on_serve(self, server: Any, /, *, config: MkDocsConfig, builder: Any) -> Any:
        if self.config.enabled and not self.inside_docs:
            server.watch(str(self.root))
        if self.config.enabled and self.templates_dir is not None:
            server.watch(str(self.templates_dir))
        return server


def _file_order(path: str) -> tuple[str, int, str]:
    identity = identify(path)
    number = identity.number if identity.number is not None else 1 << 62
    return posixpath.dirname(path), number, path


def _source_line(page: Page, rendered: str, line: int) -> int | None:
    """The source-file line of `line` in the Markdown we handed MkDocs (front matter removed,
    marks inserted): the nearest source line with the same text."""
    lines = rendered.split("\n")
    if not 0 < line <= len(lines):
        return None
    try:
        source = Path(page.file.abs_src_path or "").read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return line
    wanted = lines[line - 1]
    matches = [n for n, text in enumerate(source.splitlines(), start=1) if text == wanted]
    return min(matches, key=lambda n: abs(n - line)) if matches else line


def _relative(path: Path, start: Path) -> str:
    # abspath, not resolve: a diagnostic about a symbolic link must name the link.
    resolved, base = Path(os.path.abspath(path)), Path(os.path.abspath(start))
    try:
        return resolved.relative_to(base).as_posix()
    except ValueError:
        return posixpath.relpath(resolved.as_posix(), base.as_posix())
