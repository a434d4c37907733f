"""Normalised forms of text for comparison (duplicate paragraphs, bios, captions)."""

from __future__ import annotations

import re

# Curly quotes, primes, dashes and spaces folded to one plain form each.
_FOLD = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
        "\u00ab": '"', "\u00bb": '"',
        "\u2010": "-", "\u2011": "-", "\u2013": "-", "\u2014": "-", "\u2212": "-",
        "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u2007": " ", "\u200b": "",
        "\u2026": "...",
    }
)
_SPACES = re.compile(r"\s+")
_TRAILING = re.compile(r"[\s.,;:!?'\"-]+$")


def fold(text: str) -> str:
    """Fold typographic variants: curly to straight quotes, dashes, no-break spaces."""
    return text.translate(_FOLD)


def normalize(text: str) -> str:
    """Case-, whitespace-, quote- and trailing-punctuation-insensitive form."""
    return _TRAILING.sub("", _SPACES.sub(" ", fold(text)).strip().casefold())
