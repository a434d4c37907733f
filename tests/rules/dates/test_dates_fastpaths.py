"""The fast paths of the date extractor and the date-format rule give what the plain forms
they replace give (see also tests/test_text_fastpaths.py, which checks find_dates whole)."""

from __future__ import annotations

import calendar
import re
from collections import Counter

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from edlint.rules.dates import format as F
from edlint.text import dates as D
from edlint.text.dates import patterns as DP

PROPS = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def test_days_in_month_is_calendars():
    for year in [None, *range(-401, 2402)]:
        for month in range(1, 13):
            want = 29 if month == 2 and year is None else calendar.monthrange(2001 if year is None else year, month)[1]
            assert D.days_in_month(year, month) == want, (year, month)
    for month in (0, 13, -1):
        try:
            D.days_in_month(2024, month)
        except calendar.IllegalMonthError:
            pass
        else:  # pragma: no cover
            raise AssertionError(month)


NUMERIC = st.lists(
    st.sampled_from(["1", "12", "2024", "-", "/", ".", " ", "a", "٣", "x", "19.06.2025"]), max_size=14
).map("".join)
_NUMERIC_HINT_PLAIN = re.compile(r"\d[-/.]\d{1,2}[-/.]\d")


@PROPS
@given(NUMERIC)
def test_numeric_hint_is_the_plain_pattern(text):
    for start in range(len(text) + 1):  # find_dates searches whole texts
        part = text[start:]
        assert bool(DP._NUMERIC_HINT.search(part)) == bool(_NUMERIC_HINT_PLAIN.search(part))


WEEKDAYISH = st.lists(
    st.sampled_from(
        [
            "Monday",
            "MONDAY",
            "Mon.",
            "Tues",
            "Thurs.",
            "Weds",
            "Sun",
            "SAT",
            "monday",
            "Mond",
            "Fri-Sat",
            "Tuesday to Thursday",
            ", ",
            " (",
            " ",
            "the ",
            "\u00a0",
            "x",
            "5",
        ]
    ),
    max_size=8,
).map("".join)


@PROPS
@given(WEEKDAYISH)
def test_weekday_hint_stands_wherever_a_weekday_is_read(text):
    # _attach_weekday searches a window with _WD_BEFORE only where _WEEKDAY_HINT finds a prefix.
    for lo in range(len(text) + 1):
        if DP._WD_BEFORE.search(text, lo):
            assert DP._WEEKDAY_HINT.search(text, lo)


# -- date-format's profile of an article's dates -------------------------------------------


def _naming_fits_plain(d: D.DateMention) -> set[str]:
    out = {"ap", "full", "abbr"}
    with_day = d.day is not None
    for month, text in ((d.month, d.month_text), (d.end_month, d.end_month_text)):
        if not text or month is None or month == 5:
            continue
        if not with_day:
            fits = {"abbr"} if D.is_abbreviated(month, text) else {"ap", "full", "abbr"}
        elif D.is_abbreviated(month, text):
            fits = {"abbr", "ap"} if month in D.AP_MONTH_ABBR else {"abbr"}
        else:
            fits = {"full"} if month in D.AP_MONTH_ABBR else {"full", "ap"}
        out &= fits
    return out


def _profile_plain(items: list[D.DateMention]) -> D.DateStyle:
    """date-format's _profile as first written: a pass over the dates for each choice."""
    order = F._majority([o for d in items if (o := F._order(d))]) or "md"
    schemes: Counter = Counter()
    for d in items:
        if d.month_text:
            for scheme in _naming_fits_plain(d):
                schemes[scheme] += 1
    naming = "ap"
    if schemes:
        top = max(schemes[s] for s in ("ap", "full", "abbr"))
        naming = next(s for s in ("ap", "full", "abbr") if schemes[s] == top)
    abbrs = [
        (m, t)
        for d in items
        for m, t in ((d.month, d.month_text), (d.end_month, d.end_month_text))
        if t and m is not None and m != 5 and D.is_abbreviated(m, t)
    ]
    dotted = [
        t.endswith(".")
        for d in items
        for m, t in ((d.month, d.month_text),)
        if not d.dot_unknown and t and m is not None and m != 5 and D.is_abbreviated(m, t)
    ]
    abbr_dot = F._majority(dotted, prefer=(True,))
    septs = [t.rstrip(".").title() for m, t in abbrs if m == 9]
    sept = F._majority(septs, prefer=("Sept",) if naming == "ap" else ()) or "Sept"
    ordinals = F._majority([d.ordinal for d in items if d.kind in ("md", "dm")], prefer=(False,))
    dm_commas = [d.year_comma for d in items if d.kind == "dm" and d.year is not None]
    return D.DateStyle(
        order=order,
        naming=naming,
        abbr_dot=True if abbr_dot is None else abbr_dot,
        ordinals=bool(ordinals),
        year_comma=True if order == "md" else bool(F._majority(dm_commas, prefer=(False,))),
        keep_of=True,
        sept=sept,
    )


DATES = st.sampled_from(
    [
        "June 19",
        "Jun. 19",
        "JUNE 19",
        "19 June",
        "19 June, 2025",
        "the 19th of June",
        "June 19th",
        "Sept. 3",
        "Sep 3",
        "SEPT 3",
        "3 Sept.",
        "Sept 2024",
        "September 2024",
        "May 5",
        "5 May 2024",
        "Aug. 9, 2025",
        "August 9",
        "Nov. 13-15",
        "Nov 30-Dec. 2",
        "6/19/25",
        "19/06/2025",
        "2024-06-19",
        "13 Nov.",
        "June 2025",
        "June, 2025",
        "Dec 1",
        "1 Dec.",
        "March 3, 2024",
        "3 March, 2024",
        "10.12.2024",
    ]
)


@PROPS
@given(st.lists(DATES, max_size=12))
def test_profile_is_the_plain_form(written):
    items = [d for text in written for d in D.find_dates(f"On {text} and after.")]
    assert F._profile(items) == _profile_plain(items)
    for d in items:
        assert set(F._naming_fits(d)) == _naming_fits_plain(d)
