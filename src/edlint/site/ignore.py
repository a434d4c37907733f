"""``.gitignore``, ``.ignore`` and ``.git/info/exclude``, as git reads them.

Each folder's ignore files apply to what is below it; a deeper file, and a later line,
wins; ``.ignore`` beats ``.gitignore`` in the same folder (as in ripgrep and ruff), and
Eleventy's ``.eleventyignore`` beats both; the
repository's ``.git/info/exclude`` is the weakest. Files above the walk are read up to the
repository root (a folder with ``.git``), never beyond it. ``pathspec`` gives gitignore
semantics; it is imported only when an ignore file exists.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

# .eleventyignore: Eleventy's own list of what is not content (gitignore syntax).
IGNORE_FILES = (".gitignore", ".ignore", ".eleventyignore")
MAX_IGNORE_BYTES = 256 * 1024


class Spec:
    """One ignore file's patterns, relative to its folder."""

    def __init__(self, base: str, lines: list[str]) -> None:
        from ..globs import gitignore_spec

        self.base = base
        self.spec = gitignore_spec(lines)

    def decides(self, path: str, is_dir: bool) -> bool | None:
        rel = os.path.relpath(path, self.base).replace(os.sep, "/")
        if rel.startswith("../") or rel == "..":
            return None
        if is_dir:
            rel += "/"
        return self.spec.check_file(rel).include


class IgnoreRules:
    """The ignore files in force in each folder, read once per folder per run."""

    def __init__(self, note: Callable[[str], None] | None = None, floor: str | None = None) -> None:
        self.note = note
        # Outside a repository, ignore files are read from here (the working folder) down.
        self.floor = os.path.abspath(floor) if floor else None
        self._chains: dict[str, tuple[Spec, ...]] = {}
        self._git_roots: dict[str, str | None] = {}

    def chain(self, d: str, names: Any = None) -> tuple[Spec, ...]:
        """The specs in force inside folder ``d`` (weakest first). ``names``: its entries,
        when the caller has listed it already."""
        d = os.path.abspath(d)
        cached = self._chains.get(d)
        if cached is not None:
            return cached
        git_root = self.git_root(d)
        parent = os.path.dirname(d)
        base: tuple[Spec, ...] = ()
        if d == git_root:
            base = self._own(os.path.join(d, ".git", "info"), ("exclude",), base_dir=d)
        elif parent != d and (git_root is not None or parent in self._chains or self._inside_floor(d)):
            base = self.chain(parent)
        chain = base + self._own(d, IGNORE_FILES, names=names)
        self._chains[d] = chain
        return chain

    def _inside_floor(self, d: str) -> bool:
        return self.floor is not None and d != self.floor and d.startswith(self.floor.rstrip(os.sep) + os.sep)

    def ignored(self, path: str, is_dir: bool, chain: tuple[Spec, ...]) -> bool:
        for spec in reversed(chain):
            decided = spec.decides(path, is_dir)
            if decided is not None:
                return decided
        return False

    def git_root(self, d: str) -> str | None:
        if d in self._git_roots:
            return self._git_roots[d]
        seen = []
        root: str | None = None
        cur = d
        while True:
            if cur in self._git_roots:
                root = self._git_roots[cur]
                break
            seen.append(cur)
            if os.path.exists(os.path.join(cur, ".git")):
                root = cur
                break
            parent = os.path.dirname(cur)
            if parent == cur:
                break
            cur = parent
        for s in seen:
            self._git_roots[s] = root
        return root

    def _own(self, d: str, files: tuple[str, ...], names: Any = None, base_dir: str | None = None) -> tuple[Spec, ...]:
        out = []
        for n in files:
            if names is not None and n not in names:
                continue
            path = os.path.join(d, n)
            if self.note is not None:
                self.note(path)
            text = _read(path)
            if text is None:
                continue
            lines = text.splitlines()
            if any(ln.strip() and not ln.lstrip().startswith("#") for ln in lines):
                out.append(Spec(base_dir or d, lines))
        return tuple(out)


def _read(path: str) -> str | None:
    from .detect import read_small

    return read_small(path, MAX_IGNORE_BYTES, git_info=True)
