"""Is this text English? A cheap check for documents that do not say their language."""

from __future__ import annotations

import re
from typing import Iterable

_TOKEN = re.compile(r"[a-z]+")
_ENGLISH = frozenset(
    "the and of to that is was with for are this have has were which their they said from "
    "been would will it its you your our we he she his her by at on".split()
)


def reads_english(texts: Iterable[str], sample: int = 1500) -> bool:
    """In English prose at least one word in twelve is one of a few dozen function words;
    in other languages (even with English loanwords) under one in twenty. Short texts are
    given the benefit of the doubt."""
    chunks: list[str] = []
    size = 0
    for text in texts:
        chunks.append(text)
        size += len(text)
        if size >= sample:
            break
    words = _TOKEN.findall(" ".join(chunks)[:sample].lower())
    if len(words) < 20:
        return True
    return sum(map(_ENGLISH.__contains__, words)) / len(words) >= 0.08
