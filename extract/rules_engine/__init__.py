"""The rule engine: rule files loaded, validated and compiled (ruleset, rule_files, fragments,
rule_compile, rule_types, compiled, options; a pattern's twin in `re`: twin), the backtracking guard (backtrack), boilerplate masked
by rules (clean), the Document the rules run over (document), matching and finders (engine, match,
finders; the subjects of an event's statement read from its words: subjects, body_names), and a rule's
examples run (rule_examples).
It names no field.

May import extract.base, extract.text and extract.reading.
"""
