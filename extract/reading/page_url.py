"""A page's own url (<link rel=canonical>, og:url, a browser's `saved from url=` comment) and the
date in a url's path, the last resort for a page's publication date."""

from __future__ import annotations

import datetime
import re

from selectolax.lexbor import LexborHTMLParser

_URL_META_KEYS = ("og:url", "twitter:url")
_SAVED_FROM = re.compile(r"^\s*(?:saved from url=\(\d+\))?\s*(https?://\S+)\s*$")
# A date in a url's path: /2019/05/17/, /2019-05-17/, /201905/17/, /20190517/, /t20190517_.
_URL_DATE = re.compile(
    r"/(?P<y>(?:19|20)\d\d)(?:[/-]?)(?P<m>[01]\d)(?:[/-]?)(?P<d>[0-3]\d)(?=[/_.-]|$)"
    r"|/t(?P<ty>(?:19|20)\d\d)(?P<tm>[01]\d)(?P<td>[0-3]\d)_"
)


def date_from_url(url: str | None) -> str | None:
    """The date in a url's path (`/2019/05/17/`, `/201905/t20190517_…`, `/20190517/`), or None."""
    if not url:
        return None
    path = url.split("?", 1)[0].split("#", 1)[0]
    if "://" in path:
        path = "/" + path.split("://", 1)[1].partition("/")[2]
    dated = list(_URL_DATE.finditer(path))
    for match in reversed(dated):  # the deepest date is the page's own (/2019/…/t20190517_)
        year, month, day = match["y"] or match["ty"], match["m"] or match["tm"], match["d"] or match["td"]
        try:
            return datetime.date(int(year), int(month), int(day)).isoformat()
        except ValueError:
            continue
    return None


def find_url(tree: LexborHTMLParser, metas: dict[str, str], html: str) -> str | None:
    """The page's own url: <link rel=canonical>, og:url, or a browser's `saved from url=` comment."""
    for node in tree.css("link[rel]"):
        if (node.attributes.get("rel") or "").strip().lower() == "canonical":
            href = (node.attributes.get("href") or "").strip()
            if href:
                return href
    for key in _URL_META_KEYS:
        if metas.get(key):
            return metas[key]
    return _saved_from_url(html)


def _saved_from_url(html: str) -> str | None:
    """The url in a leading `<!-- saved from url=(N)URL -->` or `<!--URL-->` comment, if any."""
    head = html[:2048].lstrip("\ufeff \t\r\n")
    if not head.startswith("<!--"):
        return None
    end = head.find("-->")
    if end < 0:
        return None
    match = _SAVED_FROM.match(head[4:end])
    return match.group(1) if match else None
