"""The words that say what a page of a site is: folder names, front matter layouts and
types, section names, and the repository documents at a site's root. Data only; the
generators' layouts (:mod:`.kinds`) read it."""

from __future__ import annotations

import re

# Folders that name people's profile pages (Hugo taxonomies and sections, Jekyll collections).
AUTHOR_FOLDERS = frozenset(
    {"authors", "author", "contributors", "people", "staff", "team", "writers", "bios", "reporters"}
)
# Folders whose pages are stories, for generators with no posts folder of their own.
ARTICLE_FOLDERS = frozenset(
    {
        "posts",
        "post",
        "blog",
        "articles",
        "article",
        "news",
        "stories",
        "story",
        "press",
        "press-releases",
        "updates",
        "writing",
        "features",
        "opinion",
    }
)
# Front matter `layout`/`type` values that say what a page is.
LIST_LAYOUTS = frozenset(
    {
        "list",
        "section",
        "taxonomy",
        "term",
        "terms",
        "archive",
        "archives",
        "category",
        "categories",
        "tag",
        "tags",
        "home",
        "paginate",
        "pagination",
        "blog-index",
        "post-list",
    }
)  # not "posts": Hugo's `type: posts` is a story's content type
AUTHOR_LAYOUTS = frozenset({"author", "authors", "profile", "person", "people", "contributor", "staff", "bio"})
# Front matter `layout`/`type` values (and Eleventy collection tags) that make a page of a
# collection or section a story: the site renders it as a post.
ARTICLE_LAYOUTS = frozenset(
    {"post", "posts", "article", "articles", "news", "news-item", "news-post", "story", "stories", "blog-post"}
)
# Hugo sections that hold reference pages rather than stories, on sites that do not name
# their main sections (`params.mainSections`): documentation, guides, legal and help pages.
REFERENCE_SECTIONS = frozenset(
    {
        "docs",
        "doc",
        "documentation",
        "guide",
        "guides",
        "handbook",
        "manual",
        "reference",
        "api",
        "tutorial",
        "tutorials",
        "learn",
        "help",
        "faq",
        "faqs",
        "glossary",
        "legal",
        "policies",
        "privacy",
        "terms",
        "components",
        "patterns",
        "templates",
        "utilities",
        "design-system",
        "jobs",
        "careers",
        "contact",
        "search",
    }
)
# A section of versioned documentation: 2.10/, 2-edge/, v3/ (not a year: 2024/ holds stories).
VERSION_SECTION = re.compile(r"^(?:v?\d{1,2}(?:[.-][0-9a-z]+)+|v\d{1,3})$")
# A Jekyll document named like a post: 2024-05-02-ferry-timetable.md.
DATED_NAME = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}-")
# Repository documents at the site root: about the code, not published.
ROOT_DOCUMENTS = frozenset(
    {
        "readme",
        "changelog",
        "changes",
        "history",
        "license",
        "licence",
        "contributing",
        "code_of_conduct",
        "code-of-conduct",
        "security",
        "support",
        "notice",
        "pull_request_template",
        "issue_template",
        "codeowners",
    }
)

# Folders of templates in web frameworks and themes (skipped in a folder of articles that no
# site generator claims).
TEMPLATE_FOLDERS = frozenset(
    {
        "templates",
        "_templates",
        "partials",
        "_partials",
        "includes",
        "_includes",
        "layouts",
        "_layouts",
        "site-packages",
    }
)
