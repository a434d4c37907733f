"""Harper's spans count code points, and findings land on the exact source line and column
whatever comes before them: curly apostrophes, accents, dashes, emoji, markup, entities."""

import pytest

import edlint

pytestmark = pytest.mark.slow

# Every Harper rule, and a house word list (with Harper, spelling needs one).
CONFIG = {
    "extend_select": ["grammar"],
    "grammar": {"backend": "harper", "cache": False, "harper_only": [], "words": ["x"]},
}


@pytest.mark.parametrize("before", ["", "’", "é", "—", "😀", "😀😀 é—’ "])
def test_harper_spans_are_code_points(harper_linter, before):
    text = f"{before} Fans waited for teh ferry at dawn."
    (lint,) = [x for x in harper_linter.lint(text, language="plaintext") if x.problem_text == "teh"]
    assert text[lint.span.start : lint.span.end] == "teh"
    assert lint.span.start == text.index("teh")


def found(result, text):
    lines = text.split("\n")
    return [
        (f.line, lines[f.line - 1][f.column - 1 : f.end_column - 1], f.rule)
        for f in result.findings
        if f.rule in ("grammar", "spelling")
    ]


def test_markdown_positions_after_non_ascii_and_markup(harper_linter):
    text = (
        "---\ntitle: Ferry queues\nlang: en-US\n---\n\n"
        "Café owners — 😀 the ferry’s regulars — said the *libary* queue could of been shorter.\n\n"
        "Résumé workshops &amp; 😀😀 talks: organizers recieved 40 bookings.\n"
    )
    result = edlint.lint_text(text, path="story.md", config=CONFIG)
    assert found(result, text) == [
        (6, "libary", "spelling"),
        (6, "could of", "grammar"),
        (8, "recieved", "spelling"),
    ]


def test_html_positions_across_paragraphs_and_entities(harper_linter):
    html = (
        '<html lang="en-US"><body><article><h1>Storm — 😀 update</h1>\n'
        "<p>Crews &amp; volunteers cleared the road near the harbor’s wall.</p>\n"
        "<p>Officials said the libary reopened, and their going to extend its hours.</p>\n"
        "</article></body></html>\n"
    )
    result = edlint.lint_text(html, path="storm.html", config=CONFIG)
    assert found(result, html) == [(3, "libary", "spelling"), (3, "their", "grammar")]


def test_plain_text_with_emoji_before_a_finding(harper_linter):
    text = "Fans 😀 cheered as the team recieved the cup — “at last”.\n"
    result = edlint.lint_text(text, path="cup.txt", config=CONFIG)
    assert found(result, text) == [(1, "recieved", "spelling")]
