"""``--changed-since REV``: lint only what changed since a git revision.

For pull requests in repositories with large archives: the files that differ between the
merge base of REV and HEAD and the working tree (committed, staged or not), plus untracked
files that are not ignored. With ``--changed-lines-only`` findings are also limited to the
lines added or modified (the new side of ``git diff -U0``); findings that concern a whole
file (file-error) are always kept for a changed file.
"""

from __future__ import annotations

import os
import re
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from .policy import FILE_ERROR, INTERNAL_ERROR


class GitError(Exception):
    """git is missing, this is not a repository, or the revision is unknown."""


@dataclass
class Changes:
    """Files (and lines) changed since a git revision."""

    root: str  # the repository's top folder (real path)
    base: str  # the commit compared against
    # real path -> changed 1-based line numbers, or None for "every line" (a new file)
    files: dict[str, frozenset[int] | None] = field(default_factory=dict)

    def __contains__(self, path: str) -> bool:
        return os.path.realpath(path) in self.files

    def filter_paths(self, paths: Iterable[str]) -> list[str]:
        return [p for p in paths if p in self]

    def lines_for(self, path: str) -> frozenset[int] | None:
        return self.files.get(os.path.realpath(path), frozenset())

    def on_changed_lines(self, finding: Any) -> bool:
        if finding.rule in (FILE_ERROR, INTERNAL_ERROR):
            return finding.path in self
        if finding.path not in self:
            return False
        lines = self.lines_for(finding.path)
        if lines is None:
            return True
        first = finding.line or 1
        last = max(first, finding.end_line or first)
        # A finding whose span ends at column 1 of the next line does not touch that line.
        if last > first and finding.end_column == 1:
            last -= 1
        return any(n in lines for n in range(first, last + 1))


def _git(args: list[str], cwd: str) -> str:
    try:
        proc = subprocess.run(
            ["git", "-c", "core.quotePath=false", *args],
            cwd=cwd,
            capture_output=True,
            check=False,
            stdin=subprocess.DEVNULL,
        )
    except FileNotFoundError:
        raise GitError("git is not installed (needed for --changed-since)") from None
    if proc.returncode != 0:
        msg = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        raise GitError(msg[-1] if msg else f"git {' '.join(args)} failed")
    return proc.stdout.decode("utf-8", "surrogateescape")


def repo_root(cwd: str = ".") -> str:
    return os.path.realpath(_git(["rev-parse", "--show-toplevel"], cwd).strip())


def changes_since(rev: str, cwd: str = ".", *, lines: bool = True) -> Changes:
    """What changed between ``rev`` (its merge base with HEAD) and the working tree."""
    root = repo_root(cwd)
    try:
        _git(["rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}"], root)
    except GitError:
        raise GitError(f"unknown git revision {rev!r} (in CI, fetch enough history: fetch-depth: 0)") from None
    try:
        base = _git(["merge-base", rev, "HEAD"], root).strip()
    except GitError:
        base = rev  # no common history (or a shallow clone): compare with rev itself
    common = ["diff", "--no-color", "--no-ext-diff", "--no-textconv", "-M"]
    names = _git([*common, "--name-only", "-z", "--diff-filter=d", base, "--"], root).split("\0")
    untracked = _git(["ls-files", "--others", "--exclude-standard", "-z"], root).split("\0")
    hunks: dict[str, set[int]] = {}
    if lines:
        patch = _git([*common, "-U0", "--src-prefix=a/", "--dst-prefix=b/", base, "--"], root)
        hunks = parse_hunks(patch)
    files: dict[str, frozenset[int] | None] = {}
    for name in names:
        if name:
            changed = hunks.get(name)
            files[os.path.realpath(os.path.join(root, name))] = frozenset(changed) if changed is not None else None
    for name in untracked:
        if name:
            files[os.path.realpath(os.path.join(root, name))] = None
    return Changes(root, base, files)


_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@")


def parse_hunks(patch: str) -> dict[str, set[int]]:
    """New-side line numbers added or changed, per file, from ``git diff -U0`` output."""
    out: dict[str, set[int]] = {}
    current: set[int] | None = None
    for line in patch.split("\n"):
        if line.startswith("diff --git "):
            current = None
        elif line.startswith(("rename to ", "copy to ")):
            # A rename without edits has no hunks: none of its lines changed.
            out.setdefault(_unquote(line.split(" to ", 1)[1]), set())
        elif line.startswith("+++ "):
            name = line[4:].rstrip("\t")
            if name == "/dev/null":
                current = None
                continue
            name = _unquote(name)
            if name.startswith("b/"):
                name = name[2:]
            current = out.setdefault(name, set())
        elif line.startswith("@@") and current is not None:
            m = _HUNK.match(line)
            if m:
                start = int(m.group(1))
                count = int(m.group(2)) if m.group(2) is not None else 1
                current.update(range(start, start + count))
    return out


_OCTAL = re.compile(r"[0-7]{3}")
_ESCAPES = {"a": 7, "b": 8, "t": 9, "n": 10, "v": 11, "f": 12, "r": 13, '"': 34, "\\": 92}


def _unquote(name: str) -> str:
    """Undo git's C-style quoting of a path ("b/\\303\\251.md")."""
    if not (len(name) >= 2 and name[0] == '"' and name[-1] == '"'):
        return name
    body = name[1:-1]
    out = bytearray()
    i = 0
    while i < len(body):
        c = body[i]
        if c == "\\" and i + 1 < len(body):
            nxt = body[i + 1]
            if _OCTAL.match(body, i + 1):
                out.append(int(body[i + 1 : i + 4], 8))
                i += 4
                continue
            if nxt in _ESCAPES:
                out.append(_ESCAPES[nxt])
                i += 2
                continue
        out.extend(c.encode("utf-8", "surrogateescape"))
        i += 1
    return out.decode("utf-8", "surrogateescape")


def filter_result(result: Any, changes: Changes) -> Any:
    """A RunResult with only the findings on changed lines."""
    from dataclasses import replace

    return replace(result, findings=[f for f in result.findings if changes.on_changed_lines(f)])
