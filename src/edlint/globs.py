"""Config globs (`exclude`, `overrides[].files`, `articles`, `page_kinds`) and the site's
ignore files, matched one way: gitignore semantics through pathspec."""

from __future__ import annotations

import os
from typing import Any

# Config globs (`exclude`, `overrides[].files`, `articles`, `page_kinds`) have gitignore
# semantics, the same as the site's .gitignore files: a pattern without a '/' matches at any
# depth, a leading '/' or a '/' inside anchors it to the config's folder, a trailing '/'
# matches folders only, '**' crosses folders, '!' re-includes. pathspec costs ~30 ms to
# import, so it is imported the first time a glob is matched, never on a plain one-file run.
_SPEC_CACHE: dict[tuple[str, ...], Any] = {}


def gitignore_spec(lines: Any) -> Any:
    """A spec of gitignore lines; a line git would not understand is skipped, as git does."""
    import pathspec

    lines = list(lines)
    try:
        return pathspec.GitIgnoreSpec.from_lines(lines)
    except Exception:  # noqa: BLE001 - pathspec raises several types for one bad line
        return pathspec.GitIgnoreSpec.from_lines([ln for ln in lines if glob_problem(ln) is None])


def glob_problem(pattern: str) -> str | None:
    """Why ``pattern`` is not a valid gitignore glob (None: it is). Only a pattern that could
    be invalid (a backslash, a '[', a bare '!') costs the pathspec import."""
    if "\\" not in pattern and "[" not in pattern and pattern.strip() != "!":
        return None
    import pathspec

    try:
        pathspec.GitIgnoreSpec.from_lines([pattern])
    except Exception as exc:  # noqa: BLE001
        return str(exc) or type(exc).__name__
    return None


def glob_spec(patterns: tuple[str, ...]) -> Any:
    spec = _SPEC_CACHE.get(patterns)
    if spec is None:
        spec = _SPEC_CACHE[patterns] = gitignore_spec(p.strip() for p in patterns)
    return spec


def matches_any(relpath: str, patterns: tuple[str, ...], is_dir: bool = False) -> bool:
    """Does ``relpath`` (relative to the config's folder) match any of the globs?"""
    if not patterns:
        return False
    rel = relpath.replace(os.sep, "/")
    if is_dir and not rel.endswith("/"):
        rel += "/"
    return bool(glob_spec(tuple(patterns)).match_file(rel))
