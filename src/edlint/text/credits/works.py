"""A caption that is a work's title and its maker: "Spider on the Bridge by Groupe LAPS",
"*Portam Civitatis* by Peter Snijder", "“Light a Wish” by OGE Group".

Galleries of artworks, installations and designs caption each picture with the work and who
made it; the maker (an artist, a studio, a design firm) is where the picture of a work comes
from, as "an artist's impression ... by Studio Name" is. The form is narrow on purpose: the
whole caption is a short title, "by", and a name, so a sentence with "by" in it ("Boats
moored by Tower Bridge", "Protesters gather by Westminster Bridge") is not one.
"""

from __future__ import annotations

from ..patterns import lazy

# The whole caption: a title (a capital first, no sentence punctuation), "by" (or ", by"), a name.
_TITLED_WORK = lazy(
    r"^\s*[*_“\"‘']*(?P<title>[A-Z0-9][^.;:!?()\[\]\n]{0,70}?)[*_”\"’']*,?\s+by\s+"
    r"(?P<maker>[A-Z@][^.;:!?()\[\]\n,]{0,60}?)\s*[.*_]*\s*$"
)
# The same with a maker written in lower case ("Parabolic Lightcloud by amigo & amigo"): a
# studio's own styling, taken only where the article's other captions follow the form.
_TITLED_WORK_ANY_CASE = lazy(
    r"^\s*[*_“\"‘']*(?P<title>[A-Z0-9][^.;:!?()\[\]\n]{0,70}?)[*_”\"’']*,?\s+by\s+"
    r"(?P<maker>[A-Za-z@][^.;:!?()\[\]\n,]{0,40}?)\s*[.*_]*\s*$"
)
_WORD = lazy(r"[^\W_][\w'’.&-]*")
# "by" names a place, not a maker: "… by Westminster Bridge", "… by Lake Geneva".
_PLACE_WORDS = frozenset(
    "street st road rd lane avenue ave way bridge river lake loch park square station hall church cathedral "
    "castle tower beach sea ocean bay harbour harbor canal gate hill mountain mount forest wood woods garden "
    "gardens airport palace abbey market memorial monument falls pier port coast island quay wharf dock "
    "stadium arena field common green valley".split()
)
# Words in the title that make it a sentence about what is shown, not the name of a work:
# a participle before "by" ("moored", "taken", "driven"), an agent in the story.
_NOT_A_TITLE_END = frozenset(
    "built won held led run owned hit struck caught seen written given sung played worn".split()
)
_PICTURE_WORDS = frozenset(
    "photo photos photograph photographs image images picture pictures pic illustration illustrations graphic "
    "graphics drawing drawings artwork artworks rendering renderings render renders painting paintings cartoon "
    "cartoons animation video footage map maps chart charts impression impressions sketch visualisation "
    "visualization cgi mockup mock-up credit credits".split()
)
_SMALL = frozenset("a an the of in on at to for and or with from into over under & de la le van von".split())


def titled_work(text: str, *, any_case: bool = False) -> tuple[int, int, str] | None:
    """(start of "by", end of the maker, the maker) when the whole caption is a work's title
    and its maker, else None. ``any_case``: the maker may be written in lower case (a caller
    that has seen the form elsewhere in the article)."""
    if " by " not in text or len(text) > 140:
        return None
    m = (_TITLED_WORK_ANY_CASE if any_case else _TITLED_WORK).match(text)
    if m is None:
        return None
    title = _WORD.findall(m.group("title"))
    maker = _WORD.findall(m.group("maker"))
    if not title or not maker or len(title) > 8 or len(maker) > 5:
        return None
    last = title[-1].lower()
    if last in _PICTURE_WORDS:
        return None  # "Photo by Jane Doe for The Ledger": a credit line, not a work's title
    if last in _NOT_A_TITLE_END or (last.endswith(("ed", "en")) and len(title) > 1):
        return None  # "Boats moored by ...", "The house, taken by ..."
    if any(w.lower() in _PLACE_WORDS for w in maker):
        return None
    if any_case:
        if maker[0].lower() in _SMALL or len(maker) > 3:
            return None  # "by the river", "by a window"
    else:
        # A name: capitalised words and the small words names carry ("Studio de la Mer").
        lower = [w for w in maker if not (w[0].isupper() or w[0].isdigit() or w[0] == "@")]
        if not maker[0][0].isupper() and maker[0][0] != "@":
            return None
        if len([w for w in lower if w.lower() not in _SMALL]) > 0:
            return None
    by = text.rfind(" by ", 0, m.start("maker")) + 1
    return by, m.end("maker"), m.group("maker").strip()
