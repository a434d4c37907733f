"""Numbers as written in prose: the patterns that find them and the parsers that read them.

Digits with separators, decimals and fractions, ranges and negatives (``_NUMBER``),
multipliers ("2m tonnes", "1.5 million acres": ``_MULT``), numbers in words right before a
unit (``_WORDED_BEFORE``), and ``parse_number`` / ``parse_word_number``, which give a
number's value and its written precision.
"""

from __future__ import annotations

import re

from ..patterns import lazy

_FRACTIONS = {
    "\u00bd": (1, 2),
    "\u00bc": (1, 4),
    "\u00be": (3, 4),
    "\u2153": (1, 3),
    "\u2154": (2, 3),
    "\u215b": (1, 8),
    "\u215c": (3, 8),
    "\u215d": (5, 8),
    "\u215e": (7, 8),
}
_FRACS = "".join(_FRACTIONS)
_FRAC_CLASS = "[" + _FRACS + "]"
_THIN = "\u00a0\u202f\u2009"
_NUM = (
    rf"(?:(?:\d{{1,3}}(?:,\d{{3}})+|\d{{1,3}}(?:[{_THIN}]\d{{3}})+|\d+)(?:\.\d+)?"
    rf"(?:\s?{_FRAC_CLASS}|[ ]\d/(?:2|3|4|8|16)(?![\d/]))?"
    rf"|\.\d+|{_FRAC_CLASS}|\d/(?:2|3|4|8|16)(?![\d/]))"
)
# The leading lookahead is for speed: a character set first lets the regex engine skip
# quickly to candidate positions (three times faster on news copy than the lookbehind alone).
_NUMBER = lazy(
    r"(?=[-\u2212\d.m\u00bd\u00bc\u00be\u2153\u2154\u215b\u215c\u215d\u215e])"
    r"(?:(?<![\w.,/£$€¥₹#])|(?<=\d[x\u00d7]))"  # not inside a word, money or a code; 4x100m
    r"(?P<neg>[-\u2212](?=\d)|minus\s+)?"
    rf"(?P<num>{_NUM})"
    rf"(?:(?P<rsep>\s?[-\u2013\u2014]\s?|\s+to\s+)(?P<neg2>[-\u2212]|minus\s+)?(?P<num2>{_NUM}))?"
)
# "2m tonnes", "1.5 million acres": a multiplier between the number and the unit.
_MULT = lazy(r"(?:[ ]?(?P<a>m|bn)|[ ](?P<b>thousand|million|billion))(?=[ \u00a0])")
_SPACES = " \u00a0\u202f\u2009"

_ONES = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_ONES_ALT = "|".join(sorted(_ONES, key=len, reverse=True))
_TENS_ALT = "|".join(_TENS)
_WCORE = rf"(?:(?:{_TENS_ALT})(?:[- ](?:{_ONES_ALT}))?|{_ONES_ALT})"
_WNUM = rf"(?:(?:{_WCORE}|an?)[- ](?:hundred|thousand)(?:[- ](?:and[- ])?{_WCORE})?|{_WCORE})"
_WHALF = r"[- ]and[- ]an?[- ]half"
# A number in words right before a unit: matched against the text that ends at the unit.
_WORDED_BEFORE = lazy(
    r"(?i)(?:^|(?<=[^\w'\u2019-]))(?P<w>"
    r"half[- ]an?|an?[- ]half|(?:a[- ])?quarter[- ]of[- ]an?|three[- ]quarters[- ]of[- ]an?"
    rf"|{_WNUM}(?:{_WHALF})?|an?)(?P<sep>\s+|-)$"
)


_AND_A_HALF = lazy(r"(?i)[ ]and[ ]an?[ ]half\b")


_NO_THIN = {ord(c): None for c in _THIN}


def parse_number(s: str) -> tuple[float, float, float, int] | None:
    """(value, step, loose_step, significant figures) of a number written in digits.

    ``step`` is half the place of the last digit written, trailing zeros counted
    (``100`` -> 0.5); ``loose_step`` does not count the trailing zeros of a whole number
    (``100`` -> 50, ``330`` -> 5). Fractions step by half their denominator's unit.
    """
    s = s.strip()
    if not s:
        return None
    frac = 0.0
    den = 0
    last = s[-1]
    try:
        if last in _FRACTIONS:
            a, b = _FRACTIONS[last]
            frac, den = a / b, b
            s = s[:-1].strip()
        elif "/" in s:
            parts = s.split()
            a, b = parts[-1].split("/")
            frac, den = int(a) / int(b), int(b)
            s = " ".join(parts[:-1])
        if den:
            # "1 000 ½": the whole part may be grouped with (thin) spaces too.
            whole = float(s.replace(",", "").translate(_NO_THIN)) if s else 0.0
            step = 1 / (2 * den)
            return whole + frac, step, step, 2
    except (ValueError, ZeroDivisionError):
        return None  # "3/0", "1/2/3": not a measurement
    digits = s.replace(",", "")
    if not digits.isascii():
        digits = digits.translate(_NO_THIN)
    if len(digits) > 1 and digits[0] == "0" and digits[1] != ".":
        return None  # "007", a leading-zero code, not a measurement
    try:
        value = float(digits)
    except ValueError:
        return None
    if "." in digits:
        decimals = len(digits) - digits.index(".") - 1
        step = 0.5 * 10.0**-decimals
        sig = len(digits.replace(".", "").lstrip("0")) or 1
        return value, step, step, sig
    stripped = digits.rstrip("0")
    zeros = len(digits) - len(stripped) if stripped else 0
    sig = len(stripped.lstrip("0")) or 1
    return value, 0.5, 0.5 * 10.0**zeros, sig


def parse_word_number(s: str) -> float | None:
    """The value of a number in words: "twenty-five", "a hundred", "two and a half"."""
    t = re.sub(r"[\s-]+", " ", s.strip().lower())
    half = 0.0
    if t.endswith((" and a half", " and an half")):
        half, t = 0.5, t.rsplit(" and ", 1)[0]
    if t in ("a", "an"):
        return 1.0 + half
    if t in ("half a", "half an", "a half", "an half"):
        return 0.5
    if t in ("quarter of a", "quarter of an", "a quarter of a", "a quarter of an"):
        return 0.25
    if t in ("three quarters of a", "three quarters of an"):
        return 0.75
    total, current = 0, 0
    for w in t.split():
        if w in _ONES:
            current += _ONES[w]
        elif w in _TENS:
            current += _TENS[w]
        elif w in ("a", "an"):
            current += 1
        elif w == "hundred":
            current = max(current, 1) * 100
        elif w == "thousand":
            total += max(current, 1) * 1000
            current = 0
        elif w == "and":
            continue
        else:
            return None
    return float(total + current) + half
