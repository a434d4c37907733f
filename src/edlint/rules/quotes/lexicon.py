"""The speech-verb lexicon: inflected forms of the reporting verbs, attribution phrases,
and the title cues and label nouns, built once per set of options."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

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
    slam hail brand reveal""".split()
)
_DETERMINER_BEFORE = re.compile(
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


@dataclass(frozen=True)
class _Lexicon:
    single: frozenset  # one-word forms: said, told, warns ...
    multi: dict  # first word -> tuple of the remaining words of multi-word forms
    nounish: frozenset  # -s forms that are often nouns (remarks, states)
    phrase_re: re.Pattern


_TOKEN = re.compile(r"[^\W\d_][\w’'-]*")


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
    return _Lexicon(frozenset(single), {k: tuple(v) for k, v in multi.items()}, frozenset(nounish), phrase_re)


@lru_cache(maxsize=8)
def _cue_sets(cues: tuple[str, ...], labels: tuple[str, ...]) -> tuple[frozenset, tuple, frozenset]:
    single = frozenset(c.lower() for c in cues if " " not in c)
    multi = tuple(c.lower() for c in cues if " " in c)
    return single, multi, frozenset(x.lower() for x in labels)
