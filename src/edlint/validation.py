"""Checking user-written values, one way for config files, rule packs and the metadata
schema: the same "did you mean" and the same wording for the same mistake.

Each checker returns the problem as a phrase that completes "<what> ..." (``must be true
or false (got 'yes')``), or None when the value is fine; the caller names the key and
raises its own error (ConfigError, PackError, SchemaError) with the file's line.

A family's options (``images:``, ``units:`` ...) are a dataclass; :func:`validate_options`
checks a config section against its fields' types and :func:`build_options` makes the
instance from the layers of config.
"""

from __future__ import annotations

import dataclasses
import difflib
import types
import typing
from collections.abc import Iterable
from typing import Any, Literal

# The top-level keys of an edlint config. Packs may not take these names either (a pack's
# options are a config section named after it), so both read this one list.
CONFIG_KEYS = frozenset(
    {
        "select",
        "extend_select",
        "ignore",
        "preview",
        "severity",
        "rules",
        "exclude",
        "overrides",
        "plugins",
        "packs",
        "language",
        "fail_on",
        "max_file_size",
        "allow_inline_disable",
        "shortcodes",
        "site",
        "articles",
        "page_kinds",
        "respect_gitignore",
    }
)


def did_you_mean(name: Any, candidates: Iterable[Any]) -> str:
    """``"; did you mean 'select'?"`` for the closest candidate, or ``""``."""
    close = difflib.get_close_matches(str(name), sorted(map(str, candidates)), n=1, cutoff=0.6)
    return f"; did you mean {close[0]!r}?" if close else ""


def unknown(what: str, name: Any, candidates: Iterable[Any]) -> str:
    """``"unknown key 'selct'; did you mean 'select'?"``"""
    return f"unknown {what} {name!r}{did_you_mean(name, candidates)}"


def bool_problem(value: Any) -> str | None:
    # Only real booleans: YAML 1.2 keeps yes/no/on/off as text (see yaml_loader).
    return None if isinstance(value, bool) else f"must be true or false (got {value!r})"


def whole_problem(value: Any, minimum: int | None = None) -> str | None:
    if isinstance(value, int) and not isinstance(value, bool) and (minimum is None or value >= minimum):
        return None
    floor = "" if minimum is None else f" of {minimum} or more"
    return f"must be a whole number{floor} (got {value!r})"


def number_problem(value: Any) -> str | None:
    ok = isinstance(value, (int, float)) and not isinstance(value, bool)
    return None if ok else f"must be a number (got {value!r})"


def text_problem(value: Any) -> str | None:
    return None if isinstance(value, str) else f"must be text (got {value!r})"


def choice_problem(value: Any, choices: Iterable[Any]) -> str | None:
    choices = list(choices)
    if value in choices:
        return None
    return f"must be one of {', '.join(map(str, choices))} (got {value!r}){did_you_mean(value, choices)}"


# -- typed options -------------------------------------------------------------------------
def validate_options(cls: type, values: dict[str, Any], key_path: str, fail: Any) -> None:
    """Check ``values`` against the fields of options dataclass ``cls``."""
    hints = typing.get_type_hints(cls)
    names = {f.name for f in dataclasses.fields(cls)}
    for key, value in values.items():
        if key not in names:
            fail(f"unknown option {key!r}{did_you_mean(key, names)}", f"{key_path}.{key}")
        problem = _type_problem(value, hints[key])
        if problem:
            fail(f"option {key!r} {problem}", f"{key_path}.{key}")
    # Nested values (a metadata schema ...) are checked by the family itself:
    # ``validate_config(values) -> [(message, dotted sub-path)]``.
    extra = getattr(cls, "validate_config", None)
    if extra is not None:
        for message, sub in extra(values):
            fail(message, f"{key_path}.{sub}" if sub else key_path)


def _type_problem(value: Any, hint: Any) -> str | None:
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin is Literal:
        return None if value in args else f"must be one of {', '.join(map(repr, args))} (got {value!r})"
    if origin in (typing.Union, types.UnionType):
        problems = [_type_problem(value, a) for a in args]
        return None if any(p is None for p in problems) else problems[0]
    if hint is type(None):
        return None if value is None else "must be empty"
    if hint is Any:
        return None
    if hint is bool:
        return bool_problem(value)
    if hint is int:
        return whole_problem(value)
    if hint is float:
        return number_problem(value)
    if hint is str:
        return text_problem(value)
    if origin in (tuple, list, frozenset, set):
        if not isinstance(value, (list, tuple)):
            return f"must be a list (got {value!r})"
        item = args[0] if args else Any
        for v in value:
            p = _type_problem(v, item)
            if p:
                return f"has an item that {p}"
        return None
    if origin is dict:
        if not isinstance(value, dict):
            return f"must be a mapping (got {value!r})"
        kt, vt = args if args else (Any, Any)
        for k, v in value.items():
            p = _type_problem(k, kt) or _type_problem(v, vt)
            if p:
                return f"has an entry {k!r} that {p}"
        return None
    return None


def _coerce(value: Any, hint: Any) -> Any:
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        for a in typing.get_args(hint):
            if _type_problem(value, a) is None:
                return _coerce(value, a)
        return value
    if origin is tuple and isinstance(value, list):
        item = typing.get_args(hint)[0] if typing.get_args(hint) else Any
        return tuple(_coerce(v, item) for v in value)
    if origin is frozenset and isinstance(value, (list, tuple)):
        return frozenset(value)
    if hint is float and isinstance(value, int):
        return float(value)
    return value


def build_options(cls: type, *layers: dict[str, Any]) -> Any:
    """An options instance from defaults, then each layer of validated values in order."""
    merged: dict[str, Any] = {}
    for layer in layers:
        if layer:
            merged.update(layer)
    if not merged:
        return cls()
    hints = typing.get_type_hints(cls)
    return cls(**{k: _coerce(v, hints[k]) for k, v in merged.items()})
