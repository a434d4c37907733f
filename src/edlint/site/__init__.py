"""What kind of site a tree is, and what in it is an article.

A static-site generator lays a site out its own way: Hugo keeps content in ``content/`` and
builds into ``public/``; Jekyll keeps posts in ``_posts/`` and templates in ``_includes/``;
Eleventy reads an input folder (often ``src/``) with ``_data/`` and ``_includes/`` beside the
posts. :mod:`.detect` recognises the generator from its config files and reads the few
settings edlint needs (language, content folder, collections); :mod:`.kinds` holds each
generator's layout (what is never content, what is a list, an author page or a page rather
than a story) and :mod:`.vocabulary` the folder, layout and section names it reads;
:mod:`.ignore` applies ``.gitignore``-style files while the engine walks a folder.

Nothing here runs code from the site: configs are read as TOML, YAML or JSON data, and an
Eleventy JavaScript config is only scanned for a quoted input folder.
"""

from .detect import Site, SiteFinder
from .pages import page_kind, set_language

__all__ = ["Site", "SiteFinder", "page_kind", "set_language"]
