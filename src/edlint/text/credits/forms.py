"""The written forms of a credit as patterns: labels ("Photo:", "Courtesy of"), the picture's
maker named in a caption ("an artist's impression ... by Studio Name"), agency abbreviations
where a credit stands ("(AP)", "/AFP"), stock-agency names in a file name, and the compiled
word lists."""

from __future__ import annotations

import re
from functools import lru_cache

from ..patterns import lazy

# Short agency names: a credit only where a credit stands — in parentheses, next to a
# slash, or after a credit label — never as a word in a sentence ("EPA Administrator ...").
_AGENCY_ABBREV = r"(?:AP|AFP|EPA|PA|UPI|ANP|DPA|dpa|ANSA|TASS|KCNA|NASA|AAP|CP|Reuters|Getty|Bloomberg)"

# Labels before a credit. Group "strict": after "Photo:"/"Image:" a name list must follow
# (some sites start captions with "Image:"); "by": a name must start right away;
# "lenient": "Credit:", "Source:", "©", "Courtesy of": any named thing counts.
_LABEL = lazy(
    r"(?:(?<=[^\w])|^)(?:"
    r"(?P<credit>(?:(?:photo(?:graph)?|image|picture|pic|illustration|graphic|video|footage|map|chart|foto)s?\s*)?"
    r"credits?\s*[:|\-–—]"
    r"|(?:photo(?:graph)?|image|picture)s?\s+credits?\b"
    r"|photographer\s*:"
    r"|author\s*:"  # "Author: Funeral, License: CC0" (a wiki's media credit)
    r"|sources?\s*:"
    r"|©|\(c\)(?=\s)|copyright\b"
    r"|courtesy(?:\s+of)?\b)"
    r"|(?P<by>(?:photo(?:graph)?|image|picture|illustration|graphic|drawing|animation|video|footage|map|chart"
    r"|artwork|painting|cartoon|rendering|photo\s+illustration)s?\s+(?:by|via|from|courtesy(?:\s+of)?)\b"
    r"|photographed\s+by\b)"
    # a caption's closing "- via dsimic": whoever the picture came from
    r"|(?P<via>[-–—]\s*via\b)"
    # "(picture source)": a link to where the picture came from, the house's credit
    r"|(?P<source_link>\((?:picture|image|photo|video)\s+source\))"
    r"|(?P<strict>(?:photo(?:graph)?|image|picture|pic|illustration|graphic|video|footage|map|chart|foto)s?"
    r"(?:\s*[:|]|\s+/\s+(?=[A-Z])))"
    r")",
    re.I,
)
# The maker of the picture named in the caption's own sentence: "artist's impression of the
# installation by Studio Marlow", "a drawing of the new pier by Maya Chen", "photograph of the
# crash site taken by John Smith". The word before "by" is checked in code (a participle
# such as "designed" or "built" names the maker of the thing shown, not of the picture).
_MADE_BY = lazy(
    r"(?:(?<=[^\w])|^)(?:artist['’]?s?['’]?\s+impressions?|impressions?|renderings?|renders?|illustrations?|drawings?"
    r"|sketch(?:es)?|visuali[sz]ations?|cgi|computer[- ]generated\s+images?|mock-?ups?|paintings?"
    r"|photo(?:graph)?s?|images?|pictures?|cartoons?|artworks?|watercolou?rs?)"
    r"(?P<about>\s+(?:of|showing|shows|depicting|from)\b[^.;:()\[\],\n]{1,100}?"
    # "Cover image: volunteers picking apples on harvest day, by Fieldnotes Studio"
    r"|\s*:\s*[^.;:()\[\]\n]{1,160}?)?"
    r",?\s+(?:(?P<verb>taken|made|drawn|created|produced|painted|supplied|provided|photographed|shot|sketched)\s+)?"
    r"by\s+(?=(?-i:[A-Z@]))",
    re.I,
)
# Participles before "by" that make "by" name the maker of the thing shown ("the bridge
# designed by ..."), or an agent in the story ("the mayor, elected by ...").
_NOT_PICTURE_MAKER = frozenset(
    "built won held led run owned hit struck caught seen written given sung played worn".split()
)
# Where a credit value stops: a sentence end (not after an initial, "J.R." or "r.r."), a semicolon, a
# closing bracket, or a new label.
_VALUE_END = lazy(r"(?<!\b[A-Za-z])(?<!\b[A-Z][a-z])(?<!\bSt)(?<!\bJr)(?<!\bSr)\.(?:\s|$)|;|\)|\]|\s[|]\s")
_WORDS = lazy(r"[@#]?[^\W_][\w'’.&@-]*", re.U)
# Filler around a licence ("Licensed CC 3.0, BY-SA", "under a Creative Commons licence").
_LICENCE_FILLER = lazy(
    r"\b(?:licen[cs]ed?|licen[cs]es|under|a|an|the|via|by|image|photo|photograph|credit|version|v|"
    r"international|generic|unported|share[- ]?alike|non[- ]?commercial|no[- ]?deriv(?:ative)?s?|"
    r"attribution|works?|used|with|permission)\b|[\d.,:;|/()\[\]\s–—-]+",
    re.I,
)
_BY_WHO = lazy(r"(?:the|his|her|their|our)\s+(?:author|writer|reporter|photographer|artist|family|owner)s?\b", re.I)
_PAREN_ANY = lazy(r"\(([^()]{1,120})\)")
_SLASH_NAME = lazy(
    # (not the label of the New Zealand form "Photo / Supplied")
    r"(?:^|(?<=[\s(]))(?!(?i:photo(?:graph)?s?|pictures?|images?)\s?/)(?:[A-Z@][\w'’.&-]*(?:\s+(?:[A-Z][\w'’.&-]*|de|van|von|da|del|for|of|the))*)"
    r"\s?/\s?[A-Z][\w'’.&-]*(?:\s+[A-Z][\w'’.&-]*)*"
)
_AGENCY_IN_CONTEXT = lazy(
    r"\(\s*" + _AGENCY_ABBREV + r"(?i:\s+(?:photo|images?|pool|wire|file))*\s*(?:/[^)]*)?\)"
    r"|/\s*" + _AGENCY_ABBREV + r"\b"
    r"|\bvia\s+" + _AGENCY_ABBREV + r"\b"
    r"|\b" + _AGENCY_ABBREV + r"(?:\s+Photo)?\s*/"
    r"|\b(?:AP|AFP|EPA|PA|UPI)\s+(?:Photo|Images|Wire)\b"
)
# A stock-agency name or id in an image file name ("...-violka08-istock-thinkstock-462210643.jpg").
_FILE_CREDIT = lazy(
    r"(?i)(?<![a-z])(?:istock(?:photo)?|thinkstock|getty[-_ ]?images|gettyimages|getty|shutterstock|"
    r"alamy|adobe[-_]?stock|depositphotos|dreamstime|123rf|unsplash|pexels|ap[-_]?photo|reuters|afp|"
    r"epa[-_]efe|bigstock(?:photo)?|fotolia|(?:photo|image|picture|illustration|credit)s?[-_]by|"
    r"by[-_][a-z]+[-_][a-z]+[-_]cc|cc[-_]by)(?![a-z])"
)


def _phrase_pattern(phrase: str) -> str:
    """A word list as a regex: flexible spacing/hyphens, an optional version number."""
    parts = [re.escape(p) for p in re.split(r"[\s-]+", phrase.strip()) if p]
    body = r"[\s-]*".join(parts)
    return body


@lru_cache(maxsize=32)
def _compile_words(words: tuple[str, ...], version: bool = False) -> re.Pattern[str] | None:
    if not words:
        return None
    alts = []
    for w in sorted(set(words), key=len, reverse=True):
        if not w.strip():
            continue
        pat = _phrase_pattern(w)
        # Upper-case abbreviations ("CC", "AP") only match in capitals.
        alts.append(r"(?-i:" + pat + r")" if w.isupper() and len(w) <= 12 else pat)
    suffix = r"(?:[\s-]*v?\d+(?:\.\d+)?)?" if version else ""
    return re.compile(r"(?<![\w-])(?:" + "|".join(alts) + r")" + suffix + r"(?![\w-])", re.I)


# Cheap substring tests that let most captions skip the heavier patterns.
_LABEL_HINTS = (
    "photo",
    "image",
    "pic",
    "credit",
    "source",
    "©",
    "(c)",
    "copyright",
    "courtesy",
    "author",
    "via",
    "illustr",
    "graphic",
    "video",
    "footage",
    "map",
    "chart",
    "foto",
    "drawing",
    "animation",
    "artwork",
    "painting",
    "cartoon",
    "render",
)
_LICENCE_HINTS = ("cc", "creative", "domain", "licen", "by-", "gfdl", "gnu", "copyright", "attribution")


_LOW_WORDS = lazy(r"[a-z0-9]+")


def _has_any(low: str, hints: tuple[str, ...]) -> bool:
    return any(h in low for h in hints)
