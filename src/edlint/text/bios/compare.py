"""Comparing bios: the comparison key of a bio and how two bios relate."""

from __future__ import annotations

from ..normalize import word_key
from ..patterns import lazy

_LINK_RESIDUE = lazy(r"\]\(\s*(?:\"[^\"]*\")?\s*\)|[\[\]]")


def bio_key(text: str) -> str:
    """Comparison form: words only (case, spacing, NBSP, quote style and punctuation gone),
    with leftovers of unparsed link syntax removed."""
    return word_key(_LINK_RESIDUE.sub(" ", text))


def bio_relation(a: str, b: str, similarity: float, min_contained: int = 8) -> tuple[str, float] | None:
    """How two bio keys (from :func:`bio_key`) relate, or None when they are different bios.

    ``("same", 1.0)``: the same words; ``("contained", 1.0)``: the shorter (at least
    ``min_contained`` words) is part of the longer, as a short bio is the opening of the full
    one; ``("similar", score)``: rapidfuzz's ratio reaches ``similarity`` (copies drift by a
    word). Strings whose lengths differ too much for the ratio to reach it are not compared.
    """
    if a == b:
        return ("same", 1.0) if a else None
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if not short:
        return None
    if short.count(" ") + 1 >= min_contained and f" {short} " in f" {long_} ":
        return ("contained", 1.0)
    # ratio = 2*matches/(len a + len b) <= 2*len(short)/(len(short)+len(long)).
    if 2 * len(short) < similarity * (len(short) + len(long_)):
        return None
    from rapidfuzz.fuzz import ratio

    score = ratio(a, b, score_cutoff=similarity * 100)
    return ("similar", score / 100) if score else None


# A sentence boundary inside a bio: the end of a sentence, then a capital.
_SENTENCE_BREAK = lazy(r"(?<=[.!?])[\s\u00a0]+(?=[\"“‘'(*_]*[A-Z])")
_ABBREVIATION = lazy(
    r"(?:(?:[A-Za-z]\.)+[A-Za-z]?|Dr|Mr|Mrs|Ms|Mx|St|Jr|Sr|Prof|Gen|Gov|Sen|Rep|Lt|Col|Capt|Sgt|Rev|No|vs|Inc|Co|Corp)\.$"
)
_PRONOUN_OPENERS = frozenset({"he", "she", "they", "his", "her", "their", "him", "them", "it", "you"})


def own_part(text: str, name: str | None) -> str:
    """The part of a closing bio that is about its own person: the bio stops at a sentence
    that opens with someone else's name ("Tim Lowden leads the program. Gray Brooks, Eric
    Mill and Colin Craig are at 18F ..." is Tim Lowden's bio up to the first period)."""
    if not name:
        return text
    from .names import leading_name, same_person
    from .sentences import _PREDICATE

    cut = len(text)
    for m in _SENTENCE_BREAK.finditer(text):
        at = m.end()
        while at < len(text) and text[at] in "\"“‘'(*_":
            at += 1
        first = text[at : at + 12].split(" ", 1)[0].lower()
        if first in _PRONOUN_OPENERS:
            continue
        before = text[: m.start()].rsplit(None, 1)[-1] if text[: m.start()].strip() else ""
        if _ABBREVIATION.match(before.lstrip("(\"“‘'")):
            continue  # "U.S. Digital Service", "Dr. Jane Doe": not a sentence's end
        found = leading_name(text, at)
        if found is None or same_person(found[0], name):
            continue
        after = text[found[1] : found[1] + 40]
        if after.startswith((",", " and ", " & ")) or _PREDICATE.match(after.lstrip()):
            cut = m.start()
            break
    return text[:cut].rstrip()


def sentence_keys(text: str) -> list[str]:
    """The comparison keys of a bio's sentences, in order."""
    out = []
    start = 0
    for m in _SENTENCE_BREAK.finditer(text):
        before = text[start : m.start()]
        last = before.rsplit(None, 1)[-1] if before.strip() else ""
        if _ABBREVIATION.match(last.lstrip("(\"“‘'")):
            continue
        out.append(bio_key(before))
        start = m.end()
    out.append(bio_key(text[start:]))
    return [k for k in out if k]


def same_sentences(a: str, b: str) -> bool:
    """Is every sentence of one bio also a sentence of the other? A bio that leaves out its
    contact line or its disclaimer ("All opinions are his own") says nothing different."""
    ka, kb = sentence_keys(a), sentence_keys(b)
    if not ka or not kb:
        return False
    small, large = (ka, kb) if len(ka) <= len(kb) else (kb, ka)
    return set(small) <= set(large)
