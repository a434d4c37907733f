"""The example plugin in tests/plugin_example: installed with pip (into a folder of its
own, without touching the test environment), found through the ``edlint.rules`` entry
point, listed, explained, configured and run like a built-in rule."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from paths import TESTS

pytestmark = pytest.mark.slow  # pip builds the plugin (several seconds)

PLUGIN = Path(TESTS) / "plugin_example"
LONG = "# The city council voted on Tuesday night to approve a budget that raises parking fees\n"


@pytest.fixture(scope="module")
def plugin_path(tmp_path_factory) -> str:
    """Install the example plugin into a folder of its own with pip. Where pip cannot build
    it (no build backend reachable), install it by hand the way pip would: the package
    plus a ``.dist-info`` holding its METADATA and ``entry_points.txt``."""
    import shutil
    import warnings

    target = tmp_path_factory.mktemp("plugin-site")
    src = tmp_path_factory.mktemp("plugin-build") / "plugin_example"
    shutil.copytree(PLUGIN, src)  # building never writes into the source tree
    cmd = [
        sys.executable,
        "-m",
        "pip",
        "install",
        "--quiet",
        "--no-deps",
        "--disable-pip-version-check",
        "--target",
        str(target),
        str(src),
    ]
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
        ok = done.returncode == 0
        detail = done.stderr[-800:]
    except subprocess.TimeoutExpired:
        ok, detail = False, "pip timed out"
    if not ok:
        warnings.warn(f"pip could not build the example plugin; installing it by hand: {detail}", stacklevel=2)
        _install_by_hand(src, target)
    assert list(target.glob("edlint_example_plugin-*.dist-info/entry_points.txt"))
    return str(target)


def _install_by_hand(src: Path, target: Path) -> None:
    import shutil

    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10
        import tomli as tomllib
    project = tomllib.loads((src / "pyproject.toml").read_text())["project"]
    shutil.copytree(src / "edlint_example_plugin", target / "edlint_example_plugin")
    info = target / f"edlint_example_plugin-{project['version']}.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {project['name']}\nVersion: {project['version']}\n")
    lines = []
    for group, eps in project["entry-points"].items():
        lines.append(f"[{group}]")
        lines += [f"{name} = {value}" for name, value in eps.items()]
    (info / "entry_points.txt").write_text("\n".join(lines) + "\n")


def edlint(plugin_path: str, *args: str, cwd: str | None = None) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    env["PYTHONPATH"] = plugin_path + os.pathsep + env.get("PYTHONPATH", "")
    return subprocess.run(
        [sys.executable, "-m", "edlint.cli", *args], capture_output=True, text=True, env=env, cwd=cwd, timeout=120
    )


def test_plugin_rule_is_listed_and_explained(plugin_path):
    out = edlint(plugin_path, "rules")
    assert out.returncode == 0, out.stderr
    line = next(row for row in out.stdout.splitlines() if row.startswith("example-headline-length"))
    assert "example" in line and "warning" in line
    out = edlint(plugin_path, "explain", "example-headline-length")
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("# example-headline-length (example)")
    assert "max_chars: 70" in out.stdout


def test_plugin_rule_runs(plugin_path, tmp_path):
    story = tmp_path / "story.md"
    story.write_text(LONG + "\nThe vote was 5-4.\n")
    out = edlint(plugin_path, "check", "--select", "example", "--format", "json", str(story), cwd=str(tmp_path))
    assert out.returncode == 1, out.stderr
    assert '"rule": "example-headline-length"' in out.stdout
    assert "Headline is 84 characters (at most 70)" in out.stdout


def test_plugin_options_from_config(plugin_path, tmp_path):
    (tmp_path / ".edlint.yaml").write_text("select: [example]\nexample:\n  max_chars: 100\n")
    story = tmp_path / "story.md"
    story.write_text(LONG)
    out = edlint(plugin_path, "check", str(story), cwd=str(tmp_path))
    assert out.returncode == 0, out.stdout + out.stderr


def test_without_the_plugin_the_rule_is_unknown(tmp_path):
    out = subprocess.run(
        [sys.executable, "-m", "edlint.cli", "explain", "example-headline-length"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 2
