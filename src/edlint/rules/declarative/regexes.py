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
:class:`RegexBudget`; benchmarks/README.md has the measurements.
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


class BudgetExceeded(Exception):
    """A pack rule ran past its CPU-time budget on one document."""


class _Overrun(BaseException):
    """Raised by the timer inside the pack rule (a BaseException, so no ``except
    Exception`` in the rule's path swallows it); becomes :class:`BudgetExceeded`."""


class RegexBudget:
    """A CPU-time budget for one pack rule on one document.

    A process CPU timer (``ITIMER_PROF``: CPU time, so a busy machine does not make a
    pattern look slow) ticks every TICK seconds of CPU; while a budget runs, the tick
    compares the CPU clock with the budget's deadline and, past it, raises inside the
    running code. ``re`` checks for signals while it matches, so even a pattern that would
    backtrack for hours stops there. Ticking rather than arming a timer per rule keeps the
    cost per rule and document to reading the CPU clock (two system calls to arm and
    disarm a timer cost 8% of the pack rules' time). The timer and its handler are set up
    once per process (a forked worker sets up its own: timers are not inherited); the timer
    stops itself after a few ticks outside any budget, and at exit. Where no
    timer can be used (not the main thread; Windows; a profiler already owns SIGPROF) the
    rule runs unbounded: the CLI runs rules in the main thread of each process.
    """

    # Per rule per document: SECONDS, plus PER_MB for each megabyte of the document. A
    # shipped rule needs about 0.1 ms per article and at most 0.8 s per megabyte of text
    # dense with matches (5 MB of doubled words); a runaway pattern needs hours.
    SECONDS = 1.0
    PER_MB = 2.0
    TICK = 0.1
    IDLE_TICKS = 3  # ticks outside any budget before the timer stops itself
    _active = False
    _deadline = 0.0
    _armed = False
    _idle = 0
    _ready_in: int | None = None  # the process that installed the handler (-1: cannot)

    _main_thread = -1  # the thread that installed the handler: Python runs handlers there

    @classmethod
    def available(cls) -> bool:
        import _thread
        import os

        if cls._ready_in != os.getpid():
            cls._armed = False  # a forked child has no timer running
            cls._ready_in = os.getpid() if cls._install() else -1
        return cls._ready_in != -1 and _thread.get_ident() == cls._main_thread

    @classmethod
    def _install(cls) -> bool:
        import _thread
        import atexit
        import signal

        if not hasattr(signal, "setitimer"):
            return False
        try:
            current = signal.getsignal(signal.SIGPROF)
            if current is not cls._on_tick:
                if current not in (signal.SIG_DFL, signal.SIG_IGN, None):
                    return False  # a profiler owns the timer: leave it alone
                # Raises ValueError outside the main thread: then no budget in this process.
                signal.signal(signal.SIGPROF, cls._on_tick)
        except (ValueError, OSError):
            return False
        cls._main_thread = _thread.get_ident()
        # A tick after the interpreter has reset its handlers would end the process.
        atexit.register(cls._disarm)
        return True

    @classmethod
    def _arm(cls) -> None:
        import signal

        cls._idle = 0
        signal.setitimer(signal.ITIMER_PROF, cls.TICK, cls.TICK)
        cls._armed = True

    @classmethod
    def _disarm(cls) -> None:
        import signal

        cls._armed = False
        try:
            signal.setitimer(signal.ITIMER_PROF, 0)
        except (ValueError, OSError):
            pass

    @classmethod
    def _on_tick(cls, signum: int, frame: Any) -> None:
        if cls._active:
            import time

            if time.process_time() > cls._deadline:
                cls._active = False
                raise _Overrun()
            return
        cls._idle += 1
        if cls._idle >= cls.IDLE_TICKS:
            cls._disarm()  # nothing runs under a budget: no ticks for code that is not ours

    @classmethod
    def run(cls, produce: Any, seconds: float, limit: int) -> list:
        """``list(produce())`` (at most ``limit`` items) within ``seconds`` of CPU time;
        raises :class:`BudgetExceeded` naming the pattern that was running."""
        from itertools import islice

        if cls._active or not cls.available():
            return list(islice(produce(), limit))
        import time

        cls._idle = 0
        if not cls._armed:
            cls._arm()
        cls._deadline = time.process_time() + seconds
        cls._active = True
        try:
            return list(islice(produce(), limit))
        except _Overrun as exc:
            raise BudgetExceeded(_running_pattern(exc.__traceback__)) from None
        finally:
            cls._active = False


def _running_pattern(tb: Any) -> str:
    """The pack pattern the interrupted code was running: the innermost frame holding one."""
    found = ""
    while tb is not None:
        for value in tb.tb_frame.f_locals.values():
            if isinstance(value, re.Pattern):
                site = PATTERN_SITES.get(id(value))
                if site is not None and site[0] is value:
                    shown = value.pattern if len(value.pattern) <= 80 else value.pattern[:77] + "..."
                    found = f"{site[1]}: pattern /{shown}/"
        tb = tb.tb_next
    return found


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
