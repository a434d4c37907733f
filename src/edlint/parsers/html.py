"""HTML (CMS exports, saved web pages) and HTML fragments inside Markdown.

Built on the standard library's tokenizer (``html.parser`` with ``convert_charrefs=False``):
it gives the exact line and column of every tag, text run and entity, on minified pages
too. lxml was measured and rejected: line numbers only, ``sourceline`` stops at 65535 and
content nested deeper than ~256 levels silently vanishes. Nesting is tracked on an explicit
stack (no recursion), so a 10,000-level page is read like any other.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import unescape
from html.parser import HTMLParser
from typing import Any

from ..document import (
    BIO,
    BLOCKQUOTE,
    BYLINE,
    CAPTION,
    CODE,
    COMMENT,
    HEADING,
    LIST_ITEM,
    PARAGRAPH,
    TABLE_CELL,
    Block,
    Document,
    ImageBlock,
    MappedTextBuilder,
    MetaField,
    ParseProblem,
    Span,
)
from ..text.bylines import is_byline
from . import ParseOptions
from .directives import build_suppressions, comment_directive

# Elements whose text is never prose.
SKIP = frozenset(
    {
        "script",
        "style",
        "noscript",
        "template",
        "svg",
        "math",
        "iframe",
        "object",
        "button",
        "select",
        "option",
        "textarea",
        "nav",
        "canvas",
        "audio",
        "video",
        "map",
        "form",
        "label",
    }
)
# Elements that end the current text block when they open or close.
BLOCK_TAGS = frozenset(
    {
        "p",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "dt",
        "dd",
        "blockquote",
        "figcaption",
        "figure",
        "td",
        "th",
        "tr",
        "table",
        "thead",
        "tbody",
        "tfoot",
        "caption",
        "pre",
        "div",
        "section",
        "article",
        "aside",
        "footer",
        "header",
        "main",
        "ul",
        "ol",
        "dl",
        "address",
        "details",
        "summary",
        "body",
        "html",
        "hr",
        "picture",
        "center",
        "fieldset",
        "legend",
    }
)
KIND_OF = {
    "p": PARAGRAPH,
    "h1": HEADING,
    "h2": HEADING,
    "h3": HEADING,
    "h4": HEADING,
    "h5": HEADING,
    "h6": HEADING,
    "li": LIST_ITEM,
    "figcaption": CAPTION,
    "caption": CAPTION,
    "td": TABLE_CELL,
    "th": TABLE_CELL,
    "pre": CODE,
}
VOID = frozenset(
    {
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
        "keygen",
    }
)
# Containers recorded on blocks (rules ask "is this in an aside / footer / figure?").
CONTAINERS = frozenset({"article", "main", "aside", "footer", "header", "figure", "blockquote", "table", "nav"})
# Implied end tags: opening the key closes an open element of these kinds first.
IMPLIED_CLOSE = {
    "p": {"p"},
    "li": {"li", "p"},
    "dt": {"dt", "dd", "p"},
    "dd": {"dt", "dd", "p"},
    "tr": {"tr", "td", "th"},
    "td": {"td", "th"},
    "th": {"td", "th"},
}
BLOCK_CLOSES_P = frozenset(
    {
        "div",
        "ul",
        "ol",
        "table",
        "blockquote",
        "figure",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "pre",
        "section",
        "article",
        "aside",
        "footer",
        "header",
        "dl",
        "hr",
        "address",
    }
)
BIO_CLASS = re.compile(
    r"(?:^|[-_ ])(?:author[-_]?bio|bio|about[-_]the[-_]author|author[-_]?info|contributor[-_]?bio|author[-_]?description)(?:$|[-_ ])",
    re.I,
)
BYLINE_CLASS = re.compile(r"byline|author[-_]?name|\bauthor\b", re.I)
CREDIT_CLASS = re.compile(r"credit|copyright|photographer|attribution|image[-_]?source|caption[-_]?source", re.I)
CHROME_CLASS = re.compile(
    r"(?:^|[-_ ])(?:nav|navbar|menu|breadcrumbs?|share|social|newsletter|subscribe|cookie|related|promo|sidebar|comments?|skip[-_]link)(?:$|[-_ ])",
    re.I,
)
JSONLD_TYPES = frozenset(
    {
        "NewsArticle",
        "Article",
        "BlogPosting",
        "ReportageNewsArticle",
        "AnalysisNewsArticle",
        "OpinionNewsArticle",
        "Report",
        "TechArticle",
        "LiveBlogPosting",
        "WebPage",
    }
)
MAX_STACK_SCAN = 64  # how far down the stack an end tag looks for its start tag
# Inline styles that keep an element off the page: its text is not the article.
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)


@dataclass
class _Open:
    """An HTML element still open while the page is read."""

    tag: str
    start: int
    attrs: dict[str, str | None]
    classes: tuple[str, ...]
    block: Block | None = None  # the BLOCKQUOTE container block
    images: list[ImageBlock] | None = None  # a figure's images
    caption_blocks: list[Block] | None = None
    credit: MappedTextBuilder | None = None


@dataclass
class HtmlResult:
    """What the HTML reader found: blocks, metadata, directives, language, problems."""

    blocks: list[Block] = field(default_factory=list)
    metadata: dict[str, MetaField] = field(default_factory=dict)
    directives: list[tuple[str, frozenset[str], Span]] = field(default_factory=list)
    language: str | None = None
    problems: list[ParseProblem] = field(default_factory=list)
    head_span: Span | None = None


class _Extractor(HTMLParser):
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

    # -- text --------------------------------------------------------------------------
    def _add_text(self, text: str, start: int, end: int | None = None) -> None:
        targets = [self.builder, *self.credit_builders]
        if self.title_builder is not None:
            targets = [self.title_builder]
        for b in targets:
            if end is not None:
                b.add(text, start, end)
            else:
                _add_collapsed(b, text, start)

    def handle_data(self, data: str) -> None:
        if self.script_type is not None:
            return
        if self.skip_depth or self.code_depth:
            return
        if self.in_head and self.title_builder is None:
            return
        self._add_text(data, self.here())

    def handle_entityref(self, name: str) -> None:
        if self.skip_depth or self.code_depth or (self.in_head and self.title_builder is None):
            return
        start = self.here()
        length = 1 + len(name)
        if self.src.startswith(";", start + length):
            length += 1
        raw = self.src[start : start + length]
        self._add_text(_space_if_blank(unescape(raw if raw.endswith(";") else raw + ";")), start, start + length)

    def handle_charref(self, name: str) -> None:
        if self.skip_depth or self.code_depth or (self.in_head and self.title_builder is None):
            return
        start = self.here()
        length = 2 + len(name)
        if self.src.startswith(";", start + length):
            length += 1
        raw = self.src[start : start + length]
        text = unescape(raw if raw.endswith(";") else raw + ";")
        if text == raw or text == raw + ";":
            text = "\ufffd"
        self._add_text(_space_if_blank(text), start, start + length)

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

    # -- blocks ------------------------------------------------------------------------
    def _containers(self) -> tuple[str, ...]:
        names = []
        for o in self.stack:
            if o.tag in CONTAINERS:
                names.append(o.tag)
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

    def _image(self, amap: dict[str, str | None], classes: tuple[str, ...], start: int, end: int) -> None:
        if self.skip_depth:
            return
        src = amap.get("src")
        lazy = amap.get("data-src") or amap.get("data-lazy-src") or amap.get("data-original")
        if lazy and lazy.strip():
            src = lazy  # lazy loading: the real image is in data-src, src holds a placeholder
        if not src and amap.get("srcset"):
            src = (amap.get("srcset") or "").split(",")[0].strip().split(" ")[0]
        alt = amap.get("alt")
        if "alt" in amap and alt is None:
            alt = ""
        alt_span = None
        if alt is not None:
            m = re.search(r"\balt\s*=\s*([\"']?)", self.src[start:end], re.I)
            if m:
                a0 = start + m.end()
                alt_span = Span(a0, a0 + len(alt))
        width, height = amap.get("width"), amap.get("height")
        tiny = any(_px(v) is not None and _px(v) <= 2 for v in (width, height))
        decorative = (
            alt == ""
            or (amap.get("role") or "").lower() in ("presentation", "none")
            or (amap.get("aria-hidden") or "").lower() == "true"
            or tiny
        )
        image = ImageBlock(
            span=Span(start, end),
            src=src,
            alt=unescape(alt) if alt else alt,
            alt_span=alt_span,
            title=amap.get("title"),
            origin="html",
            decorative=decorative,
            width=width,
            height=height,
            classes=classes,
            container=self._containers(),
            attrs={k: v for k, v in amap.items() if k in ("role", "aria-hidden", "class", "loading")},
            parent=self._quote_parent(),
        )
        # Where the image sits: the link around it (a teaser links to another page) and
        # the classes of its nearest ancestors ("related-stories", "item__thumb" ...).
        context: list[str] = []
        inside = True  # classes of the 5 nearest ancestors, up to the enclosing <article>/<main>
        for depth, o in enumerate(reversed(self.stack[-12:])):
            if o.tag == "a" and "link" not in image.attrs:
                image.attrs["link"] = o.attrs.get("href") or ""
            if inside and depth < 5:
                context.extend(o.classes)
            if o.tag in ("article", "main", "body"):
                inside = False
            style = o.attrs.get("style")
            if style and _DISPLAY_NONE.search(style):
                image.attrs["hidden_ancestor"] = True
        if context:
            image.attrs["context_classes"] = " ".join(context)
        self.result.blocks.append(image)
        for o in reversed(self.stack):
            if o.tag == "figure" and o.images is not None:
                o.images.append(image)
                break

    def _finish_figure(self, entry: _Open) -> None:
        caption = None
        if entry.caption_blocks:
            caption = entry.caption_blocks[0].text
        for image in entry.images or ():
            if caption is not None and image.caption is None:
                image.caption = caption
            credit = entry.attrs.get("_credit")
            if credit is not None and image.credit is None:
                image.credit = credit  # type: ignore[assignment]
        for cb in entry.caption_blocks or ():
            if entry.images:
                cb.parent = entry.images[0]

    def _attach_credit(self, entry: _Open) -> None:
        assert entry.credit is not None
        if not len(entry.credit):
            return
        text = entry.credit.build()
        for o in reversed(self.stack):
            if o.tag == "figure":
                o.attrs.setdefault("_credit", text)  # type: ignore[arg-type]
                if o.images:
                    for image in o.images:
                        if image.credit is None:
                            image.credit = text
                return

    # -- metadata ----------------------------------------------------------------------
    def _head_tag(self, tag: str, amap: dict[str, str | None], start: int, end: int) -> None:
        if self.fragment:
            return
        md = self.result.metadata
        if tag == "html":
            lang = amap.get("lang") or amap.get("xml:lang")
            if lang:
                self.result.language = lang
        elif tag == "title" and "title" not in md:
            self.title_builder = MappedTextBuilder()
            self._title_start = start
        elif tag == "meta":
            key = amap.get("property") or amap.get("name") or amap.get("itemprop")
            content = amap.get("content")
            if key and content is not None:
                key = key.strip().lower()
                if key not in md:
                    m = re.search(r"\bcontent\s*=\s*[\"']?", self.src[start:end], re.I)
                    vstart = start + (m.end() if m else 0)
                    source = "og" if key.startswith(("og:", "article:")) else "meta"
                    md[key] = MetaField(
                        key, unescape(content).strip(), Span(start, end), Span(vstart, vstart + len(content)), source
                    )

    def _end_title(self) -> None:
        builder, self.title_builder = self.title_builder, None
        text = builder.build() if builder is not None else None
        if text is not None and "title" not in self.result.metadata:
            start = getattr(self, "_title_start", 0)
            self.result.metadata["title"] = MetaField("title", text.text, Span(start, start + 7), text.span, "title")


_LAZY_IMAGE = re.compile(r"\.(?:jpe?g|png|gif|webp|avif)(?:[?#]|$)", re.I)
_LAZY_CLASS = re.compile(r"lazy|delayed|image|img|photo", re.I)
_DISPLAY_NONE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)


def _px(value: str | None) -> int | None:
    if not value:
        return None
    m = re.match(r"\s*(\d+)", value)
    return int(m.group(1)) if m else None


def _space_if_blank(text: str) -> str:
    # &nbsp; and friends read as spaces for rules, but keep the character (bios compare it).
    return text


_WS_CHARS = " \t\n\r\f"
# Whitespace that needs collapsing: a run of two or more, or a lone tab/newline. A lone
# space is kept verbatim, which keeps the offset map small (one segment per text run).
_WS_FIX = re.compile(r"[ \t\n\r\f]{2,}|[\t\n\r\f]")


def _add_collapsed(builder: MappedTextBuilder, data: str, start: int) -> None:
    """Add HTML text with runs of whitespace collapsed to one space (mapped to the run)."""
    pos = 0
    if data[:1] in _WS_CHARS and data and (not len(builder) or builder.ends_with_space()):
        pos = len(data) - len(data.lstrip(_WS_CHARS))
    for m in _WS_FIX.finditer(data, pos):
        if m.start() > pos:
            builder.add(data[pos : m.start()], start + pos)
        if len(builder) and not builder.ends_with_space():
            builder.add(" ", start + m.start(), start + m.end())
        pos = m.end()
    if pos < len(data):
        builder.add(data[pos:], start + pos)


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


# The most specific article type wins: Yoast pages put a WebPage first and the Article later.
_JSONLD_RANK = {
    "NewsArticle": 0,
    "ReportageNewsArticle": 0,
    "AnalysisNewsArticle": 0,
    "OpinionNewsArticle": 0,
    "LiveBlogPosting": 1,
    "BlogPosting": 1,
    "Article": 2,
    "TechArticle": 2,
    "Report": 3,
    "WebPage": 9,
}


def _jsonld_metadata(scripts: list[tuple[str, int, int]], result: HtmlResult) -> None:
    import json

    best: tuple[int, dict, Span] | None = None
    by_id: dict[str, dict] = {}
    for text, start, end in scripts:
        try:
            data = json.loads(text)
        except ValueError:
            continue
        for obj in _jsonld_objects(data):
            if isinstance(obj.get("@id"), str):
                by_id.setdefault(obj["@id"], obj)
            types = obj.get("@type")
            types = types if isinstance(types, list) else [types]
            ranks = [_JSONLD_RANK[t] for t in types if isinstance(t, str) and t in _JSONLD_RANK]
            if ranks and (best is None or min(ranks) < best[0]):
                best = (min(ranks), obj, Span(start, end))
    if best is None:
        return
    _, obj, span = best
    author = obj.get("author")
    # Resolve {"@id": ...} references (Yoast's Person nodes live elsewhere in the @graph).
    if isinstance(author, dict) and set(author) == {"@id"} and author["@id"] in by_id:
        obj = {**obj, "author": by_id[author["@id"]]}
    elif isinstance(author, list):
        obj = {
            **obj,
            "author": [by_id.get(a.get("@id"), a) if isinstance(a, dict) and set(a) == {"@id"} else a for a in author],
        }
    result.metadata.setdefault("jsonld", MetaField("jsonld", obj, span, span, "jsonld"))


def _jsonld_objects(data: Any, depth: int = 0) -> list[dict]:
    if depth > 4:
        return []
    if isinstance(data, list):
        return [o for item in data for o in _jsonld_objects(item, depth + 1)]
    if isinstance(data, dict):
        out = [data]
        graph = data.get("@graph")
        if graph is not None:
            out.extend(_jsonld_objects(graph, depth + 1))
        return out
    return []


def _canonical(md: dict[str, MetaField]) -> None:
    """Common names over the page's many metadata sources (front-matter style keys)."""
    jsonld = md.get("jsonld").value if "jsonld" in md else {}

    def alias(name: str, *keys: str, json_key: str | None = None) -> None:
        if name in md:
            return
        for key in keys:
            if key in md:
                f = md[key]
                md[name] = MetaField(name, f.value, f.key_span, f.value_span, f.source)
                return
        if json_key and isinstance(jsonld, dict) and jsonld.get(json_key):
            f = md["jsonld"]
            value = jsonld[json_key]
            if json_key == "author":
                value = _jsonld_names(value)
            md[name] = MetaField(name, value, f.key_span, f.value_span, "jsonld")

    alias("title", "og:title", "twitter:title", json_key="headline")
    alias("description", "og:description", "twitter:description", json_key="description")
    alias("author", "article:author", "byl", "parsely-author", "sailthru.author", json_key="author")
    alias(
        "date",
        "article:published_time",
        "date",
        "pubdate",
        "publishdate",
        "parsely-pub-date",
        "dc.date",
        "dc.date.issued",
        "datepublished",
        "time:published",
        json_key="datePublished",
    )
    alias("image", "og:image", "twitter:image", json_key="image")


def _jsonld_names(value: Any) -> Any:
    if isinstance(value, dict):
        return value.get("name", value)
    if isinstance(value, list):
        names = [_jsonld_names(v) for v in value]
        return names[0] if len(names) == 1 else names
    return value


def parse(path: str, source: str, options: ParseOptions) -> Document:
    result = extract(source, 0, len(source), fragment=False)
    # Source order: an image inside a paragraph comes after the paragraph's start (blocks
    # are appended when they close); containers before their contents.
    result.blocks.sort(key=lambda b: (b.span.start, 0 if b.kind == BLOCKQUOTE else 1))
    _canonical(result.metadata)
    doc = Document(
        path=path,
        format="html",
        source=source,
        blocks=result.blocks,
        metadata=result.metadata,
        language=result.language or options.language,
        head_tag_span=result.head_span,
        language_declared=bool(result.language),
    )
    doc.problems.extend(result.problems)
    doc.suppressions = build_suppressions(result.directives, doc.lines)
    return doc
