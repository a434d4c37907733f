"""The real pre-commit tool runs the hook from this repository (slow: builds a hook env)."""

import os
import shutil
import subprocess
import sys

import pytest

from ci_helpers import skip_when_pre_commit_could_not_install
from paths import REPO

ROOT = REPO

pytestmark = pytest.mark.slow


def _git(cwd, *args):
    subprocess.run(
        ["git", *args],
        cwd=cwd,
        check=True,
        capture_output=True,
        env={
            **os.environ,
            "GIT_AUTHOR_NAME": "t",
            "GIT_AUTHOR_EMAIL": "t@example.com",
            "GIT_COMMITTER_NAME": "t",
            "GIT_COMMITTER_EMAIL": "t@example.com",
        },
    )


def _in_git_work_tree(path):
    """A clone (`.git` folder) or a `git worktree` (`.git` file) both count: try-repo needs
    git to read the repository, not a particular layout."""
    if shutil.which("git") is None:
        return False
    done = subprocess.run(["git", "rev-parse", "--show-toplevel"], cwd=path, capture_output=True, text=True)
    return done.returncode == 0 and os.path.realpath(done.stdout.strip()) == os.path.realpath(path)


def test_pre_commit_try_repo_fails_the_bad_article(tmp_path):
    pre_commit = shutil.which("pre-commit") or os.path.join(os.path.dirname(sys.executable), "pre-commit")
    if not os.path.exists(pre_commit):
        pytest.skip("pre-commit is not installed (pip install -e '.[dev]')")
    if not _in_git_work_tree(ROOT):
        pytest.skip(f"{ROOT} is not a git work tree (an unpacked sdist?): try-repo needs one")
    work = tmp_path / "newsroom"
    work.mkdir()
    (work / "bad.md").write_text("Storm coverage.\n\n![](storm.jpg)\n", encoding="utf-8")
    (work / "good.md").write_text(
        "---\ntitle: Harbour reopens\n---\n\nThe harbour reopened to fishing boats this morning.\n",
        encoding="utf-8",
    )
    (work / ".edlint.yaml").write_text("select: [image-alt]\n", encoding="utf-8")
    _git(work, "init", "-q")
    _git(work, "add", ".")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache")}
    bad = subprocess.run(
        [pre_commit, "try-repo", ROOT, "edlint", "--files", "bad.md", "good.md"],
        cwd=work,
        capture_output=True,
        text=True,
        env=env,
        timeout=900,
    )
    out = bad.stdout + bad.stderr
    skip_when_pre_commit_could_not_install(bad.returncode, out, tmp_path)
    assert bad.returncode == 1, out
    assert "image-alt" in out and "bad.md:3:1" in out
    good = subprocess.run(
        [pre_commit, "try-repo", ROOT, "edlint", "--files", "good.md"],
        cwd=work,
        capture_output=True,
        text=True,
        env=env,
        timeout=900,
    )
    assert good.returncode == 0, good.stdout + good.stderr
