"""Finding quantities in prose: ``Quantity`` and ``find_quantities``.

Numbers in digits followed by a unit (``_numbers_before_heads`` visits only the numbers a
unit's head follows), numbers in words before a unit written in full, foot and inch marks
(6'2"), compounds (6ft 2in, 10st 4lb) and "between 5 and 7" ranges. Every candidate goes
through the false-unit traps (``traps._accept``) first.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from typing import NamedTuple

from ..patterns import lazy
from .arithmetic import convert
from .numbers import (
    _AND_A_HALF,
    _FRACS,
    _MULT,
    _NUM,
    _NUMBER,
    _SPACES,
    _THIN,
    _WCORE,
    _WORDED_BEFORE,
    parse_number,
    parse_word_number,
)
from .traps import _accept
from .units import _HEADS, UNITS, Unit, _unit_words_at, _word_unit_starts, unit_at


class Quantity(NamedTuple):
    """A number and its unit as written, with text offsets and written precision.

    A named tuple rather than a frozen dataclass: one is made for every quantity in every
    paragraph, and a tuple is made several times faster (it is as immutable, and compares
    and hashes by its fields alike)."""

    start: int  # the number (or "a", "half") ...
    end: int  # ... to the end of the unit
    num_start: int
    num_end: int
    unit_start: int
    unit_end: int
    unit: str  # key into UNITS
    value: float  # in ``unit`` (the low end of a range); compounds in the smaller unit
    high: float | None  # the high end of a range
    step: float  # half the place of the last written digit, trailing zeros counted
    loose_step: float  # the same, trailing zeros of whole numbers not counted
    sig_figs: int  # significant figures, trailing zeros of whole numbers not counted
    form: str  # full | abbr | symbol (how the unit is written)
    unit_text: str
    words: bool = False  # the number is written in words ("two", "a", "half a")
    compound: bool = False  # 6ft 2in, 10st 4lb
    attached: bool = False  # no space between number and unit (5km)
    hyphenated: bool = False  # an adjective: "a 10-mile walk"

    @property
    def info(self) -> Unit:
        return UNITS[self.unit]

    @property
    def dimension(self) -> str:
        return UNITS[self.unit].dimension

    @property
    def system(self) -> str:
        return UNITS[self.unit].system

    @property
    def is_range(self) -> bool:
        return self.high is not None


_LIQUID_AFTER = lazy(
    r"(?i)\.?\s+(?:of\s+)?(?:[a-z-]+\s+){0,2}(?:water|milk|juice|wine|beer|coffee|tea|soda|cola"
    r"|spirits?|vodka|gin|whisk(?:e)?y|rum|liquid|broth|stock|cream|oil|vinegar|syrup|smoothie"
    r"|lemonade|drinks?|beverages?)\b"
)
_CURRENCY_BEFORE = lazy(r"(?:[£$€¥₹]|\b(?:US|A|C|NZ|HK|S)\$|\b(?:USD|GBP|EUR|Rs\.?))\s?$")
# The last characters of _CURRENCY_BEFORE's readings. "\s?$" lets at most two characters
# follow one (a space, then a line break that "$" may stand before).
_CURRENCY_ENDS = frozenset("£$€¥₹DPRs.")
_MEASURE_AFTER = lazy(
    r"(?i)\s*(?:-?(?:tall|high|long|wide|deep|thick|taller|higher|longer|wider|deeper|"
    r"shorter|lower|away|below|above|across|of|in\s+(?:height|length|width|depth|diameter)"
    r"|from|apart|underground|underwater|closer|further|farther|or\s+so|and|,|\.|\)|;))"
)
_POSSESSIVE_FEET = lazy(
    r"(?i)\b(?:his|her|their|my|your|our|its|own|on|both|all|with)\s+(?:own\s+)?(?:two|four|\d)\s+$"
)
_A_IDIOMS = lazy(
    r"(?i)(?:\bby\s+a\s+mile\b|\ba\s+mile\s+a\s+minute|\bout\s+a\s+mile|\ba\s+mile\s+off\b"
    r"|\bgo(?:es|ing|ne)?\s+the\s+extra\s+mile|\ba\s+mile\s+wide\s+and\s+an\s+inch\s+deep)"
)
# "a"/"an" counts as one only before these units (not "a foot injury", "a pint", "a ton of").
_A_UNITS = frozenset("mi km m mm cm kg g mg l ml cl gal usgal impgal acre ha t m2 km2 mi2 ft2 cm2 m3 nmi".split())
_RATE_BEFORE_A = lazy(
    r"(?:\d[\d,.]*\s?(?:p|c|cents?|pence|euros?|dollars?|pounds?|quid)?|[£$€¥₹]\s?\d[\d,.]*(?:\s?(?:m|bn|k))?)\s*$"
)


def _numeric_quantity(text: str, m: re.Match[str], headline: bool | None) -> Quantity | None:
    num_end = m.end()
    n = len(text)
    # A multiplier: "2m tonnes", "1.5 million acres".
    mult = ""
    found = None
    mm = _MULT.match(text, num_end)
    if mm is not None:
        found = unit_at(text, mm.end() + 1)
        if found is not None:
            mult = mm.group("a") or mm.group("b")
            upos, sep = mm.end() + 1, " "
    if found is None:
        if num_end < n and text[num_end] in _SPACES:
            upos, sep = num_end + 1, " "
        elif num_end < n and text[num_end] == "-":
            upos, sep = num_end + 1, "-"
        else:
            upos, sep = num_end, ""
        # _numbers_before_heads saw a unit's head or a multiplier here.
        found = _unit_words_at(text, upos, not sep)
        if found is None:
            return None
    key, form, unit_end = found
    if sep == "-" and (len(text[upos:unit_end]) == 1 and form != "full"):
        return None  # "5-C", "3-D"
    unit = UNITS[key]
    unit_text = text[upos:unit_end]
    start = m.start("num")
    # Money: "$5m", "£1.2bn", "US$3 million". The regex is tried only where one of the
    # characters its readings end in stands among the last three before the number.
    before = m.start()
    if not _CURRENCY_ENDS.isdisjoint(text[max(0, before - 3) : before]) and _CURRENCY_BEFORE.search(
        text, max(0, before - 5), before
    ):
        return None
    parsed = parse_number(m.group("num"))
    if parsed is None:
        return None
    value, step, loose, sig = parsed
    high = None
    if m.group("num2"):
        p2 = parse_number(m.group("num2"))
        if p2 is None:
            return None
        high = p2[0]
        step, loose = min(step, p2[1]), min(loose, p2[2])
    q_num_end = mm.end() if mult else num_end
    if mult:
        factor = {"m": 1e6, "million": 1e6, "bn": 1e9, "billion": 1e9, "thousand": 1e3}[mult]
        value, step, loose = value * factor, step * factor, loose * factor
        high = high * factor if high is not None else None
    if m.group("neg") and unit.temperature:
        start = m.start("neg")
        value = -value
    if high is not None and m.group("neg2") and unit.temperature:
        high = -high
    if not _accept(
        text, key, form, unit_text, sep, value, m.group("num"), start, upos, unit_end, m.start(), headline, mult
    ):
        return None
    if key == "oz" and _LIQUID_AFTER.match(text, unit_end):
        key = "floz"  # "8 oz. almond milk" is a volume (fluid ounces)
    return Quantity(
        start=start,
        end=unit_end,
        num_start=start,
        num_end=q_num_end,
        unit_start=upos,
        unit_end=unit_end,
        unit=key,
        value=value,
        high=high,
        step=step,
        loose_step=loose,
        sig_figs=sig,
        form=form,
        unit_text=unit_text,
        attached=not sep,
        hyphenated=sep == "-",
    )


class _Spans:
    """Does one of these (start, end) spans hold an offset? Bisection over the starts with
    the running maximum of the ends, so a long text with thousands of quantities is not
    checked pair by pair."""

    __slots__ = ("_reach", "_starts")

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self._starts = [s for s, _ in ordered]
        self._reach: list[int] = []
        far = -1
        for _, e in ordered:
            far = max(far, e)
            self._reach.append(far)

    def hold(self, pos: int) -> bool:
        k = bisect_right(self._starts, pos)
        return k > 0 and self._reach[k - 1] > pos


def _worded_quantities(text: str, headline: bool | None, taken: _Spans, starts: list[int]) -> list[Quantity]:
    out: list[Quantity] = []
    for unit_start in starts:
        if taken.hold(unit_start):
            continue
        w = _WORDED_BEFORE.search(text, max(0, unit_start - 60), unit_start)
        if not w:
            continue
        found = unit_at(text, unit_start)
        if found is None:
            continue
        key, form, unit_end = found
        if form != "full" and key not in ("km", "kg", "mph"):
            continue
        words = w.group("w")
        sep = w.group("sep")
        unit_text = text[unit_start:unit_end]
        start = w.start("w")
        value = parse_word_number(words)
        if value is None:
            continue
        lw = words.lower()
        article_only = lw in ("a", "an")
        end = unit_end
        # "a mile and a half"
        half = _AND_A_HALF.match(text, unit_end)
        if half and ("half" not in lw):
            value += 0.5
            end = half.end()
        if article_only:
            if key not in _A_UNITS and not (key == "ft" and _MEASURE_AFTER.match(text, unit_end)):
                continue
            if key == "m" and unit_text.lower().startswith("meter") and not _MEASURE_AFTER.match(text, unit_end):
                continue  # "a meter reader"
            if _RATE_BEFORE_A.search(text, max(0, start - 12), start):
                continue  # "$4 a gallon", "50p a mile"
            if _A_IDIOMS.search(text, max(0, start - 30), min(len(text), end + 30)):
                continue
        if key == "ft" and lw in ("one", "a", "an") and unit_text.lower() == "foot":
            if not _MEASURE_AFTER.match(text, unit_end):
                continue  # "one foot in the grave", "a foot injury"
        if (
            key == "ft"
            and unit_text.lower() == "feet"
            and _POSSESSIVE_FEET.search(text, max(0, start - 20), unit_start)
        ):
            continue  # "on his own two feet"
        if key in ("in", "yd", "pt", "ton", "st", "oz", "lb") and article_only:
            continue
        if "half" in lw or "quarter" in lw:
            step = 0.125
        else:
            step = 0.5
        if not _accept(
            text,
            key,
            form,
            unit_text,
            sep.strip(),
            value,
            str(int(value)),
            start,
            unit_start,
            unit_end,
            start,
            headline,
        ):
            continue
        sig = len(str(int(value)).rstrip("0")) or 1
        out.append(
            Quantity(
                start=start,
                end=end,
                num_start=start,
                num_end=w.end("w"),
                unit_start=unit_start,
                unit_end=unit_end,
                unit=key,
                value=value,
                high=None,
                step=step,
                loose_step=step,
                sig_figs=sig,
                form=form,
                unit_text=unit_text,
                words=True,
                hyphenated=sep == "-",
            )
        )
    return out


# Compounds: 6ft 2in, 5-foot-10, six foot two, 10st 4lb, 8lb 6oz, 6'2".
_COMPOUND_NEXT = {"ft": ("in", 12), "st": ("lb", 14), "lb": ("oz", 16)}
_COMPOUND_NUM = lazy(rf"(?:[ -]|,?\s+and\s+)(?P<num>\d{{1,2}}(?:\.\d+)?|{_WCORE})(?!\d|[.,]\d)", re.I)
_INCH_MARK = lazy(r"[ ]?(?:\u2033|''|\"|\u201d)")
_NOT_COMPOUND_AFTER = lazy(r"\s*(?:[\d%/]|(?:per|times|x|by|to|or)\b)")
# (The foot digit first, then a look behind it: a pattern that opens with a character class
# lets the regex engine skip quickly to the digits.)
_FEET_INCHES = lazy(r"(?P<ft>\d(?<![\w.,]\d))\s?['\u2019\u2032]\s?(?P<in>\d{1,2}(?:\.\d+)?)\s?(?:\"|''|\u201d|\u2033)")


def _extend_compound(text: str, q: Quantity) -> Quantity:
    nxt = _COMPOUND_NEXT.get(q.unit)
    if nxt is None or q.is_range:
        return q
    small, limit = nxt
    m = _COMPOUND_NUM.match(text, q.end)
    if not m:
        return q
    num = m.group("num")
    end = m.end()
    mark = _INCH_MARK.match(text, end)
    if mark is not None and q.unit == "ft" and q.form == "symbol":
        end = mark.end()
    else:
        spaced = end < len(text) and text[end] == " "
        # After "6 ft 2", a spaced "in" is inches: the compound leaves no other reading.
        found = unit_at(text, end + 1 if spaced else end, attached=not spaced or small == "in")
        if found is not None:
            if found[0] != small:
                return q
            end = found[2]
        else:
            # A bare second number: "5ft 10", "5-foot-10", "six foot two", "10st 4".
            if q.unit not in ("ft", "st") or (q.form == "full" and q.unit_text.lower() != "foot"):
                return q
            if _NOT_COMPOUND_AFTER.match(text, end):
                return q
    if num[0].isdigit():
        parsed = parse_number(num)
        if parsed is None:
            return q
        part, step = parsed[0], parsed[1]
    else:
        pv = parse_word_number(num)
        if pv is None:
            return q
        part, step = pv, 0.5
    if part >= limit:
        return q
    big = convert(1.0, q.unit, small)[0]
    value = q.value * big + part
    return Quantity(
        start=q.start,
        end=end,
        num_start=q.num_start,
        num_end=end,
        unit_start=q.unit_start,
        unit_end=end,
        unit=small,
        value=value,
        high=None,
        step=step,
        loose_step=step,
        sig_figs=max(2, q.sig_figs),
        form=q.form,
        unit_text=q.unit_text,
        words=q.words,
        compound=True,
        attached=q.attached,
        hyphenated=q.hyphenated,
    )


# What may follow a number that has a unit: a unit's head, or a multiplier ("2bn tonnes").
_NUMBER_NEXT = _HEADS | {"bn", "thousand", "million", "billion"}

_BETWEEN = lazy(rf"(?i)\bbetween\s+(?P<num>{_NUM})\s+and\s+$")
# A digit or a fraction (every number ends in one) followed, after at most a space or a
# hyphen, by a word: ``head`` is what ``_HEAD_AT`` reads where find_quantities looks for a
# unit after a number that ends there.
_ENDS_BEFORE_WORD = lazy(
    rf"[\d{_FRACS}](?=[{_SPACES}-]?(?P<head>[A-Za-z\u00b0\u00ba\u2103\u2109\u2032\u2033\u00b2\u00b3]+[23]?))"
)
# Every character a _NUMBER match can hold: digits, fractions, separators, spaces and the
# letters of "minus" and "to". Matched on the reversed text, it finds the run of them that
# leads up to an offset.
_IN_NUMBER_REVERSED = lazy(rf"[\d\s{_THIN},./\-\u2212\u2013\u2014{_FRACS}minusto]*")


def _numbers_before_heads(text: str) -> Iterator[re.Match[str]]:
    """The matches of ``_NUMBER.finditer(text)`` that a unit's head (or a multiplier)
    follows, in order, found without stepping through every number in the text (most are
    not followed by a unit: "1,436 people", years, prices).

    Only where ``_ENDS_BEFORE_WORD`` matches can such a number end. The full scan's match
    ending there, if there is one, starts inside the run of number characters before it,
    and no match of the full scan holds the character before that run: so searching from
    the start of the run (or from the end of the last match found, if later) meets the
    matches the full scan meets from there on.
    """
    search = _NUMBER.search
    n = len(text)
    reversed_text = ""
    last: re.Match[str] | None = None  # the full scan's match found last
    for digit in _ENDS_BEFORE_WORD.finditer(text):
        if digit.group("head").lower() not in _NUMBER_NEXT:
            continue
        end = digit.end()
        if last is not None and last.end() >= end:
            # The match found last reaches here: it ends here, or no match does.
            if last.end() == end:
                yield last
            continue
        if not reversed_text:
            reversed_text = text[::-1]
        run = _IN_NUMBER_REVERSED.match(reversed_text, n - end).end() - (n - end)  # type: ignore[union-attr]
        run_start = end - run
        m = search(text, run_start if last is None or run_start > last.end() else last.end())
        while m is not None and m.end() < end:
            m = search(text, m.end())
        if m is None:
            return
        last = m
        if m.end() == end:
            yield m


def find_quantities(text: str, *, headline: bool | None = None, lowered: str | None = None) -> list[Quantity]:
    """Every quantity (number + unit) in ``text``, in order, without overlaps.

    ``headline``: the text is a title-case heading (units may be capitalised there);
    None guesses from the text. ``lowered``: ``text.lower()``, when the caller has it.
    """
    if lowered is None:
        lowered = text.lower()
    starts = _word_unit_starts(text, lowered)
    found: list[Quantity] = []
    # (Text without a digit or a fraction goes through the number scans quickly: they look
    # for those first.)
    for m in _numbers_before_heads(text):
        q = _numeric_quantity(text, m, headline)
        if q is not None:
            found.append(q)
    # These come in order: each starts inside its own number match, and the matches follow
    # one another. Only the quantities added below may need sorting in.
    numeric_count = len(found)
    marked = "'" in text or "\u2019" in text or "\u2032" in text  # 6'2" needs a foot mark
    numeric: _Spans | None = None
    for m in _FEET_INCHES.finditer(text) if marked else ():
        # Inside a quantity found above? (The 6'2" ones added here end before the next
        # match starts, so those found above are all there is to check.)
        if numeric is None:
            numeric = _Spans((q.start, q.end) for q in found)
        if numeric.hold(m.start()):
            continue
        ft, inch = int(m.group("ft")), float(m.group("in"))
        if inch >= 12:
            continue
        found.append(
            Quantity(
                start=m.start(),
                end=m.end(),
                num_start=m.start(),
                num_end=m.end(),
                unit_start=m.start() + 1,
                unit_end=m.end(),
                unit="in",
                value=ft * 12 + inch,
                high=None,
                step=0.5,
                loose_step=0.5,
                sig_figs=2,
                form="symbol",
                unit_text="'",
                compound=True,
                attached=True,
            )
        )
    if not found and not starts:
        return []
    if starts:
        taken = _Spans((q.start, q.end) for q in found)
        found.extend(_worded_quantities(text, headline, taken, starts))
    if len(found) > numeric_count:
        found.sort(key=lambda q: (q.start, -q.end))
    # Only the letters b, e, t, w, n and their capitals match _BETWEEN's (case-insensitive)
    # "between", so without it in the lowercased text there is nothing to search for.
    between = "between" in lowered
    out: list[Quantity] = []
    last_end = -1
    for q in found:
        if q.start < last_end:
            continue
        if q.unit in _COMPOUND_NEXT:
            q = _extend_compound(text, q)
        if between and q.high is None and not q.words:
            b = _BETWEEN.search(text, max(0, q.start - 40), q.start)
            if b:
                low = parse_number(b.group("num"))
                if low is not None:
                    q = q._replace(
                        start=b.start("num"),
                        num_start=b.start("num"),
                        value=low[0],
                        high=q.value,
                        step=min(q.step, low[1]),
                        loose_step=min(q.loose_step, low[2]),
                    )
        out.append(q)
        last_end = q.end
    return out
