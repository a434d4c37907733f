"""The HTML reader's vocabulary: which tags are skipped, end a block, are void or imply an end
tag, and the class and style patterns that mark bios, bylines, credits, chrome and hidden text."""

from __future__ import annotations

import re

from ...document import CAPTION, CODE, HEADING, LIST_ITEM, PARAGRAPH, TABLE_CELL

# Elements whose text is never prose.
SKIP = frozenset(
    {
        "script",
        "style",
        "noscript",
        "template",
        "svg",
        "math",
        "iframe",
        "object",
        "button",
        "select",
        "option",
        "textarea",
        "nav",
        "canvas",
        "audio",
        "video",
        "map",
        "form",
        "label",
    }
)
# Elements that end the current text block when they open or close.
BLOCK_TAGS = frozenset(
    {
        "p",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "dt",
        "dd",
        "blockquote",
        "figcaption",
        "figure",
        "td",
        "th",
        "tr",
        "table",
        "thead",
        "tbody",
        "tfoot",
        "caption",
        "pre",
        "div",
        "section",
        "article",
        "aside",
        "footer",
        "header",
        "main",
        "ul",
        "ol",
        "dl",
        "address",
        "details",
        "summary",
        "body",
        "html",
        "hr",
        "picture",
        "center",
        "fieldset",
        "legend",
    }
)
KIND_OF = {
    "p": PARAGRAPH,
    "h1": HEADING,
    "h2": HEADING,
    "h3": HEADING,
    "h4": HEADING,
    "h5": HEADING,
    "h6": HEADING,
    "li": LIST_ITEM,
    "figcaption": CAPTION,
    "caption": CAPTION,
    "td": TABLE_CELL,
    "th": TABLE_CELL,
    "pre": CODE,
}
VOID = frozenset(
    {
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
        "keygen",
    }
)
# Containers recorded on blocks (rules ask "is this in an aside / footer / figure?").
CONTAINERS = frozenset({"article", "main", "aside", "footer", "header", "figure", "blockquote", "table", "nav"})
# Implied end tags: opening the key closes an open element of these kinds first.
IMPLIED_CLOSE = {
    "p": {"p"},
    "li": {"li", "p"},
    "dt": {"dt", "dd", "p"},
    "dd": {"dt", "dd", "p"},
    "tr": {"tr", "td", "th"},
    "td": {"td", "th"},
    "th": {"td", "th"},
}
BLOCK_CLOSES_P = frozenset(
    {
        "div",
        "ul",
        "ol",
        "table",
        "blockquote",
        "figure",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "pre",
        "section",
        "article",
        "aside",
        "footer",
        "header",
        "dl",
        "hr",
        "address",
    }
)
BIO_CLASS = re.compile(
    r"(?:^|[-_ ])(?:author[-_]?bio|bio|about[-_]the[-_]author|author[-_]?info|contributor[-_]?bio|author[-_]?description)(?:$|[-_ ])",
    re.I,
)
BYLINE_CLASS = re.compile(r"byline|author[-_]?name|\bauthor\b", re.I)
CREDIT_CLASS = re.compile(r"credit|copyright|photographer|attribution|image[-_]?source|caption[-_]?source", re.I)
CHROME_CLASS = re.compile(
    r"(?:^|[-_ ])(?:nav|navbar|menu|breadcrumbs?|share|social|newsletter|subscribe|cookie|related|promo|sidebar|comments?|skip[-_]link)(?:$|[-_ ])",
    re.I,
)
JSONLD_TYPES = frozenset(
    {
        "NewsArticle",
        "Article",
        "BlogPosting",
        "ReportageNewsArticle",
        "AnalysisNewsArticle",
        "OpinionNewsArticle",
        "Report",
        "TechArticle",
        "LiveBlogPosting",
        "WebPage",
    }
)
MAX_STACK_SCAN = 64  # how far down the stack an end tag looks for its start tag
# Inline styles that keep an element off the page: its text is not the article.
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_LAZY_IMAGE = re.compile(r"\.(?:jpe?g|png|gif|webp|avif)(?:[?#]|$)", re.I)
_LAZY_CLASS = re.compile(r"lazy|delayed|image|img|photo", re.I)
_DISPLAY_NONE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
