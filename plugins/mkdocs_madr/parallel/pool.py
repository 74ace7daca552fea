"""Where tasks run: in this process (`SerialPool`, the reference) or in worker processes
(`ProcessPool`), behind one lifecycle: `start`, `submit`, `join`, `teardown`.

A task is a module-level function called as `task(context, *arguments)`. The context is what
every task of a job reads (the folder, a page plan, a page renderer). Forked workers inherit it
as it was when the pool started, so it never travels through a pipe; without fork it is pickled
once per worker, so it must then be picklable. Results travel back pickled and are unpickled by
the thread that takes them (`Handle.result`): objects made by the pool's receiving thread come
from that thread's allocator arena, which thousands of results leave fragmented.

A task that fails in a worker, or whose worker is gone, is run again in this process when its
result is taken, unless the caller does that work another way (`retry_here=False`); `errors`
keeps why it failed.

`multiprocessing` and `concurrent.futures` are imported when a process pool starts: a command
whose records all come from the cache starts none.
"""

from __future__ import annotations

import gc
import os
import pickle
from abc import ABC, abstractmethod
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Generic, TypeVar

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor

T = TypeVar("T")

_worker_context: object = None
"""In a worker process: its pool's context (set by `_install`). Never set in the build."""
_in_worker = False


def in_worker() -> bool:
    """Whether this code runs in a pool's worker process."""
    return _in_worker


def can_fork() -> bool:
    import multiprocessing

    return "fork" in multiprocessing.get_all_start_methods()


def default_workers() -> int:
    """The other cores: the calling process keeps one."""
    return max(1, (os.cpu_count() or 1) - 1)


class Handle(Generic[T]):
    """One submitted task: its result, once, waiting for it if need be."""

    def __init__(
        self,
        pool: Pool,
        task: Callable[..., T],
        arguments: tuple[object, ...],
        future: Future[bytes] | None,
        *,
        retry_here: bool,
    ) -> None:
        self._pool = pool
        self._task = task
        self._arguments = arguments
        self._future = future
        self._retry_here = retry_here
        self._value: T | None = None
        self._has_value = False

    def done(self) -> bool:
        """Whether taking the result would not wait for a worker."""
        return self._has_value or self._future is None or self._future.done()

    def cancel(self) -> bool:
        """Cancel the task if no worker has started it; True if it will never run there."""
        return self._future is not None and self._future.cancel()

    def failed(self) -> bool:
        """Whether the task gave no result in a worker (cancelled, failed, or its worker is
        gone); waits for it. Why it failed is kept in the pool's `errors`."""
        if self._has_value:
            return False
        future = self._future
        if future is None:
            return False  # a serial pool's task runs when its result is taken
        if future.cancelled():
            return True
        error = future.exception()
        if error is not None:
            self._pool.record(error)
        return error is not None

    def result(self) -> T:
        """The task's result; computed here if it failed in a worker (see `retry_here`)."""
        if not self._has_value:
            if self._future is not None and not self.failed():
                self._value = pickle.loads(self._future.result())
            elif self._retry_here or self._future is None:
                self._value = self._task(self._pool.context, *self._arguments)
            else:
                raise LookupError("the task failed in a worker and is not run again here")
            # The pickled result and the arguments can go: a build holds thousands of handles.
            self._has_value, self._future, self._arguments = True, None, ()
        return self._value  # type: ignore[return-value]


class Pool(ABC):
    """Runs tasks of one job; `context` is the first argument of every task."""

    def __init__(self, context: object) -> None:
        self.context = context
        self.errors: list[BaseException] = []
        """Why tasks failed in workers; each was done here instead (or left to the caller)."""

    def start(self) -> None:  # noqa: B027 - a serial pool has nothing to start
        """Make the workers ready (a forked worker copies the context as it is now)."""

    @abstractmethod
    def submit(
        self, task: Callable[..., T], *arguments: object, retry_here: bool = True
    ) -> Handle[T]:
        """Run `task(context, *arguments)`; with `retry_here`, a failure in a worker is
        repaired by running it here when the result is taken."""

    def join(self) -> None:  # noqa: B027 - nothing is pending in a serial pool
        """Wait until every submitted task has finished."""

    def teardown(self) -> None:  # noqa: B027
        """Let the workers go; tasks no worker has started are cancelled."""

    @property
    def parallel(self) -> bool:
        """Whether tasks can still run in workers."""
        return False

    def record(self, error: BaseException) -> None:
        if not any(error is kept for kept in self.errors):
            self.errors.append(error)


class SerialPool(Pool):
    """Every task runs in this process, when its result is first taken: the reference that
    the process pool must match."""

    def submit(
        self, task: Callable[..., T], *arguments: object, retry_here: bool = True
    ) -> Handle[T]:
        return Handle(self, task, arguments, None, retry_here=True)


class ProcessPool(Pool):
    """Tasks run in `workers` processes, forked when `fork` (the context is then inherited)."""

    def __init__(self, context: object, workers: int, *, fork: bool) -> None:
        super().__init__(context)
        self.workers = workers
        self.fork = fork and can_fork()
        self._executor: ProcessPoolExecutor | None = None
        self._started = False
        self._futures: set[Future[bytes]] = set()
        """Tasks not finished yet (a finished one leaves, with its result)."""

    def start(self) -> None:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        context = multiprocessing.get_context("fork") if self.fork else None
        self._executor = ProcessPoolExecutor(
            max_workers=self.workers,
            mp_context=context,
            initializer=_install,
            initargs=(self.context,),
        )

    @property
    def parallel(self) -> bool:
        return self._executor is not None

    def submit(
        self, task: Callable[..., T], *arguments: object, retry_here: bool = True
    ) -> Handle[T]:
        from concurrent.futures import BrokenExecutor

        future: Future[bytes] | None = None
        if self._executor is not None:
            try:
                if self._started:
                    future = self._executor.submit(_call, task, arguments)
                else:
                    # The first task starts the workers; what exists now is frozen for the
                    # fork, so a worker's collector never walks it (time, and copied pages).
                    self._started = True
                    gc.freeze()
                    try:
                        future = self._executor.submit(_call, task, arguments)
                    finally:
                        gc.unfreeze()
            except BrokenExecutor as error:  # a worker was killed: the rest is done here
                self.record(error)
                self.teardown()
        if future is not None:
            self._futures.add(future)
            future.add_done_callback(self._futures.discard)
        else:
            future = _failed_future()
        return Handle(self, task, arguments, future, retry_here=retry_here)

    def join(self) -> None:
        from concurrent.futures import wait

        wait(list(self._futures))

    def teardown(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None
        self._futures = set()


def start_pool(context: object, workers: int | None = None, *, fork: bool = False) -> Pool:
    """A started pool: `workers` processes (default: the other cores), or a serial pool when
    that is fewer than one."""
    count = default_workers() if workers is None else workers
    pool: Pool = ProcessPool(context, count, fork=fork) if count >= 1 else SerialPool(context)
    pool.start()
    return pool


def _failed_future() -> Future[bytes]:
    from concurrent.futures import Future

    future: Future[bytes] = Future()
    future.cancel()
    future.set_running_or_notify_cancel()
    return future


def _install(context: object) -> None:
    global _worker_context, _in_worker
    _worker_context, _in_worker = context, True


def _call(task: Callable[..., Any], arguments: tuple[object, ...]) -> bytes:
    return pickle.dumps(task(_worker_context, *arguments), pickle.HIGHEST_PROTOCOL)
