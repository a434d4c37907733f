"""date-metadata: publication dates in the future or disagreeing with the file name."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterator

from ...document import Document
from ...text.quoting import quoted
from ..base import Finding, Severity, rule
from .options import SECTION, DatesOptions
from .view import doc_dates


def _today(opts: DatesOptions) -> _dt.date:
    if opts.today:
        try:
            return _dt.date.fromisoformat(opts.today.strip()[:10])
        except ValueError:
            pass
    return _dt.date.today()


@rule(
    "date-metadata",
    family="dates",
    summary="A publication date in the future or disagreeing with the file name date",
    severity=Severity.INFO,
    section=SECTION,
)
def date_metadata(doc: Document, opts: DatesOptions) -> Iterator[Finding]:
    """## What it does
    Reports two publication-date problems:
    - a publication date in the future (after `today`, by default the day of the run);
    - a file name date (`2022-08-10-slug.md`) that disagrees with the front-matter date.

    Relative words in an article with no date at all are `time-relative-undated`'s.

    ## Why is this bad?
    A future date hides a post on many sites, or shows a date that has not happened. When
    the file name and the front matter disagree, the site and its archive URLs may show a
    different date from the one the editor set.

    ## Example
    ```yaml
    # .edlint.yaml
    dates: {today: "2025-06-19"}
    ```
    ```markdown
    ---
    title: Library to close
    date: 2026-06-19
    ---
    The council voted to close the library.
    ```

    Use instead:
    ```markdown
    ---
    title: Library to close
    date: 2025-06-19
    ---
    The council voted to close the library.
    ```

    ## Options
    - `today`
    - `future_days`
    - `date_fields`
    """
    dd = doc_dates(doc, opts)
    if dd.pub_field is None:
        return
    pub = dd.pub
    if pub is None or pub.date is None:
        return  # malformed: date-invalid reports it
    today = _today(opts)
    if (pub.date - today).days > opts.future_days:
        yield Finding(
            dd.pub_field.value_span,
            f"Publication date {quoted(pub.text)} is in the future (today is {today.isoformat()})",
        )
    if dd.file_date is not None and dd.file_date not in (pub.date, pub.utc_date):
        yield Finding(
            dd.pub_field.value_span,
            f"Publication date {quoted(pub.text)} disagrees with the file name date {quoted(dd.file_date_text)}",
        )
