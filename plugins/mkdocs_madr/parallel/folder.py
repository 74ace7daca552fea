"""A whole folder of records read on every core, for the CLI."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from ..core.collection import Collection, build_collection, read_record, scan_folder
from ..core.model import KNOWN_STATUSES, Decision
from ..core.parse.vocabulary import DEFAULT, Vocabulary
from ..core.sources.read import SourceRecords, join_sources
from ..core.walk import Links
from .packing import no_gc
from .pool import Pool, SerialPool, start_pool

PARALLEL_THRESHOLD = 400
"""Below this many files a process pool costs more than it saves."""

AfterParse = Callable[[Decision], tuple[Decision, str | None]]
"""Work done on each record right after its parse, where it was parsed: the record to keep
(the same or a slimmer one) and a text kept in `Collection.extras`. A module-level function,
so worker processes can receive it."""


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
) -> Collection:
    """`core.collection.load_collection`, with the parse spread over `workers` processes
    (default: every core, since this process only waits) for large folders; with the records
    of `sources` joined to the folder's."""
    paths, problems = scan_folder(root, links)
    count = (os.cpu_count() or 1) if workers is None else workers
    context = _Context(root, after_parse, vocabulary)
    pool: Pool
    if count <= 1 or len(paths) < PARALLEL_THRESHOLD:
        pool, size = SerialPool(context), max(1, len(paths))
    else:
        pool = start_pool(context, count)
        size = max(16, len(paths) // (count * 16))  # small tasks keep every worker busy
    try:
        handles = [pool.submit(_parse, paths[at : at + size]) for at in range(0, len(paths), size)]
        parsed = [found for handle in handles for found in handle.result()]
    finally:
        pool.teardown()
    decisions = [decision for decision, _ in parsed]
    if sources is not None:
        collection = join_sources(root, decisions, problems, sources, statuses=statuses)
    else:
        collection = build_collection(root, decisions, problems, statuses=statuses)
    collection.extras = {decision.file: extra for decision, extra in parsed if extra is not None}
    return collection


def _parse(context: _Context, paths: list[str]) -> list[tuple[Decision, str | None]]:
    with no_gc():
        parsed = [read_record(context.root, path, context.vocabulary) for path in paths]
        if context.after_parse is None:
            return [(decision, None) for decision in parsed]
        return [context.after_parse(decision) for decision in parsed]
