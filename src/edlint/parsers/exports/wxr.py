"""WordPress export (WXR) files: a streaming index pass, then one post read at a time.

A WXR file is RSS 2.0 with WordPress's namespace: authors and terms in ``<channel>``, then one
``<item>`` per post, page and attachment. The file can be gigabytes, so it is never held in
memory: ``index`` streams it through expat once, keeping only the authors, each attachment's
alt text and caption (small), and each post's byte range and position; ``read_item`` then
reads one post's bytes and parses them alone. expat is used directly rather than ElementTree
because it reports the line and column (in code points) where every run of character data
starts, inside CDATA too, which is what lets findings point into the export file.

Untrusted input: expat fetches no external entities (no handler is set), parameter entities
are off, and a document that declares entities at all is refused (no "billion laughs").
"""

from __future__ import annotations

import os
import xml.parsers.expat as expat
from dataclasses import dataclass, field
from typing import Any, BinaryIO

from .positions import PieceBuilder

WP_NS_PREFIX = "http://wordpress.org/export/"
_NAMESPACES = (
    # Most specific first: the excerpt namespace is under the WordPress one.
    ("http://wordpress.org/export/1.2/excerpt/", "excerpt"),
    ("http://wordpress.org/export/1.1/excerpt/", "excerpt"),
    ("http://wordpress.org/export/1.0/excerpt/", "excerpt"),
    (WP_NS_PREFIX, "wp"),
    ("http://purl.org/rss/1.0/modules/content/", "content"),
    ("http://purl.org/dc/elements/1.1/", "dc"),
)
READ_BLOCK = 1 << 18  # 256 KiB: what the index pass holds of the file at once
SKIPPED_STATUSES = frozenset({"trash", "auto-draft", "inherit"})


class ExportError(Exception):
    """The export cannot be read (not well-formed, refused, or not an export)."""


@dataclass
class Attachment:
    """What a post's images say about themselves in the media library."""

    id: str
    url: str = ""
    title: str = ""
    alt: str = ""
    caption: str = ""

    def as_dict(self) -> dict[str, str]:
        return {"id": self.id, "url": self.url, "title": self.title, "alt": self.alt, "caption": self.caption}


@dataclass(slots=True)
class ItemRef:
    """Where one post is in the export, and what the rest of the export says about it."""

    post_id: str
    slug: str
    post_type: str
    status: str
    start: int  # byte offset of "<item"
    end: int  # byte offset after "</item>"
    line: int  # 1-based line of "<item"
    column: int  # 0-based column (code points) of "<item"
    prefixes: dict[str, str] = field(default_factory=dict)  # namespace prefix -> short name
    encoding: str = ""  # the XML declaration's, when not UTF-8
    creator: str = ""  # the author's login
    thumbnail: str = ""  # the featured image's attachment id


@dataclass
class ExportIndex:
    channel: dict[str, str] = field(default_factory=dict)  # title, link, language
    authors: dict[str, str] = field(default_factory=dict)  # login -> display name
    attachments: dict[str, Attachment] = field(default_factory=dict)  # id -> attachment
    by_parent: dict[str, list[str]] = field(default_factory=dict)  # post id -> attachment ids
    items: list[ItemRef] = field(default_factory=list)
    prefixes: dict[str, str] = field(default_factory=dict)
    encoding: str = ""


def _parser(encoding: str | None = None) -> Any:
    parser = expat.ParserCreate(encoding or None)
    parser.buffer_text = False
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)

    def refuse(*_args: Any) -> None:
        raise ExportError("the export declares XML entities; refused (an export never needs them)")

    parser.EntityDeclHandler = refuse
    return parser


def _short_name(name: str, prefixes: dict[str, str]) -> str:
    """``wp:post_id`` -> ``wp:post_id`` whatever prefix the file bound the namespace to."""
    prefix, colon, local = name.partition(":")
    if not colon:
        return name
    short = prefixes.get(prefix)
    return f"{short}:{local}" if short else name


def _prefixes(attrs: dict[str, str]) -> dict[str, str]:
    out = {}
    for key, uri in attrs.items():
        if key.startswith("xmlns:"):
            for known, short in _NAMESPACES:
                if uri.startswith(known):
                    out[key[6:]] = short
                    break
    return out


def is_wxr_head(head: bytes) -> bool:
    """The start of a file: an RSS document that binds WordPress's export namespace."""
    text = head.decode("utf-8", "replace")
    at = text.find("<rss")
    return at != -1 and WP_NS_PREFIX in text[at:]


class _Indexer:
    """The index pass: everything except the posts' text."""

    _SMALL = frozenset(
        {
            "title",
            "link",
            "language",
            "wp:post_id",
            "wp:post_name",
            "wp:post_type",
            "wp:status",
            "wp:post_parent",
            "wp:attachment_url",
            "excerpt:encoded",
            "wp:meta_key",
            "wp:meta_value",
            "wp:author_login",
            "dc:creator",
            "wp:author_display_name",
        }
    )

    def __init__(self) -> None:
        self.index = ExportIndex()
        self.parser = _parser()
        self.parser.StartElementHandler = self.start
        self.parser.EndElementHandler = self.end
        # Text is only kept for short fields, without positions: expat may hand it over in
        # large pieces, and is given no handler at all for the rest (a post's body).
        self.parser.buffer_text = True
        self.parser.CharacterDataHandler = None
        self.parser.XmlDeclHandler = self.declaration
        self.stack: list[str] = []
        self.item: dict[str, Any] | None = None
        self.author: dict[str, str] | None = None
        self.text: list[str] | None = None
        self.meta_key = ""
        self.root_seen = False
        self._names: dict[str, str] = {}  # element name as written -> short name (few distinct)

    def short(self, name: str) -> str:
        short = self._names.get(name)
        if short is None:
            short = self._names[name] = _short_name(name, self.index.prefixes)
        return short

    def declaration(self, _version: str, encoding: str | None, _standalone: int) -> None:
        # A post is parsed alone, without the declaration: it must be told the encoding.
        if encoding and encoding.lower().replace("_", "-") not in ("utf-8", "utf8"):
            self.index.encoding = encoding

    def start(self, name: str, attrs: dict[str, str]) -> None:
        p = self.parser
        if not self.root_seen:
            self.root_seen = True
            self.index.prefixes = _prefixes(attrs)
            if name != "rss" or "wp" not in self.index.prefixes.values():
                raise ExportError("not a WordPress export (an RSS file without the WordPress namespace)")
        name = self.short(name)
        self.stack.append(name)
        if name == "item" and len(self.stack) == 3:
            self.item = {"start": p.CurrentByteIndex, "line": p.CurrentLineNumber, "column": p.CurrentColumnNumber}
        elif name == "wp:author" and self.item is None:
            self.author = {}
        # Only short fields are kept, and only where they are wanted: a post's text never is.
        depth_ok = (self.item is not None and len(self.stack) in (4, 5)) or self.author is not None
        if name in self._SMALL and (depth_ok or len(self.stack) == 3):
            self.text = []
            self.parser.CharacterDataHandler = self.chars
        else:
            self.text = None
            self.parser.CharacterDataHandler = None

    def chars(self, data: str) -> None:
        if self.text is not None and sum(map(len, self.text)) < 65536:
            self.text.append(data)

    def end(self, name: str) -> None:
        name = self.short(name)
        value = "".join(self.text).strip() if self.text is not None else None
        self.text = None
        self.parser.CharacterDataHandler = None
        self.stack.pop()
        depth = len(self.stack)
        if self.author is not None:
            if value is not None:
                self.author[name] = value
            if name == "wp:author":
                login = self.author.get("wp:author_login", "")
                if login:
                    self.index.authors[login] = self.author.get("wp:author_display_name") or login
                self.author = None
            return
        if self.item is None:
            if depth == 2 and value is not None and name in ("title", "link", "language"):
                self.index.channel[name] = value
            return
        if name == "item" and depth == 2:
            item, self.item = self.item, None
            # "</item>" starts at the current byte index.
            item["end"] = self.parser.CurrentByteIndex + len("</item>")
            self._done(item)
            return
        if value is None:
            return
        if name == "wp:meta_key":
            self.meta_key = value
        elif name == "wp:meta_value":
            if self.meta_key == "_wp_attachment_image_alt":
                self.item["alt"] = value
            elif self.meta_key == "_thumbnail_id":
                self.item["thumbnail"] = value
        elif depth == 3:
            self.item[name] = value

    def _done(self, item: dict[str, Any]) -> None:
        post_type = item.get("wp:post_type", "")
        post_id = item.get("wp:post_id", "")
        if post_type == "attachment":
            a = Attachment(
                id=post_id,
                url=item.get("wp:attachment_url", ""),
                title=item.get("title", ""),
                alt=item.get("alt", ""),
                caption=item.get("excerpt:encoded", ""),
            )
            self.index.attachments[post_id] = a
            parent = item.get("wp:post_parent", "0")
            if parent and parent != "0":
                self.index.by_parent.setdefault(parent, []).append(post_id)
            return
        self.index.items.append(
            ItemRef(
                post_id=post_id,
                slug=item.get("wp:post_name", ""),
                post_type=post_type,
                status=item.get("wp:status", ""),
                start=item["start"],
                end=item["end"],
                line=item["line"],
                column=item["column"],
                prefixes=self.index.prefixes,
                encoding=self.index.encoding,
                creator=item.get("dc:creator", ""),
                thumbnail=item.get("thumbnail", ""),
            )
        )


def index(stream: BinaryIO) -> ExportIndex:
    """Stream a WXR file once; memory grows with the number of posts, not their size."""
    indexer = _Indexer()
    try:
        while True:
            block = stream.read(READ_BLOCK)
            if not block:
                break
            indexer.parser.Parse(block, False)
        indexer.parser.Parse(b"", True)
    except expat.ExpatError as exc:
        raise ExportError(
            f"the export is not well-formed XML ({expat.ErrorString(exc.code)} at line {exc.lineno}, column {exc.offset + 1})"
        ) from None
    if not indexer.root_seen:
        raise ExportError("the export is empty")
    return indexer.index


@dataclass
class ItemText:
    """One post read from the export: each field with where its text was written."""

    fields: dict[str, PieceBuilder] = field(default_factory=dict)
    categories: list[tuple[str, str]] = field(default_factory=list)  # (domain, name)


_WANTED = frozenset(
    {
        "title",
        "link",
        "pubDate",
        "dc:creator",
        "content:encoded",
        "excerpt:encoded",
        "wp:post_id",
        "wp:post_date",
        "wp:post_date_gmt",
        "wp:post_modified_gmt",
        "wp:post_name",
        "wp:status",
        "wp:post_type",
    }
)


def read_item(data: bytes, ref: ItemRef) -> ItemText:
    """Parse one ``<item>`` (its bytes from the export); positions are the export file's."""
    parser = _parser(ref.encoding)
    declarations = " ".join(
        f'xmlns:{prefix}="{uri}"'
        for prefix, short in ref.prefixes.items()
        for uri, s in _NAMESPACES
        if s == short and not uri.endswith(("1.1/excerpt/", "1.0/excerpt/"))
    )
    head = f"<rss {declarations}>\n".encode()
    out = ItemText()
    stack: list[str] = []
    current: list[PieceBuilder | None] = [None]
    domain = [""]
    cdata = [False]
    pending: list[Any] = []  # the last run outside CDATA: (builder, text, line, column)

    def where() -> tuple[int, int]:
        line = parser.CurrentLineNumber
        column = parser.CurrentColumnNumber
        if line == 2:
            return ref.line, ref.column + column
        return ref.line + line - 2, column

    def settle(end: tuple[int, int] | None) -> None:
        # A run outside CDATA is verbatim when it fills the source up to the next event
        # (plain text); an entity or character reference fills more than its text.
        if not pending:
            return
        builder, text, line, column = pending.pop()
        verbatim = (end is not None and end == (line, column + len(text))) or "\n" in text
        builder.add(text, line, column, verbatim=verbatim)

    def start(name: str, attrs: dict[str, str]) -> None:
        settle(where())
        name = _short_name(name, ref.prefixes)
        stack.append(name)
        if len(stack) == 3 and (name in _WANTED or name == "category"):
            builder = PieceBuilder()
            current[0] = builder
            if name == "category":
                domain[0] = attrs.get("domain", "category")
            else:
                out.fields.setdefault(name, builder)
                current[0] = out.fields[name]
        else:
            current[0] = None

    def end(name: str) -> None:
        settle(where())
        name = _short_name(name, ref.prefixes)
        if name == "category" and len(stack) == 3 and current[0] is not None:
            out.categories.append((domain[0], current[0].text().strip()))
        stack.pop()
        current[0] = None

    def chars(data: str) -> None:
        builder = current[0]
        if builder is None:
            return
        line, column = where()
        if cdata[0]:
            settle((line, column))
            builder.add(data, line, column)
        else:
            settle((line, column))
            pending.append((builder, data, line, column))

    def cdata_start() -> None:
        settle(where())
        cdata[0] = True

    def cdata_end() -> None:
        cdata[0] = False

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = chars
    parser.StartCdataSectionHandler = cdata_start
    parser.EndCdataSectionHandler = cdata_end
    try:
        parser.Parse(head, False)
        parser.Parse(data, False)
        parser.Parse(b"</rss>", True)
    except expat.ExpatError as exc:
        line = exc.lineno
        where_ = f"line {ref.line + line - 2}" if line >= 2 else f"line {ref.line}"
        raise ExportError(f"the post is not well-formed XML ({expat.ErrorString(exc.code)} near {where_})") from None
    return out


def read_range(path: str, start: int, end: int, max_size: int, roots: Any = None) -> bytes:
    """The bytes of one item, read inside the linted root like every article."""
    from ...reading import size_text, where_allowed

    if end - start > max_size:
        raise ExportError(f"the post is {size_text(end - start)}, over the {size_text(max_size)} limit (max_file_size)")
    real, skipped = where_allowed(path, roots)
    if real is None:
        raise ExportError(skipped or "not read")
    fd = os.open(real, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0))
    with open(fd, "rb", closefd=True) as fh:
        fh.seek(start)
        return fh.read(end - start)
