"""The temporal tagger: dates, weekdays, relative and ordinal expressions (issue 5).

Every expression is found by a small regular expression over one sentence, keeps its exact
offsets in ``Article.text``, and is then resolved against the article's *reference date*:

1. ``Article.published`` when the reader found it ("published");
2. else a full date on a metadata line at the head of the article, which analysis otherwise
   skips ("dateline");
3. else the latest full date written in the article ("latest date in the article"). That
   date only bounds publication from below, so expressions that look back from the
   publication day (bare past weekdays, "yesterday", "last week") stay unresolved; those
   that look forward ("set for Tuesday") resolve to the first such day after it.

Why not a general date search: dateparser's ``search_dates`` (measured on the seed
articles) returns no offsets, reads "we" as Wednesday and the tank "T-64" as the year
2064, turns durations ("in just seven days") into dates and, given "Tuesday (Mar 28)",
silently lets the date win over the contradicting weekday. So the tagger here decides
*what* is a time expression and keeps weekday and date apart; python-dateutil parses the
date strings the tagger found and does the weekday arithmetic (``relativedelta``).

Direction follows the grammar: "set for Tuesday", "will meet on Tuesday", "Tuesday's talks
will" look forward; anything else (news is written in the past tense: "met on Thursday")
looks back within the week, the reference day included. "last Monday" is strictly before,
"next Monday" strictly after. What cannot be resolved keeps ``value=None``.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import operator
import re
from collections.abc import Iterator
from itertools import chain

import attrs

# No stubs ship with python-dateutil (types-python-dateutil is not a declared dev dependency).
from dateutil import parser as du_parser  # type: ignore[import-untyped]
from dateutil.relativedelta import relativedelta, weekday  # type: ignore[import-untyped]

from discrep._config import Config
from discrep._extract._calendar import (
    DAY_ORDINAL,
    DAY_WORD,
    HOLIDAY,
    HOUR_WORD,
    MINUTE_WORD,
    SPELLED_YEAR,
    clock_of,
    day_number,
    holiday_date,
    spelled_year,
    word_number,
)
from discrep._lexicon import MONTH, WEEKDAYS, compile_spaced
from discrep._memo import memo
from discrep._model import (
    REF_DATELINE,
    REF_LATEST,
    REF_PUBLISHED,
    Article,
    DatePoint,
    Sentence,
    TimeAnchor,
    TimeExpr,
)

__all__ = [
    "REF_DATELINE",
    "REF_LATEST",
    "REF_PUBLISHED",
    "WEEKDAYS",
    "ordinal_anchor",
    "ordinal_day_of",
    "starting_in",
    "tag_times",
    "times_in",
    "weekday_index",
]



_YEAR = r"(?:1[89]\d\d|20\d\d)"
# The year after a day and month: "March 3, 2022", "Dec. 31 , 1994", "July 4th of 1995",
# "28 June in 2020", "13 Sept nineteen seventy-two".
# "April of 87", "15 April of '87": a year in two figures, only after "of" and before a
# clause end ("April of 87 people" is a count).
_YY_TAIL = r"[ \t]+of[ \t]+['’]?(?P<yy>\d\d)\b(?![ \t]*[\w%]|[.,]\d)"
_YEAR_TAIL = (
    rf"(?:(?:[ \t]*,)?[ \t]+(?:(?:of|in)[ \t]+)?(?:(?P<year>{_YEAR})\b"
    rf"|(?P<wyear>{SPELLED_YEAR})\b)|{_YY_TAIL})?"
)
# "March 3, 2022", "Mar 28", "Feb. 22", "Dec. 20 2005", "March 3rd", "Dec31"; a number
# beside the month makes "may 5" a date in any case.
_MDY = compile_spaced(
    rf"(?=[jfmasond])\b(?P<month>{MONTH})(?:\.?[ \t]+|(?<=[a-z])(?=\d)"
    r"|,[ \t]+(?=[0-3]?\d(?:st|nd|rd|th)\b))"
    rf"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\b(?![:.]\d){_YEAR_TAIL}",
    re.IGNORECASE,
)
# The dot after an abbreviated month ("3 Dec."), not the full stop after "19 June."
_ABBR_DOT = r"(?:(?<![a-z]{4})(?<!may)\.|(?<=sept)\.)?"
# "3 March", "3rd of March 2022" (not "$12 December", not the "31" of "6,107.31 August")
_DMY = compile_spaced(
    rf"(?=[0-9])(?<![$£€.,\d])(?<![$£€][ \t])\b(?P<day>[0-3]?\d)(?:st|nd|rd|th)?[ \t]+(?:of[ \t]+)?"
    rf"(?P<month>{MONTH})\b{_ABBR_DOT}{_YEAR_TAIL}",
    re.IGNORECASE,
)
# Days in words, as said aloud: "May twenty nine", "february twenty second", "the second of
# Aug.", "twenty five January nineteen eighty six", "the twenty third day of September".
# "May" must be capitalised here ("they may twenty ..." is a verb).
_MONTH_NAME = rf"(?:(?-i:May)|(?!may\b){MONTH})"
# Each form opens with a lookahead on its first character (the regex engine then skips to
# candidates), and is tried only in sentences holding a number word (_SPOKEN_KEYS).
_SPOKEN_MDY = compile_spaced(
    rf"(?=[jfmasond])\b(?P<month4>{_MONTH_NAME})\.?[ \t]+(?:the[ \t]+)?(?P<day4>{DAY_WORD})"
    rf"\b(?![ \t-](?:hundred|thousand)\b){_YEAR_TAIL}",
    re.IGNORECASE,
)
_SPOKEN_DMY = compile_spaced(
    rf"(?=[otfsenw])\b(?:the[ \t]+)?(?P<day5>{DAY_WORD})[ \t]+(?:day[ \t]+)?(?:of[ \t]+)?"
    rf"(?P<month5>{_MONTH_NAME})\b{_YEAR_TAIL}",
    re.IGNORECASE,
)
# Month names with hyphens or slashes: "05-Aug-2016", "23/Sep/2020", "2019/aug/01",
# "Oct/2", "Jun-15" (a named month: no day-month order to guess).
_SEP_DATE = compile_spaced(
    rf"\b(?:(?P<day>[0-3]?\d)(?P<s1>[-/])(?P<month>{MONTH})(?P=s1)(?P<year>{_YEAR})"
    rf"|(?P<year2>{_YEAR})(?P<s2>[-/])(?P<month2>{MONTH})(?P=s2)(?P<day2>[0-3]?\d)"
    rf"|(?P<month3>{MONTH})[-/](?P<day3>[0-3]?\d)(?![-/]?\d))\b",
    re.IGNORECASE,
)
# "Dec-2018", "Dec/2018": a month and a year joined.
_SEP_MONTH = compile_spaced(
    rf"(?=[jfmasond])\b(?P<month>{MONTH})[-/](?P<year>{_YEAR})\b", re.IGNORECASE
)


def _year_led(before: str) -> str:
    r"""Return ``_YEAR`` with ``before`` (lookbehinds at its start) tested after its first digit.

    Each lookbehind is widened by that digit (``(?<!\w)`` -> ``(?<!\w.)``): the same
    matches, but the pattern opens with a literal "1" or "2", and a search skips to those
    characters in C instead of trying every position (the whole-text scans for ISO dates
    and years took 18-19 ms on the ECB+ articles, 8 ms each this way).
    """
    return rf"(?:1{before}[89]\d\d|2{before}0\d\d)"


_ISO = compile_spaced(
    r"(?P<year>" + _year_led(r"(?<!\w.)") + r")-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b"
)
# "20220304" alone on a line (a scraped dateline)
_COMPACT = compile_spaced(rf"^[ \t]*(?P<all>{_YEAR}[01]\d[0-3]\d)[ \t]*$", re.MULTILINE)
_WEEKDAY = compile_spaced(
    r"(?=[lntcupfmws])"
    r"\b(?:(?P<mod>last|next|this(?:[ \t]+(?:past|coming|upcoming))?|coming|upcoming|past"
    r"|previous|following)[ \t]+)?"
    r"(?P<wd>(?i:monday|tuesday|wednesday|thursday|friday|saturday|sunday))(?P<poss>['’]s)?\b",
    re.IGNORECASE,
)
# "Monday 21", "Sun 14th", "tues the 4th": a weekday and a day of the month, no month.
_WEEKDAY_DAY = compile_spaced(
    r"(?=[mtwfs])\b(?P<wd>mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|rsday|urday)?\.?"
    rf"[ \t]+(?:(?:the[ \t]+)?(?P<day>[0-3]?\d)(?:st|nd|rd|th)?|the[ \t]+(?P<dayw>{DAY_WORD}))\b"
    rf"(?![ \t]+(?:of[ \t]+)?{MONTH}\b|[:.,]?\d|[ \t]*(?:[ap]\.?m\b|%|-)"
    rf"|[ \t]+(?!around\b|about\b|{HOUR_WORD}[ \t]*[ap][ \t.]*m\b)[a-z]{{3,}})",
    re.IGNORECASE,
)
_COUNT = r"(?:\d{1,2}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
_RELATIVE = compile_spaced(
    r"(?=[ytlnpceaofs0-9])"
    r"\b(?:(?P<day>(?:yesterday|tomorrow)(?:[ \t]+(?:morning|afternoon|evening|night))?"
    r"|today|tonight|this[ \t]+(?:morning|afternoon|evening)|last[ \t]+night)"
    r"|(?P<mod>last|next|this|past|coming|earlier[ \t]+this|later[ \t]+this)[ \t]+"
    r"(?P<unit>week|weekend|month|(?:calendar[ \t]+)?year)"
    rf"|(?P<n>{_COUNT})"
    r"[ \t-]+(?P<nunit>days?|weeks?|fortnights?|months?|years?|decades?)[ \t-]+"
    r"(?P<dir>ago|earlier|later|from[ \t]+now|hence))\b",
    re.IGNORECASE,
)
# "in two weeks", "in a fortnight": a span counted forward from the reference day.
_IN_UNITS = compile_spaced(
    rf"(?=[iI])\bin[ \t]+(?P<n>{_COUNT})[ \t]+(?P<nunit>days?|weeks?|fortnight|months?|years?)\b"
    r"(?![ \t]+(?:ago|earlier|later|since|of|from|after|before)\b)",
    re.IGNORECASE,
)
# What makes "in two years" a span, not a date: "the first time in two years", "the highest
# in five years", "for the first time in a decade".
_SPAN_CUE = compile_spaced(r"\b(?:time|first|ever|record|\w+est)[ \t]*\Z", re.IGNORECASE)
# "three days after Christmas", "two weeks from tomorrow": a count before another expression.
_OFFSET_BEFORE = compile_spaced(
    rf"\b(?P<n>{_COUNT})[ \t-]+(?P<nunit>days?|weeks?|fortnights?|months?|years?)[ \t]+"
    r"(?P<rel>from|after|before)[ \t]+\Z",
    re.IGNORECASE,
)
_HOLIDAY = compile_spaced(
    r"\b(?:(?P<mod>last|next|previous|following|this)[ \t]+)?"
    rf"(?P<name>{HOLIDAY})(?![\w'’])(?:(?:[ \t]*,)?[ \t]+(?:of[ \t]+)?(?P<year>{_YEAR})\b"
    r"|[ \t]+of[ \t]+(?P<this>this|last|next)[ \t]+year\b)?",
    re.IGNORECASE,
)
_MONTH_FULL = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December)"
)
# "the end of the year", "end of this month", "the middle of 2000", "year-end", "the
# beginning of March" (a capitalised month: "the end of may" is rare, "may" a verb)
_EDGE = compile_spaced(
    r"(?=[ebsmty])\b(?:(?P<pos>end|beginning|start|middle|turn)[ \t]+of[ \t]+(?:the[ \t]+)?"
    rf"(?:(?P<mod>this|last|next)[ \t]+)?(?:(?P<unit>year|month)|(?P<year>{_YEAR})"
    rf"|(?P<month>(?-i:{_MONTH_FULL}))(?![ \t]+[0-3]?\d\b)(?:,?[ \t]+(?P<myear>{_YEAR}))?)"
    r"|(?P<unit2>year|month)[ -](?P<pos2>end))\b(?![-\w])",
    re.IGNORECASE,
)
# "end of day", "the end of the day": the reference day's end (not the idiom "at the end of
# the day", which _keep drops).
_DAY_END = compile_spaced(
    r"(?=[tTeE])\b(?:the[ \t]+)?end[ \t]+of[ \t]+(?:the[ \t]+)?day\b(?![-\w])", re.IGNORECASE
)
# "end of tomorrow", "the end of this Sunday": before a day, its end.
_DAY_END_BEFORE = compile_spaced(
    r"\b(?:the[ \t]+)?end[ \t]+of[ \t]+(?:the[ \t]+)?\Z", re.IGNORECASE
)
_AT_BEFORE = compile_spaced(r"\bat[ \t]+\Z", re.IGNORECASE)
# "on the 18th", "the 15th day of next month", "the thirty-first day of the month", "the 15th
# day of June": a day of the month by its ordinal alone. A bare one only before a clause
# end ("the 18th century" is no day) and after a preposition (see _keep).
_ORD_DAY = compile_spaced(
    rf"(?=[Tt])\bthe[ \t]+(?P<n>(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)|{DAY_ORDINAL})"
    r"(?:[ \t]+day[ \t]+of[ \t]+(?:(?P<mod>this|next|last)[ \t]+month|(?P<the>the)[ \t]+month"
    rf"|(?P<month>(?-i:{_MONTH_FULL})))\b|(?=[ \t]*(?:[.,;:!?)]|\Z)))",
    re.IGNORECASE,
)
# "the third month of 2021", "the 9th month of next year"
_ORD_MONTH = compile_spaced(
    r"(?=[Tt])\bthe[ \t]+(?P<n>1[0-2]th|11th|12th|[1-9](?:st|nd|rd|th)|first|second|third|fourth"
    r"|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth)[ \t]+month[ \t]+of[ \t]+"
    rf"(?:(?P<year>{_YEAR})|(?P<mod>this|next|last)[ \t]+year)\b",
    re.IGNORECASE,
)
_ORD_DAY_PREP = compile_spaced(
    r"\b(?:on|by|until|till|since|before|after|from|of|for)[ \t]+\Z", re.IGNORECASE
)
# "mid-1998", "early 2016", "late 1990", "calendar year 2008", "the year 2011"
_MOD_YEAR = compile_spaced(
    r"(?=[emlcy])"
    rf"\b(?:(?P<mod>early|mid|late)[ \t-]+|(?:calendar[ \t]+)?year[ \t]+)(?P<year>{_YEAR})\b"
    r"(?![\w%/-])",
    re.IGNORECASE,
)
# "fiscal 2015", "fiscal year 2014-15", "FY2016": a fiscal year is not the calendar year.
_FISCAL = compile_spaced(
    rf"\b(?:(?i:fiscal)(?:[ \t]+(?i:year))?[ \t]+|FY[ \t-]?)(?P<year>{_YEAR}|\d\d)"
    r"(?:[-/–](?P<year2>\d\d(?:\d\d)?))?\b"
)
# "nineteen ninety-six", "in two thousand and fifteen"
_WORD_YEAR = compile_spaced(rf"\b(?P<wyear>{SPELLED_YEAR})\b", re.IGNORECASE)
_ZONE = (
    r"(?:(?-i:[A-Z]{1,3}T|IST|UTC|GMT|MSK|CET|EET|Z)|local[ \t]+time"
    r"|(?:eastern|central|mountain|pacific)(?:[ \t]+(?:standard|daylight))?[ \t]+time"
    r"(?:[ \t]*zone)?|(?:eastern|central|mountain|pacific)[ \t]+timezone)"
)
# "p.m." keeps its last dot; "pm." does not (the dot ends the sentence)
_AP = r"[ \t]?(?P<ap{n}>[ap])(?:\.m\b\.?|m\b)"
# "07:15", "3:15 p.m.", "7:56:30 pm", "8.30pm", "1140 a.m.", "0815 GMT", "noon", "midnight"
# Patterns scanned over the whole text open with a lookahead on their first character: the
# regex engine then skips to candidate characters (3x faster on _TIME, measured on ECB+).
_TIME = compile_spaced(
    r"(?=[0-9])\b(?:(?P<h>[01]?\d|2[0-3]):(?P<m>[0-5]\d)(?::[0-5]\d)?(?:" + _AP.format(n="") + ")?"
    r"|(?:1[0-2]|0?[1-9])(?:\.[0-5]\d)?" + _AP.format(n="2")
    + r"|(?:1[0-2]|0?[1-9])[0-5]\d" + _AP.format(n="3")
    + rf"|(?:[01]\d|2[0-3])[0-5]\d(?=[ \t]+{_ZONE}))"
    # "17:06 hours local time"
    rf"(?:(?:[ \t]+(?:hours|hrs))?[ \t]+(?P<zone>{_ZONE})\b)?",
    re.IGNORECASE,
)
# "noon", "12 noon", "midnight" (apart from _TIME, which then starts with a digit only: the
# regex engine skips to digits instead of trying every word)
_NOON = compile_spaced(
    rf"\b(?:12[ \t]+)?(?:noon|midnight)\b(?:[ \t]+(?P<zone>{_ZONE})\b)?", re.IGNORECASE
)
# Clock times said in words: "half past seven", "a quarter to nine", "20 min past eight in
# the evening", "10 o'clock", "seven p . m .", "nine thirty", "one in the morning". A form
# with no a.m./p.m., no o'clock and no part of the day ("nine thirty", "at 5") is weak: kept
# only when it joins a day ("tomorrow at seven twenty-seven", "Sat at 5").
_SPOKEN_AP = r"(?:[ \t]*(?P<ap>[ap])[ \t]*(?:\.[ \t]*m\b(?:[ \t]*\.)?|m\b))"
_SPOKEN_AP_CUE = _SPOKEN_AP.replace("?P<ap>", "")
_SPOKEN_PART = (
    r"(?:[ \t]+(?:(?:early|late)[ \t]+)?(?:in[ \t]+the[ \t]+)?(?P<part>morning|afternoon|evening)"
    r"|[ \t]+at[ \t]+(?P<night>night))"
)
_SPOKEN_TIME = compile_spaced(
    r"(?=[iahqtfesnow0-9])"
    rf"\b(?:in[ \t]+the[ \t]+(?P<part0>morning|afternoon|evening)[ \t]+(?:at[ \t]+)?)?"
    rf"(?:(?P<mw>{MINUTE_WORD}|half|(?:a[ \t]+)?quarter|[1-5]?\d)(?:[ \t]+(?:minutes?|min))?"
    rf"[ \t]+(?P<rel>past|to|after)[ \t]+(?P<h1>{HOUR_WORD}|1[0-2]|0?[1-9])\b"
    rf"|(?P<h2>{HOUR_WORD}|1[0-2]|0?[1-9])[ \t]*(?P<oclock>o['’]?[ \t]?clock)"
    rf"|(?P<h3>{HOUR_WORD})[ \t-](?P<m3>{MINUTE_WORD})\b"
    rf"|(?P<h4>{HOUR_WORD}|1[0-2]|0?[1-9])(?={_SPOKEN_AP_CUE}|[ \t]+in[ \t]+the[ \t]+"
    r"(?:morning|afternoon|evening)\b)"
    r"|(?:(?<=at[ \t])|(?<=around[ \t]))(?P<h5>1[0-2]|0?[1-9])\b(?![:.]?\d|[ \t]*%))"
    rf"(?:[ \t]*o['’]?[ \t]?clock)?{_SPOKEN_AP}?{_SPOKEN_PART}?",
    re.IGNORECASE,
)
# A strong form holds one of these keys; a weak one is only tried right after a day (keying
# the whole pattern on hour and day words made the tagger 25% slower on ECB+, measured).
_SPOKEN_TIME_KEYS = ("past", "clock", "quarter", "half", "morning", "afternoon", "evening",
                     "night", " pm", "p.m", "a.m", " p m", " p .")  # fmt: skip
# Between a day and a weak clock time after it: "Sat at 5", "tonight around 7".
_WEAK_CLOCK_GAP = compile_spaced(r"(?:[ \t]*,)?[ \t]+(?:(?:at|around|about)[ \t]+)?",
                                 re.IGNORECASE)
_DAY_KINDS = frozenset({"date", "weekday", "relative", "weekday_day", "holiday"})
# A four-digit year anywhere ("a 2014 report", "In 2015,", "through 1985"); whether it is a
# year or a count ("killed 2000 people") is decided by _is_year from the words around it.
_YEAR_ANY = compile_spaced(
    r"(?P<year>" + _year_led(r"(?<![\w$£€.,/:-].)(?<!\+\d\d[ \t].)")
    + r")(?![\w%/]|[.,:]\d|-\d+-)"
)
_YEAR_CUE_BEFORE = compile_spaced(
    r"(?:\b(?:in|since|until|till|by|of|from|through|thru|to|between|and|during|before|after"
    r"|early|late|mid|around|circa|about|the|a|an|his|her|its|their|our|my|your|this|that"
    r"|spring|summer|autumn|fall|winter|year|fiscal|FY)|['’]s|[-–(,]|^)[ \t]*\Z",
    re.IGNORECASE,
)
# "March 2016", "May, 2005": a month and a year with no day.
_MONTH_YEAR = compile_spaced(
    rf"(?=[jfmasond])\b(?P<month>{MONTH})(?:\.?,?[ \t]+(?:of[ \t]+)?(?:(?P<year>{_YEAR})\b"
    rf"(?![\w/:-])|(?P<wyear>{SPELLED_YEAR}|two[ \t]+thousand)\b)|{_YY_TAIL})",
    re.IGNORECASE,
)
# "in September", "early November", "last April", "this coming March", "late last June"
# The preposition is a cue, not part of the expression: "in May" tags "May".
_BARE_MONTH = compile_spaced(
    r"\b(?:(?P<prep>in|since|until|till|by|through|during|from|of|before|after)[ \t]+)?"
    r"(?P<core>(?:(?P<mod>(?:(?:early|mid|late)[ \t-]+)?(?:last|next|this(?:[ \t]+coming)?"
    r"|coming|past)|early|mid|late)[ \t-]+)?"
    rf"(?P<month>{_MONTH_FULL}|(?-i:Jan|Feb|Aug|Sept?|Oct|Nov|Dec)\b(?!\.?[ \t]+[A-Z\d])))"
    r"\b(?![ \t]+(?:\d|the[ \t]+\d))",
    re.IGNORECASE,
)
# "that year", "later that year", "that same year", "the following year", "that day", "the
# same week", "the following week" (not "in the next week": the coming days, as "next
# week"; not "the previous day", which the seed gold leaves untagged with no antecedent)
_ANAPHOR = compile_spaced(
    r"(?=[let])"
    r"\b(?:(?:later|earlier)[ \t]+)?(?P<det>that[ \t]+same|the[ \t]+same|that|the[ \t]+following"
    r"|the[ \t]+next)[ \t]+(?P<unit>year|month|day|(?<!next[ \t])week)\b",
    re.IGNORECASE,
)

_ORDINALS = {
    w: i
    for i, w in enumerate(
        (
            "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
            "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth",
            "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth",
        ),
        start=1,
    )
}
_ORD = "(?:" + "|".join(_ORDINALS) + r"|\d{1,3}(?:st|nd|rd|th))"
# The things whose days are counted: a war and its synonyms are one thing in news prose.
_COUNTED = (
    r"(?:invasion|war|offensive|conflict|siege|occupation|fighting|operation|crisis"
    r"|protests?|strike|standoff|blockade)"
)
# "the fifth day of Russia's invasion", "the fifth day of the full-scale Russian war"
_ORD_OF = compile_spaced(
    rf"\b(?:[Tt]he[ \t]+)?(?P<n>{_ORD})[ \t]+(?P<unit>day|week|month)[ \t]+of[ \t]+"
    rf"(?:(?:the|its|this|[A-Z][\w-]*['’]s?)[ \t]+)?(?:[\w-]+[ \t]+){{0,3}}?(?P<what>{_COUNTED})\b",
)
# "the war entered its second week"
_ENTERED = compile_spaced(
    rf"\b(?P<what>{_COUNTED})[ \t]+(?:has[ \t]+|had[ \t]+|is[ \t]+|was[ \t]+)?"
    rf"(?:entered|enters|entering|in)[ \t]+its[ \t]+(?P<n>{_ORD})[ \t]+(?P<unit>day|week|month)\b",
    re.IGNORECASE,
)
# "Thursday's invasion", "the Feb. 24 invasion": a time directly naming a start.
_START_AFTER = compile_spaced(rf"[ \t]+(?:[\w-]+[ \t]+)?(?P<what>{_COUNTED})\b")
# "the invasion began on February 24", "war started Thursday"
_START_BEFORE = compile_spaced(
    rf"\b(?P<what>{_COUNTED})[ \t]+(?:began|begun|started|was[ \t]+launched|broke[ \t]+out)"
    r"(?:[ \t]+(?:on|early|late))?[ \t]*\Z"
)
# Words before a weekday that make it look forward.
_FORWARD_BEFORE = compile_spaced(
    r"\b(?:will|would|shall|set[ \t]+(?:for|to)|scheduled(?:[ \t]+for)?|due(?:[ \t]+on)?"
    r"|plann?(?:ed|ing|s)?[ \t]+(?:for|to)|expected(?:[ \t]+on)?|to[ \t]+be[ \t]+held|upcoming"
    r"|postponed[ \t]+(?:to|until)|(?:is|are)[ \t]+to|as[ \t]+(?:soon|early)[ \t]+as|until"
    r"|till|this[ \t]+coming)\b"
    r"|['’]ll\b",
    re.IGNORECASE,
)
# Past perfect before the cue: "had been set for Tuesday" was the plan, now past.
_PAST_PERFECT = compile_spaced(r"\bhad\b", re.IGNORECASE)
# "Tuesday's talks will be": a possessive weekday whose noun takes a future verb.
_FORWARD_AFTER = compile_spaced(
    r"[ \t]+(?:[\w-]+[ \t]+){0,2}?(?:will|is[ \t]+set|are[ \t]+set|is[ \t]+due|are[ \t]+due"
    r"|is[ \t]+expected|are[ \t]+expected|is[ \t]+scheduled|are[ \t]+scheduled)\b",
    re.IGNORECASE,
)
# Clause boundaries for the direction look-back: a cue beyond one does not count.
_CLAUSE_BREAK = compile_spaced(
    r"[.;:!?,]|\b(?:after|before|when|since|who|which|where|but|while|that)\b"
)
_PAIR_GAP = compile_spaced(r"\A(?:[ \t]*[,(][ \t]*|[ \t]+)\Z")
_PAIR_GAP_BEFORE = compile_spaced(r"\A[ \t]*[,(][ \t]*\Z")
_THE_END = compile_spaced(r"\bthe[ \t]+\Z", re.IGNORECASE)
_APPOSITION = compile_spaced(r"\A[ \t]*,?[ \t]*\Z")
_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
            "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}


@attrs.frozen
class _Hit:
    start: int
    end: int
    type: str
    match: re.Match[str]
    sentence: int


def weekday_index(text: str) -> int | None:
    """Return 0 (Monday) .. 6 (Sunday) for the weekday named in ``text``, if any.

    >>> weekday_index("Thursday's"), weekday_index("last Monday"), weekday_index("soon")
    (3, 0, None)
    """
    low = text.lower()
    for i, name in enumerate(WEEKDAYS):
        if name in low:
            return i
    return None


def ordinal_anchor(anchor: TimeAnchor | None) -> tuple[int, str, str] | None:
    """Split an ordinal anchor ("day 8 of war") into (8, "day", "war").

    >>> ordinal_anchor(TimeAnchor("ordinal", "war", "week", 2))
    (2, 'week', 'war')
    >>> ordinal_anchor(TimeAnchor("start", "war")) is None
    True
    """
    if anchor is None or anchor.kind != "ordinal" or anchor.unit is None or anchor.n is None:
        return None
    return anchor.n, anchor.unit, anchor.what


def _starts_something(t: TimeExpr) -> bool:
    return t.anchor is not None and t.anchor.kind == "start"


def _ordinal_value(word: str) -> int | None:
    word = word.lower()
    if word in _ORDINALS:
        return _ORDINALS[word]
    digits = re.match(r"\d+", word)
    return int(digits.group()) if digits else None


def _counted(word: str) -> str:
    """Fold the counted thing: war, invasion, offensive ... are one war in news prose."""
    word = word.lower()
    if word in {"invasion", "war", "offensive", "conflict", "fighting", "operation", "occupation"}:
        return "war"
    return word.rstrip("s")


def _parse_date(text: str, year: int) -> dt.date | None:
    return _parsed((text, year))


# A pure function of the text and the default year, and dateutil's parser is slow (about
# 55 us a call): 725 parses of 379 distinct (text, year) a compare of the ECB+ corpus cost
# 41 ms, nothing once memoised. A date is not tracked by the collector, nor the tuple keys.
@memo(maxsize=8192)
def _parsed(key: tuple[str, int]) -> dt.date | None:
    """Parse ``text`` with dateutil, filling what it does not name from 1 January ``year``."""
    text, year = key
    read, date = _month_day(text, year)
    if read:
        return date
    try:
        parsed: dt.datetime = du_parser.parse(text, default=dt.datetime(year, 1, 1))
        return parsed.date()
    except (ValueError, OverflowError):
        return None


#: The month names dateutil reads (its ``parserinfo.MONTHS``), in lower case, and each
#: one's number.
_MONTH_NUMBER = {
    name.lower(): number
    for number, names in enumerate(du_parser.parserinfo.MONTHS, start=1)
    for name in names
}


def _month_day(text: str, year: int) -> tuple[bool, dt.date | None]:
    """Read "March 3" or "MARCH 03 2022" as dateutil does: whether read here, and the date.

    The dates the tagger builds from a month name, a day and maybe a year (468 of the 487
    distinct texts a first sight of ECB+ parses), told without dateutil's parser: measured
    over those 487, 10.2 -> 0.9 ms (and about 5% of the tagger's time at first sight,
    interleaved). A day out of the month's range is None, as dateutil's error; anything
    else is left to it (not read here): a month in figures, a dot, two blanks, a day past
    31, a year of other than four digits.
    """
    parts = text.split(" ")
    if not 2 <= len(parts) <= 3 or not 1 <= year <= 9999 or not parts[0].isascii():
        return False, None
    month = _MONTH_NUMBER.get(parts[0].lower())
    day = parts[1]
    if month is None or not (day.isascii() and day.isdigit() and len(day) <= 2):
        return False, None
    if int(day) > 31:
        return False, None  # dateutil reads "March 45" as March 2045
    if len(parts) == 3:
        written = parts[2]
        if not (written.isascii() and written.isdigit() and len(written) == 4
                and written[0] != "0"):
            return False, None
        year = int(written)
    try:
        return True, dt.date(year, month, int(day))
    except ValueError:  # "Feb 30", "June 31", "May 0": dateutil's "day is out of range"
        return True, None


def _date_of(
    m: re.Match[str], reference: dt.date | None, forward: bool | None = None,
    ahead_days: int = 0,
) -> tuple[dt.date | None, bool]:
    """Return (date, year_inferred) for a date match; dateutil does the parsing.

    With no year written, the year is the one that puts the date nearest the reference;
    but a date the clause looks forward to is not before the reference, and one told in
    the past (``forward=False``) more than ``ahead_days`` (``TimeConfig.past_ahead_days``)
    ahead of it is last year's ("last spotted Oct. 9" in an April article).
    """
    groups = _date_groups(m)
    if groups["all"]:
        return _parse_date(groups["all"], 2000), False
    text = f"{groups['month']} {groups['day']}"
    if groups["year"]:
        return _parse_date(f"{text} {groups['year']}", int(groups["year"])), False
    if reference is None:
        return None, True
    return _nearest_year(text, reference, forward, ahead_days), True


def _nearest_year(
    text: str, reference: dt.date, forward: bool | None, ahead_days: int
) -> dt.date | None:
    """Return the day "month day" ``text`` names in the year that fits the reference best.

    Told in the past (``forward=False``), it lies at most ``ahead_days`` after it.
    """
    candidates = [_parse_date(text, reference.year + k) for k in (-1, 0, 1)]
    dates = [d for d in candidates if d is not None]
    if forward:
        dates = [d for d in dates if d >= reference] or dates
    elif forward is False:
        dates = [d for d in dates if (d - reference).days <= ahead_days] or dates
    if not dates:
        return None
    return min(dates, key=lambda d: abs((d - reference).days))


# Words (lower case) one of which a sentence must hold for a pattern to be tried there.
# Measured over the 839 ECB+ articles: trying the word-led patterns at every position cost
# 0.05-0.27 s each (the bare-month and holiday patterns most), 1.9 s in all against 0.8 s
# for dateparser's budget; a substring search for their key words costs almost nothing.
# An abbreviation key ends in "$": it counts only at a word end ("mar" in "Mar. 3", not in
# "market"), which halves the sentences the month patterns are tried in (ECB+, measured).
_MONTH_KEYS = ("january", "february", "march", "april", "may", "june", "july", "august",
               "september", "october", "november", "december", "jan$", "feb$", "mar$", "apr$",
               "jun$", "jul$", "aug$", "sep$", "sept$", "oct$", "nov$", "dec$")  # fmt: skip
_WEEKDAY_KEYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
# Keys are single words, or given with a no-break space too: scraped pages put one between
# words.
_MONTH_NAME_KEYS = ("january", "february", "march", "april", "may", "june", "july", "august",
                    "september", "october", "november", "december")  # fmt: skip
# A day said in words holds one of these (a month is checked by the pattern).
_SPOKEN_KEYS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
                "ninth", "tenth", "eleven", "twelf", "twelve", "thirteen", "fourteen",
                "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twent",
                "thirt")  # fmt: skip
_RELATIVE_KEYS = ("today", "tonight", "yesterday", "tomorrow", "morning", "afternoon",
                  "evening", "night", "week", "month", "year", "ago", "later", "earlier",
                  "hence", "now")  # fmt: skip
_COUNTED_KEYS = ("invasion", "war", "offensive", "conflict", "siege", "occupation", "fighting",
                 "operation", "crisis", "protest", "strike", "standoff", "blockade")  # fmt: skip
_HOLIDAY_KEYS = (
    "christmas", "boxing", "new year", "new\u00a0year", "independence", "july", "halloween",
    "valentine",
    "patrick", "earth", "workers", "cinco", "veterans", "armistice", "remembrance",
    "bastille", "australia", "canada", "thanksgiving", "good friday", "black friday",
    "good\u00a0friday", "black\u00a0friday", "labo", "memorial", "luther", "mlk", "presidents",
    "columbus", "mother's", "mother’s", "father's", "father’s", "easter", "holy", "maundy", "palm",
    "ash", "pentecost", "whit", "ascension",
)  # fmt: skip
# A cue searched for in the lower-cased text instead of key words: one regex with a
# literal head ("the", "end") is found by the engine's fast literal search. Thirty key words
# for the day ordinals ("the 1" ... "the thirt") cost 0.027 s a pass over ECB+ (measured),
# this cue 0.002 s.
_ORD_DAY_CUE = compile_spaced(
    r"the[ \t]+(?:\d|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth"
    r"|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth"
    r"|nineteenth|twent|thirt)"
)
_DAY_END_CUE = compile_spaced(r"end[ \t]+of[ \t]+(?:the[ \t]+)?day")
_Keys = tuple[str, ...] | re.Pattern[str]
_KINDS: tuple[tuple[str, re.Pattern[str], _Keys], ...] = (
    ("date", _MDY, _MONTH_KEYS), ("date", _DMY, _MONTH_KEYS), ("date", _ISO, ()),
    ("date", _SEP_DATE, _MONTH_KEYS), ("date", _SPOKEN_MDY, _SPOKEN_KEYS),
    ("date", _SPOKEN_DMY, _SPOKEN_KEYS),
    ("weekday", _WEEKDAY, _WEEKDAY_KEYS),
    ("relative", _RELATIVE, _RELATIVE_KEYS), ("time", _TIME, ()),
    ("time", _NOON, ("noon", "midnight")), ("spoken_time", _SPOKEN_TIME, _SPOKEN_TIME_KEYS),
    ("year", _YEAR_ANY, ()),
    ("month", _MONTH_YEAR, _MONTH_KEYS), ("month", _SEP_MONTH, _MONTH_KEYS),
    ("month", _BARE_MONTH, _MONTH_KEYS), ("anaphor", _ANAPHOR, ("year", "month", "week", "day")),
    ("ordinal_day", _ORD_OF, _COUNTED_KEYS), ("ordinal_day", _ENTERED, _COUNTED_KEYS),
    ("weekday_day", _WEEKDAY_DAY, _WEEKDAY_KEYS),
    ("in_units", _IN_UNITS, ("day", "week", "fortnight", "month", "year")),
    ("holiday", _HOLIDAY, _HOLIDAY_KEYS),
    ("edge", _EDGE, ("end", "beginning", "start", "middle", "turn")),
    ("day_end", _DAY_END, _DAY_END_CUE),
    ("ord_day", _ORD_DAY, _ORD_DAY_CUE), ("ord_month", _ORD_MONTH, _ORD_DAY_CUE),
    ("modyear", _MOD_YEAR, ("early", "mid", "late", "year")),
    ("fiscal", _FISCAL, ("fiscal", "fy")),
    ("wyear", _WORD_YEAR, ("seventeen", "eighteen", "nineteen", "twenty", "thousand")),
)  # fmt: skip


def _lower_form(rx: re.Pattern[str]) -> re.Pattern[str] | None:
    """``rx`` without ``re.IGNORECASE``, to search the lowered text, if it is written so.

    That is, its letters all ASCII and lower case outside escapes and group names, and no
    part of it case-sensitive (see ``lowered``); else None.
    """
    bare = re.sub(r"\(\?P[<=]\w+>?|\\.", "", rx.pattern)
    if not rx.flags & re.IGNORECASE or "(?-i" in rx.pattern or re.search(r"[A-Z]", bare):
        return None
    if any(c.isalpha() and not c.isascii() for c in bare):
        return None
    return re.compile(rx.pattern, rx.flags & ~re.IGNORECASE)


#: The keyed patterns searched in the lowered article (see ``lowered``): a case-insensitive
#: search tests both cases of every letter it reads (measured over the ECB+ corpus: the
#: weekday, relative day and spoken clock searches 1.7x faster, the same matches).
_LOWER_FORMS: dict[re.Pattern[str], re.Pattern[str]] = {
    rx: fast for _kind, rx, keys in _KINDS if keys and (fast := _lower_form(rx)) is not None
}


#: ``_KINDS`` with each pattern's lowered form (``_LOWER_FORMS``), looked up once here.
_PLAN: tuple[tuple[str, re.Pattern[str], _Keys, re.Pattern[str] | None], ...] = tuple(
    (kind, rx, keys, _LOWER_FORMS.get(rx) if keys else None) for kind, rx, keys in _KINDS
)


def _keyed_matches(
    text: str, low: str | None, rx: re.Pattern[str], s: Sentence,
    fast: re.Pattern[str] | None = None,
) -> list[re.Match[str]]:
    """``rx``'s matches in sentence ``s``, found in ``low`` (``lowered(text)``) if given.

    Each is matched again in ``text`` at the same place, for its groups as written.
    ``fast``: ``_LOWER_FORMS[rx]`` if known (a lookup hashes the compiled pattern, see _CUES).
    """
    if fast is None and low is not None:
        fast = _LOWER_FORMS.get(rx)
    if fast is None or low is None:
        return list(rx.finditer(text, s.start, s.end))
    found: list[re.Match[str]] = []
    led = _FAST_LED_FORMS.get(id(fast))
    scan = (fast.finditer(low, s.start, s.end) if led is None
            else _led_matches(fast, led, low, s.start, s.end))
    for f in scan:
        m = rx.match(text, f.start(), s.end)
        if m is None or m.end() != f.end():  # not found (see ``lowered``): search the text
            return list(rx.finditer(text, s.start, s.end))
        found.append(m)
    return found


def _date_groups(m: re.Match[str]) -> dict[str, str | None]:
    """Month, day and year of a date match, whichever alternative of the pattern matched."""
    g = m.groupdict()
    out = {
        "all": g.get("all"),
        "month": g.get("month") or g.get("month2") or g.get("month3") or g.get("month4")
        or g.get("month5"),
        "day": g.get("day") or g.get("day2") or g.get("day3"),
        "year": g.get("year") or g.get("year2") or _other_year(g),
    }
    spoken = g.get("day4") or g.get("day5")
    if spoken:
        number = day_number(spoken)
        out["day"] = str(number) if number is not None else None
    return out


def _other_year(g: dict[str, str | None]) -> str | None:
    """Return the year in figures of a spelled-out ("nineteen ninety") or two-digit year."""
    if g.get("wyear"):
        year = spelled_year(g["wyear"] or "")
        return str(year) if year is not None else None
    if g.get("yy"):
        # the POSIX strptime window for two-digit years: 69-99 are 19xx, 00-68 20xx
        yy = int(g["yy"] or 0)
        return str(yy + (1900 if yy >= 69 else 2000))
    return None


# The first three letters of every word: a key whose first three letters open no word is
# not searched for at all (most keys are absent from most articles; measured on ECB+, the
# key search cost 0.25 s of 0.67 s before this check).
# Taken from each run of ASCII letters: a superset of the word starts (a key opening a word
# opens a run), which is all the filter needs, found 1.2x faster than r"\b[a-z]{3}" (the
# engine skips to a letter in C instead of testing a boundary at every position).
# The runs are split out of the text with every other character made a blank (bytes
# methods, in C) rather than found by ``([a-z]{3})[a-z]*`` (measured over the ECB+
# articles: 66 -> 53 ms; the runs shorter than three letters come along whole, and match
# no key's three letters).
#: The plain form of ``_word_prefixes``: ``frozenset(_WORD3.findall(low))`` holds the same
#: three-letter prefixes (kept as the tests' oracle).
_WORD3 = re.compile(r"([a-z]{3})[a-z]*")
#: Every byte but the letters a-z, as a blank (see ``_word_prefixes``).
_NOT_LETTERS = bytes(c if 97 <= c <= 122 else 32 for c in range(256))
_FIRST3 = operator.itemgetter(slice(None, 3))


def _word_prefixes(low: str) -> frozenset[str]:
    """Return the first three letters of every run of the letters a-z in ``low``.

    (Runs of one or two letters are in it whole.) Another character is a blank: one
    outside ASCII is encoded as "?" first.
    """
    runs = low.encode("ascii", "replace").translate(_NOT_LETTERS).decode("ascii").split()
    return frozenset(map(_FIRST3, runs))


_Key = tuple[str, bool]  # a key without its "$", and whether it must end a word


#: The keys always searched for, and the others by their first three letters.
_KeyPlan = tuple[tuple[_Key, ...], dict[str, tuple[_Key, ...]]]


@functools.lru_cache(maxsize=64)  # one entry per key set of _KINDS (about 20)
def _key_plan(keys: tuple[str, ...]) -> _KeyPlan:
    """Split ``keys`` into those always searched for and those filed by their first letters.

    A key filed under its first three letters is searched for only in an article that has
    a word opening with them.
    """
    always: list[_Key] = []
    by_prefix: dict[str, list[_Key]] = {}
    for k in keys:
        key = (k.rstrip("$"), k.endswith("$"))
        if len(k) < 3 or not k[:3].isalpha():
            always.append(key)
        else:
            by_prefix.setdefault(k[:3], []).append(key)
    return tuple(always), {p: tuple(ks) for p, ks in by_prefix.items()}


#: ``_key_plan`` of every key set of ``_KINDS``, by ``id`` of the set with the set itself (an
#: lru lookup hashes the set, up to 41 strings: about 0.4 us at each call).
_KEY_PLANS: dict[int, tuple[tuple[str, ...], _KeyPlan]] = {
    id(keys): (keys, _key_plan(keys))
    for keys in (_MONTH_KEYS, *(keys for _kind, _rx, keys in _KINDS if isinstance(keys, tuple)))
}


def _keyed_sentences(
    low: str, sentences: tuple[Sentence, ...], keys: tuple[str, ...], junk: bool = False,
    prefixes: frozenset[str] | None = None, ends: list[int] | None = None,
) -> list[int]:
    """Return the indices of the sentences holding one of ``keys`` (sorted).

    Only non-junk sentences, or with ``junk=True`` only junk (metadata) ones. A key counts
    only at the start of a word ("mar" in "March", not in "summary"): every pattern keyed
    here opens a word with its key, so a key whose first three letters open no word of the
    article (``prefixes``) is not searched for. A key opening with a space ("\u0020pm")
    counts anywhere; one ending in "$" only at a word end. ``ends``: the sentences' ends,
    if known.
    """
    found: set[int] = set()
    if ends is None:
        ends = [s.end for s in sentences]
    find = low.find
    n = len(sentences)
    plan = _KEY_PLANS.get(id(keys))
    always, by_prefix = plan[1] if plan is not None and plan[0] is keys else _key_plan(keys)
    # The keys are chained in C, not gathered into a tuple by a generator, and the test of
    # ``_inside_word`` is written out (measured over the 11,760 calls of a first sight of
    # ECB+: 98 -> 96 ms; most of the rest is the finds themselves).
    if prefixes is None:
        searched = chain(always, chain.from_iterable(by_prefix.values()))
    else:
        # the article's prefixes met in one set operation, not a test per key (measured:
        # the test per key was a third of this function's time on ECB+)
        # (``intersection`` walks the small dict; ``keys() & frozenset`` walks the big set)
        met = prefixes.intersection(by_prefix)
        searched = chain(always, chain.from_iterable(map(by_prefix.__getitem__, met)))
    bisect_right = bisect.bisect_right
    for key, whole in searched:
        i = find(key)
        lead = key[0] != " "
        width = len(key)
        while i >= 0:
            if (i and lead and low[i - 1].isalpha()) or (
                whole and low[i + width : i + width + 1].isalpha()
            ):  # ``_inside_word(low, i, key, whole)``
                i = find(key, i + 1)
                continue
            idx = bisect_right(ends, i)
            if idx >= n:
                break
            if sentences[idx].start <= i and sentences[idx].junk == junk:
                found.add(idx)
            i = find(key, max(ends[idx], i + 1))
    return sorted(found)


def _cued_sentences(low: str, sentences: tuple[Sentence, ...], cue: re.Pattern[str]) -> list[int]:
    """Return the indices of the non-junk sentences where ``cue`` matches ``low`` (sorted)."""
    found: list[int] = []
    m = cue.search(low)
    while m is not None:
        idx = _sentence_index(sentences, m.start())
        if idx < 0:
            m = cue.search(low, m.end())
            continue
        if not sentences[idx].junk:
            found.append(idx)
        m = cue.search(low, max(sentences[idx].end, m.end()))
    return found


def _inside_word(low: str, i: int, key: str, whole: bool) -> bool:
    """Tell a key found at ``i`` that does not open a word (or, ``whole``, does not end one)."""
    if i and key[0] != " " and low[i - 1].isalpha():
        return True
    return whole and low[i + len(key) : i + len(key) + 1].isalpha()


# The tables below are keyed by ``id`` of a (module-level, never freed) pattern: hashing a
# compiled pattern hashes its compiled code, 3.7 us for _MDY (measured), which a lookup
# per sentence made a tenth of the tagger's time on ECB+.

#: A literal every match of the pattern holds: where it is absent, the pattern is not
#: searched for (an ISO date holds "-MM-"; measured on ECB+, 19 ISO dates in 839 articles,
#: whose two whole-text scans cost 9 ms each, the cue's 1 ms).
#: Every match of ``_SEP_DATE`` holds a hyphen or a slash: 7 in 10 of the sentences it was
#: searched in hold neither (ECB+; the search cost 24 ms over them, 6 ms with the cue).
_CUES: dict[int, re.Pattern[str]] = {
    id(_ISO): re.compile(r"-[01]\d-"), id(_SEP_DATE): re.compile(r"[-/]"),
}


def _led_form(rx: re.Pattern[str], first: str) -> re.Pattern[str]:
    """Return a pattern matching one character of ``first`` where ``rx`` matches.

    ``first`` holds the first character of every match of ``rx``. A pattern opening with a
    character class is searched by the engine's class scan, which passes over the other
    characters in C; one opening with a lookahead (``(?=[0-9])``) is tried at every place.
    """
    return re.compile(rf"[{first}](?<=(?={rx.pattern}).)", rx.flags)


#: Patterns searched through their led form (see ``_led_matches``): the clock time scan
#: 1.9x faster on ECB+ (23 ms against 12, the same matches). Keyed patterns that cannot be
#: searched in the lowered text (see ``_lower_form``) and open with a word boundary or a
#: lookahead, led by the initials of their first words (each one's class holds them all:
#: a preposition, modifier or month; a modifier or holiday; a month; "end", "beginning",
#: "start", "middle", "turn", "year" or "month"), measured over the sentences each is
#: searched in on ECB+: the bare month 32 -> 18 ms, the holiday 15 -> 10 ms, the spoken
#: month-day date 15 -> 7 ms, the edge of a period 9 -> 5 ms. (Led, the month-day date and
#: the weekday-day patterns were no faster, or slower: their initials are most letters.)
_LED_FORMS: dict[int, re.Pattern[str]] = {
    id(_TIME): _led_form(_TIME, "0-9"),
    id(_BARE_MONTH): _led_form(_BARE_MONTH, "abcdefijlmnopstu"),
    id(_HOLIDAY): _led_form(_HOLIDAY, "4abcefghilmnprstvw"),
    id(_SPOKEN_MDY): _led_form(_SPOKEN_MDY, "jfmasond"),
    id(_EDGE): _led_form(_EDGE, "ebsmty"),
}
#: Lowered forms (see ``_LOWER_FORMS``) searched through their led form in
#: ``_keyed_matches``, led by the class their lookahead opens with: over the sentences
#: each is searched in on ECB+, the anaphor ("that year") 11 -> 6 ms, the modified year
#: ("mid-1998") 11 -> 8 ms. (The relative day, weekday and spoken clock patterns were no
#: faster led: their initials are most letters.)
_FAST_LED_FORMS: dict[int, re.Pattern[str]] = {
    id(_LOWER_FORMS[_ANAPHOR]): _led_form(_LOWER_FORMS[_ANAPHOR], "let"),
    id(_LOWER_FORMS[_MOD_YEAR]): _led_form(_LOWER_FORMS[_MOD_YEAR], "emlcy"),
}


def _led_matches(
    rx: re.Pattern[str], led: re.Pattern[str], text: str, lo: int, hi: int
) -> Iterator[re.Match[str]]:
    """``rx.finditer(text, lo, hi)``, trying ``rx`` only where its led form ``led`` matches.

    ``led`` matches (one character) exactly where ``rx`` matches, within the same bounds;
    ``finditer`` goes on from the end of each match (``rx`` never matches the empty string).
    """
    pos = lo
    for s in led.finditer(text, lo, hi):
        if s.start() < pos:
            continue  # inside the last match
        m = rx.match(text, s.start(), hi)
        if m is not None:  # always: ``led`` tried ``rx`` here
            yield m
            pos = m.end()


def _finditer(rx: re.Pattern[str], text: str, lo: int, hi: int) -> Iterator[re.Match[str]]:
    """``rx.finditer(text, lo, hi)``, through a cue or a led form when ``rx`` has one."""
    cue = _CUES.get(id(rx))
    if cue is not None and cue.search(text, lo, hi) is None:
        return iter(())
    led = _LED_FORMS.get(id(rx))
    if led is not None:
        return _led_matches(rx, led, text, lo, hi)
    return rx.finditer(text, lo, hi)


#: The searches both the reference date and the hits make, kept by ``_Scans``.
_SHARED: frozenset[int] = frozenset({id(_MDY), id(_DMY), id(_YEAR_ANY)})


@attrs.define
class _Scans:
    """One article's searches that the reference date and the hits both read.

    Made by ``tag_times`` for one article and dropped with it. The sentences holding a
    month name, the full dates in them and the years in the text were searched for twice
    before: by ``reference_date`` and again by ``_hits``.
    """

    text: str
    sentences: tuple[Sentence, ...]
    low: str
    #: Whether ``low`` keeps the offsets of ``text`` (``lower()`` may lengthen a letter).
    keyed: bool
    prefixes: frozenset[str] | None
    #: ``lowered(text)``: ``low`` if patterns may be matched on it, else None.
    safe: str | None
    ends: list[int]
    #: id of the keys -> the keys and the sentences holding one
    sentence_keys: dict[int, tuple[_Keys, list[int]]] = attrs.field(factory=dict)
    #: (id of the pattern, lo, hi) -> its matches in ``text[lo:hi]``
    matches: dict[tuple[int, int, int], list[re.Match[str]]] = attrs.field(factory=dict)

    def keyed_sentences(self, keys: _Keys) -> list[int]:
        """Return the sentences holding one of ``keys`` (or where the cue matches), by index."""
        # Kept by ``id`` of the keys with the keys (read back only for the same object):
        # hashing a key set hashes its strings, a cue pattern its compiled code (3.7 us).
        got = self.sentence_keys.get(id(keys))
        if got is not None and got[0] is keys:
            return got[1]
        found = (
            _cued_sentences(self.low, self.sentences, keys) if isinstance(keys, re.Pattern)
            else _keyed_sentences(self.low, self.sentences, keys, prefixes=self.prefixes,
                                  ends=self.ends))
        self.sentence_keys[id(keys)] = (keys, found)
        return found

    def finditer(self, rx: re.Pattern[str], lo: int, hi: int) -> Iterator[re.Match[str]]:
        """``rx.finditer(self.text, lo, hi)``, searched once for the patterns in ``_SHARED``."""
        key = id(rx)
        if key not in _SHARED:
            return _finditer(rx, self.text, lo, hi)
        got = self.matches.get((key, lo, hi))
        if got is None:
            got = self.matches[key, lo, hi] = list(_finditer(rx, self.text, lo, hi))
        return iter(got)


def _scans(text: str, sentences: tuple[Sentence, ...]) -> _Scans:
    low = text.lower()
    keyed = len(low) == len(text)  # lower() may lengthen a rare letter: then no shortcut
    prefixes = _word_prefixes(low) if keyed else None
    safe = low if keyed and "\u0131" not in low and "\u017f" not in low else None  # lowered
    return _Scans(text, sentences, low, keyed, prefixes, safe, [s.end for s in sentences])


def _hits(
    text: str, sentences: tuple[Sentence, ...], scans: _Scans | None = None
) -> list[_Hit]:
    """Every match of every pattern that lies inside one non-junk sentence.

    A pattern led by words is tried only in the sentences that hold one of its key words;
    a pattern led by digits scans the whole text once (one call, not one per sentence) and
    a match that runs over a sentence end is searched again inside the sentences it touches.
    ``scans``: the article's searches so far (``_scans(text, sentences)``), if made.
    """
    if scans is None:
        scans = _scans(text, sentences)
    found: list[_Hit] = []
    safe = scans.safe
    for kind, rx, keys, fast in _PLAN:
        if keys and scans.keyed:
            with_keys = scans.keyed_sentences(keys)
            if safe is None or fast is None:  # no call per sentence (measured)
                for i in with_keys:
                    s = sentences[i]
                    for m in scans.finditer(rx, s.start, s.end):
                        _keep(found, kind, rx, m, i, text, s)
                continue
            for i in with_keys:
                s = sentences[i]
                for m in _keyed_matches(text, safe, rx, s, fast):
                    _keep(found, kind, rx, m, i, text, s)
        else:
            _scan(found, kind, rx, text, sentences, 0, len(text), scans)
    _weak_clocks(found, text, sentences)
    return _drop_overlaps(found)


def _weak_clocks(found: list[_Hit], text: str, sentences: tuple[Sentence, ...]) -> None:
    """Add the clock times said right after a day: "Sat at 5", "tomorrow at seven twenty"."""
    for h in [h for h in found if h.type in _DAY_KINDS]:
        end = sentences[h.sentence].end
        gap = _WEAK_CLOCK_GAP.match(text, h.end, end)
        m = _SPOKEN_TIME.match(text, gap.end(), end) if gap else None
        if m is not None:
            found.append(_Hit(m.start(), m.end(), "spoken_time", m, h.sentence))


def _scan(
    found: list[_Hit], kind: str, rx: re.Pattern[str], text: str,
    sentences: tuple[Sentence, ...], lo: int, hi: int, scans: _Scans | None = None,
) -> None:
    """Scan ``text[lo:hi]`` with ``rx`` once; keep the matches inside one non-junk sentence."""
    rescan: set[int] = set()
    for m in (_finditer(rx, text, lo, hi) if scans is None else scans.finditer(rx, lo, hi)):
        i = _sentence_index(sentences, m.start())
        if i < 0 or sentences[i].junk:
            continue
        if m.end() > sentences[i].end:
            rescan.update((i, i + 1))
            continue
        _keep(found, kind, rx, m, i, text, sentences[i])
    for i in sorted(rescan):
        # duplicates of matches already kept are dropped with the overlaps in _hits
        if i < len(sentences) and not sentences[i].junk:
            s = sentences[i]
            for m in rx.finditer(text, s.start, s.end):
                _keep(found, kind, rx, m, i, text, s)


def _drop_overlaps(found: list[_Hit]) -> list[_Hit]:
    """Keep the longest hit at each start; drop hits overlapping a kept one."""
    found.sort(key=lambda h: (h.start, -(h.end - h.start)))
    kept: list[_Hit] = []
    last_end = -1
    for h in found:
        if h.start >= last_end:
            kept.append(h)
            last_end = h.end
        elif (
            h.type == "ordinal_day"
            and kept[-1].type != "ordinal_day"
            and h.end - h.start > kept[-1].end - kept[-1].start
        ):
            # an ordinal span swallows a shorter weekday or date it overlaps
            kept[-1] = h
            last_end = h.end
    return kept


_SPAN_GROUP = {"year": "year"}


def _keep(
    found: list[_Hit], kind: str, rx: re.Pattern[str], m: re.Match[str], i: int, text: str,
    s: Sentence,
) -> None:
    """Add the match as a hit unless the words around it say it is not a time."""
    if kind in {"year", "wyear"} and not _is_year(text, m, s.start):
        return
    if rx is _BARE_MONTH and not _is_month(m):
        return
    if kind == "in_units" and _SPAN_CUE.search(text, max(s.start, m.start() - 30), m.start()):
        return
    if kind == "holiday" and _foreign_holiday(text, m, s.start):
        return
    if kind in {"day_end", "ord_day"} and not _day_word_context(text, m, s.start):
        return
    group: str | int = "core" if rx is _BARE_MONTH else _SPAN_GROUP.get(kind, 0)
    start, end = m.span(group)
    found.append(_Hit(start, end, kind, m, i))


def _day_word_context(text: str, m: re.Match[str], floor: int) -> bool:
    """Tell the day words from what only looks like them.

    "end of the day" is not the idiom "at the end of the day"; a bare "the 18th" is a day
    after a preposition ("on the 18th"), not "the 18th" of a list.
    """
    before = max(floor, m.start() - 12)
    if m.re is _DAY_END:
        return _AT_BEFORE.search(text, before, m.start()) is None
    bare = not (m["month"] or m["mod"] or m["the"])
    return not bare or _ORD_DAY_PREP.search(text, before, m.start()) is not None


def _foreign_holiday(text: str, m: re.Match[str], floor: int) -> bool:
    """Read "Ukraine's Independence Day" is not the Fourth of July: a name or possessive before."""
    if not m["name"].lower().startswith(("independence", "thanksgiving", "labo", "memorial")):
        return False
    before = text[max(floor, m.start() - 20) : m.start()].rstrip()
    return before.endswith(("'s", "’s")) or bool(re.search(r"\b[A-Z][a-z]+\Z", before))


def _is_month(m: re.Match[str]) -> bool:
    """Tell a month from a word: a modifier or a preposition before it.

    "June Hale said" names a person, "This may" is a verb; "in May", "last June" are months.
    """
    if m["mod"]:
        return m["month"] != "may" or m["mod"].lower().split()[-1] != "this"
    return bool(m["prep"]) and (m["month"][:1].isupper() or m["prep"].lower() == "in")


def _is_year(text: str, m: re.Match[str], floor: int) -> bool:
    """Tell a year from a count: a cue word before it, or no lower-case word after it.

    "in 1967", "a 2014 report", "his 2006 memoir", "In 2015, ..." are years; "killed 2000
    people" is not.
    """
    if _YEAR_CUE_BEFORE.search(text[max(floor, m.start() - 12) : m.start()]):
        return True
    after = text[m.end() : m.end() + 2]
    return not (after[:1] in " \t\u00a0" and after[1:2].islower())


def _sentence_index(sentences: tuple[Sentence, ...], offset: int) -> int:
    lo, hi = 0, len(sentences)
    while lo < hi:
        mid = (lo + hi) // 2
        if offset < sentences[mid].start:
            hi = mid
        elif offset >= sentences[mid].end:
            lo = mid + 1
        else:
            return mid
    return -1


def _full_dates(text: str, sentences: tuple[Sentence, ...], junk: bool) -> Iterator[dt.date]:
    """Full dates (with a year) in junk/metadata lines (``junk=True``) or in prose, in order."""
    yield from (d for _, d in _full_dates_at(text, sentences, junk))


def _full_dates_at(
    text: str, sentences: tuple[Sentence, ...], junk: bool, scans: _Scans | None = None
) -> Iterator[tuple[int, dt.date]]:
    """Full dates with where each starts: see :func:`_full_dates`.

    ``scans``: the article's searches (``_scans(text, sentences)``), if made.
    """
    found = _named_month_dates(text, sentences, junk, scans) + _iso_dates(text, sentences, junk)
    found.sort(key=lambda x: x[0])
    yield from found
    if junk:
        yield from _compact_dates(text)


def _named_month_dates(
    text: str, sentences: tuple[Sentence, ...], junk: bool, scans: _Scans | None = None
) -> list[tuple[int, dt.date]]:
    """Full dates with a month name ("March 3, 2022", "3 March 2022") and their starts.

    ``scans``: the article's searches (``_scans(text, sentences)``), if made.
    """
    if junk:
        # The few metadata lines are tried directly: a key search over the whole text for
        # them cost a third of reference_date on ECB+ (measured).
        with_month = [i for i, s in enumerate(sentences) if s.junk]
    elif scans is not None and scans.keyed and scans.low and sentences is scans.sentences:
        with_month = scans.keyed_sentences(_MONTH_KEYS)  # the month-keyed hits read it again
    elif (low := text.lower()) and len(low) == len(text):
        with_month = _keyed_sentences(low, sentences, _MONTH_KEYS)
    else:
        with_month = [i for i, s in enumerate(sentences) if not s.junk]
    found: list[tuple[int, dt.date]] = []
    for i in with_month:
        s = sentences[i]
        for rx in (_MDY, _DMY):
            matches = rx.finditer(text, s.start, s.end) if scans is None else scans.finditer(
                rx, s.start, s.end)
            found += [(m.start(), d) for m in matches
                      if m["year"] and (d := _date_of(m, None)[0]) is not None]
    return found


def _iso_dates(
    text: str, sentences: tuple[Sentence, ...], junk: bool
) -> list[tuple[int, dt.date]]:
    """ISO dates ("2022-03-03") in junk (``junk=True``) or prose sentences, with their starts."""
    if not sentences:
        return []
    found: list[tuple[int, dt.date]] = []
    for m in _finditer(_ISO, text, sentences[0].start, sentences[-1].end):
        i = _sentence_index(sentences, m.start())
        if i >= 0 and sentences[i].junk == junk and (d := _date_of(m, None)[0]):
            found.append((m.start(), d))
    return found


def _compact_dates(text: str) -> Iterator[tuple[int, dt.date]]:
    """Dates written "20220304" alone on a line near the head of the text."""
    for m in _COMPACT.finditer(text, 0, min(len(text), 4000)):
        d, _ = _date_of(m, None)
        if d is not None:
            yield m.start(), d


def reference_date(
    article: Article, sentences: tuple[Sentence, ...], scans: _Scans | None = None
) -> tuple[dt.date | None, str | None]:
    """Return the date relative expressions resolve against, and where it came from.

    >>> from discrep._segment import segment
    >>> text = "Troops entered the city on Monday. A photo of March 27, 2022."
    >>> reference_date(Article(text), segment(text))
    (datetime.date(2022, 3, 27), 'latest date in the article')
    """
    if article.published is not None:
        return article.published, REF_PUBLISHED
    head = [s for s in sentences if s.start < 4000]
    meta = next(_full_dates(article.text, tuple(head), junk=True), None)
    if meta is not None:
        return meta, REF_DATELINE
    return _latest_stated(article.text, sentences, scans)


# A full date that bounds a past period ("offences between May 1, 1998 and 2001", "kept
# secret until May 30, 2005") or one looked forward to ("the film opens Nov. 22, 2013")
# says nothing of when the article was written.
_PERIOD_BEFORE = compile_spaced(
    r"\b(?:(?:between|from|since|until|till|through|thru|before|to)[ \t]+(?:early|late|mid)?"
    r"|(?:release|launch|opening|premiere)[ \t]+date[ \t]+(?:of|is|was)[ \t]+)[ \t]*\Z",
    re.IGNORECASE,
)

# "its November 22, 2013 release date": a date naming something still to come.
_FUTURE_NOUN_AFTER = compile_spaced(
    r"[ \t]+(?:release|launch|deadline|opening|premiere|target|due)\b", re.IGNORECASE
)


def _date_end(text: str, pos: int) -> int:
    """Return where the full date starting at ``pos`` ends."""
    for rx in (_MDY, _DMY, _ISO):
        m = rx.match(text, pos)
        if m is not None:
            return m.end()
    return pos


def _latest_stated(
    text: str, sentences: tuple[Sentence, ...], scans: _Scans | None = None
) -> tuple[dt.date | None, str | None]:
    """Return the latest full date the prose states of a past day, if no later year is stated.

    A later year stated of the past anywhere in the prose ("... in her 2006 book") shows the
    latest full date is an old one, not the day of writing: then there is no reference.
    """
    candidates = []
    set_aside: list[tuple[int, int]] = []
    for pos, d in _full_dates_at(text, sentences, junk=False, scans=scans):
        if _not_of_the_past(text, sentences, pos):
            set_aside.append((pos, _date_end(text, pos)))
        else:
            candidates.append(d)
    if not candidates:
        return None, None
    latest = max(candidates)
    years = _YEAR_ANY.finditer(text) if scans is None else scans.finditer(_YEAR_ANY, 0, len(text))
    for m in years:
        i = _sentence_index(sentences, m.start())
        if (i >= 0 and not sentences[i].junk and int(m["year"]) > latest.year
                and _is_year(text, m, sentences[i].start)
                and not any(a <= m.start() < b for a, b in set_aside)
                and not _not_of_the_past(text, sentences, m.start())):
            return None, None
    return latest, REF_LATEST


# "between March 3, 1998 and June 1, 2001": the second bound of a range.
_RANGE_END_BEFORE = compile_spaced(r"\bbetween\b[^.;:!?]{1,40}\band[ \t]+\Z", re.IGNORECASE)


def _not_of_the_past(text: str, sentences: tuple[Sentence, ...], pos: int) -> bool:
    """Tell a date or year at ``pos`` that bounds a period or is looked forward to."""
    idx = _sentence_index(sentences, pos)
    floor = sentences[idx].start if idx >= 0 else 0
    if _PERIOD_BEFORE.search(text, max(floor, pos - 20), pos):
        return True
    if _RANGE_END_BEFORE.search(text, max(floor, pos - 60), pos):
        return True
    return idx >= 0 and (_looks_forward(text, pos, sentences[idx], 60)
                         or _FUTURE_NOUN_AFTER.match(text, _date_end(text, pos)) is not None)


def _tense(
    text: str, h: _Hit, sentences: tuple[Sentence, ...], ref_from: str | None, config: Config
) -> bool | None:
    """Forward (True), past (False), or unknown (None: the reference only bounds from below)."""
    if ref_from == REF_LATEST or h.sentence < 0:
        return None
    return _forward(text, h, sentences[h.sentence], config.time.forward_cue_chars)


def _looks_forward(text: str, start: int, sentence: Sentence, lookback: int) -> bool:
    """Tell a cue of the future in the clause before ``start`` ("set for", "will")."""
    before = text[max(sentence.start, start - lookback) : start]
    breaks = list(_CLAUSE_BREAK.finditer(before))
    if breaks:
        before = before[breaks[-1].end() :]
    cue = _FORWARD_BEFORE.search(before)
    return cue is not None and not _PAST_PERFECT.search(before, 0, cue.end())


def _forward(text: str, h: _Hit, sentence: Sentence, lookback: int) -> bool:
    if _looks_forward(text, h.start, sentence, lookback):
        return True
    poss = h.match.groupdict().get("poss")
    return bool(poss) and bool(_FORWARD_AFTER.match(text, h.end, sentence.end))


def _shift(reference: dt.date, delta: relativedelta) -> dt.date:
    out: dt.date = reference + delta
    return out


# "the coming Friday" is after the reference day even when said on a Friday; "previous",
# "this past" are "last"; "following" is "next".
_WEEKDAY_MODS = {
    "last": "last", "past": "last", "previous": "last", "this past": "last", "next": "next",
    "following": "next", "coming": "next", "upcoming": "next", "this coming": "next",
    "this upcoming": "next", "this": "this",
}  # fmt: skip


def _resolve_weekday(
    wd: int, mod: str | None, forward: bool, reference: dt.date | None, ref_from: str | None
) -> dt.date | None:
    if reference is None:
        return None
    mod = _WEEKDAY_MODS.get(" ".join((mod or "").lower().split()), "")
    if mod == "next" or (mod == "this" and forward):
        step = 1 if mod == "next" else 0
        return _shift(reference, relativedelta(days=step, weekday=weekday(wd)(+1)))
    if mod == "last":
        return _shift(reference, relativedelta(days=-1, weekday=weekday(wd)(-1)))
    if forward:
        return _shift(reference, relativedelta(weekday=weekday(wd)(+1)))
    if ref_from == REF_LATEST:
        # The reference only bounds publication from below: "on Monday" may be either side.
        return None
    return _shift(reference, relativedelta(weekday=weekday(wd)(-1)))


def _resolve_modified(
    unit: str, mod: str, reference: dt.date, ref_from: str | None
) -> tuple[dt.date | None, str | None]:
    """Resolve "last week", "this month", "next year": a note naming the period."""
    if ref_from == REF_LATEST and mod in {"last", "past", "earlier this"}:
        return None, None
    step = {"last": -1, "past": -1, "next": 1}.get(mod, 0)
    if unit in {"week", "weekend"}:
        monday = reference + dt.timedelta(days=7 * step - reference.weekday())
        return None, f"week of {monday.isoformat()}"
    if unit == "month":
        first = reference.replace(day=1) + relativedelta(months=step)
        return None, f"month of {first.isoformat()[:7]}"
    return None, f"year {reference.year + step}"


def _resolve_counted(
    m: re.Match[str], reference: dt.date, ref_from: str | None
) -> tuple[dt.date | None, str | None]:
    """Resolve "three days ago", "six years ago" (the unit is the granularity: a note)."""
    n = _NUMBERS.get(m["n"].lower()) if not m["n"].isdigit() else int(m["n"])
    direction = m["dir"].lower().split()[0]
    if n is None or direction not in {"ago", "from", "hence"} or ref_from == REF_LATEST:
        return None, None
    unit = m["nunit"].lower().rstrip("s")
    if direction != "ago":
        return _moved(reference, n, unit), None
    if unit in {"month", "year", "decade"}:
        months = n * {"month": 1, "year": 12, "decade": 120}[unit]
        return _shift(reference, relativedelta(months=-months)), f"{unit}s"
    return reference - dt.timedelta(days=n * _UNIT_DAYS.get(unit, 1)), None


def _resolve_relative(
    m: re.Match[str], reference: dt.date | None, ref_from: str | None
) -> tuple[dt.date | None, str | None]:
    if reference is None:
        return None, None
    if m["mod"]:
        return _resolve_modified(
            m["unit"].lower(), " ".join(m["mod"].lower().split()), reference, ref_from)
    day = (m["day"] or "").lower().split()
    if day:
        if ref_from == REF_LATEST and day[0] != "tomorrow":
            return None, None
        shift = {"yesterday": -1, "tomorrow": 1, "last": -1}.get(day[0], 0)
        return reference + dt.timedelta(days=shift), None
    return _resolve_counted(m, reference, ref_from)


def tag_times(
    article: Article, sentences: tuple[Sentence, ...], config: Config
) -> tuple[tuple[TimeExpr, ...], dt.date | None, str | None]:
    """Return the time expressions of ``article``, its reference date and where it came from.

    Junk sentences are skipped, except that metadata lines may give the reference date.

    >>> from discrep import Config
    >>> from discrep._segment import segment
    >>> text = "Talks are set for Tuesday (Mar 28). Photo taken March 27, 2022."
    >>> times, ref, how = tag_times(Article(text), segment(text), Config())
    >>> [(t.text, t.type, str(t.value), t.note) for t in times]  # doctest: +NORMALIZE_WHITESPACE
    [('Tuesday', 'weekday', '2022-03-29', '2022-03-28'), ('Mar 28', 'date', '2022-03-28', None),
     ('March 27, 2022', 'date', '2022-03-27', None)]
    """
    text = article.text
    scans = _scans(text, sentences)
    reference, ref_from = reference_date(article, sentences, scans)
    hits = _hits(text, sentences, scans)
    dates: dict[int, tuple[dt.date | None, bool]] = {}
    for i, h in enumerate(hits):
        if h.type == "date":
            dates[i] = _date_of(h.match, reference, _tense(text, h, sentences, ref_from, config),
                                config.time.past_ahead_days)
    out = [_expr(h, i, hits, dates, text, sentences, reference, ref_from, config)
           for i, h in enumerate(hits)]
    out = _with_next_dates(_with_weeks(_with_clocks(out, text), text), text, reference)
    out = _with_offsets(out, text, sentences, reference, config.time.forward_cue_chars)
    out = _with_weekday_offsets(out, text)
    out = _with_day_lists(_with_day_ends(out, text, sentences), text)
    out = _with_bounds(_with_week_of(out, text, sentences), text, sentences)
    out = _resolve_anaphors(out, sentences)
    # A date directly naming the start of something counted ("the Feb. 24 invasion").
    out = [
        attrs.evolve(t, anchor=_start_anchor_span(text, t, sentences)) if t.type == "date" else t
        for t in out
    ]
    near = config.time.ordinal_day_chars
    return _date_ordinals(tuple(out), text, sentences, near), reference, ref_from


def _expr(
    h: _Hit, i: int, hits: list[_Hit], dates: dict[int, tuple[dt.date | None, bool]], text: str,
    sentences: tuple[Sentence, ...], reference: dt.date | None, ref_from: str | None,
    config: Config,
) -> TimeExpr:
    """Build the time expression of hit ``hits[i]``, resolved against the reference date."""
    sent = sentences[h.sentence] if h.sentence >= 0 else Sentence(h.start, h.end, text)
    span = text[h.start : h.end]
    if h.type == "date":
        value, inferred = dates[i]
        point = _date_point(h.match, value if not inferred else None)
        return TimeExpr(h.start, h.end, span, "date", value, relative=inferred, point=point)
    if h.type == "weekday":
        wd = WEEKDAYS.index(h.match["wd"].lower())
        forward = _forward(text, h, sent, config.time.forward_cue_chars)
        value = _resolve_weekday(wd, h.match["mod"], forward, reference, ref_from)
        return TimeExpr(h.start, h.end, span, "weekday", value, relative=True,
                        note=_paired_date(hits, dates, i, text),
                        anchor=_start_anchor(text, h, sent), point=_day_point(value, wd))
    if h.type == "relative":
        return _relative_expr(h, span, reference, ref_from)
    if h.type == "spoken_time":
        return _spoken_time_expr(h, span)
    if h.type == "time":
        return TimeExpr(h.start, h.end, span, "time", None, note=" ".join(span.split()),
                        clock=_clock_text(h.match))
    if h.type == "ord_day":
        forward = _forward(text, h, sent, config.time.forward_cue_chars)
        return _ord_day_expr(h, span, reference, ref_from, forward, config.time.past_ahead_days)
    if h.type in _BUILDERS:
        forward = h.type == "holiday" and _forward(text, h, sent, config.time.forward_cue_chars)
        return _BUILDERS[h.type](h, span, reference, ref_from, forward)
    if h.type == "year":
        year = int(h.match["year"])
        return TimeExpr(h.start, h.end, span, "year", None, note=span, point=DatePoint(year))
    if h.type == "month":
        return _month_expr(h, span, reference)
    if h.type == "anaphor":
        return TimeExpr(h.start, h.end, span, "anaphor", None, relative=True)
    n = _ordinal_value(h.match["n"]) or 0
    anchor = TimeAnchor("ordinal", _counted(h.match["what"]), h.match["unit"].lower(), n)
    return TimeExpr(h.start, h.end, span, "ordinal_day", None, relative=True, anchor=anchor)


def _spoken_time_expr(h: _Hit, span: str) -> TimeExpr:
    """Build a clock time said in words.

    A weak one (no a.m./p.m., o'clock or part of the day) is noted "~" and kept only if
    it joins a day (see :func:`_with_clocks`).
    """
    g = h.match.groupdict()
    note = " ".join(span.split())
    return TimeExpr(h.start, h.end, span, "time", None,
                    note=note if _strong_clock(g) else "~" + note, clock=_spoken_clock(g))


def _strong_clock(g: dict[str, str | None]) -> bool:
    """Tell a clock time said in words that stands alone ("half past seven", "six pm")."""
    cue = g["ap"] or g["oclock"] or g["part"] or g["part0"] or g["night"]
    past = (g["rel"] or "").lower() == "past"
    return bool(cue) or past or (g["mw"] or "").lower().endswith(("half", "quarter"))


def _spoken_clock(g: dict[str, str | None]) -> str | None:
    """Return "HH:MM" for the groups of a :data:`_SPOKEN_TIME` match."""
    hour = _number(_first(g, "h1", "h2", "h3", "h4", "h5"))
    minute = _spoken_minutes(_first(g, "mw", "m3"))
    if hour is None or minute is None:
        return None
    if _first(g, "rel").lower() == "to":
        hour, minute = (hour - 1) % 12 or 12, 60 - minute
    hour = _twelve_hour(hour, _first(g, "ap").lower(), _first(g, "part", "part0", "night").lower())
    return f"{hour:02d}:{minute:02d}" if hour < 24 and minute < 60 else None


def _first(g: dict[str, str | None], *names: str) -> str:
    """Return the first of the groups ``names`` that matched, else ""."""
    return next((v for n in names if (v := g[n])), "")


def _twelve_hour(hour: int, ap: str, part: str) -> int:
    """Return the 24-hour hour of ``hour`` said with a.m./p.m. or a part of the day."""
    if ap:
        return hour % 12 + (12 if ap == "p" else 0)
    if part in {"afternoon", "evening", "night"} and hour < 12:
        return hour + 12
    return hour


def _number(word: str) -> int | None:
    return int(word) if word.isdigit() else word_number(word)


def _spoken_minutes(word: str) -> int | None:
    low = word.lower()
    if not low:
        return 0
    if low == "half":
        return 30
    if low.endswith("quarter"):
        return 15
    return _number(low)


def _clock_text(m: re.Match[str]) -> str | None:
    """Read "15:15" for "3:15 p.m.", "15:15 local time" when a zone is written."""
    clock = clock_of(m.group())
    if clock is not None and m["zone"]:
        return f"{clock} {' '.join(m['zone'].split())}"
    return clock


def _weekday_day_expr(
    h: _Hit, span: str, reference: dt.date | None, ref_from: str | None,
    forward: bool = False,
) -> TimeExpr:
    """Read "Monday 21": the nearest day to the reference that is a Monday and a 21st."""
    wd = _weekday_number(h.match["wd"])
    day = day_number(h.match["day"] or h.match["dayw"]) or 0
    value = None
    if reference is not None and ref_from != REF_LATEST and 1 <= day <= 31:
        candidates = []
        for k in range(-12, 13):
            first = reference.replace(day=1) + relativedelta(months=k)
            try:
                d = first.replace(day=day)
            except ValueError:
                continue
            if d.weekday() == wd:
                candidates.append(d)
        value = min(candidates, key=lambda d: abs((d - reference).days), default=None)
    return TimeExpr(h.start, h.end, span, "weekday", value, relative=True,
                    point=DatePoint(weekday=wd))


def _weekday_number(word: str) -> int:
    key = word.lower()[:3]
    return ("mon", "tue", "wed", "thu", "fri", "sat", "sun").index(key)


_UNIT_DAYS = {"day": 1, "week": 7, "fortnight": 14}
_UNIT_MONTHS = {"month": 1, "year": 12, "decade": 120}


def _count_of(word: str) -> int | None:
    return int(word) if word.isdigit() else _NUMBERS.get(word.lower())


def _moved(day: dt.date, n: int, unit: str) -> dt.date:
    """``day`` moved by ``n`` units ("week", "month", ...); n < 0 goes back."""
    unit = unit.lower().rstrip("s")
    if unit in _UNIT_DAYS:
        return day + dt.timedelta(days=n * _UNIT_DAYS[unit])
    return _shift(day, relativedelta(months=n * _UNIT_MONTHS.get(unit, 0)))


def _span_point(value: dt.date, unit: str) -> DatePoint:
    """Return the point of a counted date, as precise as the unit ("in two years": a year)."""
    unit = unit.lower().rstrip("s")
    if unit == "year" or unit == "decade":
        return DatePoint(value.year)
    if unit == "month":
        return DatePoint(value.year, value.month)
    return DatePoint(value.year, value.month, value.day)


def _in_units_expr(
    h: _Hit, span: str, reference: dt.date | None, ref_from: str | None,
    forward: bool = False,
) -> TimeExpr:
    """Read "in two weeks": the day that many units after the reference (a forward look)."""
    n = _count_of(h.match["n"])
    if reference is None or n is None or ref_from == REF_LATEST:
        return TimeExpr(h.start, h.end, span, "relative", None, relative=True)
    value = _moved(reference, n, h.match["nunit"])
    return TimeExpr(h.start, h.end, span, "relative", value, relative=True,
                    point=_span_point(value, h.match["nunit"]))


def _holiday_expr(
    h: _Hit, span: str, reference: dt.date | None, ref_from: str | None,
    forward: bool = False,
) -> TimeExpr:
    """Read "Christmas", "Easter Monday 2019", "last Easter", "Independence Day of this year"."""
    name = h.match["name"]
    if h.match["year"]:
        value = holiday_date(name, int(h.match["year"]))
        point = _day_point(value, None)
        return TimeExpr(h.start, h.end, span, "date", value, point=point)
    if reference is None:
        first = holiday_date(name, 2001)
        point = DatePoint(None, first.month, first.day) if first else None
        return TimeExpr(h.start, h.end, span, "date", None, relative=True, point=point)
    mod = (h.match["mod"] or "").lower() or ("next" if forward else "last")
    if mod == "last" and not h.match["mod"]:
        mod = "latest"  # news is told in the past: the last one, or today's
    value = _holiday_near(name, mod, h.match["this"], reference)
    written = h.match["this"] is not None
    point = DatePoint(value.year if written else None, value.month, value.day) if value else None
    return TimeExpr(h.start, h.end, span, "date", value, relative=True, point=point)


def _holiday_near(name: str, mod: str, this: str | None, reference: dt.date) -> dt.date | None:
    """Return the holiday's day nearest the reference ("last"/"next": before/after it)."""
    days = _holiday_days(name, this, reference)
    if not days:
        return None
    if mod in {"last", "previous", "latest"}:
        before = [d for d in days if d < reference or (mod == "latest" and d == reference)]
        return max(before or days)
    if mod in {"next", "following"}:
        return min([d for d in days if d > reference] or days)
    return min(days, key=lambda d: abs((d - reference).days))


def _holiday_days(name: str, this: str | None, reference: dt.date) -> list[dt.date]:
    """Return the holiday's days around the reference, or in "... of this/last/next year"."""
    years = [reference.year + k for k in (-1, 0, 1)]
    if this:
        years = [reference.year + {"last": -1, "next": 1}.get(this.lower(), 0)]
    return [d for y in years if (d := holiday_date(name, y)) is not None]


def _edge_expr(
    h: _Hit, span: str, reference: dt.date | None, ref_from: str | None,
    forward: bool = False,
) -> TimeExpr:
    """Read "the end of 2000" (the year), "the end of this year", "year-end" (the reference's)."""
    pos = (h.match["pos"] or h.match["pos2"] or "").lower()
    if h.match["month"]:
        year = int(h.match["myear"]) if h.match["myear"] else None
        month = _month_number(h.match["month"]) or 1
        return TimeExpr(h.start, h.end, span, "month", None, relative=year is None,
                        note=f"{pos} of {h.match['month']}", point=DatePoint(year, month))
    if h.match["year"]:
        year = int(h.match["year"])
        return TimeExpr(h.start, h.end, span, "year", None, note=f"{pos} of {year}",
                        point=DatePoint(year))
    unit = (h.match["unit"] or h.match["unit2"] or "").lower()
    if reference is None:
        return TimeExpr(h.start, h.end, span, "relative", None, relative=True)
    step = {"last": -1, "next": 1}.get((h.match["mod"] or "").lower(), 0)
    if unit == "year":
        point = DatePoint(reference.year + step)
    else:
        first = reference.replace(day=1) + relativedelta(months=step)
        point = DatePoint(first.year, first.month)
    return TimeExpr(h.start, h.end, span, "relative", None, relative=True,
                    note=f"{pos} of {unit}", point=point)


def _modyear_expr(
    h: _Hit, span: str, reference: dt.date | None, ref_from: str | None,
    forward: bool = False,
) -> TimeExpr:
    """Read "mid-1998", "early 2016", "calendar year 2008": the year, its part in the note."""
    year = int(h.match["year"])
    return TimeExpr(h.start, h.end, span, "year", None, note=span, point=DatePoint(year))


def _fiscal_expr(
    h: _Hit, span: str, reference: dt.date | None, ref_from: str | None,
    forward: bool = False,
) -> TimeExpr:
    """Read "fiscal 2015", "FY2016": noted, never compared with a calendar year (no point)."""
    return TimeExpr(h.start, h.end, span, "year", None, note=f"fiscal {h.match['year']}")


def _word_year_expr(
    h: _Hit, span: str, reference: dt.date | None, ref_from: str | None,
    forward: bool = False,
) -> TimeExpr:
    """Read "nineteen ninety-six": the year in figures."""
    year = spelled_year(h.match["wyear"])
    point = DatePoint(year) if year is not None else None
    return TimeExpr(h.start, h.end, span, "year", None, note=str(year), point=point)


def _day_end_expr(
    h: _Hit, span: str, reference: dt.date | None, ref_from: str | None,
    forward: bool = False,
) -> TimeExpr:
    """Read "end of day", "the end of the day": the reference day, at 23:59."""
    if reference is None or ref_from == REF_LATEST:
        return TimeExpr(h.start, h.end, span, "relative", None, relative=True)
    return TimeExpr(h.start, h.end, span, "relative", reference, relative=True,
                    point=_day_point(reference, None), clock="23:59")


def _ord_day_expr(
    h: _Hit, span: str, reference: dt.date | None, ref_from: str | None,
    forward: bool, ahead_days: int,
) -> TimeExpr:
    """Read "the 18th" (the nearest 18th the tense allows), "the 15th day of next month".

    ``ahead_days`` is ``TimeConfig.past_ahead_days`` (see :func:`_nearest_year`).
    """
    n = day_number(h.match["n"]) or 1
    if h.match["month"]:
        month = _month_number(h.match["month"]) or 1
        value = None
        if reference is not None:
            value = _nearest_year(f"{h.match['month']} {n}", reference, forward, ahead_days)
        return TimeExpr(h.start, h.end, span, "date", value, relative=True,
                        point=DatePoint(None, month, n))
    if reference is None or ref_from == REF_LATEST:
        return TimeExpr(h.start, h.end, span, "date", None, relative=True, point=DatePoint(day=n))
    if h.match["mod"] or h.match["the"]:
        step = {"last": -1, "next": 1}.get((h.match["mod"] or "").lower(), 0)
        value = _day_of_month(reference.replace(day=1) + relativedelta(months=step), n)
        return TimeExpr(h.start, h.end, span, "date", value, relative=True,
                        point=_day_point(value, None))
    value = _nearest_nth(reference, n, forward)
    return TimeExpr(h.start, h.end, span, "date", value, relative=True, point=DatePoint(day=n))


def _nearest_nth(reference: dt.date, n: int, forward: bool) -> dt.date | None:
    """Return the nearest day ``n`` of a month on the side of the reference the tense says.

    Looked forward to: the first on or after the reference; else the last on or before it.
    """
    first = reference.replace(day=1)
    days = [d for k in (-1, 0, 1)
            if (d := _day_of_month(first + relativedelta(months=k), n)) is not None]
    if forward:
        return min((d for d in days if d >= reference), default=None)
    return max((d for d in days if d <= reference), default=None)


def _ord_month_expr(
    h: _Hit, span: str, reference: dt.date | None, ref_from: str | None,
    forward: bool = False,
) -> TimeExpr:
    """Read "the third month of 2021", "the 9th month of next year": that month."""
    month = day_number(h.match["n"]) or 1
    if h.match["year"]:
        year: int | None = int(h.match["year"])
    else:
        step = {"last": -1, "next": 1}.get(h.match["mod"].lower(), 0)
        year = reference.year + step if reference is not None else None
    value = dt.date(year, month, 1) if year is not None else None
    return TimeExpr(h.start, h.end, span, "month", value, relative=not h.match["year"],
                    point=DatePoint(year, month))


def _day_of_month(first: dt.date, n: int) -> dt.date | None:
    """Return day ``n`` of the month starting ``first``, if the month has one."""
    try:
        return first.replace(day=n)
    except ValueError:
        return None


_BUILDERS = {
    "weekday_day": _weekday_day_expr, "in_units": _in_units_expr, "holiday": _holiday_expr,
    "edge": _edge_expr, "modyear": _modyear_expr, "fiscal": _fiscal_expr,
    "wyear": _word_year_expr, "day_end": _day_end_expr, "ord_month": _ord_month_expr,
}  # fmt: skip


# Gaps matched with ``rx.match(text, pos, endpos)``: no ``\A`` (it never matches at pos).
# "tomorrow at 8:45 a.m.", "Friday, 3 p.m.": a clock time after the day it belongs to ...
_CLOCK_AFTER_GAP = compile_spaced(
    r"(?:[ \t]*,)?[ \t]*(?:(?:early|late)[ \t]+)?(?:(?:morning|afternoon|evening|night)[ \t]+)?"
    r"(?:(?:at|@|around|about)[ \t]*)?\Z",
    re.IGNORECASE,
)
# "at 8:00 early morning", "at 10:00 in the evening": the part of the day after a clock time.
_PART_AFTER = compile_spaced(
    r"[ \t]+(?:(?:early|late)[ \t]+)?(?:in[ \t]+the[ \t]+)?(?P<part>morning|afternoon|evening"
    r"|night)\b",
    re.IGNORECASE,
)
# ... or before it: "3:15 p.m. Friday", "9 a.m. on Tuesday", "13:00 February 28, 2013".
_CLOCK_BEFORE_GAP = compile_spaced(r"[ \t]*,?[ \t]*(?:(?:on|of)[ \t]+)?\Z", re.IGNORECASE)
# "3:15 p.m. local time (0815 GMT)": the same moment in a second zone, in brackets.
_PAREN_OPEN = compile_spaced(r"[ \t]*\([ \t]*\Z")
_APPROX = compile_spaced(
    r"\b(?:around|about|approximately|circa|roughly)[ \t]+\Z", re.IGNORECASE)


def _names_day(t: TimeExpr) -> bool:
    """Tell an expression that names one day ("Friday", "tomorrow", "March 3")."""
    if t.type not in {"date", "weekday", "relative"} or t.point is None:
        return False
    return t.point.day is not None or t.point.weekday is not None


def _with_clocks(out: list[TimeExpr], text: str) -> list[TimeExpr]:
    """Join each clock time to the day it is given with: "3:15 p.m. (0815 GMT) Friday".

    The joined expression keeps the day's type, value and point and adds the clock; a
    clock given with no day stays a "time" expression of its own.
    """
    res: list[TimeExpr] = []
    i = 0
    while i < len(out):
        t = out[i]
        if t.type == "time":
            i, t = _second_zone(out, i, text)
            t = _with_part(t, text)
            prev = res[-1] if res else None
            nxt = out[i + 1] if i + 1 < len(out) else None
            if (prev is not None and prev.clock is None and _names_day(prev)
                    and _CLOCK_AFTER_GAP.match(text, prev.end, t.start)):
                res[-1] = _joined(prev, t, text)
            elif (nxt is not None and _names_day(nxt)
                  and _CLOCK_BEFORE_GAP.match(text, t.end, nxt.start)):
                res.append(_joined(nxt, t, text))
                i += 1
            elif not (t.note or "").startswith("~"):
                res.append(_approx(t, text))
        else:
            res.append(t)
        i += 1
    return res


def _second_zone(out: list[TimeExpr], i: int, text: str) -> tuple[int, TimeExpr]:
    """Swallow "(0815 GMT)" after a clock time: the same moment given in another zone.

    "7:48 am (2248 GMT Tuesday)" names the other zone's day too: the clock time then only
    notes the second zone, and the bracket stays an expression of its own (its day is
    the other zone's, not the first clock time's).
    """
    t = out[i]
    if i + 1 < len(out) and out[i + 1].type == "time":
        u = out[i + 1]
        if not _PAREN_OPEN.match(text, t.end, u.start):
            return i, t
        clock = f"{t.clock} = {u.clock}" if t.clock and u.clock else t.clock
        if text[u.end : u.end + 1] == ")":
            return i + 1, attrs.evolve(t, end=u.end + 1, text=text[t.start : u.end + 1],
                                       clock=clock)
        day = out[i + 2] if i + 2 < len(out) else None
        if (day is not None and _names_day(day) and text[day.end : day.end + 1] == ")"
                and _CLOCK_BEFORE_GAP.match(text, u.end, day.start)):
            return i, attrs.evolve(t, clock=clock)
    return i, t


def _with_part(t: TimeExpr, text: str) -> TimeExpr:
    """Widen a clock time over the part of the day after it ("8:00 early morning")."""
    m = _PART_AFTER.match(text, t.end) if t.clock is not None else None
    if m is None:
        return t
    return attrs.evolve(t, end=m.end(), text=text[t.start : m.end()],
                        clock=_evening(text[t.start : m.end()], t))


def _joined(day: TimeExpr, clock: TimeExpr, text: str) -> TimeExpr:
    start, end = min(day.start, clock.start), max(day.end, clock.end)
    joined = attrs.evolve(day, start=start, end=end, text=text[start:end],
                          clock=_evening(text[start:end], clock))
    return _approx(joined, text)


_EVENING_DAY = compile_spaced(r"\b(?:tonight|night|evening|afternoon)\b", re.IGNORECASE)
_HAS_AP = compile_spaced(r"\d[ \t]*[ap]\b|\b[ap][ \t]*\.?[ \t]*m\b|noon|midnight",
                         re.IGNORECASE)


def _evening(span: str, clock: TimeExpr) -> str | None:
    """Read "tonight at 7", "tomorrow evening at five-thirty" as p.m. (not "tonight at 3").

    ``span`` is the day and the clock time with what is between them.
    """
    if (clock.clock is None or not _EVENING_DAY.search(span)
            or _HAS_AP.search(clock.text)):
        return clock.clock
    hour = int(clock.clock[:2])
    if 5 <= hour < 12 or (hour < 12 and "night" not in span.lower()):
        return f"{hour + 12:02d}{clock.clock[2:]}"
    return clock.clock


def _approx(t: TimeExpr, text: str) -> TimeExpr:
    """Read "around 1 p.m.": the hedge belongs to a clock time's span."""
    m = _APPROX.search(text, max(0, t.start - 20), t.start)
    if m is None or t.clock is None:
        return t
    return attrs.evolve(t, start=m.start(), text=text[m.start() : t.end])


# "Tuesday of next week", "Tuesday last week", "next week on Tuesday", "this week Monday"
_WEEKDAY_OF_GAP = compile_spaced(r"[ \t]+(?:of[ \t]+)?\Z", re.IGNORECASE)
_WEEK_WEEKDAY_GAP = compile_spaced(r"[ \t]*(?:-[ \t]*|on[ \t]+|[ \t])\Z", re.IGNORECASE)


def _bare_weekday(t: TimeExpr) -> int | None:
    """Return the weekday of an unmodified weekday expression ("Tuesday", not "last Tuesday")."""
    first = t.text.split()[0].lower() if t.text.split() else ""
    return WEEKDAYS.index(first) if t.type == "weekday" and first in WEEKDAYS else None


def _week_monday(t: TimeExpr) -> dt.date | None:
    if t.type == "relative" and t.note and t.note.startswith("week of "):
        return dt.date.fromisoformat(t.note[len("week of ") :])
    return None


def _with_weeks(out: list[TimeExpr], text: str) -> list[TimeExpr]:
    """Join a weekday to the week it is of: "Tuesday of next week" is that week's Tuesday."""
    res: list[TimeExpr] = []
    for t in out:
        prev = res[-1] if res else None
        joined = None
        if prev is not None:
            wd, monday = _bare_weekday(prev), _week_monday(t)
            if wd is not None and monday and _WEEKDAY_OF_GAP.match(text, prev.end, t.start):
                joined = _week_day(prev, t, prev, monday, wd, text)
            wd, monday = _bare_weekday(t), _week_monday(prev)
            if wd is not None and monday and _WEEK_WEEKDAY_GAP.match(text, prev.end, t.start):
                joined = _week_day(prev, t, t, monday, wd, text)
        if joined is not None:
            res[-1] = joined
        else:
            res.append(t)
    return res


def _week_day(
    a: TimeExpr, b: TimeExpr, day: TimeExpr, monday: dt.date, wd: int, text: str
) -> TimeExpr:
    value = monday + dt.timedelta(days=wd)
    return attrs.evolve(day, start=a.start, end=b.end, text=text[a.start : b.end], value=value,
                        point=_day_point(value, wd), note=None)


def _with_offsets(
    out: list[TimeExpr], text: str, sentences: tuple[Sentence, ...], reference: dt.date | None,
    lookback: int,
) -> list[TimeExpr]:
    """Read "three days after Christmas", "two weeks before May 13, 1999": count from the day.

    The clause before the count gives the direction of a day with no year ("will happen
    3 days after January 12th": the coming January 12th).
    """
    res = list(out)
    for k, t in enumerate(out):
        if t.value is None or not _names_day(t):
            continue
        idx = _sentence_index(sentences, t.start)
        floor = max(sentences[idx].start if idx >= 0 else 0, t.start - 40,
                    res[k - 1].end if k > 0 else 0)
        m = _OFFSET_BEFORE.search(text, floor, t.start)
        n = _count_of(m["n"]) if m else None
        if m is None or n is None:
            continue
        base = t.value
        if reference is not None and idx >= 0 and _looks_forward(
                text, m.start(), sentences[idx], lookback):
            base = _occurrence(t, reference, strict=False) or base
        sign = -1 if m["rel"].lower() == "before" else 1
        value = _moved(base, sign * n, m["nunit"])
        res[k] = attrs.evolve(
            t, start=m.start(), text=text[m.start() : t.end], type="relative", value=value,
            relative=True, note=None, anchor=None, point=_day_point(value, None))
    return res


def _with_day_ends(
    out: list[TimeExpr], text: str, sentences: tuple[Sentence, ...]
) -> list[TimeExpr]:
    """Read "end of tomorrow", "the end of this Sunday": that day at 23:59."""
    res = list(out)
    for k, t in enumerate(out):
        if t.clock is not None or not _names_day(t):
            continue
        idx = _sentence_index(sentences, t.start)
        floor = max(sentences[idx].start if idx >= 0 else 0, t.start - 16,
                    res[k - 1].end if k > 0 else 0)
        if "end" not in text[floor : t.start].lower():
            continue
        m = _DAY_END_BEFORE.search(text, floor, t.start)
        if m is not None:
            res[k] = attrs.evolve(t, start=m.start(), text=text[m.start() : t.end], clock="23:59")
    return res


_NEXT_BEFORE = compile_spaced(r"\bnext[ \t]+\Z", re.IGNORECASE)
_YEAR_MODS = frozenset({"last", "next", "previous", "following", "this", "past", "coming"})


def _occurrence(t: TimeExpr, reference: dt.date, strict: bool) -> dt.date | None:
    """Return the first day on (or, ``strict``, after) the reference a date names.

    Only for a date with no year written and no modifier ("January 12th", "Christmas");
    else None.
    """
    p = t.point
    words = t.text.split()
    if (t.type != "date" or p is None or p.year is not None or p.month is None
            or p.day is None or not words or words[0].lower() in _YEAR_MODS):
        return None
    for year in (reference.year, reference.year + 1):
        day = holiday_date(t.text, year) or _day_of_month(dt.date(year, p.month, 1), p.day)
        if day is not None and (day > reference or (day == reference and not strict)):
            return day
    return None


def _with_next_dates(
    out: list[TimeExpr], text: str, reference: dt.date | None
) -> list[TimeExpr]:
    """Read "next 6th of April": the first such day after the reference."""
    if reference is None:
        return out
    res = list(out)
    for k, t in enumerate(out):
        m = _NEXT_BEFORE.search(text, max(0, t.start - 8), t.start)
        value = _occurrence(t, reference, strict=True) if m is not None else None
        if m is not None and value is not None:
            res[k] = attrs.evolve(t, start=m.start(), text=text[m.start() : t.end], value=value)
    return res


# "Monday two weeks from now", "Thursday, two years from now", "in 3 days on Friday": the
# weekday of the week the count lands in.
_OFFSET_UNIT = compile_spaced(r"\b(?:days?|weeks?|fortnights?|months?|years?)\b", re.IGNORECASE)
_WEEKDAY_OFFSET_GAP = compile_spaced(r"[ \t]*(?:,[ \t]*)?\Z")  # linear: one star per run
_OFFSET_WEEKDAY_GAP = compile_spaced(r"[ \t]+on[ \t]+\Z", re.IGNORECASE)


def _counted_day(t: TimeExpr) -> bool:
    """Tell a day counted from another ("two weeks from now", "in 3 days")."""
    return (t.type == "relative" and t.value is not None and t.clock is None
            and _OFFSET_UNIT.search(t.text) is not None)


def _with_weekday_offsets(out: list[TimeExpr], text: str) -> list[TimeExpr]:
    """Join a weekday to the counted day whose week it names: "Saturday 3 days from now"."""
    res: list[TimeExpr] = []
    for t in out:
        prev = res[-1] if res else None
        joined = None
        if prev is not None:
            wd = _bare_weekday(prev)
            if wd is not None and _counted_day(t) and _WEEKDAY_OFFSET_GAP.match(
                    text, prev.end, t.start):
                joined = _in_week_of(prev, t, t, wd, text)
            wd = _bare_weekday(t)
            if wd is not None and _counted_day(prev) and _OFFSET_WEEKDAY_GAP.match(
                    text, prev.end, t.start):
                joined = _in_week_of(prev, t, prev, wd, text)
        if joined is not None:
            res[-1] = joined
        else:
            res.append(t)
    return res


def _in_week_of(a: TimeExpr, b: TimeExpr, counted: TimeExpr, wd: int, text: str) -> TimeExpr:
    assert counted.value is not None
    value = counted.value + dt.timedelta(days=wd - counted.value.weekday())
    return attrs.evolve(counted, start=a.start, end=b.end, text=text[a.start : b.end],
                        value=value, point=_day_point(value, wd), note=None)


# "18 and 19 June": a day of the month that takes the month of the date after it.
_DAY_AND_BEFORE = compile_spaced(
    r"(?<![\w$£€.,:/-])(?P<d>[0-3]?\d(?:st|nd|rd|th)?)[ \t]+(?:and|or|&)[ \t]+\Z",
    re.IGNORECASE,
)


def _with_day_lists(out: list[TimeExpr], text: str) -> list[TimeExpr]:
    """Add the first day of "18 and 19 June", "on the 3rd or 4th of May": the month after."""
    res: list[TimeExpr] = []
    for t in out:
        p = t.point
        m = None
        if t.type == "date" and p is not None and p.month is not None and t.text[:1].isdigit():
            floor = max(0, t.start - 12, res[-1].end if res else 0)
            m = _DAY_AND_BEFORE.search(text, floor, t.start)
        day = day_number(m["d"]) if m else None
        if m is not None and day is not None and p is not None:
            value = _day_of_month(t.value.replace(day=1), day) if t.value else None
            res.append(TimeExpr(m.start("d"), m.end("d"), m["d"], "date", value,
                                relative=t.relative, point=attrs.evolve(p, day=day, weekday=None)))
        res.append(t)
    return res


# "the week of April 10th", "the week beginning February 4": the week a day is in.
_WEEK_OF_BEFORE = compile_spaced(
    r"\bthe[ \t]+week[ \t]+(?:of|beginning|commencing|starting(?:[ \t]+on)?)[ \t]+\Z",
    re.IGNORECASE,
)


def _with_week_of(
    out: list[TimeExpr], text: str, sentences: tuple[Sentence, ...]
) -> list[TimeExpr]:
    """Widen a day to the week it names: "the week of April 10th" (the note says so)."""
    res = list(out)
    for k, t in enumerate(out):
        if t.type not in {"date", "weekday", "relative"} or t.point is None or t.point.day is None:
            continue
        idx = _sentence_index(sentences, t.start)
        floor = max(sentences[idx].start if idx >= 0 else 0, t.start - 32,
                    res[k - 1].end if k > 0 else 0)
        m = _WEEK_OF_BEFORE.search(text, floor, t.start)
        if m is not None:
            res[k] = attrs.evolve(t, start=m.start(), text=text[m.start() : t.end],
                                  note=f"week of {t.text}")
    return res


# "since August", "before 2018", "starting on January 7th", "as late as tomorrow", "no later
# than May 1": an open bound written before the date. The bound word is part of the span.
_BOUND_BEFORE = compile_spaced(
    r"\b(?P<w>since|before|after|until|till|by|(?:no[ \t]+)?later[ \t]+than"
    r"|as[ \t]+(?:late|early)[ \t]+as|(?:starting|beginning)(?:[ \t]+on)?)[ \t]+"
    r"(?:the[ \t]+)?\Z",
    re.IGNORECASE,
)
_BOUND_OF = {
    "since": "since", "starting": "since", "beginning": "since", "as early as": "since",
    "before": "before", "by": "before", "no later than": "before", "after": "after",
    "later than": "after", "until": "until", "till": "until", "as late as": "until",
}  # fmt: skip
# "more than 2 weeks before today": a counted offset that is only a bound.
_MORE_THAN = compile_spaced(r"\bmore[ \t]+than[ \t]+\Z", re.IGNORECASE)
_OFFSET_REL = compile_spaced(r"\b(?P<rel>before|after)\b", re.IGNORECASE)


def _with_bounds(
    out: list[TimeExpr], text: str, sentences: tuple[Sentence, ...]
) -> list[TimeExpr]:
    """Mark the open bounds: "since August" is a bound at August, not a date of its own."""
    res = list(out)
    for k, t in enumerate(out):
        if t.type in {"anaphor", "ordinal_day"}:
            continue
        idx = _sentence_index(sentences, t.start)
        floor = max(sentences[idx].start if idx >= 0 else 0, t.start - 24,
                    res[k - 1].end if k > 0 else 0)
        m = _BOUND_BEFORE.search(text, floor, t.start)
        word = " ".join(m["w"].lower().split()) if m else None
        if m is None:
            m = _MORE_THAN.search(text, floor, t.start) if t.type == "relative" else None
            rel = _OFFSET_REL.search(t.text) if m else None
            word = rel["rel"].lower() if rel else None
        if m is None or word is None:
            continue
        bound = _BOUND_OF.get(word.split()[0] if word.startswith(("starting", "beginning"))
                              else word, word)
        res[k] = attrs.evolve(t, start=m.start(), text=text[m.start() : t.end], bound=bound)
    return res


def _relative_expr(
    h: _Hit, span: str, reference: dt.date | None, ref_from: str | None
) -> TimeExpr:
    """Build "yesterday", "six years ago", "last month" with the point each names."""
    value, note = _resolve_relative(h.match, reference, ref_from)
    point = _day_point(value, None)
    if value is not None and note in {"months", "years", "decades"}:
        # "six years ago" says the year, not the day
        point = DatePoint(value.year, value.month if note == "months" else None)
        note = None
    elif note is not None and note.startswith(("year ", "month of ")):
        # "last year", "earlier this month": the period is the point
        digits = [int(x) for x in re.findall(r"\d+", note)]
        point = DatePoint(*digits[:2])
    return TimeExpr(h.start, h.end, span, "relative", value, relative=True, note=note,
                    point=point)


def _day_point(value: dt.date | None, wd: int | None) -> DatePoint | None:
    if value is not None:
        return DatePoint(value.year, value.month, value.day, value.weekday())
    return DatePoint(weekday=wd) if wd is not None else None


def _date_point(m: re.Match[str], value: dt.date | None) -> DatePoint | None:
    """Return the date as written: "November 18" keeps no year, "March 3, 2022" all."""
    if value is not None:
        return DatePoint(value.year, value.month, value.day)
    groups = _date_groups(m)
    month = _month_number(groups.get("month") or "")
    day = groups.get("day")
    if month is None or not day:
        return None
    return DatePoint(None, month, int(day))


def _month_number(word: str) -> int | None:
    key = word.lower().rstrip(".")[:3]
    months = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
    return months.index(key) + 1 if key in months else None


def _month_expr(h: _Hit, span: str, reference: dt.date | None) -> TimeExpr:
    """Build a month: "July 1973" (with its year) or "last April", "in September"."""
    month = _month_number(h.match["month"]) or 1
    written_text = _date_groups(h.match)["year"]
    if written_text:
        written = int(written_text)
        return TimeExpr(h.start, h.end, span, "month", dt.date(written, month, 1),
                        point=DatePoint(written, month))
    year = _month_year(" ".join((h.match["mod"] or "").lower().split()), month, reference)
    value = dt.date(year, month, 1) if year is not None else None
    return TimeExpr(h.start, h.end, span, "month", value, relative=True,
                    point=DatePoint(year, month))


def _month_year(mod: str, month: int, reference: dt.date | None) -> int | None:
    """Return the year of "last April", "next March", "this June" (None for "in May")."""
    if reference is None:
        return None
    if "last" in mod or "past" in mod:
        return reference.year - (1 if month >= reference.month else 0)
    if "next" in mod or "coming" in mod:
        return reference.year + (1 if month <= reference.month else 0)
    return reference.year if "this" in mod else None


def _resolve_anaphors(
    out: list[TimeExpr], sentences: tuple[Sentence, ...]
) -> list[TimeExpr]:
    """Resolve "that year", "the following year", "that day" to the expression before.

    The antecedent is the last expression with a year (for "year"), a month or a day,
    in the same sentence or the one before; "following"/"next" add one, "previous" takes
    one away.
    """
    resolved = list(out)
    for k, t in enumerate(out):
        if t.type != "anaphor":
            continue
        unit = t.text.split()[-1].lower()
        idx = _sentence_index(sentences, t.start)
        floor = sentences[idx - 1].start if idx > 0 else 0
        for u in reversed(resolved[:k]):
            if u.start < floor:
                break
            if u.point is None or u.point.year is None or u.type == "anaphor":
                continue
            if unit != "year" and u.point.month is None:
                continue
            if unit in {"day", "week"} and u.point.day is None:
                continue
            resolved[k] = _anaphor_of(t, u, u.point, unit)
            break
    return resolved


def _anaphor_of(t: TimeExpr, u: TimeExpr, p: DatePoint, unit: str) -> TimeExpr:
    """Resolve anaphor ``t`` to antecedent ``u`` (whose point is ``p``).

    A week gets a note naming it, as "last week" does ("the same week" after "March 3,
    2021": the week of Monday 2021-03-01); the rest the antecedent's point, shifted.
    """
    antecedent = u.antecedent or (u.start, u.end)
    if unit != "week" or p.year is None or p.month is None or p.day is None:
        return attrs.evolve(t, point=_shift_point(p, unit, t.text.lower()), antecedent=antecedent)
    words = t.text.lower()
    step = 1 if ("following" in words or "next" in words) else 0
    day = dt.date(p.year, p.month, p.day)
    monday = day - dt.timedelta(days=day.weekday() - 7 * step)
    return attrs.evolve(t, note=f"week of {monday.isoformat()}", antecedent=antecedent)


def _shift_point(p: DatePoint, unit: str, words: str) -> DatePoint:
    step = 1 if ("following" in words or "next" in words) else -1 if (
        "previous" in words or "preceding" in words) else 0
    if unit == "year":
        return DatePoint(p.year + step if p.year is not None else None)
    if unit == "month" and p.year is not None and p.month is not None:
        first = dt.date(p.year, p.month, 1) + relativedelta(months=step)
        return DatePoint(first.year, first.month)
    if p.year is not None and p.month is not None and p.day is not None:
        day = dt.date(p.year, p.month, p.day) + dt.timedelta(days=step)
        return DatePoint(day.year, day.month, day.day)
    return p


def _paired_date(
    hits: list[_Hit], dates: dict[int, tuple[dt.date | None, bool]], i: int, text: str
) -> str | None:
    """Return the date written beside a weekday: "Tuesday (Mar 28)", "Tuesday, March 28, 2022"."""
    h = hits[i]
    for j in (i + 1, i - 1):
        if not 0 <= j < len(hits) or hits[j].type != "date":
            continue
        other = hits[j]
        gap = text[h.end : other.start] if j > i else text[other.end : h.start]
        if (j > i and _PAIR_GAP.match(gap)) or (j < i and _PAIR_GAP_BEFORE.match(gap)):
            value = dates[j][0]
            return value.isoformat() if value else None
    return None


def _start_anchor(text: str, h: _Hit, sent: Sentence) -> TimeAnchor | None:
    after = _START_AFTER.match(text, h.end, sent.end)
    if after and h.match["poss"]:
        return TimeAnchor("start", _counted(after["what"]))
    before = _START_BEFORE.search(text, max(sent.start, h.start - 40), h.start)
    if before:
        return TimeAnchor("start", _counted(before["what"]))
    return None


def _start_anchor_span(
    text: str, t: TimeExpr, sentences: tuple[Sentence, ...]
) -> TimeAnchor | None:
    idx = _sentence_index(sentences, t.start)
    if idx < 0:
        return None
    sent = sentences[idx]
    after = _START_AFTER.match(text, t.end, sent.end)
    before_text = text[max(sent.start, t.start - 12) : t.start]
    if after and _THE_END.search(before_text):
        return TimeAnchor("start", _counted(after["what"]))
    before = _START_BEFORE.search(text, max(sent.start, t.start - 40), t.start)
    if before:
        return TimeAnchor("start", _counted(before["what"]))
    return None


def _date_ordinals(
    times: tuple[TimeExpr, ...], text: str, sentences: tuple[Sentence, ...], near: int
) -> tuple[TimeExpr, ...]:
    """Date "the Nth day of X": from a time in apposition, else from X's stated start."""
    starts: dict[str, dt.date] = {}
    for t in times:
        if t.anchor is not None and _starts_something(t) and t.value is not None:
            starts.setdefault(t.anchor.what, t.value)
    out = list(times)
    for i, t in enumerate(times):
        parts = ordinal_anchor(t.anchor) if t.type == "ordinal_day" else None
        if parts is None:
            continue
        n, unit, what = parts
        day = ordinal_day_of(times, i, text, sentences, near)
        value = day.value if day is not None else None
        if value is None and unit == "day" and what in starts:
            value = starts[what] + dt.timedelta(days=n - 1)
        anchor = attrs.evolve(t.anchor, day=(day.start, day.end)) if day and t.anchor else t.anchor
        out[i] = attrs.evolve(t, value=value if unit == "day" else t.value, anchor=anchor)
    return tuple(out)


def ordinal_day_of(
    times: tuple[TimeExpr, ...], i: int, text: str, sentences: tuple[Sentence, ...], window: int
) -> TimeExpr | None:
    """Return the weekday or date that says which day the ordinal ``times[i]`` is.

    A weekday or date in apposition ("early Thursday, the eighth day of the invasion")
    wins; otherwise the nearest weekday or date of the same sentence, within ``window``
    characters (``TimeConfig.ordinal_day_chars``).
    """
    t = times[i]
    idx = _sentence_index(sentences, t.start)
    if idx < 0:
        return None
    sent = sentences[idx]
    # Only expressions near the ordinal: a sentence of thousands of dates stays linear.
    near = starting_in(times, max(sent.start, t.start - window), min(sent.end, t.end + window))
    same = [
        u for u in near
        if u is not t and u.type in {"weekday", "date"}
        and not _starts_something(u)
    ]
    for u in same:
        gap = text[u.end : t.start] if u.end <= t.start else text[t.end : u.start]
        if _APPOSITION.match(gap):
            return u
    if not same:
        return None
    return min(same, key=lambda u: min(abs(u.start - t.end), abs(t.start - u.end)))


def starting_in(times: tuple[TimeExpr, ...], start: int, end: int) -> tuple[TimeExpr, ...]:
    """Return the expressions of ``times`` (sorted by start) that start in ``[start, end)``.

    >>> t = TimeExpr(5, 11, "Monday", "weekday")
    >>> starting_in((t,), 0, 6) == (t,), starting_in((t,), 6, 20)
    (True, ())
    """
    lo = bisect.bisect_left(times, start, key=lambda u: u.start)
    hi = bisect.bisect_left(times, end, lo=lo, key=lambda u: u.start)
    return times[lo:hi]


def times_in(times: tuple[TimeExpr, ...], start: int, end: int) -> tuple[TimeExpr, ...]:
    """Return the expressions of ``times`` (sorted by start) that lie inside ``[start, end)``.

    >>> t = TimeExpr(5, 11, "Monday", "weekday")
    >>> times_in((t,), 0, 20) == (t,), times_in((t,), 12, 20)
    (True, ())
    """
    return tuple(t for t in starting_in(times, start, end) if t.end <= end)
