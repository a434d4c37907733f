"""Whether an editorial image is one a copy editor expects to see captioned.

A news photograph needs a caption (who, what, where, when) and a credit. Other pictures in an article
usually do not, by house style on most sites: a screenshot, a diagram or drawing the site
made itself, a picture the text around it already introduces or explains ("as the diagram
below shows:", "This screenshot of the dashboard shows ..."), an illustration inside a list
of features, or a portrait of the person the next quotation is from. A data chart is the
exception among graphics: it needs a title and a source (``chart_captions``), unless the text
that introduces it gives the source ("according to Customs and Border Protection data") or
says the writers drew it to illustrate their own method ("we visualise this evaluation as
...", "you produce a chart that looks something like this:").

On a saved news page (HTML) every editorial picture but a graphic is taken for a news
photograph, and a chart needs its caption. In a site's own post a chart that the text
introduces, explains or gives the source of needs none. In a site's own post (Markdown), where screenshots of the site's work are
common and the file is often a JPEG, the alt text, caption, credit or a camera's file name
must say it is a photograph (people, an event, a place) before a missing caption counts.
"""

from __future__ import annotations

import re
from urllib.parse import unquote_plus

from ...document import Document, ImageBlock
from ...text.patterns import lazy
from .editorial import _exempt_from_credit
from .explained import (
    _content_words,
    described_above,
    interviewee_portrait,
    linked_source,
    names_the_author,
    narrative_photo,
    series_art,
    subject_snapshot,
)
from .model import Image, _stem
from .options import ImagesOptions
from .products import headline_of, named_by_heading, product_shot

# A data chart (needs a title and a source); a diagram of how something works is not one.
_DATA_CHART = lazy(r"\b(?:chart|charts|graph|graphs|plot|plots|maps?)\b", re.I)
_DATA_CHART_FILE = lazy(r"(?:^|[^a-z])(?:chart|graph|plot|map)s?(?:[^a-z]|$)", re.I)
# Formats photographs are not saved in: screenshots and drawings are PNG, GIF or SVG.
_GRAPHIC_EXTS = (".png", ".gif", ".svg", ".apng")
# Alt text or file names that say the picture is a graphic the site made.
_GRAPHIC_WORDS = lazy(
    r"\b(?:screen\s?shots?|screen\s?grabs?|screen\s+captures?|diagrams?|flow\s?charts?|schematics?|wireframes?"
    r"|mock-?ups?|icons?|logos?|gifs?|animations?|code\s+(?:snippet|sample|example)s?|architecture|stick\s+figures?"
    r"|cartoons?|illustrations?|drawings?|sketch(?:es)?|clip\s?art|fonts?|typefaces?"
    # "graphic", "infographic" (and its misspellings), not "photographic"
    r"|(?!photo)[a-z]*graphics?|grids?|matri(?:x|ces)|quadrants?|two-by-two"
    # "A snapshot of location data from analytics.usa.gov": a capture of a screen, not a photo
    r"|snapshots?\s+of\s+(?:[\w-]+\s+){0,4}?(?:data|dashboards?|pages?|sites?|apps?|reports?))\b",
    re.I,
)

# "openfec-banner", "post-title-card": a banner named for its post (not "banner.jpg", which
# may be a photo of a protest banner).
_BANNER_FILE = lazy(r"\b[a-z0-9]+\s+(?:banner|title\s?card)\b", re.I)
# The paragraph before introduces the picture ("... looks like this:", "the diagram below").
_INTRODUCES = lazy(
    r":\s*$|\b(?:below|as\s+follows|the\s+following|(?:looks?|looked|look)\s+like\s+this|here\s+is|here\s+are|here['’]s"
    r"|as\s+shown|is\s+shown|are\s+shown|shown\s+here|pictured|see\s+(?:the\s+)?(?:image|figure|diagram|screenshot)"
    # "Here, we display the distribution …", "you can see", "just look at this pizza!",
    # "as seen in the illustration"
    r"|(?:we|you)\s+(?:can\s+)?(?:display|show|plot|present|compare|see)|look\s+at\s+(?:this|these)|as\s+seen\s+in"
    # the sentence names the picture: "the benchmark graph", "this chart of the RSS field"
    r"|(?:this|these|the)\s+(?:[\w-]+\s+){0,2}(?:illustrations?|figures?|graphs?|charts?|diagrams?|plots?|screen\s?shots?)"
    # a set of pictures named as such: "Some photographs of June 4th vigils past."
    r"|(?:^|\b(?:some|a\s+few|more|these|our)\s+)(?:photo(?:graph)?s|pictures|images|snapshots|shots)\s+(?:of|from|taken)\b)\b",
    re.I,
)
# The paragraph after explains it ("This screenshot of development work shows ...", "Above: ...").
_EXPLAINS = lazy(
    r"^\s*(?:(?:this|the|in\s+this|in\s+the|on\s+this|these|that)\s+(?:[\w-]+\s+){0,2}"
    r"(?:screen\s?shots?|images?|photos?|photographs?|pictures?|diagrams?|charts?|graphs?|figure|maps?|illustrations?"
    r"|drawings?|graphics?|gifs?|animations?|visuali[sz]ations?)\b|above\b|pictured\b|\(above\)"
    # what the picture shows, said right under it: "Hannah is holding the award for …",
    # "Left to right: …", "Here are the …"
    r"|(?-i:[A-Z][\w’'-]+(?:\s+(?:and\s+)?[A-Z][\w’'-]+){0,3})(?:,\s*[^,.;]{1,30},)?\s+(?:is|are)\s+"
    r"(?:holding|standing|seen|pictured|shown|wearing|sitting|posing|receiving|presenting)\b"
    r"|(?:left\s+to\s+right|from\s+left|l\s*-\s*r)\b|(?:this|these)\s+(?:is|are)\s+(?:a|an|the|our|some)\b)",
    re.I,
)
# Alt text that is only a name (a headshot): "CFPB's Natalie Kurz", "Dana Whitfield (she/her)".
_NAME_ONLY = lazy(
    r"^\s*(?:[A-Z][\w.&-]*['’]s\s+)?(?P<name>[A-Z][a-z'’]+(?:-[A-Z]?[a-z'’]+)*(?:\s+[A-Z]\.)?"
    r"(?:\s+[A-Z][a-z'’]+(?:-[A-Z]?[a-z'’]+)*){1,2})"
    r"(?:\s*\([^)]{1,20}\))?"
    r"(?:[,\s]+[^.;]{0,100}?\b(?:smil\w*|camera|headshot|portrait|profile\s+photo|photo|looking)\b[^.;]{0,60})?"
    r"\s*\.?\s*$"
)
# What a photograph shows, as its alt text or caption says it: people, an event, a place.
_PHOTO_WORDS = lazy(
    r"\b(?:photo|photos|photograph|photographs|picture|pictures|portrait|headshot|snapshot|selfie"
    r"|people|person|man|men|woman|women|boys?|girls?|child|children|kids?|baby|famil(?:y|ies)|crowds?|team|teams"
    r"|staff|staffers|colleagues|members|employees|workers|volunteers|residents|visitors|tourists|passengers|fans"
    r"|spectators|audience|attendees|participants|students|pupils|teachers|nurses|doctors|patients|officers|police"
    r"|soldiers|troops|firefighters|crews?|protesters|demonstrators|voters|officials|ministers?|president|mayor"
    r"|senator|governor|councill?ors?|leaders?|speakers?|panel(?:ists)?|presenters?|developers|designers"
    r"|engineers|researchers|scientists|farmers|athletes|players|runners|riders|drivers|shoppers|customers"
    r"|commuters|cyclists|pedestrians|refugees|migrants|survivors|rescuers|guests|delegates|musicians|actors"
    r"|couple|friends|homeowners?|owners?|tenants?|campaigners?|activists?|locals|neighbou?rs?|parents?"
    r"|mourners|surfers|fishermen|hikers|swimmers|shopkeepers?|vendors?|strikers|picketers|worshippers"
    r"|competitors|entrants|contestants|judges?|exhibitors|stallholders|walkers|climbers|rowers|sailors"
    r"|ceremony|celebration|festival|parade|protest|rally|march|vigil|funeral|wedding|conference|summit|meeting"
    r"|workshop|hackathon|launch|opening|visit|tour|match|race|concert|exhibition|fair|gathering|training"
    r"|lecture|interview|demonstration|strike|election|campaign|fire|flood|floods|storm|blaze|crash|explosion"
    r"|earthquake|rescue|party|parties|meetups?|celebrating|gathering|groups?|executives|playing|working|presenting"
    r"|laughing|talking|dancing|cheering|eating"
    r"|street|streets|road|bridge|building|buildings|house|houses|office|hall|stage|square|park|city|town|village"
    r"|port|harbou?r|beach|sea|river|lake|mountains?|forest|farm|school|hospital|church|station|airport|stadium"
    r"|courthouse|parliament|capitol|headquarters|campus|warehouse|factory|skyline|coast|island|garden|ferry"
    r"|ship|boat|train|bus|cars?|plane|aircraft|dusk|dawn|sunset|sunrise|aerial"
    r"|speaks|speaking|talks|listens|poses|posing|smiling|smiles|stands|standing|sits|sitting|walks|walking"
    r"|holds|holding|waves|waving|wearing|gather|gathered|gathers|queue|queues|attend|attends|celebrate)\b"
    r"(?!['’]s?\b)",  # "the team's planning board" shows a board, not the team
    re.I,
)
# File names a camera or phone gives a photograph: IMG_0423, DSC01234, PXL_2024..., 4X6A1347.
_CAMERA_FILE = lazy(
    r"^(?:img|dsc|dscn|dscf|pxl|_mg|mvimg|photo|kakaotalk|whatsapp[\s_-]image)[_ -]?\d|^\d{8}[_-]\d{6}"
    r"|^[0-9a-z]{4}\d{4}$",
    re.I,
)
_PHOTO_EXTS = (".jpg", ".jpeg", ".webp", ".heic", ".tif", ".tiff")


def camera_file(src: str) -> bool:
    """Is the picture's file named as a camera or phone names it (``IMG_8478.jpg``)?"""
    return bool(_CAMERA_FILE.match(_stem(src.split("#", 1)[0])))


def caption_expected(doc: Document, img: Image, opts: ImagesOptions, *, article_captions: bool = True) -> bool:
    """Whether a missing caption under ``img`` is worth a copy editor's note.

    ``article_captions``: the article captions at least one of its pictures."""
    if img.featured or img.block is None or img.origin == "text":
        return True
    if marked_uncaptioned(img.block):
        return False  # the site's template says this picture goes without a caption
    if _exempt_from_credit(img, opts):
        return False  # a screenshot, a page on a screen, a drawing of a concept
    if series_art(doc, img):
        return False  # the podcast's or column's own artwork, reused on every episode
    if headshot(img):
        return False  # a person's headshot beside the text that names them
    if code_output(doc, img):
        return False  # the plot the code listing above it draws
    news_page = doc.format == "html"  # a saved page of a news site, not a site's own post
    before, after = _neighbours(doc, img.block)
    if _data_chart(img) or _chart_by_leadin(img, before):
        if not opts.chart_captions:
            return False
        if not news_page and not doc.is_english:
            # whether the post's text introduces, explains or sources the chart is read from
            # English words; a translated post's chart is as its English original has it
            return False
        # A chart the text introduces, explains, gives the source of, or says the writers drew
        # to illustrate has its title and source in the text; on a news page the lead-in must
        # both introduce it and name its source or makers.
        introduced = _introduced_or_explained(before, after)
        sourced = _sourced_by_lead_in(doc, img.block) or linked_source(doc, img) or own_plots_run(doc, img.block)
        if news_page:
            return not (introduced and sourced)
        # In a site's post, a chart that opens a section ("## Memory consumption") has the
        # heading for its title; one whose alt text says what it shows ("A bar chart showing
        # the portion of controls handled by ...") is the site's own, described chart.
        return not (
            introduced
            or sourced
            or _opens_section(doc, img.block)
            or _described_chart(img)
            or _own_people(img, before)
            or _states_figures(before)
            or _animation(img)
        )
    if _graphic(img):
        return False
    if "list" in img.block.container:
        return False  # an illustration of a list item; the item is its context
    if _portrait_of_speaker(doc, img) or _portrait_of_author(doc, img):
        return False
    if not article_captions and narrative_photo(doc, before, after):
        return False  # a blogger's own snapshots, each told by the paragraph beside it
    title = doc.meta("title")
    headline = headline_of(title) if isinstance(title, str) else None
    if not article_captions and subject_snapshot(doc, img, headline):
        return False  # a sponsored or personal post's pictures of its own subject
    heading_after = _heading_after(doc, img.block)
    if product_shot(doc, img, headline) or named_by_heading(img, heading_after):
        return False  # the product the headline, or the heading under it, names
    if portrait_over_name(img, heading_after):
        return False  # "## Speaker: Hillary Hartley" right under the picture: her portrait
    if interviewee_portrait(doc, img, headline):
        return False  # the person a Q&A is with
    if news_page:
        return True
    if _introduced_or_explained(before, after) or described_above(img, before):
        return False
    if title_card(img, headline, before) or labelled_above(img, before):
        return False  # the post's title card or a section's banner; a label line above says it
    if _credited_stock_picture(img):
        return False  # a stock mood picture, credited: nothing in it to identify
    if before is None and not img.credits and _scenery_header(img):
        return False  # a header picture of a scene above the post's first words
    if not news_page and _picture_run(doc, img.block) >= 3:
        return False  # a gallery: a run of pictures with no text between, shown together
    if before is None and _shows_featured(doc, img, opts):
        return False  # the post's own banner (its front-matter image) printed above its first words
    return _photograph(img) and not _animation(img)


def _picture_run(doc: Document, block: ImageBlock) -> int:
    """How many pictures stand in a row with ``block``, nothing but pictures between them."""
    blocks = doc.blocks
    try:
        k = next(i for i, b in enumerate(blocks) if b is block)
    except StopIteration:
        return 1
    a = k
    while a > 0 and isinstance(blocks[a - 1], ImageBlock):
        a -= 1
    z = k
    while z + 1 < len(blocks) and isinstance(blocks[z + 1], ImageBlock):
        z += 1
    return z - a + 1


# A heading that is a person's name, with a role label before it: "Speaker: Hillary
# Hartley", "Keynote — Dr Ana Ruiz", "Meet Jane Doe".
_NAME_HEADING = lazy(
    r"\s*(?i:(?:speaker|keynote|panellist|panelist|host|moderator|guest|presenter|instructor|mentor|judge"
    r"|fellow|winner|honou?ree|meet)s?\s*[:\u2014\u2013-]?\s+)?"
    r"(?:(?:Dr|Prof|Mr|Mrs|Ms|Mx)\.?\s+)?[A-Z][a-z’'-]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][a-z’'-]+){1,2}\s*"
)
# Capitalised words a section heading uses that are no one's name ("Hacking Time", "Evening Reception").
_NOT_A_NAME = lazy(
    r"\b(?:Time|Day|Night|Session|Reception|Lunch|Dinner|Breakfast|Break|Schedule|Agenda|Update|News|Notes|Results"
    r"|Project|Projects|Team|Teams|Workshop|Hackathon|Event|Events|Meetup|Welcome|Closing|Opening|Remarks|Resources)\b"
)


def portrait_over_name(img: Image, heading: str | None) -> bool:
    """A picture with nothing of its own (no alt text, caption or credit) right above a
    heading that is a person's name ("Speaker: Hillary Hartley"): that person's portrait,
    which the heading names."""
    if not heading or img.captions or img.credits or (img.alt or "").strip():
        return False
    return _NAME_HEADING.fullmatch(heading) is not None and not _NOT_A_NAME.search(heading)


def _shows_featured(doc: Document, img: Image, opts: ImagesOptions) -> bool:
    """Is the picture the post's featured image (named in its front matter), shown again
    at the top of the body? A banner: the headline is what it is about."""
    stem = _stem(img.src or "").lower()
    if not stem:
        return False
    for key in opts.featured_image_fields:
        mf = doc.metadata.get(key)
        value = mf.value if mf is not None else None
        for v in value if isinstance(value, list) else [value]:
            if isinstance(v, dict):
                v = v.get("src") or v.get("url") or v.get("path") or v.get("image")
            if isinstance(v, str) and _stem(v).lower() == stem:
                return True
    return False


# A header picture of a scene ("San Diego skyline", "Photo of a ship at sunset") with nobody
# and nothing happening in it: it sets a mood, there is no who, what or when to caption.
_SCENERY = lazy(
    r"\b(?:skylines?|sunsets?|sunrises?|dusk|dawn|landscapes?|horizon|sky|clouds|ocean|sea|coast(?:line)?|beach"
    r"|mountains?|forest|lake|river|cityscape|ship|boat|view\s+(?:of|over|across))\b",
    re.I,
)
_SOMEONE_OR_SOMETHING_HAPPENING = lazy(
    r"(?i:\b(?:people|person|man|men|woman|women|boys?|girls?|child(?:ren)?|kids?|famil(?:y|ies)|crowds?|teams?"
    r"|staff|members|workers|volunteers|visitors|residents|students|officials|police|firefighters|protesters|fans"
    r"|fire|flood(?:ing|s)?|storm|blaze|crash|rescue|protest|rally|ceremony|festival|parade|launch|opening|during"
    r"|wreck(?:age)?|damaged?|destroyed)\b)"
    r"|\b[A-Z][a-z]+\s+[A-Z][a-z]+\s+(?:at|on|in|with)\b"  # "Jane Doe at the ..."
)


_STOCK_HOST = lazy(r"^(?:https?:)?//(?:[\w-]+\.)*(?:unsplash\.com|pexels\.com|pixabay\.com)/", re.I)
_STOCK_NAME = lazy(r"\b(?:unsplash|pexels|pixabay)\b", re.I)


def _credited_stock_picture(img: Image) -> bool:
    """In a site's post, a picture from a stock library (served by it, or so credited) whose
    only caption is its credit: a mood picture, already credited, with no one to name."""
    if not img.credits and not img.captions:
        return False
    if not (_STOCK_HOST.match(img.src) or any(_STOCK_NAME.search(p.text) for p in (*img.credits, *img.captions))):
        return False
    alt = img.alt or ""
    return not (_PHOTO_SAID.search(alt) or _PHOTO_WORDS.search(alt)) and all(
        _CREDIT_ONLY.match(c.text) for c in img.captions
    )


_CREDIT_ONLY = lazy(r"^\s*[*_]*(?:photo\s+|image\s+)?(?:credit|by|courtesy)\b", re.I)


def _scenery_header(img: Image) -> bool:
    alt = (img.alt or "").strip()
    return bool(alt) and bool(_SCENERY.search(alt)) and not _SOMEONE_OR_SOMETHING_HAPPENING.search(alt)


# Where a site keeps its people's headshots: a template's class ("project-headshot",
# "team-photo") or a folder of them ("/images/people/", "/headshots/").
_HEADSHOT_CLASS = lazy(r"head-?shot|mug-?shot|team-photo|staff-photo|bio-photo|people-photo|person-photo", re.I)
_HEADSHOT_FOLDER = lazy(
    r"/(?:people|team|staff|headshots?|bios?|speakers|members|authors|volunteers|contributors|fellows|candidates"
    r"|board)/[^/]+$",
    re.I,
)
# The alt text a people page gives every portrait ("member photo", "Headshot", "Profile picture").
_PORTRAIT_ALT = lazy(
    r"^\s*(?:(?:member|staff|team|profile|author|speaker|board|candidate)\s+)?(?:photo|picture|headshot|portrait|avatar)\s*$",
    re.I,
)


def code_output(doc: Document, img: Image) -> bool:
    """In a site's post, a picture right after a code listing: the plot or screen that code
    makes, which the listing and the text around it explain (and the writer made)."""
    if doc.format == "html" or img.block is None:
        return False
    prev = None
    for b in doc.blocks:
        if b.span.start >= img.block.span.start:
            break
        prev = b
    return prev is not None and prev.kind == "code"


def headshot(img: Image) -> bool:
    """A headshot the site keeps for a person its text names (alt text that is only the name,
    the template's headshot class or the site's folder of people's photos): a supplied
    portrait, identified by the text beside it and credited by no house."""
    if img.block is None:
        return False
    path = img.src.split("?", 1)[0].split("#", 1)[0]
    if _PORTRAIT_ALT.match(img.alt or "") and _HEADSHOT_FOLDER.search(path):
        return True  # "member photo" from /images/volunteers/: the people page's portrait
    if not _NAME_ONLY.match(img.alt or ""):
        return False
    return bool(_HEADSHOT_FOLDER.search(path)) or any(_HEADSHOT_CLASS.search(c) for c in img.block.classes)


def title_card(img: Image, headline: str | None, before: str | None) -> bool:
    """A picture whose alt text is the post's headline, or the heading right above it: a
    title card or a section's banner, which the headline or heading already names."""
    alt = _content_words(img.alt or "")
    if len(alt) < 2 or img.captions or img.credits:
        return False
    heading = before.rsplit("\n", 1)[-1] if before and "\n" not in before.strip() and len(before.split()) <= 12 else ""
    for name in (headline or "", heading):
        words = _content_words(name)
        if words and len(alt & words) >= 0.8 * len(alt) and len(alt & words) >= 0.6 * len(words):
            return True
    return False


def labelled_above(img: Image, before: str | None) -> bool:
    """A short line right above the picture that says what its alt text says ("March 20 -
    Vicki White, Chicago Books to Women in Prison" over a portrait whose alt text is "Vicki
    White, Chicago Books to Women in Prison"): the line is its caption."""
    alt = (img.alt or "").strip()
    if not before or len(_content_words(alt)) < 2 or img.captions:
        return False
    line = before.strip().rsplit("\n", 1)[-1]
    if len(line.split()) > 25 or line.rstrip(" *_").endswith((".", "!", "?")):
        return False  # a sentence of the story that mentions the subject is no label
    return _content_words(alt) <= _content_words(line)


def is_photograph(doc: Document, img: Image, opts: ImagesOptions) -> bool:
    """A photograph (not a screenshot, chart, diagram or drawing): what a repeated caption
    is a mistake under (a series of diagrams may share one title)."""
    if img.block is None or img.origin == "text":
        return True
    return not (_exempt_from_credit(img, opts) or _data_chart(img) or _graphic(img)) and _photograph(img)


def _introduced_or_explained(before: str | None, after: str | None) -> bool:
    return (before is not None and bool(_INTRODUCES.search(before[-1000:]))) or (
        after is not None and bool(_EXPLAINS.match(after))
    )


def _photograph(img: Image) -> bool:
    """Whether the picture is a photograph of people, an event or a place: its alt text or
    caption says so, it is credited, or its file is a camera's. A picture nothing describes
    (no alt text) counts when it is a JPEG or has no extension (a news CMS's image URL); a
    described one that shows none of these is a picture of a thing on a screen or a desk
    ("The betaFEC glossary", "Comments on the team's Trello board")."""
    if img.credits or img.captions:
        return True  # credited, or captioned with only a credit: someone took it
    path = img.src.split("?", 1)[0].split("#", 1)[0].lower()
    name = path.rsplit("/", 1)[-1]
    stem, dot, ext = name.rpartition(".")
    if _CAMERA_FILE.match(stem or name):
        return True
    alt = (img.alt or "").strip()
    if not alt:
        # A picture nothing describes, in a site's own post: only a JPEG (or the like) is taken
        # for a photograph; an extensionless import (a Google Docs or Blogger URL) shows nothing.
        return bool(dot) and ("." + ext) in _PHOTO_EXTS
    if _PHOTO_WORDS.search(alt) or _NAME_ONLY.match(alt):
        return True
    return bool(_PHOTO_WORDS.search((stem or name).replace("-", " ").replace("_", " ")))


_ANIMATION_SAID = lazy(r"\b(?:animated|animations?|gifs?)\b", re.I)


def _animation(img: Image) -> bool:
    """An animated GIF ("animated GIF of 5 years of map edits"): a graphic that plays, which
    the text around it presents; not a photograph to caption."""
    path = img.src.split("?", 1)[0].split("#", 1)[0].lower()
    return path.endswith(".gif") or bool(_ANIMATION_SAID.search(img.alt or ""))


def file_words(src: str) -> str:
    """The words of an image's file name, URL-decoded ("Screen%2BShot%2B2018" and
    "Screen%20Shot" read as "Screen Shot 2018"), with its extension, hyphens and underscores
    dropped."""
    name = src.split("?", 1)[0].split("#", 1)[0].rsplit("/", 1)[-1]
    # twice: "Screen%2BShot" is "Screen+Shot" once decoded; a bad escape stays as written
    name = unquote_plus(unquote_plus(name))
    stem = name.rsplit(".", 1)[0] if "." in name else name
    return " ".join(re.sub(r"[-_]+", " ", stem).split())


# Words that say a picture is a photograph whatever it shows.
_PHOTO_SAID = lazy(r"\b(?:photo(?:graph)?(?:s|ed|er)?|portraits?|pictured|headshots?|selfies?)\b", re.I)
# Words that say it is a screen, a page, a message as shown, or something drawn.
_SCREEN_SAID = lazy(
    r"\b(?:screen\s?shots?|screen\s?grabs?|screen\s?captures?|screencaps?|screens?|dashboards?|ui|user\s+interface"
    r"|pages?|home\s?page|web\s?sites?|tweets?|e-?mails?|inbox|charts?|diagrams?|plots?|graphs?"
    r"|logos?|graphics?|infographics?|buttons?|menus?|dialogs?|preferences|settings|panels?|editor|terminal"
    r"|console|browser|code|teaser|banner|wireframes?|mock-?ups?|illustrations?|drawings?|icons?)\b",
    re.I,
)
# Screen words that are also things a photograph shows: a protest banner, a stadium screen.
_ALSO_IN_THE_STREET = lazy(r"banners?|screens?|panels?|menus?|buttons?|signs?|consoles?|pages?|browser", re.I)
# A caption or alt text whose subject is a person by name, doing something: "Linda Ferreira
# shows how high the water rose".
_PERSON_DOING = lazy(
    r"^\s*(?:[A-Z][a-z]+\.?\s+)?[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?\s+[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?"
    r"(?:,[^,]{1,80},)?\s+(?:is|are|was|were|has|[a-z]{3,}s|[a-z]{3,}ing)\b(?!['’])"
)
_SCREEN_EXTS = (".png", ".gif", ".svg", ".apng", ".webm", ".mp4")


def said_to_be_a_screen(img: Image) -> bool:
    """The alt text, caption or file says it is a screen, a page, a chart, a logo or a
    drawing (a word that is not also a thing in the street), or it is a PNG, GIF or SVG."""
    texts = [t for t in (img.alt or "", *(c.text for c in img.captions)) if t.strip()]
    if _screen_words(texts, file_words(img.src)):
        return True
    return img.src.split("?", 1)[0].split("#", 1)[0].lower().endswith(_SCREEN_EXTS)


def _screen_words(texts: list[str], file_words: str) -> bool:
    """Words that say the picture is a screen, a chart, a logo or a drawing. A banner, a
    screen or a panel may also be in the street, in a photograph ("Two women carry a banner
    past the entrance"): those words alone decide nothing."""
    said = [m.group(0) for t in (*texts, file_words) for m in _SCREEN_SAID.finditer(t)]
    return bool(said) and not all(_ALSO_IN_THE_STREET.fullmatch(w) for w in said)


def photo_evidence(img: Image) -> bool:
    """Whether anything shows the picture is a photograph, the only kind of picture a house's
    photo-credit convention covers (not its own product screens, e-mails, tweets, plots,
    diagrams or designed cards). Evidence: alt text, caption or file name saying "photo",
    "portrait", "pictured" or naming people, an event or a place; a camera's file name; a
    JPEG (or an extensionless CDN URL) that nothing describes. Against it: screen, page, chart
    or drawing words, or a PNG, GIF or SVG file (how screens and drawings are saved)."""
    texts = [t for t in (img.alt or "", *(c.text for c in img.captions)) if t.strip()]
    words = file_words(img.src)
    if any(_PHOTO_SAID.search(t) for t in texts):
        return True
    if _screen_words(texts, words):
        return False
    if _CAMERA_FILE.match(words.replace(" ", "_")) or _CAMERA_FILE.match(words):
        return True
    path = img.src.split("?", 1)[0].split("#", 1)[0].lower()
    if path.endswith(_SCREEN_EXTS):
        return False
    if any(_PHOTO_WORDS.search(t) or _NAME_ONLY.match(t) or _PERSON_DOING.match(t) for t in texts):
        return True
    if texts:
        return False  # described, and the description shows no one, no event, no place
    name = path.rsplit("/", 1)[-1]
    return "." not in name or name.endswith(_PHOTO_EXTS)


# The lead-in of a chart that names its data source, or says the writers made it themselves
# or that it only illustrates ("a chart that looks something like this:").
_CHART_SOURCED = lazy(
    r"\baccording\s+to\b|\b(?:data|figures|numbers|statistics)\s+(?:from|by|published\s+by|released\s+by)\b"
    r"|\bsources?\s*:|\b(?:we|I)\s+(?:\w+\s+)?(?:visuali[sz]e[ds]?|chart(?:ed)?|plot(?:ted)?|graph(?:ed)?|map(?:ped)?|drew"
    r"|made|built|created|produced|calculated|analy[sz]ed)\b|\bour\s+(?:own\s+)?(?:analysis|data|survey|scan|calculations?"
    r"|research|figures|numbers)\b|\b(?:something|somewhat)\s+like\s+this\b|\bfor\s+(?:example|instance)\b|\bhypothetical\b"
    # the reader's own numbers in a worked scenario: "you run your accessibility tests"
    # "To create the chart, we converted pounds to grams"; "data on drug seizures ... from Customs
    # and Border Protection" (a name: not "data from the past")
    r"|\bto\s+(?:create|make|build|produce|draw|compile)\s+(?:the|this|these)\s+(?:chart|graph|map|table|figure)s?\b"
    r"|\b(?:data|figures|numbers|statistics)\b[^.:;!?]{0,120}?\bfrom\s+(?:the\s+)?(?-i:[A-Z])"
    r"|\byour\s+(?:own\s+)?(?:\w+\s+)?(?:tests?|data|numbers|scans?|analysis|results|survey)\b"
    r"|\byou\s+(?:\w+\s+){0,2}(?:find|run|use|pull|produce|collect|gather|measure|scan)\b",
    re.I,
)


# A lead-in that presents a chart or figures just below it ("The following chart summarizes
# ...", "Here's the most recent data on ..."): the picture it introduces is that chart.
_LEADIN_DATA = lazy(r"\b(?:charts?|graphs?|plots?|maps?|tables?|data|figures|statistics)\b", re.I)


def _chart_by_leadin(img: Image, before: str | None) -> bool:
    """A picture nothing describes (no alt text, caption or credit) that the end of the
    paragraph before it introduces as a chart or as data."""
    if before is None or (img.alt or "").strip() or img.captions or img.credits:
        return False
    last = before.rstrip()[-300:]
    return bool(_LEADIN_DATA.search(last) and _INTRODUCES.search(last))


def chart_credited_by_text(doc: Document, img: Image) -> bool:
    """A chart whose lead-in paragraph (or the sentence after it) gives its source, or says
    the writers made it or that it only illustrates: the article is its source."""
    if img.block is None:
        return False
    before, after = _neighbours(doc, img.block)
    if not (_data_chart(img) or _chart_by_leadin(img, before)):
        return False
    return (
        _sourced_by_lead_in(doc, img.block)
        or linked_source(doc, img)
        or (after is not None and bool(_CHART_SOURCED.search(after[:300])))
        or own_plots_run(doc, img.block)
    )


# A writer saying the charts that follow are their own: "Here are the comparative plots I
# generated", "We plotted the results below", "the graphs I made".
_OWN_PLOTS = lazy(
    r"\b(?:plots?|charts?|graphs?|figures?|benchmarks?)\s+(?:that\s+|which\s+)?(?:I|we)(?:['’]ve|\s+have)?\s+"
    r"(?:generated|made|created|produced|drew|drawn|plotted|rendered|ran|run)\b"
    r"|\b(?:I|we)(?:['’]ve|\s+have)?\s+(?:generated|made|created|produced|drew|plotted|rendered)\s+(?:the\s+|these\s+|some\s+)?"
    r"(?:[\w-]+\s+){0,3}?(?:plots?|charts?|graphs?|figures?)\b",
    re.I,
)


def own_plots_run(doc: Document, block: ImageBlock) -> bool:
    """The section the chart is in (from its heading, at most the last 4,000 characters) has
    the writer saying the plots are theirs: the statement covers every plot of the run that
    follows it, not only the first."""
    section: list[str] = []
    for b in doc.blocks:
        if b.span.start >= block.span.start:
            break
        if b.kind == "heading":
            section = []
        elif b.text is not None and b.kind != "image":
            section.append(b.text.text)
    text = " ".join(section)[-4000:]
    return bool(text) and bool(_OWN_PLOTS.search(text))


def _sourced_by_lead_in(doc: Document, block: ImageBlock) -> bool:
    """The text just before a chart (up to three blocks: an interview's question, its answer)
    names its source or says the writers made it ("We charted the ups and downs ...")."""
    lead = _text_around(doc, block, before=3, after=0)
    return bool(lead) and bool(_CHART_SOURCED.search(lead[-1200:]))


def is_data_chart(img: Image) -> bool:
    """A chart, graph, plot or map of data, said so by its alt text, caption or file name."""
    return _data_chart(img)


def _data_chart(img: Image) -> bool:
    texts = (img.alt or "", *(c.text for c in img.captions))
    if any(_DATA_CHART.search(t) for t in texts if t):
        return True
    name = img.src.split("?", 1)[0].rsplit("/", 1)[-1]
    return bool(_DATA_CHART_FILE.search(name.rsplit(".", 1)[0]))


# Class words a template puts on a picture it shows without a caption (the BBC's
# `<figure class="media-landscape no-caption">`).
_NO_CAPTION_CLASS = lazy(
    r"(?:^|\s)(?:no|without|hide|hidden|sans)[-_]?captions?(?:\s|$)|(?:^|\s)captionless(?:\s|$)", re.I
)


def marked_uncaptioned(block: ImageBlock) -> bool:
    """The picture or its wrapper is marked as shown without a caption (``no-caption``)."""
    classes = " ".join((*block.classes, str(block.attrs.get("context_classes") or "")))
    return bool(classes) and bool(_NO_CAPTION_CLASS.search(classes))


# A poster, flyer or promotional card, as its alt text or caption names it: "Poster promoting
# #askFAFSA Office hours", "A flyer for the job fair". The description must start with it
# (not "Protesters hold posters").
_POSTER = lazy(
    r"^\s*(?:an?\s+|the\s+|our\s+)?(?:(?:promotional|campaign|event|recruitment|official|printable|digital|social"
    r"(?:-media)?|(?-i:[A-Z#])[\w#.'’-]*)\s+){0,3}(?:posters?|flyers?|fliers?|promo(?:tional)?\s+cards?"
    r"|event\s+cards?|save[-\s]the[-\s]date(?:\s+cards?)?)\b(?!\s+(?:of\s+)?(?:people|protesters|fans|crowds?))",
    re.I,
)


def _graphic(img: Image) -> bool:
    """A screenshot, diagram or drawing: said so by its alt text, caption or file name, or
    saved as PNG/GIF/SVG (how screens and drawings are saved; photographs are JPEG)."""
    path = img.src.split("?", 1)[0].split("#", 1)[0].lower()
    if path.endswith(_GRAPHIC_EXTS):
        return True
    if any(_POSTER.match(t) for t in (img.alt or "", *(c.text for c in img.captions)) if t):
        return True  # a poster or flyer the site made to promote something
    name = re.sub(r"[-_\d]+", " ", file_words(img.src))  # "dep-graphic2", "Screen%2BShot"
    if site_banner(img):
        return True
    return any(_GRAPHIC_WORDS.search(t) for t in (img.alt or "", name) if t)


def site_banner(img: Image) -> bool:
    """A post's banner or title card, so named in its file name ("openfec-banner.jpg"): a
    graphic the site made (not "protesters hold banners", which is alt text)."""
    name = img.src.split("?", 1)[0].split("#", 1)[0].rsplit("/", 1)[-1].rsplit(".", 1)[0]
    return bool(_BANNER_FILE.search(name.replace("-", " ").replace("_", " ")))


def _heading_after(doc: Document, block: ImageBlock) -> str | None:
    """The text of the block right after the picture, when it is a heading."""
    for b in doc.blocks:
        if b.span.start >= block.span.end and b.text is not None and b.kind not in ("image", "caption"):
            return b.text.text if b.kind == "heading" else None
    return None


def _neighbours(doc: Document, block: ImageBlock) -> tuple[str | None, str | None]:
    """The text of the prose block just before the image (with the paragraph above it when
    that block is a section heading: "Here's a summary of their results." / "## Latency")
    and just after it."""
    before = after = None
    above = None  # the paragraph above a section heading that opens with the picture
    for b in doc.blocks:
        if b is block or b.text is None or b.kind == "image":
            continue
        if b.span.end <= block.span.start:
            if b.kind == "caption" and b.parent is not None and len(b.text.text.split()) <= 8:
                continue  # the credit line of the picture before, in a run: not the lead-in
            above = before if b.kind == "heading" else None
            before = b.text.text if above is None else f"{above}\n{b.text.text}"
        elif b.span.start >= block.span.end:
            after = b.text.text
            break
    return before, after


_DESCRIBES = lazy(r"\b(?:showing|shows|depicting|illustrating|visuali[sz]ing|comparing|plotting)\b", re.I)


_FIGURE = lazy(
    r"\b\d+(?:[.,]\d+)?\s?(?:%|per\s?cent\b|percent\b)|\bout\s+of\s+\d[\d,]*\s+(?:respondents|people|users)\b", re.I
)


def _states_figures(before: str | None) -> bool:
    """The paragraph just before the chart gives its numbers ("37% thought …, and 46% …"): in
    a site's post the chart restates what the text has just said and sourced."""
    return before is not None and len(_FIGURE.findall(before[-800:])) >= 2


def _described_chart(img: Image) -> bool:
    """A chart whose alt text describes what it shows, in a sentence, and that nobody else is
    credited for: the site drew it and says what it means."""
    alt = img.alt or ""
    return not img.credits and len(alt.split()) >= 8 and bool(_DESCRIBES.search(alt))


# A map or chart of the publisher's own people or places: "A map of 18F team members",
# "Chart of our staff by office".
_OF_OWN_PEOPLE = lazy(
    r"\b(?:maps?|charts?|graphs?)\s+(?:of|showing)\s+(?:our\s+|the\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:team(?:\s+members)?|teams|staff|employees|colleagues|offices|hires|teammates|members)\b",
    re.I,
)
_WE = lazy(r"\b(?:we|our|us)\b", re.I)


def _own_people(img: Image, before: str | None) -> bool:
    """In a site's post, a map or chart of the site's own team or offices after a paragraph in
    which the site speaks as "we": the site drew it of itself, and that paragraph says what it
    shows ("…near an 18F office in Washington DC, San Francisco … we want to hear from you!")."""
    alt = img.alt or ""
    return not img.credits and bool(_OF_OWN_PEOPLE.search(alt)) and before is not None and bool(_WE.search(before))


def _opens_section(doc: Document, block: ImageBlock) -> bool:
    """The picture comes right after a heading (other pictures between them aside)."""
    last = None
    for b in doc.blocks:
        if b.span.end > block.span.start:
            break
        if b is not block and b.text is not None and b.kind != "image":
            last = b
    return last is not None and last.kind == "heading"


def _portrait_of_speaker(doc: Document, img: Image) -> bool:
    """A portrait whose alt text names the person the text around it is about or from
    ("Patrick Kigongo looking at the camera" above a testimonial signed "Patrick Kigongo,
    Product Manager"; a headshot "Jamie Albrecht" beside "Jamie joined 18F in ..."): the text
    says who it is, by full name, first name or surname. Not a credited photo."""
    if img.credits or img.block is None:
        return False  # a credited photo is an editorial picture, whoever is in it
    m = _NAME_ONLY.match(img.alt or "")
    if not m:
        return False
    name = " ".join(m.group("name").split())
    keys = [name, *(w for w in name.split() if len(w) >= 3 and not w.endswith("."))]
    near = _text_around(doc, img.block, before=2, after=6)
    return any(re.search(r"\b" + re.escape(k) + r"\b", near) for k in keys)


def _portrait_of_author(doc: Document, img: Image) -> bool:
    """An uncredited portrait whose alt text is only a name, and that name is the article's
    author ("Jamie Albrecht" in her own first-person post, with ``authors: [jamie]``): the
    byline already says who it is."""
    if img.credits or img.block is None:
        return False
    m = _NAME_ONLY.match(img.alt or "")
    return m is not None and names_the_author(doc, m.group("name"))


def _text_around(doc: Document, block: ImageBlock, before: int, after: int) -> str:
    prev: list[str] = []
    nxt: list[str] = []
    for b in doc.blocks:
        if b is block or b.text is None or b.kind == "image":
            continue
        if b.span.end <= block.span.start:
            prev.append(b.text.text)
            del prev[:-before]
        elif b.span.start >= block.span.end:
            nxt.append(b.text.text)
            if len(nxt) >= after:
                break
    return " ".join(" ".join(prev + nxt).split())
