"""Tests for the images family: the case files, the credit recogniser, site data."""

from __future__ import annotations

import os

import pytest

from edlint.testing import findings
from edlint.text.credits import (
    CREDIT,
    LICENCE,
    NONE,
    WEAK,
    CreditRecogniser,
    classify_credit,
    find_credit_marker,
)
from paths import TESTS

HERE = TESTS
CASES_DIR = os.path.join(HERE, "cases", "images")
SITE_DIR = os.path.join(HERE, "data", "images-site")


# The case files run in tests/test_cases.py.


# -- site data: {{< img src="uid" >}} with data/images/<uid>.yml --------------------------------
def _site_findings():
    from edlint.api import lint_paths

    result = lint_paths(
        [os.path.join(SITE_DIR, "content", "news", "harbour.md")], config=os.path.join(SITE_DIR, ".edlint.yaml")
    )
    return sorted((f.line, f.rule, str(f.severity), f.message) for f in result.findings)


def test_site_data_loader_reads_every_valid_file():
    from edlint.rules.images import ImagesOptions, load_image_data

    data = load_image_data(SITE_DIR, ImagesOptions())
    assert set(data) == {"harbour-dawn-1200", "council-chamber", "keyboard-translate", "volunteers-cc"}
    assert data["harbour-dawn-1200"]["credit"] == "Sam Patel, City of Tenby"
    assert data["council-chamber"]["alt"].startswith("Councillors seated")
    assert "credit" not in data["council-chamber"]  # empty in the file


def test_site_data_folder_is_relative_to_the_config_and_configurable(tmp_path):
    from edlint.rules.images import ImagesOptions, load_image_data

    assert load_image_data(str(tmp_path), ImagesOptions()) == {}
    assert load_image_data(os.path.dirname(SITE_DIR), ImagesOptions(site_data_folder="images-site/data/images"))


def test_site_data_fills_alt_caption_and_credit():
    got = _site_findings()
    # harbour-dawn-1200 (line 8): alt, caption and credit all in site data -> nothing.
    assert not [g for g in got if g[0] == 8]
    # The featured primary_image is the same image: no separate findings for it.
    assert not [g for g in got if g[0] == 3]
    # council-chamber (line 12): alt from site data; no caption, no credit.
    assert (12, "image-caption", "warning", "Image (council-chamber) has no caption") in got
    assert any(g[0] == 12 and g[1] == "image-credit" and "no credit" in g[3] for g in got)
    assert not any(g[0] == 12 and g[1] == "image-alt" for g in got)
    # keyboard-translate (line 16): a configured shortcode; its "caption" is only a stock
    # credit: credited, but not described.
    assert [g for g in got if g[0] == 16] == [
        (16, "image-caption", "warning", "Image (keyboard-translate) has a credit but no caption")
    ]
    # volunteers-cc (line 20): credit field is only a licence.
    assert any(g[0] == 20 and g[1] == "image-credit" and "only a licence" in g[3] for g in got)
    # not-in-site-data (line 22): nothing is known about it, so nothing is said.
    assert not [g for g in got if g[0] == 22]


def test_without_site_data_uid_images_are_not_guessed_at():
    text = '{{< img src="harbour-dawn-1200" >}}\n'
    assert findings(text, "md", select=["images"]) == []


def test_site_data_alt_missing_is_reported():
    text = '{{< img src="council-chamber" >}}\n'
    got = findings(
        text,
        "md",
        select=["image-alt"],
        config={"images": {"site_data_folder": os.path.join(SITE_DIR, "data", "images")}},
    )
    assert got == []  # alt is in the data file


# -- the credit recogniser ------------------------------------------------------------------
CREDIT_FORMS = [
    ("Crowds at the march. Photo: J. Doe/AP", CREDIT),
    ("Minot, ND. photo by Bobak Ha'Eri. Licensed CC 3.0, BY-SA.", CREDIT),
    ("A heron on the river. Image Credit: Sam Patel", CREDIT),
    ("The weir after the storm. Credit: River Trust", CREDIT),
    ("The hunter killed and ate a rabbitCredit: Getty - Contributor", CREDIT),
    ("An MSC cargo ship leaves PortMiami, on Aug. 31, 2019. (AP)", CREDIT),
    ("Containers wait at the port. (Reuters)", CREDIT),
    ("Image copyright | Getty Images", CREDIT),
    ("Photo: Getty Images", CREDIT),
    ("The harbour at dawn. © Sam Patel", CREDIT),
    ("House prices since 2010. Source: Land Registry", CREDIT),
    ("Courtesy of the Smith family", CREDIT),
    ("The protests kicked off in June (Image: GETTY )", CREDIT),
    ("The road to retiring early isn't easy.Kathrin Ziegler/Getty", CREDIT),
    ("Protesters gather on Monday. Jane Doe/The Washington Post", CREDIT),
    ("Sensvector/iStock via Getty Images", CREDIT),
    ("Violka08, iStock, Thinkstock", CREDIT),
    ("Representative image. (AFP file photo)", CREDIT),
    ("The team (photo by 18F)", CREDIT),
    ("New York State Sex Offender Registry via AP", CREDIT),
    ("Protesters outside parliament. Image Credit: CC BY-SA 4.0.", LICENCE),
    ("A sunset over the bay. Creative Commons.", LICENCE),
    ("A map of the county from 1820. Public domain.", LICENCE),
    ("Image: public domain", LICENCE),
    ("The mayor speaks. (File photo)", WEAK),
    ("The new school building. Photo: Supplied", WEAK),
    ("The trawler in the harbour. Handout", WEAK),
    ("Image: Jose Mourinho has agreed a deal to become manager of Tottenham Hotspur", NONE),
    ("EPA Administrator Lisa Jackson speaks to reporters.", NONE),
    ("The team in Pittsburgh, PA, in 2019.", NONE),
    ("A view of the HIV/AIDS ward.", NONE),
    ("Original 2011 IES.ED.GOV/Funding page", NONE),
    ("Day 2 of the team working out of the 18F common space.", NONE),
    ("Kick off (Inception)", NONE),
    ("The plaza, seen from above (2019)", NONE),
    ("A 100 cc engine on display", NONE),
    ("© 2019", NONE),
]


@pytest.mark.parametrize("text,kind", CREDIT_FORMS)
def test_caption_credit_forms(text, kind):
    assert classify_credit(text).kind == kind


@pytest.mark.parametrize(
    "text,kind",
    [
        ("Getty - Contributor", CREDIT),
        ("Courtesy Google", CREDIT),
        ("@BigMachine", CREDIT),
        ("(Jacquelyn Martin / Associated Press)", CREDIT),
        ("Photo credit: Jeff White, GSA.", CREDIT),
        ("Bobak Ha'Eri / CC BY-SA 3.0", CREDIT),
        ("CC BY-SA 4.0", LICENCE),
        ("Public domain", LICENCE),
        ("Licensed CC 3.0, BY-SA", LICENCE),
        ("File photo", WEAK),
        ("Handout", WEAK),
        ("Supplied", WEAK),
        ("", NONE),
        ("© 2019", NONE),
    ],
)
def test_credit_field_forms(text, kind):
    assert classify_credit(text, whole=True).kind == kind


def test_credit_evidence_offsets_point_at_the_credit():
    text = "Protesters outside parliament. Image Credit: CC BY-SA 4.0."
    r = classify_credit(text)
    assert text[r.start : r.end].startswith("Image Credit: CC BY-SA 4.0")
    r = classify_credit("The mayor speaks. (File photo)")
    assert r.value == "File photo"


def test_custom_words_and_patterns():
    rec = CreditRecogniser(sources=("Tenby Observer",), patterns=(r"\bTO/\w+",), weak=("pool photo",))
    assert rec.classify("The lifeboat at dawn. Tenby Observer").kind == CREDIT
    assert rec.classify("The lifeboat at dawn. TO/Patel").kind == CREDIT
    assert rec.classify("Pool photo", whole=True).kind == WEAK
    assert rec.classify("The lifeboat at dawn. Getty Images").kind == NONE  # sources replaced


def test_explicit_mode_ignores_name_guesses():
    assert classify_credit("Original 2011 IES.ED.GOV/Funding page", explicit=True).kind == NONE
    assert classify_credit("Layer cake, by Flickr user Kirinohana", explicit=True).kind == CREDIT


def test_file_name_credit():
    rec = CreditRecogniser()
    assert rec.in_file_name("2014/09/600-x-450-Keyboard-pichet_w-iStock-Thinkstock-478052387.jpg")
    assert rec.in_file_name("https://cdn.example.com/a/gettyimages-1094707432.jpg#")
    assert rec.in_file_name("assets/blog/team-photo.jpg") is None
    assert rec.in_file_name("2014/08/478-x-214-SUS-Font-Awesome-by-Dave-Gandy-CC-BY-3.jpg")
    assert rec.in_file_name("2015/07/600-x-523-Smartphone-Ownership-by-Screen-Size.jpg") is None


def test_find_credit_marker_is_kept_for_the_parsers():
    assert find_credit_marker("Protesters outside parliament. Image Credit: CC BY-SA 4.0.") == 31
    assert find_credit_marker("The council approved the budget.") is None


def test_image_family_is_fast_on_a_long_article():
    import time

    body = "\n\n".join(
        f"Paragraph {i} about the council budget and the harbour works, which ran late.\n\n"
        f"![Boats in the harbour number {i}](boats-{i}.jpg)\n*Boats return to the harbour. Photo: Sam Patel*"
        for i in range(150)
    )
    start = time.perf_counter()
    findings(body, "md", select=["images"])
    assert time.perf_counter() - start < 2.0


# -- generator figure tags (issue 18) -------------------------------------------------------
def _tag_fields(source: str, codes: dict | None = None) -> dict | None:
    from edlint.parsers.shortcodes import DEFAULT_IMAGE_SHORTCODES, find_shortcodes, image_fields

    (sc,) = find_shortcodes(source)
    got = image_fields(sc, {**DEFAULT_IMAGE_SHORTCODES, **(codes or {})})
    return None if got is None else {k: (v, variable) for k, (v, _, variable) in got.items()}


@pytest.mark.parametrize(
    "source,src",
    [
        ('{% include figure.html image="/a/pier.jpg" alt="The pier" %}', "/a/pier.jpg"),
        ("{% include figure.html src='/a/pier.jpg' alt='The pier' %}", "/a/pier.jpg"),
        ('{% include figure.html url="/a/pier.jpg" %}', "/a/pier.jpg"),
        ("{% include image.html img=/a/pier.jpg %}", "/a/pier.jpg"),
        ('{%- include figure.html\n  path="/a/pier.jpg"\n  alt="The pier"\n-%}', "/a/pier.jpg"),
        ('{% include figure image_path="/a/pier.jpg" caption="The pier." %}', "/a/pier.jpg"),
        ("{% render 'figure', src: '/a/pier.jpg', alt: 'The pier' %}", "/a/pier.jpg"),
        ('{% image "/a/pier.jpg", "The pier" %}', "/a/pier.jpg"),
        ('{{< figure src="/a/pier.jpg" alt="The pier" >}}', "/a/pier.jpg"),
        ('{{% figure src="/a/pier.jpg" %}}', "/a/pier.jpg"),
        ('{{< image src="/a/pier.jpg" alt="The pier" >}}', "/a/pier.jpg"),
        ('{{< img src="/a/pier.jpg" >}}', "/a/pier.jpg"),
    ],
)
def test_figure_tags_of_jekyll_hugo_and_eleventy_are_images(source, src):
    got = _tag_fields(source)
    assert got is not None and got["src"] == (src, False)


def test_eleventy_comma_separated_arguments_keep_their_positions():
    got = _tag_fields('{% image "/a/pier.jpg", "The pier at low tide", "(min-width: 30em) 50vw" %}')
    assert got["alt"] == ("The pier at low tide", False)


def test_includes_that_are_not_figures_are_not_images():
    assert _tag_fields('{% include newsletter-signup.html list="weekly" %}') is None
    assert _tag_fields("{% include_relative footnotes.md %}") is None


def test_a_site_mapping_by_included_file_name():
    codes = {"photo-block.html": {"src": "file", "alt": "text", "credit": "by"}}
    got = _tag_fields('{% include photo-block.html file="/a/pier.jpg" text="The pier" by="Ana Ruiz" %}', codes)
    assert got == {"src": ("/a/pier.jpg", False), "alt": ("The pier", False), "credit": ("Ana Ruiz", False)}


@pytest.mark.parametrize(
    "value,bare,variable",
    [
        ("{{ include.image }}", False, True),
        ("{{ page.image | relative_url }}", False, True),
        ("{{ site.baseurl }}/assets/img/storm.jpg", False, False),
        ('{{ "/img/storm.jpg" | url }}', False, False),
        ("page.image", True, True),
        ("hero", True, True),
        ("storm.jpg", True, False),
        ("/img/storm.jpg", True, False),
        ("page.image", False, False),  # Hugo: a bare value is text
    ],
)
def test_template_variables(value, bare, variable):
    from edlint.parsers.shortcodes import is_template_value

    assert is_template_value(value, bare) is variable


def test_images_shortcodes_config_rejects_unknown_fields(tmp_path):
    from edlint.api import lint_paths
    from edlint.config import ConfigError

    (tmp_path / ".edlint.yaml").write_text("images:\n  shortcodes:\n    figure.html: {source: image}\n")
    (tmp_path / "a.md").write_text("Text.\n")
    with pytest.raises(ConfigError, match="unknown shortcode field 'source'"):
        lint_paths([str(tmp_path / "a.md")], config=str(tmp_path / ".edlint.yaml"))


# -- one decision per image: editorial or decorative ---------------------------------------
WP_FIGURE = (
    "<article><p>The barrier went up overnight.</p>\n"
    '<figure class="wp-block-image"><img src="/wp-content/uploads/2026/03/barrier.jpg" alt=""/>'
    "<figcaption>The temporary flood barrier on Quay Street.</figcaption></figure></article>\n"
)


@pytest.mark.parametrize("decorative", [False, True])
def test_the_three_rules_agree_on_a_captioned_empty_alt_image(decorative):
    got = findings(
        WP_FIGURE,
        "html",
        select=["images"],
        config={"images": {"empty_alt_decorative": decorative, "credit_policy": "every-photo"}},
    )
    rules = {f.rule for f in got}
    # Editorial for all three (alt omitted, credit missing) or decorative for all three.
    assert rules == (set() if decorative else {"image-alt", "image-credit"})


def test_is_decorative_is_the_one_decision():
    from edlint.document import Span
    from edlint.rules.images import ImagesOptions
    from edlint.rules.images.editorial import is_decorative
    from edlint.rules.images.model import Image, TextPart

    img = Image(block=None, span=Span(0, 1), origin="html", alt="", empty_alt=True)
    assert is_decorative(img, ImagesOptions())
    img.captions.append(TextPart("The barrier.", Span(0, 1)))
    assert not is_decorative(img, ImagesOptions())
    assert is_decorative(img, ImagesOptions(empty_alt_decorative=True))
    assert not is_decorative(Image(block=None, span=Span(0, 1), origin="markdown", alt=""), ImagesOptions())


# -- credits phrased in the caption's own sentence ----------------------------------------
@pytest.mark.parametrize(
    "text,kind",
    [
        ("Cover image: artist's impression of the installation by Studio Marlow", CREDIT),
        ("An aerial photograph of the estate by Skyview Drones Ltd.", CREDIT),
        ("Main image: a photograph of the crash site taken by Alan Price", CREDIT),
        ("A watercolour of the old quay by Maya Chen, 1921", CREDIT),
        ("Cover image: the footbridge designed by Studio Marlow, at dusk", NONE),
        ("A photo of the mayor, who was elected by Labour voters", NONE),
        ("The team photo by the lake", NONE),
        ("A painting of the queen by Lucian Freud hangs in the gallery", NONE),
        ("Cover image: CC BY 2.0", LICENCE),
        # a no-break space after "by", as WordPress writes it
        ("Cover image: an artist\u2019s impression of the pier lights by\u00a0Nora Lind Studio", CREDIT),
        ("Photo:\u00a0Jane Doe/AP", CREDIT),
    ],
)
def test_maker_named_in_the_caption(text, kind):
    assert classify_credit(text).kind == kind


# -- title vs headline -----------------------------------------------------------------------
@pytest.mark.parametrize(
    "title,h1,diff",
    [
        ("Council approves $14m harbour plan", "Council approves $41m harbour plan", ("$41m", "$14m")),
        ("Jane Smith named harbour master", "Jane Doe named harbour master", ("Doe", "Smith")),
        ("Three injured in Pembroke crash", "Two injured in Pembroke crash", ("Two", "Three")),
        ("Harbour repairs to cost £1.2 billion", "Harbour repairs to cost £1.2bn", None),
        ("Council approves harbour plan | Tenby Observer", "Council approves $14m harbour plan", None),
        (
            "Prison guards charged over inmate's death",
            "Two federal prison officers charged with falsifying records",
            None,
        ),
        ("Storm shuts the harbour", "Storm closes the harbour", None),
        ("Federal Reserve raises rates again", "Fed raises rates again", None),
        ("National Health Service waiting lists grow", "NHS waiting lists grow", None),
        ("Johnson resigns after vote", "PM resigns after vote", None),
        ("Tenby mayor Mr Evans steps down", "Tenby mayor John Evans steps down", None),
        ("Britain's economy shrinks", "UK economy shrinks", None),
    ],
)
def test_substantive_difference(title, h1, diff):
    from edlint.rules.metadata.title_mismatch import substantive_difference

    assert substantive_difference(title, h1) == diff


def test_template_checks_are_bounded_on_hostile_values():
    from edlint.parsers.shortcodes import is_template_value

    assert is_template_value("{{" * 5000) is False  # too long to be a variable: not scanned
    got = findings('<article><img src="' + "{{" * 20000 + '" alt=""></article>\n', "html", select=["images"])
    assert all(f.rule.startswith("image-") for f in got)


# -- a work's title and its maker: "Tide Lanterns by Studio Varga" ----------------------------
@pytest.mark.parametrize(
    ("caption", "maker"),
    [
        ("Tide Lanterns by Studio Varga", "Studio Varga"),
        ("The long room of echoes by Maren Holt", "Maren Holt"),
        ("*Harbour Wall*, by Atelier de la Mer", "Atelier de la Mer"),
    ],
)
def test_titled_work_names_its_maker(caption, maker):
    r = classify_credit(caption)
    assert r.kind == CREDIT and r.value == maker


@pytest.mark.parametrize(
    "caption",
    [
        "Boats moored by Tower Bridge",  # a participle: the maker of the thing, not the picture
        "Visitors gather by Harbour Bridge",  # a place
        "Children play by the river",  # not a name
        "The council chamber was redesigned by Nadia Frost and her team last year",  # a sentence
    ],
)
def test_sentences_with_by_are_not_titled_works(caption):
    from edlint.text.credits import titled_work

    assert titled_work(caption) is None


def test_a_credit_line_is_not_a_titled_work():
    from edlint.text.credits import titled_work

    assert titled_work("Photo by Daniel Reyes for The Ledger") is None
    assert classify_credit("Photo by Daniel Reyes for The Ledger").kind == CREDIT


# -- round 4: beacons, visible captions the page prints, product headlines ----------------------
_NEWS_PAGE = (
    "<article><h1>Harbour ferry fares rise in March</h1>"
    '<figure><img src="https://news.example.org/img/ferry.jpg" alt="Passengers board the ferry">'
    "<figcaption>Passengers board the 8am ferry. Photo: Ola Berg</figcaption></figure>"
    "<p>Fares rise by 20p from March, the operator said.</p>{}</article>\n"
)


@pytest.mark.parametrize(
    "beacon",
    [
        '<img src="/stats/hit.gif?id=4" style="display: none">',
        '<img src="/stats/hit.gif?id=4" hidden>',
        '<img src="https://sb.scorecardresearch.com/p?c1=2&amp;c2=777">',
        '<img src="//www.facebook.com/tr?id=12&amp;ev=PageView">',
    ],
)
def test_hidden_images_and_analytics_beacons_are_not_article_images(beacon):
    got = findings(_NEWS_PAGE.format(beacon), "html", select=["image-caption", "image-credit"])
    assert got == []


def test_a_hidden_looking_host_name_in_a_path_is_still_an_article_image():
    # "analytics" in the file's path, not in its host: a photo like any other
    page = _NEWS_PAGE.format('<p><img src="https://news.example.org/analytics/crowd-at-quay.jpg" alt="Crowds"></p>')
    got = findings(page, "html", select=["image-caption"])
    assert [f.rule for f in got] == ["image-caption"]


def test_headline_without_the_site_name():
    from edlint.rules.images.products import headline_of

    assert headline_of("Best tech gadgets of 2026 | GadgetDesk") == "Best tech gadgets of 2026"
    assert headline_of("Lexford wants you to go topless - Auto News") == "Lexford wants you to go topless"
    assert headline_of("A headline with no site name") == "A headline with no site name"


def test_visible_caption_that_repeats_the_alt_text():
    from edlint.rules.images.model import recogniser_for
    from edlint.rules.images.options import ImagesOptions
    from edlint.rules.images.view import _repeats_alt

    rec = recogniser_for(ImagesOptions())
    alt = "a group of people on a quay: Passengers wait for the delayed ferry in Oban on May 3"
    assert _repeats_alt("© Ola Berg Passengers wait for the delayed ferry in Oban on May 3.", alt, rec)
    assert _repeats_alt("Passengers wait for the delayed ferry in Oban on May 3", alt, rec)
    assert _repeats_alt("The ferry company said the delay was caused by a fault.", alt, rec) is None
