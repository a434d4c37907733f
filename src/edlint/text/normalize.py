"""Normalised forms of text for comparison (duplicate paragraphs, bios, captions)."""

from __future__ import annotations

import re

# Curly quotes, primes, dashes and spaces folded to one plain form each: character for
# character, so offsets into the folded text are offsets into the original ...
_FOLD_SAME = str.maketrans(
    {
        **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032", "'"),
        **dict.fromkeys("\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb", '"'),
        **dict.fromkeys("\u2010\u2011\u2013\u2014\u2212", "-"),
        **dict.fromkeys("\u00a0\u2009\u202f\u2007\u200b", " "),
        "\u2026": ".",
    }
)
# ... and, for comparing, a zero-width space dropped and an ellipsis written out.
_FOLD = {**_FOLD_SAME, ord("\u200b"): "", ord("\u2026"): "..."}
# str.translate looks every character up in a dict: slow on long text. Most text has
# nothing to fold, which one regex search (or isascii) tells at C speed.
_FOLDABLE = re.compile("[" + "".join(chr(c) for c in _FOLD) + "]")
_SPACES = re.compile(r"\s+")
_TRAILING = re.compile(r"[\s.,;:!?'\"-]+$")


def _replace_each(text: str, table: dict[int, str]) -> str:
    # One C-speed str.replace per distinct character present: far faster than translate.
    for ch in set(_FOLDABLE.findall(text)):
        text = text.replace(ch, table[ord(ch)])
    return text


def fold(text: str) -> str:
    """Fold typographic variants: curly to straight quotes, dashes, no-break spaces."""
    if text.isascii():
        return text
    return _replace_each(text, _FOLD)


def normalize(text: str) -> str:
    """Case-, whitespace-, quote- and trailing-punctuation-insensitive form."""
    return _TRAILING.sub("", _SPACES.sub(" ", fold(text)).strip().casefold())


_NOT_WORD = re.compile(r"[\W_]+")


def fold_chars(text: str) -> str:
    """Like :func:`fold`, but keeps the length: every offset still points at the same place."""
    if text.isascii():
        return text
    return _replace_each(text, _FOLD_SAME)


# For word_key: every ASCII byte that is not a letter or digit becomes a space; bytes of
# UTF-8 sequences (128 and up) stay as they are.
_WORD_BYTES = bytes(c if chr(c).isalnum() else 32 for c in range(128)) + bytes(range(128, 256))
# A character outside ASCII that is not a word character (for these, the regex's \w is
# str.isalnum).
_NON_ASCII_NON_WORD = re.compile(r"[^\x00-\x7f\w]")
_SPACE_RUN = re.compile(b"  +")


def word_key(text: str) -> str:
    """Only the words, lower-cased and space-separated: punctuation, quote style, case and
    spacing all vanish ("Maya’s  bio." and "maya's bio" -> "maya s bio")."""
    # What ``_NOT_WORD.sub(" ", fold(text).casefold()).strip()`` gives, at C speed.
    t = text.casefold()
    if not t.isascii():
        # Folding changes nothing here but the zero-width space, which it deletes: every
        # other character it folds, and all it folds them to, is a separator either way
        # (casefold leaves them all, and makes none of them). The other non-ASCII
        # characters that are not word characters become spaces.
        if "\u200b" in t:
            t = t.replace("\u200b", "")
        t = _NON_ASCII_NON_WORD.sub(" ", t)
    # ASCII is mapped byte by byte (after which spaces are the only whitespace), and the
    # runs of spaces collapse.
    return _SPACE_RUN.sub(b" ", t.encode().translate(_WORD_BYTES)).strip().decode()


def strip_accents(text: str) -> str:
    """ "Condé Nast" -> "Conde Nast" (for matching names, never for display)."""
    import unicodedata

    if text.isascii():
        return text
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
