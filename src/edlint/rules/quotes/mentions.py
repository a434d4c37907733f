"""Quotations that are not speech: a label, a title, an example, a term woven into the
sentence, a document's words, imagined or hypothetical speech. Such a quotation needs no
speaker."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ...text.patterns import lazy
from ...text.quotes import Quote, QuoteScan, fewer_words_than, word_count, words_at_most
from .documents import _DOC_NAMED, _DOC_SOURCE, _DOC_WORD

if TYPE_CHECKING:
    from .speaker import _Ctx

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
_READS_AFTER = lazy(
    r"[\s,]*(?:reads|read|said|says|stated|states|declares|declared|announces|announced|warns|warned)\s+"
    r"(?:the|a|an|our|their|its|his|her)\s+(?:[\w’'-]+\s+){0,3}?(?:slide|sign|banner|poster|screen|"
    r"headline|subject line|caption|title|label|message|page|note|letter|email|card|post|tweet|"
    r"notice|website|site|document|report|memo|guide|policy|statement|placard|t-shirt|shirt|sticker)\b",
    re.I,
)
_IN_PARENS = lazy(r"[(\[][^()\[\]]{0,30}$")
# A group of people as the source, right before the quotation.
_GROUP_SOURCE = lazy(
    r"(?:^|[.!?;,]\s+|\b(?:and|but)\s+)(?:many|some|others|several|most|few|all)(?:\s+(?:of\s+)?(?:them|us|"
    r"participants|attendees|learners|students|users|members|colleagues|respondents|readers))?"
    r"\s+(?:have|had|has|say|said|described|describe|call|called|told|wrote|write|added)"
    r"(?:\s+(?:it|him|her|them|us|this|that))?(?:\s+as)?[\s,:]*$",
    re.I,
)


# After a quotation that opens its line: a comma, colon or dash, then the explanation of
# what the quoted name stands for ("…”, checking that …", "…”: which covers …").
_NAMED_ITEM_AFTER = lazy(
    r"[*_]*\s*(?:[,:;]|\s[\u2014\u2013-])\s*[*_]*(?:[a-z]+ing|which|that|where|i\.e\.|e\.g\.|meaning|for|to)\b"
)


def is_symbol(c: str) -> bool:
    """An emoji, a tick, a cross or another pictograph (not a letter, digit or punctuation)."""
    import unicodedata

    return unicodedata.category(c) in ("So", "Sk", "Sm")


def _marked_example(before: str) -> bool:
    """Only a symbol before the quotation (an emoji, a tick or a cross): wording shown as a
    good or bad example, as style guides and contribution guides do."""
    mark = before.strip(" \t*_>\u200d\ufe0f")
    return 0 < len(mark) <= 4 and all(is_symbol(c) for c in mark)


# A reference list's year, then the work's title: "Umeda, T. (2018). “…”".
_CITATION_BEFORE = lazy(r"\((?:19|20)\d\d[a-z]?\)[.,:]?[\s*_]*$")
# An option somebody picked in a form or a survey: "most indicated either “…” or “…”",
# "respondents selected “…”". The wording is the form's, not theirs.
_CHOSE_OPTION = lazy(
    r"\b(?:indicated|indicate|indicates|selected|select|selects|chose|choose|chooses|chosen|picked|"
    r"ticked|checked|ranked|rated|voted for|opted for)(?:\s+(?:either|both|only|mostly|the\s+(?:option|answer|response)))?"
    r"[\s,:*_]*$",
    re.I,
)
# A quotation used as a modifier in a noun phrase: "that “trusted tool …” experience",
# "our “move fast” culture". (After "that" a quotation is often reported speech — "she
# said that “…” — so the noun after the closing mark decides.)
_DETERMINER_BEFORE = lazy(r"\b(?:that|this|your|our|their|its|his|her|my)[\s*_]*$", re.I)
_NOUN_AFTER = lazy(
    r"[*_]*\s+(?!(?:is|was|are|were|and|or|but|to|as|he|she|they|we|it|said|says|says|has|had|have|will|would)\b)[a-z][a-z-]{2,}\b(?=[\s,.;:!?)]|$)"
)
# Speech that nobody said: hypothetical, imagined, typical or recommended wording.
_IMAGINED = lazy(
    r"\b(?:(?:might|may|could|would|will|should|can|must|often|usually|sometimes|tend to|"
    r"likely to|never|always)\s+(?:\w+\s+)?(?:think|say|ask|wonder|feel|tell|hear|respond|reply|reason|argue|object|"
    r"complain|protest|assume|insist|claim|counter|"
    r"answer|write|type|search)|imagine|imagining|pretend|as if|as though|instead of|rather than|"
    r"something like|along the lines of|words like|phrases like|questions like|statements like|"
    r"thinking|wondering|asking (?:themselves|yourself|ourselves)|ask (?:yourself|themselves|ourselves)|"
    r"(?:you|we|they|people|users|customers|visitors|readers|someone|somebody|many|most)\s+"
    r"(?:say|ask|think|wonder|hear|type|search)|(?:saying|asking|hearing|telling (?:them|people|users|us|you))|"
    r"(?:mumbling|muttering|whispering|shouting|yelling|blurting(?: out)?|repeating|apologi[sz]ing)|"
    r"(?:trap|mindset|attitude|temptation|habit|assumption|belief|feeling|idea|notion|myth|"
    r"mentality|culture|spirit)\s+(?:of|that)|(?:begins|starts|opens|ends)(?:\s+with)?|"
    r"(?:a|the)\s+(?:few|couple of|chorus of|lot of|series of)|published|basically|"
    r"(?:is|are|was|were)\s+(?:defined|summed up)\s+as|"
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
    r"form)\s+of\s+)?[\s,*_]*$"
    # a gloss or a naming: meaning “…”, doesn't just mean “…” but rather “…”, should be
    # thought of as “…”, stands for “…”
    r"|\b(?:meaning|means|mean|meant|stands? for|short for|translates? (?:to|as)|thought of as|"
    r"seen as|framed as|understood as|rather|versus|vs\.?)[\s,*_]*$",
    re.I,
)
_FIRST_WORD = lazy(r"[\W_]*([A-Za-z]+)\b")
_AS_BEFORE = lazy(r"\bas[\s*_]*$", re.I)
# The sentence says what the quotation is: a mantra, a motto, a typical excuse.
_MENTION_SUBJECT = lazy(
    r"\b(?:mantras?|mottos?|mottoes|slogans?|philosophy|ethos|credo|creed|taglines?|sayings?|adages?|maxims?|refrains?|"
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
_SPLICE_WORD = lazy(r"[A-Za-z][\w’'-]*")
# "A pilot is a “…”": a judgement on the subject (not "a declaration that is “…”", which
# splices a document's words into a relative clause)
_COPULA_BEFORE = lazy(
    r"(?<!\bthat )(?<!\bwhich )(?<!\bwho )\b(?:is|are|was|were|be|been|being|[’']s|[’']re)\s+(?:(?:a|an|the|not|just|only|simply)\s+)*[\s*_]*$",
    re.I,
)
_SECOND_PERSON_WORD = lazy(r"\b(?:you|your|yourself)\b", re.I)
_CONTINUES = lazy(r"[*_]*[\s,]+[a-z]")
# "Knowledge is “Tom Smith is the CEO …”": a sentence given as an example of a thing.
# "Going from “…” on Day 2 to": the second of a from/to pair (the first is blanked).
_FROM_TO = lazy(r"\bfrom\s{4,}(?:[\w’'-]+\s+){0,5}?to[\s*_]*$", re.I)
_EXAMPLE_OF = lazy(
    r"[\W_]*(?!(?:he|she|they|i|we|it|you|his|her|their|our|my)\b)(?:[\w’'-]+\s+){1,3}(?:is|are)\s*$", re.I
)


# A thing that shows or carries wording, as the subject of the clause leading into the
# quotation: "the banner on our forms had “…”", "the error message reads “…”", "a sign
# outside said “…”". The words are the thing's text (or its source), not a person's remark.
_WORDING_BEARER = lazy(
    r"\b(?:banners?|signs?|signage|notices?|posters?|placards?|stickers?|labels?|buttons?|headings?|captions?"
    r"|messages?|screens?|pages?|forms?|websites?|sites?|apps?|emails?|letters?|texts?|errors?|warnings?"
    r"|prompts?|dialog(?:ue)?s?|pop-?ups?|alerts?|logs?|output|t-?shirts?|mugs?|slides?)\b"
    r"(?:\s+[\w’'-]+){0,4}?\s+(?:had|has|have|said|says|read|reads|showed|shows|displayed|displays|stated"
    r"|states|printed|prints|announced|announces|asked|asks|told|tells)[\s,:*_]*$",
    re.I,
)


def cue_before(ctx: _Ctx, before: str) -> bool:
    if _EXAMPLE.search(before) or _LINKISH_BEFORE.search(before):
        return True
    if _WORDING_BEARER.search(before[-120:]):
        return True
    words = _WORDS.findall(before.lower()[-80:])
    while words and words[-1] in _COPULA:
        words.pop()
    if not words:
        return False
    if any(w in ctx.cues for w in words[-3:]):
        return True
    tail = " ".join(words[-4:])
    return any(tail.endswith(c) or (" " + c + " ") in (" " + tail + " ") for c in ctx.multi_cues)


def not_speech(ctx: _Ctx, scan: QuoteScan, q: Quote, s0: int, prev_sentence: str) -> bool:
    """A label, an example, a term woven into a sentence, a document excerpt, or
    imagined speech: a quotation that needs no speaker."""
    text = scan.text
    inner = q.inner(text).strip()
    before = scan.outside_text(s0, q.start)
    opener = _FIRST_WORD.match(before)
    if opener and opener.group(1)[:1].isupper() and opener.group(1).lower() in ctx.lemmas:
        return True  # "Ask the group to rank “…”": an instruction, the wording is the reader's
    if cue_before(ctx, before):
        return True
    # "was criticised as “…”", "is often described as “…”": somebody said it, unnamed;
    # the shapes of terms and slogans below do not make it a mention.
    said_of = bool(_PASSIVE_SAYING.search(before))
    if not said_of:
        # (not "The plan was criticized as “…”": someone said it, and nobody is named)
        noun_use = _NOUN_USE_BEFORE.search(before)
        if (
            noun_use
            and not noun_use.group(1)
            and q.closed
            and not (inner[-1:] not in ".!?,;:\u2026" and _CONTINUES.match(text, q.end))
        ):
            noun_use = None  # "is a “version of …”": a fragment that may still be quoted words
        if _SECOND_PERSON_WORD.search(before) and not ctx.has_verb(before) and not ctx.phrase_re.search(before):
            return (
                True  # "If you must, do so deliberately: “I know this isn't on the agenda …”": wording for the reader
            )
        if _AS_BEFORE.search(before) and not ctx.has_verb(before) and not ctx.phrase_re.search(before):
            return True  # "redesigned the site's identity as “…”": a name or a tagline it is given
        if _PREP_BEFORE.search(before) or noun_use or _NAMING.search(before):
            return True  # from “…” to “…”, the dreaded “…”, consider it “…”: a noun phrase of the sentence
        if _MENTION_SUBJECT.search(before) and not ctx.has_verb(before):
            return True  # "The mantra we use, “…”", "A typical excuse was “…”"
        if inner[:1].isupper() and _EXAMPLE_OF.match(before) and not ctx.has_verb(before):
            return True  # "Knowledge is “Tom Smith is the CEO …”": an example sentence
        first_alpha = next((c for c in inner if c.isalpha()), "")
        if first_alpha.islower() and _DOC_NAMED.search(prev_sentence + " " + before):
            return True  # "The study will review the “current standards …”": the document's words
    lead = before.rstrip(" \t*_")
    if lead.endswith(":"):
        # "18F recommendation: “…”", "Myth: “…”", "The agency's one caveat: “…”":
        # a short label, or an introduction that names its source.
        label = lead[:-1]
        if words_at_most(label, 6) or ctx.names_speaker(label) or _DOC_WORD.search(label):
            return True
    if _IN_PARENS.search(scan.outside_text(max(0, q.start - 120), q.start)):
        return True  # a parenthesised example: (“Who changed this record?”), (with follow-up “…”)
    if _GROUP_SOURCE.search(before[-80:]):
        return True  # "Many have “…”", "Others describe it as “…”": a group's words
    if q.closed and _DETERMINER_BEFORE.search(before) and _NOUN_AFTER.match(text, q.end) and not ctx.has_verb(before):
        return True  # that “trusted tool …” experience: the quotation names a kind of thing
    if (
        not before.strip(" \t*_-•")
        and q.closed
        and _NAMED_ITEM_AFTER.match(text, q.end)
        and not ctx.has_verb(text[q.end : q.end + 40])
    ):
        return True  # - “The order was placed”, checking that …: a named item of a list, not a remark
    if _marked_example(before):
        return True  # 😇 “X doesn't happen when I do Y” / 😢 “X is broken!”: good and bad wording
    if _CITATION_BEFORE.search(text[max(0, q.start - 60) : q.start]):
        return True  # Zenitani, S., & Umeda, T. (2018). “On the Boris solver …”: a cited title
    if _CHOSE_OPTION.search(before[-80:]):
        return True  # most indicated “…”: a survey's answer option
    if _IMAGINED.search(before[-120:]):
        return True  # users might think “…”, imagine asking “…”
    if _FROM_TO.search(before):
        return True  # from “what even is …” to “I just published …”: two states named
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
        if cue_before(ctx, prev_sentence.rstrip(" ?:")):
            return True  # "The tagline? “Meth. We're on it.”"
    unpunctuated = inner[-1:] not in ".!?,;:\u2026" and not said_of
    m = re.match(r"\s+([A-Za-z]+)", text[q.end : q.end + 30])
    if m and m.group(1).lower() in ctx.labels and unpunctuated:
        return True
    if unpunctuated and not _FINITE.search(inner) and _CONTINUES.match(text, q.end):
        return True  # “Put help in your hand” by downloading …: a slogan or a name inside the sentence
    if (unpunctuated or inner.endswith(("?", ","))) and _MENTION_AFTER.match(text, q.end):
        return True  # the quotation is a noun phrase: “Meth. We're on it” is appearing ...
    first = next((c for c in inner if c.isalnum()), "")
    if first.islower() and before.strip() and fewer_words_than(inner, ctx.opts.min_fragment_words) and not said_of:
        return True  # a short phrase woven into the sentence: a term, not a quote
    if (
        first.islower()
        and not said_of
        and len(_SPLICE_WORD.findall(before)) >= 2
        and not before.rstrip(" *_").endswith(":")
        and not _COPULA_BEFORE.search(before)
    ):
        # A fragment spliced into the writer's own sentence ("shops must limit capacity to
        # half “except where …”", "pledges to “keep …”"): the sentence around it says whose
        # words they are (a law, an order, the person it is about). A passive with no agent
        # ("was described as “…”") or a judgement after "is a" ("A pilot is a “small, cheap
        # version …”") leaves them without one.
        return True
    if unpunctuated and before.strip() and not before.rstrip().endswith((":", ",")) and words_at_most(inner, 5):
        return True  # "leverage 'Single Audit finding data' that …": a short term mid-sentence
    return bool(_DOC_SOURCE.search(before))  # the order directs agencies to "..."
