"""metadata-type: a field has the wrong shape for its type."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from ...document import Document
from ...text.dates import parse_meta_date
from ...text.patterns import lazy
from ..base import Finding, Severity, rule
from .fields import _q, _shape, field_states
from .options import SECTION, MetadataOptions
from .schema import FieldSpec

_TYPE_WORDS = {
    "string": "text",
    "list": "a list of text values",
    "date": "a date such as 2024-05-17",
    "datetime": "a date and time such as 2024-05-17 09:30",
    "url": "an absolute URL",
    "path": "a URL or path",
    "email": "an e-mail address",
    "enum": "one of the allowed values",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "mapping": "a mapping of keys to values",
    "any": "any value",
}


_EMAIL = lazy(r"^[^@\s<>()]+@[^@\s<>()]+\.[A-Za-z]{2,}$")
_URL = lazy(r"^https?://[^\s/?#]+\.[^\s/?#]+[^\s]*$|^https?://localhost\b[^\s]*$", re.I)
_PATH = lazy(r"^\S+$")
_TIME = lazy(r"\d{1,2}:\d{2}")


def _is_text(v: Any) -> bool:
    return isinstance(v, str)


def _type_ok(value: Any, t: str, lenient: bool) -> bool:
    """Does ``value`` have shape ``t``? ``lenient``: an HTML meta value (always text)."""
    if t == "any":
        return True
    if t in ("string", "enum"):
        if t == "enum" and isinstance(value, (int, float)) and not isinstance(value, bool):
            return True
        return _is_text(value) or (lenient and isinstance(value, list) and all(map(_is_text, value)))
    if t == "list":
        if isinstance(value, list):
            return all(_is_text(v) for v in value)
        return lenient and _is_text(value)
    if t in ("date", "datetime"):
        md = parse_meta_date(value)
        if md is None or md.date is None:
            return False
        return t == "date" or bool(_TIME.search(md.text))
    if t == "url":
        return _is_text(value) and bool(_URL.match(value.strip()))
    if t == "path":
        return _is_text(value) and bool(_PATH.match(value.strip()))
    if t == "email":
        return _is_text(value) and bool(_EMAIL.match(value.strip()))
    if t == "integer":
        return (isinstance(value, int) and not isinstance(value, bool)) or (lenient and str(value).strip().isdigit())
    if t == "number":
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if t == "boolean":
        return isinstance(value, bool)
    if t == "mapping":
        return isinstance(value, dict)
    return True


def type_problem(value: Any, spec: FieldSpec, lenient: bool = False) -> str | None:
    """Why ``value`` does not fit ``spec``'s type(s), or None."""
    if any(_type_ok(value, t, lenient) for t in spec.types):
        return None
    expected = " or ".join(_TYPE_WORDS[t] for t in spec.types)
    if len(spec.types) == 1 and spec.types[0] in ("date", "datetime"):
        md = parse_meta_date(value)
        if md is not None and md.problem and isinstance(value, str):
            if md.problem.startswith("is "):
                return f"value {_q(value)} {md.problem}; expected {expected}"
            return f"value {_q(value)} is not a valid date ({md.problem}); expected {expected}"
        if md is not None and md.date is not None:
            return f"value {_q(value)} has no time; expected {expected}"
    if isinstance(value, list) and "list" in spec.types:
        bad = next((v for v in value if not _is_text(v)), None)
        return f"has an item that is {_shape(bad)}; expected {expected}"
    return f"is {_shape(value)}; expected {expected}"


@rule(
    "metadata-type",
    family="metadata",
    summary="A metadata field has the wrong shape",
    severity=Severity.WARNING,
    section=SECTION,
)
def metadata_type(doc: Document, opts: MetadataOptions) -> Iterator[Finding]:
    """## What it does
    Reports a field whose value has the wrong shape for its type in the house schema: a
    date that is not a date (`2024-02-30`, `next week`), tags written as one string instead
    of a list, an author given as a number, a URL that is not absolute. The message says
    what was expected. Types: `string`, `list` (of text), `date`, `datetime`, `url`, `path`,
    `email`, `enum`, `integer`, `number`, `boolean`, `mapping`, `any`; a field may allow
    several (`type: [string, list]`).

    ## Why is this bad?
    Templates and feeds expect each field in one shape. A string where a list belongs
    becomes one tag per letter; an impossible date sorts the post into the wrong archive or
    breaks the build.

    ## Example
    ```markdown
    ---
    title: Harbour wall repaired before the regatta
    author: Jane Doe
    date: 2024-02-30
    description: Engineers finished work on the storm-damaged harbour wall two days before the sailing regatta.
    ---

    The harbour wall was repaired in time for the regatta.
    ```

    Use instead:
    ```markdown
    ---
    title: Harbour wall repaired before the regatta
    author: Jane Doe
    date: 2024-03-01
    description: Engineers finished work on the storm-damaged harbour wall two days before the sailing regatta.
    ---

    The harbour wall was repaired in time for the regatta.
    ```

    ## Options
    - `fields`
    - `apply_to`
    """
    for st in field_states(doc, opts):
        for f in st.present:
            if f.source == "jsonld" and not isinstance(f.value, str):
                continue  # JSON-LD objects (an author given as a graph reference): metadata-jsonld
            problem = type_problem(f.value, st.spec, lenient=f.source != "frontmatter")
            if problem:
                yield Finding(f.value_span, f"Field '{f.key}' {problem}")
