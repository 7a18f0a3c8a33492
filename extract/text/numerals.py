"""Read numbers written in Chinese numerals (二十五, 二〇二三, 廿五, 貳拾) or ASCII digits.

Also the character classes of the numerals dates are written with, for the patterns that find them.
"""

from __future__ import annotations

__all__ = ["CN_MD", "CN_Y", "chinese_number"]

_DIGIT_CHARS = ["〇○零", "一壹", "二贰貳两兩", "三叁參", "四肆", "五伍", "六陆陸", "七柒", "八捌", "九玖"]
_DIGITS = {c: value for value, chars in enumerate(_DIGIT_CHARS) for c in chars}
_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}

# Character classes the date patterns use for numerals (the written forms dates actually use).
CN_Y = "〇○零一二三四五六七八九"  # digit-by-digit years: 二〇二三
CN_MD = "〇○零一二三四五六七八九十廿卅两兩"  # months and days: 十二, 二十五, 廿五


def chinese_number(s: str) -> int | None:
    """Read a number written in ASCII digits or Chinese numerals; None if it is not one.

    Handles positional forms (十 -> 10, 二十五 -> 25, 一百零五 -> 105), digit-by-digit forms
    (二〇二三 -> 2023), 廿/卅 (廿五 -> 25) and Traditional/financial digits (兩, 貳, 參...).
    """
    s = s.strip().replace("廿", "二十").replace("卅", "三十")
    if not s:
        return None
    if s.isascii():
        return int(s) if s.isdigit() else None
    if all(c in _DIGITS for c in s):
        return int("".join(str(_DIGITS[c]) for c in s))
    total, digit, last_unit = 0, None, 10**9
    for c in s:
        if c in _DIGITS:
            if digit:  # two non-zero digits in a row: 二三十
                return None
            digit = _DIGITS[c]
        elif c in _UNITS:
            unit = _UNITS[c]
            if unit >= last_unit or digit == 0 or (digit is None and total):
                return None
            total += (1 if digit is None else digit) * unit
            digit, last_unit = None, unit
        else:
            return None
    return total + (digit or 0)
