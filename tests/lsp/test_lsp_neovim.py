"""A real editor: headless Neovim attaches `edlint lsp` to a Markdown buffer, and the
diagnostics it stores (vim.diagnostic.get()) are read back."""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest
from lsp_harness import EDLINT

HERE = os.path.dirname(os.path.abspath(__file__))

STORY = """---
title: "Harbour wall repairs to start in May"
description: "Storm damage at Porthleven to be mended before the summer season"
date: 2026-03-02
author: Maya Okafor
---

Repairs to the harbour wall at Porthleven will start in May 🌊 after the council’s engineers said the the cracked section was safe to work on.

The work will cost £1.2m and is expected to take 14 weeks. That is that: the footpath stays open at weekends.
"""


@pytest.mark.slow
def test_neovim_shows_the_findings_and_clears_them_when_fixed(tmp_path):
    nvim = shutil.which("nvim")
    if nvim is None:
        pytest.skip("neovim is not installed (apt-get install neovim): the real-editor test cannot run")
    if EDLINT is None:
        pytest.skip("the edlint console script is not on PATH")
    article = tmp_path / "harbour.md"
    article.write_text(STORY, encoding="utf-8")
    out = tmp_path / "diagnostics.tsv"
    env = dict(
        os.environ,
        EDLINT_NVIM_OUT=str(out),
        EDLINT_NVIM_FILE=str(article),
        EDLINT_NVIM_ROOT=str(tmp_path),
        EDLINT_BIN=EDLINT,
        XDG_STATE_HOME=str(tmp_path / "state"),  # Neovim's LSP log, not the user's
        XDG_CACHE_HOME=str(tmp_path / "cache"),
    )
    subprocess.run(
        [
            nvim,
            "--headless",
            "-u",
            "NONE",
            "-i",
            "NONE",
            "-n",
            "-c",
            f"luafile {os.path.join(HERE, 'nvim_attach.lua')}",
        ],
        env=env,
        cwd=tmp_path,
        timeout=120,
        check=False,
        stdin=subprocess.DEVNULL,
        capture_output=True,
    )
    rows = [line.split("\t") for line in out.read_text(encoding="utf-8").splitlines()]
    assert not [r for r in rows if r[0] in ("error", "timeout")], rows
    opened = [r for r in rows if r[0] == "open" and len(r) > 2]
    line = STORY.splitlines()[7]
    # Neovim stores byte columns: it converted the server's UTF-16 position correctly only
    # if the emoji and the curly apostrophe before the finding were counted right.
    assert [(int(r[1]), int(r[2]), r[3]) for r in opened] == [
        (7, len(line[: line.index("the the")].encode("utf-8")), "doubled-word")
    ]
    # "That is that" is not a doubled word; after the edit nothing is left.
    assert [r for r in rows if r[0] == "change" and len(r) > 2] == []
