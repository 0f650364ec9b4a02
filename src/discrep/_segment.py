"""Sentence segmentation with exact character offsets, for scraped news text.

Why not a library: pysbd and nltk's punkt both return sentence *strings* (pysbd's
char_span mode re-searches the text and loses offsets on repeated sentences), and neither
splits sentences glued by scraping ("...Macron.The talks..."). The rules here are a
handful of linear-time regular expressions over each line.
"""

from __future__ import annotations

import re

from discrep._model import Sentence

__all__ = ["segment"]

# Words that end with a period without ending a sentence.
_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof st sr jr gen col lt sgt capt cmdr adm gov sen rep rev hon pres
    jan feb mar apr jun jul aug sep sept oct nov dec no nos vol vs etc inc co corp ltd
    dept est approx fig mt ft e.g i.e a.m p.m u.s u.n u.k e.u u.s.a""".split()
)

# A candidate boundary: terminal punctuation, optional closing quotes/brackets, then
# either whitespace or (glued) an upper-case letter starting a word.
_BOUNDARY = re.compile(r"[.!?…]+[\"'”’)\]]*(?:[ \t]+|(?=[\"“‘(]?[A-Z][a-z]))")
_LINE = re.compile(r"[^\n]+")
_WORD_BEFORE = re.compile(r"([\w.]+)$")


def _is_abbreviation(line: str, end_of_punct: int) -> bool:
    m = _WORD_BEFORE.search(line, max(0, end_of_punct - 12), end_of_punct)
    if not m:
        return False
    word = m.group(1).rstrip(".").lower()
    if word in _ABBREVIATIONS:
        return True
    # Initials ("J. K. Rowling", "U.S."): a single letter before the period.
    return len(word) == 1 and word.isalpha()


def segment(text: str) -> tuple[Sentence, ...]:
    """Split ``text`` into sentences, headlines and captions, each with its offsets.

    Lines are never joined: scraped articles put headlines, datelines and captions on
    lines of their own. Offsets exclude surrounding whitespace.

    >>> [s.text for s in segment("Talks began.The U.S. said no.\\n\\nMr. Lavrov left.")]
    ['Talks began.', 'The U.S. said no.', 'Mr. Lavrov left.']
    """
    out: list[Sentence] = []
    for line_match in _LINE.finditer(text):
        line = line_match.group()
        base = line_match.start()
        start = 0
        for b in _BOUNDARY.finditer(line):
            punct_end = b.start() + len(b.group().rstrip(" \t"))
            # the period itself sits at the end of the run of terminal punctuation
            first_punct = b.start()
            if line[first_punct] == "." and _is_abbreviation(line, first_punct):
                glued = b.end() == punct_end  # no space: "Mar.28" is not a boundary
                if glued or not _next_starts_sentence(line, b.end()):
                    continue
            _add(out, text, base + start, base + punct_end)
            start = b.end()
        _add(out, text, base + start, base + len(line))
    return tuple(out)


def _next_starts_sentence(line: str, pos: int) -> bool:
    # After an abbreviation, only a capitalised common word after a *known* sentence-final
    # abbreviation (etc., a.m., p.m., U.S.) starts a sentence; a name after "Mr." does not.
    prev = _WORD_BEFORE.search(line, max(0, pos - 14), pos)
    word = prev.group(1).rstrip(".").lower() if prev else ""
    if word not in {"etc", "a.m", "p.m", "u.s", "u.n", "u.k", "e.u", "inc", "ltd", "co", "corp"}:
        return False
    nxt = line[pos : pos + 1]
    return nxt.isupper() and line[pos : pos + 4] not in {"S. ", "N. "}


def _add(out: list[Sentence], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        out.append(Sentence(start, end, text[start:end]))
