"""Dates in metadata: a front-matter or meta-tag value read as written, and the date at the
start of a file name."""

from __future__ import annotations

import datetime as _dt
from typing import Any, NamedTuple

from ..patterns import lazy
from .days import date_problem
from .find import find_dates

_META_ISO = lazy(
    r"^\s*(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})"
    r"(?:(?:[Tt]|\s+)(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2})(?:\.\d+)?)?"
    r"\s*(?P<tz>Z|z|UTC|GMT|[+-]\d{1,2}(?::?\d{2})?)?)?\s*$"
)
_META_DIGITS = lazy(r"^\s*\d{4}[-/]\d+[-/]\d+")


class MetaDate(NamedTuple):
    """A metadata date read as written: the local date, and the UTC date when a time
    and an offset were given."""

    date: _dt.date | None
    utc_date: _dt.date | None = None
    problem: str | None = None  # why the value is not a valid date
    text: str = ""


def parse_meta_date(value: Any) -> MetaDate | None:
    """Read a front-matter or meta-tag date. None when there is no value at all."""
    try:
        return _parse_meta_date(value)
    except (ValueError, OverflowError):
        # Year 0, or a time-zone shift past year 1 or 9999: Python's dates end there.
        return MetaDate(
            None, problem="is outside the dates a calendar can hold (years 1 to 9999)", text=str(value).strip()
        )


def _parse_meta_date(value: Any) -> MetaDate | None:
    if value is None:
        return None
    if isinstance(value, _dt.datetime):
        return MetaDate(value.date(), text=value.isoformat())
    if isinstance(value, _dt.date):
        return MetaDate(value, text=value.isoformat())
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        return MetaDate(None, problem="is not a date", text=str(value))
    text = str(value).strip()
    if not text:
        return None
    m = _META_ISO.match(text)
    if m:
        y, mo, d = int(m.group("y")), int(m.group("m")), int(m.group("d"))
        problem = date_problem(y, mo, d)
        if problem is not None:
            return MetaDate(None, problem=problem, text=text)
        local = _dt.date(y, mo, d)
        if m.group("H") is None:
            return MetaDate(local, text=text)
        hh, mm, ss = int(m.group("H")), int(m.group("M")), int(m.group("S") or 0)
        if hh > 23 or mm > 59 or ss > 60:
            return MetaDate(None, problem=f"the time {m.group('H')}:{m.group('M')} does not exist", text=text)
        utc = None
        tz = m.group("tz")
        if tz:
            offset = _tz_minutes(tz)
            if offset is None:
                return MetaDate(local, text=text)
            stamp = _dt.datetime(y, mo, d, hh, mm, min(ss, 59)) - _dt.timedelta(minutes=offset)
            utc = stamp.date()
        return MetaDate(local, utc, text=text)
    if _META_DIGITS.match(text):
        return MetaDate(None, problem="is not in YYYY-MM-DD form", text=text)
    # RFC 2822 ("Tue, 26 Nov 2019 10:00:00 GMT"), as feeds and some meta tags write it.
    if "," in text or ":" in text:
        from email.utils import parsedate_to_datetime

        try:
            stamp = parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            stamp = None
        if stamp is not None:
            utc = stamp.astimezone(_dt.timezone.utc).date() if stamp.tzinfo else None
            return MetaDate(stamp.date(), utc, text=text)
    # A written date filling the whole value ("June 15, 2015", "15 June 2015").
    found = find_dates(text)
    if len(found) == 1 and found[0].year is not None and found[0].day is not None:
        f = found[0]
        rest = (text[: f.start] + text[f.end :]).strip(" ,")
        if not rest or (
            f.weekday is not None and text[: f.start].strip(" ,(").rstrip(".") in (f.weekday_text.rstrip("."),)
        ):
            if f.problem is not None:
                return MetaDate(None, problem=f.problem, text=text)
            if f.month is not None:
                return MetaDate(_dt.date(f.year, f.month, f.day), text=text)
    return MetaDate(None, problem="is not a date", text=text)


def _tz_minutes(tz: str) -> int | None:
    if tz.upper() in ("Z", "UTC", "GMT"):
        return 0
    sign = -1 if tz[0] == "-" else 1
    body = tz[1:].replace(":", "")
    if len(body) <= 2:
        hours, minutes = int(body), 0
    elif len(body) == 3:
        hours, minutes = int(body[0]), int(body[1:])
    else:
        hours, minutes = int(body[:2]), int(body[2:4])
    if hours > 14 or minutes > 59:
        return None
    return sign * (hours * 60 + minutes)


_FILE_DATE = lazy(r"(?:^|[/\\])(\d{4})-(\d{2})-(\d{2})-[^/\\]*$")


def file_name_date(path: str) -> tuple[_dt.date | None, str]:
    """The date at the start of a file name (``2022-08-10-slug.md``) and its text."""
    m = _FILE_DATE.search(path)
    if not m:
        return None, ""
    y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
    if date_problem(y, mo, d) is not None:
        return None, m.group(0).lstrip("/\\")[:10]
    return _dt.date(y, mo, d), m.group(0).lstrip("/\\")[:10]
