"""metadata-title-mismatch: the metadata title and the article's H1 disagree."""

from __future__ import annotations

import difflib
import html
import re
from collections.abc import Iterator
from typing import NamedTuple

from ...document import HEADING, Document
from ...text.patterns import lazy
from ..base import Finding, Severity, rule
from .fields import _WS, _applies, _q
from .options import SECTION, MetadataOptions

_TITLE_KEYS = ("title", "og:title", "twitter:title", "headline")
_NORM_TABLE = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "\u00a0": " ", "–": "-", "—": "-"})
_NON_WORD = re.compile(r"[^\w\s]+")
_SEPARATORS = re.compile(r"\s+(?:[-|–—:·•»]|::)\s+")


def _norm_title(text: str) -> str:
    text = html.unescape(text).translate(_NORM_TABLE).casefold()
    return _WS.sub(" ", _NON_WORD.sub(" ", text)).strip()


def _title_forms(title: str) -> list[str]:
    """The title, and the title without a site name before or after a separator."""
    forms = [title]
    parts = _SEPARATORS.split(title)
    if len(parts) > 1:
        forms.append(" ".join(parts[:-1]))  # "Headline - Site"
        forms.append(" ".join(parts[1:]))  # "Site | Headline", "Column: Headline"
    return [n for n in (_norm_title(f) for f in forms) if n]


# Words of a headline: an amount ("$14m", "£1.2bn", "40%", "3,000"), or a word.
_TOKEN = lazy(r"[$£€¥]?\d[\d,.]*(?:\s?(?:m|bn|k|million|billion|trillion|per\s?cent|percent)\b|%)?|[^\W\d_][\w'’.&-]*")
_NUMBER_WORDS = {
    w: str(i)
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
        "seventeen eighteen nineteen twenty".split()
    )
}
_SCALE = {"million": "m", "billion": "bn", "trillion": "tn", "percent": "%", "per cent": "%", "percent.": "%"}
# Capitalised words that are not names (sentence starts, headline verbs in Title Case).
_NOT_NAMES = frozenset(
    "a an the this that these those it its he she they we you i my our their his her why how what when where who "
    "will would can could may might must should new old more most after before as at by for from in into of on "
    "over to up with and or but not no "
    # titles and offices, which a search headline swaps for the name ("PM" / "Johnson")
    "mr mrs ms miss dr sir dame lord lady prof professor rev president pm prime minister chancellor mayor "
    "governor senator congressman congresswoman mp king queen prince princess pope chief ceo boss secretary "
    "judge police council government".split()
)
# Names written two ways in headlines.
_SAME_PLACE = (
    frozenset({"uk", "britain", "britain's", "uk's", "british"}),
    frozenset({"us", "usa", "america", "america's", "us's", "american"}),
)


class _Token(NamedTuple):
    text: str  # as written
    key: str  # compared: case-folded, number words and amounts normalised
    number: bool
    capital: bool


def _tokens(title: str) -> list[_Token]:
    text = html.unescape(title).translate(_NORM_TABLE)
    out = []
    for m in _TOKEN.finditer(text):
        t = m.group().rstrip(".")
        low = t.casefold()
        if t[:1].isdigit() or t[:1] in "$£€¥":
            key = re.sub(r"(?<=\d),(?=\d{3})", "", low).replace(" ", "")
            for word, short in _SCALE.items():
                key = key.replace(word.replace(" ", ""), short)
            out.append(_Token(t, key, True, False))
        elif low in _NUMBER_WORDS:
            out.append(_Token(t, _NUMBER_WORDS[low], True, False))
        else:
            out.append(_Token(t, low.strip("'’"), False, t[:1].isupper()))
    return out


def _title_case(tokens: list[_Token]) -> bool:
    long = [t for t in tokens if not t.number and len(t.text) > 3]
    return bool(long) and sum(t.capital for t in long) >= 0.8 * len(long)


def substantive_difference(title: str, h1: str, body_names: frozenset[str] = frozenset()) -> tuple[str, str] | None:
    """The figure or name that differs between two otherwise alike headlines
    ("$14m" / "$41m", "Smith" / "Jones"), as (in the headline, in the title), or None.

    Only a substitution counts: words the title leaves out or adds (an SEO title that
    rewords or shortens the headline) are not a contradiction. A headline's first word is
    capitalised anyway: it counts as a name only when it is in ``body_names`` (words the
    article capitalises mid-sentence)."""
    a, b = _tokens(h1), _tokens(title)
    if not a or not b:
        return None
    matcher = difflib.SequenceMatcher(None, [t.key for t in a], [t.key for t in b], autojunk=False)
    if matcher.ratio() < 0.6:
        return None  # reworded: not the same headline with one fact changed
    names = not (_title_case(a) and _title_case(b))
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op != "replace" or i2 - i1 > 3 or j2 - j1 > 3:
            continue
        left, right = a[i1:i2], b[j1:j2]
        nums_l = [t for t in left if t.number]
        nums_r = [t for t in right if t.number]
        if nums_l and nums_r and {t.key for t in nums_l} != {t.key for t in nums_r}:
            return " ".join(t.text for t in left), " ".join(t.text for t in right)
        if names:
            # One side must be a name for sure; the other may be a headline's first word.
            sure = any(_name(t, k, body_names) for k, t in enumerate(left, i1)) or any(
                _name(t, k, body_names) for k, t in enumerate(right, j1)
            )
            name_l = [t for t in left if t.capital and t.key not in _NOT_NAMES]
            name_r = [t for t in right if t.capital and t.key not in _NOT_NAMES]
            if (
                sure
                and name_l
                and name_r
                and {t.key for t in name_l}.isdisjoint(t.key for t in name_r)
                and not _same_name(name_l, name_r)
            ):
                return " ".join(t.text for t in left), " ".join(t.text for t in right)
    return None


def _same_name(a: list[_Token], b: list[_Token]) -> bool:
    """One name written two ways: "Fed" / "Federal Reserve", "NHS" / "National Health
    Service", "UK" / "Britain"."""
    keys_a, keys_b = [t.key for t in a], [t.key for t in b]
    for x in keys_a:
        for y in keys_b:
            if len(x) >= 3 and len(y) >= 3 and (x.startswith(y) or y.startswith(x)):
                return True
            if any(x in group and y in group for group in _SAME_PLACE):
                return True
    initials_a = "".join(k[0] for k in keys_a)
    initials_b = "".join(k[0] for k in keys_b)
    return "".join(keys_a) == initials_b or "".join(keys_b) == initials_a


def _name(t: _Token, position: int, body_names: frozenset[str]) -> bool:
    if not t.capital or t.key in _NOT_NAMES:
        return False
    return position > 0 or t.text in body_names


_MID_SENTENCE_CAPITAL = lazy(r"(?<=[a-z,;:] )[A-Z][\w'’-]+")


def _body_names(doc: Document) -> frozenset[str]:
    """Words the article capitalises in mid-sentence (names, mostly)."""
    words: set[str] = set()
    for b in doc.prose[:40]:
        if b.kind != HEADING:
            words.update(_MID_SENTENCE_CAPITAL.findall(b.text.text))
    return frozenset(words)


def _title_parts(title: str) -> list[str]:
    """The title as written, and without a site name before or after a separator."""
    parts = _SEPARATORS.split(title)
    if len(parts) == 1:
        return [title]
    return [title, " ".join(parts[:-1]), " ".join(parts[1:])]


def titles_agree(title: str, h1: str, similarity: float) -> bool:
    target = _norm_title(h1)
    if not target:
        return True
    # The same words, figures written two ways ("£1.2bn" / "£1.2 billion", "10" / "ten").
    keys = [t.key for t in _tokens(h1)]
    if any([t.key for t in _tokens(part)] == keys for part in _title_parts(title)):
        return True
    for form in _title_forms(title):
        if form == target:
            return True
        if difflib.SequenceMatcher(None, form, target).ratio() >= similarity:
            return True
    return False


@rule(
    "metadata-title-mismatch",
    family="metadata",
    summary="The metadata title and the article's H1 disagree",
    severity=Severity.INFO,
    section=SECTION,
)
def metadata_title_mismatch(doc: Document, opts: MetadataOptions) -> Iterator[Finding]:
    """## What it does
    Compares the article's H1 with its metadata titles (front-matter `title`, HTML
    `<title>`, `og:title`, `twitter:title`, JSON-LD `headline`). A front-matter title is the
    headline the site prints, so the H1 is reported when it says something else. A page
    title, `og:title` or JSON-LD headline is a search or social headline, reworded on
    purpose: it is reported only when it is the same headline with a figure or name changed
    (below). A site name before or after a separator
    (`Headline - Site`, `Site | Headline`), case, punctuation and curly quotes are ignored,
    and near matches count (`title_similarity`). Articles with no H1 in the body are not
    checked.

    Two headlines that are the same but for a figure, an amount or a name ("$14m" and
    "$41m", "Smith" and "Jones") are reported however alike the rest is: one of them missed a
    correction. A title that only leaves out or adds words (a shortened search title) is not
    such a difference. Each title is compared on its own: when the page title agrees with the
    headline and the `og:title` has the date changed, the `og:title` is reported, at its line.

    ## Why is this bad?
    When the headline was rewritten but the metadata title was not, search results, social
    cards and browser tabs show the old headline, sometimes one that was corrected for
    accuracy. A deliberately different search headline is fine: this rule is `info`.

    ## Example
    ```markdown
    ---
    title: Harbour wall to be repaired next year
    ---

    # Harbour wall repaired before the regatta
    ```

    Use instead:
    ```markdown
    ---
    title: Harbour wall repaired before the regatta
    ---

    # Harbour wall repaired before the regatta
    ```

    ## Options
    - `title_similarity`
    - `apply_to`
    """
    if not _applies(doc, opts):
        return
    if doc.format == "html":
        h1s = [b for b in doc.prose if b.kind == HEADING and b.level == 1 and b.text.text.strip()]
    else:
        # In Markdown the headline H1 opens the body; a later H1 is a misused section heading.
        first = doc.prose[0] if doc.prose else None
        h1s = [first] if first is not None and first.kind == HEADING and first.level == 1 else []
    if not h1s:
        return
    titles = [
        doc.metadata[k].value
        for k in _TITLE_KEYS
        if k in doc.metadata and isinstance(doc.metadata[k].value, str) and doc.metadata[k].value.strip()
    ]
    spans = {
        doc.metadata[k].value: doc.metadata[k].value_span
        for k in _TITLE_KEYS
        if k in doc.metadata and isinstance(doc.metadata[k].value, str)
    }
    jl = doc.meta("jsonld")
    if isinstance(jl, dict) and isinstance(jl.get("headline"), str):
        titles.append(jl["headline"])
    if not titles:
        return
    h = next((b for b in h1s if "article" in b.container or "main" in b.container), h1s[0])
    # The same headline with one figure or name changed: a correction that reached only one
    # of them, whatever the similarity of the rest. Each title on its own: a page title that
    # matches does not vouch for an og:title that says "21 March" where the H1 says "14 March".
    head = _norm_title(h.text.text)
    differing = [t for t in titles if head not in _title_forms(t)]
    if differing:
        names = _body_names(doc)
        for t in differing:
            diff = next(
                (d for d in (substantive_difference(f, h.text.text, names) for f in _title_parts(t)) if d), None
            )
            if diff is not None:
                # When another title agrees with the headline, the odd one out is the stale one.
                where = spans.get(t) if len(differing) < len(titles) and spans.get(t) else h.text.span
                yield Finding(
                    where,
                    f"Headline {_q(h.text.text)} says {_q(diff[0])} where the metadata title "
                    f"{_q(t)} says {_q(diff[1])}",
                )
                return
    # A reworded title is reported only against the front matter's own title, which the
    # site prints as the headline: a page title, og:title or JSON-LD headline is a search or
    # social headline, written differently on purpose.
    own = doc.metadata.get("title")
    if own is None or own.source != "frontmatter" or not isinstance(own.value, str) or not own.value.strip():
        return
    for h1 in h1s:
        if any(titles_agree(t, h1.text.text, opts.title_similarity) for t in titles):
            return
    yield Finding(h.text.span, f"Headline {_q(h.text.text)} differs from the metadata title {_q(own.value)}")
