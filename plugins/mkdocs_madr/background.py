"""Parsing records in the background while MkDocs renders pages.

A MkDocs build uses one core. A `ParseJob` parses records, and renders their own fragments, in
worker processes on the other cores, in the order pages will ask for them; by the time a
record's page is rendered its parse is usually done and the build never waits for the folder.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from .collection import ParseCache, no_gc, read_record
from .export import slim
from .model import Decision
from .prerender import Fragments, PagePlan, prerender

CHUNK = 64
"""Records per task: large enough to amortise the round trip."""
FIRST_CHUNK = 4
"""The first tasks are small, so the first record page waits as little as possible."""
INLINE_LIMIT = 48
"""Fewer uncached records than this are parsed in the build process itself."""

Parsed = tuple[Decision, Fragments | None]


@dataclass
class FragmentCache:
    """Rendered fragments kept between serve rebuilds, valid for one file state and plan."""

    entries: dict[str, tuple[int, int, tuple[object, ...], str | None, Fragments]] = field(
        default_factory=dict
    )


class ParseJob:
    """Parses `paths` under `root`, cached ones excepted, and hands results out by path."""

    def __init__(
        self,
        root: Path,
        paths: Sequence[str],
        cache: ParseCache | None = None,
        *,
        plan: PagePlan | None = None,
        rendered: FragmentCache | None = None,
        workers: int | None = None,
    ) -> None:
        self.root = root
        self.paths = list(paths)
        self.cache = cache
        self.plan = plan
        self.rendered = rendered
        self.done: dict[str, Decision] = {}
        self.fragments: dict[str, Fragments | None] = {}
        self.pending: dict[str, Future[list[Parsed]]] = {}
        self.pool: ProcessPoolExecutor | None = None
        self._stats: dict[str, os.stat_result] = {}
        todo = [path for path in self.paths if not self._from_cache(path)]
        self.parsed = todo
        count = workers if workers is not None else max(1, (os.cpu_count() or 1) - 1)
        if len(todo) < INLINE_LIMIT or count < 1:
            for path in todo:
                self._keep(_read(root, path, plan))
            return
        self.pool = ProcessPoolExecutor(max_workers=count)
        start, size = 0, FIRST_CHUNK
        while start < len(todo):
            chunk = todo[start : start + size]
            future = self.pool.submit(_read_chunk, root, chunk, _for_chunk(plan, chunk))
            for path in chunk:
                self.pending[path] = future
            start, size = start + size, min(CHUNK, size * 2)

    def _from_cache(self, path: str) -> bool:
        try:
            stat = os.stat(self.root / path)
        except OSError:
            return False  # read_record turns the error into a diagnostic
        self._stats[path] = stat
        cached = self.cache.get(str(self.root / path), stat) if self.cache is not None else None
        if cached is None:
            return False
        entry = self.rendered.entries.get(path) if self.rendered is not None else None
        plan = self.plan
        key = (
            stat.st_size,
            stat.st_mtime_ns,
            plan.fingerprint if plan is not None else None,
            plan.pages.get(path) if plan is not None else None,
        )
        valid = entry is not None and entry[:4] == key
        if cached.slim and not valid:
            return False  # its body was dropped and its fragments are stale: parse it again
        self.done[path] = cached
        if valid and entry is not None:
            self.fragments[path] = entry[4]
        return True

    def result(self, path: str) -> Decision | None:
        """The parse of one record, waiting for it if a worker is still on it."""
        if path in self.done:
            return self.done[path]
        future = self.pending.get(path)
        if future is None:
            return None
        for parsed in future.result():
            self._keep(parsed)
        return self.done.get(path)

    def fragments_of(self, path: str) -> Fragments | None:
        """The record's pre-rendered header and comparison (rendered here if not yet)."""
        decision = self.result(path)
        if decision is None or self.plan is None:
            return None
        if path not in self.fragments:
            self._remember(path, prerender(decision, self.plan))
        return self.fragments[path]

    def results(self) -> list[Decision]:
        """Every parse, in the order of `paths`; shuts the workers down."""
        for path in self.paths:
            self.result(path)
        self.close()
        return [self.done[path] for path in self.paths if path in self.done]

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None

    def _keep(self, parsed: Parsed) -> None:
        decision, fragments = parsed
        path = decision.file
        self.done[path] = decision
        self.pending.pop(path, None)
        stat = self._stats.get(path)
        if self.cache is not None and stat is not None:
            self.cache.put(str(self.root / path), stat, decision)
        if self.plan is not None:
            self._remember(path, fragments)

    def _remember(self, path: str, fragments: Fragments | None) -> None:
        self.fragments[path] = fragments
        stat = self._stats.get(path)
        plan = self.plan
        if self.rendered is not None and plan is not None and fragments and stat:
            page = plan.pages.get(path)
            self.rendered.entries[path] = (
                stat.st_size,
                stat.st_mtime_ns,
                plan.fingerprint,
                page,
                fragments,
            )


def _for_chunk(plan: PagePlan | None, chunk: list[str]) -> PagePlan | None:
    """The plan with only the chunk's pages, so each task stays small to send."""
    if plan is None:
        return None
    return dataclasses.replace(
        plan, pages={path: plan.pages[path] for path in chunk if path in plan.pages}
    )


def _read(root: Path, path: str, plan: PagePlan | None) -> Parsed:
    decision = read_record(root, path)
    if plan is None:
        return decision, None
    fragments = prerender(decision, plan)
    return (slim(decision) if fragments is not None else decision), fragments


def _read_chunk(root: Path, paths: list[str], plan: PagePlan | None) -> list[Parsed]:
    with no_gc():
        return [_read(root, path, plan) for path in paths]
