"""The fast paths of the quantity extractor give what the plain forms they replace give.

Each test runs the plain form (as the code was first written) next to the fast one on
random and hand-made text, so a later edit cannot make them drift apart unnoticed.
"""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from edlint.text.quantities import extract, numbers, spellings, units

PROPS = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Pieces of text around numbers: digits and separators of every kind _NUMBER reads, the
# letters of "minus" and "to", units and their heads, multipliers, money, marks, and words
# that follow numbers without being units.
NUMBERISH = st.sampled_from(
    [
        "0",
        "1",
        "5",
        "12",
        "2,000",
        "1,436",
        "3.5",
        ".5",
        "007",
        "1\u00a0000",
        "2\u2009500",
        "½",
        "2½",
        "3 1/2",
        "1/4",
        "٣",
        "-",
        "\u2212",
        "\u2013",
        "\u2014",
        " - ",
        " to ",
        "minus ",
        "minus",
        "to",
        "x",
        "\u00d7",
        ",",
        ".",
        "/",
        " ",
        "  ",
        "\u00a0",
        "\u202f",
        "\n",
        "km",
        "Km",
        "KM",
        "m",
        "m2",
        "m²",
        "kg",
        "ft",
        "in",
        "°C",
        "C",
        "F",
        "mph",
        "km/h",
        "sq ft",
        "miles",
        "mile",
        "tonnes",
        "l",
        "L",
        "bn",
        "million",
        " million ",
        "thousand",
        "people",
        "times",
        "ms",
        "GB",
        "the",
        "a",
        "£",
        "$",
        "US$",
        "€",
        "#",
        "'",
        "’",
        '"',
        "(",
        ")",
        "mi",
        "mins",
        "st",
        "t2",
        "5x100m",
        "10-",
        "-5",
        "5 to 7",
        "3 - 4",
        "2\u20133",
        "1\u20142",
        "minus 4",
        "-2 to minus 3",
        "4\tto\n6",
        " 2 ½ ",
    ]
)
NUMBER_TEXT = st.lists(NUMBERISH, max_size=25).map("".join)


def _numbers_before_heads_plain(text: str) -> list[tuple[tuple[int, int], dict]]:
    """Every _NUMBER match followed by a unit's head or a multiplier, found as first
    written: by stepping through every number in the text."""
    out = []
    for m in numbers._NUMBER.finditer(text):
        ne = m.end()
        c = text[ne : ne + 1]
        at = ne + 1 if c and (c in numbers._SPACES or c == "-") else ne
        h = units._HEAD_AT.match(text, at).group()
        if h and h.lower() in extract._NUMBER_NEXT:
            out.append((m.span(), m.groupdict()))
    return out


_RUN_CHAR = re.compile(extract._IN_NUMBER_REVERSED.pattern.rstrip("*"))


@PROPS
@given(NUMBER_TEXT)
def test_numbers_before_heads_matches_the_full_scan(text):
    fast = [(m.span(), m.groupdict()) for m in extract._numbers_before_heads(text)]
    assert fast == _numbers_before_heads_plain(text)
    # It searches from the start of the run of number characters before a number's end: a
    # character _NUMBER can match that the run missed would make it start too late.
    for m in numbers._NUMBER.finditer(text):
        assert all(_RUN_CHAR.fullmatch(c) for c in m.group()), m.group()


def test_numbers_before_heads_on_awkward_text():
    for text in (
        "pages.18f.gov, aka 18F Pages",
        "5-7 km and 5 to 7 km",
        "from 47.9 hours to 17 km",
        "minus 5C, -5C and \u22125 C",
        "4x100m relay",
        "its 2,000ft (610m) climb",
        "3 1/2 in of snow",
        "1,000,000 km",
        "v1.2.3 km",
        "5 - 10 -15 kg",
        "2m tonnes, 3 bn",
        "٣ km and 5٣ km",
        "10km2 3 ft",
        "a 5-\nkm",
    ):
        assert [(m.span(), m.groupdict()) for m in extract._numbers_before_heads(text)] == _numbers_before_heads_plain(
            text
        ), text


def test_every_character_a_number_holds_is_in_the_run_class():
    samples = [
        "1,234.5",
        "1\u00a0234",
        "2 ½",
        "3 1/2",
        "5 - 7",
        "5\u20137",
        "5 to 7",
        "minus 5",
        "-5",
        "\u22125 to minus 7",
        ".5",
        "1/16",
        "12\u202f000\u2009000",
        "4\tto\n7",
    ]
    for text in samples:
        for m in numbers._NUMBER.finditer(text):
            assert all(_RUN_CHAR.fullmatch(c) for c in m.group()), (text, m.group())


UNIT_WORDS = st.sampled_from(
    sorted(units._ABBR)
    + sorted(units._FULL)
    + [k.title() for k in units._FULL]
    + ["bn", "million", "thousand", "billion", "people", "in the", "per", "a", "/h", ".", "2", " ", "-"]
)


@PROPS
@given(st.lists(UNIT_WORDS, min_size=1, max_size=6).map(" ".join), st.booleans())
def test_unit_words_at_needs_no_head_test(text, attached):
    # _numeric_quantity skips unit_at's first test: what it rules out, the readings do too.
    for pos in range(len(text)):
        assert units._unit_words_at(text, pos, attached) == units.unit_at(text, pos, attached)


MONEYISH = st.lists(
    st.sampled_from(
        [
            "£",
            "$",
            "€",
            "¥",
            "₹",
            "US",
            "A",
            "C",
            "NZ",
            "HK",
            "S",
            "USD",
            "GBP",
            "EUR",
            "Rs",
            "Rs.",
            " ",
            "\n",
            "\r",
            "\t",
            "x",
            "D",
            "P",
            "R",
            "s",
            ".",
            "5",
            "\u00a0",
        ]
    ),
    max_size=6,
).map("".join)


@PROPS
@given(MONEYISH)
def test_currency_ends_cover_every_currency_reading(before):
    # _numeric_quantity tries _CURRENCY_BEFORE only when one of _CURRENCY_ENDS stands among
    # the last three characters before the number.
    text = before + "5"
    at = len(before)
    if extract._CURRENCY_BEFORE.search(text, max(0, at - 5), at):
        assert not extract._CURRENCY_ENDS.isdisjoint(text[max(0, at - 3) : at])


@PROPS
@given(
    st.lists(
        st.sampled_from(
            [
                "between",
                "BETWEEN",
                "Between",
                "bEtWeEn",
                "betwixt",
                "ıstanbul",
                "İ",
                "ſ",
                "\u212a",
                "5",
                " ",
                "and",
                "7",
                "km",
                "tween",
                "be",
            ]
        ),
        max_size=12,
    ).map(" ".join)
)
def test_between_needs_the_word_in_the_lowercased_text(text):
    if extract._BETWEEN.search(text + " "):
        assert "between" in text.lower()
    for start in range(len(text) + 1):
        if extract._BETWEEN.search(text, 0, start):
            assert "between" in text.lower()


def test_find_quantities_takes_the_lowered_text():
    text = "The İstanbul route is 5 km, or between 3 and 4 miles, for a 6ft 2in runner."
    assert extract.find_quantities(text) == extract.find_quantities(text, lowered=text.lower())
    assert spellings.find_unit_spellings("It is 4 metres.", lowered="it is 4 metres.") == spellings.find_unit_spellings(
        "It is 4 metres."
    )


def test_quantity_is_an_immutable_record():
    (q,) = extract.find_quantities("It is 5 km away.")
    assert q == q._replace() and hash(q) == hash(q._replace())
    assert (q.unit, q.value, q.dimension, q.system, q.is_range) == ("km", 5.0, "length", "metric", False)
    try:
        q.value = 6.0  # type: ignore[misc]
    except AttributeError:
        pass
    else:  # pragma: no cover
        raise AssertionError("a Quantity must not change")


_FEET_INCHES_PLAIN = re.compile(
    r"(?=\d)(?<![\w.,])(?P<ft>\d)\s?['\u2019\u2032]\s?(?P<in>\d{1,2}(?:\.\d+)?)\s?(?:\"|''|\u201d|\u2033)"
)


@PROPS
@given(
    st.lists(
        st.sampled_from(
            ["6", "5", "12", "1.5", "'", "’", "′", '"', "''", "”", "″", " ", "a", ".", ",", "٣", "x", "6'2\"", "5′ 11″"]
        ),
        max_size=14,
    ).map("".join)
)
def test_feet_inches_is_the_plain_pattern(text):
    # The pattern now opens with the foot digit and looks behind it, which scans faster.
    assert [(m.span(), m.groupdict()) for m in extract._FEET_INCHES.finditer(text)] == [
        (m.span(), m.groupdict()) for m in _FEET_INCHES_PLAIN.finditer(text)
    ]
