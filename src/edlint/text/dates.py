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
"""

from __future__ import annotations

import calendar
import datetime as _dt
import re
from typing import Any, Iterable, Iterator, NamedTuple

from .patterns import lazy

# -- names -----------------------------------------------------------------------------

MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# AP abbreviates these months before a day (with a period) and spells out the rest.
AP_MONTH_ABBR = {1: "Jan.", 2: "Feb.", 8: "Aug.", 9: "Sept.", 10: "Oct.", 11: "Nov.", 12: "Dec."}
# The usual three-letter abbreviations ("Sept" is read too but written "Sep").
SHORT_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_SHORT_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_AP_WEEKDAYS = ("Mon.", "Tues.", "Wed.", "Thurs.", "Fri.", "Sat.", "Sun.")

_MONTH_NUM: dict[str, int] = {}
for _i, _name in enumerate(MONTHS, 1):
    _MONTH_NUM[_name.lower()] = _i
    _MONTH_NUM[_name[:3].lower()] = _i
_MONTH_NUM["sept"] = 9

_WEEKDAY_NUM: dict[str, int] = {}
for _i, _name in enumerate(WEEKDAYS):
    _WEEKDAY_NUM[_name.lower()] = _i
    _WEEKDAY_NUM[_name[:3].lower()] = _i
for _form, _i in (("tues", 1), ("thur", 3), ("thurs", 3), ("weds", 2)):
    _WEEKDAY_NUM[_form] = _i


def _cases(words: Iterable[str]) -> list[str]:
    """Title case and upper case forms, longest first (so "March" wins over "Mar")."""
    out = set()
    for w in words:
        out.add(w)
        out.add(w.upper())
    return sorted(out, key=lambda w: (-len(w), w))


_FULL_MONTH_ALT = "|".join(_cases(MONTHS))
_ABBR_MONTH_ALT = "|".join(_cases([m for m in SHORT_MONTHS if m != "May"] + ["Sept"]))
# A month: a full name (a period after it ends the sentence) or an abbreviation with an
# optional period. Never followed by a lower-case letter ("Marching", "Mayor", "Junebug").
MONTH = rf"(?:(?:{_FULL_MONTH_ALT})(?![A-Za-z])|(?:{_ABBR_MONTH_ALT})(?![A-Za-z])\.?)"
_WD_FULL_ALT = "|".join(_cases(WEEKDAYS))
_WD_ABBR_ALT = "|".join(_cases(["Mon", "Tue", "Tues", "Wed", "Weds", "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun"]))
WEEKDAY = rf"(?:(?:{_WD_FULL_ALT})(?![A-Za-z])|(?:{_WD_ABBR_ALT})(?![A-Za-z])\.?)"
WEEKDAY_FULL = rf"(?:{_WD_FULL_ALT})(?![A-Za-z])"

_DAY = r"(?:[12]\d|3[01]|0?[1-9])"
_ORD = r"(?:st|nd|rd|th)"
_DASH = r"(?:\s?[-–—‑]\s?)"
_YEAR = r"(?:1[5-9]\d\d|20\d\d|21\d\d)"
# After a day: not a letter or digit, not a decimal, thousands group or clock time.
_DAY_END = r"(?![\w])(?![.,:]\d)"
_YEAR_END = r"(?![\w])(?![.,]\d)"

_MD = lazy(
    rf"""
    (?<![A-Za-z])(?P<m>{MONTH})[ \t\u00a0]+(?P<d>{_DAY})(?P<o>{_ORD})?{_DAY_END}
    (?:(?P<dash>{_DASH})(?:(?P<m2>{MONTH})[ \t\u00a0]+)?(?P<d2>{_DAY})(?P<o2>{_ORD})?{_DAY_END})?
    (?:(?P<c>,)?[ \t\u00a0]+(?P<y>{_YEAR}){_YEAR_END})?
    """,
    re.X,
)
_DM = lazy(
    rf"""
    (?<![\w.,$€£#/:+\-–])(?P<the>[Tt]he\s+)?(?P<d>{_DAY})(?P<o>{_ORD})?
    (?:(?P<dash>{_DASH})(?P<d2>{_DAY})(?P<o2>{_ORD})?)?
    [ \t\u00a0]+(?:(?P<of>of)[ \t\u00a0]+)?(?P<m>{MONTH})
    (?:(?P<dash3>{_DASH})(?P<d3>{_DAY})(?P<o3>{_ORD})?[ \t\u00a0]+(?P<m3>{MONTH}))?
    (?:(?P<c>,)?[ \t\u00a0]+(?P<y>{_YEAR}){_YEAR_END})?
    """,
    re.X,
)
_MY = lazy(rf"(?<![A-Za-z])(?P<m>{MONTH})(?P<c>,)?[ \t\u00a0]+(?:(?P<of>of)[ \t\u00a0]+)?(?P<y>{_YEAR}){_YEAR_END}")
# The numeric patterns open with a digit, and only then look behind it ("a digit that does
# not follow a letter, a slash ..."): a pattern that starts with a character class lets the
# regex engine skip quickly to the digits, where one that starts with a lookbehind is tried
# at every position.
_ISO = lazy(
    r"(?P<y>\d(?<![\w./:\-–]\d)\d{3})(?P<s>[-/.])(?P<m>\d{1,2})(?P=s)(?P<d>\d{1,2})"
    r"(?P<t>T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?"
    r"(?![\w/])(?![-.:/]\w)"
)
_NUM = lazy(
    r"(?P<a>\d(?<![\w./:$€£#\-–]\d)\d?)(?P<s>[/.-])(?P<b>\d{1,2})(?P=s)(?P<y>\d{4}|\d{2})"
    r"(?![\w/])(?![-.:/]\w)"
)

_DIGIT = lazy(r"\d")
# Cheap tests that let most text skip the full patterns.
_MONTH_HINT = lazy("|".join(sorted({m[:3] for m in MONTHS} | {m[:3].upper() for m in MONTHS})))
# (A digit, a separator, one or two digits, a separator and a digit. Written to open with
# the separator, which is rarer in prose than a digit, and look behind it for the digit.)
_NUMERIC_HINT = lazy(r"[-/.](?<=\d.)\d{1,2}[-/.]\d")
# The characters that may stand between the start of a day-month date and its month
# ("the 19th-21st of "), matched backwards from the month.
_DM_RUN_REVERSED = lazy("[\\d\\sTthesndrof\\-\u2013\u2014\u2011]*")
# Text right after a day that shows the number is a quantity, not a day.
_QUANTITY_AFTER = lazy(
    r"[ \t\u00a0]*(?:%|(?:percent|per\s+cent|million|billion|trillion|thousand|hundred|dozen|"
    r"times|people|persons|percentage|points?|pts|goals?|runs|votes|seats|miles?|mi|km|"
    r"kilometers?|kilometres?|meters?|metres?|feet|foot|ft|inches|pounds|lbs?|kg|grams?|"
    r"years?|months?|weeks?|days?|hours?|hrs|minutes?|mins?|seconds?|secs?|degrees|students|"
    r"members|employees|dollars|cents|agencies|states|countries|teams|projects|items|"
    r"users|pages|steps|tips|ways|things|questions|reasons|lessons)\b)",
    re.I,
)
_HYPHEN_WORD_AFTER = lazy(r"[-‑][A-Za-z]")
_SCORE_AFTER = lazy(r"\s?[-–—‑]\s?\d")
_PREV_WORD = lazy(r"([A-Z][a-z]+|[A-Z]{2,})\.?[ \t\u00a0]+$")
_VERSION_BEFORE = lazy(r"(?:\bv|\bversion|\bver\.?|\brelease|\bbuild|\brev\.?|\brevision)\s*$", re.I)
# Capitalised words that may stand before a month without making it part of a name.
_BEFORE_MONTH_OK = frozenset(
    w.lower()
    for w in (
        *WEEKDAYS, "On", "In", "By", "The", "From", "Since", "Until", "Till", "Through", "Before",
        "After", "Last", "Next", "This", "That", "Early", "Late", "Mid", "Starting", "Beginning",
        "Ending", "Effective", "Dated", "Updated", "Published", "Posted", "Released", "Due", "As",
        "Of", "For", "At", "To", "And", "Or", "During", "Throughout", "Between", "Each", "Every",
        "Around", "About", "Circa", "Date", "Deadline", "Opens", "Closes", "Ends", "Starts",
        "Begins", "Friday", "Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun",
        "Until", "Also", "Then", "Today", "Tonight", "Tomorrow", "Yesterday", "Monday", "Sunday",
        "Week", "Weekend", "Saturday", "Thursday", "Tuesday", "Wednesday", "Is", "Was", "Will",
        "Are", "Were", "Be", "Been", "Held", "Set", "Scheduled", "Slated", "Planned", "Expected",
        "Launched", "Announced", "Signed", "Issued", "Filed", "Approved", "Passed", "Reported",
        "Mid-", "Only", "Just", "Even", "Not", "But", "Accessed", "Retrieved", "Revised", "Modified",
        "Created", "Edited", "Reviewed", "Recorded", "Taken", "Photographed", "Filmed", "Written",
    )
)
# Month-led names that are not dates ("10 March Madness picks", "4 May Day rallies").
_MONTH_PHRASE_AFTER = lazy(r"[ \t\u00a0]*(?:Madness|Day\b|Fools?\b|Showers\b)")
_NAMEY_MONTHS = frozenset({"may"})
_YEAR_BEFORE = lazy(r"(?<![\w.,])\d{4}[ \t\u00a0]+$")
_PLURAL_AFTER = lazy(r"[ \t\u00a0]+[a-z]+s\b")
_PREV_TOKEN = lazy(r"(\w+)[ \t\u00a0]+$")
# Words after which "5 June" is a date even when a plural noun follows ("on 5 June voters ...").
_DATE_INTRO = frozenset(
    "on by from until till since before after to through between and or of for at in "
    "until than including except dated effective".split()
)
_WD_BEFORE = lazy(
    rf"(?<![A-Za-z])(?P<w1>{WEEKDAY})(?:(?P<wdash>{_DASH})(?P<w2>{WEEKDAY})"
    rf"|[ \t\u00a0]+(?:to|through|thru|and|&)[ \t\u00a0]+(?P<w3>{WEEKDAY}))?"
    r"(?:,[ \t\u00a0]*|[ \t\u00a0]+|[ \t\u00a0]*\([ \t\u00a0]*)(?:the[ \t\u00a0]+)?$"
)
# Every weekday name _WD_BEFORE reads starts with one of these (its forms are title and upper
# case only): where none stands, it has nothing to find.
_WEEKDAY_HINT = lazy("|".join(sorted({w[:3] for w in WEEKDAYS} | {w[:3].upper() for w in WEEKDAYS})))
_WD_AFTER = lazy(rf"[ \t\u00a0]*\([ \t\u00a0]*(?P<w>{WEEKDAY})[ \t\u00a0]*\)")
_RECURRING_BEFORE = lazy(r"(?:\bevery|\beach|\balternate|\bother)\s+$", re.I)


# -- the mention ----------------------------------------------------------------------


class DateMention(NamedTuple):
    """A date written in a text. Offsets are into the text that was searched.

    ``start``/``end`` cover the date itself; a weekday written next to it has its own span
    (``weekday_start``/``weekday_end``) so a fix can replace either part alone.

    A named tuple rather than a frozen dataclass: one is made for every date candidate in
    every paragraph, and a tuple is made several times faster (it is as immutable, and
    compares and hashes by its fields alike). Change one with ``_replace``.
    """

    start: int
    end: int
    text: str
    kind: str  # md (June 19) | dm (19 June) | my (June 2025) | iso | numeric
    month: int | None  # 1-12; None for a numeric date with no valid reading
    day: int | None
    year: int | None  # as written (two-digit years expanded)
    end_month: int | None = None  # range end ("June 30-July 2": 7, 2)
    end_day: int | None = None
    dash: str = ""  # the range dash as written
    month_text: str = ""  # as written: "Nov.", "November", "Sept"
    end_month_text: str = ""
    dot_unknown: bool = False  # "on 13 Nov.": the period may end the sentence
    ordinal: bool = False
    of: bool = False  # "the 13th of November"
    year_comma: bool = False  # a comma between day (or month) and year
    sep: str = ""  # numeric and ISO separator
    readings: tuple[tuple[int, int], ...] = ()  # numeric: valid (month, day) readings
    raw_parts: tuple[int, ...] = ()  # numeric/ISO numbers as written
    has_time: bool = False
    weekday: int | None = None  # 0 = Monday
    weekday_text: str = ""
    weekday_start: int = -1
    weekday_end: int = -1
    end_weekday: int | None = None  # "Monday-Wednesday, June 19-21"
    end_weekday_text: str = ""
    end_weekday_start: int = -1
    end_weekday_end: int = -1
    problem: str | None = None  # why the date cannot exist

    @property
    def valid(self) -> bool:
        return self.problem is None

    @property
    def is_range(self) -> bool:
        return self.end_day is not None

    @property
    def ambiguous(self) -> bool:
        """A numeric date that reads as two different days (US and UK order)."""
        return self.kind == "numeric" and len(self.readings) == 2

    @property
    def upper(self) -> bool:
        return len(self.month_text) > 2 and self.month_text.rstrip(".").isupper()


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


def month_number(text: str) -> int | None:
    return _MONTH_NUM.get(text.rstrip(".").lower())


def weekday_number(text: str) -> int | None:
    return _WEEKDAY_NUM.get(text.rstrip(".").lower())


def _expand_year(text: str) -> int:
    y = int(text)
    if len(text) == 2:
        return 2000 + y if y < 70 else 1900 + y
    return y


# -- extraction ------------------------------------------------------------------------


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
            kept[c.start:c.end] = b"\x01" * (c.end - c.start)
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
    if year is None:
        if _quantity_follows(text, end) or _SCORE_AFTER.match(text, end):
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
        text, m.start(), end, "md", month, day, year, mtext,
        end_month=end_month, end_day=end_day, end_month_text=end_month_text,
        dash=m.group("dash") or "", ordinal=bool(m.group("o") or m.group("o2")),
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
    if year is None and not m.group("m3") and mtext.endswith(".") and (end == len(text) or text[end] in " \t\n\u00a0)\"'’”"):
        # "on 13 Nov." ending a sentence: the period is not part of the date.
        mtext, end, dot_unknown = mtext[:-1], end - 1, True
    d = _finish(
        text, start, end, "dm", month, day, year, mtext,
        end_month=end_month, end_day=end_day, end_month_text=end_month_text, dash=dash,
        ordinal=ordinal, of=bool(m.group("of")), year_comma=bool(m.group("c")) and year is not None,
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
        text, m.start(), m.end(), "my", month, None, int(m.group("y")), mtext,
        year_comma=bool(m.group("c")), of=bool(m.group("of")),
    )


def _from_iso(text: str, m: re.Match[str]) -> DateMention | None:
    year, month, day = int(m.group("y")), int(m.group("m")), int(m.group("d"))
    if not 1900 <= year <= 2099 or month > 19 or day > 39:
        return None
    problem = date_problem(year, month, day)
    if problem is not None and m.group("s") == ".":
        return None  # "2024.13.01" is a version number more often than a date
    return DateMention(
        start=m.start(), end=m.end(), text=m.group(0), kind="iso",
        month=month if 1 <= month <= 12 else None, day=day, year=year, sep=m.group("s"),
        raw_parts=(year, month, day), has_time=bool(m.group("t")), problem=problem,
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
        start=m.start(), end=m.end(), text=m.group(0), kind="numeric", month=month, day=day,
        year=year, sep=sep, readings=tuple(readings), raw_parts=(a, b, year), problem=problem,
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
    text: str, start: int, end: int, kind: str, month: int, day: int | None, year: int | None,
    mtext: str, *, end_month: int | None = None, end_day: int | None = None,
    end_month_text: str = "", dash: str = "", ordinal: bool = False, of: bool = False,
    year_comma: bool = False,
) -> DateMention:
    problem = date_problem(year, month, day)
    if problem is None and end_day is not None and end_month is not None:
        ey = year + 1 if (year is not None and end_month < month) else year
        problem = date_problem(ey, end_month, end_day)
    return DateMention(
        start=start, end=end, text=text[start:end], kind=kind, month=month, day=day, year=year,
        end_month=end_month, end_day=end_day, dash=dash, month_text=mtext,
        end_month_text=end_month_text, ordinal=ordinal, of=of, year_comma=year_comma,
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
            weekday=weekday_number(w1), weekday_text=w1,
            weekday_start=wm.start("w1"), weekday_end=wm.end("w1"),
        )
        if w2:
            g = "w2" if wm.group("w2") else "w3"
            d = d._replace(
                end_weekday=weekday_number(w2), end_weekday_text=w2,
                end_weekday_start=wm.start(g), end_weekday_end=wm.end(g),
            )
        return d
    am = _WD_AFTER.match(text, d.end)
    if am is not None and d.end_day is None:
        w = am.group("w")
        return d._replace(
            weekday=weekday_number(w), weekday_text=w,
            weekday_start=am.start("w"), weekday_end=am.end("w"),
        )
    return d


_REL_WORDS = lazy(
    r"\b(?:[Tt]oday|[Yy]esterday|[Tt]omorrow|[Tt]onight|[Ll]ast night|[Tt]his (?:morning|afternoon|evening))\b"
    rf"|\b(?:[Oo]n|[Ll]ast|[Tt]his|[Nn]ext|[Bb]y|[Uu]ntil|[Ss]ince)[ \t\u00a0]+{WEEKDAY_FULL}"
)


_DATE_AFTER_WEEKDAY = lazy(
    rf"(?:,[ \t\u00a0]*|[ \t\u00a0]+|[ \t\u00a0]*\([ \t\u00a0]*)(?:the[ \t\u00a0]+)?(?:{MONTH}|\d)"
)
_SENTENCE_START = lazy(r"(?:^|[.!?:;\"“”'‘(—–-][ \t\u00a0]*|\n)[ \t\u00a0]*$")


# Periods counted from the publication date: "last week", "later this month". "The last
# week of the trial" names a period of something else and is left out.
_REL_PERIODS = lazy(
    r"\b(?:(?:[Ee]arlier|[Ll]ater)[ \t\u00a0]+this|[Tt]his|[Ll]ast|[Nn]ext)[ \t\u00a0]+(?:week|weekend|month|year)\b"
)
_PERIOD_OF_SOMETHING = lazy(r"(?i)\bthe[ \t\u00a0]+$")
_OF_AFTER = lazy(r"[ \t\u00a0]+of\b")


def find_relative_dates(text: str, periods: bool = False) -> list[tuple[int, int, str]]:
    """Words whose meaning depends on the publication date: "yesterday", "on Thursday", and
    with ``periods`` also "last week", "next month", "earlier this year".

    A weekday written with a date ("on Thursday, Nov. 13") is not relative.
    """
    out = []
    if periods:
        for m in _REL_PERIODS.finditer(text):
            if _OF_AFTER.match(text, m.end()) and _PERIOD_OF_SOMETHING.search(text, max(0, m.start() - 5), m.start()):
                continue  # "the last week of the trial"
            out.append((m.start(), m.end(), m.group(0)))
    for m in _REL_WORDS.finditer(text):
        if _DATE_AFTER_WEEKDAY.match(text, m.end()):
            continue
        word = m.group(0)
        if word[0].isupper() and not _SENTENCE_START.search(text, max(0, m.start() - 4), m.start()):
            continue  # "USA Today", "the Today show": a name
        if text[m.end() : m.end() + 2] in ("'s", "’s") and word.lower().startswith("today"):
            # "today's websites" is generic more often than not
            continue
        out.append((m.start(), m.end(), m.group(0)))
    if periods:
        out.sort()
    return out


# -- calendar helpers --------------------------------------------------------------------


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


# -- metadata dates ----------------------------------------------------------------------

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
        return MetaDate(None, problem="is outside the dates a calendar can hold (years 1 to 9999)",
                        text=str(value).strip())


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
        if not rest or (f.weekday is not None and text[: f.start].strip(" ,(").rstrip(".") in (f.weekday_text.rstrip("."),)):
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


# -- rendering -----------------------------------------------------------------------------


class DateStyle(NamedTuple):
    """How a date is written: the parts a house style fixes."""

    order: str = "md"  # md | dm | iso
    naming: str = "ap"  # ap (Jan., Feb., Aug.-Dec. abbreviated before a day) | full | abbr
    abbr_dot: bool = True  # "Nov." or "Nov"
    ordinals: bool = False
    year_comma: bool = True  # md: "June 19, 2025"; dm: "19 June, 2025"
    keep_of: bool = False  # keep "the 13th of November" as written
    sept: str = "Sept"  # "Sept" (AP) or "Sep"


HOUSE_STYLES = {
    "ap": DateStyle("md", "ap", True, False, True),
    "us": DateStyle("md", "full", True, False, True),
    "uk": DateStyle("dm", "full", True, False, False),
    "iso": DateStyle("iso", "full", True, False, False),
}


def is_abbreviated(month: int, written: str) -> bool:
    return bool(written) and written.rstrip(".").lower() != MONTHS[month - 1].lower()


def month_as(month: int, written: str, style: DateStyle, with_day: bool = True) -> str:
    """Month ``month`` as ``style`` writes it. AP abbreviates Jan., Feb., Aug., Sept., Oct.,
    Nov. and Dec. before a day and spells everything else out; a month alone or with a year
    is spelled out (an abbreviating style keeps an abbreviation the writer chose there)."""
    if with_day:
        abbreviate = style.naming == "abbr" or (style.naming == "ap" and month in AP_MONTH_ABBR)
    else:
        abbreviate = style.naming == "abbr" and is_abbreviated(month, written)
    if not abbreviate or month == 5:
        return MONTHS[month - 1]
    base = style.sept if month == 9 else SHORT_MONTHS[month - 1]
    return base + "." if style.abbr_dot else base


def _ord(n: int) -> str:
    if 10 <= n % 100 <= 20:
        return f"{n}th"
    return str(n) + {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def render(d: DateMention, style: DateStyle) -> str | None:
    """``d`` (the date part, without its weekday) written in ``style``; None when it cannot
    be (an ISO date needs a written year; a date with no valid reading)."""
    if d.month is None:
        return None
    if d.kind == "numeric" and d.ambiguous:
        return None
    if style.order == "iso":
        if d.year is None or d.day is None:
            return None
        if d.is_range:
            return None
        return f"{d.year:04d}-{d.month:02d}-{d.day:02d}"
    if d.day is None:  # month and year
        name = month_as(d.month, d.month_text, style, with_day=False)
        of = " of" if (style.keep_of and d.of) else ""
        return f"{name}{of} {d.year}"
    dash = d.dash or "-"
    day = _ord if style.ordinals else str
    m1 = month_as(d.month, d.month_text, style)
    if d.dot_unknown and m1.endswith("."):
        m1 = m1[:-1]  # the period after the date ends the sentence and stays
    em = d.end_month if d.end_month is not None else d.month
    m2 = month_as(em, d.end_month_text or d.month_text, style)
    if style.order == "md":
        out = f"{m1} {day(d.day)}"
        if d.end_day is not None:
            out += f"{dash}{m2 + ' ' if em != d.month else ''}{day(d.end_day)}"
        if d.year is not None:
            out += f"{',' if style.year_comma else ''} {d.year}"
        return out
    of = " of" if (style.keep_of and d.of and style.ordinals) else ""
    the = "the " if of and d.text.startswith("the") else ""
    if d.end_day is None:
        out = f"{the}{day(d.day)}{of} {m1}"
    elif em == d.month:
        out = f"{day(d.day)}{dash}{day(d.end_day)} {m1}"
    else:
        out = f"{day(d.day)} {m1}{dash}{day(d.end_day)} {m2}"
    if d.year is not None:
        out += f"{',' if style.year_comma else ''} {d.year}"
    return out


def spell(year: int | None, month: int, day: int | None, style: str = "ap") -> str:
    """A date written out for a message ("Oct. 7, 2025", "7 October 2025")."""
    st = HOUSE_STYLES.get(style, HOUSE_STYLES["ap"])
    if st.order == "iso":
        st = HOUSE_STYLES["ap"]
    d = DateMention(0, 0, "", "md", month, day, year)
    return render(d, st) or ""
