"""What the family knows of an image (:class:`Image`) and of its captions and credits
(:class:`TextPart`), and the small helpers the view and the rules share."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise

from ...document import ImageBlock, MappedText, Span
from ...text.credits import NONE, CreditRecogniser
from ...text.patterns import lazy
from ...text.quoting import quoted
from .options import ImagesOptions

# Where a caption read from a bold or italic paragraph under the picture was found: such a
# line may be the caption or a pseudo-heading of a migrated post ("**Pop-up newsroom**").
EMPHASIS_LINE = "emphasised line under the picture"
# A short line closing the picture's own HTML wrapper, whatever its class: it captions the
# picture, but a house that marks captions so loosely does not show that it captions them all.
WRAPPER_LINE = "line closing the picture's wrapper"


@dataclass(eq=False)
class TextPart:
    """A caption or credit: its text and where it is (``mapped`` when it is in the file)."""

    text: str
    span: Span
    mapped: MappedText | None = None
    where: str = ""  # "site data", "front matter" ...

    def locate(self, start: int, end: int) -> Span:
        m = self.mapped
        if m is not None and m.text == self.text and end > start:
            return m.source_span(start, end)
        return self.span


@dataclass(eq=False)
class Image:
    """An image of the article with its alt text, caption and credit, wherever they were written."""

    block: ImageBlock | None
    span: Span
    origin: str
    src: str = ""
    alt: str | None = None
    alt_span: Span | None = None
    decorative: bool = False  # decided once for the three rules (editorial.is_decorative)
    empty_alt: bool = False  # alt="" written in HTML or a tag (Markdown has no such form)
    unknown: tuple[str, ...] = ()  # fields a template variable fills in ("src", "alt" ...)
    captions: list[TextPart] = field(default_factory=list)
    credits: list[TextPart] = field(default_factory=list)
    featured: bool = False
    skip: str | None = None  # why the image is not editorial
    width: str | None = None
    height: str | None = None
    uid: str | None = None  # the site-data entry found for it
    uid_like: bool = False  # named by a site-data uid rather than a file path
    author_box: str = ""  # follows an "About the author" or "Related stories" heading
    # A plain line right under the picture that reads as its caption ("View from the
    # ground.", "Left to right: Mayor …"). It covers this picture, but, unlike a styled
    # caption, it does not show that the house captions its pictures.
    plain_caption: str = ""
    # The plain line right under the picture names who or what it shows ("Lauren Barlow is
    # all smiles as she wears …"): a cutline, whatever the next block is.
    cutline: str = ""
    # The short heading (or bold label) the picture sits right under, in a list whose
    # entries each open on a name and a picture ("## 3. The bullet vibrator").
    under_heading: str = ""

    def label(self) -> str:
        if self.src.startswith("data:"):
            return " (an inline data: image)"
        return f" ({_short(self.src)})" if self.src else ""


def _add_part(parts: list[TextPart], part: TextPart) -> None:
    key = part.text.strip()
    if key and all(p.text.strip() != key for p in parts):
        parts.append(part)


def _looks_like_uid(src: str) -> bool:
    """ "pif-talk3" is a site-data uid; "2014/09/a.jpg" and "a.png" are files."""
    return bool(src) and "/" not in src and not re.search(r"\.[A-Za-z0-9]{2,5}$", src)


def _apply_site(img: Image, entry: dict[str, str], uid: str) -> None:
    img.uid = uid
    where = f"site data {quoted(uid)}"
    if img.alt is None and entry.get("alt"):
        img.alt = entry["alt"]
    for key, parts in (("caption", img.captions), ("credit", img.credits)):
        value = entry.get(key, "")
        if value and not parts:
            parts.append(TextPart(value, img.span, None, where))
    img.width = img.width or entry.get("width")
    img.height = img.height or entry.get("height")


def _stem(src: str) -> str:
    name = src.split("?", 1)[0].rstrip("/").rsplit("/", 1)[-1]
    return name.rsplit(".", 1)[0] if "." in name else name


@lru_cache(maxsize=16)
def _recogniser(
    sources: tuple[str, ...], licences: tuple[str, ...], weak: tuple[str, ...], patterns: tuple[str, ...]
) -> CreditRecogniser:
    return CreditRecogniser(sources, licences, weak, patterns)


@lru_cache(maxsize=16)
def recogniser_for(opts: ImagesOptions) -> CreditRecogniser:
    return _recogniser(
        tuple(opts.credit_sources), tuple(opts.licence_words), tuple(opts.weak_credits), tuple(opts.credit_patterns)
    )


def _short(src: str, limit: int = 60) -> str:
    s = src.strip()
    if len(s) <= limit:
        return s
    return "…" + s[-(limit - 1) :]


_CAPTION_WORD = re.compile(r"[^\W\d_][\w'’.-]*")


# Words ending in a full stop, then a credit's label: "Saloni Bhogale at HTC26. Credits:".
# Words, then a dash before the credit: "Arch Linux on PineTab - image via …".
_CAPTION_THEN_DASH = lazy(r"\s*[*_]*[^\s\-–—]+(?:\s+[^\s\-–—]+)+\s+[-–—|]\s*")
_CAPTION_THEN_CREDIT = lazy(
    r"\s*[*_]*(?!(?:file|stock|handout|supplied)\b)[^\s.]+(?:\s+[^\s.]+)+\.[*_]*\s+[*_]*(?:photo(?:graph)?s?|images?"
    r"|pictures?)?\s*(?:credits?|courtesy|by)?\s*[:.]?\s*$",
    re.I,
)


# The terms a credit is given on: "used by permission", "all rights reserved".
_PERMISSION = lazy(
    r"\b(?:used|reproduced|reprinted|published)\s+(?:by|with)\s+(?:kind\s+)?permission\b|\ball\s+rights\s+reserved\b"
    # "Photos taken by Ajay": who took them, not what they show
    r"|\b(?:photo(?:graph)?s?|images?|pictures?)\s+(?:taken|shot|made|captured|provided|supplied)\b"
    # "… under a Creative Commons license": the terms, not what the picture shows
    r"|\b(?:used\s+|licen[cs]ed\s+|shared\s+)?under\s+(?:an?\s+|the\s+)?(?:creative\s+commons|cc)\b[\w\s.-]{0,30}?licen[cs]e\b",
    re.I,
)


def _credit_only(text: str, rec: CreditRecogniser) -> bool:
    """A "caption" that is only a credit: "Image copyright Getty Images",
    "PixelEmbargo/iStock/Thinkstock", "Photo: Jane Doe/AP". A work's title and its maker
    ("Portam Civitatis by Peter Snijder") is a caption that carries its credit."""
    r = rec.classify(text)
    if r.kind == NONE:
        return False
    from ...text.credits import titled_work

    if titled_work(text) is not None:
        return False  # "Portam Civitatis by Peter Snijder": the work's title is the caption
    before = text[: r.start].rstrip(" *_(")
    if (
        _CAPTION_THEN_CREDIT.match(text[: r.start])
        or _CAPTION_THEN_DASH.fullmatch(text[: r.start])
        # "PS 199 and the Lincoln Towers. (Josh Keefe/Gothamist)": a sentence, then its credit
        or (
            before.endswith((".", "!", "?"))
            and len(before.split()) >= 3
            and r.start > 0
            and text[r.start - 1 : r.start] in "( "
        )
    ):
        return False  # "DSICE Results. Credits: Ken Judd", "Arch Linux on PineTab - image via Danct12"
    rest = _PERMISSION.sub(" ", text[: r.start] + " " + text[r.end :])
    words = _CAPTION_WORD.findall(rest)
    if len(words) > 5:
        return False
    from ...text.credits import CONNECTORS

    return not any(w[0].islower() and w.lower() not in CONNECTORS for w in words)


def shared_line_ids(doc, images: list[Image], carriers: set[int]) -> set[int]:
    """Pictures set side by side on one source line (two portraits in one figure) share the
    caption or credit under the last of them: the ids of the pictures before a carrier (an
    id in ``carriers``) on its line, back along a run of three or more."""
    covered: set[int] = set()
    for img, nxt in reversed(list(pairwise(images))):
        if img.block is None or nxt.block is None or not (id(nxt) in carriers or id(nxt) in covered):
            continue
        gap = doc.source[img.block.span.end : nxt.block.span.start]
        if nxt.block.span.start >= img.block.span.end and "\n" not in gap and len(gap) <= 40:
            covered.add(id(img))
    return covered
