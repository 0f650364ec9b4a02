r"""Make article text and file names inert in every output format discrep writes.

Article text and file names come from whoever wrote the page or named the file. Printed
raw they can drive a terminal (ESC and OSC sequences change the title or clear the screen,
``\r`` and ``\b`` overwrite what was printed, U+202E reverses the line), and rendered as
Markdown or HTML they can fetch remote images or carry links to ``javascript:``. Each
helper here turns such text into something that shows what was there, visibly escaped,
and does nothing else. All of them are one linear pass (a character class or a
translation table), so the cost is proportional to the text.
"""

from __future__ import annotations

import html
import re

__all__ = ["csv_cell", "flat", "html_block", "html_text", "markdown", "shown", "terminal"]

# What a terminal would act on rather than show: C0 and C1 controls and DEL (ESC, BEL,
# CR, BS, NUL, CSI ...), the bidirectional overrides, embeddings, isolates and marks
# (U+061C, U+200E/F, U+202A-E, U+2066-9), the line and paragraph separators, and lone
# surrogates (a file name that was not UTF-8, decoded with surrogateescape), which no
# UTF-8 stream can carry.
_UNSAFE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ud800-\udfff]"
)
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
# The same, less line feed and tab: for a block of text shown with its lines.
_UNSAFE_IN_BLOCK = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ud800-\udfff]"
)


def _visible(m: re.Match[str]) -> str:
    ch = m.group()
    if ch in _NAMED:
        return _NAMED[ch]
    code = ord(ch)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def terminal(text: str) -> str:
    r"""Return ``text`` with every control, bidi override and lone surrogate escaped.

    >>> terminal("Kyiv\x1b]0;owned\x07 \u202eevil\r")
    'Kyiv\\x1b]0;owned\\x07 \\u202eevil\\r'
    >>> terminal("Zelenskyy in Київ")
    'Zelenskyy in Київ'
    """
    return _UNSAFE.sub(_visible, text)


def flat(text: str) -> str:
    """Return ``text`` on one line (runs of whitespace become one space), escaped."""
    return terminal(" ".join(text.split()))


# Markdown syntax that could turn article text into a link, an image, code, emphasis, a
# table cell border or strikethrough. ``:`` is escaped so that no ``http://`` in article
# text is autolinked (GitHub's renderer links at the colon). Backslash first, so that the
# escapes added here are not themselves escaped.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]|~:#!])")


def markdown(text: str) -> str:
    r"""Return article text as inert Markdown on one line.

    HTML is escaped (so ``<script>`` shows as text), Markdown punctuation that makes links,
    images, code or emphasis is backslash-escaped, and controls are escaped visibly.

    >>> markdown("[click](javascript:alert(1)) ![x](http://e.invalid/x.png) `rm`")
    '\\[click\\](javascript\\:alert(1)) \\!\\[x\\](http\\://e.invalid/x.png) \\`rm\\`'
    >>> markdown("<b>5</b> | 7")
    '&lt;b&gt;5&lt;/b&gt; \\| 7'
    """
    escaped = html.escape(flat(text), quote=False)
    return _MD_SPECIAL.sub(r"\\\1", escaped)


def shown(text: str) -> str:
    r"""Return a block of text as shown in the HTML report: lines kept, the rest escaped.

    Line feeds and tabs stay; every other control, bidi override or lone surrogate is
    shown as its escape (``\r`` as the two characters ``\r``). A quote at ``[start,
    end)`` of an article is shown as ``shown(text[start:end])`` right after
    ``shown(text[:start])``.

    >>> shown("one\r\ntwo\tthree\x1b[2J")
    'one\\r\ntwo\tthree\\x1b[2J'
    """
    return _UNSAFE_IN_BLOCK.sub(_visible, text)


def html_block(text: str) -> str:
    """Return :func:`shown` text escaped for HTML, quotes included."""
    return html.escape(shown(text), quote=True)


def html_text(text: str) -> str:
    """Return text escaped for an HTML element or a quoted attribute value.

    >>> html_text('<img src=x onerror="alert(1)">')
    '&lt;img src=x onerror=&quot;alert(1)&quot;&gt;'
    """
    return html.escape(terminal(text), quote=True)


# A cell starting with one of these is read as a formula by Excel, LibreOffice and Google
# Sheets (OWASP "CSV injection"); tab and CR start one too in some of them.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(text: str) -> str:
    """Return text safe for a spreadsheet cell: a formula-like start is quoted with ``'``.

    >>> csv_cell("=SUM(A1:A9)")
    "'=SUM(A1:A9)"
    >>> csv_cell("-5 degrees"), csv_cell("Kyiv")
    ("'-5 degrees", 'Kyiv')
    """
    return "'" + text if text.startswith(_FORMULA_START) else text
