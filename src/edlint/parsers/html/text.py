"""Text runs, entities and character references into the current block's mapped text, with
HTML's whitespace collapsing (every character keeps its source offset)."""

from __future__ import annotations

import re
from html import unescape

from ...document import MappedTextBuilder


class _TextEvents:
    """The tokenizer's text callbacks (mixed into the walker)."""

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
