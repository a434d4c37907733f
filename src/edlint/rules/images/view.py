"""The family's per-document view (:func:`images_of`): every image with its captions,
credits and editorial status, computed once and shared by the three rules."""

from __future__ import annotations

import re

from ...document import CAPTION, PARAGRAPH, Block, Document, ImageBlock, MappedText
from ...text.credits import CREDIT, NONE, CreditRecogniser
from ...text.patterns import lazy
from .editorial import _skip_reason, is_decorative
from .featured import _featured, _jsonld_credits
from .model import (
    EMPHASIS_LINE,
    WRAPPER_LINE,
    Image,
    TextPart,
    _add_part,
    _apply_site,
    _credit_only,
    _looks_like_uid,
    _stem,
    recogniser_for,
)
from .options import ImagesOptions


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
    wordpress = _wordpress_captions(doc) if "[caption" in doc.source else []
    for b in doc.blocks:
        if b.kind == CAPTION and b.text is not None and b.parent is not None:
            img = by_block.get(id(b.parent))
            if wordpress and b.text.text.lstrip().startswith("[caption"):
                continue  # a WordPress [caption] read as a line of text: its parts are below
            if img is not None and b.text.text.strip():
                _add_part(img.captions, TextPart(b.text.text, b.text.span, b.text))
    for start, end, text in wordpress:
        for img in out:
            if img.block is not None and start <= img.block.span.start < end and not img.captions:
                mapped = MappedText(text, [(0, end - len(text), end)])
                _add_part(img.captions, TextPart(text, mapped.span, mapped, "WordPress caption"))
    if by_block:  # the credit recogniser costs a few ms to build: not for an article without images
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
        if img.skip is None and doc.format != "html" and img.block is not None and _in_hidden_wrapper(doc, img.block):
            img.skip = "aria-hidden"  # (HTML pages record their ancestors' aria-hidden themselves)
        img.decorative = is_decorative(img, opts)
    if by_block or any(img.featured for img in out):
        lead = _attach_lead_caption(doc, out, recogniser_for(opts))
        if lead is not None:
            lead.decorative = is_decorative(lead, opts)
        _attach_positional_captions(doc, out, recogniser_for(opts))
    return out


_SRC_IN_SOURCE = lazy(r"""(?:\bsrc\s*=\s*["']?|\]\(\s*<?)([^"'\s)>]+(?:\s[^"')>]*)?)""", re.I)
_QUOTED_PATH = lazy(r"""["']([^"']*[/.][^"']*)["']""")


# WordPress's caption shortcode, as exported sites keep it:
# [caption id="attachment_3511" align="alignright" width="180"]<a …><img …/></a>Victor Hanson.
# Photo: Onassis Foundation[/caption] (or the older caption="…" attribute form).
_WP_CAPTION = lazy(r"\[caption\b([^\]]{0,400})\](.{0,4000}?)\[/caption\]", re.S | re.I)
_WP_CAPTION_ATTR = lazy(r"""\bcaption\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.I)
_LAST_MEDIA_TAG = lazy(r"(?:<img\b[^<>]{0,2000}>|</a\s*>)(?!.*(?:<img\b|</a\s*>))", re.S | re.I)


def _wordpress_captions(doc: Document) -> list[tuple[int, int, str]]:
    """(start, end, caption) of each WordPress [caption] shortcode: the words after its
    image (and the link around it), up to [/caption]; end is where those words end."""
    out: list[tuple[int, int, str]] = []
    for m in _WP_CAPTION.finditer(doc.source):
        inner_start = m.start(2)
        tail = _LAST_MEDIA_TAG.search(m.group(2))
        if tail is not None:
            words = m.group(2)[tail.end() :]
            stripped = words.strip()
            if stripped and "<" not in stripped:
                end = inner_start + tail.end() + len(words.rstrip())
                out.append((m.start(), end, stripped))
                continue
        attr = _WP_CAPTION_ATTR.search(m.group(1))
        if attr is not None and (attr.group(1) or attr.group(2) or "").strip():
            text = (attr.group(1) or attr.group(2)).strip()
            pos = m.start(1) + attr.start(1 if attr.group(1) is not None else 2)
            out.append((m.start(), pos + len(text), text))
    return out


def _from_block(doc: Document, b: ImageBlock, site: dict[str, dict[str, str]]) -> Image:
    src = (b.src or "").strip()
    if not src.strip("x\u00a0 ") and b.origin in ("markdown", "html"):
        # A template expression the parser masked ({{ "/a.jpg" | url }}): read the file.
        src = _src_from_source(doc.source[b.span.start : b.span.end])
    img = Image(
        block=b, span=b.span, origin=b.origin, src=src, alt=b.alt, alt_span=b.alt_span, width=b.width, height=b.height
    )
    unknown = list(b.attrs.get("template_fields") or ())
    if b.origin in ("html", "markdown"):
        raw = doc.source[b.span.start : b.span.end]
        if ("{{" in raw or "{%" in raw) and len(raw) <= 8000:  # bounded: the patterns scan ahead
            unknown += _template_attrs(raw)
    img.unknown = tuple(unknown)
    if b.origin == "html":
        img.empty_alt = b.alt == ""
    elif b.origin == "shortcode":
        img.empty_alt = b.alt is not None and b.alt == "" and b.alt_span is not None
    if b.caption is not None and b.caption.text.strip():
        _add_part(img.captions, TextPart(b.caption.text, b.caption.span, b.caption))
    elif b.origin == "shortcode" and b.title and b.title.strip():
        # Hugo's figure prints its title in the figcaption: readers see it under the image.
        _add_part(img.captions, TextPart(b.title, b.span, None, "title"))
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


_RAW_ATTR = lazy(r"""\b(src|alt)\s*=\s*(?:"([^"]*)"|'([^']*)')|!\[[^\]]*\]\(\s*<?(\{\{.*?\}\})""", re.I | re.S)


def _template_attrs(raw: str) -> list[str]:
    """Fields of an ``<img>`` or Markdown image that a template variable fills in
    (``src="{{ include.image }}"``, ``alt="{{ page.image_alt }}"``)."""
    from ...parsers.shortcodes import is_template_value

    out = []
    for m in _RAW_ATTR.finditer(raw):
        name = (m.group(1) or "src").lower()
        value = m.group(2) if m.group(2) is not None else m.group(3) if m.group(3) is not None else m.group(4)
        if value and is_template_value(value) and name not in out:
            out.append(name)
    return out


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


_CREDIT_START = lazy(
    r"\s*\(?\s*(?:©|\(c\)|copyright\b|(?:photo(?:graph)?|image|picture)s?\s*(?:credits?)?\s*[:|]|(?:photo\s+)?credits?\s*:|photo(?:graph)?s?\s+by\b)",
    re.I,
)
_EMPHASIS_OPEN = lazy(r"(?:<em>|<i>|[*_])\[?$", re.I)
# The emphasis may close after a link that ends the line: "*A page from the [report](url)*".
_EMPHASIS_CLOSE = lazy(r"(?:\]\([^()\s]{0,500}\)|</a>)?[.!?]?(?:</em>|</i>|[*_])", re.I)
_AUTHOR_HEADING = lazy(
    r"\s*(?:about|more (?:from|by)) (?:the )?(?:authors?|writers?|contributors?|reporters?)\b|\s*(?:the )?authors?\s*$",
    re.I,
)
_PROMO_HEADING = lazy(
    r"\s*(?:related(?: stories| articles| content| coverage| news| links)?|more (?:from|on|stories|news|in|to)\b.*"
    r"|elsewhere (?:on|in|from)\b.*|top stories|most (?:read|popular|watched|viewed|shared)|features(?: (?:and|&) analysis)?"
    r"|you (?:may|might) (?:also )?(?:like|enjoy)|recommended(?: for you)?|trending(?: now)?|what to read next"
    r"|read (?:more|next)|latest (?:news|stories|videos)|around the web|sponsored(?: content)?|editor'?s? picks"
    r"|popular (?:now|stories)|also in the news|don'?t miss)\s*:?\s*$",
    re.I,
)
_CAPTION_CLASS = lazy(
    r"caption|cutline|credit|copyright|photographer|attribution|image[-_]?source|wp-caption-text", re.I
)
_CREDIT_ONLY_CLASS = lazy(r"credit|copyright|photographer|attribution|image[-_]?source", re.I)


# A caption written away from its image that says which image it is about: "Cover image:
# artist's impression ... by Studio Name", "Top photo: ...", "Header image courtesy of ...".
_LEAD_LABEL = lazy(
    r"[\s*_]*(?:cover|top|header|lead|main|featured|hero|banner|title|opening)\s+"
    r"(?:image|photo(?:graph)?|picture|illustration|pic)s?\b\s*(?:[:|\-–—]|courtesy\b|by\b|from\b|credits?\b|©)",
    re.I,
)


# A caption set apart from its picture that says where the picture is ("Bottom photo: (Left to
# right) …", "Photo below: …", "Pictured right: …"), as a newsroom prints cutlines under the story.
_POSITION_LABEL = lazy(
    r"[\s*_]*(?:(?P<where>bottom|second|lower|middle|inset|left|right|below|above|last|final)\s+"
    r"(?:image|photo(?:graph)?|picture|pic)s?|(?:image|photo(?:graph)?|picture|pic|pictured)\s+"
    r"(?P<where2>above|below|left|right|at\s+left|at\s+right|bottom))\s*[:|\-–—]",
    re.I,
)


def _attach_positional_captions(doc: Document, images: list[Image], rec: CreditRecogniser) -> None:
    """Each "Bottom photo: …" paragraph captions one picture of the story: the last one still
    without a caption for "bottom", "below", "last"; the first one for the others."""
    for b in doc.blocks:
        if b.kind != PARAGRAPH or b.text is None or len(b.text.text) > 600:
            continue
        m = _POSITION_LABEL.match(b.text.text)
        if m is None:
            continue
        open_ = [i for i in images if i.block is not None and i.skip is None and not i.featured and not i.captions]
        if not open_:
            return
        where = (m.group("where") or m.group("where2") or "").lower()
        img = open_[-1] if where in ("bottom", "below", "last", "final", "lower") else open_[0]
        part = TextPart(b.text.text, b.text.span, b.text)
        _add_part(img.credits if _credit_only(b.text.text, rec) else img.captions, part)
        if rec.classify(b.text.text).kind != NONE and not img.credits:
            _add_part(img.credits, part)


def _attach_lead_caption(doc: Document, images: list[Image], rec: CreditRecogniser) -> Image | None:
    """A "Cover image: ..." paragraph captions or credits the article's lead image (its first
    editorial image on the page), wherever the template printed it: often at the end of the
    standfirst, or under the story."""
    # the post's cover (its featured image) when it has one, else its first picture
    cover = next((i for i in images if i.featured and i.skip is None and not i.captions and not i.credits), None)
    lead = cover or next((i for i in images if i.block is not None and i.skip is None and not i.featured), None)
    if lead is None or lead.captions or lead.credits:
        return None
    if cover is not None:
        # A reprint's body that opens on the featured picture's caption and credit ("Tim and
        # Maggie Pauro at their home on the river. PHOTO / Stuart Munro"): the template shows
        # the picture above it.
        from ...text.credits.marker import find_credit_marker

        first = next((b for b in doc.blocks if b.text is not None and b.text.text.strip()), None)
        if (
            first is not None
            and first.kind in (PARAGRAPH, CAPTION)
            and len(first.text.text) <= 400
            and find_credit_marker(first.text.text) is not None
            and rec.classify(first.text.text).kind != NONE
        ):
            part = TextPart(first.text.text, first.text.span, first.text)
            _add_part(cover.credits, part)
            if not _credit_only(first.text.text, rec):
                _add_part(cover.captions, part)
            return cover
    for b in doc.blocks:
        if b.kind == PARAGRAPH and b.text is not None and len(b.text.text) <= 400 and _LEAD_LABEL.match(b.text.text):
            part = TextPart(b.text.text, b.text.span, b.text)
            _add_part(lead.credits if _credit_only(b.text.text, rec) else lead.captions, part)
            return lead
    return None


# An HTML wrapper in a Markdown file that hides its content from screen readers, opened just
# before the image: `<div aria-hidden="true">` around a chart whose data follows as a table.
_HIDDEN_WRAPPER = lazy(r"""<[a-z][a-z0-9]*\b[^<>]{0,200}?\baria-hidden\s*=\s*["']?true["']?[^<>]{0,200}>\s*$""", re.I)


def _in_hidden_wrapper(doc: Document, block: ImageBlock) -> bool:
    start = block.span.start
    return bool(_HIDDEN_WRAPPER.search(doc.source, max(0, start - 300), start))


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
    seen: list[Image] = []  # the images so far, in order
    run: list[Image] = []  # the pictures in a row right before, nothing but pictures between
    in_run = False
    label = ""  # the heading or bold label right above, nothing between
    # The one short paragraph right under the last picture, if the next block is a picture:
    # a line set between two pictures is the first one's caption (a cutline in plain type).
    between: tuple[Image, str] | None = None
    for b in doc.blocks:
        if isinstance(b, ImageBlock):
            img = by_block.get(id(b))
            if img is not None:
                if between is not None and not between[0].captions:
                    between[0].plain_caption = between[1]
                between = None
                if label:
                    img.under_heading, label = label, ""
                run = [*run, img] if in_run else [img]
                in_run = True
                seen.append(img)
                last, last_line, after = img, lines.line_of(b.span.end), 0
                if author_box:
                    img.author_box = "author box"
                elif promo:
                    img.author_box = "under a promotion heading"
            continue
        if b.text is None:
            continue
        if between is not None and b.kind == "heading" and not between[0].captions and _one_sentence(between[1]):
            between[0].plain_caption = between[1]  # the line closes the picture's section
        between = None
        text = b.text.text
        label = text if _is_label(doc, b, text) else ""
        if b.kind == "heading":
            promo = bool(_PROMO_HEADING.match(text)) or (promo and b.level > 2)
        author_box = b.kind == "heading" and bool(_AUTHOR_HEADING.match(text))
        if author_box or last is None:
            last = None
            continue
        if b.span.start < last.span.end:
            continue  # the paragraph an inline image sits in (flushed after the image)
        if (
            last.origin == "html"
            and after == 0
            and lines.line_of(b.span.start) == last_line
            and len(text.split()) <= 8
            and not any(_CAPTION_CLASS.search(c) for c in b.classes)
            and b.kind != CAPTION
            and "<br" not in doc.source[last.span.end : b.span.start].lower()
            and rec.classify(text).kind == NONE
        ):
            # a title set over the picture on the same line (a parallax banner's "Twice a
            # Refugee"): the caption may still come after it
            continue
        after += 1
        in_run_before, in_run = in_run, False
        line = lines.line_of(b.span.start)
        if after == 1 and b.kind in (PARAGRAPH, CAPTION) and len(text.split()) <= 30 and _GALLERY_CREDIT.search(text):
            # "Jewels after Jewels, installation views, photos © Studio, 2018" after a run of
            # pictures: one credit line for the whole gallery.
            if rec.classify(text).kind != NONE:
                part = TextPart(text, b.text.span, b.text)
                titled = not _credit_only(text, rec)  # "Small Suns, installation views, photos © ..."
                for earlier in _gallery_run(seen):
                    _add_part(earlier.credits, part)
                    if titled and not earlier.captions:
                        _add_part(earlier.captions, part)
                if titled and not last.captions:
                    _add_part(last.captions, part)
                continue
        if (
            after == 1
            and in_run_before
            and len(run) >= 2
            and b.kind in (PARAGRAPH, CAPTION)
            and rec.classify(text).kind == CREDIT
            and (
                (len(text.split()) <= 15 and _credit_only(text, rec))
                # "Image credit: Northern Brown Bandicoot on a log at Curramore, Land for Wildlife."
                or (len(text.split()) <= 40 and _CREDIT_START.match(text) is not None)
            )
        ):
            # "(Image credit: Streetsblog.)" under two pictures in a row: it credits both.
            part = TextPart(text, b.text.span, b.text)
            for img in run:
                if not img.credits and not any(c.mapped is b.text for c in img.captions):
                    _add_part(img.credits, part)
            if b.kind == PARAGRAPH:
                continue
        if (
            after == 1
            and in_run_before
            and len(run) == 2
            and b.kind == CAPTION
            and b.parent is run[-1].block
            and len(text.split()) <= 60
        ):
            # One caption under a pair of pictures ("The Regal's front in 2019, and on Friday
            # night …. Image credit: …"): it is the caption, and its credit the credit, of both.
            part = TextPart(text, b.text.span, b.text)
            first = run[0]
            if not first.captions:
                _add_part(first.captions, part)
            if not first.credits and rec.classify(text).kind != NONE:
                _add_part(first.credits, part)
        if (
            after == 1
            and last.origin == "html"
            and not last.captions
            and last.block is not None
            and b.kind in (PARAGRAPH, CAPTION, "table_cell")
            and _wrapper_caption(doc.source, last.block.span.end, b.span.start, b.span.end, text)
        ):
            # The rest of the picture's own wrapper: "<div class="news_img_left"><img …><br>
            # <span class="smaller">Thomas Jessell</span></div>" (a house's caption, whatever
            # its class)
            styled = _wrapped_in_emphasis(doc.source, b.span.start, b.span.end) or any(
                _CAPTION_CLASS.search(c) for c in b.classes
            )
            # (set in italics or a caption's class, it shows the house's captions like any other)
            part = TextPart(text, b.text.span, b.text, where="" if styled else WRAPPER_LINE)
            if rec.classify(text).kind != NONE:
                _add_part(last.credits, part)
            if not _credit_only(text, rec):
                _add_part(last.captions, part)
            continue
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
            if any(_CREDIT_ONLY_CLASS.search(c) for c in b.classes) and not any(
                "caption" in c.lower() for c in b.classes
            ):
                _add_part(last.credits, part)
                if len(text.split()) >= 6 and not _credit_only(text, rec):
                    _add_part(last.captions, part)  # "Artist's impression of the plumes. (NASA)"
            else:
                _add_part(last.captions, part)
                if any(_CREDIT_ONLY_CLASS.search(c) for c in b.classes) and _NAME_AFTER_BREAK.search(
                    doc.source, b.span.start, b.span.end
                ):
                    # "<div class="caption_n_credit">Farmers plant onions.<br/>John Bolmeier</div>":
                    # the box's last line is the photographer
                    _add_part(last.credits, part)
            continue
        if (
            last.origin == "html"
            and not last.captions
            and after == 1
            and b.kind in (PARAGRAPH, CAPTION)
            and len(text.split()) <= 80
            and (shown := _repeats_alt(text, last.alt, rec)) is not None
        ):
            # The alt text printed as a visible caption after the image's wrapper, with its
            # credit first (MSN: "© Lucy Nicholson Detainees at Otay Mesa ...").
            _add_part(last.captions, TextPart(shown, b.text.span, b.text))
            if rec.classify(text).kind != NONE and not last.credits:
                _add_part(last.credits, TextPart(text, b.text.span, b.text))
            continue
        if (
            after == 1
            and b.kind == PARAGRAPH
            and not last.captions
            and 2 <= line - last_line <= 3
            and (
                len(text.split()) <= 20
                # "<small><em>The winners of the 2018 awards. From the left: …</em></small>"
                or (
                    len(text.split()) <= 80
                    and _SMALL_BEFORE.search(doc.source, max(0, b.span.start - 200), b.span.start)
                )
            )
            and _wrapped_in_emphasis(doc.source, b.span.start, b.span.end)
        ):
            # A short italic line in the block under the image's own block (Blogger's
            # centred "<div><span><em><span>Kate Henshaw</span></em></span></div>").
            _add_part(last.captions, TextPart(text, b.text.span, b.text))
            continue
        if (
            after == 1
            and b.kind == PARAGRAPH
            and not last.captions
            and 2 <= line - last_line <= 3
            and len(text.split()) <= 40
            and not text.rstrip(" *_").endswith((":", "?"))  # a lead-in or a question heading
            and _md_emphasis_whole(doc.source, b.span.start, b.span.end)
            and not _LINK_ONLY.fullmatch(text_source(doc.source, b.span.start, b.span.end))
            and last.block is not None
            and _pictures_only_line(doc.source, last.block.span.start)
        ):
            # A paragraph all in bold or italics under the picture's paragraph, a blank line
            # between ("![](a.jpg) ![](b.jpg)" then "**Front and back camera (left, right)**"):
            # the caption of every picture on that line.
            part = TextPart(text, b.text.span, b.text, where=EMPHASIS_LINE)
            for img in seen:
                if img.block is not None and lines.line_of(img.block.span.end) == last_line and not img.captions:
                    _add_part(img.captions, part)
            if not last.captions:
                _add_part(last.captions, part)
            continue
        if (
            last.origin == "html"
            and not last.captions
            and after == 1
            and b.kind in (PARAGRAPH, CAPTION)
            and len(text.split()) <= 50
        ):
            # A caption line under the image that ends with its credit ("... (Image: GETTY)").
            r = rec.classify(text)
            if r.kind != NONE and (r.start >= len(text) // 2 or (r.start == 0 and len(text.split()) <= 15)):
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
        if after == 1 and b.kind == PARAGRAPH and 1 <= line - last_line <= 3 and _cutline_like(text):
            between = (last, text)
            if not last.captions:
                last.cutline = text
        if after == 1 and b.kind == PARAGRAPH and 1 <= line - last_line <= 3 and _reads_as_caption(text, rec):
            # A plain line under the picture (or a pair of them) that reads as its caption.
            for img in run if in_run_before else [last]:
                if not img.captions:
                    img.plain_caption = text
        if after >= 2 or b.kind != "heading":
            last = None
    if between is not None and not between[0].captions and _one_sentence(between[1]):
        between[0].plain_caption = between[1]  # the last picture and the line closing the article


# A line that reads as a caption: short, at most one sentence, not a quotation, a lead-in
# or a question ("View from the ground.", "La Balsa Park, Buddina", "Left to right: …").
_SENTENCE_END_INSIDE = lazy(r"[.!?][\s\u00a0]+(?=\S)")


# Narration, not a caption: a writer's "we", a past or future tense ("A small protest
# followed.", "Deliveries will start in spring."). Captions name what is shown ("View from
# the ground.", "Household organics being delivered to the landfill", "Sugar gliders call
# the estate home.").
_NARRATES = lazy(
    r"\b(?:I|we|our|us|my|was|were|had|did|will|would|could|should|might|can|cannot|may|must|has|have|said|says|told|"
    r"found|felt|thought|knew|went|came|took|made|got|saw|became|began|kept|left|won|lost|ran|spent|"
    r"sent|brought|met|heard|held|led|built|wrote|gave|grew|chose|drove|flew|fought|taught|sold|paid)\b"
    r"|(?<!\bbeing\s)(?<!\bbe\s)(?<!\bbeen\s)(?<!\bis\s)(?<!\bare\s)(?<!-)\b[a-z]{3,}ed\b",
    re.I,
)


def _reads_as_caption(text: str, rec: CreditRecogniser) -> bool:
    t = text.strip(" \t*_")
    if not t or len(t.split()) > 20 or t[:1] in "\"“‘'«(-—–•":
        return False
    if t.endswith((":", "?", ";", ",")):
        return False
    # one sentence, or one and its credit ("Maleny Show through the ages. Images courtesy of …")
    breaks = list(_SENTENCE_END_INSIDE.finditer(t.rstrip(".!")))
    if len(breaks) > 1 or (breaks and rec.classify(t[breaks[0].end() :]).kind == NONE):
        return False
    body = t[: breaks[0].start()] if breaks else t
    # only the main clause tells narration: "… show Cr Peter Cox how the new platform will
    # assist lake access" is a caption
    main = re.split(r"\b(?:how|that|which|where|when|what|who|whose)\b", body, maxsplit=1)[0]
    return not _NARRATES.search(main)


# A name alone on the last line of a caption-and-credit box: "…<br/>John Bolmeier",
# "…<br />BRANDON QUESTER", "…<br>Jane Doe/Cronkite News".
_NAME_AFTER_BREAK = lazy(
    r"<br\s*/?>\s*(?:(?:[A-Z][a-z’'.-]+|[A-Z][A-Z’'.-]+)(?:\s+(?:de|van|von|da|[A-Z][a-z’'.-]+|[A-Z][A-Z’'.-]+)){1,3})"
    r"(?:\s*/\s*[A-Z][\w .&’'-]{1,40})?\s*$"
)
# Between a picture and its caption in one wrapper: line breaks and opening inline tags, no
# end of a block and no other text.
_WRAPPER_GAP = lazy(r"(?:\s|<br\s*/?>|</a>|<(?:span|b|strong|em|i|small|font|a)\b[^<>]*>)*", re.I)
_WRAPPER_END = lazy(r"(?:\s|</(?:span|b|strong|em|i|small|font|a)>|<br\s*/?>)*</(div|td|p|li|dd|center)>", re.I)


def _wrapper_caption(source: str, img_end: int, start: int, end: int, text: str) -> bool:
    """Is this text the rest of the picture's own wrapper element, a short line that closes
    it: after a line break (`<img …><br><span>…</span></div>`), or alone in a `<div>` or a
    table cell with the picture (`<div><img …>(L-R) <b>…</b></div>`)? Prose that a floated
    picture opens (`<p><img class="float-left">The seminar …</p>`) is not."""
    if start - img_end > 300 or len(text.split()) > 40 or text.lstrip()[:1] in "\"“‘'«":
        return False
    gap = source[img_end:start]
    if not _WRAPPER_GAP.fullmatch(gap):
        return False
    closing = _WRAPPER_END.match(source, end)
    if closing is None:
        return False
    return "<br" in gap.lower() or (closing.group(1).lower() in ("div", "td", "center") and len(text.split()) <= 25)


def _cutline_like(text: str) -> bool:
    """Could this line be the picture's cutline if another picture follows it: up to 45 words
    in one or two sentences, not a quotation, a list's lead-in, a question or a modal
    ("Visitors can book tours …"), that names who is shown ("Owen Barlow took home first
    place in the pie eating contest …", "Cub Scouts recently enjoyed …") or speaks of the
    picture ("… gathered for this group photo")."""
    t = text.strip(" \t*_")
    if not t or len(t.split()) > 45 or t[:1] in "\"“‘'«(-—–•":
        return False
    if t.endswith((":", "?", ";", ",")) or len(list(_SENTENCE_END_INSIDE.finditer(t.rstrip(".!")))) > 1:
        return False
    if _MODAL.search(t) or _LEAD_LABEL.match(t) or _POSITION_LABEL.match(t):
        return False  # (a "Top photo: …" line captions the picture it names, wherever it is)
    # (a word the line shares with the alt text or the file name is no sign: prose under a
    # picture of a protest speaks of the protest too)
    return bool(_NAMED_SUBJECT.match(t) or _PICTURE_WORD.search(t))


# A modal or future: advice or plans, not what a picture shows.
_MODAL = lazy(r"\b(?:can|cannot|can't|will|won't|would|should|must|may|might|could)\b", re.I)
# Who is shown, opening the line: two or more capitalised words ("Megan Budd provides …",
# "The Congregational Church of Eastford's praise team …", "Cub Scouts …").
_NAMED_SUBJECT = lazy(
    r"(?:The\s+)?(?!(?:By|In|On|At|After|Before|When|While|For|With|From|During|Last|This|That|These|Those|Next|Our|My"
    r"|We|It|As|If|But|And|So|Then|Since|Until|Over|Under|Every|Each|All|Some|Most|Many|One|Two|Three)\b)"
    r"[A-Z][\w’'.-]+(?:\s+(?:and|of|de|van|von)?\s*[A-Z][\w’'.-]+)+\b"
)
_PICTURE_WORD = lazy(
    r"\b(?:photos?|pictured|pictures?|shown\s+(?:here|above|below|left|right|at)|from\s+left|left\s+to\s+right"
    r"|at\s+left|at\s+right)\b",
    re.I,
)


def _one_sentence(text: str) -> bool:
    return _SENTENCE_END_INSIDE.search(text.strip(" \t*_").rstrip(".!")) is None


def _is_label(doc: Document, b: Block, text: str) -> bool:
    """A heading, or a short paragraph wholly in bold, that a picture right under it
    belongs to (a list entry's name)."""
    if len(text.split()) > 10 or not text.strip():
        return False
    if b.kind == "heading":
        return True
    return b.kind == PARAGRAPH and _md_emphasis_whole(doc.source, b.span.start, b.span.end)


# A credit line for a gallery: a plural picture word with its credit mark ("photos © Studio",
# "Images courtesy of the museum"), or views of a show ("installation views").
_GALLERY_CREDIT = lazy(
    r"\b(?:photos|images|pictures|photographs)\s*(?:©|\(c\)|by\b|:|courtesy\b|credits?\b)"
    r"|\b(?:all|installation|exhibition|gallery)\s+(?:photos|images|pictures|views|shots)\b",
    re.I,
)


def _gallery_run(seen: list[Image], limit: int = 24) -> list[Image]:
    """The pictures a gallery credit line covers: those before it back to a picture that has
    its own caption or credit (another gallery's, or a captioned news photo). An ``alt=""``
    picture with nothing of its own (a decorative one, the theme's header) is passed over."""
    out: list[Image] = []
    for img in reversed(seen[-limit:]):
        if img.captions or img.credits:
            if out:
                break
            continue  # the picture right above may hold the line already
        if img.origin != "html" or (img.block is not None and img.block.alt == ""):
            continue
        out.append(img)
    return out


def _repeats_alt(text: str, alt: str | None, rec: CreditRecogniser) -> str | None:
    """The paragraph (its credit aside) is the image's alt text, or its end: the page prints
    the description under the picture. Returns the caption's words (without the credit)."""
    if not alt or len(alt) < 20:
        return None
    from ...text.normalize import word_key

    alt_key = word_key(alt)
    r = rec.classify(text)
    if r.kind != NONE and r.start > 0:
        text = text[: r.start]  # "... on May 18. (Photo: Getty)"; a credit first is skipped below
    words = word_key(text).split()
    if len(alt_key.split()) >= 4 and len(words) <= 30 and f" {alt_key} " in f" {' '.join(words)} ":
        return " ".join(words)  # the caption extends the alt text ("... results for the new model")
    # The credit may run into the caption ("© Lucy Nicholson Detainees at ..."): a tail of
    # four words or more that the alt text holds is the caption.
    for skip in range(min(6, len(words) - 3)):
        if skip and not words[skip - 1][:1].isalpha():
            break
        if " ".join(words[skip:]) in alt_key:
            return " ".join(words[skip:])
    return None


# A Markdown paragraph wholly in bold or italics: "**…**", "__…__", "*…*", "_…_".
_MD_EMPHASIS_WHOLE = lazy(r"\s*(?:\*\*[^\n*][^*]*\*\*|__[^\n_][^_]*__|\*[^\s*][^*]*\*|_[^\s_][^_]*_)[^\S\n]*\n?", re.S)
# Picture markup on a line: Markdown images (linked or not), shortcodes, tags.
_PICTURE_MARKUP = lazy(r"\[?!\[[^\]]*\]\([^)]*\)(?:\]\([^)]*\))?|\{\{[<%].*?[%>]\}\}|\{%.*?%\}|<[^>]*>")


def _pictures_only_line(source: str, at: int) -> bool:
    """Does the source line holding ``at`` hold pictures and nothing else (no text the
    picture sits in)?"""
    return not any(c.isalnum() for c in _PICTURE_MARKUP.sub("", text_source(source, at, at)))


# "**[VOXEL CITY](https://…)**": a linked title, a pseudo-heading, not a caption.
_LINK_ONLY = lazy(r"[\s*_]*\[[^\]]*\]\([^)]*\)[\s*_]*")


def text_source(source: str, start: int, end: int) -> str:
    """The source lines of the block at ``start:end``."""
    a = source.rfind("\n", 0, start) + 1
    z = source.find("\n", end)
    return source[a : len(source) if z < 0 else z]


def _md_emphasis_whole(source: str, start: int, end: int) -> bool:
    """Are the lines of the block at ``start:end`` one run of bold or italics?"""
    return bool(_MD_EMPHASIS_WHOLE.fullmatch(text_source(source, start, end)))


_SMALL_BEFORE = lazy(r"<small\b[^<>]{0,100}>\s*<(?:em|i)\b[^<>]{0,100}>\s*$", re.I)
_EMPHASIS_BEFORE = lazy(r"<(?:em|i)\b[^<>]{0,100}>(?:\s*<(?!/)[a-z][^<>]{0,200}>){0,4}\s*$", re.I)
_EMPHASIS_AFTER = lazy(r"\s*(?:</(?:span|a|b|strong|font)>\s*){0,4}</(?:em|i)>", re.I)


def _wrapped_in_emphasis(source: str, start: int, end: int) -> bool:
    return bool(_EMPHASIS_BEFORE.search(source, max(0, start - 600), start)) and bool(
        _EMPHASIS_AFTER.match(source, end)
    )
