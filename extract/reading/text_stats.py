"""What bytes and decoded text look like, for deciding their encoding: valid UTF-8 and lines of
Chinese in it, the share of Han characters, and the share of a standard's common characters (GB2312's
and Big5's first levels), which tells text read in its own encoding from text read in another."""

from __future__ import annotations

import re

__all__ = [
    "BIG5_COMMON",
    "CHINESE",
    "COMMON",
    "GB2312_COMMON",
    "NOT_CHINESE",
    "RARE",
    "common_share",
    "decode_or_none",
    "han_share",
    "has_utf8_lines",
    "is_utf8",
    "non_ascii_count",
]


def has_utf8_lines(data: bytes) -> bool:
    """True if some line of `data` holds Chinese in UTF-8 (where the whole file is not): two Han
    characters or more, which GBK or Big5 bytes never make as valid UTF-8 but by rare chance."""
    return any(
        _NON_ASCII_BYTE.search(line) and is_utf8(line) and len(_HAN.findall(line.decode("utf-8"))) >= 2
        for line in data.split(b"\n")
    )


_NON_ASCII_BYTE = re.compile(rb"[\x80-\xff]")


def is_utf8(data: bytes) -> bool:
    """True if `data` is valid UTF-8 throughout."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


# The common characters of each standard, by their code ranges: GB2312's first level (3755
# characters, B0A1-D7F9) and Big5's (5401, A440-C67E). Chinese text in the right encoding is
# nine tenths or more such characters, even Traditional text in GBK over half; Big5 bytes read as
# GBK a quarter or less (rare characters, kana, private use). Counted over the first characters of
# the text, where there are enough of them.
GB2312_COMMON = (0xB0A1, 0xD7F9)
BIG5_COMMON = (0xA440, 0xC67E)
RARE = 0.4  # under it, text is in another encoding than the one it was read in
COMMON = 0.7  # at or over it, text is in the encoding it was read in
_MIN_CJK = 20
_CJK_SAMPLE = 2000


# East Asian characters but punctuation and full-width forms: Han, kana, private use, symbols.
_WIDE = re.compile("[\u2e80-\u2fff\u3040-\ufeff\U00010000-\U0010ffff]")


def common_share(text: str, encoding: str, common: tuple[int, int]) -> float:
    """The share of `encoding`'s common characters among the wide characters (Han, kana, private
    use: not punctuation) at the start of `text`; 1.0 when there are too few to tell."""
    cjk = [c for c in text[: _CJK_SAMPLE * 4] if _WIDE.match(c)][:_CJK_SAMPLE]
    if len(cjk) < _MIN_CJK:
        return 1.0
    hits = 0
    for c in cjk:
        try:
            code = int.from_bytes(c.encode(encoding), "big")
        except UnicodeEncodeError:
            continue
        hits += common[0] <= code <= common[1]
    return hits / len(cjk)


def decode_or_none(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
_NON_ASCII = re.compile(r"[^\x00-\x7f\s]")
NOT_CHINESE = 0.3  # below this share of Han characters among the others, a text is not Chinese
CHINESE = 0.6  # at or above it, it is
_SHARE_SAMPLE = 20_000


def han_share(text: str) -> float:
    """The share of Han characters among the non-ASCII, non-space characters of (the start of) `text`."""
    sample = text[:_SHARE_SAMPLE]
    others = len(_NON_ASCII.findall(sample))
    return len(_HAN.findall(sample)) / others if others else 0.0


def non_ascii_count(text: str) -> int:
    """How many characters of `text` are neither ASCII nor space."""
    return len(_NON_ASCII.findall(text))
