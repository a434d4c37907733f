"""Positions as the client counts them.

edlint's offsets are Python ``str`` indices (code points). LSP positions are (line,
character) where the character counts UTF-16 code units unless the client offered UTF-8 or
UTF-32 and the server chose it. Lines end at LF, CRLF or a lone CR in both worlds
(:class:`~edlint.document.LineIndex` counts them as LSP does).
"""

from __future__ import annotations

from typing import NamedTuple

from ..document import LineIndex

UTF8, UTF16, UTF32 = "utf-8", "utf-16", "utf-32"


class Position(NamedTuple):
    line: int  # 0-based
    character: int  # 0-based, in the encoding's code units


def units(text: str, encoding: str) -> int:
    """How many code units ``text`` takes in ``encoding``."""
    if encoding == UTF32 or text.isascii():
        return len(text)
    if encoding == UTF8:
        return len(text.encode("utf-8", "surrogatepass"))
    return len(text) + sum(1 for c in text if ord(c) > 0xFFFF)


class PositionMap:
    """Offsets of one text to positions, and back, in one encoding."""

    def __init__(self, text: str, encoding: str = UTF16) -> None:
        self.text = text
        self.encoding = encoding
        self.lines = LineIndex(text)

    def position(self, offset: int) -> Position:
        offset = max(0, min(offset, len(self.text)))
        line = self.lines.line_of(offset)
        start = self.lines.starts[line]
        return Position(line, units(self.text[start:offset], self.encoding))

    def offset(self, line: int, character: int) -> int:
        """The code-point offset of a client position (clamped to the text; a position
        inside a character that takes several units lands on that character)."""
        starts = self.lines.starts
        if line < 0:
            return 0
        if line >= len(starts):
            return len(self.text)
        start = starts[line]
        end = starts[line + 1] if line + 1 < len(starts) else len(self.text)
        line_text = self.text[start:end].rstrip("\r\n")
        if self.encoding == UTF32 or line_text.isascii():
            return start + max(0, min(character, len(line_text)))
        count = 0
        for i, c in enumerate(line_text):
            if count >= character:
                return start + i
            count += units(c, self.encoding)
            if count > character:
                return start + i
        return start + len(line_text)
