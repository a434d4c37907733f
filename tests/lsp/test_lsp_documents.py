"""Open, change, save and close; positions in each encoding; pull diagnostics."""

from __future__ import annotations

import asyncio

import pytest
from lsp_harness import start, uri_of
from lsprotocol import types

pytestmark = pytest.mark.asyncio(loop_scope="function")

# The doubled "the the" comes after a curly apostrophe (one UTF-16 unit, three UTF-8 bytes)
# and a wave emoji (two UTF-16 units, four UTF-8 bytes) on the same line.
STORY = """---
title: "Harbour wall repairs to start in May"
description: "Storm damage at Porthleven to be mended before the summer season"
date: 2026-03-02
author: Maya Okafor
---

Repairs to the harbour wall at Porthleven will start in May 🌊 after the council’s engineers said the the cracked section was safe to work on.

The work will cost £1.2m and is expected to take 14 weeks, with the footpath along the wall open at weekends.
"""
LINE = 7
PREFIX = STORY.splitlines()[LINE][: STORY.splitlines()[LINE].index("the the")]

CLEAN = """---
title: "Harbour wall repairs to start in May"
description: "Storm damage at Porthleven to be mended before the summer season"
date: 2026-03-02
author: Maya Okafor
---

Repairs to the harbour wall at Porthleven will start in May 🌊 after the council’s engineers said the cracked section was safe to work on.

The work will cost £1.2m and is expected to take 14 weeks. That is that: the footpath stays open at weekends.
"""


def _doubled(params: types.PublishDiagnosticsParams) -> list[types.Diagnostic]:
    return [d for d in params.diagnostics if d.code == "doubled-word"]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("offered", "chosen", "column"),
    [
        (None, "utf-16", len(PREFIX.encode("utf-16-le")) // 2),
        (["utf-8", "utf-16"], "utf-8", len(PREFIX.encode("utf-8"))),
        (["utf-32"], "utf-32", len(PREFIX)),
    ],
)
async def test_a_finding_after_an_emoji_and_a_curly_apostrophe_lands_right(tmp_path, offered, chosen, column):
    assert PREFIX.count("🌊") == 1 and "’" in PREFIX
    path = tmp_path / "harbour.md"
    path.write_text(STORY, encoding="utf-8")
    docs = {"ruleDocsUrl": "https://docs.newsroom.example/edlint/{rule}"}
    async with start(tmp_path, encodings=offered, options=docs) as (client, init):
        assert init.capabilities.position_encoding == chosen
        uri = client.open(path, STORY)
        got = await client.wait(uri, lambda p: bool(_doubled(p)))
        (d,) = _doubled(got)
        assert (d.range.start.line, d.range.start.character) == (LINE, column)
        assert d.range.end.character - d.range.start.character == len("the the")
        assert d.severity == types.DiagnosticSeverity.Warning and d.source == "edlint"
        assert d.code_description is not None
        assert d.code_description.href == "https://docs.newsroom.example/edlint/doubled-word"
        assert d.data["fix"]["edits"][0]["newText"] == "the"
        # Only the doubled word, not "That is that" or the curly quotes, in the clean text.
        assert got.version == 1


@pytest.mark.slow
async def test_open_change_save_close(tmp_path):
    path = tmp_path / "harbour.md"
    path.write_text(STORY, encoding="utf-8")
    async with start(tmp_path) as (client, _):
        uri = client.open(path, STORY)
        first = await client.wait(uri, lambda p: bool(_doubled(p)))
        assert first.version == 1
        # An incremental edit that removes the doubled word: the finding goes.
        col = len(PREFIX.encode("utf-16-le")) // 2
        client.edit(uri, 2, (LINE, col), (LINE, col + 4), "")
        second = await client.wait(uri, lambda p: p.version == 2)
        assert _doubled(second) == []
        # The clean text has nothing that must be flagged ("That is that" is no doubled word).
        client.replace_all(uri, CLEAN, 3)
        third = await client.wait(uri, lambda p: p.version == 3)
        assert not third.diagnostics
        # Save: linted again (same text, same answer); close: cleared.
        n = len(client.published)
        client.lsp.text_document_did_save(
            types.DidSaveTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=uri))
        )
        await client.wait(uri, after=n)
        client.replace_all(uri, STORY, 4)
        await client.wait(uri, lambda p: p.version == 4 and bool(_doubled(p)))
        n = len(client.published)
        client.lsp.text_document_did_close(
            types.DidCloseTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=uri))
        )
        await client.wait(uri, lambda p: not p.diagnostics and p.version is None, after=n)
        await asyncio.sleep(0.3)
        assert not client.latest(uri).diagnostics  # nothing published for it after the close


@pytest.mark.slow
async def test_html_and_plain_text_buffers_and_an_untitled_one(tmp_path):
    html = (
        "<html lang='en'><body><article><h1>Ferry timetable changes</h1>"
        "<p>The ferry will will leave at 7am from Monday, the operator said.</p></article></body></html>"
    )
    text = "Ferry timetable changes\n\nThe ferry will will leave at 7am from Monday, the operator said.\n"
    async with start(tmp_path) as (client, _):
        uris = [
            client.open(tmp_path / "ferry.html", html, "html"),
            client.open(tmp_path / "ferry.txt", text, "plaintext"),
        ]
        untitled = "untitled:Untitled-1"
        client.lsp.text_document_did_open(
            types.DidOpenTextDocumentParams(
                text_document=types.TextDocumentItem(uri=untitled, language_id="markdown", version=1, text=text)
            )
        )
        for uri in [*uris, untitled]:
            got = await client.wait(uri, lambda p: bool(_doubled(p)))
            assert len(_doubled(got)) == 1
        # A buffer edlint has nothing to say about (a Python file) gets no diagnostics at all.
        client.open(tmp_path / "build.py", "print('the the')\n", "python")
        await asyncio.sleep(0.3)
        assert client.latest(uri_of(tmp_path / "build.py")) is None


@pytest.mark.slow
async def test_pull_diagnostics(tmp_path):
    path = tmp_path / "harbour.md"
    async with start(tmp_path, pull=True) as (client, init):
        assert init.capabilities.diagnostic_provider is not None
        uri = client.open(path, STORY)
        report = await asyncio.wait_for(
            client.lsp.text_document_diagnostic_async(
                types.DocumentDiagnosticParams(text_document=types.TextDocumentIdentifier(uri=uri))
            ),
            30,
        )
        assert report.kind == "full"
        assert [d.code for d in report.items] == ["doubled-word"]
        again = await client.lsp.text_document_diagnostic_async(
            types.DocumentDiagnosticParams(
                text_document=types.TextDocumentIdentifier(uri=uri), previous_result_id=report.result_id
            )
        )
        assert again.kind == "unchanged"
        client.replace_all(uri, CLEAN, 2)
        fresh = await client.lsp.text_document_diagnostic_async(
            types.DocumentDiagnosticParams(
                text_document=types.TextDocumentIdentifier(uri=uri), previous_result_id=report.result_id
            )
        )
        assert fresh.kind == "full" and not fresh.items
        # A pulling client is not pushed to as well (it would show everything twice).
        assert client.latest(uri) is None


@pytest.mark.slow
async def test_tcp(tmp_path):
    import socket
    import subprocess

    from lsp_harness import EDLINT
    from pygls.lsp.client import LanguageClient

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    client = LanguageClient("tcp-test", "1")
    published: list[types.PublishDiagnosticsParams] = []

    @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def on_publish(params: types.PublishDiagnosticsParams) -> None:
        published.append(params)

    proc = subprocess.Popen([EDLINT, "lsp", "--tcp", str(port)], cwd=tmp_path)
    try:
        for _ in range(300):
            try:
                await client.start_tcp("127.0.0.1", port)
                break
            except OSError:
                await asyncio.sleep(0.1)
        await asyncio.wait_for(
            client.initialize_async(
                types.InitializeParams(capabilities=types.ClientCapabilities(), root_uri=uri_of(tmp_path))
            ),
            30,
        )
        client.initialized(types.InitializedParams())
        uri = uri_of(tmp_path / "harbour.md")
        client.text_document_did_open(
            types.DidOpenTextDocumentParams(
                types.TextDocumentItem(uri=uri, language_id="markdown", version=1, text=STORY)
            )
        )
        for _ in range(300):
            if any(p.uri == uri and _doubled(p) for p in published):
                break
            await asyncio.sleep(0.1)
        assert any(p.uri == uri and _doubled(p) for p in published)
        await client.shutdown_async(None)
        client.exit(None)
        assert proc.wait(30) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        await client.stop()


async def test_no_rule_link_unless_the_editor_names_where_the_docs_are(tmp_path):
    """A placeholder address would be a dead link in every diagnostic: none by default."""
    path = tmp_path / "harbour.md"
    path.write_text(STORY, encoding="utf-8")
    async with start(tmp_path) as (client, _init):
        uri = client.open(path, STORY)
        got = await client.wait(uri, lambda p: bool(_doubled(p)))
        (d,) = _doubled(got)
        assert d.code == "doubled-word" and d.code_description is None
