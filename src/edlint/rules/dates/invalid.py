"""date-invalid: a date that cannot exist."""

from __future__ import annotations

from collections.abc import Iterator

from ...document import Document
from ...text.dates import parse_meta_date
from ...text.quoting import quoted
from ..base import Finding, Severity, rule
from .options import SECTION, DatesOptions
from .view import _meta, _span, doc_dates


@rule(
    "date-invalid",
    family="dates",
    summary="A date that cannot exist (31 April, 29 February 2025, month 13)",
    severity=Severity.WARNING,
    section=SECTION,
)
def date_invalid(doc: Document, opts: DatesOptions) -> Iterator[Finding]:
    """## What it does
    Reports dates that cannot exist, in any format: "April 31", "31 June", "Feb. 29, 2025"
    (not a leap year), "2025-13-01", "31/06/2025" (no valid reading in US or UK order), a
    range running past the end of its month ("June 28-31"), and metadata dates that are
    malformed (`date: 2025-13-01`, `date: next week`).

    ## Why is this bad?
    An impossible date is always a mistake: either the day or the month is wrong, and
    readers cannot tell which. A malformed metadata date may break sorting, feeds and the
    publication date shown on the page.

    ## Example
    ```markdown
    Applications close on April 31.
    ```

    Use instead:
    ```markdown
    Applications close on April 30.
    ```

    ## Options
    - `date_fields`
    - `other_date_fields`
    """
    dd = doc_dates(doc, opts)
    for b, d in dd.mentions:
        if d.valid:
            continue
        if d.kind == "numeric":
            message = f"Date {quoted(d.text)} does not exist in US or UK order: {d.problem}"
        else:
            message = f"Date {quoted(d.text)} does not exist: {d.problem}"
        yield Finding(_span(b, d.start, d.end), message)
    seen: set[int] = set()
    for key in (*opts.date_fields, *opts.other_date_fields):
        f = _meta(doc, key)
        if f is None or f.value in (None, "") or f.value_span.start in seen:
            continue
        seen.add(f.value_span.start)
        parsed = dd.pub if f is dd.pub_field else parse_meta_date(f.value)
        if parsed is None or parsed.problem is None:
            continue
        where = "Front-matter" if f.source == "frontmatter" else "Metadata"
        problem = parsed.problem
        text = parsed.text or str(f.value)
        if problem.startswith("is "):
            message = f"{where} {quoted(key)} value {quoted(text)} {problem}"
        else:
            message = f"{where} {quoted(key)} value {quoted(text)} is not a valid date: {problem}"
        yield Finding(f.value_span, message)
