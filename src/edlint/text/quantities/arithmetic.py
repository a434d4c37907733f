"""Unit arithmetic: conversion factors, ``convert``, and rounding to significant figures.

The factors come from ``edlint/text/_unit_factors.py``, generated from pint at development
time by ``benchmarks/pint_factors.py`` and imported on first use, so pint is never
imported at run time.
"""

from __future__ import annotations

import math

_FACTORS: dict[str, tuple[tuple[float, float], ...]] | None = None


def factors(key: str) -> tuple[tuple[float, float], ...]:
    """(factor, offset) pairs taking a value in ``key`` to SI base units (value*f + o);
    several when the unit name is ambiguous (US and imperial gallons)."""
    global _FACTORS
    if _FACTORS is None:
        from .._unit_factors import FACTORS

        _FACTORS = FACTORS
    return _FACTORS[key]


def convert(value: float, src: str, dst: str, *, delta: bool = False) -> list[float]:
    """``value`` in ``src`` expressed in ``dst``, for every reading of ambiguous units.
    ``delta``: a temperature difference (no offset)."""
    out = []
    for fs, os_ in factors(src):
        for fd, od in factors(dst):
            if delta:
                out.append(value * fs / fd)
            else:
                out.append((value * fs + os_ - od) / fd)
    return out


def round_sig(x: float, k: int) -> float:
    if x == 0 or not math.isfinite(x):
        return x
    return round(x, k - 1 - math.floor(math.log10(abs(x))))


def format_number(x: float, k: int = 3) -> str:
    """``x`` to ``k`` significant figures, with thousands separators: 1609.34 -> "1,610"."""
    r = round_sig(x, k)
    if abs(r - round(r)) < 1e-9 * max(1.0, abs(r)):
        return f"{round(r):,}"
    decimals = max(0, k - 1 - math.floor(math.log10(abs(r))))
    return f"{r:,.{decimals}f}".rstrip("0").rstrip(".")


def format_sig(x: float, k: int) -> str:
    """``x`` rounded to ``k`` significant figures, showing all of them: 2.03 -> "2.0"."""
    r = round_sig(x, k)
    if r == 0 or not math.isfinite(r):
        return "0"
    decimals = max(0, k - 1 - math.floor(math.log10(abs(r))))
    return f"{r:,.{decimals}f}"
