"""DateMention: one date as written in a text."""

from __future__ import annotations

from typing import NamedTuple


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
