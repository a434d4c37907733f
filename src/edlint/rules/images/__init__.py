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

from .alt import alt_problem, image_alt
from .caption import image_caption
from .credit import image_credit
from .editorial import default_in_file_name
from .includes import load_image_includes
from .model import Image, TextPart, recogniser_for
from .options import SECTION, ImagesOptions
from .sitedata import load_image_data
from .view import images_of

__all__ = [
    "SECTION",
    "Image",
    "ImagesOptions",
    "TextPart",
    "alt_problem",
    "default_in_file_name",
    "image_alt",
    "image_caption",
    "image_credit",
    "images_of",
    "load_image_data",
    "load_image_includes",
    "recogniser_for",
]

# The rules this family registers (the registry reads this tuple; a rule not listed here
# is not run). Order: the order the rules were written in.
RULES = (image_alt, image_caption, image_credit)
