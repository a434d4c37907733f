"""Markdown with YAML (or TOML) front matter, through markdown-it-py (CommonMark + tables).

markdown-it gives block tokens with line maps but inline tokens without positions, so the
inline walk below finds each text token in the source, moving forward only; that gives every
prose character its exact source offset even after emphasis, links, entities and escapes are
stripped. Before parsing, front matter and static-site shortcodes are blanked out (replaced by
spaces, line breaks kept) so markdown-it never reads them as prose and line numbers survive.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Any, Iterator

from ..document import (
    BLOCKQUOTE,
    BYLINE,
    CAPTION,
    CODE,
    HEADING,
    HTML,
    LIST_ITEM,
    PARAGRAPH,
    SHORTCODE,
    TABLE_CELL,
    Block,
    Document,
    ImageBlock,
    MappedText,
    MappedTextBuilder,
    MetaField,
    ParseProblem,
    Span,
)
from ..text.bylines import is_byline
from ..text.credits import find_credit_marker
from ..text.patterns import lazy
from . import ParseOptions
from .directives import build_suppressions, comment_directive
from .frontmatter import split_front_matter
from .shortcodes import DEFAULT_IMAGE_SHORTCODES, Shortcode, find_shortcodes, image_fields

_MD = None


def _parser() -> Any:
    global _MD
    if _MD is None:
        from markdown_it import MarkdownIt

        # text_join off: entities and escapes stay separate tokens that keep their markup,
        # which the inline walk needs to find them in the source.
        # maxNesting: CommonMark's preset stops at 20 levels and silently drops what is deeper;
        # 100 keeps real articles whole and stays far from Python's recursion limit. Deeper
        # nesting is reported as a parse problem (see _nesting_problem).
        _MD = (MarkdownIt("commonmark", {"html": True, "maxNesting": MAX_NESTING})
               .enable(["table", "strikethrough"]).disable("text_join"))
    return _MD


OBJECT = "\ufffc"  # stands in for inline code in prose text
MAX_NESTING = 100
# A line opening with a long run of blockquote/list markers: one character class, one
# quantifier (linear), then the markers in that prefix are counted.
_DEEP_PREFIX = lazy(r"^[ \t>*+\-\d.)]{%d,}" % MAX_NESTING, re.M)
_MARKER = lazy(r">|[-*+]|\d{1,9}[.)]")


def parse(path: str, source: str, options: ParseOptions) -> Document:
    doc = Document(path=path, format="markdown", source=source, language=options.language)
    body_start = 0
    fm = split_front_matter(source)
    if fm is not None:
        doc.frontmatter_span = fm.span
        doc.metadata = fm.fields
        body_start = fm.body_start
        if fm.problem:
            fatal = fm.body_start >= len(source)  # unclosed: nothing can be read
            span = fm.problem_span if fm.problem_span is not None else Span(0, 3)
            doc.problems.append(ParseProblem(fm.problem, span, fatal=fatal))
            if fatal:
                return doc
    lang = doc.meta("lang", "language", "locale")
    if isinstance(lang, str) and lang.strip():
        doc.language = lang.strip()
        doc.language_declared = True

    shortcodes = find_shortcodes(source, body_start, exclude=_code_regions(source, body_start))
    masked = _defuse_brackets(_mask(source, body_start, [sc.span for sc in shortcodes]), body_start)
    walker = _Walker(doc, masked, options)
    walker.mask_spans = [sc.span for sc in shortcodes]
    walker.mask_starts = [sp.start for sp in walker.mask_spans]
    image_codes = {**DEFAULT_IMAGE_SHORTCODES, **options.image_shortcodes}
    walker.shortcode_blocks(shortcodes, image_codes)
    walker.walk(_parser().parse(masked))
    if len(source) > MAX_NESTING * 2:
        deep = next((m for m in _DEEP_PREFIX.finditer(masked, body_start)
                     if len(_MARKER.findall(m.group())) >= MAX_NESTING - 2), None)
        if deep is not None:
            doc.problems.append(ParseProblem(
                f"Markdown nested deeper than {MAX_NESTING} levels (blockquotes or lists); "
                "the deeper text is not checked", Span(deep.start(), deep.start()), fatal=False))
    walker.frontmatter_image()
    doc.blocks.sort(key=lambda b: (b.span.start, 0 if b.kind == BLOCKQUOTE else 1))
    doc.suppressions = build_suppressions(walker.directives, doc.lines)
    return doc


_NON_BREAK = lazy(r"[^\r\n]")
_LINK_TARGET_BEFORE = lazy(r"(?:\]\(\s*|^\s*\[[^\]\n]+\]:\s*)$")


_FENCE = lazy(r"^ {0,3}(`{3,}|~{3,})[^\n]*$", re.M)
_BACKTICKS = lazy(r"`+")
# What bracket defusing looks at: an escape, a bracket, a blank line (a paragraph ends).
_BRACKET_EVENT = lazy(r"\\.|[\[\]]|\n[ \t]*(?=\n)")


def _code_regions(source: str, start: int) -> list[Span]:
    """Fenced code blocks and inline code spans, found before parsing, so template tags shown
    as code (a how-to post about shortcodes) are not read as the page's own shortcodes."""
    if "`" not in source and "~~~" not in source:
        return []
    regions: list[Span] = []
    opened: re.Match[str] | None = None
    for m in _FENCE.finditer(source, start):
        if opened is None:
            opened = m
        elif m.group(1)[0] == opened.group(1)[0] and len(m.group(1)) >= len(opened.group(1)):
            regions.append(Span(opened.start(), m.end()))
            opened = None
    if opened is not None:
        regions.append(Span(opened.start(), len(source)))
    if "`" in source:
        fence_starts = [r.start for r in regions]
        fences = list(regions)
        for span_start, span_end in _code_spans(source, start):
            k = bisect_right(fence_starts, span_start) - 1
            if k < 0 or span_start >= fences[k].end:  # fences do not overlap: the last one before decides
                regions.append(Span(span_start, span_end))
    return regions


def _code_spans(source: str, start: int) -> Iterator[tuple[int, int]]:
    """Inline code spans on one line each: a run of backticks opens, and the next run of the
    same length on its line closes (CommonMark); a run with no such partner is text.

    Linear: each run's next partner is found once, from the right. A pattern that tried every
    run against the rest of its line took 44 s on a line of 80 KB of backtick runs."""
    runs = [(m.start(), m.end()) for m in _BACKTICKS.finditer(source, start)]
    if len(runs) < 2:
        return
    # The line of each run: runs are in text order, so count the line breaks in between.
    lines = []
    line, prev = 0, start
    for a, _ in runs:
        line += source.count("\n", prev, a)
        prev = a
        lines.append(line)
    partner = [-1] * len(runs)
    last: dict[tuple[int, int], int] = {}
    for i in range(len(runs) - 1, -1, -1):
        key = (lines[i], runs[i][1] - runs[i][0])
        partner[i] = last.get(key, -1)
        last[key] = i
    i = 0
    while i < len(runs):
        j = partner[i]
        if j == -1:
            i += 1
            continue
        yield runs[i][0], runs[j][1]
        i = j + 1


# More unmatched '[' than this in one paragraph is no article: see _defuse_brackets.
MAX_UNMATCHED_BRACKETS = 16
_DEFUSED_BRACKET = "\u2045"  # ⁅: text to the parser, and to every rule


def _defuse_brackets(masked: str, start: int) -> str:
    """Replace the unmatched '[' of a paragraph that holds more than
    MAX_UNMATCHED_BRACKETS of them (one character for one: offsets are kept).

    markdown-it looks for the end of a link's text from every '[', up to the nesting limit
    deep, so a page of unmatched '[' costs about MAX_NESTING steps per bracket (2 MB took
    92 s). An unmatched '[' opens no link; so many of them are no article, and what a rule
    reads there does not matter."""
    if masked.count("[", start) <= MAX_UNMATCHED_BRACKETS:
        return masked
    defuse: list[int] = []
    stack: list[int] = []

    def end_paragraph() -> None:
        if len(stack) > MAX_UNMATCHED_BRACKETS:
            defuse.extend(stack)
        stack.clear()

    for m in _BRACKET_EVENT.finditer(masked, start):
        c = masked[m.start()]
        if c == "[":
            stack.append(m.start())
        elif c == "]":
            if stack:
                stack.pop()
        elif c == "\n":
            end_paragraph()
    end_paragraph()
    if not defuse:
        return masked
    pieces, pos = [], 0
    for at in sorted(defuse):
        pieces += (masked[pos:at], _DEFUSED_BRACKET)
        pos = at + 1
    pieces.append(masked[pos:])
    return "".join(pieces)


def _mask(source: str, body_start: int, spans: list[Span]) -> str:
    """Blank out front matter and shortcodes, keeping every line break (and so every offset).

    A shortcode alone on its lines becomes spaces (a blank line, as it reads). One with text
    after it on its line becomes no-break spaces, so that text is not pushed into an indented
    code block. One that is a link destination becomes letters, so the link stays a link.
    """
    if body_start == 0 and not spans:
        return source
    pieces = [_NON_BREAK.sub(" ", source[:body_start])]
    pos = body_start
    for span in spans:
        if span.start < pos or span.end <= span.start:
            continue
        pieces.append(source[pos : span.start])
        line_start = source.rfind("\n", 0, span.start) + 1
        line_end = source.find("\n", span.end)
        line_end = len(source) if line_end == -1 else line_end
        if _LINK_TARGET_BEFORE.search(source[line_start : span.start]):
            fill = "x"
        elif source[span.end : line_end].strip():
            fill = "\u00a0"
        else:
            fill = " "
        pieces.append(_NON_BREAK.sub(fill, source[span.start : span.end]))
        pos = span.end
    pieces.append(source[pos:])
    return "".join(pieces)


def _match_bracket(s: str, i: int, limit: int) -> int:
    """Index after the ']' matching the '[' at ``i`` (-1 when unmatched)."""
    unpaired: set[str] = set()
    depth = 0
    j = i
    while j < limit:
        c = s[j]
        if c == "\\":
            j += 2
            continue
        if c == "[":
            depth += 1
        elif c == "]":
            depth -= 1
            if depth == 0:
                return j + 1
        elif c == "`":
            # code spans inside link text may hold brackets
            k = j
            while k < limit and s[k] == "`":
                k += 1
            run = s[j:k]
            # A run with no partner has none further on either: look it up once only, or
            # link text full of unpaired runs would be read once per run.
            close = -1 if run in unpaired else s.find(run, k, limit)
            if close != -1:
                j = close + (k - j)
                continue
            unpaired.add(run)
            j = k
            continue
        j += 1
    return -1


def _match_paren(s: str, i: int, limit: int) -> int:
    """Index after the ')' matching the '(' at ``i`` (destination and title aware)."""
    depth = 0
    j = i
    quote = None
    while j < limit:
        c = s[j]
        if c == "\\":
            j += 2
            continue
        if quote:
            if c == quote:
                quote = None
        elif c in "\"'" and depth == 1 and j > i + 1 and s[j - 1] in " \t\n":
            quote = c
        elif c == "<" and depth == 1 and j == i + 1:
            close = s.find(">", j, limit)
            if close != -1:
                j = close + 1
                continue
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return j + 1
        j += 1
    return -1


def _link_end(s: str, start: int, limit: int) -> int:
    """End of a link or image starting at ``start`` ('[' or '![')."""
    b = start + 1 if s.startswith("![", start) else start
    j = _match_bracket(s, b, limit)
    if j == -1:
        return start + 1
    if j < limit and s[j] == "(":
        k = _match_paren(s, j, limit)
        return k if k != -1 else j
    if j < limit and s[j] == "[":
        k = _match_bracket(s, j, limit)
        return k if k != -1 else j
    return j


class _Inline:
    """The result of walking one inline token: prose text and the images found in it."""

    __slots__ = ("text", "images", "plain_chars", "emph_chars", "start", "end")

    def __init__(self) -> None:
        self.text: MappedText | None = None
        self.images: list[ImageBlock] = []
        self.plain_chars = 0  # non-space prose characters outside emphasis
        self.emph_chars = 0
        self.start = -1
        self.end = -1


class _Walker:
    def __init__(self, doc: Document, masked: str, options: ParseOptions) -> None:
        self.doc = doc
        self.src = masked  # same offsets as doc.source
        self.options = options
        self.lines = doc.lines
        self.directives: list[tuple[str, frozenset[str], Span]] = []
        self.containers: list[str] = []
        self.quotes: list[Block] = []
        self.last_image_block: ImageBlock | None = None
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
                block = Block(kind=BLOCKQUOTE, span=Span(start, end), container=tuple(self.containers),
                              parent=self.quotes[-1] if self.quotes else None)
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
                doc.blocks.append(Block(kind=CODE, span=Span(start, end), container=tuple(self.containers),
                                        attrs={"info": tok.info.strip()}))
            elif t == "html_block":
                if html_run and tok.map and html_run[-1].map and not self._blank_between(html_run[-1].map[1], tok.map[0]):
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
        from .html import extract

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
        # A caption: emphasised text directly under an image (same paragraph after a line
        # break, or the next paragraph), or a short credit line there.
        target = None
        if res.images and kind == PARAGRAPH:
            target = res.images[-1]
        elif (
            kind == PARAGRAPH
            and self.last_image_block is not None
            and first_line - self.last_image_end_line <= 2
        ):
            target = self.last_image_block
        elif kind == PARAGRAPH and self.shortcode_images:
            target = self._shortcode_image_above(first_line, text.span.start)
        if target is not None and target.caption is None and (
            (res.emph_chars and not res.plain_chars and not _wholly_bold(self.src[start:end]))
            or (find_credit_marker(text.text) is not None and len(text.text.split()) <= 40)
        ):
            target.caption = text
            if target.credit is None:
                marker = find_credit_marker(text.text)
                if marker is not None:
                    from ..document import slice_mapped

                    target.credit = slice_mapped(text, marker, len(text.text))
            doc.blocks.append(Block(kind=CAPTION, span=text.span, text=text, container=container,
                                    parent=target))
            self.last_image_block = None
            return
        if kind == PARAGRAPH and is_byline(text.text) and len(text.text.split()) <= 8:
            kind = BYLINE
        attrs = {"emphasis": True} if res.emph_chars and not res.plain_chars else {}
        classes, self._ial_classes = self._ial_classes, ()
        doc.blocks.append(Block(kind=kind, span=text.span, text=text, level=level,
                                container=container, parent=parent, attrs=attrs, classes=classes))
        self.last_image_block = res.images[-1] if res.images else None
        if res.images:
            self.last_image_end_line = tok.map[1] - 1 if tok.map else 0

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
        from ..document import slice_mapped

        return slice_mapped(text, 0, len(text.text[: m.start()].rstrip()))

    def _shortcode_image_above(self, first_line: int, start: int) -> ImageBlock | None:
        """A shortcode image right before this paragraph's text: on the same line, the line
        above, or two above across a blank line."""
        for gap in (0, 1, 2):
            image = self.shortcode_images.get(first_line - gap)
            if image is None:
                continue
            if self.src[image.span.end : start].strip(" \t\r\n*_"):
                return None  # something else sits between the image and this paragraph
            line_start = self.lines.line_start(self.lines.line_of(image.span.start))
            if self.src[line_start : image.span.start].strip():
                return None  # the shortcode ends a line of text: not a standalone image
            return image if image.caption is None else None
        return None

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
                            from ..document import slice_mapped

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
                    from .html import extract

                    for blk in extract(self.src, pos, stop, fragment=True).blocks:
                        if isinstance(blk, ImageBlock):
                            out.images.append(blk)
                elif re.match(r"<br\b", content, re.I):
                    if len(b) and not b.ends_with_space():
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

    # -- shortcodes and front matter ---------------------------------------------------
    def shortcode_blocks(self, shortcodes: list[Shortcode], image_codes: dict[str, dict[str, str]]) -> None:
        doc = self.doc
        for sc in shortcodes:
            fields = image_fields(sc, image_codes)
            if fields is None:
                doc.blocks.append(Block(kind=SHORTCODE, span=sc.span, attrs={
                    "name": sc.name, "closing": sc.closing,
                    "args": {k: v for k, (v, _) in sc.args.items()}}))
                continue
            image = ImageBlock(span=sc.span, origin="shortcode", attrs={"shortcode": sc.name})
            variables = [f for f, (_, _, variable) in fields.items() if variable]
            if variables:  # {% include figure.html image=page.image %}: not known here
                image.attrs["template_fields"] = tuple(variables)
            for field_name, (text, vspan, _) in fields.items():
                if field_name == "src":
                    image.src = text
                elif field_name == "alt":
                    image.alt, image.alt_span = text, vspan
                elif field_name == "title":
                    image.title = text
                elif field_name in ("caption", "credit"):
                    if not text.strip():
                        continue  # caption="" gives no caption
                    mapped = MappedText(text, [(0, vspan.start, vspan.end)])
                    setattr(image, field_name, mapped)
                else:
                    image.attrs[field_name] = text
            if image.caption is not None:
                doc.blocks.append(Block(kind=CAPTION, span=image.caption.span, text=image.caption, parent=image))
            doc.blocks.append(image)
            self.shortcode_images[self.lines.line_of(sc.span.end)] = image

    def frontmatter_image(self) -> None:
        """The featured image named in front matter (``image``, ``image_alt`` ...)."""
        doc = self.doc
        md = doc.metadata
        f = md.get("image") or md.get("featured_image") or md.get("cover") or md.get("hero")
        if f is None or f.value in (None, "", [], {}):
            return
        src = f.value
        image = ImageBlock(span=f.key_span, origin="frontmatter", attrs={"field": f.key})
        if isinstance(src, dict):
            image.src = str(src.get("src") or src.get("url") or src.get("path") or "")
            for key in ("alt",):
                if src.get(key) is not None:
                    image.alt = str(src[key])
            for key in ("caption", "credit"):
                if src.get(key):
                    value = str(src[key])
                    setattr(image, key, MappedText(value, [(0, f.value_span.start, f.value_span.end)]))
        else:
            image.src = str(src)
        for key, attr in (("image_alt", "alt"), ("image_caption", "caption"), ("image_figcaption", "caption"),
                          ("caption", "caption"), ("image_credit", "credit"), ("credit", "credit")):
            mf: MetaField | None = md.get(key)
            if mf is None or mf.value in (None, ""):
                continue
            value = str(mf.value)
            if attr == "alt":
                if image.alt is None:
                    image.alt, image.alt_span = value, mf.value_span
            elif getattr(image, attr) is None:
                vs = mf.value_span
                seg = (0, vs.start, vs.end)
                if doc.source[vs.start : vs.end] == value:
                    seg = (0, vs.start, vs.start + len(value))
                elif doc.source[vs.start + 1 : vs.end - 1] == value:
                    seg = (0, vs.start + 1, vs.start + 1 + len(value))
                setattr(image, attr, MappedText(value, [seg]))
        doc.blocks.append(image)


def _wholly_bold(raw: str) -> bool:
    """``**Why the redesign?**``: a bold line is a pseudo-heading, not a caption."""
    raw = raw.strip()
    return raw.startswith(("**", "__")) and raw.endswith(("**", "__")) and not raw.startswith(("***", "___"))


# A kramdown block attribute list ending a paragraph: "{: .pull-quote}", "{:.note #id}".
_IAL = lazy(r"(?:^|\s)\{:\s*([^{}\n]{0,200}?)\s*\}\s*$")
_BREAK = lazy(r"[ \t]*\\?(?:\r\n|\n|\r)[ \t>]*")


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

