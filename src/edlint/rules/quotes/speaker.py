"""Pattern matching for quote attribution: is there a speaker, a credit, or a cue that
makes a quotation something other than speech?"""

from __future__ import annotations

import re
from functools import lru_cache

from ...text.patterns import lazy
from ...text.quotes import (
    Quote,
    QuoteScan,
    fewer_words_than,
    is_title_case,
    looks_like_code,
    title_case_words,
    word_count,
    words,
    words_at_most,
)
from ...text.sentences import SentenceIndex
from .lexicon import _DETERMINER_BEFORE, _TOKEN, _cue_sets, _lexicon, _token_finder
from .options import QuotesOptions
from .view import _terminal

_HONORIFIC = r"(?:(?:Dr|Mr|Mrs|Ms|Mx|Prof|Sen|Rep|Gov|Gen|Sgt|Lt|Col|Capt|Rev|Sir|Dame|Lord|Lady)\.?\s+)?"
# Capitalised words that open a sentence without being anyone's name.
_FUNCTION_START = (
    r"(?!(?:The|A|An|This|That|These|Those|There|It|In|On|At|But|And|Or|So|More|Most|Some|Many|"
    r"Several|All|Both|Each|After|Before|When|While|If|As|For|With|By|From|Of|To|Then|Now|"
    r"Still|Also|However|Meanwhile|Last|Next|One|Two|Three|Other|Others|We|They|You|He|She|"
    r"His|Her|Its|Their|Our|My|Your|I)\b)"
)
_PASSIVE_AUX = lazy(r"\b(?:was|were|is|are|be|been|being|get|gets|got)\s+(?:\w+ly\s+)?$", re.I)
_BY_AGENT = lazy(r"\W*(?:\w+\W+){0,3}?by\b", re.I)
_DASH_NAME = lazy(r"[\s,.]*(?:[\u2014\u2013\u2015~]|--?)\s*(?:(?:via|from|by)\s+)?[A-Z\u00c0-\u00de\d]")
_PAREN_NAME = lazy(r"\s*\(\s*[A-Z][\w.’'-]+(?:\s+[A-Z][\w.’'-]+)+[^)]{0,40}\)")
_CREDIT_LINE = lazy(r"\s*(?:[\u2014\u2013\u2015~]|--?)\s*[A-Z\u00c0-\u00de]")
_ENDS_WITH_NAME = lazy(r"[A-Z][\w.’'-]+\s+[A-Z][\w.’'-]+[\s,]*(?:[A-Z][\w.’'-]*)?\s*$")
_COPULA = frozenset(
    {"is", "was", "were", "are", "be", "the", "a", "an", "its", "their", "our", "his", "her", "this", "that"}
)
_WORDS = lazy(r"e\.g\.|i\.e\.|[a-z][a-z’'-]*")
_EXAMPLE = lazy(
    r"\b(?:for example|for instance|e\.g\.|i\.e\.|such as|say)\W*$|\b(?:for example|for instance|e\.g\.)", re.I
)
_MENTION_AFTER = lazy(
    r"\s+(?:is|was|are|were|has|had|appears|appeared|became|becomes|remains|means|meant|refers|"
    r"sounds|seems|shows|showed|pops|starts|started|begins|began|requires|required|guides|"
    r"guided|drives|drove|became|captures|captured|sums|doesn[’']t|does not|isn[’']t|won[’']t|"
    r"no longer|applies|works|worked|holds|held|rings)\b"
)
_LINKISH_BEFORE = lazy(r"(?:\S*/\S*|\](?:\(|:)?)\s*$")
_SPEAKER_CUE = lazy(
    r"\b(?:i|we|he|she|they|you|someone|somebody|mayor|governor|president|chief|director|"
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
_READS_AFTER = lazy(
    r"[\s,]*(?:reads|read|said|says|stated|states|declares|declared|announces|announced|warns|warned)\s+"
    r"(?:the|a|an|our|their|its|his|her)\s+(?:[\w’'-]+\s+){0,3}?(?:slide|sign|banner|poster|screen|"
    r"headline|subject line|caption|title|label|message|page|note|letter|email|card|post|tweet|"
    r"notice|website|site|document|report|memo|guide|policy|statement|placard|t-shirt|shirt|sticker)\b",
    re.I,
)
_QUOTATIVE_LIKE = lazy(r"\b(?:was|were|is|am|are|[’']m|[’']re)\s+(?:all\s+|just\s+)?like,?\s*$", re.I)
# A sentence whose subject is one named person: "Patricia was very recently certified."
_BEAT = lazy(
    r"[\W_]*(?:The\s+(?=[A-Z]))?" + _HONORIFIC + _FUNCTION_START + r"(?P<name>[A-Z][a-z\u00e0-\u00ff’'-]+)"
    # A full name may take any verb ("Ana Lewis praises"); a single capitalised word only
    # one that cannot be a plural noun ("Patricia was", not "Heating costs").
    r"(?:(?:\s+[A-Z][a-z\u00e0-\u00ff’'-]+)+\s+(?:was|is|has|had|[a-z]+ed|[a-z]+s)"
    r"|\s+(?:was|is|has|had|[a-z]{2,}ed))\b"
)
# A capitalised word inside a sentence that is not a title-case run of a name of a thing:
# "What advice does Aaron have", "Kütt shared a story".
_PERSON_NAME = lazy(r"(?<=[a-z,] )[A-Z][a-z\u00e0-\u00ff’'-]+(?=\s+(?:[a-z]|[A-Z][a-z]+\s+[a-z]))")
_IN_PARENS = lazy(r"[(\[][^()\[\]]{0,30}$")
# A person's (or an organisation's) name earlier in the paragraph: "**Lakshmi Grama**,
# Senior Strategist at the Institute, ..."
_NAMED = lazy(
    _FUNCTION_START + r"\b(?P<name>[A-Z][a-z\u00e0-\u00ff’'-]+)\s+(?:[A-Z]\.\s+)?[A-Z][a-z\u00e0-\u00ff’'-]+\b"
    # ... used as a name: an appositive or a verb follows, not a third capitalised word or
    # a bracketed short form ("Minimal Viable Product (MVP)").
    r"(?=[*_]*,|\s+(?:[a-z]+ed|[a-z]+s|said|is|was|has|had|who|told|knows|knew|led|ran|runs|spoke|wrote)\b)"
)
_SAID_NAME = lazy(
    r"\b(?:said|says|told|added|explained|noted)\s+(?:(?:Dr|Mr|Mrs|Ms|Prof)\.?\s+)?([A-Z][a-z’'-]+(?:\s+[A-Z][a-z’'-]+)*)"
)
_THIRD_PERSON = lazy(r"\b(?:he|she|him|her|his|hers)\b", re.I)
# A colon lead-in whose source is a group: "However, some felt differently:"
_GROUP_LEAD = lazy(
    r"\b(?:some|others|many|several|a few|most|one|another)\s+(?:of\s+(?:them|us|the\s+\w+)\s+)?(?:\w+ly\s+)?"
    r"(?:[a-z]+ed|felt|thought|wrote|said|told|put it|had|have|say|feel|think|write)\b",
    re.I,
)
# A group of people as the source, right before the quotation.
_GROUP_SOURCE = lazy(
    r"(?:^|[.!?;,]\s+|\b(?:and|but)\s+)(?:many|some|others|several|most|few|all)(?:\s+(?:of\s+)?(?:them|us|"
    r"participants|attendees|learners|students|users|members|colleagues|respondents|readers))?"
    r"\s+(?:have|had|has|say|said|described|describe|call|called|told|wrote|write|added)"
    r"(?:\s+(?:it|him|her|them|us|this|that))?(?:\s+as)?[\s,:]*$",
    re.I,
)
# Speech that nobody said: hypothetical, imagined, typical or recommended wording.
_IMAGINED = lazy(
    r"\b(?:(?:might|may|could|would|will|should|can|must|often|usually|sometimes|tend to|"
    r"likely to|never|always)\s+(?:\w+\s+)?(?:think|say|ask|wonder|feel|tell|hear|respond|reply|"
    r"answer|write|type|search)|imagine|imagining|pretend|as if|as though|instead of|rather than|"
    r"something like|along the lines of|words like|phrases like|questions like|statements like|"
    r"thinking|wondering|asking (?:themselves|yourself|ourselves)|ask (?:yourself|themselves|ourselves)|"
    r"(?:you|we|they|people|users|customers|visitors|readers|someone|somebody|many|most)\s+"
    r"(?:say|ask|think|wonder|hear|type|search)|(?:saying|asking|hearing|telling (?:them|people|users|us|you))|"
    r"(?:trap|mindset|attitude|temptation|habit|assumption|belief|feeling|idea|notion|myth|"
    r"mentality|culture|spirit)\s+(?:of|that)|(?:begins|starts|opens|ends)(?:\s+with)?|"
    r"(?:a|the)\s+(?:few|couple of|chorus of|lot of|series of)|published|basically|"
    r"(?:is|are|was|were)\s+(?:defined|described|summed up)\s+as|"
    r"(?:seems?|seemed|appears?|appeared)\s+to\s+be|amounts?\s+to|boils?\s+down\s+to)"
    r"[\s,:*_-]*$",
    re.I,
)
# A quotation that is a noun phrase of the sentence, not a remark: the object of a
# preposition ("shifting from “…” to “…”", "room to improve on “…”"), a quotation with an
# article or an adjective in front ("the dreaded “…”", "an “… booth"), or one the sentence
# names ("Consider it more “…”", "call it “…”").
_PREP_BEFORE = lazy(
    r"\b(?:on|of|from|with|about|into|onto|than|between|toward|towards|over|under|against|"
    r"via|despite|without|within|beyond|among|upon)[\s*_]*$",
    re.I,
)
_NOUN_USE_BEFORE = lazy(
    r"\b(?:a|an|the|this|these|those)\s+((?:dreaded|old|familiar|usual|famous|classic|"
    r"proverbial|infamous|well-known|so-called|common|typical|oft-repeated|age-old|standard|same|"
    r"whole|entire|new|good old)[\s,]+)?[*_]*$",
    re.I,
)
_NAMING = lazy(
    r"\b(?:call|calls|called|calling|consider|considers|think of|thinking of)\s+(?:it|this|that|them|"
    r"these|those)\s+(?:as\s+)?(?:more\s+|less\s+|rather\s+|simply\s+|just\s+|a\s+(?:kind|sort|case|"
    r"form)\s+of\s+)?[\s,*_]*$",
    re.I,
)
# The sentence says what the quotation is: a mantra, a motto, a typical excuse.
_MENTION_SUBJECT = lazy(
    r"\b(?:mantras?|mottos?|mottoes|slogans?|taglines?|sayings?|adages?|maxims?|refrains?|"
    r"catchphrases?|watchwords?|rallying cry|battle cry|the term|a term)\b|"
    r"\b(?:typical|common|usual|frequent|familiar|standard|stock|classic|favou?rite|popular|"
    r"perennial|inevitable)\s+(?:[\w-]+\s+)?(?:excuses?|refrains?|responses?|complaints?|answers?|"
    r"replies|reply|reactions?|questions?|objections?|lines?|arguments?|comments?|phrases?|jokes?|"
    r"retorts?|pushback)\b",
    re.I,
)
# A subject and a verb: a quotation that has them is a clause someone could have said; one
# without is a name, a title, a slogan or a term.
_FINITE = lazy(
    r"\b(?:I|[Ww]e|[Yy]ou|[Hh]e|[Ss]he|[Tt]hey|[Ii]t|[Tt]here|is|are|was|were|am|be|been|has|"
    r"have|had|do|does|did|will|would|can|could|should|shall|may|might|must)\b|n[’']t\b|"
    r"[’'](?:re|ve|ll|d|m)\b|\b(?:it|that|what|there|he|she|who)[’']s\b",
    re.I,
)
# A passive verb of saying with no agent: "was criticized as “…”", "blamed on “…”"
_PASSIVE_SAYING = lazy(
    r"\b(?:(?:was|were|been|being|is|are|be)\s+)?(?:\w+ly\s+)?(?:criticized|criticised|described|blamed|"
    r"dismissed|condemned|praised|hailed|attacked|derided|slammed|denounced|characterized|characterised|"
    r"branded|decried|lauded|ridiculed|mocked|labelled|labeled)\s+(?:as|on|for)?[\s,*_]*$",
    re.I,
)
_SECOND_PERSON_WORD = lazy(r"\b(?:you|your|yourself)\b", re.I)
_HOLDS_THAT = lazy(
    r"\b(?:found|finds|feels|felt|believes|believed|observed|observes|learned|learnt|realized|realised|"
    r"discovered|knows|knew)\s+that[\s,]*$"
)
_FULL_NAME = lazy(_FUNCTION_START + r"\b[A-Z][a-z\u00e0-\u00ff’'-]+\s+(?:[A-Z]\.\s+)?[A-Z][a-z\u00e0-\u00ff’'-]+\b")
_CONTINUES = lazy(r"[*_]*[\s,]+[a-z]")
# "Knowledge is “Tom Smith is the CEO …”": a sentence given as an example of a thing.
_EXAMPLE_OF = lazy(
    r"[\W_]*(?!(?:he|she|they|i|we|it|you|his|her|their|our|my)\b)(?:[\w’'-]+\s+){1,3}(?:is|are)\s*$", re.I
)
# A fragment quoted from a document the sentence (or the one before) names.
_DOC_NAMED = lazy(
    r"\b(?:the|this|that|these|its|their|a|an)\s+(?:[\w’'.-]+\s+){0,3}?(?:report|study|survey|plan|"
    r"strategy|agreement|policy|guidance|memo|law|act|bill|order|rule|regulation|standard|guide|"
    r"handbook|manual|charter|definition|document|paper|infographic|contract|announcement|release|"
    r"framework|roadmap|directive|mandate|license|licence)s?\b|\b(?:section|clause|article|paragraph|"
    r"chapter)\s+\d",
    re.I,
)
# A group acting just before a quotation in “we”: "The second team got up. “We present …”"
_COLLECTIVE_BEAT = lazy(
    r"[\W_]*the\s+(?:[\w’'-]+\s+){0,2}(?:team|group|committee|panel|board|class|crew|company|council|"
    r"band|family|couple|pair|students|organizers|organisers)\s+[a-z]+",
    re.I,
)
_WE_VOICE = lazy(r"\b(?:[Ww]e|[Oo]ur|[Uu]s)\b")
_HONORIFIC_BEAT = lazy(r"[\W_]*(?:Dr|Mr|Mrs|Ms|Mx|Prof)\.?\s+[A-Z][a-z’'-]+\s+(?:\w+ly\s+)?[a-z]+s\b")
# A subject with a title before the name: "18F Developer and Product Manager Jo Tan was …"
_TITLED_BEAT = lazy(
    r"[\W_]*(?:(?:[A-Z\d][\w.’'-]*|and|of|&)\s+){1,8}?(?P<name>[A-Z][a-z’'-]+)\s+[A-Z][a-z’'-]+\s+"
    r"(?:was|is|has|had|[a-z]+ed)\b"
)
_BRAND_OR_ACRONYM = lazy(r"\b(?:[a-z]+[A-Z][\w-]*|[A-Z]{2,}[a-z]?)\b")
_NAME_LIKE = lazy(r"(?<=[\w,] )[A-Z][a-z]+")
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
    r"project|datasets?|database|api|statement|message|email|tweet|note|caption|label|strategy|"
    r"recommendations?|principles?|manifesto|mission|vision|values|motto|goals?|benchmarks?|"
    r"guidelines?|requirements?|checklist|playbook|glossary|dictionary|charter|faq|blog|"
    r"newsletter|whitepaper|paper|plan|proposal|template|prompt|instructions?|description|"
    r"summary|abstract|preamble|clause|provision|criteria|objective|challenge|task|pledge"
)
_DOC_WORD = lazy(r"\b(?:" + _DOC_NOUNS + r")\b", re.I)
# Quoting a document: "the order directs agencies to “...”".
_DOC_SOURCE = lazy(
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
_DOC_NOUN_SET = frozenset(f for n in _DOC_NOUNS.split("|") for f in ((n[:-2], n[:-1]) if n.endswith("s?") else (n,)))
_DOC_VERBS = frozenset("read reads states stated says said notes noted added".split())


@lru_cache(maxsize=8)
def _with_document_nouns(heads: frozenset) -> frozenset:
    """The words has_verb(documents=True) looks at: verb heads and document nouns."""
    return heads | _DOC_NOUN_SET


# Words that cannot be the one speaker of a quotation: groups and function words. "Officials
# said ..." paraphrases many people; the next quotation still needs its own speaker.
_NOT_ONE_SPEAKER = frozenset(
    """officials residents police critics experts analysts researchers officers participants
    users people others many some several they we you it this that these those there the a an
    and but so in on at for after before when while if as also then now still both all most
    families neighbors neighbours parents students teachers workers employees members voters
    supporters opponents agencies reports studies documents authorities leaders staff""".split()
)
_ROLE = (
    r"mayor|governor|president|chief|director|spokes(?:wo)?man|spokesperson|chair(?:wo)?man|chair|"
    r"minister|secretary|senator|officer|manager|owner|founder|coach|captain|author|designer|"
    r"engineer|lawyer|attorney|judge|sheriff|superintendent|principal|ceo|head|leader|analyst|"
    r"researcher|professor|doctor|nurse|official|commissioner|administrator|lead|resident|"
    r"woman|man|mother|father|witness|survivor|volunteer|organizer|organiser|developer"
)
# Reporting verbs that say someone spoke (not "thought", "heard", "wondered").
_WEAK_VERBS = frozenset(
    "think thought thinks thinking hear heard hears hearing remember remembered "
    "remembers wonder wondered wonders".split()
)
# A transcript turn: "Catherine:", "**Q:**", "Dr. Ruiz:" at the start of a paragraph.
_SPEAKER_LABEL = lazy(r"[\W_]{0,3}(?:" + _HONORIFIC + r"[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,2}|Q|A)\s*[*_]*:(?:\s|$)")


@lru_cache(maxsize=8)
def _speaker_patterns(single: frozenset) -> tuple[re.Pattern, re.Pattern]:
    """(a reporting verb with one named or pronoun speaker anywhere in a text, the same
    clause at the start of a text)."""
    verbs = sorted((v for v in single if v.isascii() and v not in _WEAK_VERBS), key=len, reverse=True)
    v = "(?:" + "|".join(re.escape(x) for x in verbs) + ")" if verbs else "(?!)"
    role = r"[Tt]he\s+(?:[\w’'-]+\s+){0,2}(?:" + _ROLE + r")"
    name = _FUNCTION_START + r"(?P<name>[A-Z][\w’'-]+)(?:\s+" + _HONORIFIC + r"[A-Z][\w’'.-]+)*"
    subject = r"(?:\b(?:he|she|He|She|I)|" + role + r"|(?<![\w’'-])" + name + r")"
    appositive = r"(?:,\s+(?:[^\s,\"“”]+\s+){0,10}?[^\s,\"“”]+,)?"
    anywhere = re.compile(
        subject + r",?\s+(?:also\s+|later\s+|then\s+)?" + v + r"\b"
        r"|\b" + v + r"\s+" + _HONORIFIC + r"[A-Z][\w’'-]+"
        r"|\b[Aa]ccording\s+to\s+" + _HONORIFIC + r"[A-Z][\w’'-]+"
    )
    start = re.compile(
        r"[\W_]{0,3}(?:" + subject + appositive + r"\s+(?:also\s+|later\s+|then\s+)?" + v + r"\b"
        r"|(?i:" + v[3:-1] + r")\s+" + _HONORIFIC + r"[A-Z])"
    )
    return anywhere, start


def _one_speaker(m: re.Match | None) -> bool:
    if m is None:
        return False
    name = m.groupdict().get("name")
    return not (name and name.lower() in _NOT_ONE_SPEAKER)


def _credit_line(text: str) -> bool:
    """“— Tom Black, TTS Strategic Partnerships”: a line that names the speaker above it."""
    return bool(_CREDIT_LINE.match(text)) and words_at_most(text, 20)


def _credit_like(text: str) -> bool:
    """A credit under a blockquote: a dash line, or a short unpunctuated line that is a
    title or ends with a name ("News industry analyst Ken Doctor", "UX Matters")."""
    t = text.strip()
    if _credit_line(t):
        return True
    if _terminal(t) or not words_at_most(t, 15):
        return False
    return bool(_ENDS_WITH_NAME.search(t)) or is_title_case(t.strip(" .,"))


# has_verb reads tokens one by one until it has been called this often in the process;
# then it compiles the two finder patterns (about 12 ms, cached per word list), which pay
# for themselves only over many articles: a pre-commit run on one file should not wait.
_FINDER_AFTER_CALLS = 64
_tokenwise_calls = 0


class _Ctx:
    __slots__ = (
        "cues",
        "doc_head_finder",
        "doc_heads",
        "head_finder",
        "known_re",
        "labels",
        "lex",
        "multi_cues",
        "opts",
        "phrase_re",
    )

    def __init__(self, opts: QuotesOptions) -> None:
        self.lex = _lexicon(tuple(opts.speech_verbs), tuple(opts.attribution_phrases))
        # The words has_verb looks at: any word a reporting verb starts with, and with
        # documents=True the document nouns as well.
        self.doc_heads = _with_document_nouns(self.lex.heads)
        self.head_finder: re.Pattern[str] | None = None
        self.doc_head_finder: re.Pattern[str] | None = None
        self.phrase_re = self.lex.phrase_re
        self.cues, self.multi_cues, self.labels = _cue_sets(tuple(opts.title_cues), tuple(opts.label_nouns))
        self.opts = opts
        # The people the article quotes with a reporting verb somewhere ("Laura said"):
        # once introduced, a name alone identifies them. Set by learn_speakers.
        self.known_re: re.Pattern | None = None

    def learn_speakers(self, texts: list[str]) -> None:
        """Remember the names that are the subject of a reporting verb in ``texts``."""
        anywhere, _ = _speaker_patterns(self.lex.single)
        names: set[str] = set()
        for t in texts:
            if not self.has_verb(t):
                continue
            for m in anywhere.finditer(t):
                name = m.groupdict().get("name")
                if name:
                    names.update(
                        w
                        for w in name.split()
                        if w[:1].isupper() and w.lower() not in _NOT_ONE_SPEAKER and w not in _MONTHS and len(w) > 2
                    )
            for m in _SAID_NAME.finditer(t):
                names.update(w for w in m.group(1).split() if w.lower() not in _NOT_ONE_SPEAKER and len(w) > 2)
        if names:
            alts = "|".join(sorted(map(re.escape, names), key=len, reverse=True))
            self.known_re = re.compile(
                r"(?<![\w’'-])(?:" + alts + r")\s+(?:\w+ly\s+)?(?:is|was|has|had|[a-z]{2,}s|[a-z]{2,}ed)\b"
            )

    def known_subject(self, text: str) -> bool:
        """Is a person the article quotes elsewhere the subject of a clause in ``text``
        ("Laura is most proud of", "Short encourages everyone")?"""
        return self.known_re is not None and self.known_re.search(text) is not None

    def has_verb(self, text: str, documents: bool = False) -> bool:
        """A reporting verb that is not a passive without agent ("was described as") and
        not a noun ("in his remarks"); with ``documents``, also a document noun followed
        by "read", "says", "stated" ..."""
        if "\u0130" in text or "\u03a3" in text:
            return self._has_verb_tokenwise(text, documents)  # see _token_finder
        if self.head_finder is None:
            global _tokenwise_calls
            _tokenwise_calls += 1
            if _tokenwise_calls <= _FINDER_AFTER_CALLS:
                return self._has_verb_tokenwise(text, documents)
            self.head_finder = _token_finder(self.lex.heads)
            self.doc_head_finder = _token_finder(self.doc_heads)
        finder = self.doc_head_finder if documents else self.head_finder
        # Only the tokens that could count, found in one pass over the lowered text.
        for m in finder.finditer(text.lower()):
            if self._verb_at(text, m.start(1), m.end(1), m.group(1), documents):
                return True
        return False

    def _has_verb_tokenwise(self, text: str, documents: bool) -> bool:
        """has_verb reading every token of ``text``: the plain form, right for any text."""
        heads = self.doc_heads if documents else self.lex.heads
        for m in _TOKEN.finditer(text):
            word = m.group().lower()
            if word in heads and self._verb_at(text, m.start(), m.end(), word, documents):
                return True
        return False

    def _verb_at(self, text: str, start: int, end: int, word: str, documents: bool) -> bool:
        """Does the token ``text[start:end]`` (``word`` lowercased) count for has_verb?"""
        lex = self.lex
        if documents and word in _DOC_NOUN_SET:
            following = [t.lower() for t in _TOKEN.findall(text, end, end + 30)[:2]]
            if any(t in _DOC_VERBS for t in following):
                return True
        if word not in lex.single:
            rests = lex.multi.get(word)
            if rests is None:
                return False
            # Most heads of multi-word forms are common words ("a" of "a déclaré", "point"):
            # look at the next token alone before reading the words after it.
            second = _TOKEN.search(text, end, end + 40)
            if second is None or second.group().lower() not in lex.seconds[word]:
                return False
            nxt = [t.lower() for t in _TOKEN.findall(text, end, end + 40)]
            if not any(tuple(nxt[: len(r)]) == r for r in rests):
                return False
        before = text[max(0, start - 30) : start]
        if word in lex.nounish and _DETERMINER_BEFORE.search(before):
            return False
        agentless_passive = not word.endswith("ing") and _PASSIVE_AUX.search(before) and not _BY_AGENT.match(text, end)
        return not agentless_passive

    def attributes(self, text: str) -> bool:
        """A reporting verb, or a document that speaks ("the statement read")."""
        return self.has_verb(text, documents=True)

    def speaker_clause(self, text: str) -> bool:
        """A reporting verb with one identifiable speaker: "he said", "said Dr Ruiz",
        "Ruiz told", "according to Ruiz" (not "officials said", not "residents told")."""
        anywhere, _ = _speaker_patterns(self.lex.single)
        return any(_one_speaker(m) for m in anywhere.finditer(text))

    def starts_with_said_clause(self, text: str) -> bool:
        """Does the text open with its speaker and a reporting verb ("Ruiz, who runs the
        bakery, said ...", "Said Ruiz: ...", "She added that ...")?"""
        if text.lstrip()[:1] in "\"“‘'«":
            return False
        _, start = _speaker_patterns(self.lex.single)
        return _one_speaker(start.match(text))

    def names_speaker(self, text: str) -> bool:
        """Does an introduction ("Another key stakeholder said:") point at a source?"""
        if self.has_verb(text) or self.phrase_re.search(text) or _SPEAKER_CUE.search(text) or _GROUP_LEAD.search(text):
            return True
        if _SPEAKER_LABEL.fullmatch(text.strip() + " "):
            return True  # "Melody:" on its own line: a transcript's speaker
        if any(m.group(0) not in _MONTHS for m in _NAME_LIKE.finditer(text)):
            return True
        return bool(_BRAND_OR_ACRONYM.search(text))  # "comScore sites:", "As GSA put it:"

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
        # One word list for both tests: the punctuation stripped from ``core`` is never
        # part of a word, so ``words(core) == ws``.
        ws = words(inner)
        if len(ws) < self.opts.min_quote_words:
            return False
        core = inner.strip(" \t.,;:!?\u2026")
        return not (looks_like_code(core) or title_case_words(ws))

    def not_speech(self, scan: QuoteScan, q: Quote, s0: int, prev_sentence: str) -> bool:
        """A label, an example, a term woven into a sentence, a document excerpt, or
        imagined speech: a quotation that needs no speaker."""
        text = scan.text
        inner = q.inner(text).strip()
        before = scan.outside_text(s0, q.start)
        if self.cue_before(before):
            return True
        if not _PASSIVE_SAYING.search(before):
            # (not "The plan was criticized as “…”": someone said it, and nobody is named)
            noun_use = _NOUN_USE_BEFORE.search(before)
            if (
                noun_use
                and not noun_use.group(1)
                and q.closed
                and not (inner[-1:] not in ".!?,;:\u2026" and _CONTINUES.match(text, q.end))
            ):
                noun_use = None  # "is a “version of …”": a fragment that may still be quoted words
            if _SECOND_PERSON_WORD.search(before) and not self.has_verb(before) and not self.phrase_re.search(before):
                return True  # "If you must, do so deliberately: “I know this isn't on the agenda …”": wording for the reader
            if _PREP_BEFORE.search(before) or noun_use or _NAMING.search(before):
                return True  # from “…” to “…”, the dreaded “…”, consider it “…”: a noun phrase of the sentence
            if _MENTION_SUBJECT.search(before) and not self.has_verb(before):
                return True  # "The mantra we use, “…”", "A typical excuse was “…”"
            if inner[:1].isupper() and _EXAMPLE_OF.match(before) and not self.has_verb(before):
                return True  # "Knowledge is “Tom Smith is the CEO …”": an example sentence
            first_alpha = next((c for c in inner if c.isalpha()), "")
            if first_alpha.islower() and _DOC_NAMED.search(prev_sentence + " " + before):
                return True  # "The study will review the “current standards …”": the document's words
        lead = before.rstrip(" \t*_")
        if lead.endswith(":"):
            # "18F recommendation: “…”", "Myth: “…”", "The agency's one caveat: “…”":
            # a short label, or an introduction that names its source.
            label = lead[:-1]
            if words_at_most(label, 6) or self.names_speaker(label) or _DOC_WORD.search(label):
                return True
        if _IN_PARENS.search(scan.outside_text(max(0, q.start - 120), q.start)):
            return True  # a parenthesised example: (“Who changed this record?”), (with follow-up “…”)
        if _GROUP_SOURCE.search(before[-80:]):
            return True  # "Many have “…”", "Others describe it as “…”": a group's words
        if _IMAGINED.search(before[-120:]):
            return True  # users might think “…”, imagine asking “…”
        if not q.closed and inner[:1].islower():
            return True  # a stray mark before a phrase: quote-unbalanced reports it
        if _READS_AFTER.match(text, q.end):
            return True  # “This is a pilot.” reads the final slide
        if (
            inner.rstrip("!").endswith("?")
            and scan.outside_text(0, len(text)).strip(" \t*_.,;:-—")
            and words_at_most(inner, 15)
        ):
            return True  # a question voiced in the author's prose: “Where do I begin?”
        if not before.strip() and prev_sentence.rstrip().endswith(("?", ":")) and word_count(prev_sentence) <= 4:
            if self.cue_before(prev_sentence.rstrip(" ?:")):
                return True  # "The tagline? “Meth. We're on it.”"
        unpunctuated = inner[-1:] not in ".!?,;:\u2026"
        m = re.match(r"\s+([A-Za-z]+)", text[q.end : q.end + 30])
        if m and m.group(1).lower() in self.labels and unpunctuated:
            return True
        if unpunctuated and not _FINITE.search(inner) and _CONTINUES.match(text, q.end):
            return True  # “Put help in your hand” by downloading …: a slogan or a name inside the sentence
        if (unpunctuated or inner.endswith(("?", ","))) and _MENTION_AFTER.match(text, q.end):
            return True  # the quotation is a noun phrase: “Meth. We're on it” is appearing ...
        first = next((c for c in inner if c.isalnum()), "")
        if first.islower() and before.strip() and fewer_words_than(inner, self.opts.min_fragment_words):
            return True  # a short phrase woven into the sentence: a term, not a quote
        if unpunctuated and before.strip() and not before.rstrip().endswith((":", ",")) and words_at_most(inner, 5):
            return True  # "leverage 'Single Audit finding data' that …": a short term mid-sentence
        return bool(_DOC_SOURCE.search(before))  # the order directs agencies to "..."

    def attributed_nearby(self, scan: QuoteScan, q: Quote, sents: SentenceIndex) -> bool:
        """An attribution phrase in the quotation's sentences, a quotative "was like", a
        name after a dash or in brackets right after it, or a named subject of the
        sentence just before it in the paragraph ("Patricia was certified last year. “…”")."""
        text = scan.text
        s0, s1 = sents.around(q.start, q.end)
        outside = scan.outside_text(s0, s1)
        if self.phrase_re.search(outside):
            return True
        before = scan.outside_text(s0, q.start)
        if _QUOTATIVE_LIKE.search(before):
            return True  # I was like, “Well, I don’t know …”
        m = _BEAT.match(before)
        if m and m.group("name").lower() not in _NOT_ONE_SPEAKER and not _THIRD_PERSON.search(q.inner(text)):
            return True  # "Lewis highlighted the memo and urged teams to use it, “This is …”"
        if (_HONORIFIC_BEAT.match(before) or self.known_subject(before)) and not _THIRD_PERSON.search(q.inner(text)):
            return True  # "Dr. Sarosy applauds them for “…”", "Laura is most proud of “…”"
        # A person named earlier in the paragraph ("**Lakshmi Grama**, Senior Strategist,
        # knows this well. … “When people find value, they’ll work together.”"), unless
        # the quotation speaks of them.
        named = [
            n
            for n in _NAMED.finditer(scan.outside_text(0, q.start))
            if n.group("name") not in _MONTHS and n.group("name").lower() not in _NOT_ONE_SPEAKER
        ]
        if named and not _THIRD_PERSON.search(q.inner(text)):
            return True
        if not before.strip():
            i = sents.index(s0)
            if i > 0:
                ps, pe = sents.spans[i - 1]
                prev = scan.outside_text(ps, pe)
                m = _BEAT.match(prev)
                named = bool(m) and m.group("name").lower() not in _NOT_ONE_SPEAKER
                # "What advice does Aaron have for other agencies? “…”": a person named
                # in the sentence just before, not as its first word.
                named = named or any(
                    n.group(0) not in _MONTHS and n.group(0).lower() not in _NOT_ONE_SPEAKER
                    for n in _PERSON_NAME.finditer(prev)
                )
                named = named or bool(_HONORIFIC_BEAT.match(prev)) or self.known_subject(prev)
                if _COLLECTIVE_BEAT.match(prev) and _WE_VOICE.search(q.inner(text)):
                    return True  # "The second team got up. “We present …”": the group speaks
                if named:
                    # ... unless the quotation speaks of that person ("She has been ...").
                    return not _THIRD_PERSON.search(q.inner(text))
        if _HOLDS_THAT.search(before) and _FULL_NAME.search(before):
            return True  # "Ana Ruiz from the State Department found that “…”": her conclusion, in her words
        return bool(_DASH_NAME.match(text, q.end) or _PAREN_NAME.match(text, q.end))
