"""Calendar knowledge for the temporal tagger: holidays, clock times, years in words.

Pure functions and constant tables; the tagger (``_extract/time.py``) finds the words and
asks here what day, hour or year they name.

>>> holiday_date("Easter Monday", 2019), holiday_date("Thanksgiving", 2016)
(datetime.date(2019, 4, 22), datetime.date(2016, 11, 24))
>>> clock_of("3:15 p.m."), clock_of("0815"), clock_of("noon"), clock_of("7:56:30 pm")
('15:15', '08:15', '12:00', '19:56:30')
>>> spelled_year("nineteen ninety-six"), spelled_year("two thousand and fifteen")
(1996, 2015)
"""

from __future__ import annotations

import datetime as dt
import re

# No stubs ship with python-dateutil (types-python-dateutil is not a declared dev dependency).
from dateutil.easter import easter  # type: ignore[import-untyped]

__all__ = [
    "DAY_ORDINAL",
    "DAY_WORD",
    "HOLIDAY",
    "HOUR_WORD",
    "MINUTE_WORD",
    "SPELLED_YEAR",
    "clock_of",
    "day_number",
    "holiday_date",
    "spelled_year",
    "word_number",
]

# Fixed-date holidays: (month, day). Names lower case, apostrophes dropped.
_FIXED = {
    "christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
    "boxing day": (12, 26), "new years day": (1, 1), "new year day": (1, 1),
    "new years eve": (12, 31), "independence day": (7, 4), "fourth of july": (7, 4),
    "4th of july": (7, 4), "halloween": (10, 31), "valentines day": (2, 14),
    "st patricks day": (3, 17), "st. patricks day": (3, 17), "saint patricks day": (3, 17),
    "saint patrick": (3, 17), "st patrick": (3, 17), "earth day": (4, 22),
    "may day": (5, 1), "international workers day": (5, 1), "cinco de mayo": (5, 5),
    "veterans day": (11, 11), "armistice day": (11, 11), "remembrance day": (11, 11),
    "bastille day": (7, 14), "australia day": (1, 26), "canada day": (7, 1),
}  # fmt: skip
# Holidays on the n-th weekday of a month: (month, weekday, n); n = -1 is the last.
_NTH = {
    "thanksgiving": (11, 3, 4), "thanksgiving day": (11, 3, 4), "labor day": (9, 0, 1),
    "memorial day": (5, 0, -1), "martin luther king day": (1, 0, 3), "mlk day": (1, 0, 3),
    "presidents day": (2, 0, 3), "columbus day": (10, 0, 2), "mothers day": (5, 6, 2),
    "fathers day": (6, 6, 3),
}  # fmt: skip
# Days counted from Easter Sunday.
_EASTER = {
    "easter": 0, "easter sunday": 0, "easter day": 0, "easter monday": 1, "good friday": -2,
    "holy saturday": -1, "maundy thursday": -3, "palm sunday": -7, "ash wednesday": -46,
    "pentecost": 49, "whit monday": 50, "ascension day": 39,
}  # fmt: skip
_APOS = r"['’]?"
#: A holiday name (match case-insensitively; the caller keeps "May Day" capitalised).
HOLIDAY = (
    r"(?:Christmas(?:[ \t]+(?:Eve|Day))?|Boxing[ \t]+Day|New[ \t]+Year" + _APOS
    + r"s?[ \t]+(?:Day|Eve)|Independence[ \t]+Day|(?:the[ \t]+)?(?:Fourth|4th)[ \t]+of[ \t]+July"
    r"|Halloween|Valentine" + _APOS + r"s[ \t]+Day|(?:St\.?|Saint)[ \t]+Patrick"
    + _APOS + r"s(?:[ \t]+Day)?|Saint[ \t]+Patrick|Earth[ \t]+Day|International[ \t]+Workers"
    + _APOS + r"[ \t]+Day|Cinco[ \t]+de[ \t]+Mayo|Veterans" + _APOS + r"[ \t]+Day"
    r"|Armistice[ \t]+Day|Remembrance[ \t]+Day|Bastille[ \t]+Day|Australia[ \t]+Day"
    r"|Canada[ \t]+Day|Thanksgiving(?:[ \t]+Day)?|Black[ \t]+Friday|Labou?r[ \t]+Day"
    r"|Memorial[ \t]+Day|Martin[ \t]+Luther[ \t]+King(?:[ \t]+Jr\.?)?[ \t]+Day|MLK[ \t]+Day"
    r"|Presidents" + _APOS + r"[ \t]+Day|Columbus[ \t]+Day|Mother" + _APOS + r"s[ \t]+Day"
    r"|Father" + _APOS + r"s[ \t]+Day|Easter(?:[ \t]+(?:Sunday|Monday|Day))?|Good[ \t]+Friday"
    r"|Holy[ \t]+Saturday|Maundy[ \t]+Thursday|Palm[ \t]+Sunday|Ash[ \t]+Wednesday"
    r"|Pentecost|Whit[ \t]+Monday|Ascension[ \t]+Day)"
)

_UNITS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_TEENS = ("ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
          "seventeen", "eighteen", "nineteen")  # fmt: skip
_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_WORD_VALUE = {
    **{w: i for i, w in enumerate(_UNITS, start=1)},
    **{w: i for i, w in enumerate(_TEENS, start=10)},
    **{w: i for i, w in enumerate(_TENS, start=2)},
}
_UNIT_RX = "(?:" + "|".join(_UNITS) + ")"
_TWO_DIGIT_RX = (
    "(?:(?:" + "|".join(_TENS) + r")(?:[ \t-]" + _UNIT_RX + ")?|" + "|".join(_TEENS) + ")"
)
#: A year in words: "nineteen ninety-six", "nineteen hundred ninety three", "two thousand
#: and fifteen" ("twenty one" is a number, not 2001: a century word needs two digits after).
SPELLED_YEAR = (
    r"(?:(?:seventeen|eighteen|nineteen|twenty)[ \t]+(?:hundred[ \t]+(?:and[ \t]+)?"
    + r"(?:" + _TWO_DIGIT_RX + "|" + _UNIT_RX + r")|" + _TWO_DIGIT_RX + r")"
    r"|two[ \t]+thousand(?:[ \t]+(?:and[ \t]+)?(?:" + _TWO_DIGIT_RX + "|" + _UNIT_RX + r"))?)"
)
_CLOCK = re.compile(
    r"(?P<h>\d{1,2})(?:[:.](?P<m>\d\d)(?::(?P<s>\d\d))?|(?P<m4>\d\d)(?=\D|$))?"
    # "p.m.", "pm", "p . m ." but not the P of "PST" nor the A of "AEST"
    r"[ \t]*(?:(?P<ap>[ap])(?=[ \t.]*m\b))?",
    re.IGNORECASE,
)


_ORDINAL_UNITS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
                  "ninth")  # fmt: skip
_ORDINAL_TEENS = ("tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth",
                  "sixteenth", "seventeenth", "eighteenth", "nineteenth")  # fmt: skip
_ORDINAL_VALUE = {
    **{w: i for i, w in enumerate(_ORDINAL_UNITS, start=1)},
    **{w: i for i, w in enumerate(_ORDINAL_TEENS, start=10)},
    "twentieth": 20, "thirtieth": 30,
}  # fmt: skip
_ORD_UNIT_RX = "(?:" + "|".join(_ORDINAL_UNITS) + ")"
#: A day of the month in words, ordinal or cardinal: "first", "twenty-second", "thirty
#: first", "eleventh", "twenty nine", "fifteen" (1-31; match case-insensitively).
DAY_WORD = (
    r"(?:(?:twenty|thirty)(?:[ \t-]" + _ORD_UNIT_RX + r"|[ \t-]" + _UNIT_RX + r")?"
    r"|twentieth|thirtieth|" + "|".join(_ORDINAL_TEENS) + "|" + "|".join(_ORDINAL_UNITS)
    + "|" + "|".join(_TEENS) + "|" + _UNIT_RX + ")"
)
#: A day of the month as an ordinal in words only: "first", "twenty-second", "thirty first"
#: (not "fifteen": "the fifteen" is no day).
DAY_ORDINAL = (
    r"(?:(?:twenty|thirty)[ \t-]" + _ORD_UNIT_RX + r"|twentieth|thirtieth|"
    + "|".join(_ORDINAL_TEENS) + "|" + "|".join(_ORDINAL_UNITS) + ")"
)
#: An hour in words ("one" .. "twelve").
HOUR_WORD = r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
#: Minutes past the hour in words, 10-59 ("thirty", "twenty-seven", "forty five"), or "oh
#: five" (1-9).
MINUTE_WORD = (
    r"(?:(?:twenty|thirty|forty|fifty)(?:[ \t-]" + _UNIT_RX + r")?|" + "|".join(_TEENS)
    + r"|oh[ \t]" + _UNIT_RX + ")"
)


def word_number(words: str) -> int | None:
    """Return the number (1-59) a cardinal or ordinal in words names ("twenty-second" -> 22).

    >>> word_number("twenty-second"), word_number("thirty one"), word_number("eleventh")
    (22, 31, 11)
    """
    total = 0
    for w in re.split(r"[\s-]+", words.lower()):
        if w in ("", "oh"):
            continue
        value = _ORDINAL_VALUE.get(w)
        if value is None:
            value = 10 * _WORD_VALUE[w] if w in _TENS else _WORD_VALUE.get(w)
        if value is None:
            return None
        total += value
    return total or None


def day_number(word: str) -> int | None:
    """Return the day of the month a word or figure names ("21st", "twenty first" -> 21)."""
    digits = re.match(r"\d+", word)
    n = int(digits.group()) if digits else word_number(word)
    return n if n is not None and 1 <= n <= 31 else None


def holiday_date(name: str, year: int) -> dt.date | None:
    """Return the day ``name`` falls on in ``year`` (None for an unknown name)."""
    key = " ".join(re.sub(r"['’]", "", name.lower()).split())
    key = re.sub(r"^the ", "", key).replace("labour", "labor").replace(" jr. ", " ").replace(
        " jr ", " ")
    if key in _FIXED:
        month, day = _FIXED[key]
        return dt.date(year, month, day)
    if key in _EASTER:
        out: dt.date = easter(year) + dt.timedelta(days=_EASTER[key])
        return out
    if key == "black friday":
        thanksgiving = holiday_date("thanksgiving", year)
        return thanksgiving + dt.timedelta(days=1) if thanksgiving else None
    if key in _NTH:
        return _nth_weekday(year, *_NTH[key])
    return None


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    if n > 0:
        first = dt.date(year, month, 1)
        return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    last = dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
    return last - dt.timedelta(days=(last.weekday() - weekday) % 7)


def clock_of(text: str) -> str | None:
    """Return a clock time as "HH:MM" (or "HH:MM:SS"), 24-hour when a.m./p.m. says so."""
    low = " ".join(text.lower().split())
    if "noon" in low or "midday" in low:
        return "12:00"
    if "midnight" in low:
        return "00:00"
    m = _CLOCK.match(low)
    if m is None:
        return None
    hour = int(m["h"])
    minute = m["m"] or m["m4"] or "00"
    if m["ap"]:
        hour = hour % 12 + (12 if m["ap"] == "p" else 0)
    if hour > 23 or int(minute) > 59:
        return None
    return f"{hour:02d}:{minute}" + (f":{m['s']}" if m["s"] else "")


def spelled_year(words: str) -> int | None:
    """Return the year a spelled-out year names ("nineteen ninety six" -> 1996)."""
    parts = [w for w in re.split(r"[\s-]+", words.lower()) if w and w != "and"]
    if len(parts) >= 2 and parts[:2] == ["two", "thousand"]:
        return 2000 + _two_digits(parts[2:])
    if not parts or parts[0] not in _WORD_VALUE:
        return None
    century = _WORD_VALUE[parts[0]] if parts[0] != "twenty" else 20
    rest = parts[1:]
    if rest[:1] == ["hundred"]:
        rest = rest[1:]
    return century * 100 + _two_digits(rest)


def _two_digits(parts: list[str]) -> int:
    total = 0
    for w in parts:
        if w in _TENS:
            total += 10 * _WORD_VALUE[w]
        else:
            total += _WORD_VALUE.get(w, 0)
    return total
