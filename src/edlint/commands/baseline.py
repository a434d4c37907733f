"""`edlint baseline write FILE [PATHS]`: record today's findings so that
`edlint check --baseline FILE` reports only new ones (adoption on an existing archive)."""

from __future__ import annotations

import os
import sys

import click

from .common import config_option, selection_options


@click.group()
def baseline() -> None:
    """Record current findings so that `check --baseline FILE` reports only new ones."""


@baseline.command("write")
@click.argument("file", type=click.Path(dir_okay=False))
@click.argument("paths", nargs=-1, type=click.Path())
@selection_options
@config_option
@click.option("--exclude", multiple=True, help="Extra globs to exclude.")
def write(
    file: str,
    paths: tuple[str, ...],
    select: tuple[str, ...],
    extend_select: tuple[str, ...],
    ignore: tuple[str, ...],
    preview: bool | None,
    config_path: str | None,
    exclude: tuple[str, ...],
) -> None:
    """Lint PATHS (default: the current folder) and write every finding to FILE.

    Entries are keyed by rule, path and a fingerprint of the finding's block text, not by
    line, so they keep matching when text is added elsewhere in an article. Commit FILE;
    rewrite it when old findings are fixed (check reports how many entries went stale).
    """
    from ..baseline import write as write_baseline
    from ..config import ConfigError
    from .common import make_linter

    missing = [p for p in paths if not os.path.exists(p)]
    if missing:
        raise click.UsageError(f"no such file or folder: {', '.join(missing)}")
    try:
        linter = make_linter(config_path, select, extend_select, ignore, preview, None, exclude, False)
        result = linter.run(list(paths) or ["."])
    except ConfigError as exc:
        click.echo(f"edlint: config error: {exc}", err=True)
        sys.exit(2)
    for message in result.messages:
        click.echo(f"edlint: {message}", err=True)
    if result.internal_error:
        click.echo("edlint: internal errors are never recorded in a baseline; they will still be reported", err=True)
    try:
        n = write_baseline(result.findings, file)
    except OSError as exc:
        click.echo(f"edlint: cannot write {file}: {exc.strerror or exc}", err=True)
        sys.exit(2)
    click.echo(
        f"Wrote {n} finding{'' if n == 1 else 's'} from {result.files} file{'' if result.files == 1 else 's'} to {file}"
    )
