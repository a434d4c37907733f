"""image-caption: an editorial image with no caption, or a caption repeated."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...document import PARAGRAPH, Document, MappedText
from ...text.credits import NONE, CreditRecogniser
from ...text.patterns import lazy
from ...text.quoting import quoted
from ..base import Finding, Severity, rule
from .editorial import _emblem
from .expected import caption_expected, is_photograph
from .model import EMPHASIS_LINE, WRAPPER_LINE, Image, _credit_only, recogniser_for, shared_line_ids
from .options import SECTION, ImagesOptions
from .view import _CAPTION_CLASS, images_of


@rule(
    "image-caption",
    family="images",
    summary="An editorial image with no caption, or a caption repeated",
    severity=Severity.WARNING,
    section=SECTION,
    page_kinds=("article",),
)  # a story's pictures: not a reference or about page's figures, an author's headshot, a list's thumbnails
def image_caption(doc: Document, opts: ImagesOptions) -> Iterator[Finding]:
    """## What it does
    Reports an editorial image that has no caption, and a caption repeated word for word
    (under a second image, or as a stray paragraph after the caption — a common CMS or
    scraping artefact). A caption is a `<figcaption>` (in Markdown also one whose text is set
    off by blank lines inside the tag, which Markdown renders inside it), the Markdown image title
    (`![alt](src "caption")`), an emphasised line directly under the image, a shortcode's
    `caption=`, a caption- or credit-classed element right after an HTML image, a caption
    in site data, or (for the featured image) a front-matter caption field, or a "Cover
    image: …" line for the lead image, a line right after the image that prints its alt text
    (with or without its credit first: "© Jane Doe Detainees wait at …"), a short italic line
    in the block under the image (a blog's centred name line), a paragraph all in bold or
    italics under a line of pictures, a blank line between (the caption of each picture on
    the line; not a bold question or lead-in ending with a colon), and a gallery's line after a
    run of pictures ("Small Suns, installation views, photos © Studio"). Alt text is not a
    caption. Only stories are checked (article pages): a documentation, reference or about
    page's figures are not. The post's banner (its front-matter image shown again above its
    first words), the pictures of a gallery (three or more in a row with no text between)
    and a picture with nothing of its own right above a heading that is a person's name
    ("## Speaker: Hillary Hartley": their portrait) need no caption each. Logos, icons, avatars, tracking pixels (tiny, hidden, or served by an analytics
    host such as scorecardresearch.com), decorative (`alt=""` with no caption or credit, see
    image-alt), site-chrome images and teasers for other stories ("Next article") are
    skipped, and so is a picture the template marks as shown without a caption
    (`class="no-caption"`).

    A caption is expected under a photograph, not under a screenshot, a diagram, a drawing or
    another graphic the site made (said so by its alt text, caption or file name, or saved as
    PNG, GIF or SVG), an illustration in a list, a picture the paragraph before introduces
    ("looks like this:", "Some photographs of June 4th vigils past.") or the one after explains ("This screenshot shows …", "Hannah is
    holding the award for …", "Left to right: …", "This is a fast-growing tree …"), or an
    uncredited portrait of the person the text beside it names. In a site's own post
    (Markdown) the alt text, caption, credit or a camera's file name must show the picture is
    a photograph of people, an event or a place; on a saved news page every other editorial
    picture counts. A data chart needs its title and source (`chart_captions`), unless, in a
    site's post, the text introduces, explains or sources it. A caption repeated under a whole
    gallery is reported once; diagrams of one process may share a title, and shots of one
    subject whose alt texts say the same are labelled alike on purpose.

    In a site's post, a chart opening a section has the heading for its title, and one whose
    alt text says what it shows in a sentence ("A bar chart showing …") is the site's own,
    described chart; a chart on a news page
    needs no caption when its lead-in both presents it and names its source or makers. A
    picture inside a wrapper hidden from screen readers (`aria-hidden="true"`, its data given
    as a table) and an image a CDN renders a few pixels wide (a blurred stand-in or beacon)
    are not article images. Nor does a post's banner or title card (so named in its file
    name) need a caption, nor a scenery header above the post's first words ("San Diego
    skyline", with nobody and nothing happening in it).

    Nor does a picture the page already explains: the author's own portrait (alt text that is
    only her name, when the byline, author field or standfirst names her); a podcast's or
    series' own artwork (its file name or alt text says podcast or cover art, or the file is
    named for the title's series label: "Tennis Podcast: …" over `tennis-podcast.jpg`); a
    chart or page capture whose subject the paragraph before links to (the link is its
    source); a page named by its title ("The Every Kid in a Park homepage"); a site's map or
    chart of its own team after a paragraph in which it speaks as "we"; and, in a sponsored or
    personal post (a "#ad", "compensated by" or "opinions are my own" disclosure, or hashtag
    alt texts) that captions none of its pictures, a snapshot that the first-person paragraph
    beside it tells, or whose alt text names the post's own subject (the headline's words).

    Nor does a picture of the product the headline is about: on a review, deals or buying
    page, or a story about a car model or a device (the headline says so: "review", "sale",
    a price, "coupe", "EV", "4K" …), a picture whose alt text is the headline or that shares
    the product's name with it ("010_Clymer-2.jpg" under "Clymer workshop manual review"), with
    nobody in it and no news agency's credit; nor a product right above the heading that
    names it in a list. Nor the portrait of the person a Q&A or interview is with (the
    headline names him, the file name carries his name), nor, in a site's first-person post,
    a picture whose short alt text the paragraph just above already says ("At 9:30, I join
    the weekly all hands meeting" above "all hands meeting"), nor a poster or flyer ("Poster
    promoting the office hours"). A news photo on a news page has none of these signals and
    still needs its caption: people at an event, a photo by an agency, a photo whose alt
    text repeats a headline about people. In a site's post, a picture with no alt text counts as a photograph
    only as a JPEG (an extensionless import from a document or blog host shows nothing); a
    chart whose paragraph above gives its figures ("37% …, and 46% …") restates them; a chart
    in a post that is not in English is as its original has it; and a credited stock picture
    (Unsplash, Pexels, Pixabay) whose only caption is its credit sets a mood, with nobody to
    name.

    A plain line right under a picture is its caption when it reads as one (up to 20 words,
    one sentence, or one and its credit, naming what is shown rather than narrating: "View
    from the ground.", "Coolum Beach Holiday Park amenities block", "Left to right: …") and
    the article sets such lines under two or more pictures (one caption under a pair of
    pictures is the caption of both); such lines do not by themselves
    show that the house captions its pictures, and one short line under a single picture
    may be the next paragraph. A line of up to 45 words set between two pictures (or
    between a picture and the next heading or the article's end, when it is one sentence)
    is the first picture's cutline, even when it tells what happened ("Owen Barlow took home
    first place in the pie eating contest."); and in an article that captions its other
    pictures, a sentence under a picture that reads as a caption is one set in the wrong
    type, not a missing caption. In a list whose entries open on a heading or a bold name with
    a picture right under it ("**Capellini**", "## 3. Orecchiette"), the heading names the
    picture. A logo, poster or flyer named so by its file (`iqlogo.jpg`, `socnt-poster.jpg`)
    needs no caption.

    Also captioned: a line in small italics under an HTML image (`<small><em>…</em></small>`),
    a figcaption giving a title and then a labelled credit ("Survey Results. Credits: Dana
    Whitfield"), and two pictures side by side on one line under one caption. Needing none
    in a site's post: the post's title card or a section's banner (alt text that is the
    headline or the heading above), a picture under a label line that says what its alt text
    says ("March 20 - Vicki Moreno, Books Behind Bars"), a person's headshot the site keeps
    for someone its text names (its headshot class or people folder, alt text that is only
    the name), an animated GIF, and a plot right after the code listing that draws it.

    Which uncaptioned photos are reported follows the house (`caption_policy`). The default,
    `as-the-article-does`, reports a missing caption only when the same article captions
    another picture (in a site's post, a photograph: a captioned screenshot or chart says
    nothing of the house's own snapshots), so the omission shows in the article itself: a company or personal blog
    that captions none of its pictures follows its own convention (on sites nobody tuned the
    rule on, copy editors judged most findings in such posts wrong). `every-photo` reports
    every photo without one, a newsroom's rule; `edlint init` writes it for a site that
    captions most of its pictures.

    ## Why is this bad?
    Readers look at pictures before text; a caption tells them who, what, where and when.
    Without one, a photo can mislead. A repeated caption reads as an error.

    ## Example
    ```markdown
    ![Firefighters at the warehouse](fire.jpg)
    *Firefighters tackle the blaze at the Riverside warehouse on Tuesday. Photo: Jane Doe/AP*

    The fire started shortly after midnight.

    ![Neighbours watching from across the road](neighbours.jpg)
    ```

    Use instead:
    ```markdown
    ![Firefighters at the warehouse](fire.jpg)
    *Firefighters tackle the blaze at the Riverside warehouse on Tuesday. Photo: Jane Doe/AP*

    The fire started shortly after midnight.

    ![Neighbours watching from across the road](neighbours.jpg)
    *Neighbours watch from across Mill Road as the roof gives way. Photo: Jane Doe/AP*
    ```

    ## Options
    - `caption_policy`
    - `frontmatter_caption`
    - `featured_image_fields`
    - `featured_caption_fields`
    - `chart_captions`
    - `empty_alt_decorative`
    - `non_editorial_classes`
    - `min_size`
    - `site_data_folder`
    """
    images = images_of(doc, opts)
    if not images:
        return  # and no credit recogniser to build (a few ms, once per process)
    rec = recogniser_for(opts)
    # Does the article caption any image (the house's convention shows in the article)?
    described = [
        img
        for img in images
        if not img.skip
        and img.captions
        and not all(_credit_only(c.text, rec) or c.where == WRAPPER_LINE for c in img.captions)
    ]
    # A bold line under a picture may be a migrated post's pseudo-heading: such lines show
    # the house captions its pictures only when they sit under half of them or more.
    # In a site's own post, only a captioned photograph shows the house captions its photos:
    # a caption on a screenshot, a chart or a composite says nothing of its own snapshots.
    firm = [
        img
        for img in described
        if any(c.where != EMPHASIS_LINE for c in img.captions)
        and (doc.format == "html" or is_photograph(doc, img, opts))
    ]
    shown = [img for img in images if not img.skip]
    article_captions = bool(firm) or (len(described) >= 2 and 2 * len(described) >= len(shown))
    captions_any = opts.caption_policy == "every-photo" or article_captions
    # two portraits side by side in one figure share the caption under them
    beside_captioned = shared_line_ids(
        doc,
        [img for img in images if not img.skip],
        {id(img) for img in images if img.captions and not all(_credit_only(c.text, rec) for c in img.captions)},
    )
    # A list whose entries each open on a name and a picture under it: the heading names it.
    listed = sum(1 for img in shown if img.under_heading) >= 2
    # Plain lines under pictures are the article's captions when it sets one under two or
    # more of them: one short line after a single picture is as likely its next paragraph.
    plain_captions = sum(1 for img in shown if img.plain_caption) >= 2
    for img in images:
        if id(img) in beside_captioned:
            continue
        if img.origin == "text" or img.skip or _emblem(img):
            continue
        if img.captions and not all(_credit_only(c.text, rec) for c in img.captions):
            continue
        if (
            (plain_captions and img.plain_caption)
            # In an article that captions its other pictures, a sentence under this one that
            # reads as a caption is one set in the wrong type, not a missing caption (a bold
            # line with no full stop is the next section's pseudo-heading).
            or (
                firm
                and img.plain_caption == img.cutline
                and img.cutline.rstrip(" *_").endswith((".", "!", "\u201d", '"'))
            )
            or (listed and img.under_heading)
            or _GRAPHIC_FILE.search(_file_name(img.src))
        ):
            continue
        if not captions_any:
            break  # "as-the-article-does": an article that captions no image follows its house
        if img.decorative or "caption" in img.unknown:
            continue
        if img.featured and not opts.frontmatter_caption:
            continue
        if not caption_expected(doc, img, opts, article_captions=article_captions):
            continue
        what = "Featured image" if img.featured else "Image"
        if img.captions or img.credits:
            yield Finding(img.span, f"{what}{img.label()} has a credit but no caption")
        else:
            yield Finding(img.span, f"{what}{img.label()} has no caption")
    yield from _repeated_captions(doc, images, opts)


# A logo, poster or flyer, as its file name says ("iqlogo.jpg", "socnt-poster.jpg"): a
# graphic, not a photograph to caption.
_GRAPHIC_FILE = lazy(r"logo|poster|flyer|infographic|[-_ ]badge|[-_ ]crest|emblem", re.I)


def _file_name(src: str) -> str:
    return src.split("?")[0].rstrip("/").rsplit("/", 1)[-1]


def _caption_key(text: str, rec: CreditRecogniser) -> str:
    """The words of a caption without its credit; empty when too short to compare."""
    from ...text.normalize import word_key

    r = rec.classify(text)
    if r.kind != NONE and r.end > r.start:
        text = text[: r.start] + " " + text[r.end :]
    key = word_key(text)
    return key if len(key.split()) >= 4 else ""


def _one_subject(a: Image, b: Image) -> bool:
    """Two shots of one subject labelled alike on purpose: their alt texts say the same as
    well ("Arches outside Union Station" under three frames). A caption copied under a
    picture whose alt text describes something else is the slip."""
    from ...text.normalize import word_key

    return bool(a.alt and b.alt) and word_key(a.alt or "") == word_key(b.alt or "")


def _repeated_captions(doc: Document, images: list[Image], opts: ImagesOptions) -> Iterator[Finding]:
    """A caption under a second image, or pasted again as a paragraph after the caption.

    Caption variants a template prints for different screens ("caption-full" and
    "caption-truncated") are not repeats: only paragraphs without a caption class count,
    and a copy in a later paragraph is reported once (later copies are duplicate-paragraph's).
    """
    from ...text.normalize import word_key

    rec = recogniser_for(opts)
    # (offset, image index, text, key): captions of editorial images, keyed without credit.
    captions: list[tuple[int, int, MappedText, str]] = []
    owned: set[int] = set()
    for i, img in enumerate(images):
        if img.skip or img.featured or (img.origin == "text" and not img.captions):
            continue
        if not is_photograph(doc, img, opts):
            continue  # a series of diagrams or screenshots may share one title
        for part in img.captions:
            if part.mapped is not None and id(part.mapped) not in owned:
                owned.add(id(part.mapped))
                key = _caption_key(part.text, rec)
                if key:
                    captions.append((part.mapped.span.start, i, part.mapped, key))
    if not captions:
        return
    captions.sort(key=lambda e: e[0])
    # key -> the first caption's (offset, image index), and the later copies under other images
    first: dict[str, tuple[int, int]] = {}
    last_owner: dict[str, int] = {}  # key -> the image that carried it last
    # (shots of one subject in a row, labelled alike, are no copy: see _one_subject)
    copies: dict[str, list[MappedText]] = {}
    for start, owner, text, key in captions:
        seen = first.get(key)
        if seen is None:
            first[key] = (start, owner)
        elif seen[1] != owner and not _one_subject(images[last_owner[key]], images[owner]):
            copies.setdefault(key, []).append(text)
        last_owner[key] = owner
    for key, texts in copies.items():
        # Reported once: a gallery whose every picture carries the event's name is one slip.
        line, _ = doc.lines.position(first[key][0])
        n = len(texts) - 1
        more = f" (and under {n} more image{'s' if n > 1 else ''})" if n else ""
        yield Finding(texts[0].span, f"Caption {_quote(texts[0].text)} repeats the caption on line {line}{more}")
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
    return quoted(t)
