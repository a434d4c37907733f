"""Who speaks: names, roles, honorifics, transcript labels and credit lines, and the
reporting clause with one identifiable speaker ("he said", "said Dr Ruiz", "Ruiz told")."""

from __future__ import annotations

import re
from functools import lru_cache

from ...text.patterns import lazy
from ...text.quotes import is_title_case, words_at_most
from .view import _terminal

# A word before a title: "state Rep.", "former Gov."
_QUALIFIER = r"(?:(?:state|former|then|federal|county|city|deputy|acting|interim|U\.S\.)\s+(?=[A-Z]))?"
_HONORIFIC = r"(?:(?:Dr|Mr|Mrs|Ms|Mx|Prof|Sen|Rep|Gov|Gen|Sgt|Lt|Col|Capt|Rev|Sir|Dame|Lord|Lady)\.?\s+)?"
# Capitalised words that open a sentence without being anyone's name.
_FUNCTION_START = (
    r"(?!(?:The|A|An|This|That|These|Those|There|It|In|On|At|But|And|Or|So|More|Most|Some|Many|"
    r"Several|All|Both|Each|After|Before|When|While|If|As|For|With|By|From|Of|To|Then|Now|"
    r"Still|Also|However|Meanwhile|Last|Next|One|Two|Three|Other|Others|We|They|You|He|She|"
    r"His|Her|Its|Their|Our|My|Your|I)\b)"
)
_DASH_NAME = lazy(r"[\s,.]*(?:[\u2014\u2013\u2015~]|--?)\s*(?:(?:via|from|by)\s+)?[A-Z\u00c0-\u00de\d]")
_PAREN_NAME = lazy(r"\s*\(\s*[A-Z][\w.’'-]+(?:\s+[A-Z][\w.’'-]+)+[^)]{0,40}\)")
_CREDIT_LINE = lazy(r"\s*(?:[\u2014\u2013\u2015~]|--?)\s*[A-Z\u00c0-\u00de]")
_ENDS_WITH_NAME = lazy(r"[A-Z][\w.’'-]+\s+[A-Z][\w.’'-]+[\s,]*(?:[A-Z][\w.’'-]*)?\s*$")
_SPEAKER_CUE = lazy(
    r"\b(?:i|we|he|she|they|you|someone|somebody|mayor|governor|president|chief|director|"
    r"officers?|officials?|spokes(?:wo)?m[ae]n|spokesperson|residents?|participants?|users?|"
    r"respondents?|interviewees?|caseworkers?|staff|employees?|workers?|members?|people|persons?|"
    r"attendees?|learners?|reviewers?|reviewees?|readers?|commenters?|contributors?|maintainers?|"
    r"customers?|voters?|parents?|students?|teachers?|nurses?|doctors?|experts?|analysts?|"
    r"critics?|supporters?|opponents?|neighbou?rs?|witness(?:es)?|victims?|survivors?|"
    r"farmers?|owners?|leaders?|managers?|team|researchers?|scientists?|stakeholders?|"
    r"report|study|survey|letter|statement|memo|order|document|law|conclusion|testimony|"
    r"remarks|speech|post|tweet|email|comments?|feedback|quotes?|themes?|responses?|answers?|"
    r"transcript|excerpt|interview|passage|page|site|website|words|verdict|ruling)\b",
    re.I,
)
_QUOTATIVE_LIKE = lazy(r"\b(?:was|were|is|am|are|[’']m|[’']re)\s+(?:all\s+|just\s+)?like,?\s*$", re.I)
# A sentence whose subject is one named person: "Patricia was very recently certified."
_BEAT = lazy(
    # ("A delighted Richard Brittain could not hide his joy", "An emotional Ruiz said")
    r"[\W_]*(?:The\s+(?=[A-Z])|An?\s+[a-z]+\s+(?=[A-Z]))?"
    + _HONORIFIC
    + _FUNCTION_START
    + r"(?P<name>[A-Z][a-z\u00e0-\u00ff’'-]+)"
    # A full name may take any verb ("Ana Lewis praises", "Eric de Greef fills in"); a single
    # capitalised word only one that cannot be a plural noun ("Patricia was", not "Heating costs").
    r"(?:(?:\s+(?:(?:de|van|von|der|den|da|di|du|le|la|al|bin|ter)\s+)*[A-Z][a-z\u00e0-\u00ff’'-]+)+"
    r"\s+(?:(?:also|now|still|then|later|\w+ly)\s+)?(?:(?:could|would|did|does|can)(?:\s+not|n[’']t)\s+[a-z]+|was|is|has|had|[a-z]+ed|[a-z]+s)"
    r"|\s+(?:(?:also|now|still|then|later|\w+ly)\s+)?(?:was|is|has|had|[a-z]{2,}ed))\b"
)
# A capitalised word inside a sentence that is not a title-case run of a name of a thing:
# "What advice does Aaron have", "Kütt shared a story".
_PERSON_NAME = lazy(r"(?<=[a-z,] )[A-Z][a-z\u00e0-\u00ff’'-]+(?=\s+(?:[a-z]|[A-Z][a-z]+\s+[a-z]))")
# A person's (or an organisation's) name earlier in the paragraph: "**Lakshmi Grama**,
# Senior Strategist at the Institute, ..."
_NAMED = lazy(
    _FUNCTION_START + r"\b(?P<name>[A-Z][a-z\u00e0-\u00ff’'-]+)\s+(?:[A-Z]\.\s+)?[A-Z][a-z\u00e0-\u00ff’'-]+\b"
    # ... used as a name: an appositive or a verb follows, not a third capitalised word or
    # a bracketed short form ("Minimal Viable Product (MVP)").
    r"(?=[*_]*,|\s+(?:[a-z]+ed|[a-z]+s|said|is|was|has|had|who|told|knows|knew|led|ran|runs|spoke|wrote)\b)"
)
_THIRD_PERSON = lazy(r"\b(?:he|she|him|her|his|hers)\b", re.I)
# The first person singular inside a quotation: the speaker talks as "I".
_SPEAKS_AS_I = lazy(r"\b(?:I|I[’']m|I[’']ve|I[’']d|I[’']ll|[Mm]y|[Mm]e|[Mm]yself)\b")
# People a speaker mentions before speaking of a "he" or "she": "My dad practises here, so
# he was my inspiration."
_PEOPLE_NOUNS = (
    r"dad|mum|mom|mother|father|parents?|son|daughter|brother|sister|wife|husband|partner|"
    r"grand(?:father|mother|dad|ad|ma|pa|son|daughter)|nana|uncle|aunt(?:ie|y)?|cousin|niece|nephew|"
    r"friend|mate|coach|teacher|boss|girlfriend|boyfriend|baby|child|kid|boy|girl|man|woman|guy|"
    r"doctor|nurse|team-?mate|player|captain|student|colleague|neighbou?r|mentor|manager|"
    r"tutor|trainer|client|patient|fianc[ée]e?|teenager|teen|youngster|pupil|veteran|athlete|"
    r"rider|runner|swimmer|artist|singer|musician|winner|champion|writer|poet|farmer|couple|pair|duo|"
    r"\d+-year-old"
)
_PEOPLE_NOUN = lazy(r"\b(?:" + _PEOPLE_NOUNS + r")s?\b", re.I)
# Narration that keeps a speaker in view: "he", "her", "the teenager", "the grateful 15-year-old".
_REFERS_TO_PERSON = lazy(r"\b(?:he|she|him|her|his|hers)\b|\bthe\s+(?:[\w-]+\s+)?(?:" + _PEOPLE_NOUNS + r")\b", re.I)
# Two or more people named in a lead-in: "Club manager Julie Holden was thrilled with
# Manning's results."
_NAME_GROUP = lazy(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z][a-z’'-]*(?:\s+[A-Z][a-z][a-z’'-]*)*")


def keeps_speaker_in_view(narration: str, surnames: set[str]) -> bool:
    """Does a paragraph of narration refer to a person the article quotes, so that the
    speaker who had the floor keeps it ("The experience inspired her to start writing."
    then “I started writing poems about everything …”)? Narration about other things
    ("Crews began clearing debris on Tuesday.") hands the next quotation no speaker."""
    if _REFERS_TO_PERSON.search(narration):
        return True
    words = {re.sub(r"[’']s?$", "", w) for w in re.findall(r"[A-Z][a-z’'-]+", narration)}
    return not words.isdisjoint(surnames)


def speaks_of_another(inner: str, lead: str = "") -> bool:
    """Does a quotation speak of a third person ("he", "she") who may be the person just
    named, so that it is not that person's own words? "She has fought for this for years."
    after "Amy Ruiz runs the shelter." is someone else's. In the first person, the speaker
    rarely means themself by "he" or "she": when the quotation mentions someone before the
    pronoun ("My dad …, so he was my inspiration") or the lead-in names another person
    ("Julie Holden was thrilled with Manning's results." “I am very happy for her …”), the
    pronoun is that other person and the speaker is still the one named."""
    m = _THIRD_PERSON.search(inner)
    if m is None:
        return False
    if not _SPEAKS_AS_I.search(inner):
        return True
    if _PEOPLE_NOUN.search(inner, 0, m.start()) or _NAME_GROUP.search(inner, 1, m.start()):
        return False
    names = {g.split()[-1].rstrip("’'s") for g in _NAME_GROUP.findall(lead) if g.split()[0] not in _MONTHS}
    return len(names) < 2


# A colon lead-in whose source is a group: "However, some felt differently:"
_GROUP_LEAD = lazy(
    r"\b(?:some|others|many|several|a few|most|one|another)\s+(?:of\s+(?:them|us|the\s+\w+)\s+)?(?:\w+ly\s+)?"
    r"(?:[a-z]+ed|felt|thought|wrote|said|told|put it|had|have|say|feel|think|write)\b",
    re.I,
)
_HOLDS_THAT = lazy(
    r"\b(?:found|finds|feels|felt|believes|believed|observed|observes|learned|learnt|realized|realised|"
    r"discovered|knows|knew)\s+that[\s,]*$"
)
_FULL_NAME = lazy(_FUNCTION_START + r"\b[A-Z][a-z\u00e0-\u00ff’'-]+\s+(?:[A-Z]\.\s+)?[A-Z][a-z\u00e0-\u00ff’'-]+\b")
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
    r"woman|man|mother|father|witness|survivor|volunteer|organizer|organiser|developer|"
    # an organisation speaking as one: "The council says ...", "the trust said"
    r"council|committee|board|agency|department|ministry|company|firm|government|trust|union|"
    r"university|hospital|charity|authority|commission|regulator|club|campaign|airline|operator"
)
_SAID_NAME = lazy(
    # "said Curtis Boyd", "said operations manager Curtis Boyd", "said Dr Ruiz"
    r"\b(?:said|says|told|added|explained|noted)\s+"
    r"(?:(?:[a-z][a-z’'-]+\s+){0,2}?(?:" + _ROLE + r"|member|councilmember|councillor|councilor|spokeswoman|"
    r"supervisor|coordinator|adviser|advisor|teacher|student|captain|worker)\s+)?"
    r"(?:(?:Dr|Mr|Mrs|Ms|Prof)\.?\s+)?"
    r"(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July"
    r"|August|September|October|November|December|The|This|That|It|In|On|At)\b)"
    r"([A-Z][a-z’'-]+(?:\s+[A-Z][a-z’'-]+)*)"
    # "board member Helen Tsai, who said"
    r"|([A-Z][a-z’'-]+\s+[A-Z][a-z’'-]+),\s+who\s+(?:\w+ly\s+)?(?:said|says|told|added)\b"
)
# Reporting verbs that say someone spoke (not "thought", "heard", "wondered").
_WEAK_VERBS = frozenset(
    "think thought thinks thinking hear heard hears hearing remember remembered "
    "remembers wonder wondered wonders".split()
)
# A transcript turn: "Catherine:", "**Q:**", "Dr. Ruiz:" at the start of a paragraph.
_SPEAKER_LABEL = lazy(r"[\W_]{0,3}(?:" + _HONORIFIC + r"[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,2}|Q|A)\s*[*_]*:(?:\s|$)")


# "said Ruiz" inverts subject and verb; after an article or a possessive the participle is
# an adjective of a name, not a reporting verb: "a shared API key", "the posted Guidelines".
_NO_DETERMINER = "".join(
    rf"(?<!\b{d}\s)" for d in ("a", "an", "the", "A", "An", "The", "our", "its", "his", "her", "my", "their", "your")
)


@lru_cache(maxsize=8)
def _speaker_patterns(single: frozenset) -> tuple[re.Pattern, re.Pattern]:
    """(a reporting verb with one named or pronoun speaker anywhere in a text, the same
    clause at the start of a text)."""
    verbs = sorted((v for v in single if v.isascii() and v not in _WEAK_VERBS), key=len, reverse=True)
    v = "(?:" + "|".join(re.escape(x) for x in verbs) + ")" if verbs else "(?!)"
    # "the council", "A police spokesman said", "The 24-year-old said"
    role = r"(?:[Tt]he|[Aa]n?)\s+(?:[\w’'-]+\s+){0,3}(?:" + _ROLE + "|" + _PEOPLE_NOUNS + r")"
    name = _FUNCTION_START + r"(?P<name>[A-Z][\w’'-]+)(?:\s+" + _HONORIFIC + r"[A-Z][\w’'.-]+)*"
    subject = r"(?:\b(?:he|she|He|She|I)|" + role + r"|(?<![\w’'-])" + name + r")"
    appositive = r"(?:,\s+(?:[^\s,\"“”]+\s+){0,16}?[^\s,\"“”]+,)?"
    anywhere = re.compile(
        # "Sgro, the union rep, said": the appositive between a speaker and the verb
        subject + appositive + r",?\s+(?:also\s+|later\s+|then\s+)?" + v + r"\b"
        # "said Dr Ruiz", "said state Rep. Lindsay Powell"
        r"|" + _NO_DETERMINER + r"\b" + v + r"\s+" + _QUALIFIER + _HONORIFIC + r"[A-Z][\w’'-]+"
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


# A caption that names a person ("Marta Ruiz, head librarian", "Dr Ana Lewis (left)"): a
# photo of the speaker beside a pull quote.
_PERSON_CAPTION = lazy(
    r"[\W_]*" + _HONORIFIC + _FUNCTION_START + r"[A-Z][a-z\u00e0-\u00ff’'-]+(?:\s+[A-Z]\.)?"
    r"(?:\s+[A-Z][a-z\u00e0-\u00ff’'-]+){1,2}[*_]*\s*(?:[,(|:\u2014\u2013-]|$)"
)


def _names_person(text: str) -> bool:
    """Is a short caption a person's name (with a role after it)?"""
    t = text.strip()
    return words_at_most(t, 15) and bool(_PERSON_CAPTION.match(t))


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
