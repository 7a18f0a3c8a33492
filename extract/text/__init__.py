"""Chinese text: Traditional to Simplified with an offset map (normalise), words (segment, lexicon),
dates written in text (dates; date_forms, numerals, years, stamps), place names (gazetteer; divisions,
place_tables), character helpers (textutil).

May import extract.base only.
"""
