"""Calendar arithmetic with the standard library: days in a month, whether a date exists,
the nearest occurrence of a month and day, the weekday of a date and its name."""

from __future__ import annotations

import calendar
import datetime as _dt

from .names import _AP_WEEKDAYS, _SHORT_WEEKDAYS, MONTHS, WEEKDAYS

_MONTH_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def days_in_month(year: int | None, month: int) -> int:
    """Days in ``month``; with no year, February has 29 (the date may be in a leap year)."""
    if month == 2:
        return 29 if year is None or calendar.isleap(year) else 28
    if not 1 <= month <= 12:
        raise calendar.IllegalMonthError(month)  # as calendar.monthrange would
    return _MONTH_DAYS[month - 1]


def date_problem(year: int | None, month: int, day: int | None) -> str | None:
    """Why (year, month, day) cannot exist, or None."""
    if not 1 <= month <= 12:
        return f"there is no month {month}"
    if day is None:
        return None
    if day < 1:
        return f"there is no day {day}"
    limit = days_in_month(year, month)
    if day > limit:
        if month == 2 and day == 29 and year is not None:
            return f"{year} is not a leap year"
        return f"{MONTHS[month - 1]} has {limit} days"
    return None


def nearest_occurrence(month: int, day: int, ref: _dt.date) -> _dt.date | None:
    """The date with this month and day nearest to ``ref`` (the year before, of, or after;
    for February 29, the nearest leap year)."""
    span = 4 if (month, day) == (2, 29) else 1
    best: _dt.date | None = None
    for y in range(ref.year - span, ref.year + span + 1):
        if date_problem(y, month, day) is not None:
            continue
        cand = _dt.date(y, month, day)
        if best is None or abs((cand - ref).days) < abs((best - ref).days):
            best = cand
    return best


def weekday_of(year: int, month: int, day: int) -> int | None:
    if date_problem(year, month, day) is not None:
        return None
    return _dt.date(year, month, day).weekday()


def weekday_like(number: int, sample: str) -> str:
    """The name of weekday ``number`` written like ``sample`` ("Tue" -> "Wed",
    "Thurs." -> "Fri.", "MONDAY" -> "TUESDAY")."""
    bare = sample.rstrip(".")
    if len(bare) >= 6:
        out = WEEKDAYS[number]
    elif len(bare) == 3:
        out = _SHORT_WEEKDAYS[number] + ("." if sample.endswith(".") else "")
    else:  # Tues, Thurs, Weds: AP's abbreviations
        out = _AP_WEEKDAYS[number] if sample.endswith(".") else _AP_WEEKDAYS[number].rstrip(".")
    if bare.isupper() and len(bare) > 1:
        out = out.upper()
    return out
