"""The fast paths of the quote helpers give what the plain forms they replace give.

quote-attribution looks for reporting verbs with one regex over the lowered text instead
of reading every token; outside_text slices instead of rewriting a list of characters;
word limits stop reading at the limit; scan_quotes keeps recent scans. Each test runs the
plain form next to the fast one on random and hand-made text and asserts the same result.
"""

from __future__ import annotations

import itertools

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import edlint.text.quotes as Q
from edlint.rules.quotes import attribution as A
from edlint.rules.quotes.lexicon import _DETERMINER_BEFORE, _TOKEN, _token_finder
from edlint.rules.quotes.options import QuotesOptions
from edlint.rules.quotes.speaker import (
    _ABOUT_AFTER,
    _ARTICLE_BEFORE,
    _BE_BEFORE,
    _BY_AGENT,
    _CLAUSE_START_BEFORE,
    _DOC_NOUN_SET,
    _DOC_VERBS,
    _INFINITIVE_BEFORE,
    _ING_AUX_BEFORE,
    _LIST_COMMA_BEFORE,
    _NOUN_ING_BEFORE,
    _PASSIVE_AUX,
    _SPEECH_FOLLOWS,
    _Ctx,
)

PROPS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

DEFAULT = _Ctx(QuotesOptions())
# Multi-word forms only, some of them with non-ASCII words.
CUSTOM = _Ctx(QuotesOptions(speech_verbs=("say", "point out", "a déclaré", "sum up", "Erklärte")))

# Words that exercise every branch: heads of verbs and multi-word forms and what follows
# them, document nouns and their verbs, determiners and passive auxiliaries, the "by" of an
# agent, and characters whose lowercase is special (İ becomes two characters, Σ depends on
# its neighbours, ſ and the Kelvin sign match s and k case-insensitively).
_VOCAB = sorted(
    DEFAULT.doc_heads
    | {w for rests in DEFAULT.lex.multi.values() for rest in rests for w in rest}
    | {w for rests in CUSTOM.lex.multi.values() for rest in rests for w in rest}
    | _DOC_VERBS
    | {"the", "his", "was", "were", "been", "quickly", "by", "agent", "remarks", "states"}
    | {"İ", "İsaid", "ΣΑΣ", "σας", "ſaid", "\u212aept", "é", "É", "x", "3", "3said", "_said", "said3"}
)
_SEPARATORS = [" ", "  ", "", "-", "’", "'", "_", "3", ".", ",", ":", "\n", " — ", " “", "” ", " the ", " was "]


# The same for the custom lexicon, whose words would be rare among the default ones.
_CUSTOM_VOCAB = sorted(
    CUSTOM.doc_heads
    | {w for rests in CUSTOM.lex.multi.values() for rest in rests for w in rest}
    | {"the", "was", "by", "il", "dit", "İ", "Σ", "K", "x", "3"}
)


@st.composite
def _prose(draw, vocab=_VOCAB):
    words = draw(st.lists(st.sampled_from(vocab), max_size=14))
    out = []
    for w in words:
        case = draw(st.sampled_from(["", "upper", "title"]))
        out.append(w.upper() if case == "upper" else w.title() if case == "title" else w)
        out.append(draw(st.sampled_from(_SEPARATORS)))
    return "".join(out)


TEXTS = st.one_of(_prose(), st.text(), st.text(alphabet="saidtoldxs İΣσς’'-_3.,\u0307"))


# -- has_verb ---------------------------------------------------------------------------------


def _has_verb_plain(ctx: _Ctx, text: str, documents: bool) -> bool:
    """has_verb as first written: every token, in order."""
    lex = ctx.lex
    for m in _TOKEN.finditer(text):
        word = m.group(0).lower()
        end = m.end()
        if documents and word in _DOC_NOUN_SET:
            following = [t.lower() for t in _TOKEN.findall(text, end, end + 40)[:3]]
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
        if word in lex.nounish and (
            _DETERMINER_BEFORE.search(before)
            or (_LIST_COMMA_BEFORE.search(before) and not _SPEECH_FOLLOWS.match(text, end))
        ):
            continue
        if word.endswith("ed") and _ARTICLE_BEFORE.search(before):
            continue
        if word in ctx.lemmas and (_CLAUSE_START_BEFORE.search(before) or _INFINITIVE_BEFORE.search(before)):
            continue
        if word == "talking" and _ABOUT_AFTER.match(text, end) and _BE_BEFORE.search(before):
            continue
        if word.endswith("ing") and _NOUN_ING_BEFORE.search(before) and not _ING_AUX_BEFORE.search(before):
            continue
        if not word.endswith("ing") and _PASSIVE_AUX.search(before) and not _BY_AGENT.match(text, end):
            continue
        return True
    return False


@PROPS
@given(
    st.one_of(TEXTS.map(lambda t: (t, DEFAULT)), st.one_of(TEXTS, _prose(_CUSTOM_VOCAB)).map(lambda t: (t, CUSTOM))),
    st.booleans(),
)
def test_has_verb_matches_the_token_by_token_form(text_and_ctx, documents):
    text, ctx = text_and_ctx
    expected = _has_verb_plain(ctx, text, documents)
    assert ctx.has_verb(text, documents) == expected
    assert ctx._has_verb_tokenwise(text, documents) == expected


def test_has_verb_on_awkward_text():
    cases = [
        ("“We’re ready,” Ruiz said.", True),
        ("The plan was described as bold.", False),
        ("The plan was described by the mayor as bold.", True),
        ("In his remarks on Tuesday", False),
        ("Critics, however, point out that it failed.", True),
        ("Point taken.", False),
        ("ERKLÄRTE the minister", True),  # a default verb of German wire copy
        ("İstanbul officials SAID so.", True),  # İ: the token-by-token path
        ("ΣΑΣ said", True),
        ("unsaid 3said _said said3", True),  # tokens start after digits and underscores
        ("ſaid", False),  # the long s is no s to str.lower()
    ]
    for text, expected in cases:
        assert _has_verb_plain(DEFAULT, text, False) == expected, text
        assert DEFAULT.has_verb(text) == expected, text
    assert CUSTOM.has_verb("ERKLÄRTE the minister") and not CUSTOM.has_verb("Point taken.")
    assert CUSTOM.has_verb("il a — déclaré") and not CUSTOM.has_verb("il a dit")
    assert _has_verb_plain(DEFAULT, "the report says", True) and DEFAULT.has_verb("the report says", True)


@PROPS
@given(_prose())
def test_token_finder_finds_the_lowercased_tokens_that_are_words(text):
    text = text.replace("İ", "I").replace("Σ", "S")  # the finder's stated limits
    words = DEFAULT.doc_heads
    found = [(m.start(1), m.group(1)) for m in _token_finder(words).finditer(text.lower())]
    expected = [(m.start(), m.group().lower()) for m in _TOKEN.finditer(text) if m.group().lower() in words]
    assert found == expected


# -- outside_text ----------------------------------------------------------------------------

MARKED = st.text(alphabet="ab .'\"\u2018\u2019\u201c\u201d\u00ab\u00bb\u201e", max_size=40)


@PROPS
@given(MARKED, st.integers(-45, 45), st.integers(-45, 45), st.sampled_from([" ", "x", "", "ab"]))
def test_outside_text_matches_the_character_list_form(text, start, end, fill):
    scan = Q._scan_quotes(text)
    assert scan.outside_text(start, end, fill) == Q._outside_text_charwise(scan, start, end, fill)


@PROPS
@given(MARKED)
def test_quotes_are_sorted_and_top_level_ones_disjoint(text):
    # outside_text's slicing relies on both.
    quotes = Q._scan_quotes(text).quotes
    assert [q.start for q in quotes] == sorted(q.start for q in quotes)
    tops = [q for q in quotes if q.depth == 0]
    assert all(a.end <= b.start for a, b in itertools.pairwise(tops))


# -- words ------------------------------------------------------------------------------------

WORDY = st.one_of(st.text(), st.text(alphabet="ab1 .,;:!?\u2026'’-_\t"))


@PROPS
@given(WORDY, st.integers(-2, 8))
def test_word_limits_match_word_count(text, n):
    assert Q.words_at_most(text, n) == (Q.word_count(text) <= n)
    assert Q.fewer_words_than(text, n) == (Q.word_count(text) < n)
    assert Q.fewer_words_than(text, n + 0.5) == (Q.word_count(text) < n + 0.5)


def _is_title_case_plain(text: str) -> bool:
    ws = Q.words(text)
    if not ws:
        return False
    significant = [w for w in ws if w.lower() not in Q._MINOR or w is ws[0]]
    if not significant:
        return False
    return all(w[0].isupper() or w[0].isdigit() for w in significant)


@PROPS
@given(
    st.one_of(
        st.text(),
        st.lists(st.sampled_from(["a", "A", "the", "The", "Of", "of", "Rivers", "x", "2", "é", "É"])).map(" ".join),
    )
)
def test_is_title_case_matches_the_list_form(text):
    assert Q.is_title_case(text) == _is_title_case_plain(text)


@PROPS
@given(WORDY)
def test_stripping_the_punctuation_around_a_quotation_keeps_its_words(text):
    # quotable counts and title-checks the words of the quotation before this strip.
    assert Q.words(text) == Q.words(text.strip(" \t.,;:!?\u2026"))


# -- the scan cache ---------------------------------------------------------------------------


@PROPS
@given(MARKED)
def test_a_kept_scan_is_a_fresh_scan(text):
    scan = Q.scan_quotes(text)
    assert Q.scan_quotes(text) is scan
    assert scan == Q._scan_quotes(text)


def test_the_scan_cache_stays_within_its_budget(monkeypatch):
    monkeypatch.setattr(Q, "_SCAN_CACHE_MAX_CHARS", 1000)
    Q.clear_scan_cache()
    for i in range(200):
        Q.scan_quotes(f"“Quote number {i},” she said.")
        assert Q._scan_cache_chars <= 1000
        assert sum(len(t) + Q._SCAN_CACHE_ENTRY_COST for t in Q._SCAN_CACHE) == Q._scan_cache_chars
    big = "x" * 5000
    assert Q.scan_quotes(big).text == big and big not in Q._SCAN_CACHE  # too big to keep
    Q.clear_scan_cache()


# -- what quote-attribution works out only when asked ------------------------------------------


def test_later_asks_once_and_only_when_needed():
    asked = []

    def ask(x):
        asked.append(x)
        return x > 1

    later = A._Later(ask, 2)
    assert asked == []
    assert later and later
    assert asked == [2]
    assert not A._Later(ask, 0)


def test_has_verb_switches_to_the_finder_patterns_and_answers_the_same(monkeypatch):
    from edlint.rules.quotes import speaker

    sentences = [
        '"We will reopen," the mayor said.',
        "The report, released Monday, states the obvious.",
        "She pointed out the flaw.",
        "Nothing here at all.",
        "Il a déclaré la guerre.",
    ]
    monkeypatch.setattr(speaker, "_tokenwise_calls", 0)
    fresh = _Ctx(QuotesOptions())
    early = [fresh.has_verb(s, docs) for s in sentences for docs in (False, True)]
    assert fresh.head_finder is None  # a one-file run never compiles the finders
    monkeypatch.setattr(speaker, "_tokenwise_calls", speaker._FINDER_AFTER_CALLS)
    late = [fresh.has_verb(s, docs) for s in sentences for docs in (False, True)]
    assert fresh.head_finder is not None and late == early
    assert early[0] and not early[6]
