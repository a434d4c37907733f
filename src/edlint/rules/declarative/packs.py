"""Rule packs: YAML files of declarative rules that become ordinary :class:`Rule` objects.

A pack::

    pack: newsroom-basics            # the family name (default: the file name)
    description: Small, uncontroversial newsroom checks
    language: en                     # default for its rules (an `any` rule runs on every language)
    rules:
      - id: wordy-in-order-to
        type: substitution
        message: "Use '{suggestion}' instead of '{match}'"
        swap: {in order to: to}
        examples:
          bad: ["We met in order to decide."]
          good: ["We met to decide."]

Loading keeps every key's line, validates (known type, required fields, valid severity,
known scope, regexes that compile and cannot backtrack catastrophically, unique ids) and
raises :class:`PackError` (``pack.yaml:LINE: what is wrong``) on the first problem. Each
rule gets ``family`` = the pack's name, docs in the ruff shape generated from its
description and examples, and a config section named after the pack with one option,
``exceptions``. The packs shipped in ``rules/`` go through the same loader as a
newsroom's own (named by ``packs:`` in config).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ...validation import CONFIG_KEYS
from ..base import Rule, Section, Severity
from .base import CheckType, PackRuleOptions
from .capitalization import Capitalization
from .conditional import Conditional
from .consistency import Consistency
from .existence import Existence
from .occurrence import Occurrence
from .spec import PackError, Spec, did_you_mean
from .substitution import Substitution

if TYPE_CHECKING:
    from yaml.nodes import Node

    from ..registry import Registry

CHECK_TYPES: dict[str, type[CheckType]] = {
    cls.NAME: cls for cls in (Existence, Substitution, Consistency, Occurrence, Capitalization, Conditional)
}
PACK_KEYS = ("pack", "description", "language", "rules")
# Names a pack may not take: config keys and selector words.
_RESERVED = frozenset({"all", "core", *CONFIG_KEYS})
_NAME = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
MAX_NODES = 200_000


@dataclass
class Pack:
    name: str
    path: str
    description: str
    rules: list[Rule]
    lines: dict[str, int] = field(default_factory=dict)  # rule id -> line of its `id:`

    def rule_line(self, rule_id: str) -> int | None:
        return self.lines.get(rule_id)


# -- YAML with positions -------------------------------------------------------------------------
def _compose(text: str, path: str) -> Node | None:
    """The pack's node tree, through the one hardened loader (edlint.yaml_loader)."""
    from ...yaml_loader import YAMLRefused, compose_yaml, yaml

    try:
        # The nodes only: _convert builds the values (and their lines) in one walk.
        return compose_yaml(text, max_values=MAX_NODES, construct=False)[0]
    except YAMLRefused as exc:
        if "expand" in str(exc):
            raise PackError(f"pack is too large (more than {MAX_NODES} YAML nodes, or alias expansion)", path) from None
        raise PackError(f"pack refused: {exc}", path) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        raise PackError(f"invalid YAML: {exc.problem}", path, mark.line + 1 if mark else None) from None
    except (yaml.YAMLError, RecursionError) as exc:
        raise PackError(f"invalid YAML: {exc}", path) from None


_CORE_TAGS = frozenset(
    f"tag:yaml.org,2002:{t}" for t in ("str", "int", "float", "bool", "null", "seq", "map", "timestamp")
)


def _convert(node: Node, path: str) -> tuple[Any, dict[tuple, int]]:
    """Node tree -> plain values (the loader's YAML 1.2 core scalars: no yes/no booleans,
    no dates) and the line of every mapping key and sequence item, keyed by its path.
    Stricter than config: a key written twice or a key that is not text is an error."""
    from ...yaml_loader import scalar_value, yaml

    MappingNode, ScalarNode, SequenceNode = yaml.MappingNode, yaml.ScalarNode, yaml.SequenceNode

    lines: dict[tuple, int] = {}
    budget = [MAX_NODES]

    def conv(n: Any, key: tuple) -> Any:
        budget[0] -= 1
        if budget[0] < 0:
            raise PackError(f"pack is too large (more than {MAX_NODES} YAML nodes, or alias expansion)", path)
        if n.tag not in _CORE_TAGS:
            # Refused like in config and front matter: a pack is data, never code.
            raise PackError(f"unsupported YAML tag {n.tag!r}", path, n.start_mark.line + 1)
        if isinstance(n, ScalarNode):
            return scalar_value(n)
        if isinstance(n, SequenceNode):
            out = []
            for i, item in enumerate(n.value):
                lines.setdefault((*key, i), item.start_mark.line + 1)
                out.append(conv(item, (*key, i)))
            return out
        if isinstance(n, MappingNode):
            out_map: dict[Any, Any] = {}
            for k, v in n.value:
                kv = conv(k, key)
                if isinstance(kv, (list, dict)):
                    raise PackError("a mapping key must be text", path, k.start_mark.line + 1)
                if kv in out_map:
                    raise PackError(f"key {kv!r} is written twice", path, k.start_mark.line + 1)
                lines.setdefault((*key, kv), k.start_mark.line + 1)
                out_map[kv] = conv(v, (*key, kv))
            return out_map
        raise PackError("unsupported YAML node", path, n.start_mark.line + 1)

    return conv(node, ()), lines


# -- loading ---------------------------------------------------------------------------------------
def load_pack_text(text: str, path: str, name: str | None = None) -> Pack:
    """Load a pack from its text; ``path`` is what errors and ``origin`` show."""
    node = _compose(text, path)
    if node is None:
        raise PackError("pack is empty", path, 1)
    data, lines = _convert(node, path)
    top = Spec(data if isinstance(data, dict) else {}, path, lines, ())
    if not isinstance(data, dict):
        raise PackError("a pack must be a mapping with a 'rules' list", path, 1)
    for key in data:
        if key not in PACK_KEYS:
            raise top.fail(f"unknown pack key {key!r}{did_you_mean(key, PACK_KEYS)}", key)
    stem = os.path.splitext(os.path.basename(path))[0]
    pack_name = data.get("pack") or name or stem
    if not isinstance(pack_name, str) or not _NAME.match(pack_name):
        raise top.fail(f"pack name {pack_name!r} is not kebab-case (set `pack: my-house-style`)", "pack")
    if pack_name in _RESERVED:
        raise top.fail(f"pack name {pack_name!r} is reserved; choose another", "pack")
    description = data.get("description") or ""
    if not isinstance(description, str):
        raise top.fail("'description' must be text", "description")
    language = data.get("language") or "en"
    if not isinstance(language, str):
        raise top.fail("'language' must be a language prefix such as en, or any", "language")
    rules_data = data.get("rules")
    if not isinstance(rules_data, list) or not rules_data:
        raise top.fail("a pack needs a non-empty 'rules' list", "rules" if "rules" in data else ())
    section = Section(pack_name, PackRuleOptions, description or f"Rules of the {pack_name} pack")
    pack = Pack(pack_name, path, description, [])
    for i, item in enumerate(rules_data):
        spec = Spec(item if isinstance(item, dict) else {}, path, lines, ("rules", i))
        if not isinstance(item, dict):
            raise spec.fail("each rule must be a mapping with id, type and message")
        type_name = item.get("type")
        if type_name is None:
            raise spec.fail("rule has no 'type'" + (f" (id {item.get('id')!r})" if item.get("id") else ""))
        cls = CHECK_TYPES.get(str(type_name))
        if cls is None:
            raise spec.fail(
                f"unknown check type {type_name!r}{did_you_mean(type_name, CHECK_TYPES)} "
                f"(types: {', '.join(CHECK_TYPES)})",
                "type",
            )
        check = cls.build(spec, language.lower())
        if check.id in pack.lines:
            raise spec.fail(
                f"rule id {check.id!r} is used twice in this pack (first on line {pack.lines[check.id]})", "id"
            )
        pack.lines[check.id] = spec.line("id") or spec.line() or 1
        pack.rules.append(_rule(check, pack, section))
    return pack


def _rule(check: CheckType, pack: Pack, section: Section) -> Rule:
    return Rule(
        id=check.id,
        family=pack.name,
        summary=_summary(check),
        severity=Severity.parse(check.severity),
        check=check,
        section=section,
        fix=check.fix,
        status=check.status,
        since=check.since,
        doc=render_docs(check, pack),
        origin=f"pack:{pack.path}",
        examples={k: list(v) for k, v in check.examples.items()},
    )


_CACHE: dict[tuple[str, int, int], Pack] = {}


def load_pack(path: str) -> Pack:
    """Load a pack file (cached per process while the file is unchanged)."""
    try:
        st = os.stat(path)
    except OSError as exc:
        raise PackError(f"cannot read rule pack: {exc.strerror or exc}", path) from None
    key = (os.path.realpath(path), st.st_mtime_ns, st.st_size)
    cached = _CACHE.get(key)
    if cached is not None:
        return cached
    try:
        from ...reading import read_site_text

        text = read_site_text(path)
    except (OSError, UnicodeDecodeError) as exc:
        raise PackError(f"cannot read rule pack: {exc}", path) from None
    pack = _CACHE[key] = load_pack_text(text, path)
    return pack


# -- the shipped packs -----------------------------------------------------------------------------
def shipped_pack_dir() -> str | None:
    """``edlint/packs`` inside an installed wheel, else the repository's ``rules/`` folder
    (an editable install)."""
    # Plain folders first: a wheel installs the packs beside the code, an editable install
    # reads the repository's rules/. importlib.resources (about 20 ms to import) is only
    # needed when the package is imported from a zip file.
    package = os.path.dirname(os.path.dirname(os.path.dirname(os.path.realpath(__file__))))  # edlint/
    repository = os.path.dirname(os.path.dirname(package))  # src/edlint -> the checkout
    for folder in (os.path.join(package, "packs"), os.path.join(repository, "rules")):
        if os.path.isdir(folder):
            return folder
    try:
        from importlib import resources

        d = resources.files("edlint") / "packs"
        if d.is_dir():
            return str(d)
    except (ModuleNotFoundError, OSError, TypeError, ValueError):
        pass
    return None


def shipped_pack_paths() -> list[str]:
    d = shipped_pack_dir()
    if d is None:
        return []
    return sorted(os.path.join(d, n) for n in os.listdir(d) if n.endswith((".yaml", ".yml")))


_SHIPPED: list[Pack] | None = None


def shipped_packs() -> list[Pack]:
    global _SHIPPED
    if _SHIPPED is None:
        from .compiled import load as load_compiled

        paths = shipped_pack_paths()
        # Built with edlint (compiled.py); from YAML when missing or out of date.
        _SHIPPED = load_compiled(paths) or [load_pack(p) for p in paths]
    return _SHIPPED


def resolve_pack_path(spec: str, base_dir: str) -> str:
    """A pack named in config: a path relative to the config's folder (``.yaml`` optional)."""
    path = os.path.expanduser(spec)
    if not os.path.isabs(path):
        path = os.path.join(base_dir, path)
    if not os.path.exists(path) and not path.endswith((".yaml", ".yml")) and os.path.exists(path + ".yaml"):
        path += ".yaml"
    return path


def add_packs(registry: Registry, packs: Iterable[Pack]) -> None:
    """Add pack rules to a registry, reporting clashes with the pack's file and line."""
    for pack in packs:
        for other in registry.rules.values():
            if other.family == pack.name and not other.origin.startswith("pack:"):
                raise PackError(
                    f"pack name {pack.name!r} is the name of a built-in rule family; choose another", pack.path, 1
                )
        owner = next((r.origin for r in registry.rules.values() if r.family == pack.name), None)
        if owner is not None and owner != f"pack:{pack.path}":
            raise PackError(f"pack name {pack.name!r} is already used by {owner[5:]}", pack.path, 1)
        sec = registry.sections.get(pack.name)
        if sec is not None and sec.options is not PackRuleOptions:
            raise PackError(f"pack name {pack.name!r} is the name of a config section; choose another", pack.path, 1)
        for rule in pack.rules:
            other = registry.rules.get(rule.id)
            if other is not None:
                where = other.origin[5:] if other.origin.startswith("pack:") else other.origin
                raise PackError(f"rule id {rule.id!r} is already defined ({where})", pack.path, pack.rule_line(rule.id))
            registry.add(rule)


def pack_rules_for_registry(registry: Registry, packs: tuple[str, ...], base_dir: str, shipped: bool) -> None:
    """What ``build_registry`` calls: the shipped packs, then those named in config."""
    if shipped:
        add_packs(registry, shipped_packs())
    seen = {os.path.realpath(p) for p in (shipped_pack_paths() if shipped else [])}
    extra = []
    for spec in packs:
        path = resolve_pack_path(spec, base_dir)
        real = os.path.realpath(path)
        if real in seen:
            continue
        seen.add(real)
        extra.append(load_pack(path))
    add_packs(registry, extra)


# -- docs --------------------------------------------------------------------------------------------
def _summary(check: CheckType) -> str:
    if check.summary:
        return check.summary.strip()
    if check.description:
        first = re.split(r"(?<=[.!?])\s", " ".join(check.description.split()), maxsplit=1)[0]
        return first.rstrip(".")[:100]
    return re.sub(r"\s*'?\{\w+\}'?\s*", " … ", check.message).strip()[:100]


def _fence(text: str) -> str:
    fence = "~~~" if "```" in text else "```"
    lang = "html" if text.lstrip().startswith("<") else "markdown"
    return f"{fence}{lang}\n{text.rstrip()}\n{fence}"


def render_docs(check: CheckType, pack: Pack) -> str:
    """The rule's docs in the ruff shape, from its description, fields and examples."""
    what = check.description.strip() or f"Reports text that matches this {check.NAME} rule."
    parts = ["## What it does", what, ""]
    for line in check.details():
        parts += [line, ""]
    where = f"Looks at {check.scope.describe()}."
    if check.when:
        where += " Runs only when " + "; or when ".join(c.describe() for c in check.when) + "."
    if check.language != "any":
        where += f" Runs on articles in language `{check.language}`."
    parts.append(where)
    if check.exceptions:
        parts += [
            "",
            f"Never reported inside: {', '.join(repr(e) for e in check.exceptions[:12])}"
            + (" …" if len(check.exceptions) > 12 else "")
            + ".",
        ]
    parts += ["", "## Why is this bad?", (check.why.strip() or check.WHY)]
    if check.link:
        parts += ["", f"See the style guide: <{check.link}>"]
    bad = check.examples.get("bad") or ()
    good = check.examples.get("good") or ()
    parts += [
        "",
        "## Example",
        _fence(bad[0]) if bad else "(no example given)",
        "",
        "Use instead:",
        _fence(good[0]) if good else "(no example given)",
        "",
    ]
    parts += [
        "## Options",
        f"- `exceptions`: phrases inside which nothing is reported, set as "
        f"`{pack.name}: {{exceptions: [...]}}` or `rules: {{{check.id}: {{exceptions: [...]}}}}`.",
        "",
    ]
    safety = check.fix_safety()
    if safety and check.fix != "never":
        parts += ["## Fix safety", safety, ""]
    line = pack.lines.get(check.id)
    where = os.path.basename(pack.path) if pack.path else pack.name
    parts.append(
        f"Defined in the `{pack.name}` pack (`{where}`{f', line {line}' if line else ''}), check type `{check.NAME}`."
    )
    return "\n".join(parts).strip() + "\n"
