"""Reading inputs: files and folders listed (listing), bytes decoded (encoding), text, HTML pages, JSON
and JSON Lines read (read, html_text) into Articles (article).

May import extract.base and extract.text (dates in a page header, character helpers).
"""
