"""metadata-unknown: a front-matter field that is not in the house schema."""

from __future__ import annotations

from collections.abc import Iterator

from ...document import Document
from ...validation import did_you_mean
from ..base import Finding, Severity, rule
from .fields import _applies, _q
from .options import SECTION, MetadataOptions, schema_of


@rule(
    "metadata-unknown",
    family="metadata",
    summary="A front-matter field that is not in the house schema",
    severity=Severity.INFO,
    section=SECTION,
    default_enabled=False,
)
def metadata_unknown(doc: Document, opts: MetadataOptions) -> Iterator[Finding]:
    """## What it does
    Reports a front-matter field that the house schema does not name (as a field, an alias
    or in `known_fields`), suggesting the closest known name. It catches typos such as
    `auther` or `descripton`, which otherwise leave the real field missing without a word.
    Off by default: turn it on once the schema lists every field the site uses. HTML
    metadata is not checked (pages carry many unrelated meta tags).

    ## Why is this bad?
    A misspelt field is silently ignored by the site generator: the post goes out with no
    author or description and nobody knows why.

    ## Example
    ```markdown
    ---
    title: Harbour wall repaired
    auther: Jane Doe
    ---
    ```

    Use instead:
    ```markdown
    ---
    title: Harbour wall repaired
    author: Jane Doe
    ---
    ```

    ## Options
    - `fields`
    - `known_fields`
    - `apply_to`
    """
    if not _applies(doc, opts) or doc.frontmatter_span is None:
        return
    schema = schema_of(opts)
    known = set(schema.by_name) | set(opts.known_fields) | {"edlint"}
    for spec in schema.fields:
        for c in spec.when + spec.unless:
            known.add(c.field)
    for key, f in doc.metadata.items():
        if f.source != "frontmatter" or key in known:
            continue
        yield Finding(f.key_span, f"Field {_q(key)} is not in the house schema{did_you_mean(key, sorted(known))}")
