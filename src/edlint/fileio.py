"""Writing files so that a crash or Ctrl-C never leaves a half-written one."""

from __future__ import annotations

import os
import stat


def _new_temp_file(folder: str, name: str) -> tuple[int, str]:
    """A new, private file beside the target, as tempfile.mkstemp makes one (which would
    import shutil, random and more: a tenth of a one-file run's start-up)."""
    while True:
        tmp = os.path.join(folder, f".{name}.{os.getpid()}.{os.urandom(6).hex()}.edlint-tmp")
        try:
            return os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600), tmp
        except FileExistsError:
            continue


def write_atomic(path: str, data: bytes, *, expected: bytes | None = None, sync: bool = True) -> bool:
    """Replace ``path`` with ``data`` through a temporary file in the same folder and a rename.

    Keeps the file's permission bits (and owner, where allowed). With ``expected``, the file
    is written only if its current content is still ``expected`` (returns False otherwise):
    an editor who saved the file meanwhile is not overwritten. A symlink is followed: the
    file it points to is replaced, the link stays.
    """
    target = os.path.realpath(path)
    folder = os.path.dirname(target) or "."
    try:
        st: os.stat_result | None = os.stat(target)
    except FileNotFoundError:
        st = None  # a new file (the cache store): default permissions
    if expected is not None:
        with open(target, "rb") as fh:
            if fh.read() != expected:
                return False
    fd, tmp = _new_temp_file(folder, os.path.basename(target))
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
        if st is not None and hasattr(os, "chown"):
            try:
                os.chown(tmp, st.st_uid, st.st_gid)
            except OSError:
                pass
        if expected is not None:
            # Last look just before the rename (the window left is a few microseconds).
            with open(target, "rb") as fh:
                if fh.read() != expected:
                    os.unlink(tmp)
                    return False
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    return True


def printable_path(path: str) -> str:
    """A file name that is not UTF-8 (os.listdir gives lone surrogates for its bytes) as
    valid text, so JSON, SARIF and HTML reports stay valid UTF-8: caf\\xe9.md."""
    return path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
