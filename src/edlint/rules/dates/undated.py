"""time-relative-undated: "yesterday", "last week", "on Thursday" in an article that has no
publication date."""

from __future__ import annotations

from collections.abc import Iterator

from ...document import Block, Document
from ...text.dates import DateMention, find_relative_dates
from ...text.patterns import lazy
from ...text.quoting import quoted
from ..base import Finding, Severity, rule
from .options import SECTION, DatesOptions
from .view import DocDates, _is_dateline, _span, doc_dates


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


# An example or a hypothetical: "for instance, posted in the last week", "e.g. items added
# this month". The words describe any reader's week, not the article's.
_EXAMPLE_CUE = lazy(r"(?i)\b(?:for (?:instance|example)|e\.g\.|such as|imagine|suppose|say,)")
_SENTENCE_END = lazy(r"[.!?](?:\s|$)")


def _in_example(text: str, start: int) -> bool:
    """Is the word at ``start`` in a sentence that gives an example before it?"""
    begin = 0
    for m in _SENTENCE_END.finditer(text, 0, start):
        begin = m.end()
    return bool(_EXAMPLE_CUE.search(text, begin, start))


_OPENING = "\"“‘'«"
_CLOSING = "\"”’'»"


def _named_in_quotes(text: str, start: int, end: int) -> bool:
    """Is the word quoted on its own (‘tomorrow’, "last week"): named, not used?"""
    return start > 0 and end < len(text) and text[start - 1] in _OPENING and text[end] in _CLOSING


# An HTML <time> element with a machine-readable date: the page shows when it was published
# ("1 day ago", "Nov. 19") even when no <meta> names the date.
_TIME_ELEMENT = lazy(r"(?i)<time\b[^>]{0,300}?\bdatetime\s*=\s*[\"']?\d{4}-\d{2}-\d{2}")


def has_metadata(doc: Document) -> bool:
    """Does the file carry metadata at all (front matter, an HTML <head>, meta tags)? A body
    pasted as plain text, or a Markdown fragment with no front matter, says nothing about
    its date either way: its publication date lives somewhere else (the CMS)."""
    return doc.frontmatter_span is not None or doc.head_tag_span is not None or bool(doc.metadata)


@rule(
    "time-relative-undated",
    family="dates",
    summary="A relative time word in an article with no publication date",
    severity=Severity.WARNING,
    section=SECTION,
)
def time_relative_undated(doc: Document, opts: DatesOptions) -> Iterator[Finding]:
    """## What it does
    Reports words whose meaning depends on the publication date ("yesterday", "tonight",
    "on Thursday", "last week", "next month", "earlier this year") in an article whose
    metadata has no publication date, whose file name carries none
    (`2024-03-05-slug.md`) and that shows no dateline ("Published March 5, 2024").

    Only files that carry metadata are judged: a body pasted as plain text, or Markdown
    with no front matter, keeps its date elsewhere (the CMS), so it is not an undated
    article. "The last week of the trial" names a period and is not reported, and neither
    is "today", which as often means "nowadays".

    ## Why is this bad?
    Without a date on the article, "yesterday" could mean any day. Readers, archives and
    syndication partners see the story long after it was written.

    ## Example
    ```markdown
    ---
    title: Library to close
    ---
    The council voted yesterday to close the library.
    ```

    Use instead:
    ```markdown
    ---
    title: Library to close
    date: 2025-06-19
    ---
    The council voted yesterday to close the library.
    ```

    ## Options
    - `date_fields`
    """
    if not has_metadata(doc) or doc.page_kind != "article":
        return  # an evergreen page, a list or an author page has no publication date to give
    dd = doc_dates(doc, opts)
    if dd.pub_field is not None or dd.file_date is not None or dd.file_date_text or _visible_date(dd):
        return
    if doc.format == "html" and _TIME_ELEMENT.search(doc.source):
        return  # <time datetime="2019-11-19T10:36">1 day ago</time>: the page shows its date
    for b in doc.prose:
        for start, end, word in find_relative_dates(b.text.text, periods=True):
            if word.lower() == "today":
                continue  # as often "nowadays" as "on the day of publication"
            if _named_in_quotes(b.text.text, start, end):
                continue  # let users enter ‘tomorrow’: the word itself, not a day
            if _in_example(b.text.text, start):
                continue  # "(for instance, all the content was posted in the last week)"
            yield Finding(
                _span(b, start, end),
                f"{quoted(word)} depends on the publication date, but the article has none; give the date",
            )
