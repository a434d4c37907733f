"""Where the text of an export item was written: a map from the item's Document offsets back
to the line and column of the export file.

An item's Document is built from pieces of the export (the post's HTML, its title, excerpt
...), each read by the XML parser as runs of character data that never cross a line. Each run
is recorded with the file position where it starts; a run read verbatim (CDATA, plain text)
maps offset for offset, a run that replaced its source (``&amp;``, ``&#233;``, ``\\u00e9`` in
JSON) maps every offset to the start of what it replaced.
"""

from __future__ import annotations

from array import array
from bisect import bisect_right
from collections.abc import Iterator

from ...document import LineIndex


class PieceBuilder:
    """Collects the text of an item with the file position of each run."""

    __slots__ = ("_cols", "_len", "_lines", "_offsets", "_parts", "_verbatim")

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._offsets = array("q")
        self._lines = array("q")
        self._cols = array("q")
        self._verbatim = array("b")
        self._len = 0

    def __len__(self) -> int:
        return self._len

    def add(self, text: str, line: int, column: int, verbatim: bool = True) -> None:
        """``text`` starts at 1-based ``line``, 0-based ``column`` (code points) of the file."""
        if not text:
            return
        self._parts.append(text)
        self._offsets.append(self._len)
        self._lines.append(line)
        self._cols.append(column)
        self._verbatim.append(1 if verbatim else 0)
        self._len += len(text)

    def add_gap(self, text: str) -> None:
        """Text that is in no file (a separator between pieces): it maps to where the run
        before it ended."""
        if not text:
            return
        if self._offsets:
            k = len(self._offsets) - 1
            end = self._len - self._offsets[k]
            line = self._lines[k]
            col = self._cols[k] + (end if self._verbatim[k] else 0)
        else:
            line, col = 1, 0
        self.add(text, line, col, verbatim=False)

    def text(self) -> str:
        return "".join(self._parts)

    def runs(self) -> Iterator[tuple[str, int, int, bool]]:
        """(text, line, column, verbatim) of each run, in order."""
        for k, part in enumerate(self._parts):
            yield part, self._lines[k], self._cols[k], bool(self._verbatim[k])

    def first_position(self) -> tuple[int, int] | None:
        return (self._lines[0], self._cols[0]) if self._parts else None

    def index(self, source: str) -> ExportLineIndex:
        return ExportLineIndex(source, self._offsets, self._lines, self._cols, self._verbatim)


class ExportLineIndex(LineIndex):
    """A LineIndex whose ``position`` answers in the export file's lines and columns.

    ``line_of``/``line_start`` stay those of the item's own text (suppression comments and
    parsers count lines there, consistently); ``position`` is what findings are located
    with, so reports point into the export."""

    __slots__ = ("_cols", "_lines", "_offsets", "_verbatim")

    def __init__(self, text: str, offsets: array, lines: array, cols: array, verbatim: array) -> None:
        super().__init__(text)
        self._offsets = offsets
        self._lines = lines
        self._cols = cols
        self._verbatim = verbatim

    def position(self, offset: int) -> tuple[int, int]:
        if not self._offsets:
            return 1, 1
        offset = max(0, min(offset, self.length))
        k = bisect_right(self._offsets, offset) - 1
        if k < 0:
            k = 0
        inside = offset - self._offsets[k]
        if not self._verbatim[k]:
            inside = 0
        return self._lines[k], self._cols[k] + inside + 1

    def __reduce__(self) -> tuple:
        # Sent to and from worker processes with the item's facts.
        source_len = self.length
        return (_rebuild, (self.starts, source_len, self._offsets, self._lines, self._cols, self._verbatim))


def _rebuild(
    starts: list[int], length: int, offsets: array, lines: array, cols: array, verbatim: array
) -> ExportLineIndex:
    index = ExportLineIndex.__new__(ExportLineIndex)
    index.starts = starts
    index.length = length
    index._offsets = offsets
    index._lines = lines
    index._cols = cols
    index._verbatim = verbatim
    return index
