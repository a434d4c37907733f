"""Plain text pasted from a web page."""

from edlint.document import BYLINE, CAPTION, HEADING, PARAGRAPH
from edlint.parsers import ParseOptions, parse

STORY = """Lifeboat crews rescue six from stranded yacht

By Sian Evans

Volunteer crews launched just after 2am on Sunday after a yacht lost
power two miles south of Caldey Island.

The Tenby lifeboat returns to harbour. Image Credit: CC BY-SA 4.0.

[edlint-disable-next-line duplicate-paragraph]
Sian Evans is the Herald's Pembrokeshire reporter.
"""


def test_paragraphs_headline_byline_and_caption_lines():
    doc = parse("story.txt", STORY, "text", ParseOptions())
    kinds = [b.kind for b in doc.blocks if b.text is not None]
    assert kinds[:3] == [HEADING, BYLINE, PARAGRAPH]
    para = doc.blocks[2]
    assert para.text.text == (
        "Volunteer crews launched just after 2am on Sunday after a yacht lost power two miles south of Caldey Island."
    )
    i = para.text.text.index("power")
    assert doc.lines.position(para.text.source_offset(i)) == (6, 1)
    image = doc.images[0]
    assert image.origin == "text"
    assert image.credit.text == "Image Credit: CC BY-SA 4.0."
    assert any(b.kind == CAPTION for b in doc.blocks)


def test_text_directive_lines_are_not_prose_and_suppress():
    doc = parse("story.txt", STORY, "text", ParseOptions())
    assert not any("edlint" in b.text.text for b in doc.prose)
    assert doc.suppressions[0].rules == frozenset({"duplicate-paragraph"})
    assert doc.suppressions[0].first_line == 10  # 0-based: the line after the directive


def test_crlf_text():
    doc = parse("s.txt", "Title line\r\n\r\nFirst para\r\nsecond line.\r\n", "text", ParseOptions())
    para = doc.blocks[1]
    assert para.text.text == "First para second line."
    assert doc.lines.position(para.text.source_offset(11)) == (4, 1)


# -- text pasted from a web page: one line per paragraph, no blank lines ----------------------

PASTED = """Flood barriers hold as river peaks in York
By Hannah Clarke
Residents of low-lying streets were told to stay alert on Sunday as the River Ouse rose to within a metre of its 2000 record, though the city's new barriers held overnight.
Sandbags line Skeldergate as the river rises. Photo: Ian Forsyth/Getty Images
The Environment Agency said pumps at the Foss barrier had run without a break since Friday evening.
Advertisement
"We have been lucky this time," said Councillor Jo Tate, who chairs the city's flood committee.
Read more: Rail services cut as storm sweeps north
Officials expect the river to fall slowly through Tuesday, with more rain forecast for the Dales.
Hannah Clarke is a correspondent for the Northern Echo based in York. She has covered flooding since 2019.
Share this article
Comments
Follow us on Twitter and Facebook
Sign up for our morning newsletter
"""


def _shape(doc):
    return [(b.kind, b.text.text if b.text else "", b.attrs.get("chrome")) for b in doc.blocks]


def test_pasted_lines_are_paragraphs_as_with_blank_lines():
    doc = parse("story.txt", PASTED, "text", ParseOptions())
    spaced = parse("story.txt", PASTED.replace("\n", "\n\n"), "text", ParseOptions())
    assert _shape(doc) == _shape(spaced)
    kinds = [b.kind for b in doc.blocks if b.text is not None]
    assert kinds[:4] == [HEADING, BYLINE, PARAGRAPH, CAPTION]
    assert len(doc.images) == 1 and doc.images[0].credit.text == "Photo: Ian Forsyth/Getty Images"
    texts = [b.text.text for b in doc.prose]
    assert texts[-5].startswith("Hannah Clarke is a correspondent")
    chrome = {b.text.text: b.attrs.get("chrome") for b in doc.blocks if b.attrs.get("chrome")}
    assert chrome == {
        "Advertisement": "advertisement",
        "Read more: Rail services cut as storm sweeps north": "read-more",
        "Share this article": "share",
        "Comments": "comments",
        "Follow us on Twitter and Facebook": "follow",
        "Sign up for our morning newsletter": "signup",
    }
    # Each line maps back to its own source line.
    para = doc.prose[2]
    assert doc.lines.position(para.span.start) == (3, 1)


def test_pasted_widget_lines_are_reported_by_the_scrape_rules():
    from edlint.testing import findings

    got = {(f.line, f.rule) for f in findings(PASTED, "txt", select=["scrape-residue"])}
    assert {
        (6, "scrape-advertisement"),
        (8, "scrape-read-more"),
        (11, "scrape-share-widget"),
        (12, "scrape-comments-widget"),
        (13, "scrape-share-widget"),
        (14, "scrape-newsletter-prompt"),
    } <= got
    # A sentence that mentions comments or following is the story's own.
    story = (
        "The council said it would publish all comments on the plan by Friday.\n"
        "Follow us on the map below to see where the new cycle lanes will run.\n"
    )
    assert findings(story, "txt", select=["scrape-residue"]) == []


HARD_WRAPPED = """Lifeboat crews rescue six from stranded yacht

Volunteer crews launched just after 2am on Sunday after a yacht lost its
engine and drifted towards the rocks two miles south of the island of
Caldey. The six sailors on board, all from Bristol, were taken to Tenby
harbour and checked by paramedics.
The lifeboat's coxswain said the sea was calm but the tide was running
fast, and the yacht had no working radio on board when they reached it.
"""


def test_hard_wrapped_paragraphs_stay_together():
    doc = parse("story.txt", HARD_WRAPPED, "text", ParseOptions())
    texts = [b.text.text for b in doc.prose]
    assert len(texts) == 3, texts
    assert texts[1].startswith("Volunteer crews") and texts[1].endswith("checked by paramedics.")
    assert texts[2].startswith("The lifeboat's coxswain") and texts[2].endswith("reached it.")


def test_a_wrap_before_a_name_continues_the_sentence():
    doc = parse(
        "s.txt",
        "Headline of the day\n\nThe yacht drifted two miles south of\nCaldey Island before the crew was reached.\n",
        "text",
        ParseOptions(),
    )
    assert [b.text.text for b in doc.prose][1] == (
        "The yacht drifted two miles south of Caldey Island before the crew was reached."
    )


def test_short_one_line_paragraphs_are_not_joined():
    text = (
        "The mayor resigned on Monday.\nHe had been in office since 2015.\n"
        "Officials said an election will be held in May.\n"
    )
    doc = parse("s.txt", text, "text", ParseOptions())
    assert [b.text.text for b in doc.prose] == [
        "The mayor resigned on Monday.",
        "He had been in office since 2015.",
        "Officials said an election will be held in May.",
    ]


def test_a_credit_word_inside_a_wrapped_sentence_does_not_split_it():
    text = (
        "The exhibition opens on Friday and includes the first photograph taken of\n"
        "the bridge, a photo by an unknown engineer that was found in a loft in\n"
        "2019 and restored over two years by the museum's conservation team.\n"
    )
    doc = parse("s.txt", text, "text", ParseOptions())
    assert len(doc.prose) == 1 and doc.prose[0].text.text == " ".join(text.split())


def test_chrome_lines():
    from edlint.text.chrome import chrome_kind

    assert chrome_kind("ADVERTISEMENT") == "advertisement"
    assert chrome_kind("Story continues below advertisement") == "advertisement"
    assert chrome_kind("Advertisement - scroll to continue reading") == "advertisement"
    assert chrome_kind("Advertisement: the best deals on winter tyres") is None  # an advertorial's headline
    assert chrome_kind("READ MORE: Council delays vote on budget") == "read-more"
    assert chrome_kind("Related: Storm closes schools across the county") == "read-more"
    assert chrome_kind("Share on Facebook") == "share"
    assert chrome_kind("12 comments") == "comments"
    assert chrome_kind("Follow us on Instagram") == "follow"
    assert chrome_kind("Subscribe to our daily newsletter") == "signup"
    for line in (
        "Read more about the plan on the council's website.",
        "Sign up for the vaccine at the county website.",
        "Follow Maya on Twitter @maya",  # a bio's contact line, not the site's
        "Watch the video of the rescue below.",
        "Comments from residents were mostly positive.",
        "Share prices fell 4% in early trading.",
    ):
        assert chrome_kind(line) is None, line


def test_pasted_caption_line_printed_twice_is_found():
    from edlint.testing import findings

    text = (
        "Residents of low-lying streets were told to stay alert on Sunday as the River Ouse rose.\n"
        "Sandbags line Skeldergate as the river rises. Photo: Ian Forsyth/Getty Images\n"
        "Sandbags line Skeldergate as the river rises. Photo: Ian Forsyth/Getty Images\n"
        "The Environment Agency said pumps at the Foss barrier had run without a break since Friday.\n"
    )
    got = [(f.line, f.rule) for f in findings(text, "txt", select=["image-caption", "duplicate-paragraph"])]
    assert got == [(3, "image-caption")]  # one rule says it once


def test_one_sentence_lines_of_similar_length_are_not_a_wrapped_paragraph():
    text = (
        "Results from Saturday's first round of the county cup\n"
        "Gateshead beat Morpeth 3-1 after extra time at the Stadium.\n"
        "Blyth Spartans drew 2-2 with Whitley Bay and won on penalties.\n"
        "Hexham were beaten 4-0 at home by a young Newcastle Benfield.\n"
        "Ashington held North Shields to a goalless draw at Woodhorn.\n"
        "The draw for the second round will be made on Monday evening.\n"
    )
    doc = parse("s.txt", text, "text", ParseOptions())
    assert len(doc.prose) == 6, [b.text.text for b in doc.prose]
