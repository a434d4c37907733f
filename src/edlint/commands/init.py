"""`edlint init`: write a .edlint.yaml for the site here, with every family's options
(and their defaults) commented out below the measured settings."""

from __future__ import annotations

import sys
from typing import Any

import click

from .common import _option_defaults, _registry


@click.command("init")
@click.option("--force", is_flag=True, help="Overwrite an existing .edlint.yaml.")
def init(force: bool) -> None:
    """Write a .edlint.yaml for the site in the current folder (generator, language variety,
    authors registry, and settings measured from its articles)."""
    from ..config import ConfigError
    from ..site.init import write_config

    try:
        sys.exit(write_config(".edlint.yaml", force, appendix=_section_defaults()))
    except ConfigError as exc:
        click.echo(f"edlint: config error: {exc}", err=True)
        sys.exit(2)


def _section_defaults() -> str:
    """Each family's options with their defaults, commented out."""
    reg = _registry()
    out = []
    for name, sec in sorted(reg.sections.items()):
        rules = [r for r in reg.sorted_rules() if r.section is sec]
        if not rules:
            continue
        out.append(f"\n# {sec.doc or name}\n# {name}:")
        for k, v in _option_defaults(rules[0]).items():
            if isinstance(v, dict) and v and all(isinstance(x, dict) for x in v.values()):
                # A mapping of mappings (a schema): one line per entry, readable.
                out.append(f"#   {k}:")
                out += [f"#     {name}: {_yaml_value(spec)}" for name, spec in v.items()]
            else:
                out.append(f"#   {k}: {_yaml_value(v)}")
    return "\n".join(out) + "\n"


def _yaml_value(v: Any) -> str:
    from ..yaml_loader import yaml

    text = yaml.safe_dump(v, default_flow_style=True, sort_keys=False, allow_unicode=True, width=10**6)
    return text.strip().removesuffix("...").strip()
