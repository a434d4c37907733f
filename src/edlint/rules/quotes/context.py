"""What the text around a quotation says about it: lead-ins and introductions naming a
speaker, reporting clauses inside a paragraph, headings over quotes, and whether a blockquote
reads as someone's speech at all."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from typing import Any

from ...document import HEADING, LIST_ITEM, Block, Document
from ...text.patterns import lazy
from ...text.quotes import Quote, QuoteScan, looks_like_code, scan_quotes, word_count, words_at_most
from ...text.sentences import SentenceIndex
from .documents import _DOC_WORD
from .mentions import is_symbol, not_speech
from .names import (
    _BEAT,
    _FUNCTION_START,
    _HONORIFIC,
    _MONTHS,
    _NOT_ONE_SPEAKER,
    _PEOPLE_NOUNS,
    _SPEAKER_LABEL,
    _TITLED_BEAT,
    _credit_like,
)
from .sources import _FIRST_PERSON, _SECOND_PERSON, SINGULAR_I, _has_link, _shortcode_cite, _template_follows
from .speaker import _Ctx
from .view import _embedded, _headline_like

_TRAILING_DASH_NAME = lazy(
    r"(?:^|[\s.!?\"”])(?:[\u2014\u2013\u2015~]|--?)\s*[A-Z\u00c0-\u00de][\w.’'&-]*(?:[\s,]+[\w.’'&()-]+){0,14}\s*$"
)
_NAME_AFTER_CLOSE = lazy(r"[\u201d\"][*_]*\s+(?:[A-Z][\w.’'-]*\s+){1,3}[A-Z][\w’'-]+(?:[\s,.*_]*$|[\s,]+[\ufffc{<])")
_CALLOUT = lazy(
    r"\W*(?:note|tip|warning|important|example|update|updated|correction|editor[’']?s note|"
    r"tl;?dr|disclaimer|caution|hint|reminder|pro tip|fun fact|background|summary|"
    r"key takeaways?|in brief|at a glance|about the authors?|about me|about us|author bio|"
    r"(?:the\s+|our\s+|my\s+)?(?:takeaway|bottom line|lesson|"
    r"moral|upshot|short version|big idea|goal|mission|vision|rule of thumb))\b\W",
    re.I,
)
# A blockquote opening on a label of one to three words and a colon ("Explanation:", "Editor's
# note:", "Ruiz:", "**Update 2024:**").
_LABELLED = lazy(r"[\W_]*(?:[A-Z][\w’'.-]*)(?:\s+[\w’'.-]+){0,2}[*_]*:[*_]*\s")
# A note about the post itself in its first sentence: "This is a historic blog post at this
# point.", "The original article has moved."
_ABOUT_THIS_POST = lazy(
    r"[\W_]*[^.!?\n]{0,80}?\b(?:this|the\s+original)\s+(?:[\w-]+\s+){0,3}?(?:post|article|story|piece|page"
    r"|announcement|release\s+notes?)\b",
    re.I,
)
_URL_OR_EMAIL = lazy(r"https?://|www\.|\b[\w.+-]+@[\w-]+\.[\w.]+")
_ASIDE_START = lazy(
    r"[\W_]*(?:this (?:post|article|story|piece|blog)|originally (?:published|posted)|cross-?posted|"
    r"related\b|read more|see also|learn more|editor[’']?s note|update\b|source\b|"
    # a call to action, the site's own boilerplate: "Contact Tarides to see how …"
    r"contact\b|get in touch|reach out to us|follow us|sign up|subscribe\b|join us\b)",
    re.I,
)
_LABEL_START = lazy(r"(?:[\w’'&.()-]+\s+){0,5}[\w’'&.()-]+\s*[*_]*:[*_]*\s*[\"“‘]")
# An introduction that names the text quoted below it: "... and hone our vision for the
# project.", "The job posting describes the role."
_NAMES_DOCUMENT = lazy(
    r"\b(?:vision|mission|statement|posting|announcement|description|policy|guidance|report|"
    r"memos?|letters?|emails?|messages?|submissions?|postcards?|blog post|article|principles?|manifesto|charter|excerpt|passage|paragraph|"
    r"summary|abstract|definition|recommendations?|guidelines?|findings|conclusions?|"
    r"instructions|notice|law|regulation|proposal|nomination|handbook|playbook|manual|quote|"
    r"quotes|interviews?|survey|usability tests?|testimony|transcript|study|studies|press release|"
    r"feedback|comments?|responses?|testimonials?)\b",
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
    r"(?:\w+ly\s+)?(?:(?:said|told|noted|explained|wrote|shared|added|commented|responded|reported)\b|"
    # ... about something, not about a person: "many mentioned me directly" is not what
    # they said ("participants told us" is)
    r"(?:described|mentioned|called out|pointed out|singled out|praised|highlighted|raved|"
    r"appreciated|liked|loved|enjoyed|valued|welcomed|criticized|criticised|complained)\b"
    r"(?!\s+(?:me|us|him|her|them|you)\b))",
    re.I,
)
# A document as the subject of the sentence that introduces a quotation: "The report
# divides the ecosystem into two sources."
_DOC_SUBJECT = lazy(
    r"[\W_]*(?:the|this|that|their|our|its|a|an|[A-Z][\w’'-]+[’']s)\s+(?:[\w’'-]+\s+){0,3}?(?:report|study|survey|memo|"
    r"guidance|policy|order|law|rule|regulation|document|paper|article|post|guide|handbook|plan|"
    r"strategy|standard|charter|manifesto|proposal|letter|statement|announcement|release)\s+"
    # where it appeared: "Foley’s article in the Loyola Law Journal starts …"
    r"(?:(?:in|on|from|for|to|by)\s+(?:[\w’'.-]+\s+){1,7}?)?"
    # a verb the document acts with ("the report states", "the memo warned"), not "was" or "has"
    r"(?!(?:was|has|is|does|goes|needs|seems|looks)\b)(?:[a-z]+s|[a-z]+ed)\b",
    re.I,
)
# A sentence about one source, named by its kind or role: "One review was less kind.",
# "Another participant disagreed."
_ONE_SOURCE = lazy(
    r"[\W_]*(?:one|another|a|the\s+(?:last|final|first|other))\s+(?:[\w’'-]+\s+){0,2}?(?:review|comment|response|"
    r"reply|message|email|letter|post|tweet|note|submission|answer|reader|participant|respondent|attendee|"
    r"resident|user|customer|commenter|reviewer|volunteer|parent|student|visitor|learner|member|"
    r"listener|viewer|caller|neighbou?r|employee|colleague)\b",
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
# A lead-in without a colon: "Here is some of the feedback.", "A few of their comments follow."
_LEAD_IN = lazy(
    r"\b(?:here (?:is|are|we have)|below (?:is|are)|following (?:is|are)|these (?:are|were)|"
    r"a few|some|more|selected)\b[^.!?]{0,60}\b(?:feedback|comments|responses|quotes|recollections|memories|"
    r"reactions|testimonials|remarks|answers|suggestions|reviews|complaints|requests|praise|"
    r"what (?:they|people|participants|learners|users) "
    r"(?:said|told us|wrote))\b|\b(?:feedback|comments|responses|quotes|reactions|remarks)\s+"
    r"(?:follow|below|included|received)\b",
    re.I,
)
_VOICES = lazy(
    r"\b(?:what (?:we|they|you|people|users|participants|residents|customers|staff|agencies) "
    r"(?:heard|said|told|say|tell|think)|in (?:their|our|his|her|your) own words|voices|"
    r"testimonials?|what people are saying|quotes|feedback)\b",
    re.I,
)
_PLACEHOLDER = lazy(r"\b(?:lorem ipsum|dolor sit amet|consectetur adipiscing|magna aliqua)\b", re.I)
_FIGURES = lazy(r"\d\s*(?:%|percent|per cent)|\d[\d,.]*\s+(?:million|billion|users|people|respondents)", re.I)
_DASH_END = lazy(r"[\s,.]*(?:[\u2014\u2013\u2015~]|--?)\s*$")
_TRANSCRIPT = lazy(r"\b(?:transcript|excerpt|remarks|testimony|interview|speech)\b", re.I)
# Things a colon lead-in can name that are not people: "With a solution of:", "No. 14
# addresses prize competitions:", "in this section:"
_THING_LEAD = lazy(
    r"\b(?:solution|output|result|results|error|warning|message|prompt|response text|wording|text|"
    r"section|example|sample|excerpt|passage|entry|item|answer key)\b|"
    r"\b(?:no\.|number|item|section|recommendation|principle|step|rule|goal|strategy|objective|"
    r"article|chapter|part|finding|lesson)\s*#?\d+\b",
    re.I,
)
# A capitalised word after the first of its sentence: a name (the passage is about
# someone or something particular), not a general statement.
_PROPER_AFTER_START = lazy(r"(?<=[\w,;’'] )[A-Z](?![A-Z\d]*\b)")  # "RSE" is not a name
# A general statement (present tense, a modal) as against an account of events.
_GENERIC = lazy(r"\b(?:can|cannot|can[’']t|must|should|ought|needs? to|is|are|ensures?|means?|requires?)\b", re.I)
_PAST = lazy(r"\b(?:was|were|has been|have been|had|did|will|would)\b", re.I)
_NARRATOR_BEAT = lazy(r"[\W_]*I\s+(?:\w+ly\s+)?[a-z]+ed\b")
_PERSONA = lazy(r"\bpersonas?\b", re.I)
# A heading that gives the source of what is under it: "Tip from Dana Ruiz, product lead"
_HEADING_SOURCE = lazy(
    r"\b(?:from|by|with)\s+(?:(?:Dr|Mr|Mrs|Ms|Prof)\.?\s+)?[A-Z][a-z’'-]+\s+[A-Z]|"
    r"^[\W_]*[A-Z][a-z’'-]+\s+[A-Z][a-z’'-]+\s+on\s"
    # a writer's column or report under their name: "Larry Finger: Weekly Review"; a
    # publication and its writer: "Softpedia/Marius Nestor: …"
    r"|^[\W_]*(?:[\w.-]+/)?[A-Z][a-z’'-]+\s+(?:[A-Z]\.\s+)?[A-Z][a-z’'-]+\s*:"
)


_EMPTY_CREDIT = lazy(r"\s*(?:--?|[\u2014\u2013\u2015])[\s*_]*$")
# "A network is a group of individuals who …": a definition.
_DEFINITION = lazy(
    r"(?:an?|the)\s+(?:[\w-]+\s+){0,2}?(?:is|are|means|refers to)\s+(?:an?|the|any|one|when|how)\b", re.I
)


def _outside(scan: QuoteScan) -> str:
    return scan.outside_text(0, len(scan.text))


def _quote_only(scan: QuoteScan, outside: str) -> bool:
    """Is the block nothing but quotations (``outside`` is its text with them blanked)?"""
    return bool(scan.quotes) and words_at_most(outside, 2)


def _last_sentence(text: str) -> str:
    spans = SentenceIndex(text).spans
    return text[spans[-1][0] :] if spans else text


# A lead-in that runs into the quotation: a colon, or a dash ("... making it usable--").
_RUNS_INTO = lazy(r"(?::|--|[\u2014\u2013])[\s*_]*$")
# A lead-in that names a topic, not a source: "On the community spirit:", "About the
# workshop:", "Regarding next year:". Words under it still need a speaker.
TOPIC_LEAD = lazy(
    r"[\W_]*(?:on|about|regarding|concerning|re|as for|as to|when it comes to|in terms of|on the (?:topic|subject) of)\b"
    r"[^.!?:]{0,80}:[\s*_]*$",
    re.I,
)
# A question put to the reader or a respondent ("What did you enjoy most about the festival:"):
# a survey prompt, which names nobody who answered it.
_PROMPT = lazy(
    r"[\W_]*(?:what|how|why|which|who|where|when|did|do|does|would|could|can|is|are|have|has|will)\b"
    r"[^:?]*\byou(?:r)?\b[^:]*\??:[\s*_]*$",
    re.I,
)


def _lead_in_names_source(ctx: _Ctx, last: str) -> bool:
    """Does a sentence that runs into a quotation (colon, dash) name its source: a speaker
    ("Another stakeholder said:"), a document, a thing ("With a solution of:"), a
    definition ("A SOO is:")? A survey prompt does not."""
    if last.rstrip(" \t*_").endswith(",") and ctx.has_verb(last[-80:]):
        return True  # "When asked …, the co-chairs said," runs into the quotation below
    if not _RUNS_INTO.search(last) or _PROMPT.match(last):
        return False
    if TOPIC_LEAD.match(last) and not ctx.has_verb(last):
        return False
    end = last.rstrip(" \t*_")
    return bool(
        _lead_names_speaker(ctx, last)
        or _DEFINES.search(end)
        or _DOC_WORD.search(last)
        or _THING_LEAD.search(last)
        or _TEXT_FOLLOWS.search(last)
    )


# A lead-in giving a text's own wording: "Article 8 … It provides:", "These provide as
# follows:", "A selection below:" (a law, a judgment, a pleading).
_TEXT_FOLLOWS = lazy(
    r"\b(?:provides?|stipulates?|specifies|states|reads|as\s+follows|the\s+following|(?:a\s+)?selection\s+below|"
    r"extracts?\s+below|excerpts?\s+below)\W*$",
    re.I,
)


# A list of wording to use or avoid: "Do not use:", "Avoid phrases like:", "Say:".
_WORDING_LEAD = lazy(
    r"\b(?:do not|don[’']t|never|avoid|instead of|rather than)\s+(?:\w+\s+)?(?:use|using|say|saying|write|writing|"
    r"phrases?|words?|wording)\b|^\W*(?:use|say|write|avoid)\b[^.!?]{0,40}:$",
    re.I,
)
# The paragraph says whom the author heard the words from.
_HEARD_FROM = lazy(
    r"\b(?:we|I|they|the team|our team|researchers)\s+(?:\w+ly\s+|also\s+|then\s+)?(?:interviewed|surveyed|"
    r"asked|polled|spoke (?:to|with)|talked (?:to|with)|heard from|met with)\b",
    re.I,
)
# A capitalised word inside a sentence: a person's or an organisation's name.
_PROPER_INSIDE = lazy(r"(?<=[\w,;] )[A-Z][\w’'-]+")


def _lead_names_speaker(ctx: _Ctx, lead: str) -> bool:
    """Does a colon lead-in name who speaks? A short label may be just a role or a name
    ("One learner:", "Maria Lopez, lab manager:"); a longer sentence needs a verb of
    saying ("some felt differently:"), a source ("Some feedback received:") or a name of
    a person or an organisation (which may speak for itself). "The team has done amazing
    work preparing the material:" praises the team; it does not say who wrote the words
    under it."""
    if (
        ctx.has_verb(lead)
        or ctx.phrase_re.search(lead)
        or _LEAD_IN.search(lead)
        or _NAMES_DOCUMENT.search(lead)
        or _VOICES.search(lead)  # "Here are a few examples, in their own words:"
    ):
        return True
    if words_at_most(lead, 6):
        return ctx.names_speaker(lead)
    return ctx.names_speaker(lead) and bool(_PROPER_INSIDE.search(lead))


# The last sentence names the kind of words that follow: "… was yielding thousands of
# desperate responses.", "Some of the replies were blunt."
_NAMES_QUOTED_WORDS = lazy(
    # not letters or notes as lettering or music ("painted in gold letters", "in block capitals")
    r"(?<!\bin\s)(?<!\bgold\s)(?<!\bcapital\s)(?<!\bblock\s)(?<!\bbig\s)(?<!\blarge\s)(?<!\bbold\s)"
    r"(?<!\bneon\s)(?<!\bmusical\s)\b(?:responses|replies|comments|complaints|messages|posts|letters|emails|e-mails|reviews|"
    r"testimonials|submissions|voicemails|texts|notes|tweets|pleas)\b",
    re.I,
)
# The last sentence ends on its source: "…, per Votebeat.", "…, according to Jacobson."
_ENDS_ON_SOURCE = lazy(
    r"\b(?:per|according\s+to)\s+(?:the\s+)?[A-Z][\w’'.&-]*(?:\s+[A-Z][\w’'.&-]*){0,4}[\s*_]*[.!]?[\s*_]*$"
)
# A person as the subject of a clause: "Vonada has been home", "Kem, meanwhile, has
# struggled", "Watson, the board secretary, approached her", "as he sees it", "Cook might
# find out", "George’s prices are shaped …".
_PERSON_SUBJECT = lazy(
    r"(?:^|[.!?;:\u2014\u2013(]\s*|,\s+|\b(?:and|but|while|because|as|though|although|when|so)\s+)"
    r"(?:(?:[Hh]e|[Ss]he)(?:[’']s)?\s+(?:\w+ly\s+)?[a-z]{2,}"
    r"|(?:(?:[Ss]tate|[Ff]ormer|U\.S\.|[Cc]ounty|[Cc]ity)\s+)?"
    + _HONORIFIC
    + _FUNCTION_START
    + r"(?P<name>[A-Z][a-z]+(?:[’'](?!s\b)[A-Za-z]+)?(?:-[A-Z][a-z]+)?)(?:\s+[A-Z][a-z]+(?:-[A-Z][a-z]+)?){0,2}"
    r"(?:[’']s\s+[a-z]+)?(?:\s*\([^)]{0,40}\))?(?:,\s+[^,.;]{1,120},)?"
    # "Dibben now plans", "Gemmell, who opted to race in a wetsuit, was also happy"
    r"\s+(?:(?:\w+ly|now|also|still|then|later|soon|even|never|always|often|already|just|too|again|first|"
    r"both|all)\s+)?(?:is|are|was|were|has|have|had|might|could|would|will|can|[a-z]{2,}s|[a-z]{2,}ed"
    # "Gilbert doesn’t think so."
    r"|(?:does|did|do|is|was|are|were|has|had|have|could|would|ca|wo|should)n[’']t"
    # the common irregular pasts: "Britney Cox, who …, found the experience valuable"
    r"|found|felt|thought|knew|went|came|took|made|got|saw|became|began|kept|left|won|lost|ran|spent"
    r"|sent|brought|met|heard|held|led|built|wrote|gave|grew|caught|chose|drove|flew|fought|taught"
    r"|told|said|sat|stood|swam|rode|threw|wore|sold|paid|put|set|let|hit|cut|beat)\b)"
)


# A capitalised word inside a sentence, after a lower-case word: a proper name there.
# ("… said Varcos", "…,” George recalled", "Deanne George of …")
_MID_SENTENCE_CAP = lazy(
    r"(?:(?<=[a-z,;”\"]\s)|(?<=[A-Z][a-z]\s)|(?<=[A-Z][a-z]{2}\s)|(?<=[A-Z][a-z]{3}\s))[A-Z][a-z’'-]+"
)


class ProperNames:
    """The capitalised words the document uses inside sentences (names of people, places
    and bodies), read from its prose the first time one is asked for. "Crews replaced the
    valves" opens on a common noun; "Varcos has tried" on a name the story uses again."""

    __slots__ = ("_texts", "_words")

    def __init__(self, texts: list[str]) -> None:
        self._texts = texts
        self._words: set[str] | None = None

    def __contains__(self, word: str) -> bool:
        if self._words is None:
            self._words = {w for t in self._texts for w in _MID_SENTENCE_CAP.findall(t)}
        return word in self._words


def _about_person(whole: str, proper: ProperNames) -> bool:
    """Is a person the subject of a clause in the paragraph (quotations blanked)? A
    quotation standing alone right after it is read as theirs, as news copy does after
    the paragraph that introduces or follows a speaker. A name must be one the document
    uses as a name (inside a sentence somewhere), or come with a title or a surname."""
    return person_subject(whole, proper) is not None


def person_subject(whole: str, proper: ProperNames, full_only: bool = False) -> str | None:
    """The first person who is the subject of a clause in the paragraph: their name's first
    word, "" for "he" or "she", None for no one (see ``_about_person``). ``full_only``: only
    a person introduced by their full name ("Sam Tait, 31, has captained …"), given whole."""
    for m in itertools.chain(
        _PERSON_SUBJECT.finditer(whole),
        _PERSON_WHO.finditer(whole),
        _TITLED_PERSON.finditer(whole),
        _PERSON_APPOSITIVE.finditer(whole),
    ):
        name = m.group("name")
        if name is None:
            if full_only:
                continue
            return ""  # "he" or "she"
        if name.lower() in _NOT_ONE_SPEAKER or name in _MONTHS:
            continue
        full = _FULL_NAME_AT.match(whole, m.start("name"))
        if full or (name in proper and not full_only):
            if full and full_only:
                return " ".join(re.sub(r"[’']s$", "", w.strip(",(")) for w in full.group(0).split() if w[:1].isupper())
            return name
    return None


# A person named with a relative clause: "Among them was Bevan Tasker, who was with the
# RNZAF", "a letter from Ruth Kane, who ran the shop" (a body or a thing takes "which").
_PERSON_WHO = lazy(
    r"(?<![.!?]\s)(?<!^)\b"
    + _FUNCTION_START
    + r"(?P<name>[A-Z][a-z]+(?:-[A-Z][a-z]+)?)(?:\s+[A-Z][a-z]+(?:-[A-Z][a-z]+)?){0,2}"
    r",?\s+who(?:[’']s)?\s+(?:\w+ly\s+)?(?:is|are|was|were|has|had|[a-z]{2,}s|[a-z]{2,}ed)\b"
)
# A person with a title or role before the name, opening a sentence: "And design judge
# Damian Thorne praised the school", "Wanganui club manager Julie Holden was thrilled".
_TITLED_PERSON = lazy(
    r"(?:^|[.!?]\s+)(?:(?:And|But|So|Also|Then|Meanwhile),?\s+)?"
    # the role before the name: "Wanganui club manager", "design judge" (no article or
    # preposition: "The warehouse on Station Road is open" names a place, not a person)
    r"(?:(?!(?:The|A|An|In|On|At|Of|For|From|With|By|To|This|That|These|Those|Its|Their|His|Her|Our)\b)"
    r"[A-Z][a-z’'-]+\s+)?(?:(?!(?:the|a|an|in|on|at|of|for|from|with|by|to|near|under|over|and|or)\b)"
    r"[a-z][a-z’'-]+\s+){0,3}?"
    r"(?P<name>[A-Z][a-z]+)\s+[A-Z][a-z’'-]+(?:-[A-Z][a-z]+)?\s+(?:\w+ly\s+|also\s+|now\s+|still\s+)?"
    r"(?:is|are|was|were|has|had|[a-z]{2,}s|[a-z]{2,}ed)\b"
)
# A person named with a description after the name: "the efforts of Ariana Sadr-Hashemi,
# a second year physicist, …", "… by Tom Reid, the club's coach."
_PERSON_APPOSITIVE = lazy(
    r"(?<![.!?]\s)(?<!^)\b" + _FUNCTION_START + r"(?P<name>[A-Z][a-z]+)\s+[A-Z][a-z’'-]+(?:-[A-Z][a-z]+)?,\s+"
    r"(?:a|an|the|[A-Z][a-z]+[’']s)\s+[^,.;]{0,50}?\b(?:[a-z]+(?:ist|er|or|ian|ent)|"
    + _PEOPLE_NOUNS
    + r")\b[^,.;]{0,30}[,.;]"
)
_FULL_NAME_AT = lazy(r"[A-Z][a-z’'-]+\s+(?:[A-Z]\.\s+)?[A-Z][a-z’'-]{2,}(?:-[A-Z][a-z’'-]+)?(?:[’']s)?[\s,(]")


_HEARD_THAT = lazy(r"\b(?:heard|was told|were told|learned|learnt)\s+(?:that|how)\b")
_WORDS_OF = lazy(
    r"\b(?:in the words of|to quote|as put by)\s+(?:the\s+)?[A-Z]"
    # "The words of this great man, Dr Martin Luther King, still speak to us today."
    r"|\bwords\s+of\s+(?-i:[^.!?]{0,50}?(?:(?:Dr|Mr|Mrs|Ms|Prof|Rev|Sir)\.?\s+)?[A-Z][a-z]+\s+(?:[A-Z]\.\s+)?[A-Z][a-z]+)",
    re.I,
)
# A lead-in saying the quotations that follow are a document's own words: "Here is how
# the Party describes the team's purpose, with quotations from the original."
QUOTES_FROM_DOCUMENT = lazy(
    r"\b(?:quotations?|quotes|excerpts?|extracts?|passages?)\s+(?:taken\s+)?from\s+(?:the|its|their|his|her)\s+"
    r"(?:original|report|document|letter|statement|book|speech|minutes|transcript|paper|manifesto|memo|judgment|ruling|diary|diaries)\b",
    re.I,
)


def _introduces(ctx: _Ctx, last: str, whole: str = "") -> bool:
    """Does a paragraph (quotations blanked) give the speaker of a quotation that follows:
    its last sentence an introduction naming a speaker ("Another stakeholder said:") or a
    lead-in, or the paragraph a reporting clause with one speaker ("..., he said.",
    "Patricia Beirne said her work ...")?"""
    if _lead_in_names_source(ctx, last):
        return True
    if ctx.speaker_clause(whole or last) or _LEAD_IN.search(last) or _DOC_SUBJECT.match(last):
        return True
    if _WORDS_OF.search(last):
        return True  # "… in the words of Hardeep Dhanjal, its founder." then his account
    if _ONE_SOURCE.match(last):
        return True  # "One review on the council's site was less kind.": a source, by its role
    if _ENDS_ON_SOURCE.search(last) or (_NAMES_QUOTED_WORDS.search(last) and not last.rstrip(" *_").endswith("?")):
        return True  # "…, per Votebeat.", "… yielding thousands of desperate responses."
    if ctx.known_subject(last):
        return True  # "Ruiz was heartened by the response." after Ruiz was quoted
    if _NARRATOR_BEAT.match(whole or last) and words_at_most(whole or last, 12):
        return True  # "I nodded. Inhaled.": the narrator speaks next
    m = _BEAT.match(last) or _TITLED_BEAT.match(last)  # "Shashank Khandelwal was heartened by the response."
    return bool(m) and m.group("name").lower() not in _NOT_ONE_SPEAKER


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
        if not q.closed and (_said_inside(self._ctx, q.inner(text)) or _TRAILING_DASH_NAME.search(q.inner(text))):
            return True  # “We will ..., said Dr Patel. / “This is madness! —Ron P.
        for inner in self._scan.quotes:
            # A closing mark left out before the said-clause: “We ..., Thum said. “We ...”
            # (also past a quotation inside it: “We … ‘favors …,’ Justice Ruiz said. “…”)
            if inner.depth == q.depth + 1 and q.start < inner.start < q.end:
                if _said_inside(self._ctx, text[q.inner_start : inner.start].rstrip(" \t")):
                    return True
        if not q.closed:
            return False
        if _DASH_END.fullmatch(text, q.end):
            return _template_follows(self._doc, self._block)  # “…” - {{ "name" | team_link }}
        return False


def _said_inside(ctx: _Ctx, inner: str) -> bool:
    """An unclosed quotation that runs into its own reporting clause (the closing mark
    was left out): “We will keep every branch open, said Dr Amira Patel."""
    inner = inner.rstrip(" \t.")
    # where a clause can start: after a comma or semicolon, or after a question or an
    # exclamation ("… the community? Mayfield said."), also past a closing inner mark
    cuts = [m.end() for m in _CLAUSE_CUT.finditer(inner)]
    for start in reversed(cuts[-3:]):  # the reporting clause, maybe followed by an appositive or two
        tail = inner[start:]
        if not words_at_most(tail, 40):
            return False  # (an appositive may be long: "…, said Jaydeep Mukherjee, director of …")
        if ctx.starts_with_said_clause(tail):
            return True
    return False


_CLAUSE_CUT = lazy(r"[,;?!][’'”\"]{0,2}\s+")  # (“…,’’ Mr Hunt said: a closing mark typed as two)


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
        _VOICES.search(heading)
        or ctx.has_verb(heading)
        or ctx.phrase_re.search(heading)
        or _HEADING_SOURCE.search(heading)
    )


def _not_speech_at(ctx: _Ctx, scan: QuoteScan, q: Quote, sents: SentenceIndex) -> bool:
    s0, _ = sents.around(q.start, q.end)
    i = sents.index(s0)
    prev = scan.text[sents.spans[i - 1][0] : sents.spans[i - 1][1]] if i > 0 else ""
    return not_speech(ctx, scan, q, s0, prev)


def _blockquote_is_speech(
    ctx: _Ctx,
    texts: list[str],
    nested: bool = False,
    how_to: bool = False,
    emphasised_link: bool = False,
    linked: bool = False,
    introduced: bool = False,
) -> bool:
    """Is a blockquote someone's words (not a callout, an excerpt of a page, a poem or
    instructions to the reader)?"""
    # An empty credit ("> —") names nobody: judge the passage without it.
    text = _EMPTY_CREDIT.sub("", " ".join(texts))
    if _CALLOUT.match(text) or _ASIDE_START.match(text) or _URL_OR_EMAIL.search(text):
        return False  # a callout ("Note: ...", "Email the writer at ...", "This post was ...")
    if _LABELLED.match(text):
        # "Explanation: these changes …", "Ruiz: …": a callout's label or a transcript's
        # speaker label; either way no quotation left without a source
        return False
    if _ABOUT_THIS_POST.match(text):
        return False  # "This is a historic blog post at this point. …": a note to the reader

    if _ONE_QUESTION.fullmatch(text.strip(" \t*_")):
        return False  # "How do I collect the jump targets?": a question the page poses, not a remark
    if _opens_on_symbol(text):
        return False  # "😇 “…”" / "😢 “…”", "✅ …": wording shown as a good or bad example
    if word_count(text) < max(6, ctx.opts.min_quote_words):
        return False
    if _headline_like(text) and not (text.lstrip(" *_")[:1] in '"“‘«' and _FIRST_PERSON.search(text)):
        return False  # a headline or a teaser; a quoted remark in the first person is speech, punctuated or not
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
    if not quoted and not linked and _DEFINITION.match(t) and len(SentenceIndex(text).spans) <= 2:
        return True  # "A network is a group of …": someone's definition, set off as a quotation
    if not quoted and not introduced and not _FIRST_PERSON.search(text):
        if _SECOND_PERSON.search(text):
            return False  # set off without a lead-in and addressed to the reader: a pull-out, a job ad
        if (
            len(SentenceIndex(text).spans) <= 2
            and not _PROPER_AFTER_START.search(text)
            and _GENERIC.search(text)
            and not _PAST.search(text)
        ):
            return False  # one general statement set off for emphasis, not anyone's words
    if quoted or _FIRST_PERSON.search(text):
        return True
    # A third-person passage: an excerpt of a report (its figures), a verse (lines without
    # closing punctuation) and an indented aside ("> >") are not someone's words.
    end = text.rstrip(" \t*_)]\"'”’»").rstrip("\u2026.")
    if linked:
        return False  # a passage that links to where it comes from: an excerpt, a definition
    if (
        nested
        or not text.rstrip(" \t*_)]\"'”’»").endswith((".", "!", "?", "\u2026"))
        or end.endswith((",", ";", ":"))
        or _FIGURES.search(text)
    ):
        return False
    if _LABEL_HEAD.match(t):
        return False  # "Mission of the Chief Data Scientist: …": a labelled statement
    return True


def _blockquote_ok(
    ctx: _Ctx,
    doc: Document,
    top: Block,
    group: list[Block],
    intro: Block | None,
    sc: Block | None,
    scans: dict[int, QuoteScan],
) -> bool:
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
    if _NAME_AFTER_CLOSE.search(last):
        return True  # "“… only performance is reality.” Harold S. Geneen": a credit without a dash
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
    if (
        len(group) >= 2
        and words_at_most(first, 10)
        and (
            group[0].attrs.get("emphasis")
            or first.lstrip()[:1] in "*_"
            or _OPENS_EMPHASIS.search(doc.source, max(0, group[0].span.start - 40), group[0].span.start)
        )
        and not first.rstrip(" *_").endswith((".", "!", "?", ":", ",", "\u201d", '"'))
    ):
        return True  # a box under its own title ("*Meeting Our Own Standards*"): a sidebar
    if _USER_STORY.match(first):
        return True  # "As a website visitor, I want …, so that …": a template, not speech
    if _OPENS_ON_LINK.match(doc.source, group[0].span.start, group[0].span.start + 200):
        return True  # "**[Partition issue on 11.2](…)** …": a linked title and its summary
    if intro is not None and intro.text is not None and not _PROMPT.match(_last_sentence(intro.text.text).rstrip()):
        # (a survey prompt above, "Why would you recommend it:", names nobody who answered)
        intro_block = intro
        iscan = scan_quotes(intro.text.text)
        whole = _outside(iscan) if iscan.quotes else intro.text.text
        last = _last_sentence(whole).rstrip()
        spans = SentenceIndex(whole).spans
        tail = whole[spans[-2][0] :] if len(spans) > 1 else whole  # the last two sentences
        if (
            _lead_in_names_source(ctx, last)
            or (
                last.rstrip(" *_").endswith((":", ","))
                and _has_link(doc, intro_block)
                and _NAMES_DOCUMENT.search(whole)
            )
            # ("The court heard that officers first inspected the flat …" reports evidence,
            # not whose words follow)
            or (ctx.attributes(last) and not _HEARD_THAT.search(last))
            or ctx.speaker_clause(tail)
            or _GROUP_SAID.search(tail)
            or _own_voice(group, whole)
            or _NAMES_DOCUMENT.search(last)
            or _EXAMPLE_INTRO.search(last)
            or (
                _has_link(doc, intro_block, 300)
                and (_RUNS_INTO.search(last) or _NAMES_DOCUMENT.search(whole) or not _speech_voice(group))
            )
            or ctx.phrase_re.search(last)
            or _TRANSCRIPT.search(last)
            # "Coolo calls on everyone to" + the blockquote: the passage finishes a sentence
            # whose subject is a person named at its start
            or (_STOPS_MID_SENTENCE.search(last) and _NAMED_SUBJECT.match(last))
        ):
            return True
    return False


_OPENS_EMPHASIS = lazy(r"<(?:em|i|strong|b)\b[^<>]{0,30}>\s*$", re.I)
# A blockquote's first paragraph opening on a link: the linked page's title.
_OPENS_ON_LINK = lazy(r"[\s>*_]*(?:<blockquote[^>]*>)?[\s>*_]*(?:\[[^\]]{3,200}\]\(|<a\s)", re.I)


# The last sentence before a blockquote stops mid-sentence (no closing punctuation).
_STOPS_MID_SENTENCE = lazy(r"[\w’'*_]$")
# It opens on a name and a verb ("Coolo calls on …", "Ana Ruiz asks …").
_NAMED_SUBJECT = lazy(
    r"[\W_]*(?!(?:The|This|That|These|Those|It|We|They|You|I|He|She|There|Here|Our|Its|A|An)\b)"
    r"[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?(?:,[^,]{1,80},)?\s+(?:\w+ly\s+)?[a-z]+s\b"
)


# One sentence that is a question, not in quotation marks.
_ONE_QUESTION = lazy(r"[^\"“”‘’«».!?\n]{3,300}\?")


def _opens_on_symbol(text: str) -> bool:
    t = text.lstrip(" \t*_>")
    return bool(t) and is_symbol(t[0])


def _speech_voice(group: list[Block]) -> bool:
    """A blockquote in the first person, or a remark in quotation marks: somebody's own
    words, which a link at the end of the paragraph above (to a project, a tool) does not
    source."""
    text = " ".join(b.text.text for b in group).strip(" *_")
    if SINGULAR_I.search(text):
        return True
    # A quoted question set off alone is a prompt or a tagline more often than a remark.
    return text[:1] in '"“‘«' and not text.rstrip('"”’» ').endswith("?")


_PLURAL_WE = lazy(r"\b(?:[Ww]e|[Oo]ur|[Uu]s|[Ww]e[’']re|[Ww]e[’']ll|[Ww]e[’']ve)\b")


def _own_voice(group: list[Block], intro: str) -> bool:
    """A short blockquote in the "we" of the organisation right after a paragraph in the
    same "we": the author's own point set off, not a third party's words."""
    text = " ".join(b.text.text for b in group).strip()
    if text[:1] in "\"“‘'«" or not words_at_most(text, 30) or len(SentenceIndex(text).spans) > 2:
        return False
    return bool(
        _PLURAL_WE.search(text)
        and not SINGULAR_I.search(text)
        and _PLURAL_WE.search(intro)
        and not SINGULAR_I.search(intro)
    )


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
    if end.endswith(":") and (_lead_names_speaker(ctx, end) or _DOC_WORD.search(end) or _THING_LEAD.search(end)):
        return True
    if end.endswith(":") and _HEARD_FROM.search(whole[-400:]):
        return True  # "We interviewed 22 caseworkers. A few themes came up again and again:"
    if end.endswith(":") and _WORDING_LEAD.search(end):
        return True  # "Do not use:": the items are wording to avoid, not anyone's words
    # "Here is a list of suggestions we got.": the list under it is those suggestions
    return bool(_DOC_SUBJECT.match(whole) or _LEAD_IN.search(last))
