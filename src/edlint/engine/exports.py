"""One file -> many Documents: a CMS export (WordPress WXR, Ghost JSON) is linted as its
posts, each a unit of work of its own (a FileResult named ``export.xml#post-1234``), so the
pool, the cache-less path and the cross-file rules treat every post as they treat a file.

A part of :class:`~edlint.engine.linter.Linter` (its state is set up in ``Linter.__init__``).
Plain files pass through untouched: nothing here is imported unless a file named on the
command line ends in ``.xml``/``.json`` or a folder holds one.
"""

from __future__ import annotations

from ..results import FileResult
from .lint import _file_error

EXPORT_SUFFIXES = (".xml", ".json")


class Exports:
    """Expanding exports into their items, and linting one item."""

    # Pages (post type "page") are linted too when set (the API's and --export-pages' say).
    export_pages = False

    def expand_exports(self, files: list[str]) -> list[str]:
        if not any(f.lower().endswith(EXPORT_SUFFIXES) for f in files if type(f) is str):
            return files
        from ..parsers.exports import expand, sniff

        out: list[str] = []
        for path in files:
            kind = sniff(path, self.read_roots) if path.lower().endswith(EXPORT_SUFFIXES) else None
            if kind is None:
                out.append(path)
                continue
            self.inputs.block("a CMS export is linted as its posts")  # no whole-run replay
            settings = self.settings_for(path, self.config_for(path))
            # The export itself may be far over max_file_size (it is streamed); each post
            # is held to the limit on its own (Ghost's JSON is read whole: held to 16 times it).
            out.extend(
                expand(path, kind, roots=self.read_roots, pages=self.export_pages, max_size=settings.max_file_size * 16)
            )
        return out

    def lint_export_item(self, item: str) -> FileResult:
        """Lint one post of an export (an ExportItem), or report an export that could not
        be read (an ExportProblem)."""
        from ..parsers.exports import ExportProblem, load
        from ..parsers.exports.wxr import ExportError
        from ..site import page_kind, set_language

        result = FileResult(path=item)
        if isinstance(item, ExportProblem):
            result.findings.append(_file_error(str(item), item.problem))
            return result
        config = self.config_for(item)
        settings = self.settings_for(item, config)
        result.settings = settings
        try:
            doc = load(item, max_size=settings.max_file_size, roots=self.read_roots)
        except (ExportError, OSError) as exc:
            result.findings.append(_file_error(str(item), f"Cannot read post: {exc}"))
            return result
        doc.site = self.site_data(config, settings)
        site = self.site_for(item.file, config)
        kind = doc.page_kind
        channel_language = item.context.get("language")
        set_language(doc, site, config)
        if channel_language and doc.language_source in ("default", "site") and not config.language_given:
            # The export's own <language> (WordPress: Settings -> General) is the site's.
            doc.language = channel_language
            doc.language_source = "site"
        doc.page_kind = kind if kind != "article" else page_kind(item, doc, site, config)
        return self.lint_document(doc, settings, result)
