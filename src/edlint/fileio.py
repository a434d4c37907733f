"""Writing files so that a crash or Ctrl-C never leaves a half-written one, and so that a
symlink planted in the tree can never redirect a write outside it.

Every write edlint makes (fixes, the cache store and its tag files, baselines) goes through
this module: a new private temporary file created with ``O_EXCL | O_NOFOLLOW`` beside the
target, then a rename over the target. A rename replaces a symlink itself, never the file it
points to, and a target that is a symlink is refused before anything is written.
"""

from __future__ import annotations

import errno
import os
import stat
from typing import Any

TEMP_SUFFIX = ".edlint-tmp"
# A temporary file left by a killed run is removed by a later run once it is this old and
# the process that made it is gone.
STALE_TEMP_AGE = 60.0

_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_BINARY = getattr(os, "O_BINARY", 0)
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)


class SymlinkRefused(OSError):
    """A write whose target is a symlink (it would land wherever the link points)."""

    def __init__(self, path: str) -> None:
        super().__init__(errno.ELOOP, "is a symbolic link; not written through it", path)


def _new_temp_file(folder: str, name: str) -> tuple[int, str]:
    """A new, private file beside the target, as tempfile.mkstemp makes one (which would
    import shutil, random and more: a tenth of a one-file run's start-up). ``O_EXCL`` and
    ``O_NOFOLLOW``: a name planted in advance (a symlink included) is never opened."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW | _BINARY | _CLOEXEC
    while True:
        tmp = os.path.join(folder, f".{name}.{os.getpid()}.{os.urandom(6).hex()}{TEMP_SUFFIX}")
        try:
            return os.open(tmp, flags, 0o600), tmp
        except FileExistsError:
            continue


def is_symlink(path: str) -> bool:
    try:
        return stat.S_ISLNK(os.lstat(path).st_mode)
    except OSError:
        return False


def leaves_working_folder(path: str) -> bool:
    """True when ``path`` is inside the working folder as written but a symlink among its
    folders leads out of it (a committed ``reports -> /home/runner/.ssh``). Paths written
    outside the working folder are the user's own choice and are not judged here."""
    here = os.getcwd()
    full = os.path.abspath(path)
    if not full.startswith(here.rstrip(os.sep) + os.sep):
        return False
    real_here = os.path.realpath(here)
    real_folder = os.path.realpath(os.path.dirname(full))
    return not (real_folder == real_here or real_folder.startswith(real_here.rstrip(os.sep) + os.sep))


class LeavesWorkingFolder(OSError):
    def __init__(self, path: str) -> None:
        super().__init__(errno.EXDEV, "its folder is a symbolic link out of the working folder; not written", path)


def open_output(path: str) -> Any:
    """Open ``--output`` for writing text. Inside the working folder: never through a
    symlink (its own name or one of its folders), never a FIFO or a device (opened without
    blocking, then checked), so a committed ``edlint-report.html -> ~/.bashrc`` is refused.
    Elsewhere (``/dev/stdout``, ``/tmp/report.txt``): opened as asked."""
    here = os.getcwd()
    if not os.path.abspath(path).startswith(here.rstrip(os.sep) + os.sep):
        return open(path, "w", encoding="utf-8", newline="")
    if leaves_working_folder(path):
        raise LeavesWorkingFolder(path)
    if is_symlink(path):
        raise SymlinkRefused(path)
    flags = os.O_WRONLY | os.O_CREAT | _NOFOLLOW | _BINARY | _CLOEXEC | getattr(os, "O_NONBLOCK", 0)
    fd = os.open(path, flags, 0o666)  # a FIFO without a reader: ENXIO, not a hang
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise OSError(errno.EINVAL, "not a regular file; not written", path)
        os.ftruncate(fd, 0)
    except BaseException:
        os.close(fd)
        raise
    return os.fdopen(fd, "w", encoding="utf-8", newline="")


def write_atomic(
    path: str, data: bytes, *, expected: bytes | None = None, sync: bool = True, keep_owner: bool = False
) -> bool:
    """Replace ``path`` with ``data`` through a temporary file in the same folder and a rename.

    Keeps the file's permission bits and, where the process may, its owner and group; with
    ``keep_owner``, a file whose owner cannot be kept is not written (PermissionError). With
    ``expected``, the file is written only if its current content is still ``expected``
    (returns False otherwise): an editor who saved the file meanwhile is not overwritten.
    A ``path`` that is a symlink is refused (SymlinkRefused): neither the link nor the file
    it points to is touched.
    """
    if is_symlink(path):
        raise SymlinkRefused(path)
    if leaves_working_folder(path):
        raise LeavesWorkingFolder(path)
    folder = os.path.dirname(path) or "."
    try:
        st: os.stat_result | None = os.lstat(path)
    except FileNotFoundError:
        st = None  # a new file (the cache store): default permissions
    if st is not None and not stat.S_ISREG(st.st_mode):
        raise OSError(errno.EINVAL, "not a regular file; not replaced", path)
    if expected is not None and _current(path) != expected:
        return False
    fd, tmp = _new_temp_file(folder, os.path.basename(path))
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            if sync:
                fh.flush()
                os.fsync(fh.fileno())
        if st is None:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)
        else:
            os.chmod(tmp, stat.S_IMODE(st.st_mode))
            if hasattr(os, "chown") and (st.st_uid, st.st_gid) != _owner(tmp):
                try:
                    os.chown(tmp, st.st_uid, st.st_gid)
                except OSError:
                    if keep_owner:
                        raise PermissionError(
                            errno.EPERM, "owned by another user; replacing it would change its owner", path
                        ) from None
        if expected is not None and _current(path) != expected:
            # Last look just before the rename (the window left is a few microseconds).
            os.unlink(tmp)
            return False
        if is_symlink(path):
            raise SymlinkRefused(path)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    return True


def _owner(path: str) -> tuple[int, int]:
    st = os.lstat(path)
    return st.st_uid, st.st_gid


def _current(path: str) -> bytes | None:
    """The file's content, read without following a symlink (None: gone)."""
    try:
        fd = os.open(path, os.O_RDONLY | _NOFOLLOW | _BINARY | _CLOEXEC | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        return None
    with os.fdopen(fd, "rb") as fh:
        return fh.read()


def read_own_file(path: str, max_size: int | None = None) -> bytes | None:
    """A file edlint itself wrote (a cache store), or None: absent, a symlink, not a regular
    file, unreadable, or over ``max_size``. Never follows a symlink, never blocks on a FIFO."""
    try:
        fd = os.open(path, os.O_RDONLY | _NOFOLLOW | _BINARY | _CLOEXEC | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return None
    with os.fdopen(fd, "rb") as fh:
        try:
            st = os.fstat(fh.fileno())
            if not stat.S_ISREG(st.st_mode) or (max_size is not None and st.st_size > max_size):
                return None
            data = fh.read() if max_size is None else fh.read(max_size + 1)
        except OSError:
            return None
    return None if max_size is not None and len(data) > max_size else data


def create_new(path: str, data: bytes) -> bool:
    """Create ``path`` with ``data`` unless something (a file, a folder, a symlink) is
    already there: ``O_CREAT | O_EXCL | O_NOFOLLOW``. True when written."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW | _BINARY | _CLOEXEC
    try:
        fd = os.open(path, flags, 0o666)
    except FileExistsError:
        return False
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)
    return True


def append_no_follow(path: str, data: bytes) -> None:
    """Append ``data`` to ``path`` (created if absent), never through a symlink and only to
    a regular file (an answer cache written one line per entry: the LanguageTool client)."""
    flags = os.O_WRONLY | os.O_APPEND | os.O_CREAT | _NOFOLLOW | _BINARY | _CLOEXEC | getattr(os, "O_NONBLOCK", 0)
    fd = os.open(path, flags, 0o666)  # ELOOP on a symlink
    with os.fdopen(fd, "ab") as fh:
        if not stat.S_ISREG(os.fstat(fh.fileno()).st_mode):
            raise OSError(errno.EINVAL, "not a regular file; not appended to", path)
        fh.write(data)


def writable_in_place(path: str) -> str | None:
    """Why the user could not save ``path`` in place (None: they could). A file without
    any write permission is read-only on purpose, even for root, who may write anything."""
    try:
        st = os.lstat(path)
    except OSError as exc:
        return exc.strerror or str(exc)
    if stat.S_ISLNK(st.st_mode):
        return "is a symbolic link; fixes are not written through it"
    if not stat.S_ISREG(st.st_mode):
        return "is not a regular file"
    if not st.st_mode & 0o222 or not os.access(path, os.W_OK):
        return "is read-only"
    folder = os.path.dirname(path) or "."
    if not os.access(folder, os.W_OK | os.X_OK):
        return "is in a folder that is not writable"
    return None


def remove_stale_temps(folder: str, *, now: float | None = None) -> int:
    """Remove ``.NAME.PID.HEX.edlint-tmp`` files that a killed run (SIGKILL, power loss) left
    in ``folder``: only regular files, older than STALE_TEMP_AGE, whose process is gone.
    Returns how many were removed."""
    import time

    now = time.time() if now is None else now
    removed = 0
    try:
        names = [n for n in os.listdir(folder) if n.startswith(".") and n.endswith(TEMP_SUFFIX)]
    except OSError:
        return 0
    for name in names:
        parts = name[: -len(TEMP_SUFFIX)].rsplit(".", 2)
        if len(parts) != 3 or not parts[1].isdigit() or len(parts[2]) != 12:
            continue
        pid = int(parts[1])
        path = os.path.join(folder, name)
        try:
            st = os.lstat(path)
        except OSError:
            continue
        if not stat.S_ISREG(st.st_mode) or now - st.st_mtime < STALE_TEMP_AGE or _alive(pid):
            continue
        try:
            os.unlink(path)
            removed += 1
        except OSError:
            pass
    return removed


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True  # someone else's process, or we cannot tell: leave its file alone
    return True


def printable_path(path: str) -> str:
    """A file name that is not UTF-8 (os.listdir gives lone surrogates for its bytes) as
    valid text, so JSON, SARIF and HTML reports stay valid UTF-8: caf\\xe9.md."""
    return path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
