"""The one YAML loader: front matter, config files and rule packs all load through it.

- Safe loading only: ``!!python/object`` and other non-standard tags are refused.
- Caps on aliases, nesting depth and alias expansion, so a "billion laughs" file is refused
  rather than expanded.
- YAML 1.2 core scalars, the same everywhere: null, true/false, plain integers and floats.
  Everything else stays the text as written: PyYAML's YAML 1.1 resolvers would turn ``NO``
  and ``off`` into False, ``12:30`` into 750 and raise ValueError on ``date: 2025-13-01``.
  Rules parse dates themselves.
- Positions: :func:`compose_yaml` returns the node tree (start and end marks on every node)
  beside the value; :func:`key_lines` gives the 1-based line of every key and item.
- libyaml (C) composes when it is installed: front matter is loaded for every file.

Import PyYAML through this module (``from edlint.yaml_loader import yaml``), never directly:
see :func:`_prime_pyyaml_printable_check`.
"""

from __future__ import annotations

import re
import sys
from typing import Any

# PyYAML's reader compiles, at import, a character class of every printable code point up to
# U+10FFFF. Python's regex compiler walks such a class code point by code point: about 4 ms
# of every run's start-up (83 million instructions under callgrind, the largest single cost
# of importing yaml). The class's complement is a handful of small ranges that compile in
# microseconds and match exactly the same characters (tests/engine/test_yaml_loader.py
# checks every code point). Seeding the regex cache with it before yaml is imported makes
# PyYAML get the equivalent pattern without compiling the slow one. If a Python or PyYAML
# version keeps its cache elsewhere or writes the class differently, nothing changes but
# the start-up time.
PYYAML_NON_PRINTABLE = "[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
NON_PRINTABLE = "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]"


def _prime_pyyaml_printable_check() -> None:
    cache = getattr(re, "_cache", None)
    if "yaml" not in sys.modules and isinstance(cache, dict):
        slow = PYYAML_NON_PRINTABLE
        cache[(str, slow, 0)] = re.compile(NON_PRINTABLE)


_prime_pyyaml_printable_check()

import yaml  # noqa: E402 - after the regex cache is seeded
from yaml.events import AliasEvent  # noqa: E402
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode  # noqa: E402

MAX_ALIASES = 100
MAX_DEPTH = 200


class YAMLRefused(yaml.YAMLError):
    """A document we will not load (too many aliases, too deep)."""


class HardenedLoader(yaml.SafeLoader):
    """SafeLoader with YAML 1.2-style scalars and an alias cap."""

    def __init__(self, stream: Any) -> None:
        super().__init__(stream)
        self._aliases = 0
        self._depth = 0

    def compose_node(self, parent: Node | None, index: Any) -> Node:  # type: ignore[override]
        if self.check_event(AliasEvent):
            self._aliases += 1
            if self._aliases > MAX_ALIASES:
                raise YAMLRefused(f"more than {MAX_ALIASES} YAML aliases; refusing to expand")
        self._depth += 1
        if self._depth > MAX_DEPTH:
            raise YAMLRefused(f"YAML nested deeper than {MAX_DEPTH} levels")
        try:
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


# Replace the YAML 1.1 implicit resolvers with YAML 1.2 core ones.
HardenedLoader.yaml_implicit_resolvers = {}
_RESOLVERS = [
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", [*list("~nN"), ""]),
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", list("tTfF")),
    ("tag:yaml.org,2002:int", r"^[-+]?(?:0|[1-9][0-9]*)$", list("-+0123456789")),
    (
        "tag:yaml.org,2002:float",
        r"^(?:[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
        list("-+.0123456789"),
    ),
]
for _tag, _pattern, _first in _RESOLVERS:
    HardenedLoader.add_implicit_resolver(_tag, re.compile(_pattern), _first)


# libyaml's C parser is ~8x faster than the pure-Python one (35 us vs 270 us for a typical
# front matter, measured). It composes in C, so the alias and depth caps that
# HardenedLoader.compose_node enforces are checked by a cheap scan of the text first.
_CLoader: Any = None
if getattr(yaml, "__with_libyaml__", False):

    class _FastLoader(yaml.CSafeLoader):  # type: ignore[name-defined,misc]
        pass

    _FastLoader.yaml_implicit_resolvers = HardenedLoader.yaml_implicit_resolvers
    _CLoader = _FastLoader

_ALIAS_TOKEN = re.compile(r"(?:^|[\s,\[{:-])\*[^\s,\[\]{}]+", re.M)


def _prescan(text: str) -> None:
    if "*" in text and len(_ALIAS_TOKEN.findall(text)) > MAX_ALIASES:
        raise YAMLRefused(f"more than {MAX_ALIASES} YAML aliases; refusing to expand")
    if text.count("[") + text.count("{") > MAX_DEPTH:
        depth = deepest = 0
        for ch in text:
            if ch in "[{":
                depth += 1
                deepest = max(deepest, depth)
            elif ch in "]}":
                depth = max(0, depth - 1)
        if deepest > MAX_DEPTH:
            raise YAMLRefused(f"YAML nested deeper than {MAX_DEPTH} levels")


def _loader(text: str) -> Any:
    if _CLoader is not None:
        _prescan(text)
        return _CLoader(text)
    return HardenedLoader(text)


MAX_EXPANDED = 50_000  # values a document may expand to through its aliases


def _check_expansion(node: Node, limit: int) -> None:
    """Refuse a document whose aliases expand to a huge structure ("billion laughs": 72
    aliases can stand for 9**9 values). Sizes are counted once per node, so this is linear."""
    sizes: dict[int, int] = {}

    def size(n: Node, depth: int) -> int:
        key = id(n)
        known = sizes.get(key)
        if known is not None:
            return known
        if depth > MAX_DEPTH:
            raise YAMLRefused(f"YAML nested deeper than {MAX_DEPTH} levels")
        total = 1
        if isinstance(n, SequenceNode):
            for child in n.value:
                total += size(child, depth + 1)
                if total > limit:
                    break
        elif isinstance(n, MappingNode):
            for k, v in n.value:
                total += size(k, depth + 1) + size(v, depth + 1)
                if total > limit:
                    break
        sizes[key] = total
        return total

    if size(node, 0) > limit:
        raise YAMLRefused(f"YAML aliases expand to more than {limit:,} values; refusing to expand")


def load_yaml(text: str) -> Any:
    """Load one YAML document safely (config files, rule packs)."""
    return compose_yaml(text)[1]


def compose_yaml(text: str, max_values: int = MAX_EXPANDED, *, construct: bool = True) -> tuple[Node | None, Any]:
    """Compose and construct: the node tree (with marks) and the Python value (None with
    ``construct=False``, for a caller that walks the nodes itself, as the pack loader does).

    Raises ``yaml.MarkedYAMLError`` (with a position) for bad YAML or a refused tag, and
    :class:`YAMLRefused` for a document over the caps; callers turn both into their own
    error (a front-matter problem, a ConfigError, a PackError) with the file's line."""
    loader = _loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None, None
        if "*" in text:
            _check_expansion(node, max_values)
        return node, loader.construct_document(node) if construct else None
    finally:
        loader.dispose()


def scalar_value(node: ScalarNode) -> Any:
    """The value of a scalar node the loader composed, from the tag its resolvers (the
    YAML 1.2 core ones above) gave it: for code that walks the node tree itself."""
    tag, v = node.tag, node.value
    if tag == "tag:yaml.org,2002:null":
        return None
    if tag == "tag:yaml.org,2002:bool":
        return v.lower() == "true"
    if tag == "tag:yaml.org,2002:int":
        return int(v)
    if tag == "tag:yaml.org,2002:float":
        low = v.lower()
        if low.endswith("inf"):
            return float("-inf") if low.startswith("-") else float("inf")
        return float("nan") if low == ".nan" else float(v)
    return v


def key_lines(node: Node | None) -> dict[tuple, int]:
    """The 1-based line of every mapping key and sequence item, by its path of keys and
    indexes: ``("overrides", 0, "files")``; keys are their scalar values."""
    lines: dict[tuple, int] = {}
    seen: set[int] = set()

    def walk(n: Node, path: tuple) -> None:
        if id(n) in seen:  # an alias: its lines are those of its anchor
            return
        seen.add(id(n))
        if isinstance(n, MappingNode):
            for k, v in n.value:
                key = (*path, scalar_value(k) if isinstance(k, ScalarNode) else k.start_mark.line)
                lines[key] = k.start_mark.line + 1  # a key written twice: the value kept is the last
                walk(v, key)
        elif isinstance(n, SequenceNode):
            for i, item in enumerate(n.value):
                lines.setdefault((*path, i), item.start_mark.line + 1)
                walk(item, (*path, i))

    if node is not None:
        walk(node, ())
    return lines
