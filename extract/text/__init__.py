"""Chinese text: Traditional to Simplified with an offset map (normalise), words (segment, lexicon),
persons, organisations and places from a trained model, with --entities (entities, lac_model),
dates written in text (dates; date_forms, numerals, years, stamps), place names (gazetteer; divisions,
place_tables), character helpers (textutil).

May import extract.base only.
"""
