"""Closing text into typed blocks (paragraph, heading, caption, bio, byline ...) with their
containers and classes, and choosing which blocks are the article rather than page chrome."""

from __future__ import annotations

import re

from ...document import (
    BIO,
    BYLINE,
    CAPTION,
    CODE,
    COMMENT,
    HEADING,
    LIST_ITEM,
    PARAGRAPH,
    Block,
    MappedTextBuilder,
)
from ...text.bylines import is_byline
from .vocabulary import BIO_CLASS, BLOCK_TAGS, BYLINE_CLASS, CHROME_CLASS, CONTAINERS, KIND_OF

# The id of a page's footer wrapper ("footer-container", "news-footer"). (Not a header's: a
# story's own "article-header" holds its byline.)
_CHROME_ID = re.compile(r"(?:^|[-_])(footer)(?:$|[-_])", re.I)
# The id or class of the wrapper a page keeps its story in.
_MAIN_ID = re.compile(
    r"^(?:main[-_]?content|(?:article|story|post|entry)[-_]?(?:body|content|text)|articlebody|storybody)$", re.I
)


class _BlockFlush:
    """Turning the text read so far into a block (mixed into the walker)."""

    # -- blocks ------------------------------------------------------------------------
    def _containers(self) -> tuple[str, ...]:
        names = []
        for o in self.stack:
            if o.tag in CONTAINERS:
                names.append(o.tag)
            elif o.tag == "div" and (ident := o.attrs.get("id")) and (where := _CHROME_ID.search(ident)):
                # <div id="footer-container">: the page's own footer, as a <footer> would be
                names.append(where.group(1).lower())
            elif o.tag in ("div", "section") and _MAIN_ID.search(o.attrs.get("id") or ""):
                # <div id="main_content">, <div id="article-body">: the story, as <main> is (an id
                # names one wrapper; a class such as "post-text" may be on every paragraph's div)
                names.append("main")
            if o.classes and any(BIO_CLASS.search(c) for c in o.classes):
                names.append("bio")
        return tuple(names)

    def _quote_parent(self) -> Block | None:
        for o in reversed(self.stack):
            if o.block is not None:
                return o.block
        return None

    def _flush(self) -> None:
        builder = self.builder
        if not len(builder):
            return
        self.builder = MappedTextBuilder()
        text = builder.build()
        if not text.text:
            return
        inner = None
        for o in reversed(self.stack):
            if o.tag in BLOCK_TAGS:
                inner = o
                break
        kind = KIND_OF.get(inner.tag, PARAGRAPH) if inner is not None else PARAGRAPH
        if kind == CODE:
            return
        containers = self._containers()
        classes = tuple(c for o in self.stack[-3:] for c in o.classes)
        if "bio" in containers and kind in (PARAGRAPH, LIST_ITEM):
            kind = BIO
        elif kind == PARAGRAPH and (
            (any(BYLINE_CLASS.search(c) for c in classes) and len(text.text) < 120) or is_byline(text.text)
        ):
            kind = BYLINE
        level = int(inner.tag[1]) if inner is not None and kind == HEADING else 0
        block = Block(
            kind=kind,
            span=text.span,
            text=text,
            level=level,
            container=containers,
            classes=classes,
            parent=self._quote_parent(),
        )
        self.result.blocks.append(block)
        if kind == CAPTION:
            for o in reversed(self.stack):
                if o.tag == "figure" and o.caption_blocks is not None:
                    o.caption_blocks.append(block)
                    break


def _article_content(blocks: list[Block]) -> list[Block]:
    """Only the article is prose: prefer <article>/<main>; keep typed bios; drop chrome."""
    has_article = any("article" in b.container or "main" in b.container for b in blocks)
    out = []
    for b in blocks:
        if b.kind == COMMENT:
            out.append(b)
            continue
        cont = b.container
        if has_article:
            if "article" in cont or "main" in cont or "bio" in cont:
                out.append(b)
        else:
            # Site header/footer chrome is not the article; a <footer> inside a blockquote is
            # the quote's attribution, and a bio is typed for the bio rules: both stay.
            if (
                ("header" in cont or "footer" in cont)
                and "bio" not in cont
                and "blockquote" not in cont
                and b.kind != HEADING
            ):
                continue
            if any(CHROME_CLASS.search(c) for c in b.classes):
                continue
            out.append(b)
    return out
