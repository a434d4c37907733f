"""Page chrome pasted with an article: lines that belong to the web page, not to the story.

When a web page is copied as plain text, the widgets around the story come with it, one per
line: "Advertisement", "Read more: <another story>", "Related: ...", "Share this article",
"Comments", "Follow us on Twitter", "Sign up for our newsletter". The text parser keeps such
lines apart, each a paragraph of its own marked as chrome: the scrape-residue rules report
them, and rules about the story's own paragraphs (duplicates, bios) leave them out.

    chrome_kind("ADVERTISEMENT")                       -> "advertisement"
    chrome_kind("Read more: Council delays vote")      -> "read-more"
    chrome_kind("Read more about the plan online.")    -> None (a sentence of the story)
"""

from __future__ import annotations

import re

from .patterns import lazy

# One pattern per kind, each matching a whole line (after trimming).
_SEP = r"\s*(?::|\||>>|»|›|-|–|—)\s*"
_KINDS = {
    "advertisement": (
        # "Advertisement", "Advertisement - scroll to continue reading"
        r"(?:(?:advertisement|advert)(?:"
        + _SEP
        + r"(?:scroll (?:down )?to continue(?: reading)?|continue reading(?: below)?"
        r"|story continues below))?|sponsored(?: content)?|ad feature"
        r"|story continues (?:below|after)(?: (?:this )?(?:advertisement|ad))?"
        r"|continue reading(?: (?:below|the main story|the story))?"
        r"|scroll (?:down )?to continue(?: (?:with|reading) (?:the )?(?:content|article))?)[.:]?"
    ),
    # A label alone, or a label, a separator and another story's headline.
    "read_more": (
        r"(?:read more|read next|also read|see also|more on this(?: story)?|recommended"
        r"|related(?: stories| articles| coverage| content)?|watch|listen|more from [\w .&'’-]{1,40}?)"
        rf"(?:{_SEP}\S.{{0,200}}|\s*(?:»|›|>>|…)?)"
    ),
    "share": (
        r"(?:share(?: this(?: article| story| post| page)?)?|share (?:on|via|to) [\w ,]{1,40}"
        r"|tweet|pin it|e-?mail this(?: article| story)?|print this(?: article| story| page)?"
        r"|copy link|link copied|gift this article"
        r"|(?:facebook|twitter|whatsapp|linkedin|reddit|pinterest|messenger|flipboard|email|e-mail|print)"
        r"(?: (?:icon|logo))?)\s*:?"
    ),
    "comments": (
        r"(?:(?:\d[\d,]*\s+)?(?:comments?|replies|responses)|view comments|show comments|hide comments"
        r"|(?:leave|add|post|write) a comment|comment(?: now| on this (?:article|story))"
        r"|join the (?:conversation|discussion))[.:]?"
    ),
    "navigation": (
        r"(?:skip to (?:the )?(?:main )?(?:content|navigation|search|footer)|jump to (?:main )?(?:content|navigation)"
        r"|(?:previous|next|older|newer) (?:post|article|story|entry)|back to (?:top|home|homepage|gallery)"
        r"|(?:related|more) (?:articles|stories|posts|topics|links)|you (?:may|might) also like"
        r"|recommended for you|most (?:popular|read|viewed|shared)|trending(?: now)?|leave a reply"
        r"|explore more on (?:these|this) topics?|reuse this content|topics|more on this topic"
        r"|(?:accept|reject|manage) (?:all )?cookies|tell us what you think)\W{0,3}"
    ),
    "follow": r"follow us(?: on [\w ,&]{1,60})?[.!:]?(?:\s+@\w+)?",
    "signup": (
        r"(?:sign up|subscribe|register)(?: now| here| today)?"
        r" (?:for|to) [\w' ’,-]{0,60}?(?:newsletters?|alerts?|updates|briefings?|bulletins?|emails?|digest)"
        r"[^.!?]{0,80}[.!]?"
    ),
}
_CHROME = lazy("^(?:" + "|".join(f"(?P<{k}>{v})" for k, v in _KINDS.items()) + ")$", re.I)
_MAX_CHARS = 240


# The first words chrome lines start with: most lines of a story are rejected on this
# set lookup, before any regular expression runs.
_OPENERS = frozenset(
    """advertisement advert sponsored ad story continue scroll read also see more recommended
    related watch listen share tweet pin email e-mail print copy link gift facebook twitter
    whatsapp linkedin reddit pinterest messenger flipboard view show hide leave add post write
    comment comments join replies responses follow sign subscribe register skip jump previous
    next older newer back you most trending accept reject manage tell explore reuse topics""".split()
)


def chrome_kind(line: str) -> str | None:
    """The kind of page chrome a line is ("advertisement", "read-more", "share", "comments",
    "follow", "signup", "navigation"), or None when it is part of the story."""
    line = line.strip()
    if not line or len(line) > _MAX_CHARS:
        return None
    first = line.split(None, 1)[0].rstrip(":.!|»›>…").casefold()
    if first not in _OPENERS and not first[:1].isdigit():
        return None
    m = _CHROME.match(line)
    if m is None:
        return None
    return (m.lastgroup or "").replace("_", "-")
