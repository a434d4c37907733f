"""The ``quotes:`` config section."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from ..base import section


@dataclass(frozen=True)
class QuotesOptions:
    """Options of the quotes family (config section `quotes:`)."""

    # Reporting verbs, as base forms; their inflections (said, says, told, added ...) are
    # derived. A multi-word entry inflects its first word ("point out" -> "pointed out").
    speech_verbs: tuple[str, ...] = (
        "say", "tell", "add", "ask", "answer", "write", "post", "tweet", "text", "email",
        "warn", "explain", "recall", "insist", "note", "state", "declare", "argue", "claim",
        "reply", "respond", "continue", "admit", "acknowledge", "concede", "counter",
        "caution", "emphasize", "emphasise", "stress", "suggest", "observe", "remark",
        "joke", "quip", "shout", "whisper", "yell", "scream", "mutter", "exclaim",
        "recount", "announce", "confirm", "comment", "describe", "testify", "plead", "urge",
        "predict", "boast", "complain", "lament", "reiterate", "conclude", "vow", "promise",
        "pledge", "assert", "contend", "agree", "disagree", "advise", "wonder", "think",
        "hear", "remember", "muse", "sigh", "laugh", "speak", "report", "quote", "blog",
        "reflect", "summarize", "summarise", "interject", "retort", "mention", "elaborate",
        "point out", "chime in", "put it", "sum up", "define", "assure", "allege", "pray",
        "slam", "blast", "hit out", "reveal", "accuse", "deny", "defend", "hail", "dismiss",
        "demand", "criticize", "criticise", "condemn", "lash out", "fire back", "cite", "share", "talk", "recommend",
        "inform", "underscore", "applaud", "invite",
        # common reporting verbs of wire copy in other languages
        "sagte", "sagt", "erklärte", "betonte", "dit", "déclare", "a déclaré", "dijo",
        "afirmó", "disse", "ha detto", "zei",
    )
    # Phrases that attribute a quote in the same sentence.
    attribution_phrases: tuple[str, ...] = (
        "according to", "in a statement", "in an interview", "in an email", "in a letter",
        "in a post", "in a tweet", "in a speech", "in remarks", "in testimony", "in a memo",
        "in a news release", "in a press release", "in a video", "in the words of",
        "as reported by", "quoted as",
    )
    # A quotation of fewer words is a scare quote or a term ("historic", "so-called"), never
    # checked for a speaker.
    min_quote_words: int = 4
    # A fragment woven into a sentence (lowercase start: was described as "a reckless
    # gamble ...") is checked only from this many words; shorter ones read as terms.
    min_fragment_words: int = 8
    # Words just before a quotation that make it a title, label or example, not speech.
    title_cues: tuple[str, ...] = (
        "titled", "entitled", "called", "named", "dubbed", "nicknamed", "known as", "billed as",
        "labeled", "labelled", "marked", "reading", "reads", "read", "headlined", "phrase",
        "term", "word", "words", "slogan", "motto", "message", "text", "placeholder", "label",
        "button", "tab", "link", "option", "menu", "field", "heading", "headline",
        "subject line", "search", "searched", "searches", "searching", "type", "typed",
        "enter", "entered", "choose", "select", "selected", "click", "clicked", "tap",
        "press", "pick", "for example", "for instance", "e.g.", "i.e.", "such as", "like",
        "question", "theme", "tagline", "title", "habit", "habits", "mantra", "maxim",
        "questions", "prompt", "as in", "means", "meant by", "defines", "defined as",
        "idea of", "notion of", "concept of", "so-called", "report", "book", "novel", "film",
        "movie", "documentary", "song", "album", "episode", "series", "show", "podcast",
        "article", "essay", "column", "paper", "play", "poem", "exhibit", "exhibition",
        "campaign", "program", "initiative", "course", "workshop", "session", "panel",
        "talk", "presentation", "webinar", "game", "app", "tool", "hashtag", "sign",
        "banner", "poster", "shirt", "sticker", "error", "status", "alert", "notification",
        "hint", "tooltip", "answer", "answers", "response", "responses", "category", "keyword", "query", "string", "value", "setting", "command", "shows",
        "show", "showed", "showing", "displays", "display", "displayed", "displaying",
        "prints", "printed", "returns", "returned", "outputs", "adage", "saying", "proverb",
        "idiom", "cliché", "cliche", "expression", "calling", "call", "calls", "mission",
        "vision", "tenet", "principle", "principles", "statements", "feature", "myth",
        "misconception", "refrain", "catchphrase", "quote", "quotes", "line", "look for",
        "looking for", "find", "reply with", "respond with", "includes", "including",
        "include", "included", "goal", "goals", "objective", "objectives", "aim", "purpose",
        "mandate", "charge",
    )
    # Words right after a quotation that make it a label or a name ("Apply now" button).
    label_nouns: tuple[str, ...] = (
        "button", "buttons", "tab", "link", "links", "page", "section", "menu", "field",
        "option", "box", "screen", "column", "label", "banner", "campaign", "initiative",
        "program", "programme", "feature", "tool", "app", "report", "study", "series",
        "podcast", "event", "checkbox", "dropdown", "form", "message", "prompt", "icon",
        "step", "phase", "approach", "model", "framework", "category", "list", "filter",
        "setting", "command", "movement", "era", "mindset", "principle", "principles",
        "template", "pattern", "method", "exercise", "challenge", "award", "project",
        "poster", "posters", "sign", "signs", "slide", "slides", "sticker", "stickers", "mug",
        "shirt", "t-shirt", "card", "cards", "slogan", "motto", "tagline", "headline",
        "function", "functions", "widget", "area", "view", "mode",
    )
    # Report an unattributed blockquote (`>` in Markdown, <blockquote> in HTML)?
    check_blockquotes: bool = True
    # House style for marks: `consistent` reports the minority style in a document that
    # mixes straight and curly marks; `curly` or `straight` reports every other mark.
    marks: Literal["consistent", "curly", "straight"] = "consistent"
    # Marks of a top-level quotation: double (“…”, US and many British outlets) or
    # single (‘…’, with “…” nested, common in British and Australian copy); `auto`
    # follows the article and reports only the minority when it mixes the two; `any`
    # does not check.
    primary: Literal["auto", "double", "single", "any"] = "auto"
    # Include apostrophes (council’s / mayor's) in the quote-style check?
    check_apostrophes: bool = True


SECTION = section("quotes", QuotesOptions, "Quotations: attribution, balanced marks and house style")
