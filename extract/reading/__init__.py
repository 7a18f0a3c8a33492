"""Reading inputs: files and folders listed (listing), bytes decoded (encoding; what bytes and text
look like, for choosing an encoding, in text_stats), text, HTML pages, JSON and JSON Lines read
(read, json_objects; the keys and shapes of a JSON article in json_shapes) into Articles (article);
an HTML page's visible lines (page_lines), its headline (html_text), its article's run of lines
(article_region), its publication date (page_dates) and url (page_url).

May import extract.base and extract.text (dates in a page header, character helpers).
"""
