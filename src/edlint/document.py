"""The Document: what every parser produces and every rule reads.

Positions are 0-based code-point offsets into ``Document.source`` (the decoded file, BOM
removed). They become 1-based line/column only when a finding is located for output
(``LineIndex.position``), in one place.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, NamedTuple


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open range ``[start, end)`` of offsets into the document source."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if self.end < self.start:
            object.__setattr__(self, "end", self.start)

    def __len__(self) -> int:
        return self.end - self.start

    def shift(self, delta: int) -> Span:
        return Span(self.start + delta, self.end + delta)


class LineIndex:
    """Line starts of a text, for offset -> (line, column) conversion.

    CRLF, LF and a lone CR each end a line, as CommonMark (and markdown-it's normaliser)
    count them, so line numbers agree with the Markdown parser's line maps.
    """

    __slots__ = ("length", "starts")

    def __init__(self, text: str) -> None:
        starts = [0]
        append = starts.append
        find = text.find
        # Fast path: LF only (the overwhelmingly common case).
        if "\r" not in text:
            i = find("\n")
            while i != -1:
                append(i + 1)
                i = find("\n", i + 1)
        else:
            i, n = 0, len(text)
            while i < n:
                c = text[i]
                if c == "\n":
                    append(i + 1)
                elif c == "\r":
                    if i + 1 < n and text[i + 1] == "\n":
                        i += 1
                    append(i + 1)
                i += 1
        self.starts = starts
        self.length = len(text)

    @property
    def line_count(self) -> int:
        return len(self.starts)

    def line_of(self, offset: int) -> int:
        """0-based line containing ``offset``."""
        return bisect_right(self.starts, max(0, min(offset, self.length))) - 1

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of ``offset``; columns count code points."""
        offset = max(0, min(offset, self.length))
        line = bisect_right(self.starts, offset) - 1
        return line + 1, offset - self.starts[line] + 1

    def line_start(self, line0: int) -> int:
        line0 = max(0, min(line0, len(self.starts) - 1))
        return self.starts[line0]

    def line_end(self, line0: int, text: str) -> int:
        """Offset of the end of line ``line0`` (before its line break)."""
        if line0 + 1 < len(self.starts):
            end = self.starts[line0 + 1] - 1
            if end > 0 and text[end] == "\n" and text[end - 1] == "\r":
                end -= 1
            return end
        return self.length


class MappedText:
    """Plain text that a rule reads, with a map from text offsets back to the source.

    The map is a list of segments ``(text_start, src_start, src_end)``. A segment whose text
    length equals its source length is verbatim (offsets map one to one); any other segment
    was replaced (an entity, a collapsed run of whitespace, a line break) and every offset
    inside it maps to the segment's whole source range.
    """

    __slots__ = ("_segs", "_tstarts", "text")

    def __init__(self, text: str, segments: list[tuple[int, int, int]]) -> None:
        self.text = text
        self._segs = segments
        self._tstarts = [s[0] for s in segments]

    def __repr__(self) -> str:
        return f"MappedText({self.text!r})"

    def __str__(self) -> str:
        return self.text

    def _segment(self, i: int) -> tuple[int, int, int, int]:
        k = bisect_right(self._tstarts, i) - 1
        if k < 0:
            k = 0
        tstart, sstart, send = self._segs[k]
        tend = self._segs[k + 1][0] if k + 1 < len(self._segs) else len(self.text)
        return tstart, tend, sstart, send

    def source_offset(self, i: int, *, end: bool = False) -> int:
        """Source offset of text offset ``i`` (``end=True`` for an exclusive end)."""
        if not self._segs:
            return 0
        if end and i > 0:
            tstart, tend, sstart, send = self._segment(i - 1)
            if tend - tstart == send - sstart:
                return sstart + (i - tstart)
            return send
        tstart, tend, sstart, send = self._segment(i)
        if tend - tstart == send - sstart:
            return sstart + min(i - tstart, send - sstart)
        return sstart

    def source_span(self, start: int, end: int) -> Span:
        """The source span of text range ``[start, end)``."""
        s = self.source_offset(start)
        e = self.source_offset(end, end=True) if end > start else s
        return Span(s, max(s, e))

    def is_verbatim(self, start: int, end: int) -> bool:
        """True when text ``[start, end)`` is exactly the source span it maps to: no markup,
        entity or line break was stripped inside it, so an edit of that span is safe."""
        if end <= start:
            return True
        span = self.source_span(start, end)
        if span.end - span.start != end - start:
            return False
        k = bisect_right(self._tstarts, start) - 1
        while k < len(self._segs):
            tstart, sstart, send = self._segs[k]
            tend = self._segs[k + 1][0] if k + 1 < len(self._segs) else len(self.text)
            if tstart >= end:
                break
            if tend - tstart != send - sstart:
                return False
            k += 1
        return True

    @property
    def span(self) -> Span:
        if not self._segs:
            return Span(0, 0)
        return Span(self._segs[0][1], max(s[2] for s in self._segs))


class MappedTextBuilder:
    """Accumulates text pieces with their source positions."""

    __slots__ = ("_len", "_parts", "_segs")

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._segs: list[tuple[int, int, int]] = []
        self._len = 0

    def __len__(self) -> int:
        return self._len

    def add(self, text: str, src_start: int, src_end: int | None = None) -> None:
        """Add ``text`` read from ``source[src_start:src_end]``.

        Without ``src_end`` the text is verbatim source. With it, the text replaces that
        source range (an entity, markup turned into a space ...).
        """
        if not text:
            return
        if src_end is None:
            src_end = src_start + len(text)
        segs = self._segs
        # Merge with the previous verbatim segment when contiguous, to keep maps small.
        if segs:
            tstart, sstart, send = segs[-1]
            prev_len = self._len - tstart
            if prev_len == send - sstart and send == src_start and src_end - src_start == len(text):
                segs[-1] = (tstart, sstart, src_end)
                self._parts.append(text)
                self._len += len(text)
                return
        segs.append((self._len, src_start, src_end))
        self._parts.append(text)
        self._len += len(text)

    def ends_with_space(self) -> bool:
        return bool(self._parts) and self._parts[-1][-1:].isspace()

    def build(self, strip: bool = True) -> MappedText:
        text = "".join(self._parts)
        segs = self._segs
        if strip and text and (text[0].isspace() or text[-1].isspace()):
            lead = len(text) - len(text.lstrip())
            new_len = len(text.rstrip()) - lead
            return _slice(MappedText(text, segs), lead, lead + max(0, new_len))
        return MappedText(text, segs)


def _slice(mt: MappedText, start: int, end: int) -> MappedText:
    """A sub-range of a MappedText as its own MappedText."""
    text = mt.text[start:end]
    segs: list[tuple[int, int, int]] = []
    for k, (tstart, sstart, send) in enumerate(mt._segs):
        tend = mt._segs[k + 1][0] if k + 1 < len(mt._segs) else len(mt.text)
        if (tend <= start or tstart >= end) and not (tstart == tend and start <= tstart < end):
            continue
        verbatim = tend - tstart == send - sstart
        lo, hi = max(tstart, start), min(tend, end)
        if verbatim:
            segs.append((lo - start, sstart + (lo - tstart), sstart + (hi - tstart)))
        else:
            segs.append((lo - start, sstart, send))
    if not segs and mt._segs:
        off = mt.source_offset(start)
        segs.append((0, off, off))
    return MappedText(text, segs)


def slice_mapped(mt: MappedText, start: int, end: int) -> MappedText:
    """Public form of slicing: a part of a mapped text keeps its map."""
    return _slice(mt, start, end)


# Block kinds. A closed vocabulary shared by parsers, Python rules and YAML packs.
HEADING = "heading"
PARAGRAPH = "paragraph"
LIST_ITEM = "list_item"
BLOCKQUOTE = "blockquote"  # a container; its paragraphs are blocks with parent=this
CAPTION = "caption"  # figcaption, image title, caption line under an image
BYLINE = "byline"  # "By Jane Doe", "Written By"
BIO = "bio"  # an author bio block (aside.author-bio, front-matter bio shown in body, ...)
TABLE_CELL = "table_cell"
IMAGE = "image"
CODE = "code"
COMMENT = "comment"
SHORTCODE = "shortcode"  # a static-site template tag that is not prose
HTML = "html"  # raw markup that is not prose

PROSE_KINDS = frozenset({HEADING, PARAGRAPH, LIST_ITEM, CAPTION, BYLINE, BIO, TABLE_CELL})
BLOCK_KINDS = frozenset(PROSE_KINDS | {BLOCKQUOTE, IMAGE, CODE, COMMENT, SHORTCODE, HTML})


@dataclass(eq=False, kw_only=True)
class Block:
    """One typed piece of the article, in source order."""

    kind: str
    span: Span
    text: MappedText | None = None  # prose blocks only
    level: int = 0  # heading level
    # Enclosing structures, outermost first: "blockquote", "aside", "footer", "figure",
    # "header", "list", "table", "emphasis" (a paragraph that is wholly emphasised) ...
    container: tuple[str, ...] = ()
    classes: tuple[str, ...] = ()
    attrs: dict[str, Any] = field(default_factory=dict)
    parent: Block | None = None

    @property
    def in_quote(self) -> bool:
        return BLOCKQUOTE in self.container


@dataclass(eq=False, kw_only=True)
class ImageBlock(Block):
    """An image in any form: Markdown, HTML, shortcode, front matter, or a caption line."""

    kind: str = IMAGE
    src: str | None = None
    alt: str | None = None  # None: no alt given; "": explicitly empty
    alt_span: Span | None = None
    title: str | None = None
    caption: MappedText | None = None
    credit: MappedText | None = None
    origin: str = "markdown"  # markdown | html | shortcode | frontmatter | text
    decorative: bool = False  # alt="" / role=presentation / aria-hidden / tiny
    width: str | None = None
    height: str | None = None


class MetaField(NamedTuple):
    """A top-level metadata field with where it was written."""

    key: str
    value: Any
    key_span: Span
    value_span: Span
    source: str = "frontmatter"  # frontmatter | meta | og | jsonld | title


@dataclass(frozen=True, slots=True)
class Suppression:
    """An inline ``edlint-disable`` directive and the lines (0-based, inclusive) it covers."""

    rules: frozenset[str]  # empty: every rule
    first_line: int
    last_line: int
    span: Span  # the directive itself, for unused-suppression findings
    kind: str  # disable | disable-next-line | disable-file


class ParseProblem(NamedTuple):
    """Something that stopped the file being read or parsed fully (a file-error)."""

    message: str
    span: Span = Span(0, 0)
    fatal: bool = True  # fatal: the document could not be linted at all


@dataclass(eq=False)
class Document:
    """One parsed article: blocks with source positions, metadata, and shared views."""

    path: str
    format: str  # markdown | html | text
    source: str
    blocks: list[Block] = field(default_factory=list)
    metadata: dict[str, MetaField] = field(default_factory=dict)
    frontmatter_span: Span | None = None
    head_tag_span: Span | None = None  # HTML: the <head> start tag (where metadata lives)
    language: str = "en"
    language_declared: bool = False  # the document itself said its language
    # Where `language` came from: "document" (front matter `lang`, `<html lang>`), "site" (the
    # generator's config: Hugo languageCode, Jekyll lang ...), "config" (edlint's `language`),
    # or "default" (nothing said it; edlint assumed it).
    language_source: str = "default"
    # What the page is: "article" (a story or post), "list" (a section, taxonomy or archive
    # page), "author" (an author's profile page) or "page" (any other page: about, contact).
    page_kind: str = "article"
    suppressions: list[Suppression] = field(default_factory=list)
    problems: list[ParseProblem] = field(default_factory=list)
    # Filled by the engine: data loaded once per run (authors registry, image data ...).
    site: Mapping[str, Any] = field(default_factory=dict)
    _lines: LineIndex | None = field(default=None, repr=False)
    _views: dict[str, Any] = field(default_factory=dict, repr=False)

    # -- positions -----------------------------------------------------------------
    @property
    def lines(self) -> LineIndex:
        if self._lines is None:
            self._lines = LineIndex(self.source)
        return self._lines

    # -- metadata --------------------------------------------------------------------
    def meta(self, *keys: str, default: Any = None) -> Any:
        """The value of the first of ``keys`` present in the metadata."""
        for key in keys:
            f = self.metadata.get(key)
            if f is not None:
                return f.value
        return default

    def meta_field(self, *keys: str) -> MetaField | None:
        for key in keys:
            f = self.metadata.get(key)
            if f is not None:
                return f
        return None

    @property
    def head_span(self) -> Span:
        """Where document-level findings point: the front matter, the HTML <head>, or the
        first line."""
        if self.frontmatter_span is not None:
            return Span(self.frontmatter_span.start, self.frontmatter_span.start + 3)
        if self.head_tag_span is not None:
            return self.head_tag_span
        return Span(0, 0)

    # -- blocks ------------------------------------------------------------------------
    def blocks_of(self, *kinds: str) -> Iterator[Block]:
        kinds_set = frozenset(kinds)
        return (b for b in self.blocks if b.kind in kinds_set)

    @property
    def images(self) -> list[ImageBlock]:
        return self.view("images", lambda d: [b for b in d.blocks if isinstance(b, ImageBlock)])

    @property
    def prose(self) -> list[Block]:
        """Prose blocks with text, in order (headings, paragraphs, captions, list items ...)."""
        return self.view(
            "prose",
            lambda d: [b for b in d.blocks if b.kind in PROSE_KINDS and b.text is not None],
        )

    def view(self, name: str, build: Any) -> Any:
        """A per-document derived value, computed once and shared by every rule."""
        try:
            return self._views[name]
        except KeyError:
            value = self._views[name] = build(self)
            return value

    @property
    def variety_known(self) -> bool:
        """The language variety (en-GB, en-US ...) was declared somewhere rather than assumed.
        Rules that rewrite spellings may mark a fix safe only when this is true."""
        return self.language_declared or self.language_source != "default"

    @property
    def is_english(self) -> bool:
        """English by the document's own declaration (front matter `lang`, `<html lang>`);
        when it declares nothing, by the configured default and a look at its words."""
        if not self.language.lower().startswith("en"):
            return False
        if self.language_declared:
            return True

        def build(doc: Document) -> bool:
            from .text.language import reads_english

            return reads_english(b.text.text for b in doc.prose if b.text is not None)

        return bool(self.view("reads_english", build))
