"""The per-document view every date rule reads, and helpers for reporting into a block."""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field

from ...document import BYLINE, CAPTION, Block, Document, MetaField, Span
from ...text.dates import (
    DateMention,
    MetaDate,
    file_name_date,
    find_dates,
    parse_meta_date,
)
from ...text.page_chrome import is_page_chrome
from ..base import Applicability, Fix
from .options import DatesOptions


@dataclass
class DocDates:
    """The dates of one document: mentions in the text, the publication date, the file-name date."""

    mentions: list[tuple[Block, DateMention]] = field(default_factory=list)
    pub: MetaDate | None = None  # the publication date, as read from metadata
    pub_field: MetaField | None = None
    file_date: _dt.date | None = None
    file_date_text: str = ""


def _text_blocks(doc: Document) -> list[Block]:
    """Prose blocks, plus image captions that no prose block holds (a Markdown image title)."""
    # A footer, a sidebar of other stories or a cookie banner is the site's text: its dates
    # are not the article's (a sidebar headline's "November 7th" sets no style).
    blocks = [b for b in doc.prose if not is_page_chrome(b)]
    captioned = [img for img in doc.images if img.caption is not None and img.caption.text]
    if not captioned:
        return blocks
    seen = {(b.text.span.start, b.text.span.end) for b in blocks if b.kind == CAPTION}
    extra = False
    for img in captioned:
        cap = img.caption
        if cap is not None and cap.text and (cap.span.start, cap.span.end) not in seen:
            blocks.append(Block(kind=CAPTION, span=cap.span, text=cap, container=img.container))
            seen.add((cap.span.start, cap.span.end))
            extra = True
    if extra:
        blocks.sort(key=lambda b: b.text.span.start)
    return blocks


def _build(doc: Document, fields: tuple[str, ...]) -> DocDates:
    out = DocDates()
    for block in _text_blocks(doc):
        for d in find_dates(block.text.text):
            out.mentions.append((block, d))
    for key in fields:
        f = _meta(doc, key)
        if f is not None and f.value not in (None, ""):
            out.pub, out.pub_field = parse_meta_date(f.value), f
            break
    out.file_date, out.file_date_text = file_name_date(doc.path or "")
    return out


def _meta(doc: Document, key: str) -> MetaField | None:
    f = doc.metadata.get(key)
    if f is None and key.lower() != key:
        f = doc.metadata.get(key.lower())
    return f


_CLOCK = re.compile(r"\b\d{1,2}:\d{2}\b|\b\d{1,2}(?:[.:]\d{2})?\s*[ap]\.?m\b", re.I)
_STAMP_WORDS = re.compile(
    r"^\W*(?:(?:first\s+|last\s+)?(?:published|updated|posted|modified|created|edited)\b|by\s)", re.I
)


def _is_dateline(block: Block, dates: list[DateMention]) -> bool:
    """A page's own timestamp, byline or link label ("Published 7:07 PM EST Nov 19, 2019",
    "Wednesday 20 November 2019", "Jane Doe • Nov 18", "Nov 8 35 photos"): the template's
    date format, not the writer's."""
    if block.kind == BYLINE:
        return True
    if block.kind == "table_cell":
        return False  # a table's dates are judged as a table's (see check_tables)
    text = block.text.text
    if len(text) > 160:
        return False
    if len(text.split()) <= 16 and (_CLOCK.search(text) or _STAMP_WORDS.match(text)):
        return True
    rest, pos = [], 0
    for d in dates:
        start = d.weekday_start if 0 <= d.weekday_start < d.start else d.start
        rest.append(text[pos:start])
        pos = max(d.end, d.weekday_end)
    rest.append(text[pos:])
    words = "".join(rest).split()
    return len(words) <= 6 and not text.rstrip().endswith((".", "!", "?", '"', "”", "’"))


def doc_dates(doc: Document, opts: DatesOptions | None = None) -> DocDates:
    fields = (opts or DatesOptions()).date_fields
    return doc.view(f"dates:{','.join(fields)}", lambda d: _build(d, fields))


def _span(block: Block, start: int, end: int) -> Span:
    return block.text.source_span(start, end)


def _replace_fix(
    doc: Document, block: Block, start: int, end: int, new: str, title: str, span: Span | None = None
) -> Fix | None:
    """An unsafe fix replacing text ``[start, end)`` of a block, if it is verbatim source.
    ``span``: that text's source span, when the caller has it already."""
    if span is None:
        span = _span(block, start, end)
    if doc.source[span.start : span.end] != block.text.text[start:end]:
        return None  # markup inside the date: leave it to the editor
    return Fix.replace(span, new, title, Applicability.UNSAFE)
