"""`edlint lsp`: the language server, for editors (stdio, or `--tcp PORT`)."""

from __future__ import annotations

import os
import sys

import click

INSTALL_HINT = 'edlint lsp needs the "lsp" extra: pip install "edlint[lsp]"'


@click.command("lsp")
@click.option(
    "--tcp",
    "tcp_port",
    type=click.IntRange(1, 65535),
    default=None,
    help="Listen on this TCP port (127.0.0.1) instead of stdio.",
)
@click.option("--host", default="127.0.0.1", show_default=True, help="The address --tcp listens on.")
def lsp(tcp_port: int | None, host: str) -> None:
    """Run the language server: findings as you type, fixes as code actions."""
    try:
        # pygls and lsprotocol are an extra: only this command imports them.
        from ..lsp.server import serve
    except ImportError as exc:
        click.echo(f"edlint: {INSTALL_HINT} ({exc})", err=True)
        sys.exit(2)
    code = serve(tcp_port=tcp_port, host=host)
    # The server has closed stdout: leave without the console script's final flush of it.
    sys.stderr.flush()
    os._exit(code)
