"""`edlint check` at the root of a Hugo, Jekyll, Eleventy or plain site lints its content and
nothing else: not the theme, templates, includes, build output, vendored code or the
repository's README; list and author pages are linted only by the rules for their kind."""

import pytest
from sitetools import checked, copy_site, rules_of, run_check

from edlint.engine import Linter
from edlint.site.settings import file_kind

EXPECTED = {
    "hugo": {
        "content/_index.md": "list",
        "content/about.md": "page",
        "content/authors/_index.md": "list",
        "content/authors/maria-lopez/_index.md": "author",
        "content/news/_index.md": "list",
        "content/news/harbour-wall-rebuilt.md": "article",
        "content/news/library-sundays/index.md": "article",
        "content/tags/_index.md": "list",
    },
    "jekyll": {
        "_authors/sam-okafor.md": "author",
        "_pages/about.md": "page",
        "_posts/2024-05-02-ferry-timetable.md": "article",
        "news/_posts/2024-05-03-bridge-repairs.md": "article",
    },
    "eleventy": {
        "src/about.md": "page",
        "src/authors/dana-whitfield.md": "author",
        "src/blog.md": "list",
        "src/posts/2024-06-city-budget.md": "article",
        "src/posts/2024-06-pool-reopens.md": "article",
    },
    "plain": {
        "2024/06/council-budget.html": "article",
        "2024/06/school-meals.html": "article",
    },
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_check_at_the_root_lints_exactly_the_content(name, tmp_path, monkeypatch):
    monkeypatch.chdir(copy_site(name, tmp_path))
    assert checked() == sorted(EXPECTED[name])
    code, findings, _ = run_check()
    # Templates ({{ include.image }} with no alt), build output, themes, README typos and
    # list pages with no author or date: none of it is reported.
    assert rules_of(findings) == [] and code == 0


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_page_kinds_follow_the_generator_layout(name, tmp_path, monkeypatch):
    monkeypatch.chdir(copy_site(name, tmp_path))
    linter = Linter()
    assert {p: file_kind(linter, p) for p in EXPECTED[name]} == EXPECTED[name]


def test_a_folder_named_on_the_command_line_is_linted_even_if_the_layout_skips_it(tmp_path, monkeypatch):
    monkeypatch.chdir(copy_site("hugo", tmp_path))
    assert checked("public") == ["public/index.html", "public/news/harbour-wall/index.html"]
    # ... and a theme's files named one by one, unless --force-exclude (pre-commit).
    theme_file = "themes/harbour/exampleSite/content/post/sample.md"
    assert checked(theme_file) == [theme_file]
    assert checked(theme_file, force_exclude=True) == []


def test_list_and_author_pages_skip_article_rules_but_not_image_alt(tmp_path, monkeypatch):
    site = copy_site("hugo", tmp_path)
    monkeypatch.chdir(site)
    with open("content/news/_index.md", "a", encoding="utf-8") as fh:
        fh.write("\n![](harbour-banner.jpg)\n")
    with open("content/authors/maria-lopez/_index.md", "a", encoding="utf-8") as fh:
        fh.write("\nBy Maria Lopez\n\n![](maria-at-work.jpg)\n")
    code, findings, _ = run_check()
    assert rules_of(findings) == [
        ("content/authors/maria-lopez/_index.md", "image-alt"),
        ("content/news/_index.md", "image-alt"),
    ]
    assert code == 1


def test_the_same_page_as_an_article_gets_the_article_rules(tmp_path, monkeypatch):
    monkeypatch.chdir(copy_site("hugo", tmp_path))
    with open("content/news/untitled.md", "w", encoding="utf-8") as fh:
        fh.write("---\ntitle: News\n---\n\nThe latest from the harbour towns.\n")
    _, findings, _ = run_check()
    assert ("content/news/untitled.md", "metadata-required") in rules_of(findings)


def test_front_matter_layout_makes_a_post_an_author_page(tmp_path, monkeypatch):
    monkeypatch.chdir(copy_site("jekyll", tmp_path))
    with open("_posts/2024-05-04-meet-the-team.md", "w", encoding="utf-8") as fh:
        fh.write("---\nlayout: author\ntitle: Meet the team\n---\n\nOur reporters and editors.\n")
    linter = Linter()
    assert file_kind(linter, "_posts/2024-05-04-meet-the-team.md") == "author"
    code, findings, _ = run_check()
    assert rules_of(findings) == [] and code == 0


def test_jekyll_dated_page_in_pages_is_an_article(tmp_path, monkeypatch):
    monkeypatch.chdir(copy_site("jekyll", tmp_path))
    with open("_pages/2019-election.md", "w", encoding="utf-8") as fh:
        fh.write("---\ntitle: Election night\ndate: 2019-12-12\n---\n\nThe count went on past 3am.\n")
    assert file_kind(Linter(), "_pages/2019-election.md") == "article"
    assert file_kind(Linter(), "_pages/about.md") == "page"


def test_config_articles_and_page_kinds_globs(tmp_path, monkeypatch):
    site = copy_site("hugo", tmp_path)
    monkeypatch.chdir(site)
    with open(".edlint.yaml", "w", encoding="utf-8") as fh:
        fh.write(
            "articles: ['content/news/**']\npage_kinds:\n  author: ['content/about.md']\n  list: ['content/tags/']\n"
        )
    with open("content/events.md", "w", encoding="utf-8") as fh:
        fh.write("---\ntitle: Events\n---\n\nConcerts, talks and markets in the harbor towns.\n")
    linter = Linter()
    assert file_kind(linter, "content/about.md") == "author"
    assert file_kind(linter, "content/events.md") == "page"
    assert file_kind(linter, "content/news/harbour-wall-rebuilt.md") == "article"
    assert file_kind(linter, "content/tags/_index.md") == "list"
    code, findings, _ = run_check()
    assert rules_of(findings) == [] and code == 0


def test_unknown_page_kind_in_config_is_a_config_error(tmp_path, monkeypatch):
    monkeypatch.chdir(copy_site("hugo", tmp_path))
    with open(".edlint.yaml", "w", encoding="utf-8") as fh:
        fh.write("page_kinds:\n  listing: ['content/**/_index.md']\n")
    code, _, err = run_check()
    assert code == 2 and "unknown page kind 'listing'" in err and "did you mean 'list'" in err


def test_hugo_content_dir_and_publish_dir_come_from_the_config(tmp_path, monkeypatch):
    root = tmp_path / "site"
    (root / "articles" / "news").mkdir(parents=True)
    (root / "docs" / "news").mkdir(parents=True)
    (root / "layouts").mkdir()
    (root / "config.yaml").write_text("contentDir: articles\npublishDir: docs\nlanguageCode: en-gb\n")
    story = "---\ntitle: Quay reopens\nauthor: Maria Lopez\ndate: 2024-03-04\ndescription: The quay reopens to visitors on Monday after repairs.\n---\n\nThe quay reopens on Monday.\n"
    (root / "articles" / "news" / "quay.md").write_text(story)
    (root / "docs" / "news" / "quay.html").write_text("<p>Built <img src=a.png></p>")
    monkeypatch.chdir(root)
    assert checked() == ["articles/news/quay.md"]
    assert file_kind(Linter(), "articles/news/quay.md") == "article"


def test_show_settings_says_what_was_detected_and_from_where(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from edlint import cli

    monkeypatch.chdir(copy_site("jekyll", tmp_path))
    out = CliRunner().invoke(cli.main, ["check", "--show-settings", ".", "_authors/sam-okafor.md"]).output
    assert "site: jekyll" in out and "(_config.yml)" in out
    assert "language: en-GB (from _config.yml: lang" in out
    assert "_posts/**" in out and "_includes/" in out and "_site/" in out
    assert "files checked under .: 4 (2 article, 1 author, 1 page)" in out
    assert "_authors/sam-okafor.md: page kind author" in out


def test_content_type_posts_is_still_an_article_and_template_paths_are_read(tmp_path, monkeypatch):
    from edlint.site.kinds import kind_from_front_matter

    assert kind_from_front_matter({"type": "posts"}) is None  # Hugo: the story's content type
    assert kind_from_front_matter({"layout": "layouts/home.njk"}) == "list"
    assert kind_from_front_matter({"layout": "author.html"}) == "author"
    assert kind_from_front_matter({"layout": "post"}) is None


def test_hugo_per_language_content_dirs(tmp_path, monkeypatch):
    root = tmp_path / "site"
    for rel in ("content/en/about.md", "content/en/news/quay.md", "content/fr/news/quai.md"):
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text("---\ntitle: T\n---\n\nText.\n", encoding="utf-8")
    (root / "hugo.yaml").write_text(
        "defaultContentLanguage: en\nlanguages:\n  en: {contentDir: content/en, languageCode: en-GB}\n"
        "  fr: {contentDir: content/fr, languageCode: fr-FR}\n",
        encoding="utf-8",
    )
    monkeypatch.chdir(root)
    linter = Linter()
    assert file_kind(linter, "content/en/about.md") == "page"
    assert file_kind(linter, "content/en/news/quay.md") == "article"
    assert file_kind(linter, "content/fr/news/quai.md") == "article"


def test_repeated_paragraphs_on_a_page_are_not_reported_but_in_an_article_they_are(tmp_path, monkeypatch):
    monkeypatch.chdir(copy_site("hugo", tmp_path))
    note = "Check that the certificate was issued for the right host name before you restart the proxy."
    page = f"---\ntitle: Troubleshooting\n---\n\n## First check\n\n{note}\n\n## Second check\n\n{note}\n"
    with open("content/troubleshooting.md", "w", encoding="utf-8") as fh:
        fh.write(page)
    with open("content/news/harbour-wall-rebuilt.md", "a", encoding="utf-8") as fh:
        fh.write(
            "\nThe work will close the quay to visitors for about six weeks, and the wall will be raised by\n"
            "half a meter.\n"
        )
    _, findings, _ = run_check()
    assert rules_of(findings) == [("content/news/harbour-wall-rebuilt.md", "duplicate-paragraph")]


def test_a_content_folder_copied_out_of_its_site_keeps_list_and_author_pages(tmp_path, monkeypatch):
    """No generator config (a CMS export, a content folder copied out of its site): an
    `_index.md` is still a list page and the pages of an `authors/` folder are still people,
    so the article rules do not ask them for a byline or a description."""
    (tmp_path / "content" / "authors" / "ana-ruiz").mkdir(parents=True)
    (tmp_path / "content" / "news").mkdir(parents=True)
    (tmp_path / "content" / "authors" / "_index.md").write_text("---\ntitle: Our writers\n---\n")
    (tmp_path / "content" / "authors" / "ana-ruiz" / "_index.md").write_text(
        "---\ndisplay_name: Ana Ruiz\n---\n\nAna Ruiz covers transport for the Gazette.\n"
    )
    (tmp_path / "content" / "news" / "_index.md").write_text("---\ntitle: News\n---\n\nThe latest.\n")
    (tmp_path / "content" / "news" / "ferry.md").write_text(
        "---\ntitle: Ferry timetable changes\n---\n\nThe first ferry now leaves at 6.15am.\n"
    )
    monkeypatch.chdir(tmp_path)
    linter = Linter()
    assert file_kind(linter, "content/authors/_index.md") == "list"
    assert file_kind(linter, "content/authors/ana-ruiz/_index.md") == "author"
    assert file_kind(linter, "content/news/_index.md") == "list"
    assert file_kind(linter, "content/news/ferry.md") == "article"
    _, findings, _ = run_check()
    assert {path for path, _ in rules_of(findings)} == {"content/news/ferry.md"}
