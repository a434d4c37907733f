"""What a ruff user expects from the text output: quoted article text a reader can read,
fixable findings marked [*], a closing line counting fixes, and --statistics."""

import json
import re

from click.testing import CliRunner

import edlint
from edlint.cli import main
from edlint.reporters import text as text_reporter
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


# -- [*], the fixable line and --statistics ---------------------------------------------------

HARBOUR = """---
title: Harbour wall repaired
lang: en-GB
---

The harbour wall, 400 metres long, was repaired in time for the regatta. \u201cIt\u2019s a relief,\u201d said
harbour master Tom Reed. The council's engineers finished the work on Friday.

Boats queued for two miles outside the harbour, and the new slipway is 30 metres wide.

![](regatta.jpg)
"""
RULES = "quote-style,units-mixed-system,image-alt"


def _check(tmp_path, *args, text=HARBOUR, rules=RULES):
    path = tmp_path / "harbour.md"
    path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(
        main, ["check", "--no-cache", "--select", rules, *args, str(path)], catch_exceptions=False
    )
    return result, str(path)


def _finding(output, rule):
    return next(line for line in output.splitlines() if f" {rule} " in line)


def test_fixable_findings_are_marked_and_counted(tmp_path):
    result, path = _check(tmp_path)
    assert result.exit_code == 1
    # A safe fix (the straight apostrophe) is marked; an unsafe one (a converted unit) only
    # with --unsafe-fixes; a finding with no fix (no alt text) never.
    assert _finding(result.output, "quote-style").startswith(f"{path}:7:37: info quote-style [*] Straight apostrophe")
    assert "[*]" not in _finding(result.output, "units-mixed-system")
    assert "[*]" not in _finding(result.output, "image-alt")
    assert result.output.rstrip().endswith(
        "[*] 1 fixable with the `--fix` option (1 hidden fix can be enabled with the `--unsafe-fixes` option)."
    )


def test_unsafe_fixes_mark_and_count_the_unsafe_ones_too(tmp_path):
    result, _ = _check(tmp_path, "--unsafe-fixes")
    assert "[*]" in _finding(result.output, "units-mixed-system")
    assert "[*]" not in _finding(result.output, "image-alt")
    assert result.output.rstrip().endswith("[*] 2 fixable with the `--fix --unsafe-fixes` options.")


def test_only_hidden_fixes_say_no_fixes_available(tmp_path):
    result, _ = _check(tmp_path, "--ignore", "quote-style")
    assert "[*]" not in result.output.split("\n\n")[0]
    assert result.output.rstrip().endswith(
        "No fixes available (1 hidden fix can be enabled with the `--unsafe-fixes` option)."
    )


def test_no_fixable_line_when_nothing_can_be_fixed(tmp_path):
    result, _ = _check(tmp_path, rules="image-alt")
    assert "fixable with" not in result.output and "No fixes available" not in result.output
    assert result.output.rstrip().endswith("1 problem (1 warning) in 1 file")


def test_fix_leaves_only_what_it_could_not_fix(tmp_path):
    result, path = _check(tmp_path, "--fix")
    assert "quote-style" not in result.output
    assert "The council\u2019s engineers" in open(path, encoding="utf-8").read()
    assert "No fixes available (1 hidden fix" in result.output


def test_statistics_counts_per_rule_most_first(tmp_path):
    text = HARBOUR.replace("regatta.jpg", "regatta.jpg)\n\n![](crowd.jpg")
    result, _ = _check(tmp_path, "--statistics", text=text)
    assert result.exit_code == 1  # the findings still fail the run
    lines = result.output.splitlines()
    assert [cell.strip() for cell in lines[0].split("\t")[:2]] == ["2", "image-alt"]
    assert lines[0].split("\t")[2].startswith("[ ] An image with no alt text")
    assert [ln.split("\t")[1].strip() for ln in lines[1:3]] == ["quote-style", "units-mixed-system"]
    assert lines[1].split("\t")[2].startswith("[*] ")
    assert lines[2].split("\t")[2].startswith("[ ] ")
    assert not any(":7:37:" in ln for ln in lines)  # counts instead of the findings
    assert "4 problems (3 warnings, 1 info) in 1 file" in result.output


def test_statistics_as_json(tmp_path):
    result, _ = _check(tmp_path, "--statistics", "--format", "json", "--unsafe-fixes")
    rows = json.loads(result.output)
    assert [(r["rule"], r["count"], r["fixable"]) for r in rows] == [
        ("image-alt", 1, False),
        ("quote-style", 1, True),
        ("units-mixed-system", 1, True),
    ]


def test_statistics_with_a_report_format_is_a_usage_error(tmp_path):
    result, _ = _check(tmp_path, "--statistics", "--format", "sarif")
    assert result.exit_code == 2


def test_statistics_on_a_replayed_run_still_names_the_rules(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "harbour.md").write_text(HARBOUR, encoding="utf-8")
    args = ["check", "--select", "image-alt", "--statistics", "harbour.md"]
    first = CliRunner().invoke(main, args, catch_exceptions=False)
    again = CliRunner().invoke(main, args, catch_exceptions=False)
    assert first.output == again.output
    assert again.output.startswith("1\timage-alt\tAn image with no alt text")


def test_colour_output_marks_the_same_findings():
    result = edlint.lint_text(
        HARBOUR, path="harbour.md", config={"select": ["quote-style", "units-mixed-system", "image-alt"]}
    )
    plain = text_reporter.render(result, {"color": False})
    coloured = text_reporter.render(result, {"color": True})
    assert re.sub(r"\033\[[0-9;]*m", "", coloured) == plain
    assert plain.count("[*]") == 2  # one finding, and the closing line
