"""Start-up stays light: a check imports nothing it does not use (network client, plugin
metadata, temp files), and `edlint --version` imports no rules at all. Import lists, not
timings: they are what a slow start-up is made of, and they do not flake."""

import os
import re
import subprocess
import sys

from edlint.rules import registry

ARTICLE = """---
title: Ferry timetable changes from Monday
author: Sam Okafor
date: 2024-05-02
description: The island ferry adds an early sailing on weekdays.
---

The island ferry will add a 6.15am sailing on weekdays from Monday, the operator said.
"""

PROBE = """
import sys
from edlint.cli import main
try:
    main(sys.argv[1:])
except SystemExit as exc:
    print('EXIT', exc.code, file=sys.stderr)
print('MODULES', ' '.join(sorted(sys.modules)), file=sys.stderr)
"""


def loaded_modules(args, cwd):
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path))
    proc = subprocess.run([sys.executable, "-c", PROBE, *args], cwd=cwd, env=env, capture_output=True, text=True)
    line = next(ln for ln in proc.stderr.splitlines() if ln.startswith("MODULES "))
    return set(line.split()[1:]), proc


def test_check_of_one_file_loads_no_unused_machinery(tmp_path):
    (tmp_path / "ferry.md").write_text(ARTICLE, encoding="utf-8")
    modules, proc = loaded_modules(["check", "--no-cache", "ferry.md"], tmp_path)
    assert "EXIT 0" in proc.stderr, proc.stderr
    assert "markdown_it" in modules  # it did lint
    for heavy in (
        "urllib.request",
        "http.client",
        "email",
        "ssl",
        "importlib.metadata",
        "tempfile",
        "edlint.languagetool",
        "edlint.parsers.html",
        "edlint.reporters.sarif",
        "rapidfuzz.process",
        # The optional extras: only their own command or option imports them.
        "pygls",
        "lsprotocol",
        "starlette",
        "uvicorn",
        "dask",
        "distributed",
        "harper",
        "nh3",
        "edlint.serve",
        "edlint.dask",
        "edlint.lsp",
        "edlint.parsers.exports",
        "edlint.engine.workspace",
    ):
        assert heavy not in modules, f"{heavy} imported by a plain check"


def test_version_loads_no_rules(tmp_path):
    modules, proc = loaded_modules(["--version"], tmp_path)
    assert "EXIT 0" in proc.stderr
    assert not {m for m in modules if m.startswith(("edlint.rules", "edlint.engine", "markdown_it", "yaml"))}


def test_entry_point_scan_finds_a_declaring_distribution(tmp_path, monkeypatch):
    site = tmp_path / "site"
    dist = site / "newsroom_rules-1.0.dist-info"
    dist.mkdir(parents=True)
    (dist / "entry_points.txt").write_text("[console_scripts]\nnewsroom = newsroom:main\n", encoding="utf-8")
    monkeypatch.setattr(sys, "path", [str(site)])
    assert registry._may_have_entry_points("edlint.rules") is False
    (dist / "entry_points.txt").write_text("[edlint.rules]\nnewsroom = newsroom.rules\n", encoding="utf-8")
    assert registry._may_have_entry_points("edlint.rules") is True


def test_entry_point_scan_defers_to_importlib_for_zip_files(tmp_path, monkeypatch):
    archive = tmp_path / "plugins.zip"
    archive.write_bytes(b"PK\x05\x06" + b"\0" * 18)  # an empty zip
    monkeypatch.setattr(sys, "path", [str(archive)])
    assert registry._may_have_entry_points("edlint.rules") is True


def test_lazy_pattern_compiles_on_first_use_and_behaves_like_the_pattern():
    from edlint.text.patterns import lazy

    said = lazy(r"\b(said|told)\s+(\w+)", re.I)
    assert "_compiled" not in said.__dict__
    m = said.search('"We will rebuild," Mayor Jones SAID Tuesday.')
    assert m is not None and m.group(1) == "SAID" and m.group(2) == "Tuesday"
    assert isinstance(said.compiled, re.Pattern) and said.compiled.flags & re.I
    assert said.search is said.search  # kept after the first look-up
    assert said.sub("X", "she told me") == "she X"
    assert said.pattern == r"\b(said|told)\s+(\w+)"


def test_every_lazy_pattern_in_edlint_compiles():
    """Errors in a lazy pattern would only show when it is first used: compile them all."""
    import importlib
    import pkgutil

    import edlint
    from edlint.text.patterns import LazyPattern

    count = 0
    for info in pkgutil.walk_packages(edlint.__path__, "edlint."):
        module = importlib.import_module(info.name)
        for value in vars(module).values():
            if isinstance(value, LazyPattern):
                assert isinstance(value.compiled, re.Pattern)
                count += 1
    assert count > 20


def test_file_plugin_loads_in_a_fresh_process(tmp_path, monkeypatch):
    monkeypatch.setenv("EDLINT_ALLOW_PLUGINS", "1")
    """A file plugin works in a fresh process, not only in the test process, where pytest
    has already imported much of what plugin loading needs."""
    (tmp_path / "ferry.md").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "house.py").write_text(
        "from edlint.rules.base import Finding, rule\n"
        "from edlint.document import Span\n\n"
        "@rule('ferry-word', family='house', summary='Flags the word ferry')\n"
        "def ferry_word(doc, opts):\n"
        "    for block in doc.prose:\n"
        "        at = block.text.text.find('ferry')\n"
        "        if at >= 0:\n"
        "            yield Finding(block.text.source_span(at, at + 5), 'Say boat')\n",
        encoding="utf-8",
    )
    (tmp_path / ".edlint.yaml").write_text("plugins: [house.py]\nselect: [ferry-word]\n", encoding="utf-8")
    _modules, proc = loaded_modules(["check", "--no-cache", "ferry.md"], tmp_path)
    assert "EXIT 1" in proc.stderr, proc.stderr
    assert "ferry-word Say boat" in proc.stdout


def run_console(args, cwd):
    """The console script's entry point, as `edlint ARGS` runs it."""
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path))
    code = "import sys\nfrom edlint.cli import run\nsys.argv = ['edlint', *sys.argv[1:]]\nrun()\n"
    return subprocess.run([sys.executable, "-c", code, *args], cwd=cwd, env=env, capture_output=True, text=True)


def test_console_script_keeps_exit_codes_and_writes_everything(tmp_path):
    (tmp_path / "ferry.md").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "bad.md").write_text("Storm coverage.\n\n![](storm.jpg)\n", encoding="utf-8")
    clean = run_console(["check", "ferry.md"], tmp_path)
    assert clean.returncode == 0 and "No problems" in clean.stderr + clean.stdout
    found = run_console(["check", "--format", "json", "-o", "report.json", "bad.md"], tmp_path)
    assert found.returncode == 1
    report = (tmp_path / "report.json").read_text(encoding="utf-8")
    assert '"image-alt"' in report and report.rstrip().endswith("}")  # complete, not cut short
    usage = run_console(["check", "--select", "image-altt", "bad.md"], tmp_path)
    assert usage.returncode == 2 and "image-alt" in usage.stderr  # "did you mean"
    replayed = run_console(["check", "bad.md"], tmp_path)
    again = run_console(["check", "bad.md"], tmp_path)
    assert replayed.returncode == again.returncode == 1 and replayed.stdout == again.stdout != ""


def test_default_jobs_follow_the_cpus_the_process_may_use(monkeypatch):
    from edlint import cli

    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 3}, raising=False)
    assert cli.usable_cpus() == 2
    monkeypatch.delattr(os, "sched_getaffinity", raising=False)
    monkeypatch.setattr(os, "cpu_count", lambda: None)
    assert cli.usable_cpus() == 1
