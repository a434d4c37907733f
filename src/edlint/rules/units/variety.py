"""Which spelling of metre/litre an article takes: the house option, a declared English
variety, else the article's own majority."""

from __future__ import annotations

from collections import Counter

from ...document import Document
from .options import UnitsOptions
from .scan import _region, _scan


def _house_spelling(doc: Document, opts: UnitsOptions) -> str:
    if opts.spelling != "auto":
        return "re" if opts.spelling == "metre" else "er"
    region = _region(doc)
    if region is not None:
        return "er" if region == "us" else "re"
    votes = Counter(sm.variant for _, sm in _scan(doc).spellings)
    return "er" if votes["er"] > votes["re"] else "re"


def _spell(word: str, variant: str) -> str:
    if variant == "er":
        return word.replace("metre", "meter").replace("litre", "liter")
    return word
