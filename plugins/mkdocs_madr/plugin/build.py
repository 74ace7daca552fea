"""One build of a site with the `madr` plugin: every piece of state it needs, made for it.

The order of work: `add_files` lists the records (from their names alone) and reads the
diagrams and the glossary; `start` hands the records to a `RecordJob`, which parses them, and
renders record pages, on the other cores; `page_markdown` marks where generated fragments go
(and hands MkDocs a record page a worker rendered); `join`, once every page is rendered,
joins the parsed records into a collection; the marks are filled in `fill_for_search` (what
search should index) and `fill_page` (the rest). Search reads a page without its glossary
links, and the content MkDocs keeps of a written page has none either; only the written page
has them.
"""

from __future__ import annotations

import gc
import json
import os
import pickle
import secrets
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from markupsafe import escape

from ..c4 import C4Index
from ..core.cache import RecordCache
from ..core.citations.scan import CitationScan, citation_scope, scan_repository
from ..core.collection import Collection, FolderError, read_folder
from ..core.diagnostics import Diagnostic, diagnostic
from ..core.export import record_fields
from ..core.git_history import attach_history
from ..core.model import Decision
from ..core.parse.front_matter import without_toml_front_matter
from ..core.settings import Settings
from ..core.sources.read import SourceRecords, join_sources, read_sources
from ..core.team_facts import add_team_facts
from ..glossary import without_term_links
from ..parallel.pool import Handle
from ..parallel.records import FragmentCache, JobContext, ParseCache, RecordJob
from ..parallel.spool import Spooled
from ..site.architecture import Architecture, link_architecture
from ..site.checks import DocPage, read_architecture
from ..site.cited_in import CitedIn, SourceLinks
from ..site.content import SiteContent, Urls
from ..site.directives import Directive, replace_lines, scan_page
from ..site.fragments import PagePlan, element_info
from ..site.llms import SiteFacts
from ..site.page_titles import record_title, title_html_of_html
from ..site.record_page import Marks, decorate
from ..site.render.colours import colour_problems
from ..site.render.facts import FactsRenderer, header_shows, review_entries
from ..site.render.renderer import Renderer
from ..site.render.views import StatusStyle
from .agent_files import AgentFiles, plan_agent_files, write_agent_files, write_in_worker
from .history import HistoryReading
from .host import Files, MkDocsConfig, Navigation, Page, PluginError, get_relative_url
from .navigation import add_decision_log
from .outputs import FEED_FILE, JSON_FILE, feed_url, write_decisions_json, write_feed
from .page_cache import PageCache
from .render_cache import RenderCache
from .reporting import Reporter, log
from .search_cache import SearchCache
from .site_files import MERMAID_URI, TITLES, SiteFiles, file_order
from .slots import CompareSlot, DiagramSlot, DirectiveSlot, FoldSlot, HeaderSlot, Slot, Slots
from .source_files import add_source_pages, set_edit_url
from .template_code import TemplateCode
from .term_links import TermLinks
from .worker_pages import RecordPageRenderer, RenderedPage, render_with

_PAGE_PURPOSES = {
    "index": "the decision log, every record with its status",
    "in_force": "the decisions in force, by category, tag and architecture element",
    "graph": "which record supersedes, amends or relates to which",
}
"""The generated pages llms.txt lists, and what each is for."""
_Directives = dict[tuple[str, str], tuple[str, list[Diagnostic]]]
"""(page, mark) → the directive's HTML and the problems with its arguments."""
BUILD_CACHE = "packed-record"
"""The disk cache's variant for builds: whole records, each packed on its own, since workers
unpack only those they need."""
FREEZE_ABOVE = 500
"""From this many records on, the collector skips long-lived objects during a build (`_freeze`)."""


@dataclass
class ServeCache:
    """What outlives one build under `mkdocs serve`: records and fragments of unchanged files,
    what Python-Markdown, the theme and the search index made of unchanged pages, and the
    theme's compiled templates."""

    records: ParseCache
    fragments: FragmentCache
    token: str = field(default_factory=lambda: secrets.token_hex(6))
    """The slots' token for the whole session: a page whose content is unchanged is then the
    same text, and its HTML can be kept."""
    pages: PageCache = field(init=False)
    renders: RenderCache = field(init=False)
    search: SearchCache = field(init=False)
    templates: TemplateCode = field(init=False)

    def __post_init__(self) -> None:
        self.pages = PageCache(self.token)
        self.renders = RenderCache()
        self.search = SearchCache()
        self.templates = TemplateCode()


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


class Build:
    """The plugin's work in one MkDocs build (a serve rebuild is a new one)."""

    def __init__(
        self, settings: Settings, config: MkDocsConfig, *, serving: bool, cache: ServeCache
    ) -> None:
        self.settings = settings
        self.serving = serving
        self.cache = cache
        self.root = settings.decisions_dir.resolve()
        if not self.root.is_dir():
            shown = os.path.relpath(settings.decisions_dir, settings.base)
            raise PluginError(
                f"madr: decisions_dir '{shown}' is not a folder (looked for {self.root})"
            )
        self.docs_dir = Path(config.docs_dir).resolve()
        self.labels = settings.site_labels(_theme_language(config))
        self.reporter = Reporter(settings.levels, settings.base)
        self._check_colours()
        self.files = SiteFiles(settings, self.root, self.docs_dir, self.labels)
        self.feed = feed_url(settings.feed, config.site_url)
        self.site_name = config.site_name
        self.terms = TermLinks(settings, self._glossary_problem)
        self.slots = Slots(cache.token) if serving else Slots()
        self.architecture = Architecture(C4Index([]))
        self.record_paths: list[str] = []
        """Every Markdown file of the folder, records or not, in the order pages come."""
        self.scan_problems: list[Diagnostic] = []
        self.extra = SourceRecords()
        """The records of the other decision logs (`sources:`)."""
        self.plan: PagePlan | None = None
        self.job: RecordJob | None = None
        self.history: HistoryReading | None = None
        self.header_shows = header_shows(settings.fields)
        self.collection: Collection | None = None
        self.content: SiteContent | None = None
        self.worker_pages = 0
        self.directives_ahead: Handle[_Directives] | None = None
        self.directives_done: dict[tuple[str, str], tuple[Spooled, list[Diagnostic]]] = {}
        """(page, mark) → where the worker's HTML waits in the job's spool, and its
        diagnostics."""
        self.rendered: dict[str, str] = {}
        """The Markdown of the page being rendered, which alone can report lines."""
        self.source: tuple[str, str] = ("", "")
        """The record last read for its page, and its text."""
        self.versions: _Versions | None = None
        self.frozen = False
        for uri, target in (("madr.css", config.extra_css), ("madr.js", config.extra_javascript)):
            wanted = f"assets/madr/{uri}"
            if wanted not in [str(entry) for entry in target]:
                target.append(wanted)
        self.def_list = any(str(name).endswith("def_list") for name in config.markdown_extensions)
        self.terms.register(config)
        self.site_dir = Path(config.site_dir)
        self.sources = SourceLinks(config.repo_url, config.edit_uri, self.docs_dir, settings.base)
        self.citations: CitationScan | None = None
        self.site_facts = _site_facts(config)
        self.agent_files: tuple[AgentFiles, Handle[int] | None] | None = None

    def _check_colours(self) -> None:
        config = self.settings.config_file
        try:
            text = config.read_text(encoding="utf-8-sig") if config is not None else ""
        except (OSError, UnicodeDecodeError):
            text = ""
        name = config.name if config is not None else "mkdocs.yml"
        problems = colour_problems(self.settings.statuses, name, text)
        self.reporter.report(problems, config.parent if config is not None else self.root)

    # --- files and navigation ------------------------------------------------------------

    def add_files(self, files: Files, config: MkDocsConfig) -> None:
        try:
            found = read_folder(self.root, self.settings.links(self.root))
        except FolderError as error:
            raise PluginError(f"madr: {error}") from None
        paths, self.scan_problems = found.files, found.problems
        self.files.drop_refused(found.refused, files)
        self.files.add_records(paths, files, config)
        self._read_sources(files, config)
        self.reporter.report(self.files.problems, self.root)
        self.reporter.report(self.terms.read_glossary(files, self.def_list), self.docs_dir)
        has_diagrams = self._read_diagrams(files)
        self.files.add_generated(has_diagrams, files, config)
        self.record_paths = sorted(paths, key=file_order)
        self.plan = self._plan(files)
        self.files.add_assets(files, config)

    def _read_sources(self, files: Files, config: MkDocsConfig) -> None:
        settings = self.settings
        if not settings.sources:
            return
        self.extra = read_sources(
            settings.sources,
            base=settings.base,
            root=self.root,
            config_file=settings.config_file,
            vocabulary=settings.vocabulary,
            follow=settings.follow_symlinks,
        )
        add_source_pages(self.files, self.extra, files, config)

    def _read_diagrams(self, files: Files) -> bool:
        records = {id(file) for file in self.files.records.values()}
        pages = (
            DocPage(file.src_uri, file.src_uri, file.content_string)
            for file in files.documentation_pages()
            if id(file) not in records and file.generated_by is None
        )
        index, problems = read_architecture(pages)
        self.architecture = Architecture(index)
        self.reporter.report(problems, self.docs_dir)
        return bool(index.diagrams)

    def _plan(self, files: Files) -> PagePlan:
        """What rendering each record's own header and comparison needs."""
        elements = element_info(
            self.architecture.index,
            lambda page: found.url if (found := files.get_file_from_path(page)) else None,
            self.labels,
        )
        index = self.files.pages.get("index")
        return PagePlan(
            statuses=tuple((str(k), str(v)) for k, v in self.settings.statuses.items()),
            templates_dir=self.settings.templates_dir,
            labels=tuple(self.labels.items()),
            pages={path: file.url for path, file in self.files.records.items()},
            index_url=index.url if index is not None else None,
            elements=elements,
        )

    def start(self, config: MkDocsConfig, files: Files) -> None:
        """Parse, and render, records in the background, now that the files are final."""
        # Pages are rendered in forked workers, which a process must not do once it runs
        # threads: a serve process does from its first rebuild on, not in its first build.
        render = self.settings.parallel and (not self.serving or threading.active_count() == 1)
        cache = self.cache if self.serving else None  # caches only pay off across rebuilds
        settings = self.settings
        cache_dir = settings.cache_dir()
        disk = (
            RecordCache.open(cache_dir, self.root, settings.vocabulary, BUILD_CACHE)
            if cache_dir is not None
            else None
        )
        self.job = RecordJob(
            self.root,
            self.record_paths,
            cache=cache.records if cache else None,
            plan=self.plan,
            fragment_cache=cache.fragments if cache else None,
            workers=None if self.settings.parallel else 0,
            renderer=RecordPageRenderer(self, config, files) if render else None,
            vocabulary=self.settings.vocabulary,
            disk=disk,
        ).start()
        count, parsed = len(self.record_paths), len(self.job.parsed)
        log.debug(f"{count} records ({parsed} parsed, {count - parsed} from cache)")
        if self.settings.history:  # after the workers are forked: a thread must not be copied
            self.history = HistoryReading(self.root, self.settings.vocabulary)

    def add_navigation(self, nav: Navigation) -> None:
        ours = {id(file) for file in [*self.files.records.values(), *self.files.pages.values()]}
        if any(id(page.file) in ours for page in nav.pages):
            return  # the author placed the decisions in the nav; respect that
        mode, count = self.settings.nav, len(self.files.records)
        listed = mode == "all" or (mode == "auto" and count <= self.settings.nav_threshold)
        records = self.files.records if listed else {}
        # A source's records are listed in a section named after it, like a folder's.
        records = {self._nav_path(path): file for path, file in records.items()}
        title = self.settings.index_title or self.labels["decision_log"]
        add_decision_log(nav, title, list(self.files.pages.values()), records)

    def _nav_path(self, path: str) -> str:
        decision = self.extra.record(path)
        if decision is None or decision.source is None:
            return path
        return f"{decision.source}/{self.extra.inner[path]}"

    # --- page Markdown -------------------------------------------------------------------

    def record_source(self, page: Page) -> str | None:
        """A record page's source, read so that bytes which are not UTF-8 or an unreadable
        file give a page and a diagnostic instead of stopping the build; None for others."""
        path = self.files.record_path(page.file)
        return self.read_record(path) if path is not None else None

    def read_record(self, path: str) -> str:
        try:
            data = (self.root / path).read_bytes()
        except OSError as error:
            reason = escape(error.strerror or type(error).__name__)
            return f"# {escape(path)}\n\nThis record could not be read: {reason}.\n"
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = data.decode("utf-8", errors="replace")
        self.source = (path, text)
        return without_toml_front_matter(text)

    def markdown(self, markdown: str, page: Page) -> str:
        """The page's Markdown with its marks; a record page a worker rendered is taken."""
        record = self.files.record_path(page.file)
        job = self.job
        decision = job.result(record) if record is not None and job is not None else None
        if record is not None and record in self.extra.inner:
            decision = self.extra.record(record)
            set_edit_url(page, self.extra, record)
        markdown = self.page_markdown(markdown, page, record, decision)
        rendered = job.page_of(record) if record is not None and job is not None else None
        if isinstance(rendered, RenderedPage):
            render_with(page, rendered, self._rendered_in_worker)
        return markdown

    def page_markdown(
        self, markdown: str, page: Page, record: str | None, decision: Decision | None
    ) -> str:
        """Marks where fragments go; the same in the build and in a worker rendering the page."""
        src = page.file.src_uri
        self.terms.begin_page(page, record)
        self.slots.clear(src)
        if decision is not None and decision.is_record:
            page.meta.pop("status", None)  # Material would badge it in every sidebar entry
            # The record's number and title ("ADR-0001: Use X" for Nygard's "1. Use X"), for the
            # tab, the navigation and search, whatever the front matter says; MkDocs would print
            # a `title:` of the front matter, or the file name, as HTML.
            title = record_title(decision)
            if title is not None:
                page.meta["title"] = title
            markdown = self._mark_record(markdown, decision, src)
        markdown = self._mark_page(markdown, page)
        self.rendered = {src: markdown}
        return markdown

    def page_done(self, src: str) -> None:
        """Forget what marking a page left behind (in a worker, after rendering it)."""
        self.slots.clear(src)
        self.rendered, self.source = {}, ("", "")

    def _rendered_in_worker(self, rendered: RenderedPage) -> None:
        self.worker_pages += 1
        if self.terms.record is not None:
            self.terms.add_usage(self.terms.record, rendered.terms)

    def _mark_record(self, markdown: str, decision: Decision, src: str) -> str:
        if self.source[0] != decision.file:
            return markdown  # read_source did not run for it: another plugin supplied the text
        text = self.source[1]
        lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        marks = Marks(self.slots.add(src, partial(HeaderSlot, decision.file)))
        if decision.options:
            marks = Marks(
                marks.header,
                self.slots.add(src, partial(CompareSlot, decision.file)),
                self.slots.add(src, partial(FoldSlot, True)),
                self.slots.add(src, partial(FoldSlot, False)),
            )
        return decorate(markdown, decision, lines, marks, self.header_shows)

    def _mark_page(self, markdown: str, page: Page) -> str:
        src = page.file.src_uri
        scan = scan_page(markdown, src)
        for problem in scan.problems:
            line = _source_line(page, markdown, problem.line) if problem.line else None
            self.reporter.report(
                [diagnostic(problem.code, src, line, problem.message)], self.docs_dir
            )
        replacements = []
        for found in scan.directives:
            found.shown_line = _source_line(page, markdown, found.line) or found.line
            marker = self.slots.add(src, partial(DirectiveSlot, found))
            replacements.append((found.line, found.end, marker))
        for position, fence in enumerate(scan.c4_fences):
            marker = self.slots.add(src, partial(DiagramSlot, fence.content, position))
            replacements.append((fence.line, fence.end, marker))
        return replace_lines(markdown, replacements) if replacements else markdown

    # --- the records, joined ---------------------------------------------------------------

    def join(self, files: Files) -> None:
        """Every page is rendered: the records become a collection, and fragments can be made."""
        # Here rather than per page: the navigation, which a theme may show tables of contents
        # in, is then what it will be while pages are rendered (see `page_cache`).
        for file in files:
            if isinstance(file.page, Page) and self.files.is_ours(file):
                _title_contents(file.page.toc)
        if self.job is None:
            return
        parsed = self.job.results()
        self.job.save()
        self._freeze()
        rendered, count = self.worker_pages, len(self.files.records)
        log.debug(f"{rendered} of {count} record pages rendered by workers")
        collection = join_sources(
            self.root, parsed, self.scan_problems, self.extra, statuses=self.settings.statuses
        )
        add_team_facts(collection, self.settings)
        # Records kept from the last build under serve may carry the history read then.
        found = self.history.result() if self.history is not None else {}
        attach_history(collection.decisions, found)
        self.collection = collection
        self._title_pages([*parsed, *self.extra.decisions])
        self.architecture, link_problems = link_architecture(collection, self.architecture.index)
        self.reporter.report(collection.all_diagnostics() + link_problems, self.root)
        self._scan_citations(collection)
        self.content = _site_content(self, collection, self.architecture, files)
        self.job.prerender()
        self.directives_ahead = self._directives_in_worker(collection, files)
        self._agent_files_in_worker(collection)
        self.job.settle()

    def _scan_citations(self, collection: Collection) -> None:
        """Where the repository cites records: once per build, for every record's header."""
        if not self.settings.citations.enabled:
            return
        scope = citation_scope(self.settings, self.site_dir)
        self.citations = scan_repository(scope, collection)
        self.reporter.report(self.citations.diagnostics, scope.root)

    def _agent_files_in_worker(self, collection: Collection) -> None:
        """Plan the files for coding agents, and hand their writing to a worker if one is
        idle (MkDocs has cleaned site_dir before this event)."""
        if not self.settings.llms_txt or self.job is None:
            return
        facts = SiteFacts(
            self.site_facts.name,
            self.site_facts.description,
            self.site_facts.base,
            self._agent_pages(),
        )
        planned = plan_agent_files(collection, self.root, self.site_dir, self.files.records, facts)
        handle = self.job.submit_after(write_in_worker, pickle.dumps(planned))
        self.agent_files = (planned, handle)

    def _take_agent_files(self, *, wait: bool) -> None:
        """The agent files written by a worker (or, without one, here)."""
        if self.agent_files is None:
            return
        planned, handle = self.agent_files
        if handle is not None and not (wait or handle.done()):
            return
        self.agent_files = None
        if handle is None:
            write_agent_files(planned)
            return
        log.debug(f"agent files written in process {handle.result()}")
        if self.job is not None:
            self.job.settle(handle)

    def _agent_pages(self) -> list[tuple[str, str, str]]:
        """The generated pages llms.txt points agents to, and decisions.json."""
        pages = [
            (self.labels[TITLES[name]], file.url, _PAGE_PURPOSES[name])
            for name, file in self.files.pages.items()
            if name in _PAGE_PURPOSES
        ]
        if self.settings.json_export:
            pages.append(("decisions.json", JSON_FILE, "every record as data"))
        return pages

    def _title_pages(self, parsed: list[Decision]) -> None:
        """Every page of the plugin's gets a title safe to print as HTML, before any template
        prints one: the records' from what they say, the others' from their rendered heading."""
        by_file = {decision.file: decision for decision in parsed}
        for path, file in self.files.records.items():
            page, decision = file.page, by_file.get(path)
            if isinstance(page, Page):
                title = record_title(decision, page.title or "") if decision is not None else None
                page.meta["title"] = title or title_html_of_html(page.title or "")
        for file in self.files.generated_pages():
            if isinstance(file.page, Page):
                file.page.meta["title"] = title_html_of_html(file.page.title or "")

    def _directives_in_worker(
        self, collection: Collection, files: Files
    ) -> Handle[_Directives] | None:
        """Hand the directives that list records (the log, timeline, graph, coverage) to a
        worker, idle once pages are rendered: their pages are written last, and at thousands of
        records each is a large table."""
        wanted = []
        for src, slots in self.slots.pages.items():
            page = files.get_file_from_path(src)
            for slot in slots:
                if (
                    page is not None
                    and isinstance(slot, DirectiveSlot)
                    and slot.directive.name != "compare"
                ):
                    wanted.append((src, page.url, slot.marker, slot.directive))
        if not wanted or self.job is None:
            return None
        # The citations were scanned after the workers forked: they travel with the records.
        arguments = (collection, self.architecture, wanted, self.citations)
        return self.job.submit_after(_render_directives, pickle.dumps(arguments))

    def _freeze(self) -> None:
        """Let Python's cycle collector skip what exists now until the build ends.

        What MkDocs has read before rendering pages, and the rendered pages and parsed records
        before writing them, all live until the build ends, yet each full pass of the collector
        walks all of it again; the plugin's records make those passes longer and more frequent
        (about a second in all at 5,000 records). Young objects are collected first, so little
        garbage is kept.
        """
        if len(self.files.records) >= FREEZE_ABOVE:
            gc.collect(1)
            gc.freeze()
            self.frozen = True

    def _unfreeze(self) -> None:
        if self.frozen:
            gc.unfreeze()
            self.frozen = False

    # --- filling the marks -------------------------------------------------------------------

    def fill_for_search(self, page: Page) -> None:
        """Fill what search should index, and hand search the page without its term links."""
        self._take_directives(wait=False)
        self._take_agent_files(wait=False)
        if self.job is not None:
            self.job.poll()
        if self.content is None or not page.content:
            self.versions = None
            return
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

    def after_search(self, page: Page) -> None:
        versions = self.versions
        if versions is not None and versions.page is page and page.content is versions.searched:
            page.content = versions.linked
        else:
            self.versions = None  # a plugin changed the page since: its version stands

    def _early(
        self, slot: Slot, src: str, page_url: str, anchors: set[str], summaries: dict[str, str]
    ) -> str | None:
        assert self.content is not None
        if isinstance(slot, HeaderSlot):
            decision = self._decision(slot.record)
            if decision is None:
                return ""
            summaries[slot.marker] = self.content.summary(decision)
            return None
        if isinstance(slot, DiagramSlot):
            return self.content.diagram(slot.source, slot.position, src, page_url, anchors)
        return None

    def fill_page(self, output: str, page: Page) -> str | None:
        if self.content is None:
            return None
        src, url = page.file.src_uri, page.url
        output = self.slots.fill(src, output, lambda slot: self._late(slot, src, url))
        self.slots.clear(src)  # a build of thousands of pages would keep them all
        if page.file is self.terms.file:
            output = self.terms.usage_lists(output, url, self.content)
        return self._with_head(output, url)

    def _with_head(self, output: str, page_url: str) -> str:
        """The page with the feed's discovery link, and, on a page with the author's own
        Mermaid diagrams, the configured Mermaid: Material draws them with a Mermaid already
        loaded instead of fetching its own from a CDN."""
        added = ""
        if self.feed is not None:
            href = escape(get_relative_url(FEED_FILE, page_url))
            title = escape(self.labels["feed_title"].format(site=self.site_name))
            added += (
                f'<link rel="alternate" type="application/atom+xml" title="{title}" href="{href}">'
            )
        if 'class="mermaid"' in output:
            added += f'<script src="{escape(self._mermaid_from(page_url))}" defer></script>'
        return output.replace("</head>", added + "</head>", 1) if added else output

    def _mermaid_from(self, page_url: str) -> str:
        if self.settings.mermaid_is_file:
            return get_relative_url(MERMAID_URI, page_url)
        return self.settings.mermaid_js

    def page_written(self, page: Page) -> None:
        # MkDocs keeps every page's content until the build ends; the written page has the
        # term links, and what is kept need not. At 5,000 records the links take ~15 MiB, and
        # leaving them out lowers the build's peak by ~10 MiB.
        versions, self.versions = self.versions, None
        if versions is not None and versions.page is page and page.content is versions.linked:
            page.content = versions.kept

    def _late(self, slot: Slot, src: str, page_url: str) -> str | None:
        content, job = self.content, self.job
        assert content is not None
        if isinstance(slot, HeaderSlot):
            decision = self._decision(slot.record)
            if decision is None:
                return ""
            fragments = job.fragments_of(slot.record) if job is not None else None
            return content.header(decision, page_url, fragments.header if fragments else None)
        if isinstance(slot, CompareSlot):
            decision = self._decision(slot.record)
            if decision is None:
                return ""
            fragments = job.fragments_of(slot.record) if job is not None else None
            return content.comparison(decision, fragments.comparison if fragments else None)
        if isinstance(slot, FoldSlot):
            return content.fold(slot.opening)
        if isinstance(slot, DirectiveSlot):
            self._take_directives(wait=True)
            done = self.directives_done.pop((src, slot.marker), None)
            if done is not None and job is not None:
                (html,), problems = job.spool.get(done[0]), done[1]
            else:
                html, problems = content.directive(slot.directive, page_url, src)
            self.reporter.report(problems, self.docs_dir)
            return html
        return None

    def _take_directives(self, *, wait: bool) -> None:
        """Take the directives a worker rendered, and let the workers go: it was their last
        task, and each holds memory."""
        handle = self.directives_ahead
        if handle is None or not (wait or handle.done()):
            return
        self.directives_ahead = None
        job = self.job
        if job is None:
            return
        # Tables of thousands of records, for pages written last: they wait on disk.
        self.directives_done = {
            key: (job.spool.put([html]), problems)
            for key, (html, problems) in handle.result().items()
        }
        job.settle(handle)

    def _decision(self, file: str) -> Decision | None:
        assert self.collection is not None
        return self.collection.by_file.get(file)

    # --- after the pages --------------------------------------------------------------------

    def finish(self, config: MkDocsConfig) -> None:
        """Every page is written: write the JSON and the feed, and let everything go."""
        self._unfreeze()
        collection = self.collection
        if collection is not None:
            site_dir = Path(config.site_dir)
            if self.settings.json_export:
                write_decisions_json(
                    collection,
                    site_dir,
                    self.files.records,
                    self._own_fields,
                    site_url=config.site_url or None,
                    elsewhere=self.extra.urls,
                )
            self._take_agent_files(wait=True)
            if self.feed is not None:
                write_feed(
                    collection,
                    site_dir,
                    self.files.records,
                    site_url=str(config.site_url),
                    title=self.labels["feed_title"].format(site=config.site_name),
                    style=StatusStyle(self.settings.statuses, self.labels),
                    due=review_entries(collection, self.settings, self.labels),
                )
        if self.job is not None:
            if errors := self.job.errors:
                count = "a worker task" if len(errors) == 1 else f"{len(errors)} worker tasks"
                log.info(f"{count} failed ({errors[0]!r}); the build did the work itself")
            self.job.release()
        self.job = None
        self.collection = self.content = None

    def abort(self) -> None:
        self._unfreeze()
        if self.job is not None:
            self.job.release()

    def _own_fields(self, decision: Decision) -> str:
        fragments = self.job.fragments_of(decision.file) if self.job is not None else None
        if fragments is not None:
            return fragments.record_json
        return json.dumps(record_fields(decision), ensure_ascii=False)

    # --- glossary problems ------------------------------------------------------------------

    def _glossary_problem(self, problem: Diagnostic, record: str | None) -> None:
        page, line = self.terms.page, problem.line
        if page is not None and line is not None:
            line = _source_line(page, self.rendered.get(page.file.src_uri, ""), line)
        if record is not None:
            found = diagnostic(problem.code, record, line, problem.message)
            self.reporter.report([found], self.root)
        else:
            self.reporter.report(
                [diagnostic(problem.code, problem.file, line, problem.message)], self.docs_dir
            )

    # --- serve ------------------------------------------------------------------------------

    def watched(self) -> list[Path]:
        """Folders `mkdocs serve` must watch besides docs_dir."""
        found = [] if self.files.inside_docs else [self.root]
        found += self.extra.folders.values()
        if self.settings.templates_dir is not None:
            found.append(self.settings.templates_dir)
        return found


def _site_content(
    build: Build, collection: Collection, architecture: Architecture, files: Files
) -> SiteContent:
    """What pages show, relative to each page: the build's own, or a worker's copy of it."""
    by_file = {decision.file: decision for decision in collection.decisions}
    settings, job = build.settings, build.job
    urls = Urls(
        records={
            **build.extra.urls,
            **{
                by_file[path].key: file.url
                for path, file in build.files.records.items()
                if path in by_file
            },
        },
        pages={name: file.url for name, file in build.files.pages.items()},
        relative=_relative_url,
        mermaid=MERMAID_URI if settings.mermaid_is_file else settings.mermaid_js,
        mermaid_local=settings.mermaid_is_file,
        data=JSON_FILE if settings.json_export else None,
        feed=FEED_FILE if build.feed is not None else None,
    )
    renderer = Renderer(collection, settings.statuses, settings.templates_dir, build.labels)

    def comparison(decision: Decision) -> tuple[str, str] | None:
        fragments = job.fragments_of(decision.file) if job is not None else None
        return (fragments.comparison, fragments.justification) if fragments is not None else None

    elements = build.plan.elements if build.plan is not None else {}
    scan = build.citations
    labels = build.labels
    cited = (
        CitedIn(scan.by_record(), build.sources, labels["cited_in"], labels["and_more"])
        if scan is not None
        else None
    )
    facts = FactsRenderer(renderer.env, renderer.labels, renderer.style, settings)
    return SiteContent(collection, architecture, renderer, urls, elements, comparison, cited, facts)


def _relative_url(target: str, page_url: str) -> str:
    """The link from a page to `target`; a record of another site keeps its full address."""
    if "://" in target:
        return target
    return get_relative_url(target, page_url)


def _title_contents(items: Iterable[Any]) -> None:
    """Table-of-contents entries of a page of the plugin's, safe to decode twice: Material
    shows them in the sidebars, and a truncated one in a tooltip (see `site.page_titles`)."""
    for item in items:
        item.title = title_html_of_html(item.title)
        _title_contents(item.children)


def _render_directives(context: JobContext, arguments: bytes) -> _Directives:
    """In a worker: the directives `Build._directives_in_worker` handed it, rendered as the
    build would (`Build._late`), from the worker's copy of the build."""
    renderer = context.renderer
    assert isinstance(renderer, RecordPageRenderer)
    collection, architecture, wanted, citations = pickle.loads(arguments)
    build = renderer.build
    build.job = None  # the worker's copy of the job has no fragments to give
    build.citations = citations
    content = _site_content(build, collection, architecture, renderer.files)
    found: list[tuple[str, str, str, Directive]] = wanted
    return {
        (src, marker): content.directive(directive, url, src)
        for src, url, marker, directive in found
    }


def _site_facts(config: MkDocsConfig) -> SiteFacts:
    """What llms.txt says of the site; its links are absolute when the site has an address."""
    base = str(config.site_url).rstrip("/") + "/" if config.site_url else ""
    description = config.site_description
    return SiteFacts(config.site_name, str(description) if description else None, base)


def _theme_language(config: MkDocsConfig) -> str | None:
    """The theme's language: Material's `language`, or MkDocs' own themes' `locale`."""
    theme = config.theme
    found = theme.get("language") or theme.get("locale")
    return str(found) if found else None


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


__all__ = ["Build", "ServeCache"]
