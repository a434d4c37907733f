"""The tokenizer-driven walk: start and end tags on an explicit stack (implied end tags, skipped
and hidden elements, blockquotes, figures, code), comments and directives, and ``extract``."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from ...document import BLOCKQUOTE, CODE, COMMENT, Block, MappedTextBuilder, MetaField, ParseProblem, Span
from ..directives import comment_directive
from .blocks import _article_content, _BlockFlush
from .images import _Figures
from .jsonld import _jsonld_metadata
from .metadata import _HeadMetadata
from .records import HtmlResult, _Open
from .text import _TextEvents
from .vocabulary import (
    _HIDDEN_STYLE,
    _LAZY_CLASS,
    _LAZY_IMAGE,
    BLOCK_CLOSES_P,
    BLOCK_TAGS,
    CREDIT_CLASS,
    IMPLIED_CLOSE,
    MAX_STACK_SCAN,
    SKIP,
    VOID,
)


class _Extractor(_TextEvents, _BlockFlush, _Figures, _HeadMetadata, HTMLParser):
    def __init__(self, source: str, base: int, end: int, fragment: bool) -> None:
        super().__init__(convert_charrefs=False)
        self.src = source
        self.base = base
        self.fed = source[base:end]
        self.fragment = fragment
        nl = [0]
        find = self.fed.find
        i = find("\n")
        while i != -1:
            nl.append(i + 1)
            i = find("\n", i + 1)
        self.nl = nl
        self.stack: list[_Open] = []
        self.skip_depth = 0  # >0 inside script/style/nav ...
        self.code_depth = 0  # inline <code>
        self.builder = MappedTextBuilder()
        self.result = HtmlResult()
        self.in_head = False
        self.title_builder: MappedTextBuilder | None = None
        self.jsonld: list[tuple[str, int, int]] = []
        self.script_type: str | None = None
        self.script_start = 0
        self.credit_builders: list[MappedTextBuilder] = []

    # -- positions ---------------------------------------------------------------------
    def here(self) -> int:
        line, col = self.getpos()
        return self.base + self.nl[line - 1] + col

    def handle_comment(self, data: str) -> None:
        start = self.here()
        span = Span(start, start + len(data) + 7)
        directive = comment_directive(data, span)
        if directive is not None:
            self.result.directives.append(directive)
        self.result.blocks.append(Block(kind=COMMENT, span=span))

    # -- tags --------------------------------------------------------------------------
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        start = self.here()
        raw = self.get_starttag_text() or ""
        end = start + len(raw)
        amap = dict(attrs)
        if tag == "head":
            self.in_head = True
            if self.result.head_span is None:
                self.result.head_span = Span(start, end)
        if self.in_head or tag in ("meta", "title", "html", "link"):
            self._head_tag(tag, amap, start, end)
            if tag == "title" or tag in VOID:
                return
        if tag == "script":
            stype = (amap.get("type") or "").lower()
            self.script_type = stype
            self.script_start = end
            self.skip_depth += 1
            return
        if self.skip_depth:
            if tag not in VOID:
                self.skip_depth += 1
            return
        classes = tuple((amap.get("class") or "").split())
        style = amap.get("style") or ""
        hidden = (
            amap.get("hidden") is not None
            or amap.get("aria-hidden") == "true"
            or (("none" in style or "hidden" in style) and _HIDDEN_STYLE.search(style) is not None)
        )
        if tag in SKIP or (hidden and tag != "img"):
            if tag not in VOID:
                self.skip_depth += 1
            return
        if tag == "img":
            self._image(amap, classes, start, end)
            return
        if (
            tag in ("div", "span")
            and amap.get("data-src")
            and _LAZY_IMAGE.search(amap.get("data-src") or "")
            and any(_LAZY_CLASS.search(c) for c in classes)
        ):
            # A script-loaded image placeholder (BBC's "js-delayed-image-load"): the image
            # the reader sees, with its alt text in data-alt.
            lazy = {
                "data-src": amap.get("data-src"),
                "class": amap.get("class"),
                "width": amap.get("data-width"),
                "height": amap.get("data-height"),
            }
            if "data-alt" in amap:
                lazy["alt"] = amap.get("data-alt") or ""
            self._image(lazy, classes, start, end)
        if (
            tag == "time"
            and amap.get("datetime")
            and ("pubdate" in amap or (amap.get("itemprop") or "").lower() == "datepublished")
        ):
            # <time pubdate datetime=...> / microdata: the page's publication date.
            m = re.search(r"\bdatetime\s*=\s*[\"']?", self.src[start:end], re.I)
            vstart = start + (m.end() if m else 0)
            value = amap["datetime"] or ""
            self.result.metadata.setdefault(
                "time:published",
                MetaField("time:published", value.strip(), Span(start, end), Span(vstart, vstart + len(value)), "meta"),
            )
        if tag in ("br", "wbr"):
            if tag == "br":
                self._add_text(" ", start, end)
            return
        if tag in VOID:
            return
        if tag == "code" and not any(o.tag == "pre" for o in self.stack[-8:]):
            self._add_text("\ufffc", start, end)
            self.code_depth += 1
            self.stack.append(_Open(tag, start, amap, classes))
            return
        # Implied end tags (<p> inside an open <p>, <li> after <li> ...).
        closes = IMPLIED_CLOSE.get(tag)
        if closes is None and tag in BLOCK_CLOSES_P:
            closes = {"p"}
        if closes and self.stack and self.stack[-1].tag in closes:
            self._close_to(len(self.stack) - 1, start)
        if tag in BLOCK_TAGS:
            self._flush()
        entry = _Open(tag, start, amap, classes)
        if tag == "blockquote":
            block = Block(
                kind=BLOCKQUOTE,
                span=Span(start, end),
                container=self._containers(),
                classes=classes,
                attrs={k: v for k, v in amap.items() if k in ("cite", "class")},
                parent=self._quote_parent(),
            )
            self.result.blocks.append(block)
            entry.block = block
        elif tag == "figure":
            entry.images = []
            entry.caption_blocks = []
        if tag == "cite" or any(CREDIT_CLASS.search(c) for c in classes):
            entry.credit = MappedTextBuilder()
            self.credit_builders.append(entry.credit)
        self.stack.append(entry)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID and not self.skip_depth:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "head":
            self.in_head = False
            return
        if tag == "title" and self.title_builder is not None:
            self._end_title()
            return
        if tag == "script":
            if self.script_type is not None:
                if "ld+json" in self.script_type:
                    self.jsonld.append((self.src[self.script_start : self.here()], self.script_start, self.here()))
                self.script_type = None
                self.skip_depth = max(0, self.skip_depth - 1)
            return
        if self.skip_depth:
            if tag not in VOID:
                self.skip_depth -= 1
            return
        if tag in VOID:
            return
        # Find the matching open element near the top of the stack; ignore stray end tags.
        stack = self.stack
        lo = max(-1, len(stack) - 1 - MAX_STACK_SCAN)
        for i in range(len(stack) - 1, lo, -1):
            if stack[i].tag == tag:
                end = self.here()
                raw_end = self.src.find(">", end)
                self._close_to(i, raw_end + 1 if raw_end != -1 else end)
                return

    def _close_to(self, index: int, end: int) -> None:
        """Close stack[index:] (innermost first)."""
        while len(self.stack) > index:
            entry = self.stack[-1]
            if entry.tag in BLOCK_TAGS:
                self._flush()
            self.stack.pop()
            if entry.tag == "code" and self.code_depth:
                self.code_depth -= 1
            if entry.credit is not None:
                if entry.credit in self.credit_builders:
                    self.credit_builders.remove(entry.credit)
                self._attach_credit(entry)
            if entry.block is not None:
                entry.block.span = Span(entry.block.span.start, end)
            if entry.tag == "figure" and entry.images:
                self._finish_figure(entry)
            if entry.tag == "pre":
                self.result.blocks.append(Block(kind=CODE, span=Span(entry.start, end)))

    def close(self) -> None:
        try:
            super().close()
        finally:
            self._close_to(0, len(self.src))
            self._flush()
            if self.title_builder is not None:
                self._end_title()


def extract(source: str, start: int, end: int, *, fragment: bool) -> HtmlResult:
    """Read ``source[start:end]`` as HTML; positions are offsets into ``source``."""
    ex = _Extractor(source, start, end, fragment)
    try:
        ex.feed(ex.fed)
        ex.close()
    except Exception as exc:  # noqa: BLE001 - the stdlib tokenizer can assert on odd input
        ex.result.problems.append(
            ParseProblem(
                f"malformed HTML could not be read past offset {ex.here()}: {exc}",
                Span(ex.here(), ex.here()),
                fatal=False,
            )
        )
    result = ex.result
    if not fragment:
        _jsonld_metadata(ex.jsonld, result)
        result.blocks = _article_content(result.blocks)
    return result
