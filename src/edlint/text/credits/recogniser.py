"""The credit recogniser: what a caption or a credit field gives the reader (a named creator or
source, a weak credit, a licence only, or nothing)."""

from __future__ import annotations

import re

from ..patterns import lazy
from .forms import (
    _AGENCY_ABBREV,
    _AGENCY_IN_CONTEXT,
    _BY_WHO,
    _FILE_CREDIT,
    _LABEL,
    _LABEL_HINTS,
    _LICENCE_FILLER,
    _LICENCE_HINTS,
    _LOW_WORDS,
    _MADE_BY,
    _NOT_PICTURE_MAKER,
    _PAREN_ANY,
    _SLASH_NAME,
    _VALUE_END,
    _WORDS,
    _compile_words,
    _has_any,
    _phrase_pattern,
)
from .kinds import _RANK, CREDIT, LICENCE, NO_CREDIT, NONE, WEAK, CreditResult
from .words import _CONNECTORS, DEFAULT_LICENCES, DEFAULT_SOURCES, DEFAULT_WEAK
from .works import titled_work

# Two or three lower-case words after a credit label that read as a name, not as a phrase
# ("r.r. jones", "jane doe"; not "the family", "file photo", "our staff").
_LOWERCASE_NAME = lazy(
    r"(?!.*\b(?:the|a|an|of|and|at|in|on|by|with|for|from|our|their|his|her|my|courtesy|file|handout|supplied"
    r"|staff|stock|screenshot|illustration|graphic|photo|image|archive|archives|family|unknown|author|reader)\b)"
    r"[a-z][a-z.'’-]{0,20}(?:\s+[a-z][a-z.'’-]{1,20}){1,2}"
)
# The terms after a credit's name: "… under a Creative Commons license", "…, used under CC BY 2.0".
_UNDER_LICENCE = lazy(
    r",?\s+(?:used\s+|licen[cs]ed\s+|shared\s+)?under\s+(?:an?\s+|the\s+)?(?:creative\s+commons|cc\b)", re.I
)
# Whom a closing "- via" names: a handle or one to four words.
_VIA_SOURCE = lazy(r"@?[\w][\w.'’&-]*(?:\s+[\w.'’&-]+){0,3}")
# The words right after a licence mark, to the end of its sentence: whom it credits.
_LICENCE_HOLDER = lazy(r"[\s,:–—-]+(?:by\s+)?([^\s.;()\[\]0-9][^.;()\[\]\n]{0,70}?)[\s.;]*(?:$|[.;\n(])")
# A user name standing alone after a licence ("CC BY-SA elyob", "CC BY @kmaps").
_HANDLE = lazy(
    r"(?!(?:licen[cs]e[ds]?|images?|photos?|pictures?|international|unported|generic|deed|attribution|sharealike"
    r"|only|here|below|above|applies|terms)\b)@?[a-z][a-z0-9_.-]{2,30}"
)


# A social account and its platform ("@averageguy_art via Twitter"), or an agency in capitals
# with its picture word, closing the caption ("EYEPRESS Photo", "XINHUA Images").
_HANDLE_OR_AGENCY_PHOTO = re.compile(
    r"@[A-Za-z0-9_.]{2,40}\s+(?:via|on)\s+(?:Twitter|X|Instagram|Facebook|TikTok|Threads|Mastodon|Bluesky|YouTube)\b"
    r"|\b[A-Z][A-Z&]{2,}(?:\s+[A-Z][A-Z&]{1,})*\s+(?:Photos?|Images|Pictures)[\s.)]*$"
)
# The picture's maker named in a sentence of the caption: "The artist is Keith's son Matthew
# Miller", "The photographer was Ann Lee".
_MAKER_IS = re.compile(
    r"\b(?:[Tt]he|[Oo]ur)\s+(?:artist|photographer|illustrator|painter|cartoonist|sketch\s+artist)\s+(?:is|was)\s+"
    r"(?P<who>[A-Z][\w’'-]*(?:\s+[\w’'-]+){0,4}?\s+[A-Z][\w’'-]+|[A-Z][\w’'-]+)(?=\s*[.;,()]|\s*$)"
)


# A web site named as a picture's source after a credit label ("Photo: web.archive.org",
# "Image: bbc.co.uk").
_WEB_SOURCE = re.compile(
    r"(?!.*\.(?:jpe?g|png|gif|webp|svg|tiff?|heic|avif|bmp)$)(?:https?://)?(?:www\.)?[a-z0-9][a-z0-9-]{0,40}(?:\.[a-z0-9-]{1,40}){0,3}\.[a-z]{2,12}(?:/\S{0,60})?",
    re.I,
)
# The collection a picture comes from, closing the caption: "Sea Chandlers, from Museum of
# London.", "…, from the collection of the State Library of Victoria", "(from the National
# Archives)", "A drawing published in Stan Hugill's Sailortown."
_COLLECTION_SOURCE = re.compile(
    r"(?:[,;(]\s*(?:[Ff]rom|[Cc]ourtesy\s+of)\s+(?:the\s+)?(?:(?:[Cc]ollection|[Aa]rchives?)\s+of\s+(?:the\s+)?)?"
    r"|\b(?:[Ff]rom|[Ii]n)\s+the\s+(?:[Cc]ollection|[Aa]rchives?)\s+of\s+(?:the\s+)?)"
    r"(?P<who>(?:[A-Z][\w’'&.-]*\s+){0,4}(?:Museum|Library|Archives?|Collection|Gallery|Trust|Society|Institute|"
    r"Institution|Foundation|Record\s+Office|Records)(?:\s+(?:of|for)\s+(?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,3})?)"
    r"[\s.)]*$"
    r"|\b(?:drawing|engraving|illustration|print|photograph|map|plate|image|cartoon)\s+(?:first\s+)?published\s+in\s+"
    r"(?P<book>(?:[A-Z][\w’'-]*\s+){0,3}[A-Z][\w’'-]*(?:[’']s)?(?:\s+[A-Z][\w’'-]*){0,4})[\s.)]*$"
)


# A person's name, two or three words ("Irene Savio", "Habib Al Mohamed", "Preethi Nallu").
_NAME_WORD = r"[A-Z](?:[a-z’'-]*[A-Z])?[a-z’'.-]+"  # (Savio, McNeish, O'Neill, DeMarco)
_PAREN_PERSON = re.compile(
    _NAME_WORD + r"(?:\s+(?:(?:de|van|von|da|del|al|bin|el|la|le)\s+)?" + _NAME_WORD + r"){1,2}"
    # and the outlet after a comma: "(Rich Pedroncelli, AP)", "(John Holland, Modesto Bee)"
    r"(?:,\s+[A-Z][\w.&’'-]*(?:\s+[A-Z][\w.&’'-]*){0,3})?"
)
# Words a bracket in a caption holds that are not a name ("(See Map)", "(Left To Right)").
_NOT_NAME_WORDS = frozenset(
    "See Map Maps Left Right Top Bottom Above Below Pictured Photo Photos File Inset Video Watch Click Read "
    "Source Credit Courtesy Front Back Center Centre Detail Figure Fig Table Image Images Illustration Graphic "
    "Chart Archive Handout Supplied Staff To From And The Of In On At".split()
)
# The word before a bracket that names who someone is: "her father (John Smith)".
_NAMES_SOMEONE_BEFORE = re.compile(
    r"\b(?:father|mother|wife|husband|son|daughter|brother|sister|friend|colleague|partner|coach|teacher|boss|"
    r"grandmother|grandfather|aunt|uncle|cousin|niece|nephew|fiancée?|left|right|centre|center|pictured|and|with|"
    r"chief|mayor|president|minister|director|officer|manager|captain|winner|author|principal|leader|founder|owner|"
    r"chair|head|student|pupil|girl|boy|man|woman|child|baby|doctor|nurse|artist|player|candidate|victim|survivor)\s*$"
)
_PAREN_ACRONYM = re.compile(r"[A-Z][A-Z&]{1,9}(?:\s+\d{4})?")
# The caption before it is finished: nothing, or a sentence's end.
_SENTENCE_DONE = re.compile(r"(?:^|[.!?\"\u201d\u2019)])\s*$")


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
                # "Family handout", "Council handout photo": whose handout it was adds no name
                r"^(?:(?:a|an|the)\s+)?(?:(?:family|council|club|school|police|company|agency|government)\s+)?(?:"
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
        if "\u00a0" in text:
            text = text.replace("\u00a0", " ")  # "by&nbsp;Name": same length, so offsets still hold
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
            work = titled_work(text)  # "Spider on the Bridge by Groupe LAPS": a work and its maker
            if work is not None:
                return CreditResult(CREDIT, work[0], work[1], work[2])
        # "The artist is Keith's son Matthew Miller", "The photographer was Ann Lee."
        if (" is " in low or " was " in low) and (m := _MAKER_IS.search(text)) is not None:
            return CreditResult(CREDIT, m.start("who"), m.end("who"), m.group("who"))
        # "Sea Chandlers, from Museum of London.": the collection the picture comes from
        if (" from " in low or " in " in low or "courtesy" in low) and (
            m := _COLLECTION_SOURCE.search(text)
        ) is not None:
            g = "who" if m.group("who") else "book"
            return CreditResult(CREDIT, m.start(g), m.end(g), m.group(g))
        # "@averageguy_art via Twitter", "Protesters on Sunday. EYEPRESS Photo"
        if (" via " in low or "photo" in low or "images" in low or "pictures" in low) and (
            m := _HANDLE_OR_AGENCY_PHOTO.search(text)
        ) is not None:
            return CreditResult(CREDIT, m.start(), m.end(), m.group(0).strip())
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
            if (
                tail
                and _PAREN_PERSON.fullmatch(inner)
                and _NOT_NAME_WORDS.isdisjoint(inner.split())
                and (
                    _SENTENCE_DONE.search(text, 0, pm.start())
                    # "… on September 9, 2017 (Arianna Pagani)": a whole caption before it, and
                    # no person the bracket could name ("her father (John Smith)")
                    or (len(text[: pm.start()].split()) >= 6 and not _NAMES_SOMEONE_BEFORE.search(text, 0, pm.start()))
                )
            ):
                # "Migrants wait at the port. (Irene Savio)": a name in brackets after the
                # caption's last sentence is its photographer ("her father (John Smith)" is not)
                return CreditResult(CREDIT, pm.start(1), pm.end(1), inner)
            if tail and _PAREN_ACRONYM.fullmatch(inner) and re.search(r"[.!?]\s*$", text[: pm.start()]):
                # "… after the storm. (NOAA)", "(UNFPA)": an organisation after the last sentence
                # is the picture's source (inside a sentence, "(EPA)" spells out a name)
                return CreditResult(CREDIT, pm.start(1), pm.end(1), inner)
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
                # "CC-BY American Red Cross", "CC BY-SA elyob" (a linked user name): the
                # licence and then whom it names, the attribution the licence asks for.
                holder = _LICENCE_HOLDER.match(text, m.end())
                name = _LICENCE_FILLER.sub(" ", self.licences.sub(" ", holder.group(1))).strip() if holder else ""
                if name and (self._judge(name, "names") == CREDIT or _HANDLE.fullmatch(name)):
                    return CreditResult(CREDIT, m.start(), holder.end(1), text[m.start() : holder.end(1)])
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
                # The credit is "by Name"; the words before it describe the picture (a caption).
                by = text.lower().rfind("by", m.start(), m.end())
                return CreditResult(CREDIT, by if by >= 0 else m.start(), stop, value)
        return NO_CREDIT

    def _after_label(self, text: str, m: re.Match[str]) -> CreditResult:
        if m.group("source_link") is not None:
            return CreditResult(CREDIT, m.start(), m.end(), m.group(0))
        mode = "lenient" if m.group("credit") is not None else "by" if m.group("by") is not None else "strict"
        start = m.end()
        while start < len(text) and text[start] in " \t\n:|,-–—":
            start += 1
        stop = len(text)
        em = _VALUE_END.search(text, start)
        if em is not None:
            stop = em.start()
        value = text[start:stop].strip()
        terms = _UNDER_LICENCE.search(value)
        if terms is not None and terms.start() > 0:
            # "Photos by Nick Grossman under a Creative Commons license": the credit is the name
            stop = start + text[start:stop].find(value) + terms.start()
            value = value[: terms.start()].strip()
        if m.group(0).lower().startswith("via") and not value[:1].isupper():
            return NO_CREDIT
        if not value:
            return NO_CREDIT
        kind = self._judge(value, mode)
        via = m.group("via") is not None or (m.group("by") is not None and m.group(0).lower().endswith("via"))
        if kind == NONE and via and _VIA_SOURCE.fullmatch(value.strip(" .")):
            kind = CREDIT  # "… - via dsimic", "… - via the postmarketOS blog"
        if kind == NONE and _LOWERCASE_NAME.fullmatch(value.strip(" .")):
            kind = CREDIT  # "Photo: r.r. jones": a name the house styles in lower case
        if kind == NONE and _WEB_SOURCE.fullmatch(value.strip(" .")):
            kind = CREDIT  # "Photo: web.archive.org": the site the picture was taken from
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
