"""Shared by the CI-integration tests (reporters, fixes, baseline, changed files, HTML).

``project()`` lays out a small newsroom repo in a temp folder with the test-only fix plugin
(tests/data/fixdemo_plugin.py) named in its .edlint.yaml; ``run()`` invokes the CLI there.
"""

from __future__ import annotations

import os
import shutil
import sys

from click.testing import CliRunner

from edlint.cli import main

DATA = os.path.join(os.path.dirname(__file__), "data")
PLUGIN = os.path.join(DATA, "fixdemo_plugin.py")
SCHEMA = os.path.join(DATA, "sarif-schema-2.1.0.json")

CONFIG = """\
plugins: [fixdemo_plugin.py]
select: [image-alt, duplicate-paragraph, fixdemo]
ignore: [fixdemo-title-breaker, fixdemo-flip-flop]
"""

BUDGET = """\
---
title: Council backs harbour budget
author: Jane Doe
date: 2024-03-05
---

The council voted on Tuesday.  Taxes rise 10 per cent, and the harbour fund gets 3 per cent more.

The new breakwater is 5 miles long, the harbour master said.

![](IMG_0423.jpg)
"""

FERRY = """\
---
title: Ferry timetable changes
---

The ferry leaves at 7am.  Tickets cost 5 per cent more than last year.

![Passengers board the morning ferry](ferry.jpg)
"""

CLEAN = """\
---
title: Regatta results
---

The regatta was won by the harbour club crew.
"""


def forget_plugin() -> None:
    """A plugin module already imported registers nothing the next time (registry.py skips a
    module found in sys.modules), so each new Linter in this process must re-import it."""
    for name in [n for n in sys.modules if n.startswith("edlint_local_fixdemo")]:
        del sys.modules[name]


def project(root, files: dict[str, str | bytes], config: str = CONFIG) -> str:
    root = str(root)
    os.makedirs(root, exist_ok=True)
    shutil.copy(PLUGIN, os.path.join(root, "fixdemo_plugin.py"))
    with open(os.path.join(root, ".edlint.yaml"), "w", encoding="utf-8") as fh:
        fh.write(config)
    for rel, content in files.items():
        path = os.path.join(root, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        if isinstance(content, bytes):
            with open(path, "wb") as fh:
                fh.write(content)
        else:
            with open(path, "w", encoding="utf-8", newline="") as fh:
                fh.write(content)
    return root


def run(args: list[str], input: str | bytes | None = None):
    forget_plugin()
    # The project's own plugin: this newsroom allows it (as its CI would, with the variable).
    return CliRunner(env={"EDLINT_ALLOW_PLUGINS": "1"}).invoke(main, args, input=input, catch_exceptions=False)


def linter_for(root: str, **kwargs):
    """A Linter whose config is the project's .edlint.yaml."""
    from edlint.engine import Linter

    forget_plugin()
    kwargs.setdefault("allow_plugins", True)
    return Linter(config=os.path.join(str(root), ".edlint.yaml"), **kwargs)


def skip_when_pre_commit_could_not_install(returncode: int, output: str, tmp_path) -> None:
    """pre-commit builds a hook's environment from the package index: when a run failed
    for that reason (the index cannot be reached), skip with the reason instead of failing."""
    import subprocess

    import pytest

    if returncode in (0, 1) and "An unexpected error has occurred" not in output:
        return
    probe = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "download",
            "--no-deps",
            "--no-cache-dir",
            "--dest",
            str(tmp_path / "probe"),
            "pyyaml",
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    if probe.returncode != 0:
        pytest.skip(
            "the package index cannot be reached, so pre-commit cannot build the hook's "
            f"environment: {(probe.stderr.strip().splitlines() or ['?'])[-1]}"
        )
