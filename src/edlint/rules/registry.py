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
    skipped_plugins: list[str] = field(default_factory=list)  # config plugins not allowed to load
    # The source files of every module the plugins brought in (their own, and what they
    # imported): part of the cache key, so an edited helper module is not served stale.
    plugin_files: list[str] = field(default_factory=list)

    def add(self, rule: Rule) -> None:
        if not valid_rule_id(rule.id):
            raise RegistryError(f"rule id {rule.id!r} ({rule.origin}) is not kebab-case")
        if rule.id in self.rules:
            other = self.rules[rule.id]
            raise RegistryError(f"rule id {rule.id!r} is defined twice ({other.origin} and {rule.origin})")
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
                with plugin_output_to_stderr(), _records_imports(f"entry point {ep.name}"):
                    loaded = ep.load()
                found.append((ep.name, _quiet_rules(_with_origin(_plugin_rules(loaded), f"plugin:{ep.name}"))))
            except (Exception, SystemExit) as exc:  # noqa: BLE001 - a broken plugin is reported, not fatal
                found.append((ep.name, exc))
        _ENTRY_POINT_CACHE = found
    return _ENTRY_POINT_CACHE


_LOCAL_PLUGINS: dict[str, list[Rule]] = {}
# For each plugin (and entry point) imported: the files of the modules its import added.
_PLUGIN_FILES: dict[str, list[str]] = {}


class _records_imports:  # a context manager, named for how it reads in a with statement
    """Notes the source files of the modules imported inside the block under ``key``."""

    def __init__(self, key: str) -> None:
        self.key = key

    def __enter__(self) -> None:
        import sys

        self.before = set(sys.modules)

    def __exit__(self, *exc: object) -> None:
        import sys

        files = []
        for name in set(sys.modules) - self.before:
            path = getattr(sys.modules.get(name), "__file__", None)
            if isinstance(path, str):
                files.append(os.path.abspath(path))
        _PLUGIN_FILES[self.key] = sorted(files)


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
            with plugin_output_to_stderr(), _records_imports(path):
                loader_spec.loader.exec_module(module)
        except BaseException:
            del sys.modules[name]
            raise
        rules = _quiet_rules(_with_origin(rules_of_module(module), f"plugin:{spec}"))
        _LOCAL_PLUGINS[path] = rules
        return rules
    cached = _LOCAL_PLUGINS.get(spec)
    if cached is not None:
        return cached
    with plugin_output_to_stderr(), _records_imports(spec):
        module = importlib.import_module(spec)
    rules = _quiet_rules(_with_origin(rules_of_module(module), f"plugin:{spec}"))
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


# -- plugins may run only when the user says so ------------------------------------------------
ALLOW_ENV = "EDLINT_ALLOW_PLUGINS"


def user_config_path() -> str:
    """The user's own edlint config (``$XDG_CONFIG_HOME/edlint/config.yaml``, else
    ``~/.config/edlint/config.yaml``): outside any project, so a linted tree cannot write it."""
    base = os.environ.get("XDG_CONFIG_HOME") or os.path.join(os.path.expanduser("~"), ".config")
    return os.path.join(base, "edlint", "config.yaml")


def local_plugins_allowed() -> bool:
    """Whether plugins named in a config may be imported, when no ``--allow-plugins`` was
    given: ``EDLINT_ALLOW_PLUGINS=1`` (or true/yes), else ``allow_plugins: true`` in the
    user-level config. Never a config found in the linted tree: a pull request could add
    one, and a plugin is code."""
    value = os.environ.get(ALLOW_ENV)
    if value is not None and value.strip():
        return value.strip().lower() in ("1", "true", "yes", "on")
    path = user_config_path()
    try:
        with open(path, "rb") as fh:
            text = fh.read(65_536)
    except OSError:
        return False
    # One flat key: read without YAML (the plain check path does not load it for this).
    for line in text.decode("utf-8", "replace").splitlines():
        key, sep, val = line.partition(":")
        if sep and key.strip() == "allow_plugins":
            return val.split("#", 1)[0].strip().lower() in ("true", "yes", "on", "1")
    return False


def skipped_plugins_message(skipped: list[tuple[str, str]]) -> str:
    """One line naming the plugins that were not loaded, where they were named, and how to
    allow them."""
    names = ", ".join(f"{spec!r} (named in {where})" for spec, where in skipped)
    return (
        f"plugins not loaded: {names}: a plugin is code, and a config in the linted tree "
        f"cannot make edlint run code; allow local plugins with --allow-plugins, "
        f"{ALLOW_ENV}=1 or 'allow_plugins: true' in {user_config_path()}"
    )


class plugin_output_to_stderr:  # a context manager, named like contextlib's
    """While plugin code runs, what it prints goes to stderr: stdout carries the report
    (``--format json``), which a stray ``print`` (or a write to file descriptor 1 by a
    library or subprocess) would corrupt."""

    def __enter__(self) -> None:
        import sys

        self._stdout = sys.stdout
        self._fd: int | None = None
        try:
            sys.stdout.flush()
            sys.stderr.flush()
            self._fd = os.dup(1)
            os.dup2(2, 1)
        except (OSError, ValueError, AttributeError):
            self._fd = None
        sys.stdout = sys.stderr

    def __exit__(self, *exc: object) -> None:
        import sys

        try:
            sys.stderr.flush()
        except (OSError, ValueError):
            pass
        sys.stdout = self._stdout
        if self._fd is not None:
            os.dup2(self._fd, 1)
            os.close(self._fd)


def _quiet_rules(rules: list[Rule]) -> list[Rule]:
    """Plugin rules whose functions run with their output sent to stderr."""
    out = []
    for r in rules:
        changes = {
            name: _quiet(getattr(r, name), name != "facts")
            for name in ("check", "facts", "combine")
            if getattr(r, name) is not None
        }
        out.append(replace(r, **changes) if changes else r)
    return out


def _quiet(func: Any, iterates: bool) -> Any:
    def run_quietly(*args: Any, **kwargs: Any) -> Any:
        with plugin_output_to_stderr():
            value = func(*args, **kwargs)
            if iterates and value is not None:
                value = list(value)  # check and combine give iterables, often generators: run them now
        return value

    run_quietly.__wrapped__ = func  # type: ignore[attr-defined]
    run_quietly.__doc__ = getattr(func, "__doc__", None)
    run_quietly.__name__ = getattr(func, "__name__", "plugin_rule")
    return run_quietly


def build_registry(
    plugins: tuple[str, ...] = (),
    base_dir: str = ".",
    extra_rules: tuple[Rule, ...] = (),
    entry_points: bool = True,
    packs: tuple[str, ...] = (),
    shipped_packs: bool = True,
    allow_plugins: bool | None = None,
) -> Registry:
    """``allow_plugins``: import the ``plugins`` (None: as :func:`local_plugins_allowed`
    says); not allowed, they are listed in ``skipped_plugins`` and nothing of theirs runs."""
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
            reg.plugin_files.extend(_PLUGIN_FILES.get(f"entry point {name}", ()))
    if plugins and not (local_plugins_allowed() if allow_plugins is None else allow_plugins):
        reg.skipped_plugins.extend(plugins)
        plugins = ()
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
        key = spec
        if spec.endswith(".py"):
            key = os.path.abspath(spec if os.path.isabs(spec) else os.path.join(base_dir, spec))
        reg.plugin_files.extend(_PLUGIN_FILES.get(key, ()))
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
