"""Repeated paragraphs in one article."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from ..document import LIST_ITEM, PARAGRAPH, Document
from ..text.normalize import normalize
from .base import Finding, Severity, rule, section


@dataclass(frozen=True)
class DuplicatesOptions:
    # Paragraphs shorter than this many words are never compared ("Updated.", "Advertisement").
    min_words: int = 8


SECTION = section("duplicates", DuplicatesOptions, "Repeated paragraphs")


@rule("duplicate-paragraph", family="duplicates", summary="A paragraph repeated in the same article",
      severity=Severity.WARNING, section=SECTION)
def duplicate_paragraph(doc: Document, opts: DuplicatesOptions) -> Iterator[Finding]:
    """## What it does
    Reports a body paragraph that repeats an earlier one. Comparison ignores case,
    whitespace, no-break spaces, straight versus curly quote marks and trailing punctuation,
    so a copy whose apostrophes were "smartened" still matches. Captions and bios are left
    to their own rules; short paragraphs are skipped.

    ## Why is this bad?
    A repeated paragraph is a paste or CMS error that readers notice at once.

    ## Example
    ```markdown
    The council approved the budget on Tuesday after a four-hour debate.

    The council approved the budget on Tuesday after a four‑hour debate.
    ```

    Use instead:
    ```markdown
    The council approved the budget on Tuesday after a four-hour debate.
    ```

    ## Options
    - `min_words`
    """
    first_seen: dict[str, int] = {}
    for block in doc.prose:
        if block.kind not in (PARAGRAPH, LIST_ITEM) or block.text is None:
            continue
        text = block.text.text
        if len(text.split()) < opts.min_words:
            continue
        key = normalize(text)
        first = first_seen.get(key)
        if first is None:
            first_seen[key] = block.span.start
            continue
        line, _ = doc.lines.position(first)
        yield Finding(block.span, f"Paragraph repeats the one on line {line}")
