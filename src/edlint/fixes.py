"""Applying fixes: ``edlint check --fix``, ``--unsafe-fixes`` and ``--diff``.

Per file: decode once (remember the BOM and the line endings), then in rounds: lint, take the
applicable fixes in source order, skip any fix that overlaps an edit already taken, apply
them, re-lint. Stop when nothing changes or after ``MAX_ROUNDS``. A round that adds
file-errors or internal-errors (a fix that breaks the front matter, say) is never kept: its
fixes are retried one at a time and only those that do no harm survive. Finally write
atomically (temporary file in the same folder, then rename), keeping the file's mode, BOM
and line endings, and only if the file on disk is still what was read.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from .fileio import remove_stale_temps, writable_in_place, write_atomic
from .policy import FILE_ERROR, INTERNAL_ERROR
from .results import Diagnostic
from .rules.base import Applicability, Edit, Fix

MAX_ROUNDS = 10
_BOM = "\ufeff"
_BREAKING = (FILE_ERROR, INTERNAL_ERROR)


@dataclass
class FileFix:
    """What fixing one file did."""

    path: str
    original: str  # decoded text as read (no BOM)
    fixed: str  # decoded text after all kept rounds
    applied: int = 0  # fixes applied
    rounds: int = 0
    written: bool = False
    result: Any = None  # the engine's FileResult for ``fixed``
    notes: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return self.fixed != self.original

    def diff(self) -> str:
        return unified_diff(self.original, self.fixed, self.path)


@dataclass
class FixRun:
    """The files of one --fix or --diff run, with what was applied to each."""

    files: list[FileFix]

    @property
    def results(self) -> list[Any]:
        return [f.result for f in self.files]

    @property
    def applied(self) -> int:
        return sum(f.applied for f in self.files)

    @property
    def changed_files(self) -> list[FileFix]:
        return [f for f in self.files if f.changed]

    @property
    def notes(self) -> list[str]:
        return [n for f in self.files for n in f.notes]

    def diff(self) -> str:
        return "".join(f.diff() for f in self.files if f.changed)


# -- choosing and applying edits --------------------------------------------------------------
def applicable(fix: Fix | None, unsafe: bool) -> bool:
    if fix is None or not fix.edits:
        return False
    if fix.applicability is Applicability.SAFE:
        return True
    return unsafe and fix.applicability is Applicability.UNSAFE


def _overlaps(edit: Edit, taken: list[Edit]) -> bool:
    for t in taken:
        if edit.start < t.end and t.start < edit.end:
            return True
        # Two edits at the same point (an insertion and anything else there) conflict:
        # their order would be a guess.
        if edit.start == t.start and (edit.start == edit.end or t.start == t.end):
            return True
    return False


def select_fixes(fixes: Iterable[Fix], length: int) -> list[Fix]:
    """Fixes in source order, without any that overlaps one taken before it.

    A fix's edits go in together or not at all; an edit outside the text drops its fix.
    """
    chosen: list[Fix] = []
    taken: list[Edit] = []
    seen: set[tuple[Edit, ...]] = set()
    for fix in sorted(fixes, key=lambda f: (min(e.start for e in f.edits), max(e.end for e in f.edits), f.title)):
        edits = tuple(sorted(fix.edits, key=lambda e: (e.start, e.end)))
        if edits in seen:
            continue  # two findings offering the very same change
        if any(e.start < 0 or e.end > length or e.end < e.start for e in edits):
            continue
        if any(_overlaps(e, taken) for e in edits) or any(
            _overlaps(e, [o for o in edits if o is not e]) for e in edits
        ):
            continue
        seen.add(edits)
        chosen.append(fix)
        taken.extend(edits)
    return chosen


def apply_fixes(text: str, fixes: Iterable[Fix]) -> str:
    """Apply non-overlapping fixes (as chosen by :func:`select_fixes`) to ``text``."""
    edits = sorted((e for f in fixes for e in f.edits), key=lambda e: (e.start, e.end))
    newline = "\r\n" if "\r\n" in text else None
    out: list[str] = []
    pos = 0
    for e in edits:
        out.append(text[pos : e.start])
        replacement = e.replacement
        if newline and "\n" in replacement:
            replacement = replacement.replace("\r\n", "\n").replace("\n", newline)
        out.append(replacement)
        pos = e.end
    out.append(text[pos:])
    return "".join(out)


def _breakage(findings: list[Diagnostic]) -> int:
    return sum(1 for f in findings if f.rule in _BREAKING)


# -- one file -----------------------------------------------------------------------------------
def fix_text(linter: Any, path: str, text: str, *, unsafe: bool = False) -> FileFix:
    """Fix ``text`` as if it were ``path``; nothing is read or written."""
    out = FileFix(path=path, original=text, fixed=text)
    result = linter.lint_file(path, text)
    baseline_breakage = _breakage(result.findings)
    current = text
    breaking: set[str] = set()
    for round_no in range(1, MAX_ROUNDS + 1):
        fixes = select_fixes((f.fix for f in result.findings if applicable(f.fix, unsafe)), len(current))
        if not fixes:
            break
        candidate = apply_fixes(current, fixes)
        new_result = linter.lint_file(path, candidate)
        applied = len(fixes)
        if _breakage(new_result.findings) > baseline_breakage:
            candidate, new_result, skipped = _one_by_one(linter, path, current, fixes, baseline_breakage)
            applied = len(fixes) - len(skipped)
            breaking.update(_describe(f) for f in skipped)
            if applied == 0:
                break
        if candidate == current:
            break
        current, result = candidate, new_result
        out.applied += applied
        out.rounds = round_no
    else:
        if select_fixes((f.fix for f in result.findings if applicable(f.fix, unsafe)), len(current)):
            out.notes.append(f"{path}: fixes did not settle after {MAX_ROUNDS} rounds; stopped")
    if breaking:
        out.notes.append(f"{path}: skipped fixes that would make the file unreadable: {', '.join(sorted(breaking))}")
    out.fixed = current
    out.result = result
    return out


def _describe(fix: Fix) -> str:
    return repr(fix.title)


def _one_by_one(linter: Any, path: str, text: str, fixes: list[Fix], allowed: int) -> tuple[str, Any, list[Fix]]:
    """Apply ``fixes`` one at a time (from the end, so offsets stay valid), keeping each
    one that does not add file-errors. Costs one lint per fix; only used after a bad round.
    Returns the text, its lint result and the fixes skipped."""
    current = text
    skipped: list[Fix] = []
    result = None
    for fix in sorted(fixes, key=lambda f: -min(e.start for e in f.edits)):
        candidate = apply_fixes(current, [fix])
        trial = linter.lint_file(path, candidate)
        if _breakage(trial.findings) <= allowed:
            current, result = candidate, trial
        else:
            skipped.append(fix)
    if result is None:
        result = linter.lint_file(path, current)
    return current, result, skipped


def fix_file(linter: Any, path: str, *, unsafe: bool = False, write: bool = True) -> FileFix:
    """Fix one file on disk. With ``write=False`` only compute the fixed text (for --diff).

    The file is read as the lint reads it (reading.py: bounded by max_file_size, inside the
    linted root, regular files only). Fixes are written only to a file the user could save
    in place: not through a symlink, not to a read-only file, not to a file whose owner the
    rename would change; otherwise the fixes are reported and the file left as it is."""
    from .reading import read_file

    settings = linter.settings_for(path, linter.config_for(path))
    data = read_file(path, settings.max_file_size, getattr(linter, "read_roots", None)).data
    text = _decode(data)
    if text is None:
        # Skipped, unreadable or not text: lint normally, it reports the file-error.
        result = linter.lint_file(path)
        return FileFix(path=path, original="", fixed="", result=result)
    bom = data is not None and data.startswith(b"\xef\xbb\xbf")
    out = fix_text(linter, path, text, unsafe=unsafe)
    if write and out.changed:
        encoded = ((_BOM if bom else "") + out.fixed).encode("utf-8", "surrogatepass")
        problem = f"{path}: changed on disk while being fixed; not written"
        why_not = writable_in_place(path)
        if why_not is not None:
            problem = f"{path}: {why_not}; fixes not written"
        else:
            try:
                out.written = write_atomic(path, encoded, expected=data, keep_owner=True)
            except OSError as exc:
                problem = f"{path}: could not write fixes: {exc.strerror or exc}"
            _clean_folder_once(path)
        if not out.written:
            out.notes.append(problem)
            # Report what is on disk, not what we failed to write.
            out.fixed = out.original
            out.applied = 0
            out.result = linter.lint_file(path, out.original)
    return out


_CLEANED: set[str] = set()


def _clean_folder_once(path: str) -> None:
    """Remove what a killed --fix left beside the files (fileio.remove_stale_temps), once per
    folder and process: a folder of 10,000 articles is listed once, not per file."""
    import os

    folder = os.path.dirname(os.path.abspath(path))
    if folder not in _CLEANED:
        _CLEANED.add(folder)
        remove_stale_temps(folder)


def fix_files(linter: Any, paths: Iterable[str], *, unsafe: bool = False, write: bool = True) -> FixRun:
    return FixRun([fix_file(linter, p, unsafe=unsafe, write=write) for p in paths])


def _decode(data: bytes | None) -> str | None:
    if data is None:
        return None
    from .parsers import decode

    text, problem = decode(data)
    return None if problem is not None else text


# Atomic writes live in fileio (the cache writes the same way).


def unified_diff(before: str, after: str, path: str) -> str:
    """A unified diff of one file, ``a/path`` -> ``b/path``, line endings kept."""
    if before == after:
        return ""
    a = _lines(before)
    b = _lines(after)
    lines = []
    from .reporters import printable

    name = printable(path)  # a file name cannot add lines to the diff's header
    for line in difflib.unified_diff(a, b, f"a/{name}", f"b/{name}"):
        if not line.endswith(("\n", "\r")):
            line += "\n\\ No newline at end of file\n"
        lines.append(line)
    return "".join(lines)


def _lines(text: str) -> list[str]:
    """Lines split after each LF only (str.splitlines would also split at U+2028, FF ...)."""
    parts = text.split("\n")
    lines = [p + "\n" for p in parts[:-1]]
    if parts[-1]:
        lines.append(parts[-1])
    return lines
