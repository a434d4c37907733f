"""The false-unit traps: is a number followed by a unit really a measurement?

``_accept`` turns away rates (40 miles per gallon), proper names (Three Mile Island), "m"
meaning million (``_m_is_million``), networks (5G), ordinals (21st), bare "30C" without
temperature words, calibres and film formats (9mm pistol), "pounds" meaning money, torque
and coordinates. The cue-word tables here are read only for the units that need them.
"""

from __future__ import annotations

import re

from ..patterns import lazy
from .units import UNITS, unit_at

# Words that make a following "m" mean metres ("5m tall", "the 100m final").
_METRE_NEXT = frozenset(
    """tall high long wide deep thick away apart above below under underground underwater
    across down up from off into in of to at on by or and along beneath behind below beyond
    inland offshore out over past short taller higher longer wider deeper ahead lower race
    sprint dash hurdles freestyle backstroke breaststroke butterfly medley relay final
    finals heat heats record records mark line wall walls fence drop fall plunge climb
    swim dive diving platform springboard tower mast radius diameter circumference yacht
    boat waves wave cliff cliffs dunes dune deep-water tunnel bridge stretch section
    gap radius zone exclusion buffer rule distance segment""".split()
)
# Words that make "m" mean million ("5m people", "£3m deal").
_MILLION_PREV = lazy(
    r"(?i)\b(?:sales|revenue|revenues|turnover|profits?|loss(?:es)?|budget|funding|funds?|debts?"
    r"|worth|valued?|costs?|costing|raised?|raising|bill|deals?|investments?|invested|population"
    r"|users|viewers|visitors|customers|subscribers|downloads|votes|voters|people|jobs|homes"
    r"|households|followers|tickets|copies|doses|cases|salary|fines?|fined|paid|pay|spent|spend"
    r"|earned|earns?|grants?|awarded|bonus|contracts?|fee|fees|price|sold|bought|dollars|euros"
    r"|pounds|sterling|donat\w*|settlement|compensation|damages|loans?|bailout|tax|taxes)\b"
    r"[^.;:!?]{0,40}$"
)
_METRE_PLURALS = frozenset("hurdles waves heats walls cliffs dunes drops falls yachts boats".split())
_NETWORK = frozenset(
    """network networks phone phones mast masts coverage signal signals service services
    technology spectrum rollout roll-out connection connections data internet broadband
    mobile wireless speeds speed handset handsets device devices era standard licence
    license licences licenses operator operators router routers chip chips modem modems
    smartphone smartphones frequencies airwaves auction auctions capable-enabled
    enabled-ready-compatible force forces""".split()
)
_DESIGNATION_PREV = frozenset(
    """type category cat class grade level section form room apartment apt flat unit gate
    seat platform bus route line article clause schedule figure fig table box size model
    version floor block building terminal stage phase tier band vitamin chapter part page
    row ward lot suite highway interstate exit no number division league pier berth
    bay dock hall court lane zone sector""".split()
)
_CALIBRE_NEXT = frozenset(
    """pistol pistols handgun handguns gun guns rifle rifles round rounds ammunition ammo
    bullet bullets shell shells cartridge cartridges howitzer howitzers artillery mortar
    mortars calibre caliber cannon cannons film films camera cameras lens lenses
    projector projectors slide slides negatives""".split()
)
_MONEY_CUES = lazy(
    r"(?i)\b(?:costs?|costing|paid|pays?|paying|spent|spend|spending|worth|priced?|prices"
    r"|fined?|fines|salary|salaries|earn\w*|raise[sd]?|raising|budget|fund\w*|bills?|debts?"
    r"|donat\w*|sterling|wages?|tax(?:es)?|bonus(?:es)?|loans?|invest\w*|profits?|revenue"
    r"|sold|sale|buy|bought|charge[sd]?|fees?|compensation|award\w*|grants?|tariffs?|won"
    r"|wins?|prize|reward|cash|jackpot|bet|owed?|owing|rent|mortgage|savings|pension"
    r"|banknotes?|coins?|notes?|exchange|currency|sterling)\b"
)
# Words that make a bare "30C" a temperature: anywhere in its sentence (strong), or within a
# few words of it (weak: "it has been hot since before it was cool", said the 18F designer).
_TEMP_CUES = lazy(
    r"(?i)[°º]|\b(?:temperatur|degree|celsius|fahrenheit|centigrade|thermometer|mercury"
    r"|heatwave|heat\s+wave|freezing|frost|swelter|scorch|sizzl|climate|forecast|weather"
    r"|warming|pre-industrial|oven|fever)"
)
_TEMP_NEAR = lazy(
    r"(?i)\b(?:hot|hotter|hottest|cold|colder|coldest|cool|cooler|warm|warmer|warmest|heat"
    r"|chilly|mild|balmy|sunny|icy|snow|highs?|lows?|boil\w*|bake|roast|cook\w*|rose|fell"
    r"|rise|fall|drop\w*|hit|reached|peaked|topped|soared|plunged|plummeted)\b"
)
_TEMP_PAIR_AFTER = lazy(r"\s*[(\[]\s*(?:about\s+|around\s+|roughly\s+)?[-\u2212]?\d[\d.,]*\s?[°º]?\s?[CF]\b")
_TEMP_PAIR_BEFORE = lazy(r"[-\u2212]?\d[\d.,]*\s?[°º]?\s?[CF]\s*[(\[]\s*(?:about\s+|around\s+|roughly\s+)?[-\u2212]?$")
_WEIGHT_CUES = lazy(
    r"(?i)\b(?:weigh\w*|heav\w*|light(?:er|est)?|weight|lost|los(?:e|ing)|gained?|gaining"
    r"|bomb|bombs|lift\w*|carr\w*|fish|catch|caught|baby|born|meat|flour|sugar|butter"
    r"|cheese|potatoes)\b"
)
_RATE_LINK = lazy(r"\s*(?:/|per\s+|an?\s+|to\s+the\s+|for\s+every\s+)(?:\d[\d,.]*\s*)?")
_TORQUE_AFTER = lazy(r"(?i)[- ]?(?:ft|feet|foot|lbs?|pounds?)\b(?!\s*\d)")
_TIME_BEFORE = lazy(r"\d\s?h(?:rs?)?\s?$")
_TIME_AFTER = lazy(r"\s?\d{1,2}\s?s(?:ecs?)?\b")
_WORD_AFTER = lazy(r"[ \t]*(-?)([A-Za-z][A-Za-z'-]*)")
_WORD_BEFORE = lazy(r"([A-Za-z][A-Za-z.'-]*)[\s\u00a0]*$")
# A heading written in title case ("Man Walks 10 Miles to Work") capitalises units too.
_TITLE_WORD = lazy(r"\b[A-Za-z][a-z]{3,}\b")


def _looks_like_headline(text: str) -> bool:
    words = _TITLE_WORD.findall(text)
    if len(words) < 2:
        return False
    caps = sum(1 for w in words[1:] if w[0].isupper())
    return caps >= 0.6 * max(1, len(words) - 1)


def _next_word(text: str, pos: int) -> tuple[str, bool]:
    """The word after ``pos`` (lowercased) and whether it was joined by a hyphen."""
    m = _WORD_AFTER.match(text, pos)
    if not m:
        return "", False
    return m.group(2).lower(), bool(m.group(1))


_WORD_TAIL_REVERSED = lazy(r"[A-Za-z.'-]*")


def _prev_word(text: str, pos: int) -> str:
    """The word before ``pos`` (lowercased, no trailing full stop), looking back at most 40
    characters: what ``_WORD_BEFORE`` finds, without trying every start in the window."""
    w = text[max(0, pos - 40) : pos].rstrip()  # str.isspace is the regex's \s
    n = _WORD_TAIL_REVERSED.match(w[::-1]).end()  # type: ignore[union-attr]
    # The trailing run of letters . ' -, from its first letter.
    return w[len(w) - n :].lstrip(".'-").lower().rstrip(".")


_CLAUSE_END = lazy(r"[.;!?](?:\s|$)")


def _clause(text: str, start: int, end: int) -> str:
    """The sentence or clause around ``text[start:end]`` (up to 120 characters each side)."""
    lo = max(0, start - 120)
    for m in _CLAUSE_END.finditer(text, lo, start):
        lo = m.end()
    m = _CLAUSE_END.search(text, end, min(len(text), end + 120))
    return text[lo : m.start() + 1 if m else min(len(text), end + 120)]


_PHRASE_BREAK = re.compile(r"[.,;:!?()\"\u201c\u201d\u2014]")


def _phrase(text: str, start: int, end: int) -> str:
    """The words right around ``text[start:end]`` (25 characters each side), cut at
    punctuation: the phrase it belongs to."""
    lo = max(0, start - 25)
    for m in _PHRASE_BREAK.finditer(text, lo, start):
        lo = m.end()
    hi = min(len(text), end + 25)
    m = _PHRASE_BREAK.search(text, end, hi)
    return text[lo : m.start() if m else hi]


def _m_is_million(text: str, num_start: int, unit_end: int) -> bool:
    """Does "5m" mean five million here ("5m people", "a 3m deal") rather than metres?"""
    if _TIME_AFTER.match(text, unit_end) or _TIME_BEFORE.search(text, max(0, num_start - 8), num_start):
        return True  # a duration: 2h 30m, 3m 45s (not metres either)
    word, hyphen = _next_word(text, unit_end)
    if word:
        if word in _METRE_NEXT or (hyphen and word in _METRE_NEXT):
            return False
        if word in ("a", "per") and re.match(
            r"\s+(?:a|per)\s+(?:year|month|week|season|day)\b", text[unit_end : unit_end + 20]
        ):
            return True
        if word.endswith("s") and word not in _METRE_PLURALS and len(word) > 3 and not hyphen:
            return True
        if word in (
            "people",
            "children",
            "men",
            "women",
            "staff",
            "population",
            "sheep",
            "deer",
            "fish",
            "euro",
            "dollar",
            "pound",
            "barrels",
            "units",
        ):
            return True
    window = text[max(0, num_start - 60) : num_start]
    return bool(_MILLION_PREV.search(window))


# The units that the trap chain in _accept reads words around.
_UNITS_WITH_TRAPS = frozenset({"m", "g", "st", "degC", "degF", "mm", "cm", "in", "lb"})


def _accept(
    text: str,
    key: str,
    form: str,
    unit_text: str,
    sep: str,
    value: float,
    num_text: str,
    start: int,
    unit_start: int,
    unit_end: int,
    prev_at: int,
    headline: bool | None,
    mult: str = "",
) -> bool:
    """The false-unit traps: is this number + unit really a measurement? The words before
    ``prev_at`` and after the unit are read only by the traps that need them."""
    unit = UNITS[key]
    # Rates: "40 miles per gallon", "10mg/kg" (the quantity is a ratio, not a measure).
    r = _RATE_LINK.match(text, unit_end)
    if r:
        other = unit_at(text, r.end(), attached=text[r.end() - 1 : r.end()] in "/0123456789")
        if other is not None and (UNITS[other[0]].dimension != unit.dimension or r.group().strip()[:1] in ("/", "p")):
            return False  # 40 miles per gallon, 10mg/kg
    if form == "full" and unit_text[0].isupper() and not unit.temperature and not unit_text.isupper():
        # "Three Mile Island", "The Green Mile", "8 Mile": a name, unless the whole text
        # is a title-case headline; even then a singular after a number above one is a name.
        if headline is None:
            headline = _looks_like_headline(text)
        if not headline:
            return False
        low = unit_text.lower()
        if value > 1 and sep != "-" and not low.endswith("s") and low not in ("feet", "stone"):
            return False
    if key in _UNITS_WITH_TRAPS:  # the traps below are for these units only
        if key == "m" and form == "abbr" and not mult:
            if _m_is_million(text, start, unit_end):
                return False
        elif key == "g" and form == "abbr":
            if _next_word(text, unit_end)[0] in _NETWORK or _prev_word(text, prev_at) in (
                "pulled",
                "pulling",
                "pull",
                "withstand",
                "withstood",
                "experienced",
                "sustained",
                "endure",
                "endured",
            ):
                return False
        elif key == "st" and form == "abbr":
            digits = num_text.replace(",", "")
            if not digits.isdigit() or (digits.endswith("1") and not digits.endswith("11")):
                return False  # 21st, 1st
            if unit_end < len(text) and text[unit_end : unit_end + 1] == ".":
                # "5 St. James" is a street, "10st." a weight at the end of a sentence
                if re.match(r"\.\s+[A-Z][a-z]", text[unit_end : unit_end + 4]) and sep:
                    return False
        elif key in ("degC", "degF") and form == "symbol" and len(unit_text) == 1:
            # A bare letter: "30C" is a temperature in weather copy, "18F" is also a government
            # agency and "12C" a bus route. Ask for temperature words in the sentence, or a
            # neighbouring temperature in brackets.
            prev = _prev_word(text, prev_at)
            if prev in _DESIGNATION_PREV or ("." in num_text and len(num_text.split(".")[1]) > 1):
                return False
            lo, hi = (-90, 300) if key == "degC" else (-130, 600)
            if not lo <= value <= hi:
                return False
            if text[unit_end : unit_end + 2] in ("'s", "\u2019s"):
                return False
            if not (
                _TEMP_CUES.search(_clause(text, start, unit_end))
                or _TEMP_NEAR.search(_phrase(text, start, unit_end))
                or _TEMP_PAIR_AFTER.match(text, unit_end)
                or _TEMP_PAIR_BEFORE.search(text, max(0, start - 16), start)
            ):
                return False
        elif key in ("mm", "cm", "in") and _next_word(text, unit_end)[0] in _CALIBRE_NEXT:
            return False  # 9mm pistol, 35mm film, 155mm shells
        elif key == "lb" and form == "full":
            if mult:
                return False  # "5 million pounds" is money
            window = _clause(text, start, unit_end)
            if _next_word(text, unit_end)[0] in ("sterling", "a", "per") and re.match(
                r"\s+(?:sterling|(?:a|per)\s+(?:week|month|year|day|head|hour|night))\b", text[unit_end : unit_end + 20]
            ):
                return False
            if not _WEIGHT_CUES.search(window) and _MONEY_CUES.search(window):
                return False
        elif key == "st" and form == "full":
            nxt = _next_word(text, unit_end)[0]
            if nxt in ("age", "ages", "wall", "walls", "circle", "building", "house", "bridge"):
                return False
    if key in ("lb", "ft") and _TORQUE_AFTER.match(text, unit_end):
        return False  # 414 lb-ft of torque, 300 ft-lb: a moment, not a weight or a length
    if key in ("ft", "in") and form == "symbol":
        # coordinates: 51°30′26″
        if "°" in text[max(0, start - 4) : start]:
            return False
    return not (len(unit_text) == 1 and _prev_word(text, prev_at) in _DESIGNATION_PREV)
