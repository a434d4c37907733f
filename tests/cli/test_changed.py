"""--changed-since REV and --changed-lines-only, in a temporary git repository."""

import os
import shutil
import subprocess

import pytest

from ci_helpers import BUDGET, FERRY, project, run
from edlint.changed import _unquote, parse_hunks

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def git(*args, cwd="."):
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Test",
        "GIT_AUTHOR_EMAIL": "test@example.invalid",
        "GIT_COMMITTER_NAME": "Test",
        "GIT_COMMITTER_EMAIL": "test@example.invalid",
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
    }
    return subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True, text=True).stdout


@pytest.fixture
def repo(tmp_path, monkeypatch):
    root = project(
        tmp_path,
        {
            "news/budget.md": BUDGET,
            "news/ferry.md": FERRY,
            "archive/old story.md": "The old pier was 3 miles long.  It closed in 1990.\n",
        },
    )
    monkeypatch.chdir(root)
    git("init", "-q", "-b", "main")
    git("add", "-A")
    git("commit", "-q", "-m", "archive")
    git("checkout", "-q", "-b", "feature")
    return root


def paths_in(output):
    return {ln.split(":")[0] for ln in output.splitlines() if ": warning " in ln or ": info " in ln or ": error " in ln}


def test_only_changed_files_are_linted(repo):
    with open("news/ferry.md", "a", encoding="utf-8") as fh:
        fh.write("\nThe crossing takes 20 minutes and costs 2 per cent more.\n")
    git("commit", "-qam", "ferry update")
    with open("news/new.md", "w", encoding="utf-8") as fh:  # untracked, not ignored
        fh.write("Rates rose 4 per cent.\n")
    result = run(["check", "--changed-since", "main", "."])
    assert paths_in(result.stdout) == {"./news/ferry.md", "./news/new.md"}
    assert "in 2 files" in result.stdout
    everything = run(["check", "."])
    assert paths_in(everything.stdout) == {
        "./news/ferry.md",
        "./news/budget.md",
        "./news/new.md",
        "./archive/old story.md",
    }


def test_unstaged_and_staged_changes_count(repo):
    with open("archive/old story.md", "a", encoding="utf-8") as fh:
        fh.write("\nIt was 4 per cent over budget.\n")
    result = run(["check", "--changed-since", "HEAD", "archive", "news"])
    assert paths_in(result.stdout) == {"archive/old story.md"}
    git("add", "-A")
    result = run(["check", "--changed-since", "HEAD", "archive", "news"])
    assert paths_in(result.stdout) == {"archive/old story.md"}


def test_changed_lines_only(repo):
    text = open("news/budget.md", encoding="utf-8").read()
    text = text.replace(
        "The new breakwater is 5 miles long, the harbour master said.",
        "The new breakwater is 5 miles long, the harbour master said.\n\nFees rise 2 per cent in May.",
    )
    with open("news/budget.md", "w", encoding="utf-8") as fh:
        fh.write(text)
    git("commit", "-qam", "budget")
    whole = run(["check", "--changed-since", "main", "news"])
    assert whole.stdout.count("news/budget.md:") == 9
    result = run(["check", "--changed-since", "main", "--changed-lines-only", "news"])
    findings = [ln for ln in result.stdout.splitlines() if ln.startswith("news/")]
    assert findings == [
        "news/budget.md:11:11: warning fixdemo-percent-sign [*] Use '2%'",
        "news/budget.md:11:13: warning fixdemo-per-cent [*] Use 'percent', not 'per cent'",
    ]


def test_changed_since_with_a_moving_main(repo):
    # main moves on after the branch was cut: its changes are not the branch's.
    with open("news/ferry.md", "a", encoding="utf-8") as fh:
        fh.write("\nFares rise 3 per cent.\n")
    git("commit", "-qam", "branch work")
    git("checkout", "-q", "main")
    with open("news/budget.md", "a", encoding="utf-8") as fh:
        fh.write("\nLate change on main: 9 per cent.\n")
    git("commit", "-qam", "main work")
    git("checkout", "-q", "feature")
    result = run(["check", "--changed-since", "main", "news"])
    assert paths_in(result.stdout) == {"news/ferry.md"}


def test_deleted_and_renamed_files(repo):
    git("rm", "-q", "news/ferry.md")
    git("mv", "archive/old story.md", "archive/pier.md")
    result = run(["check", "--changed-since", "main", "--changed-lines-only", "."])
    assert result.exit_code in (0, 1)
    # A pure rename has no changed lines.
    assert paths_in(result.stdout) == set()
    whole = run(["check", "--changed-since", "main", "."])
    assert paths_in(whole.stdout) == {"./archive/pier.md"}


def test_fix_with_changed_lines_only(repo):
    with open("news/ferry.md", "a", encoding="utf-8") as fh:
        fh.write("\nA return costs 6 per cent more.  Pensioners travel free.\n")
    result = run(["check", "--fix", "--changed-since", "main", "--changed-lines-only", "news"])
    text = open("news/ferry.md", encoding="utf-8").read()
    assert "A return costs 6% more. Pensioners travel free." in text
    assert "news/budget.md" not in result.stdout
    assert open("news/budget.md", encoding="utf-8").read() == BUDGET


def test_bad_revision_and_not_a_repo(repo, tmp_path, monkeypatch):
    result = run(["check", "--changed-since", "no-such-branch", "."])
    assert result.exit_code == 2
    assert "unknown git revision 'no-such-branch'" in result.stderr
    assert run(["check", "--changed-lines-only", "."]).exit_code == 2
    elsewhere = tmp_path / "plain"
    elsewhere.mkdir()
    (elsewhere / "a.md").write_text("Text.\n")
    monkeypatch.chdir(elsewhere)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    result = run(["check", "--changed-since", "main", "."])
    assert result.exit_code == 2
    assert "--changed-since" in result.stderr


def test_stdin_cannot_use_changed_since(repo):
    assert run(["check", "--changed-since", "main", "-"], input="Text.\n").exit_code == 2


# -- parsing git's output ------------------------------------------------------------------------
PATCH = """diff --git a/news/a.md b/news/a.md
index 1..2 100644
--- a/news/a.md
+++ b/news/a.md
@@ -3,0 +4,2 @@ title
+one
+two
@@ -10 +12 @@
-old
+new
@@ -20,3 +21,0 @@
-gone
diff --git a/my file.md b/my file.md
--- a/my file.md\t
+++ b/my file.md\t
@@ -1 +1 @@
-x
+y
diff --git "a/caf\\303\\251.md" "b/caf\\303\\251.md"
--- "a/caf\\303\\251.md"
+++ "b/caf\\303\\251.md"
@@ -0,0 +1 @@
+new
diff --git a/old name.md b/new name.md
similarity index 100%
rename from old name.md
rename to new name.md
diff --git a/gone.md b/gone.md
deleted file mode 100644
--- a/gone.md
+++ /dev/null
@@ -1 +0,0 @@
-bye
"""


def test_parse_hunks():
    hunks = parse_hunks(PATCH)
    assert hunks == {"news/a.md": {4, 5, 12}, "my file.md": {1}, "café.md": {1}, "new name.md": set()}


def test_unquote():
    assert _unquote('"b/caf\\303\\251.md"') == "b/café.md"
    assert _unquote('"b/say \\"hi\\".md"') == 'b/say "hi".md'
    assert _unquote("b/plain.md") == "b/plain.md"
