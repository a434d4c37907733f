"""`edlint check`: turns the flags into one `CheckOptions`, lints (or replays the last
identical run), reports, and exits with the code the policy gives."""

from __future__ import annotations

import gc
import os
import sys
from typing import Any, NamedTuple

import click

from .common import (
    _STDERR,
    _emit,
    _open_cache,
    _registry,
    _split,
    allow_plugins_option,
    config_option,
    make_linter,
    report_context,
    selection_options,
    usable_cpus,
)

FORMATS = ("text", "json", "github", "sarif", "junit", "html")
SEVERITY_CHOICES = ("error", "warning", "info")
_REPLAYABLE_FORMATS = ("text", "json", "github")  # the others describe the rules: they need the registry


class CheckOptions(NamedTuple):
    """The flags of one `edlint check`, as click parsed them (one field per option).

    A NamedTuple, not a frozen dataclass: it is private to this command, read-only all the
    same, and a 31-field dataclass costs every run 2.5 ms to define (its methods are
    compiled from source at import)."""

    paths: tuple[str, ...]
    fmt: str
    output: str | None
    select: tuple[str, ...]
    extend_select: tuple[str, ...]
    ignore: tuple[str, ...]
    preview: bool | None
    fail_on: str | None
    config_path: str | None
    exclude: tuple[str, ...]
    force_exclude: bool
    respect_gitignore: bool | None
    show_settings: bool
    stdin_filename: str | None
    fix: bool
    unsafe_fixes: bool
    diff: bool
    baseline_path: str | None
    changed_since: str | None
    changed_lines_only: bool
    jobs: int | None
    cache_dir: str | None
    no_cache: bool
    today: str | None
    no_color: bool
    quiet: bool
    statistics: bool = False
    allow_plugins: bool | None = None
    executor: str = "local"
    scheduler: str | None = None
    export_pages: bool = False


class _CheckCommand(click.Command):
    """`check`, refusing an option that is also the name of a file here: a committed file
    named ``--output=story.md``, passed by ``edlint check *`` or a hook without ``--``, must
    not become an option. File names after ``--`` are never options."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        head = args[: args.index("--")] if "--" in args else args
        for arg in head:
            if arg.startswith("-") and arg != "-" and os.path.lexists(arg):
                from ..reporters import printable

                raise click.UsageError(
                    f"{printable(arg)!r} is both an option and a file name here; put '--' before "
                    "file names (edlint check [OPTIONS] -- FILES)",
                    ctx,
                )
        return super().parse_args(ctx, args)


@click.command("check", cls=_CheckCommand)
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True, help="Output format.")
@click.option(
    "-o",
    "--output",
    "output",
    type=click.Path(dir_okay=False),
    default=None,
    help="Write the report to this file (the summary still goes to stderr).",
)
@selection_options
@click.option(
    "--fail-on",
    type=click.Choice(SEVERITY_CHOICES),
    default=None,
    help="Lowest severity that fails the run (default: warning).",
)
@config_option
@click.option("--exclude", multiple=True, help="Extra globs to exclude.")
@click.option(
    "--force-exclude", is_flag=True, help="Apply exclude globs to paths named explicitly (as pre-commit passes them)."
)
@click.option(
    "--respect-gitignore/--no-respect-gitignore",
    default=None,
    help="Skip files ignored by .gitignore, .ignore and .git/info/exclude (default: yes).",
)
@click.option(
    "--show-settings",
    is_flag=True,
    help="Print the site, language variety, article globs and exclusions (and each file's page kind), then exit.",
)
@click.option("--stdin-filename", default=None, help="The file name to lint stdin as (with '-').")
@click.option("--fix", is_flag=True, help="Apply safe fixes to the files, then report what is left.")
@click.option("--unsafe-fixes", is_flag=True, help="With --fix or --diff, also apply unsafe fixes.")
@click.option(
    "--diff", is_flag=True, help="Print the fixes as a unified diff instead of writing them (exit 1 if there are any)."
)
@click.option(
    "--baseline",
    "baseline_path",
    type=click.Path(dir_okay=False),
    default=None,
    help="Report only findings not recorded in this baseline (see `edlint baseline write`).",
)
@click.option(
    "--changed-since",
    default=None,
    metavar="REV",
    help="Lint only files changed since this git revision (its merge base with HEAD).",
)
@click.option(
    "--changed-lines-only", is_flag=True, help="With --changed-since, report only findings on added or changed lines."
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    default=None,
    help="Worker processes (default: the CPUs this process may use; 1 lints in this process).",
)
@click.option(
    "--cache-dir",
    type=click.Path(file_okay=False),
    default=None,
    help="Where to keep the cache (default: .edlint_cache beside the config).",
)
@click.option("--no-cache", is_flag=True, help="Neither read nor write the cache.")
@click.option(
    "--today",
    default=None,
    metavar="YYYY-MM-DD",
    help="Take this date as today (future-date checks; reproducible runs).",
)
@click.option("--no-color", is_flag=True, help="Never colour the output.")
@click.option("-q", "--quiet", is_flag=True, help="Print findings only, no summary.")
@click.option(
    "--statistics",
    is_flag=True,
    help="Instead of the findings, count them per rule ([*]: --fix fixes them); text or json.",
)
@click.option(
    "--executor",
    type=click.Choice(("local", "dask")),
    default="local",
    show_default=True,
    help="Where files are linted: worker processes here, or a Dask cluster (needs edlint[dask]).",
)
@click.option(
    "--scheduler",
    default=None,
    metavar="ADDRESS",
    help="With --executor dask: the scheduler (tcp://host:8786); default: a local cluster sized to this machine.",
)
@click.option("--export-pages", is_flag=True, help="In WordPress and Ghost exports, lint pages as well as posts.")
@allow_plugins_option
def check(**params: Any) -> None:
    """Lint articles (files and folders; default: the current folder)."""
    opts = CheckOptions(**params)
    # Start-up creates tens of thousands of long-lived objects (modules, rules, patterns):
    # collecting cycles among them finds nothing. Collection resumes once linting starts.
    if opts.show_settings:
        from ..site.settings import show_settings as show

        sys.exit(
            show(
                opts.paths,
                config_path=opts.config_path,
                exclude=_split(opts.exclude),
                respect_gitignore=opts.respect_gitignore,
            )
        )
    gc.disable()
    # --no-cache covers the LanguageTool answer cache too; worker processes inherit this.
    no_cache_before = os.environ.get("EDLINT_NO_CACHE")
    if opts.no_cache:
        os.environ["EDLINT_NO_CACHE"] = "1"
    try:
        _check(opts)
    except KeyboardInterrupt:
        # Ctrl-C: workers are stopped and temporary files removed on the way out; leave now,
        # without waiting for worker bookkeeping threads. 130, as shells expect.
        click.echo("edlint: interrupted", err=True)
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(130)
    finally:
        gc.enable()  # for callers that run the command in their own process (tests, tools)
        if opts.no_cache and no_cache_before is None:
            os.environ.pop("EDLINT_NO_CACHE", None)


def _check(opts: CheckOptions) -> None:
    from ..config import ConfigError
    from ..policy import exit_code
    from ..rules.base import Severity

    stdin = opts.paths == ("-",)
    if opts.changed_lines_only and not opts.changed_since:
        raise click.UsageError("--changed-lines-only needs --changed-since REV")
    if stdin and opts.changed_since:
        raise click.UsageError("--changed-since cannot be used when reading stdin")
    if opts.scheduler and opts.executor != "dask":
        raise click.UsageError("--scheduler needs --executor dask")
    if opts.executor == "dask" and (stdin or opts.fix or opts.diff):
        raise click.UsageError("--executor dask lints files: it cannot read stdin or apply fixes")
    if opts.statistics and (opts.fmt not in ("text", "json") or opts.diff):
        raise click.UsageError("--statistics prints text or json, and cannot be combined with --diff")
    if not stdin:
        missing = [p for p in opts.paths if not os.path.exists(p)]
        if missing:
            raise click.UsageError(f"no such file or folder: {', '.join(missing)}")
    notes: list[str] = []
    try:
        if opts.today is not None:
            import datetime

            try:
                datetime.date.fromisoformat(opts.today)
            except ValueError as exc:
                raise click.BadParameter(f"{opts.today!r} is not a date (YYYY-MM-DD)", param_hint="--today") from exc
        cache, replayed, invocation = None, None, None
        if not (stdin or opts.no_cache or opts.fix or opts.diff):
            cache = _open_cache(opts.cache_dir, opts.config_path, notes)
            if cache is not None and not opts.changed_since and opts.fmt in _REPLAYABLE_FORMATS:
                from ..replay import invocation_key, replay

                invocation = invocation_key(
                    {
                        "paths": opts.paths,
                        "select": opts.select,
                        "extend_select": opts.extend_select,
                        "ignore": opts.ignore,
                        "preview": opts.preview,
                        "fail_on": opts.fail_on,
                        "config": opts.config_path,
                        "exclude": opts.exclude,
                        "force_exclude": opts.force_exclude,
                        "respect_gitignore": opts.respect_gitignore,
                        "allow_plugins": bool(opts.allow_plugins),
                    },
                    opts.today,
                )
                replayed = replay(cache, invocation)
                if replayed is not None and replayed.extra.get("fail_on") not in SEVERITY_CHOICES:
                    replayed = None  # a damaged manifest is a cache miss, never a traceback
        changes, stdin_text, fixed, linter = None, {}, None, None
        if replayed is not None:
            # Nothing the last identical run depended on has changed: its findings stand,
            # and no rule, parser or config validation is loaded.
            result, files, threshold = replayed.result, replayed.files, replayed.extra["fail_on"]
        else:
            linter = make_linter(
                opts.config_path,
                opts.select,
                opts.extend_select,
                opts.ignore,
                opts.preview,
                opts.fail_on,
                opts.exclude,
                opts.force_exclude,
                opts.today,
                respect_gitignore=opts.respect_gitignore,
                allow_plugins=opts.allow_plugins or None,
            )
            threshold = opts.fail_on or _config_fail_on(linter) or "warning"
            # Rules, packs and config now exist for the whole run: keep the cycle collector
            # from walking them again and again while articles are linted (and forked
            # workers from copying the memory pages it would touch).
            gc.freeze()
            gc.enable()
            if invocation is not None:
                linter.replay_as = (invocation, {"fail_on": threshold})
            if stdin:
                result, fixed, stdin_text = _lint_stdin(linter, opts)
                files = list(stdin_text)
            else:
                files, result, fixed, changes = _lint_files(linter, opts, cache)
        if fixed is not None:
            notes.extend(fixed.notes)
        if opts.baseline_path:
            from ..baseline import BaselineError
            from ..baseline import apply as apply_baseline

            try:
                result, filtered = apply_baseline(result, opts.baseline_path, files)
            except BaselineError as exc:
                raise _CheckError(str(exc)) from exc
            if not opts.quiet:
                notes.append(filtered.note(opts.baseline_path))
        if changes is not None and opts.changed_lines_only:
            from ..changed import filter_result

            result = filter_result(result, changes)
    except ConfigError as exc:
        click.echo(f"edlint: config error: {exc}", err=True)
        sys.exit(2)
    except _CheckError as exc:
        click.echo(f"edlint: {exc}", err=True)
        sys.exit(2)
    if cache is not None:
        notes.extend(cache.messages)
    from ..reporters import printable

    for message in _collapse_empty_notes([*result.messages, *notes]):
        click.echo(f"edlint: {printable(message)}", err=True)
    if opts.output is not None and not stdin:
        _refuse_output_over_input(opts.output, files)

    if opts.diff:
        assert fixed is not None
        _emit(fixed.diff(), opts.output)
        if not opts.quiet:
            n = len(fixed.changed_files)
            click.echo(
                f"{fixed.applied} fix(es) would be applied to {n} file(s)" if n else "No fixes to apply", err=True
            )
        # A file that could not be checked fails the run, as in `check` (exit_code).
        unchecked = any(f.rule == "file-error" for f in result.findings)
        sys.exit(2 if result.internal_error else (1 if fixed.changed_files or unchecked else 0))
    if stdin and opts.fix and fixed is not None:
        # The fixed text goes to stdout (as editors expect); the report to stderr.
        click.echo(fixed.files[0].fixed, nl=False)
        output_to = opts.output or _STDERR
    else:
        output_to = opts.output
    colour = not opts.no_color and "NO_COLOR" not in os.environ and output_to is None and sys.stdout.isatty()
    context = report_context(
        linter, files, fmt=opts.fmt, fail_on=threshold, quiet=opts.quiet, color=colour, unsafe_fixes=opts.unsafe_fixes
    )
    if stdin:
        # The report shows the text given (after fixes), not a file on disk.
        context["sources"] = {f.path: f.fixed for f in fixed.files} if fixed is not None else stdin_text
    from ..reporters import fixable_line, summary_line
    from ..reporters import get as get_reporter

    if opts.statistics:
        from ..reporters.statistics import render as render_statistics

        context["summaries"] = _rule_summaries(linter, opts.config_path)
        report = render_statistics(result, context)
    else:
        report = get_reporter(opts.fmt)(result, context)
    _emit(report, output_to)
    if opts.fix and fixed is not None and not opts.quiet:
        written = [f for f in fixed.files if f.written or (stdin and f.changed)]
        n = sum(f.applied for f in written)
        click.echo(f"Applied {n} fix(es) to {len(written)} file(s)" if n else "No fixes applied", err=True)
    if output_to not in (None, _STDERR) and not opts.quiet:
        click.echo(summary_line(result), err=True)
        fixable = fixable_line(result, opts.unsafe_fixes)
        if fixable:
            click.echo(fixable, err=True)
    sys.exit(exit_code(result.findings, Severity.parse(threshold), result.internal_error))


def _rule_summaries(linter: Any, config_path: str | None) -> dict[str, str]:
    """Rule id -> summary, for --statistics (a replayed run loaded no rules: load them now)."""
    try:
        if linter is not None:
            cfg = linter.fixed_config or linter.config_for(os.path.join(os.getcwd(), "x.md"))
            return {r.id: r.summary for r in linter.registry_of(cfg).rules.values()}
        return {r.id: r.summary for r in _registry(config_path).rules.values()}
    except Exception:  # noqa: BLE001 - summaries are a courtesy: the counts stand without them
        return {}


def _collapse_empty_notes(messages: list[str]) -> list[str]:
    """One line for many empty files (a site's empty partials), each path when few."""
    from ..results import EMPTY_FILE_NOTE

    empty = [m for m in messages if m.endswith(": " + EMPTY_FILE_NOTE)]
    if len(empty) <= 3:
        return messages
    rest = [m for m in messages if not m.endswith(": " + EMPTY_FILE_NOTE)]
    example = empty[0][: -len(": " + EMPTY_FILE_NOTE)]
    return [*rest, f"skipped {len(empty)} empty files (nothing to check), e.g. {example}"]


def _refuse_output_over_input(output: str, files: list[str]) -> None:
    """--output naming one of the linted files would replace an article with the report."""
    target = os.path.realpath(output)
    for path in files:
        if os.path.realpath(path) == target:
            from ..reporters import printable

            click.echo(
                f"edlint: --output {printable(output)} is one of the files being checked; not overwritten", err=True
            )
            sys.exit(2)


class _CheckError(Exception):
    """A problem that stops `check` with exit code 2 (bad baseline, git failure ...)."""


def _lint_stdin(linter: Any, opts: CheckOptions) -> tuple[Any, Any, dict[str, str]]:
    from ..parsers import decode
    from ..reading import read_bounded, size_text

    name = opts.stdin_filename or "stdin.md"
    limit = linter.settings_for(name, linter.config_for(name)).max_file_size
    data = read_bounded(sys.stdin.buffer, limit)  # the same limit as a file on disk
    if data is None:
        click.echo(f"edlint: {name}: stdin is over the {size_text(limit)} limit (max_file_size)", err=True)
        sys.exit(2)
    text, problem = decode(data)
    if problem is not None:
        click.echo(f"edlint: {name}: {problem}", err=True)
        sys.exit(2)
    text = text or ""
    if opts.fix or opts.diff:
        from ..fixes import FixRun, fix_text

        run = FixRun([fix_text(linter, name, text, unsafe=opts.unsafe_fixes)])
        return linter.finish(run.results), run, {name: text}
    return linter.run_text(text, name), None, {name: text}


def _lint_files(linter: Any, opts: CheckOptions, cache: Any = None) -> tuple[list[str], Any, Any, Any]:
    """(files linted, RunResult, FixRun or None, Changes or None)."""
    from ..reading import roots_for

    linter.read_roots = roots_for(list(opts.paths) or ["."])
    linter.export_pages = opts.export_pages
    files = list(linter.discover(list(opts.paths) or ["."]))
    changes = None
    if opts.changed_since:
        changes = _changes(opts.changed_since, opts.changed_lines_only)
        files = changes.filter_paths(files)
    if opts.fix or opts.diff:
        from ..fixes import fix_files

        if any(type(u) is not str for u in linter.expand_exports(files)):
            raise _CheckError("--fix and --diff cannot rewrite a WordPress or Ghost export; lint it without them")

        run = fix_files(linter, files, unsafe=opts.unsafe_fixes, write=not opts.diff)
        if opts.changed_since and opts.changed_lines_only and any(f.written for f in run.files):
            changes = _changes(opts.changed_since, True)  # the fixes moved lines
        return files, linter.finish(run.results), run, changes
    if opts.executor == "dask":
        return files, _run_dask(linter, files, opts, cache), None, changes
    return files, linter.run(files, jobs=opts.jobs or usable_cpus(), cache=cache), None, changes


def _run_dask(linter: Any, files: list[str], opts: CheckOptions, cache: Any) -> Any:
    """The same run on a Dask cluster (edlint.dask; dask is imported only here)."""
    from ..dask import ClusterError, DaskUnavailable
    from ..dask.executor import run_dask

    def say(message: str) -> None:
        if not opts.quiet:
            click.echo(f"edlint: {message}", err=True)

    try:
        return run_dask(
            linter,
            files,
            scheduler=opts.scheduler,
            cache_dir=cache.folder if cache is not None else None,
            progress=sys.stderr.isatty() and not opts.quiet,
            say=say,
            workers=opts.jobs or usable_cpus(),
        )
    except (ClusterError, DaskUnavailable) as exc:
        raise _CheckError(str(exc)) from None


def _changes(rev: str, lines: bool) -> Any:
    from ..changed import GitError, changes_since

    try:
        return changes_since(rev, lines=lines)
    except GitError as exc:
        raise _CheckError(f"--changed-since: {exc}") from exc


def _config_fail_on(linter: Any) -> str | None:
    cfg = linter.fixed_config or linter.config_for(os.path.join(os.getcwd(), "x.md"))
    return cfg.fail_on
