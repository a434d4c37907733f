"""The block walk over markdown-it's token stream: blockquotes, lists, tables, headings,
paragraphs, code and HTML blocks become ``Block``s with exact spans; captions and bylines are
told apart from paragraphs here."""

from __future__ import annotations

import re
from typing import Any

from ...document import (
    BLOCKQUOTE,
    BYLINE,
    CAPTION,
    CODE,
    HEADING,
    HTML,
    LIST_ITEM,
    PARAGRAPH,
    TABLE_CELL,
    Block,
    Document,
    ImageBlock,
    MappedText,
    Span,
)
from ...text.bylines import is_byline
from ...text.credits import find_credit_marker
from ...text.patterns import lazy
from .. import ParseOptions
from .images import _ImageSources
from .inline import OBJECT, _InlineWalk

_OPEN_FIGCAPTION = re.compile(r"<figcaption\b[^<>]*>(?:(?!</figcaption>)[^<])*\Z", re.I)
_CLOSES_FIGCAPTION = re.compile(r"\s*</figcaption\s*>", re.I)


class _Walker(_InlineWalk, _ImageSources):
    def __init__(self, doc: Document, masked: str, options: ParseOptions) -> None:
        self.doc = doc
        self.src = masked  # same offsets as doc.source
        self.options = options
        self.lines = doc.lines
        self.directives: list[tuple[str, frozenset[str], Span]] = []
        self.containers: list[str] = []
        self.quotes: list[Block] = []
        self.last_image_block: ImageBlock | None = None
        # A <figcaption> left open at the end of an HTML block: the Markdown paragraphs
        # up to "</figcaption>" are its caption (blank lines inside the tag end the HTML
        # block, and Markdown renders the paragraphs inside the figcaption).
        self.open_caption: ImageBlock | None = None
        self.mask_spans: list[Span] = []
        self.mask_starts: list[int] = []
        self.last_image_end_line = -2
        # Shortcode images by the line they end on (a caption line may sit right under one).
        self.shortcode_images: dict[int, ImageBlock] = {}
        self._ial_classes: tuple[str, ...] = ()  # classes of a kramdown {: .x} closing the paragraph

    # -- block level -------------------------------------------------------------------
    def region(self, token_map: list[int] | None) -> tuple[int, int]:
        if not token_map:
            return 0, len(self.src)
        start = self.lines.line_start(token_map[0])
        last = token_map[1] - 1
        end = self.lines.line_end(last, self.src) if last >= token_map[0] else start
        return start, end

    def walk(self, tokens: list[Any]) -> None:
        doc = self.doc
        i, n = 0, len(tokens)
        pending_kind = PARAGRAPH
        pending_level = 0
        html_run: list[Any] = []
        while i < n:
            tok = tokens[i]
            t = tok.type
            if t != "html_block" and html_run:
                self.html_blocks(html_run)
                html_run = []
            if t == "blockquote_open":
                start, end = self.region(tok.map)
                block = Block(
                    kind=BLOCKQUOTE,
                    span=Span(start, end),
                    container=tuple(self.containers),
                    parent=self.quotes[-1] if self.quotes else None,
                )
                doc.blocks.append(block)
                self.quotes.append(block)
                self.containers.append("blockquote")
            elif t == "blockquote_close":
                self.quotes.pop()
                self.containers.pop()
            elif t in ("bullet_list_open", "ordered_list_open"):
                self.containers.append("list")
            elif t in ("bullet_list_close", "ordered_list_close"):
                self.containers.pop()
            elif t == "table_open":
                self.containers.append("table")
            elif t == "table_close":
                self.containers.pop()
            elif t == "heading_open":
                pending_kind, pending_level = HEADING, int(tok.tag[1])
            elif t in ("th_open", "td_open"):
                pending_kind = TABLE_CELL
            elif t == "paragraph_open":
                if pending_kind == PARAGRAPH and "list" in self.containers:
                    pending_kind = LIST_ITEM
            elif t == "inline":
                self.inline_block(tok, pending_kind, pending_level)
                pending_kind, pending_level = PARAGRAPH, 0
            elif t in ("fence", "code_block"):
                start, end = self.region(tok.map)
                doc.blocks.append(
                    Block(
                        kind=CODE,
                        span=Span(start, end),
                        container=tuple(self.containers),
                        attrs={"info": tok.info.strip()},
                    )
                )
            elif t == "html_block":
                if self.open_caption is not None and _CLOSES_FIGCAPTION.match(tok.content or ""):
                    self.open_caption = None
                if (
                    html_run
                    and tok.map
                    and html_run[-1].map
                    and not self._blank_between(html_run[-1].map[1], tok.map[0])
                ):
                    self.html_blocks(html_run)
                    html_run = []
                html_run.append(tok)
            i += 1
        if html_run:
            self.html_blocks(html_run)

    def _blank_between(self, line_a: int, line_b: int) -> bool:
        """True when only blank lines separate two html blocks (so they form one region)."""
        if line_b < line_a:
            return False
        start = self.lines.line_start(line_a)
        end = self.lines.line_start(line_b)
        return not self.src[start:end].strip()

    def html_blocks(self, tokens: list[Any]) -> None:
        from ..html import extract

        start, _ = self.region(tokens[0].map)
        _, end = self.region(tokens[-1].map)
        src = self.src
        inside = [sp for sp in self.mask_spans if sp.start < end and sp.end > start]
        if inside:
            # Shortcodes inside HTML read as plain spaces there (HTML collapses them).
            region = list(src[start:end])
            for sp in inside:
                for i in range(max(sp.start, start), min(sp.end, end)):
                    if region[i - start] not in "\r\n":
                        region[i - start] = " "
            src = src[:start] + "".join(region) + src[end:]
        result = extract(src, start, end, fragment=True)
        prefix = tuple(self.containers)
        parent = self.quotes[-1] if self.quotes else None
        for b in result.blocks:
            if prefix:
                b.container = prefix + b.container
            if b.parent is None and parent is not None:
                b.parent = parent
            self.doc.blocks.append(b)
            if isinstance(b, ImageBlock):
                self.last_image_block = b
                self.last_image_end_line = self.lines.line_of(end)
        self.directives.extend(result.directives)
        self.open_caption = None
        last_image = next((b for b in reversed(result.blocks) if isinstance(b, ImageBlock)), None)
        if last_image is not None and last_image.caption is None and _OPEN_FIGCAPTION.search(src, start, end):
            self.open_caption = last_image
        if not result.blocks:
            self.doc.blocks.append(Block(kind=HTML, span=Span(start, end)))

    def inline_block(self, tok: Any, kind: str, level: int) -> None:
        start, end = self.region(tok.map)
        res = self.inline(tok.children or [], start, end)
        doc = self.doc
        container = tuple(self.containers)
        parent = self.quotes[-1] if self.quotes else None
        first_line = tok.map[0] if tok.map else 0
        for image in res.images:
            image.container = container
            image.parent = parent
            doc.blocks.append(image)
        text = res.text
        if text is not None and "{:" in text.text:
            text = self._block_attributes(text, parent)
        if text is None or not text.text.strip() or text.text == OBJECT:
            if res.images:
                self.last_image_block = res.images[-1]
                self.last_image_end_line = tok.map[1] - 1 if tok.map else 0
            return
        if self.open_caption is not None and kind == PARAGRAPH:
            self._caption(self.open_caption, text, container)
            return
        # A caption: emphasised text directly under an image (same paragraph after a line
        # break, or the next paragraph), or a short credit line there.
        target = None
        if res.images and kind == PARAGRAPH:
            target = res.images[-1]
        elif kind == PARAGRAPH and self.last_image_block is not None and first_line - self.last_image_end_line <= 2:
            target = self.last_image_block
        elif kind == PARAGRAPH and self.shortcode_images:
            target = self._shortcode_image_above(first_line, text.span.start)
        if (
            target is not None
            and target.caption is None
            and (
                (res.emph_chars and not res.plain_chars and not _wholly_bold(self.src[start:end]))
                or (find_credit_marker(text.text) is not None and len(text.text.split()) <= 40)
            )
        ):
            self._caption(target, text, container)
            self.last_image_block = None
            return
        if kind == PARAGRAPH and is_byline(text.text) and len(text.text.split()) <= 8:
            kind = BYLINE
        attrs = {"emphasis": True} if res.emph_chars and not res.plain_chars else {}
        classes, self._ial_classes = self._ial_classes, ()
        doc.blocks.append(
            Block(
                kind=kind,
                span=text.span,
                text=text,
                level=level,
                container=container,
                parent=parent,
                attrs=attrs,
                classes=classes,
            )
        )
        self.last_image_block = res.images[-1] if res.images else None
        if res.images:
            self.last_image_end_line = tok.map[1] - 1 if tok.map else 0

    def _caption(self, image: ImageBlock, text: MappedText, container: tuple[str, ...]) -> None:
        """``text`` is the picture's caption (the first such paragraph) and, from its credit
        marker on ("Photo: …"), its credit; it stays in the document as a caption block."""
        if image.caption is None:
            image.caption = text
        if image.credit is None:
            marker = find_credit_marker(text.text)
            if marker is not None:
                from ...document import slice_mapped

                image.credit = slice_mapped(text, marker, len(text.text))
        self.doc.blocks.append(Block(kind=CAPTION, span=text.span, text=text, container=container, parent=image))

    def _block_attributes(self, text: MappedText, parent: Block | None) -> MappedText | None:
        """A kramdown block attribute list closing a paragraph (``{: .pull-quote}`` on the
        line under it) is markup: its classes go to the paragraph's blockquote (or, on a
        line of its own, to the block above) and it leaves the text."""
        m = _IAL.search(text.text)
        if m is None:
            return text
        classes = tuple(c[1:] for c in m.group(1).split() if c.startswith("."))
        if m.start() == 0:
            # A list on a line of its own: it belongs to the block above.
            for b in reversed(self.doc.blocks):
                if b.kind in (BLOCKQUOTE, PARAGRAPH) or b.parent is not None:
                    target = b.parent if b.parent is not None and b.parent.kind == BLOCKQUOTE else b
                    target.classes = (*target.classes, *classes)
                    break
            return None
        if parent is not None:
            parent.classes = (*parent.classes, *classes)
        self._ial_classes = classes
        from ...document import slice_mapped

        return slice_mapped(text, 0, len(text.text[: m.start()].rstrip()))


def _wholly_bold(raw: str) -> bool:
    """``**Why the redesign?**``: a bold line is a pseudo-heading, not a caption."""
    raw = raw.strip()
    return raw.startswith(("**", "__")) and raw.endswith(("**", "__")) and not raw.startswith(("***", "___"))


# A kramdown block attribute list ending a paragraph: "{: .pull-quote}", "{:.note #id}".
_IAL = lazy(r"(?:^|\s)\{:\s*([^{}\n]{0,200}?)\s*\}\s*$")
