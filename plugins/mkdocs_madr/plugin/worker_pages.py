"""Record pages rendered by the worker that parsed them, taken by MkDocs instead of rendering.

MkDocs renders pages one after another on one core. The workers of the build's record job
(`parallel.records`) render record pages on the other cores with MkDocs' own `Page.render`,
through a `RecordPageRenderer` they inherit when they fork, and send back what rendering sets on
a page. The build takes that result only if the Markdown it would render is exactly the Markdown
the worker rendered, so another plugin that changes a page's Markdown simply gets the page
rendered as usual.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..core.model import Decision
from .host import HOST, Files, MkDocsConfig, Page, split_front_matter

if TYPE_CHECKING:
    from .build import Build

RENDERED = frozenset({"content", "toc", "_title_from_render", "present_anchor_ids"})
"""What `Page.render` sets (MkDocs 1.6, ProperDocs), besides links to anchors."""
LINKS = "links_to_anchors"
"""Target file → anchors: sent with target paths, since files do not cross processes."""

Message = tuple[str, int, str]
"""A log message: logger name, level, text."""


@dataclass(frozen=True)
class RenderedPage:
    """What rendering set on a page in a worker, and what it logged."""

    digest: bytes
    attributes: dict[str, Any]
    anchor_links: dict[str, dict[str, str]] | None
    terms: tuple[str, ...]
    messages: tuple[Message, ...]


class RecordPageRenderer:
    """What a build does to a record's page, from reading its source to rendering it, done in
    a forked worker on the worker's copy of the build (`parallel.records.PageRenderer`)."""

    def __init__(self, build: Build, config: MkDocsConfig, files: Files) -> None:
        self.build = build
        self.config = config
        self.files = files

    def render_page(self, path: str, decision: Decision) -> RenderedPage | None:
        file = self.build.files.records.get(path)
        if file is None or file.page is None:
            return None
        page = file.page
        kept = dict(vars(page))
        try:
            page.markdown, page.meta = split_front_matter(self.build.read_record(path))
            with captured_logs():  # the build reports these itself, when it marks the page
                page.markdown = self.build.page_markdown(page.markdown, page, path, decision)
            terms = self.build.terms
            terms.usage = {}
            return render_in_worker(page, self.config, self.files, lambda: iter(terms.usage))
        finally:
            # The worker never needs the page again: what rendering left on it would stay.
            vars(page).clear()
            vars(page).update(kept)
            self.build.page_done(file.src_uri)


def digest(markdown: str) -> bytes:
    return hashlib.blake2b(markdown.encode(), digest_size=16).digest()


def render_in_worker(
    page: Page, config: MkDocsConfig, files: Files, used_terms: Callable[[], Iterator[str]]
) -> RenderedPage | None:
    """Render `page.markdown` with the host's own renderer; None if rendering set something
    this module does not know how to send (a host unlike MkDocs 1.6)."""
    assert page.markdown is not None
    before = dict(vars(page))
    config._current_page = page
    try:
        with captured_logs() as messages:
            page.render(config, files)
    finally:
        config._current_page = None
    changed = {
        name: value
        for name, value in vars(page).items()
        if name not in before or before[name] is not value
    }
    links = changed.pop(LINKS, None)
    if not changed.keys() <= RENDERED:
        return None
    return RenderedPage(
        digest=digest(page.markdown),
        attributes=changed,
        anchor_links=(
            None if links is None else {file.src_uri: anchors for file, anchors in links.items()}
        ),
        terms=tuple(used_terms()),
        messages=tuple(messages),
    )


def render_with(page: Page, rendered: RenderedPage, on_use: Callable[[RenderedPage], None]) -> None:
    """Make the build's next `page.render` take `rendered`, if the page's Markdown is still
    what the worker rendered; otherwise it renders as usual."""
    render = page.render

    def take_or_render(config: MkDocsConfig, files: Files) -> None:
        vars(page).pop("render", None)  # back to the class's method
        if page.markdown is None or digest(page.markdown) != rendered.digest:
            render(config, files)
            return
        for name, value in rendered.attributes.items():
            setattr(page, name, value)
        if rendered.anchor_links is not None:
            found = ((files.get_file_from_path(src), a) for src, a in rendered.anchor_links.items())
            setattr(page, LINKS, {target: anchors for target, anchors in found if target})
        for name, level, text in rendered.messages:
            logging.getLogger(name).log(level, text)
        on_use(rendered)

    # MkDocs has no event between a page's Markdown and its rendering that could hand it HTML,
    # so this page's `render` is replaced for one call.
    take_or_render.from_worker = True  # type: ignore[attr-defined]
    vars(page)["render"] = take_or_render


def is_worker_render(render: object) -> bool:
    """Whether a page's replaced `render` takes what a worker rendered (see `render_with`)."""
    return getattr(render, "from_worker", False) is True


@contextmanager
def captured_logs() -> Iterator[list[Message]]:
    """Collect what is logged (to be repeated by the build process) instead of printing it."""
    found: list[Message] = []
    handler = _Collector(found)
    host, root = logging.getLogger(HOST), logging.getLogger()
    saved = (host.handlers, host.propagate, root.handlers)
    host.handlers, host.propagate, root.handlers = [handler], False, [handler]
    try:
        yield found
    finally:
        host.handlers, host.propagate, root.handlers = saved


class _Collector(logging.Handler):
    def __init__(self, found: list[Message]) -> None:
        super().__init__()
        self.found = found

    def emit(self, record: logging.LogRecord) -> None:
        self.found.append((record.name, record.levelno, record.getMessage()))
