"""A workspace: the cross-file facts of a folder of articles, kept up to date, so that one
document that is not (or not yet) on disk -- an editor buffer, a draft posted to the server --
is checked against the rest of the site with the same pipeline as `edlint check`.

The language server and `edlint serve` both use it: scan once (in the background if they
like), then ``update`` a file when it changes on disk and ``check_text`` each buffer or draft.
Only files whose rules produced cross-file facts are kept (``Linter._compact``), so memory
grows with the facts, not with the archive.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterable
from typing import TYPE_CHECKING

from ..results import Diagnostic, FileResult, RunResult, finalize_findings

if TYPE_CHECKING:
    from ..fixes import FileFix
    from .linter import Linter


class Workspace:
    """Facts of the files under ``roots``; thread-safe (a scan may run beside checks)."""

    def __init__(self, linter: Linter, roots: Iterable[str]) -> None:
        from ..reading import roots_for

        self.linter = linter
        self.roots = [os.path.abspath(r) for r in roots]
        if linter.read_roots is None:
            linter.read_roots = roots_for(self.roots)
        self._results: dict[str, FileResult] = {}  # absolute path -> result with facts
        self._lock = threading.RLock()
        # Held by callers that use ``linter`` directly beside a scan (a fix, a rule's docs).
        self.lock = self._lock
        self.scanned = threading.Event()

    # -- keeping the facts -----------------------------------------------------------------
    def scan(self, cancel: threading.Event | None = None) -> int:
        """Lint every article under the roots for its facts; returns the files scanned.

        ``cancel`` stops a long scan early (an editor closing); what was scanned is kept."""
        with self._lock:  # discovery fills the Linter's caches too
            # A CMS export in the folder counts as its posts (engine/exports.py).
            paths = self.linter.expand_exports(list(self.linter.discover(self.roots)))
        count = 0
        for path in paths:
            if cancel is not None and cancel.is_set():
                break
            self._keep(path, self._lint(path, None))
            count += 1
        self.scanned.set()
        return count

    def update(self, path: str, text: str | None = None) -> None:
        """A file changed (``text``: its new content, else read from disk)."""
        self._keep(path, self._lint(path, text))

    def forget(self, path: str) -> None:
        """A file was deleted (or an unsaved buffer closed): its facts no longer count."""
        with self._lock:
            self._results.pop(os.path.abspath(path), None)

    def facts_of(self, path: str) -> dict | None:
        """The cross-file facts kept for ``path`` (None: none)."""
        with self._lock:
            result = self._results.get(os.path.abspath(path))
            return result.facts if result is not None else None

    def articles(self) -> list[str]:
        """The articles under the roots now, as ``scan`` finds them (for a watcher)."""
        with self._lock:
            return list(self.linter.discover(self.roots))

    def facts_count(self) -> int:
        # No lock: len() of a dict is one atomic step, and a health probe must not wait
        # behind a lint that holds the lock.
        return len(self._results)

    # -- checking one document -------------------------------------------------------------
    def check_text(self, text: str, path: str, language: str | None = None, keep: bool = False) -> RunResult:
        """Lint ``text`` as the file ``path``: its own findings plus the cross-file findings
        about it against the workspace's other files (its facts replace the file's own).

        ``language``: declared by the caller (a CMS knows the draft's language). ``keep``:
        the text's facts then stand for the file's in later checks of other documents (an
        editor buffer counts for the rest of the site as it is typed)."""
        result = self._lint(path, text, language)
        if keep:
            self._keep(path, result)
        key = os.path.abspath(path)
        with self._lock:
            others = [r for p, r in self._results.items() if p != key]
        findings: list[Diagnostic] = list(result.findings)
        if result.facts:
            cross = self.linter._cross_file([*others, result])
            findings.extend(d for d in cross if d.path == result.path)
        messages = list(result.messages)
        return RunResult(finalize_findings(findings), 1, result.internal_error, messages)

    def fix_text(self, text: str, path: str, *, unsafe: bool = False, language: str | None = None) -> FileFix:
        """``edlint check --fix`` on ``text`` as the file ``path`` (its own findings' fixes,
        in rounds); nothing is read or written."""
        from ..fixes import fix_text

        with self._lock:
            return fix_text(_Declared(self.linter, language), path, text, unsafe=unsafe)

    # -- internals -------------------------------------------------------------------------
    def _lint(self, path: str, text: str | None, language: str | None = None) -> FileResult:
        with self._lock:  # the Linter's caches (configs, settings, site) are not thread-safe
            return self.linter._compact(self.linter.lint_file(path, text, language))

    def _keep(self, path: str, result: FileResult) -> None:
        key = os.path.abspath(path)
        with self._lock:
            if result.facts:
                self._results[key] = result
            else:
                self._results.pop(key, None)


class _Declared:
    """The linter as fixes.fix_text uses it, with the caller's declared language."""

    def __init__(self, linter: Linter, language: str | None) -> None:
        self.linter, self.language = linter, language

    def lint_file(self, path: str, text: str | None = None) -> FileResult:
        return self.linter.lint_file(path, text, self.language)
