"""Bylines: the people a "By ..." line names, and the byline blocks of a document."""

from __future__ import annotations

import re
from typing import Any, NamedTuple

from ..normalize import fold_chars
from ..patterns import lazy
from .names import _NOT_NAME, _drop_role_words, _title_if_caps, leading_name
from .organisations import is_organisation

_BY_MARKER = lazy(
    r"(?:^|[|\u2022\u00b7]\s*|\s[-\u2013\u2014]\s*)(?:written\s+|words\s+|story\s+|reporting\s+)?by\b\s*:?\s*",
    re.I,
)
_BYLINE_SPLIT = lazy(r"\s*(?:,|;|\band\b|&|\||\u2022|\u00b7|\s[-\u2013\u2014]\s)\s*", re.I)


def byline_people(text: str) -> list[str]:
    """The people a byline names: "By TOM KRISHER, AP Auto Writer" -> ["Tom Krisher"].

    Empty when the line has no "By" marker near its start, or names only an organisation
    or a role ("By Reuters Staff", "Written By").
    """
    t = fold_chars(text)
    m = _BY_MARKER.search(t, 0, min(len(t), 60))
    if m is None or m.start() > 40:
        return []
    rest = _title_if_caps(t[m.end() :])
    out: list[str] = []
    for part in _BYLINE_SPLIT.split(rest):
        part = part.strip()
        if not part:
            continue
        if re.match(r"(?i)(?:updated|published|posted)\b|\d", part):
            break
        found = leading_name(part)
        if found is None:
            continue
        name = _drop_role_words(found[0])
        if name != found[0] and (len(name.split()) < 2 or is_organisation(found[0])):
            continue  # "IGN Staff", "Fox News": an organisation or a desk
        if not name or name.casefold() in _NOT_NAME or (name.isupper() and len(name) <= 5):
            continue
        out.append(name)
    return out


class Byline(NamedTuple):
    """A byline block and the people it names."""

    names: tuple[str, ...]
    text: str
    start: int
    end: int


def document_bylines(doc: Any) -> list[Byline]:
    """ "By ..." lines that name people, outside quotes, before the body gets going."""
    return doc.view("bios.bylines", _build_bylines)


def _build_bylines(doc: Any) -> list[Byline]:
    out: list[Byline] = []
    long_paragraphs = 0
    for b in doc.prose:
        if b.kind == "paragraph" and len(b.text.text) > 80:
            long_paragraphs += 1
            if long_paragraphs > 2:
                break
        if b.kind != "byline" or b.in_quote:
            continue
        names = byline_people(b.text.text)
        if names:
            out.append(Byline(tuple(names), b.text.text, b.span.start, b.span.end))
    return out
