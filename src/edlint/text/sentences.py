"""A light sentence splitter that keeps offsets.

    sentence_spans("Dr. Ruiz arrived at 9 a.m. Monday. “We’re ready,” she said.")
    -> [(0, 34), (35, 60)]

Built for speed on news prose, not for linguistic perfection: one regex finds candidate
boundaries (terminal punctuation, optional closing quotes or brackets, whitespace, then
something that can start a sentence) and a few cheap tests reject the common false ones
(titles such as "Dr.", initials such as "J.", "U.S. Attorney", "No. 3"). Offsets are
indices into the text given; every span is trimmed of surrounding whitespace, and the
spans cover the text in order without overlapping.
"""

from __future__ import annotations

from bisect import bisect_right

from .patterns import lazy

# Terminal punctuation, closing marks that belong to the sentence, whitespace, and a
# lookahead for something that can open the next sentence (capital, digit, opening mark).
_BOUNDARY = lazy(
    r"(?:[.!?]+|\u2026|\.\.\.)"
    r"[\"'\u201d\u2019\u00bb\u203a)\]]*"
    r"(?P<gap>\s+)"
    r"(?=[\"'\u201c\u2018\u201e\u00ab\u2039(\[*_]*[A-Z0-9\u00c0-\u00de\u0400-\u042f])"
)

# Never end a sentence: titles and words that are always followed by something.
_ALWAYS_ABBREV = frozenset(
    """mr mrs ms mx dr prof sr jr st gen lt col capt cpt sgt maj adm cmdr gov sen rep reps
    sens rev hon pres supt insp det fr msgr mt ft no nos vs v cf approx dept est fig figs
    vol ch pp op ed eds tel ext jan feb mar apr jun jul aug sep sept oct nov dec""".split()
)
# End a sentence only when the next word reads like a sentence opening.
_MAYBE_ABBREV = frozenset(
    """inc co corp ltd llc plc bros etc al u.s u.k u.n e.u a.m p.m d.c n.y l.a e.g i.e
    ave blvd rd sq ph.d m.d b.a m.a""".split()
)
_OPENERS = frozenset(
    """the a an he she it they we i you but and or so yet in on at this that these those
    there his her their our its as if when while after before for then still also however
    meanwhile now last next one two some many most all no not both each officials police""".split()
)
_WORD_BEFORE = lazy(r"([A-Za-z][A-Za-z.]*)\.$")
_NEXT_WORD = lazy(r"[\"'\u201c\u2018\u201e\u00ab(\[*_]*([A-Za-z]+)")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` offsets of the sentences of ``text``, trimmed of whitespace."""
    n = len(text)
    if n == 0:
        return []
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        end = m.start("gap")
        if not _is_boundary(text, m.start(), m.end()):
            continue
        _add(text, spans, start, end)
        start = m.end()
    _add(text, spans, start, n)
    return spans


def _add(text: str, spans: list[tuple[int, int]], start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))


def _is_boundary(text: str, punct: int, nxt: int) -> bool:
    if text[punct] != ".":
        return True  # ! ? … always end a sentence here
    if punct + 1 < len(text) and text[punct + 1] == ".":
        # an ellipsis: a boundary only before a clear sentence opening
        word = _NEXT_WORD.match(text, nxt)
        return bool(word) and word.group(1).lower() in _OPENERS
    m = _WORD_BEFORE.search(text, max(0, punct - 24), punct + 1)
    if m is None:
        return True
    token = m.group(1)
    low = token.lower()
    if len(token) == 1 and token.isupper():
        return False  # an initial: "J. Smith", "Jane Q. Public"
    if low in _ALWAYS_ABBREV and (len(token) <= 4 or low in ("sept", "approx", "dept")):
        if low == "no":  # "No. 3" abbreviates; "she said no." ends a sentence
            return not text[nxt : nxt + 1].isdigit()
        return False
    if low in _MAYBE_ABBREV or ("." in token and len(token) <= 6):
        word = _NEXT_WORD.match(text, nxt)
        return bool(word) and word.group(1).lower() in _OPENERS
    return True


def sentences(text: str) -> list[str]:
    """The sentences of ``text`` as strings."""
    return [text[s:e] for s, e in sentence_spans(text)]


class SentenceIndex:
    """Sentences of one text with fast lookup of the sentence around an offset."""

    __slots__ = ("_starts", "spans")

    def __init__(self, text: str) -> None:
        self.spans = sentence_spans(text)
        self._starts = [s for s, _ in self.spans]

    def __len__(self) -> int:
        return len(self.spans)

    def index(self, offset: int) -> int:
        """Index of the sentence containing ``offset`` (the one before it when ``offset``
        falls in the gap between two sentences); 0 when before every sentence."""
        return max(0, bisect_right(self._starts, offset) - 1)

    def around(self, start: int, end: int) -> tuple[int, int]:
        """The span from the start of the sentence holding ``start`` to the end of the
        sentence holding ``end - 1``."""
        if not self.spans:
            return start, end
        i = self.index(start)
        j = self.index(max(start, end - 1))
        return self.spans[i][0], self.spans[j][1]
