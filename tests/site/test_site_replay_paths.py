"""A run taken from the cache prints paths exactly as the user typed them, including
cross-file findings recorded by a run that spelt the paths another way."""

from click.testing import CliRunner

from edlint import cli

STORY = """---
title: Harbour wall to be rebuilt
author: Maria Lopez
date: 2024-03-04
description: The council will spend £2m rebuilding the harbour wall at Porthleven.
bio: {bio}
---

The harbour wall at Porthleven will be rebuilt this summer, the council said on Monday.
"""


def check(*args):
    return CliRunner().invoke(cli.main, ["check", "--no-color", *args], catch_exceptions=False).stdout


def test_cross_file_findings_use_this_runs_spelling_of_the_paths(tmp_path, monkeypatch):
    posts = tmp_path / "content" / "posts"
    posts.mkdir(parents=True)
    bios = (
        "Maria Lopez covers Cornwall's coast and harbours for the paper.",
        "Maria Lopez is the paper's courts reporter, based in Truro since 2019.",
    )
    (posts / "a.md").write_text(STORY.format(bio=bios[0]), encoding="utf-8")
    (posts / "b.md").write_text(STORY.format(bio=bios[1]), encoding="utf-8")
    (tmp_path / ".edlint.yaml").write_text("select: [bio-inconsistent]\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    dotted = check("./content/posts/a.md", "./content/posts/b.md")
    assert "./content/posts/" in dotted and "bio-inconsistent" in dotted
    for _ in range(2):  # the full run that reuses the cache, then the replayed one
        plain = check("content/posts/a.md", "content/posts/b.md")
        assert "bio-inconsistent" in plain and "./content" not in plain
        assert plain == dotted.replace("./content/", "content/")
