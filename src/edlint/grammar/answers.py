"""Answers remembered per paragraph, in a JSON-lines file in the content cache folder.

A file whose content changed is linted again, but most of its paragraphs did not change: their
answers come from here, so Harper's dictionary is not even loaded when every paragraph is
known. One line per answer, appended in one write (concurrent runs and worker processes
interleave whole lines); a torn or foreign line is ignored; never read or written through a
symlink; ``--no-cache`` (``EDLINT_NO_CACHE``) turns it off.
"""

from __future__ import annotations

import json
import os
import threading
from typing import Any

from .backend import Problem

NO_CACHE_ENV = "EDLINT_NO_CACHE"
MAX_FILE_BYTES = 64 * 1024 * 1024


def _digest(data: str) -> str:
    try:
        from _blake2 import blake2b
    except ImportError:  # pragma: no cover - a Python built without it
        from hashlib import blake2b
    return blake2b(data.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


class Answers:
    """Paragraph text (+ what decides its answer) -> problems; in memory, and on disk when
    ``path`` is given."""

    def __init__(self, path: str | None) -> None:
        self.path = None if os.environ.get(NO_CACHE_ENV) else path
        self._memory: dict[str, list[Problem]] = {}
        self._loaded = False
        self._lock = threading.Lock()

    @staticmethod
    def key(context: str, text: str) -> str:
        return _digest(f"{context}\0{text}")

    def get(self, key: str) -> list[Problem] | None:
        with self._lock:
            if not self._loaded:
                self._load()
            return self._memory.get(key)

    def put(self, key: str, problems: list[Problem]) -> None:
        with self._lock:
            self._memory[key] = problems
            if self.path:
                self._append(key, problems)

    def _load(self) -> None:
        self._loaded = True
        if not self.path:
            return
        from ..fileio import read_own_file

        raw = read_own_file(self.path, MAX_FILE_BYTES)
        if raw is None:
            return
        for line in raw.decode("utf-8", "replace").splitlines():
            try:
                key, rows = json.loads(line)
                if isinstance(key, str) and isinstance(rows, list):
                    self._memory[key] = [_problem(r) for r in rows]
            except (ValueError, TypeError, IndexError):
                continue  # a torn or foreign line

    def _append(self, key: str, problems: list[Problem]) -> None:
        from ..fileio import append_no_follow

        assert self.path is not None
        folder = os.path.dirname(self.path) or "."
        try:
            if os.path.islink(folder):
                return
            if not os.path.lexists(folder):
                os.mkdir(folder)
            line = json.dumps([key, [list(p) for p in problems]], ensure_ascii=False) + "\n"
            append_no_follow(self.path, line.encode("utf-8", "surrogatepass"))
        except OSError:
            pass  # an answer that cannot be remembered is only asked again


def _problem(row: Any) -> Problem:
    start, end, kind, code, message, replacements, spelling = row
    if not (type(start) is int and type(end) is int and 0 <= start <= end):
        raise ValueError("bad span")
    if not all(isinstance(x, str) for x in (kind, code, message)) or not isinstance(replacements, list):
        raise TypeError("bad fields")
    return Problem(start, end, kind, code, message, tuple(str(r) for r in replacements), bool(spelling))
