"""Property-based tests over every parser and the whole pipeline (hypothesis).

Properties: no exception escapes; every block and finding lies inside the file; a prose
character that maps one-to-one points at the same character in the source; findings are
deterministic.
"""

import string

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import edlint
from edlint.document import PROSE_KINDS
from edlint.parsers import ParseOptions, decode, parse

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

WORDS = st.sampled_from(
    [
        "the",
        "council",
        "said",
        "Tuesday",
        "June 19",
        "5 km",
        "3 miles",
        "“quoted”",
        '"straight"',
        "it’s",
        "don't",
        "£1m",
        "&amp;",
        "&nbsp;",
        "é",
        "—",
        "*em*",
        "**strong**",
        "`code`",
        "[link](http://x.test)",
        "<b>bold</b>",
        "\\*",
        "6'2\"",
        "{{ x }}",
        "{% y %}",
        "\t",
        "  ",
    ]
)
SENTENCE = st.lists(WORDS, min_size=1, max_size=12).map(" ".join)
BLOCKS = st.one_of(
    SENTENCE,
    SENTENCE.map(lambda s: "# " + s),
    SENTENCE.map(lambda s: "> " + s),
    SENTENCE.map(lambda s: "> > " + s),
    SENTENCE.map(lambda s: "- " + s),
    SENTENCE.map(lambda s: f'![{s}](img.jpg "{s}")'),
    SENTENCE.map(lambda s: f"![](img.jpg)\n*{s}*"),
    SENTENCE.map(lambda s: f'<figure><img src="a.jpg" alt="{s}"><figcaption>{s}</figcaption></figure>'),
    SENTENCE.map(lambda s: f'{{{{< figure src="a.jpg" caption="{s}" >}}}}'),
    SENTENCE.map(lambda s: f'{{% image "a.jpg" "{s}" %}}'),
    SENTENCE.map(lambda s: f"```\n{s}\n```"),
    SENTENCE.map(lambda s: f"| a | b |\n|---|---|\n| {s} | x |"),
    SENTENCE.map(lambda s: f"<!-- edlint-disable-next-line {s[:10]} -->"),
    SENTENCE.map(lambda s: f"<blockquote><p>{s}</p><cite>{s}</cite></blockquote>"),
)
FRONT = st.one_of(
    st.just(""),
    SENTENCE.map(lambda s: f"---\ntitle: {s!r}\nauthor: Maya Okafor\ndate: 2025-06-19\n---\n\n"),
    st.just("---\ntitle: [unclosed\n---\n\n"),
    st.just("---\n- a list\n---\n\n"),
)
NEWLINE = st.sampled_from(["\n", "\r\n"])


@st.composite
def markdown_docs(draw):
    nl = draw(NEWLINE)
    body = "\n\n".join(draw(st.lists(BLOCKS, min_size=1, max_size=8)))
    return (draw(FRONT) + body + "\n").replace("\n", nl)


def _check_doc(doc):
    n = len(doc.source)
    for b in doc.blocks:
        assert 0 <= b.span.start <= b.span.end <= n, (b.kind, b.span, n)
        if b.kind in PROSE_KINDS and b.text is not None:
            mt = b.text
            for seg_index, (tstart, sstart, send) in enumerate(mt._segs):
                tend = mt._segs[seg_index + 1][0] if seg_index + 1 < len(mt._segs) else len(mt.text)
                assert 0 <= sstart <= send <= n
                if tend - tstart == send - sstart and send > sstart:
                    # a one-to-one segment is the source, character for character (a line
                    # break read as a space is one-to-one too)
                    for a, b_ in zip(mt.text[tstart:tend], doc.source[sstart:send]):
                        # markdown-it reads NUL as U+FFFD (CommonMark's rule), as it reads
                        # a line break as a space
                        assert a == b_ or (a.isspace() and b_.isspace()) or (a, b_) == ("\ufffd", "\x00"), (
                            mt.text[tstart:tend],
                            doc.source[sstart:send],
                        )


@FAST
@given(markdown_docs())
def test_markdown_parser_spans_are_inside_and_verbatim(text):
    _check_doc(parse("a.md", text, "markdown", ParseOptions()))


@FAST
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400))
def test_every_parser_survives_random_unicode(text):
    for fmt, path in (("markdown", "a.md"), ("html", "a.html"), ("text", "a.txt")):
        _check_doc(parse(path, text, fmt, ParseOptions()))


HTML_PIECES = st.sampled_from(
    [
        "<p>",
        "</p>",
        "<div>",
        "</div>",
        "<img src=a.jpg>",
        '<img alt="x">',
        "<figure>",
        "</figure>",
        "<figcaption>",
        "</figcaption>",
        "<blockquote>",
        "</blockquote>",
        "&amp;",
        "&#8220;",
        "&bogus;",
        "<script>x<y</script>",
        "<!-- c -->",
        "<!--",
        "<![CDATA[",
        "<",
        ">",
        "text ",
        "“q” ",
        "\n",
        "<article>",
        "</article>",
        "<aside class=author-bio>",
        "<br>",
        "<title>T</title>",
        "<meta name=author content=A>",
    ]
)


@FAST
@given(st.lists(HTML_PIECES, max_size=60).map("".join))
def test_html_parser_spans_on_random_tag_soup(text):
    _check_doc(parse("a.html", text, "html", ParseOptions()))


@FAST
@given(st.binary(max_size=300))
def test_decode_never_raises(data):
    text, problem = decode(data)
    assert (text is None) != (problem is None)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(markdown_docs(), st.sampled_from(["a.md", "a.txt", "a.html"]))
def test_pipeline_findings_lie_inside_the_file_and_are_deterministic(text, path):
    first = edlint.lint_text(text, path=path, config={"preview": True})
    assert not first.internal_error, [f.message for f in first.findings if f.rule == "internal-error"]
    lines = text.replace("\r\n", "\n").split("\n")
    for f in first.findings:
        assert 1 <= f.line <= len(lines) + 1, f
        assert f.column >= 1, f
        assert (f.end_line, f.end_column) >= (f.line, f.column), f
    second = edlint.lint_text(text, path=path, config={"preview": True})
    assert [f.to_json() for f in first.findings] == [f.to_json() for f in second.findings]


@settings(max_examples=40, deadline=None)
@given(st.text(alphabet=string.printable + "“”‘’—é", max_size=300))
def test_pipeline_survives_random_plain_text(text):
    result = edlint.lint_text(text, path="paste.txt", config={"preview": True})
    assert not result.internal_error, [f.message for f in result.findings if f.rule == "internal-error"]
