"""The protocol side of `edlint lsp` (pygls 2.x): documents, scheduling, publishing, requests.

Scheduling, per open document: every change bumps the document's *generation*. A lint runs
on a worker thread with the text of the generation it started on; when it finishes, its
result is kept only if no newer generation exists (a stale run never overwrites a newer
one), else the newest text is linted next. Changes that arrive while a lint runs, or within
``debounce_ms`` of the last start, are coalesced: the latest text wins. The event loop never
lints, so hovers and cancellations are answered while a lint runs.

A document's slow rules (LanguageTool's grammar) run after the first publish, on their own
threads, and their findings arrive as a second publish of the same version.
"""

from __future__ import annotations

import asyncio
import logging
import os
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from lsprotocol import types
from pygls.exceptions import JsonRpcException
from pygls.lsp.server import LanguageServer
from pygls.protocol import LanguageServerProtocol
from pygls.uris import from_fs_path, to_fs_path

from .. import __version__
from ..config import ConfigError
from ..results import Diagnostic
from ..rules.base import Severity
from . import actions
from .positions import UTF8, UTF16, UTF32, PositionMap
from .session import ARTICLE_EXTENSIONS, EXTENSION_FOR_LANGUAGE, Options, Outcome, Session

log = logging.getLogger("edlint.lsp")

FIX_ALL_KIND = "source.fixAll.edlint"
_SEVERITY = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.INFO: types.DiagnosticSeverity.Information,
}
_ENCODINGS = {
    types.PositionEncodingKind.Utf8: UTF8,
    types.PositionEncodingKind.Utf16: UTF16,
    types.PositionEncodingKind.Utf32: UTF32,
}
_LANGUAGES = ("markdown", "html", "plaintext", "text")
_RELOAD_DELAY = 0.1  # s: an editor saving several files (a rename) triggers one reload


@dataclass
class Result:
    """One generation's findings, with the text they were found in."""

    generation: int
    version: int | None
    text: str
    findings: list[Diagnostic]
    slow_pending: bool
    positions: PositionMap
    items: list[types.Diagnostic] = field(default_factory=list)
    slow_done: bool = False


@dataclass(eq=False)
class OpenDoc:
    uri: str
    path: str  # what edlint lints the buffer as (its file, or a name with the right extension)
    generation: int = 0
    running: bool = False
    timer: asyncio.TimerHandle | None = None
    last_start: float = -1e9
    result: Result | None = None
    slow_running: bool = False
    waiters: list[asyncio.Future] = field(default_factory=list)


class _Ignored:
    """What a request that could not be read becomes once it has been answered: the
    protocol drops messages of an unknown JSON-RPC version."""

    jsonrpc = "answered-as-invalid"


class EdlintProtocol(LanguageServerProtocol):
    def structure_message(self, data: Any) -> Any:
        """A request whose params do not fit the method's type gets an error reply (pygls
        would only log it, and the client would wait for ever)."""
        try:
            return super().structure_message(data)
        except JsonRpcException as exc:
            if isinstance(data, dict) and "id" in data and "method" in data:
                self._send_response(data["id"], error=types.ResponseError(code=exc.code, message=exc.message))
                return _Ignored()
            raise


class EdlintServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__(
            "edlint",
            __version__,
            text_document_sync_kind=types.TextDocumentSyncKind.Incremental,
            protocol_cls=EdlintProtocol,
        )
        self.session: Session | None = None
        self.options = Options()
        self.docs: dict[str, OpenDoc] = {}
        self.encoding = UTF16
        self.pull = False  # the client pulls diagnostics (textDocument/diagnostic)
        self.refresh = False  # ... and can be asked to pull again
        self.fast_pool = ThreadPoolExecutor(1, thread_name_prefix="edlint-lint")
        self.slow_pool = ThreadPoolExecutor(2, thread_name_prefix="edlint-slow")
        self.control_pool = ThreadPoolExecutor(1, thread_name_prefix="edlint-control")
        self._interactive = 0  # fast runs in flight: the background scan waits meanwhile
        self._idle = threading.Event()
        self._idle.set()
        self._open_paths: set[str] = set()
        self._config_errors: dict[str, str] = {}  # config uri -> message shown
        self._said: set[str] = set()
        self._reload_timer: asyncio.TimerHandle | None = None
        self._scan_thread: threading.Thread | None = None
        self._tasks: set[asyncio.Future] = set()

    # -- set-up --------------------------------------------------------------------------------
    def setup(self, params: types.InitializeParams) -> None:
        self.options = Options.from_client(params.initialization_options)
        self.encoding = _ENCODINGS.get(self.workspace.position_encoding, UTF16)
        caps = params.capabilities
        self.pull = caps.text_document is not None and caps.text_document.diagnostic is not None
        if isinstance(params.initialization_options, dict):
            mode = params.initialization_options.get("diagnosticMode")
            if mode in ("push", "pull"):
                self.pull = mode == "pull"
        ws_caps = caps.workspace
        self.refresh = bool(ws_caps and ws_caps.diagnostics and ws_caps.diagnostics.refresh_support)
        roots = []
        for folder in params.workspace_folders or []:
            path = to_fs_path(folder.uri)
            if path and os.path.isdir(path):
                roots.append(path)
        if not roots and params.root_uri and (path := to_fs_path(params.root_uri)) and os.path.isdir(path):
            roots.append(path)
        if roots:
            # Configs without a file, and `exclude` globs, are relative to the working folder,
            # as when `edlint check` runs at the project's root.
            os.chdir(roots[0])
        self.session = Session(roots, self.options)

    def start_scan(self) -> None:
        session = self.session
        if session is None or not session.roots or not self.options.scan:
            return
        loop = asyncio.get_running_loop()

        def before(path: str) -> bool:
            while not self._idle.wait(0.05):
                if session.scan_cancel.is_set():
                    return False
            return os.path.abspath(path) not in self._open_paths

        def on_error(exc: ConfigError) -> None:
            loop.call_soon_threadsafe(self.show_config_error, exc)

        def run() -> None:
            try:
                count = session.scan(before, on_error)
            except Exception as exc:
                log.exception("workspace scan failed")
                loop.call_soon_threadsafe(self.say, f"edlint: workspace scan failed: {exc}")
                return
            if not session.scan_cancel.is_set():
                loop.call_soon_threadsafe(self._scan_done, count)

        self._scan_thread = threading.Thread(target=run, name="edlint-scan", daemon=True)
        self._scan_thread.start()

    def _scan_done(self, count: int) -> None:
        log.info("workspace scan: %d files", count)
        self.relint_all()  # cross-file findings now see the whole workspace

    def say(self, message: str, kind: types.MessageType = types.MessageType.Info) -> None:
        """A log message, once per distinct text."""
        if message in self._said:
            return
        self._said.add(message)
        self.window_log_message(types.LogMessageParams(type=kind, message=message))

    # -- documents -----------------------------------------------------------------------------
    def lint_path(self, uri: str, language_id: str | None) -> str | None:
        """What edlint lints a buffer as; None for buffers it has nothing to say about."""
        path = to_fs_path(uri) if uri.startswith("file:") else None
        ext = EXTENSION_FOR_LANGUAGE.get(language_id or "")
        if path is None:
            if ext is None:
                return None
            base = self.session.roots[0] if self.session and self.session.roots else os.getcwd()
            name = "".join(c if c.isalnum() or c in "-_" else "-" for c in uri.rsplit("/", 1)[-1])[:60]
            return os.path.join(base, f"{name or 'untitled'}{ext}")
        path = os.path.abspath(path)
        if path.lower().endswith(ARTICLE_EXTENSIONS):
            return path
        return path + ext if ext is not None else None

    def opened(self, uri: str, language_id: str | None) -> None:
        path = self.lint_path(uri, language_id)
        if path is None:
            return
        doc = self.docs[uri] = OpenDoc(uri, path)
        self._open_paths.add(path)
        self.request(doc, debounce=False)

    def changed(self, uri: str) -> None:
        doc = self.docs.get(uri)
        if doc is not None:
            self.request(doc, debounce=True)

    def saved(self, uri: str) -> None:
        doc = self.docs.get(uri)
        if doc is not None:
            self.request(doc, debounce=False)

    def closed(self, uri: str) -> None:
        doc = self.docs.pop(uri, None)
        if doc is None:
            return
        if doc.timer is not None:
            doc.timer.cancel()
        doc.generation += 1  # anything still running for it is stale
        self._open_paths.discard(doc.path)
        for waiter in doc.waiters:
            if not waiter.done():
                waiter.cancel()
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))
        if self.session is not None:
            session = self.session
            asyncio.get_running_loop().run_in_executor(self.control_pool, session.closed, doc.path)

    def relint_all(self, except_uri: str | None = None) -> None:
        for doc in list(self.docs.values()):
            if doc.uri != except_uri:
                self.request(doc, debounce=True)

    def _keep_task(self, coro: Any) -> None:
        task = asyncio.ensure_future(coro)
        self._tasks.add(task)  # the loop keeps only weak references to tasks
        task.add_done_callback(self._tasks.discard)

    # -- scheduling ----------------------------------------------------------------------------
    def request(self, doc: OpenDoc, debounce: bool) -> None:
        """A newer result is wanted (the text changed, or what it is checked against)."""
        doc.generation += 1
        self._schedule(doc, debounce)

    def _schedule(self, doc: OpenDoc, debounce: bool) -> None:
        if doc.running or doc.timer is not None:
            return  # the run in flight, or the timer, takes the newest text when it starts
        loop = asyncio.get_running_loop()
        wait = 0.0
        if debounce:
            wait = max(0.0, doc.last_start + self.options.debounce_ms / 1000 - loop.time())
        if wait <= 0:
            self._start(doc)
        else:
            doc.timer = loop.call_later(wait, self._start, doc)

    def _start(self, doc: OpenDoc) -> None:
        doc.timer = None
        if self.docs.get(doc.uri) is not doc or doc.running:
            return
        doc.running = True
        self._interactive += 1
        self._idle.clear()
        self._keep_task(self._run(doc))

    async def _run(self, doc: OpenDoc) -> None:
        loop = asyncio.get_running_loop()
        generation = doc.generation
        document = self.workspace.get_text_document(doc.uri)
        text, version = document.source, document.version
        doc.last_start = loop.time()
        session = self.session
        outcome: Outcome
        try:
            assert session is not None
            outcome = await loop.run_in_executor(self.fast_pool, session.check, doc.path, text)
        except Exception as exc:
            log.exception("lint failed for %s", doc.uri)
            self.say(f"edlint: could not lint {doc.path}: {type(exc).__name__}: {exc}", types.MessageType.Error)
            outcome = Outcome()
        finally:
            doc.running = False
            self._interactive -= 1
            if self._interactive == 0:
                self._idle.set()
        if self.docs.get(doc.uri) is not doc or session is not self.session:
            if self.docs.get(doc.uri) is doc:
                self._schedule(doc, debounce=False)  # the config was reloaded meanwhile
            return
        if generation != doc.generation:
            self._schedule(doc, debounce=True)  # stale: the newest text is linted next
            return
        self._accept(doc, generation, version, text, outcome)

    def _accept(self, doc: OpenDoc, generation: int, version: int | None, text: str, outcome: Outcome) -> None:
        for message in outcome.messages:
            self.say(f"edlint: {message}")
        if outcome.config_error is not None:
            self.show_config_error(outcome.config_error)
        positions = PositionMap(text, self.encoding)
        result = Result(generation, version, text, outcome.findings, outcome.slow_pending, positions)
        result.items = [self.to_lsp(f, positions) for f in outcome.findings]
        before, doc.result = doc.result, result
        self._publish(doc, unprompted=before is not None and before.version == version)
        if outcome.facts_changed:
            self.relint_all(except_uri=doc.uri)
        if outcome.slow_pending:
            self._start_slow(doc)

    def _publish(self, doc: OpenDoc, unprompted: bool = False) -> None:
        """Push the result, or (pull mode) hand it to the requests waiting for it; a result
        the client did not cause by typing (slow rules, another file's facts, a config
        reload) asks a pulling client to pull again."""
        result = doc.result
        assert result is not None
        waiters, doc.waiters = doc.waiters, []
        for waiter in waiters:
            if not waiter.done():
                waiter.set_result(result)
        if not self.pull:
            self.text_document_publish_diagnostics(
                types.PublishDiagnosticsParams(uri=doc.uri, diagnostics=result.items, version=result.version)
            )
        elif self.refresh and unprompted and not waiters:
            self.workspace_diagnostic_refresh(None)

    def _start_slow(self, doc: OpenDoc) -> None:
        if doc.slow_running:
            return  # when it finishes, the newest result gets its own slow pass
        result = doc.result
        if result is None or not result.slow_pending or result.slow_done:
            return
        doc.slow_running = True
        self._keep_task(self._run_slow(doc, result))

    async def _run_slow(self, doc: OpenDoc, result: Result) -> None:
        loop = asyncio.get_running_loop()
        session = self.session
        try:
            assert session is not None
            slow = await loop.run_in_executor(self.slow_pool, session.check_slow, doc.path, result.text)
        except Exception as exc:
            log.exception("slow rules failed for %s", doc.uri)
            self.say(f"edlint: slow rules failed on {doc.path}: {type(exc).__name__}: {exc}", types.MessageType.Error)
            slow = None
        finally:
            doc.slow_running = False
        if self.docs.get(doc.uri) is not doc:
            return
        if doc.result is result and slow is not None:
            result.findings = sorted([*result.findings, *slow], key=Diagnostic.sort_key)
            result.items = [self.to_lsp(f, result.positions) for f in result.findings]
            result.slow_done = True
            self._publish(doc, unprompted=True)
        elif doc.result is not result:
            self._start_slow(doc)

    async def current(self, doc: OpenDoc) -> Result:
        """The result for the document's newest generation (waiting for it if needed)."""
        if doc.result is not None and doc.result.generation == doc.generation:
            return doc.result
        waiter = asyncio.get_running_loop().create_future()
        doc.waiters.append(waiter)
        self._schedule(doc, debounce=False)
        return await waiter

    # -- config --------------------------------------------------------------------------------
    def show_config_error(self, exc: ConfigError) -> None:
        """A config (or pack) that cannot be used: one diagnostic on that file, not a crash."""
        path = exc.path
        if not path:
            self.say(f"edlint: config error: {exc}", types.MessageType.Error)
            return
        uri = from_fs_path(os.path.abspath(path))
        if uri is None or self._config_errors.get(uri) == str(exc):
            return
        self._config_errors[uri] = str(exc)
        line = max(0, (exc.line or 1) - 1)
        width = 0
        try:
            with open(path, encoding="utf-8", errors="replace") as fh:
                for i, text in enumerate(fh):
                    if i == line:
                        width = len(text.rstrip("\r\n"))
                        break
                    if i > 100_000:
                        break
        except OSError:
            pass
        diagnostic = types.Diagnostic(
            range=types.Range(types.Position(line, 0), types.Position(line, width)),
            message=f"edlint cannot use this config: {exc.message}",
            severity=types.DiagnosticSeverity.Error,
            source="edlint",
            code="config-error",
        )
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[diagnostic]))

    def clear_config_errors(self) -> None:
        for uri in self._config_errors:
            self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))
        self._config_errors.clear()

    def files_changed(self, changes: list[types.FileEvent]) -> None:
        reload = False
        articles: list[tuple[str, bool]] = []
        for change in changes:
            path = to_fs_path(change.uri)
            if not path:
                continue
            if path.lower().endswith(ARTICLE_EXTENSIONS):
                if change.uri not in self.docs:  # an open buffer's text beats the file's
                    articles.append((path, change.type == types.FileChangeType.Deleted))
            else:
                reload = True  # a config, pack, site config or site-data file
        loop = asyncio.get_running_loop()
        if reload:
            if self._reload_timer is not None:
                self._reload_timer.cancel()
            self._reload_timer = loop.call_later(_RELOAD_DELAY, self._reload)
        elif articles and self.session is not None:
            session = self.session

            def update() -> None:
                for path, deleted in articles:
                    session.file_changed(path, deleted)

            future = loop.run_in_executor(self.control_pool, update)
            future.add_done_callback(lambda _f: loop.call_soon_threadsafe(self.relint_all))

    def _reload(self) -> None:
        self._reload_timer = None
        if self.session is None:
            return
        log.info("config changed: reloading")
        old = self.session
        old.scan_cancel.set()
        self.session = Session(old.roots, self.options)
        self.clear_config_errors()
        self.start_scan()
        for doc in self.docs.values():
            doc.result = None
        self.relint_all()

    # -- LSP shapes ----------------------------------------------------------------------------
    def to_lsp(self, finding: Diagnostic, positions: PositionMap) -> types.Diagnostic:
        start = positions.position(finding.span.start)
        end = positions.position(finding.span.end)
        data: dict[str, Any] = {"rule": finding.rule}
        if finding.fix is not None:
            data["fix"] = {
                "title": finding.fix.title,
                "applicability": finding.fix.applicability.value,
                "edits": [
                    {
                        "range": _range_json(positions, e.start, e.end),
                        "newText": e.replacement,
                    }
                    for e in finding.fix.edits
                ],
            }
        if finding.data:
            data["extra"] = finding.data
        href = self.options.rule_docs_url.format(rule=finding.rule) if self.options.rule_docs_url else ""
        return types.Diagnostic(
            range=types.Range(types.Position(*start), types.Position(*end)),
            message=finding.message,
            severity=_SEVERITY.get(finding.severity, types.DiagnosticSeverity.Warning),
            code=finding.rule,
            code_description=types.CodeDescription(href=href) if href else None,
            source="edlint",
            tags=[types.DiagnosticTag.Unnecessary] if finding.rule == "unused-suppression" else None,
            data=data,
        )

    def to_code_action(self, uri: str, action: actions.Action, positions: PositionMap) -> types.CodeAction:
        edits = [
            types.TextEdit(
                range=types.Range(
                    types.Position(*positions.position(e.start)), types.Position(*positions.position(e.end))
                ),
                new_text=e.replacement,
            )
            for e in action.edits
        ]
        diagnostics = None
        if action.finding is not None:
            diagnostics = [self.to_lsp(action.finding, positions)]
        return types.CodeAction(
            title=action.title,
            kind=action.kind,
            diagnostics=diagnostics,
            is_preferred=action.preferred or None,
            edit=types.WorkspaceEdit(changes={uri: edits}),
        )


def _range_json(positions: PositionMap, start: int, end: int) -> dict[str, Any]:
    s, e = positions.position(start), positions.position(end)
    return {"start": {"line": s.line, "character": s.character}, "end": {"line": e.line, "character": e.character}}


def _contains(rng: types.Range, pos: types.Position) -> bool:
    start = (rng.start.line, rng.start.character)
    end = (rng.end.line, rng.end.character)
    return start <= (pos.line, pos.character) <= end


def _overlaps(rng: types.Range, other: types.Range) -> bool:
    a0, a1 = (rng.start.line, rng.start.character), (rng.end.line, rng.end.character)
    b0, b1 = (other.start.line, other.start.character), (other.end.line, other.end.character)
    return a0 <= b1 and b0 <= a1


def build_server() -> EdlintServer:
    server = EdlintServer()

    @server.feature(types.INITIALIZE)
    def initialize(ls: EdlintServer, params: types.InitializeParams) -> None:
        ls.setup(params)

    @server.feature(types.INITIALIZED)
    def initialized(ls: EdlintServer, params: types.InitializedParams) -> None:
        caps = ls.client_capabilities.workspace
        watched = caps.did_change_watched_files if caps else None
        if watched is not None and watched.dynamic_registration:
            globs = ["**/*.{md,markdown,html,htm,txt}", "**/.edlint.yaml", "**/*.{yaml,yml,toml,json,csv}"]
            options = types.DidChangeWatchedFilesRegistrationOptions(
                watchers=[types.FileSystemWatcher(glob_pattern=g) for g in globs]
            )
            ls.client_register_capability(
                types.RegistrationParams(
                    registrations=[
                        types.Registration(
                            id="edlint-watched-files",
                            method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                            register_options=options,
                        )
                    ]
                )
            )
        ls.start_scan()

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: EdlintServer, params: types.DidOpenTextDocumentParams) -> None:
        ls.opened(params.text_document.uri, params.text_document.language_id)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: EdlintServer, params: types.DidChangeTextDocumentParams) -> None:
        ls.changed(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: EdlintServer, params: types.DidSaveTextDocumentParams) -> None:
        ls.saved(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: EdlintServer, params: types.DidCloseTextDocumentParams) -> None:
        ls.closed(params.text_document.uri)

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def did_change_watched_files(ls: EdlintServer, params: types.DidChangeWatchedFilesParams) -> None:
        ls.files_changed(list(params.changes))

    @server.feature(
        types.TEXT_DOCUMENT_DIAGNOSTIC,
        types.DiagnosticOptions(identifier="edlint", inter_file_dependencies=True, workspace_diagnostics=False),
    )
    async def diagnostic(ls: EdlintServer, params: types.DocumentDiagnosticParams) -> Any:
        doc = ls.docs.get(params.text_document.uri)
        if doc is None or not ls.pull:
            return types.RelatedFullDocumentDiagnosticReport(items=[], result_id="none")
        result = await ls.current(doc)
        result_id = f"{result.generation}.{int(result.slow_done)}"
        if params.previous_result_id == result_id:
            return types.RelatedUnchangedDocumentDiagnosticReport(result_id=result_id)
        return types.RelatedFullDocumentDiagnosticReport(items=result.items, result_id=result_id)

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    async def hover(ls: EdlintServer, params: types.HoverParams) -> types.Hover | None:
        doc = ls.docs.get(params.text_document.uri)
        if doc is None or doc.result is None or ls.session is None:
            return None
        result = doc.result
        hits = [(f, item) for f, item in zip(result.findings, result.items) if _contains(item.range, params.position)]
        if not hits:
            return None
        session = ls.session
        loop = asyncio.get_running_loop()
        parts: list[str] = []
        seen: set[str] = set()
        for finding, _item in hits:
            parts.append(f"**{finding.rule}** ({finding.severity}): {finding.message}")
        for finding, _item in hits:
            if finding.rule in seen:
                continue
            seen.add(finding.rule)
            text = await loop.run_in_executor(ls.control_pool, session.explain, finding.rule, doc.path)
            if text:
                parts.append("---\n\n" + text)
        return types.Hover(
            contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value="\n\n".join(parts)),
            range=hits[0][1].range,
        )

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(
            code_action_kinds=[types.CodeActionKind.QuickFix, types.CodeActionKind.SourceFixAll, FIX_ALL_KIND],
            resolve_provider=False,
        ),
    )
    async def code_action(ls: EdlintServer, params: types.CodeActionParams) -> list[types.CodeAction] | None:
        uri = params.text_document.uri
        doc = ls.docs.get(uri)
        if doc is None or ls.session is None:
            return None
        result = doc.result
        document = ls.workspace.get_text_document(uri)
        if result is None or result.text != document.source:
            result = await ls.current(doc)
        if result.text != ls.workspace.get_text_document(uri).source:
            return None  # the text moved on while we waited: the client will ask again
        only = params.context.only
        wants = lambda kind: only is None or any(kind == k or kind.startswith(k + ".") for k in only)
        out: list[types.CodeAction] = []
        positions = result.positions
        if wants(types.CodeActionKind.QuickFix):
            for finding, item in zip(result.findings, result.items):
                if not _overlaps(item.range, params.range):
                    continue
                for action in (
                    actions.fix_action(finding),
                    actions.disable_for_line(result.text, finding, doc.path),
                    actions.disable_in_file(result.text, finding, doc.path),
                ):
                    if action is not None:
                        out.append(ls.to_code_action(uri, action, positions))
        has_safe = any(f.fix is not None and f.fix.applicability.value == "safe" for f in result.findings)
        if has_safe and wants(FIX_ALL_KIND):
            if only is None:
                # The light bulb asks on every cursor move: one round of the fixes already
                # found. Asked for by kind (the source menu, fix on save): rounds, as --fix.
                fixed = actions.one_round(result.text, result.findings)
            else:
                session = ls.session
                loop = asyncio.get_running_loop()
                fixed = await loop.run_in_executor(ls.control_pool, session.fix_all, doc.path, result.text)
            edit = actions.minimal_edit(result.text, fixed)
            if edit is not None:
                action = actions.Action("Fix all safe problems in this file", FIX_ALL_KIND, (edit,), False, None)
                out.append(ls.to_code_action(uri, action, positions))
        # Safe fixes first, then the rest in the order found.
        out.sort(key=lambda a: (a.kind != types.CodeActionKind.QuickFix, not a.is_preferred))
        return out

    @server.feature(types.SHUTDOWN)
    def shutdown(ls: EdlintServer, params: Any) -> None:
        if ls.session is not None:
            ls.session.scan_cancel.set()

    return server


def serve(tcp_port: int | None = None, host: str = "127.0.0.1") -> int:
    """Run until the client says exit (or the connection ends); the exit code: 0 when the
    client asked for shutdown first, as the protocol says, else 1."""
    logging.basicConfig(level=logging.WARNING, format="edlint lsp: %(levelname)s %(message)s")
    server = build_server()
    try:
        if tcp_port is not None:
            server.start_tcp(host, tcp_port)
        else:
            server.start_io()
    finally:
        if server.session is not None:
            server.session.scan_cancel.set()
        for pool in (server.fast_pool, server.slow_pool, server.control_pool):
            pool.shutdown(wait=False, cancel_futures=True)
    return 0 if getattr(server.protocol, "_shutdown", False) else 1
