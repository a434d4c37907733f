"""Writing a date in a house style (AP, US, UK, ISO)."""

from __future__ import annotations

from typing import NamedTuple

from .mention import DateMention
from .names import AP_MONTH_ABBR, MONTHS, SHORT_MONTHS


class DateStyle(NamedTuple):
    """How a date is written: the parts a house style fixes."""

    order: str = "md"  # md | dm | iso
    naming: str = "ap"  # ap (Jan., Feb., Aug.-Dec. abbreviated before a day) | full | abbr
    abbr_dot: bool = True  # "Nov." or "Nov"
    ordinals: bool = False
    year_comma: bool = True  # md: "June 19, 2025"; dm: "19 June, 2025"
    keep_of: bool = False  # keep "the 13th of November" as written
    sept: str = "Sept"  # "Sept" (AP) or "Sep"


HOUSE_STYLES = {
    "ap": DateStyle("md", "ap", True, False, True),
    "us": DateStyle("md", "full", True, False, True),
    "uk": DateStyle("dm", "full", True, False, False),
    "iso": DateStyle("iso", "full", True, False, False),
}


def is_abbreviated(month: int, written: str) -> bool:
    return bool(written) and written.rstrip(".").lower() != MONTHS[month - 1].lower()


def month_as(month: int, written: str, style: DateStyle, with_day: bool = True) -> str:
    """Month ``month`` as ``style`` writes it. AP abbreviates Jan., Feb., Aug., Sept., Oct.,
    Nov. and Dec. before a day and spells everything else out; a month alone or with a year
    is spelled out (an abbreviating style keeps an abbreviation the writer chose there)."""
    if with_day:
        abbreviate = style.naming == "abbr" or (style.naming == "ap" and month in AP_MONTH_ABBR)
    else:
        abbreviate = style.naming == "abbr" and is_abbreviated(month, written)
    if not abbreviate or month == 5:
        return MONTHS[month - 1]
    base = style.sept if month == 9 else SHORT_MONTHS[month - 1]
    return base + "." if style.abbr_dot else base


def _ord(n: int) -> str:
    if 10 <= n % 100 <= 20:
        return f"{n}th"
    return str(n) + {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def render(d: DateMention, style: DateStyle) -> str | None:
    """``d`` (the date part, without its weekday) written in ``style``; None when it cannot
    be (an ISO date needs a written year; a date with no valid reading)."""
    if d.month is None:
        return None
    if d.kind == "numeric" and d.ambiguous:
        return None
    if style.order == "iso":
        if d.year is None or d.day is None:
            return None
        if d.is_range:
            return None
        return f"{d.year:04d}-{d.month:02d}-{d.day:02d}"
    if d.day is None:  # month and year
        name = month_as(d.month, d.month_text, style, with_day=False)
        of = " of" if (style.keep_of and d.of) else ""
        return f"{name}{of} {d.year}"
    dash = d.dash or "-"
    day = _ord if style.ordinals else str
    m1 = month_as(d.month, d.month_text, style)
    if d.dot_unknown and m1.endswith("."):
        m1 = m1[:-1]  # the period after the date ends the sentence and stays
    em = d.end_month if d.end_month is not None else d.month
    m2 = month_as(em, d.end_month_text or d.month_text, style)
    if style.order == "md":
        out = f"{m1} {day(d.day)}"
        if d.end_day is not None:
            out += f"{dash}{m2 + ' ' if em != d.month else ''}{day(d.end_day)}"
        if d.year is not None:
            out += f"{',' if style.year_comma else ''} {d.year}"
        return out
    of = " of" if (style.keep_of and d.of and style.ordinals) else ""
    the = "the " if of and d.text.startswith("the") else ""
    if d.end_day is None:
        out = f"{the}{day(d.day)}{of} {m1}"
    elif em == d.month:
        out = f"{day(d.day)}{dash}{day(d.end_day)} {m1}"
    else:
        out = f"{day(d.day)} {m1}{dash}{day(d.end_day)} {m2}"
    if d.year is not None:
        out += f"{',' if style.year_comma else ''} {d.year}"
    return out


def spell(year: int | None, month: int, day: int | None, style: str = "ap") -> str:
    """A date written out for a message ("Oct. 7, 2025", "7 October 2025")."""
    st = HOUSE_STYLES.get(style, HOUSE_STYLES["ap"])
    if st.order == "iso":
        st = HOUSE_STYLES["ap"]
    d = DateMention(0, 0, "", "md", month, day, year)
    return render(d, st) or ""
