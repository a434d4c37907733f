"""Conversions written in prose ("10 km (6 miles)") and whether their numbers agree.

``find_conversions`` pairs a quantity with the next one when that restates the same measure
in other units; ``temperature_kind`` tells a temperature difference ("rose by 2C") from a
reading ("highs of 30C"); ``check_conversion`` checks the numbers within rounding and says
why a wrong one is probably wrong.
"""

from __future__ import annotations

import itertools
import math
from typing import NamedTuple

from ..patterns import lazy
from .arithmetic import convert
from .extract import Quantity
from .units import AREA

_HEDGE = (
    r"(?:about|around|roughly|approximately|approx\.?|some|nearly|almost|over|under|more\s+than"
    r"|less\s+than|just\s+(?:over|under)|up\s+to|at\s+least|c\.|ca\.|circa|~|\u2248|an\s+estimated"
    r"|or|that'?s|that\s+is|i\.e\.,?|equivalent\s+to|the\s+equivalent\s+of|almost|close\s+to)"
)
# "1,900-mile-wide (3,100 kilometers)": a measure used as an adjective keeps its conversion.
_BRACKET_GAP = lazy(rf"(?i)(?:-(?:wide|long|tall|high|deep|thick|across))?\s*[(\[]\s*(?P<hedge>(?:{_HEDGE}\s*)*)")
_INLINE_GAP = lazy(rf"(?i),?\s*(?:or\s|\u2013|\u2014|\s-\s)\s*(?P<hedge>(?:{_HEDGE}\s*)*)")
_LOOSE_HEDGES = lazy(r"(?i)about|around|roughly|approx|some|nearly|almost|c\.|ca\.|circa|~|\u2248|estimated|close")


class Conversion(NamedTuple):
    """A quantity followed by the same measure in other units."""

    source: Quantity
    target: Quantity
    bracketed: bool  # "10 km (6 miles)"; otherwise "10 km, or about 6 miles"
    hedged: bool  # "(about 6 miles)": rounded loosely on purpose
    checkable: bool  # clearly meant as a conversion, so its numbers are worth checking


def find_conversions(text: str, quantities: list[Quantity]) -> list[Conversion]:
    """Quantities followed by the same measure in other units: "10 km (6 miles)"."""
    out: list[Conversion] = []
    for a, b in itertools.pairwise(quantities):
        if a.dimension != b.dimension or a.unit == b.unit:
            continue
        gap = text[a.end : b.start]
        m = _BRACKET_GAP.fullmatch(gap)
        if m:
            close = text.find(")", b.end, b.end + 60) if "(" in gap else text.find("]", b.end, b.end + 60)
            if close < 0 or "(" in text[b.end : close]:
                continue
            hedge = m.group("hedge") or ""
            out.append(Conversion(a, b, True, bool(_LOOSE_HEDGES.search(hedge)), True))
            continue
        m = _INLINE_GAP.fullmatch(gap)
        if m and len(gap) <= 40:
            hedge = m.group("hedge") or ""
            loose = bool(_LOOSE_HEDGES.search(hedge))
            out.append(Conversion(a, b, False, loose, loose))
    return out


_DIFF_BEFORE = lazy(
    rf"(?i)(?:\bby|\b(?:warming|heating|cooling|rise|rises|increase|increases|drop|drops|fall|falls"
    rf"|change|changes|difference|swing|anomaly|jump|spike|dip|decline)\s+of)\s+(?:{_HEDGE}\s+)*$"
)
_DIFF_AFTER = lazy(
    r"(?i)\s*(?:\([^)]{0,30}\)\s*)?(?:of\s+(?:warming|heating|cooling)|warmer|cooler|hotter|colder"
    r"|higher|lower|above|below|rise|increase|drop|fall|jump|less|more|warming|cooling|hike"
    r"|difference|change|swing|over\s+pre-industrial|target|limit|threshold)\b"
)
_ABS_BEFORE = lazy(
    rf"(?i)\b(?:to|at|of|reached|reach|reaching|hit|hits|hitting|highs?|lows?|exceed\w*|topped"
    rf"|touched|is|was|were|be|above|below|than|around|about|from|temperatures?)\s+(?:{_HEDGE}\s+)*$"
)


def temperature_kind(text: str, q: Quantity) -> str | None:
    """Is this temperature a difference ("rose by 2C", "1.5C of warming") or an absolute
    reading ("highs of 30C")? None when the words around it do not say."""
    before = text[max(0, q.start - 50) : q.start]
    if _DIFF_BEFORE.search(before):
        return "diff"
    if _DIFF_AFTER.match(text, q.end):
        return "diff"
    if _ABS_BEFORE.search(before):
        return "abs"
    return None


class ConversionCheck(NamedTuple):
    """Whether a conversion's numbers agree, and what the source really converts to."""

    ok: bool
    expected: float  # the source in the target's unit (closest reading)
    reading: str  # "abs" | "diff" for temperatures, "" otherwise
    hint: str = ""  # why it is probably wrong (area converted as a length ...)


def _fits(
    s: float,
    s_step: float,
    c: float,
    c_loose: float,
    src: str,
    dst: str,
    delta: bool,
    tolerance: float,
    absolute_temperature: bool,
) -> tuple[bool, float]:
    """Does ``c`` (in ``dst``) agree with ``s`` (in ``src``) within rounding?

    Allowed error: the source's own rounding (half its last digit, converted) plus the
    conversion's rounding at the precision it is written, capped at ``tolerance`` of the
    value (1 degree for absolute temperatures) so "100 m (300 ft)" is not rounding.
    """
    best_err, best = math.inf, math.nan
    scale = abs(convert(1.0, src, dst, delta=True)[0])
    for conv in convert(s, src, dst, delta=delta):
        err = abs(c - conv)
        if absolute_temperature and abs(conv) < 150:
            cap = 1.0 if tolerance <= 0.05 else 2.0  # weather: 30C is 86F, not 90F
        else:
            cap = tolerance * abs(conv)
        if absolute_temperature and abs(conv) >= 150:
            # Oven temperatures are conventionally rounded to 25F/10C steps: 180C (350F).
            allowed = s_step * scale + cap
        else:
            allowed = s_step * scale + min(c_loose, cap)
        if err <= allowed * (1 + 1e-9) + 1e-12:
            return True, conv
        if err < best_err:
            best_err, best = err, conv
    return False, best


def check_conversion(conv: Conversion, kind: str | None = None, tolerance: float = 0.05) -> ConversionCheck | None:
    """Do the numbers of ``conv`` agree within rounding? None when it cannot be checked
    (a range against a single value). ``kind``: "diff"/"abs"/None for temperatures."""
    s, c = conv.source, conv.target
    if (s.high is None) != (c.high is None):
        return None
    tol = tolerance * 2 if conv.hedged else tolerance
    pairs = [(s.value, c.value)]
    if s.high is not None and c.high is not None:
        pairs.append((s.high, c.high))
    temp = s.info.temperature
    readings = [""] if not temp else (["diff"] if kind == "diff" else ["abs"] if kind == "abs" else ["abs", "diff"])
    expected = math.nan
    for reading in readings:
        delta = reading == "diff"
        good = True
        first = math.nan
        for sv, cv in pairs:
            ok, exp = _fits(sv, s.step, cv, c.loose_step, s.unit, c.unit, delta, tol, reading == "abs")
            if math.isnan(first):
                first = exp
            good = good and ok
        if good:
            return ConversionCheck(True, first, reading)
        if reading == readings[0]:
            expected = first
    hint = ""
    reading = readings[0]
    if temp and kind in ("diff", "abs"):
        other = "abs" if kind == "diff" else "diff"
        ok, _ = _fits(s.value, s.step, c.value, c.loose_step, s.unit, c.unit, other == "diff", tol, other == "abs")
        if ok:
            hint = (
                "it converts an absolute temperature, but this is a change in temperature"
                if kind == "diff"
                else "it converts a change in temperature, but this is a temperature reading"
            )
    elif s.dimension == AREA:
        lin = math.sqrt(abs(convert(1.0, s.unit, c.unit)[0]))
        # An area converted with the length factor: 500 sq km (310 sq miles).
        for f in (lin, 1 / lin if lin else 0.0):
            if f and abs(c.value - s.value * f) <= max(c.loose_step, 0.02 * s.value * f):
                hint = "it looks like the length factor was used; areas convert by its square"
                break
    return ConversionCheck(False, expected, reading, hint)
