"""How fast `edlint lsp` answers an edit, and whether its memory stays flat (not a test).

    python benchmarks/lsp_bench.py [--edits 200] [--memory-edits 1000] [--gap-ms 60]

Starts `edlint lsp` (the console script beside this Python) on a temporary folder, opens a
generated 1,500-word article, warms up, then sends one incremental didChange at a time (a
word typed into a paragraph, the version bumped) and times didChange -> the
publishDiagnostics of that version. Edits are spaced by ``--gap-ms`` after each answer, as
typing is, so what is measured is the lint, not the debounce that coalesces faster bursts.
Then sends ``--memory-edits`` more and prints the server's resident memory (VmRSS) along the
way. Grammar is off (no LanguageTool configured).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import statistics
import sys
import tempfile
import time

from lsprotocol import types
from pygls.lsp.client import LanguageClient
from pygls.uris import from_fs_path

PARAGRAPHS = [
    "The harbour board met on Thursday evening to discuss the cost of repairing the north wall, "
    "which was damaged in the January storms, and agreed to ask the county council for a grant.",
    "“We cannot wait another winter,” said Morwenna Pascoe, who chairs the board. She said "
    "the engineers’ report put the bill at £1.4m, about twice the figure quoted last spring.",
    "Fishermen who moor inside the wall say the swell has already lifted two pontoons. Three "
    "boats were moved to Newlyn in February, and the ice plant has been closed since March 3.",
    "The council’s cabinet member for the economy, Derek Rowe, told the meeting the authority "
    "would look at the request in June, when it sets its capital programme for the year.",
    "Visitors were warned to keep off the wall during high tides. The footpath along the top "
    "will stay closed until the work is finished, which the board hopes will be by October.",
]


def article(words: int = 1500) -> str:
    head = (
        '---\ntitle: "Harbour board asks council to pay for wall repairs"\n'
        'description: "Storm damage to the north wall would cost £1.4m to mend"\n'
        "date: 2026-03-02\nauthor: Maya Okafor\n---\n\n"
    )
    body: list[str] = []
    count = 0
    i = 0
    while count < words:
        p = PARAGRAPHS[i % len(PARAGRAPHS)]
        body.append(p)
        count += len(p.split())
        i += 1
    return head + "\n\n".join(body) + "\n"


def rss_kib(pid: int) -> int:
    with open(f"/proc/{pid}/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return -1


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--edits", type=int, default=200)
    parser.add_argument("--warmup", type=int, default=20)
    parser.add_argument("--memory-edits", type=int, default=1000)
    parser.add_argument("--gap-ms", type=float, default=60.0)
    parser.add_argument("--server", default=None, help="server command (default: `edlint lsp` beside this Python)")
    args = parser.parse_args()

    edlint = shutil.which("edlint", path=os.path.dirname(sys.executable)) or shutil.which("edlint")
    if edlint is None:
        sys.exit("edlint is not installed in this environment")
    folder = tempfile.mkdtemp(prefix="edlint-lsp-bench-")
    path = os.path.join(folder, "harbour.md")
    text = article()
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(text)
    published: dict[int, float] = {}

    client = LanguageClient("lsp-bench", "1")

    @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def on_publish(params: types.PublishDiagnosticsParams) -> None:
        if params.version is not None:
            published.setdefault(params.version, time.perf_counter())

    command = args.server.split() if args.server else [edlint, "lsp"]
    await client.start_io(*command)
    uri = from_fs_path(path)
    await client.initialize_async(
        types.InitializeParams(
            capabilities=types.ClientCapabilities(),
            root_uri=from_fs_path(folder),
            workspace_folders=[types.WorkspaceFolder(uri=from_fs_path(folder), name="bench")],
        )
    )
    client.initialized(types.InitializedParams())
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(types.TextDocumentItem(uri=uri, language_id="markdown", version=1, text=text))
    )
    line = text.splitlines().index(PARAGRAPHS[2]) if PARAGRAPHS[2] in text.splitlines() else 8
    version = 1

    async def edit() -> float:
        nonlocal version
        version += 1
        sent = time.perf_counter()
        # Type a word at the start of a paragraph (its length changes every other edit).
        client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
                content_changes=[
                    types.TextDocumentContentChangePartial(
                        range=types.Range(types.Position(line, 0), types.Position(line, 0)),
                        text="Now " if version % 2 else "now ",
                    )
                ],
            )
        )
        while version not in published:
            await asyncio.sleep(0.0005)
        took = published[version] - sent
        await asyncio.sleep(args.gap_ms / 1000)
        return took

    while 1 not in published:
        await asyncio.sleep(0.01)
    for _ in range(args.warmup):
        await edit()
    times = [await edit() for _ in range(args.edits)]
    times.sort()
    p95 = times[min(len(times) - 1, round(0.95 * len(times)) - 1)]
    words = len(text.split())
    print(f"article: {words} words; {args.edits} edits after {args.warmup} warm-up edits, {args.gap_ms:.0f} ms apart")
    print(
        f"didChange -> publishDiagnostics: median {statistics.median(times) * 1000:.1f} ms, "
        f"p95 {p95 * 1000:.1f} ms, max {times[-1] * 1000:.1f} ms"
    )
    pid = client._server.pid if client._server else None
    if pid and os.path.exists(f"/proc/{pid}/status"):
        samples = [(0, rss_kib(pid))]
        for i in range(1, args.memory_edits + 1):
            await edit()
            if i % 250 == 0:
                samples.append((i, rss_kib(pid)))
        print("RSS (MiB) after N more edits: " + ", ".join(f"{n}: {kib / 1024:.1f}" for n, kib in samples))
    await client.shutdown_async(None)
    client.exit(None)
    await client.stop()


if __name__ == "__main__":
    asyncio.run(main())
