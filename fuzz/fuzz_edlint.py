#!/usr/bin/env python3
"""Coverage-guided fuzz target (atheris) for edlint's parsers and engine.

Each input is raw file bytes. The first byte picks the format (Markdown, HTML or plain
text, or a fixed one with ``--format``); the rest is decoded exactly as the engine decodes a
file on disk (``edlint.parsers.decode``), then parsed and linted with every rule, preview
rules included, through ``Linter.run_text`` (what ``edlint.lint_text`` calls).

A "crash" is any of:

- an exception escaping the engine;
- an ``internal-error`` finding (a rule raised and the engine caught it);
- a ``file-error`` saying the parser itself failed ("Could not parse file (...)"): the
  parser wrapper turns parser exceptions into that diagnostic, which hides real bugs;
- a finding whose line/column lies outside the file, or ends before it starts.

Usage (see fuzz/README.md)::

    python fuzz/fuzz_edlint.py -atheris_runs=100000
    python fuzz/fuzz_edlint.py -max_total_time=1200 --format html fuzz/corpus-html
    python fuzz/fuzz_edlint.py --seed-corpus fuzz/corpus -max_total_time=600 fuzz/corpus
    python fuzz/fuzz_edlint.py --replay tests/regressions/some-crash.md

Options of this script (everything else goes to libFuzzer):

``--format md|html|txt``  fuzz one format only (the first byte is then content too)
``--seed-corpus DIR``     write seed inputs (the examples/ articles and the inputs of
                          tests/cases) into DIR first, then fuzz with DIR as the corpus
``--fixes``               also run the fixer (``edlint.fixes.fix_text``) on each input and
                          check that it keeps the file readable and settles
``--write-dict PATH``     write a libFuzzer dictionary of edlint's markup (use with -dict=PATH)
``--ignore-known REGEX``   a crash whose message matches REGEX is not a crash (a bug already
                          recorded, so the fuzzer can look further)
``--replay FILE...``      run the checks on these files (no fuzzing) and print the outcome
``--campaign SECONDS``    run one fuzzer per format in parallel for SECONDS, restarting each
                          after a crash; crashing inputs go to WORKDIR/crashes-FMT, corpora to
                          WORKDIR/corpus-FMT (``--workdir``, default $TMPDIR/edlint-fuzz), and a summary
                          (time, executions, crashes) is printed at the end
"""

from __future__ import annotations

import os
import re
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
FORMATS = ("md", "html", "txt")
PATHS = {"md": "fuzz.md", "html": "fuzz.html", "txt": "fuzz.txt"}


class FuzzCrash(Exception):
    """An invariant the fuzzer checks was broken (the message says which)."""


def _pop_option(argv: list[str], name: str, has_value: bool = True) -> str | bool | None:
    for i, arg in enumerate(argv):
        if arg == name:
            if not has_value:
                del argv[i]
                return True
            value = argv[i + 1]
            del argv[i : i + 2]
            return value
        if has_value and arg.startswith(name + "="):
            del argv[i]
            return arg.split("=", 1)[1]
    return None


# -- the checks (plain Python: also used by tests/robustness/test_regressions.py) ----------------------
_LINTER = None


def linter():
    """One Linter for the whole session: every rule, preview ones too, no config discovery."""
    global _LINTER
    if _LINTER is None:
        from edlint.engine import Linter

        _LINTER = Linter(config={"select": ["all"], "preview": True})
    return _LINTER


def split_input(data: bytes, fixed_format: str | None) -> tuple[str, bytes]:
    if fixed_format is not None:
        return fixed_format, data
    if not data:
        return "md", b""
    return FORMATS[data[0] % len(FORMATS)], data[1:]


def check_text(text: str, fmt: str) -> list:
    """Lint ``text`` as format ``fmt`` and raise FuzzCrash if an invariant is broken."""
    from edlint.document import LineIndex

    path = PATHS[fmt]
    result = linter().run_text(text, path)
    lines = LineIndex(text)
    for f in result.findings:
        if f.rule == "internal-error":
            raise FuzzCrash(f"internal-error: {f.message}")
        if f.rule == "file-error" and f.message.startswith("Could not parse file"):
            raise FuzzCrash(f"parser crash: {f.message}")
        if f.path != path:
            raise FuzzCrash(f"finding for another path {f.path!r}: {f}")
        for line, col in ((f.line, f.column), (f.end_line, f.end_column)):
            if not 1 <= line <= lines.line_count:
                raise FuzzCrash(f"{f.rule}: line {line} outside 1..{lines.line_count}: {f.message!r}")
            start = lines.starts[line - 1]
            end = lines.starts[line] if line < lines.line_count else lines.length
            if not 1 <= col <= end - start + 1:
                raise FuzzCrash(f"{f.rule}: column {col} outside line {line} (length {end - start}): {f.message!r}")
        if (f.end_line, f.end_column) < (f.line, f.column):
            raise FuzzCrash(f"{f.rule}: ends before it starts: {f.line}:{f.column}-{f.end_line}:{f.end_column}")
    if result.internal_error:
        raise FuzzCrash("run reported internal_error without an internal-error finding")
    return result.findings


def check_fixes(text: str, fmt: str) -> None:
    """The fixer: its output must not add file-errors and a second pass must change nothing."""
    from edlint.fixes import fix_text

    path = PATHS[fmt]
    first = fix_text(linter(), path, text, unsafe=True)
    if not first.changed:
        return
    before = sum(1 for f in linter().lint_file(path, text).findings if f.rule in ("file-error", "internal-error"))
    after = sum(1 for f in first.result.findings if f.rule in ("file-error", "internal-error"))
    if after > before:
        raise FuzzCrash(f"fixes made the file unreadable: {[f.message for f in first.result.findings]}")
    check_text(first.fixed, fmt)
    if any("did not settle" in n for n in first.notes):
        return  # the fixer says so itself; not a crash
    second = fix_text(linter(), path, first.fixed, unsafe=True)
    if second.changed:
        raise FuzzCrash(f"second --fix changed the text again: {first.fixed!r} -> {second.fixed!r}")


_KNOWN: re.Pattern[str] | None = None


def check_bytes(data: bytes, fixed_format: str | None = None, fixes: bool = False) -> None:
    """What the fuzzer runs on each input (known crashes, ``--ignore-known``, pass)."""
    try:
        _check_bytes(data, fixed_format, fixes)
    except FuzzCrash as exc:
        if _KNOWN is not None and _KNOWN.search(str(exc)):
            return
        raise


def _check_bytes(data: bytes, fixed_format: str | None, fixes: bool) -> None:
    from edlint.parsers import decode

    fmt, body = split_input(data, fixed_format)
    text, problem = decode(body)
    if text is None:
        if not problem:
            raise FuzzCrash("decode returned neither text nor a problem")
        # Undecodable bytes are a file-error; fuzz the text anyway, read leniently, so the
        # mutations that break UTF-8 still reach the parsers.
        text = body.replace(b"\x00", b"").decode("utf-8", "replace")
    check_text(text, fmt)
    if fixes:
        check_fixes(text, fmt)


# -- seeds -----------------------------------------------------------------------------------
def seed_inputs() -> list[tuple[str, str]]:
    """(format, text) pairs: the example articles and every input of tests/cases."""
    out: list[tuple[str, str]] = []
    ex = os.path.join(ROOT, "examples")
    for name in sorted(os.listdir(ex)) if os.path.isdir(ex) else ():
        fmt = {".md": "md", ".html": "html", ".txt": "txt"}.get(os.path.splitext(name)[1])
        if fmt:
            with open(os.path.join(ex, name), encoding="utf-8") as fh:
                out.append((fmt, fh.read()))
    cases = os.path.join(ROOT, "tests", "cases")
    if os.path.isdir(cases):
        from edlint.testing import read_cases

        for dirpath, _dirs, files in sorted(os.walk(cases)):
            for name in sorted(files):
                if name.endswith(".cases"):
                    try:
                        for case in read_cases(os.path.join(dirpath, name)):
                            out.append(({"markdown": "md", "text": "txt"}.get(case.fmt, case.fmt), case.text))
                    except (ValueError, OSError):
                        continue
    return out


def write_seeds(folder: str, fixed_format: str | None) -> int:
    import hashlib

    os.makedirs(folder, exist_ok=True)
    n = 0
    for fmt, text in seed_inputs():
        if fixed_format is not None and fmt != fixed_format:
            continue
        body = text.encode("utf-8")
        data = body if fixed_format else bytes([FORMATS.index(fmt)]) + body
        name = hashlib.sha1(data).hexdigest()
        with open(os.path.join(folder, f"seed-{name}"), "wb") as fh:
            fh.write(data)
        n += 1
    return n


# -- a libFuzzer dictionary: the markup edlint parses -------------------------------------------
DICTIONARY = [
    "---\n", "---\r\n", "+++\n", "...\n", "title: ", "author: ", "date: ", "description: ", "tags: ",
    "image: ", "lang: ", "edlint: ", "&a ", "*a", "!!python/object:", "- ", "> ", "> > ", "1. ", "* ",
    "# ", "## ", "```", "~~~", "    ", "| a | b |\n|---|---|\n", "![", "](", ")", "[", "]", " \"", "*", "**", "_",
    "`", "\\", "<img src=a.jpg alt=\"", "<img", " alt=", " src=", "<figure>", "</figure>", "<figcaption>",
    "</figcaption>", "<blockquote>", "</blockquote>", "<p>", "</p>", "<div>", "</div>", "<br>", "<script>",
    "</script>", "<style>", "<!--", "-->", "<![CDATA[", "<title>", "<meta name=author content=", "<article>",
    "<aside class=bio>", "<cite>", "<time datetime=", "<script type=application/ld+json>", "{\"@type\":",
    "&amp;", "&nbsp;", "&#8220;", "&#x201d;", "&bogus;", "{{< figure src=", " >}}", "{{% ", " %}}", "{% image ",
    " %}", "<!-- edlint-disable", "<!-- edlint-disable-next-line ", "<!-- edlint-enable -->", " -->",
    "\r\n", "\r", "\t", "\u00a0", "\u201c", "\u201d", "\u2018", "\u2019", "\u2014", "\u2026", "\ufeff",
    "Photo: ", "Credit: ", "By ", " said", "Monday, June 3", "June 31, 2025", "2025-02-30", "5 km", "3 miles",
    "6'2\"", "\u00a31m", "the the ", "in order to ", "Tuesday",
]


def write_dictionary(path: str) -> None:

    with open(path, "w", encoding="utf-8") as fh:
        for i, token in enumerate(DICTIONARY):
            # libFuzzer dictionary syntax: name="value" with C-style escapes (\xNN for bytes).
            data = token.encode("utf-8")
            escaped = "".join(chr(b) if 32 <= b < 127 and chr(b) not in '"\\' else f"\\x{b:02x}" for b in data)
            fh.write(f'kw{i}="{escaped}"\n')


# -- campaign: three formats, restart after each crash -----------------------------------
def campaign(seconds: float, workdir: str, fixes: bool) -> None:
    import glob
    import subprocess
    import time

    deadline = time.monotonic() + seconds
    started = time.monotonic()
    state = {}
    dictionary = os.path.join(workdir, "edlint.dict")
    os.makedirs(workdir, exist_ok=True)
    write_dictionary(dictionary)
    for fmt in FORMATS:
        corpus = os.path.join(workdir, f"corpus-{fmt}")
        crashes = os.path.join(workdir, f"crashes-{fmt}")
        os.makedirs(crashes, exist_ok=True)
        if not os.path.isdir(corpus) or not os.listdir(corpus):
            write_seeds(corpus, fmt)
        state[fmt] = {"corpus": corpus, "crashes": crashes, "proc": None, "execs": 0, "restarts": 0,
                      "log": os.path.join(workdir, f"log-{fmt}.txt")}

    def start(fmt: str) -> None:
        st = state[fmt]
        left = int(deadline - time.monotonic())
        if left < 5:
            st["proc"] = None
            return
        cmd = [sys.executable, os.path.abspath(__file__), "--format", fmt, f"-max_total_time={left}",
               "-print_final_stats=1", "-timeout=60", f"-dict={dictionary}", "-rss_limit_mb=4096", "-max_len=65536",
               f"-artifact_prefix={st['crashes']}/", st["corpus"]]
        if fixes:
            cmd.insert(2, "--fixes")
        log = open(st["log"], "a", encoding="utf-8")
        log.write(f"\n=== start {time.strftime('%H:%M:%S')}: {' '.join(cmd)}\n")
        log.flush()
        st["proc"] = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, cwd=ROOT)
        st["logfh"] = log
        st["offset"] = os.path.getsize(st["log"])

    def harvest(fmt: str) -> None:
        st = state[fmt]
        st["logfh"].close()
        with open(st["log"], encoding="utf-8", errors="replace") as fh:
            fh.seek(st["offset"])
            text = fh.read()
        m = re.findall(r"stat::number_of_executed_units:\s*(\d+)", text)
        if m:
            st["execs"] += int(m[-1])
        else:  # killed by a crash: take the last status line
            counts = re.findall(r"^#(\d+)\s", text, re.M)
            st["execs"] += int(counts[-1]) if counts else 0

    for fmt in FORMATS:
        start(fmt)
    while any(st["proc"] is not None for st in state.values()):
        time.sleep(2)
        for fmt, st in state.items():
            proc = st["proc"]
            if proc is None or proc.poll() is None:
                continue
            harvest(fmt)
            if proc.returncode != 0:
                st["restarts"] += 1
            start(fmt)
    elapsed = time.monotonic() - started
    print(f"fuzz_edlint campaign: {elapsed / 60:.1f} min wall clock, 3 formats in parallel")
    for fmt, st in state.items():
        crashes = sorted(glob.glob(os.path.join(st["crashes"], "*")))
        print(f"  {fmt:<5} executions={st['execs']:>9}  restarts after crash={st['restarts']}  "
              f"crash files={len(crashes)}  corpus={len(os.listdir(st['corpus']))}")
        for c in crashes:
            print(f"        {c}")


# -- main ---------------------------------------------------------------------------------------
def main(argv: list[str]) -> None:
    argv = list(argv)
    # libFuzzer re-runs this script for -minimize_crash, -fork and -jobs with the arguments
    # it was given, which no longer hold ours: pass them on through the environment.
    fixed_format = _pop_option(argv, "--format") or os.environ.get("EDLINT_FUZZ_FORMAT") or None
    if fixed_format is not None and fixed_format not in FORMATS:
        sys.exit(f"--format must be one of {', '.join(FORMATS)}")
    fixes = bool(_pop_option(argv, "--fixes", has_value=False)) or os.environ.get("EDLINT_FUZZ_FIXES") == "1"
    known = _pop_option(argv, "--ignore-known") or os.environ.get("EDLINT_FUZZ_IGNORE") or None
    if known:
        global _KNOWN
        _KNOWN = re.compile(str(known))
        os.environ["EDLINT_FUZZ_IGNORE"] = str(known)
    if fixed_format:
        os.environ["EDLINT_FUZZ_FORMAT"] = str(fixed_format)
    if fixes:
        os.environ["EDLINT_FUZZ_FIXES"] = "1"
    seeds = _pop_option(argv, "--seed-corpus")
    replay = _pop_option(argv, "--replay", has_value=False)
    campaign_seconds = _pop_option(argv, "--campaign")
    dict_path = _pop_option(argv, "--write-dict")
    if dict_path:
        write_dictionary(str(dict_path))
        return
    workdir = _pop_option(argv, "--workdir") or os.path.join(tempfile.gettempdir(), "edlint-fuzz")

    if campaign_seconds:
        campaign(float(campaign_seconds), str(workdir), fixes)
        return

    if replay:
        files = [a for a in argv[1:] if not a.startswith("-")]
        sys.path.insert(0, os.path.join(ROOT, "src"))
        failed = 0
        for path in files:
            with open(path, "rb") as fh:
                data = fh.read()
            try:
                check_bytes(data, fixed_format, fixes)
                print(f"ok      {path}")
            except Exception as exc:  # noqa: BLE001 - report every failure
                failed += 1
                print(f"FAILED  {path}: {type(exc).__name__}: {exc}")
        sys.exit(1 if failed else 0)

    import atheris

    with atheris.instrument_imports(include=["edlint"]):
        import edlint.api  # noqa: F401
        import edlint.engine  # noqa: F401
        import edlint.fixes  # noqa: F401
        import edlint.parsers.html  # noqa: F401
        import edlint.parsers.markdown  # noqa: F401
        import edlint.parsers.text  # noqa: F401

        linter()  # imports every rule module (and the packs) under instrumentation
        linter().run_text("Warm-up.\n", "warm.md")

    if seeds:
        n = write_seeds(str(seeds), fixed_format)
        print(f"fuzz_edlint: wrote {n} seed inputs to {seeds}", file=sys.stderr)
        if str(seeds) not in argv:
            argv.append(str(seeds))

    def test_one_input(data: bytes) -> None:
        check_bytes(data, fixed_format, fixes)

    atheris.Setup(argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main(sys.argv)
