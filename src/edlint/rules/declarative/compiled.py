"""The shipped packs, compiled when edlint is built, so a run does not rebuild them.

Loading the three shipped packs from YAML (compose, validate, expand the word lists, build
the look-up tables) costs about 30 ms of every run: a fifth of a one-file check. The build
hook (``hatch_build.py``) runs ``python -m edlint.rules.declarative.compile_packs FILE``
when the package is built or installed (editable installs too), which pickles the loaded
packs into ``edlint/_shipped_packs.pickle``; a run unpickles them in about 6 ms.

The file is used only when it matches what is installed now: its key is a digest of the
pack files and of the source of every module whose objects it holds (and edlint's
version). Edit a pack or a check type without rebuilding and the key differs: the packs
are loaded from YAML as before, only slower. The file is edlint's own, read from edlint's
own folder (never from a linted tree), like the ``.pyc`` files beside it.

Paths inside the packs (``Rule.origin``, messages naming the pack file) are written with
the packs' folder as a placeholder and given the folder they are in at run time.
"""

from __future__ import annotations

import io
import json
import os
import sys
from typing import TYPE_CHECKING, Any

try:
    # The C pickler and blake2 without the `pickle` and `hashlib` modules around them:
    # importing those (hashlib loads OpenSSL) would cost a run 5 ms of the 20 this saves.
    from _blake2 import blake2b
    from _pickle import Pickler, Unpickler, UnpicklingError
except ImportError:  # pragma: no cover - a Python built without them
    from hashlib import blake2b
    from pickle import Pickler, Unpickler, UnpicklingError  # type: ignore[assignment]

_PROTOCOL = 5

if TYPE_CHECKING:
    from .packs import Pack

FILE_NAME = "_shipped_packs.pickle"
_MAGIC = b"edlint-compiled-packs 1\n"
_FOLDER = "\0packs\0"  # stands for the shipped packs' folder inside pickled strings


def compiled_path() -> str:
    package = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    return os.path.join(package, FILE_NAME)


def key_of(pack_paths: list[str], modules: list[str]) -> str | None:
    """A digest of what the compiled packs were made from; None when a module's source
    cannot be found (then the file is not trusted to match)."""
    from ... import __version__

    digest = blake2b(digest_size=20)
    digest.update(_MAGIC + __version__.encode())
    for path in pack_paths:
        digest.update(os.path.basename(path).encode() + b"\0")
        with open(path, "rb") as f:
            digest.update(f.read())
    for name in modules:
        source = _source_of(name)
        if source is None:
            return None
        digest.update(name.encode() + b"\0")
        with open(source, "rb") as f:
            digest.update(f.read())
    return digest.hexdigest()


def _source_of(module: str) -> str | None:
    loaded = sys.modules.get(module)
    path = getattr(loaded, "__file__", None)
    if path is None:
        import importlib.util

        try:
            spec = importlib.util.find_spec(module)
        except (ImportError, ValueError):
            return None
        path = spec.origin if spec is not None else None
    return path if path and path.endswith(".py") and os.path.isfile(path) else None


# -- writing (at build time) -------------------------------------------------------------------
class _Pickler(Pickler):
    def __init__(self, file: io.BytesIO, folder: str) -> None:
        super().__init__(file, protocol=_PROTOCOL)
        self.folder = folder
        self.modules: set[str] = set()

    def persistent_id(self, obj: Any) -> Any:
        if isinstance(obj, str):
            return ("path", obj.replace(self.folder, _FOLDER)) if self.folder in obj else None
        module = getattr(obj if isinstance(obj, type) else type(obj), "__module__", None)
        if isinstance(module, str) and module.startswith("edlint"):
            self.modules.add(module)
        return None


def dump(loaded: list[Pack], pack_paths: list[str]) -> bytes:
    """The compiled form of ``loaded``, the packs read from ``pack_paths``."""
    folder = os.path.dirname(pack_paths[0])
    buffer = io.BytesIO()
    pickler = _Pickler(buffer, folder)
    pickler.dump(loaded)
    modules = sorted(pickler.modules | {__name__, "edlint.rules.declarative.packs"})
    key = key_of(pack_paths, modules)
    if key is None:
        raise ValueError("cannot find the source of a pickled module")
    header = json.dumps({"key": key, "packs": [os.path.basename(p) for p in pack_paths], "modules": modules})
    return _MAGIC + header.encode() + b"\n" + buffer.getvalue()


# -- reading (at run time) ---------------------------------------------------------------------
class _Unpickler(Unpickler):
    def __init__(self, file: io.BytesIO, folder: str) -> None:
        super().__init__(file)
        self.folder = folder

    def persistent_load(self, pid: Any) -> Any:
        kind, text = pid
        if kind != "path":
            raise UnpicklingError(f"unknown persistent id {kind!r}")
        return text.replace(_FOLDER, self.folder)


def load(pack_paths: list[str]) -> list[Pack] | None:
    """The compiled shipped packs, or None when there are none that match ``pack_paths``."""
    try:
        with open(compiled_path(), "rb") as f:
            data = f.read()
    except OSError:
        return None
    if not data.startswith(_MAGIC) or not pack_paths:
        return None
    try:
        line_end = data.index(b"\n", len(_MAGIC))
        header = json.loads(data[len(_MAGIC) : line_end])
        if header["packs"] != [os.path.basename(p) for p in pack_paths]:
            return None
        if key_of(pack_paths, list(header["modules"])) != header["key"]:
            return None
        folder = os.path.dirname(pack_paths[0])
        return _Unpickler(io.BytesIO(data[line_end + 1 :]), folder).load()
    except (ValueError, KeyError, TypeError, OSError, UnpicklingError, AttributeError, ImportError, EOFError):
        return None
