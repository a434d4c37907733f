"""Image rules: alt text (more of the family lands with the images issue)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

from ..document import Document, ImageBlock
from .base import Finding, Severity, rule, section


@dataclass(frozen=True)
class ImagesOptions:
    # Words that are not a description when they are the whole alt text.
    generic_alt: tuple[str, ...] = (
        "image", "photo", "photograph", "picture", "img", "graphic", "screenshot", "pic",
        "thumbnail", "placeholder", "untitled", "alt", "alt text",
    )
    # Check the featured image named in front matter (`image` + `image_alt`)?
    frontmatter_alt: bool = False


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


@rule("image-alt", family="images", summary="An image with no alt text, or alt text that is a file name",
      severity=Severity.WARNING, section=SECTION)
def image_alt(doc: Document, opts: ImagesOptions) -> Iterator[Finding]:
    """## What it does
    Reports an image with no alt text, with alt text that is really a file name
    (`IMG_0423.jpg`, `600-x-125-api-ux-syntax`), or with a word such as "image" or "photo"
    alone. In HTML, `alt=""` marks a decorative image and is fine; Markdown has no way to say
    "decorative", so `![](photo.jpg)` is an image missing its alt text.

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
    """
    for image in doc.images:
        if image.origin == "text" or image.decorative:
            continue
        if image.origin == "frontmatter" and not opts.frontmatter_alt:
            continue
        if image.alt is None or not image.alt.strip():
            yield Finding(image.span, _missing(image))
            continue
        problem = alt_problem(image.alt, opts)
        if problem:
            yield Finding(image.alt_span or image.span, problem)


def _missing(image: ImageBlock) -> str:
    src = f" ({image.src})" if image.src else ""
    if image.origin == "frontmatter":
        return f"Featured image{src} has no alt text (image_alt)"
    return f"Image{src} has no alt text"
