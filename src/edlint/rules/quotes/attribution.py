"""quote-attribution: a direct quotation with no identifiable speaker."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

from ...document import (
    BLOCKQUOTE,
    CAPTION,
    HEADING,
    LIST_ITEM,
    PARAGRAPH,
    SHORTCODE,
    Block,
    Document,
)
from ...text.patterns import lazy
from ...text.quotes import Quote, QuoteScan, looks_like_code, word_count, words_at_most
from ...text.sentences import SentenceIndex
from ..base import Finding, Severity, rule
from .options import SECTION, QuotesOptions
from .speaker import _credit_like, _credit_line, _Ctx
from .view import (
    _SKIP_KINDS,
    _embedded,
    _headline_like,
    _preview,
    _top_blockquote,
    block_scans,
)
from ...text.quoting import quoted

_TRAILING_DASH_NAME = lazy(
    r"(?:^|[\s.!?\"”])(?:[\u2014\u2013\u2015~]|--?)\s*[A-Z\u00c0-\u00de][\w.’'&-]*(?:[\s,]+[\w.’'&()-]+){0,14}\s*$"
)
_CALLOUT = lazy(
    r"\W*(?:note|tip|warning|important|example|update|updated|correction|editor[’']?s note|"
    r"tl;?dr|disclaimer|caution|hint|reminder|pro tip|fun fact|background|summary|"
    r"key takeaways?|in brief|at a glance)\b\W",
    re.I,
)
_URL_OR_EMAIL = lazy(r"https?://|www\.|\b[\w.+-]+@[\w-]+\.[\w.]+")
_TRANSCRIPT = lazy(r"\b(?:transcript|excerpt|remarks|testimony|interview|speech)\b", re.I)
_QUOTE_SHORTCODE_ARGS = ("cite", "author", "by", "source", "name", "attribution", "speaker", "who")


def _outside(scan: QuoteScan) -> str:
    return scan.outside_text(0, len(scan.text))


def _quote_only(scan: QuoteScan, outside: str) -> bool:
    """Is the block nothing but quotations (``outside`` is its text with them blanked)?"""
    return bool(scan.quotes) and words_at_most(outside, 2)


def _last_sentence(text: str) -> str:
    spans = SentenceIndex(text).spans
    return text[spans[-1][0] :] if spans else text


def _shortcode_cite(doc: Document, sc: Block) -> bool:
    from ...parsers.shortcodes import find_shortcodes

    found = find_shortcodes(doc.source[sc.span.start : sc.span.end])
    return bool(found) and any(found[0].arg(k) for k in _QUOTE_SHORTCODE_ARGS)


def _units(doc: Document) -> list[tuple[str, Block, list[Block]]]:
    """The article in reading order: headings, prose blocks, blockquotes (one unit each,
    with their paragraphs) and shortcodes."""
    units: list[tuple[str, Block, list[Block]]] = []
    groups: dict[int, list[Block]] = {}
    for b in doc.blocks:
        if b.kind == SHORTCODE:
            units.append(("shortcode", b, []))
            continue
        if b.text is None or b.kind in _SKIP_KINDS:
            continue
        top = _top_blockquote(b) if b.in_quote else None
        if top is not None:
            group = groups.get(id(top))
            if group is None:
                group = groups[id(top)] = []
                units.append(("quote", top, group))
            group.append(b)
        elif b.kind == HEADING:
            units.append(("heading", b, []))
        else:
            units.append(("prose", b, []))
    return units


@rule(
    "quote-attribution",
    family="quotes",
    summary="A direct quotation with no identifiable speaker",
    severity=Severity.WARNING,
    section=SECTION,
)
def quote_attribution(doc: Document, opts: QuotesOptions) -> Iterator[Finding]:
    """## What it does
    Reports a direct quotation (text between quotation marks, or a blockquote) that has no
    speaker the reader can identify: no reporting verb in its paragraph (`“…,” Ruiz said.`,
    `said Ruiz`, `Ruiz said: “…”`, `she added`), no `according to` or `in a statement`,
    no `— Name` after it or on the next line, no `cite`, `<cite>` or `<footer>` on a
    blockquote, and no introduction ("Another stakeholder said:") before it.

    A quote-only paragraph right after an attributed quote continues that speaker, and so
    does the newspaper convention for quotes that run over several paragraphs (no closing
    mark at the end of a paragraph, an opening mark at the start of the next). A paraphrase
    ("Residents said the water was deep.") does not attribute the quote that follows it.

    Not checked: scare quotes and terms (fewer than `min_quote_words` words), titles of
    works and other all-title-case spans, UI labels and other quotations introduced by a cue
    such as "the button", "titled" or "for example", nicknames, measurements (6'2"), code,
    shortcode arguments, front matter, short unpunctuated lines (headlines, teasers), and
    documents that are not in English.

    ## Why is this bad?
    A quotation without a source cannot be checked, and readers cannot judge it. Most
    newsroom style guides require every direct quote to be attributed.

    ## Example
    ```markdown
    The decision to delay the redesign drew sharp criticism. “This is a betrayal of every
    family that crosses that street.”
    ```

    Use instead:
    ```markdown
    The decision to delay the redesign drew sharp criticism. “This is a betrayal of every
    family that crosses that street,” said Dana Ruiz, who lives on the corner.
    ```

    ## Options
    - `speech_verbs`
    - `attribution_phrases`
    - `min_quote_words`
    - `min_fragment_words`
    - `title_cues`
    - `label_nouns`
    - `check_blockquotes`
    """
    if not doc.is_english:
        return iter(())
    return iter(_attribution(doc, opts))


def _attribution(doc: Document, opts: QuotesOptions) -> list[Finding]:
    scans = block_scans(doc)
    if not any(sc.quotes for sc in scans.values()) and not any(b.kind == BLOCKQUOTE for b in doc.blocks):
        return []
    ctx = _Ctx(opts)
    out: list[Finding] = []
    pending: list[Finding] = []  # the last unit's findings: a credit line below cancels them
    prev_licenses = False  # the last unit had an attributed direct quote (or continued one)
    prev_intro: bool | _Later = False  # the last unit introduces what follows ("Another stakeholder said:")
    chain: tuple[Block, Quote] | None = None  # a quotation running over paragraphs
    chain_ok = False
    section_license: bool | _Later = False  # this section's heading names the quotes' source ("What we heard")
    intro: Block | None = None  # the prose block right before (for blockquotes)
    last_shortcode: Block | None = None
    prev_quote_ok: bool | None = None  # the unit right before was a blockquote: attributed?

    def end_chain() -> None:
        nonlocal chain
        if chain is not None and not chain_ok:
            pending.append(_finding(*chain))
        chain = None

    for kind, b, group in _units(doc):
        if kind == "shortcode":
            last_shortcode = b
            continue
        if kind == "heading":
            end_chain()
            out.extend(pending)
            pending = []
            prev_licenses = False
            prev_intro = section_license = _Later(_heading_names_speaker, ctx, b.text.text)
            intro, last_shortcode, prev_quote_ok = None, None, None
            continue
        if kind == "quote":
            end_chain()
            texts = [blk.text.text for blk in group]
            if prev_quote_ok is not None and _credit_like(" ".join(texts)):
                pending = []  # a credit set as its own blockquote under the quotation
                prev_quote_ok = True
                continue
            out.extend(pending)
            pending = []
            ok = (
                bool(section_license)
                or bool(prev_quote_ok)
                or _blockquote_ok(ctx, doc, b, group, intro, last_shortcode, scans)
            )
            if not ok and opts.check_blockquotes and _blockquote_is_speech(ctx, texts):
                first = group[0]
                t = first.text.text
                start = len(t) - len(t.lstrip())
                pending.append(
                    Finding(
                        first.text.source_span(start, start + 1),
                        f"Blockquote has no identifiable source: {quoted(_preview(t[start:start + 60]))}",
                    )
                )
            prev_quote_ok = ok
            prev_licenses, prev_intro = ok, False
            intro, last_shortcode = None, None
            continue

        scan = scans.get(id(b))
        if scan is None:
            continue
        text = b.text.text
        if _credit_line(text):
            pending = []  # "— Tom Black, TTS": names the speaker of what came before
            if chain is not None:
                chain_ok = True
                end_chain()
            prev_licenses = True
            prev_quote_ok = True if prev_quote_ok is not None else None
            continue
        if prev_quote_ok is not None and _credit_like(text):
            pending = []  # "News industry analyst Ken Doctor" under a blockquote
            prev_quote_ok = True
            continue
        if b.kind == CAPTION or _headline_like(text):
            # Captions, headlines and teaser links do not interrupt the article's flow.
            if b.kind == CAPTION and not _headline_like(text):
                out.extend(_lone_block(ctx, b, scan))
            continue
        out.extend(pending)
        pending = []
        tops = scan.top_level()
        continues = chain is not None and bool(tops) and tops[0].start <= 1
        if chain is not None and not continues:
            end_chain()
            out.extend(pending)
            pending = []
        para = _Paragraph(ctx, scan)
        licensed = bool(tops) and _quote_only(scan, para.outside) and bool(prev_licenses or prev_intro)
        local_ok = licensed
        for k, q in enumerate(tops):
            if k == 0 and continues:
                chain_ok = chain_ok or para.attributed(q)
                local_ok = local_ok or chain_ok
                if q.closed or k < len(tops) - 1:
                    end_chain()
                continue
            if not ctx.quotable(text, q):
                continue
            ok = licensed or (k > 0 and local_ok) or para.attributed(q)
            if not ok and _not_speech_at(ctx, scan, q, para.sentences):
                continue
            local_ok = local_ok or ok
            if not q.closed and k == len(tops) - 1 and b.kind in (PARAGRAPH, LIST_ITEM):
                chain, chain_ok = (b, q), ok  # decided where the quotation ends
            elif not ok:
                pending.append(_finding(b, q))
        prev_licenses = local_ok
        prev_intro = text.rstrip().endswith(":") and ctx.names_speaker(_last_sentence(text))
        intro, last_shortcode, prev_quote_ok = b, None, None
    end_chain()
    out.extend(pending)
    return out


class _Paragraph:
    """What the quotations of one block share, each part worked out when first needed:
    the search for a reporting verb only for a quotation that may be speech (not a term
    or a title), the sentences only when the block has no reporting verb."""

    __slots__ = ("_ctx", "_has_verb", "_outside", "_scan", "_sentences")

    def __init__(self, ctx: _Ctx, scan: QuoteScan) -> None:
        self._ctx = ctx
        self._scan = scan
        self._outside: str | None = None
        self._has_verb: bool | None = None
        self._sentences: SentenceIndex | None = None

    @property
    def outside(self) -> str:
        """The text with its top-level quotations blanked."""
        if self._outside is None:
            self._outside = _outside(self._scan)
        return self._outside

    @property
    def sentences(self) -> SentenceIndex:
        if self._sentences is None:
            self._sentences = SentenceIndex(self._scan.text)
        return self._sentences

    def attributed(self, q: Quote) -> bool:
        """A reporting verb anywhere outside the block's quotations, or an attribution
        next to this one."""
        if self._has_verb is None:
            self._has_verb = bool(self._ctx.attributes(self.outside))
        return self._has_verb or self._ctx.attributed_nearby(self._scan, q, self.sentences)


class _Later:
    """A yes/no answer worked out the first time it is asked for: what a heading says
    about the quotes under it matters only when there are quotes that need it."""

    __slots__ = ("_answer", "_args", "_ask")

    def __init__(self, ask: Callable[..., bool], *args: Any) -> None:
        self._ask = ask
        self._args = args
        self._answer: bool | None = None

    def __bool__(self) -> bool:
        if self._answer is None:
            self._answer = bool(self._ask(*self._args))
        return self._answer


def _heading_names_speaker(ctx: _Ctx, heading: str) -> bool:
    """A short heading that names the source of the quotes below it ("What we heard")."""
    return words_at_most(heading, 12) and ctx.names_speaker(heading)


def _lone_block(ctx: _Ctx, b: Block, scan: QuoteScan) -> list[Finding]:
    """Quotes of a caption, judged on the caption alone."""
    text = b.text.text
    tops = scan.top_level()
    if not tops:
        return []
    para = _Paragraph(ctx, scan)
    out: list[Finding] = []
    local_ok = False
    for k, q in enumerate(tops):
        if not ctx.quotable(text, q):
            continue
        ok = (k > 0 and local_ok) or para.attributed(q)
        if not ok and _not_speech_at(ctx, scan, q, para.sentences):
            continue
        local_ok = local_ok or ok
        if not ok:
            out.append(_finding(b, q))
    return out


def _not_speech_at(ctx: _Ctx, scan: QuoteScan, q: Quote, sents: SentenceIndex) -> bool:
    s0, _ = sents.around(q.start, q.end)
    i = sents.index(s0)
    prev = scan.text[sents.spans[i - 1][0] : sents.spans[i - 1][1]] if i > 0 else ""
    return ctx.not_speech(scan, q, s0, prev)


def _blockquote_is_speech(ctx: _Ctx, texts: list[str]) -> bool:
    text = " ".join(texts)
    if _CALLOUT.match(text) or _URL_OR_EMAIL.search(text):
        return False  # a callout ("Note: ...", "Email the writer at ...")
    if word_count(text) < max(6, ctx.opts.min_quote_words) or _headline_like(text):
        return False
    return not (looks_like_code(text.strip()) and word_count(text) < 12)


def _blockquote_ok(ctx: _Ctx, doc: Document, top: Block, group: list[Block], intro: Block | None,
                   sc: Block | None, scans: dict[int, QuoteScan]) -> bool:
    if top.attrs.get("cite") or _embedded(group[0]):
        return True
    if sc is not None and _shortcode_cite(doc, sc):
        return True
    if any(b.kind in (HEADING, LIST_ITEM) for b in group):
        return True  # structured content: a callout or an excerpt of a page, not a quote
    for k, b in enumerate(group):
        t = b.text.text.strip()
        if any(c in ("footer", "cite", "figcaption") for c in b.container):
            return True
        if k > 0 and (_credit_like(t) or re.match(r"(?:by|source|from)\b", t, re.I)):
            return True
        scan = scans.get(id(b))
        if scan is not None and scan.quotes and ctx.attributes(_outside(scan)):
            return True
    if _TRAILING_DASH_NAME.search(group[-1].text.text.rstrip()[-120:]):
        return True
    if intro is not None and intro.text is not None:
        last = _last_sentence(intro.text.text).rstrip()
        if last.endswith(":") or ctx.names_speaker(last) or ctx.phrase_re.search(last) or _TRANSCRIPT.search(last):
            return True
    return False



def _finding(b: Block, q: Quote) -> Finding:
    text = b.text.text
    span = b.text.source_span(q.start, q.start + 1)
    return Finding(span, f"Quote has no identifiable speaker: {quoted(_preview(text[q.start : q.end]))}")
