"""What the cache stores and finds: a file's key, the settings fingerprint, entries to and from
FileResults, and the record of a run for replay.

A part of :class:`~edlint.engine.linter.Linter` (its state is set up in ``Linter.__init__``).
"""

from __future__ import annotations

import os
from typing import Any

from ..config import Config
from ..results import FileResult


class CacheIO:
    """The cache side of a run (the store itself is cache.py)."""

    def _cache_key(self, path: str) -> str | None:
        from ..cache import Cache, digest
        from ..reading import read_file

        if type(path) is not str:
            return None  # one post of a CMS export: linted each run (engine/exports.py)
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

        from .. import __version__
        from ..cache import code_stamp, digest

        settings = self.settings_for(path, config)
        site = self.site_for(path, config)
        memo = f"{settings.key}|{site.kind}|{site.root}"
        cached = self._fingerprints.get(memo)
        if cached is not None:
            return cached
        parts = [
            __version__,
            code_stamp(),
            repr(self.cli),
            settings.key,
            repr(config),
            datetime.date.today().isoformat(),
            site.fingerprint(),
        ]
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
        from ..cache import entry_findings, lines_from_starts, suppressions_from_json

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

    def _record_replay(self, cache: Any, results: list[FileResult], run_key: str, internal: bool) -> None:
        """Record this run for replay.py, when a replay would give exactly its result."""
        if internal or self.plugin_failed or self.messages or self.inputs.blockers or self.replay_as is None:
            return
        from ..replay import make_manifest

        files = [(r.path, self._settings_fingerprint(r.path, self.config_for(r.path))) for r in results]
        invocation, extra = self.replay_as
        cache.put_manifest(invocation, make_manifest(files, self.inputs, run_key, extra))


def _to_cache(r: FileResult) -> dict[str, Any] | None:
    """A cache entry for a linted file (None: not cacheable, e.g. facts that are not JSON)."""
    import json

    from ..cache import finding_to_cache, suppressions_to_json

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
