"""Where a quotation's source is something other than a speaker next to it: a link, a
footnote, a document or template tag, a quote shortcode's cite, or the article itself (a pull
quote repeating what the article attributes)."""

from __future__ import annotations

import re

from ...document import Block, Document
from ...text.patterns import lazy
from ...text.quotes import Quote, QuoteScan
from ...text.sentences import SentenceIndex
from .speaker import _Ctx

# A blockquote that talks to the reader or to the author's own team reads as speech only
# with a first-person voice or quotation marks; a third-person passage is an excerpt of a
# page, a poem or a callout.
# Case matters: "US tablet users" is not "us".
_FIRST_PERSON = lazy(
    r"\b(?:I|I[’']m|I[’']ve|I[’']d|I[’']ll|[Mm]e|[Mm]y|[Mm]ine|[Ww]e|[Ww]e[’']re|[Ww]e[’']ve|[Ww]e[’']ll|"
    r"[Ww]e[’']d|us|[Oo]ur|[Oo]urs)\b"
)
# The first person singular: a writer or a speaker talking as "I".
SINGULAR_I = lazy(r"\b(?:I|I[’']m|I[’']ve|I[’']d|I[’']ll|[Mm]e|[Mm]y|[Mm]ine|[Mm]yself)\b")
_SECOND_PERSON = lazy(r"\b(?:you|you[’']re|you[’']ll|you[’']ve|your|yours)\b", re.I)
_PULL_CLASS = lazy(r"pull-?quote|pquote|pull|callout|highlight|testimonial", re.I)
# A citation right after the closing mark: (p. 15), ([Wikipedia](…)), (Smith, 2019), [3]
_CITATION_AFTER = lazy(
    r"[\s*_]*\((?:pp?\.\s*\d|page\s+\d|\[[^\]\n]{1,80}\]\(|<a\s|[A-Z][\w.&’' -]{1,60},?\s+(?:1[89]|20)\d\d)",
    re.I,
)
_QUOTE_SHORTCODE_ARGS = ("cite", "author", "by", "source", "name", "attribution", "speaker", "who", "person", "member")


def _shortcode_cite(doc: Document, sc: Block) -> bool:
    from ...parsers.shortcodes import find_shortcodes

    found = find_shortcodes(doc.source[sc.span.start : sc.span.end])
    return bool(found) and any(found[0].arg(k) for k in _QUOTE_SHORTCODE_ARGS)


def _has_link(doc: Document, b: Block, tail: int = 0) -> bool:
    """Does the block's source hold a link (in its last ``tail`` characters, if given)?"""
    start = b.span.end - tail if tail else b.span.start
    # (an inline link, a reference link "[ruby-talk:00382][ref]", or an HTML anchor)
    return bool(re.search(r"\]\(|\]\[[^\]\n]+\]|<a\s", doc.source[max(b.span.start, start) : b.span.end], re.I))


class _ArticleText:
    """The article's prose, normalised, for telling whether a pull quote repeats it."""

    __slots__ = ("_doc", "_grams", "_text")

    def __init__(self, doc: Document) -> None:
        self._doc = doc
        self._text: str | None = None
        self._grams: dict[tuple[str, ...], int] | None = None

    def echoes(self, passage: str, exclude: list[Block]) -> bool:
        """Does a pull-out restate the article in other words? Most of its runs of three
        words recur in the article outside the ``exclude`` blocks ("People in Cuba are
        equal. Equally down-trodden …" beside "People in Cuba are equal, I suppose.
        Equally down-trodden, equally frustrated …"); a quotation no prose repeats does not."""
        grams = _trigrams(_norm(passage))
        if len(grams) < 4:
            return False
        if self._grams is None:
            self._grams = {}
            if sum(len(b.text.text) for b in self._doc.prose) <= _REPEAT_SEARCH_LIMIT:
                for b in self._doc.prose:
                    for g in _trigrams(_norm(b.text.text)):
                        self._grams[g] = self._grams.get(g, 0) + 1
        own: dict[tuple[str, ...], int] = {}
        for b in exclude:
            for g in _trigrams(_norm(b.text.text)):
                own[g] = own.get(g, 0) + 1
        shared = sum(1 for g in grams if self._grams.get(g, 0) > own.get(g, 0))
        return shared >= _ECHO_SHARE * len(grams)

    def repeats(self, passage: str, exclude: list[Block]) -> bool:
        """Do the first words of ``passage`` (pull quotes are often trimmed at the end)
        occur in the article outside the ``exclude`` blocks?"""
        key = _norm(passage)
        if len(key) < 20:
            return False
        if self._text is None:
            self._text = " \n ".join(_norm(b.text.text) for b in self._doc.prose)
        if len(self._text) > _REPEAT_SEARCH_LIMIT:
            return False  # a page this long is not an article with a pull quote: stay linear
        probe = key[:60]
        own = sum(_norm(b.text.text).count(probe) for b in exclude)
        return self._text.count(probe) > own


_REPEAT_SEARCH_LIMIT = 200_000  # characters of prose searched for a pull quote's source


_ECHO_SHARE = 0.5  # of a pull-out's three-word runs found in the article's prose


def _trigrams(norm: str) -> set[tuple[str, ...]]:
    w = norm.split()
    return {tuple(w[i : i + 3]) for i in range(len(w) - 2)}


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.lower()).split())


def _pull_quote(top: Block, b: Block) -> bool:
    """A pull quote: marked by its class (pull-quote, pquote ...), or set in an <aside>."""
    if "aside" in b.container:
        return True
    classes = (*top.classes, *b.classes, str(top.attrs.get("class", "")))
    return any(_PULL_CLASS.search(c) for c in classes)


def _pull_quote_ok(ctx: _Ctx, article: _ArticleText, group: list[Block], sc: Block | None) -> bool:
    """A pull quote repeats words the article attributes, or sits beside an include that
    shows its speaker (a photo, a name card)."""
    if sc is not None:
        return True
    text = " ".join(b.text.text for b in group)
    return article.repeats(text.strip(" \"“”‘’'"), group)


# An opening mark as the source has it: a character or an HTML entity (&#8220; &ldquo;).
_OPEN_MARK = r"(?:[\u201c\u2018\"']|&#822[01];|&#821[67];|&[lr][ds]quo;|&quot;)"


def _sourced_elsewhere(doc: Document, b: Block, scan: QuoteScan, q: Quote, quote_only: bool) -> bool:
    """A quotation whose source is its link (a quoted definition or title linked to the
    page it comes from, a footnote mark after it)."""
    src = doc.source
    span = b.text.source_span(q.start, q.end)
    inner = src[span.start : span.end]
    before = src[max(0, span.start - 2) : span.start]
    after = src[span.end : span.end + 6]
    if before.endswith("[") and after.startswith("]("):
        return True  # [“…”](url)
    if re.match(_OPEN_MARK + r"[*_]*\[", inner) and re.search(r"\]\([^)]*\)[*_]*[\u201d\u2019\"'.,]*$", inner):
        return True  # “[…](url)”
    if re.match(_OPEN_MARK + r"[*_]*\[", inner) and re.search(r"\]\(", inner):
        return True  # “[…”](url): the closing mark inside the link text
    lead = src[max(0, span.start - 300) : span.start]
    if re.search(
        r"(?:\]\([^)\s]*\)|\]\[[^\]\n]*\])[*_]*[\s,:;\u2014\u2013-]*(?:[(*_\s]*[^\s\]\[]{0,40}[)*_]*\s*)?"
        r"(?:[a-z]+\s*){0,3}$",
        lead,
    ):
        return True  # [Title](url), “…”: a blurb of the linked page, or a linked document's words
    if re.search(r"<a\b[^>]*>[\s*_]*(?:<(?:strong|em|b|i)>)?$", lead, re.I):
        return True  # <a href="…">“Title”</a>: a linked title
    if re.search(r"\]\([^)\s]*\s+$", lead):
        return True  # [text](url "Title"): a link's title, markup
    if not quote_only and re.fullmatch(
        r"[\u201c\u2018\"'](?:\*\*|__|<(?:strong|b)>)[^*_<]+(?:\*\*|__|</(?:strong|b)>)[.,]?[\u201d\u2019\"']", inner
    ):
        return True  # “**Report an adverse event**”: a bold button label in running text
    if re.match(r"[*_]*(?:\[\^|<sup|\[\d+\])", after):
        return True  # a footnote
    return False


def _template_follows(doc: Document, b: Block) -> bool:
    """Does a template tag follow the block on its line (the speaker's name rendered by
    the site: ``- {{ "name" | team_link }}``)?"""
    end = b.text.source_offset(len(b.text.text), end=True)
    rest = doc.source[end : end + 200].lstrip(" \t")
    return rest.startswith(("{{", "{%"))


def _markup_or_linked(doc: Document, b: Block, q: Quote, sents: SentenceIndex) -> bool:
    """Marks that are not a quotation of speech: attribute delimiters inside an HTML tag
    (alt="… "What's New" …"), a quotation inside a link's text (a title or a blurb of
    the linked page), a citation right after it, or a fragment of a sentence that links
    to where the words come from ("[NYSpaceTag](…), which is a “tagging system …”")."""
    src = doc.source
    span = b.text.source_span(q.start, q.end)
    head = src[max(0, span.start - 400) : span.start]
    lt, gt = head.rfind("<"), head.rfind(">")
    if lt > gt and re.match(r"<[A-Za-z][\w-]*\s", head[lt:]):
        return True  # inside a tag's attributes
    inner = q.inner(b.text.text)
    if (
        re.search(r"<figcaption[^>]*>[\s*_]*$", head, re.I)
        and not _FIRST_PERSON.search(inner)
        and not _SECOND_PERSON.search(inner)
    ):
        return True  # <figcaption>“The new help section brings …”</figcaption>: describes the picture
    if re.search(r"\[[^\[\]\n]{0,200}$", head) and re.match(
        r"[^\[\]\n]{0,400}\]\(", src[span.start : span.start + 420]
    ):
        return True  # [view the “Title](…): the link text is the quotation's source
    if _CITATION_AFTER.match(src, span.end):
        return True  # “…” (p. 15), “…” ([Source](…))
    text = b.text.text
    first = next((c for c in q.inner(text) if c.isalpha()), "")
    if first.islower():
        s0, _ = sents.around(q.start, q.end)
        start = b.text.source_offset(s0)
        if re.search(r"\]\(|<a\s", src[start : span.start], re.I):
            return True  # a fragment quoted in a sentence that links to its source
    return False
