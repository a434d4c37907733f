"""The linting side of the language server: no LSP types here, only edlint's.

One :class:`Session` per server. It holds the Linter (configs found per document exactly as
``edlint check`` finds them) and the :class:`~edlint.engine.workspace.Workspace` of the
editor's folders, and checks buffers in two passes:

- the *fast* pass runs every selected rule except the slow ones (rules that ask a server,
  such as LanguageTool's ``grammar``) plus the cross-file rules against the workspace;
- the *slow* pass, only when the document has slow rules, runs them on a Linter of its own
  (so a LanguageTool request never holds the lock the fast pass needs), and its findings are
  merged into the fast pass's.

Every method is safe to call from worker threads; the server calls them off its event loop.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from ..config import ConfigError
from ..engine import Linter
from ..engine.workspace import Workspace
from ..parsers import FORMATS
from ..policy import UNUSED_SUPPRESSION, CliOverrides
from ..results import Diagnostic, FileResult

# The files a workspace scan reads: the ones the parsers know (one list for every path).
ARTICLE_EXTENSIONS = tuple(FORMATS)
# The format a buffer is read as when its name does not say (an untitled buffer, `notes.mdx`).
EXTENSION_FOR_LANGUAGE = {"markdown": ".md", "html": ".html", "plaintext": ".txt", "text": ".txt"}


def is_slow(rule: Any) -> bool:
    """Rules whose answer may take seconds: never in the first publish."""
    return bool(rule.needs_server) or rule.family == "grammar"


FULL, FAST, FACTS = "full", "fast", "facts"


class EditorLinter(Linter):
    """A Linter that runs fewer rules when asked, per thread: ``fast`` leaves the slow rules
    out (a buffer's first pass), ``facts`` runs only the rules that give cross-file facts (the
    background scan: a file on disk is read for what it tells about the others, and its own
    findings are never shown), ``full`` runs them all (the slow pass)."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._mode = threading.local()

    def set_mode(self, mode: str) -> None:
        self._mode.mode = mode

    def skipped_slow(self) -> bool:
        """Did this thread's last lint leave slow rules out?"""
        return getattr(self._mode, "skipped", False)

    def lint_document(self, doc: Any, settings: Any, result: FileResult) -> FileResult:
        mode = getattr(self._mode, "mode", FULL)
        skipped = False
        if mode == FACTS:
            settings = settings._replace(rules=tuple(r for r in settings.rules if r.facts is not None))
        elif mode == FAST and any(is_slow(r) for r in settings.rules):
            settings = settings._replace(rules=tuple(r for r in settings.rules if not is_slow(r)))
            skipped = True
        self._mode.skipped = skipped
        return super().lint_document(doc, settings, result)


@dataclass
class Options:
    """What the client may set (``initializationOptions``, the VS Code settings)."""

    ignore: tuple[str, ...] = ()  # rule ids or families turned off in this editor
    select: tuple[str, ...] | None = None
    preview: bool | None = None
    debounce_ms: int = 40
    # No link unless the editor is told where the rule docs live (`edlint explain RULE` prints
    # them): a placeholder address would be a dead link in every diagnostic.
    rule_docs_url: str = ""
    scan: bool = True  # read the workspace's files for cross-file rules

    @classmethod
    def from_client(cls, raw: Any) -> Options:
        """Options from the client's JSON; wrong types are ignored, never fatal."""
        out = cls()
        if not isinstance(raw, dict):
            return out
        raw = raw.get("edlint", raw) if isinstance(raw.get("edlint"), dict) else raw

        def names(value: Any) -> tuple[str, ...] | None:
            if isinstance(value, str):
                value = value.split(",")
            if isinstance(value, list):
                return tuple(str(v).strip() for v in value if str(v).strip())
            return None

        out.ignore = names(raw.get("ignore")) or ()
        out.select = names(raw.get("select"))
        if isinstance(raw.get("preview"), bool):
            out.preview = raw["preview"]
        debounce = raw.get("debounceMs")
        if isinstance(debounce, int) and not isinstance(debounce, bool) and 0 <= debounce <= 5000:
            out.debounce_ms = debounce
        if isinstance(raw.get("ruleDocsUrl"), str):
            out.rule_docs_url = raw["ruleDocsUrl"]
        if isinstance(raw.get("scanWorkspace"), bool):
            out.scan = raw["scanWorkspace"]
        return out


@dataclass
class Outcome:
    """One pass over one buffer."""

    findings: list[Diagnostic] = field(default_factory=list)
    slow_pending: bool = False  # slow rules apply: a slow pass should follow
    config_error: ConfigError | None = None
    messages: list[str] = field(default_factory=list)
    facts_changed: bool = False  # other open documents' cross-file findings may change


class Session:
    """The Linter and Workspace of one editor session; rebuilt when a config changes."""

    def __init__(self, roots: Iterable[str], options: Options | None = None) -> None:
        self.roots = [os.path.abspath(r) for r in roots]
        self.options = options or Options()
        self._slow_lock = threading.Lock()
        self._build()

    def _cli(self) -> CliOverrides:
        return CliOverrides(select=self.options.select, ignore=self.options.ignore, preview=self.options.preview)

    def _build(self) -> None:
        self.linter = EditorLinter(cli=self._cli())
        self.workspace = Workspace(self.linter, self.roots)
        self._slow_linter: EditorLinter | None = None
        self.scan_cancel = threading.Event()

    def reload(self) -> None:
        """Configs, packs or site data changed: forget every cache (the next checks read
        them again) and start over; a running scan is told to stop."""
        self.scan_cancel.set()
        self._build()

    # -- checking buffers --------------------------------------------------------------------
    def check(self, path: str, text: str, *, keep: bool = True) -> Outcome:
        """The fast pass: every rule but the slow ones, with the cross-file findings."""
        out = Outcome()
        if not text.strip():
            return out  # a new, empty buffer: nothing to say yet (the CLI's "File is empty")
        ws = self.workspace
        before = ws.facts_of(path) if keep else None
        try:
            self.linter.set_mode(FAST)
            result = ws.check_text(text, path, keep=keep)
            out.slow_pending = self.linter.skipped_slow()
        except ConfigError as exc:
            out.config_error = exc
            return out
        out.findings = result.findings
        if out.slow_pending:
            # Whether a suppression is used is known only once the slow rules ran too.
            out.findings = [f for f in out.findings if f.rule != UNUSED_SUPPRESSION]
        out.messages = list(result.messages)
        out.facts_changed = keep and ws.facts_of(path) != before
        return out

    def check_slow(self, path: str, text: str) -> list[Diagnostic] | None:
        """The slow rules' findings (and the unused suppressions, now that every rule ran);
        None when the config cannot be read."""
        with self._slow_lock:
            if self._slow_linter is None:
                self._slow_linter = EditorLinter(cli=self._cli())
                self._slow_linter.read_roots = self.linter.read_roots
            linter = self._slow_linter
            linter.set_mode(FULL)
            try:
                result = linter.lint_file(path, text)
                settings = result.settings
            except ConfigError:
                return None
        slow = {r.id for r in settings.rules if is_slow(r)} if settings is not None else set()
        return [f for f in result.findings if f.rule in slow or f.rule == UNUSED_SUPPRESSION]

    def fix_all(self, path: str, text: str) -> str:
        """``text`` with every safe fix applied, in rounds, as ``edlint check --fix``."""
        from ..fixes import fix_text

        with self.workspace.lock:
            self.linter.set_mode(FAST)
            try:
                return fix_text(self.linter, path, text).fixed
            except ConfigError:
                return text

    def explain(self, rule_id: str, path: str) -> str | None:
        """The rule's documentation as ``edlint explain`` prints it."""
        from ..commands.explain import explain_text

        with self.workspace.lock:
            try:
                registry = self.linter.registry_of(self.linter.config_for(path))
            except ConfigError:
                return None
            rule = registry.get(rule_id)
        return explain_text(rule) if rule is not None else None

    # -- the workspace -------------------------------------------------------------------------
    def scan(self, before: Callable[[str], bool], on_error: Callable[[ConfigError], None]) -> int:
        """Read the facts of every article under the roots, in the background: ``before(path)``
        runs first for each (it may wait while the editor needs the linter, and says False to
        skip a file whose facts come from an open buffer)."""
        ws, cancel = self.workspace, self.scan_cancel
        self.linter.set_mode(FACTS)
        count = 0
        try:
            with ws.lock:  # discovery fills the Linter's config caches
                paths = list(self.linter.discover(self.roots))
                # Where the engine knows CMS exports (one file, many posts), they count too.
                expand = getattr(self.linter, "expand_exports", None)
                if expand is not None:
                    paths = expand(paths)
            for path in paths:
                if not before(path):
                    continue
                if cancel.is_set():
                    break
                try:
                    ws.update(path)
                except ConfigError as exc:
                    on_error(exc)
                count += 1
        except ConfigError as exc:
            on_error(exc)
        ws.scanned.set()
        return count

    def file_changed(self, path: str, deleted: bool) -> None:
        """An article changed on disk (not open in the editor)."""
        if deleted:
            self.workspace.forget(path)
            return
        try:
            self.linter.set_mode(FACTS)
            self.workspace.update(path)
        except ConfigError:
            pass  # the next check of a buffer reports it on the config file

    def closed(self, path: str) -> None:
        """A buffer closed: the file on disk (if any) speaks for it again."""
        if os.path.isfile(path) and any(path.startswith(r.rstrip(os.sep) + os.sep) for r in self.roots):
            self.file_changed(path, deleted=False)
        else:
            self.workspace.forget(path)
