"""metadata-jsonld: JSON-LD article markup lacks what search engines need."""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterator
from typing import Any

from ...document import Document, MetaField, Span
from ..base import Finding, Severity, rule
from .fields import _applies, _empty, _q, _shape
from .options import SECTION, MetadataOptions

ARTICLE_TYPES = frozenset(
    {
        "NewsArticle",
        "Article",
        "BlogPosting",
        "ReportageNewsArticle",
        "AnalysisNewsArticle",
        "OpinionNewsArticle",
        "BackgroundNewsArticle",
        "ReviewNewsArticle",
        "LiveBlogPosting",
        "TechArticle",
        "Report",
        "SatiricalArticle",
        "AskPublicNewsArticle",
    }
)
_ISO_8601 = re.compile(
    r"^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$"
)
_BYLINE_NAME = re.compile(r"^\s*(?:by|posted by|written by)\s", re.I)


def _jsonld_types(obj: dict) -> list[str]:
    t = obj.get("@type")
    return [x for x in (t if isinstance(t, list) else [t]) if isinstance(x, str)]


def _image_ok(value: Any) -> bool:
    if isinstance(value, str):
        return bool(value.strip())
    if isinstance(value, dict):
        return any(isinstance(value.get(k), str) and value[k].strip() for k in ("url", "contentUrl", "@id"))
    if isinstance(value, list):
        return any(_image_ok(v) for v in value)
    return False


def _iso_problem(value: Any) -> str | None:
    if not isinstance(value, str) or not value.strip():
        return "is not a date"
    m = _ISO_8601.match(value.strip())
    if not m:
        return "is not an ISO 8601 date such as 2024-05-17T09:30:00+01:00"
    y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
    try:
        _dt.date(y, mo, d)
    except ValueError:
        return "is not a real date"
    if y < 1900:
        return "is a placeholder, not the publication date"
    return None


def _author_problems(value: Any) -> list[str]:
    items = value if isinstance(value, list) else [value]
    out = []
    for a in items:
        if isinstance(a, str):
            name = a
        elif isinstance(a, dict):
            if "@id" in a and "name" not in a:
                continue  # a reference to a Person described elsewhere in the graph
            name = a.get("name")
            if not isinstance(name, str) or not name.strip():
                out.append("JSON-LD author has no name")
                continue
        else:
            out.append("JSON-LD author has no name")
            continue
        if not name.strip():
            out.append("JSON-LD author has no name")
        elif _BYLINE_NAME.match(name):
            out.append(f"JSON-LD author name {_q(name.strip())} is a byline; give the name alone")
    return out


def _key_span(doc: Document, f: MetaField, key: str) -> Span:
    """The "key" of a JSON-LD property inside its <script>, or the script itself."""
    i = doc.source.find(f'"{key}"', f.value_span.start, f.value_span.end)
    if i >= 0:
        return Span(i, i + len(key) + 2)
    return Span(f.value_span.start, f.value_span.start)


@rule(
    "metadata-jsonld",
    family="metadata",
    summary="JSON-LD article markup lacks what search engines need",
    severity=Severity.WARNING,
    section=SECTION,
)
def metadata_jsonld(doc: Document, opts: MetadataOptions) -> Iterator[Finding]:
    """## What it does
    Checks a page's JSON-LD `NewsArticle` (or `Article`, `BlogPosting` and the other article
    types) for what search engines need for article results: a `headline`, an `image`, a
    `datePublished` in ISO 8601 form, and an `author` with a name. It also reports a
    placeholder date (`0001-01-01`) and an author name that is really a byline
    (`"By JANE DOE, AP Writer"`). Pages without article JSON-LD are not checked.

    ## Why is this bad?
    Without these properties a page loses rich results (top stories, article cards), and
    a wrong date or byline shows up as such in search.

    ## Example
    ```html
    <script type="application/ld+json">
    {"@type": "NewsArticle", "headline": "Harbour wall repaired",
     "datePublished": "May 17, 2024", "author": {"@type": "Person", "name": "By Jane Doe"}}
    </script>
    ```

    Use instead:
    ```html
    <script type="application/ld+json">
    {"@type": "NewsArticle", "headline": "Harbour wall repaired",
     "image": "https://example.com/harbour.jpg", "datePublished": "2024-05-17T09:30:00+01:00",
     "author": {"@type": "Person", "name": "Jane Doe"}}
    </script>
    ```

    ## Options
    - `jsonld_required`
    - `apply_to`
    """
    if not _applies(doc, opts):
        return
    f = doc.meta_field("jsonld")
    if f is None or not isinstance(f.value, dict):
        return
    obj = f.value
    if not any(t in ARTICLE_TYPES for t in _jsonld_types(obj)):
        return
    kind = next(t for t in _jsonld_types(obj) if t in ARTICLE_TYPES)
    head = Span(f.value_span.start, f.value_span.start)
    for prop in opts.jsonld_required:
        if _empty(obj.get(prop)):
            yield Finding(_key_span(doc, f, prop) if prop in obj else head, f"JSON-LD {kind} has no '{prop}'")
            continue
        value = obj[prop]
        if prop == "headline" and not isinstance(value, str):
            yield Finding(_key_span(doc, f, prop), f"JSON-LD headline is {_shape(value)}; expected text")
        elif prop == "image" and not _image_ok(value):
            yield Finding(_key_span(doc, f, prop), "JSON-LD image has no URL")
        elif prop in ("datePublished", "dateModified"):
            problem = _iso_problem(value)
            if problem:
                yield Finding(_key_span(doc, f, prop), f"JSON-LD {prop} {_q(value)} {problem}")
        elif prop == "author":
            for message in _author_problems(value):
                yield Finding(_key_span(doc, f, prop), message)
