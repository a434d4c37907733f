"""Which images are editorial: not a logo, icon, avatar, tracking pixel, decorative or
site-chrome image (:func:`_skip_reason`), not an emblem, not exempt from a credit."""

from __future__ import annotations

import re
from urllib.parse import unquote_plus

from ...text.patterns import lazy
from ...text.quoting import quoted
from .model import EMPHASIS_LINE, Image
from .options import ImagesOptions

# Alt text that says the image is a logo, seal or icon (for caption and credit only).
# The emblem word must head the description ("The cloud.gov logo", "FEC white seal on blue
# background"), not sit inside it ("An email campaign using the USA.gov logo header").
_EMBLEM_ALT = re.compile(
    r"^\s*(?:[^\s,;]+\s+){0,6}(?:logo|seal|icon|badge|emblem|wordmark|insignia)(?:\s+(?:on|of|for|in)\b[^,;]*)?\s*\.?\s*$",
    re.I,
)
_EMBLEM_DESCRIBED = re.compile(
    r"^\s*((?:[^\s,;]+\s+){0,6}(?:logo|seal|icon|badge|emblem|wordmark|insignia))"
    r"(?:\s+(?:on|of|for|in)\b[^,;]{0,60})?\s*[,:\u2013\u2014]\s*[^;]{1,160}$",
    re.I,
)

# File and folder names of images that are not editorial. A folder ("/icons/") always
# counts; a file name only when it is short ("fedramp-badge.png", not
# "green-share-button-on-keyboard-istock-486644165.jpg", a stock photo of a button).
_SRC_NON_EDITORIAL = frozenset(
    "logo logos icon icons avatar avatars gravatar badge badges sprite sprites spacer pixel "
    "transparent placeholder emoji emojis favicon 1x1 spinner tracking beacon "
    # a share button's icon ("delicious.small.gif", "digg-button.png")
    "delicious digg stumbleupon newsvine reddit technorati sharethis addthis".split()
)
_SRC_TOKENS = re.compile(r"[a-z]+|\d+x\d+")
# An icon set's file named with its pixel size: "App_People_32.png", "mail-16x16.gif".
_ICON_SIZE_NAME = re.compile(r"[_-](\d{2})(?:x\d{2})?\.(?:png|gif|svg|ico|webp)$")
_IMAGE_EXTS = (".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif", ".svg", ".tif", ".tiff", ".bmp", ".heic")
# Ancestors that are site chrome or promotion, not the article's own pictures (class words,
# split on "-", "_" and spaces; a set lookup, not a regex: it runs for every image).
_CHROME_WORDS = frozenset(
    "related promo newsletter sidebar share sharing social comment comments nav navbar menu "
    "breadcrumb breadcrumbs outbrain taboola teaser teasers trending widget ad ads masthead "
    "footer avatar author byline profile logo recommended recommendations sponsored advert "
    "advertisement".split()
)
_CLASS_SPLIT = re.compile(r"[\s_-]+")


# A teaser for another story, named by a two-word class ("next-post", "prev-article").
_TEASER_PHRASES = (
    "most read",
    "most popular",
    "next post",
    "next article",
    "next story",
    "previous post",
    "prev post",
    "previous article",
    "prev article",
    "previous story",
    "read next",
    "up next",
)


def _chrome_word(context: str) -> str | None:
    words = _CLASS_SPLIT.split(context.lower())
    for w in words:
        if w in _CHROME_WORDS:
            return w
    joined = " ".join(words)
    for phrase in _TEASER_PHRASES:
        if phrase in joined:
            return phrase
    return None


# Hosts of analytics and advertising beacons: the "image" is a tracking pixel, whatever its
# size attributes say (comScore's `<img src="https://b.scorecardresearch.com/p?c1=2...">`).
_TRACKER_HOSTS = (
    "scorecardresearch.",
    "comscore.",
    "google-analytics.",
    "googletagmanager.",
    "doubleclick.",
    "quantserve.",
    "chartbeat.",
    "omtrdc.",
    "demdex.",
    "pixel.",
    "pixel-",
    "bat.bing.",
    "analytics.",
    "stats.wp.com",
    "px.ads.",
    "ad.doubleclick",
    "imrworldwide.",
    "parsely.",
    "krxd.",
    "moatads.",
    "adnxs.",
    "everesttech.",
    "tracking.",
    "tracker.",
    "beacon.",
)


def _tracker(src: str) -> bool:
    s = src.strip().lower()
    if s.startswith("//"):
        s = s[2:]
    elif "://" in s:
        s = s.split("://", 1)[1]
    else:
        return False  # a relative path is the site's own file
    host, _, path = s.partition("/")
    if host.endswith("facebook.com") and (path == "tr" or path.startswith(("tr?", "tr/"))):
        return True
    return any(h in host for h in _TRACKER_HOSTS)


_CHART = re.compile(r"\b(?:chart|charts|graph|graphs|map|maps|diagram|diagrams|infographic|plot)\b", re.I)


# File names of a site's own banners ("footer-promo.png", "footerv6stu.png", "masthead.jpg").
_CHROME_FILE_PREFIXES = ("footer", "masthead")
_QUERY_WIDTH = re.compile(r"[?&](?:width|w)=(\d{1,5})(?:&|$)", re.I)
_QUERY_DPR = re.compile(r"[?&]dpr=(\d*\.?\d+)(?:&|$)", re.I)


def _rendered_width(src: str) -> float | None:
    """The width an image CDN is asked to render, when the URL scales it down by a device pixel
    ratio below 1: "?width=640&quality=20&dpr=0.05" is a 32-pixel blurred stand-in or beacon,
    not the picture readers see."""
    dpr = _QUERY_DPR.search(src)
    width = _QUERY_WIDTH.search(src)
    if dpr is None or width is None:
        return None
    ratio = float(dpr.group(1))
    return int(width.group(1)) * ratio if ratio < 1 else None


def _px(value: str | None) -> int | None:
    if not value:
        return None
    m = re.match(r"\s*(\d+)\s*(?:px)?\s*$", str(value))
    return int(m.group(1)) if m else None


def _skip_reason(img: Image, opts: ImagesOptions) -> str | None:
    if img.origin == "text":
        return None
    if "src" in img.unknown:
        # {% include figure.html image=page.image %}, <img src="{{ include.image }}">: a
        # template fills it in; the page it is rendered on is what to check.
        return "template variable"
    if img.author_box:
        return img.author_box
    if img.uid_like and img.uid is None:
        # {{< img src="uid" >}} whose data file was not found (or site data is not set up):
        # its alt, caption and credit are unknown, so nothing can be said about it.
        return "site data not found"
    b = img.block
    if b is not None:
        attrs = b.attrs
        if str(attrs.get("role") or "").lower() in ("presentation", "none"):
            return "role=presentation"
        if str(attrs.get("aria-hidden") or "").lower() == "true":
            return "aria-hidden"
        if attrs.get("hidden_ancestor"):
            return "hidden (display: none)"
        cont = b.container
        if "nav" in cont or "aside" in cont or "bio" in cont:
            return "site chrome"
        for tag in ("header", "footer"):
            if tag in cont:
                i = cont.index(tag)
                if tag == "footer" or "article" not in cont[:i]:
                    return "site chrome"
        if b.classes and opts.non_editorial_classes:
            for c in b.classes:
                lc = c.lower()
                if any(w in lc for w in opts.non_editorial_classes):
                    return f"class {quoted(c)}"
        context = attrs.get("context_classes")
        if context:
            word = _chrome_word(context)
            if word:
                return f"inside {quoted(word)}"
        link = attrs.get("link")
        if link is not None and not img.captions and not img.credits:
            target = str(link).split("?", 1)[0].split("#", 1)[0].lower()
            if target and not target.endswith(_IMAGE_EXTS) and target.rstrip("/") != img.src.split("?", 1)[0].lower():
                return "a link to another page"
    if img.src and _tracker(img.src):
        return "tracking pixel"
    if (
        not (img.src or "").strip()
        and img.block is not None
        and img.origin == "html"
        and not img.captions
        and not img.credits
        and "src" not in img.unknown
    ):
        return "placeholder (no picture: no src)"  # <img id="galleryImg">, filled in by a script
    for v in (img.width, img.height):
        px = _px(v)
        if px is not None and px < opts.min_size:
            return "small"
    width = _px(img.width)
    if (
        ((width is not None and width <= 160) or _THUMB_NAME.search((img.src or "").rsplit("/", 1)[-1]))
        and img.block is not None
        and "link" in img.block.attrs
        and _THUMBNAIL_CONTEXT.search(str(img.block.attrs.get("context_classes") or ""))
    ):
        # a linked thumbnail in a strip that opens the full picture in a viewer (its caption
        # and credit are the viewer's)
        return "thumbnail (opens the full picture)"
    if img.src:
        src = img.src.strip()
        if src.startswith("data:"):
            if not img.captions and not img.credits and not img.alt:
                return "placeholder"
        else:
            path = src.split("?", 1)[0].split("#", 1)[0].lower()
            if "://" in path:
                path = path.split("://", 1)[1].partition("/")[2]
            folders, _, name = path.rpartition("/")
            if set(_SRC_TOKENS.findall(folders)) & _SRC_NON_EDITORIAL:
                return "folder name"
            tokens = _SRC_TOKENS.findall(name.rsplit(".", 1)[0])
            if len(tokens) <= 4 and set(tokens) & _SRC_NON_EDITORIAL:
                return "file name"
            if len(tokens) <= 4 and any(t.startswith(_CHROME_FILE_PREFIXES) for t in tokens):
                return "site chrome (file name)"  # BBC's "_106311809_footerv6stu-nc.png" banner
            icon = _ICON_SIZE_NAME.search(name)
            if icon is not None and int(icon.group(1)) < opts.min_size:
                return "icon (its size in the file name)"  # "App_People_32.png", "mail-16x16.gif"
            rendered = _rendered_width(src)
            if rendered is not None and rendered < opts.min_size:
                return "placeholder (rendered smaller than min_size)"
    return None


def default_in_file_name(src: str) -> str | None:
    from ...text.credits import default_recogniser

    return default_recogniser().in_file_name(src)


def _emblem(img: Image) -> bool:
    """Alt text or a caption that says the image is a logo, seal or icon: it needs alt text,
    but neither a caption nor a credit. A caption must be only the emblem's name ("The
    Harbour Trust logo."), not a sentence about a picture ("Fans wave the club logo")."""
    alt = img.alt or ""
    if not (alt and (_EMBLEM_ALT.match(alt) or _described_emblem(alt))) and not any(
        _emblem_caption(c.text) for c in img.captions
    ):
        return False
    return default_in_file_name(img.src) is None  # a stock picture of a logo is still a photo


_NAME_FILLER = frozenset(
    "the a an new old official original current former updated redesigned our its their his her and of".split()
)


def _emblem_caption(text: str) -> bool:
    m = _EMBLEM_ALT.match(text)
    if not m:
        return _described_emblem(text)  # "The council logo, which the scammers copied …"
    return _names_an_emblem(text)


def _names_an_emblem(text: str) -> bool:
    """The words before "logo" are only a name ("The Harbour Trust", "Fairhaven Transit's
    new"), not a sentence about a picture ("Fans wave the club")."""
    head = re.split(r"\b(?:logo|seal|icon|badge|emblem|wordmark|insignia)\b", text, maxsplit=1, flags=re.I)[0]
    words = head.split()
    # a noun or two naming whose emblem it is, an adjective or two among them: "the town
    # seal", "the club badge", "The council's new logo"
    nouns = 0
    while words and words[-1][:1].islower():
        w = words[-1].lower()
        if w in _EMBLEM_ADJECTIVES:
            words.pop()
        elif w not in _NAME_FILLER and nouns < 2:
            words.pop()
            nouns += 1
        else:
            break
    return all(w[:1].isupper() or w.lower() in _NAME_FILLER for w in words)


_EMBLEM_ADJECTIVES = frozenset("new old official original current former updated redesigned".split())


def _described_emblem(alt: str) -> bool:
    """An emblem's name, then what it looks like: "Fairhaven Transit's new logo, a green
    wave over the letters FT"."""
    m = _EMBLEM_DESCRIBED.match(alt)
    return m is not None and _names_an_emblem(m.group(1))


def _is_chart(img: Image) -> bool:
    return any(_CHART.search(t) for t in (img.alt or "", img.src or "", *(c.text for c in img.captions)))


def is_decorative(img: Image, opts: ImagesOptions) -> bool:
    """Whether an image is decorative, decided once for image-alt, image-caption and
    image-credit.

    ``alt=""`` (HTML, or an empty alt argument of a tag) marks a decorative image, but an
    image the article captions or credits is editorial: its empty alt was left empty (the
    WordPress block editor writes ``alt=""`` when the alt field is not filled in). Sites that
    do use ``alt=""`` on captioned pictures set ``empty_alt_decorative``.
    """
    if not img.empty_alt or img.featured:
        return False
    if opts.empty_alt_decorative:
        return True
    # a bold line under the picture may be a pseudo-heading: it does not make it editorial
    captions = [c for c in img.captions if c.where != EMPHASIS_LINE]
    lines = [*captions, *img.credits]
    if lines and all(_STOCK_LIBRARY.search(c.text) and len(c.text.split()) <= 12 for c in lines):
        # a stock mood picture whose only line is its credit ("Photo credit: Bich Tran from
        # Pexels"): alt="" is right for it, there is nothing in it to describe
        return True
    return not captions and not img.credits


# A thumbnail's file name: "groupthumb.jpg", "vetsite98.jpg", "photo-150x150.jpg".
_THUMB_NAME = lazy(r"thumb|(?<![0-9])(?:[4-9][0-9]|1[0-5][0-9])\.(?:jpe?g|png|gif|webp)$|-1[0-5]0x\d{2,3}\.", re.I)
_THUMBNAIL_CONTEXT = lazy(r"thumb|gallery|full[-_]?photo|lightbox|popup|slides?how|carousel", re.I)
_STOCK_LIBRARY = lazy(r"\b(?:unsplash|pexels|pixabay|freepik|stocksnap|rawpixel)\b", re.I)


def _decoded_file_words(src: str) -> str:
    """The file name's words, URL-decoded ("Screen%2BShot" is "Screen Shot")."""
    name = src.split("?", 1)[0].rsplit("/", 1)[-1]
    name = unquote_plus(unquote_plus(name))  # a bad escape stays as written
    return name.rsplit(".", 1)[0].replace("-", " ").replace("_", " ")


def _exempt_from_credit(img: Image, opts: ImagesOptions) -> bool:
    """An image the publisher made from a screen or drew itself, named as such in the alt
    text, caption or file name: a screenshot, a page or app screen, a tweet or message as
    shown, a UI example, a wireframe, a drawing of a concept (flowchart, Venn or process
    diagram, word cloud), a vector drawing (.svg). A chart, graph or map is not exempt: it needs its data source; a photo, an
    illustration or a cartoon needs its maker."""
    texts = [img.alt or "", *(c.text for c in img.captions)]
    name = img.src.split("?", 1)[0].rsplit("/", 1)[-1]
    if default_in_file_name(img.src) is not None:
        return False  # a stock photo ("search-bar-on-virtual-screen-iStock-178761722.jpg")
    if name.lower().endswith(".svg") and not _is_chart(img):
        return True  # drawn, not photographed (a chart drawn in SVG still needs its source)
    file_words = _decoded_file_words(img.src)
    if opts.credit_exempt:
        hay = " ".join((*texts, file_words)).lower()
        if any(w.lower() in hay for w in opts.credit_exempt):
            return True
    if any(_SCREEN_SHOWN.search(t) for t in (*texts, file_words) if t) or any(
        _SCREEN_ALT.match(t) or _TITLED_PAGE_ALT.match(t) for t in texts if t
    ):
        return True
    if any(_MARKED_UP.search(t) for t in texts if t) and not _is_chart(img):
        return True
    # A drawing of a concept, not of data: "Chart laying out the anatomy of a user story".
    return any(_CONCEPT_GRAPHIC.search(t) and not _DATA_WORDS.search(t) for t in texts if t)


# Things shown on a screen. Nouns that are also things in the street ("site", "page",
# "banner", "form") only count with "example"; "shown on ... screen" only for a device's screen
# (a stadium's big screen is in a photo).
_SCREEN_THING = (
    r"(?:home\s?page|web\s?page|web\s?site|landing\s+page|microsite|app|application|dashboard|interface|portal|"
    r"pop-?up|modal|dialog(?:\s+box)?|e-?mail|newsletter)"
)
_UI_THING = (
    r"(?:"
    + _SCREEN_THING[3:-1]
    + r"|site|page|form|banner|button|menu|notification|error\s+message|search\s+(?:box|bar))"
)
_SCREEN_SHOWN = lazy(
    # "the design standards homepage rendered in Firefox", "the app as displayed on a phone"
    r"\b" + _SCREEN_THING + r"s?\s+(?:as\s+)?(?:rendered|displayed|shown|seen|viewed|opened|running)\s+(?:in|on)\b"
    # "the app's menu and trip screens", "the login screen", "Login.gov's create an account screen"
    r"|\b(?:app|application)(?:['’]s)?\s+(?:[\w-]+\s+){0,3}screens?\b"
    r"|\b(?:home|start|login|log-?in|sign[- ]?in|welcome|splash|settings|search|results|lock|loading|error|title)\s+screens?\b"
    r"|\b[\w-]+\.[\w.-]+['’]s\s+(?:[\w-]+\s+){0,4}screens?\b"
    # a site shown on devices: "Responsive CDC showcase on multiple devices", "designed to be
    # viewed on any device", "code shown on a smartphone screen"
    r"|\bon\s+(?:multiple|several|different|various|all|any|every)\s+(?:devices?|screen\s+sizes)\b"
    r"|\b(?:shown|displayed|seen|viewed)\s+on\s+(?:an?\s+|the\s+)?(?:phone|smartphone|mobile|tablet|laptop|computer|desktop)"
    r"(?:\s+screens?)?\b"
    # a capture of a page: "Animated gif of the beta FEC homepage", "the LanternLive app displays ..."
    r"|\b(?:gif|image|capture|view|picture|recording|video|preview)\s+of\s+(?:the\s+|an?\s+)?(?:[\w.'’-]+\s+){0,4}"
    r"(?:home\s?page|web\s?page|web\s?site|microsite|app|dashboard|portal)\b"
    r"|\bapp\s+(?:displays|shows|showing|displaying|running)\b"
    r"|\bmessages?\s+(?:from|in|on)\s+(?:the\s+)?(?:[\w.-]+\s+){0,3}app\b"
    # an address with a path, or a site's page: "IES.ED.GOV/Funding", "the usa.gov search page"
    r"|\b[\w-]+\.(?:gov|com|org|net|edu|io|mil)(?:\.[a-z]{2})?/[\w/-]*"
    r"|\b[\w-]+\.(?:gov|com|org|net|edu|io|mil)(?:\.[a-z]{2})?(?:['’]s)?\s+(?:[\w-]+\s+){0,2}(?:page|site|homepage|microsite)\b"
    # parts of a screen, and e-mails as received
    r"|\bsearch\s+(?:box|bar|field)\b|\btext\s+field\b|\bdrop-?down\s+menu\b"
    r"|\be-?mail\s+(?:campaign|newsletter|message|alert|bulletin)s?\b"
    # "an IT warning banner example", "an example of the cookie pop-up"
    r"|\b"
    + _UI_THING
    + r"s?\s+examples?\b|\bexamples?\s+of\s+(?:an?\s+|the\s+)?(?:[\w'’.-]+\s+){0,3}"
    + _UI_THING
    + r"s?\b"
    r"|\bwireframes?\b|\bflow\s?charts?\b|\bword\s+clouds?\b"
    # a card or banner the site makes for a post ("...-civic-tech-title-card", "social card")
    r"|\b(?:title|social|share|promo|quote)\s+cards?\b|\b(?:header|banner|promo)\s+graphics?\b",
    re.I,
)
# Marks drawn on a capture ("two links circled in red"): a screenshot, unless it is a map or
# chart, which needs its source ("the flooded streets highlighted in red on the map").
_MARKED_UP = lazy(
    r"\b(?:circled|highlighted|outlined|boxed|underlined)\s+in\s+(?:red|yellow|green|blue|orange|pink)\b", re.I
)
_CONCEPT_GRAPHIC = lazy(
    r"\b(?:chart|graphic|diagram|illustration|drawing|visual|figure|sketch)\b[^.;:]{0,60}?\b"
    r"(?:anatomy|concept(?:ual)?|process|workflow|life\s?cycle|framework|hierarchy|architecture|relationships?"
    r"|stages|phases|steps)\b"
    r"|\b(?:concept(?:ual)?|process|workflow|life\s?cycle|framework|hierarchy|architecture|relationship|journey"
    r"|org(?:anization|anisation)?al?|venn|system|network|sequence)\s+"
    r"(?:chart|graphic|diagram|illustration|drawing|map)\b",
    re.I,
)
_DATA_WORDS = lazy(
    r"%|\bper\s?cent|\bpercentage|\bnumber\s+of\b|\brates?\b|\baverage|\btotal|\bmillions?\b|\bbillions?\b"
    r"|\b(?:19|20)\d\d\b|\bby\s+(?:year|month|week|day|age|state|county|country|region)\b",
    re.I,
)
# An alt text or caption that names a page, a screen or posts as its subject: "The Login.gov
# home page on a phone", "USAGov's new homepage", "Bilingual tweets", "User-initiated
# messages from the SmokeFreeTXT app". Its head words are a name, not a clause ("Visitors
# look at the new website" is a photo of people).
_HEAD_STOP = (
    r"(?:at|on|in|with|by|from|to|into|over|under|near|of|for|and|or|while|as|look|looks|looking|use|uses|using|"
    r"visit|visits|visiting|browse|browses|browsing|read|reads|reading|check|checks|open|opens|show|shows|hold|holds|"
    r"send|sends|sending|post|posts|posting|write|writes|writing|type|types|typing)"
)
_SCREEN_ALT = lazy(
    r"^\s*(?:(?!" + _HEAD_STOP + r"\b)[^\s,;]+\s+){0,6}"
    r"(?:home\s?page|web\s?page|web\s?site|landing\s+page|tweets?|text\s+messages?|e-?mails?|newsletters?|app)"
    r"(?:\s+(?:on|of|for|in|at|as|before|after|from)\b[^,;]*)?\s*[.]?\s*$",
    re.I,
)
# A page named by its title, whose small words _SCREEN_ALT's head stops at: "The Every Kid in a
# Park homepage", "Find a Grave for Veterans website". Every other word is capitalised, so it is
# a name, not a clause ("Visitors in a park use the website").
_TITLED_PAGE_ALT = lazy(
    r"^\s*(?:[Tt]he\s+|[Aa]\s+)?(?:[A-Z0-9][\w.'’&-]*\s+(?:(?:in|a|an|of|the|for|and|on|to|at|&)\s+)*){1,8}"
    r"(?i:home\s?page|web\s?page|web\s?site|landing\s+page|site)\s*\.?\s*$"
)
