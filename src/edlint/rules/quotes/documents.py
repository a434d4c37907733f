"""Documents as sources: the nouns of documents that can be quoted ("the order", "the
report", "the recommendation") and the verbs with which they speak ("the statement read")."""

from __future__ import annotations

import re
from functools import lru_cache

from ...text.patterns import lazy

# A fragment quoted from a document the sentence (or the one before) names.
_DOC_NAMED = lazy(
    r"\b(?:the|this|that|these|its|their|a|an)\s+(?:[\w’'.-]+\s+){0,3}?(?:report|study|survey|plan|"
    r"strategy|agreement|policy|guidance|memo|law|act|bill|order|rule|regulation|standard|guide|"
    r"handbook|manual|charter|definition|document|paper|infographic|contract|announcement|release|"
    r"framework|roadmap|directive|mandate|license|licence)s?\b|\b(?:section|clause|article|paragraph|"
    r"chapter)\s+\d",
    re.I,
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
    r"summary|abstract|preamble|clause|provision|criteria|objective|challenge|task|pledge|"
    r"editorial|review|audit|findings|records|documents|letters|testimony|transcript|minutes|petition|"
    r"complaints|filings|emails|messages|posts|memos|reports|studies|orders|rulings|"
    # notices that speak for someone: "…,” the ad read.
    r"ad|ads|advert|advertisement|classified|flyer|leaflet|brochure|placard|invitation|card"
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
# Bodies that speak through their findings and statements ("the commission found", "the
# board wrote"): sources, as documents are.
_BODY_NOUNS = (
    "commission|committee|board|agency|department|office|council|court|panel|authority|administration|"
    "company|campaign|university|district|ministry|review|inquiry|watchdog|auditor|regulator|tribunal"
)
_DOC_NOUN_SET = frozenset(
    f for n in (_DOC_NOUNS + "|" + _BODY_NOUNS).split("|") for f in ((n[:-2], n[:-1]) if n.endswith("s?") else (n,))
)
_DOC_VERBS = frozenset(
    "read reads states stated state says said say notes noted added found finds concluded concludes "
    "stipulates stipulated warned warns argued argues claimed claims".split()
)
# The verb before the document: "…,” read one post on the forum', "…,” reads a copy of the
# summary", "…,” came another complaint in March".
_SPOKEN_BY_DOCUMENT = (
    "post letter message email note complaint reply response comment review statement sign tweet summary "
    "report notice filing editorial memo document record petition text entry caption headline warning"
).split()
_DOC_AFTER_VERB = lazy(
    r"\b(?:read|reads|states|stated|says|said|came)\s+(?:a|an|the|one|another|its|their|his|her)\s+"
    r"(?:[\w’'-]+\s+){0,4}?(?:copy|version|excerpt|passage|"
    + "|".join(f"{n}|{n}s" for n in _SPOKEN_BY_DOCUMENT)
    + r")\b",
    re.I,
)


@lru_cache(maxsize=8)
def _with_document_nouns(heads: frozenset) -> frozenset:
    """The words has_verb(documents=True) looks at: verb heads and document nouns."""
    return heads | _DOC_NOUN_SET
