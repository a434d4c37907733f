"""bio-duplicate: an author bio printed more than once in one article."""

from __future__ import annotations

from collections.abc import Iterator

from ...document import Document, Span
from ...text.bios import Bio, bio_relation, document_bios, template_placements
from ..base import Finding, Severity, rule
from .options import SECTION, BiosOptions
from .wording import different_people, where, who


@rule(
    "bio-duplicate",
    family="bios",
    summary="An author bio printed more than once in one article",
    severity=Severity.WARNING,
    section=SECTION,
)
def bio_duplicate(doc: Document, opts: BiosOptions) -> Iterator[Finding]:
    """## What it does
    Reports an author bio that appears a second time in the same article: twice in the body,
    in the body and in the front matter (`author_bio`, `bio`, `authors[].bio`) that the
    template prints, in both an `<aside class="author-bio">` and a footer, around a
    "Written By" line, or in the body and the JSON-LD author description. Copies are
    compared on their words (case, spacing, no-break spaces, ’ versus ' and punctuation do
    not count), a copy that drifted by a word still counts, and a short bio that is the
    opening of the full one is a copy too. The second copy is reported, naming the line of
    the first; a repeated bio is not also reported as `duplicate-paragraph`.

    A page template's two placements of one bio are not a duplicate: a short bio the markup
    prints with the byline (`class="short-bio"`, a teaser in the header, or a typed bio
    before the story's first paragraph) and the author box the markup prints after the
    story. A bio pasted into the story, two copies together at the end, and copies in plain
    text or Markdown are still reported.

    ## Why is this bad?
    A doubled bio is the commonest template defect in published articles: the CMS adds the
    bio and so did the writer, or a scraper pasted it twice. Readers see it at once.

    ## Example
    ```markdown
    ---
    title: Clinic hours cut
    author: Maya Okafor
    author_bio: Maya Okafor is a health reporter for the Ledger. Reach her at maya@ledger.example.
    ---

    The county will cut weekend hours at three clinics starting in March, officials said.

    *Maya Okafor is a health reporter for the Ledger. Reach her at maya@ledger.example.*
    ```

    Use instead:
    ```markdown
    ---
    title: Clinic hours cut
    author: Maya Okafor
    author_bio: Maya Okafor is a health reporter for the Ledger. Reach her at maya@ledger.example.
    ---

    The county will cut weekend hours at three clinics starting in March, officials said.
    ```

    ## Options
    - `similarity`
    - `min_words`
    - `jsonld_bios`
    """
    bios = [b for b in document_bios(doc) if b.words >= opts.min_words and (opts.jsonld_bios or b.origin != "jsonld")]
    if len(bios) < 2:
        return
    # Metadata copies first (the template prints them wherever the body copy sits).
    bios.sort(key=lambda b: (b.origin == "body", b.start))
    firsts: list[Bio] = []
    for bio in bios:
        found = None
        for first in firsts:
            if first.start < bio.end and bio.start < first.end and first.origin == bio.origin:
                continue
            if different_people(first, bio) or template_placements(doc, first, bio):
                continue
            rel = bio_relation(first.key, bio.key, opts.similarity)
            if rel is not None:
                found = (first, rel)
                break
        if found is None:
            firsts.append(bio)
            continue
        if bio.origin != "body":
            continue
        first, (kind, score) = found
        how = {
            "same": "repeats",
            "contained": "repeats part of" if len(bio.key) < len(first.key) else "repeats and extends",
            "similar": f"nearly repeats ({round(score * 100)}% alike)",
        }[kind]
        yield Finding(Span(bio.start, bio.end), f"{who(bio)} {how} the one on {where(doc, first)}")
