"""Repeated paragraphs in one article."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass

from ..document import HEADING, LIST_ITEM, PARAGRAPH, Document
from ..text.normalize import word_key
from ..text.patterns import lazy
from .base import Finding, Severity, rule, section


@dataclass(frozen=True)
class DuplicatesOptions:
    """Options of duplicate-paragraph (config section `duplicates:`)."""

    # Paragraphs shorter than this many words are never compared ("Updated.", "Advertisement").
    min_words: int = 8
    # Two paragraphs at least this alike (0-1: the share of their words that line up, in
    # order) are copies; 1.0 reports exact copies only.
    similarity: float = 0.75
    # A line repeated word for word right after itself (a caption, standfirst or any other
    # line printed twice by a scraper) is reported from this many words, however short.
    adjacent_min_words: int = 5
    # Report a heading repeated word for word as the paragraph right under it.
    heading_repeats: bool = True
    # A heading needs this many words before its repeat is reported ("Comments").
    heading_min_words: int = 3


SECTION = section("duplicates", DuplicatesOptions, "Repeated paragraphs")

# Pull quotes repeat a paragraph on purpose; captions, teasers and promos of other stories are
# page furniture that templates print twice (a gallery's full and truncated caption).
_NOT_BODY_CLASS = lazy(
    # (a template tag's body: "shortcode-case-studies/quote", "shortcode-pull-quote")
    r"^shortcode-[\w/.-]*(?:quote|callout|aside|note|tip|card)[\w.-]*$|"
    r"(?:^|[-_ ])(?:pull-?quote|callout|caption|wp-caption|teaser|dek|promo\w*|card|kicker|"
    r"related|recirc|more-stories|nav|menu|share|social|newsletter|subscribe|sidebar|comments?)"
    r"(?:$|[-_ ])",
    re.I,
)


def _same_place(a: tuple, b: tuple) -> bool:
    """Are two copies (section, list or None) in one place: the same section, and not two
    different lists (a paragraph and a list item of one section are compared)?"""
    return a[0] == b[0] and (a[1] is None or b[1] is None or a[1] == b[1])


_OBJECT = "\ufffc"  # what the parsers put in prose text for inline code and other objects


def _excerpt(text: str, words: int = 7) -> str:
    parts = text.split()
    out = " ".join(parts[:words])
    return out + "…" if len(parts) > words else out


@rule(
    "duplicate-paragraph",
    family="duplicates",
    summary="A paragraph repeated in the same article",
    severity=Severity.WARNING,
    section=SECTION,
)
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

    A line printed twice in a row (a standfirst, a subhead or any other line a scraper
    doubled) is reported however short, from `adjacent_min_words` words; list items, table
    cells, captions (`image-caption` reports those), bios and page chrome ("Advertisement")
    are left alone. Near copies are paragraphs whose words line up, in order, to at least
    `similarity` (the message gives the figure); two paragraphs built on one pattern are
    not copies: they swap the words of a slot ("In the first quarter, revenue rose 12%" /
    "In the second quarter, revenue rose 9%"), name a different subject ("Shares in the
    bank" / "Shares in the retailer") or put different names in the same place. A copy
    that differs only in its figures is an earlier draft, and is reported, and so is one
    that trades a small word for a content word ("in the spring" / "in early spring"): a
    template fills its slots, an editor rewords.

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
    - `adjacent_min_words`
    - `heading_repeats`
    - `heading_min_words`
    """
    from ..text.bios import document_bios

    prose = doc.prose
    bio_blocks = {b.block_start for b in document_bios(doc) if b.origin == "body" and b.whole_block}
    exact: dict[str, tuple[int, bool, tuple]] = {}  # key -> (offset of the first copy, prose?, where)
    # Distinct paragraphs long enough for near-duplicate search, sorted by word count: only
    # counts within reach of the threshold can be that alike, found by bisection.
    lengths: list[int] = []
    entries: list[tuple[list[str], int, str, int]] = []  # (words, offset, text, section number), parallel to lengths
    sim = opts.similarity
    html = doc.format == "html"
    near = sim < 1.0
    near_words = opts.min_words + 4
    similarity = None
    budget = _COMPARISONS
    previous = None  # the prose block before this one
    # Copies under different headings are parallel structure (the same support notice under
    # each release, the same line under each advisory), not a paste: only copies within one
    # section are compared. An article with no headings is one section.
    part = lists = 0
    for i, block in enumerate(prose):
        before, previous = previous, block
        kind = block.kind
        if kind == LIST_ITEM and (before is None or before.kind != LIST_ITEM):
            lists += 1  # a run of list items after other text is a new list
        if kind == HEADING:
            part += 1
            if opts.heading_repeats and i + 1 < len(prose):
                finding = _heading_repeat(doc, block, prose[i + 1], opts, bio_blocks)
                if finding is not None:
                    yield finding
                    previous = None  # the paragraph under it is reported: once is enough
                    continue
            if before is not None and before.kind == HEADING and not html:
                # (a web page prints its headline again in reading lists and menus)
                finding = _adjacent_repeat(doc, before, block, opts)
                if finding is not None:
                    yield finding
            continue
        if kind not in (PARAGRAPH, LIST_ITEM) or block.span.start in bio_blocks:
            continue
        if block.attrs.get("chrome"):
            continue  # "Read more: ..." lines pasted with the page: the scrape rules' business
        # A line printed twice in a row, however short; the paragraph-length rules below
        # name the first of several copies, so they go first when they apply.
        adjacent = (
            before is not None
            and kind == PARAGRAPH
            and before.kind == PARAGRAPH
            and before.span.start not in bio_blocks
            and not before.attrs.get("chrome")
        )
        text = block.text.text
        if text.count(" ") + 1 < opts.min_words or len(text.split()) < opts.min_words:
            if adjacent:
                finding = _adjacent_repeat(doc, before, block, opts)
                if finding is not None:
                    yield finding
            continue
        words = len(text.split())
        if "aside" in block.container or any(_NOT_BODY_CLASS.search(c) for c in block.classes):
            continue
        # A headline, a teaser, a menu or a meal plan repeats on purpose: only prose counts
        # (one prose copy is enough, so a copy that lost its full stop still matches).
        prose_like = (kind == LIST_ITEM and not html) or _is_prose(text, words)
        # Inline code is one object character in the prose text: two paragraphs that
        # differ only in their code (`Thread#raise`, `Fiber#raise`) are compared as written.
        key = word_key(text if _OBJECT not in text else doc.source[block.span.start : block.span.end])
        # A list item is compared only within its own list: the same prize in two sponsors'
        # prize lists, the same step in two procedures, is parallel structure.
        where = (part, lists) if kind == LIST_ITEM else (part, None)
        first = exact.get(key)
        if first is not None and not _same_place(first[2], where):
            first = None  # the same words in another section: keep this copy as the first
        if first is not None:
            if first[1] or prose_like:
                line, _ = doc.lines.position(first[0])
                yield Finding(block.span, f"Paragraph '{_excerpt(text)}' repeats the one on line {line}")
            elif adjacent:
                finding = _adjacent_repeat(doc, before, block, opts)
                if finding is not None:
                    yield finding
            continue
        exact[key] = (block.span.start, prose_like, where)
        if not near or kind != PARAGRAPH or words < near_words or not prose_like or _OBJECT in text:
            # (inline code: technical prose whose near-copies are parallel APIs, not drafts)
            continue
        tokens = key.split()
        n = len(tokens)
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
            other, offset, other_text, other_part = entries[k]
            if other_part != part or (best is not None and offset > best[1]):
                continue
            if similarity is None:
                from rapidfuzz.distance.Indel import normalized_similarity as similarity
            score = similarity(tokens, other, score_cutoff=sim)
            if score and not _parallel(text, other_text):
                best = (score, offset)
        if best is not None:
            line, _ = doc.lines.position(best[1])
            yield Finding(
                block.span,
                f"Paragraph '{_excerpt(text)}' nearly repeats the one on line {line} "
                f"({round(best[0] * 100)}% of words alike)",
            )
            continue
        at = bisect_right(lengths, n)
        lengths.insert(at, n)
        entries.insert(at, (tokens, block.span.start, text, part))


def _adjacent_repeat(doc: Document, before, block, opts: DuplicatesOptions) -> Finding | None:
    """A line printed twice in a row (a caption, a standfirst, a subhead), however short."""
    text = block.text.text
    if len(text) != len(before.text.text) and abs(len(text) - len(before.text.text)) > 8:
        return None  # cheap: copies differ at most in spacing and quote marks
    if len(text.split()) < opts.adjacent_min_words:
        return None
    if any(_NOT_BODY_CLASS.search(c) for c in block.classes + before.classes):
        return None
    if block.in_quote != before.in_quote or "aside" in block.container + before.container:
        return None  # a paragraph set again as a pull quote
    key = word_key(text)
    if key != word_key(before.text.text) or len(key.split()) < opts.adjacent_min_words:
        return None
    line, _ = doc.lines.position(before.span.start)
    return Finding(block.span, f"'{_excerpt(text)}' is printed twice in a row (first on line {line})")


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


_WORD = lazy(r"[^\W_]+")
_SENTENCE_OPENER = lazy(r"(?:^|[.!?:][\"'”’)\]]*\s+[\"'“‘(]?)$")
_SUBJECT_WORDS = 4  # the opening words, where a sentence names what it is about
_DETERMINERS = frozenset("the a an this that its their our his her each every".split())
_FUNCTION_WORDS = frozenset(
    """the a an of in on at to for with by from and or but that which who is are was were has have
    had will would can could""".split()
)
_CALENDAR = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday january february march april
    may june july august september october november december""".split()
)


def _parallel(a: str, b: str) -> bool:
    """Two different paragraphs built on one pattern, not a copy that drifted.

    A drifted copy (an earlier draft left in) rewords here and there: words are added or
    dropped, a figure is corrected. Parallel paragraphs swap the words of a slot and keep
    the rest: "The Eastside clinic closes March 1" / "The Westside clinic closes March 8",
    "In the first quarter, revenue rose 12%" / "In the second quarter, revenue rose 9%".
    True when the words differ only by substitution and one substituted word is not a
    figure, when the opening noun (the subject: the first word, or a word after "the",
    "a", "its" ... in the first four) is swapped for another, or when both
    sides put a different name (a capitalised word inside a sentence, not a day or month)
    where the other has something else.
    """
    from rapidfuzz.distance.Levenshtein import editops

    wa, wb = list(_WORD.finditer(a)), list(_WORD.finditer(b))
    la, lb = [m.group().casefold() for m in wa], [m.group().casefold() for m in wb]
    ops = editops(la, lb)
    if not ops:
        return False
    if (
        all(op.tag == "replace" for op in ops)
        and any(not _has_digit(la[op.src_pos]) or not _has_digit(lb[op.dest_pos]) for op in ops)
        # a function word traded for a content word ("in the spring" / "in early spring") is
        # an edit of the wording; a template swaps the content of its slots
        and not any((la[op.src_pos] in _FUNCTION_WORDS) != (lb[op.dest_pos] in _FUNCTION_WORDS) for op in ops)
    ):
        return True
    # A different subject ("Shares in the bank fell" / "Shares in the retailer fell"): a
    # draft keeps what the paragraph is about and rewords what follows.
    if any(
        op.tag == "replace"
        and op.src_pos < _SUBJECT_WORDS
        and op.dest_pos < _SUBJECT_WORDS
        and (op.src_pos == 0 or la[op.src_pos - 1] in _DETERMINERS)
        and not _has_digit(la[op.src_pos])
        and not _has_digit(lb[op.dest_pos])
        for op in ops
    ):
        return True
    changed_a = {op.src_pos for op in ops if op.tag in ("replace", "delete")}
    changed_b = {op.dest_pos for op in ops if op.tag in ("replace", "insert")}
    return _names_at(a, wa, changed_a) and _names_at(b, wb, changed_b)


def _has_digit(word: str) -> bool:
    return any(ch.isdigit() for ch in word)


def _names_at(text: str, words: list, positions: set[int]) -> bool:
    for i in positions:
        if i >= len(words):
            continue
        w = words[i].group()
        if not w[:1].isupper() or w.casefold() in _CALENDAR:
            continue
        if _SENTENCE_OPENER.search(text, 0, words[i].start()):
            continue  # "The", "However" open sentences
        return True
    return False


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
