"""Ghost's editor formats (Lexical, and the older Mobiledoc) rendered to plain HTML, for the
few posts whose export has no ``html``. Only what prose rules read: paragraphs, headings,
quotes, lists, images with captions; cards edlint cannot read (embeds, code, HTML cards)
are left out. Text is escaped, so nothing in a post becomes markup it was not."""

from __future__ import annotations

import json
from html import escape
from typing import Any

MAX_DEPTH = 64


def render_lexical(source: str) -> str:
    try:
        root = json.loads(source).get("root", {})
    except (ValueError, AttributeError):
        return ""
    out: list[str] = []
    for node in root.get("children") or ():
        _lexical_node(node, out, 0)
    return "\n".join(out)


def _inline(nodes: Any, depth: int) -> str:
    parts = []
    for node in nodes or ():
        if not isinstance(node, dict) or depth > MAX_DEPTH:
            continue
        kind = node.get("type")
        if kind in ("text", "extended-text"):
            parts.append(escape(str(node.get("text") or "")))
        elif kind == "linebreak":
            parts.append("<br>")
        elif kind in ("link", "autolink"):
            parts.append(
                f'<a href="{escape(str(node.get("url") or ""))}">{_inline(node.get("children"), depth + 1)}</a>'
            )
        else:
            parts.append(_inline(node.get("children"), depth + 1))
    return "".join(parts)


def _lexical_node(node: Any, out: list[str], depth: int) -> None:
    if not isinstance(node, dict) or depth > MAX_DEPTH:
        return
    kind = node.get("type")
    children = node.get("children")
    if kind in ("paragraph", "extended-paragraph"):
        out.append(f"<p>{_inline(children, depth)}</p>")
    elif kind in ("heading", "extended-heading"):
        tag = str(node.get("tag") or "h2")
        tag = tag if tag in ("h1", "h2", "h3", "h4", "h5", "h6") else "h2"
        out.append(f"<{tag}>{_inline(children, depth)}</{tag}>")
    elif kind in ("quote", "aside"):
        out.append(f"<blockquote><p>{_inline(children, depth)}</p></blockquote>")
    elif kind == "list":
        tag = "ol" if node.get("listType") == "number" else "ul"
        items = "".join(f"<li>{_inline(c.get('children'), depth)}</li>" for c in children or () if isinstance(c, dict))
        out.append(f"<{tag}>{items}</{tag}>")
    elif kind == "image":
        out.append(_figure(node.get("src"), node.get("alt"), node.get("caption")))


def _figure(src: Any, alt: Any, caption: Any) -> str:
    # A Ghost caption is HTML already (the editor stores it so).
    cap = f"<figcaption>{caption}</figcaption>" if caption else ""
    return f'<figure class="kg-card kg-image-card"><img src="{escape(str(src or ""))}" alt="{escape(str(alt or ""))}">{cap}</figure>'


def render_mobiledoc(source: str) -> str:
    try:
        doc = json.loads(source)
        markers_cards = doc.get("cards") or []
        sections = doc.get("sections") or []
    except (ValueError, AttributeError):
        return ""
    out: list[str] = []
    for section in sections:
        if not isinstance(section, list) or not section:
            continue
        if section[0] == 1 and len(section) >= 3:  # markup section: [1, tag, markers]
            tag = str(section[1]).lower()
            tag = tag if tag in ("p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "aside") else "p"
            text = "".join(escape(str(m[3])) for m in section[2] if isinstance(m, list) and len(m) >= 4)
            out.append(f"<{tag}>{text}</{tag}>" if tag != "aside" else f"<blockquote>{text}</blockquote>")
        elif section[0] == 3 and len(section) >= 3:  # list section: [3, tag, items]
            tag = "ol" if section[1] == "ol" else "ul"
            items = "".join(
                "<li>" + "".join(escape(str(m[3])) for m in item if isinstance(m, list) and len(m) >= 4) + "</li>"
                for item in section[2]
                if isinstance(item, list)
            )
            out.append(f"<{tag}>{items}</{tag}>")
        elif section[0] == 10 and len(section) >= 2:  # card section: [10, card index]
            try:
                name, payload = markers_cards[section[1]]
            except (IndexError, TypeError, ValueError):
                continue
            if name == "image" and isinstance(payload, dict):
                out.append(_figure(payload.get("src"), payload.get("alt"), payload.get("caption")))
    return "\n".join(out)
