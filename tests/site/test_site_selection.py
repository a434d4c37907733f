"""File selection as ruff does it: .gitignore, .ignore and .git/info/exclude respected by
default, config globs with the same (gitignore) semantics, explicit files linted unless
--force-exclude, no symlinked folder followed out of the linted folder."""

import os

import pytest
from sitetools import checked, rules_of, run_check

STORY = """---
title: Harbour wall to be rebuilt after winter storms
author: Maria Lopez
date: 2024-03-04
description: The council will spend £2m rebuilding the harbour wall at Porthleven.
---

The harbour wall at Porthleven will be rebuilt this summer, the council said on Monday.
"""
NO_ALT = STORY + "\n![](wall.jpg)\n"


def write(root, rel, text=STORY):
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def repo(tmp_path, monkeypatch):
    root = tmp_path / "repo"
    (root / ".git" / "info").mkdir(parents=True)
    write(root, "news/wall.md")
    write(root, "news/draft-pier.md", NO_ALT)
    write(root, "news/old/archive.md", NO_ALT)
    write(root, "scratch/notes.md", NO_ALT)
    write(root, "exports/page.html", "<p>Exported <img src=x.png></p>")
    write(root, "news/keep.md")
    (root / ".gitignore").write_text("# build output\nexports/\nnews/draft-*.md\n", encoding="utf-8")
    (root / "news" / ".gitignore").write_text("old/\n", encoding="utf-8")
    (root / ".git" / "info" / "exclude").write_text("scratch/\n", encoding="utf-8")
    monkeypatch.chdir(root)
    return root


def test_gitignore_ignore_and_info_exclude_are_respected(repo):
    assert checked() == ["news/keep.md", "news/wall.md"]
    code, findings, _ = run_check()
    assert findings == [] and code == 0


def test_no_respect_gitignore_lints_them(repo):
    assert checked(respect_gitignore=False) == [
        "exports/page.html",
        "news/draft-pier.md",
        "news/keep.md",
        "news/old/archive.md",
        "news/wall.md",
        "scratch/notes.md",
    ]
    code, findings, _ = run_check("--no-respect-gitignore")
    assert code == 1 and ("news/draft-pier.md", "image-alt") in rules_of(findings)


def test_config_can_turn_gitignore_off(repo):
    (repo / ".edlint.yaml").write_text("respect_gitignore: false\n", encoding="utf-8")
    assert "scratch/notes.md" in checked()


def test_dot_ignore_beats_gitignore_and_negation_reincludes(repo):
    (repo / ".ignore").write_text("!news/draft-pier.md\nnews/keep.md\n", encoding="utf-8")
    assert checked() == ["news/draft-pier.md", "news/wall.md"]


def test_gitignore_above_the_linted_folder_applies_up_to_the_repository_root(repo):
    # Linting a subfolder still honours the root's .gitignore (as git does) ...
    assert checked("news") == ["news/keep.md", "news/wall.md"]
    # ... but nothing above the repository root is read.
    (repo.parent / ".gitignore").write_text("news/\n", encoding="utf-8")
    assert checked("news") == ["news/keep.md", "news/wall.md"]


def test_explicit_ignored_file_is_linted_unless_force_exclude(repo):
    assert checked("news/draft-pier.md") == ["news/draft-pier.md"]
    assert checked("news/draft-pier.md", "news/wall.md", force_exclude=True) == ["news/wall.md"]
    code, findings, _ = run_check("--force-exclude", "news/draft-pier.md", "scratch/notes.md")
    assert findings == [] and code == 0


def test_config_exclude_and_overrides_use_gitignore_semantics(repo):
    (repo / ".edlint.yaml").write_text(
        "exclude: ['/news/wall.md']\noverrides:\n  - files: ['news/*.md', '!news/keep.md']\n    ignore: [metadata]\n",
        encoding="utf-8",
    )
    write(repo, "sub/news/wall.md")  # '/news/wall.md' is anchored: this one stays
    assert checked() == ["news/keep.md", "sub/news/wall.md"]
    write(repo, "news/keep.md", "---\ntitle: Keep\n---\n\nA story with no author.\n")
    write(repo, "news/other.md", "---\ntitle: Other\n---\n\nA story with no author.\n")
    _, findings, _ = run_check()
    assert ("news/keep.md", "metadata-required") in rules_of(findings)  # re-included by '!'
    assert not any(p == "news/other.md" for p, _ in rules_of(findings))


def test_folder_glob_with_trailing_slash_matches_folders_only(tmp_path, monkeypatch):
    write(tmp_path, "archive/a.md")
    write(tmp_path, "notes/archive.md")
    (tmp_path / ".edlint.yaml").write_text("exclude: ['archive/']\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert checked() == ["notes/archive.md"]


def test_git_folder_is_never_walked(repo):
    write(repo, ".git/COMMIT_EDITMSG.md", NO_ALT)
    write(repo, "news/.git/x.md", NO_ALT)
    assert checked(".git", "news/.git") == []
    assert checked(respect_gitignore=False) == [
        "exports/page.html",
        "news/draft-pier.md",
        "news/keep.md",
        "news/old/archive.md",
        "news/wall.md",
        "scratch/notes.md",
    ]


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symlinks")
def test_symlinked_folder_out_of_the_root_is_skipped_and_said_once(tmp_path, monkeypatch):
    outside = tmp_path / "elsewhere"
    write(outside, "secret.md", NO_ALT)
    site = tmp_path / "site"
    write(site, "news/wall.md")
    os.symlink(outside, site / "news" / "linked")
    os.symlink(outside, site / "linked-too")
    os.symlink(site / "news", site / "news-again")  # inside: linted once, where it really is
    monkeypatch.chdir(site)
    assert checked() == ["news/wall.md"]
    code, findings, err = run_check()
    assert findings == [] and code == 0
    assert err.count("leads outside the linted folder") == 1  # two links to one place: said once
    assert "secret" not in err


def test_readme_and_changelog_at_a_plain_root_are_not_articles(tmp_path, monkeypatch):
    write(tmp_path, "README.md", "# Newsroom tools\n\nThis is is the README!!\n")
    write(tmp_path, "CHANGELOG.md", "# Changes\n\n- the the fix\n")
    write(tmp_path, "stories/README.md", "---\ntitle: Readme\nauthor: A B\n---\n\nA story called README.\n")
    write(tmp_path, "stories/wall.md")
    monkeypatch.chdir(tmp_path)
    assert checked() == ["stories/README.md", "stories/wall.md"]
    assert checked("README.md") == ["README.md"]  # named explicitly: linted


def test_one_named_file_imports_no_glob_library(tmp_path):
    """Start-up: pathspec (~30 ms to import) is loaded only when a glob or an ignore file
    must be matched, never for a pre-commit style check of one named file."""
    import subprocess
    import sys

    write(tmp_path, "content/news/wall.md")
    write(tmp_path, "hugo.toml", 'languageCode = "en-gb"\n')
    probe = (
        "import sys\nfrom edlint.cli import main\ntry:\n    main(['check', '--no-cache', 'content/news/wall.md'])\n"
        "except SystemExit as exc:\n    print('EXIT', exc.code, file=sys.stderr)\n"
        "print('PATHSPEC', 'pathspec' in sys.modules, file=sys.stderr)\n"
    )
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path))
    proc = subprocess.run([sys.executable, "-c", probe], cwd=tmp_path, env=env, capture_output=True, text=True)
    assert "EXIT 0" in proc.stderr and "PATHSPEC False" in proc.stderr, proc.stderr
    (tmp_path / ".gitignore").write_text("drafts/\n", encoding="utf-8")
    probe = probe.replace("'--no-cache'", "'--no-cache', '--force-exclude'")
    proc = subprocess.run([sys.executable, "-c", probe], cwd=tmp_path, env=env, capture_output=True, text=True)
    assert "EXIT 0" in proc.stderr and "PATHSPEC True" in proc.stderr, proc.stderr  # it did check
    assert "in 1 file" in proc.stdout


def test_eleventyignore_is_respected(tmp_path, monkeypatch):
    write(tmp_path, ".eleventy.js", "module.exports = () => ({ dir: { input: 'src' } });\n")
    write(tmp_path, "src/posts/wall.md")
    write(tmp_path, "src/posts/pier.md", NO_ALT)
    write(tmp_path, ".eleventyignore", "src/posts/pier.md\n")
    monkeypatch.chdir(tmp_path)
    assert checked() == ["src/posts/wall.md"]


def test_bad_globs_are_config_errors_and_bad_gitignore_lines_are_skipped(repo):
    (repo / ".gitignore").write_text("exports/\nbroken\\\\\n[z-a]\n!\nnews/draft-*.md\n", encoding="utf-8")
    assert checked() == ["news/keep.md", "news/wall.md"]  # the good lines still apply
    (repo / ".edlint.yaml").write_text("exclude: ['drafts/', 'old[z-a]/']\n", encoding="utf-8")
    code, _, err = run_check()
    assert code == 2 and "is not a valid glob" in err and ".edlint.yaml:1" in err
    assert "Traceback" not in err
