"""The images family's options and its ``images:`` config section."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from ...text.credits import DEFAULT_LICENCES, DEFAULT_SOURCES, DEFAULT_WEAK
from ..base import section


@dataclass(frozen=True)
class ImagesOptions:
    """Options of the images family (config section `images:`)."""

    # Words that are not a description when they are the whole alt text.
    generic_alt: tuple[str, ...] = (
        "image",
        "photo",
        "photograph",
        "picture",
        "img",
        "graphic",
        "screenshot",
        "pic",
        "thumbnail",
        "placeholder",
        "untitled",
        "alt",
        "alt text",
    )
    # The front-matter featured image: check its alt text / caption / credit? Turn caption
    # (and alt) on when the theme shows the featured image on the article page.
    frontmatter_alt: bool = False
    frontmatter_caption: bool = False
    frontmatter_credit: bool = True
    # Front-matter fields naming the featured image (a path, a site-data uid, a mapping
    # {src, alt, caption, credit} or a list whose first item is the featured image) ...
    featured_image_fields: tuple[str, ...] = (
        "image",
        "featured_image",
        "featured",
        "cover",
        "cover_image",
        "hero",
        "hero_image",
        "primary_image",
        "images",
    )
    # ... and the fields holding its alt text, caption and credit.
    featured_alt_fields: tuple[str, ...] = ("image_alt", "featured_image_alt", "cover_alt", "hero_alt")
    featured_caption_fields: tuple[str, ...] = (
        "image_caption",
        "image-caption",
        "image_figcaption",
        "featured_image_caption",
        "cover_caption",
        "caption",
    )
    featured_credit_fields: tuple[str, ...] = (
        "image_credit",
        "image-credit",
        "featured_image_credit",
        "cover_credit",
        "photo_credit",
        "credit",
        # the photographer's name in its own field ("photo: Amelia Ross"); a file path there
        # is a picture, not a credit
        "photographer",
        "photo_by",
        "photo",
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
    credit_exempt: tuple[str, ...] = (
        "screenshot",
        "screen shot",
        "screen capture",
        "screencapture",
        "screencap",
        "screen grab",
        "screengrab",
    )
    # Not editorial: images whose class (or file name) contains one of these words.
    non_editorial_classes: tuple[str, ...] = (
        "logo",
        "icon",
        "avatar",
        "gravatar",
        "emoji",
        "badge",
        "sprite",
        "spinner",
        "pixel",
        "tracking",
        "advert",
        "sponsor",
        "share",
        "social",
        "author",
        "profile-pic",
        "button",
        "btn",
        "related",
        "promo",
        "teaser",
        "newsletter",
        "placeholder",
    )
    # alt="" always marks a decorative image, even one with a caption or credit. Off: an
    # image the article captions or credits is editorial, and its empty alt is an omission
    # (WordPress writes alt="" when the alt field is left empty).
    empty_alt_decorative: bool = False
    # The site's own image tags, as the top-level `shortcodes:` (tag or included file name ->
    # {src, alt, caption, credit, title, class, uid: argument name or position, "a|b" for
    # either}), e.g. {figure.html: {src: image, alt: alt, caption: caption, credit: credit}}.
    shortcodes: dict[str, dict[str, str]] = field(default_factory=dict, hash=False, compare=False)
    # Not editorial: images declared smaller than this many pixels wide or high.
    min_size: int = 100
    # Do charts, graphs, maps and diagrams need a caption? (They always need a source.)
    chart_captions: bool = True
    # Which uncredited (uncaptioned) photos to report. "every-photo": every editorial photo
    # needs one (a newsroom credits staff photos too: "Photo: Jane Doe/The Ledger").
    # "as-the-article-does": only when the same article credits (captions) another image, so
    # the omission shows in the article itself; a company or personal blog does not credit its
    # own photos, and an article that credits none follows that convention. `edlint init`
    # writes "every-photo" for a site that credits (captions) most of its images.
    credit_policy: Literal["every-photo", "as-the-article-does"] = "as-the-article-does"
    # The same for captions: a blog that captions none of its pictures follows its house.
    caption_policy: Literal["every-photo", "as-the-article-does"] = "as-the-article-does"
    # Site data: the folder (relative to the config file's folder) holding one YAML file per
    # image, named by its uid, with `alt`, `caption` and `credit` fields.
    site_data_folder: str = "data/images"

    @classmethod
    def validate_config(cls, values: dict[str, Any]) -> list[tuple[str, str]]:
        """Unknown image fields in ``shortcodes`` (the config loader reports them)."""
        known = ("src", "alt", "caption", "credit", "title", "class", "uid")
        problems: list[tuple[str, str]] = []
        codes = values.get("shortcodes")
        for name, spec in codes.items() if isinstance(codes, dict) else ():
            for f in spec if isinstance(spec, dict) else ():
                if f not in known:
                    problems.append(
                        (f"unknown shortcode field {f!r} (one of {', '.join(known)})", f"shortcodes.{name}.{f}")
                    )
        return problems


SECTION = section("images", ImagesOptions, "Images: alt text, captions and credits")
