"""Helpers for the site tests: copy a fixture site, run `edlint check` at its root."""

from __future__ import annotations

import json
import os
import shutil

from click.testing import CliRunner

from edlint import cli
from edlint.engine import Linter

SITES = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "sites")


def copy_site(name: str, dest) -> str:
    """A copy of ``tests/sites/NAME`` in ``dest`` (tests never write into the fixtures)."""
    target = os.path.join(str(dest), name)
    shutil.copytree(os.path.join(SITES, name), target, symlinks=True)
    return target


def checked(*paths: str, **linter_args) -> list[str]:
    """The files `edlint check PATHS` lints, as it would name them ('/' separators)."""
    found = Linter(**linter_args).discover(list(paths) or ["."])
    return sorted(p.replace(os.sep, "/").removeprefix("./") for p in found)


def run_check(*args: str):
    """`edlint check --no-cache --format json ARGS` -> (exit code, findings, stderr)."""
    runner = CliRunner()
    result = runner.invoke(cli.main, ["check", "--no-cache", "--format", "json", *args], catch_exceptions=False)
    out = result.stdout
    findings = json.loads(out)["findings"] if out.strip().startswith("{") else []
    return result.exit_code, findings, result.stderr


def rules_of(findings) -> list[tuple[str, str]]:
    return sorted((f["path"].removeprefix("./"), f["rule"]) for f in findings)
