"""The Linter: one run. It holds the run's state and coordinates the passes; each job is in
its own module (configs, discovery, lint, cache_io, pool, cross_file)."""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import Any

from ..config import Config, config_from_mapping
from ..policy import CliOverrides, FileSettings
from ..replay import InputLog
from ..results import Diagnostic, FileResult, RunResult, finalize_findings
from ..rules.registry import Registry
from ..site import SiteFinder
from .cache_io import CacheIO, _to_cache
from .configs import Configs, _as_list
from .cross_file import CrossFile
from .discovery import Discovery
from .exports import Exports
from .lint import FileLinting, _file_error
from .pool import MIN_FILES_PER_WORKER, ParallelPool


class Linter(Configs, Discovery, Exports, FileLinting, CacheIO, ParallelPool, CrossFile):
    """One run: config discovery, settings per file, site data, and the passes."""

    def __init__(
        self,
        *,
        config: str | dict[str, Any] | Config | None = None,
        cli: CliOverrides | None = None,
        force_exclude: bool = False,
        extra_exclude: tuple[str, ...] = (),
        registry: Registry | None = None,
        respect_gitignore: bool | None = None,
        allow_plugins: bool | None = None,
    ) -> None:
        self.cli = cli or CliOverrides()
        # Plugins named in config files run only when the user allowed them (None: as
        # EDLINT_ALLOW_PLUGINS or the user-level config say); see registry.build_registry.
        self.allow_plugins = allow_plugins
        self._skipped_plugins: list[tuple[str, str]] = []
        self.force_exclude = force_exclude
        self.extra_exclude = extra_exclude
        self.respect_gitignore = respect_gitignore  # None: as the config says (default yes)
        self._registries: dict[tuple[str, ...], Registry] = {}
        self._base_registry = registry
        self._configs_by_dir: dict[str, Config] = {}
        self._configs_by_path: dict[str, Config] = {}
        self._settings: dict[tuple[str, str], FileSettings] = {}
        self._site: dict[str, dict[str, Any]] = {}
        self._fingerprints: dict[str, str] = {}
        self.messages: list[str] = []
        self.plugin_failed = False
        self.unreadable_folders: list[tuple[str, str]] = []
        # The folders files may be read from (reading.py); None: from the paths run() gets.
        self.read_roots: tuple[Any, ...] | None = None
        self.fixed_config: Config | None = None
        # What the findings depended on, for replaying this run from the cache (replay.py).
        self.inputs = InputLog()
        self.sites = SiteFinder(note=self.inputs.note)
        self._ignores: Any = None  # site.ignore.IgnoreRules, made when first needed
        self._said_skipped: set[str] = set()
        self.replay_as: tuple[str, dict[str, Any]] | None = None  # (invocation key, extra)
        self._spec = config if not isinstance(config, Config) else config.path
        if isinstance(config, Config):
            self.fixed_config = config
        elif isinstance(config, dict):
            plugins, packs = (tuple(str(x) for x in _as_list(config.get(k))) for k in ("plugins", "packs"))
            # A mapping comes from the caller's own code, not from the linted tree.
            reg = self.registry_for(plugins, os.getcwd(), packs, trusted=True)
            self.fixed_config = config_from_mapping(config, reg, root=os.getcwd())
        elif isinstance(config, str):
            self.fixed_config = self._load(config)

    # -- the run ---------------------------------------------------------------------------
    def run(self, paths: Iterable[str], jobs: int = 1, cache: Any = None) -> RunResult:
        """Lint files and folders; ``cache`` (a cache.Cache) skips unchanged files."""
        paths = list(paths)
        if self.read_roots is None:
            from ..reading import roots_for

            # For this run only (an API caller may run other paths next).
            self.read_roots = roots_for(paths)
            try:
                return self.run(paths, jobs, cache)
            finally:
                self.read_roots = None
        files = self.expand_exports(list(self.discover(paths)))
        done: dict[str, FileResult] = {}
        keys: dict[str, str] = {}
        misses = files
        if cache is not None:
            misses = []
            for path in files:
                key = self._cache_key(path)
                entry = cache.get(key) if key else None
                if key:
                    keys[path] = key
                if entry is not None and (hit := self._from_cache(path, entry)) is not None:
                    done[path] = hit
                else:
                    misses.append(path)
        if jobs > 1 and len(misses) >= MIN_FILES_PER_WORKER * 2:
            linted = self._run_parallel(misses, jobs)
        else:
            linted = [self._compact(self.lint_file(p)) for p in misses]
        for r in linted:
            done[r.path] = r
            if cache is not None and r.path in keys and not r.internal_error and not r.messages:
                entry = _to_cache(r)
                if entry is not None:
                    cache.put(keys[r.path], entry)
        results = [done[p] for p in files]
        run_key = None
        if cache is not None and len(keys) == len(files):
            from ..cache import run_key as key_of_run

            run_key = key_of_run([keys[p] for p in files])
        return self.finish(results, cache=cache, run_key=run_key)

    def run_text(self, text: str, path: str) -> RunResult:
        return self.finish([self.lint_file(path, text)])

    def finish(self, results: list[FileResult], cache: Any = None, run_key: str | None = None) -> RunResult:
        findings: list[Diagnostic] = []
        internal = False
        if self.unreadable_folders:
            self.inputs.block("a folder could not be read")
        for folder, why in self.unreadable_folders:
            findings.append(_file_error(folder, f"Cannot read folder: {why}"))
        self.unreadable_folders = []
        for r in results:
            findings.extend(r.findings)
            internal = internal or r.internal_error
            for message in r.messages:
                if message not in self.messages:
                    self.messages.append(message)
        cross = cache.get_cross(run_key) if cache is not None and run_key else None
        if cross is not None:
            from ..replay import paths_as_given

            cross = paths_as_given(cross, [r.path for r in results])
        if cross is None:
            cross = self._cross_file(results)
            if cache is not None and run_key:
                cache.put_cross(run_key, cross)
        findings.extend(cross)
        findings = finalize_findings(findings)
        if cache is not None:
            if run_key and self.replay_as is not None:
                self._record_replay(cache, results, run_key, internal)
            cache.save()
        return RunResult(findings, len(results), internal or self.plugin_failed, list(self.messages))
