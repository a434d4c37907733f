"""HTML parsing: exact columns on minified pages, metadata, article content, nesting."""

import json

from edlint.document import BIO, BYLINE, CAPTION, HEADING, PARAGRAPH
from edlint.parsers import ParseOptions, parse


def doc_of(html):
    return parse("page.html", html, "html", ParseOptions())


MINIFIED = (
    '<!DOCTYPE html><html lang="en-US"><head><title>Storm closes M5 &amp; A38</title>'
    '<meta name="description" content="Motorists were stranded overnight.">'
    '<meta name="author" content="Maya Okafor">'
    '<meta property="og:title" content="Storm closes the M5">'
    '<meta property="article:published_time" content="2025-06-19T08:00:00-04:00">'
    '<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",'
    '"headline":"Storm closes the M5","datePublished":"2025-06-19","author":{"@type":"Person","name":"Maya Okafor"}}</script>'
    '<script>var x = "<p>not prose</p>";</script><style>p{color:red}</style></head>'
    "<body><nav><p>Home News Sport</p></nav><article><h1>Storm closes M5</h1>"
    '<p class="byline">By Maya Okafor</p>'
    "<p>Police closed the M5 at 2am&nbsp;on Thursday as &ldquo;the worst storm in years&rdquo; hit.</p>"
    '<figure><img src="m5.jpg" alt="Lorries queue on the M5"><figcaption>Lorries on the M5. '
    '<span class="credit">Photo: Sam Lee/PA</span></figcaption></figure>'
    '<aside class="author-bio"><p>Maya Okafor is the Gazette&rsquo;s transport correspondent.</p></aside>'
    "</article><footer><p>Copyright 2025</p></footer></body></html>"
)


def test_minified_page_columns_are_exact_through_entities():
    doc = doc_of(MINIFIED)
    para = next(b for b in doc.blocks if b.kind == PARAGRAPH)
    text = para.text.text
    assert text == "Police closed the M5 at 2am\u00a0on Thursday as \u201cthe worst storm in years\u201d hit."
    for word in ("Police", "Thursday", "worst storm", "hit."):
        i = text.index(word)
        span = para.text.source_span(i, i + len(word))
        assert MINIFIED[span.start : span.end] == word
        assert doc.lines.position(span.start) == (1, MINIFIED.index(word) + 1)
    i = text.index("\u201c")
    span = para.text.source_span(i, i + 1)
    assert MINIFIED[span.start : span.end] == "&ldquo;"


def test_metadata_from_head_og_and_json_ld():
    doc = doc_of(MINIFIED)
    assert doc.meta("title") == "Storm closes M5 & A38"
    assert doc.meta("description") == "Motorists were stranded overnight."
    assert doc.meta("author") == "Maya Okafor"
    assert doc.meta("og:title") == "Storm closes the M5"
    assert doc.meta("date") == "2025-06-19T08:00:00-04:00"
    assert doc.meta("jsonld")["headline"] == "Storm closes the M5"
    assert doc.language == "en-US"


def test_only_article_content_is_prose_and_chrome_is_skipped():
    doc = doc_of(MINIFIED)
    texts = [b.text.text for b in doc.prose]
    assert "Home News Sport" not in texts
    assert "Copyright 2025" not in texts
    assert not any("not prose" in t or "color" in t for t in texts)
    kinds = {b.kind for b in doc.prose}
    assert {HEADING, BYLINE, PARAGRAPH, CAPTION, BIO} <= kinds


def test_figure_image_caption_and_credit():
    doc = doc_of(MINIFIED)
    image = doc.images[0]
    assert image.alt == "Lorries queue on the M5"
    assert image.caption.text == "Lorries on the M5. Photo: Sam Lee/PA"
    assert image.credit.text == "Photo: Sam Lee/PA"
    assert doc.lines.position(image.span.start) == (1, MINIFIED.index('<img src="m5.jpg"') + 1)


def test_decorative_images():
    doc = doc_of(
        '<p>Text</p><img src="a.jpg" alt=""><img src="px.gif" width="1" height="1">'
        '<img src="b.jpg" role="presentation"><img src="c.jpg">'
    )
    flags = [(i.src, i.decorative) for i in doc.images]
    assert flags == [("a.jpg", True), ("px.gif", True), ("b.jpg", True), ("c.jpg", False)]


def test_lazy_loaded_src_and_picture():
    doc = doc_of('<picture><source srcset="a.webp"><img data-src="a.jpg" alt="A heron"></picture>')
    assert doc.images[0].src == "a.jpg"


def test_ten_thousand_levels_of_nesting_keep_the_deep_text():
    depth = 10_000
    html = "<div>" * depth + "<p>The deepest paragraph is still read.</p>" + "</div>" * depth
    doc = doc_of(html)
    assert [b.text.text for b in doc.prose] == ["The deepest paragraph is still read."]
    para = doc.prose[0]
    assert html[para.span.start : para.span.end] == "The deepest paragraph is still read."


def test_malformed_html_does_not_raise():
    doc = doc_of("<p>Unclosed <b>bold <i>and</p> stray </span></div> text <p>Next & last")
    texts = [b.text.text for b in doc.prose]
    assert any("Unclosed" in t for t in texts)
    assert any("Next & last" in t for t in texts)


def test_multiline_positions():
    html = "<article>\n  <p>First line of the story\n  continues here.</p>\n</article>\n"
    doc = doc_of(html)
    para = doc.prose[0]
    assert para.text.text == "First line of the story continues here."
    i = para.text.text.index("continues")
    assert doc.lines.position(para.text.source_offset(i)) == (3, 3)


def test_comment_directives_in_html():
    doc = doc_of("<p>One</p>\n<!-- edlint-disable-next-line image-alt -->\n<img src=a.jpg>\n")
    assert doc.suppressions[0].rules == frozenset({"image-alt"})
    assert doc.suppressions[0].first_line == 2


def test_jsonld_graph_is_searched():
    ld = {
        "@graph": [
            {"@type": "WebSite"},
            {"@type": "NewsArticle", "headline": "H", "author": [{"name": "A"}, {"name": "B"}]},
        ]
    }
    doc = doc_of(f'<script type="application/ld+json">{json.dumps(ld)}</script><p>x</p>')
    assert doc.meta("jsonld")["headline"] == "H"
    assert doc.meta("author") == ["A", "B"]


def test_jsonld_prefers_the_article_over_a_webpage_and_resolves_author_ids():
    ld = {
        "@graph": [
            {"@type": "WebPage", "@id": "https://x.test/#webpage", "name": "Page"},
            {"@type": "Article", "headline": "Real headline", "author": {"@id": "https://x.test/#/person/1"}},
            {"@type": "Person", "@id": "https://x.test/#/person/1", "name": "Jane Doe"},
        ]
    }
    doc = doc_of(f'<script type="application/ld+json">{json.dumps(ld)}</script><p>x</p>')
    assert doc.meta("jsonld")["headline"] == "Real headline"
    assert doc.meta("author") == "Jane Doe"


def test_time_pubdate_is_the_publication_date():
    doc = doc_of('<article><p>By A</p><time pubdate datetime="2024-05-01T09:00:00Z">May 1</time><p>Text.</p></article>')
    assert doc.meta("date") == "2024-05-01T09:00:00Z"


def test_footer_inside_a_blockquote_is_kept_as_its_attribution():
    doc = doc_of(
        "<body><blockquote><p>We will rebuild the pier.</p><footer>— Mayor Ann Lee</footer></blockquote>"
        "<footer><p>Site footer</p></footer></body>"
    )
    texts = [(b.text.text, b.in_quote) for b in doc.prose]
    assert texts == [("We will rebuild the pier.", True), ("— Mayor Ann Lee", True)]


def test_text_hidden_by_inline_style_is_not_prose():
    doc = doc_of(
        '<article><p>Visible paragraph.</p><div style="display: none"><p>Hidden copy.</p></div>'
        '<p style="visibility:hidden">Also hidden.</p></article>'
    )
    assert [b.text.text for b in doc.prose] == ["Visible paragraph."]


def test_blocks_are_in_source_order():
    doc = doc_of(
        '<article><p>Before the picture <img src="a.jpg" alt="A heron"> and after it.</p><p>Next.</p></article>'
    )
    assert [b.kind for b in doc.blocks] == ["paragraph", "image", "paragraph"]


HUGO_HTML_CONTENT = """---
title: Harbour Bank Case Study
date: 2024-03-01
author: Dana Whitfield
---

<h2>Challenge</h2>
<p>Harbour Bank ran its payments on servers it could no longer patch. "We were one outage away from the front page," says Ortiz.</p>

{{< case-studies/quote author="Lena Ortiz, Head of Platform, Harbour Bank" >}}
"We were one outage away from the front page."
{{< /case-studies/quote >}}

<p>The team moved the first service in six weeks.</p>
"""


def test_html_content_page_reads_front_matter_and_template_tags():
    """A Hugo content file in HTML: its front matter is metadata, its template tags are tags
    (not prose), and the text between a paired tag is marked as that tag's body."""
    from edlint.document import SHORTCODE

    doc = doc_of(HUGO_HTML_CONTENT)
    assert doc.meta("title") == "Harbour Bank Case Study" and doc.meta("author") == "Dana Whitfield"
    prose = [b.text.text for b in doc.blocks if b.text is not None]
    assert not any("---" in t or "title:" in t for t in prose)
    assert not any("case-studies/quote" in t or "author=" in t for t in prose)
    assert sum(1 for b in doc.blocks if b.kind == SHORTCODE) == 2
    pull = [b for b in doc.blocks if b.text is not None and b.text.text.startswith('"We were one outage')]
    assert pull and "shortcode-case-studies/quote" in pull[0].classes


def test_template_tags_in_an_html_page_are_not_prose():
    """A page saved from (or being) a Django/Jinja template: `{% trans "…" %}` is a tag."""
    page = (
        '<html><body><article><h1>{% trans "About the guide" %}</h1>'
        '<p>{% trans "Need help understanding how to use this guide? Here is what each rating means." %}</p>'
        "<p>Each product is rated by our researchers after weeks of testing.</p></article></body></html>"
    )
    doc = doc_of(page)
    prose = " ".join(b.text.text for b in doc.blocks if b.text is not None)
    assert "trans" not in prose and "Need help" not in prose
    assert "rated by our researchers" in prose
