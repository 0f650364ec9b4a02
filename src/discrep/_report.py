"""The report: what discrep found, as values, a dict, JSON, Markdown, HTML, CSV and text."""

from __future__ import annotations

import csv
import io
import itertools
import json
import math
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

import attrs

from discrep._escape import csv_cell, flat, markdown
from discrep._model import Alignment, Article, Claim, Discrepancy, Entity, Extraction, Story

if TYPE_CHECKING:
    import pandas

__all__ = ["Report"]

SCHEMA_VERSION = 1


@attrs.frozen
class Report:
    """The result of :func:`discrep.compare`.

    ``articles``, ``entities``, ``alignments`` and ``discrepancies`` are tuples of frozen
    values. Every quoted ``text`` satisfies ``article.text[start:end] == text``.

    >>> import discrep
    >>> r = discrep.compare(["Kyiv is calm.", "Kiev is calm."])
    >>> r.to_dict()["discrepancies"][0]["kind"]
    'spelling'
    >>> print(str(r).splitlines()[0])
    discrep: 2 articles, 1 discrepancy (spelling 1)
    """

    articles: tuple[Article, ...]
    entities: tuple[Entity, ...]
    alignments: tuple[Alignment, ...]
    discrepancies: tuple[Discrepancy, ...]
    #: Per-article extractions (sentences, mentions, quantities, times, events): the
    #: evidence the report rests on. Not part of ``to_dict()`` unless asked for.
    extractions: tuple[Extraction, ...] = attrs.field(default=(), repr=False, eq=False)
    #: The stories the articles were grouped into, when compared by story
    #: (``compare(..., by_story=True)``); findings, entities and alignments name theirs.
    stories: tuple[Story, ...] = ()
    #: Warnings about the run rather than one article, such as an input file that could
    #: not be read and was skipped (the command line's ``--keep-going``).
    run_warnings: tuple[str, ...] = attrs.field(default=(), kw_only=True)

    @property
    def warnings(self) -> tuple[str, ...]:
        """Warnings about the run and how the articles were read (replaced bytes, HTML, ...)."""
        return self.run_warnings + tuple(w for a in self.articles for w in a.warnings)

    def to_dict(self, *, extractions: bool = False) -> dict[str, Any]:
        """Return the report as JSON-ready dicts and lists (schema: docs/report-format.md).

        With ``extractions=True`` the per-article quantities, times and events are added.
        """
        out: dict[str, Any] = {
            "schema": SCHEMA_VERSION,
            "articles": [_article(a) for a in self.articles],
            "discrepancies": [_discrepancy(d) for d in self.discrepancies],
            "entities": [_entity(e) for e in self.entities],
            "alignments": [_alignment(a) for a in self.alignments],
            "warnings": list(self.warnings),
        }
        if self.stories:
            out["stories"] = [
                {"id": st.id, "sources": list(st.sources), "copies": [list(c) for c in st.copies]}
                for st in self.stories
            ]
        if extractions:
            out["extractions"] = [_extraction(x) for x in self.extractions]
        return out

    def to_json(self, *, indent: int | None = 2, extractions: bool = False) -> str:
        """Return :meth:`to_dict` as a JSON string (UTF-8 text, not ASCII-escaped)."""
        value = self.to_dict(extractions=extractions)
        if indent is None:
            return json.dumps(value, ensure_ascii=False)
        return _indented_json(value, indent)

    def to_markdown(self) -> str:
        r"""Return the report as Markdown in which article text renders inert.

        Article text and file names are HTML-escaped, Markdown punctuation that would make
        links, images, code or emphasis is backslash-escaped, and control characters are
        shown escaped: a page that renders the Markdown shows ``[x](javascript:...)`` and
        ``<script>`` as text, and fetches nothing.

        >>> import discrep
        >>> r = discrep.compare(["![x](http://e.invalid/x.png) Kyiv is calm.", "Kiev is calm."])
        >>> "![x]" in r.to_markdown(), "\\!\\[x\\]" in r.to_markdown()
        (False, True)
        """
        return _markdown_report(self)

    def to_html(self, *, compact: bool = False) -> str:
        """Return the report as one self-contained HTML page (no network, text escaped).

        Per finding: the claims side by side with the quoted words highlighted in their
        sentences, the reason, the confidence, and links to each source's full text with
        the span marked; filters by kind and confidence. ``compact=True`` leaves out the
        full texts (the notebook view, :meth:`_repr_html_`).

        >>> import discrep
        >>> page = discrep.compare(["Kyiv is calm.", "Kiev is calm."]).to_html()
        >>> page.startswith("<!DOCTYPE html>"), "<mark" in page
        (True, True)
        """
        from discrep._html import render

        return render(self, compact=compact)

    def _repr_html_(self) -> str:
        """Return the notebook view: the HTML report, compact (Jupyter calls this)."""
        return self.to_html(compact=True)

    def to_rows(self) -> list[dict[str, Any]]:
        """Return one dict per claim: the table behind :meth:`to_csv` and :meth:`to_pandas`.

        Keys: ``finding`` (1-based, the number in the text and Markdown reports), ``kind``,
        ``subject``, ``source``, ``text``, ``start``, ``end``, ``sentence``, ``confidence``,
        ``value`` and ``story`` (None unless stories were grouped).

        >>> import discrep
        >>> rows = discrep.compare(["Kyiv is calm.", "Kiev is calm."]).to_rows()
        >>> [(r["finding"], r["source"], r["text"], r["start"], r["end"]) for r in rows]
        [(1, 'text0', 'Kyiv', 0, 4), (1, 'text1', 'Kiev', 0, 4)]
        """
        return [
            {
                "finding": i,
                "kind": d.kind,
                "subject": d.subject,
                "source": c.source,
                "text": c.text,
                "start": c.start,
                "end": c.end,
                "sentence": c.sentence,
                "confidence": round(d.confidence, 3),
                "value": c.value,
                "story": story_of(d),
            }
            for i, d in enumerate(self.discrepancies, 1)
            for c in d.claims
        ]

    def to_csv(self) -> str:
        """Return :meth:`to_rows` as CSV (standard library), safe to open in a spreadsheet.

        A text cell that a spreadsheet would run as a formula (starting with ``=``, ``+``,
        ``-``, ``@``, tab or carriage return) is prefixed with ``'``, so ``text`` may then
        differ from ``article.text[start:end]`` by that one leading character.

        >>> import discrep
        >>> print(discrep.compare(["Kyiv is calm.", "Kiev is calm."]).to_csv().splitlines()[1])
        1,spelling,Kyiv,text0,Kyiv,0,4,Kyiv is calm.,0.8,Kyiv,
        """
        buf = io.StringIO()
        writer = csv.writer(buf)  # RFC 4180: CRLF rows, fields with CR or LF quoted
        writer.writerow(ROW_COLUMNS)
        for row in self.to_rows():
            writer.writerow(
                csv_cell(v) if isinstance(v, str) else ("" if v is None else v)
                for v in row.values()
            )
        return buf.getvalue()

    def to_pandas(self) -> pandas.DataFrame:
        """Return :meth:`to_rows` as a ``pandas.DataFrame`` (needs ``discrep[pandas]``).

        One row per claim, columns :data:`ROW_COLUMNS`; without pandas installed it raises
        ImportError naming the extra. For example (not run here, pandas being optional)::

            df = discrep.compare(paths).to_pandas()
            df[df.confidence >= 0.8].groupby("kind").size()
        """
        try:
            import pandas
        except ImportError as exc:  # the optional extra is not installed
            raise ImportError(
                "Report.to_pandas() needs pandas, which is not installed: "
                'install the extra with  pip install "discrep[pandas]"'
            ) from exc
        return pandas.DataFrame(self.to_rows(), columns=list(ROW_COLUMNS))

    def __str__(self) -> str:
        return _text_report(self)


#: The columns of :meth:`Report.to_rows`, :meth:`Report.to_csv` and :meth:`Report.to_pandas`.
ROW_COLUMNS = (
    "finding", "kind", "subject", "source", "text", "start", "end", "sentence", "confidence",
    "value", "story",
)

#: Width of the context line in the text report: a window of the sentence centred on
#: the quoted words.
CONTEXT_WIDTH = 160


def story_of(d: Discrepancy) -> str | None:
    """Return the story a finding belongs to, when stories were grouped."""
    story = getattr(d, "story", None)
    return None if story is None else str(story)


def by_story(r: Report) -> list[tuple[str | None, list[tuple[int, Discrepancy]]]]:
    """Group the findings per story, stories in order of first appearance.

    Each finding keeps its number (1-based, its place in ``r.discrepancies``), so every
    format numbers a finding the same way. Without stories there is one group, ``None``.
    """
    groups: dict[str | None, list[tuple[int, Discrepancy]]] = {}
    for i, d in enumerate(r.discrepancies, 1):
        groups.setdefault(story_of(d), []).append((i, d))
    return list(groups.items())


def related_alignments(r: Report) -> list[tuple[Alignment, list[int]]]:
    """Return the alignments that hold a finding's claim, with the findings (1-based) each backs.

    An alignment backs a finding when one of its statements contains one of the finding's
    quoted spans. Alignments backing no finding are left out.
    """
    spans: dict[str, list[tuple[int, int, int]]] = {}
    for i, d in enumerate(r.discrepancies, 1):
        for c in d.claims:
            spans.setdefault(c.source, []).append((c.start, c.end, i))
    out: list[tuple[Alignment, list[int]]] = []
    for al in r.alignments:
        backs = sorted(
            {
                i
                for s in al.statements
                for start, end, i in spans.get(s.source, ())
                if s.start <= start and end <= s.end
            }
        )
        if backs:
            out.append((al, backs))
    return out


def claim_in_sentence(r: Report, c: Claim) -> tuple[int, int]:
    """Return where the claim's quoted words lie in ``c.sentence`` (local offsets).

    The sentence is located in the article around the claim's offsets; a hand-built claim
    whose sentence is not in the article falls back to the first occurrence of the quote.
    """
    article = next((a for a in r.articles if a.source == c.source), None)
    n = len(c.sentence)
    if article is not None and n >= c.end - c.start:
        at = article.text.find(c.sentence, max(0, c.end - n), c.start + n)
        if at != -1:
            return c.start - at, c.end - at
    local = c.sentence.find(c.text)
    return (local, local + len(c.text)) if local != -1 else (0, 0)


def context(sentence: str, start: int, end: int, width: int = CONTEXT_WIDTH) -> str:
    """Return ``sentence`` on one line, cut to a window of ``width`` centred on [start, end).

    >>> context("a " * 100 + "QUOTE" + " b" * 100, 200, 205, width=21)
    '…a a a a QUOTE b b b b…'
    """
    if len(" ".join(sentence.split())) <= width:
        return flat(sentence)
    margin = max(0, (width - (end - start)) // 2)
    lo = max(0, start - margin)
    hi = min(len(sentence), end + margin)
    # Give the room one side does not use to the other.
    lo = max(0, min(lo, hi - width))
    hi = min(len(sentence), max(hi, lo + width))
    shown = flat(sentence[lo:hi])
    return ("…" if lo > 0 else "") + shown + ("…" if hi < len(sentence) else "")


def _text_report(r: Report) -> str:
    lines = [f"discrep: {_summary(r)}"]
    lines += [f"  warning: {flat(w)}" for w in r.warnings]
    for story, findings in by_story(r):
        if story is not None:
            lines += ["", f"== story {flat(story)} =="]
        for i, d in findings:
            lines += ["", f"{i}. [{d.kind}] {flat(d.subject)} (confidence {d.confidence:.2f})"]
            lines.append(f"   {flat(d.reason)}")
            for c in d.claims:
                lo, hi = claim_in_sentence(r, c)
                lines.append(f"   - {flat(c.source)} @{c.start}-{c.end}: {c.text!r}")
                lines.append(f"       in: {context(c.sentence, lo, hi)}")
    related = related_alignments(r)
    if related:
        lines += ["", "Aligned statements behind the findings:"]
        for al, backs in related:
            which = ", ".join(str(i) for i in backs)
            lines.append(f"  [{flat(al.verdict)}] score {al.score:.2f}, behind finding {which}")
            width = max(len(flat(s.source)) for s in al.statements)
            lines += [
                f"    {flat(s.source):<{width}} | {_clip(s.text, 110)}" for s in al.statements
            ]
    return "\n".join(lines)


def _markdown_report(r: Report) -> str:
    lines = [f"# discrep report: {_summary(r)}", ""]
    lines += ["| source | published | title |", "|---|---|---|"]
    for a in r.articles:
        lines.append(f"| {_md(a.source)} | {a.published or ''} | {_md(a.title or '')} |")
    for w in r.warnings:
        lines.append(f"\n> warning: {_md(w)}")
    for story, findings in by_story(r):
        if story is not None:
            lines += ["", f"## Story {_md(story)}"]
        for i, d in findings:
            lines += _markdown_finding(r, i, d)
    related = related_alignments(r)
    if related:
        lines += ["", "## Aligned statements behind the findings", ""]
        for al, backs in related:
            which = ", ".join(str(i) for i in backs)
            lines += [f"**{_md(al.verdict)}** (score {al.score:.2f}), behind finding {which}", ""]
            lines += ["| source | statement |", "|---|---|"]
            lines += [f"| {_md(s.source)} | {_md(s.text)} |" for s in al.statements]
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _markdown_finding(r: Report, i: int, d: Discrepancy) -> list[str]:
    lines = ["", f"### {i}. {d.kind}: {_md(d.subject)}", "", _md(d.reason), ""]
    lines += ["| source | says | offsets | sentence |", "|---|---|---|---|"]
    for c in d.claims:
        cells = (_md(c.source), f"**{_md(c.text)}**", f"{c.start}–{c.end}", _md(c.sentence))
        lines.append("| " + " | ".join(cells) + " |")
    lines.append(f"\nconfidence {d.confidence:.2f}")
    return lines


def _summary(r: Report) -> str:
    counts: dict[str, int] = {}
    for d in r.discrepancies:
        counts[d.kind] = counts.get(d.kind, 0) + 1
    n = len(r.discrepancies)
    by_kind = ", ".join(f"{k} {v}" for k, v in counts.items())
    noun = "discrepancy" if n == 1 else "discrepancies"
    arts = "article" if len(r.articles) == 1 else "articles"
    return f"{len(r.articles)} {arts}, {n} {noun}" + (f" ({by_kind})" if by_kind else "")


def _clip(text: str, width: int) -> str:
    shown = " ".join(text.split())
    return flat(shown) if len(shown) <= width else flat(shown[: width - 1]) + "…"


def _md(text: str) -> str:
    """Escape article text for Markdown that may be rendered as HTML."""
    return markdown(text)


def _article(a: Article) -> dict[str, Any]:
    return {
        "source": a.source,
        "published": a.published.isoformat() if a.published else None,
        "title": a.title,
        "url": a.url,
        "chars": len(a.text),
        "language": a.language,
        "warnings": list(a.warnings),
    }


def _claim(c: Claim) -> dict[str, Any]:
    return {
        "source": c.source,
        "text": c.text,
        "start": c.start,
        "end": c.end,
        "sentence": c.sentence,
        "value": c.value,
    }


def _story(value: str | None) -> dict[str, Any]:
    """Return the ``story`` key of a finding, entity or alignment compared by story."""
    return {} if value is None else {"story": value}


def _discrepancy(d: Discrepancy) -> dict[str, Any]:
    return {
        **_story(d.story),
        "kind": d.kind,
        "subject": d.subject,
        "reason": d.reason,
        "confidence": round(d.confidence, 3),
        "claims": [_claim(c) for c in d.claims],
    }


def _entity(e: Entity) -> dict[str, Any]:
    return {
        **_story(e.story),
        "id": e.id,
        "kind": e.kind,
        "canonical": e.canonical,
        "place_id": e.place_id,
        "sources": list(e.sources),
        "mentions": [
            {
                "source": m.source,
                "text": m.text,
                "start": m.start,
                "end": m.end,
                "role": m.role,
            }
            for m in e.mentions
        ],
    }


def _alignment(a: Alignment) -> dict[str, Any]:
    return {
        **_story(a.story),
        "score": round(a.score, 3),
        "anchors": list(a.anchors),
        "verdict": a.verdict,
        "statements": [
            {"source": s.source, "text": s.text, "start": s.start, "end": s.end}
            for s in a.statements
        ],
    }


def _extraction(x: Extraction) -> dict[str, Any]:
    return {
        "source": x.article.source,
        "reference_date": x.reference_date.isoformat() if x.reference_date else None,
        "reference_from": x.reference_from,
        "quantities": [attrs.asdict(q) for q in x.quantities],
        "times": [
            {**attrs.asdict(t), "value": t.value.isoformat() if t.value else None}
            for t in x.times
        ],
        "events": [
            {
                "source": e.source, "text": e.text, "start": e.start, "end": e.end,
                "type": e.type,
                "date": e.date.value.isoformat() if e.date and e.date.value else None,
                "venues": [v.text for v in e.venues], "ordinal": e.ordinal,
            }
            for e in x.events
        ],
    }


class _NotPlain(Exception):
    """A value :func:`_indented_json` leaves to json (not a plain JSON tree)."""


_JSON_STR = json.encoder.encode_basestring  # (C) the strings of ensure_ascii=False
_JSON_FLOATS = {math.inf: "Infinity", -math.inf: "-Infinity"}


def _indented_json(value: object, indent: int) -> str:
    """Return ``json.dumps(value, indent=indent, ensure_ascii=False)``, the same text faster.

    On Python 3.11 json's C encoder takes no indent, so an indented dump runs the
    pure-Python encoder, a generator per level: 0.32 s of the 8.6 MB report of the ECB+
    corpus (1.9 MB: 0.070 s indented against 0.016 s compact), a thirtieth of a whole
    command-line run. The tree :meth:`Report.to_dict` makes (dicts with str keys, lists,
    str, int, float, bool, None) is written here by one recursive function, with json's
    own C function for strings; any other value goes to json.dumps whole
    (tests/test_report.py holds json.dumps as the oracle).
    """
    out: list[str] = []
    try:
        _indent_into(value, out, "\n", " " * indent)
    except _NotPlain:
        return json.dumps(value, indent=indent, ensure_ascii=False)
    return "".join(out)


def _json_float(value: float) -> str:
    if value != value:
        return "NaN"
    return _JSON_FLOATS.get(value) or float.__repr__(value)


#: How json writes a leaf, by its exact type (a subclass goes to json.dumps).
_JSON_LEAVES: dict[type, Callable[[Any], str]] = {
    str: _JSON_STR,
    int: int.__repr__,
    float: _json_float,
    bool: {True: "true", False: "false"}.__getitem__,
    type(None): lambda _none: "null",
}


def _indent_into(value: Any, out: list[str], line: str, step: str) -> None:
    """Write a dict, list or tuple (indented at ``line``) as json.dumps does; see above."""
    kind = type(value)
    if kind is dict:
        items: Iterable[tuple[Any, Any]] = value.items()
        opening, closing = "{", "}"
    elif kind is list or kind is tuple:
        items = zip(itertools.repeat(None), value)
        opening, closing = "[", "]"
    else:
        leaf = _JSON_LEAVES.get(kind)
        if leaf is None:
            raise _NotPlain
        out.append(leaf(value))
        return
    if not value:
        out.append(opening + closing)
        return
    inner = line + step
    sep = opening + inner
    keyed = kind is dict
    for key, item in items:
        if keyed:
            if type(key) is not str:
                raise _NotPlain
            sep = f"{sep}{_JSON_STR(key)}: "
        leaf = _JSON_LEAVES.get(type(item))
        if leaf is not None:  # most items: one piece, no call per item
            out.append(sep + leaf(item))
        else:
            out.append(sep)
            _indent_into(item, out, inner, step)
        sep = "," + inner
    out.append(line + closing)
