"""Linting files in worker processes: the pool, each worker's Linter, and what happens when
a worker dies.

A part of :class:`~edlint.engine.linter.Linter` (its state is set up in ``Linter.__init__``).
Workers find ``_init_worker`` and ``_lint_chunk`` here by module path.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..policy import INTERNAL_ERROR
from ..results import FileResult
from .lint import _file_error
from .recipe import LinterRecipe

if TYPE_CHECKING:
    from .linter import Linter

MIN_FILES_PER_WORKER = 8


class ParallelPool:
    """Lint a list of files in worker processes."""

    def _run_parallel(self, files: list[str], jobs: int) -> list[FileResult]:
        """Worker processes lint chunks of files; results come back in file order.

        A worker killed by a signal (the OOM killer, a crash in a C library) breaks the
        pool: the files without results are linted again in a fresh pool, and if that breaks
        too, one per task in a single worker, so the file that kills its worker is found and
        reported as an internal-error (exit 2); the others are linted normally."""
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor
        from concurrent.futures.process import BrokenProcessPool

        # Fork shares the already-imported rules and parsed config with the workers.
        methods = multiprocessing.get_all_start_methods()
        ctx = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
        chunk = max(MIN_FILES_PER_WORKER, min(64, len(files) // (jobs * 4) or 1))
        chunks = [files[i : i + chunk] for i in range(0, len(files), chunk)]
        by_path: dict[str, FileResult] = {}
        state = LinterRecipe.of(self)

        def pool_of(workers: int) -> Any:
            return ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=_init_worker, initargs=(state,))

        def attempt(pool: Any, parts: list[list[str]]) -> bool:
            """Lint ``parts`` in ``pool``; keep every chunk that came back. True: it broke."""
            broken = False
            futures = []
            for part in parts:
                try:
                    futures.append(pool.submit(_lint_chunk, part))
                except BrokenProcessPool:  # it broke while work was still being handed out
                    broken = True
                    break
            for future in futures:
                try:
                    for r in future.result():
                        by_path[r.path] = r
                except BrokenProcessPool:
                    broken = True
            return broken

        pool = pool_of(jobs)
        try:
            broken = attempt(pool, chunks)
            if broken:
                # Once more in parallel (memory pressure may have passed), in small chunks.
                pool.shutdown(wait=True)
                left = [p for p in files if p not in by_path]
                pool = pool_of(jobs)
                step = MIN_FILES_PER_WORKER
                broken = attempt(pool, [left[i : i + step] for i in range(0, len(left), step)])
            if broken:
                # Then one file per task in a single worker: the first file without a result
                # when it breaks is the one that kills it.
                pool.shutdown(wait=True)
                left = [p for p in files if p not in by_path]
                while left:
                    pool = pool_of(1)
                    try:
                        for path in left:
                            by_path[path] = pool.submit(_lint_chunk, [path]).result()[0]
                    except BrokenProcessPool:
                        culprit = next(p for p in left if p not in by_path)
                        by_path[culprit] = _worker_died(culprit)
                    pool.shutdown(wait=True)
                    left = [p for p in left if p not in by_path]
        except BaseException:
            # Ctrl-C (or a failure): stop the workers now rather than after their chunks, and
            # do not wait for the pool (the CLI exits 130 at once).
            for process in multiprocessing.active_children():
                try:
                    process.terminate()
                except (OSError, AttributeError):
                    pass
            pool.shutdown(wait=False, cancel_futures=True)
            raise
        pool.shutdown(wait=True)
        results = []
        for path in files:
            r = by_path[path]
            # Settings hold rule objects (not always picklable): recompute here.
            r.settings = self.settings_for(r.path, self.config_for(r.path))
            results.append(r)
        return results


_WORKER: Linter | None = None


def _init_worker(state: LinterRecipe) -> None:
    global _WORKER
    import signal

    # Ctrl-C goes to the whole process group: the parent alone handles it and stops us.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _WORKER = state.make()


def _lint_chunk(paths: list[str]) -> list[FileResult]:
    assert _WORKER is not None
    out = []
    for p in paths:
        r = _WORKER._compact(_WORKER.lint_file(p))
        r.settings = None
        out.append(r)
    return out


def _worker_died(path: str) -> FileResult:
    result = FileResult(path=path, internal_error=True)
    result.findings.append(
        _file_error(
            path,
            "The worker process linting this file was killed (out of memory?); the file was not checked",
            INTERNAL_ERROR,
        )
    )
    return result
