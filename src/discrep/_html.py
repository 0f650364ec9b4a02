"""The HTML report: one self-contained page, no network, every article text escaped.

The page holds its own style and one small script (the filters), and nothing else: no
image, font, stylesheet or script is fetched, and a Content-Security-Policy allows only
that script (by its hash), so even a mistake in escaping could not run article text as
code. Every piece of article text and every file name goes through :mod:`discrep._escape`.

Layout, per finding: the reason, the confidence, and the claims side by side, each with
its quoted words highlighted in their sentence and a link to the span marked in the
source's full text (at the end of the page). Findings are grouped per story when the
report's findings carry one.
"""

from __future__ import annotations

import base64
import hashlib
import itertools
from typing import TYPE_CHECKING

from discrep._escape import flat, html_block, html_text

if TYPE_CHECKING:
    from discrep._model import Article, Claim, Discrepancy
    from discrep._report import Report

__all__ = ["render"]

_STYLE = """
.discrep-report{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;
  color:#1b1f24;max-width:72rem;margin:0 auto;padding:1rem}
.discrep-report h1{font-size:1.5rem;margin:.2rem 0}
.discrep-report h2{font-size:1.2rem;margin:1.4rem 0 .4rem;border-bottom:1px solid #d0d7de}
.discrep-report h3{font-size:1.05rem;margin:0 0 .3rem}
.discrep-report table{border-collapse:collapse;margin:.4rem 0}
.discrep-report td,.discrep-report th{border:1px solid #d0d7de;padding:.2rem .5rem;
  text-align:left;vertical-align:top}
.discrep-report .finding{border:1px solid #d0d7de;border-radius:6px;padding:.7rem .9rem;
  margin:.8rem 0;background:#fff}
.discrep-report .kind{display:inline-block;border-radius:3px;padding:0 .4rem;
  font-size:.8rem;color:#fff;background:#57606a;text-transform:uppercase}
.discrep-report .kind-spelling{background:#0969da}.discrep-report .kind-quantity{background:#8250df}
.discrep-report .kind-date{background:#bf3989}.discrep-report .kind-venue{background:#1a7f37}
.discrep-report .kind-role{background:#9a6700}
.discrep-report .confidence{color:#57606a;font-size:.9rem}
.discrep-report .reason{margin:.2rem 0 .6rem}
.discrep-report .claims{display:grid;grid-template-columns:repeat(auto-fit,minmax(16rem,1fr));
  gap:.6rem}
.discrep-report .claim{background:#f6f8fa;border-radius:4px;padding:.5rem .6rem}
.discrep-report .claim .where{font-size:.85rem;color:#57606a;margin-bottom:.2rem}
.discrep-report .claim blockquote{margin:0}
.discrep-report mark{background:#ffe58f;padding:0 1px}
.discrep-report .fulltext{white-space:pre-wrap;word-wrap:break-word;background:#f6f8fa;
  padding:.6rem;border-radius:4px;font:13px/1.45 ui-monospace,Menlo,Consolas,monospace}
.discrep-report .fulltext mark:target,.discrep-report .anchor:target+mark{
  background:#ff8c00;outline:2px solid #ff8c00}
.discrep-report .warning{color:#9a6700}
.discrep-report #filters{position:sticky;top:0;background:#fff;padding:.4rem 0;
  border-bottom:1px solid #d0d7de;z-index:1}
.discrep-report #filters label{margin-right:.8rem;white-space:nowrap}
.discrep-report [hidden]{display:none}
"""

# The filters: kinds (checkboxes) and a minimum confidence (a slider). The initial state
# may come from the URL fragment (#kind=spelling,date&min=0.8), so a link can carry a view.
# Plain ES5 with no dependency; it only hides and shows elements the page already has.
_SCRIPT = """
(function () {
  var form = document.getElementById("filters");
  if (!form) { return; }
  var boxes = form.querySelectorAll("input[name=kind]");
  var slider = form.querySelector("input[name=min]");
  var params = {};
  location.hash.replace(/^#/, "").split("&").forEach(function (kv) {
    var i = kv.indexOf("=");
    if (i > 0) { params[kv.slice(0, i)] = decodeURIComponent(kv.slice(i + 1)); }
  });
  if (params.kind !== undefined) {
    var wanted = params.kind.split(",");
    Array.prototype.forEach.call(boxes, function (b) {
      b.checked = wanted.indexOf(b.value) !== -1;
    });
  }
  if (params.min !== undefined && !isNaN(parseFloat(params.min))) {
    slider.value = params.min;
  }
  function apply() {
    var kinds = {};
    Array.prototype.forEach.call(boxes, function (b) { kinds[b.value] = b.checked; });
    var min = parseFloat(slider.value);
    var shown = 0;
    Array.prototype.forEach.call(document.querySelectorAll(".finding"), function (f) {
      var ok = kinds[f.getAttribute("data-kind")] === true &&
        parseFloat(f.getAttribute("data-confidence")) >= min - 1e-9;
      f.hidden = !ok;
      if (ok) { shown += 1; }
    });
    Array.prototype.forEach.call(document.querySelectorAll(".story"), function (s) {
      s.hidden = s.querySelector(".finding:not([hidden])") === null;
    });
    document.getElementById("shown").textContent = String(shown);
    document.getElementById("min-shown").textContent = min.toFixed(2);
  }
  form.addEventListener("input", apply);
  form.addEventListener("change", apply);
  apply();
  document.documentElement.setAttribute("data-filters", "ready");
}());
"""

_SCRIPT_HASH = base64.b64encode(hashlib.sha256(_SCRIPT.encode("utf-8")).digest()).decode()
#: Nothing may be fetched; only the page's own style and its one script may run.
CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; "
    f"script-src 'sha256-{_SCRIPT_HASH}'; base-uri 'none'; form-action 'none'"
)


def render(report: Report, *, compact: bool = False) -> str:
    """Return the report as HTML: a whole page, or a compact fragment for notebooks."""
    from discrep._report import _summary

    anchors = _claim_anchors(report)
    body = "\n".join(
        [
            f"<h1>discrep report</h1>\n<p class=\"summary\">{html_text(_summary(report))}</p>",
            _sources(report, compact),
            _warnings(report),
            "" if compact else _filters(report),
            _findings(report, anchors, compact),
            "" if compact else _full_texts(report, anchors),
        ]
    )
    if compact:
        return f'<div class="discrep-report"><style>{_STYLE}</style>\n{body}\n</div>'
    title = html_text("discrep report: " + _summary(report))
    return (
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="referrer" content="no-referrer">\n'
        f"<title>{title}</title>\n<style>{_STYLE}</style>\n</head>\n"
        f'<body class="discrep-report">\n{body}\n<script>{_SCRIPT}</script>\n</body>\n</html>\n'
    )


def _claim_anchors(report: Report) -> dict[tuple[int, int], str]:
    """Return the id of each claim's marked span: (finding index, claim index) -> id."""
    return {
        (i, j): f"f{i}c{j}"
        for i, d in enumerate(report.discrepancies, 1)
        for j, _ in enumerate(d.claims, 1)
    }


def _source_ids(report: Report) -> dict[str, str]:
    return {a.source: f"src{k}" for k, a in enumerate(report.articles, 1)}


def _sources(report: Report, compact: bool) -> str:
    ids = _source_ids(report)
    rows = []
    for a in report.articles:
        name = html_text(flat(a.source))
        if not compact:
            name = f'<a href="#{ids[a.source]}">{name}</a>'
        # URLs from article text are shown, never linked: one could be javascript:.
        rows.append(
            f"<tr><td>{name}</td><td>{a.published or ''}</td>"
            f"<td>{html_text(flat(a.title or ''))}</td><td>{html_text(flat(a.url or ''))}</td>"
            f"<td>{len(a.text)}</td></tr>"
        )
    return (
        "<h2>Sources</h2>\n<table class=\"sources\"><tr><th>source</th><th>published</th>"
        "<th>title</th><th>URL</th><th>characters</th></tr>\n" + "\n".join(rows) + "\n</table>"
    )


def _warnings(report: Report) -> str:
    if not report.warnings:
        return ""
    items = "".join(f"<li>{html_text(flat(w))}</li>" for w in report.warnings)
    return f'<ul class="warning">{items}</ul>'


def _filters(report: Report) -> str:
    kinds = list(dict.fromkeys(d.kind for d in report.discrepancies))
    boxes = "".join(
        f'<label><input type="checkbox" name="kind" value="{k}" checked> {k}</label>'
        for k in kinds
    )
    n = len(report.discrepancies)
    return (
        f'<form id="filters" onsubmit="return false">{boxes}'
        '<label>minimum confidence <input type="range" name="min" min="0" max="1" '
        'step="0.05" value="0"> <span id="min-shown">0.00</span></label> '
        f'<span><span id="shown">{n}</span> of {n} findings shown</span></form>'
    )


def _findings(report: Report, anchors: dict[tuple[int, int], str], compact: bool) -> str:
    if not report.discrepancies:
        return "<h2>Findings</h2>\n<p>No discrepancies found.</p>"
    parts = ["<h2>Findings</h2>"]
    from discrep._report import by_story

    for story, findings in by_story(report):
        cards = "\n".join(_finding(report, i, d, anchors, compact) for i, d in findings)
        if story is None:
            parts.append(cards)
        else:
            parts.append(
                f'<section class="story" data-story="{html_text(story)}">'
                f"<h2>Story {html_text(flat(story))}</h2>\n{cards}\n</section>"
            )
    return "\n".join(parts)


def _finding(
    report: Report, i: int, d: Discrepancy, anchors: dict[tuple[int, int], str], compact: bool
) -> str:
    claims = "\n".join(
        _claim(report, c, None if compact else anchors[i, j])
        for j, c in enumerate(d.claims, 1)
    )
    return (
        f'<article class="finding" id="f{i}" data-kind="{d.kind}" '
        f'data-confidence="{d.confidence:.3f}">\n'
        f'<h3>{i}. <span class="kind kind-{d.kind}">{d.kind}</span> '
        f"{html_text(flat(d.subject))} "
        f'<span class="confidence">confidence {d.confidence:.2f}</span></h3>\n'
        f'<p class="reason">{html_text(flat(d.reason))}</p>\n'
        f'<div class="claims">\n{claims}\n</div>\n</article>'
    )


def _claim(report: Report, c: Claim, anchor: str | None) -> str:
    from discrep._report import claim_in_sentence

    lo, hi = claim_in_sentence(report, c)
    s = c.sentence
    sentence = (
        f"{html_text(s[:lo])}<mark>{html_text(s[lo:hi])}</mark>{html_text(s[hi:])}"
    )
    where = f"{html_text(flat(c.source))} @{c.start}–{c.end}"
    if anchor is not None:
        where = f'<a href="#{anchor}" title="show in the full text">{where}</a>'
    value = "" if c.value is None else f'<div class="where">value: {html_text(str(c.value))}</div>'
    return (
        f'<div class="claim" data-source="{html_text(c.source)}" data-start="{c.start}" '
        f'data-end="{c.end}">\n<div class="where">{where}</div>\n'
        f"<blockquote>{sentence}</blockquote>{value}\n</div>"
    )


def _full_texts(report: Report, anchors: dict[tuple[int, int], str]) -> str:
    ids = _source_ids(report)
    spans: dict[str, list[tuple[int, int, str]]] = {}
    for i, d in enumerate(report.discrepancies, 1):
        for j, c in enumerate(d.claims, 1):
            spans.setdefault(c.source, []).append((c.start, c.end, anchors[i, j]))
    parts = ["<h2>Full texts</h2>"]
    parts.extend(
        f'<section class="source" id="{ids[a.source]}"><h3>{html_text(flat(a.source))}</h3>\n'
        # The empty span first: an HTML parser drops a line feed right after <pre>, and
        # serialisers disagree about putting it back; after an element it is plain text.
        f'<pre class="fulltext"><span class="top"></span>{_marked(a, spans.get(a.source, []))}'
        "</pre></section>"
        for a in report.articles
    )
    return "\n".join(parts)


def _marked(article: Article, spans: list[tuple[int, int, str]]) -> str:
    """Return the article's text, escaped, with every claimed span in a ``<mark>``.

    Overlapping spans are cut at every boundary: each piece covered by one or more claims
    is one ``<mark>`` with its own ``data-start``/``data-end``, and each claim's anchor is
    an empty element right before the piece where the claim starts. One pass over the
    sorted boundaries: linear in the text plus the number of spans.
    """
    text = article.text
    cuts = sorted({0, len(text)} | {p for s, e, _ in spans for p in (s, e)})
    starts: dict[int, list[str]] = {}
    for s, _e, anchor in spans:
        starts.setdefault(s, []).append(anchor)
    events = sorted((s, e) for s, e, _ in spans)
    out: list[str] = []
    active: list[int] = []  # ends of the spans covering the current piece
    k = 0
    for lo, hi in itertools.pairwise(cuts):
        active = [e for e in active if e > lo]
        while k < len(events) and events[k][0] <= lo:
            if events[k][1] > lo:
                active.append(events[k][1])
            k += 1
        piece = html_block(text[lo:hi])
        out.extend(f'<span class="anchor" id="{x}"></span>' for x in starts.get(lo, ()))
        if active:
            out.append(f'<mark data-start="{lo}" data-end="{hi}">{piece}</mark>')
        else:
            out.append(piece)
    return "".join(out)
