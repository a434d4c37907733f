"""Where a news page gives its byline and date when its ``<head>`` does not.

Saved news pages often carry the author and the publication date only in the page itself:
a visible "By Jane Doe on Monday, November 18th, 2019" line, microdata
(``itemprop="author"``, ``itemprop="datePublished"``), a ``rel="author"`` link, a
``<time datetime>`` element, a second JSON-LD object, or a site's own meta name
(``DCSext.author``, ``published_date``). metadata-required reads these before it calls an
author or a date missing: readers see them, so the article is not unsigned or undated.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from ...document import BYLINE, HEADING, Document
from ...text.patterns import lazy

_SCAN_LIMIT = 2_000_000  # characters of the page read by the source patterns (bounded)
_TOP_BLOCKS = 20  # prose blocks read from the headline down for a byline or dateline
_ABOVE_HEADLINE = 5  # blocks above the headline read too (a kicker, a byline, a date)
_SHORT_LINE = 160  # a byline or dateline is a short line, not a paragraph of story

AUTHOR_FIELDS = frozenset({"author", "authors", "byline", "creator", "writer", "writers"})
DATE_FIELDS = frozenset(
    {"date", "publishdate", "published", "pubdate", "datepublished", "published_at", "publish_date", "pub_date"}
)

_AUTHOR_MARKUP = lazy(
    r"""\bitemprop\s*=\s*["']?(?:[\w\s]*\s)?author\b"""
    r"""|\brel\s*=\s*["']?(?:[\w\s]*\s)?author\b"""
    r"""|"author"\s*:\s*(?:\{|\[\s*\{|\[\s*"[^"\s]|"[^"\s])"""
    # a link to the writer's page ("/author/jane-doe/"), an element classed as the byline
    r"""|\bhref\s*=\s*["'][^"'\s]{0,200}/(?:author|authors|autor|autore|auteur|writers?)/[\w.-]+"""
    r"""|\bclass\s*=\s*["'][^"']{0,200}\b(?:author[-_]?(?:name|link)|byline(?:[-_]?name)?|entry[-_]author|post[-_]author"""
    r"""|article[-_]author)\b[^"']{0,200}["'][^>]{0,300}>\s*(?:<(?!/)[^>]{0,300}>\s*){0,3}[^\s<]""",
    re.I,
)
_DATE_MARKUP = lazy(
    r"""<time\b[^>]{0,300}?\bdatetime\s*=\s*["']?\d"""
    r"""|\bitemprop\s*=\s*["']?date(?:Published|Created)\b"""
    r"""|"datePublished"\s*:\s*"\d""",
    re.I,
)
_AUTHOR_KEY = lazy(r"(?:^|[.:_-])author(?:[._-]?name)?$|^(?:byl|byline|creator|dc\.creator)$", re.I)
_DATE_KEY = lazy(r"date|publish|pubdate", re.I)
_DATE_VALUE = lazy(r"^\s*\d{4}-\d{1,2}-\d{1,2}|^\s*\d{1,2}[./-]\d{1,2}[./-]\d{4}\b|\b(?:19|20)\d\d\b")

# "By Jane Doe", "Von Moritz Bachmann", "Por Ana Ruiz" at the start of a short line: the
# writer's name right after the word (a capital, or an @handle).
_BYLINE_WORD = lazy(
    r"^\s*(?:by|written\s+by|words\s+by|reporting\s+by|story\s+by|von|por|par|di|door|av|af|autor(?:in)?:?|author:?)"
    r"\s+(?P<name>(?-i:[A-Z@][\w'’.-]+)(?:\s+(?-i:[A-Z][\w'’.-]+|de|van|von|da|del|di|le|la)){0,4})"
    r"\s*(?:$|[,|•·–—/-]|\s(?:on|and|&|und|y|e|et|for|für|in|at|am|le|el|il|published|posted|updated|publiziert"
    r"|veröffentlicht|aktualisiert|pubblicato|publicado|publié|gepubliceerd)\b)",
    re.I,
)
# Words after "By" that make a sentence, not a byline ("By Tuesday, the council ...").
_NOT_A_NAME = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july "
    "august september october november december the this that then now comparison contrast far law default "
    "design nature definition".split()
)


# A full date as a dateline prints it: "November 18th, 2019", "18 NOV 2019", "30. Juli 2018",
# "2019-11-18", "18.11.2019", "11/18/2019".
_MONTHS = (
    r"jan(?:uary|vier|uar|uari|eiro)?|feb(?:ruary|ruar|ruari)?|f[ée]v(?:rier)?|fevereiro|mar(?:ch|s|zo|ço)?|m[äa]rz"
    r"|apr(?:il|ile)?|avr(?:il)?|abr(?:il)?|may|mai|maggio|mayo|maio|mei|jun(?:e|i|io|ho)?|juin|giugno"
    r"|jul(?:y|i|io|ho)?|juil(?:let)?|luglio|aug(?:ust|ustus)?|ao[uû]t|agosto|sep(?:t|tember|tembre|tiembre)?"
    r"|set(?:embro|tembre)?|oct(?:ober|obre|ubre)?|okt(?:ober)?|ottobre|outubro|nov(?:ember|embre|iembro|embro)?"
    r"|dec(?:ember|embre)?|d[ée]c(?:embre)?|dez(?:ember|embro)?|dic(?:embre|iembre)?"
)
_FULL_DATE_TEXT = (
    r"\b(?:" + _MONTHS + r")\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+(?:19|20)\d\d\b"
    r"|\b\d{1,2}(?:st|nd|rd|th|\.)?\s+(?:de\s+)?(?:" + _MONTHS + r")\.?,?\s+(?:de\s+)?(?:19|20)\d\d\b"
    r"|\b(?:19|20)\d\d-[01]\d-[0-3]\d\b|\b[0-3]?\d\.[01]?\d\.(?:19|20)\d\d\b|\b[0-3]?\d/[0-3]?\d/(?:19|20)\d\d\b"
)
_FULL_DATE = lazy(_FULL_DATE_TEXT, re.I)


_DATELINE_BLOCKS = 600  # blocks read for a labelled dateline anywhere on the page
_DATE_FIRST = lazy(r"^\s*(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?(?:" + _FULL_DATE_TEXT + r")", re.I)
_SEPARATOR = lazy(r"\s*[-–—|·•]")  # "05/10/2018 - Publicado por: ...", glued to the story by the template
_DATE_LABEL = lazy(
    r"\b(?:published|posted|updated|publiziert|veröffentlicht|aktualisiert|publicado|publié|pubblicato|gepubliceerd"
    r"|date)\b[^.;]{0,30}?(?:" + _FULL_DATE_TEXT + r")",
    re.I,
)


_POSTED_BY = lazy(
    r"\b(?:posted|published|written|publicado|escrito|publié|écrit|pubblicato|scritto|veröffentlicht|geschrieben)"
    r"\s+(?:by|por|par|da|di|von)\s*:?\s+(?-i:[A-Z@])",
    re.I,
)


class PageEvidence(NamedTuple):
    """Whether the page names its writer and its date outside the ``<head>`` metadata."""

    author: str  # where the byline was found ("" when nowhere)
    date: str


def page_evidence(doc: Document) -> PageEvidence:
    """The byline and date a page gives in its body or in markup (HTML only; shared view)."""
    if doc.format != "html":
        return PageEvidence("", "")
    return doc.view("metadata:page-evidence", _evidence)


def _evidence(doc: Document) -> PageEvidence:
    author = date = ""
    for key, f in doc.metadata.items():
        if not isinstance(f.value, str) or not f.value.strip():
            continue
        if not author and _AUTHOR_KEY.search(key):
            author = f"<meta> {key}"
        if not date and _DATE_KEY.search(key) and _DATE_VALUE.search(f.value):
            date = f"<meta> {key}"
    top = _top_lines(doc)
    if not author:
        for b in doc.blocks:
            if b.kind == BYLINE and b.text is not None and b.text.text.strip():
                author = "a byline"
                break
    if not author:
        for text in top:
            m = _BYLINE_WORD.match(text)
            if m and m.group("name").split()[0].lower() not in _NOT_A_NAME:
                author = "a byline"
                break
    if not date:
        for text in top:
            if _FULL_DATE.search(text):
                date = "a dateline"
                break
    if not author:
        # "05/10/2018 - Publicado por: Clarissa Borba - Categoria: Saúde" wherever it stands.
        for b in doc.blocks[:_DATELINE_BLOCKS]:
            text = b.text.text if b.text is not None else ""
            if text and _POSTED_BY.search(text[:_SHORT_LINE]):  # at the start of a block, however long
                author = "a byline"
                break
    if not date:
        # A dateline wherever the template put it: a short line that starts with the date
        # ("05/10/2018 - Publicado por: ...") or labels it ("Published 12 March 2024").
        for b in doc.blocks[:_DATELINE_BLOCKS]:
            text = b.text.text.strip() if b.text is not None else ""
            if not text:
                continue
            first = _DATE_FIRST.match(text)
            if (first and _SEPARATOR.match(text, first.end())) or (
                len(text) <= _SHORT_LINE and (first or _DATE_LABEL.search(text))
            ):
                date = "a dateline"
                break
    if not (author and date):
        source = doc.source[:_SCAN_LIMIT]
        if not author and _AUTHOR_MARKUP.search(source):
            author = "author markup"
        if not date and _DATE_MARKUP.search(source):
            date = "date markup"
    return PageEvidence(author, date)


def _top_lines(doc: Document) -> list[str]:
    """Short lines near the headline (from a few blocks above the first H1, else from the
    page's start): where bylines and datelines stand."""
    blocks = [b for b in doc.blocks if b.text is not None and b.kind != "image"]
    start = 0
    for i, b in enumerate(blocks):
        if b.kind == HEADING and b.level == 1:
            start = max(0, i - _ABOVE_HEADLINE)  # some templates print the byline above the headline
            break
    out = []
    for b in blocks[start : start + _TOP_BLOCKS]:
        text = b.text.text.strip() if b.text is not None else ""
        if text and len(text) <= _SHORT_LINE:
            out.append(text)
    return out
