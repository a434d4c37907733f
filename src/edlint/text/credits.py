"""Photo credits: where a credit starts in a caption, and whether it names anyone.

Two entry points:

- :func:`find_credit_marker` — the offset where a credit begins ("Photo: ...", "Image
  Credit: ...", "Photo by ...", "©"), used by the parsers to tell a caption/credit line.
- :class:`CreditRecogniser` — decides what a caption or a credit field gives the reader:
  a real credit (a creator or source is named), a *weak* one ("File photo", "Handout",
  "Supplied"), a *licence only* ("CC BY-SA 4.0", "public domain": a licence is not a
  credit, and CC licences themselves require naming the author), or nothing.

The recogniser knows the forms newsrooms use: "Photo: Name/Agency", "Photo by ...",
"Image Credit: ...", "Credit: ...", "Courtesy of ...", "(AP)", "(Reuters)", "(Name/Agency)",
"Getty Images" anywhere, "© Name", "Source: ..." (charts and maps), and a trailing
"Name/Agency" or "Agency" segment. A label such as "Image:" is also how some sites start a
*caption* ("Image: Jose Mourinho has agreed a deal ..."), so after "Photo:"/"Image:" the
words must look like a name list, not a sentence.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from .patterns import lazy

# -- the parsers' marker (kept stable: the Markdown and text parsers use it) ----------------
CREDIT_MARKER = lazy(
    r"(?:(?<=\W)|^)\(?(?:"
    r"(?:image|photo(?:graph)?|picture|pictures|illustration|graphic|video|footage|map|chart)"
    r"\s*(?:credit)?s?\s*[:|]"
    r"|(?:photo(?:graph)?|image|illustration|picture)s?\s+(?:by|courtesy(?:\s+of)?)\b"
    r"|credits?\s*:"
    r"|courtesy\s+of\b"
    r"|source\s*:"
    r"|©"
    r"|\(c\)\s"
    r"|copyright\b"
    r")",
    re.I,
)


def find_credit_marker(text: str) -> int | None:
    """Offset where a credit begins in ``text``, or None."""
    m = CREDIT_MARKER.search(text)
    if m is None:
        return None
    return m.start()


# -- kinds -------------------------------------------------------------------------------
CREDIT = "credit"  # a creator or source is named
WEAK = "weak"  # "File photo", "Handout", "Supplied": says where from, names nobody
LICENCE = "licence"  # only a licence ("CC BY-SA 4.0", "public domain")
NONE = "none"

_RANK = {NONE: 0, LICENCE: 1, WEAK: 2, CREDIT: 3}


class CreditResult(NamedTuple):
    """What a text gives as a credit; ``start``/``end`` locate the evidence in the text."""

    kind: str
    start: int = 0
    end: int = 0
    value: str = ""  # the credit words (for messages)

    @property
    def named(self) -> bool:
        return self.kind == CREDIT


NO_CREDIT = CreditResult(NONE)

# -- defaults (the options of the images family start from these) -------------------------
# Names that are a credit wherever they appear in a caption.
DEFAULT_SOURCES: tuple[str, ...] = (
    "Getty Images",
    "Getty",
    "Reuters",
    "Associated Press",
    "AP Photo",
    "Agence France-Presse",
    "AFP/Getty",
    "EPA-EFE",
    "PA Wire",
    "PA Media",
    "Press Association",
    "Shutterstock",
    "iStock",
    "iStockphoto",
    "Thinkstock",
    "Alamy",
    "Rex Features",
    "REX/Shutterstock",
    "ZUMA Press",
    "ZUMA Wire",
    "NurPhoto",
    "SOPA Images",
    "Anadolu Agency",
    "Xinhua",
    "WENN",
    "Splash News",
    "Backgrid",
    "Imagn",
    "USA TODAY Sports",
    "Icon Sportswire",
    "Corbis",
    "Magnum Photos",
    "Unsplash",
    "Pexels",
    "Wikimedia Commons",
    "Flickr",
    "Bloomberg via Getty",
)
# Licence words: a credit made only of these names nobody.
DEFAULT_LICENCES: tuple[str, ...] = (
    "Creative Commons",
    "CC BY-NC-SA",
    "CC BY-NC-ND",
    "CC BY-SA",
    "CC BY-NC",
    "CC BY-ND",
    "CC BY",
    "CC0",
    "CC",
    "BY-SA",
    "BY-NC-SA",
    "BY-NC",
    "BY-ND",
    "public domain",
    "GFDL",
    "GNU Free Documentation License",
    "no known copyright restrictions",
    "licensed under",
    "licenced under",
    "attribution-sharealike",
    "attribution",
)
# Weak credits: say where an image came from but name no one.
DEFAULT_WEAK: tuple[str, ...] = (
    "file photo",
    "file picture",
    "file image",
    "file",
    "handout",
    "handout photo",
    "handout picture",
    "supplied",
    "supplied photo",
    "supplied image",
    "submitted",
    "submitted photo",
    "contributed",
    "contributed photo",
    "courtesy photo",
    "stock photo",
    "stock image",
    "archive photo",
    "library photo",
    "library picture",
)

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
    r"|sources?\s*:"
    r"|©|\(c\)(?=\s)|copyright\b"
    r"|courtesy(?:\s+of)?\b)"
    r"|(?P<by>(?:photo(?:graph)?|image|picture|illustration|graphic|drawing|animation|video|footage|map|chart"
    r"|artwork|painting|cartoon|rendering|photo\s+illustration)s?\s+(?:by|via|from|courtesy(?:\s+of)?)\b"
    r"|photographed\s+by\b)"
    r"|(?P<strict>(?:photo(?:graph)?|image|picture|pic|illustration|graphic|video|footage|map|chart|foto)s?"
    r"\s*[:|])"
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
    r"(?P<about>\s+(?:of|showing|shows|depicting|from)\b[^.;:()\[\],\n]{1,100}?)?"
    r",?\s+(?:(?P<verb>taken|made|drawn|created|produced|painted|supplied|provided|photographed|shot|sketched)\s+)?"
    r"by\s+(?=(?-i:[A-Z@]))",
    re.I,
)
# Participles before "by" that make "by" name the maker of the thing shown ("the bridge
# designed by ..."), or an agent in the story ("the mayor, elected by ...").
_NOT_PICTURE_MAKER = frozenset(
    "built won held led run owned hit struck caught seen written given sung played worn".split()
)
# Where a credit value stops: a sentence end (not after an initial), a semicolon, a
# closing bracket, or a new label.
_VALUE_END = lazy(r"(?<!\b[A-Z])(?<!\b[A-Z][a-z])(?<!\bSt)(?<!\bJr)(?<!\bSr)\.(?:\s|$)|;|\)|\]|\s[|]\s")
_WORDS = lazy(r"[@#]?[^\W_][\w'’.&@-]*", re.U)
# Words that may be lower-case inside a name list ("Sensvector/iStock via Getty Images",
# "Kirk Irwin for The New York Times", "courtesy of the artist").
CONNECTORS = _CONNECTORS = frozenset(
    "and of for via the by from at de da del della di do dos das du des van von der den ter y e la le "
    "el al bin ibn staff photographer photographers contributor contributors courtesy photo photos "
    "image images picture pictures illustration graphic archive archives collection library family "
    "handout pool agency press news via/getty on behalf artist author owner museum files".split()
)
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
    r"(?:^|(?<=[\s(]))(?:[A-Z@][\w'’.&-]*(?:\s+(?:[A-Z][\w'’.&-]*|de|van|von|da|del|for|of|the))*)"
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


class CreditRecogniser:
    """Classifies captions and credit fields; built once per options and reused."""

    def __init__(
        self,
        sources: tuple[str, ...] = DEFAULT_SOURCES,
        licences: tuple[str, ...] = DEFAULT_LICENCES,
        weak: tuple[str, ...] = DEFAULT_WEAK,
        patterns: tuple[str, ...] = (),
    ) -> None:
        self.sources = _compile_words(tuple(sources))
        # First words of the source names, lower-cased: a caption with none of them cannot
        # name a source, and the big alternation is skipped.
        firsts = {re.split(r"[\s/-]+", w.strip().lower())[0] for w in sources if w.strip()}
        self._source_hints = tuple(sorted(h for h in firsts if len(h) >= 4))
        self._short_source_words = frozenset(h for h in firsts if len(h) < 4)
        self.licences = _compile_words(tuple(licences), version=True)
        weak_words = tuple(w for w in weak if w.strip())
        self.weak_whole = (
            re.compile(
                r"^(?:(?:a|an|the)\s+)?(?:"
                + "|".join(_phrase_pattern(w) for w in sorted(set(weak_words), key=len, reverse=True))
                + r")"
                r"(?:\s+(?:photo|photograph|picture|image|pic))?$",
                re.I,
            )
            if weak_words
            else None
        )
        self.patterns = [re.compile(p) for p in patterns]

    # -- public ----------------------------------------------------------------------
    def classify(self, text: str, *, whole: bool = False, explicit: bool = False) -> CreditResult:
        """What ``text`` gives as a credit.

        ``whole=True``: the text is a dedicated credit field (a credit span, Hugo ``attr=``,
        a front-matter ``credit``), so its words are the credit. Otherwise it is a caption
        and a credit must be found inside it. ``explicit=True``: only a labelled credit
        ("Photo by ...", "©") or a known agency counts, not a trailing "Name/Agency" guess
        (for alt text, which describes rather than credits).
        """
        if not text or not text.strip():
            return NO_CREDIT
        best = NO_CREDIT
        for pat in self.patterns:
            m = pat.search(text)
            if m:
                return CreditResult(CREDIT, m.start(), m.end(), m.group(0))
        if whole:
            lead = len(text) - len(text.lstrip(" \t\n([—–-|:"))
            m = _LABEL.match(text, lead)
            if m is not None:
                r = self._after_label(text, m)
                if r.kind != NONE:
                    return r
                if m.group("strict") is not None:
                    # "Image: <a sentence>" in a credit field still credits nobody.
                    return r
            value = text.strip()
            kind = self._judge(value, "lenient")
            if kind != NONE:
                s = text.find(value)
                return CreditResult(kind, s, s + len(value), value)
            return NO_CREDIT
        low = text.lower()
        # A caption: labels first.
        if _has_any(low, _LABEL_HINTS):
            for m in _LABEL.finditer(text):
                r = self._after_label(text, m)
                if r.kind == CREDIT:
                    return r
                if _RANK[r.kind] > _RANK[best.kind]:
                    best = r
        # The picture's maker named in the caption ("artist's impression ... by Studio Marlow").
        if " by " in low and best.kind != CREDIT:
            r = self._made_by(text)
            if r.kind == CREDIT:
                return r
        # Agencies named anywhere ("Getty Images"), or where a credit stands ("(AP)", "/AFP").
        if self.sources is not None and (
            _has_any(low, self._source_hints)
            or (self._short_source_words and not self._short_source_words.isdisjoint(_LOW_WORDS.findall(low)))
        ):
            m = self.sources.search(text)
            if m:
                return CreditResult(CREDIT, m.start(), m.end(), m.group(0))
        if "(" in text or "/" in text or " via " in low or " photo" in low or " images" in low or " wire" in low:
            m = _AGENCY_IN_CONTEXT.search(text)
            if m:
                return CreditResult(CREDIT, m.start(), m.end(), m.group(0).strip("()/ "))
        if explicit:
            return best
        # A trailing "(Name/Agency)", "(File photo)".
        for pm in _PAREN_ANY.finditer(text) if "(" in text else ():
            inner = pm.group(1).strip()
            tail = pm.end() >= len(text.rstrip(" .")) - 1
            if "/" in inner and self._judge(inner, "names") == CREDIT:
                return CreditResult(CREDIT, pm.start(1), pm.end(1), inner)
            kind = self._judge(inner, "weak-only") if tail else NONE
            if _RANK[kind] > _RANK[best.kind]:
                best = CreditResult(kind, pm.start(1), pm.end(1), inner)
        # A last segment that is a name list with a slash: "... on Tuesday. Jane Doe/The Star".
        seg_start = _last_segment(text)
        seg = text[seg_start:].strip(" .")
        if seg and len(seg.split()) <= 10:
            sm = _SLASH_NAME.search(seg)
            if sm and self._judge(seg, "names") == CREDIT:
                s = text.find(seg, seg_start)
                return CreditResult(CREDIT, s, s + len(seg), seg)
            if self.weak_whole is not None and self.weak_whole.match(seg.strip(" ()[]—–-|")):
                s = text.find(seg, seg_start)
                if _RANK[WEAK] > _RANK[best.kind]:
                    best = CreditResult(WEAK, s, s + len(seg), seg)
        if best.kind == NONE and self.licences is not None and _has_any(low, _LICENCE_HINTS):
            m = self.licences.search(text)
            if m:
                return CreditResult(LICENCE, m.start(), m.end(), m.group(0))
        return best

    def in_file_name(self, src: str | None) -> str | None:
        """The stock-agency words in an image's file name, if any."""
        if not src:
            return None
        path = src.split("?", 1)[0].split("#", 1)[0]
        name = path.rstrip("/").rsplit("/", 1)[-1]
        m = _FILE_CREDIT.search(name)
        return name if m else None

    # -- inside ----------------------------------------------------------------------
    def _made_by(self, text: str) -> CreditResult:
        for m in _MADE_BY.finditer(text):
            about = m.group("about")
            if about and m.group("verb") is None:
                last = about.split()[-1].lower()
                if last in _NOT_PICTURE_MAKER or last.endswith(("ed", "en")):
                    continue
            stop = len(text)
            em = _VALUE_END.search(text, m.end())
            if em is not None:
                stop = em.start()
            value = text[m.end() : stop].strip()
            if value and self._judge(value, "by") == CREDIT:
                return CreditResult(CREDIT, m.start(), stop, value)
        return NO_CREDIT

    def _after_label(self, text: str, m: re.Match[str]) -> CreditResult:
        mode = "lenient" if m.group("credit") is not None else "by" if m.group("by") is not None else "strict"
        start = m.end()
        while start < len(text) and text[start] in " \t\n:|,-–—":
            start += 1
        stop = len(text)
        em = _VALUE_END.search(text, start)
        if em is not None:
            stop = em.start()
        value = text[start:stop].strip()
        if m.group(0).lower().startswith("via") and not value[:1].isupper():
            return NO_CREDIT
        if not value:
            return NO_CREDIT
        kind = self._judge(value, mode)
        if kind == NONE:
            return NO_CREDIT
        return CreditResult(kind, m.start(), stop, value)

    def _judge(self, value: str, mode: str) -> str:
        """CREDIT, WEAK, LICENCE or NONE for the words of a credit."""
        v = value.strip(" \t\n.,;:|()[]—–-")
        if not v or not any(c.isalpha() for c in v):
            return NONE
        if self.sources is not None and self.sources.search(v):
            return CREDIT
        if _AGENCY_IN_CONTEXT.search(f"({v})") or re.fullmatch(_AGENCY_ABBREV + r"(?:\s+Photo)?", v):
            return CREDIT
        if self.weak_whole is not None and self.weak_whole.match(v):
            return WEAK
        if mode == "weak-only":
            return NONE
        licence = False
        if self.licences is not None and self.licences.search(v):
            rest = _LICENCE_FILLER.sub(" ", self.licences.sub(" ", v)).strip()
            if not rest or not any(w[:1].isupper() or w[:1] == "@" for w in _WORDS.findall(rest)):
                return LICENCE
            licence = True
            v = self.licences.sub(" ", v)
        words = _WORDS.findall(v)
        if not words:
            return LICENCE if licence else NONE
        if mode == "by" and _BY_WHO.match(v):
            return CREDIT
        if mode == "by" and re.match(r"the\s+[A-Z@\d]", v):
            words = words[1:]  # "Image from the FEC", "Photo courtesy of the National Archives"
        caps = [w for w in words if w[0].isupper() or w[0] in "@#" or (w[0].isdigit() and len(w) > 2)]
        if not caps:
            return LICENCE if licence else NONE
        if mode == "lenient":
            return CREDIT
        lower = [w for w in words if w[0].islower() and w.lower().strip(".") not in _CONNECTORS]
        if mode == "by":
            # "Photo by Jane Doe", "photo by Bobak Ha'Eri": the first word is a name.
            first = words[0]
            if not (first[0].isupper() or first[0] == "@" or (first[0].isdigit() and any(c.isupper() for c in first))):
                return NONE
            return CREDIT if len(words) <= 12 and len(lower) <= 2 else NONE
        # strict: a short name list ("Jane Doe/AP", "Jeff White, GSA", "Getty - Contributor").
        if mode == "names" and lower:
            return NONE  # "Jane Doe/The Star", never "IES.ED.GOV/Funding page"
        if len(words) > 10 or len(lower) > 1 or (lower and len(words) < 3):
            return NONE
        if not (words[0][0].isupper() or words[0][0] in "@#" or words[0][0].isdigit()):
            return NONE
        return CREDIT


def _last_segment(text: str) -> int:
    """Start of the last sentence-like segment of a caption."""
    last = 0
    for m in re.finditer(r"(?<!\b[A-Z])\.\s+(?=\S)|\s[|—–]\s|\s-\s", text):
        last = m.end()
    return last


_DEFAULT: CreditRecogniser | None = None


def default_recogniser() -> CreditRecogniser:
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = CreditRecogniser()
    return _DEFAULT


def classify_credit(text: str, *, whole: bool = False, explicit: bool = False) -> CreditResult:
    """Classify with the default word lists (see :class:`CreditRecogniser`)."""
    return default_recogniser().classify(text, whole=whole, explicit=explicit)
