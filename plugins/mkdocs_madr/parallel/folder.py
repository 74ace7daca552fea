"""A whole folder of records read on every core, for the CLI."""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeGuard

from ..core.cache import RecordCache, Stamp, no_gc, read_stamped
from ..core.collection import Collection, build_collection, scan_folder
from ..core.model import KNOWN_STATUSES, Decision
from ..core.parse.vocabulary import DEFAULT, Vocabulary
from ..core.sources.read import SourceRecords, join_sources
from ..core.walk import Links
from .pool import Pool, SerialPool, start_pool

PARALLEL_THRESHOLD = 400
"""Below this many files a process pool costs more than it saves."""

Parsed = tuple[Decision, str | bytes | None]

AfterParse = Callable[[Decision, bytes], Parsed]
"""Work done on each record right after its parse, where it was parsed, given the record and the
bytes of its file: the record to keep (the same or a slimmer one) and a text (or UTF-8) kept in
`Collection.extras`. A module-level function, so worker processes can receive it."""


@dataclass(frozen=True)
class _Context:
    root: Path
    after_parse: AfterParse | None
    vocabulary: Vocabulary


def read_collection(
    root: Path,
    *,
    statuses: Iterable[str] = KNOWN_STATUSES,
    after_parse: AfterParse | None = None,
    workers: int | None = None,
    vocabulary: Vocabulary = DEFAULT,
    links: Links | None = None,
    sources: SourceRecords | None = None,
    cache_dir: Path | None = None,
) -> Collection:
    """`core.collection.load_collection`, with the parse spread over `workers` processes
    (default: every core, since this process only waits) for large folders, and records read
    before (as `after_parse` keeps them) taken from the cache in `cache_dir` while their files
    are unchanged; with the records of `sources` joined to the folder's."""
    paths, problems = scan_folder(root, links)
    variant = (
        "record" if after_parse is None else f"{after_parse.__module__}.{after_parse.__name__}"
    )
    cache = RecordCache.open(cache_dir, root, vocabulary, variant)
    parsed: dict[str, Parsed] = {}
    if cache.file is not None:
        for path in paths:
            value = cache.get(root, path)
            if _is_parsed(value):
                parsed[path] = value
    todo = [path for path in paths if path not in parsed]
    count = (os.cpu_count() or 1) if workers is None else workers
    context = _Context(root, after_parse, vocabulary)
    pool: Pool
    if count <= 1 or len(todo) < PARALLEL_THRESHOLD:
        pool, size = SerialPool(context), max(1, len(todo))
    else:
        # The reader, imported once here rather than by every worker forked from this process.
        importlib.import_module("..core.parse.record", __package__)
        pool = start_pool(context, count)
        size = max(16, len(todo) // (count * 16))  # small tasks keep every worker busy
    try:
        handles = [pool.submit(_parse, todo[at : at + size]) for at in range(0, len(todo), size)]
        for handle in handles:
            for path, found, stamp in handle.result():
                parsed[path] = found
                cache.put(path, stamp, found)
    finally:
        pool.teardown()
    cache.save()  # before the collection changes the records it was given
    ordered = [parsed[path] for path in paths]
    decisions = [decision for decision, _ in ordered]
    if sources is not None:
        collection = join_sources(root, decisions, problems, sources, statuses=statuses)
    else:
        collection = build_collection(root, decisions, problems, statuses=statuses)
    collection.extras = {decision.file: extra for decision, extra in ordered if extra is not None}
    return collection


def _is_parsed(value: object) -> TypeGuard[Parsed]:
    return (
        isinstance(value, tuple)
        and len(value) == 2
        and isinstance(value[0], Decision)
        and (value[1] is None or isinstance(value[1], (str, bytes)))
    )


def _parse(context: _Context, paths: list[str]) -> list[tuple[str, Parsed, Stamp | None]]:
    """Each record as `after_parse` keeps it, with the state of its file when it was read."""
    done = []
    with no_gc():
        for path in paths:
            decision, stamp, data = read_stamped(context.root, path, context.vocabulary)
            after_parse = context.after_parse
            found = (decision, None) if after_parse is None else after_parse(decision, data)
            done.append((path, found, stamp))
    return done
