"""Reading one rule's mapping: the fields a check type declares, where each key was
written, and readers that convert a value or fail with ``pack.yaml:LINE: message``."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, NamedTuple

from ...config import ConfigError
from ...validation import bool_problem, choice_problem, did_you_mean, whole_problem

__all__ = ["did_you_mean"]  # re-exported for the other check-type modules


class PackError(ConfigError):
    """A rule pack that cannot be loaded. ``str()`` is ``path:line: message``; the CLI
    reports it as a config error (exit 2)."""


# -- reading a rule's mapping ----------------------------------------------------------------
class Field(NamedTuple):
    """One key a rule may have: how to read it, its default, and what it means (for docs)."""

    read: Callable[[Any, Spec, tuple], Any]
    default: Any = None
    required: bool = False
    doc: str = ""


class Spec:
    """One rule's mapping with the line of every key and item (for error messages)."""

    def __init__(self, data: dict[str, Any], path: str, lines: dict[tuple, int], prefix: tuple) -> None:
        self.data = data
        self.path = path
        self.lines = lines
        self.prefix = prefix

    def line(self, *keys: Any) -> int | None:
        key = self.prefix + tuple(keys)
        while key:
            if key in self.lines:
                return self.lines[key]
            key = key[:-1]
        return None

    def fail(self, message: str, *keys: Any) -> PackError:
        return PackError(message, self.path, self.line(*keys))

    def read(self, fields: dict[str, Field]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key in self.data:
            if key not in fields:
                raise self.fail(f"unknown key {key!r}{did_you_mean(key, fields)}", key)
        for name, f in fields.items():
            if name in self.data and self.data[name] is not None:
                out[name] = f.read(self.data[name], self, (name,))
            elif f.required:
                raise self.fail(f"rule has no {name!r}", ())
            else:
                out[name] = f.default() if callable(f.default) else f.default
        return out


# Readers: (value, spec, key path) -> converted value, raising spec.fail(...) on bad input.
def read_str(value: Any, spec: Spec, keys: tuple) -> str:
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise spec.fail(f"{keys[-1]!r} must be text", *keys)
    return str(value)


def read_bool(value: Any, spec: Spec, keys: tuple) -> bool:
    problem = bool_problem(value)
    if problem:
        raise spec.fail(f"{keys[-1]!r} {problem}", *keys)
    return value


def read_int(value: Any, spec: Spec, keys: tuple) -> int:
    problem = whole_problem(value, minimum=0)
    if problem:
        raise spec.fail(f"{keys[-1]!r} {problem}", *keys)
    return value


def read_str_list(value: Any, spec: Spec, keys: tuple) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        raise spec.fail(f"{keys[-1]!r} must be a list of text", *keys)
    out = []
    for i, v in enumerate(value):
        if isinstance(v, bool) or not isinstance(v, (str, int, float)):
            raise spec.fail(f"{keys[-1]!r} item {i + 1} must be text (got {v!r})", *keys, i)
        out.append(str(v))
    return tuple(out)


def one_of(*choices: str) -> Callable[[Any, Spec, tuple], str]:
    def read(value: Any, spec: Spec, keys: tuple) -> str:
        v = str(value).lower() if isinstance(value, str) else value
        problem = choice_problem(v, choices)
        if problem:
            raise spec.fail(f"{keys[-1]!r} {problem.replace(repr(v), repr(value), 1)}", *keys)
        return v

    return read


_ID = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")


def read_id(value: Any, spec: Spec, keys: tuple) -> str:
    text = read_str(value, spec, keys)
    if not _ID.match(text):
        raise spec.fail(f"rule id {text!r} is not kebab-case (lowercase words joined by hyphens)", *keys)
    return text


def read_examples(value: Any, spec: Spec, keys: tuple) -> dict[str, tuple[str, ...]]:
    if not isinstance(value, dict):
        raise spec.fail("'examples' must be a mapping with 'bad' and 'good' lists", *keys)
    out: dict[str, tuple[str, ...]] = {}
    for key, items in value.items():
        if key not in ("bad", "good"):
            raise spec.fail(f"unknown examples key {key!r}{did_you_mean(key, ('bad', 'good'))}", *keys, key)
        out[key] = read_str_list(items if items is not None else [], spec, (*keys, key))
    return out


def read_patterns(value: Any, spec: Spec, keys: tuple) -> tuple[str, ...]:
    return read_str_list(value, spec, keys)


def read_regex(value: Any, spec: Spec, keys: tuple) -> str:
    return read_str(value, spec, keys)
