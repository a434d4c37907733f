"""The content cache: unchanged files are not parsed or linted again.

One JSON store per cache folder (``.edlint_cache/`` beside the config, or ``--cache-dir``),
read once per run and written atomically (temp file + rename), so concurrent runs cannot
corrupt it: the last writer wins and a reader sees a whole store or none. A store that does
not parse, or that was written by another edlint version, is ignored, never trusted. JSON
rather than pickle: a cache folder is not a place to load code from.

An entry is keyed by the file's path (dates in file names matter), its content hash, and the
run's settings key (config file contents, command-line selection, edlint version, pack and
plugin files, site data files, ``--today``). It holds the file's final findings, its
cross-file facts, and, when it has facts, what cross-file findings need to be placed and
suppressed (line starts, suppressions). Cross-file findings of the whole run are cached under
the set of all entry keys, so a warm run that changed nothing combines nothing.
"""

from __future__ import annotations

import hashlib
import json
import os
from typing import Any

from . import __version__
from .document import LineIndex, Span, Suppression
from .rules.base import Applicability, Edit, Finding, Fix, Severity

STORE = "cache-v1.json"
MAX_ENTRIES = 200_000


def digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


class Cache:
    def __init__(self, folder: str) -> None:
        self.folder = folder
        self.path = os.path.join(folder, STORE)
        self.entries: dict[str, Any] = {}
        self.cross: dict[str, Any] = {}
        self.used: set[str] = set()
        self.dirty = False
        self._load()

    def _load(self) -> None:
        try:
            with open(self.path, encoding="utf-8") as fh:
                data = json.load(fh)
        except (OSError, ValueError):
            return
        if not isinstance(data, dict) or data.get("version") != __version__:
            return
        entries, cross = data.get("entries"), data.get("cross")
        if isinstance(entries, dict) and isinstance(cross, dict):
            self.entries, self.cross = entries, cross

    @staticmethod
    def key(path: str, content_hash: str, settings_key: str) -> str:
        return digest(f"{os.path.abspath(path)}\0{content_hash}\0{settings_key}".encode("utf-8", "surrogatepass"))

    def get(self, key: str) -> dict[str, Any] | None:
        entry = self.entries.get(key)
        if isinstance(entry, dict) and isinstance(entry.get("findings"), list):
            self.used.add(key)
            return entry
        return None

    def put(self, key: str, entry: dict[str, Any]) -> None:
        self.entries[key] = entry
        self.used.add(key)
        self.dirty = True

    def get_cross(self, run_key: str) -> list[Finding] | None:
        value = self.cross.get(run_key)
        if not isinstance(value, list):
            return None
        try:
            return [finding_from_json(f) for f in value]
        except (KeyError, TypeError, ValueError):
            return None

    def put_cross(self, run_key: str, findings: list[Finding]) -> None:
        self.cross = {run_key: [finding_to_cache(f) for f in findings]}
        self.dirty = True

    def save(self) -> None:
        if not self.dirty:
            return
        entries = self.entries
        if len(entries) > MAX_ENTRIES:  # keep what this run used; drop the rest
            entries = {k: v for k, v in entries.items() if k in self.used}
        payload = {"version": __version__, "entries": entries, "cross": self.cross}
        try:
            os.makedirs(self.folder, exist_ok=True)
            tag = os.path.join(self.folder, "CACHEDIR.TAG")
            if not os.path.exists(tag):
                with open(tag, "w", encoding="utf-8") as fh:
                    fh.write("Signature: 8a477f597d28d172789f06886806bc55\n# edlint cache\n")
            from .fileio import write_atomic

            data = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
            write_atomic(self.path, data, sync=False)
        except OSError:
            pass  # a cache that cannot be written is only slower, never wrong


# -- (de)serialisation -------------------------------------------------------------------
def finding_to_cache(f: Finding) -> dict[str, Any]:
    out = f.to_json()
    out["span"] = [f.span.start, f.span.end]
    out["fingerprint"] = f.fingerprint
    return out


def finding_from_json(d: dict[str, Any]) -> Finding:
    fix = None
    if d.get("fix"):
        fx = d["fix"]
        fix = Fix(fx["title"], tuple(Edit(e["start"], e["end"], e["replacement"]) for e in fx["edits"]),
                  Applicability(fx["applicability"]))
    span = d.get("span") or [0, 0]
    return Finding(
        span=Span(int(span[0]), int(span[1])),
        message=str(d["message"]),
        fix=fix,
        severity=Severity.parse(d["severity"]),
        data=d.get("data"),
        rule=str(d["rule"]),
        path=str(d["path"]),
        line=int(d["line"]),
        column=int(d["column"]),
        end_line=int(d["end_line"]),
        end_column=int(d["end_column"]),
        fingerprint=str(d.get("fingerprint", "")),
    )


def suppressions_to_json(items: list[Suppression]) -> list[Any]:
    return [[sorted(s.rules), s.first_line, s.last_line, s.span.start, s.span.end, s.kind] for s in items]


def suppressions_from_json(items: list[Any]) -> list[Suppression]:
    return [Suppression(frozenset(r), a, b, Span(s, e), k) for r, a, b, s, e, k in items]


def lines_from_starts(starts: list[int], length: int) -> LineIndex:
    index = LineIndex.__new__(LineIndex)
    index.starts = list(starts)
    index.length = length
    return index
