"""metadata-length: a field is too long or too short."""

from __future__ import annotations

from collections.abc import Iterator

from ...document import Document
from ..base import Finding, Severity, rule
from .fields import _item_span, _q, _text_items, display_text, field_states
from .options import SECTION, MetadataOptions


@rule(
    "metadata-length",
    family="metadata",
    summary="A metadata field is too long or too short",
    severity=Severity.WARNING,
    section=SECTION,
)
def metadata_length(doc: Document, opts: MetadataOptions) -> Iterator[Finding]:
    """## What it does
    Reports a text field shorter than its `min_length` or longer than its `max_length`
    (characters as readers see them: tags removed, entities decoded), and a list with fewer
    than `min_items` or more than `max_items` items. By default a title may have 110
    characters and a description 50 to 160, the room a search snippet gives.

    ## Why is this bad?
    Search engines and social cards cut long titles and descriptions mid-word; a
    one-word description tells readers nothing.

    ## Example
    ```markdown
    ---
    title: Harbour wall repaired
    author: Jane Doe
    date: 2024-05-17
    description: Repairs.
    ---

    The harbour wall was repaired in time for the regatta.
    ```

    Use instead:
    ```markdown
    ---
    title: Harbour wall repaired
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
        spec = st.spec
        if spec.min_length is None and spec.max_length is None and spec.min_items is None and spec.max_items is None:
            continue
        for f in st.present:
            if isinstance(f.value, list) and f.source == "frontmatter":
                n = len(f.value)
                if spec.min_items is not None and n < spec.min_items:
                    yield Finding(
                        f.value_span,
                        f"Field '{f.key}' has {n} item{'s' * (n != 1)}; at least {spec.min_items} expected",
                    )
                elif spec.max_items is not None and n > spec.max_items:
                    yield Finding(f.value_span, f"Field '{f.key}' has {n} items; at most {spec.max_items} allowed")
            if spec.min_length is None and spec.max_length is None:
                continue
            for item in _text_items(f):
                n = len(display_text(item))
                span = _item_span(doc, f, item) if isinstance(f.value, list) else f.value_span
                if spec.max_length is not None and n > spec.max_length:
                    yield Finding(span, f"Field '{f.key}' is {n} characters long; the limit is {spec.max_length}")
                elif spec.min_length is not None and n < spec.min_length:
                    yield Finding(
                        span,
                        f"Field '{f.key}' is {n} character{'s' * (n != 1)} long "
                        f"({_q(display_text(item))}); at least {spec.min_length} expected",
                    )
