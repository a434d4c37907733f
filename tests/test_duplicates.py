"""duplicate-paragraph: case files, cost, and the shared normalisation helpers."""

from __future__ import annotations

import os
import time


from edlint.testing import findings
from edlint.text.normalize import fold, fold_chars, normalize, strip_accents, word_key

HERE = os.path.dirname(__file__)
# The case files run in tests/test_cases.py.


def test_normalize_and_fold_still_work():
    assert normalize("The Mayor’s  “plan”…") == "the mayor's \"plan"
    assert fold("a\u00a0b\u2014c") == "a b-c"


def test_fold_chars_keeps_offsets():
    text = "Julius\u00a0is the Ledger’s “reporter”\u2026"
    folded = fold_chars(text)
    assert len(folded) == len(text) and folded == "Julius is the Ledger's \"reporter\"."


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
