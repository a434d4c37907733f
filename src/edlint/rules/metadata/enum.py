"""metadata-enum: a field has a value outside its allowed list."""

from __future__ import annotations

from collections.abc import Iterator

from ...document import Document
from ...validation import did_you_mean
from ..base import Finding, Severity, rule
from .fields import _item_span, _q, field_states
from .options import SECTION, MetadataOptions


@rule(
    "metadata-enum",
    family="metadata",
    summary="A metadata field has a value outside its allowed list",
    severity=Severity.WARNING,
    section=SECTION,
)
def metadata_enum(doc: Document, opts: MetadataOptions) -> Iterator[Finding]:
    """## What it does
    Reports a field (or an item of a list field) whose value is not one of the `values`
    the house schema allows, such as a section or a topic the site does not have. Set
    `ignore_case: true` on the field to accept `News` for `news`. The message suggests the
    closest allowed value.

    ## Why is this bad?
    A post filed under a section or tag that does not exist lands on no section page and
    in no feed; a typo (`opnion`) hides it from readers.

    ## Example
    ```yaml
    # .edlint.yaml
    metadata:
      fields:
        title: {type: string, required: true}
        section: {type: enum, values: [news, local, opinion]}
    ```

    ```markdown
    ---
    title: Harbour wall repaired
    section: Local
    ---
    ```

    Use instead:
    ```markdown
    ---
    title: Harbour wall repaired
    section: local
    ---
    ```

    ## Options
    - `fields`
    - `apply_to`
    """
    for st in field_states(doc, opts):
        allowed = st.spec.values
        if allowed is None:
            continue
        fold = st.spec.ignore_case
        allowed_set = {a.casefold() for a in allowed} if fold else set(allowed)
        for f in st.present:
            items = f.value if isinstance(f.value, list) else [f.value]
            for item in items:
                if isinstance(item, (dict, list)) or item is None:
                    continue
                text = str(item).strip() if not isinstance(item, bool) else str(item).lower()
                if (text.casefold() if fold else text) in allowed_set:
                    continue
                shown = ", ".join(f"'{a}'" for a in allowed[:8]) + (", …" if len(allowed) > 8 else "")
                span = _item_span(doc, f, text) if isinstance(f.value, list) else f.value_span
                yield Finding(
                    span, f"Field '{f.key}' value {_q(text)} is not one of {shown}{did_you_mean(text, allowed)}"
                )
