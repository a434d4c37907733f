"""Warm runs: a run whose inputs are all unchanged is replayed from the cache, without
building the rule registry, importing parsers or rules, or starting workers.

A full run that reads and writes the cache records a *manifest* under its invocation key
(edlint's version and code, today's date, the working folder, and the command-line
arguments that decide what is linted and how). The manifest lists the files the run
linted, each with its settings fingerprint, and the stat signature of every other input
that decided the findings: the folders walked, every place config discovery looked for a
config file, the config, pack and plugin files, and what site-data loaders read.

A warm run compares those signatures (a few dozen stats), hashes each article (findings
are keyed by content, never by modification time) and takes every finding from the cache.
At the first difference (a file added to a folder, an edited config, an article not in
the cache) it gives up and the run goes the full way, which still reuses the cache for
the articles that did not change.

No manifest is recorded for runs that cannot be replayed safely: runs with plugins (their
code, and what it imports, is not stamped), site-data loaders that do not declare their
inputs (a LanguageTool server), and runs with messages, internal errors or unreadable
folders.
"""

from __future__ import annotations

import os
from typing import Any

from .cache import Cache, code_stamp, digest, entry_findings, gc_paused, run_key
from .reading import read_file


def signature(path: str) -> list[int] | None:
    """What changes when a file or folder changes: a folder's times change when an entry is
    added, removed or renamed, or its permissions change. None: absent."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return [st.st_mtime_ns, st.st_ctime_ns, st.st_size, st.st_ino]


class InputLog:
    """The inputs a full run depended on, signed when first used, and the reasons (if any)
    why the run must not be replayed."""

    def __init__(self) -> None:
        self.signatures: dict[str, list[int] | None] = {}
        self.blockers: list[str] = []

    def note(self, path: str) -> None:
        path = os.path.abspath(path)
        if path not in self.signatures:
            self.signatures[path] = signature(path)

    def block(self, reason: str) -> None:
        if reason not in self.blockers:
            self.blockers.append(reason)


def invocation_key(arguments: dict[str, Any], today: str | None) -> str:
    """The key of one way of running edlint here: same code, same day, same folder, same
    arguments (those that change what is found; not the output format)."""
    import datetime

    from . import __version__

    day = today or datetime.date.today().isoformat()
    # The environment that decides findings: a LanguageTool server named only here turns
    # the grammar rule on (a run recorded without it must not be replayed with it).
    env = [os.environ.get(name, "") for name in ("EDLINT_LANGUAGETOOL_URL",)]
    parts = [__version__, code_stamp(), day, os.getcwd(), repr(sorted(arguments.items())), repr(env)]
    return digest("\0".join(parts).encode("utf-8", "surrogatepass"))


def make_manifest(
    files: list[tuple[str, str]], inputs: InputLog, cross_key: str, extra: dict[str, Any]
) -> dict[str, Any]:
    """``files``: (path, settings fingerprint) in run order."""
    return {
        "files": [[path, fp] for path, fp in files],
        "inputs": [[path, sig] for path, sig in sorted(inputs.signatures.items())],
        "run_key": cross_key,
        "extra": extra,
    }


def paths_as_given(findings: list[Any], paths: list[str]) -> list[Any]:
    """Cross-file findings are cached by the files' absolute identity, but carry the paths of
    the run that recorded them (``./content/x.md``): give them this run's spelling
    (``content/x.md``), exactly as the user typed it."""
    import dataclasses

    given = {os.path.abspath(p): p for p in paths}
    out = []
    for f in findings:
        same = given.get(os.path.abspath(f.path))
        if same is None:
            # Recorded from another folder: the file whose path ends the same way.
            tail = os.sep + os.path.normpath(f.path).lstrip(os.sep + "." + os.pardir)
            ends = [p for a, p in given.items() if a.endswith(tail)]
            same = ends[0] if len(ends) == 1 else None
        out.append(dataclasses.replace(f, path=same) if same is not None and same != f.path else f)
    return out


class Replayed:
    """A replayed run: its result, the files it covered, and what the recording run kept."""

    def __init__(self, result: Any, files: list[str], extra: dict[str, Any]) -> None:
        self.result = result
        self.files = files
        self.extra = extra


def replay(cache: Cache, invocation: str) -> Replayed | None:
    """The recorded run, if nothing it depended on has changed; else None."""
    with gc_paused():
        return _replay(cache, invocation)


def _replay(cache: Cache, invocation: str) -> Replayed | None:
    manifest = cache.get_manifest(invocation)
    if manifest is None:
        return None
    try:
        inputs, files, recorded_key = manifest["inputs"], manifest["files"], manifest["run_key"]
        extra = dict(manifest.get("extra") or {})
        for path, sig in inputs:
            if signature(path) != sig:
                return None
        findings: list[Any] = []
        keys: list[str] = []
        for path, settings_fp in files:
            # Bounded and inside the tree as a full run reads (a link retargeted to /dev/zero
            # since the recording must not hang the replay); anything odd: a full run.
            data = read_file(path).data
            if data is None:
                return None
            key = Cache.key(path, digest(data), settings_fp)
            entry = cache.get(key)
            if entry is None:
                return None
            keys.append(key)
            findings += entry_findings(entry, path)
        cross_key = run_key(keys)
        cross = cache.get_cross(cross_key) if cross_key == recorded_key else None
        if cross is None:
            return None
        cross = paths_as_given(cross, [path for path, _ in files])
    except (KeyError, TypeError, ValueError, IndexError):
        return None  # a damaged or foreign manifest is never trusted
    from .results import RunResult, finalize_findings

    findings.extend(cross)
    paths = [path for path, _ in files]
    return Replayed(RunResult(finalize_findings(findings), len(paths)), paths, extra)
