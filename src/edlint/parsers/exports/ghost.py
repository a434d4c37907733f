"""Ghost JSON exports (Settings -> Labs -> Export): ``{"db": [{"meta": ..., "data": {"posts":
[...], "users": [...], "posts_authors": [...], "tags": [...], "posts_tags": [...],
"posts_meta": [...]}}]}``.

A post's body is its ``html`` field (Ghost writes the rendered HTML into exports); a post
with only ``lexical`` or ``mobiledoc`` is rendered from that (ghost_render.py). Positions:
the file is decoded once with the standard library's pure-Python JSON scanner, told to
remember where each string value starts, so every character of ``html`` maps to its place in
the file (an escape such as ``\\n`` or ``\\u00e9`` maps to the escape). Ghost exports are
far smaller than WordPress archives (no media, one JSON document), so the file is read
whole, bounded by ``max_file_size``.
"""

from __future__ import annotations

import json
import json.decoder
import json.scanner
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from ...document import LineIndex
from . import ExportItem
from .positions import PieceBuilder
from .wxr import ExportError


def is_ghost_head(head: bytes) -> bool:
    text = head.decode("utf-8", "replace")
    return '"db"' in text and '"meta"' in text and ('"exported_on"' in text or '"version"' in text)


class _PositionedString(str):
    """A JSON string value that knows the offset (in the file) of its first character."""

    at: int


def _decode_with_positions(text: str) -> Any:
    decoder = json.JSONDecoder()
    scanstring = json.decoder.scanstring

    def parse_string(s: str, idx: int, strict: bool) -> tuple[Any, int]:
        value, end = scanstring(s, idx, strict)
        out = _PositionedString(value)
        out.at = idx  # type: ignore[attr-defined]
        return out, end

    decoder.parse_string = parse_string  # type: ignore[attr-defined]
    decoder.scan_once = json.scanner.py_make_scanner(decoder)
    try:
        value, _end = decoder.raw_decode(text, len(text) - len(text.lstrip()))
    except json.JSONDecodeError as exc:
        raise ExportError(
            f"the Ghost export is not valid JSON ({exc.msg} at line {exc.lineno}, column {exc.colno})"
        ) from None
    return value


def mapped_string(raw: str, value: Any, lines: LineIndex) -> PieceBuilder:
    """The pieces of a decoded JSON string with their file positions."""
    piece = PieceBuilder()
    at = getattr(value, "at", None)
    if at is None:
        piece.add(str(value), 1, 0, verbatim=False)
        return piece
    i = at
    n = len(raw)
    while i < n:
        c = raw[i]
        if c == '"':
            break
        if c == "\\":
            nxt = raw[i + 1 : i + 2]
            line, col = lines.position(i)
            if nxt == "u":
                code = int(raw[i + 2 : i + 6], 16)
                width = 6
                if 0xD800 <= code < 0xDC00 and raw[i + 6 : i + 8] == "\\u":
                    low = int(raw[i + 8 : i + 12], 16)
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    width = 12
                piece.add(chr(code), line, col - 1, verbatim=False)
                i += width
            else:
                piece.add(json.decoder.scanstring(f'"\\{nxt}"', 1)[0], line, col - 1, verbatim=False)
                i += 2
            continue
        j = i
        while j < n and raw[j] not in '"\\':
            j += 1
        line, col = lines.position(i)
        piece.add(raw[i:j], line, col - 1)
        i = j
    return piece


@dataclass
class GhostPost:
    """One post, self-contained: its text pieces travel with it to a worker."""

    slug: str
    post_type: str
    body: PieceBuilder
    fields: dict[str, PieceBuilder] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)


def ghost_items(path: str, *, roots: Any = None, pages: bool = False, max_size: int) -> Iterator[ExportItem]:
    from ...reading import read_text

    text, problem, skipped = read_text(path, max_size, roots)
    if text is None:
        raise ExportError(problem or skipped or "not read")
    data = _decode_with_positions(text)
    try:
        db = data["db"][0]["data"]
    except (KeyError, IndexError, TypeError):
        raise ExportError("not a Ghost export (no db[0].data)") from None
    lines = LineIndex(text)
    users = {u.get("id"): u for u in db.get("users") or () if isinstance(u, dict)}
    tags = {t.get("id"): t for t in db.get("tags") or () if isinstance(t, dict)}
    authors_of: dict[Any, list[tuple[int, Any]]] = {}
    for row in db.get("posts_authors") or ():
        if isinstance(row, dict):
            authors_of.setdefault(row.get("post_id"), []).append((row.get("sort_order") or 0, row.get("author_id")))
    tags_of: dict[Any, list[tuple[int, Any]]] = {}
    for row in db.get("posts_tags") or ():
        if isinstance(row, dict):
            tags_of.setdefault(row.get("post_id"), []).append((row.get("sort_order") or 0, row.get("tag_id")))
    meta_of = {m.get("post_id"): m for m in db.get("posts_meta") or () if isinstance(m, dict)}
    language = ""
    for setting in db.get("settings") or ():
        if isinstance(setting, dict) and setting.get("key") in ("locale", "lang"):
            language = str(setting.get("value") or "")
    types = ("post", "page") if pages else ("post",)
    seen: set[str] = set()
    for n, post in enumerate(db.get("posts") or (), 1):
        if not isinstance(post, dict) or (post.get("type") or "post") not in types:
            continue
        post_id = post.get("id")
        slug = str(post.get("slug") or post_id or f"item-{n}")
        key = slug if slug not in seen else f"{slug}-{n}"
        seen.add(key)
        body = _body(text, post, lines)
        fields: dict[str, PieceBuilder] = {}
        meta = meta_of.get(post_id) or {}
        if isinstance(post.get("title"), str):
            fields["title"] = mapped_string(text, post["title"], lines)
        excerpt = post.get("custom_excerpt") or meta.get("meta_description")
        if isinstance(excerpt, str) and excerpt.strip():
            fields["excerpt"] = mapped_string(text, excerpt, lines)
        names = [
            users[a].get("name") for _o, a in sorted(authors_of.get(post_id, []), key=lambda x: x[0]) if a in users
        ]
        names = [str(x) for x in names if x]
        if not names and post.get("author_id") in users:
            names = [str(users[post["author_id"]].get("name") or "")]
        if names:
            fields["author"] = mapped_string(text, names[0], lines)
        date = post.get("published_at") or post.get("created_at")
        if isinstance(date, str):
            fields["date"] = mapped_string(text, date, lines)
        extra = {
            "slug": slug,
            "status": str(post.get("status") or ""),
            "post_id": str(post_id or ""),
            "tags": [
                str(tags[t].get("name")) for _o, t in sorted(tags_of.get(post_id, []), key=lambda x: x[0]) if t in tags
            ],
            "authors": names,
            "image": str(post.get("feature_image") or ""),
            "image_alt": str(meta.get("feature_image_alt") or post.get("feature_image_alt") or ""),
            "image_caption": str(meta.get("feature_image_caption") or post.get("feature_image_caption") or ""),
            "lastmod": str(post.get("updated_at") or ""),
        }
        ref = GhostPost(slug=slug, post_type=str(post.get("type") or "post"), body=body, fields=fields, extra=extra)
        yield ExportItem(f"{path}#{key}", path, "ghost", ref, {"language": language})


def _body(raw: str, post: dict[str, Any], lines: LineIndex) -> PieceBuilder:
    html = post.get("html")
    if isinstance(html, str) and html.strip():
        return mapped_string(raw, html, lines)
    from .ghost_render import render_lexical, render_mobiledoc

    for key, render in (("lexical", render_lexical), ("mobiledoc", render_mobiledoc)):
        value = post.get(key)
        if isinstance(value, str) and value.strip():
            rendered = render(value)
            piece = PieceBuilder()
            at = getattr(value, "at", 0)
            line, col = lines.position(at)
            # Rendered text has no place of its own in the file: it points at the field.
            piece.add(rendered, line, col - 1, verbatim=False)
            return piece
    return PieceBuilder()


def ghost_document(item: ExportItem) -> Any:
    from .document import build_document

    post: GhostPost = item.ref
    doc = build_document(str(item), post.body, post.fields, post.extra, item.context.get("language") or None)
    if post.post_type == "page":
        doc.page_kind = "page"
    return doc
