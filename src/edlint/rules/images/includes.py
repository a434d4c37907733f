"""A Jekyll site's own figure includes: which argument of ``{% include image.html … %}`` is
the picture, its alt text, its caption and its credit, read from the template itself
(``_includes/image.html``), so a site's own names work without a ``shortcodes:`` entry.

Templates are read as text (never run): an ``<img>`` whose ``src`` holds ``{{ include.X }}``
(directly or through a ``{% capture %}``) makes X the picture; ``alt="{{ include.Y }}"``
makes Y its alt text (often the caption: ``alt="{{ include.caption }}"``); an
``include.Z`` inside ``<figcaption>`` its caption; ``include.credit`` (or attribution,
photo_credit …) its credit.
"""

from __future__ import annotations

import os
import re
from typing import Any

from ..base import site_loader

INCLUDES_FOLDER = "_includes"
_MAX_TEMPLATES = 300
_TEMPLATE_EXTS = (".html", ".htm", ".liquid")

_VAR = re.compile(r"\binclude\.(\w+)")
_IMG_TAG = re.compile(r"<img\b[^<>]{0,2000}>", re.I)
_ATTR = re.compile(r"""\b(src|alt|data-src)\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.I)
_CAPTURE = re.compile(r"\{%-?\s*capture\s+(\w+)\s*-?%\}(.{0,2000}?)\{%-?\s*endcapture\s*-?%\}", re.S)
_ASSIGN = re.compile(r"\{%-?\s*assign\s+(\w+)\s*=\s*([^%]{0,500}?)-?%\}")
_OUTPUT = re.compile(r"\{\{-?\s*(\w+)")
_FIGCAPTION = re.compile(r"<figcaption\b[^>]{0,300}>(.{0,3000}?)</figcaption>", re.I | re.S)
_CREDIT_CONTEXT = re.compile(
    r"(?:class=[\"'][^\"']*(?:credit|attribution|byline|photographer)[^\"']*[\"'][^>]{0,80}>[^<{]{0,30}"
    r"|\b(?:photo(?:graph)?|picture|image|credit|courtesy)(?:\s+(?:by|of))?\s*[:|/]?\s*|©\s*)"
    r"\{\{-?\s*include\.(\w+)",
    re.I,
)
_CREDIT_VARS = ("credit", "attribution", "photo_credit", "image_credit", "attr", "copyright", "photographer")


def _includes_folder(config_dir: str) -> str:
    return os.path.join(config_dir, INCLUDES_FOLDER)


def _template_paths(config_dir: str) -> list[str]:
    folder = _includes_folder(config_dir)
    out: list[str] = []
    if not os.path.isdir(folder):
        return out
    for d, dirs, names in os.walk(folder):
        dirs.sort()
        for name in sorted(names):
            if name.lower().endswith(_TEMPLATE_EXTS):
                out.append(os.path.join(d, name))
                if len(out) >= _MAX_TEMPLATES:
                    return out
    return out


def include_fields(template: str) -> dict[str, str] | None:
    """{field: include argument} for a figure template, or None when it shows no picture
    taken from its arguments."""
    names: dict[str, str] = {}  # a captured or assigned variable -> the include argument in it
    for m in _CAPTURE.finditer(template):
        var = _VAR.search(m.group(2))
        if var:
            names[m.group(1)] = var.group(1)
    for m in _ASSIGN.finditer(template):
        var = _VAR.search(m.group(2))
        if var:
            names[m.group(1)] = var.group(1)

    def argument(value: str) -> str | None:
        var = _VAR.search(value)
        if var:
            return var.group(1)
        out = _OUTPUT.search(value)
        return names.get(out.group(1)) if out else None

    fields: dict[str, str] = {}
    for tag in _IMG_TAG.finditer(template):
        attrs = {
            m.group(1).lower(): m.group(2) if m.group(2) is not None else m.group(3)
            for m in _ATTR.finditer(tag.group(0))
        }
        src = argument(attrs.get("src", "") or attrs.get("data-src", ""))
        if src is None:
            continue
        fields["src"] = src
        alt = argument(attrs.get("alt", ""))
        if alt is not None:
            fields["alt"] = alt
        break
    if "src" not in fields:
        return None
    credit_var = next((c for c in _CREDIT_VARS if re.search(r"\binclude\." + c + r"\b", template)), None)
    if credit_var is None:
        # any argument printed after a credit label or in a credit element:
        # `<span class="credit">Photo: {{ include.by }}</span>`, `© {{ include.owner }}`
        labelled = _CREDIT_CONTEXT.search(template)
        credit_var = labelled.group(1) if labelled else None
    cap = _FIGCAPTION.search(template)
    if cap:
        args = [a for a in _VAR.findall(cap.group(1)) if a not in _CREDIT_VARS and a != credit_var]
        if args:
            fields["caption"] = args[0]
    if credit_var is not None:
        fields["credit"] = credit_var
    return fields


def _inputs(config_dir: str, options: Any) -> list[str]:
    """The folder (a template added or removed changes its listing) and the templates."""
    folder = _includes_folder(config_dir)
    subfolders = [os.path.dirname(p) for p in _template_paths(config_dir)]
    return sorted({folder, *subfolders}) + _template_paths(config_dir)


@site_loader("image_includes", "images", inputs=_inputs)
def load_image_includes(config_dir: str, options: Any) -> dict[str, dict[str, str]]:
    """Read ``_includes/`` templates: include file name -> {field: argument}. A template
    that cannot be read is skipped (the others still load)."""
    from ...reading import read_site_text

    out: dict[str, dict[str, str]] = {}
    for path in _template_paths(config_dir):
        try:
            fields = include_fields(read_site_text(path))
        except (OSError, UnicodeDecodeError):
            continue
        if fields:
            out.setdefault(os.path.basename(path), fields)
    return out
