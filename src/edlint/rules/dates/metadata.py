"""date-metadata: relative dates with no publication date, future or disagreeing publication dates."""

from __future__ import annotations

import datetime as _dt
from typing import Iterator

from ...document import Block, Document
from ...text.dates import DateMention, find_relative_dates
from ..base import Finding, Severity, rule
from .options import SECTION, DatesOptions
from .view import DocDates, _is_dateline, _span, doc_dates
from ...text.quoting import quoted


def _visible_date(dd: DocDates) -> bool:
    """A page that shows its date in a dateline ("18 NOV 2019", "Published Nov 19, 2019")
    has a publication date for its readers even without metadata."""
    per_block: dict[int, tuple[Block, list[DateMention]]] = {}
    for b, d in dd.mentions:
        per_block.setdefault(id(b), (b, []))[1].append(d)
    return any(
        any(d.year is not None and d.day is not None and d.valid for d in ds) and _is_dateline(b, ds)
        for b, ds in per_block.values()
    )


def _today(opts: DatesOptions) -> _dt.date:
    if opts.today:
        try:
            return _dt.date.fromisoformat(opts.today.strip()[:10])
        except ValueError:
            pass
    return _dt.date.today()


@rule("date-metadata", family="dates",
      summary="Relative dates with no publication date, future or disagreeing publication dates",
      severity=Severity.INFO, section=SECTION)
def date_metadata(doc: Document, opts: DatesOptions) -> Iterator[Finding]:
    """## What it does
    Reports three publication-date problems:
    - "today", "yesterday", "on Thursday" in the body when the article has no publication
      date (no date field and no date in the file name), so readers cannot tell which day
      is meant;
    - a publication date in the future (after `today`, by default the day of the run);
    - a file name date (`2022-08-10-slug.md`) that disagrees with the front-matter date.

    ## Why is this bad?
    Relative dates only make sense next to a visible publication date. A future date hides
    a post on many sites, or shows a date that has not happened. When the file name and the
    front matter disagree, the site and its archive URLs may show a different date from the
    one the editor set.

    ## Example
    ```markdown
    The council voted yesterday to close the library.
    ```

    Use instead:
    ```markdown
    ---
    date: 2025-06-19
    ---
    The council voted yesterday to close the library.
    ```

    ## Options
    - `today`
    - `future_days`
    - `date_fields`
    """
    dd = doc_dates(doc, opts)
    if dd.pub_field is None:
        if dd.file_date is None and not dd.file_date_text and not _visible_date(dd):
            for b in doc.prose:
                for start, end, word in find_relative_dates(b.text.text):
                    yield Finding(_span(b, start, end),
                                  f"{quoted(word)} depends on the publication date, but the article has none")
        return
    pub = dd.pub
    if pub is None or pub.date is None:
        return  # malformed: date-invalid reports it
    today = _today(opts)
    if (pub.date - today).days > opts.future_days:
        yield Finding(dd.pub_field.value_span,
                      f"Publication date {quoted(pub.text)} is in the future (today is {today.isoformat()})")
    if dd.file_date is not None and dd.file_date not in (pub.date, pub.utc_date):
        yield Finding(dd.pub_field.value_span,
                      f"Publication date {quoted(pub.text)} disagrees with the file name date {quoted(dd.file_date_text)}")
