"""Parsing records in the background while MkDocs renders pages.

A MkDocs build uses one core. A `ParseJob` parses records, and renders their own fragments, in
worker processes on the other cores, in the order pages will ask for them; by the time a
record's page is rendered its parse is usually done and the build never waits for the folder.

Given a page renderer, the workers then render record pages too, starting from the last page
while the build renders from the first; the build renders every page the workers have not
started yet, so the two meet where their speeds balance and neither waits for the other. Forked
workers run the renderer they inherit, so this needs a platform that can fork. The records' own
fragments are then rendered after the pages (the build needs them only when it writes pages),
so that the workers spend the time the build renders pages on pages.
"""

from __future__ import annotations

import dataclasses
import gc
import multiprocessing
import os
import pickle
import tempfile
import zlib
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import BrokenExecutor, Future, ProcessPoolExecutor
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from ..core.collection import ParseCache, no_gc, read_record
from ..core.export import slim
from ..core.model import Decision
from ..site.fragments import Fragments, PagePlan, prerender

CHUNK = 64
"""Records per task: large enough to amortise the round trip."""
FIRST_CHUNK = 4
"""The first tasks are small, so the first record page waits as little as possible."""
INLINE_LIMIT = 48
"""Fewer uncached records than this are parsed in the build process itself."""
PAGE_CHUNK = 8
"""Pages per rendering task: where the build meets the workers, it waits for at most the tasks
already handed to a worker."""

PageRenderer = Callable[[str, Decision], object]
"""Renders the page of a parsed record in a worker; None when the record has no page."""
Parsed = tuple[Decision, Fragments | None]

LaterTask = Callable[[bytes], bytes]
"""Work for after the parse (pickled arguments in, pickled result out), run in a worker."""

_page_renderer: PageRenderer | None = None
"""The renderer forked workers inherit: set before they start, never sent to them."""
_later_task: LaterTask | None = None
"""Likewise, the later task."""
_parsed_here: dict[str, bytes] = {}
"""In a worker: the records it parsed, for the pages and fragments it renders; packed
(`_pack`), since a worker may hold thousands while the build writes pages."""


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
        pages: PageRenderer | None = None,
        later: LaterTask | None = None,
    ) -> None:
        """`paths` in the order pages will ask for them. With `pages`, workers forked from this
        process render the pages too (see the module's description), and stay for `later`."""
        self.root = root
        self.paths = list(paths)
        self.cache = cache
        self.plan = plan
        self.rendered = rendered
        self.done: dict[str, Decision] = {}
        self.fragments: dict[str, Fragments | Spooled | None] = {}
        self.spool = Spool()
        self._last: tuple[str, Fragments | None] | None = None
        self.pending: dict[str, Future[bytes]] = {}
        self.pages: dict[str, object] = {}
        self.pending_pages: dict[str, Future[bytes]] = {}
        self.pending_fragments: dict[str, Future[bytes]] = {}
        self.fragment_tasks: dict[Future[bytes], list[str]] = {}
        self.outstanding: set[Future[bytes]] = set()
        """Tasks after the parse (fragments, the later task): the workers go when all are done."""
        self.pool: ProcessPoolExecutor | None = None
        self.shared = False
        self._stats: dict[str, os.stat_result] = {}
        self._strings: dict[str, str] = {}
        self.errors: list[BaseException] = []
        """Why worker tasks failed; the build did their work itself."""
        todo = [path for path in self.paths if not self._from_cache(path)]
        self.parsed = todo
        count = workers if workers is not None else max(1, (os.cpu_count() or 1) - 1)
        if len(todo) < INLINE_LIMIT or count < 1:
            for path in todo:
                self._keep(_read(root, path, plan))
            return
        render = pages is not None and "fork" in multiprocessing.get_all_start_methods()
        if render:
            global _page_renderer, _later_task
            _page_renderer, _later_task = pages, later  # before the first task, which forks
            self.shared = True
            context = multiprocessing.get_context("fork")
            self.pool = ProcessPoolExecutor(max_workers=count, mp_context=context)
        else:
            self.pool = ProcessPoolExecutor(max_workers=count)
        start, size = 0, FIRST_CHUNK
        while start < len(todo):
            chunk = todo[start : start + size]
            with _frozen_gc() if start == 0 else nullcontext():  # the first task forks
                future = self.pool.submit(_read_chunk, root, chunk, _for_chunk(plan, chunk), render)
            for path in chunk:
                self.pending[path] = future
            start, size = start + size, min(CHUNK, size * 2)
        for end in range(len(todo), 0, -PAGE_CHUNK) if render else ():
            chunk = todo[max(0, end - PAGE_CHUNK) : end]
            rendering = self.pool.submit(_render_chunk, root, chunk)
            for path in chunk:
                self.pending_pages[path] = rendering

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
        if self.failed(future):  # the build parses the task's records itself
            chunk = [other for other, task in self.pending.items() if task is future]
            plan = None if self.shared else self.plan  # shared: fragments come later
            parsed_chunk = [_read(self.root, other, plan) for other in chunk]
        else:
            parsed_chunk = pickle.loads(future.result())
        for parsed in parsed_chunk:
            self._keep(parsed)
        return self.done.get(path)

    def page_of(self, path: str) -> object:
        """The record's page as a worker rendered it, or None when no worker has started it
        (it is then left to the caller); handed out once."""
        future = self.pending_pages.pop(path, None)
        # cancel() is also True if cancelled; a failed task's pages are left to the caller.
        if future is not None and not future.cancel() and not self.failed(future):
            for done, page in pickle.loads(future.result()):
                self.pending_pages.pop(done, None)
                self.pages[done] = page
        return self.pages.pop(path, None)

    def fragments_of(self, path: str) -> Fragments | None:
        """The record's pre-rendered header and comparison (rendered here if not yet)."""
        decision = self.result(path)
        if decision is None or self.plan is None:
            return None
        if self._last is not None and self._last[0] == path:
            return self._last[1]  # a page asks for its header, then its comparison
        future = self.pending_fragments.get(path)
        if future is not None:
            self._take_fragments(future)
            self.settle()
        if path not in self.fragments:
            # A slim record has lost the body its fragments show: read it again.
            full = read_record(self.root, path) if decision.slim else decision
            self._remember(path, prerender(full, self.plan))
        kept = self.fragments[path]
        fragments = Fragments(*self.spool.get(kept)) if isinstance(kept, Spooled) else kept
        self._last = (path, fragments)
        return fragments

    def results(self) -> list[Decision]:
        """Every parse, in the order of `paths`. Workers that only parse are done then."""
        for path in self.paths:
            self.result(path)
        if not self.shared:
            self.close()
        return [self.done[path] for path in self.paths if path in self.done]

    def prerender(self) -> None:
        """Workers that rendered pages render the records' fragments next, in page order: the
        build writes pages in that order, and waits for a task only if it catches up with the
        workers (a task takes them a few milliseconds per record)."""
        if not self.shared or self.pool is None or self.plan is None:
            return
        todo = [path for path in self.parsed if path in self.plan.pages]
        for start in range(0, len(todo), CHUNK):
            chunk = todo[start : start + CHUNK]
            plan = _for_chunk(self.plan, chunk)
            future = self._submit(_prerender_chunk, self.root, chunk, plan)
            if future is None:
                return
            self.outstanding.add(future)
            self.fragment_tasks[future] = chunk
            for path in chunk:
                self.pending_fragments[path] = future

    def later(self, arguments: bytes) -> Future[bytes] | None:
        """Run the later task in a worker; None when there is no worker for it. Hand the
        future to `settle` once its result is taken."""
        if self.pool is None or not self.shared or _later_task is None:
            return None
        future = self._submit(_run_later, arguments)
        if future is not None:
            self.outstanding.add(future)
        return future

    def _submit(self, task: Callable[..., bytes], *arguments: object) -> Future[bytes] | None:
        """A task for the workers, or None if they are gone (a worker was killed): the build
        then does the work itself."""
        assert self.pool is not None
        try:
            return self.pool.submit(task, *arguments)
        except BrokenExecutor as error:
            self.errors.append(error)
            self.close()
            return None

    def poll(self) -> None:
        """Move the fragments of every task the workers have finished to the spool, and when
        every task is done let the workers go (each holds memory)."""
        if not self.outstanding:
            return
        for future in [future for future in self.fragment_tasks if future.done()]:
            self._take_fragments(future)
        if all(future.done() for future in self.outstanding):
            self.close()

    def _take_fragments(self, future: Future[bytes]) -> None:
        """The fragments of one task, into the spool: that task is done with (those of a
        cancelled or failed task are rendered here when asked for)."""
        chunk: list[tuple[str, Fragments | None]] = []
        if not self.failed(future):
            chunk = pickle.loads(future.result())
        self.outstanding.discard(future)
        for path in self.fragment_tasks.pop(future, []):
            self.pending_fragments.pop(path, None)
        for path, fragments in chunk:
            self._remember(path, fragments)

    def failed(self, future: Future[bytes]) -> bool:
        """Whether a task gave no result: cancelled, or failed (why is kept in `errors`).
        Waits for the task to finish."""
        if future.cancelled():
            return True
        error = future.exception()
        if error is not None and not any(error is kept for kept in self.errors):
            self.errors.append(error)
        return error is not None

    def settle(self, future: Future[bytes] | None = None) -> None:
        """One task after the parse is done with; when none is left the workers go (each
        holds memory)."""
        if future is not None:
            self.outstanding.discard(future)
        if not self.outstanding:
            self.close()

    def close(self) -> None:
        global _page_renderer, _later_task
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None
        _page_renderer = _later_task = None
        self.pending_pages.clear()
        self.outstanding.clear()

    def release(self) -> None:
        """Forget the fragments (after the last page is written)."""
        self.close()
        self.fragments.clear()
        self._last = None
        self.spool.close()

    def _keep(self, parsed: Parsed) -> None:
        decision, fragments = parsed
        _share_strings(decision, self._strings)
        path = decision.file
        self.done[path] = decision
        self.pending.pop(path, None)
        stat = self._stats.get(path)
        if self.cache is not None and stat is not None:
            self.cache.put(str(self.root / path), stat, decision)
        if self.plan is not None and not self.shared:  # shared: fragments come after pages
            self._remember(path, fragments)

    def _remember(self, path: str, fragments: Fragments | None) -> None:
        if self.rendered is None:  # a build: each page needs them once, later
            self.fragments[path] = (
                self.spool.put((fragments.header, fragments.comparison, fragments.record_json))
                if fragments
                else None
            )
            return
        self.fragments[path] = fragments
        stat = self._stats.get(path)
        plan = self.plan
        if plan is not None and fragments and stat:
            page = plan.pages.get(path)
            self.rendered.entries[path] = (
                stat.st_size,
                stat.st_mtime_ns,
                plan.fingerprint,
                page,
                fragments,
            )


@dataclass(frozen=True, slots=True)
class Spooled:
    """Where texts are in a `Spool`: the offset, and the length of each, in bytes."""

    offset: int
    lengths: tuple[int, ...]


class Spool:
    """Texts kept in an anonymous temporary file: a build renders fragments early and needs each
    one once, late, and thousands of them would otherwise stay in memory all along."""

    def __init__(self) -> None:
        self._file: IO[bytes] | None = None
        self._end = 0

    def put(self, texts: Sequence[str]) -> Spooled:
        if self._file is None:
            # Open until `close`: it outlives any one call.
            self._file = tempfile.TemporaryFile()  # noqa: SIM115
        parts = [text.encode() for text in texts]
        self._file.seek(self._end)
        for part in parts:
            self._file.write(part)
        spooled = Spooled(self._end, tuple(len(part) for part in parts))
        self._end += sum(spooled.lengths)
        return spooled

    def get(self, spooled: Spooled) -> tuple[str, ...]:
        assert self._file is not None
        self._file.seek(spooled.offset)
        data = self._file.read(sum(spooled.lengths))
        texts, start = [], 0
        for length in spooled.lengths:
            texts.append(data[start : start + length].decode())
            start += length
        return tuple(texts)

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None
            self._end = 0


@contextmanager
def _frozen_gc() -> Iterator[None]:
    """Objects that exist when workers fork are frozen for the fork: a worker's collector then
    never walks them, which would cost time and copy every memory page they live on."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def _share_strings(decision: Decision, strings: dict[str, str]) -> None:
    """Names, tags, elements and statuses recur across records: each record unpickled from a
    worker would hold its own copy of every one."""
    for name in ("deciders", "consulted", "informed", "tags", "c4"):
        values: list[str] = getattr(decision, name)
        values[:] = [strings.setdefault(value, value) for value in values]
    if decision.status is not None:
        decision.status = strings.setdefault(decision.status, decision.status)
    if decision.status_text is not None:
        decision.status_text = strings.setdefault(decision.status_text, decision.status_text)


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


# Tasks return their results pickled: the pool's receiving thread then only handles one buffer,
# and the objects the build keeps are made by the thread that keeps them. Objects made by the
# receiving thread come from its own allocator arena, which a build of thousands of records
# leaves fragmented (about 40 MB at 5,000 records).


def _read_chunk(root: Path, paths: list[str], plan: PagePlan | None, shared: bool) -> bytes:
    """Parse, and pre-render fragments; workers that render pages keep the records for them,
    and leave fragments for later (`_prerender_chunk`)."""
    with no_gc():
        if shared:
            pages = plan.pages if plan is not None else {}
            parsed: list[Parsed] = []
            for path in paths:
                decision = read_record(root, path)
                if path in pages:  # kept for its page and its fragments
                    _parsed_here[path] = _pack(decision)
                parsed.append((slim(decision) if path in pages else decision, None))
        else:
            parsed = [_read(root, path, plan) for path in paths]
    return pickle.dumps(parsed, pickle.HIGHEST_PROTOCOL)


def _prerender_chunk(root: Path, paths: list[str], plan: PagePlan | None) -> bytes:
    assert plan is not None
    with no_gc():
        done = [(path, prerender(_parsed(root, path, keep=False), plan)) for path in paths]
    return pickle.dumps(done, pickle.HIGHEST_PROTOCOL)


def _run_later(arguments: bytes) -> bytes:
    assert _later_task is not None
    return _later_task(arguments)


def _render_chunk(root: Path, paths: list[str]) -> bytes:
    assert _page_renderer is not None
    rendered = []
    for path in paths:
        decision = _parsed(root, path, keep=True)
        rendered.append((path, _page_renderer(path, decision)))
    return pickle.dumps(rendered, pickle.HIGHEST_PROTOCOL)


def _parsed(root: Path, path: str, *, keep: bool) -> Decision:
    """A record this worker parsed (read again if it did not)."""
    packed = _parsed_here.get(path) if keep else _parsed_here.pop(path, None)
    return read_record(root, path) if packed is None else _unpack(packed)


def _pack(decision: Decision) -> bytes:
    # A third of the pickle's size, for a twentieth of a parse's time.
    return zlib.compress(pickle.dumps(decision, pickle.HIGHEST_PROTOCOL), 1)


def _unpack(packed: bytes) -> Decision:
    decision: Decision = pickle.loads(zlib.decompress(packed))
    return decision
