"""Code actions applied to the text, hover, config reload and config errors, workspace facts,
a malformed request, a client typing faster than the linter, and the slow grammar pass."""

from __future__ import annotations

import asyncio
import json
import subprocess
import time

import pytest
from lsp_harness import EDLINT, start, uri_of
from lsprotocol import types

pytestmark = [pytest.mark.asyncio(loop_scope="function"), pytest.mark.slow]

FRONT = """---
title: "Library opening hours cut"
description: "Two branch libraries will close on Sundays from April"
date: 2026-03-02
author: Maya Okafor
---

"""
# A hard-wrapped paragraph: the doubled word is on its second line.
STORY = (
    FRONT
    + """The council’s libraries committee voted on Tuesday to close the Hollins Street and
Marsh Lane branches on Sundays, saving the the service about £80,000 a year.

“It’s a sad day for readers,” said Ada Brennan, who chairs the Friends of Marsh Lane Library.
"We'll keep campaigning," she added.
"""
)


def apply_edits(text: str, edits: list[types.TextEdit]) -> str:
    """Apply LSP edits (UTF-16 positions) as an editor would: from the last to the first."""
    lines = text.splitlines(keepends=True) or [""]

    def offset(pos: types.Position) -> int:
        before = sum(len(line) for line in lines[: pos.line])
        line = lines[pos.line] if pos.line < len(lines) else ""
        units = 0
        for i, ch in enumerate(line):
            if units >= pos.character:
                return before + i
            units += 2 if ord(ch) > 0xFFFF else 1
        return before + len(line.rstrip("\r\n"))

    spans = sorted(((offset(e.range.start), offset(e.range.end), e.new_text) for e in edits), reverse=True)
    for first, last, new in spans:
        text = text[:first] + new + text[last:]
    return text


async def _actions(client, uri, rng, only=None):
    return await client.lsp.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            range=rng,
            context=types.CodeActionContext(diagnostics=[], only=only),
        )
    )


def _codes(params) -> list[str]:
    return sorted(str(d.code) for d in params.diagnostics)


async def test_code_actions_applied_to_the_text(tmp_path):
    path = tmp_path / "libraries.md"
    async with start(tmp_path) as (client, _):
        uri = client.open(path, STORY)
        got = await client.wait(uri, lambda p: "doubled-word" in _codes(p) and "quote-style" in _codes(p))
        doubled = next(d for d in got.diagnostics if d.code == "doubled-word")
        quote = next(d for d in got.diagnostics if d.code == "quote-style")

        # The safe fix is preferred; the unsafe one says so.
        quote_actions = await _actions(client, uri, quote.range, [types.CodeActionKind.QuickFix])
        fix = next(a for a in quote_actions if a.is_preferred)
        assert "unsafe" not in fix.title
        fixed = apply_edits(STORY, fix.edit.changes[uri])
        assert "“We’ll keep campaigning,”" in fixed and fixed.count('"') == STORY.count('"') - 2
        # The light bulb (no kind asked for): quick fixes first, then fix-all.
        everything = await _actions(client, uri, quote.range)
        kinds = [a.kind for a in everything]
        assert kinds[0] == "quickfix" and kinds[-1] == "source.fixAll.edlint"
        doubled_actions = await _actions(client, uri, doubled.range, [types.CodeActionKind.QuickFix])
        titles = [a.title for a in doubled_actions]
        assert any("(unsafe" in t for t in titles), titles
        assert not any(a.is_preferred for a in doubled_actions)

        # "Disable for this line" inside a wrapped paragraph: an inline comment at the end of
        # the line above, so the paragraph stays one paragraph; the finding goes, and the
        # comment is not an unused suppression.
        disable = next(a for a in doubled_actions if a.title == "Disable doubled-word for this line")
        quieter = apply_edits(STORY, disable.edit.changes[uri])
        assert "Hollins Street and <!-- edlint-disable-next-line doubled-word -->\nMarsh Lane" in quieter
        client.replace_all(uri, quieter, 2)
        after = await client.wait(uri, lambda p: p.version == 2)
        assert "doubled-word" not in _codes(after) and "unused-suppression" not in _codes(after)
        assert "quote-style" in _codes(after)

        # Fix all: every safe fix, in rounds as `--fix`; the unsafe doubled word stays.
        client.replace_all(uri, STORY, 3)
        await client.wait(uri, lambda p: p.version == 3)
        whole = types.Range(types.Position(0, 0), types.Position(0, 0))
        (fix_all,) = await _actions(client, uri, whole, ["source.fixAll.edlint"])
        assert fix_all.kind == "source.fixAll.edlint"
        all_fixed = apply_edits(STORY, fix_all.edit.changes[uri])
        assert (
            all_fixed
            == subprocess.run(
                [EDLINT, "check", "--fix", "--stdin-filename", str(path), "-"],
                input=STORY,
                capture_output=True,
                text=True,
                cwd=tmp_path,
            ).stdout
        )
        client.replace_all(uri, all_fixed, 4)
        final = await client.wait(uri, lambda p: p.version == 4)
        assert "quote-style" not in _codes(final) and "doubled-word" in _codes(final)


async def test_disable_for_a_line_in_plain_text_and_html(tmp_path):
    text = "Ferry timetable changes\n\nThe ferry will will leave at 7am from Monday, the operator said.\n"
    html = "<article>\n<p>The ferry will will leave at 7am from Monday, the operator said.</p>\n</article>\n"
    async with start(tmp_path) as (client, _):
        for name, body, lang, version in (("ferry.txt", text, "plaintext", 1), ("ferry.html", html, "html", 1)):
            uri = client.open(tmp_path / name, body, lang, version)
            got = await client.wait(uri, lambda p: "doubled-word" in _codes(p))
            d = next(d for d in got.diagnostics if d.code == "doubled-word")
            acts = await _actions(client, uri, d.range, [types.CodeActionKind.QuickFix])
            disable = next(a for a in acts if a.title == "Disable doubled-word for this line")
            quiet = apply_edits(body, disable.edit.changes[uri])
            assert ("[edlint-disable-next-line doubled-word]\n" if lang == "plaintext" else "<!--") in quiet
            client.replace_all(uri, quiet, 2)
            after = await client.wait(uri, lambda p: p.version == 2)
            assert "doubled-word" not in _codes(after) and "unused-suppression" not in _codes(after)


async def test_hover_shows_the_rule_docs_as_explain_prints_them(tmp_path):
    async with start(tmp_path) as (client, _):
        uri = client.open(tmp_path / "libraries.md", STORY)
        got = await client.wait(uri, lambda p: "doubled-word" in _codes(p))
        d = next(d for d in got.diagnostics if d.code == "doubled-word")
        hover = await client.lsp.text_document_hover_async(
            types.HoverParams(text_document=types.TextDocumentIdentifier(uri=uri), position=d.range.start)
        )
        explain = subprocess.run([EDLINT, "explain", "doubled-word"], capture_output=True, text=True).stdout
        assert hover.contents.kind == types.MarkupKind.Markdown
        assert "**doubled-word**" in hover.contents.value
        assert explain.strip() in hover.contents.value
        # Where nothing was found, no hover.
        nothing = await client.lsp.text_document_hover_async(
            types.HoverParams(text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(12, 2))
        )
        assert nothing is None


async def test_config_reload_and_a_config_error_shown_once(tmp_path):
    config = tmp_path / ".edlint.yaml"
    config.write_text("ignore: [doubled-word]\n", encoding="utf-8")
    async with start(tmp_path) as (client, _):
        uris = [client.open(tmp_path / f"story-{i}.md", STORY) for i in range(2)]
        for uri in uris:
            got = await client.wait(uri)
            assert "doubled-word" not in _codes(got) and "quote-style" in _codes(got)
        assert any(r.method == "workspace/didChangeWatchedFiles" for r in client.registrations)

        def changed() -> None:
            client.lsp.workspace_did_change_watched_files(
                types.DidChangeWatchedFilesParams(
                    changes=[types.FileEvent(uri=uri_of(config), type=types.FileChangeType.Changed)]
                )
            )

        n = len(client.published)
        config.write_text("ignore: [quote-style]\n", encoding="utf-8")
        changed()
        for uri in uris:
            got = await client.wait(uri, lambda p: "doubled-word" in _codes(p), after=n)
            assert "quote-style" not in _codes(got)

        n = len(client.published)
        config.write_text("ignore: [quote-style]\nseverty: {doubled-word: error}\n", encoding="utf-8")
        changed()
        bad = await client.wait(uri_of(config), after=n)
        (error,) = bad.diagnostics
        assert error.range.start.line == 1 and "severty" in error.message
        assert error.severity == types.DiagnosticSeverity.Error
        await asyncio.sleep(0.5)
        # Once on the config file, although two documents hit it; the documents are cleared.
        assert sum(1 for p in client.published[n:] if p.uri == uri_of(config)) == 1
        for uri in uris:
            assert not client.latest(uri).diagnostics

        n = len(client.published)
        config.write_text("ignore: [quote-style]\nseverity: {doubled-word: error}\n", encoding="utf-8")
        changed()
        cleared = await client.wait(uri_of(config), after=n)
        assert not cleared.diagnostics
        got = await client.wait(uris[0], lambda p: "doubled-word" in _codes(p), after=n)
        assert next(d for d in got.diagnostics if d.code == "doubled-word").severity == 1


BIO_ARTICLE = """---
title: {title}
date: 2026-03-02
authors:
  - maya-okafor
---

The county will cut weekend hours at three clinics, officials said on Monday.

_**Maya Okafor** {bio}_
"""
USUAL = "is a health reporter for the Ledger. Reach her at maya@ledger.example."
OTHER = "covers courts and crime for the Ledger."


async def test_cross_file_facts_from_the_workspace_and_open_buffers(tmp_path):
    for i in range(2):
        (tmp_path / f"clinics-{i}.md").write_text(BIO_ARTICLE.format(title=f"Clinics {i}", bio=USUAL), encoding="utf-8")
    async with start(tmp_path) as (client, _):
        uri = client.open(tmp_path / "draft.md", BIO_ARTICLE.format(title="Draft", bio=OTHER))
        # The background scan reads the two posts; then the draft's odd bio is reported.
        got = await client.wait(uri, lambda p: "bio-inconsistent" in _codes(p))
        d = next(d for d in got.diagnostics if d.code == "bio-inconsistent")
        assert d.range.start.line == 9 and "clinics-" in d.message
        # The usual bio: nothing to say.
        client.replace_all(uri, BIO_ARTICLE.format(title="Draft", bio=USUAL), 2)
        fixed = await client.wait(uri, lambda p: p.version == 2)
        assert "bio-inconsistent" not in _codes(fixed)
        # An open buffer counts for the others as it is typed: post 0 edited to the odd bio
        # while the draft has it too makes two against one on disk... the other way round.
        other = client.open(tmp_path / "clinics-0.md", BIO_ARTICLE.format(title="Clinics 0", bio=OTHER))
        flagged = await client.wait(other, lambda p: "bio-inconsistent" in _codes(p))
        assert "bio-inconsistent" in _codes(flagged)


def _frame(payload: bytes) -> bytes:
    return b"Content-Length: %d\r\n\r\n" % len(payload) + payload


def _read_message(stream) -> dict:
    length = 0
    while True:
        line = stream.readline()
        if not line:
            raise EOFError("the server closed its output")
        if line in (b"\r\n", b"\n"):
            break
        name, _, value = line.decode("ascii").partition(":")
        if name.lower() == "content-length":
            length = int(value)
    return json.loads(stream.read(length))


def _reply_to(proc, wanted_id) -> dict:
    while True:
        message = _read_message(proc.stdout)
        if message.get("id") == wanted_id and "method" not in message:
            return message


@pytest.mark.asyncio(loop_scope="function")
async def test_malformed_requests_get_error_replies_not_a_crash(tmp_path):
    # Raw bytes on the wire (a typed client cannot send them): bad params, an unknown
    # method, a body that is not JSON; the server answers and keeps serving.
    proc = subprocess.Popen([EDLINT, "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, cwd=tmp_path)
    try:
        send = lambda obj: (proc.stdin.write(_frame(json.dumps(obj).encode())), proc.stdin.flush())
        send(
            {
                "jsonrpc": "2.0",
                "id": 1,
                "method": "initialize",
                "params": {"capabilities": {}, "rootUri": uri_of(tmp_path)},
            }
        )
        assert "capabilities" in _reply_to(proc, 1)["result"]
        send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
        send({"jsonrpc": "2.0", "id": 2, "method": "textDocument/hover", "params": {"textDocument": 5}})
        assert "error" in _reply_to(proc, 2)
        send({"jsonrpc": "2.0", "id": 3, "method": "edlint/noSuchMethod", "params": {}})
        assert _reply_to(proc, 3)["error"]["code"] == -32601
        proc.stdin.write(_frame(b"{this is not json"))
        proc.stdin.flush()
        ghost = uri_of(tmp_path / "ghost.md")
        send(
            {
                "jsonrpc": "2.0",
                "id": 4,
                "method": "textDocument/hover",
                "params": {"textDocument": {"uri": ghost}, "position": {"line": 0, "character": 0}},
            }
        )
        assert _reply_to(proc, 4)["result"] is None
        send({"jsonrpc": "2.0", "id": 5, "method": "shutdown"})
        _reply_to(proc, 5)
        send({"jsonrpc": "2.0", "method": "exit"})
        assert proc.wait(30) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


async def test_changes_faster_than_linting_latest_text_wins(tmp_path):
    paragraph = (
        "The harbour board met on Thursday to discuss the cost of repairing the north wall, which "
        "was damaged in the January storms, and agreed to ask the council for a grant. "
    )
    body = FRONT + "\n\n".join(paragraph * 3 for _ in range(30)) + "\n"
    async with start(tmp_path) as (client, _):
        uri = client.open(tmp_path / "harbour.md", body)
        await client.wait(uri, lambda p: p.version == 1)
        n = len(client.published)
        last = 60
        for version in range(2, last + 1):
            # Each version moves a doubled word one paragraph further down.
            paras = body.split("\n\n")
            k = 1 + version % 25
            paras[k] = paras[k].replace("the cost", "the the cost", 1)
            client.replace_all(uri, "\n\n".join(paras), version)
        final = await client.wait(uri, lambda p: p.version == last, after=n)
        (d,) = [d for d in final.diagnostics if d.code == "doubled-word"]
        expected_para = 1 + last % 25
        text = "\n\n".join(body.split("\n\n")[:expected_para])
        assert d.range.start.line == text.count("\n") + 2
        versions = [p.version for p in client.published[n:] if p.uri == uri]
        assert versions == sorted(versions), versions  # a stale run never overwrites a newer one
        assert len(versions) < last - 1  # coalesced, not one lint per keystroke
        await asyncio.sleep(0.5)
        assert client.latest(uri).version == last


async def test_grammar_never_blocks_the_first_publish(tmp_path):
    from lt_standin import StandIn

    with StandIn() as lt:
        lt.mode = "slow"
        lt.delay = 2.0
        (tmp_path / ".edlint.yaml").write_text(
            f"languagetool: {{url: '{lt.url}', retries: 0, timeout_s: 20, cache: false}}\n", encoding="utf-8"
        )
        text = FRONT + "The council will close the libary on Sundays from April, the the committee said.\n"
        async with start(tmp_path) as (client, _):
            began = time.monotonic()
            uri = client.open(tmp_path / "library.md", text)
            first = await client.wait(uri)
            assert time.monotonic() - began < lt.delay
            # The misspelling ("libary") is the spelling rule's: the grammar family's second pass.
            assert "spelling" not in _codes(first) and "doubled-word" in _codes(first)
            second = await client.wait(uri, lambda p: "spelling" in _codes(p))
            assert second.version == first.version == 1
            assert "doubled-word" in _codes(second)


async def test_a_pulling_client_is_asked_to_pull_again_when_grammar_answers(tmp_path):
    from lt_standin import StandIn

    with StandIn() as lt:
        lt.mode = "slow"
        lt.delay = 1.5
        (tmp_path / ".edlint.yaml").write_text(
            f"languagetool: {{url: '{lt.url}', retries: 0, timeout_s: 20, cache: false}}\n", encoding="utf-8"
        )
        text = FRONT + "The council will close the libary on Sundays from April, the committee said.\n"
        async with start(tmp_path, pull=True) as (client, _):
            uri = client.open(tmp_path / "library.md", text)
            pull = lambda previous=None: client.lsp.text_document_diagnostic_async(
                types.DocumentDiagnosticParams(
                    text_document=types.TextDocumentIdentifier(uri=uri), previous_result_id=previous
                )
            )
            first = await asyncio.wait_for(pull(), 30)
            assert "spelling" not in [d.code for d in first.items]
            for _ in range(300):
                if client.lsp.diagnostic_refresh_count:
                    break
                await asyncio.sleep(0.1)
            assert client.lsp.diagnostic_refresh_count >= 1
            second = await asyncio.wait_for(pull(first.result_id), 30)
            assert second.kind == "full" and "spelling" in [d.code for d in second.items]
