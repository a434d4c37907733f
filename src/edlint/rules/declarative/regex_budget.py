"""The CPU-time budget pack rules run under (see :mod:`~edlint.rules.declarative.regexes`
for why a budget rather than a linear-time engine)."""

from __future__ import annotations

import re
from typing import Any

from .regexes import PATTERN_SITES


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
