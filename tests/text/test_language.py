"""Language of undeclared text: English-only rules stay off for articles in other languages."""

from __future__ import annotations

import pytest

from edlint.parsers import ParseOptions, parse
from edlint.testing import findings
from edlint.text.language import reads_english

RUSSIAN = """Модель рассказала о страхе перед старостью
В интервью журналу бывшая модель призналась, что боится стареть на глазах у публики. «Когда вся жизнь строилась на том, чтобы хорошо выглядеть, стареть публично очень трудно», — сказала она.
«Я не осуждаю тех, кто делает уколы, но сама пока не готова», — добавила она.
На прошлой неделе она впервые за десять лет вышла на подиум в Париже.
"""

TEXTS = {
    "ru": RUSSIAN,
    "it": "Il consiglio comunale ha approvato il bilancio martedì sera dopo un lungo dibattito. "
    "Secondo il sindaco, i fondi per le biblioteche non saranno tagliati, ma le sedi di quartiere "
    "resteranno chiuse la domenica fino alla fine dell'anno. «Non è una scelta facile», ha detto.",
    "de": "Der Stadtrat hat am Dienstag nach einer langen Debatte den Haushalt beschlossen. Die Mittel für "
    "die Bibliotheken werden nicht gekürzt, aber die Zweigstellen bleiben sonntags bis zum Ende des "
    "Jahres geschlossen, sagte der Bürgermeister. „Das ist keine leichte Entscheidung“, sagte er.",
    "pt": "A câmara municipal aprovou o orçamento na terça-feira depois de um longo debate. Segundo o "
    "prefeito, os recursos para as bibliotecas não serão cortados, mas as unidades dos bairros vão "
    "ficar fechadas aos domingos até o fim do ano. “Não é uma decisão fácil”, disse ele.",
    "es": "El ayuntamiento aprobó el presupuesto el martes después de un largo debate. Según el alcalde, "
    "los fondos para las bibliotecas no se recortarán, pero las sedes de los barrios seguirán "
    "cerradas los domingos hasta el final del año. «No es una decisión fácil», dijo.",
    "fr": "Le conseil municipal a adopté le budget mardi soir après un long débat. Selon le maire, les "
    "crédits des bibliothèques ne seront pas réduits, mais les annexes de quartier resteront fermées "
    "le dimanche jusqu'à la fin de l'année. « Ce n'est pas un choix facile », a-t-il dit.",
}

ENGLISH = [
    "The council approved the budget on Tuesday after a long debate. The mayor said library funds "
    "would not be cut, but branch libraries will stay closed on Sundays until the end of the year. "
    '"It is not an easy choice," he said.',
    # English with a French quotation and foreign names in it.
    "The French minister, Élisabeth Moreau, told reporters in Lyon that the plan was « une erreur », "
    "a mistake, and that her party would vote against it when the bill returns to the assembly next "
    "month. Her deputy said the government had not consulted the regions before it was published.",
]


@pytest.mark.parametrize("lang", sorted(TEXTS))
def test_other_languages_are_not_english(lang):
    assert not reads_english([TEXTS[lang]])


@pytest.mark.parametrize("text", ENGLISH)
def test_english_reads_as_english(text):
    assert reads_english([text])


def test_short_latin_text_gets_the_benefit_of_the_doubt_but_cyrillic_does_not():
    assert reads_english(["Council passes budget"])
    assert not reads_english(["Модель рассказала о страхе"])


def test_undeclared_russian_article_is_not_english_and_gets_no_english_rules():
    doc = parse("story.txt", RUSSIAN, "text", ParseOptions())
    assert not doc.is_english
    assert findings(RUSSIAN, "txt", select=["quote-attribution"]) == []


@pytest.mark.parametrize(
    "lang, sentence",
    [
        ("de", " Er sagte, dass die die Entscheidung treffen müssen, nicht der Rat."),
        ("fr", " Nous nous sommes trompés sur le calendrier, a reconnu le maire."),
    ],
)
def test_undeclared_articles_in_other_languages_get_no_english_pack_rules(lang, sentence):
    # "die die" and "nous nous" are good German and French; the doubled-word rule (an
    # English pack rule) must not run on an article that reads as another language.
    assert findings(TEXTS[lang] + sentence + "\n", "txt", select=["doubled-word"]) == []
    english = ENGLISH[0] + " The mayor said the the vote was close.\n"
    assert [f.rule for f in findings(english, "txt", select=["doubled-word"])] == ["doubled-word"]


def test_a_declared_language_wins_over_the_words():
    md = "---\ntitle: Budget\nlang: en-GB\n---\n\n" + TEXTS["it"] + "\n"
    doc = parse("a.md", md, "markdown", ParseOptions())
    assert doc.is_english
