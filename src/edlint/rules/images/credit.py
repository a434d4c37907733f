"""image-credit: an editorial image whose caption or credit names no photographer or source."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...document import Document
from ...text.credits import CREDIT, LICENCE, NONE, WEAK, CreditResult, titled_work
from ...text.patterns import lazy
from ...text.quoting import quoted
from ..base import Finding, Severity, rule
from .editorial import _emblem, _exempt_from_credit
from .expected import (
    chart_credited_by_text,
    code_output,
    headshot,
    is_data_chart,
    photo_evidence,
    said_to_be_a_screen,
    site_banner,
)
from .explained import series_art
from .model import Image, TextPart, _short, recogniser_for, shared_line_ids
from .options import SECTION, ImagesOptions
from .view import images_of


@rule(
    "image-credit",
    family="images",
    summary="An editorial image whose caption or credit names no photographer or source",
    severity=Severity.WARNING,
    section=SECTION,
    page_kinds=("article", "page"),
)  # not a headshot on an author page, a list's thumbnails
def image_credit(doc: Document, opts: ImagesOptions) -> Iterator[Finding]:
    """## What it does
    Reports an editorial image whose caption and credit name no creator or source. These
    count as credits: "Photo: Name/Agency", "Photo by …", "Image Credit: …", "Credit: …",
    "Courtesy of …", "(AP)", "(Reuters)", "(Name/Agency)", agency names such as "Getty
    Images" anywhere in the caption, "© Name", "Source: …" (charts and maps), "Author: …"
    (a wiki's media credit), a caption's closing "- via dsimic" or "images via postmarketOS",
    a linked "(picture source)", a credit span
    (`<span class="credit">`, `<cite>`), Hugo `attr=`, a front-matter `image_credit`, the
    credit field of site data, the maker named in the caption's sentence ("artist's impression
    of the pier by Studio Marlow", "The artist is Keith's son Matthew Miller."), a social account
    and its platform ("@averageguy_art via Twitter"), an agency in capitals with its picture
    word closing the caption ("EYEPRESS Photo"), the collection or book a picture comes from
    closing its caption ("…, from Museum of London.", "…, from the collection of the State
    Library of Victoria", "a drawing published in Stan Hugill's Sailortown"), a web site after
    a credit label ("Photo: web.archive.org"), and a gallery caption that is a work's title and its maker
    ("Tide Lanterns by Studio Varga": the artist or studio is the picture's source; not
    "Boats moored by Tower Bridge"; in a gallery captioned so, a maker styled in lower case
    counts too), and one credit line for a run of pictures ("installation views, photos ©
    Studio", "Images courtesy of the museum": a plural picture word with its credit), which
    credits each picture back to the last one with its own caption or credit. A labelled
    credit line under two pictures in a row ("Image credit: Northern brown bandicoot on a
    log at Curramore, Land for Wildlife.") credits both; a plural credit closing a caption
    ("… on Monday. PHOTOS / Supplied", "Photos: Bevan Conley.") covers the story's pictures
    that have no credit of their own; a photographer named in a front-matter `photo:`,
    `photographer:` or `photo_by:` field credits the featured image (a file path there is
    the picture itself, not a credit); in a BBC page pasted as text, an "Image source, …"
    line credits the picture whose "Image caption, …" line follows it. Three weaker
    cases are reported differently:

    - a licence alone ("CC BY-SA 4.0", "Creative Commons", "public domain") is not a credit:
      a warning, since CC licences themselves require naming the author;
    - "File photo", "Handout", "Supplied" are weak credits (also "Family handout": whose
      handout it was names no one): reported as `info`;
    - a credit found only in the file name (`…-istock-452236277.jpg`) or only in the alt
      text is not visible to readers: reported as `info`, saying where it was found.

    Screenshots and pages shown on a screen (the alt text, caption or file name says
    "screenshot", "screen capture", "the … homepage", "… rendered in Firefox", "the app's main
    screen", a page's address, tweets or e-mails as shown, a wireframe; see `credit_exempt`),
    drawings of a concept (a flowchart, a Venn or process diagram, a word cloud) and SVG
    drawings, logos and seals named as such (also when a description follows: "Fairhaven
    Transit's new logo, a green wave over the letters FT"; "the town seal"), icons, avatars, tracking pixels (tiny, hidden, or
    served by an analytics host), decorative (see image-alt), site-chrome images and teasers
    for other stories ("Next article") are skipped, and so is a podcast's or series' own artwork
    (see image-caption) and a featured image the front
    matter keeps off the page (`hero: false`). Charts and maps are not exempt: they need a
    source, unless the paragraph that introduces them gives it ("according to …", "data
    from …") or says the writers made the chart themselves or that it only illustrates
    ("we visualise this as …", "a chart that looks something like this:", "To create the chart,
    we …"); a picture nothing describes that the paragraph before presents as a chart or data
    ("The following chart summarizes …", "Here's the latest data on … from …") is such a
    chart. Nor is a stock
    photo of a screen.

    A licence followed by whom it names ("CC-BY American Red Cross", "CC BY-SA elyob") is a
    credit: the attribution the licence asks for. One line crediting a post's photos together
    ("Photos taken by Kiri from Lenswork", "All photos: Jane Doe") credits every picture in
    it, and a "Cover image from …" line credits the post's featured image. A person's headshot
    the site keeps for someone its text names and a plot right after the code that draws it
    need no credit.

    Which uncredited photos are reported follows the house's convention (`credit_policy`):
    `as-the-article-does` (the default) reports one only when the same article credits
    photograph (in a site's post; crediting an outside graphic says nothing of the house's
    own photos), so the omission shows in the article itself (a company, theatre or
    personal blog does not credit its own photos, and an article that credits none follows
    that convention); `every-photo` reports every one (a newsroom credits staff photos too:
    "Photo: Jane Doe/The Ledger"). In a site's post that credits under a third of its
    photographs, the credited ones are outside pictures it was given ("image via
    postmarketOS") and the rest are the house's own: none is reported (a picture credited in
    a photographer's form, "Ruth Barnes/Dale Courier", counts as one of its photographs). `edlint init` writes
    `every-photo` for a site that credits most of its images. Licences and weak credits are reported under either policy.

    The convention is about photographs: in a site's own post (Markdown)
    `as-the-article-does` holds a picture to it only when something shows it is a photograph
    (alt text, caption or URL-decoded file name saying "photo", "portrait", "pictured" or
    naming people, an event or a place, or a person by name doing something: "Linda Ferreira
    shows how high the water rose"; a camera's file name; an undescribed JPEG) and nothing
    says it is a screenshot, tweet, e-mail, plot, logo or graphic (nor is it a PNG, GIF or
    SVG); a banner, a sign, a screen or a panel may be in the street, so those words decide
    nothing by themselves ("Two women carry a banner past the entrance" is a photograph). A
    chart still needs its source. A credit line under pictures set side by
    side on one line ("Photo courtesy of A and B") credits each of them; a featured header
    that the post repeats as its opening picture, credited there ("Photo by …"), is
    credited; and a writer's statement that the plots are theirs ("Here are the comparative
    plots I generated") covers every chart of the section after it.

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
    - `credit_policy`
    - `frontmatter_credit`
    - `featured_image_fields`
    - `featured_credit_fields`
    - `credit_patterns`
    - `credit_sources`
    - `licence_words`
    - `weak_credits`
    - `credit_exempt`
    - `empty_alt_decorative`
    - `non_editorial_classes`
    - `min_size`
    - `site_data_folder`
    """
    if not doc.is_english:
        return  # the credit words it knows are English ("Photo by", "Courtesy of" ...)
    images = images_of(doc, opts)
    if not images:
        return
    rec = recogniser_for(opts)
    rank = {NONE: 0, LICENCE: 1, WEAK: 2, CREDIT: 3}
    # (image, its best visible credit and where): the images a credit is expected under.
    checked: list[tuple[Image, tuple[CreditResult, TextPart] | None]] = []
    credits_any = False  # does the article credit any image (the house's convention shows)?
    photographers = 0  # pictures credited in a photographer's form ("Mara Quinn/Herald-Star")
    photos = credited_photos = 0  # in a site's post: its photographs, and those it credits
    for img in images:
        if img.skip:
            continue
        best: tuple[CreditResult, TextPart] | None = None
        for parts, whole in ((img.credits, True), (img.captions, False)):
            for part in parts:
                r = rec.classify(part.text, whole=whole)
                if best is None or rank[r.kind] > rank[best[0].kind]:
                    best = (r, part)
        # In a site's own post, only a credited photograph shows a photo-credit convention:
        # crediting an outside graphic ("Image: Yaron Minsky") says nothing of the house's
        # own photos.
        by_photographer = best is not None and best[0].kind == CREDIT and _photographer_credit(best[1].text)
        credits_any = credits_any or (
            best is not None
            and best[0].kind != NONE
            and (doc.format == "html" or by_photographer or photo_evidence(img))
        )
        photographers += by_photographer
        # (a photographer's credit, "Neil Pritchard/Vale Gazette", shows a photograph too)
        if doc.format != "html" and not img.featured and (photo_evidence(img) or by_photographer):
            photos += 1
            credited_photos += best is not None and best[0].kind == CREDIT
        if _emblem(img) or img.decorative or "credit" in img.unknown or "caption" in img.unknown:
            continue
        if img.featured and not opts.frontmatter_credit:
            continue
        if (
            _exempt_from_credit(img, opts)
            or chart_credited_by_text(doc, img)
            or site_banner(img)
            or series_art(doc, img)
            or headshot(img)
            or code_output(doc, img)
        ):
            continue
        checked.append((img, best))
    # A gallery captioned "Title by Maker" (the house's form for works): a sibling whose maker
    # is styled in lower case ("Parabolic Lightcloud by amigo & amigo") follows the same form.
    works_gallery = sum(1 for img, _ in checked if any(titled_work(c.text) for c in img.captions)) >= 2
    credited_by_neighbour = _credited_on_shared_line(doc, checked) | _featured_repeated_in_body(doc, images, rec)
    if _credits_every_photo(doc, rec):
        return  # "Photos taken by Ajay from Fotoholics": one line credits all the post's pictures
    # "… at the weekend. PHOTOS / Supplied" closing the lead picture's caption: a plural
    # credit for the story's pictures, the others included.
    plural_credit = _plural_credit_line(doc, rec)
    if doc.format != "html" and credits_any and credited_photos * 3 < photos:
        # A site's post that credits under a third of its photographs: the credited ones
        # came from outside ("image via postmarketOS"), the rest are the house's own, which
        # it does not credit. A newsroom that credits its own photos too says `every-photo`.
        credits_any = False
    for img, best in checked:
        if best is not None and best[0].kind == CREDIT:
            continue
        if id(img) in credited_by_neighbour:
            continue
        if plural_credit and (best is None or best[0].kind == NONE):
            continue
        if works_gallery and any(titled_work(c.text, any_case=True) for c in img.captions):
            continue
        what = "Featured image" if img.featured else "Image"
        if best is not None and best[0].kind == WEAK:
            r, part = best
            yield Finding(
                part.locate(r.start, r.end),
                f"Weak image credit {quoted(r.value)}: name the photographer or agency",
                severity=Severity.INFO,
            )
            continue
        if best is not None and best[0].kind == LICENCE:
            r, part = best
            yield Finding(
                part.locate(r.start, r.end),
                f"Image credit {quoted(r.value)} is only a licence, not a credit: name the author "
                "(Creative Commons licences require it)",
            )
            continue
        in_name = rec.in_file_name(img.src)
        if in_name:
            yield Finding(
                img.span,
                f"{what} credit appears only in the file name ({quoted(_short(in_name, 70))}), "
                "which readers never see: add it to the caption or a credit line",
                severity=Severity.INFO,
            )
            continue
        if img.alt:
            r = rec.classify(img.alt, explicit=True)
            if r.kind == CREDIT:
                yield Finding(
                    img.alt_span or img.span,
                    f"{what} credit {quoted(r.value)} appears only in the alt text, which most readers "
                    "never see: add it to the caption or a credit line",
                    severity=Severity.INFO,
                )
                continue
        if opts.credit_policy == "as-the-article-does" and not credits_any:
            continue  # the article credits no image: the publisher's own photos, by its convention
        if opts.credit_policy == "as-the-article-does" and doc.format != "html" and _own_snapshot(img):
            continue  # the writer's own snapshot, straight from their camera, in a post crediting others' photos
        if (
            opts.credit_policy == "as-the-article-does"
            and not _held_to_photo_convention(doc, img)
            # a post whose every other picture is credited to its photographer ("Mara
            # Quinn/Herald-Star") holds the one left to it, unless it is a screen or a drawing
            and not (photographers >= 2 and photographers == len(checked) - 1 and not said_to_be_a_screen(img))
        ):
            continue  # a site's own screen, e-mail, plot or card: a photo-credit convention is about photographs
        yield Finding(img.span, f"{what}{img.label()} has no credit naming the photographer or source")


# A credit in a photographer's form: "Neil Pritchard/Vale Gazette", "Photo: …", "Photograph
# by …": whatever the picture shows, the house credits its photographs.
_PHOTOGRAPHER_FORM = lazy(
    r"[a-z]\s?/\s?[A-Z]|\b(?i:photo(?:graph)?s?(?:\s+by\b|\s*:|\s+/)|photographers?\b|photographed\s+by\b)"
)


def _photographer_credit(value: str) -> bool:
    return bool(_PHOTOGRAPHER_FORM.search(value or ""))


def _own_snapshot(img: Image) -> bool:
    """A photo under the name the writer's camera or phone gave it (``IMG_8478.jpg``): the
    site's own picture, uploaded as taken. Pictures from elsewhere come under other names."""
    from .expected import camera_file

    return camera_file(img.src or "")


def _held_to_photo_convention(doc: Document, img: Image) -> bool:
    """Whether the article's own credits make this picture's missing one an omission: on a
    saved news page every editorial picture, and a chart (it needs its data source) anywhere;
    in a site's own post only a picture something shows to be a photograph."""
    return doc.format == "html" or is_data_chart(img) or photo_evidence(img)


# A line crediting the post's pictures together: "Photos taken by Ajay from Fotoholics",
# "All photos: Jane Doe", "Images courtesy of the city archive".
_ALL_PICTURES = lazy(
    r"[\s*_]*(?:all\s+)?(?:photo(?:graph)?s|images|pictures)\s+(?:in\s+this\s+(?:post|article|story)\s+)?"
    r"(?:(?:taken|shot|made|provided|supplied)\s+)?(?:by\b|courtesy\b|credit|©|:)",
    re.I,
)


def _credits_every_photo(doc: Document, rec) -> bool:
    for b in doc.blocks:
        if b.text is not None and len(b.text.text) <= 200 and _ALL_PICTURES.match(b.text.text):
            if rec.classify(b.text.text, whole=True).kind == CREDIT:
                return True
    return False


_PLURAL_CREDIT_END = lazy(r"\b(?:photo(?:graph)?s|pictures|images)\s*(?:/|:|by\b)\s*[^.!?]{2,60}[.!?]?[\s*_]*$", re.I)


def _plural_credit_line(doc: Document, rec) -> bool:
    """A caption or credit line that ends on a plural credit ("PHOTOS / Supplied",
    "Photos: Bevan Conley."), the story's pictures credited at once."""
    for b in doc.blocks:
        if b.text is None or len(b.text.text) > 400:
            continue
        m = _PLURAL_CREDIT_END.search(b.text.text)
        if m is not None and rec.classify(b.text.text[m.start() :], whole=True).kind in (CREDIT, WEAK):
            return True
    return False


def _credited_on_shared_line(
    doc: Document, checked: list[tuple[Image, tuple[CreditResult, TextPart] | None]]
) -> set[int]:
    """Pictures set side by side on one source line share the credit under the last of them
    ("Photo courtesy of @a and @b" under two photos): the ids of the uncredited ones."""
    return shared_line_ids(
        doc,
        [img for img, _ in checked],
        {id(img) for img, best in checked if best is not None and best[0].kind == CREDIT},
    )


def _featured_repeated_in_body(doc: Document, images: list[Image], rec) -> set[int]:
    """A featured header whose photo the post repeats as its first picture, credited there
    ("Photo by … on Unsplash" under the same cupcakes a few lines down): the page credits it.
    Only in a site's own post, and only when that first body picture opens the post (before
    any heading, within its first three paragraphs) and its credit names a photographer
    ("Photo by")."""
    if doc.format == "html":
        return set()
    featured = [img for img in images if img.featured and not img.skip]
    body = [img for img in images if not img.featured and not img.skip and img.block is not None]
    if not featured or not body:
        return set()
    first = body[0]
    headings_before = sum(
        1
        for b in doc.blocks
        if b.kind == "heading" and b.span.end <= first.block.span.start  # type: ignore[union-attr]
    )
    prose_before = sum(
        1
        for b in doc.blocks
        if b.kind not in ("heading", "image", "caption") and b.text is not None and b.span.end <= first.block.span.start  # type: ignore[union-attr]
    )
    if headings_before or prose_before > 3:
        return set()
    if not any(
        rec.classify(p.text, whole=w).kind == CREDIT and _PHOTO_BY.search(p.text)
        for ps, w in ((first.credits, True), (first.captions, False))
        for p in ps
    ):
        return set()
    return {id(img) for img in featured if not img.credits and not img.captions}


_PHOTO_BY = lazy(r"\bphoto(?:graph)?\s+(?:by|courtesy|credit)\b|\bphoto\s*:", re.I)
