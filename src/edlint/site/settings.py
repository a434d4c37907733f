"""`edlint check --show-settings`: what edlint decided about a site, and where from."""

from __future__ import annotations

import os
from typing import Any

import click


def show_settings(
    paths: tuple[str, ...],
    config_path: str | None = None,
    exclude: tuple[str, ...] = (),
    respect_gitignore: bool | None = None,
) -> int:
    from ..config import ConfigError
    from ..engine import Linter

    targets = list(paths) or ["."]
    missing = [p for p in targets if not os.path.exists(p)]
    if missing:
        click.echo(f"edlint: no such file or folder: {', '.join(missing)}", err=True)
        return 2
    try:
        linter = Linter(config=config_path, extra_exclude=exclude, respect_gitignore=respect_gitignore)
        shown: set[tuple[str, str]] = set()
        for target in targets:
            probe = os.path.join(target, "x.md") if os.path.isdir(target) else target
            config = linter.config_for(probe)
            site = linter.site_for(target, config)
            if (site.root, config.key()) not in shown:
                shown.add((site.root, config.key()))
                for line in describe(linter, config, site):
                    click.echo(line)
            if os.path.isdir(target):
                counts: dict[str, int] = {}
                for path in linter.discover([target]):
                    kind = file_kind(linter, path)
                    counts[kind] = counts.get(kind, 0) + 1
                summary = ", ".join(f"{n} {k}" for k, n in sorted(counts.items())) or "none"
                click.echo(f"files checked under {target}: {sum(counts.values())} ({summary})")
            else:
                excluded = linter.excluded(target, explicit=False)
                note = " (excluded when found in a folder, or with --force-exclude)" if excluded else ""
                click.echo(f"{target}: page kind {file_kind(linter, target)}{note}")
    except ConfigError as exc:
        click.echo(f"edlint: config error: {exc}", err=True)
        return 2
    for message in linter.messages:
        click.echo(f"edlint: {message}", err=True)
    return 0


def describe(linter: Any, config: Any, site: Any) -> list[str]:
    cfg_name = _short(config.path) if config.path else "none (defaults)"
    d = site.describe()
    lines = [f"site: {site.kind} at {_short(site.root)} ({site.detected_by})"]
    if config.site != "auto":
        lines[0] += f" [site: {config.site} in {cfg_name}]"
    if site.language and not (
        config.language_given and "-" not in site.language and config.language.lower().startswith(site.language + "-")
    ):
        lang = f"{site.language} (from {site.language_from}; front matter `lang` or <html lang> wins per file)"
    elif config.language_given:
        lang = f"{config.language} (from {cfg_name}: language)"
    else:
        lang = f"{config.language} (default: nothing declares it; variety-dependent fixes are unsafe)"
    lines.append(f"language: {lang}")
    lines.append(f"config: {cfg_name}")
    gen = f"{site.kind} layout"
    lines.append(f"content: {', '.join(d['content'])} ({gen})")
    if config.articles is not None:
        lines.append(f"articles: {', '.join(config.articles)} ({cfg_name}: articles)")
    else:
        lines.append(f"articles: {', '.join(d['articles'])} ({gen})")
    lines.append(f"lists: {', '.join(d['lists']) or '-'} ({gen}); front matter layout/type list, section, taxonomy ...")
    lines.append(f"authors: {', '.join(d['authors']) or '-'} ({gen}); front matter layout/type author")
    for kind, globs in config.page_kinds.items():
        lines.append(f"{kind} pages: {', '.join(globs)} ({cfg_name}: page_kinds)")
    lines.append(f"never content: {', '.join(d['never'])} ({gen})")
    from ..config import DEFAULT_EXCLUDE

    lines.append(f"always skipped: hidden folders, {', '.join(DEFAULT_EXCLUDE)}")
    if config.exclude:
        lines.append(f"exclude: {', '.join(config.exclude)} ({cfg_name}: exclude)")
    if linter.extra_exclude:
        lines.append(f"exclude: {', '.join(linter.extra_exclude)} (--exclude)")
    respect = linter._respects_gitignore(config)
    where = (
        "--no-respect-gitignore"
        if linter.respect_gitignore is False
        else f"{cfg_name}: respect_gitignore"
        if not config.respect_gitignore
        else "default"
    )
    lines.append(
        f"ignore files (.gitignore, .ignore, .git/info/exclude): {'respected' if respect else 'not read'} ({where})"
    )
    if site.config_files:
        lines.append("site config read: " + ", ".join(_short(f) for f in site.config_files))
    return lines


def file_kind(linter: Any, path: str) -> str:
    from ..parsers import ParseOptions, format_for, parse
    from ..reading import read_text
    from .pages import page_kind

    config = linter.config_for(path)
    site = linter.site_for(path, config)
    text, _problem, _skipped = read_text(path, config.max_file_size)
    fmt = format_for(path) or "text"
    from ..document import Document

    doc = parse(path, text, fmt, ParseOptions()) if text else Document(path=path, format=fmt, source="")
    return page_kind(path, doc, site, config)


def _short(path: str) -> str:
    rel = os.path.relpath(path)
    return rel if not rel.startswith("..") else path
