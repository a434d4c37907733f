"""Where a page template prints a bio: a short bio in the byline area and the full author box
at the end are one template's two placements of the same bio, not a bio printed twice.

Contributor and columnist pages (Forbes, many regional chains) print the author's one-line
bio under the byline (``<div class="short-bio">``) and the whole bio in the author box after
the story. Both come from the author's profile, on every article the author writes; an editor
has nothing to change. What stays a duplicate: a bio pasted into the story's own paragraphs,
two copies together at the end, and anything in plain text or Markdown (where no markup says
which copy is the template's).

    template_placements(doc, first, second) -> True when ``first`` is the byline-area copy and
                                               ``second`` the author box after the story
"""

from __future__ import annotations

from typing import Any

from ..patterns import lazy
from .recognise import Bio

# Classes of a short bio printed with the byline: short-bio, bio-short, author-teaser,
# byline-bio, author-tagline, mini-bio, bio-snippet.
_TEASER_CLASS = lazy(
    r"(?i)short[-_]?bio|bio[-_]?short|mini[-_]?bio|teaser|tagline|byline|bio[-_]?(?:snippet|excerpt|summary)"
    r"|author[-_]?(?:summary|blurb|intro)"
)
# A story paragraph between the two copies: at least this many words.
_STORY_WORDS = 6


def _blocks(doc: Any) -> dict[int, Any]:
    return doc.view("bios.blocks_by_start", lambda d: {b.span.start: b for b in d.prose})


def _story_paragraphs(doc: Any) -> list[int]:
    """Where the story's own paragraphs start (not bios, bylines or captions)."""
    from ...document import PARAGRAPH

    def build(d: Any) -> list[int]:
        return [
            b.span.start
            for b in d.prose
            if b.kind == PARAGRAPH
            and "bio" not in b.container
            and not b.in_quote
            and len(b.text.text.split()) >= _STORY_WORDS
        ]

    return doc.view("bios.story_paragraphs", build)


def _typed_bio_block(doc: Any, bio: Bio) -> Any | None:
    """The block holding ``bio`` when the markup typed it as a bio (class="author-bio" ...)."""
    from ...document import BIO

    if bio.origin != "body" or bio.block_start < 0:
        return None
    block = _blocks(doc).get(bio.block_start)
    return block if block is not None and block.kind == BIO else None


def _in_byline_area(doc: Any, block: Any) -> bool:
    """A typed bio printed with the byline: its class says so (short-bio, teaser), it sits in
    the page's header, or it comes before the story's first paragraph."""
    if "header" in block.container or any(_TEASER_CLASS.search(c) for c in block.classes):
        return True
    story = _story_paragraphs(doc)
    return bool(story) and block.span.start < story[0]


def template_placements(doc: Any, first: Bio, second: Bio) -> bool:
    """``first`` is a bio in the byline area and ``second`` the author box after the story:
    both typed as bios by the page's markup, with the story's paragraphs between them."""
    if first.start >= second.start:
        return False
    top, box = _typed_bio_block(doc, first), _typed_bio_block(doc, second)
    if top is None or box is None or not _in_byline_area(doc, top):
        return False
    return any(top.span.end <= p < box.span.start for p in _story_paragraphs(doc))
