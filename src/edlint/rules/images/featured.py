"""Images and credits from metadata: the front-matter featured image (its alt, caption and
credit fields, or a mapping) and the image credits of an HTML page's JSON-LD."""

from __future__ import annotations

import re
from typing import Any

from ...document import Document, MappedText, MetaField, Span
from ...text.patterns import lazy
from .model import Image, TextPart, _add_part, _apply_site, _looks_like_uid, _stem
from .options import ImagesOptions

_JSONLD_CREDIT_KEYS = ("creditText", "creator", "copyrightHolder", "author")


_PATH_LIKE = lazy(r"^\s*(?:https?:|/|\.{1,2}/)|\.(?:jpe?g|png|gif|webp|svg|avif|tiff?)\b", re.I)


def _jsonld_credits(doc: Document, images: list[Image]) -> None:
    mf = doc.metadata.get("jsonld")
    if mf is None or not isinstance(mf.value, dict):
        return
    credits: dict[str, str] = {}
    stack: list[Any] = [mf.value.get("image"), mf.value.get("associatedMedia")]
    while stack:
        item = stack.pop()
        if isinstance(item, list):
            stack.extend(item[:20])
            continue
        if not isinstance(item, dict):
            continue
        url = item.get("url") or item.get("contentUrl")
        who = None
        for key in _JSONLD_CREDIT_KEYS[:3]:
            v = item.get(key)
            if isinstance(v, dict):
                v = v.get("name")
            elif isinstance(v, list) and v:
                v = v[0].get("name") if isinstance(v[0], dict) else v[0]
            if isinstance(v, str) and v.strip():
                who = v.strip()
                break
        if isinstance(url, str) and who:
            credits[_stem(url).lower()] = who
    if not credits:
        return
    for img in images:
        who = credits.get(_stem(img.src).lower()) if img.src else None
        if who and not img.credits:
            img.credits.append(TextPart(who, mf.value_span, None, "JSON-LD"))


def _meta_part(doc: Document, mf: MetaField, where: str = "front matter") -> TextPart | None:
    value = mf.value
    if value is None or isinstance(value, (dict, list, bool)):
        return None
    text = str(value).strip()
    if not text:
        return None
    vs = mf.value_span
    raw = doc.source[vs.start : vs.end]
    pos = raw.find(text)
    if pos != -1:
        s = vs.start + pos
        return TextPart(text, Span(s, s + len(text)), MappedText(text, [(0, s, s + len(text))]), where)
    return TextPart(text, vs, None, where)


def _nested_part(doc: Document, mf: MetaField, key: str, text: str) -> TextPart:
    """``image: {credit: ...}``: the part where ``credit:`` is written inside the mapping."""
    vs = mf.value_span
    raw = doc.source[vs.start : vs.end]
    m = re.search(r"(?m)^[ \t]*" + re.escape(key) + r"[ \t]*:[ \t]*", raw)
    if m:
        pos = raw.find(text, m.end())
        if pos != -1:
            s = vs.start + pos
            return TextPart(text, Span(s, s + len(text)), MappedText(text, [(0, s, s + len(text))]), "front matter")
        s = vs.start + m.end()
        return TextPart(text, Span(s, s), None, "front matter")
    return TextPart(text, vs, None, "front matter")


# Front-matter switches with which themes keep the featured image off the article page (it
# is then only the share card): `hero: false`, `show_image: false`, `hide_image: true` ...
_SHOW_SWITCHES = (
    "hero",
    "show_hero",
    "show_image",
    "show_featured_image",
    "featured_image_show",
    "display_featured_image",
    "show_cover",
    "cover_show",
)
_HIDE_SWITCHES = ("hide_image", "hide_hero", "hide_featured_image", "hide_cover", "hidden_image")


def _not_shown(md: dict[str, MetaField]) -> bool:
    def flag(key: str) -> bool | None:
        f = md.get(key)
        v = f.value if f is not None else None
        if isinstance(v, str) and v.strip().lower() in ("false", "no", "true", "yes"):
            return v.strip().lower() in ("true", "yes")
        return v if isinstance(v, bool) else None

    return any(flag(k) is False for k in _SHOW_SWITCHES) or any(flag(k) is True for k in _HIDE_SWITCHES)


def _featured(doc: Document, opts: ImagesOptions, site: dict[str, dict[str, str]], body: list[Image]) -> Image | None:
    md = doc.metadata
    if not md:
        return None
    field_ = None
    value: Any = None
    for key in opts.featured_image_fields:
        f = md.get(key)
        if f is None:
            continue
        v = f.value
        if isinstance(v, list):
            v = v[0] if v else None
        if v is None or isinstance(v, bool) or (isinstance(v, (str, dict)) and not v):
            continue
        field_, value = f, v
        break
    if field_ is None or _not_shown(md):
        return None
    img = Image(block=None, span=field_.key_span, origin="frontmatter", featured=True)
    uid = None
    if isinstance(value, dict):
        img.src = str(
            value.get("src")
            or value.get("url")
            or value.get("path")
            or value.get("file")
            or value.get("image")
            or value.get("uid")
            or ""
        ).strip()
        uid = value.get("uid")
        if not img.src and not uid:
            return None  # hero_image: {image: '', alt: ''}: the template's blank field, no picture
        if value.get("alt") not in (None, ""):
            img.alt = str(value["alt"])
        for key, parts in (("caption", img.captions), ("credit", img.credits)):
            if value.get(key) not in (None, ""):
                parts.append(_nested_part(doc, field_, key, str(value[key]).strip()))
    else:
        img.src = str(value).strip()
    img.uid_like = bool(uid) or _looks_like_uid(img.src)
    for keys, kind in (
        (opts.featured_alt_fields, "alt"),
        (opts.featured_caption_fields, "caption"),
        (opts.featured_credit_fields, "credit"),
    ):
        for key in keys:
            mf = md.get(key)
            if mf is None:
                continue
            part = _meta_part(doc, mf)
            if part is None:
                continue
            if kind == "credit" and _PATH_LIKE.search(part.text):
                continue  # "photo: /images/2019/pier.jpg": the picture itself
            if kind == "alt":
                if img.alt is None:
                    img.alt, img.alt_span = part.text, part.span
            elif kind == "caption":
                _add_part(img.captions, part)
            else:
                _add_part(img.credits, part)
            break
    if site:
        key = str(uid or img.src)
        entry = site.get(key) or site.get(_stem(key))
        if entry is not None:
            _apply_site(img, entry, key)
    # The featured image shown again in the body: the body image carries the findings.
    stem = _stem(img.src).lower() if img.src else ""
    if stem and any(_stem(b.src).lower() == stem or (b.uid and b.uid.lower() == stem) for b in body):
        return None
    return img
