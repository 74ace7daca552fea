"""The `madr` MkDocs plugin: a dispatcher of MkDocs' events to the build in progress.

The work of one build, and its state, live in `build.Build`; what outlives a build under
`mkdocs serve` (records and fragments of unchanged files) lives here.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..core.settings import SettingsError, read_options
from ..parallel.records import FragmentCache, ParseCache
from .build import Build, ServeCache
from .config import MadrConfig
from .host import (
    BasePlugin,
    CombinedEvent,
    Files,
    MkDocsConfig,
    Navigation,
    Page,
    PluginError,
    event_priority,
)
from .page_cache import PageRound
from .render_cache import RenderRound
from .search_cache import SearchRound


class MadrPlugin(BasePlugin[MadrConfig]):
    """Publishes a folder of decision records as pages, with an index, timeline and graph."""

    def __init__(self) -> None:
        self.command = "build"
        self.dirty = False
        self.cache = ServeCache(ParseCache(), FragmentCache())
        self.build: Build | None = None
        self.nav: Navigation | None = None
        self.renders: RenderRound | None = None
        self.pages: PageRound | None = None
        self.searches: SearchRound | None = None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Defining on_startup keeps this instance across `mkdocs serve` rebuilds, and with it
        # the parse cache.
        self.command = command
        self.dirty = dirty

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        self.build = None  # MkDocs keeps this instance between builds: each starts clean
        self.nav = self.renders = self.pages = self.searches = None
        config_file = Path(config.config_file_path or "mkdocs.yml").absolute()
        try:
            settings = read_options(self.config, config_file, docs_dir=config.docs_dir)
        except SettingsError as error:
            raise PluginError(str(error)) from None
        if not settings.enabled:
            return None
        self.build = Build(settings, config, serving=self.command == "serve", cache=self.cache)
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files | None:
        if self.build is None:
            return None
        self.build.add_files(files, config)
        return files

    def _start(
        self, nav: Navigation, /, *, config: MkDocsConfig, files: Files
    ) -> Navigation | None:
        if self.build is None:
            return None
        self.build.start(config, files)
        self.build.add_navigation(nav)
        if self.build.serving and not self.dirty:
            self.renders = self.cache.renders.begin(self.build.terms)
        return nav

    @event_priority(-100)  # the navigation pages are rendered with, after every plugin's
    def _final_nav(
        self, nav: Navigation, /, *, config: MkDocsConfig, files: Files
    ) -> Navigation | None:
        self.nav = nav
        return None

    on_nav = CombinedEvent(_start, _final_nav)

    def on_page_read_source(self, /, *, page: Page, config: MkDocsConfig) -> str | None:
        return self.build.record_source(page) if self.build is not None else None

    @event_priority(-50)  # late: plugins that evaluate templates (macros) never see our marks
    def on_page_markdown(
        self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        if self.build is None:
            return None
        markdown = self.build.markdown(markdown, page)
        if self.renders is not None:
            self.renders.wrap(page)
        return markdown

    def _join(self, env: Any, /, *, config: MkDocsConfig, files: Files) -> Any:
        if self.renders is not None:
            self.renders.finish(config, files)
            self.renders = None
        if self.build is not None:
            self.build.join(files)
        return env

    @event_priority(-100)  # once every plugin has done with what pages are rendered from
    def _keep_pages(self, env: Any, /, *, config: MkDocsConfig, files: Files) -> Any:
        if self.build is not None and self.build.serving and not self.dirty:
            self.pages = self.cache.pages.begin(env, config, files, self.nav)
            self.searches = self.cache.search.begin(config)
            if env.bytecode_cache is None:
                env.bytecode_cache = self.cache.templates
        return env

    on_env = CombinedEvent(_join, _keep_pages)

    @event_priority(100)  # first: the template sees the first page's own metadata
    def on_pre_template(self, template: Any, /, *, template_name: str, config: MkDocsConfig) -> Any:
        if self.pages is not None:
            self.pages.hold()
        return template

    @event_priority(-100)  # last
    def on_post_template(
        self, output_content: str, /, *, template_name: str, config: MkDocsConfig
    ) -> str | None:
        if self.pages is not None:
            self.pages.release()
        return None

    @event_priority(100)  # first: MkDocs has picked the template, the page gets its own back
    def _template_chosen(
        self, context: Any, /, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> Any:
        if self.pages is not None:
            self.pages.disarm(page)
        return context

    @event_priority(50)  # before search, so record headers and diagram tables are indexed
    def _before_search(
        self, context: Any, /, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> Any:
        if self.build is not None:
            self.build.fill_for_search(page)
        return context

    @event_priority(-100)  # after search: the page gets its term links back
    def _after_search(
        self, context: Any, /, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> Any:
        if self.build is not None:
            self.build.after_search(page)
        return context

    on_page_context = CombinedEvent(_template_chosen, _before_search, _after_search)

    def _fill_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str | None:
        return self.build.fill_page(output, page) if self.build is not None else None

    @event_priority(-100)  # late: plugins before it read `page.content` with its links
    def _page_written(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str | None:
        if self.build is not None:
            self.build.page_written(page)
        return None

    @event_priority(-100)  # last: MkDocs picks the next page's template after this
    def _next_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str | None:
        if self.pages is not None:
            self.pages.next_page(page)
        return None

    on_post_page = CombinedEvent(_fill_page, _page_written, _next_page)

    @event_priority(100)  # first: what pages were rendered from, before plugins let it go
    def _pages_done(self, *, config: MkDocsConfig) -> None:
        if self.pages is not None:
            self.pages.finish()
            self.pages = None
        if self.searches is not None:
            self.searches.finish()
            self.searches = None

    @event_priority(50)  # before search writes its index, the build's largest allocation
    def _finish(self, *, config: MkDocsConfig) -> None:
        if self.build is not None:
            self.build.finish(config)

    on_post_build = CombinedEvent(_pages_done, _finish)

    def on_build_error(self, *, error: Exception) -> None:
        self.renders = self.searches = None
        if self.pages is not None:
            self.pages.abort()
            self.pages = None
        if self.build is not None:
            self.build.abort()

    def on_serve(self, server: Any, /, *, config: MkDocsConfig, builder: Any) -> Any:
        for folder in self.build.watched() if self.build is not None else []:
            server.watch(str(folder))
        return server
