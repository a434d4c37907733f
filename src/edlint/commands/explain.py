"""`edlint explain RULE`: one rule's documentation, severity, status and options."""

from __future__ import annotations

import sys
from typing import Any

import click

from .common import _option_defaults, _registry, allow_plugins_option


@click.command("explain")
@click.argument("rule_id")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), default=None)
@allow_plugins_option
def explain(rule_id: str, config_path: str | None, allow_plugins: bool | None) -> None:
    """Print a rule's documentation."""
    from ..config import ConfigError, _did_you_mean

    try:
        reg = _registry(config_path, allow_plugins or None)
    except ConfigError as exc:
        click.echo(f"edlint: config error: {exc}", err=True)
        sys.exit(2)
    r = reg.get(rule_id)
    if r is None:
        click.echo(f"edlint: unknown rule {rule_id!r}{_did_you_mean(rule_id, reg.rules)}", err=True)
        sys.exit(2)
    from ..reporters import printable

    click.echo(printable(explain_text(r), lines=True))


def explain_text(r: Any) -> str:
    fix = {"never": "No fix", "sometimes": "Fix sometimes available", "always": "Fix always available"}[r.fix]
    head = [
        f"# {r.id} ({r.family})",
        "",
        r.summary,
        "",
        f"Default severity: {r.severity}. {fix}. Status: {r.status} (since {r.since}).",
    ]
    if r.needs_server:
        head.append("Off unless selected (extend_select), or a LanguageTool server is configured.")
    elif r.status == "preview":
        head.append("Preview rule: enable with --preview or `preview: true`.")
    if r.section is not None:
        opts = _option_defaults(r)
        if opts:
            head += ["", f"Options (config section `{r.section.name}:`, or `rules: {{{r.id}: ...}}`):"]
            head += [f"  {k}: {v!r}" for k, v in opts.items()]
    return "\n".join(head) + "\n\n" + r.doc.strip() + "\n"
