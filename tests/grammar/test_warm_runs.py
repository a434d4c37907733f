"""A warm run never builds Harper's linter: unchanged files come from the content cache (the
grammar service's part of the cache key is stable from run to run), and a changed file whose
paragraphs did not change is answered from the paragraph answers."""

import pytest

from edlint.cache import Cache
from edlint.engine import Linter
from edlint.grammar import harper_backend

pytestmark = pytest.mark.slow

STORY = """---
title: Council delays vote on agrihood plan
date: 2024-03-02
lang: en-US
---

The council recieved more than 300 letters about the plan, which campaigners said could of been avoided.

Their going to vote again in April, the clerk said.
"""


def run(site, cache_dir):
    return Linter(config=str(site / ".edlint.yaml")).run([str(site / "story.md")], cache=Cache(str(cache_dir)))


def grammar_findings(result):
    return [(f.line, f.column, f.rule, f.message) for f in result.findings if f.rule in ("grammar", "spelling")]


def test_warm_runs_never_build_the_linter(tmp_path, monkeypatch, harper_linter):
    monkeypatch.delenv("EDLINT_NO_CACHE", raising=False)
    site = tmp_path / "site"
    site.mkdir()
    (site / ".edlint.yaml").write_text(
        "extend_select: [grammar]\ngrammar: {backend: harper, harper_only: [], words: [x]}\n", encoding="utf-8"
    )
    (site / "story.md").write_text(STORY, encoding="utf-8")
    cache_dir = site / ".edlint_cache"
    first = grammar_findings(run(site, cache_dir))
    assert [f[2] for f in first] == ["spelling", "grammar", "grammar"]
    assert (cache_dir / "harper.jsonl").exists()

    def refuse(*args, **kwargs):
        raise AssertionError("a warm run built Harper's linter")

    monkeypatch.setattr(harper_backend, "shared_linter", refuse)
    # Unchanged file: the content cache answers (the paragraph answers are out of the way,
    # so linting the file again would have to build the linter).
    answers = cache_dir / "harper.jsonl"
    kept = answers.read_bytes()
    answers.unlink()
    warm = run(site, cache_dir)
    assert not warm.internal_error, warm.findings
    assert grammar_findings(warm) == first
    answers.write_bytes(kept)
    # Only the front matter changed: the file is linted, its paragraphs are answered.
    (site / "story.md").write_text(STORY.replace("2024-03-02", "2024-03-03"), encoding="utf-8")
    relinted = run(site, cache_dir)
    assert not relinted.internal_error, relinted.findings
    assert grammar_findings(relinted) == first


def test_worker_processes_find_what_one_process_finds(tmp_path, harper_linter):
    site = tmp_path / "site"
    site.mkdir()
    (site / ".edlint.yaml").write_text(
        "extend_select: [grammar]\ngrammar: {backend: harper, cache: false, harper_only: [], words: [x]}\n",
        encoding="utf-8",
    )
    for i in range(16):  # two workers get work from 16 files on
        (site / f"story-{i:02d}.md").write_text(STORY.replace("300", str(300 + i)), encoding="utf-8")
    one = Linter(config=str(site / ".edlint.yaml")).run([str(site)], jobs=1)
    two = Linter(config=str(site / ".edlint.yaml")).run([str(site)], jobs=2)
    assert not two.internal_error
    found = [(f.path, f.line, f.column, f.rule) for f in two.findings if f.rule in ("grammar", "spelling")]
    assert found == [(f.path, f.line, f.column, f.rule) for f in one.findings if f.rule in ("grammar", "spelling")]
    assert len(found) == 16 * 3
