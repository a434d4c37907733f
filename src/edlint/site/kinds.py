"""Each generator's layout: which folders hold content, which never do, and what kind of
page a content file is (article, list, author or other page).

Paths given to a layout are relative to the site root, with '/' separators. Plain string
tests, no globs: classifying a file must not cost an import on the one-file path.
"""

from __future__ import annotations

from typing import Any

from .vocabulary import (
    ARTICLE_FOLDERS,
    ARTICLE_LAYOUTS,
    AUTHOR_FOLDERS,
    AUTHOR_LAYOUTS,
    DATED_NAME,
    LIST_LAYOUTS,
    REFERENCE_SECTIONS,
    ROOT_DOCUMENTS,
    TEMPLATE_FOLDERS,
    VERSION_SECTION,
)

ARTICLE, LIST, AUTHOR, PAGE = "article", "list", "author", "page"
PAGE_KINDS = (ARTICLE, LIST, AUTHOR, PAGE)


def _parts(rel: str) -> list[str]:
    return [p for p in rel.split("/") if p and p != "."]


def _stem(name: str) -> str:
    return name.rsplit(".", 1)[0].lower()


def _under(rel: str, folder: str) -> bool:
    """``rel`` is ``folder`` or inside it (``folder`` '' or '.': the whole site)."""
    if folder in ("", "."):
        return True
    return rel == folder or rel.startswith(folder + "/")


def is_root_document(rel: str) -> bool:
    parts = _parts(rel)
    return len(parts) == 1 and _stem(parts[0]) in ROOT_DOCUMENTS


def kind_from_front_matter(meta: dict[str, Any]) -> str | None:
    """A page whose front matter says it is a list or an author page (`layout: author`)."""
    for key in ("layout", "type", "kind"):
        value = meta.get(key)
        if isinstance(value, str):
            v = value.strip().lower().rsplit("/", 1)[-1]  # layouts/home.njk -> home
            v = v.rsplit(".", 1)[0] if "." in v else v
            if v in LIST_LAYOUTS:
                return LIST
            if v in AUTHOR_LAYOUTS:
                return AUTHOR
    if "pagination" in meta and isinstance(meta.get("pagination"), dict):
        return LIST  # Eleventy: a page that pages through a collection
    return None


def _layout_name(value: Any) -> str | None:
    """``layouts/post.njk`` / ``Post`` -> ``post``."""
    if not isinstance(value, str) or not value.strip():
        return None
    v = value.strip().lower().rsplit("/", 1)[-1]
    return v.rsplit(".", 1)[0] if "." in v else v


def laid_out_as_article(meta: dict[str, Any] | None, default_layout: str | None = None) -> bool:
    """The page's own ``layout``/``type`` (or its collection's default layout) is a post's."""
    meta = meta or {}
    own = [n for n in (_layout_name(meta.get("layout")), _layout_name(meta.get("type"))) if n is not None]
    if own:  # the page's own layout or content type wins over its collection's default
        return any(n in ARTICLE_LAYOUTS for n in own)
    return _layout_name(default_layout) in ARTICLE_LAYOUTS


def tagged_as_article(meta: dict[str, Any] | None) -> bool:
    """Eleventy: front matter ``tags: [posts]`` puts the page in the posts collection."""
    tags = (meta or {}).get("tags")
    if isinstance(tags, str):
        tags = [tags]
    if not isinstance(tags, list):
        return False
    return any(isinstance(t, str) and t.strip().lower() in ARTICLE_FOLDERS for t in tags)


def _dated(name: str, meta: dict[str, Any] | None) -> bool:
    return bool(DATED_NAME.match(name)) or bool((meta or {}).get("date"))


# In a folder with no generator config, only these folders are read as people's pages:
# "team" or "staff" could as well hold articles.
PLAIN_AUTHOR_FOLDERS = frozenset({"authors", "author", "contributors"})


class Layout:
    """A folder of articles with no generator: everything is an article, except the
    repository's own documents at the root (README, CHANGELOG, LICENSE ...), and two
    conventions no article uses: ``_index.md`` (a list page, as Hugo names them) and the
    pages of an ``authors/`` folder (a content folder copied out of its site)."""

    name = "plain"
    # Folders shown as "never content" (the engine also skips DEFAULT_EXCLUDE and hidden ones).
    never: tuple[str, ...] = ()

    def skip_dir(self, rel: str) -> bool:
        # A web framework's templates (Django, Flask, Rails, a theme): markup with template
        # tags, never an article, in a repository that is not a known site generator's.
        return type(self) is Layout and _parts(rel)[-1].lower() in TEMPLATE_FOLDERS

    def skip_file(self, rel: str) -> bool:
        return is_root_document(rel)

    def kind(self, rel: str, meta: dict[str, Any] | None = None) -> str:
        parts = [p.lower() for p in _parts(rel)]
        in_people = any(f in PLAIN_AUTHOR_FOLDERS for f in parts[:-1])
        if _stem(parts[-1]) == "_index":
            return AUTHOR if in_people and parts[-2:-1] and parts[-2] not in PLAIN_AUTHOR_FOLDERS else LIST
        return AUTHOR if in_people else ARTICLE

    def describe(self) -> dict[str, list[str]]:
        return {
            "content": ["**"],
            "articles": ["**"],
            "lists": ["**/_index.*"],
            "authors": [f"**/{d}/**" for d in sorted(PLAIN_AUTHOR_FOLDERS)],
            "never": [
                *self.never,
                *(f"**/{d}/" for d in sorted(TEMPLATE_FOLDERS)),
                *(f"{d}.md" for d in ("README", "CHANGELOG", "LICENSE")),
            ],
        }


class HugoLayout(Layout):
    """Hugo: content lives in ``contentDir`` (``content/``); ``_index.md`` is a section,
    taxonomy or home list page; a taxonomy or section of people is author pages; a page
    directly in the content folder (``about.md``, ``about/index.md``) is an other page."""

    name = "hugo"

    def __init__(
        self,
        content_dirs: tuple[str, ...] = ("content",),
        publish_dir: str = "public",
        author_sections: frozenset[str] = AUTHOR_FOLDERS,
        main_sections: tuple[str, ...] | None = None,
    ) -> None:
        self.content_dirs = content_dirs
        self.publish_dir = publish_dir
        self.author_sections = author_sections
        # `params.mainSections`: the sections the site itself lists as its stream of posts.
        self.main_sections = tuple(s.lower() for s in main_sections) if main_sections else None
        self.never = (
            publish_dir,
            "resources",
            "themes",
            "layouts",
            "static",
            "assets",
            "data",
            "archetypes",
            "i18n",
            "config",
            "node_modules",
        )

    def _content_rel(self, rel: str) -> list[str] | None:
        # The deepest content folder first: content/en/about.md is a page of content/en.
        for d in sorted(self.content_dirs, key=len, reverse=True):
            if _under(rel, d):
                return _parts(rel[len(d) :]) if d not in ("", ".") else _parts(rel)
        return None

    def skip_dir(self, rel: str) -> bool:
        if self._content_rel(rel) is not None:
            return False
        # An ancestor of a content folder must be walked to reach it.
        return not any(_under(d, rel) for d in self.content_dirs)

    def skip_file(self, rel: str) -> bool:
        return self._content_rel(rel) is None

    def kind(self, rel: str, meta: dict[str, Any] | None = None) -> str:
        parts = self._content_rel(rel)
        if parts is None:
            return PAGE
        name = parts[-1].lower()
        folders = [p.lower() for p in parts[:-1]]
        in_people = any(f in self.author_sections for f in folders)
        if _stem(name) == "_index":
            # content/authors/_index.md lists the authors; content/authors/jane/_index.md is
            # Jane's page (a taxonomy term or branch bundle).
            if in_people and len(folders) >= 2 and folders[-2] in self.author_sections:
                return AUTHOR
            return LIST
        if in_people:
            return AUTHOR
        if not folders or (len(folders) == 1 and _stem(name) == "index"):
            return PAGE  # content/about.md, content/about/index.md
        return ARTICLE if self._story_section(folders[0], meta) else PAGE

    def _story_section(self, section: str, meta: dict[str, Any] | None) -> bool:
        """A page of ``section`` is a story: the site names it among its main sections (or,
        naming none, it is not a documentation/help section), or the page is laid out as a
        post (``type: post``). News sites on Hugo name their sections after desks
        (``politics/``, ``sport/``), so an unknown section stays a section of stories."""
        if section in ARTICLE_FOLDERS or laid_out_as_article(meta):
            return True
        if self.main_sections is not None:
            return section in self.main_sections
        return section not in REFERENCE_SECTIONS and not VERSION_SECTION.match(section)

    def describe(self) -> dict[str, list[str]]:
        roots = [d if d not in ("", ".") else "." for d in self.content_dirs]
        return {
            "content": [f"{d}/**" for d in roots],
            "articles": (
                [f"{d}/{m}/**" for d in roots for m in self.main_sections] + ["(params.mainSections)"]
                if self.main_sections is not None
                else [f"{d}/<section>/**" for d in roots]
                + ["except reference sections (docs, guides, help, legal ..., versioned docs such as 2.10/)"]
            ),
            "lists": ["**/_index.md"],
            "authors": [
                f"{d}/{a}/**" for d in roots for a in sorted(self.author_sections) if a in ("authors", "author")
            ],
            "never": [f"{d}/" for d in self.never] + ["everything outside " + ", ".join(f"{d}/" for d in roots)],
        }


class JekyllLayout(Layout):
    """Jekyll: posts in ``_posts/`` (also ``category/_posts/``) and ``_drafts/``; other
    underscore folders are templates, data, includes or build output, except collections
    (``collections:`` in ``_config.yml``) and ``_pages/``. HTML outside posts and
    collections is a template (Liquid), not an article.

    A collection other than posts holds pages (a design system's components, a report's
    chapters, recipes), unless it is named as stories (``_news``, ``_articles``), its
    documents are dated as posts are (``2024-05-02-slug.md`` or a ``date``), or they are
    laid out as posts (``layout: post``, directly or through ``defaults`` in ``_config.yml``)."""

    name = "jekyll"

    def __init__(
        self,
        collections: tuple[str, ...] = (),
        destination: str = "_site",
        excluded: tuple[str, ...] = (),
        layout_defaults: tuple[tuple[str, str, str], ...] = (),
    ) -> None:
        self.collections = tuple(c for c in collections if c not in ("posts", "drafts"))
        # `defaults: [{scope: {path: p, type: t}, values: {layout: l}}]` as (p, t, l); '' = any.
        self.layout_defaults = layout_defaults
        self.destination = destination
        self.excluded = excluded
        self.never = (
            "_site" if destination == "_site" else destination,
            "_includes",
            "_layouts",
            "_data",
            "_sass",
            "_plugins",
            "assets",
            "vendor",
            "node_modules",
            ".jekyll-cache",
            *excluded,
        )

    def _content_folder(self, name: str) -> bool:
        return name in ("_posts", "_drafts", "_pages") or (
            name.removeprefix("_") in self.collections and name.startswith("_")
        )

    def _default_layout(self, rel: str, collection: str) -> str | None:
        """The layout Jekyll's ``defaults`` give ``rel``: the longest matching path wins, and
        at equal paths a scope naming the collection beats one naming no type."""
        best: tuple[int, int] | None = None
        layout = None
        for path, kind, value in self.layout_defaults:
            if kind and kind != collection:
                continue
            if path and not _under(rel, path):
                continue
            rank = (len(path), 1 if kind else 0)
            if best is None or rank >= best:
                best, layout = rank, value
        return layout

    def skip_dir(self, rel: str) -> bool:
        parts = _parts(rel)
        if not parts:
            return False
        if _under(rel, self.destination) or any(_under(rel, e.strip("/")) for e in self.excluded if e.strip("/")):
            return True
        name = parts[-1]
        if name.startswith("_") and not self._content_folder(name):
            return True
        return name in ("assets", "vendor", "node_modules")

    def skip_file(self, rel: str) -> bool:
        if is_root_document(rel):
            return True
        parts = _parts(rel)
        if any(e.strip("/") and (rel == e.strip("/")) for e in self.excluded):
            return True
        if rel.lower().endswith((".html", ".htm", ".xhtml")):
            return not any(self._content_folder(p) for p in parts[:-1])
        return False

    def kind(self, rel: str, meta: dict[str, Any] | None = None) -> str:
        parts = _parts(rel)
        folders = parts[:-1]
        if "_posts" in folders or "_drafts" in folders:
            return ARTICLE
        for f in folders:
            if f.startswith("_") and f[1:] in self.collections:
                if f[1:].lower() in AUTHOR_FOLDERS:
                    return AUTHOR
                story = (
                    f[1:].lower() in ARTICLE_FOLDERS
                    or _dated(parts[-1], meta)
                    or laid_out_as_article(meta, self._default_layout(rel, f[1:]))
                )
                return ARTICLE if story else PAGE
        if any(f.lower() in AUTHOR_FOLDERS for f in folders):
            return AUTHOR
        if "_pages" in folders and meta and meta.get("date"):
            return ARTICLE  # a dated page in _pages/ is a post kept with the pages
        return PAGE  # _pages/, about.md, index.md

    def describe(self) -> dict[str, list[str]]:
        arts = ["_posts/**", "**/_posts/**", "_drafts/**"]
        arts += [f"_{c}/**" for c in self.collections if c.lower() in ARTICLE_FOLDERS]
        other = [f"_{c}/**" for c in self.collections if c.lower() not in AUTHOR_FOLDERS | ARTICLE_FOLDERS]
        if other:
            arts.append("dated or layout-post documents of " + ", ".join(other))
        return {
            "content": [*arts[:3], *(f"_{c}/**" for c in self.collections), "_pages/**", "*.md (pages)"],
            "articles": arts,
            "lists": ["front matter layout: home/archive/category/tag ..."],
            "authors": [f"_{c}/**" for c in self.collections if c.lower() in AUTHOR_FOLDERS] + ["authors/**"],
            "never": [
                *list(dict.fromkeys(d.rstrip("/") + ("" if d in self.excluded else "/") for d in self.never)),
                "other _folders/",
                "HTML outside _posts/ and collections",
            ],
        }


class EleventyLayout(Layout):
    """Eleventy: content under the input folder (``dir.input``; ``src/`` is common);
    ``_includes/``, ``_data/`` and ``_layouts/`` there are templates and data, ``_site/`` is
    the output. Pages in a posts/blog/news folder are articles; a page that paginates a
    collection is a list; HTML outside the article folders is a template."""

    name = "eleventy"

    def __init__(
        self,
        input_dir: str = ".",
        output_dir: str = "_site",
        includes: str = "_includes",
        data: str = "_data",
        layouts: str = "_layouts",
    ) -> None:
        self.input_dir = input_dir.strip("/") or "."
        self.output_dir = output_dir.strip("/") or "_site"
        self.special = tuple(_join(self.input_dir, d) for d in (includes, data, layouts))
        self.never = (self.output_dir, *self.special, "node_modules")

    def _input_rel(self, rel: str) -> list[str] | None:
        if not _under(rel, self.input_dir):
            return None
        return _parts(rel[len(self.input_dir) :]) if self.input_dir != "." else _parts(rel)

    def skip_dir(self, rel: str) -> bool:
        if _under(rel, self.output_dir) or any(_under(rel, s) for s in self.special):
            return True
        if self._input_rel(rel) is not None:
            return False
        return not _under(self.input_dir, rel)

    def skip_file(self, rel: str) -> bool:
        parts = self._input_rel(rel)
        if parts is None or is_root_document(rel):
            return True
        if rel.lower().endswith((".html", ".htm", ".xhtml")):
            return not any(p.lower() in ARTICLE_FOLDERS for p in parts[:-1])
        return False

    def kind(self, rel: str, meta: dict[str, Any] | None = None) -> str:
        parts = self._input_rel(rel)
        if parts is None:
            return PAGE
        folders = [p.lower() for p in parts[:-1]]
        if any(f in AUTHOR_FOLDERS for f in folders):
            return AUTHOR
        if any(f in ARTICLE_FOLDERS for f in folders):
            return LIST if _stem(parts[-1]) == "index" and folders[-1] in ARTICLE_FOLDERS else ARTICLE
        # Eleventy's collections are tags: `tags: posts` puts a page among the stories
        # wherever it sits; other collections (docs, projects) are pages.
        if tagged_as_article(meta) or laid_out_as_article(meta):
            return ARTICLE
        return PAGE

    def describe(self) -> dict[str, list[str]]:
        base = "" if self.input_dir == "." else self.input_dir + "/"
        return {
            "content": [f"{base}**"],
            "articles": [f"{base}**/{d}/**" for d in ("posts", "blog", "news", "articles")] + ["..."],
            "lists": ["front matter pagination:", f"{base}**/posts/index.md"],
            "authors": [f"{base}**/authors/**"],
            "never": [f"{d}/" for d in self.never] + ["HTML outside the article folders"],
        }


class QuartoLayout(Layout):
    """Quarto (``_quarto.yml``): a website or book of ``.qmd``/``.md`` pages, rendered into
    ``output-dir`` (``_site``); ``_freeze`` holds computed cell output. Pages in a
    posts/blog/news folder are articles (a blog's listing page there is a list); the rest
    of a Quarto project (guides, reference, a book's chapters) is pages."""

    name = "quarto"

    def __init__(self, output_dir: str = "_site") -> None:
        self.output_dir = output_dir.strip("/") or "_site"
        self.never = (self.output_dir, "_freeze", ".quarto", "_extensions")

    def skip_dir(self, rel: str) -> bool:
        return any(_under(rel, d) for d in self.never)

    def skip_file(self, rel: str) -> bool:
        # Quarto renders HTML; an .html file in the source tree is an include or output.
        return is_root_document(rel) or rel.lower().endswith((".html", ".htm", ".xhtml"))

    def kind(self, rel: str, meta: dict[str, Any] | None = None) -> str:
        parts = _parts(rel)
        folders = [p.lower() for p in parts[:-1]]
        if meta and meta.get("listing") not in (None, False):
            return LIST  # a page that lists other pages (a blog's index)
        if any(f in AUTHOR_FOLDERS for f in folders):
            return AUTHOR
        if any(f in ARTICLE_FOLDERS for f in folders) or laid_out_as_article(meta) or _dated(parts[-1], None):
            return ARTICLE
        return PAGE

    def describe(self) -> dict[str, list[str]]:
        return {
            "content": ["**"],
            "articles": [f"**/{d}/**" for d in ("posts", "blog", "news", "articles")],
            "lists": ["front matter listing:"],
            "authors": ["**/authors/**"],
            "never": [f"{d}/" for d in self.never] + ["*.html"],
        }


def _join(a: str, b: str) -> str:
    b = b.strip("/")
    return b if a in ("", ".") else f"{a}/{b}"
