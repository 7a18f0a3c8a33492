"""Chinese text: Traditional to Simplified with an offset map (normalise), words (segment, lexicon),
dates written in text (dates), place names (gazetteer), character helpers (textutil).

May import extract.base only.
"""
