"""The inline walk: markdown-it's inline tokens carry no positions, so each text token is found
in the source, moving forward only, and built into a MappedText with exact offsets; images and
comment directives met on the way are collected."""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Any

from ...document import ImageBlock, MappedText, MappedTextBuilder, Span
from ...text.credits import find_credit_marker
from ...text.patterns import lazy
from ..directives import comment_directive
from .links import _link_end, _match_bracket

OBJECT = "\ufffc"  # stands in for inline code in prose text
_BREAK = lazy(r"[ \t]*\\?(?:\r\n|\n|\r)[ \t>]*")


class _Inline:
    """The result of walking one inline token: prose text and the images found in it."""

    __slots__ = ("emph_chars", "end", "images", "plain_chars", "start", "text")

    def __init__(self) -> None:
        self.text: MappedText | None = None
        self.images: list[ImageBlock] = []
        self.plain_chars = 0  # non-space prose characters outside emphasis
        self.emph_chars = 0
        self.start = -1
        self.end = -1


class _InlineWalk:
    """The inline half of the walker (mixed into ``blocks._Walker``, which sets these)."""

    src: str
    directives: list[tuple[str, frozenset[str], Span]]
    mask_spans: list[Span]
    mask_starts: list[int]

    # -- inline level ------------------------------------------------------------------
    def inline(self, children: list[Any], start: int, end: int) -> _Inline:
        s = self.src
        out = _Inline()
        b = MappedTextBuilder()
        cur = start
        emph = 0
        link_ends: list[int] = []
        for child in children:
            t = child.type
            if t == "text":
                content = child.content
                if not content:
                    continue
                pos = s.find(content, cur, end)
                if pos == -1:
                    b.add(content, cur, cur)  # not found verbatim: keep the text, degrade position
                    continue
                self.add_text(b, content, pos)
                cur = pos + len(content)
                nonspace = len(content) - content.count(" ")
                if emph:
                    out.emph_chars += nonspace
                else:
                    out.plain_chars += nonspace
            elif t == "text_special":
                markup = child.markup or child.content
                pos = s.find(markup, cur, end)
                if pos == -1:
                    pos = cur
                b.add(child.content, pos, pos + len(markup))
                cur = pos + len(markup)
                if emph:
                    out.emph_chars += 1
                else:
                    out.plain_chars += 1
            elif t in ("softbreak", "hardbreak"):
                m = _BREAK.search(s, cur, end)
                if m:
                    if len(b) and not b.ends_with_space():
                        b.add(" ", m.start(), m.end())
                    cur = m.end()
            elif t == "code_inline":
                pos = s.find(child.markup, cur, end)
                if pos == -1:
                    continue
                close = s.find(child.markup, pos + len(child.markup), end)
                stop = close + len(child.markup) if close != -1 else pos + len(child.markup)
                b.add(OBJECT, pos, stop)
                cur = stop
                out.plain_chars += 1
            elif t in ("em_open", "strong_open"):
                emph += 1
            elif t in ("em_close", "strong_close"):
                emph = max(0, emph - 1)
            elif t == "link_open":
                if child.markup == "autolink":
                    pos = s.find("<", cur, end)
                    stop = s.find(">", pos, end) + 1 if pos != -1 else 0
                    link_ends.append(stop if stop > 0 else cur)
                    cur = pos + 1 if pos != -1 else cur
                else:
                    pos = s.find("[", cur, end)
                    if pos == -1:
                        link_ends.append(cur)
                        continue
                    link_ends.append(_link_end(s, pos, end))
                    cur = pos + 1
            elif t == "link_close":
                if link_ends:
                    cur = max(cur, link_ends.pop())
            elif t == "image":
                pos = s.find("![", cur, end)
                if pos == -1:
                    continue
                stop = _link_end(s, pos, end)
                alt_end = _match_bracket(s, pos + 1, end)
                alt_text = _alt_text(child.children or [])
                alt_span = Span(pos + 2, alt_end - 1 if alt_end != -1 else pos + 2)
                title = child.attrs.get("title") if child.attrs else None
                image = ImageBlock(
                    span=Span(pos, stop),
                    src=str(child.attrs.get("src", "")) if child.attrs else "",
                    alt=alt_text,
                    alt_span=alt_span,
                    title=str(title) if title else None,
                    origin="markdown",
                )
                if title:
                    # The title sits inside the destination parentheses, after the URL.
                    tpos = s.find(str(title), alt_span.end, stop)
                    if tpos != -1:
                        image.caption = MappedText(str(title), [(0, tpos, tpos + len(str(title)))])
                        marker = find_credit_marker(str(title))
                        if marker is not None:
                            from ...document import slice_mapped

                            image.credit = slice_mapped(image.caption, marker, len(str(title)))
                out.images.append(image)
                cur = stop
            elif t == "html_inline":
                content = child.content
                pos = s.find(content, cur, end)
                if pos == -1:
                    continue
                stop = pos + len(content)
                if content.startswith("<!--"):
                    body = content[4:-3] if content.endswith("-->") else content[4:]
                    directive = comment_directive(body, Span(pos, stop))
                    if directive is not None:
                        self.directives.append(directive)
                elif re.match(r"<img\b", content, re.I):
                    from ..html import extract

                    for blk in extract(self.src, pos, stop, fragment=True).blocks:
                        if isinstance(blk, ImageBlock):
                            out.images.append(blk)
                elif re.match(r"<br\b", content, re.I) and len(b) and not b.ends_with_space():
                    b.add(" ", pos, stop)
                cur = stop
        out.text = b.build() if len(b) else None
        return out

    def add_text(self, b: MappedTextBuilder, content: str, pos: int) -> None:
        """Add a text run; masked shortcodes inside it read as one space, not as blanks."""
        end = pos + len(content)
        starts = self.mask_starts
        k = bisect_right(starts, pos) - 1
        if k < 0 or self.mask_spans[k].end <= pos:
            k += 1
        if k >= len(starts) or starts[k] >= end:
            b.add(content, pos)
            return
        cursor = pos
        while k < len(starts) and starts[k] < end:
            span = self.mask_spans[k]
            if span.start > cursor:
                b.add(self.src[cursor : span.start], cursor)
            lo, hi = max(span.start, cursor), min(span.end, end)
            if len(b) and not b.ends_with_space():
                b.add(" ", lo, hi)
            cursor = hi
            k += 1
        if cursor < end:
            text = self.src[cursor:end]
            if b.ends_with_space():
                stripped = text.lstrip(" ")
                cursor += len(text) - len(stripped)
                text = stripped
            b.add(text, cursor)


def _alt_text(tokens: list[Any]) -> str:
    """The plain text of an image's alt tokens (a line break inside the alt reads as a space)."""
    out = []
    for t in tokens:
        if t.type in ("text", "text_special", "code_inline"):
            out.append(t.content)
        elif t.type in ("softbreak", "hardbreak"):
            out.append(" ")
        elif t.children:
            out.append(_alt_text(t.children))
    return "".join(out)
