"""Plain text (pasted from a web page): paragraphs split on blank lines, and on line breaks
that are not hard wraps (a page pasted as text has one line per paragraph, often with no
blank lines between them).

Recognised line types: caption/credit lines ("Image Credit: ...", "Photo: ...",
"(Photo: ...)") which stand for an image, byline lines ("By Jane Doe", "Written By"), page
chrome ("Advertisement", "Read more: ...", "Share this article", "Comments": see
text/chrome.py; a paragraph of its own with ``attrs["chrome"]`` set to its kind), and
suppression directives (``[edlint-disable rule]`` on a line of its own). Each stands alone,
with or without blank lines around it.
"""

from __future__ import annotations

import re

from ..document import (
    BYLINE,
    CAPTION,
    COMMENT,
    HEADING,
    PARAGRAPH,
    Block,
    Document,
    ImageBlock,
    MappedTextBuilder,
    Span,
    slice_mapped,
)
from ..text.bylines import is_byline
from ..text.chrome import chrome_kind
from ..text.credits import find_credit_marker
from ..text.patterns import lazy
from . import ParseOptions
from .directives import TEXT_DIRECTIVE, build_suppressions, text_directives

_NL = r"(?:\r\n|\n|\r(?!\n))"
_PARAGRAPH_BREAK = re.compile(rf"{_NL}[ \t]*{_NL}(?:[ \t]*{_NL})*")
_LINE_BREAK = re.compile(rf"[ \t]*{_NL}[ \t]*")
MAX_CAPTION_WORDS = 60


def parse(path: str, source: str, options: ParseOptions) -> Document:
    doc = Document(path=path, format="text", source=source, language=options.language)
    directive_spans = {(m.start(), m.end()) for m in TEXT_DIRECTIVE.finditer(source)}
    pos = 0
    for m in _PARAGRAPH_BREAK.finditer(source):
        _paragraph(doc, source, pos, m.start(), directive_spans)
        pos = m.end()
    _paragraph(doc, source, pos, len(source), directive_spans)
    doc.suppressions = build_suppressions(text_directives(source), doc.lines)
    return doc


def _paragraph(doc: Document, source: str, start: int, end: int, directives: set) -> None:
    """One run of lines between blank lines: one paragraph or several.

    Text pasted from a web page has one line per paragraph and often no blank lines; text
    typed in an editor may be hard-wrapped. The lines are grouped into paragraphs (see
    :func:`_continues`), and each group is typed on its own.
    """
    # Trim surrounding whitespace.
    while start < end and source[start] in " \t\r\n":
        start += 1
    while end > start and source[end - 1] in " \t\r\n":
        end -= 1
    if start >= end:
        return
    lines: list[tuple[int, int]] = []
    breaks: list[tuple[int, int]] = []  # the line break before each line (after the first)
    line_start = start
    prev_break = (start, start)
    for lb in list(_LINE_BREAK.finditer(source, start, end)) + [None]:
        line_end = lb.start() if lb else end
        lines.append((line_start, line_end))
        breaks.append(prev_break)
        if lb is None:
            break
        prev_break = (lb.start(), lb.end())
        line_start = lb.end()
    texts = [source[s:e] for s, e in lines]
    # Directive lines are comments, not prose; lines of page chrome ("Advertisement", "Read
    # more: ...") and the typed lines (bylines, caption lines) stand alone.
    comment = [(s, e) in directives or _is_directive(source, s, e, directives) for s, e in lines]
    alone = [comment[i] or _stands_alone(t) for i, t in enumerate(texts)]
    for i, t in enumerate(texts):
        # A caption line: not the middle of a hard-wrapped sentence ("... took the photo by").
        if not alone[i] and _caption_line(t) and not t.lstrip()[:1].islower() and (
            i == 0 or alone[i - 1] or _SENTENCE_END.search(texts[i - 1].rstrip())
        ):
            alone[i] = True
    width = _wrap_width([t for i, t in enumerate(texts) if not alone[i]])
    wrapped = width is not None and sum(
        1 for i, t in enumerate(texts[:-1]) if not alone[i] and len(t) >= 0.8 * width
    ) >= 2
    group: list[int] = []
    for i in range(len(lines)):
        if comment[i]:
            _group(doc, source, lines, breaks, group)
            group = []
            doc.blocks.append(Block(kind=COMMENT, span=Span(*lines[i])))
            continue
        if group and not (
            not alone[group[-1]] and not alone[i] and _continues(texts[group[-1]], texts[i], width, wrapped)
        ):
            _group(doc, source, lines, breaks, group)
            group = []
        group.append(i)
    _group(doc, source, lines, breaks, group)


_MAX_CHROME = 400
# A line longer than this is not hard-wrapped: it is a paragraph on one line.
_MAX_WRAP = 100
_SENTENCE_END = lazy(r"[.!?:;…][\"'”’)\]]*$")
# A hard-wrapped line may end on any word; a headline or a paragraph rarely ends on these.
_OPEN_ENDING = lazy(
    r"(?:^|\s)(?:the|a|an|of|to|in|on|at|by|for|from|with|and|or|but|as|that|which|who|"
    r"is|was|are|were|has|have|had|its|their|his|her|our|this|these|those|than|into|after|"
    r"before|about|over|under|between|said|says|[-–—,])$",
    re.I,
)


def _wrap_width(texts: list[str]) -> int | None:
    """The column the lines are wrapped at (the longest line), or None when a line is too
    long to be hard-wrapped."""
    longest = max((len(t) for t in texts), default=0)
    return longest if 0 < longest <= _MAX_WRAP else None


def _continues(prev: str, line: str, width: int | None, wrapped: bool) -> bool:
    """Does ``line`` continue the paragraph of ``prev`` (a hard wrap) or start a new one?

    A line that starts in lower case goes on. Otherwise only hard-wrapped text joins lines:
    the previous line must be full (the next line's first word would not have fitted in
    the width) and either the run is hard-wrapped (two or more lines near the width) or
    the previous line stops mid-sentence ("... south of" / "Caldey Island").
    """
    first = line.lstrip()[:1]
    if first.islower():
        return True
    if width is None:
        return False
    word = line.split(None, 1)[0] if line.split() else ""
    if len(prev) + 1 + len(word) <= width:
        return False  # the line ended early on purpose
    if _SENTENCE_END.search(prev.rstrip()):
        return wrapped
    return wrapped or bool(_OPEN_ENDING.search(prev.rstrip()))


def _stands_alone(line: str) -> bool:
    """A line that is a paragraph of its own whatever is around it: a byline, page chrome."""
    t = line.strip()
    if not t or len(t) > _MAX_CHROME:
        return False
    return chrome_kind(t) is not None or (len(t.split()) <= 8 and is_byline(t))


def _caption_line(line: str) -> bool:
    """A line holding a credit ("... Photo: Agency"): a caption line when it starts one."""
    t = line.strip()
    return len(t.split()) <= MAX_CAPTION_WORDS and find_credit_marker(t) is not None


def _group(doc: Document, source: str, lines: list[tuple[int, int]], breaks: list[tuple[int, int]],
           group: list[int]) -> None:
    """Emit the lines of ``group`` as one block."""
    if not group:
        return
    builder = MappedTextBuilder()
    for i in group:
        if len(builder):
            builder.add(" ", *breaks[i])  # the line break reads as a space
        builder.add(source[lines[i][0]:lines[i][1]], lines[i][0])
    if not len(builder):
        return
    text = builder.build()
    span = text.span
    words = text.text.split()
    if len(group) == 1:
        chrome = chrome_kind(text.text)
        if chrome is not None:
            # Page chrome stays a paragraph of its own (the scrape-residue rules report it),
            # marked so that rules about the story's own paragraphs can leave it out.
            doc.blocks.append(Block(kind=PARAGRAPH, span=span, text=text, attrs={"chrome": chrome}))
            return
    if len(words) <= 8 and is_byline(text.text):
        doc.blocks.append(Block(kind=BYLINE, span=span, text=text))
        return
    marker = find_credit_marker(text.text) if len(words) <= MAX_CAPTION_WORDS else None
    if marker is not None:
        credit = slice_mapped(text, marker, len(text.text))
        caption_block = Block(kind=CAPTION, span=span, text=text)
        image = ImageBlock(
            span=span, origin="text", caption=text, credit=credit, attrs={"caption_line": True}
        )
        caption_block.parent = image
        doc.blocks.append(image)
        doc.blocks.append(caption_block)
        return
    kind = PARAGRAPH
    # A short line with no closing punctuation at the very top reads as the headline.
    if (
        not any(b.text is not None for b in doc.blocks)
        and len(words) <= 16
        and len(group) == 1
        and not text.text.endswith((".", ":", "?", "!", "”", '"'))
    ):
        kind = HEADING
    doc.blocks.append(Block(kind=kind, span=span, text=text, level=1 if kind == HEADING else 0))


def _is_directive(source: str, start: int, end: int, directives: set) -> bool:
    line = source[start:end].strip()
    return line.startswith("[edlint-") and any(s <= start and end <= e for s, e in directives)
