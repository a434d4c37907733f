"""An example edlint plugin: headlines longer than a limit."""

from collections.abc import Iterator
from dataclasses import dataclass

from edlint.document import HEADING, Document
from edlint.rules.base import Finding, Severity, rule, section


@dataclass(frozen=True)
class ExampleOptions:
    # The longest headline allowed, in characters.
    max_chars: int = 70


SECTION = section("example", ExampleOptions, "Example plugin")


@rule(
    "example-headline-length",
    family="example",
    summary="A headline longer than the limit",
    severity=Severity.WARNING,
    section=SECTION,
)
def example_headline_length(doc: Document, opts: ExampleOptions) -> Iterator[Finding]:
    """## What it does
    Reports a top-level heading longer than `max_chars` characters.

    ## Why is this bad?
    Long headlines are cut off in search results and on social cards.

    ## Example
    ```markdown
    # The city council voted on Tuesday night to approve a budget that raises parking fees
    ```

    Use instead:
    ```markdown
    # Council raises parking fees in new budget
    ```

    ## Options
    - `max_chars`
    """
    for block in doc.blocks_of(HEADING):
        if block.level == 1 and block.text is not None and len(block.text.text) > opts.max_chars:
            n = len(block.text.text)
            yield Finding(block.text.source_span(0, n), f"Headline is {n} characters (at most {opts.max_chars})")
