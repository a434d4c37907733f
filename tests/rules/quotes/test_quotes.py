"""Quote rules: case files, the text helpers, and precision/recall on the labelled dev set."""

from __future__ import annotations

import glob
import os

import pytest
import yaml

from edlint.document import LineIndex
from edlint.testing import findings
from edlint.text.quotes import (
    APOSTROPHE,
    CLOSE,
    OPEN,
    PRIME,
    is_title_case,
    looks_like_code,
    scan_quotes,
)
from edlint.text.sentences import SentenceIndex, sentence_spans, sentences
from paths import TESTS

HERE = TESTS
CASE_FILES = sorted(glob.glob(os.path.join(HERE, "cases", "quotes", "*.cases")))
# The case files run in tests/test_cases.py.


def test_every_quote_rule_has_cases():
    names = {os.path.basename(p) for p in CASE_FILES}
    assert {"quote-attribution.cases", "quote-unbalanced.cases", "quote-style.cases"} <= names


# -- sentences -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Dr. Ruiz arrived at 9 a.m. Monday. “We’re ready,” she said. Then she left.",
            ["Dr. Ruiz arrived at 9 a.m. Monday.", "“We’re ready,” she said.", "Then she left."],
        ),
        (
            "The U.S. Attorney said no. He left at 5 p.m. The next day was calm.",
            ["The U.S. Attorney said no.", "He left at 5 p.m.", "The next day was calm."],
        ),
        (
            "It was No. 3 on the list. J. R. R. Tolkien wrote it.",
            ["It was No. 3 on the list.", "J. R. R. Tolkien wrote it."],
        ),
        ("“Why?” she asked. “Because.” He left.", ["“Why?” she asked.", "“Because.”", "He left."]),
        (
            "Acme Inc. said profits rose 3.5 percent. Shares fell.",
            ["Acme Inc. said profits rose 3.5 percent.", "Shares fell."],
        ),
        ("Wait... what? Yes!", ["Wait... what?", "Yes!"]),
        ("", []),
        ("   ", []),
    ],
)
def test_sentences(text, expected):
    assert sentences(text) == expected


def test_sentence_spans_are_offsets():
    text = "  One here.  Two there!  "
    spans = sentence_spans(text)
    assert [text[s:e] for s, e in spans] == ["One here.", "Two there!"]
    idx = SentenceIndex(text)
    assert idx.index(text.index("Two")) == 1
    assert idx.around(text.index("here"), text.index("there") + 2) == (spans[0][0], spans[1][1])


# -- quote scanning --------------------------------------------------------------------


def roles(text):
    return [(text[m.pos], m.role) for m in scan_quotes(text).marks]


def test_nested_curly_quotes_pair():
    text = "“She said ‘no,’ and left,” Ruiz said."
    scan = scan_quotes(text)
    assert [(q.depth, q.inner(text)) for q in scan.quotes] == [(0, "She said ‘no,’ and left,"), (1, "no,")]
    assert not scan.unclosed and not scan.stray_closes


def test_apostrophes_and_primes():
    text = "\"I loved rock 'n' roll in the '90s,\" said the mayor's aide, 6'2\" and 5' tall."
    got = roles(text)
    assert got[0] == ('"', OPEN)
    assert [r for _, r in got[1:4]] == [APOSTROPHE] * 3
    assert got[4] == ('"', CLOSE)
    assert got[5] == ("'", APOSTROPHE)
    assert [r for _, r in got[6:]] == [PRIME, PRIME, PRIME]


def test_plural_possessive_and_contraction_inside_single_quote():
    text = "The workers’ union said ‘we won’t go back’ on Friday."
    scan = scan_quotes(text)
    assert [m.role for m in scan.marks] == [APOSTROPHE, OPEN, APOSTROPHE, CLOSE]
    assert scan.quotes[0].inner(text) == "we won’t go back"


def test_other_conventions():
    text = "„Das ist gut“, sagte er. «Bonjour», dit-il. »Hallo«"
    scan = scan_quotes(text)
    assert [q.inner(text) for q in scan.quotes] == ["Das ist gut", "Bonjour", "Hallo"]
    assert scan_quotes("Home » News » Local").quotes == ()


def test_unclosed_and_stray():
    scan = scan_quotes("A stray ” here and “an open one.")
    assert len(scan.stray_closes) == 1
    assert [q.closed for q in scan.quotes] == [False]


def test_outside_text_keeps_offsets():
    text = "“We won,” she said."
    scan = scan_quotes(text)
    out = scan.outside_text(0, len(text))
    assert len(out) == len(text) and "won" not in out and out.endswith("she said.")


def test_no_marks_fast_path():
    scan = scan_quotes("Nothing to see here.")
    assert scan.marks == () and scan.quotes == ()


def test_title_case_and_code():
    assert is_title_case("Rivers In Crisis: The State Of Our Watersheds")
    assert is_title_case("The Lord of the Rings")
    assert not is_title_case("We will not rest until the lights are back on")
    assert looks_like_code("/guides/plain-language/")
    assert looks_like_code("text-align: center; {x}")
    assert not looks_like_code("We built this bridge for our grandchildren")


# -- dev set: precision and recall of quote-attribution -----------------------------------

DEVSET = os.path.join(HERE, "data", "quotes_devset.yaml")


def score_devset():
    with open(DEVSET, encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    tp = fp = fn = 0
    errors = []
    n_quotes = 0
    for item in data["items"]:
        text = item["text"]
        lines = LineIndex(text)
        labels = [(text.index(q["at"]), q) for q in item["quotes"]]
        n_quotes += len(labels)
        got = [f for f in findings(text, item["fmt"], select=["quote-attribution"]) if f.rule == "quote-attribution"]
        matched = set()
        for f in got:
            off = lines.starts[f.line - 1] + f.column - 1
            hit = [q for start, q in labels if start <= off < start + len(q["at"])]
            if hit and hit[0]["flag"]:
                tp += 1
                matched.add(id(hit[0]))
            else:
                fp += 1
                errors.append(f"FP {item['id']} {f.line}:{f.column} {f.message}")
        for _, q in labels:
            if q["flag"] and id(q) not in matched:
                fn += 1
                errors.append(f"FN {item['id']} {q['kind']} {q['at']!r}")
    return tp, fp, fn, n_quotes, errors


def test_devset_precision_recall():
    tp, fp, fn, n_quotes, errors = score_devset()
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    print(
        f"\nquote-attribution dev set: {n_quotes} quotes, {tp + fn} unattributed; "
        f"tp={tp} fp={fp} fn={fn} precision={precision:.3f} recall={recall:.3f}"
    )
    for e in errors:
        print("  " + e)
    assert n_quotes >= 80
    assert precision >= 0.95, errors
    assert recall >= 0.90, errors


# -- quote-style fixes -------------------------------------------------------------------


def apply_fixes(text, found, safe_only=True):
    edits = []
    for f in found:
        if f.fix is None or (safe_only and f.fix.applicability.value != "safe"):
            continue
        edits.extend(f.fix.edits)
    for e in sorted(edits, key=lambda e: e.start, reverse=True):
        text = text[: e.start] + e.replacement + text[e.end :]
    return text


def style(text, fmt="md", **opts):
    return [f for f in findings(text, fmt, select=["quote-style"], config={"quotes": opts}) if f.rule == "quote-style"]


def test_fix_straight_to_curly():
    text = "\"We can't wait,\" Ruiz said of the '90s-era pipes and the teachers' lounge.\n"
    found = style(text, marks="curly")
    assert all(f.fix.applicability.value == "safe" for f in found)
    assert apply_fixes(text, found) == "“We can’t wait,” Ruiz said of the ’90s-era pipes and the teachers’ lounge.\n"


def test_fix_keeps_primes_and_rock_n_roll():
    text = "The 6'2\" singer loved rock 'n' roll, \"the real thing.\"\n"
    fixed = apply_fixes(text, style(text, "txt", marks="curly"))
    assert fixed == "The 6'2\" singer loved rock ’n’ roll, “the real thing.”\n"


def test_fix_nested_straight_quotes():
    text = "\"He told me 'don't worry,'\" she said.\n"
    fixed = apply_fixes(text, style(text, marks="curly"))
    assert fixed == "“He told me ‘don’t worry,’” she said.\n"


def test_fix_curly_to_straight_is_safe():
    text = "“We can’t wait,” Ruiz said.\n"
    found = style(text, marks="straight")
    assert found and all(f.fix.applicability.value == "safe" for f in found)
    assert apply_fixes(text, found) == '"We can\'t wait," Ruiz said.\n'


def test_ambiguous_straight_mark_is_unsafe():
    text = 'She wrote "yes"on the form and "no" on the other, the clerk said.\n'
    found = style(text, marks="curly")
    assert any(f.fix.applicability.value == "unsafe" for f in found)


def test_mixed_document_fixes_toward_majority():
    text = "The council’s vote came after the mayor’s veto. The board's delay did not help.\n"
    found = style(text)
    assert len(found) == 1
    assert apply_fixes(text, found) == text.replace("board's", "board’s")


def test_primary_swap_fixes_nested_pair():
    text = "Ruiz called it ‘a fight for the “soul” of the city’ on Monday.\n"
    found = [f for f in style(text, primary="double") if "single marks" in f.message]
    assert len(found) == 1
    assert apply_fixes(text, found) == "Ruiz called it “a fight for the ‘soul’ of the city” on Monday.\n"


def test_auto_primary_fix_is_unsafe_unless_variety_declared():
    body = (
        "“We will try again next year,” Ruiz said. “The vote is not the end of this.”\n\n"
        "“We have the numbers,” said Councillor Ben Ortiz. He called it ‘a gift to the developers and nobody else’.\n"
    )
    guessed = [f for f in style(body) if "single marks" in f.message]
    assert len(guessed) == 1 and guessed[0].fix.applicability.value == "unsafe"
    declared = [f for f in style("---\ntitle: Vote\nlang: en-US\n---\n\n" + body) if "single marks" in f.message]
    assert len(declared) == 1 and declared[0].fix.applicability.value == "safe"


def test_straight_paragraph_is_one_finding_with_one_fix():
    text = (
        "“We will reopen the pool in June,” said Parks Director Lena Hart. “The pump house needs a roof.”\n\n"
        "“It’s been a long winter for the lifeguards,” she added.\n\n"
        '"We can\'t promise the slide will be ready," Hart said. "It\'s the oldest one."\n'
    )
    found = style(text)
    assert len(found) == 1 and "6 straight" in found[0].message
    assert apply_fixes(text, found, safe_only=False).count('"') == 0


def test_kramdown_block_attributes_become_classes():
    from edlint.parsers import ParseOptions, parse

    src = "> We are never going back to paper forms.\n{: .pull-quote}\n\nNext.\n\n> Another quotation here.\n\n{: .pullquote}\n"
    doc = parse("a.md", src, "markdown", ParseOptions())
    quotes = [b for b in doc.blocks if b.kind == "blockquote"]
    paras = [b.text.text for b in doc.prose]
    assert quotes[0].classes == ("pull-quote",) and quotes[1].classes == ("pullquote",)
    assert paras == ["We are never going back to paper forms.", "Next.", "Another quotation here."]


def test_reporting_verbs_read_in_context():
    """A reporting verb's form is not enough: an imperative, a topic ("talking about"), an
    intention ("hopes to add"), an adjective ("the shared folder") or a noun in a list names
    no speaker; the same words in a clause with a subject do."""
    from edlint.rules.quotes.options import QuotesOptions
    from edlint.rules.quotes.speaker import _Ctx

    ctx = _Ctx(QuotesOptions())
    speaks = [
        "She told us the roof had to come off.",
        "Kate, who works the early shift, notes, “",
        "The manual talks about how, “",
        "He went on to add that the budget was fixed.",
        "The plan was described by the auditor as",
        "They hypothesized that timing mattered",
    ]
    silent = [
        "Plan the route. Tell the neighbours.",
        "I'm talking about the ties between agencies.",
        "She hopes to add a second squad next season, ",
        "Budgets are kept in the shared folder on the drive.",
        "It takes several forms: quarterly meetings, comments on drafts.",
        "Code review is often described as",
        "The share of late applications fell by half.",
    ]
    assert [t for t in speaks if not ctx.has_verb(t)] == []
    assert [t for t in silent if ctx.has_verb(t)] == []


def test_a_caption_naming_a_person():
    from edlint.rules.quotes.names import _names_person

    assert _names_person("Grace Okafor, head teacher")
    assert _names_person("Dr Ana Lewis (left) with volunteers")
    assert not _names_person("The old school hall after the refit")
    assert not _names_person(
        "Volunteers carry books into the new library on Saturday morning before the doors opened to the public"
    )
