"""Positions: LineIndex and MappedText."""

from edlint.document import LineIndex, MappedText, MappedTextBuilder, Span, slice_mapped


def test_line_index_counts_lf_crlf_and_lone_cr_as_line_breaks():
    text = "one\ntwo\r\nthree\rfour"
    idx = LineIndex(text)
    assert idx.line_count == 4
    assert idx.position(text.index("two")) == (2, 1)
    assert idx.position(text.index("three")) == (3, 1)
    assert idx.position(text.index("four") + 2) == (4, 3)


def test_line_index_columns_count_code_points_not_bytes():
    text = "Café — naïve ’quote’ here"
    idx = LineIndex(text)
    assert idx.position(text.index("here")) == (1, text.index("here") + 1)


def test_mapped_text_maps_verbatim_and_replaced_segments():
    source = "Fish &amp; chips cost £4"
    b = MappedTextBuilder()
    b.add("Fish ", 0)
    b.add("&", 5, 10)  # the entity
    b.add(" chips cost £4", 10)
    mt = b.build()
    assert mt.text == "Fish & chips cost £4"
    start = mt.text.index("chips")
    span = mt.source_span(start, start + 5)
    assert source[span.start : span.end] == "chips"
    amp = mt.source_span(5, 6)
    assert source[amp.start : amp.end] == "&amp;"


def test_slice_keeps_the_map():
    source = "Photo by Jane Doe/AP"
    mt = MappedText(source, [(0, 0, len(source))])
    credit = slice_mapped(mt, 9, len(source))
    assert credit.text == "Jane Doe/AP"
    assert credit.source_span(0, 4) == Span(9, 13)


def test_builder_strips_leading_and_trailing_space_keeping_offsets():
    b = MappedTextBuilder()
    b.add("  Hello world  ", 100)
    mt = b.build()
    assert mt.text == "Hello world"
    assert mt.source_offset(0) == 102


def test_undeclared_language_is_judged_by_its_words():
    from edlint.parsers import ParseOptions, parse

    portuguese = (
        "O governo anunciou nesta segunda-feira um novo programa de habitação para as famílias "
        "de baixa renda, com investimentos previstos em todas as regiões do país até dezembro."
    )
    english = (
        "The council said on Monday that the new housing programme would reach families in every "
        "district of the city by the end of the year, and that it had been paid for."
    )
    assert not parse("a.txt", portuguese, "text", ParseOptions()).is_english
    assert parse("a.txt", english, "text", ParseOptions()).is_english
    # A document that declares English is English, whatever its words.
    assert parse("a.html", f'<html lang="en"><p>{portuguese}</p></html>', "html", ParseOptions()).is_english
    assert not parse("a.html", f'<html lang="pt-BR"><p>{english}</p></html>', "html", ParseOptions()).is_english
