"""Repeated paragraphs in one article."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass
from typing import Iterator

from ..document import HEADING, LIST_ITEM, PARAGRAPH, Document
from ..text.normalize import word_key
from ..text.patterns import lazy
from .base import Finding, Severity, rule, section


@dataclass(frozen=True)
class DuplicatesOptions:
    """Options of duplicate-paragraph (config section `duplicates:`)."""

    # Paragraphs shorter than this many words are never compared ("Updated.", "Advertisement").
    min_words: int = 8
    # Two paragraphs at least this alike (0-1, rapidfuzz ratio of their words) are copies;
    # 1.0 reports exact copies only.
    similarity: float = 0.9
    # Report a heading repeated word for word as the paragraph right under it.
    heading_repeats: bool = True
    # A heading needs this many words before its repeat is reported ("Comments").
    heading_min_words: int = 3


SECTION = section("duplicates", DuplicatesOptions, "Repeated paragraphs")

# Pull quotes repeat a paragraph on purpose; captions, teasers and promos of other stories are
# page furniture that templates print twice (a gallery's full and truncated caption).
_NOT_BODY_CLASS = lazy(
    r"(?:^|[-_ ])(?:pull-?quote|callout|caption|wp-caption|teaser|dek|promo\w*|card|kicker|"
    r"related|recirc|more-stories|nav|menu|share|social|newsletter|subscribe|sidebar|comments?)"
    r"(?:$|[-_ ])",
    re.I,
)


def _excerpt(text: str, words: int = 7) -> str:
    parts = text.split()
    out = " ".join(parts[:words])
    return out + "…" if len(parts) > words else out


@rule("duplicate-paragraph", family="duplicates", summary="A paragraph repeated in the same article",
      severity=Severity.WARNING, section=SECTION)
def duplicate_paragraph(doc: Document, opts: DuplicatesOptions) -> Iterator[Finding]:
    """## What it does
    Reports a body paragraph that repeats an earlier one, word for word or nearly (a copy
    that drifted by a word), and a heading repeated as the paragraph right under it.
    Comparison ignores case, whitespace, no-break spaces, straight versus curly quote marks
    and punctuation. Only the body is compared: a first paragraph that repeats the
    front-matter description is normal. Captions, bylines and author bios are left to their
    own rules (a repeated bio is `bio-duplicate`), pull quotes repeat on purpose, and
    paragraphs shorter than `min_words` are skipped. A paragraph that does not end like a
    sentence or is mostly figures (a headline, a teaser of another story, a line of a menu
    or a meal plan) is not compared, nor, in web pages, blocks marked as captions, promos or
    related links: such text repeats on purpose. List items in Markdown and text are
    compared word for word even without a full stop.

    ## Why is this bad?
    A repeated paragraph is a paste or CMS error that readers notice at once.

    ## Example
    ```markdown
    The council approved the budget on Tuesday after a four-hour debate.

    Members argued over library hours until late in the evening.

    The council approved the budget on Tuesday after a four‑hour debate.
    ```

    Use instead:
    ```markdown
    The council approved the budget on Tuesday after a four-hour debate.

    Members argued over library hours until late in the evening.
    ```

    ## Options
    - `min_words`
    - `similarity`
    - `heading_repeats`
    - `heading_min_words`
    """
    from ..text.bios import document_bios

    prose = doc.prose
    bio_blocks = {b.block_start for b in document_bios(doc) if b.origin == "body" and b.whole_block}
    exact: dict[str, tuple[int, bool]] = {}  # key -> (offset of the first copy, prose?)
    # Distinct paragraphs long enough for near-duplicate search, sorted by key length: only
    # lengths within reach of the threshold can be that alike, found by bisection.
    lengths: list[int] = []
    entries: list[tuple[str, int, str]] = []  # (key, offset, text), parallel to lengths
    sim = opts.similarity
    html = doc.format == "html"
    near = sim < 1.0
    near_words = opts.min_words + 4
    ratio = None
    budget = _COMPARISONS
    for i, block in enumerate(prose):
        kind = block.kind
        if kind == HEADING:
            if opts.heading_repeats and i + 1 < len(prose):
                finding = _heading_repeat(doc, block, prose[i + 1], opts, bio_blocks)
                if finding is not None:
                    yield finding
            continue
        if kind not in (PARAGRAPH, LIST_ITEM) or block.span.start in bio_blocks:
            continue
        text = block.text.text
        if text.count(" ") + 1 < opts.min_words:  # cheap first test; split() decides
            continue
        words = len(text.split())
        if words < opts.min_words:
            continue
        if "aside" in block.container or any(_NOT_BODY_CLASS.search(c) for c in block.classes):
            continue
        # A headline, a teaser, a menu or a meal plan repeats on purpose: only prose counts
        # (one prose copy is enough, so a copy that lost its full stop still matches).
        prose_like = (kind == LIST_ITEM and not html) or _is_prose(text, words)
        key = word_key(text)
        first = exact.get(key)
        if first is not None:
            if first[1] or prose_like:
                line, _ = doc.lines.position(first[0])
                yield Finding(block.span, f"Paragraph '{_excerpt(text)}' repeats the one on line {line}")
            continue
        exact[key] = (block.span.start, prose_like)
        if not near or kind != PARAGRAPH or words < near_words or not prose_like:
            continue
        n = len(key)
        lo = bisect_left(lengths, n * sim / (2 - sim))
        hi = bisect_right(lengths, n * (2 - sim) / sim)
        if hi - lo > _NEAREST:
            # Only the paragraphs closest in length: a long run of look-alike paragraphs
            # (a generated page, a table pasted as text) must not make this quadratic.
            mid = bisect_right(lengths, n)
            lo, hi = max(lo, mid - _NEAREST // 2), min(hi, mid + _NEAREST // 2)
        budget -= hi - lo
        if budget < 0:
            near = False  # enough comparing for one article: exact copies are still found
            continue
        best = None
        for k in range(lo, hi):
            other, offset, other_text = entries[k]
            if best is not None and offset > best[1]:
                continue
            if ratio is None:
                from rapidfuzz.fuzz import ratio
            score = ratio(key, other, score_cutoff=sim * 100)
            if score and not _templated(text, other_text):
                best = (score, offset)
        if best is not None:
            line, _ = doc.lines.position(best[1])
            yield Finding(
                block.span,
                f"Paragraph '{_excerpt(text)}' nearly repeats the one on line {line} ({round(best[0])}% alike)",
            )
            continue
        at = bisect_right(lengths, n)
        lengths.insert(at, n)
        entries.insert(at, (key, block.span.start, text))


_TOKEN = lazy(r"[\w'’\-]+")
# Bounds on near-duplicate search per article: candidates per paragraph, and comparisons in
# all. A news article has a few dozen paragraphs (far below both); a 20 MB page of
# look-alike paragraphs stays linear instead of taking hours.
_NEAREST = 40
_COMPARISONS = 4000


_NUMERIC = lazy(r"(?:^|\s)[^\s\d]*\d")  # a word holding a digit
# The first digit of each run of digits: as many matches as runs, each one character long
# (no string is built for an ASCII digit: those are shared), and a character class first,
# which the regex engine scans for quickly.
_DIGIT_RUN_STARTS = lazy(r"\d(?<!\d\d)")
_CLOSERS = "\"'\u201d\u2019)] \t\n"


def _is_prose(text: str, words: int) -> bool:
    """Ends like a sentence and is not mostly figures ("1 Green, 1 Red, 1 tsp.")."""
    t = text.rstrip(_CLOSERS)
    if not t or t[-1] not in ".!?\u2026":
        return False
    if len(_DIGIT_RUN_STARTS.findall(text)) * 10 < words * 3:  # digit runs bound the figures: cheap
        return True
    return len(_NUMERIC.findall(text)) * 10 < words * 3


def _templated(a: str, b: str) -> bool:
    """Two sentences built on one template differ in names or numbers ("The Eastside clinic
    closes March 1" / "The Westside clinic closes March 8"); a drifted copy differs in
    ordinary words. True when a word that differs holds a digit or a capital."""
    ta, tb = _TOKEN.findall(a), _TOKEN.findall(b)
    ca = Counter(w.casefold() for w in ta)
    cb = Counter(w.casefold() for w in tb)
    diff = set(ca - cb) | set(cb - ca)
    return any(
        w.casefold() in diff and (w[:1].isupper() or any(ch.isdigit() for ch in w))
        for w in ta + tb
    )


def _heading_repeat(doc: Document, heading, nxt, opts: DuplicatesOptions, bio_blocks: set[int]) -> Finding | None:
    if nxt.kind not in (PARAGRAPH, LIST_ITEM) or nxt.span.start in bio_blocks:
        return None
    if any(_NOT_BODY_CLASS.search(c) for c in nxt.classes):
        return None
    htext, ptext = heading.text.text, nxt.text.text
    if abs(len(htext) - len(ptext)) > 8 or len(htext.split()) < opts.heading_min_words:
        return None
    if word_key(htext) != word_key(ptext):
        return None
    line, _ = doc.lines.position(heading.span.start)
    return Finding(nxt.span, f"Paragraph repeats the heading on line {line}: '{_excerpt(htext)}'")

# The rules this family registers (the registry reads this tuple; a rule not listed here
# is not run). Order: the order the rules were written in.
RULES = (duplicate_paragraph,)
