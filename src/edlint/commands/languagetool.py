"""`edlint languagetool install|status`: the only place edlint ever downloads LanguageTool."""

from __future__ import annotations

import json
import os
import sys
import urllib.request

import click


@click.group()
def languagetool() -> None:
    """Manage the LanguageTool server used by the grammar rule."""


@languagetool.command()
@click.option("--version", "lt_version", default=None, help="LanguageTool version (default: language-tool-python's).")
def install(lt_version: str | None) -> None:
    """Download LanguageTool into LTP_PATH (needs network access and Java 17+).

    Afterwards `languagetool: {local: true}` in .edlint.yaml starts it for each run.
    """
    try:
        from language_tool_python.download_lt import (
            LTP_DOWNLOAD_VERSION,
            LocalLanguageTool,
        )
        from language_tool_python.utils import get_language_tool_download_path
    except Exception as exc:  # noqa: BLE001
        click.echo(f"edlint: language-tool-python is not usable: {exc}", err=True)
        sys.exit(2)
    version = lt_version or LTP_DOWNLOAD_VERSION
    target = get_language_tool_download_path()
    click.echo(f"Downloading LanguageTool {version} into {target} ...")
    try:
        tool = LocalLanguageTool.from_version_name(version)
        if tool in LocalLanguageTool.get_installed_versions():
            click.echo("Already installed.")
            return
        tool.download()
    except Exception as exc:  # noqa: BLE001 - no network, no Java, a bad archive ...
        click.echo(f"edlint: download failed: {type(exc).__name__}: {exc}", err=True)
        sys.exit(2)
    click.echo("Installed. Set `languagetool: {local: true}` in .edlint.yaml to use it.")


@languagetool.command()
@click.option("--url", default=None, help="Server to ask (default: EDLINT_LANGUAGETOOL_URL).")
def status(url: str | None) -> None:
    """Say whether a LanguageTool server answers, and which languages it offers."""
    from ..rules.grammar import ENV_URL

    url = url or os.environ.get(ENV_URL)
    if not url:
        click.echo("No server: pass --url or set EDLINT_LANGUAGETOOL_URL.", err=True)
        sys.exit(2)
    endpoint = url.rstrip("/").removesuffix("/v2").removesuffix("/v2/check") + "/v2/languages"
    try:
        with urllib.request.urlopen(endpoint, timeout=10) as response:
            languages = json.loads(response.read().decode("utf-8"))
    except Exception as exc:  # noqa: BLE001
        click.echo(f"LanguageTool at {url} unreachable: {exc}", err=True)
        sys.exit(2)
    codes = sorted({lang.get("longCode", "") for lang in languages if isinstance(lang, dict)})
    click.echo(f"LanguageTool at {url} answers; {len(codes)} languages: {', '.join(codes[:20])}")
