"""byline-mismatch: the byline names someone other than the metadata author."""

from __future__ import annotations

from collections.abc import Iterator

from ...document import Document, Span
from ...text.bios import (
    document_authors,
    document_bylines,
    is_organisation,
    name_key,
    same_person,
    slug_forms,
    slug_key,
)
from ...text.normalize import strip_accents, word_key
from ..base import Finding, Severity, rule
from .options import SECTION, BiosOptions
from .registry import registry_of


def _site_names(doc: Document) -> frozenset[str]:
    """The site's own name as its metadata gives it (og:site_name, application-name)."""
    names = set()
    for key in ("og:site_name", "application-name", "publisher", "site_name"):
        value = doc.meta(key)
        if isinstance(value, str) and value.strip():
            names.add(name_key(value))
    return frozenset(names)


def _byline_matches(byline_text: str, names: tuple[str, ...], meta_names: list[str], slugs: list[str]) -> bool:
    folded = " " + word_key(strip_accents(byline_text)) + " "
    for m in meta_names:
        words = name_key(m).split()
        if not words:
            continue
        if " ".join(words) in folded:
            return True
        if len(words[-1]) >= 3 and f" {words[-1]} " in folded:
            return True
        if any(same_person(m, n) for n in names):
            return True
    for s in slugs:
        sk = slug_key(s)
        for n in names:
            if sk in slug_forms(n):
                return True
            last = name_key(n).split()[-1:] or [""]
            if len(last[0]) >= 3 and last[0] in sk:
                return True
    return False


@rule(
    "byline-mismatch",
    family="bios",
    summary="The byline names someone other than the metadata author",
    severity=Severity.WARNING,
    section=SECTION,
)
def byline_mismatch(doc: Document, opts: BiosOptions) -> Iterator[Finding]:
    """## What it does
    Compares the "By …" line at the top of the article with the author in the metadata
    (front matter `author`/`authors`, `<meta name="author">`, JSON-LD `author`) and reports
    a byline that names none of them. Slugs (`authors: [mokafor]`) are resolved through the
    authors registry when one is configured, else matched against the byline's names.
    Bylines inside quotes and the bylines of related stories further down are ignored.

    ## Why is this bad?
    Whichever is wrong, the article is credited to two different people: the byline
    readers see and the author that feeds, search engines and the author page use.

    ## Example
    ```markdown
    ---
    title: Clinic hours cut
    author: Maya Okafor
    ---

    By Daniel Kim

    The county will cut weekend hours at three clinics starting in March, officials said.
    ```

    Use instead:
    ```markdown
    ---
    title: Clinic hours cut
    author: Maya Okafor
    ---

    By Maya Okafor

    The county will cut weekend hours at three clinics starting in March, officials said.
    ```

    ## Options
    - `authors`
    """
    bylines = document_bylines(doc)
    if not bylines:
        return
    reg = registry_of(doc)
    meta_names: list[str] = []
    slugs: list[str] = []
    first_field = None
    publisher = _site_names(doc)
    for a in document_authors(doc):
        name = a.name
        if name is None and a.slug and reg is not None:
            e = reg.lookup(slug=a.slug)
            name = e["name"] if e else None
        if name and (name_key(name) in publisher or is_organisation(name)):
            continue  # JSON-LD "author": {"name": "AppleInsider"}: the site, not a person
        if name:
            meta_names.append(name)
        elif a.slug:
            slugs.append(a.slug)
        else:
            continue
        first_field = first_field or a
    if first_field is None:
        return
    shown = ", ".join(dict.fromkeys(meta_names + slugs))
    line = doc.lines.position(first_field.start)[0]
    for bl in bylines:
        if _byline_matches(bl.text, bl.names, meta_names, slugs):
            continue
        yield Finding(
            Span(bl.start, bl.end),
            f"Byline '{', '.join(bl.names)}' does not match the author in the metadata ('{shown}', line {line})",
        )
