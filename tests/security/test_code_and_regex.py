"""Safe on an untrusted tree, part B (issue 19): no code runs because a file in the tree
says so; plugin output cannot corrupt a report; the cache notices plugin code; Markdown,
quantities and pack regexes stay linear on hostile input; the LanguageTool client is
bounded. Each test fails on the code before the fix."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

ARTICLE = """---
title: Ferry timetable changes from Monday
author: Sam Okafor
date: 2024-05-02
description: The island ferry adds an early sailing on weekdays.
---

The island ferry will add a 6.15am sailing on weekdays from Monday, the operator said.
"""

# A plugin that proves it ran: it writes a marker file, prints to stdout, and flags "ferry".
EVIL = """
import os
open(os.path.join(os.path.dirname(os.path.abspath(__file__)), {marker!r}), "w").write("ran")
print("PLUGIN SAYS HELLO")
os.write(1, b"RAW FD WRITE\\n")
from edlint.rules.base import Finding, rule

@rule({rule_id!r}, family="house", summary="Flags the word ferry")
def house_ferry(doc, opts):
    print("CHECK SAYS HELLO")
    for block in doc.prose:
        at = block.text.text.find("ferry")
        if at >= 0:
            yield Finding(block.text.source_span(at, at + 5), "Say boat")
"""


def run_edlint(args, cwd, env=None, stdin=None):
    full = dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path))
    full.update(env or {})
    code = "import sys; from edlint.cli import run; sys.argv[1:] = " + repr(list(args)) + "; run()"
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=cwd,
        env=full,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.fixture
def hostile_tree(tmp_path):
    """A pull request that adds a config with a plugin in a subfolder."""
    news = tmp_path / "news"
    news.mkdir()
    (news / "ferry.md").write_text(ARTICLE, encoding="utf-8")
    (news / "evil.py").write_text(EVIL.format(marker="MARKER", rule_id="house-ferry"), encoding="utf-8")
    (news / ".edlint.yaml").write_text("plugins: [evil.py]\nextend_select: [house-ferry]\n", encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(
    "args, stdin",
    [
        (["check", "--no-cache", "news"], None),
        (["check", "--no-cache", "--jobs", "2", "news"], None),
        (["check", "news/ferry.md"], None),  # with the cache
        (["check", "--diff", "news/ferry.md"], None),
        (["check", "--stdin-filename", "news/ferry.md", "-"], ARTICLE),
        (["rules", "--config", "news/.edlint.yaml"], None),
        (["explain", "house-ferry", "--config", "news/.edlint.yaml"], None),
    ],
)
def test_plugin_named_in_a_tree_config_does_not_run_unless_allowed(hostile_tree, args, stdin):
    proc = run_edlint(args, hostile_tree, stdin=stdin)
    assert not (hostile_tree / "news" / "MARKER").exists(), "the plugin ran"
    assert "HELLO" not in proc.stdout + proc.stderr
    assert proc.stderr.count("plugins not loaded: 'evil.py'") == 1, proc.stderr
    assert "--allow-plugins" in proc.stderr and "Traceback" not in proc.stderr
    if args[0] == "check":
        assert proc.returncode in (0, 1), proc.stderr  # the run went on without the plugin
        assert "house-ferry" not in proc.stdout
    elif args[0] == "explain":
        assert proc.returncode == 2 and "unknown rule 'house-ferry'" in proc.stderr


def test_a_config_in_the_tree_cannot_allow_plugins(hostile_tree):
    (hostile_tree / "news" / ".edlint.yaml").write_text("allow_plugins: true\nplugins: [evil.py]\n", encoding="utf-8")
    run_edlint(["check", "--no-cache", "news"], hostile_tree)
    assert not (hostile_tree / "news" / "MARKER").exists()


def test_plugin_named_as_a_module_is_not_imported(tmp_path):
    (tmp_path / "ferry.md").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "house_module.py").write_text(EVIL.format(marker="MARKER", rule_id="house-ferry"), encoding="utf-8")
    (tmp_path / ".edlint.yaml").write_text("plugins: [house_module]\n", encoding="utf-8")
    proc = run_edlint(
        ["check", "--no-cache", "ferry.md"], tmp_path, env={"PYTHONPATH": os.pathsep.join([str(tmp_path), *sys.path])}
    )
    assert not (tmp_path / "MARKER").exists()
    assert "plugins not loaded: 'house_module'" in proc.stderr


@pytest.mark.parametrize("how", ["flag", "env", "user-config"])
def test_user_allows_plugins_and_their_output_stays_off_the_json_report(hostile_tree, tmp_path, how):
    args, env = ["check", "--no-cache", "--format", "json", "news"], {}
    if how == "flag":
        args.insert(1, "--allow-plugins")
    elif how == "env":
        env["EDLINT_ALLOW_PLUGINS"] = "1"
    else:
        home = tmp_path / "xdg"
        (home / "edlint").mkdir(parents=True)
        (home / "edlint" / "config.yaml").write_text("allow_plugins: true\n", encoding="utf-8")
        env["XDG_CONFIG_HOME"] = str(home)
    proc = run_edlint(args, hostile_tree, env=env)
    assert (hostile_tree / "news" / "MARKER").exists()
    report = json.loads(proc.stdout)  # nothing the plugin printed is in it
    assert [f["rule"] for f in report["findings"]] == ["house-ferry"]
    assert "PLUGIN SAYS HELLO" in proc.stderr and "RAW FD WRITE" in proc.stderr and "CHECK SAYS HELLO" in proc.stderr
    assert "plugins not loaded" not in proc.stderr


HELPER_PLUGIN = """
from edlint.rules.base import Finding, rule
from {helper} import WORD

@rule({rule_id!r}, family="house", summary="Flags a word")
def flag_word(doc, opts):
    for block in doc.prose:
        at = block.text.text.find(WORD)
        if at >= 0:
            yield Finding(block.text.source_span(at, at + len(WORD)), "House word " + WORD)
"""


@pytest.mark.parametrize("spec", ["house_by_name", "house_by_path.py"])
def test_cache_notices_an_edited_plugin_module_and_the_modules_it_imports(tmp_path, spec):
    """A plugin named as a module, and the helper modules any plugin imports, are code the
    cache key must cover: edit one and the findings change on the next run."""
    name = spec.removesuffix(".py")
    helper = f"{name}_words"
    (tmp_path / "ferry.md").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / f"{name}.py").write_text(HELPER_PLUGIN.format(helper=helper, rule_id="house-word"), encoding="utf-8")
    (tmp_path / f"{helper}.py").write_text("WORD = 'ferry'\n", encoding="utf-8")
    (tmp_path / ".edlint.yaml").write_text(f"plugins: [{spec}]\nextend_select: [house-word]\n", encoding="utf-8")
    env = {
        "EDLINT_ALLOW_PLUGINS": "1",
        "PYTHONPATH": os.pathsep.join([str(tmp_path), *sys.path]),
        "PYTHONDONTWRITEBYTECODE": "1",
    }
    first = run_edlint(["check", "--format", "json", "ferry.md"], tmp_path, env=env)
    assert [f["message"] for f in json.loads(first.stdout)["findings"]] == ["House word ferry"]
    (tmp_path / f"{helper}.py").write_text("WORD = 'sailing'\n", encoding="utf-8")
    second = run_edlint(["check", "--format", "json", "ferry.md"], tmp_path, env=env)
    assert [f["message"] for f in json.loads(second.stdout)["findings"]] == ["House word sailing"]
    # And a run that skips the plugin is not served the findings of the run that loaded it.
    env.pop("EDLINT_ALLOW_PLUGINS")
    third = run_edlint(["check", "--format", "json", "ferry.md"], tmp_path, env=env)
    assert json.loads(third.stdout)["findings"] == []


# -- linear on hostile Markdown and quantities (defect 6) ---------------------------------------
class CountingInt(int):
    """An offset that counts how often it is compared: the work of a containment check."""

    compared = 0

    def _count(self, other, op):
        CountingInt.compared += 1
        return op(int(self), int(other))

    def __lt__(self, other):
        return self._count(other, int.__lt__)

    def __le__(self, other):
        return self._count(other, int.__le__)

    def __gt__(self, other):
        return self._count(other, int.__gt__)

    def __ge__(self, other):
        return self._count(other, int.__ge__)


def test_unit_spellings_check_each_meter_against_the_quantities_in_log_time():
    """Every bare "meter" was compared with every quantity of the block: 592 KB of
    "5 km (3 miles) and a meter." took 25 s. Count the comparisons instead of timing them."""
    from edlint.text.quantities import find_quantities, find_unit_spellings

    n = 1500
    text = "The ferry sails 5 km (3 miles) to a tide meter. " * n
    found = find_quantities(text)
    assert len(found) >= 2 * n

    class Q:
        def __init__(self, q):
            self.unit_start, self.unit_end = CountingInt(q.unit_start), CountingInt(q.unit_end)

    counted = [Q(q) for q in found]
    CountingInt.compared = 0
    spellings = find_unit_spellings(text, counted)
    assert len(spellings) == 0 or all(sm.family == "metre" for sm in spellings)
    # n log n for sorting and bisecting; the old scan made about 2 * n * n / 2 comparisons.
    assert CountingInt.compared < 40 * len(counted), CountingInt.compared


def test_unmatched_brackets_do_not_make_the_parser_scan_the_paragraph_from_each_one(monkeypatch):
    """markdown-it scans for the end of a link's text from each '[' (up to the nesting limit
    deep): a page of unmatched '[' took 92 s for 2 MB. Count the parser's token skips."""
    from markdown_it.parser_inline import ParserInline

    from edlint.parsers import ParseOptions, parse

    calls = {"n": 0}
    real = ParserInline.skipToken

    def counting(self, state):
        calls["n"] += 1
        return real(self, state)

    monkeypatch.setattr(ParserInline, "skipToken", counting)
    n = 3000
    body = "The council [draft said " * n
    doc = parse(
        "story.md",
        f"---\ntitle: Budget\n---\n\n{body}\n\nThe [vote](https://example.org/vote) passed.\n",
        "markdown",
        ParseOptions(),
    )
    assert calls["n"] < 10 * n, calls["n"]  # was about 200 per bracket
    # The real link after the hostile paragraph is still a link; the text is still read.
    assert any("The vote passed." in b.text.text for b in doc.prose)
    assert any("The council" in b.text.text for b in doc.prose)


def test_a_few_unmatched_brackets_are_left_alone():
    from edlint.parsers.markdown import _defuse_brackets

    text = "Prices [rose in May. [Sources said] the [board met.\n\n[a](b) [c]\n"
    assert _defuse_brackets(text, 0) == text


LONG_LINE_PROBE = """
import sys
from edlint.parsers.markdown import _code_regions
line = sys.argv[1] * int(sys.argv[2])
regions = _code_regions("Intro\\n\\n" + line + "\\n", 0)
print(len(regions))
"""


@pytest.mark.parametrize("unit, count", [("`", 1_000_000), ("x`x``x```", 150_000)])
def test_code_span_search_is_linear_on_a_line_of_backtick_runs(unit, count):
    """The code-span pattern tried every backtick against the rest of its line: 80 KB took
    44 s, so 1 MB would take hours. Linear, it takes well under a second: a generous
    subprocess deadline tells the two apart whatever the machine's load."""
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path))
    proc = subprocess.run(
        [sys.executable, "-c", LONG_LINE_PROBE, unit, str(count)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr


def test_code_spans_pair_runs_of_the_same_length_on_a_line():
    from edlint.parsers.markdown import _code_regions

    text = "Use `{{< figure >}}` or ``a ` b`` here; ``` stays text.\nNot `across\nlines`.\n"
    spans = [text[r.start : r.end] for r in _code_regions(text, 0)]
    assert spans == ["`{{< figure >}}`", "``a ` b``"]


# -- pack regexes run under a CPU budget (defect 7) -------------------------------------------------
BUDGET_PROBE = """
import sys
from edlint.rules.declarative import regex_budget
if hasattr(regex_budget, "RegexBudget"):
    regex_budget.RegexBudget.SECONDS = 0.3  # a short budget keeps the test quick
from edlint.cli import run
sys.argv[1:] = sys.argv[2:]
run()
"""


@pytest.mark.parametrize(
    "pattern, body",
    [
        (r"\w*\w*\w*\w*\w*\w*x", "x marks it. " + "a" * 5000),
        (r".*a.*b.*c.*d.*e.*f.*g", "g " + "abcdef " * 3000),
        (r"(\w+)\1+x", "x " + "a" * 20000),
        ("a?" * 28 + "a" * 28, "a" * 28),
        (r"\s+$", "Word" + " " * 200_000 + "x."),
    ],
)
def test_a_pack_pattern_that_runs_too_long_is_stopped_and_named_with_its_pack_line(tmp_path, pattern, body):
    """These patterns pass the load-time check (nothing nested) and run for minutes to years
    on the body: they must be stopped and reported as an internal error naming the pack's
    file and line, while the other rules still report."""
    pack = f"""pack: house
rules:
  - id: house-plain
    type: existence
    message: "Plain {{match}}"
    patterns: ['harbour']
  - id: house-slow
    type: existence
    message: "Slow {{match}}"
    patterns: [{json.dumps(pattern)}]
"""
    (tmp_path / "house.yaml").write_text(pack, encoding="utf-8")
    (tmp_path / ".edlint.yaml").write_text("packs: [house.yaml]\nselect: [house]\n", encoding="utf-8")
    # `lang: en`: the body is not prose, and undeclared text that does not read as English
    # gets no English pack rules at all.
    (tmp_path / "story.md").write_text(
        f"---\ntitle: The harbour\nlang: en\n---\n\nThe harbour opens.\n\n{body}\n", encoding="utf-8"
    )
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path))
    proc = subprocess.run(
        [sys.executable, "-c", BUDGET_PROBE, "edlint", "check", "--no-cache", "--format", "json", "story.md"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    findings = json.loads(proc.stdout)["findings"]
    assert proc.returncode == 2, proc.stderr
    assert [f["rule"] for f in findings] == ["internal-error", "house-plain"]
    message = findings[0]["message"]
    assert "house.yaml:10: pattern /" in message and "took more than" in message, message


def test_the_budget_is_cpu_time_of_one_rule_on_one_document():
    from edlint.rules.declarative.regex_budget import BudgetExceeded, RegexBudget

    if not RegexBudget.available():
        pytest.skip("no CPU timer here")
    assert RegexBudget.run(lambda: iter(range(5)), 0.05, 3) == [0, 1, 2]

    def busy():
        import re

        re.search(r"(x+x+)+y", "x" * 40)  # would backtrack for ages
        yield 1

    with pytest.raises(BudgetExceeded):
        RegexBudget.run(busy, 0.2, 10)
    # After an overrun the next budget starts afresh.
    assert RegexBudget.run(lambda: iter([1]), 0.2, 10) == [1]


# -- the LanguageTool client is bounded (defect 9) and its cache behaves (defect 10) ---------------
import socket  # noqa: E402 - the imports of this part of the file, kept beside it
import threading  # noqa: E402


class RawServer:
    """A loopback HTTP server that answers every request with ``respond(conn)``: any shape,
    any pace (LanguageTool stand-ins that misbehave)."""

    def __init__(self, respond):
        self.respond = respond
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(8)
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}"
        self.requests = 0
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._serve, daemon=True)

    def _serve(self):
        self.sock.settimeout(0.2)
        while not self.stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.requests += 1
            threading.Thread(target=self._one, args=(conn,), daemon=True).start()

    def _one(self, conn):
        try:
            conn.settimeout(5)
            data = b""
            while b"\r\n\r\n" not in data:
                data += conn.recv(65536)
            head, _, rest = data.partition(b"\r\n\r\n")
            length = int(
                next(
                    (ln.split(b":")[1] for ln in head.split(b"\r\n") if ln.lower().startswith(b"content-length")), b"0"
                )
            )
            while len(rest) < length:
                rest += conn.recv(65536)
            self.respond(conn, self)
        except OSError:
            pass
        finally:
            conn.close()

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.stop.set()
        self.sock.close()


def json_answer(payload) -> callable:
    body = json.dumps(payload).encode()

    def respond(conn, server):
        conn.sendall(
            b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
            + str(len(body)).encode()
            + b"\r\nConnection: close\r\n\r\n"
            + body
        )

    return respond


def client_for(url, **settings):
    from edlint.languagetool import Client, ServerSettings

    return Client(ServerSettings(url=url, **{"retries": 0, "timeout_s": 2.0, **settings}))


def test_a_server_that_trickles_its_answer_is_cut_off_at_the_request_deadline():
    """One byte every 0.3 s never trips a per-read timeout of 1 s; the whole request must
    still end at its deadline (before, this answer took 25 s and was then used)."""
    body = json.dumps({"matches": [{"offset": 0, "length": 5, "message": "Slow", "rule": {"id": "SLOW"}}]}).encode()

    def trickle(conn, server):
        conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: " + str(len(body)).encode() + b"\r\n\r\n")
        for byte in body:
            if server.stop.is_set():
                return
            conn.sendall(bytes([byte]))
            threading.Event().wait(0.3)

    with RawServer(trickle) as server:
        client = client_for(server.url, timeout_s=1.0, retries=2)
        assert client.check("Ferry sails at dawn.", "en-GB") is None
        assert client.failed and server.requests == 1  # a deadline miss is not retried
    assert "no complete answer within 1 s" in client.messages[0]


def test_an_answer_larger_than_the_cap_is_refused(monkeypatch):
    from edlint import languagetool

    monkeypatch.setattr(languagetool, "MAX_RESPONSE_BYTES", 2000)
    big = {"matches": [], "padding": "x" * 5000}

    def chunked(conn, server):  # no Content-Length: only reading tells the size
        body = json.dumps(big).encode()
        conn.sendall(b"HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n" + body)

    for respond in (json_answer(big), chunked):
        with RawServer(respond) as server:
            client = client_for(server.url)
            assert client.check("Ferry sails at dawn.", "en-GB") is None
        assert "2,000 bytes" in client.messages[0], client.messages


@pytest.mark.parametrize(
    "payload",
    [
        [1, 2, 3],
        {"matches": 5},
        {"matches": "none"},
        "just a string",
    ],
)
def test_an_answer_of_the_wrong_shape_is_a_clear_message_not_an_internal_error(payload):
    with RawServer(json_answer(payload)) as server:
        config = {"select": ["grammar"], "languagetool": {"url": server.url, "cache": False, "retries": 0}}
        import edlint

        result = edlint.lint_text(ARTICLE, path="story.md", config=config)
    assert not result.internal_error
    assert not any(f.rule == "internal-error" for f in result.findings)
    assert any("gave an answer edlint cannot read" in m for m in result.messages), result.messages


def test_odd_matches_are_dropped_with_one_warning_and_good_ones_kept():
    text = "The ferry 😀 sails at dawn."  # one astral character: 27 UTF-16 units, 26 characters
    good = {"offset": 13, "length": 5, "message": "Sails?", "rule": {"id": "R1", "category": {"id": "C"}}}
    payload = {
        "matches": [
            good,
            {"offset": 40, "length": 3, "message": "Past the end"},
            {"offset": 25, "length": 3, "message": "Runs past the end"},
            {"offset": -1, "length": 2},
            {"offset": "3", "length": 1},
            7,
            {"offset": 4, "length": 5, "rule": "not an object", "replacements": [1, {"value": "boat"}]},
        ]
    }
    with RawServer(json_answer(payload)) as server:
        client = client_for(server.url)
        matches = client.check(text, "en-GB")
        client.check(text + " Later.", "en-GB")  # drops some again: still one warning
    assert [text[m.offset : m.offset + m.length] for m in matches] == ["sails", "ferry"]
    assert matches[1].replacements == ("boat",) and matches[1].rule_id == ""
    assert sum("outside the text" in m for m in client.messages) == 1


def grammar_site(tmp_path, url):
    (tmp_path / "story.md").write_text(
        "---\ntitle: Ferry\n---\n\nThe ferry leaves teh harbour at dawn.\n", encoding="utf-8"
    )
    (tmp_path / ".edlint.yaml").write_text(
        f"select: [grammar]\nlanguagetool: {{url: '{url}', retries: 0}}\n", encoding="utf-8"
    )


def test_no_cache_also_skips_the_languagetool_answer_cache(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from edlint.cli import main
    from lt_standin import StandIn

    monkeypatch.chdir(tmp_path)
    with StandIn() as lt:
        grammar_site(tmp_path, lt.url)
        for _ in range(2):
            result = CliRunner().invoke(main, ["check", "--no-cache", "story.md"], catch_exceptions=False)
            assert "MORFOLOGIK_RULE_EN_US" in result.output
        assert len(lt.requests) == 2  # asked each time
    assert not (tmp_path / ".edlint_cache" / "languagetool.jsonl").exists()
    assert "EDLINT_NO_CACHE" not in os.environ


def test_the_answer_cache_is_not_written_or_read_through_a_symlink(tmp_path, monkeypatch):
    import edlint
    from lt_standin import StandIn

    outside = tmp_path / "outside.txt"
    outside.write_text("precious\n", encoding="utf-8")
    site = tmp_path / "site"
    site.mkdir()
    (site / ".edlint_cache").mkdir()
    (site / ".edlint_cache" / "languagetool.jsonl").symlink_to(outside)
    with StandIn() as lt:
        grammar_site(site, lt.url)
        result = edlint.lint_paths([str(site / "story.md")])
    assert any(f.rule in ("grammar", "spelling") for f in result.findings)
    assert outside.read_text(encoding="utf-8") == "precious\n"
    # A symlinked cache folder is refused as well.
    (site / ".edlint_cache" / "languagetool.jsonl").unlink()
    (site / ".edlint_cache").rmdir()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (site / ".edlint_cache").symlink_to(elsewhere)
    with StandIn() as lt:
        grammar_site(site, lt.url)
        edlint.lint_paths([str(site / "story.md")])
    assert list(elsewhere.iterdir()) == []


def test_replay_key_holds_the_languagetool_url_from_the_environment(tmp_path, monkeypatch):
    """A run recorded without EDLINT_LANGUAGETOOL_URL must not be replayed once it is set:
    the grammar rule would be silently skipped for the rest of the day."""
    from click.testing import CliRunner

    from edlint.cli import main
    from lt_standin import StandIn

    monkeypatch.chdir(tmp_path)
    (tmp_path / "story.md").write_text(
        "---\ntitle: Ferry\n---\n\nThe ferry leaves teh harbour at dawn.\n", encoding="utf-8"
    )
    monkeypatch.delenv("EDLINT_LANGUAGETOOL_URL", raising=False)
    for _ in range(2):
        plain = CliRunner().invoke(main, ["check", "story.md"], catch_exceptions=False)
        assert "warning spelling" not in plain.output
    with StandIn() as lt:
        monkeypatch.setenv("EDLINT_LANGUAGETOOL_URL", lt.url)
        with_server = CliRunner().invoke(main, ["check", "story.md"], catch_exceptions=False)
    assert "warning spelling" in with_server.output  # "teh": the grammar family's spelling rule


def test_the_budget_timer_stops_when_unused_and_never_outlives_the_interpreter(tmp_path):
    """The CPU timer's signal must not reach code that is not under a budget nor the
    interpreter's shutdown (its default action ends the process)."""
    probe = (
        "import time, edlint\n"
        "edlint.lint_text('---\\ntitle: Ferry\\n---\\n\\nThe the ferry leaves.\\n', path='a.md')\n"
        "from edlint.rules.declarative.regex_budget import RegexBudget\n"
        "start = time.process_time()\n"
        "while time.process_time() - start < 0.6:\n    pass\n"
        "print('ARMED', RegexBudget._armed)\n"
    )
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path))
    proc = subprocess.run(
        [sys.executable, "-c", probe], env=env, capture_output=True, text=True, timeout=120, check=False
    )
    assert proc.returncode == 0, proc.stderr
    assert "ARMED False" in proc.stdout


def test_a_paragraph_of_quote_marks_is_not_scanned_mark_by_mark():
    """A 4.9 MB run of alternating quote marks took over 12 minutes (one message per mark,
    each searching the whole run for a space): a block with thousands of marks is not
    prose, and is left unscanned."""
    from edlint.rules.quotes.view import _around
    from edlint.text.quotes import MAX_MARKS_PER_TEXT, scan_quotes

    run = '"\u201c' * (MAX_MARKS_PER_TEXT + 1)
    assert scan_quotes(run).marks == ()
    prose = 'The mayor said "we will rebuild the pier" on Monday.'
    assert len(scan_quotes(prose).marks) == 2
    # The words around a mark are looked for within a bounded window.
    long_word = "x" * 1_000_000 + '"' + "y" * 1_000_000
    assert len(_around(long_word, 1_000_000)) <= 2 * (12 + 40) + 1


def test_a_run_of_quote_marks_gives_no_quote_findings():
    from edlint.testing import findings

    text = "---\ntitle: Pier\nlang: en\n---\n\n" + '"\u201c' * 20_000 + "\n"
    assert [f.rule for f in findings(text, "md", select=["quotes"])] == []
