"""How the bio rules word their messages: excerpts, where a bio is, where two bios part."""

from __future__ import annotations

import os

from ...document import Document
from ...text.bios import Bio, same_person
from ...text.normalize import word_key


def excerpt(text: str, words: int = 8) -> str:
    parts = text.split()
    out = " ".join(parts[:words])
    return out + "…" if len(parts) > words else out


def who(bio: Bio) -> str:
    return f"Bio of '{bio.name}'" if bio.name else f"Bio '{excerpt(bio.text)}'"


def where(doc: Document, bio: Bio) -> str:
    line = doc.lines.position(bio.start)[0]
    return f"line {line} ({bio.label})" if bio.label else f"line {line}"


def relative(other: str, here: str) -> str:
    """``other`` as seen from ``here``'s folder ("b.md", "../2019/b.md")."""
    try:
        return os.path.relpath(other, os.path.dirname(here) or ".")
    except ValueError:  # another drive
        return other


def difference(a: str, b: str, width: int = 6) -> tuple[str, str]:
    """Where two bios part: a few words of each from the first word that differs."""
    wa, wb = a.split(), b.split()
    i = 0
    while i < min(len(wa), len(wb)) and word_key(wa[i]) == word_key(wb[i]):
        i += 1
    start = max(0, i - 1)

    def snip(words: list[str]) -> str:
        out = " ".join(words[start : start + width])
        return ("…" if start else "") + out + ("…" if start + width < len(words) else "")

    return snip(wa), snip(wb)


def different_people(a: Bio, b: Bio) -> bool:
    return bool(a.name and b.name and not same_person(a.name, b.name))
