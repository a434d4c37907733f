"""`edlint serve`: the checking API a CMS calls and the desk page, for the site in the
current folder (or --root). Needs the `serve` extra; imported only when this command runs."""

from __future__ import annotations

import os
import sys

import click

_MISSING = 'edlint serve needs the serve extra: pip install "edlint[serve]"'


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind (0.0.0.0: every interface).")
@click.option("--port", default=8750, show_default=True, type=click.IntRange(0, 65535))
@click.option(
    "--root",
    type=click.Path(exists=True, file_okay=False),
    default=".",
    show_default=True,
    help="The site: its edlint config and archive; nothing outside it is read.",
)
@click.option("--max-body", default="2MiB", show_default=True, help="Largest request body (413 above it).")
@click.option(
    "--timeout",
    default=10.0,
    show_default=True,
    type=click.FloatRange(0.1, 600),
    help="Seconds per request (503 after).",
)
@click.option("--workers", default=4, show_default=True, type=click.IntRange(1, 64), help="Threads doing the checks.")
@click.option(
    "--processes",
    default=0,
    show_default=True,
    type=click.IntRange(0, 64),
    help="Run the checks in N worker processes (each with its own copy of the archive's facts) instead of threads.",
)
@click.option(
    "--cors-origin", "cors_origins", multiple=True, help="An origin allowed to call the API from a browser (repeat)."
)
@click.option("--allow-remote-images", is_flag=True, help="Let the page load https images a draft links to.")
@click.option(
    "--watch-interval",
    default=2.0,
    show_default=True,
    type=click.FloatRange(0, 3600),
    help="Seconds between looks for changed config or articles (0: only SIGHUP reloads).",
)
@click.option("--log-level", default="info", type=click.Choice(["critical", "error", "warning", "info", "debug"]))
def serve(
    host: str,
    port: int,
    root: str,
    max_body: str,
    timeout: float,
    workers: int,
    processes: int,
    cors_origins: tuple[str, ...],
    allow_remote_images: bool,
    watch_interval: float,
    log_level: str,
) -> None:
    """Serve the checking API and the desk page for the site here.

    Set EDLINT_SERVE_TOKEN to require `Authorization: Bearer <token>` on /v1 requests.
    SIGHUP reloads the configuration."""
    try:
        import nh3  # noqa: F401
        import starlette  # noqa: F401
        import uvicorn
    except ImportError:
        click.echo(f"edlint: {_MISSING}", err=True)
        sys.exit(2)
    from ..config import ConfigError
    from ..serve.settings import ServeSettings

    for origin in cors_origins:
        if origin == "*" or "://" not in origin:
            click.echo(
                f"edlint: --cors-origin takes an exact origin such as https://cms.example.org, not {origin!r}", err=True
            )
            sys.exit(2)
    try:
        body_limit = _size(max_body)
    except ValueError as exc:
        click.echo(f"edlint: --max-body: {exc}", err=True)
        sys.exit(2)
    token = os.environ.get("EDLINT_SERVE_TOKEN") or None
    settings = ServeSettings(
        root=root,
        token=token,
        max_body=body_limit,
        timeout=timeout,
        workers=workers,
        processes=processes,
        cors_origins=tuple(cors_origins),
        remote_images=allow_remote_images,
        watch_interval=watch_interval,
    )
    from ..serve.app import create_app

    try:
        app = create_app(settings)
    except ConfigError as exc:
        click.echo(f"edlint: config error: {exc}", err=True)
        sys.exit(2)
    if host not in ("127.0.0.1", "localhost", "::1") and not token:
        click.echo("edlint: warning: listening beyond this machine without EDLINT_SERVE_TOKEN", err=True)
    _reload_on_sighup(app.state.service)
    server = uvicorn.Server(uvicorn.Config(app, host=host, port=port, log_level=log_level, server_header=False))
    try:
        server.run()
    except SystemExit:  # uvicorn exits this way when it cannot bind (port in use ...)
        if server.started:
            raise
    if not server.started:
        click.echo(f"edlint: the server could not start on {host}:{port} (see above)", err=True)
        sys.exit(2)


def _reload_on_sighup(service) -> None:
    import signal
    import threading

    if not hasattr(signal, "SIGHUP"):
        return

    def handler(signum, frame) -> None:
        threading.Thread(target=service.reload, args=("SIGHUP",), name="edlint-serve-reload", daemon=True).start()

    signal.signal(signal.SIGHUP, handler)


def _size(text: str) -> int:
    import re

    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*(B|KB|KiB|MB|MiB|GB|GiB)?\s*", text, re.I)
    if not m:
        raise ValueError(f"not a size such as 2MiB: {text!r}")
    unit = (m.group(2) or "B").lower()
    factor = {"b": 1, "kb": 1000, "kib": 1024, "mb": 10**6, "mib": 1 << 20, "gb": 10**9, "gib": 1 << 30}[unit]
    return int(float(m.group(1)) * factor)
