"""Source offsets onto the rendered article: each finding marked at its words in Markdown
(through emphasis, links, escapes, entities, lists, quotes, tables, raw HTML blocks, CRLF),
HTML and plain text; and the sanitiser: no script, handler or remote load survives."""

from __future__ import annotations

import pytest

from conftest import marked

pytest.importorskip("nh3", reason="the serve extra is not installed")

from edlint.serve.render import Span, render


def spans_for(text: str, *words: str) -> list[Span]:
    """A span per word: its first occurrence after the previous word's."""
    out, pos = [], 0
    for i, word in enumerate(words):
        at = text.index(word, pos)
        out.append(Span(i, at, at + len(word), "warning"))
        pos = at + len(word)
    return out


def marks_of(text: str, fmt: str, *words: str, **kwargs) -> dict[int, str]:
    done = render(text, fmt, spans_for(text, *words), **kwargs)
    assert done.placed == set(range(len(words)))
    return marked(done.html)


def test_markdown_words_in_plain_paragraphs_and_headings():
    text = "---\ntitle: Budget\n---\n\n# Council sets budget\n\nThe council met on Monday to agree the budget.\n"
    assert marks_of(text, "markdown", "Budget", "council", "Monday") == {0: "Budget", 1: "council", 2: "Monday"}


def test_a_finding_across_emphasis_is_marked_in_each_piece():
    text = "Officials said the plan was *very* late and **over budget** by March.\n"
    assert marks_of(text, "markdown", "the plan was *very* late") == {0: "the plan was |very| late"}


def test_link_destinations_are_not_text():
    # 'council' is in the URL before the second 'council' in the prose.
    text = "Read [the report](https://example.org/council/report) the council published.\n"
    at = text.index("the council") + 4
    done = render(text, "markdown", [Span(0, at, at + 7, "info")])
    assert marked(done.html) == {0: "council"}
    assert 'href="https://example.org/council/report"' in done.html
    ref = "See [the minutes][m] from the council.\n\n[m]: https://example.org/council\n"
    got = render(ref, "markdown", spans_for(ref, "from the council"))
    assert marked(got.html) == {0: "from the council"}


def test_escapes_and_entities_keep_the_words_in_place():
    text = "Prices rose 5\\* in AT&amp;T stores on Tuesday, said Ms O\\'Neill.\n"
    assert marks_of(text, "markdown", "Tuesday", "Neill") == {0: "Tuesday", 1: "Neill"}
    entity = "Caf&eacute; owners met on Friday.\n"
    assert marks_of(entity, "markdown", "Caf&eacute;", "Friday") == {0: "Caf", 1: "Friday"}


def test_lists_quotes_tables_and_code():
    text = (
        "- First, the ferry on Monday\n- Then the bus on Tuesday\n\n"
        "> “We are ready,” said the harbour master on Friday.\n\n"
        "| Day | Event |\n| --- | --- |\n| Monday | Monday market |\n\n"
        "Run `edlint check` on Sunday.\n"
    )
    got = marks_of(text, "markdown", "Monday", "Tuesday", "Friday", "Monday market", "Sunday")
    assert got == {0: "Monday", 1: "Tuesday", 2: "Friday", 3: "Monday market", 4: "Sunday"}


def test_images_are_marked_whole_and_raw_html_blocks_keep_offsets():
    text = (
        "The river rose overnight.\n\n![](flood.jpg)\n\n"
        '<figure>\n  <img src="/images/sandbags.jpg" alt="Sandbags">\n'
        "  <figcaption>Volunteers in St John’s on Sunday.</figcaption>\n</figure>\n"
    )
    spans = spans_for(text, "![](flood.jpg)", "Sunday")
    done = render(text, "markdown", spans)
    assert '<mark data-f="0" data-sev="warning"><img src="flood.jpg" alt=""></mark>' in done.html
    assert marked(done.html)[1] == "Sunday"


def test_crlf_markdown():
    text = "---\r\ntitle: Tide\r\n---\r\n\r\nThe tide turned\r\non Thursday at noon.\r\n"
    assert marks_of(text, "markdown", "Thursday") == {0: "Thursday"}


def test_html_text_and_entities():
    text = (
        "<!doctype html><html><head><title>Budget day</title><meta name=description content=x></head>"
        "<body><article><h1>Budget</h1><p>Caf&eacute; owners met the mayor on <b>Monday</b>.</p>"
        "<p>Fish &amp; chips cost &pound;12 on Friday.</p></article></body></html>"
    )
    body = text[text.index("<body>") :]
    got = marks_of(body, "html", "Budget", "&eacute;", "Monday", "Friday")
    assert got == {0: "Budget", 1: "é", 2: "Monday", 3: "Friday"}
    base = text.index("<body>")  # the same, offsets counted from the top of the page
    spans = [Span(s.index, s.start + base, s.end + base, s.severity) for s in spans_for(body, "Budget", "Friday")]
    assert marked(render(text, "html", spans).html) == {0: "Budget", 1: "Friday"}
    # The <head> is not article text: its title is not rendered.
    assert "Budget day" not in render(text, "html", []).html


def test_plain_text_paragraphs():
    text = "Flood warning for the Severn\n\nThe river rose on Tuesday.\nIt fell on Wednesday.\n"
    done = render(text, "text", spans_for(text, "Tuesday", "Wednesday"))
    assert marked(done.html) == {0: "Tuesday", 1: "Wednesday"}
    assert done.html.count("<p>") == 2 and "<br>" in done.html


def test_unmarked_text_stays_unmarked_and_unplaced_findings_are_reported():
    text = "The council met on Monday.\n"
    done = render(text, "markdown", [])
    assert "<mark" not in done.html
    beyond = render(text, "markdown", [Span(0, 500, 510, "info")])
    assert beyond.placed == set() and "<mark" not in beyond.html


def test_overlapping_findings_share_a_mark_with_the_worse_severity():
    text = "The council met on Monday 18 November.\n"
    a = text.index("Monday")
    spans = [Span(0, a, a + 18, "info"), Span(1, a, a + 6, "error")]
    html = render(text, "markdown", spans).html
    assert '<mark data-f="0 1" data-sev="error">Monday</mark>' in html
    assert '<mark data-f="0" data-sev="info"> 18 November</mark>' in html


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_scripts_handlers_and_remote_loads_are_removed(fmt):
    text = (
        "<p>Council meets on Monday.</p>\n\n"
        "<script>document.title='pwned'</script>\n\n"
        '<img src="https://tracker.example/pixel.gif" onerror="alert(1)" alt="Pixel">\n\n'
        '<img src="/images/harbour.jpg" alt="Harbour">\n\n'
        '<a href="javascript:alert(1)">click</a> <iframe src="https://example.org"></iframe>\n\n'
        '<p style="background:url(https://tracker.example/x)" onclick="alert(2)">Styled</p>\n\n'
        '<svg><script>alert(3)</script></svg><form action="/x"><input name=q></form>\n'
    )
    html = render(text, fmt, spans_for(text, "Monday")).html
    low = html.lower()
    for bad in (
        "<script",
        "onerror",
        "onclick",
        "javascript:",
        "<iframe",
        "style=",
        "tracker.example",
        "<form",
        "<input",
        "alert(",
    ):
        assert bad not in low, bad
    assert '<img src="/images/harbour.jpg" alt="Harbour">' in html
    assert marked(html) == {0: "Monday"}
    allowed = render(text, fmt, [], remote_images=True).html
    assert 'src="https://tracker.example/pixel.gif"' in allowed and "onerror" not in allowed


def test_a_drafts_own_marks_do_not_pose_as_findings():
    text = 'The mayor said <mark data-f="0" data-sev="error">nothing</mark> on Monday.\n'
    for fmt in ("markdown", "html"):
        html = render(text, fmt, spans_for(text, "Monday")).html
        assert marked(html) == {0: "Monday"}
        assert 'data-f="0" data-sev="error"' not in html


_PIECES = [
    "The council met on Monday.",
    "*very*",
    "**late**",
    "[the report](https://example.org/a(b)c)",
    "![](x.jpg)",
    "`code`",
    "\\*",
    "&amp;",
    "&eacute;",
    "<b>bold</b>",
    "<script>alert(1)</script>",
    "> quoted",
    "- item",
    "| a | b |\n| - | - |\n| 1 | 2 |",
    "# Head",
    "---",
    "\n",
    "\n\n",
    "\r\n",
    "“curly”",
    '"straight"',
    "<!-- c -->",
    "<img src=x onerror=alert(1)>",
    "[ref]: https://example.org",
    "    indented code",
    "```\nfence\n```",
    "😀",
]


def active_content(html: str) -> list[str]:
    """Script elements, event-handler attributes and javascript: URLs in ``html`` (text that
    merely reads like them is fine)."""
    from html.parser import HTMLParser

    found = []

    class Walk(HTMLParser):
        def handle_starttag(self, tag, attrs):
            if tag in ("script", "iframe", "object", "embed", "style"):
                found.append(tag)
            for name, value in attrs:
                if name.startswith("on") or "javascript:" in (value or "").lower() or name == "style":
                    found.append(f"{tag}[{name}]")

    Walk().feed(html)
    return found


def test_any_text_and_any_spans_render_safely():
    """Whatever the draft and wherever findings point, rendering neither fails nor lets a
    script through, and every placed finding is marked."""
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    @settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(
        st.lists(st.sampled_from(_PIECES) | st.text(max_size=12), max_size=25),
        st.sampled_from(["markdown", "html", "text"]),
        st.lists(st.tuples(st.integers(0, 400), st.integers(0, 40)), max_size=6),
    )
    def run(pieces, fmt, raw_spans):
        text = " ".join(pieces)
        spans = [Span(i, a, a + n, "info") for i, (a, n) in enumerate(raw_spans)]
        done = render(text, fmt, spans)
        assert not active_content(done.html), done.html
        assert set(marked(done.html)) <= done.placed <= set(range(len(spans)))

    run()


def test_long_lines_render_in_linear_time():
    import time

    for fmt in ("text", "markdown", "html"):
        started = time.process_time()
        render(" " * 50_000 + "x", fmt, [])
        render("word " * 20_000, fmt, [Span(0, 10, 20, "info")])
        assert time.process_time() - started < 3, fmt  # quadratic: over a minute
