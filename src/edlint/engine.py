"""The pipeline: read -> parse -> rules -> policy -> located findings.

Per file: read and decode once, parse once into a Document, run each enabled rule on it,
collect cross-file facts, then let policy decide what is reported. After all files, the
cross-file rules combine their facts. An exception inside a rule becomes an
``internal-error`` finding for that file; the run goes on.
"""

from __future__ import annotations

import os
from bisect import bisect_right
from typing import Any, Iterable, Iterator

from .cache import blake2b
from .config import (
    DEFAULT_EXCLUDE,
    Config,
    ConfigError,
    config_from_mapping,
    find_config_file,
    load_config_file,
    matches_any,
)
from .document import Document, LineIndex, Span
from .parsers import ParseOptions, format_for, parse
from .policy import (
    FILE_ERROR,
    INTERNAL_ERROR,
    CliOverrides,
    FileSettings,
    apply_suppressions,
    disabled_by_frontmatter,
    frontmatter_disabled,
    relpath_for,
    resolve,
    severity_of,
)
from .replay import InputLog
from .results import Diagnostic, FileResult, RunResult, finalize_findings
from .site import Site, SiteFinder, page_kind, set_language
from .rules.base import Finding, Severity
from .rules.registry import Registry, build_registry
from .text.normalize import normalize


class Linter:
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

    # -- config ---------------------------------------------------------------------
    def registry_for(self, plugins: tuple[str, ...], base_dir: str = ".", packs: tuple[str, ...] = (),
                     named_in: str | None = None, trusted: bool = False) -> Registry:
        """The rules a config sees: built-ins, entry points, its plugins and its packs."""
        if not plugins and not packs and self._base_registry is not None:
            return self._base_registry
        key = (plugins, packs, os.path.abspath(base_dir) if (plugins or packs) else "")
        reg = self._registries.get(key)
        if reg is None:
            from .rules.registry import RegistryError

            try:
                reg = build_registry(plugins, base_dir, packs=packs,
                                     allow_plugins=True if trusted else self.allow_plugins)
            except RegistryError as exc:
                raise ConfigError(str(exc)) from exc
            self._registries[key] = reg
            self._note_registry_inputs(reg, base_dir, packs)
            if reg.skipped_plugins:
                self._note_skipped(reg.skipped_plugins, named_in or base_dir)
            for err in reg.errors:
                if err not in self.messages:
                    self.messages.append(err)
            if reg.failed_plugins:
                self.plugin_failed = True
        return reg

    def _note_registry_inputs(self, reg: Registry, base_dir: str, packs: tuple[str, ...]) -> None:
        """Pack files are inputs of a replayable run. Plugins make it not replayable: their
        code, and whatever it imports, is not something edlint can stamp."""
        for origin in sorted({r.origin for r in reg.rules.values() if r.origin.startswith("plugin:")}):
            self.inputs.block(f"{origin} is code edlint cannot stamp")
        if packs:
            from .rules.declarative.packs import resolve_pack_path

            for spec in packs:
                self.inputs.note(resolve_pack_path(spec, base_dir))

    def _note_skipped(self, plugins: list[str], where: str) -> None:
        """One message for the whole run, naming every plugin not loaded."""
        from .rules.registry import skipped_plugins_message

        shown = os.path.relpath(where) if os.path.isabs(where) else where
        before = skipped_plugins_message(self._skipped_plugins) if self._skipped_plugins else None
        for spec in plugins:
            if (spec, shown) not in self._skipped_plugins:
                self._skipped_plugins.append((spec, shown))
        message = skipped_plugins_message(self._skipped_plugins)
        if before in self.messages:
            self.messages[self.messages.index(before)] = message
        elif message not in self.messages:
            self.messages.append(message)

    def registry_of(self, config: Config) -> Registry:
        return self.registry_for(config.plugins, config.root, config.packs)

    def _load(self, path: str) -> Config:
        cached = self._configs_by_path.get(path)
        if cached is not None:
            return cached
        # Plugins and packs change which rules exist, so read them before validating.
        reg = self.registry_for(_peek_list(path, "plugins"), os.path.dirname(os.path.abspath(path)),
                                _peek_list(path, "packs"), named_in=path)
        self.inputs.note(path)
        cfg = load_config_file(path, reg)
        self._configs_by_path[path] = cfg
        return cfg

    def config_for(self, path: str) -> Config:
        if self.fixed_config is not None:
            return self.fixed_config
        d = os.path.dirname(os.path.abspath(path))
        cfg = self._configs_by_dir.get(d)
        if cfg is None:
            found = find_config_file(d, looked_at=self.inputs.note)
            cfg = self._load(found) if found else Config(root=os.getcwd())
            self._configs_by_dir[d] = cfg
        return cfg

    def settings_for(self, path: str, config: Config) -> FileSettings:
        rel = relpath_for(path, config.root)
        key = (config.key(), rel if config.overrides else "")
        settings = self._settings.get(key)
        if settings is None:
            settings = resolve(config, rel, self.registry_of(config), self.cli)
            self._settings[key] = settings
        return settings

    def site_data(self, config: Config, settings: FileSettings) -> dict[str, Any]:
        """Data loaded once per config (authors registry, image metadata ...)."""
        key = config.key()
        data = self._site.get(key)
        if data is None:
            data = {}
            reg = self.registry_of(config)
            sections = {r.section.name for r in settings.rules if r.section is not None}
            for loader in reg.loaders:
                if loader.section not in sections:
                    continue
                opts = next(
                    (settings.options[r.id] for r in settings.rules if r.section and r.section.name == loader.section),
                    None,
                )
                if loader.inputs is None:
                    self.inputs.block(f"site data {loader.name!r} does not name its inputs")
                else:
                    try:
                        for input_path in loader.inputs(config.root, opts):
                            self.inputs.note(input_path)
                    except Exception as exc:  # noqa: BLE001 - then the run is not replayable
                        self.inputs.block(f"site data {loader.name!r} inputs failed: {exc}")
                try:
                    data[loader.name] = loader.load(config.root, opts)
                except Exception as exc:  # noqa: BLE001 - reported, the run goes on
                    self.messages.append(f"could not load site data {loader.name!r}: {exc}")
            self._site[key] = data
        return data

    # -- discovery ---------------------------------------------------------------------
    def site_for(self, path: str, config: Config | None = None) -> Site:
        config = config or self.config_for(path)
        return self.sites.site_for(path, config.root, config.site)

    def _ignore_rules(self) -> Any:
        if self._ignores is None:
            from .site.ignore import IgnoreRules

            self._ignores = IgnoreRules(note=self.inputs.note, floor=os.getcwd())
        return self._ignores

    def _respects_gitignore(self, config: Config) -> bool:
        return config.respect_gitignore if self.respect_gitignore is None else self.respect_gitignore

    def excluded(self, path: str, explicit: bool, is_dir: bool = False, layout: bool = True,
                 chain: Any = None) -> bool:
        """Is ``path`` left out? Config and --exclude globs, the site's never-content folders
        (``layout``), and ignore files. A path named on the command line is linted unless
        --force-exclude."""
        if explicit and not self.force_exclude:
            return False
        cfg = self.config_for(path if not is_dir else os.path.join(path, "x.md"))
        rel = relpath_for(path, cfg.root)
        if matches_any(rel, cfg.exclude + self.extra_exclude, is_dir):
            return True
        if layout:
            site = self.site_for(path, cfg)
            if site.skip_dir(path) if is_dir else site.skip_file(path):
                return True
        if self._respects_gitignore(cfg):
            rules = self._ignore_rules()
            if chain is None:
                chain = rules.chain(os.path.dirname(os.path.abspath(path)))
            if rules.ignored(os.path.abspath(path), is_dir, chain):
                return True
        return False

    def discover(self, paths: Iterable[str]) -> Iterator[str]:
        seen: set[str] = set()
        for given in paths:
            if os.path.isdir(given):
                for path in self._walk(given):
                    real = os.path.realpath(path)
                    if real not in seen:
                        seen.add(real)
                        yield path
            else:
                real = os.path.realpath(given)
                if real in seen:
                    continue
                seen.add(real)
                if not self.excluded(given, explicit=True):
                    yield given

    def _walk(self, top: str) -> Iterator[str]:
        # os.walk without following symlinks: a directory symlink loop cannot trap us, and
        # nothing outside the linted folder is read through a link.
        def unreadable(err: OSError) -> None:
            # A folder that cannot be listed must fail the run, not silently pass.
            if err.filename:
                self.unreadable_folders.append((str(err.filename), err.strerror or str(err)))

        if ".git" in os.path.abspath(top).split(os.sep):
            return  # a repository's internals are never articles, even when named
        top_real = os.path.realpath(top)
        top_config = self.config_for(os.path.join(top, "x.md"))
        # A folder named on the command line that the site's layout would skip (`edlint
        # check static/`) is linted as asked: the layout applies below folders it allows.
        layout = not self.site_for(top, top_config).skip_dir(top)
        # Folders are signed before they are listed: a file added meanwhile changes the
        # signature, so a replay cannot miss it.
        self.inputs.note(top)
        for dirpath, dirnames, filenames in os.walk(top, onerror=unreadable, followlinks=False):
            self.sites.seed(dirpath, dirnames + filenames)
            chain = None
            if self._respects_gitignore(self.config_for(os.path.join(dirpath, "x.md"))):
                chain = self._ignore_rules().chain(dirpath, names=set(filenames))
            kept = []
            for d in sorted(dirnames):
                full = os.path.join(dirpath, d)
                if d.startswith(".") or d in DEFAULT_EXCLUDE:
                    continue
                if os.path.islink(full):
                    self._skip_link(full, top_real)
                    continue
                if not self.excluded(full, explicit=False, is_dir=True, layout=layout, chain=chain):
                    kept.append(d)
            dirnames[:] = kept
            for d in dirnames:
                self.inputs.note(os.path.join(dirpath, d))
            for name in sorted(filenames):
                if format_for(name) is None:
                    continue
                path = os.path.join(dirpath, name)
                if not self.excluded(path, explicit=False, layout=layout, chain=chain):
                    yield path

    def _skip_link(self, path: str, top_real: str) -> None:
        """A symlinked folder is not followed. Its target inside the linted folder is linted
        where it really is; a target outside is not linted at all, and that is said once."""
        target = os.path.realpath(path)
        if target == top_real or target.startswith(top_real.rstrip(os.sep) + os.sep):
            return
        if target not in self._said_skipped:
            self._said_skipped.add(target)
            self.messages.append(f"skipped {path}: a symlinked folder that leads outside the linted folder")

    # -- one file ------------------------------------------------------------------------
    def lint_file(self, path: str, text: str | None = None) -> FileResult:
        """Lint one file (``text`` given: lint it as if it were ``path``)."""
        config = self.config_for(path)
        settings = self.settings_for(path, config)
        result = FileResult(path=path, settings=settings)
        fmt = format_for(path) or "text"
        if text is None:
            text, problem, skipped = _read(path, settings.max_file_size, self.read_roots)
            if skipped is not None:
                # Not a finding: a link out of the tree is not followed, as git would not.
                result.messages.append(f"{path}: skipped: {skipped}")
                return result
            if problem is not None:
                result.findings.append(_file_error(path, problem))
                return result
        assert text is not None
        if not text.strip():
            result.findings.append(_file_error(path, "File is empty"))
            return result
        options = ParseOptions(language=settings.language, image_shortcodes=settings.shortcodes)
        doc = parse(path, text, fmt, options)
        doc.site = self.site_data(config, settings)
        site = self.site_for(path, config)
        set_language(doc, site, config)
        doc.page_kind = page_kind(path, doc, site, config)
        return self.lint_document(doc, settings, result)

    def lint_document(self, doc: Document, settings: FileSettings, result: FileResult) -> FileResult:
        raw: list[tuple[str, Finding]] = []  # (rule id, what the rule reported)
        fatal = False
        for problem in doc.problems:
            raw.append((FILE_ERROR, Finding(problem.span, _capital(problem.message))))
            fatal = fatal or problem.fatal
        result.lines = doc.lines
        result.suppressions = doc.suppressions
        if not fatal:
            off = frontmatter_disabled(doc.meta("edlint"))
            for rule in settings.rules:
                if rule.check is None and rule.facts is None:
                    continue
                if doc.page_kind not in rule.page_kinds:
                    continue  # a list, author or other page: only the rules for its kind
                if disabled_by_frontmatter(rule, off, settings):
                    continue
                opts = settings.options.get(rule.id)
                try:
                    if rule.check is not None:
                        count = 0
                        for f in rule.check(doc, opts):
                            if count == MAX_FINDINGS_PER_RULE:
                                # A machine-made page can hold 500,000 doubled words: report
                                # the first ones and say so, rather than take minutes.
                                raw.append((rule.id, Finding(
                                    f.span,
                                    f"{rule.id} stopped after {MAX_FINDINGS_PER_RULE} findings in this file",
                                    severity=Severity.INFO)))
                                break
                            raw.append((rule.id, f))
                            count += 1
                    if rule.facts is not None:
                        result.facts[rule.id] = rule.facts(doc, opts)
                except (Exception, SystemExit) as exc:  # noqa: BLE001 - one rule must not stop the run
                    result.internal_error = True
                    where = _where(exc)
                    raw.append((INTERNAL_ERROR, Finding(
                        Span(0, 0), f"Rule {rule.id!r} failed: {type(exc).__name__}: {exc}{where}")))
        families = {r.id: r.family for r in settings.rules}
        kept = apply_suppressions(raw, doc.suppressions, doc.lines.line_of, settings, families)
        fps = _fingerprints(doc, kept)
        result.findings = [
            _diagnostic(rule_id, f, doc.path, doc.lines, settings, fp) for (rule_id, f), fp in zip(kept, fps)
        ]
        # Site services (a LanguageTool client ...) report run-level problems, and may
        # require the run to fail (exit 2) when they could not do their job.
        for service in doc.site.values():
            for message in getattr(service, "messages", None) or ():
                if message not in result.messages:
                    result.messages.append(message)
            if getattr(service, "fatal", False):
                result.internal_error = True
        return result

    # -- the run ---------------------------------------------------------------------------
    def run(self, paths: Iterable[str], jobs: int = 1, cache: Any = None) -> RunResult:
        """Lint files and folders; ``cache`` (a cache.Cache) skips unchanged files."""
        paths = list(paths)
        if self.read_roots is None:
            from .reading import roots_for

            # For this run only (an API caller may run other paths next).
            self.read_roots = roots_for(paths)
            try:
                return self.run(paths, jobs, cache)
            finally:
                self.read_roots = None
        files = list(self.discover(paths))
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
            from .cache import run_key as key_of_run

            run_key = key_of_run([keys[p] for p in files])
        return self.finish(results, cache=cache, run_key=run_key)

    # -- cache -------------------------------------------------------------------------------
    def _cache_key(self, path: str) -> str | None:
        from .cache import Cache, digest
        from .reading import read_file

        config = self.config_for(path)
        # Bounded and inside the root, as the lint itself reads (a skipped or unreadable
        # file has no key: it is linted, which reports it).
        data = read_file(path, self.settings_for(path, config).max_file_size, self.read_roots).data
        if data is None:
            return None
        return Cache.key(path, digest(data), self._settings_fingerprint(path, config))

    def _settings_fingerprint(self, path: str, config: Config) -> str:
        """What, besides the file, decides its findings."""
        import datetime

        from . import __version__
        from .cache import code_stamp, digest

        settings = self.settings_for(path, config)
        site = self.site_for(path, config)
        memo = f"{settings.key}|{site.kind}|{site.root}"
        cached = self._fingerprints.get(memo)
        if cached is not None:
            return cached
        parts = [__version__, code_stamp(), repr(self.cli), settings.key, repr(config),
                 datetime.date.today().isoformat(), site.fingerprint()]
        reg = self.registry_of(config)
        # Which rules exist (a plugin allowed in one run and skipped in the next), and the
        # code of every module the plugins imported (a plugin named as a module has no path
        # in the config; its helpers have none anywhere).
        parts.append(",".join(sorted(f"{r.id}={r.origin}" for r in reg.rules.values())))
        for extra in (config.path, *config.plugins, *config.packs, *reg.plugin_files):
            if not extra:
                continue
            full = extra if os.path.isabs(extra) else os.path.join(config.root, extra)
            try:
                with open(full, "rb") as fh:
                    parts.append(digest(fh.read()))
            except OSError:
                parts.append(f"{extra}:missing")
        import json

        parts.append(digest(json.dumps(self.site_data(config, settings), sort_keys=True, default=str).encode()))
        value = self._fingerprints[memo] = digest("\0".join(parts).encode())
        return value

    def _from_cache(self, path: str, entry: dict[str, Any]) -> FileResult | None:
        from .cache import entry_findings, lines_from_starts, suppressions_from_json

        try:
            result = FileResult(path=path, findings=entry_findings(entry, path))
            facts = entry.get("facts") or {}
            if facts:
                result.facts = dict(facts)
                result.lines = lines_from_starts(entry["lines"], entry["length"])
                result.suppressions = suppressions_from_json(entry.get("supp", []))
        except (KeyError, TypeError, ValueError, IndexError):
            return None
        result.settings = self.settings_for(path, self.config_for(path))
        return result

    def _compact(self, result: FileResult) -> FileResult:
        # Cross-file rules need a file's line index and suppressions after its Document is
        # gone; a file with no facts needs neither, so memory stays flat on large runs.
        if not result.facts:
            result.lines = None
            result.suppressions = []
        return result

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
        state = (self._spec, self.cli, self.force_exclude, self.extra_exclude, self.read_roots, self.respect_gitignore, self.allow_plugins)

        def pool_of(workers: int) -> Any:
            return ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=_init_worker,
                                       initargs=(state,))

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
            from .replay import paths_as_given

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

    def _record_replay(self, cache: Any, results: list[FileResult], run_key: str, internal: bool) -> None:
        """Record this run for replay.py, when a replay would give exactly its result."""
        if internal or self.plugin_failed or self.messages or self.inputs.blockers or self.replay_as is None:
            return
        from .replay import make_manifest

        files = [(r.path, self._settings_fingerprint(r.path, self.config_for(r.path))) for r in results]
        invocation, extra = self.replay_as
        cache.put_manifest(invocation, make_manifest(files, self.inputs, run_key, extra))

    def _cross_file(self, results: list[FileResult]) -> list[Diagnostic]:
        by_rule: dict[str, list[tuple[str, Any]]] = {}
        rules: dict[str, Any] = {}
        for r in results:
            if r.settings is None:
                continue
            for rule in r.settings.rules:
                if rule.combine is not None and rule.id in r.facts:
                    by_rule.setdefault(rule.id, []).append((r.path, r.facts[rule.id]))
                    rules.setdefault(rule.id, (rule, r.settings.options.get(rule.id)))
        if not by_rule:
            return []
        index = {r.path: r for r in results}
        out: list[Diagnostic] = []
        for rule_id, facts in by_rule.items():
            rule, opts = rules[rule_id]
            try:
                produced = list(rule.combine(facts, opts))
            except Exception as exc:  # noqa: BLE001
                self.messages.append(f"cross-file rule {rule_id!r} failed: {type(exc).__name__}: {exc}")
                continue
            for path, f in produced:
                fr = index.get(path)
                if fr is None or fr.settings is None or fr.lines is None:
                    continue
                kept = apply_suppressions(
                    [(rule_id, f)], fr.suppressions, fr.lines.line_of, fr.settings, {rule_id: rule.family})
                for kept_id, k in kept:
                    fp = _digest(f"{kept_id}\0{k.message}")
                    out.append(_diagnostic(kept_id, k, path, fr.lines, fr.settings, fp))
        return out


MIN_FILES_PER_WORKER = 8
MAX_FINDINGS_PER_RULE = 1000  # per file
_FINGERPRINT_LOOKBACK = 64
def _to_cache(r: FileResult) -> dict[str, Any] | None:
    """A cache entry for a linted file (None: not cacheable, e.g. facts that are not JSON)."""
    import json

    from .cache import finding_to_cache, suppressions_to_json

    entry: dict[str, Any] = {"findings": [finding_to_cache(f) for f in r.findings]}
    if r.facts:
        if r.lines is None:
            return None
        entry["facts"] = r.facts
        entry["lines"] = r.lines.starts
        entry["length"] = r.lines.length
        entry["supp"] = suppressions_to_json(r.suppressions)
    try:
        # Facts must survive JSON unchanged (tuples would come back as lists).
        if r.facts and json.loads(json.dumps(r.facts)) != r.facts:
            return None
    except (TypeError, ValueError):
        return None
    return entry
_WORKER: Linter | None = None


def _init_worker(state: tuple) -> None:
    global _WORKER
    import signal

    # Ctrl-C goes to the whole process group: the parent alone handles it and stops us.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    spec, cli, force_exclude, extra_exclude, read_roots, respect_gitignore, allow_plugins = state
    _WORKER = Linter(config=spec, cli=cli, force_exclude=force_exclude, extra_exclude=extra_exclude,
                     respect_gitignore=respect_gitignore, allow_plugins=allow_plugins)
    _WORKER.read_roots = read_roots


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
    result.findings.append(_file_error(
        path, "The worker process linting this file was killed (out of memory?); the file was not checked",
        INTERNAL_ERROR))
    return result


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(value) if isinstance(value, (list, tuple)) else []


def _peek_list(path: str, key: str) -> tuple[str, ...]:
    """Read one list key from a config file before full validation."""
    try:
        cfg_text = open(path, encoding="utf-8").read()
        if path.endswith(".toml"):
            try:
                import tomllib  # type: ignore[import-not-found]
            except ModuleNotFoundError:
                import tomli as tomllib  # type: ignore[no-redef]
            data = tomllib.loads(cfg_text).get("tool", {}).get("edlint", {})
        else:
            from .parsers.frontmatter import load_yaml

            data = load_yaml(cfg_text) or {}
        value = data.get(key, ()) if isinstance(data, dict) else ()
        if isinstance(value, str):
            value = [value]
        return tuple(str(v) for v in value) if isinstance(value, list) else ()
    except Exception:  # noqa: BLE001 - full validation reports the problem properly
        return ()


def _read(path: str, max_size: int, roots: Any = None) -> tuple[str | None, str | None, str | None]:
    """(text, file-error problem, skipped reason): reading.py does the reading."""
    from .reading import read_text

    return read_text(path, max_size, roots)


def _capital(message: str) -> str:
    return message[:1].upper() + message[1:]


def _where(exc: BaseException) -> str:
    import traceback  # only when a rule failed

    tb = traceback.extract_tb(exc.__traceback__)
    if not tb:
        return ""
    frame = tb[-1]
    return f" (at {os.path.basename(frame.filename)}:{frame.lineno})"


def _file_error(path: str, message: str, rule: str = FILE_ERROR) -> Diagnostic:
    """A file (or folder) nobody could check (or, with ``rule=INTERNAL_ERROR``, that edlint
    failed on): reported at 1:1, always an error."""
    return Diagnostic(
        path=path, rule=rule, severity=Severity.ERROR, message=message,
        line=1, column=1, end_line=1, end_column=1, span=Span(0, 0),
        fingerprint=_digest(f"{rule}\0{message}"),
    )


def _diagnostic(
    rule_id: str, f: Finding, path: str, lines: LineIndex, settings: FileSettings, fingerprint: str
) -> Diagnostic:
    """The report record of a kept finding: the only place positions become 1-based; the
    severity is policy's (:func:`policy.severity_of`)."""
    line, column = lines.position(f.span.start)
    end_line, end_column = lines.position(f.span.end)
    return Diagnostic(
        path=path, rule=rule_id, severity=severity_of(rule_id, f.severity, settings), message=f.message,
        line=line, column=column, end_line=end_line, end_column=end_column, span=f.span,
        fix=f.fix, data=f.data, fingerprint=fingerprint,
    )


def _digest(text: str) -> str:
    return blake2b(text.encode("utf-8", "surrogatepass"), digest_size=8).hexdigest()


def _fingerprints(doc: Document, findings: list[tuple[str, Finding]]) -> list[str]:
    """Keys that survive edits elsewhere in the file: rule + the enclosing block's
    normalised text + an occurrence index (the same key for SARIF and baselines)."""
    if not findings:
        return []
    blocks = sorted((b for b in doc.blocks if b.span.end > b.span.start), key=lambda b: b.span.start)
    starts = [b.span.start for b in blocks]
    block_keys: dict[int, str] = {}  # block index -> digest of its normalised text, once each
    counts: dict[str, int] = {}
    out = []
    for rule_id, f in findings:
        k = bisect_right(starts, f.span.start) - 1
        found = -1
        # Nested blocks (a paragraph in a blockquote): walk back a little to the innermost.
        for j in range(k, max(-1, k - _FINGERPRINT_LOOKBACK), -1):
            b = blocks[j]
            if b.span.start <= f.span.start < max(b.span.end, b.span.start + 1):
                found = j
                break
        if found >= 0:
            context_key = block_keys.get(found)
            if context_key is None:
                b = blocks[found]
                text = b.text.text if b.text is not None else doc.source[b.span.start : b.span.end]
                context_key = block_keys[found] = _digest(normalize(text))
        else:
            context_key = _digest(normalize(doc.source[f.span.start : f.span.end + 80]))
        base = f"{rule_id}\0{context_key}\0{doc.source[f.span.start:f.span.end]}"
        n = counts.get(base, 0)
        counts[base] = n + 1
        out.append(_digest(f"{base}\0{n}"))
    return out
