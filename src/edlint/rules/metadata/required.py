"""metadata-required: a required field is missing or empty."""

from __future__ import annotations

from collections.abc import Iterator

from ...document import Document
from ...text.dates import file_name_date
from ..base import Finding, Severity, rule
from .fields import _has_body, _head, field_states
from .options import SECTION, MetadataOptions
from .page_evidence import AUTHOR_FIELDS, DATE_FIELDS, page_evidence
from .schema import BODY, FieldSpec


def _names(spec: FieldSpec) -> str:
    if not spec.aliases:
        return f"'{spec.name}'"
    return f"'{spec.name}' (or " + ", ".join(f"'{a}'" for a in spec.aliases) + ")"


def _given_on_page(doc: Document, spec: FieldSpec) -> bool:
    """A news page's byline or date given in the page rather than in ``<head>`` (a visible
    "By ..." line or dateline, microdata, ``rel=author``, ``<time datetime>``)."""
    names = {n.lower() for n in (spec.name, *spec.aliases)}
    evidence = page_evidence(doc)
    if names & AUTHOR_FIELDS:
        return bool(evidence.author)
    if names & DATE_FIELDS:
        return bool(evidence.date)
    return False


@rule(
    "metadata-required",
    family="metadata",
    summary="A required metadata field is missing or empty",
    severity=Severity.WARNING,
    section=SECTION,
)
def metadata_required(doc: Document, opts: MetadataOptions) -> Iterator[Finding]:
    """## What it does
    Reports a field the house schema requires that is missing from the front matter (or
    from the page's `<head>` in HTML), or written with an empty value. By default an
    article needs a title, an author, a date, a description and body text. Aliases count
    (`authors` for `author`, `excerpt` for `description`); a date in the file name
    (`2022-08-10-slug.md`) counts for a field with `from_filename: true`. A requirement
    can depend on another field: `unless: source_url` waives it for link-out posts,
    `when: image` applies it only when the post has an image. The default schema waives
    the author, description and body of a link-out post (one whose front matter has
    `source_url`, `external_url` or a redirect: the linked page carries them). Plain-text
    files are not checked unless `apply_to` lists `txt`.

    A news page (HTML) that gives its byline or date in the page rather than in `<head>`
    has them: a "By Jane Doe" or "Von …" line or a dateline near the headline, a byline
    element, microdata (`itemprop="author"`, `itemprop="datePublished"`), a `rel="author"`
    link, a `<time datetime>` element, any JSON-LD object's author or `datePublished`, or
    a site's own meta name (`DCSext.author`, `published_date`).

    ## Why is this bad?
    Templates, feeds, search snippets and social cards are built from these fields. A
    missing author or date breaks bylines and archives; a missing description leaves
    search engines to pick a random sentence.

    ## Example
    ```markdown
    ---
    title: Harbour wall repaired before the regatta
    date: 2024-05-17
    description: Engineers finished work on the storm-damaged harbour wall two days before the sailing regatta.
    ---

    The harbour wall was repaired in time for the regatta.
    ```

    Use instead:
    ```markdown
    ---
    title: Harbour wall repaired before the regatta
    author: Jane Doe
    date: 2024-05-17
    description: Engineers finished work on the storm-damaged harbour wall two days before the sailing regatta.
    ---

    The harbour wall was repaired in time for the regatta.
    ```

    ## Options
    - `fields`
    - `apply_to`
    """
    for st in field_states(doc, opts):
        if not st.required or st.present:
            continue
        spec = st.spec
        if spec.name == BODY:
            if not _has_body(doc):
                yield Finding(_head(doc), "Article has no body text")
            continue
        if spec.from_filename and file_name_date(doc.path)[0] is not None:
            continue
        if doc.format == "html" and _given_on_page(doc, spec):  # an empty <meta name="author"> too
            continue
        if st.empty:
            f = st.empty[0]
            yield Finding(f.key_span, f"Required field '{f.key}' is empty")
        else:
            yield Finding(_head(doc), f"Required field {_names(spec)} is missing")
