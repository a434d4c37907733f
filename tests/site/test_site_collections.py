"""Collections and sections that are not the site's stories are pages, not articles.

A Jekyll design-system site keeps its components in a collection (`_components/`) whose
layout prints the front matter; a Hugo site keeps documentation in `docs/` beside its blog; an
Eleventy site tags its stories `posts` and keeps other collections (projects, docs) as
pages. Article-only rules (metadata, bios, duplicates) must not run on those pages, and a
user's `articles:` / `page_kinds:` config still wins."""

from __future__ import annotations

import os

from sitetools import rules_of, run_check

from edlint.engine import Linter
from edlint.site.settings import file_kind

COMPONENT = """---
permalink: /components/alert/
layout: component
title: Alert
lead: An alert keeps users informed of important and sometimes time-sensitive changes.
component:
  name: alert
  status: ready
---
"""

POST = """---
title: Spring release adds a date range picker
author: Dana Whitfield
date: 2024-04-18
description: The April release adds a date range picker and fixes focus handling in the combo box.
---

The April release of the design system adds a date range picker, the component agencies asked
for most often in last year's survey. It also fixes how focus moves in the combo box.
"""


def _write(root, rel: str, text: str) -> None:
    path = os.path.join(str(root), *rel.split("/"))
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(text)


def _kinds(paths: list[str]) -> dict[str, str]:
    linter = Linter()
    return {p: file_kind(linter, p) for p in paths}


def _jekyll_design_system(root, collections: str, defaults: str = "") -> None:
    _write(
        root,
        "_config.yml",
        f"title: Harbour Design System\nlang: en-US\ncollections:\n{collections}{defaults}",
    )
    _write(root, "_components/alert/index.md", COMPONENT)
    _write(
        root,
        "_components/alert/guidance.md",
        COMPONENT.replace("title: Alert", "title: Alert guidance")
        + "\nUse an alert for a change the user must notice before going on.\n",
    )
    _write(root, "_posts/2024-04-18-spring-release.md", POST)
    _write(
        root,
        "_security_updates/2024-02-01-combo-box-sanitising.md",
        "---\ntitle: Combo box now sanitises its options\n"
        "excerpt: As of version 3.2.1 the combo box escapes the text of every option it is given.\n---\n\n"
        "As of version 3.2.1 the combo box escapes the text of every option it is given, so a "
        "crafted option can no longer inject markup into the page.\n",
    )
    _write(
        root,
        "_chapters/01-summary.md",
        "---\nlayout: report\ntitle: What we heard\n---\n\nAgencies told us they want fewer, better components.\n",
    )


def test_jekyll_collections_other_than_posts_are_pages(tmp_path, monkeypatch):
    _jekyll_design_system(
        tmp_path,
        "  components:\n    output: true\n    permalink: /:path/\n"
        "  security_updates:\n    output: true\n  chapters:\n    output: false\n",
    )
    monkeypatch.chdir(tmp_path)
    assert _kinds(
        [
            "_components/alert/index.md",
            "_components/alert/guidance.md",
            "_chapters/01-summary.md",
            "_posts/2024-04-18-spring-release.md",
            "_security_updates/2024-02-01-combo-box-sanitising.md",
        ]
    ) == {
        "_components/alert/index.md": "page",
        "_components/alert/guidance.md": "page",
        "_chapters/01-summary.md": "page",
        "_posts/2024-04-18-spring-release.md": "article",
        # Dated like a post: a collection of announcements is a stream of stories.
        "_security_updates/2024-02-01-combo-box-sanitising.md": "article",
    }
    # The component page with nothing under its front matter is not "an article with no body".
    _, findings, _ = run_check(".")
    on_pages = [r for r in rules_of(findings) if not r[0].startswith(("_posts/", "_security_updates/"))]
    assert not [r for r in on_pages if r[1].startswith(("metadata", "bio", "duplicate"))]
    # ... while the dated announcement is still checked as an article.
    assert ("_security_updates/2024-02-01-combo-box-sanitising.md", "metadata-required") in rules_of(findings)


def test_jekyll_collection_as_a_list_without_output(tmp_path, monkeypatch):
    _jekyll_design_system(tmp_path, "  - components\n  - chapters\n  - security_updates\n")
    monkeypatch.chdir(tmp_path)
    assert file_kind(Linter(), "_components/alert/index.md") == "page"
    assert file_kind(Linter(), "_security_updates/2024-02-01-combo-box-sanitising.md") == "article"


def test_jekyll_collection_laid_out_as_posts_or_named_as_stories_is_articles(tmp_path, monkeypatch):
    _jekyll_design_system(
        tmp_path,
        "  components:\n    output: true\n  chapters:\n    output: true\n  news:\n    output: true\n",
        "defaults:\n  - scope:\n      path: ''\n      type: chapters\n    values:\n      layout: post\n",
    )
    _write(
        tmp_path,
        "_news/harbour-office-moves.md",
        "---\ntitle: The harbour office moves to Quay Street\n---\n\nThe office opens at its new address on Monday.\n",
    )
    _write(tmp_path, "_components/banner/index.md", COMPONENT.replace("layout: component", "layout: post"))
    monkeypatch.chdir(tmp_path)
    assert _kinds(["_chapters/01-summary.md", "_news/harbour-office-moves.md", "_components/banner/index.md"]) == {
        # `defaults` gives the collection the post layout, but the page's own layout wins.
        "_chapters/01-summary.md": "page",
        "_news/harbour-office-moves.md": "article",
        "_components/banner/index.md": "article",
    }
    _write(tmp_path, "_chapters/02-findings.md", "---\ntitle: Findings\n---\n\nThree findings stood out.\n")
    assert file_kind(Linter(), "_chapters/02-findings.md") == "article"


def test_the_users_config_wins_over_the_collection_rule(tmp_path, monkeypatch):
    _jekyll_design_system(tmp_path, "  components:\n    output: true\n  chapters:\n    output: true\n")
    _write(tmp_path, ".edlint.yaml", "page_kinds:\n  article: ['_chapters/**']\n")
    monkeypatch.chdir(tmp_path)
    assert file_kind(Linter(), "_chapters/01-summary.md") == "article"
    assert file_kind(Linter(), "_components/alert/index.md") == "page"
    _write(tmp_path, ".edlint.yaml", "articles: ['_components/**']\n")
    assert file_kind(Linter(), "_components/alert/index.md") == "article"
    assert file_kind(Linter(), "_posts/2024-04-18-spring-release.md") == "page"


def _hugo_site(root, config: str) -> None:
    _write(root, "hugo.toml", config)
    _write(root, "content/blog/spring-release.md", POST)
    _write(root, "content/politics/council-vote.md", POST.replace("Spring release", "Council vote"))
    _write(
        root,
        "content/docs/getting-started.md",
        "---\ntitle: Getting started\nweight: 10\n---\n\nInstall the package and add the stylesheet.\n",
    )
    _write(root, "content/2.14/install.md", "---\ntitle: Install\n---\n\nRun the installer.\n")
    _write(root, "content/2024/harbour-wall.md", POST.replace("Spring release", "Harbour wall"))
    _write(
        root,
        "content/docs/release-notes.md",
        "---\ntitle: Release notes\nlayout: single\ntype: post\n---\n\nWhat changed in the spring release.\n",
    )


def test_hugo_sections_without_main_sections(tmp_path, monkeypatch):
    _hugo_site(tmp_path, 'baseURL = "https://example.org/"\nlanguageCode = "en-us"\n')
    monkeypatch.chdir(tmp_path)
    assert _kinds(
        [
            "content/blog/spring-release.md",
            "content/politics/council-vote.md",
            "content/2024/harbour-wall.md",
            "content/docs/getting-started.md",
            "content/2.14/install.md",
            "content/docs/release-notes.md",
        ]
    ) == {
        "content/blog/spring-release.md": "article",
        # A news site's desks: an unknown section is a section of stories.
        "content/politics/council-vote.md": "article",
        "content/2024/harbour-wall.md": "article",
        "content/docs/getting-started.md": "page",
        "content/2.14/install.md": "page",
        "content/docs/release-notes.md": "article",  # `type: post`
    }


def test_hugo_main_sections_name_the_stories(tmp_path, monkeypatch):
    _hugo_site(tmp_path, 'baseURL = "https://example.org/"\n[params]\n  mainSections = ["politics"]\n')
    monkeypatch.chdir(tmp_path)
    kinds = _kinds(
        ["content/blog/spring-release.md", "content/politics/council-vote.md", "content/2024/harbour-wall.md"]
    )
    assert kinds == {
        "content/blog/spring-release.md": "article",  # named as stories all the same
        "content/politics/council-vote.md": "article",
        "content/2024/harbour-wall.md": "page",
    }


def test_hugo_main_sections_in_config_default_params(tmp_path, monkeypatch):
    _hugo_site(tmp_path, "")
    os.remove(tmp_path / "hugo.toml")
    _write(tmp_path, "config/_default/hugo.yaml", "baseURL: https://example.org/\n")
    _write(tmp_path, "config/_default/params.yaml", "mainSections: [politics, '2024']\n")
    monkeypatch.chdir(tmp_path)
    assert file_kind(Linter(), "content/2024/harbour-wall.md") == "article"
    assert file_kind(Linter(), "content/docs/getting-started.md") == "page"


def test_eleventy_posts_are_the_tagged_collection(tmp_path, monkeypatch):
    _write(tmp_path, "eleventy.config.js", 'export default function (c) { return { dir: { input: "src" } }; }\n')
    _write(tmp_path, "src/posts/spring-release.md", POST)
    _write(
        tmp_path,
        "src/updates-2024/harbour-wall.md",
        "---\ntitle: Harbour wall rebuilt\ntags: [posts, harbour]\n---\n\nThe wall reopened on Friday.\n",
    )
    _write(
        tmp_path,
        "src/projects/tide-tables.md",
        "---\ntitle: Tide tables\ntags: projects\n---\n\nA small tool that prints the week's tides.\n",
    )
    monkeypatch.chdir(tmp_path)
    assert _kinds(
        ["src/posts/spring-release.md", "src/updates-2024/harbour-wall.md", "src/projects/tide-tables.md"]
    ) == {
        "src/posts/spring-release.md": "article",
        "src/updates-2024/harbour-wall.md": "article",
        "src/projects/tide-tables.md": "page",
    }


def test_odd_generator_settings_do_not_break_detection(tmp_path, monkeypatch):
    _jekyll_design_system(
        tmp_path,
        "  components: {output: true}\n",
        "defaults:\n  - just a string\n  - scope: [components]\n    values: {layout: post}\n"
        "  - scope: {type: [components]}\n    values: {layout: post}\n"
        "  - scope: {path: _components/alert, type: components}\n    values: {layout: post}\n",
    )
    _write(tmp_path, "_components/alert/usage.md", "---\ntitle: Alert usage\n---\n\nWhen to use an alert.\n")
    _write(tmp_path, "_components/banner/usage.md", "---\ntitle: Banner usage\n---\n\nWhen to use a banner.\n")
    monkeypatch.chdir(tmp_path)
    # A `defaults` entry scoped to one folder speaks for that folder, not the collection.
    assert file_kind(Linter(), "_components/alert/usage.md") == "article"
    assert file_kind(Linter(), "_components/banner/usage.md") == "page"
    _write(tmp_path, "hugo-site/hugo.toml", 'mainSections = "politics"\n[params]\nmainSections = 7\n')
    _write(tmp_path, "hugo-site/content/politics/vote.md", POST)
    _write(tmp_path, "hugo-site/content/blogroll/links.md", "---\ntitle: Links\n---\n\nSites we read.\n")
    assert file_kind(Linter(), "hugo-site/content/politics/vote.md") == "article"
    assert file_kind(Linter(), "hugo-site/content/blogroll/links.md") == "page"
