"""Which files a run lints: folders walked without following links, excludes, site layout
and ignore files.

A part of :class:`~edlint.engine.linter.Linter` (its state is set up in ``Linter.__init__``).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from typing import Any

from ..config import DEFAULT_EXCLUDE, Config
from ..globs import matches_any
from ..parsers import format_for
from ..policy import relpath_for
from ..site import Site


class Discovery:
    """Files and folders named on the command line -> the files to lint."""

    def site_for(self, path: str, config: Config | None = None) -> Site:
        config = config or self.config_for(path)
        return self.sites.site_for(path, config.root, config.site)

    def _ignore_rules(self) -> Any:
        if self._ignores is None:
            from ..site.ignore import IgnoreRules

            self._ignores = IgnoreRules(note=self.inputs.note, floor=os.getcwd())
        return self._ignores

    def _respects_gitignore(self, config: Config) -> bool:
        return config.respect_gitignore if self.respect_gitignore is None else self.respect_gitignore

    def excluded(self, path: str, explicit: bool, is_dir: bool = False, layout: bool = True, chain: Any = None) -> bool:
        """Is ``path`` left out? Config and --exclude globs, the site's never-content folders
        (``layout``), and ignore files. A path named on the command line is linted unless
        --force-exclude."""
        if explicit and not self.force_exclude:
            return False
        cfg = self.config_for(path if not is_dir else os.path.join(path, "x.md"))
        rel = relpath_for(path, cfg.root)
        if matches_any(rel, cfg.exclude + self.extra_exclude, is_dir):
            return True
        if layout:
            site = self.site_for(path, cfg)
            if site.skip_dir(path) if is_dir else site.skip_file(path):
                return True
        if self._respects_gitignore(cfg):
            rules = self._ignore_rules()
            if chain is None:
                chain = rules.chain(os.path.dirname(os.path.abspath(path)))
            if rules.ignored(os.path.abspath(path), is_dir, chain):
                return True
        return False

    def discover(self, paths: Iterable[str]) -> Iterator[str]:
        seen: set[str] = set()
        for given in paths:
            if os.path.isdir(given):
                for path in self._walk(given):
                    real = os.path.realpath(path)
                    if real not in seen:
                        seen.add(real)
                        yield path
            else:
                real = os.path.realpath(given)
                if real in seen:
                    continue
                seen.add(real)
                if not self.excluded(given, explicit=True):
                    yield given

    def _walk(self, top: str) -> Iterator[str]:
        # os.walk without following symlinks: a directory symlink loop cannot trap us, and
        # nothing outside the linted folder is read through a link.
        def unreadable(err: OSError) -> None:
            # A folder that cannot be listed must fail the run, not silently pass.
            if err.filename:
                self.unreadable_folders.append((str(err.filename), err.strerror or str(err)))

        if ".git" in os.path.abspath(top).split(os.sep):
            return  # a repository's internals are never articles, even when named
        top_real = os.path.realpath(top)
        top_config = self.config_for(os.path.join(top, "x.md"))
        # A folder named on the command line that the site's layout would skip (`edlint
        # check static/`) is linted as asked: the layout applies below folders it allows.
        layout = not self.site_for(top, top_config).skip_dir(top)
        # Folders are signed before they are listed: a file added meanwhile changes the
        # signature, so a replay cannot miss it.
        self.inputs.note(top)
        for dirpath, dirnames, filenames in os.walk(top, onerror=unreadable, followlinks=False):
            self.sites.seed(dirpath, dirnames + filenames)
            chain = None
            if self._respects_gitignore(self.config_for(os.path.join(dirpath, "x.md"))):
                chain = self._ignore_rules().chain(dirpath, names=set(filenames))
            kept = []
            for d in sorted(dirnames):
                full = os.path.join(dirpath, d)
                if d.startswith(".") or d in DEFAULT_EXCLUDE:
                    continue
                if os.path.islink(full):
                    self._skip_link(full, top_real)
                    continue
                if not self.excluded(full, explicit=False, is_dir=True, layout=layout, chain=chain):
                    kept.append(d)
            dirnames[:] = kept
            for d in dirnames:
                self.inputs.note(os.path.join(dirpath, d))
            for name in sorted(filenames):
                path = os.path.join(dirpath, name)
                if format_for(name) is None and not self._is_export(path):
                    continue
                if not self.excluded(path, explicit=False, layout=layout, chain=chain):
                    yield path

    def _is_export(self, path: str) -> bool:
        """A CMS export met in a folder (engine/exports.py); other .xml/.json files are not
        articles."""
        if not path.lower().endswith((".xml", ".json")):
            return False
        from ..parsers.exports import sniff

        return sniff(path, self.read_roots) is not None

    def _skip_link(self, path: str, top_real: str) -> None:
        """A symlinked folder is not followed. Its target inside the linted folder is linted
        where it really is; a target outside is not linted at all, and that is said once."""
        target = os.path.realpath(path)
        if target == top_real or target.startswith(top_real.rstrip(os.sep) + os.sep):
            return
        if target not in self._said_skipped:
            self._said_skipped.add(target)
            self.messages.append(f"skipped {path}: a symlinked folder that leads outside the linted folder")
