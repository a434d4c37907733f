"""Metadata rules: the house schema for front matter and HTML metadata.

A site's ``metadata:`` section declares its fields (type, required, aliases, lengths,
pattern, allowed values, conditions). The schema is compiled once per options instance;
each document's fields are resolved once (``doc.view``) and shared by the rules. HTML
pages reach the same schema through the parser's canonical keys (``title``,
``description``, ``author``, ``date``, ``image``) and raw ``og:*`` / meta names.
"""

from .enum import metadata_enum
from .fields import FieldState, display_text, field_states
from .jsonld import ARTICLE_TYPES, metadata_jsonld
from .length import metadata_length
from .options import SECTION, MetadataOptions, schema_of
from .pattern import metadata_pattern
from .required import metadata_required
from .schema import (
    BODY,
    DEFAULT_FIELDS,
    DEFAULT_KNOWN,
    FIELD_TYPES,
    Condition,
    FieldSpec,
    Schema,
    SchemaError,
    compile_schema,
)
from .title_mismatch import metadata_title_mismatch, titles_agree
from .type import metadata_type, type_problem
from .unknown import metadata_unknown

__all__ = [
    "ARTICLE_TYPES",
    "BODY",
    "DEFAULT_FIELDS",
    "DEFAULT_KNOWN",
    "FIELD_TYPES",
    "SECTION",
    "Condition",
    "FieldSpec",
    "FieldState",
    "MetadataOptions",
    "Schema",
    "SchemaError",
    "compile_schema",
    "display_text",
    "field_states",
    "metadata_enum",
    "metadata_jsonld",
    "metadata_length",
    "metadata_pattern",
    "metadata_required",
    "metadata_title_mismatch",
    "metadata_type",
    "metadata_unknown",
    "schema_of",
    "titles_agree",
    "type_problem",
]

# The rules this family registers (the registry reads this tuple; a rule not listed here
# is not run). Order: the order the rules were written in.
RULES = (
    metadata_required,
    metadata_type,
    metadata_length,
    metadata_pattern,
    metadata_enum,
    metadata_title_mismatch,
    metadata_unknown,
    metadata_jsonld,
)
