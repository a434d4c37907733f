"""metadata-title-mismatch: the metadata title and the article's H1 disagree."""

from __future__ import annotations

import difflib
import html
import re
from typing import Iterator

from ...document import HEADING, Document
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


def titles_agree(title: str, h1: str, similarity: float) -> bool:
    target = _norm_title(h1)
    if not target:
        return True
    for form in _title_forms(title):
        if form == target:
            return True
        if difflib.SequenceMatcher(None, form, target).ratio() >= similarity:
            return True
    return False


@rule("metadata-title-mismatch", family="metadata",
      summary="The metadata title and the article's H1 disagree", severity=Severity.INFO, section=SECTION)
def metadata_title_mismatch(doc: Document, opts: MetadataOptions) -> Iterator[Finding]:
    """## What it does
    Compares the article's H1 with its metadata titles (front-matter `title`, HTML
    `<title>`, `og:title`, `twitter:title`, JSON-LD `headline`) and reports the H1 when
    none of them says the same thing. A site name before or after a separator
    (`Headline - Site`, `Site | Headline`), case, punctuation and curly quotes are ignored,
    and near matches count (`title_similarity`). Articles with no H1 in the body are not
    checked.

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
    titles = [doc.metadata[k].value for k in _TITLE_KEYS
              if k in doc.metadata and isinstance(doc.metadata[k].value, str) and doc.metadata[k].value.strip()]
    jl = doc.meta("jsonld")
    if isinstance(jl, dict) and isinstance(jl.get("headline"), str):
        titles.append(jl["headline"])
    if not titles:
        return
    for h in h1s:
        if any(titles_agree(t, h.text.text, opts.title_similarity) for t in titles):
            return
    h = next((b for b in h1s if "article" in b.container or "main" in b.container), h1s[0])
    yield Finding(h.text.span, f"Headline {_q(h.text.text)} differs from the metadata title {_q(titles[0])}")
