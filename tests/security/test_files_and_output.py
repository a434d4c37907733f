"""Issue 19, part A: running edlint on a tree someone else controls (a pull request).

What SECURITY.md promises about files and output, one test per class of attack: no write
through a symlink (cache, fixes), no read outside the linted root or from .git, file names
that are never options, bounded reads of regular files only, output that cannot forge a
line or a GitHub annotation, exit codes CI can trust, and fixes that respect permissions.
Every test runs in a fresh temporary newsroom; nothing here uses a plugin.
"""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import time

import pytest
from click.testing import CliRunner

from edlint.cli import main

CONFIG = "select: [image-alt, doubled-word, wordy-phrase]\nseverity: {wordy-phrase: warning}\n"

STORY = """\
---
title: Harbour reopens after the storm
---

The harbour reopened to fishing boats on Tuesday after a week of repairs.
"""

WORDY = """\
---
title: Council meets on harbour fees
---

The council met in order to discuss the harbour fees.
"""

# A finding in it (the doubled "the"), so a report that read it would show it.
SECRET = "The the ci_token=ghp_SECRETSECRETSECRET\n[remote] url = https://example.invalid/x.git\n"


@pytest.fixture(autouse=True)
def newsroom(tmp_path, monkeypatch):
    """A project folder (the working folder of every test) and a sibling folder outside it."""
    root = tmp_path / "newsroom"
    outside = tmp_path / "outside"
    root.mkdir()
    outside.mkdir()
    (root / ".edlint.yaml").write_text(CONFIG, encoding="utf-8")
    monkeypatch.chdir(root)
    return root


def cli(*args, input=None):
    """Run `edlint` in this process: (exit code, stdout, stderr). A traceback fails the test."""
    result = CliRunner().invoke(main, list(args), input=input, catch_exceptions=True)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    assert "Traceback" not in result.stderr, result.stderr
    return result.exit_code, result.stdout, result.stderr


def check_json(*args):
    code, out, err = cli("check", "--format", "json", "--jobs", "1", *args)
    return code, json.loads(out)["findings"], err


def write(path, text):
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as fh:
        fh.write(text)
    return str(path)


def run_subprocess(args, cwd, timeout=60):
    """`python -m edlint.cli ARGS` in a child: a hang fails the test instead of the suite."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    return subprocess.run(
        [sys.executable, "-m", "edlint.cli", *args], cwd=cwd, capture_output=True, text=True, timeout=timeout, env=env
    )


# -- defect 2: writes through symlinks ---------------------------------------------------------
def test_cache_store_that_is_a_symlink_is_not_written_through(newsroom, tmp_path):
    victim = tmp_path / "outside" / "bashrc"
    victim.write_text("export PATH=/usr/bin\n", encoding="utf-8")
    write("story.md", STORY)
    os.makedirs(".edlint_cache")
    os.symlink(victim, ".edlint_cache/cache-v2.json")
    code, _out, err = cli("check", "story.md")
    assert code == 0
    assert victim.read_text(encoding="utf-8") == "export PATH=/usr/bin\n"
    assert os.path.islink(".edlint_cache/cache-v2.json")
    assert "is a symbolic link; not written" in err


def test_cache_tag_files_are_not_created_through_dangling_symlinks(newsroom, tmp_path):
    # A dangling link does not "exist": the old check-then-open created the file it names.
    target = tmp_path / "outside" / "planted"
    write("story.md", STORY)
    os.makedirs(".edlint_cache")
    os.symlink(target, ".edlint_cache/CACHEDIR.TAG")
    os.symlink(str(target) + "2", ".edlint_cache/.gitignore")
    code, _, _ = cli("check", "story.md")
    assert code == 0
    assert not os.path.lexists(target) and not os.path.lexists(str(target) + "2")


def test_cache_folder_that_links_out_of_the_project_is_refused(newsroom, tmp_path):
    elsewhere = tmp_path / "outside" / "cachedir"
    elsewhere.mkdir()
    write("story.md", WORDY)
    os.symlink(elsewhere, ".edlint_cache")
    code, out, err = cli("check", "story.md")
    assert code == 1 and "wordy-phrase" in out  # the run goes on, without a cache
    assert os.listdir(elsewhere) == []
    assert err.count("is a symbolic link out of the project; running without a cache") == 1


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_cache_store_that_is_a_fifo_does_not_hang_the_run(newsroom):
    write("story.md", STORY)
    os.makedirs(".edlint_cache")
    os.mkfifo(".edlint_cache/cache-v2.json")
    done = run_subprocess(["check", "story.md"], newsroom, timeout=30)
    assert done.returncode == 0


def test_a_cache_dir_chosen_outside_the_project_may_be_a_symlink(newsroom, tmp_path):
    volume = tmp_path / "outside" / "volume"
    volume.mkdir()
    os.symlink(volume, tmp_path / "outside" / "ci-cache")
    write("story.md", STORY)
    code, _, err = cli("check", "--cache-dir", str(tmp_path / "outside" / "ci-cache"), "story.md")
    assert code == 0 and "running without a cache" not in err
    assert os.path.exists(volume / "cache-v2.json")


def test_cache_folder_is_tagged_and_ignored_by_git(newsroom):
    write("story.md", STORY)
    assert cli("check", "story.md")[0] == 0
    assert open(".edlint_cache/.gitignore", encoding="utf-8").read().splitlines()[-1] == "*"
    assert (
        open(".edlint_cache/CACHEDIR.TAG", encoding="utf-8")
        .read()
        .startswith("Signature: 8a477f597d28d172789f06886806bc55")
    )


def test_write_atomic_refuses_a_symlinked_target(tmp_path):
    from edlint.fileio import SymlinkRefused, write_atomic

    real = tmp_path / "outside" / "real.txt"
    real.write_text("keep\n", encoding="utf-8")
    link = tmp_path / "newsroom" / "link.txt"
    os.symlink(real, link)
    with pytest.raises(SymlinkRefused):
        write_atomic(str(link), b"replaced\n")
    assert real.read_text(encoding="utf-8") == "keep\n" and os.path.islink(link)
    assert [n for n in os.listdir(link.parent) if n.endswith(".edlint-tmp")] == []


def test_append_and_own_file_reads_refuse_symlinks(tmp_path):
    # The primitives the LanguageTool answer cache uses (an append-only file of lines).
    from edlint.fileio import append_no_follow, read_own_file

    real = tmp_path / "outside" / "profile"
    real.write_text("keep\n", encoding="utf-8")
    link = tmp_path / "newsroom" / "lt-cache.jsonl"
    os.symlink(real, link)
    with pytest.raises(OSError):
        append_no_follow(str(link), b"{}\n")
    assert real.read_text(encoding="utf-8") == "keep\n"
    assert read_own_file(str(link)) is None
    own = tmp_path / "newsroom" / "own.jsonl"
    append_no_follow(str(own), b"one\n")
    append_no_follow(str(own), b"two\n")
    assert read_own_file(str(own)) == b"one\ntwo\n" and read_own_file(str(own), max_size=4) is None


# -- defect 3: nothing read outside the linted root, never .git ---------------------------------
def test_symlink_to_a_file_outside_the_root_is_skipped_not_read(newsroom, tmp_path):
    outside = write(tmp_path / "outside" / "secret.md", "The the token is here.\n" + SECRET)
    write("news/story.md", STORY)
    os.symlink(outside, "news/leak.md")
    code, findings, err = check_json("--no-cache", "news")
    assert [f for f in findings if "leak" in f["path"]] == []
    assert code == 0  # skipped is not a finding (as git does not follow it either)
    assert err.count("leak.md: skipped: a symbolic link to a file outside the linted folder") == 1


def test_symlink_out_of_the_root_named_explicitly_is_skipped(newsroom, tmp_path):
    outside = write(tmp_path / "outside" / "secret.md", "The the token.\n")
    os.symlink(outside, "leak.md")
    code, findings, err = check_json("--no-cache", "leak.md")
    assert findings == [] and code == 0 and "leak.md: skipped" in err


def test_files_inside_a_git_folder_are_never_read(newsroom):
    write(".git/notes.md", "The the hook.\n")
    os.symlink(".git/config", "config.md")
    write(".git/config", SECRET)
    code, findings, err = check_json("--no-cache", ".git/notes.md", "config.md")
    assert findings == [] and code == 0
    assert "notes.md: skipped: inside a .git folder" in err
    assert "config.md: skipped: a symbolic link into a .git folder" in err


def test_a_git_folder_named_as_an_argument_outside_the_working_folder_is_not_read(tmp_path):
    hooks = write(tmp_path / "outside" / "repo" / ".git" / "notes.md", "The the hook.\n")
    code, findings, err = check_json("--no-cache", hooks)
    assert findings == [] and code == 0 and "skipped: inside a .git folder" in err


def test_html_report_embeds_no_file_from_outside_the_tree_or_git(newsroom, tmp_path):
    outside = write(tmp_path / "outside" / "passwd.md", "root:x:0:0:root:/root:/bin/bash\n" + SECRET)
    write(".git/config", SECRET)
    write("story.md", "The the harbour reopened.\n")
    os.symlink(outside, "passwd.md")
    os.symlink(".git/config", "gitconfig.md")
    _code, page, _err = cli("check", "--no-cache", "--format", "html", ".", "passwd.md", "gitconfig.md")
    assert "ghp_SECRET" not in page and "root:x:0:0" not in page
    assert "harbour reopened" in page  # the real article is still shown


def test_an_argument_outside_the_working_folder_is_its_own_root(newsroom, tmp_path):
    site = tmp_path / "outside" / "site"
    write(site / "posts" / "a.md", "The the harbour.\n")
    os.symlink(site / "posts" / "a.md", site / "alias.md")  # inside the argument: followed
    code, findings, err = check_json("--no-cache", "--select", "doubled-word", str(site))
    assert len(findings) == 1  # one real file, reached twice
    assert "skipped" not in err and code == 1


def test_fix_does_not_follow_a_symlink_out_of_the_tree(newsroom, tmp_path):
    victim = write(tmp_path / "outside" / "other.md", WORDY)
    os.symlink(victim, "story.md")
    _code, _out, _err = cli("check", "--no-cache", "--fix", "--unsafe-fixes", "story.md")
    assert open(victim, encoding="utf-8").read() == WORDY
    assert os.path.islink("story.md")


# -- defect 4: file names as options -------------------------------------------------------------
def test_pre_commit_hook_ends_the_options_before_file_names():
    import yaml

    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    with open(os.path.join(root, ".pre-commit-hooks.yaml"), encoding="utf-8") as fh:
        (hook,) = yaml.safe_load(fh)
    # pre-commit runs entry + args + file names: the last word before the files is "--".
    command = hook["entry"].split() + list(hook.get("args", []))
    assert command[-1] == "--"


def test_a_committed_file_named_like_an_option_is_not_taken_as_one(newsroom):
    write("story.md", STORY)
    write("--output=story.md", "A file with a strange name.\n")
    # As `edlint check *` or a hook without "--" would pass it.
    code, _out, err = cli("check", "--no-cache", "--output=story.md", "story.md")
    assert code == 2 and "both an option and a file name" in err
    assert open("story.md", encoding="utf-8").read() == STORY
    # After "--" it is a file name like any other.
    code, _out, err = cli("check", "--no-cache", "--", "--output=story.md", "story.md")
    assert code == 0 and open("story.md", encoding="utf-8").read() == STORY


def test_output_refuses_to_overwrite_a_linted_file(newsroom):
    write("news/story.md", WORDY)
    code, _out, err = cli("check", "--no-cache", "--output", "news/story.md", "news")
    assert code == 2 and "is one of the files being checked; not overwritten" in err
    assert open("news/story.md", encoding="utf-8").read() == WORDY
    code, _, _ = cli("check", "--no-cache", "--output", "report.txt", "news")
    assert code == 1 and "wordy-phrase" in open("report.txt", encoding="utf-8").read()


def test_output_is_not_written_through_a_committed_symlink(newsroom, tmp_path):
    # README tells CI to write `-o edlint-report.html`: a pull request can commit that name.
    victim = write(tmp_path / "outside" / "bashrc", "export PATH=/usr/bin\n")
    elsewhere = tmp_path / "outside" / "hooks"
    elsewhere.mkdir()
    write("story.md", WORDY)
    os.symlink(victim, "edlint-report.html")
    os.symlink(elsewhere, "reports")
    code, _, err = cli("check", "--no-cache", "--format", "html", "-o", "edlint-report.html", "story.md")
    assert code == 2 and "symbolic link" in err
    code, _, err = cli("check", "--no-cache", "-o", "reports/report.txt", "story.md")
    assert code == 2 and "symbolic link out of the working folder" in err
    assert open(victim, encoding="utf-8").read() == "export PATH=/usr/bin\n" and os.listdir(elsewhere) == []
    # A place outside the project is the user's choice (/dev/null, /tmp/...).
    assert cli("check", "--no-cache", "-o", os.devnull, "story.md")[0] == 1
    assert cli("check", "--no-cache", "-o", "report.txt", "story.md")[0] == 1
    assert "wordy-phrase" in open("report.txt", encoding="utf-8").read()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_output_named_like_a_committed_fifo_does_not_hang(newsroom):
    write("story.md", STORY)
    os.mkfifo("report.txt")
    done = run_subprocess(["check", "--no-cache", "-o", "report.txt", "story.md"], newsroom, timeout=30)
    assert done.returncode == 2 and "cannot write report.txt" in done.stderr


def test_baseline_is_not_written_into_a_folder_that_links_out(newsroom, tmp_path):
    elsewhere = tmp_path / "outside" / "b"
    elsewhere.mkdir()
    write("story.md", WORDY)
    os.symlink(elsewhere, "baselines")
    code, _, _ = cli("baseline", "write", "baselines/edlint.json", "story.md")
    assert code == 2 and os.listdir(elsewhere) == []


# -- defect 5: bounded reads, regular files only ------------------------------------------------
@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_among_the_articles_is_a_file_error_not_a_hang(newsroom):
    write("news/story.md", STORY)
    os.mkfifo("news/pipe.md")
    os.symlink("pipe.md", "news/to-pipe.md")
    done = run_subprocess(["check", "--format", "json", "--no-cache", "--jobs", "1", "news"], newsroom)
    findings = json.loads(done.stdout)["findings"]
    errors = sorted((os.path.basename(f["path"]), f["message"]) for f in findings)
    # The link to it is the same file (found once).
    assert errors == [("pipe.md", "Not a regular file: a named pipe (FIFO); not read")]
    assert done.returncode == 1


def test_dev_zero_through_a_symlink_does_not_exhaust_memory(newsroom):
    write("news/story.md", STORY)
    os.symlink("/dev/zero", "news/zero.md")
    done = run_subprocess(["check", "--format", "json", "--no-cache", "--jobs", "1", "news"], newsroom)
    assert done.returncode == 0 and "zero.md: skipped" in done.stderr


def test_a_device_inside_the_root_is_never_read():
    from edlint.reading import Root, read_file

    got = read_file("/dev/zero", roots=[Root.of("/dev")])
    assert got.data is None and got.problem == "Not a regular file: a device; not read"


def test_fix_diff_and_cache_key_respect_max_file_size(newsroom):
    with open(".edlint.yaml", "a", encoding="utf-8") as fh:
        fh.write("max_file_size: 2000\n")
    big = write("big.md", WORDY + "\nThe harbour stayed open all week.\n" * 80)
    assert os.path.getsize(big) > 2000
    code, out, _err = cli("check", "--no-cache", "--diff", "--unsafe-fixes", "big.md")
    assert out == "" and code == 1  # no diff of a file too big to check; it failed the run
    code, findings, _ = check_json("--no-cache", "--fix", "--unsafe-fixes", "big.md")
    assert [f["rule"] for f in findings] == ["file-error"] and "max_file_size" in findings[0]["message"]
    assert "in order to" in open(big, encoding="utf-8").read()

    from edlint.engine import Linter

    linter = Linter()
    assert linter._cache_key(big) is None  # the key is not computed from an unbounded read


def test_stdin_has_the_same_limit(newsroom):
    with open(".edlint.yaml", "a", encoding="utf-8") as fh:
        fh.write("max_file_size: 1000\n")
    code, _out, err = cli("check", "--stdin-filename", "story.md", "-", input="The harbour.\n" * 200)
    assert code == 2 and "over the" in err and "max_file_size" in err
    code, _out, err = cli("check", "--stdin-filename", "story.md", "-", input=STORY)
    assert code == 0


def test_reading_default_limit_is_the_config_default():
    from edlint import config, reading

    assert reading.DEFAULT_MAX_FILE_SIZE == config.DEFAULT_MAX_FILE_SIZE


# -- defect 8: output injection -----------------------------------------------------------------
FORGED_NAME = "story\n::error file=README.md,line=1::Forged annotation\x1b[2J\u202e.md"


def test_a_file_name_cannot_forge_a_line_or_an_annotation(newsroom):
    write(FORGED_NAME, "The the harbour reopened.\n")
    for fmt in ("text", "github"):
        code, out, _err = cli("check", "--no-cache", "--format", fmt, ".")
        assert code == 1
        assert not any(line.startswith("::error file=README.md") for line in out.splitlines()), out
        assert "\x1b" not in out and "\u202e" not in out
        assert "story\\n::error file=README.md" in out.replace("%3A", ":").replace("%2C", ",")
    code, out, _ = cli("check", "--no-cache", "--format", "json", ".")
    assert {f["path"] for f in json.loads(out)["findings"]} == {os.path.join(".", FORGED_NAME)}  # exact data
    # JSON and SARIF carry the exact name, escaped by the JSON encoder: no raw ESC or newline.
    # (SARIF names the file by URI: percent-encoded.)
    for fmt, name in (
        ("json", "story\\n::error file=README.md,line=1::Forged annotation\\u001b[2J"),
        ("sarif", "story%0A%3A%3Aerror%20file%3DREADME.md%2Cline%3D1%3A%3AForged%20annotation%1B%5B2J"),
    ):
        code, out, _ = cli("check", "--no-cache", "--format", fmt, ".")
        assert "\x1b" not in out and "\n::error" not in out and name in out, fmt


def test_a_file_name_cannot_add_lines_to_a_diff_header(newsroom):
    write("story\n+++ b\n.md", WORDY)
    code, out, _ = cli("check", "--no-cache", "--diff", "--unsafe-fixes", ".")
    assert code == 1
    assert [line for line in out.splitlines() if line.startswith(("---", "+++"))] == [
        "--- a/./story\\n+++ b\\n.md",
        "+++ b/./story\\n+++ b\\n.md",
    ]


def test_an_image_attribute_cannot_forge_a_github_annotation(newsroom):
    write(
        "page.html",
        "<html><body><p>The harbour reopened.</p>"
        '<img src="harbour.jpg&#10;::error file=app.py,line=1::Forged&#27;[31m"></body></html>\n',
    )
    for fmt in ("text", "github"):
        code, out, _ = cli("check", "--no-cache", "--format", fmt, "--select", "image-alt", "page.html")
        assert code == 1 and "image-alt" in out
        assert not any(line.startswith("::error") for line in out.splitlines()), out
        assert "\x1b" not in out


def test_junit_and_html_carry_no_raw_controls_or_bidi_overrides(newsroom):
    write("news/a\u202eevil.md", "The the harbour \u202ereopened.\n")
    for fmt in ("junit", "html"):
        code, out, _ = cli("check", "--no-cache", "--format", fmt, "news")
        assert code == 1 and "\u202e" not in out, fmt
        assert "a\\u202eevil.md" in out


def test_one_escaping_function_writes_controls_out():
    from edlint.reporters import printable

    assert printable("a\nb\r\tc\x1b[0m\x9b\u2028\u2066d") == "a\\nb\\r\\tc\\x1b[0m\\x9b\\u2028\\u2066d"
    assert printable("Café « déjà » — 5 km") == "Café « déjà » — 5 km"  # ordinary text untouched


# -- defect 11: exit codes ------------------------------------------------------------------------
def test_a_damaged_cache_manifest_is_a_cache_miss(newsroom):
    write("story.md", WORDY)
    first = cli("check", "story.md")
    store = ".edlint_cache/cache-v2.json"
    data = json.load(open(store, encoding="utf-8"))
    assert data["manifests"]
    for manifest in data["manifests"].values():
        manifest["extra"] = {}  # as a damaged or foreign store would have it
    json.dump(data, open(store, "w", encoding="utf-8"))
    again = cli("check", "story.md")
    assert first[0] == again[0] == 1 and "wordy-phrase" in again[1]


def test_a_worker_killed_by_a_signal_is_an_internal_error_not_a_traceback(newsroom, monkeypatch):
    import signal

    from edlint import engine

    for i in range(20):
        write(f"news/story{i:02}.md", STORY)
    write("news/bomb.md", WORDY)
    parent = os.getpid()
    lint_file = engine.Linter.lint_file

    def killing(self, path, text=None):
        if path.endswith("bomb.md") and os.getpid() != parent:
            os.kill(os.getpid(), signal.SIGKILL)  # as the OOM killer would
        return lint_file(self, path, text)

    monkeypatch.setattr(engine.Linter, "lint_file", killing)
    code, findings, _err = check_json("--no-cache", "--jobs", "2", "news")
    assert code == 2
    assert [(os.path.basename(f["path"]), f["rule"]) for f in findings] == [("bomb.md", "internal-error")]
    assert "killed" in findings[0]["message"]


def test_diff_fails_when_a_file_could_not_be_checked(newsroom):
    write("story.md", STORY)
    with open("broken.md", "wb") as fh:
        fh.write(b"The harbour \xff reopened.\n")
    code, _out, err = cli("check", "--no-cache", "--diff", "story.md", "broken.md")
    assert code == 1 and "No fixes to apply" in err


# -- defect 12: permissions and line endings ------------------------------------------------------
def test_fix_does_not_write_a_read_only_file(newsroom):
    path = write("story.md", WORDY)
    os.chmod(path, 0o444)
    code, out, err = cli("check", "--no-cache", "--fix", "--unsafe-fixes", "story.md")
    assert open(path, encoding="utf-8").read() == WORDY
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o444
    assert "story.md: is read-only; fixes not written" in err
    assert code == 1 and "wordy-phrase" in out  # what is on disk is reported


def test_fix_keeps_mode_and_does_not_write_when_the_owner_would_change(newsroom, monkeypatch):
    path = write("story.md", WORDY)
    os.chmod(path, 0o640)
    assert cli("check", "--no-cache", "--fix", "--unsafe-fixes", "story.md")[0] == 0
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o640 and "in order to" not in open(path).read()

    write("other.md", WORDY)

    def foreign_owner(path, *args, **kwargs):
        raise PermissionError(1, "Operation not permitted", path)

    # As for a user who may write a group-writable file owned by someone else: the rename
    # would make it theirs.
    from edlint import fileio

    real_lstat = os.lstat

    def owned_by_other(p, *a, **k):
        st = real_lstat(p, *a, **k)
        if str(p).endswith("other.md"):
            return os.stat_result(
                (
                    st.st_mode,
                    st.st_ino,
                    st.st_dev,
                    st.st_nlink,
                    st.st_uid + 4242,
                    st.st_gid,
                    st.st_size,
                    st.st_atime,
                    st.st_mtime,
                    st.st_ctime,
                )
            )
        return st

    monkeypatch.setattr(fileio.os, "chown", foreign_owner)
    monkeypatch.setattr(fileio.os, "lstat", owned_by_other)
    code, _out, err = cli("check", "--no-cache", "--fix", "--unsafe-fixes", "other.md")
    assert open("other.md", encoding="utf-8").read() == WORDY
    assert "would change its owner" in err and code == 1


def test_cr_only_line_endings_do_not_open_a_front_matter_never_closed(newsroom):
    with open("old-mac.md", "w", encoding="utf-8", newline="") as fh:
        fh.write(STORY.replace("\n", "\r"))
    code, findings, _ = check_json("--no-cache", "old-mac.md")
    assert findings == [] and code == 0
    with open("open.md", "w", encoding="utf-8", newline="") as fh:
        fh.write("---\rtitle: Harbour\rThe harbour reopened.\r")
    code, findings, _ = check_json("--no-cache", "open.md")
    assert [f["rule"] for f in findings] == ["file-error"]  # still caught when really unclosed


# -- defect 10 (part): temporary files left by a killed run -------------------------------------
def test_temporary_files_of_killed_runs_are_removed_later(newsroom):
    write("story.md", STORY)
    os.makedirs(".edlint_cache")
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True
    ).stdout.strip()
    old = f".edlint_cache/.cache-v2.json.{dead}.0123456789ab.edlint-tmp"
    fresh = f".edlint_cache/.cache-v2.json.{dead}.ba9876543210.edlint-tmp"
    alive = f".edlint_cache/.cache-v2.json.{os.getpid()}.aaaaaaaaaaaa.edlint-tmp"
    for name in (old, fresh, alive):
        write(name, "{half a store")
    hour_ago = time.time() - 3600
    os.utime(old, (hour_ago, hour_ago))
    os.utime(alive, (hour_ago, hour_ago))
    assert cli("check", "story.md")[0] == 0
    assert not os.path.exists(old)
    assert os.path.exists(fresh) and os.path.exists(alive)  # too recent; its process still runs


# -- the baseline: written and read like everything else ---------------------------------------
def test_baseline_is_not_written_through_a_dangling_symlink(newsroom, tmp_path):
    target = tmp_path / "outside" / "planted.json"
    write("story.md", WORDY)
    os.symlink(target, ".edlint-baseline.json")
    code, _out, _err = cli("baseline", "write", ".edlint-baseline.json", "story.md")
    assert code == 2 and not os.path.lexists(target)


def test_a_baseline_linked_to_dev_zero_is_refused_not_read(newsroom):
    write("story.md", WORDY)
    os.symlink("/dev/zero", ".edlint-baseline.json")
    done = run_subprocess(["check", "--no-cache", "--baseline", ".edlint-baseline.json", "story.md"], newsroom)
    assert done.returncode == 2 and "cannot read baseline" in done.stderr


def test_front_matter_reads_the_same_with_any_line_ending():
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from edlint.parsers.frontmatter import split_front_matter

    line = st.text(alphabet=st.sampled_from(list("ab :-.'\"#[]{}|>01 \t")), max_size=12)

    @settings(max_examples=300, deadline=None)
    @given(st.lists(line, max_size=6), st.booleans(), st.lists(line, max_size=3))
    def same(inner, closed, body):
        lf = "\n".join(["---", *inner, *(["---"] if closed else []), *body]) + "\n"
        parsed = {ending: split_front_matter(lf.replace("\n", ending)) for ending in ("\n", "\r", "\r\n")}
        shapes = {
            ending: (fm.problem is None, sorted(fm.fields), fm.problem and fm.problem.split(":")[0])
            for ending, fm in parsed.items()
        }
        assert shapes["\r"] == shapes["\n"] == shapes["\r\n"], (lf, shapes)

    same()


def test_fix_removes_what_a_killed_fix_left_beside_the_articles(newsroom):
    write("news/story.md", WORDY)
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True
    ).stdout.strip()
    left = write(f"news/.story.md.{dead}.0123456789ab.edlint-tmp", "half an article")
    hour_ago = time.time() - 3600
    os.utime(left, (hour_ago, hour_ago))
    code, _, _ = cli("check", "--no-cache", "--fix", "--unsafe-fixes", "news")
    assert code == 0 and os.listdir("news") == ["story.md"]


def test_a_pack_in_the_tree_cannot_send_escape_sequences_through_rules_or_explain(newsroom):
    write(
        "house.yaml",
        """\
pack: house-style
rules:
  - id: house-towards
    type: substitution
    summary: "Prefer toward\\e[2J\\u202e"
    message: "Use '{suggestion}' instead of '{match}'\\e[31m"
    swap: {towards: toward}
    examples:
      bad: [We walked towards the river.]
      good: [We walked toward the river.]
""",
    )
    with open(".edlint.yaml", "w", encoding="utf-8") as fh:
        fh.write("packs: [house.yaml]\nselect: [house-style]\n")
    write("story.md", "We walked towards the river.\n")
    for args in (["rules"], ["explain", "house-towards"], ["check", "--no-cache", "story.md"]):
        _code, out, _ = cli(*args)
        assert "\x1b" not in out and "\u202e" not in out, args
        assert "\\x1b[" in out, args
    assert "\n\n" in cli("explain", "house-towards")[1]  # the page keeps its lines


def test_a_config_symlinked_out_of_the_tree_is_not_read(tmp_path, monkeypatch):
    """A pull request that commits `.edlint.yaml` (or a pack, or the authors registry) as a
    symlink to a file outside the repository gets a config error naming why, and not one
    byte of the outside file in the output."""
    import os
    import subprocess
    import sys

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    secret = elsewhere / "secret.yaml"
    secret.write_text("token: ghp_SECRETSECRETSECRET\nselect: [nonsense-rule]\n", encoding="utf-8")
    repo = tmp_path / "newsroom"  # made by the autouse fixture, the current folder
    (repo / "story.md").write_text("---\ntitle: Pier\n---\n\nThe pier reopened.\n", encoding="utf-8")
    for stale in (".edlint.yaml",):
        if (repo / stale).exists() or (repo / stale).is_symlink():
            (repo / stale).unlink()
    os.symlink(secret, repo / ".edlint.yaml")
    proc = subprocess.run(
        [sys.executable, "-m", "edlint.cli", "check", "--no-cache", "story.md"],
        cwd=repo,
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 2
    assert "outside the linted folder" in proc.stderr
    assert "SECRET" not in proc.stdout + proc.stderr and "nonsense" not in proc.stdout + proc.stderr
