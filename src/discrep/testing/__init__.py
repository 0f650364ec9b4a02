"""discrep.testing: property-based testing of cross-source alignment.

Install with ``pip install discrep[testing]`` (it needs hypothesis, translitua and iuliia).

- strategies: :func:`articles` (generated news articles whose facts are known);
  :func:`names`, :func:`variant_pairs` and :func:`confusable_pairs` (real names
  romanised by the translitua and iuliia tables; see :mod:`discrep.testing.names`);
- planted perturbations, each returning the changed article and the :class:`Expected`
  discrepancy: :func:`respell`, :func:`change_quantity`, :func:`shift_date`,
  :func:`change_weekday`, :func:`move_venue` (and the strategy
  :func:`planted_perturbations`);
- neutral edits, which must produce no discrepancy: :func:`reflow_whitespace`,
  :func:`reorder_paragraphs`, :func:`change_quotes`, :func:`add_paragraph` (and the
  strategy :func:`neutral_edits`);
- assertions with failure messages that show the evidence: :func:`assert_linked`,
  :func:`assert_apart`, :func:`assert_reports`, :func:`assert_no_discrepancy`,
  :func:`assert_expected`.

See docs/property-testing.md. A planted change and what it must produce:

>>> from hypothesis import find
>>> from discrep.testing import articles, change_quantity
>>> generated = find(articles(), lambda g: g.facts.amount.qualifier == "=")
>>> changed, expected = change_quantity(generated)
>>> expected.kind, generated.facts.amount.number.text in expected.forms
('quantity', True)
>>> changed.source
'a+change_quantity'
"""

from discrep.testing import _require  # noqa: F401  (first: says which extra to install)
from discrep.testing.articles import (
    Amount,
    Facts,
    Generated,
    Person,
    Span,
    Venue,
    When,
    articles,
    capitals,
)
from discrep.testing.assertions import (
    assert_apart,
    assert_evidence_exact,
    assert_expected,
    assert_linked,
    assert_no_discrepancy,
    assert_reports,
)
from discrep.testing.names import confusable_pairs, names, variant_pairs
from discrep.testing.perturb import (
    NEUTRAL,
    PLANTED,
    Expected,
    NothingToPerturb,
    Perturbed,
    add_paragraph,
    change_quantity,
    change_quotes,
    change_weekday,
    move_venue,
    neutral_edits,
    planted_perturbations,
    reflow_whitespace,
    reorder_paragraphs,
    respell,
    shift_date,
)

__all__ = [
    "NEUTRAL",
    "PLANTED",
    "Amount",
    "Expected",
    "Facts",
    "Generated",
    "NothingToPerturb",
    "Person",
    "Perturbed",
    "Span",
    "Venue",
    "When",
    "add_paragraph",
    "articles",
    "assert_apart",
    "assert_evidence_exact",
    "assert_expected",
    "assert_linked",
    "assert_no_discrepancy",
    "assert_reports",
    "capitals",
    "change_quantity",
    "change_quotes",
    "change_weekday",
    "confusable_pairs",
    "move_venue",
    "names",
    "neutral_edits",
    "planted_perturbations",
    "reflow_whitespace",
    "reorder_paragraphs",
    "respell",
    "shift_date",
    "variant_pairs",
]
