"""Quoting article text inside a finding's message, as a reader would see it.

``f"{text!r}"`` shows Python's escaping (``'"It\\'s a disaster…'``): backslashes before
apostrophes, and quote marks chosen for Python rather than for the text. :func:`quoted`
picks marks that the text does not contain, shortens long text with an ellipsis, and turns
characters a reader cannot see (line breaks, tabs, controls, zero-width and bidi marks) into
visible symbols, so a message stays on one line and says what is really in the file.
"""

from __future__ import annotations

import re

# Pairs of marks to wrap text in, in order of preference: the first whose marks do not
# appear in the text is used, so the reader can tell where the quoted text starts and ends.
# Single quotes first, as the messages that quote a word by hand ('author', 'Advertisement').
_MARKS = (("'", "'"), ('"', '"'), ("\u2018", "\u2019"), ("\u201c", "\u201d"), ("\u00ab", "\u00bb"), ("`", "`"))

_LINE_BREAK = "\u23ce"  # ⏎
_TAB = "\u21e5"  # ⇥
# Characters that print as nothing (or move the cursor, or reorder text): C0 and C1
# controls, DEL, soft hyphen, zero-width and directional marks, line/paragraph separators,
# word joiners, bidi embeddings and isolates, the byte order mark.
_INVISIBLE = re.compile(
    "\r\n|[\x00-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff]"
)
_NAMED = {
    "\r\n": _LINE_BREAK,
    "\n": _LINE_BREAK,
    "\r": _LINE_BREAK,
    "\u2028": _LINE_BREAK,
    "\u2029": _LINE_BREAK,
    "\t": _TAB,
}


def visible(text: str) -> str:
    """``text`` with line breaks as ⏎, tabs as ⇥ and other invisible characters as
    ``<U+200B>``; everything else unchanged."""
    if text.isprintable():  # the common case: nothing to replace (tabs and newlines are not printable)
        return text
    return _INVISIBLE.sub(lambda m: _NAMED.get(m.group(), f"<U+{ord(m.group()[0]):04X}>"), text)


def shorten(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` characters, ending in "…" when cut."""
    if len(text) <= limit:
        return text
    return text[: max(1, limit - 1)].rstrip() + "\u2026"


def quoted(text: object, limit: int = 80) -> str:
    """``text`` in quote marks it does not contain, at most ``limit`` characters long (before
    invisible characters are spelled out), for a finding's message or a fix's title."""
    shown = visible(shorten(str(text), limit))
    for opening, closing in _MARKS:
        if opening not in shown and closing not in shown:
            return f"{opening}{shown}{closing}"
    return f"'{shown}'"  # every kind of mark is in the text: the house default
