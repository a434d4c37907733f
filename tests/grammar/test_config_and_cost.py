"""Configuration of the grammar rules, what is imported when, the missing extra, and the
pieces the Harper backend is made of (no Harper linter is built here)."""

import json
import os

import pytest

import edlint
from edlint.config import ConfigError
from edlint.grammar import harper_backend
from edlint.grammar.answers import Answers
from edlint.grammar.backend import Problem
from edlint.grammar.dictionary import expand, plain_word, possessive_stem, shipped_words

STORY = """---
title: Ferry timetable changes from Monday
author: Sam Okafor
date: 2024-05-02
description: The island ferry adds an early sailing on weekdays.
---

The island ferry will add a 6.15am sailing on weekdays from Monday, the operator said.
"""


def test_both_rules_off_by_default_and_not_turned_on_by_all():
    from edlint.rules.registry import default_registry

    reg = default_registry()
    assert reg.get("grammar").enabled_by_default is False
    assert reg.get("spelling").enabled_by_default is False
    assert reg.get("spelling").family == "grammar"
    result = edlint.lint_text(STORY, path="story.md", config={"select": ["all"]})
    assert not {f.rule for f in result.findings} & {"grammar", "spelling"}


def test_default_kinds_off_come_from_one_list(monkeypatch):
    from edlint.grammar.kinds import DEFAULT_KINDS_OFF
    from edlint.rules.grammar import GrammarOptions

    assert GrammarOptions().kinds_off is DEFAULT_KINDS_OFF


@pytest.mark.parametrize(
    ("section", "expected"),
    [
        ({"backend": "harpr"}, "must be one of 'auto', 'harper', 'languagetool'"),
        ({"wrods": ["Okafor"]}, "did you mean 'words'"),
        ({"harper_rules": ["ModalOf"]}, "harper_rules"),
    ],
)
def test_bad_grammar_config_is_a_config_error(section, expected):
    with pytest.raises(ConfigError) as err:
        edlint.lint_text(STORY, path="story.md", config={"extend_select": ["grammar"], "grammar": section})
    assert expected in str(err.value)


def test_languagetool_section_is_read_into_the_grammar_options():
    from edlint.config import config_from_mapping
    from edlint.policy import CliOverrides, resolve
    from edlint.rules.registry import default_registry

    reg = default_registry()
    config = config_from_mapping(
        {"languagetool": {"url": "http://lt.invalid:8010", "timeout_s": 3}, "grammar": {"timeout_s": 4}}, reg
    )
    settings = resolve(config, "story.md", reg, CliOverrides())
    opts = settings.options["grammar"]  # on: a server is configured
    assert opts.url == "http://lt.invalid:8010" and opts.timeout_s == 4.0  # grammar: wins


def test_harper_backend_never_turns_the_rules_on_by_itself():
    from edlint.rules.grammar import GrammarOptions, _configured

    assert _configured(GrammarOptions(url="http://lt.invalid"))
    assert not _configured(GrammarOptions(url="http://lt.invalid", backend="harper"))
    assert not _configured(GrammarOptions())


def test_missing_extra_is_a_clear_error(monkeypatch):
    monkeypatch.setattr(harper_backend, "available", lambda: False)
    config = {
        "extend_select": ["grammar"],
        "grammar": {"backend": "harper", "cache": False, "harper_only": [], "words": ["x"]},
    }
    result = edlint.lint_text(STORY, path="story.md", config=config)
    assert result.internal_error  # exit 2
    assert any('pip install "edlint[grammar]"' in m for m in result.messages)
    # auto with neither Harper nor a server: the same, naming both ways out.
    result = edlint.lint_text(STORY, path="story.md", config={"extend_select": ["grammar"]})
    assert result.internal_error
    assert any("LanguageTool" in m and "edlint[grammar]" in m for m in result.messages)


def test_missing_extra_exits_2_on_the_command_line(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from edlint.cli import main

    monkeypatch.setattr(harper_backend, "available", lambda: False)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "story.md").write_text(STORY, encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--no-cache", "--extend-select", "grammar", "story.md"])
    assert result.exit_code == 2, result.output
    assert 'pip install "edlint[grammar]"' in result.output


def test_a_plain_check_imports_no_grammar_backend(tmp_path):
    from cli.test_startup import loaded_modules

    (tmp_path / "ferry.md").write_text(STORY, encoding="utf-8")
    modules, proc = loaded_modules(["check", "--no-cache", "ferry.md"], tmp_path)
    assert "EXIT 0" in proc.stderr, proc.stderr
    assert "harper" not in modules
    assert not {m for m in modules if m.startswith("edlint.grammar.")} - {"edlint.grammar.kinds"}


@pytest.mark.parametrize(
    ("tag", "dialect"),
    [
        ("en", "en-US"),
        ("en-US", "en-US"),
        ("en-gb", "en-GB"),
        ("en_AU", "en-AU"),
        ("en-CA", "en-CA"),
        ("en-NZ", "en-GB"),
    ],
)
def test_dialect_from_the_language_tag(tag, dialect):
    assert harper_backend.dialect_of(tag) == dialect


def test_the_variety_decides_the_dialect_and_other_languages_are_not_checked():
    from edlint.document import Document
    from edlint.rules.grammar import GrammarOptions, _language

    doc = Document(path="a.md", format="markdown", source="", language="en-AU", language_declared=True)
    assert _language(doc, GrammarOptions(), harper=True) == "en-AU"
    doc.language = "fr-FR"
    assert _language(doc, GrammarOptions(), harper=True) is None
    assert _language(doc, GrammarOptions(language="en-GB"), harper=True) == "en-GB"


@pytest.mark.parametrize(
    ("text", "word", "plain"),
    [
        ("the libary.", "libary", True),
        ("he dont know", "dont", True),
        ("Okafor said", "Okafor", False),  # a name
        ("the FedRAMP rules", "FedRAMP", False),
        ("our 18F’s team", "F’s", False),  # part of 18F’s
        ("the sautéed leeks", "sautéed", False),  # accented: a foreign or borrowed word
        ("see example.gov/libary now", "libary", False),  # part of an address
        ("pip instal foo", "instal", True),
        ("the un-adjusted numbers", "un", False),  # a piece of a hyphenated word
        ("see api-umbrella", "api", False),
        ("a x b", "x", False),
    ],
)
def test_which_unknown_words_are_spelling_candidates(text, word, plain):
    start = text.index(word)
    assert plain_word(text, start, start + len(word)) is plain


def test_pack_notation_and_shipped_words():
    assert expand("color(|s|ed)") == ["color", "colors", "colored"]
    assert expand("~stor(y|ies)") == ["story", "stories"]
    words = shipped_words()
    assert {"colour", "color", "organisation", "metre", "NATO"} <= words
    assert possessive_stem("Okafor’s") == "Okafor"


def test_answers_are_remembered_and_bad_lines_ignored(tmp_path, monkeypatch):
    monkeypatch.delenv("EDLINT_NO_CACHE", raising=False)
    path = tmp_path / ".edlint_cache" / "harper.jsonl"
    answers = Answers(str(path))
    key = Answers.key("harper:x\0en-US", "The libary opens.")
    problem = Problem(4, 10, "Spelling", "SpellCheck", "Did you mean", ("library",), True)
    answers.put(key, [problem])
    with open(path, "a", encoding="utf-8") as fh:
        fh.write('["torn", [[1, 2\n' + json.dumps(["neg", [[-1, 2, "k", "c", "m", [], False]]]) + "\n")
    again = Answers(str(path))
    assert again.get(key) == [problem]
    assert again.get("torn") is None and again.get("neg") is None
    monkeypatch.setenv("EDLINT_NO_CACHE", "1")
    assert Answers(str(path)).get(key) is None


def test_answers_are_never_written_through_a_symlink(tmp_path, monkeypatch):
    monkeypatch.delenv("EDLINT_NO_CACHE", raising=False)
    outside = tmp_path / "outside.txt"
    outside.write_text("keep\n", encoding="utf-8")
    folder = tmp_path / "site" / ".edlint_cache"
    folder.mkdir(parents=True)
    (folder / "harper.jsonl").symlink_to(outside)
    Answers(str(folder / "harper.jsonl")).put("k", [])
    assert outside.read_text(encoding="utf-8") == "keep\n"


def test_service_identity_is_stable_across_runs():
    from edlint.rules.grammar import GrammarOptions, _harper_service

    if not harper_backend.available():
        pytest.skip('harper-py not installed: pip install "edlint[grammar]"')
    a = _harper_service(os.getcwd(), GrammarOptions(cache=False))
    b = _harper_service(os.getcwd(), GrammarOptions(cache=False))
    c = _harper_service(os.getcwd(), GrammarOptions(cache=False, words=("agrihood",)))
    assert str(a) == str(b) != str(c)
    assert "0x" not in str(a)


@pytest.mark.parametrize(
    ("text", "word", "after"),
    [
        ("Add 4 oz. cooked chicken.", "cooked", True),
        ("Shares in McClatchy Co. can’t recover.", "can’t", True),
        ("The lab opens at 5 p.m. and closes late.", "and", True),
        ("Use the {.float-left} class.", "float", True),
        ("It rained. the match was called off.", "the", False),
        ("We met. later that day we spoke.", "later", False),
    ],
)
def test_a_full_stop_after_an_abbreviation_starts_no_sentence(text, word, after):
    from edlint.grammar.prose import after_abbreviation

    assert after_abbreviation(text, text.index(word)) is after


def test_quotes_and_addresses_are_excluded_ranges():
    from edlint.grammar.prose import excluded_ranges, touches

    text = "Lee said “we could of won” and posted https://example.org/teh-libary on the site."
    ranges = excluded_ranges(text, check_quotes=False)
    assert touches(text.index("could of"), text.index("could of") + 8, ranges)
    assert touches(text.index("teh"), text.index("teh") + 3, ranges)
    assert not touches(text.index("posted"), text.index("posted") + 6, ranges)
    assert not touches(text.index("could of"), text.index("could of") + 8, excluded_ranges(text, check_quotes=True))


def test_a_panic_in_harper_skips_the_paragraph_and_says_so(monkeypatch):
    from edlint.grammar.harper_backend import HarperBackend

    class Panic(BaseException):  # what pyo3 raises when Rust code panics
        pass

    class Exploding:
        def organized_lints(self, text, language):
            if "boom" in text:
                raise Panic("index out of bounds")
            return {}

    import threading

    monkeypatch.setattr(harper_backend, "shared_linter", lambda *a: (Exploding(), threading.Lock(), []))
    backend = HarperBackend((), {}, Answers(None))
    assert backend.check(["A calm paragraph.", "A boom paragraph."], "en-US") == [[], []]
    assert any("Harper failed on a paragraph (Panic: index out of bounds)" in m for m in backend.messages)
