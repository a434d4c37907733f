"""CMS exports as input: a WordPress export (WXR) or a Ghost JSON export holds many posts;
each post becomes its own Document, named ``export.xml#post-1234`` (WXR: the post's id) or
``ghost.json#the-slug`` (Ghost), with positions in the export file.

The engine asks ``sniff`` whether a file named on the command line (or a ``.xml``/``.json``
file met in a folder) is an export, ``expand`` turns an export into its items (the units
of work: one FileResult each, so cross-file rules see every post), and ``load`` makes one
item's Document. Only the first bytes of a file are read to sniff it: an RSS feed without
WordPress's namespace, a sitemap or a data file is not an export.
"""

from __future__ import annotations

import os
from typing import Any

SNIFF_BYTES = 8192
EXPORT_SUFFIXES = (".xml", ".json")


class ExportItem(str):
    """One post of an export, as a path-like unit of work: its string value is the name
    findings carry (``export.xml#post-1234``); the attributes say how to read it."""

    file: str
    kind: str  # "wxr" | "ghost"
    ref: Any  # wxr.ItemRef, or ghost.GhostPost
    context: dict[str, Any]

    def __new__(cls, name: str, file: str, kind: str, ref: Any, context: dict[str, Any]) -> ExportItem:
        item = super().__new__(cls, name)
        item.file = file
        item.kind = kind
        item.ref = ref
        item.context = context
        return item

    def __reduce__(self) -> tuple:
        return (ExportItem, (str(self), self.file, self.kind, self.ref, self.context))


class ExportProblem(str):
    """An export that could not be expanded: linted, it is a file-error finding."""

    problem: str

    def __new__(cls, path: str, problem: str) -> ExportProblem:
        item = super().__new__(cls, path)
        item.problem = problem
        return item

    def __reduce__(self) -> tuple:
        return (ExportProblem, (str(self), self.problem))


def sniff_bytes(head: bytes) -> str | None:
    """``"wxr"``, ``"ghost"`` or None, from the first bytes of a file."""
    from .ghost import is_ghost_head
    from .wxr import is_wxr_head

    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped.startswith(b"<"):
        return "wxr" if is_wxr_head(stripped) else None
    if stripped.startswith(b"{"):
        return "ghost" if is_ghost_head(stripped) else None
    return None


def sniff(path: str, roots: Any = None) -> str | None:
    """Is ``path`` an export? Reads at most SNIFF_BYTES, inside the linted root."""
    from ...reading import where_allowed

    if not path.lower().endswith(EXPORT_SUFFIXES):
        return None
    real, _skipped = where_allowed(path, roots)
    if real is None:
        return None
    try:
        fd = os.open(real, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
        with open(fd, "rb", closefd=True) as fh:
            import stat

            if not stat.S_ISREG(os.fstat(fh.fileno()).st_mode):
                return None
            head = fh.read(SNIFF_BYTES)
    except OSError:
        return None
    return sniff_bytes(head)


def expand(path: str, kind: str, *, roots: Any = None, pages: bool = False, max_size: int) -> list[str]:
    """The items of an export (ExportItem), or one ExportProblem when it cannot be read."""
    from .wxr import ExportError

    try:
        if kind == "wxr":
            from .wxr_items import wxr_items

            return list(wxr_items(path, roots=roots, pages=pages))
        from .ghost import ghost_items

        return list(ghost_items(path, roots=roots, pages=pages, max_size=max_size))
    except ExportError as exc:
        return [ExportProblem(path, f"Cannot read export: {exc}")]
    except OSError as exc:
        return [ExportProblem(path, f"Cannot read export: {exc.strerror or exc}")]


def load(item: ExportItem, *, max_size: int, roots: Any = None) -> Any:
    """The item's Document (raises wxr.ExportError when the item cannot be read)."""
    if item.kind == "wxr":
        from .wxr_items import wxr_document

        return wxr_document(item, max_size=max_size, roots=roots)
    from .ghost import ghost_document

    return ghost_document(item)
