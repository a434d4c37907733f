"""Quote-mark scanning: which marks open or close a quotation, which are apostrophes or
primes, and how they pair.

    scan = scan_quotes("“She said ‘no,’ and that was it,” Ruiz said of the 6'2\" guard.")
    [(q.start, q.end, q.depth) for q in scan.quotes]   # the outer pair and the nested one
    [m.role for m in scan.marks]                        # open, open, close, close, prime, prime

Every mark in the text gets a :class:`Mark` with a role (``open``, ``close``,
``apostrophe``, ``prime`` or ``stray``), a kind (``double``, ``single``, ``guillemet``,
``single_guillemet``) and ``confident``: whether its role follows from the characters
around it alone (a quote-style fix is safe only then). Pairs become :class:`Quote` objects
with their nesting depth; openers never closed and closers never opened are listed apart.

Conventions handled: curly “…” ‘…’, straight "…" '…', German „…“ and ‚…‘, guillemets «…»
and »…«, apostrophes inside words (council’s, rock 'n' roll), elisions ('90s, ’em),
plural possessives (the workers’ union), primes (6'2", 5' tall, 12" pizza, ′ ″).
The scanner works on one block of text; joining paragraphs (the newspaper convention for
quotes that run over several paragraphs) is the caller's business.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import islice

from .patterns import lazy

# Roles
OPEN = "open"
CLOSE = "close"
APOSTROPHE = "apostrophe"
PRIME = "prime"
STRAY = "stray"

# Kinds
DOUBLE = "double"
SINGLE = "single"
GUILLEMET = "guillemet"
SINGLE_GUILLEMET = "single_guillemet"

QUOTE_CHARS = "\"'\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u201f\u00ab\u00bb\u2039\u203a\u2032\u2033"
_MARK = lazy("[" + re.escape(QUOTE_CHARS) + "]")


_OPEN_CTX = frozenset(" \t\n\r\u00a0([{<\u2014\u2013-/=\u2018\u201c\u201e\u00ab\u2039\"'")
_CLOSE_CTX = frozenset(" \t\n\r\u00a0.,;:!?)]}>\u2014\u2013-/\u2026\u2019\u201d\u00bb\u203a\"'*_")
# Elisions after an apostrophe at the start of a word: '90s, ’em, 'tis, rock 'n' roll.
_ELISION = lazy(
    r"(?:\d0s\b|\d\ds\b|\d\d\b(?!\s*(?:percent|%|-))|(?:em|tis|twas|til|cause|cuz|bout|nuff)\b(?!-)|n['\u2019]\s)",
    re.I,
)
_FEET_INCHES = lazy(r"\d['\u2019\u2032]\s?\d{1,2}(?:\.\d+)?$")


@dataclass(slots=True)
class Mark:
    """One quotation mark and what it was read as (opening, closing, apostrophe)."""

    pos: int
    char: str
    role: str
    kind: str = ""  # double | single | guillemet | single_guillemet ("" for apostrophes, primes)
    confident: bool = True
    partner: int = -1  # index of the paired mark in QuoteScan.marks
    wrong_way: bool = False  # an opening mark used to close (“…“) or the reverse (”…”)

    @property
    def straight(self) -> bool:
        return self.char in "\"'"

    @property
    def curly(self) -> bool:
        return self.char in "\u2018\u2019\u201c\u201d"


@dataclass(slots=True)
class Quote:
    """A quotation: its span, its marks and how deeply it is nested."""

    start: int  # offset of the opening mark
    end: int  # offset just after the closing mark (the text's length when unclosed)
    kind: str
    depth: int  # 0 for a top-level quotation
    open_mark: int  # index into QuoteScan.marks
    close_mark: int = -1  # -1 when unclosed

    @property
    def closed(self) -> bool:
        return self.close_mark >= 0

    @property
    def inner_start(self) -> int:
        return self.start + 1

    @property
    def inner_end(self) -> int:
        return self.end - 1 if self.closed else self.end

    def inner(self, text: str) -> str:
        return text[self.inner_start : self.inner_end]


@dataclass(slots=True)
class QuoteScan:
    """The marks and quotations of one text. Read-only: scan_quotes shares one scan among
    every caller that scans the same text (hence tuples, and none allocated when empty)."""

    text: str
    marks: tuple[Mark, ...] = ()
    quotes: tuple[Quote, ...] = ()  # closed pairs and unclosed openers, by start
    stray_closes: tuple[int, ...] = ()  # mark indices

    @property
    def unclosed(self) -> list[Quote]:
        return [q for q in self.quotes if not q.closed]

    def top_level(self) -> list[Quote]:
        return [q for q in self.quotes if q.depth == 0]

    def inside(self, offset: int) -> Quote | None:
        """The innermost quote whose marks enclose ``offset``."""
        best = None
        for q in self.quotes:
            if q.start < offset < q.end or (not q.closed and q.start < offset):
                if best is None or q.depth > best.depth:
                    best = q
        return best

    def outside_text(self, start: int, end: int, fill: str = " ") -> str:
        """``text[start:end]`` with every top-level quotation replaced by ``fill``
        characters (same length, so offsets still line up)."""
        text = self.text
        if len(fill) != 1 or start < 0 or end < 0:
            return _outside_text_charwise(self, start, end, fill)
        end = min(end, len(text))
        if start >= end:
            return ""
        # Top-level quotations are disjoint and sorted by start (see _build_quotes), so the
        # result is the text between them joined with runs of ``fill``.
        pieces: list[str] = []
        pos = start  # copied up to here
        for q in self.quotes:
            if q.depth:
                continue
            lo, hi = max(q.start, pos), min(q.end, end)
            if lo < hi:
                pieces.append(text[pos:lo])
                pieces.append(fill * (hi - lo))
                pos = hi
        if not pieces:
            return text[start:end]
        pieces.append(text[pos:end])
        return "".join(pieces)


def _outside_text_charwise(scan: QuoteScan, start: int, end: int, fill: str) -> str:
    """outside_text one character at a time, for the odd cases the slicing form does not
    reproduce: a ``fill`` that is not one character (a longer one shifts what follows) and
    negative offsets (which count from the end)."""
    chunk = list(scan.text[start:end])
    for q in scan.quotes:
        if q.depth:
            continue
        lo, hi = max(q.start, start), min(q.end, end)
        if lo < hi:
            chunk[lo - start : hi - start] = fill * (hi - lo)
    return "".join(chunk)


def curly_mark(kind: str, role: str) -> str:
    """The English curly mark for a role: “ ” ‘ ’, and ’ for an apostrophe."""
    if role == APOSTROPHE:
        return "\u2019"
    if kind == DOUBLE:
        return "\u201c" if role == OPEN else "\u201d"
    return "\u2018" if role == OPEN else "\u2019"


def has_quote_marks(text: str) -> bool:
    return _MARK.search(text) is not None


_PRIME_CLOSES = re.compile(r"[\w.,%$-]{1,8}")
MAX_NESTING = 12  # open quotation marks remembered at once


# Several rule families scan the same blocks (the quote rules, units-conversion, the packs'
# quotations), one after another for each document: keeping recent scans by text makes that
# one scan per block. Bounded by the characters of text held; emptied when full.
_SCAN_CACHE: dict[str, QuoteScan] = {}
_SCAN_CACHE_MAX_CHARS = 1_000_000
_SCAN_CACHE_ENTRY_COST = 64  # so that many short texts also fill it
_scan_cache_chars = 0


def scan_quotes(text: str) -> QuoteScan:
    """Classify and pair every quote mark of ``text``.

    The result may be shared with other callers that scanned the same text: read it, do
    not change it."""
    global _scan_cache_chars
    scan = _SCAN_CACHE.get(text)
    if scan is None:
        scan = _scan_quotes(text)
        cost = len(text) + _SCAN_CACHE_ENTRY_COST
        if _scan_cache_chars + cost > _SCAN_CACHE_MAX_CHARS:
            _SCAN_CACHE.clear()
            _scan_cache_chars = 0
        if cost <= _SCAN_CACHE_MAX_CHARS:
            _SCAN_CACHE[text] = scan
            _scan_cache_chars += cost
    return scan


def clear_scan_cache() -> None:
    """Forget every kept scan (for measurements that must scan afresh)."""
    global _scan_cache_chars
    _SCAN_CACHE.clear()
    _scan_cache_chars = 0


# More quote marks than this in one block is not prose (a machine-made page, an attack):
# such a block is left unscanned, as if it had none, so every rule that reads quotations
# stays linear in the block's length with a small constant.
MAX_MARKS_PER_TEXT = 5_000


def _too_many_marks(text: str) -> bool:
    if len(text) <= MAX_MARKS_PER_TEXT:
        return False
    total = 0
    for ch in QUOTE_CHARS:
        total += text.count(ch)
        if total > MAX_MARKS_PER_TEXT:
            return True
    return False


# Windows-1252's quotation marks read as Latin-1 (U+0091–U+0094, control characters nobody
# types): a page converted with the wrong encoding. They are scanned as the marks they were.
_C1_QUOTES = str.maketrans({"\x91": "\u2018", "\x92": "\u2019", "\x93": "\u201c", "\x94": "\u201d"})


def _scan_quotes(text: str) -> QuoteScan:
    if any(c in text for c in "\x91\x92\x93\x94"):
        text = text.translate(_C1_QUOTES)  # (same length: offsets hold)
    scan = QuoteScan(text)
    if _MARK.search(text) is None or _too_many_marks(text):
        return scan
    marks: list[Mark] = []
    stray_closes: list[int] = []
    stack: list[int] = []  # indices of open marks, innermost last
    n = len(text)

    def pending(kind: str, char_set: str | None = None) -> int:
        """Stack position of the nearest open mark of ``kind`` (optionally of these chars)."""
        for k in range(len(stack) - 1, -1, -1):
            mk = marks[stack[k]]
            if mk.kind == kind and (char_set is None or mk.char in char_set):
                return k
        return -1

    def open_(pos: int, ch: str, kind: str, confident: bool, wrong_way: bool = False) -> None:
        marks.append(Mark(pos, ch, OPEN, kind, confident, wrong_way=wrong_way))
        stack.append(len(marks) - 1)
        if len(stack) > MAX_NESTING:
            # Quotations nest two or three deep; an opener this far down will never be
            # closed. Dropping it keeps the scan linear on a page of 100,000 marks.
            _unclosed_inner(marks, stack.pop(0))

    def close_(pos: int, ch: str, kind: str, confident: bool, k: int, wrong_way: bool = False) -> None:
        marks.append(Mark(pos, ch, CLOSE, kind, confident, wrong_way=wrong_way))
        mi = len(marks) - 1
        oi = stack[k]
        # Openers left above the matched one were never closed.
        for above in stack[k + 1 :]:
            _unclosed_inner(marks, above)
        del stack[k:]
        marks[oi].partner = mi
        marks[mi].partner = oi

    for m in _MARK.finditer(text):
        i = m.start()
        ch = text[i]
        left = text[i - 1] if i > 0 else " "
        right = text[i + 1] if i + 1 < n else " "
        l_open = left in _OPEN_CTX
        r_close = right in _CLOSE_CTX

        if ch in "\u2032\u2033":
            k = pending(DOUBLE)
            if ch == "\u2033" and k >= 0 and r_close and _PRIME_CLOSES.fullmatch(text, marks[stack[k]].pos + 1, i):
                # “1″ is …: typesetting turned the closing mark after a number into a
                # double prime; a quotation of one short token closes there.
                close_(i, ch, DOUBLE, False, k)
            else:
                marks.append(Mark(i, ch, PRIME))
        elif ch == '"':
            if left.isdigit() and (_FEET_INCHES.search(text, max(0, i - 8), i) or pending(DOUBLE, '"') < 0):
                marks.append(Mark(i, ch, PRIME, "", bool(_FEET_INCHES.search(text, max(0, i - 8), i))))
                continue
            k = pending(DOUBLE)
            if l_open and not right.isspace() and not (k >= 0 and r_close and not left.isspace()):
                open_(i, ch, DOUBLE, right.isalnum() or right in "\u2018'(\u2026.[")
            elif not left.isspace() and r_close:
                if k >= 0:
                    close_(i, ch, DOUBLE, True, k)
                else:
                    marks.append(Mark(i, ch, CLOSE, DOUBLE, False))
                    stray_closes.append(len(marks) - 1)
            elif k >= 0:
                close_(i, ch, DOUBLE, False, k)
            elif left.isspace() and right.isspace():
                marks.append(Mark(i, ch, STRAY, DOUBLE, False))
            else:
                open_(i, ch, DOUBLE, False)
        elif ch in "'\u2019":
            if left.isalnum() and right.isalnum():
                if left.isdigit() and right.isdigit() and ch == "'":
                    marks.append(Mark(i, ch, PRIME))
                else:
                    marks.append(Mark(i, ch, APOSTROPHE))
            elif not left.isalnum() and _ELISION.match(text, i + 1):
                marks.append(Mark(i, ch, APOSTROPHE))
            elif left in "nN" and i >= 2 and text[i - 2] in "'\u2019" and (i < 3 or not text[i - 3].isalnum()):
                marks.append(Mark(i, ch, APOSTROPHE))  # the second mark of 'n'
            elif left.isdigit() and not right.isalnum():
                k = pending(SINGLE)
                if k >= 0:
                    close_(i, ch, SINGLE, False, k)
                else:
                    marks.append(Mark(i, ch, PRIME, "", ch == "'"))
            elif l_open and not right.isspace():
                # An opening single quote (a ’ here is a wrong-way opener at best).
                open_(i, ch, SINGLE, ch == "'" and right.isalnum())
            elif not left.isspace() and (r_close or right.isalnum() is False):
                k = pending(SINGLE)
                if k >= 0 and left in "sS" and right == " " and _plural_possessive(text, i):
                    marks.append(Mark(i, ch, APOSTROPHE, "", False))  # ‘… The officers’ report says …,’
                elif k >= 0:
                    close_(i, ch, SINGLE, left not in "sSnN", k)
                else:
                    # plural possessive (the workers’ union) or dropped letter (goin’)
                    marks.append(Mark(i, ch, APOSTROPHE, "", left in "sS" and right == " "))
            else:
                marks.append(Mark(i, ch, STRAY, SINGLE, False))
        elif ch == "\u2018":
            if left.isalnum() and not right.isalnum():
                k = pending(SINGLE)
                if k >= 0:
                    close_(i, ch, SINGLE, False, k, True)  # a wrong-way closer: ‘Message‘
                else:
                    marks.append(Mark(i, ch, APOSTROPHE, "", False))  # stories‘ text
            elif left.isalnum() and right.isalnum():
                marks.append(Mark(i, ch, APOSTROPHE, "", False))  # wrong-way apostrophe
            elif not left.isalnum() and _ELISION.match(text, i + 1) and right.isdigit():
                marks.append(Mark(i, ch, APOSTROPHE, "", False))  # ‘90s: should be ’90s
            else:
                k = pending(SINGLE, "\u201a")
                k2 = pending(SINGLE)
                if k >= 0 and not left.isspace() and r_close:
                    close_(i, ch, SINGLE, True, k)  # German ‚…‘
                elif k2 >= 0 and left.isspace() and _ends_here(text, i):
                    close_(i, ch, SINGLE, False, k2, True)  # ‘The Medium is the Message ‘,
                else:
                    open_(i, ch, SINGLE, True)
        elif ch == "\u201c":
            k = pending(DOUBLE, "\u201e")
            if k >= 0 and not left.isspace() and r_close:
                close_(i, ch, DOUBLE, True, k)  # German „…“
            else:
                k = pending(DOUBLE)
                if k >= 0 and (
                    (not left.isspace() and r_close and not l_open) or (left.isspace() and _ends_here(text, i))
                ):
                    close_(i, ch, DOUBLE, False, k, True)  # a wrong-way closer: “Hello“
                else:
                    open_(i, ch, DOUBLE, True)
        elif ch == "\u201d":
            k = pending(DOUBLE)
            if k >= 0:
                close_(i, ch, DOUBLE, True, k)
            elif l_open and not right.isspace() and not r_close:
                # a wrong-way opener (or Swedish ”…”, or an attribute value link=”…”)
                open_(i, ch, DOUBLE, False, left.isspace() or i == 0)
            else:
                marks.append(Mark(i, ch, CLOSE, DOUBLE, True))
                stray_closes.append(len(marks) - 1)
        elif ch == "\u201e":
            open_(i, ch, DOUBLE, True)
        elif ch == "\u201a":
            if left.isalnum() and right.isspace():
                marks.append(Mark(i, ch, STRAY, "", False))  # a comma look-alike
            else:
                open_(i, ch, SINGLE, True)
        elif ch == "\u201b":
            open_(i, ch, SINGLE, False)
        elif ch == "\u201f":
            open_(i, ch, DOUBLE, False)
        elif ch in "\u00ab\u00bb\u2039\u203a":
            kind = GUILLEMET if ch in "\u00ab\u00bb" else SINGLE_GUILLEMET
            other = {"\u00ab": "\u00bb", "\u00bb": "\u00ab", "\u2039": "\u203a", "\u203a": "\u2039"}[ch]
            k = pending(kind, other)
            if k >= 0:
                close_(i, ch, kind, True, k)
            elif left.isspace() and right.isspace():
                marks.append(Mark(i, ch, STRAY, kind, False))  # a separator: Home » News
            elif ch in "\u00ab\u2039" or (l_open and not right.isspace()):
                open_(i, ch, kind, True)
            else:
                marks.append(Mark(i, ch, CLOSE, kind, True))
                stray_closes.append(len(marks) - 1)

    for k in stack:
        _unclosed_inner(marks, k)

    scan.marks = tuple(marks)
    scan.stray_closes = tuple(stray_closes)
    scan.quotes = _build_quotes(marks, n)
    return scan


_NEXT_SINGLE = re.compile(r"[\u2018\u2019']")


def _plural_possessive(text: str, i: int) -> bool:
    """Inside a single-quoted passage, is the ’ after an s at ``i`` a plural possessive
    ("the officers’ report") rather than its close? It is when a noun follows in lower
    case and the next single mark that is not inside a word closes the passage (no new
    quotation opens before it): ‘… The officers’ report says so, and it means it,’ he said."""
    j = i + 2
    if j >= len(text) or not text[j].islower():
        return False
    for m in _NEXT_SINGLE.finditer(text, i + 1):
        p = m.start()
        left = text[p - 1] if p > 0 else " "
        right = text[p + 1] if p + 1 < len(text) else " "
        if left.isalnum() and right.isalnum():
            continue  # an apostrophe inside a word
        if m.group() == "\u2018" or (left.isspace() and not right.isspace()):
            return False  # a new quotation opens first
        return not left.isspace()
    return False


def _ends_here(text: str, i: int) -> bool:
    """Is the mark at ``i`` followed only by punctuation before a space or the end?"""
    j = i + 1
    while j < len(text) and text[j] in ".,;:!?)]\u2026":
        j += 1
    return j >= len(text) or (text[j].isspace() and (j > i + 1 or not text[j + 1 : j + 2].strip()))


def _unclosed_inner(marks: list[Mark], idx: int) -> None:
    """An opener never closed: a straight or right single mark was most likely an
    apostrophe (a plural possessive, an elision we do not know)."""
    mk = marks[idx]
    if mk.kind == SINGLE and mk.char in "'\u2019":
        mk.role = APOSTROPHE
        mk.kind = ""
        mk.confident = False


def _build_quotes(marks: list[Mark], n: int) -> tuple[Quote, ...]:
    # Marks are in text order, so the quotes come out sorted by start.
    quotes = [
        Quote(mk.pos, marks[mk.partner].pos + 1 if mk.partner >= 0 else n, mk.kind, 0, idx, mk.partner)
        for idx, mk in enumerate(marks)
        if mk.role == OPEN
    ]
    # Depth: how many other quotes enclose this one.
    enclosing: list[Quote] = []
    for q in quotes:
        while enclosing and not (enclosing[-1].start < q.start < enclosing[-1].end):
            enclosing.pop()
        q.depth = len(enclosing)
        enclosing.append(q)
    return tuple(quotes)


# -- helpers for deciding what a quotation is ----------------------------------------------

_WORD = lazy(r"[^\W_]+(?:['\u2019.-][^\W_]+)*")
_MINOR = frozenset(
    """a an the and or nor but for of in on at to by up as vs via with from into onto over
    per than off out de la le el del von van der du des et y e o is are was were be am
    across about after against along among around before behind below beneath beside
    between beyond during inside near through toward towards under until upon within
    without so yet""".split()
)


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def word_count(text: str) -> int:
    return len(_WORD.findall(text))


def words_at_most(text: str, n: int) -> bool:
    """``word_count(text) <= n``, reading no further than word ``n + 1`` (a long
    paragraph checked against a small limit)."""
    if n < 0:
        return False
    return next(islice(_WORD.finditer(text), n, None), None) is None


def fewer_words_than(text: str, limit: float) -> bool:
    """``word_count(text) < limit``, reading no further than needed."""
    if isinstance(limit, int):
        return words_at_most(text, limit - 1)
    return word_count(text) < limit


def is_title_case(text: str) -> bool:
    """Every significant word capitalised (a title of a work, a name, a label):
    'Rivers In Crisis', 'The Lord of the Rings', 'Surviving Design Projects'."""
    return title_case_words(_WORD.findall(text))


def title_case_words(ws: list[str]) -> bool:
    """is_title_case for the ``words()`` of a text."""
    if not ws:
        return False
    first = ws[0][0]
    if not (first.isupper() or first.isdigit()):
        return False  # the first word always counts, minor or not
    for w in ws:
        c = w[0]
        if not (c.isupper() or c.isdigit()) and w.lower() not in _MINOR:
            return False
    return True


_CODEISH = lazy(r"[{}<>=|\\]|^/|/$|^\S*[/#@.]\S*$|^[#.]?[a-z]+[-_][a-z0-9_-]+$|\$\{|%\w")


def looks_like_code(text: str) -> bool:
    """A path, a template expression, a CSS class or an attribute value, not speech."""
    t = text.strip()
    if not t:
        return True
    return bool(_CODEISH.search(t))
