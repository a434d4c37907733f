"""Is there a speaker? The reporting-verb search over a text (inflected forms, agentless
passives, document nouns that speak), the names the article quotes, and the attribution next
to one quotation."""

from __future__ import annotations

import re

from ...text.patterns import lazy
from ...text.quotes import Quote, QuoteScan, looks_like_code, title_case_words, words, words_at_most
from ...text.sentences import SentenceIndex
from .documents import _DOC_AFTER_VERB, _DOC_NOUN_SET, _DOC_VERBS, _with_document_nouns
from .lexicon import _DETERMINER_BEFORE, _TOKEN, _cue_sets, _lexicon, _token_finder
from .names import (
    _BEAT,
    _BRAND_OR_ACRONYM,
    _COLLECTIVE_BEAT,
    _DASH_NAME,
    _FULL_NAME,
    _GROUP_LEAD,
    _HOLDS_THAT,
    _HONORIFIC,
    _HONORIFIC_BEAT,
    _MONTHS,
    _NAME_LIKE,
    _NAMED,
    _NOT_ONE_SPEAKER,
    _PAREN_NAME,
    _PERSON_NAME,
    _QUOTATIVE_LIKE,
    _SAID_NAME,
    _SPEAKER_CUE,
    _SPEAKER_LABEL,
    _THIRD_PERSON,
    _WE_VOICE,
    _one_speaker,
    _speaker_patterns,
    speaks_of_another,
)
from .options import QuotesOptions

_PASSIVE_AUX = lazy(
    r"\b(?:was|were|is|are|be|been|being|get|gets|got)\s+"
    r"(?:(?:\w+ly|often|also|still|always|sometimes|never|now|once|long|since)\s+)?$",
    re.I,
)
_BY_AGENT = lazy(r"\W*(?:\w+\W+){0,3}?by\b", re.I)
# has_verb reads tokens one by one until it has been called this often in the process;
# then it compiles the two finder patterns (about 12 ms, cached per word list), which pay
# for themselves only over many articles: a pre-commit run on one file should not wait.
# Before a word: a list separator (a noun in a list), an article (an -ed adjective), the
# start of a clause (a bare verb there is an imperative); after "talk": a topic.
_LIST_COMMA_BEFORE = lazy(r"[,;:]\s*$")
# ... unless the quotation or its content follows: "Kate, who works late, notes, “…”"
_SPEECH_FOLLOWS = lazy(r"[\s*_]*(?:[,:\u201c\u2018\"']|that\b)", re.I)
_ARTICLE_BEFORE = lazy(
    r"\b(?:the|a|an|its|their|our|his|her|your|my|this|these|those|of|on|in|with|for|from|about|into)\s+$", re.I
)
# "hopes to add", "plans to share": an intention, not speech ("went on to say" is speech)
_INFINITIVE_BEFORE = lazy(
    r"\b(?:hopes?|hoped|hoping|plans?|planned|planning|wants?|wanted|aims?|aimed|intends?|intended|"
    r"expects?|expected|wish(?:es|ed)?|tries|tried|trying|would like|likes?|loves?|needs?|needed)\s+to\s+$",
    re.I,
)
_CLAUSE_START_BEFORE = lazy(r"(?:^|[.!?:;→|(\[*_-]|\u2014|\u2013)[\s*_]*$")
_ABOUT_AFTER = lazy(r"\s+about\b", re.I)
_BE_BEFORE = lazy(r"(?:\b(?:am|is|are|was|were)|[’']m|[’']re|[’']s)\s+(?:not\s+|just\s+|only\s+)?$", re.I)

# A sentence whose subject is "he" or "she", running into a first-person quotation.
_PRONOUN_BEAT = lazy(r"[\W_]*(?:He|She)\s+(?:\w+ly\s+)?[a-z]+(?:s|ed)\b")
# An -ing form right after a noun or adjective in lower case reads as a noun ("the sentencing
# hearing", "a court hearing"), unless a form of "be" or a clause opener comes before it.
_NOUN_ING_BEFORE = lazy(
    r"\b(?:the|a|an|this|that|his|her|its|their|our|[a-z]+ing|court|public|first|final|next|last)\s+$", re.I
)
_ING_AUX_BEFORE = lazy(r"\b(?:is|was|were|are|am|be|been|keeps?|kept)\s+(?:\w+ly\s+)?$", re.I)
_ENDS_ON_NAMED_SOURCE = lazy(
    r"\b(?:according\s+to|says|said|per)\s+"
    + _HONORIFIC
    + r"[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,2}[\s*_]*[.!]?[\s*_]*$"
)
_FIRST_PERSON_WORD = lazy(r"\b(?:I|I[’']m|I[’']ve|I[’']d|[Mm]y|[Mm]e|[Ww]e|[Oo]ur)\b")

_PRONOUN_SUBJECT = lazy(r"(?:^|[.!?]\s+)(?:He|She)\s+[a-z]{2,}\b")
_SINGULAR_I = lazy(r"\b(?:I|I[’']m|I[’']ve|I[’']d|I[’']ll)\b")

_FINDER_AFTER_CALLS = 64
_tokenwise_calls = 0


# A speaker label in brackets right before a quotation: "(Nushell) “…”", "[Maria]: “…”".
_PAREN_LABEL = lazy(r"(?:^|[\s>])[(\[][A-Z][\w .’'-]{0,30}[)\]][\s*_:]*$")
# A said-clause recognised by its shape, whatever the verb: the quotation ends with a comma,
# "!" or "?" inside its marks, then a subject and a verb follow ("“…,” she sings.",
# "“Hands!” an officer ordered as …", "“…,” Ruiz recounted, …").
_CLAUSE_PUNCT = lazy(r"[,!?\u2014\u2013-][\s*_]*$")
_SAID_SHAPE_AFTER = lazy(
    r"[*_]*\s+(?:he|she|they|I|we|(?:an?|the|one|another)\s+(?:[a-z][\w’'-]+\s+){0,2}?[a-z][\w’'-]+|"
    r"(?:[A-Z][\w’'.-]+\s+){0,2}[A-Z][\w’'-]+)\s+(?:\w+ly\s+)?(?:[a-z]{2,}(?:ed|es|s)|sang|spoke|wrote|told|cried|"
    r"swore|thought|went|began|bit|read)\b"
)
# "As he related, “…”", "As Ruiz recalled, “…”": a clause with any verb leading into the quotation.
_SAID_SHAPE_BEFORE = lazy(
    r"\b(?:[Aa]s|[Ww]hen)\s+(?:he|she|they|I|we|(?:[A-Z][\w’'.-]+\s+){0,2}[A-Z][\w’'-]+)\s+(?:\w+ly\s+)?"
    r"(?:[a-z]{2,}(?:ed|s)|put it|wrote|told it|tells it)\s*,[\s*_]*$"
    # "Martin goes on, “…”", "She continued: “…”"
    r"|\b(?:he|she|they|(?:[A-Z][\w’'.-]+\s+){0,2}[A-Z][\w’'-]+)\s+(?:\w+ly\s+)?"
    r"(?:goes|went|carries|carried|continues|continued|adds|added)(?:\s+on)?\s*[,:][\s*_]*$"
    # "Her reply was, “…”", "His answer: “…”", "Came the reply: “…”": the words are a
    # person's reply, named by whose it is
    r"|\b(?:[Hh]is|[Hh]er|[Tt]heir|[A-Z][\w’'-]+[’']s?)\s+(?:\w+\s+)?(?:reply|replies|answer|answers|response|"
    r"retort|rejoinder|words|advice|verdict|message|explanation|reaction|comment)"
    # ("Avelar's advice for other students is, “…”")
    r"(?:\s+(?:for|to|on|about)\s+(?:[\w’'-]+\s+){0,3}?[\w’'-]+)?\s*(?:(?:was|were|is|came)\s*)?"
    r"[,:\u2014\u2013][\s*_]*$"
    r"|\b(?:[Cc]ame|[Cc]omes)\s+(?:the|her|his|their)\s+(?:reply|answer|response|retort)\s*[,:][\s*_]*$"
)


_CAP_WORD = lazy(r"\b[A-Z][\w’'-]+")
# A full name, then a phrase naming where they work, running up to a said-clause's name:
# in "Dr Lois Surgenor from the Department of Psychological Medicine says" the department
# is part of the phrase about the subject, and she is the one who says.
_POSTMODIFIED = lazy(
    r"(?P<head>\b[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'-]+)+)\s+(?:from|at|of|with|in|on)\s+(?:the\s+)?"
    r"(?:[A-Z][\w’'-]*\s+(?:(?:of|for|and|on)\s+(?:the\s+)?)?)*\Z"
)


# A credit line under or after a quotation (its words blanked): "— Ray Dominguez, volunteer".
_CREDITED_NAME = lazy(
    r"[\s>*_]*(?:[\u2014\u2013\u2015]|--?)\s*(?:(?:Dr|Mr|Mrs|Ms|Prof)\.?\s+)?"
    r"([A-Z][a-z’'-]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][a-z’'-]+){1,2})(?=[\s,.]|$)"
)
_HE_OR_SHE = lazy(r"(?:he|she)\b", re.I)
_SO_SAID = lazy(r"\s*(?:(?:And|Or)\s+)?(?:So|Thus|so|thus)\s+(?=[a-z]+\s+[A-Z])")


def _sentence_before(text: str, end: int) -> str:
    """The part of ``text``'s sentence that comes before ``end``."""
    lo = max(0, end - 300)
    start = max(text.rfind(". ", lo, end), text.rfind("? ", lo, end), text.rfind("! ", lo, end), lo - 1)
    return text[start + 1 : end]


# Two-letter words that are not names: titles and abbreviations ("Dr", "St") and the
# capitalised function words that open sentences.
_NOT_A_SHORT_NAME = frozenset(
    "Mr Ms Dr St Jr Sr Mt Ft Lt Co No So If In On At As An Or Of To By Up It He We Be Do Go My Us Me Oh Is Am".split()
)


# Titles and roles before a name ("Cllr Tom Ridley", "Opposition leader Cllr Sarah Venn"):
# not words of the person's name, or every councillor would be one speaker.
_TITLE_WORDS = frozenset(
    """cllr cr councillor councilor dr prof professor mr mrs ms miss mx sir dame lord lady rev reverend
    fr pastor bishop rabbi imam sgt sergeant det detective insp inspector supt superintendent
    constable pc gov governor sen senator rep representative mp msp mla mayor president judge
    justice capt captain coach chief deputy minister secretary commissioner chair chairman
    chairwoman director principal dean gen general col colonel lt maj admiral cabinet
    opposition member student""".split()
)


def _bare(words: set[str]) -> set[str]:
    """Name words without a possessive ("Denic's" is Denic)."""
    return {re.sub(r"[’']s?$", "", w) if w[-2:] in ("'s", "’s") or w[-1:] in "'’" else w for w in words}


def _name_word(w: str) -> bool:
    """Can ``w`` be a word of a person's name? Two-letter surnames are common ("Ip",
    "Wu", "Ng", "Li"); other short words are initials, titles or function words."""
    if w.lower().rstrip(".") in _TITLE_WORDS:
        return False
    return len(w) > 2 or (len(w) == 2 and w[0].isupper() and w[1].islower() and w not in _NOT_A_SHORT_NAME)


def _people(people: list[set[str]]) -> list[set[str]]:
    """The people the name word sets stand for, each as the words naming them: sets sharing
    a word ("Nell Gray", "Gray", "Nell") are one person."""
    groups: list[set[str]] = []
    for named in people:
        joined = [g for g in groups if g & named]
        merged = set(named).union(*joined)
        groups = [g for g in groups if not (g & named)] + [merged]
    return groups


class _Ctx:
    __slots__ = (
        "cues",
        "doc_head_finder",
        "doc_heads",
        "head_finder",
        "known_re",
        "labels",
        "lemmas",
        "lex",
        "multi_cues",
        "opts",
        "phrase_re",
        "pronoun_paragraphs",
        "shape_attributes",
        "speaker_mentions",
        "speaker_paragraphs",
        "speakers",
        "surnames",
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
        # With the default verbs, a said-clause is also known by its shape, whatever its verb;
        # a house that lists its own verbs wants only those.
        self.shape_attributes = tuple(opts.speech_verbs) == QuotesOptions().speech_verbs
        # Bare verbs ("say", "tell", "share"): at the start of a clause they are imperatives.
        self.lemmas = frozenset(v.strip().lower() for v in opts.speech_verbs if " " not in v.strip() and v.isascii())
        # The people the article quotes with a reporting verb somewhere ("Laura said"):
        # once introduced, a name alone identifies them. Set by learn_speakers.
        self.known_re: re.Pattern | None = None
        # the people the article quotes by name, as the words naming each (learn_speakers)
        self.speakers: list[set[str]] = []
        self.speaker_mentions = 0  # paragraphs with a said-clause naming them
        self.speaker_paragraphs: list[int] = []  # per speaker: the paragraphs naming them
        self.pronoun_paragraphs = 0  # texts whose only said-clause is "she said" / "he says"
        # the last two words of each speaker's name ("Dale Ummers" of "Hartwell Fire Chief Dale
        # Ummers"): how narration refers back to them (a place or a title in the name is not them)
        self.surnames: set[str] = set()

    def learn_speakers(self, texts: list[str]) -> None:
        """Remember the names that are the subject of a reporting verb in ``texts``."""
        anywhere, _ = _speaker_patterns(self.lex.single)
        names: set[str] = set()
        people: list[set[str]] = []  # the capitalised words naming each speaker found
        surnames: set[str] = set()
        paragraphs = 0  # texts naming a speaker: "Greene said … Greene said" in one paragraph is once
        pronouns = 0  # texts whose only said-clause is "he says" / "she said"
        where: list[int] = []  # the text each entry of people was found in
        for index, t in enumerate(texts):
            found = len(people)
            credit = _CREDITED_NAME.match(t) if words_at_most(t, 14) else None
            if credit is not None:
                # "“…” — Ray Dominguez, warehouse volunteer": a person the article quotes too
                people.append({w for w in credit.group(1).split() if _name_word(w)})
                surnames.update(w.strip(",.;:") for w in credit.group(1).split()[-2:])
                paragraphs += 1
                where.append(index)
                continue
            if not self.has_verb(t):
                continue
            pronoun = False
            for m in anywhere.finditer(t):
                name = m.groupdict().get("name")
                if not name and _HE_OR_SHE.match(m.group(0)):
                    pronoun = True
                if name:
                    words = m.group(0)
                    head = _POSTMODIFIED.search(_sentence_before(t, m.start()))
                    if head is not None:
                        words = head.group("head")
                    named = {
                        w
                        for w in _CAP_WORD.findall(words)
                        if w.lower() not in _NOT_ONE_SPEAKER and w not in _MONTHS and _name_word(w)
                    }
                    names.update(w for w in named if w in name.split())
                    if named:
                        people.append(named)
                        surnames.update(w for w in _CAP_WORD.findall(words)[-2:] if w in named)
            for m in _SAID_NAME.finditer(t):
                said = m.group(1) or m.group(2)
                named = {w for w in said.split() if w.lower() not in _NOT_ONE_SPEAKER and _name_word(w)}
                names.update(named)
                if named:
                    people.append(named)
                    surnames.update(said.split()[-2:])
            where.extend([index] * (len(people) - len(where)))
            paragraphs += len(people) > found
            pronouns += pronoun and len(people) == found
        people = [_bare(p) for p in people]
        self.speakers = _people(people)
        self.pronoun_paragraphs = pronouns
        # in how many texts each speaker is named ("Ip said" in seven paragraphs, "the Dean
        # insisted" in one)
        self.speaker_paragraphs = [
            len({where[i] for i, named in enumerate(people) if named & group}) for group in self.speakers
        ]
        self.surnames = surnames
        # In a story that names one speaker, "he says" in another paragraph is them again
        # (a profile: "Liam Wooding …" then "He says at the programme …").
        self.speaker_mentions = paragraphs + (pronouns if len(self.speakers) == 1 else 0)
        if names:
            alts = "|".join(sorted(map(re.escape, names), key=len, reverse=True))
            self.known_re = re.compile(
                r"(?<![\w’'-])(?:" + alts + r")\s+(?:(?:\w+ly|also|now|still|then|later|even|never|always|often|"
                r"just|soon)\s+)?(?:is|was|has|had|[a-z]{2,}s|[a-z]{2,}ed)\b"
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
            # "the report says", "the letter to Shapiro reads"
            following = [t.lower() for t in _TOKEN.findall(text, end, end + 40)[:3]]
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
        if word in lex.nounish and (
            _DETERMINER_BEFORE.search(before)
            or (_LIST_COMMA_BEFORE.search(before) and not _SPEECH_FOLLOWS.match(text, end))
        ):
            return False  # "in his remarks", "meetings, comments on code": nouns
        if word.endswith("ed") and _ARTICLE_BEFORE.search(before):
            return False  # "the shared codebase", "a stated goal": an adjective
        if word in self.lemmas and (_CLAUSE_START_BEFORE.search(before) or _INFINITIVE_BEFORE.search(before)):
            return False  # "Tell an interactive story.", "Share it": an imperative, nobody speaks
        if word == "talking" and _ABOUT_AFTER.match(text, end) and _BE_BEFORE.search(before):
            return False  # "I'm talking about networks": a topic, not speech
        if word.endswith("ing") and _NOUN_ING_BEFORE.search(before) and not _ING_AUX_BEFORE.search(before):
            return False  # "the sentencing hearing lasted", "a public meeting": a noun, nobody speaks
        agentless_passive = not word.endswith("ing") and _PASSIVE_AUX.search(before) and not _BY_AGENT.match(text, end)
        return not agentless_passive

    def attributes(self, text: str) -> bool:
        """A reporting verb, or a document that speaks ("the statement read")."""
        return self.has_verb(text, documents=True) or bool(_DOC_AFTER_VERB.search(text))

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
        so = _SO_SAID.match(text)
        if so is not None:
            # "So said Gwen Pritchard, 74, who chairs the committee": the inverted clause
            text = text[so.end()].upper() + text[so.end() + 1 :]
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
        if _PAREN_LABEL.search(before):
            return True  # a dialogue's turn: (Nushell) “Hello, plugin …”
        if self.shape_attributes and (
            (q.closed and _CLAUSE_PUNCT.search(q.inner(text)) and _SAID_SHAPE_AFTER.match(text, q.end))
            or _SAID_SHAPE_BEFORE.search(before)
        ):
            # “…,” she sings. / “Hands up!” an officer ordered. / As he related, “…”: any verb
            # in a said-clause's place (unless the house lists its own verbs)
            return True
        m = _BEAT.match(before)
        if m and m.group("name").lower() not in _NOT_ONE_SPEAKER and not speaks_of_another(q.inner(text), before):
            return True  # "Lewis highlighted the memo and urged teams to use it, “This is …”"
        if _PRONOUN_BEAT.match(before) and _FIRST_PERSON_WORD.search(q.inner(text)):
            return True  # "He hopes to tackle …, “I think …”": the sentence's subject speaks
        if (_HONORIFIC_BEAT.match(before) or self.known_subject(before)) and not speaks_of_another(
            q.inner(text), before
        ):
            return True  # "Dr. Sarosy applauds them for “…”", "Laura is most proud of “…”"
        # A person named earlier in the paragraph ("**Lakshmi Grama**, Senior Strategist,
        # knows this well. … “When people find value, they’ll work together.”"), unless
        # the quotation speaks of them.
        named = [
            n
            for n in _NAMED.finditer(scan.outside_text(0, q.start))
            if n.group("name") not in _MONTHS and n.group("name").lower() not in _NOT_ONE_SPEAKER
        ]
        if named and not speaks_of_another(q.inner(text), scan.outside_text(0, q.start)):
            return True
        # "What does Richard appreciate most? He found … “I think …”": a person named
        # inside a sentence of the paragraph, "he" or "she" doing something after, and the
        # quotation speaks as "I" (a product or a place is never "she").
        head = scan.outside_text(0, q.start)
        if (
            _SINGULAR_I.search(q.inner(text))
            and not _THIRD_PERSON.search(q.inner(text))
            and _PRONOUN_SUBJECT.search(head)
        ):
            if any(
                n.group(0) not in _MONTHS and n.group(0).lower() not in _NOT_ONE_SPEAKER
                for n in _PERSON_NAME.finditer(head)
            ):
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
                # "… is in cases of PTSD, according to Shadrac." then “It’s not as simple …”
                named = named or bool(_ENDS_ON_NAMED_SOURCE.search(prev))
                if (
                    _PRONOUN_BEAT.match(prev)
                    and words_at_most(prev, 10)
                    and _FIRST_PERSON_WORD.search(q.inner(text))
                    and not _THIRD_PERSON.search(q.inner(text))
                ):
                    return True  # "She smiled. “I have crossed that bridge …”": an action beat
                if _COLLECTIVE_BEAT.match(prev) and _WE_VOICE.search(q.inner(text)):
                    return True  # "The second team got up. “We present …”": the group speaks
                if named:
                    # ... unless the quotation speaks of that person ("She has been ...").
                    return not speaks_of_another(q.inner(text), prev)
        if _HOLDS_THAT.search(before) and _FULL_NAME.search(before):
            return True  # "Ana Ruiz from the State Department found that “…”": her conclusion, in her words
        return bool(_DASH_NAME.match(text, q.end) or _PAREN_NAME.match(text, q.end))
