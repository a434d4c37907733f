"""duplicate-paragraph: case files, cost, and the shared normalisation helpers."""

from __future__ import annotations

import re
import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from edlint.rules import duplicates as dup
from edlint.testing import findings
from edlint.text.normalize import fold, fold_chars, normalize, strip_accents, word_key
from paths import TESTS

HERE = TESTS
# The case files run in tests/test_cases.py.


def test_normalize_and_fold_still_work():
    assert normalize("The Mayor’s  “plan”…") == "the mayor's \"plan"
    assert fold("a\u00a0b\u2014c") == "a b-c"


def test_fold_chars_keeps_offsets():
    text = "Julius\u00a0is the Ledger’s “reporter”\u2026"
    folded = fold_chars(text)
    assert len(folded) == len(text) and folded == 'Julius is the Ledger\'s "reporter".'


def test_word_key_and_accents():
    assert word_key("Maya’s  BIO,\u00a0here.") == word_key("maya's bio here") == "maya s bio here"
    assert strip_accents("Condé Nast") == "Conde Nast"


def _article(paragraphs: int, words: int = 30) -> str:
    import random

    rng = random.Random(7)
    vocab = "council budget library hours debate members county clinic weekend port harbor dredging".split()
    return "\n\n".join(" ".join(rng.choice(vocab) for _ in range(words)) + "." for _ in range(paragraphs))


def test_near_duplicate_search_is_cheap():
    # 120 distinct same-length paragraphs: the worst case for length bucketing.
    text = _article(120)
    findings(text, select=["duplicate-paragraph"])  # warm up imports
    start = time.perf_counter()
    for _ in range(5):
        findings(text, select=["duplicate-paragraph"])
    per_run = (time.perf_counter() - start) / 5
    assert per_run < 0.5, per_run


def test_exact_threshold_turns_off_near_duplicates():
    text = (
        "The council approved the budget on Tuesday after a four-hour debate over library hours and pay.\n\n"
        "The council approved the budget on Tuesday after a long debate over library hours and pay.\n"
    )
    assert [f.rule for f in findings(text, select=["duplicate-paragraph"])] == ["duplicate-paragraph"]
    assert findings(text, select=["duplicate-paragraph"], config={"duplicates": {"similarity": 1.0}}) == []


# -- fast paths: each gives what the plain form it replaces gives ---------------------------

_PROPS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@_PROPS
@given(st.text(alphabet="0123456789٣١ ab,.\n½²"))
def test_digit_runs_are_counted_as_findall_counts_them(text):
    assert len(dup._DIGIT_RUN_STARTS.findall(text)) == len(re.findall(r"\d+", text))


def test_word_key_drops_zero_width_spaces_and_folds_marks():
    # fold() deletes a zero-width space (joining the words around it) and turns curly marks,
    # dashes and no-break spaces into separators; word_key must do as folding first did.
    def plain(t: str) -> str:
        return re.sub(r"[\W_]+", " ", fold(t).casefold()).strip()

    for text in (
        "data\u200bbase",
        "ZERO\u200b WIDTH",
        "“Quoted”—and\u00a0spaced…",
        "‘a’\u2009b\u202fc",
        "Straße\u200b",
        "x\u2026y",
        "\u200b",
        "İstanbul\u200b’s",
    ):
        assert word_key(text) == plain(text), text
