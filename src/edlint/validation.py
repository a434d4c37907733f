"""Checking user-written values, one way for config files, rule packs and the metadata
schema: the same "did you mean" and the same wording for the same mistake.

Each checker returns the problem as a phrase that completes "<what> ..." (``must be true
or false (got 'yes')``), or None when the value is fine; the caller names the key and
raises its own error (ConfigError, PackError, SchemaError) with the file's line.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from typing import Any

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
