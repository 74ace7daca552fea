"""Under `mkdocs serve`, the search index entries each page gave, kept from one rebuild to the
next and given again while what the index reads of the page is unchanged.

A search plugin indexes every page at `on_page_context` by parsing its HTML: once the theme's
output of unchanged pages is kept (`page_cache`), that is the largest part of a rebuild (about
two fifths at a thousand records). The indexes of MkDocs' and Material's search plugins (`KNOWN`)
read nothing but the page (its content, table of contents, address, title and metadata) and
their own configuration, and append their entries, in page order, to one list. For this build
only, the index object's `add_entry_from_context` is replaced by one that appends copies of the
entries kept under the page's key, or indexes the page and keeps what it appended. Any other
search plugin is left alone, and so is a page whose key cannot be made.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .host import HOST, MkDocsConfig, Page
from .page_state import Uncacheable, digest, encode
from .reporting import log

KNOWN = {
    "material.plugins.search.plugin.SearchIndex": "entries",
    f"{HOST}.contrib.search.search_index.SearchIndex": "_entries",
}
"""Search indexes known to read only the page and their configuration: the attribute of each
that holds the list of its entries."""

_Entries = list[dict[str, Any]]


@dataclass
class SearchCounts:
    """What one build did with the search index's pages."""

    kept: int = 0
    """Pages given the entries of the last build."""
    indexed: int = 0
    """Pages indexed and kept for the next build."""
    uncacheable: int = 0
    """Pages indexed whose key could not be made."""


class SearchCache:
    """The entries each page gave the search index in the last serve build."""

    def __init__(self) -> None:
        self.entries: dict[bytes, _Entries] = {}
        self.last = SearchCounts()

    def begin(self, config: MkDocsConfig) -> SearchRound | None:
        """Take part in this build (once every plugin's `on_config` has made its index)."""
        indexes = []
        for plugin in config.plugins.values():
            index = getattr(plugin, "search_index", None)
            kind = type(index)
            attribute = KNOWN.get(f"{kind.__module__}.{kind.__qualname__}")
            if attribute is not None and type(getattr(index, attribute, None)) is list:
                indexes.append((index, attribute))
        if not indexes:
            return None
        return SearchRound(self, indexes)


class SearchRound:
    """The search cache's part in one build."""

    def __init__(self, cache: SearchCache, indexes: list[tuple[Any, str]]) -> None:
        self.cache = cache
        self.kept: dict[bytes, _Entries] = {}
        self.counts = SearchCounts()
        for index, attribute in indexes:
            index.add_entry_from_context = self._wrap(index, attribute)

    def _wrap(self, index: Any, attribute: str) -> Callable[[Page], None]:
        original: Callable[[Page], None] = index.add_entry_from_context
        kind = type(index)
        name = f"{kind.__module__}.{kind.__qualname__}"
        try:
            settings = digest(encode(index.config)).hex()  # fixed for the build
        except Uncacheable:
            return original

        def add_entry_from_context(page: Page) -> None:
            entries: _Entries = getattr(index, attribute)
            try:
                key = digest(
                    [
                        name,
                        settings,
                        page.content,
                        encode(page.toc),
                        page.url,
                        page.title,
                        encode(page.meta),
                    ]
                )
            except Uncacheable as why:
                log.debug(f"{page.file.src_uri} is indexed for search: {why}")
                self.counts.uncacheable += 1
                original(page)
                return
            found = self.kept.get(key)
            if found is None:
                found = self.cache.entries.get(key)
            if found is not None:
                entries.extend(_copy(found))
                self.kept[key] = found
                self.counts.kept += 1
                return
            before = len(entries)
            original(page)
            self.kept[key] = _copy(entries[before:])
            self.counts.indexed += 1

        return add_entry_from_context

    def finish(self) -> None:
        """Every page is indexed: keep this build's entries, and only those."""
        self.cache.entries = self.kept
        self.cache.last = self.counts


def _copy(entries: _Entries) -> _Entries:
    """Entries no later change to the index's own can reach (their values are text, numbers and
    lists of text)."""
    return [
        {name: list(value) if type(value) is list else value for name, value in entry.items()}
        for entry in entries
    ]
