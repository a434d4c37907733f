"""README's pre-commit and CI snippets work as written, with only the placeholder
`https://github.com/YOUR-ORG/edlint` replaced by a real repository: a temporary git copy of
this checkout (committed or not), tagged with the version the snippets name.

Slow: pre-commit builds a hook environment per form (it installs edlint's dependencies from
the package index; where the index cannot be reached, those tests are skipped and say why).
"""

import os
import re
import shutil
import subprocess
import sys

import pytest

import edlint
from ci_helpers import skip_when_pre_commit_could_not_install

pytestmark = pytest.mark.slow

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PLACEHOLDER = "https://github.com/YOUR-ORG/edlint"
TAG = f"v{edlint.__version__}"
GIT_ENV = {
    "GIT_AUTHOR_NAME": "t",
    "GIT_AUTHOR_EMAIL": "t@example.com",
    "GIT_COMMITTER_NAME": "t",
    "GIT_COMMITTER_EMAIL": "t@example.com",
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_CONFIG_NOSYSTEM": "1",
}


def _readme():
    with open(os.path.join(ROOT, "README.md"), encoding="utf-8") as fh:
        return fh.read()


def _block(first_line):
    """The fenced block of README.md whose first line is ``first_line``."""
    for _lang, body in re.findall(r"```(\w*)\n(.*?)```", _readme(), flags=re.S):
        if body.startswith(first_line + "\n"):
            return body
    raise AssertionError(f"README.md has no block starting {first_line!r}")


def _git(cwd, *args):
    done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, env={**os.environ, **GIT_ENV})
    assert done.returncode == 0, f"git {' '.join(args)}: {done.stderr}"
    return done.stdout


def _pre_commit():
    found = shutil.which("pre-commit") or os.path.join(os.path.dirname(sys.executable), "pre-commit")
    if not os.path.exists(found):
        pytest.skip("pre-commit is not installed (pip install -e '.[dev]')")
    return found


@pytest.fixture(scope="module")
def edlint_repo(tmp_path_factory):
    """A git repository holding this checkout's files as they are now, tagged TAG: what
    `https://github.com/YOUR-ORG/edlint` stands for."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    listed = subprocess.run(
        ["git", "ls-files", "-co", "--exclude-standard", "-z"], cwd=ROOT, capture_output=True, text=True
    )
    if listed.returncode != 0:
        pytest.skip(f"this checkout is not a git work tree: {listed.stderr.strip()}")
    repo = tmp_path_factory.mktemp("hosted") / "edlint"
    for name in filter(None, listed.stdout.split("\0")):
        source = os.path.join(ROOT, name)
        if os.path.isfile(source) and not os.path.islink(source):
            os.makedirs(os.path.dirname(os.path.join(repo, name)), exist_ok=True)
            shutil.copy2(source, os.path.join(repo, name))
    _git(repo, "init", "-q")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", "edlint as of this test run")
    _git(repo, "tag", TAG)
    return repo


def _use(snippet, repo):
    assert PLACEHOLDER in snippet, "the snippet no longer names the placeholder this test replaces"
    # file://localhost/…: pip's requirement parser wants a host in a `git+file` URL.
    return snippet.replace(PLACEHOLDER, f"file://localhost{repo}")


BAD = "Storm coverage.\n\n![](storm.jpg)\n"
GOOD = "---\ntitle: Harbour reopens\n---\n\nThe harbour reopened to fishing boats this morning.\n"


def _newsroom(tmp_path, config):
    work = tmp_path / "newsroom"
    work.mkdir()
    (work / "bad.md").write_text(BAD, encoding="utf-8")
    (work / "good.md").write_text(GOOD, encoding="utf-8")
    # A staged file whose name looks like an option: the hook's "--" keeps it a file name.
    (work / "--notes.md").write_text("Notes.\n\n![](pier.jpg)\n", encoding="utf-8")
    (work / ".edlint.yaml").write_text("select: [image-alt, quote-style]\n", encoding="utf-8")
    (work / ".pre-commit-config.yaml").write_text(config, encoding="utf-8")
    _git(work, "init", "-q")
    _git(work, "add", "--", ".")
    return work


def _run_hooks(work, tmp_path):
    env = {**os.environ, **GIT_ENV, "PRE_COMMIT_HOME": str(tmp_path.parent / "pre-commit-home")}
    env.pop("VIRTUAL_ENV", None)
    done = subprocess.run(
        [_pre_commit(), "run", "--all-files"], cwd=work, capture_output=True, text=True, env=env, timeout=1200
    )
    out = done.stdout + done.stderr
    skip_when_pre_commit_could_not_install(done.returncode, out, tmp_path)
    return done.returncode, out


def _check_the_hook(work, tmp_path):
    code, out = _run_hooks(work, tmp_path)
    assert code == 1, out
    assert "bad.md:3:1: warning image-alt" in out, out
    assert "--notes.md:3:1: warning image-alt" in out, out
    assert "good.md" not in out
    _git(work, "rm", "-qf", "--", "bad.md", "--notes.md")
    code, out = _run_hooks(work, tmp_path)
    assert code == 0, out


def test_readme_repository_form_runs_the_hook(edlint_repo, tmp_path):
    snippet = _block("# .pre-commit-config.yaml (repository form)")
    assert f"rev: {TAG}" in snippet
    work = _newsroom(tmp_path, _use(snippet, edlint_repo))
    _check_the_hook(work, tmp_path)


def test_readme_repository_form_with_fix_args(edlint_repo, tmp_path):
    snippet = _block("# .pre-commit-config.yaml (repository form)")
    fix_line = "# args: [--fix, --]"
    assert fix_line in snippet
    config = _use(snippet.replace(fix_line, fix_line[2:]), edlint_repo)
    work = _newsroom(tmp_path, config)
    (work / "quotes.md").write_text(
        "---\ntitle: Ferry returns\n---\n\n\u201cWe\u2019re back,\u201d the captain said. The town's ferry sailed at noon.\n",
        encoding="utf-8",
    )
    _git(work, "rm", "-qf", "--", "bad.md", "--notes.md")
    _git(work, "add", "quotes.md")
    code, out = _run_hooks(work, tmp_path)
    assert code == 1 and "files were modified by this hook" in out, out
    assert "The town\u2019s ferry" in (work / "quotes.md").read_text(encoding="utf-8")
    _git(work, "add", "quotes.md")
    code, out = _run_hooks(work, tmp_path)
    assert code == 0, out  # fixed once: the next commit passes


def test_readme_local_form_runs_the_hook(edlint_repo, tmp_path):
    snippet = _block("# .pre-commit-config.yaml (local form)")
    assert f"@{TAG}" in snippet
    work = _newsroom(tmp_path, _use(snippet, edlint_repo))
    _check_the_hook(work, tmp_path)


def test_the_local_form_matches_the_published_hook():
    """The local form repeats .pre-commit-hooks.yaml: the two must not drift apart."""
    import yaml

    with open(os.path.join(ROOT, ".pre-commit-hooks.yaml"), encoding="utf-8") as fh:
        (published,) = yaml.safe_load(fh)
    (local,) = yaml.safe_load(_block("# .pre-commit-config.yaml (local form)"))["repos"][0]["hooks"]
    for key in ("id", "entry", "args", "language", "types_or", "require_serial"):
        assert local[key] == published[key], key
    assert published["args"][-1] == "--", "file names must follow a `--`"


def _ci_install_lines():
    lines = []
    for block in (_block("# .github/workflows/edlint.yml"), _block("# .gitlab-ci.yml")):
        lines += [
            ln.split("pip install", 1)[1].strip()
            for ln in block.splitlines()
            if "pip install" in ln and not ln.lstrip().startswith("#")
        ]
    return lines


def test_readme_ci_snippets_install_from_a_url_that_resolves(edlint_repo, tmp_path):
    lines = _ci_install_lines()
    assert len(lines) == 2, lines
    for i, line in enumerate(lines):
        (requirement,) = re.findall(r'"([^"]+)"', line)
        assert requirement.startswith("edlint @ git+" + PLACEHOLDER + "@"), requirement
        # Resolve the requirement exactly as written (placeholder replaced): the tag exists
        # and the package builds from it.
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "pip",
                "download",
                "--no-deps",
                "--no-build-isolation",
                "--dest",
                str(tmp_path / str(i)),
                _use(requirement, edlint_repo),
            ],
            capture_output=True,
            text=True,
            timeout=600,
            stdin=subprocess.DEVNULL,
        )
        assert done.returncode == 0, done.stdout + done.stderr
        assert os.listdir(tmp_path / str(i)) == [f"edlint-{edlint.__version__}.zip"]


def test_readme_names_no_address_that_does_not_exist():
    text = _readme()
    assert "example.invalid" not in text
    assert "git+<" not in text
    for line in text.splitlines():
        if "pip install edlint" in line and "==" not in line:
            raise AssertionError(f"edlint is not on PyPI; README says: {line.strip()}")
