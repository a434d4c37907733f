"""Pictures of the thing a product story is about: a review's product shot, a carmaker's
press photo on a story about that car, a deals post's product, a product in a list under
its own heading. The headline (or the heading) already says what the picture shows, so a
caption would only repeat it.

The signal that tells them from a news photo is the page and the picture together: the
headline is about a product (a review, a deal, a price, a car body style, a screen
resolution), the picture names the headline's subject (its alt text is the headline, or it
shares the product's name or model number with it), nobody is in it (no people, no one
doing anything), and no news agency took it. A news photo of people at an event, on any
page, has none of these and still needs its caption.
"""

from __future__ import annotations

import re

from ...document import Document
from ...text.patterns import lazy
from .model import Image

# Headlines of product journalism: reviews, deals and prices, buying lists, car models, specs.
_PRODUCT_HEADLINE = lazy(
    # a review by its headline's form ("X review", "X review: …", "Review: X"), not "a review of policing"
    r"\breview(?:ed)?\s*(?::|$)|^review\s*:|\b(?:hands-on|unboxing|first\s+(?:drive|look|impressions)|test\s+drive)\b"
    r"|\b(?:best|top|biggest)\s+(?:[\w-]+\s+){0,3}(?:deals|gadgets|gifts|buys)\b|\bdeals\s+(?:on|for)\b"
    r"|\bdeal\s+of\s+the\s+(?:day|week)\b|\b(?:black\s+friday|cyber\s+monday|prime\s+day)\b"
    r"|\b(?:buying|gift)\s+guide\b|\bspecs\b|\b(?:from|for|under|save)\s+[$£€]\s?\d|[$£€]\s?\d+\s+off\b"
    r"|\b(?:convertible|coupe|sedan|saloon|hatchback|suv|crossover|roadster|supercar|hypercar|wagon|estate\s+car"
    r"|minivan|ev|evs|electric\s+car|4k|1080p|1440p|smartphone|laptop|tablet|console|headphones|earbuds"
    r"|workshop\s+manual)\b",
    re.I,
)
# Someone in the picture, or someone doing something: then it is a news photo.
_PEOPLE = lazy(
    r"\b(?:people|person|man|men|woman|women|boys?|girls?|child(?:ren)?|kids?|crowds?|fans|team|staff|workers"
    r"|famil(?:y|ies)|residents|volunteers|students|patients|players|athletes|runners|riders|cyclists|soldiers"
    r"|troops|firefighters|rescuers|leaders?|mayor|governor|senator|councill?ors?|judge|suspects?|victims?"
    r"|visitors|protesters|officials|police|ceo|chief|executive|president|minister|founder|designer|engineer"
    r"|driver|owner|customers|shoppers|attendees|spokes(?:man|woman|person)|he|she|they|his|her|their"
    r"|attends?|speaks?|speaking|poses?|posing|presents|presenting|unveils|unveiling|holds?|holding|stands?"
    r"|standing|sits?|sitting|walks?|walking|waves?|waving|shows\s+off|launches|queue|queues|gather(?:ed|s)?)\b",
    re.I,
)
_AGENCY = lazy(
    r"\b(?:getty|reuters|associated\s+press|ap\s+photo|afp|epa|pa\s+(?:wire|media)|pool|shutterstock|alamy|rex"
    r"|zuma|nurphoto|sopa|anadolu|xinhua|wenn|backgrid|imagn|corbis|bloomberg)\b",
    re.I,
)
_TOKEN = lazy(r"[A-Za-z0-9]+(?:[-.][A-Za-z0-9]+)*")
_SMALL = frozenset(
    "the and for with from that this your you are was were has have will its our their new best more most how why "
    "what when who which into over than image photo picture img jpg jpeg png webp review reviews sale".split()
)


_SITE_SUFFIX = lazy(r"\s+[|–—-]\s+[^|–—]{1,40}$")


def headline_of(title: str) -> str:
    """The headline without the site's name a page title ends with ("… | ZDNet")."""
    return _SITE_SUFFIX.sub("", " ".join(title.split()), count=1)


def _distinctive(headline: str) -> set[str]:
    """Name-like words of a headline, lower-cased: a model number ("LC500", "2020"), a brand or
    product name written with a capital ("Clymer", "MacBook")."""
    out = set()
    for i, m in enumerate(_TOKEN.finditer(headline)):
        w = m.group(0)
        low = w.lower()
        if low in _SMALL or (len(low) < 3 and not any(c.isdigit() for c in low)):
            continue
        if (
            any(c.isdigit() for c in w)
            or (w[0].isupper() and (i > 0 or len(w) >= 4))
            or any(c.isupper() for c in w[1:])
        ):
            out.add(low)
    return out


def _words(text: str) -> set[str]:
    words = set()
    for w in re.split(r"[^A-Za-z0-9]+", text.lower()):
        if w:
            words.add(w)
    return words


def _file_words(src: str) -> str:
    return src.split("?", 1)[0].split("#", 1)[0].rsplit("/", 1)[-1].rsplit(".", 1)[0]


def _names_subject(headline: str, img: Image) -> bool:
    """The picture's alt text is the headline, or its alt text or file name shares a name-like
    word of the headline ("010_Clymer-2" under "Clymer workshop manual review")."""
    alt = " ".join(re.split(r"[^a-z0-9]+", (img.alt or "").lower())).strip()
    head = headline_of(headline)
    key = " ".join(re.split(r"[^a-z0-9]+", head.lower())).strip()
    if len(alt.split()) >= 3 and (alt in key or key in alt):
        return True  # the CMS filled the alt text with the headline
    keys = _distinctive(head)
    if not keys:
        return False
    words = _words(alt) | _words(_file_words(img.src))
    # a name glued to other words in a file name: "12-inch-macbook-2017", "WCCFstadia7"
    glued = re.sub(r"[^a-z0-9]+", "", (alt + " " + _file_words(img.src)).lower())
    return any(k in words or (len(k) >= 5 and not k.isdigit() and k in glued) for k in keys if not k.isdigit())


def product_shot(doc: Document, img: Image, headline: str | None) -> bool:
    """A picture of the product the headline names, on a page about that product."""
    if not headline or not _PRODUCT_HEADLINE.search(headline_of(headline)):
        return False
    if _someone_in(img) or any(_AGENCY.search(c.text) for c in (*img.credits, *img.captions)):
        return False
    return _names_subject(headline, img)


def named_by_heading(img: Image, heading: str | None) -> bool:
    """A product in a list, right above the heading that names it ("note-10-plus.jpg" over
    "Samsung Galaxy Note 10 Plus for $840"): the heading is its caption."""
    if not heading or _someone_in(img) or not _PRODUCT_HEADLINE.search(heading):
        return False
    own = (_words(img.alt or "") | _words(_file_words(img.src))) - _SMALL
    shared = own & (_words(heading) - _SMALL)
    return len(shared) >= 2


def _someone_in(img: Image) -> bool:
    return any(_PEOPLE.search(t) for t in (img.alt or "", *(c.text for c in img.captions)) if t)
