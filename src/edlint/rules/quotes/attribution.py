"""quote-attribution: a direct quotation with no identifiable speaker."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...document import (
    BLOCKQUOTE,
    CAPTION,
    CODE,
    HEADING,
    IMAGE,
    LIST_ITEM,
    PARAGRAPH,
    SHORTCODE,
    Block,
    Document,
)
from ...text.chrome import chrome_kind
from ...text.patterns import lazy
from ...text.quotes import Quote, QuoteScan, words_at_most
from ...text.quoting import quoted
from ..base import Finding, Severity, rule
from .candidates import UnitIndex, has_candidate_speaker, plainly_speech
from .context import (
    QUOTES_FROM_DOCUMENT,
    ProperNames,
    _about_person,
    _about_personas,
    _blockquote_is_speech,
    _blockquote_ok,
    _heading_names_speaker,
    _intro_ends_with_colon,
    _introduces,
    _last_sentence,
    _Later,
    _names_list_source,
    _not_speech_at,
    _outside,
    _Paragraph,
    _quote_only,
    person_subject,
)
from .names import (
    _ENDS_WITH_NAME,
    _ROLE,
    _credit_like,
    _credit_line,
    _names_person,
    keeps_speaker_in_view,
    speaks_of_another,
)
from .options import SECTION, QuotesOptions
from .sources import (
    _FIRST_PERSON,
    _SECOND_PERSON,
    SINGULAR_I,
    _ArticleText,
    _has_link,
    _markup_or_linked,
    _pull_quote,
    _pull_quote_ok,
    _shortcode_cite,
    _sourced_elsewhere,
)
from .speaker import _SAID_SHAPE_AFTER, _Ctx
from .view import (
    _SKIP_KINDS,
    FOOTNOTE_MARK,
    _headline_like,
    _in_link,
    _preview,
    _readers_text,
    _top_blockquote,
    block_scans,
)

_REFERS_BACK = lazy(
    r"[^.!?]{0,80}\b(?:these|those|such|this|that)\s+(?:[\w’'-]+\s+){0,3}?(?:adages?|sayings?|"
    r"commenters?|posters?|writers?|reviewers?|tweeters?|"
    r"proverbs?|clichés?|cliches?|slogans?|mottos?|mottoes|catchphrases?|platitudes?|maxims?|statements?|sentiments?|"
    r"phrases?|questions?|complaints?|objections?|myths?|misconceptions?)\b",
    re.I,
)
# A heading or a bold line naming the person whose words follow: a label and a name
# ("Current student: Daniel Cross of Watseka", "In her words: Meghann Rosemary Miller"), or a
# name with a role after it ("JAY (owner of Native Cafe!) and his daughter June",
# "Priya Raman, second-year nursing student").
_NAMES_RESPONDENT = lazy(
    r"[\s*_]*(?:(?:[A-Z][\w’'-]*(?:\s+[\w’'-]+){0,4}):\s*(?:(?:Dr|Mr|Mrs|Ms|Prof)\.?\s+)?[A-Z][^\W\d_A-Z][\w’'-]*"
    r"(?:\s+(?:de\s+|van\s+|von\s+|da\s+)?[A-Z][^\W\d_A-Z][\w’'.-]*){1,3}\b"
    r"|(?:(?:Dr|Mr|Mrs|Ms|Prof)\.?\s+)?[A-Z][A-Za-z’'-]+(?:\s+[A-Z][A-Za-z’'.-]+){0,3}\s*(?:\(\s*[\w ]|,\s+[a-z0-9]))"
)
_SELF_NAMED = lazy(r"\b(?:[Mm]y name is|[Mm]y name’s|[Mm]y name's|I am called)\s+[A-Z][a-z]")
_CAPTION_CLASS = lazy(r"(?:^|[-_])(?:wp-caption-text|caption|figcaption|cutline)(?:$|[-_])", re.I)
_NAME_HEADING = lazy(
    r"(?:(?:Dr|Mr|Mrs|Ms|Prof)\.?\s+)?[A-Z][a-z’'-]+(?:[\s\u00a0]+(?:de|van|von|da|el|al)?[\s\u00a0]*[A-Z][\w’'.-]+){1,3}"
)
_QUESTION_HEADING = lazy(r"\?[\s*_]*$")
# A questionnaire's numbered prompt as a heading ("1. Describe yourself in three words.",
# "Q3: Name one book you would take."): the quotation under it is the answer.
_PROMPT_HEADING = lazy(r"[\s*_]*(?:\d{1,2}[.)]|Q\s*\d{0,2}[.:)]?)\s+\S.*[.?][\s*_]*$")
_CONNECTOR = lazy(r"[\s,;*_]*(?:and|or|to|nor|vs\.?|versus|then)?[\s,;*_]*")
_FOOTNOTE = lazy(r"footnote|endnote|fn-|references", re.I)
_REFERENCES_HEADING = lazy(
    r"(?:works\s+cited|references|bibliography|sources(?:\s+cited)?|citations|further\s+reading|reading\s+list)", re.I
)
# A link line under a quotation that says where it comes from: "[Read the full post at …](…)"
_SOURCE_LINK_LINE = lazy(
    r"[\W_]*\[?[\W_]*(?:read|see|view|watch|continue reading|source|from|via|more at|full)\b", re.I
)
# A closing mark and a credit after it: "… election.” — Jonathan Lai, The Inquirer".
_CLOSES_WITH_CREDIT = lazy(r"[\u201d\"][*_\s]*(?:[\u2014\u2013]|--?)\s*[A-Z][\w.’'-]+(?:\s+[A-Z][\w.’'-]+)+")
# The line after a quotation names it: "So goes the motto of the city.", "Reads the sign
# on the door."
_NAMED_AFTER = lazy(
    r"[\W_]*(?:so\s+)?(?:goes|go|reads|read|runs|ran|went)\s+the\s+(?:[\w’'-]+\s+){0,2}?(?:mottos?|slogans?|sayings?"
    r"|taglines?|refrains?|mantras?|adages?|proverbs?|signs?|banners?|headlines?|captions?|chants?|songs?|jingles?"
    r"|creeds?|pledges?|oaths?|prayers?|lines?|lyrics?|jokes?)\b",
    re.I,
)
# The paragraph after a quotation says whose words they were: "These are the words of Albert
# Einstein.", "Those lines were written by a 19-year-old private.", "Ruiz wrote those words in 1916."
_WHOSE_WORDS_AFTER = lazy(
    r"[\W_]*(?:(?:these|those|such)\s+(?:are|were)\s+(?:the\s+)?(?:\w+\s+)?(?:words|lines|thoughts|sentiments|views)"
    r"\s+of\b|(?:these|those|the)\s+(?:\w+\s+)?(?:words|lines)\s+(?:are|were|came)\s+(?:from|by|spoken|written|penned|"
    r"uttered)\b|(?:[A-Z][\w’'.-]+\s+){1,3}(?:wrote|spoke|said|penned|uttered)\s+(?:these|those)\s+(?:\w+\s+)?"
    r"(?:words|lines)\b)",
    re.I,
)
# "Conversely, “…”": a quotation that continues the source of the paragraph before.
_CONNECTIVE = lazy(
    r"[\W_]*(?:conversely|similarly|likewise|in contrast|by contrast|on the other hand|in comparison|"
    r"by comparison|meanwhile|elsewhere)[\s,*_]*$",
    re.I,
)
# The paragraph after a quotation says whom the words were asked of: "We asked both
# reviewers and authors to tell us what they learned."
_ASKED_SOURCE = lazy(r"[\W_]*(?:we|I)\s+(?:also\s+|then\s+)?(?:asked|surveyed|interviewed|polled)\b", re.I)
# A lead-in that names a question or a prompt: the quotation under it is the question.
_NAMES_PROMPT = lazy(r"\b(?:question|prompt|poll|survey|questionnaire)s?\b", re.I)
_INTERVIEW = lazy(
    r"\binterview(?:ing|ed)?\s+(?:with\s+)?[A-Z]|\bQ\s*&\s*A\b|\bin conversation with\b|\bwe (?:talk|spoke|chat) (?:to|with)\b",
    re.I,
)
# The last sentence before a quotation names the kind of wording it is, not a speaker.
_MY_OWN = lazy(r"\b(?:I|I[’']m|I[’']ve|I[’']d|my|me|mine|myself)\b")
_NAMES_WORDING = lazy(
    r"\b(?:slogans?|mottos?|mottoes|taglines?|catchphrases?|headlines?|signs?|banners?|captions?|hashtags?|"
    r"jingles?|chants?|lyrics?|refrains?|inscriptions?|epitaphs?|sayings?|adages?|proverbs?|"
    r"error messages?|subject lines?|wording)\b",
    re.I,
)
# A line that stops mid-sentence ("The team noted that the", "Coolo calls on everyone to"):
# not a headline but a lead-in running on into the quotation set off below it.
_RUNS_ON = lazy(
    r"\b(?:the|a|an|to|that|of|and|or|for|with|by|as|is|are|was|were|be|on|in|our|their|his|her|its)[\s*_]*$", re.I
)
# A colon lead-in carrying a footnote mark ("… is that:[5]", "… held:¹", "… found[^3]:"):
# the passage below it is cited, as legal and academic writing cites.
_CITED_LEAD_IN = lazy(r":[\s*_]*" + FOOTNOTE_MARK + r"[\s*_]*$|" + FOOTNOTE_MARK + r"[\s*_]*:[\s*_]*$")
_CITES = lazy(r"\baccording to\b|\b(?:report|study|survey|infographic|analysis|paper|poll)\b", re.I)
_QUESTION_LINE = lazy(r"[^\n]{0,200}\?[\s*_]*$")


# Speech reported in the third person: "Ruiz said", "KC explains that", "said Dr Ruiz",
# "officials said", "critics say", "according to the state energy office" (a draft may
# attribute nothing else yet), or a credit line under a quotation ("— Mayor Helen Achebe").
# Only the past and -s forms of the plainest reporting verbs count: "asking Claude to",
# "tells Eio to", "write support", "We then added" are not reported speech.
_REPORTED_SPEECH = lazy(
    r"(?:\b(?:[Hh]e|[Ss]he)|(?<![\w’'-])(?!(?:We|I|You|It|Its|This|That|These|Those|There|They|Our|My|Your|Like"
    r"|As|Then|And|But|So|If|When|What|Which|Who|Here|Now|Also|Finally|Later|A|An|The)\b)[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]+)?"
    r"|\b[Tt]he\s+(?:[\w’'-]+\s+){0,2}(?:" + _ROLE + r")"
    r"|\b(?i:officials?|spokes(?:wo)?m[ae]n|spokespeople|spokesperson|police|residents|critics|experts|analysts"
    r"|authorities|witnesses|neighbou?rs|organi[sz]ers|lawmakers|legislators|sources|officers|prosecutors"
    r"|investigators|researchers|scientists|economists|advocates|opponents|supporters))"
    r",?\s+(?:also\s+|later\s+|then\s+)?(?:said|says|told|tells|added|adds|explained|explains|recalled|recalls"
    r"|noted|notes|stated|states|insisted|insists|remarked|remarks|recounted|recounts|acknowledged|admitted|admits"
    r"|warned|warns|argued|argues|replied|replies|commented|announced|announces|expressed|urged|urges|stressed"
    r"|emphasi[sz]ed|predicted|conceded|confirmed)\b(?!\s+(?:to|that\s+it)\b)"
    r"|\b(?:said|says|added|explained)\s+(?:(?:Dr|Mr|Mrs|Ms|Prof)\.?\s+)?[A-Z][a-z’'-]+"
    r"|^[\s*_]*(?:\u2014|\u2013|--?)\s*(?:[A-Z][\w’'.-]+\s+){1,3}[A-Z][\w’'-]+"
    r"|\b[Aa]ccording\s+to\s+(?!(?:\S+\s+){0,4}?(?i:your|my|our|their|its|his|her|this|that|these|those"
    r"|docs?|documentation|manual|spec(?:ification)?|readme|man\s+page|compiler|standard|type|definition|wiki"
    r"|faq|plan|schedule|needs?|benchmarks?|tests?|results?)\b)\w",
    re.M,
)


def reports_speech(doc: Document) -> bool:
    """Is ``doc`` reported copy (see _reports_speech)? For `edlint init`, which measures it."""
    return _reports_speech(block_scans(doc))


def _reports_speech(scans: dict[int, QuoteScan]) -> bool:
    """Does the document report what people said, in the third person: a said-clause ("…,”
    Ruiz said", "said Dr Ruiz", "she added"), speech reported of a group or a source
    ("officials said", "according to the agency"), or a credit line under a quotation?
    That is the convention of reported copy (news, features, releases, case studies, and
    drafts of them), in which a quotation without a speaker stands out. Elsewhere
    (tutorials, essays, release notes, recipes, personal posts) quotation marks and
    blockquotes mostly set off questions, sayings, examples and the author's own points, and
    a missing speaker is no slip."""
    return any(_REPORTED_SPEECH.search(_outside(sc) if sc.quotes else sc.text) for sc in scans.values())


def _units(doc: Document) -> list[tuple[str, Block, list[Block]]]:
    """The article in reading order: headings, prose blocks, blockquotes (one unit each,
    with their paragraphs) and shortcodes."""
    units: list[tuple[str, Block, list[Block]]] = []
    groups: dict[int, list[Block]] = {}
    in_references = False  # under a "Works Cited" or "References" heading
    for b in doc.blocks:
        if b.kind == SHORTCODE or (b.kind == IMAGE and b.attrs.get("shortcode") and _shortcode_cite(doc, b)):
            # (an include the site draws as a picture of someone: `person="lucia-ferrante"`)
            units.append(("shortcode", b, []))
            continue
        if b.kind == HEADING and b.text is not None:
            in_references = bool(_REFERENCES_HEADING.fullmatch(b.text.text.strip(" *_#:")))
        if in_references and b.kind != HEADING:
            continue  # a list of works cited: its quotation marks hold titles
        if b.text is None or b.kind in _SKIP_KINDS or any(_FOOTNOTE.search(c) for c in b.classes):
            continue  # a footnote cites its sources in its own way
        if _readers_text(b):
            continue
        if b.kind == PARAGRAPH and chrome_kind(b.text.text.strip()) == "advertisement":
            continue  # an ad break left in scraped copy does not interrupt a speaker's quotes
        top = _top_blockquote(b) if b.in_quote else None
        if top is not None:
            group = groups.get(id(top))
            if group is None:
                group = groups[id(top)] = []
                units.append(("quote", top, group))
            group.append(b)
        elif b.kind == HEADING:
            units.append(("heading", b, []))
        else:
            units.append(("prose", b, []))
    return units


@rule(
    "quote-attribution",
    family="quotes",
    summary="A direct quotation with no identifiable speaker",
    severity=Severity.WARNING,
    section=SECTION,
    # Preview: on sites nobody tuned it on, independent judges found almost every finding
    # wrong (session 5, docs/evaluation/quotes-eval.md). It leaves preview only when a
    # sample of unseen sites is at least 19 in 20 right.
    status="preview",
)
def quote_attribution(doc: Document, opts: QuotesOptions) -> Iterator[Finding]:
    """## What it does
    In reported copy, reports a direct quotation (text between quotation marks, or a
    blockquote that reads as someone's words) whose speaker cannot be found in its own
    context. Reported copy is a document that attributes speech in the third person
    somewhere: a said-clause ("Ruiz said", "said Dr Ruiz", "KC explains that"), speech
    reported of a group or source ("officials said", "according to the state energy
    office") or a credit line under a quotation ("— Mayor Helen Achebe"). News, features,
    releases, case studies and drafts of them are; tutorials, essays, release notes and
    personal posts mostly are not, and there quotation marks and blockquotes set off
    questions, sayings, examples and the author's own points (`attribution_scope: all`
    checks every document). The speaker is looked for in:

    - its paragraph: a reporting verb (`“…,” Ruiz said.`, `said Ruiz`, `Sgro, the union rep,
      said`, `she added`), a document or body that speaks (`the audit found`, `the letter to
      Shapiro reads`, `read one post`, `the commission found`), `according
      to`, `in a statement`, a transcript label (`Ruiz:`), a person named before it, an action
      beat ("She smiled. “I …”"), `— Name`, a name right after the closing mark, or a template
      tag after a dash, a `cite`/`<cite>`/`<footer>` on a blockquote;
    - for a fragment spliced into the writer's own sentence ("shops must limit capacity to half
      “except where …”", "pledges to “keep …”"), that sentence; only a passive with no agent
      ("was described as “…”") or a judgement after "is a" leaves it without one;
    - the paragraph before, when it runs into the quotation with a colon or a dash naming a
      source ("Another stakeholder said:"), is about a person ("Varcos has tried to move
      on.", "George’s prices are shaped …", "Among them was Dennis Howe, who served in
      Korea.", "And lighting judge Damian Roe praised the students.", "… Priya Mehta, a
      third-year chemist, …", "Reed doesn’t think so.") and the quotation opens the next
      paragraph without speaking of a "she" or "he" who may be that person (in the first
      person, "My grandad … he" or "Dunn was thrilled with Lefiti's result. “I am so happy
      for her …”" speak of someone else), ends on its source ("…, per Votebeat."), names
      the replies that follow ("… thousands of desperate responses."), gives one speaker ("…, he said.", "The council
      says …", "A police spokeswoman said …", "One review was less kind."), is a lead-in
      ("Here is some of the feedback.", "Here we have the recollections of …", a text's own
      wording: "It provides:", "These provide as follows:", "A selection below:", a lead-in
      cited by a footnote mark ("… is that:[5]"), "… in the
      words of Harpreet Singh, one of its founders.", "We read hundreds of these letters.")
      or an interview question; a quote-only paragraph after an attributed quote continues
      it, as does a quotation running over paragraphs;
    - a reply named by whose it is, in the quotation's own sentence ("Her reply was, “…”",
      "Avelar's advice for other students is, “…”", "Came the reply: “…”");
    - a heading, or a bold line set as one, that names the person whose answers follow
      ("Current student: Daniel Cross of Watseka", "In her words: Meghann Miller",
      "**JAY (owner of Native Cafe!) and his daughter June**"): a first-person quotation
      opening a paragraph under it, or an answer after a questionnaire's prompt ("Favorite
      part of being a dad: “…”"), is theirs, as is an answer under a numbered prompt heading
      ("1. Describe yourself in three words.");
    - a speaker who has the floor: after their quotation or their reported words, a
      quotation opening a paragraph stays theirs across narration that keeps them in view
      ("The 17-year-old trains on the lake before school.", "Her club has started a
      fundraising drive."); narration about anything else ("The course was moved last
      year."), a group's words or a heading takes the floor away;
    - the paragraph after, when it opens with a said-clause ("So said Edna Price, 81, …"
      too), says whose words they were ("These are the words of Albert Einstein.", "Those
      lines were written by …", "… truly embody that statement.") or says whom the words were asked
      of ("We asked reviewers …"), or a credit line or a captioned photo of a person under it.

    A survey prompt ("What did you enjoy most:"), an imperative ("Tell the story."), a topic
    ("I'm talking about networks", "On the community spirit:"), a sentence about something
    else that merely ends with a colon ("The team did amazing work on the materials:") or a
    passive with no agent ("is often described as “…”") names no speaker, nor does evidence
    reported as heard ("The court heard that officers inspected the flat.") or a hearing or
    meeting named as a noun ("The sentencing hearing lasted an hour."). A list's lead-in
    covers its items, also across a short label ("Here is a list of suggestions we got."
    "To improve:").

    A lead-in that stops mid-sentence ("The panel noted that the", "Ruiz calls on everyone
    to") runs on into the blockquote below it and gives it its subject; a heading that opens
    on a writer's name ("Dana Whitfield: Weekly Review") sources the report under it; in an
    article that quotes one person by name again and again (in two or more paragraphs; a
    profile, a case study, a talk's report, "Dr Lois Surgenor from the Department of …
    says") and no one else (people credited after a dash count too; in three or more
    paragraphs, with anyone else named in one only), or whose title names
    the one person it quotes, the other quotations are theirs (a title shared by two people,
    "Cllr Tom Ridley" and "Cllr Sarah Venn", does not make them one),
    and a quotation right after a sentence about that person is read as theirs.

    Paragraphs further away, a title-case heading, a place name or a group paraphrase
    ("Residents said the water was deep.") do not attribute a quotation.

    Precision first: a quotation is reported only when nothing beside it could be its
    speaker: no capitalised name, speaking subject ("Yuvi frames …", "she recalls"), colon
    lead-in that could name a source (a name, a person or group as a short label, a
    source such as "feedback" or "the report", a verb of saying), link or example cue
    ("for example, “…”") in its own paragraph, no such lead-in in the last sentence before
    it, no said-clause in the third person ("she added …"; the author's "we've heard …"
    is not one) or credit line opening the paragraph after it, no credit after a blockquote's closing mark or last sentence ("“…” Ana Ruiz,
    Ecologist", "… *- end-series survey*"), and no pull-quote shortcode with a cite beside
    it. A blockquote is reported only when it is plainly someone's words (in quotation
    marks, or in the first or second person); a third-person passage may be the author's
    own pull-out.

    Not checked: an epigraph in italics above the article's prose, a pull-out that
    restates the article in other words (most of its three-word runs recur there), scare quotes and terms (fewer than `min_quote_words` words), titles and
    labels (cues such as "titled", "the button"), sources that are documents, organisations
    or links ("18F recommendation: “…”", a linked title or blurb, a footnote), imagined,
    hypothetical or characterised speech ("users might think “…”"), sayings, verse,
    templates, glosses ("meaning “…”"), names given "as “…”", survey questions under a
    lead-in naming the question, a list of quoted questions (research or interview
    questions), answer options someone picked ("most indicated “…”"), a quotation used as
    a modifier ("that “trusted tool” experience"), wording in an instruction to the reader, the organisation's
    own point set off in its "we", pull quotes and pull-outs that repeat the article or sit
    beside a photo or name include, callouts opening on a short label ("Explanation: …"),
    notes about the post itself ("This is a historic blog post"), a sidebar box under its own
    title, a blockquote that opens on a linked title (that page's summary), wording a sign, a
    banner or a message carries ("the banner on our forms had “…”"), code, shortcode
    arguments and alt text, front matter, a stray opening mark whose "quotation" holds other
    quotations in the same marks (quote-unbalanced reports the mark), documents of more than 10,000 blocks (an archive
    dump, not an article),
    short unpunctuated one-sentence lines (headlines, teasers; a quoted remark in the first
    person is checked all the same), and documents that are not in English.

    The rule is in preview: it runs with `--preview` or when selected by name
    (`select: [quote-attribution]`), and it should be read as a prompt to look, not as a
    gate. On the labelled posts it was developed on, few of its findings are wrong, but on
    sites nobody tuned it on, independent copy editors judged almost all of its findings
    wrong (2 right of 65 in four samples in session 5; 2 of 20, 1 of 17 and, in a real
    newsroom's stories, 0 of 20 in session 6, docs/evaluation/quotes-eval.md): quotations
    whose speaker is clear to a reader in ways the rule does not read, and words that are
    not speech. Unattributed quotations are rare in published prose, so the rule finds few.

    ## Why is this bad?
    A quotation without a source cannot be checked, and readers cannot judge it. Most
    newsroom style guides require every direct quote to be attributed.

    ## Example
    ```markdown
    The council will delay the crossing redesign until 2027, officials said on Monday.

    The decision drew sharp criticism. “This is a betrayal of every family that crosses
    that street.”
    ```

    Use instead:
    ```markdown
    The council will delay the crossing redesign until 2027, officials said on Monday.

    The decision drew sharp criticism. “This is a betrayal of every family that crosses
    that street,” said Dana Ruiz, who lives on the corner.
    ```

    ## Options
    - `speech_verbs`
    - `attribution_phrases`
    - `min_quote_words`
    - `min_fragment_words`
    - `title_cues`
    - `label_nouns`
    - `check_blockquotes`
    - `attribution_scope`
    """
    if not doc.is_english:
        return iter(())
    if len(doc.blocks) > _MAX_BLOCKS:
        return iter(())  # an archive dump or a generated page, not an article: bounded work
    return iter(_attribution(doc, opts))


# Blocks of a document the rule reads (real articles have a few hundred; reading each
# paragraph's context costs about 0.2 ms, so this bounds a run to a few seconds).
_MAX_BLOCKS = 10_000


def _attribution(doc: Document, opts: QuotesOptions) -> list[Finding]:
    scans = block_scans(doc)
    if not any(sc.quotes for sc in scans.values()) and not any(b.kind == BLOCKQUOTE for b in doc.blocks):
        return []
    ctx = _Ctx(opts)
    if opts.attribution_scope == "reporting" and not _reports_speech(scans):
        return []  # no quotation here is attributed the way news attributes speech
    question_list = _question_lists(doc)
    # (a heading is no said-clause: "Witnessing Colleagues Kicked Out" names no speaker)
    ctx.learn_speakers(
        [_outside(sc) if sc.quotes else sc.text for b in doc.prose if b.kind != HEADING for sc in (scans[id(b)],)]
    )
    title = str(doc.meta("title", "headline") or "")
    # A profile, an interview write-up, a case study, a talk's report: the article quotes
    # one person by name again and again (or its title names them), and a reader takes its
    # other quotations for that person's, unless a quotation turns out to be someone else's
    # ("Sam Tait, 31, has captained the club since 2022." then “It's been the hardest month …”).
    lead_speaker = _lead_speaker(ctx, title)
    one_speaker = lead_speaker is not None
    # A story that names one person and quotes them only as "she said" ("Marissa Feiwus didn't
    # need a ticket …" then “…,” she said.): narration naming her keeps her in view.
    if not ctx.speakers and ctx.pronoun_paragraphs >= 2:
        first = next((b for b in doc.prose if b.kind in (PARAGRAPH, LIST_ITEM) and b.text is not None), None)
        who = person_subject(first.text.text, _proper_early(doc), full_only=True) if first is not None else None
        if who:
            ctx.surnames = set(who.split()[-2:])
    others_quoted = False
    article = _ArticleText(doc)
    personas = _Later(_about_personas, doc)
    how_to = any(b.kind == CODE for b in doc.blocks)  # a tutorial: its asides talk to the reader
    author_first_person = _Later(_writes_as_i, doc, scans)
    # "… an interview with Simon Grondin", "Q&A with …": the quotations are the interviewee's.
    interview = bool(_INTERVIEW.search(str(doc.meta("title", "headline") or "")))

    def bio_blocks() -> set[int]:
        nonlocal bios
        if bios is None:
            from ...text.bios import document_bios

            bios = {b.block_start for b in document_bios(doc) if b.origin == "body"}
        return bios

    bios: set[int] | None = None  # a personal post: its asides are the author's
    seen_prose = False  # a paragraph of the article's own prose came before
    out: list[Finding] = []
    # The last unit's findings: a credit line or a said-clause opening the next paragraph
    # names their speaker and cancels them.
    pending: list[Finding] = []
    prev_licenses = False  # the last unit had an attributed direct quote (or continued one)
    # The last unit introduces what follows ("Another stakeholder said:"), or its last
    # sentence gives one speaker ("..., he said."), or it is a Q&A question heading.
    prev_intro: bool | _Later = False
    chain: tuple[Block, Quote] | None = None  # a quotation running over paragraphs
    chain_ok = False
    section_license: bool | _Later = False  # this section's heading names the quotes' source ("What we heard")
    intro: Block | None = None  # the prose block right before (for blockquotes)
    last_shortcode: Block | None = None
    prev_quote_ok: bool | None = None  # the unit right before was a blockquote: attributed?
    list_source = False  # the paragraph above this list names the source of its items
    list_anchor = False  # the last lead-in (not a short label) named the source of a list
    prev_sourced = False  # the last paragraph's quotation had a speaker or a source
    question_run = False  # these blockquotes answer the question right above them
    answer_section = False  # under an interview's question heading: the interviewee answers
    beside_name = False  # a caption naming a person is right above (a photo of the speaker)
    prev_prompt = False  # the last paragraph names a question or prompt ("… from the question")
    prev_names_wording = False  # the last paragraph ends naming a slogan, a sign, a headline …
    prev_quoted_source = False  # the last paragraph quoted someone and named them
    prev_cites = False  # the last paragraph ends by naming a linked source ("according to a [survey](…)")
    prev_person: bool | _Later = False  # a person is the subject of a clause in the last paragraph
    # One speaker has the floor: a quotation of theirs, or their reported words, came last
    # in this section, and a group's words did not come between. News copy runs a speaker's
    # quotations on between sentences of narration ("Dibben now plans to step up …" then
    # “I actually bought a 600cc bike …”), and a reader keeps them with that speaker.
    floor = False
    # The section's heading, or a bold line set as one, names the person whose answers follow
    # ("Current student: Daniel Cross of Watseka", "**JAY (owner of Native Cafe!)**"): a
    # quotation opening a paragraph, or after a questionnaire's prompt ("Favorite part of
    # being a dad: “…”"), is theirs.
    respondent = False
    # A list of profiles: two or more headings that are just a person's name ("## Mossarat
    # Qadeem"); a pull quote in such a section is the person's.
    person_headings = {id(b) for i, b in enumerate(doc.blocks) if _person_heading(doc, i)}
    profiles = len(person_headings) >= 2
    # A lead-in said the quotations below are a document's own words ("… with quotations
    # from the original."): its run goes on under subheads and topic lines, until prose.
    quoting_document = False
    prev_outside = ""  # the last paragraph, its quotations blanked
    proper = ProperNames([sc.text for sc in scans.values()])

    def end_chain() -> None:
        nonlocal chain
        if chain is not None and not chain_ok and not _closes_on_a_source(doc, chain[0]):
            pending.append(_finding(*chain))
        chain = None

    for kind, b, group in _units(doc):
        if kind == "shortcode":
            last_shortcode = b
            if pending and _shortcode_cite(doc, b):
                pending = []  # a name or photo include under a pull quote: its speaker
            continue
        if kind == "heading":
            end_chain()
            out.extend(pending)
            pending = []
            prev_licenses = False
            section_license = _Later(_heading_names_speaker, ctx, b.text.text)
            respondent = (bool(_NAMES_RESPONDENT.match(b.text.text)) and words_at_most(b.text.text, 20)) or (
                profiles and id(b) in person_headings
            )
            prompt = bool(_QUESTION_HEADING.search(b.text.text) or _PROMPT_HEADING.match(b.text.text))
            answer_section = prompt and b.text.text.count("?") <= 3
            # A question heading of an interview: the answer under it is the interviewee's.
            prev_intro = (
                prompt
                or b.text.text.rstrip(" *_").endswith(":")  # "The Agile Manifesto:"
                or section_license
                or respondent
            )
            intro, last_shortcode, prev_quote_ok = None, None, None
            # A lead-in naming the source of lists grouped under subheadings ("Some of the
            # answers are grouped and reproduced here:" then "### Security", a list, …) covers
            # them all, until a paragraph of prose says otherwise.
            carried = list_anchor
            list_source = list_anchor = prev_sourced = question_run = prev_prompt = beside_name = False
            prev_names_wording = prev_quoted_source = False
            prev_person = floor = False
            list_source = list_anchor = carried
            continue
        if kind == "quote":
            end_chain()
            texts = [blk.text.text for blk in group]
            if prev_quote_ok is not None and _credit_like(" ".join(texts)):
                pending = []  # a credit set as its own blockquote under the quotation
                prev_quote_ok = True
                continue
            out.extend(pending)
            pending = []
            if (
                intro is not None
                and intro.text is not None
                and _QUESTION_LINE.fullmatch(intro.text.text.strip())
                and words_at_most(intro.text.text, 30)
            ):
                question_run = True  # steps or answers under a question, not anyone's remark
            ok = (
                bool(section_license)
                or respondent
                or bool(prev_quote_ok)
                or beside_name
                # right after the paragraph about a person ("Amy Ruiz is the product owner."),
                # unless it speaks of a "she" or "he"
                or (bool(prev_person) and not speaks_of_another(" ".join(texts), prev_outside))
                # a pull-out in the first person in an interview's answer: the interviewee's
                or (answer_section and bool(_FIRST_PERSON.search(" ".join(texts))))
                or interview
                or question_run
                or _blockquote_ok(ctx, doc, b, group, intro, last_shortcode, scans)
                or (_pull_quote(b, group[0]) and _pull_quote_ok(ctx, article, group, last_shortcode))
                # a pull-out repeating words of the article (an interview answer above)
                or article.repeats(" ".join(texts).strip(" \"“”‘’'.…"), group)
                or article.echoes(" ".join(texts), group)
                # an author bio set in a box: a description, not speech
                or any(blk.span.start in bio_blocks() for blk in group)
                # a passage set off without quotation marks in a post the author writes as
                # "I": the author's own aside, note or pull-out
                or (" ".join(texts).lstrip(" *_")[:1] not in '"“‘«' and bool(author_first_person))
            )
            nested = group[0].container.count(BLOCKQUOTE) > 1
            note = all(blk.attrs.get("emphasis") for blk in group) and _has_link(doc, b)
            # A third-person passage that opens the article before any of its prose is an
            # editor's note, not a quotation.
            if (
                not ok
                and opts.check_blockquotes
                and _blockquote_is_speech(
                    ctx,
                    texts,
                    nested,
                    how_to,
                    note,
                    _has_link(doc, b) or not seen_prose,
                    _intro_ends_with_colon(intro),
                )
            ):
                first = group[0]
                t = first.text.text
                start = len(t) - len(t.lstrip())
                pending.append(
                    Finding(
                        first.text.source_span(start, start + 1),
                        f"Blockquote has no identifiable source: {quoted(_preview(t[start : start + 60]))}",
                    )
                )
            prev_quote_ok = ok
            beside_name = False
            prev_person = floor = False
            prev_licenses, prev_intro = ok, False
            if not question_run:
                intro = None
            last_shortcode = None
            continue

        scan = scans.get(id(b))
        if scan is None:
            continue
        text = b.text.text
        in_list = b.kind == LIST_ITEM or "list" in b.container
        if not in_list:
            list_source = False
        question_run = False
        if _credit_line(text):
            pending = []  # "— Tom Black, TTS": names the speaker of what came before
            if chain is not None:
                chain_ok = True
                end_chain()
            prev_licenses = True
            prev_quote_ok = True if prev_quote_ok is not None else None
            continue
        if prev_quote_ok is not None and (_credit_like(text) or (_names_person(text) and words_at_most(text, 15))):
            pending = []  # "News industry analyst Ken Doctor" under a blockquote
            prev_quote_ok = True
            continue
        tops = scan.top_level()
        # (a WordPress caption is a paragraph with the class "wp-caption-text")
        is_caption = b.kind == CAPTION or any(_CAPTION_CLASS.search(c) for c in b.classes)
        if is_caption or (
            _headline_like(text)
            and not (_RUNS_ON.search(text) and not words_at_most(text, 2))
            # a sentence of reported speech that lost its full stop, not a headline ("Club
            # Chairman William Powrie confirmed that talks have taken place")
            and not (words_at_most(text, 40) and not words_at_most(text, 12) and ctx.attributes(text))
            and not _quote_line(ctx, doc, b, scan, tops)
            # a quotation and its said-clause with the full stop left off ("“…,” said Jeannie Rea")
            and not (tops and ctx.speaker_clause(_outside(scan)))
        ):
            # Captions, headlines and teaser links do not interrupt the article's flow.
            if is_caption and _names_person(text):
                # the photo of a person beside a pull quote: its speaker, above or below
                pending = []
                beside_name = True
            if is_caption and not _headline_like(text) and "table" not in b.container:
                out.extend(_lone_block(ctx, doc, b, scan, article))
            elif not is_caption and not tops and _NAMES_RESPONDENT.match(text) and _bold_line(doc, b):
                out.extend(pending)
                pending = []
                respondent, prev_intro, prev_licenses, floor = True, True, False, False
            elif not is_caption and not tops:
                if pending and ((_credit_like(text) and _ENDS_WITH_NAME.search(text)) or _in_link(doc, b)):
                    pending = []  # a name line or a linked title under a quotation: its source
                    prev_licenses = True
                else:
                    # A topic line ("**Live coding online**") ends a run of quotations
                    # that a lead-in above introduced.
                    prev_licenses, prev_intro, floor = False, False, False
                    prev_prompt = bool(_NAMES_PROMPT.search(text))  # "… generated from the question"
            continue
        if pending and (
            ctx.starts_with_said_clause(text)
            or _REFERS_BACK.match(text)
            or _NAMED_AFTER.match(text)
            or _WHOSE_WORDS_AFTER.match(text)
            or _ASKED_SOURCE.match(text)
            or (_SOURCE_LINK_LINE.match(text) and (_has_link(doc, b) or _in_link(doc, b)) and words_at_most(text, 20))
        ):
            # The quotation above, then "Ruiz, who runs the bakery, said ...", or "These
            # age-old adages ...": a said-clause, or the quotation was a saying.
            pending = []
        out.extend(pending)
        pending = []
        continues = chain is not None and bool(tops) and tops[0].start <= 1
        if chain is not None and not continues:
            if _CLOSES_WITH_CREDIT.search(text):
                # the quotation ran on without an opening mark here and closes with its
                # credit: “… (new paragraph) … election.” — Jonathan Lai, The Inquirer
                chain_ok = True
            end_chain()
            if pending and ctx.starts_with_said_clause(text):
                pending = []
            out.extend(pending)
            pending = []
        para = _Paragraph(ctx, doc, b, scan)
        quote_only = bool(tops) and _quote_only(scan, para.outside)
        seen_prose = seen_prose or not quote_only
        # A shortcode right before a quotation that stands alone: a photo or name card
        # of the speaker, or a callout box around an example.
        licensed = quote_only and bool(
            prev_licenses or prev_intro or last_shortcode is not None or beside_name or floor or quoting_document
        )
        if quote_only and not licensed and _pull_quote(b, b):
            licensed = _pull_quote_ok(ctx, article, [b], last_shortcode)
        licensed = licensed or (in_list and list_source) or (quote_only and interview)
        # A quotation opening the paragraph under an introduction ("… he is already
        # looking ahead:") is the introduced speaker's, even with more text after it.
        # ("So why the iPad? “It’s a new technology …”": an interviewer's short question first)
        lead = para.outside[: tops[0].start].strip(" \t*_") if tops else ""
        opens = bool(tops) and (not lead or (lead.endswith("?") and words_at_most(lead, 8)))
        first_licensed = opens and bool(prev_intro)
        if opens and not first_licensed and prev_person and not speaks_of_another(tops[0].inner(text), prev_outside):
            # A quotation opening the paragraph after the one about a person ("Varcos has
            # tried to move on. …" then “It seems kind of naive …”) is theirs, as news copy
            # reads it, unless it speaks of a "she" or "he".
            first_licensed = True
            if one_speaker and not others_quoted:
                # (someone introduced by their full name whom the one speaker's name does not share)
                # speaking for themself ("the hardest month of my career")
                who = person_subject(prev_outside, proper, full_only=True)
                inner = tops[0].inner(text)
                others_quoted = (
                    bool(who)
                    and who.split()[-1] not in lead_speaker
                    and bool(_MY_OWN.search(inner))
                    # "Paige is a beautiful player …" speaks of the person named, not as them
                    and not any(re.search(r"\b" + re.escape(w) + r"\b", inner) for w in who.split())
                )
        # (after the person just introduced, who may be someone new)
        first_licensed = first_licensed or (opens and floor)
        if (
            respondent
            and tops
            and (
                (opens and bool(_FIRST_PERSON.search(tops[0].inner(text))))
                # a questionnaire's prompt and the answer after it
                or (lead.rstrip(" *_").endswith((":", "\u2026", "...")) and words_at_most(lead, 20))
            )
        ):
            first_licensed = True
        if tops and not opens and prev_sourced and _CONNECTIVE.fullmatch(para.outside[: tops[0].start]):
            first_licensed = True  # "Conversely, “…”" after a sourced quotation
        local_ok = licensed
        sourced = False
        free_until = -1  # end of the last quotation found not to be speech
        for k, q in enumerate(tops):
            if free_until >= 0 and _CONNECTOR.fullmatch(para.outside, free_until, q.start):
                free_until = q.end  # “…” and “…”: a pair of terms, titles or principles
                continue
            if k == 0 and continues:
                chain_ok = chain_ok or para.attributed(q)
                local_ok = local_ok or chain_ok
                if q.closed or k < len(tops) - 1:
                    end_chain()
                continue
            if not q.closed and any(
                o.kind == q.kind and o.depth > q.depth and o.start < q.end for o in _nested_in(scan, q)
            ):
                # A stray opening mark ("In classical poetry, "6-character quatrains are
                # rare …", then "parallel lines" and "quatrains" as terms): a quotation
                # would set its own quotations in the other marks. quote-unbalanced reports it.
                continue
            if not ctx.quotable(text, q):
                # Too short to need a speaker, but an attributed phrase ("… noted there
                # should be “zero shame”") still gives the next paragraph's quotation its speaker.
                if not local_ok and len(q.inner(text).split()) >= 2 and para.attributed(q):
                    local_ok = True
                continue
            # A later quotation of the paragraph has the earlier one's speaker, unless it
            # speaks of a third person ("She has been …") and nothing else names a speaker.
            # (right after the said-clause of the one before, it is theirs even when it speaks of
            # a "he": “You need to recognize …,” Barrett preached. “He is the one who …”)
            inherits = (
                k > 0
                and local_ok
                and (
                    not speaks_of_another(q.inner(text), para.outside[: q.start])
                    or _continues_after_clause(ctx, para.outside[tops[k - 1].end : q.start])
                )
            )
            ok = (
                licensed
                or inherits
                or (k == 0 and first_licensed)
                or para.attributed(q)
                # the speaker names themself: “My name is Sentayhu and I came from Ethiopia …”
                or bool(_SELF_NAMED.search(q.inner(text)))
            )
            if not ok and (
                _not_speech_at(ctx, scan, q, para.sentences)
                or _sourced_elsewhere(doc, b, scan, q, quote_only)
                or _markup_or_linked(doc, b, q, para.sentences)
                or (quote_only and article.repeats(q.inner(text), [b]))
                # words quoted again later ("by her own accounting, has given “…”"): a re-quote
                or (len(q.inner(text).split()) >= 6 and article.repeats(q.inner(text), [b]))
                or (opens and k == 0 and bool(personas) and _FIRST_PERSON.search(q.inner(text)))
                or (prev_cites and next((c for c in q.inner(text) if c.isalpha()), "").islower())
                # a fragment spliced into the sentence right after a paragraph that quoted its
                # source ("…,” the description on the website reads. / …, the bar “consists of …”")
                or (
                    k == 0
                    and prev_quoted_source
                    and not opens
                    and next((c for c in q.inner(text) if c.isalpha()), "").islower()
                )
                or (quote_only and prev_prompt and q.inner(text).rstrip(" .*_").endswith("?"))
                # "Just what is this priceless slogan?" then “Meth. We're on it.”: the wording named
                or (quote_only and k == 0 and prev_names_wording)
                or (quote_only and id(b) in question_list)
                # a question opening the article before any of its prose: a hook, not a remark
                or (quote_only and not seen_prose and q.inner(text).rstrip(" .*_").endswith("?"))
                # an epigraph set in italics above the article: a line of verse, a play's line
                or (quote_only and not seen_prose and _emphasised(doc, b))
            ):
                free_until = q.end
                sourced = True
                continue
            local_ok = local_ok or ok
            if not q.closed and k == len(tops) - 1 and b.kind in (PARAGRAPH, LIST_ITEM):
                chain, chain_ok = (b, q), ok  # decided where the quotation ends
            elif not ok:
                pending.append(_finding(b, q))
        # A run of quotations standing alone continues the first one's source, also when
        # that was a document or a reply rather than a person ("“…” agency staff would reply.")
        prev_licenses = local_ok or (sourced and opens)
        prev_sourced = local_ok or sourced
        prev_quoted_source = bool(tops) and local_ok
        if QUOTES_FROM_DOCUMENT.search(para.outside):
            quoting_document = True
        elif not quote_only and not in_list and not (words_at_most(text, 10) and text.rstrip(" *_")[-1:] not in ".!?"):
            quoting_document = False  # the writer's prose again (not a label: "Set up a team")
        if tops:
            floor = local_ok
        elif ctx.attributes(para.outside):
            # "Bell says the crews …" gives one speaker the floor; "Residents said …" a group
            floor = ctx.speaker_clause(para.outside)
        else:
            floor = floor and keeps_speaker_in_view(para.outside, ctx.surnames)
        prev_cites = bool(_CITES.search(_last_sentence(text))) and _has_link(doc, b, 400)
        prev_prompt = bool(_NAMES_PROMPT.search(_last_sentence(para.outside)))
        # "… a new sign. It carries the pub's old motto, “…”": the wording is given already,
        # so the quotation below it is not the sign's.
        prev_names_wording = bool(_NAMES_WORDING.search(_last_sentence(para.outside))) and not (
            tops and tops[-1].start >= len(text) - len(_last_sentence(text))
        )
        last = _last_sentence(para.outside)
        if not in_list:
            # A short label between a source-naming lead-in and its list ("Here is a list
            # of suggestions we got." "To improve:") keeps the lead-in's source.
            label = last.rstrip(" *_").endswith(":") and words_at_most(para.outside, 5) and not tops
            list_source = _names_list_source(ctx, last, para.outside) or (label and list_anchor)
            list_anchor = list_source
        if b.attrs.get("emphasis") and text.rstrip(" *_").endswith("?"):
            prev_intro = True  # an interview's question in bold: the answer follows
        elif last.rstrip(" *_").endswith(":") and _has_link(doc, b, 300):
            prev_intro = True  # "[It depends on five factors](…):": a linked source
        elif _CITED_LEAD_IN.search(last):
            prev_intro = True  # "… the test means that:[5]": the passage below is cited by footnote
        else:
            # (a lead-in typed with a semicolon: "Powrie had the following to say;")
            lead_in = last[:-1] + ":" if last.rstrip(" *_").endswith(";") and last.rstrip().endswith(";") else last
            prev_intro = _Later(_introduces, ctx, lead_in, para.outside)
        intro, last_shortcode, prev_quote_ok = b, None, None
        beside_name = False
        prev_person = _Later(_about_person, para.outside, proper)
        prev_outside = para.outside
    end_chain()
    out.extend(pending)
    if one_speaker and not others_quoted:
        return []
    main = lead_speaker or _main_speaker(ctx)
    if out and main is not None:
        out = [f for f in out if not _speaks_on(doc, main, f)]
    return _with_no_candidate(doc, scans, out, bool(author_first_person) if out else False)


def _continues_after_clause(ctx: _Ctx, gap: str) -> bool:
    """Is the text between two quotations only the first one's said-clause ("Barrett preached
    to the congregation.", "Susan Lucht, clinical director for the centre.")? Then the second
    quotation goes on in the same voice."""
    gap = gap.strip(" \t*_")
    if not gap or not words_at_most(gap, 16) or _SENTENCE_INSIDE.search(gap.rstrip(".")):
        return False
    return bool(
        ctx.speaker_clause(gap) or ctx.attributes(gap) or _NAME_CLAUSE.match(gap) or _SAID_SHAPE_AFTER.match(" " + gap)
    )


_SENTENCE_INSIDE = lazy(r"[.!?]\s+[A-Z]")
# A name and an appositive with the verb left out: "Susan Lucht, clinical director for the centre."
_NAME_CLAUSE = lazy(r"(?:(?:Dr|Mr|Mrs|Ms|Prof)\.?\s+)?[A-Z][\w’'-]+(?:\s+[A-Z][\w’'.-]+){1,2}(?:,\s+[^.]{3,100})?\.?$")


def _person_heading(doc: Document, i: int) -> bool:
    """Is block ``i`` a heading that is a person's name, whom the text under it goes on to
    name ("## Mossarat Qadeem" then "Mossarat Qadeem is a peace activist …")? Not a
    title-case subhead ("## Community Service Award")."""
    b = doc.blocks[i]
    if b.kind != HEADING or b.text is None:
        return False
    name = b.text.text.strip(" *_#:").replace("\u00a0", " ")
    if not _NAME_HEADING.fullmatch(name) or name.split()[0] in _NOT_FIRST_NAMES:
        return False
    surname = re.compile(r"\b" + re.escape(name.split()[-1]) + r"\b")
    seen = 0
    for nxt in doc.blocks[i + 1 : i + 8]:
        if nxt.kind == HEADING:
            return False
        if nxt.text is not None and nxt.kind in (PARAGRAPH, LIST_ITEM) and not nxt.in_quote:
            if surname.search(nxt.text.text):
                return True
            seen += 1
            if seen >= 2:
                return False
    return False


_NOT_FIRST_NAMES = frozenset(
    "The A An Our Your What How Why When Where Who In On At For From With New More Next Key Top Big Final First".split()
)


def _bold_line(doc: Document, b: Block) -> bool:
    """Is the paragraph set wholly in bold or italics (a pseudo-heading): Markdown's
    `**…**`, or HTML's `<p><b>…</b></p>`?"""
    if b.attrs.get("emphasis"):
        return True
    before = doc.source[max(0, b.span.start - 40) : b.span.start]
    after = doc.source[b.span.end : b.span.end + 20]
    return bool(re.search(r"<(?:b|strong|em|i)\b[^>]*>\s*$", before)) and bool(
        re.match(r"\s*</(?:b|strong|em|i)>", after)
    )


def _nested_in(scan: QuoteScan, q: Quote) -> list[Quote]:
    """The quotations nested in ``q``."""
    return [o for o in scan.quotes if q.start < o.start < q.end]


def _main_speaker(ctx: _Ctx) -> set[str] | None:
    """The person an article quotes most, when they stand out: the only one, or one named in
    four or more paragraphs and at least twice as many as anyone else. A quotation right
    after a paragraph about them is theirs (``_speaks_on``); the others are still checked."""
    if len(ctx.speakers) == 1:
        return ctx.speakers[0]
    top, top_n, second_n, _ = _speaker_ranking(ctx)
    return top if top is not None and top_n >= 4 and top_n >= 2 * second_n else None


def _speaker_ranking(ctx: _Ctx) -> tuple[set[str] | None, int, int, int]:
    """With two or more speakers: the one named in most paragraphs, that count, the
    runner-up's count, and how many speakers there are."""
    if len(ctx.speakers) < 2:
        return None, 0, 0, len(ctx.speakers)
    counts = sorted(zip(ctx.speaker_paragraphs, range(len(ctx.speakers))), reverse=True)
    return ctx.speakers[counts[0][1]], counts[0][0], counts[1][0], len(counts)


def _proper_early(doc: Document) -> ProperNames:
    return ProperNames([b.text.text for b in doc.prose[:5] if b.text is not None])


def _lead_speaker(ctx: _Ctx, title: str) -> set[str] | None:
    """The one person an article quotes, as the words naming them: the only speaker named
    in two or more paragraphs (or in the title), or one named in three or more paragraphs
    when anyone else is named in one only (an interview profile that mentions what a dean
    or a colleague once said)."""
    if len(ctx.speakers) == 1:
        named = ctx.speaker_mentions >= 2 or any(
            re.search(r"\b" + re.escape(w) + r"\b", title) for w in ctx.speakers[0]
        )
        return ctx.speakers[0] if named else None
    top, top_n, second_n, how_many = _speaker_ranking(ctx)
    return top if top is not None and top_n >= 3 and second_n <= 1 and how_many <= 3 else None


def _emphasised(doc: Document, b: Block) -> bool:
    """Is the block set wholly in italics or bold (also line by line, as verse is)?"""
    if b.attrs.get("emphasis"):
        return True
    lines = [ln.strip() for ln in doc.source[b.span.start : b.span.end].splitlines() if ln.strip()]
    return bool(lines) and all(ln[:1] in "_*" and ln.rstrip(" .,;:!?”\"'’")[-1:] in "_*" for ln in lines)


_HIS_OR_HER = lazy(r"\b(?:he|she|his|her|him)\b", re.I)


def _speaks_on(doc: Document, person: set[str], f: Finding) -> bool:
    """In an article that quotes one person by name, a quotation right after a paragraph
    about that person ("His journey to the phone was not easy.", "The goal now for Hiemstra
    and his team is …") is read as theirs."""
    if speaks_of_another(doc.source[f.span.start : f.span.start + 300]):
        return False  # the quotation speaks of someone ("She has fought …"): not theirs
    before: Block | None = None
    for b in doc.blocks:
        if b.span.start >= f.span.start:
            break
        if b.kind == HEADING:
            before = None  # a new section: its quotations start fresh
        elif b.text is not None and b.kind in (PARAGRAPH, LIST_ITEM) and not b.in_quote:
            before = b
    if before is None or before.text is None:
        return False
    if before.span.end > f.span.start:
        # the quotation's own paragraph: the sentence before it ("Messick and his team first
        # detected … “It's these …”")
        lead = doc.source[before.span.start : f.span.start].strip()
        return bool(lead) and _about(person, _last_sentence(lead))
    gap = doc.source[before.span.end : f.span.start]
    if gap.count("\n\n") > 2 and "<" not in gap:
        return False  # other paragraphs (narration, a heading) came between
    return _about(person, _last_sentence(before.text.text))


def _about(person: set[str], sentence: str) -> bool:
    """Is the sentence about the person: one of their name's words, or "he"/"she"?"""
    return bool(_HIS_OR_HER.search(sentence)) or any(re.search(r"\b" + re.escape(w) + r"\b", sentence) for w in person)


# Where a quotation running over list items or paragraphs closes: its source right after
# the closing mark, a linked or parenthesised citation or a dash credit.
_CLOSE_THEN_SOURCE = lazy(
    r"[”\"][*_]*\s*(?:\(\s*\[[^\]\n]{1,120}\]\(|\(\s*<a\s|\[[^\]\n]{1,120}\]\(|<a\s|(?:[\u2014\u2013]|--?)\s*[A-Z\[])"
)


def _closes_on_a_source(doc: Document, b: Block) -> bool:
    """Does a quotation left open in ``b`` close within the next few hundred characters
    with its source after it ("… catapult to the next stage.” ([Project Include](…)))"?"""
    rest = doc.source[b.span.end : b.span.end + 1500]
    close = re.search(r"[”\"]", rest)
    return bool(close and _CLOSE_THEN_SOURCE.match(rest, close.start()))


_QUOTED_QUESTION = lazy(r"[\s*_]*[\"“‘«][^\"“”‘’«»]{5,400}\?[\s.*_]*[\"”’»][\s*_]*(?:\([^()]{0,80}\))?[\s*_]*")


def _writes_as_i(doc: Document, scans: dict[int, QuoteScan]) -> bool:
    """Does the author write as "I" (three or more of the article's own paragraphs, a
    quarter of them or more, speak as "I" outside their quotations)?"""
    own = [b for b in doc.blocks if b.kind in (PARAGRAPH, LIST_ITEM) and not b.in_quote and b.text is not None]
    mine = 0
    for b in own:
        scan = scans.get(id(b))
        text = _outside(scan) if scan is not None and scan.quotes else b.text.text
        mine += bool(SINGULAR_I.search(text))
    return mine >= 3 and mine * 4 >= len(own)


def _question_lists(doc: Document) -> set[int]:
    """List items that are each a quoted question, in a list (one run of items, nested
    ones included) holding two or more of them and no other quotation: the questions a
    team asked or was asked (research, interview, survey questions), not remarks that
    need a speaker."""
    found: set[int] = set()
    run: list[Block] = []
    for b in [*doc.blocks, None]:
        if b is not None and b.kind == LIST_ITEM and b.text is not None:
            run.append(b)
            continue
        asks = [i for i in run if _QUOTED_QUESTION.fullmatch(i.text.text)]
        quoting = [i for i in run if any(c in i.text.text for c in '"“‘«')]
        if len(asks) >= 2 and len(asks) == len(quoting):
            found.update(id(i) for i in asks)
        run = []
    return found


def _with_no_candidate(
    doc: Document, scans: dict[int, QuoteScan], found: list[Finding], writes_as_i: bool = False
) -> list[Finding]:
    """Keep only the findings with no candidate speaker in their own paragraph or the
    units on either side, and, for a blockquote, with positive evidence that it is
    someone's words (candidates.py: precision first)."""
    if not found:
        return found
    units = _units(doc)
    index = UnitIndex(units)
    kept = []
    for f in found:
        k = index.at(f.span.start)
        if k is None:
            kept.append(f)
            continue
        kind, _b, group = units[k]
        if kind == "quote" and not plainly_speech(" ".join(blk.text.text for blk in group if blk.text)):
            continue
        if not has_candidate_speaker(doc, units, k, scans, writes_as_i):
            kept.append(f)
    return kept


def _quote_line(ctx: _Ctx, doc: Document, b: Block, scan: QuoteScan, tops: list[Quote]) -> bool:
    """A line that is a quotation of some length (feedback on a sticky note), not a
    headline: it is checked even without closing punctuation."""
    if not tops or scan.text.lstrip(" *_")[:1] not in "\"“‘'«" or _in_link(doc, b):
        return False  # a teaser: a headline in quotation marks, a link to a story
    return _quote_only(scan, _outside(scan)) and any(ctx.quotable(scan.text, q) for q in tops)


def _lone_block(ctx: _Ctx, doc: Document, b: Block, scan: QuoteScan, article: _ArticleText) -> list[Finding]:
    """Quotes of a caption, judged on the caption alone (a caption quoting the article's
    own words is a pull-out, not a remark)."""
    text = b.text.text
    tops = scan.top_level()
    if not tops:
        return []
    para = _Paragraph(ctx, doc, b, scan)
    out: list[Finding] = []
    local_ok = False
    for k, q in enumerate(tops):
        if not ctx.quotable(text, q):
            continue
        ok = (k > 0 and local_ok) or para.attributed(q)
        if not ok and (_not_speech_at(ctx, scan, q, para.sentences) or article.repeats(q.inner(text), [b])):
            continue
        if (
            not ok
            and _quote_only(scan, para.outside)
            and not _FIRST_PERSON.search(q.inner(text))
            and not _SECOND_PERSON.search(q.inner(text))
        ):
            continue  # a caption in quotation marks that describes the picture, not a remark
        local_ok = local_ok or ok
        if not ok:
            out.append(_finding(b, q))
    return out


def _finding(b: Block, q: Quote) -> Finding:
    text = b.text.text
    span = b.text.source_span(q.start, q.start + 1)
    return Finding(span, f"Quote has no identifiable speaker: {quoted(_preview(text[q.start : q.end]))}")
