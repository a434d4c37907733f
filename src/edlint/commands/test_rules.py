"""``edlint test-rules PACK...``: load rule packs and run their examples as tests.

Every ``bad`` example must be reported by its rule and no ``good`` example may be. A pack
is a path to a YAML file, or the name of a pack shipped with edlint (``newsroom-basics``).
Exit 0 when every example passes, 1 when one fails, 2 when a pack cannot be loaded (the
message names the pack's file and line).
"""

from __future__ import annotations

import os
import sys

import click


@click.command("test-rules")
@click.argument("packs", nargs=-1, required=True)
@click.option("--rule", "only", multiple=True, help="Only these rule ids (repeatable).")
@click.option("-v", "--verbose", is_flag=True, help="Show every example, not only failures.")
def test_rules(packs: tuple[str, ...], only: tuple[str, ...], verbose: bool) -> None:
    """Run the examples of rule packs as tests (bad ones must be reported, good ones not)."""
    from ..config import ConfigError
    from ..rules.declarative.packs import (
        add_packs,
        load_pack,
        shipped_packs,
    )
    from ..rules.registry import build_registry
    from ..testing import run_examples

    try:
        loaded = [load_pack(_pack_path(p)) for p in packs]
        # Check ids as a real run would: against the built-in rules and the shipped packs.
        registry = build_registry(entry_points=False, shipped_packs=False)
        given = {os.path.realpath(p.path) for p in loaded}
        others = [p for p in shipped_packs() if os.path.realpath(p.path) not in given]
        add_packs(registry, others + loaded)
    except ConfigError as exc:
        click.echo(f"edlint: config error: {exc}", err=True)
        sys.exit(2)

    failures = examples = rules_run = 0
    unknown = set(only) - {r.id for p in loaded for r in p.rules}
    if unknown:
        click.echo(f"edlint: no rule {', '.join(sorted(unknown))} in the packs given", err=True)
        sys.exit(2)
    for pack in loaded:
        click.echo(f"{pack.path} ({pack.name})")
        width = max(len(r.id) for r in pack.rules)
        for rule in pack.rules:
            if only and rule.id not in only:
                continue
            rules_run += 1
            results = run_examples([rule])
            failed = [r for r in results if not r.ok]
            counted = [r for r in results if r.kind in ("bad", "good")]
            examples += len(counted)
            failures += len(failed)
            bad = sum(1 for r in counted if r.kind == "bad")
            good = len(counted) - bad
            mark = click.style("ok  ", fg="green") if not failed else click.style("FAIL", fg="red", bold=True)
            click.echo(f"  {mark}  {rule.id:<{width}}  {bad} bad, {good} good")
            for r in results:
                if r.ok and not verbose:
                    continue
                if r.kind == "missing":
                    click.echo(f"        {r.detail}")
                    continue
                what = (
                    "bad example {n} was not reported" if r.kind == "bad" else "good example {n} was reported: {d}"
                ).format(n=r.index + 1, d=r.detail)
                if r.ok:
                    what = f"{r.kind} example {r.index + 1}: {r.detail if r.kind == 'bad' else 'not reported'}"
                click.echo(f"        {what}")
                for line in r.text.rstrip("\n").split("\n"):
                    click.echo(f"        | {line}")
    summary = f"{_n(rules_run, 'rule')}, {_n(examples, 'example')}, {_n(failures, 'failure')}"
    click.echo(summary)
    sys.exit(1 if failures else 0)


def _n(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def _pack_path(spec: str) -> str:
    """A path as given, or the name of a shipped pack."""
    if os.path.exists(spec):
        return spec
    from ..rules.declarative.packs import shipped_pack_paths

    for path in shipped_pack_paths():
        if os.path.splitext(os.path.basename(path))[0] == spec:
            return path
    return spec  # load_pack reports that it cannot be read
