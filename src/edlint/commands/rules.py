"""`edlint rules`: every rule known here (built-in, plugins, packs), as a table or JSON."""

from __future__ import annotations

import sys
from typing import Any

import click

from .common import _option_defaults, _registry, allow_plugins_option


@click.command("rules")
@click.option("--format", "fmt", type=click.Choice(("text", "json")), default="text", show_default=True)
@click.option("--config", "config_path", type=click.Path(dir_okay=False), default=None)
@allow_plugins_option
def rules_cmd(fmt: str, config_path: str | None, allow_plugins: bool | None) -> None:
    """List every rule: id, family, default severity, status and summary."""
    from ..config import ConfigError

    try:
        reg = _registry(config_path, allow_plugins or None)
    except ConfigError as exc:
        click.echo(f"edlint: config error: {exc}", err=True)
        sys.exit(2)
    from ..reporters import printable

    rules = reg.sorted_rules()
    if fmt == "json":
        import json

        click.echo(json.dumps([_rule_json(r) for r in rules], indent=2))
        return
    width = max(len(r.id) for r in rules)
    fam = max(len(r.family) for r in rules)
    for r in rules:
        state = (
            "on"
            if r.enabled_by_default or r.id in ("file-error", "internal-error")
            else ("server" if r.needs_server else "preview" if r.status == "preview" else "off")
        )
        # Packs in the tree name and describe rules: shown escaped, like every report.
        click.echo(printable(f"{r.id:<{width}}  {r.family:<{fam}}  {r.severity!s:<7}  {state:<7}  {r.summary}"))


def _rule_json(r: Any) -> dict[str, Any]:
    return {
        "id": r.id,
        "family": r.family,
        "summary": r.summary,
        "severity": str(r.severity),
        "status": r.status,
        "since": r.since,
        "fix": r.fix,
        "enabled_by_default": r.enabled_by_default,
        "origin": r.origin,
        "options": _option_defaults(r),
        "doc": r.doc,
    }
