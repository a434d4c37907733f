"""What a bio sentence looks like: a name, an optional appositive and a bio predicate
("<Name> is a/the ...", "<Name> covers ..."), where the bio ends, and contact lines."""

from __future__ import annotations

import re
from typing import NamedTuple

from ..normalize import fold_chars
from ..patterns import lazy
from .names import leading_name

_PREDICATE = lazy(
    r"(?:also |currently |now |previously |formerly |recently )?"
    r"(?:is|was|are|were|has|have|had|serves|served|works|worked|work|joined|joins|covers|"
    r"covered|cover|writes|wrote|write|reports|reported|edits|edited|leads|led|lead|manages|"
    r"managed|directs|directed|teaches|taught|studies|studied|lives|lived|holds|held|earned|"
    r"received|graduated|specializes|specialises|focuses|hosts|hosted|produces|produced|"
    r"contributes|contributed|spent|began|started|helps|helped|oversees|runs|founded|"
    r"co-founded|brings)\b",
    re.I,
)
_COPULA = lazy(
    r"(?:also |currently |now |previously |formerly |recently )?"
    r"(?:is|was|are|were|serves|served|works|worked|work|joined|covers|covered|writes|reports|"
    r"edits|leads|manages|directs|teaches|specializes|specialises|focuses|hosts|contributes|"
    r"has been|had been|has worked|has covered|has written|has reported)\b",
    re.I,
)
_APPOSITIVE = lazy(r",\s*[^,]{1,160}?,\s*")
_PAIR = lazy(r"\s+(?:and|&)\s+")
_ROLE_CUE = lazy(
    r"\b(?:reporter|editor|correspondent|writer|author|columnist|journalist|contributor|producer|"
    r"photographer|photojournalist|critic|blogger|freelancer?|intern|interning|internship|fellow|"
    r"student|semester|strategist|specialist|manager|director|designer|developer|engineer|"
    r"researcher|analyst|advis[eo]r|officer|founder|professor|lecturer|consultant|coordinator|"
    r"anchor|host|covers|covering|writes|writing about|reach (?:him|her|them|me)|"
    r"follow (?:him|her|them|me)|twitter|email)\b",
    re.I,
)
_CONTACT = lazy(
    r"(?:reach|contact|email|e-mail|write to) (?:him|her|them|me) (?:at|on|via|by)\b|follow (?!us\b)\S+(?: \S+)? on\b",
    re.I,
)
_STOP = lazy(
    r"[.!?][\"')\]]*\s*(?=(?:(?:This|These) (?:article|post|story|piece|series|blog|essay|interview|"
    r"column|report|is|was|first|second|third)\b|Editor'?s note|Note:|Read more|Check out|"
    r"Learn more|Subscribe|Related:|Originally (?:published|posted)|A version of this|"
    r"Cross-posted|The views|Views expressed|Disclaimer|Photo|Top image|Correction))"
)
_SENTENCE_START = lazy(r"[.!?][\"')\]]*\s*(?=[A-Z])")


class BioSentence(NamedTuple):
    """A sentence that reads as an author bio: the name, the role and where it ends."""

    name: str  # the person named first
    name_end: int  # offset after the name
    end: int  # offset after the predicate word
    role: bool  # a job word or a contact line in the first sentence
    copula: bool  # "is/was/serves as/works/joined/covers/writes ..." (a description, not an act)
    role_near: bool  # a job word within the next 300 characters


def bio_sentence(text: str, pos: int = 0) -> BioSentence | None:
    """A bio opening at ``pos``: a name, an optional appositive, a bio predicate.

    "Cynthia Baur, Ph.D., is the Senior Advisor ...", "Rebecca and Colin work here ...",
    "Julius is an LA Entertainment Reporter ..." (``text`` folded with ``fold_chars``).
    """
    found = leading_name(text, pos)
    if found is None:
        return None
    name, i = found
    pair = _PAIR.match(text, i)
    if pair is not None:
        other = leading_name(text, pair.end())
        if other is not None:
            i = other[1]
    if i < len(text) and text[i] == ",":
        app = _APPOSITIVE.match(text, i)
        if app is None:
            return None
        i = app.end()
    elif i < len(text) and text[i] == " ":
        i += 1
    else:
        return None
    pred = _PREDICATE.match(text, i)
    if pred is None:
        return None
    stop = _SENTENCE_START.search(text, pred.end())
    first = text[pos : stop.end() if stop else pos + 300]
    role = bool(_ROLE_CUE.search(first))
    return BioSentence(
        name,
        found[1],
        pred.end(),
        role,
        bool(_COPULA.match(text, i)),
        role or bool(_ROLE_CUE.search(text, pos, pos + 300)),
    )


def bio_end(text: str, start: int) -> int:
    """Where a bio that starts at ``start`` ends: the end of the text, or before a closing
    note ("This article is part of ...", "Editor's note: ...")."""
    m = _STOP.search(text, start)
    if m is None:
        return len(text.rstrip())
    end = m.start() + 1
    while end < len(text) and text[end] in "\"')]":
        end += 1
    return end


def is_contact_line(text: str) -> bool:
    """ "Reach her at ...", "Follow Maya on Twitter ..." (a bio's closing line)."""
    return bool(_CONTACT.match(fold_chars(text).strip()))
