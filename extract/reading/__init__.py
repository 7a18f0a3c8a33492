"""Reading inputs: files and folders listed (listing), bytes decoded (encoding), text, HTML pages, JSON
and JSON Lines read (read) into Articles (article); an HTML page's visible lines (page_lines), its
headline and article (html_text), its publication date and url (page_dates).

May import extract.base and extract.text (dates in a page header, character helpers).
"""
