"""Quote rules: direct quotes with no speaker, unbalanced marks, mixed or off-style marks."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator, Literal

from ..document import BLOCKQUOTE, CAPTION, HEADING, LIST_ITEM, PARAGRAPH, SHORTCODE, Block, Document
from ..text.quotes import (
    APOSTROPHE,
    CLOSE,
    DOUBLE,
    GUILLEMET,
    OPEN,
    SINGLE,
    Quote,
    QuoteScan,
    curly_mark,
    is_title_case,
    looks_like_code,
    scan_quotes,
    word_count,
)
from ..text.sentences import SentenceIndex
from .base import Applicability, Edit, Finding, Fix, Severity, rule, section


@dataclass(frozen=True)
class QuotesOptions:
    # Reporting verbs, as base forms; their inflections (said, says, told, added ...) are
    # derived. A multi-word entry inflects its first word ("point out" -> "pointed out").
    speech_verbs: tuple[str, ...] = (
        "say", "tell", "add", "ask", "answer", "write", "post", "tweet", "text", "email",
        "warn", "explain", "recall", "insist", "note", "state", "declare", "argue", "claim",
        "reply", "respond", "continue", "admit", "acknowledge", "concede", "counter",
        "caution", "emphasize", "emphasise", "stress", "suggest", "observe", "remark",
        "joke", "quip", "shout", "whisper", "yell", "scream", "mutter", "exclaim",
        "recount", "announce", "confirm", "comment", "describe", "testify", "plead", "urge",
        "predict", "boast", "complain", "lament", "reiterate", "conclude", "vow", "promise",
        "pledge", "assert", "contend", "agree", "disagree", "advise", "wonder", "think",
        "hear", "remember", "muse", "sigh", "laugh", "speak", "report", "quote", "blog",
        "reflect", "summarize", "summarise", "interject", "retort", "mention", "elaborate",
        "point out", "chime in", "put it", "sum up", "define", "assure", "allege", "pray",
        "slam", "blast", "hit out", "reveal", "accuse", "deny", "defend", "hail", "dismiss",
        "demand", "criticize", "criticise", "condemn", "lash out", "fire back", "cite",
        # common reporting verbs of wire copy in other languages
        "sagte", "sagt", "erklärte", "betonte", "dit", "déclare", "a déclaré", "dijo",
        "afirmó", "disse", "ha detto", "zei",
    )
    # Phrases that attribute a quote in the same sentence.
    attribution_phrases: tuple[str, ...] = (
        "according to", "in a statement", "in an interview", "in an email", "in a letter",
        "in a post", "in a tweet", "in a speech", "in remarks", "in testimony", "in a memo",
        "in a news release", "in a press release", "in a video", "in the words of",
        "as reported by", "quoted as",
    )
    # A quotation of fewer words is a scare quote or a term ("historic", "so-called"), never
    # checked for a speaker.
    min_quote_words: int = 4
    # A fragment woven into a sentence (lowercase start: was described as "a reckless
    # gamble ...") is checked only from this many words; shorter ones read as terms.
    min_fragment_words: int = 8
    # Words just before a quotation that make it a title, label or example, not speech.
    title_cues: tuple[str, ...] = (
        "titled", "entitled", "called", "named", "dubbed", "nicknamed", "known as", "billed as",
        "labeled", "labelled", "marked", "reading", "reads", "read", "headlined", "phrase",
        "term", "word", "words", "slogan", "motto", "message", "text", "placeholder", "label",
        "button", "tab", "link", "option", "menu", "field", "heading", "headline",
        "subject line", "search", "searched", "searches", "searching", "type", "typed",
        "enter", "entered", "choose", "select", "selected", "click", "clicked", "tap",
        "press", "pick", "for example", "for instance", "e.g.", "i.e.", "such as", "like",
        "question", "theme", "tagline", "title", "habit", "habits", "mantra", "maxim",
        "questions", "prompt", "as in", "means", "meant by", "defines", "defined as",
        "idea of", "notion of", "concept of", "so-called", "report", "book", "novel", "film",
        "movie", "documentary", "song", "album", "episode", "series", "show", "podcast",
        "article", "essay", "column", "paper", "play", "poem", "exhibit", "exhibition",
        "campaign", "program", "initiative", "course", "workshop", "session", "panel",
        "talk", "presentation", "webinar", "game", "app", "tool", "hashtag", "sign",
        "banner", "poster", "shirt", "sticker", "error", "status", "alert", "notification",
        "hint", "tooltip", "answer", "answers", "response", "responses", "category", "keyword", "query", "string", "value", "setting", "command", "shows",
        "show", "showed", "showing", "displays", "display", "displayed", "displaying",
        "prints", "printed", "returns", "returned", "outputs",
    )
    # Words right after a quotation that make it a label or a name ("Apply now" button).
    label_nouns: tuple[str, ...] = (
        "button", "buttons", "tab", "link", "links", "page", "section", "menu", "field",
        "option", "box", "screen", "column", "label", "banner", "campaign", "initiative",
        "program", "programme", "feature", "tool", "app", "report", "study", "series",
        "podcast", "event", "checkbox", "dropdown", "form", "message", "prompt", "icon",
        "step", "phase", "approach", "model", "framework", "category", "list", "filter",
        "setting", "command", "movement", "era", "mindset", "principle", "principles",
        "template", "pattern", "method", "exercise", "challenge", "award", "project",
    )
    # Report an unattributed blockquote (`>` in Markdown, <blockquote> in HTML)?
    check_blockquotes: bool = True
    # House style for marks: `consistent` reports the minority style in a document that
    # mixes straight and curly marks; `curly` or `straight` reports every other mark.
    marks: Literal["consistent", "curly", "straight"] = "consistent"
    # Marks of a top-level quotation: double (“…”, US and many British outlets) or
    # single (‘…’, with “…” nested); `any` does not check.
    primary: Literal["double", "single", "any"] = "double"
    # Include apostrophes (council’s / mayor's) in the quote-style check?
    check_apostrophes: bool = True


SECTION = section("quotes", QuotesOptions, "Quotations: attribution, balanced marks and house style")

# -- shared per-document scan ------------------------------------------------------------

_SKIP_KINDS = frozenset({"byline", "bio", "table_cell"})


def _scans(doc: Document) -> dict[int, QuoteScan]:
    """One QuoteScan per prose block (keyed by id), shared by the three rules."""
    return doc.view("quotes.scans", lambda d: {id(b): scan_quotes(b.text.text) for b in d.prose})


# -- lexicon ---------------------------------------------------------------------------

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


_PASSIVE_AUX = re.compile(r"\b(?:was|were|is|are|be|been|being|get|gets|got)\s+(?:\w+ly\s+)?$", re.I)
_BY_AGENT = re.compile(r"\W*(?:\w+\W+){0,3}?by\b", re.I)
_DASH_NAME = re.compile(r"[\s,.]*(?:[\u2014\u2013\u2015~]|--?)\s*[A-Z\u00c0-\u00de]")
_PAREN_NAME = re.compile(r"\s*\(\s*[A-Z][\w.’'-]+(?:\s+[A-Z][\w.’'-]+)+[^)]{0,40}\)")
_CREDIT_LINE = re.compile(r"\s*(?:[\u2014\u2013\u2015~]|--?)\s*[A-Z\u00c0-\u00de]")
_TRAILING_DASH_NAME = re.compile(
    r"(?:^|[\s.!?\"”])(?:[\u2014\u2013\u2015~]|--?)\s*[A-Z\u00c0-\u00de][\w.’'&-]*(?:[\s,]+[\w.’'&()-]+){0,14}\s*$"
)
_ENDS_WITH_NAME = re.compile(r"[A-Z][\w.’'-]+\s+[A-Z][\w.’'-]+[\s,]*(?:[A-Z][\w.’'-]*)?\s*$")
_COPULA = frozenset(
    {"is", "was", "were", "are", "be", "the", "a", "an", "its", "their", "our", "his", "her", "this", "that"}
)
_WORDS = re.compile(r"e\.g\.|i\.e\.|[a-z][a-z’'-]*")
_EXAMPLE = re.compile(r"\b(?:for example|for instance|e\.g\.|i\.e\.|such as|say)\W*$|\b(?:for example|for instance|e\.g\.)", re.I)
_MENTION_AFTER = re.compile(
    r"\s+(?:is|was|are|were|has|had|appears|appeared|became|becomes|remains|means|meant|refers|"
    r"sounds|seems|shows|showed|pops)\b"
)
_LINKISH_BEFORE = re.compile(r"(?:\S*/\S*|\](?:\(|:)?)\s*$")
_LINK_TITLE = re.compile(r"\](?:\(|:)\s*(?:[^\s\"\u201c]+\s+)?$")
_SPEAKER_CUE = re.compile(
    r"\b(?:i|we|he|she|they|you|one|someone|somebody|mayor|governor|president|chief|director|"
    r"officers?|officials?|spokes(?:wo)?m[ae]n|spokesperson|residents?|participants?|users?|"
    r"respondents?|interviewees?|caseworkers?|staff|employees?|workers?|members?|people|"
    r"customers?|voters?|parents?|students?|teachers?|nurses?|doctors?|experts?|analysts?|"
    r"critics?|supporters?|opponents?|neighbou?rs?|witness(?:es)?|victims?|survivors?|"
    r"farmers?|owners?|leaders?|managers?|team|researchers?|scientists?|stakeholders?|"
    r"report|study|survey|letter|statement|memo|order|document|law|conclusion|testimony|"
    r"remarks|speech|post|tweet|email|comments?|feedback|quotes?|themes?|responses|answers|"
    r"transcript|excerpt|interview|passage|page|site|website|words|verdict|ruling)\b",
    re.I,
)
_NAME_LIKE = re.compile(r"(?<=[\w,] )[A-Z][a-z]+")
_MONTHS = frozenset(
    "Jan Feb Mar Apr May Jun Jul Aug Sep Sept Oct Nov Dec January February March April June "
    "July August September October November December Monday Tuesday Wednesday Thursday "
    "Friday Saturday Sunday".split()
)
_DOC_NOUNS = (
    r"order|law|act|bill|section|statute|regulations?|rules?|code|guidance|memo|memorandum|"
    r"contract|agreement|charter|constitution|amendment|report|study|survey|document|manual|"
    r"handbook|guide|standard|framework|definition|directive|mandate|sign|letter|website|site|"
    r"notice|release|ordinance|resolution|ruling|decision|opinion|filing|complaint|indictment|"
    r"lawsuit|motion|policy|rfp|rfq|rfa|solicitation|announcement|bulletin|article|post|page|"
    r"project|datasets?|database|api|statement|message|email|tweet|note|caption|label|strategy"
)
# Quoting a document: "the order directs agencies to “...”".
_DOC_SOURCE = re.compile(
    r"\b(?:" + _DOC_NOUNS + r")\b"
    r"[^.!?]{0,80}?\b(?:directs?|requires?|defines?|states?|reads?|read|mandates?|stipulates?|"
    r"specifies|specify|calls?\s+for|instructs?|orders?|prohibits?|allows?|permits?|lists?|"
    r"describes?|recommends?|promises?|guarantees?|commits?|establish(?:es)?|sets?\s+out|"
    r"explains?|warns?|notes?|says|said|asks?|urges?|tells?|told|concludes?|finds?|found|"
    r"provides?|offers?)\b",
    re.I,
)
# "..., the statement read." / "the report says": a document noun, then within two words
# one of these verbs.
_DOC_NOUN_SET = frozenset(n.rstrip("?") for n in _DOC_NOUNS.split("|")) | {"regulations", "rules", "datasets"}
_DOC_VERBS = frozenset("read reads states stated says said notes noted added".split())
_CALLOUT = re.compile(
    r"\W*(?:note|tip|warning|important|example|update|updated|correction|editor[’']?s note|"
    r"tl;?dr|disclaimer|caution|hint|reminder|pro tip|fun fact|background|summary|"
    r"key takeaways?|in brief|at a glance)\b\W",
    re.I,
)
_URL_OR_EMAIL = re.compile(r"https?://|www\.|\b[\w.+-]+@[\w-]+\.[\w.]+")
_CLOSERS = " \t*_)]\"'\u201d\u2019\u00bb\u203a"
_TRANSCRIPT = re.compile(r"\b(?:transcript|excerpt|remarks|testimony|interview|speech)\b", re.I)
_QUOTE_SHORTCODE_ARGS = ("cite", "author", "by", "source", "name", "attribution", "speaker", "who")


def _terminal(text: str) -> bool:
    """Does the text end like a sentence (after closing quotes and brackets)?"""
    return text.rstrip(_CLOSERS).endswith((".", "!", "?", "\u2026", ":", ";", ","))


def _headline_like(text: str) -> bool:
    """A short line with no closing punctuation: a headline, a teaser link, a credit."""
    return not _terminal(text) and word_count(text) <= 25


def _credit_line(text: str) -> bool:
    """“— Tom Black, TTS Strategic Partnerships”: a line that names the speaker above it."""
    return bool(_CREDIT_LINE.match(text)) and word_count(text) <= 20


def _credit_like(text: str) -> bool:
    """A credit under a blockquote: a dash line, or a short unpunctuated line that is a
    title or ends with a name ("News industry analyst Ken Doctor", "UX Matters")."""
    t = text.strip()
    if _credit_line(t):
        return True
    if _terminal(t) or word_count(t) > 15:
        return False
    return bool(_ENDS_WITH_NAME.search(t)) or is_title_case(t.strip(" .,"))


class _Ctx:
    __slots__ = ("lex", "phrase_re", "cues", "multi_cues", "labels", "opts")

    def __init__(self, opts: QuotesOptions) -> None:
        self.lex = _lexicon(tuple(opts.speech_verbs), tuple(opts.attribution_phrases))
        self.phrase_re = self.lex.phrase_re
        self.cues, self.multi_cues, self.labels = _cue_sets(tuple(opts.title_cues), tuple(opts.label_nouns))
        self.opts = opts

    def has_verb(self, text: str, documents: bool = False) -> bool:
        """A reporting verb that is not a passive without agent ("was described as") and
        not a noun ("in his remarks"); with ``documents``, also a document noun followed
        by "read", "says", "stated" ..."""
        lex = self.lex
        for m in _TOKEN.finditer(text):
            word = m.group(0).lower()
            end = m.end()
            if documents and word in _DOC_NOUN_SET:
                following = [t.lower() for t in _TOKEN.findall(text, end, end + 30)[:2]]
                if any(t in _DOC_VERBS for t in following):
                    return True
            if word not in lex.single:
                rests = lex.multi.get(word)
                if rests is None:
                    continue
                nxt = [t.lower() for t in _TOKEN.findall(text, end, end + 40)]
                if not any(tuple(nxt[: len(r)]) == r for r in rests):
                    continue
            before = text[max(0, m.start() - 30) : m.start()]
            if word in lex.nounish and _DETERMINER_BEFORE.search(before):
                continue
            if not word.endswith("ing") and _PASSIVE_AUX.search(before) and not _BY_AGENT.match(text, end):
                continue
            return True
        return False

    def attributes(self, text: str) -> bool:
        """A reporting verb, or a document that speaks ("the statement read")."""
        return self.has_verb(text, documents=True)

    def names_speaker(self, text: str) -> bool:
        """Does an introduction ("Another key stakeholder said:") point at a source?"""
        if self.has_verb(text) or self.phrase_re.search(text) or _SPEAKER_CUE.search(text):
            return True
        return any(m.group(0) not in _MONTHS for m in _NAME_LIKE.finditer(text))

    def cue_before(self, before: str) -> bool:
        if _EXAMPLE.search(before) or _LINKISH_BEFORE.search(before):
            return True
        words = _WORDS.findall(before.lower()[-80:])
        while words and words[-1] in _COPULA:
            words.pop()
        if not words:
            return False
        if any(w in self.cues for w in words[-3:]):
            return True
        tail = " ".join(words[-4:])
        return any(tail.endswith(c) or (" " + c + " ") in (" " + tail + " ") for c in self.multi_cues)

    def quotable(self, text: str, q: Quote) -> bool:
        """Long enough to be a quotation, and not code or a title-case name or title."""
        inner = q.inner(text).strip()
        if word_count(inner) < self.opts.min_quote_words:
            return False
        core = inner.strip(" \t.,;:!?\u2026")
        return not (looks_like_code(core) or is_title_case(core))

    def not_speech(self, scan: QuoteScan, q: Quote, s0: int, prev_sentence: str) -> bool:
        """A label, an example, a term woven into a sentence or a document excerpt: a
        quotation that needs no speaker."""
        text = scan.text
        inner = q.inner(text).strip()
        before = scan.outside_text(s0, q.start)
        if self.cue_before(before):
            return True
        if not before.strip() and prev_sentence.rstrip().endswith(("?", ":")) and word_count(prev_sentence) <= 4:
            if self.cue_before(prev_sentence.rstrip(" ?:")):
                return True  # "The tagline? “Meth. We're on it.”"
        unpunctuated = inner[-1:] not in ".!?,;:\u2026"
        m = re.match(r"\s+([A-Za-z]+)", text[q.end : q.end + 30])
        if m and m.group(1).lower() in self.labels and unpunctuated:
            return True
        if unpunctuated and _MENTION_AFTER.match(text, q.end):
            return True  # the quotation is a noun phrase: “Meth. We're on it” is appearing ...
        first = next((c for c in inner if c.isalnum()), "")
        if first.islower() and before.strip() and word_count(inner) < self.opts.min_fragment_words:
            return True  # a short phrase woven into the sentence: a term, not a quote
        return bool(_DOC_SOURCE.search(before))  # the order directs agencies to "..."

    def attributed(self, scan: QuoteScan, q: Quote, sents: SentenceIndex, para_ok: bool) -> bool:
        text = scan.text
        if para_ok:
            return True
        s0, s1 = sents.around(q.start, q.end)
        if self.phrase_re.search(scan.outside_text(s0, s1)):
            return True
        if _DASH_NAME.match(text, q.end) or _PAREN_NAME.match(text, q.end):
            return True
        before = text[s0 : q.start].rstrip()
        return before.endswith(":") and self.names_speaker(before)


def _outside(scan: QuoteScan) -> str:
    return scan.outside_text(0, len(scan.text))


def _quote_only(scan: QuoteScan) -> bool:
    return bool(scan.quotes) and word_count(_outside(scan)) <= 2


def _last_sentence(text: str) -> str:
    spans = SentenceIndex(text).spans
    return text[spans[-1][0] :] if spans else text


# -- quote-attribution -------------------------------------------------------------------


def _top_blockquote(b: Block) -> Block | None:
    p = b.parent
    top = None
    while p is not None:
        if p.kind == BLOCKQUOTE:
            top = p
        p = p.parent
    return top


_EMBED_CLASS = re.compile(r"twitter|tweet|instagram|tiktok|facebook|embed|social", re.I)


def _embedded(b: Block) -> bool:
    """Text of an embedded post (a tweet's blockquote): someone else's words and marks."""
    top = _top_blockquote(b) if b.in_quote else None
    return top is not None and any(_EMBED_CLASS.search(c) for c in (*top.classes, str(top.attrs.get("class", ""))))


def _shortcode_cite(doc: Document, sc: Block) -> bool:
    from ..parsers.shortcodes import find_shortcodes

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
    status="preview",
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
    scans = _scans(doc)
    if not any(sc.quotes for sc in scans.values()) and not any(b.kind == BLOCKQUOTE for b in doc.blocks):
        return []
    ctx = _Ctx(opts)
    out: list[Finding] = []
    pending: list[Finding] = []  # the last unit's findings: a credit line below cancels them
    prev_licenses = False  # the last unit had an attributed direct quote (or continued one)
    prev_intro = False  # the last unit introduces what follows ("Another stakeholder said:")
    chain: tuple[Block, Quote] | None = None  # a quotation running over paragraphs
    chain_ok = False
    section_license = False  # this section's heading names the quotes' source ("What we heard")
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
            prev_intro = section_license = word_count(b.text.text) <= 12 and ctx.names_speaker(b.text.text)
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
                section_license
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
                        f"Blockquote has no identifiable source: {_preview(t[start:start + 60])!r}",
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
        para_ok = bool(tops) and ctx.attributes(_outside(scan))
        sents = SentenceIndex(text) if tops else None
        quote_only = _quote_only(scan)
        licensed = quote_only and (prev_licenses or prev_intro)
        local_ok = licensed
        for k, q in enumerate(tops):
            if k == 0 and continues:
                chain_ok = chain_ok or ctx.attributed(scan, q, sents, para_ok)
                local_ok = local_ok or chain_ok
                if q.closed or k < len(tops) - 1:
                    end_chain()
                continue
            ok = ctx.attributed(scan, q, sents, para_ok) or licensed or (k > 0 and local_ok)
            if not ctx.quotable(text, q):
                continue
            if not ok and _not_speech_at(ctx, scan, q, sents):
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


def _lone_block(ctx: _Ctx, b: Block, scan: QuoteScan) -> list[Finding]:
    """Quotes of a caption, judged on the caption alone."""
    text = b.text.text
    tops = scan.top_level()
    if not tops:
        return []
    sents = SentenceIndex(text)
    para_ok = ctx.attributes(_outside(scan))
    out: list[Finding] = []
    local_ok = False
    for k, q in enumerate(tops):
        ok = ctx.attributed(scan, q, sents, para_ok) or (k > 0 and local_ok)
        if not ctx.quotable(text, q) or (not ok and _not_speech_at(ctx, scan, q, sents)):
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


def _preview(s: str, n: int = 50) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1].rstrip() + "…"


def _finding(b: Block, q: Quote) -> Finding:
    text = b.text.text
    span = b.text.source_span(q.start, q.start + 1)
    return Finding(span, f"Quote has no identifiable speaker: {_preview(text[q.start : q.end])!r}")


# -- quote-unbalanced --------------------------------------------------------------------


@rule(
    "quote-unbalanced",
    family="quotes",
    summary="An opening quotation mark never closed, or a closing mark never opened",
    severity=Severity.WARNING,
    section=SECTION,
)
def quote_unbalanced(doc: Document, opts: QuotesOptions) -> Iterator[Finding]:
    """## What it does
    Reports an opening quotation mark with no closing mark in its paragraph, and a closing
    mark with no opening one. A quotation that runs over several paragraphs is fine when
    each following paragraph opens with a quotation mark again (the newspaper convention):
    only the last paragraph carries the closing mark.

    Apostrophes (council’s, ’90s, rock ’n’ roll) and primes (6'2") are told apart from
    quotation marks; an unclosed straight single mark is taken for an apostrophe.

    ## Why is this bad?
    Readers cannot tell where the speaker's words end, and a misplaced mark can put words
    in someone's mouth.

    ## Example
    ```markdown
    “We will not close any branch libraries this year, Director Sam Oyelaran said.
    ```

    Use instead:
    ```markdown
    “We will not close any branch libraries this year,” Director Sam Oyelaran said.
    ```
    """
    scans = _scans(doc)
    prose = [b for b in doc.prose if b.kind not in ("byline", "bio") and not _embedded(b)]
    # Openers left open at the end of a block, waiting for a closer in a later block (a
    # quoted passage that runs over a list): kind -> (block, mark index, block position).
    waiting: dict[str, tuple[Block, int, int]] = {}
    for i, b in enumerate(prose):
        if b.kind == HEADING:
            yield from _report_waiting(waiting)
            waiting = {}
        scan = scans.get(id(b))
        if scan is None or not scan.marks:
            continue
        marks = scan.marks
        for mk in marks:
            if mk.wrong_way:
                right = _curly(mk.kind, mk.role) if mk.char not in "\u201a\u201e" else mk.char
                span = b.text.source_span(mk.pos, mk.pos + 1)
                yield Finding(
                    span,
                    f"Quotation mark {mk.char} is turned the wrong way: {_around(scan.text, mk.pos)!r}",
                    fix=Fix.replace(span, right, f"Use {right}", Applicability.UNSAFE),
                )
        for mi in scan.stray_closes:
            mk = marks[mi]
            if mk.kind not in (DOUBLE, GUILLEMET):
                continue
            w = waiting.get(mk.kind)
            if w is not None and i - w[2] <= 15:
                del waiting[mk.kind]  # closes a passage opened in an earlier block
                continue
            if not mk.confident:
                continue
            yield Finding(
                b.text.source_span(mk.pos, mk.pos + 1),
                f"Closing quotation mark {mk.char} has no opening mark: {_around(scan.text, mk.pos)!r}",
            )
        unclosed = [q for q in scan.quotes if not q.closed]
        if not unclosed:
            continue
        nxt = _next_text_block(prose, i, scans)
        for q in unclosed:
            mk = marks[q.open_mark]
            if mk.kind == SINGLE and mk.char != "\u2018":
                continue
            if not mk.confident and mk.kind != SINGLE:
                continue
            if mk.kind == GUILLEMET and any(
                o.kind == GUILLEMET and o.start > q.start and o.closed for o in scan.quotes
            ):
                continue  # «…«…» : one mark closes both (Russian and other conventions)
            if q.depth == 0 and q is unclosed[-1]:
                if nxt is not None and _reopens(scans.get(id(nxt)), q.kind):
                    continue  # runs on into the next paragraph
                if mk.kind in (DOUBLE, GUILLEMET):
                    yield from _report_waiting({k: v for k, v in waiting.items() if k == mk.kind})
                    waiting[mk.kind] = (b, q.open_mark, i)
                    continue
            yield _unclosed_finding(b, scan, mk)
    yield from _report_waiting(waiting)


def _report_waiting(waiting: dict[str, tuple[Block, int, int]]) -> Iterator[Finding]:
    for b, mi, _ in waiting.values():
        scan = scan_quotes(b.text.text)
        yield _unclosed_finding(b, scan, scan.marks[mi])


def _unclosed_finding(b: Block, scan: QuoteScan, mk) -> Finding:
    return Finding(
        b.text.source_span(mk.pos, mk.pos + 1),
        f"Opening quotation mark {mk.char} is never closed: {_preview(scan.text[mk.pos : mk.pos + 40], 40)!r}",
    )


def _next_text_block(prose: list[Block], i: int, scans: dict[int, QuoteScan]) -> Block | None:
    """The next block of running text, past captions, headline-like lines and credits
    (an embedded tweet or photo between two paragraphs of one quotation)."""
    for b in prose[i + 1 : i + 8]:
        if b.kind == HEADING:
            return None
        if b.kind == CAPTION or _headline_like(b.text.text):
            continue
        return b
    return None


def _reopens(scan: QuoteScan | None, kind: str) -> bool:
    if scan is None or not scan.quotes:
        return False
    q = scan.quotes[0]
    return q.start <= 1 and q.depth == 0 and q.kind == kind


def _around(text: str, pos: int) -> str:
    s = max(0, text.rfind(" ", 0, max(0, pos - 12)) + 1)
    e = text.find(" ", min(len(text), pos + 12))
    return text[s : e if e != -1 else len(text)].strip()


# -- quote-style -------------------------------------------------------------------------

_TO_STRAIGHT = {"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'"}


_curly = curly_mark


@rule(
    "quote-style",
    family="quotes",
    summary="Straight and curly quotation marks or apostrophes mixed, or not the house style",
    severity=Severity.INFO,
    section=SECTION,
    fix="sometimes",
)
def quote_style(doc: Document, opts: QuotesOptions) -> Iterator[Finding]:
    """## What it does
    Reports quotation marks and apostrophes that do not match the house style. With
    `marks: consistent` (the default), a document that mixes straight and curly marks
    (`council’s` here, `mayor's` there) has its minority style reported; with `marks: curly`
    or `marks: straight`, every other mark is. With `primary: double`, a top-level quotation
    in single marks is reported (and the reverse with `primary: single`, the British
    convention of ‘…’ with “…” nested inside). Headings, and short lines without closing
    punctuation (headline teasers), are not held to `primary`: headlines use single marks
    by convention.

    Primes in measurements (6'2", 5' tall), marks of other conventions („…“, «…») and
    the text of embedded posts (a tweet's blockquote) are left alone.

    ## Why is this bad?
    Mixed marks look careless in print and break search: a reader searching for
    `council’s` does not find `council's`.

    ## Example
    ```markdown
    The council’s vote came after the mayor's veto. "We will try again," Ruiz said.
    ```

    Use instead:
    ```markdown
    The council’s vote came after the mayor’s veto. “We will try again,” Ruiz said.
    ```

    ## Options
    - `marks`
    - `primary`
    - `check_apostrophes`

    ## Fix safety
    Curly to straight is always safe. Straight to curly is safe when the mark's role follows
    from its neighbours alone (an apostrophe inside a word, ’90s, an opening mark after a
    space, a mark after a word that is either an apostrophe or a closing single quote, both
    ’); where the role was inferred from pairing (a double mark between two words or
    between two spaces) the fix is unsafe. Swapping single and double marks of
    a quotation is safe only when every mark of it was read with confidence.
    """
    scans = _scans(doc)
    items: list[tuple[Block, QuoteScan, int]] = []
    straight = curly = 0
    for b in doc.prose:
        if (b.kind in _SKIP_KINDS and b.kind != "table_cell") or _embedded(b):
            continue
        scan = scans.get(id(b))
        if scan is None or not scan.marks:
            continue
        for mi, mk in enumerate(scan.marks):
            if not _style_mark(mk, opts) or _in_link_title(scan, mk) or _other_convention(scan, mk):
                continue
            items.append((b, scan, mi))
            if mk.straight:
                straight += 1
            else:
                curly += 1
    if opts.marks == "consistent":
        if straight and curly:
            target = "straight" if straight > curly else "curly"
            yield from _style_findings(items, target, mixed=True)
    else:
        yield from _style_findings(items, opts.marks, mixed=False)
    if opts.primary != "any":
        yield from _primary_findings(doc, scans, opts)


def _style_mark(mk, opts: QuotesOptions) -> bool:
    if mk.role == APOSTROPHE:
        return opts.check_apostrophes and mk.char in "'\u2019"
    if mk.role in (OPEN, CLOSE) and mk.kind in (DOUBLE, SINGLE):
        return mk.char in "\"'\u201c\u201d\u2018\u2019"
    return False


def _other_convention(scan: QuoteScan, mk) -> bool:
    """A closer of a German-style pair („…“, ‚…‘) follows its own convention."""
    return mk.role == CLOSE and mk.partner >= 0 and scan.marks[mk.partner].char in "\u201e\u201a"


def _in_link_title(scan: QuoteScan, mk) -> bool:
    """A mark of a Markdown link title left in the text ([x]( "Title"), [id]: "Title")
    is markup."""
    if mk.role in (OPEN, CLOSE):
        pos = mk.pos if mk.role == OPEN or mk.partner < 0 else scan.marks[mk.partner].pos
    else:
        q = scan.inside(mk.pos)
        if q is None:
            return False
        pos = q.start
    return bool(_LINK_TITLE.search(scan.text, max(0, pos - 120), pos))


def _style_findings(items: list, target: str, mixed: bool) -> Iterator[Finding]:
    for b, scan, mi in items:
        mk = scan.marks[mi]
        if target == "curly" and mk.straight:
            repl = _curly(mk.kind, mk.role)
            # An apostrophe and a closing single mark are both ’: when the mark follows a
            # word, the choice between them does not change the fix.
            safe = mk.confident or (
                repl == "\u2019" and mk.pos > 0 and not scan.text[mk.pos - 1].isspace()
            )
        elif target == "straight" and not mk.straight:
            repl = _TO_STRAIGHT[mk.char]
            safe = True
        else:
            continue
        what = "apostrophe" if mk.role == APOSTROPHE else "quotation mark"
        style = "straight" if mk.straight else "curly"
        reason = (
            f"the rest of the document uses {target} marks" if mixed else f"house style is {target} marks"
        )
        span = b.text.source_span(mk.pos, mk.pos + 1)
        fix = Fix(
            f"Use {repl}",
            (Edit(span.start, span.end, repl),),
            Applicability.SAFE if safe else Applicability.UNSAFE,
        )
        yield Finding(span, f"{style.capitalize()} {what} in {_around(scan.text, mk.pos)!r}; {reason}", fix=fix)


def _primary_findings(doc: Document, scans: dict[int, QuoteScan], opts: QuotesOptions) -> Iterator[Finding]:
    want = DOUBLE if opts.primary == "double" else SINGLE
    other = SINGLE if want == DOUBLE else DOUBLE
    for b in doc.prose:
        if b.kind in _SKIP_KINDS or b.kind == HEADING or _embedded(b):
            continue
        scan = scans.get(id(b))
        if scan is None or not scan.quotes or _headline_like(b.text.text):
            continue  # headlines and teasers put quotations in single marks by convention
        for q in scan.quotes:
            if q.depth or q.kind != other or not q.closed:
                continue
            om, cm = scan.marks[q.open_mark], scan.marks[q.close_mark]
            if not (om.confident and cm.confident) and (om.straight or cm.straight):
                continue  # a straight single pair we cannot be sure of
            edits = []
            safe = True
            for inner in scan.quotes:
                if not (q.start <= inner.start < q.end) or not inner.closed:
                    continue
                swap = want if inner.kind == other else other
                for idx in (inner.open_mark, inner.close_mark):
                    mk = scan.marks[idx]
                    safe = safe and mk.confident
                    repl = _swap_char(mk.char, swap, mk.role)
                    sp = b.text.source_span(mk.pos, mk.pos + 1)
                    edits.append(Edit(sp.start, sp.end, repl))
            span = b.text.source_span(q.start, q.start + 1)
            name = "double" if want == DOUBLE else "single"
            yield Finding(
                span,
                f"Quotation in {'single' if other == SINGLE else 'double'} marks: "
                f"{_preview(scan.text[q.start : q.end], 40)!r}; house style is {name} marks outside",
                fix=Fix(f"Use {name} quotation marks", tuple(sorted(edits, key=lambda e: e.start)),
                        Applicability.SAFE if safe else Applicability.UNSAFE),
            )


def _swap_char(ch: str, kind: str, role: str) -> str:
    if ch in "\"'":
        return '"' if kind == DOUBLE else "'"
    return _curly(kind, role)
