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
