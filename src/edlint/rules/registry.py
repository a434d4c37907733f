"""Rule discovery: built-in family modules, the ``edlint.rules`` entry points, and
``plugins:`` named in config all produce the same :class:`Rule` objects.

Built-ins: each family module or package of ``edlint.rules`` lists its rules in a ``RULES``
tuple; the registry walks the package (pkgutil) and collects those tuples. A rule function
that no ``RULES`` lists is not registered, and tests/rules/test_registration.py fails naming the
tuple to add it to. The engine knows no rule by name.
"""

from __future__ import annotations

import importlib
import os
from dataclasses import dataclass, field, replace
from typing import Any

from . import base
from .base import Rule, Section, SiteLoader, rules_of_module, valid_rule_id

# Modules of this package that hold machinery, not rules (packs are added separately).
_NOT_FAMILIES = frozenset({"base", "registry", "declarative"})


class RegistryError(Exception):
    """A rule that cannot be registered (bad id, duplicate id, plugin import failure)."""


@dataclass
class Registry:
    """All rules known to a run: built-ins, plugins and packs, with their sections and loaders."""

    rules: dict[str, Rule] = field(default_factory=dict)
    sections: dict[str, Section] = field(default_factory=dict)
    loaders: list[SiteLoader] = field(default_factory=list)
    families: set[str] = field(default_factory=set)
    errors: list[str] = field(default_factory=list)  # plugins that failed to load
    failed_plugins: list[str] = field(default_factory=list)  # config plugins among them

    def add(self, rule: Rule) -> None:
        if not valid_rule_id(rule.id):
            raise RegistryError(f"rule id {rule.id!r} ({rule.origin}) is not kebab-case")
        if rule.id in self.rules:
            other = self.rules[rule.id]
            raise RegistryError(
                f"rule id {rule.id!r} is defined twice ({other.origin} and {rule.origin})"
            )
        self.rules[rule.id] = rule
        self.families.add(rule.family)
        if rule.section is not None:
            self.sections.setdefault(rule.section.name, rule.section)

    def get(self, rule_id: str) -> Rule | None:
        return self.rules.get(rule_id)

    def sorted_rules(self) -> list[Rule]:
        return sorted(self.rules.values(), key=lambda r: (r.family, r.id))


def _with_origin(rules: list[Rule], origin: str) -> list[Rule]:
    return [replace(r, origin=origin) for r in rules]


_BUILTIN_CACHE: list[Rule] | None = None


def family_modules() -> list[str]:
    """The names of the rule family modules and packages of ``edlint.rules``, sorted."""
    import pkgutil

    from .. import rules as pkg

    return sorted(
        f"{pkg.__name__}.{m.name}"
        for m in pkgutil.iter_modules(pkg.__path__)
        if not m.name.startswith("_") and m.name not in _NOT_FAMILIES
    )


def _builtin_rules() -> list[Rule]:
    global _BUILTIN_CACHE
    if _BUILTIN_CACHE is None:
        found: list[Rule] = []
        for name in family_modules():
            found += rules_of_module(importlib.import_module(name))
        _BUILTIN_CACHE = found
    return _BUILTIN_CACHE


_ENTRY_POINT_CACHE: list[tuple[str, list[Rule]]] | None = None
ENTRY_POINT_GROUP = "edlint.rules"


def _may_have_entry_points(group: str) -> bool:
    """False only when no installed distribution on ``sys.path`` can declare ``group``.

    ``importlib.metadata`` costs about 20 ms to import (email, zipfile, csv) and parses every
    distribution's metadata; almost no environment has an edlint plugin. So the
    ``entry_points.txt`` files on the path are read first, as bytes, for the group's name;
    only when one names it, or when the path holds anything other than plain folders (zip
    files, custom finders), does the exact lookup run.
    """
    import sys
    from importlib.machinery import PathFinder

    # Distributions are found by the meta-path finders that define find_distributions; the
    # standard PathFinder reads the folders and zip files of sys.path, which the scan below
    # covers. Any other such finder could hold distributions we cannot list.
    if any(hasattr(f, "find_distributions") and f is not PathFinder for f in sys.meta_path):
        return True
    wanted = group.encode()
    for entry in sys.path:
        folder = entry or "."
        try:
            names = os.listdir(folder)
        except NotADirectoryError:
            return True  # a zip file on the path: let importlib.metadata look inside
        except OSError:
            continue
        for name in names:
            if not name.endswith((".dist-info", ".egg-info")):
                continue
            try:
                with open(os.path.join(folder, name, "entry_points.txt"), "rb") as fh:
                    if wanted in fh.read():
                        return True
            except OSError:
                continue
    return False




def _entry_point_rules() -> list[tuple[str, list[Rule] | Exception]]:
    """Rules from installed packages that declare the ``edlint.rules`` entry point group."""
    global _ENTRY_POINT_CACHE
    if _ENTRY_POINT_CACHE is None:
        found: list = []
        if not _may_have_entry_points(ENTRY_POINT_GROUP):
            _ENTRY_POINT_CACHE = found
            return found
        from importlib.metadata import entry_points

        for ep in entry_points(group=ENTRY_POINT_GROUP):
            try:
                loaded = ep.load()
                found.append((ep.name, _with_origin(_plugin_rules(loaded), f"plugin:{ep.name}")))
            except (Exception, SystemExit) as exc:  # noqa: BLE001 - a broken plugin is reported, not fatal
                found.append((ep.name, exc))
        _ENTRY_POINT_CACHE = found
    return _ENTRY_POINT_CACHE


_LOCAL_PLUGINS: dict[str, list[Rule]] = {}


def _import_local_plugin(spec: str, base_dir: str) -> list[Rule]:
    """A plugin named in config: a module name, or a path to a .py file (relative to config).

    Imported once per process; its rules are remembered, so every registry built later in
    the same process (a second Linter, a CMS save hook) gets them again."""
    import hashlib
    import importlib.util
    import sys

    if spec.endswith(".py"):
        path = os.path.abspath(spec if os.path.isabs(spec) else os.path.join(base_dir, spec))
        cached = _LOCAL_PLUGINS.get(path)
        if cached is not None:
            return cached
        stem = os.path.splitext(os.path.basename(path))[0].replace("-", "_")
        # Two plugins with the same file name in different folders must not collide.
        name = f"edlint_local_{stem}_{hashlib.blake2b(path.encode(), digest_size=4).hexdigest()}"
        loader_spec = importlib.util.spec_from_file_location(name, path)
        if loader_spec is None or loader_spec.loader is None or not os.path.isfile(path):
            raise RegistryError(f"plugin {spec!r}: no such file {path}")
        module = importlib.util.module_from_spec(loader_spec)
        sys.modules[name] = module
        try:
            loader_spec.loader.exec_module(module)
        except BaseException:
            del sys.modules[name]
            raise
        rules = _with_origin(rules_of_module(module), f"plugin:{spec}")
        _LOCAL_PLUGINS[path] = rules
        return rules
    cached = _LOCAL_PLUGINS.get(spec)
    if cached is not None:
        return cached
    rules = _with_origin(rules_of_module(importlib.import_module(spec)), f"plugin:{spec}")
    _LOCAL_PLUGINS[spec] = rules
    return rules


def _plugin_rules(loaded: Any) -> list[Rule]:
    """What an entry point names: a module (its ``RULES`` or decorated functions), a
    ``RULES``-like sequence, or one rule function."""
    import types

    if isinstance(loaded, types.ModuleType):
        return rules_of_module(loaded)
    if isinstance(loaded, (list, tuple)):
        return rules_of_module(types.SimpleNamespace(__name__="", RULES=loaded))
    return rules_of_module(types.SimpleNamespace(__name__="", RULES=(loaded,)))


def build_registry(
    plugins: tuple[str, ...] = (),
    base_dir: str = ".",
    extra_rules: tuple[Rule, ...] = (),
    entry_points: bool = True,
    packs: tuple[str, ...] = (),
    shipped_packs: bool = True,
) -> Registry:
    reg = Registry()
    for r in _builtin_rules():
        reg.add(r)
    if entry_points:
        for name, result in _entry_point_rules():
            if isinstance(result, Exception):
                reg.errors.append(f"plugin {name!r} failed to load: {type(result).__name__}: {result}")
                continue
            for r in result:
                reg.add(r)
    for spec in plugins:
        # A plugin that fails to import is reported and the run goes on with the other
        # rules; the run then exits 2, since a check the config asked for did not run.
        try:
            rules = _import_local_plugin(spec, base_dir)
        except (Exception, SystemExit) as exc:  # noqa: BLE001 - sys.exit() in a plugin too
            reg.errors.append(f"plugin {spec!r} failed to load: {type(exc).__name__}: {exc}")
            reg.failed_plugins.append(spec)
            continue
        for r in rules:
            reg.add(r)
    _add_pack_rules(reg, packs, base_dir, shipped_packs)
    for r in extra_rules:
        reg.add(r)
    reg.loaders = list(base._LOADERS)
    for sec in base._SECTIONS.values():
        reg.sections.setdefault(sec.name, sec)
    return reg


# -- YAML rule packs ------------------------------------------------------------------------
def _add_pack_rules(reg: Registry, packs: tuple[str, ...], base_dir: str, shipped: bool) -> None:
    """The packs shipped in ``rules/`` (``edlint/packs`` in a wheel) and the ``packs:``
    named in config (paths relative to ``base_dir``, the config's folder). A bad pack
    raises ``PackError`` (a ``ConfigError`` carrying the pack's file and line: exit 2)."""
    if not shipped and not packs:
        return
    from .declarative.packs import pack_rules_for_registry

    pack_rules_for_registry(reg, tuple(packs), base_dir, shipped)


_DEFAULT: Registry | None = None


def default_registry() -> Registry:
    """Built-ins and installed plugins, cached for the process."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = build_registry()
    return _DEFAULT
