"""Registration cannot be forgotten: every rule declared anywhere in edlint is registered.

The ``@rule`` / ``@cross_file_rule`` decorators only mark the function; a rule runs when its
family lists it in ``RULES``. This test imports every module of the package, finds every
marked function, and fails naming the tuple each unlisted rule must be added to.
"""

from __future__ import annotations

import importlib
import os
import types

import pytest

import edlint
from edlint.rules import base
from edlint.rules.registry import _builtin_rules, build_registry, family_modules


def module_names() -> list[str]:
    """Every module of the package, from its files (``edlint.rules`` is a namespace
    package, which pkgutil.walk_packages does not descend into)."""
    root = os.path.dirname(edlint.__file__)
    names = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if d.isidentifier())
        rel = os.path.relpath(folder, os.path.dirname(root)).replace(os.sep, ".")
        for f in sorted(files):
            if f.endswith(".py"):
                names.append(rel if f == "__init__.py" else f"{rel}.{f[:-3]}")
    return names


def _all_modules() -> list[types.ModuleType]:
    return [importlib.import_module(name) for name in module_names()]


def _declared() -> dict[str, tuple[str, str]]:
    """rule id -> (module, function name) of every decorated function in the package."""
    found: dict[str, tuple[str, str]] = {}
    for module in _all_modules():
        for name, value in vars(module).items():
            r = getattr(value, base.RULE_MARK, None) if callable(value) else None
            if isinstance(r, base.Rule) and r.module == module.__name__:
                found[r.id] = (module.__name__, getattr(value, "__name__", name))
    return found


def _family_file(module_name: str) -> str:
    """The file holding the RULES tuple a rule of ``module_name`` belongs in."""
    parts = module_name.split(".")
    family = ".".join(parts[:3])  # edlint.rules.<family>
    mod = importlib.import_module(family)
    path = os.path.relpath(mod.__file__ or "", os.path.dirname(os.path.dirname(edlint.__file__)))
    return f"src/{path}"


def test_every_declared_rule_is_registered():
    registered = {r.id for r in _builtin_rules()}
    missing = []
    for rule_id, (module, fn) in sorted(_declared().items()):
        if rule_id in registered:
            continue
        if not module.startswith("edlint.rules.") or module.count(".") < 2:
            missing.append(f"{rule_id!r} ({module}.{fn}) is declared outside a rule family under edlint.rules")
            continue
        where = _family_file(module)
        family_pkg = ".".join(module.split(".")[:3])
        imp = f"from .{module.split('.')[3]} import {fn}" if module != family_pkg else "(defined there)"
        missing.append(f"{rule_id!r} ({module}.{fn}) is not registered: add {fn} to RULES in {where} ({imp})")
    assert not missing, "\n".join(missing)


def test_every_family_module_exports_rules():
    for name in family_modules():
        module = importlib.import_module(name)
        assert isinstance(getattr(module, "RULES", None), tuple), (
            f"{name} is a rule family module with no RULES tuple: add `RULES = (...)` listing its rule "
            f"functions, or add its name to _NOT_FAMILIES in src/edlint/rules/registry.py if it holds none"
        )


def test_registered_rules_are_the_declared_ones():
    """Nothing registered that is not declared (a stale RULES entry would fail to import
    anyway; this checks that engine rules and decorated ones are all there is)."""
    declared = set(_declared())
    engine = {r.id for r in importlib.import_module("edlint.rules.core").RULES}
    assert {r.id for r in _builtin_rules()} == declared | engine


def test_an_unlisted_rule_is_not_registered(tmp_path, monkeypatch):
    """The trap this guards against: a decorated function its family does not list."""
    pkg = tmp_path / "deskrules"
    pkg.mkdir()
    (pkg / "__init__.py").write_text("from .listed import desk_listed\nRULES = (desk_listed,)\n")
    body = (
        "from edlint.rules.base import rule\n"
        "@rule('{id}', family='desk', summary='s')\n"
        "def {fn}(doc, opts):\n    return []\n"
    )
    (pkg / "listed.py").write_text(body.format(id="desk-listed", fn="desk_listed"))
    (pkg / "forgotten.py").write_text(body.format(id="desk-forgotten", fn="desk_forgotten"))
    monkeypatch.syspath_prepend(str(tmp_path))
    module = importlib.import_module("deskrules")
    importlib.import_module("deskrules.forgotten")
    assert [r.id for r in base.rules_of_module(module)] == ["desk-listed"]


def test_a_plugin_without_rules_tuple_still_registers(tmp_path):
    plugin = tmp_path / "desk_plugin.py"
    plugin.write_text(
        "from edlint.rules.base import rule\n"
        "from edlint.rules.images import image_alt  # a built-in it wraps: not its own\n"
        "@rule('desk-headline', family='desk', summary='s')\n"
        "def desk_headline(doc, opts):\n    return []\n"
    )
    reg = build_registry(plugins=(str(plugin),), entry_points=False, shipped_packs=False, allow_plugins=True)
    assert reg.get("desk-headline") is not None
    assert reg.get("desk-headline").origin == f"plugin:{plugin}"
    assert reg.get("image-alt").origin == "builtin"


def test_rules_entry_that_is_not_a_rule_is_an_error():
    with pytest.raises(TypeError, match="not a rule"):
        base.rules_of_module(types.SimpleNamespace(__name__="x", RULES=(len,)))
