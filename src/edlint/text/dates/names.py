"""Month and weekday names: the words, their numbers, and the pattern pieces that match
them as written (title or upper case, full or abbreviated)."""

from __future__ import annotations

from collections.abc import Iterable

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# AP abbreviates these months before a day (with a period) and spells out the rest.
AP_MONTH_ABBR = {1: "Jan.", 2: "Feb.", 8: "Aug.", 9: "Sept.", 10: "Oct.", 11: "Nov.", 12: "Dec."}
# The usual three-letter abbreviations ("Sept" is read too but written "Sep").
SHORT_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_SHORT_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_AP_WEEKDAYS = ("Mon.", "Tues.", "Wed.", "Thurs.", "Fri.", "Sat.", "Sun.")

_MONTH_NUM: dict[str, int] = {}
for _i, _name in enumerate(MONTHS, 1):
    _MONTH_NUM[_name.lower()] = _i
    _MONTH_NUM[_name[:3].lower()] = _i
_MONTH_NUM["sept"] = 9

_WEEKDAY_NUM: dict[str, int] = {}
for _i, _name in enumerate(WEEKDAYS):
    _WEEKDAY_NUM[_name.lower()] = _i
    _WEEKDAY_NUM[_name[:3].lower()] = _i
for _form, _i in (("tues", 1), ("thur", 3), ("thurs", 3), ("weds", 2)):
    _WEEKDAY_NUM[_form] = _i


def _cases(words: Iterable[str]) -> list[str]:
    """Title case and upper case forms, longest first (so "March" wins over "Mar")."""
    out = set()
    for w in words:
        out.add(w)
        out.add(w.upper())
    return sorted(out, key=lambda w: (-len(w), w))


_FULL_MONTH_ALT = "|".join(_cases(MONTHS))
_ABBR_MONTH_ALT = "|".join(_cases([m for m in SHORT_MONTHS if m != "May"] + ["Sept"]))
# A month: a full name (a period after it ends the sentence) or an abbreviation with an
# optional period. Never followed by a lower-case letter ("Marching", "Mayor", "Junebug").
MONTH = rf"(?:(?:{_FULL_MONTH_ALT})(?![A-Za-z])|(?:{_ABBR_MONTH_ALT})(?![A-Za-z])\.?)"
_WD_FULL_ALT = "|".join(_cases(WEEKDAYS))
_WD_ABBR_ALT = "|".join(_cases(["Mon", "Tue", "Tues", "Wed", "Weds", "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun"]))
WEEKDAY = rf"(?:(?:{_WD_FULL_ALT})(?![A-Za-z])|(?:{_WD_ABBR_ALT})(?![A-Za-z])\.?)"
WEEKDAY_FULL = rf"(?:{_WD_FULL_ALT})(?![A-Za-z])"


def month_number(text: str) -> int | None:
    return _MONTH_NUM.get(text.rstrip(".").lower())


def weekday_number(text: str) -> int | None:
    return _WEEKDAY_NUM.get(text.rstrip(".").lower())
