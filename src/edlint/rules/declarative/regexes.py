"""Pack regexes: compiled once at load, refused when they could backtrack catastrophically
(nested quantifiers, repeated overlapping alternations), and run under a CPU-time budget.

Why a budget and not a linear-time engine (RE2): no static check catches every slow
pattern (``.*a.*b.*c.*d``, ``\\s+$`` on a long run of spaces, backreferences are slow
without nesting anything), so something must bound the time. RE2 would, for the patterns
it can express, but 4 of the 17 shipped patterns use look-around or a backreference, which
it cannot run, and 11 use ``\\w`` or ``\\b``, which RE2 reads as ASCII only: "café" or
"Zürich" would match differently whether or not google-re2 happened to be installed. The
budget keeps Python's ``re`` (its Unicode rules, its speed: nothing is added per match) and
stops a pattern that runs too long, wherever the slowness comes from: the regex module
checks for signals while it matches, so a CPU timer (SIGPROF) interrupts it. See
:class:`~edlint.rules.declarative.regex_budget.RegexBudget`; benchmarks/README.md has the
measurements. What every match of a pattern must contain (so a rule can skip a document
cheaply) is worked out in :mod:`~edlint.rules.declarative.regex_prefilters`.
"""

from __future__ import annotations

import re
import sys
from functools import lru_cache
from typing import Any

from .spec import Spec

if sys.version_info >= (3, 11):
    from re import _constants as _sc  # type: ignore[attr-defined]
    from re import _parser as _sp  # type: ignore[attr-defined]
else:  # pragma: no cover - Python 3.10
    import sre_constants as _sc  # type: ignore[no-redef]
    import sre_parse as _sp  # type: ignore[no-redef]

MAX_PATTERN_LENGTH = 2000
_REPEATS = {_sc.MAX_REPEAT, _sc.MIN_REPEAT}
_ATOMIC_GROUP = getattr(_sc, "ATOMIC_GROUP", None)  # (?>...), Python 3.11+
_POSSESSIVE_REPEAT = getattr(_sc, "POSSESSIVE_REPEAT", None)  # a*+, Python 3.11+
_ATOMIC = {_ATOMIC_GROUP, _POSSESSIVE_REPEAT} - {None}
# Characters used to decide whether two alternatives can start with the same character.
_PROBE = "".join(chr(c) for c in range(32, 127)) + "\t\n\u00a0éÉßø’“”—–…"


@lru_cache(maxsize=512)
def _parse_tree(source: str, flags: int) -> Any:
    return _sp.parse(source, flags)


def _parsed(source: str, flags: int) -> list:
    """The top-level items of a pattern's parse tree. Each analysis below reads the tree of
    the same few dozen patterns: parsing once each makes loading the packs twice as fast.
    The tree is shared, so callers only read it."""
    return list(_parse_tree(source, flags))


def compile_pattern(source: str, flags: int, spec: Spec, *keys: Any) -> re.Pattern[str]:
    """Compile a pack regex once, refusing patterns that can backtrack catastrophically.
    Where it was written (pack file:line) is remembered for :class:`RegexBudget`'s report."""
    if len(source) > MAX_PATTERN_LENGTH:
        raise spec.fail(f"pattern is longer than {MAX_PATTERN_LENGTH} characters", *keys)
    try:
        compiled = re.compile(source, flags)
        # Parsed again with the flags the analyses will see (inline flags included).
        items = _parsed(source, compiled.flags)
    except (re.error, OverflowError, RecursionError) as exc:
        raise spec.fail(f"invalid regular expression {source!r}: {exc}", *keys) from None
    problem = backtracking_risk(items)
    if problem:
        raise spec.fail(
            f"regular expression {source!r} could take exponential time ({problem}); "
            "rewrite it without a repeated group that itself repeats, or use an atomic group (?>...)",
            *keys,
        )
    line = spec.line(*keys)
    PATTERN_SITES[id(compiled)] = (compiled, f"{spec.path}:{line}" if line else spec.path)
    return compiled


# id(compiled pattern) -> (the pattern, "pack file:line"); the pattern is kept so the id
# stays its own. re.compile caches: the same source and flags give the same object.
PATTERN_SITES: dict[int, tuple[re.Pattern[str], str]] = {}


def backtracking_risk(items: list) -> str | None:
    """Why a parsed pattern risks catastrophic backtracking, or None.

    Refused: a group repeated more than once that contains a quantifier of variable count
    (``(a+)+``, ``(\\w*\\s?)*``, ``(x{1,9})+``), and a repeated alternation whose branches
    can start with the same character (``(a|ab)+``, ``(\\w|\\d)*``). Atomic groups and
    possessive quantifiers are exempt: they never backtrack into their content.
    """
    for op, av in items:
        if op in _ATOMIC:
            continue
        if op in _REPEATS:
            _lo, hi, sub = av
            sub = list(sub)
            if hi > 1 or hi == _sc.MAXREPEAT:
                if _has_variable_repeat(sub) and not _delimited(sub):
                    return "a quantifier inside a repeated group"
                alts = _sole_branch(sub)
                if alts is not None and _alternatives_overlap(alts):
                    return "a repeated alternation whose branches overlap"
                if _risky_branch(sub, _first_chars(sub)):
                    # re factors common prefixes: (a|aa)+ parses as a(?:|a)+, (a|a)+ as a(?:|)+
                    return "a repeated alternation whose branches overlap"
            inner = backtracking_risk(sub)
            if inner:
                return inner
        else:
            for child in _children(op, av):
                inner = backtracking_risk(child)
                if inner:
                    return inner
    return None


def _risky_branch(items: list, body_start: Any) -> bool:
    """An alternation in a repeated body that lets the repeat split its input many ways:
    two empty alternatives ((a|a)+ parses as a(?:|)+), or an empty one beside one that can
    start like the body's next round ((a|aa)+ parses as a(?:|a)+; (a|ab)+ is safe)."""
    for op, av in items:
        if op in _ATOMIC:
            continue
        if op is _sc.BRANCH:
            alts = [list(a) for a in av[1]]
            empty = [a for a in alts if not a]
            rest = [a for a in alts if a]
            if len(empty) > 1 or _alternatives_overlap(rest):
                return True
            if empty and any(_first_chars(a) & body_start for a in rest):
                return True
        for child in _children(op, av):
            if _risky_branch(child, body_start):
                return True
    return False


def _children(op: Any, av: Any) -> list[list]:
    if op is _sc.SUBPATTERN:
        return [list(av[-1])]
    if op is _sc.BRANCH:
        return [list(a) for a in av[1]]
    if op in (_sc.ASSERT, _sc.ASSERT_NOT):
        return [list(av[1])]
    if op is _sc.GROUPREF_EXISTS:
        return [list(a) for a in av[1:] if a is not None]
    return []


def _has_variable_repeat(items: list) -> bool:
    for op, av in items:
        if op in _ATOMIC:
            continue
        if op in _REPEATS:
            lo, hi, sub = av
            if lo != hi:
                return True
            if _has_variable_repeat(list(sub)):
                return True
        else:
            for child in _children(op, av):
                if _has_variable_repeat(child):
                    return True
    return False


_SINGLE = {_sc.LITERAL, _sc.NOT_LITERAL, _sc.IN, _sc.ANY}


def _delimited(items: list) -> bool:
    r"""A repeated body whose variable parts cannot blur into each other: each is a
    repeated single character class followed by a required character it cannot match
    (``(?:\w+ )+``, ``(?:[^,]*,)*``). Such a group splits its input one way only."""
    while len(items) == 1 and items[0][0] is _sc.SUBPATTERN:
        items = list(items[0][1][-1])
    for k, (op, av) in enumerate(items):
        if op in _REPEATS:
            lo, hi, sub = av
            sub = list(sub)
            if lo == hi and not _has_variable_repeat(sub):
                continue
            if len(sub) != 1 or sub[0][0] not in _SINGLE or k + 1 >= len(items):
                return False
            nxt = items[k + 1]
            if nxt[0] not in _SINGLE:
                return False
            if _first_chars(sub) & _first_chars([nxt]):
                return False
        elif _children(op, av) and any(_has_variable_repeat(c) for c in _children(op, av)):
            return False
    return True


def _sole_branch(items: list) -> list[list] | None:
    """The alternatives when a repeated body is (a group around) one alternation."""
    while len(items) == 1 and items[0][0] is _sc.SUBPATTERN:
        items = list(items[0][1][-1])
    if len(items) == 1 and items[0][0] is _sc.BRANCH:
        return [list(a) for a in items[0][1][1]]
    return None


def _alternatives_overlap(alts: list[list]) -> bool:
    seen: set[str] = set()
    for alt in alts:
        first = _first_chars(alt)
        if first & seen:
            return True
        seen |= first
    return False


def _first_chars(items: list) -> set[str]:
    """Probe characters an alternative can start with (all of them when unsure)."""
    if not items:
        return set()
    op, av = items[0]
    if op is _sc.LITERAL:
        return {chr(av)} | ({chr(av).swapcase()} if chr(av).swapcase() != chr(av) else set())
    if op is _sc.NOT_LITERAL:
        return set(_PROBE) - {chr(av)}
    if op is _sc.ANY:
        return set(_PROBE)
    if op is _sc.IN:
        return {c for c in _PROBE if _in_set(av, c)}
    if op is _sc.SUBPATTERN:
        return _first_chars(list(av[-1]))
    if op is _sc.BRANCH:
        out: set[str] = set()
        for a in av[1]:
            out |= _first_chars(list(a))
        return out
    if op in _REPEATS and av[0] >= 1:
        return _first_chars(list(av[2]))
    return set(_PROBE)


_CATEGORY_TEST = {
    "CATEGORY_DIGIT": str.isdigit,
    "CATEGORY_NOT_DIGIT": lambda c: not c.isdigit(),
    "CATEGORY_SPACE": str.isspace,
    "CATEGORY_NOT_SPACE": lambda c: not c.isspace(),
    "CATEGORY_WORD": lambda c: c.isalnum() or c == "_",
    "CATEGORY_NOT_WORD": lambda c: not (c.isalnum() or c == "_"),
}


def _in_set(items: Any, c: str) -> bool:
    negate = False
    hit = False
    for op, av in items:
        if op is _sc.NEGATE:
            negate = True
        elif op is _sc.LITERAL:
            hit = hit or c == chr(av) or c.lower() == chr(av).lower()
        elif op is _sc.RANGE:
            hit = hit or av[0] <= ord(c) <= av[1] or av[0] <= ord(c.swapcase()[:1] or c) <= av[1]
        elif op is _sc.CATEGORY:
            test = _CATEGORY_TEST.get(str(av))
            hit = hit or (test(c) if test else True)
        else:
            hit = True
    return hit != negate
