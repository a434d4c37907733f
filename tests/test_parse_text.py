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
