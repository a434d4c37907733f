"""metadata-pattern: a field does not match its pattern."""

from __future__ import annotations

from collections.abc import Iterator

from ...document import Document
from ..base import Finding, Severity, rule
from .fields import _item_span, _q, _text_items, field_states
from .options import SECTION, MetadataOptions


@rule(
    "metadata-pattern",
    family="metadata",
    summary="A metadata field does not match its pattern",
    severity=Severity.WARNING,
    section=SECTION,
)
def metadata_pattern(doc: Document, opts: MetadataOptions) -> Iterator[Finding]:
    """## What it does
    Reports a text field (or an item of a list field) that does not match the regular
    expression given as its `pattern`, such as a slug with capitals or spaces when the
    schema says `slug: {pattern: "^[a-z0-9-]+$"}`. The pattern is searched, so anchor it
    with `^` and `$` to match the whole value.

    ## Why is this bad?
    Slugs, section codes and IDs end up in URLs and templates; one in the wrong shape gives
    a broken link or a page in no section.

    ## Example
    ```yaml
    # .edlint.yaml
    metadata:
      fields:
        title: {type: string, required: true}
        slug: {type: string, pattern: "^[a-z0-9-]+$"}
    ```

    ```markdown
    ---
    title: Harbour wall repaired
    slug: Harbour Wall Repaired
    ---
    ```

    Use instead:
    ```markdown
    ---
    title: Harbour wall repaired
    slug: harbour-wall-repaired
    ---
    ```

    ## Options
    - `fields`
    - `apply_to`
    """
    for st in field_states(doc, opts):
        pattern = st.spec.pattern
        if pattern is None:
            continue
        for f in st.present:
            for item in _text_items(f):
                if not pattern.search(item):
                    span = _item_span(doc, f, item) if isinstance(f.value, list) else f.value_span
                    yield Finding(
                        span, f"Field '{f.key}' value {_q(item)} does not match the pattern '{pattern.pattern}'"
                    )
