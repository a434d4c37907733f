"""Declarative rules: YAML rule packs whose rules become ordinary :class:`Rule` objects.

One module per check type (``existence``, ``substitution``, ``consistency``,
``occurrence``, ``capitalization``, ``conditional``), the shared base in ``common``, and
``packs`` (loading, validation, docs, examples as tests). This package declares no rules
itself; the registry adds pack rules through :func:`packs.pack_rules_for_registry`.
"""
