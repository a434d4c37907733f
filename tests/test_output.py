"""What a ruff user expects from the text output: quoted article text a reader can read,
fixable findings marked [*], a closing line counting fixes, and --statistics."""

import os
import subprocess
import sys

import edlint
from edlint.text.quoting import quoted, visible

# -- quoting article text in messages ---------------------------------------------------------


def test_quoted_picks_marks_the_text_does_not_contain():
    assert quoted("on Monday") == "'on Monday'"
    assert quoted("It's a disaster") == '"It\'s a disaster"'
    # Both straight marks in the text: curly ones, never a backslash.
    assert quoted("\"It's a disaster") == "\u2018\"It's a disaster\u2019"
    assert quoted("It’s “fine”") == "'It’s “fine”'"
    assert "\\" not in quoted("\"It's\" and 'that' and ‘this’ and “those”")


def test_quoted_shortens_long_text_with_an_ellipsis():
    long = "The council voted on Tuesday night to close the library on Elm Street after forty years of service"
    shown = quoted(long, limit=40)
    assert shown.startswith("'The council voted") and shown.endswith("…'")
    assert len(shown) <= 42
    assert quoted("Short line", limit=40) == "'Short line'"


def test_quoted_shows_invisible_characters():
    assert visible("pay\u200bwall") == "pay<U+200B>wall"
    assert visible("first line\nsecond\tcell") == "first line⏎second⇥cell"
    assert visible("bell\x07") == "bell<U+0007>"
    assert visible("right\u202eto left") == "right<U+202E>to left"
    assert visible("caf\u00e9 \u2014 no\u00a0break") == "caf\u00e9 \u2014 no\u00a0break"  # visible already
    assert "\n" not in quoted("two\nlines")


def _messages(text, path="story.md", rules=None):
    config = {"select": rules} if rules else None
    return [f.message for f in edlint.lint_text(text, path=path, config=config).findings]


def test_rule_messages_quote_text_without_python_escaping():
    article = (
        "---\ntitle: Flood defences fail\n---\n\n"
        "Residents were furious. \"It's a disaster for the whole street, said one neighbour.\n\n"
        "The council said repairs would start on Monday, 3 March 2026.\n"
    )
    messages = _messages(article, rules=["quote-unbalanced", "quote-attribution", "date-weekday"])
    assert messages, "the article has an unclosed quote and a wrong weekday"
    assert not any("\\'" in m for m in messages), messages
    assert any("\u2018\"It's a disaster" in m for m in messages), messages
    assert any("'Monday' does not match '3 March 2026'" in m for m in messages), messages


def test_a_clean_article_has_no_quoted_text_to_show():
    article = (
        "---\ntitle: Harbour reopens\n---\n\n"
        "\u201cIt\u2019s a good day for the town,\u201d said Mayor Ann Patel on Tuesday, 3 March 2026.\n"
    )
    assert _messages(article, rules=["quote-unbalanced", "quote-attribution", "date-weekday"]) == []
