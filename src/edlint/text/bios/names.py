"""People's names: the name that opens a text, a display name from a metadata value, the
comparison forms of names and slugs, and whether two names are the same person."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..normalize import fold_chars, strip_accents, word_key
from ..patterns import lazy

_WORD_AT = lazy(r"([^\W\d_][\w'\-]*)(\.?)")
_HONORIFICS = frozenset("dr mr mrs ms mx prof professor rev sir dame lord lady".split())
_PARTICLES = frozenset("de van von da del della der den di du la le st bin al ten ter dos das y".split())
# Capitalised words that open sentences but are not names.
_NOT_NAME = frozenset(
    """the this that these those a an it its he she they we i you our your his her their my
    in on at for with from to by of as after before during when where what why how if while
    there here today yesterday tomorrow last next each every all some many most more one two
    three both also but and or so yet however meanwhile now then according under over since
    until about because although though despite following not no yes please thanks thank
    written photo photos image images credit credits editor editors note notes update updated
    correction read follow reach contact email share subscribe click see learn check join
    sign watch listen download visit find get go let use our us who whom whose which
    monday tuesday wednesday thursday friday saturday sunday january february march april
    may june july august september october november december advertisement related""".split()
)
# Words that make a "name" a job title or an organisation ("AP Auto Writer", "Fox News").
_ROLE_WORDS = frozenset(
    """writer writers reporter reporters editor editors correspondent correspondents columnist
    contributor contributors staff news press associated wire service services desk team
    national political politics security business auto entertainment senior chief special
    international sports science health tech technology opinion media magazine times post
    journal herald tribune inc llc ltd group network online digital admin administrator
    reuters bloomberg afp photographer producer published updated posted""".split()
)


def leading_name(text: str, pos: int = 0) -> tuple[str, int] | None:
    """The person's name that opens ``text`` at ``pos`` ("Dr. Maya K. Okafor", "Julius").

    Returns ``(name, end)`` with ``end`` the offset just after the name, or None. Up to four
    capitalised words, initials and particles ("van", "de"); a sentence opener such as
    "The" or "This" is not a name. Expects text folded with ``fold_chars`` (no NBSP).
    """
    n = len(text)
    i = pos
    words: list[str] = []
    names = 0
    end = pos
    while i < n and names < 4:
        m = _WORD_AT.match(text, i)
        if m is None:
            break
        word, dot = m.group(1), m.group(2)
        low = word.casefold()
        after = m.end(1)
        if not words and low in _HONORIFICS:
            words.append(word + dot)
            after = m.end()
        elif word[0].isupper():
            if names == 0 and low in _NOT_NAME:
                return None
            if word.endswith(("'s", "'")) and len(word) > 2:
                return None  # a possessive: "Maya's reporting ..."
            if dot and len(word) <= 2:  # an initial "K." or "Jr."
                after = m.end()
            words.append(text[m.start(1) : after])
            names += 1
        elif names and low in _PARTICLES:
            words.append(word)
        else:
            break
        end = after
        if end < n and text[end] == " ":
            i = end + 1
        else:
            break
    # A trailing particle is not part of the name ("Maya de").
    while words and words[-1].casefold() in _PARTICLES:
        words.pop()
        end = text.rfind(" ", pos, end)
    if names == 0:
        return None
    return " ".join(words), end


def name_key(name: str) -> str:
    """Comparison form of a person's name: accents, case, honorifics and initials dropped."""
    words = word_key(strip_accents(name)).split()
    words = [w for w in words if len(w) > 1 and w not in _HONORIFICS and w not in ("jr", "sr", "phd")]
    return " ".join(words)


def slug_key(slug: str) -> str:
    """Comparison form of a slug or an id: letters and digits only ("maya-okafor" -> "mayaokafor")."""
    return re.sub(r"[\W_]+", "", strip_accents(slug).casefold())


def slug_forms(name: str) -> set[str]:
    """Slugs a site might give this person: full, first+last, first initial+last, first, last."""
    words = name_key(name).split()
    if not words:
        return set()
    first, last = words[0], words[-1]
    return {"".join(words), first + last, first[0] + last, first, last, first + last[0]}


def same_person(a: str, b: str) -> bool:
    """True if two names (or a name and a first name) plausibly name the same person."""
    ka, kb = name_key(a).split(), name_key(b).split()
    if not ka or not kb:
        return False
    if ka == kb:
        return True
    if len(ka) == 1 or len(kb) == 1:
        one, other = (ka, kb) if len(ka) == 1 else (kb, ka)
        return one[0] in (other[0], other[-1])
    return ka[0] == kb[0] and ka[-1] == kb[-1]


def looks_like_slug(value: str) -> bool:
    return bool(re.fullmatch(r"[a-z0-9][a-z0-9_.\-]*", value.strip()))


def person_name(value: str) -> str | None:
    """A display name from a metadata value, or None for URLs, handles and organisations."""
    v = " ".join(fold_chars(value).split()).strip(" ,;|")
    if not v or len(v) > 80 or "://" in v or "@" in v or "#" in v:
        return None
    m = re.match(r"(?i)by\b\s*:?\s*", v)
    if m:
        v = v[m.end() :]
    v = re.split(r"\s*(?:,|\||\s[-\u2013\u2014]\s|\.\s)", v, maxsplit=1)[0]
    found = leading_name(_title_if_caps(v))
    if found is None:
        return None
    name = _drop_role_words(found[0])
    if not name:
        return None
    return name


_CAPS_RUN = lazy(r"\b[A-Z][A-Z'\-]+(?:\s+[A-Z]\.?)?(?:\s+[A-Z][A-Z'\-]+)+\b")


def _title_if_caps(text: str) -> str:
    """ "TOM KRISHER, AP Auto Writer" -> "Tom Krisher, AP Auto Writer": runs of two or more
    words in capitals are names shouted in bylines; a lone acronym stays as it is."""
    return _CAPS_RUN.sub(lambda m: m.group(0).title(), text)


def _drop_role_words(name: str) -> str:
    kept = []
    for w in name.split():
        if w.casefold().strip(".") in _ROLE_WORDS:
            break
        kept.append(w)
    return " ".join(kept)


def resolve_name(name: str, known: list[str], slugs: Iterable[str] = ()) -> tuple[str, bool]:
    """``name`` as one of the article's authors (full name) if it is one: (name, matched)."""
    for k in known:
        if same_person(name, k):
            return (k if len(name_key(k).split()) >= len(name_key(name).split()) else name), True
    forms = slug_forms(name)
    for s in slugs:
        sk = slug_key(s)
        if sk in forms or (len(name_key(name).split()) >= 2 and sk == "".join(name_key(name).split())):
            return name, True
        # "rebecca-refoy" for "Rebecca": the first word of the slug.
        first = re.split(r"[-_.]", s.casefold())[0]
        if len(name_key(name).split()) == 1 and first == name_key(name):
            return name, True
    return name, False
