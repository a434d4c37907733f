"""quote-attribution: a direct quotation with no identifiable speaker."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

from ...document import (
    BLOCKQUOTE,
    CAPTION,
    CODE,
    HEADING,
    LIST_ITEM,
    PARAGRAPH,
    SHORTCODE,
    Block,
    Document,
)
from ...text.patterns import lazy
from ...text.quotes import Quote, QuoteScan, looks_like_code, scan_quotes, word_count, words_at_most
from ...text.sentences import SentenceIndex
from ..base import Finding, Severity, rule
from .options import SECTION, QuotesOptions
from .speaker import _BEAT, _DOC_WORD, _ENDS_WITH_NAME, _TITLED_BEAT, _NOT_ONE_SPEAKER, _SPEAKER_LABEL, _THIRD_PERSON, _credit_like, _credit_line, _Ctx
from .view import (
    _SKIP_KINDS,
    _embedded,
    _headline_like,
    _in_link,
    _readers_text,
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
    r"key takeaways?|in brief|at a glance|(?:the\s+|our\s+|my\s+)?(?:takeaway|bottom line|lesson|"
    r"moral|upshot|short version|big idea|goal|mission|vision|rule of thumb))\b\W",
    re.I,
)
_URL_OR_EMAIL = lazy(r"https?://|www\.|\b[\w.+-]+@[\w-]+\.[\w.]+")
# A blockquote that talks to the reader or to the author's own team reads as speech only
# with a first-person voice or quotation marks; a third-person passage is an excerpt of a
# page, a poem or a callout.
# Case matters: "US tablet users" is not "us".
_FIRST_PERSON = lazy(
    r"\b(?:I|I[’']m|I[’']ve|I[’']d|I[’']ll|[Mm]e|[Mm]y|[Mm]ine|[Ww]e|[Ww]e[’']re|[Ww]e[’']ve|[Ww]e[’']ll|"
    r"[Ww]e[’']d|us|[Oo]ur|[Oo]urs)\b"
)
_ASIDE_START = lazy(
    r"[\W_]*(?:this (?:post|article|story|piece|blog)|originally (?:published|posted)|cross-?posted|"
    r"related\b|read more|see also|learn more|editor[’']?s note|update\b|source\b)",
    re.I,
)
_LABEL_START = lazy(r"(?:[\w’'&.()-]+\s+){0,5}[\w’'&.()-]+\s*[*_]*:[*_]*\s*[\"“‘]")
# An introduction that names the text quoted below it: "... and hone our vision for the
# project.", "The job posting describes the role."
_NAMES_DOCUMENT = lazy(
    r"\b(?:vision|mission|statement|posting|announcement|description|policy|guidance|report|"
    r"memo|letter|email|blog post|article|principles?|manifesto|charter|excerpt|passage|paragraph|"
    r"summary|abstract|definition|recommendations?|guidelines?|findings|conclusions?|"
    r"instructions|notice|law|regulation|proposal|nomination|handbook|playbook|manual|quote|"
    r"quotes|interviews?|survey|usability tests?|testimony|transcript|study|studies|press release|"
    r"feedback|comments)\b",
    re.I,
)
_INSTRUCTION = lazy(
    r"\b(?:click|type|run|install|download|select|navigate|log in|sign in|skip this|scroll|"
    r"tap|enter|open the|go to|make sure|don[’']t forget|remember to)\b",
    re.I,
)
_GROUP_SAID = lazy(
    r"\b(?:they|users|participants|people|respondents|residents|customers|staff|employees|"
    r"interviewees|partners|members|attendees|learners|students|many|most|some|several|others)\s+"
    r"(?:\w+ly\s+)?(?:said|told|noted|explained|described|wrote|shared|added|commented|responded|"
    r"reported|mentioned)\b",
    re.I,
)
# A document as the subject of the sentence that introduces a quotation: "The report
# divides the ecosystem into two sources."
_DOC_SUBJECT = lazy(
    r"[\W_]*(?:the|this|that|their|our|its|a|an)\s+(?:[\w’'-]+\s+){0,3}?(?:report|study|survey|memo|"
    r"guidance|policy|order|law|rule|regulation|document|paper|article|post|guide|handbook|plan|"
    r"strategy|standard|charter|manifesto|proposal|letter|statement|announcement|release)\s+"
    r"(?:[a-z]+s|[a-z]+ed)\b",
    re.I,
)
_REFERS_BACK = lazy(
    r"[^.!?]{0,80}\b(?:these|those|such|this|that)\s+(?:[\w’'-]+\s+){0,3}?(?:adages?|sayings?|"
    r"commenters?|posters?|writers?|reviewers?|tweeters?|"
    r"proverbs?|clichés?|cliches?|slogans?|mottos?|mottoes|catchphrases?|platitudes?|maxims?|"
    r"phrases?|questions?|complaints?|objections?|myths?|misconceptions?)\b",
    re.I,
)
_LABEL_HEAD = lazy(r"(?:[\w’'&.()-]+\s+){0,7}[\w’'&.()-]+\s*[*_]*:\s")
_USER_STORY = lazy(r"[\W_]*as an?\s+[^,.]{2,80},?\s+(?:I|we)\s+(?:want|need|would like)\b", re.I)
# "A SOO is:", "From the proposal:", "From her nomination:"
_DEFINES = lazy(r"\b(?:is|are|means|reads|read|says|states)\s*:$|^\W*from\b", re.I)
# An introduction to an example, a template or a suggested wording.
_EXAMPLE_INTRO = lazy(
    r"\b(?:for example|for instance|an example|examples?\s+of|template|something like|like this|"
    r"might be|would be|could be|should be|might look|would look|could look|looks? like|"
    r"sample|boilerplate|suggested (?:wording|text|language)|try saying|you might say)\b",
    re.I,
)
_SECOND_PERSON = lazy(r"\b(?:you|you[’']re|you[’']ll|you[’']ve|your|yours)\b", re.I)
_PULL_CLASS = lazy(r"pull-?quote|pquote|pull|callout|highlight|testimonial", re.I)
# A lead-in without a colon: "Here is some of the feedback.", "A few of their comments follow."
_LEAD_IN = lazy(
    r"\b(?:here (?:is|are)|below (?:is|are)|following (?:is|are)|these (?:are|were)|"
    r"a few|some|more|selected)\b[^.!?]{0,60}\b(?:feedback|comments|responses|quotes|"
    r"reactions|testimonials|remarks|answers|what (?:they|people|participants|learners|users) "
    r"(?:said|told us|wrote))\b|\b(?:feedback|comments|responses|quotes|reactions|remarks)\s+"
    r"(?:follow|below|included|received)\b",
    re.I,
)
_QUESTION_HEADING = lazy(r"\?[\s*_]*$")
_VOICES = lazy(
    r"\b(?:what (?:we|they|you|people|users|participants|residents|customers|staff|agencies) "
    r"(?:heard|said|told|say|tell|think)|in (?:their|our|his|her|your) own words|voices|"
    r"testimonials?|what people are saying|quotes|feedback)\b",
    re.I,
)
_CONNECTOR = lazy(r"[\s,;*_]*(?:and|or|to|nor|vs\.?|versus|then)?[\s,;*_]*")
_PLACEHOLDER = lazy(r"\b(?:lorem ipsum|dolor sit amet|consectetur adipiscing|magna aliqua)\b", re.I)
_FOOTNOTE = lazy(r"footnote|endnote|fn-|references", re.I)
_FIGURES = lazy(r"\d\s*(?:%|percent|per cent)|\d[\d,.]*\s+(?:million|billion|users|people|respondents)", re.I)
_DASH_END = lazy(r"[\s,.]*(?:[\u2014\u2013\u2015~]|--?)\s*$")
_TRANSCRIPT = lazy(r"\b(?:transcript|excerpt|remarks|testimony|interview|speech)\b", re.I)
# A link line under a quotation that says where it comes from: "[Read the full post at …](…)"
_SOURCE_LINK_LINE = lazy(r"[\W_]*\[?[\W_]*(?:read|see|view|watch|continue reading|source|from|via|more at|full)\b", re.I)
# A citation right after the closing mark: (p. 15), ([Wikipedia](…)), (Smith, 2019), [3]
_CITATION_AFTER = lazy(
    r"[\s*_]*\((?:pp?\.\s*\d|page\s+\d|\[[^\]\n]{1,80}\]\(|<a\s|[A-Z][\w.&’' -]{1,60},?\s+(?:1[89]|20)\d\d)",
    re.I,
)
# Things a colon lead-in can name that are not people: "With a solution of:", "No. 14
# addresses prize competitions:", "in this section:"
_THING_LEAD = lazy(
    r"\b(?:solution|output|result|results|error|warning|message|prompt|response text|wording|text|"
    r"section|example|sample|excerpt|passage|entry|item|answer key)\b|"
    r"\b(?:no\.|number|item|section|recommendation|principle|step|rule|goal|strategy|objective|"
    r"article|chapter|part|finding|lesson)\s*#?\d+\b",
    re.I,
)
# "Conversely, “…”": a quotation that continues the source of the paragraph before.
_CONNECTIVE = lazy(
    r"[\W_]*(?:conversely|similarly|likewise|in contrast|by contrast|on the other hand|in comparison|"
    r"by comparison|meanwhile|elsewhere)[\s,*_]*$",
    re.I,
)
# A capitalised word after the first of its sentence: a name (the passage is about
# someone or something particular), not a general statement.
_PROPER_AFTER_START = lazy(r"(?<=[\w,;’'] )[A-Z]")
# A general statement (present tense, a modal) as against an account of events.
_GENERIC = lazy(r"\b(?:can|cannot|can[’']t|must|should|ought|needs? to|is|are|ensures?|means?|requires?)\b", re.I)
_PAST = lazy(r"\b(?:was|were|has been|have been|had|did|will|would)\b", re.I)
_CITES = lazy(r"\baccording to\b|\b(?:report|study|survey|infographic|analysis|paper|poll)\b", re.I)
_NARRATOR_BEAT = lazy(r"[\W_]*I\s+(?:\w+ly\s+)?[a-z]+ed\b")
_PERSONA = lazy(r"\bpersonas?\b", re.I)
_QUESTION_LINE = lazy(r"[^\n]{0,200}\?[\s*_]*$")
# A heading that gives the source of what is under it: "Tip from Dana Ruiz, product lead"
_HEADING_SOURCE = lazy(
    r"\b(?:from|by|with)\s+(?:(?:Dr|Mr|Mrs|Ms|Prof)\.?\s+)?[A-Z][a-z’'-]+\s+[A-Z]|"
    r"^[\W_]*[A-Z][a-z’'-]+\s+[A-Z][a-z’'-]+\s+on\s"
)
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
        if b.text is None or b.kind in _SKIP_KINDS or any(_FOOTNOTE.search(c) for c in b.classes):
            continue  # a footnote cites its sources in its own way
        if _readers_text(b):
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
    # Preview until it is right often enough to gate a build: on 30 held-out posts from
    # sites nobody tuned on, 4 of 15 findings were right (docs/evaluation/quotes-eval.md).
    status="preview",
)
def quote_attribution(doc: Document, opts: QuotesOptions) -> Iterator[Finding]:
    """## What it does
    Reports a direct quotation (text between quotation marks, or a blockquote that reads as
    someone's words) whose speaker cannot be found in its own context:

    - its paragraph: a reporting verb (`“…,” Ruiz said.`, `said Ruiz`, `she added`), `according
      to`, `in a statement`, a transcript label (`Ruiz:`), a person named before it, `— Name`
      or a template tag after a dash, a `cite`/`<cite>`/`<footer>` on a blockquote;
    - the paragraph before, when it ends with a colon naming a source ("Another stakeholder
      said:"), gives one speaker ("…, he said."), is a lead-in ("Here is some of the
      feedback.") or an interview question; a quote-only paragraph after an attributed quote
      continues it, as does a quotation running over paragraphs;
    - the paragraph after, when it opens with a said-clause, or a credit line under it.

    Paragraphs further away, a title-case heading, a place name or a group paraphrase
    ("Residents said the water was deep.") do not attribute a quotation.

    Not checked: scare quotes and terms (fewer than `min_quote_words` words), titles and
    labels (cues such as "titled", "the button"), sources that are documents, organisations
    or links ("18F recommendation: “…”", a linked title or blurb, a footnote), imagined,
    hypothetical or characterised speech ("users might think “…”"), sayings, verse,
    templates, pull quotes that repeat the article or sit beside a photo or name include,
    code, shortcode arguments, front matter, short unpunctuated lines (headlines, teasers),
    and documents that are not in English.

    The rule is in preview: it runs with `--preview` or when selected by name
    (`select: [quote-attribution]`). On posts from sites it was tuned on it is right in
    almost every finding, but on 30 held-out posts from three other sites only about one
    finding in four was right (feedback round-ups whose lead-ins it misses, authors'
    pull-outs), which is not yet good enough to fail a build.

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
    ctx.learn_speakers([_outside(sc) if sc.quotes else sc.text for sc in scans.values()])
    article = _ArticleText(doc)
    personas = _Later(_about_personas, doc)
    how_to = any(b.kind == CODE for b in doc.blocks)  # a tutorial: its asides talk to the reader
    seen_prose = False  # a paragraph of the article's own prose came before
    out: list[Finding] = []
    # The last unit's findings: a credit line or a said-clause opening the next paragraph
    # names their speaker and cancels them.
    pending: list[Finding] = []
    prev_licenses = False  # the last unit had an attributed direct quote (or continued one)
    # The last unit introduces what follows ("Another stakeholder said:"), or its last
    # sentence gives one speaker ("..., he said."), or it is a Q&A question heading.
    prev_intro: bool | _Later = False
    chain: tuple[Block, Quote] | None = None  # a quotation running over paragraphs
    chain_ok = False
    section_license: bool | _Later = False  # this section's heading names the quotes' source ("What we heard")
    intro: Block | None = None  # the prose block right before (for blockquotes)
    last_shortcode: Block | None = None
    prev_quote_ok: bool | None = None  # the unit right before was a blockquote: attributed?
    list_source = False  # the paragraph above this list names the source of its items
    prev_sourced = False  # the last paragraph's quotation had a speaker or a source
    question_run = False  # these blockquotes answer the question right above them
    prev_cites = False  # the last paragraph ends by naming a linked source ("according to a [survey](…)")

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
            section_license = _Later(_heading_names_speaker, ctx, b.text.text)
            # A question heading of an interview: the answer under it is the interviewee's.
            prev_intro = (
                bool(_QUESTION_HEADING.search(b.text.text))
                or b.text.text.rstrip(" *_").endswith(":")  # "The Agile Manifesto:"
                or section_license
            )
            intro, last_shortcode, prev_quote_ok = None, None, None
            list_source = prev_sourced = question_run = False
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
            if intro is not None and intro.text is not None and _QUESTION_LINE.fullmatch(intro.text.text.strip()) \
                    and words_at_most(intro.text.text, 30):
                question_run = True  # steps or answers under a question, not anyone's remark
            ok = (
                bool(section_license)
                or bool(prev_quote_ok)
                or question_run
                or _blockquote_ok(ctx, doc, b, group, intro, last_shortcode, scans)
                or (_pull_quote(b, group[0]) and _pull_quote_ok(ctx, article, group, last_shortcode))
            )
            nested = group[0].container.count(BLOCKQUOTE) > 1
            note = all(blk.attrs.get("emphasis") for blk in group) and _has_link(doc, b)
            # A third-person passage that opens the article before any of its prose is an
            # editor's note, not a quotation.
            if not ok and opts.check_blockquotes and _blockquote_is_speech(
                ctx, texts, nested, how_to, note, _has_link(doc, b) or not seen_prose,
                _intro_ends_with_colon(intro),
            ):
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
            if not question_run:
                intro = None
            last_shortcode = None
            continue

        scan = scans.get(id(b))
        if scan is None:
            continue
        text = b.text.text
        in_list = b.kind == LIST_ITEM or "list" in b.container
        if not in_list:
            list_source = False
        question_run = False
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
        tops = scan.top_level()
        if b.kind == CAPTION or (_headline_like(text) and not _quote_line(ctx, doc, b, scan, tops)):
            # Captions, headlines and teaser links do not interrupt the article's flow.
            if b.kind == CAPTION and not _headline_like(text) and "table" not in b.container:
                out.extend(_lone_block(ctx, doc, b, scan))
            elif b.kind != CAPTION and not tops:
                if pending and ((_credit_like(text) and _ENDS_WITH_NAME.search(text)) or _in_link(doc, b)):
                    pending = []  # a name line or a linked title under a quotation: its source
                    prev_licenses = True
                else:
                    # A topic line ("**Live coding online**") ends a run of quotations
                    # that a lead-in above introduced.
                    prev_licenses, prev_intro = False, False
            continue
        if pending and (
            ctx.starts_with_said_clause(text)
            or _REFERS_BACK.match(text)
            or (_SOURCE_LINK_LINE.match(text) and (_has_link(doc, b) or _in_link(doc, b)) and words_at_most(text, 20))
        ):
            # The quotation above, then "Ruiz, who runs the bakery, said ...", or "These
            # age-old adages ...": a said-clause, or the quotation was a saying.
            pending = []
        out.extend(pending)
        pending = []
        continues = chain is not None and bool(tops) and tops[0].start <= 1
        if chain is not None and not continues:
            end_chain()
            if pending and ctx.starts_with_said_clause(text):
                pending = []
            out.extend(pending)
            pending = []
        para = _Paragraph(ctx, doc, b, scan)
        quote_only = bool(tops) and _quote_only(scan, para.outside)
        seen_prose = seen_prose or not quote_only
        # A shortcode right before a quotation that stands alone: a photo or name card
        # of the speaker, or a callout box around an example.
        licensed = quote_only and bool(prev_licenses or prev_intro or last_shortcode is not None)
        if quote_only and not licensed and _pull_quote(b, b):
            licensed = _pull_quote_ok(ctx, article, [b], last_shortcode)
        licensed = licensed or (in_list and list_source)
        # A quotation opening the paragraph under an introduction ("… he is already
        # looking ahead:") is the introduced speaker's, even with more text after it.
        opens = bool(tops) and not para.outside[: tops[0].start].strip(" \t*_")
        first_licensed = opens and bool(prev_intro)
        if tops and not opens and prev_sourced and _CONNECTIVE.fullmatch(para.outside[: tops[0].start]):
            first_licensed = True  # "Conversely, “…”" after a sourced quotation
        local_ok = licensed
        sourced = False
        free_until = -1  # end of the last quotation found not to be speech
        for k, q in enumerate(tops):
            if free_until >= 0 and _CONNECTOR.fullmatch(para.outside, free_until, q.start):
                free_until = q.end  # “…” and “…”: a pair of terms, titles or principles
                continue
            if k == 0 and continues:
                chain_ok = chain_ok or para.attributed(q)
                local_ok = local_ok or chain_ok
                if q.closed or k < len(tops) - 1:
                    end_chain()
                continue
            if not ctx.quotable(text, q):
                continue
            # A later quotation of the paragraph has the earlier one's speaker, unless it
            # speaks of a third person ("She has been …") and nothing else names a speaker.
            inherits = k > 0 and local_ok and not _THIRD_PERSON.search(q.inner(text))
            ok = licensed or inherits or (k == 0 and first_licensed) or para.attributed(q)
            if not ok and (
                _not_speech_at(ctx, scan, q, para.sentences)
                or _sourced_elsewhere(doc, b, scan, q, quote_only)
                or _markup_or_linked(doc, b, q, para.sentences)
                or (quote_only and article.repeats(q.inner(text), [b]))
                or (opens and k == 0 and bool(personas) and _FIRST_PERSON.search(q.inner(text)))
                or (prev_cites and next((c for c in q.inner(text) if c.isalpha()), "").islower())
            ):
                free_until = q.end
                sourced = True
                continue
            local_ok = local_ok or ok
            if not q.closed and k == len(tops) - 1 and b.kind in (PARAGRAPH, LIST_ITEM):
                chain, chain_ok = (b, q), ok  # decided where the quotation ends
            elif not ok:
                pending.append(_finding(b, q))
        prev_licenses = local_ok
        prev_sourced = local_ok or sourced
        prev_cites = bool(_CITES.search(_last_sentence(text))) and _has_link(doc, b, 400)
        last = _last_sentence(para.outside)
        if not in_list:
            list_source = _names_list_source(ctx, last, para.outside)
        if b.attrs.get("emphasis") and text.rstrip(" *_").endswith("?"):
            prev_intro = True  # an interview's question in bold: the answer follows
        elif last.rstrip(" *_").endswith(":") and _has_link(doc, b, 300):
            prev_intro = True  # "[It depends on five factors](…):": a linked source
        else:
            prev_intro = _Later(_introduces, ctx, last, para.outside)
        intro, last_shortcode, prev_quote_ok = b, None, None
    end_chain()
    out.extend(pending)
    return out


def _quote_line(ctx: _Ctx, doc: Document, b: Block, scan: QuoteScan, tops: list[Quote]) -> bool:
    """A line that is a quotation of some length (feedback on a sticky note), not a
    headline: it is checked even without closing punctuation."""
    if not tops or scan.text.lstrip(" *_")[:1] not in "\"“‘'«" or _in_link(doc, b):
        return False  # a teaser: a headline in quotation marks, a link to a story
    return _quote_only(scan, _outside(scan)) and any(ctx.quotable(scan.text, q) for q in tops)





def _has_link(doc: Document, b: Block, tail: int = 0) -> bool:
    """Does the block's source hold a link (in its last ``tail`` characters, if given)?"""
    start = b.span.end - tail if tail else b.span.start
    return bool(re.search(r"\]\(|<a\s", doc.source[max(b.span.start, start) : b.span.end], re.I))


def _introduces(ctx: _Ctx, last: str, whole: str = "") -> bool:
    """Does a paragraph (quotations blanked) give the speaker of a quotation that follows:
    its last sentence an introduction naming a speaker ("Another stakeholder said:") or a
    lead-in, or the paragraph a reporting clause with one speaker ("..., he said.",
    "Patricia Beirne said her work ...")?"""
    if last.rstrip().endswith(":") and (
        ctx.names_speaker(last) or _DEFINES.search(last.rstrip()) or _DOC_WORD.search(last) or _THING_LEAD.search(last)
    ):
        return True
    if ctx.speaker_clause(whole or last) or _LEAD_IN.search(last) or _DOC_SUBJECT.match(last):
        return True
    if ctx.known_subject(last):
        return True  # "Ruiz was heartened by the response." after Ruiz was quoted
    if _NARRATOR_BEAT.match(whole or last) and words_at_most(whole or last, 12):
        return True  # "I nodded. Inhaled.": the narrator speaks next
    m = _BEAT.match(last) or _TITLED_BEAT.match(last)  # "Shashank Khandelwal was heartened by the response."
    return bool(m) and m.group("name").lower() not in _NOT_ONE_SPEAKER


class _ArticleText:
    """The article's prose, normalised, for telling whether a pull quote repeats it."""

    __slots__ = ("_doc", "_text")

    def __init__(self, doc: Document) -> None:
        self._doc = doc
        self._text: str | None = None

    def repeats(self, passage: str, exclude: list[Block]) -> bool:
        """Do the first words of ``passage`` (pull quotes are often trimmed at the end)
        occur in the article outside the ``exclude`` blocks?"""
        key = _norm(passage)
        if len(key) < 20:
            return False
        if self._text is None:
            self._text = " \n ".join(_norm(b.text.text) for b in self._doc.prose)
        if len(self._text) > _REPEAT_SEARCH_LIMIT:
            return False  # a page this long is not an article with a pull quote: stay linear
        probe = key[:60]
        own = sum(_norm(b.text.text).count(probe) for b in exclude)
        return self._text.count(probe) > own


_REPEAT_SEARCH_LIMIT = 200_000  # characters of prose searched for a pull quote's source


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.lower()).split())


def _pull_quote(top: Block, b: Block) -> bool:
    """A pull quote: marked by its class (pull-quote, pquote ...), or set in an <aside>."""
    if "aside" in b.container:
        return True
    classes = (*top.classes, *b.classes, str(top.attrs.get("class", "")))
    return any(_PULL_CLASS.search(c) for c in classes)


def _pull_quote_ok(ctx: _Ctx, article: _ArticleText, group: list[Block], sc: Block | None) -> bool:
    """A pull quote repeats words the article attributes, or sits beside an include that
    shows its speaker (a photo, a name card)."""
    if sc is not None:
        return True
    text = " ".join(b.text.text for b in group)
    return article.repeats(text.strip(" \"“”‘’'"), group)


def _sourced_elsewhere(doc: Document, b: Block, scan: QuoteScan, q: Quote, quote_only: bool) -> bool:
    """A quotation whose source is its link (a quoted definition or title linked to the
    page it comes from, a footnote mark after it)."""
    src = doc.source
    span = b.text.source_span(q.start, q.end)
    inner = src[span.start : span.end]
    before = src[max(0, span.start - 2) : span.start]
    after = src[span.end : span.end + 6]
    if before.endswith("[") and after.startswith("]("):
        return True  # [“…”](url)
    if re.match(r"[\u201c\u2018\"'][*_]*\[", inner) and re.search(r"\]\([^)]*\)[*_]*[\u201d\u2019\"'.,]*$", inner):
        return True  # “[…](url)”
    if re.match(r"[\u201c\u2018\"'][*_]*\[", inner) and after.startswith("]("):
        return True  # “[…”](url): the closing mark inside the link text
    lead = src[max(0, span.start - 300) : span.start]
    if re.search(r"\]\([^)\s]*\)[*_]*[\s,:;\u2014\u2013-]*(?:[(*_\s]*[^\s\]\[]{0,40}[)*_]*\s*)?(?:[a-z]+\s*){0,3}$", lead):
        return True  # [Title](url), “…”: a blurb of the linked page, or a linked document's words
    if re.search(r"<a\b[^>]*>[\s*_]*(?:<(?:strong|em|b|i)>)?$", lead, re.I):
        return True  # <a href="…">“Title”</a>: a linked title
    if re.search(r"\]\([^)\s]*\s+$", lead):
        return True  # [text](url "Title"): a link's title, markup
    if not quote_only and re.fullmatch(r"[\u201c\u2018\"'](?:\*\*|__|<(?:strong|b)>)[^*_<]+(?:\*\*|__|</(?:strong|b)>)[.,]?[\u201d\u2019\"']", inner):
        return True  # “**Report an adverse event**”: a bold button label in running text
    if re.match(r"[*_]*(?:\[\^|<sup|\[\d+\])", after):
        return True  # a footnote
    return False


class _Paragraph:
    """What the quotations of one block share, each part worked out when first needed:
    the search for a reporting verb only for a quotation that may be speech (not a term
    or a title), the sentences only when the block has no reporting verb."""

    __slots__ = ("_block", "_ctx", "_doc", "_has_verb", "_outside", "_scan", "_sentences")

    def __init__(self, ctx: _Ctx, doc: Document, block: Block, scan: QuoteScan) -> None:
        self._ctx = ctx
        self._doc = doc
        self._block = block
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
        """A reporting verb anywhere outside the block's quotations, a transcript's
        speaker label opening the block, or an attribution next to this quotation."""
        if self._has_verb is None:
            self._has_verb = bool(self._ctx.attributes(self.outside) or _SPEAKER_LABEL.match(self.outside))
        if self._has_verb or self._ctx.attributed_nearby(self._scan, q, self.sentences):
            return True
        text = self._scan.text
        if not q.closed and _said_inside(self._ctx, q.inner(text)):
            return True  # “We will ..., said Dr Patel.
        for inner in self._scan.quotes:
            # A closing mark left out before the said-clause: “We ..., Thum said. “We ...”
            if inner.depth == q.depth + 1 and q.start < inner.start < q.end:
                if _said_inside(self._ctx, text[q.inner_start : inner.start].rstrip(" \t")):
                    return True
                break
        if not q.closed:
            return False
        if _DASH_END.fullmatch(text, q.end):
            return _template_follows(self._doc, self._block)  # “…” - {{ "name" | team_link }}
        return False


def _said_inside(ctx: _Ctx, inner: str) -> bool:
    """An unclosed quotation that runs into its own reporting clause (the closing mark
    was left out): “We will keep every branch open, said Dr Amira Patel."""
    inner = inner.rstrip(" \t.")
    end = len(inner)
    for _ in range(3):  # the reporting clause, maybe followed by an appositive or two
        cut = max(inner.rfind(", ", 0, end), inner.rfind("; ", 0, end))
        if cut < 0:
            return False
        tail = inner[cut + 2 :]
        if not words_at_most(tail, 16):
            return False
        if ctx.starts_with_said_clause(tail):
            return True
        end = cut
    return False


def _template_follows(doc: Document, b: Block) -> bool:
    """Does a template tag follow the block on its line (the speaker's name rendered by
    the site: ``- {{ "name" | team_link }}``)?"""
    end = b.text.source_offset(len(b.text.text), end=True)
    rest = doc.source[end : end + 200].lstrip(" \t")
    return rest.startswith(("{{", "{%"))


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
    """A short heading that names the source of the quotes below it ("What we heard",
    "In their own words"); a heading that merely has capitalised words does not."""
    return words_at_most(heading, 12) and bool(
        _VOICES.search(heading) or ctx.has_verb(heading) or ctx.phrase_re.search(heading)
        or _HEADING_SOURCE.search(heading)
    )


def _lone_block(ctx: _Ctx, doc: Document, b: Block, scan: QuoteScan) -> list[Finding]:
    """Quotes of a caption, judged on the caption alone."""
    text = b.text.text
    tops = scan.top_level()
    if not tops:
        return []
    para = _Paragraph(ctx, doc, b, scan)
    out: list[Finding] = []
    local_ok = False
    for k, q in enumerate(tops):
        if not ctx.quotable(text, q):
            continue
        ok = (k > 0 and local_ok) or para.attributed(q)
        if not ok and _not_speech_at(ctx, scan, q, para.sentences):
            continue
        if not ok and _quote_only(scan, para.outside) and not _FIRST_PERSON.search(q.inner(text)) \
                and not _SECOND_PERSON.search(q.inner(text)):
            continue  # a caption in quotation marks that describes the picture, not a remark
        local_ok = local_ok or ok
        if not ok:
            out.append(_finding(b, q))
    return out


def _not_speech_at(ctx: _Ctx, scan: QuoteScan, q: Quote, sents: SentenceIndex) -> bool:
    s0, _ = sents.around(q.start, q.end)
    i = sents.index(s0)
    prev = scan.text[sents.spans[i - 1][0] : sents.spans[i - 1][1]] if i > 0 else ""
    return ctx.not_speech(scan, q, s0, prev)


def _blockquote_is_speech(ctx: _Ctx, texts: list[str], nested: bool = False, how_to: bool = False,
                          emphasised_link: bool = False, linked: bool = False, introduced: bool = False) -> bool:
    """Is a blockquote someone's words (not a callout, an excerpt of a page, a poem or
    instructions to the reader)?"""
    text = " ".join(texts)
    if _CALLOUT.match(text) or _ASIDE_START.match(text) or _URL_OR_EMAIL.search(text):
        return False  # a callout ("Note: ...", "Email the writer at ...", "This post was ...")
    if word_count(text) < max(6, ctx.opts.min_quote_words) or _headline_like(text):
        return False
    if "\ufffc" in text or _PLACEHOLDER.search(text):
        return False  # code in it (a passage of a tutorial), or placeholder text
    if emphasised_link:
        return False  # an italic note with a link: "_A few weeks ago, [Part 1] introduced …_"
    if looks_like_code(text.strip()) and word_count(text) < 12:
        return False
    t = text.lstrip(" *_")
    end = text.rstrip(" \t*_)]\"'”’»").rstrip("\u2026.")
    if end.endswith((",", ";")):
        return False  # a line of verse: "’Twas the night before Christmas, when all …,"
    if _LABEL_START.match(t):
        return False  # "18F recommendation: “…”": the label names the source
    quoted = t[:1] in "\"“‘'«"
    if not quoted and _SECOND_PERSON.search(text) and (how_to or _INSTRUCTION.search(text)):
        return False  # the author talking to the reader: a note in a how-to
    if not quoted and not introduced and not _FIRST_PERSON.search(text):
        if _SECOND_PERSON.search(text):
            return False  # set off without a lead-in and addressed to the reader: a pull-out, a job ad
        if (len(SentenceIndex(text).spans) <= 2 and not _PROPER_AFTER_START.search(text)
                and _GENERIC.search(text) and not _PAST.search(text)):
            return False  # one general statement set off for emphasis, not anyone's words
    if quoted or _FIRST_PERSON.search(text):
        return True
    # A third-person passage: an excerpt of a report (its figures), a verse (lines without
    # closing punctuation) and an indented aside ("> >") are not someone's words.
    end = text.rstrip(" \t*_)]\"'”’»").rstrip("\u2026.")
    if linked:
        return False  # a passage that links to where it comes from: an excerpt, a definition
    if nested or not text.rstrip(" \t*_)]\"'”’»").endswith((".", "!", "?", "\u2026")) or end.endswith((",", ";", ":")) or _FIGURES.search(text):
        return False
    if _LABEL_HEAD.match(t):
        return False  # "Mission of the Chief Data Scientist: …": a labelled statement
    return True


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
    # Its paragraphs read as one text: a quotation may open in one and close in another.
    joined = scan_quotes(" ".join(b.text.text for b in group))
    outside = _outside(joined) if joined.quotes else ""
    if outside and (ctx.attributes(outside) or _SPEAKER_LABEL.match(outside)):
        return True
    if joined.quotes and any(not q.closed and _said_inside(ctx, q.inner(joined.text)) for q in joined.quotes):
        return True
    last = group[-1].text.text.rstrip()
    if _TRAILING_DASH_NAME.search(last[-120:]):
        return True
    if _DASH_END.search(last) and _template_follows(doc, group[-1]):
        return True
    tail_end = group[-1].span.end
    tail_end += len(re.match(r"[^\n<]{0,80}</a>|", doc.source[tail_end : tail_end + 90]).group())
    if re.search(r"\]\(|<a\s", doc.source[max(group[-1].span.start, tail_end - 250) : tail_end], re.I) and re.search(
        r"(?:\]\([^)]*\)|</a>)[\s.*_)]*$", doc.source[group[-1].span.start : tail_end]
    ):
        return True  # the passage ends with a link to where it comes from
    first = group[0].text.text
    if _USER_STORY.match(first):
        return True  # "As a website visitor, I want …, so that …": a template, not speech
    if intro is not None and intro.text is not None:
        intro_block = intro
        iscan = scan_quotes(intro.text.text)
        whole = _outside(iscan) if iscan.quotes else intro.text.text
        last = _last_sentence(whole).rstrip()
        spans = SentenceIndex(whole).spans
        tail = whole[spans[-2][0] :] if len(spans) > 1 else whole  # the last two sentences
        if (
            (last.endswith(":") and (ctx.names_speaker(last) or _DEFINES.search(last) or _DOC_WORD.search(last)
                                     or _THING_LEAD.search(last)))
            or (last.rstrip(" *_").endswith((":", ",")) and _has_link(doc, intro_block) and _NAMES_DOCUMENT.search(whole))
            or ctx.attributes(last)
            or ctx.speaker_clause(tail)
            or _GROUP_SAID.search(tail)
            or _NAMES_DOCUMENT.search(last)
            or _EXAMPLE_INTRO.search(last)
            or _has_link(doc, intro_block, 300)
            or ctx.phrase_re.search(last)
            or _TRANSCRIPT.search(last)
        ):
            return True
    return False


def _about_personas(doc: Document) -> bool:
    """Does the article present personas (each with the line that sums up their view)?"""
    return bool(_PERSONA.search(str(doc.meta("title", default="")))) or any(
        _PERSONA.search(b.text.text) for b in doc.prose[:40]
    )


def _intro_ends_with_colon(intro: Block | None) -> bool:
    return intro is not None and intro.text is not None and intro.text.text.rstrip(" \t*_").endswith((":", ","))


def _names_list_source(ctx: _Ctx, last: str, whole: str) -> bool:
    """Does a paragraph give the source of the list under it: a colon lead-in naming a
    source ("Here are the ones that do this best, according to FutureGov:"), or a
    document as its subject ("The report lists five ways …")?"""
    end = last.rstrip(" \t*_")
    if end.endswith(":") and (ctx.names_speaker(end) or _DOC_WORD.search(end) or _THING_LEAD.search(end)):
        return True
    return bool(_DOC_SUBJECT.match(whole))


def _markup_or_linked(doc: Document, b: Block, q: Quote, sents: SentenceIndex) -> bool:
    """Marks that are not a quotation of speech: attribute delimiters inside an HTML tag
    (alt="… "What's New" …"), a quotation inside a link's text (a title or a blurb of
    the linked page), a citation right after it, or a fragment of a sentence that links
    to where the words come from ("[NYSpaceTag](…), which is a “tagging system …”")."""
    src = doc.source
    span = b.text.source_span(q.start, q.end)
    head = src[max(0, span.start - 400) : span.start]
    lt, gt = head.rfind("<"), head.rfind(">")
    if lt > gt and re.match(r"<[A-Za-z][\w-]*\s", head[lt:]):
        return True  # inside a tag's attributes
    inner = q.inner(b.text.text)
    if re.search(r"<figcaption[^>]*>[\s*_]*$", head, re.I) and not _FIRST_PERSON.search(inner) \
            and not _SECOND_PERSON.search(inner):
        return True  # <figcaption>“The new help section brings …”</figcaption>: describes the picture
    if re.search(r"\[[^\[\]\n]{0,200}$", head) and re.match(r"[^\[\]\n]{0,400}\]\(", src[span.start : span.start + 420]):
        return True  # [view the “Title](…): the link text is the quotation's source
    if _CITATION_AFTER.match(src, span.end):
        return True  # “…” (p. 15), “…” ([Source](…))
    text = b.text.text
    first = next((c for c in q.inner(text) if c.isalpha()), "")
    if first.islower():
        s0, _ = sents.around(q.start, q.end)
        start = b.text.source_offset(s0)
        if re.search(r"\]\(|<a\s", src[start : span.start], re.I):
            return True  # a fragment quoted in a sentence that links to its source
    return False


def _finding(b: Block, q: Quote) -> Finding:
    text = b.text.text
    span = b.text.source_span(q.start, q.start + 1)
    return Finding(span, f"Quote has no identifiable speaker: {quoted(_preview(text[q.start : q.end]))}")
