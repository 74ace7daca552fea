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


class MadrPlugin(BasePlugin[MadrConfig]):
    """Publishes a folder of decision records as pages, with an index, timeline and graph."""

    def __init__(self) -> None:
        self.command = "build"
        self.cache = ServeCache(ParseCache(), FragmentCache())
        self.build: Build | None = None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Defining on_startup keeps this instance across `mkdocs serve` rebuilds, and with it
        # the parse cache.
        self.command = command

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        self.build = None  # MkDocs keeps this instance between builds: each starts clean
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

    def on_nav(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation | None:
        if self.build is None:
            return None
        self.build.start(config, files)
        self.build.add_navigation(nav)
        return nav

    def on_page_read_source(self, /, *, page: Page, config: MkDocsConfig) -> str | None:
        return self.build.record_source(page) if self.build is not None else None

    @event_priority(-50)  # late: plugins that evaluate templates (macros) never see our marks
    def on_page_markdown(
        self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        return self.build.markdown(markdown, page) if self.build is not None else None

    def on_env(self, env: Any, /, *, config: MkDocsConfig, files: Files) -> Any:
        if self.build is not None:
            self.build.join(files)
        return env

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

    on_page_context = CombinedEvent(_before_search, _after_search)

    def _fill_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str | None:
        return self.build.fill_page(output, page) if self.build is not None else None

    @event_priority(-100)  # late: plugins before it read `page.content` with its links
    def _page_written(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str | None:
        if self.build is not None:
            self.build.page_written(page)
        return None

    on_post_page = CombinedEvent(_fill_page, _page_written)

    @event_priority(50)  # before search writes its index, the build's largest allocation
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.build is not None:
            self.build.finish(config)

    def on_build_error(self, *, error: Exception) -> None:
        if self.build is not None:
            self.build.abort()

    def on_serve(self, server: Any, /, *, config: MkDocsConfig, builder: Any) -> Any:
        for folder in self.build.watched() if self.build is not None else []:
            server.watch(str(folder))
        return server
