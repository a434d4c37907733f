"""Author bios, bylines and the names in them: the shared recogniser.

String level (no Document needed)::

    leading_name("Dr. Maya K. Okafor is ...")        -> ("Dr. Maya K. Okafor", 18)
    bio_sentence("Maya Okafor covers health ...")     -> BioSentence(name="Maya Okafor", ...)
    byline_people("By TOM KRISHER, AP Auto Writer")   -> ["Tom Krisher"]
    bio_key(text) / bio_relation(a, b)                -> comparison of two bios
    name_key("Condé  Nast") -> "conde nast";  slug_forms("Maya Okafor") -> {"mayaokafor", ...}

Document level (computed once per document through ``doc.view``)::

    document_authors(doc) -> [AuthorRef]   front matter, <meta name=author>, JSON-LD, registry
    document_bylines(doc) -> [Byline]      "By ..." lines near the top, outside quotes
    document_bios(doc)    -> [Bio]         metadata bios and bios in the body, in source order

How a bio is recognised, strongest signal first:

1. structure: a front-matter bio field (``author_bio``, ``bio``, ``authors[].bio``), a
   JSON-LD author ``description``, a block the parser typed as BIO (``class=author-bio`` ...);
2. a paragraph that opens with a person's name and a bio predicate ("<Name> is a/the ...",
   "<Name> covers ...", "<Name>, Ph.D., is ...", "<Name> joined ...") and that is wholly
   emphasised, or sits in a footer/aside, or names one of the article's authors, or closes
   the article and carries a job word (reporter, editor, writer, intern, covers ...);
3. the same opening glued to the end of a paragraph ("...options._**Jane Doe** is a ...")
   when it names an author or starts an emphasised run;
4. "Reach him at ...", "Follow Jane on Twitter ..." lines closing the article.

Not bios: italic series notes ("*This is the second post in a series*"), quotes (a
paragraph that opens with a quote mark, sits in a blockquote, or carries "said"/"told"),
and name-first sentences in the body that name nobody who wrote the article.

One job per module; each imports only from those listed above it:

    names.py          leading_name, person_name, name_key, slug_key, slug_forms,
                      same_person, looks_like_slug, resolve_name
    organisations.py  is_organisation (agencies and desks)
    bylines.py        byline_people, Byline, document_bylines
    sentences.py      BioSentence, bio_sentence, bio_end, is_contact_line
    compare.py        bio_key, bio_relation, own_part, same_sentences
    authors.py        AuthorRef, AuthorsRegistry, document_authors
    recognise.py      Bio, BIO_FIELDS, document_bios
    placement.py      template_placements (a byline teaser and the author box)

This module re-exports the public names; private ones are imported from the module that
holds them.
"""

from __future__ import annotations

from .authors import AuthorRef, AuthorsRegistry, document_authors
from .bylines import Byline, byline_people, document_bylines
from .compare import bio_key, bio_relation, own_part, same_sentences
from .names import (
    leading_name,
    looks_like_slug,
    name_key,
    person_name,
    resolve_name,
    same_person,
    slug_forms,
    slug_key,
)
from .organisations import is_organisation
from .placement import template_placements
from .recognise import BIO_FIELDS, Bio, document_bios
from .sentences import BioSentence, bio_end, bio_sentence, is_contact_line

__all__ = [
    "BIO_FIELDS",
    "AuthorRef",
    "AuthorsRegistry",
    "Bio",
    "BioSentence",
    "Byline",
    "bio_end",
    "bio_key",
    "bio_relation",
    "bio_sentence",
    "byline_people",
    "document_authors",
    "document_bios",
    "document_bylines",
    "is_contact_line",
    "is_organisation",
    "leading_name",
    "looks_like_slug",
    "name_key",
    "own_part",
    "person_name",
    "resolve_name",
    "same_person",
    "same_sentences",
    "slug_forms",
    "slug_key",
    "template_placements",
]
