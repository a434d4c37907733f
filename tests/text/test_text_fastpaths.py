"""The fast paths in the shared text helpers give what the plain forms they replace give.

Each helper below was rewritten for speed (prefilters, a literal scan before a regex, bytes
instead of a regex substitution, bisection instead of pair-by-pair checks). Each test runs
the plain form next to the fast one on random and hand-made text and asserts the same
result, so a later edit cannot make them drift apart unnoticed.
"""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from edlint.text import dates as D
from edlint.text.dates import find as DF
from edlint.text.dates import patterns as DP
from edlint.text.normalize import fold, word_key
from edlint.text.quantities import extract, traps, units

PROPS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# -- normalize.word_key ---------------------------------------------------------------------


def _word_key_plain(text: str) -> str:
    return re.sub(r"[\W_]+", " ", fold(text).casefold()).strip()


@PROPS
@given(st.text())
def test_word_key_matches_the_regex_form_on_any_text(text):
    assert word_key(text) == _word_key_plain(text)


def test_word_key_on_awkward_characters():
    for text in (
        "Maya’s  bio.",
        "snake_case_name",
        "x²+y² = 25°C",
        "€5 — ½ price",
        "İstanbul ß ﬁ",
        "lone \udcff surrogate",
        "tab\tand\u3000ideographic space",
        "١٢٣ digits",
        "",
    ):
        assert word_key(text) == _word_key_plain(text)


# -- quantities: unit_at with its head filter, _prev_word ---------------------------------------


def _unit_at_plain(text: str, pos: int, attached: bool = False):
    m = units._UNIT_WORDS.match(text, pos)
    if m is None:
        return None
    s = m.group()
    while True:
        hit = units._lookup(s, attached)
        if hit is not None:
            key, form, length = hit
            end = pos + length
            if not (key == "in" and form == "abbr" and not attached and not units._IN_OK.match(text, end)):
                return key, form, end
        cut = max(s.rfind(" "), s.rfind("\u00a0"))
        if cut < 0:
            return None
        s = s[:cut]


UNIT_WORDS = st.sampled_from(
    sorted(units._ABBR)
    + sorted(units._FULL)
    + [k.upper() for k in units._FULL]
    + [k.title() for k in units._FULL]
    + [
        "km.",
        "mph.",
        "m2.",
        "m22",
        "km/h.",
        "sq. ft",
        "people",
        "in the",
        "in of",
        "/h",
        ".",
        "the",
        "per",
        "a",
        "°",
        " ",
        "\u00a0",
        "-",
        "5",
        "2",
        "3",
        "²",
    ]
)
UNITISH = st.lists(UNIT_WORDS, min_size=1, max_size=6).map(
    lambda xs: "".join(x + (" " if i % 2 else "") for i, x in enumerate(xs))
)


@PROPS
@given(UNITISH, st.booleans())
def test_unit_at_matches_the_unfiltered_form(text, attached):
    for pos in range(len(text)):
        assert units.unit_at(text, pos, attached) == _unit_at_plain(text, pos, attached)


def _prev_word_plain(text: str, pos: int) -> str:
    m = re.search(r"([A-Za-z][A-Za-z.'-]*)[\s\u00a0]*$", text[max(0, pos - 40) : pos])
    return m.group(1).lower().rstrip(".") if m else ""


@PROPS
@given(st.text(alphabet="ab.'- \n\t\u00a0\u2009xY5é", max_size=60))
def test_prev_word_matches_the_regex_form(text):
    for pos in range(len(text) + 1):
        assert traps._prev_word(text, pos) == _prev_word_plain(text, pos)


def test_spans_hold_like_a_scan():
    spans = [(5, 9), (0, 3), (7, 20), (30, 31), (25, 26)]
    held = extract._Spans(spans)
    for pos in range(-2, 40):
        assert held.hold(pos) == any(s <= pos < e for s, e in spans)


@PROPS
@given(
    st.lists(
        st.sampled_from(
            [
                "5 km",
                "two miles",
                "a mile",
                "half a mile",
                "6ft 2in",
                "6'2\"",
                "10 km (6 miles)",
                "between 5 and 7 kg",
                "the",
                "people",
                "1,436",
                "-5C",
                "minus 5C",
                "temperature",
                "£1m",
                "5m people",
                "İ",
                "ﬁ",
                "3\u00a0000",
                ".",
                ",",
                "(",
                ")",
                "-",
                " ",
                "\n",
            ]
        ),
        max_size=30,
    ).map(" ".join)
)
def test_find_quantities_is_stable_on_mixed_text(text):
    # Rerunning gives the same result (the unit readings are memoised).
    assert extract.find_quantities(text) == extract.find_quantities(text)


# -- dates: month-anchored matching -----------------------------------------------------------


# The numeric date patterns as first written, opening with their lookbehind (dates.py now
# looks behind the first digit instead, which the regex engine scans for faster).
_ISO_PLAIN = re.compile(
    r"(?<![\w./:\-–])(?P<y>\d{4})(?P<s>[-/.])(?P<m>\d{1,2})(?P=s)(?P<d>\d{1,2})"
    r"(?P<t>T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?"
    r"(?![\w/])(?![-.:/]\w)"
)
_NUM_PLAIN = re.compile(
    r"(?<![\w./:$€£#\-–])(?P<a>\d{1,2})(?P<s>[/.-])(?P<b>\d{1,2})(?P=s)(?P<y>\d{4}|\d{2})"
    r"(?![\w/])(?![-.:/]\w)"
)


def _pattern_matches_plain(text: str) -> list[tuple[str, tuple[int, int], dict]]:
    out = []
    for name in ("_MD", "_DM", "_MY"):
        out.extend((name, m.span(), m.groupdict()) for m in getattr(DP, name).finditer(text))
    out += [("_ISO", m.span(), m.groupdict()) for m in _ISO_PLAIN.finditer(text)]
    out += [("_NUM", m.span(), m.groupdict()) for m in _NUM_PLAIN.finditer(text)]
    return out


def _pattern_matches_fast(text: str) -> list[tuple[str, tuple[int, int], dict]]:
    months = [m.start() for m in DP._MONTH_HINT.finditer(text)]
    out = [("_MD", m.span(), m.groupdict()) for m in DF._matches_at(DP._MD, text, months)]
    out += [("_DM", m.span(), m.groupdict()) for m in DF._matches_at(DP._DM, text, DF._day_month_starts(text, months))]
    out += [("_MY", m.span(), m.groupdict()) for m in DF._matches_at(DP._MY, text, months)]
    out += [("_ISO", m.span(), m.groupdict()) for m in DP._ISO.finditer(text)]
    out += [("_NUM", m.span(), m.groupdict()) for m in DP._NUM.finditer(text)]
    return out


DATE_BITS = st.sampled_from(
    [
        "June",
        "JUNE",
        "Jun.",
        "Sept.",
        "May",
        "Mayor",
        "Marching",
        "Dec",
        "the",
        "The",
        "of",
        "19",
        "19th",
        "21st",
        "3",
        "30",
        "31",
        "2025",
        "1999",
        "05",
        "-",
        "–",
        "—",
        "‑",
        ",",
        ".",
        "/",
        " ",
        "  ",
        "\u00a0",
        "\t",
        "\n",
        "2024-06-19",
        "6/19/25",
        "19.06.2025",
        "12-10-25",
        "v1.2.2025",
        "Monday",
        "Tues.",
        "٣",
    ]
)


SPACE = st.sampled_from([" ", "  ", "\u00a0", "\t", "\n", ""])
DAY_MONTH = st.tuples(
    st.sampled_from(["", "the ", "The ", "on ", "v", "$", "5", "(", "x"]),
    st.sampled_from(["19", "3", "31", "05", "19th", "1st", "22nd"]),
    st.sampled_from(["", "-21", "–21st", " - 22", "-21 June-3"]),
    SPACE,
    st.sampled_from(["", "of ", "of\u00a0", "of"]),
    st.sampled_from(["June", "JUNE", "Jun.", "Sept", "May", "Mayor", "July"]),
    st.sampled_from(["", " 2025", ", 2025", " 20", "-born", " Madness", " releases"]),
).map("".join)
DATE_TEXT = st.one_of(
    st.lists(DATE_BITS, max_size=40).map("".join),
    st.lists(st.one_of(DAY_MONTH, DATE_BITS), max_size=8).map(" ".join),
)


@PROPS
@given(DATE_TEXT)
def test_date_patterns_find_what_finditer_finds(text):
    assert _pattern_matches_fast(text) == _pattern_matches_plain(text)


def test_date_patterns_on_day_month_forms():
    for text in (
        "the 13th of November",
        "On 19-21 June 2025",
        "The 5th of\u00a0May",
        "19 \t June",
        "3 of June's staff",
        "v19 June",
        "$5 June",
        "5 June-3 July",
        "19th–21st June, 2025",
        "the\n19th  of  June",
        "5June",
        "on 31 of Dec",
        "2024-06-19 and 6/19/25 or 19.06.2025",
    ):
        assert _pattern_matches_fast(text) == _pattern_matches_plain(text), text


def _find_dates_plain(text: str) -> list[D.DateMention]:
    """find_dates as first written: every pattern run over the whole text with finditer,
    and each candidate checked against every kept one."""
    if not DP._DIGIT.search(text):
        return []
    cands = []
    if DP._MONTH_HINT.search(text):
        for pattern, read in ((DP._MD, DF._from_md), (DP._DM, DF._from_dm), (DP._MY, DF._from_my)):
            cands.extend(d for m in pattern.finditer(text) if (d := read(text, m)) is not None)
    if DP._NUMERIC_HINT.search(text):
        for pattern, read in ((DP._ISO, DF._from_iso), (DP._NUM, DF._from_num)):
            cands.extend(d for m in pattern.finditer(text) if (d := read(text, m)) is not None)
    cands.sort(key=lambda c: (c.start - c.end, c.start))
    taken = []
    for c in cands:
        if all(c.end <= t.start or c.start >= t.end for t in taken):
            taken.append(c)
    taken.sort(key=lambda c: c.start)
    return [DF._attach_weekday(text, c) for c in taken]


@PROPS
@given(DATE_TEXT)
def test_find_dates_matches_the_plain_form(text):
    assert D.find_dates(text) == _find_dates_plain(text)
