"""Reading inputs: files and folders, encodings, HTML pages and JSON Lines (read, html_text), into
Articles (article).

May import extract.base and extract.text (dates in a page header, character helpers).
"""
