"""The speech-verb lexicon: inflected forms of the reporting verbs, attribution phrases,
and the title cues and label nouns, built once per set of options."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from ...text.patterns import lazy

_IRREGULAR = {
    "say": ("said", "says", "saying"),
    "tell": ("told", "tells", "telling"),
    "write": ("wrote", "written", "writes", "writing"),
    "speak": ("spoke", "spoken", "speaks", "speaking"),
    "hear": ("heard", "hears", "hearing"),
    "think": ("thought", "thinks", "thinking"),
    "put": ("put", "puts", "putting"),
    "sum": ("summed", "sums", "summing"),
    "chime": ("chimed", "chimes", "chiming"),
    "hit": ("hit", "hits", "hitting"),
    "fire": ("fired", "fires", "firing"),
    "lash": ("lashed", "lashes", "lashing"),
    "testify": ("testified", "testifies", "testifying"),
    "reply": ("replied", "replies", "replying"),
    "deny": ("denied", "denies", "denying"),
    "quip": ("quipped", "quips", "quipping"),
    "admit": ("admitted", "admits", "admitting"),
    "slam": ("slammed", "slams", "slamming"),
    "pray": ("prayed", "prays", "praying"),
}
# Verbs whose base and -s forms are often nouns ("had no answer", "the states", "his
# remarks"): their base form never counts, and their -s form only when no determiner or
# possessive comes before it ("the strategy states" yes, "in his remarks" no).
_NOUNISH = frozenset(
    """answer note post text email comment report quote promise pledge vow claim state counter
    stress remark joke laugh sigh tweet blog mention reply respond plead offer demand blast
    slam hail brand reveal share talk crack""".split()
)
_DETERMINER_BEFORE = lazy(
    r"(?:\b(?:the|these|those|all|many|some|several|both|other|its|their|our|his|her|your|my|"
    r"of|and|in|with|no|any|such|two|three|four|five|few|more|most|united)|['’]s|\d)\s+$",
    re.I,
)


def _forms(lemma: str) -> tuple[set[str], set[str]]:
    """(forms, noun-like -s forms) of a verb lemma."""
    head, _, rest = lemma.partition(" ")
    tail = " " + rest if rest else ""
    if not head.isascii():
        return {lemma}, set()
    out = {head}
    if head in _IRREGULAR:
        out.update(_IRREGULAR[head])
    elif head.endswith("e"):
        out.update({head + "d", head + "s", head[:-1] + "ing"})
    elif head.endswith("y") and head[-2:-1] not in "aeiou":
        out.update({head[:-1] + "ied", head[:-1] + "ies", head + "ing"})
    else:
        es = "es" if head.endswith(("s", "sh", "ch", "x", "z", "o")) else "s"
        out.update({head + "ed", head + es, head + "ing"})
    nounish_s: set[str] = set()
    if head in _NOUNISH and not tail:
        out.discard(head)
        nounish_s = {f for f in out if f.endswith("s") and not f.endswith(("ed", "ing"))}
    return {f + tail for f in out}, nounish_s


class _Lexicon(NamedTuple):
    """Reporting verbs and attribution phrases, indexed for fast look-up."""

    single: frozenset  # one-word forms: said, told, warns ...
    multi: dict  # first word -> tuple of the remaining words of multi-word forms
    nounish: frozenset  # -s forms that are often nouns (remarks, states)
    phrase_re: re.Pattern
    heads: frozenset  # every word a reporting verb can start with: single | multi's keys
    seconds: dict  # first word -> the words that can follow it in multi-word forms


_TOKEN = lazy(r"[^\W\d_][\w’'-]*")


@lru_cache(maxsize=8)
def _lexicon(verbs: tuple[str, ...], phrases: tuple[str, ...]) -> _Lexicon:
    single: set[str] = set()
    multi: dict[str, list[tuple[str, ...]]] = {}
    nounish: set[str] = set()
    for v in verbs:
        forms, n = _forms(v.strip().lower())
        nounish |= n
        for f in forms:
            parts = tuple(f.split())
            if len(parts) == 1:
                single.add(parts[0])
            elif parts:
                multi.setdefault(parts[0], []).append(parts[1:])
    palts = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in phrases)
    phrase_re = re.compile(r"(?<![\w-])(?:" + (palts or "(?!)") + r")(?![\w-])", re.I)
    return _Lexicon(
        frozenset(single),
        {k: tuple(v) for k, v in multi.items()},
        frozenset(nounish),
        phrase_re,
        frozenset(single) | frozenset(multi),
        {k: frozenset(rest[0] for rest in v) for k, v in multi.items()},
    )


@lru_cache(maxsize=16)
def _token_finder(words: frozenset) -> re.Pattern:
    """A pattern that finds, in lowercased text, every _TOKEN token that is one of
    ``words``, as group 1. Run it over ``text.lower()`` only when ``text`` holds neither
    U+0130 (İ, which lowercases to two characters) nor U+03A3 (Σ, whose lowercase depends
    on its neighbours): for any other character lowercasing keeps the length and the
    classes the token pattern reads, so the tokens of the lowered text are the lowercased
    tokens of the text, at the same offsets.

    A token starts at the first letter of a run of ``[\\w’'-]`` characters and ends with
    the run. Words that are not token shaped can never equal a token and are left out."""
    trie: dict = {}
    for word in words:
        if _TOKEN.fullmatch(word):
            node = trie
            for ch in word:
                node = node.setdefault(ch, {})
            node[""] = {}  # a word ends here
    body = _trie_regex(trie) or "(?!)"
    return re.compile(r"(?<![\w’'-])[\d_’'-]*(" + body + r")(?![\w’'-])")


def _trie_regex(node: dict) -> str:
    """The words of a character trie as one regex, sharing prefixes (an alternation of
    hundreds of whole words would be tried word by word at every position)."""
    branches = [re.escape(ch) + _trie_regex(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return "(?:" + body + ")?" if "" in node else body


@lru_cache(maxsize=8)
def _cue_sets(cues: tuple[str, ...], labels: tuple[str, ...]) -> tuple[frozenset, tuple, frozenset]:
    single = frozenset(c.lower() for c in cues if " " not in c)
    multi = tuple(c.lower() for c in cues if " " in c)
    return single, multi, frozenset(x.lower() for x in labels)
