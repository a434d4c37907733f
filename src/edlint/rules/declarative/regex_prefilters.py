"""What every match of a pack pattern must hold, worked out from the parsed pattern, so a
rule can rule a document out with a set look-up instead of running the regex: the literal
words a match needs, its possible first characters, the characters of a doubled word."""

from __future__ import annotations

import re
from typing import Any

from .regexes import _ATOMIC_GROUP, _POSSESSIVE_REPEAT, _REPEATS, _parsed, _sc


# -- a prefilter for doubled-word patterns -------------------------------------------------------
def repeated_word_chars(rx: re.Pattern[str]) -> frozenset[str] | None:
    r"""For a pattern shaped like ``(?<![\w...])([a-z]+)\s+\1(?![\w...])`` — a word of
    ASCII word characters, whitespace, and the same word again — the lowercase characters
    its word can hold; None for any other pattern.

    Every match of such a pattern is two whole words in a row, equal but for case: the
    look-behind and look-ahead exclude a word character on either side, the whitespace
    holds none, and the class holds nothing but ASCII (and, ignoring case, the four
    :data:`~.units.CASE_TRAPS`). So a text without those and without such a pair of
    lowercase words cannot match, and the pattern need not run on it.
    """
    if rx.flags & re.ASCII:
        return None  # \w would then miss non-ASCII word characters
    try:
        items = _parsed(rx.pattern, rx.flags)
    except (re.error, OverflowError, RecursionError):
        return None
    if len(items) != 5:
        return None
    (op0, before), (op1, group), (op2, gap), (op3, ref), (op4, after) = items
    if (op0, op1, op2, op3, op4) != (_sc.ASSERT_NOT, _sc.SUBPATTERN, _sc.MAX_REPEAT, _sc.GROUPREF, _sc.ASSERT_NOT):
        return None
    if before[0] != -1 or after[0] != 1 or not _excludes_word(before[1]) or not _excludes_word(after[1]):
        return None
    number, _, _, body = group
    if ref != number or not _ascii_run(list(body)):
        return None
    lo, _, sub = gap
    sub = list(sub)
    if lo < 1 or len(sub) != 1 or sub[0] != (_sc.IN, [(_sc.CATEGORY, _sc.CATEGORY_SPACE)]):
        return None
    chars = {c for c in map(chr, range(128)) if rx.fullmatch(f"{c} {c}")}
    if not all(c.isalnum() or c == "_" for c in chars):
        return None  # the word could hold a non-word character: not one word of the text
    return frozenset(c.lower() for c in chars)


def _excludes_word(items: Any) -> bool:
    """A look-around of one character class that holds every word character."""
    items = list(items)
    if len(items) != 1 or items[0][0] is not _sc.IN:
        return False
    members = items[0][1]
    return (_sc.CATEGORY, _sc.CATEGORY_WORD) in members and all(op is not _sc.NEGATE for op, _ in members)


def _ascii_run(items: list) -> bool:
    """One or more of a class of ASCII characters only: ``[a-z]+``."""
    if len(items) != 1 or items[0][0] not in _REPEATS:
        return False
    lo, _, sub = items[0][1]
    sub = list(sub)
    if lo < 1 or len(sub) != 1:
        return False
    op, av = sub[0]
    if op is _sc.LITERAL:
        return av < 128
    if op is not _sc.IN:
        return False
    for member_op, member in av:
        if member_op is _sc.LITERAL and member < 128:
            continue
        if member_op is _sc.RANGE and member[1] < 128:
            continue
        return False
    return True


# -- what every match of a pattern holds -----------------------------------------------------------
def literal_requirements(rx: re.Pattern[str]) -> list[frozenset[str]]:
    """Strings every match of ``rx`` holds: for each set, at least one of its strings
    (lowercase when the pattern ignores case; then only ASCII ones, which match nothing
    outside ASCII in text without the :data:`~.units.CASE_TRAPS`). A text holding none of
    a set's strings cannot match, so the pattern need not run on it."""
    try:
        items = _parsed(rx.pattern, rx.flags)
    except (re.error, OverflowError, RecursionError):
        return []
    return _requirements(items, bool(rx.flags & re.IGNORECASE))


def _requirements(items: list, ignore_case: bool) -> list[frozenset[str]]:
    out: list[frozenset[str]] = []
    run: list[str] = []  # consecutive literal characters: matched as one string

    def end_run() -> None:
        if run:
            out.append(frozenset({"".join(run)}))
            run.clear()

    for op, av in items:
        if op is _sc.LITERAL and (not ignore_case or av < 128):
            run.append(chr(av).lower() if ignore_case else chr(av))
            continue
        end_run()
        if op is _sc.SUBPATTERN:
            if (av[1] | av[2]) & re.IGNORECASE:
                continue  # (?i:...) or (?-i:...): other case rules inside
            out.extend(_requirements(list(av[-1]), ignore_case))
        elif op is _ATOMIC_GROUP:
            out.extend(_requirements(list(av), ignore_case))
        elif op in _REPEATS or op is _POSSESSIVE_REPEAT:
            if av[0] >= 1:  # the body occurs at least once
                out.extend(_requirements(list(av[2]), ignore_case))
        elif op is _sc.BRANCH:
            either: set[str] = set()
            for alternative in av[1]:
                inner = _requirements(list(alternative), ignore_case)
                if not inner:
                    break  # this alternative needs no string: the branch needs none
                either |= max(inner, key=lambda strings: min(map(len, strings)))
            else:
                out.append(frozenset(either))
    end_run()
    return out


def anchored_at_start(rx: re.Pattern[str]) -> bool:
    """Whether every match of ``rx`` starts at the beginning of the text (``^`` without
    MULTILINE, or ``\\A``, before anything else): then finditer gives what match gives."""
    try:
        items = _parsed(rx.pattern, rx.flags)
    except (re.error, OverflowError, RecursionError):
        return False
    if not items or items[0][0] is not _sc.AT:
        return False
    at = items[0][1]
    return at is _sc.AT_BEGINNING_STRING or (at is _sc.AT_BEGINNING and not rx.flags & re.MULTILINE)


def literal_prefixes(rx: re.Pattern[str]) -> frozenset[str] | None:
    """For a pattern that matches only at the start (:func:`anchored_at_start`), strings
    one of which every match starts with (lowercase when ignoring case, then ASCII only,
    as in :func:`literal_requirements`); None when they cannot be told."""
    if not anchored_at_start(rx):
        return None
    try:
        items = _parsed(rx.pattern, rx.flags)
    except (re.error, OverflowError, RecursionError):
        return None
    prefixes = _prefixes(items, bool(rx.flags & re.IGNORECASE))
    return frozenset(prefixes) if prefixes else None


def _prefixes(items: list, ignore_case: bool) -> set[str] | None:
    run: list[str] = []
    for op, av in items:
        if not run and (op is _sc.AT or op is _sc.ASSERT or op is _sc.ASSERT_NOT):
            continue  # zero width: the next item reads the first character
        if op is _sc.LITERAL and (not ignore_case or av < 128):
            run.append(chr(av).lower() if ignore_case else chr(av))
            continue
        if run:
            break
        if op is _sc.SUBPATTERN:
            if (av[1] | av[2]) & re.IGNORECASE:
                return None
            return _prefixes(list(av[-1]), ignore_case)
        if op is _ATOMIC_GROUP:
            return _prefixes(list(av), ignore_case)
        if (op in _REPEATS or op is _POSSESSIVE_REPEAT) and av[0] >= 1:
            return _prefixes(list(av[2]), ignore_case)
        if op is _sc.BRANCH:
            out: set[str] = set()
            for alternative in av[1]:
                inner = _prefixes(list(alternative), ignore_case)
                if not inner:
                    return None
                out |= inner
            return out
        return None
    return {"".join(run)} if run else None
