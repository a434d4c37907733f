"""Build hook: compile the shipped rule packs into ``src/edlint/_shipped_packs.pickle`` when
edlint is built or installed (``pip install .``, ``pip install -e .``, ``python -m build``),
so a run unpickles them instead of rebuilding them from YAML (see
``edlint/rules/declarative/compiled.py``). A failure here never fails the build: without
the file edlint loads the packs from YAML, only slower."""

from __future__ import annotations

import os
import subprocess
import sys

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

TARGET = os.path.join("src", "edlint", "_shipped_packs.pickle")


class CompilePacks(BuildHookInterface):
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict) -> None:
        out = os.path.join(self.root, TARGET)
        env = dict(os.environ, PYTHONPATH=os.path.join(self.root, "src"))
        proc = subprocess.run(
            [sys.executable, "-m", "edlint.rules.declarative.compile_packs", out],
            cwd=self.root,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        if proc.returncode != 0 or not os.path.isfile(out):
            print(f"edlint: shipped packs not compiled (loaded from YAML at run time): {proc.stderr.strip()[-500:]}")
            return
        if version != "editable":
            # The file is ignored by git (a build product): name it so the wheel carries it.
            build_data["force_include"][out] = "edlint/_shipped_packs.pickle"
