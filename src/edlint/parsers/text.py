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

import itertools
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
    breaks = list(_PARAGRAPH_BREAK.finditer(source))
    wrap = _wrap_width(source, bool(breaks))
    pos = 0
    for m in breaks:
        _paragraph(doc, source, pos, m.start(), directive_spans, wrap)
        pos = m.end()
    _paragraph(doc, source, pos, len(source), directive_spans, wrap)
    doc.suppressions = build_suppressions(text_directives(source), doc.lines)
    return doc


def _paragraph(doc: Document, source: str, start: int, end: int, directives: set, width: int | None) -> None:
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
    for lb in [*list(_LINE_BREAK.finditer(source, start, end)), None]:
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
        if (
            not alone[i]
            and (_caption_line(t) or _CAPTION_LEAD.match(t))
            and not t.lstrip()[:1].islower()
            and (i == 0 or alone[i - 1] or _SENTENCE_END.search(texts[i - 1].rstrip()))
        ):
            alone[i] = True
    group: list[int] = []
    for i in range(len(lines)):
        if comment[i]:
            _group(doc, source, lines, breaks, group)
            group = []
            doc.blocks.append(Block(kind=COMMENT, span=Span(*lines[i])))
            continue
        if group and not (not alone[group[-1]] and not alone[i] and _continues(texts[group[-1]], texts[i], width)):
            _group(doc, source, lines, breaks, group)
            group = []
        group.append(i)
    _group(doc, source, lines, breaks, group)


_MAX_CHROME = 400
_MAX_MEASURED = 200_000  # characters read to find the wrap width
_CAMEL = lazy(r"[a-z]+[A-Z]")  # "eZ Systems", "iPhone": a name, not a sentence going on
_URL_LINE = lazy(r"(?:https?://|www\.)\S+$", re.I)
# A line longer than this is not hard-wrapped: it is a paragraph on one line.
_MAX_WRAP = 100
# Nobody wraps prose at fewer columns than this: shorter lines are a list ("VIP : 60,000₩").
_MIN_WRAP = 30
_SENTENCE_END = lazy(r"[.!?:;…][\"'”’)\]]*$")
# A hard-wrapped line may end on any word; a headline or a paragraph rarely ends on these.
_OPEN_ENDING = lazy(
    r"(?:^|\s)(?:the|a|an|of|to|and|or|but|with|from|by|at|in|on|for|that|which|its|their|"
    r"his|her|our|than|into|[-–—,;:])$"
)


def _wrap_width(source: str, blank_lines: bool) -> int | None:
    """How lines continue each other: the column the document is hard-wrapped at; 0 when
    only blank lines end paragraphs (lines of any length inside a run of lines are one
    paragraph); None when every line is a paragraph (text pasted from a web page).

    Hard-wrapped text has nine lines in ten no longer than the width (a long link may
    stick out), and many lines close to it; text pasted from a web page has long lines
    (a paragraph each); a list of short lines has lines of any length.
    """
    if len(source) > _MAX_MEASURED:
        source = source[:_MAX_MEASURED]
    lines = [t.strip() for t in source.splitlines()]
    lengths = sorted(len(t) for t in lines if t)
    if not lengths:
        return None
    width = lengths[(len(lengths) - 1) * 9 // 10]
    if width > _MAX_WRAP:
        return None
    near = sum(1 for n in lengths if 0.8 * width <= n <= width)
    if width >= _MIN_WRAP and near >= 3 and near * 5 >= len(lengths) * 2:
        # In wrapped prose most lines are full (the next word would not have fitted); in a
        # list of lines of similar length (tour dates, a price list) most are not.
        # And most full lines stop inside a sentence; a list of one-sentence lines ends
        # every line with a full stop.
        pairs = full = ended = 0
        for a, b in itertools.pairwise(lines):
            if a and b:
                pairs += 1
                if len(a) + 1 + len(b.split(None, 1)[0]) > width:
                    full += 1
                    ended += bool(_SENTENCE_END.search(a))
        if full * 2 >= pairs and ended * 2 < full:
            return width
    return 0 if blank_lines else None


def _continues(prev: str, line: str, width: int | None) -> bool:
    """Does ``line`` continue the paragraph of ``prev`` (a hard wrap) or start a new one?

    In a hard-wrapped document (``width``), a line goes on when the previous line was full:
    the line's first word would not have fitted in the width. In a document of short lines
    whose paragraphs are separated by blank lines (``width`` 0), a line goes on until a
    blank line. Otherwise (one paragraph a line, as pasted from a web page) a line goes on
    when it starts in lower case after a line that did not end a sentence ("This could
    occur:" / "if ..."), or after a line that stops on a word no sentence ends with
    ("... south of" / "Caldey Island").
    """
    stripped = line.lstrip()
    if width == 0:
        return True  # blank lines end paragraphs, and only they do
    if width is not None:
        word = stripped.split(None, 1)[0] if stripped else ""
        return len(prev.rstrip()) + 1 + len(word) > width
    end = prev.rstrip()
    if stripped[:1].islower() and not _CAMEL.match(stripped):
        # A sentence cut by a line break goes on; short lines in lower case are a list
        # ("baby carrier" / "healthy snack bars"), and a heading may start with a brand
        # ("comwrap und eZ auf der DMEXCO").
        return bool(_OPEN_ENDING.search(end)) or (len(end) > 60 and not _SENTENCE_END.search(end))
    return bool(_OPEN_ENDING.search(end))


def _stands_alone(line: str) -> bool:
    """A line that is a paragraph of its own whatever is around it: a byline, page chrome."""
    t = line.strip()
    if not t or len(t) > _MAX_CHROME:
        return False
    if _URL_LINE.match(t):
        return True  # a link pasted on a line of its own
    if chrome_kind(t) is not None:
        return True
    # "By ...", "Written by ...": eight words at most (the pattern is case-blind)
    return t[:1] in "BbWwSsRr" and len(t) <= 120 and len(t.split()) <= 8 and is_byline(t)


def _caption_line(line: str) -> bool:
    """A line holding a credit ("... Photo: Agency"): a caption line when it starts one."""
    t = line.strip()
    # Every credit marker holds one of these (most lines hold none: no regex for them).
    low = t.lower()
    if not (
        ":" in low
        or "by" in low
        or "©" in low
        or "courtesy" in low
        or "copyright" in low
        or "(c)" in low
        or " / " in low
    ):
        return False
    return len(t.split()) <= MAX_CAPTION_WORDS and find_credit_marker(t) is not None


# A caption line that says so, with or without a credit: "Pictured: Cllr Anne Doyle cuts the
# ribbon", "Caption: …", "Image caption: …".
_IMAGE_SOURCE = lazy(r"\s*(?:image|photo|picture)\s+source\s*[:,]\s+(?=\S)", re.I)
_CAPTION_LEAD = lazy(r"\s*(?:pictured|(?:image\s+|photo\s+)?caption)\s*[:,]\s+\S", re.I)


def _group(
    doc: Document, source: str, lines: list[tuple[int, int]], breaks: list[tuple[int, int]], group: list[int]
) -> None:
    """Emit the lines of ``group`` as one block."""
    if not group:
        return
    builder = MappedTextBuilder()
    for i in group:
        if len(builder):
            builder.add(" ", *breaks[i])  # the line break reads as a space
        builder.add(source[lines[i][0] : lines[i][1]], lines[i][0])
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
    if marker is None and len(group) == 1 and len(words) <= MAX_CAPTION_WORDS and _CAPTION_LEAD.match(text.text):
        caption_block = Block(kind=CAPTION, span=span, text=text)
        credit = None
        last = doc.blocks[-1] if doc.blocks else None
        if last is not None and last.kind == PARAGRAPH and last.text is not None:
            m = _IMAGE_SOURCE.match(last.text.text)
            if m is not None:
                # BBC pages: "Image source, Jane Doe/BBC" then "Image caption, …" for one picture
                doc.blocks.pop()
                credit = slice_mapped(last.text, m.end(), len(last.text.text))
        image = ImageBlock(span=span, origin="text", caption=text, credit=credit, attrs={"caption_line": True})
        caption_block.parent = image
        doc.blocks.extend((image, caption_block))
        return
    if marker is not None:
        credit = slice_mapped(text, marker, len(text.text))
        caption_block = Block(kind=CAPTION, span=span, text=text)
        image = ImageBlock(span=span, origin="text", caption=text, credit=credit, attrs={"caption_line": True})
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
