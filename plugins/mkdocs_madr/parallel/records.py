"""A build's records, parsed (and their fragments and pages rendered) on the other cores.

A MkDocs build uses one core. A `RecordJob` parses records, and renders their own fragments, in
worker processes in the order pages will ask for them; by the time a record's page is rendered
its parse is usually done and the build never waits for the folder.

Given a page renderer, the workers then render record pages too, starting from the last page
while the build renders from the first; the build renders every page the workers have not
started yet, so the two meet where their speeds balance and neither waits for the other. Forked
workers inherit the renderer, so this needs a platform that can fork. The records' own fragments
are then rendered after the pages (the build needs them only when it writes pages), so that the
workers spend the time the build renders pages on pages.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol, TypeVar

from ..core.cache import RecordCache, Stamp, no_gc, read_stamped
from ..core.cache import pack as pack_entry
from ..core.cache import unpack as unpack_entry
from ..core.collection import read_record
from ..core.model import Decision
from ..core.parse.vocabulary import DEFAULT, Vocabulary
from ..core.slim import SlimDecision, slim
from ..site.fragments import Fragments, PagePlan, prerender
from .packing import pack, share_strings, unpack
from .pool import Handle, Pool, SerialPool, can_fork, default_workers, in_worker, start_pool
from .spool import Spool, Spooled

CHUNK = 64
"""Records per task: large enough to amortise the round trip."""
FIRST_CHUNK = 4
"""The first tasks are small, so the first record page waits as little as possible."""
INLINE_LIMIT = 48
"""Fewer uncached records than this are parsed in the build process itself."""
PAGE_CHUNK = 8
"""Pages per rendering task: where the build meets the workers, it waits for at most the tasks
already handed to a worker."""

T = TypeVar("T")
Fresh = tuple[Stamp, bytes] | None
"""A record parsed from its file, for the disk cache: the file's state, and the record packed."""
Parsed = tuple[Decision, Fragments | None, Fresh]


class PageRenderer(Protocol):
    """Renders a parsed record's page in a worker (the plugin's, see `plugin.worker_pages`)."""

    def render_page(self, path: str, decision: Decision) -> object:
        """The rendered page, or None when the record has no page."""


@dataclass
class ParseCache:
    """Parsed records kept between serve rebuilds, keyed on path, invalid once the file's size
    or modification time changes."""

    entries: dict[str, tuple[int, int, Decision]] = field(default_factory=dict)

    def get(self, path: str, stat: os.stat_result) -> Decision | None:
        entry = self.entries.get(path)
        if entry is not None and entry[0] == stat.st_size and entry[1] == stat.st_mtime_ns:
            return entry[2]
        return None

    def put(self, path: str, stat: os.stat_result, decision: Decision) -> None:
        self.entries[path] = (stat.st_size, stat.st_mtime_ns, decision)


@dataclass
class FragmentCache:
    """Rendered fragments kept between serve rebuilds, valid for one file state and plan."""

    entries: dict[str, tuple[int, int, tuple[object, ...], str | None, Fragments]] = field(
        default_factory=dict
    )


@dataclass
class JobContext:
    """What every task of a job reads; forked workers inherit it as it was at their start."""

    root: Path
    plan: PagePlan | None
    renderer: PageRenderer | None = None
    vocabulary: Vocabulary = DEFAULT
    kept: dict[str, bytes] = field(default_factory=dict)
    """In a worker that renders pages: the records it parsed, for those pages and their
    fragments, packed (`pack`), since a worker may hold thousands while the build writes."""
    disk: RecordCache | None = None
    """Records parsed by an earlier build, packed (`core.cache`): a task unpacks one instead
    of parsing its file while the file is unchanged."""


class RecordJob:
    """Parses `paths` under `root`, cached ones excepted, and hands results out by path.

    Lifecycle: `start` submits the parse (and page) tasks; `results` joins the parse;
    `prerender` and `submit_after` hand the workers what comes after; `release`, once the last
    page is written, lets everything go. Without workers (`workers=0`, or few records) every
    task runs in the build process, which is the reference the workers' output must match.
    """

    def __init__(
        self,
        root: Path,
        paths: Sequence[str],
        *,
        cache: ParseCache | None = None,
        plan: PagePlan | None = None,
        fragment_cache: FragmentCache | None = None,
        workers: int | None = None,
        renderer: PageRenderer | None = None,
        vocabulary: Vocabulary = DEFAULT,
        disk: RecordCache | None = None,
    ) -> None:
        """`paths` in the order pages will ask for them; `renderer` makes forked workers render
        record pages too (see the module's description); `disk` is the cache of records parsed
        by earlier builds, which this job brings up to date (see `save`)."""
        self.root = root
        self.paths = list(paths)
        self.cache = cache
        self.plan = plan
        self.fragment_cache = fragment_cache
        self.workers = workers
        self.renderer = renderer if can_fork() else None
        self.done: dict[str, Decision] = {}
        self.fragments: dict[str, Fragments | Spooled | None] = {}
        self.spool = Spool()
        self.vocabulary = vocabulary
        self.disk = disk
        self.context = JobContext(root, plan, vocabulary=vocabulary, disk=disk)
        """The context of the tasks run here (the workers' has the renderer too)."""
        self.pool: Pool = SerialPool(self.context)
        self.parsed: list[str] = []
        """The records parsed by this job (the others came from the cache)."""
        self._last: tuple[str, Fragments | None] | None = None
        self._pending: dict[str, Handle[list[Parsed]]] = {}
        self._pending_pages: dict[str, Handle[list[tuple[str, object]]]] = {}
        self._pending_fragments: dict[str, Handle[list[tuple[str, Fragments | None]]]] = {}
        self._fragment_tasks: dict[Handle[list[tuple[str, Fragments | None]]], list[str]] = {}
        self._outstanding: set[Handle[Any]] = set()
        """Tasks after the parse (fragments, `submit_after`): the workers go when all are done."""
        self._pages: dict[str, object] = {}
        self._stats: dict[str, os.stat_result] = {}
        self._strings: dict[str, str] = {}
        self.renders_pages = False
        """Whether workers render record pages (and so keep the records they parse, and render
        fragments only after the pages)."""

    @property
    def errors(self) -> list[BaseException]:
        """Why worker tasks failed; the build did their work itself."""
        return self.pool.errors

    def start(self) -> RecordJob:
        if self.disk is not None:
            for path in self.paths:
                self.disk.keep(path)
        todo = [path for path in self.paths if not self._from_cache(path)]
        self.parsed = todo
        workers = default_workers() if self.workers is None else self.workers
        if len(todo) < INLINE_LIMIT or workers < 1:
            for path in todo:
                self._pending[path] = self.pool.submit(_parse, [path])
            return self
        context = JobContext(self.root, self.plan, self.renderer, self.vocabulary, disk=self.disk)
        self.pool = start_pool(context, workers, fork=self.renderer is not None)
        self.renders_pages = self.renderer is not None and self.pool.parallel
        start, size = 0, FIRST_CHUNK
        while start < len(todo):
            chunk = todo[start : start + size]
            parsed = self.pool.submit(_parse, chunk)
            for path in chunk:
                self._pending[path] = parsed
            start, size = start + size, min(CHUNK, size * 2)
        for end in range(len(todo), 0, -PAGE_CHUNK) if self.renders_pages else ():
            chunk = todo[max(0, end - PAGE_CHUNK) : end]
            # A page no worker rendered is rendered by the build as usual.
            rendering = self.pool.submit(_render_pages, chunk, retry_here=False)
            for path in chunk:
                self._pending_pages[path] = rendering
        return self

    def _from_cache(self, path: str) -> bool:
        if self.cache is None:
            return False
        try:
            stat = os.stat(self.root / path)
        except OSError:
            return False  # read_record turns the error into a diagnostic
        self._stats[path] = stat
        cached = self.cache.get(str(self.root / path), stat)
        if cached is None:
            return False
        entry = self.fragment_cache.entries.get(path) if self.fragment_cache else None
        plan = self.plan
        key = (
            stat.st_size,
            stat.st_mtime_ns,
            plan.fingerprint if plan is not None else None,
            plan.pages.get(path) if plan is not None else None,
        )
        valid = entry is not None and entry[:4] == key
        if isinstance(cached, SlimDecision) and not valid:
            return False  # its body was dropped and its fragments are stale: parse it again
        self.done[path] = cached
        if valid and entry is not None:
            self.fragments[path] = entry[4]
        return True

    def result(self, path: str) -> Decision | None:
        """The parse of one record, waiting for it if a worker is still on it."""
        if path in self.done:
            return self.done[path]
        handle = self._pending.get(path)
        if handle is None:
            return None
        for parsed in handle.result():
            self._keep(parsed)
        return self.done.get(path)

    def page_of(self, path: str) -> object:
        """The record's page as a worker rendered it, or None when no worker has started it
        (it is then left to the caller); handed out once."""
        handle = self._pending_pages.pop(path, None)
        if handle is not None and not handle.cancel() and not handle.failed():
            for done, page in handle.result():
                self._pending_pages.pop(done, None)
                self._pages[done] = page
        return self._pages.pop(path, None)

    def fragments_of(self, path: str) -> Fragments | None:
        """The record's pre-rendered header and comparison (rendered here if not yet)."""
        decision = self.result(path)
        if decision is None or self.plan is None:
            return None
        if self._last is not None and self._last[0] == path:
            return self._last[1]  # a page asks for its header, then its comparison
        handle = self._pending_fragments.get(path)
        if handle is not None:
            self._take_fragments(handle)
            self.settle()
        if path not in self.fragments:
            # A slim record has lost the body its fragments show: read it again.
            slimmed = isinstance(decision, SlimDecision)
            full = _read_record(self.context, path)[0] if slimmed else decision
            self._remember(path, prerender(full, self.plan))
        kept = self.fragments[path]
        fragments = Fragments(*self.spool.get(kept)) if isinstance(kept, Spooled) else kept
        self._last = (path, fragments)
        return fragments

    def results(self) -> list[Decision]:
        """Every parse, in the order of `paths`. Workers that only parse are done then."""
        for path in self.paths:
            self.result(path)
        if not self.renders_pages:
            self.close()
        return [self.done[path] for path in self.paths if path in self.done]

    def prerender(self) -> None:
        """Workers that rendered pages render the records' fragments next, in page order: the
        build writes pages in that order, and waits for a task only if it catches up with the
        workers (a task takes them a few milliseconds per record)."""
        if not (self.renders_pages and self.pool.parallel) or self.plan is None:
            return
        todo = [path for path in self.parsed if path in self.plan.pages]
        for start in range(0, len(todo), CHUNK):
            chunk = todo[start : start + CHUNK]
            handle = self.pool.submit(_prerender, chunk)
            self._outstanding.add(handle)
            self._fragment_tasks[handle] = chunk
            for path in chunk:
                self._pending_fragments[path] = handle

    def submit_after(self, task: Callable[..., T], *arguments: object) -> Handle[T] | None:
        """Run `task(JobContext, *arguments)` in a worker that rendered pages, after what it
        was given before; None when there is no such worker. Hand the handle to `settle` once
        its result is taken."""
        if not (self.renders_pages and self.pool.parallel):
            return None
        handle = self.pool.submit(task, *arguments)
        self._outstanding.add(handle)
        return handle

    def poll(self) -> None:
        """Move the fragments of every task the workers have finished to the spool, and when
        every task is done let the workers go (each holds memory)."""
        if not self._outstanding:
            return
        for handle in [handle for handle in self._fragment_tasks if handle.done()]:
            self._take_fragments(handle)
        if all(handle.done() for handle in self._outstanding):
            self.close()

    def _take_fragments(self, handle: Handle[list[tuple[str, Fragments | None]]]) -> None:
        """The fragments of one task, into the spool: that task is done with."""
        chunk = handle.result()
        self._outstanding.discard(handle)
        for path in self._fragment_tasks.pop(handle, []):
            self._pending_fragments.pop(path, None)
        for path, fragments in chunk:
            self._remember(path, fragments)

    def settle(self, handle: Handle[Any] | None = None) -> None:
        """One task after the parse is done with; when none is left the workers go (each
        holds memory)."""
        if handle is not None:
            self._outstanding.discard(handle)
        if not self._outstanding:
            self.close()

    def close(self) -> None:
        """Let the workers go; what they had not started is done here when asked for."""
        self.pool.teardown()
        self._pending_pages.clear()
        self._outstanding.clear()

    def release(self) -> None:
        """Forget the fragments (after the last page is written)."""
        self.close()
        self.fragments.clear()
        self._last = None
        self.spool.close()

    def save(self) -> None:
        """Write the disk cache (once every record is parsed), if anything changed, and let it
        go: the build keeps what it parsed, and its peak comes later."""
        if self.disk is not None:
            self.disk.save()
            self.disk = self.context.disk = None

    def _keep(self, parsed: Parsed) -> None:
        decision, fragments, fresh = parsed
        if self.disk is not None and fresh is not None:
            self.disk.put(decision.file, *fresh)
        share_strings(decision, self._strings)
        path = decision.file
        self.done[path] = decision
        self._pending.pop(path, None)
        stat = self._stats.get(path)
        if self.cache is not None and stat is not None:
            self.cache.put(str(self.root / path), stat, decision)
        if self.plan is not None and not self.renders_pages:  # otherwise they come after pages
            self._remember(path, fragments)

    def _remember(self, path: str, fragments: Fragments | None) -> None:
        if self.fragment_cache is None:  # a build: each page needs them once, later
            self.fragments[path] = (
                self.spool.put(
                    (
                        fragments.header,
                        fragments.comparison,
                        fragments.record_json,
                        fragments.justification,
                    )
                )
                if fragments
                else None
            )
            return
        self.fragments[path] = fragments
        stat = self._stats.get(path)
        plan = self.plan
        if plan is not None and fragments and stat:
            self.fragment_cache.entries[path] = (
                stat.st_size,
                stat.st_mtime_ns,
                plan.fingerprint,
                plan.pages.get(path),
                fragments,
            )


# The tasks. Each runs in a worker with the job's context, or here when that failed.


def _parse(context: JobContext, paths: list[str]) -> list[Parsed]:
    """Parse, and pre-render fragments; workers that render pages keep the records for them,
    and leave fragments for later (`_prerender`)."""
    pages = context.plan.pages if context.plan is not None else {}
    with no_gc():
        if context.renderer is None:
            return [_read(context, path) for path in paths]
        parsed: list[Parsed] = []
        for path in paths:
            decision, fresh = _read_record(context, path)
            if in_worker() and path in pages:  # kept for its page and its fragments
                context.kept[path] = fresh[1] if fresh is not None else pack(decision)
                parsed.append((slim(decision), None, fresh))
            else:
                parsed.append((decision, None, fresh))
        return parsed


def _render_pages(context: JobContext, paths: list[str]) -> list[tuple[str, object]]:
    assert context.renderer is not None
    return [
        (path, context.renderer.render_page(path, _kept(context, path, keep=True)))
        for path in paths
    ]


def _prerender(context: JobContext, paths: list[str]) -> list[tuple[str, Fragments | None]]:
    assert context.plan is not None
    with no_gc():
        return [(path, prerender(_kept(context, path, keep=False), context.plan)) for path in paths]


def _read(context: JobContext, path: str) -> Parsed:
    decision, fresh = _read_record(context, path)
    plan = context.plan
    if plan is None:
        return decision, None, fresh
    fragments = prerender(decision, plan)
    return (slim(decision) if fragments is not None else decision), fragments, fresh


def _read_record(context: JobContext, path: str) -> tuple[Decision, Fresh]:
    """The record from the disk cache while its file is unchanged, else parsed (and then
    packed for the cache)."""
    disk = context.disk
    if disk is None:
        return read_record(context.root, path, context.vocabulary), None
    try:
        cached = unpack_entry(disk.get(context.root, path))
    except Exception:  # none, or not a record: parse the file
        cached = None
    if isinstance(cached, Decision):
        return cached, None
    decision, stamp, _ = read_stamped(context.root, path, context.vocabulary)
    return decision, (stamp, pack_entry(decision)) if stamp is not None else None


def _kept(context: JobContext, path: str, *, keep: bool) -> Decision:
    """A record this worker parsed (read again if it did not)."""
    packed = context.kept.get(path) if keep else context.kept.pop(path, None)
    return _read_record(context, path)[0] if packed is None else unpack(packed)
