"""date-weekday: a weekday next to a date that falls on another day."""

from __future__ import annotations

import datetime as _dt
from bisect import bisect_left
from collections.abc import Callable, Iterator

from ...document import Block, Document
from ...text.dates import (
    WEEKDAYS,
    DateMention,
    nearest_occurrence,
    spell,
    weekday_like,
    weekday_of,
)
from ...text.quoting import quoted
from ..base import Finding, Severity, rule
from .options import SECTION, DatesOptions
from .view import DocDates, _replace_fix, _span, doc_dates


class _YearRefs:
    """The dates with a written year, indexed once per article: which ones sit in each block,
    and, for a block, the last one before it and the first one after it (an article with
    thousands of dates is not rescanned for every date without a year)."""

    def __init__(self, dd: DocDates) -> None:
        self.same: dict[int, list[tuple[_dt.date, str]]] = {}
        self.blocks: dict[int, tuple[int, int]] = {}  # block -> first and last mention index
        self.at: list[int] = []  # mention index of each dated mention, ascending
        self.dated: list[tuple[_dt.date, str]] = []
        for i, (b, x) in enumerate(dd.mentions):
            first = self.blocks.get(id(b), (i, i))[0]
            self.blocks[id(b)] = (first, i)
            if x.year is None or x.month is None or not x.valid:
                continue
            ref = _dt.date(x.year, x.month, x.day or 15)
            self.same.setdefault(id(b), []).append((ref, f"{quoted(x.text)} nearby"))
            self.at.append(i)
            self.dated.append((ref, x.text))

    def around(self, block: Block) -> list[tuple[_dt.date, str]]:
        """Dates in the block, then the nearest before it. A date later in the article is
        no guide: stories look ahead ("the plant opens in March 2027")."""
        refs = list(self.same.get(id(block), ()))
        # A block's mentions are consecutive in the article's list.
        first, _last = self.blocks[id(block)]
        k = bisect_left(self.at, first)
        if k:
            ref, text = self.dated[k - 1]
            refs.append((ref, f"{quoted(text)} earlier in the article"))
        return refs


def _refs(dd: DocDates, block: Block, year_refs: _YearRefs) -> tuple[list[tuple[_dt.date, str]], bool]:
    """Reference dates for a date written without a year, and whether they are trusted:
    the publication date (or the file name's) is; other dates in the article are only a
    guess at the year."""
    if dd.pub is not None and dd.pub.date is not None:
        return [(dd.pub.date, "the publication date")], True
    if dd.pub is None and dd.file_date is not None:
        return [(dd.file_date, "the file name date")], True
    # Dates with a written year: in the same block, then the nearest before it.
    return year_refs.around(block), False


# A date without a year this far from the publication date (about half a year) may be the
# one before or the one after: "on Saturday, May 18" in a November story about a trial.
_EITHER_YEAR_DAYS = 200


def _fits_another_year(month: int, day: int, ref: _dt.date, nearest: _dt.date, written: int) -> bool:
    """Does the weekday fit the same date in the year before or after the nearest one, when
    that date is about as close to ``ref`` (within half a year)? Then the year is open and
    the text is consistent with one reading of it."""
    for year in (nearest.year - 1, nearest.year + 1):
        if weekday_of(year, month, day) != written:
            continue
        try:
            other = _dt.date(year, month, day)
        except ValueError:
            continue
        if abs((other - ref).days) <= _EITHER_YEAR_DAYS:
            return True
    return False


def _weekday_problem(
    dd: DocDates,
    block: Block,
    d: DateMention,
    year_refs: Callable[[], _YearRefs],
    month: int,
    day: int,
    written: int,
    year_shift: int = 0,
) -> tuple[_dt.date, str, bool] | None:
    """(the actual date, where its year came from, whether that year is trusted) when the
    ``written`` weekday is wrong."""
    if d.year is not None:
        y = d.year + year_shift
        actual = weekday_of(y, month, day)
        if actual is None or actual == written:
            return None
        return _dt.date(y, month, day), "", True
    candidates = []
    refs, trusted = _refs(dd, block, year_refs())
    for ref, source in refs:
        occ = nearest_occurrence(month, day, ref)
        if occ is None:
            continue
        if occ.weekday() == written or _fits_another_year(month, day, ref, occ, written):
            return None
        candidates.append((occ, source, trusted))
    return candidates[0] if candidates else None


@rule(
    "date-weekday",
    family="dates",
    summary="A weekday next to a date that falls on another day",
    severity=Severity.WARNING,
    section=SECTION,
    fix="sometimes",
)
def date_weekday(doc: Document, opts: DatesOptions) -> Iterator[Finding]:
    """## What it does
    Reports a weekday written next to a date that falls on a different day: "Monday,
    Oct. 7" when Oct. 7 is a Tuesday. When the date has no year, the year is taken from the
    article's publication date (the occurrence nearest to it, or the file name's date); a
    date about half a year away may be the year before or after, and a weekday that fits
    that reading is not reported.
    With neither, a date with a written year in the same paragraph or the nearest one
    before it gives a guess: the finding says it is a guess, is only `info`, and offers no
    fix. Dates later
    in the article are never used (stories look ahead: "the plant opens in March 2027").

    ## Why is this bad?
    Readers plan around dates. A weekday that contradicts its date leaves them unsure which
    one is right, and it is one of the corrections newspapers print most often.

    ## Example
    ```markdown
    ---
    date: 2025-10-01
    ---
    The hearing is set for Monday, Oct. 7.
    ```

    Use instead:
    ```markdown
    ---
    date: 2025-10-01
    ---
    The hearing is set for Tuesday, Oct. 7.
    ```

    ## Options
    - `date_fields`

    ## Fix safety
    The fix changes the weekday to the one the date falls on. It is unsafe: sometimes the
    weekday is right and the date is wrong, so an editor must check which. No fix is
    offered when the year is only a guess.
    """
    dd = doc_dates(doc, opts)
    built: list[_YearRefs] = []

    def year_refs() -> _YearRefs:  # indexed on first need only
        if not built:
            built.append(_YearRefs(dd))
        return built[0]

    for b, d in dd.mentions:
        if d.weekday is None or d.month is None or d.day is None:
            continue
        if not d.valid:
            continue
        checks = [(d.weekday, d.weekday_text, d.weekday_start, d.weekday_end, d.month, d.day, 0)]
        if d.end_weekday is not None and d.end_day is not None:
            shift = 1 if (d.end_month or d.month) < d.month else 0
            checks.append(
                (
                    d.end_weekday,
                    d.end_weekday_text,
                    d.end_weekday_start,
                    d.end_weekday_end,
                    d.end_month or d.month,
                    d.end_day,
                    shift,
                )
            )
        for written, wtext, ws, we, month, day, shift in checks:
            if d.ambiguous:
                if any(weekday_of(d.year, m_, d_) == written for m_, d_ in d.readings):
                    continue
                (m1, d1), (m2, d2) = d.readings
                a, b2 = _dt.date(d.year, m1, d1), _dt.date(d.year, m2, d2)
                yield Finding(
                    _span(b, min(ws, d.start), max(we, d.end)),
                    f"{quoted(wtext)} does not match {quoted(d.text)}: {spell(d.year, m1, d1, 'us')} is a "
                    f"{WEEKDAYS[a.weekday()]} and {spell(d.year, m2, d2, 'uk')} is a {WEEKDAYS[b2.weekday()]}",
                )
                continue
            else:
                problem = _weekday_problem(dd, b, d, year_refs, month, day, written, shift)
            if problem is None:
                continue
            actual, source, trusted = problem
            name = WEEKDAYS[actual.weekday()]
            when = spell(actual.year, actual.month, actual.day, "uk" if d.kind == "dm" else "ap")
            span = _span(b, min(ws, d.start), max(we, d.end))
            if not trusted:
                # The year is a guess from another date in the text: say so, and offer no
                # fix that would write a weekday into copy that may be right.
                yield Finding(
                    span,
                    f"{quoted(wtext)} may not match {quoted(d.text)}: if the year is {actual.year} "
                    f"(a guess from {source}), {when} is a {name}",
                    severity=Severity.INFO,
                )
                continue
            message = f"{quoted(wtext)} does not match {quoted(d.text)}: {when} is a {name}"
            if source:
                message += f" (year from {source})"
            new = weekday_like(actual.weekday(), wtext)
            fix = _replace_fix(doc, b, ws, we, new, f"Change {quoted(wtext)} to {quoted(new)}")
            yield Finding(span, message, fix=fix)
