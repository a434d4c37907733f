"""edlint as a real package: `python -m build` makes an sdist and a wheel that carry the
shipped rule packs, and the wheel, installed into a fresh venv (no editable install, no
system site-packages), lints like the source tree does.

Slow (builds, creates a venv, installs). The build uses `--no-isolation` with the dev
extra's hatchling, so it needs no network. The install takes edlint's dependencies from the
package index (CI reaches PyPI); where the index cannot be reached, the dependencies are
taken from this test's own environment instead (a path appended after the venv's own
site-packages), and the test says so on stdout.
"""

import glob
import importlib.util
import os
import shutil
import subprocess
import sys
import tarfile
import zipfile

import pytest
import yaml

pytestmark = pytest.mark.slow

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PACKS = sorted(os.path.basename(p) for p in glob.glob(os.path.join(ROOT, "rules", "*.yaml")))


def _run(cmd, timeout=600, **kw):
    return subprocess.run([str(c) for c in cmd], capture_output=True, text=True, timeout=timeout, **kw)


def _build(srcdir, outdir, *which):
    if importlib.util.find_spec("build") is None or importlib.util.find_spec("hatchling") is None:
        pytest.skip("`build` and `hatchling` are not installed (pip install -e '.[dev]')")
    done = _run([sys.executable, "-m", "build", "--no-isolation", *which, "--outdir", outdir, srcdir])
    assert done.returncode == 0, done.stdout + done.stderr
    return done


def _pack_rule_ids():
    ids = []
    for name in PACKS:
        with open(os.path.join(ROOT, "rules", name), encoding="utf-8") as fh:
            ids += [r["id"] for r in yaml.safe_load(fh)["rules"]]
    return ids


@pytest.fixture(scope="module")
def dist(tmp_path_factory):
    """sdist and wheel as `python -m build` makes them (the wheel is built from the sdist)."""
    out = tmp_path_factory.mktemp("dist")
    _build(ROOT, out)
    (sdist,) = glob.glob(str(out / "edlint-*.tar.gz"))
    (wheel,) = glob.glob(str(out / "edlint-*-py3-none-any.whl"))
    return sdist, wheel


def test_the_wheel_carries_the_packs(dist):
    _, wheel = dist
    names = set(zipfile.ZipFile(wheel).namelist())
    assert PACKS and {f"edlint/packs/{p}" for p in PACKS} <= names
    assert "edlint/cli.py" in names and "edlint/reporters/text.py" in names
    assert not any(n.startswith(("tests/", "notes/", "rules/")) for n in names)
    assert not any("__pycache__" in n or n.endswith(".pyc") for n in names)
    entry_points = next(n for n in names if n.endswith(".dist-info/entry_points.txt"))
    assert "edlint = edlint.cli:run" in zipfile.ZipFile(wheel).read(entry_points).decode()


def test_the_sdist_builds_a_wheel_that_still_has_the_packs(dist, tmp_path):
    sdist, _ = dist
    with tarfile.open(sdist) as tar:
        names = tar.getnames()
        top = names[0].split("/")[0]
        assert {f"{top}/rules/{p}" for p in PACKS} <= set(names)
        assert f"{top}/src/edlint/__init__.py" in names and f"{top}/pyproject.toml" in names
        assert not any(n.startswith(f"{top}/notes/") for n in names)  # helpers' notes stay home
        tar.extractall(tmp_path, filter="data") if hasattr(tarfile, "data_filter") else tar.extractall(tmp_path)
    out = tmp_path / "wheel-from-sdist"
    _build(tmp_path / top, out, "--wheel")
    (wheel,) = glob.glob(str(out / "*.whl"))
    assert {f"edlint/packs/{p}" for p in PACKS} <= set(zipfile.ZipFile(wheel).namelist())


def _index_reachable(pip, tmp):
    probe = _run([pip, "download", "--no-deps", "--no-cache-dir", "--dest", tmp, "pyyaml"], timeout=120)
    return probe.returncode == 0, (probe.stderr.strip().splitlines() or ["no output"])[-1]


@pytest.fixture(scope="module")
def installed(dist, tmp_path_factory):
    """A fresh venv (no system site-packages) with the wheel installed: its `edlint`."""
    _, wheel = dist
    where = tmp_path_factory.mktemp("venv")
    venv = where / "venv"
    made = _run([sys.executable, "-m", "venv", venv])
    assert made.returncode == 0, made.stderr
    bindir = venv / ("Scripts" if os.name == "nt" else "bin")
    pip = bindir / "pip"
    done = _run([pip, "install", "--no-cache-dir", wheel], timeout=900)
    if done.returncode != 0:
        reachable, why = _index_reachable(pip, where)
        assert not reachable, "the index is reachable but the wheel did not install:\n" + done.stdout + done.stderr
        print(f"package index unreachable ({why}): dependencies come from {sys.prefix}")
        done = _run([pip, "install", "--no-deps", "--no-index", wheel])
        assert done.returncode == 0, done.stdout + done.stderr
        # The dependencies from this environment, AFTER the venv's own site-packages; paths
        # in a .pth are not scanned for further .pth files, so this environment's editable
        # edlint (itself a .pth) is not picked up.
        own = _run([bindir / "python", "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"])
        deps = [p for p in sys.path if p.endswith("site-packages") and os.path.isdir(p)]
        with open(os.path.join(own.stdout.strip(), "zz_test_dependencies.pth"), "w", encoding="utf-8") as fh:
            fh.write("\n".join(deps) + "\n")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV")}
    env["PATH"] = str(bindir) + os.pathsep + env.get("PATH", "")
    return bindir, env


def test_the_installed_package_is_the_wheel_not_the_source_tree(installed):
    bindir, env = installed
    shown = _run([bindir / "python", "-c", "import edlint, sys; print(edlint.__file__); print(sys.prefix)"], env=env)
    module, prefix = shown.stdout.split()
    assert os.path.realpath(module).startswith(os.path.realpath(prefix)), shown.stdout
    assert not os.path.realpath(module).startswith(os.path.join(os.path.realpath(ROOT), "src"))


def test_installed_edlint_lists_the_packs_rules(installed):
    bindir, env = installed
    listed = _run([bindir / "edlint", "rules"], env=env)
    assert listed.returncode == 0, listed.stderr
    ids = {line.split()[0] for line in listed.stdout.splitlines() if line.strip()}
    missing = set(_pack_rule_ids()) - ids
    assert not missing, f"pack rules missing from the installed edlint: {sorted(missing)}"
    assert {"image-alt", "quote-style", "date-weekday"} <= ids


def test_installed_edlint_lints_the_examples_as_the_source_tree_does(installed, tmp_path):
    bindir, env = installed
    shutil.copytree(os.path.join(ROOT, "examples"), tmp_path / "examples")
    wheel_run = _run([bindir / "edlint", "check", "--no-cache", "examples"], cwd=tmp_path, env=env)
    assert wheel_run.returncode == 1, wheel_run.stdout + wheel_run.stderr  # the examples have problems
    assert "examples/flood-warning.md:" in wheel_run.stdout
    source_edlint = os.path.join(os.path.dirname(sys.executable), "edlint")
    tree_run = _run([source_edlint, "check", "--no-cache", "examples"], cwd=tmp_path)
    assert wheel_run.stdout == tree_run.stdout


def test_installed_edlint_runs_the_pack_rules(installed, tmp_path):
    bindir, env = installed
    (tmp_path / "story.md").write_text(
        "---\ntitle: Bridge closes\n---\n\nThe council approved the the closure of the bridge.\n\n"
        "Advertisement\n\nThe bridge reopens in spring.\n",
        encoding="utf-8",
    )
    (tmp_path / "clean.md").write_text(
        "---\ntitle: Bridge reopens\n---\n\nThe council approved the reopening of the bridge.\n", encoding="utf-8"
    )
    rules = "doubled-word,scrape-advertisement"
    bad = _run([bindir / "edlint", "check", "--no-cache", "--select", rules, "story.md"], cwd=tmp_path, env=env)
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "story.md:5:" in bad.stdout and "doubled-word" in bad.stdout
    assert "story.md:7:1:" in bad.stdout and "scrape-advertisement" in bad.stdout
    good = _run([bindir / "edlint", "check", "--no-cache", "--select", rules, "clean.md"], cwd=tmp_path, env=env)
    assert good.returncode == 0, good.stdout + good.stderr


def test_the_wheel_carries_the_compiled_packs_and_the_installed_edlint_uses_them(dist, installed):
    wheel = next(p for p in dist if p.endswith(".whl"))
    assert "edlint/_shipped_packs.pickle" in zipfile.ZipFile(wheel).namelist()
    bindir, env = installed
    probe = (
        "from edlint.rules.declarative import compiled, packs\n"
        "paths = packs.shipped_pack_paths()\n"
        "got = compiled.load(paths)\n"
        "print(got is not None, all(r.origin.startswith('pack:' + paths[0].rsplit('/', 1)[0]) "
        "for p in got for r in p.rules))\n"
    )
    shown = _run([bindir / "python", "-c", probe], env=env)
    assert shown.stdout.split() == ["True", "True"], shown.stdout + shown.stderr
