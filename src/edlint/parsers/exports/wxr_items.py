"""A WordPress export's posts as units of work, and one post as a Document."""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

from . import ExportItem
from .positions import PieceBuilder
from .wxr import ExportError, index, read_item, read_range

POST_TYPES = ("post",)


def wxr_items(path: str, *, roots: Any = None, pages: bool = False) -> Iterator[ExportItem]:
    """One ExportItem per post (and page, with ``pages``), in file order."""
    from ...reading import where_allowed

    real, skipped = where_allowed(path, roots)
    if real is None:
        raise ExportError(skipped or "not read")
    fd = os.open(real, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0))
    with open(fd, "rb", closefd=True) as fh:
        found = index(fh)
    types = ("post", "page") if pages else POST_TYPES
    language = found.channel.get("language", "")
    seen: dict[str, int] = {}
    for n, ref in enumerate(found.items, 1):
        from .wxr import SKIPPED_STATUSES

        if ref.post_type not in types or ref.status in SKIPPED_STATUSES:
            continue
        key = f"post-{ref.post_id}" if ref.post_id else f"item-{n}"
        if key in seen:  # two items with one id (a hand-merged export): keep both apart
            seen[key] += 1
            key = f"{key}-{seen[key]}"
        else:
            seen[key] = 1
        attachments = [found.attachments[a].as_dict() for a in found.by_parent.get(ref.post_id, ())]
        featured = found.attachments.get(ref.thumbnail) if ref.thumbnail else None
        # Only what this post has: 150,000 posts are held until their turn comes.
        context = {
            "author": found.authors.get(ref.creator, ref.creator),
            "language": language,
        }
        if attachments:
            context["attachments"] = attachments
        if featured is not None:
            context["featured_image"] = featured.as_dict()
        yield ExportItem(f"{path}#{key}", path, "wxr", ref, context)


def wxr_document(item: ExportItem, *, max_size: int, roots: Any = None) -> Any:
    from .document import build_document

    ref = item.ref
    data = read_range(item.file, ref.start, ref.end, max_size, roots)
    text = read_item(data, ref)
    f = text.fields
    fields: dict[str, PieceBuilder] = {}
    if "title" in f:
        fields["title"] = f["title"]
    if "excerpt:encoded" in f:
        fields["excerpt"] = f["excerpt:encoded"]
    author = item.context.get("author") or ""
    creator = f.get("dc:creator")
    if author and creator is not None and creator.text().strip():
        # The display name is the byline readers see; it points at dc:creator.
        piece = PieceBuilder()
        line, col = creator.first_position() or (ref.line, ref.column)
        piece.add(author, line, col, verbatim=author == creator.text())
        fields["author"] = piece
    date = f.get("wp:post_date_gmt")
    if date is None or date.text().strip() in ("", "0000-00-00 00:00:00"):
        date = f.get("wp:post_date")
    if date is not None and date.text().strip() not in ("", "0000-00-00 00:00:00"):
        fields["date"] = date
    extra: dict[str, Any] = {
        "slug": _text(f, "wp:post_name"),
        "url": _text(f, "link"),
        "status": _text(f, "wp:status"),
        "post_id": ref.post_id,
        "categories": [name for domain, name in text.categories if domain == "category" and name],
        "tags": [name for domain, name in text.categories if domain == "post_tag" and name],
        "attachments": item.context.get("attachments") or [],
        "lastmod": _text(f, "wp:post_modified_gmt"),
    }
    featured = item.context.get("featured_image")
    if featured:
        extra["image"] = featured.get("url", "")
        extra["image_alt"] = featured.get("alt", "")
        extra["image_caption"] = featured.get("caption", "")
    body = f.get("content:encoded") or PieceBuilder()
    doc = build_document(str(item), body, fields, extra, item.context.get("language") or None)
    if ref.post_type == "page":
        doc.page_kind = "page"
    return doc


def _text(fields: dict[str, PieceBuilder], name: str) -> str:
    piece = fields.get(name)
    return piece.text().strip() if piece is not None else ""
