"""The HTML report: every finding shown, article text escaped, self-contained; and opened in
a real headless Chromium (skipped, with the reason shown, when chromium is not installed)."""

import html
import os
import re
import shutil
import subprocess

import pytest

from ci_helpers import BUDGET, CLEAN, FERRY, project, run

HOSTILE = """\
---
title: Harbour <b>board</b> & "friends"
---

The board met.  Rates rose 4 per cent. <script>document.documentElement.setAttribute('data-pwned', 'yes');</script>

<img src=x onerror="document.documentElement.setAttribute('data-pwned', 'img')">

![](IMG_0423.jpg)
"""


@pytest.fixture
def report(tmp_path, monkeypatch):
    root = project(
        tmp_path,
        {
            "news/budget.md": BUDGET,
            "news/ferry.md": FERRY,
            "news/regatta.md": CLEAN,
            "news/hostile.md": HOSTILE,
            "news/page.html": "<html><body><p>Fares rose 3 per cent.</p><p><img src='a.jpg'></p></body></html>",
        },
    )
    monkeypatch.chdir(root)
    result = run(["check", "--format", "html", "--output", "report.html", "news"])
    assert result.exit_code == 1
    json_result = run(["check", "--format", "json", "news"])
    import json

    findings = json.loads(json_result.stdout)["findings"]
    with open("report.html", encoding="utf-8") as fh:
        return fh.read(), findings, os.path.abspath("report.html")


def test_every_finding_is_listed(report):
    page, findings, _ = report
    assert len(findings) > 10
    items = re.findall(r'<li class="finding (\w+)" id="(f\d+-i\d+)">', page)
    assert len(items) == len(findings)
    for f in findings:
        assert html.escape(f["message"], quote=True) in page
        assert f'href="#rule-{f["rule"]}"' in page
    # Each finding is highlighted in the text (a mark anchor) and linked both ways.
    assert len(re.findall(r'<span class="anchor" id="f\d+-m\d+">', page)) == len(findings)


def test_article_text_is_escaped(report):
    page, _, _ = report
    assert "<script>document" not in page
    assert "&lt;script&gt;document.documentElement.setAttribute(&#x27;data-pwned&#x27;" in page
    assert "<img src=x" not in page
    assert "&lt;img src=x onerror=" in page
    assert "title: Harbour &lt;b&gt;board&lt;/b&gt; &amp; &quot;friends&quot;" in page


def test_page_is_self_contained(report):
    page, _, _ = report
    assert "<script" not in page
    assert "<link" not in page
    # Nothing is loaded: no src= at all, no CSS imports or url(); links (rule docs) only navigate.
    assert not re.search(r"<[a-zA-Z][^>]*\ssrc=", page)
    assert "@import" not in page and "url(" not in page
    assert "Content-Security-Policy" in page and "default-src 'none'" in page
    # The findings' own links stay inside the page.
    listing = page[page.index('<aside class="findings"') : page.index('<section class="rules"')]
    assert not re.search(r'href="(?!#)', listing)


def test_severity_colours_and_rule_explanations(report):
    page, _, _ = report
    assert 'class="finding warning"' in page and 'class="finding info"' in page
    assert '<mark class="warning"' in page and '<mark class="info"' in page
    assert "--warning:" in page and "--info:" in page and "--error:" in page
    assert '<article id="rule-image-alt">' in page
    assert "<h2>Why is this bad?</h2>" in page  # the rule docs, rendered
    assert "Fix (safe, applied by --fix): Use the % sign" in page
    assert "Fix (unsafe, applied by --fix --unsafe-fixes)" in page
    assert "Files without findings (1)" in page and "news/regatta.md" in page


def test_overlapping_findings_and_line_numbers(report):
    page, _, _ = report
    # "10 per cent" (percent-sign) contains "per cent" (per-cent): both anchors, one text.
    budget = page[page.index("<h2>news/budget.md</h2>") :]
    budget = budget[: budget.index("</section>")]
    line7 = re.search(r'<div class="line hit" id="f\d+-L7">.*?</div>', budget, re.S).group(0)
    text = re.sub(r'<sup class="ref">.*?</sup>|<span class="ln">\d+</span>', "", line7, flags=re.S)
    text = html.unescape(re.sub(r"<[^>]+>", "", text))
    assert text == "The council voted on Tuesday.  Taxes rise 10 per cent, and the harbour fund gets 3 per cent more."
    assert line7.count('class="anchor"') == 5


def test_findings_in_a_file_that_cannot_be_read(tmp_path, monkeypatch):
    root = project(tmp_path, {"broken.md": b"\xff\xfe\x00binary"})
    monkeypatch.chdir(root)
    result = run(["check", "--format", "html", "broken.md"])
    assert "could not be shown" in result.stdout
    assert "file-error" in result.stdout


def test_stdin_report_uses_the_text_given(tmp_path, monkeypatch):
    root = project(tmp_path, {})
    monkeypatch.chdir(root)
    result = run(["check", "--format", "html", "--stdin-filename", "story.md", "-"], input="Rates rose 4 per cent.\n")
    assert 'Rates rose <span class="anchor"' in result.stdout


def test_long_articles_scroll_in_their_own_pane(tmp_path, monkeypatch):
    paragraphs = "\n\n".join(f"Paragraph {i} says rates rose {i} per cent." for i in range(400))
    root = project(tmp_path, {"long.md": paragraphs + "\n"})
    monkeypatch.chdir(root)
    page = run(["check", "--format", "html", "long.md"]).stdout
    assert page.count('class="finding ') == 800
    assert "max-height: 80vh; overflow: auto" in page


def test_very_long_files_show_only_the_lines_around_findings(tmp_path, monkeypatch):
    filler = "\n\n".join(f"Paragraph {i} of the council minutes." for i in range(300))
    minified = "<p>" + "x" * 40_000 + " rates rose 4 per cent " + "y" * 40_000 + "</p>"
    root = project(tmp_path, {"long.md": filler + "\n\nRates rose 4 per cent.\n", "min.html": minified + "\n"})
    monkeypatch.chdir(root)
    page = run(["check", "--format", "html", "long.md", "min.html"]).stdout
    assert "only the lines around its findings are shown" in page
    assert "lines without findings not shown" in page
    assert "Paragraph 299 of the council minutes." in page  # line 597, next to the finding
    assert "Paragraph 3 of the council minutes." not in page
    assert re.search(r'id="f\d+-L601"', page)
    assert "characters …]" in page  # the minified line is cut around its finding
    assert "x" * 1000 not in page
    assert page.count('class="anchor"') == 4


# -- a real browser -----------------------------------------------------------------------------------
def chromium():
    for name in ("chromium", "chromium-browser", "google-chrome", "chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


CHROMIUM = chromium()
needs_chromium = pytest.mark.skipif(
    CHROMIUM is None,
    reason="chromium is not installed (apt-get install -y chromium) - the HTML report was not checked in a browser",
)


def browse(path, *extra, tmp):
    args = [
        CHROMIUM,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        "--disable-dev-shm-usage",
        f"--user-data-dir={tmp}",
        *extra,
        "file://" + path,
    ]
    proc = subprocess.run(args, capture_output=True, text=True, timeout=120)
    return proc


@needs_chromium
@pytest.mark.slow  # a real browser
def test_chromium_renders_every_finding_and_runs_no_article_script(report, tmp_path):
    _, findings, path = report
    # Control: this browser does run scripts, so "did not run" below means something.
    control = tmp_path / "control.html"
    control.write_text(
        "<html><body><script>document.documentElement.setAttribute('data-pwned', 'yes');</script></body></html>"
    )
    proc = browse(str(control), "--dump-dom", tmp=tmp_path / "profile-control")
    assert 'data-pwned="yes"' in proc.stdout, proc.stderr[-2000:]

    proc = browse(path, "--dump-dom", tmp=tmp_path / "profile")
    dom = proc.stdout
    assert "<body" in dom, proc.stderr[-2000:]
    assert "data-pwned" not in dom.split("<body", 1)[0]  # the <html> element was not touched
    assert 'data-pwned="' not in re.sub(r"&[^;]+;", "", dom.split("<body", 1)[0])
    # The script stayed text, visible to the editor, and never became an element.
    assert "&lt;script&gt;document.documentElement.setAttribute('data-pwned', 'yes');&lt;/script&gt;" in dom
    assert "<script" not in dom
    assert '<img src="x"' not in dom
    for f in findings:
        assert html.escape(f["message"], quote=False) in dom
    assert len(re.findall(r'<li class="finding ', dom)) == len(findings)


@needs_chromium
@pytest.mark.slow  # a real browser
def test_chromium_screenshot(report, tmp_path):
    _, _, path = report
    shot = tmp_path / "report.png"
    proc = browse(path, f"--screenshot={shot}", "--window-size=1280,1600", tmp=tmp_path / "profile")
    assert shot.exists(), proc.stderr[-2000:]
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert len(data) > 20_000  # a page with content, not a blank one
