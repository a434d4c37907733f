"""Image rules: alt text, captions and credits, for every form an image takes.

Images come from Markdown (``![alt](src "title")``), inline HTML (``<img>``, ``<figure>``,
``<picture>``, lazy ``data-src``), static-site shortcodes (Hugo ``figure``/``img``, Eleventy
``{% image %}``; see the top-level ``shortcodes:`` config), the front-matter featured image,
caption/credit lines of plain text, and site data (Hugo ``{{< img src="uid" >}}`` whose alt,
caption and credit live in ``data/images/<uid>.yml``, loaded once per run by
:func:`load_image_data`).

All three rules read one per-document view (:func:`images_of`) that gathers, for each image,
its captions (figcaption, Markdown title, the emphasised line under it, shortcode
``caption=``, front-matter caption field, site data) and credits (credit spans, ``<cite>``,
Hugo ``attr=``, front-matter credit, site data), and decides whether the image is editorial
(not a logo, icon, avatar, tracking pixel, decorative or site-chrome image).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Iterator

from ..document import (
    CAPTION,
    PARAGRAPH,
    Document,
    ImageBlock,
    MappedText,
    MetaField,
    Span,
)
from ..text.credits import (
    CREDIT,
    DEFAULT_LICENCES,
    DEFAULT_SOURCES,
    DEFAULT_WEAK,
    LICENCE,
    NONE,
    WEAK,
    CreditRecogniser,
    CreditResult,
)
from .base import Finding, Severity, rule, section, site_loader


@dataclass(frozen=True)
class ImagesOptions:
    # Words that are not a description when they are the whole alt text.
    generic_alt: tuple[str, ...] = (
        "image", "photo", "photograph", "picture", "img", "graphic", "screenshot", "pic",
        "thumbnail", "placeholder", "untitled", "alt", "alt text",
    )
    # The front-matter featured image: check its alt text / caption / credit? Turn caption
    # (and alt) on when the theme shows the featured image on the article page.
    frontmatter_alt: bool = False
    frontmatter_caption: bool = False
    frontmatter_credit: bool = True
    # Front-matter fields naming the featured image (a path, a site-data uid, a mapping
    # {src, alt, caption, credit} or a list whose first item is the featured image) ...
    featured_image_fields: tuple[str, ...] = (
        "image", "featured_image", "featured", "cover", "cover_image", "hero", "hero_image",
        "primary_image", "images",
    )
    # ... and the fields holding its alt text, caption and credit.
    featured_alt_fields: tuple[str, ...] = ("image_alt", "featured_image_alt", "cover_alt", "hero_alt")
    featured_caption_fields: tuple[str, ...] = (
        "image_caption", "image_figcaption", "featured_image_caption", "cover_caption", "caption",
    )
    featured_credit_fields: tuple[str, ...] = (
        "image_credit", "featured_image_credit", "cover_credit", "photo_credit", "credit",
    )
    # Credits: extra regular expressions that count as a credit; agency and source names
    # that are a credit wherever they appear in a caption; words that are only a licence;
    # words that are a weak credit (reported as info).
    credit_patterns: tuple[str, ...] = ()
    credit_sources: tuple[str, ...] = DEFAULT_SOURCES
    licence_words: tuple[str, ...] = DEFAULT_LICENCES
    weak_credits: tuple[str, ...] = DEFAULT_WEAK
    # Images whose alt text, caption or file name says they are one of these need no credit
    # (the publisher's own capture of a screen).
    credit_exempt: tuple[str, ...] = ("screenshot", "screen shot", "screen capture", "screen grab", "screengrab")
    # Not editorial: images whose class (or file name) contains one of these words.
    non_editorial_classes: tuple[str, ...] = (
        "logo", "icon", "avatar", "gravatar", "emoji", "badge", "sprite", "spinner", "pixel",
        "tracking", "advert", "sponsor", "share", "social", "author", "profile-pic", "button",
        "btn", "related", "promo", "teaser", "newsletter", "placeholder",
    )
    # Not editorial: images declared smaller than this many pixels wide or high.
    min_size: int = 100
    # Do charts, graphs, maps and diagrams need a caption? (They always need a source.)
    chart_captions: bool = True
    # Site data: the folder (relative to the config file's folder) holding one YAML file per
    # image, named by its uid, with `alt`, `caption` and `credit` fields.
    site_data_folder: str = "data/images"


SECTION = section("images", ImagesOptions, "Images: alt text, captions and credits")

# A file name: IMG_0423.jpg, DSC01234, hero.png, or a slug such as 600-x-125-api-ux-syntax.
_FILE_NAME = re.compile(
    r"^(?:[\w.~-]+\.(?:jpe?g|png|gif|webp|svg|tiff?|heic|avif|bmp)"
    r"|(?:img|dsc|dscn|dcim|pxl|screen ?shot|image)[_ -]?\d[\w-]*"
    r"|[a-z0-9]+(?:[-_][a-z0-9]+){3,})$",
    re.I,
)


def alt_problem(alt: str, opts: ImagesOptions) -> str | None:
    text = alt.strip()
    if _FILE_NAME.match(text):
        return f"Image alt text {text!r} is a file name, not a description"
    if text.lower().rstrip(".") in opts.generic_alt:
        return f"Image alt text {text!r} does not describe the image"
    return None


# -- site data ----------------------------------------------------------------------------
_SITE_FIELDS = ("alt", "caption", "credit", "width", "height", "src", "uid")


@site_loader("images", "images")
def load_image_data(config_dir: str, options: Any) -> dict[str, dict[str, str]]:
    """Read ``<site_data_folder>/<uid>.yml`` files: uid -> {alt, caption, credit, ...}.

    A file that is not valid YAML is skipped (the others still load)."""
    from ..parsers.frontmatter import load_yaml

    opts = options if isinstance(options, ImagesOptions) else ImagesOptions()
    folder = os.path.join(config_dir, opts.site_data_folder)
    out: dict[str, dict[str, str]] = {}
    if not os.path.isdir(folder):
        return out
    for name in sorted(os.listdir(folder)):
        stem, dot, ext = name.rpartition(".")
        if not dot or ext.lower() not in ("yml", "yaml"):
            continue
        try:
            with open(os.path.join(folder, name), encoding="utf-8") as fh:
                data = load_yaml(fh.read())
        except Exception:  # noqa: BLE001 - one bad file must not hide the others
            continue
        if not isinstance(data, dict):
            continue
        entry = {k: str(v).strip() for k, v in data.items() if k in _SITE_FIELDS and v is not None}
        out[stem] = entry
        uid = entry.get("uid")
        if uid and uid != stem:
            out.setdefault(uid, entry)
    return out


# -- the family's view of a document's images ------------------------------------------------
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
    block: ImageBlock | None
    span: Span
    origin: str
    src: str = ""
    alt: str | None = None
    alt_span: Span | None = None
    decorative: bool = False  # alt="" (or an empty shortcode alt): a decorative image
    captions: list[TextPart] = field(default_factory=list)
    credits: list[TextPart] = field(default_factory=list)
    featured: bool = False
    skip: str | None = None  # why the image is not editorial
    width: str | None = None
    height: str | None = None
    uid: str | None = None  # the site-data entry found for it
    uid_like: bool = False  # named by a site-data uid rather than a file path
    author_box: str = ""  # follows an "About the author" or "Related stories" heading

    def label(self) -> str:
        if self.src.startswith("data:"):
            return " (an inline data: image)"
        return f" ({_short(self.src)})" if self.src else ""


def images_of(doc: Document, opts: ImagesOptions) -> list[Image]:
    """Every image of ``doc`` with its captions, credits and editorial status (shared view)."""
    return doc.view(f"images-family:{id(opts)}", lambda d: _collect(d, opts))


def _collect(doc: Document, opts: ImagesOptions) -> list[Image]:
    site = doc.site.get("images") if doc.site else None
    site = site if isinstance(site, dict) else {}
    out: list[Image] = []
    by_block: dict[int, Image] = {}
    for b in doc.blocks:
        if isinstance(b, ImageBlock) and b.origin != "frontmatter":
            img = _from_block(doc, b, site)
            by_block[id(b)] = img
            out.append(img)
    if not out and not doc.metadata:
        return out
    # Caption blocks the parsers tied to an image (figcaption, the line under the image).
    for b in doc.blocks:
        if b.kind == CAPTION and b.text is not None and b.parent is not None:
            img = by_block.get(id(b.parent))
            if img is not None and b.text.text.strip():
                _add_part(img.captions, TextPart(b.text.text, b.text.span, b.text))
    _attach_neighbours(doc, by_block, recogniser_for(opts))
    if doc.format == "html":
        # og:image / JSON-LD image is the page's share card, not an image on the page; but
        # JSON-LD may credit the page's images (creditText, creator, copyrightHolder).
        _jsonld_credits(doc, out)
    else:
        featured = _featured(doc, opts, site, out)
        if featured is not None:
            out.append(featured)
    for img in out:
        img.skip = _skip_reason(img, opts)
    return out


def _add_part(parts: list[TextPart], part: TextPart) -> None:
    key = part.text.strip()
    if key and all(p.text.strip() != key for p in parts):
        parts.append(part)


_SRC_IN_SOURCE = re.compile(r"""(?:\bsrc\s*=\s*["']?|\]\(\s*<?)([^"'\s)>]+(?:\s[^"')>]*)?)""", re.I)
_QUOTED_PATH = re.compile(r"""["']([^"']*[/.][^"']*)["']""")


def _from_block(doc: Document, b: ImageBlock, site: dict[str, dict[str, str]]) -> Image:
    src = (b.src or "").strip()
    if not src.strip("x\u00a0 ") and b.origin in ("markdown", "html"):
        # A template expression the parser masked ({{ "/a.jpg" | url }}): read the file.
        src = _src_from_source(doc.source[b.span.start : b.span.end])
    img = Image(block=b, span=b.span, origin=b.origin, src=src, alt=b.alt, alt_span=b.alt_span,
                width=b.width, height=b.height)
    if b.origin == "html":
        img.decorative = b.alt == ""
    elif b.origin == "shortcode":
        img.decorative = b.alt is not None and b.alt == "" and b.alt_span is not None
    if b.caption is not None and b.caption.text.strip():
        _add_part(img.captions, TextPart(b.caption.text, b.caption.span, b.caption))
    elif b.origin == "html" and b.alt and b.alt_span is not None and any(c.lower() == "caption" for c in b.classes):
        # <img class="caption" alt="..."> : caption scripts print the alt text under the image.
        _add_part(img.captions, TextPart(b.alt, b.alt_span, None, "alt text shown as caption"))
    if b.credit is not None and b.credit.text.strip():
        _add_part(img.credits, TextPart(b.credit.text, b.credit.span, b.credit))
    if b.origin == "shortcode" and b.attrs.get("uid") is not None:
        img.uid_like = _looks_like_uid(src)
    if site and b.origin == "shortcode":
        uid = b.attrs.get("uid") or src
        entry = site.get(str(uid)) if uid else None
        if entry is None and src:
            entry = site.get(_stem(src))
        if entry is not None:
            _apply_site(img, entry, str(uid))
    return img


def _looks_like_uid(src: str) -> bool:
    """"pif-talk3" is a site-data uid; "2014/09/a.jpg" and "a.png" are files."""
    return bool(src) and "/" not in src and not re.search(r"\.[A-Za-z0-9]{2,5}$", src)


def _src_from_source(raw: str) -> str:
    """The src of an image whose src the parser could not read (a template expression
    such as ``{{ "/assets/a.jpg" | url }}``, which the parser blanks out)."""
    m = _SRC_IN_SOURCE.search(raw)
    if not m:
        return ""
    q = _QUOTED_PATH.search(raw, m.start(1))
    if q:
        return q.group(1).strip()
    return m.group(1).strip().strip("{}").strip()


def _apply_site(img: Image, entry: dict[str, str], uid: str) -> None:
    img.uid = uid
    where = f"site data {uid!r}"
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


_CREDIT_START = re.compile(r"\s*\(?\s*(?:©|\(c\)|copyright\b|(?:photo(?:graph)?|image|picture)s?\s*(?:credits?)?\s*[:|]|(?:photo\s+)?credits?\s*:|photo(?:graph)?s?\s+by\b)", re.I)
_EMPHASIS_OPEN = re.compile(r"(?:<em>|<i>|[*_])$", re.I)
_EMPHASIS_CLOSE = re.compile(r"[.!?]?(?:</em>|</i>|[*_])", re.I)
# Alt text that says the image is a logo, seal or icon (for caption and credit only).
# The emblem word must head the description ("The cloud.gov logo", "FEC white seal on blue
# background"), not sit inside it ("An email campaign using the USA.gov logo header").
_EMBLEM_ALT = re.compile(
    r"^\s*(?:[^\s,;]+\s+){0,6}(?:logo|seal|icon|badge|emblem|wordmark|insignia)(?:\s+(?:on|of|for|in)\b[^,;]*)?\s*\.?\s*$",
    re.I,
)
_AUTHOR_HEADING = re.compile(r"\s*(?:about|more (?:from|by)) (?:the )?(?:authors?|writers?|contributors?|reporters?)\b|\s*(?:the )?authors?\s*$", re.I)
_PROMO_HEADING = re.compile(
    r"\s*(?:related(?: stories| articles| content| coverage| news| links)?|more (?:from|on|stories|news|in|to)\b.*"
    r"|elsewhere (?:on|in|from)\b.*|top stories|most (?:read|popular|watched|viewed|shared)|features(?: (?:and|&) analysis)?"
    r"|you (?:may|might) (?:also )?(?:like|enjoy)|recommended(?: for you)?|trending(?: now)?|what to read next"
    r"|read (?:more|next)|latest (?:news|stories|videos)|around the web|sponsored(?: content)?|editor'?s? picks"
    r"|popular (?:now|stories)|also in the news|don'?t miss)\s*:?\s*$",
    re.I,
)
_CAPTION_CLASS = re.compile(r"caption|cutline|credit|copyright|photographer|attribution|image[-_]?source|wp-caption-text", re.I)
_CREDIT_ONLY_CLASS = re.compile(r"credit|copyright|photographer|attribution|image[-_]?source", re.I)


def _attach_neighbours(doc: Document, by_block: dict[int, Image], rec: CreditRecogniser) -> None:
    """Captions the parsers left unattached: a figcaption whose image was a shortcode, or
    (HTML) a caption- or credit-classed element right after an image, or a short credit
    line ("© REUTERS / POOL", "Photo: Jane Doe") within the next two blocks."""
    lines = doc.lines
    last: Image | None = None
    last_line = -10
    after = 0  # prose blocks seen since the last image
    author_box = False  # right after an "About the author" heading
    promo = False  # under a "Related stories" / "Elsewhere on the BBC" heading
    for b in doc.blocks:
        if isinstance(b, ImageBlock):
            img = by_block.get(id(b))
            if img is not None:
                last, last_line, after = img, lines.line_of(b.span.end), 0
                if author_box:
                    img.author_box = "author box"
                elif promo:
                    img.author_box = "under a promotion heading"
            continue
        if b.text is None:
            continue
        text = b.text.text
        if b.kind == "heading":
            promo = bool(_PROMO_HEADING.match(text)) or (promo and b.level > 2)
        author_box = b.kind == "heading" and bool(_AUTHOR_HEADING.match(text))
        if author_box or last is None:
            last = None
            continue
        if b.span.start < last.span.end:
            continue  # the paragraph an inline image sits in (flushed after the image)
        after += 1
        line = lines.line_of(b.span.start)
        if b.kind == CAPTION and b.parent is None and line - last_line <= 3 and not last.captions:
            _add_part(last.captions, TextPart(text, b.text.span, b.text))
            continue
        if (
            after == 1
            and b.kind == PARAGRAPH
            and not last.captions
            and line - last_line <= 1
            and len(text.split()) <= 60
            and _EMPHASIS_OPEN.search(doc.source, max(0, b.span.start - 4), b.span.start)
            and _EMPHASIS_CLOSE.match(doc.source, b.span.end)
        ):
            # <em>caption</em> right under the image (an HTML page, or a shortcode image
            # inside an HTML block of a Markdown file).
            _add_part(last.captions, TextPart(text, b.text.span, b.text))
            continue
        if (
            b.kind in (PARAGRAPH, CAPTION)
            and last.origin == "html"
            and b.classes
            and any(_CAPTION_CLASS.search(c) for c in b.classes)
            and len(text.split()) <= 80
        ):
            part = TextPart(text, b.text.span, b.text)
            if any(_CREDIT_ONLY_CLASS.search(c) for c in b.classes) and not any("caption" in c.lower() for c in b.classes):
                _add_part(last.credits, part)
                if len(text.split()) >= 6 and not _credit_only(text, rec):
                    _add_part(last.captions, part)  # "Artist's impression of the plumes. (NASA)"
            else:
                _add_part(last.captions, part)
            continue
        if last.origin == "html" and not last.captions and after == 1 and b.kind in (PARAGRAPH, CAPTION) \
                and len(text.split()) <= 50:
            # A caption line under the image that ends with its credit ("... (Image: GETTY)").
            r = rec.classify(text)
            if r.kind != NONE and (r.start >= len(text) // 2 or r.start == 0 and len(text.split()) <= 15):
                _add_part(last.captions, TextPart(text, b.text.span, b.text))
                continue
        if (
            last.origin == "html"
            and not last.credits
            and len(text.split()) <= 15
            and _CREDIT_START.match(text)
            and rec.classify(text, whole=True).kind == CREDIT
        ):
            _add_part(last.credits, TextPart(text, b.text.span, b.text))
            continue
        if after >= 2 or b.kind != "heading":
            last = None


_JSONLD_CREDIT_KEYS = ("creditText", "creator", "copyrightHolder", "author")


def _jsonld_credits(doc: Document, images: list[Image]) -> None:
    mf = doc.metadata.get("jsonld")
    if mf is None or not isinstance(mf.value, dict):
        return
    credits: dict[str, str] = {}
    stack: list[Any] = [mf.value.get("image"), mf.value.get("associatedMedia")]
    while stack:
        item = stack.pop()
        if isinstance(item, list):
            stack.extend(item[:20])
            continue
        if not isinstance(item, dict):
            continue
        url = item.get("url") or item.get("contentUrl")
        who = None
        for key in _JSONLD_CREDIT_KEYS[:3]:
            v = item.get(key)
            if isinstance(v, dict):
                v = v.get("name")
            elif isinstance(v, list) and v:
                v = v[0].get("name") if isinstance(v[0], dict) else v[0]
            if isinstance(v, str) and v.strip():
                who = v.strip()
                break
        if isinstance(url, str) and who:
            credits[_stem(url).lower()] = who
    if not credits:
        return
    for img in images:
        who = credits.get(_stem(img.src).lower()) if img.src else None
        if who and not img.credits:
            img.credits.append(TextPart(who, mf.value_span, None, "JSON-LD"))


def _meta_part(doc: Document, mf: MetaField, where: str = "front matter") -> TextPart | None:
    value = mf.value
    if value is None or isinstance(value, (dict, list, bool)):
        return None
    text = str(value).strip()
    if not text:
        return None
    vs = mf.value_span
    raw = doc.source[vs.start : vs.end]
    pos = raw.find(text)
    if pos != -1:
        s = vs.start + pos
        return TextPart(text, Span(s, s + len(text)), MappedText(text, [(0, s, s + len(text))]), where)
    return TextPart(text, vs, None, where)


def _nested_part(doc: Document, mf: MetaField, key: str, text: str) -> TextPart:
    """``image: {credit: ...}``: the part where ``credit:`` is written inside the mapping."""
    vs = mf.value_span
    raw = doc.source[vs.start : vs.end]
    m = re.search(r"(?m)^[ \t]*" + re.escape(key) + r"[ \t]*:[ \t]*", raw)
    if m:
        pos = raw.find(text, m.end())
        if pos != -1:
            s = vs.start + pos
            return TextPart(text, Span(s, s + len(text)), MappedText(text, [(0, s, s + len(text))]), "front matter")
        s = vs.start + m.end()
        return TextPart(text, Span(s, s), None, "front matter")
    return TextPart(text, vs, None, "front matter")


def _featured(doc: Document, opts: ImagesOptions, site: dict[str, dict[str, str]], body: list[Image]) -> Image | None:
    md = doc.metadata
    if not md:
        return None
    field_ = None
    value: Any = None
    for key in opts.featured_image_fields:
        f = md.get(key)
        if f is None:
            continue
        v = f.value
        if isinstance(v, list):
            v = v[0] if v else None
        if v is None or isinstance(v, bool) or (isinstance(v, (str, dict)) and not v):
            continue
        field_, value = f, v
        break
    if field_ is None:
        return None
    img = Image(block=None, span=field_.key_span, origin="frontmatter", featured=True)
    uid = None
    if isinstance(value, dict):
        img.src = str(value.get("src") or value.get("url") or value.get("path") or value.get("file")
                      or value.get("image") or value.get("uid") or "").strip()
        uid = value.get("uid")
        if value.get("alt") not in (None, ""):
            img.alt = str(value["alt"])
        for key, parts in (("caption", img.captions), ("credit", img.credits)):
            if value.get(key) not in (None, ""):
                parts.append(_nested_part(doc, field_, key, str(value[key]).strip()))
    else:
        img.src = str(value).strip()
    img.uid_like = bool(uid) or _looks_like_uid(img.src)
    for keys, kind in ((opts.featured_alt_fields, "alt"), (opts.featured_caption_fields, "caption"),
                       (opts.featured_credit_fields, "credit")):
        for key in keys:
            mf = md.get(key)
            if mf is None:
                continue
            part = _meta_part(doc, mf)
            if part is None:
                continue
            if kind == "alt":
                if img.alt is None:
                    img.alt, img.alt_span = part.text, part.span
            elif kind == "caption":
                _add_part(img.captions, part)
            else:
                _add_part(img.credits, part)
            break
    if site:
        key = str(uid or img.src)
        entry = site.get(key) or site.get(_stem(key))
        if entry is not None:
            _apply_site(img, entry, key)
    # The featured image shown again in the body: the body image carries the findings.
    stem = _stem(img.src).lower() if img.src else ""
    if stem and any(_stem(b.src).lower() == stem or (b.uid and b.uid.lower() == stem) for b in body):
        return None
    return img


# -- editorial or not ----------------------------------------------------------------------
# File and folder names of images that are not editorial. A folder ("/icons/") always
# counts; a file name only when it is short ("fedramp-badge.png", not
# "green-share-button-on-keyboard-istock-486644165.jpg", a stock photo of a button).
_SRC_NON_EDITORIAL = frozenset(
    "logo logos icon icons avatar avatars gravatar badge badges sprite sprites spacer pixel "
    "transparent placeholder emoji emojis favicon 1x1 spinner tracking beacon".split()
)
_SRC_TOKENS = re.compile(r"[a-z]+|\d+x\d+")
_IMAGE_EXTS = (".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif", ".svg", ".tif", ".tiff", ".bmp", ".heic")
# Ancestors that are site chrome or promotion, not the article's own pictures (class words,
# split on "-", "_" and spaces; a set lookup, not a regex: it runs for every image).
_CHROME_WORDS = frozenset(
    "related promo newsletter sidebar share sharing social comment comments nav navbar menu "
    "breadcrumb breadcrumbs outbrain taboola teaser teasers trending widget ad ads masthead "
    "footer avatar author byline profile logo recommended recommendations sponsored advert "
    "advertisement".split()
)
_CLASS_SPLIT = re.compile(r"[\s_-]+")


def _chrome_word(context: str) -> str | None:
    words = _CLASS_SPLIT.split(context.lower())
    for w in words:
        if w in _CHROME_WORDS:
            return w
    if "most read" in " ".join(words) or "most popular" in " ".join(words):
        return "most read"
    return None


_CHART = re.compile(r"\b(?:chart|charts|graph|graphs|map|maps|diagram|diagrams|infographic|plot)\b", re.I)


def _px(value: str | None) -> int | None:
    if not value:
        return None
    m = re.match(r"\s*(\d+)\s*(?:px)?\s*$", str(value))
    return int(m.group(1)) if m else None


def _skip_reason(img: Image, opts: ImagesOptions) -> str | None:
    if img.origin == "text":
        return None
    if img.author_box:
        return img.author_box
    if img.uid_like and img.uid is None:
        # {{< img src="uid" >}} whose data file was not found (or site data is not set up):
        # its alt, caption and credit are unknown, so nothing can be said about it.
        return "site data not found"
    b = img.block
    if b is not None:
        attrs = b.attrs
        if str(attrs.get("role") or "").lower() in ("presentation", "none"):
            return "role=presentation"
        if str(attrs.get("aria-hidden") or "").lower() == "true":
            return "aria-hidden"
        if attrs.get("hidden_ancestor"):
            return "hidden (display: none)"
        cont = b.container
        if "nav" in cont or "aside" in cont or "bio" in cont:
            return "site chrome"
        for tag in ("header", "footer"):
            if tag in cont:
                i = cont.index(tag)
                if tag == "footer" or "article" not in cont[:i]:
                    return "site chrome"
        if b.classes and opts.non_editorial_classes:
            for c in b.classes:
                lc = c.lower()
                if any(w in lc for w in opts.non_editorial_classes):
                    return f"class {c!r}"
        context = attrs.get("context_classes")
        if context:
            word = _chrome_word(context)
            if word:
                return f"inside {word!r}"
        link = attrs.get("link")
        if link is not None and not img.captions and not img.credits:
            target = str(link).split("?", 1)[0].split("#", 1)[0].lower()
            if target and not target.endswith(_IMAGE_EXTS) and target.rstrip("/") != img.src.split("?", 1)[0].lower():
                return "a link to another page"
    for v in (img.width, img.height):
        px = _px(v)
        if px is not None and px < opts.min_size:
            return "small"
    if img.src:
        src = img.src.strip()
        if src.startswith("data:"):
            if not img.captions and not img.credits and not img.alt:
                return "placeholder"
        else:
            path = src.split("?", 1)[0].split("#", 1)[0].lower()
            if "://" in path:
                path = path.split("://", 1)[1].partition("/")[2]
            folders, _, name = path.rpartition("/")
            if set(_SRC_TOKENS.findall(folders)) & _SRC_NON_EDITORIAL:
                return "folder name"
            tokens = _SRC_TOKENS.findall(name.rsplit(".", 1)[0])
            if len(tokens) <= 4 and set(tokens) & _SRC_NON_EDITORIAL:
                return "file name"
    return None


def default_in_file_name(src: str) -> str | None:
    from ..text.credits import default_recogniser

    return default_recogniser().in_file_name(src)


def _emblem(img: Image) -> bool:
    """Alt text that says the image is a logo, seal or icon: it needs alt text, but neither
    a caption nor a credit."""
    alt = img.alt or ""
    if not alt or not _EMBLEM_ALT.match(alt):
        return False
    return default_in_file_name(img.src) is None  # a stock picture of a logo is still a photo


def _is_chart(img: Image) -> bool:
    return any(_CHART.search(t) for t in (img.alt or "", img.src or "", *(c.text for c in img.captions)))


def _exempt_from_credit(img: Image, opts: ImagesOptions) -> bool:
    if not opts.credit_exempt:
        return False
    hay = " ".join((img.alt or "", img.src.replace("-", " ").replace("_", " "), *(c.text for c in img.captions))).lower()
    return any(w.lower() in hay for w in opts.credit_exempt)


@lru_cache(maxsize=16)
def _recogniser(sources: tuple[str, ...], licences: tuple[str, ...], weak: tuple[str, ...],
                patterns: tuple[str, ...]) -> CreditRecogniser:
    return CreditRecogniser(sources, licences, weak, patterns)


@lru_cache(maxsize=16)
def recogniser_for(opts: ImagesOptions) -> CreditRecogniser:
    return _recogniser(tuple(opts.credit_sources), tuple(opts.licence_words), tuple(opts.weak_credits),
                       tuple(opts.credit_patterns))


def _short(src: str, limit: int = 60) -> str:
    s = src.strip()
    if len(s) <= limit:
        return s
    return "…" + s[-(limit - 1):]


# -- rules ---------------------------------------------------------------------------------
@rule("image-alt", family="images", summary="An image with no alt text, or alt text that is a file name",
      severity=Severity.WARNING, section=SECTION)
def image_alt(doc: Document, opts: ImagesOptions) -> Iterator[Finding]:
    """## What it does
    Reports an image with no alt text, with alt text that is really a file name
    (`IMG_0423.jpg`, `600-x-125-api-ux-syntax`), or with a word such as "image" or "photo"
    alone. In HTML (and in a shortcode), `alt=""` marks a decorative image and is fine;
    Markdown has no way to say "decorative", so `![](photo.jpg)` is an image missing its alt
    text. Alt text kept in site data (`data/images/<uid>.yml`) counts. Images that are not
    editorial (logos, icons, avatars, tracking pixels, site chrome) are skipped.

    Every image form is read: Markdown, `<img>`/`<figure>`/`<picture>` (lazy `data-src`
    too), static-site tags such as Hugo `{{< figure >}}`/`{{< img >}}` and Eleventy
    `{% image "src" "alt" %}` (which tag argument is src, alt, caption or credit is set by
    the top-level `shortcodes:` config), and the front-matter featured image.

    ## Why is this bad?
    Screen-reader users hear nothing, or a file name, where the picture is. Accessibility
    law (WCAG 1.1.1) requires a text alternative for every image that carries meaning.

    ## Example
    ```markdown
    ![](lifeboat-launch.jpg)
    ```

    Use instead:
    ```markdown
    ![The Tenby lifeboat crew launches into heavy surf at dawn](lifeboat-launch.jpg)
    ```

    ## Options
    - `generic_alt`
    - `frontmatter_alt`
    - `featured_image_fields`
    - `featured_alt_fields`
    - `non_editorial_classes`
    - `min_size`
    - `site_data_folder`
    """
    for img in images_of(doc, opts):
        if img.origin == "text" or img.skip or img.decorative:
            continue
        if img.featured and not opts.frontmatter_alt:
            continue
        if img.alt is None or not img.alt.strip():
            yield Finding(img.span, _missing_alt(img))
            continue
        problem = alt_problem(img.alt, opts)
        if problem:
            yield Finding(img.alt_span or img.span, problem)


def _missing_alt(img: Image) -> str:
    if img.featured:
        return f"Featured image{img.label()} has no alt text"
    if img.uid:
        return f"Image{img.label()} has no alt text (none in its site data either)"
    return f"Image{img.label()} has no alt text"


@rule("image-caption", family="images", summary="An editorial image with no caption, or a caption repeated",
      severity=Severity.WARNING, section=SECTION)
def image_caption(doc: Document, opts: ImagesOptions) -> Iterator[Finding]:
    """## What it does
    Reports an editorial image that has no caption, and a caption repeated word for word
    (under a second image, or as a stray paragraph after the caption — a common CMS or
    scraping artefact). A caption is a `<figcaption>`, the Markdown image title
    (`![alt](src "caption")`), an emphasised line directly under the image, a shortcode's
    `caption=`, a caption- or credit-classed element right after an HTML image, a caption
    in site data, or (for the featured image) a front-matter caption field. Alt text is not
    a caption. Logos, icons, avatars, tracking pixels, decorative (`alt=""`) and
    site-chrome images are skipped.

    ## Why is this bad?
    Readers look at pictures before text; a caption tells them who, what, where and when.
    Without one, a photo can mislead. A repeated caption reads as an error.

    ## Example
    ```markdown
    ![Firefighters at the warehouse](fire.jpg)

    The fire started shortly after midnight.
    ```

    Use instead:
    ```markdown
    ![Firefighters at the warehouse](fire.jpg)
    *Firefighters tackle the blaze at the Riverside warehouse on Tuesday. Photo: Jane Doe/AP*

    The fire started shortly after midnight.
    ```

    ## Options
    - `frontmatter_caption`
    - `featured_image_fields`
    - `featured_caption_fields`
    - `chart_captions`
    - `non_editorial_classes`
    - `min_size`
    - `site_data_folder`
    """
    images = images_of(doc, opts)
    rec = recogniser_for(opts)
    for img in images:
        if img.origin == "text" or img.skip or _emblem(img):
            continue
        if img.captions and not all(_credit_only(c.text, rec) for c in img.captions):
            continue
        if img.decorative and not img.credits and not img.captions:
            continue
        if img.featured and not opts.frontmatter_caption:
            continue
        if not opts.chart_captions and _is_chart(img):
            continue
        what = "Featured image" if img.featured else "Image"
        if img.captions or img.credits:
            yield Finding(img.span, f"{what}{img.label()} has a credit but no caption")
        else:
            yield Finding(img.span, f"{what}{img.label()} has no caption")
    yield from _repeated_captions(doc, images, opts)


_CAPTION_WORD = re.compile(r"[^\W\d_][\w'’.-]*")


def _credit_only(text: str, rec: CreditRecogniser) -> bool:
    """A "caption" that is only a credit: "Image copyright Getty Images",
    "PixelEmbargo/iStock/Thinkstock", "Photo: Jane Doe/AP"."""
    r = rec.classify(text)
    if r.kind == NONE:
        return False
    rest = text[: r.start] + " " + text[r.end :]
    words = _CAPTION_WORD.findall(rest)
    if len(words) > 5:
        return False
    from ..text.credits import CONNECTORS

    return not any(w[0].islower() and w.lower() not in CONNECTORS for w in words)


def _caption_key(text: str, rec: CreditRecogniser) -> str:
    """The words of a caption without its credit; empty when too short to compare."""
    from ..text.normalize import word_key

    r = rec.classify(text)
    if r.kind != NONE and r.end > r.start:
        text = text[: r.start] + " " + text[r.end :]
    key = word_key(text)
    return key if len(key.split()) >= 4 else ""


def _repeated_captions(doc: Document, images: list[Image], opts: ImagesOptions) -> Iterator[Finding]:
    """A caption under a second image, or pasted again as a paragraph after the caption.

    Caption variants a template prints for different screens ("caption-full" and
    "caption-truncated") are not repeats: only paragraphs without a caption class count,
    and a copy in a later paragraph is reported once (later copies are duplicate-paragraph's).
    """
    from ..text.normalize import word_key

    rec = recogniser_for(opts)
    # (offset, image index, text, key): captions of editorial images, keyed without credit.
    captions: list[tuple[int, int, MappedText, str]] = []
    owned: set[int] = set()
    for i, img in enumerate(images):
        if img.skip or img.featured or img.origin == "text" and not img.captions:
            continue
        for part in img.captions:
            if part.mapped is not None and id(part.mapped) not in owned:
                owned.add(id(part.mapped))
                key = _caption_key(part.text, rec)
                if key:
                    captions.append((part.mapped.span.start, i, part.mapped, key))
    if not captions:
        return
    captions.sort(key=lambda e: e[0])
    first: dict[str, tuple[int, int]] = {}  # key -> (offset, image index)
    for start, owner, text, key in captions:
        seen = first.get(key)
        if seen is None:
            first[key] = (start, owner)
        elif seen[1] != owner:
            line, _ = doc.lines.position(seen[0])
            yield Finding(text.span, f"Caption {_quote(text.text)} repeats the caption on line {line}")
    # Paragraphs repeating a caption: compare plain word keys (no credit parsing per paragraph).
    by_words: dict[str, tuple[int, str]] = {}
    for start, _owner, text, key in captions:
        for k in (word_key(text.text), key):
            if k not in by_words or by_words[k][0] > start:
                by_words[k] = (start, key)
    pasted: set[str] = set()
    lo = min(len(c[2].text) for c in captions) // 2
    hi = max(len(c[2].text) for c in captions) * 2
    for b in doc.blocks:
        if b.kind != PARAGRAPH or b.text is None or not lo <= len(b.text.text) <= hi or id(b.text) in owned:
            continue
        if b.classes and any(_CAPTION_CLASS.search(c) for c in b.classes):
            continue
        hit = by_words.get(word_key(b.text.text))
        if hit is None or hit[0] > b.span.start or hit[1] in pasted:
            continue
        pasted.add(hit[1])  # further copies are duplicate-paragraph's to report
        line, _ = doc.lines.position(hit[0])
        yield Finding(b.text.span, f"Paragraph repeats the image caption on line {line}: {_quote(b.text.text)}")


def _quote(text: str, limit: int = 60) -> str:
    t = " ".join(text.split())
    if len(t) > limit:
        t = t[: limit - 1].rstrip() + "…"
    return repr(t)


@rule("image-credit", family="images",
      summary="An editorial image whose caption or credit names no photographer or source",
      severity=Severity.WARNING, section=SECTION)
def image_credit(doc: Document, opts: ImagesOptions) -> Iterator[Finding]:
    """## What it does
    Reports an editorial image whose caption and credit name no creator or source. These
    count as credits: "Photo: Name/Agency", "Photo by …", "Image Credit: …", "Credit: …",
    "Courtesy of …", "(AP)", "(Reuters)", "(Name/Agency)", agency names such as "Getty
    Images" anywhere in the caption, "© Name", "Source: …" (charts and maps), a credit span
    (`<span class="credit">`, `<cite>`), Hugo `attr=`, a front-matter `image_credit`, and the
    credit field of site data. Three weaker cases are reported differently:

    - a licence alone ("CC BY-SA 4.0", "Creative Commons", "public domain") is not a credit:
      a warning, since CC licences themselves require naming the author;
    - "File photo", "Handout", "Supplied" are weak credits: reported as `info`;
    - a credit found only in the file name (`…-istock-452236277.jpg`) or only in the alt
      text is not visible to readers: reported as `info`, saying where it was found.

    Screenshots (see `credit_exempt`), logos, icons, avatars, tracking pixels, decorative and
    site-chrome images are skipped.

    ## Why is this bad?
    Newsrooms are legally and ethically bound to credit the people and agencies whose
    photos they publish; an uncredited photo is a rights problem waiting to happen.

    ## Example
    ```markdown
    ![Protesters outside parliament](protest.jpg "Protesters outside parliament. Image Credit: CC BY-SA 4.0")
    ```

    Use instead:
    ```markdown
    ![Protesters outside parliament](protest.jpg "Protesters outside parliament. Photo: Jane Doe, CC BY-SA 4.0")
    ```

    ## Options
    - `frontmatter_credit`
    - `featured_image_fields`
    - `featured_credit_fields`
    - `credit_patterns`
    - `credit_sources`
    - `licence_words`
    - `weak_credits`
    - `credit_exempt`
    - `non_editorial_classes`
    - `min_size`
    - `site_data_folder`
    """
    if not doc.is_english:
        return  # the credit words it knows are English ("Photo by", "Courtesy of" ...)
    rec = recogniser_for(opts)
    for img in images_of(doc, opts):
        if img.skip or _emblem(img):
            continue
        if img.decorative and not img.captions and not img.credits:
            continue
        if img.featured and not opts.frontmatter_credit:
            continue
        if _exempt_from_credit(img, opts):
            continue
        best: tuple[CreditResult, TextPart] | None = None
        rank = {NONE: 0, LICENCE: 1, WEAK: 2, CREDIT: 3}
        for parts, whole in ((img.credits, True), (img.captions, False)):
            for part in parts:
                r = rec.classify(part.text, whole=whole)
                if best is None or rank[r.kind] > rank[best[0].kind]:
                    best = (r, part)
        if best is not None and best[0].kind == CREDIT:
            continue
        what = "Featured image" if img.featured else "Image"
        if best is not None and best[0].kind == WEAK:
            r, part = best
            yield Finding(part.locate(r.start, r.end),
                          f"Weak image credit {r.value!r}: name the photographer or agency",
                          severity=Severity.INFO)
            continue
        if best is not None and best[0].kind == LICENCE:
            r, part = best
            yield Finding(part.locate(r.start, r.end),
                          f"Image credit {r.value!r} is only a licence, not a credit: name the author "
                          "(Creative Commons licences require it)")
            continue
        in_name = rec.in_file_name(img.src)
        if in_name:
            yield Finding(img.span,
                          f"{what} credit appears only in the file name ({_short(in_name, 70)!r}), "
                          "which readers never see: add it to the caption or a credit line",
                          severity=Severity.INFO)
            continue
        if img.alt:
            r = rec.classify(img.alt, explicit=True)
            if r.kind == CREDIT:
                yield Finding(img.alt_span or img.span,
                              f"{what} credit {r.value!r} appears only in the alt text, which most readers "
                              "never see: add it to the caption or a credit line",
                              severity=Severity.INFO)
                continue
        yield Finding(img.span, f"{what}{img.label()} has no credit naming the photographer or source")
