"""Is this text English? A cheap check for documents that do not say their language.

Two signals, both counted on the first ~1,500 characters of prose:

* the script: text whose letters are mostly not Latin (Cyrillic, Greek, Arabic, CJK ...) is
  not English, however short;
* function words: in English prose about one word in five is one of a few dozen function
  words ("the", "and", "of" ...); in German, French, Spanish, Italian, Portuguese or Dutch
  prose fewer than one in twenty are, while that language's own function words ("der",
  "und"; "le", "et"; "el", "que"; "il", "che"; "o", "não"; "het", "een") run as high.

Measured on the 60 real article bodies of the extraction benchmark (53 English, 7 not):
60 of 60 right, about 0.2 ms a document (see docs/evaluation/gt-bodies-eval.md). A statistical
detector (py3langid) is as accurate there but costs ~0.75 s and ~130 MB to load its model,
more than the whole start-up budget, for no gain on this question.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from .patterns import lazy

_TOKEN = lazy(r"[^\W\d_]+")
# Letters outside Basic Latin, Latin-1, Latin Extended-A/B, IPA and Latin Extended Additional.
_NON_LATIN_LETTER = lazy(r"[^\W\d_\x00-\u024f\u1e00-\u1eff]")
_ENGLISH = frozenset(
    "the and of to that is was with for are this have has were which their they said from "
    "been would will it its you your our we he she his her by at on".split()
)
# Function words of the languages most often met in pasted copy, chosen so that none is an
# English word an English sentence uses often ("a", "in", "no", "die" ... are left out).
_OTHERS = {
    "de": frozenset(
        "der das und ist nicht mit ein eine einen dem den von zu auf für sich auch wird werden "
        "sind bei nach oder wie aus noch über wir ich sie es im zum zur dass nur um".split()
    ),
    "fr": frozenset(
        "le la les des du une est et que qui dans pour pas sur avec sont ce cette au aux été "
        "plus ne il elle ils nous vous leur mais ou être fait".split()
    ),
    "es": frozenset(
        "el los las del que por para una con es está pero como más sus también fue ha han "
        "se lo al y su le muy sobre entre cuando este esta".split()
    ),
    "it": frozenset(
        "il lo gli di del della delle dei che non per una sono è nel nella con anche più "
        "questo questa come alla al le ha hanno ma si da degli sul".split()
    ),
    "pt": frozenset(
        "o os da do das dos que não uma um para com é em na no mais por são foi também se "
        "ao à pela pelo seu sua como ou mas".split()
    ),
    "nl": frozenset(
        "de het een van en niet zijn voor op met dat ook bij naar er wordt worden is om maar hij zij wij ze".split()
    ),
}
# Below this share of English function words, prose is not English.
_ENGLISH_MIN = 0.05
# Fewer words than this are too few for the function-word test (a headline, a caption).
_MIN_WORDS = 20


def _sample(texts: Iterable[str], size: int) -> str:
    chunks: list[str] = []
    n = 0
    for text in texts:
        chunks.append(text)
        n += len(text)
        if n >= size:
            break
    return " ".join(chunks)[:size]


def _latin_share(text: str) -> tuple[int, float]:
    """(letters, share of them in the Latin script) of ``text``."""
    if text.isascii():
        return len(text), 1.0  # an upper bound on the letters is enough here
    non_latin = len(_NON_LATIN_LETTER.findall(text))
    if not non_latin:
        return len(text), 1.0
    letters = sum(map(str.isalpha, text))
    return letters, 1.0 - non_latin / max(letters, 1)


def language_scores(text: str) -> dict[str, float]:
    """Share of words that are function words of English ("en") and of each other language,
    and the number of words ("words")."""
    words = _TOKEN.findall(text.casefold())
    if not words:
        return {}
    n = len(words)
    counts = Counter(words)
    keys = counts.keys()
    scores = {"en": sum(counts[w] for w in _ENGLISH.intersection(keys)) / n}
    for lang, stop in _OTHERS.items():
        scores[lang] = sum(counts[w] for w in stop.intersection(keys)) / n
    scores["words"] = n
    return scores


def reads_english(texts: Iterable[str], sample: int = 1500) -> bool:
    """True unless the prose is clearly in another language (see the module docstring).
    Short Latin-script texts are given the benefit of the doubt."""
    text = _sample(texts, sample)
    letters, latin = _latin_share(text)
    if letters >= 12 and latin < 0.5:
        return False
    scores = language_scores(text)
    if not scores or scores["words"] < _MIN_WORDS:
        return True
    english = scores["en"]
    other = max(v for k, v in scores.items() if k not in ("en", "words"))
    if english < _ENGLISH_MIN:
        return False
    # A paragraph of English in a German article, or a French quote in an English one:
    # whichever language's function words run higher wins.
    return english >= other
