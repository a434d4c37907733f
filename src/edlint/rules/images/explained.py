"""Pictures the page itself already explains, so a missing caption is no slip:

- the post's own author, pictured in it (the byline, author field or standfirst names her);
- a podcast's, column's or series' own artwork, reused as the lead picture of every episode
  (the file is named for the series: "tennis-podcast.jpg" under "Tennis Podcast: …");
- a chart or capture of a page the paragraph before links to ("the [top contributors to
  SMI](…/graphs/contributors)" above "SMI contributors graph"): the link is its source;
- a blogger's own snapshots in a sponsored or personal post, each told by the first-person
  paragraph beside it ("Red was our water boy for this trip.").

A news photo on a news page has none of these signals, so it still needs its caption.
"""

from __future__ import annotations

import re
from typing import Any

from ...document import BYLINE, Document
from ...text.patterns import lazy
from .model import Image

# -- the author ---------------------------------------------------------------------------

_AUTHOR_KEYS = ("author", "authors", "byline", "by", "creator", "writer")
_STANDFIRST_KEYS = ("description", "excerpt", "summary", "subtitle", "standfirst", "dek")


def _strings(value: Any, depth: int = 0) -> list[str]:
    """The strings of a front-matter value (a name, a list of slugs, a mapping of names)."""
    if depth > 3:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in list(value.values())[:20] for s in _strings(v, depth + 1)]
    if isinstance(value, (list, tuple)):
        return [s for v in value[:20] for s in _strings(v, depth + 1)]
    return []


def names_the_author(doc: Document, name: str) -> bool:
    """Whether ``name`` ("Jamie Albrecht") is the article's author: an author field or byline
    gives the name or a part of it ("jamie", "jamie-albrecht", "By Jamie Albrecht"), or the
    standfirst names the person in full ("Talent Manager Jamie Albrecht shares …")."""
    parts = [w.lower() for w in name.split() if len(w) >= 3 and not w.endswith(".")]
    if not parts:
        return False
    bylines = _strings(doc.meta(*_AUTHOR_KEYS))
    bylines += [b.text.text for b in doc.blocks if b.kind == BYLINE and b.text is not None][:3]
    for value in bylines:
        tokens = [t for t in re.split(r"[^\w'’]+", value.lower()[:200]) if t and t != "by"]
        if len(tokens) == 1 and tokens[0] in parts:
            return True  # a slug: "jamie", "albrecht"
        if len(parts) >= 2 and all(p in tokens for p in parts):
            return True  # "By Jamie Albrecht", "Jamie Albrecht and Sam Lee" (not another Albrecht)
        slug = "-".join(parts)
        if slug in value.lower():
            return True  # "jamie-albrecht"
    full = " ".join(name.split())
    standfirst = " ".join(_strings(doc.meta(*_STANDFIRST_KEYS)))[:2000]
    return bool(standfirst) and re.search(r"\b" + re.escape(full) + r"\b", standfirst) is not None


# -- series art ---------------------------------------------------------------------------

# A podcast's or show's artwork, a "cover art" tile (not "podcast host Jane Doe").
_SERIES_ART_WORDS = lazy(
    r"\b(?:podcasts?|(?:cover|show|episode|series|album|podcast)\s+art(?:work)?|title\s?cards?)\b"
    r"(?!\s+(?:hosts?|guests?|studio|recording|interview|listeners?)\b)",
    re.I,
)


def _file_words(src: str) -> str:
    name = src.split("?", 1)[0].split("#", 1)[0].rstrip("/").rsplit("/", 1)[-1].rsplit(".", 1)[0]
    return re.sub(r"[-_+.]+", " ", name)


def series_art(doc: Document, img: Image) -> bool:
    """The artwork of the series the article belongs to: its file or alt text says podcast or
    cover art, or the file is named for the title's series label ("Tennis Podcast: …" over
    "tennis-podcast_trans_….jpg", "Morning Briefing: …" over "morning-briefing.png")."""
    if img.captions or img.credits:
        return False  # captioned or credited art is treated as what its caption says
    words = _file_words(img.src)
    if _SERIES_ART_WORDS.search(words) or (img.alt and _SERIES_ART_WORDS.search(img.alt)):
        return True
    title = doc.meta("title", "headline")
    if not isinstance(title, str):  # a saved page without a <title>: its headline
        title = next((b.text.text for b in doc.blocks if b.kind == "heading" and b.text is not None), "")
    if ":" not in title[:60]:
        return False
    label = re.findall(r"\w+", title.split(":", 1)[0].lower())
    return 2 <= len(label) <= 4 and words.lower().split()[: len(label)] == label


# -- a chart whose lead-in links its source ------------------------------------------------

_LINK_TARGET = lazy(r"\]\(\s*<?([^)\s>]{4,300})|\bhref\s*=\s*[\"']([^\"']{4,300})[\"']", re.I)
_NOT_SUBJECT = frozenset(
    "the and for with from this that chart charts graph graphs plot plots map maps image picture photo "
    "screenshot diagram figure showing shows over time per our your their".split()
)


def linked_source(doc: Document, img: Image) -> bool:
    """The paragraph just before the picture links to the page it shows or comes from: the
    words that say what the picture is of ("SMI contributors") are in the link's address
    (".../smi-spec/graphs/contributors")."""
    if img.block is None or not img.alt:
        return False
    subject = {w.lower().rstrip("s") for w in re.findall(r"[A-Za-z]{3,}", img.alt)} - {
        w.rstrip("s") for w in _NOT_SUBJECT
    }
    if not subject:
        return False
    before = None
    for b in doc.blocks:
        if b.span.end > img.block.span.start:
            break
        if b.text is not None and b.kind != "image":
            before = b
    if before is None:
        return False
    raw = doc.source[before.span.start : before.span.end][-3000:]
    for m in _LINK_TARGET.finditer(raw):
        url = (m.group(1) or m.group(2)).lower()
        if url.startswith(("mailto:", "#")):
            continue
        path_words = {w.rstrip("s") for w in re.findall(r"[a-z]{3,}", url.split("://", 1)[-1])}
        found = subject & path_words
        if len(found) >= 2 or (found and len(subject) == 1):
            return True
    return False


# -- a blogger's narrative snapshots -------------------------------------------------------

# Disclosures a sponsored or affiliate post must carry (the FTC's "#ad", "compensated by"),
# and the blogger's "opinions are my own": a personal post, not a news page.
_DISCLOSURE = lazy(
    r"(?:^|\s)#(?:ad|sponsored|spon|sp|partner|gifted|collectivebias)\b"
    r"|\bcompensated\s+by\b|\baffiliate\s+links?\b|\bsponsored\s+(?:post|content|by\s+#)"
    r"|\b(?:this|the)\s+(?:post|shop|review|article)\s+(?:is|was|has\s+been)\s+(?:sponsored|compensated)\b"
    r"|\b(?:all\s+)?opinions\s+are\s+(?:my|our)\s+own\b|\b(?:all\s+)?opinions\s+are\s+(?:mine|ours)\b",
    re.I,
)
# Alt text written for Pinterest: hashtags ("Mountain Hike Survival Kit #HealthyHydration #shop").
_HASHTAG = lazy(r"(?:^|\s)#[A-Za-z]\w+")
_FIRST_PERSON = lazy(r"\b(?:I|we|We|my|My|our|Our|us|me)\b")
_QUOTED = lazy(r"[“\"][^”\"]{0,400}[”\"]")


def _personal_post(doc: Document) -> bool:
    def build(d: Document) -> bool:
        hashtag_alts = sum(1 for b in d.images if b.alt and _HASHTAG.search(b.alt))
        if hashtag_alts >= 2:
            return True
        return any(_DISCLOSURE.search(b.text.text[:1500]) for b in d.prose[:400] if b.text is not None)

    return bool(doc.view("images.personal_post", build))


def narrative_photo(doc: Document, before: str | None, after: str | None) -> bool:
    """A snapshot in a sponsored or personal post whose neighbouring paragraph tells, in the
    first person, what it shows."""
    told = [t for t in (before, after) if t and len(t.split()) >= 5]
    if not told or not _personal_post(doc):
        return False
    return any(_FIRST_PERSON.search(_QUOTED.sub(" ", t[:2000])) for t in told)


_CONTENT_WORD = lazy(r"[A-Za-z][A-Za-z'’-]{2,}")
_STOP = frozenset(
    "the and for with from that this your you are was were has have will its our their into over than about how why "
    "what when who which image photo picture img jpg jpeg png recipe".split()
)


def _content_words(text: str) -> set[str]:
    return {w.lower() for w in _CONTENT_WORD.findall(text)} - _STOP


def subject_snapshot(doc: Document, img: Image, headline: str | None) -> bool:
    """In a sponsored or personal post, a picture whose alt text names the post's own subject
    (two or more of the headline's words: "Spiced Honey Pear Jam" under "Spiced Honey Pear Jam
    Recipe"): the headline says what it shows."""
    if not headline or not img.alt or not _personal_post(doc):
        return False
    return len(_content_words(img.alt) & _content_words(headline)) >= 2


# -- an interview's subject ------------------------------------------------------------------

_INTERVIEW_HEADLINE = lazy(
    r"\bQ\s*&\s*A\b|\bQ\s+and\s+A\b|\binterview\s+with\b|\bin\s+conversation\s+with\b|\bquestions?\s+(?:for|with)\b"
    r"|^(?:meet|introducing)\b|:\s*(?:an\s+|the\s+)?interview\b|^interview\s*:",
    re.I,
)
_QUESTION_LINE = lazy(r"^\s*(?:Q\s*[:.\-–—]|Question\s*:)")
_NAME_PAIR = lazy(r"\b([A-Z][a-z]{2,})\s+(?:[A-Z]\.\s+)?([A-Z][a-z'’-]{2,})\b")


def _interview(doc: Document, headline: str) -> bool:
    if _INTERVIEW_HEADLINE.search(headline):
        return True
    questions = sum(1 for b in doc.prose[:300] if b.text is not None and _QUESTION_LINE.match(b.text.text))
    return questions >= 3


def interviewee_portrait(doc: Document, img: Image, headline: str | None) -> bool:
    """On an interview or Q&A with the person the headline names ("Introducing Junior Gaspard,
    New CEO"), an uncredited picture whose file name or alt text carries that person's first
    or last name ("Junior_139.jpg"): the whole page says who it is."""
    if not headline or img.credits or img.captions or not _interview(doc, headline):
        return False
    names = {w.lower() for m in _NAME_PAIR.finditer(headline) for w in m.groups()}
    if not names:
        return False
    name = img.src.split("?", 1)[0].rsplit("/", 1)[-1].rsplit(".", 1)[0]
    words = {w.lower() for w in re.split(r"[^A-Za-z]+", f"{name} {img.alt or ''}") if w}
    return bool(names & words)


# -- a diary entry's picture -----------------------------------------------------------------


def described_above(img: Image, before: str | None) -> bool:
    """In a site's first-person post, a picture whose short alt text ("all hands meeting") is
    all said in the paragraph just above it ("At 9:30, I join my colleagues for the weekly all
    hands meeting"): that paragraph is its caption."""
    alt = (img.alt or "").strip()
    if not before or not alt or img.credits or img.captions or len(alt.split()) > 6:
        return False
    last = before.rsplit("\n", 1)[-1][-1500:]
    if not _FIRST_PERSON.search(_QUOTED.sub(" ", last)):
        return False
    words = _content_words(alt)
    if len(words) < 2:
        return False
    said = _content_words(last)
    return words <= said
