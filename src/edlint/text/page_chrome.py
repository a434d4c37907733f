"""Page chrome: the parts of a page that are not the article's text.

A cookie banner, the site's navigation, a footer, a sidebar of other stories: their words
and dates are the template's, not the writer's, so the spelling and date rules leave them
alone. Typed bios (``kind == "bio"``) are the bio rules' business and are not judged here.
"""

from __future__ import annotations

from typing import Any

from .patterns import lazy

# Structures whose text belongs to the site, not the article.
CHROME_CONTAINERS = frozenset({"nav", "footer", "aside"})
# Class names of page parts that are not the article (cookie and consent banners, share bars,
# related stories, newsletters, menus).
_CHROME_CLASS = lazy(
    r"(?i)(?:^|[-_ ])(?:nav|navbar|menu|breadcrumbs?|share|sharing|social|newsletter|subscribe|cookies?|"
    r"consent|gdpr|related|promo\w*|teasers?|sidebar|widget|comments?|skip[-_]link|trending|most[-_]read|"
    r"outbrain|taboola)(?:$|[-_ ])"
)
# A list of other stories: each item a headline and the first lines of the story, cut off
# ("NEW DELHI: All schools and colleges are now open ... It...").
_CUT_OFF = lazy(r"\w(?:\.\.\.|…)\s*$")
_TEASER_KINDS = frozenset({"list_item", "table_cell"})


def is_page_chrome(block: Any) -> bool:
    """Is ``block`` part of the page around the article (a footer, a sidebar, a banner)?
    A ``<footer>`` inside a blockquote is the quotation's source and stays."""
    container = getattr(block, "container", ()) or ()
    if "blockquote" not in container and any(c in CHROME_CONTAINERS for c in container):
        return True
    if any(_CHROME_CLASS.search(c) for c in getattr(block, "classes", ()) or ()):
        return True
    return is_teaser(block)


def is_teaser(block: Any) -> bool:
    """A list item that gives another story's opening and cuts it off with an ellipsis."""
    if getattr(block, "kind", "") not in _TEASER_KINDS or block.text is None:
        return False
    text = block.text.text
    return len(text) > 80 and text.count(" ") >= 12 and bool(_CUT_OFF.search(text))


def chrome_texts(doc: Any) -> frozenset[int]:
    """``id()`` of the text of every prose block of ``doc`` that is page chrome (computed once)."""
    return doc.view("page_chrome", _build)


def _build(doc: Any) -> frozenset[int]:
    return frozenset(id(b.text) for b in doc.prose if is_page_chrome(b))
