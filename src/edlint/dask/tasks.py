"""What runs on a Dask worker: the same per-document pipeline as a local run, a batch at a
time, and the cross-file steps (gather facts per batch, combine once, locate per batch).

Each worker process builds one Linter per run settings (``state``) and keeps it, as the
local pool's workers do; nothing here imports dask, so the functions can be tested and
pickled without a cluster. Results stay on the workers: the client gathers only findings.
"""

from __future__ import annotations

import os
import pickle
from dataclasses import dataclass, field
from typing import Any

from ..engine.recipe import LinterRecipe
from ..results import Diagnostic, FileResult

_LINTERS: dict[bytes, Any] = {}
_CACHES: dict[str, Any] = {}
MAX_SHARDS = 16


@dataclass(frozen=True)
class RunState:
    """How the client's Linter was made (the recipe the local pool sends too), and the cache
    folder every worker can reach (a shared file system), or None."""

    recipe: LinterRecipe
    cache_dir: str | None = None

    @classmethod
    def of(cls, linter: Any, cache_dir: str | None = None) -> RunState:
        return cls(LinterRecipe.of(linter), cache_dir)


@dataclass
class BatchResult:
    """One batch's results as kept on its worker: per-file results (for locating cross-file
    findings later) and the batch's cross-file facts, rule id -> [(path, facts)]."""

    results: list[FileResult]
    facts: dict[str, list[tuple[str, Any]]] = field(default_factory=dict)


def worker_linter(state: RunState) -> Any:
    key = pickle.dumps(state)
    linter = _LINTERS.get(key)
    if linter is None:
        linter = _LINTERS[key] = state.recipe.make()
    return linter


def _worker_cache(state: RunState) -> Any:
    """This worker's cache store, under the shared cache folder (one store per worker: the
    store is written whole, so workers must not share one)."""
    if state.cache_dir is None or os.environ.get("EDLINT_NO_CACHE"):
        return None
    cache = _CACHES.get(state.cache_dir)
    if cache is None:
        from ..cache import Cache

        try:
            from distributed import get_worker

            name = str(get_worker().name)
        except (ImportError, ValueError):
            name = "local"
        safe = "".join(c if c.isalnum() or c in "-_." else "_" for c in name)
        cache = _CACHES[state.cache_dir] = Cache(os.path.join(state.cache_dir, "dask", f"worker-{safe}"))
        _CACHES[state.cache_dir + "\0shards"] = _shards(state.cache_dir, cache)
    return cache


def _shards(cache_dir: str, own: Any) -> list[Any]:
    """Every worker store of earlier runs: read for hits, never written."""
    from ..cache import Cache

    folder = os.path.join(cache_dir, "dask")
    try:
        found = [os.path.join(folder, n) for n in os.listdir(folder) if n.startswith("worker-")]
        found.sort(key=lambda f: os.stat(f).st_mtime, reverse=True)
    except OSError:
        return []
    # The most recent stores only: workers named by address leave one per run.
    return [Cache(f) for f in found if f != own.folder][:MAX_SHARDS]


def lint_batch(state: RunState, units: list[str]) -> BatchResult:
    """Lint files (paths) or export posts (ExportItems), or texts given as ``(path, text)``."""
    from ..engine.cache_io import _to_cache
    from ..engine.cross_file import facts_by_rule

    linter = worker_linter(state)
    cache = _worker_cache(state)
    shards = _CACHES.get(f"{state.cache_dir}\0shards", []) if cache is not None else []
    results = []
    for unit in units:
        if isinstance(unit, tuple):
            path, text = unit
            results.append(linter._compact(linter.lint_file(path, text)))
            continue
        key = linter._cache_key(unit) if cache is not None else None
        hit = None
        if key:
            for store in (cache, *shards):
                entry = store.get(key)
                if entry is not None and (hit := linter._from_cache(unit, entry)) is not None:
                    break
        if hit is not None:
            results.append(hit)
            if cache.get(key) is None:
                cache.put(key, entry)
            continue
        r = linter._compact(linter.lint_file(unit))
        if key and not r.internal_error and not r.messages:
            entry = _to_cache(r)
            if entry is not None:
                cache.put(key, entry)
        results.append(r)
    by_rule, _rules = facts_by_rule(results)
    for r in results:
        r.settings = None  # rule objects are not sent between processes; recomputed where needed
    return BatchResult(results, by_rule)


def save_caches() -> int:
    """Write this worker's cache store (run on every worker at the end of a run)."""
    saved = 0
    for key, cache in list(_CACHES.items()):
        if "\0" not in key:
            cache.save()
            saved += 1
    _CACHES.clear()
    return saved


def findings_of(batch: BatchResult) -> tuple[list[Diagnostic], bool, list[str], int]:
    """(findings, internal error, run messages, units) of a batch: what the client gathers."""
    findings: list[Diagnostic] = []
    internal = False
    messages: list[str] = []
    for r in batch.results:
        findings.extend(r.findings)
        internal = internal or r.internal_error
        messages.extend(m for m in r.messages if m not in messages)
    return findings, internal, messages, len(batch.results)


def facts_of(batch: BatchResult) -> dict[str, list[tuple[str, Any]]]:
    return batch.facts


def merge_facts(*parts: dict[str, list[tuple[str, Any]]]) -> dict[str, list[tuple[str, Any]]]:
    """Facts of several batches, batch order kept (a tree reduction's step)."""
    out: dict[str, list[tuple[str, Any]]] = {}
    for part in parts:
        for rule_id, facts in part.items():
            out.setdefault(rule_id, []).extend(facts)
    return out


def combine(state: RunState, by_rule: dict[str, list[tuple[str, Any]]]) -> tuple[list[Any], list[str]]:
    """Run each cross-file rule once over every file's facts: (produced, messages)."""
    from ..engine.cross_file import combine_facts

    linter = worker_linter(state)
    rules: dict[str, tuple[Any, Any]] = {}
    for rule_id, facts in by_rule.items():
        path = facts[0][0]
        settings = linter.settings_for(path, linter.config_for(path))
        for rule in settings.rules:
            if rule.id == rule_id:
                rules[rule_id] = (rule, settings.options.get(rule_id))
    messages: list[str] = []
    by_rule = {k: v for k, v in by_rule.items() if k in rules}
    return combine_facts(by_rule, rules, messages), messages


def locate(state: RunState, batch: BatchResult, combined: tuple[list[Any], list[str]]) -> list[Diagnostic]:
    """The cross-file findings that fall in this batch's files, located there."""
    from ..engine.cross_file import locate_produced

    produced, _messages = combined
    index = {r.path: r for r in batch.results}
    mine = [p for p in produced if p[2] in index]
    if not mine:
        return []
    linter = worker_linter(state)
    for path in {p[2] for p in mine}:
        r = index[path]
        r.settings = linter.settings_for(r.path, linter.config_for(r.path))
    try:
        return locate_produced(mine, index)
    finally:
        for r in batch.results:
            r.settings = None
