"""Drive `edlint lsp` as a real client would: pytest-lsp starts the `edlint` console script
as a subprocess and speaks LSP to it over stdio; nothing in the server is mocked."""

from __future__ import annotations

import asyncio
import contextlib
import os
import shutil
import sys
import time
from collections.abc import AsyncIterator, Callable
from typing import Any

import pytest

pytest.importorskip("pygls", reason="the lsp extra is not installed: pip install 'edlint[lsp]'")
pytest.importorskip("pytest_lsp", reason="pytest-lsp is not installed (the dev extra)")

from lsprotocol import types
from pytest_lsp import ClientServerConfig
from pytest_lsp.client import DEFAULT_CLIENT_FEATURES, LanguageClient, register_lsp_features

EDLINT = shutil.which("edlint", path=os.path.dirname(sys.executable)) or shutil.which("edlint")
TIMEOUT = 30.0  # s: generous, the machine may be busy


def uri_of(path: Any) -> str:
    from pygls.uris import from_fs_path

    return from_fs_path(str(path))


class Client:
    """A pytest-lsp client plus every publishDiagnostics it received, in order."""

    def __init__(self, client: LanguageClient, published: list[types.PublishDiagnosticsParams]) -> None:
        self.lsp = client
        self.published = published

    def latest(self, uri: str) -> types.PublishDiagnosticsParams | None:
        for p in reversed(self.published):
            if p.uri == uri:
                return p
        return None

    async def wait(
        self,
        uri: str,
        predicate: Callable[[types.PublishDiagnosticsParams], bool] | None = None,
        after: int = 0,
        timeout: float = TIMEOUT,
    ) -> types.PublishDiagnosticsParams:
        """The first publish for ``uri`` (at index ``after`` or later) that satisfies ``predicate``."""
        deadline = time.monotonic() + timeout
        while True:
            for p in self.published[after:]:
                if p.uri == uri and (predicate is None or predicate(p)):
                    return p
            if time.monotonic() > deadline:
                got = [(p.uri.rsplit("/", 1)[-1], p.version, [d.code for d in p.diagnostics]) for p in self.published]
                raise AssertionError(f"no matching publishDiagnostics for {uri} in {timeout}s; got {got}")
            await asyncio.sleep(0.01)

    def open(self, path: Any, text: str, language_id: str = "markdown", version: int = 1) -> str:
        uri = uri_of(path)
        self.lsp.text_document_did_open(
            types.DidOpenTextDocumentParams(
                text_document=types.TextDocumentItem(uri=uri, language_id=language_id, version=version, text=text)
            )
        )
        return uri

    def replace_all(self, uri: str, text: str, version: int) -> None:
        self.lsp.text_document_did_change(
            types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
                content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)],
            )
        )

    def edit(self, uri: str, version: int, start: tuple[int, int], end: tuple[int, int], text: str) -> None:
        self.lsp.text_document_did_change(
            types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
                content_changes=[
                    types.TextDocumentContentChangePartial(
                        range=types.Range(types.Position(*start), types.Position(*end)), text=text
                    )
                ],
            )
        )


def capabilities(
    encodings: list[str] | None = None, pull: bool = False, watch: bool = True
) -> types.ClientCapabilities:
    return types.ClientCapabilities(
        general=types.GeneralClientCapabilities(position_encodings=encodings) if encodings else None,
        text_document=types.TextDocumentClientCapabilities(
            diagnostic=types.DiagnosticClientCapabilities() if pull else None,
            code_action=types.CodeActionClientCapabilities(),
            hover=types.HoverClientCapabilities(content_format=[types.MarkupKind.Markdown]),
        ),
        workspace=types.WorkspaceClientCapabilities(
            did_change_watched_files=types.DidChangeWatchedFilesClientCapabilities(dynamic_registration=watch),
            diagnostics=types.DiagnosticWorkspaceClientCapabilities(refresh_support=pull),
        ),
    )


@contextlib.asynccontextmanager
async def start(
    root: Any, *, encodings: list[str] | None = None, pull: bool = False, options: dict[str, Any] | None = None
) -> AsyncIterator[tuple[Client, types.InitializeResult]]:
    if EDLINT is None:
        pytest.skip("the edlint console script is not on PATH")
    published: list[types.PublishDiagnosticsParams] = []
    registrations: list[types.Registration] = []

    def factory() -> LanguageClient:
        from pygls.protocol import default_converter

        client = LanguageClient(converter_factory=default_converter)
        features = dict(DEFAULT_CLIENT_FEATURES)

        def record(client: LanguageClient, params: types.PublishDiagnosticsParams) -> None:
            client.diagnostics[params.uri] = params.diagnostics
            published.append(params)

        def register(client: LanguageClient, params: types.RegistrationParams) -> None:
            registrations.extend(params.registrations)

        features[types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS] = record
        features[types.CLIENT_REGISTER_CAPABILITY] = register
        register_lsp_features(client, features)
        return client

    config = ClientServerConfig(server_command=[EDLINT, "lsp"], client_factory=factory)
    lsp = await config.start()
    try:
        root_uri = uri_of(root)
        result = await asyncio.wait_for(
            lsp.initialize_session(
                types.InitializeParams(
                    capabilities=capabilities(encodings, pull),
                    root_uri=root_uri,
                    workspace_folders=[types.WorkspaceFolder(uri=root_uri, name="site")],
                    initialization_options=options,
                )
            ),
            TIMEOUT,
        )
        client = Client(lsp, published)
        client.registrations = registrations
        yield client, result
        await asyncio.wait_for(lsp.shutdown_session(), TIMEOUT)
        assert lsp._server is None or lsp._server.returncode == 0
    finally:
        if lsp._server is not None and lsp._server.returncode is None:
            lsp._server.kill()  # the test failed before a clean shutdown
        await asyncio.wait_for(lsp.stop(), TIMEOUT)
