"""The `edlint` command group: loads the command asked for (each lives in its own module
under `commands/`), runs it, and exits with its code."""

from __future__ import annotations

import os
import sys
from typing import Any

import click

from . import __version__

# Names other code imports from here (the baseline command, tests); they live in commands/.
from .commands.common import make_linter, report_context, usable_cpus  # noqa: F401


class LazyGroup(click.Group):
    """Commands that live in their own modules are imported only when run (fast start-up)."""

    lazy: dict[str, str] = {
        # name -> "module:attribute"; the module defines a click command.
        "check": "edlint.commands.check:check",
        "rules": "edlint.commands.rules:rules_cmd",
        "explain": "edlint.commands.explain:explain",
        "init": "edlint.commands.init:init",
        "test-rules": "edlint.commands.test_rules:test_rules",
        "baseline": "edlint.commands.baseline:baseline",
        "languagetool": "edlint.commands.languagetool:languagetool",
        "serve": "edlint.commands.serve:serve",
        "lsp": "edlint.commands.lsp:lsp",
    }

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(set(super().list_commands(ctx)) | set(self._available()))

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name in self.lazy and self._findable(name):
            import importlib

            module, attr = self.lazy[name].split(":")
            return getattr(importlib.import_module(module), attr)
        return super().get_command(ctx, name)

    def _available(self) -> list[str]:
        return [name for name in self.lazy if self._findable(name)]

    def _findable(self, name: str) -> bool:
        import importlib.util

        try:
            return importlib.util.find_spec(self.lazy[name].split(":")[0]) is not None
        except ModuleNotFoundError:
            return False


def run() -> None:
    """The `edlint` console script: main(), then exit without tearing the interpreter down.

    Freeing every module and object at exit costs a one-file run (a pre-commit hook) a few
    milliseconds for nothing: by then the report is written and flushed, the cache store
    replaced and closed, and worker processes joined."""
    code: Any = 0
    try:
        main()
    except SystemExit as exc:
        code = exc.code
    if isinstance(code, str):  # sys.exit("message"), as the interpreter would print it
        print(code, file=sys.stderr)
        code = 1
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except OSError:
        pass  # a closed pipe (`edlint check | head`): nothing more can be said
    os._exit(code if isinstance(code, int) else 0)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", "-V", prog_name="edlint", message="%(prog)s %(version)s")
def main() -> None:
    """edlint: an editorial metadata and style linter for news articles."""


if __name__ == "__main__":  # pragma: no cover
    main()
