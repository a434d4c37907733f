"""The last word on a quote-attribution finding: is there any candidate speaker nearby?

The rule's detailed reading (context.py, speaker.py) decides which quotations look
unattributed. Each wave of tuning made that reading right on the prose it saw and wrong on
the next site, so a finding must also survive a blunt, site-independent test: a quotation is
reported only when nothing in its own paragraph, the unit before it or the unit after it
could be its speaker or source. Anything that could be (a capitalised name, a pronoun
subject with a verb, a credit-like line, a link, a lead-in ending with a colon) counts as an
attribution: a finding a copy editor disagrees with costs more than a miss.
"""

from __future__ import annotations

import bisect
import re

from ...document import Block, Document
from ...text.patterns import lazy
from ...text.quotes import QuoteScan
from .context import _NAMES_DOCUMENT, _PROMPT, TOPIC_LEAD, _last_sentence
from .names import _BRAND_OR_ACRONYM, _NOT_ONE_SPEAKER, _SPEAKER_CUE, _THIRD_PERSON, _credit_like
from .sources import SINGULAR_I, _shortcode_cite

# Capitalised words that open sentences or name things, not people.
_NOT_NAMES = frozenset(
    "A An The This That These Those There Here It Its It's Our We I You Your They Their He She His Her "
    "What When Where Why How Who Which If In On At For From By With As And But Or So Not No Yes "
    "One Two Three Some Many Most All Each Every Another Other Such After Before During Since "
    "While Once Also Then Now Today Yesterday Tomorrow Finally First Second Third Next Last "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May "
    "June July August September October November December Read See Learn Join Find Thanks Thank "
    "Please Note Update Share Let Let's Do Don't Be Is Are Was Were Has Have Had Will Can "
    "More Less Just Even Only Still Both Either Neither Like Unlike Because Although Though".split()
)
# Verbs of saying, writing, thinking and presenting: a subject before one of them could be
# the speaker of a quotation next to it ("Yuvi frames the problem here", "she recalls").
# Plain -s/-ed words are not enough: "Long days", "Carpentry workshops" are noun phrases.
_REPORTING = (
    r"(?:say|says|said|saying|note|notes|noted|add|adds|added|explain|explains|explained|"
    r"write|writes|wrote|written|tell|tells|told|share|shares|shared|frame|frames|framed|"
    r"recall|recalls|recalled|describe|describes|described|argue|argues|argued|remind|reminds|"
    r"reminded|mention|mentions|mentioned|ask|asks|asked|agree|agrees|agreed|believe|believes|"
    r"believed|think|thinks|thought|feel|feels|felt|put|puts|suggest|suggests|suggested|point|"
    r"points|pointed|observe|observes|observed|reflect|reflects|reflected|comment|comments|"
    r"commented|respond|responds|responded|reply|replies|replied|answer|answers|answered|"
    r"continue|continues|continued|put|puts|offer|offers|offered|summed|sums|quip|quips|quipped|"
    r"recount|recounts|recounted|remember|remembers|remembered|admit|admits|admitted|insist|"
    r"insists|insisted|warn|warns|warned|urge|urges|urged|highlight|highlights|highlighted|"
    r"emphasi[sz]e[sd]?|stress|stresses|stressed|joke|jokes|joked|wonder|wonders|wondered|"
    r"hope|hopes|hoped|want|wants|wanted|love|loves|loved|learn|learns|learned|learnt|"
    r"spoke|speaks|talk|talks|talked|hear|hears|heard|know|knows|knew|find|finds|found|"
    # an organisation or a document speaking: "W3C states", "WCAG 2.2 published …"
    r"publish|publishes|published|announce|announces|announced|release|releases|released|"
    r"state|states|stated|declare|declares|declared|recommend|recommends|recommended)"
)
_ADVERB = r"(?:\s+(?:also|then|later|further|again|too|often|always|never|just|once|\w+ly))?"
# "Josh London", "Dr. Dawn Wright": two capitalised words (only in the quotation's own
# paragraph, where a name is the likeliest speaker).
_TWO_CAPS = lazy(r"\b([A-Z][a-z\u00e0-\u00ff’'-]+)\s+(?:[A-Z]\.\s+)?([A-Z][a-z\u00e0-\u00ff’'-]+)\b")
# A capitalised subject before a verb of saying: "Yuvi frames", "Dawn says".
_NAME_SUBJECT = lazy(
    r"\b([A-Z][a-z\u00e0-\u00ff’'-]+|[A-Z]{2,}[A-Za-z]*(?:\s+\d+(?:\.\d+)*)?)"
    + _ADVERB
    + r"\s+(?P<verb>"
    + _REPORTING
    + r")\b"
)
# A pronoun subject before a verb of saying: "he notes", "she said", "they told us", "I think".
_PRONOUN_SUBJECT = lazy(r"\b(?:he|she|they|we|I)" + _ADVERB + r"\s+" + _REPORTING + r"\b")
# The paragraph gives its quotations as examples ("for example, “…”; or “…”"): what
# someone might say, not what someone said.
_EXAMPLE_CUE = lazy(r"\b(?:for example|for instance|e\.g\.|such as)\b", re.I)
# A credit that opens with a dash, in any case: "*- end-series survey*".
_DASH_CREDIT = lazy(r"[\s*_]*(?:[\u2014\u2013\u2015~]|--?)\s*\w")
_LINK = lazy(r"\]\(|\]\[[^\]\n]+\]|<a\s|https?://", re.I)
_QUOTE_MARKS = "\"“”‘’'«»"


def _two_caps(text: str) -> bool:
    return any(m.group(1) not in _NOT_NAMES and m.group(2) not in _NOT_NAMES for m in _TWO_CAPS.finditer(text))


# The paragraph after a quotation: its said-clause has a third person as subject. "We've
# heard that Go is easy to learn" is the author going on, not the quotation's speaker.
_THIRD_PRONOUN_SUBJECT = lazy(r"\b(?:he|she|they)" + _ADVERB + r"\s+" + _REPORTING + r"\b")


def _speaking_subject(text: str, third_person_only: bool = False) -> bool:
    """A pronoun or a capitalised word as the subject of a verb of saying; a group noun
    ("Residents said …", "Critics say") paraphrases many people and names no one speaker.
    A short label with no closing punctuation ("**Shared notes**") is a list heading."""
    t = text.strip(" *_\t\n")
    if len(t.split()) <= 3 and not t.endswith((".", ":", "!", "?")):
        return False
    pronoun = _THIRD_PRONOUN_SUBJECT if third_person_only else _PRONOUN_SUBJECT
    return bool(pronoun.search(text)) or any(
        _one_subject(m.group(1))
        and not (third_person_only and _pronoun_head(m.group(1)) in ("I", "We"))
        # a name takes "says" or "said": "Public comment on the item" is a noun after an adjective
        and not (m.group("verb") in _BARE_VERBS and _pronoun_head(m.group(1)) not in ("I", "We", "You", "They"))
        for m in _NAME_SUBJECT.finditer(text)
    )


def _pronoun_head(word: str) -> str:
    """ "We’ve" -> "We": a pronoun with a contraction is still the pronoun."""
    return re.split(r"[’']", word, maxsplit=1)[0]


# Verbs of saying in their bare form, which no single named subject takes.
_BARE_VERBS = frozenset(
    "say note add explain write tell share frame recall describe argue remind mention ask agree believe think "
    "feel suggest point observe reflect comment respond reply answer continue offer quip recount remember admit "
    "insist warn urge highlight stress joke wonder hope want love learn".split()
)


def _one_subject(word: str) -> bool:
    head = _pronoun_head(word)
    return head not in _NOT_NAMES and word not in _NOT_NAMES and head.lower() not in _NOT_ONE_SPEAKER


# A lead-in opening with a name: "Sugu, however, wasn't so scared:", "Ramos added:".
_OPENS_WITH_NAME = lazy(r"[\W_]*([A-Z][a-z\u00e0-\u00ff’'-]+)(?:,|\s+(?:[a-z]|[A-Z][a-z]+[,\s]))")


# A paragraph that opens on a person as its subject: "Vlad Niculae's path to …", "Dr. Ana
# Ruiz joined …".
_PROFILE_START = lazy(
    r"[\W_]*(?:(?:Dr|Prof|Mr|Mrs|Ms)\.?\s+)?[A-Z][a-z\u00e0-\u00ff’'-]+\s+(?:[A-Z]\.\s+)?[A-Z][a-z\u00e0-\u00ff’'-]+(?:[’']s\b|\s+[a-z]|,)"
)
# Capitalised openers that are not names (beyond the common ones in _NOT_NAMES).
_OPENERS = frozenset(
    "About Above Below Over Under Overall However Meanwhile Instead Later Earlier Recently Again "
    "Especially Generally Personally Honestly Sometimes Often Usually Along Across Around Through "
    "Throughout Despite Without Within Besides Regarding Concerning Following Given Despite Unfortunately "
    "Fortunately Interestingly Importantly Ultimately Luckily Sadly Happily Clearly Obviously".split()
)


_SAID_COMMA = lazy(r"\b" + _REPORTING + r"[\s*_]*,[\s*_]*$", re.I)


def _said_comma(lead: str) -> bool:
    """A lead-in ending on a verb of saying and a comma ("…, the co-chairs said,"): it runs
    into the quotation below, whoever the speakers are."""
    return bool(_SAID_COMMA.search(lead))


def _named_lead(lead: str) -> bool:
    """A colon lead-in whose subject is a capitalised word that is not a common sentence
    opener: a person's or an organisation's name ("Sugu, however, wasn't so scared:")."""
    m = _OPENS_WITH_NAME.match(lead)
    if not m or not lead.rstrip(" *_").endswith(":") or TOPIC_LEAD.match(lead):
        return False
    word = m.group(1)
    return word not in _OPENERS and not word.endswith("ly") and _one_subject(word)


def _lead_in(doc: Document, unit: tuple[str, Block, list[Block]], scans: dict[int, QuoteScan]) -> str:
    """The last sentence of a prose unit, where a lead-in to the next quotation sits
    ("Yuvi frames the problem here:"). A last sentence holding a quotation of its own
    ("“…,” Laura Mendes said.") gives that quotation its speaker, not the next one."""
    _kind, b, _group = unit
    if b.text is None:
        return ""
    text = b.text.text.rstrip()
    last = _last_sentence(text) if text else ""
    scan = scans.get(id(b))
    if last and scan is not None and any(q.end > len(text) - len(last) for q in scan.top_level()):
        return ""
    return last


def _said_clause(doc: Document, unit: tuple[str, Block, list[Block]], scans: dict[int, QuoteScan]) -> str:
    """The opening of a prose unit up to its first quotation (or its first sentence): where
    a said-clause for the quotation above sits ("Ruiz, who runs the bakery, said …"). A
    quotation opening the unit takes the clause after it for itself."""
    _kind, b, _group = unit
    if b.text is None:
        return ""
    text = b.text.text
    scan = scans.get(id(b))
    tops = scan.top_level() if scan is not None else []
    if tops:
        return text[: tops[0].start]
    return _first_sentence(text)


def _first_sentence(text: str) -> str:
    m = re.search(r"[.!?…](?:\s|$)", text)
    return text[: m.end()] if m else text


def _credit(text: str) -> bool:
    """A credit line: a dash before a name or role, or a short line that names a person
    ("Lina Osei, community manager"). A one-word line ("Thanks!") is a sign-off."""
    t = text.strip()
    if not t:
        return False
    if _DASH_CREDIT.match(t):
        return True
    return _credit_like(t) and (_two_caps(t) or "," in t)


_REPORTING_WORD = lazy(r"\b" + _REPORTING + r"\b", re.I)
_CAPITALISED_INSIDE = lazy(r"(?<=[\w,;] )[A-Z][\w’'-]+")


def _ends_with_colon(text: str) -> bool:
    """A lead-in that runs into what follows and could name its source: a name or other
    capitalised word, a person or group ("participants", "the team"), a document or
    source noun ("feedback", "the report"), or a verb of saying. A topic ("On the
    community spirit:"), a bare continuation ("The pattern goes on:") or a survey prompt
    put to "you" ("What did you enjoy most:") names nobody."""
    t = text.rstrip(" *_")
    if not t.endswith(":") or _PROMPT.match(text):
        return False
    last = _last_sentence(t)
    if TOPIC_LEAD.match(last) and not _REPORTING_WORD.search(last):
        return False
    if (
        _CAPITALISED_INSIDE.search(last)
        or _BRAND_OR_ACRONYM.search(last)  # "comScore cites:", "As GSA put it:"
        or _NAMES_DOCUMENT.search(last)
        or _REPORTING_WORD.search(last)
    ):
        return True
    # A person or group ("One participant:", "the team") as a short label; in a longer
    # sentence without a verb of saying it is what the sentence is about ("The team has
    # done amazing work preparing the material:"), not who speaks.
    return len(last.split()) <= 6 and bool(_SPEAKER_CUE.search(last))


def _about_third_person(scan: QuoteScan | None) -> bool:
    """Do the paragraph's quotations speak of a third person ("She has fought for …")?
    Then a name beside them is whom they are about, not who said them."""
    if scan is None:
        return False
    return any(_THIRD_PERSON.search(q.inner(scan.text)) for q in scan.top_level())


def _unit_text(doc: Document, group: list[Block], b: Block) -> str:
    blocks = group or [b]
    return " ".join(blk.text.text for blk in blocks if blk.text is not None)


def _unit_source(doc: Document, group: list[Block], b: Block) -> str:
    start = min(blk.span.start for blk in (group or [b]))
    end = max(blk.span.end for blk in (group or [b]))
    return doc.source[start:end]


def _after_last_close(text: str) -> str:
    """A blockquote that opens with a mark: the words after its last closing mark, where a
    credit without a dash sits ("“…” Amanda Bradford, Research Ecologist")."""
    t = text.strip()
    if t[:1] not in _QUOTE_MARKS:
        return ""
    last = max(t.rfind(c) for c in '"”’»')
    return t[last + 1 :] if last > 0 else ""


def _tail(text: str, words: int = 10) -> str:
    """The last few words of a blockquote after its last full stop: a credit set on the
    same line ("… the beginning. Josh London")."""
    t = text.strip()
    cut = max(t.rfind(". "), t.rfind("! "), t.rfind("? "), t.rfind("… "))
    tail = t[cut + 2 :] if cut >= 0 else ""
    return tail if tail and len(tail.split()) <= words and not tail.rstrip().endswith((".", "!", "?")) else ""


def has_candidate_speaker(
    doc: Document,
    units: list[tuple[str, Block, list[Block]]],
    index: int,
    scans: dict[int, QuoteScan],
    writes_as_i: bool = False,
) -> bool:
    """Is there a candidate speaker for a quotation in unit ``index``?

    Own unit: a link, a capitalised name, a speaking subject or a colon lead-in outside the
    quotation (for a blockquote: a credit after its last closing mark or last sentence).
    Unit before: a speaking subject, or a lead-in ending with a colon. Unit after: a
    speaking subject or a credit line. Either side: a shortcode with a cite or name
    (a pull quote or name card)."""
    kind, b, group = units[index]
    own = _unit_text(doc, group, b)
    if kind == "quote":
        # (in a blockquote set in quotation marks, the last sentence is the speaker's own:
        # only words after the closing mark can credit it)
        credit = _after_last_close(own) if own.strip()[:1] in _QUOTE_MARKS else _tail(own)
        if _credit(credit) or _two_caps(credit) or _speaking_subject(credit):
            return True
        if any(blk.text is not None and _credit(blk.text.text) for blk in group[1:]):
            return True
    else:
        if _LINK.search(_unit_source(doc, group, b)):
            return True
        scan = scans.get(id(b))
        outside = scan.outside_text(0, len(scan.text)) if scan is not None else own
        if (
            (_two_caps(outside) and not _about_third_person(scan))
            # in a post the author writes as "I", a paragraph of theirs ("My brain wants to
            # find meaning … “Hey, …”"): the author's own thought or remark
            or (writes_as_i and bool(SINGULAR_I.search(outside)))
            or _speaking_subject(outside)
            or _ends_with_colon(outside)
            or _EXAMPLE_CUE.search(outside)
            # someone the sentence is about: "DeWeese credited … when “…”", "Shapiro's office
            # called for …", "the letter to Shapiro reads", "agency staff would reply"
            or _PERSON_ACTS.search(outside)
            or _DOCUMENT_SPEAKS.search(outside)
        ):
            return True
    for j in (index - 1, index + 1):
        if not 0 <= j < len(units):
            continue
        kind_j, bj, _group_j = units[j]
        if kind_j == "shortcode":
            if _shortcode_cite(doc, bj):
                return True
            continue
        if kind_j != "prose":
            continue  # a section title or another blockquote names no speaker for this one
        if j < index:
            lead = _lead_in(doc, units[j], scans)
            if _speaking_subject(lead) or _ends_with_colon(lead) or _named_lead(lead) or _said_comma(lead):
                return True
            # A profile's narration: the paragraph before is about one person ("She thinks
            # back to 1986, when …"), and the quotation standing alone after it is hers.
            if (
                kind != "quote"
                and _STARTS_ON_PRONOUN.match(bj.text.text if bj.text else "")
                and _quote_only_unit(scans, b)
            ):
                return True
            # A passage in the first person under a paragraph about a named person (a
            # profile: "Vlad Niculae's path to a maintainer was …"): that person speaks.
            if kind == "quote" and SINGULAR_I.search(own) and _PROFILE_START.match(bj.text.text if bj.text else ""):
                return True
        else:
            clause = _said_clause(doc, units[j], scans)
            if _speaking_subject(clause, third_person_only=True) or _credit(bj.text.text if bj.text else ""):
                return True
    return False


# A person acting in the sentence around the quotation: a name (not a sentence's opening
# function word) or a name's possessive, then a verb ("DeWeese credited", "Shapiro’s office
# called for"); a group or office with a verb of replying ("agency staff would reply").
_PERSON_ACTS = lazy(
    r"(?<![\w’'-])(?!(?:The|This|That|These|Those|It|Its|In|On|At|For|But|And|So|If|When|While|After|Before|Last|Next"
    r"|One|Some|Many|Most|All|Few|Every|Each|There|Here|Our|Their|We|You|They|He|She|I)\b)[A-Z][a-z’'-]+"
    r"(?:[’']s\s+(?:office|team|spokes\w+|campaign|administration|staff|lawyers?|attorneys?))?"
    r"\s+(?:\w+ly\s+)?(?:credited|called|urged|praised|blamed|accused|argued|insisted|warned|described|recalled"
    r"|recounted|remembered|joked|quipped|wrote|posted|tweeted|testified|pleaded|vowed|promised|asked|told|replied"
    r"|responded|answered|added|noted|said|says)\b"
    r"|\b(?:staff|officials?|spokes\w+|representatives?|aides?|workers|employees)\s+(?:would|will|did|often|then)\s+"
    r"(?:reply|respond|answer|write|say|tell)\b"
)
# A document that speaks: "the letter to Shapiro reads", "the report states".
_DOCUMENT_SPEAKS = lazy(
    r"\b(?:letter|report|memo|statement|order|ruling|lawsuit|complaint|filing|request|resolution|bill|email|e-mail"
    r"|post|release|notice|policy|document|petition)\b(?:\s+[\w’'-]+){0,3}?\s+(?:reads|read|states|stated|says"
    r"|said|notes|noted|adds|added|argues|argued|warns|warned|concludes|concluded)\b",
    re.I,
)
_STARTS_ON_PRONOUN = lazy(r"[\W_]*(?:She|He)\s+[a-z]")


def _quote_only_unit(scans: dict[int, QuoteScan], b: Block) -> bool:
    """A prose unit that is nothing but a quotation (its outside text a few words at most)."""
    scan = scans.get(id(b))
    if scan is None or not scan.quotes:
        return False
    return len(scan.outside_text(0, len(scan.text)).split()) <= 3


_OPENS_WITH_MARK = lazy(r"[\s*_]*[\"“‘«]")
# The first or second person: someone speaking ("I", "we", "our", "you").
_PERSONAL = lazy(r"\b(?:I|I[’']m|I[’']ve|I[’']d|I[’']ll|my|me|myself|we|we[’']re|we[’']ve|our|us|you|your)\b", re.I)


def plainly_speech(text: str) -> bool:
    """Positive evidence that a blockquote is someone's words: it opens with a quotation
    mark, or speaks in the first or second person. A third-person passage with neither
    ("The halls are decked out …", "CSIP acknowledges …") may be the author's own
    pull-out or an excerpt of a document: not reported."""
    t = text.strip()
    return bool(_OPENS_WITH_MARK.match(t)) or bool(_PERSONAL.search(t))


class UnitIndex:
    """Finds the unit whose source holds an offset by bisection over the blocks' starts (a
    long article has thousands of units and many findings: one scan each was quadratic)."""

    __slots__ = ("_ends", "_starts", "_units", "_which")

    def __init__(self, units: list[tuple[str, Block, list[Block]]]) -> None:
        spans = sorted(
            (blk.span.start, max(blk.span.end, blk.span.start + 1), k)
            for k, (_kind, b, group) in enumerate(units)
            for blk in group or [b]
        )
        self._units = units
        self._starts = [s for s, _e, _k in spans]
        self._ends = [e for _s, e, _k in spans]
        self._which = [k for _s, _e, k in spans]

    def at(self, offset: int) -> int | None:
        """The first unit (in order) with a block holding ``offset``, as ``unit_at``."""
        i = bisect.bisect_right(self._starts, offset)
        found: int | None = None
        for j in range(i - 1, max(-1, i - 65), -1):
            if offset < self._ends[j] and (found is None or self._which[j] < found):
                found = self._which[j]
        if found is None and i > 64:
            return unit_at(self._units, offset)  # a block far back spans it (nesting): rare
        return found


def unit_at(units: list[tuple[str, Block, list[Block]]], offset: int) -> int | None:
    """The index of the unit whose source holds ``offset``."""
    for k, (_kind, b, group) in enumerate(units):
        for blk in group or [b]:
            if blk.span.start <= offset < max(blk.span.end, blk.span.start + 1):
                return k
    return None
