"""Under `mkdocs serve`, what Python-Markdown made of each page, kept from one rebuild to the
next and taken again while nothing it depends on has changed.

Once the sidebar is short, rendering every page's Markdown is most of a rebuild: about two
thirds at a thousand records. A page's `render` is replaced, for one call, by one that renders
as usual and keeps what rendering set on the page, or sets what was kept, under a key of what
rendering reads: the Markdown MkDocs renders (after every plugin's `on_page_markdown`), where the
page is (source, destination, address), its source file (the glossary's problems name its
lines), every file of the site (links are resolved against them), the configuration (the
extensions and their options among it), the glossary the plugin links terms from and its
settings for the page, and the levels of the host's loggers. What rendering logged is logged
again, in order, and the glossary terms a record's page used are counted again.

Only extensions known to read nothing but the Markdown and their options are trusted (`PURE`);
with any other (`pymdownx.snippets` includes other files, say) every page is rendered. Functions
named in extension options (a custom fence's formatter) are taken to compute from their input.
The configuration and the files are keyed at the first page's render and again once every page
is rendered; if they changed in between, the cache is off for the rest of the session.
"""

from __future__ import annotations

import hashlib
import logging
import pickle
import threading
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from .host import HOST, Files, MkDocsConfig, Page
from .page_state import Uncacheable, digest, encode
from .reporting import log
from .term_links import TermLinks
from .worker_pages import LINKS, RENDERED, Message, is_worker_render

_MARKDOWN = [
    "abbr",
    "admonition",
    "attr_list",
    "codehilite",
    "def_list",
    "extra",
    "fenced_code",
    "footnotes",
    "legacy_attrs",
    "legacy_em",
    "md_in_html",
    "meta",
    "nl2br",
    "sane_lists",
    "smarty",
    "tables",
    "toc",
    "wikilinks",
]
_PYMDOWNX = [
    "arithmatex",
    "betterem",
    "blocks.admonition",
    "blocks.caption",
    "blocks.definition",
    "blocks.details",
    "blocks.html",
    "blocks.tab",
    "caret",
    "critic",
    "details",
    "emoji",
    "escapeall",
    "extra",
    "highlight",
    "inlinehilite",
    "keys",
    "magiclink",
    "mark",
    "progressbar",
    "saneheaders",
    "smartsymbols",
    "striphtml",
    "superfences",
    "tabbed",
    "tasklist",
    "tilde",
]
PURE = frozenset(
    [
        *_MARKDOWN,
        *(f"markdown.extensions.{name}" for name in _MARKDOWN),
        *(f"pymdownx.{name}" for name in _PYMDOWNX),
    ]
)
"""Markdown extensions whose output depends on the Markdown and their options alone."""


@dataclass(frozen=True)
class _Render:
    key: bytes
    packed: bytes
    """What rendering set on the page, pickled (each build gets objects of its own: the build
    changes a record's table of contents) and compressed."""
    anchor_links: dict[str, dict[str, str]] | None
    terms: tuple[str, ...]
    messages: tuple[Message, ...]


@dataclass
class RenderCounts:
    """What one build did with its pages' Markdown."""

    kept: int = 0
    rendered: int = 0


class RenderCache:
    """What rendering set on each page in the last serve build: what outlives a build."""

    def __init__(self) -> None:
        self.entries: dict[str, _Render] = {}
        """A page's source path → its key and what rendering left."""
        self.off: str | None = None
        self.last = RenderCounts()

    def begin(self, terms: TermLinks) -> RenderRound | None:
        return RenderRound(self, terms) if self.off is None else None


class RenderRound:
    """The render cache's part in one build."""

    def __init__(self, cache: RenderCache, terms: TermLinks) -> None:
        self.cache = cache
        self.terms = terms
        self.base: str | None = None
        self.failed: str | None = None
        self.seen: set[str] = set()
        self.counts = RenderCounts()

    def wrap(self, page: Page) -> None:
        """Make the page's next `render` keep what it sets, or set what was kept."""
        replaced = vars(page).get("render")
        if self.failed is not None or not (replaced is None or is_worker_render(replaced)):
            return
        # A page a worker rendered (a serve's first build) is kept like one rendered here.
        own = page.render

        def render(config: MkDocsConfig, files: Files) -> None:
            vars(page).pop("render", None)  # back to the class's method
            self._render(page, own, config, files)

        # MkDocs has no event between a page's Markdown and its rendering that could hand it
        # HTML, so this page's `render` is replaced for one call (as `worker_pages` does).
        vars(page)["render"] = render

    def _render(
        self,
        page: Page,
        own: Callable[[MkDocsConfig, Files], None],
        config: MkDocsConfig,
        files: Files,
    ) -> None:
        key = self._key(page, config, files)
        src = page.file.src_uri
        self.seen.add(src)
        record = self.terms.record
        entry = self.cache.entries.get(src)
        if key is not None and entry is not None and entry.key == key:
            self.counts.kept += 1
            for name, value in pickle.loads(zlib.decompress(entry.packed)).items():
                setattr(page, name, value)
            if entry.anchor_links is not None:
                found = (
                    (files.get_file_from_path(path), a) for path, a in entry.anchor_links.items()
                )
                setattr(page, LINKS, {target: anchors for target, anchors in found if target})
            for name, level, text in entry.messages:
                logging.getLogger(name).log(level, text)
            if record is not None:
                self.terms.add_usage(record, entry.terms)
            return
        self.counts.rendered += 1
        before = dict(vars(page))
        with observed_logs() as messages:
            own(config, files)
        changed = {
            name: value
            for name, value in vars(page).items()
            if name not in before or before[name] is not value
        }
        links = changed.pop(LINKS, None)
        if key is None or not changed.keys() <= RENDERED:
            self.cache.entries.pop(src, None)
            return
        used = self.terms.usage
        self.cache.entries[src] = _Render(
            key,
            zlib.compress(pickle.dumps(changed, pickle.HIGHEST_PROTOCOL), 1),
            None if links is None else {file.src_uri: anchors for file, anchors in links.items()},
            tuple(anchor for anchor, users in used.items() if record in users) if record else (),
            tuple(messages),
        )

    def _key(self, page: Page, config: MkDocsConfig, files: Files) -> bytes | None:
        if self.failed is not None:
            return None
        if self.base is None:
            try:
                self.base = self._base(config, files)
            except Uncacheable as why:
                self.failed = str(why)
                log.debug(f"every page's Markdown is rendered: {why}")
                return None
        extension = self.terms.extension
        glossary = [
            extension.page,
            extension.is_glossary_page,
            extension.line_offset,
            extension.auto_link,
        ]
        where = [page.file.src_uri, page.file.dest_uri, page.url]
        # The glossary's problems name lines of the source file, front matter included.
        source = _source(page.file.abs_src_path)
        return digest([self.base, where, glossary, self.terms.record, source, page.markdown])

    def _base(self, config: MkDocsConfig, files: Files) -> str:
        """What every page's rendering reads, once a build."""
        for extension in config.markdown_extensions:
            if isinstance(extension, str) and extension in PURE:
                continue
            if extension is self.terms.extension:
                continue
            raise Uncacheable(f"the Markdown extension {extension!r} may read more than a page")
        glossary = self.terms.extension
        own = self.terms.file
        return digest(
            [
                encode(config),
                [[f.src_uri, f.dest_uri, f.url, f.inclusion.name] for f in files],
                encode(glossary.glossary),
                [glossary.tooltip_markup, glossary.link_priority],
                [own.src_uri, own.url] if own is not None else None,
                _levels(),
            ]
        ).hex()

    def finish(self, config: MkDocsConfig, files: Files) -> None:
        """Every page is rendered (on `on_env`)."""
        cache = self.cache
        if self.base is not None:
            try:
                same = self._base(config, files) == self.base
            except Uncacheable:
                same = False
            if not same:
                cache.off = "the configuration or the files changed while pages were rendered"
                log.info(
                    f"madr: serve rebuilds render every page's Markdown from now on: {cache.off}"
                )
                cache.entries.clear()
        for src in [src for src in cache.entries if src not in self.seen]:
            del cache.entries[src]
        counts = cache.last = self.counts
        total = counts.kept + counts.rendered
        log.debug(f"{counts.kept} of {total} pages' Markdown as rendered in the last build")


def _source(path: str | None) -> str | None:
    try:
        return (
            hashlib.blake2b(Path(path).read_bytes(), digest_size=20).hexdigest() if path else None
        )
    except OSError as error:
        return type(error).__name__


def _levels() -> list[int]:
    """Rendering logs, and keeps links to anchors, by the loggers' levels."""
    return [
        logging.getLogger(HOST).getEffectiveLevel(),
        logging.getLogger(f"{HOST}.structure.pages").getEffectiveLevel(),
    ]


@contextmanager
def observed_logs() -> Iterator[list[Message]]:
    """What this thread logs meanwhile (to the host's logger or the root), which still goes
    where it would."""
    found: list[Message] = []
    handler = _Observer(found)
    loggers = [logging.getLogger(HOST), logging.getLogger()]
    for logger in loggers:
        logger.addHandler(handler)
    try:
        yield found
    finally:
        for logger in loggers:
            logger.removeHandler(handler)


class _Observer(logging.Handler):
    def __init__(self, found: list[Message]) -> None:
        super().__init__()
        self.found = found
        self.thread = threading.get_ident()
        """Rendering's: the build's other threads (reading git history, say) log meanwhile."""
        self.last: logging.LogRecord | None = None

    def emit(self, record: logging.LogRecord) -> None:
        if record.thread != self.thread:
            return
        if record is not self.last:  # a record of the host's logger may reach the root next
            self.last = record
            self.found.append((record.name, record.levelno, record.getMessage()))


__all__ = ["PURE", "RenderCache", "RenderCounts", "RenderRound", "observed_logs"]
