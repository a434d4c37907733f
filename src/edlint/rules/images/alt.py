"""image-alt: an image with no alt text, or alt text that is a file name or a generic word."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...document import Document
from ...text.quoting import quoted
from ..base import Finding, Severity, rule
from .model import Image
from .options import SECTION, ImagesOptions
from .view import images_of

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
        return f"Image alt text {quoted(text)} is a file name, not a description"
    if text.lower().rstrip(".") in opts.generic_alt:
        return f"Image alt text {quoted(text)} does not describe the image"
    words = re.findall(r"[a-z]+", text.lower())
    if words and len(words) <= 5 and set(words) <= _TEMPLATE_WORDS and not set(words).isdisjoint(_PICTURE_NOUNS):
        # a template's placeholder: "Article Main Picture", "Featured image", "Blog post header image"
        return f"Image alt text {quoted(text)} does not describe the image"
    return None


_PICTURE_NOUNS = frozenset("image images photo photos photograph picture pic img graphic thumbnail".split())
_TEMPLATE_WORDS = _PICTURE_NOUNS | frozenset(
    "article main story featured feature header hero lead post blog news top banner default inline body content "
    "page cover the a an of for this".split()
)


@rule(
    "image-alt",
    family="images",
    summary="An image with no alt text, or alt text that is a file name",
    severity=Severity.WARNING,
    section=SECTION,
)
def image_alt(doc: Document, opts: ImagesOptions) -> Iterator[Finding]:
    """## What it does
    Reports an image with no alt text, with alt text that is really a file name
    (`IMG_0423.jpg`, `600-x-125-api-ux-syntax`), or with a word such as "image" or "photo"
    alone. In HTML (and in a shortcode), `alt=""` marks a decorative image and is fine,
    unless the article captions or credits the image: a captioned picture is editorial, and
    its empty alt was left empty (the WordPress block editor writes `alt=""` when nobody
    fills in the alt field). Sites that do mark captioned pictures decorative set
    `empty_alt_decorative`; the caption and credit rules follow the same decision. Markdown
    has no way to say "decorative", so `![](photo.jpg)` is an image missing its alt text.
    Alt text kept in site data (`data/images/<uid>.yml`) counts, and so does the caption of
    Hugo's own `{{< figure >}}`, which Hugo writes as the alt text when none is given
    (unless the caption is only a credit). Images that are not editorial (logos, icons,
    including an icon set's files named with their size such as `App_People_32.png`,
    avatars, tracking pixels, site chrome) are skipped.

    Every image form is read: Markdown, `<img>`/`<figure>`/`<picture>` (lazy `data-src`
    too), static-site tags such as Hugo `{{< figure >}}`/`{{< img >}}`, Jekyll
    `{% include figure.html image="…" alt="…" caption="…" %}` and Eleventy
    `{% image "src", "alt" %}` (which tag argument is src, alt, caption or credit is set by
    `shortcodes:`, top level or in `images:`; for a Jekyll site's own include it is read from
    the template in `_includes/`: `{% include image.html filename=… caption=… %}` whose
    template writes `alt="{{ include.caption }}"` has its caption as alt text), and the
    front-matter featured image. A value
    that is a template variable (`image=page.image`, `{{ include.alt }}`) is not checked.

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
    - `empty_alt_decorative`
    - `shortcodes`
    - `frontmatter_alt`
    - `featured_image_fields`
    - `featured_alt_fields`
    - `non_editorial_classes`
    - `min_size`
    - `site_data_folder`
    """
    for img in images_of(doc, opts):
        if img.origin == "text" or img.skip or img.decorative or "alt" in img.unknown:
            continue
        if img.featured and not opts.frontmatter_alt:
            continue
        if img.alt is None or not img.alt.strip():
            if img.alt is None and _hugo_figure_alt_from_caption(img, opts):
                continue  # Hugo's own figure writes its caption as the alt text
            yield Finding(img.span, _missing_alt(img))
            continue
        problem = alt_problem(img.alt, opts)
        if problem:
            yield Finding(img.alt_span or img.span, problem)


def _hugo_figure_alt_from_caption(img: Image, opts: ImagesOptions) -> bool:
    """Hugo's built-in ``{{< figure >}}`` renders its caption as the alt text when no alt is
    given; a caption that describes the picture is its text alternative then (one that is
    only a credit, "Author: Jane Doe, License: CC0", describes nothing)."""
    block = img.block
    if block is None or block.attrs.get("shortcode") != "figure" or block.attrs.get("liquid", True):
        return False
    # (its `title` is a heading over the caption, never the alt text)
    captions = [c for c in img.captions if c.where != "title"]
    if not captions:
        return False
    from .model import _credit_only, recogniser_for

    return not any(_credit_only(c.text, recogniser_for(opts)) for c in captions)


def _missing_alt(img: Image) -> str:
    if img.empty_alt:
        what = "a caption" if img.captions else "a credit"
        return f'Image{img.label()} has an empty alt (alt="") but {what}: an editorial image needs a description'
    if img.featured:
        return f"Featured image{img.label()} has no alt text"
    if img.uid:
        return f"Image{img.label()} has no alt text (none in its site data either)"
    return f"Image{img.label()} has no alt text"
