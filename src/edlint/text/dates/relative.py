"""Words whose meaning depends on the publication date ("yesterday", "on Thursday",
"last week")."""

from __future__ import annotations

from ..patterns import lazy
from .names import MONTH, WEEKDAY_FULL

_REL_WORDS = lazy(
    r"\b(?:[Tt]oday|[Yy]esterday|[Tt]omorrow|[Tt]onight|[Ll]ast night|[Tt]his (?:morning|afternoon|evening))\b"
    rf"|\b(?:[Oo]n|[Ll]ast|[Tt]his|[Nn]ext|[Bb]y|[Uu]ntil|[Ss]ince)[ \t\u00a0]+{WEEKDAY_FULL}"
)


_DATE_AFTER_WEEKDAY = lazy(
    rf"(?:,[ \t\u00a0]*|[ \t\u00a0]+|[ \t\u00a0]*\([ \t\u00a0]*)(?:the[ \t\u00a0]+)?(?:{MONTH}|\d)"
)
_SENTENCE_START = lazy(r"(?:^|[.!?:;\"“”'‘(—–-][ \t\u00a0]*|\n)[ \t\u00a0]*$")


# Periods counted from the publication date: "last week", "later this month". "The last
# week of the trial" names a period of something else and is left out.
_REL_PERIODS = lazy(
    r"\b(?:(?:[Ee]arlier|[Ll]ater)[ \t\u00a0]+this|[Tt]his|[Ll]ast|[Nn]ext)[ \t\u00a0]+(?:week|weekend|month|year)\b"
)
_PERIOD_OF_SOMETHING = lazy(r"(?i)\bthe[ \t\u00a0]+$")
_OF_AFTER = lazy(r"[ \t\u00a0]+of\b")


# "The technologies of tomorrow", "the newsroom of yesterday": the future or the past, not a
# day. So are "tomorrow's leaders", "yesterday's news" and "today and tomorrow".
_OF_BEFORE = lazy(r"(?i)\bof[ \t\u00a0]+$")
_PAIRED = lazy(r"(?i)^[ \t\u00a0]*,?[ \t\u00a0]*(?:and|or)[ \t\u00a0]+(?:today|tomorrow|yesterday)\b")
_PAIRED_BEFORE = lazy(r"(?i)\b(?:today|tomorrow|yesterday),?[ \t\u00a0]+(?:and|or)[ \t\u00a0]+$")
_DAY_WORDS = ("today", "tomorrow", "yesterday")


def _figurative(text: str, start: int, end: int, word: str) -> bool:
    """Is "today", "tomorrow" or "yesterday" here the present, the future or the past rather
    than a day ("the cities of tomorrow", "tomorrow's workforce", "today and tomorrow")?"""
    lowered = word.lower()
    if lowered not in _DAY_WORDS:
        return False
    if text[end : end + 2] in ("'s", "’s"):
        return True  # "today's websites", "tomorrow's leaders"
    if _OF_BEFORE.search(text, max(0, start - 4), start):
        return True
    return bool(_PAIRED.match(text, end) or _PAIRED_BEFORE.search(text, max(0, start - 16), start))


def find_relative_dates(text: str, periods: bool = False) -> list[tuple[int, int, str]]:
    """Words whose meaning depends on the publication date: "yesterday", "on Thursday", and
    with ``periods`` also "last week", "next month", "earlier this year".

    A weekday written with a date ("on Thursday, Nov. 13") is not relative.
    """
    out = []
    if periods:
        for m in _REL_PERIODS.finditer(text):
            if _OF_AFTER.match(text, m.end()) and _PERIOD_OF_SOMETHING.search(text, max(0, m.start() - 5), m.start()):
                continue  # "the last week of the trial"
            out.append((m.start(), m.end(), m.group(0)))
    for m in _REL_WORDS.finditer(text):
        if _DATE_AFTER_WEEKDAY.match(text, m.end()):
            continue
        word = m.group(0)
        if word[0].isupper() and not _SENTENCE_START.search(text, max(0, m.start() - 4), m.start()):
            continue  # "USA Today", "the Today show": a name
        if _figurative(text, m.start(), m.end(), word):
            continue
        out.append((m.start(), m.end(), m.group(0)))
    if periods:
        out.sort()
    return out
