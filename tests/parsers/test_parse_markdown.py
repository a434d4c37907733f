"""Markdown parsing: front matter, blocks, exact positions through inline markup."""

import pytest

from edlint.document import BLOCKQUOTE, BYLINE, CAPTION, CODE, HEADING, LIST_ITEM, PARAGRAPH, SHORTCODE
from edlint.parsers import ParseOptions, parse

ARTICLE = """\
---
title: "Bridge reopens after £12m repair"
author: Maya Okafor
date: 2025-06-19
draft: no
published_time: 12:30
bad_date: 2025-13-01
---

# Bridge *reopens* after repair

By Maya Okafor

The Clifton road bridge reopened on **Thursday** after a [£12m repair](https://example.com/x "x"),
the council said. Fish &amp; chips \\*were\\* served.

> “It feels like the town is whole again,” said Ann Lee.

- Buses return on `route 8` from Monday.

```
"code" is never prose
```

{{< figure src="bridge.jpg" alt="The bridge at dusk" caption="The bridge at dusk. Photo: Sam Lee" >}}
"""


def blocks(text, path="a.md"):
    return parse(path, text, "markdown", ParseOptions())


def position(doc, block_or_offset):
    offset = block_or_offset if isinstance(block_or_offset, int) else block_or_offset.span.start
    return doc.lines.position(offset)


def test_front_matter_values_are_kept_as_written():
    doc = blocks(ARTICLE)
    assert doc.meta("draft") == "no"  # not False
    assert doc.meta("date") == "2025-06-19"  # not a datetime.date
    assert doc.meta("published_time") == "12:30"  # not 750 (sexagesimal)
    assert doc.meta("bad_date") == "2025-13-01"  # no ValueError
    assert doc.problems == []
    field = doc.meta_field("author")
    assert doc.lines.position(field.key_span.start) == (3, 1)
    assert doc.source[field.value_span.start : field.value_span.end] == "Maya Okafor"


def test_block_kinds_and_lines_count_the_front_matter():
    doc = blocks(ARTICLE)
    kinds = [(b.kind, position(doc, b)[0]) for b in doc.blocks]
    assert (HEADING, 10) in kinds
    assert (BYLINE, 12) in kinds
    assert (PARAGRAPH, 14) in kinds
    assert (BLOCKQUOTE, 17) in kinds
    assert (LIST_ITEM, 19) in kinds
    assert (CODE, 21) in kinds
    assert any(b.kind == "image" and b.origin == "shortcode" for b in doc.blocks)
    # Code is never prose.
    assert not any("never prose" in (b.text.text if b.text else "") for b in doc.prose)


def test_positions_inside_a_paragraph_survive_stripped_markup():
    doc = blocks(ARTICLE)
    para = next(b for b in doc.blocks if b.kind == PARAGRAPH and "Clifton" in b.text.text)
    text = para.text.text
    assert "**" not in text and "](" not in text
    assert "Fish & chips *were* served." in text
    for word in ("Thursday", "£12m repair", "the council said", "served"):
        i = text.index(word)
        span = para.text.source_span(i, i + len(word))
        assert doc.source[span.start : span.end] == word
    i = text.index("&")
    span = para.text.source_span(i, i + 1)
    assert doc.source[span.start : span.end] == "&amp;"
    assert position(doc, para.text.source_offset(text.index("the council"))) == (15, 1)


def test_blockquote_paragraph_is_inside_its_container():
    doc = blocks(ARTICLE)
    para = next(b for b in doc.blocks if b.text and "whole again" in b.text.text)
    assert para.in_quote and para.parent is not None and para.parent.kind == BLOCKQUOTE
    assert position(doc, para) == (17, 3)


def test_inline_code_is_not_prose_text():
    doc = blocks(ARTICLE)
    item = next(b for b in doc.blocks if b.kind == LIST_ITEM)
    assert "route 8" not in item.text.text


def test_shortcode_caption_and_alt_are_read_and_not_prose():
    doc = blocks(ARTICLE)
    image = next(b for b in doc.images if b.origin == "shortcode")
    assert image.src == "bridge.jpg"
    assert image.alt == "The bridge at dusk"
    assert image.caption.text == "The bridge at dusk. Photo: Sam Lee"
    span = image.caption.source_span(0, 3)
    assert doc.source[span.start : span.end] == "The"
    assert not any(b.kind == PARAGRAPH and "figure" in b.text.text for b in doc.prose)


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_crlf_and_bom_map_to_the_same_lines_and_columns(newline):
    text = "\ufeff" if newline == "\r\n" else ""
    text += "---\ntitle: Test\n---\n\nCafé owners said the rain — heavy — kept diners away.\n"
    text = text.replace("\n", newline)
    from edlint.parsers import decode

    decoded, problem = decode(text.encode("utf-8"))
    assert problem is None
    doc = blocks(decoded)
    para = doc.prose[0]
    i = para.text.text.index("kept")
    assert doc.lines.position(para.text.source_offset(i)) == (5, para.text.text.index("kept") + 1)


def test_tabs_and_indented_code_are_not_prose():
    doc = blocks("Intro paragraph here.\n\n    indented code block\n\n\tTabbed code too\n")
    assert [b.kind for b in doc.blocks] == [PARAGRAPH, CODE, CODE] or [b.kind for b in doc.blocks][:2] == [
        PARAGRAPH,
        CODE,
    ]


def test_eleventy_and_liquid_tags_are_not_prose():
    doc = blocks(
        'See the [guide]({{ "/guides/plain-language/" | url }}) for more.\n\n'
        '{% image "assets/blog/tractor.jpg" "A tractor in a field at harvest" %}\n\n'
        "{% include newsletter.html %}\n"
    )
    para = doc.prose[0]
    assert para.text.text == "See the guide for more."
    image = doc.images[0]
    assert image.src == "assets/blog/tractor.jpg" and image.alt == "A tractor in a field at harvest"
    assert any(b.kind == SHORTCODE for b in doc.blocks)


def test_html_figure_inside_markdown_is_understood():
    doc = blocks(
        'Intro text for the story.\n\n<figure>\n<img src="a.jpg" alt="Crowds on the quay">\n\n'
        '<figcaption>Crowds on the quay. <span class="credit">Photo: J. Doe/AP</span></figcaption>\n</figure>\n'
    )
    image = doc.images[0]
    assert image.alt == "Crowds on the quay"
    assert image.caption.text.startswith("Crowds on the quay.")
    assert image.credit.text == "Photo: J. Doe/AP"
    assert position(doc, image) == (4, 1)
    cap = next(b for b in doc.blocks if b.kind == CAPTION)
    assert position(doc, cap) == (6, 13)


def test_emphasised_line_under_an_image_is_its_caption():
    doc = blocks("![Flooded road](road.jpg)\n*The A38 near Tewkesbury on Monday. Photo: Sam Lee*\n")
    image = doc.images[0]
    assert image.caption.text == "The A38 near Tewkesbury on Monday. Photo: Sam Lee"
    assert image.credit.text == "Photo: Sam Lee"


def test_image_title_is_a_caption_and_markdown_empty_alt_is_missing():
    doc = blocks('![](road.jpg "Flooded road. Photo: AP")\n')
    image = doc.images[0]
    assert image.alt == "" and not image.decorative
    assert image.caption.text == "Flooded road. Photo: AP"


def test_unclosed_front_matter_is_a_fatal_problem():
    doc = blocks("---\ntitle: Oops\n\nBody text that never starts.\n")
    assert doc.problems and doc.problems[0].fatal
    assert "not closed" in doc.problems[0].message


def test_front_matter_that_is_a_list_is_a_problem_but_body_is_read():
    doc = blocks("---\n- a\n- b\n---\n\nBody paragraph of the article.\n")
    assert doc.problems and not doc.problems[0].fatal
    assert doc.prose[0].text.text == "Body paragraph of the article."


def test_yaml_billion_laughs_and_python_tags_are_refused():
    laughs = (
        "---\na: &a [x,x,x,x,x,x,x,x,x]\n"
        + "".join(f"{chr(98 + i)}: &{chr(98 + i)} [" + ",".join([f"*{chr(97 + i)}"] * 9) + "]\n" for i in range(12))
        + "---\n\nBody.\n"
    )
    doc = blocks(laughs)
    assert doc.problems and "alias" in doc.problems[0].message
    doc = blocks("---\ntitle: !!python/object/apply:os.system ['echo hi']\n---\n\nBody.\n")
    assert doc.problems and "not valid YAML" in doc.problems[0].message


def test_toml_front_matter():
    doc = blocks('+++\ntitle = "Hugo post"\ndate = 2024-01-02\n+++\n\nBody text.\n')
    assert doc.meta("title") == "Hugo post"
    assert doc.meta("date") == "2024-01-02"


def test_language_from_front_matter():
    assert blocks("---\nlang: de\n---\n\nText.\n").language == "de"


def test_pure_python_yaml_loader_is_as_hardened(monkeypatch):
    """Without libyaml, the pure-Python loader enforces the same caps and scalars."""
    from edlint import yaml_loader

    monkeypatch.setattr(yaml_loader, "_CLoader", None)
    doc = blocks("---\ndraft: no\nwhen: 12:30\n---\n\nBody.\n")
    assert doc.meta("draft") == "no" and doc.meta("when") == "12:30"
    laughs = (
        "---\na: &a [x,x]\n"
        + "".join(f"{chr(98 + i)}: &{chr(98 + i)} [" + ",".join([f"*{chr(97 + i)}"] * 9) + "]\n" for i in range(12))
        + "---\n\nBody.\n"
    )
    assert "alias" in blocks(laughs).problems[0].message
    deep = "---\nx: " + "[" * 500 + "]" * 500 + "\n---\n\nBody.\n"
    assert "deeper" in blocks(deep).problems[0].message


def test_deeply_nested_front_matter_is_refused():
    deep = "---\nx: " + "[" * 5000 + "]" * 5000 + "\n---\n\nBody.\n"
    doc = blocks(deep)
    assert doc.problems and "deeper" in doc.problems[0].message


def test_blank_lines_before_front_matter_are_tolerated():
    doc = blocks("\n\n---\ntitle: Leading blank lines\n---\n\nBody text here.\n")
    assert doc.meta("title") == "Leading blank lines"
    assert doc.lines.position(doc.frontmatter_span.start) == (3, 1)
    assert [b.text.text for b in doc.prose] == ["Body text here."]


def test_paired_shortcode_keeps_its_inner_text_as_prose_not_code():
    doc = blocks(
        "{{< note >}}Residents were told to boil their water until Friday.{{< /note >}}\n\n"
        '{{< quote cite="Ann Lee" >}}We had no warning at all.{{< /quote >}}\n'
    )
    texts = [b.text.text for b in doc.prose]
    assert texts == ["Residents were told to boil their water until Friday.", "We had no warning at all."]
    assert not any(b.kind == CODE for b in doc.blocks)
    quote = next(b for b in doc.blocks if b.kind == SHORTCODE and b.attrs["name"] == "quote" and not b.attrs["closing"])
    assert quote.attrs["args"]["cite"] == "Ann Lee"


def test_shortcode_as_a_link_destination_keeps_the_link():
    doc = blocks(
        'Read the [flood guide]({{< ref "guides/flood.md" >}} "Flood guide") before you travel.\n\n'
        '[guide]: {{< ref "guides/flood.md" >}}\n'
    )
    assert doc.prose[0].text.text == "Read the flood guide before you travel."


def test_shortcodes_shown_as_code_are_not_the_pages_shortcodes():
    doc = blocks('Use `{{< figure src="x.jpg" >}}` in your post.\n\n```\n{{< img src="y" >}}\n```\n')
    assert doc.images == []
    assert "in your post." in doc.prose[0].text.text


def test_alt_text_line_break_reads_as_a_space():
    doc = blocks("![A photo by user\nKirinohana of the bay](bay.jpg)\n")
    assert doc.images[0].alt == "A photo by user Kirinohana of the bay"


FRANKLIN_POST = '''@def title = "Announcing the 2.0 release of the orbit solver"
@def authors = "The Orbit developers"
@def rss_pubdate = Date(2024, 3, 5)
@def rss_description = """We are delighted to announce version 2.0. "A release years in the making," as one of
our maintainers put it on the mailing list."""
@def tags = ["release", "solver"]

+++
meta = [ ("property", "og:image", "https://example.org/card.png") ]
+++

Version 2.0 of the solver is out today.
'''


def test_franklin_def_lines_are_front_matter():
    """Franklin.jl (the Julia site generator) keeps page variables in leading ``@def``
    lines and an optional ``+++`` block of Julia: metadata, never body text, never run."""
    doc = blocks(FRANKLIN_POST)
    assert doc.meta("title") == "Announcing the 2.0 release of the orbit solver"
    assert doc.meta("rss_pubdate") == "2024-03-05"
    assert doc.meta("tags") == ["release", "solver"]
    assert doc.meta("rss_description").startswith("We are delighted")
    assert not doc.problems  # the Julia block is not reported as broken TOML
    assert [b.text.text for b in doc.blocks if b.text is not None] == ["Version 2.0 of the solver is out today."]
    assert position(doc, doc.blocks[0])[0] == 12


def test_def_lines_after_body_text_are_body():
    doc = blocks('Some intro text.\n\n@def title = "Not metadata"\n')
    assert doc.metadata == {}


def test_code_wrapped_in_template_tags_is_code():
    """Jekyll/Eleventy ``{% highlight %}`` and Hugo ``{{< highlight >}}`` wrap code: no rule
    reads it as prose (a dict's 'quoted' values are not quotations)."""
    text = (
        "Here is the first record:\n\n"
        "{% highlight python %}\n"
        ">>> records.take(1)\n"
        "[{'method': 'GET', 'note': 'a request that took longer than anyone expected it would'}]\n"
        "{% endhighlight %}\n\n"
        "{{< highlight go >}}\n"
        'fmt.Println("this line is code and must never be read as a quotation")\n'
        "{{< /highlight >}}\n\n"
        "Because the bag is lazy, this returns at once.\n"
    )
    doc = blocks(text)
    codes = [b for b in doc.blocks if b.kind == CODE]
    assert len(codes) == 2
    assert "records.take" in doc.source[codes[0].span.start : codes[0].span.end]
    prose = " ".join(b.text.text for b in doc.blocks if b.text is not None)
    assert "records.take" not in prose and "fmt.Println" not in prose
    assert "Because the bag is lazy" in prose


MDX_POST = """import { ana } from '@/authors'
import card from './card.jpg'

export const meta = {
  title: 'Building the team blog with Next.js',
  description: `Why we wrote our own blog, and what "done" means for a project here.`,
  date: '2020-06-30T18:05:31Z',
  authors: [ana],
  image: card,
}

One of the things we believe as a team is that every project should end with a post.

<Chart data={sales} />
"""


def test_mdx_metadata_export_and_import_lines():
    """MDX (Next.js, Docusaurus, Astro): `export const meta = {…}` is read as metadata
    (literals only, never run); import/export lines are code, not prose."""
    from edlint.parsers import ParseOptions, parse

    doc = parse("post/index.mdx", MDX_POST, "markdown", ParseOptions())
    assert doc.meta("title") == "Building the team blog with Next.js"
    assert doc.meta("date") == "2020-06-30T18:05:31Z"
    assert doc.meta("authors") == ["ana"]
    prose = [b.text.text for b in doc.blocks if b.text is not None]
    assert prose[0].startswith("One of the things we believe")
    assert not any("import" in t or "export const" in t or "title:" in t for t in prose)


def test_raw_html_pre_is_code_even_across_blank_lines():
    """A post converted from HTML keeps listings in <pre>; a blank line inside one ends
    markdown-it's HTML block, but the listing is still code, not paragraphs."""
    text = """<p>Next, a set of constants for messages:
    </p><pre>
let msg_file = "File: "

log "Pruning old backups before the nightly run starts"
</pre>

The constants keep every message consistent.
"""
    doc = blocks(text)
    prose = " ".join(b.text.text for b in doc.blocks if b.text is not None)
    assert "Pruning old backups" not in prose and "msg_file" not in prose
    assert "keep every message consistent" in prose
    assert any(b.kind == CODE for b in doc.blocks)


def test_figcaption_set_off_by_blank_lines_is_the_figure_caption():
    # Blank lines inside <figcaption> end the HTML block; Markdown renders the paragraph
    # between inside the figcaption, so it is the picture's caption.
    text = (
        "<figure>\n"
        '<img src="../handover.jpg" alt="An older man and woman behind a shop counter">\n'
        "<figcaption>\n\n"
        "Keith and Mary Miller behind the hardware counter on the day of the\n"
        "handover, when the shop passed to their nephew.\n\n"
        "</figcaption>\n"
        "</figure>\n\n"
        "The hardware shop on Benedict Street has changed hands.\n"
    )
    doc = blocks(text)
    images = [b for b in doc.blocks if b.kind == "image"]
    assert len(images) == 1
    caption = images[0].caption
    assert caption is not None and caption.text.startswith("Keith and Mary Miller")
    assert [b.text.text for b in doc.blocks if b.kind == CAPTION] == [caption.text]
    # the paragraph after the figure is the story's own
    assert [b.text.text for b in doc.blocks if b.kind == PARAGRAPH] == [
        "The hardware shop on Benedict Street has changed hands."
    ]
