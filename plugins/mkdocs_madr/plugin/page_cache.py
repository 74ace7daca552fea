"""Under `mkdocs serve`, each page's HTML as the theme rendered it, kept from one rebuild to the
next and given again while nothing it depends on has changed.

Material renders the whole navigation into every page: with every record in the sidebar, the
theme's templates are most of a rebuild, and grow with the square of the records. Every other
step of MkDocs still runs for every page (its Markdown, search, sitemap, every plugin's
`on_page_context` and `on_post_page`, this plugin's fragments), so only the template's output is
kept, under a key of everything the template can read when it runs (`page_state`): the page
itself (its content after every `on_page_context`, table of contents, metadata, title, address,
neighbours), the rest of the template context, the navigation, the configuration, the Jinja
environment's globals, filters and tests, and the name, size and modification time of every
template file. A page whose key cannot be made (an object `page_state` cannot tell apart from
one build to the next) is rendered, and not kept. The cache lives in the serve process, so the
code it was made by cannot change under it.

MkDocs takes a page's template from `page.meta['template']` before `on_page_context`, so the
page's template is set to a wrapper just before that (at `on_env` for the first page, and again
after each template that is not a page's; at the previous page's `on_post_page` for the
others), and put back by the first `on_page_context` handler: no plugin and no template sees the
change. The wrapper calls `madr_page`, which renders the page's own template with the context
MkDocs gave it, or gives the HTML kept for the key.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from jinja2 import ChoiceLoader, DictLoader, Environment, TemplateNotFound, pass_context
from jinja2.runtime import Context
from markupsafe import Markup

from .host import HOST, Files, InclusionLevel, MkDocsConfig, Navigation, Page
from .page_state import (
    Seen,
    Uncacheable,
    digest,
    encode,
    environment_state,
    loader_state,
    nav_state,
    page_reference,
    page_state,
    templates_mention,
)
from .reporting import log

GLOBAL = "madr_page"
"""The wrapper's function, a Jinja global."""
DATED = "build_date_utc"
"""The context's build time: a key only where a template prints it (MkDocs' own themes do, and
then no page is kept unless SOURCE_DATE_EPOCH fixes the time)."""


@dataclass(frozen=True)
class _Entry:
    key: bytes
    html: bytes
    """The theme's HTML, compressed: a Material page shrinks about tenfold."""


@dataclass
class Counts:
    """What one build did with its pages."""

    kept: int = 0
    """Pages given the HTML of the last build."""
    rendered: int = 0
    """Pages rendered and kept for the next build."""
    uncacheable: int = 0
    """Pages rendered whose key could not be made."""


@dataclass(frozen=True)
class _Armed:
    page: Page
    had: bool
    value: Any
    template: str


class PageCache:
    """The theme's HTML of each page of the last serve build: what outlives a build."""

    def __init__(self, token: str) -> None:
        self.wrapper = f"madr-page-{token}.html"
        """A name no page and no theme can hold."""
        self.entries: dict[str, _Entry] = {}
        """A page's source path → its key and HTML."""
        self.dated: tuple[bytes, bool] | None = None
        """The templates last looked at (their state's digest), and whether they print the
        build time."""
        self.seen: dict[str, Seen] = {}
        """Template files modified shortly before a build read them."""
        self.off: str | None = None
        """Why nothing is kept for the rest of the session."""
        self.last = Counts()

    def begin(
        self, env: Environment, config: MkDocsConfig, files: Files, nav: Navigation | None
    ) -> PageRound | None:
        """Take part in this build (on `on_env`, once everything pages read is final)."""
        if self.off is not None or nav is None:
            return None
        try:
            found = PageRound(self, env, config, files, nav)
        except Uncacheable as why:
            log.debug(f"every page is rendered: {why}")
            return None
        found.arm(found.first)
        return found

    def prints_build_time(self, env: Environment, templates: bytes) -> bool:
        if self.dated is None or self.dated[0] != templates:
            self.dated = (templates, templates_mention(env.loader, DATED))
        return self.dated[1]


class PageRound:
    """The page cache's part in one build."""

    def __init__(
        self,
        cache: PageCache,
        env: Environment,
        config: MkDocsConfig,
        files: Files,
        nav: Navigation,
    ) -> None:
        if env.is_async or env.finalize is not None:
            raise Uncacheable("the Jinja environment finalizes what templates print")
        self.cache, self.env, self.config, self.nav = cache, env, config, nav
        templates = loader_state(env.loader, cache.seen)
        templates_key = digest(templates)
        self.dated = cache.prints_build_time(env, templates_key)
        self.nav_key = digest(nav_state(nav))
        self.config_key = digest(encode(config))
        environment = [
            environment_state(
                {name: value for name, value in env.globals.items() if name != GLOBAL}
            ),
            environment_state(env.filters),
            environment_state(env.tests),
            encode(env.autoescape),
            [env.trim_blocks, env.lstrip_blocks, env.keep_trailing_newline],
            [env.newline_sequence, env.optimized, sorted(env.extensions)],
        ]
        self.base = digest(
            [
                HOST,
                templates_key.hex(),
                digest(environment).hex(),
                self.nav_key.hex(),
                self.config_key.hex(),
            ]
        ).hex()
        built = files.documentation_pages(inclusion=InclusionLevel.is_in_serve)
        pages = [file.page for file in built if isinstance(file.page, Page)]
        self.first = pages[0] if pages else None
        self.after = {id(page): following for page, following in pairwise(pages)}
        self.armed: _Armed | None = None
        self.held: Page | None = None
        self.chosen: dict[int, str] = {}
        """Pages whose template is the wrapper → their own template."""
        self.listing: tuple[object, str] | None = None
        self.seen: set[str] = set()
        self.counts = Counts()
        own = env.loader
        if own is None:
            raise Uncacheable("the Jinja environment has no loader")
        wrapper = DictLoader({cache.wrapper: f"{{{{ {GLOBAL}() }}}}"})
        env.loader = self.loader = ChoiceLoader([wrapper, own])
        env.globals[GLOBAL] = _render_with(self.render)

    # --- the wrapper, set before MkDocs picks the page's template and taken back after --------

    def arm(self, page: Page | None) -> None:
        if page is None or self.env.loader is not self.loader:
            return
        meta = page.meta
        template = meta.get("template", "main.html") if isinstance(meta, dict) else None
        if not isinstance(template, str):
            return
        try:
            self.env.get_template(template)
        except Exception:  # MkDocs says what is wrong with it when it renders the page
            return
        self.armed = _Armed(page, "template" in meta, meta.get("template"), template)
        meta["template"] = self.cache.wrapper

    def disarm(self, page: Page) -> None:
        """The page's template is chosen: its metadata is its own again."""
        armed = self.armed
        if armed is None or armed.page is not page:
            return
        self.armed = None
        self.chosen[id(page)] = armed.template
        _put_back(armed, self.cache.wrapper)

    def next_page(self, page: Page) -> None:
        self.arm(self.after.get(id(page)))

    def hold(self) -> None:
        """A template that is not a page's is rendered (404.html, sitemap.xml): it may show
        the first page's metadata, which is then its own until `release`."""
        armed, self.armed = self.armed, None
        if armed is not None:
            _put_back(armed, self.cache.wrapper)
            self.held = armed.page

    def release(self) -> None:
        held, self.held = self.held, None
        if held is not None:
            self.arm(held)

    # --- rendering ----------------------------------------------------------------------------

    def render(self, context: Context) -> Markup:
        page = context.get("page")
        if not isinstance(page, Page):
            raise TemplateNotFound(self.cache.wrapper)
        self.disarm(page)
        template = self.chosen.pop(id(page), None)
        if template is None:
            raise TemplateNotFound(self.cache.wrapper)
        key = self._key(context, page)
        src = page.file.src_uri
        self.seen.add(src)
        entry = self.cache.entries.get(src)
        if key is not None and entry is not None and entry.key == key:
            self.counts.kept += 1
            return Markup(zlib.decompress(entry.html).decode("utf-8", "surrogatepass"))
        html = self.env.get_template(template).render(context.parent)
        if key is None:
            self.counts.uncacheable += 1
            self.cache.entries.pop(src, None)
        else:
            self.counts.rendered += 1
            packed = zlib.compress(html.encode("utf-8", "surrogatepass"), 1)
            self.cache.entries[src] = _Entry(key, packed)
        return Markup(html)

    def _key(self, context: Context, page: Page) -> bytes | None:
        """The digest of everything the page's template can read, or None."""
        globals_ = self.env.globals
        parts: list[Any] = []
        try:
            for name, value in sorted(context.parent.items()):
                if name in globals_ and value is globals_[name]:
                    continue  # part of the environment's key
                if name == "page" and value is page:
                    parts.append([name, page_state(page)])
                elif (name == "nav" and value is self.nav) or (
                    name == "config" and value is self.config
                ):
                    parts.append([name, None])
                elif name == "pages":
                    parts.append([name, self._listing(value)])
                elif name != DATED or self.dated:
                    parts.append([name, encode(value)])
        except Uncacheable as why:
            log.debug(f"{page.file.src_uri} is rendered afresh: {why}")
            return None
        except Exception as error:  # what cannot be read is not kept; the render says why
            log.debug(f"{page.file.src_uri} is rendered afresh: {error!r}")
            return None
        return digest([self.base, parts])

    def _listing(self, value: object) -> str:
        """MkDocs hands every page the same list of pages: its digest is made once a build."""
        if self.listing is None or self.listing[0] is not value:
            if not isinstance(value, list):
                raise Uncacheable("a list of pages that is no list")
            found = [page_reference(file.page) if file.page else encode(file) for file in value]
            self.listing = (value, digest(found).hex())
        return self.listing[1]

    # --- after the pages --------------------------------------------------------------------

    def finish(self) -> None:
        """Every page is rendered (on `on_post_build`, before any other plugin's handler)."""
        self._put_back()
        cache = self.cache
        if digest(nav_state(self.nav)) != self.nav_key:
            cache.off = "the navigation changed while pages were rendered"
        elif digest(encode(self.config)) != self.config_key:
            cache.off = "the configuration changed while pages were rendered"
        if cache.off is not None:
            log.info(f"madr: serve rebuilds render every page from now on: {cache.off}")
            cache.entries.clear()
        else:
            for src in [src for src in cache.entries if src not in self.seen]:
                del cache.entries[src]
        counts = cache.last = self.counts
        total = counts.kept + counts.rendered + counts.uncacheable
        log.debug(f"{counts.kept} of {total} pages as the theme rendered them in the last build")

    def abort(self) -> None:
        self._put_back()

    def _put_back(self) -> None:
        self.hold()
        self.held = None
        self.chosen.clear()


def _put_back(armed: _Armed, wrapper: str) -> None:
    meta = armed.page.meta
    if meta.get("template") == wrapper:
        if armed.had:
            meta["template"] = armed.value
        else:
            del meta["template"]


def _render_with(render: Callable[[Context], Markup]) -> Callable[[Context], Markup]:
    @pass_context
    def madr_page(context: Context) -> Markup:
        return render(context)

    return madr_page


__all__ = ["Counts", "PageCache", "PageRound"]
