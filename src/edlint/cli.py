"""The `edlint` command. Turns flags into settings, calls the engine, returns the exit code."""

from __future__ import annotations

import gc
import os
import sys
from typing import Any

import click

from . import __version__

FORMATS = ("text", "json", "github", "sarif", "junit", "html")
SEVERITY_CHOICES = ("error", "warning", "info")


def _split(values: tuple[str, ...]) -> tuple[str, ...]:
    out: list[str] = []
    for v in values:
        out.extend(x.strip() for x in v.split(",") if x.strip())
    return tuple(out)


class LazyGroup(click.Group):
    """Commands that live in their own modules are imported only when run (fast start-up)."""

    lazy: dict[str, str] = {
        # name -> "module:attribute"; the module defines a click command.
        "test-rules": "edlint.commands.test_rules:test_rules",
        "baseline": "edlint.commands.baseline:baseline",
        "languagetool": "edlint.commands.languagetool:languagetool",
    }

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(set(super().list_commands(ctx)) | set(self._available()))

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name in self._available():
            import importlib

            module, attr = self.lazy[name].split(":")
            return getattr(importlib.import_module(module), attr)
        return super().get_command(ctx, name)

    def _available(self) -> list[str]:
        import importlib.util

        out = []
        for name, target in self.lazy.items():
            module = target.split(":")[0]
            try:
                if importlib.util.find_spec(module) is not None:
                    out.append(name)
            except ModuleNotFoundError:
                continue
        return out


def run() -> None:
    """The `edlint` console script: main(), then exit without tearing the interpreter down.

    Freeing every module and object at exit costs a one-file run (a pre-commit hook) a few
    milliseconds for nothing: by then the report is written and flushed, the cache store
    replaced and closed, and worker processes joined."""
    code: Any = 0
    try:
        main()
    except SystemExit as exc:
        code = exc.code
    if isinstance(code, str):  # sys.exit("message"), as the interpreter would print it
        print(code, file=sys.stderr)
        code = 1
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except OSError:
        pass  # a closed pipe (`edlint check | head`): nothing more can be said
    os._exit(code if isinstance(code, int) else 0)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", "-V", prog_name="edlint", message="%(prog)s %(version)s")
def main() -> None:
    """edlint: an editorial metadata and style linter for news articles."""


class _CheckCommand(click.Command):
    """`check`, refusing an option that is also the name of a file here: a committed file
    named ``--output=story.md``, passed by ``edlint check *`` or a hook without ``--``, must
    not become an option. File names after ``--`` are never options."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        head = args[: args.index("--")] if "--" in args else args
        for arg in head:
            if arg.startswith("-") and arg != "-" and os.path.lexists(arg):
                from .reporters import printable

                raise click.UsageError(
                    f"{printable(arg)!r} is both an option and a file name here; put '--' before "
                    "file names (edlint check [OPTIONS] -- FILES)", ctx)
        return super().parse_args(ctx, args)


@main.command(cls=_CheckCommand)
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True,
              help="Output format.")
@click.option("-o", "--output", "output", type=click.Path(dir_okay=False), default=None,
              help="Write the report to this file (the summary still goes to stderr).")
@click.option("--select", multiple=True, help="Only these rules or families (comma-separated).")
@click.option("--extend-select", multiple=True, help="Add these rules or families to the selection.")
@click.option("--ignore", multiple=True, help="Skip these rules or families (comma-separated).")
@click.option("--preview/--no-preview", default=None, help="Enable rules still in preview.")
@click.option("--fail-on", type=click.Choice(SEVERITY_CHOICES), default=None,
              help="Lowest severity that fails the run (default: warning).")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), default=None,
              help="Use this config file instead of discovering .edlint.yaml.")
@click.option("--exclude", multiple=True, help="Extra globs to exclude.")
@click.option("--force-exclude", is_flag=True,
              help="Apply exclude globs to paths named explicitly (as pre-commit passes them).")
@click.option("--respect-gitignore/--no-respect-gitignore", default=None,
              help="Skip files ignored by .gitignore, .ignore and .git/info/exclude (default: yes).")
@click.option("--show-settings", is_flag=True,
              help="Print the site, language variety, article globs and exclusions (and each file's page kind), then exit.")
@click.option("--stdin-filename", default=None, help="The file name to lint stdin as (with '-').")
@click.option("--fix", is_flag=True, help="Apply safe fixes to the files, then report what is left.")
@click.option("--unsafe-fixes", is_flag=True, help="With --fix or --diff, also apply unsafe fixes.")
@click.option("--diff", is_flag=True,
              help="Print the fixes as a unified diff instead of writing them (exit 1 if there are any).")
@click.option("--baseline", "baseline_path", type=click.Path(dir_okay=False), default=None,
              help="Report only findings not recorded in this baseline (see `edlint baseline write`).")
@click.option("--changed-since", default=None, metavar="REV",
              help="Lint only files changed since this git revision (its merge base with HEAD).")
@click.option("--changed-lines-only", is_flag=True,
              help="With --changed-since, report only findings on added or changed lines.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Worker processes (default: the CPUs this process may use; 1 lints in this process).")
@click.option("--cache-dir", type=click.Path(file_okay=False), default=None,
              help="Where to keep the cache (default: .edlint_cache beside the config).")
@click.option("--no-cache", is_flag=True, help="Neither read nor write the cache.")
@click.option("--today", default=None, metavar="YYYY-MM-DD",
              help="Take this date as today (future-date checks; reproducible runs).")
@click.option("--no-color", is_flag=True, help="Never colour the output.")
@click.option("-q", "--quiet", is_flag=True, help="Print findings only, no summary.")
@click.option("--statistics", is_flag=True,
              help="Instead of the findings, count them per rule ([*]: --fix fixes them); text or json.")
@click.option("--allow-plugins", is_flag=True, default=None,
              help="Import the local plugins named in config files (they are code; off by default).")
def check(
    paths: tuple[str, ...],
    fmt: str,
    output: str | None,
    select: tuple[str, ...],
    extend_select: tuple[str, ...],
    ignore: tuple[str, ...],
    preview: bool | None,
    fail_on: str | None,
    config_path: str | None,
    exclude: tuple[str, ...],
    force_exclude: bool,
    respect_gitignore: bool | None,
    show_settings: bool,
    stdin_filename: str | None,
    fix: bool,
    unsafe_fixes: bool,
    diff: bool,
    baseline_path: str | None,
    changed_since: str | None,
    changed_lines_only: bool,
    jobs: int | None,
    cache_dir: str | None,
    no_cache: bool,
    today: str | None,
    no_color: bool,
    quiet: bool,
    statistics: bool,
    allow_plugins: bool | None,
) -> None:
    """Lint articles (files and folders; default: the current folder)."""
    # Start-up creates tens of thousands of long-lived objects (modules, rules, patterns):
    # collecting cycles among them finds nothing. Collection resumes once linting starts.
    if show_settings:
        from .site.settings import show_settings as show

        sys.exit(show(paths, config_path=config_path, exclude=_split(exclude), respect_gitignore=respect_gitignore))
    gc.disable()
    # --no-cache covers the LanguageTool answer cache too; worker processes inherit this.
    no_cache_before = os.environ.get("EDLINT_NO_CACHE")
    if no_cache:
        os.environ["EDLINT_NO_CACHE"] = "1"
    try:
        _check(**{k: v for k, v in locals().items() if k not in ("show_settings", "no_cache_before")})
    except KeyboardInterrupt:
        # Ctrl-C: workers are stopped and temporary files removed on the way out; leave now,
        # without waiting for worker bookkeeping threads. 130, as shells expect.
        click.echo("edlint: interrupted", err=True)
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(130)
    finally:
        gc.enable()  # for callers that run the command in their own process (tests, tools)
        if no_cache and no_cache_before is None:
            os.environ.pop("EDLINT_NO_CACHE", None)


def _check(
    paths: tuple[str, ...], fmt: str, output: str | None, select: tuple[str, ...], extend_select: tuple[str, ...],
    ignore: tuple[str, ...], preview: bool | None, fail_on: str | None, config_path: str | None,
    exclude: tuple[str, ...], force_exclude: bool, respect_gitignore: bool | None, stdin_filename: str | None,
    fix: bool, unsafe_fixes: bool,
    diff: bool, baseline_path: str | None, changed_since: str | None, changed_lines_only: bool,
    jobs: int | None, cache_dir: str | None, no_cache: bool, today: str | None, no_color: bool, quiet: bool,
    statistics: bool = False,
    allow_plugins: bool | None = None,
) -> None:
    from .config import ConfigError
    from .policy import exit_code
    from .rules.base import Severity

    stdin = paths == ("-",)
    if changed_lines_only and not changed_since:
        raise click.UsageError("--changed-lines-only needs --changed-since REV")
    if stdin and changed_since:
        raise click.UsageError("--changed-since cannot be used when reading stdin")
    if statistics and (fmt not in ("text", "json") or diff):
        raise click.UsageError("--statistics prints text or json, and cannot be combined with --diff")
    if not stdin:
        missing = [p for p in paths if not os.path.exists(p)]
        if missing:
            raise click.UsageError(f"no such file or folder: {', '.join(missing)}")
    notes: list[str] = []
    try:
        if today is not None:
            import datetime

            try:
                datetime.date.fromisoformat(today)
            except ValueError as exc:
                raise click.BadParameter(f"{today!r} is not a date (YYYY-MM-DD)", param_hint="--today") from exc
        cache, replayed, invocation = None, None, None
        if not (stdin or no_cache or fix or diff):
            cache = _open_cache(cache_dir, config_path, notes)
            if cache is not None and not changed_since and fmt in _REPLAYABLE_FORMATS:
                from .replay import invocation_key, replay

                invocation = invocation_key(
                    {"paths": paths, "select": select, "extend_select": extend_select, "ignore": ignore,
                     "preview": preview, "fail_on": fail_on, "config": config_path, "exclude": exclude,
                     "force_exclude": force_exclude, "respect_gitignore": respect_gitignore,
                     "allow_plugins": bool(allow_plugins)}, today)
                replayed = replay(cache, invocation)
                if replayed is not None and replayed.extra.get("fail_on") not in SEVERITY_CHOICES:
                    replayed = None  # a damaged manifest is a cache miss, never a traceback
        changes, stdin_text, fixed, linter = None, {}, None, None
        if replayed is not None:
            # Nothing the last identical run depended on has changed: its findings stand,
            # and no rule, parser or config validation is loaded.
            result, files, threshold = replayed.result, replayed.files, replayed.extra["fail_on"]
        else:
            linter = make_linter(config_path, select, extend_select, ignore, preview, fail_on, exclude,
                                 force_exclude, today, respect_gitignore=respect_gitignore,
                                 allow_plugins=allow_plugins or None)
            threshold = fail_on or _config_fail_on(linter) or "warning"
            # Rules, packs and config now exist for the whole run: keep the cycle collector
            # from walking them again and again while articles are linted (and forked
            # workers from copying the memory pages it would touch).
            gc.freeze()
            gc.enable()
            if invocation is not None:
                linter.replay_as = (invocation, {"fail_on": threshold})
            if stdin:
                result, fixed, stdin_text = _lint_stdin(linter, stdin_filename or "stdin.md", fix or diff,
                                                        unsafe_fixes)
                files = list(stdin_text)
            else:
                files, result, fixed, changes = _lint_files(linter, paths, fix, diff, unsafe_fixes, changed_since,
                                                            changed_lines_only, jobs or usable_cpus(), cache)
        if fixed is not None:
            notes.extend(fixed.notes)
        if baseline_path:
            from .baseline import BaselineError
            from .baseline import apply as apply_baseline

            try:
                result, filtered = apply_baseline(result, baseline_path, files)
            except BaselineError as exc:
                raise _CheckError(str(exc)) from exc
            if not quiet:
                notes.append(filtered.note(baseline_path))
        if changes is not None and changed_lines_only:
            from .changed import filter_result

            result = filter_result(result, changes)
    except ConfigError as exc:
        click.echo(f"edlint: config error: {exc}", err=True)
        sys.exit(2)
    except _CheckError as exc:
        click.echo(f"edlint: {exc}", err=True)
        sys.exit(2)
    if cache is not None:
        notes.extend(cache.messages)
    from .reporters import printable

    for message in [*result.messages, *notes]:
        click.echo(f"edlint: {printable(message)}", err=True)
    if output is not None and not stdin:
        _refuse_output_over_input(output, files)

    if diff:
        assert fixed is not None
        _emit(fixed.diff(), output)
        if not quiet:
            n = len(fixed.changed_files)
            click.echo(f"{fixed.applied} fix(es) would be applied to {n} file(s)" if n else "No fixes to apply",
                       err=True)
        # A file that could not be checked fails the run, as in `check` (exit_code).
        unchecked = any(f.rule == "file-error" for f in result.findings)
        sys.exit(2 if result.internal_error else (1 if fixed.changed_files or unchecked else 0))
    if stdin and fix and fixed is not None:
        # The fixed text goes to stdout (as editors expect); the report to stderr.
        click.echo(fixed.files[0].fixed, nl=False)
        output_to = output or _STDERR
    else:
        output_to = output
    colour = not no_color and "NO_COLOR" not in os.environ and output_to is None and sys.stdout.isatty()
    context = report_context(linter, files, fmt=fmt, fail_on=threshold, quiet=quiet, color=colour,
                             unsafe_fixes=unsafe_fixes)
    if stdin:
        # The report shows the text given (after fixes), not a file on disk.
        context["sources"] = {f.path: f.fixed for f in fixed.files} if fixed is not None else stdin_text
    from .reporters import fixable_line, summary_line
    from .reporters import get as get_reporter

    if statistics:
        from .reporters.statistics import render as render_statistics

        context["summaries"] = _rule_summaries(linter, config_path)
        report = render_statistics(result, context)
    else:
        report = get_reporter(fmt)(result, context)
    _emit(report, output_to)
    if fix and fixed is not None and not quiet:
        written = [f for f in fixed.files if f.written or (stdin and f.changed)]
        n = sum(f.applied for f in written)
        click.echo(f"Applied {n} fix(es) to {len(written)} file(s)" if n else "No fixes applied", err=True)
    if output_to not in (None, _STDERR) and not quiet:
        click.echo(summary_line(result), err=True)
        fixable = fixable_line(result, unsafe_fixes)
        if fixable:
            click.echo(fixable, err=True)
    sys.exit(exit_code(result.findings, Severity.parse(threshold), result.internal_error))


_STDERR = "<stderr>"  # _emit target: the report goes to stderr (stdin --fix prints the text on stdout)


def _rule_summaries(linter: Any, config_path: str | None) -> dict[str, str]:
    """Rule id -> summary, for --statistics (a replayed run loaded no rules: load them now)."""
    try:
        if linter is not None:
            cfg = linter.fixed_config or linter.config_for(os.path.join(os.getcwd(), "x.md"))
            return {r.id: r.summary for r in linter.registry_of(cfg).rules.values()}
        return {r.id: r.summary for r in _registry(config_path).rules.values()}
    except Exception:  # summaries are a courtesy: the counts stand without them
        return {}


def _refuse_output_over_input(output: str, files: list[str]) -> None:
    """--output naming one of the linted files would replace an article with the report."""
    target = os.path.realpath(output)
    for path in files:
        if os.path.realpath(path) == target:
            from .reporters import printable

            click.echo(f"edlint: --output {printable(output)} is one of the files being checked; "
                       "not overwritten", err=True)
            sys.exit(2)


class _CheckError(Exception):
    """A problem that stops `check` with exit code 2 (bad baseline, git failure ...)."""


def usable_cpus() -> int:
    """The CPUs this process may run on (a container or `taskset` may allow fewer than the
    machine has): the default number of worker processes."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):  # not on Linux
        return os.cpu_count() or 1


_REPLAYABLE_FORMATS = ("text", "json", "github")  # the others describe the rules: they need the registry


def _open_cache(cache_dir: str | None, config_path: str | None, notes: list[str] | None = None) -> Any:
    """The cache: ``--cache-dir``, else ``.edlint_cache`` beside the config that applies to
    the working folder (or in it, when there is none). None (with a note) when the folder is
    a symlink out of the project."""
    from .cache import Cache, refusal

    base = os.getcwd()
    if cache_dir is None:
        from .config import find_config_file

        found = config_path or find_config_file(os.getcwd())
        base = os.path.dirname(os.path.abspath(found)) if found else os.getcwd()
        cache_dir = os.path.join(base, ".edlint_cache")
    refused = refusal(cache_dir, base)
    if refused is not None:
        if notes is not None:
            notes.append(refused)
        return None
    return Cache(cache_dir)


def make_linter(config_path: str | None, select: tuple[str, ...], extend_select: tuple[str, ...],
                ignore: tuple[str, ...], preview: bool | None, fail_on: str | None,
                exclude: tuple[str, ...], force_exclude: bool, today: str | None = None,
                respect_gitignore: bool | None = None, allow_plugins: bool | None = None) -> Any:
    """The Linter for the selection flags shared by `check` and `baseline write`."""
    from .engine import Linter
    from .policy import CliOverrides

    cli = CliOverrides(
        select=_split(select) or None,
        extend_select=_split(extend_select),
        ignore=_split(ignore),
        preview=preview,
        fail_on=fail_on,
        today=today,
    )
    linter = Linter(config=config_path, cli=cli, force_exclude=force_exclude, extra_exclude=_split(exclude),
                    respect_gitignore=respect_gitignore, allow_plugins=allow_plugins)
    _check_selectors(linter, cli, config_path)
    return linter


def _lint_stdin(linter: Any, name: str, fixing: bool, unsafe: bool) -> tuple[Any, Any, dict[str, str]]:
    from .parsers import decode
    from .reading import read_bounded, size_text

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
    if fixing:
        from .fixes import FixRun, fix_text

        run = FixRun([fix_text(linter, name, text, unsafe=unsafe)])
        return linter.finish(run.results), run, {name: text}
    return linter.run_text(text, name), None, {name: text}


def _lint_files(linter: Any, paths: tuple[str, ...], fix: bool, diff: bool, unsafe: bool,
                changed_since: str | None, changed_lines_only: bool, jobs: int = 1,
                cache: Any = None) -> tuple[list[str], Any, Any, Any]:
    """(files linted, RunResult, FixRun or None, Changes or None)."""
    from .reading import roots_for

    linter.read_roots = roots_for(list(paths) or ["."])
    files = list(linter.discover(list(paths) or ["."]))
    changes = None
    if changed_since:
        changes = _changes(changed_since, changed_lines_only)
        files = changes.filter_paths(files)
    if fix or diff:
        from .fixes import fix_files

        run = fix_files(linter, files, unsafe=unsafe, write=not diff)
        if changed_since and changed_lines_only and any(f.written for f in run.files):
            changes = _changes(changed_since, True)  # the fixes moved lines
        return files, linter.finish(run.results), run, changes
    return files, linter.run(files, jobs=jobs, cache=cache), None, changes


def _changes(rev: str, lines: bool) -> Any:
    from .changed import GitError, changes_since

    try:
        return changes_since(rev, lines=lines)
    except GitError as exc:
        raise _CheckError(f"--changed-since: {exc}") from exc


def report_context(linter: Any, files: list[str], **extra: Any) -> dict[str, Any]:
    """What reporters may use besides the findings: the files linted, the rules checked on
    each, and the rules' metadata (docs for SARIF, JUnit and HTML)."""
    rules: dict[str, Any] = {}
    rules_by_file: dict[str, tuple[str, ...]] = {}
    max_sizes: dict[str, int] = {}  # the HTML report reads articles with the lint's limit
    if extra.get("fmt") in ("sarif", "html", "junit"):
        cfg = linter.fixed_config or linter.config_for(os.path.join(os.getcwd(), "x.md"))
        rules.update(linter.registry_of(cfg).rules)
        for path in files:
            settings = linter.settings_for(path, linter.config_for(path))
            max_sizes[path] = settings.max_file_size
            for rule in settings.rules:
                rules.setdefault(rule.id, rule)
            rules_by_file[path] = tuple(
                rule.id for rule in settings.rules if rule.check is not None or rule.facts is not None
            )
    roots = getattr(linter, "read_roots", None)
    return {"registry": rules, "files": files, "rules_by_file": rules_by_file, "read_roots": roots,
            "max_file_sizes": max_sizes, **extra}


def _emit(text: str, output: str | None) -> None:
    if output is None:
        click.echo(text, nl=False)
    elif output == _STDERR:
        click.echo(text, nl=False, err=True)
    else:
        from .fileio import open_output

        try:
            with open_output(output) as fh:  # never through a symlink planted in the tree
                fh.write(text)
        except OSError as exc:
            from .reporters import printable

            click.echo(f"edlint: cannot write {printable(output)}: {exc.strerror or exc}", err=True)
            sys.exit(2)


def _config_fail_on(linter: Any) -> str | None:
    cfg = linter.fixed_config or linter.config_for(os.path.join(os.getcwd(), "x.md"))
    return cfg.fail_on


def _check_selectors(linter: Any, cli: Any, config_path: str | None) -> None:
    """Unknown rule ids on the command line are usage errors, with a suggestion."""
    from .config import ConfigError, _did_you_mean

    cfg = linter.fixed_config or linter.config_for(os.path.join(os.getcwd(), "x.md"))
    reg = linter.registry_of(cfg)
    names = set(reg.rules) | set(reg.families) | {"all"}
    for flag, values in (("--select", cli.select or ()), ("--extend-select", cli.extend_select), ("--ignore", cli.ignore)):
        for v in values:
            if v not in names:
                raise ConfigError(f"{flag}: unknown rule or family {v!r}{_did_you_mean(v, names)}")


def _registry(config_path: str | None = None, allow_plugins: bool | None = None) -> Any:
    from .engine import Linter

    linter = Linter(config=config_path, allow_plugins=allow_plugins)
    cfg = linter.fixed_config or linter.config_for(os.path.join(os.getcwd(), "x.md"))
    reg = linter.registry_of(cfg)
    for message in linter.messages:  # plugins skipped or failed: on stderr, never in the listing
        click.echo(f"edlint: {message}", err=True)
    return reg


@main.command("rules")
@click.option("--format", "fmt", type=click.Choice(("text", "json")), default="text", show_default=True)
@click.option("--config", "config_path", type=click.Path(dir_okay=False), default=None)
@click.option("--allow-plugins", is_flag=True, default=None,
              help="Import the local plugins named in config files (they are code; off by default).")
def rules_cmd(fmt: str, config_path: str | None, allow_plugins: bool | None) -> None:
    """List every rule: id, family, default severity, status and summary."""
    from .config import ConfigError

    try:
        reg = _registry(config_path, allow_plugins or None)
    except ConfigError as exc:
        click.echo(f"edlint: config error: {exc}", err=True)
        sys.exit(2)
    from .reporters import printable

    rules = reg.sorted_rules()
    if fmt == "json":
        import json

        click.echo(json.dumps([_rule_json(r) for r in rules], indent=2))
        return
    width = max(len(r.id) for r in rules)
    fam = max(len(r.family) for r in rules)
    for r in rules:
        state = "on" if r.enabled_by_default or r.id in ("file-error", "internal-error") else (
            "server" if r.needs_server else "preview" if r.status == "preview" else "off")
        # Packs in the tree name and describe rules: shown escaped, like every report.
        click.echo(printable(f"{r.id:<{width}}  {r.family:<{fam}}  {str(r.severity):<7}  {state:<7}  {r.summary}"))


def _rule_json(r: Any) -> dict[str, Any]:
    return {
        "id": r.id,
        "family": r.family,
        "summary": r.summary,
        "severity": str(r.severity),
        "status": r.status,
        "since": r.since,
        "fix": r.fix,
        "enabled_by_default": r.enabled_by_default,
        "origin": r.origin,
        "options": _option_defaults(r),
        "doc": r.doc,
    }


def _option_defaults(r: Any) -> dict[str, Any]:
    if r.section is None:
        return {}
    import dataclasses

    out = {}
    for f in dataclasses.fields(r.section.options):
        default = f.default if f.default is not dataclasses.MISSING else (
            f.default_factory() if f.default_factory is not dataclasses.MISSING else None)  # type: ignore[misc]
        out[f.name] = list(default) if isinstance(default, (tuple, frozenset)) else default
    return out


@main.command()
@click.argument("rule_id")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), default=None)
@click.option("--allow-plugins", is_flag=True, default=None,
              help="Import the local plugins named in config files (they are code; off by default).")
def explain(rule_id: str, config_path: str | None, allow_plugins: bool | None) -> None:
    """Print a rule's documentation."""
    from .config import ConfigError, _did_you_mean

    try:
        reg = _registry(config_path, allow_plugins or None)
    except ConfigError as exc:
        click.echo(f"edlint: config error: {exc}", err=True)
        sys.exit(2)
    r = reg.get(rule_id)
    if r is None:
        click.echo(f"edlint: unknown rule {rule_id!r}{_did_you_mean(rule_id, reg.rules)}", err=True)
        sys.exit(2)
    from .reporters import printable

    click.echo(printable(explain_text(r), lines=True))


def explain_text(r: Any) -> str:
    fix = {"never": "No fix", "sometimes": "Fix sometimes available", "always": "Fix always available"}[r.fix]
    head = [f"# {r.id} ({r.family})", "", r.summary, "",
            f"Default severity: {r.severity}. {fix}. Status: {r.status} (since {r.since})."]
    if r.needs_server:
        head.append("Off unless a LanguageTool server is configured.")
    elif r.status == "preview":
        head.append("Preview rule: enable with --preview or `preview: true`.")
    if r.section is not None:
        opts = _option_defaults(r)
        if opts:
            head += ["", f"Options (config section `{r.section.name}:`, or `rules: {{{r.id}: ...}}`):"]
            head += [f"  {k}: {v!r}" for k, v in opts.items()]
    return "\n".join(head) + "\n\n" + r.doc.strip() + "\n"


@main.command()
@click.option("--force", is_flag=True, help="Overwrite an existing .edlint.yaml.")
def init(force: bool) -> None:
    """Write a .edlint.yaml for the site in the current folder (generator, language variety,
    authors registry, and settings measured from its articles)."""
    from .config import ConfigError
    from .site.init import write_config

    try:
        sys.exit(write_config(".edlint.yaml", force, appendix=_section_defaults()))
    except ConfigError as exc:
        click.echo(f"edlint: config error: {exc}", err=True)
        sys.exit(2)


def _section_defaults() -> str:
    """Each family's options with their defaults, commented out."""
    reg = _registry()
    out = []
    for name, sec in sorted(reg.sections.items()):
        rules = [r for r in reg.sorted_rules() if r.section is sec]
        if not rules:
            continue
        out.append(f"\n# {sec.doc or name}\n# {name}:")
        for k, v in _option_defaults(rules[0]).items():
            if isinstance(v, dict) and v and all(isinstance(x, dict) for x in v.values()):
                # A mapping of mappings (a schema): one line per entry, readable.
                out.append(f"#   {k}:")
                out += [f"#     {name}: {_yaml_value(spec)}" for name, spec in v.items()]
            else:
                out.append(f"#   {k}: {_yaml_value(v)}")
    return "\n".join(out) + "\n"


def _yaml_value(v: Any) -> str:
    import yaml

    text = yaml.safe_dump(v, default_flow_style=True, sort_keys=False, allow_unicode=True, width=10**6)
    return text.strip().removesuffix("...").strip()


if __name__ == "__main__":  # pragma: no cover
    main()
