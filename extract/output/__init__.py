"""Output: the record and its evidence as types (record), their JSON text (jsontext, rendered), doc ids
(ids), the out/ folder written atomically (output) and exports (export).

May import extract.base, extract.text, extract.reading, extract.rules_engine and extract.resolve (today
it needs none of them).
"""
