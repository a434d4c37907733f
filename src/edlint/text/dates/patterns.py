"""The regular expressions that find a written date and the cues around it that say a
candidate is not one (a quantity after the day, a name before "May", a version number)."""

from __future__ import annotations

import re

from ..patterns import lazy
from .names import MONTH, MONTHS, WEEKDAY, WEEKDAYS

_DAY = r"(?:[12]\d|3[01]|0?[1-9])"
_ORD = r"(?:st|nd|rd|th)"
_DASH = r"(?:\s?[-–—‑]\s?)"
_YEAR = r"(?:1[5-9]\d\d|20\d\d|21\d\d)"
# After a day: not a letter or digit, not a decimal, thousands group or clock time.
_DAY_END = r"(?![\w])(?![.,:]\d)"
_YEAR_END = r"(?![\w])(?![.,]\d)"

_MD = lazy(
    rf"""
    (?<![A-Za-z])(?P<m>{MONTH})[ \t\u00a0]+(?P<d>{_DAY})(?P<o>{_ORD})?{_DAY_END}
    (?:(?P<dash>{_DASH})(?:(?P<m2>{MONTH})[ \t\u00a0]+)?(?P<d2>{_DAY})(?P<o2>{_ORD})?{_DAY_END})?
    (?:(?P<c>,)?[ \t\u00a0]+(?P<y>{_YEAR}){_YEAR_END})?
    """,
    re.X,
)
_DM = lazy(
    rf"""
    (?<![\w.,$€£#/:+\-–])(?P<the>[Tt]he\s+)?(?P<d>{_DAY})(?P<o>{_ORD})?
    (?:(?P<dash>{_DASH})(?P<d2>{_DAY})(?P<o2>{_ORD})?)?
    [ \t\u00a0]+(?:(?P<of>of)[ \t\u00a0]+)?(?P<m>{MONTH})
    (?:(?P<dash3>{_DASH})(?P<d3>{_DAY})(?P<o3>{_ORD})?[ \t\u00a0]+(?P<m3>{MONTH}))?
    (?:(?P<c>,)?[ \t\u00a0]+(?P<y>{_YEAR}){_YEAR_END})?
    """,
    re.X,
)
_MY = lazy(rf"(?<![A-Za-z])(?P<m>{MONTH})(?P<c>,)?[ \t\u00a0]+(?:(?P<of>of)[ \t\u00a0]+)?(?P<y>{_YEAR}){_YEAR_END}")
# The numeric patterns open with a digit, and only then look behind it ("a digit that does
# not follow a letter, a slash ..."): a pattern that starts with a character class lets the
# regex engine skip quickly to the digits, where one that starts with a lookbehind is tried
# at every position.
_ISO = lazy(
    r"(?P<y>\d(?<![\w./:\-–]\d)\d{3})(?P<s>[-/.])(?P<m>\d{1,2})(?P=s)(?P<d>\d{1,2})"
    r"(?P<t>T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?"
    r"(?![\w/])(?![-.:/]\w)"
)
_NUM = lazy(
    r"(?P<a>\d(?<![\w./:$€£#\-–]\d)\d?)(?P<s>[/.-])(?P<b>\d{1,2})(?P=s)(?P<y>\d{4}|\d{2})"
    r"(?![\w/])(?![-.:/]\w)"
)

_DIGIT = lazy(r"\d")
# Cheap tests that let most text skip the full patterns.
_MONTH_HINT = lazy("|".join(sorted({m[:3] for m in MONTHS} | {m[:3].upper() for m in MONTHS})))
# (A digit, a separator, one or two digits, a separator and a digit. Written to open with
# the separator, which is rarer in prose than a digit, and look behind it for the digit.)
_NUMERIC_HINT = lazy(r"[-/.](?<=\d.)\d{1,2}[-/.]\d")
# The characters that may stand between the start of a day-month date and its month
# ("the 19th-21st of "), matched backwards from the month.
_DM_RUN_REVERSED = lazy("[\\d\\sTthesndrof\\-\u2013\u2014\u2011]*")
# Text right after a day that shows the number is a quantity, not a day.
_QUANTITY_AFTER = lazy(
    r"[ \t\u00a0]*(?:%|(?:percent|per\s+cent|million|billion|trillion|thousand|hundred|dozen|"
    r"times|people|persons|percentage|points?|pts|goals?|runs|votes|seats|miles?|mi|km|"
    r"kilometers?|kilometres?|meters?|metres?|feet|foot|ft|inches|pounds|lbs?|kg|grams?|"
    r"years?|months?|weeks?|days?|hours?|hrs|minutes?|mins?|seconds?|secs?|degrees|students|"
    r"members|employees|dollars|cents|agencies|states|countries|teams|projects|items|"
    r"users|pages|steps|tips|ways|things|questions|reasons|lessons)\b)",
    re.I,
)
_HYPHEN_WORD_AFTER = lazy(r"[-‑][A-Za-z]")
_SCORE_AFTER = lazy(r"\s?[-–—‑]\s?\d")
_PREV_WORD = lazy(r"([A-Z][a-z]+|[A-Z]{2,})\.?[ \t\u00a0]+$")
_VERSION_BEFORE = lazy(r"(?:\bv|\bversion|\bver\.?|\brelease|\bbuild|\brev\.?|\brevision)\s*$", re.I)
# Capitalised words that may stand before a month without making it part of a name.
_BEFORE_MONTH_OK = frozenset(
    w.lower()
    for w in (
        *WEEKDAYS,
        "On",
        "In",
        "By",
        "The",
        "From",
        "Since",
        "Until",
        "Till",
        "Through",
        "Before",
        "After",
        "Last",
        "Next",
        "This",
        "That",
        "Early",
        "Late",
        "Mid",
        "Starting",
        "Beginning",
        "Ending",
        "Effective",
        "Dated",
        "Updated",
        "Published",
        "Posted",
        "Released",
        "Due",
        "As",
        "Of",
        "For",
        "At",
        "To",
        "And",
        "Or",
        "During",
        "Throughout",
        "Between",
        "Each",
        "Every",
        "Around",
        "About",
        "Circa",
        "Date",
        "Deadline",
        "Opens",
        "Closes",
        "Ends",
        "Starts",
        "Begins",
        "Friday",
        "Mon",
        "Tue",
        "Tues",
        "Wed",
        "Thu",
        "Thur",
        "Thurs",
        "Fri",
        "Sat",
        "Sun",
        "Until",
        "Also",
        "Then",
        "Today",
        "Tonight",
        "Tomorrow",
        "Yesterday",
        "Monday",
        "Sunday",
        "Week",
        "Weekend",
        "Saturday",
        "Thursday",
        "Tuesday",
        "Wednesday",
        "Is",
        "Was",
        "Will",
        "Are",
        "Were",
        "Be",
        "Been",
        "Held",
        "Set",
        "Scheduled",
        "Slated",
        "Planned",
        "Expected",
        "Launched",
        "Announced",
        "Signed",
        "Issued",
        "Filed",
        "Approved",
        "Passed",
        "Reported",
        "Mid-",
        "Only",
        "Just",
        "Even",
        "Not",
        "But",
        "Accessed",
        "Retrieved",
        "Revised",
        "Modified",
        "Created",
        "Edited",
        "Reviewed",
        "Recorded",
        "Taken",
        "Photographed",
        "Filmed",
        "Written",
    )
)
# Month-led names that are not dates ("10 March Madness picks", "4 May Day rallies").
_MONTH_PHRASE_AFTER = lazy(r"[ \t\u00a0]*(?:Madness|Day\b|Fools?\b|Showers\b)")
_NAMEY_MONTHS = frozenset({"may"})
_YEAR_BEFORE = lazy(r"(?<![\w.,])\d{4}[ \t\u00a0]+$")
_PLURAL_AFTER = lazy(r"[ \t\u00a0]+[a-z]+s\b")
_PREV_TOKEN = lazy(r"(\w+)[ \t\u00a0]+$")
# Words after which "5 June" is a date even when a plural noun follows ("on 5 June voters ...").
_DATE_INTRO = frozenset(
    "on by from until till since before after to through between and or of for at in "
    "until than including except dated effective".split()
)
_WD_BEFORE = lazy(
    rf"(?<![A-Za-z])(?P<w1>{WEEKDAY})(?:(?P<wdash>{_DASH})(?P<w2>{WEEKDAY})"
    rf"|[ \t\u00a0]+(?:to|through|thru|and|&)[ \t\u00a0]+(?P<w3>{WEEKDAY}))?"
    r"(?:,[ \t\u00a0]*|[ \t\u00a0]+|[ \t\u00a0]*\([ \t\u00a0]*)(?:the[ \t\u00a0]+)?$"
)
# Every weekday name _WD_BEFORE reads starts with one of these (its forms are title and upper
# case only): where none stands, it has nothing to find.
_WEEKDAY_HINT = lazy("|".join(sorted({w[:3] for w in WEEKDAYS} | {w[:3].upper() for w in WEEKDAYS})))
_WD_AFTER = lazy(rf"[ \t\u00a0]*\([ \t\u00a0]*(?P<w>{WEEKDAY})[ \t\u00a0]*\)")
_RECURRING_BEFORE = lazy(r"(?:\bevery|\beach|\balternate|\bother)\s+$", re.I)
