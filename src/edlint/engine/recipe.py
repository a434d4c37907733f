"""How a Linter was made, so that another process (a pool worker, a Dask worker) makes the
same one: the local pool and the Dask executor both send a :class:`LinterRecipe`."""

from __future__ import annotations

from typing import Any, NamedTuple


class LinterRecipe(NamedTuple):
    """Picklable: the Linter's class travels by reference (the pool cannot import linter.py,
    which imports the pool), its settings by value."""

    linter_class: type
    config: Any  # a config file path, a mapping, or None (discovered per file)
    cli: Any  # policy.CliOverrides
    force_exclude: bool = False
    extra_exclude: tuple[str, ...] = ()
    read_roots: Any = None
    respect_gitignore: bool | None = None
    allow_plugins: bool | None = None
    export_pages: bool = False

    @classmethod
    def of(cls, linter: Any) -> LinterRecipe:
        return cls(
            type(linter),
            linter._spec,
            linter.cli,
            linter.force_exclude,
            linter.extra_exclude,
            linter.read_roots,
            linter.respect_gitignore,
            linter.allow_plugins,
            linter.export_pages,
        )

    def make(self) -> Any:
        linter = self.linter_class(
            config=self.config,
            cli=self.cli,
            force_exclude=self.force_exclude,
            extra_exclude=self.extra_exclude,
            respect_gitignore=self.respect_gitignore,
            allow_plugins=self.allow_plugins,
        )
        linter.read_roots = self.read_roots
        linter.export_pages = self.export_pages
        return linter
