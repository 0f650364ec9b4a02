"""Sentence segmentation with exact character offsets, for scraped news text.

Why not a library (measured with pysbd 0.3.4 and syntok 1.4.4, rule-based segmenters
that report offsets, on the seeds repeated to 0.25 and 1 MB): pysbd leaves sentences that
scraping glued together as one ("...Macron.The talks...") and needs about 4 s per MB, far
over budget for a 5 MB article; syntok splits glued sentences but joins headlines,
datelines and navigation lines that sit on lines of their own into one sentence, and grows
quadratically (0.25 MB: 0.9 s, 1 MB: 14 s). nltk's punkt has offsets (span_tokenize) but
needs a trained model fetched at run time, and does not split inside a glued token. Neither
knows page furniture (date tags, breadcrumbs, datelines glued to the first sentence). The
rules here are a few bounded regular expressions plus constant-time checks around each
candidate boundary, so segmentation is linear in the length of the text.

Lines are the first unit: scraped articles put headlines, datelines, captions and page
furniture on lines of their own, so a line break ends a sentence unless the next line
plainly continues it (a hard-wrapped paragraph: no terminal punctuation before the break
and a lower-case word after it). Within a block, a run of terminal punctuation (with any
closing quotes) ends a sentence when the text after it starts one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from discrep._config import ReadConfig
from discrep._lexicon import (
    MONTH,
    MONTH_ABBREVIATIONS,
    MONTHS,
    WEEKDAY_ABBREVIATIONS,
    WEEKDAYS,
)
from discrep._model import Sentence

__all__ = ["furniture_prefix", "looks_like_html", "segment"]

# Titles that precede a name: never the end of a sentence.
# fmt: off
_TITLES = frozenset((
    "mr", "mrs", "ms", "messrs", "mme", "dr", "prof", "st", "gen", "col", "lt", "sgt", "capt",
    "cmdr", "cmdt", "adm", "maj", "brig", "cpl", "pvt", "gov", "sen", "rep", "rev", "hon", "pres",
    "supt", "insp", "det", "const", "atty", "fr", "sr", "jr", "dep", "msgr", "comr", "snr", "spc",
    "pfc", "amb", "asst", "ald",
))
# fmt: on
# Abbreviations that may also end a sentence: a boundary after them needs a word that
# plainly starts a sentence ("... in the U.S. The talks", not "U.S. President").
# fmt: off
_ABBREVIATIONS = frozenset((
    *MONTH_ABBREVIATIONS, *WEEKDAY_ABBREVIATIONS, "etc", "inc", "co", "corp",
    "ltd", "plc", "llc", "bros", "dept", "est", "approx", "vs", "esq", "ave", "blvd", "rd", "hwy",
    "mt", "ft", "e.g", "i.e", "a.m", "p.m", "u.s", "u.n", "u.k", "e.u", "u.s.a", "ca", "cf", "al",
))
# fmt: on
# Abbreviations only before a number ("No. 5", "Vol. 2"); elsewhere they are words.
_NUMERIC_ABBREVIATIONS = frozenset(["no", "nos", "vol", "fig", "pp", "p", "art", "sec", "ch"])
# AP-style US state abbreviations, written capitalised ("Springfield, Ill.").
# fmt: off
_STATES = frozenset((
    "Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Del", "Fla", "Ga", "Ill", "Ind", "Kan", "Ky",
    "La", "Md", "Mass", "Mich", "Minn", "Miss", "Mo", "Mont", "Neb", "Nev", "Okla", "Ore", "Pa",
    "Tenn", "Tex", "Va", "Vt", "Wash", "Wis", "Wyo",
))
# fmt: on
# Words that start sentences and rarely follow an abbreviation inside one.
# fmt: off
_STARTERS = frozenset((
    "the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "this", "that", "these",
    "those", "there", "his", "her", "its", "their", "our", "my", "in", "on", "at", "after",
    "before", "but", "and", "or", "so", "as", "when", "while", "if", "however", "meanwhile",
    "also", "some", "many", "most", "no", "not", "one", "both", "all", "what", "who", "why",
    "how", "where", "then", "yet", "still", "since", "during", "although", "though", "because",
    "earlier", "later", "now", "today",
))
# fmt: on
# After "a.m."/"p.m." a capitalised word starts a sentence unless it is part of the time.
# fmt: off
_TIME_WORDS = frozenset((*WEEKDAYS, *MONTHS, "local"))
# fmt: on

# Terminal punctuation runs, with closing quotes and brackets; or a pipe separating
# page furniture ("... Ukraine. | Photo Credit: AFP", "May 2, 2013 | 5:03pm"). The plain
# form is _TERMINAL_RUN + "+" + _CLOSERS + r"*|(?<=\s)\|(?=\s)"; this one opens with a
# single character class (the pipe told from the punctuation by a lookbehind after it), so
# that a search skips in C to the next of those characters: 46 -> 8 ms over the ECB+
# articles, the same matches (tests/test_fast_paths_extract.py).
_TERMINAL_RUN = "[.!?\u2026\u3002\uff01\uff1f]"
_CLOSERS = "[\"'\u201d\u2019\u00bb)\\]\u300d\u300f]"
_TERMINAL = re.compile(
    "[.!?\u2026\u3002\uff01\uff1f|]"
    rf"(?:(?<=\s\|)(?=\s)|(?<!\|){_TERMINAL_RUN}*{_CLOSERS}*)"
)
_CJK_TERMINAL = frozenset("\u3002\uff01\uff1f")
# r"\r\n|[\n\r\u2028\u2029\x0b\x0c\x1c-\x1e\x85]" opening with its character class (the
# same matches; a search skips to a break in C: 15 -> 7 ms over the ECB+ articles).
_LINE_BREAK = re.compile(r"[\n\r\u2028\u2029\x0b\x0c\x1c-\x1e\x85](?:(?<=\r)\n)?")
_NEWLINES = frozenset(("\n", "\r", "\r\n"))
# Block-level HTML tags break text like a line break; inline tags (a, b, span) do not.
_HTML_BREAK = re.compile(
    r"<(?:/?(?:p|div|br|li|ul|ol|h[1-6]|td|tr|th|table|tbody|thead|section|article|header"
    r"|footer|nav|aside|main|figure|figcaption|blockquote|script|style|title|head|body|html"
    r"|meta|link|form|button|select|option|iframe|noscript|hr|dd|dt|dl|pre|img|input"
    r"|label|time|source|picture|svg|path)\b|!)[^<>]{0,2000}>"
    r"|\r\n|[\n\r\u2028\u2029\x0b\x0c\x1c-\x1e\x85]",
    re.IGNORECASE,
)
_HTML_SIGNS = re.compile(
    r"<!doctype\s+html|<html[\s>]|<body[\s>]|<head[\s>]|</(?:p|div|span|a|li|script)>",
    re.IGNORECASE,
)
_WORD_BEFORE = re.compile(r"[\w.]{1,24}\Z")
_RUN_AHEAD = re.compile(r"[\w.]{1,24}")  # _WORD_BEFORE, read in the reversed text
_WORD_AFTER = re.compile(r"[\"'\u201c\u2018(]?(\w{1,30})(.?)")
# Furniture glued to the start of a line: a " date 2022-03-03" tag, or a breadcrumb or
# agency dateline glued to the first word ("HomePoliticsKyiv and ...", "dpa KievMoscowMoscow
# and ..."). Bounded repetitions, matched only at a line start.
_DATE_TAG = re.compile(r"[^\S\n]{0,20}date[^\S\n]{1,5}\d{4}-\d{2}-\d{2}(?=\s|\Z)")
# A dateline opening a sentence: "June 26, 2005 Before he was shot", "Updated 9:01 AM EDT
# The murder trial", "(March 20, 2007) -- A jury". Every part is optional and bounded;
# _dateline_off() requires a number and a word in what matched.
_DATELINE_PREFIX = re.compile(
    r"[^\S\n]{0,20}\(?(?i:(?:last[^\S\n])?(?:updated|posted|published)(?:[^\S\n](?:on|at))?:?[^\S\n]{1,3})?"
    r"(?i:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]{0,6}\.?,?[^\S\n]{1,3})?"
    r"(?i:" + MONTH + r"\.?[^\S\n]{1,3}\d{1,2}(?:st|nd|rd|th)?,?[^\S\n]{1,3}\d{4}"
    r"|\d{1,2}[^\S\n]{1,3}" + MONTH + r"\.?,?[^\S\n]{1,3}\d{4})?"
    r"(?:,?[^\S\n]{0,3}\d{1,2}[:.]\d{2}[^\S\n]{0,2}(?i:[ap]\.?m\.?)?(?:[^\S\n]{1,3}[A-Z]{2,4}\b)?)?"
    r"\)?[^\S\n]{0,3}(?:--|\u2014|\u2013|\||:)?[^\S\n]{1,3}(?=[A-Z][a-z])"
)
_DATELINE_WORDY = re.compile(r"[A-Za-z]{2}")
# A wire dateline opening the first sentence: "KYIV, March 3 (Reuters) - ", "WASHINGTON (AP)
# — ", "HAMBURG: ". The place is where the story was filed, not a claim of the story.
_WIRE_DATELINE = re.compile(
    r"[^\S\n]{0,20}[A-Z][A-Z.'-]{2,25}(?:[^\S\n][A-Z][A-Z.'-]{1,25}){0,3}"
    r"(?:,[^\S\n]{1,3}[A-Z][A-Za-z.'-]{1,25}(?:[^\S\n][A-Z][A-Za-z.'-]{1,25}){0,2})?"
    r"(?:,?[^\S\n]{1,3}(?i:" + MONTH + r")\.?[^\S\n]{1,3}\d{1,2})?"
    r"(?:[^\S\n]{0,3}\([A-Z][\w .&'-]{1,30}\)[^\S\n]{0,3}[-:\u2013\u2014]{1,2}"
    r"|:|[^\S\n]{1,3}[-\u2013\u2014]{1,2})[^\S\n]{1,3}(?=[\"\u201c]?[A-Z][a-z])"
)
_GLUED_CRUMBS = re.compile(
    r"[^\S\n]{0,20}((?i:dpa|afp|ap|apa|ansa|efe|kna|epd|sda|ians|pti|ani|upi|tass|xinhua)"
    r"[^\S\n]{1,3})?((?:[A-Z][a-z]{1,20}){1,6})(?=[A-Z][a-z])"
)
_LOWER_WORD = re.compile(r"[ \t]{0,40}[a-z][a-z'\u2019-]{0,30}[ ,;]")
#: A character ``str.isalnum`` accepts: a word character other than "_".
_ALNUM = re.compile(r"[^\W_]")

_READ = ReadConfig()  # the defaults, for callers without a Config


def looks_like_html(text: str) -> bool:
    """Tell whether ``text`` is HTML markup rather than plain text (looks at its head only).

    >>> looks_like_html("<html><body><p>Kyiv said.</p></body></html>"), looks_like_html("a < b")
    (True, False)
    """
    return len(_HTML_SIGNS.findall(text, 0, 65536)) >= 2


def furniture_prefix(text: str, pos: int = 0, endpos: int | None = None) -> int:
    """Return where page furniture glued to the start of a line ends (``pos`` if none).

    Recognises a ``date 2022-03-03`` tag and breadcrumbs or agency datelines glued to the
    first word of the content (``HomePoliticsKyiv and Moscow...``).

    >>> furniture_prefix(" date 2022-03-03 Talks began.")
    16
    >>> t = "HomePoliticsKyiv and Moscow hold talks"
    >>> t[furniture_prefix(t):]
    'Kyiv and Moscow hold talks'
    >>> furniture_prefix("LinkedIn said so.")
    0
    """
    end = len(text) if endpos is None else endpos
    m = _DATE_TAG.match(text, pos, end)
    if m:
        return m.end()
    m = _GLUED_CRUMBS.match(text, pos, end)
    if m:
        parts = re.findall(r"[A-Z][a-z]+", m[2])
        if len(parts) >= 2 or parts[0] == "Home":
            return m.end()
    return pos


def segment(text: str, read: ReadConfig = _READ) -> tuple[Sentence, ...]:
    r"""Split ``text`` into sentences, headlines and captions, each with its offsets.

    Offsets exclude surrounding whitespace and satisfy ``text[s.start:s.end] == s.text``;
    sentences are in order and never overlap. Furniture glued to the start of a line
    (a ``date 2022-03-03`` tag, a breadcrumb) comes out as a sentence of its own marked
    ``junk``. In HTML, block-level tags break sentences like line breaks and are left out.
    A wall of text longer than ``read.max_sentence_chars`` is cut at spaces.

    >>> [s.text for s in segment("Talks began.The U.S. said no.\n\nMr. Lavrov left.")]
    ['Talks began.', 'The U.S. said no.', 'Mr. Lavrov left.']
    >>> [(s.text, s.junk) for s in segment(" date 2022-03-03 Talks began at 2 p.m. on Feb. 22.")]
    [('date 2022-03-03', True), ('Talks began at 2 p.m. on Feb. 22.', False)]
    """
    out: list[Sentence] = []
    for start, end in _blocks(text, read):
        body = furniture_prefix(text, start, end)
        if body > start:
            _add(out, text, start, body, junk=True)
        _split_block(text, body, end, out)
    return tuple(_cut_long(text, out, read.max_sentence_chars))


def _blocks(text: str, read: ReadConfig) -> Iterator[tuple[int, int]]:
    """Yield spans with no hard break inside, joining hard-wrapped lines."""
    breaks = _HTML_BREAK if looks_like_html(text) else _LINE_BREAK
    block_start = line_start = 0
    for m in breaks.finditer(text):
        if m.group() in _NEWLINES and _continues(text, line_start, m.start(), m.end(), read):
            line_start = m.end()
            continue
        yield block_start, m.start()
        block_start = line_start = m.end()
    yield block_start, len(text)


def _continues(
    text: str, line_start: int, line_end: int, next_start: int, read: ReadConfig
) -> bool:
    """Tell whether a single line break falls inside a hard-wrapped sentence.

    The line must end mid-sentence in prose (``read.wrapped_line_chars`` characters and
    ``read.wrapped_line_words`` words or more, no terminal punctuation, not a URL) and the
    next line must start with a lower-case word.
    """
    i = line_end - 1
    while i >= line_start and text[i] in " \t":
        i -= 1
    if i < line_start or not (text[i].isalnum() or text[i] in ",;-\u2013"):
        return False
    if i - line_start < read.wrapped_line_chars:
        return False  # too short for a wrapped line of prose: a headline or a label
    # the line's last 120 characters tell (a bound on the work, not a tuning knob)
    tail = text[max(line_start, i - 120) : i + 1].split()
    if len(tail) < read.wrapped_line_words or "/" in tail[-1]:
        return False
    if sum(w[0].isupper() for w in tail) * 2 > len(tail):
        return False  # Title Case: a headline, not a wrapped sentence
    return _LOWER_WORD.match(text, next_start) is not None


def _split_block(text: str, start: int, end: int, out: list[Sentence]) -> None:
    start = _dateline_off(text, start, end, out)
    for m in _TERMINAL.finditer(text, start, end):
        if m.start() < start:
            continue  # inside a dateline split off below
        if m.group() == "|":
            _add(out, text, start, m.start())
            start = _dateline_off(text, m.end(), end, out)
            continue
        nxt = _skip_space(text, m.end(), end)
        if nxt >= end or _is_list_marker(text, start, m.start()):
            continue
        if not _is_boundary(text, start, m, nxt):
            continue
        _add(out, text, start, m.end())
        start = _dateline_off(text, nxt, end, out)
    _add(out, text, start, end)


def _dateline_off(text: str, start: int, end: int, out: list[Sentence]) -> int:
    """Split a dateline opening a sentence off as junk; return where the sentence starts."""
    m = _WIRE_DATELINE.match(text, start, end)
    if m:
        _add(out, text, start, m.end(), junk=True)
        start = m.end()
    for _ in range(3):  # "Monday, Sep 10, 2012 | Updated 9:01 AM EDT The trial ..."
        m = _DATELINE_PREFIX.match(text, start, end)
        if (
            not m
            or not _DATELINE_WORDY.search(m.group())
            or not any(c.isdigit() for c in m.group())
        ):
            break  # needs a number and a word: a month, "Updated", "AM", a time zone
        _add(out, text, start, m.end(), junk=True)
        start = m.end()
    return start


def _is_list_marker(text: str, start: int, end: int) -> bool:
    """'1.' or 'a)' opening a line is a list marker, not a sentence."""
    piece = text[start:end].strip() if end - start <= 8 else "x" * 9
    return len(piece) <= 3 and (piece.isdigit() or (len(piece) == 1 and piece.islower()))


def _skip_space(text: str, pos: int, end: int) -> int:
    while pos < end and text[pos].isspace():
        pos += 1
    return pos


def _is_boundary(text: str, block_start: int, m: re.Match[str], nxt: int) -> bool:
    """Decide whether the punctuation run ``m``, followed by ``text[nxt]``, ends a sentence."""
    run = m.group()
    if not _CJK_TERMINAL.isdisjoint(run):  # (no generator per candidate boundary)
        return True
    if nxt == m.end():
        return _glued_boundary(text, block_start, m, nxt)
    c = text[nxt]
    if c.islower() and not (nxt + 1 < len(text) and text[nxt + 1].isupper()):
        return False  # "Really?" he said. / "e.g. the" / "i.e. a"
    if run == "!" and len(_word_before(text, block_start, m.start())) == 1:
        return False  # "E! News"
    if run[0] != "." or run.startswith(".."):
        return True
    return _period_boundary(text, _word_before(text, block_start, m.start()), nxt)


def _glued_boundary(text: str, block_start: int, m: re.Match[str], nxt: int) -> bool:
    """Decide a run glued to a capitalised word ("Macron.The talks").

    A boundary after a word of two or more letters (not "U.S" or "J.K", not "Mar.28").
    """
    c = text[nxt]
    if c in "\u201c\u2018(" and nxt + 1 < len(text):  # 'said.“We will ...'
        nxt += 1
        c = text[nxt]
    if not (c.isupper() and nxt + 1 < len(text) and text[nxt + 1].isalpha()):
        return False
    before = _word_before(text, block_start, m.start())
    if len(before) < 2 or "." in before or not before[-1].isalnum():
        return False
    if not (before[-1].islower() or text[nxt + 1].islower()):
        return False  # "U.N.SECURITY", "NATO.EU": acronyms, not a glued sentence
    return m.group()[0] != "." or before.lower() not in _TITLES | _ABBREVIATIONS


def _period_boundary(text: str, word: str, nxt: int) -> bool:
    """Decide a single full stop after ``word``, followed by a space and ``text[nxt]``."""
    c = text[nxt]
    low = word.lower()
    if low in _TITLES:
        return False
    if low in _NUMERIC_ABBREVIATIONS:
        return not c.isdigit()
    if len(word) == 1 and word.isalpha():  # an initial: "J. K. Rowling", "George W. Bush"
        return _next_word(text, nxt).lower() in _STARTERS
    if c.isdigit():
        # "limit of. 08 percent", "A loaded. 38-caliber revolver": a decimal point or a
        # calibre that scraping spaced out, not a boundary.
        nw = _next_word(text, nxt)
        if (nw.startswith("0") and len(nw) > 1) or text.startswith("-caliber", nxt + len(nw)):
            return False
        return low not in _ABBREVIATIONS
    if low in _ABBREVIATIONS or word in _STATES or _is_dotted(low):
        return _after_abbreviation(low, _next_word(text, nxt))
    return True


def _after_abbreviation(low: str, nw: str) -> bool:
    """Decide after an abbreviation: a boundary needs a word that plainly starts a sentence."""
    if nw.lower() in _STARTERS:
        return True
    return (
        low in ("a.m", "p.m", "etc")
        and nw[:1].isupper()
        and nw.lower() not in _TIME_WORDS
        and not nw.isupper()
    )


def _word_before(text: str, block_start: int, pos: int) -> str:
    """Return the run of word characters and dots that ends at ``pos`` (24 at most).

    That is the match of ``_WORD_BEFORE`` in ``text[max(block_start, pos - 24):pos]``,
    read as the match of its class at the start of the window reversed: the search tried
    each of the 24 starts in turn (13 -> 7 ms over the ECB+ articles, the same words).
    """
    m = _RUN_AHEAD.match(text[max(block_start, pos - 24) : pos][::-1])
    return m.group()[::-1].lstrip(".") if m else ""


def _is_dotted(word: str) -> bool:
    """'u.s', 'n.y', 'a.m': single letters separated by periods."""
    parts = word.split(".")
    return len(parts) > 1 and all(len(p) == 1 for p in parts)


def _next_word(text: str, pos: int) -> str:
    """Return the next word as written, or '' when it is an initial ("A. Smith")."""
    m = _WORD_AFTER.match(text, pos)
    if not m or (len(m[1]) == 1 and m[2] == "."):
        return ""
    return m[1]


def _add(out: list[Sentence], text: str, start: int, end: int, junk: bool = False) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start >= end:
        return
    if not junk and out and not out[-1].junk and not _has_alnum(text, start, end):
        prev = out[-1]
        if prev.end <= start and not _LINE_BREAK.search(text, prev.end, start):
            # '... corridors... ."': a trailing fragment belongs to the sentence before
            out[-1] = Sentence(prev.start, end, text)
            return
    out.append(Sentence(start, end, text, junk=junk))


def _cut_long(text: str, sentences: list[Sentence], most: int) -> Iterator[Sentence]:
    """Cut each sentence longer than ``most`` characters at spaces into pieces that fit."""
    for s in sentences:
        start, end = s.start, s.end
        while end - start > most:
            # Not a sentence but a wall of text: cut it at a space so later stages, which
            # work sentence by sentence, stay linear.
            cut = text.rfind(" ", start + most // 2, start + most)
            cut = cut if cut > start else start + most
            stop = cut
            while text[stop - 1].isspace():
                stop -= 1
            yield Sentence(start, stop, text, junk=s.junk)
            start = _skip_space(text, cut, end)
        if start == s.start:
            yield s
        elif start < end:
            yield Sentence(start, end, text, junk=s.junk)


def _has_alnum(text: str, start: int, end: int) -> bool:
    """Tell whether ``text[start:end]`` holds a character ``str.isalnum`` accepts.

    A search of ``_ALNUM`` (``re``'s word characters but "_" are the ``isalnum`` ones,
    checked over every code point in tests/test_fast_paths_lk12.py), not any() over a
    generator of the slice: _add asks it of nearly every sentence, whose first character
    answers, and the generator was 4% of segmenting and marking junk over ECB+.
    """
    return _ALNUM.search(text, start, end) is not None
