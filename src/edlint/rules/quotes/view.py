"""The per-document quote scan every quote rule reads, and helpers for reporting into a block."""

from __future__ import annotations

import re

from ...document import BLOCKQUOTE, Block, Document
from ...text.patterns import lazy
from ...text.quotes import QuoteScan, scan_quotes, words_at_most

_SKIP_KINDS = frozenset({"byline", "bio", "table_cell"})


def block_scans(doc: Document) -> dict[int, QuoteScan]:
    """One QuoteScan per prose block (keyed by id), shared by the three rules."""
    return doc.view("quotes.scans", lambda d: {id(b): scan_quotes(b.text.text) for b in d.prose})


_CLOSERS = " \t*_)]\"'\u201d\u2019\u00bb\u203a"


# A footnote mark after a sentence's punctuation ("… is that:[5]", "… in 2019.[^3]", "….¹")
FOOTNOTE_MARK = r"(?:\[\^?\w{1,6}\]|<sup>[^<]{1,8}</sup>|[\u00b9\u00b2\u00b3\u2070-\u2079]+)"
_TRAILING_FOOTNOTE = lazy(FOOTNOTE_MARK + r"[\s*_]*$")


_SENTENCE_ENDS = (".", "!", "?", "\u2026", ":", ";", ",")


def _ends_sentence(text: str) -> bool:
    """Does the text end with a sentence's punctuation (after closing quotes and brackets)?"""
    return _TRAILING_FOOTNOTE.sub("", text).rstrip(_CLOSERS).endswith(_SENTENCE_ENDS)


def _teaser_like(text: str) -> bool:
    """A short line with no closing punctuation: a headline, a teaser link (the marks and
    style of a line like this are its own)."""
    return not _ends_sentence(text) and words_at_most(text, 25)


def _terminal(text: str) -> bool:
    """Does the text end like a sentence (after closing quotes, brackets and a footnote mark)?"""
    text = _TRAILING_FOOTNOTE.sub("", text)
    # (a dash at the end runs into what follows, like a colon: "… never been calmer —")
    return text.rstrip(_CLOSERS).endswith((".", "!", "?", "\u2026", ":", ";", ",", "\u2014", "\u2013", "--"))


# Two sentences: "… so simple and easy. This has been …", "The feedback was warm. Comments
# like" (a lead-in running into a quotation) are not a headline.
_SENTENCE_BREAK = lazy(r"[.!?\u2026][\"”’)\]*_]*\s+[\"“‘(\[*_]*[A-Z]")


def _headline_like(text: str) -> bool:
    """A short line with no closing punctuation and only one sentence: a headline, a
    teaser link, a credit."""
    return not _terminal(text) and words_at_most(text, 25) and not _SENTENCE_BREAK.search(text)


def _top_blockquote(b: Block) -> Block | None:
    p = b.parent
    top = None
    while p is not None:
        if p.kind == BLOCKQUOTE:
            top = p
        p = p.parent
    return top


_EMBED_CLASS = lazy(r"twitter|tweet|instagram|tiktok|facebook|embed|social", re.I)


def _embedded(b: Block) -> bool:
    """Text of an embedded post (a tweet's blockquote): someone else's words and marks."""
    top = _top_blockquote(b) if b.in_quote else None
    return top is not None and any(_EMBED_CLASS.search(c) for c in (*top.classes, str(top.attrs.get("class", ""))))


def _preview(s: str, n: int = 50) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1].rstrip() + "…"


def _around(text: str, pos: int, reach: int = 40) -> str:
    """The words around ``pos``, for a message: from a space at least 12 characters before
    it to one at least 12 after. The search for those spaces looks at most ``reach``
    characters further, so a run of marks with no space in it costs the same per mark
    however long the text is (it was quadratic)."""
    lo = max(0, pos - 12)
    s = text.rfind(" ", max(0, lo - reach), lo)
    s = s + 1 if s != -1 else max(0, lo - reach)
    hi = min(len(text), pos + 12)
    e = text.find(" ", hi, hi + reach)
    return text[s : e if e != -1 else min(len(text), hi + reach)].strip()


_LINK_OPEN = lazy(r"(?:<a\b[^>]*>|\[)[\s*_]*$")


def _in_link(doc: Document, b: Block) -> bool:
    """Does the block's text open inside a link (a teaser headline, a related story)?"""
    start = b.text.source_offset(0)
    return bool(_LINK_OPEN.search(doc.source, max(0, start - 300), start))


_READER_TEXT = lazy(r"(?:^|[-_])(?:comments?|comment-(?:body|content|text)|disqus|reply|replies)(?:$|[-_])", re.I)


def _readers_text(b: Block) -> bool:
    """A reader's comment under the article: not the publication's copy."""
    return any(_READER_TEXT.search(c) for c in b.classes)
