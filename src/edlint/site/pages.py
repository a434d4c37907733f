"""What a linted document is (page kind) and which language variety it is written in."""

from __future__ import annotations

from typing import Any

from ..config import Config
from ..document import Document
from ..globs import matches_any
from ..policy import relpath_for
from .detect import Site
from .kinds import ARTICLE, AUTHOR, LIST, PAGE


def front_matter(doc: Document) -> dict[str, Any]:
    return {k: f.value for k, f in doc.metadata.items()}


def page_kind(path: str, doc: Document, site: Site, config: Config) -> str:
    """``article`` | ``list`` | ``author`` | ``page``. In order: the config's ``page_kinds``
    globs, the front matter's ``layout``/``type``, the site's layout (``_index.md`` is a list
    ...), and, when the config lists ``articles`` globs, a content file outside them is a page."""
    rel_cfg = relpath_for(path, config.root)
    for kind, globs in config.page_kinds.items():
        if globs and matches_any(rel_cfg, globs):
            return kind
    meta = front_matter(doc)
    said = site.page_kind(path, meta)
    if config.articles is not None and said not in (LIST, AUTHOR):
        return ARTICLE if matches_any(rel_cfg, config.articles) else PAGE
    return said


def set_language(doc: Document, site: Site, config: Config) -> None:
    """The document's own ``lang`` first, then the site's, then the edlint config's, then the
    default. A bare site tag (``en``) does not undo a config that names the variety (``en-GB``)."""
    if doc.language_declared:
        doc.language_source = "document"
        return
    site_lang = site.language_for(doc.path)[0]
    refines = (
        config.language_given
        and site_lang is not None
        and "-" not in site_lang
        and config.language.lower().split("-")[0].split("_")[0] == site_lang
    )
    if site_lang and not refines:
        doc.language, doc.language_source = site_lang, "site"
    elif config.language_given:
        doc.language, doc.language_source = config.language, "config"
    else:
        doc.language_source = "default"
