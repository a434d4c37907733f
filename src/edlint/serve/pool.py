"""Where the CPU work of a request runs: worker threads (the default) or worker processes.

Threads share the service's one Workspace (the archive's facts, kept current by the
watcher). Processes (``--processes N``) each build their own service and scan the archive
at start, so they use N cores and the pack regexes' CPU budget applies (it needs a main
thread), at the price of N copies of the facts and a restart of the workers whenever the
configuration or an article changes. benchmarks/README.md compares the two.
"""

from __future__ import annotations

import threading
from concurrent.futures import Executor, Future, ThreadPoolExecutor
from dataclasses import replace
from typing import Any

from .service import CheckService
from .settings import ServeSettings

_WORKER: CheckService | None = None  # the service of a worker process


def _start_worker(settings: ServeSettings) -> None:
    import signal

    global _WORKER
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the server's to handle
    _WORKER = CheckService(replace(settings, watch_interval=0, processes=0))
    _WORKER.start()


def _in_worker(method: str, args: tuple, kwargs: dict) -> Any:
    assert _WORKER is not None
    return getattr(_WORKER, method)(*args, **kwargs)


class Pool:
    """The executor and the count of jobs taken (waiting or running)."""

    def __init__(self, settings: ServeSettings, service: CheckService) -> None:
        self.settings, self.service = settings, service
        self.max_pending = settings.max_pending
        self._taken = 0
        self._lock = threading.Lock()
        if settings.processes:
            self.executor: Executor = self._processes()
            service.on_change.append(self.restart)
        else:
            self.executor = ThreadPoolExecutor(max_workers=max(1, settings.workers), thread_name_prefix="edlint-serve")

    def _processes(self) -> Executor:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        # spawn, not fork: the server has threads (the event loop's, the watcher's).
        executor = ProcessPoolExecutor(
            max_workers=self.settings.processes,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_start_worker,
            initargs=(self.settings,),
        )
        # Start every worker now (each scans the archive) rather than on the first requests.
        for _ in range(self.settings.processes):
            executor.submit(_in_worker, "health", (), {})
        return executor

    def restart(self) -> None:
        """New workers with the configuration and facts now on disk; the old ones finish
        what they were given."""
        old, self.executor = self.executor, self._processes()
        old.shutdown(wait=False)

    def call(self, method: str, *args: Any, **kwargs: Any) -> Future:
        if self.settings.processes:
            return self.executor.submit(_in_worker, method, args, kwargs)
        return self.executor.submit(getattr(self.service, method), *args, **kwargs)

    def take(self) -> bool:
        with self._lock:
            if self._taken >= self.max_pending:
                return False
            self._taken += 1
            return True

    def release(self) -> None:
        with self._lock:
            self._taken -= 1

    @property
    def taken(self) -> int:
        return self._taken

    def shutdown(self) -> None:
        self.executor.shutdown(wait=False, cancel_futures=True)
