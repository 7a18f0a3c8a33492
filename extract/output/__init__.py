"""Output: the record and its evidence as types (record), their JSON text (jsontext, rendered), doc ids
(ids), files written in few system calls or atomically (files), the out/ folder (output) and exports
(export).

May import extract.base, extract.text, extract.reading, extract.rules_engine and extract.resolve (today
it needs none of them).
"""
