"""What several commands share: the Linter built from the selection flags, the rule
registry, the cache location, the reporters' context and writing the report."""

from __future__ import annotations

import os
import sys
from typing import Any

import click

_STDERR = "<stderr>"  # _emit target: the report goes to stderr (stdin --fix prints the text on stdout)


def _split(values: tuple[str, ...]) -> tuple[str, ...]:
    out: list[str] = []
    for v in values:
        out.extend(x.strip() for x in v.split(",") if x.strip())
    return tuple(out)


def usable_cpus() -> int:
    """The CPUs this process may run on (a container or `taskset` may allow fewer than the
    machine has): the default number of worker processes."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):  # not on Linux
        return os.cpu_count() or 1


def _open_cache(cache_dir: str | None, config_path: str | None, notes: list[str] | None = None) -> Any:
    """The cache: ``--cache-dir``, else ``.edlint_cache`` beside the config that applies to
    the working folder (or in it, when there is none). None (with a note) when the folder is
    a symlink out of the project."""
    from ..cache import Cache, refusal

    base = os.getcwd()
    if cache_dir is None:
        from ..config import find_config_file

        found = config_path or find_config_file(os.getcwd())
        base = os.path.dirname(os.path.abspath(found)) if found else os.getcwd()
        cache_dir = os.path.join(base, ".edlint_cache")
    refused = refusal(cache_dir, base)
    if refused is not None:
        if notes is not None:
            notes.append(refused)
        return None
    return Cache(cache_dir)


def make_linter(
    config_path: str | None,
    select: tuple[str, ...],
    extend_select: tuple[str, ...],
    ignore: tuple[str, ...],
    preview: bool | None,
    fail_on: str | None,
    exclude: tuple[str, ...],
    force_exclude: bool,
    today: str | None = None,
    respect_gitignore: bool | None = None,
    allow_plugins: bool | None = None,
) -> Any:
    """The Linter for the selection flags shared by `check` and `baseline write`."""
    from ..engine import Linter
    from ..policy import CliOverrides

    cli = CliOverrides(
        select=_split(select) or None,
        extend_select=_split(extend_select),
        ignore=_split(ignore),
        preview=preview,
        fail_on=fail_on,
        today=today,
    )
    linter = Linter(
        config=config_path,
        cli=cli,
        force_exclude=force_exclude,
        extra_exclude=_split(exclude),
        respect_gitignore=respect_gitignore,
        allow_plugins=allow_plugins,
    )
    _check_selectors(linter, cli, config_path)
    return linter


def _check_selectors(linter: Any, cli: Any, config_path: str | None) -> None:
    """Unknown rule ids on the command line are usage errors, with a suggestion."""
    from ..config import ConfigError, _did_you_mean

    cfg = linter.fixed_config or linter.config_for(os.path.join(os.getcwd(), "x.md"))
    reg = linter.registry_of(cfg)
    names = set(reg.rules) | set(reg.families) | {"all"}
    for flag, values in (
        ("--select", cli.select or ()),
        ("--extend-select", cli.extend_select),
        ("--ignore", cli.ignore),
    ):
        for v in values:
            if v not in names:
                raise ConfigError(f"{flag}: unknown rule or family {v!r}{_did_you_mean(v, names)}")


def _registry(config_path: str | None = None, allow_plugins: bool | None = None) -> Any:
    from ..engine import Linter

    linter = Linter(config=config_path, allow_plugins=allow_plugins)
    cfg = linter.fixed_config or linter.config_for(os.path.join(os.getcwd(), "x.md"))
    reg = linter.registry_of(cfg)
    for message in linter.messages:  # plugins skipped or failed: on stderr, never in the listing
        click.echo(f"edlint: {message}", err=True)
    return reg


def _option_defaults(r: Any) -> dict[str, Any]:
    if r.section is None:
        return {}
    import dataclasses

    out = {}
    for f in dataclasses.fields(r.section.options):
        default = (
            f.default
            if f.default is not dataclasses.MISSING
            else (f.default_factory() if f.default_factory is not dataclasses.MISSING else None)
        )  # type: ignore[misc]
        out[f.name] = list(default) if isinstance(default, (tuple, frozenset)) else default
    return out


def report_context(linter: Any, files: list[str], **extra: Any) -> dict[str, Any]:
    """What reporters may use besides the findings: the files linted, the rules checked on
    each, and the rules' metadata (docs for SARIF, JUnit and HTML)."""
    rules: dict[str, Any] = {}
    rules_by_file: dict[str, tuple[str, ...]] = {}
    max_sizes: dict[str, int] = {}  # the HTML report reads articles with the lint's limit
    if extra.get("fmt") in ("sarif", "html", "junit"):
        cfg = linter.fixed_config or linter.config_for(os.path.join(os.getcwd(), "x.md"))
        rules.update(linter.registry_of(cfg).rules)
        for path in files:
            settings = linter.settings_for(path, linter.config_for(path))
            max_sizes[path] = settings.max_file_size
            for rule in settings.rules:
                rules.setdefault(rule.id, rule)
            rules_by_file[path] = tuple(
                rule.id for rule in settings.rules if rule.check is not None or rule.facts is not None
            )
    roots = getattr(linter, "read_roots", None)
    return {
        "registry": rules,
        "files": files,
        "rules_by_file": rules_by_file,
        "read_roots": roots,
        "max_file_sizes": max_sizes,
        **extra,
    }


def _emit(text: str, output: str | None) -> None:
    if output is None:
        click.echo(text, nl=False)
    elif output == _STDERR:
        click.echo(text, nl=False, err=True)
    else:
        from ..fileio import open_output

        try:
            with open_output(output) as fh:  # never through a symlink planted in the tree
                fh.write(text)
        except OSError as exc:
            from ..reporters import printable

            click.echo(f"edlint: cannot write {printable(output)}: {exc.strerror or exc}", err=True)
            sys.exit(2)


# `check`, `rules` and `explain` all read configs that may name plugins.
allow_plugins_option = click.option(
    "--allow-plugins",
    is_flag=True,
    default=None,
    help="Import the local plugins named in config files (they are code; off by default).",
)


def selection_options(fn: Any) -> Any:
    """The options that choose rules and files, as `check` and `baseline write` take them."""
    for option in reversed(
        (
            click.option("--select", multiple=True, help="Only these rules or families (comma-separated)."),
            click.option("--extend-select", multiple=True, help="Add these rules or families to the selection."),
            click.option("--ignore", multiple=True, help="Skip these rules or families (comma-separated)."),
            click.option("--preview/--no-preview", default=None, help="Enable rules still in preview."),
        )
    ):
        fn = option(fn)
    return fn


config_option = click.option(
    "--config",
    "config_path",
    type=click.Path(dir_okay=False),
    default=None,
    help="Use this config file instead of discovering .edlint.yaml.",
)
