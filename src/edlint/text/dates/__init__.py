"""Finding dates in prose, strictly: "June 19, 2025", "19 June", "Thursday, Nov. 13",
"2025-06-19", "6/19/25", ranges ("June 19-21", "19–21 June"), month and year ("June 2025").

Precision comes first. A month name must be capitalised and stand next to a day number or
a year; "May" after a capitalised name ("Theresa May 2019") is a name; a day followed by a
quantity word ("March 5 miles", "May 3 percent") or by a score ("May 3-1") is not a day;
numeric dates need three parts with a year, and never sit inside a URL, a file name, a
version ("v1.2.2025") or a phone number. Calendar arithmetic uses only the standard library.

Also here: reading a metadata date as written (``2015-06-15 12:30:00 -4``,
``'2020-09-09T00:00:00-04:00'``, ``Tue, 26 Nov 2019 10:00:00 GMT``), the date in a file name
(``2022-08-10-slug.md``), the nearest occurrence of a month/day to a reference date, and
rendering a date in a house style (AP, US, UK, ISO).

One job per module; each imports only from those listed above it:

    names.py      month and weekday names (MONTHS, WEEKDAYS, AP_MONTH_ABBR, SHORT_MONTHS),
                  the MONTH/WEEKDAY pattern pieces, month_number, weekday_number
    patterns.py   the date regexes and the cues that rule a candidate out
    mention.py    DateMention
    days.py       calendar arithmetic: days_in_month, date_problem, nearest_occurrence,
                  weekday_of, weekday_like
    find.py       find_dates and the reader of each date form
    relative.py   find_relative_dates ("yesterday", "on Thursday", "last week")
    metadata.py   MetaDate, parse_meta_date, file_name_date
    render.py     DateStyle, HOUSE_STYLES, is_abbreviated, month_as, render, spell

This module re-exports the public names; private ones are imported from the module that
holds them.
"""

from __future__ import annotations

from .days import date_problem, days_in_month, nearest_occurrence, weekday_like, weekday_of
from .find import find_dates
from .mention import DateMention
from .metadata import MetaDate, file_name_date, parse_meta_date
from .names import (
    AP_MONTH_ABBR,
    MONTH,
    MONTHS,
    SHORT_MONTHS,
    WEEKDAY,
    WEEKDAY_FULL,
    WEEKDAYS,
    month_number,
    weekday_number,
)
from .relative import find_relative_dates
from .render import HOUSE_STYLES, DateStyle, is_abbreviated, month_as, render, spell

__all__ = [
    "AP_MONTH_ABBR",
    "HOUSE_STYLES",
    "MONTH",
    "MONTHS",
    "SHORT_MONTHS",
    "WEEKDAY",
    "WEEKDAYS",
    "WEEKDAY_FULL",
    "DateMention",
    "DateStyle",
    "MetaDate",
    "date_problem",
    "days_in_month",
    "file_name_date",
    "find_dates",
    "find_relative_dates",
    "is_abbreviated",
    "month_as",
    "month_number",
    "nearest_occurrence",
    "parse_meta_date",
    "render",
    "spell",
    "weekday_like",
    "weekday_number",
    "weekday_of",
]
