"""The report: what discrep found, as values, a dict, JSON, Markdown and plain text."""

from __future__ import annotations

import html
import json
from typing import Any

import attrs

from discrep._model import Alignment, Article, Claim, Discrepancy, Entity, Extraction, Story

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

    @property
    def warnings(self) -> tuple[str, ...]:
        """Warnings about how the articles were read (replaced bytes, HTML, ...)."""
        return tuple(w for a in self.articles for w in a.warnings)

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
        return json.dumps(self.to_dict(extractions=extractions), indent=indent, ensure_ascii=False)

    def to_markdown(self) -> str:
        """Return the report as Markdown; article text is HTML-escaped, so it renders inert."""
        lines = [f"# discrep report: {_summary(self)}", ""]
        lines += ["| source | published | title |", "|---|---|---|"]
        for a in self.articles:
            lines.append(
                f"| {_md(a.source)} | {a.published or ''} | {_md(a.title or '')} |"
            )
        for w in self.warnings:
            lines.append(f"\n> warning: {_md(w)}")
        for i, d in enumerate(self.discrepancies, 1):
            lines += ["", f"## {i}. {d.kind}: {_md(d.subject)}", "", _md(d.reason), ""]
            lines += ["| source | says | offsets | sentence |", "|---|---|---|---|"]
            for c in d.claims:
                cells = (_md(c.source), f"**{_md(c.text)}**", f"{c.start}–{c.end}", _md(c.sentence))
                lines.append("| " + " | ".join(cells) + " |")
            lines.append(f"\nconfidence {d.confidence:.2f}")
        carrying = [al for al in self.alignments if al.verdict not in ("agree",)]
        if carrying:
            lines += ["", "## Aligned statements behind the findings", ""]
            for al in carrying:
                lines += [f"**{_md(al.verdict)}** (score {al.score:.2f})", ""]
                lines += ["| source | statement |", "|---|---|"]
                lines += [f"| {_md(s.source)} | {_md(s.text)} |" for s in al.statements]
                lines.append("")
        return "\n".join(lines).rstrip() + "\n"

    def __str__(self) -> str:
        lines = [f"discrep: {_summary(self)}"]
        lines += [f"  warning: {w}" for w in self.warnings]
        for i, d in enumerate(self.discrepancies, 1):
            story = f" [story {d.story}]" if d.story else ""
            lines += ["", f"{i}. [{d.kind}] {d.subject} (confidence {d.confidence:.2f}){story}"]
            lines.append(f"   {d.reason}")
            for c in d.claims:
                lines.append(f"   - {c.source} @{c.start}-{c.end}: {c.text!r}")
                lines.append(f"       in: {_clip(c.sentence, 160)}")
        carrying = [al for al in self.alignments if al.verdict not in ("agree",)]
        if carrying:
            lines += ["", "Aligned statements behind the findings:"]
            for al in carrying:
                lines.append(f"  [{al.verdict}] score {al.score:.2f}")
                width = max(len(s.source) for s in al.statements)
                lines += [f"    {s.source:<{width}} | {_clip(s.text, 110)}" for s in al.statements]
        return "\n".join(lines)


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
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def _md(text: str) -> str:
    """Escape article text for Markdown that may be rendered as HTML."""
    flat = " ".join(text.split())
    escaped = html.escape(flat, quote=False)
    return escaped.replace("|", "\\|").replace("*", "\\*").replace("_", "\\_")


def _article(a: Article) -> dict[str, Any]:
    return {
        "source": a.source,
        "published": a.published.isoformat() if a.published else None,
        "title": a.title,
        "url": a.url,
        "chars": len(a.text),
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

