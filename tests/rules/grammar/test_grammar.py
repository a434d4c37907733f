"""The grammar rule against a loopback stand-in for LanguageTool's HTTP API."""

import os

import pytest

import edlint
from edlint.languagetool import parse_matches, utf16_to_index
from lt_standin import StandIn

ARTICLE = """---
title: Library hours cut
author: Maya Okafor
---

# Library hours cut

By Maya Okafor

The council voted to shut teh libary on Sundays, a decision campaigners said could of been avoided.

“We could of fought teh closure,” said Ann Lee.

Staff will move to other branches in order to cover the longer weekday hours.
"""


def lint(url, text=ARTICLE, path="story.md", **options):
    config = {"select": ["grammar"], "languagetool": {"url": url, "cache": False, "retries": 0, **options}}
    return edlint.lint_text(text, path=path, config=config)


def where(result, text=ARTICLE):
    lines = text.split("\n")
    return [
        (f.line, lines[f.line - 1][f.column - 1 : f.end_column - 1], str(f.severity), f.data["languagetool_rule"])
        for f in result.findings
        if f.rule in ("grammar", "spelling")
    ]


def test_matches_map_to_exact_positions_skip_quotes_and_names():
    with StandIn() as lt:
        result = lint(lt.url)
    assert where(result) == [
        (10, "teh", "warning", "MORFOLOGIK_RULE_EN_US"),
        (10, "libary", "warning", "MORFOLOGIK_RULE_EN_US"),
        (10, "could of", "warning", "COULD_OF"),
        (14, "in order to", "info", "IN_ORDER_TO"),
    ]
    f = result.findings[0]
    assert "Possible spelling mistake" in f.message and "(MORFOLOGIK_RULE_EN_US)" in f.message
    assert f.fix.applicability.value == "unsafe" and f.fix.edits[0].replacement == "the"
    assert f.data["category"] == "TYPOS"


def test_request_fields_and_default_disabled_rules():
    with StandIn() as lt:
        lint(lt.url)
        (request,) = lt.requests  # one batch per document
    assert request["language"] == "en-US"
    assert "ENGLISH_WORD_REPEAT_RULE" in request["disabledRules"]  # doubled words: another family
    assert "{{" not in request["text"] and "title:" not in request["text"]  # no markup, no front matter


def test_utf16_offsets_with_emoji_before_and_inside_a_match():
    text = "Fans 😀 cheered teh team. Then 😀x happened."
    with StandIn() as lt:
        result = lint(lt.url, text=text + "\n", path="a.txt")
    got = [(text[f.column - 1 : f.end_column - 1], f.data["languagetool_rule"]) for f in result.findings]
    assert got == [("teh", "MORFOLOGIK_RULE_EN_US"), ("😀x", "EMOJI_TEST")]


def test_utf16_conversion_unit():
    text = "a😀b"
    to_index = utf16_to_index(text)
    assert [to_index(u) for u in (0, 1, 3, 4)] == [0, 1, 2, 3]
    payload = {
        "matches": [{"offset": 3, "length": 1, "message": "m", "rule": {"id": "R", "category": {"id": "TYPOS"}}}]
    }
    (m,) = parse_matches(text, payload)
    assert (m.offset, m.length) == (2, 1)


def test_multi_paragraph_html_mapping():
    html = "<article><h1>Storm</h1>\n<p>Crews cleared teh road.</p>\n<p>Officials said &amp; the libary reopened.</p></article>"
    with StandIn() as lt:
        result = lint(lt.url, text=html, path="a.html")
    got = [(f.line, html.split("\n")[f.line - 1][f.column - 1 : f.end_column - 1]) for f in result.findings]
    assert got == [(2, "teh"), (3, "libary")]


@pytest.mark.parametrize("mode", ["error", "close", "slow"])
def test_server_failures_are_one_message_and_other_rules_still_run(mode):
    with StandIn() as lt:
        lt.mode = mode
        lt.delay = 2.0
        config = {
            "select": ["grammar", "image-alt"],
            "languagetool": {"url": lt.url, "cache": False, "retries": 1, "timeout_s": 0.5},
        }
        result = edlint.lint_text(ARTICLE + "\n![](x.jpg)\n", path="story.md", config=config)
    assert [f.rule for f in result.findings] == ["image-alt"]
    assert len(result.messages) == 1
    assert "unreachable" in result.messages[0] and "grammar checks skipped" in result.messages[0]
    assert not result.internal_error


def test_required_server_down_is_exit_2():
    with StandIn() as lt:
        lt.mode = "error"
        config = {
            "select": ["grammar"],
            "languagetool": {"url": lt.url, "cache": False, "retries": 0, "required": True},
        }
        result = edlint.lint_text(ARTICLE, path="story.md", config=config)
    assert result.internal_error


def test_cache_means_unchanged_paragraphs_never_go_back(tmp_path):
    cfg = tmp_path / ".edlint.yaml"
    story = tmp_path / "story.md"
    story.write_text(ARTICLE, encoding="utf-8")
    with StandIn() as lt:
        cfg.write_text(f"select: [grammar]\nlanguagetool: {{url: '{lt.url}', retries: 0}}\n", encoding="utf-8")
        first = edlint.lint_paths([str(story)])
        second = edlint.lint_paths([str(story)])
        assert len(lt.requests) == 1
    assert [f.to_json() for f in first.findings] == [f.to_json() for f in second.findings]
    assert (tmp_path / ".edlint_cache" / "languagetool.jsonl").exists()


def test_off_by_default_and_on_when_a_server_is_configured(monkeypatch):
    from edlint.rules.registry import default_registry

    assert default_registry().get("grammar").enabled_by_default is False
    with StandIn() as lt:
        plain = edlint.lint_text(ARTICLE, path="story.md", config={})
        assert not any(f.rule == "grammar" for f in plain.findings) and lt.requests == []
        monkeypatch.setenv("EDLINT_LANGUAGETOOL_URL", lt.url)
        on = edlint.lint_text(ARTICLE, path="story.md", config={"languagetool": {"cache": False}})
        assert any(f.rule == "grammar" for f in on.findings)
        # Misspellings are the spelling rule's, on with it (a family of two rules).
        assert any(f.rule == "spelling" and f.data["category"] == "TYPOS" for f in on.findings)


def test_selected_without_a_server_says_so():
    config = {"select": ["grammar"], "grammar": {"backend": "languagetool"}}
    result = edlint.lint_text(ARTICLE, path="story.md", config=config)
    assert result.findings == []
    assert any("no LanguageTool server is configured" in m for m in result.messages)


@pytest.mark.skipif(
    not os.environ.get("EDLINT_TEST_LANGUAGETOOL_URL"),
    reason="set EDLINT_TEST_LANGUAGETOOL_URL to a real LanguageTool server (see README)",
)
def test_real_languagetool_server():
    url = os.environ["EDLINT_TEST_LANGUAGETOOL_URL"]
    result = lint(url, text="The council voted to shut teh library on Sundays.\n", path="a.txt")
    assert any(f.data["languagetool_rule"].startswith("MORFOLOGIK") for f in result.findings)


def test_languagetool_status_command():
    from click.testing import CliRunner

    from edlint.cli import main

    with StandIn() as lt:
        result = CliRunner().invoke(main, ["languagetool", "status", "--url", lt.url])
    assert result.exit_code == 0, result.output
    assert "en-GB" in result.output
    result = CliRunner().invoke(main, ["languagetool", "status", "--url", "http://127.0.0.1:9/"])
    assert result.exit_code == 2
