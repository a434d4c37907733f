"""The content cache: unchanged files are not parsed or linted again.

One JSON store per cache folder (``.edlint_cache/`` beside the config, or ``--cache-dir``),
read once per run and written atomically (temp file + rename), so concurrent runs cannot
corrupt it: the last writer wins and a reader sees a whole store or none. Nothing is read or
written through a symlink (fileio.py): a planted ``cache-v2.json -> ~/.bashrc`` is refused,
and a cache folder that is a symlink out of the project is not used at all (the run goes on
without a cache; see ``refusal``). A store that does
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

import contextlib
import gc
import json
import os
from collections.abc import Iterator
from typing import Any

from . import __version__
from .document import LineIndex, Span, Suppression
from .results import Diagnostic
from .rules.base import Applicability, Edit, Fix, Severity

STORE = "cache-v2.json"  # v2: findings as rows
MAX_ENTRIES = 200_000


MAX_RUNS = 16  # recorded runs (manifests and their cross-file findings) kept per store
# Libraries whose behaviour decides findings: their installed files are part of the stamp.
STAMPED_LIBRARIES = ("markdown_it", "yaml", "rapidfuzz", "harper")  # harper: the grammar rules


try:
    # What hashlib.blake2b is; importing hashlib itself also loads OpenSSL (3 ms).
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - a Python built without it
    from hashlib import blake2b


def digest(data: bytes) -> str:
    return blake2b(data, digest_size=16).hexdigest()


def run_key(entry_keys: list[str]) -> str:
    """The key of a whole run's cross-file findings: the set of its files' entry keys."""
    return digest("\0".join(entry_keys).encode())


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """Collect no cycles while building many objects that stay alive (a cache store, a
    warm run's findings): each collection would walk all of them, for nothing to free.
    This halves the time to read a large store."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


_CODE_STAMP: str | None = None


def code_stamp() -> str:
    """edlint's own code (and shipped packs) as they are on disk, plus the parsing libraries
    it relies on, so an edited rule in a development install, or an upgraded markdown-it-py,
    never serves cached findings of the old code (about a hundred stats, no imports)."""
    global _CODE_STAMP
    if _CODE_STAMP is None:
        import sys
        from importlib.machinery import PathFinder

        root = os.path.dirname(os.path.abspath(__file__))
        entries = [sys.version]
        for folder in (root, os.path.join(os.path.dirname(os.path.dirname(root)), "rules")):
            for dirpath, dirnames, filenames in os.walk(folder):
                dirnames[:] = sorted(d for d in dirnames if d != "__pycache__")
                for name in sorted(filenames):
                    if name.endswith((".py", ".yaml", ".yml")):
                        entries.append(_stat_line(os.path.join(dirpath, name)))
        for library in STAMPED_LIBRARIES:
            try:
                spec = PathFinder.find_spec(library)  # finds on sys.path without importing
            except (ImportError, ValueError):
                spec = None
            origin = spec.origin if spec is not None else None
            entries.append(_stat_line(origin) if origin else f"{library}:absent")
        _CODE_STAMP = digest("\n".join(entries).encode())
    return _CODE_STAMP


def _stat_line(path: str) -> str:
    try:
        st = os.stat(path)
    except OSError:
        return f"{path}:missing"
    return f"{path}:{st.st_mtime_ns}:{st.st_size}"


CACHEDIR_TAG = b"Signature: 8a477f597d28d172789f06886806bc55\n# edlint cache\n"
GITIGNORE = b"# Automatically created by edlint.\n*\n"


def refusal(folder: str, project: str) -> str | None:
    """Why ``folder`` must not be used as a cache for ``project`` (None: it may). A folder
    in the project that is a symlink to somewhere outside it (committed by someone else)
    would make edlint write there."""
    from .fileio import is_symlink

    given, base_given = os.path.abspath(folder), os.path.abspath(project)
    if not given.startswith(base_given.rstrip(os.sep) + os.sep):
        return None  # a --cache-dir outside the project: the user's own choice
    if not is_symlink(folder):
        return None
    real, base = os.path.realpath(folder), os.path.realpath(project)
    if real == base or real.startswith(base.rstrip(os.sep) + os.sep):
        return None
    return f"cache folder {folder} is a symbolic link out of the project; running without a cache"


class Cache:
    def __init__(self, folder: str) -> None:
        self.folder = folder
        self.path = os.path.join(folder, STORE)
        self.entries: dict[str, Any] = {}
        self.cross: dict[str, Any] = {}  # run key -> cross-file findings
        self.manifests: dict[str, Any] = {}  # invocation key -> recorded run (replay.py)
        self.used: set[str] = set()
        self.dirty = False
        self.messages: list[str] = []  # said on stderr after the run
        self._load()

    def _load(self) -> None:
        from .fileio import read_own_file

        # Not through a symlink, and only a regular file (a FIFO or /dev/zero is no store).
        raw = read_own_file(self.path)
        if raw is None:
            return
        try:
            with gc_paused():
                data = json.loads(raw)
        except ValueError:
            return
        if not isinstance(data, dict) or data.get("version") != __version__:
            return
        entries, cross, manifests = data.get("entries"), data.get("cross"), data.get("manifests", {})
        if isinstance(entries, dict) and isinstance(cross, dict) and isinstance(manifests, dict):
            self.entries, self.cross, self.manifests = entries, cross, manifests

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

    def get_cross(self, run_key: str) -> list[Diagnostic] | None:
        value = self.cross.get(run_key)
        if not isinstance(value, list):
            return None
        try:
            paths, rows = value
            if len(paths) != len(rows):
                return None
            if not all(type(path) is str for path in paths):
                return None
            findings = [finding_from_json(row, path) for row, path in zip(rows, paths)]
        except (KeyError, TypeError, ValueError, IndexError):
            return None
        return findings

    def put_cross(self, run_key: str, findings: list[Diagnostic]) -> None:
        # Cross-file findings belong to several files: their paths go beside the rows.
        _put_recent(self.cross, run_key, [[f.path for f in findings], [finding_to_cache(f) for f in findings]])
        self.dirty = True

    def get_manifest(self, invocation: str) -> dict[str, Any] | None:
        value = self.manifests.get(invocation)
        return value if isinstance(value, dict) else None

    def put_manifest(self, invocation: str, manifest: dict[str, Any]) -> None:
        if self.manifests.get(invocation) != manifest:
            _put_recent(self.manifests, invocation, manifest)
            self.dirty = True

    def save(self) -> None:
        if not self.dirty:
            return
        entries = self.entries
        if len(entries) > MAX_ENTRIES:  # keep what this run used; drop the rest
            entries = {k: v for k, v in entries.items() if k in self.used}
        payload = {"version": __version__, "entries": entries, "cross": self.cross, "manifests": self.manifests}
        from .fileio import SymlinkRefused, create_new, remove_stale_temps, write_atomic

        try:
            os.makedirs(self.folder, exist_ok=True)
            # Backup tools skip the folder; git ignores it (as ruff and pytest mark theirs).
            # Created only when absent, never through a symlink (O_EXCL | O_NOFOLLOW).
            create_new(os.path.join(self.folder, "CACHEDIR.TAG"), CACHEDIR_TAG)
            create_new(os.path.join(self.folder, ".gitignore"), GITIGNORE)
            remove_stale_temps(self.folder)
            data = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
            write_atomic(self.path, data, sync=False)  # refuses a store that is a symlink
        except SymlinkRefused:
            self.messages.append(f"cache store {self.path} is a symbolic link; not written")
        except OSError:
            pass  # a cache that cannot be written is only slower, never wrong


def _put_recent(table: dict[str, Any], key: str, value: Any) -> None:
    """Insert as the newest item, keeping the MAX_RUNS newest (dicts keep insertion order)."""
    table.pop(key, None)
    table[key] = value
    while len(table) > MAX_RUNS:
        del table[next(iter(table))]


# -- (de)serialisation -------------------------------------------------------------------
# A finding is one JSON row (a list), not an object: a warm run reads thousands of them, and
# rows parse about twice as fast. The path is not stored: the entry belongs to one file.
_SEVERITIES = {str(s): s for s in Severity}
_APPLICABILITIES = {a.value: a for a in Applicability}


def finding_to_cache(f: Diagnostic) -> list[Any]:
    row: list[Any] = [
        f.rule,
        str(f.severity),
        f.message,
        f.line,
        f.column,
        f.end_line,
        f.end_column,
        f.span.start,
        f.span.end,
        f.fingerprint,
    ]
    if f.fix is not None or f.data:
        fix = None
        if f.fix is not None:
            fix = [f.fix.title, f.fix.applicability.value, [[e.start, e.end, e.replacement] for e in f.fix.edits]]
        row += [fix, f.data or None]
    return row


def finding_from_json(row: list[Any], path: str) -> Diagnostic:
    """A finding from its cache row; anything malformed raises ValueError, TypeError or
    KeyError, and the caller then ignores the entry (a cache is never trusted)."""
    rule, severity, message, line, column, end_line, end_column, start, end, fingerprint = row[:10]
    # Inline type checks: this runs for every cached finding of a warm run.
    if not (
        type(line) is int
        and type(column) is int
        and type(end_line) is int
        and type(end_column) is int
        and type(start) is int
        and type(end) is int
        and type(rule) is str
        and type(message) is str
        and type(fingerprint) is str
    ):
        raise TypeError("malformed finding in the cache")
    fix = data = None
    if len(row) > 10:
        fx, data = row[10], row[11]
        if fx is not None:
            title, applicability, raw_edits = fx
            edits = tuple(Edit(s, e, r) for s, e, r in raw_edits)
            if type(title) is not str or not all(
                type(e.start) is int and type(e.end) is int and type(e.replacement) is str for e in edits
            ):
                raise TypeError("malformed fix in the cache")
            fix = Fix(title, edits, _APPLICABILITIES[applicability])
        if data is not None and type(data) is not dict:
            raise TypeError("finding data is not a mapping")
    return Diagnostic(
        path=path,
        rule=rule,
        severity=_SEVERITIES[severity],
        message=message,
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
        span=Span(start, end),
        fix=fix,
        data=data,
        fingerprint=fingerprint,
    )


def entry_findings(entry: dict[str, Any], path: str) -> list[Diagnostic]:
    """The findings of a file's cache entry (raises on a malformed entry, see above)."""
    return [finding_from_json(row, path) for row in entry["findings"]]


def suppressions_to_json(items: list[Suppression]) -> list[Any]:
    return [[sorted(s.rules), s.first_line, s.last_line, s.span.start, s.span.end, s.kind] for s in items]


def suppressions_from_json(items: list[Any]) -> list[Suppression]:
    return [Suppression(frozenset(r), a, b, Span(s, e), k) for r, a, b, s, e, k in items]


def lines_from_starts(starts: list[int], length: int) -> LineIndex:
    index = LineIndex.__new__(LineIndex)
    index.starts = list(starts)
    index.length = length
    return index
