"""``edlint check --executor dask``: connect to a scheduler (or start a LocalCluster sized to
the machine), send batches of files and export posts as tasks, show progress, reduce the
cross-file facts on the cluster, and return a RunResult like a local run's.

Tasks are retried when a worker dies (``retries``; Dask also recomputes results that were
held by a lost worker). A batch that keeps killing its workers is reported, file by file, as
an internal error (exit 2), as the local pool reports a file that kills its worker.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from typing import Any

from ..results import Diagnostic, RunResult, finalize_findings
from . import ClusterError, require

RETRIES = 3
CONNECT_TIMEOUT = "10s"
MERGE_FAN_IN = 8


def batch_size_for(units: int, workers: int) -> int:
    """Large enough that a task outweighs its scheduling (~1 ms each), small enough that
    every worker gets several (load balance, and little lost when a worker dies)."""
    return max(8, min(256, units // max(1, workers * 8) or 1))


def run_dask(
    linter: Any,
    files: list[str],
    *,
    scheduler: str | None,
    cache_dir: str | None = None,
    progress: bool = False,
    say: Callable[[str], None] = lambda _m: None,
    workers: int | None = None,
) -> RunResult:
    require()
    from .tasks import RunState

    units = linter.expand_exports(files)
    client, cluster = _connect(scheduler, workers)
    try:
        link = _dashboard(client)
        n_workers = max(1, len(client.scheduler_info().get("workers", {})))
        where = scheduler or f"a local cluster of {n_workers} worker(s)"
        say(f"dask: {len(units)} document(s) on {where}" + (f"; dashboard: {link}" if link else ""))
        state = RunState.of(linter, cache_dir)
        started = time.monotonic()
        result = _submit_and_gather(client, state, units, n_workers, progress)
        if cache_dir is not None:
            from .tasks import save_caches

            client.run(save_caches)
        elapsed = time.monotonic() - started
        rate = len(units) / elapsed if elapsed > 0 else 0.0
        say(f"dask: {len(units)} document(s) in {elapsed:.1f} s on {n_workers} worker(s) ({rate:.0f}/s)")
    finally:
        _close(client, cluster)
    for message in result.messages:
        if message not in linter.messages:
            linter.messages.append(message)
    return RunResult(
        result.findings, result.files, result.internal_error or linter.plugin_failed, list(linter.messages)
    )


def _connect(scheduler: str | None, workers: int | None) -> tuple[Any, Any]:
    from distributed import Client, LocalCluster

    if scheduler:
        _probe(scheduler)
        try:
            return Client(scheduler, timeout=CONNECT_TIMEOUT, set_as_default=False), None
        except (OSError, TimeoutError) as exc:
            raise ClusterError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None
        except ValueError as exc:  # a malformed address
            raise ClusterError(f"not a Dask scheduler address: {scheduler} ({exc})") from None
    n = workers or _cpus()
    import signal

    # Ctrl-C goes to the whole process group: the workers (which inherit an ignored signal)
    # leave it to this process, which cancels their tasks and closes the cluster.
    try:
        previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    except ValueError:  # not the main thread (an API caller's thread): nothing to inherit
        previous = None
    try:
        cluster = LocalCluster(
            n_workers=n,
            threads_per_worker=1,  # the pipeline is pure Python: processes, not threads
            processes=True,
            dashboard_address=":0" if _has_bokeh() else None,
            silence_logs=40,
        )
    except Exception as exc:  # noqa: BLE001 - any failure to start is a cluster error (exit 2)
        raise ClusterError(f"could not start a local Dask cluster: {type(exc).__name__}: {exc}") from None
    finally:
        if previous is not None:
            signal.signal(signal.SIGINT, previous)
    return Client(cluster, set_as_default=False), cluster


def _cpus() -> int:
    """The CPUs this process may use (the CLI passes its own count; the API has this one)."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def _probe(address: str) -> None:
    """A refused or unroutable TCP address fails now, not after the client's long retries."""
    import socket
    from urllib.parse import urlsplit

    if not address.startswith("tcp://"):
        return  # tls://, ucx://, inproc://: the client says
    try:
        parts = urlsplit(address)
        host, port = parts.hostname, parts.port or 8786
    except ValueError as exc:
        raise ClusterError(f"not a Dask scheduler address: {address} ({exc})") from None
    if not host:
        raise ClusterError(f"not a Dask scheduler address: {address}")
    try:
        socket.create_connection((host, port), timeout=5).close()
    except OSError as exc:
        raise ClusterError(f"cannot reach the Dask scheduler at {address}: {exc.strerror or exc}") from None


def _has_bokeh() -> bool:
    import importlib.util

    return importlib.util.find_spec("bokeh") is not None


def _dashboard(client: Any) -> str | None:
    try:
        return client.dashboard_link if _has_bokeh() or client.cluster is None else None
    except Exception:  # noqa: BLE001 - a link is a courtesy
        return None


def _close(client: Any, cluster: Any) -> None:
    try:
        client.close(timeout=5)
    except Exception:  # noqa: BLE001 - closing after a failure must not hide it
        pass
    if cluster is not None:
        try:
            cluster.close(timeout=5)
        except Exception:  # noqa: BLE001
            pass


def _submit_and_gather(client: Any, state: Any, units: list[str], n_workers: int, progress: bool) -> RunResult:
    from distributed import as_completed

    from . import tasks

    size = batch_size_for(len(units), n_workers)
    batches = [units[i : i + size] for i in range(0, len(units), size)]
    token = os.urandom(4).hex()
    n = len(batches)
    every: list[Any] = []
    try:
        lint_f = client.map(
            tasks.lint_batch, [state] * n, batches, key=[f"edlint-lint-{token}-{i}" for i in range(n)], retries=RETRIES
        )
        found_f = client.map(
            tasks.findings_of, lint_f, key=[f"edlint-findings-{token}-{i}" for i in range(n)], retries=RETRIES
        )
        every = [*lint_f, *found_f]
        facts = client.map(tasks.facts_of, lint_f, key=[f"edlint-facts-{token}-{i}" for i in range(n)], retries=RETRIES)
        every += facts
        level = 0
        while len(facts) > 1:
            level += 1
            facts = [
                client.submit(
                    tasks.merge_facts,
                    *facts[i : i + MERGE_FAN_IN],
                    key=f"edlint-merge-{token}-{level}-{i}",
                    retries=RETRIES,
                )
                for i in range(0, len(facts), MERGE_FAN_IN)
            ]
            every += facts
        combined = client.submit(
            tasks.combine, state, facts[0] if facts else {}, key=f"edlint-combine-{token}", retries=RETRIES
        )
        located_f = client.map(
            tasks.locate,
            [state] * n,
            lint_f,
            [combined] * n,
            key=[f"edlint-locate-{token}-{i}" for i in range(n)],
            retries=RETRIES,
        )
        every += [combined, *located_f]

        per_batch: list[list[Diagnostic] | None] = [None] * n
        index = {f.key: i for i, f in enumerate(found_f)}
        internal = False
        messages: list[str] = []
        done_units = 0
        bar = _Progress(len(units)) if progress else None
        for future in as_completed(found_f, loop=client.loop):
            i = index[future.key]
            try:
                findings, failed, notes, count = future.result()
            except Exception as exc:  # noqa: BLE001 - a batch that keeps killing workers
                findings, failed, notes, count = _lost_batch(batches[i], exc)
            per_batch[i] = findings
            internal = internal or failed
            messages.extend(m for m in notes if m not in messages)
            done_units += count
            future.release()
            if bar is not None:
                bar.show(done_units)
        if bar is not None:
            bar.finish()
        cross: list[Diagnostic] = []
        for future in located_f:
            try:
                cross.extend(future.result())
            except Exception:  # noqa: BLE001 - its batch was reported as lost above
                continue
        try:
            _produced, notes = combined.result()
            messages.extend(m for m in notes if m not in messages)
        except Exception as exc:  # noqa: BLE001
            messages.append(f"cross-file rules failed on the cluster: {type(exc).__name__}: {exc}")
    except BaseException:
        # Ctrl-C (or a failure): the cluster's tasks are cancelled, not left running.
        client.cancel(every, force=True)
        raise
    findings = [f for part in per_batch if part for f in part]
    findings.extend(cross)
    return RunResult(finalize_findings(findings), len(units), internal, messages)


def _lost_batch(batch: list[str], exc: BaseException) -> tuple[list[Diagnostic], bool, list[str], int]:
    from ..engine.lint import _file_error
    from ..policy import INTERNAL_ERROR

    why = f"The Dask worker linting this file failed ({type(exc).__name__}: {exc}); the file was not checked"
    return [_file_error(str(p), why, INTERNAL_ERROR) for p in batch], True, [], len(batch)


class _Progress:
    """A one-line progress bar on stderr (a terminal only)."""

    def __init__(self, total: int) -> None:
        self.total = max(1, total)
        self.started = time.monotonic()
        self.last = 0.0

    def show(self, done: int, force: bool = False) -> None:
        now = time.monotonic()
        if not force and now - self.last < 0.2 and done < self.total:
            return
        self.last = now
        width = 30
        filled = int(width * done / self.total)
        rate = done / max(1e-6, now - self.started)
        sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{self.total} ({rate:.0f}/s)")
        sys.stderr.flush()

    def finish(self) -> None:
        self.show(self.total, force=True)
        sys.stderr.write("\n")
        sys.stderr.flush()
