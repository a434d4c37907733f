"""The Dask executor and lint_bag: the same findings as a local run, cross-file ones too."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from importlib.util import find_spec

import pytest
from click.testing import CliRunner
from corpus import write_corpus

from edlint.cli import main
from edlint.engine import Linter

# Imported inside the tests (collection must not load dask for the whole session).
pytestmark = pytest.mark.skipif(
    find_spec("dask") is None or find_spec("distributed") is None,
    reason="dask or distributed not installed: pip install 'edlint[dask]'",
)


def local_json(root, monkeypatch, *extra):
    monkeypatch.chdir(root)
    out = CliRunner().invoke(main, ["check", "--no-cache", "--jobs", "1", "--format", "json", *extra, "."])
    assert out.exit_code == 1, out.output
    return json.loads(out.stdout)["findings"]


def test_lint_bag_equals_a_local_run_including_cross_file_bios(tmp_path, monkeypatch):
    import dask.bag as db

    from edlint.dask import lint_bag

    paths = write_corpus(str(tmp_path))
    monkeypatch.chdir(tmp_path)
    config = str(tmp_path / ".edlint.yaml")
    local = Linter(config=config).run([*paths, str(tmp_path / "archive.xml")])
    assert {f.rule for f in local.findings} >= {"bio-inconsistent", "doubled-word", "image-alt"}
    bag = db.from_sequence([*paths, str(tmp_path / "archive.xml")], npartitions=4)
    rows = lint_bag(bag, config).compute(scheduler="sync")
    key = lambda r: (r["path"], r["line"], r["column"], r["rule"], r["message"])
    assert sorted(rows, key=key) == sorted((f.to_json() for f in local.findings), key=key)
    # Texts (a data team's column of article bodies) go through the same pipeline.
    text = "---\ntitle: Ferry\nauthor: Sam Lee\ndate: 2024-05-02\ndescription: The ferry adds a sailing.\n---\n\nThe the ferry adds a sailing.\n"
    (row,) = lint_bag(db.from_sequence([("story.md", text)]), {"select": ["doubled-word"]}).compute(scheduler="sync")
    assert (row["path"], row["line"], row["column"], row["rule"]) == ("story.md", 8, 1, "doubled-word")


def test_unreachable_scheduler_is_a_clear_error(tmp_path, monkeypatch, write):
    write("a.md", "The the ferry.\n")
    monkeypatch.chdir(tmp_path)
    out = CliRunner().invoke(
        main, ["check", "--no-cache", "--executor", "dask", "--scheduler", "tcp://127.0.0.1:9", "a.md"]
    )
    assert out.exit_code == 2
    assert "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in out.output
    bad = CliRunner().invoke(main, ["check", "--scheduler", "tcp://127.0.0.1:9", "a.md"])
    assert bad.exit_code == 2 and "--scheduler needs --executor dask" in bad.output


def test_missing_extra_is_a_clear_error(tmp_path, monkeypatch, write):
    write("a.md", "The the ferry.\n")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setitem(sys.modules, "distributed", None)  # as if not installed
    out = CliRunner().invoke(main, ["check", "--no-cache", "--executor", "dask", "a.md"])
    assert out.exit_code == 2
    assert 'pip install "edlint[dask]"' in out.output


def test_plain_check_imports_no_dask(tmp_path, write):
    write("story.md", "---\ntitle: Ferry\n---\n\nThe ferry adds a sailing.\n")
    probe = "import sys\nfrom edlint.cli import main\ntry:\n    main(sys.argv[1:])\nexcept SystemExit:\n    pass\nprint(sorted(m for m in sys.modules if m.split('.')[0] in ('dask', 'distributed', 'edlint')), file=sys.stderr)\n"
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path))
    proc = subprocess.run(
        [sys.executable, "-c", probe, "check", "--no-cache", "story.md"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
    )
    modules = proc.stderr.strip().splitlines()[-1]
    assert "'dask" not in modules and "'distributed" not in modules
    assert "edlint.parsers.exports" not in modules and "edlint.dask" not in modules


@pytest.mark.slow
def test_two_worker_local_cluster_equals_the_local_run(tmp_path, monkeypatch):
    write_corpus(str(tmp_path))
    local = local_json(tmp_path, monkeypatch)
    out = CliRunner().invoke(
        main, ["check", "--no-cache", "--executor", "dask", "--jobs", "2", "--format", "json", "."]
    )
    assert out.exit_code == 1, out.output
    assert json.loads(out.stdout)["findings"] == local
    assert "on 2 worker(s)" in out.stderr


KILLER = '''
import os, signal
from edlint.rules.base import rule


@rule("kill-once", family="local", summary="Kills the Dask worker that first reads a marked article")
def kill_once(doc, opts):
    """Test-only: the first Dask worker to lint an article with a marker beside it dies."""
    marker = os.path.abspath(doc.path) + ".kill"
    try:
        from distributed import get_worker
        get_worker()
    except (ImportError, ValueError):
        return ()  # not on a Dask worker (the local run)
    try:
        os.remove(marker)
    except FileNotFoundError:
        return ()
    os.kill(os.getpid(), signal.SIGKILL)
    return ()
'''


@pytest.mark.slow
def test_a_worker_killed_mid_run_loses_no_findings(tmp_path, monkeypatch):
    from distributed import LocalCluster

    paths = write_corpus(str(tmp_path))
    (tmp_path / "killer.py").write_text(KILLER, encoding="utf-8")
    (tmp_path / ".edlint.yaml").write_text(
        "select: [doubled-word, image-alt, bio-inconsistent, metadata-required, kill-once]\nplugins: [killer.py]\n",
        encoding="utf-8",
    )
    for path in paths[20:23]:  # three batches' worth of deaths, each retried elsewhere
        open(path + ".kill", "w").close()
    local = local_json(tmp_path, monkeypatch, "--allow-plugins")
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        out = CliRunner().invoke(
            main,
            [
                "check",
                "--no-cache",
                "--allow-plugins",
                "--executor",
                "dask",
                "--scheduler",
                cluster.scheduler_address,
                "--format",
                "json",
                ".",
            ],
        )
    assert out.exit_code == 1, out.output
    assert not list(tmp_path.glob("news/*.kill"))  # the workers did die
    assert json.loads(out.stdout)["findings"] == local


def test_each_worker_keeps_a_cache_store_and_reads_the_others(tmp_path, monkeypatch):
    """Workers sharing a file system: unchanged files are not linted again on the next run,
    whichever worker gets them."""
    from edlint.dask import tasks
    from edlint.engine.lint import FileLinting
    from edlint.engine.recipe import LinterRecipe
    from edlint.policy import CliOverrides

    paths = write_corpus(str(tmp_path), n=12)
    monkeypatch.chdir(tmp_path)
    linted: list[str] = []
    real = FileLinting.lint_file

    def counting(self, path, text=None):
        linted.append(os.path.basename(path))
        return real(self, path, text)

    monkeypatch.setattr(FileLinting, "lint_file", counting)
    recipe = LinterRecipe(Linter, str(tmp_path / ".edlint.yaml"), CliOverrides())
    state = tasks.RunState(recipe, cache_dir=str(tmp_path / "cache"))
    first = tasks.lint_batch(state, paths)
    assert tasks.save_caches() == 1
    assert len(linted) == 12
    # Another worker (its own store empty) finds the first worker's entries.
    store = tmp_path / "cache" / "dask"
    (store / "worker-local").rename(store / "worker-tcp___10.0.0.7_40123")
    tasks._LINTERS.clear()
    monkeypatch.setattr(tasks, "_CACHES", {})
    (tmp_path / "news" / os.path.basename(paths[0])).write_text(
        "---\ntitle: New\n---\n\nThe the lede.\n", encoding="utf-8"
    )
    linted.clear()
    second = tasks.lint_batch(state, paths)
    assert linted == [os.path.basename(paths[0])]  # only the changed file
    assert [r.findings for r in second.results[1:]] == [r.findings for r in first.results[1:]]
    assert second.facts.keys() == first.facts.keys()
    assert tasks.save_caches() == 1 and (store / "worker-local").is_dir()


def test_findings_as_a_dataframe_written_to_parquet(tmp_path, monkeypatch):
    pytest.importorskip("pandas", reason="pandas not installed: pip install 'dask[dataframe]'")
    pytest.importorskip("pyarrow", reason="pyarrow not installed: pip install 'dask[dataframe]'")
    import dask.bag as db
    import pandas as pd

    from edlint.dask import lint_bag, to_dataframe

    paths = write_corpus(str(tmp_path), n=10)
    monkeypatch.chdir(tmp_path)
    rows = lint_bag(db.from_sequence(paths, npartitions=2), str(tmp_path / ".edlint.yaml"))
    to_dataframe(rows).to_parquet(str(tmp_path / "findings"), write_index=False)
    table = pd.read_parquet(tmp_path / "findings")
    expected = rows.compute(scheduler="sync")
    assert len(table) == len(expected) > 0
    assert set(table["rule"]) == {r["rule"] for r in expected}
    doubled = table[table["rule"] == "doubled-word"].iloc[0]
    assert json.loads(doubled["fix"])["applicability"] == "unsafe"


@pytest.mark.slow
def test_ctrl_c_cancels_the_run_and_leaves_no_worker_behind(tmp_path):
    import signal
    import time

    import psutil

    write_corpus(str(tmp_path), n=600)
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path))
    proc = subprocess.Popen(
        [sys.executable, "-m", "edlint.cli", "check", "--no-cache", "--executor", "dask", "--jobs", "2", "."],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group, as a shell gives a command
    )
    first = proc.stderr.readline()  # "edlint: dask: N document(s) on a local cluster ..."
    assert "dask:" in first, first
    workers = psutil.Process(proc.pid).children(recursive=True)
    assert workers
    time.sleep(0.5)
    os.killpg(proc.pid, signal.SIGINT)  # Ctrl-C reaches the whole group
    assert proc.wait(timeout=60) == 130
    assert "interrupted" in proc.stderr.read()
    # a worker told to stop may still be exiting when the parent returns: give it a moment
    _, alive = psutil.wait_procs(workers, timeout=10)
    assert not [w for w in alive if w.is_running() and w.status() != psutil.STATUS_ZOMBIE]
