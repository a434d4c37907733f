"""A draft as the reader will see it, with each finding marked at its words.

Findings carry code-point offsets into the source; the page shows the *rendered* article.
The bridge is an offset for every character of rendered text:

- Markdown: markdown-it-py's block tokens give the source lines of each block (``map``);
  within a block, each inline text token's characters are found in order in those lines
  (its text is the source's, less escapes, entities and markup, so a forward search
  finds each character; link destinations and images are stepped over explicitly).
  Raw HTML blocks go through the HTML path with their offset; the front matter is shown
  as it is, in its own box.
- HTML: html.parser reports where each piece of text starts (``convert_charrefs=False``
  keeps entities as their own events), so text offsets are exact.
- Text: paragraphs of the source, offsets exact.

A character inside one or more findings is wrapped in ``<mark data-f="…" data-sev="…">``.
Everything, marks included, then goes through one sanitiser (nh3): no scripts, handlers,
styles, forms or frames survive, and a remote image loses its ``src`` unless allowed. The
marks carry a per-render nonce, so a ``<mark data-f>`` written in the draft itself cannot
pose as a finding.
"""

from __future__ import annotations

import html
import re
import secrets
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from html.parser import HTMLParser

_SEVERITY_RANK = {"error": 3, "warning": 2, "info": 1}
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
# How far ahead one character of rendered text is looked for in the source before it is
# taken as made by the renderer (an entity, a list number) and left without an offset.
_WINDOW = 64
_REMOTE = re.compile(r"^\s*(?:[a-z][a-z0-9+.-]*:|//)", re.I)


@dataclass(frozen=True)
class Span:
    """One finding to mark: its index in the response, source offsets, severity."""

    index: int
    start: int
    end: int
    severity: str


@dataclass
class Rendered:
    html: str
    placed: set[int] = field(default_factory=set)  # findings marked somewhere in ``html``


class _Marker:
    """Turns (text, per-character offsets) into escaped HTML with marks."""

    def __init__(self, spans: Iterable[Span], nonce: str) -> None:
        # A zero-width finding (an insertion point) marks the character after it.
        self.spans = sorted((Span(s.index, s.start, max(s.end, s.start + 1), s.severity) for s in spans), key=_start)
        self.starts = [s.start for s in self.spans]
        self.nonce = nonce
        self.placed: set[int] = set()

    def covering(self, offset: int | None) -> tuple[Span, ...]:
        if offset is None:
            return ()
        upto = bisect_right(self.starts, offset)
        return tuple(s for s in self.spans[:upto] if s.end > offset)

    def text(self, content: str, offsets: Sequence[int | None]) -> str:
        known = [o for o in (offsets[0], offsets[-1]) if o is not None] if content else []
        if known and not self._any_between(min(known), max(known)) and None not in offsets:
            return html.escape(content, quote=False)  # the common case: no finding here
        out: list[str] = []
        run: list[str] = []
        current: tuple[Span, ...] = ()
        for ch, off in zip(content, offsets):
            active = self.covering(off)
            if active != current:
                out.append(self._wrap("".join(run), current))
                run, current = [], active
            run.append(ch)
        out.append(self._wrap("".join(run), current))
        return "".join(out)

    def _any_between(self, lo: int, hi: int) -> bool:
        """Does any span cover an offset in [lo, hi]? (Offsets of one piece only grow.)"""
        upto = bisect_right(self.starts, hi)
        return any(s.end > lo for s in self.spans[:upto])

    def around(self, inner_html: str, start: int, end: int) -> str:
        """Mark a whole element (an image) whose source is ``[start, end)``."""
        hit = tuple(s for s in self.spans if s.start < end and s.end > start)
        return self._wrap_html(inner_html, hit) if hit else inner_html

    def _wrap(self, run: str, active: tuple[Span, ...]) -> str:
        escaped = html.escape(run, quote=False)
        return self._wrap_html(escaped, active) if active and run else escaped

    def _wrap_html(self, inner: str, active: tuple[Span, ...]) -> str:
        ids = " ".join(str(i) for i in sorted(s.index for s in active))
        severity = max((s.severity for s in active), key=lambda sev: _SEVERITY_RANK.get(sev, 0))
        self.placed.update(s.index for s in active)
        return f'<mark data-f="{self.nonce}:{ids}" data-sev="{severity}">{inner}</mark>'


def _start(s: Span) -> tuple[int, int]:
    return (s.start, s.end)


def render(text: str, fmt: str, spans: Iterable[Span], *, remote_images: bool = False) -> Rendered:
    """Sanitised HTML of ``text`` (markdown | html | text) with ``spans`` marked."""
    nonce = secrets.token_hex(8)
    marker = _Marker(spans, nonce)
    if fmt == "markdown":
        raw = _markdown(text, marker)
    elif fmt == "html":
        raw = _html(text, 0, marker)
    else:
        raw = _plain(text, 0, len(text), marker)
    return Rendered(sanitise(raw, nonce, remote_images=remote_images), marker.placed)


# -- sanitising ---------------------------------------------------------------------------------
_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "col", "colgroup", "dd", "del",
    "details", "dfn", "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5",
    "h6", "hr", "i", "img", "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "s", "samp", "small",
    "span", "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "time",
    "tr", "u", "ul", "var", "wbr", "section", "article", "aside", "header", "footer",
}  # fmt: skip
_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title", "width", "height"},
    "mark": {"data-f", "data-sev"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
    "time": {"datetime"},
    "ol": {"start"},
    "details": {"open"},
    "*": {"lang", "dir"},
}
# Removed with everything inside them (other unknown tags keep their text).
_DROP_WITH_CONTENT = {"script", "style", "head", "title", "template", "noscript", "iframe", "object", "svg", "math"}


def sanitise(raw: str, nonce: str, *, remote_images: bool = False) -> str:
    import nh3

    def keep(tag: str, attr: str, value: str) -> str | None:
        if tag == "mark" and attr == "data-f":
            # Only the marks this render made: a draft's own <mark data-f> is not a finding.
            prefix = nonce + ":"
            return value[len(prefix) :] if value.startswith(prefix) else None
        if tag == "mark" and attr == "data-sev":
            return value if value in _SEVERITY_RANK else None
        if tag == "img" and attr == "src" and _REMOTE.match(value):
            return value if remote_images and value.strip().lower().startswith("https:") else None
        return value

    return nh3.clean(
        raw,
        tags=_TAGS,
        attributes=_ATTRIBUTES,
        clean_content_tags=_DROP_WITH_CONTENT,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
        attribute_filter=keep,
    )


# -- plain text ---------------------------------------------------------------------------------
def _plain(text: str, start: int, end: int, marker: _Marker) -> str:
    """Paragraphs at blank lines, line breaks kept (one pass over the lines: no regex that
    could backtrack over a long line)."""
    paragraphs: list[list[str]] = []
    current: list[str] = []
    pos = start
    for m in _LINE_BREAK.finditer(text + "\n", start, end + 1):
        line = text[pos : m.start()]
        if line.strip():
            current.append(marker.text(line, range(pos, pos + len(line))))
        elif current:
            paragraphs.append(current)
            current = []
        pos = m.end()
    if current:
        paragraphs.append(current)
    return "\n".join("<p>" + "<br>".join(lines) + "</p>" for lines in paragraphs)


# -- HTML ---------------------------------------------------------------------------------------
class _Rebuild(HTMLParser):
    """Re-emit HTML with marks in its text; what the sanitiser will drop anyway (scripts,
    comments, doctype) is dropped here already so it is never searched for words."""

    _RAW = {"script", "style", "template", "noscript", "textarea", "title", "xmp"}

    def __init__(self, source: str, base: int, marker: _Marker) -> None:
        super().__init__(convert_charrefs=False)
        self.source, self.base, self.marker = source, base, marker
        self.line_starts = [0] + [m.end() for m in _LINE_BREAK.finditer(source)]
        self.out: list[str] = []
        self.skip_depth = 0
        self.in_head = False

    def _offset(self) -> int:
        line, col = self.getpos()
        return self.base + self.line_starts[line - 1] + col

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag == "head":
            self.in_head = True
        if tag in self._RAW:
            self.skip_depth += 1
        if tag == "mark":
            return  # the draft's own marks would look like findings
        if tag == "img":
            start = self._offset()
            raw = self.get_starttag_text() or ""
            self.out.append(self.marker.around(raw, start, start + len(raw)))
            return
        self.out.append(self.get_starttag_text() or "")

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        self.handle_starttag(tag, attrs)
        if tag in self._RAW:
            self.skip_depth = max(0, self.skip_depth - 1)

    def handle_endtag(self, tag: str) -> None:
        if tag == "head":
            self.in_head = False
        if tag in self._RAW:
            self.skip_depth = max(0, self.skip_depth - 1)
        if tag != "mark":
            self.out.append(f"</{tag}>")

    def handle_data(self, data: str) -> None:
        if self.skip_depth or self.in_head:
            self.out.append(html.escape(data, quote=False))  # dropped by the sanitiser
            return
        start = self._offset()
        self.out.append(self.marker.text(data, range(start, start + len(data))))

    def handle_entityref(self, name: str) -> None:
        self._reference(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self._reference(f"&#{name};")

    def _reference(self, raw: str) -> None:
        start = self._offset()
        text = html.unescape(raw)
        if self.skip_depth or self.in_head or text == raw:
            self.out.append(html.escape(text, quote=False))
            return
        # One rendered character stands for the whole reference: mark it if any of it is.
        active = [o for o in range(start, start + len(raw)) if self.marker.covering(o)]
        self.out.append(self.marker.text(text, [active[0] if active else None] * len(text)))


def _html(source: str, base: int, marker: _Marker) -> str:
    parser = _Rebuild(source, base, marker)
    parser.feed(source)
    parser.close()
    return "".join(parser.out)


# -- Markdown -----------------------------------------------------------------------------------
def _markdown_parser():
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])


def _markdown(text: str, marker: _Marker) -> str:
    from ..parsers.frontmatter import split_front_matter

    out: list[str] = []
    body_start = 0
    fm = split_front_matter(text)
    if fm is not None:
        body_start = fm.body_start
        s, e = fm.span.start, fm.span.end
        out.append(
            '<details open class="front-matter"><summary>Front matter</summary><pre>'
            + marker.text(text[s:e], range(s, e))
            + "</pre></details>"
        )
    body = text[body_start:]
    line_starts = [body_start] + [body_start + m.end() for m in _LINE_BREAK.finditer(body)] + [len(text)]
    md = _markdown_parser()
    tokens = md.parse(body)
    _MarkdownMarks(text, line_starts, marker).apply(tokens)
    for name, rule in (
        ("text", _text_rule),
        ("code_inline", _code_inline_rule),
        ("fence", _code_block_rule),
        ("code_block", _code_block_rule),
        ("image", _image_rule),
    ):
        md.add_render_rule(name, rule)
    out.append(md.renderer.render(tokens, md.options, {"marker": marker}))
    return "\n".join(out)


class _MarkdownMarks:
    """Gives every token that shows source text the HTML it should render as (in
    ``token.meta["html"]``), found by walking the source of its block in order."""

    def __init__(self, text: str, line_starts: list[int], marker: _Marker) -> None:
        self.text, self.line_starts, self.marker = text, line_starts, marker
        self.cursor = 0
        self.range: tuple[int, int] = (0, 0)

    def _lines(self, token) -> tuple[int, int]:
        first, last = token.map
        last = min(last, len(self.line_starts) - 1)
        return self.line_starts[min(first, last)], self.line_starts[last]

    def apply(self, tokens) -> None:
        for token in tokens:
            if token.map is not None and token.type in ("inline", "fence", "code_block", "html_block"):
                block = self._lines(token)
                if block != self.range:  # table cells of one row share it: go on from the last cell
                    self.range, self.cursor = block, block[0]
            if token.type == "inline":
                self._inline(token.children or [])
            elif token.type in ("fence", "code_block"):
                token.meta["html"] = self._find(token.content)
            elif token.type == "html_block":
                start = self.text.find(token.content.strip(), self.range[0], self.range[1])
                base = start if start != -1 else self.range[0]
                token.content = _html(token.content.strip(), base, self.marker) + "\n"

    def _inline(self, children) -> None:
        depth_link = 0
        for child in children:
            kind = child.type
            if kind in ("text", "code_inline"):
                child.meta["html"] = self._find(child.content)
            elif kind == "image":
                self._image(child)
            elif kind == "link_open":
                depth_link += 1
                self._skip("<" if child.markup == "autolink" else "[")
            elif kind == "link_close":
                depth_link -= 1
                if child.markup != "autolink":
                    self._skip_destination()
                else:
                    self._skip(">")
            elif kind in ("softbreak", "hardbreak"):
                self._skip("\n")
            elif kind == "html_inline":
                self._skip(child.content)

    def _find(self, content: str) -> str:
        """Escaped HTML for ``content`` with marks, its characters found from the cursor."""
        start, end = self.cursor, self.range[1]
        at = self.text.find(content, start, end)
        if content and at != -1:
            offsets: list[int | None] = list(range(at, at + len(content)))
            self.cursor = at + len(content)
        else:
            offsets = []
            pos = start
            for ch in content:
                hit = self.text.find(ch, pos, min(end, pos + _WINDOW))
                if hit == -1:
                    offsets.append(None)  # made by the renderer (an entity's character)
                    continue
                offsets.append(hit)
                pos = hit + 1
            self.cursor = pos
        return self.marker.text(content, offsets)

    def _skip(self, piece: str) -> None:
        at = self.text.find(piece, self.cursor, self.range[1])
        if at != -1:
            self.cursor = at + len(piece)

    def _skip_destination(self) -> None:
        """After a link's text: ``](destination "title")``, ``][ref]``, or nothing."""
        at = self.text.find("]", self.cursor, self.range[1])
        if at == -1:
            return
        pos = at + 1
        if self.text.startswith("(", pos):
            pos = self._balanced(pos, "(", ")")
        elif self.text.startswith("[", pos):
            pos = self._balanced(pos, "[", "]")
        self.cursor = pos

    def _balanced(self, pos: int, open_: str, close: str) -> int:
        depth = 0
        for i in range(pos, self.range[1]):
            ch = self.text[i]
            if ch == "\\":
                continue
            if ch == open_:
                depth += 1
            elif ch == close:
                depth -= 1
                if depth == 0:
                    return i + 1
        return pos

    def _image(self, token) -> None:
        start = self.text.find("![", self.cursor, self.range[1])
        if start == -1:
            return
        self.cursor = start + 2
        close = self.text.find("]", self.cursor, self.range[1])
        end = self.cursor
        if close != -1:
            end = close + 1
            if self.text.startswith("(", end):
                end = self._balanced(end, "(", ")")
            elif self.text.startswith("[", end):
                end = self._balanced(end, "[", "]")
        self.cursor = end
        token.meta["source"] = (start, end)


# Renderer rules: tokens that show source text render the HTML _MarkdownMarks made for them.
def _text_rule(self, tokens, idx, options, env) -> str:
    token = tokens[idx]
    return token.meta.get("html", html.escape(token.content, quote=False))


def _code_inline_rule(self, tokens, idx, options, env) -> str:
    return "<code>" + _text_rule(self, tokens, idx, options, env) + "</code>"


def _code_block_rule(self, tokens, idx, options, env) -> str:
    return "<pre><code>" + _text_rule(self, tokens, idx, options, env) + "</code></pre>\n"


def _image_rule(self, tokens, idx, options, env) -> str:
    from markdown_it.renderer import RendererHTML

    token = tokens[idx]
    plain = RendererHTML.image(self, tokens, idx, options, env)
    source = token.meta.get("source")
    return env["marker"].around(plain, *source) if source else plain
