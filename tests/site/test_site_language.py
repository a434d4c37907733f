"""The language variety: the file's own `lang` (front matter, <html lang>), then the site's
config (Hugo languageCode, Jekyll lang, Eleventy global data), then edlint's `language`,
then the default; and where it came from (Document.language_source)."""

import os

import pytest
from sitetools import copy_site, rules_of, run_check

from edlint.engine import Linter
from edlint.parsers import ParseOptions, parse
from edlint.site import page_kind, set_language
from edlint.site.detect import language_tag

UK_STORY = """---
title: Ferry timetable changes from Monday
author: Sam Okafor
date: 2024-05-02
description: The island ferry adds an early sailing on weekdays.
{extra}---

The crossing is 14 kilometres and takes about 40 minutes.
"""


def language_of(path):
    """(language, source) the engine gives the document at ``path``."""
    linter = Linter()
    config = linter.config_for(path)
    with open(path, encoding="utf-8") as fh:
        doc = parse(
            path, fh.read(), "html" if path.endswith(".html") else "markdown", ParseOptions(language=config.language)
        )
    site = linter.site_for(path, config)
    set_language(doc, site, config)
    page_kind(path, doc, site, config)
    return doc.language, doc.language_source, doc.variety_known


def set_jekyll_lang(value):
    with open("_config.yml", encoding="utf-8") as fh:
        text = fh.read()
    text = text.replace("lang: en-GB\n", f"lang: {value}\n" if value else "")
    with open("_config.yml", "w", encoding="utf-8") as fh:
        fh.write(text)


POST = "_posts/2024-05-02-ferry-timetable.md"


def test_jekyll_lang_makes_kilometres_right(tmp_path, monkeypatch):
    monkeypatch.chdir(copy_site("jekyll", tmp_path))
    assert language_of(POST) == ("en-GB", "site", True)
    code, findings, _ = run_check(POST)
    assert findings == [] and code == 0


def test_site_language_beats_the_edlint_config(tmp_path, monkeypatch):
    monkeypatch.chdir(copy_site("jekyll", tmp_path))
    with open(".edlint.yaml", "w", encoding="utf-8") as fh:
        fh.write("language: en-US\n")
    assert language_of(POST) == ("en-GB", "site", True)
    set_jekyll_lang(None)
    assert language_of(POST) == ("en-US", "config", True)
    _code, findings, _ = run_check(POST)
    assert rules_of(findings) == [(POST, "units-spelling")]
    assert findings[0]["fix"]["applicability"] == "safe"  # the variety was declared


def test_front_matter_lang_beats_the_site(tmp_path, monkeypatch):
    monkeypatch.chdir(copy_site("jekyll", tmp_path))
    with open(POST, "w", encoding="utf-8") as fh:
        fh.write(UK_STORY.format(extra="lang: en-US\n"))
    assert language_of(POST) == ("en-US", "document", True)
    _, findings, _ = run_check(POST)
    assert rules_of(findings) == [(POST, "units-spelling")]


def test_nothing_declared_is_the_default_and_not_a_known_variety(tmp_path, monkeypatch):
    monkeypatch.chdir(copy_site("jekyll", tmp_path))
    set_jekyll_lang(None)
    _lang, source, known = language_of(POST)
    assert source == "default" and known is False


def test_bare_site_language_does_not_undo_a_configured_variety(tmp_path, monkeypatch):
    monkeypatch.chdir(copy_site("jekyll", tmp_path))
    set_jekyll_lang("en")
    with open(".edlint.yaml", "w", encoding="utf-8") as fh:
        fh.write("language: en-GB\n")
    assert language_of(POST) == ("en-GB", "config", True)
    os.remove(".edlint.yaml")
    assert language_of(POST) == ("en", "site", True)


def test_hugo_language_code_and_languages_table(tmp_path, monkeypatch):
    site = copy_site("hugo", tmp_path)
    monkeypatch.chdir(site)
    story = "content/news/harbour-wall-rebuilt.md"
    assert language_of(story) == ("en-US", "site", True)
    with open("hugo.toml", "w", encoding="utf-8") as fh:
        fh.write('title = "Gazette"\ndefaultContentLanguage = "en"\n[languages.en]\n  languageCode = "en-GB"\n')
    assert language_of(story) == ("en-GB", "site", True)


def test_hugo_config_default_folder(tmp_path, monkeypatch):
    root = tmp_path / "site"
    (root / "config" / "_default").mkdir(parents=True)
    (root / "content" / "news").mkdir(parents=True)
    (root / "config" / "_default" / "hugo.yaml").write_text("languageCode: en_AU\n", encoding="utf-8")
    (root / "content" / "news" / "a.md").write_text(UK_STORY.format(extra=""), encoding="utf-8")
    monkeypatch.chdir(root)
    assert language_of("content/news/a.md") == ("en-AU", "site", True)


def test_eleventy_global_data_and_js_data_never_run(tmp_path, monkeypatch):
    site = copy_site("eleventy", tmp_path)
    monkeypatch.chdir(site)
    post = "src/posts/2024-06-city-budget.md"
    assert language_of(post) == ("en-US", "site", True)
    os.remove("src/_data/metadata.json")
    with open("src/_data/site.js", "w", encoding="utf-8") as fh:
        # Code, not data: only the literal is read, nothing is executed.
        fh.write('require("fs").writeFileSync("ran.txt", "x");\nmodule.exports = { lang: "en-GB" };\n')
    assert language_of(post) == ("en-GB", "site", True)
    assert not os.path.exists("ran.txt")


def test_html_lang_is_the_document_language(tmp_path, monkeypatch):
    monkeypatch.chdir(copy_site("plain", tmp_path))
    assert language_of("2024/06/council-budget.html") == ("en-GB", "document", True)


@pytest.mark.parametrize(
    "raw,tag",
    [
        ("en-gb", "en-GB"),
        ("en_US", "en-US"),
        ("EN", "en"),
        ("fr", "fr"),
        ("english", None),
        ("", None),
        (None, None),
        ("en-GB-oxendict", None),
    ],
)
def test_language_tags_are_normalised(raw, tag):
    assert language_tag(raw) == tag


def test_hugo_multilingual_content_folders_have_their_own_language(tmp_path, monkeypatch):
    root = tmp_path / "site"
    for rel in ("content/en/news/quay.md", "content/fr/news/quai.md"):
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(UK_STORY.format(extra=""), encoding="utf-8")
    (root / "hugo.yaml").write_text(
        "defaultContentLanguage: en\nlanguages:\n  en: {contentDir: content/en, languageCode: en-GB}\n"
        "  fr: {contentDir: content/fr}\n",
        encoding="utf-8",
    )
    monkeypatch.chdir(root)
    assert language_of("content/en/news/quay.md") == ("en-GB", "site", True)
    assert language_of("content/fr/news/quai.md") == ("fr", "site", True)


@pytest.mark.skipif(not hasattr(os, "symlink") or not hasattr(os, "mkfifo"), reason="no symlinks or FIFOs")
def test_site_config_symlinked_out_of_the_site_is_not_read_and_a_fifo_ignore_file_does_not_block(tmp_path, monkeypatch):
    outside = tmp_path / "outside.yml"
    outside.write_text("lang: en-GB\n", encoding="utf-8")
    site = tmp_path / "site"
    (site / "_posts").mkdir(parents=True)
    (site / "_posts" / "2024-05-02-ferry.md").write_text(UK_STORY.format(extra=""), encoding="utf-8")
    os.symlink(outside, site / "_config.yml")
    os.mkfifo(site / ".gitignore")
    monkeypatch.chdir(site)
    assert language_of("_posts/2024-05-02-ferry.md")[1] == "default"  # detected as Jekyll, config not read
    code, findings, _ = run_check()
    assert code == 0 and findings == []
