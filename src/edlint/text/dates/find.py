"""Finding the dates written in prose: find_dates and the readers for each date form."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

from .days import date_problem
from .mention import DateMention
from .names import WEEKDAYS, month_number, weekday_number
from .patterns import (
    _BEFORE_MONTH_OK,
    _DATE_INTRO,
    _DIGIT,
    _DM,
    _DM_RUN_REVERSED,
    _HYPHEN_WORD_AFTER,
    _ISO,
    _MD,
    _MONTH_HINT,
    _MONTH_PHRASE_AFTER,
    _MY,
    _NAMEY_MONTHS,
    _NUM,
    _NUMERIC_HINT,
    _PLURAL_AFTER,
    _PREV_TOKEN,
    _PREV_WORD,
    _QUANTITY_AFTER,
    _RECURRING_BEFORE,
    _SCORE_AFTER,
    _VERSION_BEFORE,
    _WD_AFTER,
    _WD_BEFORE,
    _WEEKDAY_HINT,
    _YEAR_BEFORE,
)


def _expand_year(text: str) -> int:
    y = int(text)
    if len(text) == 2:
        return 2000 + y if y < 70 else 1900 + y
    return y


def _matches_at(pattern: Any, text: str, starts: Iterable[int]) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)`` when every place a match can start is in ``starts``
    (ascending): the leftmost match at or after the end of the last one, each time."""
    end = 0
    match = pattern.match
    for p in starts:
        if p < end:
            continue
        m = match(text, p)
        if m is not None:
            end = m.end()
            yield m


def _day_month_starts(text: str, months: list[int]) -> Iterator[int]:
    """Where a day-month date (``_DM``) can start: its month is one of ``months``, and
    between the two only the characters of "the 19th-21st of " stand (no capital of a
    month), so it starts in the run of those characters right before a month, on "the"
    or a digit."""
    n = len(text)
    rev = text[::-1]
    run = _DM_RUN_REVERSED.match
    for q in months:
        lo = q - (run(rev, n - q).end() - (n - q))  # type: ignore[union-attr]
        for p in range(lo, q):
            if text[p] in "Tt0123456789":
                yield p


def find_dates(text: str) -> list[DateMention]:
    """Every date written in ``text``, in order, non-overlapping."""
    if not _DIGIT.search(text):
        return []
    cands: list[DateMention] = []
    # Every month name begins with one of the three-letter prefixes of _MONTH_HINT, so the
    # three month patterns are tried only where those occur (found by a fast literal scan)
    # instead of being run over the whole text; what they find is the same.
    months = [m.start() for m in _MONTH_HINT.finditer(text)]
    if months:
        for m in _matches_at(_MD, text, months):
            d = _from_md(text, m)
            if d is not None:
                cands.append(d)
        for m in _matches_at(_DM, text, _day_month_starts(text, months)):
            d = _from_dm(text, m)
            if d is not None:
                cands.append(d)
        for m in _matches_at(_MY, text, months):
            d = _from_my(text, m)
            if d is not None:
                cands.append(d)
    if _NUMERIC_HINT.search(text):
        for m in _ISO.finditer(text):
            d = _from_iso(text, m)
            if d is not None:
                cands.append(d)
        for m in _NUM.finditer(text):
            d = _from_num(text, m)
            if d is not None:
                cands.append(d)
    if len(cands) < 2:  # nothing to choose between
        return [_attach_weekday(text, c) for c in cands]
    # Longest first, then leftmost; keep what does not overlap a better candidate. The
    # characters already kept are marked, so each candidate is checked against its own
    # span rather than against every date kept (long texts with thousands of dates).
    cands.sort(key=lambda c: (c.start - c.end, c.start))
    kept = bytearray(len(text))
    taken: list[DateMention] = []
    for c in cands:
        if kept.find(1, c.start, c.end) < 0:
            kept[c.start : c.end] = b"\x01" * (c.end - c.start)
            taken.append(c)
    taken.sort(key=lambda c: c.start)
    return [_attach_weekday(text, c) for c in taken]


def _is_name(text: str, month_start: int, month_text: str) -> bool:
    """ "Theresa May 2019", "Brian May 5": a capitalised word (not a weekday, preposition
    or date word) right before "May" makes it a surname."""
    if month_text.rstrip(".").lower() not in _NAMEY_MONTHS:
        return False
    pm = _PREV_WORD.search(text, max(0, month_start - 30), month_start)
    if pm is None:
        return False
    return pm.group(1).lower() not in _BEFORE_MONTH_OK


def _introduces_date(text: str, start: int) -> bool:
    pm = _PREV_TOKEN.search(text, max(0, start - 24), start)
    if pm is None:
        return True  # start of text or after punctuation
    return pm.group(1).lower() in _DATE_INTRO or pm.group(1) in WEEKDAYS


def _quantity_follows(text: str, end: int) -> bool:
    return bool(_QUANTITY_AFTER.match(text, end) or _HYPHEN_WORD_AFTER.match(text, end))


def _from_md(text: str, m: re.Match[str]) -> DateMention | None:
    mtext = m.group("m")
    month = month_number(mtext)
    day = int(m.group("d"))
    if month is None or _is_name(text, m.start(), mtext):
        return None
    if _YEAR_BEFORE.search(text, max(0, m.start() - 8), m.start()):
        return None  # "Epub 2020 Jul 18": a citation's year-month-day, not a form we judge
    end = m.end()
    year = int(m.group("y")) if m.group("y") else None
    if year is not None and _quantity_follows(text, m.end("y")):
        # "On June 5, 2000 people marched": the number belongs to the people.
        year = None
        last = "o2" if m.group("o2") else "d2" if m.group("d2") else "o" if m.group("o") else "d"
        end = m.end(last)
    if year is None and (_quantity_follows(text, end) or _SCORE_AFTER.match(text, end)):
        return None
    end_day = end_month = None
    end_month_text = ""
    if m.group("d2"):
        end_day = int(m.group("d2"))
        end_month_text = m.group("m2") or ""
        end_month = month_number(end_month_text) if end_month_text else month
        if end_month is None or not _range_ok(month, day, end_month, end_day):
            return None
    return _finish(
        text,
        m.start(),
        end,
        "md",
        month,
        day,
        year,
        mtext,
        end_month=end_month,
        end_day=end_day,
        end_month_text=end_month_text,
        dash=m.group("dash") or "",
        ordinal=bool(m.group("o") or m.group("o2")),
        year_comma=bool(m.group("c")) and year is not None,
    )


def _from_dm(text: str, m: re.Match[str]) -> DateMention | None:
    mtext = m.group("m")
    month = month_number(mtext)
    if month is None:
        return None
    ordinal = bool(m.group("o") or m.group("o2") or m.group("o3"))
    if m.group("of") and not ordinal:
        return None  # "5 of June's staff": "of" needs "5th"
    if m.group("the") and not m.group("of"):
        start = m.start("d")
    else:
        start = m.start()
    # "the" belongs to the date only in "the 13th of November".
    if _VERSION_BEFORE.search(text, max(0, start - 12), start):
        return None
    day = int(m.group("d"))
    end = m.end()
    year = int(m.group("y")) if m.group("y") else None
    if year is not None and _quantity_follows(text, m.end("y")):
        return None
    if year is None and not m.group("m3"):
        mend = m.end("m")
        if _MONTH_PHRASE_AFTER.match(text, mend) or _HYPHEN_WORD_AFTER.match(text, mend):
            return None  # "10 March Madness picks", "4 May-born babies"
        if _PLURAL_AFTER.match(text, mend) and not _introduces_date(text, start):
            return None  # "shipped 5 June releases": a count of June releases
    end_day = end_month = None
    end_month_text = ""
    dash = ""
    if m.group("d2"):
        if m.group("m3"):
            return None  # "19-21 June-3 July" is not a date form
        end_day, end_month, dash = int(m.group("d2")), month, m.group("dash")
    elif m.group("d3"):
        end_day = int(m.group("d3"))
        end_month_text = m.group("m3")
        end_month = month_number(end_month_text)
        dash = m.group("dash3")
    if end_day is not None and (end_month is None or not _range_ok(month, day, end_month, end_day)):
        return None
    dot_unknown = False
    if (
        year is None
        and not m.group("m3")
        and mtext.endswith(".")
        and (end == len(text) or text[end] in " \t\n\u00a0)\"'’”")
    ):
        # "on 13 Nov." ending a sentence: the period is not part of the date.
        mtext, end, dot_unknown = mtext[:-1], end - 1, True
    d = _finish(
        text,
        start,
        end,
        "dm",
        month,
        day,
        year,
        mtext,
        end_month=end_month,
        end_day=end_day,
        end_month_text=end_month_text,
        dash=dash,
        ordinal=ordinal,
        of=bool(m.group("of")),
        year_comma=bool(m.group("c")) and year is not None,
    )
    return d._replace(dot_unknown=True) if dot_unknown else d


def _from_my(text: str, m: re.Match[str]) -> DateMention | None:
    mtext = m.group("m")
    month = month_number(mtext)
    if month is None or _is_name(text, m.start(), mtext):
        return None
    if _quantity_follows(text, m.end()):
        return None
    return _finish(
        text,
        m.start(),
        m.end(),
        "my",
        month,
        None,
        int(m.group("y")),
        mtext,
        year_comma=bool(m.group("c")),
        of=bool(m.group("of")),
    )


def _from_iso(text: str, m: re.Match[str]) -> DateMention | None:
    year, month, day = int(m.group("y")), int(m.group("m")), int(m.group("d"))
    if not 1900 <= year <= 2099 or month > 19 or day > 39:
        return None
    problem = date_problem(year, month, day)
    if problem is not None and m.group("s") == ".":
        return None  # "2024.13.01" is a version number more often than a date
    return DateMention(
        start=m.start(),
        end=m.end(),
        text=m.group(0),
        kind="iso",
        month=month if 1 <= month <= 12 else None,
        day=day,
        year=year,
        sep=m.group("s"),
        raw_parts=(year, month, day),
        has_time=bool(m.group("t")),
        problem=problem,
    )


def _from_num(text: str, m: re.Match[str]) -> DateMention | None:
    sep, ytext = m.group("s"), m.group("y")
    if sep != "/" and len(ytext) != 4:
        return None  # "3.10.12" is a version, "12-10-25" a code; dotted dates need a full year
    if sep != "/" and _VERSION_BEFORE.search(text, max(0, m.start() - 12), m.start()):
        return None
    a, b, year = int(m.group("a")), int(m.group("b")), _expand_year(ytext)
    if len(ytext) == 4 and not 1900 <= year <= 2099:
        return None
    if a == 0 or b == 0 or a > 31 or b > 31:
        return None
    readings: list[tuple[int, int]] = []
    if date_problem(year, a, b) is None:
        readings.append((a, b))  # US: month/day
    if a != b and date_problem(year, b, a) is None:
        readings.append((b, a))  # UK: day/month
    problem = None
    if not readings:
        if len(ytext) != 4:
            return None  # "24/31/30" with a short year: not a date at all
        problem = _numeric_problem(year, a, b)
    month, day = readings[0] if readings else (None, None)
    return DateMention(
        start=m.start(),
        end=m.end(),
        text=m.group(0),
        kind="numeric",
        month=month,
        day=day,
        year=year,
        sep=sep,
        readings=tuple(readings),
        raw_parts=(a, b, year),
        problem=problem,
    )


def _numeric_problem(year: int, a: int, b: int) -> str:
    if a > 12 and b > 12:
        return "neither number is a month"
    us = date_problem(year, a, b) if a <= 12 else None
    uk = date_problem(year, b, a) if b <= 12 else None
    return us or uk or "no reading is a real date"


def _range_ok(month: int, day: int, end_month: int, end_day: int) -> bool:
    if end_month == month:
        return end_day > day
    return end_month == month % 12 + 1  # "June 30-July 2", "Dec. 30-Jan. 2"


def _finish(
    text: str,
    start: int,
    end: int,
    kind: str,
    month: int,
    day: int | None,
    year: int | None,
    mtext: str,
    *,
    end_month: int | None = None,
    end_day: int | None = None,
    end_month_text: str = "",
    dash: str = "",
    ordinal: bool = False,
    of: bool = False,
    year_comma: bool = False,
) -> DateMention:
    problem = date_problem(year, month, day)
    if problem is None and end_day is not None and end_month is not None:
        ey = year + 1 if (year is not None and end_month < month) else year
        problem = date_problem(ey, end_month, end_day)
    return DateMention(
        start=start,
        end=end,
        text=text[start:end],
        kind=kind,
        month=month,
        day=day,
        year=year,
        end_month=end_month,
        end_day=end_day,
        dash=dash,
        month_text=mtext,
        end_month_text=end_month_text,
        ordinal=ordinal,
        of=of,
        year_comma=year_comma,
        problem=problem,
    )


def _attach_weekday(text: str, d: DateMention) -> DateMention:
    if d.kind == "my":
        return d
    lo = max(0, d.start - 40)
    # _WD_BEFORE opens with a lookbehind, so the regex engine tries it at every position of
    # the window; the literal prefixes of _WEEKDAY_HINT are found far faster.
    wm = _WD_BEFORE.search(text, lo, d.start) if _WEEKDAY_HINT.search(text, lo, d.start) else None
    if wm is not None and not _RECURRING_BEFORE.search(text, max(0, wm.start() - 12), wm.start()):
        w1 = wm.group("w1")
        w2 = wm.group("w2") or wm.group("w3")
        if w2 and d.end_day is None:
            return d  # "Monday-Wednesday, June 19": no weekday for a single day
        d = d._replace(
            weekday=weekday_number(w1),
            weekday_text=w1,
            weekday_start=wm.start("w1"),
            weekday_end=wm.end("w1"),
        )
        if w2:
            g = "w2" if wm.group("w2") else "w3"
            d = d._replace(
                end_weekday=weekday_number(w2),
                end_weekday_text=w2,
                end_weekday_start=wm.start(g),
                end_weekday_end=wm.end(g),
            )
        return d
    am = _WD_AFTER.match(text, d.end)
    if am is not None and d.end_day is None:
        w = am.group("w")
        return d._replace(
            weekday=weekday_number(w),
            weekday_text=w,
            weekday_start=am.start("w"),
            weekday_end=am.end("w"),
        )
    return d
