"""A Quarto project (``_quarto.yml``): its ``.qmd`` pages are read as Markdown, its blog's
posts are articles, its guides are pages, a listing page is a list, and the rendered output
(``_site/``, ``_freeze/``) is never read."""

from __future__ import annotations

import os

from sitetools import checked, run_check

from edlint.engine import Linter
from edlint.site.settings import file_kind

POST = """---
title: "Faster rendering in the spring release"
author: Priya Natarajan
date: 2024-04-18
description: The spring release renders large books twice as fast and adds a new callout style.
---

The spring release renders large books twice as fast, the change our users asked for most
often in last year's survey.

```{python}
print("this cell is code")
```
"""

GUIDE = """---
title: "Citations"
---

Quarto uses the standard Pandoc syntax for citations.

+-------------------------------------------+-------------------------------------------+
| Markdown                                  | Output                                    |
+===========================================+===========================================+
| Blah Blah [see @knuth1984, pp. 33-35]     | Blah Blah (Knuth 1984, 33–35)             |
+-------------------------------------------+-------------------------------------------+
"""


def _write(root, rel: str, text: str) -> str:
    path = os.path.join(str(root), *rel.split("/"))
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(text)
    return path


def _quarto_site(root) -> dict[str, str]:
    _write(root, "_quarto.yml", "project:\n  type: website\n  output-dir: _site\nlang: en-GB\n")
    return {
        "post": _write(root, "blog/posts/2024-04-18-spring/index.qmd", POST),
        "listing": _write(root, "blog/index.qmd", '---\ntitle: "Blog"\nlisting:\n  contents: posts\n---\n'),
        "guide": _write(root, "docs/authoring/citations.qmd", GUIDE),
        "output": _write(root, "_site/blog/index.html", "<html><body><p>rendered</p></body></html>"),
    }


def test_quarto_page_kinds(tmp_path):
    files = _quarto_site(tmp_path)
    linter = Linter()
    assert file_kind(linter, files["post"]) == "article"
    assert file_kind(linter, files["listing"]) == "list"
    assert file_kind(linter, files["guide"]) == "page"


def test_quarto_output_is_not_read_and_qmd_is(tmp_path):
    files = _quarto_site(tmp_path)
    found = checked(str(tmp_path))
    rel = {k: os.path.relpath(v, str(tmp_path)).replace(os.sep, "/") for k, v in files.items()}
    names = [os.path.relpath(p, str(tmp_path)).replace(os.sep, "/") for p in found]
    assert rel["post"] in names and rel["guide"] in names
    assert not any(n.startswith("_site/") for n in names)


def test_a_grid_table_is_not_deep_nesting(tmp_path):
    files = _quarto_site(tmp_path)
    _code, findings, _err = run_check("--select", "file-error,doubled-word", files["guide"])
    assert [f for f in findings if f["rule"] == "file-error"] == []


def test_template_folders_of_a_plain_repository_are_not_articles(tmp_path):
    """A web app's `templates/` (Django, Flask) or a theme's `partials/` holds markup with
    template tags, not articles; the articles beside them are still checked."""
    _write(tmp_path, "app/templates/about/press.html", '<p>{% trans "Since launching, the guide has grown." %}</p>')
    _write(tmp_path, "theme/partials/footer.html", "<footer>{{ site.title }}</footer>")
    story = _write(tmp_path, "stories/2024-05-01-library.md", POST)
    names = [os.path.relpath(p, str(tmp_path)).replace(os.sep, "/") for p in checked(str(tmp_path))]
    assert names == [os.path.relpath(story, str(tmp_path)).replace(os.sep, "/")]
