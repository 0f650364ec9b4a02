"""Tests of the toolkit itself, discrep.testing: strategies, perturbations, assertions.

Nothing here calls discrep.compare() on generated articles (test_invariants.py does):
these check that the toolkit plants what it says it plants, so that a failing invariant
points at discrep and not at the toolkit.
"""

from __future__ import annotations

import datetime as dt
import re

import attrs
import pytest
from hypothesis import find, given, settings
from hypothesis import strategies as st

import discrep
from discrep import Article, Claim, Discrepancy, Entity, Mention, Report
from discrep.testing import (
    NEUTRAL,
    PLANTED,
    Expected,
    Generated,
    NothingToPerturb,
    add_paragraph,
    articles,
    assert_apart,
    assert_expected,
    assert_linked,
    assert_no_discrepancy,
    assert_reports,
    capitals,
    change_quantity,
    change_quotes,
    change_weekday,
    move_venue,
    reflow_whitespace,
    reorder_paragraphs,
    respell,
    shift_date,
)
from discrep.testing.articles import WEEKDAYS, format_date
from strategies import neutral_edits, planted_names

_WORD = r"(?<!\w){}(?!\w)"


def _has(form: str, text: str) -> bool:
    return re.search(_WORD.format(re.escape(form)), text, re.IGNORECASE) is not None


def _spans(g: Generated):  # type: ignore[no-untyped-def]
    f = g.facts
    yield from f.venue.mentions
    yield f.amount.span
    yield f.amount.number
    for p in f.people:
        yield from p.mentions
        yield from p.surnames
    if f.when.weekday is not None:
        yield f.when.weekday
    if f.when.day is not None:
        yield f.when.day
    if f.earlier_venue is not None and f.earlier_when is not None:
        yield from f.earlier_venue.mentions
        assert f.earlier_when.day is not None
        yield f.earlier_when.day
    if f.other_amount is not None:
        yield f.other_amount.span


# --- the strategy ----------------------------------------------------------------------


@given(articles())
def test_facts_quote_the_article_exactly(g: Generated) -> None:
    """Every span in the facts is the exact text at its offsets."""
    for span in _spans(g):
        assert g.article.text[span.start : span.end] == span.text


@given(articles())
def test_facts_agree_with_the_calendar(g: Generated) -> None:
    """The weekday written is the date's weekday, and the meeting precedes publication."""
    when = g.facts.when
    assert when.weekday is not None or when.day is not None
    if when.weekday is not None:
        assert when.weekday.text == WEEKDAYS[when.date.weekday()]
    if when.day is not None:
        assert when.day.text == format_date(when.date)
    assert g.article.published == g.facts.published
    assert 1 <= (g.facts.published - when.date).days <= 4


@given(articles())
def test_background_facts_differ_from_the_main_ones(g: Generated) -> None:
    """An earlier round is elsewhere and a week or more before; a second figure differs."""
    f = g.facts
    if f.earlier_venue is not None and f.earlier_when is not None:
        assert f.earlier_venue.name != f.venue.name
        assert (f.when.date - f.earlier_when.date).days >= 7
    if f.other_amount is not None:
        assert f.other_amount.what != f.amount.what


@given(articles())
def test_people_have_another_spelling(g: Generated) -> None:
    """Each person carries a different spelling of the name, and the two people differ."""
    a, b = g.facts.people
    assert a.variant != a.name
    assert a.name.split()[-1] != b.name.split()[-1]


@given(articles())
def test_venue_is_a_capital_from_the_gazetteer(g: Generated) -> None:
    """The venue and its country come from the gazetteer's capitals."""
    assert (g.facts.venue.name, g.facts.venue.country) in capitals()


def test_strategy_shrinks_to_a_readable_article() -> None:
    """A failing property shrinks to a short article in the first capital."""
    g = find(articles(), lambda g: g.facts.amount.qualifier != "=")
    assert g.facts.venue.name == capitals()[0][0]
    assert len(g.article.text) < 400
    assert g.facts.amount.span.text == "about 200"
    assert g.facts.earlier_venue is None
    assert g.facts.other_amount is None


def test_strategy_is_deterministic_under_the_seed() -> None:
    """Two derandomized runs draw the same articles in the same order."""

    def run() -> list[str]:
        seen: list[str] = []

        @settings(derandomize=True, max_examples=15, database=None)
        @given(articles())
        def collect(g: Generated) -> None:
            seen.append(g.article.text)

        collect()
        return seen

    first = run()
    assert first == run()
    assert len(set(first)) > 1


# --- planted perturbations --------------------------------------------------------------


@given(articles(), planted_names)
def test_planted_change_touches_the_text_and_names_its_forms(g: Generated, name: str) -> None:
    """A planted change alters the text, keeps the date, and its forms are written."""
    changed, expected = PLANTED[name](g)
    assert expected is not None
    assert changed.text != g.article.text
    assert changed.published == g.article.published
    assert len(expected.forms) == 2
    assert expected.forms[0] != expected.forms[1]
    for form in expected.forms:
        assert _has(form, g.article.text) or _has(form, changed.text)


@given(articles(), st.sampled_from([0, 1]))
def test_respell_leaves_no_old_spelling(g: Generated, who: int) -> None:
    """Every full and surname-only mention of the person takes the new spelling."""
    person = g.facts.people[who]
    changed, expected = respell(g, who)
    assert expected is not None
    assert (expected.kind, expected.forms) == ("spelling", (person.name, person.variant))
    assert not _has(person.name, changed.text)
    assert changed.text.count(person.variant) == len(person.mentions)
    old_surname, new_surname = person.name.split()[-1], person.variant.split()[-1]
    if old_surname != new_surname:
        # (the new spelling may hold the old one: Shmygal, Shmygal')
        assert not _has(old_surname, changed.text.replace(new_surname, " "))


def _number(text: str) -> float:
    m = re.search(r"\d[\d,]*(?:\.\d+)?", text)
    assert m is not None
    return float(m.group().replace(",", ""))


@given(articles())
def test_change_quantity_beyond_precision_triples(g: Generated) -> None:
    """Beyond precision the figure is multiplied by three, in the same style."""
    changed, expected = change_quantity(g)
    assert expected is not None
    assert expected.kind == "quantity"
    old, new = expected.forms
    assert old == g.facts.amount.number.text
    assert _number(new) == pytest.approx(3 * _number(old))
    assert ("," in new) == ("," in old) or _number(old) < 1000
    assert _has(new, changed.text)


@given(articles())
def test_change_quantity_within_precision_stays_close(g: Generated) -> None:
    """Within precision the figure moves by 5 percent at most, or only gains 'about'."""
    changed, expected = change_quantity(g, beyond_precision=False)
    assert expected is None
    amount = g.facts.amount
    start = amount.span.start
    new_text = changed.text[start : start + len(amount.span.text) + 8]
    if amount.qualifier == "=":
        assert new_text.startswith("about " + amount.number.text)
    else:
        new = _number(new_text)
        old = _number(amount.number.text)
        assert new != old
        assert abs(new - old) / old <= 0.05 + 1e-9


@pytest.mark.parametrize(
    ("written", "qualifier", "context", "beyond", "new"),
    [
        ("210", "~", "about 210", False, ("", "211")),
        ("1,200", ">", "more than 1,200", False, ("", "1,210")),
        ("5,000", "~", "nearly 5,000", False, ("", "4,900")),
        ("1.2", "~", "about 1.2 million", False, ("", "1.21")),
        ("9", "~", "some 9 million", False, ("", "9.1")),
        ("1,200", "=", "1,200", False, ("about ", "1,200")),
        ("1,200", "=", "1,200", True, ("", "3,600")),
        ("1.5", "~", "about 1.5 million", True, ("", "4.5")),
        ("3000", ">", "over 3000", True, ("", "9000")),
        ("2", "=", "2 million", True, ("", "6")),
    ],
)
def test_new_number_keeps_the_style(
    written: str, qualifier: str, context: str, beyond: bool, new: tuple[str, str]
) -> None:
    """Numbers are rewritten in their own style: separators, decimals, direction."""
    from discrep.testing.perturb import _new_number

    assert _new_number(written, qualifier, beyond, 3.0, context) == new  # type: ignore[arg-type]


def test_new_number_keeps_a_small_figure_above_zero() -> None:
    """A quarter of "2 million" is "0.5 million", not "0 million"."""
    from discrep.testing.perturb import _new_number

    assert _new_number("2", "=", True, 0.25, "2 million") == ("", "0.5")


@given(articles(), st.integers(-2, -1))
def test_shift_date_moves_date_and_weekday_together(g: Generated, days: int) -> None:
    """The new date is ``days`` earlier and its weekday still agrees with it."""
    changed, expected = shift_date(g, days)
    new = g.facts.when.date + dt.timedelta(days=days)
    assert expected is not None
    if g.facts.when.day is not None:
        assert expected.forms == (format_date(g.facts.when.date), format_date(new))
    if g.facts.when.weekday is not None:
        assert WEEKDAYS[new.weekday()] in changed.text


@given(articles(), st.integers(-2, -1))
def test_change_weekday_contradicts_the_date(g: Generated, days: int) -> None:
    """The new weekday is not the meeting's weekday; the date stays as written."""
    changed, expected = change_weekday(g, days)
    assert expected is not None
    real = WEEKDAYS[g.facts.when.date.weekday()]
    new = WEEKDAYS[(g.facts.when.date + dt.timedelta(days=days)).weekday()]
    assert new != real
    assert _has(new, changed.text)
    if g.facts.when.day is not None:
        assert expected.forms == (new, g.facts.when.day.text)
        assert g.facts.when.day.text in changed.text
    else:
        assert expected.forms == (real, new)


@given(articles())
def test_move_venue_goes_to_another_country(g: Generated) -> None:
    """The new venue is a capital in another country and the old one is gone."""
    changed, expected = move_venue(g)
    assert expected is not None
    old, new = expected.forms
    country = dict(capitals())
    assert country[new] != country[old]
    assert not _has(old, changed.text)
    assert changed.text.count(new) == len(g.facts.venue.mentions)


def test_respell_real_article_by_name() -> None:
    """A real article's name is respelled everywhere, possessive included."""
    art = Article("Minister Ivan Petrov spoke. Petrov's aides left. Petrovsky stayed.", source="x")
    changed, expected = respell(art, "Ivan Petrov", to="Iwan Petrow")
    assert changed.text == "Minister Iwan Petrow spoke. Petrow's aides left. Petrovsky stayed."
    assert expected == Expected(
        "spelling", ("Ivan Petrov", "Iwan Petrow"), alternatives=(("Petrov", "Petrow"),)
    )
    assert changed.source == "x+respell"


def test_respell_real_article_by_rule() -> None:
    """Without ``to=``, a romanisation rule respells the surname."""
    art = Article("Kremlin spokesman Ivan Mikhailov spoke.", source="x")
    _, expected = respell(art, "Ivan Mikhailov")
    assert expected is not None
    assert expected.forms == ("Ivan Mikhailov", "Ivan Michailov")


def test_respell_needs_the_name_in_the_text() -> None:
    """Respelling a name the article does not hold says so."""
    with pytest.raises(NothingToPerturb, match="not written"):
        respell(Article("Nobody here.", source="x"), "Ivan Petrov", to="Iwan Petrow")


def test_shift_date_on_a_real_article() -> None:
    """The temporal tagger finds a real article's date and its weekday; both move."""
    art = Article(
        "Delegations met on Thursday, March 3, 2022 in the border region.",
        source="x", published=dt.date(2022, 3, 4),
    )
    changed, expected = shift_date(art, -2)
    assert changed.text == "Delegations met on Tuesday, March 1, 2022 in the border region."
    assert expected == Expected(
        "date", ("March 3, 2022", "March 1, 2022"), alternatives=(("Thursday", "Tuesday"),)
    )


@pytest.fixture(name="real")
def fixture_real() -> Article:
    """A hand-written article, read as a real one: no facts, only its text."""
    return Article(
        "Defence ministers met in Ankara on Thursday to discuss a ceasefire. Officials said "
        "more than 1,200 people had been evacuated from the border area.",
        source="x", published=dt.date(2022, 3, 4),
    )


def test_change_quantity_on_a_real_article(real: Article) -> None:
    """The quantity extractor finds the figure; the qualifier stays."""
    changed, expected = change_quantity(real)
    assert expected == Expected("quantity", ("1,200", "3,600"))
    assert "more than 3,600 people" in changed.text
    within, none = change_quantity(real, beyond_precision=False)
    assert none is None
    assert "more than 1,210 people" in within.text


def test_move_venue_on_a_real_article(real: Article) -> None:
    """The event's venue found by extraction moves to a capital of another country."""
    changed, expected = move_venue(real)
    assert expected is not None
    old, new = expected.forms
    assert old == "Ankara"
    assert dict(capitals())[new] != "TR"
    assert changed.text == real.text.replace("Ankara", new)


def test_change_weekday_on_a_real_article(real: Article) -> None:
    """A weekday alone moves one day back; the forms are both weekdays."""
    changed, expected = change_weekday(real)
    assert expected == Expected("date", ("Thursday", "Wednesday"))
    assert changed.text == real.text.replace("Thursday", "Wednesday")


def test_perturbations_refuse_articles_without_a_target() -> None:
    """A real article without a date or a weekday raises NothingToPerturb."""
    art = Article("Nothing happened here at all.", source="x")
    with pytest.raises(NothingToPerturb):
        shift_date(art)
    with pytest.raises(NothingToPerturb):
        change_weekday(art)


def test_perturbations_refuse_other_types() -> None:
    """Only Articles and Generated values are perturbed."""
    with pytest.raises(TypeError, match="not str"):
        shift_date("Talks on Monday.")  # type: ignore[arg-type]


# --- neutral edits ---------------------------------------------------------------------


def _letters(text: str) -> str:
    return re.sub(r"\s+", "", text)


@given(articles(), st.integers(0, 3))
def test_reflow_changes_whitespace_only(g: Generated, variant: int) -> None:
    """Reflowing keeps every non-space character and every line's words."""
    changed, expected = reflow_whitespace(g, variant)
    assert expected is None
    assert _letters(changed.text) == _letters(g.article.text)
    assert [ln.split() for ln in changed.text.splitlines() if ln.strip()] == [
        ln.split() for ln in g.article.text.splitlines() if ln.strip()
    ]


@given(articles(), st.integers(0, 5))
def test_reorder_keeps_the_paragraphs_and_the_headline(g: Generated, variant: int) -> None:
    """Reordering permutes the paragraphs after the headline."""
    changed, _ = reorder_paragraphs(g, variant)
    old = g.article.text.split("\n\n")
    new = changed.text.split("\n\n")
    assert new[0] == old[0]
    assert sorted(p.strip() for p in new) == sorted(p.strip() for p in old)
    assert new != old


@given(articles())
def test_change_quotes_keeps_offsets(g: Generated) -> None:
    """Swapping quotation marks changes only quote characters, one for one."""
    changed, _ = change_quotes(g)
    assert len(changed.text) == len(g.article.text)
    diff = {(a, b) for a, b in zip(g.article.text, changed.text, strict=True) if a != b}
    assert diff
    assert all(a in "\"'“”‘’" and b in "\"'“”‘’" for a, b in diff)


def test_change_quotes_both_ways() -> None:
    """Straight quotes curl; curly ones straighten."""
    straight = Article('He said "no" and \'maybe\', didn\'t he?')
    curled = change_quotes(straight).article
    assert curled.text == "He said “no” and ‘maybe’, didn’t he?"
    assert change_quotes(curled).article.text == straight.text


@given(articles(), st.integers(0, 3))
def test_add_paragraph_appends_without_names_or_numbers(g: Generated, variant: int) -> None:
    """The added paragraph follows the article and holds no digit or capitalised name."""
    changed, _ = add_paragraph(g, variant)
    body = g.article.text.rstrip()
    assert changed.text.startswith(body + "\n\n")
    added = changed.text[len(body) :].strip()
    assert not re.search(r"\d", added)
    assert not re.search(r"(?<=\s)[A-Z]", added)


@given(articles(), neutral_edits())
def test_neutral_edits_promise_nothing(g: Generated, edit) -> None:  # type: ignore[no-untyped-def]
    """Every neutral edit returns ``expected=None`` and keeps the publication date."""
    changed, expected = edit(g)
    assert expected is None
    assert changed.published == g.article.published


def test_registries_name_every_perturbation() -> None:
    """PLANTED and NEUTRAL list the perturbations the toolkit documents."""
    assert set(PLANTED) == {
        "respell", "change_quantity", "shift_date", "change_weekday", "move_venue"
    }
    assert set(NEUTRAL) == {
        "reflow_whitespace", "reorder_paragraphs", "change_quotes", "add_paragraph"
    }


# --- assertions ------------------------------------------------------------------------


def _mention(source: str, text: str, start: int = 0) -> Mention:
    return Mention(source, start, start + len(text), text, "person", text)


@pytest.fixture(name="report")
def fixture_report() -> Report:
    """A hand-made report: one person under two spellings, one other, one discrepancy."""
    a = Article("Ivan Petrov met Olena Bondar.", source="a")
    b = Article("Iwan Petrow met Olena Bondar.", source="b")
    petrov = (_mention("a", "Ivan Petrov"), _mention("b", "Iwan Petrow"))
    bondar = (_mention("a", "Olena Bondar", 16), _mention("b", "Olena Bondar", 16))
    entities = (
        Entity("e1", "person", "Ivan Petrov", petrov),
        Entity("e2", "person", "Olena Bondar", bondar),
    )
    claims = (
        Claim("a", "Ivan Petrov", 0, 11, a.text, "Ivan Petrov"),
        Claim("b", "Iwan Petrow", 0, 11, b.text, "Iwan Petrow"),
    )
    reason = "written Ivan Petrov (a), Iwan Petrow (b)"
    found = (Discrepancy("spelling", "Ivan Petrov", claims, reason),)
    return Report(articles=(a, b), entities=entities, alignments=(), discrepancies=found)


def test_assert_linked_finds_the_entity(report: Report) -> None:
    """Two spellings in one entity are linked; the entity is returned."""
    assert assert_linked(report, "Ivan Petrov", "iwan petrow").id == "e1"


def test_assert_linked_failure_shows_the_entities(report: Report) -> None:
    """The failure message lists every entity that mentions either name."""
    with pytest.raises(AssertionError, match="not linked") as info:
        assert_linked(report, "Petrov", "Bondar")
    assert "e1 (person, 'Ivan Petrov')" in str(info.value)
    assert "b@16-28 'Olena Bondar'" in str(info.value)


def test_assert_apart(report: Report) -> None:
    """Different people are apart; two spellings of one are not, and the message shows why."""
    assert_apart(report, "Petrov", "Bondar")
    with pytest.raises(AssertionError, match="should stay apart") as info:
        assert_apart(report, "Petrov", "Petrow")
    assert "a@0-11 'Ivan Petrov'" in str(info.value)


def test_assert_reports_matches_whole_words(report: Report) -> None:
    """Forms match whole words in the claims, ignoring case; 'Petro' is not 'Petrov'."""
    d = assert_reports(report, "spelling", ["petrov", "PETROW"])
    assert d.subject == "Ivan Petrov"
    with pytest.raises(AssertionError, match="no spelling discrepancy quotes all of") as info:
        assert_reports(report, "spelling", ["Petro", "Petrow"])
    assert "written Ivan Petrov (a), Iwan Petrow (b)" in str(info.value)


def test_assert_reports_ignores_punctuation_at_the_edges(report: Report) -> None:
    """A form ending in an apostrophe (a soft sign) matches the name quoted without it."""
    assert_reports(report, "spelling", ["Ivan Petrov'", "“Iwan Petrow”"])
    with pytest.raises(AssertionError):
        assert_reports(report, "spelling", ["Ivan Petrov's brother"])


def test_assert_reports_takes_an_expected(report: Report) -> None:
    """An Expected carries the kind and forms; the kind must match."""
    assert_reports(report, Expected("spelling", ("Ivan Petrov", "Iwan Petrow")))
    with pytest.raises(AssertionError, match="no date discrepancy"):
        assert_reports(report, Expected("date", ("Ivan Petrov", "Iwan Petrow")))


def test_assert_reports_accepts_an_alternative(report: Report) -> None:
    """Any one set of an Expected's forms will do; the message shows every set."""
    either = Expected("spelling", ("Petrov Sr", "Petrow Sr"), (("Ivan Petrov", "Iwan Petrow"),))
    assert assert_reports(report, either).subject == "Ivan Petrov"
    neither = Expected("spelling", ("Petrov Sr", "Petrow Sr"), (("Olena", "Iwan"),))
    with pytest.raises(AssertionError, match="'Petrov Sr', 'Petrow Sr' or 'Olena', 'Iwan'"):
        assert_reports(report, neither)


def test_assert_reports_exactly_one(report: Report) -> None:
    """``exactly_one`` fails when the kind is reported twice."""
    twice = Report(
        articles=report.articles, entities=report.entities, alignments=(),
        discrepancies=report.discrepancies * 2,
    )
    assert_reports(report, "spelling", ["Petrov"], exactly_one=True)
    with pytest.raises(AssertionError, match="exactly one spelling discrepancy, found 2"):
        assert_reports(twice, "spelling", ["Petrov"], exactly_one=True)


def test_assert_no_discrepancy_lists_what_was_found(report: Report) -> None:
    """The failure message quotes each discrepancy with its claims' offsets."""
    with pytest.raises(AssertionError, match="found 1") as info:
        assert_no_discrepancy(report)
    assert "[spelling] Ivan Petrov" in str(info.value)
    assert "b@0-11 'Iwan Petrow'" in str(info.value)
    assert_no_discrepancy(report, kinds=["date"])


def test_assert_expected_dispatches(report: Report) -> None:
    """None means no discrepancy at all; an Expected means that discrepancy."""
    assert_expected(report, Expected("spelling", ("Ivan Petrov", "Iwan Petrow")))
    with pytest.raises(AssertionError, match="expected no discrepancy"):
        assert_expected(report, None)


def test_public_surface_is_exactly_all() -> None:
    """``discrep.testing.__all__`` lists exactly the public names, and each exists."""
    import types

    import discrep.testing as t

    public = {
        n for n, v in vars(t).items()
        if not n.startswith("_") and not isinstance(v, types.ModuleType)
    }
    assert set(t.__all__) == public
    assert len(t.__all__) == len(set(t.__all__))


def test_assertions_work_on_a_real_report() -> None:
    """The assertions accept what discrep.compare() returns."""
    same = Article("Talks went on.", source="a")
    report = discrep.compare([same, attrs.evolve(same, source="b")])
    assert_no_discrepancy(report)


def test_missing_extra_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without the testing extra, importing discrep.testing names the pip command."""
    import importlib
    import importlib.util

    import discrep.testing._require as require

    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util, "find_spec",
        lambda name, *a, **k: None if name == "iuliia" else real(name, *a, **k),
    )
    with pytest.raises(ImportError, match=r"'iuliia'.*pip install \"discrep\[testing\]\""):
        importlib.reload(require)
