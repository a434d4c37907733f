"""What is reported: the one place that decides.

1. Which rules run on a file: rule defaults, then the config's ``select``/``extend_select``/
   ``ignore``, then each matching ``overrides`` entry in the order written, then the CLI,
   then front matter ``edlint: {disable: [...]}``. Selectors are a rule id, a family (or pack)
   name, or ``all``. Within one layer a rule id beats its family, which beats ``all``; when a
   rule is selected and ignored equally specifically, ignore wins.
2. How severe a finding is (:func:`severity_of`, the only place): an engine error
   (``file-error``, ``internal-error``) is always an error; else a severity set in config
   ``severity:`` or a matching override (rule id beats family within one layer, a later
   layer beats an earlier one) wins; else the finding's own severity (a rule may lower one
   weak finding); else the rule's default.
3. Whether inline directives suppress it, and which directives suppressed nothing.
4. The exit code.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, NamedTuple

from .config import Config, Override
from .document import Span, Suppression
from .globs import matches_any
from .rules.base import Finding, Rule, Severity
from .validation import build_options

if TYPE_CHECKING:
    from collections.abc import Callable

    from .results import Diagnostic
    from .rules.registry import Registry

# Engine-emitted findings (registered as rules in rules/core.py).
FILE_ERROR = "file-error"
INTERNAL_ERROR = "internal-error"
UNUSED_SUPPRESSION = "unused-suppression"
ALWAYS_ON = frozenset({FILE_ERROR, INTERNAL_ERROR})


class Layer(NamedTuple):
    """One level of rule selection (config, override or command line)."""

    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()


@dataclasses.dataclass(frozen=True, slots=True)
class CliOverrides:
    """What the command line adds on top of config files (its repr is part of cache keys)."""

    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    preview: bool | None = None
    fail_on: str | None = None
    # --today: the date the run takes as today, for every section with a `today` option.
    today: str | None = None


class FileSettings(NamedTuple):
    """Everything the engine needs to lint one file."""

    rules: tuple[Rule, ...]
    severities: dict[str, Severity]  # rule id -> its default, or the configured severity
    configured_severities: dict[str, Severity]  # only the rules config/overrides set
    options: dict[str, Any]  # rule id -> options instance
    locked: frozenset[str]  # rules that may not be disabled inline/front matter
    inline_disable: bool
    language: str
    max_file_size: int
    shortcodes: dict[str, dict[str, str]]
    key: str  # identifies the settings (cache key part)


def _specificity(selector: str, rule: Rule) -> int:
    if selector == rule.id:
        return 3
    if selector == rule.family:
        return 2
    if selector == "all":
        return 1
    return 0


def _best(selectors: Iterable[str], rule: Rule) -> int:
    return max((_specificity(s, rule) for s in selectors), default=0)


def _default_on(rule: Rule, preview: bool, server_options: dict[str, Any] | None = None) -> bool:
    if not rule.default_enabled:
        return False
    if rule.needs_server:
        # On by default once the user configured a server for it (grammar + LanguageTool).
        check = rule.server_configured
        return bool(check and server_options is not None and check(server_options.get(rule.id)))
    return rule.status == "stable" or preview


def _included(selector_spec: int, rule: Rule, preview: bool) -> bool:
    """Does a selection at this specificity turn the rule on?"""
    if selector_spec == 3:  # named explicitly: even preview and server rules
        return True
    if rule.needs_server and selector_spec < 2:  # `all` never starts a server check
        return False
    return rule.status == "stable" or preview


def select_rules(
    rules: Iterable[Rule], layers: Iterable[Layer], preview: bool, server_options: dict[str, Any] | None = None
) -> list[Rule]:
    rules = list(rules)
    layers = list(layers)
    enabled = {r.id: _default_on(r, preview, server_options) for r in rules}
    for layer in layers:
        for r in rules:
            if layer.select is not None:
                sel = max(_best(layer.select, r), _best(layer.extend_select, r))
                ign = _best(layer.ignore, r)
                enabled[r.id] = bool(sel) and sel > ign and _included(sel, r, preview)
            else:
                sel = _best(layer.extend_select, r)
                ign = _best(layer.ignore, r)
                if sel and sel > ign:
                    enabled[r.id] = _included(sel, r, preview) or enabled[r.id]
                elif ign:
                    enabled[r.id] = False
    return [r for r in rules if enabled[r.id] or r.id in ALWAYS_ON]


def resolve(config: Config, relpath: str, registry: Registry, cli: CliOverrides) -> FileSettings:
    """Settings for one file (``relpath`` is relative to the config's folder)."""
    overrides: list[Override] = [o for o in config.overrides if matches_any(relpath, o.files)]
    preview = config.preview if cli.preview is None else cli.preview
    layers = [Layer(config.select, config.extend_select, config.ignore)]
    layers += [Layer(o.select, o.extend_select, o.ignore) for o in overrides]
    layers.append(Layer(cli.select, cli.extend_select, cli.ignore))
    all_rules = registry.sorted_rules()

    def options_for(r: Rule) -> Any:
        if r.section is None:
            return None
        names = (*r.section.merges, r.section.name)
        value_layers = [config.sections.get(n, {}) for n in names] + [config.rules.get(r.id, {})]
        for o in overrides:
            value_layers += [o.sections.get(n, {}) for n in names] + [o.rules.get(r.id, {})]
        if cli.today and "today" in {f.name for f in dataclasses.fields(r.section.options)}:
            value_layers.append({"today": cli.today})
        return build_options(r.section.options, *value_layers)

    server_options = {r.id: options_for(r) for r in all_rules if r.needs_server}
    enabled = select_rules(all_rules, layers, preview, server_options)

    severity_layers = [config.severity] + [o.severity for o in overrides]
    severities: dict[str, Severity] = {}
    configured: dict[str, Severity] = {}
    options: dict[str, Any] = {}
    for r in all_rules:
        for layer in severity_layers:
            chosen = layer.get(r.id) or layer.get(r.family)
            if chosen:
                configured[r.id] = Severity.parse(chosen)
        severities[r.id] = configured.get(r.id, r.severity)
    for r in enabled:
        options[r.id] = server_options[r.id] if r.id in server_options else options_for(r)
    allow = config.allow_inline_disable
    locked: frozenset[str]
    if allow is True:
        locked, inline = frozenset(), True
    elif allow is False:
        locked, inline = frozenset(r.id for r in all_rules), False
    else:
        locked = frozenset(r.id for r in all_rules if _best(allow, r))
        inline = True
    key = f"{config.key()}|{','.join(str(config.overrides.index(o)) for o in overrides)}|{cli}"
    # Image tags may also be configured in the images section (images: {shortcodes: ...}).
    shortcodes = dict(config.shortcodes)
    for images in [config.sections.get("images")] + [o.sections.get("images") for o in overrides]:
        shortcodes.update((images or {}).get("shortcodes") or {})
    return FileSettings(
        rules=tuple(enabled),
        severities=severities,
        configured_severities=configured,
        options=options,
        locked=locked,
        inline_disable=inline,
        language=config.language,
        max_file_size=config.max_file_size,
        shortcodes=shortcodes,
        key=key,
    )


def severity_of(rule_id: str, own: Severity | None, settings: FileSettings) -> Severity:
    """The final severity of one finding of ``rule_id`` whose rule suggested ``own``.

    An explicit setting beats the rule's per-finding choice, whatever the rule's default
    is: ``severity: {image-credit: warning}`` turns an ``info`` finding into a warning.
    """
    if rule_id in ALWAYS_ON:
        return Severity.ERROR
    configured = settings.configured_severities.get(rule_id)
    if configured is not None:
        return configured
    if own is not None:
        return own
    return settings.severities.get(rule_id, Severity.WARNING)


def frontmatter_disabled(metadata_value: Any) -> frozenset[str]:
    """Rule ids/families named in front matter ``edlint: {disable: [...]}``."""
    if not isinstance(metadata_value, dict):
        return frozenset()
    disable = metadata_value.get("disable")
    if isinstance(disable, str):
        disable = [disable]
    if not isinstance(disable, list):
        return frozenset()
    return frozenset(str(d) for d in disable)


def disabled_by_frontmatter(rule: Rule, names: frozenset[str], settings: FileSettings) -> bool:
    if not names or rule.id in settings.locked or rule.id in ALWAYS_ON:
        return False
    return rule.id in names or rule.family in names or "all" in names


def apply_suppressions(
    findings: list[tuple[str, Finding]],
    suppressions: list[Suppression],
    line_of: Callable[[int], int],
    settings: FileSettings,
    rule_families: dict[str, str],
) -> list[tuple[str, Finding]]:
    """Drop suppressed findings (``(rule id, finding)`` pairs); report directives that
    suppressed nothing."""
    if not suppressions:
        return findings
    used = [False] * len(suppressions)
    kept: list[tuple[str, Finding]] = []
    for rule_id, f in findings:
        if rule_id in ALWAYS_ON or rule_id in settings.locked or not settings.inline_disable:
            kept.append((rule_id, f))
            continue
        line0 = line_of(f.span.start)
        family = rule_families.get(rule_id, "")
        hit = False
        for i, s in enumerate(suppressions):
            if s.first_line <= line0 <= s.last_line and (not s.rules or rule_id in s.rules or family in s.rules):
                used[i] = True
                hit = True
        if not hit:
            kept.append((rule_id, f))
    for i, s in enumerate(suppressions):
        if used[i]:
            continue
        names = ", ".join(sorted(s.rules)) or "all rules"
        locked = sorted(r for r in s.rules if r in settings.locked)
        if not settings.inline_disable:
            msg = "Inline disabling is not allowed by this project's config (allow_inline_disable: false)"
        elif locked:
            msg = f"{', '.join(locked)} may not be disabled inline (allow_inline_disable)"
        else:
            msg = f"Suppression of {names} suppresses nothing; remove it"
        kept.append((UNUSED_SUPPRESSION, Finding(Span(s.span.start, s.span.end), msg)))
    return kept


def exit_code(findings: Iterable[Diagnostic], fail_on: Severity, internal_error: bool) -> int:
    """0: nothing at or above fail_on; 1: findings; 2: usage, config or internal error.

    A file nobody could check (file-error) always fails the run, whatever fail_on says.
    """
    if internal_error:
        return 2
    for f in findings:
        if f.rule == FILE_ERROR:
            return 1
        if f.severity is not None and f.severity >= fail_on:
            return 1
    return 0


def relpath_for(path: str, root: str) -> str:
    try:
        rel = os.path.relpath(os.path.abspath(path), root)
    except ValueError:  # another drive on Windows
        return path
    return rel.replace(os.sep, "/")
