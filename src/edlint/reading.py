"""The one place edlint reads articles: the engine, the cache key, --fix, --diff, the HTML
report and stdin all read through here, so every read is bounded and stays in the tree.

The *root* a file was reached from is the folder edlint was run in, for every path under
it; for a path given on the command line that lies outside it, that argument (a folder), or
the folder holding it (a file). A file is read only when, after resolving symlinks, it is
still inside its root, and never from a ``.git`` folder: a committed symlink to
``/etc/passwd`` or ``../.git/config`` is *skipped* (said once on stderr, as git and ruff
skip what they do not follow; it is not a finding and does not fail the run).

Only regular files are read (a FIFO would block, ``/dev/zero`` never ends): anything else,
and a file over ``max_file_size``, is a *problem* (a file-error finding). The size comes
from ``fstat`` on the open file, and at most ``max_size + 1`` bytes are read in any case
(a file may grow while it is read).
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from dataclasses import dataclass
from typing import BinaryIO

# config.DEFAULT_MAX_FILE_SIZE, not imported from there: a replayed run reads files through
# here without loading config validation (a test keeps the two equal).
DEFAULT_MAX_FILE_SIZE = 32 * 1024 * 1024

_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_NOFOLLOW", 0)
    | getattr(os, "O_NOCTTY", 0)
    | getattr(os, "O_BINARY", 0)
    | getattr(os, "O_CLOEXEC", 0)
)


@dataclass(frozen=True)
class Root:
    """A linted root: the path as given (absolute, symlinks kept) and where it really is."""

    given: str
    real: str

    @classmethod
    def of(cls, folder: str) -> Root:
        return cls(os.path.abspath(folder), os.path.realpath(folder))


class Read:
    """What reading a file gave: ``data``, or a ``problem`` (a file-error), or a ``skipped``
    reason (not read on purpose; not a finding)."""

    __slots__ = ("data", "problem", "skipped")

    def __init__(self, data: bytes | None = None, problem: str | None = None, skipped: str | None = None):
        self.data, self.problem, self.skipped = data, problem, skipped


def roots_for(arguments: Iterable[str], cwd: str | None = None) -> tuple[Root, ...]:
    """The roots of a run: the working folder, plus each argument outside it."""
    here = Root.of(cwd or os.getcwd())
    roots = [here]
    for arg in arguments:
        if arg == "-":
            continue
        full = os.path.abspath(arg)
        if _inside(full, here.given):
            continue
        folder = full if os.path.isdir(full) else os.path.dirname(full)
        root = Root.of(folder)
        if root not in roots:
            roots.append(root)
    return tuple(roots)


def root_for(path: str, roots: Iterable[Root] | None = None) -> Root:
    """The root ``path`` was reached from: the deepest root that holds it as written."""
    full = os.path.abspath(path)
    best: Root | None = None
    for root in roots or roots_for(()):
        if _inside(full, root.given) and (best is None or len(root.given) > len(best.given)):
            best = root
    return best if best is not None else Root.of(os.path.dirname(full))


def _inside(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def _in_git_folder(path: str, root: str) -> bool:
    rel = os.path.relpath(path, root)
    return ".git" in rel.split(os.sep)


def where_allowed(
    path: str, roots: Iterable[Root] | None = None, *, git_info: bool = False
) -> tuple[str | None, str | None]:
    """(the real path to read, None) or (None, why it is skipped). ``git_info``: the caller
    reads git's own ignore list (``.git/info/exclude``), the one file of ``.git`` edlint may
    open."""
    root = root_for(path, roots)
    full = os.path.abspath(path)
    in_git = ".git" in root.real.split(os.sep) or _in_git_folder(full, root.given)
    if in_git and not (git_info and full.endswith(os.path.join(".git", "info", "exclude"))):
        return None, "inside a .git folder; never read"
    real = os.path.realpath(path)
    if not _inside(real, root.real):
        return None, "a symbolic link to a file outside the linted folder; not followed"
    if _in_git_folder(real, root.real) and not in_git:
        return None, "a symbolic link into a .git folder; not followed"
    return real, None


def size_text(n: int) -> str:
    """32 MiB, 1.5 MiB, 2.0 KiB, 900 bytes."""
    if n >= 1 << 20:
        return f"{n / (1 << 20):.0f} MiB" if n % (1 << 20) == 0 else f"{n / (1 << 20):.1f} MiB"
    if n >= 1 << 10:
        return f"{n / (1 << 10):.1f} KiB"
    return f"{n} bytes"


def too_big(size: int, max_size: int) -> str:
    return f"File is {size_text(size)}, over the {size_text(max_size)} limit (max_file_size)"


def read_file(
    path: str, max_size: int = DEFAULT_MAX_FILE_SIZE, roots: Iterable[Root] | None = None, *, git_info: bool = False
) -> Read:
    """Read an article's (or a site file's) bytes, bounded and inside its root (see the
    module's doc)."""
    real, skipped = where_allowed(path, roots, git_info=git_info)
    if real is None:
        return Read(skipped=skipped)
    try:
        # stat before open: a FIFO or a device is never opened at all.
        st = os.stat(real)
        problem = _not_regular(st)
        if problem is not None:
            return Read(problem=problem)
        if st.st_size > max_size:
            return Read(problem=too_big(st.st_size, max_size))
        fd = os.open(real, _FLAGS)  # O_NOFOLLOW: the resolved name must not turn into a link
        with open(fd, "rb", buffering=0, closefd=True) as fh:
            st = os.fstat(fh.fileno())
            problem = _not_regular(st)
            if problem is not None:
                return Read(problem=problem)
            if st.st_size > max_size:
                return Read(problem=too_big(st.st_size, max_size))
            data = read_bounded(fh, max_size)
    except FileNotFoundError:
        return Read(problem="File not found")
    except PermissionError:
        return Read(problem="Permission denied: cannot read file")
    except OSError as exc:
        return Read(problem=f"Cannot read file: {exc.strerror or exc}")
    if data is None:
        return Read(problem=f"File is over the {size_text(max_size)} limit (max_file_size)")
    return Read(data=data)


def _not_regular(st: os.stat_result) -> str | None:
    mode = st.st_mode
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "Is a directory"
    kind = (
        "a named pipe (FIFO)"
        if stat.S_ISFIFO(mode)
        else "a socket"
        if stat.S_ISSOCK(mode)
        else "a device"
        if stat.S_ISCHR(mode) or stat.S_ISBLK(mode)
        else "not a regular file"
    )
    return f"Not a regular file: {kind}; not read"


def read_bounded(stream: BinaryIO, max_size: int) -> bytes | None:
    """At most ``max_size`` bytes from ``stream`` (None: there were more)."""
    chunks: list[bytes] = []
    left = max_size + 1
    while left > 0:
        chunk = stream.read(min(left, 1 << 20))
        if not chunk:
            break
        chunks.append(chunk)
        left -= len(chunk)
    data = b"".join(chunks)
    return None if len(data) > max_size else data


def read_text(
    path: str, max_size: int = DEFAULT_MAX_FILE_SIZE, roots: Iterable[Root] | None = None
) -> tuple[str | None, str | None, str | None]:
    """(text, problem, skipped) for an article: read_file, then decoded as UTF-8."""
    got = read_file(path, max_size, roots)
    if got.data is None:
        return None, got.problem, got.skipped
    from .parsers import decode

    text, problem = decode(got.data)
    if problem is not None:
        return None, problem[:1].upper() + problem[1:], None
    return text, None, None


# Config files, packs and site data (authors registry, image data) are small: a committed
# 2 GB "authors.yaml" must not be read whole.
MAX_SITE_FILE_SIZE = 16 * 1024 * 1024


def read_site_text(path: str, max_size: int = MAX_SITE_FILE_SIZE) -> str:
    """A config, pack or site-data file's text, read as articles are (inside the linted
    root, never through a symlink out of it or into .git, a regular file, bounded), for
    callers that handle ``OSError``/``UnicodeDecodeError`` as "cannot read": a refusal is an
    ``OSError`` saying why."""
    got = read_file(path, max_size)
    if got.data is None:
        raise OSError(got.skipped or got.problem or "cannot read")
    return got.data.decode("utf-8-sig")
